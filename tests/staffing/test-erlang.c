/* test-erlang.c: Erlang C against the shared reference table, stability at a thousand
 * agents, the search for the smallest staffing, workload staffing and shrinkage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-test"

#include <math.h>
#include <stdlib.h>

#include "staffing/esc-erlang.h"
#include "staffing/esc-staffing-error.h"
#include "test-staffing.h"

static char *
get_reference_path (void)
{
  const char *dir = g_getenv ("ESC_SHARED_DATA");

  if (dir == NULL)
    return NULL;
  return g_build_filename (dir, "erlang_c_reference.csv", NULL);
}

static void
test_reference (void)
{
  g_autofree char *path = get_reference_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_rows = 0;

  if (path == NULL)
    {
      g_test_skip ("ESC_SHARED_DATA is not set");
      return;
    }
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (g_strstrip (lines[0]),
                   ==, "arrivals_per_hour,aht_seconds,target_seconds,agents,traffic_erlangs,"
                       "prob_wait,service_level,asa_seconds,occupancy");
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      double arrivals, aht, target, traffic;
      int agents;
      EscErlangResult result;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      fields = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 9);
      arrivals = g_ascii_strtod (fields[0], NULL);
      aht = g_ascii_strtod (fields[1], NULL);
      target = g_ascii_strtod (fields[2], NULL);
      agents = atoi (fields[3]);

      traffic = esc_erlang_traffic (arrivals, aht, 3600);
      g_assert_cmpfloat_with_epsilon (traffic, g_ascii_strtod (fields[4], NULL), 1e-6);
      esc_erlang_evaluate (agents, traffic, aht, target, &result);
      g_assert_cmpint (result.agents, ==, agents);
      g_assert_cmpfloat_with_epsilon (result.prob_wait, g_ascii_strtod (fields[5], NULL), 1e-6);
      g_assert_cmpfloat_with_epsilon (result.service_level, g_ascii_strtod (fields[6], NULL),
                                      1e-6);
      g_assert_cmpfloat_with_epsilon (result.asa, g_ascii_strtod (fields[7], NULL), 1e-6);
      g_assert_cmpfloat_with_epsilon (result.occupancy, g_ascii_strtod (fields[8], NULL), 1e-6);
      g_assert_cmpfloat_with_epsilon (esc_erlang_c (agents, traffic), result.prob_wait, 1e-15);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, 42);
}

/* Erlang B from its definition, in log space: A^N/N! / sum_k A^k/k!. */
static double
erlang_b_log_space (int    agents,
                    double traffic)
{
  double max_term = -INFINITY, sum = 0, last;

  for (int k = 0; k <= agents; k++)
    max_term = MAX (max_term, k * log (traffic) - lgamma (k + 1.0));
  for (int k = 0; k <= agents; k++)
    sum += exp (k * log (traffic) - lgamma (k + 1.0) - max_term);
  last = agents * log (traffic) - lgamma (agents + 1.0) - max_term;
  return exp (last) / sum;
}

