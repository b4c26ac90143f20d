/* esc-reassign-private.h: what the greedy and the optimal mode share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-reassign.h"

G_BEGIN_DECLS

/* Hours below this are nothing. */
#define ESC_REASSIGN_EPSILON 1e-6

typedef struct
{
  char      *id;
  char      *team;
  char      *category;
  char      *stage;
  double     hours;
  double     priority;
  EscJulian  created;
  char     **risk_resources;
} EscReassignRequestRow;

typedef struct
{
  char     *id;
  char     *employee;
  char     *team;
  char     *category;
  char     *position;
  double    hours_4w;
  double    hours_12w;
  gboolean  eligible_for_trainee;
} EscReassignAssignmentRow;

typedef struct
{
  char      *id;
  char     **skills;        /* folded */
  gboolean   full_time;
  gboolean   trainee;
  EscJulian  start_date;
  double     spare_capacity;
} EscReassignEmployeeRow;

typedef struct
{
  char      *assignment;
  char      *employee;
  char      *old_team;
  char      *new_team;
  EscJulian  date;
  double     hours;
} EscReassignHistoryRow;

struct _EscReassignInput
{
  gatomicrefcount ref_count;
  EscJulian       today;
  guint64         generation;
  GPtrArray      *requests;            /* EscReassignRequestRow */
  GPtrArray      *assignments;         /* EscReassignAssignmentRow */
  GPtrArray      *employees;           /* EscReassignEmployeeRow */
  GPtrArray      *history;             /* EscReassignHistoryRow */
  GHashTable     *excluded_requests;   /* id set */
  GHashTable     *excluded_employees;  /* id set */
};

/* An assignment that may move (the request-independent filters passed). */
typedef struct
{
  const EscReassignAssignmentRow *row;
  guint                           employee;   /* index into EscReassignPrep.employees */
  double                          available;  /* floor(hours_12w) */
  char                           *category_key;
} EscReassignCandidate;

/* A group of requests and its candidates. */
typedef struct
{
  EscReassignGroup *group;         /* the public part (owned by the prep) */
  char             *category_key;
  GHashTable       *risk;          /* employee id set */
  GArray           *candidates;    /* guint indices into EscReassignPrep.candidates */
} EscReassignPrepGroup;

typedef struct
{
  const EscReassignEmployeeRow *row;
  gboolean                      moved_today;   /* a Move row dated today */
  gboolean                      excluded;
  gboolean                      can_backfill;  /* spare capacity > minimum, not excluded */
} EscReassignPrepEmployee;

/* The input made ready for allocation: groups in serving order, candidates, teams. */
typedef struct
{
  EscReassignInput    *input;
  EscReassignSettings  settings;
  GPtrArray           *groups;          /* EscReassignPrepGroup, in serving order */
  GPtrArray           *categories;      /* char *, in serving order */
  GArray              *candidates;      /* EscReassignCandidate */
  GArray              *employees;       /* EscReassignPrepEmployee, input order */
  GHashTable          *employee_index;  /* id -> index + 1 */
  GHashTable          *team_members;    /* team -> (employee id set) */
  GHashTable          *team_risk;       /* team -> (employee id set): union of its groups */
  GPtrArray           *notes;           /* char * */
} EscReassignPrep;

EscReassignPrep   *esc_reassign_prep_new  (EscReassignInput          *input,
                                           const EscReassignSettings *settings);
void               esc_reassign_prep_free (EscReassignPrep *prep);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscReassignPrep, esc_reassign_prep_free)

/* Ranking score of candidate @c for group @g with @available hours, the moved-today
 * term set when @moved_today. */
void   esc_reassign_score_candidate (EscReassignPrep  *prep,
                                     guint             c,
                                     guint             g,
                                     double            available,
                                     gboolean          moved_today,
                                     EscReassignScore *score);
/* Score of employee @e backfilling on @team with @capacity against @hours. */
void   esc_reassign_score_backfill  (EscReassignPrep  *prep,
                                     guint             e,
                                     const char       *team,
                                     double            capacity,
                                     double            hours,
                                     gboolean          moved_today,
                                     EscReassignScore *score);
/* TRUE when employee @e may backfill the hours candidate @c leaves behind. */
gboolean esc_reassign_can_backfill  (EscReassignPrep  *prep,
                                     guint             e,
                                     guint             c);

/* A result with the prep's groups (copied, without options or coverage). */
EscReassignResult *esc_reassign_result_new_for_prep (EscReassignPrep *prep,
                                                     EscReassignMode  mode);
EscReassignMove   *esc_reassign_move_new  (EscReassignPrep *prep,
                                           guint            c,
                                           guint            g);
EscReassignOption *esc_reassign_option_new_candidate (EscReassignPrep        *prep,
                                                      guint                   c,
                                                      double                  available,
                                                      const EscReassignScore *score);
EscReassignOption *esc_reassign_option_new_backfill  (EscReassignPrep        *prep,
                                                      guint                   e,
                                                      double                  capacity,
                                                      const EscReassignScore *score);
void   esc_reassign_option_free (gpointer option);
void   esc_reassign_move_free   (gpointer move);
/* Orders of the rankings (qsort-style on EscReassignOption **). */
int    esc_reassign_compare_candidate_options (gconstpointer a, gconstpointer b);
int    esc_reassign_compare_backfill_options  (gconstpointer a, gconstpointer b);

/* Scores every move and backfill of @result by the plan rules (esc-reassign.h) and
 * fills its totals and the groups' coverage. */
void   esc_reassign_evaluate (EscReassignPrep   *prep,
                              EscReassignResult *result);

/* The two modes. */
EscReassignResult *esc_reassign_solve_greedy  (EscReassignPrep *prep,
                                               GCancellable    *cancellable,
                                               GError         **error);
/* Solves the model; @greedy is the greedy's plan on the same prep (the floor). */
EscReassignResult *esc_reassign_solve_optimal (EscReassignPrep   *prep,
                                               EscReassignResult *greedy,
                                               GCancellable      *cancellable,
                                               GError           **error);

/* Hours rounded to the millionth, so sums of hundredths stay clean. */
double esc_reassign_round_hours (double hours);

G_END_DECLS
