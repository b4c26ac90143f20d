/* test-crash.c: what a crash or a failing disk must not cost the user.
 *
 * /ui/crash/kill-after-edits: a child process (g_test_trap_subprocess, sharing the
 * scratch folder and so the recovery folder) opens a project, types into cells of two
 * grids, lets the autosave write its copy as the one-minute timer does, types once more
 * and SIGKILLs itself: no cleanup of any kind runs. A second child starts the
 * application afresh (EscApplication, activated as on start-up): its offer names the
 * project and the time of the copy, has Recover and Discard, and Recover gives exactly
 * the cells as they were at the copy (the edit after it is lost, as documented).
 *
 * /ui/disk/...: a full disk (ENOSPC) and read-only places (EACCES) while saving, saving
 * as, saving on close and autosaving. The failures come from the project file's fail
 * hook (esc_project_file_set_fail_func); where a real one is possible it is used too:
 * chmod when not root (root writes anyway), a path under /proc for everyone. Each time
 * the window says which file, what went wrong and what to do; the project stays
 * modified and unchanged in memory; the file on disk and its folder are as they were;
 * the autosave says so once, not at every attempt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "esc-application.h"
#include "esc-recovery.h"
#include "io/esc-project-file.h"
#include "test-ui.h"

#define ROLE_ENV "ESC_TEST_CRASH_ROLE"
#define VICTIM_NAME "crash-victim.escala"
#define KILL_MARKER "about to be killed"

/* Helpers ------------------------------------------------------------------------- */

