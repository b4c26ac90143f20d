/* test-gantt-view.c: the Gantt chart page: bars drawn where the renderer says, a bar
 * dragged to another day breaks a rule and is marked, undo restores it; keyboard
 * navigation; screenshots of the page in light and dark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "core/esc-table.h"
#include "core/esc-versions.h"
#include "solver/esc-problem.h"
#include "solver/esc-schedule-output.h"
#include "esc-chart-page.h"
#include "io/esc-project-file.h"
#include "test-ui.h"

typedef struct
{
  EscProject *project;
  GtkWindow *window;
  EscChartPage *page;
  EscGanttView *view;
} Fixture;

/* The sample starts on Monday 2026-12-07. E001 works 10:00 - 18:00 (pattern
 * INTERMEDIARIA, every day), E002 08:00 - 16:00 (ABERTURA, Monday to Saturday). */
static void
add_work (EscProject *project,
          const char *employee,
          const char *store,
          const char *role,
          int         day,
          const char *start,
          const char *end)
{
  EscTable *table = esc_project_get_table (project, ESC_TABLE_ALLOCATION);
  g_autoptr(GDate) gdate = g_date_new_dmy (7, G_DATE_DECEMBER, 2026);
  EscJulian julian = g_date_get_julian (gdate) + day;
  g_autofree char *iso = esc_format_date (julian);
  g_autofree char *task = g_strdup_printf ("%s@%s", employee, iso);
  g_autofree char *s = g_strdup_printf ("%s %s", iso, start);
  g_autofree char *f = g_strdup_printf ("%s %s", iso, end);
  g_autofree char *shift = g_strdup_printf ("%s - %s", start, end);
  const char *values[ESC_ALLOCATION_N_COLUMNS] = {
    [ESC_ALLOCATION_TASK] = task,
    [ESC_ALLOCATION_START] = s,
    [ESC_ALLOCATION_FINISH] = f,
    [ESC_ALLOCATION_RESOURCE] = employee,
    [ESC_ALLOCATION_STORE] = store,
    [ESC_ALLOCATION_TYPE] = ESC_ALLOCATION_TYPE_WORK,
    [ESC_ALLOCATION_ROLE] = role,
    [ESC_ALLOCATION_SHIFT] = shift,
    [ESC_ALLOCATION_DATE] = iso,
    [ESC_ALLOCATION_NET_HOURS] = "08:00",
  };

  esc_table_append_values (table, values);
}

static void
fixture_set_up (Fixture *fixture)
{
  g_autofree char *path = test_copy_sample ();
  g_autoptr(GError) error = NULL;

  fixture->project = esc_project_file_load (path, &error);
  g_assert_no_error (error);
  /* No history: the hand-made week starts a fresh run of days. */
  esc_table_clear (esc_project_get_table (fixture->project, ESC_TABLE_PREVIOUS_ALLOCATION));
  for (int day = 0; day < 5; day++)
    {
      add_work (fixture->project, "E001", "LJ01", "GERENTE", day, "10:00", "18:00");
      add_work (fixture->project, "E002", "LJ01", "REPOSITOR", day, "08:00", "16:00");
    }

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 700);
  fixture->page = esc_chart_page_new ();
  esc_chart_page_set_project (fixture->page, fixture->project);
  fixture->view = esc_chart_page_get_view (fixture->page);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  test_iterate (300);
  esc_gantt_view_refresh (fixture->view);
  test_iterate (50);
}

static void
fixture_tear_down (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  test_iterate (20);
  g_clear_object (&fixture->project);
}

