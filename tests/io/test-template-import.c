/* test-template-import.c: tests of the template import (src/io/esc-template-import.c).
 *
 * The two real workbooks of the shared data folder, then workbooks written here with
 * libxlsxwriter from a compact text description (no binary test data is kept): values of
 * every kind, both header layouts, the 1904 date system, and bad workbooks (a damaged zip,
 * a missing sheet or column, a wrong type, a bad window), which must fail with messages
 * naming sheet and cell, never crash. Then skipping bad rows, the undoable command that
 * applies an import, and CSV import of one table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-test"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-stdio.h>
#include <xlsxwriter.h>

#include "core/esc-parse.h"
#include "core/esc-validate.h"
#include "io/esc-io-error.h"
#include "io/esc-project-file.h"
#include "io/esc-template-export.h"
#include "io/esc-template-import.h"
#include "test-io.h"

/* Helpers: workbooks from text ------------------------------------------------------------ */

/* A sheet's content: rows separated by "\n", cells by "\t"; an empty cell is left out.
 * Prefixes give the cell's type: "#44" a number, "@2026-12-07" a date (date format),
 * "~0.5" a time value (time format), "=D16/5|0" a formula with its cached number, "?1" a
 * boolean; anything else is text. */
static void
write_sheet (lxw_workbook  *workbook,
             const char    *name,
             const char    *content,
             gboolean       epoch_1904)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);
  lxw_format *date = workbook_add_format (workbook);
  lxw_format *time = workbook_add_format (workbook);
  g_auto(GStrv) rows = g_strsplit (content, "\n", -1);

  format_set_num_format (date, "dd/mm/yyyy");
  format_set_num_format (time, "hh:mm");
  for (guint r = 0; rows[r] != NULL; r++)
    {
      g_auto(GStrv) cells = g_strsplit (rows[r], "\t", -1);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          const char *cell = cells[c];

          if (*cell == '\0')
            continue;
          if (cell[0] == '#')
            worksheet_write_number (sheet, r, c, g_ascii_strtod (cell + 1, NULL), NULL);
          else if (cell[0] == '@')
            {
              EscJulian julian = 0;
              double serial;

              g_assert_true (esc_parse_date (cell + 1, &julian, NULL));
              serial = (double) julian - 693594.0;  /* 1899-12-30 is serial 0 */
              if (epoch_1904)
                serial -= 1462;
              worksheet_write_number (sheet, r, c, serial, date);
            }
          else if (cell[0] == '~')
            worksheet_write_number (sheet, r, c, g_ascii_strtod (cell + 1, NULL), time);
          else if (cell[0] == '=')
            {
              g_auto(GStrv) parts = g_strsplit (cell, "|", 2);

              worksheet_write_formula_num (sheet, r, c, parts[0], NULL,
                                           parts[1] != NULL ? g_ascii_strtod (parts[1], NULL) : 0);
            }
          else if (cell[0] == '?')
            worksheet_write_boolean (sheet, r, c, cell[1] == '1', NULL);
          else
            worksheet_write_string (sheet, r, c, cell, NULL);
        }
    }
}

/* The sheets of a small valid template (the simple layout), as name, content pairs. */
static const char * const base_sheets[] = {
  "Location", "Código da localidade\tCidade\tEstado\tPaís\nLOC01\tSão Paulo\tSP\tBrasil",
  "Store", "Código da loja\tId da localidade\nLJ01\tLOC01",
  "Role", "Código da Função\nCAIXA\nGERENTE",
  "Shift", "Jornada\tJanela de Trabalho 2a\tJanela de Trabalho 3a\tJanela de Trabalho 4a\t"
           "Janela de Trabalho 5a\tJanela de Trabalho 6a\tJanela de Trabalho sábado\t"
           "Janela de Trabalho domingo\n"
           "ABERTURA\t08:00 - 16:00\t08:00 - 16:00\t08:00 - 16:00\t08:00 - 16:00\t"
           "08:00 - 16:00\t08:00 - 16:00\n"
           "FECHAMENTO\t14:00-22:00\t14:00 – 22:00\t14:00 —22:00\t14:00-22:00\t"
           "14:00-22:00\t14:00-22:00\t10:00-18:00",
  "Employee", "Código do Colaborador\tFunção\tLoja\tDuração Jornada Semanal\t"
              "Dias Consecutivos Trabalhados\tDia Preferencial para Folga\tLicença\tJornadas\n"
              "E001\tCAIXA\tLJ01\t#44\t#6\tdom\t\tABERTURA, FECHAMENTO\n"
              "E002\tCAIXA\tLJ01\t#44\t#6\tseg\t14/12/2026 - 20/12/2026\tABERTURA,FECHAMENTO\n"
              "E003\tCAIXA\tLJ01\t#36\t#6\tsáb\t\tFECHAMENTO\n"
              "E004\tCAIXA\tLJ01\t#44\t#6\tqua\t\tABERTURA\n"
              "E005\tCAIXA\tLJ01\t#44\t#6\tqui\t\tABERTURA",
  "Demand", "Loja\tFunção\tDia\tInício\tFim\tQuantidade Mínima\n"
            "LJ01\tCAIXA\tmon\t08:00\t12:00\t#2\n"
            "LJ01\tCAIXA\tTer\t~0.5\t~0.75\t#1\n"
            "LJ01\tGERENTE\tqua\t10:00\t18:00\t#1\n"
            "LJ01\tCAIXA\t@2026-12-24\t12:00\t18:00\t#3",
  "Holiday", "Dia\tNacional?\tRegional?\n@2026-12-25\tSim\t\n@2026-12-08\tNão\tLOC01",
  "PreviousAllocation", "Código do colaborador\tDia\tHoras Trabalhadas\n"
                        "E001\t@2026-12-05\t07:00\nE001\t@2026-12-06\tc\n"
                        "E002\t@2026-12-06\t~0.31666666666666665",
  "Parameters", "start_date\t@2026-12-07\nmax_horizon\t#28\ngranularity\t#15",
  NULL
};

/* Writes the base sheets with @overrides (name, content; content NULL removes the sheet;
 * a name not in the base adds a sheet) to a new file in @dir. */
