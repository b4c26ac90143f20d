/* test-demand.c: required staff per interval and "Generate demand": merged rows, the
 * replacement of earlier generated rows, undo and redo, and a project that still
 * validates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-test"

#include <math.h>
#include <string.h>

#include "core/esc-table.h"
#include "core/esc-validate.h"
#include "staffing/esc-erlang.h"
#include "staffing/esc-staffing.h"
#include "staffing/esc-staffing-demand.h"
#include "staffing/esc-staffing-error.h"
#include "test-staffing.h"

static EscProject *
make_project (void)
{
  EscProject *project = esc_project_new ();

  esc_table_append_values (esc_project_get_table (project, ESC_TABLE_LOCATION),
    (const char *[ESC_LOCATION_N_COLUMNS]) { "LOC01", "São Paulo", "SP", "BR" });
  esc_table_append_values (esc_project_get_table (project, ESC_TABLE_LOCATION),
    (const char *[ESC_LOCATION_N_COLUMNS]) { "LOC02", "Recife", "PE", "BR" });
  esc_table_append_values (esc_project_get_table (project, ESC_TABLE_STORE),
    (const char *[ESC_STORE_N_COLUMNS]) { "CC1", "LOC01", "Central de atendimento" });
  esc_table_append_values (esc_project_get_table (project, ESC_TABLE_STORE),
    (const char *[ESC_STORE_N_COLUMNS]) { "CC2", "LOC02", "Recife" });
  esc_table_append_values (esc_project_get_table (project, ESC_TABLE_ROLE),
    (const char *[ESC_ROLE_N_COLUMNS]) { "AGENT", "Atendente" });
  esc_table_append_values (esc_project_get_table (project, ESC_TABLE_ROLE),
    (const char *[ESC_ROLE_N_COLUMNS]) { "LEAD", "Supervisor" });
  esc_project_set_parameter (project, "start_date", "2024-03-04");
  esc_project_set_parameter (project, "max_horizon", "14");
  esc_project_mark_saved (project);
  return project;
}

static void
append_demand (EscProject *project,
               const char *store,
               const char *role,
               const char *day,
               const char *start,
               const char *end,
               const char *quantity)
{
  const char *values[ESC_DEMAND_N_COLUMNS] = {
    [ESC_DEMAND_STORE] = store, [ESC_DEMAND_ROLE] = role, [ESC_DEMAND_DAY] = day,
    [ESC_DEMAND_START] = start, [ESC_DEMAND_END] = end, [ESC_DEMAND_QUANTITY] = quantity,
  };

  esc_table_append_values (esc_project_get_table (project, ESC_TABLE_DEMAND), values);
}

static GArray *
make_intervals (EscJulian    day,
                int          interval,
                const int   *scheduled,
                guint        n)
{
  GArray *intervals = g_array_new (FALSE, TRUE, sizeof (EscStaffingInterval));

  for (guint i = 0; i < n; i++)
    {
      EscStaffingInterval it = { 0 };

      it.start = (EscInstant) day * ESC_MINUTES_PER_DAY + (EscInstant) i * interval;
      it.scheduled = scheduled[i];
      it.required = scheduled[i];
      g_array_append_val (intervals, it);
    }
  return intervals;
}

static void
assert_row (EscRow     *row,
            const char *store,
            const char *role,
            const char *day,
            const char *start,
            const char *end,
            const char *quantity)
{
  g_assert_cmpstr (esc_row_get (row, ESC_DEMAND_STORE), ==, store);
  g_assert_cmpstr (esc_row_get (row, ESC_DEMAND_ROLE), ==, role);
  g_assert_cmpstr (esc_row_get (row, ESC_DEMAND_DAY), ==, day);
  g_assert_cmpstr (esc_row_get (row, ESC_DEMAND_START), ==, start);
  g_assert_cmpstr (esc_row_get (row, ESC_DEMAND_END), ==, end);
  g_assert_cmpstr (esc_row_get (row, ESC_DEMAND_SHIFT), ==, "");
  g_assert_cmpstr (esc_row_get (row, ESC_DEMAND_QUANTITY), ==, quantity);
}

static void
test_merge (void)
{
  /* Two days of hours: day one 0 0 2 2 3 3 3 2 0 ... 0 1 (last hour), day two 1 at
   * 00:00 then 0. */
  int scheduled[48] = { 0 };
  g_autoptr(GArray) intervals = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  EscJulian day = esc_test_julian (2024, 3, 4);

  scheduled[2] = scheduled[3] = 2;
  scheduled[4] = scheduled[5] = scheduled[6] = 3;
  scheduled[7] = 2;
  scheduled[23] = 1;
  scheduled[24] = 1;
  intervals = make_intervals (day, 60, scheduled, 48);
  rows = esc_staffing_demand_rows ("CC1", "AGENT", intervals, 60);

  g_assert_cmpuint (rows->len, ==, 5);
  assert_row (g_ptr_array_index (rows, 0), "CC1", "AGENT", "2024-03-04", "02:00", "04:00", "2");
  assert_row (g_ptr_array_index (rows, 1), "CC1", "AGENT", "2024-03-04", "04:00", "07:00", "3");
  assert_row (g_ptr_array_index (rows, 2), "CC1", "AGENT", "2024-03-04", "07:00", "08:00", "2");
  /* A run never crosses midnight: it ends at 24:00 and the next day starts again. */
  assert_row (g_ptr_array_index (rows, 3), "CC1", "AGENT", "2024-03-04", "23:00", "24:00", "1");
  assert_row (g_ptr_array_index (rows, 4), "CC1", "AGENT", "2024-03-05", "00:00", "01:00", "1");

  /* Nothing needed: no rows. */
  memset (scheduled, 0, sizeof scheduled);
  g_clear_pointer (&intervals, g_array_unref);
  g_clear_pointer (&rows, g_ptr_array_unref);
  intervals = make_intervals (day, 30, scheduled, 48);
  rows = esc_staffing_demand_rows ("CC1", "AGENT", intervals, 30);
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_generate (void)
{
  g_autoptr(EscProject) project = make_project ();
  g_autoptr(EscProject) before = NULL;
  g_autoptr(EscProject) after = NULL;
  g_autoptr(EscCommand) command = NULL;
  g_autoptr(GArray) intervals = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  EscTable *demand = esc_project_get_table (project, ESC_TABLE_DEMAND);
  int scheduled[96] = { 0 };

  /* What was there: an old generated day inside the new days (replaced), one after
   * them, a weekday row, another role and another store (all kept). */
  append_demand (project, "CC2", "AGENT", "2024-03-04", "08:00", "12:00", "4");
  append_demand (project, "CC1", "AGENT", "2024-03-04", "08:00", "12:00", "1");
  append_demand (project, "CC1", "AGENT", "05/03/2024", "09:00", "10:00", "9");
  append_demand (project, "CC1", "AGENT", "2024-03-06", "08:00", "12:00", "1");
  append_demand (project, "CC1", "AGENT", "mon", "08:00", "12:00", "1");
  append_demand (project, "CC1", "LEAD", "2024-03-04", "08:00", "12:00", "1");
  diagnostics = esc_validate_project (project);
  g_assert_cmpuint (esc_validate_count_errors (diagnostics), ==, 0);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);

  /* 2024-03-04 and 05, half hours: 08:00-12:00 needs 2, 12:00-13:00 3; day two 4 from
   * 09:00 to 09:30 only. */
  for (guint i = 16; i < 24; i++)
    scheduled[i] = 2;
  scheduled[24] = scheduled[25] = 3;
  scheduled[48 + 18] = 4;
  intervals = make_intervals (esc_test_julian (2024, 3, 4), 30, scheduled, 96);

  before = esc_project_copy (project);
  command = esc_staffing_generate_demand (project, "CC1", "AGENT", intervals, 30, &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  g_assert_nonnull (strstr (esc_command_get_label (command), "CC1"));
  esc_project_execute (project, command);

  g_assert_cmpuint (esc_table_get_n_rows (demand), ==, 7);
  assert_row (esc_table_get_row (demand, 0), "CC2", "AGENT", "2024-03-04", "08:00", "12:00", "4");
  /* The new rows take the place of the first one removed. */
  assert_row (esc_table_get_row (demand, 1), "CC1", "AGENT", "2024-03-04", "08:00", "12:00", "2");
  assert_row (esc_table_get_row (demand, 2), "CC1", "AGENT", "2024-03-04", "12:00", "13:00", "3");
  assert_row (esc_table_get_row (demand, 3), "CC1", "AGENT", "2024-03-05", "09:00", "09:30", "4");
  assert_row (esc_table_get_row (demand, 4), "CC1", "AGENT", "2024-03-06", "08:00", "12:00", "1");
  assert_row (esc_table_get_row (demand, 5), "CC1", "AGENT", "mon", "08:00", "12:00", "1");
  assert_row (esc_table_get_row (demand, 6), "CC1", "LEAD", "2024-03-04", "08:00", "12:00", "1");

  diagnostics = esc_validate_project (project);
  g_assert_cmpuint (esc_validate_count_errors (diagnostics), ==, 0);

  /* Undo gives back exactly what was there; redo the generated rows. */
  after = esc_project_copy (project);
  g_assert_true (esc_project_undo (project));
  g_assert_true (esc_project_equal (project, before));
  g_assert_true (esc_project_redo (project));
  g_assert_true (esc_project_equal (project, after));

  /* Generating again over the same days replaces the generated rows, not adds. */
  {
    g_autoptr(EscCommand) again = esc_staffing_generate_demand (project, "CC1", "AGENT",
                                                                intervals, 30, &error);

    g_assert_no_error (error);
    esc_project_execute (project, again);
    g_assert_true (esc_project_equal (project, after));
  }
}

