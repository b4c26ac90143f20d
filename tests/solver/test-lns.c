/* test-lns.c: the constructive heuristic and the neighbourhood search (fix-and-optimize).
 *
 * The heuristic must give legal rows (the independent checker finds nothing) on random
 * generated stores with history and holidays, and on the classic roster (min hours and
 * max rest days: the greedy's filling step); the employees it cannot schedule are left
 * to the exact fallback. The neighbourhood search (forced on small groups through
 * EscSolverOptions.lns_min_columns) must improve a deliberately bad start, keep the
 * earlier levels' values, and stop within 0.2 s of a cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <math.h>

#include "../bench/bench-generator.h"
#include "solver/esc-heuristic.h"
#include "solver/esc-solver.h"
#include "test-solver.h"
#include "test-support.h"

static EscProblem *
generated_problem (guint       employees,
                   guint       days,
                   guint       roles,
                   guint       seed,
                   gboolean    history,
                   const char *objectives)
{
  EscBenchSpec spec = {
    .n_stores = 1, .n_roles = roles, .n_employees = employees, .n_days = days,
    .n_patterns = 6, .n_shifts = 6, .granularity = 15, .demand_ratio = 0.85,
    .seed = seed, .with_history = history, .with_wishes = TRUE, .objectives = objectives,
  };
  g_autoptr(EscProject) project = esc_bench_generate (&spec);

  return esc_test_compile (project);
}

/* Runs the heuristic on every group; every employee not listed has a legal row. Returns
 * how many were listed. */
static guint
construct_all (EscSchedule *schedule)
{
  const EscProblem *problem = schedule->problem;
  guint n_failed = 0;

  for (guint g = 0; g < problem->groups->len; g++)
    {
      g_autoptr(GArray) failed = esc_heuristic_construct (schedule, (int) g, g + 1);

      n_failed += failed->len;
      for (guint i = 0; i < failed->len; i++)
        for (int d = 0; d < problem->n_days; d++)
          g_assert_cmpint (esc_schedule_get_choice (schedule, g_array_index (failed, int, i), d),
                           ==, ESC_NONE);
    }
  for (guint e = 0; e < problem->employees->len; e++)
    {
      g_autoptr(GPtrArray) violations = esc_checker_check_employee (schedule, e);

      if (violations->len > 0)
        g_error ("heuristic: %s", ((EscViolation *) g_ptr_array_index (violations, 0))->message);
    }
  return n_failed;
}

static void
test_heuristic_generated (void)
{
  for (guint seed = 1; seed <= 12; seed++)
    {
      g_autoptr(EscProblem) problem = generated_problem (10 + 3 * seed, 14 + seed % 3 * 7,
                                                         1 + seed % 2, seed, seed % 4 != 0,
                                                         NULL);
      g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);
      gint64 t0 = g_get_monotonic_time ();
      guint failed = construct_all (schedule);
      double unmet = esc_evaluate_objective (schedule, ESC_OBJ_DEMAND_FULFILLMENT);
      g_autoptr(EscSchedule) empty = esc_schedule_new (problem);

      g_test_message ("seed %u: %u employees, %d days: %u left to the exact fallback, unmet "
                      "%g (nobody working: %g), %.1f ms", seed, problem->employees->len,
                      problem->n_days, failed, unmet,
                      esc_evaluate_objective (empty, ESC_OBJ_DEMAND_FULFILLMENT),
                      (g_get_monotonic_time () - t0) / 1000.0);
      g_assert_cmpuint (failed, ==, 0);
      g_assert_cmpfloat (unmet, <, esc_evaluate_objective (empty, ESC_OBJ_DEMAND_FULFILLMENT));
    }
}

/* min hours (40) and at most one rest day: met by the filling step or the fallback; the
 * solver's start is legal and complete either way. */
static void
test_heuristic_classic_roster (void)
{
  g_autoptr(EscProject) project = esc_bench_classic_roster (28, 3);
  g_autoptr(EscProblem) problem = esc_test_compile (project);
  g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);
  guint failed = construct_all (schedule);
  EscSolverOptions options = { 0 };
  g_autoptr(EscSchedule) solved = NULL;
  g_autoptr(GError) error = NULL;

  g_test_message ("classic roster: %u of %u employees left to the exact fallback", failed,
                  problem->employees->len);
  options.time_limit = 20;
  solved = esc_solver_solve (problem, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (solved->status, ==, ESC_SCHEDULE_OPTIMAL);
  esc_test_assert_legal (solved);
}

/* Random tiny instances of the oracle's kind are covered by the oracle tests (the solver
 * starts from the heuristic); here, many small random stores with history: legal. */
static void
test_heuristic_many_seeds (void)
{
  guint failed = 0, employees = 0;

  for (guint seed = 100; seed < 160; seed++)
    {
      g_autoptr(EscProblem) problem = generated_problem (2 + seed % 9, 3 + seed % 12,
                                                         1 + seed % 3, seed, TRUE, NULL);
      g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);

      failed += construct_all (schedule);
      employees += problem->employees->len;
    }
  g_test_message ("%u of %u employees left to the exact fallback", failed, employees);
}

