/* esc-local-search.h: simulated annealing over the rows of one group (no GLPK).
 *
 * The search changes a few cells (employee, day) of the group's schedule at a time and
 * keeps every row legal under the hard rules (esc-row-rules.h, min hours and rest days;
 * pinned cells and employees with min consecutive runs stay as they are). It minimises
 * the last of the levels it is given while the earlier ones may not exceed their limits
 * (the hierarchy). It evaluates a level incrementally as a constant, a cost per worked
 * option and a cost per staff short or over on each coverage row
 * (esc_model_level_costs()): so it applies to levels made of coverage, hours, days,
 * priority days, preferable rests and preferences, not to those with holiday
 * compensation or workforce balance.
 *
 * Moves: put an option that covers a short slot (taking a day off elsewhere in the same
 * row when the row would break a rule), change one cell, move a shift to another day of
 * the same row, and exchange the shifts of two employees on one day. Every finished row
 * is verified with esc_checker_check_employee(); a row that fails (never expected) goes
 * back to its start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-model.h"

G_BEGIN_DECLS

typedef struct _EscLocalSearch EscLocalSearch;

/* Polled during the search: TRUE stops it. */
typedef gboolean (*EscLocalSearchStopFunc) (gpointer user_data);

/* A search over the employees of @model (a model of a whole group, no fixed employees)
 * for @levels[0 .. n_levels). NULL when some level is not a sum the search can evaluate.
 * @model is only read while this is created. */
EscLocalSearch *esc_local_search_new  (EscModel                        *model,
                                       const EscObjectiveLevel * const *levels,
                                       guint                            n_levels,
                                       guint                            seed);
void            esc_local_search_free (EscLocalSearch *self);

/* Starts from the group's rows of @schedule (legal), minimises the last level with
 * levels[j] <= limits[j] for the earlier ones, until @deadline (monotonic time) or @stop,
 * and writes the best rows found (with their compensation days) back into @schedule.
 * Returns TRUE when the last level improved. */
gboolean        esc_local_search_run  (EscLocalSearch         *self,
                                       EscSchedule            *schedule,
                                       const double           *limits,
                                       gint64                  deadline,
                                       EscLocalSearchStopFunc  stop,
                                       gpointer                user_data);

/* The first temperature of the next runs, as a multiple of the typical worsening of the
 * last level by a random move (default 2: hot; 0.2: a cold run that polishes). */
void            esc_local_search_set_heat  (EscLocalSearch *self, double heat);

/* The runs stop as soon as the last level reaches @target (a bound: nothing better
 * exists); NAN or -HUGE_VAL: no target. */
void            esc_local_search_set_target (EscLocalSearch *self, double target);

/* The value of level @l on the rows last written back (to minimise). */
double          esc_local_search_get_value (EscLocalSearch *self, guint l);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscLocalSearch, esc_local_search_free)

G_END_DECLS
