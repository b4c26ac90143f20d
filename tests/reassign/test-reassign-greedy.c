/* test-reassign-greedy.c: hand-computed cases of the scoring terms, the priorities, the
 * candidate filters, the greedy allocation, the backfill and the history.
 *
 * Unless said otherwise: settings are the defaults (part-time +4, hours match +2 within
 * 0.5 h, team member +10, single member / risk resource -10, moved today -10, keep
 * threshold 2 h, covered hour 100 points), every employee is full-time, and candidate
 * assignments are workers eligible for a trainee.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-reassign"

#include <gio/gio.h>
#include <string.h>

#include "core/esc-row.h"
#include "test-reassign.h"

/* An assignment that may move: worker, eligible, hours_4w = hours_12w = @hours. */
static void
add_candidate (EscReassignInput *input,
               const char       *id,
               const char       *employee,
               const char       *team,
               const char       *category,
               double            hours)
{
  esc_reassign_input_add_assignment (input, id, employee, team, category, NULL, hours, hours,
                                     TRUE);
}

/* An assignment that only makes @employee a member of @team (not eligible). */
static void
add_membership (EscReassignInput *input,
                const char       *id,
                const char       *employee,
                const char       *team)
{
  esc_reassign_input_add_assignment (input, id, employee, team, "Y", NULL, 5, 5, FALSE);
}

static void
add_worker (EscReassignInput *input,
            const char       *id,
            const char       *skills)
{
  esc_reassign_input_add_employee (input, id, skills, TRUE, FALSE, 0, 0);
}

static void
add_request (EscReassignInput *input,
             const char       *id,
             const char       *team,
             const char       *category,
             double            hours,
             double            priority)
{
  esc_reassign_input_add_request (input, id, team, category, hours, priority, 0, NULL, NULL);
}

/* Scoring terms ----------------------------------------------------------------------- */

static void
test_score_part_time (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignGroup *group;
  EscReassignOption *option;

  add_request (input, "R1", "T1", "C", 6, 1);
  esc_reassign_input_add_employee (input, "E1", "C", FALSE, FALSE, 0, 0);  /* part-time */
  add_worker (input, "E2", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 10);
  add_candidate (input, "A2", "E2", "T2", "X", 10);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  group = g_ptr_array_index (result->groups, 0);
  g_assert_cmpuint (group->options->len, ==, 2);
  option = g_ptr_array_index (group->options, 0);
  g_assert_cmpstr (option->assignment, ==, "A1");
  g_assert_true (option->part_time);
  test_assert_score (&option->score, 4, 0, 0, 0, 0, 0);
  option = g_ptr_array_index (group->options, 1);
  test_assert_score (&option->score, 0, 0, 0, 0, 0, 0);

  /* 10 >= 6 + 2: six hours move, four stay. */
  g_assert_cmpuint (result->moves->len, ==, 1);
  test_assert_score (&test_find_move (result, "A1", 0)->score, 4, 0, 0, 0, 0, 0);
  /* (100 + 4) x 6. */
  g_assert_cmpfloat_with_epsilon (result->totals.value, 624, 1e-9);
  g_assert_cmpfloat_with_epsilon (result->totals.score, 24, 1e-9);
}

static void
test_score_hours_match (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignGroup *group;

  add_request (input, "R1", "T1", "C", 6, 2);
  /* Needs 5 x 1.3 = 6.5. */
  esc_reassign_input_add_request (input, "R2", "T3", "D", 5, 1, 0, "in_implementation", NULL);
  add_worker (input, "E1", "C");
  add_worker (input, "E2", "C");
  add_worker (input, "E3", "C");
  add_worker (input, "E4", "C");
  add_worker (input, "E5", "D");
  add_worker (input, "E6", "D");
  add_candidate (input, "A1", "E1", "T2", "X", 6.4);   /* 6 available: matches */
  add_candidate (input, "A2", "E2", "T2", "X", 6.9);   /* floor 6: matches */
  add_candidate (input, "A3", "E3", "T2", "X", 7);     /* 1 h off */
  add_candidate (input, "A4", "E4", "T2", "X", 5.5);   /* 5: 1 h off */
  add_candidate (input, "A5", "E5", "T2", "X", 7);     /* 0.5 h off 6.5: matches */
  add_candidate (input, "A6", "E6", "T2", "X", 8);     /* 1.5 h off */
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  group = test_find_group (result, "T1/C");
  g_assert_cmpfloat (group->needed_hours, ==, 6);
  test_assert_score (&test_find_option (group->options, "E1", "A1")->score, 0, 2, 0, 0, 0, 0);
  test_assert_score (&test_find_option (group->options, "E2", "A2")->score, 0, 2, 0, 0, 0, 0);
  test_assert_score (&test_find_option (group->options, "E3", "A3")->score, 0, 0, 0, 0, 0, 0);
  test_assert_score (&test_find_option (group->options, "E4", "A4")->score, 0, 0, 0, 0, 0, 0);
  g_assert_cmpfloat (test_find_option (group->options, "E1", "A1")->available, ==, 6);

  group = test_find_group (result, "T3/D");
  g_assert_cmpfloat_with_epsilon (group->needed_hours, 6.5, 1e-9);
  g_assert_cmpfloat (group->requested_hours, ==, 5);
  test_assert_score (&test_find_option (group->options, "E5", "A5")->score, 0, 2, 0, 0, 0, 0);
  test_assert_score (&test_find_option (group->options, "E6", "A6")->score, 0, 0, 0, 0, 0, 0);
}

