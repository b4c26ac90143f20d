/* test-audit.c: the audit log records edits, undo and redo, and is saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/esc-audit.h"
#include "core/esc-command.h"
#include "core/esc-project.h"
#include "io/esc-project-file.h"
#include <glib/gstdio.h>

#include "test-core.h"

static const char *
audit_cell (EscProject *project,
            guint       row,
            guint       column)
{
  EscTable *audit = esc_project_get_table (project, ESC_TABLE_AUDIT);

  return esc_row_get (esc_table_get_row (audit, row), column);
}

static void
test_audit_log (void)
{
  g_autoptr(EscProject) project = esc_project_new ();
  g_autoptr(EscProject) loaded = NULL;
  g_autoptr(EscAudit) audit = esc_audit_new (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("escala-audit-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "audit.escala", NULL);
  EscTable *employees = esc_project_get_table (project, ESC_TABLE_EMPLOYEE);
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  EscTable *log = esc_project_get_table (project, ESC_TABLE_AUDIT);
  EscRow *ana;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  esc_audit_set_user (audit, "Maria HR");
  ana = esc_row_new (ESC_TABLE_EMPLOYEE);
  esc_row_set (ana, ESC_EMPLOYEE_ID, "E1");
  esc_row_set (ana, ESC_EMPLOYEE_NAME, "Ana");
  esc_table_append (employees, ana);
  g_object_unref (ana);
  g_assert_cmpuint (esc_table_get_n_rows (log), ==, 0);

  /* An edit of an employee row names the employee. */
  esc_project_execute_take (project, esc_command_new_set_cell (employees, ana, ESC_EMPLOYEE_NAME,
                                                               "Ana Paula"));
  g_assert_cmpuint (esc_table_get_n_rows (log), ==, 1);
  g_assert_cmpstr (audit_cell (project, 0, ESC_AUDIT_USER), ==, "Maria HR");
  g_assert_cmpstr (audit_cell (project, 0, ESC_AUDIT_TABLE), ==, "employee");
  g_assert_cmpstr (audit_cell (project, 0, ESC_AUDIT_EMPLOYEE), ==, "E1");
  g_assert_true (g_str_has_prefix (audit_cell (project, 0, ESC_AUDIT_ACTION), "Edit Employees"));
  {
    g_autoptr(GDateTime) logged = g_date_time_new_from_iso8601 (audit_cell (project, 0,
                                                                            ESC_AUDIT_TIME),
                                                                NULL);
    g_assert_nonnull (logged);
  }

  /* Another table: no employee. */
  g_ptr_array_add (rows, esc_row_new_with_values (ESC_TABLE_ROLE, (const char *[]) { "Cashier", "", NULL }));
  esc_project_execute_take (project, esc_command_new_insert_rows (roles, 0, rows));
  g_assert_cmpuint (esc_table_get_n_rows (log), ==, 2);
  g_assert_cmpstr (audit_cell (project, 1, ESC_AUDIT_TABLE), ==, "role");
  g_assert_cmpstr (audit_cell (project, 1, ESC_AUDIT_EMPLOYEE), ==, "");

  /* Undo and redo add rows; they never remove any. */
  g_assert_true (esc_project_undo (project));
  g_assert_true (esc_project_undo (project));
  g_assert_cmpstr (esc_row_get (ana, ESC_EMPLOYEE_NAME), ==, "Ana");
  g_assert_cmpuint (esc_table_get_n_rows (log), ==, 4);
  g_assert_true (g_str_has_prefix (audit_cell (project, 2, ESC_AUDIT_ACTION), "Undo: Add"));
  g_assert_true (g_str_has_prefix (audit_cell (project, 3, ESC_AUDIT_ACTION), "Undo: Edit"));
  g_assert_cmpstr (audit_cell (project, 3, ESC_AUDIT_EMPLOYEE), ==, "E1");
  g_assert_true (esc_project_redo (project));
  g_assert_cmpuint (esc_table_get_n_rows (log), ==, 5);
  g_assert_true (g_str_has_prefix (audit_cell (project, 4, ESC_AUDIT_ACTION), "Redo: Edit"));
  g_assert_cmpstr (audit_cell (project, 4, ESC_AUDIT_EMPLOYEE), ==, "E1");

  /* The log is saved with the project. */
  g_assert_true (esc_project_file_save (project, path, &error));
  g_assert_no_error (error);
  loaded = esc_project_file_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (esc_table_equal (log, esc_project_get_table (loaded, ESC_TABLE_AUDIT)));

  g_unlink (path);
  g_rmdir (dir);
}

void
esc_test_add_audit_tests (void)
{
  g_test_add_func ("/core/audit/log", test_audit_log);
}
