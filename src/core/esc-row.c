/* esc-row.c: one row of a project table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-core"

#include <stdlib.h>

#include "esc-row.h"

struct _EscRow
{
  GObject parent_instance;

  const EscTableSchema *schema;
  char **cells;          /* n_columns strings, never NULL */
  GHashTable *extras;    /* key -> value, NULL until used */
};

G_DEFINE_FINAL_TYPE (EscRow, esc_row, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
esc_row_finalize (GObject *object)
{
  EscRow *self = (EscRow *) object;

  for (guint c = 0; c < self->schema->n_columns; c++)
    g_free (self->cells[c]);
  g_free (self->cells);
  g_clear_pointer (&self->extras, g_hash_table_unref);

  G_OBJECT_CLASS (esc_row_parent_class)->finalize (object);
}

static void
esc_row_class_init (EscRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = esc_row_finalize;

  /**
   * EscRow::changed:
   * @column: the index of the cell that changed
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
esc_row_init (EscRow *self)
{
}

EscRow *
esc_row_new (EscTableId id)
{
  return esc_row_new_with_values (id, NULL);
}

EscRow *
esc_row_new_with_values (EscTableId          id,
                         const char * const *values)
{
  EscRow *self;

  g_return_val_if_fail (id < ESC_N_TABLES, NULL);

  self = g_object_new (ESC_TYPE_ROW, NULL);
  self->schema = esc_schema_get_table (id);
  self->cells = g_new0 (char *, self->schema->n_columns);
  for (guint c = 0; c < self->schema->n_columns; c++)
    self->cells[c] = g_strdup (values != NULL && values[c] != NULL ? values[c] : "");
  return self;
}

EscRow *
esc_row_copy (EscRow *self)
{
  EscRow *copy;

  g_return_val_if_fail (ESC_IS_ROW (self), NULL);

  copy = esc_row_new_with_values (self->schema->id, (const char * const *) self->cells);
  if (self->extras != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->extras);
      while (g_hash_table_iter_next (&iter, &key, &value))
        esc_row_set_extra (copy, key, value);
    }
  return copy;
}

const EscTableSchema *
esc_row_get_schema (EscRow *self)
{
  g_return_val_if_fail (ESC_IS_ROW (self), NULL);
  return self->schema;
}

EscTableId
esc_row_get_table_id (EscRow *self)
{
  g_return_val_if_fail (ESC_IS_ROW (self), ESC_N_TABLES);
  return self->schema->id;
}

guint
esc_row_get_n_columns (EscRow *self)
{
  g_return_val_if_fail (ESC_IS_ROW (self), 0);
  return self->schema->n_columns;
}

const char *
esc_row_get (EscRow *self,
             guint   column)
{
  g_return_val_if_fail (ESC_IS_ROW (self), "");
  g_return_val_if_fail (column < self->schema->n_columns, "");
  return self->cells[column];
}

void
esc_row_set (EscRow     *self,
             guint       column,
             const char *value)
{
  g_return_if_fail (ESC_IS_ROW (self));
  g_return_if_fail (column < self->schema->n_columns);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (self->cells[column], value) == 0)
    return;
  g_free (self->cells[column]);
  self->cells[column] = g_strdup (value);
  g_signal_emit (self, signals[CHANGED], 0, column);
}

gboolean
esc_row_is_empty (EscRow *self,
                  guint   column)
{
  const char *value = esc_row_get (self, column);

  while (g_ascii_isspace (*value))
    value++;
  return *value == '\0';
}

gboolean
esc_row_equal (EscRow *a,
               EscRow *b)
{
  guint n_a = 0, n_b = 0;
  g_autofree const char **keys_a = NULL;
  g_autofree const char **keys_b = NULL;

  g_return_val_if_fail (ESC_IS_ROW (a) && ESC_IS_ROW (b), FALSE);

  if (a->schema != b->schema)
    return FALSE;
  for (guint c = 0; c < a->schema->n_columns; c++)
    if (g_strcmp0 (a->cells[c], b->cells[c]) != 0)
      return FALSE;

  keys_a = esc_row_get_extra_keys (a, &n_a);
  keys_b = esc_row_get_extra_keys (b, &n_b);
  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    if (g_strcmp0 (keys_a[i], keys_b[i]) != 0 ||
        g_strcmp0 (esc_row_get_extra (a, keys_a[i]), esc_row_get_extra (b, keys_b[i])) != 0)
      return FALSE;
  return TRUE;
}

const char *
esc_row_get_extra (EscRow     *self,
                   const char *key)
{
  g_return_val_if_fail (ESC_IS_ROW (self), NULL);

  if (self->extras == NULL)
    return NULL;
  return g_hash_table_lookup (self->extras, key);
}

void
esc_row_set_extra (EscRow     *self,
                   const char *key,
                   const char *value)
{
  g_return_if_fail (ESC_IS_ROW (self));
  g_return_if_fail (key != NULL);

  if (value == NULL)
    {
      if (self->extras != NULL)
        g_hash_table_remove (self->extras, key);
      return;
    }
  if (self->extras == NULL)
    self->extras = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (self->extras, g_strdup (key), g_strdup (value));
}

const char **
esc_row_get_extra_keys (EscRow *self,
                        guint  *n_keys)
{
  const char **keys;
  guint n = 0;

  g_return_val_if_fail (ESC_IS_ROW (self), NULL);

  if (self->extras == NULL)
    keys = g_new0 (const char *, 1);
  else
    {
      keys = (const char **) g_hash_table_get_keys_as_array (self->extras, &n);
      qsort (keys, n, sizeof (char *), compare_strings);
    }
  if (n_keys != NULL)
    *n_keys = n;
  return keys;
}
