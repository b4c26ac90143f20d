/* esc-solver.c: solving a problem: decomposition, hierarchy, threads, progress, cancel.
 *
 * Every hard rule concerns one employee and coverage is counted per (store, role) group,
 * so the groups are independent: each is solved, level after level, by one task of a
 * GThreadPool with its own glp_prob (GLPK keeps its environment per thread, so a model
 * never leaves the thread that built it). Per group: a start from the constructive
 * heuristic (esc-heuristic.c, milliseconds), with a tiny exact MIP for each employee it
 * cannot schedule legally (which also proves who cannot be scheduled at all); then per
 * level, on a small group: set the objective, warm re-solve of the LP, branch and bound
 * from the incumbent (glp_ios_heur_sol, proximity search); on a big group: the bound by
 * Dantzig-Wolfe column generation (esc-decompose.c; in a helper thread when a core is
 * idle, which then also dives in its master for a schedule that GLPK completes),
 * simulated annealing over the rows (esc-local-search.c), then neighbourhoods of
 * adaptive size solved exactly by GLPK on restricted problems (esc_model_restrict()),
 * aimed at the days short of staff; and a row that keeps the level's value for the next
 * ones. When hard rules
 * conflict, an elastic analysis per employee says which rules, for whom and on which days.
 *
 * The calling thread only coordinates: the groups publish a legal snapshot of their best
 * schedule whenever it improves, and on cancel or at the time limit the coordinator
 * returns those snapshots at once, whatever GLPK is doing (some of its steps, such as
 * branching-variable selection or proximity search, run for seconds without a callback).
 * The workers hold a reference to the run and stop at their next check. README.md has
 * the details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <errno.h>
#include <float.h>
#include <glib/gi18n-lib.h>
#include <glpk.h>
#include <math.h>
#include <setjmp.h>
#include <string.h>

#include "esc-checker.h"
#include "esc-decompose.h"
#include "esc-evaluate.h"
#include "esc-heuristic.h"
#include "esc-local-search.h"
#include "esc-model.h"
#include "esc-solver.h"

#define PROGRESS_INTERVAL (100 * G_TIME_SPAN_MILLISECOND)
#define POLL_INTERVAL (20 * G_TIME_SPAN_MILLISECOND)     /* coordinator: cancel check */
#define CANCEL_GRACE (80 * G_TIME_SPAN_MILLISECOND)      /* for workers to publish */
#define DEADLINE_GRACE (150 * G_TIME_SPAN_MILLISECOND)
#define AUX_SOLVE_SECONDS 2.0
#define MAX_REASONS_PER_EMPLOYEE 5
#define MAX_EXPLAINED_EMPLOYEES 25
#define CUTS_MAX_COLUMNS 4000
#define LNS_MIN_COLUMNS 2500                           /* bigger groups: neighbourhoods */
#define LNS_TARGET_COLUMNS 1200                        /* first neighbourhood size */
#define COMPLETION_TIME (2 * G_USEC_PER_SEC)           /* GLPK completing the dive's schedule */

typedef enum
{
  RESULT_OPTIMAL,
  RESULT_FEASIBLE,
  RESULT_INFEASIBLE,
  RESULT_UNKNOWN,
} Result;

typedef struct _Run Run;

typedef struct
{
  Run *run;
  guint index;
  int group;
  double weight;                   /* size, to start the big groups first */
  guint n_employees;

  /* Under run->mutex. */
  gboolean started, done;
  int phase;
  double *value;                   /* per level, to minimise; current incumbent while solving */
  double *bound;                   /* per level, NAN when unknown */
  gboolean *proven;
  double *seconds;
  guint *neighbourhoods;           /* per level: solved in the group's thread and a helper's */
  guint *helper_neighbourhoods;    /* per level: of those, in a helper's second search */
  guint *combined;                 /* per level: improvements by the decomposition's schedule */
  gboolean infeasible;
  gboolean stopped;                /* cancelled or out of time before the end */
  GPtrArray *reasons;
  GArray *infeasible_employees;    /* int */
  gboolean has_best;
  int *best_choice;                /* n_employees * n_days: the published legal snapshot */
  gboolean *best_compensation;
} GroupState;

struct _Run
{
  gatomicrefcount ref_count;
  EscProblem *problem;
  GCancellable *cancellable;       /* the caller's, or NULL */
  GCancellable *stop;              /* ours: cancel, or the deadline passed */
  gint64 t0, deadline;
  gint64 wait;                     /* microseconds, 0: none */
  guint n_threads;                 /* threads the run may keep busy: groups and helpers */
  char *mps_dir;
  guint n_levels;
  const EscObjectiveLevel **levels;
  gboolean report_phases;
  EscSchedule *start;              /* options->start (a reference), or NULL */
  guint seed;
  int lns_min_columns;             /* < 0: never */

  GMutex mutex;
  GCond cond;
  guint n_started, n_done;
  guint n_helpers;                 /* helper threads running (esc-decompose bounds) */
  GroupState *groups;
  guint n_groups;

  EscSolverProgressFunc progress_func;
  gpointer progress_data;
  GMutex progress_mutex;
  gint64 last_progress;
  gboolean returned;               /* under progress_mutex: no more progress calls */
};

/* One GLPK solve: limits, start, what happened. */
typedef struct
{
  Run *run;
  GroupState *gs;                  /* NULL: no progress nor snapshots for this solve */
  EscSchedule *work;               /* the group's private schedule, to publish snapshots */
  int level;
  EscModel *model;
  glp_prob *lp;
  double scale;
  const double *start;
  gboolean start_given;
  gint64 deadline;
  gint64 attempt_deadline;         /* of the current glp_intopt call */
  gint64 wait;
  gint64 last_improve;
  gboolean has_incumbent;
  double incumbent;                /* GLPK units */
  double published;                /* GLPK units: the snapshot published last */
  double bound;                    /* GLPK units, -HUGE_VAL when unknown */
  double *scratch;
  gboolean cancelled, timed_out, waited, failed;
  double lp_seconds;
  gboolean armed;                  /* inside GLPK: the hooks may jump back */
  jmp_buf jump;
} Solve;

static const EscObjectiveLevel zero_level = { (char *) "", { 0 } };

static Run *
run_ref (Run *run)
{
  g_atomic_ref_count_inc (&run->ref_count);
  return run;
}

static void
run_unref (Run *run)
{
  if (!g_atomic_ref_count_dec (&run->ref_count))
    return;

  for (guint g = 0; g < run->n_groups; g++)
    {
      GroupState *gs = &run->groups[g];

      g_free (gs->value);
      g_free (gs->bound);
      g_free (gs->proven);
      g_free (gs->seconds);
      g_free (gs->neighbourhoods);
      g_free (gs->helper_neighbourhoods);
      g_free (gs->combined);
      g_free (gs->best_choice);
      g_free (gs->best_compensation);
      g_clear_pointer (&gs->reasons, g_ptr_array_unref);
      g_clear_pointer (&gs->infeasible_employees, g_array_unref);
    }
  g_free (run->groups);
  g_free (run->levels);
  g_free (run->mps_dir);
  g_clear_pointer (&run->start, esc_schedule_unref);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->stop);
  g_mutex_clear (&run->mutex);
  g_cond_clear (&run->cond);
  g_mutex_clear (&run->progress_mutex);
  g_clear_pointer (&run->problem, esc_problem_unref);
  g_free (run);
}

static gboolean
is_cancelled (Run *run)
{
  return g_cancellable_is_cancelled (run->stop) || g_cancellable_is_cancelled (run->cancellable);
}

/* Progress */

static void
report_progress (Run      *run,
                 gboolean  force)
{
  EscSolverProgress progress = { 0 };
  gint64 now;
  guint phase = G_MAXUINT, groups_done = 0;
  double incumbent = 0.0, bound = 0.0;
  gboolean any_incumbent = FALSE, bound_known = TRUE;

  if (run->progress_func == NULL || !run->report_phases)
    return;

  g_mutex_lock (&run->progress_mutex);
  now = g_get_monotonic_time ();  /* under the lock: elapsed never goes back */
  if (run->returned || (!force && now - run->last_progress < PROGRESS_INTERVAL))
    {
      g_mutex_unlock (&run->progress_mutex);
      return;
    }
  run->last_progress = now;

  g_mutex_lock (&run->mutex);
  for (guint g = 0; g < run->n_groups; g++)
    {
      const GroupState *gs = &run->groups[g];

      if (gs->done)
        groups_done++;
      else
        phase = MIN (phase, gs->started ? (guint) MAX (gs->phase, 0) : 0u);
    }
  if (phase == G_MAXUINT)
    phase = run->n_levels - 1;
  for (guint g = 0; g < run->n_groups; g++)
    {
      const GroupState *gs = &run->groups[g];

      if (gs->infeasible || isnan (gs->value[phase]))
        {
          if (gs->started && !gs->infeasible)
            bound_known = FALSE;
          continue;
        }
      any_incumbent = TRUE;
      incumbent += gs->value[phase];
      if (isnan (gs->bound[phase]))
        bound_known = FALSE;
      else
        bound += gs->bound[phase];
    }
  g_mutex_unlock (&run->mutex);

  progress.phase = phase;
  progress.n_phases = run->n_levels;
  progress.objective = run->levels[phase]->text;
  progress.incumbent = any_incumbent ? incumbent : NAN;
  progress.bound = any_incumbent && bound_known ? bound : NAN;
  progress.gap = isnan (progress.bound) ? NAN
                 : fabs (incumbent - bound) < 1e-9 ? 0.0
                 : fabs (incumbent - bound) / (fabs (incumbent) + DBL_EPSILON);
  progress.elapsed = (now - run->t0) / (double) G_USEC_PER_SEC;
  progress.groups_done = groups_done;
  progress.n_groups = run->n_groups;

  run->progress_func (&progress, run->progress_data);
  g_mutex_unlock (&run->progress_mutex);
}

/* Snapshots */

/* Copies the rows of the group's employees [first, last) from the private @work schedule
 * into the group's published snapshot. */
static void
publish_rows (GroupState        *gs,
              const EscSchedule *work,
              guint              first,
              guint              last)
{
  Run *run = gs->run;
  const EscProblemGroup *group = g_ptr_array_index (run->problem->groups, gs->group);
  int n_days = run->problem->n_days;

  g_mutex_lock (&run->mutex);
  for (guint i = first; i < last; i++)
    {
      int e = g_array_index (group->employees, int, i);

      for (int d = 0; d < n_days; d++)
        {
          gsize cell = (gsize) i * n_days + d;

          gs->best_choice[cell] = esc_schedule_get_choice (work, e, d);
          gs->best_compensation[cell] = esc_schedule_get_compensation (work, e, d);
        }
    }
  gs->has_best = TRUE;
  g_mutex_unlock (&run->mutex);
}

static void
publish_vector (GroupState   *gs,
                EscModel     *model,
                const double *x,
                EscSchedule  *work)
{
  esc_model_vector_to_schedule (model, x, work);
  publish_rows (gs, work, 0, gs->n_employees);
}

/* GLPK */

static void
update_group (Solve *s)
{
  double value, bound;

  if (s->gs == NULL || s->level < 0)
    return;
  value = s->has_incumbent ? s->incumbent / s->scale : NAN;
  bound = isinf (s->bound) ? NAN : s->bound / s->scale;
  g_mutex_lock (&s->run->mutex);
  if (!isnan (value))
    s->gs->value[s->level] = value;
  s->gs->bound[s->level] = bound;
  g_mutex_unlock (&s->run->mutex);
}

static void
intopt_cb (glp_tree *tree,
           void     *info)
{
  Solve *s = info;
  gint64 now = g_get_monotonic_time ();
  int reason = glp_ios_reason (tree);
  int status, best;

  if (reason == GLP_IHEUR && s->start != NULL && !s->start_given)
    {
      s->start_given = TRUE;
      glp_ios_heur_sol (tree, s->start);
    }

  status = glp_mip_status (s->lp);
  if (status == GLP_FEAS || status == GLP_OPT)
    {
      double obj = glp_mip_obj_val (s->lp);

      if (!s->has_incumbent || obj < s->incumbent - 1e-9 * MAX (1.0, fabs (obj)))
        {
          s->incumbent = obj;
          s->has_incumbent = TRUE;
          s->last_improve = now;
        }
      /* A better schedule than the one published: publish it (it is legal). */
      if (s->work != NULL && obj < s->published - 1e-9 * MAX (1.0, fabs (obj)))
        {
          esc_model_get_mip_vector (s->model, s->scratch);
          publish_vector (s->gs, s->model, s->scratch, s->work);
          s->published = obj;
        }
    }
  best = glp_ios_best_node (tree);
  if (best != 0)
    {
      double b = esc_model_round_bound (s->model, glp_ios_node_bound (tree, best));

      if (fabs (b) < 1e300 && b > s->bound)
        s->bound = b;
    }

  if (is_cancelled (s->run))
    {
      s->cancelled = TRUE;
      glp_ios_terminate (tree);
      return;
    }
  if (now >= s->attempt_deadline)
    {
      s->timed_out = TRUE;
      glp_ios_terminate (tree);
      return;
    }
  if (s->wait > 0 && now - s->last_improve > s->wait)
    {
      s->waited = TRUE;
      glp_ios_terminate (tree);
      return;
    }

  update_group (s);
  report_progress (s->run, FALSE);
}

