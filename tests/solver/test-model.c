/* test-model.c: the GLPK model and the hierarchical solver.
 *
 * Every hard rule binding (a case whose optimum without the rule would break it), the
 * hierarchy (a later level never worsens an earlier one; weighted levels), the reference
 * roster of scheduling.md section 6 checked by reasoning, random tiny instances against
 * the enumeration oracle, infeasibility explained, cancel, the async API, threads and
 * MPS output. Every schedule the solver returns goes through the independent checker, and
 * every phase value is compared with the independent evaluator.
 *
 * The horizon starts on Monday 2026-12-07 unless said otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "solver/esc-model.h"
#include "solver/esc-solver.h"
#include "test-solver.h"
#include "test-support.h"

#define MONDAY "2026-12-07"
#define TOLERANCE 1e-6

/* Helpers */

/* Appends a row from a NULL-terminated list of (column key, text) pairs. */
static void
add_row_v (EscProject       *project,
           EscTableId        table_id,
           const char *const *pairs)
{
  EscTable *table = esc_project_get_table (project, table_id);
  const EscTableSchema *schema = esc_table_get_schema (table);
  g_autofree const char **values = g_new0 (const char *, schema->n_columns + 1);

  for (guint i = 0; pairs[i] != NULL; i += 2)
    {
      int column = esc_schema_find_column (schema, pairs[i]);

      g_assert_cmpint (column, >=, 0);
      g_assert_nonnull (pairs[i + 1]);
      values[column] = pairs[i + 1];
    }
  esc_table_append_values (table, values);
}

/* An employee of S1/R1 with pattern P1 and 44 weekly hours; @extra (pairs, NULL-ended)
 * overrides or adds cells. */
static void
add_employee (EscProject        *project,
              const char        *id,
              const char *const *extra)
{
  GPtrArray *pairs = g_ptr_array_new ();
  const char *const base[] = { "id", id, "role", "R1", "store", "S1", "weekly_hours", "44",
                               "patterns", "P1", NULL };

  for (guint i = 0; base[i] != NULL; i++)
    g_ptr_array_add (pairs, (gpointer) base[i]);
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (pairs, (gpointer) extra[i]);
  g_ptr_array_add (pairs, NULL);
  add_row_v (project, ESC_TABLE_EMPLOYEE, (const char *const *) pairs->pdata);
  g_ptr_array_unref (pairs);
}

#define EXTRA(...) ((const char *const[]) { __VA_ARGS__, NULL })

static const char * const weekday_codes[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

/* Shift M 08:00-16:00 (7 h net by the break rule), pattern P1 allowing M every day,
 * demand 08:00-16:00 for one person every day. */
static EscProject *
base_project (int         n_days,
              const char *objectives)
{
  EscProject *project = esc_test_project_new (MONDAY, n_days);

  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "M", "start", "08:00", "end", "16:00", NULL);
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "P1", "mon", "M", "tue", "M", "wed", "M",
                    "thu", "M", "fri", "M", "sat", "M", "sun", "M", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (weekday_codes); i++)
    esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1",
                      "day", weekday_codes[i], "start", "08:00", "end", "16:00",
                      "quantity", "1", NULL);
  esc_project_set_parameter (project, "objective_function", objectives);
  esc_project_set_parameter (project, "max_solution_time", "60");
  return project;
}

static void
assert_close (double a,
              double b)
{
  if (fabs (a - b) > TOLERANCE * MAX (1.0, fabs (b)))
    g_error ("expected %.9g, got %.9g", b, a);
}

/* Solves, checks every hard rule with the checker and every phase value with the
 * evaluator. */
/* The objective of a level of one objective, or -1 for a weighted sum of several. */
static int
single_objective (const EscObjectiveLevel *level)
{
  int single = -1;

  for (int o = 0; o < ESC_N_OBJECTIVES; o++)
    if (level->weight[o] != 0)
      {
        if (single >= 0)
          return -1;
        single = o;
      }
  return single;
}

/* A phase reports a level of one objective in that objective's own sense, a weighted
 * sum as the value minimised (esc-schedule.h). */
static double
reported_value (const EscSchedule       *schedule,
                const EscObjectiveLevel *level)
{
  int single = single_objective (level);

  if (single < 0)
    return esc_evaluate_level (schedule, level);
  return esc_evaluate_objective (schedule, single);
}

static EscSchedule *
solve_full (EscProblem *problem,
            guint       n_threads,
            const char *mps_dir)
{
  EscSolverOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  EscSchedule *schedule;

  options.n_threads = n_threads;
  options.write_mps_dir = mps_dir;
  schedule = esc_solver_solve (problem, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);

  if (schedule->status != ESC_SCHEDULE_INFEASIBLE)
    {
      esc_test_assert_legal (schedule);
      g_assert_cmpuint (schedule->phases->len, ==, problem->levels->len);
      for (guint k = 0; k < problem->levels->len; k++)
        {
          const EscPhaseStats *stats = g_ptr_array_index (schedule->phases, k);

          assert_close (stats->value,
                        reported_value (schedule, g_ptr_array_index (problem->levels, k)));
          if (stats->proven_optimal)
            g_assert_cmpfloat (stats->gap, ==, 0.0);
        }
    }
  return schedule;
}

static EscSchedule *
solve (EscProblem *problem)
{
  return solve_full (problem, 0, NULL);
}

/* Phase k's value in the minimised sense of its level (what the oracle compares). */
static double
phase_value (const EscSchedule *schedule,
             guint              k)
{
  const EscObjectiveLevel *level = g_ptr_array_index (schedule->problem->levels, k);
  double value;
  int single;

  g_assert_cmpuint (k, <, schedule->phases->len);
  value = ((const EscPhaseStats *) g_ptr_array_index (schedule->phases, k))->value;
  single = single_objective (level);
  if (single < 0)
    return value;
  return value * level->weight[single] * (esc_objective_is_maximised (single) ? -1.0 : 1.0);
}

/* The schedule is optimal, and its level values equal the enumeration's. */
static void
assert_matches_oracle (EscProblem        *problem,
                       const EscSchedule *schedule)
{
  EscTestEnumeration oracle;

  g_assert_true (esc_test_enumerate (problem, FALSE, 20000000, &oracle));
  g_assert_true (oracle.feasible);
  g_assert_cmpint (schedule->status, ==, ESC_SCHEDULE_OPTIMAL);
  for (guint k = 0; k < oracle.n_levels; k++)
    assert_close (phase_value (schedule, k), oracle.best[k]);
  esc_test_enumeration_clear (&oracle);
}

/* Solves a one-level problem: optimal, legal, equal to @expected (derived by hand) and,
 * when @oracle, to the enumeration. */
static void
check_rule_case_full (EscProject *project,
                      double      expected,
                      gboolean    oracle)
{
  g_autoptr(EscProblem) problem = esc_test_compile (project);
  g_autoptr(EscSchedule) schedule = solve (problem);

  g_assert_cmpint (schedule->status, ==, ESC_SCHEDULE_OPTIMAL);
  assert_close (phase_value (schedule, 0), expected);
  if (oracle)
    assert_matches_oracle (problem, schedule);
}

static void
check_rule_case (EscProject *project,
                 double      expected)
{
  check_rule_case_full (project, expected, TRUE);
}

/* Hard rules, one at a time: each case's optimum without the rule would break it. */

