/* esc-results-export.c: a schedule as a workbook people can use at once, and as CSV.
 *
 * Decisions:
 * - Numbers are written at full precision (hours as minutes / 60, as summary.json has
 *   them) and only formatted for display, so the workbook's figures equal the JSON's.
 * - The Summary sheet has a third column with the summary.json key of each figure
 *   ("totals.hours"), so scripts can check one against the other.
 * - Roster codes: a shift of the Shift table keeps its id when it has at most 5
 *   characters (else its first 4); a window of a pattern is named by its start, "08h" or
 *   "13h40"; clashes get a letter ("14hb"). Colours: the Shift table's colour, else a
 *   pastel palette in order of first use; the text is black or white, whichever reads.
 * - A day both on leave and a holiday off shows "L"; a compensation day shows "C" even on
 *   a holiday. Rest days are blank, shaded on weekends and holidays.
 * - Coverage times are written as durations from the start of the slot's day ([h]:mm), so
 *   a slot of a night window shows 26:00 rather than a time on the wrong day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-io"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "core/esc-parse.h"
#include "esc-csv.h"
#include "esc-io-error.h"
#include "esc-results-export.h"
#include "esc-template-export.h"
#include "solver/esc-evaluate.h"
#include "solver/esc-schedule-output.h"

/* A heading in English (translatable) and in the template's Portuguese. */
typedef struct
{
  const char *en;
  const char *pt;
} Heading;

static const guint32 palette[] = {
  0x8FD3FE, 0xA8E6A1, 0xFFD27F, 0xF5A3C7, 0xC9B6F2, 0xFFF29A, 0x9EE3D8, 0xF7B89C,
  0xBFD8B8, 0xD7C4A3, 0xA7C7E7, 0xE6B8E0,
};

#define COLOR_COMPENSATION 0xC6EFCE
#define COLOR_LEAVE        0xD9D9D9
#define COLOR_HOLIDAY      0xF8CBAD
#define COLOR_HOLIDAY_DAY  0xFCE4D6
#define COLOR_WEEKEND      0xF2F2F2
#define COLOR_SHORTAGE     0xFFC7CE
#define COLOR_SURPLUS      0xFFEB9C
#define COLOR_GRID         0xBFBFBF

typedef struct
{
  EscXlsxWriter       *w;
  lxw_workbook        *workbook;
  EscTemplateLanguage  language;
  const EscSchedule   *schedule;
  const EscProblem    *problem;
  EscProject          *project;
  GHashTable          *formats;   /* name -> lxw_format* (owned by the workbook) */
} Results;

typedef struct
{
  char    *code;
  guint32  color;
} ShiftLook;

static const char *
heading (const Results *r,
         const Heading *h)
{
  return r->language == ESC_TEMPLATE_LANGUAGE_PT_BR ? h->pt : _(h->en);
}

static const char *
yes_no (const Results *r,
        gboolean       value)
{
  if (r->language == ESC_TEMPLATE_LANGUAGE_PT_BR)
    return value ? "Sim" : "Não";
  return value ? "yes" : "no";
}

/* Formats --------------------------------------------------------------------------------- */

static guint32
text_color_for (guint32 background)
{
  double luminance = 0.299 * ((background >> 16) & 0xFF) + 0.587 * ((background >> 8) & 0xFF) +
                     0.114 * (background & 0xFF);

  return luminance < 140 ? 0xFFFFFF : 0x000000;
}

/* A cell format of the roster and the coverage: @fill (0: none), bold, centred,
 * @num_format (may be NULL), a thin grey border. Cached by its properties. */
static lxw_format *
get_format (Results    *r,
            guint32     fill,
            gboolean    bold,
            gboolean    centred,
            const char *num_format,
            gboolean    border)
{
  g_autofree char *key = g_strdup_printf ("%06x|%d|%d|%s|%d", fill, bold, centred,
                                          num_format != NULL ? num_format : "", border);
  lxw_format *format = g_hash_table_lookup (r->formats, key);

  if (format != NULL)
    return format;
  format = workbook_add_format (r->workbook);
  if (fill != 0)
    {
      format_set_bg_color (format, fill);
      format_set_font_color (format, text_color_for (fill));
    }
  if (bold)
    format_set_bold (format);
  if (centred)
    format_set_align (format, LXW_ALIGN_CENTER);
  if (num_format != NULL)
    format_set_num_format (format, num_format);
  if (border)
    {
      format_set_border (format, LXW_BORDER_THIN);
      format_set_border_color (format, COLOR_GRID);
    }
  g_hash_table_insert (r->formats, g_steal_pointer (&key), format);
  return format;
}

/* A roster header cell: a date written upwards on @fill. */
static lxw_format *
get_day_header_format (Results    *r,
                       guint32     fill,
                       const char *num_format)
{
  g_autofree char *key = g_strdup_printf ("day|%06x|%s", fill, num_format);
  lxw_format *format = g_hash_table_lookup (r->formats, key);

  if (format != NULL)
    return format;
  format = workbook_add_format (r->workbook);
  format_set_bg_color (format, fill);
  format_set_bold (format);
  format_set_align (format, LXW_ALIGN_CENTER);
  format_set_num_format (format, num_format);
  format_set_rotation (format, 90);
  format_set_border (format, LXW_BORDER_THIN);
  format_set_border_color (format, COLOR_GRID);
  g_hash_table_insert (r->formats, g_steal_pointer (&key), format);
  return format;
}

/* Cells ----------------------------------------------------------------------------------- */