static int
remaining_ms (gint64 deadline)
{
  gint64 left = (deadline - g_get_monotonic_time ()) / 1000;

  return (int) CLAMP (left, 1, G_MAXINT / 2);
}

/* GLPK has no callback inside the simplex method, but it prints its progress every
 * out_frq milliseconds through the terminal hook: that is where a cancel is seen. The
 * hook leaves GLPK by longjmp, after which the thread's GLPK environment is freed
 * (solve_mip). The hook never lets GLPK print. */
static int
term_hook_cb (void       *info,
              const char *text)
{
  Solve *s = info;

  if (s->armed && is_cancelled (s->run))
    {
      s->armed = FALSE;
      s->cancelled = TRUE;
      longjmp (s->jump, 1);
    }
  return 1;
}

/* A GLPK error (a bug: GLPK would abort the process) ends the solve the same way. */
static void
error_hook_cb (void *info)
{
  Solve *s = info;

  if (s->armed)
    {
      s->armed = FALSE;
      s->failed = TRUE;
      longjmp (s->jump, 1);
    }
}

/* The LP relaxation in one call (restarting GLPK's simplex loses its state: 50 ms slices
 * made a 6 s LP take 150 s). Returns GLP_OPT, GLP_NOFEAS or 0 (not solved). */
static int
solve_lp (Solve    *s,
          gboolean  primal)
{
  glp_smcp parm;
  gboolean restarted = FALSE;

  glp_init_smcp (&parm);
  parm.msg_lev = GLP_MSG_ON;      /* for the terminal hook; nothing is printed */
  parm.out_frq = 50;
  parm.out_dly = 0;
  parm.meth = primal ? GLP_PRIMAL : GLP_DUALP;
  parm.presolve = GLP_OFF;

  /* No columns: every row's activity is 0. */
  if (glp_get_num_cols (s->lp) == 0)
    {
      for (int i = 1; i <= glp_get_num_rows (s->lp); i++)
        {
          int type = glp_get_row_type (s->lp, i);

          if (((type == GLP_LO || type == GLP_DB || type == GLP_FX) &&
               glp_get_row_lb (s->lp, i) > 1e-9) ||
              ((type == GLP_UP || type == GLP_DB || type == GLP_FX) &&
               glp_get_row_ub (s->lp, i) < -1e-9))
            return GLP_NOFEAS;
        }
      return GLP_OPT;
    }

  for (;;)
    {
      int ret, status;

      if (is_cancelled (s->run))
        {
          s->cancelled = TRUE;
          return 0;
        }
      if (g_get_monotonic_time () >= s->deadline)
        {
          s->timed_out = TRUE;
          return 0;
        }
      parm.tm_lim = remaining_ms (s->deadline);
      ret = glp_simplex (s->lp, &parm);
      if (ret == GLP_ETMLIM)
        {
          s->timed_out = TRUE;
          return 0;
        }
      if (ret == 0)
        {
          status = glp_get_status (s->lp);
          if (status == GLP_OPT)
            return GLP_OPT;
          if (status == GLP_NOFEAS)
            return GLP_NOFEAS;
        }
      if (restarted)
        return 0;
      /* A bad or singular basis, or a failure: once more from an advanced basis. */
      restarted = TRUE;
      glp_adv_basis (s->lp, 0);
      parm.meth = GLP_DUALP;
    }
}

/* Solves the model's MIP with the current objective; see solve_mip(). */
static Result
solve_mip_armed (Solve    *s,
                 gboolean  primal,
                 double   *x,
                 gboolean  have_start,
                 double   *found)
{
  int n = esc_model_get_n_cols (s->model);
  glp_iocp parm;
  int lp_status, mip_status, ret;
  gint64 t = g_get_monotonic_time ();

  lp_status = solve_lp (s, primal);
  s->lp_seconds = (g_get_monotonic_time () - t) / (double) G_USEC_PER_SEC;
  if (lp_status == GLP_NOFEAS)
    return RESULT_INFEASIBLE;
  if (lp_status != GLP_OPT)
    return have_start ? RESULT_FEASIBLE : RESULT_UNKNOWN;
  if (n == 0)
    return RESULT_OPTIMAL;
  s->bound = esc_model_round_bound (s->model, glp_get_obj_val (s->lp));
  update_group (s);

  /* The start meets the LP bound (rounded to what the objective can take): optimal. */
  if (have_start && s->incumbent <= s->bound + 1e-9 * MAX (1.0, fabs (s->bound)))
    {
      s->bound = s->incumbent;
      update_group (s);
      return RESULT_OPTIMAL;
    }

  /* First plain branch and bound for a fifth of the time (small models are proven
   * here); then, when a start exists and nothing was proven, proximity search from the
   * best schedule and branch and bound for the rest. Proximity search finds better
   * schedules where branch and bound alone finds none on these models, but it does not
   * stop at the bound, so it never comes first. */
  for (int attempt = 0; attempt < 2; attempt++)
    {
      gint64 now = g_get_monotonic_time ();
      gboolean last = attempt == 1 || !have_start;

      glp_init_iocp (&parm);
      /* Messages on (the terminal hook swallows them) so that the simplex of every node
       * reports every 500 ms: a cancel is then seen inside long node LPs too. */
      parm.msg_lev = GLP_MSG_ON;
      parm.out_frq = 100;
      parm.out_dly = 0;
      parm.presolve = GLP_OFF;
      parm.cb_func = intopt_cb;
      parm.cb_info = s;
      if (n <= CUTS_MAX_COLUMNS)
        {
          parm.mir_cuts = GLP_ON;
          parm.cov_cuts = GLP_ON;
        }
      s->attempt_deadline = last ? s->deadline
                            : MIN (s->deadline, now + MAX ((s->deadline - now) / 5,
                                                           500 * G_TIME_SPAN_MILLISECOND));
      parm.tm_lim = remaining_ms (s->attempt_deadline);
      if (attempt == 1)
        {
          parm.ps_heur = GLP_ON;
          parm.ps_tm_lim = CLAMP (remaining_ms (s->deadline) / 2, 1, 60000);
        }
      s->start = have_start ? x : NULL;
      s->start_given = FALSE;

      ret = glp_intopt (s->lp, &parm);
      mip_status = glp_mip_status (s->lp);

      if (mip_status == GLP_OPT || mip_status == GLP_FEAS)
        {
          double obj = glp_mip_obj_val (s->lp);

          esc_model_get_mip_vector (s->model, found);
          if (!have_start || mip_status == GLP_OPT ||
              obj < s->incumbent - 1e-9 * MAX (1.0, fabs (obj)))
            {
              memcpy (x, found, sizeof (double) * (n + 1));
              s->incumbent = obj;
              s->has_incumbent = TRUE;
              have_start = TRUE;
            }
          if (ret == 0 && mip_status == GLP_OPT)
            {
              s->bound = obj;
              update_group (s);
              return RESULT_OPTIMAL;
            }
          update_group (s);
        }
      else if (ret == 0 && mip_status == GLP_NOFEAS)
        return RESULT_INFEASIBLE;

      /* Another attempt only when this one ran out of its own time. */
      if (last || s->cancelled || s->waited ||
          !(ret == GLP_ETMLIM || (ret == GLP_ESTOP && s->timed_out)) ||
          g_get_monotonic_time () >= s->deadline)
        break;
      s->timed_out = FALSE;
    }
  return have_start ? RESULT_FEASIBLE : RESULT_UNKNOWN;
}

/* Solves the model's MIP with the current objective. @x holds the start when @have_start
 * (a legal vector), and receives the best vector found (unchanged when none better).
 * A cancel inside GLPK leaves by longjmp: then this thread's GLPK environment is freed
 * and the model (like every model of this thread) is dead; @x stays valid. */
static Result
solve_mip (Solve    *s,
           gboolean  primal,
           double   *x,
           gboolean  have_start)
{
  int n = esc_model_get_n_cols (s->model);
  g_autofree double *found = esc_model_new_vector (s->model);
  g_autofree double *scratch = esc_model_new_vector (s->model);
  Result result;

  s->lp = esc_model_get_prob (s->model);
  s->attempt_deadline = s->deadline;
  s->start = have_start ? x : NULL;
  s->start_given = FALSE;
  s->last_improve = g_get_monotonic_time ();
  s->bound = -HUGE_VAL;
  s->has_incumbent = FALSE;
  s->published = HUGE_VAL;
  s->scratch = scratch;
  if (have_start)
    {
      double obj = glp_get_obj_coef (s->lp, 0);

      for (int j = 1; j <= n; j++)
        obj += glp_get_obj_coef (s->lp, j) * x[j];
      s->incumbent = obj;
      s->has_incumbent = TRUE;
      s->published = obj;
    }
  update_group (s);

  /* Nothing to do when the start already meets the bound of the column bounds. */
  if (have_start && s->incumbent <= esc_model_trivial_bound (s->model) + 1e-9)
    {
      s->bound = s->incumbent;
      update_group (s);
      return RESULT_OPTIMAL;
    }

  if (setjmp (s->jump) == 0)
    {
      s->armed = TRUE;
      glp_term_out (GLP_ON);
      glp_term_hook (term_hook_cb, s);
      glp_error_hook (error_hook_cb, s);
      result = solve_mip_armed (s, primal, x, have_start, found);
      s->armed = FALSE;
      glp_error_hook (NULL, NULL);
      glp_term_hook (NULL, NULL);
      glp_term_out (GLP_OFF);
    }
  else
    {
      /* Left GLPK by longjmp: its state is lost, the start (or nothing) remains. */
      esc_model_release_thread_glpk ();
      if (s->failed)
        g_warning ("GLPK failed while solving group %d", esc_model_get_group (s->model));
      result = have_start ? RESULT_FEASIBLE : RESULT_UNKNOWN;
    }
  s->scratch = NULL;
  return result;
}

/* Infeasibility explained */

/* Families in the order they are named first (what the employee is owed or must do),
 * then the limits. */
static const EscModelRule primary_order[] = {
  ESC_MODEL_RULE_COMPENSATION, ESC_MODEL_RULE_MIN_HOURS, ESC_MODEL_RULE_MAX_REST_DAYS,
  ESC_MODEL_RULE_MIN_CONSECUTIVE_DAYS, ESC_MODEL_RULE_MIN_CONSECUTIVE_OFF,
  ESC_MODEL_RULE_WEEKLY_HOURS, ESC_MODEL_RULE_MAX_HOURS, ESC_MODEL_RULE_CONSECUTIVE_DAYS,
  ESC_MODEL_RULE_CONSECUTIVE_LIMITED, ESC_MODEL_RULE_MAX_WEEKENDS,
  ESC_MODEL_RULE_SHIFT_COUNT, ESC_MODEL_RULE_SEQUENCE, ESC_MODEL_RULE_MIN_REST,
};

static const char * const weekday_plurals[ESC_N_WEEKDAYS] = {
  N_("Mondays"), N_("Tuesdays"), N_("Wednesdays"), N_("Thursdays"), N_("Fridays"),
  N_("Saturdays"), N_("Sundays"),
};

static char *
format_day (const EscProblem *problem,
            int               d)
{
  return esc_format_date (problem->start_julian + (EscJulian) d);
}

/* Hours as "44" when whole, else "7:30". */
static char *
format_hours (int minutes)
{
  if (minutes % 60 == 0)
    return g_strdup_printf ("%d", minutes / 60);
  return g_strdup_printf ("%d:%02d", minutes / 60, ABS (minutes % 60));
}

static const char *
shift_name (const EscProblem *problem,
            int               s)
{
  if (s < 0 || (guint) s >= problem->shifts->len)
    return "?";
  return esc_problem_get_shift (problem, s)->id;
}

