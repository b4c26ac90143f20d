/* esc-solver.h: solving a problem: decomposition, hierarchy, threads, progress, cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "esc-schedule.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_threads;           /* 0: as many as cores */
  double time_limit;         /* seconds for the whole run; <= 0: the problem's max_seconds */
  double improvement_wait;   /* seconds; <= 0: the problem's improvement_wait */
  const char *write_mps_dir; /* when set, every phase model is written there as MPS */
  guint seed;                /* tie-breaking of the constructive heuristic */
  const EscSchedule *start;  /* a schedule to start from: groups whose rows pass the
                                checker start from it instead of the heuristic; NULL: none */
  int lns_min_columns;       /* groups whose model has more columns are improved by
                                neighbourhoods (fix-and-optimize) rather than solved whole;
                                0: the default (2,500), < 0: never */
} EscSolverOptions;

typedef struct
{
  guint phase;               /* 0-based index of the level being solved */
  guint n_phases;
  const char *objective;     /* the level as written */
  double incumbent;          /* best value found in this phase (sum over groups), NAN if none */
  double bound;              /* best bound, NAN if none */
  double gap;                /* relative, NAN if unknown */
  double elapsed;            /* seconds since the start */
  guint groups_done;         /* independent sub-problems finished */
  guint n_groups;
} EscSolverProgress;

/* Called from a worker thread by esc_solver_solve; on the main context (at most one
 * pending at a time) by esc_solver_solve_async. */
typedef void (*EscSolverProgressFunc) (const EscSolverProgress *progress, gpointer user_data);

/* Solves on the calling thread (sub-problems on a thread pool). Returns a schedule
 * whose status says optimal / feasible / infeasible (with reasons) / cancelled (the best
 * schedule found so far). NULL and @error only when nothing could be done at all. */
EscSchedule *esc_solver_solve        (EscProblem              *problem,
                                      const EscSolverOptions  *options,
                                      EscSolverProgressFunc    progress_func,
                                      gpointer                 progress_data,
                                      GCancellable            *cancellable,
                                      GError                 **error);

/* The same on a GTask worker thread; @problem is immutable and shared. */
void         esc_solver_solve_async  (EscProblem              *problem,
                                      const EscSolverOptions  *options,
                                      GCancellable            *cancellable,
                                      EscSolverProgressFunc    progress_func,
                                      gpointer                 progress_data,
                                      GDestroyNotify           progress_destroy,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data);
EscSchedule *esc_solver_solve_finish (GAsyncResult            *result,
                                      GError                 **error);

G_END_DECLS
