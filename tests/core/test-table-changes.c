/* test-table-changes.c: how tables tell their lists what changed.
 *
 * A list widget (GTK 4.8's column view) makes the widgets of every row an items-changed
 * names anew, unless the same row object comes back within the same signal. So: a splice
 * is one signal; inserting or removing rows is one signal per run of neighbours; a
 * replace of the whole table (an adopted solve, an import) is one signal each way, and
 * rows equal to ones the table had stay those objects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/esc-project.h"
#include "test-core.h"

typedef struct
{
  guint position, removed, added;
} Change;

static void
record_cb (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           GArray     *changes)
{
  Change change = { position, removed, added };

  /* The model is consistent with the signal: as many rows as before, less and more. */
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, position + added);
  g_array_append_val (changes, change);
}

static GArray *
watch (EscTable *table)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (Change));

  g_signal_connect (table, "items-changed", G_CALLBACK (record_cb), changes);
  return changes;
}

static void
unwatch (EscTable *table,
         GArray   *changes)
{
  g_signal_handlers_disconnect_by_data (table, changes);
  g_array_unref (changes);
}

#define assert_change(changes, i, p, r, a) G_STMT_START { \
  const Change *c_ = &g_array_index ((changes), Change, (i)); \
  g_assert_cmpuint (c_->position, ==, (p)); \
  g_assert_cmpuint (c_->removed, ==, (r)); \
  g_assert_cmpuint (c_->added, ==, (a)); \
} G_STMT_END

static EscRow *
role (const char *id,
      const char *name)
{
  return esc_row_new_with_values (ESC_TABLE_ROLE, (const char *[]) { id, name });
}

/* A project whose roles are @ids ("A,B,C"), each named after its id in lower case. */
static EscProject *
make_project (const char *ids)
{
  EscProject *project = esc_project_new ();
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  g_auto(GStrv) split = g_strsplit (ids, ",", -1);

  for (guint i = 0; split[i] != NULL && *split[i] != '\0'; i++)
    {
      g_autofree char *name = g_ascii_strdown (split[i], -1);

      esc_table_append_values (roles, (const char *[]) { split[i], name });
    }
  esc_project_mark_saved (project);
  return project;
}

static char *
role_ids (EscTable *roles)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < esc_table_get_n_rows (roles); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, esc_row_get (esc_table_get_row (roles, i), ESC_ROLE_ID));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_ids(table, expected) G_STMT_START { \
  g_autofree char *ids_ = role_ids (table); \
  g_assert_cmpstr (ids_, ==, (expected)); \
} G_STMT_END

/* The rows of @table, in order (a reference each). */
static GPtrArray *
rows_of (EscTable *table)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    g_ptr_array_add (rows, g_object_ref (esc_table_get_row (table, i)));
  return rows;
}

static void
assert_same_rows (EscTable  *table,
                  GPtrArray *rows)
{
  g_assert_cmpuint (esc_table_get_n_rows (table), ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (esc_table_get_row (table, i) == g_ptr_array_index (rows, i));
}

static void
test_splice (void)
{
  g_autoptr(EscProject) project = make_project ("A,B,C,D");
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  GArray *changes = watch (roles);
  g_autoptr(EscRow) x = role ("X", "x");
  g_autoptr(EscRow) y = role ("Y", "y");
  g_autoptr(EscRow) wrong = esc_row_new (ESC_TABLE_STORE);
  EscRow *two[] = { x, y };

  esc_table_splice (roles, 1, 2, two, 2);
  assert_ids (roles, "A,X,Y,D");
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 1, 2, 2);

  esc_table_splice (roles, 4, 0, two, 1);
  assert_ids (roles, "A,X,Y,D,X");
  esc_table_splice (roles, 0, 5, NULL, 0);
  assert_ids (roles, "");
  g_assert_cmpuint (changes->len, ==, 3);
  assert_change (changes, 1, 4, 0, 1);
  assert_change (changes, 2, 0, 5, 0);

  /* Nothing to do: no signal. */
  esc_table_splice (roles, 0, 0, NULL, 0);
  g_assert_cmpuint (changes->len, ==, 3);

  /* Out of range, or a row of another table: refused, the table unchanged. */
  if (g_test_undefined ())
    {
      EscRow *bad[] = { x, wrong };

      g_test_expect_message ("escala-core", G_LOG_LEVEL_CRITICAL, "*position <= *");
      esc_table_splice (roles, 1, 0, two, 1);
      g_test_assert_expected_messages ();
      g_test_expect_message ("escala-core", G_LOG_LEVEL_CRITICAL, "*esc_row_get_table_id*");
      esc_table_splice (roles, 0, 0, bad, 2);
      g_test_assert_expected_messages ();
      assert_ids (roles, "");
      g_assert_cmpuint (changes->len, ==, 3);
    }
  unwatch (roles, changes);
}