static void
test_generate_errors (void)
{
  g_autoptr(EscProject) project = make_project ();
  g_autoptr(GError) error = NULL;
  int scheduled[4] = { 1, 1, 1, 1 };
  g_autoptr(GArray) intervals = make_intervals (esc_test_julian (2024, 3, 4), 30, scheduled, 4);
  g_autoptr(GArray) bad = make_intervals (esc_test_julian (2024, 3, 4), 30, scheduled, 4);

  g_assert_null (esc_staffing_generate_demand (project, "XX", "AGENT", intervals, 30, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "XX"));
  g_clear_error (&error);
  g_assert_null (esc_staffing_generate_demand (project, "CC1", "XX", intervals, 30, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_MISSING);
  g_clear_error (&error);

  /* Off the grid, or out of order. */
  g_array_index (bad, EscStaffingInterval, 2).start += 5;
  g_assert_null (esc_staffing_generate_demand (project, "CC1", "AGENT", bad, 30, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (esc_staffing_generate_demand (project, "CC1", "AGENT", intervals, 45, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
}

static void
test_compute (void)
{
  EscStaffingParams params;
  double volumes[] = { 0, 50, 100, 0.01 };
  guint8 holidays[] = { 0, 0, 1, 0 };
  g_autoptr(GArray) inbound = NULL;
  g_autoptr(GArray) deferred = NULL;
  g_autoptr(GError) error = NULL;
  EscStaffingInterval *it;
  EscInstant start = (EscInstant) esc_test_julian (2024, 3, 4) * ESC_MINUTES_PER_DAY;

  esc_staffing_params_init (&params);
  g_assert_true (esc_staffing_params_check (&params, &error));
  params.occupancy = 0;
  params.shrinkage = 0.3;
  inbound = esc_staffing_compute (volumes, holidays, 4, start, 30, &params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (inbound->len, ==, 4);

  it = &g_array_index (inbound, EscStaffingInterval, 0);
  g_assert_cmpint (it->start, ==, start);
  g_assert_cmpint (it->required, ==, 0);
  g_assert_cmpint (it->scheduled, ==, 0);
  /* 50 calls of 180 s in 30 minutes are 5 Erlangs: 8 agents reach 80/20 (88.0%). */
  it = &g_array_index (inbound, EscStaffingInterval, 1);
  g_assert_cmpint (it->start, ==, start + 30);
  g_assert_cmpfloat_with_epsilon (it->workload, 5, 1e-12);
  g_assert_cmpint (it->required, ==, 8);
  g_assert_cmpint (it->scheduled, ==, 12);   /* 8 / 0.7 = 11.4 */
  g_assert_cmpfloat_with_epsilon (it->service_level, 0.880148311, 1e-6);
  g_assert_cmpfloat_with_epsilon (it->occupancy, 0.625, 1e-12);
  g_assert_false (it->holiday);
  g_assert_true (g_array_index (inbound, EscStaffingInterval, 2).holiday);
  g_assert_cmpint (g_array_index (inbound, EscStaffingInterval, 3).required, ==, 1);

  /* Deferred: 100 tasks of 180 s in 30 min at 85%: 18000 / 1530 = 11.8 -> 12. */
  params.kind = ESC_WORK_DEFERRED;
  params.occupancy = 0.85;
  params.shrinkage = 0;
  deferred = esc_staffing_compute (volumes, NULL, 4, start, 30, &params, &error);
  g_assert_no_error (error);
  it = &g_array_index (deferred, EscStaffingInterval, 2);
  g_assert_cmpint (it->required, ==, 12);
  g_assert_cmpint (it->scheduled, ==, 12);
  g_assert_true (isnan (it->service_level));
  g_assert_cmpfloat_with_epsilon (it->occupancy, 10.0 / 12, 1e-12);

  /* Channels add up. */
  g_assert_true (esc_staffing_add (inbound, deferred, &error));
  g_assert_no_error (error);
  it = &g_array_index (inbound, EscStaffingInterval, 1);
  g_assert_cmpint (it->required, ==, 8 + 6);          /* 50 tasks: 9000 / 1530 = 5.9 */
  g_assert_cmpint (it->scheduled, ==, 12 + 6);        /* 11.43 + 6 = 17.43 -> 18 */
  g_assert_true (isnan (it->service_level));
  g_assert_cmpfloat_with_epsilon (it->occupancy, 10.0 / 14, 1e-12);

  /* Bad parameters and volumes. */
  params.shrinkage = 1;
  g_assert_null (esc_staffing_compute (volumes, NULL, 4, start, 30, &params, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
  g_clear_error (&error);
  params.shrinkage = 0.3;
  volumes[1] = -1;
  g_assert_null (esc_staffing_compute (volumes, NULL, 4, start, 30, &params, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
  g_clear_error (&error);
  volumes[1] = 50;
  g_assert_null (esc_staffing_compute (volumes, NULL, 4, start, 7, &params, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(GArray) shorter = esc_staffing_compute (volumes, NULL, 3, start, 30, &params, NULL);

    g_assert_false (esc_staffing_add (deferred, shorter, &error));
    g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
  }
}

/* A forecast all the way to demand rows that validate. */
static void
test_forecast_to_demand (void)
{
  EscTestSynthetic synthetic;
  EscForecastOptions options;
  EscStaffingParams params;
  g_autoptr(EscProject) project = make_project ();
  g_autoptr(EscSeries) history = NULL;
  g_autoptr(EscChannelForecast) forecast = NULL;
  g_autoptr(GArray) point = NULL;
  g_autoptr(GArray) upper = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscCommand) command = NULL;
  EscTable *demand = esc_project_get_table (project, ESC_TABLE_DEMAND);
  guint point_total = 0, upper_total = 0;

  /* Eight weeks up to Sunday 2024-03-03: the forecast covers 03-04 to 03-17. */
  esc_test_synthetic_init (&synthetic);
  history = esc_test_synthetic_series (&synthetic, "phone", esc_test_julian (2024, 1, 8), 8);
  esc_forecast_options_init (&options);
  options.horizon_days = 14;
  forecast = esc_forecast_channel (history, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (forecast->start / ESC_MINUTES_PER_DAY, ==, esc_test_julian (2024, 3, 4));

  esc_staffing_params_init (&params);
  point = esc_staffing_compute_forecast (forecast, FALSE, &params, &error);
  g_assert_no_error (error);
  upper = esc_staffing_compute_forecast (forecast, TRUE, &params, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < point->len; i++)
    {
      const EscStaffingInterval *p = &g_array_index (point, EscStaffingInterval, i);
      const EscStaffingInterval *u = &g_array_index (upper, EscStaffingInterval, i);

      g_assert_cmpint (u->scheduled, >=, p->scheduled);
      if (p->required > 0)
        g_assert_cmpfloat (p->service_level, >=, 0.8);
      point_total += p->scheduled;
      upper_total += u->scheduled;
    }
  g_assert_cmpuint (upper_total, >, point_total);

  command = esc_staffing_generate_demand (project, "CC1", "AGENT", upper, forecast->interval,
                                          &error);
  g_assert_no_error (error);
  esc_project_execute (project, command);
  g_test_message ("%u demand rows for 14 days", esc_table_get_n_rows (demand));
  g_assert_cmpuint (esc_table_get_n_rows (demand), >, 12);
  /* Sundays are closed: no row. */
  for (guint i = 0; i < esc_table_get_n_rows (demand); i++)
    {
      EscJulian day;

      g_assert_true (esc_parse_date (esc_row_get (esc_table_get_row (demand, i), ESC_DEMAND_DAY),
                                     &day, NULL));
      g_assert_cmpint (esc_julian_weekday (day), !=, ESC_SUN);
    }
  diagnostics = esc_validate_project (project);
  g_assert_cmpuint (esc_validate_count_errors (diagnostics), ==, 0);
  g_assert_true (esc_project_undo (project));
  g_assert_cmpuint (esc_table_get_n_rows (demand), ==, 0);
}

static void
test_project_holidays (void)
{
  g_autoptr(EscProject) project = make_project ();
  EscTable *holidays = esc_project_get_table (project, ESC_TABLE_HOLIDAY);
  g_autoptr(GArray) cc1 = NULL;
  g_autoptr(GArray) cc2 = NULL;
  g_autoptr(GArray) national = NULL;

  esc_table_append_values (holidays, (const char *[ESC_HOLIDAY_N_COLUMNS]) {
    "2024-12-25", "Natal", "yes", "BR", "", "" });
  esc_table_append_values (holidays, (const char *[ESC_HOLIDAY_N_COLUMNS]) {
    "2024-07-09", "Revolução Constitucionalista", "no", "", "SP", "" });
  esc_table_append_values (holidays, (const char *[ESC_HOLIDAY_N_COLUMNS]) {
    "2024-01-25", "Aniversário de São Paulo", "no", "", "LOC01", "" });
  esc_table_append_values (holidays, (const char *[ESC_HOLIDAY_N_COLUMNS]) {
    "not a date", "Broken", "yes", "", "", "" });

  cc1 = esc_staffing_project_holidays (project, "CC1");
  cc2 = esc_staffing_project_holidays (project, "CC2");
  national = esc_staffing_project_holidays (project, NULL);
  g_assert_cmpuint (cc1->len, ==, 3);
  g_assert_cmpuint (cc2->len, ==, 1);
  g_assert_cmpuint (g_array_index (cc2, EscJulian, 0), ==, esc_test_julian (2024, 12, 25));
  g_assert_cmpuint (national->len, ==, 1);
}

void
esc_test_add_demand_tests (void)
{
  g_test_add_func ("/staffing/demand/merge", test_merge);
  g_test_add_func ("/staffing/demand/generate-undo-redo", test_generate);
  g_test_add_func ("/staffing/demand/generate-errors", test_generate_errors);
  g_test_add_func ("/staffing/demand/compute", test_compute);
  g_test_add_func ("/staffing/demand/forecast-to-demand", test_forecast_to_demand);
  g_test_add_func ("/staffing/demand/project-holidays", test_project_holidays);
}
