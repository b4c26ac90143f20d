/* test-reassign-page.c: the Reassignment page: a greedy run from the page's action shows
 * its moves and score breakdowns; accepting appends to the Move table and undoes; the
 * optimal mode compares with greedy; a result on an older project says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include <glib/gstdio.h>
#include <string.h>

#include "core/esc-row.h"
#include "core/esc-table.h"
#include "esc-reassign-page.h"
#include "io/esc-project-file.h"
#include "test-ui.h"

static void
add_row (EscProject *project,
         EscTableId  table_id,
         ...)
{
  EscTable *table = esc_project_get_table (project, table_id);
  const EscTableSchema *schema = esc_table_get_schema (table);
  g_autoptr(EscRow) row = esc_row_new (table_id);
  const char *column;
  va_list args;

  va_start (args, table_id);
  while ((column = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      int c = esc_schema_find_column (schema, column);

      g_assert_cmpint (c, >=, 0);
      esc_row_set (row, (guint) c, value);
    }
  va_end (args);
  esc_table_append (table, row);
}

/* One request of 6 h on T1/C; E1 (part-time, 6 h on T2/X) is the best candidate and B1
 * (a trainee with 4 spare hours) backfills; E2 (full-time, 10 h) is the other option. */
static char *
save_small_project (void)
{
  static guint counter;
  g_autoptr(EscProject) project = esc_project_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("reassign-%u.escala", ++counter);
  char *path = g_build_filename (test_tmp_dir, name, NULL);

  add_row (project, ESC_TABLE_REQUEST, "id", "R1", "team", "T1", "category", "C",
           "hours", "6", "priority", "1", NULL);
  add_row (project, ESC_TABLE_EMPLOYEE, "id", "E1", "skills", "C", "full_time", "no", NULL);
  add_row (project, ESC_TABLE_EMPLOYEE, "id", "E2", "skills", "C", "full_time", "yes", NULL);
  add_row (project, ESC_TABLE_EMPLOYEE, "id", "B1", "skills", "X", "trainee", "yes",
           "spare_capacity", "4", NULL);
  add_row (project, ESC_TABLE_ASSIGNMENT, "id", "A1", "employee", "E1", "team", "T2",
           "category", "X", "hours_4w", "6", "hours_12w", "6", "eligible_for_trainee", "yes",
           NULL);
  add_row (project, ESC_TABLE_ASSIGNMENT, "id", "A2", "employee", "E2", "team", "T3",
           "category", "X", "hours_4w", "10", "hours_12w", "10", "eligible_for_trainee", "yes",
           NULL);
  g_assert_true (esc_project_file_save (project, path, &error));
  g_assert_no_error (error);
  return path;
}