static void
write_number (Results       *r,
              lxw_worksheet *sheet,
              const char    *sheet_name,
              lxw_row_t      row,
              lxw_col_t      col,
              double         value,
              lxw_format    *format)
{
  if (isnan (value) || isinf (value))
    return;
  esc_xlsx_writer_check (r->w, worksheet_write_number (sheet, row, col, value, format),
                         sheet_name, row, col);
}

static void
write_string (Results       *r,
              lxw_worksheet *sheet,
              const char    *sheet_name,
              lxw_row_t      row,
              lxw_col_t      col,
              const char    *text,
              lxw_format    *format)
{
  esc_xlsx_writer_string (r->w, sheet, sheet_name, row, col, text, format);
}

static void
write_date (Results       *r,
            lxw_worksheet *sheet,
            const char    *sheet_name,
            lxw_row_t      row,
            lxw_col_t      col,
            EscJulian      julian,
            lxw_format    *format)
{
  double serial = esc_xlsx_julian_to_serial (julian);

  if (serial == 0)
    {
      g_autofree char *text = esc_format_date (julian);

      write_string (r, sheet, sheet_name, row, col, text, NULL);
      return;
    }
  write_number (r, sheet, sheet_name, row, col, serial,
                format != NULL ? format : esc_xlsx_writer_get_date_format (r->w));
}

/* "YYYY-MM-DD HH:MM" or "YYYY-MM-DD" as a real date-time or date; other text as text. */
static void
write_datetime_text (Results       *r,
                     lxw_worksheet *sheet,
                     const char    *sheet_name,
                     lxw_row_t      row,
                     lxw_col_t      col,
                     const char    *text)
{
  g_auto(GStrv) parts = g_strsplit (text, " ", 2);
  EscJulian julian = 0;
  int minutes = 0;
  double serial;

  if (parts[0] == NULL || !esc_parse_date (parts[0], &julian, NULL) ||
      (parts[1] != NULL && !esc_parse_time (parts[1], TRUE, &minutes, NULL)) ||
      (serial = esc_xlsx_julian_to_serial (julian)) == 0)
    {
      write_string (r, sheet, sheet_name, row, col, text, NULL);
      return;
    }
  if (parts[1] == NULL)
    write_number (r, sheet, sheet_name, row, col, serial, esc_xlsx_writer_get_date_format (r->w));
  else
    write_number (r, sheet, sheet_name, row, col, serial + minutes / (double) ESC_MINUTES_PER_DAY,
                  esc_xlsx_writer_get_datetime_format (r->w));
}

static void
write_header (Results             *r,
              lxw_worksheet       *sheet,
              const char          *sheet_name,
              lxw_row_t            row,
              const char * const  *headings,
              guint                n_headings,
              double              *widths)
{
  for (guint c = 0; c < n_headings; c++)
    {
      write_string (r, sheet, sheet_name, row, c, headings[c],
                    esc_xlsx_writer_get_header_format (r->w));
      if (widths != NULL)
        widths[c] = MAX (widths[c], (double) g_utf8_strlen (headings[c], -1));
    }
}

static void
set_widths (lxw_worksheet *sheet,
            const double  *widths,
            guint          n_columns)
{
  for (guint c = 0; c < n_columns; c++)
    worksheet_set_column (sheet, c, c, esc_xlsx_column_width ((guint) widths[c]), NULL);
}

/* Allocations and Reduced ----------------------------------------------------------------- */

static void
write_allocations (Results *r)
{
  const char *name = "Allocations";
  lxw_worksheet *sheet = workbook_add_worksheet (r->workbook, name);
  g_autoptr(GPtrArray) rows = esc_schedule_output_allocations (r->schedule);
  const guint n_columns = ESC_ALLOCATION_PINNED;  /* every column but "pinned" */
  const char *headings[ESC_ALLOCATION_N_COLUMNS];
  double widths[ESC_ALLOCATION_N_COLUMNS] = { 0 };
  lxw_format *extra = get_format (r, COLOR_SHORTAGE, FALSE, FALSE, NULL, FALSE);
  lxw_format *compensation = get_format (r, COLOR_COMPENSATION, FALSE, FALSE, NULL, FALSE);

  for (guint c = 0; c < n_columns; c++)
    headings[c] = esc_template_get_heading (ESC_TABLE_ALLOCATION, c, r->language);
  write_header (r, sheet, name, 0, headings, n_columns, widths);

  for (guint i = 0; i < rows->len; i++)
    {
      EscRow *row = g_ptr_array_index (rows, i);
      lxw_row_t y = i + 1;

      for (guint c = 0; c < n_columns; c++)
        {
          const char *text = esc_row_get (row, c);
          EscJulian julian = 0;
          int minutes = 0;

          if (*text == '\0')
            continue;
          switch (c)
            {
            case ESC_ALLOCATION_START:
            case ESC_ALLOCATION_FINISH:
              write_datetime_text (r, sheet, name, y, c, text);
              widths[c] = MAX (widths[c], 16);
              break;

            case ESC_ALLOCATION_DATE:
              if (esc_parse_date (text, &julian, NULL))
                write_date (r, sheet, name, y, c, julian, NULL);
              else
                write_string (r, sheet, name, y, c, text, NULL);
              widths[c] = MAX (widths[c], 10);
              break;

            case ESC_ALLOCATION_NET_HOURS:
              if (esc_parse_hours (text, &minutes, NULL))
                write_number (r, sheet, name, y, c, minutes / (double) ESC_MINUTES_PER_DAY,
                              esc_xlsx_writer_get_duration_format (r->w));
              else
                write_string (r, sheet, name, y, c, text, NULL);
              widths[c] = MAX (widths[c], 6);
              break;

            case ESC_ALLOCATION_MISSING:
              write_number (r, sheet, name, y, c, g_ascii_strtod (text, NULL), NULL);
              break;

            case ESC_ALLOCATION_TYPE:
              write_string (r, sheet, name, y, c, text,
                            g_str_equal (text, ESC_ALLOCATION_TYPE_EXTRA) ? extra
                            : g_str_equal (text, ESC_ALLOCATION_TYPE_COMPENSATION) ? compensation
                            : NULL);
              widths[c] = MAX (widths[c], (double) strlen (text));
              break;

            default:
              write_string (r, sheet, name, y, c, text, NULL);
              widths[c] = MAX (widths[c], (double) g_utf8_strlen (text, -1));
              break;
            }
        }
    }

  set_widths (sheet, widths, n_columns);
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_autofilter (sheet, 0, 0, MAX (rows->len, 1), n_columns - 1);
}

