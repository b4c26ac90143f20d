/* test-display.c: what a person reads follows the locale (esc-display.h); what is
 * written as data does not.
 *
 * The locale tests need pt_BR.UTF-8, de_DE.UTF-8 and en_US.UTF-8 (Debian: the "locales"
 * package and locale-gen); each skips when its locale is not installed. Translations are
 * kept out (the text domain is bound to a folder that does not exist), so the expected
 * strings are those of the untranslated formats with the locale's names and numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <gsf/gsf.h>

#include "core/esc-display.h"
#include "core/esc-project.h"
#include "core/esc-row.h"
#include "core/esc-schema.h"
#include "core/esc-table.h"
#include "io/esc-csv.h"
#include "io/esc-project-file.h"
#include "io/esc-results-export.h"
#include "io/esc-template-export.h"
#include "solver/esc-problem.h"
#include "solver/esc-schedule.h"

#include "test-core.h"

/* Helpers */

static EscJulian
dmy (int day,
     int month,
     int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* Switches the whole process to @name; FALSE (and the test skipped) when it is not
 * installed. */
static gboolean
enter_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("the locale %s is not installed", name);

      setlocale (LC_ALL, "C.UTF-8");
      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

static void
leave_locale (void)
{
  setlocale (LC_ALL, "C.UTF-8");
}

#define CHECK(call, expected)                    \
  G_STMT_START {                                 \
    g_autofree char *got_ = (call);              \
    g_assert_cmpstr (got_, ==, (expected));      \
  } G_STMT_END

typedef struct
{
  const char *locale;
  const char *date;          /* 2026-12-15, a Tuesday */
  const char *date_early;    /* 1900-03-01 */
  const char *date_long;     /* 2026-12-15 */
  const char *monday;        /* abbreviated */
  const char *monday_full;
  const char *sunday;
  const char *sunday_full;
  const char *number;        /* 1234567.891, 2 decimals */
  const char *small;         /* 7.5, 1 decimal */
  const char *negative;      /* -1234.5, 1 decimal */
  const char *whole;         /* 1234, 0 decimals */
  const char *percent;       /* 12.5, 1 decimal */
  const char *hours;         /* 1234.5, 1 decimal */
  const char *short_number;  /* 1234.50, at most 2 decimals */
  const char *date_time;     /* 2026-12-15 14:05:09 local */
  const char *strftime_day;  /* "%a %d %b" of 2026-12-15 */
} LocaleCase;

static const LocaleCase locale_cases[] = {
  { "C.UTF-8", "2026-12-15", "1900-03-01", "Tuesday, 15 December 2026",
    "Mon", "Monday", "Sun", "Sunday",
    "1234567.89", "7.5", "-1234.5", "1234", "12.5%", "1234.5 h", "1234.5",
    "2026-12-15 14:05:09", "Tue 15 Dec" },
  { "pt_BR.UTF-8", "15/12/2026", "01/03/1900", "terça, 15 dezembro 2026",
    "seg", "segunda", "dom", "domingo",
    "1.234.567,89", "7,5", "-1.234,5", "1.234", "12,5%", "1.234,5 h", "1.234,5",
    "15/12/2026 14:05:09", "ter 15 dez" },
  { "de_DE.UTF-8", "15.12.2026", "01.03.1900", "Dienstag, 15 Dezember 2026",
    "Mo", "Montag", "So", "Sonntag",
    "1.234.567,89", "7,5", "-1.234,5", "1.234", "12,5%", "1.234,5 h", "1.234,5",
    "15.12.2026 14:05:09", "Di 15 Dez" },
  { "en_US.UTF-8", "12/15/2026", "03/01/1900", "Tuesday, 15 December 2026",
    "Mon", "Monday", "Sun", "Sunday",
    "1,234,567.89", "7.5", "-1,234.5", "1,234", "12.5%", "1,234.5 h", "1,234.5",
    "12/15/2026 14:05:09", "Tue 15 Dec" },
};

static void
check_locale_case (gconstpointer data)
{
  const LocaleCase *c = data;
  EscJulian day = dmy (15, 12, 2026);
  g_autoptr(GDateTime) when = NULL;

  if (!enter_locale (c->locale))
    return;

  CHECK (esc_display_date (day), c->date);
  CHECK (esc_display_date (dmy (1, 3, 1900)), c->date_early);
  CHECK (esc_display_date_long (day), c->date_long);
  CHECK (esc_display_weekday (ESC_MON, ESC_DISPLAY_ABBREVIATED), c->monday);
  CHECK (esc_display_weekday (ESC_MON, ESC_DISPLAY_FULL), c->monday_full);
  CHECK (esc_display_weekday (ESC_SUN, ESC_DISPLAY_ABBREVIATED), c->sunday);
  CHECK (esc_display_weekday (ESC_SUN, ESC_DISPLAY_FULL), c->sunday_full);
  CHECK (esc_display_strftime (day, "%a %d %b"), c->strftime_day);
  CHECK (esc_display_number (1234567.891, 2), c->number);
  CHECK (esc_display_number (7.5, 1), c->small);
  CHECK (esc_display_number (-1234.5, 1), c->negative);
  CHECK (esc_display_number (1234.4, 0), c->whole);
  CHECK (esc_display_percent (12.5, 1), c->percent);
  CHECK (esc_display_hours (1234.5, 1), c->hours);
  CHECK (esc_display_number_short (1234.50, 2), c->short_number);
  CHECK (esc_display_number_short (6.0, 2), "6");
  when = g_date_time_new_local (2026, 12, 15, 14, 5, 9);
  CHECK (esc_display_date_time (when, TRUE), c->date_time);

  /* Times are 24-hour everywhere. */
  CHECK (esc_display_time (8 * 60), "08:00");
  CHECK (esc_display_time (22 * 60 + 30), "22:30");
  leave_locale ();
}

/* Every weekday by name, Monday first, in de and pt_BR. */
static void
test_weekday_names (void)
{
  static const struct { const char *locale; const char *abbreviated[7]; const char *full[7]; }
  cases[] = {
    { "de_DE.UTF-8", { "Mo", "Di", "Mi", "Do", "Fr", "Sa", "So" },
      { "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag" } },
    { "pt_BR.UTF-8", { "seg", "ter", "qua", "qui", "sex", "sáb", "dom" },
      { "segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (!enter_locale (cases[i].locale))
        return;
      for (EscWeekday w = ESC_MON; w < ESC_N_WEEKDAYS; w++)
        {
          CHECK (esc_display_weekday (w, ESC_DISPLAY_ABBREVIATED), cases[i].abbreviated[w]);
          CHECK (esc_display_weekday (w, ESC_DISPLAY_FULL), cases[i].full[w]);
        }
      leave_locale ();
    }
}

/* Out-of-range input never crashes and never shows garbage. */
static void
test_edges (void)
{
  setlocale (LC_ALL, "C.UTF-8");

  CHECK (esc_display_date (0), "");
  CHECK (esc_display_date (3652060), "");
  CHECK (esc_display_date (G_MAXUINT32), "");
  CHECK (esc_display_date (dmy (31, 12, 9999)), "9999-12-31");
  CHECK (esc_display_date (1), "0001-01-01");
  CHECK (esc_display_date_long (0), "");
  CHECK (esc_display_strftime (0, "%Y"), "");
  CHECK (esc_display_strftime (dmy (1, 3, 2026), ""), "");
  CHECK (esc_display_date_time (NULL, TRUE), "");

  CHECK (esc_display_time (0), "00:00");
  CHECK (esc_display_time (1439), "23:59");
  CHECK (esc_display_time (1440), "24:00");
  CHECK (esc_display_time (1500), "01:00");
  CHECK (esc_display_time (-60), "23:00");

  CHECK (esc_display_number (0, 1), "0.0");
  CHECK (esc_display_number (-0.04, 1), "0.0");
  CHECK (esc_display_number (-0.0, 0), "0");
  CHECK (esc_display_number (-0.4, 0), "0");
  CHECK (esc_display_number (-0.6, 0), "-1");
  CHECK (esc_display_number (2.5, 0), "2");       /* round half to even, as printf */
  CHECK (esc_display_number (0.125, 2), "0.12");
  CHECK (esc_display_number (1, -3), "1");          /* decimals clamped to 0..9 */
  CHECK (esc_display_number (1, 40), "1.000000000");
  CHECK (esc_display_number (NAN, 1), "—");
  CHECK (esc_display_number (INFINITY, 1), "—");
  CHECK (esc_display_number (-INFINITY, 1), "—");
  CHECK (esc_display_percent (NAN, 1), "—");
  CHECK (esc_display_hours (INFINITY, 1), "—");
  CHECK (esc_display_number_short (6.0, 2), "6");
  CHECK (esc_display_number_short (6.5, 2), "6.5");
  CHECK (esc_display_number_short (100, 2), "100");
  CHECK (esc_display_number_short (100, 0), "100");
  CHECK (esc_display_number_short (0.125, 2), "0.12");
  CHECK (esc_display_number_short (-0.001, 2), "0");
  CHECK (esc_display_number_short (-2.50, 2), "-2.5");
  CHECK (esc_display_number_short (NAN, 2), "—");
  CHECK (esc_display_percent (100, 0), "100%");
  CHECK (esc_display_hours (0, 0), "0 h");

  {
    g_autofree char *huge = esc_display_number (1e300, 0);

    g_assert_cmpuint (strlen (huge), ==, 301);
  }

  /* The long date of the earliest and latest days. */
  CHECK (esc_display_date_long (dmy (1, 1, 1900)), "Monday, 1 January 1900");
  CHECK (esc_display_date_long (dmy (31, 12, 9999)), "Friday, 31 December 9999");
}

/* A date and time in another time zone is shown in the local one. */
static void
test_date_time_zone (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = g_date_time_new (utc, 2026, 12, 31, 23, 30, 0);
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autofree char *expected = g_strdup_printf ("%04d-%02d-%02d %02d:%02d",
                                               g_date_time_get_year (local),
                                               g_date_time_get_month (local),
                                               g_date_time_get_day_of_month (local),
                                               g_date_time_get_hour (local),
                                               g_date_time_get_minute (local));

  setlocale (LC_ALL, "C.UTF-8");
  CHECK (esc_display_date_time (time, FALSE), expected);
}

/* Data under a decimal-comma locale */

/* A schedule without solving: everybody works the first option of each day. */
static EscSchedule *
new_schedule (EscProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProblem) problem = esc_problem_new_from_project (project, &error);
  EscSchedule *schedule;

  g_assert_no_error (error);
  schedule = esc_schedule_new (problem);
  for (guint e = 0; e < problem->employees->len; e++)
    {
      const EscProblemEmployee *emp = esc_problem_get_employee (problem, e);

      for (int d = 0; d < problem->n_days; d++)
        if (emp->day_offset[d] < emp->day_offset[d + 1])
          esc_schedule_set_choice (schedule, e, d, (int) emp->day_offset[d]);
    }
  schedule->seconds = 1.25;
  return schedule;
}

/* The example project with a few values that have decimals. */
static EscProject *
new_project (void)
{
  EscProject *project = esc_template_new_example_project ();
  EscTable *employees = esc_project_get_table (project, ESC_TABLE_EMPLOYEE);

  g_assert_cmpuint (esc_table_get_n_rows (employees), >=, 2);
  esc_row_set (esc_table_get_row (employees, 0), ESC_EMPLOYEE_WEEKLY_HOURS, "37.5");
  esc_row_set (esc_table_get_row (employees, 1), ESC_EMPLOYEE_WEEKLY_HOURS, "7,5");
  return project;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* Every member of a zip as path -> contents, but docProps/core.xml (it holds the time
 * of writing). */
static void
read_zip_members (GsfInfile  *in,
                  const char *prefix,
                  GHashTable *members)
{
  for (int i = 0; i < gsf_infile_num_children (in); i++)
    {
      GsfInput *child = gsf_infile_child_by_index (in, i);
      const char *name = gsf_infile_name_by_index (in, i);
      g_autofree char *path = *prefix != '\0' ? g_strdup_printf ("%s/%s", prefix, name)
                                              : g_strdup (name);

      if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        read_zip_members (GSF_INFILE (child), path, members);
      else if (!g_str_equal (path, "docProps/core.xml"))
        {
          gsf_off_t size = gsf_input_size (child);
          GString *text = g_string_sized_new ((gsize) size);

          g_string_set_size (text, (gsize) size);
          g_assert_nonnull (gsf_input_read (child, (size_t) size, (guint8 *) text->str));
          g_hash_table_insert (members, g_steal_pointer (&path), g_string_free (text, FALSE));
        }
      g_object_unref (child);
    }
}

static GHashTable *
read_zip (const char *path)
{
  g_autoptr(GError) error = NULL;
  GHashTable *members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GsfInput *input;
  GsfInfile *infile;

  gsf_init ();
  /* GsfInput and friends have no autoptr in libgsf 1.14.50: unreffed by hand. */
  input = gsf_input_stdio_new (path, &error);
  g_assert_no_error (error);
  infile = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  read_zip_members (infile, "", members);
  g_object_unref (infile);
  g_object_unref (input);
  return members;
}

static void
assert_same_zip (const char *a,
                 const char *b)
{
  g_autoptr(GHashTable) ma = read_zip (a);
  g_autoptr(GHashTable) mb = read_zip (b);
  g_autoptr(GString) differ = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (ma), >, 3);
  g_assert_cmpuint (g_hash_table_size (ma), ==, g_hash_table_size (mb));
  g_hash_table_iter_init (&iter, ma);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (mb, key)) != 0)
      g_string_append_printf (differ, " %s", (char *) key);
  if (differ->len > 0)
    g_test_fail_printf ("%s differs from %s under a decimal-comma locale in:%s", b, a,
                        differ->str);
}

