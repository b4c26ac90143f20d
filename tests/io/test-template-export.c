/* test-template-export.c: tests of the template and results exports.
 *
 * import(export(p)) == p for the sample and for a project that uses every column of every
 * table (with extras), in English and Portuguese; the cells are typed (real dates,
 * numbers); the blank template imports clean; the results workbook of a schedule holds the
 * figures of its summary JSON, the coverage of esc_evaluate_slot_coverage() and a roster
 * with codes; the schedule saved in a project reads back; write failures are reported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-test"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "core/esc-parse.h"
#include "core/esc-validate.h"
#include "io/esc-csv.h"
#include "io/esc-io-error.h"
#include "io/esc-project-file.h"
#include "io/esc-results-export.h"
#include "io/esc-template-export.h"
#include "io/esc-xlsx-reader.h"
#include "solver/esc-evaluate.h"
#include "solver/esc-schedule-output.h"
#include "test-io.h"

/* Helpers --------------------------------------------------------------------------------- */

typedef struct
{
  EscXlsxCellType type;
  char           *text;
  double          number;
  gboolean        is_date;
} Cell;

/* A sheet as read: "A1" -> Cell; and its number of rows. */
typedef struct
{
  GHashTable *cells;
  guint       last_row;
} Sheet;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_free (cell->text);
  g_free (cell);
}

static void
sheet_free (Sheet *sheet)
{
  g_hash_table_unref (sheet->cells);
  g_free (sheet);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sheet, sheet_free)

static gboolean
collect_cb (guint              row,
            const EscXlsxCell *cells,
            guint              n_cells,
            gpointer           user_data,
            GError           **error)
{
  Sheet *sheet = user_data;

  for (guint i = 0; i < n_cells; i++)
    {
      Cell *cell = g_new0 (Cell, 1);

      cell->type = cells[i].type;
      cell->text = g_strdup (cells[i].text);
      cell->number = cells[i].number;
      cell->is_date = cells[i].is_date;
      g_hash_table_insert (sheet->cells, esc_xlsx_cell_address (row, cells[i].col), cell);
    }
  sheet->last_row = row;
  return TRUE;
}

static Sheet *
read_sheet (const char *path,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscXlsxReader) reader = esc_xlsx_reader_open (path, &error);
  Sheet *sheet = g_new0 (Sheet, 1);

  g_assert_no_error (error);
  sheet->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cell_free);
  esc_xlsx_reader_foreach_row (reader, name, collect_cb, sheet, &error);
  g_assert_no_error (error);
  return sheet;
}

static const Cell *
get_cell (Sheet      *sheet,
          const char *address)
{
  return g_hash_table_lookup (sheet->cells, address);
}

static const Cell *
cell_at (Sheet *sheet,
         guint  row,
         guint  col)
{
  g_autofree char *address = esc_xlsx_cell_address (row, col);

  return get_cell (sheet, address);
}

/* The 1-based column of the heading @text in row @row, or 0. */
static guint
find_column (Sheet      *sheet,
             guint       row,
             const char *text)
{
  for (guint col = 1; col < 200; col++)
    {
      const Cell *cell = cell_at (sheet, row, col);

      if (cell != NULL && g_str_equal (cell->text, text))
        return col;
    }
  return 0;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("escala-export-XXXXXX", &error);

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

static void
assert_no_errors (EscProject *project)
{
  g_autoptr(GPtrArray) diagnostics = esc_validate_project (project);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = esc_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_test_message ("%s", line);
    }
  g_assert_cmpuint (esc_validate_count_errors (diagnostics), ==, 0);
}

/* Exports @project in @language and imports it back; returns the imported project. */
static EscProject *
round_trip (EscProject          *project,
            const char          *dir,
            EscTemplateLanguage  language)
{
  g_autofree char *path = g_build_filename (dir, language == ESC_TEMPLATE_LANGUAGE_PT_BR
                                                   ? "template-pt.xlsx" : "template-en.xlsx",
                                            NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscImportResult) result = NULL;

  g_assert_true (esc_template_export (project, path, language, &error));
  g_assert_no_error (error);
  result = esc_template_import (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->n_errors, ==, 0);
  g_assert_cmpuint (result->notes->len, ==, 0);
  return g_object_ref (result->project);
}

static void
assert_projects_equal (EscProject *a,
                       EscProject *b)
{
  for (guint t = 0; t < ESC_N_TABLES; t++)
    {
      EscTable *x = esc_project_get_table (a, t);
      EscTable *y = esc_project_get_table (b, t);
      const EscTableSchema *schema = esc_table_get_schema (x);

      g_assert_cmpuint (esc_table_get_n_rows (x), ==, esc_table_get_n_rows (y));
      for (guint r = 0; r < esc_table_get_n_rows (x); r++)
        {
          EscRow *rx = esc_table_get_row (x, r);
          EscRow *ry = esc_table_get_row (y, r);

          for (guint c = 0; c < schema->n_columns; c++)
            {
              g_test_message ("%s row %u %s", schema->key, r + 1, schema->columns[c].key);
              g_assert_cmpstr (esc_row_get (rx, c), ==, esc_row_get (ry, c));
            }
          g_assert_true (esc_row_equal (rx, ry));
        }
    }
  g_assert_true (esc_project_equal (a, b));
}

