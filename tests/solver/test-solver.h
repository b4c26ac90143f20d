/* test-solver.h: the test files of tests/solver, registered by test-solver.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

void esc_test_add_problem_tests (void);
void esc_test_add_checker_tests (void);
void esc_test_add_oracle_tests (void);
void esc_test_add_model_tests (void);
void esc_test_add_output_tests (void);
void esc_test_add_lns_tests (void);
void esc_test_add_local_search_tests (void);