/* Everything Escala writes for the files it exports, under the current locale. */
typedef struct
{
  char *project;      /* esc_project_file_to_data */
  char *saved;        /* the file esc_project_file_save wrote */
  char *csv_table;    /* the employee table as CSV */
  char *csv_results;  /* the allocations as CSV */
  char *csv_reduced;  /* the reduced table as CSV */
  char *template;     /* path of the template workbook */
  char *results;      /* path of the results workbook */
} Written;

static void
write_all (EscProject *project,
           const char *dir,
           const char *tag,
           Written    *w)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscSchedule) schedule = new_schedule (project);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  EscTable *employees = esc_project_get_table (project, ESC_TABLE_EMPLOYEE);
  g_autofree char *saved = g_strdup_printf ("%s/%s.escala", dir, tag);
  g_autofree char *csv_table = g_strdup_printf ("%s/%s-employees.csv", dir, tag);
  g_autofree char *csv_results = g_strdup_printf ("%s/%s-allocations.csv", dir, tag);
  g_autofree char *csv_reduced = g_strdup_printf ("%s/%s-reduced.csv", dir, tag);

  w->project = esc_project_file_to_data (project, NULL);
  g_assert_true (esc_project_file_save (project, saved, &error));
  g_assert_no_error (error);
  w->saved = read_text (saved);

  for (guint i = 0; i < esc_table_get_n_rows (employees); i++)
    g_ptr_array_add (rows, g_object_ref (esc_table_get_row (employees, i)));
  g_assert_true (esc_csv_write_table (csv_table, esc_schema_get_table (ESC_TABLE_EMPLOYEE),
                                      rows, &error));
  g_assert_no_error (error);
  w->csv_table = read_text (csv_table);

  g_assert_true (esc_results_export_csv (schedule, ESC_RESULTS_CSV_ALLOCATIONS, csv_results,
                                         &error));
  g_assert_no_error (error);
  w->csv_results = read_text (csv_results);
  g_assert_true (esc_results_export_csv (schedule, ESC_RESULTS_CSV_REDUCED, csv_reduced,
                                         &error));
  g_assert_no_error (error);
  w->csv_reduced = read_text (csv_reduced);

  w->template = g_strdup_printf ("%s/%s-template.xlsx", dir, tag);
  g_assert_true (esc_template_export (project, w->template, ESC_TEMPLATE_LANGUAGE_PT_BR, &error));
  g_assert_no_error (error);
  w->results = g_strdup_printf ("%s/%s-results.xlsx", dir, tag);
  g_assert_true (esc_results_export_workbook (schedule, project, w->results,
                                              ESC_TEMPLATE_LANGUAGE_EN, &error));
  g_assert_no_error (error);
}

