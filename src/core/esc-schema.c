/* esc-schema.c: the tables of a project and their columns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-core"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "esc-parse.h"
#include "esc-schema.h"

#define COL(k, t, d, ty) .key = k, .title = t, .description = d, .type = ty
#define NONE ESC_N_TABLES

static const char * const preference_kinds[] = {
  ESC_PREFERENCE_BAN, ESC_PREFERENCE_PREFER, ESC_PREFERENCE_DAY_OFF,
  ESC_PREFERENCE_SHIFT_ON, ESC_PREFERENCE_SHIFT_OFF, NULL
};
static const char * const request_stages[] = {
  "new", "in_implementation", "delayed", "on_hold", "done", NULL
};
static const char * const assignment_positions[] = {
  "worker", "qa_reviewer", "temporary", "backup", NULL
};
static const char * const exclusion_kinds[] = { "request", "employee", NULL };

static const EscColumn location_columns[] = {
  { COL ("id", N_("Location"), N_("Unique name of the location"), ESC_COLUMN_ID), .required = TRUE },
  { COL ("city", N_("City"), N_("City of the location"), ESC_COLUMN_TEXT) },
  { COL ("state", N_("State"), N_("State or region code, e.g. SP; state holidays apply by it"), ESC_COLUMN_TEXT) },
  { COL ("country", N_("Country"), N_("Country code, e.g. BR"), ESC_COLUMN_TEXT) },
};

static const EscColumn store_columns[] = {
  { COL ("id", N_("Store"), N_("Unique name of the store, site or team"), ESC_COLUMN_ID), .required = TRUE },
  { COL ("location", N_("Location"), N_("The location the store is in"), ESC_COLUMN_REF), .ref_table = ESC_TABLE_LOCATION, .required = TRUE },
  { COL ("name", N_("Name"), N_("Display name (optional)"), ESC_COLUMN_TEXT) },
};

static const EscColumn role_columns[] = {
  { COL ("id", N_("Role"), N_("Unique name of the role, e.g. cashier"), ESC_COLUMN_ID), .required = TRUE },
  { COL ("name", N_("Name"), N_("Display name (optional)"), ESC_COLUMN_TEXT) },
};

static const EscColumn shift_columns[] = {
  { COL ("id", N_("Shift"), N_("Unique name of the shift"), ESC_COLUMN_ID), .required = TRUE },
  { COL ("start", N_("Start"), N_("Start time HH:MM (blank when the shift has only a duration)"), ESC_COLUMN_TIME) },
  { COL ("end", N_("End"), N_("End time HH:MM; an end before the start crosses midnight"), ESC_COLUMN_TIME) },
  { COL ("break_minutes", N_("Break (min)"), N_("Unpaid break in minutes; blank uses the break rule"), ESC_COLUMN_INT), .min = 0, .max = 720 },
  { COL ("hours", N_("Hours"), N_("Net hours, for shifts without clock times"), ESC_COLUMN_HOURS), .min = 0, .max = 24 },
  { COL ("color", N_("Color"), N_("Color on the chart, #rrggbb"), ESC_COLUMN_COLOR) },
};

static const EscColumn pattern_columns[] = {
  { COL ("id", N_("Pattern"), N_("Unique name of the work pattern (jornada)"), ESC_COLUMN_ID), .required = TRUE },
  { COL ("mon", N_("Monday"), N_("Window HH:MM - HH:MM or shift ids; blank: no work"), ESC_COLUMN_PATTERN_DAY), .ref_table = ESC_TABLE_SHIFT },
  { COL ("tue", N_("Tuesday"), N_("Window HH:MM - HH:MM or shift ids; blank: no work"), ESC_COLUMN_PATTERN_DAY), .ref_table = ESC_TABLE_SHIFT },
  { COL ("wed", N_("Wednesday"), N_("Window HH:MM - HH:MM or shift ids; blank: no work"), ESC_COLUMN_PATTERN_DAY), .ref_table = ESC_TABLE_SHIFT },
  { COL ("thu", N_("Thursday"), N_("Window HH:MM - HH:MM or shift ids; blank: no work"), ESC_COLUMN_PATTERN_DAY), .ref_table = ESC_TABLE_SHIFT },
  { COL ("fri", N_("Friday"), N_("Window HH:MM - HH:MM or shift ids; blank: no work"), ESC_COLUMN_PATTERN_DAY), .ref_table = ESC_TABLE_SHIFT },
  { COL ("sat", N_("Saturday"), N_("Window HH:MM - HH:MM or shift ids; blank: no work"), ESC_COLUMN_PATTERN_DAY), .ref_table = ESC_TABLE_SHIFT },
  { COL ("sun", N_("Sunday"), N_("Window HH:MM - HH:MM or shift ids; blank: no work"), ESC_COLUMN_PATTERN_DAY), .ref_table = ESC_TABLE_SHIFT },
};

static const EscColumn employee_columns[] = {
  { COL ("id", N_("Employee"), N_("Unique employee code"), ESC_COLUMN_ID), .required = TRUE },
  { COL ("name", N_("Name"), N_("Full name (optional)"), ESC_COLUMN_TEXT) },
  { COL ("role", N_("Role"), N_("The employee's role"), ESC_COLUMN_REF), .ref_table = ESC_TABLE_ROLE, .required = TRUE },
  { COL ("store", N_("Store"), N_("The employee's store"), ESC_COLUMN_REF), .ref_table = ESC_TABLE_STORE, .required = TRUE },
  { COL ("weekly_hours", N_("Weekly hours"), N_("Net hours per planning week at most"), ESC_COLUMN_HOURS), .required = TRUE, .min = 0, .max = 168, .warn_max = 60 },
  { COL ("max_consecutive_days", N_("Max consecutive days"), N_("Most working days in a row; blank: 6"), ESC_COLUMN_INT), .min = 1, .max = 366, .warn_max = 13 },
  { COL ("max_consecutive_sundays", N_("Max consecutive Sundays"), N_("Most worked Sundays (or the limited weekday) in a row"), ESC_COLUMN_INT), .min = 0, .max = 53 },
  { COL ("limited_weekday", N_("Limited weekday"), N_("The weekday the consecutive limit counts; blank: Sunday"), ESC_COLUMN_WEEKDAY) },
  { COL ("preferred_rest", N_("Preferred rest day"), N_("Weekday the employee prefers off"), ESC_COLUMN_WEEKDAY) },
  { COL ("holiday_compensation_deadline", N_("Compensation deadline (days)"), N_("Days within which a worked holiday is compensated"), ESC_COLUMN_INT), .min = 0, .max = 366 },
  { COL ("leave", N_("Leave"), N_("Dates or ranges DD/MM/YYYY, or DD/MM/YYYY HH:MM - DD/MM/YYYY HH:MM"), ESC_COLUMN_LEAVE) },
  { COL ("patterns", N_("Patterns"), N_("Allowed work patterns, comma separated"), ESC_COLUMN_REF_LIST), .ref_table = ESC_TABLE_PATTERN, .required = TRUE },
  { COL ("min_hours", N_("Min hours"), N_("Minimum net hours over the horizon"), ESC_COLUMN_HOURS), .min = 0, .max = 10000 },
  { COL ("max_hours", N_("Max hours"), N_("Maximum net hours over the horizon"), ESC_COLUMN_HOURS), .min = 0, .max = 10000 },
  { COL ("max_rest_days", N_("Max rest days"), N_("Most days off over the horizon"), ESC_COLUMN_INT), .min = 0, .max = 366 },
  { COL ("min_consecutive_days", N_("Min consecutive days"), N_("Fewest working days in a row"), ESC_COLUMN_INT), .min = 1, .max = 366 },
  { COL ("min_consecutive_days_off", N_("Min consecutive days off"), N_("Fewest days off in a row"), ESC_COLUMN_INT), .min = 1, .max = 366 },
  { COL ("max_weekends", N_("Max weekends"), N_("Most worked weekends over the horizon"), ESC_COLUMN_INT), .min = 0, .max = 53 },
  { COL ("max_shifts", N_("Max shifts"), N_("Most shifts of each kind, e.g. Night:3, Early:5"), ESC_COLUMN_SHIFT_COUNTS), .ref_table = ESC_TABLE_SHIFT },
  { COL ("skills", N_("Skills"), N_("Categories the employee can work in, comma separated"), ESC_COLUMN_TEXT) },
  { COL ("full_time", N_("Full time"), N_("Yes for full time, no for part time"), ESC_COLUMN_BOOL) },
  { COL ("trainee", N_("Trainee"), N_("Yes if the employee is a trainee"), ESC_COLUMN_BOOL) },
  { COL ("start_date", N_("Start date"), N_("Date the employee started"), ESC_COLUMN_DATE) },
  { COL ("spare_capacity", N_("Spare hours/week"), N_("Hours per week free for backfill"), ESC_COLUMN_HOURS), .min = 0, .max = 168 },
};

static const EscColumn demand_columns[] = {
  { COL ("store", N_("Store"), N_("Store that needs staff"), ESC_COLUMN_REF), .ref_table = ESC_TABLE_STORE, .required = TRUE },
  { COL ("role", N_("Role"), N_("Role needed"), ESC_COLUMN_REF), .ref_table = ESC_TABLE_ROLE, .required = TRUE },
  { COL ("day", N_("Day"), N_("A date, or a weekday code (mon..sun) for every such day"), ESC_COLUMN_DAY), .required = TRUE },
  { COL ("start", N_("Start"), N_("Start of the window HH:MM (or give a shift)"), ESC_COLUMN_TIME) },
  { COL ("end", N_("End"), N_("End of the window HH:MM"), ESC_COLUMN_TIME) },
  { COL ("shift", N_("Shift"), N_("Shift to cover, instead of a window"), ESC_COLUMN_REF), .ref_table = ESC_TABLE_SHIFT },
  { COL ("quantity", N_("Minimum staff"), N_("Minimum number of staff, 0 or more"), ESC_COLUMN_INT), .required = TRUE, .min = 0, .max = 100000, .warn_max = 1000 },
  { COL ("under_weight", N_("Shortage weight"), N_("Weight of a missing person; blank: 1"), ESC_COLUMN_NUMBER), .min = 0, .max = 1e6 },
  { COL ("over_weight", N_("Surplus weight"), N_("Weight of a surplus person; blank: 1"), ESC_COLUMN_NUMBER), .min = 0, .max = 1e6 },
};

static const EscColumn holiday_columns[] = {
  { COL ("date", N_("Date"), N_("Date of the holiday"), ESC_COLUMN_DATE), .required = TRUE },
  { COL ("name", N_("Name"), N_("Name of the holiday"), ESC_COLUMN_TEXT) },
  { COL ("national", N_("National"), N_("Yes for a national holiday"), ESC_COLUMN_BOOL) },
  { COL ("country", N_("Country"), N_("Country code of a national holiday; blank: every country"), ESC_COLUMN_TEXT) },
  { COL ("region", N_("Region"), N_("State code, or a location for a municipal holiday"), ESC_COLUMN_TEXT) },
  { COL ("full_day", N_("Full day"), N_("Yes if the whole day is a holiday; blank: yes"), ESC_COLUMN_BOOL) },
};

static const EscColumn previous_columns[] = {
  { COL ("employee", N_("Employee"), N_("Employee code"), ESC_COLUMN_REF), .ref_table = ESC_TABLE_EMPLOYEE, .required = TRUE },
  { COL ("date", N_("Date"), N_("Date worked before the start date"), ESC_COLUMN_DATE), .required = TRUE },
  { COL ("hours", N_("Hours worked"), N_("Net hours HH:MM, or C for a compensation day"), ESC_COLUMN_WORKED), .required = TRUE },
};

static const EscColumn preference_columns[] = {
  { COL ("employee", N_("Employee"), N_("Employee code"), ESC_COLUMN_REF), .ref_table = ESC_TABLE_EMPLOYEE, .required = TRUE },
  { COL ("kind", N_("Kind"), N_("ban, prefer, day_off, shift_on or shift_off"), ESC_COLUMN_ENUM), .required = TRUE, .enum_values = preference_kinds },
  { COL ("date", N_("Date"), N_("Date it applies to; blank: every day"), ESC_COLUMN_DATE) },
  { COL ("shift", N_("Shift"), N_("Shift it applies to; blank: any shift"), ESC_COLUMN_REF), .ref_table = ESC_TABLE_SHIFT },
  { COL ("weight", N_("Weight"), N_("Importance of a wish; blank: 1"), ESC_COLUMN_NUMBER), .min = 0, .max = 1e6 },
};

static const EscColumn sequence_columns[] = {
  { COL ("first", N_("Shift"), N_("Shift worked on one day"), ESC_COLUMN_REF), .ref_table = ESC_TABLE_SHIFT, .required = TRUE },
  { COL ("next", N_("Forbidden next"), N_("Shift that may not follow it the next day"), ESC_COLUMN_REF), .ref_table = ESC_TABLE_SHIFT, .required = TRUE },
};

static const EscColumn parameter_columns[] = {
  { COL ("key", N_("Parameter"), N_("Parameter name"), ESC_COLUMN_ID), .required = TRUE },
  { COL ("value", N_("Value"), N_("Parameter value"), ESC_COLUMN_TEXT) },
};

static const EscColumn request_columns[] = {
  { COL ("id", N_("Request"), N_("Unique request id"), ESC_COLUMN_ID), .required = TRUE },
  { COL ("team", N_("Team"), N_("Store or team that asks"), ESC_COLUMN_REF), .ref_table = ESC_TABLE_STORE, .required = TRUE },
  { COL ("category", N_("Category"), N_("Skill needed"), ESC_COLUMN_TEXT), .required = TRUE },
  { COL ("hours", N_("Hours"), N_("Hours per week requested"), ESC_COLUMN_NUMBER), .required = TRUE, .min = 0, .max = 10000 },
  { COL ("priority", N_("Priority"), N_("Priority score, higher first"), ESC_COLUMN_NUMBER), .min = -1e6, .max = 1e6 },
  { COL ("created", N_("Created"), N_("Date the request was made"), ESC_COLUMN_DATE) },
  { COL ("stage", N_("Stage"), N_("new, in_implementation, delayed, on_hold or done"), ESC_COLUMN_ENUM), .enum_values = request_stages },
  { COL ("risk_resource", N_("Risk-mitigation person"), N_("Employee who must not be moved off this team"), ESC_COLUMN_REF_LIST), .ref_table = ESC_TABLE_EMPLOYEE },
};

static const EscColumn assignment_columns[] = {
  { COL ("id", N_("Assignment"), N_("Unique assignment id"), ESC_COLUMN_ID), .required = TRUE },
  { COL ("employee", N_("Employee"), N_("Employee code"), ESC_COLUMN_REF), .ref_table = ESC_TABLE_EMPLOYEE, .required = TRUE },
  { COL ("team", N_("Team"), N_("Store or team worked for"), ESC_COLUMN_REF), .ref_table = ESC_TABLE_STORE, .required = TRUE },
  { COL ("category", N_("Category"), N_("Kind of work"), ESC_COLUMN_TEXT), .required = TRUE },
  { COL ("position", N_("Position"), N_("worker, qa_reviewer, temporary or backup"), ESC_COLUMN_ENUM), .enum_values = assignment_positions },
  { COL ("hours_4w", N_("Hours/week (4 weeks)"), N_("Average hours per week over the last 4 weeks"), ESC_COLUMN_NUMBER), .min = 0, .max = 168 },
  { COL ("hours_12w", N_("Hours/week (12 weeks)"), N_("Average hours per week over the last 12 weeks"), ESC_COLUMN_NUMBER), .min = 0, .max = 168 },
  { COL ("eligible_for_trainee", N_("Trainee can take over"), N_("Yes if a trainee can do this work"), ESC_COLUMN_BOOL) },
};

static const EscColumn exclusion_columns[] = {
  { COL ("kind", N_("Kind"), N_("request or employee"), ESC_COLUMN_ENUM), .required = TRUE, .enum_values = exclusion_kinds },
  { COL ("ref", N_("Id"), N_("Request id or employee code to leave out"), ESC_COLUMN_TEXT), .required = TRUE },
};

static const EscColumn move_columns[] = {
  { COL ("assignment", N_("Assignment"), N_("Assignment moved"), ESC_COLUMN_TEXT), .required = TRUE },
  { COL ("employee", N_("Employee"), N_("Employee moved"), ESC_COLUMN_REF), .ref_table = ESC_TABLE_EMPLOYEE, .required = TRUE },
  { COL ("old_team", N_("From team"), N_("Team left"), ESC_COLUMN_TEXT) },
  { COL ("new_team", N_("To team"), N_("Team joined"), ESC_COLUMN_TEXT) },
  { COL ("date", N_("Date"), N_("Date of the move"), ESC_COLUMN_DATE), .required = TRUE },
  { COL ("hours", N_("Hours"), N_("Hours per week moved"), ESC_COLUMN_NUMBER), .min = 0, .max = 168 },
};

static const char * const allocation_types[] = {
  ESC_ALLOCATION_TYPE_WORK, ESC_ALLOCATION_TYPE_COMPENSATION, ESC_ALLOCATION_TYPE_EXTRA, NULL
};

static const EscColumn allocation_columns[] = {
  { COL ("task", N_("Task"), N_("Unique id of the allocation"), ESC_COLUMN_ID), .required = TRUE },
  { COL ("start", N_("Start"), N_("Start, YYYY-MM-DD HH:MM (or the date alone)"), ESC_COLUMN_TEXT), .required = TRUE },
  { COL ("finish", N_("Finish"), N_("Finish, YYYY-MM-DD HH:MM (or the date alone)"), ESC_COLUMN_TEXT), .required = TRUE },
  { COL ("resource", N_("Resource"), N_("Employee, or the role short of staff for extra rows"), ESC_COLUMN_TEXT), .required = TRUE },
  { COL ("store", N_("Store"), N_("Store of the allocation"), ESC_COLUMN_TEXT) },
  { COL ("type", N_("Type"), N_("allocation, compensation or extra"), ESC_COLUMN_ENUM), .required = TRUE, .enum_values = allocation_types },
  { COL ("role", N_("Role"), N_("Role worked"), ESC_COLUMN_TEXT) },
  { COL ("shift", N_("Shift"), N_("Shift or window worked"), ESC_COLUMN_TEXT) },
  { COL ("date", N_("Date"), N_("Day the shift belongs to"), ESC_COLUMN_DATE), .required = TRUE },
  { COL ("net_hours", N_("Net hours"), N_("Paid hours, HH:MM"), ESC_COLUMN_HOURS), .min = 0, .max = 24 },
  { COL ("missing", N_("Missing staff"), N_("For extra rows: how many people were missing"), ESC_COLUMN_INT), .min = 0, .max = 100000 },
  { COL ("pinned", N_("Pinned"), N_("Yes to keep this allocation when re-optimizing"), ESC_COLUMN_BOOL) },
};

static const EscColumn phase_columns[] = {
  { COL ("objective", N_("Objective"), N_("Objective level as written"), ESC_COLUMN_TEXT), .required = TRUE },
  { COL ("value", N_("Value"), N_("Value reached"), ESC_COLUMN_TEXT) },
  { COL ("bound", N_("Bound"), N_("Best bound known"), ESC_COLUMN_TEXT) },
  { COL ("gap", N_("Gap"), N_("Relative gap between value and bound"), ESC_COLUMN_TEXT) },
  { COL ("seconds", N_("Seconds"), N_("Time spent"), ESC_COLUMN_TEXT) },
  { COL ("proven_optimal", N_("Proven optimal"), N_("Yes when optimality was proven"), ESC_COLUMN_BOOL) },
};

static const EscColumn result_columns[] = {
  { COL ("key", N_("Figure"), N_("Name of the figure"), ESC_COLUMN_ID), .required = TRUE },
  { COL ("value", N_("Value"), N_("Value of the figure"), ESC_COLUMN_TEXT) },
};

static const EscColumn audit_columns[] = {
  { COL ("time", N_("Time"), N_("When the change was made, ISO 8601"), ESC_COLUMN_TEXT), .required = TRUE },
  { COL ("user", N_("User"), N_("Who made it: the computer account's name"), ESC_COLUMN_TEXT) },
  { COL ("action", N_("Change"), N_("What changed, as the undo menu says it"), ESC_COLUMN_TEXT), .required = TRUE },
  { COL ("table", N_("Table"), N_("Key of the table changed"), ESC_COLUMN_TEXT) },
  { COL ("employee", N_("Employee"), N_("Employee concerned, when one row of one employee changed"), ESC_COLUMN_TEXT) },
};

static const char * const version_kinds[] = {
  ESC_VERSION_KIND_SOLVE, ESC_VERSION_KIND_SAVED, NULL
};

static const EscColumn version_columns[] = {
  { COL ("id", N_("Version"), N_("Unique version id: v1, v2, …"), ESC_COLUMN_ID), .required = TRUE },
  { COL ("name", N_("Name"), N_("Name of the version, editable"), ESC_COLUMN_TEXT) },
  { COL ("kind", N_("Kind"), N_("solve (kept when a solve was adopted) or saved (saved by hand)"), ESC_COLUMN_ENUM), .enum_values = version_kinds },
  { COL ("created", N_("Created"), N_("When the version was kept, ISO 8601"), ESC_COLUMN_TEXT), .required = TRUE },
  { COL ("status", N_("Status"), N_("The solver's status, or manual"), ESC_COLUMN_TEXT) },
  { COL ("unmet_staff_minutes", N_("Unmet staff-minutes"), N_("Staff-minutes below demand"), ESC_COLUMN_TEXT) },
  { COL ("hours", N_("Hours"), N_("Net hours of all work allocations"), ESC_COLUMN_TEXT) },
  { COL ("shifts", N_("Shifts"), N_("Number of work allocations"), ESC_COLUMN_TEXT) },
  { COL ("parameters", N_("Parameters"), N_("Start date, horizon and objectives when kept"), ESC_COLUMN_TEXT) },
};

static const EscColumn version_allocation_columns[] = {
  { COL ("version", N_("Version"), N_("Id of the version this row belongs to"), ESC_COLUMN_REF), .ref_table = ESC_TABLE_VERSION, .required = TRUE },
  { COL ("task", N_("Task"), N_("Id of the allocation"), ESC_COLUMN_TEXT), .required = TRUE },
  { COL ("start", N_("Start"), N_("Start, YYYY-MM-DD HH:MM (or the date alone)"), ESC_COLUMN_TEXT) },
  { COL ("finish", N_("Finish"), N_("Finish, YYYY-MM-DD HH:MM (or the date alone)"), ESC_COLUMN_TEXT) },
  { COL ("resource", N_("Resource"), N_("Employee, or the role short of staff for extra rows"), ESC_COLUMN_TEXT) },
  { COL ("store", N_("Store"), N_("Store of the allocation"), ESC_COLUMN_TEXT) },
  { COL ("type", N_("Type"), N_("allocation, compensation or extra"), ESC_COLUMN_TEXT) },
  { COL ("role", N_("Role"), N_("Role worked"), ESC_COLUMN_TEXT) },
  { COL ("shift", N_("Shift"), N_("Shift or window worked"), ESC_COLUMN_TEXT) },
  { COL ("date", N_("Date"), N_("Day the shift belongs to"), ESC_COLUMN_TEXT) },
  { COL ("net_hours", N_("Net hours"), N_("Paid hours, HH:MM"), ESC_COLUMN_TEXT) },
  { COL ("missing", N_("Missing staff"), N_("For extra rows: how many people were missing"), ESC_COLUMN_TEXT) },
  { COL ("pinned", N_("Pinned"), N_("Yes when the allocation was pinned"), ESC_COLUMN_TEXT) },
};

#define TABLE(i, k, s, t, r, cols) \
  [i] = { .id = i, .key = k, .sheet = s, .title = t, .row_title = r, .columns = cols, \
          .n_columns = G_N_ELEMENTS (cols) }

static EscTableSchema tables[ESC_N_TABLES] = {
  TABLE (ESC_TABLE_LOCATION, "location", "Location", N_("Locations"), N_("Location"), location_columns),
  TABLE (ESC_TABLE_STORE, "store", "Store", N_("Stores"), N_("Store"), store_columns),
  TABLE (ESC_TABLE_ROLE, "role", "Role", N_("Roles"), N_("Role"), role_columns),
  TABLE (ESC_TABLE_SHIFT, "shift", "ShiftType", N_("Shifts"), N_("Shift"), shift_columns),
  TABLE (ESC_TABLE_PATTERN, "pattern", "Shift", N_("Patterns"), N_("Pattern"), pattern_columns),
  TABLE (ESC_TABLE_EMPLOYEE, "employee", "Employee", N_("Employees"), N_("Employee"), employee_columns),
  TABLE (ESC_TABLE_DEMAND, "demand", "Demand", N_("Demand"), N_("Demand"), demand_columns),
  TABLE (ESC_TABLE_HOLIDAY, "holiday", "Holiday", N_("Holidays"), N_("Holiday"), holiday_columns),
  TABLE (ESC_TABLE_PREVIOUS_ALLOCATION, "previous_allocation", "PreviousAllocation", N_("History"), N_("Previous allocation"), previous_columns),
  /* TRANSLATORS: the table of the employees' wishes (shifts, days off), not the app's
   * settings (which are "Preferences" with the context "app settings") */
  TABLE (ESC_TABLE_PREFERENCE, "preference", "Preference", N_("Preferences"), N_("Preference"), preference_columns),
  TABLE (ESC_TABLE_FORBIDDEN_SEQUENCE, "forbidden_sequence", "ForbiddenSequence", N_("Forbidden sequences"), N_("Forbidden sequence"), sequence_columns),
  TABLE (ESC_TABLE_PARAMETER, "parameter", "Parameters", N_("Parameters"), N_("Parameter"), parameter_columns),
  TABLE (ESC_TABLE_REQUEST, "request", "Request", N_("Requests"), N_("Request"), request_columns),
  TABLE (ESC_TABLE_ASSIGNMENT, "assignment", "Assignment", N_("Assignments"), N_("Assignment"), assignment_columns),
  TABLE (ESC_TABLE_EXCLUSION, "exclusion", "Exclusion", N_("Exclusions"), N_("Exclusion"), exclusion_columns),
  TABLE (ESC_TABLE_MOVE, "move", "MoveHistory", N_("Moves"), N_("Move"), move_columns),
  TABLE (ESC_TABLE_ALLOCATION, "allocation", "Allocations", N_("Schedule"), N_("Allocation"), allocation_columns),
  TABLE (ESC_TABLE_PHASE, "phase", "Summary", N_("Solve phases"), N_("Phase"), phase_columns),
  TABLE (ESC_TABLE_RESULT, "result", "Result", N_("Result"), N_("Figure"), result_columns),
  TABLE (ESC_TABLE_AUDIT, "audit", "AuditLog", N_("Audit log"), N_("Audit entry"), audit_columns),
  TABLE (ESC_TABLE_VERSION, "version", "Version", N_("Versions"), N_("Version"), version_columns),
  TABLE (ESC_TABLE_VERSION_ALLOCATION, "version_allocation", "VersionAllocation", N_("Version allocations"), N_("Version allocation"), version_allocation_columns),
};