/* The widget as drawn, through the window's renderer. */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static guint32
pixel_at (GdkTexture *texture,
          int         x,
          int         y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);

  gdk_texture_download (texture, data, (gsize) width * 4);
  /* GDK_MEMORY_DEFAULT: B G R A in memory on little endian. */
  {
    guint32 value = *(guint32 *) (data + ((gsize) y * width + x) * 4);

    return value & 0xffffff;
  }
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = render_widget (widget);
  const char *dir = g_getenv ("ESC_SCREENSHOT_DIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : test_tmp_dir, name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static gboolean
color_close (guint32 a,
             guint32 b)
{
  for (int shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 24)
      return FALSE;
  return TRUE;
}

static void
test_bar_pixels (void)
{
  Fixture fixture;
  EscGanttViewport vp;
  EscGanttModel *model;
  guint row, bar;
  EscGanttRect rect;
  const EscGanttBar *b;
  g_autoptr(GdkTexture) texture = NULL;
  guint32 color, background;
  EscGanttRgba bg;

  fixture_set_up (&fixture);
  model = esc_gantt_view_get_model (fixture.view);
  g_assert_nonnull (model);
  esc_gantt_view_set_zoom (fixture.view, ESC_GANTT_ZOOM_WEEK);
  test_iterate (50);

  g_assert_true (esc_gantt_model_find_task (model, "E002@2026-12-08", &row, &bar));
  esc_gantt_view_get_viewport (fixture.view, &vp);
  esc_gantt_viewport_get_bar_rect (&vp, model, row, bar, &rect);
  b = &esc_gantt_model_get_row (model, row)->bars[bar];
  g_assert_cmpfloat (rect.x, >=, vp.name_width);
  g_assert_cmpfloat (rect.x + rect.width, <=, vp.width);
  g_assert_cmpfloat (rect.y, >=, vp.axis_height);
  g_assert_cmpfloat (rect.y + rect.height, <=, vp.height);

  texture = render_widget (GTK_WIDGET (fixture.view));
  /* Inside the bar, away from its label: the shift's colour (or the violation
   * outline's neighbour: sample the upper third, left of the label). */
  color = pixel_at (texture, (int) (rect.x + 3), (int) (rect.y + rect.height / 2));
  g_test_message ("bar colour %06x, shift colour %06x", color, b->color);
  g_assert_true (color_close (color, b->color));

  /* Same row on Sunday (no bar): the background or the weekend wash, not the bar. */
  {
    double x = esc_gantt_viewport_x_of_time (&vp, 6 * 1440 + 12 * 60);

    color = pixel_at (texture, (int) x, (int) (rect.y + rect.height / 2));
    esc_gantt_style_get_color (vp.style, ESC_GANTT_COLOR_BACKGROUND, &bg);
    background = ((guint32) (bg.red * 255) << 16) | ((guint32) (bg.green * 255) << 8) |
                 (guint32) (bg.blue * 255);
    g_test_message ("empty cell %06x, background %06x", color, background);
    g_assert_false (color_close (color, b->color));
  }

  save_screenshot (GTK_WIDGET (fixture.page), "gantt-page-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  test_iterate (100);
  esc_gantt_view_select_task (fixture.view, "E001@2026-12-09");
  test_iterate (50);
  save_screenshot (GTK_WIDGET (fixture.page), "gantt-page-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  test_iterate (50);
  fixture_tear_down (&fixture);
}

static EscRow *
find_row (EscProject *project,
          const char *task)
{
  EscTable *table = esc_project_get_table (project, ESC_TABLE_ALLOCATION);

  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    if (g_strcmp0 (esc_row_get (esc_table_get_row (table, i), ESC_ALLOCATION_TASK), task) == 0)
      return esc_table_get_row (table, i);
  return NULL;
}

static gboolean
issues_list_has_row (EscChartPage *page,
                     const char   *task)
{
  GtkWidget *list = GTK_WIDGET (esc_chart_page_get_issue_list (page));

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "task"), task) == 0)
      return TRUE;
  return FALSE;
}