static gboolean
window_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static EscMainWindow *
open_project (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  EscMainWindow *window = esc_main_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  g_assert_true (esc_main_window_open_file (window, file, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until (window_drawn, window, 10000, "the window to be drawn");
  return window;
}

static gboolean
run_done (gpointer data)
{
  return !esc_reassign_page_is_running (data);
}

static void
run_page (EscReassignPage *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reassign.run", NULL));
  test_wait_until (run_done, page, 60000, "the reassignment run to finish");
  test_iterate (50);
}

static guint
n_moves_in_history (EscProject *project)
{
  return esc_table_get_n_rows (esc_project_get_table (project, ESC_TABLE_MOVE));
}

static void
test_greedy_accept_undo (void)
{
  g_autofree char *path = save_small_project ();
  EscMainWindow *window = open_project (path);
  EscProject *project = esc_main_window_get_project (window);
  EscReassignPage *page;
  g_autofree char *move = NULL;
  g_autofree char *plan_path = NULL;
  guint before;

  g_assert_true (esc_main_window_show_page (window, "reassign"));
  page = ESC_REASSIGN_PAGE (esc_main_window_get_page_widget (window, "reassign"));
  g_assert_nonnull (page);
  test_iterate (50);
  g_assert_null (esc_reassign_page_get_result (page));

  esc_reassign_page_set_mode (page, ESC_REASSIGN_GREEDY);
  {
    g_autoptr(GDate) day = g_date_new_dmy (2, G_DATE_MARCH, 2026);

    esc_reassign_page_set_today (page, g_date_get_julian (day));
    g_assert_cmpuint (esc_reassign_page_get_today (page), ==, g_date_get_julian (day));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reassign.run", NULL));
  g_assert_true (esc_reassign_page_is_running (page));
  test_wait_until (run_done, page, 60000, "the reassignment run to finish");
  test_iterate (50);

  g_assert_nonnull (esc_reassign_page_get_result (page));
  g_assert_false (esc_reassign_page_is_stale (page));
  g_assert_cmpuint (esc_reassign_page_get_n_moves (page), ==, 1);
  move = esc_reassign_page_get_move_text (page, 0);
  g_test_message ("move: %s", move);
  g_assert_true (g_str_has_prefix (move, "E1\t6\tT2 · X\tT1 · C\tB1 (4 h)"));
  esc_reassign_page_select_move (page, 0);
  test_iterate (20);
  g_test_message ("breakdown: %s", esc_reassign_page_get_breakdown (page));
  g_assert_nonnull (strstr (esc_reassign_page_get_breakdown (page), "Part-time"));
  g_assert_cmpuint (esc_reassign_page_get_n_backfill_options (page), >=, 1);
  g_assert_cmpuint (esc_reassign_page_get_n_options (page), ==, 2);
  g_assert_cmpstr (esc_reassign_page_get_comparison_text (page), ==, "");

  /* Accept: one undoable step that appends the move, and the plan saved next to the file. */
  before = n_moves_in_history (project);
  plan_path = esc_reassign_page_get_plan_path (page);
  g_assert_nonnull (plan_path);
  g_assert_false (g_file_test (plan_path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reassign.accept", NULL));
  g_assert_cmpuint (n_moves_in_history (project), ==, before + 1);
  g_assert_true (g_file_test (plan_path, G_FILE_TEST_EXISTS));
  /* The result is now older than the project: it cannot be accepted twice. */
  g_assert_true (esc_reassign_page_is_stale (page));
  test_iterate (20);
  gtk_widget_activate_action (GTK_WIDGET (page), "reassign.accept", NULL);
  g_assert_cmpuint (n_moves_in_history (project), ==, before + 1);

  g_assert_true (esc_project_undo (project));
  g_assert_cmpuint (n_moves_in_history (project), ==, before);

  /* Running again compares with the saved plan. */
  run_page (page);
  g_assert_false (esc_reassign_page_is_stale (page));
  g_assert_cmpuint (esc_reassign_page_get_n_moves (page), ==, 1);

  test_close_window (window);
  g_unlink (plan_path);
}

static void
test_optimal_compares (void)
{
  g_autofree char *path = save_small_project ();
  EscMainWindow *window = open_project (path);
  EscReassignPage *page;

  g_assert_true (esc_main_window_show_page (window, "reassign"));
  page = ESC_REASSIGN_PAGE (esc_main_window_get_page_widget (window, "reassign"));
  esc_reassign_page_set_mode (page, ESC_REASSIGN_OPTIMAL);
  run_page (page);
  g_assert_nonnull (esc_reassign_page_get_result (page));
  g_assert_true (esc_reassign_page_get_result (page)->has_greedy);
  g_test_message ("comparison: %s", esc_reassign_page_get_comparison_text (page));
  g_assert_cmpstr (esc_reassign_page_get_comparison_text (page), !=, "");
  g_assert_cmpuint (esc_reassign_page_get_n_moves (page), >=, 1);
  test_close_window (window);
}

static void
test_cancel_and_empty (void)
{
  g_autoptr(EscProject) project = esc_project_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = esc_reassign_page_new (project);

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  test_iterate (50);
  /* No requests: nothing to accept or export. */
  g_assert_null (esc_reassign_page_get_result (ESC_REASSIGN_PAGE (page)));
  gtk_widget_activate_action (page, "reassign.accept", NULL);
  g_assert_cmpuint (esc_table_get_n_rows (esc_project_get_table (project, ESC_TABLE_MOVE)), ==, 0);

  /* A run cancelled at once leaves no result. */
  g_assert_true (gtk_widget_activate_action (page, "reassign.run", NULL));
  g_assert_true (gtk_widget_activate_action (page, "reassign.cancel", NULL));
  g_assert_false (esc_reassign_page_is_running (ESC_REASSIGN_PAGE (page)));
  test_iterate (100);
  g_assert_null (esc_reassign_page_get_result (ESC_REASSIGN_PAGE (page)));
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate (20);
}

static void
save_screenshot (GtkWidget  *window,
                 const char *dir,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  test_iterate (300);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window),
                          gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Screenshots of every tab for review, when ESC_REASSIGN_SCREENSHOTS names a folder
 * (and ESC_REASSIGN_PROJECT, optionally, the project to show). */
static void
test_screenshots (void)
{
  const char *dir = g_getenv ("ESC_REASSIGN_SCREENSHOTS");
  const char *project_path = g_getenv ("ESC_REASSIGN_PROJECT");
  g_autofree char *path = NULL;
  EscMainWindow *window;
  EscReassignPage *page;
  g_autoptr(GDate) day = g_date_new_dmy (2, G_DATE_MARCH, 2026);

  if (dir == NULL)
    {
      g_test_skip ("ESC_REASSIGN_SCREENSHOTS is not set");
      return;
    }
  path = project_path != NULL ? g_strdup (project_path) : save_small_project ();
  window = open_project (path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  g_assert_true (esc_main_window_show_page (window, "reassign"));
  page = ESC_REASSIGN_PAGE (esc_main_window_get_page_widget (window, "reassign"));
  esc_reassign_page_set_today (page, g_date_get_julian (day));
  esc_reassign_page_show_tab (page, "results");
  save_screenshot (GTK_WIDGET (window), dir, "reassign-ready.png");
  if (g_getenv ("ESC_REASSIGN_OPTIMAL") != NULL)
    esc_reassign_page_set_mode (page, ESC_REASSIGN_OPTIMAL);
  run_page (page);
  esc_reassign_page_select_move (page, 0);
  save_screenshot (GTK_WIDGET (window), dir, "reassign-results.png");
  esc_reassign_page_show_tab (page, "assignments");
  save_screenshot (GTK_WIDGET (window), dir, "reassign-assignments.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reassign.accept", NULL));
  save_screenshot (GTK_WIDGET (window), dir, "reassign-accepted.png");
  run_page (page);
  esc_reassign_page_show_tab (page, "changes");
  save_screenshot (GTK_WIDGET (window), dir, "reassign-changes.png");
  test_close_window (window);
}

void
test_add_reassign_page_tests (void)
{
  g_test_add_func ("/ui/reassign/greedy-accept-undo", test_greedy_accept_undo);
  g_test_add_func ("/ui/reassign/optimal-compares", test_optimal_compares);
  g_test_add_func ("/ui/reassign/cancel-and-empty", test_cancel_and_empty);
  g_test_add_func ("/ui/reassign/screenshots", test_screenshots);
}
