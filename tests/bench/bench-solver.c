/* bench-solver.c: how fast the optimizer is, printed, medians of several runs.
 *
 *   bench-solver roster [N]   the classic reference roster of scheduling.md section 6
 *                             (default 55 people, 7 days, 4 shifts): proven optimal, and
 *                             the min_hours optimum equals the value derived by
 *                             reasoning (36 n + 2 E hours, E = eight-hour shifts needed)
 *   bench-solver store [EMPLOYEES] [DAYS] [GRANULARITY]
 *                             one generated store with the default 7-objective hierarchy
 *
 * Every schedule is re-verified by the independent checker; a violation fails the run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-bench"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-generator.h"
#include "solver/esc-checker.h"
#include "solver/esc-evaluate.h"
#include "solver/esc-solver.h"

#define RUNS 3

typedef struct
{
  double first_schedule;  /* seconds until the first incumbent of phase 1 */
  double start;
} Timing;

static void
progress_cb (const EscSolverProgress *progress,
             gpointer                 user_data)
{
  Timing *timing = user_data;

  if (timing->first_schedule < 0 && !isnan (progress->incumbent))
    timing->first_schedule = progress->elapsed;
}

static EscSchedule *
solve_once (EscProject *project,
            double     *seconds,
            double     *first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProblem) problem = esc_problem_new_from_project (project, &error);
  g_autoptr(GPtrArray) violations = NULL;
  EscSolverOptions options = { 0 };
  Timing timing = { -1, 0 };
  gint64 begin;
  EscSchedule *schedule;

  if (problem == NULL)
    g_error ("compile: %s", error->message);
  begin = g_get_monotonic_time ();
  schedule = esc_solver_solve (problem, &options, progress_cb, &timing, NULL, &error);
  *seconds = (g_get_monotonic_time () - begin) / 1e6;
  *first = timing.first_schedule;
  if (schedule == NULL)
    g_error ("solve: %s", error->message);
  violations = esc_checker_check (schedule);
  if (violations->len > 0)
    g_error ("the checker found %u violations, first: %s", violations->len,
             ((EscViolation *) g_ptr_array_index (violations, 0))->message);
  return schedule;
}

static int
bench_roster (guint n)
{
  double times[RUNS];
  g_autoptr(EscProject) project = esc_bench_classic_roster (n, 7);
  g_autoptr(EscProblem) problem = esc_problem_new_from_project (project, NULL);
  int eights = 0, expected_hours;
  gboolean all_proven = TRUE;
  double min_hours = 0;

  /* Eight-hour shifts needed over the week; shorts are six hours. */
  for (guint k = 0; k < problem->shift_demands->len; k++)
    {
      const EscProblemShiftDemand *sd = &g_array_index (problem->shift_demands,
                                                        EscProblemShiftDemand, k);
      if (esc_problem_get_shift (problem, sd->shift)->net_minutes == 480)
        eights += sd->required;
    }
  /* Each person works >= 6 of 7 days and >= 40 h; with a eights and 6 - a sixes, the
   * hours are 36 + 2a for 2 <= a <= 6: the total is 36 n + 2 E (when 2n <= E <= 6n). */
  expected_hours = 36 * (int) n + 2 * eights;

  for (guint r = 0; r < RUNS; r++)
    {
      double first;
      g_autoptr(EscSchedule) schedule = solve_once (project, &times[r], &first);

      for (guint p = 0; p < schedule->phases->len; p++)
        all_proven &= ((EscPhaseStats *) g_ptr_array_index (schedule->phases, p))->proven_optimal;
      min_hours = esc_evaluate_objective (schedule, ESC_OBJ_MIN_HOURS) / 60.0;
    }
  printf ("roster: %u people x 7 days x 4 shifts, %d eight-hour shifts needed\n", n, eights);
  printf ("roster: solve median %.3f s (runs %.3f %.3f %.3f), every phase proven: %s\n",
          esc_bench_median (times, RUNS), times[0], times[1], times[2],
          all_proven ? "yes" : "no");
  printf ("roster: min_hours %.0f h, by reasoning %d h: %s\n", min_hours, expected_hours,
          fabs (min_hours - expected_hours) < 1e-6 ? "equal" : "DIFFERENT");
  return all_proven && fabs (min_hours - expected_hours) < 1e-6 ? 0 : 1;
}

static int
bench_store (guint employees,
             guint days,
             guint granularity)
{
  EscBenchSpec spec = {
    .n_stores = 1, .n_roles = 2, .n_employees = employees, .n_days = days,
    .n_patterns = 6, .n_shifts = 6, .granularity = granularity, .demand_ratio = 0.85,
    .seed = 42, .with_history = TRUE, .with_wishes = TRUE,
  };
  g_autoptr(EscProject) project = esc_bench_generate (&spec);
  double times[RUNS], firsts[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(EscSchedule) schedule = solve_once (project, &times[r], &firsts[r]);
      const EscPhaseStats *phase1 = g_ptr_array_index (schedule->phases, 0);

      printf ("store run %u: %.2f s, first schedule %.2f s, %s; phase 1 unmet %g (bound %g)\n",
              r + 1, times[r], firsts[r], esc_schedule_status_to_string (schedule->status),
              phase1->value, phase1->bound);
    }
  printf ("store: %u employees x %u days, granularity %u min: median %.2f s, first schedule "
          "median %.2f s, peak RSS %.0f MiB\n", employees, days, granularity,
          esc_bench_median (times, RUNS), esc_bench_median (firsts, RUNS),
          esc_bench_peak_rss_mib ());
  return 0;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");

  if (argc >= 2 && g_str_equal (argv[1], "roster"))
    return bench_roster (argc >= 3 ? (guint) atoi (argv[2]) : 55);
  if (argc >= 2 && g_str_equal (argv[1], "store"))
    return bench_store (argc >= 3 ? (guint) atoi (argv[2]) : 40,
                        argc >= 4 ? (guint) atoi (argv[3]) : 28,
                        argc >= 5 ? (guint) atoi (argv[4]) : 15);
  fprintf (stderr, "usage: %s roster [N] | store [EMPLOYEES] [DAYS] [GRANULARITY]\n", argv[0]);
  return 2;
}
