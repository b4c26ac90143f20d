/* bench-solver.c: how fast the optimizer is, printed, medians of several runs.
 *
 *   bench-solver roster [N]   the classic reference roster of scheduling.md section 6
 *                             (default 55 people, 7 days, 4 shifts): proven optimal, and
 *                             the min_hours optimum equals the value derived by
 *                             reasoning (36 n + 2 E hours, E = eight-hour shifts needed)
 *   bench-solver store [EMPLOYEES] [DAYS] [GRANULARITY]
 *                             one generated store with the default 7-objective hierarchy,
 *                             30 s limit: time to the first schedule, all phases, phase 1
 *                             (unmet demand) against its best bound
 *   bench-solver pool [EMPLOYEES] [RUNS] [DEMAND_RATIO]
 *                             the monolith: one store/role pool of 200 employees x 28
 *                             days x 6 shift types, demand_fulfillment then preferences,
 *                             30 s; writes the phase models as MPS and, when `cbc` is
 *                             installed (never a dependency of Escala), solves them with
 *                             CBC (-sec 60) and prints both side by side
 *   bench-solver chain [STORES] [EMPLOYEES] [RUNS]
 *                             50 stores x 20 employees x 28 days: time and peak RSS
 *   bench-solver granularity [EMPLOYEES]
 *                             the same instance at 1 and at 60 minutes, with shift and
 *                             demand times off the hour: slots, model sizes, times
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
#include <string.h>

#include "bench-generator.h"
#include "solver/esc-checker.h"
#include "solver/esc-evaluate.h"
#include "solver/esc-model.h"
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
solve_with (EscProblem             *problem,
            const EscSolverOptions *options,
            double                 *seconds,
            double                 *first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  Timing timing = { -1, 0 };
  gint64 begin;
  EscSchedule *schedule;

  begin = g_get_monotonic_time ();
  schedule = esc_solver_solve (problem, options, progress_cb, &timing, NULL, &error);
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

static EscSchedule *
solve_once (EscProject *project,
            double      time_limit,
            double     *seconds,
            double     *first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProblem) problem = esc_problem_new_from_project (project, &error);
  EscSolverOptions options = { 0 };

  if (problem == NULL)
    g_error ("compile: %s", error->message);
  options.time_limit = time_limit;
  return solve_with (problem, &options, seconds, first);
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
      g_autoptr(EscSchedule) schedule = solve_once (project, 0, &times[r], &first);

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

static double
gap_percent (double value,
             double bound)
{
  if (isnan (bound))
    return NAN;
  return fabs (value - bound) / MAX (fabs (value), 1.0) * 100.0;
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
  double times[RUNS], firsts[RUNS], gaps[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(EscSchedule) schedule = solve_once (project, 30.0, &times[r], &firsts[r]);
      const EscPhaseStats *phase1 = g_ptr_array_index (schedule->phases, 0);

      gaps[r] = gap_percent (phase1->value, phase1->bound);
      printf ("store run %u: all phases %.2f s, first schedule %.3f s, %s; phase 1 unmet %g "
              "(bound %g, gap %.2f%%)\n", r + 1, times[r], firsts[r],
              esc_schedule_status_to_string (schedule->status), phase1->value, phase1->bound,
              gaps[r]);
      for (guint p = 1; p < schedule->phases->len; p++)
        {
          const EscPhaseStats *ph = g_ptr_array_index (schedule->phases, p);

          printf ("    phase %u %-22s value %g bound %g%s\n", p + 1, ph->objective, ph->value,
                  ph->bound, ph->proven_optimal ? " (proven)" : "");
        }
    }
  printf ("store: %u employees x %u days, granularity %u min, 30 s limit: first schedule "
          "median %.3f s (target < 2), all phases median %.2f s (target < 30), phase 1 gap "
          "median %.2f%% (target < 1%%), peak RSS %.0f MiB\n", employees, days, granularity,
          esc_bench_median (firsts, RUNS), esc_bench_median (times, RUNS),
          esc_bench_median (gaps, RUNS), esc_bench_peak_rss_mib ());
  return 0;
}

typedef struct
{
  double objective;
  double bound;           /* NAN when CBC did not print one (it proved its objective) */
  double seconds;
  char status[64];
} CbcResult;