/* What breaking one row of a family means, without the employee. */
static char *
describe_violation (const EscProblem        *problem,
                    const EscModelViolation *v)
{
  int amount = (int) ceil (v->amount - 1e-6);
  g_autofree char *first = format_day (problem, MAX (v->first_day, 0));
  g_autofree char *last = format_day (problem, MAX (v->last_day, 0));

  switch (v->rule)
    {
    case ESC_MODEL_RULE_WEEKLY_HOURS:
      {
        int cap = MAX (v->limit - v->aux, 0);
        g_autofree char *total = format_hours (v->aux + cap + amount);
        g_autofree char *limit = format_hours (v->limit);

        if (v->aux > 0)
          {
            g_autofree char *before = format_hours (v->aux);

            return g_strdup_printf (_("would work %s hours in the week from %s to %s, counting %s hours worked before %s (at most %s allowed)"),
                                    total, first, last, before, first, limit);
          }
        return g_strdup_printf (_("would work %s hours in the week from %s to %s (at most %s allowed)"),
                                total, first, last, limit);
      }
    case ESC_MODEL_RULE_CONSECUTIVE_DAYS:
      {
        g_autofree char *from = format_day (problem, v->first_day - v->aux);

        return g_strdup_printf (_("would work more than %d days in a row between %s and %s"),
                                v->limit, from, last);
      }
    case ESC_MODEL_RULE_CONSECUTIVE_LIMITED:
      {
        const EscProblemEmployee *emp = esc_problem_get_employee (problem, v->employee);

        return g_strdup_printf (_("would work more than %d %s in a row up to %s"), v->limit,
                                _(weekday_plurals[emp->limited_weekday]), last);
      }
    case ESC_MODEL_RULE_COMPENSATION:
      {
        g_autofree char *due = format_day (problem, v->last_day);

        if (v->aux != ESC_NONE)
          {
            g_autofree char *holiday = format_day (problem, v->aux);

            return g_strdup_printf (_("the holiday worked on %s cannot be compensated by %s"),
                                    holiday, due);
          }
        return g_strdup_printf (_("the holiday worked before %s cannot be compensated by %s"),
                                first, due);
      }
    case ESC_MODEL_RULE_SEQUENCE:
      return g_strdup_printf (_("would work %s on %s followed by a shift not allowed after it on %s"),
                              shift_name (problem, v->aux), first, last);
    case ESC_MODEL_RULE_MIN_REST:
      {
        g_autofree char *hours = format_hours (v->limit);

        if (v->aux < 0)
          {
            g_autofree char *day0 = format_day (problem, 0);

            return g_strdup_printf (_("would rest less than %s hours after their last shift before %s"),
                                    hours, day0);
          }
        return g_strdup_printf (_("would rest less than %s hours between the shifts of %s and %s"),
                                hours, first, last);
      }
    case ESC_MODEL_RULE_MIN_HOURS:
      {
        g_autofree char *need = format_hours (v->limit);
        g_autofree char *most = format_hours (MAX (v->limit - amount, 0));

        return g_strdup_printf (_("needs at least %s hours from %s to %s but can work at most %s hours"),
                                need, first, last, most);
      }
    case ESC_MODEL_RULE_MAX_HOURS:
      {
        g_autofree char *total = format_hours (v->limit + amount);
        g_autofree char *limit = format_hours (v->limit);

        return g_strdup_printf (_("would work %s hours from %s to %s (at most %s allowed)"),
                                total, first, last, limit);
      }
    case ESC_MODEL_RULE_MAX_REST_DAYS:
      return g_strdup_printf (_("would have %d days off from %s to %s (at most %d allowed)"),
                              v->limit + amount, first, last, v->limit);
    case ESC_MODEL_RULE_MIN_CONSECUTIVE_DAYS:
      return g_strdup_printf (_("would work fewer than %d days in a row from %s"), v->limit,
                              first);
    case ESC_MODEL_RULE_MIN_CONSECUTIVE_OFF:
      return g_strdup_printf (_("would have fewer than %d days off in a row from %s"), v->limit,
                              first);
    case ESC_MODEL_RULE_MAX_WEEKENDS:
      return g_strdup_printf (_("would work %d weekends from %s to %s (at most %d allowed)"),
                              v->limit + amount, first, last, v->limit);
    case ESC_MODEL_RULE_SHIFT_COUNT:
      return g_strdup_printf (_("would work %s %d times (at most %d allowed)"),
                              shift_name (problem, v->aux), v->limit + amount, v->limit);
    case ESC_MODEL_N_RULES:
    default:
      break;
    }
  return g_strdup (_("breaks a rule"));
}

/* The rule as a limit, for "... with <these>". */
static char *
describe_limit (const EscProblem         *problem,
                const EscProblemEmployee *emp,
                EscModelRule              rule)
{
  g_autofree char *first = format_day (problem, 0);
  g_autofree char *last = format_day (problem, problem->n_days - 1);

  switch (rule)
    {
    case ESC_MODEL_RULE_WEEKLY_HOURS:
      {
        g_autofree char *hours = format_hours (emp->weekly_max_minutes);

        return g_strdup_printf (_("at most %s hours a week"), hours);
      }
    case ESC_MODEL_RULE_CONSECUTIVE_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "at most %d day in a row",
                                           "at most %d days in a row", emp->max_consecutive_days),
                              emp->max_consecutive_days);
    case ESC_MODEL_RULE_CONSECUTIVE_LIMITED:
      return g_strdup_printf (_("at most %d %s in a row"), emp->max_consecutive_limited,
                              _(weekday_plurals[emp->limited_weekday]));
    case ESC_MODEL_RULE_COMPENSATION:
      if (emp->compensation_deadline != ESC_NONE)
        return g_strdup_printf (_("a compensation day off within %d days of each holiday worked"),
                                emp->compensation_deadline);
      return g_strdup (_("the compensation days still owed"));
    case ESC_MODEL_RULE_SEQUENCE:
      return g_strdup (_("the forbidden shift sequences"));
    case ESC_MODEL_RULE_MIN_REST:
      {
        g_autofree char *hours = format_hours (MAX (problem->min_rest_minutes, 0));

        return g_strdup_printf (_("%s hours of rest between shifts"), hours);
      }
    case ESC_MODEL_RULE_MIN_HOURS:
      {
        g_autofree char *hours = format_hours (emp->min_minutes);

        return g_strdup_printf (_("at least %s hours from %s to %s"), hours, first, last);
      }
    case ESC_MODEL_RULE_MAX_HOURS:
      {
        g_autofree char *hours = format_hours (emp->max_minutes);

        return g_strdup_printf (_("at most %s hours from %s to %s"), hours, first, last);
      }
    case ESC_MODEL_RULE_MAX_REST_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "at most %d day off",
                                           "at most %d days off", emp->max_rest_days),
                              emp->max_rest_days);
    case ESC_MODEL_RULE_MIN_CONSECUTIVE_DAYS:
      return g_strdup_printf (_("runs of at least %d working days"), emp->min_consecutive_days);
    case ESC_MODEL_RULE_MIN_CONSECUTIVE_OFF:
      return g_strdup_printf (_("runs of at least %d days off"), emp->min_consecutive_off);
    case ESC_MODEL_RULE_MAX_WEEKENDS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "at most %d worked weekend",
                                           "at most %d worked weekends", emp->max_weekends),
                              emp->max_weekends);
    case ESC_MODEL_RULE_SHIFT_COUNT:
      return g_strdup (_("the limits on shifts of each kind"));
    case ESC_MODEL_N_RULES:
    default:
      break;
    }
  return g_strdup ("");
}

/* "a", "a and b", "a, b and c". */
static char *
join_phrases (GPtrArray *phrases)
{
  char *text;

  if (phrases->len == 0)
    return g_strdup ("");
  text = g_strdup (g_ptr_array_index (phrases, 0));
  for (guint i = 1; i < phrases->len; i++)
    {
      char *next;

      if (i + 1 == phrases->len)
        next = g_strdup_printf (_("%s and %s"), text, (char *) g_ptr_array_index (phrases, i));
      else
        next = g_strdup_printf (_("%s, %s"), text, (char *) g_ptr_array_index (phrases, i));
      g_free (text);
      text = next;
    }
  return text;
}

/* A model of employee @e alone, with only the hard rules (as @modes say); solved for
 * feasibility, or for the least slack when some family is elastic. */
static Result
solve_rules (Run                    *run,
             int                     group,
             int                     e,
             const EscModelRuleMode *modes,
             GArray                **violations)
{
  EscModelSpec spec = { 0 };
  EscModel *model;
  g_autofree double *x = NULL;
  gboolean elastic = FALSE;
  Solve s = { 0 };
  Result result;

  spec.group = group;
  spec.employees = &e;
  spec.n_employees = 1;
  spec.rules_only = TRUE;
  for (int r = 0; r < ESC_MODEL_N_RULES; r++)
    {
      spec.rule_mode[r] = modes[r];
      if (modes[r] == ESC_MODEL_RULE_ELASTIC)
        elastic = TRUE;
    }

  model = esc_model_new (run->problem, &spec);
  if (elastic)
    esc_model_set_elastic_objective (model);
  x = esc_model_new_vector (model);

  s.run = run;
  s.level = -1;
  s.model = model;
  s.scale = 1.0;
  s.deadline = g_get_monotonic_time () + (gint64) (AUX_SOLVE_SECONDS * G_USEC_PER_SEC);
  result = solve_mip (&s, FALSE, x, FALSE);
  if (violations != NULL && (result == RESULT_OPTIMAL || result == RESULT_FEASIBLE))
    *violations = esc_model_get_violations (model, x);

  esc_model_free (model);
  return result;
}

/* Finds a smallest set of rule families that cannot hold together for employee @e (a
 * deletion filter over the families), then the rows of the first of them that must
 * break when the others hold, and says so. */
static void
explain_employee (Run       *run,
                  int        group,
                  int        e,
                  GPtrArray *reasons)
{
  EscProblem *problem = run->problem;
  const EscProblemEmployee *emp = esc_problem_get_employee (problem, e);
  EscModelRuleMode modes[ESC_MODEL_N_RULES] = { 0 };
  gboolean present[ESC_MODEL_N_RULES] = { 0 };
  EscModelRule primary = ESC_MODEL_N_RULES;
  g_autoptr(GArray) violations = NULL;
  g_autoptr(GPtrArray) limits = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *others = NULL;

  {
    EscModelSpec spec = { 0 };
    EscModel *model;

    spec.group = group;
    spec.employees = &e;
    spec.n_employees = 1;
    spec.rules_only = TRUE;
    model = esc_model_new (problem, &spec);
    for (int r = 0; r < ESC_MODEL_N_RULES; r++)
      {
        present[r] = esc_model_count_rule_rows (model, r) > 0;
        modes[r] = present[r] ? ESC_MODEL_RULE_HARD : ESC_MODEL_RULE_OFF;
      }
    esc_model_free (model);
  }

  if (solve_rules (run, group, e, modes, NULL) != RESULT_INFEASIBLE)
    return;

  /* Deletion filter: the limits first, so that what the employee is owed stays. */
  for (int i = G_N_ELEMENTS (primary_order) - 1; i >= 0; i--)
    {
      EscModelRule r = primary_order[i];

      if (!present[r] || is_cancelled (run))
        continue;
      modes[r] = ESC_MODEL_RULE_OFF;
      if (solve_rules (run, group, e, modes, NULL) != RESULT_INFEASIBLE)
        modes[r] = ESC_MODEL_RULE_HARD;
    }

  for (guint i = 0; i < G_N_ELEMENTS (primary_order); i++)
    if (modes[primary_order[i]] == ESC_MODEL_RULE_HARD)
      {
        if (primary == ESC_MODEL_N_RULES)
          primary = primary_order[i];
        else
          g_ptr_array_add (limits, describe_limit (problem, emp, primary_order[i]));
      }

  if (primary == ESC_MODEL_N_RULES)
    {
      g_ptr_array_add (reasons,
                       g_strdup_printf (_("%s: no schedule fits their work patterns"), emp->id));
      return;
    }

  modes[primary] = ESC_MODEL_RULE_ELASTIC;
  solve_rules (run, group, e, modes, &violations);
  others = join_phrases (limits);

  for (guint i = 0; violations != NULL && i < MIN (violations->len, MAX_REASONS_PER_EMPLOYEE); i++)
    {
      g_autofree char *what = describe_violation (problem,
                                                  &g_array_index (violations, EscModelViolation, i));

      if (limits->len > 0)
        g_ptr_array_add (reasons, g_strdup_printf (_("%s: %s with %s"), emp->id, what, others));
      else
        g_ptr_array_add (reasons,
                         g_strdup_printf (_("%s: %s with the days and shifts they may work (leave, bans, patterns and days with demand)"),
                                          emp->id, what));
    }
  if (violations == NULL || violations->len == 0)
    {
      g_autofree char *rule = describe_limit (problem, emp, primary);

      g_ptr_array_add (limits, g_steal_pointer (&rule));
      g_clear_pointer (&others, g_free);
      others = join_phrases (limits);
      g_ptr_array_add (reasons, g_strdup_printf (_("%s: no schedule keeps %s"), emp->id, others));
    }
}

/* The greedy start */

typedef enum
{
  GREEDY_OK,
  GREEDY_INFEASIBLE,
  GREEDY_INCOMPLETE,
} GreedyResult;

/* TRUE when every employee of @group has a legal row in run->start. */
static gboolean
start_is_legal (Run *run,
                int  group_index)
{
  const EscProblemGroup *group = g_ptr_array_index (run->problem->groups, group_index);

  for (guint i = 0; i < group->employees->len; i++)
    {
      g_autoptr(GPtrArray) violations =
        esc_checker_check_employee (run->start, g_array_index (group->employees, int, i));

      if (violations->len > 0)
        return FALSE;
    }
  return TRUE;
}

/* The start of a group, in @partial, published: the constructive heuristic
 * (esc-heuristic.h, milliseconds); then each employee it could not schedule legally in
 * turn optimises @level with everybody else fixed (a tiny exact MIP), which also proves
 * which employees cannot be scheduled under the hard rules at all (@infeasible). */
