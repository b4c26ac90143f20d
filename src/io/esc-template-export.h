/* esc-template-export.h: writing a project as the Excel template (libxlsxwriter).
 *
 * One sheet per table, named as in the schema (Location, Store, Role, Shift for the work
 * patterns, Employee, Demand, Holiday, PreviousAllocation, Parameters; then ShiftType,
 * Preference, ForbiddenSequence, Request, Assignment, Exclusion, MoveHistory and the saved
 * schedule's Allocations, Summary and Result when they have rows), and a Notes sheet that
 * explains every column (heading, machine key, whether it is required, the format, the
 * schema's description) and every parameter.
 *
 * Each sheet has ONE header row: the headings in the chosen language (English: the
 * schema's titles; Portuguese: the template's own headings such as "Duração Jornada
 * Semanal"), bold, frozen, with an auto-filter and a comment holding the machine key and
 * the description. The importer reads headings in either language and machine keys, so
 * users may also type keys. Data starts in row 2. Columns a project does not use and that
 * the original template does not have (the optional rostering fields) are left out; the
 * blank template has them all. Extras (columns an import did not know) follow the known
 * columns under their own heading.
 *
 * Cells are typed where the text is canonical, so that Excel users can sort and compute
 * and import(export(p)) == p: dates (YYYY-MM-DD) are real Excel dates with a date format;
 * numbers (weekly hours, quantities, ...) are numbers; yes/no are written "yes"/"no" (or
 * "Sim"/"Não"); times, windows, history hours ("07:36", "C"), weekday codes and everything
 * else are text as stored. Text that is not canonical ("7,5", "1/2/2026") is written as
 * text, as typed.
 *
 * Files are written atomically: to a temporary file beside the target, renamed over it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "core/esc-project.h"
#include "esc-template-import.h"

G_BEGIN_DECLS

/* Writes @project as the template. */
gboolean    esc_template_export         (EscProject           *project,
                                         const char           *path,
                                         EscTemplateLanguage   language,
                                         GError              **error);

/* Writes the blank template: every column of the input tables, a few example rows (those
 * of esc_template_new_example_project()) and the notes. */
gboolean    esc_template_export_blank   (const char           *path,
                                         EscTemplateLanguage   language,
                                         GError              **error);

/* A small valid project: the example rows of the blank template (one store, two roles,
 * three employees, a week of demand, a holiday, a week of history, parameters, two shift
 * types with a forbidden sequence and a preference). */
EscProject *esc_template_new_example_project (void);

/* Helpers shared by the exports ------------------------------------------------------ */

typedef struct _EscXlsxWriter EscXlsxWriter;

/* Starts a workbook that esc_xlsx_writer_finish() will move to @path. */
EscXlsxWriter *esc_xlsx_writer_new      (const char     *path,
                                         GError        **error);
lxw_workbook  *esc_xlsx_writer_get_workbook (EscXlsxWriter *self);
/* Formats: bold header, date (by @language: dd/mm/yyyy or yyyy-mm-dd), date-time,
 * time (hh:mm), duration ([h]:mm). */
lxw_format    *esc_xlsx_writer_get_header_format   (EscXlsxWriter *self);
lxw_format    *esc_xlsx_writer_get_date_format     (EscXlsxWriter *self);
lxw_format    *esc_xlsx_writer_get_datetime_format (EscXlsxWriter *self);
lxw_format    *esc_xlsx_writer_get_time_format     (EscXlsxWriter *self);
lxw_format    *esc_xlsx_writer_get_duration_format (EscXlsxWriter *self);
void           esc_xlsx_writer_set_language (EscXlsxWriter      *self,
                                             EscTemplateLanguage language);
/* Records the first failed write (@status not LXW_NO_ERROR) for finish() to report,
 * naming @sheet and the cell. */
void           esc_xlsx_writer_check    (EscXlsxWriter *self,
                                         lxw_error      status,
                                         const char    *sheet,
                                         lxw_row_t      row,
                                         lxw_col_t      col);
/* Writes @text as a string cell (nothing for ""), checked. */
void           esc_xlsx_writer_string   (EscXlsxWriter *self,
                                         lxw_worksheet *sheet,
                                         const char    *sheet_name,
                                         lxw_row_t      row,
                                         lxw_col_t      col,
                                         const char    *text,
                                         lxw_format    *format);
/* Closes the workbook and renames it over the target; on failure removes the temporary
 * file and reports ESC_IO_ERROR_WRITE naming the path. Frees @self in any case. */
gboolean       esc_xlsx_writer_finish   (EscXlsxWriter *self,
                                         GError       **error);
/* Gives up: closes and removes the temporary file. */
void           esc_xlsx_writer_free     (EscXlsxWriter *self);

/* The Excel serial (1900 system) of a date; 0 for dates before 1900-03-01. */
double         esc_xlsx_julian_to_serial (EscJulian julian);
/* Width for a column whose longest text has @n_chars characters. */
double         esc_xlsx_column_width    (guint n_chars);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscXlsxWriter, esc_xlsx_writer_free)

G_END_DECLS