/* Runs CBC on @mps for @seconds: "Objective value:", "Lower bound:" (its bound after its
 * cuts and search, when it stopped early) and the wall time. */
static gboolean
run_cbc (const char *cbc,
         const char *mps,
         const char *seconds,
         CbcResult  *result)
{
  const char *argv[] = { cbc, mps, "-sec", seconds, "-solve", "-quit", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  const char *p;

  result->objective = NAN;
  result->bound = NAN;
  g_strlcpy (result->status, "?", sizeof result->status);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, NULL, &error))
    {
      printf ("cbc: %s\n", error->message);
      return FALSE;
    }
  result->seconds = (g_get_monotonic_time () - t0) / 1e6;
  p = strstr (out, "Objective value:");
  if (p != NULL)
    result->objective = g_ascii_strtod (p + strlen ("Objective value:"), NULL);
  p = strstr (out, "Lower bound:");
  if (p != NULL)
    result->bound = g_ascii_strtod (p + strlen ("Lower bound:"), NULL);
  p = strstr (out, "Result - ");
  if (p != NULL)
    {
      const char *end = strchr (p, '\n');

      g_strlcpy (result->status, p + strlen ("Result - "),
                 MIN (sizeof result->status, (gsize) (end != NULL ? end - p - 8 : 60)));
    }
  return TRUE;
}

static int
bench_pool (guint  employees,
            guint  runs,
            double ratio)
{
  EscBenchSpec spec = {
    .n_stores = 1, .n_roles = 1, .n_employees = employees, .n_days = 28,
    .n_patterns = 6, .n_shifts = 6, .granularity = 15, .demand_ratio = ratio,
    .seed = 2024, .with_history = TRUE, .with_wishes = TRUE,
    .objectives = "demand_fulfillment, preferences",
  };
  g_autoptr(EscProject) project = esc_bench_generate (&spec);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProblem) problem = esc_problem_new_from_project (project, &error);
  g_autofree char *dir = g_dir_make_tmp ("escala-bench-XXXXXX", NULL);
  g_autofree char *cbc = g_find_program_in_path ("cbc");
  double times[RUNS], firsts[RUNS], v1[RUNS], v2[RUNS], bounds2[RUNS], gaps[RUNS];
  /* The first run, whose models are written as MPS. */
  double mps_v1 = NAN, mps_b1 = NAN, mps_v2 = NAN, mps_b2 = NAN, mps_time = NAN;

  if (problem == NULL)
    g_error ("compile: %s", error->message);
  runs = CLAMP (runs, 1, RUNS);
  for (guint r = 0; r < runs; r++)
    {
      EscSolverOptions options = { 0 };
      g_autoptr(EscSchedule) schedule = NULL;
      const EscPhaseStats *p1, *p2;

      options.time_limit = 30.0;
      options.write_mps_dir = r == 0 ? dir : NULL;
      schedule = solve_with (problem, &options, &times[r], &firsts[r]);
      p1 = g_ptr_array_index (schedule->phases, 0);
      p2 = g_ptr_array_index (schedule->phases, 1);
      v1[r] = p1->value;
      v2[r] = p2->value;
      bounds2[r] = p2->bound;
      if (r == 0)
        {
          mps_v1 = p1->value;
          mps_b1 = p1->bound;
          mps_v2 = p2->value;
          mps_b2 = p2->bound;
          mps_time = times[r];
        }
      gaps[r] = gap_percent (p2->value, p2->bound);
      printf ("pool run %u: %.2f s, first schedule %.3f s, %s; phase 1 unmet %g (bound %g); "
              "phase 2 preferences %g (bound %g, gap %.3f%%)\n", r + 1, times[r], firsts[r],
              esc_schedule_status_to_string (schedule->status), p1->value, p1->bound,
              p2->value, p2->bound, gaps[r]);
    }
  printf ("pool: %u employees x 28 days x 6 shifts in one group, 30 s limit, %u run%s: "
          "median %.2f s, first schedule %.3f s, phase 1 %g, phase 2 %g vs bound %g "
          "(gap %.3f%%, target < 0.5%%)\n", employees, runs, runs > 1 ? "s (medians)" : "",
          esc_bench_median (times, runs), esc_bench_median (firsts, runs),
          esc_bench_median (v1, runs), esc_bench_median (v2, runs),
          esc_bench_median (bounds2, runs), esc_bench_median (gaps, runs));

  for (guint phase = 1; phase <= 2; phase++)
    {
      g_autofree char *name = NULL;
      g_autofree char *mps = NULL;
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *entry;
      g_autofree char *suffix = g_strdup_printf ("-phase%u.mps", phase);
      CbcResult res;

      while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
        if (g_str_has_suffix (entry, suffix))
          name = g_strdup (entry);
      if (name == NULL)
        {
          printf ("pool: no MPS of phase %u (the phase needed no model)\n", phase);
          continue;
        }
      mps = g_build_filename (dir, name, NULL);
      if (cbc == NULL)
        {
          printf ("pool: phase %u MPS %s written; cbc not installed, no comparison\n", phase, mps);
          continue;
        }
      /* Phase 2 gets two minutes: its LP alone takes CBC about 20 s, its root cuts
       * another 30 s, and its bound after them tells how far the LP bound is from
       * anything attainable. */
      if (run_cbc (cbc, mps, phase == 1 ? "60" : "120", &res))
        /* The MPS objective is the level to minimise (preferences negated, scaled the
         * way GLPK saw it): compare the sign-corrected value. */
        printf ("pool: phase %u monolith with CBC (-sec %s): objective %g, bound %g, in %.1f s "
                "(%s); Escala (run 1, whose MPS): %g, bound %g, in %.1f s\n", phase,
                phase == 1 ? "60" : "120", res.objective, res.bound, res.seconds, res.status,
                phase == 1 ? mps_v1 : mps_v2, phase == 1 ? mps_b1 : mps_b2, mps_time);
    }
  printf ("pool: MPS in %s, peak RSS %.0f MiB\n", dir, esc_bench_peak_rss_mib ());
  return 0;
}