static void
write_reduced (Results *r)
{
  const char *name = "Reduced";
  lxw_worksheet *sheet = workbook_add_worksheet (r->workbook, name);
  g_autoptr(GPtrArray) rows = esc_schedule_output_reduced (r->schedule);
  const char *headings[ESC_PREVIOUS_N_COLUMNS];
  double widths[ESC_PREVIOUS_N_COLUMNS] = { 0 };

  for (guint c = 0; c < ESC_PREVIOUS_N_COLUMNS; c++)
    headings[c] = esc_template_get_heading (ESC_TABLE_PREVIOUS_ALLOCATION, c, r->language);
  write_header (r, sheet, name, 0, headings, ESC_PREVIOUS_N_COLUMNS, widths);

  for (guint i = 0; i < rows->len; i++)
    {
      EscRow *row = g_ptr_array_index (rows, i);
      const char *employee = esc_row_get (row, ESC_PREVIOUS_EMPLOYEE);
      EscJulian julian = 0;

      write_string (r, sheet, name, i + 1, ESC_PREVIOUS_EMPLOYEE, employee, NULL);
      widths[0] = MAX (widths[0], (double) g_utf8_strlen (employee, -1));
      if (esc_parse_date (esc_row_get (row, ESC_PREVIOUS_DATE), &julian, NULL))
        write_date (r, sheet, name, i + 1, ESC_PREVIOUS_DATE, julian, NULL);
      write_string (r, sheet, name, i + 1, ESC_PREVIOUS_HOURS,
                    esc_row_get (row, ESC_PREVIOUS_HOURS), NULL);
    }
  widths[1] = MAX (widths[1], 10);
  set_widths (sheet, widths, ESC_PREVIOUS_N_COLUMNS);
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_autofilter (sheet, 0, 0, MAX (rows->len, 1), ESC_PREVIOUS_N_COLUMNS - 1);
}

/* Summary --------------------------------------------------------------------------------- */

static void
write_figure (Results       *r,
              lxw_worksheet *sheet,
              const char    *name,
              lxw_row_t      row,
              const Heading *label,
              const char    *key,
              double         value,
              lxw_format    *format,
              double        *widths)
{
  write_string (r, sheet, name, row, 0, heading (r, label), NULL);
  write_number (r, sheet, name, row, 1, value, format);
  write_string (r, sheet, name, row, 2, key, NULL);
  widths[0] = MAX (widths[0], (double) g_utf8_strlen (heading (r, label), -1));
}

