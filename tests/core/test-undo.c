/* test-undo.c: commands and the undo stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/esc-project.h"
#include "test-core.h"

/* A project with roles A, B, C, D. */
static EscProject *
make_project (void)
{
  EscProject *project = esc_project_new ();
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  const char *ids[] = { "A", "B", "C", "D" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    esc_table_append_values (roles, (const char *[]) { ids[i], NULL });
  esc_project_mark_saved (project);
  return project;
}

/* "A,B,C,D": the ids of the role table in order. */
static char *
role_ids (EscProject *project)
{
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < esc_table_get_n_rows (roles); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, esc_row_get (esc_table_get_row (roles, i), ESC_ROLE_ID));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_roles(project, expected) \
  G_STMT_START { g_autofree char *ids__ = role_ids (project); \
                 g_assert_cmpstr (ids__, ==, expected); } G_STMT_END

static void
test_set_cell (void)
{
  g_autoptr(EscProject) project = make_project ();
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  EscRow *b = esc_table_get_row (roles, 1);
  g_autoptr(EscCommand) command = esc_command_new_set_cell (roles, b, ESC_ROLE_ID, "Bee");

  g_assert_false (esc_project_get_modified (project));
  g_assert_nonnull (strstr (esc_command_get_label (command), "“B” → “Bee”"));
  esc_project_execute (project, command);
  assert_roles (project, "A,Bee,C,D");
  g_assert_true (esc_project_get_modified (project));
  g_assert_true (esc_undo_stack_can_undo (esc_project_get_undo_stack (project)));
  g_assert_false (esc_undo_stack_can_redo (esc_project_get_undo_stack (project)));

  g_assert_true (esc_project_undo (project));
  assert_roles (project, "A,B,C,D");
  g_assert_false (esc_project_get_modified (project));  /* back at the saved state */
  g_assert_false (esc_project_undo (project));          /* nothing more to undo */

  g_assert_true (esc_project_redo (project));
  assert_roles (project, "A,Bee,C,D");
  g_assert_false (esc_project_redo (project));
}

static void
test_set_cell_follows_row (void)
{
  g_autoptr(EscProject) project = make_project ();
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  EscRow *c = esc_table_get_row (roles, 2);
  g_autoptr(EscCommand) edit = esc_command_new_set_cell (roles, c, ESC_ROLE_NAME, "Caixa");
  g_autoptr(GPtrArray) remove = g_ptr_array_new ();
  g_autoptr(EscCommand) removal = NULL;

  esc_project_execute (project, edit);
  /* Rows before C go away: undoing the edit must still change row C, wherever it is. */
  g_ptr_array_add (remove, esc_table_get_row (roles, 0));
  g_ptr_array_add (remove, esc_table_get_row (roles, 1));
  removal = esc_command_new_remove_rows (roles, remove);
  esc_project_execute (project, removal);
  assert_roles (project, "C,D");
  g_assert_cmpstr (esc_row_get (c, ESC_ROLE_NAME), ==, "Caixa");

  g_assert_true (esc_project_undo (project));
  assert_roles (project, "A,B,C,D");
  g_assert_true (esc_project_undo (project));
  g_assert_cmpstr (esc_row_get (c, ESC_ROLE_NAME), ==, "");
  g_assert_true (esc_table_get_row (roles, 2) == c);
}

static void
test_remove_restores_positions (void)
{
  g_autoptr(EscProject) project = make_project ();
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(EscCommand) command = NULL;

  /* Selected out of order: D then B. */
  g_ptr_array_add (rows, esc_table_get_row (roles, 3));
  g_ptr_array_add (rows, esc_table_get_row (roles, 1));
  command = esc_command_new_remove_rows (roles, rows);
  esc_project_execute (project, command);
  assert_roles (project, "A,C");
  esc_project_undo (project);
  assert_roles (project, "A,B,C,D");
  esc_project_redo (project);
  assert_roles (project, "A,C");
  esc_project_undo (project);
  assert_roles (project, "A,B,C,D");
}

static void
test_insert_and_replace (void)
{
  g_autoptr(EscProject) project = make_project ();
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) imported = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EscCommand) insert = NULL;
  g_autoptr(EscCommand) replace = NULL;

  g_ptr_array_add (rows, esc_row_new_with_values (ESC_TABLE_ROLE, (const char *[]) { "X", NULL }));
  g_ptr_array_add (rows, esc_row_new_with_values (ESC_TABLE_ROLE, (const char *[]) { "Y", NULL }));
  insert = esc_command_new_insert_rows (roles, 1, rows);
  esc_project_execute (project, insert);
  assert_roles (project, "A,X,Y,B,C,D");

  g_ptr_array_add (imported, esc_row_new_with_values (ESC_TABLE_ROLE, (const char *[]) { "CAIXA", NULL }));
  replace = esc_command_new_replace_rows (roles, imported);
  esc_project_execute (project, replace);
  assert_roles (project, "CAIXA");
  g_assert_nonnull (strstr (esc_undo_stack_get_undo_label (esc_project_get_undo_stack (project)),
                            "Replace"));

  esc_project_undo (project);
  assert_roles (project, "A,X,Y,B,C,D");
  esc_project_undo (project);
  assert_roles (project, "A,B,C,D");
  g_assert_false (esc_project_get_modified (project));
  esc_project_redo (project);
  esc_project_redo (project);
  assert_roles (project, "CAIXA");
}

