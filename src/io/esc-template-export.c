/* esc-template-export.c: writing a project as the Excel template (libxlsxwriter).
 *
 * Decisions:
 * - One header row of human headings (see the header); machine keys are in each
 *   heading's comment and in the Notes sheet, and the importer accepts them too.
 * - Times and windows are written as text "HH:MM": exact, readable, and what the
 *   template's users type; the importer reads Excel time values as well.
 * - The notes' descriptions are the schema's, translated to the user interface's language
 *   (the headings follow the chosen template language).
 * - Column widths follow the longest text among the heading and the first 2000 rows,
 *   between 8 and 50 characters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-io"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/esc-c-locale.h"
#include "core/esc-file.h"
#include "core/esc-parse.h"
#include "esc-io-error.h"
#include "esc-template-export.h"
#include "esc-xlsx-reader.h"

#define WIDTH_SAMPLE_ROWS 2000

struct _EscXlsxWriter
{
  lxw_workbook       *workbook;
  char               *path;
  char               *tmp_path;
  EscTemplateLanguage language;
  lxw_format         *header;
  lxw_format         *date;
  lxw_format         *datetime;
  lxw_format         *time;
  lxw_format         *duration;
  char               *first_error;
};

/* The tables of the template, in sheet order; the first nine always, the others when
 * they have rows (or in the blank template). */
static const EscTableId template_tables[] = {
  ESC_TABLE_LOCATION, ESC_TABLE_STORE, ESC_TABLE_ROLE, ESC_TABLE_PATTERN, ESC_TABLE_EMPLOYEE,
  ESC_TABLE_DEMAND, ESC_TABLE_HOLIDAY, ESC_TABLE_PREVIOUS_ALLOCATION, ESC_TABLE_PARAMETER,
  ESC_TABLE_SHIFT, ESC_TABLE_PREFERENCE, ESC_TABLE_FORBIDDEN_SEQUENCE, ESC_TABLE_REQUEST,
  ESC_TABLE_ASSIGNMENT, ESC_TABLE_EXCLUSION, ESC_TABLE_MOVE, ESC_TABLE_ALLOCATION,
  ESC_TABLE_PHASE, ESC_TABLE_RESULT, ESC_TABLE_AUDIT, ESC_TABLE_VERSION,
  ESC_TABLE_VERSION_ALLOCATION,
};
#define N_ALWAYS_WRITTEN 9

/* Optional columns left out of a template when no row uses them. */
static const struct
{
  EscTableId  table;
  const char *key;
} optional_columns[] = {
  { ESC_TABLE_EMPLOYEE, "limited_weekday" }, { ESC_TABLE_EMPLOYEE, "min_hours" },
  { ESC_TABLE_EMPLOYEE, "max_hours" }, { ESC_TABLE_EMPLOYEE, "max_rest_days" },
  { ESC_TABLE_EMPLOYEE, "min_consecutive_days" },
  { ESC_TABLE_EMPLOYEE, "min_consecutive_days_off" }, { ESC_TABLE_EMPLOYEE, "max_weekends" },
  { ESC_TABLE_EMPLOYEE, "max_shifts" }, { ESC_TABLE_EMPLOYEE, "skills" },
  { ESC_TABLE_EMPLOYEE, "full_time" }, { ESC_TABLE_EMPLOYEE, "trainee" },
  { ESC_TABLE_EMPLOYEE, "start_date" }, { ESC_TABLE_EMPLOYEE, "spare_capacity" },
  { ESC_TABLE_DEMAND, "shift" }, { ESC_TABLE_DEMAND, "under_weight" },
  { ESC_TABLE_DEMAND, "over_weight" }, { ESC_TABLE_HOLIDAY, "country" },
  { ESC_TABLE_HOLIDAY, "full_day" },
};

/* A column of a sheet being written: a schema column or an extra. */
typedef struct
{
  int         column;   /* schema column, -1 for an extra */
  const char *extra;    /* the extra's key */
  guint       width;    /* longest text, characters */
} SheetColumn;

/* Writer ---------------------------------------------------------------------------------- */