static GreedyResult
greedy_start (Run                     *run,
              GroupState              *gs,
              const EscObjectiveLevel *level,
              gint64                   deadline,
              EscSchedule             *partial,
              GArray                  *infeasible)
{
  const EscProblemGroup *group = g_ptr_array_index (run->problem->groups, gs->group);
  g_autoptr(GArray) todo = NULL;
  g_autofree int *local = g_new (int, run->problem->employees->len);
  guint n;
  gboolean incomplete = FALSE;

  if (run->start != NULL && start_is_legal (run, gs->group))
    {
      for (guint i = 0; i < group->employees->len; i++)
        {
          int e = g_array_index (group->employees, int, i);

          for (int d = 0; d < run->problem->n_days; d++)
            {
              esc_schedule_set_choice (partial, e, d, esc_schedule_get_choice (run->start, e, d));
              esc_schedule_set_compensation (partial, e, d,
                                             esc_schedule_get_compensation (run->start, e, d));
            }
        }
      todo = g_array_new (FALSE, FALSE, sizeof (int));
    }
  else
    todo = esc_heuristic_construct (partial, gs->group, run->seed);
  publish_rows (gs, partial, 0, group->employees->len);
  report_progress (run, FALSE);
  for (guint i = 0; i < group->employees->len; i++)
    local[g_array_index (group->employees, int, i)] = (int) i;
  n = todo->len;

  for (guint i = 0; i < n; i++)
    {
      int e = g_array_index (todo, int, i);
      EscModelSpec spec = { 0 };
      EscModel *model;
      g_autofree double *x = NULL;
      Solve s = { 0 };
      gint64 now = g_get_monotonic_time ();
      gint64 share = MAX ((deadline - now) / (gint64) (n - i), 2 * G_USEC_PER_SEC);
      Result result;

      if (is_cancelled (run))
        return GREEDY_INCOMPLETE;

      spec.group = gs->group;
      spec.employees = &e;
      spec.n_employees = 1;
      spec.fixed = partial;
      model = esc_model_new (run->problem, &spec);
      s.scale = esc_model_set_objective (model, level);
      x = esc_model_new_vector (model);

      s.run = run;
      s.level = -1;
      s.model = model;
      s.deadline = now + share;
      result = solve_mip (&s, FALSE, x, FALSE);
      switch (result)
        {
        case RESULT_OPTIMAL:
        case RESULT_FEASIBLE:
          esc_model_vector_to_schedule (model, x, partial);
          publish_rows (gs, partial, (guint) local[e], (guint) local[e] + 1);
          break;
        case RESULT_INFEASIBLE:
          g_array_append_val (infeasible, e);
          break;
        case RESULT_UNKNOWN:
        default:
          incomplete = TRUE;
          break;
        }
      esc_model_free (model);
      report_progress (run, FALSE);
    }

  if (infeasible->len > 0)
    return GREEDY_INFEASIBLE;
  return incomplete ? GREEDY_INCOMPLETE : GREEDY_OK;
}

/* Neighbourhoods on restricted problems */

typedef struct
{
  const gboolean *employee;        /* per problem employee: in the neighbourhood */
  const gboolean *day;             /* per day: free; NULL: every day */
} Neighbourhood;

static gboolean
cell_in_neighbourhood (int      employee,
                       int      day,
                       gpointer user_data)
{
  const Neighbourhood *nb = user_data;

  return nb->employee[employee] && (nb->day == NULL || nb->day[day]);
}

/* Marks the days on which some slot or shift demand of the group is short of staff under
 * @work (with a weight on under-coverage). Returns how many. */
static int
find_short_days (const EscProblem  *problem,
                 int                group,
                 const EscSchedule *work,
                 gboolean          *is_short)
{
  g_autofree guint *cov = esc_evaluate_slot_coverage (work);
  g_autofree guint *sd_cov = esc_evaluate_shift_demand_coverage (work);
  int n = 0;

  memset (is_short, 0, sizeof (gboolean) * problem->n_days);
  for (guint k = 0; k < problem->slots->len; k++)
    {
      const EscProblemSlot *slot = &g_array_index (problem->slots, EscProblemSlot, k);

      if (slot->group == group && slot->under_weight > 0 && (int) cov[k] < slot->required &&
          slot->day >= 0 && slot->day < problem->n_days)
        is_short[slot->day] = TRUE;
    }
  for (guint k = 0; k < problem->shift_demands->len; k++)
    {
      const EscProblemShiftDemand *sd = &g_array_index (problem->shift_demands,
                                                        EscProblemShiftDemand, k);

      if (sd->group == group && sd->under_weight > 0 && (int) sd_cov[k] < sd->required &&
          sd->day >= 0 && sd->day < problem->n_days)
        is_short[sd->day] = TRUE;
    }
  for (int d = 0; d < problem->n_days; d++)
    n += is_short[d] ? 1 : 0;
  return n;
}

typedef struct
{
  Run *run;
  const double *start;
  gboolean start_given;
  gint64 deadline;
} SubSolve;

static void
sub_cb (glp_tree *tree,
        void     *info)
{
  SubSolve *s = info;

  if (glp_ios_reason (tree) == GLP_IHEUR && !s->start_given)
    {
      s->start_given = TRUE;
      glp_ios_heur_sol (tree, s->start);
    }
  if (is_cancelled (s->run) || g_get_monotonic_time () >= s->deadline)
    glp_ios_terminate (tree);
}

/* Solves the restricted problem @sub from its vector @x (1-based, its columns) until
 * @deadline: the LP relaxation (when it meets the start's value, the start is optimal),
 * then branch and bound from the start. With @start_legal FALSE the start may break some
 * rows (the earlier levels' rows, for a completion): GLPK then gets no start and any
 * solution it finds counts. @x receives the best vector found.
 * RESULT_OPTIMAL when GLPK proved the neighbourhood, RESULT_FEASIBLE otherwise,
 * RESULT_UNKNOWN when a cancel left GLPK (this thread's GLPK environment is then freed:
 * every model of the thread is dead). */
static Result
solve_sub (Run           *run,
           EscSubproblem *sub,
           double        *x,
           gboolean       start_legal,
           gint64         deadline)
{
  glp_prob *lp = esc_subproblem_get_prob (sub);
  int n = esc_subproblem_get_n_cols (sub);
  g_autofree double *start = g_memdup2 (x, sizeof (double) * (n + 1));
  Solve s = { 0 };
  SubSolve ss = { 0 };
  double start_obj = glp_get_obj_coef (lp, 0), tol;
  Result result = RESULT_FEASIBLE;

  for (int j = 1; j <= n; j++)
    start_obj += glp_get_obj_coef (lp, j) * x[j];
  tol = 1e-6 * MAX (1.0, fabs (start_obj));
  if (!start_legal)
    start_obj = HUGE_VAL;
  s.run = run;
  s.level = -1;
  s.lp = lp;
  s.deadline = deadline;
  ss.run = run;
  ss.start = start;
  ss.start_given = !start_legal;
  ss.deadline = deadline;

  if (setjmp (s.jump) == 0)
    {
      s.armed = TRUE;
      glp_term_out (GLP_ON);
      glp_term_hook (term_hook_cb, &s);
      glp_error_hook (error_hook_cb, &s);
      if (solve_lp (&s, FALSE) == GLP_OPT)
        {
          if (glp_get_obj_val (lp) >= start_obj - tol)
            result = RESULT_OPTIMAL;
          else
            {
              glp_iocp parm;
              int ret, status;

              glp_init_iocp (&parm);
              parm.msg_lev = GLP_MSG_ON;  /* the terminal hook sees a cancel */
              parm.out_frq = 100;
              parm.out_dly = 0;
              parm.presolve = GLP_OFF;
              parm.cb_func = sub_cb;
              parm.cb_info = &ss;
              if (n <= CUTS_MAX_COLUMNS)
                {
                  parm.mir_cuts = GLP_ON;
                  parm.cov_cuts = GLP_ON;
                }
              parm.tm_lim = remaining_ms (deadline);
              ret = glp_intopt (lp, &parm);
              status = glp_mip_status (lp);
              if (status == GLP_OPT || status == GLP_FEAS)
                {
                  if (glp_mip_obj_val (lp) < start_obj - tol)
                    for (int j = 1; j <= n; j++)
                      x[j] = glp_mip_col_val (lp, j);
                  if (ret == 0 && status == GLP_OPT)
                    result = RESULT_OPTIMAL;
                }
            }
        }
      s.armed = FALSE;
      glp_error_hook (NULL, NULL);
      glp_term_hook (NULL, NULL);
      glp_term_out (GLP_OFF);
    }
  else
    {
      esc_model_release_thread_glpk ();
      esc_subproblem_forget (sub);
      if (s.failed)
        g_warning ("GLPK failed on a neighbourhood");
      result = RESULT_UNKNOWN;
    }
  return result;
}

/* Once its bound has converged, the helper thread runs a second neighbourhood search of
 * the level (a core would idle): on a model of its own built alike (GLPK's objects
 * belong to the thread that made them; column for column the same), from the best
 * schedule either search has found, which the two exchange. */
typedef enum
{
  SECOND_NONE,                     /* not offered (yet) */
  SECOND_OFFERED,                  /* the group's thread has set the level up */
  SECOND_RUNNING,
  SECOND_DONE
} SecondState;

/* The level's bound, computed by the decomposition in a helper thread while the
 * group's thread searches (or first, in the group's thread), and the second search. */
typedef struct
{
  Run *run;
  EscDecomposition *dw;
  const double *x;
  double target;                   /* GLPK units: the start's value */
  gboolean integer;                /* go on with integral pricing */
  gint64 deadline;
  GMutex mutex;
  GCond cond;                      /* signals finish and the second search's state */
  double bound;                    /* GLPK units, -HUGE_VAL: none yet (under mutex) */
  gint finish;                     /* atomic: the level is over */
  /* The second search and the exchange (under mutex). */
  SecondState second;
  GroupState *gs;
  guint level;
  const double *limits;            /* the earlier levels' values */
  double *shared;                  /* the best vector found by either search, or NULL */
  int n_cols;
  double shared_value;             /* its level's value (level units) */
  double *combined;                /* the decomposition's schedule, not yet taken, or NULL */
  gboolean *combined_free;         /* its undecided model employees, or NULL */
  guint n_employees;               /* the model's */
} BoundJob;

static gboolean
bound_stop (gpointer data)
{
  BoundJob *job = data;

  return is_cancelled (job->run) || g_atomic_int_get (&job->finish);
}

static void
bound_report (double   bound,
              gpointer data)
{
  BoundJob *job = data;

  g_mutex_lock (&job->mutex);
  job->bound = MAX (job->bound, bound);
  g_mutex_unlock (&job->mutex);
}

static double
job_bound (BoundJob *job)
{
  double b;

  g_mutex_lock (&job->mutex);
  b = job->bound;
  g_mutex_unlock (&job->mutex);
  return b;
}

static void
run_bound (BoundJob *job)
{
  const double *combined;
  const gboolean *free_blocks;

  esc_decomposition_bound (job->dw, job->x, job->target, job->integer, job->deadline,
                           bound_stop, bound_report, job);
  combined = esc_decomposition_get_combined (job->dw, &free_blocks);
  if (combined != NULL)
    {
      g_mutex_lock (&job->mutex);
      g_free (job->combined);
      g_free (job->combined_free);
      job->combined = g_memdup2 (combined, sizeof (double) * (job->n_cols + 1));
      job->combined_free = free_blocks != NULL
                           ? g_memdup2 (free_blocks, sizeof (gboolean) * job->n_employees)
                           : NULL;
      g_mutex_unlock (&job->mutex);
    }
}

/* The decomposition's schedule (esc_decomposition_get_combined()), once, as a vector of
 * @model in @trial (rebuilt from its schedule: linking columns tight): TRUE when there is
 * one and it is legal. When the dive left employees undecided, they start from the
 * incumbent @best and GLPK completes the schedule (those employees over the whole
 * horizon, the others fixed at the dive's schedules) until @deadline. */
static gboolean
take_combined (Run          *run,
               BoundJob     *job,
               EscModel     *model,
               const double *best,
               double       *trial,
               gint64        deadline)
{
  EscProblem *problem = esc_model_get_problem (model);
  g_autofree double *combined = NULL;
  g_autofree gboolean *undecided = NULL;
  g_autofree gboolean *in_nb = NULL;
  g_autofree double *x = NULL;
  g_autoptr(EscSchedule) schedule = NULL;
  g_autoptr(EscSchedule) incumbent = NULL;
  Neighbourhood nb = { NULL, NULL };
  EscSubproblem *sub;
  Result result;
  guint n_free = 0;
  gint64 now = g_get_monotonic_time ();
  gboolean legal;

  if (job == NULL)
    return FALSE;
  g_mutex_lock (&job->mutex);
  combined = g_steal_pointer (&job->combined);
  undecided = g_steal_pointer (&job->combined_free);
  g_mutex_unlock (&job->mutex);
  if (combined == NULL)
    return FALSE;
  schedule = esc_schedule_new (problem);
  esc_model_vector_to_schedule (model, combined, schedule);
  if (undecided == NULL)
    return esc_model_vector_from_schedule (model, schedule, trial);
  if (now >= deadline)
    return FALSE;

  incumbent = esc_schedule_new (problem);
  esc_model_vector_to_schedule (model, best, incumbent);
  in_nb = g_new0 (gboolean, MAX (problem->employees->len, 1));
  for (guint i = 0; i < job->n_employees; i++)
    if (undecided[i])
      {
        int e = esc_model_get_employee (model, i);

        in_nb[e] = TRUE;
        n_free++;
        for (int d = 0; d < problem->n_days; d++)
          {
            esc_schedule_set_choice (schedule, (guint) e, (guint) d,
                                     esc_schedule_get_choice (incumbent, (guint) e, (guint) d));
            esc_schedule_set_compensation (schedule, (guint) e, (guint) d,
                                           esc_schedule_get_compensation (incumbent, (guint) e,
                                                                          (guint) d));
          }
      }
  legal = esc_model_vector_from_schedule (model, schedule, trial);
  nb.employee = in_nb;
  sub = esc_model_restrict (model, trial, cell_in_neighbourhood, &nb);
  x = g_new0 (double, esc_subproblem_get_n_cols (sub) + 1);
  esc_subproblem_from_full (sub, trial, x);
  result = solve_sub (run, sub, x, legal, deadline);
  if (result == RESULT_UNKNOWN || !esc_model_is_alive (model))
    {
      /* Cancelled inside GLPK: the thread's models are gone. */
      esc_subproblem_free (sub);
      return FALSE;
    }
  esc_subproblem_to_full (sub, x, trial);
  g_debug ("group %d: the decomposition's schedule completed (%u employees, %d columns), "
           "%s in %.3f s", esc_model_get_group (model), n_free, esc_subproblem_get_n_cols (sub),
           result == RESULT_OPTIMAL ? "proven" : "not proven",
           (g_get_monotonic_time () - now) / (double) G_USEC_PER_SEC);
  esc_subproblem_free (sub);
  return esc_model_vector_is_feasible (model, trial, 1e-6);
}