static int
bench_chain (guint stores,
             guint employees,
             guint runs)
{
  EscBenchSpec spec = {
    .n_stores = stores, .n_roles = 1, .n_employees = employees, .n_days = 28,
    .n_patterns = 6, .n_shifts = 6, .granularity = 15, .demand_ratio = 0.85,
    .seed = 7, .with_history = TRUE, .with_wishes = TRUE,
  };
  g_autoptr(EscProject) project = esc_bench_generate (&spec);
  double times[RUNS], firsts[RUNS];

  runs = CLAMP (runs, 1, RUNS);
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(EscSchedule) schedule = solve_once (project, 55.0, &times[r], &firsts[r]);
      const EscPhaseStats *phase1 = g_ptr_array_index (schedule->phases, 0);

      printf ("chain run %u: %.2f s, first schedule %.3f s, %s, phase 1 unmet %g (bound %g)\n",
              r + 1, times[r], firsts[r], esc_schedule_status_to_string (schedule->status),
              phase1->value, phase1->bound);
    }
  printf ("chain: %u stores x %u employees x 28 days, %u run%s: median %.2f s (target < 60), "
          "first schedule %.3f s, peak RSS (VmHWM) %.0f MiB (target < 300)\n", stores,
          employees, runs, runs > 1 ? "s (medians)" : "", esc_bench_median (times, runs),
          esc_bench_median (firsts, runs), esc_bench_peak_rss_mib ());
  return 0;
}

