/* test-reassign.h: helpers shared by the tests of src/reassign.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/esc-parse.h"
#include "core/esc-project.h"
#include "core/esc-table.h"
#include "reassign/esc-reassign.h"

/* The day every test runs on: 2026-03-02 (a Monday). */
EscJulian          test_today         (void);
EscJulian          test_day           (int year, int month, int day);

/* Runs @mode on @input with @settings (NULL: the defaults); asserts success. */
EscReassignResult *test_run           (EscReassignInput          *input,
                                       const EscReassignSettings *settings,
                                       EscReassignMode            mode);

/* The @n-th move (0-based) of @assignment in @result, or NULL. */
EscReassignMove   *test_find_move     (EscReassignResult *result,
                                       const char        *assignment,
                                       guint              n);
/* The option of @employee (and @assignment when not NULL) in @options, or NULL. */
EscReassignOption *test_find_option   (GPtrArray  *options,
                                       const char *employee,
                                       const char *assignment);
/* The group with @key ("team/category"), or NULL. */
EscReassignGroup  *test_find_group    (EscReassignResult *result,
                                       const char        *key);

/* Asserts the breakdown of @score term by term (in EscReassignTerm order). */
void               test_assert_score  (const EscReassignScore *score,
                                       double part_time, double hours_match,
                                       double team_member, double single_member,
                                       double risk_resource, double moved_today);

/* Checks that @result's plan keeps every rule of a plan (capacities, needs, backfill at
 * most what moved, keep threshold) and that its totals add up. */
void               test_assert_plan_valid (EscReassignInput  *input,
                                           EscReassignResult *result);

/* Appends a row to @table of @project from (column key, value) pairs, NULL-ended. */
EscRow            *test_add_row       (EscProject *project,
                                       EscTableId  table,
                                       ...) G_GNUC_NULL_TERMINATED;

char              *test_make_temp_dir (void);
void               test_remove_tree   (const char *path);

void esc_test_add_settings_tests (void);
void esc_test_add_greedy_tests   (void);
void esc_test_add_optimal_tests  (void);
void esc_test_add_io_tests       (void);
