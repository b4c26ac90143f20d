/* bench-generator.c: random but realistic scheduling projects for benchmarks.
 *
 * Stores have one location each (state SP, country BR); shifts are windows of 4 to 9
 * hours spread over the day; patterns allow two to four shifts on five to seven
 * weekdays; employees work 44, 40 or 30 hours a week with one or two patterns. Demand
 * per store, role and weekday follows an opening curve scaled so that the demanded
 * staff-minutes are about demand_ratio of what the staff can give. With off_grid, shift
 * and demand times lie off the hour (06:10, 13:55, 08:17...).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-bench"

#include <stdio.h>
#include <string.h>

#include "core/esc-parse.h"
#include "bench-generator.h"

static const struct { const char *start, *end; } shift_windows[] = {
  { "06:00", "14:00" }, { "14:00", "22:00" }, { "10:00", "18:00" }, { "08:00", "12:00" },
  { "12:00", "21:00" }, { "07:00", "13:00" }, { "16:00", "22:00" }, { "09:00", "17:00" },
};

/* The same windows off the hour, for granularity benchmarks. */
static const struct { const char *start, *end; } off_grid_windows[] = {
  { "06:10", "14:05" }, { "13:55", "22:50" }, { "10:20", "18:35" }, { "07:50", "12:10" },
  { "12:25", "21:15" }, { "07:10", "13:35" }, { "16:05", "22:40" }, { "09:15", "17:20" },
};

