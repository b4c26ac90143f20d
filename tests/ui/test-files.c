/* test-files.c: saving, the question before closing with unsaved changes, the recovery
 * copy and recovering it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include <glib/gstdio.h>
#include <string.h>

#include "esc-recovery.h"
#include "io/esc-project-file.h"
#include "test-ui.h"

static void
edit_weekly_hours (EscMainWindow *window,
                   const char    *value)
{
  EscTableView *view = test_show_grid (window, "employee");
  EscGridCell *cell = test_wait_for_cell (view, 0, ESC_EMPLOYEE_WEEKLY_HOURS);
  GtkEditable *editable = esc_grid_cell_get_editable (cell);

  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (editable));
  gtk_editable_set_text (editable, value);
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (editable), TRUE);
}

static const char *
weekly_hours (EscProject *project)
{
  return esc_row_get (esc_table_get_row (esc_project_get_table (project, ESC_TABLE_EMPLOYEE), 0),
                      ESC_EMPLOYEE_WEEKLY_HOURS);
}

static char *
recovery_copy_path (const char *key)
{
  g_autofree char *dir = esc_recovery_get_dir ();
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  hash[24] = '\0';
  return g_strconcat (dir, G_DIR_SEPARATOR_S, hash, ESC_PROJECT_FILE_EXTENSION, NULL);
}

static void
test_save (void)
{
  EscMainWindow *window = test_open_sample ();
  EscProject *project = esc_main_window_get_project (window);
  g_autofree char *path = g_strdup (esc_project_get_path (project));
  g_autofree char *copy = NULL;
  g_autoptr(EscProject) saved = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing to save yet. */
  g_assert_false (esc_main_window_get_action_enabled (window, "win.save"));
  edit_weekly_hours (window, "36");
  g_assert_true (esc_project_get_modified (project));

  /* The minute's autosave writes a recovery copy. */
  g_assert_cmpstr (esc_main_window_get_recovery_key (window), ==, path);
  g_assert_true (esc_main_window_autosave_now (window));
  copy = recovery_copy_path (path);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  /* Unchanged since: not written again. */
  g_assert_false (esc_main_window_autosave_now (window));

  /* Saving writes the file, marks it clean, drops the recovery copy. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (esc_project_get_modified (project));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  saved = esc_project_file_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (weekly_hours (saved), ==, "36");

  test_close_window (window);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_close_asks (void)
{
  EscMainWindow *window = test_open_sample ();
  EscProject *project = esc_main_window_get_project (window);
  g_autofree char *path = g_strdup (esc_project_get_path (project));
  g_autofree char *copy = recovery_copy_path (path);
  AdwMessageDialog *dialog;
  gpointer weak = window;

  edit_weekly_hours (window, "30");
  g_assert_true (esc_main_window_autosave_now (window));
  g_object_add_weak_pointer (G_OBJECT (window), &weak);

  /* Closing with unsaved changes asks; Cancel keeps the window. */
  gtk_window_close (GTK_WINDOW (window));
  test_wait_until (dialog_shown, NULL, 5000, "the question before closing");
  dialog = find_dialog ();
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  adw_message_dialog_response (dialog, "cancel");
  test_iterate (50);
  g_assert_nonnull (weak);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Discard closes without saving and drops the recovery copy. */
  gtk_window_close (GTK_WINDOW (window));
  test_wait_until (dialog_shown, NULL, 5000, "the question before closing");
  adw_message_dialog_response (find_dialog (), "discard");
  test_wait_until (pointer_cleared, &weak, 5000, "the window to close");
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  {
    g_autoptr(EscProject) on_disk = esc_project_file_load (path, NULL);

    g_assert_cmpstr (weekly_hours (on_disk), ==, "44");
  }
}

