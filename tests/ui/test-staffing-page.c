/* test-staffing-page.c: the Staffing page in the window: a synthetic history loaded
 * through the page's API, the forecast and the table of agents, Generate Demand into
 * the sample and its undo, saving and comparing forecasts, and a row that does not
 * parse. Leaves a PNG of the page (ESC_STAFFING_SCREENSHOT=FILE keeps it there).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "core/esc-parse.h"
#include "core/esc-schema.h"
#include "core/esc-table.h"
#include "esc-staffing-page.h"
#include "test-ui.h"

/* A weekly pattern with growth (as tests/staffing/test-synthetic.c): open 08:00-20:00
 * Monday to Saturday, a half sine over the day, Monday busiest, Saturday half, 1% growth
 * a week, 5% noise; "phone" and a smaller "e-mail" channel, per 30 minutes, for
 * @n_weeks weeks from the Monday @first_week weeks after 2024-03-04. */
static char *
write_history (const char *name,
               guint       first_week,
               guint       n_weeks)
{
  static const double weekday_factor[7] = { 1.2, 1.1, 1.0, 1.0, 0.9, 0.5, 0.0 };
  g_autoptr(GString) csv = g_string_new ("timestamp,channel,count\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240506 + first_week);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (test_tmp_dir, name, NULL);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 4, 3, 2024);
  g_date_add_days (&date, first_week * 7);
  for (guint day = 0; day < n_weeks * 7; day++, g_date_add_days (&date, 1))
    {
      int weekday = g_date_get_weekday (&date) - 1;   /* Monday 0 */
      double weeks = (first_week * 7 + day) / 7.0;

      for (int minute = 8 * 60; minute < 20 * 60; minute += 30)
        {
          double hour = minute / 60.0 + 0.25;
          double shape = 0.4 + 0.6 * sin (G_PI * (hour - 8) / 12);
          double truth = 100 * weekday_factor[weekday] * shape * (1 + 0.01 * weeks);
          /* Uniform noise of standard deviation 5% (1.7 / sqrt 3 ~ 1). */
          double phone = round (truth * (1 + 0.05 * g_rand_double_range (rand, -1.7, 1.7)));
          double email = round (0.3 * truth * (1 + 0.05 * g_rand_double_range (rand, -1.7, 1.7)));

          if (truth <= 0)
            continue;
          g_string_append_printf (csv, "%04d-%02d-%02d %02d:%02d,phone,%.0f\n",
                                  g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), minute / 60, minute % 60, phone);
          g_string_append_printf (csv, "%04d-%02d-%02d %02d:%02d,e-mail,%.0f\n",
                                  g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), minute / 60, minute % 60, email);
        }
    }
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
page_idle (gpointer data)
{
  return !esc_staffing_page_is_busy (data);
}

static gboolean
page_has_forecast (gpointer data)
{
  return !esc_staffing_page_is_busy (data) && esc_staffing_page_has_forecast (data) &&
         esc_staffing_page_get_n_rows (data) > 0;
}

/* The first visible descendant of @widget of @type, depth first. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static EscStaffingPage *
show_staffing_page (EscMainWindow *window)
{
  GtkWidget *page;

  g_assert_true (esc_main_window_show_page (window, "staffing"));
  g_assert_cmpstr (esc_main_window_get_page (window), ==, "staffing");
  page = esc_main_window_get_page_widget (window, "staffing");
  g_assert_true (ESC_IS_STAFFING_PAGE (page));
  return ESC_STAFFING_PAGE (page);
}

/* Demand rows of @store and @role with a date (not a weekday) as their day. */
static guint
count_dated_demand (EscProject *project,
                    const char *store,
                    const char *role)
{
  EscTable *table = esc_project_get_table (project, ESC_TABLE_DEMAND);
  guint n = esc_table_get_n_rows (table), count = 0;

  for (guint i = 0; i < n; i++)
    {
      EscRow *row = esc_table_get_row (table, i);
      EscJulian julian;

      if (g_strcmp0 (esc_row_get (row, ESC_DEMAND_STORE), store) == 0 &&
          g_strcmp0 (esc_row_get (row, ESC_DEMAND_ROLE), role) == 0 &&
          esc_parse_date (esc_row_get (row, ESC_DEMAND_DAY), &julian, NULL))
        count++;
    }
  return count;
}

