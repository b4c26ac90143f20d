/* test-xlsx-reader.c: tests of the streaming XLSX cell reader.
 *
 * Reads the two real workbooks of the shared data folder, workbooks written here with
 * libxlsxwriter, and hand-made zips (GsfOutfileZip) with the less common parts of the
 * format; then damaged and hostile files, which must fail with a GError, never crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-test"

#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-utils.h>
#include <xlsxwriter.h>

#include "io/esc-io-error.h"
#include "io/esc-xlsx-reader.h"
#include "test-io.h"

#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL_NS  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_NS  "http://schemas.openxmlformats.org/package/2006/relationships"

/* A cell as read, kept after the callback. */
typedef struct
{
  EscXlsxCellType type;
  char           *text;
  double          number;
  gboolean        is_date;
  gboolean        has_formula;
} TestCell;

/* A whole sheet as read: "A1" -> TestCell. */
typedef struct
{
  GHashTable *cells;
  guint       n_rows;
  guint       last_row;
  guint       first_row;
} SheetDump;

/* Helpers: reading */

static void
test_cell_free (gpointer data)
{
  TestCell *cell = data;

  g_free (cell->text);
  g_free (cell);
}

static void
sheet_dump_free (SheetDump *dump)
{
  g_hash_table_unref (dump->cells);
  g_free (dump);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SheetDump, sheet_dump_free)

static gboolean
collect_row_cb (guint              row,
                const EscXlsxCell *cells,
                guint              n_cells,
                gpointer           user_data,
                GError           **error)
{
  SheetDump *dump = user_data;

  g_assert_cmpuint (n_cells, >, 0);
  g_assert_cmpuint (row, >, dump->last_row);
  if (dump->n_rows == 0)
    dump->first_row = row;
  dump->n_rows++;
  dump->last_row = row;

  for (guint i = 0; i < n_cells; i++)
    {
      TestCell *cell = g_new0 (TestCell, 1);

      g_assert_cmpuint (cells[i].row, ==, row);
      g_assert_cmpuint (cells[i].col, >=, 1);
      g_assert_nonnull (cells[i].text);
      g_assert_true (g_utf8_validate (cells[i].text, -1, NULL));
      if (cells[i].type != ESC_XLSX_NUMBER)
        g_assert_false (cells[i].is_date);

      cell->type = cells[i].type;
      cell->text = g_strdup (cells[i].text);
      cell->number = cells[i].number;
      cell->is_date = cells[i].is_date;
      cell->has_formula = cells[i].has_formula;
      g_hash_table_insert (dump->cells, esc_xlsx_cell_address (row, cells[i].col), cell);
    }
  return TRUE;
}

static SheetDump *
read_sheet (EscXlsxReader *reader,
            const char    *sheet)
{
  g_autoptr(GError) error = NULL;
  SheetDump *dump = g_new0 (SheetDump, 1);

  dump->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, test_cell_free);
  g_assert_true (esc_xlsx_reader_foreach_row (reader, sheet, collect_row_cb, dump, &error));
  g_assert_no_error (error);
  return dump;
}

static const TestCell *
get_cell (SheetDump  *dump,
          const char *address)
{
  const TestCell *cell = g_hash_table_lookup (dump->cells, address);

  if (cell == NULL)
    g_error ("cell %s was not read", address);
  return cell;
}

static void
assert_string (SheetDump  *dump,
               const char *address,
               const char *expected)
{
  const TestCell *cell = get_cell (dump, address);

  g_assert_cmpint (cell->type, ==, ESC_XLSX_STRING);
  g_assert_cmpstr (cell->text, ==, expected);
}

static void
assert_number (SheetDump  *dump,
               const char *address,
               double      expected,
               gboolean    is_date)
{
  const TestCell *cell = get_cell (dump, address);

  g_assert_cmpint (cell->type, ==, ESC_XLSX_NUMBER);
  g_assert_cmpfloat_with_epsilon (cell->number, expected, 1e-9);
  if (is_date)
    g_assert_true (cell->is_date);
  else
    g_assert_false (cell->is_date);
}

static void
assert_absent (SheetDump  *dump,
               const char *address)
{
  g_assert_null (g_hash_table_lookup (dump->cells, address));
}

static void
assert_datetime (double      serial,
                 gboolean    is_1904,
                 int         year,
                 int         month,
                 int         day,
                 int         minutes)
{
  GDate date;
  guint32 julian = 0;
  int got_minutes = -1;

  g_assert_true (esc_xlsx_serial_to_datetime (serial, is_1904, &julian, &got_minutes));
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_assert_cmpint (g_date_get_year (&date), ==, year);
  g_assert_cmpint (g_date_get_month (&date), ==, month);
  g_assert_cmpint (g_date_get_day (&date), ==, day);
  g_assert_cmpint (got_minutes, ==, minutes);
}

static void
assert_cell_datetime (SheetDump  *dump,
                      const char *address,
                      int         year,
                      int         month,
                      int         day,
                      int         minutes)
{
  const TestCell *cell = get_cell (dump, address);

  g_assert_cmpint (cell->type, ==, ESC_XLSX_NUMBER);
  g_assert_true (cell->is_date);
  assert_datetime (cell->number, FALSE, year, month, day, minutes);
}

static void
assert_cell_time (SheetDump  *dump,
                  const char *address,
                  int         minutes)
{
  const TestCell *cell = get_cell (dump, address);
  int got_minutes = -1;

  g_assert_cmpint (cell->type, ==, ESC_XLSX_NUMBER);
  g_assert_true (cell->is_date);
  g_assert_cmpfloat (cell->number, <, 1.0);
  g_assert_true (esc_xlsx_serial_to_datetime (cell->number, FALSE, NULL, &got_minutes));
  g_assert_cmpint (got_minutes, ==, minutes);
}

/* The rows of column @column_letter from @first to @last all hold a value. */
static guint
count_rows_with (SheetDump  *dump,
                 const char *column_letter,
                 guint       first,
                 guint       last)
{
  guint n = 0;

  for (guint row = first; row <= last; row++)
    {
      g_autofree char *address = g_strdup_printf ("%s%u", column_letter, row);

      if (g_hash_table_contains (dump->cells, address))
        n++;
    }
  return n;
}

/* Helpers: files */

static char *
find_shared_data (const char *name)
{
  const char *dir = g_getenv ("ESC_SHARED_DATA");
  g_autofree char *fallback = NULL;
  char *path;

  if (dir == NULL && g_getenv ("ESC_TEST_SRCDIR") != NULL)
    dir = fallback = g_build_filename (g_getenv ("ESC_TEST_SRCDIR"), "..", "..", "shared",
                                       "data", NULL);
  if (dir == NULL)
    return NULL;

  path = g_build_filename (dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_clear_pointer (&path, g_free);
  return path;
}

static EscXlsxReader *
open_shared_data (const char *name)
{
  g_autofree char *path = find_shared_data (name);
  g_autoptr(GError) error = NULL;
  EscXlsxReader *reader;

  if (path == NULL)
    {
      g_test_skip ("shared data not found: set ESC_SHARED_DATA");
      return NULL;
    }
  reader = esc_xlsx_reader_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  return reader;
}

/* A zip in memory: @entries is NULL-terminated name, content pairs. */
static GBytes *
make_zip (const char * const *entries)
{
  g_autoptr(GError) error = NULL;
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (sink, &error);
  GBytes *bytes;

  g_assert_no_error (error);
  g_assert_nonnull (zip);

  for (guint i = 0; entries[i] != NULL; i += 2)
    {
      GsfOutput *child = gsf_outfile_new_child (zip, entries[i], FALSE);

      g_assert_true (gsf_output_write (child, strlen (entries[i + 1]),
                                       (const guint8 *) entries[i + 1]));
      g_assert_true (gsf_output_close (child));
      g_object_unref (child);
    }
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  g_object_unref (zip);

  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                       (gsize) gsf_output_size (sink));
  g_object_unref (sink);
  return bytes;
}