static void
test_move_violation_undo (void)
{
  Fixture fixture;
  EscRow *row;
  guint n_undo;

  fixture_set_up (&fixture);
  for (guint i = 0; i < esc_gantt_view_get_n_issues (fixture.view); i++)
    {
      const char *title, *message, *task;

      esc_gantt_view_get_issue (fixture.view, i, &title, &message, &task);
      g_test_message ("issue: %s: %s (%s)", title, message, task);
    }
  g_assert_false (esc_gantt_view_task_has_issue (fixture.view, "E002@2026-12-07"));
  row = find_row (fixture.project, "E002@2026-12-07");
  g_assert_nonnull (row);

  /* Sunday 2026-12-13 (day 6): ABERTURA does not work on Sundays. */
  g_assert_true (esc_gantt_view_move_bar (fixture.view, "E002@2026-12-07", 6, NULL));
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_DATE), ==, "2026-12-13");
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_START), ==, "2026-12-13 08:00");
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_FINISH), ==, "2026-12-13 16:00");
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_TASK), ==, "E002@2026-12-13");
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_RESOURCE), ==, "E002");

  test_iterate (400);  /* the debounced rebuild and checker */
  g_assert_true (esc_gantt_view_task_has_issue (fixture.view, "E002@2026-12-13"));
  g_assert_true (issues_list_has_row (fixture.page, "E002@2026-12-13"));
  {
    guint r, b;

    g_assert_true (esc_gantt_model_find_task (esc_gantt_view_get_model (fixture.view),
                                              "E002@2026-12-13", &r, &b));
    g_assert_true (esc_gantt_model_get_row (esc_gantt_view_get_model (fixture.view), r)->bars[b].flags &
                   ESC_GANTT_BAR_VIOLATION);
  }
  {
    EscGanttViewport vp;

    /* The default zoom is a week. */
    esc_gantt_view_get_viewport (fixture.view, &vp);
    g_assert_cmpfloat_with_epsilon (vp.t1 - vp.t0, 7 * 1440, 1);
  }
  esc_gantt_view_select_task (fixture.view, "E002@2026-12-13");
  test_iterate (50);
  save_screenshot (GTK_WIDGET (fixture.page), "gantt-page-violation.png");

  /* One undo restores every cell. */
  n_undo = 1;
  for (guint i = 0; i < n_undo; i++)
    g_assert_true (esc_project_undo (fixture.project));
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_DATE), ==, "2026-12-07");
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_START), ==, "2026-12-07 08:00");
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_TASK), ==, "E002@2026-12-07");
  test_iterate (400);
  g_assert_false (esc_gantt_view_task_has_issue (fixture.view, "E002@2026-12-13"));
  g_assert_false (esc_gantt_view_task_has_issue (fixture.view, "E002@2026-12-07"));
  g_assert_false (issues_list_has_row (fixture.page, "E002@2026-12-13"));

  /* Onto another employee: store and role follow the employee. */
  g_assert_true (esc_gantt_view_move_bar (fixture.view, "E002@2026-12-07", 5, "E003"));
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_RESOURCE), ==, "E003");
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_ROLE), ==, "CAIXA");
  g_assert_true (esc_project_undo (fixture.project));
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_RESOURCE), ==, "E002");
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_ROLE), ==, "REPOSITOR");
  fixture_tear_down (&fixture);
}

static void
test_menu_edits (void)
{
  Fixture fixture;
  g_auto(GStrv) shifts = NULL;
  EscRow *row;
  EscTable *table;
  guint n;

  fixture_set_up (&fixture);
  table = esc_project_get_table (fixture.project, ESC_TABLE_ALLOCATION);
  n = esc_table_get_n_rows (table);

  /* E002 may work ABERTURA or FECHAMENTO on a Tuesday. */
  shifts = esc_gantt_view_list_shifts (fixture.view, "E002", 1);
  g_assert_nonnull (shifts);
  g_assert_true (g_strv_contains ((const char * const *) shifts, "08:00 - 16:00"));
  g_assert_true (g_strv_contains ((const char * const *) shifts, "14:00 - 22:00"));

  row = find_row (fixture.project, "E002@2026-12-08");
  g_assert_true (esc_gantt_view_set_bar_shift (fixture.view, "E002@2026-12-08", "14:00 - 22:00"));
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_SHIFT), ==, "14:00 - 22:00");
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_START), ==, "2026-12-08 14:00");
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_FINISH), ==, "2026-12-08 22:00");
  g_assert_true (esc_project_undo (fixture.project));
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_START), ==, "2026-12-08 08:00");

  g_assert_true (esc_gantt_view_set_bar_pinned (fixture.view, "E002@2026-12-08", TRUE));
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_PINNED), ==, "yes");
  g_assert_true (esc_project_undo (fixture.project));
  g_assert_cmpstr (esc_row_get (row, ESC_ALLOCATION_PINNED), ==, "");

  g_assert_true (esc_gantt_view_add_bar (fixture.view, "E002", 5, "08:00 - 16:00"));
  g_assert_cmpuint (esc_table_get_n_rows (table), ==, n + 1);
  g_assert_nonnull (find_row (fixture.project, "E002@2026-12-12"));
  g_assert_true (esc_project_undo (fixture.project));
  g_assert_cmpuint (esc_table_get_n_rows (table), ==, n);

  g_assert_true (esc_gantt_view_delete_bar (fixture.view, "E002@2026-12-08"));
  g_assert_null (find_row (fixture.project, "E002@2026-12-08"));
  g_assert_true (esc_project_undo (fixture.project));
  g_assert_nonnull (find_row (fixture.project, "E002@2026-12-08"));
  fixture_tear_down (&fixture);
}

static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  /* The key controller's handler, as a key press would reach it. */
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
}

