/* esc-results-export.h: a schedule as a workbook people can use at once, and as CSV.
 *
 * The results workbook (libxlsxwriter) has the sheets
 *   Allocations  the allocation rows (scheduling.md section 5): task, start and finish as
 *                real date-times, resource, store, type, role, shift, date, net hours (a
 *                duration, [h]:mm) and the missing staff of "extra" rows;
 *   Reduced      the next period's history (employee, date, hours HH:MM or C), with the
 *                PreviousAllocation headings so that it can be pasted into a template;
 *   Summary      per phase: objective, value, bound, gap, seconds, proven optimal; then
 *                the status, the horizon, the run time, the totals and the reasons, the
 *                same figures as esc_schedule_output_summary() (summary.json);
 *   Employees    per employee the totals (hours, contract hours, days, rest days,
 *                Sundays, preferred rests, holidays worked, compensations);
 *   Coverage     per store, role and slot (and per shift demand): required, scheduled
 *                (esc_evaluate_slot_coverage), shortage and surplus, shortages in red;
 *   Roster       employees x days, like a paper roster: each worked day shows the shift's
 *                short code on the shift's colour, "C" a compensation day, "L" leave, "H"
 *                ("F" in Portuguese) a holiday off; holiday columns are marked in the
 *                header; totals at the right, a legend below.
 * Headers are bold, panes frozen, auto-filters set, widths fit the content, dates are real
 * dates; headings in English or Portuguese.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/esc-project.h"
#include "esc-template-import.h"
#include "solver/esc-schedule.h"

G_BEGIN_DECLS

typedef enum
{
  ESC_RESULTS_CSV_ALLOCATIONS,  /* the allocation rows, every column */
  ESC_RESULTS_CSV_REDUCED,      /* the reduced table: employee, date, hours */
} EscResultsCsv;

/* The schedule saved in @project (its allocation, phase and result tables, as
 * esc_schedule_output_store() leaves them), read back onto the problem compiled from the
 * project as it is now (esc_problem_new_from_project + esc_schedule_output_load), with
 * the saved phases, status, run time and reasons restored. @problems (may be NULL)
 * receives, as translated char*, the saved rows that no longer fit and were left out.
 * NULL with @error when the project has no saved schedule (ESC_IO_ERROR_MISSING) or
 * does not compile (the solver's error, e.g. validation errors). */
EscSchedule *esc_results_load_saved_schedule (EscProject          *project,
                                              GPtrArray           *problems,
                                              GError             **error);

/* Writes the results workbook of @schedule. @project (may be NULL) supplies the shift
 * colours and employee names shown in the roster; without it the codes get a palette. */
gboolean     esc_results_export_workbook     (const EscSchedule   *schedule,
                                              EscProject          *project,
                                              const char          *path,
                                              EscTemplateLanguage  language,
                                              GError             **error);

/* Writes the allocations or the reduced table as CSV (UTF-8, RFC 4180, CRLF, a header of
 * column keys). Atomic. */
gboolean     esc_results_export_csv          (const EscSchedule   *schedule,
                                              EscResultsCsv        what,
                                              const char          *path,
                                              GError             **error);

G_END_DECLS