static gboolean
window_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* A window showing the project at @path, presented and drawn. */
static EscMainWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  EscMainWindow *window = esc_main_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  g_assert_true (esc_main_window_open_file (window, file, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until (window_drawn, window, 10000, "the window to be drawn");
  return window;
}

static void
copy_sample_to (const char *path)
{
  g_autofree char *source = g_build_filename (ESC_SAMPLES_DIR, "loja-centro.escala", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

/* A new folder in the scratch folder holding a copy of the sample as p.escala. */
static char *
make_project_dir (const char *name)
{
  char *dir = g_build_filename (test_tmp_dir, name, NULL);
  g_autofree char *path = g_build_filename (dir, "p.escala", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  copy_sample_to (path);
  return dir;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, comma-separated. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_chmod (path, 0755);
  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

/* Types @value over the cell (@position, @column) of page @page's grid and commits it,
 * as a user does. */
static void
type_into_cell (EscMainWindow *window,
                const char    *page,
                guint          position,
                guint          column,
                const char    *value)
{
  EscTableView *view = test_show_grid (window, page);
  EscGridCell *cell = test_wait_for_cell (view, position, column);

  g_assert_true (esc_grid_cell_start_editing (cell, value));
  esc_grid_cell_stop_editing (cell, TRUE);
  test_iterate (10);
}

static const char *
cell (EscProject *project,
      EscTableId  table,
      guint       row,
      guint       column)
{
  return esc_row_get (esc_table_get_row (esc_project_get_table (project, table), row), column);
}

/* The visible message dialog transient for @window (any window when NULL). */
static AdwMessageDialog *
find_dialog (GtkWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        (window == NULL || gtk_window_get_transient_for (l->data) == window))
      return l->data;
  return NULL;
}

static guint
count_dialogs (GtkWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == window)
      n++;
  return n;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog (data) != NULL;
}

static gboolean
has_no_dialog (gpointer data)
{
  return find_dialog (data) == NULL;
}

/* What a click on the response's button does: the response, then the dialog closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
answer_dialog (GtkWindow  *window,
               const char *response)
{
  AdwMessageDialog *dialog = find_dialog (window);

  g_assert_nonnull (dialog);
  respond (dialog, response);
  test_wait_until (has_no_dialog, window, 5000, "the dialog to close");
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

/* The toasts shown in @widget's window (AdwToastWidget is private: found by name). */
static void
collect_toasts (GtkWidget *widget,
                GPtrArray *toasts)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") &&
      gtk_widget_get_mapped (widget))
    {
      AdwToast *toast = NULL;

      g_object_get (widget, "toast", &toast, NULL);
      if (toast != NULL)
        g_ptr_array_add (toasts, toast);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_toasts (child, toasts);
}

static GPtrArray *
list_toasts (EscMainWindow *window)
{
  GPtrArray *toasts = g_ptr_array_new_with_free_func (g_object_unref);

  collect_toasts (GTK_WIDGET (window), toasts);
  return toasts;
}

typedef struct
{
  char *prefix;       /* paths that fail start with this */
  int error;          /* errno */
  guint n_calls;      /* failed writes */
} Failure;

static int
fail_cb (const char *path,
         gpointer    user_data)
{
  Failure *failure = user_data;

  if (!g_str_has_prefix (path, failure->prefix))
    return 0;
  failure->n_calls++;
  return failure->error;
}

static void
fail_writes_under (Failure    *failure,
                   const char *prefix,
                   int         error)
{
  g_free (failure->prefix);
  failure->prefix = g_strdup (prefix);
  failure->error = error;
  failure->n_calls = 0;
  esc_project_file_set_fail_func (fail_cb, failure);
}

static void
stop_failing (Failure *failure)
{
  esc_project_file_set_fail_func (NULL, NULL);
  g_clear_pointer (&failure->prefix, g_free);
}

static gboolean
is_root (void)
{
  return geteuid () == 0;
}

/* What the user sees when a save fails: the dialog names the file, the cause and what to
 * do, and says nothing was lost. */
static void
assert_save_error_dialog (EscMainWindow *window,
                          const char    *file_name,
                          const char    *cause,
                          const char    *advice)
{
  AdwMessageDialog *dialog;
  const char *body;

  test_wait_until (has_dialog, window, 5000, "the message about the failed save");
  g_assert_cmpuint (count_dialogs (GTK_WINDOW (window)), ==, 1);
  dialog = find_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save the Project");
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("dialog: %s", body);
  assert_contains (body, file_name);
  assert_contains (body, cause);
  if (advice != NULL)
    assert_contains (body, advice);
  assert_contains (body, "Nothing was lost");
  answer_dialog (GTK_WINDOW (window), "close");
}

/* The window's project is as before the failed save: modified, the same content and
 * generation, the same path, and the title still says so. */
typedef struct
{
  char *data;
  guint64 generation;
  char *path;
} Snapshot;

static void
take_snapshot (Snapshot      *snapshot,
               EscMainWindow *window)
{
  EscProject *project = esc_main_window_get_project (window);

  snapshot->data = esc_project_file_to_data (project, NULL);
  snapshot->generation = esc_project_get_generation (project);
  snapshot->path = g_strdup (esc_project_get_path (project));
}

static void
assert_unchanged (Snapshot      *snapshot,
                  EscMainWindow *window)
{
  EscProject *project = esc_main_window_get_project (window);
  g_autofree char *data = esc_project_file_to_data (project, NULL);

  g_assert_true (esc_project_get_modified (project));
  g_assert_cmpuint (esc_project_get_generation (project), ==, snapshot->generation);
  g_assert_cmpstr (esc_project_get_path (project), ==, snapshot->path);
  g_assert_true (g_str_equal (data, snapshot->data));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_true (esc_main_window_get_action_enabled (window, "win.save"));
}

static void
clear_snapshot (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->data, g_free);
  g_clear_pointer (&snapshot->path, g_free);
}

/* Kill after edits ------------------------------------------------------------------ */

typedef struct
{
  const char *page;
  EscTableId table;
  guint row;
  guint column;
  const char *value;
} Edit;

/* Typed before the autosave: all of them must come back. */
static const Edit kept_edits[] = {
  { "employee", ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_WEEKLY_HOURS, "36" },
  { "employee", ESC_TABLE_EMPLOYEE, 1, ESC_EMPLOYEE_NAME, "Bruna Recuperada" },
  { "employee", ESC_TABLE_EMPLOYEE, 4, ESC_EMPLOYEE_WEEKLY_HOURS, "30" },
  { "demand", ESC_TABLE_DEMAND, 0, ESC_DEMAND_QUANTITY, "3" },
};
/* Typed after it, just before the crash: lost (the copy is at most a minute old). */
static const Edit lost_edit = { "employee", ESC_TABLE_EMPLOYEE, 2, ESC_EMPLOYEE_WEEKLY_HOURS, "12" };

static char *
victim_path (void)
{
  return g_build_filename (test_tmp_dir, VICTIM_NAME, NULL);
}

/* The child that crashes: edits, autosave, one more edit, SIGKILL. */
static void
crash_child_edit_and_kill (void)
{
  g_autofree char *path = victim_path ();
  EscMainWindow *window = open_window (path);
  EscProject *project = esc_main_window_get_project (window);

  for (guint i = 0; i < G_N_ELEMENTS (kept_edits); i++)
    {
      const Edit *e = &kept_edits[i];

      type_into_cell (window, e->page, e->row, e->column, e->value);
      g_assert_cmpstr (cell (project, e->table, e->row, e->column), ==, e->value);
    }
  g_assert_true (esc_project_get_modified (project));
  /* What the one-minute timer does. */
  g_assert_true (esc_main_window_autosave_now (window));

  type_into_cell (window, lost_edit.page, lost_edit.row, lost_edit.column, lost_edit.value);
  g_assert_cmpstr (cell (project, lost_edit.table, lost_edit.row, lost_edit.column), ==,
                   lost_edit.value);

  g_print ("%s\n", KILL_MARKER);
  fflush (stdout);
  raise (SIGKILL);
  g_assert_not_reached ();
}

/* GTK warnings that are no failure of ours (as in test-app.c): GtkApplication without a
 * session bus. */
static gboolean
ignore_session_bus_cb (const char     *log_domain,
                       GLogLevelFlags  log_level,
                       const char     *message,
                       gpointer        user_data)
{
  return g_strcmp0 (log_domain, "Gtk") != 0 || strstr (message, "session bus") == NULL;
}

static gboolean
recovery_dialog_shown (gpointer data)
{
  AdwMessageDialog *dialog = find_dialog (NULL);

  return dialog != NULL &&
         g_strcmp0 (adw_message_dialog_get_heading (dialog), "Recover Unsaved Changes?") == 0;
}

static EscMainWindow *
find_window_with_path (GtkApplication *application,
                       const char     *path)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      EscProject *project;

      if (!ESC_IS_MAIN_WINDOW (l->data))
        continue;
      project = esc_main_window_get_project (l->data);
      if (project != NULL && g_strcmp0 (esc_project_get_path (project), path) == 0)
        return l->data;
    }
  return NULL;
}

