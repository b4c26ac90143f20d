/* test-bad-inputs.c: every hostile file of tests/data/bad/ through its loader.
 *
 * tests/data/bad/MANIFEST.tsv lists each file with its loader (xlsx: the streaming reader,
 * every sheet read; template: the workbook importer; project: the .escala loader, then
 * esc_validate_project() when it loads; roster: the classic roster JSON; csv: the CSV
 * reader) and a substring that the error must contain. A project that loads must have
 * an error diagnostic that contains it instead. The expected text "(loads)" marks the few
 * inputs that are odd but fine (a lenient reader may accept them): they must load. Each
 * case asserts that the loader
 * - does not crash (the test would die),
 * - does not hang: a watchdog aborts a case that uses more than ESC_BAD_TIME_LIMIT seconds
 *   of CPU (default 5; sanitizer builds may raise it through the environment), or more
 *   than six times that of wall-clock time (a deadlock; the slack keeps a loaded machine
 *   running tests in parallel from failing a fast loader),
 * - does not allocate without bound: the peak resident size (VmHWM, reset before each
 *   case through /proc/self/clear_refs) grows by less than 512 MiB,
 * - fails with the expected message.
 * More cases generate their input at test time rather than commit megabytes: a sheet of
 * 10^6 rows (written with libxlsxwriter into a temporary directory), and a roster and a
 * project nested 10^6 levels deep (2 MB of brackets; the roster one overflowed the stack
 * in json-glib's recursive parser before esc-roster-json.c refused deep nesting).
 *
 * Run with ESC_BAD_PRINT=1 to print each file's actual message (to write the manifest).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "esc-test-build.h"
#include "core/esc-validate.h"
#include "io/esc-csv.h"
#include "io/esc-project-file.h"
#include "io/esc-roster-json.h"
#include "io/esc-template-import.h"
#include "io/esc-xlsx-reader.h"

#define MEMORY_LIMIT_KIB (512u * 1024u)
#define LOADS "(loads)"

typedef struct
{
  char *path;
  char *file;
  char *loader;
  char *expected;
} Entry;

/* CPU seconds a case may use; six times that in the sanitizer build (esc-test-build.h),
 * where one large case took more than 5 s under a loaded machine. */
static guint time_limit = (guint) (5 * ESC_TEST_TIME_FACTOR);

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->path);
  g_free (entry->file);
  g_free (entry->loader);
  g_free (entry->expected);
  g_free (entry);
}

/* The watchdog ----------------------------------------------------------------------- */

static void
on_alarm (int signum);

static void
watchdog_start (void)
{
  struct itimerval cpu = { .it_value = { .tv_sec = time_limit } };

  signal (SIGPROF, on_alarm);
  setitimer (ITIMER_PROF, &cpu, NULL);
  alarm (time_limit * 6);
}

static void
watchdog_stop (void)
{
  struct itimerval off = { { 0 } };

  setitimer (ITIMER_PROF, &off, NULL);
  alarm (0);
}

static void
on_alarm (int signum)
{
  static const char message[] = "\ntest-bad-inputs: a loader ran past its time limit\n";

  /* Only async-signal-safe calls here. */
  if (write (STDERR_FILENO, message, sizeof message - 1) < 0)
    _exit (1);
  abort ();
}

/* Peak memory --------------------------------------------------------------------------- */

/* Resets the peak resident size (Linux >= 4.0), so that VmHWM after a case is that case's
 * peak. Where it cannot, the growth is measured against the peak so far (weaker). */
static void
reset_peak_rss (void)
{
  int fd = open ("/proc/self/clear_refs", O_WRONLY);

  if (fd >= 0)
    {
      if (write (fd, "5", 1) < 0)
        g_debug ("clear_refs: %s", g_strerror (errno));
      close (fd);
    }
}

/* VmHWM in KiB, 0 when unknown (not Linux). */
static guint64
read_peak_rss (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

/* The loaders: each returns the error's message and any diagnostics, "" when it loaded
 * cleanly. ----------------------------------------------------------------------------- */

static gboolean
count_row (guint row, const EscXlsxCell *cells, guint n_cells, gpointer user_data,
           GError **error)
{
  guint64 *n = user_data;

  *n += n_cells;
  return TRUE;
}

static char *
load_xlsx (const char *path, guint64 *n_cells)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscXlsxReader) reader = esc_xlsx_reader_open (path, &error);
  const char * const *names;

  if (reader == NULL)
    return g_strdup (error->message);
  names = esc_xlsx_reader_get_sheet_names (reader);
  for (guint i = 0; names[i] != NULL; i++)
    if (!esc_xlsx_reader_foreach_row (reader, names[i], count_row, n_cells, &error))
      return g_strdup (error->message);
  return g_strdup ("");
}

