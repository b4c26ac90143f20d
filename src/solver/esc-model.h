/* esc-model.h: the GLPK model of one (store, role) group, or of some of its employees.
 *
 * A model is a MILP (a glp_prob built through the C API) over the facts of an EscProblem:
 * one binary column per option of each model employee (x), plus the columns that the
 * hard rules and the objectives need (pattern choice per week, compensation assignment,
 * coverage slack, weekend indicators, headcount max/min). Every hard rule of
 * scheduling.md section 3 is a family of rows; every objective of section 4 is a linear
 * expression over the columns (plus a constant), so any level (a weighted sum of
 * objectives) is a linear objective, and a level can be fixed by one more row.
 * src/solver/README.md describes the rows.
 *
 * The employees of the group left out of the model (a neighbourhood, a greedy step) can
 * be given as a fixed schedule: their work then counts as constants in the coverage and
 * headcount rows. Their own objective terms (hours, preferences, ...) are not counted.
 *
 * A model belongs to the thread that created it: GLPK keeps its memory per thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glpk.h>

#include "esc-schedule.h"

G_BEGIN_DECLS

/* The families of hard-rule rows that may be switched off or made elastic (to find out
 * why a problem is infeasible). The structural rows (one option a day, one pattern a
 * week, compensation only for worked holidays) are always hard. */
typedef enum
{
  ESC_MODEL_RULE_WEEKLY_HOURS,
  ESC_MODEL_RULE_CONSECUTIVE_DAYS,
  ESC_MODEL_RULE_CONSECUTIVE_LIMITED,
  ESC_MODEL_RULE_COMPENSATION,        /* worked holidays compensated by a deadline inside the horizon */
  ESC_MODEL_RULE_SEQUENCE,
  ESC_MODEL_RULE_MIN_REST,            /* also after history_last_end */
  ESC_MODEL_RULE_MIN_HOURS,
  ESC_MODEL_RULE_MAX_HOURS,
  ESC_MODEL_RULE_MAX_REST_DAYS,
  ESC_MODEL_RULE_MIN_CONSECUTIVE_DAYS,
  ESC_MODEL_RULE_MIN_CONSECUTIVE_OFF,
  ESC_MODEL_RULE_MAX_WEEKENDS,
  ESC_MODEL_RULE_SHIFT_COUNT,
  ESC_MODEL_N_RULES
} EscModelRule;

typedef enum
{
  ESC_MODEL_RULE_HARD = 0,   /* the rows hold */
  ESC_MODEL_RULE_ELASTIC,    /* each row gets a slack column, see esc_model_set_elastic_objective */
  ESC_MODEL_RULE_OFF,        /* no rows */
} EscModelRuleMode;

typedef struct
{
  int group;                        /* index into problem->groups */
  const int *employees;             /* model employees (problem indices, all of @group);
                                       NULL: every employee of the group */
  guint n_employees;
  const EscSchedule *fixed;         /* the work of the group's other employees, counted as
                                       constants in coverage and headcount; NULL: they do
                                       not work */
  gboolean rules_only;              /* no coverage, headcount nor objective columns: for
                                       feasibility and infeasibility analysis */
  EscModelRuleMode rule_mode[ESC_MODEL_N_RULES];  /* zero-initialised: all hard */
} EscModelSpec;

/* A row of an elastic family whose slack is positive: what it says, for explanations. */
typedef struct
{
  EscModelRule rule;
  int employee;       /* index into problem->employees */
  int first_day;      /* the days the row is about (may be -1 for history) */
  int last_day;
  int limit;          /* the limit of the rule for this row (minutes, days or counts) */
  int aux;            /* rule specific: history minutes or days counted in the row; the
                         holiday day (ESC_NONE for a pending one) for COMPENSATION; the
                         shift index for SHIFT_COUNT and SEQUENCE */
  double amount;      /* the slack: how far the row is broken (minutes, days, counts) */
} EscModelViolation;

typedef struct _EscModel EscModel;

EscModel   *esc_model_new              (EscProblem *problem, const EscModelSpec *spec);
void        esc_model_free             (EscModel *self);