static const EscParameterDef parameters[] = {
  { "start_date", N_("Start date"), N_("First day of the schedule"), ESC_COLUMN_DATE, TRUE, NULL, 0, 0 },
  { "max_horizon", N_("Horizon (days)"), N_("Number of days to schedule"), ESC_COLUMN_INT, TRUE, "28", 1, 366 },
  { "store_id", N_("Stores"), N_("Stores to plan, comma separated; blank: all"), ESC_COLUMN_REF_LIST, FALSE, NULL, 0, 0 },
  { "role_id", N_("Roles"), N_("Roles to plan, comma separated; blank: all"), ESC_COLUMN_REF_LIST, FALSE, NULL, 0, 0 },
  { "first_day_of_week", N_("First day of the week"), N_("Planning weeks start on this weekday"), ESC_COLUMN_WEEKDAY, FALSE, "mon", 0, 0 },
  { "allocation_priority_weekdays", N_("Priority weekdays"), N_("Weekdays on which work counts as priority"), ESC_COLUMN_WEEKDAY_SET, FALSE, "", 0, 0 },
  { "allocation_priority_interval", N_("Priority days of month"), N_("Day-of-month ranges such as 25-31, 1-5"), ESC_COLUMN_DAY_RANGES, FALSE, "", 0, 0 },
  { "max_solution_time", N_("Time limit (s)"), N_("Seconds the whole run may take"), ESC_COLUMN_NUMBER, FALSE, "60", 0.1, 86400 },
  { "max_solution_improvement_wait", N_("Improvement wait (s)"), N_("Seconds without a better solution before the next objective"), ESC_COLUMN_NUMBER, FALSE, "10", 0.1, 86400 },
  { "granularity", N_("Granularity (min)"), N_("Time grid on which coverage is measured"), ESC_COLUMN_INT, FALSE, "1", 1, 1440 },
  { "objective_function", N_("Objectives"), N_("Objectives in order of importance"), ESC_COLUMN_OBJECTIVES, FALSE, NULL, 0, 0 },
  { "min_rest_between_shifts", N_("Minimum rest (h)"), N_("Hours of rest between two shifts"), ESC_COLUMN_HOURS, FALSE, "11", 0, 48 },
  { "break_threshold_hours", N_("Break after (h)"), N_("A window longer than this contains a break"), ESC_COLUMN_HOURS, FALSE, "6", 0, 24 },
  { "break_minutes", N_("Break (min)"), N_("Length of the unpaid break"), ESC_COLUMN_INT, FALSE, "60", 0, 720 },
  { "reassign_part_time_points", N_("Part-time points"), N_("Reassignment: score of a part-time candidate"), ESC_COLUMN_NUMBER, FALSE, "4", -1e6, 1e6 },
  { "reassign_full_time_points", N_("Full-time points"), N_("Reassignment: score of a full-time candidate"), ESC_COLUMN_NUMBER, FALSE, "0", -1e6, 1e6 },
  { "reassign_hours_match_points", N_("Hours-match points"), N_("Reassignment: score when the available hours match the hours needed"), ESC_COLUMN_NUMBER, FALSE, "2", -1e6, 1e6 },
  { "reassign_hours_match_tolerance", N_("Hours-match tolerance (h)"), N_("Reassignment: hours within which available and needed hours match"), ESC_COLUMN_NUMBER, FALSE, "0.5", 0, 168 },
  { "reassign_team_member_points", N_("Team-member points"), N_("Reassignment: score of a member of the requesting team"), ESC_COLUMN_NUMBER, FALSE, "10", -1e6, 1e6 },
  { "reassign_single_member_penalty", N_("Single-member penalty"), N_("Reassignment: score instead when the member is the team's only worker"), ESC_COLUMN_NUMBER, FALSE, "-10", -1e6, 1e6 },
  { "reassign_risk_resource_penalty", N_("Risk-resource penalty"), N_("Reassignment: score instead when the member is the team's risk-mitigation resource"), ESC_COLUMN_NUMBER, FALSE, "-10", -1e6, 1e6 },
  { "reassign_moved_today_penalty", N_("Moved-today penalty"), N_("Reassignment: score of someone already moved today"), ESC_COLUMN_NUMBER, FALSE, "-10", -1e6, 1e6 },
  { "reassign_implementation_factor", N_("Implementation factor"), N_("Reassignment: requests in implementation or delayed need this times their hours"), ESC_COLUMN_NUMBER, FALSE, "1.3", 0, 100 },
  { "reassign_capacity_categories", N_("Categories with capacity"), N_("Reassignment: categories whose staff may be moved, comma separated; blank: all"), ESC_COLUMN_TEXT, FALSE, "", 0, 0 },
  { "reassign_min_weekly_hours", N_("Minimum hours/week"), N_("Reassignment: hours per week over 4 or 12 weeks a candidate worked at least"), ESC_COLUMN_NUMBER, FALSE, "2", 0, 168 },
  { "reassign_keep_threshold", N_("Keep threshold (h)"), N_("Reassignment: a partial move leaves at least this many hours"), ESC_COLUMN_NUMBER, FALSE, "2", 0, 168 },
  { "reassign_backfill_min_capacity", N_("Backfill minimum capacity (h)"), N_("Reassignment: backfill needs more spare hours per week than this"), ESC_COLUMN_NUMBER, FALSE, "0.5", 0, 168 },
  { "reassign_backfill_max_tries", N_("Backfill tries"), N_("Reassignment: backfill employees tried per move at most"), ESC_COLUMN_INT, FALSE, "10", 1, 10000 },
  { "reassign_top_options", N_("Options listed"), N_("Reassignment: options listed per request and per move"), ESC_COLUMN_INT, FALSE, "10", 1, 10000 },
  { "reassign_covered_hour_points", N_("Covered-hour points"), N_("Reassignment: plan value of every covered hour, added to its score"), ESC_COLUMN_NUMBER, FALSE, "100", 0, 1e6 },
  { "reassign_optimal_time_limit", N_("Optimal time limit (s)"), N_("Reassignment: seconds the optimal mode may take"), ESC_COLUMN_NUMBER, FALSE, "60", 0.1, 86400 },
};

