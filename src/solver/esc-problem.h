/* esc-problem.h: the immutable, dense description of a scheduling problem.
 *
 * Compiled from a project (esc_problem_new_from_project) on the main thread; read by the
 * model builder, the heuristics, the checker and the outputs from any thread; never
 * changed after it is compiled. All times are absolute minutes (EscInstant relative to
 * day 0 of the horizon: day d starts at d * 1440), so a shift crossing midnight simply
 * ends after (d + 1) * 1440.
 *
 * What each field means is the contract between the compiler, the model builder and the
 * checker: the compiler turns the project's text into facts; the model and the checker
 * each enforce the rules of scheduling.md on those facts, independently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/esc-project.h"

G_BEGIN_DECLS

#define ESC_NONE (-1)

/* The error domain of src/solver. */
#define ESC_SOLVER_ERROR (esc_solver_error_quark ())

typedef enum
{
  ESC_SOLVER_ERROR_INVALID,      /* the project cannot be compiled (validation errors, ...) */
  ESC_SOLVER_ERROR_INFEASIBLE,   /* hard rules conflict */
  ESC_SOLVER_ERROR_CANCELLED,    /* stopped by the user */
  ESC_SOLVER_ERROR_FAILED,       /* anything else (the MIP solver failed) */
} EscSolverError;

GQuark esc_solver_error_quark (void);

/* A kind of work: a row of the Shift table, or a window written in a pattern (those get
 * the window text as id, e.g. "08:00 - 16:00"). */
typedef struct
{
  char *id;
  int start;          /* minutes since midnight, ESC_NONE when the shift has no clock times */
  int end;            /* > start (may exceed 1440), ESC_NONE without clock times */
  int net_minutes;    /* paid minutes: window minus break (break rule), or hours column */
  gboolean from_pattern;
} EscProblemShift;

/* A pattern (jornada): for each weekday, the shifts allowed that day (empty: no work). */
typedef struct
{
  char *id;
  GArray *allowed[ESC_N_WEEKDAYS];  /* of int: indices into shifts */
} EscProblemPattern;

/* One thing an employee may do on one day: work one shift. */
typedef struct
{
  int shift;            /* index into shifts */
  EscInstant start;     /* absolute minutes; for shifts without clock times: d * 1440 */
  EscInstant end;       /* absolute; without clock times: start + net_minutes */
  int net_minutes;
  guint32 pattern_mask; /* bit i: the employee's i-th pattern allows this on this weekday */
  int employee;         /* addition: index into employees (whose options these are) */
  int day;              /* addition: the day index d */
} EscProblemOption;

typedef enum
{
  ESC_WISH_PREFER,      /* likes shift (on date or any day): +weight when worked */
  ESC_WISH_DAY_OFF,     /* asks day off: +weight when not working that day */
  ESC_WISH_SHIFT_ON,    /* asks shift on day: +weight when worked */
  ESC_WISH_SHIFT_OFF,   /* asks not shift on day: +weight when not worked */
} EscWishKind;

typedef struct
{
  EscWishKind kind;
  int day;              /* day index, ESC_NONE for every day */
  int shift;            /* shift index, ESC_NONE for any shift */
  double weight;
} EscProblemWish;

typedef struct
{
  int day;              /* day index, ESC_NONE for every day */
  int shift;            /* shift index, ESC_NONE for every shift */
} EscProblemBan;

