/* test-local-search.c: the pieces of the big-group path (issue 4): the fast legality test
 * of a row, the simulated annealing, restricted problems, the decomposition bound.
 *
 * - esc_row_rules_ok() agrees with the checker: random rows it accepts (and that are not
 *   short of min hours or rest days) pass esc_checker_check_employee(), on generated
 *   stores with history, holidays and limits.
 * - The local search keeps every row legal, its value is the evaluator's, it never
 *   worsens the level, and with two levels the first never exceeds its limit.
 * - A restricted problem has the model's objective at the start (constant included);
 *   its solution mapped back is a feasible vector of the model with the same value.
 * - The decomposition bound equals the LP relaxation's value (GLPK's simplex on the whole
 *   model, affordable on these sizes) and never exceeds the MIP optimum or a schedule.
 * - The big-group path (forced on small groups) reports bounds no better than the
 *   optimum a full solve proves, and values no better either.
 * - The decomposition's dive: the employees it decides have legal rows, and when it
 *   decides all, the schedule is optimal.
 * - On two threads a one-group run's helper thread, its bound done, offers the
 *   decomposition's schedule (here the optimum) and runs a second neighbourhood search
 *   (counted in the phase's figures).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <math.h>

#include "../bench/bench-generator.h"
#include "esc-test-build.h"
#include "solver/esc-checker.h"
#include "solver/esc-decompose.h"
#include "solver/esc-evaluate.h"
#include "solver/esc-heuristic.h"
#include "solver/esc-local-search.h"
#include "solver/esc-row-rules.h"
#include "solver/esc-solver.h"
#include "test-solver.h"
#include "test-support.h"

static EscProblem *
generated (guint       employees,
           guint       days,
           guint       seed,
           const char *objectives)
{
  EscBenchSpec spec = {
    .n_stores = 1, .n_roles = 1, .n_employees = employees, .n_days = days,
    .n_patterns = 6, .n_shifts = 6, .granularity = 15, .demand_ratio = 0.85,
    .seed = seed, .with_history = TRUE, .with_wishes = TRUE, .objectives = objectives,
  };
  g_autoptr(EscProject) project = esc_bench_generate (&spec);

  return esc_test_compile (project);
}

/* Random rows that the fast test accepts pass the checker. */
static void
test_row_rules_agree_with_checker (void)
{
  guint accepted = 0, tried = 0;

  for (guint seed = 1; seed <= 6; seed++)
    {
      g_autoptr(EscProblem) problem = generated (8, 14 + 7 * (seed % 3), seed, NULL);
      g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);
      EscRowRules *rules = esc_row_rules_new (problem);
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autofree int *row = g_new (int, problem->n_days);
      g_autofree gboolean *flags = g_new (gboolean, problem->n_days);

      for (guint e = 0; e < problem->employees->len; e++)
        {
          const EscProblemEmployee *emp = esc_problem_get_employee (problem, e);

          for (guint trial = 0; trial < 200; trial++)
            {
              g_autoptr(GPtrArray) violations = NULL;
              double p_work = g_rand_double_range (rand, 0.2, 0.9);

              for (int d = 0; d < problem->n_days; d++)
                {
                  guint n = emp->day_offset[d + 1] - emp->day_offset[d];

                  row[d] = n > 0 && g_rand_double (rand) < p_work
                           ? (int) (emp->day_offset[d] + (guint) g_rand_int_range (rand, 0, (gint32) n))
                           : ESC_NONE;
                }
              tried++;
              if (!esc_row_rules_ok (rules, emp, row) || esc_row_rules_short (problem, emp, row))
                continue;
              accepted++;
              esc_row_rules_match_compensations (rules, emp, row, flags);
              for (int d = 0; d < problem->n_days; d++)
                {
                  esc_schedule_set_choice (schedule, e, d, row[d]);
                  esc_schedule_set_compensation (schedule, e, d, flags[d]);
                }
              violations = esc_checker_check_employee (schedule, e);
              if (violations->len > 0)
                g_error ("seed %u, %s: the fast test accepts a row the checker rejects: %s", seed,
                         emp->id, ((EscViolation *) g_ptr_array_index (violations, 0))->message);
            }
        }
      esc_row_rules_free (rules);
    }
  g_test_message ("%u of %u random rows accepted, every one legal", accepted, tried);
  g_assert_cmpuint (accepted, >, 50);
}