glp_prob   *esc_model_get_prob         (EscModel *self);
EscProblem *esc_model_get_problem      (EscModel *self);
int         esc_model_get_group        (EscModel *self);
int         esc_model_get_n_cols       (EscModel *self);
guint       esc_model_get_n_employees  (EscModel *self);
int         esc_model_get_employee     (EscModel *self, guint i);
/* Number of rows the model has for @rule (0 when the employees have no such limit or it
 * can never bind). */
guint       esc_model_count_rule_rows  (EscModel *self, EscModelRule rule);

/* The GLPK column of option @option (an option of a model employee), 1-based. */
int         esc_model_option_column    (EscModel *self, guint option);

/* Objectives. esc_model_set_objective() makes @level the objective to minimise (maximised
 * objectives negated, as esc-evaluate.h defines the level). The coefficients are scaled
 * by the smallest factor that makes them integral when one exists, so that GLPK can round
 * its bounds; the returned scale maps GLPK's objective to the level's value
 * (value = glpk_objective / scale). */
double      esc_model_set_objective    (EscModel *self, const EscObjectiveLevel *level);
/* Minimise the sum of the slack of the elastic rows. */
void        esc_model_set_elastic_objective (EscModel *self);
/* TRUE when @level has no column in this model (its value is a constant). */
gboolean    esc_model_level_is_constant (EscModel *self, const EscObjectiveLevel *level);
/* The value of @objective (natural sense) or of @level (to minimise) at the column values
 * @x (1-based, n_cols + 1 entries), for the model's employees and group. */
double      esc_model_objective_value  (EscModel *self, EscObjective objective, const double *x);
double      esc_model_level_value      (EscModel *self, const EscObjectiveLevel *level,
                                        const double *x);
/* The coverage rows (one per slot or shift demand of the group with a positive weight,
 * in the order of problem->slots then problem->shift_demands): the staff @required
 * (minus the fixed employees' work) and the options covering it, written to @options
 * (may be NULL; as many entries as returned). */
guint       esc_model_get_n_covers     (EscModel *self);
guint       esc_model_get_cover        (EscModel *self, guint i, int *required, int *options);
/* The model employee (0 .. n_employees - 1) whose column @col is (options, patterns,
 * compensations, weekends, elastic slack of their rows), or -1 for the group's columns
 * (coverage, headcount). Every row whose columns all belong to one employee is that
 * employee's; the others (coverage, headcount, level rows) link the employees. */
int         esc_model_column_employee  (EscModel *self, int col);
/* The option of GLPK column @col, or ESC_NONE when it is not an option column. */
int         esc_model_column_option    (EscModel *self, int col);
/* @level as a sum a local search can evaluate without GLPK: @constant, plus a cost per
 * worked option (@option_cost, indexed by problem option, set for the model's employees),
 * plus per coverage row i a cost per staff short (@under_cost[i]) and per staff over
 * (@over_cost[i]), in the level's units (to minimise). FALSE when the level also has
 * terms on other columns (compensations, headcount balance): then it is not such a sum. */
gboolean    esc_model_level_costs      (EscModel *self, const EscObjectiveLevel *level,
                                        double *constant, double *option_cost,
                                        double *under_cost, double *over_cost);
/* Adds the row "level <= value + tol", tol = 1e-6 * max (1, |value|): the hierarchy. */
void        esc_model_add_level_bound  (EscModel *self, const EscObjectiveLevel *level,
                                        double value);

/* Column vectors (1-based, n_cols + 1 entries). */
double     *esc_model_new_vector       (EscModel *self);
/* Fills @x from the schedule's choices of the model employees, and every other column
 * with the tightest value the rows allow (compensations matched to the flagged days first,
 * then to any free day). Returns esc_model_vector_is_feasible(). */
gboolean    esc_model_vector_from_schedule (EscModel *self, const EscSchedule *schedule,
                                            double *x);