EscXlsxWriter *
esc_xlsx_writer_new (const char *path,
                     GError    **error)
{
  g_autoptr(EscXlsxWriter) self = g_new0 (EscXlsxWriter, 1);
  g_autofree char *display_name = g_filename_display_name (path);
  lxw_workbook_options options = { 0 };
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  self->tmp_path = g_strdup_printf ("%s.XXXXXX", path);
  fd = g_mkstemp (self->tmp_path);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&self->tmp_path, g_free);
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE, _("Cannot write “%s”: %s"),
                   display_name, g_strerror (saved_errno));
      return NULL;
    }
  g_close (fd, NULL);

  options.use_zip64 = LXW_FALSE;
  self->workbook = workbook_new_opt (self->tmp_path, &options);
  if (self->workbook == NULL)
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE, _("Cannot write “%s”: %s"),
                   display_name, _("out of memory"));
      return NULL;
    }

  self->header = workbook_add_format (self->workbook);
  format_set_bold (self->header);
  format_set_bg_color (self->header, 0xDDEBF7);
  format_set_bottom (self->header, LXW_BORDER_THIN);
  format_set_text_wrap (self->header);
  format_set_align (self->header, LXW_ALIGN_VERTICAL_TOP);
  self->date = workbook_add_format (self->workbook);
  self->datetime = workbook_add_format (self->workbook);
  self->time = workbook_add_format (self->workbook);
  format_set_num_format (self->time, "hh:mm");
  self->duration = workbook_add_format (self->workbook);
  format_set_num_format (self->duration, "[h]:mm");
  esc_xlsx_writer_set_language (self, ESC_TEMPLATE_LANGUAGE_EN);
  return g_steal_pointer (&self);
}

void
esc_xlsx_writer_set_language (EscXlsxWriter      *self,
                              EscTemplateLanguage language)
{
  self->language = language;
  if (language == ESC_TEMPLATE_LANGUAGE_PT_BR)
    {
      format_set_num_format (self->date, "dd/mm/yyyy");
      format_set_num_format (self->datetime, "dd/mm/yyyy hh:mm");
    }
  else
    {
      format_set_num_format (self->date, "yyyy-mm-dd");
      format_set_num_format (self->datetime, "yyyy-mm-dd hh:mm");
    }
}

lxw_workbook *
esc_xlsx_writer_get_workbook (EscXlsxWriter *self)
{
  return self->workbook;
}

lxw_format *
esc_xlsx_writer_get_header_format (EscXlsxWriter *self)
{
  return self->header;
}

lxw_format *
esc_xlsx_writer_get_date_format (EscXlsxWriter *self)
{
  return self->date;
}

lxw_format *
esc_xlsx_writer_get_datetime_format (EscXlsxWriter *self)
{
  return self->datetime;
}

lxw_format *
esc_xlsx_writer_get_time_format (EscXlsxWriter *self)
{
  return self->time;
}

lxw_format *
esc_xlsx_writer_get_duration_format (EscXlsxWriter *self)
{
  return self->duration;
}

void
esc_xlsx_writer_check (EscXlsxWriter *self,
                       lxw_error      status,
                       const char    *sheet,
                       lxw_row_t      row,
                       lxw_col_t      col)
{
  g_autofree char *address = NULL;

  if (status == LXW_NO_ERROR || self->first_error != NULL)
    return;
  {
    g_autofree char *cell = esc_xlsx_cell_address (row + 1, col + 1);

    address = g_strdup_printf ("%s!%s", sheet, cell);
  }
  if (status == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    self->first_error = g_strdup_printf (_("%s: the text is longer than the 32767 "
                                           "characters a cell can hold"), address);
  else
    self->first_error = g_strdup_printf ("%s: %s", address, lxw_strerror (status));
}

void
esc_xlsx_writer_string (EscXlsxWriter *self,
                        lxw_worksheet *sheet,
                        const char    *sheet_name,
                        lxw_row_t      row,
                        lxw_col_t      col,
                        const char    *text,
                        lxw_format    *format)
{
  if (text == NULL || *text == '\0')
    return;
  esc_xlsx_writer_check (self, worksheet_write_string (sheet, row, col, text, format),
                         sheet_name, row, col);
}

void
esc_xlsx_writer_free (EscXlsxWriter *self)
{
  if (self == NULL)
    return;
  if (self->workbook != NULL)
    {
      g_auto(EscCLocale) c_locale = ESC_C_LOCALE_INIT;

      esc_c_locale_enter (&c_locale);
      workbook_close (self->workbook);
      self->workbook = NULL;
    }
  if (self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  g_free (self->tmp_path);
  g_free (self->path);
  g_free (self->first_error);
  g_free (self);
}

gboolean
esc_xlsx_writer_finish (EscXlsxWriter *self,
                        GError       **error)
{
  g_autoptr(EscXlsxWriter) owned = self;
  g_autofree char *display_name = g_filename_display_name (self->path);
  g_auto(EscCLocale) c_locale = ESC_C_LOCALE_INIT;
  g_autoptr(GError) local_error = NULL;
  lxw_error status;

  /* libxlsxwriter writes the sheets' XML here, numbers with printf: "C" numbers. */
  esc_c_locale_enter (&c_locale);
  status = workbook_close (self->workbook);
  esc_c_locale_leave (&c_locale);
  self->workbook = NULL;
  if (self->first_error != NULL)
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE, _("Cannot write “%s”: %s"),
                   display_name, self->first_error);
      return FALSE;
    }
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE, _("Cannot write “%s”: %s"),
                   display_name, lxw_strerror (status));
      return FALSE;
    }
  if (!esc_file_replace_with (self->tmp_path, self->path, &local_error))
    {
      g_set_error_literal (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE, local_error->message);
      return FALSE;
    }
  g_clear_pointer (&self->tmp_path, g_free);
  return TRUE;
}