static void
written_clear (Written *w)
{
  g_free (w->project);
  g_free (w->saved);
  g_free (w->csv_table);
  g_free (w->csv_results);
  g_free (w->csv_reduced);
  g_free (w->template);
  g_free (w->results);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Saving, the CSV exports and the workbooks give the same bytes under de_DE and pt_BR
 * as under C, and a project loaded under them is the same project. */
static void
test_data_same_bytes (gconstpointer data)
{
  const char *locale = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) project = new_project ();
  g_autofree char *dir = g_dir_make_tmp ("escala-locale-XXXXXX", &error);
  Written c = { 0 }, other = { 0 };

  g_assert_no_error (error);
  setlocale (LC_ALL, "C.UTF-8");
  write_all (project, dir, "c", &c);
  /* The decimals are really there to be mangled. */
  g_assert_nonnull (strstr (c.project, "\"37.5\""));
  g_assert_nonnull (strstr (c.csv_table, ",37.5,"));

  if (!enter_locale (locale))
    {
      written_clear (&c);
      remove_tree (dir);
      return;
    }
  write_all (project, dir, "other", &other);

  g_assert_cmpstr (other.project, ==, c.project);
  g_assert_cmpstr (other.saved, ==, c.saved);
  g_assert_cmpstr (other.csv_table, ==, c.csv_table);
  g_assert_cmpstr (other.csv_results, ==, c.csv_results);
  g_assert_cmpstr (other.csv_reduced, ==, c.csv_reduced);
  assert_same_zip (c.template, other.template);
  assert_same_zip (c.results, other.results);

  /* Loading under the locale reads the same project. */
  {
    g_autoptr(EscProject) back = esc_project_file_load_data (c.project, -1, &error);
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    again = esc_project_file_to_data (back, NULL);
    g_assert_cmpstr (again, ==, c.project);
  }

  leave_locale ();
  written_clear (&c);
  written_clear (&other);
  remove_tree (dir);
}