#define ROW(project, table, n_columns, ...) \
  esc_table_append_values (esc_project_get_table (project, table), \
                           (const char *[n_columns]) { __VA_ARGS__ })

/* A project with a value in every column of every table, valid, with extras. */
static EscProject *
new_full_project (void)
{
  EscProject *p = esc_project_new ();
  const EscParameterDef *defs;
  guint n_defs = 0;
  EscRow *row;

  ROW (p, ESC_TABLE_LOCATION, ESC_LOCATION_N_COLUMNS, "Rio de Janeiro - RJ", "Rio de Janeiro",
       "RJ", "BR");
  ROW (p, ESC_TABLE_LOCATION, ESC_LOCATION_N_COLUMNS, "Niterói - RJ", "Niterói", "RJ", "BR");
  ROW (p, ESC_TABLE_STORE, ESC_STORE_N_COLUMNS, "Norte Shop", "Rio de Janeiro - RJ",
       "Loja Norte");
  ROW (p, ESC_TABLE_STORE, ESC_STORE_N_COLUMNS, "Icaraí", "Niterói - RJ", "");
  ROW (p, ESC_TABLE_ROLE, ESC_ROLE_N_COLUMNS, "Atendente", "Atendente de loja");
  ROW (p, ESC_TABLE_ROLE, ESC_ROLE_N_COLUMNS, "Gerente", "");
  ROW (p, ESC_TABLE_SHIFT, ESC_SHIFT_N_COLUMNS, "Manhã", "06:00", "14:20", "60", "", "#62a0ea");
  ROW (p, ESC_TABLE_SHIFT, ESC_SHIFT_N_COLUMNS, "Plantão", "", "", "", "7.5", "");
  ROW (p, ESC_TABLE_PATTERN, ESC_PATTERN_N_COLUMNS, "6x1 manhã", "10:00 - 18:20", "Manhã",
       "Manhã, Plantão", "10:00 - 18:20", "10:00 - 18:20", "13:40 - 22:00", "");
  ROW (p, ESC_TABLE_PATTERN, ESC_PATTERN_N_COLUMNS, "noturno", "", "", "", "", "",
       "22:00 - 06:00", "22:00 - 06:00");
  ROW (p, ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_N_COLUMNS,
       [ESC_EMPLOYEE_ID] = "Adrianne", [ESC_EMPLOYEE_NAME] = "Adrianne Souza",
       [ESC_EMPLOYEE_ROLE] = "Atendente", [ESC_EMPLOYEE_STORE] = "Norte Shop",
       [ESC_EMPLOYEE_WEEKLY_HOURS] = "44", [ESC_EMPLOYEE_MAX_CONSECUTIVE_DAYS] = "6",
       [ESC_EMPLOYEE_MAX_CONSECUTIVE_SUNDAYS] = "2", [ESC_EMPLOYEE_LIMITED_WEEKDAY] = "sun",
       [ESC_EMPLOYEE_PREFERRED_REST] = "wed", [ESC_EMPLOYEE_COMPENSATION_DEADLINE] = "30",
       [ESC_EMPLOYEE_LEAVE] = "14/12/2026 - 20/12/2026, 24/12/2026 13:00 - 25/12/2026 12:00",
       [ESC_EMPLOYEE_PATTERNS] = "6x1 manhã, noturno", [ESC_EMPLOYEE_MIN_HOURS] = "100",
       [ESC_EMPLOYEE_MAX_HOURS] = "180.5", [ESC_EMPLOYEE_MAX_REST_DAYS] = "10",
       [ESC_EMPLOYEE_MIN_CONSECUTIVE_DAYS] = "2", [ESC_EMPLOYEE_MIN_CONSECUTIVE_DAYS_OFF] = "1",
       [ESC_EMPLOYEE_MAX_WEEKENDS] = "3", [ESC_EMPLOYEE_MAX_SHIFTS] = "Manhã:20, Plantão:5",
       [ESC_EMPLOYEE_SKILLS] = "caixa, estoque", [ESC_EMPLOYEE_FULL_TIME] = "yes",
       [ESC_EMPLOYEE_TRAINEE] = "no", [ESC_EMPLOYEE_START_DATE] = "2020-03-01",
       [ESC_EMPLOYEE_SPARE_CAPACITY] = "4");
  row = ROW (p, ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_N_COLUMNS,
             [ESC_EMPLOYEE_ID] = "Ana Lúcia", [ESC_EMPLOYEE_ROLE] = "Atendente",
             [ESC_EMPLOYEE_STORE] = "Icaraí", [ESC_EMPLOYEE_WEEKLY_HOURS] = "07:30",
             [ESC_EMPLOYEE_PATTERNS] = "noturno", [ESC_EMPLOYEE_TRAINEE] = "yes");
  esc_row_set_extra (row, "Apelido", "Aninha");
  esc_row_set_extra (row, "Observação", "prefere, \"se possível\", manhãs");

  row = ROW (p, ESC_TABLE_DEMAND, ESC_DEMAND_N_COLUMNS, "Norte Shop", "Atendente", "mon",
             "08:00", "16:00", "", "2", "1.5", "0.25");
  esc_row_set_extra (row, "Obs", "pico");
  ROW (p, ESC_TABLE_DEMAND, ESC_DEMAND_N_COLUMNS, "Norte Shop", "Gerente", "2026-12-24",
       "", "", "Manhã", "1", "", "");
  ROW (p, ESC_TABLE_DEMAND, ESC_DEMAND_N_COLUMNS, "Icaraí", "Atendente", "sat", "22:00",
       "24:00", "", "0", "", "");
  ROW (p, ESC_TABLE_HOLIDAY, ESC_HOLIDAY_N_COLUMNS, "2026-12-25", "Natal", "yes", "BR", "",
       "yes");
  ROW (p, ESC_TABLE_HOLIDAY, ESC_HOLIDAY_N_COLUMNS, "2026-12-08", "Nossa Senhora da Conceição",
       "no", "", "Niterói - RJ", "no");
  ROW (p, ESC_TABLE_PREVIOUS_ALLOCATION, ESC_PREVIOUS_N_COLUMNS, "Adrianne", "2026-12-05",
       "07:36");
  ROW (p, ESC_TABLE_PREVIOUS_ALLOCATION, ESC_PREVIOUS_N_COLUMNS, "Adrianne", "2026-12-06", "C");
  ROW (p, ESC_TABLE_PREFERENCE, ESC_PREFERENCE_N_COLUMNS, "Adrianne", "prefer", "2026-12-10",
       "Manhã", "2");
  ROW (p, ESC_TABLE_PREFERENCE, ESC_PREFERENCE_N_COLUMNS, "Ana Lúcia", "ban", "", "Plantão", "");
  ROW (p, ESC_TABLE_FORBIDDEN_SEQUENCE, ESC_SEQUENCE_N_COLUMNS, "Plantão", "Manhã");

  defs = esc_schema_get_parameters (&n_defs);
  for (guint i = 0; i < n_defs; i++)
    {
      const char *value = defs[i].default_value;

      if (g_str_equal (defs[i].key, "start_date"))
        value = "2026-12-07";
      else if (g_str_equal (defs[i].key, "store_id"))
        value = "Norte Shop, Icaraí";
      else if (g_str_equal (defs[i].key, "role_id"))
        value = "Atendente";
      else if (g_str_equal (defs[i].key, "allocation_priority_weekdays"))
        value = "fri, sat";
      else if (g_str_equal (defs[i].key, "allocation_priority_interval"))
        value = "25-31, 1-5";
      else if (g_str_equal (defs[i].key, "objective_function"))
        value = "demand_fulfillment*100+over_coverage, working_days";
      else if (g_str_equal (defs[i].key, "max_solution_time"))
        value = "12.5";
      esc_project_set_parameter (p, defs[i].key, value);
    }

  ROW (p, ESC_TABLE_REQUEST, ESC_REQUEST_N_COLUMNS, "Q1", "Norte Shop", "caixa", "20", "3",
       "2026-11-01", "new", "Adrianne");
  ROW (p, ESC_TABLE_ASSIGNMENT, ESC_ASSIGNMENT_N_COLUMNS, "A1", "Adrianne", "Norte Shop",
       "caixa", "worker", "40", "38.5", "yes");
  ROW (p, ESC_TABLE_EXCLUSION, ESC_EXCLUSION_N_COLUMNS, "employee", "Ana Lúcia");
  ROW (p, ESC_TABLE_MOVE, ESC_MOVE_N_COLUMNS, "A1", "Adrianne", "Icaraí", "Norte Shop",
       "2026-10-01", "10");
  ROW (p, ESC_TABLE_ALLOCATION, ESC_ALLOCATION_N_COLUMNS, "Adrianne@2026-12-07",
       "2026-12-07 10:00", "2026-12-07 18:20", "Adrianne", "Norte Shop", "allocation",
       "Atendente", "10:00 - 18:20", "2026-12-07", "07:20", "", "yes");
  ROW (p, ESC_TABLE_ALLOCATION, ESC_ALLOCATION_N_COLUMNS,
       "extra:Norte Shop/Atendente@2026-12-07 08:00", "2026-12-07 08:00", "2026-12-07 10:00",
       "Atendente", "Norte Shop", "extra", "Atendente", "", "2026-12-07", "", "1", "");
  ROW (p, ESC_TABLE_PHASE, ESC_PHASE_N_COLUMNS, "demand_fulfillment*100+over_coverage", "120",
       "100", "0.166667", "1.5", "no");
  ROW (p, ESC_TABLE_RESULT, ESC_RESULT_N_COLUMNS, "status", "feasible");
  ROW (p, ESC_TABLE_RESULT, ESC_RESULT_N_COLUMNS, "reasons", "one reason\nanother reason");
  ROW (p, ESC_TABLE_AUDIT, ESC_AUDIT_N_COLUMNS, "2026-11-21T08:10:00Z", "Ana Souza",
       "Edit Employees row 1, Weekly hours: “44” → “40”", "employee", "E001");
  ROW (p, ESC_TABLE_VERSION, ESC_VERSION_N_COLUMNS, "v1", "Solve 21 Nov 08:02", "solve",
       "2026-11-21T08:02:00Z", "feasible", "120", "7.33", "1",
       "start_date=2026-12-07; horizon=7; objectives=demand_fulfillment");
  ROW (p, ESC_TABLE_VERSION_ALLOCATION, ESC_VERSION_ALLOCATION_N_COLUMNS, "v1",
       "Adrianne@2026-12-07", "2026-12-07 10:00", "2026-12-07 18:20", "Adrianne",
       "Norte Shop", "allocation", "Atendente", "10:00 - 18:20", "2026-12-07", "07:20", "",
       "yes");
  ROW (p, ESC_TABLE_VERSION_ALLOCATION, ESC_VERSION_ALLOCATION_N_COLUMNS, "v1",
       "extra:Norte Shop/Atendente@2026-12-07 08:00", "2026-12-07 08:00", "2026-12-07 10:00",
       "Atendente", "Norte Shop", "extra", "Atendente", "", "2026-12-07", "", "1", "");
  return p;
}

