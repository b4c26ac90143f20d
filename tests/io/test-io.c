/* test-io.c: the test executable of src/io.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <glib.h>

#include "test-io.h"

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  esc_test_add_project_file_tests ();
  esc_test_add_xlsx_reader_tests ();
  esc_test_add_roster_json_tests ();
  esc_test_add_csv_tests ();
  esc_test_add_template_import_tests ();
  esc_test_add_template_export_tests ();

  return g_test_run ();
}
