/* test-staffing.c: the test executable of src/staffing (and of the plot renderer).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-test"

#include <locale.h>
#include <glib.h>

#include "test-staffing.h"

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  esc_test_add_erlang_tests ();
  esc_test_add_history_tests ();
  esc_test_add_forecast_tests ();
  esc_test_add_demand_tests ();
  esc_test_add_plot_tests ();

  return g_test_run ();
}