/* 21 weekly hours allow 3 days of 7 h; without the limit all 7 days would be worked. */
static void
test_rule_weekly_hours (void)
{
  g_autoptr(EscProject) project = base_project (7, "working_hours");

  add_employee (project, "E1", EXTRA ("weekly_hours", "21", "max_consecutive_days", "7"));
  check_rule_case (project, -3 * 420);
}

/* History: 14 h worked on Monday and Tuesday before a Wednesday start leave 7 h. */
static void
test_rule_weekly_hours_history (void)
{
  g_autoptr(EscProject) project = base_project (5, "working_hours");

  esc_project_set_parameter (project, "start_date", "2026-12-09");
  add_employee (project, "E1", EXTRA ("weekly_hours", "21", "max_consecutive_days", "9"));
  esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1",
                    "date", "2026-12-07", "hours", "07:00", NULL);
  esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1",
                    "date", "2026-12-08", "hours", "07:00", NULL);
  /* Wed..Sun: week 0 has 7 h left. */
  check_rule_case (project, -420);
}

/* At most 2 days in a row: WW.WW.W is the best of 7 days. */
static void
test_rule_consecutive_days (void)
{
  g_autoptr(EscProject) project = base_project (7, "working_days");

  add_employee (project, "E1", EXTRA ("weekly_hours", "49", "max_consecutive_days", "2"));
  check_rule_case (project, -5);
}

/* Two days worked just before the start: day 0 is off, then WW.WW. */
static void
test_rule_consecutive_days_history (void)
{
  g_autoptr(EscProject) project = base_project (7, "working_days");

  add_employee (project, "E1", EXTRA ("weekly_hours", "49", "max_consecutive_days", "2"));
  esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1",
                    "date", "2026-12-05", "hours", "07:00", NULL);
  esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1",
                    "date", "2026-12-06", "hours", "07:00", NULL);
  check_rule_case (project, -4);
}

/* No two Sundays in a row over 3 weeks: Sundays 1 and 3, 20 days. With the Sunday before
 * the start worked, only the second Sunday: 19 days. */
static void
test_rule_consecutive_sundays (void)
{
  g_autoptr(EscProject) project = base_project (21, "working_days");
  g_autoptr(EscProject) history = base_project (21, "working_days");
  const char *const *extra = EXTRA ("weekly_hours", "49", "max_consecutive_days", "30",
                                    "max_consecutive_sundays", "1");

  /* 21 days: too many for the enumeration (2^21 rows); the values are plain. */
  add_employee (project, "E1", extra);
  check_rule_case_full (project, -20, FALSE);

  add_employee (history, "E1", extra);
  esc_test_add_row (history, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1",
                    "date", "2026-12-06", "hours", "07:00", NULL);
  check_rule_case_full (history, -19, FALSE);
}

/* A holiday on Wednesday with a 3-day deadline inside the horizon: working it costs a
 * compensation day off by Saturday, so 6 days at most. With a deadline beyond the
 * horizon every day is worked and nothing is compensated. */
static void
test_rule_compensation (void)
{
  g_autoptr(EscProject) project = base_project (7, "working_days, holiday_compensation");
  g_autoptr(EscProject) soft = base_project (7, "working_days, holiday_compensation");

  add_employee (project, "E1", EXTRA ("weekly_hours", "49", "max_consecutive_days", "30",
                                      "holiday_compensation_deadline", "3"));
  esc_test_add_row (project, ESC_TABLE_HOLIDAY, "date", "2026-12-09", "national", "yes", NULL);
  {
    g_autoptr(EscProblem) problem = esc_test_compile (project);
    g_autoptr(EscSchedule) schedule = solve (problem);

    assert_close (phase_value (schedule, 0), -6);
    /* Then the holiday is worked and compensated: one compensation granted. */
    assert_close (phase_value (schedule, 1), -1);
    assert_matches_oracle (problem, schedule);
  }

  add_employee (soft, "E1", EXTRA ("weekly_hours", "49", "max_consecutive_days", "30",
                                   "holiday_compensation_deadline", "10"));
  esc_test_add_row (soft, ESC_TABLE_HOLIDAY, "date", "2026-12-09", "national", "yes", NULL);
  {
    g_autoptr(EscProblem) problem = esc_test_compile (soft);
    g_autoptr(EscSchedule) schedule = solve (problem);

    assert_close (phase_value (schedule, 0), -7);
    assert_close (phase_value (schedule, 1), 0);
    assert_matches_oracle (problem, schedule);
  }
}

/* A holiday worked on Saturday before the start, deadline 3 days: a day off by Tuesday. */
static void
test_rule_compensation_history (void)
{
  g_autoptr(EscProject) project = base_project (7, "working_days");

  add_employee (project, "E1", EXTRA ("weekly_hours", "49", "max_consecutive_days", "30",
                                      "holiday_compensation_deadline", "3"));
  esc_test_add_row (project, ESC_TABLE_HOLIDAY, "date", "2026-12-05", "national", "yes", NULL);
  esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1",
                    "date", "2026-12-05", "hours", "07:00", NULL);
  check_rule_case (project, -6);
}

/* Shifts A and B without clock times; A may not be followed by B. Wishes: A on day 0,
 * B on day 1; only one can be met. */
static void
test_rule_sequence (void)
{
  g_autoptr(EscProject) project = esc_test_project_new (MONDAY, 2);

  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "A", "hours", "8", NULL);
  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "B", "hours", "8", NULL);
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "P1", "mon", "A, B", "tue", "A, B", NULL);
  esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", "mon",
                    "shift", "A", "quantity", "0", NULL);
  esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", "tue",
                    "shift", "A", "quantity", "0", NULL);
  esc_test_add_row (project, ESC_TABLE_FORBIDDEN_SEQUENCE, "first", "A", "next", "B", NULL);
  add_employee (project, "E1", NULL);
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "E1", "kind", "shift_on",
                    "date", "2026-12-07", "shift", "A", NULL);
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "E1", "kind", "shift_on",
                    "date", "2026-12-08", "shift", "B", NULL);
  esc_project_set_parameter (project, "objective_function", "preferences");
  check_rule_case (project, -1);
}

/* Late 14:00-22:00 then Morning 06:00-14:00 rests 8 h < 11 h. */
static void
test_rule_min_rest (void)
{
  g_autoptr(EscProject) project = esc_test_project_new (MONDAY, 3);

  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "M", "start", "06:00", "end", "14:00", NULL);
  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "L", "start", "14:00", "end", "22:00", NULL);
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "P1", "mon", "M, L", "tue", "M, L",
                    "wed", "M, L", NULL);
  for (int d = 0; d < 3; d++)
    esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1",
                      "day", weekday_codes[d], "start", "06:00", "end", "22:00",
                      "quantity", "0", NULL);
  add_employee (project, "E1", NULL);
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "E1", "kind", "shift_on",
                    "date", "2026-12-07", "shift", "L", NULL);
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "E1", "kind", "shift_on",
                    "date", "2026-12-08", "shift", "M", NULL);
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "E1", "kind", "shift_on",
                    "date", "2026-12-09", "shift", "M", NULL);
  esc_project_set_parameter (project, "objective_function", "preferences");
  /* L, then M is not allowed: either L on Monday and M on Wednesday (day off or L on
   * Tuesday), or M on Tuesday and Wednesday: 2 of 3. */
  check_rule_case (project, -2);
}