/* The parsers read "7.5" and "7,5" alike under any locale. */
static void
test_data_parse (gconstpointer data)
{
  const char *locale = data;
  static const char * const numbers[] = { "7.5", "7,5", " 7.50 ", "+7,5" };

  if (!enter_locale (locale))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      double value = 0;

      g_assert_true (esc_parse_number (numbers[i], &value, NULL));
      g_assert_cmpfloat (value, ==, 7.5);
    }
  for (guint i = 0; i < 2; i++)
    {
      int minutes = 0;

      g_assert_true (esc_parse_hours (numbers[i], &minutes, NULL));
      g_assert_cmpint (minutes, ==, 450);
    }
  {
    double value = 0;
    EscJulian julian = 0;
    g_autofree char *iso = NULL;

    /* No thousands separators, in any locale. */
    g_assert_false (esc_parse_number ("1.234,5", &value, NULL));
    g_assert_true (esc_parse_date ("15.12.2026", &julian, NULL));
    g_assert_cmpuint (julian, ==, dmy (15, 12, 2026));
    iso = esc_format_date (julian);
    g_assert_cmpstr (iso, ==, "2026-12-15");
  }
  leave_locale ();
}

void
esc_test_add_display_tests (void)
{
  /* Untranslated: the expected strings must not depend on installed catalogues. */
  bindtextdomain (GETTEXT_PACKAGE, "/nonexistent-escala-locale");

  for (guint i = 0; i < G_N_ELEMENTS (locale_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/display/locale/%s", locale_cases[i].locale);

      g_test_add_data_func (path, &locale_cases[i], check_locale_case);
    }
  g_test_add_func ("/core/display/weekday-names", test_weekday_names);
  g_test_add_func ("/core/display/edges", test_edges);
  g_test_add_func ("/core/display/date-time-zone", test_date_time_zone);
  g_test_add_data_func ("/core/display/data/same-bytes/de_DE", "de_DE.UTF-8",
                        test_data_same_bytes);
  g_test_add_data_func ("/core/display/data/same-bytes/pt_BR", "pt_BR.UTF-8",
                        test_data_same_bytes);
  g_test_add_data_func ("/core/display/data/parse/de_DE", "de_DE.UTF-8", test_data_parse);
  g_test_add_data_func ("/core/display/data/parse/pt_BR", "pt_BR.UTF-8", test_data_parse);
}
