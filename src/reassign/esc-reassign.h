/* esc-reassign.h: the reassignment scorer: moves to priority work, trainee backfill.
 *
 * reassignment.md is the contract. In short: open staffing requests, grouped by team and
 * category, are served in descending composite priority; for each, the assignments that
 * may be moved are ranked by a score whose every term is kept (the breakdown); the
 * greedy allocation takes them in order until the hours are covered, and every move is
 * backfilled by employees with spare capacity, trainees first. An optimal mode
 * (esc-reassign-optimal.c) chooses moves and backfills together with one GLPK model.
 *
 * Input: an immutable snapshot (EscReassignInput) taken from a project, or built by
 * hand (tests, benchmarks); runs never touch the project, so they can go to a worker
 * thread (esc_reassign_run_async()).
 *
 * Decisions where the contract is silent:
 * - Reading a project: a blank full_time counts as full-time, a blank trainee as no, a
 *   blank spare_capacity, hours_4w or hours_12w as 0; ids, teams, categories and
 *   employees of requests and assignments must be given.
 * - Open requests: stage blank, new, in_implementation or delayed (on_hold and done are
 *   left out), hours > 0, not excluded. A blank created date counts as today; blank
 *   priority as 0. The need of a request is round(hours x factor, 0.01) where the factor
 *   is reassign_implementation_factor for in_implementation and delayed, else 1.
 * - A group (team, category; categories compare ignoring case) needs the sum of its
 *   requests' needs, its composite is the highest of theirs, its risk-mitigation list is
 *   the union of theirs. Groups are served by category, the category of the highest
 *   composite first; within a category by descending composite, then team.
 * - A team's members are the employees with an assignment on it (any position); "the
 *   only worker" is a member of a team of one. When a member is both the only worker and
 *   the risk resource, the single-member penalty applies (one penalty, "instead").
 * - Candidates are the assignments of reassignment.md ("Who may be moved"), read as: the
 *   employee is in the Employee table and holds the skill; a blank position counts as
 *   worker; eligible_for_trainee must be yes (blank is no); "in the history" means the
 *   assignment id appears in the Move table on any date. Not a candidate either: an
 *   assignment on the requesting team in the requested category (the move would go
 *   nowhere) and an assignment with no available hours (floor(hours_12w) = 0).
 * - Available hours start at floor(hours_12w); a partial move leaves the rest available
 *   to later requests (the greedy's run history), a whole move uses the assignment up.
 * - The hours-match term compares the candidate's available hours at the time it is
 *   ranked with the group's need. "Moved today": the employee has a Move row dated today,
 *   or was moved earlier in this run; backfilling is not a move. Ranking ties: part-time
 *   first, then more hours over 12 weeks, then assignment id.
 * - The team terms of a backfill are those of the team left behind; its risk-mitigation
 *   resources are those of all the open groups of that team.
 * - Backfill: employees with spare capacity > reassign_backfill_min_capacity, holding
 *   the skill of the category left behind, not excluded, not the moved employee; ranked
 *   trainees first, then earlier start date (blank last), more remaining capacity, higher
 *   score, id. Their score uses the same terms for the team left behind (member of it,
 *   its risk-mitigation resources, part-time, capacity within the tolerance of the hours
 *   still to backfill, moved today). Hours are taken in order until the moved hours are
 *   covered, from at most reassign_backfill_max_tries employees; each one's capacity
 *   drops by what it gives.
 *
 * The value of a plan (the same function scores greedy and optimal plans, and is the
 * optimal model's objective):
 *
 *   value = sum over moves      (P + s_move) x covered hours
 *         + sum over backfills  (P + s_backfill) x counted hours
 *
 * where P = reassign_covered_hour_points. The backfilled hours of an assignment count up
 * to the hours of requests it covered, the best-scoring backfills first (and only where
 * P + s_backfill > 0): hours a whole move carries beyond the need (the third branch) are
 * backfilled like the others but count nothing, so a plan gains nothing from moving
 * hours nobody asked for. The plan scores are fixed by the input, not by the order the
 * greedy happened to work in:
 *   s_move     = part-time term + hours-match term (the assignment's initial available
 *                hours against the group's need) + team term + moved-today term (a Move
 *                row dated today);
 *   s_backfill = part-time term + hours-match term (the employee's initial spare
 *                capacity against the moved assignment's initial available hours) + team
 *                term (team left behind) + moved-today term (a Move row dated today).
 * "Moved earlier in this run" belongs to the greedy's sequence: it ranks the greedy's
 * candidates but is not part of a plan's value, which has no order. (Counting it as
 * "another move of the same employee in the plan" was tried: it needs a binary and a
 * weak product per move and backfill, and GLPK then took 8 s for 50 employees and could
 * not prove 150 optimal in a minute, where without it 400 employees take 2 s.)
 * The options lists show the ranking scores the greedy used at the time; a move shows
 * its plan score. "score" in the totals is the value without P: the sum of plan score x
 * hours over covered and counted backfilled hours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/esc-command.h"
#include "core/esc-project.h"
#include "esc-reassign-error.h"
#include "esc-reassign-settings.h"

G_BEGIN_DECLS

typedef enum
{
  ESC_REASSIGN_GREEDY,
  ESC_REASSIGN_OPTIMAL,
} EscReassignMode;

const char *esc_reassign_mode_to_string   (EscReassignMode mode);  /* "greedy", "optimal" */
gboolean    esc_reassign_mode_from_string (const char      *text,
                                           EscReassignMode *mode);