/* Minimum hours: min_hours minimises, 21 h asked: 3 days. */
static void
test_rule_min_hours (void)
{
  g_autoptr(EscProject) project = base_project (7, "min_hours");

  add_employee (project, "E1", EXTRA ("min_hours", "21"));
  check_rule_case (project, 3 * 420);
}

static void
test_rule_max_hours (void)
{
  g_autoptr(EscProject) project = base_project (7, "working_hours");

  add_employee (project, "E1", EXTRA ("weekly_hours", "49", "max_consecutive_days", "7",
                                      "max_hours", "14"));
  check_rule_case (project, -2 * 420);
}

/* At most 2 rest days in 7: 5 days worked even though min_hours would work none. */
static void
test_rule_max_rest_days (void)
{
  g_autoptr(EscProject) project = base_project (7, "min_hours");

  add_employee (project, "E1", EXTRA ("max_rest_days", "2"));
  check_rule_case (project, 5 * 420);
}

/* Wishes alternate work and rest (W.W.W.W would meet all 7); runs of work need 3 days. */
static void
test_rule_min_consecutive_days (void)
{
  g_autoptr(EscProject) project = base_project (7, "preferences");

  add_employee (project, "E1", EXTRA ("weekly_hours", "49", "max_consecutive_days", "7",
                                      "min_consecutive_days", "3"));
  for (int d = 0; d < 7; d++)
    {
      g_autofree char *date = g_strdup_printf ("2026-12-%02d", 7 + d);

      esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "E1",
                        "kind", d % 2 == 0 ? "prefer" : "day_off", "date", date,
                        "shift", d % 2 == 0 ? "M" : NULL, NULL);
    }
  /* A run of work ending before Sunday has 3 days at least, and one starting on Monday
   * too (history 0): WWW...W meets days 0, 2, 3, 5 and 6; nothing meets 6. */
  check_rule_case (project, -5);
}

/* Wishes alternate rest and work; runs of days off need 2 days (history: worked the day
 * before, so an off run from day 0 counts too). */
static void
test_rule_min_consecutive_off (void)
{
  g_autoptr(EscProject) project = base_project (7, "preferences");

  add_employee (project, "E1", EXTRA ("weekly_hours", "49", "max_consecutive_days", "7",
                                      "min_consecutive_days_off", "2"));
  esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1",
                    "date", "2026-12-06", "hours", "07:00", NULL);
  for (int d = 0; d < 7; d++)
    {
      g_autofree char *date = g_strdup_printf ("2026-12-%02d", 7 + d);

      esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "E1",
                        "kind", d % 2 == 0 ? "day_off" : "prefer", "date", date,
                        "shift", d % 2 == 0 ? NULL : "M", NULL);
    }
  /* .W.W.W. would meet all 7; a run of days off ending before Sunday needs 2 days, the
   * one from Monday too (Sunday before was worked): ...W... meets days 0, 2, 3, 4, 6. */
  check_rule_case (project, -5);
}

/* Two weekends, at most one worked: 12 of 14 days. */
static void
test_rule_max_weekends (void)
{
  g_autoptr(EscProject) project = base_project (14, "working_days");

  add_employee (project, "E1", EXTRA ("weekly_hours", "49", "max_consecutive_days", "30",
                                      "max_weekends", "1"));
  check_rule_case (project, -12);
}

/* M is preferred every day, but at most 2 M shifts. */
static void
test_rule_shift_count (void)
{
  g_autoptr(EscProject) project = base_project (7, "preferences");

  add_employee (project, "E1", EXTRA ("weekly_hours", "49", "max_consecutive_days", "7",
                                      "max_shifts", "M:2"));
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "E1", "kind", "prefer",
                    "shift", "M", NULL);
  check_rule_case (project, -2);
}

/* Patterns P2 (Mon-Wed) and P3 (Thu-Sun), one per week: 4 days a week at most. */
static void
test_rule_one_pattern_per_week (void)
{
  g_autoptr(EscProject) project = base_project (14, "working_days");

  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "P2", "mon", "M", "tue", "M", "wed", "M",
                    NULL);
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "P3", "thu", "M", "fri", "M", "sat", "M",
                    "sun", "M", NULL);
  add_employee (project, "E1", EXTRA ("weekly_hours", "49", "max_consecutive_days", "30",
                                      "patterns", "P2, P3"));
  check_rule_case (project, -8);
}

/* Leave and bans are facts: the options are gone, the checker verifies. */
static void
test_rule_leave_and_bans (void)
{
  g_autoptr(EscProject) project = base_project (7, "working_days");

  add_employee (project, "E1", EXTRA ("weekly_hours", "49", "max_consecutive_days", "7",
                                      "leave", "08/12/2026 - 09/12/2026"));
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "E1", "kind", "ban",
                    "date", "2026-12-11", "shift", "M", NULL);
  check_rule_case (project, -4);
}

/* The hierarchy */

/* Three employees, Morning 08:00-16:00 and Late 14:00-22:00; demand M 2 and L 1 a day. */
static EscProject *
small_group_project (const char *objectives,
                     int         n_days)
{
  EscProject *project = esc_test_project_new (MONDAY, n_days);

  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "M", "start", "08:00", "end", "16:00", NULL);
  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "L", "start", "14:00", "end", "22:00", NULL);
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "P1", "mon", "M, L", "tue", "M, L",
                    "wed", "M, L", "thu", "M, L", "fri", "M, L", "sat", "M, L", "sun", "M, L",
                    NULL);
  for (guint i = 0; i < G_N_ELEMENTS (weekday_codes); i++)
    {
      esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1",
                        "day", weekday_codes[i], "start", "08:00", "end", "14:00",
                        "quantity", "2", NULL);
      esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1",
                        "day", weekday_codes[i], "start", "16:00", "end", "22:00",
                        "quantity", "1", "under_weight", "2", NULL);
    }
  add_employee (project, "E1", EXTRA ("max_hours", "14"));
  add_employee (project, "E2", EXTRA ("preferred_rest", "tue"));
  add_employee (project, "E3", EXTRA ("max_consecutive_days", "2"));
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "E2", "kind", "prefer",
                    "shift", "L", "weight", "2", NULL);
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "E3", "kind", "day_off",
                    "date", "2026-12-08", "weight", "3", NULL);
  esc_project_set_parameter (project, "objective_function", objectives);
  return project;
}

/* min_hours after demand_fulfillment would like nobody to work: the first level's value
 * stays the one it has alone. */
static void
test_hierarchy_keeps_first_level (void)
{
  g_autoptr(EscProject) alone = small_group_project ("demand_fulfillment", 4);
  g_autoptr(EscProject) both = small_group_project ("demand_fulfillment, min_hours, preferences", 4);
  g_autoptr(EscProblem) problem_alone = esc_test_compile (alone);
  g_autoptr(EscProblem) problem_both = esc_test_compile (both);
  g_autoptr(EscSchedule) first = solve (problem_alone);
  g_autoptr(EscSchedule) schedule = solve (problem_both);

  g_assert_cmpint (first->status, ==, ESC_SCHEDULE_OPTIMAL);
  g_assert_cmpint (schedule->status, ==, ESC_SCHEDULE_OPTIMAL);
  assert_close (phase_value (schedule, 0), phase_value (first, 0));
  assert_matches_oracle (problem_both, schedule);
}