static const char root_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  "<Relationships xmlns=\"" PKG_NS "\">"
  "<Relationship Id=\"rId1\" Type=\"" REL_NS "/officeDocument\" Target=\"/xl/workbook.xml\"/>"
  "</Relationships>";

static const char one_sheet_workbook[] =
  "<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" REL_NS "\">"
  "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

static const char one_sheet_rels[] =
  "<Relationships xmlns=\"" PKG_NS "\">"
  "<Relationship Id=\"rId1\" Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"" REL_NS "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
  "</Relationships>";

static const char two_shared_strings[] =
  "<sst xmlns=\"" MAIN_NS "\" count=\"2\" uniqueCount=\"2\"><si><t>one</t></si>"
  "<si><t>two</t></si></sst>";

/* A workbook with one sheet "Data" whose part is @sheet_xml. */
static EscXlsxReader *
open_one_sheet (const char  *sheet_xml,
                GError     **error)
{
  const char *entries[] = {
    "_rels/.rels", root_rels,
    "xl/workbook.xml", one_sheet_workbook,
    "xl/_rels/workbook.xml.rels", one_sheet_rels,
    "xl/sharedStrings.xml", two_shared_strings,
    "xl/worksheets/sheet1.xml", sheet_xml,
    NULL,
  };
  g_autoptr(GBytes) bytes = make_zip (entries);

  return esc_xlsx_reader_open_bytes (bytes, "test.xlsx", error);
}

static char *
sheet_with_data (const char *sheet_data)
{
  return g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                      "<worksheet xmlns=\"" MAIN_NS "\" xmlns:r=\"" REL_NS "\">"
                      "<dimension ref=\"A1\"/><sheetData>", sheet_data,
                      "</sheetData><pageMargins left=\"0.7\"/></worksheet>", NULL);
}

/* Opens a one-sheet workbook whose sheet holds @sheet_data and expects reading it to
 * fail with @code. Returns the message. */
static char *
expect_sheet_error (const char *sheet_data,
                    int         code)
{
  g_autofree char *xml = sheet_with_data (sheet_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscXlsxReader) reader = open_one_sheet (xml, &error);
  g_autoptr(SheetDump) dump = g_new0 (SheetDump, 1);

  g_assert_no_error (error);
  dump->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, test_cell_free);
  g_assert_false (esc_xlsx_reader_foreach_row (reader, "Data", collect_row_cb, dump, &error));
  g_assert_error (error, ESC_IO_ERROR, code);
  g_assert_nonnull (strstr (error->message, "test.xlsx"));
  return g_strdup (error->message);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("escala-xlsx-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_temp (const char *dir,
             const char *file)
{
  g_remove (file);
  g_rmdir (dir);
}

/* Tests: the real workbooks */

static void
test_sample_store (void)
{
  g_autoptr(EscXlsxReader) reader = open_shared_data ("sample_store_ptbr.xlsx");
  const char *expected_names[] = { "Location", "Store", "Role", "Shift", "Employee", "Demand",
                                   "Holiday", "PreviousAllocation", "Parameters", NULL };
  g_autoptr(SheetDump) employee = NULL;
  g_autoptr(SheetDump) demand = NULL;
  g_autoptr(SheetDump) holiday = NULL;
  g_autoptr(SheetDump) previous = NULL;
  g_autoptr(SheetDump) location = NULL;

  if (reader == NULL)
    return;

  g_assert_true (g_strv_equal ((const char * const *) expected_names,
                               esc_xlsx_reader_get_sheet_names (reader)));
  g_assert_false (esc_xlsx_reader_uses_1904 (reader));

  location = read_sheet (reader, "Location");
  assert_string (location, "A1", "Código da localidade");
  assert_string (location, "B2", "São Paulo");
  g_assert_cmpuint (location->n_rows, ==, 3);

  employee = read_sheet (reader, "Employee");
  assert_string (employee, "A2", "E001");
  assert_number (employee, "D2", 44, FALSE);
  assert_absent (employee, "I2");          /* sparse: I2 is not in the file */
  assert_string (employee, "J2", "INTERMEDIARIA");

  demand = read_sheet (reader, "Demand");
  assert_number (demand, "C41", 46380, TRUE);
  assert_cell_datetime (demand, "C41", 2026, 12, 24, 0);
  assert_string (demand, "D41", "12:00");
  g_assert_cmpuint (demand->first_row, ==, 1);
  g_assert_cmpuint (demand->last_row, ==, 81);

  holiday = read_sheet (reader, "Holiday");
  assert_number (holiday, "A2", 46381, TRUE);
  assert_cell_datetime (holiday, "A2", 2026, 12, 25, 0);
  assert_string (holiday, "B4", "Não");

  previous = read_sheet (reader, "PreviousAllocation");
  assert_string (previous, "C110", "C");
  assert_number (previous, "B110", 46360, TRUE);
}

