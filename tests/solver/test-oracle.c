/* test-oracle.c: the optimizer against an enumeration of every schedule.
 *
 * Tiny random projects (2-4 employees, 2-5 days, 2-3 shifts, with demand windows and
 * per-shift demand, weekly limits, holidays with compensation deadlines, history,
 * leave, bans, preferences, forbidden sequences and the optional rostering limits) are
 * generated from fixed seeds, so a failure names the seed that reproduces it. For each,
 * and for each objective order tested, the enumeration (test-support.c) finds the
 * lexicographic minimum of the level values over all legal schedules; the solver must
 * return a schedule that the checker accepts and whose values, scored by the same
 * evaluator, are that minimum. When no schedule is legal, the solver must say
 * infeasible and why.
 *
 * Instances whose enumeration would score too many schedules are skipped (and counted),
 * so the whole run stays within a few seconds. `-m thorough` runs more instances.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <math.h>
#include <string.h>

#include "solver/esc-solver.h"
#include "test-solver.h"
#include "test-support.h"

#define N_INSTANCES 60
#define N_INSTANCES_THOROUGH 300
#define MAX_SEEDS_PER_INSTANCE 20
#define ENUMERATION_LIMIT 100000
#define TOLERANCE 1e-6

typedef enum
{
  ORDER_DEFAULT,
  ORDER_MIN_HOURS,
  ORDER_WEIGHTED,
  ORDER_PERMUTATION,
} OrderKind;

typedef struct
{
  guint instances;
  guint skipped;
  guint infeasible;
  guint64 schedules;
} OracleStats;

static const char * const objective_names[] = {
  "demand_fulfillment", "holiday_compensation", "priority_working_days", "working_days",
  "preferable_rests", "workforce_balance", "working_hours", "min_hours", "preferences",
  "over_coverage",
};

static const char * const weekday_codes[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

/* Generation */

static const char *
pick (GRand              *rand,
      const char * const *items,
      guint               n_items)
{
  return items[g_rand_int_range (rand, 0, (gint32) n_items)];
}

#define PICK(rand, array) pick (rand, array, G_N_ELEMENTS (array))

static gboolean
chance (GRand  *rand,
        double  p)
{
  return g_rand_double (rand) < p;
}

static char *
date_text (EscJulian start,
           int       offset)
{
  return esc_format_date (start + offset);
}

typedef struct
{
  const char *start, *end, *hours;
} ShiftDef;

static const ShiftDef shift_pool[] = {
  { "06:00", "14:00", NULL }, { "14:00", "22:00", NULL }, { "22:00", "06:00", NULL },
  { "08:00", "12:00", NULL }, { "09:00", "17:00", NULL }, { "12:00", "20:00", NULL },
  { "07:30", "11:45", NULL },
};

static const char * const window_pool[][2] = {
  { "06:00", "10:00" }, { "08:00", "16:00" }, { "10:00", "14:00" }, { "12:00", "20:00" },
  { "18:00", "23:00" }, { "07:30", "11:45" }, { "14:00", "22:00" },
};