/* A weighted level and the default hierarchy against the oracle. */
static void
test_hierarchy_weighted (void)
{
  g_autoptr(EscProject) weighted = small_group_project (
    "demand_fulfillment*100+over_coverage+preferences, working_days", 3);
  g_autoptr(EscProject) defaults = small_group_project (NULL, 3);
  g_autoptr(EscProblem) problem = esc_test_compile (weighted);
  g_autoptr(EscProblem) problem_defaults = esc_test_compile (defaults);
  g_autoptr(EscSchedule) schedule = solve (problem);
  g_autoptr(EscSchedule) schedule_defaults = solve (problem_defaults);

  assert_matches_oracle (problem, schedule);
  g_assert_cmpuint (problem_defaults->levels->len, ==, 7);
  assert_matches_oracle (problem_defaults, schedule_defaults);
}

/* Random tiny instances (every objective, every optional rule) against the oracle. */
static EscProject *
random_project (GRand *rand)
{
  static const char * const objective_names[] = {
    "demand_fulfillment", "holiday_compensation", "priority_working_days", "working_days",
    "preferable_rests", "workforce_balance", "working_hours", "min_hours", "preferences",
    "over_coverage",
  };
  static const char * const shift_rows[][3] = {
    { "M", "06:00", "14:00" }, { "D", "09:00", "15:00" }, { "L", "14:00", "22:00" },
    { "N", "22:00", "06:00" },
  };
  int n_days = g_rand_int_range (rand, 3, 6);
  int n_employees = g_rand_int_range (rand, 2, 4);
  int n_shifts = g_rand_int_range (rand, 2, 4);
  EscProject *project = esc_test_project_new (MONDAY, n_days);
  g_autoptr(GString) objectives = g_string_new (NULL);
  g_autoptr(GString) pattern_day = g_string_new (NULL);
  g_autofree int *order = g_new (int, G_N_ELEMENTS (objective_names));
  int first_shift = g_rand_int_range (rand, 0, 4 - n_shifts + 1);

  for (int s = first_shift; s < first_shift + n_shifts; s++)
    {
      esc_test_add_row (project, ESC_TABLE_SHIFT, "id", shift_rows[s][0],
                        "start", shift_rows[s][1], "end", shift_rows[s][2], NULL);
      g_string_append_printf (pattern_day, "%s%s", s > first_shift ? ", " : "", shift_rows[s][0]);
    }
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "P1", "mon", pattern_day->str,
                    "tue", pattern_day->str, "wed", pattern_day->str, "thu", pattern_day->str,
                    "fri", pattern_day->str, "sat", pattern_day->str, "sun", pattern_day->str,
                    NULL);
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "P2", "mon", shift_rows[first_shift][0],
                    "wed", shift_rows[first_shift][0], "fri", shift_rows[first_shift][0],
                    "sun", shift_rows[first_shift][0], NULL);

  for (int d = 0; d < n_days; d++)
    {
      g_autofree char *date = g_strdup_printf ("2026-12-%02d", 7 + d);
      g_autofree char *quantity = g_strdup_printf ("%d", g_rand_int_range (rand, 0, 3));
      g_autofree char *under = g_strdup_printf ("%d", g_rand_int_range (rand, 1, 4));
      g_autofree char *over = g_strdup_printf ("%d", g_rand_int_range (rand, 0, 2));

      if (g_rand_int_range (rand, 0, 5) == 0)
        continue;  /* no demand: no work that day */
      esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", date,
                        "start", g_rand_boolean (rand) ? "08:00" : "10:00",
                        "end", g_rand_boolean (rand) ? "14:00" : "20:00",
                        "quantity", quantity, "under_weight", under, "over_weight", over, NULL);
    }
  if (g_rand_boolean (rand))
    esc_test_add_row (project, ESC_TABLE_HOLIDAY, "date", "2026-12-08", "national", "yes", NULL);
  if (g_rand_boolean (rand))
    esc_test_add_row (project, ESC_TABLE_FORBIDDEN_SEQUENCE, "first", shift_rows[first_shift][0],
                      "next", shift_rows[first_shift + 1][0], NULL);

  for (int e = 0; e < n_employees; e++)
    {
      g_autofree char *id = g_strdup_printf ("E%d", e + 1);
      g_autofree char *weekly = g_strdup_printf ("%d", g_rand_int_range (rand, 12, 40));
      int max_consecutive = g_rand_int_range (rand, 2, 5);
      g_autofree char *consecutive = g_strdup_printf ("%d", max_consecutive);
      GPtrArray *extra = g_ptr_array_new_with_free_func (NULL);
      g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);

#define OPT(key, value) G_STMT_START { \
    char *v_ = (value); g_ptr_array_add (owned, v_); \
    g_ptr_array_add (extra, (gpointer) key); g_ptr_array_add (extra, v_); } G_STMT_END

      OPT ("weekly_hours", g_strdup (weekly));
      OPT ("max_consecutive_days", g_strdup (consecutive));
      if (g_rand_int_range (rand, 0, 3) == 0)
        OPT ("patterns", g_strdup ("P1, P2"));
      if (g_rand_boolean (rand))
        OPT ("holiday_compensation_deadline", g_strdup_printf ("%d", g_rand_int_range (rand, 1, 4)));
      if (g_rand_int_range (rand, 0, 3) == 0)
        OPT ("preferred_rest", g_strdup (weekday_codes[g_rand_int_range (rand, 0, 7)]));
      if (g_rand_int_range (rand, 0, 4) == 0)
        OPT ("min_hours", g_strdup_printf ("%d", g_rand_int_range (rand, 4, 12)));
      if (g_rand_int_range (rand, 0, 4) == 0)
        OPT ("max_hours", g_strdup_printf ("%d", g_rand_int_range (rand, 12, 24)));
      if (g_rand_int_range (rand, 0, 4) == 0)
        OPT ("max_rest_days", g_strdup_printf ("%d", g_rand_int_range (rand, 1, 4)));
      if (g_rand_int_range (rand, 0, 4) == 0)
        OPT ("min_consecutive_days", g_strdup_printf ("%d", g_rand_int_range (rand, 2, max_consecutive + 1)));
      if (g_rand_int_range (rand, 0, 4) == 0)
        OPT ("min_consecutive_days_off", g_strdup_printf ("%d", g_rand_int_range (rand, 2, 3)));
      if (g_rand_int_range (rand, 0, 4) == 0)
        OPT ("max_weekends", g_strdup ("0"));
      if (g_rand_int_range (rand, 0, 4) == 0)
        OPT ("max_shifts", g_strdup_printf ("%s:%d", shift_rows[first_shift][0],
                                            g_rand_int_range (rand, 0, 3)));
      if (g_rand_int_range (rand, 0, 4) == 0)
        OPT ("max_consecutive_sundays", g_strdup ("0"));