static EscModel *
group_model (EscProblem *problem)
{
  EscModelSpec spec = { 0 };

  return esc_model_new (problem, &spec);
}

/* The search keeps rows legal, reports the evaluator's value, and does not get worse. */
static void
test_local_search_coverage (void)
{
  for (guint seed = 1; seed <= 4; seed++)
    {
      g_autoptr(EscProblem) problem = generated (12, 21, seed, "demand_fulfillment");
      g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);
      g_autoptr(GArray) failed = esc_heuristic_construct (schedule, 0, seed);
      EscModel *model = group_model (problem);
      const EscObjectiveLevel *levels[1] = { g_ptr_array_index (problem->levels, 0) };
      g_autoptr(EscLocalSearch) ls = esc_local_search_new (model, levels, 1, seed);
      double before = esc_evaluate_level (schedule, levels[0]), after;

      g_assert_nonnull (ls);
      esc_local_search_run (ls, schedule, NULL, g_get_monotonic_time () + G_USEC_PER_SEC / 5,
                            NULL, NULL);
      after = esc_evaluate_level (schedule, levels[0]);
      g_test_message ("seed %u: unmet %g -> %g", seed, before, after);
      g_assert_cmpfloat (after, <=, before);
      g_assert_cmpfloat (fabs (esc_local_search_get_value (ls, 0) - after), <, 1e-6);
      esc_test_assert_legal (schedule);
      esc_model_free (model);
      esc_model_release_thread_glpk ();
    }
}

/* Two levels: preferences may not cost coverage. */
static void
test_local_search_keeps_limits (void)
{
  g_autoptr(EscProblem) problem = generated (14, 21, 7, "demand_fulfillment, preferences");
  g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);
  g_autoptr(GArray) failed = esc_heuristic_construct (schedule, 0, 3);
  EscModel *model = group_model (problem);
  const EscObjectiveLevel *levels[2] = { g_ptr_array_index (problem->levels, 0),
                                         g_ptr_array_index (problem->levels, 1) };
  g_autoptr(EscLocalSearch) ls = esc_local_search_new (model, levels, 2, 5);
  double limits[1], pref_before, pref_after;

  g_assert_nonnull (ls);
  limits[0] = esc_evaluate_level (schedule, levels[0]);
  pref_before = esc_evaluate_level (schedule, levels[1]);
  esc_local_search_run (ls, schedule, limits, g_get_monotonic_time () + G_USEC_PER_SEC / 5,
                        NULL, NULL);
  pref_after = esc_evaluate_level (schedule, levels[1]);
  g_test_message ("unmet kept at %g (now %g); preferences (to minimise) %g -> %g", limits[0],
                  esc_evaluate_level (schedule, levels[0]), pref_before, pref_after);
  g_assert_cmpfloat (esc_evaluate_level (schedule, levels[0]), <=, limits[0] + 1e-6);
  g_assert_cmpfloat (pref_after, <=, pref_before);
  esc_test_assert_legal (schedule);
  esc_model_free (model);
  esc_model_release_thread_glpk ();
}

/* Compensations and headcount balance are not sums of per-option costs: no search. */
static void
test_local_search_refuses (void)
{
  g_autoptr(EscProblem) problem = generated (6, 14, 2, "workforce_balance");
  EscModel *model = group_model (problem);
  const EscObjectiveLevel *levels[1] = { g_ptr_array_index (problem->levels, 0) };

  g_assert_null (esc_local_search_new (model, levels, 1, 1));
  esc_model_free (model);
  esc_model_release_thread_glpk ();
}

static gboolean
first_days (int      employee,
            int      day,
            gpointer user_data)
{
  return day < GPOINTER_TO_INT (user_data) || (employee % 5 == 0 && day < 10);
}

/* A restricted problem: the same objective at the start, and its optimum maps back to a
 * feasible vector of the model with that value. */