static void
write_summary (Results *r)
{
  static const Heading status_label = { N_("Status"), "Situação" };
  static const Heading start_label = { N_("Start date"), "Data de início" };
  static const Heading days_label = { N_("Days"), "Dias" };
  static const Heading seconds_label = { N_("Run time (s)"), "Tempo (s)" };
  static const Heading hours_label = { N_("Hours worked"), "Horas trabalhadas" };
  static const Heading shifts_label = { N_("Shifts"), "Turnos" };
  static const Heading rests_label = { N_("Rest days"), "Folgas" };
  static const Heading comp_label = { N_("Compensation days"), "Folgas compensatórias" };
  static const Heading unmet_label = { N_("Unmet staff-minutes"), "Pessoa-minutos em falta" };
  static const Heading reason_label = { N_("Reason"), "Motivo" };
  static const Heading figure_label = { N_("Figure"), "Indicador" };
  static const Heading value_label = { N_("Value"), "Valor" };
  static const Heading key_label = { N_("Key (summary.json)"), "Chave (summary.json)" };
  const char *name = "Summary";
  lxw_worksheet *sheet = workbook_add_worksheet (r->workbook, name);
  const EscSchedule *schedule = r->schedule;
  const EscProblem *problem = r->problem;
  const char *headings[ESC_PHASE_N_COLUMNS];
  double widths[ESC_PHASE_N_COLUMNS] = { 0 };
  g_autoptr(GArray) totals = esc_schedule_output_totals (schedule);
  lxw_format *percent = get_format (r, 0, FALSE, FALSE, "0.00%", FALSE);
  lxw_format *decimal = get_format (r, 0, FALSE, FALSE, "0.00", FALSE);
  gint64 minutes = 0, shifts = 0, rest_days = 0, compensations = 0;
  lxw_row_t row;

  for (guint c = 0; c < ESC_PHASE_N_COLUMNS; c++)
    headings[c] = esc_template_get_heading (ESC_TABLE_PHASE, c, r->language);
  write_header (r, sheet, name, 0, headings, ESC_PHASE_N_COLUMNS, widths);

  for (guint i = 0; i < schedule->phases->len; i++)
    {
      const EscPhaseStats *phase = g_ptr_array_index (schedule->phases, i);

      row = i + 1;
      write_string (r, sheet, name, row, ESC_PHASE_OBJECTIVE, phase->objective, NULL);
      widths[0] = MAX (widths[0], (double) g_utf8_strlen (phase->objective, -1));
      write_number (r, sheet, name, row, ESC_PHASE_VALUE, phase->value, NULL);
      write_number (r, sheet, name, row, ESC_PHASE_BOUND, phase->bound, NULL);
      write_number (r, sheet, name, row, ESC_PHASE_GAP, phase->gap, percent);
      write_number (r, sheet, name, row, ESC_PHASE_SECONDS, phase->seconds, decimal);
      write_string (r, sheet, name, row, ESC_PHASE_PROVEN_OPTIMAL,
                    yes_no (r, phase->proven_optimal), NULL);
      widths[1] = MAX (widths[1], 12);
      widths[2] = MAX (widths[2], 12);
    }
  worksheet_autofilter (sheet, 0, 0, MAX (schedule->phases->len, 1), ESC_PHASE_N_COLUMNS - 1);

  for (guint e = 0; e < totals->len; e++)
    {
      const EscEmployeeTotals *t = &g_array_index (totals, EscEmployeeTotals, e);

      minutes += t->minutes;
      shifts += t->days;
      rest_days += t->rest_days;
      compensations += t->compensations;
    }

  row = schedule->phases->len + 2;
  {
    const char *figure_headings[] = { heading (r, &figure_label), heading (r, &value_label),
                                      heading (r, &key_label) };

    write_header (r, sheet, name, row, figure_headings, 3, widths);
  }
  row++;
  write_string (r, sheet, name, row, 0, heading (r, &status_label), NULL);
  write_string (r, sheet, name, row, 1, esc_schedule_status_to_string (schedule->status), NULL);
  write_string (r, sheet, name, row, 2, "status", NULL);
  row++;
  write_string (r, sheet, name, row, 0, heading (r, &start_label), NULL);
  write_date (r, sheet, name, row, 1, problem->start_julian, NULL);
  write_string (r, sheet, name, row, 2, "start_date", NULL);
  row++;
  write_figure (r, sheet, name, row++, &days_label, "days", problem->n_days, NULL, widths);
  write_figure (r, sheet, name, row++, &seconds_label, "seconds", schedule->seconds, decimal,
                widths);
  write_figure (r, sheet, name, row++, &hours_label, "totals.hours", minutes / 60.0, decimal,
                widths);
  write_figure (r, sheet, name, row++, &shifts_label, "totals.shifts", shifts, NULL, widths);
  write_figure (r, sheet, name, row++, &rests_label, "totals.rest_days", rest_days, NULL,
                widths);
  write_figure (r, sheet, name, row++, &comp_label, "totals.compensations", compensations, NULL,
                widths);
  write_figure (r, sheet, name, row++, &unmet_label, "totals.unmet_staff_minutes",
                esc_schedule_output_unmet_minutes (schedule), NULL, widths);
  for (guint i = 0; schedule->reasons != NULL && i < schedule->reasons->len; i++)
    {
      write_string (r, sheet, name, row, 0, heading (r, &reason_label), NULL);
      write_string (r, sheet, name, row, 1, g_ptr_array_index (schedule->reasons, i), NULL);
      write_string (r, sheet, name, row, 2, "reasons", NULL);
      row++;
    }

  widths[0] = MAX (widths[0], 20);
  widths[1] = MAX (widths[1], 12);
  widths[2] = MAX (widths[2], 24);
  set_widths (sheet, widths, ESC_PHASE_N_COLUMNS);
  worksheet_freeze_panes (sheet, 1, 0);
}

/* Employees ------------------------------------------------------------------------------- */

static void
write_employees (Results *r)
{
  static const Heading labels[] = {
    { N_("Employee"), "Colaborador" }, { N_("Name"), "Nome" }, { N_("Store"), "Loja" },
    { N_("Role"), "Função" }, { N_("Hours"), "Horas" },
    { N_("Contract hours"), "Horas contratadas" }, { N_("Days worked"), "Dias trabalhados" },
    { N_("Rest days"), "Folgas" }, { N_("Sundays worked"), "Domingos trabalhados" },
    { N_("Rests on preferred day"), "Folgas no dia preferido" },
    { N_("Holidays worked"), "Feriados trabalhados" },
    { N_("Compensation days"), "Folgas compensatórias" },
  };
  const char *name = "Employees";
  lxw_worksheet *sheet = workbook_add_worksheet (r->workbook, name);
  g_autoptr(GArray) totals = esc_schedule_output_totals (r->schedule);
  const char *headings[G_N_ELEMENTS (labels)];
  double widths[G_N_ELEMENTS (labels)] = { 0 };
  lxw_format *decimal = get_format (r, 0, FALSE, FALSE, "0.00", FALSE);

  for (guint c = 0; c < G_N_ELEMENTS (labels); c++)
    headings[c] = heading (r, &labels[c]);
  write_header (r, sheet, name, 0, headings, G_N_ELEMENTS (labels), widths);

  for (guint e = 0; e < totals->len; e++)
    {
      const EscEmployeeTotals *t = &g_array_index (totals, EscEmployeeTotals, e);
      const EscProblemEmployee *emp = esc_problem_get_employee (r->problem, e);
      const char *texts[] = {
        emp->id, emp->name, g_ptr_array_index (r->problem->store_ids, emp->store),
        g_ptr_array_index (r->problem->role_ids, emp->role),
      };
      const double numbers[] = {
        t->minutes / 60.0, t->contract_minutes / 60.0, t->days, t->rest_days, t->limited_days,
        t->preferred_rests, t->holidays_worked, t->compensations,
      };

      for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
        {
          write_string (r, sheet, name, e + 1, c, texts[c], NULL);
          if (texts[c] != NULL)
            widths[c] = MAX (widths[c], (double) g_utf8_strlen (texts[c], -1));
        }
      for (guint c = 0; c < G_N_ELEMENTS (numbers); c++)
        write_number (r, sheet, name, e + 1, G_N_ELEMENTS (texts) + c, numbers[c],
                      c < 2 ? decimal : NULL);
    }

  set_widths (sheet, widths, G_N_ELEMENTS (labels));
  worksheet_freeze_panes (sheet, 1, 1);
  worksheet_autofilter (sheet, 0, 0, MAX (totals->len, 1), G_N_ELEMENTS (labels) - 1);
}

