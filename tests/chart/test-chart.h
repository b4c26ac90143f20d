/* test-chart.h: the test cases of src/chart, one function per file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

void esc_test_add_gantt_model_tests (void);
void esc_test_add_gantt_render_tests (void);
void esc_test_add_gantt_export_tests (void);
