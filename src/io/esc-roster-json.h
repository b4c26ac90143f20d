/* esc-roster-json.h: the classic minimum-hours roster format (JSON), read as a project.
 *
 * The format (see ../shared/data/roster_small.json):
 *
 *   {
 *     "num_days" : 7,
 *     "resources" : [ "ana@example.org", ... ],
 *     "shifts" : [ "Early", "Late", "Night", "Short" ],
 *     "shifts_hours" : [ 8, 8, 8, 5 ],
 *     "min_working_hours" : 36,
 *     "max_resting" : 2,
 *     "non_sequential_shifts" : [ { "origin" : "Night", "destination" : "Early" }, ... ],
 *     "banned_shifts" : [ { "resource" : "ana@example.org", "shift" : "Night", "day" : 2 } ],
 *     "required_resources" : { "Early" : [ 3, 3, 2, 3, 4, 2, 2 ], ... },
 *     "resources_preferences" : [ { "resource" : "bob@example.org", "shift" : "Late" } ]
 *   }
 *
 * num_days, resources, shifts, shifts_hours and required_resources are required; the
 * others may be left out. Days are 0-based indices mapped to dates from @start_date.
 * A preference may also carry "weight" (default 1) and "day" (default: every day).
 *
 * The project: one location and store "roster", one role "staff", the shifts with
 * hours only (no clock times), one pattern "any" allowing every shift on every weekday,
 * one employee per resource (weekly_hours 168, max_consecutive_days = num_days,
 * min_hours = min_working_hours, max_rest_days = max_resting, pattern "any"), one Demand
 * row per day and shift of required_resources (quantity 0 kept: work is allowed, nobody
 * required), the forbidden sequences, bans (Preference "ban" with date and shift) and
 * preferences (Preference "prefer", weight 1, every day), and the parameters start_date,
 * max_horizon = num_days, objective_function "demand_fulfillment, min_hours, preferences"
 * and min_rest_between_shifts 0.
 *
 * In the classic format the required resources are a hard constraint, while in Escala
 * demand is an objective (a shortfall is reported, never a failure). Putting
 * demand_fulfillment first makes coverage hold whenever it can (the phase reaches 0 and
 * is fixed) before min_hours and preferences are optimised, and a roster whose coverage
 * cannot be met still gets a schedule with the shortage shown as extra rows.
 *
 * A resource named twice stays two employees: the second becomes "NAME#2" (a third
 * "NAME#3") with a warning; a reference to the name (bans, preferences) means the first.
 * A shift missing from required_resources gets no Demand rows (a warning says so).
 *
 * Errors (ESC_IO_ERROR, translated) name the file and the key, with the index inside
 * lists: "roster.json: banned_shifts[1].shift: unknown shift “Nigth”; expected one of
 * Early, Late, Night, Short". Not JSON or not an object: ESC_IO_ERROR_FORMAT, as is a
 * value of the wrong type; a required key missing: ESC_IO_ERROR_MISSING; negative
 * numbers, unknown names, lists of the wrong length: ESC_IO_ERROR_INVALID; more than 366
 * days: ESC_IO_ERROR_TOO_LARGE. A failed load returns NULL, never a partial project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/esc-project.h"

G_BEGIN_DECLS

#define ESC_ROSTER_JSON_DEFAULT_START_DATE "2024-01-01"

/* @start_date: YYYY-MM-DD or DD/MM/YYYY, NULL for ESC_ROSTER_JSON_DEFAULT_START_DATE (a
 * Monday). @warnings (may be NULL) receives translated messages (char*, owned by the
 * array: give it g_free as free function). The project has no path and is not modified. */
EscProject *esc_roster_json_load      (const char  *path,
                                       const char  *start_date,
                                       GPtrArray   *warnings,
                                       GError     **error);
/* From memory: @len may be -1 for a NUL-terminated string; @display_name names the data
 * in messages (NULL: "roster"). */
EscProject *esc_roster_json_load_data (const char  *data,
                                       gssize       len,
                                       const char  *display_name,
                                       const char  *start_date,
                                       GPtrArray   *warnings,
                                       GError     **error);

G_END_DECLS
