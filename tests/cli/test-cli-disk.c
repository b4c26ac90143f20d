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

typedef struct
{
  int status;    /* exit status, -1 when killed by a signal */
  char *out;
  char *err;
} Run;

static void
clear_run (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, clear_run)

static const char *
sample_path (void)
{
  static char *path = NULL;

  if (path == NULL)
    {
      const char *dir = g_getenv ("ESC_SAMPLES_DIR");

      path = g_build_filename (dir != NULL ? dir : ESC_SAMPLES_DIR, "loja-centro.escala", NULL);
    }
  return path;
}

/* Runs escala-cli with the NULL-terminated arguments, in the C locale. */
static void
run_cli (Run *run, ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) ESC_CLI_PATH);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;

  g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", run->status, run->out, run->err);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("escala-cli-disk-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_chmod (path, 0755);
  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static char *
copy_sample (const char *dir)
{
  char *path = g_build_filename (dir, "p.escala", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (sample_path (), &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);
  return path;
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
      g_auto(Run) run = { 0 };
      g_autofree char *name = g_path_get_basename (outputs[i][1]);
      g_autofree char *output = g_strconcat ("--output=", outputs[i][1], NULL);

      if (g_str_equal (outputs[i][0], "--blank"))
        run_cli (&run, "export", outputs[i][0], output, NULL);
      else
        run_cli (&run, "export", sample_path (), outputs[i][0], output, NULL);
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
  g_auto(Run) run = { 0 };
  g_autofree char *results = g_build_filename (dir, "results", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  run_cli (&run, "solve", path, "--save", "--time-limit=2", "--quiet", "-o", results, NULL);
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
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = copy_sample (dir);
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *inside = g_build_filename (backup, "keep", NULL);

  /* The backup cannot be kept: a folder that is not empty has its name. */
  g_assert_cmpint (g_mkdir (backup, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "", 0, NULL));
  assert_save_refused (dir, path, "backup");
  g_assert_true (g_file_test (inside, G_FILE_TEST_EXISTS));
  remove_tree (backup);

  /* A read-only project file (root may write anyway). */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      assert_save_refused (dir, path, "not allowed to write there");
    }

  remove_tree (dir);
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
