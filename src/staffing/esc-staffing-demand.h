/* esc-staffing-demand.h: "Generate demand": required staff into Demand rows.
 *
 * The scheduled staff of every interval (EscStaffingInterval.scheduled, that is with
 * shrinkage; pass a shrinkage of 0 for staff on the floor) becomes Demand rows of one
 * store and role: per day, adjacent intervals with the same quantity merge into one row
 * (store, role, date YYYY-MM-DD, start HH:MM, end HH:MM, quantity); a run that reaches
 * midnight ends at "24:00". Intervals that need nobody give no row, so a day that needs
 * nobody has no demand row at all and the optimizer schedules no work on it
 * (scheduling.md, hard rule 2).
 *
 * The command replaces what an earlier generation (or a hand-made plan) said for those
 * days: it first removes the store and role's Demand rows whose day is a date within the
 * generated days (first to last day the intervals touch, including days that need
 * nobody), then inserts the new rows where the first removed row was (at the end when
 * none was removed). Rows of other stores or roles, rows for dates outside those days,
 * and weekday rows ("mon", every Monday) stay as they are. Everything is one undoable
 * group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/esc-command.h"
#include "core/esc-project.h"
#include "esc-staffing.h"

G_BEGIN_DECLS

/* The merged Demand rows (EscRow) for @intervals (EscStaffingInterval, in time order,
 * each @interval minutes long). */
GPtrArray  *esc_staffing_demand_rows       (const char *store,
                                            const char *role,
                                            GArray     *intervals,
                                            int         interval);

/* The command that replaces the store and role's dated demand over the days of
 * @intervals with the merged rows (not yet applied: run it with esc_project_execute()).
 * ESC_STAFFING_ERROR_MISSING when the project has no such store or role,
 * ESC_STAFFING_ERROR_INVALID when the intervals are not on the @interval grid or not in
 * time order. */
EscCommand *esc_staffing_generate_demand   (EscProject *project,
                                            const char *store,
                                            const char *role,
                                            GArray     *intervals,
                                            int         interval,
                                            GError    **error);

/* The dates (EscJulian) of the project's holidays that apply to @store (through its
 * location's country, state and id; esc_calendar_holiday_applies()), or of the national
 * ones when @store is NULL or unknown. Rows whose date does not parse are left out. */
GArray     *esc_staffing_project_holidays  (EscProject *project,
                                            const char *store);

G_END_DECLS