/* A random tiny project; @n_shifts_out the shifts' ids are "A", "B", "C". */
static EscProject *
generate_project (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  EscJulian start;
  g_autofree char *start_text = NULL;
  int n_days = g_rand_int_range (rand, 2, 6);
  int n_employees = g_rand_int_range (rand, 2, 5);
  int n_shifts = g_rand_int_range (rand, 2, 4);
  int n_patterns = g_rand_int_range (rand, 1, 3);
  gboolean two_stores = chance (rand, 0.25), two_roles = chance (rand, 0.25);
  gboolean hours_only = chance (rand, 0.2);
  const char *shift_ids[] = { "A", "B", "C" };
  guint used_shifts[G_N_ELEMENTS (shift_pool)] = { 0 };
  EscProject *project;


  g_assert_true (esc_parse_date ("2026-11-30", &start, NULL));
  start += g_rand_int_range (rand, 0, 14);
  start_text = esc_format_date (start);
  project = esc_test_project_new (start_text, n_days);

  esc_project_set_parameter (project, "first_day_of_week", PICK (rand, weekday_codes));
  esc_project_set_parameter (project, "granularity",
                             PICK (rand, ((const char * const[]) { "1", "15", "30", "60" })));
  esc_project_set_parameter (project, "min_rest_between_shifts",
                             PICK (rand, ((const char * const[]) { "0", "8", "11" })));
  if (chance (rand, 0.5))
    esc_project_set_parameter (project, "allocation_priority_weekdays",
                               PICK (rand, ((const char * const[]) { "sat, sun", "mon", "fri, sat",
                                                                     "tue, wed, thu" })));
  if (chance (rand, 0.3))
    esc_project_set_parameter (project, "allocation_priority_interval", "1-5, 25-31");

  if (two_stores)
    {
      esc_test_add_row (project, ESC_TABLE_LOCATION, "id", "L2", "state", "RJ", "country", "BR",
                        NULL);
      esc_test_add_row (project, ESC_TABLE_STORE, "id", "S2", "location", "L2", NULL);
    }
  if (two_roles)
    esc_test_add_row (project, ESC_TABLE_ROLE, "id", "R2", NULL);

  /* Shifts. */
  for (int s = 0; s < n_shifts; s++)
    {
      guint k;

      if (s == n_shifts - 1 && hours_only)
        {
          esc_test_add_row (project, ESC_TABLE_SHIFT, "id", shift_ids[s], "hours",
                            PICK (rand, ((const char * const[]) { "6", "8", "4" })), NULL);
          continue;
        }
      do
        k = g_rand_int_range (rand, 0, G_N_ELEMENTS (shift_pool));
      while (used_shifts[k]);
      used_shifts[k] = TRUE;
      esc_test_add_row (project, ESC_TABLE_SHIFT, "id", shift_ids[s],
                        "start", shift_pool[k].start, "end", shift_pool[k].end,
                        "break_minutes", chance (rand, 0.2) ? "30" : NULL, NULL);
    }

  /* Patterns: per weekday a random non-empty subset of the shifts, or blank. */
  for (int p = 0; p < n_patterns; p++)
    {
      g_autofree char *id = g_strdup_printf ("P%d", p + 1);
      char *cells[ESC_N_WEEKDAYS] = { NULL };
      EscRow *row;

      for (int wd = 0; wd < ESC_N_WEEKDAYS; wd++)
        {
          g_autoptr(GString) cell = g_string_new (NULL);

          if (chance (rand, 0.1))
            continue;
          if (chance (rand, 0.08))
            {
              cells[wd] = g_strdup ("08:00 - 13:00");
              continue;
            }
          for (int s = 0; s < n_shifts; s++)
            if (chance (rand, 0.7))
              g_string_append_printf (cell, "%s%s", cell->len > 0 ? ", " : "", shift_ids[s]);
          if (cell->len == 0)
            g_string_append (cell, shift_ids[g_rand_int_range (rand, 0, n_shifts)]);
          cells[wd] = g_string_free (g_steal_pointer (&cell), FALSE);
        }
      row = esc_test_add_row (project, ESC_TABLE_PATTERN, "id", id, NULL);
      for (int wd = 0; wd < ESC_N_WEEKDAYS; wd++)
        {
          esc_row_set (row, ESC_PATTERN_MON + wd, cells[wd]);
          g_free (cells[wd]);
        }
    }

  /* Employees. */
  for (int e = 0; e < n_employees; e++)
    {
      g_autofree char *id = g_strdup_printf ("E%d", e + 1);
      g_autofree char *patterns = NULL;
      g_autofree char *leave = NULL;
      const char *min_hours = NULL, *max_hours = NULL, *max_days = NULL;
      const char *min_days = chance (rand, 0.2) ? "2" : NULL;
      g_autofree char *max_rest = chance (rand, 0.1)
                                    ? g_strdup_printf ("%d", n_days - g_rand_int_range (rand, 1, 3))
                                    : NULL;
      const char *store = two_stores && chance (rand, 0.5) ? "S2" : "S1";
      const char *role = two_roles && chance (rand, 0.5) ? "R2" : "R1";

      if (n_patterns == 2 && chance (rand, 0.5))
        patterns = g_strdup ("P1, P2");
      else
        patterns = g_strdup_printf ("P%d", g_rand_int_range (rand, 1, n_patterns + 1));
      if (chance (rand, 0.15))
        {
          g_autofree char *day = esc_format_date_dmy (start + g_rand_int_range (rand, 0, n_days));

          leave = chance (rand, 0.5) ? g_strdup (day)
                                     : g_strdup_printf ("%s 10:00 - %s 13:00", day, day);
        }
      if (chance (rand, 0.4))
        max_days = min_days != NULL ? PICK (rand, ((const char * const[]) { "2", "3" }))
                                    : PICK (rand, ((const char * const[]) { "1", "2", "3" }));
      if (chance (rand, 0.1))
        min_hours = PICK (rand, ((const char * const[]) { "4", "7" }));
      if (chance (rand, 0.25))
        max_hours = PICK (rand, ((const char * const[]) { "14", "20" }));

      esc_test_add_row (project, ESC_TABLE_EMPLOYEE,
                        "id", id, "role", role, "store", store, "patterns", patterns,
                        "weekly_hours", PICK (rand, ((const char * const[]) { "8", "15", "22", "44" })),
                        "max_consecutive_days", max_days,
                        "max_consecutive_sundays", chance (rand, 0.3) ? PICK (rand, ((const char * const[]) { "0", "1" })) : NULL,
                        "limited_weekday", chance (rand, 0.3) ? PICK (rand, weekday_codes) : NULL,
                        "preferred_rest", chance (rand, 0.6) ? PICK (rand, weekday_codes) : NULL,
                        "holiday_compensation_deadline", chance (rand, 0.7) ? PICK (rand, ((const char * const[]) { "0", "1", "2", "3", "10" })) : NULL,
                        "leave", leave,
                        "min_hours", min_hours, "max_hours", max_hours,
                        "max_rest_days", max_rest,
                        "min_consecutive_days", min_days,
                        "min_consecutive_days_off", chance (rand, 0.2) ? "2" : NULL,
                        "max_weekends", chance (rand, 0.2) ? PICK (rand, ((const char * const[]) { "0", "1" })) : NULL,
                        "max_shifts", chance (rand, 0.2) ? "A:1" : NULL,
                        NULL);

      /* History: the week before the start. */
      for (int d = -7; d < 0; d++)
        {
          g_autofree char *date = NULL;

          if (!chance (rand, 0.35))
            continue;
          date = date_text (start, d);
          esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", id, "date", date,
                            "hours", PICK (rand, ((const char * const[]) { "7", "4", "C", "07:30" })),
                            NULL);
        }

      /* Preferences and bans. */
      for (int k = g_rand_int_range (rand, 0, 4); k > 0; k--)
        {
          static const char * const kinds[] = { "ban", "prefer", "day_off", "shift_on",
                                                "shift_off" };
          const char *kind = PICK (rand, kinds);
          const char *shift = shift_ids[g_rand_int_range (rand, 0, n_shifts)];
          g_autofree char *date = date_text (start, g_rand_int_range (rand, 0, n_days));
          g_autofree char *weight = g_strdup_printf ("%d", g_rand_int_range (rand, 1, 6));
          gboolean dated = strcmp (kind, "day_off") == 0 || strcmp (kind, "shift_on") == 0 ||
                           strcmp (kind, "shift_off") == 0 || chance (rand, 0.5);
          gboolean shifted = strcmp (kind, "day_off") != 0;

          esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", id, "kind", kind,
                            "date", dated ? date : NULL, "shift", shifted ? shift : NULL,
                            "weight", weight, NULL);
        }
    }

  /* Demand: per (store, role) and day, a window or a shift, sometimes nothing. */
  for (int s = 0; s < (two_stores ? 2 : 1); s++)
    for (int r = 0; r < (two_roles ? 2 : 1); r++)
      {
        const char *store = s == 0 ? "S1" : "S2", *role = r == 0 ? "R1" : "R2";

        for (int d = 0; d < n_days; d++)
          {
            g_autofree char *date = date_text (start, d);
            int n_rows = chance (rand, 0.08) ? 0 : g_rand_int_range (rand, 1, 3);

            for (int k = 0; k < n_rows; k++)
              {
                g_autofree char *quantity = g_strdup_printf ("%d", g_rand_int_range (rand, 0, 3));
                const char *under = chance (rand, 0.3) ? PICK (rand, ((const char * const[]) { "2", "0.5", "10" })) : NULL;
                const char *over = chance (rand, 0.3) ? PICK (rand, ((const char * const[]) { "3", "0.25" })) : NULL;
                const char *day = chance (rand, 0.15)
                                    ? weekday_codes[esc_julian_weekday (start + d)] : date;

                if (chance (rand, hours_only ? 0.5 : 0.2))
                  esc_test_add_row (project, ESC_TABLE_DEMAND, "store", store, "role", role,
                                    "day", day, "shift", shift_ids[g_rand_int_range (rand, 0, n_shifts)],
                                    "quantity", quantity, "under_weight", under,
                                    "over_weight", over, NULL);
                else
                  {
                    guint w = g_rand_int_range (rand, 0, G_N_ELEMENTS (window_pool));

                    esc_test_add_row (project, ESC_TABLE_DEMAND, "store", store, "role", role,
                                      "day", day, "start", window_pool[w][0],
                                      "end", window_pool[w][1], "quantity", quantity,
                                      "under_weight", under, "over_weight", over, NULL);
                  }
              }
          }
      }

  /* Holidays around the start. */
  for (int k = g_rand_int_range (rand, 0, 3); k > 0; k--)
    {
      g_autofree char *date = date_text (start, g_rand_int_range (rand, -6, n_days));

      if (chance (rand, 0.6))
        esc_test_add_row (project, ESC_TABLE_HOLIDAY, "date", date, "national", "yes", NULL);
      else
        esc_test_add_row (project, ESC_TABLE_HOLIDAY, "date", date, "national", "no",
                          "region", PICK (rand, ((const char * const[]) { "SP", "RJ" })), NULL);
    }

  if (chance (rand, 0.3))
    esc_test_add_row (project, ESC_TABLE_FORBIDDEN_SEQUENCE,
                      "first", shift_ids[g_rand_int_range (rand, 0, n_shifts)],
                      "next", shift_ids[g_rand_int_range (rand, 0, n_shifts)], NULL);

  return project;
}