double
esc_xlsx_julian_to_serial (EscJulian julian)
{
  /* Serial 61 is 1900-03-01; earlier serials meet Excel's invented 1900-02-29. */
  if (julian < ESC_XLSX_JULIAN_1899_12_30 + 61)
    return 0;
  return (double) (julian - ESC_XLSX_JULIAN_1899_12_30);
}

double
esc_xlsx_column_width (guint n_chars)
{
  return CLAMP (n_chars, 8u, 50u) + 2;
}

/* Cells ----------------------------------------------------------------------------------- */

/* The date of @text when it is a canonical ISO date that Excel can hold, else 0. */
static EscJulian
canonical_date (const char *text)
{
  EscJulian julian = 0;
  g_autofree char *again = NULL;

  if (!g_ascii_isdigit (*text) || !esc_parse_date (text, &julian, NULL))
    return 0;
  again = esc_format_date (julian);
  if (!g_str_equal (again, text) || esc_xlsx_julian_to_serial (julian) == 0)
    return 0;
  return julian;
}

/* Whether @text is a number written as the importer would write it back. */
static gboolean
canonical_number (const char *text,
                  double     *value)
{
  g_autofree char *again = NULL;
  char *end = NULL;

  if (*text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  errno = 0;
  *value = g_ascii_strtod (text, &end);
  if (end == NULL || *end != '\0' || errno == ERANGE)
    return FALSE;
  again = esc_template_format_number (*value);
  return g_str_equal (again, text);
}

/* The type a cell of @column in @row is written with (parameter values by their key). */
static EscColumnType
cell_type (EscTableId  table,
           guint       column,
           EscRow     *row)
{
  if (table == ESC_TABLE_PARAMETER && column == ESC_PARAMETER_VALUE)
    {
      const EscParameterDef *def = esc_schema_find_parameter (esc_row_get (row,
                                                                          ESC_PARAMETER_KEY));

      return def != NULL ? def->type : ESC_COLUMN_TEXT;
    }
  return esc_schema_get_table (table)->columns[column].type;
}

/* Writes one cell; returns the number of characters it shows, for the column width. */
static guint
write_cell (EscXlsxWriter *w,
            lxw_worksheet *sheet,
            const char    *sheet_name,
            lxw_row_t      r,
            lxw_col_t      c,
            EscColumnType  type,
            const char    *text)
{
  EscJulian julian;
  double value;

  if (*text == '\0')
    return 0;

  switch (type)
    {
    case ESC_COLUMN_DATE:
    case ESC_COLUMN_DAY:
      if ((julian = canonical_date (text)) != 0)
        {
          esc_xlsx_writer_check (w, worksheet_write_number (sheet, r, c,
                                                            esc_xlsx_julian_to_serial (julian),
                                                            w->date),
                                 sheet_name, r, c);
          return 10;
        }
      break;

    case ESC_COLUMN_INT:
    case ESC_COLUMN_NUMBER:
    case ESC_COLUMN_HOURS:
      if (canonical_number (text, &value))
        {
          esc_xlsx_writer_check (w, worksheet_write_number (sheet, r, c, value, NULL),
                                 sheet_name, r, c);
          return (guint) strlen (text);
        }
      break;

    case ESC_COLUMN_BOOL:
      if (w->language == ESC_TEMPLATE_LANGUAGE_PT_BR && g_str_equal (text, "yes"))
        text = "Sim";
      else if (w->language == ESC_TEMPLATE_LANGUAGE_PT_BR && g_str_equal (text, "no"))
        text = "Não";
      break;

    default:
      break;
    }

  esc_xlsx_writer_string (w, sheet, sheet_name, r, c, text, NULL);
  return (guint) g_utf8_strlen (text, -1);
}

/* Sheets ---------------------------------------------------------------------------------- */

static gboolean
is_optional_column (EscTableId  table,
                    const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (optional_columns); i++)
    if (optional_columns[i].table == table && g_str_equal (optional_columns[i].key, key))
      return TRUE;
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The columns to write: every schema column (optional ones only when used, or @all),
 * then the rows' extras sorted by key. */
static GArray *
choose_columns (EscTable *table,
                gboolean  all)
{
  const EscTableSchema *schema = esc_table_get_schema (table);
  g_autoptr(GHashTable) extras = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **extra_keys = NULL;
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (SheetColumn));
  guint n_rows = esc_table_get_n_rows (table);
  guint n_extras = 0;

  for (guint c = 0; c < schema->n_columns; c++)
    {
      SheetColumn column = { .column = (int) c };
      gboolean used = all || !is_optional_column (schema->id, schema->columns[c].key);

      for (guint i = 0; !used && i < n_rows; i++)
        used = !esc_row_is_empty (esc_table_get_row (table, i), c);
      if (used)
        g_array_append_val (columns, column);
    }

  for (guint i = 0; i < n_rows; i++)
    {
      guint n = 0;
      g_autofree const char **keys = esc_row_get_extra_keys (esc_table_get_row (table, i), &n);

      for (guint k = 0; k < n; k++)
        g_hash_table_add (extras, (gpointer) keys[k]);
    }
  extra_keys = (const char **) g_hash_table_get_keys_as_array (extras, &n_extras);
  qsort (extra_keys, n_extras, sizeof (char *), compare_strings);
  for (guint k = 0; k < n_extras; k++)
    {
      SheetColumn column = { .column = -1, .extra = extra_keys[k] };

      g_array_append_val (columns, column);
    }
  return columns;
}