/* Round trips ----------------------------------------------------------------------------- */

static void
test_round_trip_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ESC_SAMPLES_DIR"), "loja-centro.escala",
                                            NULL);
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) sample = esc_project_file_load (path, &error);

  g_assert_no_error (error);
  for (guint l = 0; l < 2; l++)
    {
      g_autoptr(EscProject) back = round_trip (sample, dir, l);

      assert_projects_equal (sample, back);
    }
  remove_dir (dir);
}

static void
test_round_trip_every_field (void)
{
  g_autoptr(EscProject) project = new_full_project ();
  g_autofree char *dir = make_temp_dir ();

  assert_no_errors (project);
  /* The project does use every column of every table. */
  for (guint t = 0; t < ESC_N_TABLES; t++)
    {
      EscTable *table = esc_project_get_table (project, t);
      const EscTableSchema *schema = esc_table_get_schema (table);

      for (guint c = 0; c < schema->n_columns; c++)
        {
          gboolean used = FALSE;

          for (guint r = 0; r < esc_table_get_n_rows (table) && !used; r++)
            used = !esc_row_is_empty (esc_table_get_row (table, r), c);
          g_test_message ("%s.%s", schema->key, schema->columns[c].key);
          g_assert_true (used);
        }
    }

  for (guint l = 0; l < 2; l++)
    {
      g_autoptr(EscProject) back = round_trip (project, dir, l);

      assert_projects_equal (project, back);
    }
  remove_dir (dir);
}