/* A random order of every objective, sometimes two of them weighted into one level. */
static char *
random_order (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x5eed);
  const char *names[G_N_ELEMENTS (objective_names)];
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = G_N_ELEMENTS (objective_names);

  memcpy (names, objective_names, sizeof names);
  for (guint i = n - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, i + 1);
      const char *t = names[i];

      names[i] = names[j];
      names[j] = t;
    }
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (text, i == 1 && chance (rand, 0.5) ? "*3+" : ", ");
      g_string_append (text, names[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
order_text (OrderKind kind,
            guint32   seed)
{
  switch (kind)
    {
    case ORDER_DEFAULT:
      return NULL;
    case ORDER_MIN_HOURS:
      return g_strdup ("min_hours, preferences");
    case ORDER_WEIGHTED:
      return g_strdup ("demand_fulfillment*100+over_coverage+preferences");
    case ORDER_PERMUTATION:
    default:
      return random_order (seed);
    }
}

/* Reporting */

static char *
describe_schedule (const EscSchedule *schedule)
{
  const EscProblem *problem = schedule->problem;
  GString *text = g_string_new (NULL);

  for (guint e = 0; e < problem->employees->len; e++)
    {
      g_string_append_printf (text, "    %-4s", esc_problem_get_employee (problem, e)->id);
      for (int d = 0; d < problem->n_days; d++)
        {
          int choice = esc_schedule_get_choice (schedule, e, d);
          const char *shift = choice == ESC_NONE
                                ? "."
                                : esc_problem_get_shift (problem,
                                                         esc_problem_get_option (problem, choice)->shift)->id;

          g_string_append_printf (text, " %s%s", shift,
                                  esc_schedule_get_compensation (schedule, e, d) ? "(C)" : "");
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static char *
describe_values (const double *values,
                 guint         n)
{
  GString *text = g_string_new ("(");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%g", i > 0 ? ", " : "", values[i]);
  g_string_append_c (text, ')');
  return g_string_free (text, FALSE);
}

/* One instance and one order: FALSE when skipped (too big to enumerate). */
static gboolean
run_instance (guint32      seed,
              OrderKind    kind,
              gboolean     check_phases,
              OracleStats *stats)
{
  g_autoptr(EscProject) project = generate_project (seed);
  g_autofree char *order = order_text (kind, seed);
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(EscSchedule) solved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *values = NULL;
  EscTestEnumeration oracle;
  gboolean same = TRUE;

  if (order != NULL)
    esc_project_set_parameter (project, "objective_function", order);
  problem = esc_test_compile (project);

  if (!esc_test_enumerate (problem, FALSE, ENUMERATION_LIMIT, &oracle))
    {
      stats->skipped++;
      return FALSE;
    }
  stats->instances++;
  if (g_test_verbose ())
    g_test_message ("seed %u: %u employees, %d days, %u options, %" G_GUINT64_FORMAT
                    " legal rows, %" G_GUINT64_FORMAT " legal schedules", seed,
                    problem->employees->len, problem->n_days, problem->options->len,
                    oracle.n_rows, oracle.n_schedules);
  stats->schedules += oracle.n_schedules;

  solved = esc_solver_solve (problem, NULL, NULL, NULL, NULL, &error);
  if (solved == NULL)
    {
      g_printerr ("seed %u, order “%s”: the solver failed: %s\n", seed,
                  order != NULL ? order : "default", error != NULL ? error->message : "?");
      g_test_fail ();
      esc_test_enumeration_clear (&oracle);
      return TRUE;
    }

  if (!oracle.feasible)
    {
      stats->infeasible++;
      if (solved->status != ESC_SCHEDULE_INFEASIBLE || solved->reasons->len == 0)
        {
          g_printerr ("seed %u, order “%s”: no schedule is legal, but the solver says %s "
                      "with %u reasons\n", seed, order != NULL ? order : "default",
                      esc_schedule_status_to_string (solved->status), solved->reasons->len);
          g_test_fail ();
        }
      esc_test_enumeration_clear (&oracle);
      return TRUE;
    }

  esc_test_assert_legal (solved);
  values = esc_test_level_values (solved);
  for (guint l = 0; l < oracle.n_levels; l++)
    if (fabs (values[l] - oracle.best[l]) > TOLERANCE * MAX (1.0, fabs (oracle.best[l])))
      same = FALSE;

  if (!same || solved->status != ESC_SCHEDULE_OPTIMAL)
    {
      g_autofree char *want = describe_values (oracle.best, oracle.n_levels);
      g_autofree char *got = describe_values (values, oracle.n_levels);
      g_autofree char *want_schedule = describe_schedule (oracle.schedule);
      g_autofree char *got_schedule = describe_schedule (solved);

      g_printerr ("seed %u, order “%s”: status %s\n  enumeration %s\n%s  solver      %s\n%s",
                  seed, order != NULL ? order : "default",
                  esc_schedule_status_to_string (solved->status), want, want_schedule, got,
                  got_schedule);
      g_test_fail ();
    }

  /* A phase of one objective reports its value in the objective's own sense. */
  for (guint l = 0; check_phases && l < problem->levels->len && l < solved->phases->len; l++)
    {
      const EscObjectiveLevel *level = g_ptr_array_index (problem->levels, l);
      const EscPhaseStats *phase = g_ptr_array_index (solved->phases, l);
      int single = -1, n_terms = 0;
      double value;

      for (int o = 0; o < ESC_N_OBJECTIVES; o++)
        if (level->weight[o] != 0)
          {
            single = o;
            n_terms++;
          }
      if (n_terms != 1 || level->weight[single] != 1)
        continue;
      value = esc_evaluate_objective (solved, single);
      if (fabs (phase->value - value) > 1e-4 * MAX (1.0, fabs (value)))
        {
          g_printerr ("seed %u, order “%s”: phase %u (%s) reports %g, the schedule scores %g\n",
                      seed, order != NULL ? order : "default", l, level->text, phase->value,
                      value);
          g_test_fail ();
        }
    }

  esc_test_enumeration_clear (&oracle);
  return TRUE;
}

static void
run_oracle (OrderKind kind,
            gboolean  check_phases)
{
  guint n_instances = g_test_thorough () ? N_INSTANCES_THOROUGH : N_INSTANCES;
  OracleStats stats = { 0 };
  guint32 seed = 1;
  g_autoptr(GTimer) timer = g_timer_new ();

  while (stats.instances < n_instances && seed < n_instances * MAX_SEEDS_PER_INSTANCE)
    run_instance (seed++, kind, check_phases, &stats);

  g_test_message ("%u instances (%u infeasible), %u skipped as too big, %" G_GUINT64_FORMAT
                  " legal schedules scored, %.1f s", stats.instances, stats.infeasible,
                  stats.skipped, stats.schedules, g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (stats.instances, ==, n_instances);
}

static void
test_oracle_default (void)
{
  run_oracle (ORDER_DEFAULT, FALSE);
}

static void
test_oracle_min_hours (void)
{
  run_oracle (ORDER_MIN_HOURS, FALSE);
}

static void
test_oracle_weighted (void)
{
  run_oracle (ORDER_WEIGHTED, FALSE);
}

static void
test_oracle_permutation (void)
{
  run_oracle (ORDER_PERMUTATION, FALSE);
}

/* The phases of the solved schedule report, for each level of a single objective, the
 * objective's value in its own sense (esc-schedule.h), as the evaluator scores it. */
static void
test_oracle_phase_values (void)
{
  run_oracle (ORDER_DEFAULT, TRUE);
}

/* The generator makes projects the compiler accepts, of the sizes promised. */
static void
test_oracle_generator (void)
{
  for (guint32 seed = 1; seed <= 60; seed++)
    {
      g_autoptr(EscProject) project = generate_project (seed);
      g_autoptr(EscProblem) problem = esc_test_compile (project);

      g_assert_cmpint (problem->n_days, >=, 2);
      g_assert_cmpint (problem->n_days, <=, 5);
      g_assert_cmpuint (problem->employees->len, >=, 2);
      g_assert_cmpuint (problem->employees->len, <=, 4);
    }
}

/* The enumeration sets compensation flags on every day off that is not a holiday instead
 * of trying every subset; on the instances with holidays where every subset can be
 * tried, both give the same optimum. */
static void
test_oracle_flags_dominate (void)
{
  guint compared = 0;

  for (guint32 seed = 1; seed <= 200 && compared < 15; seed++)
    {
      g_autoptr(EscProject) project = generate_project (seed);
      g_autoptr(EscProblem) problem = NULL;
      g_autofree char *order = random_order (seed);
      EscTestEnumeration some, all;
      gboolean has_holiday = FALSE;

      esc_project_set_parameter (project, "objective_function", order);
      problem = esc_test_compile (project);
      for (guint i = 0; i < problem->store_ids->len * (guint) problem->n_days; i++)
        has_holiday |= problem->store_holiday[i];
      if (!has_holiday || !esc_test_enumerate (problem, TRUE, ENUMERATION_LIMIT, &all))
        continue;
      g_assert_true (esc_test_enumerate (problem, FALSE, ENUMERATION_LIMIT, &some));
      g_assert_cmpint (some.feasible, ==, all.feasible);
      g_assert_cmpuint (some.n_rows, <=, all.n_rows);
      for (guint l = 0; some.feasible && l < some.n_levels; l++)
        g_assert_cmpfloat_with_epsilon (some.best[l], all.best[l], TOLERANCE);
      esc_test_enumeration_clear (&some);
      esc_test_enumeration_clear (&all);
      compared++;
    }
  g_test_message ("%u instances with holidays compared", compared);
  g_assert_cmpuint (compared, >=, 5);
}

void
esc_test_add_oracle_tests (void)
{
  g_test_add_func ("/solver/oracle/generator", test_oracle_generator);
  g_test_add_func ("/solver/oracle/compensation-flags-dominate", test_oracle_flags_dominate);
  g_test_add_func ("/solver/oracle/default-order", test_oracle_default);
  g_test_add_func ("/solver/oracle/min-hours-preferences", test_oracle_min_hours);
  g_test_add_func ("/solver/oracle/weighted-level", test_oracle_weighted);
  g_test_add_func ("/solver/oracle/permutations", test_oracle_permutation);
  g_test_add_func ("/solver/oracle/phase-values", test_oracle_phase_values);
}