static void
test_original_example (void)
{
  g_autoptr(EscXlsxReader) reader = open_shared_data ("original_template_example.xlsx");
  const char *expected_names[] = { "Location", "Store", "Role", "Shift", "Employee", "Demand",
                                   "Holiday", "PreviousAllocation", NULL };
  g_autoptr(SheetDump) location = NULL;
  g_autoptr(SheetDump) store = NULL;
  g_autoptr(SheetDump) role = NULL;
  g_autoptr(SheetDump) shift = NULL;
  g_autoptr(SheetDump) employee = NULL;
  g_autoptr(SheetDump) demand = NULL;
  g_autoptr(SheetDump) holiday = NULL;
  g_autoptr(SheetDump) previous = NULL;
  const TestCell *cell;

  if (reader == NULL)
    return;

  g_assert_true (g_strv_equal ((const char * const *) expected_names,
                               esc_xlsx_reader_get_sheet_names (reader)));
  g_assert_false (esc_xlsx_reader_uses_1904 (reader));

  /* the four header rows and the counts of the template's description */
  location = read_sheet (reader, "Location");
  assert_string (location, "A1", "table=location");
  assert_string (location, "A2", "id");
  assert_string (location, "A3", "pk");
  assert_string (location, "D4", "País");
  assert_string (location, "A5", "Rio de Janeiro - RJ");
  assert_string (location, "A6", "Niterói - RJ");
  assert_string (location, "A10", "São João de Meriti - RJ");
  g_assert_cmpuint (count_rows_with (location, "A", 5, 100), ==, 10);

  store = read_sheet (reader, "Store");
  assert_string (store, "A8", "Nova Iguaçu Shop");
  g_assert_cmpuint (count_rows_with (store, "A", 5, 100), ==, 4);

  role = read_sheet (reader, "Role");
  assert_string (role, "A4", "Função");
  g_assert_cmpuint (count_rows_with (role, "A", 5, 100), ==, 5);

  shift = read_sheet (reader, "Shift");
  assert_string (shift, "A5", "6x1 manhã");
  assert_string (shift, "B5", "10:00-18:20");
  assert_absent (shift, "H5");             /* blank: no work on Sunday */
  assert_string (shift, "H11", "13:00-21:00");
  g_assert_cmpuint (count_rows_with (shift, "A", 5, 100), ==, 9);
  /* a stray formula below the data, with its cached value */
  cell = get_cell (shift, "E16");
  g_assert_true (cell->has_formula);
  g_assert_cmpint (cell->type, ==, ESC_XLSX_NUMBER);
  g_assert_cmpfloat (cell->number, ==, 0);

  employee = read_sheet (reader, "Employee");
  assert_string (employee, "D2", "weekly_dutarion");
  assert_string (employee, "A5", "Adrianne");
  assert_number (employee, "D5", 44, FALSE);
  assert_string (employee, "J5", "6x1 manhã, 5+domingo manhã, 5x2 manhã");
  assert_absent (employee, "I5");
  g_assert_cmpuint (count_rows_with (employee, "A", 5, 100), ==, 18);

  demand = read_sheet (reader, "Demand");
  assert_string (demand, "A5", "Norte Shop");
  assert_string (demand, "C5", "fri");     /* a weekday code in a date-formatted cell */
  assert_number (demand, "D5", 0.58333333333333337, TRUE);
  assert_cell_time (demand, "D5", 14 * 60);
  assert_cell_time (demand, "E5", 16 * 60);
  assert_cell_time (demand, "D19", 10 * 60);
  assert_cell_time (demand, "E19", 22 * 60);
  assert_number (demand, "F5", 1, FALSE);
  /* the formula column: errors and numbers, both cached */
  cell = get_cell (demand, "G5");
  g_assert_cmpint (cell->type, ==, ESC_XLSX_ERROR);
  g_assert_cmpstr (cell->text, ==, "#VALUE!");
  g_assert_true (cell->has_formula);
  cell = get_cell (demand, "G40");
  g_assert_cmpint (cell->type, ==, ESC_XLSX_NUMBER);
  g_assert_cmpfloat (cell->number, ==, 5);
  g_assert_true (cell->has_formula);
  /* row 40: a real date, and "X" where a quantity should be */
  assert_cell_datetime (demand, "C40", 2021, 3, 4, 0);
  assert_cell_time (demand, "D40", 12 * 60);
  assert_cell_time (demand, "E40", 23 * 60);
  assert_string (demand, "F40", "X");
  g_assert_cmpuint (count_rows_with (demand, "A", 5, 100), ==, 36);

  holiday = read_sheet (reader, "Holiday");
  assert_cell_datetime (holiday, "A5", 2020, 9, 7, 0);
  assert_cell_datetime (holiday, "A15", 2021, 3, 11, 0);
  assert_string (holiday, "B5", "BR");
  g_assert_cmpuint (count_rows_with (holiday, "A", 5, 100), ==, 11);

  previous = read_sheet (reader, "PreviousAllocation");
  assert_string (previous, "A5", "Adrianne");
  assert_cell_datetime (previous, "B5", 2021, 2, 16, 0);
  assert_cell_time (previous, "C5", 6 * 60);
  assert_cell_time (previous, "C6", 7 * 60 + 36);
  assert_cell_datetime (previous, "B169", 2021, 2, 28, 0);
  cell = get_cell (previous, "D6");
  g_assert_true (cell->has_formula);
  g_assert_cmpfloat (cell->number, ==, 5);
  g_assert_cmpuint (count_rows_with (previous, "A", 5, 1000), ==, 165);
  g_assert_cmpuint (previous->last_row, ==, 169);
}

static void
test_sheet_lookup (void)
{
  g_autoptr(EscXlsxReader) reader = open_shared_data ("sample_store_ptbr.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(SheetDump) dump = NULL;

  if (reader == NULL)
    return;

  g_assert_true (esc_xlsx_reader_has_sheet (reader, "Employee"));
  g_assert_true (esc_xlsx_reader_has_sheet (reader, "employee"));
  g_assert_false (esc_xlsx_reader_has_sheet (reader, "Employees"));

  dump = read_sheet (reader, "EMPLOYEE");
  assert_string (dump, "A2", "E001");

  /* a sheet can be read again */
  g_clear_pointer (&dump, sheet_dump_free);
  dump = read_sheet (reader, "Employee");
  assert_string (dump, "A2", "E001");

  g_assert_false (esc_xlsx_reader_foreach_row (reader, "Nope", collect_row_cb, NULL, &error));
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "Nope"));
  g_assert_nonnull (strstr (error->message, "sample_store_ptbr.xlsx"));
}

/* Tests: workbooks written by libxlsxwriter */

static void
write_test_workbook (const char *path,
                     gboolean    constant_memory)
{
  lxw_workbook_options options = { .constant_memory = constant_memory };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *first = workbook_add_worksheet (workbook, "Primeira");
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Dados");
  lxw_format *date_format = workbook_add_format (workbook);
  lxw_format *datetime_format = workbook_add_format (workbook);
  lxw_format *br_format = workbook_add_format (workbook);
  lxw_format *time_format = workbook_add_format (workbook);
  lxw_format *decimal_format = workbook_add_format (workbook);
  lxw_format *bold = workbook_add_format (workbook);
  lxw_format *italic = workbook_add_format (workbook);
  lxw_datetime christmas = { 2026, 12, 25, 0, 0, 0 };
  lxw_datetime morning = { 2021, 3, 1, 8, 0, 0 };
  lxw_datetime start = { 0, 0, 0, 10, 30, 0 };
  lxw_rich_string_tuple part1 = { .format = bold, .string = "Rio " };
  lxw_rich_string_tuple part2 = { .format = italic, .string = "de Janeiro" };
  lxw_rich_string_tuple *rich[] = { &part1, &part2, NULL };

  format_set_num_format (date_format, "yyyy-mm-dd");
  format_set_num_format (datetime_format, "yyyy-mm-dd hh:mm");
  format_set_num_format (br_format, "[$-416]dd/mm/yyyy");
  format_set_num_format (time_format, "hh:mm");
  format_set_num_format (decimal_format, "0.00");
  format_set_bold (bold);
  format_set_italic (italic);

  worksheet_write_string (first, 0, 0, "first", NULL);

  worksheet_write_string (sheet, 0, 0, "name", NULL);
  worksheet_write_string (sheet, 0, 1, "héllo wörld", NULL);
  worksheet_write_string (sheet, 0, 2, "  spaced  ", NULL);
  worksheet_write_number (sheet, 1, 0, 42.5, NULL);
  worksheet_write_number (sheet, 1, 1, -3, decimal_format);
  worksheet_write_datetime (sheet, 2, 0, &christmas, date_format);
  worksheet_write_datetime (sheet, 2, 1, &morning, datetime_format);
  worksheet_write_datetime (sheet, 2, 2, &christmas, br_format);
  worksheet_write_datetime (sheet, 2, 3, &start, time_format);
  worksheet_write_boolean (sheet, 3, 0, 1, NULL);
  worksheet_write_boolean (sheet, 3, 1, 0, NULL);
  worksheet_write_formula_num (sheet, 3, 2, "=A2*2", NULL, 85);
  worksheet_write_formula_str (sheet, 3, 3, "=A1&\"!\"", NULL, "name!");
  /* gaps: A5 and D5 only, B5 styled but blank, then nothing until row 10 */
  worksheet_write_string (sheet, 4, 0, "left", NULL);
  worksheet_write_blank (sheet, 4, 1, bold);
  worksheet_write_string (sheet, 4, 3, "right", NULL);
  if (!constant_memory)
    worksheet_write_rich_string (sheet, 6, 0, rich, NULL);
  worksheet_write_number (sheet, 9, 5, 7, NULL);

  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
}