/* The time of the copy as the offer writes it. */
static char *
copy_time_text (const char *path)
{
  g_autoptr(GPtrArray) files = esc_recovery_list ();

  for (guint i = 0; i < files->len; i++)
    {
      EscRecoveryFile *file = g_ptr_array_index (files, i);

      if (g_strcmp0 (file->original_path, path) == 0)
        return g_date_time_format (file->saved, "%-d %B %Y at %H:%M");
    }
  return NULL;
}

/* The child that starts afresh: the application's start-up offers the copy. */
static void
crash_child_restart (void)
{
  g_autofree char *path = victim_path ();
  g_autofree char *when = copy_time_text (path);
  g_autoptr(EscApplication) application = esc_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) expected = NULL;
  EscMainWindow *window = NULL;
  EscProject *project;
  guint offers = 0;

  /* The copy of the dead process is listed (the process is gone). */
  g_assert_nonnull (when);

  g_application_set_flags (G_APPLICATION (application),
                           g_application_get_flags (G_APPLICATION (application)) |
                           G_APPLICATION_NON_UNIQUE);
  g_test_log_set_fatal_handler (ignore_session_bus_cb, NULL);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (application));

  /* One offer per copy left behind; ours is the newest, but take whatever comes. */
  while (window == NULL)
    {
      AdwMessageDialog *dialog;
      const char *body;

      test_wait_until (recovery_dialog_shown, NULL, 10000, "the offer to recover");
      dialog = find_dialog (NULL);
      body = adw_message_dialog_get_body (dialog);
      offers++;
      if (strstr (body, "crash-victim") == NULL)
        {
          respond (dialog, "later");
          test_iterate (20);
          continue;
        }
      g_print ("offer: %s\n", body);
      assert_contains (body, "“crash-victim”");
      assert_contains (body, when);
      g_assert_true (adw_message_dialog_has_response (dialog, "recover"));
      g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
      g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "recover");
      respond (dialog, "recover");
      test_iterate (50);
      window = find_window_with_path (GTK_APPLICATION (application), path);
      g_assert_nonnull (window);
    }
  g_assert_cmpuint (offers, >=, 1);

  /* Exactly the cells as autosaved: the sample with the kept edits, not the lost one. */
  project = esc_main_window_get_project (window);
  g_assert_true (esc_project_get_modified (project));
  expected = esc_project_file_load (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (kept_edits); i++)
    {
      const Edit *e = &kept_edits[i];

      g_assert_cmpstr (cell (project, e->table, e->row, e->column), ==, e->value);
      esc_row_set (esc_table_get_row (esc_project_get_table (expected, e->table), e->row),
                   e->column, e->value);
    }
  g_assert_cmpstr (cell (project, lost_edit.table, lost_edit.row, lost_edit.column), ==,
                   cell (expected, lost_edit.table, lost_edit.row, lost_edit.column));
  g_assert_cmpstr (cell (project, lost_edit.table, lost_edit.row, lost_edit.column), !=,
                   lost_edit.value);
  for (EscTableId t = 0; t < ESC_N_TABLES; t++)
    {
      if (t == ESC_TABLE_AUDIT)
        continue;  /* the crashed process logged its edits there */
      if (!esc_table_equal (esc_project_get_table (project, t),
                            esc_project_get_table (expected, t)))
        g_error ("table %s differs from the autosaved edits",
                 esc_table_get_schema (esc_project_get_table (project, t))->key);
    }
  g_print ("recovered %u edits exactly\n", (guint) G_N_ELEMENTS (kept_edits));

  /* Not saved by recovering: the file on disk is still the sample. */
  {
    g_autoptr(EscProject) on_disk = esc_project_file_load (path, NULL);

    g_assert_cmpstr (cell (on_disk, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "44");
  }
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  test_iterate (20);
}

