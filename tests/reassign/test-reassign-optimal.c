/* test-reassign-optimal.c: the optimal mode against the greedy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-reassign"

#include <string.h>

#include "test-reassign.h"

#define N_RANDOM 50

static const char * const teams[] = { "T1", "T2", "T3", "T4" };
static const char * const categories[] = { "C1", "C2", "C3" };
static const char * const stages[] = { "new", "new", "in_implementation", "delayed", "done" };

static double
random_hours (GRand *rand,
              int    max)
{
  return g_rand_int_range (rand, 0, max * 2 + 1) / 2.0;
}

/* A random instance: 6-15 employees with 1-2 assignments each, 2-6 requests. */
static EscReassignInput *
random_input (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  EscReassignInput *input = esc_reassign_input_new (test_today ());
  int n_employees = g_rand_int_range (rand, 6, 16);
  int n_requests = g_rand_int_range (rand, 2, 7);

  for (int e = 0; e < n_employees; e++)
    {
      g_autofree char *id = g_strdup_printf ("E%02d", e);
      g_autoptr(GString) skills = g_string_new (NULL);
      EscJulian start = g_rand_boolean (rand) ? test_day (2020, 1, 1) + g_rand_int_range (rand, 0, 2000)
                                              : 0;
      double spare = g_rand_int_range (rand, 0, 3) == 0 ? 0 : random_hours (rand, 8);
      int n_assignments = g_rand_int_range (rand, 1, 3);

      for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
        if (g_rand_int_range (rand, 0, 2) == 0 || (c == 2 && skills->len == 0))
          g_string_append_printf (skills, "%s%s", skills->len > 0 ? ", " : "", categories[c]);
      esc_reassign_input_add_employee (input, id, skills->str,
                                       g_rand_int_range (rand, 0, 5) < 3,
                                       g_rand_int_range (rand, 0, 3) == 0, start, spare);

      for (int a = 0; a < n_assignments; a++)
        {
          g_autofree char *assignment = g_strdup_printf ("A%02d%c", e, 'a' + a);
          const char *position = g_rand_int_range (rand, 0, 10) == 0 ? "qa_reviewer" : "worker";

          esc_reassign_input_add_assignment (input, assignment, id,
                                             teams[g_rand_int_range (rand, 0, 4)],
                                             categories[g_rand_int_range (rand, 0, 3)], position,
                                             random_hours (rand, 12), random_hours (rand, 12),
                                             g_rand_int_range (rand, 0, 8) > 0);
          if (g_rand_int_range (rand, 0, 12) == 0)
            esc_reassign_input_add_history (input, assignment, id, "T9", "T8",
                                            test_today () - 20, 2);
        }
      if (g_rand_int_range (rand, 0, 8) == 0)
        esc_reassign_input_add_history (input, "OLD", id, "T9", "T8", test_today (), 2);
    }

  for (int r = 0; r < n_requests; r++)
    {
      g_autofree char *id = g_strdup_printf ("R%02d", r);
      g_autofree char *risk = g_rand_int_range (rand, 0, 4) == 0
                              ? g_strdup_printf ("E%02d", g_rand_int_range (rand, 0, n_employees))
                              : NULL;

      esc_reassign_input_add_request (input, id, teams[g_rand_int_range (rand, 0, 4)],
                                      categories[g_rand_int_range (rand, 0, 3)],
                                      1 + random_hours (rand, 14), g_rand_int_range (rand, 0, 6),
                                      test_today () - g_rand_int_range (rand, 0, 30),
                                      stages[g_rand_int_range (rand, 0, 5)], risk);
    }
  return input;
}