static void
test_score_team_member (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignGroup *group;

  add_request (input, "R1", "T1", "C", 4, 1);
  add_worker (input, "E1", "C");
  add_worker (input, "E2", "Y");
  add_worker (input, "E3", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 10);
  add_membership (input, "M1", "E1", "T1");   /* E1 already works for T1 ... */
  add_membership (input, "M2", "E2", "T1");   /* ... and is not alone there */
  add_candidate (input, "A3", "E3", "T2", "X", 10);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  group = g_ptr_array_index (result->groups, 0);
  g_assert_cmpstr (((EscReassignOption *) g_ptr_array_index (group->options, 0))->assignment,
                   ==, "A1");
  test_assert_score (&test_find_option (group->options, "E1", "A1")->score, 0, 0, 10, 0, 0, 0);
  test_assert_score (&test_find_option (group->options, "E3", "A3")->score, 0, 0, 0, 0, 0, 0);
  g_assert_nonnull (test_find_move (result, "A1", 0));
  g_assert_null (test_find_move (result, "A3", 0));
}

static void
test_score_single_member (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignGroup *group;

  add_request (input, "R1", "T1", "C", 4, 1);
  add_worker (input, "E1", "C");
  add_worker (input, "E3", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 10);
  add_membership (input, "M1", "E1", "T1");   /* E1 is T1's only worker */
  add_candidate (input, "A3", "E3", "T2", "X", 10);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  group = g_ptr_array_index (result->groups, 0);
  test_assert_score (&test_find_option (group->options, "E1", "A1")->score, 0, 0, 0, -10, 0, 0);
  g_assert_cmpstr (((EscReassignOption *) g_ptr_array_index (group->options, 0))->assignment,
                   ==, "A3");
  g_assert_nonnull (test_find_move (result, "A3", 0));
  g_assert_null (test_find_move (result, "A1", 0));
}

static void
test_score_risk_resource (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignGroup *group;

  esc_reassign_input_add_request (input, "R1", "T1", "C", 4, 2, 0, NULL, "E1");
  esc_reassign_input_add_request (input, "R2", "T4", "D", 3, 1, 0, NULL, "E4");
  add_worker (input, "E1", "C");
  add_worker (input, "E2", "Y");
  add_worker (input, "E3", "C, D");
  add_worker (input, "E4", "D");
  add_candidate (input, "A1", "E1", "T2", "X", 10);
  add_membership (input, "M1", "E1", "T1");
  add_membership (input, "M2", "E2", "T1");
  add_candidate (input, "A3", "E3", "T2", "X", 10);
  /* E4 is T4's only worker and its risk resource: one penalty, the single member's. */
  add_candidate (input, "A4", "E4", "T5", "X", 10);
  add_membership (input, "M4", "E4", "T4");
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  group = test_find_group (result, "T1/C");
  g_assert_cmpstr (group->risk_resources[0], ==, "E1");
  test_assert_score (&test_find_option (group->options, "E1", "A1")->score, 0, 0, 0, 0, -10, 0);
  test_assert_score (&test_find_option (group->options, "E3", "A3")->score, 0, 0, 0, 0, 0, 0);
  g_assert_cmpstr (((EscReassignOption *) g_ptr_array_index (group->options, 0))->assignment,
                   ==, "A3");

  group = test_find_group (result, "T4/D");
  test_assert_score (&test_find_option (group->options, "E4", "A4")->score, 0, 0, 0, -10, 0, 0);
}

static void
test_score_moved_today (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignGroup *group;
  EscReassignMove *move;

  add_request (input, "R1", "T1", "C", 4, 2);
  add_request (input, "R2", "T3", "C", 3, 1);
  add_worker (input, "E1", "C");
  add_worker (input, "E2", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 10);
  add_candidate (input, "A2", "E2", "T2", "X", 10);
  esc_reassign_input_add_history (input, "OLD1", "E1", "T9", "T8", test_today (), 5);
  esc_reassign_input_add_history (input, "OLD2", "E2", "T9", "T8", test_today () - 1, 5);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  /* R1: E1 has a move dated today, E2 one dated yesterday. */
  group = test_find_group (result, "T1/C");
  test_assert_score (&test_find_option (group->options, "E1", "A1")->score, 0, 0, 0, 0, 0, -10);
  test_assert_score (&test_find_option (group->options, "E2", "A2")->score, 0, 0, 0, 0, 0, 0);
  move = test_find_move (result, "A2", 0);
  g_assert_cmpfloat (move->hours, ==, 4);
  g_assert_false (move->used_up);

  /* R2: E2 was moved earlier in this run; A2 has 6 h left. Both at -10, A1 first by id. */
  group = test_find_group (result, "T3/C");
  test_assert_score (&test_find_option (group->options, "E1", "A1")->score, 0, 0, 0, 0, 0, -10);
  test_assert_score (&test_find_option (group->options, "E2", "A2")->score, 0, 0, 0, 0, 0, -10);
  g_assert_cmpfloat (test_find_option (group->options, "E2", "A2")->available, ==, 6);
  move = test_find_move (result, "A1", 0);
  g_assert_cmpfloat (move->hours, ==, 3);

  /* Plan scores: E1's move carries the history's -10, E2's nothing. */
  test_assert_score (&test_find_move (result, "A2", 0)->score, 0, 0, 0, 0, 0, 0);
  test_assert_score (&test_find_move (result, "A1", 0)->score, 0, 0, 0, 0, 0, -10);
  /* 100 x 4 + 90 x 3. */
  g_assert_cmpfloat_with_epsilon (result->totals.value, 670, 1e-9);
}

/* Priorities and groups ------------------------------------------------------------------ */