/* Hands @x (level value @value, a legal vector) to the other search when it is the best
 * yet; with @take, first copies the other search's into @x when better, then returns
 * TRUE (it still has to be checked). */
static gboolean
exchange_best (BoundJob *job,
               double   *x,
               double    value,
               gboolean  take)
{
  gboolean taken = FALSE;

  if (job == NULL)
    return FALSE;
  g_mutex_lock (&job->mutex);
  if (job->shared == NULL)
    ;  /* no second search */
  else if (value < job->shared_value - 1e-9 * MAX (1.0, fabs (value)))
    {
      memcpy (job->shared, x, sizeof (double) * (job->n_cols + 1));
      job->shared_value = value;
    }
  else if (take && job->shared_value < value - 1e-9 * MAX (1.0, fabs (value)))
    {
      memcpy (x, job->shared, sizeof (double) * (job->n_cols + 1));
      taken = TRUE;
    }
  g_mutex_unlock (&job->mutex);
  return taken;
}

static Result lns_level_body (Run *run, GroupState *gs, EscModel *model, guint k,
                              const double *limits, double *best, EscSchedule *work,
                              double scale, gint64 deadline, BoundJob *job, gboolean helped,
                              gboolean second, double *bound);

/* In the helper thread, once its bound is done: the second search, when the group's
 * thread has offered it before the level is over. */
static void
run_second_search (BoundJob *job)
{
  Run *run = job->run;
  EscModelSpec spec = { 0 };
  EscModel *model;
  g_autoptr(EscSchedule) work = NULL;
  g_autofree double *best = NULL;
  gboolean run_it = FALSE;
  double scale, bound = NAN;

  g_mutex_lock (&job->mutex);
  while (job->second == SECOND_NONE && !bound_stop (job))
    g_cond_wait_until (&job->cond, &job->mutex,
                       g_get_monotonic_time () + 50 * G_TIME_SPAN_MILLISECOND);
  if (job->second == SECOND_OFFERED && !bound_stop (job) &&
      g_get_monotonic_time () < job->deadline)
    {
      job->second = SECOND_RUNNING;
      run_it = TRUE;
    }
  g_mutex_unlock (&job->mutex);
  if (!run_it)
    return;

  spec.group = job->gs->group;
  model = esc_model_new (run->problem, &spec);
  /* The earlier levels' rows, as run_group() adds them (none for constant levels). */
  for (guint j = 0; j < job->level && esc_model_is_alive (model); j++)
    if (!esc_model_level_is_constant (model, run->levels[j]))
      esc_model_add_level_bound (model, run->levels[j], job->limits[j]);
  if (esc_model_is_alive (model) && esc_model_get_n_cols (model) == job->n_cols)
    {
      scale = esc_model_set_objective (model, run->levels[job->level]);
      best = esc_model_new_vector (model);
      work = esc_schedule_new (run->problem);
      g_mutex_lock (&job->mutex);
      memcpy (best, job->shared, sizeof (double) * (job->n_cols + 1));
      g_mutex_unlock (&job->mutex);
      if (esc_model_vector_is_feasible (model, best, 1e-6))
        lns_level_body (run, job->gs, model, job->level, job->limits, best, work, scale,
                        job->deadline, job, FALSE, TRUE, &bound);
    }
  esc_model_free (model);
  g_mutex_lock (&job->mutex);
  job->second = SECOND_DONE;
  g_cond_broadcast (&job->cond);
  g_mutex_unlock (&job->mutex);
}

static gpointer
bound_thread (gpointer data)
{
  glp_term_out (GLP_OFF);
  run_bound (data);
  run_second_search (data);
  glp_free_env ();
  return NULL;
}

/* In the group's thread: sets the second search up from @best (legal, of value @value). */
static void
offer_second_search (BoundJob     *job,
                     GroupState   *gs,
                     guint         k,
                     const double *limits,
                     const double *best,
                     int           n_cols,
                     double        value)
{
  g_mutex_lock (&job->mutex);
  job->gs = gs;
  job->level = k;
  job->limits = limits;
  job->n_cols = n_cols;
  job->shared = g_memdup2 (best, sizeof (double) * (n_cols + 1));
  job->shared_value = value;
  job->second = SECOND_OFFERED;
  g_cond_broadcast (&job->cond);
  g_mutex_unlock (&job->mutex);
}

/* A helper thread may run when fewer groups run than the run has threads (a core would
 * idle: the single big group of a pool, the last groups of a chain). */
static GThread *
start_helper (Run      *run,
              BoundJob *job)
{
  GThread *thread = NULL;
  gboolean allowed;

  g_mutex_lock (&run->mutex);
  allowed = run->n_started - run->n_done + run->n_helpers < run->n_threads &&
            run->n_started == run->n_groups;
  if (allowed)
    run->n_helpers++;
  g_mutex_unlock (&run->mutex);
  if (!allowed)
    return NULL;
  thread = g_thread_try_new ("escala-bound", bound_thread, job, NULL);
  if (thread == NULL)
    {
      g_mutex_lock (&run->mutex);
      run->n_helpers--;
      g_mutex_unlock (&run->mutex);
    }
  return thread;
}

static void
join_helper (Run     *run,
             GThread *thread)
{
  g_thread_join (thread);
  g_mutex_lock (&run->mutex);
  run->n_helpers--;
  g_mutex_unlock (&run->mutex);
}

/* Raises @bound (level units, NAN: none) to the decomposition's bound @b (GLPK units,
 * -HUGE_VAL: none), rounded up to the objective's grid (every schedule's value lies on
 * it) after a margin for the LPs' tolerances. */
static void
update_bound (EscModel *model,
              double    scale,
              double    b,
              double   *bound)
{
  double step, offset;

  if (isinf (b) || isnan (b))
    return;
  esc_model_get_objective_grid (model, &step, &offset);
  b = esc_round_lp_bound (b, step, offset) / scale;
  *bound = MAX (isnan (*bound) ? -HUGE_VAL : *bound, b);
}

/* The search's stop test, which also hands it the latest bound as its target. */
typedef struct
{
  Run *run;
  EscLocalSearch *ls;
  BoundJob *job;
  EscModel *model;
  double scale;
  double *bound;
  gboolean group_thread;           /* stops when the decomposition has a schedule to offer */
} SearchStop;

static gboolean
combined_waiting (BoundJob *job)
{
  gboolean waiting;

  g_mutex_lock (&job->mutex);
  waiting = job->combined != NULL;
  g_mutex_unlock (&job->mutex);
  return waiting;
}

static gboolean
search_stop (gpointer data)
{
  SearchStop *ss = data;
  double b = job_bound (ss->job);

  if (!isinf (b))
    {
      update_bound (ss->model, ss->scale, b, ss->bound);
      esc_local_search_set_target (ss->ls, *ss->bound);
    }
  return is_cancelled (ss->run) || (ss->group_thread && combined_waiting (ss->job));
}

/* Neighbourhood kinds: employees over the whole horizon; employees over the short days
 * and the days next to them (coverage levels); every employee over a window of days. */
enum { NB_EMPLOYEES, NB_SHORT_DAYS, NB_WINDOW, NB_N_KINDS };

/* Improves level @k of the group from the legal vector @best of the full @model (its
 * objective set to the level, the earlier levels' rows added, @limits their values):
 * first a long simulated annealing run (esc-local-search.h) when the levels are sums it
 * can evaluate, then neighbourhoods solved exactly by GLPK on restricted problems
 * (esc_model_restrict(): only the free cells' columns, so every employee over a few days
 * is as cheap as a few employees over the whole horizon), with short cold annealing runs
 * in between. For coverage levels the employees are drawn among those who can work on
 * a day short of staff (they can cover it). The sizes adapt to GLPK's speed. Every
 * improvement is published. @bound receives the best bound known (level units, NAN). */
