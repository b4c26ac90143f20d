/* esc-heuristic.h: a fast constructive heuristic (no GLPK) for one (store, role) group.
 *
 * Employees are scheduled one after the other (least flexible first). For each, the
 * heuristic repeatedly adds the (day, shift) that covers the most unmet demand
 * (staff-minutes of slots or shift demands still short, given everybody scheduled
 * before) among those that keep every hard rule of the employee: one pattern per planning
 * week (the patterns allowing every shift worked that week), weekly hours with the
 * history, consecutive days and consecutive limited weekdays with the history, forbidden
 * sequences, minimum rest (also after the history's last shift), max hours, max shifts
 * per kind, max weekends, and the holiday compensations whose deadline lies inside the
 * horizon (an earliest-deadline matching on the days off must still serve them). When no
 * addition covers unmet demand, days are still added while the employee is short of
 * min hours or has too many rest days. Compensation days are then flagged with the same
 * matching (which also grants as many of the soft ones as it can).
 *
 * Every employee's row is verified with esc_checker_check_employee(); the rows that fail
 * (a min-type rule the greedy could not meet: min hours, min consecutive days on or off,
 * max rest days, or an employee who cannot be scheduled at all) are cleared and listed,
 * for an exact per-employee MIP to settle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-schedule.h"

G_BEGIN_DECLS

/* Overwrites the rows of every employee of @group in @schedule. Returns the employees
 * (problem indices, int) whose rows could not be made legal (their rows are empty). */
GArray *esc_heuristic_construct (EscSchedule *schedule,
                                 int          group,
                                 guint        seed);

G_END_DECLS
