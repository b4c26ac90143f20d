/* esc-schedule-output.h: what a schedule gives the user (scheduling.md section 5).
 *
 * Allocations (work, compensation days, extra windows where staff were missing), the
 * reduced table that seeds the next period's history, per-employee totals, the summary,
 * and the schedule's place in the project (tables allocation, phase and result), from
 * which a saved schedule can be read back and checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "core/esc-command.h"
#include "esc-schedule.h"

G_BEGIN_DECLS

typedef struct
{
  const char *employee;      /* borrowed from the problem */
  int minutes;               /* net minutes worked */
  int contract_minutes;      /* weekly limit times the number of (partial) weeks */
  int days;                  /* days worked */
  int rest_days;             /* days not worked */
  int limited_days;          /* limited weekdays (Sundays) worked */
  int preferred_rests;       /* days off on the preferred weekday */
  int holidays_worked;
  int compensations;         /* compensation days granted */
} EscEmployeeTotals;

/* Rows of the allocation table (EscRow of ESC_TABLE_ALLOCATION): per employee and day
 * the work and compensation rows, then the extra rows per store, role, day and window. */
GPtrArray *esc_schedule_output_allocations (const EscSchedule *schedule);
/* Rows of the PreviousAllocation table: hours "HH:MM" per worked day, "C" per
 * compensation day, ready to be the history of the next period. */
GPtrArray *esc_schedule_output_reduced     (const EscSchedule *schedule);
/* One EscEmployeeTotals per employee of the problem, in its order. */
GArray    *esc_schedule_output_totals      (const EscSchedule *schedule);
/* Staff-minutes below the demanded minimum, unweighted, over slots and shift demands. */
double     esc_schedule_output_unmet_minutes (const EscSchedule *schedule);
/* The summary (status, phases, totals, employees, reasons) as JSON. */
JsonNode  *esc_schedule_output_summary     (const EscSchedule *schedule);

/* A command that replaces the project's allocation, phase and result tables by this
 * schedule's, undoable like any edit. */
EscCommand *esc_schedule_output_store      (const EscSchedule *schedule, EscProject *project);

/* Reads the project's saved allocation table back into a schedule of @problem.
 * Rows that cannot be placed (unknown employee, a date outside the horizon, a shift the
 * employee has no option for that day, two shifts on one day) are described in
 * @problems (char*, translated) and left out. */
EscSchedule *esc_schedule_output_load      (EscProblem *problem, EscProject *project,
                                            GPtrArray *problems);

G_END_DECLS