static void
test_typed_cells (void)
{
  g_autoptr(EscProject) project = new_full_project ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "typed.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscXlsxReader) reader = NULL;
  g_autoptr(Sheet) employee = NULL;
  g_autoptr(Sheet) parameters = NULL;
  g_autoptr(Sheet) patterns = NULL;
  g_autoptr(Sheet) holidays = NULL;
  g_autoptr(Sheet) notes = NULL;
  const char * const *names;
  const Cell *cell;
  guint col, n_notes = 0;

  g_assert_true (esc_template_export (project, path, ESC_TEMPLATE_LANGUAGE_PT_BR, &error));
  g_assert_no_error (error);

  reader = esc_xlsx_reader_open (path, &error);
  g_assert_no_error (error);
  names = esc_xlsx_reader_get_sheet_names (reader);
  g_assert_cmpstr (names[0], ==, "Location");
  g_assert_cmpstr (names[3], ==, "Shift");
  g_assert_cmpstr (names[4], ==, "Employee");
  g_assert_cmpstr (names[8], ==, "Parameters");
  g_assert_cmpstr (names[g_strv_length ((char **) names) - 1], ==, "Notas");

  /* One header row of Portuguese headings; numbers are numbers, dates are dates, times
   * and history hours are text. */
  employee = read_sheet (path, "Employee");
  g_assert_cmpstr (get_cell (employee, "A1")->text, ==, "Colaborador");
  col = find_column (employee, 1, "Duração Jornada Semanal");
  g_assert_cmpuint (col, >, 0);
  cell = cell_at (employee, 2, col);
  g_assert_cmpint (cell->type, ==, ESC_XLSX_NUMBER);
  g_assert_cmpfloat (cell->number, ==, 44);
  cell = cell_at (employee, 3, col);
  g_assert_cmpint (cell->type, ==, ESC_XLSX_STRING);
  g_assert_cmpstr (cell->text, ==, "07:30");
  col = find_column (employee, 1, "Data de Início");
  cell = cell_at (employee, 2, col);
  g_assert_true (cell->type == ESC_XLSX_NUMBER && cell->is_date);
  col = find_column (employee, 1, "Tempo Integral");
  g_assert_cmpstr (cell_at (employee, 2, col)->text, ==, "Sim");
  g_assert_cmpuint (find_column (employee, 1, "Apelido"), >, 0);

  parameters = read_sheet (path, "Parameters");
  g_assert_cmpstr (get_cell (parameters, "A1")->text, ==, "Parâmetro");
  g_assert_cmpstr (get_cell (parameters, "A2")->text, ==, "start_date");
  g_assert_true (get_cell (parameters, "B2")->is_date);
  g_assert_cmpfloat (get_cell (parameters, "B2")->number, ==, 46363);  /* 2026-12-07 */
  g_assert_cmpint (get_cell (parameters, "B3")->type, ==, ESC_XLSX_NUMBER);

  patterns = read_sheet (path, "Shift");
  g_assert_cmpstr (get_cell (patterns, "B1")->text, ==, "Janela de Trabalho 2a");
  g_assert_cmpstr (get_cell (patterns, "B2")->text, ==, "10:00 - 18:20");

  holidays = read_sheet (path, "Holiday");
  g_assert_true (get_cell (holidays, "A2")->is_date);
  g_assert_cmpstr (get_cell (holidays, "C2")->text, ==, "Sim");

  /* The notes explain every column written. */
  notes = read_sheet (path, "Notas");
  g_assert_cmpstr (get_cell (notes, "A1")->text, ==, "Planilha");
  for (guint r = 2; r <= notes->last_row; r++)
    {
      const Cell *key = cell_at (notes, r, 3);
      const Cell *description = cell_at (notes, r, 6);

      g_assert_nonnull (key);
      g_assert_nonnull (description);
      if (g_str_equal (key->text, "weekly_hours"))
        {
          g_assert_cmpstr (cell_at (notes, r, 1)->text, ==, "Employee");
          g_assert_cmpstr (cell_at (notes, r, 2)->text, ==, "Duração Jornada Semanal");
          g_assert_cmpstr (cell_at (notes, r, 4)->text, ==, "Sim");
          n_notes++;
        }
      if (g_str_equal (key->text, "granularity"))
        n_notes++;
    }
  g_assert_cmpuint (n_notes, ==, 2);
  remove_dir (dir);
}