/* Coverage -------------------------------------------------------------------------------- */

static void
write_coverage_row (Results       *r,
                    lxw_worksheet *sheet,
                    const char    *name,
                    lxw_row_t      row,
                    int            group,
                    int            day,
                    EscInstant     start,
                    EscInstant     end,
                    const char    *shift,
                    int            required,
                    guint          scheduled,
                    double        *widths)
{
  const EscProblemGroup *g = g_ptr_array_index (r->problem->groups, group);
  const char *store = g_ptr_array_index (r->problem->store_ids, g->store);
  const char *role = g_ptr_array_index (r->problem->role_ids, g->role);
  lxw_format *duration = esc_xlsx_writer_get_duration_format (r->w);
  int shortage = MAX (0, required - (int) scheduled);
  int surplus = MAX (0, (int) scheduled - required);

  write_string (r, sheet, name, row, 0, store, NULL);
  write_string (r, sheet, name, row, 1, role, NULL);
  widths[0] = MAX (widths[0], (double) g_utf8_strlen (store, -1));
  widths[1] = MAX (widths[1], (double) g_utf8_strlen (role, -1));
  write_date (r, sheet, name, row, 2, r->problem->start_julian + day, NULL);
  if (start >= 0)
    {
      EscInstant base = (EscInstant) day * ESC_MINUTES_PER_DAY;

      write_number (r, sheet, name, row, 3, (start - base) / (double) ESC_MINUTES_PER_DAY,
                    duration);
      write_number (r, sheet, name, row, 4, (end - base) / (double) ESC_MINUTES_PER_DAY,
                    duration);
    }
  if (shift != NULL)
    {
      write_string (r, sheet, name, row, 5, shift, NULL);
      widths[5] = MAX (widths[5], (double) g_utf8_strlen (shift, -1));
    }
  write_number (r, sheet, name, row, 6, required, NULL);
  write_number (r, sheet, name, row, 7, scheduled, NULL);
  write_number (r, sheet, name, row, 8, shortage,
                shortage > 0 ? get_format (r, COLOR_SHORTAGE, FALSE, FALSE, NULL, FALSE) : NULL);
  write_number (r, sheet, name, row, 9, surplus,
                surplus > 0 ? get_format (r, COLOR_SURPLUS, FALSE, FALSE, NULL, FALSE) : NULL);
}

static void
write_coverage (Results *r)
{
  static const Heading labels[] = {
    { N_("Store"), "Loja" }, { N_("Role"), "Função" }, { N_("Date"), "Data" },
    { N_("Start"), "Início" }, { N_("End"), "Fim" }, { N_("Shift"), "Turno" },
    { N_("Required"), "Necessários" }, { N_("Scheduled"), "Escalados" },
    { N_("Shortage"), "Falta" }, { N_("Surplus"), "Excesso" },
  };
  const char *name = "Coverage";
  lxw_worksheet *sheet = workbook_add_worksheet (r->workbook, name);
  const EscProblem *problem = r->problem;
  g_autofree guint *slot_coverage = esc_evaluate_slot_coverage (r->schedule);
  g_autofree guint *shift_coverage = esc_evaluate_shift_demand_coverage (r->schedule);
  const char *headings[G_N_ELEMENTS (labels)];
  double widths[G_N_ELEMENTS (labels)] = { 0 };
  lxw_row_t row = 1;

  for (guint c = 0; c < G_N_ELEMENTS (labels); c++)
    headings[c] = heading (r, &labels[c]);
  write_header (r, sheet, name, 0, headings, G_N_ELEMENTS (labels), widths);

  for (guint k = 0; k < problem->slots->len; k++)
    {
      const EscProblemSlot *slot = &g_array_index (problem->slots, EscProblemSlot, k);

      write_coverage_row (r, sheet, name, row++, slot->group, slot->day, slot->start, slot->end,
                          NULL, slot->required, slot_coverage[k], widths);
    }
  for (guint k = 0; k < problem->shift_demands->len; k++)
    {
      const EscProblemShiftDemand *sd = &g_array_index (problem->shift_demands,
                                                        EscProblemShiftDemand, k);

      write_coverage_row (r, sheet, name, row++, sd->group, sd->day, -1, -1,
                          esc_problem_get_shift (problem, sd->shift)->id, sd->required,
                          shift_coverage[k], widths);
    }

  widths[2] = MAX (widths[2], 10);
  set_widths (sheet, widths, G_N_ELEMENTS (labels));
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_autofilter (sheet, 0, 0, MAX (row - 1, 1), G_N_ELEMENTS (labels) - 1);
}