static void
test_kill_after_edits (void)
{
  g_autofree char *path = victim_path ();
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *info_path = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  const char *role = g_getenv (ROLE_ENV);
  gint64 pid;

  if (g_test_subprocess ())
    {
      if (g_strcmp0 (role, "edit") == 0)
        crash_child_edit_and_kill ();
      else if (g_strcmp0 (role, "restart") == 0)
        crash_child_restart ();
      else
        g_error ("unknown role %s", role);
      return;
    }

  copy_sample_to (path);
  original = read_file (path);

  /* 1. Edit and die. */
  g_setenv (ROLE_ENV, "edit", TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout ("*" KILL_MARKER "*");

  /* Nothing ran after the kill: the recovery copy is there, the file untouched. */
  {
    g_autofree char *dir = esc_recovery_get_dir ();
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
    g_autofree char *on_disk = read_file (path);

    hash[24] = '\0';
    copy = g_strconcat (dir, G_DIR_SEPARATOR_S, hash, ESC_PROJECT_FILE_EXTENSION, NULL);
    info_path = g_strconcat (dir, G_DIR_SEPARATOR_S, hash, ".ini", NULL);
    g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL));
    pid = g_key_file_get_int64 (info, "Recovery", "pid", NULL);
    g_assert_cmpint (pid, >, 0);
    g_assert_cmpint (pid, !=, (gint64) getpid ());
    g_assert_cmpint (kill ((pid_t) pid, 0), ==, -1);
    g_assert_cmpint (errno, ==, ESRCH);
    g_assert_true (g_str_equal (on_disk, original));
  }

  /* 2. Start again: the offer, and Recover. */
  g_setenv (ROLE_ENV, "restart", TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv (ROLE_ENV);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*offer: *crash-victim*");
  g_test_trap_assert_stdout ("*recovered 4 edits exactly*");

  esc_recovery_remove (path);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_unlink (path);
}

/* Disk errors --------------------------------------------------------------------- */

