/* esc-table.c: one table of a project, a GListModel of EscRow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-core"

#include <string.h>

#include "esc-parse.h"
#include "esc-table.h"

struct _EscTable
{
  GObject parent_instance;

  const EscTableSchema *schema;
  GPtrArray *rows;  /* of EscRow, owned */

  guint freeze_count;
  guint frozen_n_rows;   /* rows when first frozen */
  gboolean frozen_changed;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EscTable, esc_table, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static gboolean
ids_equal (const char *a,
           const char *b)
{
  g_autofree char *ta = esc_strip_dup (a);
  g_autofree char *tb = esc_strip_dup (b);

  return g_strcmp0 (ta, tb) == 0;
}

/* Emits items-changed, or while frozen notes that the thaw has one to emit. */
static void
emit_changed (EscTable *self,
              guint     position,
              guint     removed,
              guint     added)
{
  if (self->freeze_count > 0)
    self->frozen_changed = TRUE;
  else
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static GType
esc_table_get_item_type (GListModel *model)
{
  return ESC_TYPE_ROW;
}

static guint
esc_table_get_n_items (GListModel *model)
{
  return ESC_TABLE (model)->rows->len;
}

static gpointer
esc_table_get_item (GListModel *model,
                    guint       position)
{
  EscTable *self = ESC_TABLE (model);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = esc_table_get_item_type;
  iface->get_n_items = esc_table_get_n_items;
  iface->get_item = esc_table_get_item;
}

static void
esc_table_finalize (GObject *object)
{
  EscTable *self = (EscTable *) object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (esc_table_parent_class)->finalize (object);
}

static void
esc_table_class_init (EscTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = esc_table_finalize;
}

static void
esc_table_init (EscTable *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

EscTable *
esc_table_new (EscTableId id)
{
  EscTable *self;

  g_return_val_if_fail (id < ESC_N_TABLES, NULL);

  self = g_object_new (ESC_TYPE_TABLE, NULL);
  self->schema = esc_schema_get_table (id);
  return self;
}

EscTableId
esc_table_get_id (EscTable *self)
{
  g_return_val_if_fail (ESC_IS_TABLE (self), ESC_N_TABLES);
  return self->schema->id;
}

const EscTableSchema *
esc_table_get_schema (EscTable *self)
{
  g_return_val_if_fail (ESC_IS_TABLE (self), NULL);
  return self->schema;
}

guint
esc_table_get_n_rows (EscTable *self)
{
  g_return_val_if_fail (ESC_IS_TABLE (self), 0);
  return self->rows->len;
}

EscRow *
esc_table_get_row (EscTable *self,
                   guint     position)
{
  g_return_val_if_fail (ESC_IS_TABLE (self), NULL);

  if (position >= self->rows->len)
    return NULL;
  return g_ptr_array_index (self->rows, position);
}

guint
esc_table_index_of (EscTable *self,
                    EscRow   *row)
{
  guint index;

  g_return_val_if_fail (ESC_IS_TABLE (self), G_MAXUINT);

  if (g_ptr_array_find (self->rows, row, &index))
    return index;
  return G_MAXUINT;
}

EscRow *
esc_table_find (EscTable   *self,
                const char *id)
{
  g_return_val_if_fail (ESC_IS_TABLE (self), NULL);

  if (self->schema->id_column < 0 || id == NULL)
    return NULL;
  for (guint i = 0; i < self->rows->len; i++)
    {
      EscRow *row = g_ptr_array_index (self->rows, i);

      if (ids_equal (esc_row_get (row, self->schema->id_column), id))
        return row;
    }
  return NULL;
}

void
esc_table_insert (EscTable *self,
                  guint     position,
                  EscRow   *row)
{
  g_return_if_fail (ESC_IS_TABLE (self));
  g_return_if_fail (ESC_IS_ROW (row));
  g_return_if_fail (esc_row_get_table_id (row) == self->schema->id);

  position = MIN (position, self->rows->len);
  g_ptr_array_insert (self->rows, position, g_object_ref (row));
  emit_changed (self, position, 0, 1);
}

void
esc_table_append (EscTable *self,
                  EscRow   *row)
{
  esc_table_insert (self, G_MAXUINT, row);
}

EscRow *
esc_table_append_values (EscTable           *self,
                         const char * const *values)
{
  g_autoptr(EscRow) row = NULL;

  g_return_val_if_fail (ESC_IS_TABLE (self), NULL);

  row = esc_row_new_with_values (self->schema->id, values);
  esc_table_append (self, row);
  return row;
}

void
esc_table_remove (EscTable *self,
                  guint     position)
{
  g_return_if_fail (ESC_IS_TABLE (self));
  g_return_if_fail (position < self->rows->len);

  g_ptr_array_remove_index (self->rows, position);
  emit_changed (self, position, 1, 0);
}

void
esc_table_clear (EscTable *self)
{
  guint n;

  g_return_if_fail (ESC_IS_TABLE (self));

  n = self->rows->len;
  if (n == 0)
    return;
  g_ptr_array_set_size (self->rows, 0);
  emit_changed (self, 0, n, 0);
}

void
esc_table_splice (EscTable        *self,
                  guint            position,
                  guint            n_removed,
                  EscRow * const  *rows,
                  guint            n_added)
{
  guint n;

  g_return_if_fail (ESC_IS_TABLE (self));
  g_return_if_fail (position <= self->rows->len);
  g_return_if_fail (n_removed <= self->rows->len - position);
  g_return_if_fail (rows != NULL || n_added == 0);
  for (guint i = 0; i < n_added; i++)
    {
      g_return_if_fail (ESC_IS_ROW (rows[i]));
      g_return_if_fail (esc_row_get_table_id (rows[i]) == self->schema->id);
    }

  if (n_removed == 0 && n_added == 0)
    return;
  if (n_removed > 0)
    g_ptr_array_remove_range (self->rows, position, n_removed);
  if (n_added > 0)
    {
      n = self->rows->len;
      g_ptr_array_set_size (self->rows, n + n_added);
      memmove (self->rows->pdata + position + n_added, self->rows->pdata + position,
               (n - position) * sizeof (gpointer));
      for (guint i = 0; i < n_added; i++)
        self->rows->pdata[position + i] = g_object_ref (rows[i]);
    }
  emit_changed (self, position, n_removed, n_added);
}

void
esc_table_freeze (EscTable *self)
{
  g_return_if_fail (ESC_IS_TABLE (self));

  if (self->freeze_count++ == 0)
    {
      self->frozen_n_rows = self->rows->len;
      self->frozen_changed = FALSE;
    }
}

void
esc_table_thaw (EscTable *self)
{
  g_return_if_fail (ESC_IS_TABLE (self));
  g_return_if_fail (self->freeze_count > 0);

  if (--self->freeze_count > 0 || !self->frozen_changed)
    return;
  self->frozen_changed = FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, self->frozen_n_rows, self->rows->len);
}

gboolean
esc_table_equal (EscTable *a,
                 EscTable *b)
{
  g_return_val_if_fail (ESC_IS_TABLE (a) && ESC_IS_TABLE (b), FALSE);

  if (a->schema != b->schema || a->rows->len != b->rows->len)
    return FALSE;
  for (guint i = 0; i < a->rows->len; i++)
    if (!esc_row_equal (g_ptr_array_index (a->rows, i), g_ptr_array_index (b->rows, i)))
      return FALSE;
  return TRUE;
}
