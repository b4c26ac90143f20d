/* esc-command.c: an undoable change to a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-core"

#include <glib/gi18n-lib.h>

#include "esc-command.h"

struct _EscCommand
{
  GObject parent_instance;

  EscCommandKind kind;
  char *label;
  gboolean applied;

  EscTable *table;        /* SET_CELL, INSERT_ROWS, REMOVE_ROWS */

  /* SET_CELL */
  EscRow *row;
  guint column;
  char *old_value;
  char *new_value;

  /* INSERT_ROWS, REMOVE_ROWS: rows, and for REMOVE_ROWS the positions they had when
   * removed (filled by apply, ascending), so that revert restores them exactly. */
  GPtrArray *rows;
  guint position;
  GArray *positions;

  /* GROUP */
  GPtrArray *children;
  EscTable *replace_table;  /* a replace: its children change this table, frozen */
};

G_DEFINE_FINAL_TYPE (EscCommand, esc_command, G_TYPE_OBJECT)

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

static void
esc_command_finalize (GObject *object)
{
  EscCommand *self = (EscCommand *) object;

  g_clear_pointer (&self->label, g_free);
  g_clear_object (&self->table);
  g_clear_object (&self->row);
  g_clear_pointer (&self->old_value, g_free);
  g_clear_pointer (&self->new_value, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_array_unref);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_clear_object (&self->replace_table);

  G_OBJECT_CLASS (esc_command_parent_class)->finalize (object);
}

static void
esc_command_class_init (EscCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = esc_command_finalize;
}

static void
esc_command_init (EscCommand *self)
{
}

static EscCommand *
command_new (EscCommandKind kind,
             EscTable      *table)
{
  EscCommand *self = g_object_new (ESC_TYPE_COMMAND, NULL);

  self->kind = kind;
  if (table != NULL)
    self->table = g_object_ref (table);
  return self;
}

/* Removes the rows at @positions (ascending, distinct), a run of neighbours at a time
 * from the last: one items-changed per run. */
static void
remove_runs (EscTable *table,
             GArray   *positions)
{
  guint end = positions->len;

  while (end > 0)
    {
      guint start = end - 1;

      while (start > 0 && g_array_index (positions, guint, start - 1) + 1 ==
                          g_array_index (positions, guint, start))
        start--;
      esc_table_splice (table, g_array_index (positions, guint, start), end - start, NULL, 0);
      end = start;
    }
}

/* Puts @rows back at @positions (ascending, distinct, where each was before the
 * removal), a run of neighbours at a time from the first. */
static void
insert_runs (EscTable  *table,
             GArray    *positions,
             GPtrArray *rows)
{
  guint start = 0;

  while (start < positions->len)
    {
      guint end = start + 1;
      guint position = g_array_index (positions, guint, start);

      while (end < positions->len &&
             g_array_index (positions, guint, end) == position + (end - start))
        end++;
      esc_table_splice (table, MIN (position, esc_table_get_n_rows (table)), 0,
                        (EscRow * const *) rows->pdata + start, end - start);
      start = end;
    }
}

/* Rows by their values, for finding a row equal to another. */
static guint
row_hash (gconstpointer key)
{
  EscRow *row = (EscRow *) key;
  guint hash = esc_row_get_table_id (row);

  for (guint c = 0; c < esc_row_get_n_columns (row); c++)
    hash = hash * 31 + g_str_hash (esc_row_get (row, c));
  return hash;
}

static gboolean
row_equal (gconstpointer a,
           gconstpointer b)
{
  return esc_row_equal ((EscRow *) a, (EscRow *) b);
}

static GPtrArray *
copy_row_array (GPtrArray *rows)
{
  GPtrArray *copy = g_ptr_array_new_full (rows->len, g_object_unref);

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (rows, i)));
  return copy;
}

EscCommand *
esc_command_new_set_cell (EscTable   *table,
                          EscRow     *row,
                          guint       column,
                          const char *value)
{
  EscCommand *self;
  const EscTableSchema *schema;
  guint index;

  g_return_val_if_fail (ESC_IS_TABLE (table), NULL);
  g_return_val_if_fail (ESC_IS_ROW (row), NULL);
  g_return_val_if_fail (column < esc_row_get_n_columns (row), NULL);

  schema = esc_table_get_schema (table);
  self = command_new (ESC_COMMAND_SET_CELL, table);
  self->row = g_object_ref (row);
  self->column = column;
  self->old_value = g_strdup (esc_row_get (row, column));
  self->new_value = g_strdup (value != NULL ? value : "");
  index = esc_table_index_of (table, row);
  /* Translators: "Edit Employees row 3, Weekly hours: “44” → “40”" */
  self->label = g_strdup_printf (_("Edit %s row %u, %s: “%s” → “%s”"),
                                 _(schema->title), index == G_MAXUINT ? 0 : index + 1,
                                 _(schema->columns[column].title),
                                 self->old_value, self->new_value);
  return self;
}

