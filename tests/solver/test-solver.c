/* test-solver.c: the test executable of src/solver.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <locale.h>
#include <glib.h>

#include "test-solver.h"

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  esc_test_add_problem_tests ();
  esc_test_add_checker_tests ();
  esc_test_add_oracle_tests ();
  esc_test_add_model_tests ();
  esc_test_add_output_tests ();
  esc_test_add_lns_tests ();
  esc_test_add_local_search_tests ();

  return g_test_run ();
}
