/* test-chart.c: the test executable of src/chart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-chart"

#include <locale.h>
#include <glib.h>

#include "test-chart.h"

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  esc_test_add_gantt_model_tests ();
  esc_test_add_gantt_render_tests ();
  esc_test_add_gantt_export_tests ();

  return g_test_run ();
}