/* Roster ---------------------------------------------------------------------------------- */

static gboolean
parse_color (const char *text,
             guint32    *color)
{
  char *end = NULL;
  guint64 value;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  value = g_ascii_strtoull (text + 1, &end, 16);
  if (end == NULL || *end != '\0')
    return FALSE;
  *color = (guint32) value;
  return TRUE;
}

/* Codes and colours of the shifts the schedule uses (NULL code for the others). */
static ShiftLook *
look_up_shifts (Results *r)
{
  const EscProblem *problem = r->problem;
  ShiftLook *looks = g_new0 (ShiftLook, MAX (problem->shifts->len, 1));
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  EscTable *shift_table = r->project != NULL
                          ? esc_project_get_table (r->project, ESC_TABLE_SHIFT) : NULL;
  guint n_colored = 0;

  for (guint e = 0; e < problem->employees->len; e++)
    for (int d = 0; d < problem->n_days; d++)
      {
        int o = esc_schedule_get_choice (r->schedule, e, d);
        const EscProblemShift *shift;
        ShiftLook *look;
        g_autofree char *base = NULL;
        char *code;
        EscRow *row;

        if (o == ESC_NONE)
          continue;
        look = &looks[esc_problem_get_option (problem, o)->shift];
        if (look->code != NULL)
          continue;
        shift = esc_problem_get_shift (problem, esc_problem_get_option (problem, o)->shift);

        if (!shift->from_pattern && g_utf8_strlen (shift->id, -1) <= 5)
          base = g_strdup (shift->id);
        else if (!shift->from_pattern || shift->start == ESC_NONE)
          base = g_utf8_substring (shift->id, 0, 4);
        else if (shift->start % 60 == 0)
          base = g_strdup_printf ("%02dh", (shift->start / 60) % 24);
        else
          base = g_strdup_printf ("%02dh%02d", (shift->start / 60) % 24, shift->start % 60);

        code = g_strdup (base);
        for (char suffix = 'b'; g_hash_table_contains (codes, code) && suffix <= 'z'; suffix++)
          {
            g_free (code);
            code = g_strdup_printf ("%s%c", base, suffix);
          }
        look->code = code;
        g_hash_table_add (codes, code);

        if (shift_table != NULL && !shift->from_pattern &&
            (row = esc_table_find (shift_table, shift->id)) != NULL &&
            parse_color (esc_row_get (row, ESC_SHIFT_COLOR), &look->color))
          continue;
        look->color = palette[n_colored++ % G_N_ELEMENTS (palette)];
      }
  return looks;
}

static gboolean
on_leave (const EscProblemEmployee *emp,
          int                       day)
{
  EscInstant start = (EscInstant) day * ESC_MINUTES_PER_DAY;
  EscInstant end = start + ESC_MINUTES_PER_DAY;

  for (guint i = 0; emp->leave != NULL && i < emp->leave->len; i++)
    {
      const EscInterval *interval = &g_array_index (emp->leave, EscInterval, i);

      if (interval->start < end && interval->end > start)
        return TRUE;
    }
  return FALSE;
}