static Result
lns_level_body (Run          *run,
                GroupState   *gs,
                EscModel     *model,
                guint         k,
                const double *limits,
                double       *best,
                EscSchedule  *work,
                double        scale,
                gint64        deadline,
                BoundJob     *job,
                gboolean      helped,
                gboolean      second,
                double       *bound)
{
  EscProblem *problem = run->problem;
  const EscProblemGroup *group = g_ptr_array_index (problem->groups, gs->group);
  const EscObjectiveLevel *level = run->levels[k];
  guint n = group->employees->len;
  int n_days = problem->n_days;
  int n_cols = esc_model_get_n_cols (model);
  double value = esc_model_level_value (model, level, best);
  double tol = 1e-9 * MAX (1.0, fabs (value));
  double per_cell = (double) n_cols / MAX (n * n_days, 1);  /* columns per (employee, day) */
  /* Neighbourhood sizes as free columns, adapted to GLPK's speed. */
  double caps[NB_N_KINDS] = { LNS_TARGET_COLUMNS, LNS_TARGET_COLUMNS, LNS_TARGET_COLUMNS };
  gboolean coverage = level->weight[ESC_OBJ_DEMAND_FULFILLMENT] > 0;
  g_autoptr(GRand) rand = g_rand_new_with_seed (run->seed + 7919u * (k + 1) + (guint) gs->group +
                                                (second ? 104729u : 0u));
  g_autofree gboolean *in_nb = g_new0 (gboolean, MAX (problem->employees->len, 1));
  g_autofree gboolean *is_short = g_new0 (gboolean, MAX (n_days, 1));
  g_autofree gboolean *free_day = g_new0 (gboolean, MAX (n_days, 1));
  g_autofree int *cands = g_new (int, MAX (n, 1));
  g_autoptr(EscLocalSearch) ls = NULL;
  g_autofree double *trial = esc_model_new_vector (model);
  gint64 start = g_get_monotonic_time (), last_improve = start;
  guint iteration = 0, since_ls = 0;
  gboolean proven = FALSE;
  double trivial = esc_model_trivial_bound (model);

  *bound = isinf (trivial) ? NAN : trivial / scale;
  esc_model_vector_to_schedule (model, best, work);
  if (!isnan (*bound) && value <= *bound + tol)
    return RESULT_OPTIMAL;

  /* Accepts @trial (a legal full vector) when it improves the level; the second search
   * publishes through the group's thread. */
#define ACCEPT_TRIAL()                                                            \
  G_STMT_START {                                                                  \
    double v_ = esc_model_level_value (model, level, trial);                      \
    if (v_ < value - tol && esc_model_vector_is_feasible (model, trial, 1e-6))    \
      {                                                                           \
        memcpy (best, trial, sizeof (double) * (n_cols + 1));                     \
        value = v_;                                                               \
        tol = 1e-9 * MAX (1.0, fabs (value));                                     \
        last_improve = g_get_monotonic_time ();                                   \
        exchange_best (job, best, value, FALSE);                                  \
        if (!second)                                                              \
          {                                                                       \
            publish_vector (gs, model, best, work);                               \
            g_mutex_lock (&run->mutex);                                           \
            gs->value[k] = value;                                                 \
            g_mutex_unlock (&run->mutex);                                         \
            report_progress (run, FALSE);                                         \
          }                                                                       \
      }                                                                           \
    esc_model_vector_to_schedule (model, best, work);                             \
  } G_STMT_END

  /* Takes the other search's best when it is better, and the decomposition's schedule
   * (in the group's thread). */
#define TAKE_OTHERS()                                                             \
  G_STMT_START {                                                                  \
    memcpy (trial, best, sizeof (double) * (n_cols + 1));                         \
    if (exchange_best (job, trial, value, TRUE))                                  \
      ACCEPT_TRIAL ();                                                            \
    if (!second &&                                                                \
        take_combined (run, job, model, best, trial,                              \
                       MIN (deadline, g_get_monotonic_time () + COMPLETION_TIME)))  \
      {                                                                           \
        double before_ = value;                                                   \
                                                                                  \
        ACCEPT_TRIAL ();                                                          \
        g_mutex_lock (&run->mutex);                                               \
        gs->combined[k] += value < before_ ? 1 : 0;                               \
        g_mutex_unlock (&run->mutex);                                             \
      }                                                                           \
  } G_STMT_END

  /* The bound so far (the decomposition's, when it has one). */
#define REFRESH_BOUND()                                                           \
  G_STMT_START {                                                                  \
    update_bound (model, scale, job_bound (job), bound);                          \
    if (!second)                                                                  \
      {                                                                           \
        g_mutex_lock (&run->mutex);                                               \
        gs->bound[k] = *bound;                                                    \
        g_mutex_unlock (&run->mutex);                                             \
      }                                                                           \
  } G_STMT_END

  /* A long annealing run first: the search moves hundreds of thousands of cells a
   * second, GLPK a few hundred. It stops at the bound. */
  REFRESH_BOUND ();
  if (!isnan (*bound) && value <= *bound + tol)
    return RESULT_OPTIMAL;
  if (helped)
    offer_second_search (job, gs, k, limits, best, n_cols, value);
  ls = esc_local_search_new (model, run->levels, k + 1, run->seed + 31u * k + (guint) gs->group +
                             (second ? 1000003u : 0u));
  /* (The second search starts with neighbourhoods while the first one anneals.) */
  if (ls != NULL && !second)
    {
      gint64 now = g_get_monotonic_time ();
      SearchStop ss = { run, ls, job, model, scale, bound, !second };

      esc_local_search_set_target (ls, *bound);
      esc_model_vector_to_schedule (model, best, work);
      if (esc_local_search_run (ls, work, limits, now + (deadline - now) * 4 / 10, search_stop,
                                &ss) &&
          esc_model_vector_from_schedule (model, work, trial))
        ACCEPT_TRIAL ();
    }
  if (is_cancelled (run))
    return RESULT_FEASIBLE;
  REFRESH_BOUND ();
  TAKE_OTHERS ();
  if (!esc_model_is_alive (model))
    return RESULT_FEASIBLE;
  if (!isnan (*bound) && value <= *bound + tol)
    return RESULT_OPTIMAL;

  /* 3. Neighbourhoods. */
  while (!is_cancelled (run) && g_get_monotonic_time () < deadline &&
         !(second && g_atomic_int_get (&job->finish)))
    {
      int n_short, kind, n_free_days = n_days;
      guint m, n_cands = 0;
      Neighbourhood nb = { in_nb, NULL };
      EscSubproblem *sub;
      g_autofree double *x = NULL;
      gint64 now, limit;
      Result result;
      double cap;

      /* First what the other search or the decomposition found (GLPK may complete the
       * decomposition's schedule: up to COMPLETION_TIME). */
      TAKE_OTHERS ();
      if (!esc_model_is_alive (model))
        return RESULT_FEASIBLE;
      if (!isnan (*bound) && value <= *bound + tol)
        {
          proven = TRUE;
          break;
        }
      if (is_cancelled (run) || g_get_monotonic_time () >= deadline)
        break;
      iteration++;
      n_short = coverage ? find_short_days (problem, gs->group, work, is_short) : 0;
      now = g_get_monotonic_time ();
      limit = MIN (CLAMP ((deadline - now) / 4, 200 * G_TIME_SPAN_MILLISECOND, G_USEC_PER_SEC),
                   deadline - now);
      kind = iteration % 2 == 1 ? NB_EMPLOYEES : n_short > 0 ? NB_SHORT_DAYS : NB_WINDOW;
      if (kind == NB_WINDOW && (n_days <= 2 || n <= 2))
        kind = NB_EMPLOYEES;
      cap = caps[kind];
      memset (in_nb, 0, sizeof (gboolean) * problem->employees->len);

      if (kind == NB_SHORT_DAYS)
        {
          /* The short days and their neighbours. */
          n_free_days = 0;
          for (int d = 0; d < n_days; d++)
            {
              free_day[d] = is_short[d] || (d > 0 && is_short[d - 1]) ||
                            (d + 1 < n_days && is_short[d + 1]);
              n_free_days += free_day[d] ? 1 : 0;
            }
          nb.day = free_day;
        }
      else if (kind == NB_WINDOW)
        {
          int len = (int) CLAMP (cap / (per_cell * n), 1.0, (double) n_days);

          free_day[0] = FALSE;
          for (int d = 0, w0 = g_rand_int_range (rand, 0, n_days - len + 1); d < n_days; d++)
            free_day[d] = d >= w0 && d < w0 + len;
          n_free_days = len;
          nb.day = free_day;
        }

      if (kind == NB_WINDOW)
        m = n;
      else
        m = (guint) CLAMP (cap / (per_cell * MAX (n_free_days, 1)), 2.0, (double) n);

      /* Coverage: employees who can work on a short day first. */
      if (n_short > 0)
        for (guint i = 0; i < n; i++)
          {
            int e = g_array_index (group->employees, int, i);
            const EscProblemEmployee *emp = esc_problem_get_employee (problem, e);

            for (int d = 0; d < n_days; d++)
              if (is_short[d] && emp->day_offset[d + 1] > emp->day_offset[d])
                {
                  cands[n_cands++] = e;
                  break;
                }
          }
      else if (kind == NB_EMPLOYEES && iteration % 4 == 1)
        {
          /* Per-employee objectives: the employees who do not work options the level
           * rewards (wishes...) that they could, and whoever may take over their work. */
          glp_prob *lp = esc_model_get_prob (model);
          guint first = (guint) g_rand_int_range (rand, 0, (gint32) n);

          for (guint i = 0; i < n && n_cands < 2; i++)
            {
              int e = g_array_index (group->employees, int, (i + first) % n);
              const EscProblemEmployee *emp = esc_problem_get_employee (problem, e);
              gboolean wants = FALSE;

              for (guint o = emp->day_offset[0]; o < emp->day_offset[n_days] && !wants; o++)
                wants = glp_get_obj_coef (lp, esc_model_option_column (model, o)) < 0 &&
                        esc_schedule_get_choice (work, e, esc_problem_get_option (problem, o)->day)
                        != (int) o && g_rand_int_range (rand, 0, 4) == 0;
              if (wants)
                cands[n_cands++] = e;
            }
        }
      {
        guint taken = 0;

        /* A random draw without replacement, from the candidates, then from everybody. */
        for (guint j = 0; j < n_cands && taken < m; j++)
          {
            guint r = j + (guint) g_rand_int_range (rand, 0, (gint32) (n_cands - j));
            int t = cands[j];

            cands[j] = cands[r];
            cands[r] = t;
            in_nb[cands[j]] = TRUE;
            taken++;
          }
        while (taken < m)
          {
            int e = g_array_index (group->employees, int, g_rand_int_range (rand, 0, (gint32) n));

            if (!in_nb[e])
              {
                in_nb[e] = TRUE;
                taken++;
              }
          }
      }

      sub = esc_model_restrict (model, best, cell_in_neighbourhood, &nb);
      x = g_new0 (double, esc_subproblem_get_n_cols (sub) + 1);
      esc_subproblem_from_full (sub, best, x);
      result = solve_sub (run, sub, x, TRUE, now + limit);
      if (result == RESULT_UNKNOWN || !esc_model_is_alive (model))
        {
          /* Cancelled inside GLPK: the thread's models are gone; the snapshot stays. */
          esc_subproblem_free (sub);
          return RESULT_FEASIBLE;
        }
      g_mutex_lock (&run->mutex);
      gs->neighbourhoods[k]++;
      gs->helper_neighbourhoods[k] += second ? 1 : 0;
      g_mutex_unlock (&run->mutex);
      memcpy (trial, best, sizeof (double) * (n_cols + 1));
      esc_subproblem_to_full (sub, x, trial);
      ACCEPT_TRIAL ();
      /* The whole group proven: the level is optimal. */
      if (result == RESULT_OPTIMAL && m >= n && nb.day == NULL)
        proven = TRUE;
      g_debug ("group %d, phase %u, neighbourhood %u%s (%s): %u employees x %d days, "
               "%d columns, %s in %.3f s, value %g", gs->group, k, iteration,
               second ? " (helper thread)" : "",
               kind == NB_EMPLOYEES ? "employees" : kind == NB_SHORT_DAYS ? "short days" : "window",
               m, n_free_days, esc_subproblem_get_n_cols (sub),
               result == RESULT_OPTIMAL ? "proven" : "not proven",
               (g_get_monotonic_time () - now) / (double) G_USEC_PER_SEC, value);
      esc_subproblem_free (sub);

      /* Adapt: grow when GLPK proves the neighbourhood within a quarter of its time,
       * shrink when it runs out of time. */
      if (result == RESULT_OPTIMAL && g_get_monotonic_time () - now < limit / 4)
        caps[kind] = MIN ((double) n_cols, cap * 1.25);
      else if (result != RESULT_OPTIMAL)
        caps[kind] = MAX (2.0 * per_cell * n_days, cap * 0.7);

      REFRESH_BOUND ();
      if (proven || (!isnan (*bound) && value <= *bound + tol))
        {
          proven = TRUE;
          break;
        }
      /* Now and then a short cold annealing run from the best (the search sees moves
       * GLPK's neighbourhoods do not, and the other way round). */
      if (ls != NULL && ++since_ls >= 8)
        {
          gint64 until = MIN (deadline, g_get_monotonic_time () + (deadline - start) / 20);

          SearchStop ss = { run, ls, job, model, scale, bound, !second };

          since_ls = 0;
          esc_local_search_set_heat (ls, 0.2);
          if (esc_local_search_run (ls, work, limits, until, search_stop, &ss) &&
              esc_model_vector_from_schedule (model, work, trial))
            ACCEPT_TRIAL ();
        }
      if (run->wait > 0 && g_get_monotonic_time () - last_improve > run->wait)
        break;
    }
#undef ACCEPT_TRIAL
#undef TAKE_OTHERS
#undef REFRESH_BOUND
  if (proven)
    *bound = value;
  return proven ? RESULT_OPTIMAL : RESULT_FEASIBLE;
}

/* After the level's search: takes the legal vector @other as the group's @best when it
 * is better for @level (value *@value), and publishes it. */
static gboolean
adopt_if_better (GroupState               *gs,
                 EscModel                 *model,
                 guint                     k,
                 const EscObjectiveLevel  *level,
                 const double             *other,
                 double                   *best,
                 EscSchedule              *work,
                 double                   *value)
{
  Run *run = gs->run;
  double v = esc_model_level_value (model, level, other);

  if (v >= *value - 1e-9 * MAX (1.0, fabs (*value)))
    return FALSE;
  memcpy (best, other, sizeof (double) * (esc_model_get_n_cols (model) + 1));
  *value = v;
  publish_vector (gs, model, best, work);
  g_mutex_lock (&run->mutex);
  gs->value[k] = v;
  g_mutex_unlock (&run->mutex);
  return TRUE;
}

/* Improves level @k (see lns_level_body()) with the bound of the decomposition
 * (esc-decompose.h): its column generation reaches the LP relaxation's value in a few
 * rounds of small per-employee LPs, where GLPK's simplex on the whole model takes tens
 * of seconds above ~10,000 columns. When a core is free it runs in a helper thread for
 * the whole level (then also with the employees' integrality), else first, for a part
 * of the level's time. */
static Result
lns_level (Run          *run,
           GroupState   *gs,
           EscModel     *model,
           guint         k,
           const double *limits,
           double       *best,
           EscSchedule  *work,
           double        scale,
           gint64        deadline,
           double       *bound)
{
  int n_cols = esc_model_get_n_cols (model);
  g_autoptr(EscDecomposition) dw = esc_decomposition_new (model);
  g_autofree double *x = g_memdup2 (best, sizeof (double) * (n_cols + 1));
  BoundJob job = { 0 };
  gint64 now = g_get_monotonic_time ();
  GThread *helper;
  Result result;

  job.run = run;
  job.dw = dw;
  job.x = x;
  job.target = esc_model_level_value (model, run->levels[k], best) * scale;
  job.bound = -HUGE_VAL;
  job.integer = TRUE;
  job.deadline = deadline;
  job.n_cols = n_cols;
  job.n_employees = esc_model_get_n_employees (model);
  g_mutex_init (&job.mutex);
  g_cond_init (&job.cond);
  helper = start_helper (run, &job);
  if (helper == NULL)
    {
      job.integer = FALSE;
      job.deadline = now + (deadline - now) / (k == 0 ? 3 : 4);
      run_bound (&job);
    }
  result = lns_level_body (run, gs, model, k, limits, best, work, scale, deadline, &job,
                           helper != NULL, FALSE, bound);
  if (helper != NULL)
    {
      g_mutex_lock (&job.mutex);
      g_atomic_int_set (&job.finish, TRUE);
      g_cond_broadcast (&job.cond);
      g_mutex_unlock (&job.mutex);
      join_helper (run, helper);
      if (result != RESULT_OPTIMAL && esc_model_is_alive (model))
        {
          const EscObjectiveLevel *level = run->levels[k];
          double value = esc_model_level_value (model, level, best);
          g_autofree double *other = g_memdup2 (best, sizeof (double) * (n_cols + 1));

          update_bound (model, scale, job_bound (&job), bound);
          /* The second search's last improvement; the decomposition's schedule when
           * every employee has one (no time is left to complete it). */
          if (exchange_best (&job, other, value, TRUE) &&
              esc_model_vector_is_feasible (model, other, 1e-6))
            adopt_if_better (gs, model, k, level, other, best, work, &value);
          memcpy (other, best, sizeof (double) * (n_cols + 1));
          if (take_combined (run, &job, model, best, other, 0) &&
              adopt_if_better (gs, model, k, level, other, best, work, &value))
            {
              g_mutex_lock (&run->mutex);
              gs->combined[k]++;
              g_mutex_unlock (&run->mutex);
            }
          if (!isnan (*bound) && value <= *bound + 1e-9 * MAX (1.0, fabs (value)))
            result = RESULT_OPTIMAL;
        }
    }
  g_debug ("group %d, phase %u: decomposition bound %g after %u rounds, %u columns%s",
           gs->group, k, *bound, esc_decomposition_get_rounds (dw),
           esc_decomposition_get_columns (dw), helper != NULL ? " (helper thread)" : "");
  g_free (job.shared);
  g_free (job.combined);
  g_free (job.combined_free);
  g_cond_clear (&job.cond);
  g_mutex_clear (&job.mutex);
  return result;
}