static void
test_priority_composite (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscJulian today = test_today ();
  const char *order[] = { "Ta/C", "Tb/C", "Td/C", "Tc/C" };

  esc_reassign_input_add_request (input, "Ra", "Ta", "C", 1, 1, today - 10, NULL, NULL);
  esc_reassign_input_add_request (input, "Rb", "Tb", "C", 1, 1, today - 4, NULL, NULL);
  esc_reassign_input_add_request (input, "Rc", "Tc", "C", 1, 0, today, NULL, NULL);
  esc_reassign_input_add_request (input, "Rd", "Td", "C", 1, 1, 0, NULL, NULL);  /* age 0 */
  esc_reassign_input_add_request (input, "Re", "Te", "C", 1, 9, today - 50, "done", NULL);
  esc_reassign_input_add_request (input, "Rf", "Tf", "C", 1, 9, today - 50, "on_hold", NULL);
  esc_reassign_input_add_request (input, "Rg", "Tg", "C", 0, 9, today - 50, NULL, NULL);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  /* Open: ages 10, 4, 0, 0; (age - 0) / (10 - 0 + 2). */
  g_assert_cmpuint (result->groups->len, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (((EscReassignGroup *) g_ptr_array_index (result->groups, i))->key, ==,
                     order[i]);
  g_assert_cmpfloat_with_epsilon (test_find_group (result, "Ta/C")->composite, 1 + 10.0 / 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (test_find_group (result, "Tb/C")->composite, 1 + 4.0 / 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (test_find_group (result, "Tc/C")->composite, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (test_find_group (result, "Td/C")->composite, 1, 1e-9);
}

static void
test_priority_categories (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;

  add_request (input, "Rx", "T1", "B", 1, 5);
  add_request (input, "Ry", "T2", "A", 1, 1);
  add_request (input, "Rz", "T3", "B", 1, 0);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  /* Category B (composite 5) is served whole before A. */
  g_assert_cmpuint (result->categories->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (result->categories, 0), ==, "B");
  g_assert_cmpstr (g_ptr_array_index (result->categories, 1), ==, "A");
  g_assert_cmpstr (((EscReassignGroup *) g_ptr_array_index (result->groups, 0))->key, ==, "T1/B");
  g_assert_cmpstr (((EscReassignGroup *) g_ptr_array_index (result->groups, 1))->key, ==, "T3/B");
  g_assert_cmpstr (((EscReassignGroup *) g_ptr_array_index (result->groups, 2))->key, ==, "T2/A");
}

static void
test_grouping (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignGroup *group;

  esc_reassign_input_add_request (input, "R1", "T1", "Cashier", 5, 1, 0, "in_implementation",
                                  "E7");
  esc_reassign_input_add_request (input, "R2", "T1", "cashier", 4, 3, 0, "new", "E5, E7");
  esc_reassign_input_add_request (input, "R3", "T2", "cashier", 2, 0, 0, NULL, NULL);
  esc_reassign_input_add_request (input, "R4", "T5", "X", 10, 0, 0, "delayed", NULL);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  g_assert_cmpuint (result->groups->len, ==, 3);
  group = g_ptr_array_index (result->groups, 0);
  g_assert_cmpstr (group->key, ==, "T1/Cashier");
  g_assert_cmpuint (g_strv_length (group->request_ids), ==, 2);
  g_assert_cmpstr (group->request_ids[0], ==, "R1");
  g_assert_cmpstr (group->request_ids[1], ==, "R2");
  g_assert_cmpuint (g_strv_length (group->risk_resources), ==, 2);
  g_assert_cmpstr (group->risk_resources[0], ==, "E5");
  g_assert_cmpstr (group->risk_resources[1], ==, "E7");
  g_assert_cmpfloat (group->requested_hours, ==, 9);
  g_assert_cmpfloat_with_epsilon (group->needed_hours, 6.5 + 4, 1e-9);   /* 5 x 1.3 + 4 */
  g_assert_cmpfloat_with_epsilon (group->composite, 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (test_find_group (result, "T5/X")->needed_hours, 13, 1e-9);
  g_assert_cmpfloat_with_epsilon (test_find_group (result, "T2/cashier")->needed_hours, 2, 1e-9);
}

/* Candidates ----------------------------------------------------------------------------- */

static void
test_candidate_filters (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignSettings settings;
  EscReassignGroup *group;

  add_request (input, "R1", "T1", "C", 100, 1);
  add_worker (input, "E1", "C");
  add_worker (input, "E2", "D");
  add_worker (input, "E3", "C");
  esc_reassign_input_add_assignment (input, "Fqa", "E1", "T2", "X", "qa_reviewer", 10, 10, TRUE);
  esc_reassign_input_add_assignment (input, "Ftemp", "E1", "T2", "X", "temporary", 10, 10, TRUE);
  esc_reassign_input_add_assignment (input, "Fbackup", "E1", "T2", "X", "backup", 10, 10, TRUE);
  esc_reassign_input_add_assignment (input, "Fnoelig", "E1", "T2", "X", NULL, 10, 10, FALSE);
  esc_reassign_input_add_assignment (input, "Flow", "E1", "T2", "X", NULL, 1.5, 1.9, TRUE);
  esc_reassign_input_add_assignment (input, "F4w", "E1", "T2", "X", "worker", 2, 1.5, TRUE);
  esc_reassign_input_add_assignment (input, "Fzero", "E1", "T2", "X", NULL, 3, 0.5, TRUE);
  esc_reassign_input_add_assignment (input, "Fok", "E1", "T2", "x", NULL, 10, 10, TRUE);
  esc_reassign_input_add_assignment (input, "Fsame", "E1", "T1", "C", NULL, 10, 10, TRUE);
  esc_reassign_input_add_assignment (input, "Fcat", "E1", "T2", "Z", NULL, 10, 10, TRUE);
  esc_reassign_input_add_assignment (input, "Fnoskill", "E2", "T2", "X", NULL, 10, 10, TRUE);
  esc_reassign_input_add_assignment (input, "Fnobody", "E9", "T2", "X", NULL, 10, 10, TRUE);
  esc_reassign_input_add_assignment (input, "Fexcluded", "E3", "T2", "X", NULL, 10, 10, TRUE);
  esc_reassign_input_exclude_employee (input, "E3");

  esc_reassign_settings_init (&settings);
  g_assert_true (esc_reassign_settings_set (&settings, "reassign_capacity_categories", "X, y",
                                            NULL));
  result = test_run (input, &settings, ESC_REASSIGN_GREEDY);
  esc_reassign_settings_clear (&settings);

  group = g_ptr_array_index (result->groups, 0);
  g_assert_cmpuint (group->n_candidates, ==, 2);
  g_assert_nonnull (test_find_option (group->options, "E1", "Fok"));
  g_assert_nonnull (test_find_option (group->options, "E1", "F4w"));
  g_assert_cmpfloat (test_find_option (group->options, "E1", "F4w")->available, ==, 1);
  g_assert_cmpuint (result->notes->len, ==, 1);   /* E9 is nobody */
  g_assert_nonnull (strstr (g_ptr_array_index (result->notes, 0), "1 assignment"));
}

static void
test_ranking_ties (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignSettings settings;
  EscReassignGroup *group;
  const char *order[] = { "A1", "A2", "A3" };

  add_request (input, "R1", "T1", "C", 40, 1);
  esc_reassign_input_add_employee (input, "E1", "C", FALSE, FALSE, 0, 0);
  add_worker (input, "E2", "C");
  add_worker (input, "E3", "C");
  add_candidate (input, "A3", "E3", "T2", "X", 6);
  add_candidate (input, "A2", "E2", "T2", "X", 9);
  add_candidate (input, "A1", "E1", "T2", "X", 5);
  esc_reassign_settings_init (&settings);
  g_assert_true (esc_reassign_settings_set (&settings, "reassign_part_time_points", "0", NULL));
  result = test_run (input, &settings, ESC_REASSIGN_GREEDY);
  esc_reassign_settings_clear (&settings);

  /* All score 0: part-time first, then more hours over 12 weeks. */
  group = g_ptr_array_index (result->groups, 0);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      EscReassignOption *option = g_ptr_array_index (group->options, i);

      g_assert_cmpstr (option->assignment, ==, order[i]);
      g_assert_cmpuint (option->rank, ==, i + 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (((EscReassignMove *) g_ptr_array_index (result->moves, i))->assignment, ==,
                     order[i]);
}

/* Allocation branches --------------------------------------------------------------------- */

static void
test_greedy_covers_exactly (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignMove *move;

  add_request (input, "R1", "T1", "C", 6, 2);
  add_request (input, "R2", "T3", "C", 2, 1);
  add_worker (input, "E1", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 6);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  g_assert_cmpuint (result->moves->len, ==, 1);
  move = g_ptr_array_index (result->moves, 0);
  g_assert_cmpfloat (move->hours, ==, 6);
  g_assert_cmpfloat (move->covered_hours, ==, 6);
  g_assert_true (move->used_up);
  g_assert_cmpstr (move->to_team, ==, "T1");
  g_assert_cmpstr (move->from_team, ==, "T2");
  g_assert_cmpfloat (test_find_group (result, "T1/C")->covered_hours, ==, 6);
  /* The assignment is used up: nothing left for R2. */
  g_assert_cmpuint (test_find_group (result, "T3/C")->n_candidates, ==, 0);
  g_assert_cmpfloat (test_find_group (result, "T3/C")->covered_hours, ==, 0);
  g_assert_cmpfloat (result->totals.covered_hours, ==, 6);
  g_assert_cmpfloat (result->totals.needed_hours, ==, 8);
}

static void
test_greedy_keeps_rest (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignMove *move;

  add_request (input, "R1", "T1", "C", 6, 2);
  add_request (input, "R2", "T3", "C", 3, 1);
  add_worker (input, "E1", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 10);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  /* 10 >= 6 + 2: six hours move and four stay available ... */
  g_assert_cmpuint (result->moves->len, ==, 2);
  move = test_find_move (result, "A1", 0);
  g_assert_cmpfloat (move->hours, ==, 6);
  g_assert_cmpfloat (move->covered_hours, ==, 6);
  g_assert_false (move->used_up);
  /* ... for R2, which needs 3: 4 < 3 + 2, so the whole 4 move. */
  g_assert_cmpfloat (test_find_option (test_find_group (result, "T3/C")->options, "E1",
                                       "A1")->available, ==, 4);
  move = test_find_move (result, "A1", 1);
  g_assert_cmpfloat (move->hours, ==, 4);
  g_assert_cmpfloat (move->covered_hours, ==, 3);
  g_assert_true (move->used_up);
  g_assert_cmpstr (move->to_team, ==, "T3");
}

static void
test_greedy_keeps_threshold_exactly (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignMove *move;

  add_request (input, "R1", "T1", "C", 6, 1);
  add_worker (input, "E1", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 8);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  /* 8 >= 6 + 2 exactly: 6 move, 2 stay. */
  move = test_find_move (result, "A1", 0);
  g_assert_cmpfloat (move->hours, ==, 6);
  g_assert_false (move->used_up);
}

static void
test_greedy_whole_when_little_left (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignMove *move;

  add_request (input, "R1", "T1", "C", 6, 1);
  add_worker (input, "E1", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 7.9);   /* floor: 7 */
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  /* 6 < 7 < 6 + 2: the whole 7 move, 6 of them cover the request. */
  move = test_find_move (result, "A1", 0);
  g_assert_cmpfloat (move->hours, ==, 7);
  g_assert_cmpfloat (move->covered_hours, ==, 6);
  g_assert_true (move->used_up);
  g_assert_cmpfloat (result->totals.moved_hours, ==, 7);
  g_assert_cmpfloat (result->totals.covered_hours, ==, 6);
}

static void
test_greedy_partial_coverage (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignMove *move;

  add_request (input, "R1", "T1", "C", 10, 1);
  esc_reassign_input_add_employee (input, "E1", "C", FALSE, FALSE, 0, 0);  /* part-time */
  add_worker (input, "E2", "C");
  add_worker (input, "E3", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 4);
  add_candidate (input, "A2", "E2", "T2", "X", 3);
  add_candidate (input, "A3", "E3", "T2", "X", 5);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  /* A1 (4 points) whole 4, A3 (more hours) whole 5, then A2: 3 >= 1 + 2, so 1 h moves. */
  g_assert_cmpuint (result->moves->len, ==, 3);
  move = g_ptr_array_index (result->moves, 0);
  g_assert_cmpstr (move->assignment, ==, "A1");
  g_assert_cmpfloat (move->hours, ==, 4);
  g_assert_true (move->used_up);
  move = g_ptr_array_index (result->moves, 1);
  g_assert_cmpstr (move->assignment, ==, "A3");
  g_assert_cmpfloat (move->hours, ==, 5);
  g_assert_true (move->used_up);
  move = g_ptr_array_index (result->moves, 2);
  g_assert_cmpstr (move->assignment, ==, "A2");
  g_assert_cmpfloat (move->hours, ==, 1);
  g_assert_cmpfloat (move->covered_hours, ==, 1);
  g_assert_false (move->used_up);
  g_assert_cmpfloat (result->totals.covered_hours, ==, 10);
  /* 104 x 4 + 100 x 5 + 100 x 1. */
  g_assert_cmpfloat_with_epsilon (result->totals.value, 1016, 1e-9);
  g_assert_cmpfloat (test_find_option (test_find_group (result, "T1/C")->options, "E2",
                                       "A2")->chosen_hours, ==, 1);
}

static void
test_greedy_uncovered (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  g_autofree char *text = NULL;

  add_request (input, "R1", "T1", "C", 10, 1);
  add_worker (input, "E1", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 4);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  g_assert_cmpfloat (test_find_group (result, "T1/C")->covered_hours, ==, 4);
  g_assert_cmpfloat (result->totals.needed_hours, ==, 10);
  text = esc_reassign_result_describe (result);
  g_assert_nonnull (strstr (text, "Covered 4 of 10 hours with 1 move"));
}

/* Backfill ------------------------------------------------------------------------------- */

static void
test_backfill_trainees_first (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  const char *order[] = { "B3", "B2", "B6", "B1" };
  const double taken[] = { 5, 1, 0, 0 };
  EscReassignMove *move;

  add_request (input, "R1", "T1", "C", 6, 1);
  add_worker (input, "E1", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 6);
  esc_reassign_input_add_employee (input, "B1", "X", TRUE, FALSE, test_day (2020, 1, 1), 10);
  esc_reassign_input_add_employee (input, "B2", "X", TRUE, TRUE, test_day (2025, 1, 1), 3);
  esc_reassign_input_add_employee (input, "B3", "X", TRUE, TRUE, test_day (2024, 6, 1), 5);
  esc_reassign_input_add_employee (input, "B4", "X", TRUE, TRUE, test_day (2020, 1, 1), 0.5);
  esc_reassign_input_add_employee (input, "B5", "Z", TRUE, TRUE, test_day (2020, 1, 1), 8);
  esc_reassign_input_add_employee (input, "B6", "X", TRUE, TRUE, 0, 4);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  move = test_find_move (result, "A1", 0);
  g_assert_cmpuint (move->backfill_options->len, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      EscReassignOption *option = g_ptr_array_index (move->backfill_options, i);

      g_assert_cmpstr (option->employee, ==, order[i]);
      g_assert_cmpfloat (option->chosen_hours, ==, taken[i]);
      g_assert_null (option->assignment);
      test_assert_score (&option->score, 0, 0, 0, 0, 0, 0);
    }
  g_assert_cmpuint (move->backfills->len, ==, 2);
  g_assert_cmpstr (((EscReassignBackfill *) g_ptr_array_index (move->backfills, 0))->employee,
                   ==, "B3");
  g_assert_cmpfloat (((EscReassignBackfill *) g_ptr_array_index (move->backfills, 0))->hours,
                     ==, 5);
  g_assert_cmpfloat (((EscReassignBackfill *) g_ptr_array_index (move->backfills, 1))->hours,
                     ==, 1);
  g_assert_cmpfloat (move->backfilled_hours, ==, 6);
  /* (100 + 2: 6 available for 6 needed) x 6 covered + 100 x 6 backfilled. */
  g_assert_cmpfloat_with_epsilon (result->totals.value, 1212, 1e-9);
  g_assert_cmpfloat (result->totals.backfilled_hours, ==, 6);
}

static void
test_backfill_capacity_subtracted (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignMove *move;

  add_request (input, "R1", "T1", "C", 4, 2);
  add_request (input, "R2", "T3", "C", 4, 1);
  add_worker (input, "E1", "C");
  add_worker (input, "E2", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 4);
  add_candidate (input, "A2", "E2", "T2", "X", 4);
  esc_reassign_input_add_employee (input, "B1", "X", TRUE, TRUE, test_day (2024, 1, 1), 5);
  esc_reassign_input_add_employee (input, "B2", "X", TRUE, FALSE, test_day (2020, 1, 1), 6);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  move = test_find_move (result, "A1", 0);
  g_assert_cmpstr (move->to_team, ==, "T1");
  g_assert_cmpuint (move->backfills->len, ==, 1);
  g_assert_cmpfloat (((EscReassignBackfill *) g_ptr_array_index (move->backfills, 0))->hours,
                     ==, 4);
  /* B1 has 1 h left (> 0.5): still first, then B2 gives the other 3. */
  move = test_find_move (result, "A2", 0);
  g_assert_cmpuint (move->backfills->len, ==, 2);
  g_assert_cmpstr (((EscReassignBackfill *) g_ptr_array_index (move->backfills, 0))->employee,
                   ==, "B1");
  g_assert_cmpfloat (((EscReassignBackfill *) g_ptr_array_index (move->backfills, 0))->hours,
                     ==, 1);
  g_assert_cmpstr (((EscReassignBackfill *) g_ptr_array_index (move->backfills, 1))->employee,
                   ==, "B2");
  g_assert_cmpfloat (((EscReassignBackfill *) g_ptr_array_index (move->backfills, 1))->hours,
                     ==, 3);
  g_assert_cmpfloat (test_find_option (move->backfill_options, "B1", NULL)->available, ==, 1);
}

static void
test_backfill_max_tries (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignSettings settings;
  EscReassignMove *move;

  add_request (input, "R1", "T1", "C", 6, 1);
  add_worker (input, "E1", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 6);
  esc_reassign_input_add_employee (input, "B1", "X", TRUE, TRUE, test_day (2024, 1, 1), 1);
  esc_reassign_input_add_employee (input, "B2", "X", TRUE, TRUE, test_day (2024, 1, 2), 1);
  esc_reassign_input_add_employee (input, "B3", "X", TRUE, TRUE, test_day (2024, 1, 3), 1);
  esc_reassign_settings_init (&settings);
  g_assert_true (esc_reassign_settings_set (&settings, "reassign_backfill_max_tries", "2", NULL));
  result = test_run (input, &settings, ESC_REASSIGN_GREEDY);
  esc_reassign_settings_clear (&settings);

  move = test_find_move (result, "A1", 0);
  g_assert_cmpuint (move->backfills->len, ==, 2);
  g_assert_cmpfloat (move->backfilled_hours, ==, 2);
  g_assert_cmpuint (move->backfill_options->len, ==, 3);
  g_assert_cmpfloat (test_find_option (move->backfill_options, "B3", NULL)->chosen_hours, ==, 0);
}

static void
test_backfill_excluded_and_self (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignMove *move;

  add_request (input, "R1", "T1", "C", 6, 1);
  esc_reassign_input_add_employee (input, "E1", "C, X", TRUE, FALSE, 0, 5);  /* the mover */
  add_candidate (input, "A1", "E1", "T2", "X", 6);
  esc_reassign_input_add_employee (input, "B9", "X", TRUE, TRUE, test_day (2020, 1, 1), 8);
  esc_reassign_input_add_employee (input, "B1", "X", TRUE, TRUE, test_day (2024, 1, 1), 2);
  esc_reassign_input_exclude_employee (input, "B9");
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  move = test_find_move (result, "A1", 0);
  g_assert_cmpuint (move->backfill_options->len, ==, 1);
  g_assert_cmpuint (move->backfills->len, ==, 1);
  g_assert_cmpstr (((EscReassignBackfill *) g_ptr_array_index (move->backfills, 0))->employee,
                   ==, "B1");
  g_assert_cmpfloat (move->backfilled_hours, ==, 2);
}

static void
test_backfill_team_terms (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignMove *move;

  add_request (input, "R1", "T1", "C", 6, 1);
  add_worker (input, "E1", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 6);
  /* B1: part-time member of T2 (the team left behind) with exactly 6 spare hours. */
  esc_reassign_input_add_employee (input, "B1", "X", FALSE, FALSE, test_day (2024, 1, 1), 6);
  add_membership (input, "M1", "B1", "T2");
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  move = test_find_move (result, "A1", 0);
  test_assert_score (&test_find_option (move->backfill_options, "B1", NULL)->score,
                     4, 2, 10, 0, 0, 0);
  test_assert_score (&((EscReassignBackfill *) g_ptr_array_index (move->backfills, 0))->score,
                     4, 2, 10, 0, 0, 0);
  /* 102 x 6 + 116 x 6. */
  g_assert_cmpfloat_with_epsilon (result->totals.value, 1308, 1e-9);
}

/* History and exclusions ------------------------------------------------------------------- */

static void
test_history_assignment_moved_before (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;

  add_request (input, "R1", "T1", "C", 4, 1);
  add_worker (input, "E1", "C");
  add_worker (input, "E2", "C");
  esc_reassign_input_add_employee (input, "E0", "C", FALSE, FALSE, 0, 0);
  add_candidate (input, "A0", "E0", "T2", "X", 10);   /* best, but moved last month */
  add_candidate (input, "A1", "E1", "T2", "X", 10);
  esc_reassign_input_add_history (input, "A0", "E0", "T2", "T7", test_today () - 30, 4);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  g_assert_null (test_find_option (test_find_group (result, "T1/C")->options, "E0", NULL));
  g_assert_nonnull (test_find_move (result, "A1", 0));
  g_assert_null (test_find_move (result, "A0", 0));
}

static void
test_history_no_double_booking (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignGroup *group;

  add_request (input, "R1", "T1", "C", 6, 2);
  add_request (input, "R2", "T3", "C", 6, 1);
  add_worker (input, "E1", "C");
  add_worker (input, "E2", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 6);
  add_candidate (input, "A2", "E2", "T2", "X", 3);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  g_assert_cmpstr (test_find_move (result, "A1", 0)->to_team, ==, "T1");
  g_assert_null (test_find_move (result, "A1", 1));
  group = test_find_group (result, "T3/C");
  g_assert_null (test_find_option (group->options, "E1", "A1"));
  g_assert_cmpfloat (group->covered_hours, ==, 3);
}

static void
test_history_other_assignment (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  EscReassignGroup *group;
  EscReassignMove *move;

  add_request (input, "R1", "T1", "C", 6, 2);
  add_request (input, "R2", "T3", "C", 6, 1);
  add_worker (input, "E1", "C");
  add_worker (input, "E2", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 6);
  add_candidate (input, "A1b", "E1", "T4", "Y", 6);
  add_candidate (input, "A2", "E2", "T2", "X", 4);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  g_assert_cmpfloat (test_find_move (result, "A1", 0)->hours, ==, 6);
  /* R2: E1 was moved earlier in the run. */
  group = test_find_group (result, "T3/C");
  test_assert_score (&test_find_option (group->options, "E1", "A1b")->score, 0, 2, 0, 0, 0, -10);
  g_assert_cmpstr (((EscReassignOption *) g_ptr_array_index (group->options, 0))->assignment,
                   ==, "A2");
  move = test_find_move (result, "A1b", 0);
  g_assert_cmpfloat (move->hours, ==, 2);   /* 6 >= 2 + 2 */
  g_assert_false (move->used_up);
  /* In the plan's value "moved today" is the history's only; both have 6 h for 6. */
  test_assert_score (&test_find_move (result, "A1", 0)->score, 0, 2, 0, 0, 0, 0);
  test_assert_score (&move->score, 0, 2, 0, 0, 0, 0);
}

static void
test_exclusions (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;

  add_request (input, "R1", "T1", "C", 4, 1);
  add_request (input, "R2", "T3", "C", 4, 9);
  esc_reassign_input_exclude_request (input, "R2");
  esc_reassign_input_add_employee (input, "E1", "C", FALSE, FALSE, 0, 0);
  add_worker (input, "E2", "C");
  add_candidate (input, "A1", "E1", "T2", "X", 10);
  add_candidate (input, "A2", "E2", "T2", "X", 10);
  esc_reassign_input_exclude_employee (input, "E1");
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  g_assert_cmpuint (result->groups->len, ==, 1);
  g_assert_null (test_find_group (result, "T3/C"));
  g_assert_null (test_find_option (test_find_group (result, "T1/C")->options, "E1", NULL));
  g_assert_nonnull (test_find_move (result, "A2", 0));
}

/* Input from a project, acceptance, running ------------------------------------------------ */

static EscProject *
new_project (void)
{
  EscProject *project = esc_project_new ();

  test_add_row (project, ESC_TABLE_REQUEST, "id", "R1", "team", "T1", "category", "C",
                "hours", "6", "priority", "2", "created", "2026-02-20", "stage", "new", NULL);
  test_add_row (project, ESC_TABLE_REQUEST, "id", "R2", "team", "T3", "category", "C",
                "hours", "4", "priority", "1", "stage", "", NULL);
  test_add_row (project, ESC_TABLE_REQUEST, "id", "R3", "team", "T4", "category", "C",
                "hours", "4", "priority", "9", NULL);
  test_add_row (project, ESC_TABLE_EMPLOYEE, "id", "E1", "skills", "C", "full_time", "no", NULL);
  test_add_row (project, ESC_TABLE_EMPLOYEE, "id", "E2", "skills", "C, X", NULL);
  test_add_row (project, ESC_TABLE_EMPLOYEE, "id", "B1", "skills", "X", "trainee", "yes",
                "start_date", "01/06/2024", "spare_capacity", "07:30", NULL);
  test_add_row (project, ESC_TABLE_ASSIGNMENT, "id", "A1", "employee", "E1", "team", "T2",
                "category", "X", "position", "worker", "hours_4w", "6", "hours_12w", "6,5",
                "eligible_for_trainee", "yes", NULL);
  test_add_row (project, ESC_TABLE_ASSIGNMENT, "id", "A2", "employee", "E2", "team", "T2",
                "category", "X", "hours_4w", "8", "hours_12w", "8",
                "eligible_for_trainee", "sim", NULL);
  test_add_row (project, ESC_TABLE_EXCLUSION, "kind", "request", "ref", "R3", NULL);
  return project;
}

static void
test_input_from_project (void)
{
  g_autoptr(EscProject) project = new_project ();
  g_autoptr(EscReassignInput) input = NULL;
  g_autoptr(EscReassignResult) result = NULL;
  g_autoptr(GError) error = NULL;
  EscReassignMove *move;

  input = esc_reassign_input_new_from_project (project, test_today (), &error);
  g_assert_no_error (error);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);

  g_assert_cmpuint (result->groups->len, ==, 2);   /* R3 excluded */
  /* R1: A1 (part-time, 6 available: +4 +2) covers exactly; B1 backfills 6 of 7.5. */
  move = test_find_move (result, "A1", 0);
  g_assert_cmpstr (move->to_team, ==, "T1");
  g_assert_cmpfloat (move->hours, ==, 6);
  test_assert_score (&move->score, 4, 2, 0, 0, 0, 0);
  g_assert_cmpfloat (move->backfilled_hours, ==, 6);
  /* R2: A2 (8 >= 4 + 2): 4 move; B1 has 1.5 h left, E2 moved cannot backfill itself. */
  move = test_find_move (result, "A2", 0);
  g_assert_cmpfloat (move->hours, ==, 4);
  g_assert_cmpfloat (move->backfilled_hours, ==, 1.5);
  g_assert_cmpuint (result->capacities->len, ==, 3);
}

static void
test_input_bad_cell (void)
{
  g_autoptr(EscProject) project = new_project ();
  g_autoptr(EscReassignInput) input = NULL;
  g_autoptr(GError) error = NULL;

  esc_row_set (esc_table_get_row (esc_project_get_table (project, ESC_TABLE_REQUEST), 1),
               ESC_REQUEST_HOURS, "lots");
  input = esc_reassign_input_new_from_project (project, test_today (), &error);
  g_assert_null (input);
  g_assert_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "Requests row 2, Hours"));
  g_assert_nonnull (strstr (error->message, "lots"));
}

static void
test_accept (void)
{
  g_autoptr(EscProject) project = new_project ();
  g_autoptr(EscReassignInput) input = NULL;
  g_autoptr(EscReassignInput) again = NULL;
  g_autoptr(EscReassignResult) result = NULL;
  g_autoptr(EscReassignResult) second = NULL;
  g_autoptr(EscCommand) command = NULL;
  EscTable *moves = esc_project_get_table (project, ESC_TABLE_MOVE);
  EscRow *row;

  input = esc_reassign_input_new_from_project (project, test_today (), NULL);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);
  command = esc_reassign_result_accept (result, project);
  g_assert_nonnull (command);
  g_assert_cmpstr (esc_command_get_label (command), ==, "Accept 2 moves");
  esc_project_execute (project, command);

  g_assert_cmpuint (esc_table_get_n_rows (moves), ==, 2);
  row = esc_table_get_row (moves, 0);
  g_assert_cmpstr (esc_row_get (row, ESC_MOVE_ASSIGNMENT), ==, "A1");
  g_assert_cmpstr (esc_row_get (row, ESC_MOVE_EMPLOYEE), ==, "E1");
  g_assert_cmpstr (esc_row_get (row, ESC_MOVE_OLD_TEAM), ==, "T2");
  g_assert_cmpstr (esc_row_get (row, ESC_MOVE_NEW_TEAM), ==, "T1");
  g_assert_cmpstr (esc_row_get (row, ESC_MOVE_DATE), ==, "2026-03-02");
  g_assert_cmpstr (esc_row_get (row, ESC_MOVE_HOURS), ==, "6");

  /* The next run of the day: both assignments are in the history. */
  again = esc_reassign_input_new_from_project (project, test_today (), NULL);
  second = test_run (again, NULL, ESC_REASSIGN_GREEDY);
  g_assert_cmpuint (second->moves->len, ==, 0);

  g_assert_true (esc_project_undo (project));
  g_assert_cmpuint (esc_table_get_n_rows (moves), ==, 0);
}

static void
run_finished_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (res);
}

static void
test_run_async (void)
{
  g_autoptr(EscProject) project = new_project ();
  g_autoptr(EscReassignInput) input = esc_reassign_input_new_from_project (project, test_today (),
                                                                           NULL);
  g_autoptr(GAsyncResult) res = NULL;
  g_autoptr(EscReassignResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  EscReassignSettings settings;

  esc_reassign_settings_init (&settings);
  esc_reassign_run_async (input, &settings, ESC_REASSIGN_OPTIMAL, NULL, run_finished_cb, &res);
  while (res == NULL)
    g_main_context_iteration (NULL, TRUE);
  result = esc_reassign_run_finish (res, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->mode, ==, ESC_REASSIGN_OPTIMAL);
  g_assert_true (result->has_greedy);
  g_clear_object (&res);

  g_cancellable_cancel (cancellable);
  esc_reassign_run_async (input, &settings, ESC_REASSIGN_GREEDY, cancellable, run_finished_cb,
                          &res);
  esc_reassign_settings_clear (&settings);
  while (res == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (esc_reassign_run_finish (res, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

void
esc_test_add_greedy_tests (void)
{
  g_test_add_func ("/reassign/score/part-time", test_score_part_time);
  g_test_add_func ("/reassign/score/hours-match", test_score_hours_match);
  g_test_add_func ("/reassign/score/team-member", test_score_team_member);
  g_test_add_func ("/reassign/score/single-member", test_score_single_member);
  g_test_add_func ("/reassign/score/risk-resource", test_score_risk_resource);
  g_test_add_func ("/reassign/score/moved-today", test_score_moved_today);
  g_test_add_func ("/reassign/priority/composite", test_priority_composite);
  g_test_add_func ("/reassign/priority/categories", test_priority_categories);
  g_test_add_func ("/reassign/priority/grouping", test_grouping);
  g_test_add_func ("/reassign/candidates/filters", test_candidate_filters);
  g_test_add_func ("/reassign/candidates/ranking-ties", test_ranking_ties);
  g_test_add_func ("/reassign/greedy/covers-exactly", test_greedy_covers_exactly);
  g_test_add_func ("/reassign/greedy/keeps-rest", test_greedy_keeps_rest);
  g_test_add_func ("/reassign/greedy/keeps-threshold-exactly", test_greedy_keeps_threshold_exactly);
  g_test_add_func ("/reassign/greedy/whole-when-little-left", test_greedy_whole_when_little_left);
  g_test_add_func ("/reassign/greedy/partial-coverage", test_greedy_partial_coverage);
  g_test_add_func ("/reassign/greedy/uncovered", test_greedy_uncovered);
  g_test_add_func ("/reassign/backfill/trainees-first", test_backfill_trainees_first);
  g_test_add_func ("/reassign/backfill/capacity-subtracted", test_backfill_capacity_subtracted);
  g_test_add_func ("/reassign/backfill/max-tries", test_backfill_max_tries);
  g_test_add_func ("/reassign/backfill/excluded-and-self", test_backfill_excluded_and_self);
  g_test_add_func ("/reassign/backfill/team-terms", test_backfill_team_terms);
  g_test_add_func ("/reassign/history/moved-before", test_history_assignment_moved_before);
  g_test_add_func ("/reassign/history/no-double-booking", test_history_no_double_booking);
  g_test_add_func ("/reassign/history/other-assignment", test_history_other_assignment);
  g_test_add_func ("/reassign/exclusions", test_exclusions);
  g_test_add_func ("/reassign/input/from-project", test_input_from_project);
  g_test_add_func ("/reassign/input/bad-cell", test_input_bad_cell);
  g_test_add_func ("/reassign/accept", test_accept);
  g_test_add_func ("/reassign/run/async", test_run_async);
}
