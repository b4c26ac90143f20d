/* test-pages.c: the Parameters, Leave and Holidays pages write the project through
 * undoable commands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "esc-date-button.h"
#include "esc-figure-card.h"
#include "esc-holiday-page.h"
#include "esc-leave-page.h"
#include "esc-objective-row.h"
#include "esc-parameters-page.h"
#include "test-ui.h"

static EscJulian
julian (int day,
        int month,
        int year)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return g_date_get_julian (date);
}

static const char *
parameter (EscMainWindow *window,
           const char    *key)
{
  EscRow *row = esc_project_find_parameter_row (esc_main_window_get_project (window), key);

  return row != NULL ? esc_row_get (row, ESC_PARAMETER_VALUE) : NULL;
}

static void
undo (EscMainWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  test_iterate (20);
}

static EscObjectiveRow *
find_objective_row (GtkWidget  *list,
                    const char *objective)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ESC_IS_OBJECTIVE_ROW (child) &&
        g_strcmp0 (esc_objective_row_get_objective (ESC_OBJECTIVE_ROW (child)), objective) == 0)
      return ESC_OBJECTIVE_ROW (child);
  return NULL;
}

static void
test_parameters_page (void)
{
  EscMainWindow *window = test_open_sample ();
  EscProject *project = esc_main_window_get_project (window);
  EscTable *parameters = esc_project_get_table (project, ESC_TABLE_PARAMETER);
  EscParametersPage *page;
  GtkWidget *objectives;
  EscObjectiveRow *row;
  guint n_rows = esc_table_get_n_rows (parameters);

  g_assert_true (esc_main_window_show_page (window, "parameters"));
  page = ESC_PARAMETERS_PAGE (esc_main_window_get_page_widget (window, "parameters"));
  test_iterate (50);

  /* Horizon: a spin button on an existing row. */
  g_assert_cmpstr (parameter (window, "max_horizon"), ==, "28");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (esc_parameters_page_get_editor (page, "max_horizon")),
                             35);
  g_assert_cmpstr (parameter (window, "max_horizon"), ==, "35");
  g_assert_true (esc_project_get_modified (project));
  undo (window);
  g_assert_cmpstr (parameter (window, "max_horizon"), ==, "28");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (esc_parameters_page_get_editor (page, "max_horizon"))),
                     ==, 28);

  /* Start date from the calendar. */
  esc_date_button_pick (ESC_DATE_BUTTON (esc_parameters_page_get_editor (page, "start_date")),
                        julian (14, 12, 2026));
  g_assert_cmpstr (parameter (window, "start_date"), ==, "2026-12-14");
  undo (window);
  g_assert_cmpstr (parameter (window, "start_date"), ==, "2026-12-07");

  /* A parameter the project does not have yet gets a new row; undo removes it. */
  g_assert_null (parameter (window, "min_rest_between_shifts"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (esc_parameters_page_get_editor (page, "min_rest_between_shifts")),
                             10.5);
  g_assert_cmpstr (parameter (window, "min_rest_between_shifts"), ==, "10.5");
  g_assert_cmpuint (esc_table_get_n_rows (parameters), ==, n_rows + 1);
  undo (window);
  g_assert_null (parameter (window, "min_rest_between_shifts"));
  g_assert_cmpuint (esc_table_get_n_rows (parameters), ==, n_rows);

  /* Objectives: switching one off writes the list without it; moving one up reorders. */
  objectives = esc_parameters_page_get_editor (page, "objective_function");
  row = find_objective_row (objectives, "working_hours");
  g_assert_nonnull (row);
  g_assert_true (esc_objective_row_get_enabled (row));
  esc_objective_row_set_enabled (row, FALSE);
  g_assert_cmpstr (parameter (window, "objective_function"), ==,
                   "demand_fulfillment, holiday_compensation, priority_working_days, "
                   "working_days, preferable_rests, workforce_balance");
  undo (window);
  g_assert_true (g_str_has_suffix (parameter (window, "objective_function"), "working_hours"));

  row = find_objective_row (objectives, "working_days");
  g_signal_emit_by_name (row, "move", -1);
  g_assert_cmpstr (parameter (window, "objective_function"), ==,
                   "demand_fulfillment, holiday_compensation, working_days, "
                   "priority_working_days, preferable_rests, workforce_balance, working_hours");
  undo (window);
  g_assert_true (g_str_has_prefix (parameter (window, "objective_function"),
                                   "demand_fulfillment, holiday_compensation, priority_working_days"));

  /* Day-of-month intervals: written only when they read. */
  gtk_editable_set_text (GTK_EDITABLE (esc_parameters_page_get_editor (page, "allocation_priority_interval")),
                         "25-31, 1-5");
  g_signal_emit_by_name (esc_parameters_page_get_editor (page, "allocation_priority_interval"), "apply");
  g_assert_cmpstr (parameter (window, "allocation_priority_interval"), ==, "25-31, 1-5");
  gtk_editable_set_text (GTK_EDITABLE (esc_parameters_page_get_editor (page, "allocation_priority_interval")),
                         "40-50");
  g_signal_emit_by_name (esc_parameters_page_get_editor (page, "allocation_priority_interval"), "apply");
  g_assert_cmpstr (parameter (window, "allocation_priority_interval"), ==, "25-31, 1-5");
  g_assert_true (gtk_widget_has_css_class (esc_parameters_page_get_editor (page, "allocation_priority_interval"),
                                           "error"));
  undo (window);
  g_assert_cmpstr (parameter (window, "allocation_priority_interval"), ==, "20-24");

  /* First day of the week, granularity, priority weekdays, stores to plan. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (esc_parameters_page_get_editor (page, "first_day_of_week")),
                              ESC_SUN);
  g_assert_cmpstr (parameter (window, "first_day_of_week"), ==, "sun");
  undo (window);
  g_assert_cmpstr (parameter (window, "first_day_of_week"), ==, "mon");

  {
    AdwComboRow *granularity = ADW_COMBO_ROW (esc_parameters_page_get_editor (page, "granularity"));
    GListModel *names = adw_combo_row_get_model (granularity);
    guint thirty = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "30 minutes") == 0)
        thirty = i;
    g_assert_cmpuint (thirty, !=, GTK_INVALID_LIST_POSITION);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names),
                                                 adw_combo_row_get_selected (granularity)),
                     ==, "15 minutes");
    adw_combo_row_set_selected (granularity, thirty);
    g_assert_cmpstr (parameter (window, "granularity"), ==, "30");
    undo (window);
    g_assert_cmpstr (parameter (window, "granularity"), ==, "15");
  }

  {
    GtkWidget *box = esc_parameters_page_get_editor (page, "allocation_priority_weekdays");
    GtkWidget *monday = gtk_widget_get_first_child (box);

    g_assert_true (GTK_IS_TOGGLE_BUTTON (monday));
    g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (monday)));
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (monday), TRUE);
    g_assert_cmpstr (parameter (window, "allocation_priority_weekdays"), ==, "mon, fri, sat");
    undo (window);
    g_assert_cmpstr (parameter (window, "allocation_priority_weekdays"), ==, "fri, sat");
  }

  {
    AdwExpanderRow *stores = ADW_EXPANDER_ROW (esc_parameters_page_get_editor (page, "store_id"));
    GtkCheckButton *second = NULL;
    guint n_checks = 0;

    /* The checks are the prefixes of the expander's rows. */
    for (GtkWidget *w = GTK_WIDGET (stores); w != NULL;)
      {
        GtkWidget *next;

        if (GTK_IS_CHECK_BUTTON (w) && ++n_checks == 2)
          second = GTK_CHECK_BUTTON (w);
        /* A depth-first walk. */
        next = gtk_widget_get_first_child (w);
        while (next == NULL && w != GTK_WIDGET (stores))
          {
            next = gtk_widget_get_next_sibling (w);
            if (next == NULL)
              w = gtk_widget_get_parent (w);
          }
        w = next;
      }
    g_assert_nonnull (second);
    g_assert_null (parameter (window, "store_id"));
    g_assert_true (gtk_check_button_get_active (second));
    gtk_check_button_set_active (second, FALSE);
    g_assert_cmpstr (parameter (window, "store_id"), ==, "LJ01");
    undo (window);
    g_assert_null (parameter (window, "store_id"));
  }

  g_assert_false (esc_project_get_modified (project));
  test_close_window (window);
}