static void
test_restrict (void)
{
  g_autoptr(EscProblem) problem = generated (10, 14, 4, "demand_fulfillment, preferences");
  g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);
  g_autoptr(GArray) failed = esc_heuristic_construct (schedule, 0, 1);
  EscModel *model = group_model (problem);
  g_autofree double *x = esc_model_new_vector (model);
  int n_cols = esc_model_get_n_cols (model);

  g_assert_true (esc_model_vector_from_schedule (model, schedule, x));
  esc_model_set_objective (model, g_ptr_array_index (problem->levels, 0));
  for (int days = 1; days <= 3; days++)
    {
      EscSubproblem *sub = esc_model_restrict (model, x, first_days, GINT_TO_POINTER (days));
      glp_prob *lp = esc_subproblem_get_prob (sub);
      int n = esc_subproblem_get_n_cols (sub);
      g_autofree double *sx = g_new0 (double, n + 1);
      g_autofree double *y = g_memdup2 (x, sizeof (double) * (n_cols + 1));
      glp_iocp parm;
      double full = glp_get_obj_coef (esc_model_get_prob (model), 0), restricted;

      g_assert_cmpint (n, >, 0);
      g_assert_cmpint (n, <, n_cols);
      esc_subproblem_from_full (sub, x, sx);
      restricted = glp_get_obj_coef (lp, 0);
      for (int j = 1; j <= n; j++)
        restricted += glp_get_obj_coef (lp, j) * sx[j];
      for (int j = 1; j <= n_cols; j++)
        full += glp_get_obj_coef (esc_model_get_prob (model), j) * x[j];
      g_assert_cmpfloat (fabs (full - restricted), <, 1e-6);

      glp_init_iocp (&parm);
      parm.msg_lev = GLP_MSG_OFF;
      parm.presolve = GLP_ON;
      parm.tm_lim = 10000;
      glp_intopt (lp, &parm);
      g_assert_true (glp_mip_status (lp) == GLP_OPT || glp_mip_status (lp) == GLP_FEAS);
      for (int j = 1; j <= n; j++)
        sx[j] = glp_mip_col_val (lp, j);
      esc_subproblem_to_full (sub, sx, y);
      g_assert_true (esc_model_vector_is_feasible (model, y, 1e-6));
      g_assert_cmpfloat (fabs (esc_model_level_value (model, g_ptr_array_index (problem->levels, 0), y) -
                               glp_mip_obj_val (lp)), <, 1e-6);
      g_assert_cmpfloat (glp_mip_obj_val (lp), <=, full + 1e-6);
      g_test_message ("%d days free: %d of %d columns, %g -> %g", days, n, n_cols, full,
                      glp_mip_obj_val (lp));
      esc_subproblem_free (sub);
    }
  esc_model_free (model);
  esc_model_release_thread_glpk ();
}

/* The decomposition bound is the LP relaxation's value, below the optimum; with the
 * employees' integrality it lies between the two, and above the LP where the LP mixes
 * schedules no employee can work. */