static void
write_table_sheet (EscXlsxWriter *w,
                   EscTable      *table,
                   gboolean       all_columns)
{
  const EscTableSchema *schema = esc_table_get_schema (table);
  lxw_worksheet *sheet = workbook_add_worksheet (w->workbook, schema->sheet);
  g_autoptr(GArray) columns = choose_columns (table, all_columns);
  guint n_rows = esc_table_get_n_rows (table);

  /* The header, with the key and the description as a comment. */
  for (guint k = 0; k < columns->len; k++)
    {
      SheetColumn *column = &g_array_index (columns, SheetColumn, k);
      const char *heading;

      if (column->column >= 0)
        {
          const EscColumn *col = &schema->columns[column->column];
          g_autofree char *comment = g_strdup_printf ("%s: %s", col->key, _(col->description));

          heading = esc_template_get_heading (schema->id, column->column, w->language);
          esc_xlsx_writer_check (w, worksheet_write_comment (sheet, 0, k, comment),
                                 schema->sheet, 0, k);
        }
      else
        heading = column->extra;
      esc_xlsx_writer_string (w, sheet, schema->sheet, 0, k, heading, w->header);
      column->width = (guint) g_utf8_strlen (heading, -1);
    }

  for (guint i = 0; i < n_rows; i++)
    {
      EscRow *row = esc_table_get_row (table, i);

      for (guint k = 0; k < columns->len; k++)
        {
          SheetColumn *column = &g_array_index (columns, SheetColumn, k);
          guint width;

          if (column->column >= 0)
            width = write_cell (w, sheet, schema->sheet, i + 1, k,
                                cell_type (schema->id, column->column, row),
                                esc_row_get (row, column->column));
          else
            {
              const char *value = esc_row_get_extra (row, column->extra);

              width = write_cell (w, sheet, schema->sheet, i + 1, k, ESC_COLUMN_TEXT,
                                  value != NULL ? value : "");
            }
          if (i < WIDTH_SAMPLE_ROWS)
            column->width = MAX (column->width, width);
        }
    }

  for (guint k = 0; k < columns->len; k++)
    worksheet_set_column (sheet, k, k,
                          esc_xlsx_column_width (g_array_index (columns, SheetColumn, k).width),
                          NULL);
  worksheet_freeze_panes (sheet, 1, 0);
  if (columns->len > 0)
    worksheet_autofilter (sheet, 0, 0, MAX (n_rows, 1), columns->len - 1);
}