static void
check_test_workbook (const char *path,
                     gboolean    constant_memory)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscXlsxReader) reader = esc_xlsx_reader_open (path, &error);
  g_autoptr(SheetDump) dump = NULL;
  const char *expected_names[] = { "Primeira", "Dados", NULL };
  const TestCell *cell;

  g_assert_no_error (error);
  g_assert_true (g_strv_equal ((const char * const *) expected_names,
                               esc_xlsx_reader_get_sheet_names (reader)));

  dump = read_sheet (reader, "Dados");
  assert_string (dump, "A1", "name");
  assert_string (dump, "B1", "héllo wörld");
  assert_string (dump, "C1", "  spaced  ");
  assert_number (dump, "A2", 42.5, FALSE);
  assert_number (dump, "B2", -3, FALSE);
  g_assert_cmpstr (get_cell (dump, "A2")->text, ==, "42.5");

  assert_cell_datetime (dump, "A3", 2026, 12, 25, 0);
  assert_number (dump, "A3", 46381, TRUE);
  assert_cell_datetime (dump, "B3", 2021, 3, 1, 8 * 60);
  assert_cell_datetime (dump, "C3", 2026, 12, 25, 0);
  assert_cell_time (dump, "D3", 10 * 60 + 30);

  cell = get_cell (dump, "A4");
  g_assert_cmpint (cell->type, ==, ESC_XLSX_BOOL);
  g_assert_cmpfloat (cell->number, ==, 1);
  g_assert_cmpstr (cell->text, ==, "TRUE");
  cell = get_cell (dump, "B4");
  g_assert_cmpint (cell->type, ==, ESC_XLSX_BOOL);
  g_assert_cmpfloat (cell->number, ==, 0);
  g_assert_cmpstr (cell->text, ==, "FALSE");
  cell = get_cell (dump, "C4");
  g_assert_cmpint (cell->type, ==, ESC_XLSX_NUMBER);
  g_assert_cmpfloat (cell->number, ==, 85);
  g_assert_true (cell->has_formula);
  cell = get_cell (dump, "D4");
  g_assert_cmpint (cell->type, ==, ESC_XLSX_STRING);
  g_assert_cmpstr (cell->text, ==, "name!");
  g_assert_true (cell->has_formula);
  g_assert_false (get_cell (dump, "A1")->has_formula);

  assert_string (dump, "A5", "left");
  assert_absent (dump, "B5");   /* formatted but blank */
  assert_absent (dump, "C5");
  assert_string (dump, "D5", "right");
  assert_absent (dump, "A6");
  if (!constant_memory)
    assert_string (dump, "A7", "Rio de Janeiro");
  assert_number (dump, "F10", 7, FALSE);
  g_assert_cmpuint (dump->last_row, ==, 10);
  g_assert_cmpuint (dump->n_rows, ==, constant_memory ? 6 : 7);

  g_clear_pointer (&dump, sheet_dump_free);
  dump = read_sheet (reader, "Primeira");
  assert_string (dump, "A1", "first");
  g_assert_cmpuint (g_hash_table_size (dump->cells), ==, 1);
}

static void
test_xlsxwriter (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "written.xlsx", NULL);

  write_test_workbook (path, FALSE);
  check_test_workbook (path, FALSE);
  remove_temp (dir, path);
}

static void
test_xlsxwriter_inline_strings (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "written.xlsx", NULL);

  /* constant_memory writes inline strings (t="inlineStr") instead of shared ones */
  write_test_workbook (path, TRUE);
  check_test_workbook (path, TRUE);
  remove_temp (dir, path);
}

typedef struct
{
  guint  n_rows;
  guint  n_cells;
  double sum;
} Totals;

static gboolean
sum_row_cb (guint              row,
            const EscXlsxCell *cells,
            guint              n_cells,
            gpointer           user_data,
            GError           **error)
{
  Totals *totals = user_data;

  totals->n_rows++;
  totals->n_cells += n_cells;
  for (guint i = 0; i < n_cells; i++)
    if (cells[i].type == ESC_XLSX_NUMBER)
      totals->sum += cells[i].number;
  return TRUE;
}