static const char * const objective_names[] = {
  "demand_fulfillment", "holiday_compensation", "priority_working_days", "working_days",
  "preferable_rests", "workforce_balance", "working_hours", "min_hours", "preferences",
  "over_coverage", NULL
};

static void
ensure_id_columns (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint t = 0; t < ESC_N_TABLES; t++)
        {
          tables[t].id_column = -1;
          for (guint c = 0; c < tables[t].n_columns; c++)
            if (tables[t].columns[c].type == ESC_COLUMN_ID)
              tables[t].id_column = c;
        }
      g_once_init_leave (&initialized, 1);
    }
}

const EscTableSchema *
esc_schema_get_table (EscTableId id)
{
  g_return_val_if_fail (id < ESC_N_TABLES, NULL);

  ensure_id_columns ();
  return &tables[id];
}

const EscTableSchema *
esc_schema_find_table (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  ensure_id_columns ();
  for (guint t = 0; t < ESC_N_TABLES; t++)
    if (g_ascii_strcasecmp (tables[t].key, key) == 0 ||
        g_ascii_strcasecmp (tables[t].sheet, key) == 0)
      return &tables[t];
  return NULL;
}

int
esc_schema_find_column (const EscTableSchema *table,
                        const char           *key)
{
  g_return_val_if_fail (table != NULL, -1);

  for (guint c = 0; c < table->n_columns; c++)
    if (g_strcmp0 (table->columns[c].key, key) == 0)
      return c;
  return -1;
}

const EscParameterDef *
esc_schema_get_parameters (guint *n_parameters)
{
  *n_parameters = G_N_ELEMENTS (parameters);
  return parameters;
}

const EscParameterDef *
esc_schema_find_parameter (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (parameters); i++)
    if (g_strcmp0 (parameters[i].key, key) == 0)
      return &parameters[i];
  return NULL;
}

const char * const *
esc_schema_get_objective_names (void)
{
  return objective_names;
}

const char *
esc_schema_get_default_objectives (void)
{
  return "demand_fulfillment, holiday_compensation, priority_working_days, working_days, "
         "preferable_rests, workforce_balance, working_hours";
}