static void
test_random (void)
{
  guint better = 0, more_hours = 0;

  for (guint32 seed = 1; seed <= N_RANDOM; seed++)
    {
      g_autoptr(EscReassignInput) input = random_input (seed);
      g_autoptr(EscReassignResult) greedy = test_run (input, NULL, ESC_REASSIGN_GREEDY);
      g_autoptr(EscReassignResult) optimal = test_run (input, NULL, ESC_REASSIGN_OPTIMAL);

      g_assert_true (optimal->has_greedy);
      g_assert_cmpfloat_with_epsilon (optimal->greedy.value, greedy->totals.value, 1e-6);
      g_assert_cmpfloat_with_epsilon (optimal->greedy.covered_hours, greedy->totals.covered_hours,
                                      1e-6);
      g_assert_cmpfloat (optimal->totals.value, >=, greedy->totals.value - 1e-6);
      g_assert_true (optimal->proven_optimal || optimal->kept_greedy);
      if (optimal->kept_greedy)
        g_assert_cmpfloat (greedy->totals.value, >=, optimal->totals.value - 1e-6);
      if (optimal->totals.value > greedy->totals.value + 1e-6)
        better++;
      if (optimal->totals.covered_hours + optimal->totals.backfilled_hours >
          greedy->totals.covered_hours + greedy->totals.backfilled_hours + 1e-6)
        more_hours++;
      g_test_message ("seed %u: greedy %.2f (%.2f h), optimal %.2f (%.2f h)", seed,
                      greedy->totals.value, greedy->totals.covered_hours, optimal->totals.value,
                      optimal->totals.covered_hours);
    }
  g_test_message ("optimal better on %u of %u instances, more hours on %u", better, N_RANDOM,
                  more_hours);
  /* The instances are varied enough for the greedy to miss sometimes. */
  g_assert_cmpuint (better, >, 0);
}

/* Greedy serves C first with the part-time E_A, who is the only one who could serve D. */
static void
test_beats_greedy (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) greedy = NULL;
  g_autoptr(EscReassignResult) optimal = NULL;
  g_autofree char *text = NULL;

  esc_reassign_input_add_request (input, "R1", "T1", "C", 5, 2, 0, NULL, NULL);
  esc_reassign_input_add_request (input, "R2", "T2", "D", 5, 1, 0, NULL, NULL);
  esc_reassign_input_add_employee (input, "EA", "C, D", FALSE, FALSE, 0, 0);
  esc_reassign_input_add_employee (input, "EB", "C", TRUE, FALSE, 0, 0);
  esc_reassign_input_add_assignment (input, "AA", "EA", "T3", "X", NULL, 5, 5, TRUE);
  esc_reassign_input_add_assignment (input, "AB", "EB", "T3", "X", NULL, 5, 5, TRUE);

  greedy = test_run (input, NULL, ESC_REASSIGN_GREEDY);
  g_assert_cmpuint (greedy->moves->len, ==, 1);
  g_assert_cmpstr (test_find_move (greedy, "AA", 0)->to_team, ==, "T1");
  g_assert_cmpfloat (greedy->totals.covered_hours, ==, 5);
  /* (100 + 4 part-time + 2 hours match) x 5. */
  g_assert_cmpfloat_with_epsilon (greedy->totals.value, 530, 1e-9);

  optimal = test_run (input, NULL, ESC_REASSIGN_OPTIMAL);
  g_assert_true (optimal->proven_optimal);
  g_assert_false (optimal->kept_greedy);
  g_assert_cmpuint (optimal->moves->len, ==, 2);
  g_assert_cmpstr (test_find_move (optimal, "AB", 0)->to_team, ==, "T1");
  g_assert_cmpstr (test_find_move (optimal, "AA", 0)->to_team, ==, "T2");
  g_assert_cmpfloat (optimal->totals.covered_hours, ==, 10);
  /* 102 x 5 + 106 x 5. */
  g_assert_cmpfloat_with_epsilon (optimal->totals.value, 1040, 1e-9);
  g_assert_cmpfloat_with_epsilon (optimal->greedy.value, 530, 1e-9);
  text = esc_reassign_result_describe (optimal);
  g_assert_nonnull (strstr (text, "Optimal covers 5 more hours"));
  g_assert_nonnull (strstr (text, "scores 510 more than greedy (530)"));
}