static void
test_keyboard (void)
{
  Fixture fixture;
  GtkWidget *view;

  fixture_set_up (&fixture);
  view = GTK_WIDGET (fixture.view);
  esc_gantt_view_select_task (fixture.view, "E002@2026-12-08");
  press_key (view, GDK_KEY_Right);
  g_assert_cmpstr (esc_gantt_view_get_selected_task (fixture.view), ==, "E002@2026-12-09");
  press_key (view, GDK_KEY_Left);
  press_key (view, GDK_KEY_Left);
  g_assert_cmpstr (esc_gantt_view_get_selected_task (fixture.view), ==, "E002@2026-12-07");
  /* Nothing with bars above E002: Up keeps the selection. */
  press_key (view, GDK_KEY_Up);
  g_assert_cmpstr (esc_gantt_view_get_selected_task (fixture.view), ==, "E002@2026-12-07");
  /* E001 (Gerente) is in the next group; Down skips the rows without bars. */
  press_key (view, GDK_KEY_Down);
  g_assert_cmpstr (esc_gantt_view_get_selected_task (fixture.view), ==, "E001@2026-12-07");
  press_key (view, GDK_KEY_Up);
  g_assert_cmpstr (esc_gantt_view_get_selected_task (fixture.view), ==, "E002@2026-12-07");
  fixture_tear_down (&fixture);
}


/* Two adoptions make two versions; comparing them shows the counts and the chart. */
static void
test_versions_compare (void)
{
  Fixture fixture;
  EscTable *allocation;
  EscTable *versions;
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(EscSchedule) first = NULL;
  g_autoptr(EscSchedule) second = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *text;
  GtkWidget *area;

  fixture_set_up (&fixture);
  allocation = esc_project_get_table (fixture.project, ESC_TABLE_ALLOCATION);
  versions = esc_project_get_table (fixture.project, ESC_TABLE_VERSION);
  problem = esc_problem_new_from_project (fixture.project, &error);
  g_assert_no_error (error);

  /* Adoption 1: the hand-made week, read back into a schedule and stored. */
  first = esc_schedule_output_load (problem, fixture.project, problems);
  esc_project_execute_take (fixture.project, esc_schedule_output_store (first, fixture.project));
  g_assert_cmpuint (esc_table_get_n_rows (versions), ==, 1);

  /* Adoption 2: without E002's Friday. */
  esc_table_remove (allocation, esc_table_index_of (allocation,
                                                    esc_table_find (allocation, "E002@2026-12-11")));
  second = esc_schedule_output_load (problem, fixture.project, problems);
  esc_project_execute_take (fixture.project, esc_schedule_output_store (second, fixture.project));
  test_iterate (50);
  g_assert_cmpuint (esc_table_get_n_rows (versions), ==, 2);
  g_assert_cmpstr (esc_row_get (esc_table_get_row (versions, 1), ESC_VERSION_KIND), ==,
                   ESC_VERSION_KIND_SOLVE);

  esc_chart_page_compare_versions (fixture.page, "v1", "v2");
  test_iterate (100);
  text = gtk_label_get_label (esc_chart_page_get_compare_label (fixture.page));
  g_test_message ("compare: %s", text);
  g_assert_nonnull (strstr (text, "Added: 0 · Removed: 1 · Moved: 0"));
  g_assert_nonnull (strstr (text, "Shifts: 10 → 9"));
  area = esc_chart_page_get_compare_area (fixture.page);
  g_assert_true (gtk_widget_get_mapped (area));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture.view)));
  save_screenshot (GTK_WIDGET (fixture.page), "gantt-page-compare.png");

  /* Restore v1 through the button's path, then undo it. */
  esc_project_execute_take (fixture.project, esc_versions_restore_command (fixture.project, "v1"));
  g_assert_nonnull (esc_table_find (allocation, "E002@2026-12-11"));
  g_assert_true (esc_project_undo (fixture.project));
  g_assert_null (esc_table_find (allocation, "E002@2026-12-11"));

  /* Undoing the second adoption removes its version too. */
  g_assert_true (esc_project_undo (fixture.project));
  test_iterate (50);
  g_assert_cmpuint (esc_table_get_n_rows (versions), ==, 1);
  text = gtk_label_get_label (esc_chart_page_get_compare_label (fixture.page));
  g_assert_null (strstr (text, "Removed: 1"));

  esc_chart_page_compare_versions (fixture.page, NULL, NULL);
  test_iterate (20);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture.view)));
  fixture_tear_down (&fixture);
}

void
esc_test_add_gantt_view_tests (void)
{
  g_test_add_func ("/ui/gantt-view/bar-pixels", test_bar_pixels);
  g_test_add_func ("/ui/gantt-view/move-violation-undo", test_move_violation_undo);
  g_test_add_func ("/ui/gantt-view/menu-edits", test_menu_edits);
  g_test_add_func ("/ui/gantt-view/keyboard", test_keyboard);
  g_test_add_func ("/ui/gantt-view/versions-compare", test_versions_compare);
}