static void
test_stable_large (void)
{
  const double traffic = 950;
  double previous_sl = -1, previous_wait = 2;

  for (int agents = 951; agents <= 1200; agents++)
    {
      EscErlangResult result;

      esc_erlang_evaluate (agents, traffic, 240, 20, &result);
      g_assert_true (isfinite (result.prob_wait));
      g_assert_true (isfinite (result.service_level));
      g_assert_true (isfinite (result.asa));
      g_assert_true (isfinite (result.occupancy));
      g_assert_cmpfloat (result.service_level, >=, previous_sl);
      g_assert_cmpfloat (result.prob_wait, <=, previous_wait);
      g_assert_cmpfloat (result.service_level, >=, 0);
      g_assert_cmpfloat (result.service_level, <=, 1);
      previous_sl = result.service_level;
      previous_wait = result.prob_wait;
    }
  g_assert_cmpfloat (previous_sl, >, 0.999);

  /* The recursion agrees with the definition computed safely in log space. */
  for (int agents = 900; agents <= 1100; agents += 50)
    {
      double expected = erlang_b_log_space (agents, traffic);

      g_assert_cmpfloat_with_epsilon (esc_erlang_b (agents, traffic) / expected, 1.0, 1e-9);
    }

  /* And far beyond: 10,000 agents. */
  {
    EscErlangTargets targets;
    EscErlangResult result;
    g_autoptr(GError) error = NULL;

    esc_erlang_targets_init (&targets);
    targets.arrivals = 100000;
    targets.aht = 300;
    targets.interval_seconds = 3600;
    targets.max_occupancy = 0;
    g_assert_true (esc_erlang_solve (&targets, &result, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat (result.traffic, >, 8333);
    g_assert_cmpint (result.agents, >, 8333);
    g_assert_cmpint (result.agents, <, 8500);
    g_assert_cmpfloat (result.service_level, >=, 0.8);
  }
}

static void
test_solve (void)
{
  EscErlangTargets targets;
  EscErlangResult result;
  g_autoptr(GError) error = NULL;

  esc_erlang_targets_init (&targets);
  targets.arrivals = 100;
  targets.aht = 180;
  targets.interval_seconds = 3600;
  targets.target_seconds = 20;
  targets.service_level = 0.8;
  targets.max_occupancy = 0;

  /* From the reference: 7 agents answer 74.0% within 20 s, 8 agents 88.0%. */
  g_assert_true (esc_erlang_solve (&targets, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.agents, ==, 8);
  g_assert_cmpfloat_with_epsilon (result.service_level, 0.880148311, 1e-6);
  g_assert_cmpfloat_with_epsilon (result.asa, 10.035990, 1e-6);

  /* An ASA of at most 5 s needs 9 agents (3.62 s). */
  targets.asa = 5;
  g_assert_true (esc_erlang_solve (&targets, &result, NULL));
  g_assert_cmpint (result.agents, ==, 9);
  targets.asa = 0;

  /* At most 50% occupancy: 5 Erlangs need 10 agents exactly (not 11). */
  targets.max_occupancy = 0.5;
  g_assert_true (esc_erlang_solve (&targets, &result, NULL));
  g_assert_cmpint (result.agents, ==, 10);
  g_assert_cmpfloat_with_epsilon (result.occupancy, 0.5, 1e-12);

  /* A maximum occupancy of 85% does not bind here (6 agents would do). */
  targets.max_occupancy = 0.85;
  g_assert_true (esc_erlang_solve (&targets, &result, NULL));
  g_assert_cmpint (result.agents, ==, 8);

  /* Per half hour: 50 calls in 30 minutes are the same 5 Erlangs. */
  targets.arrivals = 50;
  targets.interval_seconds = 1800;
  g_assert_true (esc_erlang_solve (&targets, &result, NULL));
  g_assert_cmpint (result.agents, ==, 8);
  g_assert_cmpfloat_with_epsilon (result.traffic, 5, 1e-12);

  /* Every smaller N fails the target: the result is the smallest. */
  for (int n = 6; n < 8; n++)
    {
      EscErlangResult smaller;

      esc_erlang_evaluate (n, 5, 180, 20, &smaller);
      g_assert_cmpfloat (smaller.service_level, <, 0.8);
    }
}

static void
test_edges (void)
{
  EscErlangTargets targets;
  EscErlangResult result;
  g_autoptr(GError) error = NULL;

  /* N <= A: the queue never empties. */
  esc_erlang_evaluate (5, 5, 180, 20, &result);
  g_assert_cmpfloat (result.prob_wait, ==, 1);
  g_assert_cmpfloat (result.service_level, ==, 0);
  g_assert_true (isinf (result.asa));
  g_assert_cmpfloat (result.occupancy, ==, 1);
  esc_erlang_evaluate (3, 5.5, 180, 20, &result);
  g_assert_cmpfloat (result.prob_wait, ==, 1);
  g_assert_cmpfloat (esc_erlang_c (5, 5.0), ==, 1);
  g_assert_cmpfloat (esc_erlang_c (0, 2.0), ==, 1);
  g_assert_cmpfloat (esc_erlang_b (0, 2.0), ==, 1);

  /* No traffic. */
  g_assert_cmpfloat (esc_erlang_c (3, 0), ==, 0);
  g_assert_cmpfloat (esc_erlang_b (3, 0), ==, 0);
  esc_erlang_targets_init (&targets);
  targets.arrivals = 0;
  g_assert_true (esc_erlang_solve (&targets, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.agents, ==, 0);
  g_assert_cmpfloat (result.prob_wait, ==, 0);
  g_assert_cmpfloat (result.service_level, ==, 1);
  g_assert_cmpfloat (result.asa, ==, 0);
  g_assert_cmpfloat (result.occupancy, ==, 0);

  /* A tiny traffic still needs one agent. */
  targets.arrivals = 0.01;
  g_assert_true (esc_erlang_solve (&targets, &result, NULL));
  g_assert_cmpint (result.agents, ==, 1);

  /* A target of 0 seconds: the service level is 1 - P(wait). */
  esc_erlang_evaluate (8, 5, 180, 0, &result);
  g_assert_cmpfloat_with_epsilon (result.service_level, 1 - result.prob_wait, 1e-15);

  /* Bad targets. */
  esc_erlang_targets_init (&targets);
  targets.arrivals = 10;
  targets.service_level = 1.0;
  g_assert_false (esc_erlang_solve (&targets, &result, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
  g_clear_error (&error);
  targets.service_level = 0.8;
  targets.aht = 0;
  g_assert_false (esc_erlang_solve (&targets, &result, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
  g_clear_error (&error);
  targets.aht = 180;
  targets.arrivals = -1;
  g_assert_false (esc_erlang_solve (&targets, &result, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
  g_clear_error (&error);
  targets.arrivals = NAN;
  g_assert_false (esc_erlang_solve (&targets, &result, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
  g_clear_error (&error);
  targets.arrivals = 10;
  targets.max_occupancy = 1.5;
  g_assert_false (esc_erlang_solve (&targets, &result, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
}

static void
test_workload_and_shrinkage (void)
{
  /* 100 e-mails of 5 minutes in half an hour at 85%: 100 * 300 / (1800 * 0.85) = 19.6. */
  g_assert_cmpint (esc_erlang_workload_agents (100, 300, 1800, 0.85), ==, 20);
  /* Exactly 1.0 agent's work (3060 / 3060): one agent, not two. */
  g_assert_cmpint (esc_erlang_workload_agents (51, 60, 3600, 0.85), ==, 1);
  g_assert_cmpint (esc_erlang_workload_agents (0, 300, 1800, 0.85), ==, 0);
  g_assert_cmpint (esc_erlang_workload_agents (1, 1, 1800, 1), ==, 1);

  /* 10 / 0.7 = 14.3 -> 15; 7 / 0.7 = 10 exactly. */
  g_assert_cmpint (esc_erlang_apply_shrinkage (10, 0.3), ==, 15);
  g_assert_cmpint (esc_erlang_apply_shrinkage (7, 0.3), ==, 10);
  g_assert_cmpint (esc_erlang_apply_shrinkage (7, 0), ==, 7);
  g_assert_cmpint (esc_erlang_apply_shrinkage (0, 0.3), ==, 0);
}

void
esc_test_add_erlang_tests (void)
{
  g_test_add_func ("/staffing/erlang/reference-table", test_reference);
  g_test_add_func ("/staffing/erlang/stable-at-a-thousand-agents", test_stable_large);
  g_test_add_func ("/staffing/erlang/smallest-staffing", test_solve);
  g_test_add_func ("/staffing/erlang/edges", test_edges);
  g_test_add_func ("/staffing/erlang/workload-and-shrinkage", test_workload_and_shrinkage);
}