#undef OPT
      g_ptr_array_add (extra, NULL);
      add_employee (project, id, (const char *const *) extra->pdata);
      g_ptr_array_unref (extra);

      if (g_rand_boolean (rand))
        {
          g_autofree char *date = g_strdup_printf ("2026-12-%02d", 7 + g_rand_int_range (rand, 0, n_days));
          static const char * const kinds[] = { "prefer", "day_off", "shift_on", "shift_off" };
          int kind = g_rand_int_range (rand, 0, 4);

          esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", id,
                            "kind", kinds[kind],
                            "date", kind != 0 || g_rand_boolean (rand) ? date : NULL,
                            "shift", kind != 1 || g_rand_boolean (rand)
                                     ? shift_rows[first_shift + g_rand_int_range (rand, 0, 2)][0]
                                     : NULL,
                            "weight", g_rand_boolean (rand) ? "2.5" : "1", NULL);
        }
      if (g_rand_int_range (rand, 0, 3) == 0)
        esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", id,
                          "date", "2026-12-06", "hours", "08:00", NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (objective_names); i++)
    order[i] = (int) i;
  for (guint i = G_N_ELEMENTS (objective_names) - 1; i > 0; i--)
    {
      int j = g_rand_int_range (rand, 0, (int) i + 1), t = order[i];

      order[i] = order[j];
      order[j] = t;
    }
  for (int i = 0; i < 4; i++)
    g_string_append_printf (objectives, "%s%s", i > 0 ? (i == 2 ? "+" : ", ") : "",
                            objective_names[order[i]]);
  esc_project_set_parameter (project, "objective_function", objectives->str);
  esc_project_set_parameter (project, "granularity", g_rand_boolean (rand) ? "1" : "60");
  return project;
}

static void
test_random_against_oracle (void)
{
  const char *env = g_getenv ("ESC_TEST_RANDOM_CASES");
  guint n_cases = env != NULL ? (guint) atoi (env) : g_test_slow () ? 150 : 40;
  guint n_compared = 0, n_infeasible = 0;

  for (guint seed = 1; seed <= n_cases; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(EscProject) project = random_project (rand);
      g_autoptr(EscProblem) problem = esc_test_compile (project);
      g_autoptr(EscSchedule) schedule = solve (problem);
      EscTestEnumeration oracle;

      g_test_message ("seed %u: %s", seed,
                      esc_project_get_parameter (project, "objective_function"));
      if (!esc_test_enumerate (problem, FALSE, 5000000, &oracle))
        {
          esc_test_enumeration_clear (&oracle);
          continue;
        }
      n_compared++;
      if (!oracle.feasible)
        {
          g_assert_cmpint (schedule->status, ==, ESC_SCHEDULE_INFEASIBLE);
          g_assert_cmpuint (schedule->reasons->len, >, 0);
          for (guint i = 0; i < schedule->reasons->len; i++)
            g_test_message ("  %s", (char *) g_ptr_array_index (schedule->reasons, i));
          n_infeasible++;
        }
      else
        {
          if (schedule->status != ESC_SCHEDULE_OPTIMAL)
            g_error ("seed %u: status %s", seed, esc_schedule_status_to_string (schedule->status));
          for (guint k = 0; k < oracle.n_levels; k++)
            if (fabs (phase_value (schedule, k) - oracle.best[k]) > TOLERANCE * MAX (1.0, fabs (oracle.best[k])))
              g_error ("seed %u, level %u (%s): solver %.9g, oracle %.9g", seed, k,
                       ((EscObjectiveLevel *) g_ptr_array_index (problem->levels, k))->text,
                       phase_value (schedule, k), oracle.best[k]);
        }
      esc_test_enumeration_clear (&oracle);
    }
  g_test_message ("%u of %u cases compared with the oracle, %u infeasible", n_compared, n_cases,
                  n_infeasible);
  g_assert_cmpuint (n_compared, >=, n_cases / 2);
}

/* The reference roster (scheduling.md section 6) */

#define ROSTER_EMPLOYEES 28

/* Per day: Early, Late and Night need 10 people together every day (70 long shifts in
 * the week), Short between 5 and 7. */
static const int roster_early[7] = { 4, 4, 5, 3, 4, 4, 4 };
static const int roster_late[7] = { 3, 3, 2, 4, 3, 3, 3 };
static const int roster_night[7] = { 3, 3, 3, 3, 3, 3, 3 };
static const int roster_short[7] = { 6, 5, 6, 7, 6, 6, 6 };

/* 28 people, 7 days from Monday 2024-01-01; shifts without clock times (roster data):
 * Early, Late and Night of 8 h, Short of 6 h; each person rests at most one day and works
 * at least 40 h; Night may not be followed by Early; coverage per (day, shift). */
static EscProject *
roster_project (const char *objectives)
{
  EscProject *project = esc_test_project_new ("2024-01-01", 7);
  static const char * const shifts[] = { "Early", "Late", "Night", "Short" };
  const int *required[] = { roster_early, roster_late, roster_night, roster_short };

  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "Early", "hours", "8", NULL);
  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "Late", "hours", "8", NULL);
  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "Night", "hours", "8", NULL);
  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "Short", "hours", "6", NULL);
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "P1",
                    "mon", "Early, Late, Night, Short", "tue", "Early, Late, Night, Short",
                    "wed", "Early, Late, Night, Short", "thu", "Early, Late, Night, Short",
                    "fri", "Early, Late, Night, Short", "sat", "Early, Late, Night, Short",
                    "sun", "Early, Late, Night, Short", NULL);
  esc_test_add_row (project, ESC_TABLE_FORBIDDEN_SEQUENCE, "first", "Night", "next", "Early",
                    NULL);
  for (int d = 0; d < 7; d++)
    for (guint s = 0; s < G_N_ELEMENTS (shifts); s++)
      {
        g_autofree char *date = g_strdup_printf ("2024-01-%02d", 1 + d);
        g_autofree char *quantity = g_strdup_printf ("%d", required[s][d]);

        esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", date,
                          "shift", shifts[s], "quantity", quantity, NULL);
      }
  for (int e = 0; e < ROSTER_EMPLOYEES; e++)
    {
      g_autofree char *id = g_strdup_printf ("r%02d", e);

      add_employee (project, id, EXTRA ("weekly_hours", "56", "min_hours", "40",
                                        "max_rest_days", "1"));
    }
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "r03", "kind", "prefer",
                    "shift", "Late", NULL);
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "r07", "kind", "prefer",
                    "shift", "Short", NULL);
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "r00", "kind", "ban",
                    "date", "2024-01-03", "shift", "Night", NULL);
  esc_project_set_parameter (project, "objective_function", objectives);
  esc_project_set_parameter (project, "max_solution_time", "60");
  return project;
}

/* Coverage first, then the fewest hours, then the preferences.
 *
 * Reasoning: everyone works at least 6 days (one rest at most) and 2400 minutes. With a
 * long (480) and b short (360) shifts, a + b >= 6, the cost 480 a + 360 b is at least
 * 480 a + 360 (6 - a) = 2160 + 120 a when a >= 2, and at least 2400 anyway: so each
 * person costs >= 2400 + 120 * max (0, a - 2). Coverage asks for L = 70 long shifts in the
 * week, so sum max (0, a - 2) >= L - 2 * 28 = 14, and the total is >= 28 * 2400 + 120 * 14.
 * It is reached: 14 people on 3 long + 3 short, 14 on 2 long + 4 short, all 6 days.
 *
 * Preferences, with that total fixed: every person then has a >= 2 and costs exactly
 * 2400 + 120 (a - 2) with 6 days (anything else costs more), so r03 may take Late on all
 * 6 days (its 4 extra long shifts are among the 14) and r07 at most 4 Shorts: 6 + 4. */