EscCommand *
esc_command_new_insert_rows (EscTable  *table,
                             guint      position,
                             GPtrArray *rows)
{
  EscCommand *self;

  g_return_val_if_fail (ESC_IS_TABLE (table), NULL);
  g_return_val_if_fail (rows != NULL, NULL);

  self = command_new (ESC_COMMAND_INSERT_ROWS, table);
  self->rows = copy_row_array (rows);
  self->position = MIN (position, esc_table_get_n_rows (table));
  self->label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Add %u row to %s",
                                              "Add %u rows to %s", rows->len),
                                 rows->len, _(esc_table_get_schema (table)->title));
  return self;
}

EscCommand *
esc_command_new_remove_rows (EscTable  *table,
                             GPtrArray *rows)
{
  EscCommand *self;

  g_return_val_if_fail (ESC_IS_TABLE (table), NULL);
  g_return_val_if_fail (rows != NULL, NULL);

  self = command_new (ESC_COMMAND_REMOVE_ROWS, table);
  self->rows = copy_row_array (rows);
  self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  self->label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u row from %s",
                                              "Delete %u rows from %s", rows->len),
                                 rows->len, _(esc_table_get_schema (table)->title));
  return self;
}

EscCommand *
esc_command_new_replace_rows (EscTable  *table,
                              GPtrArray *rows)
{
  g_autoptr(GPtrArray) old_rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) new_rows = NULL;
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) old_by_value = NULL;
  g_autofree char *label = NULL;
  EscCommand *self;

  g_return_val_if_fail (ESC_IS_TABLE (table), NULL);
  g_return_val_if_fail (rows != NULL, NULL);

  /* A new row equal to one the table has (values and extra columns) is that row: the
   * widgets showing it stay (a new solve changes only part of the schedule). Each old
   * row stands for one new row at most. */
  old_by_value = g_hash_table_new_full (row_hash, row_equal, NULL, (GDestroyNotify) g_queue_free);
  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    {
      EscRow *row = esc_table_get_row (table, i);
      GQueue *same = g_hash_table_lookup (old_by_value, row);

      g_ptr_array_add (old_rows, g_object_ref (row));
      if (same == NULL)
        g_hash_table_insert (old_by_value, row, same = g_queue_new ());
      g_queue_push_tail (same, row);
    }
  new_rows = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      EscRow *row = g_ptr_array_index (rows, i);
      GQueue *same = g_hash_table_lookup (old_by_value, row);
      EscRow *kept = same != NULL ? g_queue_pop_head (same) : NULL;

      g_ptr_array_add (new_rows, g_object_ref (kept != NULL ? kept : row));
    }

  g_ptr_array_add (children, esc_command_new_remove_rows (table, old_rows));
  g_ptr_array_add (children, esc_command_new_insert_rows (table, 0, new_rows));
  label = g_strdup_printf (_("Replace %s (%u rows)"), _(esc_table_get_schema (table)->title),
                           rows->len);
  self = esc_command_new_group (label, children);
  self->replace_table = g_object_ref (table);
  return self;
}

EscCommand *
esc_command_new_group (const char *label,
                       GPtrArray  *children)
{
  EscCommand *self;

  g_return_val_if_fail (children != NULL, NULL);

  self = command_new (ESC_COMMAND_GROUP, NULL);
  self->label = g_strdup (label != NULL ? label : "");
  self->children = g_ptr_array_new_full (children->len, g_object_unref);
  for (guint i = 0; i < children->len; i++)
    g_ptr_array_add (self->children, g_object_ref (g_ptr_array_index (children, i)));
  return self;
}

EscCommandKind
esc_command_get_kind (EscCommand *self)
{
  g_return_val_if_fail (ESC_IS_COMMAND (self), ESC_COMMAND_GROUP);
  return self->kind;
}

const char *
esc_command_get_label (EscCommand *self)
{
  g_return_val_if_fail (ESC_IS_COMMAND (self), NULL);
  return self->label;
}

void
esc_command_set_label (EscCommand *self,
                       const char *label)
{
  g_return_if_fail (ESC_IS_COMMAND (self));
  g_free (self->label);
  self->label = g_strdup (label);
}