static char *
write_workbook_full (const char         *dir,
                     const char         *file,
                     const char * const *overrides,
                     gboolean            epoch_1904)
{
  char *path = g_build_filename (dir, file, NULL);
  lxw_workbook *workbook = workbook_new (path);

  for (guint i = 0; base_sheets[i] != NULL; i += 2)
    {
      const char *content = base_sheets[i + 1];
      gboolean removed = FALSE;

      for (guint k = 0; overrides != NULL && overrides[k] != NULL; k += 2)
        if (g_str_equal (overrides[k], base_sheets[i]))
          {
            content = overrides[k + 1];
            removed = content == NULL;
          }
      if (!removed)
        write_sheet (workbook, base_sheets[i], content, epoch_1904);
    }
  for (guint k = 0; overrides != NULL && overrides[k] != NULL; k += 2)
    {
      gboolean known = FALSE;

      for (guint i = 0; base_sheets[i] != NULL; i += 2)
        known = known || g_str_equal (overrides[k], base_sheets[i]);
      if (!known && overrides[k + 1] != NULL)
        write_sheet (workbook, overrides[k], overrides[k + 1], epoch_1904);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return path;
}

static char *
write_workbook (const char         *dir,
                const char * const *overrides)
{
  static guint counter = 0;
  g_autofree char *file = g_strdup_printf ("workbook-%u.xlsx", ++counter);

  return write_workbook_full (dir, file, overrides, FALSE);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("escala-import-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
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

static char *
find_shared_data (const char *name)
{
  const char *dir = g_getenv ("ESC_SHARED_DATA");
  char *path;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_clear_pointer (&path, g_free);
  return path;
}

static const EscImportProblem *
find_problem (const EscImportResult *result,
              const char            *sheet,
              const char            *cell)
{
  for (guint i = 0; i < result->problems->len; i++)
    {
      const EscImportProblem *problem = g_ptr_array_index (result->problems, i);

      if (g_strcmp0 (problem->sheet, sheet) == 0 && g_strcmp0 (problem->cell, cell) == 0)
        return problem;
    }
  return NULL;
}

static void
dump_problems (const EscImportResult *result)
{
  for (guint i = 0; i < result->problems->len; i++)
    {
      const EscImportProblem *problem = g_ptr_array_index (result->problems, i);
      g_autofree char *line = esc_import_problem_to_string (problem);

      g_test_message ("%s", line);
    }
}

static const char *
cell_of (EscProject *project,
         EscTableId  table,
         guint       row,
         guint       column)
{
  EscRow *r = esc_table_get_row (esc_project_get_table (project, table), row);

  g_assert_nonnull (r);
  return esc_row_get (r, column);
}

static EscImportResult *
import_ok (const char             *path,
           const EscImportOptions *options)
{
  g_autoptr(GError) error = NULL;
  EscImportResult *result = esc_template_import (path, options, &error);

  g_assert_nonnull (result);
  if (result->project == NULL)
    dump_problems (result);
  g_assert_no_error (error);
  g_assert_nonnull (result->project);
  return result;
}

/* The real workbooks ---------------------------------------------------------------------- */

static void
test_sample_store (void)
{
  g_autofree char *path = find_shared_data ("sample_store_ptbr.xlsx");
  g_autofree char *sample_path = NULL;
  g_autoptr(EscImportResult) result = NULL;
  g_autoptr(EscProject) sample = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  const struct
  {
    EscTableId table;
    guint count;
  } expected[] = {
    { ESC_TABLE_LOCATION, 2 }, { ESC_TABLE_STORE, 2 }, { ESC_TABLE_ROLE, 3 },
    { ESC_TABLE_PATTERN, 4 }, { ESC_TABLE_EMPLOYEE, 18 }, { ESC_TABLE_DEMAND, 80 },
    { ESC_TABLE_HOLIDAY, 3 }, { ESC_TABLE_PREVIOUS_ALLOCATION, 109 },
    { ESC_TABLE_PARAMETER, 9 },
  };
  const struct
  {
    EscTableId table;
    guint column;
  } added_names[] = {
    { ESC_TABLE_STORE, ESC_STORE_NAME }, { ESC_TABLE_ROLE, ESC_ROLE_NAME },
    { ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_NAME }, { ESC_TABLE_HOLIDAY, ESC_HOLIDAY_NAME },
  };

  if (path == NULL)
    {
      g_test_skip ("sample_store_ptbr.xlsx not found (ESC_SHARED_DATA)");
      return;
    }
  result = import_ok (path, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpuint (result->counts[expected[i].table], ==, expected[i].count);
      g_assert_true (result->tables_read[expected[i].table]);
    }
  g_assert_cmpuint (result->n_errors, ==, 0);
  g_assert_cmpuint (result->n_warnings, ==, 0);
  g_assert_cmpuint (result->notes->len, ==, 0);
  diagnostics = esc_validate_project (result->project);
  g_assert_cmpuint (esc_validate_count_errors (diagnostics), ==, 0);

  /* Equal to the sample project built from it, but for the names the sample added. */
  sample_path = g_build_filename (g_getenv ("ESC_SAMPLES_DIR"), "loja-centro.escala", NULL);
  sample = esc_project_file_load (sample_path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (added_names); i++)
    {
      EscTable *table = esc_project_get_table (sample, added_names[i].table);

      for (guint r = 0; r < esc_table_get_n_rows (table); r++)
        esc_row_set (esc_table_get_row (table, r), added_names[i].column, "");
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      EscTable *a = esc_project_get_table (result->project, expected[i].table);
      EscTable *b = esc_project_get_table (sample, expected[i].table);

      for (guint r = 0; r < esc_table_get_n_rows (a); r++)
        for (guint c = 0; c < esc_table_get_schema (a)->n_columns; c++)
          g_assert_cmpstr (esc_row_get (esc_table_get_row (a, r), c), ==,
                           esc_row_get (esc_table_get_row (b, r), c));
      g_assert_true (esc_table_equal (a, b));
    }
  g_assert_true (esc_project_equal (result->project, sample));
}

static void
test_original_strict (void)
{
  g_autofree char *path = find_shared_data ("original_template_example.xlsx");
  g_autoptr(EscImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const EscImportProblem *problem;

  if (path == NULL)
    {
      g_test_skip ("original_template_example.xlsx not found (ESC_SHARED_DATA)");
      return;
    }
  result = esc_template_import (path, NULL, &error);
  g_assert_nonnull (result);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Demand!F40"));
  g_assert_null (result->project);
  g_assert_false (result->fatal);
  g_assert_cmpuint (result->n_bad_rows, ==, 1);
  g_assert_cmpuint (result->n_errors, ==, 1);

  problem = find_problem (result, "Demand", "F40");
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->severity, ==, ESC_SEVERITY_ERROR);
  g_assert_cmpuint (problem->row, ==, 40);
  g_assert_cmpuint (problem->column, ==, 6);
  g_assert_nonnull (strstr (problem->message, "“X”"));
  g_assert_false (problem->skipped);
  {
    g_autofree char *line = esc_import_problem_to_string (problem);

    g_assert_true (g_str_has_prefix (line, "Demand!F40: "));
  }
  /* The formula columns are left out with a warning each. */
  g_assert_nonnull (find_problem (result, "Demand", "G4"));
  g_assert_nonnull (find_problem (result, "PreviousAllocation", "D4"));
}

static void
test_original_skip (void)
{
  g_autofree char *path = find_shared_data ("original_template_example.xlsx");
  g_autoptr(EscImportResult) result = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  EscImportOptions options = { .skip_bad_rows = TRUE };
  EscProject *project;
  EscTable *table;
  const EscImportProblem *problem;
  guint n_gerente = 0;
  const struct
  {
    EscTableId table;
    guint count;
  } expected[] = {
    { ESC_TABLE_LOCATION, 10 }, { ESC_TABLE_STORE, 4 }, { ESC_TABLE_ROLE, 5 },
    { ESC_TABLE_PATTERN, 9 }, { ESC_TABLE_EMPLOYEE, 18 }, { ESC_TABLE_DEMAND, 35 },
    { ESC_TABLE_HOLIDAY, 11 }, { ESC_TABLE_PREVIOUS_ALLOCATION, 165 },
  };

  if (path == NULL)
    {
      g_test_skip ("original_template_example.xlsx not found (ESC_SHARED_DATA)");
      return;
    }
  result = import_ok (path, &options);
  project = result->project;
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (result->counts[expected[i].table], ==, expected[i].count);
  g_assert_cmpuint (result->n_skipped, ==, 1);
  g_assert_false (result->tables_read[ESC_TABLE_PARAMETER]);

  diagnostics = esc_validate_project (project);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  problem = find_problem (result, "Demand", "F40");
  g_assert_nonnull (problem);
  g_assert_true (problem->skipped);

  /* Defaults: the day after the history, 28 days, and a note. */
  g_assert_cmpstr (esc_project_get_parameter (project, "start_date"), ==, "2021-03-01");
  g_assert_cmpstr (esc_project_get_parameter (project, "max_horizon"), ==, "28");
  g_assert_cmpuint (result->notes->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (result->notes, 0), "2021-03-01"));

  /* Ids with spaces and accents, windows, time values, country codes. */
  g_assert_cmpstr (cell_of (project, ESC_TABLE_LOCATION, 1, ESC_LOCATION_ID), ==, "Niterói - RJ");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_PATTERN, 0, ESC_PATTERN_ID), ==, "6x1 manhã");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_PATTERN, 0, ESC_PATTERN_MON), ==, "10:00 - 18:20");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_PATTERN, 0, ESC_PATTERN_SUN), ==, "");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_PATTERN, 6, ESC_PATTERN_SUN), ==, "13:00 - 21:00");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "44");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_PATTERNS), ==,
                   "6x1 manhã, 5+domingo manhã, 5x2 manhã");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_PREFERRED_REST), ==,
                   "wed");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_DEMAND, 0, ESC_DEMAND_DAY), ==, "fri");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_DEMAND, 0, ESC_DEMAND_START), ==, "14:00");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_DEMAND, 0, ESC_DEMAND_END), ==, "16:00");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_HOLIDAY, 0, ESC_HOLIDAY_DATE), ==, "2020-09-07");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_HOLIDAY, 0, ESC_HOLIDAY_NATIONAL), ==, "yes");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_HOLIDAY, 0, ESC_HOLIDAY_COUNTRY), ==, "BR");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_PREVIOUS_ALLOCATION, 0, ESC_PREVIOUS_HOURS), ==,
                   "06:00");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_PREVIOUS_ALLOCATION, 1, ESC_PREVIOUS_HOURS), ==,
                   "07:36");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_PREVIOUS_ALLOCATION, 164, ESC_PREVIOUS_DATE), ==,
                   "2021-02-28");

  /* Gerente has demand but no employee, and that is fine. */
  table = esc_project_get_table (project, ESC_TABLE_DEMAND);
  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    if (g_str_equal (esc_row_get (esc_table_get_row (table, i), ESC_DEMAND_ROLE), "Gerente"))
      n_gerente++;
  g_assert_cmpuint (n_gerente, ==, 7);
  table = esc_project_get_table (project, ESC_TABLE_EMPLOYEE);
  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    g_assert_cmpstr (esc_row_get (esc_table_get_row (table, i), ESC_EMPLOYEE_ROLE), !=, "Gerente");

  /* No extras: the formula columns were left out. */
  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    {
      guint n = 0;
      g_autofree const char **keys = esc_row_get_extra_keys (esc_table_get_row (table, i), &n);

      g_assert_cmpuint (n, ==, 0);
    }
}

