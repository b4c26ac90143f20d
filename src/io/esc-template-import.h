/* esc-template-import.h: importing the Excel template (and CSV tables) into a new project.
 *
 * The workbooks users have (../shared/spec/excel-template.md) hold one sheet per table:
 * Location, Store, Role, Shift (work patterns: per weekday windows), Employee, Demand,
 * Holiday, PreviousAllocation and an optional Parameters sheet (key, value rows), plus,
 * in workbooks Escala wrote, the sheets of its other tables under their schema sheet names
 * (ShiftType, Preference, ForbiddenSequence, Request, Assignment, Exclusion, MoveHistory,
 * Allocations, Summary, Result). A sheet is found by its name (exactly, then ignoring case,
 * accents and spaces, then by a few known aliases such as "Jornadas").
 *
 * Inside a sheet, the header row is found by its names, not by its position: the first row
 * that holds headings of the table's columns, followed by any further heading rows (the
 * original template has a `table=<name>` marker row, a row of machine names, a row of key
 * markers such as `pk` and `fk=store`, then Portuguese headings; data starts after them).
 * Headings are matched ignoring case, accents, punctuation and surrounding spaces, in
 * English (the schema's titles), Portuguese, or as machine names (the schema's keys and the
 * original template's own, such as `weekly_dutarion`, `cant_work`, `shift_start_mon`), in any
 * column order. When two heading rows name one column differently the later row wins (the
 * original's Holiday sheet has `country` above `Nacional?`: it is the national flag).
 * Cells in columns without a heading are ignored (stray formulas such as `=D16/5`); columns
 * with an unknown heading are kept with each row as its extras (esc_row_set_extra) and
 * reported once as a warning, except formula columns (`Column1` = `=WEEKDAY(...)`), whose
 * computed values are left out. A row is data when at least one recognised cell holds a
 * typed (not computed) value; blank rows and rows of stray formulas are skipped.
 *
 * Every value becomes the canonical text the validator accepts: yes/no for booleans
 * (Sim/Não, Yes/No, true/false, 1/0); weekday codes mon..sun (Portuguese seg..dom too);
 * Excel dates (1900 and 1904 systems) and text dates DD/MM/YYYY as YYYY-MM-DD; Excel time
 * values as HH:MM (hours and history durations too: 0.31666 is 07:36); windows as
 * "HH:MM - HH:MM" whatever the dash and spacing; numbers without a trailing ".0"; lists
 * joined by ", ". A holiday whose national cell holds a country code (`BR`) is national,
 * of that country; `Total`/`Parcial` say whether it is a full day. Values that do not
 * convert are kept as written, so that the validator names them.
 *
 * Then the whole new project is validated with esc_validate_project() and every diagnostic
 * is mapped back to its sheet and cell ("Employee!D7: expected hours as a number ...").
 * Import is strict by default: any error fails the import and every problem is listed.
 * With skip_bad_rows the rows with errors are left out (and listed), repeatedly, until what
 * remains validates (leaving out an employee may leave its history rows dangling); errors
 * that are not in a row (a missing sheet, column or header row) still fail the import.
 *
 * Without a Parameters sheet (or without a start_date or max_horizon row), start_date
 * defaults to the day after the last PreviousAllocation date, else to the next
 * first_day_of_week after today, and max_horizon to 28; a note says so.
 *
 * The importer never touches an open project: it returns a new one. Applying it to an open
 * project is one undoable command, esc_template_import_command().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/esc-command.h"
#include "core/esc-diagnostic.h"
#include "core/esc-project.h"

G_BEGIN_DECLS

/* The language of the headings the exports write (the importer reads both). */
typedef enum
{
  ESC_TEMPLATE_LANGUAGE_EN,
  ESC_TEMPLATE_LANGUAGE_PT_BR,
} EscTemplateLanguage;

/* "en", "pt_BR" (also "pt", "pt-BR", "pt_BR.UTF-8"); FALSE for anything else. */
gboolean     esc_template_language_from_string (const char          *text,
                                                EscTemplateLanguage *language);

/* The heading the template writes for a column of a table, in @language. */
const char  *esc_template_get_heading          (EscTableId           table,
                                                guint                column,
                                                EscTemplateLanguage  language);
/* The column of @table that @heading names (see above for the matching), or -1. */
int          esc_template_match_heading        (EscTableId           table,
                                                const char          *heading);

/* The canonical text of a number as the importer writes it: "44", "7.5" (integers
 * without ".0", others with up to 15 significant digits, as Excel keeps them). */
char        *esc_template_format_number        (double               value);

