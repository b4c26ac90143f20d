/* test-core.c: the test executable of src/core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <glib.h>

#include "test-core.h"

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  esc_test_add_parse_tests ();
  esc_test_add_calendar_tests ();
  esc_test_add_table_tests ();
  esc_test_add_table_changes_tests ();
  esc_test_add_undo_tests ();
  esc_test_add_validate_tests ();
  esc_test_add_audit_tests ();
  esc_test_add_versions_tests ();
  esc_test_add_display_tests ();
  esc_test_add_file_tests ();

  return g_test_run ();
}