/* Headings -------------------------------------------------------------------------------- */

static void
test_headings (void)
{
  const struct
  {
    EscTableId table;
    const char *heading;
    int column;
  } cases[] = {
    { ESC_TABLE_EMPLOYEE, "Duração Jornada Semanal", ESC_EMPLOYEE_WEEKLY_HOURS },
    { ESC_TABLE_EMPLOYEE, "weekly_dutarion", ESC_EMPLOYEE_WEEKLY_HOURS },
    { ESC_TABLE_EMPLOYEE, "  DURACAO   jornada semanal ", ESC_EMPLOYEE_WEEKLY_HOURS },
    { ESC_TABLE_EMPLOYEE, "Weekly hours", ESC_EMPLOYEE_WEEKLY_HOURS },
    { ESC_TABLE_EMPLOYEE, "weekly_hours", ESC_EMPLOYEE_WEEKLY_HOURS },
    { ESC_TABLE_EMPLOYEE, " função ", ESC_EMPLOYEE_ROLE },
    { ESC_TABLE_EMPLOYEE, "Dia de Folga", ESC_EMPLOYEE_PREFERRED_REST },
    { ESC_TABLE_EMPLOYEE, "Dia Preferencial para Folga", ESC_EMPLOYEE_PREFERRED_REST },
    { ESC_TABLE_EMPLOYEE, "preferable_weekday_rest", ESC_EMPLOYEE_PREFERRED_REST },
    { ESC_TABLE_EMPLOYEE, "Licença", ESC_EMPLOYEE_LEAVE },
    { ESC_TABLE_EMPLOYEE, "cant_work", ESC_EMPLOYEE_LEAVE },
    { ESC_TABLE_EMPLOYEE, "Jornadas", ESC_EMPLOYEE_PATTERNS },
    { ESC_TABLE_EMPLOYEE, "shifts", ESC_EMPLOYEE_PATTERNS },
    { ESC_TABLE_EMPLOYEE, "max_consecutive_sun", ESC_EMPLOYEE_MAX_CONSECUTIVE_SUNDAYS },
    { ESC_TABLE_EMPLOYEE, "Prazo de Compensação de Feriado Trabalhado (em dias)",
      ESC_EMPLOYEE_COMPENSATION_DEADLINE },
    { ESC_TABLE_EMPLOYEE, "Prazo Compensação Feriado (dias)", ESC_EMPLOYEE_COMPENSATION_DEADLINE },
    { ESC_TABLE_EMPLOYEE, "Colaborador", ESC_EMPLOYEE_ID },
    { ESC_TABLE_EMPLOYEE, "Código do Colaborador", ESC_EMPLOYEE_ID },
    { ESC_TABLE_PATTERN, "Jornada", ESC_PATTERN_ID },
    { ESC_TABLE_PATTERN, "Início Jornada 2a", ESC_PATTERN_MON },
    { ESC_TABLE_PATTERN, "Janela de Trabalho 2a", ESC_PATTERN_MON },
    { ESC_TABLE_PATTERN, "shift_start_mon", ESC_PATTERN_MON },
    { ESC_TABLE_PATTERN, "Início Jornada 6a", ESC_PATTERN_FRI },
    { ESC_TABLE_PATTERN, "Início Jornada Sábado", ESC_PATTERN_SAT },
    { ESC_TABLE_PATTERN, "Janela de Trabalho sábado", ESC_PATTERN_SAT },
    { ESC_TABLE_PATTERN, "Janela de Trabalho domingo", ESC_PATTERN_SUN },
    { ESC_TABLE_PATTERN, "Sunday", ESC_PATTERN_SUN },
    { ESC_TABLE_PATTERN, "Segunda-feira", ESC_PATTERN_MON },
    { ESC_TABLE_HOLIDAY, "Nacional?", ESC_HOLIDAY_NATIONAL },
    { ESC_TABLE_HOLIDAY, "Regional?", ESC_HOLIDAY_REGION },
    { ESC_TABLE_HOLIDAY, "city_state", ESC_HOLIDAY_REGION },
    { ESC_TABLE_HOLIDAY, "Total/Parcial", ESC_HOLIDAY_FULL_DAY },
    { ESC_TABLE_HOLIDAY, "type", ESC_HOLIDAY_FULL_DAY },
    { ESC_TABLE_HOLIDAY, "Dia", ESC_HOLIDAY_DATE },
    { ESC_TABLE_HOLIDAY, "day", ESC_HOLIDAY_DATE },
    { ESC_TABLE_PREVIOUS_ALLOCATION, "Horas Trabalhadas", ESC_PREVIOUS_HOURS },
    { ESC_TABLE_PREVIOUS_ALLOCATION, "duration", ESC_PREVIOUS_HOURS },
    { ESC_TABLE_PREVIOUS_ALLOCATION, "Código do colaborador", ESC_PREVIOUS_EMPLOYEE },
    { ESC_TABLE_DEMAND, "Inicio", ESC_DEMAND_START },
    { ESC_TABLE_DEMAND, "Início", ESC_DEMAND_START },
    { ESC_TABLE_DEMAND, "Quantidade Mínima", ESC_DEMAND_QUANTITY },
    { ESC_TABLE_STORE, "Nome da Loja", ESC_STORE_ID },
    { ESC_TABLE_STORE, "ID do Local", ESC_STORE_LOCATION },
    { ESC_TABLE_STORE, "Id da localidade", ESC_STORE_LOCATION },
    { ESC_TABLE_LOCATION, "Nome do Local", ESC_LOCATION_ID },
    { ESC_TABLE_LOCATION, "País", ESC_LOCATION_COUNTRY },
    { ESC_TABLE_ROLE, "Função", ESC_ROLE_ID },
    { ESC_TABLE_EMPLOYEE, "Column1", -1 },
    { ESC_TABLE_EMPLOYEE, "", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].heading);
      g_assert_cmpint (esc_template_match_heading (cases[i].table, cases[i].heading), ==,
                       cases[i].column);
    }

  /* Every column is found by its key and by the headings the template writes: no two
   * columns of a table share a heading. */
  for (guint t = 0; t < ESC_N_TABLES; t++)
    {
      const EscTableSchema *schema = esc_schema_get_table (t);

      for (guint c = 0; c < schema->n_columns; c++)
        {
          const char *en = esc_template_get_heading (t, c, ESC_TEMPLATE_LANGUAGE_EN);
          const char *pt = esc_template_get_heading (t, c, ESC_TEMPLATE_LANGUAGE_PT_BR);

          g_test_message ("%s.%s: %s / %s", schema->key, schema->columns[c].key, en, pt);
          g_assert_cmpint (esc_template_match_heading (t, schema->columns[c].key), ==, c);
          g_assert_cmpint (esc_template_match_heading (t, en), ==, c);
          g_assert_cmpint (esc_template_match_heading (t, pt), ==, c);
        }
    }
}