static void
test_many_rows (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "many.xlsx", NULL);
  lxw_workbook_options options = { .constant_memory = TRUE };
  lxw_workbook *workbook = workbook_new_opt (path, &options);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Rows");
  g_autoptr(EscXlsxReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_test_slow () ? 100000 : 20000;
  Totals totals = { 0 };
  double expected = 0;

  for (guint row = 0; row < n; row++)
    {
      worksheet_write_string (sheet, row, 0, "Norte Shop", NULL);
      worksheet_write_number (sheet, row, 1, row, NULL);
      expected += row;
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);

  reader = esc_xlsx_reader_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (esc_xlsx_reader_foreach_row (reader, "Rows", sum_row_cb, &totals, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (totals.n_rows, ==, n);
  g_assert_cmpuint (totals.n_cells, ==, 2 * n);
  g_assert_cmpfloat (totals.sum, ==, expected);

  remove_temp (dir, path);
}

/* Tests: hand-made workbooks */

static void
test_hand_made (void)
{
  const char workbook[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<x:workbook xmlns:x=\"" MAIN_NS "\" xmlns:r=\"" REL_NS "\">"
    "<x:workbookPr date1904=\"true\"/>"
    "<x:sheets><x:sheet name=\"Texts\" sheetId=\"7\" r:id=\"rId7\"/>"
    "<x:sheet name=\"Numbers\" sheetId=\"3\" state=\"hidden\" r:id=\"rId3\"/></x:sheets>"
    "</x:workbook>";
  const char rels[] =
    "<Relationships xmlns=\"" PKG_NS "\">"
    "<Relationship Id=\"rId3\" Type=\"" REL_NS "/worksheet\" Target=\"./worksheets/../worksheets/b.xml\"/>"
    "<Relationship Id=\"rId7\" Type=\"" REL_NS "/worksheet\" Target=\"/xl/worksheets/a.xml\"/>"
    "<Relationship Id=\"rId8\" Type=\"" REL_NS "/sharedStrings\" Target=\"strings.xml\"/>"
    "<Relationship Id=\"rId9\" Type=\"" REL_NS "/hyperlink\" Target=\"https://example.org/\" TargetMode=\"External\"/>"
    "</Relationships>";
  const char strings[] =
    "<sst xmlns=\"" MAIN_NS "\" count=\"4\" uniqueCount=\"4\">"
    "<si><t>plain</t></si>"
    "<si><r><rPr><b/></rPr><t>rich</t></r><r><t xml:space=\"preserve\"> text </t></r>"
    "<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si>"
    "<si><t/></si>"
    "<si>\n  <t>&lt;tag&gt; &amp; &#233;</t>\n</si>"
    "</sst>";
  const char sheet_a[] =
    "<worksheet xmlns=\"" MAIN_NS "\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>inline</t></is></c>"
    "<c r=\"B2\" t=\"inlineStr\"><is><r><t>in</t></r><r><rPr><i/></rPr><t xml:space=\"preserve\">line </t></r>"
    "<rPh><t>X</t></rPh></is></c>"
    "<c r=\"C2\" t=\"str\"><f>CONCAT(\"a\",\"b\")</f><v>ab</v></c>"
    "<c r=\"D2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
    "<c r=\"E2\" t=\"b\"><v>1</v></c><c r=\"F2\"><f>1+1</f></c>"
    "<c r=\"G2\" s=\"0\"/><c r=\"H2\"><v></v></c></row>"
    /* no r on rows nor cells: row 3, columns A, B, C; then E after an explicit D */
    "<row><c t=\"inlineStr\"><is><t>a3</t></is></c><c><v>2</v></c><c t=\"b\"><v>0</v></c>"
    "<c r=\"D3\"><v>4</v></c><c><v>5</v></c></row>"
    "<row spans=\"1:2\"><c><v>6</v></c></row>"
    "<row r=\"9\"/>"
    "<row r=\"10\"><c r=\"AA10\"><v>1e3</v></c><c r=\"xfd10\"><v> 7 </v></c></row>"
    "</sheetData><mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>";
  const char sheet_b[] =
    "<worksheet xmlns=\"" MAIN_NS "\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\"><v>0</v></c><c r=\"B1\"><v>43794.5</v></c>"
    "<c r=\"C1\" t=\"d\"><v>2021-03-01T08:00:00</v></c><c r=\"D1\" t=\"d\"><v>2026-12-25</v></c>"
    "<c r=\"E1\" t=\"n\"><v>-1.5E-3</v></c></row>"
    "</sheetData></worksheet>";
  const char *entries[] = {
    "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
    "_rels/.rels", root_rels,
    "xl/workbook.xml", workbook,
    "xl/_rels/workbook.xml.rels", rels,
    "xl/strings.xml", strings,
    "xl/worksheets/a.xml", sheet_a,
    "xl/worksheets/b.xml", sheet_b,
    NULL,
  };
  g_autoptr(GBytes) bytes = make_zip (entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscXlsxReader) reader = esc_xlsx_reader_open_bytes (bytes, NULL, &error);
  g_autoptr(SheetDump) texts = NULL;
  g_autoptr(SheetDump) numbers = NULL;
  const char *expected_names[] = { "Texts", "Numbers", NULL };
  const TestCell *cell;

  g_assert_no_error (error);
  g_assert_true (g_strv_equal ((const char * const *) expected_names,
                               esc_xlsx_reader_get_sheet_names (reader)));
  g_assert_true (esc_xlsx_reader_uses_1904 (reader));

  texts = read_sheet (reader, "Texts");
  assert_string (texts, "A1", "plain");
  assert_string (texts, "B1", "rich text ");
  assert_string (texts, "C1", "");
  assert_string (texts, "D1", "<tag> & é");
  assert_string (texts, "A2", "inline");
  assert_string (texts, "B2", "inline ");
  assert_string (texts, "C2", "ab");
  g_assert_true (get_cell (texts, "C2")->has_formula);
  cell = get_cell (texts, "D2");
  g_assert_cmpint (cell->type, ==, ESC_XLSX_ERROR);
  g_assert_cmpstr (cell->text, ==, "#DIV/0!");
  g_assert_cmpint (get_cell (texts, "E2")->type, ==, ESC_XLSX_BOOL);
  cell = get_cell (texts, "F2");   /* a formula never calculated */
  g_assert_cmpint (cell->type, ==, ESC_XLSX_EMPTY);
  g_assert_true (cell->has_formula);
  g_assert_cmpstr (cell->text, ==, "");
  assert_absent (texts, "G2");
  assert_absent (texts, "H2");

  assert_string (texts, "A3", "a3");
  assert_number (texts, "B3", 2, FALSE);
  g_assert_cmpint (get_cell (texts, "C3")->type, ==, ESC_XLSX_BOOL);
  assert_number (texts, "D3", 4, FALSE);
  assert_number (texts, "E3", 5, FALSE);
  assert_number (texts, "A4", 6, FALSE);
  assert_number (texts, "AA10", 1000, FALSE);
  assert_number (texts, "XFD10", 7, FALSE);
  g_assert_cmpuint (texts->n_rows, ==, 5);   /* the empty row 9 is not reported */

  /* no styles part: nothing is a date, except cells written as dates (t="d") */
  numbers = read_sheet (reader, "Numbers");
  assert_number (numbers, "A1", 0, FALSE);
  assert_number (numbers, "B1", 43794.5, FALSE);
  assert_datetime (get_cell (numbers, "B1")->number, TRUE, 2023, 11, 26, 12 * 60);
  cell = get_cell (numbers, "C1");
  g_assert_true (cell->is_date);
  g_assert_cmpstr (cell->text, ==, "2021-03-01T08:00:00");
  assert_datetime (cell->number, TRUE, 2021, 3, 1, 8 * 60);
  assert_number (numbers, "C1", 44256.3333333333 - 1462, TRUE);
  assert_datetime (get_cell (numbers, "D1")->number, TRUE, 2026, 12, 25, 0);
  assert_number (numbers, "E1", -0.0015, FALSE);
}

static void
test_date_formats (void)
{
  const char styles[] =
    "<styleSheet xmlns=\"" MAIN_NS "\">"
    "<numFmts count=\"9\">"
    "<numFmt numFmtId=\"164\" formatCode=\"[$-416]dd/mm/yyyy\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"hh:mm\"/>"
    "<numFmt numFmtId=\"166\" formatCode=\"0.00\"/>"
    "<numFmt numFmtId=\"167\" formatCode=\"#,##0 &quot;dias&quot;\"/>"
    "<numFmt numFmtId=\"168\" formatCode=\"[Red]0.00;[Blue]\\-0.00\"/>"
    "<numFmt numFmtId=\"169\" formatCode=\"[h]:mm\"/>"
    "<numFmt numFmtId=\"170\" formatCode=\"0\\h_s*y\"/>"
    "<numFmt numFmtId=\"14\" formatCode=\"0.0\"/>"
    "<numFmt numFmtId=\"43\" formatCode=\"_-* #,##0.00_-;\\-* #,##0.00_-;_-* &quot;-&quot;??_-;_-@_-\"/>"
    "<numFmt numFmtId=\"171\" formatCode=\"YYYY-MM-DD\"/>"
    "</numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs count=\"15\">"
    "<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/>"
    "<xf numFmtId=\"167\"/><xf numFmtId=\"168\"/><xf numFmtId=\"169\"/><xf numFmtId=\"170\"/>"
    "<xf numFmtId=\"14\"/><xf numFmtId=\"43\"/><xf numFmtId=\"22\"/><xf numFmtId=\"47\"/>"
    "<xf numFmtId=\"2\"/><xf numFmtId=\"171\"/><xf/>"
    "</cellXfs></styleSheet>";
  const gboolean expected[] = { FALSE, TRUE, TRUE, FALSE, FALSE, FALSE, TRUE, FALSE,
                                FALSE, FALSE, TRUE, TRUE, FALSE, TRUE, FALSE,
                                FALSE /* 15: no such style */ };
  const char rels[] =
    "<Relationships xmlns=\"" PKG_NS "\">"
    "<Relationship Id=\"rId1\" Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" REL_NS "/styles\" Target=\"styles.xml\"/>"
    "</Relationships>";
  g_autoptr(GString) sheet = g_string_new ("<worksheet xmlns=\"" MAIN_NS "\"><sheetData><row r=\"1\">");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscXlsxReader) reader = NULL;
  g_autoptr(SheetDump) dump = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_string_append_printf (sheet, "<c s=\"%u\"><v>44256.5</v></c>", i);
  g_string_append (sheet, "<c s=\"1\" t=\"inlineStr\"><is><t>text</t></is></c></row></sheetData></worksheet>");

  {
    const char *entries[] = {
      "xl/workbook.xml", one_sheet_workbook,   /* and no _rels/.rels at all */
      "xl/_rels/workbook.xml.rels", rels,
      "xl/styles.xml", styles,
      "xl/worksheets/sheet1.xml", sheet->str,
      NULL,
    };

    bytes = make_zip (entries);
  }
  reader = esc_xlsx_reader_open_bytes (bytes, "formats.xlsx", &error);
  g_assert_no_error (error);
  dump = read_sheet (reader, "Data");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *address = esc_xlsx_cell_address (1, i + 1);

      assert_number (dump, address, 44256.5, expected[i]);
    }
  g_assert_false (get_cell (dump, "Q1")->is_date);   /* text in a date style */
}

/* Tests: errors */

static void
test_not_a_zip (void)
{
  static const guint8 ole[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0 };
  g_autoptr(GBytes) text = g_bytes_new_static ("id,name\n1,Ana\n", 14);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) xls = g_bytes_new_static (ole, sizeof ole);
  g_autoptr(GError) error = NULL;
  EscXlsxReader *reader;

  reader = esc_xlsx_reader_open_bytes (text, "roster.csv", &error);
  g_assert_null (reader);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "roster.csv"));
  g_clear_error (&error);

  reader = esc_xlsx_reader_open_bytes (empty, "empty.xlsx", &error);
  g_assert_null (reader);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_READ);
  g_clear_error (&error);

  reader = esc_xlsx_reader_open_bytes (xls, "old.xls", &error);
  g_assert_null (reader);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_READ);
  g_assert_nonnull (strstr (error->message, ".xls"));
  g_clear_error (&error);

  reader = esc_xlsx_reader_open ("/nonexistent/escala/none.xlsx", &error);
  g_assert_null (reader);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "none.xlsx"));
}