static const char * const weekday_codes[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static char *
shift_id (guint s)
{
  return g_strdup_printf ("S%u", s + 1);
}

static void
add_parameters (EscProject        *project,
                const EscBenchSpec *spec)
{
  g_autofree char *horizon = g_strdup_printf ("%u", spec->n_days);
  g_autofree char *granularity = g_strdup_printf ("%u", MAX (spec->granularity, 1));

  esc_project_set_parameter (project, "start_date", "2026-03-02");
  esc_project_set_parameter (project, "max_horizon", horizon);
  esc_project_set_parameter (project, "granularity", granularity);
  esc_project_set_parameter (project, "max_solution_time", "60");
  esc_project_set_parameter (project, "max_solution_improvement_wait", "10");
  esc_project_set_parameter (project, "allocation_priority_weekdays", "fri, sat");
  if (spec->objectives != NULL)
    esc_project_set_parameter (project, "objective_function", spec->objectives);
}

EscProject *
esc_bench_generate (const EscBenchSpec *spec)
{
  EscProject *project = esc_project_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (spec->seed);
  EscTable *locations = esc_project_get_table (project, ESC_TABLE_LOCATION);
  EscTable *stores = esc_project_get_table (project, ESC_TABLE_STORE);
  EscTable *roles = esc_project_get_table (project, ESC_TABLE_ROLE);
  EscTable *shifts = esc_project_get_table (project, ESC_TABLE_SHIFT);
  EscTable *patterns = esc_project_get_table (project, ESC_TABLE_PATTERN);
  EscTable *employees = esc_project_get_table (project, ESC_TABLE_EMPLOYEE);
  EscTable *demand = esc_project_get_table (project, ESC_TABLE_DEMAND);
  EscTable *preferences = esc_project_get_table (project, ESC_TABLE_PREFERENCE);
  EscTable *history = esc_project_get_table (project, ESC_TABLE_PREVIOUS_ALLOCATION);
  EscTable *holidays = esc_project_get_table (project, ESC_TABLE_HOLIDAY);
  guint n_shifts = CLAMP (spec->n_shifts, 1, G_N_ELEMENTS (shift_windows));
  guint n_patterns = MAX (spec->n_patterns, 1);
  guint n_roles = MAX (spec->n_roles, 1);
  EscJulian start;
  /* staff-minutes per (store, role) and weekday the employees can give */
  g_autofree double *capacity = g_new0 (double, spec->n_stores * n_roles);

  esc_parse_date ("2026-03-02", &start, NULL);
  add_parameters (project, spec);

  for (guint r = 0; r < n_roles; r++)
    {
      g_autofree char *id = g_strdup_printf ("R%u", r + 1);
      esc_table_append_values (roles, (const char *[ESC_ROLE_N_COLUMNS]) { id });
    }
  for (guint s = 0; s < n_shifts; s++)
    {
      g_autofree char *id = shift_id (s);
      esc_table_append_values (shifts, (const char *[ESC_SHIFT_N_COLUMNS]) {
        [ESC_SHIFT_ID] = id,
        [ESC_SHIFT_START] = spec->off_grid ? off_grid_windows[s].start : shift_windows[s].start,
        [ESC_SHIFT_END] = spec->off_grid ? off_grid_windows[s].end : shift_windows[s].end });
    }

  /* Patterns: two to four shifts, allowed on five to seven weekdays. */
  for (guint p = 0; p < n_patterns; p++)
    {
      const char *values[ESC_PATTERN_N_COLUMNS] = { 0 };
      g_autofree char *id = g_strdup_printf ("P%u", p + 1);
      g_autoptr(GString) allowed = g_string_new (NULL);
      guint n_allowed = MIN (n_shifts, 2 + (guint) g_rand_int_range (rand, 0, 3));
      guint first = (guint) g_rand_int_range (rand, 0, (gint32) n_shifts);
      guint n_weekdays = 5 + (guint) g_rand_int_range (rand, 0, 3);

      for (guint k = 0; k < n_allowed; k++)
        {
          g_autofree char *sid = shift_id ((first + k) % n_shifts);
          if (k > 0)
            g_string_append (allowed, ", ");
          g_string_append (allowed, sid);
        }
      values[ESC_PATTERN_ID] = id;
      for (guint w = 0; w < ESC_N_WEEKDAYS; w++)
        values[ESC_PATTERN_MON + w] = w < n_weekdays || p == 0 ? allowed->str : "";
      esc_table_append_values (patterns, values);
    }

  for (guint st = 0; st < spec->n_stores; st++)
    {
      g_autofree char *loc = g_strdup_printf ("LOC%03u", st + 1);
      g_autofree char *store = g_strdup_printf ("ST%03u", st + 1);

      esc_table_append_values (locations, (const char *[ESC_LOCATION_N_COLUMNS]) {
        loc, "Cidade", st % 2 == 0 ? "SP" : "RJ", "BR" });
      esc_table_append_values (stores, (const char *[ESC_STORE_N_COLUMNS]) { store, loc });

      for (guint e = 0; e < spec->n_employees; e++)
        {
          const char *values[ESC_EMPLOYEE_N_COLUMNS] = { 0 };
          g_autofree char *id = g_strdup_printf ("%s-E%03u", store, e + 1);
          g_autofree char *role = g_strdup_printf ("R%u", e % n_roles + 1);
          g_autofree char *pats = NULL;
          guint p1 = (guint) g_rand_int_range (rand, 0, (gint32) n_patterns);
          guint p2 = (guint) g_rand_int_range (rand, 0, (gint32) n_patterns);
          static const char * const weekly[] = { "44", "44", "40", "30" };
          const char *hours = weekly[g_rand_int_range (rand, 0, 4)];
          g_autofree char *rest = g_strdup (weekday_codes[g_rand_int_range (rand, 0, 7)]);

          pats = p1 == p2 ? g_strdup_printf ("P%u", p1 + 1)
                          : g_strdup_printf ("P%u, P%u", p1 + 1, p2 + 1);
          values[ESC_EMPLOYEE_ID] = id;
          values[ESC_EMPLOYEE_ROLE] = role;
          values[ESC_EMPLOYEE_STORE] = store;
          values[ESC_EMPLOYEE_WEEKLY_HOURS] = hours;
          values[ESC_EMPLOYEE_MAX_CONSECUTIVE_DAYS] = "6";
          values[ESC_EMPLOYEE_MAX_CONSECUTIVE_SUNDAYS] = "2";
          values[ESC_EMPLOYEE_PREFERRED_REST] = rest;
          values[ESC_EMPLOYEE_COMPENSATION_DEADLINE] = "30";
          values[ESC_EMPLOYEE_PATTERNS] = pats;
          esc_table_append_values (employees, values);
          capacity[st * n_roles + e % n_roles] += g_ascii_strtod (hours, NULL) * 60.0 / 7.0;

          if (spec->with_wishes && g_rand_int_range (rand, 0, 4) == 0)
            {
              g_autofree char *sid = shift_id ((guint) g_rand_int_range (rand, 0, (gint32) n_shifts));
              esc_table_append_values (preferences, (const char *[ESC_PREFERENCE_N_COLUMNS]) {
                id, "prefer", NULL, sid, "1" });
            }
          if (spec->with_history)
            for (int d = -7; d < 0; d++)
              {
                g_autofree char *date = esc_format_date (start + d);
                if ((e + (guint) (d + 7)) % 7 == 6)
                  continue;  /* one day off in the week before */
                esc_table_append_values (history, (const char *[ESC_PREVIOUS_N_COLUMNS]) {
                  id, date, "07:00" });
              }
        }
    }

  /* Demand: an opening curve per weekday, windows of two hours from 06:00 to 22:00. */
  for (guint st = 0; st < spec->n_stores; st++)
    for (guint r = 0; r < n_roles; r++)
      {
        g_autofree char *store = g_strdup_printf ("ST%03u", st + 1);
        g_autofree char *role = g_strdup_printf ("R%u", r + 1);
        static const double curve[] = { 0.5, 0.8, 1.0, 1.2, 1.2, 1.0, 1.1, 0.7 };
        double per_day = capacity[st * n_roles + r] * spec->demand_ratio;  /* staff-minutes */
        double curve_sum = 0;

        for (guint k = 0; k < G_N_ELEMENTS (curve); k++)
          curve_sum += curve[k] * 120.0;
        for (guint w = 0; w < ESC_N_WEEKDAYS; w++)
          {
            if (spec->shift_demand)
              {
                for (guint s = 0; s < n_shifts; s++)
                  {
                    g_autofree char *sid = shift_id (s);
                    g_autofree char *qty = g_strdup_printf ("%d", (int) (per_day / 480.0 / n_shifts + 0.5));
                    esc_table_append_values (demand, (const char *[ESC_DEMAND_N_COLUMNS]) {
                      [ESC_DEMAND_STORE] = store, [ESC_DEMAND_ROLE] = role,
                      [ESC_DEMAND_DAY] = weekday_codes[w], [ESC_DEMAND_SHIFT] = sid,
                      [ESC_DEMAND_QUANTITY] = qty });
                  }
                continue;
              }
            for (guint k = 0; k < G_N_ELEMENTS (curve); k++)
              {
                /* Off the hour: every boundary moved by a few minutes (0 for the first). */
                int shift_from = spec->off_grid ? (int) (k * 17 % 45) : 0;
                int shift_to = spec->off_grid ? (int) ((k + 1) * 17 % 45) : 0;
                g_autofree char *from = esc_format_time (360 + (int) k * 120 + shift_from);
                g_autofree char *to = esc_format_time (480 + (int) k * 120 + shift_to);
                double weekday_factor = w >= 5 ? 1.15 : 1.0;
                int qty = (int) (per_day * curve[k] / curve_sum * weekday_factor + 0.5);
                g_autofree char *q = g_strdup_printf ("%d", MAX (qty, 0));

                esc_table_append_values (demand, (const char *[ESC_DEMAND_N_COLUMNS]) {
                  [ESC_DEMAND_STORE] = store, [ESC_DEMAND_ROLE] = role,
                  [ESC_DEMAND_DAY] = weekday_codes[w], [ESC_DEMAND_START] = from,
                  [ESC_DEMAND_END] = to, [ESC_DEMAND_QUANTITY] = q });
              }
          }
      }

  /* One national holiday in the second week. */
  if (spec->n_days > 10)
    {
      g_autofree char *date = esc_format_date (start + 10);
      esc_table_append_values (holidays, (const char *[ESC_HOLIDAY_N_COLUMNS]) {
        date, "Feriado", "yes", "BR", NULL, "yes" });
    }
  return project;
}

EscProject *
esc_bench_classic_roster (guint n,
                          guint seed)
{
  EscProject *project = esc_project_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  static const char * const names[] = { "Early", "Late", "Night", "Short" };
  static const char * const hours[] = { "8", "8", "8", "6" };
  /* Coverage per day and shift, scaled to n (55 gives the reference sizes). */
  static const int base[4][7] = {
    { 12, 12, 11, 12, 13, 10, 9 },
    { 11, 12, 12, 11, 12, 11, 9 },
    { 8, 8, 8, 8, 8, 9, 9 },
    { 6, 5, 7, 6, 7, 8, 6 },
  };
  EscJulian start;

  esc_parse_date ("2024-01-01", &start, NULL);
  esc_table_append_values (esc_project_get_table (project, ESC_TABLE_LOCATION),
                           (const char *[ESC_LOCATION_N_COLUMNS]) { "roster" });
  esc_table_append_values (esc_project_get_table (project, ESC_TABLE_STORE),
                           (const char *[ESC_STORE_N_COLUMNS]) { "roster", "roster" });
  esc_table_append_values (esc_project_get_table (project, ESC_TABLE_ROLE),
                           (const char *[ESC_ROLE_N_COLUMNS]) { "staff" });
  for (guint s = 0; s < 4; s++)
    esc_table_append_values (esc_project_get_table (project, ESC_TABLE_SHIFT),
                             (const char *[ESC_SHIFT_N_COLUMNS]) {
                               [ESC_SHIFT_ID] = names[s], [ESC_SHIFT_HOURS] = hours[s] });
  esc_table_append_values (esc_project_get_table (project, ESC_TABLE_PATTERN),
                           (const char *[ESC_PATTERN_N_COLUMNS]) {
                             "any", "Early, Late, Night, Short", "Early, Late, Night, Short",
                             "Early, Late, Night, Short", "Early, Late, Night, Short",
                             "Early, Late, Night, Short", "Early, Late, Night, Short",
                             "Early, Late, Night, Short" });
  for (guint e = 0; e < n; e++)
    {
      g_autofree char *id = g_strdup_printf ("r%02u", e);
      esc_table_append_values (esc_project_get_table (project, ESC_TABLE_EMPLOYEE),
                               (const char *[ESC_EMPLOYEE_N_COLUMNS]) {
                                 [ESC_EMPLOYEE_ID] = id, [ESC_EMPLOYEE_ROLE] = "staff",
                                 [ESC_EMPLOYEE_STORE] = "roster",
                                 [ESC_EMPLOYEE_WEEKLY_HOURS] = "168",
                                 [ESC_EMPLOYEE_MAX_CONSECUTIVE_DAYS] = "7",
                                 [ESC_EMPLOYEE_PATTERNS] = "any",
                                 [ESC_EMPLOYEE_MIN_HOURS] = "40",
                                 [ESC_EMPLOYEE_MAX_REST_DAYS] = "1" });
    }
  for (guint s = 0; s < 4; s++)
    for (guint d = 0; d < 7; d++)
      {
        g_autofree char *date = esc_format_date (start + d);
        g_autofree char *qty = g_strdup_printf ("%d", (int) (base[s][d] * n / 55.0 + 0.5));
        esc_table_append_values (esc_project_get_table (project, ESC_TABLE_DEMAND),
                                 (const char *[ESC_DEMAND_N_COLUMNS]) {
                                   [ESC_DEMAND_STORE] = "roster", [ESC_DEMAND_ROLE] = "staff",
                                   [ESC_DEMAND_DAY] = date, [ESC_DEMAND_SHIFT] = names[s],
                                   [ESC_DEMAND_QUANTITY] = qty });
      }
  esc_table_append_values (esc_project_get_table (project, ESC_TABLE_FORBIDDEN_SEQUENCE),
                           (const char *[ESC_SEQUENCE_N_COLUMNS]) { "Night", "Early" });
  /* Three bans and three preferences, as in the measured reference. */
  for (guint k = 0; k < 3; k++)
    {
      g_autofree char *who = g_strdup_printf ("r%02u", (guint) g_rand_int_range (rand, 0, (gint32) n));
      g_autofree char *date = esc_format_date (start + (EscJulian) g_rand_int_range (rand, 0, 7));
      g_autofree char *fan = g_strdup_printf ("r%02u", (guint) g_rand_int_range (rand, 0, (gint32) n));

      esc_table_append_values (esc_project_get_table (project, ESC_TABLE_PREFERENCE),
                               (const char *[ESC_PREFERENCE_N_COLUMNS]) {
                                 who, "ban", date, names[k % 4], NULL });
      esc_table_append_values (esc_project_get_table (project, ESC_TABLE_PREFERENCE),
                               (const char *[ESC_PREFERENCE_N_COLUMNS]) {
                                 fan, "prefer", NULL, names[(k + 1) % 4], "1" });
    }
  esc_project_set_parameter (project, "start_date", "2024-01-01");
  esc_project_set_parameter (project, "max_horizon", "7");
  esc_project_set_parameter (project, "min_rest_between_shifts", "0");
  esc_project_set_parameter (project, "objective_function", "demand_fulfillment, min_hours, preferences");
  esc_project_set_parameter (project, "max_solution_time", "60");
  return project;
}

double
esc_bench_peak_rss_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return 0;
  return g_ascii_strtod (line + 6, NULL) / 1024.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

double
esc_bench_median (double *values,
                  guint   n)
{
  if (n == 0)
    return 0;
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}
