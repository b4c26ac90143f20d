/* esc-evaluate.h: the value of every objective on a schedule, computed directly.
 *
 * These definitions are the contract the GLPK model must match: the solver's tests
 * compare the model's optimum with an enumeration scored by these functions. Values are
 * in the objective's natural sense (minutes, days, counts, weights); "worked" means the
 * schedule's choice for the employee and day is not ESC_NONE, and "net minutes" is the
 * chosen option's net_minutes.
 *
 * demand_fulfillment  Sum over problem->slots of
 *     under_weight * max (0, required - covering) * (slot.end - slot.start)
 *   plus, over problem->shift_demands,
 *     under_weight * max (0, required - working) * length of the shift,
 *   where covering = the employees of the slot's group whose worked option (of any day)
 *   covers the slot: the option's shift has clock times, and round (option.start) <=
 *   slot.start and slot.end <= round (option.end),
 *   round() going to the nearest multiple of problem->granularity (halves up), as the
 *   compiler builds slots; working = the employees of the group who work that shift on
 *   that day; the length of a shift is end - start, or net_minutes when it has no clock
 *   times.
 * over_coverage  The same with over_weight and max (0, covering - required) (resp.
 *   max (0, working - required)).
 * holiday_compensation  Number of holidays that earn a compensation day (worked holidays
 *   of the horizon, when the employee has a compensation deadline, plus the pending ones
 *   of the history) served by a compensation day, as esc_checker_match_compensations()
 *   matches them: within their own deadline, whether that deadline is inside the horizon
 *   or beyond it (a pending one already overdue before day 0: by any day of the horizon).
 * priority_working_days  Net minutes worked on days with problem->priority_day set.
 * working_days  Worked employee-days.
 * preferable_rests  Employee-days not worked (for whatever reason) whose weekday is the
 *   employee's preferred_rest.
 * workforce_balance  Sum over groups of (max - min), over the group's demand days, of the
 *   number of the group's employees working that day (0 for a group without demand days).
 * working_hours, min_hours  Net minutes worked (the first maximised, the second
 *   minimised).
 * preferences  Sum of the weights of the wishes met, each wish matching its day (or every
 *   day of the horizon when day is ESC_NONE):
 *     PREFER     +weight per matching day worked on the wish's shift (any shift if none),
 *     DAY_OFF    +weight per matching day not worked (its shift is ignored),
 *     SHIFT_ON   +weight per matching day worked on that shift (any shift if none),
 *     SHIFT_OFF  +weight per matching day not worked on that shift (not worked at all if
 *                the wish names no shift).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-schedule.h"

G_BEGIN_DECLS

/* The objective's value in its natural sense (maximised ones are not negated). */
double esc_evaluate_objective (const EscSchedule *schedule, EscObjective objective);

/* The value of a level to MINIMISE: sum over objectives of
 * weight * (esc_objective_is_maximised (o) ? -value : value). */
double esc_evaluate_level     (const EscSchedule *schedule, const EscObjectiveLevel *level);

/* Per slot of problem->slots: the number of employees of its group whose worked option
 * covers it (as demand_fulfillment counts them). Free with g_free. */
guint *esc_evaluate_slot_coverage         (const EscSchedule *schedule);
/* Per entry of problem->shift_demands: the employees of its group working that shift
 * that day. Free with g_free. */
guint *esc_evaluate_shift_demand_coverage (const EscSchedule *schedule);

G_END_DECLS