static void
test_truncated (void)
{
  g_autofree char *source = find_shared_data ("sample_store_ptbr.xlsx");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) half = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  EscXlsxReader *reader;

  if (source == NULL)
    {
      g_test_skip ("shared data not found: set ESC_SHARED_DATA");
      return;
    }
  g_assert_true (g_file_get_contents (source, &contents, &length, &error));

  half = g_bytes_new (contents, length / 2);
  reader = esc_xlsx_reader_open_bytes (half, "half.xlsx", &error);
  g_assert_null (reader);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "half.xlsx"));
  g_clear_error (&error);

  /* the same from a file */
  dir = make_temp_dir ();
  path = g_build_filename (dir, "half.xlsx", NULL);
  g_assert_true (g_file_set_contents (path, contents, (gssize) (length / 2), &error));
  reader = esc_xlsx_reader_open (path, &error);
  g_assert_null (reader);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_READ);
  remove_temp (dir, path);
}

static const guint8 *
find_bytes (const guint8 *data,
            gsize         size,
            const char   *needle)
{
  gsize length = strlen (needle);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return data + i;
  return NULL;
}

/* Damages the compressed data of a zip member, keeping the zip's directory intact. */
static void
test_corrupt_data (void)
{
  g_autofree char *xml = NULL;
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscXlsxReader) reader = NULL;
  g_autoptr(SheetDump) dump = g_new0 (SheetDump, 1);
  const char name[] = "xl/worksheets/sheet1.xml";
  guint8 *data;
  gsize size;
  const guint8 *header;
  gsize data_offset;

  for (guint i = 1; i <= 2000; i++)
    g_string_append_printf (rows, "<row r=\"%u\"><c r=\"A%u\"><v>%u</v></c></row>", i, i, i * 7919 % 1000);
  xml = sheet_with_data (rows->str);
  {
    const char *entries[] = {
      "xl/workbook.xml", one_sheet_workbook,
      "xl/_rels/workbook.xml.rels", one_sheet_rels,
      name, xml,
      NULL,
    };

    bytes = make_zip (entries);
  }
  data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);

  /* the local header (signature PK\3\4, name length at 26, extra length at 28, name at 30) */
  header = find_bytes (data, size, name);
  g_assert_nonnull (header);
  header -= 30;
  g_assert_cmpint (memcmp (header, "PK\3\4", 4), ==, 0);
  data_offset = (gsize) (header - data) + 30 + strlen (name) + header[28] + 256 * header[29];
  g_assert_cmpuint (data_offset + 200, <, size);
  for (gsize i = data_offset + 40; i < data_offset + 120; i++)
    data[i] ^= 0x5a;
  bytes = g_bytes_new_take (data, size);

  reader = esc_xlsx_reader_open_bytes (bytes, "corrupt.xlsx", &error);
  g_assert_no_error (error);
  dump->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, test_cell_free);
  g_assert_false (esc_xlsx_reader_foreach_row (reader, "Data", collect_row_cb, dump, &error));
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, ESC_IO_ERROR, ESC_IO_ERROR_READ) ||
                 g_error_matches (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT));
  g_assert_nonnull (strstr (error->message, "corrupt.xlsx"));
  g_assert_nonnull (strstr (error->message, name));
}

static void
test_missing_parts (void)
{
  const char *no_workbook[] = {
    "_rels/.rels", root_rels,
    "xl/worksheets/sheet1.xml", "<worksheet/>",
    NULL,
  };
  const char *no_sheet_part[] = {
    "xl/workbook.xml", one_sheet_workbook,
    "xl/_rels/workbook.xml.rels", one_sheet_rels,
    NULL,
  };
  g_autoptr(GBytes) bytes = make_zip (no_workbook);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscXlsxReader) reader = esc_xlsx_reader_open_bytes (bytes, "parts.xlsx", &error);

  g_assert_null (reader);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "xl/workbook.xml"));
  g_clear_error (&error);

  /* the sheet is listed, its part is not there */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = make_zip (no_sheet_part);
  reader = esc_xlsx_reader_open_bytes (bytes, "parts.xlsx", &error);
  g_assert_no_error (error);
  g_assert_true (esc_xlsx_reader_has_sheet (reader, "Data"));
  g_assert_false (esc_xlsx_reader_foreach_row (reader, "Data", collect_row_cb, NULL, &error));
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "Data"));
}

static void
test_malformed_xml (void)
{
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  EscXlsxReader *reader;

  /* in a sheet: found when the sheet is read */
  message = expect_sheet_error ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</c></row>",
                                ESC_IO_ERROR_FORMAT);
  g_assert_nonnull (strstr (message, "xl/worksheets/sheet1.xml"));
  g_clear_pointer (&message, g_free);

  message = expect_sheet_error ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row", ESC_IO_ERROR_FORMAT);
  g_clear_pointer (&message, g_free);

  /* invalid UTF-8 */
  message = expect_sheet_error ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>caf\xe9</t></is></c></row>",
                                ESC_IO_ERROR_FORMAT);
  g_assert_true (g_utf8_validate (message, -1, NULL));
  g_clear_pointer (&message, g_free);

  /* in the workbook part: found when opening */
  {
    const char *entries[] = {
      "xl/workbook.xml", "<workbook xmlns=\"" MAIN_NS "\"><sheets><sheet name=\"A\" r:id=\"x\"/></sheets>",
      NULL,
    };
    g_autoptr(GBytes) bytes = make_zip (entries);

    reader = esc_xlsx_reader_open_bytes (bytes, "broken.xlsx", &error);
    g_assert_null (reader);
    g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT);
    g_assert_nonnull (strstr (error->message, "xl/workbook.xml"));
    g_clear_error (&error);
  }

  /* in the shared strings */
  {
    const char *entries[] = {
      "xl/workbook.xml", one_sheet_workbook,
      "xl/_rels/workbook.xml.rels", one_sheet_rels,
      "xl/sharedStrings.xml", "<sst><si><t>one</si></sst>",
      "xl/worksheets/sheet1.xml", "<worksheet/>",
      NULL,
    };
    g_autoptr(GBytes) bytes = make_zip (entries);

    reader = esc_xlsx_reader_open_bytes (bytes, "broken.xlsx", &error);
    g_assert_null (reader);
    g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT);
    g_assert_nonnull (strstr (error->message, "xl/sharedStrings.xml"));
  }
}