/* The score terms, in breakdown order. */
typedef enum
{
  ESC_REASSIGN_TERM_PART_TIME,      /* part-time (or full-time) points */
  ESC_REASSIGN_TERM_HOURS_MATCH,    /* available hours within the tolerance of the need */
  ESC_REASSIGN_TERM_TEAM_MEMBER,    /* already a member of the requesting team */
  ESC_REASSIGN_TERM_SINGLE_MEMBER,  /* ... the only worker on it (instead of member) */
  ESC_REASSIGN_TERM_RISK_RESOURCE,  /* ... its risk-mitigation resource (instead) */
  ESC_REASSIGN_TERM_MOVED_TODAY,    /* already moved today */
  ESC_REASSIGN_N_TERMS
} EscReassignTerm;

const char *esc_reassign_term_key   (EscReassignTerm term);  /* "part_time" */
const char *esc_reassign_term_title (EscReassignTerm term);  /* translated heading */

/* A score with its breakdown: every term, 0 where it does not apply. */
typedef struct
{
  double points[ESC_REASSIGN_N_TERMS];
} EscReassignScore;

double      esc_reassign_score_total (const EscReassignScore *score);
/* "6 = Part-time 4 + Hours match 2" (translated titles; terms that are 0 left out). */
char       *esc_reassign_score_describe (const EscReassignScore *score);

/* Hours and points as short text: 2 decimals at most, no trailing zeros ("6.5", "12"). */
char       *esc_reassign_format_number (double value);

/* Input ---------------------------------------------------------------------------- */

typedef struct _EscReassignInput EscReassignInput;

EscReassignInput *esc_reassign_input_new         (EscJulian today);
/* Reads the Request, Assignment, Employee, Exclusion and Move tables of @project. A
 * cell the scorer needs that does not parse is an ESC_REASSIGN_ERROR_INPUT naming the
 * table, row and column. */
EscReassignInput *esc_reassign_input_new_from_project (EscProject *project,
                                                       EscJulian   today,
                                                       GError    **error);
EscReassignInput *esc_reassign_input_ref         (EscReassignInput *self);
void              esc_reassign_input_unref       (EscReassignInput *self);
EscJulian         esc_reassign_input_get_today   (EscReassignInput *self);
/* The project generation the snapshot was taken at (0 when built by hand). */
guint64           esc_reassign_input_get_generation (EscReassignInput *self);

/* Building by hand. Strings are copied; lists are comma separated. @created and
 * @start_date may be 0 (unknown); @stage and @position may be NULL (new, worker). */
void esc_reassign_input_add_request    (EscReassignInput *self,
                                        const char       *id,
                                        const char       *team,
                                        const char       *category,
                                        double            hours,
                                        double            priority,
                                        EscJulian         created,
                                        const char       *stage,
                                        const char       *risk_resources);