static void
test_reference_roster (void)
{
  g_autoptr(EscProject) project = roster_project ("demand_fulfillment, min_hours, preferences");
  g_autoptr(EscProblem) problem = esc_test_compile (project);
  g_autoptr(EscSchedule) schedule = NULL;
  int long_required = 0;
  double expected_minutes;
  gint64 t0 = g_get_monotonic_time ();

  for (int d = 0; d < 7; d++)
    long_required += roster_early[d] + roster_late[d] + roster_night[d];
  expected_minutes = ROSTER_EMPLOYEES * 2400.0 + 120.0 * MAX (0, long_required - 2 * ROSTER_EMPLOYEES);
  g_assert_cmpfloat (expected_minutes, ==, 68880.0);

  schedule = solve (problem);
  g_test_message ("reference roster solved in %.3f s",
                  (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (schedule->status, ==, ESC_SCHEDULE_OPTIMAL);
  assert_close (phase_value (schedule, 0), 0.0);
  assert_close (phase_value (schedule, 1), expected_minutes);
  assert_close (phase_value (schedule, 2), -(6.0 + 4.0));
  for (guint k = 0; k < 3; k++)
    g_assert_true (((EscPhaseStats *) g_ptr_array_index (schedule->phases, k))->proven_optimal);
}

/* Without coverage in the objectives every person works exactly 2 long and 4 short
 * shifts (the only way to 2400 minutes in 6 days); then r03 has 2 Lates at most and r07
 * 4 Shorts. */
static void
test_reference_roster_min_hours (void)
{
  g_autoptr(EscProject) project = roster_project ("min_hours, preferences");
  g_autoptr(EscProblem) problem = esc_test_compile (project);
  g_autoptr(EscSchedule) schedule = solve (problem);

  g_assert_cmpint (schedule->status, ==, ESC_SCHEDULE_OPTIMAL);
  assert_close (phase_value (schedule, 0), ROSTER_EMPLOYEES * 2400.0);
  assert_close (phase_value (schedule, 1), -(2.0 + 4.0));
}

/* Infeasibility explained */

/* E004 is on leave Monday and Tuesday and needs 40 h from the 5 days left (8 h each), so
 * works Christmas (Friday), whose compensation must come by Sunday: impossible. */
static void
test_infeasible_compensation (void)
{
  g_autoptr(EscProject) project = esc_test_project_new ("2026-12-21", 7);
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(EscSchedule) schedule = NULL;
  gboolean named = FALSE;

  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "D", "start", "08:00", "end", "17:00", NULL);
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "P1", "mon", "D", "tue", "D", "wed", "D",
                    "thu", "D", "fri", "D", "sat", "D", "sun", "D", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (weekday_codes); i++)
    esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1",
                      "day", weekday_codes[i], "start", "08:00", "end", "17:00",
                      "quantity", "1", NULL);
  esc_test_add_row (project, ESC_TABLE_HOLIDAY, "date", "2026-12-25", "national", "yes", NULL);
  add_employee (project, "E001", NULL);
  add_employee (project, "E004", EXTRA ("min_hours", "40", "holiday_compensation_deadline", "2",
                                        "leave", "21/12/2026 - 22/12/2026"));
  problem = esc_test_compile (project);
  schedule = solve (problem);

  g_assert_cmpint (schedule->status, ==, ESC_SCHEDULE_INFEASIBLE);
  g_assert_cmpuint (schedule->reasons->len, >, 0);
  for (guint i = 0; i < schedule->reasons->len; i++)
    {
      const char *reason = g_ptr_array_index (schedule->reasons, i);

      g_test_message ("reason: %s", reason);
      if (g_str_has_prefix (reason, "E004:") && strstr (reason, "2026-12-25") != NULL &&
          strstr (reason, "2026-12-27") != NULL && strstr (reason, "at least 40 hours") != NULL)
        named = TRUE;
      g_assert_null (strstr (reason, "E001"));
    }
  g_assert_true (named);
  /* The other employee still gets a legal schedule. */
  {
    g_autoptr(GPtrArray) violations = esc_checker_check_employee (schedule, 0);

    g_assert_cmpuint (violations->len, ==, 0);
  }
}

/* E005 needs 50 h but only 5 days of 7 h are possible (leave), whatever else. */
static void
test_infeasible_min_hours (void)
{
  g_autoptr(EscProject) project = base_project (7, "working_days");
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(EscSchedule) schedule = NULL;
  const char *reason;

  add_employee (project, "E005", EXTRA ("weekly_hours", "60", "max_consecutive_days", "7",
                                        "min_hours", "50", "leave", "07/12/2026 - 08/12/2026"));
  problem = esc_test_compile (project);
  schedule = solve (problem);

  g_assert_cmpint (schedule->status, ==, ESC_SCHEDULE_INFEASIBLE);
  g_assert_cmpuint (schedule->reasons->len, ==, 1);
  reason = g_ptr_array_index (schedule->reasons, 0);
  g_test_message ("reason: %s", reason);
  g_assert_true (g_str_has_prefix (reason, "E005:"));
  g_assert_nonnull (strstr (reason, "at least 50 hours"));
  g_assert_nonnull (strstr (reason, "at most 35 hours"));
}

/* E006 must rest at most 1 day of 7 but may work at most 3 days in a row. */
static void
test_infeasible_rest_days (void)
{
  g_autoptr(EscProject) project = base_project (7, "working_days");
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(EscSchedule) schedule = NULL;
  const char *reason;

  add_employee (project, "E006", EXTRA ("weekly_hours", "60", "max_consecutive_days", "2",
                                        "max_rest_days", "1"));
  problem = esc_test_compile (project);
  schedule = solve (problem);

  g_assert_cmpint (schedule->status, ==, ESC_SCHEDULE_INFEASIBLE);
  g_assert_cmpuint (schedule->reasons->len, >=, 1);
  reason = g_ptr_array_index (schedule->reasons, 0);
  g_test_message ("reason: %s", reason);
  g_assert_true (g_str_has_prefix (reason, "E006:"));
  g_assert_nonnull (strstr (reason, "days off"));
  g_assert_nonnull (strstr (reason, "at most 2 days in a row"));
}

/* Threads, MPS, cancel, async */

/* Two stores, each an independent group: one thread or two, the same values. */
static void
test_groups_in_threads (void)
{
  g_autoptr(EscProject) project = small_group_project ("demand_fulfillment, preferences, working_days", 5);
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(EscSchedule) one = NULL;
  g_autoptr(EscSchedule) two = NULL;

  esc_test_add_row (project, ESC_TABLE_STORE, "id", "S2", "location", "L1", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (weekday_codes); i++)
    esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S2", "role", "R1",
                      "day", weekday_codes[i], "start", "08:00", "end", "22:00",
                      "quantity", "1", NULL);
  for (int e = 0; e < 4; e++)
    {
      g_autofree char *id = g_strdup_printf ("F%d", e);

      add_employee (project, id, EXTRA ("store", "S2", "max_consecutive_days", "3"));
    }
  problem = esc_test_compile (project);
  g_assert_cmpuint (problem->groups->len, ==, 2);

  one = solve_full (problem, 1, NULL);
  two = solve_full (problem, 2, NULL);
  g_assert_cmpint (one->status, ==, ESC_SCHEDULE_OPTIMAL);
  g_assert_cmpint (two->status, ==, ESC_SCHEDULE_OPTIMAL);
  for (guint k = 0; k < problem->levels->len; k++)
    assert_close (phase_value (one, k), phase_value (two, k));
}