static void
test_blank_template (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "blank.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscImportResult) result = NULL;
  g_autoptr(EscProject) example = esc_template_new_example_project ();
  g_autoptr(Sheet) employee = NULL;
  const EscTableSchema *schema = esc_schema_get_table (ESC_TABLE_EMPLOYEE);

  assert_no_errors (example);
  g_assert_true (esc_template_export_blank (path, ESC_TEMPLATE_LANGUAGE_EN, &error));
  g_assert_no_error (error);

  /* Every column is there, even unused ones. */
  employee = read_sheet (path, "Employee");
  for (guint c = 0; c < schema->n_columns; c++)
    g_assert_cmpuint (find_column (employee, 1, schema->columns[c].title), ==, c + 1);

  result = esc_template_import (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_errors + result->n_warnings, ==, 0);
  assert_no_errors (result->project);
  assert_projects_equal (example, result->project);
  g_assert_true (result->tables_read[ESC_TABLE_SHIFT]);
  g_assert_true (result->tables_read[ESC_TABLE_FORBIDDEN_SEQUENCE]);
  remove_dir (dir);
}

static void
test_write_errors (void)
{
  g_autoptr(EscProject) project = esc_template_new_example_project ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "out.xlsx", NULL);
  g_autofree char *path = g_build_filename (dir, "long.xlsx", NULL);
  g_autoptr(GString) long_text = g_string_new (NULL);

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (esc_template_export (project, missing, ESC_TEMPLATE_LANGUAGE_EN, &error));
    g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE);
    g_assert_nonnull (strstr (error->message, "out.xlsx"));
  }

  /* A cell longer than Excel allows: refused, naming the cell; nothing left behind. */
  while (long_text->len <= 40000)
    g_string_append (long_text, "Licença médica; ");
  esc_row_set (esc_table_get_row (esc_project_get_table (project, ESC_TABLE_EMPLOYEE), 1),
               ESC_EMPLOYEE_SKILLS, long_text->str);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GDir) handle = NULL;

    g_assert_false (esc_template_export (project, path, ESC_TEMPLATE_LANGUAGE_EN, &error));
    g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE);
    g_assert_nonnull (strstr (error->message, "Employee!"));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    handle = g_dir_open (dir, 0, NULL);
    g_assert_null (g_dir_read_name (handle));
  }
  remove_dir (dir);
}

/* Results --------------------------------------------------------------------------------- */

/* A schedule of the example project: everyone works their first option, with a rest every
 * sixth day, and the first rest day of the first employee is a compensation day. */