typedef struct
{
  gboolean  skip_bad_rows;  /* leave rows with errors out instead of failing */
  EscJulian today;          /* for the default start date; 0: the real date */
} EscImportOptions;

typedef struct
{
  EscSeverity severity;
  EscTableId  table;      /* ESC_N_TABLES when it concerns the whole workbook */
  char       *sheet;      /* the sheet (or CSV file) name, NULL for the whole workbook */
  guint       row;        /* 1-based row of the sheet, 0 when none */
  guint       column;     /* 1-based column of the sheet, 0 when none */
  char       *cell;       /* "F40", "7:7" for a whole row, NULL when none */
  char       *message;    /* translated */
  gboolean    skipped;    /* its row was left out (skip_bad_rows) */
} EscImportProblem;

void  esc_import_problem_free      (EscImportProblem *problem);
/* "Demand!F40: expected a whole number, found “X”", "Employee: ..." or "...";
 * warnings have "warning: " before the message, as escala-cli validate prints them. */
char *esc_import_problem_to_string (const EscImportProblem *problem);

typedef struct
{
  EscProject *project;          /* the new project; NULL when the import failed */
  GPtrArray  *problems;         /* EscImportProblem*, sorted by table then row and column */
  GPtrArray  *notes;            /* char*, translated: defaults applied, sheets absent */
  guint       n_errors;         /* problems of severity error (skipped rows' included) */
  guint       n_warnings;
  guint       n_skipped;        /* rows left out (skip_bad_rows) */
  /* When the import failed: the rows with errors, which skip_bad_rows would leave out
   * (at least: leaving a row out can put others in error), and whether some error is
   * not in a row, so that skipping rows cannot help. */
  guint       n_bad_rows;
  gboolean    fatal;
  gboolean    tables_read[ESC_N_TABLES];  /* the sheet of this table was in the workbook */
  guint       counts[ESC_N_TABLES];       /* rows imported per table */
  GError     *error;                      /* when the import failed: why, in one sentence */
} EscImportResult;

void  esc_import_result_free (EscImportResult *result);

/* Imports the workbook at @path (GLib file name encoding). Returns NULL and sets @error
 * only when the file cannot be read as a workbook at all (ESC_IO_ERROR_READ, _FORMAT,
 * _TOO_LARGE). Otherwise returns a result; when the import failed (errors in strict mode,
 * a missing sheet, column or header row), the result has no project, lists every problem,
 * and @error is set as well (ESC_IO_ERROR_MISSING or ESC_IO_ERROR_INVALID) with a summary
 * naming the first problem. @options may be NULL (strict, today). */
EscImportResult *esc_template_import       (const char              *path,
                                            const EscImportOptions  *options,
                                            GError                 **error);
/* The same from memory; @display_name names the workbook in messages. */
EscImportResult *esc_template_import_bytes (GBytes                  *bytes,
                                            const char              *display_name,
                                            const EscImportOptions  *options,
                                            GError                 **error);

/* Imports one table from a CSV file (RFC 4180, UTF-8, header row of headings as above)
 * into a copy of @base (NULL: an empty project), replacing that table's rows. Problems
 * name the file and the cell ("employees.csv!D7: ..."); diagnostics of other tables count
 * only when the import caused them (an employee left out whose history remains). Returns
 * as esc_template_import(). */
EscImportResult *esc_template_import_csv   (const char              *path,
                                            EscTableId               table,
                                            EscProject              *base,
                                            const EscImportOptions  *options,
                                            GError                 **error);

/* esc_template_import() on a worker thread (GTask); @options is copied. */
void             esc_template_import_async  (const char              *path,
                                             const EscImportOptions  *options,
                                             GCancellable            *cancellable,
                                             GAsyncReadyCallback      callback,
                                             gpointer                 user_data);
/* NULL with @error only when the workbook cannot be read at all; otherwise the result,
 * whose project is NULL and whose error says why when the import failed. */
EscImportResult *esc_template_import_finish (GAsyncResult            *result,
                                             GError                 **error);

/* One undoable command that applies an imported project to @target: the rows of every
 * table the import read from the workbook replace @target's (every table when @imported
 * was not made by an import). When the start date or horizon were defaulted (no
 * Parameters sheet), only those parameters change and @target's others are kept. Tables
 * the workbook did not hold are left alone. @imported is not changed (rows are copied). */
EscCommand      *esc_template_import_command (EscProject *target,
                                              EscProject *imported);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscImportResult, esc_import_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscImportProblem, esc_import_problem_free)

G_END_DECLS