static void
test_write_mps (void)
{
  g_autoptr(EscProject) project = small_group_project ("demand_fulfillment, min_hours", 3);
  g_autoptr(EscProblem) problem = esc_test_compile (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("escala-mps-XXXXXX", &error);
  g_autoptr(EscSchedule) schedule = NULL;

  g_assert_no_error (error);
  schedule = solve_full (problem, 1, dir);
  for (int k = 1; k <= 2; k++)
    {
      g_autofree char *name = g_strdup_printf ("S1-R1-phase%d.mps", k);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_assert_nonnull (strstr (text, "ROWS"));
      g_assert_nonnull (strstr (text, "MARKER"));
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A store of 90 people over 28 days with 5 shifts and demand windows every day: far too
 * big to finish in a second. */
static EscProblem *
big_problem (void)
{
  g_autoptr(EscProject) project = esc_test_project_new (MONDAY, 28);
  static const char * const shifts[][3] = {
    { "M", "06:00", "14:00" }, { "D", "09:00", "17:00" }, { "L", "14:00", "22:00" },
    { "N", "22:00", "06:00" }, { "H", "10:00", "16:00" },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint s = 0; s < G_N_ELEMENTS (shifts); s++)
    esc_test_add_row (project, ESC_TABLE_SHIFT, "id", shifts[s][0], "start", shifts[s][1],
                      "end", shifts[s][2], NULL);
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "P1", "mon", "M, D, L, N, H",
                    "tue", "M, D, L, N, H", "wed", "M, D, L, N, H", "thu", "M, D, L, N, H",
                    "fri", "M, D, L, N, H", "sat", "M, D, L, N, H", "sun", "M, D, L, N, H",
                    NULL);
  for (int d = 0; d < 28; d++)
    {
      static const char * const windows[][2] = {
        { "06:00", "10:00" }, { "10:00", "14:00" }, { "14:00", "18:00" }, { "18:00", "22:00" },
        { "22:00", "24:00" },
      };
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", d < 25 ? 2026 : 2027,
                                               d < 25 ? 12 : 1, d < 25 ? 7 + d : d - 24);

      for (guint w = 0; w < G_N_ELEMENTS (windows); w++)
        {
          g_autofree char *quantity = g_strdup_printf ("%d", g_rand_int_range (rand, 8, 20));

          esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", date,
                            "start", windows[w][0], "end", windows[w][1],
                            "quantity", quantity, NULL);
        }
    }
  for (int e = 0; e < 90; e++)
    {
      g_autofree char *id = g_strdup_printf ("B%03d", e);

      add_employee (project, id, EXTRA ("preferred_rest", weekday_codes[e % 7]));
    }
  esc_project_set_parameter (project, "max_solution_time", "120");
  return esc_test_compile (project);
}

typedef struct
{
  EscProblem *problem;
  GCancellable *cancellable;
  EscSchedule *schedule;
  gint64 returned;
} CancelData;

static gpointer
solve_thread (gpointer user_data)
{
  CancelData *data = user_data;
  g_autoptr(GError) error = NULL;

  data->schedule = esc_solver_solve (data->problem, NULL, NULL, NULL, data->cancellable, &error);
  g_assert_no_error (error);
  data->returned = g_get_monotonic_time ();
  return NULL;
}

/* Cancel from another thread after @seconds: the solve returns within 0.2 s with the
 * best legal schedule so far, marked cancelled. */
static void
cancel_after (double seconds)
{
  CancelData data = { 0 };
  GThread *thread;
  gint64 cancelled;
  double latency;

  data.problem = big_problem ();
  data.cancellable = g_cancellable_new ();
  thread = g_thread_new ("solve", solve_thread, &data);
  g_usleep ((gulong) (seconds * G_USEC_PER_SEC));
  cancelled = g_get_monotonic_time ();
  g_cancellable_cancel (data.cancellable);
  g_thread_join (thread);

  latency = (data.returned - cancelled) / (double) G_USEC_PER_SEC;
  g_test_message ("cancelled after %.1f s, returned %.3f s later", seconds, latency);
  g_assert_cmpfloat (latency, <, 0.2);
  g_assert_nonnull (data.schedule);
  g_assert_cmpint (data.schedule->status, ==, ESC_SCHEDULE_CANCELLED);
  esc_test_assert_legal (data.schedule);

  esc_schedule_unref (data.schedule);
  g_object_unref (data.cancellable);
  esc_problem_unref (data.problem);
}

/* During the greedy start. */
static void
test_cancel_early (void)
{
  cancel_after (0.3);
}

/* During the LP relaxation of a later level (seen through GLPK's terminal hook). */
static void
test_cancel_in_lp (void)
{
  cancel_after (2.0);
}

/* The time limit bounds the whole run (with a little grace to collect the groups'
 * schedules): a legal schedule, not proven. */