static char *
load_template (const char *path)
{
  EscImportOptions options = { .skip_bad_rows = FALSE, .today = 739500 };
  g_autoptr(GError) error = NULL;
  g_autoptr(EscImportResult) result = esc_template_import (path, &options, &error);
  GString *text;

  if (result == NULL)
    return g_strdup (error->message);
  text = g_string_new (error != NULL ? error->message : "");
  for (guint i = 0; i < result->problems->len; i++)
    {
      g_autofree char *problem = esc_import_problem_to_string (g_ptr_array_index (result->problems, i));
      g_string_append_printf (text, "\n%s", problem);
    }
  return g_string_free (text, FALSE);
}

static char *
load_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) project = esc_project_file_load (path, &error);
  g_autoptr(GPtrArray) diagnostics = NULL;
  GString *text;

  if (project == NULL)
    return g_strdup (error->message);
  /* Validation-level problems: the errors esc_validate_project() reports. */
  diagnostics = esc_validate_project (project);
  text = g_string_new ("");
  for (guint i = 0; i < diagnostics->len; i++)
    {
      EscDiagnostic *d = g_ptr_array_index (diagnostics, i);
      if (d->severity == ESC_SEVERITY_ERROR)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", d->message);
    }
  return g_string_free (text, FALSE);
}

static char *
load_roster (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EscProject) project = esc_roster_json_load (path, NULL, warnings, &error);

  if (project == NULL)
    return g_strdup (error->message);
  return g_strdup ("");
}

static char *
load_csv (const char *path)
{
  g_autoptr(GError) error = NULL;
  gboolean converted = FALSE;
  g_autoptr(GPtrArray) records = esc_csv_read_file (path, 0, &converted, &error);

  if (records == NULL)
    return g_strdup (error->message);
  return g_strdup ("");
}

static char *
run_loader (const char *loader, const char *path)
{
  guint64 n_cells = 0;

  if (g_str_equal (loader, "xlsx"))
    return load_xlsx (path, &n_cells);
  if (g_str_equal (loader, "template"))
    return load_template (path);
  if (g_str_equal (loader, "project"))
    return load_project (path);
  if (g_str_equal (loader, "roster"))
    return load_roster (path);
  if (g_str_equal (loader, "csv"))
    return load_csv (path);
  g_error ("MANIFEST.tsv: unknown loader “%s”", loader);
  return NULL;
}

/* The cases ------------------------------------------------------------------------- */

static void
test_entry (gconstpointer data)
{
  const Entry *entry = data;
  g_autofree char *message = NULL;
  guint64 before, after;

  reset_peak_rss ();
  before = read_peak_rss ();
  watchdog_start ();
  message = run_loader (entry->loader, entry->path);
  watchdog_stop ();
  after = read_peak_rss ();

  g_assert_cmpuint (after - MIN (before, after), <, MEMORY_LIMIT_KIB);
  if (g_getenv ("ESC_BAD_PRINT") != NULL)
    {
      g_autofree char *one_line = g_strdelimit (g_strdup (message), "\n", '|');
      g_printerr ("%s\t%s\t%s\t[%" G_GUINT64_FORMAT " KiB]\n", entry->file, entry->loader,
                  one_line, after - MIN (before, after));
      return;
    }
  if (g_str_equal (entry->expected, LOADS))
    {
      g_assert_cmpstr (message, ==, "");
      return;
    }
  if (message[0] == '\0')
    g_test_message ("%s: loaded without an error", entry->file);
  g_assert_cmpstr (message, !=, "");
  if (strstr (message, entry->expected) == NULL)
    g_test_message ("%s: expected “%s” in: %s", entry->file, entry->expected, message);
  g_assert_nonnull (strstr (message, entry->expected));
}

