/* test-ui.c: the app's UI under a display: screenshots through the real `escala`, and
 * the window, grids and pages driven in this process.
 *
 * Runs under the display the test has (xvfb-run -a in build-aux/test); without a
 * display the test is skipped (exit status 77). The XDG folders (recent files,
 * recovery copies) point into a scratch folder, so nothing of the user's is touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include <glib/gstdio.h>
#include <locale.h>

#include "esc-test-build.h"
#include "io/esc-project-file.h"
#include "test-ui.h"

#define EXIT_SKIP 77

char *test_tmp_dir;

typedef struct
{
  gboolean (*condition) (gpointer data);
  gpointer data;
} Wait;

static gboolean
timeout_reached_cb (gpointer user_data)
{
  gboolean *reached = user_data;

  *reached = TRUE;
  return G_SOURCE_REMOVE;
}

void
test_iterate (guint ms)
{
  gboolean reached = FALSE;
  guint id = g_timeout_add (ms, timeout_reached_cb, &reached);

  while (!reached)
    g_main_context_iteration (NULL, TRUE);
  (void) id;
  /* And whatever is ready then, idles included. */
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

void
test_wait_until (gboolean   (*condition) (gpointer data),
                 gpointer     data,
                 guint        timeout_ms,
                 const char  *what)
{
  /* The sanitizer build runs several times slower (esc-test-build.h). */
  gint64 end = g_get_monotonic_time () + (gint64) (timeout_ms * ESC_TEST_TIME_FACTOR) * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

char *
test_copy_sample (void)
{
  static guint counter;
  g_autofree char *source = g_build_filename (ESC_SAMPLES_DIR, "loja-centro.escala", NULL);
  g_autofree char *name = g_strdup_printf ("sample-%u.escala", ++counter);
  char *path = g_build_filename (test_tmp_dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
window_drawn (gpointer data)
{
  GtkWidget *window = data;

  return gtk_widget_get_mapped (window) && gtk_widget_get_width (window) > 0;
}

EscMainWindow *
test_open_sample (void)
{
  g_autofree char *path = test_copy_sample ();
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

void
test_close_window (EscMainWindow *window)
{
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  test_iterate (20);
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate (20);
}

typedef struct
{
  EscTableView *view;
  guint position;
  guint column;
} CellWait;

static gboolean
cell_shown (gpointer data)
{
  CellWait *wait = data;
  EscGridCell *cell = esc_table_view_get_cell (wait->view, wait->position, wait->column);

  return cell != NULL && gtk_widget_get_mapped (GTK_WIDGET (cell));
}

EscGridCell *
test_wait_for_cell (EscTableView *view,
                    guint         position,
                    guint         column)
{
  CellWait wait = { view, position, column };

  test_wait_until (cell_shown, &wait, 10000, "a grid cell to be shown");
  return esc_table_view_get_cell (view, position, column);
}

EscTableView *
test_show_grid (EscMainWindow *window,
                const char    *name)
{
  EscTableView *view;

  g_assert_true (esc_main_window_show_page (window, name));
  view = esc_main_window_get_table_view (window);
  g_assert_nonnull (view);
  test_wait_for_cell (view, 0, 0);
  return view;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

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

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("no display (run under xvfb-run -a): skipped\n");
      return EXIT_SKIP;
    }

  /* A subprocess (g_test_trap_subprocess) works in its parent's scratch folder, so that
   * what it leaves (a recovery copy, say) is where the parent looks. */
  if (g_test_subprocess () && g_getenv ("ESC_TEST_UI_TMP_DIR") != NULL)
    test_tmp_dir = g_strdup (g_getenv ("ESC_TEST_UI_TMP_DIR"));
  else
    {
      test_tmp_dir = g_dir_make_tmp ("escala-ui-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("ESC_TEST_UI_TMP_DIR", test_tmp_dir, TRUE);
    }

  /* Before GTK and GLib read them: nothing of the user's is read or written. */
  state = g_build_filename (test_tmp_dir, "state", NULL);
  data = g_build_filename (test_tmp_dir, "data", NULL);
  config = g_build_filename (test_tmp_dir, "config", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);

  gtk_init ();
  adw_init ();
  {
    /* The app's own style sheet, as AdwApplication loads it from the resources: the
     * windows built here look as in the app (screenshots, sizes). */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/escala/Escala/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  /* The grids must not wait for animations. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  test_add_screenshot_tests ();
  test_add_grid_tests ();
  test_add_grid_pace_tests ();
  test_add_page_tests ();
  test_add_file_tests ();
  test_add_solve_tests ();
  test_add_reassign_page_tests ();
  test_add_staffing_page_tests ();
  esc_test_add_gantt_view_tests ();
  test_add_app_tests ();
  test_add_crash_tests ();
  test_add_stress_tests ();

  status = g_test_run ();
  if (!g_test_subprocess ())
    remove_tree (test_tmp_dir);
  g_free (test_tmp_dir);
  return status;
}