static const char *
leave_of (EscMainWindow *window,
          const char    *id)
{
  EscTable *employees = esc_project_get_table (esc_main_window_get_project (window),
                                               ESC_TABLE_EMPLOYEE);

  return esc_row_get (esc_table_find (employees, id), ESC_EMPLOYEE_LEAVE);
}

static void
test_leave_page (void)
{
  EscMainWindow *window = test_open_sample ();
  EscLeavePage *page;
  EscLeaveRow *row;

  g_assert_true (esc_main_window_show_page (window, "leave"));
  page = ESC_LEAVE_PAGE (esc_main_window_get_page_widget (window, "leave"));

  /* An employee with leave shows it as rows. */
  g_assert_true (esc_leave_page_select_employee (page, "E012"));
  g_assert_cmpuint (esc_leave_page_get_n_rows (page), ==, 1);
  row = esc_leave_page_get_row (page, 0);
  g_assert_cmpuint (esc_date_button_get_date (esc_leave_row_get_start_button (row)), ==,
                    julian (28, 12, 2026));
  g_assert_cmpstr (gtk_editable_get_text (esc_leave_row_get_start_time (row)), ==, "13:00");
  g_assert_cmpstr (gtk_editable_get_text (esc_leave_row_get_end_time (row)), ==, "12:00");

  /* Adding leave to an employee without any: one day, the planning start. */
  g_assert_true (esc_leave_page_select_employee (page, "E001"));
  g_assert_cmpstr (leave_of (window, "E001"), ==, "");
  g_assert_cmpuint (esc_leave_page_get_n_rows (page), ==, 0);
  esc_leave_page_add_leave (page);
  g_assert_cmpstr (leave_of (window, "E001"), ==, "07/12/2026");
  test_iterate (30);

  /* The end date: a range; a start time: the timed form. */
  row = esc_leave_page_get_row (page, 0);
  esc_date_button_pick (esc_leave_row_get_end_button (row), julian (9, 12, 2026));
  g_assert_cmpstr (leave_of (window, "E001"), ==, "07/12/2026 - 09/12/2026");
  test_iterate (30);
  row = esc_leave_page_get_row (page, 0);
  gtk_editable_set_text (esc_leave_row_get_start_time (row), "08:00");
  g_signal_emit_by_name (esc_leave_row_get_start_time (row), "activate");
  g_assert_cmpstr (leave_of (window, "E001"), ==, "07/12/2026 08:00 - 10/12/2026 00:00");
  test_iterate (30);

  /* A second interval. */
  esc_leave_page_add_leave (page);
  g_assert_cmpstr (leave_of (window, "E001"), ==,
                   "07/12/2026 08:00 - 10/12/2026 00:00, 07/12/2026");
  test_iterate (30);

  /* Removing the first. */
  row = esc_leave_page_get_row (page, 0);
  g_signal_emit_by_name (row, "remove");
  g_assert_cmpstr (leave_of (window, "E001"), ==, "07/12/2026");

  /* Every step undoes. */
  undo (window);
  undo (window);
  g_assert_cmpstr (leave_of (window, "E001"), ==, "07/12/2026 08:00 - 10/12/2026 00:00");
  g_assert_cmpuint (esc_leave_page_get_n_rows (page), ==, 1);
  undo (window);
  undo (window);
  undo (window);
  g_assert_cmpstr (leave_of (window, "E001"), ==, "");
  g_assert_false (esc_project_get_modified (esc_main_window_get_project (window)));
  test_close_window (window);
}