void esc_reassign_input_add_assignment (EscReassignInput *self,
                                        const char       *id,
                                        const char       *employee,
                                        const char       *team,
                                        const char       *category,
                                        const char       *position,
                                        double            hours_4w,
                                        double            hours_12w,
                                        gboolean          eligible_for_trainee);
void esc_reassign_input_add_employee   (EscReassignInput *self,
                                        const char       *id,
                                        const char       *skills,
                                        gboolean          full_time,
                                        gboolean          trainee,
                                        EscJulian         start_date,
                                        double            spare_capacity);
void esc_reassign_input_add_history    (EscReassignInput *self,
                                        const char       *assignment,
                                        const char       *employee,
                                        const char       *old_team,
                                        const char       *new_team,
                                        EscJulian         date,
                                        double            hours);
void esc_reassign_input_exclude_request  (EscReassignInput *self,
                                          const char       *request_id);
void esc_reassign_input_exclude_employee (EscReassignInput *self,
                                          const char       *employee_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscReassignInput, esc_reassign_input_unref)

/* Result --------------------------------------------------------------------------- */

/* One candidate of a request (assignment != NULL) or of a backfill (assignment NULL). */
typedef struct
{
  guint            rank;           /* 1-based position in the ranking */
  char            *employee;
  char            *assignment;     /* moves: the assignment; backfill: NULL */
  char            *team;           /* moves: the assignment's team; backfill: NULL */
  char            *category;       /* moves: the assignment's category; backfill: NULL */
  double           available;      /* moves: available hours; backfill: spare capacity */
  double           hours_12w;      /* moves only */
  gboolean         part_time;
  gboolean         trainee;
  EscJulian        start_date;     /* 0 when unknown */
  EscReassignScore score;          /* the ranking score, term by term */
  double           chosen_hours;   /* hours the plan takes from it (0: not taken) */

  /*< private >*/
  guint            index;          /* candidate (moves) or employee (backfill) index */
} EscReassignOption;

/* A served group of requests (one team, one category). */
typedef struct
{
  char      *key;              /* "team/category" */
  char      *team;
  char      *category;
  char     **request_ids;      /* the grouped requests, NULL-terminated */
  char     **risk_resources;   /* their risk-mitigation resources, NULL-terminated */
  double     requested_hours;  /* sum of the requests' hours */
  double     needed_hours;     /* with the implementation factor */
  double     composite;        /* priority + normalised age, the highest of the group */
  double     covered_hours;    /* by the plan */
  guint      n_candidates;     /* candidates when it was served */
  GPtrArray *options;          /* EscReassignOption: the top options, best first */
} EscReassignGroup;

typedef struct
{
  char            *employee;
  double           hours;
  EscReassignScore score;      /* plan score */

  /*< private >*/
  guint            employee_index;
} EscReassignBackfill;

typedef struct
{
  guint            group;            /* index into EscReassignResult.groups */
  char            *employee;
  char            *assignment;
  char            *from_team;
  char            *from_category;
  char            *to_team;
  char            *to_category;
  double           hours;            /* hours moved */
  double           covered_hours;    /* of the group's need (< hours when it overshoots) */
  gboolean         used_up;          /* the assignment has no hours left */
  EscReassignScore score;            /* plan score */
  GPtrArray       *backfills;        /* EscReassignBackfill, in the order taken */
  double           backfilled_hours;
  GPtrArray       *backfill_options; /* EscReassignOption: the top backfill options */

  /*< private >*/
  guint            candidate;
} EscReassignMove;

/* Capacity per employee, for the day-over-day comparison. */
typedef struct
{
  char   *employee;
  double  spare_capacity;   /* backfill capacity (Employee table) */
  double  available_hours;  /* sum of floor(hours_12w) over assignments that may move */
} EscReassignCapacity;

typedef struct
{
  double needed_hours;      /* of the served groups */
  double covered_hours;
  double moved_hours;
  double backfilled_hours;
  double score;             /* sum of plan score x hours (covered, counted backfilled) */
  double value;             /* the plan value (objective), see above */
  guint  n_moves;
  guint  n_backfills;
} EscReassignTotals;