static void
test_staffing_forecast_and_demand (void)
{
  EscMainWindow *window = test_open_sample ();
  EscProject *project = esc_main_window_get_project (window);
  EscTable *demand = esc_project_get_table (project, ESC_TABLE_DEMAND);
  EscStaffingPage *page = show_staffing_page (window);
  g_autofree char *history = write_history ("history.csv", 0, 8);
  g_autofree char *png = NULL;
  g_autoptr(GError) error = NULL;
  guint before, dated_before;
  double mape, wape;
  int n;

  g_assert_false (esc_staffing_page_has_forecast (page));
  g_assert_cmpuint (esc_staffing_page_get_n_rows (page), ==, 0);

  esc_staffing_page_load_history (page, history);
  test_wait_until (page_has_forecast, page, 60000, "the forecast");
  g_assert_cmpstr (esc_staffing_page_get_channel (page), ==, "e-mail");
  g_assert_true (esc_staffing_page_set_channel (page, "phone"));
  g_assert_cmpstr (esc_staffing_page_get_channel (page), ==, "phone");

  /* Of 14 days of 48 half hours, the open ones (12 days of 24); agents needed
   * at the peak. */
  g_assert_cmpuint (esc_staffing_page_get_n_rows (page), ==, 12 * 24);
  g_assert_cmpint (esc_staffing_page_get_max_required (page), >, 0);
  esc_staffing_page_get_backtest (page, &mape, &wape);
  g_test_message ("backtest MAPE %.4f WAPE %.4f", mape, wape);
  g_assert_true (isfinite (wape));
  g_assert_cmpfloat (wape, <, 0.10);

  /* The picture of the page with a forecast. */
  test_iterate (300);
  png = g_strdup (g_getenv ("ESC_STAFFING_SCREENSHOT"));
  if (png == NULL)
    png = g_build_filename (test_tmp_dir, "staffing.png", NULL);
  g_assert_true (esc_main_window_save_png (window, png, &error));
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", png);
  {
    /* And scrolled down to the table and Generate Demand. */
    GtkWidget *scrolled = find_descendant (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment =
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    g_autofree char *base = g_strndup (png, strlen (png) - strlen (".png"));
    g_autofree char *lower = g_strconcat (base, "-table.png", NULL);

    g_autofree char *middle = g_strconcat (base, "-settings.png", NULL);

    gtk_adjustment_set_value (adjustment, 380);
    test_iterate (300);
    g_assert_true (esc_main_window_save_png (window, middle, &error));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    test_iterate (300);
    g_assert_true (esc_main_window_save_png (window, lower, &error));
    g_assert_no_error (error);
  }

  /* Generate demand for LJ01 / CAIXA, then undo it. */
  before = esc_table_get_n_rows (demand);
  dated_before = count_dated_demand (project, "LJ01", "CAIXA");
  n = esc_staffing_page_generate_demand (page, "LJ01", "CAIXA", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, >, 0);
  g_test_message ("%d rows written; Demand had %u rows, has %u", n, before,
                  esc_table_get_n_rows (demand));
  g_assert_cmpuint (count_dated_demand (project, "LJ01", "CAIXA"), >=, (guint) n);
  g_assert_nonnull (strstr (esc_staffing_page_get_message (page), "LJ01")); /* the toast */
  g_assert_true (esc_main_window_get_action_enabled (window, "win.undo"));

  g_assert_true (esc_project_undo (project));
  g_assert_cmpuint (esc_table_get_n_rows (demand), ==, before);
  g_assert_cmpuint (count_dated_demand (project, "LJ01", "CAIXA"), ==, dated_before);

  /* An unknown store is refused and changes nothing. */
  g_clear_error (&error);
  g_assert_cmpint (esc_staffing_page_generate_demand (page, "NOPE", "CAIXA", FALSE, &error), ==,
                   -1);
  g_assert_nonnull (error);
  g_assert_cmpuint (esc_table_get_n_rows (demand), ==, before);

  test_close_window (window);
}

static gboolean
compared (gpointer data)
{
  return !esc_staffing_page_is_busy (data) &&
         isfinite (esc_staffing_page_get_compare_wape (data));
}

static void
test_staffing_save_and_compare (void)
{
  EscMainWindow *window = test_open_sample ();
  EscStaffingPage *page = show_staffing_page (window);
  g_autofree char *history = write_history ("history-8w.csv", 0, 8);
  g_autofree char *actuals = write_history ("actuals.csv", 8, 2);
  g_autofree char *json = g_build_filename (test_tmp_dir, "forecast.json", NULL);
  g_autoptr(GError) error = NULL;
  double wape;

  g_assert_false (esc_staffing_page_save_forecast (page, json, &error));
  g_clear_error (&error);

  esc_staffing_page_load_history (page, history);
  test_wait_until (page_has_forecast, page, 60000, "the forecast");
  g_assert_true (esc_staffing_page_save_forecast (page, json, &error));
  g_assert_no_error (error);

  esc_staffing_page_compare (page, json, actuals);
  test_wait_until (compared, page, 60000, "the comparison");
  wape = esc_staffing_page_get_compare_wape (page);
  g_test_message ("tracking WAPE %.4f", wape);
  g_assert_cmpfloat (wape, <, 0.15);
  g_assert_nonnull (strstr (esc_staffing_page_get_message (page), "WAPE"));

  test_close_window (window);
}

static void
test_staffing_bad_history (void)
{
  EscMainWindow *window = test_open_sample ();
  EscStaffingPage *page = show_staffing_page (window);
  g_autofree char *path = g_build_filename (test_tmp_dir, "bad.csv", NULL);
  g_autoptr(GError) error = NULL;
  const char *message;

  g_file_set_contents (path, "timestamp,count\n2024-03-04 08:00,5\n2024-03-04 08:30,lots\n", -1,
                       &error);
  g_assert_no_error (error);
  esc_staffing_page_load_history (page, path);
  test_wait_until (page_idle, page, 30000, "the history to be read");
  message = esc_staffing_page_get_message (page);
  g_test_message ("%s", message);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "row 3"));
  g_assert_nonnull (strstr (message, "column 2"));
  g_assert_false (esc_staffing_page_has_forecast (page));

  test_close_window (window);
}

void
test_add_staffing_page_tests (void)
{
  g_test_add_func ("/ui/staffing/forecast-and-demand", test_staffing_forecast_and_demand);
  g_test_add_func ("/ui/staffing/save-and-compare", test_staffing_save_and_compare);
  g_test_add_func ("/ui/staffing/bad-history", test_staffing_bad_history);
}