/* A sheet of 10^6 rows (of two cells) written in constant-memory mode; ~10 MiB on disk. */
static void
test_million_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("escala-bad-XXXXXX", &error);
  g_autofree char *path = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  lxw_workbook *workbook;
  lxw_worksheet *worksheet;
  g_autofree char *message = NULL;
  guint64 n_cells = 0, before, after;
  g_autoptr(GTimer) timer = NULL;
  const guint n_rows = 1000000;

  g_assert_no_error (error);
  path = g_build_filename (dir, "million.xlsx", NULL);
  options.tmpdir = dir;
  workbook = workbook_new_opt (path, &options);
  worksheet = workbook_add_worksheet (workbook, "Demand");
  for (guint row = 0; row < n_rows; row++)
    {
      worksheet_write_number (worksheet, row, 0, row, NULL);
      worksheet_write_string (worksheet, row, 1, "x", NULL);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  reset_peak_rss ();
  before = read_peak_rss ();
  timer = g_timer_new ();
  watchdog_start ();
  message = load_xlsx (path, &n_cells);
  watchdog_stop ();
  after = read_peak_rss ();
  g_test_message ("%u rows read in %.2f s, peak memory +%" G_GUINT64_FORMAT " KiB", n_rows,
                  g_timer_elapsed (timer, NULL), after - MIN (before, after));

  g_assert_cmpstr (message, ==, "");
  g_assert_cmpuint (n_cells, ==, 2 * (guint64) n_rows);
  g_assert_cmpuint (after - MIN (before, after), <, MEMORY_LIMIT_KIB);

  g_unlink (path);
  g_rmdir (dir);
}

/* 10^6 nested lists: refused before parsing (a recursive parser would overflow the
 * stack), quickly and in bounded memory. */
static void
test_deep_json (gconstpointer data)
{
  const char *loader = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("escala-bad-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "deep.json", NULL);
  g_autofree char *message = NULL;
  const gsize depth = 1000000;
  GString *text = g_string_new (g_str_equal (loader, "roster")
                                ? "{\"num_days\":"
                                : "{\"format\":\"escala-project\",\"version\":1,\"tables\":");
  guint64 before, after;

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
  g_string_free (text, TRUE);

  reset_peak_rss ();
  before = read_peak_rss ();
  watchdog_start ();
  message = run_loader (loader, path);
  watchdog_stop ();
  after = read_peak_rss ();

  g_assert_cmpuint (after - MIN (before, after), <, MEMORY_LIMIT_KIB);
  g_assert_nonnull (strstr (message, "nested more than 64 levels deep"));
  g_unlink (path);
  g_rmdir (dir);
}

/* libgsf 1.14.50, on a damaged zip member header, warns "Unable to get child[...] ...
 * incorrect zip header" and calls g_date_time_unref (NULL) (a critical) before failing
 * the lookup cleanly: noise from the library, which the reader turns into an error.
 * libgsf logs through the structured API, which GLib's test fatal handler does not see,
 * so this writer decides instead: those two pass, any other warning or critical aborts,
 * as g_test_init() would have made it. */
static gboolean
is_known_library_noise (const char *message)
{
  return message != NULL &&
         (strstr (message, "g_date_time_unref: assertion 'datetime != NULL'") != NULL ||
          (g_str_has_prefix (message, "Unable to get child") &&
           strstr (message, "incorrect zip header") != NULL));
}

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
      message = fields[i].value;
  if ((log_level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL)) &&
      is_known_library_noise (message))
    return G_LOG_WRITER_HANDLED;
  g_log_writer_default (log_level, fields, n_fields, user_data);
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

static void
add_manifest (const char *dir)
{
  g_autofree char *manifest = g_build_filename (dir, "MANIFEST.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (manifest, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *name = NULL;
      Entry *entry;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      entry = g_new0 (Entry, 1);
      entry->file = g_strdup (fields[0]);
      entry->loader = g_strdup (fields[1]);
      entry->expected = g_strdup (fields[2]);
      entry->path = g_build_filename (dir, fields[0], NULL);
      name = g_strdup_printf ("/bad/%s/%s", fields[1], fields[0]);
      g_test_add_data_func_full (name, entry, test_entry, entry_free);
    }
}

int
main (int argc, char **argv)
{
  const char *srcdir = g_getenv ("ESC_TEST_SRCDIR");
  const char *limit = g_getenv ("ESC_BAD_TIME_LIMIT");
  g_autofree char *dir = NULL;

  /* Messages are checked in English. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK);  /* log_writer() decides */
  if (limit != NULL && g_ascii_strtoull (limit, NULL, 10) > 0)
    time_limit = (guint) g_ascii_strtoull (limit, NULL, 10);

  if (srcdir != NULL)
    dir = g_build_filename (srcdir, "data", "bad", NULL);
  else
    dir = g_test_build_filename (G_TEST_DIST, "..", "data", "bad", NULL);
  add_manifest (dir);
  g_test_add_func ("/bad/generated/million-rows", test_million_rows);
  g_test_add_data_func ("/bad/generated/deep-roster", "roster", test_deep_json);
  g_test_add_data_func ("/bad/generated/deep-project", "project", test_deep_json);

  return g_test_run ();
}