/* A short description of what a column accepts. */
static char *
describe_format (const EscColumn *column)
{
  const char *ref_sheet = column->ref_table < ESC_N_TABLES
                          ? esc_schema_get_table (column->ref_table)->sheet : "";

  switch (column->type)
    {
    case ESC_COLUMN_ID:
      return g_strdup (_("text, unique in the sheet"));
    case ESC_COLUMN_REF:
      return g_strdup_printf (_("an id of the %s sheet"), ref_sheet);
    case ESC_COLUMN_REF_LIST:
      return g_strdup_printf (_("ids of the %s sheet, separated by commas"), ref_sheet);
    case ESC_COLUMN_INT:
      return g_strdup (_("a whole number"));
    case ESC_COLUMN_NUMBER:
      return g_strdup (_("a number"));
    case ESC_COLUMN_HOURS:
      return g_strdup (_("hours: 44, 7.5 or 07:30"));
    case ESC_COLUMN_WORKED:
      return g_strdup (_("hours worked HH:MM, or C for a compensation day"));
    case ESC_COLUMN_TIME:
      return g_strdup (_("a time HH:MM"));
    case ESC_COLUMN_PATTERN_DAY:
      return g_strdup (_("a window HH:MM - HH:MM, or shift ids; blank: no work"));
    case ESC_COLUMN_DATE:
      return g_strdup (_("a date"));
    case ESC_COLUMN_DAY:
      return g_strdup (_("a date, or a weekday code mon..sun for every such day"));
    case ESC_COLUMN_WEEKDAY:
      return g_strdup (_("a weekday code: mon, tue, wed, thu, fri, sat, sun"));
    case ESC_COLUMN_WEEKDAY_SET:
      return g_strdup (_("weekday codes separated by commas"));
    case ESC_COLUMN_DAY_RANGES:
      return g_strdup (_("days of the month such as 25-31, 1-5"));
    case ESC_COLUMN_BOOL:
      return g_strdup (_("yes or no (sim or não)"));
    case ESC_COLUMN_LEAVE:
      return g_strdup (_("DD/MM/YYYY; dates separated by commas; DD/MM/YYYY - DD/MM/YYYY; "
                         "DD/MM/YYYY HH:MM - DD/MM/YYYY HH:MM"));
    case ESC_COLUMN_COLOR:
      return g_strdup (_("a color #rrggbb"));
    case ESC_COLUMN_ENUM:
      {
        g_autofree char *values = g_strjoinv (", ", (char **) column->enum_values);

        return g_strdup_printf (_("one of %s"), values);
      }
    case ESC_COLUMN_SHIFT_COUNTS:
      return g_strdup (_("shift:count pairs such as Night:2, Early:5"));
    case ESC_COLUMN_OBJECTIVES:
      return g_strdup (_("objective names in order, separated by commas"));
    case ESC_COLUMN_TEXT:
    default:
      return g_strdup (_("text"));
    }
}

static const char *
notes_heading (EscTemplateLanguage language,
               guint               i)
{
  static const char * const en[] = {
    N_("Sheet"), N_("Column"), N_("Key"), N_("Required"), N_("Format"), N_("Description"),
  };
  static const char * const pt[] = {
    "Planilha", "Coluna", "Chave", "Obrigatória", "Formato", "Descrição",
  };

  return language == ESC_TEMPLATE_LANGUAGE_PT_BR ? pt[i] : _(en[i]);
}

static void
write_notes_row (EscXlsxWriter *w,
                 lxw_worksheet *sheet,
                 const char    *sheet_name,
                 lxw_row_t      r,
                 const char    *values[6],
                 guint          widths[6])
{
  for (guint c = 0; c < 6; c++)
    {
      esc_xlsx_writer_string (w, sheet, sheet_name, r, c, values[c], NULL);
      if (values[c] != NULL)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (values[c], -1));
    }
}

