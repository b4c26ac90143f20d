/* test-cli-disk.c: escala-cli when the file cannot be written: a message and a non-zero
 * exit status, never a crash, and the project file as it was.
 *
 * Root writes where permissions say no, so the unwritable places are ones nobody may
 * write: a folder under /proc, and for `solve --save` a project whose backup name is
 * taken by a folder (the save cannot keep the backup, so it must not replace the file);
 * when not root, a read-only project file too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-cli"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "esc-test-cli.h"

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

/* Every kind of export to a folder nobody may write. */
static void
test_export_unwritable (void)
{
  static const char *outputs[][2] = {
    { "--table=employee", "/proc/escala-test/employees.csv" },
    { "--template", "/proc/escala-test/template.xlsx" },
    { "--blank", "/proc/escala-test/blank.xlsx" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_auto(EscTestRun) run = { 0 };
      g_autofree char *name = g_path_get_basename (outputs[i][1]);
      g_autofree char *output = g_strconcat ("--output=", outputs[i][1], NULL);

      if (g_str_equal (outputs[i][0], "--blank"))
        esc_test_run_cli (&run, "export", outputs[i][0], output, NULL);
      else
        esc_test_run_cli (&run, "export", esc_test_sample_path (), outputs[i][0], output, NULL);
      g_assert_cmpint (run.status, ==, 2);   /* not killed, not a success */
      assert_contains (run.err, name);
      g_assert_false (g_file_test (outputs[i][1], G_FILE_TEST_EXISTS));
    }
}

static void
assert_save_refused (const char *dir,
                     const char *path,
                     const char *reason)
{
  g_auto(EscTestRun) run = { 0 };
  g_autofree char *results = g_build_filename (dir, "results", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  esc_test_run_cli (&run, "solve", path, "--save", "--time-limit=2", "--quiet", "-o", results,
                    NULL);
  g_assert_cmpint (run.status, ==, 2);   /* documented: a file cannot be written */
  assert_contains (run.err, "Could not save");
  assert_contains (run.err, "p.escala");
  assert_contains (run.err, reason);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_true (g_str_equal (before, after));
}

static void
test_solve_save_refused (void)
{
  g_autofree char *dir = esc_test_make_temp_dir ("escala-cli-disk-XXXXXX");
  g_autofree char *path = esc_test_copy_sample (dir, "p.escala");
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *inside = g_build_filename (backup, "keep", NULL);

  /* The backup cannot be kept: a folder that is not empty has its name. */
  g_assert_cmpint (g_mkdir (backup, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "", 0, NULL));
  assert_save_refused (dir, path, "backup");
  g_assert_true (g_file_test (inside, G_FILE_TEST_EXISTS));
  esc_test_remove_tree (backup);

  /* A read-only project file (root may write anyway). */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      assert_save_refused (dir, path, "not allowed to write there");
    }

  esc_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/disk/export-unwritable", test_export_unwritable);
  g_test_add_func ("/cli/disk/solve-save-refused", test_solve_save_refused);

  return g_test_run ();
}
