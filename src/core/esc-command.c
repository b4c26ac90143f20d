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
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *label = NULL;

  g_return_val_if_fail (ESC_IS_TABLE (table), NULL);

  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    g_ptr_array_add (old_rows, g_object_ref (esc_table_get_row (table, i)));
  g_ptr_array_add (children, esc_command_new_remove_rows (table, old_rows));
  g_ptr_array_add (children, esc_command_new_insert_rows (table, 0, rows));
  label = g_strdup_printf (_("Replace %s (%u rows)"), _(esc_table_get_schema (table)->title),
                           rows->len);
  return esc_command_new_group (label, children);
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
      for (guint i = 0; i < self->rows->len; i++)
        esc_table_insert (self->table, self->position + i, g_ptr_array_index (self->rows, i));
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
        /* Keep the rows in the order of their positions, for revert. */
        sorted = g_ptr_array_new_with_free_func (g_object_unref);
        for (guint i = 0; i < self->positions->len; i++)
          g_ptr_array_add (sorted, g_object_ref (esc_table_get_row (
              self->table, g_array_index (self->positions, guint, i))));
        for (guint i = self->positions->len; i > 0; i--)
          esc_table_remove (self->table, g_array_index (self->positions, guint, i - 1));
        g_ptr_array_unref (self->rows);
        self->rows = g_steal_pointer (&sorted);
      }
      break;

    case ESC_COMMAND_GROUP:
      for (guint i = 0; i < self->children->len; i++)
        esc_command_apply (g_ptr_array_index (self->children, i));
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
      for (guint i = self->rows->len; i > 0; i--)
        {
          guint index = esc_table_index_of (self->table, g_ptr_array_index (self->rows, i - 1));

          if (index != G_MAXUINT)
            esc_table_remove (self->table, index);
        }
      break;

    case ESC_COMMAND_REMOVE_ROWS:
      /* Ascending positions: inserting in that order puts every row back in place. */
      for (guint i = 0; i < self->positions->len; i++)
        esc_table_insert (self->table, g_array_index (self->positions, guint, i),
                          g_ptr_array_index (self->rows, i));
      break;

    case ESC_COMMAND_GROUP:
      for (guint i = self->children->len; i > 0; i--)
        esc_command_revert (g_ptr_array_index (self->children, i - 1));
      break;

    default:
      g_assert_not_reached ();
    }
  self->applied = FALSE;
}