static void
test_decomposition_bound (void)
{
  guint stronger = 0;

  for (guint seed = 1; seed <= 3; seed++)
    {
      g_autoptr(EscProblem) problem = generated (8, 14, seed, "demand_fulfillment, preferences");
      g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);
      g_autoptr(GArray) failed = esc_heuristic_construct (schedule, 0, seed);
      EscModel *model = group_model (problem);
      g_autofree double *x = esc_model_new_vector (model);
      g_autoptr(EscDecomposition) dw = NULL;
      glp_smcp sparm;
      glp_iocp iparm;
      double bound, integral, lp, mip, start, scale;

      g_assert_true (esc_model_vector_from_schedule (model, schedule, x));
      /* The second level, with the first one's row: linking rows of both kinds. */
      esc_model_add_level_bound (model, g_ptr_array_index (problem->levels, 0),
                                 esc_model_level_value (model, g_ptr_array_index (problem->levels, 0), x));
      scale = esc_model_set_objective (model, g_ptr_array_index (problem->levels, 1));
      /* In GLPK's units, as the bound. */
      start = scale * esc_model_level_value (model, g_ptr_array_index (problem->levels, 1), x);
      dw = esc_decomposition_new (model);
      bound = esc_decomposition_bound (dw, x, HUGE_VAL, FALSE,
                                       g_get_monotonic_time () + 20 * G_USEC_PER_SEC, NULL, NULL,
                                       NULL);
      integral = esc_decomposition_bound (dw, x, HUGE_VAL, TRUE,
                                          g_get_monotonic_time () + 20 * G_USEC_PER_SEC, NULL,
                                          NULL, NULL);

      glp_init_smcp (&sparm);
      sparm.msg_lev = GLP_MSG_OFF;
      g_assert_cmpint (glp_simplex (esc_model_get_prob (model), &sparm), ==, 0);
      lp = glp_get_obj_val (esc_model_get_prob (model));
      glp_init_iocp (&iparm);
      iparm.msg_lev = GLP_MSG_OFF;
      iparm.tm_lim = 20000;
      /* The optimum, when GLPK proves it in its time (slow machines, valgrind). */
      mip = glp_intopt (esc_model_get_prob (model), &iparm) == 0 &&
            glp_mip_status (esc_model_get_prob (model)) == GLP_OPT
            ? glp_mip_obj_val (esc_model_get_prob (model)) : HUGE_VAL;
      g_test_message ("seed %u: decomposition %g, with integrality %g after %u rounds, LP %g, "
                      "MIP %g, start %g", seed, bound, integral,
                      esc_decomposition_get_rounds (dw), lp, mip, start);
      g_assert_cmpfloat (fabs (bound - lp), <, 1e-4 * MAX (1.0, fabs (lp)));
      g_assert_cmpfloat (bound, <=, mip + 1e-6);
      g_assert_cmpfloat (bound, <=, start + 1e-6);
      g_assert_cmpfloat (integral, >=, lp - 1e-4 * MAX (1.0, fabs (lp)));
      g_assert_cmpfloat (integral, <=, mip + 1e-6);
      g_assert_cmpfloat (integral, <=, start + 1e-6);
      stronger += integral > lp + 0.5 ? 1 : 0;
      esc_model_free (model);
      esc_model_release_thread_glpk ();
    }
  /* The LP mixes patterns on some of these instances: there the integral bound is higher. */
  g_assert_cmpuint (stronger, >=, 1);
}

/* The decomposition's schedule after integral pricing (a dive that keeps the master's LP
 * at its optimum): the employees it decides have legal rows; when it decides every
 * employee, the schedule meets the earlier level's row and its value is the optimum
 * (the master's LP value is the decomposition's bound, below the optimum). */
static void
test_decomposition_dive (void)
{
  guint complete = 0;

  for (guint seed = 1; seed <= 4; seed++)
    {
      g_autoptr(EscProblem) problem = generated (8, 14, seed, "demand_fulfillment, preferences");
      g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);
      g_autoptr(GArray) failed = esc_heuristic_construct (schedule, 0, seed);
      const EscObjectiveLevel *first = g_ptr_array_index (problem->levels, 0);
      const EscObjectiveLevel *second = g_ptr_array_index (problem->levels, 1);
      EscModel *model = group_model (problem);
      g_autofree double *x = esc_model_new_vector (model);
      g_autofree double *y = esc_model_new_vector (model);
      g_autoptr(EscDecomposition) dw = NULL;
      g_autoptr(EscSchedule) combined = esc_schedule_new (problem);
      const gboolean *undecided = NULL;
      const double *vector;
      glp_iocp iparm;
      double integral, mip, scale;
      guint n_undecided = 0;

      g_assert_true (esc_model_vector_from_schedule (model, schedule, x));
      esc_model_add_level_bound (model, first, esc_model_level_value (model, first, x));
      scale = esc_model_set_objective (model, second);
      dw = esc_decomposition_new (model);
      integral = esc_decomposition_bound (dw, x, HUGE_VAL, TRUE,
                                          g_get_monotonic_time () + 20 * G_USEC_PER_SEC, NULL,
                                          NULL, NULL);
      vector = esc_decomposition_get_combined (dw, &undecided);
      g_assert_nonnull (vector);

      glp_init_iocp (&iparm);
      iparm.msg_lev = GLP_MSG_OFF;
      iparm.presolve = GLP_ON;
      iparm.tm_lim = 20000;
      mip = glp_intopt (esc_model_get_prob (model), &iparm) == 0 &&
            glp_mip_status (esc_model_get_prob (model)) == GLP_OPT
            ? glp_mip_obj_val (esc_model_get_prob (model)) : HUGE_VAL;

      esc_model_vector_to_schedule (model, vector, combined);
      for (guint i = 0; i < esc_model_get_n_employees (model); i++)
        if (undecided != NULL && undecided[i])
          n_undecided++;
        else
          {
            g_autoptr(GPtrArray) violations =
              esc_checker_check_employee (combined, (guint) esc_model_get_employee (model, i));

            g_assert_cmpuint (violations->len, ==, 0);
          }
      g_assert_cmpuint (n_undecided, <, esc_model_get_n_employees (model));
      if (undecided == NULL)
        {
          double value;

          g_assert_true (esc_model_vector_from_schedule (model, combined, y));
          value = scale * esc_model_level_value (model, second, y);
          g_assert_cmpfloat (value, >=, integral - 1e-6);
          if (mip < HUGE_VAL)
            g_assert_cmpfloat (fabs (value - mip), <, 1e-6 * MAX (1.0, fabs (mip)));
          complete++;
        }
      g_test_message ("seed %u: integral bound %g, MIP %g, the dive left %u of %u employees",
                      seed, integral, mip, n_undecided, esc_model_get_n_employees (model));
      esc_model_free (model);
      esc_model_release_thread_glpk ();
    }
  g_assert_cmpuint (complete, >=, 1);
}