static void
test_bad_values (void)
{
  g_autofree char *message = NULL;

  message = expect_sheet_error ("<row r=\"3\"><c r=\"B3\" t=\"s\"><v>2</v></c></row>", ESC_IO_ERROR_FORMAT);
  g_assert_nonnull (strstr (message, "Data!B3"));
  g_clear_pointer (&message, g_free);

  message = expect_sheet_error ("<row r=\"3\"><c r=\"C3\" t=\"s\"><v>-1</v></c></row>", ESC_IO_ERROR_FORMAT);
  g_clear_pointer (&message, g_free);

  message = expect_sheet_error ("<row r=\"4\"><c r=\"D4\"><v>12abc</v></c></row>", ESC_IO_ERROR_FORMAT);
  g_assert_nonnull (strstr (message, "Data!D4"));
  g_assert_nonnull (strstr (message, "12abc"));
  g_clear_pointer (&message, g_free);

  message = expect_sheet_error ("<row r=\"4\"><c r=\"D4\"><v>nan</v></c></row>", ESC_IO_ERROR_FORMAT);
  g_clear_pointer (&message, g_free);

  message = expect_sheet_error ("<row r=\"5\"><c r=\"E5\" t=\"b\"><v>yes</v></c></row>", ESC_IO_ERROR_FORMAT);
  g_clear_pointer (&message, g_free);

  message = expect_sheet_error ("<row r=\"5\"><c r=\"E5\" t=\"d\"><v>2021-02-30</v></c></row>", ESC_IO_ERROR_FORMAT);
  g_clear_pointer (&message, g_free);

  message = expect_sheet_error ("<row r=\"6\"><c r=\"XFE6\"><v>1</v></c></row>", ESC_IO_ERROR_FORMAT);
  g_assert_nonnull (strstr (message, "XFE6"));
  g_clear_pointer (&message, g_free);

  message = expect_sheet_error ("<row r=\"6\"><c r=\"6A\"><v>1</v></c></row>", ESC_IO_ERROR_FORMAT);
  g_clear_pointer (&message, g_free);

  message = expect_sheet_error ("<row r=\"1048577\"><c><v>1</v></c></row>", ESC_IO_ERROR_FORMAT);
  g_clear_pointer (&message, g_free);

  message = expect_sheet_error ("<row r=\"0\"><c><v>1</v></c></row>", ESC_IO_ERROR_FORMAT);
}

static void
test_entity_bomb (void)
{
  g_autoptr(GString) bomb = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
                                          "<!ENTITY lol \"lol\">\n");
  const char *places[] = {
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>",
    "<row r=\"1\" x=\"&lol9;\"><c r=\"A1\"><v>1</v></c></row>",
    "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>",   /* declared, never used */
  };
  gint64 start = g_get_monotonic_time ();

  for (guint level = 1; level <= 9; level++)
    {
      g_string_append_printf (bomb, "<!ENTITY lol%u \"", level);
      for (guint i = 0; i < 10; i++)
        {
          if (level == 1)
            g_string_append (bomb, "&lol;");
          else
            g_string_append_printf (bomb, "&lol%u;", level - 1);
        }
      g_string_append (bomb, "\">\n");
    }
  g_string_append (bomb, "]>\n");

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autofree char *xml = g_strconcat (bomb->str, "<worksheet xmlns=\"" MAIN_NS "\"><sheetData>",
                                          places[i], "</sheetData></worksheet>", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(EscXlsxReader) reader = open_one_sheet (xml, &error);
      g_autoptr(SheetDump) dump = g_new0 (SheetDump, 1);

      g_assert_no_error (error);
      dump->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, test_cell_free);
      g_assert_false (esc_xlsx_reader_foreach_row (reader, "Data", collect_row_cb, dump, &error));
      g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT);
      g_assert_cmpuint (g_hash_table_size (dump->cells), ==, 0);
    }

  /* the same in the shared strings, and an external entity */
  {
    g_autofree char *sst = g_strconcat (bomb->str, "<sst xmlns=\"" MAIN_NS "\"><si><t>&lol9;</t></si></sst>", NULL);
    const char *entries[] = {
      "xl/workbook.xml", one_sheet_workbook,
      "xl/_rels/workbook.xml.rels", one_sheet_rels,
      "xl/sharedStrings.xml", sst,
      "xl/worksheets/sheet1.xml", "<worksheet/>",
      NULL,
    };
    g_autoptr(GBytes) bytes = make_zip (entries);
    g_autoptr(GError) error = NULL;
    EscXlsxReader *reader = esc_xlsx_reader_open_bytes (bytes, "bomb.xlsx", &error);

    g_assert_null (reader);
    g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT);
  }
  {
    const char xxe[] =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<worksheet xmlns=\"" MAIN_NS "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
      "<is><t>&x;</t></is></c></row></sheetData></worksheet>";
    g_autoptr(GError) error = NULL;
    g_autoptr(EscXlsxReader) reader = open_one_sheet (xxe, &error);
    g_autoptr(SheetDump) dump = g_new0 (SheetDump, 1);

    g_assert_no_error (error);
    dump->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, test_cell_free);
    g_assert_false (esc_xlsx_reader_foreach_row (reader, "Data", collect_row_cb, dump, &error));
    g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT);
    g_assert_cmpuint (g_hash_table_size (dump->cells), ==, 0);
  }

  /* all of it fails fast, without expanding anything */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

/* Declares a size the part does not have in the zip's central directory. */
static void
test_too_large (void)
{
  g_autofree char *xml = sheet_with_data ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
  const char name[] = "xl/worksheets/sheet1.xml";
  const char *entries[] = {
    "xl/workbook.xml", one_sheet_workbook,
    "xl/_rels/workbook.xml.rels", one_sheet_rels,
    name, xml,
    NULL,
  };
  g_autoptr(GBytes) bytes = make_zip (entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscXlsxReader) reader = NULL;
  guint8 *data;
  gsize size;
  guint8 *entry = NULL;
  g_autoptr(GString) row = g_string_new ("<row r=\"1\">");
  g_autofree char *message = NULL;

  data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);
  /* the central directory entry (signature PK\1\2, uncompressed size at 24, name at 46) */
  for (guint8 *p = data; p + 46 + strlen (name) <= data + size; p++)
    if (memcmp (p, "PK\1\2", 4) == 0 && memcmp (p + 46, name, strlen (name)) == 0)
      entry = p;
  g_assert_nonnull (entry);
  entry[24] = 0;
  entry[25] = 0;
  entry[26] = 0;
  entry[27] = 0x30;   /* 768 MiB */
  bytes = g_bytes_new_take (data, size);

  reader = esc_xlsx_reader_open_bytes (bytes, "huge.xlsx", &error);
  g_assert_no_error (error);
  g_assert_false (esc_xlsx_reader_foreach_row (reader, "Data", collect_row_cb, NULL, &error));
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, name));

  /* more cells in a row than Excel has columns */
  for (guint i = 0; i <= ESC_XLSX_MAX_COLUMNS; i++)
    g_string_append (row, "<c r=\"A1\"><v>1</v></c>");
  g_string_append (row, "</row>");
  message = expect_sheet_error (row->str, ESC_IO_ERROR_FORMAT);
}