static void
write_notes_sheet (EscXlsxWriter    *w,
                   const EscTableId *tables,
                   guint             n_tables,
                   GArray          **columns)
{
  const char *name = w->language == ESC_TEMPLATE_LANGUAGE_PT_BR ? "Notas" : "Notes";
  lxw_worksheet *sheet = workbook_add_worksheet (w->workbook, name);
  const char *yes = w->language == ESC_TEMPLATE_LANGUAGE_PT_BR ? "Sim" : "yes";
  const char *no = w->language == ESC_TEMPLATE_LANGUAGE_PT_BR ? "Não" : "no";
  guint widths[6] = { 0 };
  const EscParameterDef *defs;
  guint n_defs = 0;
  lxw_row_t r = 0;

  for (guint c = 0; c < 6; c++)
    {
      esc_xlsx_writer_string (w, sheet, name, 0, c, notes_heading (w->language, c), w->header);
      widths[c] = (guint) g_utf8_strlen (notes_heading (w->language, c), -1);
    }

  for (guint t = 0; t < n_tables; t++)
    {
      const EscTableSchema *schema = esc_schema_get_table (tables[t]);

      for (guint k = 0; k < columns[t]->len; k++)
        {
          const SheetColumn *column = &g_array_index (columns[t], SheetColumn, k);
          const EscColumn *col;
          g_autofree char *format = NULL;
          const char *values[6];

          if (column->column < 0)
            continue;
          col = &schema->columns[column->column];
          format = describe_format (col);
          values[0] = schema->sheet;
          values[1] = esc_template_get_heading (schema->id, column->column, w->language);
          values[2] = col->key;
          values[3] = col->required ? yes : no;
          values[4] = format;
          values[5] = _(col->description);
          write_notes_row (w, sheet, name, ++r, values, widths);
        }
    }

  /* The parameters, one row each, in the Parameters sheet's terms. */
  defs = esc_schema_get_parameters (&n_defs);
  for (guint i = 0; i < n_defs; i++)
    {
      const EscColumn pseudo = { .type = defs[i].type, .ref_table = ESC_N_TABLES };
      g_autofree char *format = describe_format (&pseudo);
      g_autofree char *description = NULL;
      const char *values[6];

      if (defs[i].default_value != NULL && *defs[i].default_value != '\0')
        description = g_strdup_printf (_("%s (default: %s)"), _(defs[i].description),
                                       defs[i].default_value);
      else
        description = g_strdup (_(defs[i].description));
      values[0] = esc_schema_get_table (ESC_TABLE_PARAMETER)->sheet;
      values[1] = _(defs[i].title);
      values[2] = defs[i].key;
      values[3] = defs[i].required ? yes : no;
      values[4] = format;
      values[5] = description;
      write_notes_row (w, sheet, name, ++r, values, widths);
    }

  for (guint c = 0; c < 6; c++)
    worksheet_set_column (sheet, c, c, esc_xlsx_column_width (MIN (widths[c], 70u)), NULL);
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_autofilter (sheet, 0, 0, MAX (r, 1), 5);
}

static gboolean
write_template (EscProject          *project,
                const char          *path,
                EscTemplateLanguage  language,
                gboolean             blank,
                GError             **error)
{
  g_autoptr(EscXlsxWriter) w = NULL;
  EscTableId tables[G_N_ELEMENTS (template_tables)];
  GArray *columns[G_N_ELEMENTS (template_tables)];
  guint n_tables = 0;
  gboolean ok;

  if ((w = esc_xlsx_writer_new (path, error)) == NULL)
    return FALSE;
  esc_xlsx_writer_set_language (w, language);

  for (guint i = 0; i < G_N_ELEMENTS (template_tables); i++)
    {
      EscTableId id = template_tables[i];
      EscTable *table = esc_project_get_table (project, id);

      if (i >= N_ALWAYS_WRITTEN && esc_table_get_n_rows (table) == 0 &&
          !(blank && (id == ESC_TABLE_SHIFT || id == ESC_TABLE_PREFERENCE ||
                      id == ESC_TABLE_FORBIDDEN_SEQUENCE)))
        continue;
      tables[n_tables] = id;
      columns[n_tables] = choose_columns (table, blank);
      write_table_sheet (w, table, blank);
      n_tables++;
    }
  write_notes_sheet (w, tables, n_tables, columns);
  for (guint i = 0; i < n_tables; i++)
    g_array_unref (columns[i]);

  ok = esc_xlsx_writer_finish (g_steal_pointer (&w), error);
  return ok;
}