static void
test_language (void)
{
  EscTemplateLanguage language = ESC_TEMPLATE_LANGUAGE_EN;

  g_assert_true (esc_template_language_from_string ("pt_BR", &language));
  g_assert_cmpint (language, ==, ESC_TEMPLATE_LANGUAGE_PT_BR);
  g_assert_true (esc_template_language_from_string ("en", &language));
  g_assert_cmpint (language, ==, ESC_TEMPLATE_LANGUAGE_EN);
  g_assert_true (esc_template_language_from_string ("pt-BR", &language));
  g_assert_true (esc_template_language_from_string ("pt_BR.UTF-8", &language));
  g_assert_true (esc_template_language_from_string ("en_GB", &language));
  g_assert_false (esc_template_language_from_string ("de", &language));
  g_assert_false (esc_template_language_from_string ("english", &language));
  g_assert_false (esc_template_language_from_string (NULL, &language));
}

/* Values ---------------------------------------------------------------------------------- */

static void
test_values (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_workbook (dir, NULL);
  g_autoptr(EscImportResult) result = import_ok (path, NULL);
  EscProject *project = result->project;

  g_assert_cmpuint (result->n_warnings, ==, 0);
  /* Windows with any dash and spacing. */
  g_assert_cmpstr (cell_of (project, ESC_TABLE_PATTERN, 1, ESC_PATTERN_MON), ==, "14:00 - 22:00");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_PATTERN, 1, ESC_PATTERN_TUE), ==, "14:00 - 22:00");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_PATTERN, 1, ESC_PATTERN_WED), ==, "14:00 - 22:00");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_PATTERN, 0, ESC_PATTERN_SUN), ==, "");
  /* Numbers without ".0", Portuguese weekdays, lists. */
  g_assert_cmpstr (cell_of (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "44");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_PREFERRED_REST), ==,
                   "sun");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_EMPLOYEE, 2, ESC_EMPLOYEE_PREFERRED_REST), ==,
                   "sat");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_EMPLOYEE, 1, ESC_EMPLOYEE_PATTERNS), ==,
                   "ABERTURA, FECHAMENTO");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_EMPLOYEE, 1, ESC_EMPLOYEE_LEAVE), ==,
                   "14/12/2026 - 20/12/2026");
  /* Demand days: codes, Portuguese codes, dates; time values as HH:MM. */
  g_assert_cmpstr (cell_of (project, ESC_TABLE_DEMAND, 1, ESC_DEMAND_DAY), ==, "tue");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_DEMAND, 1, ESC_DEMAND_START), ==, "12:00");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_DEMAND, 1, ESC_DEMAND_END), ==, "18:00");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_DEMAND, 2, ESC_DEMAND_DAY), ==, "wed");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_DEMAND, 3, ESC_DEMAND_DAY), ==, "2026-12-24");
  /* Sim/Não, history hours and compensation days. */
  g_assert_cmpstr (cell_of (project, ESC_TABLE_HOLIDAY, 0, ESC_HOLIDAY_NATIONAL), ==, "yes");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_HOLIDAY, 1, ESC_HOLIDAY_NATIONAL), ==, "no");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_HOLIDAY, 1, ESC_HOLIDAY_REGION), ==, "LOC01");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_PREVIOUS_ALLOCATION, 1, ESC_PREVIOUS_HOURS), ==,
                   "C");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_PREVIOUS_ALLOCATION, 2, ESC_PREVIOUS_HOURS), ==,
                   "07:36");
  /* Parameters without a header, a real date as start date. */
  g_assert_cmpstr (esc_project_get_parameter (project, "start_date"), ==, "2026-12-07");
  g_assert_cmpstr (esc_project_get_parameter (project, "granularity"), ==, "15");
  g_assert_cmpuint (result->notes->len, ==, 0);

  remove_dir (dir);
}