/* One group */

static void
sanitize_name (GString    *out,
               const char *name)
{
  for (const char *p = name; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.'
                            ? *p : '_');
}

static void
write_mps (Run      *run,
           EscModel *model,
           int       group,
           guint     level)
{
  const EscProblemGroup *g = g_ptr_array_index (run->problem->groups, group);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (run->mps_dir == NULL)
    return;
  sanitize_name (name, g_ptr_array_index (run->problem->store_ids, g->store));
  g_string_append_c (name, '-');
  sanitize_name (name, g_ptr_array_index (run->problem->role_ids, g->role));
  g_string_append_printf (name, "-phase%u.mps", level + 1);
  path = g_build_filename (run->mps_dir, name->str, NULL);
  if (!esc_model_write_mps (model, path, &error))
    g_warning ("%s", error->message);
}

static void
explain_group (Run        *run,
               GroupState *gs,
               GArray     *employees)
{
  g_mutex_lock (&run->mutex);
  gs->infeasible = TRUE;
  g_array_append_vals (gs->infeasible_employees, employees->data, employees->len);
  g_mutex_unlock (&run->mutex);

  for (guint i = 0; i < employees->len && !is_cancelled (run); i++)
    {
      int e = g_array_index (employees, int, i);
      g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);

      if (i < MAX_EXPLAINED_EMPLOYEES)
        explain_employee (run, gs->group, e, reasons);
      if (reasons->len == 0)
        g_ptr_array_add (reasons, g_strdup_printf (_("%s: no schedule meets all of their hard rules"),
                                                   esc_problem_get_employee (run->problem, e)->id));
      g_mutex_lock (&run->mutex);
      for (guint r = 0; r < reasons->len; r++)
        g_ptr_array_add (gs->reasons, g_strdup (g_ptr_array_index (reasons, r)));
      g_mutex_unlock (&run->mutex);
    }
}

static void
run_group (Run        *run,
           GroupState *gs,
           gint64      group_deadline)
{
  EscProblem *problem = run->problem;
  const EscProblemGroup *group = g_ptr_array_index (problem->groups, gs->group);
  EscModelSpec spec = { 0 };
  EscModel *model = NULL;
  g_autoptr(EscSchedule) partial = esc_schedule_new (problem);
  g_autoptr(EscSchedule) work = esc_schedule_new (problem);
  g_autoptr(GArray) infeasible = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree double *best = NULL;
  g_autofree double *limits = g_new0 (double, run->n_levels);
  gboolean have = FALSE;
  GreedyResult greedy;
  gboolean lns;
  gint64 phase_deadline, now;
  double greedy_seconds;

  g_mutex_lock (&run->mutex);
  gs->phase = 0;
  g_mutex_unlock (&run->mutex);
  now = g_get_monotonic_time ();
  phase_deadline = now + (group_deadline - now) / (gint64) run->n_levels;

  greedy = greedy_start (run, gs, run->levels[0], phase_deadline, partial, infeasible);
  greedy_seconds = (g_get_monotonic_time () - now) / (double) G_USEC_PER_SEC;
  if (greedy == GREEDY_INFEASIBLE)
    {
      /* The other employees keep their legal greedy schedules (published). */
      explain_group (run, gs, infeasible);
      return;
    }
  if (greedy == GREEDY_INCOMPLETE && is_cancelled (run))
    return;

  spec.group = gs->group;
  now = g_get_monotonic_time ();
  model = esc_model_new (problem, &spec);
  best = esc_model_new_vector (model);
  g_debug ("group %d: %u employees, greedy start %.3f s, model of %d columns and %d rows "
           "built in %.3f s", gs->group, group->employees->len, greedy_seconds,
           esc_model_get_n_cols (model), glp_get_num_rows (esc_model_get_prob (model)),
           (g_get_monotonic_time () - now) / (double) G_USEC_PER_SEC);
  lns = run->lns_min_columns >= 0 && esc_model_get_n_cols (model) > run->lns_min_columns;
  if (lns)
    {
      /* The search and the neighbourhoods stop at their deadline; the last checks and
       * publishing after them get 0.3 s. The first level (coverage, in the default
       * hierarchy) gets the larger share: the later ones start from a good schedule. */
      group_deadline -= 300 * G_TIME_SPAN_MILLISECOND;
      now = g_get_monotonic_time ();
      if (run->n_levels > 1)
        phase_deadline = now + (gint64) ((group_deadline - now) * 0.6);
    }
  if (greedy == GREEDY_OK)
    {
      have = esc_model_vector_from_schedule (model, partial, best);
      if (!have)
        g_warning ("The greedy schedule of group %d does not fit the group model", gs->group);
    }

  for (guint k = 0; k < run->n_levels && !is_cancelled (run) && esc_model_is_alive (model); k++)
    {
      const EscObjectiveLevel *level = run->levels[k];
      gint64 phase_start = g_get_monotonic_time ();
      Solve s = { 0 };
      Result result;
      double value;

      g_mutex_lock (&run->mutex);
      gs->phase = (int) k;
      if (have)
        gs->value[k] = esc_model_level_value (model, level, best);
      g_mutex_unlock (&run->mutex);
      report_progress (run, TRUE);
      if (k > 0)
        phase_deadline = phase_start + (group_deadline - phase_start) / (gint64) (run->n_levels - k);

      if (have && esc_model_level_is_constant (model, level))
        {
          g_mutex_lock (&run->mutex);
          gs->bound[k] = gs->value[k];
          gs->proven[k] = TRUE;
          g_mutex_unlock (&run->mutex);
          continue;
        }

      s.run = run;
      s.gs = gs;
      s.work = work;
      s.level = (int) k;
      s.model = model;
      s.scale = esc_model_set_objective (model, level);
      s.deadline = MAX (phase_deadline, phase_start + 1000);
      s.wait = run->wait;
      write_mps (run, model, gs->group, k);

      if (lns && have)
        {
          double b;

          /* Too big to prove: improve by neighbourhoods. */
          result = lns_level (run, gs, model, k, limits, best, work, s.scale, s.deadline, &b);
          s.bound = isnan (b) ? -HUGE_VAL : b * s.scale;
          s.incumbent = esc_model_level_value (model, level, best) * s.scale;
          s.has_incumbent = TRUE;
        }
      else
        result = solve_mip (&s, k > 0, best, have);
      g_mutex_lock (&run->mutex);
      gs->seconds[k] += (g_get_monotonic_time () - phase_start) / (double) G_USEC_PER_SEC;
      g_mutex_unlock (&run->mutex);
      g_debug ("group %d, phase %u (%s): %s, value %g, bound %g, %.3f s (LP %.3f s)%s%s%s",
               gs->group, k, level->text,
               result == RESULT_OPTIMAL ? "optimal" : result == RESULT_FEASIBLE ? "feasible"
               : result == RESULT_INFEASIBLE ? "infeasible" : "unknown",
               s.has_incumbent ? s.incumbent / s.scale : NAN, s.bound / s.scale,
               (g_get_monotonic_time () - phase_start) / (double) G_USEC_PER_SEC,
               s.lp_seconds, s.timed_out ? ", time limit" : "",
               s.waited ? ", improvement wait" : "", s.cancelled ? ", cancelled" : "");

      if (result == RESULT_INFEASIBLE && !have)
        {
          /* The greedy start did not settle it (a time limit): find who. */
          g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (int));

          g_array_append_vals (all, group->employees->data, group->employees->len);
          explain_group (run, gs, all);
          break;
        }
      if (result == RESULT_UNKNOWN || result == RESULT_INFEASIBLE)
        break;
      have = TRUE;
      publish_vector (gs, model, best, work);

      value = esc_model_level_value (model, level, best);
      g_mutex_lock (&run->mutex);
      gs->value[k] = value;
      gs->proven[k] = result == RESULT_OPTIMAL;
      gs->bound[k] = result == RESULT_OPTIMAL ? value
                     : isinf (s.bound) ? NAN : MIN (s.bound / s.scale, value);
      g_mutex_unlock (&run->mutex);

      limits[k] = value;
      if (k + 1 < run->n_levels && esc_model_is_alive (model))
        esc_model_add_level_bound (model, level, value);
    }

  if (have)
    {
      g_mutex_lock (&run->mutex);
      for (guint k = 0; k < run->n_levels; k++)
        {
          gs->value[k] = esc_model_level_value (model, run->levels[k], best);
          /* A later phase may have improved this level (its row allows it) up to the
           * bound found for it: then it is proven too. */
          if (!gs->proven[k] && !isnan (gs->bound[k]) &&
              gs->value[k] <= gs->bound[k] + 1e-9 * MAX (1.0, fabs (gs->bound[k])))
            gs->proven[k] = TRUE;
          if (gs->proven[k])
            gs->bound[k] = gs->value[k];
          else if (!isnan (gs->bound[k]))
            gs->bound[k] = MIN (gs->bound[k], gs->value[k]);
        }
      g_mutex_unlock (&run->mutex);
    }
  esc_model_free (model);
}

