/* esc-decompose.h: a bound of a group's level by Dantzig-Wolfe column generation.
 *
 * The LP relaxation of a big group (tens of thousands of columns) takes GLPK's simplex
 * longer than a whole solve may, but the group model has a block structure: every hard
 * rule concerns one employee, and only the coverage, headcount and level rows link the
 * employees (esc_model_column_employee()). Column generation keeps a small master LP
 * (the linking rows, one convexity row per employee, the linking columns, and one column
 * per employee schedule generated so far) and prices each employee alone with their own
 * small LP. At any dual vector the Lagrangian bound
 *
 *   sum_i pi_i b_i + sum_e min over employee e's LP of (c - A' pi) x
 *                  + sum over linking columns of min over their bounds of (c - A' pi) x
 *
 * is a valid lower bound of the level's LP relaxation, hence of the level; at the
 * master's optimum it equals the LP relaxation's value. Duals are smoothed (Wentges) for
 * faster convergence.
 *
 * esc_decomposition_new() copies the model's matrix, bounds and objective (in the
 * model's thread); esc_decomposition_bound() may then run in any thread: its GLPK
 * problems are created and freed within the call (GLPK keeps its memory per thread).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-model.h"

G_BEGIN_DECLS

typedef struct _EscDecomposition EscDecomposition;

typedef gboolean (*EscDecompositionStopFunc) (gpointer user_data);
/* Called with each better bound (GLPK units), in the thread that computes it. */
typedef void     (*EscDecompositionBoundFunc) (double bound, gpointer user_data);

/* The decomposition of @model with its current objective and rows (take it after the
 * level's objective and the earlier levels' rows are set); @model is only read here. */
EscDecomposition *esc_decomposition_new   (EscModel *model);
void              esc_decomposition_free  (EscDecomposition *self);

/* Column generation from the legal vector @x (its employees' schedules are the first
 * columns) until @deadline, @stop, convergence, or a bound >= @target (GLPK units); after
 * a convergence with integral pricing, also the dive of esc_decomposition_get_combined()
 * (1-2 s on the pool).
 * With @with_integer, once the LP relaxation's value is reached, the employees price
 * integral schedules with their own small MIP (each proven minimum is a stronger term of
 * the Lagrangian bound; an unproven one counts with its LP value): the bound then rises
 * towards the decomposition's integral value where the LP mixes schedules no employee
 * can work (a pattern for half a week...). Returns the best Lagrangian bound found in
 * GLPK units (-HUGE_VAL when none), not rounded; @report (may be NULL) sees each better
 * one as it comes. */
double            esc_decomposition_bound (EscDecomposition          *self,
                                           const double              *x,
                                           double                     target,
                                           gboolean                   with_integer,
                                           gint64                     deadline,
                                           EscDecompositionStopFunc   stop,
                                           EscDecompositionBoundFunc  report,
                                           gpointer                   user_data);

/* After esc_decomposition_bound() converged with integral pricing: a schedule made of
 * the master's integral schedules, found by a dive that keeps the master's LP value (as
 * the dive found it, rounded up to the objective's grid): the schedules the LP uses
 * whole are kept, then the one it uses most of the others whenever the LP's value
 * stays; new integral schedules are priced when none fits. As a vector of the model's
 * columns (n_cols + 1; the linking columns as the master's LP left them: rebuild it from
 * its schedule); NULL when there is none. When the dive stopped before every employee
 * had a schedule (the master's schedules do not combine any further at that value),
 * @free_blocks receives the employees (model employees) it left undecided, whose columns
 * are 0; else NULL. The master mixes whole schedules of every employee at once, which
 * the search's neighbourhoods do not: on the pool the dive leaves 1-11 of 200 employees,
 * and GLPK completing those finds the optimum. Valid until the next
 * esc_decomposition_bound(). */
const double     *esc_decomposition_get_combined (EscDecomposition  *self,
                                                  const gboolean   **free_blocks);

/* Rounds of column generation and columns generated in the last call, for the log. */
guint             esc_decomposition_get_rounds  (EscDecomposition *self);
guint             esc_decomposition_get_columns (EscDecomposition *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscDecomposition, esc_decomposition_free)

G_END_DECLS