static void
test_other_layout (void)
{
  /* The original's layout: marker, machine names, key markers, headings; columns in
   * another order; a title row; extra columns, formulas below the data and in a column
   * without a heading; booleans, text dates, Total/Parcial, country codes. */
  const char * const overrides[] = {
    "Employee", "table=employee\n"
                "role\tid\tstore\tpatterns\tweekly_dutarion\tcant_work\tfull_time\tApelido\n"
                "fk=role\tpk\tfk=store\n"
                "Função\tColaborador\tLoja\tJornadas\tDuração Jornada Semanal\tLicença\t"
                "Tempo Integral\tApelido\n"
                "CAIXA\tE001\tLJ01\tABERTURA\t#44\t\t?1\tAninha\n"
                "\n"
                "CAIXA\tE002\tLJ01\tABERTURA\t#40\t01/01/2027\tNão\t\t\t=A1|7\n"
                "CAIXA\tE003\tLJ01\tABERTURA\t#40\t\t#0\n"
                "\t\t\t\t=E5/5|8.8",
    "Holiday", "Feriados do ano\n"
               "\n"
               "day\tcountry\tcity_state\ttype\n"
               "Dia\tNacional?\tRegional?\tTotal/Parcial\n"
               "25/12/2026\tBR\t\tTotal\n"
               "@2026-12-24\tNão\tSP\tParcial\n"
               "@2026-12-31\tTRUE\t\t?0",
    "Parameters", "Parâmetro\tValor\n"
                  "Start date\t07/12/2026\n"
                  "max_horizon\t#14\n"
                  "allocation_priority_weekdays\tsex, sáb",
    NULL
  };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_workbook (dir, overrides);
  g_autoptr(EscImportResult) result = import_ok (path, NULL);
  EscProject *project = result->project;
  EscRow *row;
  const EscImportProblem *problem;

  g_assert_cmpuint (result->counts[ESC_TABLE_EMPLOYEE], ==, 3);
  g_assert_cmpstr (cell_of (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_ID), ==, "E001");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_ROLE), ==, "CAIXA");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_FULL_TIME), ==, "yes");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_EMPLOYEE, 1, ESC_EMPLOYEE_FULL_TIME), ==, "no");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_EMPLOYEE, 2, ESC_EMPLOYEE_FULL_TIME), ==, "no");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_EMPLOYEE, 1, ESC_EMPLOYEE_LEAVE), ==, "01/01/2027");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_EMPLOYEE, 1, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "40");

  /* The unknown column is kept as an extra, with one warning at its heading. */
  row = esc_table_get_row (esc_project_get_table (project, ESC_TABLE_EMPLOYEE), 0);
  g_assert_cmpstr (esc_row_get_extra (row, "Apelido"), ==, "Aninha");
  row = esc_table_get_row (esc_project_get_table (project, ESC_TABLE_EMPLOYEE), 1);
  g_assert_null (esc_row_get_extra (row, "Apelido"));
  problem = find_problem (result, "Employee", "H2");
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->severity, ==, ESC_SEVERITY_WARNING);
  g_assert_nonnull (strstr (problem->message, "Apelido"));
  g_assert_cmpuint (result->n_warnings, ==, 1);

  /* Holidays: a country code makes a national holiday of that country. */
  g_assert_cmpuint (result->counts[ESC_TABLE_HOLIDAY], ==, 3);
  g_assert_cmpstr (cell_of (project, ESC_TABLE_HOLIDAY, 0, ESC_HOLIDAY_DATE), ==, "2026-12-25");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_HOLIDAY, 0, ESC_HOLIDAY_NATIONAL), ==, "yes");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_HOLIDAY, 0, ESC_HOLIDAY_COUNTRY), ==, "BR");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_HOLIDAY, 0, ESC_HOLIDAY_FULL_DAY), ==, "yes");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_HOLIDAY, 1, ESC_HOLIDAY_NATIONAL), ==, "no");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_HOLIDAY, 1, ESC_HOLIDAY_COUNTRY), ==, "");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_HOLIDAY, 1, ESC_HOLIDAY_REGION), ==, "SP");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_HOLIDAY, 1, ESC_HOLIDAY_FULL_DAY), ==, "no");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_HOLIDAY, 2, ESC_HOLIDAY_NATIONAL), ==, "yes");
  g_assert_cmpstr (cell_of (project, ESC_TABLE_HOLIDAY, 2, ESC_HOLIDAY_FULL_DAY), ==, "no");

  /* Parameters with a header, keys by title, values by type. */
  g_assert_cmpstr (esc_project_get_parameter (project, "start_date"), ==, "2026-12-07");
  g_assert_cmpstr (esc_project_get_parameter (project, "max_horizon"), ==, "14");
  g_assert_cmpstr (esc_project_get_parameter (project, "allocation_priority_weekdays"), ==,
                   "fri, sat");

  remove_dir (dir);
}

/* Copies the members of @in to @out, declaring the 1904 date system in xl/workbook.xml. */
static void
copy_zip_1904 (GsfInfile  *in,
               GsfOutfile *out,
               const char *prefix)
{
  for (int i = 0; i < gsf_infile_num_children (in); i++)
    {
      GsfInput *child = gsf_infile_child_by_index (in, i);
      const char *name = gsf_infile_name_by_index (in, i);
      g_autofree char *path = *prefix != '\0' ? g_strdup_printf ("%s/%s", prefix, name)
                                              : g_strdup (name);
      gboolean is_dir = GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0;
      GsfOutput *member = gsf_outfile_new_child (out, name, is_dir);

      if (is_dir)
        copy_zip_1904 (GSF_INFILE (child), GSF_OUTFILE (member), path);
      else
        {
          gsf_off_t size = gsf_input_size (child);
          g_autoptr(GString) text = g_string_sized_new (size);

          g_string_set_size (text, size);
          g_assert_nonnull (gsf_input_read (child, size, (guint8 *) text->str));
          if (g_str_equal (path, "xl/workbook.xml"))
            g_assert_cmpuint (g_string_replace (text, "<workbookPr ",
                                                "<workbookPr date1904=\"1\" ", 1), ==, 1);
          gsf_output_write (member, text->len, (const guint8 *) text->str);
        }
      gsf_output_close (member);
      g_object_unref (member);
      g_object_unref (child);
    }
}

static void
test_duplicate_column (void)
{
  const char * const overrides[] = {
    "Store", "Nome da Loja\tID do Local\tLoja\nLJ01\tLOC01\tLJ99",
    NULL
  };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_workbook (dir, overrides);
  g_autoptr(EscImportResult) result = import_ok (path, NULL);
  const EscImportProblem *problem = find_problem (result, "Store", "C1");

  /* The first "store id" column is read; the second is reported and ignored. */
  g_assert_cmpstr (cell_of (result->project, ESC_TABLE_STORE, 0, ESC_STORE_ID), ==, "LJ01");
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->severity, ==, ESC_SEVERITY_WARNING);
  g_assert_nonnull (strstr (problem->message, "A1"));
  remove_dir (dir);
}

static void
test_epoch_1904 (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *plain = write_workbook_full (dir, "plain.xlsx", NULL, TRUE);
  g_autofree char *path = g_build_filename (dir, "1904.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  GsfInput *input;
  GsfInfile *infile;
  GsfOutput *output;
  GsfOutfile *outfile;
  g_autoptr(EscImportResult) result = NULL;

  /* GsfInput and friends have no autoptr in libgsf 1.14.50: unreffed by hand. */
  input = gsf_input_stdio_new (plain, &error);
  g_assert_no_error (error);
  infile = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  output = gsf_output_stdio_new (path, &error);
  g_assert_no_error (error);
  outfile = gsf_outfile_zip_new (output, &error);
  g_assert_no_error (error);
  copy_zip_1904 (infile, outfile, "");
  gsf_output_close (GSF_OUTPUT (outfile));
  gsf_output_close (output);
  g_object_unref (outfile);
  g_object_unref (output);
  g_object_unref (infile);
  g_object_unref (input);

  /* The dates were written as 1904 serials: read in the 1900 system they would be four
   * years early. */
  result = import_ok (path, NULL);
  g_assert_cmpstr (esc_project_get_parameter (result->project, "start_date"), ==, "2026-12-07");
  g_assert_cmpstr (cell_of (result->project, ESC_TABLE_DEMAND, 3, ESC_DEMAND_DAY), ==,
                   "2026-12-24");
  g_assert_cmpstr (cell_of (result->project, ESC_TABLE_HOLIDAY, 0, ESC_HOLIDAY_DATE), ==,
                   "2026-12-25");
  g_assert_cmpstr (cell_of (result->project, ESC_TABLE_PREVIOUS_ALLOCATION, 0, ESC_PREVIOUS_DATE),
                   ==, "2026-12-05");

  remove_dir (dir);
}

static void
test_default_parameters (void)
{
  const char * const no_parameters[] = { "Parameters", NULL, NULL };
  const char * const no_history[] = { "Parameters", NULL, "PreviousAllocation", NULL, NULL };
  const char * const no_start[] = { "Parameters", "max_horizon\t#14", NULL };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path1 = write_workbook (dir, no_parameters);
  g_autofree char *path2 = write_workbook (dir, no_history);
  g_autofree char *path3 = write_workbook (dir, no_start);
  EscImportOptions options = { 0 };
  GDate today;

  /* The day after the history. */
  {
    g_autoptr(EscImportResult) result = import_ok (path1, NULL);

    g_assert_cmpstr (esc_project_get_parameter (result->project, "start_date"), ==, "2026-12-07");
    g_assert_cmpstr (esc_project_get_parameter (result->project, "max_horizon"), ==, "28");
    g_assert_cmpuint (result->notes->len, ==, 1);
  }

  /* Without history: the next Monday after today (a Wednesday here). */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 2, G_DATE_DECEMBER, 2026);
  options.today = g_date_get_julian (&today);
  {
    g_autoptr(EscImportResult) result = import_ok (path2, &options);

    g_assert_cmpstr (esc_project_get_parameter (result->project, "start_date"), ==, "2026-12-07");
    g_assert_cmpuint (result->notes->len, ==, 2);  /* no history, defaults */
  }
  /* ... and on a Monday, the Monday after. */
  g_date_set_dmy (&today, 7, G_DATE_DECEMBER, 2026);
  options.today = g_date_get_julian (&today);
  {
    g_autoptr(EscImportResult) result = import_ok (path2, &options);

    g_assert_cmpstr (esc_project_get_parameter (result->project, "start_date"), ==, "2026-12-14");
  }

  /* A Parameters sheet without start_date: only the start date defaults. */
  {
    g_autoptr(EscImportResult) result = import_ok (path3, NULL);

    g_assert_cmpstr (esc_project_get_parameter (result->project, "start_date"), ==, "2026-12-07");
    g_assert_cmpstr (esc_project_get_parameter (result->project, "max_horizon"), ==, "14");
  }

  remove_dir (dir);
}