static EscSchedule *
solve_small (EscProblem *problem,
             int         lns_min_columns)
{
  EscSolverOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  EscSchedule *schedule;

  options.lns_min_columns = lns_min_columns;
  options.time_limit = 8;
  schedule = esc_solver_solve (problem, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  esc_test_assert_legal (schedule);
  return schedule;
}

/* The big-group path's bounds are real: never better than the optimum the full solve
 * proves on the same small instance. */
static void
test_lns_bound_is_real (void)
{
  for (guint seed = 1; seed <= 3; seed++)
    {
      g_autoptr(EscProblem) problem = generated (7, 14, seed, "demand_fulfillment, preferences");
      g_autoptr(EscSchedule) exact = solve_small (problem, -1);
      g_autoptr(EscSchedule) lns = solve_small (problem, 1);
      const EscPhaseStats *e1 = g_ptr_array_index (exact->phases, 0);
      const EscPhaseStats *e2 = g_ptr_array_index (exact->phases, 1);
      const EscPhaseStats *l1 = g_ptr_array_index (lns->phases, 0);
      const EscPhaseStats *l2 = g_ptr_array_index (lns->phases, 1);

      g_test_message ("seed %u: exact unmet %g (%s), preferences %g (%s); neighbourhoods unmet "
                      "%g (bound %g), preferences %g (bound %g)", seed, e1->value,
                      e1->proven_optimal ? "proven" : "not proven", e2->value,
                      e2->proven_optimal ? "proven" : "not proven", l1->value, l1->bound,
                      l2->value, l2->bound);
      if (!e1->proven_optimal)
        continue;
      g_assert_cmpfloat (l1->bound, <=, e1->value + 1e-6);
      g_assert_cmpfloat (l1->value, >=, e1->value - 1e-6);
      if (l1->proven_optimal)
        g_assert_cmpfloat (fabs (l1->value - e1->value), <, 1e-6);
      /* Preferences are maximised: the bound is an upper one, given the same unmet. */
      if (e2->proven_optimal && fabs (l1->value - e1->value) < 1e-6)
        {
          g_assert_cmpfloat (l2->bound, >=, e2->value - 1e-6);
          g_assert_cmpfloat (l2->value, <=, e2->value + 1e-6);
        }
    }
}

/* @problem's one group solved by neighbourhoods on @threads threads for @seconds (six
 * times that in the sanitizer build); the schedule is legal. */
static EscSchedule *
solve_by_neighbourhoods (EscProblem *problem,
                         guint       threads,
                         guint       seconds)
{
  EscSolverOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  EscSchedule *schedule;

  options.lns_min_columns = 1;
  options.n_threads = threads;
  options.time_limit = seconds * ESC_TEST_TIME_FACTOR;
  schedule = esc_solver_solve (problem, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  esc_test_assert_legal (schedule);
  return schedule;
}

/* A group solved by neighbourhoods on two threads while it is the only group: the spare
 * thread computes the decomposition bound with the employees' integrality, stronger than
 * the LP bound that one thread affords (here it proves the optimum: 303 against 314). */
static void
test_lns_helper_thread (void)
{
  /* One level: both runs bound the same model. */
  g_autoptr(EscProblem) problem = generated (60, 28, 1, "preferences");
  double bounds[2];

  for (guint threads = 1; threads <= 2; threads++)
    {
      g_autoptr(EscSchedule) schedule = solve_by_neighbourhoods (problem, threads, 4);
      const EscPhaseStats *phase = g_ptr_array_index (schedule->phases, 0);

      bounds[threads - 1] = phase->bound;
      g_test_message ("%u thread%s: preferences %g, bound %g", threads, threads > 1 ? "s" : "",
                      phase->value, phase->bound);
      /* Preferences are maximised: the bound lies above. */
      g_assert_cmpfloat (phase->bound, >=, phase->value - 1e-6);
    }
  g_assert_cmpfloat (bounds[1], <, bounds[0]);
}

/* With a spare core the helper thread, its bound done, searches too: the decomposition's
 * schedule (a dive in its master, completed by GLPK in the group's thread), then a second
 * neighbourhood search on a model of its own, exchanging the best schedule with the
 * group's thread. On one thread neither happens (the figures say so; neighbourhoods alone
 * end at 30,180-30,540 unmet against 29,460 in 5 s); on two, the decomposition's
 * schedule is the optimum. (No test forces the second search: it runs when the dive
 * does not end the level, which on these instances it does.)
 * Every schedule is legal and no better than the bound. */
static void
test_lns_helper_search (void)
{
  g_autoptr(EscProblem) problem = generated (100, 28, 2, "demand_fulfillment");

  for (guint threads = 1; threads <= 2; threads++)
    {
      /* Two threads end when the optimum is proven (3.3-3.8 s on a quiet machine): the
       * longer limit only leaves room for a loaded one. */
      g_autoptr(EscSchedule) schedule = solve_by_neighbourhoods (problem, threads,
                                                                 threads == 1 ? 5 : 15);
      const EscPhaseStats *phase = g_ptr_array_index (schedule->phases, 0);

      g_test_message ("%u thread%s: unmet %g, bound %g%s, %u neighbourhoods, %u of them in the "
                      "helper thread; %u improvement%s by the decomposition's schedule",
                      threads, threads > 1 ? "s" : "", phase->value, phase->bound,
                      phase->proven_optimal ? " (proven)" : "", phase->neighbourhoods,
                      phase->helper_neighbourhoods, phase->combined,
                      phase->combined == 1 ? "" : "s");
      g_assert_cmpfloat (phase->value, >=, phase->bound - 1e-6);
      g_assert_cmpuint (phase->helper_neighbourhoods, <=, phase->neighbourhoods);
      if (threads == 1)
        {
          g_assert_cmpuint (phase->helper_neighbourhoods, ==, 0);
          g_assert_cmpuint (phase->combined, ==, 0);
        }
      else
        {
          g_assert_cmpuint (phase->combined, >, 0);
          g_assert_true (phase->proven_optimal);
          g_assert_cmpfloat (phase->value, ==, phase->bound);
        }
    }
}

void
esc_test_add_local_search_tests (void)
{
  g_test_add_func ("/solver/row-rules/agree-with-checker", test_row_rules_agree_with_checker);
  g_test_add_func ("/solver/local-search/coverage", test_local_search_coverage);
  g_test_add_func ("/solver/local-search/keeps-limits", test_local_search_keeps_limits);
  g_test_add_func ("/solver/local-search/refuses", test_local_search_refuses);
  g_test_add_func ("/solver/restrict/same-objective", test_restrict);
  g_test_add_func ("/solver/decomposition/bounds", test_decomposition_bound);
  g_test_add_func ("/solver/decomposition/dive", test_decomposition_dive);
  g_test_add_func ("/solver/lns/bound-is-real", test_lns_bound_is_real);
  g_test_add_func ("/solver/lns/helper-thread", test_lns_helper_thread);
  g_test_add_func ("/solver/lns/helper-search", test_lns_helper_search);
}