typedef struct
{
  char *id;
  char *name;
  int store;                       /* index into store_ids */
  int role;                        /* index into role_ids */
  int group;                       /* index into groups: its (store, role) */
  int weekly_max_minutes;          /* net minutes per planning week at most */
  int max_consecutive_days;        /* default 6 */
  int max_consecutive_limited;     /* worked limited weekdays in a row at most; ESC_NONE: no limit */
  EscWeekday limited_weekday;      /* default ESC_SUN */
  int preferred_rest;              /* weekday or ESC_NONE */
  int compensation_deadline;       /* days; ESC_NONE: no compensation rule */
  int min_minutes, max_minutes;    /* over the horizon; ESC_NONE when not given */
  int max_rest_days;               /* ESC_NONE when not given */
  int min_consecutive_days;        /* ESC_NONE when not given */
  int min_consecutive_off;         /* ESC_NONE when not given */
  int max_weekends;                /* ESC_NONE when not given */
  int *max_shift_count;            /* n_shifts entries, ESC_NONE: no limit */

  guint n_patterns;                /* at most 32 */
  int *patterns;                   /* indices into patterns */

  GArray *leave;                   /* EscInterval, absolute minutes relative to day 0, sorted
                                      by start; only intervals that touch the horizon */
  GArray *bans;                    /* EscProblemBan (hard) */
  GArray *wishes;                  /* EscProblemWish (soft) */

  /* History (PreviousAllocation) before day 0. */
  int history_consecutive_days;    /* days worked in a row ending on day -1 */
  int history_consecutive_limited; /* limited weekdays worked in a row before day 0
                                      (each such weekday of the history, newest first,
                                      until one was not worked) */
  int history_week_minutes;        /* minutes worked in the planning week of day 0 before it */
  int history_week_days;           /* days of that week before day 0 */
  GArray *pending_compensations;   /* int: deadline day index (may be < 0 or >= n_days) of
                                      each holiday worked in the history not yet compensated
                                      by a "C" day */
  EscInstant history_last_end;     /* end of the last worked shift before day 0 when known,
                                      else ESC_NONE (history has hours only) */

  /* Options: options[day_offset[d] .. day_offset[d + 1]) are what the employee may do on
   * day d, already filtered by pattern weekdays, leave, bans, store/role demand days
   * (rule 2) and the stores/roles to plan. */
  guint *day_offset;               /* n_days + 1 entries into the problem's options */

  /* Pins: allocation rows marked pinned in the project's schedule. On a pinned day the
   * employee's only option is the pinned one, and it must be worked (the model fixes
   * it; the heuristic starts from it). n_days entries: the option index, or ESC_NONE;
   * a pin whose shift is not an option that day (leave, pattern, demand) is ignored
   * here and left to the checker. */
  int *pinned;
} EscProblemEmployee;

/* A (store, role) pair: the unit of decomposition. */
typedef struct
{
  int store;
  int role;
  GArray *employees;               /* int: employee indices */
  gboolean *demand_day;            /* n_days: a Demand row exists that day (rule 2) */
} EscProblemGroup;

/* Coverage of a time window: compressed slots, every option either contains a slot or
 * does not overlap it. */
typedef struct
{
  int group;
  int day;                         /* the day whose demand row produced the slot */
  EscInstant start, end;           /* absolute minutes */
  int required;                    /* staff needed (max of overlapping demand rows) */
  double under_weight, over_weight;
} EscProblemSlot;

/* Coverage asked per shift id (rostering data without clock times). */
typedef struct
{
  int group;
  int day;
  int shift;
  int required;
  double under_weight, over_weight;
} EscProblemShiftDemand;

typedef struct
{
  int first;                       /* shift index */
  int next;                        /* shift index that may not follow on the next day */
} EscProblemSequence;

typedef struct _EscProblem EscProblem;

struct _EscProblem
{
  gatomicrefcount ref_count;
  guint64 generation;              /* which edit of the project this was compiled from */
  /* The horizon. */
  EscJulian start_julian;
  int n_days;
  EscWeekday first_day_of_week;
  int *week_of_day;                /* n_days: planning week index, 0 = week of day 0 */
  int n_weeks;
  int granularity;                 /* minutes */
  int min_rest_minutes;            /* between the end of one shift and the next start */
  EscWeekdaySet priority_weekdays;
  GArray *priority_ranges;         /* EscDayRange */
  gboolean *priority_day;          /* n_days: day counts for priority_working_days */

  /* Names, for outputs. */
  GPtrArray *store_ids, *role_ids;
  gboolean *store_holiday;         /* n_stores * n_days: day d is a holiday at store s */

  GPtrArray *shifts;               /* EscProblemShift* */
  GPtrArray *patterns;             /* EscProblemPattern* */
  GPtrArray *employees;            /* EscProblemEmployee* */
  GPtrArray *groups;               /* EscProblemGroup* */
  GArray *options;                 /* EscProblemOption */
  GArray *slots;                   /* EscProblemSlot, sorted by group, day, start */
  GArray *shift_demands;           /* EscProblemShiftDemand */
  GArray *sequences;               /* EscProblemSequence (explicit, not the rest rule) */