/* Errors ---------------------------------------------------------------------------------- */

/* Little-endian fields of a zip header, which sit at any byte offset (memcpy: no
 * misaligned load). */
static guint32
zip_u32 (const guint8 *p)
{
  guint32 value;

  memcpy (&value, p, sizeof value);
  return GUINT32_FROM_LE (value);
}

static guint16
zip_u16 (const guint8 *p)
{
  guint16 value;

  memcpy (&value, p, sizeof value);
  return GUINT16_FROM_LE (value);
}

/* Pairs of offsets [start, end) of the compressed data of the zip members under
 * xl/worksheets/, found through their local headers. */
static GArray *
sheet_data_ranges (const guint8 *data,
                   gsize         length)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize offset = 0;

  while (offset + 30 <= length && zip_u32 (data + offset) == 0x04034b50)
    {
      guint32 size = zip_u32 (data + offset + 18);
      guint16 name_length = zip_u16 (data + offset + 26);
      guint16 extra_length = zip_u16 (data + offset + 28);
      gsize start = offset + 30 + name_length + extra_length;
      g_autofree char *name = g_strndup ((const char *) data + offset + 30, name_length);

      if (size == 0 || start + size > length)
        break;
      if (g_str_has_prefix (name, "xl/worksheets/"))
        {
          gsize end = start + size;

          g_array_append_val (ranges, start);
          g_array_append_val (ranges, end);
        }
      offset = start + size;
    }
  return ranges;
}

static void
test_error_corrupt_zip (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *good = write_workbook (dir, NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.xlsx", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *garbage[] = { "", "PK\003\004 not really a zip", "just text, not a workbook" };

  for (guint i = 0; i < G_N_ELEMENTS (garbage); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_bytes_new_static (garbage[i], strlen (garbage[i]));
      g_autoptr(EscImportResult) result = NULL;

      result = esc_template_import_bytes (bytes, "bad.xlsx", NULL, &error);

      g_assert_null (result);
      g_assert_nonnull (error);
      g_assert_true (error->domain == ESC_IO_ERROR);
      g_assert_nonnull (strstr (error->message, "bad.xlsx"));
    }

  /* A real workbook cut in half, and one with damaged bytes in the middle. */
  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  for (guint cut = 0; cut < 2; cut++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EscImportResult) result = NULL;

      if (cut == 0)
        g_assert_true (g_file_set_contents (bad, contents, length / 2, NULL));
      else
        {
          g_autofree char *damaged = g_memdup2 (contents, length);
          g_autoptr(GArray) ranges = sheet_data_ranges ((const guint8 *) contents, length);
          gsize start = g_array_index (ranges, gsize, 0);
          gsize end = g_array_index (ranges, gsize, 1);

          /* Scramble the compressed data of the first sheet. */
          for (gsize k = start; k < end; k++)
            damaged[k] ^= 0x5A;
          g_assert_true (g_file_set_contents (bad, damaged, length, NULL));
        }
      result = esc_template_import (bad, NULL, &error);
      /* Either unreadable, or (when the damage hit a sheet only) a failed import. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == ESC_IO_ERROR);
      g_assert_true (result == NULL || result->project == NULL);
    }

  /* Random damage inside the compressed sheets (damaged zip headers make libgsf itself
   * warn): a result or an error, never a crash. Reproducible: a fixed seed. */
  {
    g_autoptr(GArray) ranges = sheet_data_ranges ((const guint8 *) contents, length);
    GRand *rand = g_rand_new_with_seed (20261207);

    g_assert_cmpuint (ranges->len, >=, 8);
    for (guint i = 0; i < 60; i++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *damaged = g_memdup2 (contents, length);
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(EscImportResult) result = NULL;
        const gsize *range = &g_array_index (ranges, gsize, 2 * (i % (ranges->len / 2)));

        for (guint k = 0; k < 1 + i % 3 && range[1] > range[0]; k++)
          damaged[g_rand_int_range (rand, range[0], range[1])] =
            (char) g_rand_int_range (rand, 0, 256);
        bytes = g_bytes_new_take (g_steal_pointer (&damaged), length);
        result = esc_template_import_bytes (bytes, "damaged.xlsx", NULL, &error);
        g_assert_true (result != NULL || error != NULL);
        g_assert_true (result == NULL || result->project != NULL || error != NULL);
      }
    g_rand_free (rand);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *missing = g_build_filename (dir, "missing.xlsx", NULL);
    g_autoptr(EscImportResult) result = esc_template_import (missing, NULL, &error);

    g_assert_null (result);
    g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_READ);
  }
  remove_dir (dir);
}

static void
test_error_missing_sheet (void)
{
  const char * const overrides[] = { "Employee", NULL, NULL };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_workbook (dir, overrides);
  EscImportOptions options = { .skip_bad_rows = TRUE };

  for (guint skip = 0; skip < 2; skip++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EscImportResult) result = NULL;

      result = esc_template_import (path, skip ? &options : NULL, &error);
      const EscImportProblem *problem;

      g_assert_nonnull (result);
      g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_MISSING);
      g_assert_null (result->project);
      g_assert_true (result->fatal);
      problem = find_problem (result, "Employee", NULL);
      g_assert_nonnull (problem);
      g_assert_nonnull (strstr (problem->message, "“Employee”"));
      g_assert_nonnull (strstr (error->message, "Employee"));
      /* Only the cells' own checks: no flood of unknown employees in the history. */
      g_assert_cmpuint (result->n_errors, ==, 1);
    }
  remove_dir (dir);
}

static void
test_error_wrong_type (void)
{
  const char * const overrides[] = {
    "Employee", "Código do Colaborador\tFunção\tLoja\tDuração Jornada Semanal\tJornadas\n"
                "E001\tCAIXA\tLJ01\t#44\tABERTURA\n"
                "E002\tCAIXA\tLJ01\t#44\tABERTURA\n"
                "E003\tCAIXA\tLJ01\t#44\tABERTURA\n"
                "E004\tCAIXA\tLJ01\t#44\tABERTURA\n"
                "E005\tCAIXA\tLJ01\t#44\tABERTURA\n"
                "E006\tCAIXA\tLJ01\tquarenta\tABERTURA",
    NULL
  };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_workbook (dir, overrides);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscImportResult) result = esc_template_import (path, NULL, &error);
  const EscImportProblem *problem;
  g_autofree char *line = NULL;

  g_assert_nonnull (result);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_INVALID);
  g_assert_null (result->project);
  g_assert_false (result->fatal);
  problem = find_problem (result, "Employee", "D7");
  g_assert_nonnull (problem);
  line = esc_import_problem_to_string (problem);
  g_test_message ("%s", line);
  g_assert_true (g_str_has_prefix (line, "Employee!D7: expected "));
  g_assert_nonnull (strstr (line, "hours"));
  g_assert_nonnull (strstr (line, "“quarenta”"));
  remove_dir (dir);
}