/* Public API ------------------------------------------------------------------------------ */

gboolean
esc_template_export (EscProject          *project,
                     const char          *path,
                     EscTemplateLanguage  language,
                     GError             **error)
{
  g_return_val_if_fail (ESC_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_template (project, path, language, FALSE, error);
}

gboolean
esc_template_export_blank (const char          *path,
                           EscTemplateLanguage  language,
                           GError             **error)
{
  g_autoptr(EscProject) example = esc_template_new_example_project ();

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_template (example, path, language, TRUE, error);
}

#define ROW(table, n_columns, ...) \
  esc_table_append_values (esc_project_get_table (project, table), \
                           (const char *[n_columns]) { __VA_ARGS__ })

EscProject *
esc_template_new_example_project (void)
{
  EscProject *project = esc_project_new ();
  static const char * const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  static const char * const history[] = { "2026-11-30", "2026-12-01", "2026-12-02",
                                          "2026-12-03", "2026-12-04", "2026-12-05" };

  ROW (ESC_TABLE_LOCATION, ESC_LOCATION_N_COLUMNS, "LOC01", "São Paulo", "SP", "BR");
  ROW (ESC_TABLE_STORE, ESC_STORE_N_COLUMNS, "LJ01", "LOC01", "Loja Centro");
  ROW (ESC_TABLE_ROLE, ESC_ROLE_N_COLUMNS, "CAIXA", "Operador de caixa");
  ROW (ESC_TABLE_ROLE, ESC_ROLE_N_COLUMNS, "REPOSITOR", "Repositor");

  /* id, start, end, break minutes, hours, colour */
  ROW (ESC_TABLE_SHIFT, ESC_SHIFT_N_COLUMNS, "M", "06:00", "14:20", "", "", "#62a0ea");
  ROW (ESC_TABLE_SHIFT, ESC_SHIFT_N_COLUMNS, "N", "22:00", "06:20", "60", "", "#613583");

  /* id, mon .. sun */
  ROW (ESC_TABLE_PATTERN, ESC_PATTERN_N_COLUMNS, "ABERTURA", "08:00 - 16:20", "08:00 - 16:20",
       "08:00 - 16:20", "08:00 - 16:20", "08:00 - 16:20", "08:00 - 16:20", "");
  ROW (ESC_TABLE_PATTERN, ESC_PATTERN_N_COLUMNS, "FECHAMENTO", "13:40 - 22:00", "13:40 - 22:00",
       "13:40 - 22:00", "13:40 - 22:00", "13:40 - 22:00", "13:40 - 22:00", "10:00 - 18:00");
  ROW (ESC_TABLE_PATTERN, ESC_PATTERN_N_COLUMNS, "NOTURNO", "M, N", "M, N", "M, N", "M, N",
       "M, N", "", "");

  ROW (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_N_COLUMNS,
       [ESC_EMPLOYEE_ID] = "E001", [ESC_EMPLOYEE_NAME] = "Ana Souza",
       [ESC_EMPLOYEE_ROLE] = "CAIXA", [ESC_EMPLOYEE_STORE] = "LJ01",
       [ESC_EMPLOYEE_WEEKLY_HOURS] = "44", [ESC_EMPLOYEE_MAX_CONSECUTIVE_DAYS] = "6",
       [ESC_EMPLOYEE_MAX_CONSECUTIVE_SUNDAYS] = "2", [ESC_EMPLOYEE_PREFERRED_REST] = "sun",
       [ESC_EMPLOYEE_COMPENSATION_DEADLINE] = "30",
       [ESC_EMPLOYEE_PATTERNS] = "ABERTURA, FECHAMENTO", [ESC_EMPLOYEE_FULL_TIME] = "yes");
  ROW (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_N_COLUMNS,
       [ESC_EMPLOYEE_ID] = "E002", [ESC_EMPLOYEE_NAME] = "Bruno Oliveira",
       [ESC_EMPLOYEE_ROLE] = "CAIXA", [ESC_EMPLOYEE_STORE] = "LJ01",
       [ESC_EMPLOYEE_WEEKLY_HOURS] = "44", [ESC_EMPLOYEE_MAX_CONSECUTIVE_DAYS] = "6",
       [ESC_EMPLOYEE_MAX_CONSECUTIVE_SUNDAYS] = "1", [ESC_EMPLOYEE_PREFERRED_REST] = "wed",
       [ESC_EMPLOYEE_COMPENSATION_DEADLINE] = "30",
       [ESC_EMPLOYEE_LEAVE] = "15/12/2026 - 17/12/2026",
       [ESC_EMPLOYEE_PATTERNS] = "ABERTURA, FECHAMENTO", [ESC_EMPLOYEE_FULL_TIME] = "yes");
  ROW (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_N_COLUMNS,
       [ESC_EMPLOYEE_ID] = "E003", [ESC_EMPLOYEE_NAME] = "Carla Santos",
       [ESC_EMPLOYEE_ROLE] = "REPOSITOR", [ESC_EMPLOYEE_STORE] = "LJ01",
       [ESC_EMPLOYEE_WEEKLY_HOURS] = "36", [ESC_EMPLOYEE_MAX_CONSECUTIVE_DAYS] = "6",
       [ESC_EMPLOYEE_MAX_CONSECUTIVE_SUNDAYS] = "1", [ESC_EMPLOYEE_PREFERRED_REST] = "sat",
       [ESC_EMPLOYEE_COMPENSATION_DEADLINE] = "30", [ESC_EMPLOYEE_PATTERNS] = "NOTURNO",
       [ESC_EMPLOYEE_MAX_SHIFTS] = "N:3", [ESC_EMPLOYEE_FULL_TIME] = "no");

  /* store, role, day, start, end, shift, quantity, shortage and surplus weights */
  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    {
      gboolean sunday = d == ESC_SUN;

      ROW (ESC_TABLE_DEMAND, ESC_DEMAND_N_COLUMNS, "LJ01", "CAIXA", days[d],
           sunday ? "10:00" : "08:00", sunday ? "18:00" : "14:00", "", "1", "", "");
      if (!sunday)
        ROW (ESC_TABLE_DEMAND, ESC_DEMAND_N_COLUMNS, "LJ01", "CAIXA", days[d], "14:00",
             "22:00", "", "1", "", "");
      if (d < ESC_SAT)
        ROW (ESC_TABLE_DEMAND, ESC_DEMAND_N_COLUMNS, "LJ01", "REPOSITOR", days[d], "", "", "N",
             "1", "", "");
    }
  ROW (ESC_TABLE_DEMAND, ESC_DEMAND_N_COLUMNS, "LJ01", "CAIXA", "2026-12-24", "12:00", "18:00",
       "", "2", "", "");

  /* date, name, national, country, region, full day */
  ROW (ESC_TABLE_HOLIDAY, ESC_HOLIDAY_N_COLUMNS, "2026-12-25", "Natal", "yes", "BR", "", "");
  ROW (ESC_TABLE_HOLIDAY, ESC_HOLIDAY_N_COLUMNS, "2027-01-25", "Aniversário de São Paulo",
       "no", "", "LOC01", "");

  for (guint i = 0; i < G_N_ELEMENTS (history); i++)
    {
      ROW (ESC_TABLE_PREVIOUS_ALLOCATION, ESC_PREVIOUS_N_COLUMNS, "E001", history[i], "07:20");
      ROW (ESC_TABLE_PREVIOUS_ALLOCATION, ESC_PREVIOUS_N_COLUMNS, "E002", history[i],
           i == 2 ? "C" : "07:20");
    }

  /* employee, kind, date, shift, weight */
  ROW (ESC_TABLE_PREFERENCE, ESC_PREFERENCE_N_COLUMNS, "E003", "day_off", "2026-12-11", "",
       "2");
  ROW (ESC_TABLE_FORBIDDEN_SEQUENCE, ESC_SEQUENCE_N_COLUMNS, "N", "M");

  esc_project_set_parameter (project, "start_date", "2026-12-07");
  esc_project_set_parameter (project, "max_horizon", "28");
  esc_project_set_parameter (project, "first_day_of_week", "mon");
  esc_project_set_parameter (project, "allocation_priority_weekdays", "fri, sat");
  esc_project_set_parameter (project, "max_solution_time", "60");
  esc_project_set_parameter (project, "granularity", "15");
  esc_project_set_parameter (project, "objective_function",
                             esc_schema_get_default_objectives ());

  esc_project_mark_saved (project);
  return project;
}

#undef ROW