static void
write_roster (Results *r)
{
  static const Heading employee_label = { N_("Employee"), "Colaborador" };
  static const Heading name_label = { N_("Name"), "Nome" };
  static const Heading store_label = { N_("Store"), "Loja" };
  static const Heading role_label = { N_("Role"), "Função" };
  static const Heading hours_label = { N_("Hours"), "Horas" };
  static const Heading days_label = { N_("Days"), "Dias" };
  static const Heading legend_label = { N_("Legend"), "Legenda" };
  static const Heading compensation_label = { N_("Compensation day off"), "Folga compensatória" };
  static const Heading leave_label = { N_("Leave"), "Licença" };
  static const Heading holiday_label = { N_("Holiday off"), "Feriado (folga)" };
  const char *name = "Roster";
  lxw_worksheet *sheet = workbook_add_worksheet (r->workbook, name);
  const EscProblem *problem = r->problem;
  const char *holiday_code = r->language == ESC_TEMPLATE_LANGUAGE_PT_BR ? "F" : "H";
  const char *day_format = r->language == ESC_TEMPLATE_LANGUAGE_PT_BR ? "ddd dd/mm"
                                                                      : "ddd mmm d";
  ShiftLook *looks = look_up_shifts (r);
  g_autofree gboolean *holiday_day = g_new0 (gboolean, MAX (problem->n_days, 1));
  lxw_format *header = esc_xlsx_writer_get_header_format (r->w);
  lxw_format *decimal = get_format (r, 0, FALSE, FALSE, "0.00", FALSE);
  const guint first_day_col = 4;
  const guint n_columns = first_day_col + problem->n_days + 2;
  guint id_width = 8, name_width = 8, store_width = 6, role_width = 6, code_width = 1;
  lxw_row_t row;

  for (int d = 0; d < problem->n_days; d++)
    for (guint s = 0; s < problem->store_ids->len; s++)
      if (problem->store_holiday[s * problem->n_days + d])
        holiday_day[d] = TRUE;

  /* The header: dates, holidays marked. */
  write_string (r, sheet, name, 0, 0, heading (r, &employee_label), header);
  write_string (r, sheet, name, 0, 1, heading (r, &name_label), header);
  write_string (r, sheet, name, 0, 2, heading (r, &store_label), header);
  write_string (r, sheet, name, 0, 3, heading (r, &role_label), header);
  for (int d = 0; d < problem->n_days; d++)
    {
      EscJulian julian = problem->start_julian + d;
      EscWeekday weekday = esc_julian_weekday (julian);
      guint32 fill = holiday_day[d] ? COLOR_HOLIDAY
                     : (weekday == ESC_SAT || weekday == ESC_SUN) ? 0xE7E6E6 : 0xDDEBF7;
      lxw_format *format = get_day_header_format (r, fill, day_format);

      write_date (r, sheet, name, 0, first_day_col + d, julian, format);
    }
  write_string (r, sheet, name, 0, first_day_col + problem->n_days, heading (r, &hours_label),
                header);
  write_string (r, sheet, name, 0, first_day_col + problem->n_days + 1,
                heading (r, &days_label), header);

  for (guint e = 0; e < problem->employees->len; e++)
    {
      const EscProblemEmployee *emp = esc_problem_get_employee (problem, e);
      const char *store = g_ptr_array_index (problem->store_ids, emp->store);
      const char *role = g_ptr_array_index (problem->role_ids, emp->role);
      int minutes = 0, days = 0;

      row = e + 1;
      write_string (r, sheet, name, row, 0, emp->id, NULL);
      write_string (r, sheet, name, row, 1, emp->name, NULL);
      write_string (r, sheet, name, row, 2, store, NULL);
      write_string (r, sheet, name, row, 3, role, NULL);
      id_width = MAX (id_width, (guint) g_utf8_strlen (emp->id, -1));
      if (emp->name != NULL)
        name_width = MAX (name_width, (guint) g_utf8_strlen (emp->name, -1));
      store_width = MAX (store_width, (guint) g_utf8_strlen (store, -1));
      role_width = MAX (role_width, (guint) g_utf8_strlen (role, -1));

      for (int d = 0; d < problem->n_days; d++)
        {
          int o = esc_schedule_get_choice (r->schedule, e, d);
          gboolean holiday = problem->store_holiday[emp->store * problem->n_days + d];
          EscWeekday weekday = esc_julian_weekday (problem->start_julian + d);
          lxw_col_t col = first_day_col + d;

          if (o != ESC_NONE)
            {
              const EscProblemOption *option = esc_problem_get_option (problem, o);
              const ShiftLook *look = &looks[option->shift];

              write_string (r, sheet, name, row, col, look->code,
                            get_format (r, look->color, holiday, TRUE, NULL, TRUE));
              code_width = MAX (code_width, (guint) g_utf8_strlen (look->code, -1));
              minutes += option->net_minutes;
              days++;
            }
          else if (esc_schedule_get_compensation (r->schedule, e, d))
            write_string (r, sheet, name, row, col, "C",
                          get_format (r, COLOR_COMPENSATION, TRUE, TRUE, NULL, TRUE));
          else if (on_leave (emp, d))
            write_string (r, sheet, name, row, col, "L",
                          get_format (r, COLOR_LEAVE, FALSE, TRUE, NULL, TRUE));
          else if (holiday)
            write_string (r, sheet, name, row, col, holiday_code,
                          get_format (r, COLOR_HOLIDAY_DAY, FALSE, TRUE, NULL, TRUE));
          else
            esc_xlsx_writer_check (r->w,
                                   worksheet_write_blank (sheet, row, col,
                                                          get_format (r, (weekday == ESC_SAT ||
                                                                          weekday == ESC_SUN)
                                                                         ? COLOR_WEEKEND : 0,
                                                                      FALSE, TRUE, NULL, TRUE)),
                                   name, row, col);
        }
      write_number (r, sheet, name, row, first_day_col + problem->n_days, minutes / 60.0,
                    decimal);
      write_number (r, sheet, name, row, first_day_col + problem->n_days + 1, days, NULL);
    }

  /* The legend. */
  row = problem->employees->len + 2;
  write_string (r, sheet, name, row++, 0, heading (r, &legend_label), header);
  for (guint s = 0; s < problem->shifts->len; s++)
    {
      const EscProblemShift *shift = esc_problem_get_shift (problem, s);
      g_autofree char *hours = esc_format_hours (shift->net_minutes);

      if (looks[s].code == NULL)
        continue;
      write_string (r, sheet, name, row, 0, looks[s].code,
                    get_format (r, looks[s].color, FALSE, TRUE, NULL, TRUE));
      write_string (r, sheet, name, row, 1, shift->id, NULL);
      write_string (r, sheet, name, row, 2, hours, NULL);
      row++;
    }
  write_string (r, sheet, name, row, 0, "C",
                get_format (r, COLOR_COMPENSATION, TRUE, TRUE, NULL, TRUE));
  write_string (r, sheet, name, row++, 1, heading (r, &compensation_label), NULL);
  write_string (r, sheet, name, row, 0, "L", get_format (r, COLOR_LEAVE, FALSE, TRUE, NULL, TRUE));
  write_string (r, sheet, name, row++, 1, heading (r, &leave_label), NULL);
  write_string (r, sheet, name, row, 0, holiday_code,
                get_format (r, COLOR_HOLIDAY_DAY, FALSE, TRUE, NULL, TRUE));
  write_string (r, sheet, name, row++, 1, heading (r, &holiday_label), NULL);

  worksheet_set_column (sheet, 0, 0, esc_xlsx_column_width (id_width), NULL);
  worksheet_set_column (sheet, 1, 1, esc_xlsx_column_width (name_width), NULL);
  worksheet_set_column (sheet, 2, 2, esc_xlsx_column_width (store_width), NULL);
  worksheet_set_column (sheet, 3, 3, esc_xlsx_column_width (role_width), NULL);
  if (problem->n_days > 0)
    worksheet_set_column (sheet, first_day_col, first_day_col + problem->n_days - 1,
                          MAX (4.5, code_width + 1.5), NULL);
  worksheet_set_column (sheet, first_day_col + problem->n_days,
                        first_day_col + problem->n_days + 1, 8, NULL);
  worksheet_set_row (sheet, 0, 70, NULL);
  worksheet_freeze_panes (sheet, 1, first_day_col);
  worksheet_autofilter (sheet, 0, 0, MAX (problem->employees->len, 1), n_columns - 1);
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, 0, 0);
  worksheet_repeat_columns (sheet, 0, 0);

  for (guint s = 0; s < problem->shifts->len; s++)
    g_free (looks[s].code);
  g_free (looks);
}