static int
bench_granularity (guint employees)
{
  guint grains[2] = { 1, 60 };
  double med[2], med_phase1[2];
  int size[2][2];

  for (guint g = 0; g < 2; g++)
    {
      /* Shift and demand times off the hour (06:10, 13:55, 08:17...): at 60 minutes they
       * round to whole hours, at 1 minute every one of them is a breakpoint. */
      EscBenchSpec spec = {
        .n_stores = 1, .n_roles = 2, .n_employees = employees, .n_days = 28,
        .n_patterns = 6, .n_shifts = 6, .granularity = grains[g], .demand_ratio = 0.85,
        .seed = 42, .with_history = TRUE, .with_wishes = TRUE, .off_grid = TRUE,
      };
      g_autoptr(EscProject) project = esc_bench_generate (&spec);
      g_autoptr(EscProblem) problem = esc_problem_new_from_project (project, NULL);
      double times[RUNS], firsts[RUNS], unmet[RUNS], phase1_seconds[RUNS];
      int rows = 0, cols = 0;

      for (guint k = 0; k < problem->groups->len; k++)
        {
          EscModelSpec ms = { 0 };
          EscModel *model;

          ms.group = (int) k;
          model = esc_model_new (problem, &ms);
          cols += esc_model_get_n_cols (model);
          rows += glp_get_num_rows (esc_model_get_prob (model));
          esc_model_free (model);
        }
      esc_model_release_thread_glpk ();
      size[g][0] = rows;
      size[g][1] = cols;
      for (guint r = 0; r < RUNS; r++)
        {
          EscSolverOptions options = { 0 };
          g_autoptr(EscSchedule) schedule = NULL;
          const EscPhaseStats *phase1;

          options.time_limit = 30.0;
          schedule = solve_with (problem, &options, &times[r], &firsts[r]);
          phase1 = g_ptr_array_index (schedule->phases, 0);
          unmet[r] = phase1->value;
          phase1_seconds[r] = phase1->seconds;
          printf ("granularity %2u min run %u: %.2f s, first schedule %.3f s, phase 1 unmet %g "
                  "(bound %g%s) in %.2f s (summed over the groups)\n", grains[g], r + 1, times[r],
                  firsts[r], phase1->value, phase1->bound,
                  phase1->proven_optimal ? ", proven" : "", phase1->seconds);
        }
      med[g] = esc_bench_median (times, RUNS);
      med_phase1[g] = esc_bench_median (phase1_seconds, RUNS);
      printf ("granularity %2u min: %u slots, model %d rows x %d columns, solve median %.2f s "
              "(first schedule %.3f s, phase 1 unmet %g in %.2f s)\n", grains[g],
              problem->slots->len, rows, cols, med[g], esc_bench_median (firsts, RUNS),
              esc_bench_median (unmet, RUNS), med_phase1[g]);
    }
  /* Both runs use their whole limit (the later levels are not proven), so phase 1's time
   * says more. */
  printf ("granularity: 1 min / 60 min: rows %.2f, columns %.2f, time %.2f, phase 1 time %.2f "
          "(targets within 2x)\n", size[0][0] / (double) MAX (size[1][0], 1),
          size[0][1] / (double) MAX (size[1][1], 1), med[0] / MAX (med[1], 1e-9),
          med_phase1[0] / MAX (med_phase1[1], 1e-9));
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
  if (argc >= 2 && g_str_equal (argv[1], "pool"))
    return bench_pool (argc >= 3 ? (guint) atoi (argv[2]) : 200,
                       argc >= 4 ? (guint) atoi (argv[3]) : 1,
                       argc >= 5 ? g_ascii_strtod (argv[4], NULL) : 0.8);
  if (argc >= 2 && g_str_equal (argv[1], "chain"))
    return bench_chain (argc >= 3 ? (guint) atoi (argv[2]) : 50,
                        argc >= 4 ? (guint) atoi (argv[3]) : 20,
                        argc >= 5 ? (guint) atoi (argv[4]) : 1);
  if (argc >= 2 && g_str_equal (argv[1], "granularity"))
    return bench_granularity (argc >= 3 ? (guint) atoi (argv[2]) : 40);
  fprintf (stderr, "usage: %s roster [N] | store [EMPLOYEES] [DAYS] [GRANULARITY] | "
           "pool [EMPLOYEES] [RUNS] [DEMAND_RATIO] | chain [STORES] [EMPLOYEES] [RUNS] | "
           "granularity [EMPLOYEES]\n", argv[0]);
  return 2;
}