static void
solve_group_cb (gpointer data,
                gpointer user_data)
{
  GroupState *gs = data;
  Run *run = gs->run;
  gint64 now, group_deadline;
  guint waiting;
  gboolean stopped;

  glp_term_out (GLP_OFF);

  g_mutex_lock (&run->mutex);
  gs->started = TRUE;
  waiting = run->n_groups - run->n_started;  /* this one and those not yet started */
  run->n_started++;
  g_mutex_unlock (&run->mutex);

  /* A fair share of the time left: the groups not yet started share it with the
   * running ones, n_threads at a time. */
  now = g_get_monotonic_time ();
  group_deadline = run->deadline;
  if (waiting > run->n_threads && run->deadline > now)
    group_deadline = now + (gint64) ((run->deadline - now) * ((double) run->n_threads / waiting));

  if (!is_cancelled (run))
    run_group (run, gs, group_deadline);
  stopped = is_cancelled (run);

  g_mutex_lock (&run->mutex);
  gs->stopped = stopped;
  gs->done = TRUE;
  run->n_done++;
  g_cond_broadcast (&run->cond);
  g_mutex_unlock (&run->mutex);
  report_progress (run, TRUE);

  /* GLPK's environment of this (pool) thread; every model of this task is freed. */
  esc_model_release_thread_glpk ();
  run_unref (run);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const GroupState *x = *(GroupState * const *) a;
  const GroupState *y = *(GroupState * const *) b;

  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

/* A level of one objective reports in that objective's own sense (preferences met:
 * 10, not -10; hours in minutes as evaluated); a weighted sum of several stays the
 * value that was minimised. The gap is a ratio and does not change. */
static void
to_objective_sense (const EscObjectiveLevel *level,
                    EscPhaseStats           *stats)
{
  int single = -1;
  double factor;

  for (int o = 0; o < ESC_N_OBJECTIVES; o++)
    if (level->weight[o] != 0)
      {
        if (single >= 0)
          return;
        single = o;
      }
  if (single < 0)
    return;
  factor = (esc_objective_is_maximised (single) ? -1.0 : 1.0) / level->weight[single];
  stats->value *= factor;
  stats->bound *= factor;
  if (stats->value == 0)
    stats->value = 0;  /* no "-0" in outputs */
}

/* The result, from the groups' snapshots (under run->mutex). */
static EscSchedule *
collect_schedule (Run      *run,
                  gboolean  cancelled)
{
  EscProblem *problem = run->problem;
  EscSchedule *schedule = esc_schedule_new (problem);
  gboolean any_infeasible = FALSE, groups_complete = TRUE, all_proven;

  for (guint g = 0; g < run->n_groups; g++)
    {
      GroupState *gs = &run->groups[g];
      const EscProblemGroup *group = g_ptr_array_index (problem->groups, gs->group);

      if (gs->has_best)
        for (guint i = 0; i < group->employees->len; i++)
          {
            int e = g_array_index (group->employees, int, i);

            for (int d = 0; d < problem->n_days; d++)
              {
                gsize cell = (gsize) i * problem->n_days + d;

                esc_schedule_set_choice (schedule, e, d, gs->best_choice[cell]);
                esc_schedule_set_compensation (schedule, e, d, gs->best_compensation[cell]);
              }
          }
      if (gs->infeasible)
        {
          any_infeasible = TRUE;
          for (guint i = 0; i < gs->reasons->len; i++)
            g_ptr_array_add (schedule->reasons, g_strdup (g_ptr_array_index (gs->reasons, i)));
          /* Stopped before the explanation. */
          for (guint i = gs->reasons->len; i < gs->infeasible_employees->len; i++)
            g_ptr_array_add (schedule->reasons,
                             g_strdup_printf (_("%s: no schedule meets all of their hard rules"),
                                              esc_problem_get_employee (problem,
                                                g_array_index (gs->infeasible_employees, int, i))->id));
        }
      if (!gs->done || gs->stopped || (!gs->has_best && gs->n_employees > 0))
        groups_complete = FALSE;
    }

  /* Statistics per phase: the value of the schedule returned (as esc-evaluate.h scores
   * it, to minimise), the sum of the groups' bounds. */
  all_proven = groups_complete;
  if (run->report_phases)
    for (guint k = 0; k < run->n_levels; k++)
      {
        EscPhaseStats *stats = esc_phase_stats_new (run->levels[k]->text);
        double value = esc_evaluate_level (schedule, run->levels[k]);
        double bound = 0.0, seconds = 0.0;
        gboolean proven = !any_infeasible, bound_known = TRUE;

        for (guint g = 0; g < run->n_groups; g++)
          {
            const GroupState *gs = &run->groups[g];

            seconds += gs->seconds[k];
            stats->neighbourhoods += gs->neighbourhoods[k];
            stats->helper_neighbourhoods += gs->helper_neighbourhoods[k];
            stats->combined += gs->combined[k];
            if (!gs->done || gs->stopped || !gs->proven[k])
              proven = FALSE;
            if (isnan (gs->bound[k]))
              bound_known = FALSE;
            else
              bound += gs->bound[k];
          }
        if (!groups_complete)
          proven = FALSE;
        stats->value = value;
        stats->bound = proven ? value : bound_known ? MIN (bound, value) : NAN;
        stats->gap = proven ? 0.0
                     : isnan (stats->bound) ? NAN
                     : fabs (value - stats->bound) < 1e-9 ? 0.0
                     : fabs (value - stats->bound) / (fabs (value) + DBL_EPSILON);
        stats->seconds = seconds;
        stats->proven_optimal = proven;
        to_objective_sense (run->levels[k], stats);
        all_proven &= proven;
        g_ptr_array_add (schedule->phases, stats);
      }
  else
    for (guint g = 0; g < run->n_groups; g++)
      all_proven &= run->groups[g].proven[0];

  if (any_infeasible)
    schedule->status = ESC_SCHEDULE_INFEASIBLE;
  else if (cancelled)
    schedule->status = ESC_SCHEDULE_CANCELLED;
  else if (all_proven)
    schedule->status = ESC_SCHEDULE_OPTIMAL;
  else
    schedule->status = ESC_SCHEDULE_FEASIBLE;
  schedule->seconds = (g_get_monotonic_time () - run->t0) / (double) G_USEC_PER_SEC;
  return schedule;
}

/* Public API */

EscSchedule *
esc_solver_solve (EscProblem              *problem,
                  const EscSolverOptions  *options,
                  EscSolverProgressFunc    progress_func,
                  gpointer                 progress_data,
                  GCancellable            *cancellable,
                  GError                 **error)
{
  EscSolverOptions defaults = { 0 };
  Run *run;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GThreadPool *pool = NULL;
  double time_limit, wait;
  gboolean cancelled;
  EscSchedule *schedule;

  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;

  run = g_new0 (Run, 1);
  g_atomic_ref_count_init (&run->ref_count);
  run->problem = esc_problem_ref (problem);
  run->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  run->stop = g_cancellable_new ();
  run->t0 = g_get_monotonic_time ();
  time_limit = options->time_limit > 0 ? options->time_limit : problem->max_seconds;
  if (!(time_limit > 0))
    time_limit = 60.0;
  run->deadline = run->t0 + (gint64) (time_limit * G_USEC_PER_SEC);
  wait = options->improvement_wait > 0 ? options->improvement_wait : problem->improvement_wait;
  run->wait = wait > 0 ? (gint64) (wait * G_USEC_PER_SEC) : 0;
  run->mps_dir = g_strdup (options->write_mps_dir);
  if (options->start != NULL && options->start->problem == problem)
    run->start = esc_schedule_ref ((EscSchedule *) options->start);
  run->seed = options->seed;
  run->lns_min_columns = options->lns_min_columns == 0 ? LNS_MIN_COLUMNS
                         : options->lns_min_columns;
  run->progress_func = progress_func;
  run->progress_data = progress_data;
  run->last_progress = G_MININT64 / 2;
  g_mutex_init (&run->mutex);
  g_cond_init (&run->cond);
  g_mutex_init (&run->progress_mutex);

  if (problem->levels != NULL && problem->levels->len > 0)
    {
      run->n_levels = problem->levels->len;
      run->levels = g_new (const EscObjectiveLevel *, run->n_levels);
      for (guint k = 0; k < run->n_levels; k++)
        run->levels[k] = g_ptr_array_index (problem->levels, k);
      run->report_phases = TRUE;
    }
  else
    {
      run->n_levels = 1;
      run->levels = g_new (const EscObjectiveLevel *, 1);
      run->levels[0] = &zero_level;
      run->report_phases = FALSE;
    }

  if (run->mps_dir != NULL && g_mkdir_with_parents (run->mps_dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), run->mps_dir, g_strerror (saved));
      run_unref (run);
      return NULL;
    }

  run->n_groups = problem->groups->len;
  run->groups = g_new0 (GroupState, MAX (run->n_groups, 1));
  for (guint g = 0; g < run->n_groups; g++)
    {
      GroupState *gs = &run->groups[g];
      const EscProblemGroup *group = g_ptr_array_index (problem->groups, g);
      gsize n_cells = (gsize) group->employees->len * problem->n_days;

      gs->run = run;
      gs->index = g;
      gs->group = (int) g;
      gs->n_employees = group->employees->len;
      gs->phase = -1;
      gs->value = g_new (double, run->n_levels);
      gs->bound = g_new (double, run->n_levels);
      gs->proven = g_new0 (gboolean, run->n_levels);
      gs->seconds = g_new0 (double, run->n_levels);
      gs->neighbourhoods = g_new0 (guint, run->n_levels);
      gs->helper_neighbourhoods = g_new0 (guint, run->n_levels);
      gs->combined = g_new0 (guint, run->n_levels);
      gs->reasons = g_ptr_array_new_with_free_func (g_free);
      gs->infeasible_employees = g_array_new (FALSE, FALSE, sizeof (int));
      gs->best_choice = g_new (int, MAX (n_cells, 1));
      gs->best_compensation = g_new0 (gboolean, MAX (n_cells, 1));
      for (gsize i = 0; i < n_cells; i++)
        gs->best_choice[i] = ESC_NONE;
      for (guint k = 0; k < run->n_levels; k++)
        gs->value[k] = gs->bound[k] = NAN;
      for (guint i = 0; i < group->employees->len; i++)
        {
          const EscProblemEmployee *emp = esc_problem_get_employee (
            problem, g_array_index (group->employees, int, i));

          gs->weight += emp->day_offset[problem->n_days] - emp->day_offset[0];
        }
      g_ptr_array_add (order, gs);
    }
  g_ptr_array_sort (order, compare_groups);

  /* The pool runs at most one thread per group; the threads left over (a pool of one
   * group on two cores...) serve the groups' helper threads (start_helper()). */
  run->n_threads = MAX (options->n_threads > 0 ? options->n_threads : g_get_num_processors (), 1);

  if (run->n_groups > 0)
    {
      pool = g_thread_pool_new (solve_group_cb, NULL,
                                (int) MIN (run->n_threads, run->n_groups), FALSE, error);
      if (pool == NULL)
        {
          run_unref (run);
          return NULL;
        }
      for (guint i = 0; i < order->len; i++)
        {
          GroupState *gs = g_ptr_array_index (order, i);

          run_ref (run);
          g_thread_pool_push (pool, gs, NULL);
        }
    }

  /* Wait for the groups; on cancel or at the time limit, tell them to stop, give them a
   * moment to publish, and return what they published, whatever GLPK is doing. */
  g_mutex_lock (&run->mutex);
  while (run->n_done < run->n_groups)
    {
      gint64 now = g_get_monotonic_time ();

      if (g_cancellable_is_cancelled (cancellable) || now >= run->deadline + DEADLINE_GRACE)
        break;
      g_cond_wait_until (&run->cond, &run->mutex,
                         MIN (now + POLL_INTERVAL, run->deadline + DEADLINE_GRACE));
    }
  if (run->n_done < run->n_groups)
    {
      gint64 grace_end = g_get_monotonic_time () + CANCEL_GRACE;

      g_mutex_unlock (&run->mutex);
      g_cancellable_cancel (run->stop);
      g_mutex_lock (&run->mutex);
      while (run->n_done < run->n_groups &&
             g_cond_wait_until (&run->cond, &run->mutex, grace_end))
        ;
    }
  cancelled = g_cancellable_is_cancelled (cancellable);
  schedule = collect_schedule (run, cancelled);
  g_mutex_unlock (&run->mutex);

  /* A last report (all groups done, unless stopped), then no progress after this point:
   * the caller may free its data. */
  report_progress (run, TRUE);
  g_mutex_lock (&run->progress_mutex);
  run->returned = TRUE;
  g_mutex_unlock (&run->progress_mutex);

  /* Groups not started yet still run, see the stop and return at once (each holds a
   * reference to the run). */
  if (pool != NULL)
    g_thread_pool_free (pool, FALSE, FALSE);
  run_unref (run);

  return schedule;
}

/* Asynchronous solve: the latest progress waits in AsyncData; at most one idle source
 * is pending on the caller's main context to deliver it. */

typedef struct
{
  gatomicrefcount ref_count;
  GMutex mutex;
  EscProblem *problem;
  EscSolverOptions options;
  char *mps_dir;
  GMainContext *context;
  EscSolverProgressFunc progress_func;
  gpointer progress_data;
  GDestroyNotify progress_destroy;
  GAsyncReadyCallback callback;
  gpointer user_data;
  EscSolverProgress latest;
  gboolean pending;
  gboolean done;
} AsyncData;

static AsyncData *
async_data_ref (AsyncData *data)
{
  g_atomic_ref_count_inc (&data->ref_count);
  return data;
}

static void
async_data_unref (gpointer user_data)
{
  AsyncData *data = user_data;

  if (!g_atomic_ref_count_dec (&data->ref_count))
    return;
  /* Normally destroyed by solve_task_done_cb already, on the main context. */
  if (data->progress_destroy != NULL)
    data->progress_destroy (data->progress_data);
  g_clear_pointer (&data->problem, esc_problem_unref);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data->mps_dir);
  if (data->options.start != NULL)
    esc_schedule_unref ((EscSchedule *) data->options.start);
  g_mutex_clear (&data->mutex);
  g_free (data);
}

static gboolean
deliver_progress_cb (gpointer user_data)
{
  AsyncData *data = user_data;
  EscSolverProgress progress;
  gboolean done;

  g_mutex_lock (&data->mutex);
  data->pending = FALSE;
  progress = data->latest;
  done = data->done;
  g_mutex_unlock (&data->mutex);

  if (!done && data->progress_func != NULL)
    data->progress_func (&progress, data->progress_data);
  return G_SOURCE_REMOVE;
}

/* On the worker threads: keep the latest; schedule a delivery unless one is pending. */
static void
async_progress_cb (const EscSolverProgress *progress,
                   gpointer                 user_data)
{
  AsyncData *data = user_data;

  g_mutex_lock (&data->mutex);
  data->latest = *progress;
  if (!data->pending && !data->done)
    {
      GSource *source = g_idle_source_new ();

      data->pending = TRUE;
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, deliver_progress_cb, async_data_ref (data),
                             async_data_unref);
      g_source_set_static_name (source, "[escala] solver progress");
      g_source_attach (source, data->context);
      g_source_unref (source);
    }
  g_mutex_unlock (&data->mutex);
}

static void
solve_thread_cb (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AsyncData *data = task_data;
  g_autoptr(GError) error = NULL;
  EscSchedule *schedule;

  schedule = esc_solver_solve (data->problem, &data->options,
                               data->progress_func != NULL ? async_progress_cb : NULL, data,
                               cancellable, &error);
  if (schedule == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, schedule, (GDestroyNotify) esc_schedule_unref);
}

static void
solve_task_done_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AsyncData *data = user_data;

  g_mutex_lock (&data->mutex);
  data->done = TRUE;
  g_mutex_unlock (&data->mutex);

  if (data->callback != NULL)
    data->callback (source_object, result, data->user_data);
  if (data->progress_destroy != NULL)
    {
      GDestroyNotify destroy = data->progress_destroy;

      data->progress_destroy = NULL;
      destroy (data->progress_data);
    }
  async_data_unref (data);
}

void
esc_solver_solve_async (EscProblem              *problem,
                        const EscSolverOptions  *options,
                        GCancellable            *cancellable,
                        EscSolverProgressFunc    progress_func,
                        gpointer                 progress_data,
                        GDestroyNotify           progress_destroy,
                        GAsyncReadyCallback      callback,
                        gpointer                 user_data)
{
  AsyncData *data;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (problem != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (AsyncData, 1);
  g_atomic_ref_count_init (&data->ref_count);
  g_mutex_init (&data->mutex);
  data->problem = esc_problem_ref (problem);
  if (options != NULL)
    data->options = *options;
  data->mps_dir = g_strdup (data->options.write_mps_dir);
  data->options.write_mps_dir = data->mps_dir;
  if (data->options.start != NULL)
    data->options.start = esc_schedule_ref ((EscSchedule *) data->options.start);
  data->context = g_main_context_ref_thread_default ();
  data->progress_func = progress_func;
  data->progress_data = progress_data;
  data->progress_destroy = progress_destroy;
  data->callback = callback;
  data->user_data = user_data;

  /* One reference for the completion callback, one for the task data. */
  task = g_task_new (NULL, cancellable, solve_task_done_cb, data);
  g_task_set_source_tag (task, esc_solver_solve_async);
  g_task_set_name (task, "[escala] solve");
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, async_data_ref (data), async_data_unref);
  g_task_run_in_thread (task, solve_thread_cb);
}

EscSchedule *
esc_solver_solve_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == esc_solver_solve_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