static void
test_freeze (void)
{
  g_autoptr(EscProject) project = make_project ("A,B,C");
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  GArray *changes = watch (roles);
  g_autoptr(EscRow) x = role ("X", "x");

  /* Nested: one signal at the outer thaw, over the whole table. */
  esc_table_freeze (roles);
  esc_table_remove (roles, 0);
  esc_table_freeze (roles);
  esc_table_append (roles, x);
  esc_table_remove (roles, 0);
  esc_table_thaw (roles);
  g_assert_cmpuint (changes->len, ==, 0);
  assert_ids (roles, "C,X");
  esc_table_thaw (roles);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 0, 3, 2);

  /* Nothing changed: nothing said. */
  esc_table_freeze (roles);
  esc_table_thaw (roles);
  g_assert_cmpuint (changes->len, ==, 1);

  /* Not frozen again after the thaw. */
  esc_table_remove (roles, 1);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 1, 1, 1, 0);
  unwatch (roles, changes);
}

/* Inserts and removals: one signal per run of neighbouring rows, each way. */
static void
test_runs (void)
{
  g_autoptr(EscProject) project = make_project ("A,B,C,D,E,F,G");
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  g_autoptr(GPtrArray) before = rows_of (roles);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EscCommand) remove = NULL;
  g_autoptr(EscCommand) insert = NULL;
  GArray *changes = watch (roles);

  /* B, C, D and F (in any order, D twice): two runs, the last first. */
  g_ptr_array_add (doomed, esc_table_get_row (roles, 5));
  g_ptr_array_add (doomed, esc_table_get_row (roles, 3));
  g_ptr_array_add (doomed, esc_table_get_row (roles, 1));
  g_ptr_array_add (doomed, esc_table_get_row (roles, 2));
  g_ptr_array_add (doomed, esc_table_get_row (roles, 3));
  remove = esc_command_new_remove_rows (roles, doomed);
  esc_project_execute (project, remove);
  assert_ids (roles, "A,E,G");
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 0, 5, 1, 0);
  assert_change (changes, 1, 1, 3, 0);

  esc_project_undo (project);
  assert_same_rows (roles, before);
  g_assert_cmpuint (changes->len, ==, 4);
  assert_change (changes, 2, 1, 0, 3);
  assert_change (changes, 3, 5, 0, 1);
  esc_project_redo (project);
  assert_ids (roles, "A,E,G");
  esc_project_undo (project);
  assert_same_rows (roles, before);
  g_array_set_size (changes, 0);

  /* Three rows inserted at 2: one signal; undone: one. */
  g_ptr_array_add (added, role ("X", "x"));
  g_ptr_array_add (added, role ("Y", "y"));
  g_ptr_array_add (added, role ("Z", "z"));
  insert = esc_command_new_insert_rows (roles, 2, added);
  esc_project_execute (project, insert);
  assert_ids (roles, "A,B,X,Y,Z,C,D,E,F,G");
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 2, 0, 3);
  esc_project_undo (project);
  assert_same_rows (roles, before);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 1, 2, 3, 0);
  g_assert_false (esc_project_get_modified (project));
  unwatch (roles, changes);
}