EscTable *
esc_command_get_table (EscCommand *self)
{
  g_return_val_if_fail (ESC_IS_COMMAND (self), NULL);
  return self->table;
}

gboolean
esc_command_get_applied (EscCommand *self)
{
  g_return_val_if_fail (ESC_IS_COMMAND (self), FALSE);
  return self->applied;
}

void
esc_command_apply (EscCommand *self)
{
  g_return_if_fail (ESC_IS_COMMAND (self));
  g_return_if_fail (!self->applied);

  switch (self->kind)
    {
    case ESC_COMMAND_SET_CELL:
      /* What the cell holds now is what revert restores, whatever it held when the
       * command was made. */
      g_free (self->old_value);
      self->old_value = g_strdup (esc_row_get (self->row, self->column));
      esc_row_set (self->row, self->column, self->new_value);
      break;

    case ESC_COMMAND_INSERT_ROWS:
      esc_table_splice (self->table, MIN (self->position, esc_table_get_n_rows (self->table)), 0,
                        (EscRow * const *) self->rows->pdata, self->rows->len);
      break;

    case ESC_COMMAND_REMOVE_ROWS:
      {
        g_autoptr(GPtrArray) sorted = NULL;

        g_array_set_size (self->positions, 0);
        for (guint i = 0; i < self->rows->len; i++)
          {
            guint index = esc_table_index_of (self->table, g_ptr_array_index (self->rows, i));

            if (index != G_MAXUINT)
              g_array_append_val (self->positions, index);
          }
        g_array_sort (self->positions, compare_uint);
        /* A row listed twice goes once. */
        for (guint i = 1; i < self->positions->len; i++)
          if (g_array_index (self->positions, guint, i) ==
              g_array_index (self->positions, guint, i - 1))
            g_array_remove_index (self->positions, i--);
        /* Keep the rows in the order of their positions, for revert. */
        sorted = g_ptr_array_new_with_free_func (g_object_unref);
        for (guint i = 0; i < self->positions->len; i++)
          g_ptr_array_add (sorted, g_object_ref (esc_table_get_row (
              self->table, g_array_index (self->positions, guint, i))));
        remove_runs (self->table, self->positions);
        g_ptr_array_unref (self->rows);
        self->rows = g_steal_pointer (&sorted);
      }
      break;

    case ESC_COMMAND_GROUP:
      if (self->replace_table != NULL)
        esc_table_freeze (self->replace_table);
      for (guint i = 0; i < self->children->len; i++)
        esc_command_apply (g_ptr_array_index (self->children, i));
      if (self->replace_table != NULL)
        esc_table_thaw (self->replace_table);
      break;

    default:
      g_assert_not_reached ();
    }
  self->applied = TRUE;
}

void
esc_command_revert (EscCommand *self)
{
  g_return_if_fail (ESC_IS_COMMAND (self));
  g_return_if_fail (self->applied);

  switch (self->kind)
    {
    case ESC_COMMAND_SET_CELL:
      esc_row_set (self->row, self->column, self->old_value);
      break;

    case ESC_COMMAND_INSERT_ROWS:
      {
        g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
        gboolean twice = FALSE;

        for (guint i = 0; i < self->rows->len; i++)
          {
            guint index = esc_table_index_of (self->table, g_ptr_array_index (self->rows, i));

            if (index != G_MAXUINT)
              g_array_append_val (found, index);
          }
        g_array_sort (found, compare_uint);
        for (guint i = 1; i < found->len; i++)
          twice |= g_array_index (found, guint, i) == g_array_index (found, guint, i - 1);
        if (!twice)
          remove_runs (self->table, found);
        else
          /* The same row inserted twice: each one found goes, as it came. */
          for (guint i = self->rows->len; i > 0; i--)
            {
              guint index = esc_table_index_of (self->table, g_ptr_array_index (self->rows, i - 1));

              if (index != G_MAXUINT)
                esc_table_remove (self->table, index);
            }
      }
      break;

    case ESC_COMMAND_REMOVE_ROWS:
      /* Ascending positions: inserting in that order puts every row back in place. */
      insert_runs (self->table, self->positions, self->rows);
      break;

    case ESC_COMMAND_GROUP:
      if (self->replace_table != NULL)
        esc_table_freeze (self->replace_table);
      for (guint i = self->children->len; i > 0; i--)
        esc_command_revert (g_ptr_array_index (self->children, i - 1));
      if (self->replace_table != NULL)
        esc_table_thaw (self->replace_table);
      break;

    default:
      g_assert_not_reached ();
    }
  self->applied = FALSE;
}