static EscSchedule *
solve_with (EscProblem       *problem,
            EscSolverOptions *options)
{
  g_autoptr(GError) error = NULL;
  EscSchedule *schedule = esc_solver_solve (problem, options, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  esc_test_assert_legal (schedule);
  return schedule;
}

/* Nobody working (legal here: no history, so nothing is owed) is a bad start; the
 * neighbourhoods must cover much of the demand. */
static void
test_lns_improves_bad_start (void)
{
  g_autoptr(EscProblem) problem = generated_problem (12, 14, 1, 5, FALSE, "demand_fulfillment");
  g_autoptr(EscSchedule) empty = esc_schedule_new (problem);
  g_autoptr(GPtrArray) violations = esc_checker_check (empty);
  g_autoptr(EscSchedule) heuristic = esc_schedule_new (problem);
  g_autoptr(EscSchedule) schedule = NULL;
  EscSolverOptions options = { 0 };
  double bad, good, found;

  g_assert_cmpuint (violations->len, ==, 0);
  construct_all (heuristic);
  bad = esc_evaluate_objective (empty, ESC_OBJ_DEMAND_FULFILLMENT);
  good = esc_evaluate_objective (heuristic, ESC_OBJ_DEMAND_FULFILLMENT);
  options.start = empty;
  options.lns_min_columns = 1;
  options.time_limit = 4;
  schedule = solve_with (problem, &options);
  found = esc_evaluate_objective (schedule, ESC_OBJ_DEMAND_FULFILLMENT);
  g_test_message ("unmet: nobody working %g, heuristic %g, neighbourhoods from nobody %g",
                  bad, good, found);
  g_assert_cmpfloat (found, <, bad);
  g_assert_cmpfloat (found, <=, good);
}

/* min_hours after demand_fulfillment would drop work: the neighbourhoods of the second
 * level must keep the first level's value (never worse than the start's). */
static void
test_lns_keeps_levels (void)
{
  g_autoptr(EscProblem) problem = generated_problem (16, 14, 1, 9, TRUE,
                                                     "demand_fulfillment, min_hours");
  g_autoptr(EscSchedule) start = esc_schedule_new (problem);
  g_autoptr(EscSchedule) schedule = NULL;
  EscSolverOptions options = { 0 };
  double unmet_start, unmet, hours_start, hours;

  construct_all (start);
  unmet_start = esc_evaluate_objective (start, ESC_OBJ_DEMAND_FULFILLMENT);
  hours_start = esc_evaluate_objective (start, ESC_OBJ_MIN_HOURS);
  options.start = start;
  options.lns_min_columns = 1;
  options.time_limit = 4;
  schedule = solve_with (problem, &options);
  unmet = esc_evaluate_objective (schedule, ESC_OBJ_DEMAND_FULFILLMENT);
  hours = esc_evaluate_objective (schedule, ESC_OBJ_MIN_HOURS);
  g_test_message ("start: unmet %g, minutes %g; after: unmet %g, minutes %g", unmet_start,
                  hours_start, unmet, hours);
  g_assert_cmpfloat (unmet, <=, unmet_start + 1e-6);
  g_assert_cmpfloat (hours, >, 0);
  g_assert_cmpfloat (fabs (((EscPhaseStats *) g_ptr_array_index (schedule->phases, 0))->value - unmet),
                     <, 1e-6);
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
  EscSolverOptions options = { 0 };

  options.lns_min_columns = 1;
  options.time_limit = 30;
  data->schedule = esc_solver_solve (data->problem, &options, NULL, NULL, data->cancellable,
                                     &error);
  g_assert_no_error (error);
  data->returned = g_get_monotonic_time ();
  return NULL;
}

static void
test_lns_cancel (void)
{
  g_autoptr(EscProblem) problem = generated_problem (60, 28, 1, 11, TRUE, NULL);
  const double moments[] = { 0.05, 0.4, 1.2, 2.5, 4.0, 6.0 };

  for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
    {
      CancelData data = { 0 };
      GThread *thread;
      gint64 cancelled;
      double latency;

      data.problem = problem;
      data.cancellable = g_cancellable_new ();
      thread = g_thread_new ("solve", solve_thread, &data);
      g_usleep ((gulong) (moments[i] * G_USEC_PER_SEC));
      cancelled = g_get_monotonic_time ();
      g_cancellable_cancel (data.cancellable);
      g_thread_join (thread);
      latency = (data.returned - cancelled) / (double) G_USEC_PER_SEC;
      g_assert_nonnull (data.schedule);
      esc_test_assert_legal (data.schedule);
      if (latency < 0)
        {
          /* Every level proven before the cancel (a fast machine). */
          g_test_message ("done after %.2f s, before the cancel", data.schedule->seconds);
          g_assert_cmpint (data.schedule->status, ==, ESC_SCHEDULE_OPTIMAL);
        }
      else
        {
          g_test_message ("cancelled after %.2f s, returned %.3f s later", moments[i], latency);
          g_assert_cmpfloat (latency, <, 0.2);
          g_assert_cmpint (data.schedule->status, ==, ESC_SCHEDULE_CANCELLED);
        }
      esc_schedule_unref (data.schedule);
      g_object_unref (data.cancellable);
    }
}

void
esc_test_add_lns_tests (void)
{
  g_test_add_func ("/solver/heuristic/generated-legal", test_heuristic_generated);
  g_test_add_func ("/solver/heuristic/many-seeds-legal", test_heuristic_many_seeds);
  g_test_add_func ("/solver/heuristic/classic-roster", test_heuristic_classic_roster);
  g_test_add_func ("/solver/lns/improves-bad-start", test_lns_improves_bad_start);
  g_test_add_func ("/solver/lns/keeps-levels", test_lns_keeps_levels);
  g_test_add_func ("/solver/lns/cancel", test_lns_cancel);
}