static void
test_error_bad_window (void)
{
  const char * const overrides[] = {
    "Shift", "Jornada\tJanela de Trabalho 2a\tJanela de Trabalho 3a\n"
             "ABERTURA\t08:00 - 16:00\t08:00 - 16:00\n"
             "FECHAMENTO\t14:00-25:00\t14:00 - 22:00",
    NULL
  };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_workbook (dir, overrides);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscImportResult) result = esc_template_import (path, NULL, &error);
  const EscImportProblem *problem;

  g_assert_nonnull (result);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_INVALID);
  problem = find_problem (result, "Shift", "B3");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "25:00"));
  g_assert_nonnull (strstr (error->message, "Shift!B3"));
  remove_dir (dir);
}

static void
test_error_missing_column (void)
{
  const char * const overrides[] = {
    "Employee", "Código do Colaborador\tFunção\tLoja\tJornadas\n"
                "E001\tCAIXA\tLJ01\tABERTURA",
    "Demand", "Loja\tFunção\tDia\tInício\tQuantidade Mínima\n"
              "LJ01\tCAIXA\tmon\t08:00\t#2",
    NULL
  };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_workbook (dir, overrides);
  EscImportOptions options = { .skip_bad_rows = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(EscImportResult) result = esc_template_import (path, &options, &error);
  const EscImportProblem *problem;

  g_assert_nonnull (result);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_MISSING);
  g_assert_null (result->project);
  g_assert_true (result->fatal);
  problem = find_problem (result, "Employee", NULL);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "weekly_hours"));
  problem = find_problem (result, "Demand", NULL);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "end"));
  remove_dir (dir);
}

static void
test_error_all_collected (void)
{
  const char * const overrides[] = {
    "Demand", "Loja\tFunção\tDia\tInício\tFim\tQuantidade Mínima\n"
              "LJ01\tCAIXA\tmon\t08:00\t12:00\tX\n"
              "LJ01\tCAIXA\tmonday-ish\t08:00\t12:00\t#1\n"
              "LJ09\tCAIXA\ttue\t12:00\t08:00\t#1",
    NULL
  };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_workbook (dir, overrides);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscImportResult) result = esc_template_import (path, NULL, &error);

  g_assert_nonnull (result);
  g_assert_nonnull (error);
  dump_problems (result);
  g_assert_nonnull (find_problem (result, "Demand", "F2"));
  g_assert_nonnull (find_problem (result, "Demand", "C3"));
  g_assert_nonnull (find_problem (result, "Demand", "A4"));
  g_assert_nonnull (find_problem (result, "Demand", "E4"));    /* a window ending too early */
  g_assert_cmpuint (result->n_bad_rows, ==, 3);
  g_assert_nonnull (strstr (error->message, "errors"));
  remove_dir (dir);
}

static void
test_error_no_header (void)
{
  const char * const overrides[] = {
    "Role", "CAIXA\nGERENTE",
    "Store", "",
    NULL
  };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_workbook (dir, overrides);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscImportResult) result = esc_template_import (path, NULL, &error);
  const EscImportProblem *problem;

  g_assert_nonnull (result);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_MISSING);
  problem = find_problem (result, "Role", NULL);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "header"));
  problem = find_problem (result, "Store", NULL);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "empty"));
  remove_dir (dir);
}

static void
test_formula_values (void)
{
  const char * const overrides[] = {
    "Location", "Código da localidade\tCidade\tEstado\nLOC01\t=1/0|0\tSP",
    NULL
  };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_workbook (dir, overrides);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscImportResult) result = NULL;

  /* A formula in a recognised column imports its cached value. */
  result = esc_template_import (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cell_of (result->project, ESC_TABLE_LOCATION, 0, ESC_LOCATION_CITY), ==, "0");
  remove_dir (dir);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  EscImportResult **result = user_data;
  g_autoptr(GError) error = NULL;

  *result = esc_template_import_finish (async_result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*result);
}