static void
test_recover (void)
{
  EscMainWindow *window = test_open_sample ();
  EscProject *project = esc_main_window_get_project (window);
  g_autofree char *path = g_strdup (esc_project_get_path (project));
  g_autoptr(EscRecoveryFile) file = g_new0 (EscRecoveryFile, 1);
  EscMainWindow *recovered;
  EscProject *recovered_project;
  g_autoptr(GError) error = NULL;

  edit_weekly_hours (window, "20");
  g_assert_true (esc_main_window_autosave_now (window));
  /* A crash: the window goes without saving or cleaning up. */
  test_close_window (window);

  /* What esc_recovery_list() gives after a restart (it leaves out the copies of
   * running processes, this one included). */
  file->key = g_strdup (path);
  file->data_path = recovery_copy_path (path);
  file->original_path = g_strdup (path);
  file->display_name = g_strdup ("sample.escala");
  file->saved = g_date_time_new_now_local ();
  g_assert_true (g_file_test (file->data_path, G_FILE_TEST_IS_REGULAR));

  recovered = esc_main_window_new (NULL);
  g_assert_true (esc_main_window_recover (recovered, file, &error));
  g_assert_no_error (error);
  recovered_project = esc_main_window_get_project (recovered);
  g_assert_nonnull (recovered_project);
  g_assert_cmpstr (esc_project_get_path (recovered_project), ==, path);
  g_assert_cmpstr (weekly_hours (recovered_project), ==, "20");
  g_assert_true (esc_project_get_modified (recovered_project));

  /* The recovered changes are one undoable step on top of the saved file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (recovered), "win.undo", NULL));
  g_assert_cmpstr (weekly_hours (recovered_project), ==, "44");
  g_assert_false (esc_project_get_modified (recovered_project));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (recovered), "win.redo", NULL));

  esc_recovery_discard (file);
  g_assert_false (g_file_test (file->data_path, G_FILE_TEST_EXISTS));
  test_close_window (recovered);
}

static void
test_recovery_list_skips_running (void)
{
  g_autoptr(EscProject) project = esc_project_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = recovery_copy_path ("test:list");
  g_autofree char *info = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (esc_recovery_save (project, "test:list", NULL, "list.escala", &error));
  g_assert_no_error (error);

  /* Our own copy is not offered: this process is running. */
  files = esc_recovery_list ();
  for (guint i = 0; i < files->len; i++)
    g_assert_cmpstr (((EscRecoveryFile *) g_ptr_array_index (files, i))->key, !=, "test:list");
  g_clear_pointer (&files, g_ptr_array_unref);

  /* The same copy from a process that is gone is. */
  info = g_strndup (copy, strlen (copy) - strlen (ESC_PROJECT_FILE_EXTENSION));
  {
    g_autofree char *info_path = g_strconcat (info, ".ini", NULL);
    g_autoptr(GKeyFile) key_file = g_key_file_new ();

    g_assert_true (g_key_file_load_from_file (key_file, info_path, G_KEY_FILE_NONE, NULL));
    g_key_file_set_int64 (key_file, "Recovery", "pid", G_MAXINT32 - 1);
    g_assert_true (g_key_file_save_to_file (key_file, info_path, NULL));
  }
  files = esc_recovery_list ();
  g_assert_cmpuint (files->len, >=, 1);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < files->len; i++)
      {
        EscRecoveryFile *file = g_ptr_array_index (files, i);

        if (g_strcmp0 (file->key, "test:list") == 0)
          {
            found = TRUE;
            g_assert_cmpstr (file->display_name, ==, "list.escala");
            g_assert_null (file->original_path);
          }
      }
    g_assert_true (found);
  }
  esc_recovery_remove ("test:list");
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
}

void
test_add_file_tests (void)
{
  g_test_add_func ("/ui/files/save", test_save);
  g_test_add_func ("/ui/files/close-asks", test_close_asks);
  g_test_add_func ("/ui/files/recover", test_recover);
  g_test_add_func ("/ui/files/recovery-list", test_recovery_list_skips_running);
}