/* Public API ------------------------------------------------------------------------------ */

EscSchedule *
esc_results_load_saved_schedule (EscProject *project,
                                 GPtrArray  *problems,
                                 GError    **error)
{
  g_autoptr(EscProblem) problem = NULL;
  EscSchedule *schedule;
  EscTable *phases = NULL;
  EscTable *results = NULL;
  const char *status = NULL;

  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  phases = esc_project_get_table (project, ESC_TABLE_PHASE);
  results = esc_project_get_table (project, ESC_TABLE_RESULT);
  if (esc_table_get_n_rows (esc_project_get_table (project, ESC_TABLE_ALLOCATION)) == 0 &&
      esc_table_get_n_rows (results) == 0)
    {
      g_set_error_literal (error, ESC_IO_ERROR, ESC_IO_ERROR_MISSING,
                           _("The project has no saved schedule; solve it and save the "
                             "schedule first (escala-cli solve --save)"));
      return NULL;
    }

  if ((problem = esc_problem_new_from_project (project, error)) == NULL)
    return NULL;
  schedule = esc_schedule_output_load (problem, project, problems);

  for (guint i = 0; i < esc_table_get_n_rows (phases); i++)
    {
      EscRow *row = esc_table_get_row (phases, i);
      EscPhaseStats *stats = esc_phase_stats_new (esc_row_get (row, ESC_PHASE_OBJECTIVE));
      const guint columns[] = { ESC_PHASE_VALUE, ESC_PHASE_BOUND, ESC_PHASE_GAP,
                                ESC_PHASE_SECONDS };
      double *targets[] = { &stats->value, &stats->bound, &stats->gap, &stats->seconds };
      gboolean proven = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
        if (!esc_parse_number (esc_row_get (row, columns[k]), targets[k], NULL))
          *targets[k] = NAN;
      if (esc_parse_bool (esc_row_get (row, ESC_PHASE_PROVEN_OPTIMAL), &proven, NULL))
        stats->proven_optimal = proven;
      g_ptr_array_add (schedule->phases, stats);
    }

  for (guint i = 0; i < esc_table_get_n_rows (results); i++)
    {
      EscRow *row = esc_table_get_row (results, i);
      const char *key = esc_row_get (row, ESC_RESULT_KEY);
      const char *value = esc_row_get (row, ESC_RESULT_VALUE);

      if (g_str_equal (key, "status"))
        status = value;
      else if (g_str_equal (key, "seconds"))
        esc_parse_number (value, &schedule->seconds, NULL);
      else if (g_str_equal (key, "reasons") && *value != '\0')
        {
          g_auto(GStrv) lines = g_strsplit (value, "\n", -1);

          for (guint k = 0; lines[k] != NULL; k++)
            if (*lines[k] != '\0')
              g_ptr_array_add (schedule->reasons, g_strdup (lines[k]));
        }
    }
  esc_schedule_status_from_string (status, &schedule->status);
  return schedule;
}

gboolean
esc_results_export_workbook (const EscSchedule   *schedule,
                             EscProject          *project,
                             const char          *path,
                             EscTemplateLanguage  language,
                             GError             **error)
{
  g_autoptr(EscXlsxWriter) w = NULL;
  g_autoptr(GHashTable) formats = NULL;
  Results r = { 0 };

  g_return_val_if_fail (schedule != NULL, FALSE);
  g_return_val_if_fail (project == NULL || ESC_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((w = esc_xlsx_writer_new (path, error)) == NULL)
    return FALSE;
  esc_xlsx_writer_set_language (w, language);
  formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  r.w = w;
  r.workbook = esc_xlsx_writer_get_workbook (w);
  r.language = language;
  r.schedule = schedule;
  r.problem = schedule->problem;
  r.project = project;
  r.formats = formats;

  write_allocations (&r);
  write_reduced (&r);
  write_summary (&r);
  write_employees (&r);
  write_coverage (&r);
  write_roster (&r);

  return esc_xlsx_writer_finish (g_steal_pointer (&w), error);
}

gboolean
esc_results_export_csv (const EscSchedule *schedule,
                        EscResultsCsv      what,
                        const char        *path,
                        GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  EscTableId table;

  g_return_val_if_fail (schedule != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (what == ESC_RESULTS_CSV_REDUCED)
    {
      rows = esc_schedule_output_reduced (schedule);
      table = ESC_TABLE_PREVIOUS_ALLOCATION;
    }
  else
    {
      rows = esc_schedule_output_allocations (schedule);
      table = ESC_TABLE_ALLOCATION;
    }
  return esc_csv_write_table (path, esc_schema_get_table (table), rows, error);
}