static EscSchedule *
new_test_schedule (EscProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProblem) problem = esc_problem_new_from_project (project, &error);
  EscSchedule *schedule;
  EscPhaseStats *stats;
  gboolean compensated = FALSE;

  g_assert_no_error (error);
  schedule = esc_schedule_new (problem);
  for (guint e = 0; e < problem->employees->len; e++)
    {
      const EscProblemEmployee *emp = esc_problem_get_employee (problem, e);

      for (int d = 0; d < problem->n_days; d++)
        {
          if (d % 6 == 5)
            {
              if (!compensated)
                esc_schedule_set_compensation (schedule, e, d, TRUE);
              compensated = TRUE;
              continue;
            }
          if (emp->day_offset[d] < emp->day_offset[d + 1])
            esc_schedule_set_choice (schedule, e, d, (int) emp->day_offset[d]);
        }
    }
  stats = esc_phase_stats_new ("demand_fulfillment");
  stats->value = 1234;
  stats->bound = 1000;
  stats->gap = (1234 - 1000) / 1234.0;
  stats->seconds = 0.75;
  g_ptr_array_add (schedule->phases, stats);
  stats = esc_phase_stats_new ("working_days");
  stats->value = 40;
  stats->bound = NAN;
  stats->gap = NAN;
  stats->seconds = 0.25;
  stats->proven_optimal = TRUE;
  g_ptr_array_add (schedule->phases, stats);
  schedule->seconds = 1.5;
  g_ptr_array_add (schedule->reasons, g_strdup ("a test reason"));
  return schedule;
}

static double
json_number (JsonObject *object,
             const char *member)
{
  return json_node_get_double (json_object_get_member (object, member));
}

static void
test_results_workbook (void)
{
  g_autoptr(EscProject) project = esc_template_new_example_project ();
  g_autoptr(EscSchedule) schedule = new_test_schedule (project);
  const EscProblem *problem = schedule->problem;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "results.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscXlsxReader) reader = NULL;
  g_autoptr(GPtrArray) allocations = esc_schedule_output_allocations (schedule);
  g_autoptr(JsonNode) summary = esc_schedule_output_summary (schedule);
  g_autofree guint *coverage = esc_evaluate_slot_coverage (schedule);
  JsonObject *root = json_node_get_object (summary);
  JsonObject *totals = json_object_get_object_member (root, "totals");
  JsonArray *employees = json_object_get_array_member (root, "employees");
  g_autoptr(Sheet) sheet = NULL;
  const char * const expected_sheets[] = {
    "Allocations", "Reduced", "Summary", "Employees", "Coverage", "Roster", NULL
  };
  const char * const *names;
  guint n_found = 0;

  g_assert_true (esc_results_export_workbook (schedule, project, path,
                                              ESC_TEMPLATE_LANGUAGE_EN, &error));
  g_assert_no_error (error);
  reader = esc_xlsx_reader_open (path, &error);
  g_assert_no_error (error);
  names = esc_xlsx_reader_get_sheet_names (reader);
  g_assert_cmpstrv (names, expected_sheets);

  /* Allocations: one row each, real date-times. */
  sheet = read_sheet (path, "Allocations");
  g_assert_cmpuint (sheet->last_row, ==, allocations->len + 1);
  g_assert_cmpstr (get_cell (sheet, "A1")->text, ==, "Task");
  g_assert_true (get_cell (sheet, "B2")->is_date);
  g_assert_true (get_cell (sheet, "I2")->is_date);
  g_assert_true (get_cell (sheet, "J2")->is_date);  /* net hours, a duration */
  g_assert_cmpstr (get_cell (sheet, "A2")->text, ==,
                   esc_row_get (g_ptr_array_index (allocations, 0), ESC_ALLOCATION_TASK));
  g_clear_pointer (&sheet, sheet_free);

  /* Summary: the figures of the summary JSON. */
  sheet = read_sheet (path, "Summary");
  g_assert_cmpstr (get_cell (sheet, "A2")->text, ==, "demand_fulfillment");
  g_assert_cmpfloat (get_cell (sheet, "B2")->number, ==, 1234);
  g_assert_cmpfloat (get_cell (sheet, "C2")->number, ==, 1000);
  g_assert_cmpfloat_with_epsilon (get_cell (sheet, "D2")->number, 234 / 1234.0, 1e-12);
  g_assert_null (get_cell (sheet, "C3"));  /* no bound */
  g_assert_cmpstr (get_cell (sheet, "F3")->text, ==, "yes");
  for (guint r = 1; r <= sheet->last_row; r++)
    {
      const Cell *key = cell_at (sheet, r, 3);
      const Cell *value = cell_at (sheet, r, 2);
      g_autofree char *member = NULL;

      if (key == NULL || !g_str_has_prefix (key->text, "totals."))
        continue;
      member = g_strdup (key->text + strlen ("totals."));
      g_test_message ("%s", member);
      g_assert_cmpfloat_with_epsilon (value->number, json_number (totals, member), 1e-9);
      n_found++;
    }
  g_assert_cmpuint (n_found, ==, 5);
  g_clear_pointer (&sheet, sheet_free);

  /* Employees: the totals of the summary JSON. */
  sheet = read_sheet (path, "Employees");
  g_assert_cmpuint (sheet->last_row, ==, json_array_get_length (employees) + 1);
  for (guint e = 0; e < json_array_get_length (employees); e++)
    {
      JsonObject *object = json_array_get_object_element (employees, e);
      const char *members[] = { "hours", "contract_hours", "days", "rest_days", "sundays",
                                "preferred_rests", "holidays_worked", "compensations" };

      g_assert_cmpstr (cell_at (sheet, e + 2, 1)->text, ==,
                       json_object_get_string_member (object, "employee"));
      for (guint k = 0; k < G_N_ELEMENTS (members); k++)
        g_assert_cmpfloat_with_epsilon (cell_at (sheet, e + 2, 5 + k)->number,
                                        json_number (object, members[k]), 1e-9);
    }
  g_clear_pointer (&sheet, sheet_free);

  /* Coverage: per slot the coverage the evaluator counts. */
  sheet = read_sheet (path, "Coverage");
  g_assert_cmpuint (sheet->last_row, ==, problem->slots->len + problem->shift_demands->len + 1);
  for (guint k = 0; k < problem->slots->len; k++)
    {
      const EscProblemSlot *slot = &g_array_index (problem->slots, EscProblemSlot, k);

      g_assert_cmpfloat (cell_at (sheet, k + 2, 7)->number, ==, slot->required);
      g_assert_cmpfloat (cell_at (sheet, k + 2, 8)->number, ==, coverage[k]);
      g_assert_cmpfloat (cell_at (sheet, k + 2, 9)->number, ==,
                         MAX (0, slot->required - (int) coverage[k]));
    }
  g_clear_pointer (&sheet, sheet_free);

  /* Roster: codes, a compensation day, leave (E002, 15-17/12). */
  sheet = read_sheet (path, "Roster");
  g_assert_cmpstr (get_cell (sheet, "A1")->text, ==, "Employee");
  g_assert_true (get_cell (sheet, "E1")->is_date);
  g_assert_cmpstr (get_cell (sheet, "A2")->text, ==, "E001");
  g_assert_cmpstr (get_cell (sheet, "E2")->text, ==, "08h");
  g_assert_cmpstr (get_cell (sheet, "J2")->text, ==, "C");    /* day 6 of E001 */
  g_assert_cmpstr (get_cell (sheet, "M3")->text, ==, "L");    /* 2026-12-15 */
  g_assert_cmpstr (get_cell (sheet, "N3")->text, ==, "L");
  g_assert_cmpstr (get_cell (sheet, "O3")->text, ==, "L");
  g_assert_cmpstr (get_cell (sheet, "A4")->text, ==, "E003");
  g_assert_cmpstr (get_cell (sheet, "E4")->text, ==, "M");    /* a shift of the Shift table */
  remove_dir (dir);
}