/* Two candidates tie; only the second leaves work a trainee can take over. */
static void
test_backfill_chosen_with_moves (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) greedy = NULL;
  g_autoptr(EscReassignResult) optimal = NULL;
  EscReassignMove *move;

  esc_reassign_input_add_request (input, "R1", "T1", "C", 4, 1, 0, NULL, NULL);
  esc_reassign_input_add_employee (input, "E1", "C", TRUE, FALSE, 0, 0);
  esc_reassign_input_add_employee (input, "E2", "C", TRUE, FALSE, 0, 0);
  esc_reassign_input_add_employee (input, "B1", "Y", TRUE, TRUE, test_day (2024, 1, 1), 4);
  esc_reassign_input_add_assignment (input, "A1", "E1", "T2", "X", NULL, 4, 4, TRUE);
  esc_reassign_input_add_assignment (input, "A2", "E2", "T2", "Y", NULL, 4, 4, TRUE);

  greedy = test_run (input, NULL, ESC_REASSIGN_GREEDY);
  g_assert_nonnull (test_find_move (greedy, "A1", 0));
  g_assert_cmpfloat (greedy->totals.backfilled_hours, ==, 0);
  g_assert_cmpfloat_with_epsilon (greedy->totals.value, 408, 1e-9);   /* 102 x 4 */

  optimal = test_run (input, NULL, ESC_REASSIGN_OPTIMAL);
  move = test_find_move (optimal, "A2", 0);
  g_assert_nonnull (move);
  g_assert_cmpfloat (move->backfilled_hours, ==, 4);
  g_assert_cmpstr (((EscReassignBackfill *) g_ptr_array_index (move->backfills, 0))->employee,
                   ==, "B1");
  g_assert_cmpfloat (test_find_option (move->backfill_options, "B1", NULL)->chosen_hours, ==, 4);
  /* B1 backfills 4 h with 4 spare: (100 + 2) x 4. */
  g_assert_cmpfloat_with_epsilon (optimal->totals.value, 408 + 408, 1e-9);
}

/* Where greedy is optimal, the model finds the same value and says it is optimal. */
static void
test_equal_when_greedy_is_optimal (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) optimal = NULL;

  esc_reassign_input_add_request (input, "R1", "T1", "C", 6, 1, 0, NULL, NULL);
  esc_reassign_input_add_employee (input, "E1", "C", FALSE, FALSE, 0, 0);
  esc_reassign_input_add_assignment (input, "A1", "E1", "T2", "X", NULL, 10, 10, TRUE);
  optimal = test_run (input, NULL, ESC_REASSIGN_OPTIMAL);

  g_assert_cmpfloat_with_epsilon (optimal->totals.value, optimal->greedy.value, 1e-9);
  g_assert_cmpfloat_with_epsilon (optimal->totals.value, 624, 1e-9);
  g_assert_true (optimal->proven_optimal || optimal->kept_greedy);
  /* The keep threshold holds in the model too: 6 of 10 move, 4 stay. */
  g_assert_cmpfloat (test_find_move (optimal, "A1", 0)->hours, ==, 6);
}

/* No candidates at all: nothing to solve, greedy's empty plan. */
static void
test_nothing_to_do (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) optimal = NULL;

  esc_reassign_input_add_request (input, "R1", "T1", "C", 6, 1, 0, NULL, NULL);
  optimal = test_run (input, NULL, ESC_REASSIGN_OPTIMAL);
  g_assert_cmpuint (optimal->moves->len, ==, 0);
  g_assert_true (optimal->proven_optimal);
  g_assert_cmpint (optimal->mode, ==, ESC_REASSIGN_OPTIMAL);
}

void
esc_test_add_optimal_tests (void)
{
  g_test_add_func ("/reassign/optimal/never-below-greedy", test_random);
  g_test_add_func ("/reassign/optimal/beats-greedy", test_beats_greedy);
  g_test_add_func ("/reassign/optimal/backfill-with-moves", test_backfill_chosen_with_moves);
  g_test_add_func ("/reassign/optimal/equal-when-greedy-optimal",
                   test_equal_when_greedy_is_optimal);
  g_test_add_func ("/reassign/optimal/nothing-to-do", test_nothing_to_do);
}