/* Writes the choices and compensation flags of the model employees into @schedule. */
void        esc_model_vector_to_schedule (EscModel *self, const double *x, EscSchedule *schedule);
/* Every row and bound holds at @x within @tol, and integer columns are integral. */
gboolean    esc_model_vector_is_feasible (EscModel *self, const double *x, double tol);
/* The MIP solution of the GLPK problem, integer columns rounded. */
void        esc_model_get_mip_vector   (EscModel *self, double *x);

/* Neighbourhoods (for fix-and-optimize): fixes the option columns of every (model
 * employee, day) for which @is_free returns FALSE to the schedule's choice; unfix undoes
 * every such fixing. */
typedef gboolean (*EscModelCellFunc) (int employee, int day, gpointer user_data);
void        esc_model_fix_options      (EscModel *self, const EscSchedule *schedule,
                                        EscModelCellFunc is_free, gpointer user_data);
void        esc_model_unfix_options    (EscModel *self);

/* Restricted problems (for neighbourhoods): a new GLPK problem over the columns of @self
 * that are free in a neighbourhood, everything else fixed at @x (a legal vector; when
 * some row is broken at @x, a solution of the restricted problem still has to be checked
 * against the model, rows without a free column being left out): the
 * option columns of every cell (model employee, day) for which @is_free returns TRUE,
 * and every other column (patterns, compensations, weekends, coverage, headcount) that
 * shares a row with one of them. Its rows are the model's rows (with the current level
 * rows) that have a free column, their bounds shifted by the fixed columns' part; its
 * objective is the model's current one (the fixed part as its constant), so its values
 * are the model's. Far smaller than the model when the neighbourhood is, and no GLPK
 * time is spent on fixed columns. Belongs to the thread, like the model. */
typedef struct _EscSubproblem EscSubproblem;

EscSubproblem *esc_model_restrict        (EscModel *self, const double *x,
                                          EscModelCellFunc is_free, gpointer user_data);
void           esc_subproblem_free       (EscSubproblem *sub);
/* After esc_model_release_thread_glpk(): frees the rest without touching GLPK. */
void           esc_subproblem_forget     (EscSubproblem *sub);
glp_prob      *esc_subproblem_get_prob   (EscSubproblem *sub);
int            esc_subproblem_get_n_cols (EscSubproblem *sub);
/* Column vectors: @sub_x (1-based, n_cols + 1 entries) from the model's @x, and back
 * (only the free columns of @x change; integer columns rounded). */
void           esc_subproblem_from_full  (EscSubproblem *sub, const double *x, double *sub_x);
void           esc_subproblem_to_full    (EscSubproblem *sub, const double *sub_x, double *x);

/* The elastic rows broken at @x (slack > 1e-6): an array of EscModelViolation. */
GArray     *esc_model_get_violations   (EscModel *self, const double *x);

/* A lower bound of the current objective (in GLPK's scaled units) from the column bounds
 * alone: the constant plus each coefficient at its better bound; -HUGE_VAL when some
 * column is unbounded that way. */
double      esc_model_trivial_bound    (EscModel *self);
/* @bound (GLPK units) raised to the next value the current objective can take, when it
 * has integer coefficients on integer columns only (as GLPK rounds its node bounds). */
double      esc_model_round_bound      (EscModel *self, double bound);
/* The values the current objective can take: offset + k * step (step 0: any value). */
void        esc_model_get_objective_grid (EscModel *self, double *step, double *offset);
/* @bound raised to the next value offset + k * step (unchanged when @step is 0). */
double      esc_round_to_grid          (double bound, double step, double offset);
/* The same for a bound computed by LPs: first lowered by a margin for their tolerances. */
double      esc_round_lp_bound         (double bound, double step, double offset);

/* Writes the model (the current objective and level rows) in free MPS. */
gboolean    esc_model_write_mps        (EscModel *self, const char *filename, GError **error);

/* Frees this thread's whole GLPK environment (glp_free_env), for instance after leaving a
 * GLPK call by longjmp (cancel inside the simplex). Every model created by this thread
 * before is then dead: it can still decode vectors and compute objective values, but must
 * not touch GLPK again; esc_model_free() knows. */
void        esc_model_release_thread_glpk (void);
gboolean    esc_model_is_alive         (EscModel *self);

G_END_DECLS