static void
test_holiday_regions (void)
{
  EscMainWindow *window = test_open_sample ();
  EscTable *holidays = esc_project_get_table (esc_main_window_get_project (window),
                                              ESC_TABLE_HOLIDAY);
  EscHolidayPage *page;
  EscTableView *view;
  GListModel *shown;
  guint n = esc_table_get_n_rows (holidays);
  EscRow *added;

  g_assert_true (esc_main_window_show_page (window, "holiday"));
  page = ESC_HOLIDAY_PAGE (esc_main_window_get_page_widget (window, "holiday"));
  view = esc_holiday_page_get_table_view (page);
  shown = G_LIST_MODEL (esc_table_view_get_selection (view));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  g_assert_true (esc_holiday_page_set_region (page, "national"));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  /* A row added here is national. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-row", NULL));
  g_assert_cmpuint (esc_table_get_n_rows (holidays), ==, n + 1);
  added = esc_table_get_row (holidays, n);
  g_assert_cmpstr (esc_row_get (added, ESC_HOLIDAY_NATIONAL), ==, "yes");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  undo (window);

  /* A state: only its holidays; none in SP in the sample. A row added is the state's. */
  g_assert_true (esc_holiday_page_set_region (page, "state:SP"));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-row", NULL));
  added = esc_table_get_row (holidays, n);
  g_assert_cmpstr (esc_row_get (added, ESC_HOLIDAY_NATIONAL), ==, "no");
  g_assert_cmpstr (esc_row_get (added, ESC_HOLIDAY_REGION), ==, "SP");
  undo (window);

  /* A location: every holiday that applies there, national and its own. */
  g_assert_true (esc_holiday_page_set_region (page, "location:LOC02"));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  g_assert_true (esc_holiday_page_set_region (page, "location:LOC01"));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  g_assert_false (esc_holiday_page_set_region (page, "location:LOC99"));
  test_close_window (window);
}

/* A key figure: the value over its caption, the value styled as a figure. */
static void
test_figure_card (void)
{
  GtkWidget *card = g_object_ref_sink (esc_figure_card_new ("91.3%", "demand covered"));
  GtkWidget *number = gtk_widget_get_first_child (card);
  GtkWidget *caption = gtk_widget_get_next_sibling (number);

  g_assert_true (gtk_widget_has_css_class (card, "card"));
  g_assert_true (GTK_IS_LABEL (number));
  g_assert_true (GTK_IS_LABEL (caption));
  g_assert_null (gtk_widget_get_next_sibling (caption));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (number)), ==, "91.3%");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (caption)), ==, "demand covered");
  g_assert_true (gtk_widget_has_css_class (number, "esc-figure"));
  g_assert_true (gtk_widget_has_css_class (caption, "dim-label"));
  g_object_unref (card);
}

void
test_add_page_tests (void)
{
  g_test_add_func ("/ui/pages/parameters", test_parameters_page);
  g_test_add_func ("/ui/pages/figure-card", test_figure_card);
  g_test_add_func ("/ui/pages/leave", test_leave_page);
  g_test_add_func ("/ui/pages/holiday-regions", test_holiday_regions);
}