/* A replace keeps the objects of the rows that stay and says so in one signal. */
static void
test_replace_keeps_equal_rows (void)
{
  g_autoptr(EscProject) project = make_project ("A,B,C,D");
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  g_autoptr(GPtrArray) before = rows_of (roles);
  g_autoptr(GPtrArray) incoming = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(EscCommand) replace = NULL;
  EscUndoStack *undo = esc_project_get_undo_stack (project);
  EscRow *renamed;
  GArray *changes;

  /* D and B again (equal values, new objects), C renamed, X new, A gone. */
  g_ptr_array_add (incoming, role ("D", "d"));
  g_ptr_array_add (incoming, role ("X", "x"));
  g_ptr_array_add (incoming, role ("B", "b"));
  g_ptr_array_add (incoming, renamed = role ("C", "Caixa"));
  g_ptr_array_add (incoming, role ("B", "b"));  /* a second B: only one old row to keep */
  replace = esc_command_new_replace_rows (roles, incoming);
  g_assert_cmpint (esc_command_get_kind (replace), ==, ESC_COMMAND_GROUP);
  g_assert_null (esc_command_get_table (replace));
  g_assert_cmpstr (esc_command_get_label (replace), ==, "Replace Roles (5 rows)");

  changes = watch (roles);
  esc_project_execute (project, replace);
  assert_ids (roles, "D,X,B,C,B");
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 0, 4, 5);
  g_assert_true (esc_table_get_row (roles, 0) == g_ptr_array_index (before, 3));
  g_assert_true (esc_table_get_row (roles, 1) == g_ptr_array_index (incoming, 1));
  g_assert_true (esc_table_get_row (roles, 2) == g_ptr_array_index (before, 1));
  g_assert_true (esc_table_get_row (roles, 3) == renamed);
  g_assert_cmpstr (esc_row_get (esc_table_get_row (roles, 3), ESC_ROLE_NAME), ==, "Caixa");
  g_assert_true (esc_table_get_row (roles, 4) == g_ptr_array_index (incoming, 4));
  /* The rows given are not changed. */
  g_assert_cmpuint (incoming->len, ==, 5);
  g_assert_cmpstr (esc_row_get (g_ptr_array_index (incoming, 0), ESC_ROLE_ID), ==, "D");
  after = rows_of (roles);

  /* Undo: the very rows of before, in order, in one signal; redo: those of after. */
  esc_project_undo (project);
  assert_same_rows (roles, before);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 1, 0, 5, 4);
  g_assert_false (esc_project_get_modified (project));
  g_assert_cmpstr (esc_undo_stack_get_redo_label (undo), ==, "Replace Roles (5 rows)");
  esc_project_redo (project);
  assert_same_rows (roles, after);
  g_assert_cmpuint (changes->len, ==, 3);
  assert_change (changes, 2, 0, 4, 5);

  /* An edit of a kept row after the replace undoes before it, as usual. */
  esc_project_execute_take (project, esc_command_new_set_cell (roles, esc_table_get_row (roles, 0),
                                                               ESC_ROLE_NAME, "Depósito"));
  esc_project_undo (project);
  g_assert_cmpstr (esc_row_get (esc_table_get_row (roles, 0), ESC_ROLE_NAME), ==, "d");
  esc_project_undo (project);
  assert_same_rows (roles, before);
  g_assert_cmpstr (esc_row_get (esc_table_get_row (roles, 3), ESC_ROLE_NAME), ==, "d");
  unwatch (roles, changes);
}

/* Equal means every cell and every extra column: a row that differs only in a column
 * the schema does not know is a new row (its extra is not lost). */