static void
test_time_limit (void)
{
  g_autoptr(EscProblem) problem = big_problem ();
  EscSolverOptions options = { 0 };
  g_autoptr(EscSchedule) schedule = NULL;
  gint64 t0 = g_get_monotonic_time ();
  double elapsed;

  options.time_limit = 2.0;
  schedule = esc_solver_solve (problem, &options, NULL, NULL, NULL, NULL);
  elapsed = (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
  g_test_message ("time limit 2 s: returned after %.3f s", elapsed);
  g_assert_cmpfloat (elapsed, <, 2.3);
  g_assert_cmpint (schedule->status, ==, ESC_SCHEDULE_FEASIBLE);
  g_assert_cmpuint (schedule->phases->len, ==, problem->levels->len);
  esc_test_assert_legal (schedule);
}

typedef struct
{
  gint inside;
  gboolean overlapped;
  guint n_calls;
  double last_elapsed;
  gboolean elapsed_backwards;
  guint max_groups_done;
} SyncProgress;

static void
sync_progress_cb (const EscSolverProgress *progress,
                  gpointer                 user_data)
{
  SyncProgress *data = user_data;

  if (!g_atomic_int_compare_and_exchange (&data->inside, 0, 1))
    data->overlapped = TRUE;
  g_assert_cmpuint (progress->phase, <, progress->n_phases);
  g_assert_cmpuint (progress->groups_done, <=, progress->n_groups);
  if (progress->elapsed < data->last_elapsed)
    data->elapsed_backwards = TRUE;
  data->last_elapsed = progress->elapsed;
  data->max_groups_done = MAX (data->max_groups_done, progress->groups_done);
  data->n_calls++;
  g_usleep (200);  /* widen the window for an overlap */
  g_atomic_int_set (&data->inside, 0);
}

/* Progress from the worker threads of several groups is serialised. */
static void
test_sync_progress (void)
{
  g_autoptr(EscProject) project = small_group_project ("demand_fulfillment, preferences, working_days", 5);
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(EscSchedule) schedule = NULL;
  EscSolverOptions options = { 0 };
  SyncProgress data = { 0 };

  for (int s = 2; s <= 4; s++)
    {
      g_autofree char *store = g_strdup_printf ("S%d", s);

      esc_test_add_row (project, ESC_TABLE_STORE, "id", store, "location", "L1", NULL);
      for (guint i = 0; i < G_N_ELEMENTS (weekday_codes); i++)
        esc_test_add_row (project, ESC_TABLE_DEMAND, "store", store, "role", "R1",
                          "day", weekday_codes[i], "start", "08:00", "end", "22:00",
                          "quantity", "1", NULL);
      for (int e = 0; e < 3; e++)
        {
          g_autofree char *id = g_strdup_printf ("S%dE%d", s, e);

          add_employee (project, id, EXTRA ("store", store, "max_consecutive_days", "3"));
        }
    }
  problem = esc_test_compile (project);
  options.n_threads = 4;
  schedule = esc_solver_solve (problem, &options, sync_progress_cb, &data, NULL, NULL);

  g_assert_cmpint (schedule->status, ==, ESC_SCHEDULE_OPTIMAL);
  esc_test_assert_legal (schedule);
  g_assert_cmpuint (data.n_calls, >=, 1);
  g_assert_false (data.overlapped);
  g_assert_false (data.elapsed_backwards);
  g_assert_cmpuint (data.max_groups_done, ==, problem->groups->len);
}

typedef struct
{
  GMainLoop *loop;
  GThread *main_thread;
  guint n_progress;
  gboolean progress_off_main;
  gboolean destroyed;
  EscSchedule *schedule;
  guint last_phase;
} AsyncTest;

static void
async_progress_cb (const EscSolverProgress *progress,
                   gpointer                 user_data)
{
  AsyncTest *test = user_data;

  if (g_thread_self () != test->main_thread)
    test->progress_off_main = TRUE;
  g_assert_cmpuint (progress->phase, <, progress->n_phases);
  g_assert_nonnull (progress->objective);
  test->last_phase = progress->phase;
  test->n_progress++;
}

static void
async_destroy_cb (gpointer user_data)
{
  AsyncTest *test = user_data;

  test->destroyed = TRUE;
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncTest *test = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_thread_self () == test->main_thread);
  test->schedule = esc_solver_solve_finish (result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (test->loop);
}

static void
test_async (void)
{
  g_autoptr(EscProject) project = roster_project ("demand_fulfillment, min_hours, preferences");
  g_autoptr(EscProblem) problem = esc_test_compile (project);
  AsyncTest test = { 0 };

  test.loop = g_main_loop_new (NULL, FALSE);
  test.main_thread = g_thread_self ();
  esc_solver_solve_async (problem, NULL, NULL, async_progress_cb, &test, async_destroy_cb,
                          async_done_cb, &test);
  g_main_loop_run (test.loop);

  g_assert_nonnull (test.schedule);
  g_assert_cmpint (test.schedule->status, ==, ESC_SCHEDULE_OPTIMAL);
  esc_test_assert_legal (test.schedule);
  g_assert_cmpuint (test.n_progress, >=, 1);
  g_assert_false (test.progress_off_main);
  g_assert_true (test.destroyed);

  esc_schedule_unref (test.schedule);
  g_main_loop_unref (test.loop);
}

/* The model alone: a schedule's vector is feasible exactly when the checker agrees. */
static void
test_model_vector_round_trip (void)
{
  g_autoptr(EscProject) project = small_group_project ("demand_fulfillment, preferences", 4);
  g_autoptr(EscProblem) problem = esc_test_compile (project);
  g_autoptr(EscSchedule) schedule = solve (problem);
  g_autoptr(EscSchedule) copy = esc_schedule_new (problem);
  EscModelSpec spec = { 0 };
  EscModel *model = esc_model_new (problem, &spec);
  g_autofree double *x = esc_model_new_vector (model);

  g_assert_true (esc_model_vector_from_schedule (model, schedule, x));
  esc_model_vector_to_schedule (model, x, copy);
  for (guint e = 0; e < problem->employees->len; e++)
    for (int d = 0; d < problem->n_days; d++)
      g_assert_cmpint (esc_schedule_get_choice (copy, e, d), ==,
                       esc_schedule_get_choice (schedule, e, d));
  for (guint k = 0; k < problem->levels->len; k++)
    assert_close (esc_model_level_value (model, g_ptr_array_index (problem->levels, k), x),
                  esc_evaluate_level (schedule, g_ptr_array_index (problem->levels, k)));

  /* E3 may work 2 days in a row: 3 in a row is not feasible for the model. */
  esc_test_work (copy, "E3", 0, "M");
  esc_test_work (copy, "E3", 1, "M");
  esc_test_work (copy, "E3", 2, "M");
  g_assert_false (esc_model_vector_from_schedule (model, copy, x));
  {
    g_autoptr(GPtrArray) violations = esc_checker_check (copy);

    g_assert_cmpuint (violations->len, >, 0);
  }
  esc_model_free (model);
  esc_model_release_thread_glpk ();
}

void
esc_test_add_model_tests (void)
{
  g_test_add_func ("/solver/model/rule/weekly-hours", test_rule_weekly_hours);
  g_test_add_func ("/solver/model/rule/weekly-hours-history", test_rule_weekly_hours_history);
  g_test_add_func ("/solver/model/rule/consecutive-days", test_rule_consecutive_days);
  g_test_add_func ("/solver/model/rule/consecutive-days-history", test_rule_consecutive_days_history);
  g_test_add_func ("/solver/model/rule/consecutive-sundays", test_rule_consecutive_sundays);
  g_test_add_func ("/solver/model/rule/compensation", test_rule_compensation);
  g_test_add_func ("/solver/model/rule/compensation-history", test_rule_compensation_history);
  g_test_add_func ("/solver/model/rule/sequence", test_rule_sequence);
  g_test_add_func ("/solver/model/rule/min-rest", test_rule_min_rest);
  g_test_add_func ("/solver/model/rule/min-hours", test_rule_min_hours);
  g_test_add_func ("/solver/model/rule/max-hours", test_rule_max_hours);
  g_test_add_func ("/solver/model/rule/max-rest-days", test_rule_max_rest_days);
  g_test_add_func ("/solver/model/rule/min-consecutive-days", test_rule_min_consecutive_days);
  g_test_add_func ("/solver/model/rule/min-consecutive-days-off", test_rule_min_consecutive_off);
  g_test_add_func ("/solver/model/rule/max-weekends", test_rule_max_weekends);
  g_test_add_func ("/solver/model/rule/shift-count", test_rule_shift_count);
  g_test_add_func ("/solver/model/rule/one-pattern-per-week", test_rule_one_pattern_per_week);
  g_test_add_func ("/solver/model/rule/leave-and-bans", test_rule_leave_and_bans);
  g_test_add_func ("/solver/model/hierarchy/keeps-first-level", test_hierarchy_keeps_first_level);
  g_test_add_func ("/solver/model/hierarchy/weighted", test_hierarchy_weighted);
  g_test_add_func ("/solver/model/random-against-oracle", test_random_against_oracle);
  g_test_add_func ("/solver/model/reference-roster", test_reference_roster);
  g_test_add_func ("/solver/model/reference-roster-min-hours", test_reference_roster_min_hours);
  g_test_add_func ("/solver/model/infeasible/compensation", test_infeasible_compensation);
  g_test_add_func ("/solver/model/infeasible/min-hours", test_infeasible_min_hours);
  g_test_add_func ("/solver/model/infeasible/rest-days", test_infeasible_rest_days);
  g_test_add_func ("/solver/model/vector-round-trip", test_model_vector_round_trip);
  g_test_add_func ("/solver/model/groups-in-threads", test_groups_in_threads);
  g_test_add_func ("/solver/model/write-mps", test_write_mps);
  g_test_add_func ("/solver/model/cancel/early", test_cancel_early);
  g_test_add_func ("/solver/model/cancel/in-lp", test_cancel_in_lp);
  g_test_add_func ("/solver/model/async", test_async);
  g_test_add_func ("/solver/model/sync-progress", test_sync_progress);
  g_test_add_func ("/solver/model/time-limit", test_time_limit);
}
