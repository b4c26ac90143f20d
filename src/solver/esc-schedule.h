/* esc-schedule.h: a solution of an EscProblem, and what the solve learned about it.
 *
 * A schedule says, for every employee and day, which option (if any) is worked and
 * whether the day is a compensation day off. Everything else (allocations with start and
 * finish, extra windows, the reduced table, totals) is derived from that and the problem.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-problem.h"

G_BEGIN_DECLS

typedef enum
{
  ESC_SCHEDULE_OPTIMAL,     /* every phase proven optimal */
  ESC_SCHEDULE_FEASIBLE,    /* legal, not every phase proven */
  ESC_SCHEDULE_INFEASIBLE,  /* hard rules conflict; see reasons */
  ESC_SCHEDULE_CANCELLED,   /* stopped by the user; the best schedule so far */
} EscScheduleStatus;

typedef struct
{
  char *objective;          /* the level as written */
  double value;             /* achieved: for a level of one objective in that objective's
                               own sense (not negated, unweighted); for a weighted sum of
                               several, the value that was minimised */
  double bound;             /* best bound known in the same sense, NAN when none */
  double gap;               /* relative gap, 0 when proven, NAN when no bound */
  double seconds;
  gboolean proven_optimal;
  guint neighbourhoods;     /* solved by GLPK in the neighbourhood search (big groups) */
  guint helper_neighbourhoods;  /* of those, solved by a helper thread's second search */
  guint combined;           /* improvements by the decomposition's schedule (big groups) */
} EscPhaseStats;

typedef struct _EscSchedule EscSchedule;

struct _EscSchedule
{
  gatomicrefcount ref_count;
  EscProblem *problem;      /* a reference */
  int *choice;              /* n_employees * n_days: option index or ESC_NONE */
  gboolean *compensation;   /* n_employees * n_days: compensation day off */
  EscScheduleStatus status;
  GPtrArray *phases;        /* EscPhaseStats* */
  GPtrArray *reasons;       /* char*: why infeasible, in words a store manager understands */
  double seconds;           /* whole run */
};

EscSchedule *esc_schedule_new   (EscProblem *problem);   /* nobody works */
EscSchedule *esc_schedule_copy  (const EscSchedule *self);
EscSchedule *esc_schedule_ref   (EscSchedule *self);
void         esc_schedule_unref (EscSchedule *self);

static inline int
esc_schedule_get_choice (const EscSchedule *self, guint employee, guint day)
{
  return self->choice[employee * self->problem->n_days + day];
}

static inline void
esc_schedule_set_choice (EscSchedule *self, guint employee, guint day, int option)
{
  self->choice[employee * self->problem->n_days + day] = option;
}

static inline gboolean
esc_schedule_get_compensation (const EscSchedule *self, guint employee, guint day)
{
  return self->compensation[employee * self->problem->n_days + day];
}

static inline void
esc_schedule_set_compensation (EscSchedule *self, guint employee, guint day, gboolean value)
{
  self->compensation[employee * self->problem->n_days + day] = value;
}

EscPhaseStats *esc_phase_stats_new  (const char *objective);
void           esc_phase_stats_free (EscPhaseStats *stats);
const char    *esc_schedule_status_to_string (EscScheduleStatus status);  /* "optimal" ... */
/* The status as a person reads it, translated: "optimal", "feasible", "cancelled",
 * "infeasible" (adjectives of the schedule, for "Schedule %s"). Never for data. */
const char    *esc_schedule_status_to_display (EscScheduleStatus status);
/* The status of esc_schedule_status_to_string() back; FALSE (and @status untouched) for
 * any other text. */
gboolean       esc_schedule_status_from_string (const char        *text,
                                                EscScheduleStatus *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscSchedule, esc_schedule_unref)

G_END_DECLS