static void
test_results_csv (void)
{
  g_autoptr(EscProject) project = esc_template_new_example_project ();
  g_autoptr(EscSchedule) schedule = new_test_schedule (project);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *allocations_path = g_build_filename (dir, "allocations.csv", NULL);
  g_autofree char *reduced_path = g_build_filename (dir, "reduced.csv", NULL);
  g_autoptr(GPtrArray) allocations = esc_schedule_output_allocations (schedule);
  g_autoptr(GPtrArray) reduced = esc_schedule_output_reduced (schedule);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  char **record;

  g_assert_true (esc_results_export_csv (schedule, ESC_RESULTS_CSV_ALLOCATIONS,
                                         allocations_path, &error));
  g_assert_no_error (error);
  records = esc_csv_read_file (allocations_path, ',', NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, allocations->len + 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (record[0], ==, "task");
  g_assert_cmpuint (g_strv_length (record), ==, ESC_ALLOCATION_N_COLUMNS);
  for (guint i = 0; i < allocations->len; i++)
    for (guint c = 0; c < ESC_ALLOCATION_N_COLUMNS; c++)
      g_assert_cmpstr (((char **) g_ptr_array_index (records, i + 1))[c], ==,
                       esc_row_get (g_ptr_array_index (allocations, i), c));
  g_clear_pointer (&records, g_ptr_array_unref);

  g_assert_true (esc_results_export_csv (schedule, ESC_RESULTS_CSV_REDUCED, reduced_path,
                                         &error));
  g_assert_no_error (error);
  records = esc_csv_read_file (reduced_path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, reduced->len + 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (record[0], ==, "employee");
  g_assert_cmpstr (record[2], ==, "hours");
  remove_dir (dir);
}

static void
test_saved_schedule (void)
{
  g_autoptr(EscProject) project = esc_template_new_example_project ();
  g_autoptr(EscSchedule) schedule = new_test_schedule (project);
  g_autoptr(EscSchedule) loaded = NULL;
  g_autoptr(EscCommand) command = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const EscProblem *problem = schedule->problem;

  loaded = esc_results_load_saved_schedule (project, NULL, &error);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_MISSING);
  g_assert_null (loaded);
  g_clear_error (&error);

  command = esc_schedule_output_store (schedule, project);
  esc_project_execute (project, command);
  loaded = esc_results_load_saved_schedule (project, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  for (guint e = 0; e < problem->employees->len; e++)
    for (int d = 0; d < problem->n_days; d++)
      {
        g_assert_cmpint (esc_schedule_get_choice (loaded, e, d), ==,
                         esc_schedule_get_choice (schedule, e, d));
        g_assert_cmpint (esc_schedule_get_compensation (loaded, e, d), ==,
                         esc_schedule_get_compensation (schedule, e, d));
      }
  g_assert_cmpuint (loaded->phases->len, ==, 2);
  g_assert_cmpstr (((EscPhaseStats *) g_ptr_array_index (loaded->phases, 0))->objective, ==,
                   "demand_fulfillment");
  g_assert_cmpfloat (((EscPhaseStats *) g_ptr_array_index (loaded->phases, 0))->value, ==, 1234);
  g_assert_true (isnan (((EscPhaseStats *) g_ptr_array_index (loaded->phases, 1))->bound));
  g_assert_true (((EscPhaseStats *) g_ptr_array_index (loaded->phases, 1))->proven_optimal);
  g_assert_cmpint (loaded->status, ==, schedule->status);
  g_assert_cmpfloat (loaded->seconds, ==, 1.5);
  g_assert_cmpuint (loaded->reasons->len, ==, 1);
}

/* The app and the CLI run with setlocale (LC_ALL, ""), and libxlsxwriter formats numbers
 * with printf: under a decimal-comma locale it wrote <v>46364,41666</v>, a workbook
 * Excel and our reader reject. Exports switch to "C" numbers while writing. */
static void
test_comma_locale (void)
{
  g_autofree char *previous = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *path = g_build_filename (g_getenv ("ESC_SAMPLES_DIR"), "loja-centro.escala",
                                            NULL);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *results = g_build_filename (dir, "results.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) sample = esc_project_file_load (path, &error);
  g_autoptr(EscProject) project = esc_template_new_example_project ();
  g_autoptr(EscSchedule) schedule = new_test_schedule (project);
  g_autoptr(GPtrArray) allocations = esc_schedule_output_allocations (schedule);
  g_autoptr(Sheet) sheet = NULL;
  EscRow *first;
  const char *locales[] = { "de_DE.UTF-8", "pt_BR.UTF-8" };

  g_assert_no_error (error);
  first = g_ptr_array_index (allocations, 0);
  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      if (setlocale (LC_ALL, locales[i]) == NULL)
        {
          /* build-aux/deps.sh generates both; elsewhere the case cannot be shown. */
          g_test_skip_printf ("the %s locale is not installed", locales[i]);
          setlocale (LC_ALL, previous);
          remove_dir (dir);
          return;
        }
      g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");

      for (guint l = 0; l < 2; l++)
        {
          g_autoptr(EscProject) back = round_trip (sample, dir, l);

          assert_projects_equal (sample, back);
        }

      /* The results workbook's date-times are numbers again: 2026-12-07 08:00 is
       * 46363.333..., not a string nor 46363. */
      g_assert_true (esc_results_export_workbook (schedule, project, results,
                                                  ESC_TEMPLATE_LANGUAGE_EN, &error));
      g_assert_no_error (error);
      sheet = read_sheet (results, "Allocations");
      g_assert_true (get_cell (sheet, "B2")->is_date);
      g_assert_nonnull (strchr (get_cell (sheet, "B2")->text, '.'));
      g_assert_null (strchr (get_cell (sheet, "B2")->text, ','));
      {
        guint32 julian = 0;
        int minutes = -1;
        g_autofree char *date = NULL;
        g_autofree char *shown = NULL;

        g_assert_true (esc_xlsx_serial_to_datetime (get_cell (sheet, "B2")->number, FALSE,
                                                    &julian, &minutes));
        date = esc_format_date (julian);
        shown = g_strdup_printf ("%s %02d:%02d", date, minutes / 60, minutes % 60);
        g_assert_cmpstr (shown, ==, esc_row_get (first, ESC_ALLOCATION_START));
      }
      g_clear_pointer (&sheet, sheet_free);
      /* Messages and dates of this thread kept the locale: only numbers changed. */
      g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
    }
  setlocale (LC_ALL, previous);
  remove_dir (dir);
}

void
esc_test_add_template_export_tests (void)
{
  g_test_add_func ("/io/template-export/round-trip/sample", test_round_trip_sample);
  g_test_add_func ("/io/template-export/round-trip/every-field", test_round_trip_every_field);
  g_test_add_func ("/io/template-export/typed-cells", test_typed_cells);
  g_test_add_func ("/io/template-export/blank", test_blank_template);
  g_test_add_func ("/io/template-export/write-errors", test_write_errors);
  g_test_add_func ("/io/results-export/workbook", test_results_workbook);
  g_test_add_func ("/io/export/comma-locale", test_comma_locale);
  g_test_add_func ("/io/results-export/csv", test_results_csv);
  g_test_add_func ("/io/results-export/saved-schedule", test_saved_schedule);
}