static void
test_replace_compares_extras (void)
{
  g_autoptr(EscProject) project = make_project ("A,B");
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  g_autoptr(GPtrArray) before = rows_of (roles);
  g_autoptr(GPtrArray) incoming = g_ptr_array_new_with_free_func (g_object_unref);
  EscRow *a = role ("A", "a");
  EscRow *b = role ("B", "b");

  esc_row_set_extra (g_ptr_array_index (before, 0), "Observação", "abre a loja");
  esc_row_set_extra (a, "Observação", "abre a loja");
  esc_row_set_extra (b, "Observação", "fecha a loja");
  g_ptr_array_add (incoming, a);
  g_ptr_array_add (incoming, b);
  esc_project_execute_take (project, esc_command_new_replace_rows (roles, incoming));
  g_assert_true (esc_table_get_row (roles, 0) == g_ptr_array_index (before, 0));
  g_assert_true (esc_table_get_row (roles, 1) == b);
  g_assert_cmpstr (esc_row_get_extra (esc_table_get_row (roles, 1), "Observação"), ==,
                   "fecha a loja");
  esc_project_undo (project);
  assert_same_rows (roles, before);
  g_assert_null (esc_row_get_extra (esc_table_get_row (roles, 1), "Observação"));
}

/* A replace built before other rows came in leaves them, after the new rows, as a
 * removal and an insertion did; undo takes back only its own. */
static void
test_replace_leaves_later_rows (void)
{
  g_autoptr(EscProject) project = make_project ("A,B");
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  g_autoptr(GPtrArray) incoming = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EscCommand) replace = NULL;
  g_autoptr(EscRow) late = role ("L", "l");
  GArray *changes;

  g_ptr_array_add (incoming, role ("B", "b"));
  g_ptr_array_add (incoming, role ("Y", "y"));
  replace = esc_command_new_replace_rows (roles, incoming);
  esc_table_append (roles, late);   /* no undo: a row the audit log adds, say */

  changes = watch (roles);
  esc_project_execute (project, replace);
  assert_ids (roles, "B,Y,L");
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 0, 3, 3);
  esc_project_undo (project);
  assert_ids (roles, "A,B,L");
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 1, 0, 3, 3);
  unwatch (roles, changes);
}

/* Replacing with nothing, and an empty table with rows. */
static void
test_replace_empty (void)
{
  g_autoptr(EscProject) project = make_project ("");
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) incoming = g_ptr_array_new_with_free_func (g_object_unref);
  GArray *changes = watch (roles);

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *id = g_strdup_printf ("R%03u", i);

      g_ptr_array_add (incoming, role (id, NULL));
    }
  esc_project_execute_take (project, esc_command_new_replace_rows (roles, incoming));
  g_assert_cmpuint (esc_table_get_n_rows (roles), ==, 500);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 0, 0, 500);

  esc_project_execute_take (project, esc_command_new_replace_rows (roles, none));
  g_assert_cmpuint (esc_table_get_n_rows (roles), ==, 0);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 1, 0, 500, 0);

  /* Nothing to nothing: nothing said. */
  esc_project_execute_take (project, esc_command_new_replace_rows (roles, none));
  g_assert_cmpuint (changes->len, ==, 2);

  esc_project_undo (project);
  esc_project_undo (project);
  g_assert_cmpuint (esc_table_get_n_rows (roles), ==, 500);
  esc_project_undo (project);
  g_assert_cmpuint (esc_table_get_n_rows (roles), ==, 0);
  g_assert_cmpuint (changes->len, ==, 4);
  assert_change (changes, 2, 0, 0, 500);
  assert_change (changes, 3, 0, 500, 0);
  unwatch (roles, changes);
}

void
esc_test_add_table_changes_tests (void)
{
  g_test_add_func ("/core/table-changes/splice", test_splice);
  g_test_add_func ("/core/table-changes/freeze", test_freeze);
  g_test_add_func ("/core/table-changes/runs", test_runs);
  g_test_add_func ("/core/table-changes/replace-keeps-equal-rows", test_replace_keeps_equal_rows);
  g_test_add_func ("/core/table-changes/replace-compares-extras", test_replace_compares_extras);
  g_test_add_func ("/core/table-changes/replace-leaves-later-rows", test_replace_leaves_later_rows);
  g_test_add_func ("/core/table-changes/replace-empty", test_replace_empty);
}