static void
test_async (void)
{
  const char * const overrides[] = {
    "Demand", "Loja\tFunção\tDia\tInício\tFim\tQuantidade Mínima\n"
              "LJ01\tCAIXA\tmon\t08:00\t12:00\tX",
    NULL
  };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *good = write_workbook (dir, NULL);
  g_autofree char *bad = write_workbook (dir, overrides);
  EscImportOptions options = { .skip_bad_rows = FALSE };

  {
    g_autoptr(EscImportResult) result = NULL;

    esc_template_import_async (good, &options, NULL, import_done_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_nonnull (result->project);
    g_assert_null (result->error);
    g_assert_cmpuint (result->counts[ESC_TABLE_EMPLOYEE], ==, 5);
  }
  {
    g_autoptr(EscImportResult) result = NULL;

    /* A failed import is a result with an error and the problems, not a GError. */
    esc_template_import_async (bad, &options, NULL, import_done_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_null (result->project);
    g_assert_error (result->error, ESC_IO_ERROR, ESC_IO_ERROR_INVALID);
    g_assert_cmpuint (result->n_bad_rows, ==, 1);
    g_assert_nonnull (find_problem (result, "Demand", "F2"));
  }
  remove_dir (dir);
}

/* Skipping rows --------------------------------------------------------------------------- */

static void
test_skip_cascade (void)
{
  const char * const overrides[] = {
    "Employee", "Código do Colaborador\tFunção\tLoja\tDuração Jornada Semanal\tJornadas\n"
                "E001\tCAIXA\tLJ01\tmuitas\tABERTURA\n"
                "E002\tCAIXA\tLJ01\t#44\tABERTURA\n"
                "E003\tCAIXA\tLJ01\t#44\tABERTURA\n"
                "E004\tCAIXA\tLJ01\t#44\tABERTURA\n"
                "E005\tCAIXA\tLJ01\t#44\tABERTURA",
    NULL
  };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_workbook (dir, overrides);
  EscImportOptions options = { .skip_bad_rows = TRUE };
  g_autoptr(EscImportResult) result = import_ok (path, &options);
  g_autoptr(GPtrArray) diagnostics = esc_validate_project (result->project);
  const EscImportProblem *problem;

  /* E001 is left out, then its two history rows, which name it. */
  g_assert_cmpuint (result->counts[ESC_TABLE_EMPLOYEE], ==, 4);
  g_assert_cmpuint (result->counts[ESC_TABLE_PREVIOUS_ALLOCATION], ==, 1);
  g_assert_cmpuint (result->n_skipped, ==, 3);
  g_assert_cmpuint (esc_validate_count_errors (diagnostics), ==, 0);
  problem = find_problem (result, "Employee", "D2");
  g_assert_nonnull (problem);
  g_assert_true (problem->skipped);
  problem = find_problem (result, "PreviousAllocation", "A2");
  g_assert_nonnull (problem);
  g_assert_true (problem->skipped);
  g_assert_cmpuint (result->notes->len, ==, 2);
  remove_dir (dir);
}

/* Applying an import ---------------------------------------------------------------------- */

static void
test_command (void)
{
  const char * const overrides[] = { "Parameters", NULL, "Holiday", NULL, NULL };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_workbook (dir, overrides);
  g_autoptr(EscImportResult) result = import_ok (path, NULL);
  g_autoptr(EscProject) target = esc_template_new_example_project ();
  g_autoptr(EscProject) before = NULL;
  g_autoptr(EscCommand) command = NULL;
  EscTable *holidays = esc_project_get_table (target, ESC_TABLE_HOLIDAY);

  esc_project_set_parameter (target, "start_date", "2026-11-30");
  esc_project_set_parameter (target, "max_horizon", "14");
  before = esc_project_copy (target);
  g_assert_false (result->tables_read[ESC_TABLE_HOLIDAY]);
  command = esc_template_import_command (target, result->project);
  esc_project_execute (target, command);

  /* The tables the workbook had are replaced; holidays (no sheet) stay; the parameters
   * keep theirs but the start date, which follows the new history. */
  g_assert_true (esc_table_equal (esc_project_get_table (target, ESC_TABLE_EMPLOYEE),
                                  esc_project_get_table (result->project, ESC_TABLE_EMPLOYEE)));
  g_assert_true (esc_table_equal (holidays, esc_project_get_table (before, ESC_TABLE_HOLIDAY)));
  g_assert_cmpstr (esc_project_get_parameter (target, "start_date"), ==, "2026-12-07");
  g_assert_cmpstr (esc_project_get_parameter (target, "granularity"), ==,
                   esc_project_get_parameter (before, "granularity"));
  g_assert_cmpstr (esc_project_get_parameter (target, "max_horizon"), ==,
                   esc_project_get_parameter (before, "max_horizon"));
  g_assert_nonnull (strstr (esc_command_get_label (command), "workbook-"));

  /* One undo step takes it all back, one redo applies it again. */
  g_assert_true (esc_project_undo (target));
  g_assert_true (esc_project_equal (target, before));
  g_assert_true (esc_project_redo (target));
  g_assert_true (esc_table_equal (esc_project_get_table (target, ESC_TABLE_DEMAND),
                                  esc_project_get_table (result->project, ESC_TABLE_DEMAND)));

  /* The imported project is not changed by applying it. */
  g_assert_cmpuint (result->counts[ESC_TABLE_EMPLOYEE], ==,
                    esc_table_get_n_rows (esc_project_get_table (result->project,
                                                                 ESC_TABLE_EMPLOYEE)));
  remove_dir (dir);
}

static void
test_command_not_an_import (void)
{
  g_autoptr(EscProject) target = esc_template_new_example_project ();
  g_autoptr(EscProject) other = esc_project_new ();
  g_autoptr(EscProject) before = esc_project_copy (target);
  g_autoptr(EscCommand) command = NULL;

  esc_project_set_parameter (other, "start_date", "2027-01-04");
  command = esc_template_import_command (target, other);
  esc_project_execute (target, command);
  g_assert_true (esc_project_equal (target, other));
  g_assert_true (esc_project_undo (target));
  g_assert_true (esc_project_equal (target, before));
}

/* CSV ------------------------------------------------------------------------------------- */

static void
test_csv_import (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "employee.csv", NULL);
  g_autoptr(EscProject) base = esc_template_new_example_project ();
  EscImportOptions options = { .skip_bad_rows = FALSE };
  const char *csv =
    "\xEF\xBB\xBF" "Colaborador;Função;Loja;Duração Jornada Semanal;Jornadas;Apelido\r\n"
    "E001;CAIXA;LJ01;44;\"ABERTURA, FECHAMENTO\";Ana\r\n"
    "E002;CAIXA;LJ01;40,5;ABERTURA;\"Bruno \"\"B\"\"\"\r\n"
    "E003;REPOSITOR;LJ01;36;NOTURNO;\r\n";

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EscImportResult) result = esc_template_import_csv (path, ESC_TABLE_EMPLOYEE, base,
                                                                 &options, &error);
    EscRow *row;

    g_assert_no_error (error);
    g_assert_nonnull (result->project);
    g_assert_cmpuint (result->counts[ESC_TABLE_EMPLOYEE], ==, 3);
    g_assert_true (result->tables_read[ESC_TABLE_EMPLOYEE]);
    g_assert_false (result->tables_read[ESC_TABLE_DEMAND]);
    g_assert_cmpstr (cell_of (result->project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_PATTERNS), ==,
                     "ABERTURA, FECHAMENTO");
    g_assert_cmpstr (cell_of (result->project, ESC_TABLE_EMPLOYEE, 1, ESC_EMPLOYEE_WEEKLY_HOURS),
                     ==, "40,5");
    row = esc_table_get_row (esc_project_get_table (result->project, ESC_TABLE_EMPLOYEE), 1);
    g_assert_cmpstr (esc_row_get_extra (row, "Apelido"), ==, "Bruno \"B\"");
    /* Other tables come from the base. */
    g_assert_true (esc_table_equal (esc_project_get_table (result->project, ESC_TABLE_DEMAND),
                                    esc_project_get_table (base, ESC_TABLE_DEMAND)));
  }

  /* A bad cell is named by file and cell; an employee left out whose history remains
   * in another table is the import's problem too. */
  csv = "id,role,store,weekly_hours,patterns\n"
        "E001,CAIXA,LJ01,quarenta,ABERTURA\n"
        "E003,REPOSITOR,LJ01,36,NOTURNO\n";
  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EscImportResult) result = esc_template_import_csv (path, ESC_TABLE_EMPLOYEE, base,
                                                                 &options, &error);
    gboolean history_problem = FALSE;

    g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_INVALID);
    g_assert_null (result->project);
    g_assert_nonnull (find_problem (result, "employee.csv", "D2"));
    for (guint i = 0; i < result->problems->len; i++)
      {
        const EscImportProblem *problem = g_ptr_array_index (result->problems, i);

        if (problem->table == ESC_TABLE_PREVIOUS_ALLOCATION)
          history_problem = TRUE;
      }
    g_assert_true (history_problem);
  }

  /* An unreadable CSV. */
  g_assert_true (g_file_set_contents (path, "id\n\"E001\n", -1, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EscImportResult) result = esc_template_import_csv (path, ESC_TABLE_EMPLOYEE, NULL,
                                                                 NULL, &error);

    g_assert_null (result);
    g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT);
  }
  remove_dir (dir);
}

void
esc_test_add_template_import_tests (void)
{
  g_test_add_func ("/io/template-import/sample-store", test_sample_store);
  g_test_add_func ("/io/template-import/original-example/strict", test_original_strict);
  g_test_add_func ("/io/template-import/original-example/skip-bad-rows", test_original_skip);
  g_test_add_func ("/io/template-import/headings", test_headings);
  g_test_add_func ("/io/template-import/language", test_language);
  g_test_add_func ("/io/template-import/values", test_values);
  g_test_add_func ("/io/template-import/other-layout", test_other_layout);
  g_test_add_func ("/io/template-import/duplicate-column", test_duplicate_column);
  g_test_add_func ("/io/template-import/epoch-1904", test_epoch_1904);
  g_test_add_func ("/io/template-import/default-parameters", test_default_parameters);
  g_test_add_func ("/io/template-import/error/corrupt-zip", test_error_corrupt_zip);
  g_test_add_func ("/io/template-import/error/missing-sheet", test_error_missing_sheet);
  g_test_add_func ("/io/template-import/error/wrong-type", test_error_wrong_type);
  g_test_add_func ("/io/template-import/error/bad-window", test_error_bad_window);
  g_test_add_func ("/io/template-import/error/missing-column", test_error_missing_column);
  g_test_add_func ("/io/template-import/error/all-collected", test_error_all_collected);
  g_test_add_func ("/io/template-import/error/no-header", test_error_no_header);
  g_test_add_func ("/io/template-import/formula-values", test_formula_values);
  g_test_add_func ("/io/template-import/async", test_async);
  g_test_add_func ("/io/template-import/skip-cascade", test_skip_cascade);
  g_test_add_func ("/io/template-import/command", test_command);
  g_test_add_func ("/io/template-import/command-not-an-import", test_command_not_an_import);
  g_test_add_func ("/io/template-import/csv", test_csv_import);
}