typedef struct
{
  EscReassignMode     mode;
  EscJulian           today;
  guint64             generation;    /* of the input snapshot */
  EscReassignSettings settings;
  GPtrArray          *categories;    /* char *, in the order served */
  GPtrArray          *groups;        /* EscReassignGroup, in the order served */
  GPtrArray          *moves;         /* EscReassignMove, by group in serving order */
  GPtrArray          *capacities;    /* EscReassignCapacity, by employee id */
  GPtrArray          *notes;         /* char *: translated remarks about the run */
  EscReassignTotals   totals;

  /* Optimal mode only: the greedy's plan on the same data and how the model ended. */
  gboolean            has_greedy;
  EscReassignTotals   greedy;
  gboolean            proven_optimal;
  gboolean            kept_greedy;   /* the model found nothing better: greedy's plan */
  double              seconds;

  /*< private >*/
  gatomicrefcount     ref_count;
} EscReassignResult;

GType              esc_reassign_result_get_type (void) G_GNUC_CONST;
EscReassignResult *esc_reassign_result_ref   (EscReassignResult *self);
void               esc_reassign_result_unref (EscReassignResult *self);

/* The moves (borrowed EscReassignMove) and groups of one category, in order. */
GPtrArray *esc_reassign_result_get_moves_for_category  (EscReassignResult *self,
                                                        const char        *category);
GPtrArray *esc_reassign_result_get_groups_for_category (EscReassignResult *self,
                                                        const char        *category);

/* A translated one-line summary: "Covered 38 of 45 hours with 6 moves; ..." and, in the
 * optimal mode, "optimal covers X more hours and scores Y more than greedy". */
char      *esc_reassign_result_describe (EscReassignResult *self);

/* The command that appends the plan's moves to the Move table (assignment, employee,
 * old team, new team, date = the run's day, hours); NULL when there are none. */
EscCommand *esc_reassign_result_accept (EscReassignResult *self,
                                        EscProject        *project);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscReassignResult, esc_reassign_result_unref)

/* Running ---------------------------------------------------------------------------- */

/* Runs the scorer. Optimal runs the greedy first (to compare and as a floor: when the
 * model finds nothing better, the greedy's plan is kept, so the optimal value is never
 * below it). Cancellation gives G_IO_ERROR_CANCELLED. */
EscReassignResult *esc_reassign_run        (EscReassignInput          *input,
                                            const EscReassignSettings *settings,
                                            EscReassignMode            mode,
                                            GCancellable              *cancellable,
                                            GError                   **error);
/* The same on a worker thread; @input is referenced and @settings copied. */
void               esc_reassign_run_async  (EscReassignInput          *input,
                                            const EscReassignSettings *settings,
                                            EscReassignMode            mode,
                                            GCancellable              *cancellable,
                                            GAsyncReadyCallback        callback,
                                            gpointer                   user_data);
EscReassignResult *esc_reassign_run_finish (GAsyncResult              *result,
                                            GError                   **error);

/* From the schedule -------------------------------------------------------------------- */

/* Assignments derived from worked hours: per employee, store and role, the hours in
 * [today - 28, today - 1] / 4 and [today - 84, today - 1] / 12 from the work rows of the
 * Allocation table and the PreviousAllocation rows (which take the employee's store and
 * role; an employee-day present in the Allocation table is not counted twice). Rows
 * are "<employee>@<store>/<role>", category = role, position worker, eligible for a
 * trainee; existing rows with the same ids are replaced. NULL (and no error) when there
 * are no hours in the window; NULL with @error when a needed cell does not parse. */
EscCommand *esc_reassign_derive_assignments (EscProject *project,
                                             EscJulian   today,
                                             GError    **error);

/* Requests from the shortages of the schedule: one per store and role of the `extra`
 * rows of the Allocation table, id "extra:<store>/<role>", team = store, category = role,
 * hours = missing staff-hours per week (sum of missing x duration over the horizon,
 * divided by its weeks), stage new. The duration of a row is finish - start, or its
 * shift's hours when the row gives dates only. Existing rows with the same ids are
 * replaced. NULL (and no error) when there are no shortages. */
EscCommand *esc_reassign_requests_from_extras (EscProject *project,
                                               GError    **error);

G_END_DECLS