static void
test_disk_full_save (void)
{
  g_autofree char *dir = make_project_dir ("disk-full");
  g_autofree char *path = g_build_filename (dir, "p.escala", NULL);
  EscMainWindow *window = open_window (path);
  EscProject *project = esc_main_window_get_project (window);
  g_autofree char *before = read_file (path);
  g_autofree char *listing = list_dir (dir);
  Failure failure = { 0 };
  Snapshot snapshot = { 0 };

  type_into_cell (window, "employee", 0, ESC_EMPLOYEE_WEEKLY_HOURS, "36");
  take_snapshot (&snapshot, window);

  fail_writes_under (&failure, dir, ENOSPC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_cmpuint (failure.n_calls, ==, 1);
  assert_save_error_dialog (window, "p.escala", "the disk is full",
                            "Free some space or save it elsewhere");
  assert_unchanged (&snapshot, window);
  {
    g_autofree char *after = read_file (path);
    g_autofree char *listing_after = list_dir (dir);

    g_assert_true (g_str_equal (after, before));
    g_assert_cmpstr (listing_after, ==, listing);  /* no temporary file, no backup */
  }

  /* Space again: the same Save works. */
  stop_failing (&failure);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_null (find_dialog (GTK_WINDOW (window)));
  g_assert_false (esc_project_get_modified (project));
  {
    g_autoptr(EscProject) saved = esc_project_file_load (path, NULL);

    g_assert_cmpstr (cell (saved, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "36");
  }

  clear_snapshot (&snapshot);
  test_close_window (window);
  remove_tree (dir);
}

static void
test_read_only_folder_save_as (void)
{
  g_autofree char *dir = make_project_dir ("save-as");
  g_autofree char *path = g_build_filename (dir, "p.escala", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *target = g_build_filename (locked, "copy", NULL);
  g_autofree char *elsewhere = g_build_filename (dir, "elsewhere.escala", NULL);
  EscMainWindow *window = open_window (path);
  EscProject *project = esc_main_window_get_project (window);
  Failure failure = { 0 };
  Snapshot snapshot = { 0 };

  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
  type_into_cell (window, "employee", 0, ESC_EMPLOYEE_WEEKLY_HOURS, "40");
  take_snapshot (&snapshot, window);

  /* A folder we may not write to: real permissions, or the hook for root. */
  if (is_root ())
    fail_writes_under (&failure, locked, EACCES);
  else
    g_assert_cmpint (g_chmod (locked, 0555), ==, 0);
  g_assert_false (esc_main_window_save_as_path (window, target));
  assert_save_error_dialog (window, "copy.escala", "you are not allowed to write there",
                            "in another folder");
  assert_unchanged (&snapshot, window);
  g_assert_cmpstr (esc_main_window_get_recovery_key (window), ==, path);
  {
    g_autofree char *listing = list_dir (locked);

    g_assert_cmpstr (listing, ==, "");
  }
  stop_failing (&failure);
  g_chmod (locked, 0755);

  /* A place no one may write, root included. */
  g_assert_false (esc_main_window_save_as_path (window, "/proc/escala-test.escala"));
  assert_save_error_dialog (window, "/proc/escala-test.escala", "Could not save", NULL);
  assert_unchanged (&snapshot, window);

  /* What the message says to do works. */
  g_assert_true (esc_main_window_save_as_path (window, elsewhere));
  g_assert_false (esc_project_get_modified (project));
  g_assert_cmpstr (esc_project_get_path (project), ==, elsewhere);

  clear_snapshot (&snapshot);
  test_close_window (window);
  remove_tree (dir);
}

static void
test_read_only_file_save (void)
{
  g_autofree char *dir = make_project_dir ("read-only-file");
  g_autofree char *path = g_build_filename (dir, "p.escala", NULL);
  EscMainWindow *window = open_window (path);
  g_autofree char *before = read_file (path);
  g_autofree char *listing = list_dir (dir);
  Failure failure = { 0 };
  Snapshot snapshot = { 0 };
  GStatBuf st;

  type_into_cell (window, "employee", 0, ESC_EMPLOYEE_WEEKLY_HOURS, "20");
  take_snapshot (&snapshot, window);

  if (is_root ())
    fail_writes_under (&failure, path, EACCES);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  assert_save_error_dialog (window, "p.escala", "you are not allowed to write there",
                            "under another name");
  assert_unchanged (&snapshot, window);
  {
    g_autofree char *after = read_file (path);
    g_autofree char *listing_after = list_dir (dir);

    g_assert_true (g_str_equal (after, before));
    g_assert_cmpstr (listing_after, ==, listing);
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0444);
  }

  stop_failing (&failure);
  g_chmod (path, 0644);
  clear_snapshot (&snapshot);
  test_close_window (window);
  remove_tree (dir);
}

/* Closing, Save, and the save fails: the window stays with the changes; a later save
 * that works does not close it behind the user's back. */
static void
test_save_on_close_fails (void)
{
  g_autofree char *dir = make_project_dir ("close");
  g_autofree char *path = g_build_filename (dir, "p.escala", NULL);
  EscMainWindow *window = open_window (path);
  EscProject *project = esc_main_window_get_project (window);
  gpointer weak = window;
  Failure failure = { 0 };
  Snapshot snapshot = { 0 };

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  type_into_cell (window, "employee", 0, ESC_EMPLOYEE_WEEKLY_HOURS, "38");
  take_snapshot (&snapshot, window);

  fail_writes_under (&failure, dir, ENOSPC);
  gtk_window_close (GTK_WINDOW (window));
  test_wait_until (has_dialog, window, 5000, "the question before closing");
  g_assert_cmpstr (adw_message_dialog_get_heading (find_dialog (GTK_WINDOW (window))), ==,
                   "Save Changes?");
  respond (find_dialog (GTK_WINDOW (window)), "save");
  assert_save_error_dialog (window, "p.escala", "the disk is full", NULL);
  test_iterate (100);
  g_assert_nonnull (weak);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  assert_unchanged (&snapshot, window);

  stop_failing (&failure);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (esc_project_get_modified (project));
  test_iterate (100);
  g_assert_nonnull (weak);

  g_object_remove_weak_pointer (G_OBJECT (window), &weak);
  clear_snapshot (&snapshot);
  test_close_window (window);
  remove_tree (dir);
}

static guint
count_autosave_toasts (EscMainWindow *window)
{
  g_autoptr(GPtrArray) toasts = list_toasts (window);
  guint n = 0;

  for (guint i = 0; i < toasts->len; i++)
    if (strstr (adw_toast_get_title (g_ptr_array_index (toasts, i)), "copied for recovery"))
      n++;
  return n;
}

static void
dismiss_toasts (EscMainWindow *window)
{
  g_autoptr(GPtrArray) toasts = list_toasts (window);

  for (guint i = 0; i < toasts->len; i++)
    adw_toast_dismiss (g_ptr_array_index (toasts, i));
  test_iterate (100);
}

static void
test_autosave_fails_once (void)
{
  g_autofree char *dir = make_project_dir ("autosave");
  g_autofree char *path = g_build_filename (dir, "p.escala", NULL);
  g_autofree char *recovery_dir = esc_recovery_get_dir ();
  g_autofree char *copy = NULL;
  EscMainWindow *window = open_window (path);
  EscProject *project = esc_main_window_get_project (window);
  g_autofree char *listing = NULL;
  Failure failure = { 0 };
  AdwMessageDialog *dialog;
  const char *values[] = { "31", "32", "33", "34", "35" };

  {
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);

    hash[24] = '\0';
    copy = g_strconcat (recovery_dir, G_DIR_SEPARATOR_S, hash, ESC_PROJECT_FILE_EXTENSION, NULL);
  }

  /* A first copy while there is room. */
  type_into_cell (window, "employee", 0, ESC_EMPLOYEE_WEEKLY_HOURS, "36");
  g_assert_true (esc_main_window_autosave_now (window));
  g_assert_cmpuint (count_autosave_toasts (window), ==, 0);
  listing = list_dir (dir);

  /* The disk fills up: the next attempt says so, in a toast that stays. */
  fail_writes_under (&failure, recovery_dir, ENOSPC);
  type_into_cell (window, "employee", 0, ESC_EMPLOYEE_WEEKLY_HOURS, "30");
  g_assert_false (esc_main_window_autosave_now (window));
  test_iterate (100);
  g_assert_cmpuint (failure.n_calls, ==, 1);
  g_assert_cmpuint (count_autosave_toasts (window), ==, 1);
  {
    g_autoptr(GPtrArray) toasts = list_toasts (window);

    g_assert_cmpuint (toasts->len, ==, 1);
    assert_contains (adw_toast_get_title (g_ptr_array_index (toasts, 0)), "“p”");
    g_assert_cmpuint (adw_toast_get_timeout (g_ptr_array_index (toasts, 0)), ==, 0);
  }
  /* Its Details: the reason and what to do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.autosave-details", NULL));
  test_wait_until (has_dialog, window, 5000, "the details");
  dialog = find_dialog (GTK_WINDOW (window));
  g_test_message ("details: %s", adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Unsaved Changes Are Not Protected");
  assert_contains (adw_message_dialog_get_body (dialog), "the disk is full");
  assert_contains (adw_message_dialog_get_body (dialog), "Free some space");
  answer_dialog (GTK_WINDOW (window), "close");

  /* The user closes the toast; the next minutes fail the same way, silently. */
  dismiss_toasts (window);
  g_assert_cmpuint (count_autosave_toasts (window), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      type_into_cell (window, "employee", 1, ESC_EMPLOYEE_WEEKLY_HOURS, values[i]);
      g_assert_false (esc_main_window_autosave_now (window));
      test_iterate (50);
      g_assert_cmpuint (count_autosave_toasts (window), ==, 0);
      g_assert_null (find_dialog (GTK_WINDOW (window)));
    }
  g_assert_cmpuint (failure.n_calls, ==, 1 + G_N_ELEMENTS (values));  /* it kept trying */

  /* Nothing lost: the last good copy is intact, the project as typed. */
  {
    g_autoptr(EscProject) kept = esc_project_file_load (copy, NULL);
    g_autofree char *listing_after = list_dir (dir);

    g_assert_nonnull (kept);
    g_assert_cmpstr (cell (kept, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "36");
    g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "30");
    g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 1, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "35");
    g_assert_true (esc_project_get_modified (project));
    g_assert_cmpstr (listing_after, ==, listing);
  }

  /* Room again: the copy is written, and the next failure is a new one, said again. */
  stop_failing (&failure);
  g_assert_true (esc_main_window_autosave_now (window));
  {
    g_autoptr(EscProject) kept = esc_project_file_load (copy, NULL);

    g_assert_cmpstr (cell (kept, ESC_TABLE_EMPLOYEE, 1, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "35");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.autosave-details", NULL));
  test_iterate (50);
  g_assert_null (find_dialog (GTK_WINDOW (window)));  /* nothing to tell now */

  fail_writes_under (&failure, recovery_dir, EACCES);
  type_into_cell (window, "employee", 1, ESC_EMPLOYEE_WEEKLY_HOURS, "44");
  g_assert_false (esc_main_window_autosave_now (window));
  test_iterate (100);
  g_assert_cmpuint (count_autosave_toasts (window), ==, 1);
  /* A successful copy takes the toast away. */
  stop_failing (&failure);
  type_into_cell (window, "employee", 1, ESC_EMPLOYEE_WEEKLY_HOURS, "43");
  g_assert_true (esc_main_window_autosave_now (window));
  test_iterate (100);
  g_assert_cmpuint (count_autosave_toasts (window), ==, 0);

  test_close_window (window);
  esc_recovery_remove (path);
  remove_tree (dir);
}

void
test_add_crash_tests (void)
{
  g_test_add_func ("/ui/crash/kill-after-edits", test_kill_after_edits);
  g_test_add_func ("/ui/disk/full-save", test_disk_full_save);
  g_test_add_func ("/ui/disk/read-only-folder-save-as", test_read_only_folder_save_as);
  g_test_add_func ("/ui/disk/read-only-file-save", test_read_only_file_save);
  g_test_add_func ("/ui/disk/save-on-close-fails", test_save_on_close_fails);
  g_test_add_func ("/ui/disk/autosave-says-once", test_autosave_fails_once);
}