static void
test_group_and_redo_dropped (void)
{
  g_autoptr(EscProject) project = make_project ();
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  EscUndoStack *undo = esc_project_get_undo_stack (project);
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EscCommand) group = NULL;
  g_autoptr(EscCommand) other = NULL;

  /* A paste: two cells of one row, then the same cell again; all undo as one. */
  g_ptr_array_add (children, esc_command_new_set_cell (roles, esc_table_get_row (roles, 0), ESC_ROLE_ID, "A1"));
  g_ptr_array_add (children, esc_command_new_set_cell (roles, esc_table_get_row (roles, 0), ESC_ROLE_NAME, "n"));
  group = esc_command_new_group ("Paste", children);
  esc_project_execute (project, group);
  assert_roles (project, "A1,B,C,D");
  g_assert_cmpstr (esc_undo_stack_get_undo_label (undo), ==, "Paste");

  esc_project_undo (project);
  assert_roles (project, "A,B,C,D");
  g_assert_cmpstr (esc_row_get (esc_table_get_row (roles, 0), ESC_ROLE_NAME), ==, "");
  g_assert_cmpstr (esc_undo_stack_get_redo_label (undo), ==, "Paste");

  /* A new command drops the redo stack. */
  other = esc_command_new_set_cell (roles, esc_table_get_row (roles, 3), ESC_ROLE_ID, "Z");
  esc_project_execute (project, other);
  g_assert_false (esc_undo_stack_can_redo (undo));
  g_assert_false (esc_project_redo (project));
  assert_roles (project, "A,B,C,Z");
}

static void
test_saved_state_unreachable (void)
{
  g_autoptr(EscProject) project = make_project ();
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  g_autoptr(EscCommand) first = esc_command_new_set_cell (roles, esc_table_get_row (roles, 0), ESC_ROLE_ID, "1");
  g_autoptr(EscCommand) second = esc_command_new_set_cell (roles, esc_table_get_row (roles, 0), ESC_ROLE_ID, "2");
  g_autoptr(EscCommand) third = esc_command_new_set_cell (roles, esc_table_get_row (roles, 0), ESC_ROLE_ID, "3");

  esc_project_execute (project, first);
  esc_project_execute (project, second);
  esc_project_mark_saved (project);          /* saved with "2" */
  g_assert_false (esc_project_get_modified (project));
  esc_project_undo (project);                 /* "1" */
  g_assert_true (esc_project_get_modified (project));
  esc_project_execute (project, third);       /* "3": the saved "2" can't come back */
  g_assert_true (esc_project_get_modified (project));
  esc_project_undo (project);
  g_assert_true (esc_project_get_modified (project));
  assert_roles (project, "1,B,C,D");
}

void
esc_test_add_undo_tests (void)
{
  g_test_add_func ("/core/undo/set-cell", test_set_cell);
  g_test_add_func ("/core/undo/set-cell-follows-row", test_set_cell_follows_row);
  g_test_add_func ("/core/undo/remove-restores-positions", test_remove_restores_positions);
  g_test_add_func ("/core/undo/insert-and-replace", test_insert_and_replace);
  g_test_add_func ("/core/undo/group-and-redo-dropped", test_group_and_redo_dropped);
  g_test_add_func ("/core/undo/saved-state-unreachable", test_saved_state_unreachable);
}