  /* Objectives: levels in order; each level a weighted sum of objective terms. */
  GPtrArray *levels;               /* EscObjectiveLevel* */

  double max_seconds;              /* max_solution_time */
  double improvement_wait;         /* max_solution_improvement_wait */

  /* Additions: lookups by id (use the functions below). */
  GHashTable *employee_index;      /* id -> index + 1 */
  GHashTable *shift_index;         /* id -> index + 1 */
};

typedef enum
{
  ESC_OBJ_DEMAND_FULFILLMENT,      /* min under-coverage staff-minutes (weighted) */
  ESC_OBJ_HOLIDAY_COMPENSATION,    /* max compensations granted */
  ESC_OBJ_PRIORITY_WORKING_DAYS,   /* max staff-minutes on priority days */
  ESC_OBJ_WORKING_DAYS,            /* max days worked */
  ESC_OBJ_PREFERABLE_RESTS,        /* max rests on preferred weekday */
  ESC_OBJ_WORKFORCE_BALANCE,       /* min sum over groups of (max - min) daily headcount */
  ESC_OBJ_WORKING_HOURS,           /* max net minutes */
  ESC_OBJ_MIN_HOURS,               /* min net minutes */
  ESC_OBJ_PREFERENCES,             /* max weighted wishes met */
  ESC_OBJ_OVER_COVERAGE,           /* min over-coverage staff-minutes (weighted) */
  ESC_N_OBJECTIVES
} EscObjective;

typedef struct
{
  char *text;                      /* as written: "demand_fulfillment*100+over_coverage" */
  double weight[ESC_N_OBJECTIVES]; /* 0 = not in this level */
} EscObjectiveLevel;

/* Every objective is reported as a value to MINIMISE: maximised objectives are negated
 * inside a level ("min  100*unmet - preferences"). */
const char *esc_objective_name (EscObjective objective);
gboolean    esc_objective_is_maximised (EscObjective objective);
/* Parses "a, b*3+c" into levels; error names the unknown objective. A term is a name,
 * "name*w" or "w*name" (w a number >= 0); NULL or blank text gives the default order
 * (esc_schema_get_default_objectives). Each objective may appear once in all. Returns
 * an array of EscObjectiveLevel* that frees them. */
GPtrArray  *esc_objective_parse_levels (const char *text, GError **error);

/* Compiles the project. Fails (with a message naming table, row, column) when the
 * project has validation errors or lacks a start date. The result is immutable. */
EscProblem *esc_problem_new_from_project (EscProject *project, GError **error);
EscProblem *esc_problem_ref (EscProblem *problem);
void        esc_problem_unref (EscProblem *problem);

/* Additions. */
/* @t rounded to the nearest multiple of granularity (halves round up), on the grid that
 * starts at 00:00 of day 0. Coverage is measured on rounded option times. */
EscInstant  esc_problem_round (const EscProblem *problem, EscInstant t);
/* TRUE when @option counts towards @slot: the option's employee is in the slot's group,
 * its shift has clock times and its rounded [start, end) contains the slot. (Every
 * option of the group either contains a slot or does not overlap it.) */
gboolean    esc_problem_option_covers_slot (const EscProblem *problem,
                                            const EscProblemOption *option,
                                            const EscProblemSlot *slot);
/* Index of the employee / shift with this id, or ESC_NONE. */
int         esc_problem_find_employee (const EscProblem *problem, const char *id);
int         esc_problem_find_shift (const EscProblem *problem, const char *id);

/* Convenience accessors. */
static inline EscProblemEmployee *
esc_problem_get_employee (const EscProblem *problem, guint e)
{
  return g_ptr_array_index (problem->employees, e);
}

static inline const EscProblemOption *
esc_problem_get_option (const EscProblem *problem, guint o)
{
  return &g_array_index (problem->options, EscProblemOption, o);
}

static inline const EscProblemShift *
esc_problem_get_shift (const EscProblem *problem, guint s)
{
  return g_ptr_array_index (problem->shifts, s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscProblem, esc_problem_unref)

G_END_DECLS