static gboolean
stop_after_first_cb (guint              row,
                     const EscXlsxCell *cells,
                     guint              n_cells,
                     gpointer           user_data,
                     GError           **error)
{
  guint *n_rows = user_data;

  (*n_rows)++;
  return FALSE;
}

static gboolean
fail_on_second_cb (guint              row,
                   const EscXlsxCell *cells,
                   guint              n_cells,
                   gpointer           user_data,
                   GError           **error)
{
  guint *n_rows = user_data;

  if (++(*n_rows) < 2)
    return TRUE;
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "stop at row %u", row);
  return FALSE;
}

static void
test_stop_early (void)
{
  g_autoptr(EscXlsxReader) reader = open_shared_data ("sample_store_ptbr.xlsx");
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;

  if (reader == NULL)
    return;

  g_assert_true (esc_xlsx_reader_foreach_row (reader, "Demand", stop_after_first_cb, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 1);

  n_rows = 0;
  g_assert_false (esc_xlsx_reader_foreach_row (reader, "Demand", fail_on_second_cb, &n_rows, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "stop at row 2");
  g_assert_cmpuint (n_rows, ==, 2);
}

/* Tests: helpers */

static void
test_cell_address (void)
{
  const struct { guint row, col; const char *address; } cases[] = {
    { 3, 6, "F3" },
    { 1, 1, "A1" },
    { 10, 26, "Z10" },
    { 1, 27, "AA1" },
    { 1, 52, "AZ1" },
    { 1, 53, "BA1" },
    { 1, 702, "ZZ1" },
    { 1, 703, "AAA1" },
    { 1048576, 16384, "XFD1048576" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *address = esc_xlsx_cell_address (cases[i].row, cases[i].col);

      g_assert_cmpstr (address, ==, cases[i].address);
    }
}

static void
test_serial_to_datetime (void)
{
  guint32 julian = 0;
  int minutes = -1;
  GDate date;

  assert_datetime (46381, FALSE, 2026, 12, 25, 0);
  assert_datetime (44256.3333, FALSE, 2021, 3, 1, 8 * 60);
  assert_datetime (44256 + 23.0 / 24 + 59.6 / 1440, FALSE, 2021, 3, 2, 0);  /* rounds up */
  assert_datetime (44256 + 23.0 / 24 + 59.4 / 1440, FALSE, 2021, 3, 1, 23 * 60 + 59);
  assert_datetime (44256.99999, FALSE, 2021, 3, 2, 0);
  assert_datetime (1, FALSE, 1900, 1, 1, 0);
  assert_datetime (59, FALSE, 1900, 2, 28, 0);
  assert_datetime (61, FALSE, 1900, 3, 1, 0);
  assert_datetime (2958465.5, FALSE, 9999, 12, 31, 12 * 60);

  /* serial 60 is Excel's 1900-02-29, which never was */
  g_assert_false (esc_xlsx_serial_to_datetime (60, FALSE, &julian, &minutes));
  g_assert_false (esc_xlsx_serial_to_datetime (60.5, FALSE, NULL, NULL));

  /* times without a date */
  g_assert_true (esc_xlsx_serial_to_datetime (0.5, FALSE, &julian, &minutes));
  g_assert_cmpint (minutes, ==, 12 * 60);
  g_assert_cmpuint (julian, ==, ESC_XLSX_JULIAN_1899_12_30);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_assert_cmpint (g_date_get_year (&date), ==, 1899);
  g_assert_cmpint (g_date_get_month (&date), ==, 12);
  g_assert_cmpint (g_date_get_day (&date), ==, 30);
  assert_datetime (0, FALSE, 1899, 12, 30, 0);
  assert_datetime (0.31666666666666665, FALSE, 1899, 12, 30, 7 * 60 + 36);
  assert_datetime (0.95833333333333337, FALSE, 1899, 12, 30, 23 * 60);

  /* the 1904 system: four years and a day later for the same serial */
  assert_datetime (0, TRUE, 1904, 1, 1, 0);
  assert_datetime (0.5, TRUE, 1904, 1, 1, 12 * 60);
  assert_datetime (60, TRUE, 1904, 3, 1, 0);
  assert_datetime (46381 - 1462, TRUE, 2026, 12, 25, 0);
  assert_datetime (44256.3333 - 1462, TRUE, 2021, 3, 1, 8 * 60);
  assert_datetime (2958465 - 1462, TRUE, 9999, 12, 31, 0);
  g_assert_false (esc_xlsx_serial_to_datetime (2958465 - 1461, TRUE, NULL, NULL));

  /* out of range */
  g_assert_false (esc_xlsx_serial_to_datetime (-1, FALSE, &julian, &minutes));
  g_assert_false (esc_xlsx_serial_to_datetime (-0.001, TRUE, &julian, &minutes));
  g_assert_false (esc_xlsx_serial_to_datetime (NAN, FALSE, &julian, &minutes));
  g_assert_false (esc_xlsx_serial_to_datetime (INFINITY, FALSE, &julian, &minutes));
  g_assert_false (esc_xlsx_serial_to_datetime (2958466, FALSE, &julian, &minutes));
  g_assert_false (esc_xlsx_serial_to_datetime (1e300, FALSE, &julian, &minutes));
}

void
esc_test_add_xlsx_reader_tests (void)
{
  gsf_init ();

  g_test_add_func ("/io/xlsx-reader/sample-store", test_sample_store);
  g_test_add_func ("/io/xlsx-reader/original-example", test_original_example);
  g_test_add_func ("/io/xlsx-reader/sheet-lookup", test_sheet_lookup);
  g_test_add_func ("/io/xlsx-reader/xlsxwriter", test_xlsxwriter);
  g_test_add_func ("/io/xlsx-reader/xlsxwriter-inline-strings", test_xlsxwriter_inline_strings);
  g_test_add_func ("/io/xlsx-reader/many-rows", test_many_rows);
  g_test_add_func ("/io/xlsx-reader/hand-made", test_hand_made);
  g_test_add_func ("/io/xlsx-reader/date-formats", test_date_formats);
  g_test_add_func ("/io/xlsx-reader/stop-early", test_stop_early);
  g_test_add_func ("/io/xlsx-reader/cell-address", test_cell_address);
  g_test_add_func ("/io/xlsx-reader/serial-to-datetime", test_serial_to_datetime);
  g_test_add_func ("/io/xlsx-reader/error/not-a-zip", test_not_a_zip);
  g_test_add_func ("/io/xlsx-reader/error/truncated", test_truncated);
  g_test_add_func ("/io/xlsx-reader/error/corrupt-data", test_corrupt_data);
  g_test_add_func ("/io/xlsx-reader/error/missing-parts", test_missing_parts);
  g_test_add_func ("/io/xlsx-reader/error/malformed-xml", test_malformed_xml);
  g_test_add_func ("/io/xlsx-reader/error/bad-values", test_bad_values);
  g_test_add_func ("/io/xlsx-reader/error/entity-bomb", test_entity_bomb);
  g_test_add_func ("/io/xlsx-reader/error/too-large", test_too_large);
}
