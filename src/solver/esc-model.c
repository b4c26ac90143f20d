/* esc-model.c: the GLPK model of one (store, role) group, or of some of its employees.
 *
 * Rows are collected in plain arrays (merged per row, so a column never appears twice)
 * and loaded into GLPK at once. Every hard rule is enforced on the facts of the problem
 * (options, patterns, holidays, history), as esc-checker.h reads them, and every objective
 * term matches esc-evaluate.h. See README.md in this folder for the formulation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "core/esc-c-locale.h"
#include "esc-model.h"

#define MINUTES_PER_DAY ESC_MINUTES_PER_DAY

typedef struct
{
  double lb, ub;
  gboolean integer;
} ColDef;

typedef struct
{
  int type;
  double lo, up;
  guint first, len;
} RowDef;

typedef struct
{
  int col;
  double val;
} Entry;

typedef struct
{
  int e;                           /* problem index */
  const EscProblemEmployee *emp;
  guint o0;                        /* first option of the employee */
  guint n_opt;
  int x0;                          /* GLPK column of option o0 */
} ModelEmployee;

/* Coverage of a slot or shift demand: u >= r - sum x, v >= sum x - r. */
typedef struct
{
  int u_col, v_col;                /* 0 when absent */
  int required;                    /* minus the fixed employees' contribution */
  guint first, len;                /* into cover_cols */
} CoverDef;

typedef struct
{
  int k;                           /* model employee */
  int week;
  int y0;                          /* first y column (pattern 0) */
  guint n_patterns;
} PatternDef;

typedef struct
{
  int k;
  int holiday;                     /* day, or ESC_NONE for a pending compensation */
  int deadline;
  gboolean hard;
  guint z_first, z_len;            /* into zcols */
} CompItem;

typedef struct
{
  int col;
  int item;                        /* index into comp_items */
  int day;
} ZCol;

typedef struct
{
  int col;
  int k;
  int day_a, day_b;                /* -1 when outside the horizon */
} WeekendDef;

typedef struct
{
  int col;
  int row;                         /* 1-based GLPK row */
  int sign;                        /* +1: row >= rhs (slack added), -1: row <= rhs */
  EscModelViolation info;
} SlackDef;

typedef struct
{
  GArray *terms;                   /* Entry */
  double constant;
} ObjectiveTerms;

struct _EscModel
{
  EscProblem *problem;
  guint epoch;                     /* this thread's GLPK environment it was built in */
  int group;
  EscModelSpec spec;
  int n_days;
  glp_prob *lp;

  ModelEmployee *emps;
  guint n_emps;
  int *k_of_employee;              /* problem employee -> model index, -1 */

  /* Building (freed once loaded). */
  GArray *cols;                    /* ColDef */
  GArray *rows;                    /* RowDef */
  GArray *entries;                 /* Entry */
  guint row_first;

  int n_cols;

  GArray *covers;                  /* CoverDef */
  GArray *cover_cols;              /* int */
  GArray *patterns;                /* PatternDef */
  GArray *comp_items;              /* CompItem */
  GArray *zcols;                   /* ZCol */
  GArray *weekends;                /* WeekendDef */
  GArray *slacks;                  /* SlackDef */
  int max_col, min_col;            /* workforce balance, 0 when absent */
  int *balance_const;              /* n_days: fixed employees working on the demand day */
  gboolean *balance_day;           /* n_days: the group's demand days, or NULL */

  ObjectiveTerms objectives[ESC_N_OBJECTIVES];
  gboolean round_known;            /* round_step and round_offset are up to date */
  double round_step;               /* gcd of the objective's coefficients, 0: no rounding */
  double round_offset;
  guint rule_rows[ESC_MODEL_N_RULES];
  gboolean *fixed_cells;           /* n_emps * n_days: option columns fixed */
  int building;                    /* model employee whose columns are being added, -1 */
  GArray *col_employee;            /* int per column (0-based): model employee or -1 */
};

/* Incremented (per thread) each time the thread's GLPK environment is freed. */
static GPrivate glpk_epoch;

static guint
current_epoch (void)
{
  return GPOINTER_TO_UINT (g_private_get (&glpk_epoch));
}

/* Building blocks */

static int
add_col (EscModel *self,
         double    lb,
         double    ub,
         gboolean  integer)
{
  ColDef def = { lb, ub, integer };

  g_array_append_val (self->cols, def);
  g_array_append_val (self->col_employee, self->building);
  return (int) self->cols->len;  /* 1-based */
}

static void
row_begin (EscModel *self)
{
  self->row_first = self->entries->len;
}

static void
row_add (EscModel *self,
         int       col,
         double    val)
{
  Entry entry = { col, val };

  if (val != 0.0)
    g_array_append_val (self->entries, entry);
}

static void
row_cancel (EscModel *self)
{
  g_array_set_size (self->entries, self->row_first);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  return (x->col > y->col) - (x->col < y->col);
}

/* Merges duplicate columns of the row being built and appends it. Returns its 1-based
 * index. */
static int
row_end (EscModel *self,
         int       type,
         double    lo,
         double    up)
{
  Entry *entries = &g_array_index (self->entries, Entry, 0);
  guint first = self->row_first, n = self->entries->len - first, out = 0;
  RowDef def;

  if (n > 1)
    qsort (entries + first, n, sizeof (Entry), compare_entries);
  for (guint i = 0; i < n; i++)
    {
      Entry e = entries[first + i];

      if (out > 0 && entries[first + out - 1].col == e.col)
        entries[first + out - 1].val += e.val;
      else
        entries[first + out++] = e;
    }
  /* Drop entries that cancelled out. */
  {
    guint kept = 0;

    for (guint i = 0; i < out; i++)
      if (entries[first + i].val != 0.0)
        entries[first + kept++] = entries[first + i];
    out = kept;
  }
  g_array_set_size (self->entries, first + out);

  def.type = type;
  def.lo = lo;
  def.up = up;
  def.first = first;
  def.len = out;
  g_array_append_val (self->rows, def);
  return (int) self->rows->len;
}

/* Ends a row of a hard-rule family: "row <= rhs" (GLP_UP) or "row >= rhs" (GLP_LO),
 * as the family's mode says. */
static int
rule_row_end (EscModel                *self,
              EscModelRule             rule,
              int                      sense,
              double                   rhs,
              const EscModelViolation *info)
{
  EscModelRuleMode mode = self->spec.rule_mode[rule];
  int row;

  if (mode == ESC_MODEL_RULE_OFF)
    {
      row_cancel (self);
      return 0;
    }

  self->rule_rows[rule]++;
  if (mode == ESC_MODEL_RULE_ELASTIC)
    {
      SlackDef slack = { 0 };

      slack.col = add_col (self, 0.0, HUGE_VAL, FALSE);
      slack.sign = sense == GLP_LO ? 1 : -1;
      slack.info = *info;
      slack.info.rule = rule;
      row_add (self, slack.col, slack.sign);
      row = row_end (self, sense, rhs, rhs);
      slack.row = row;
      g_array_append_val (self->slacks, slack);
      return row;
    }

  return row_end (self, sense, rhs, rhs);
}

static void
objective_add (EscModel     *self,
               EscObjective  objective,
               int           col,
               double        coef)
{
  Entry entry = { col, coef };

  if (coef != 0.0)
    g_array_append_val (self->objectives[objective].terms, entry);
}

static inline guint
opt_first (const ModelEmployee *me,
           int                  d)
{
  return me->emp->day_offset[d];
}

static inline guint
opt_end (const ModelEmployee *me,
         int                  d)
{
  return me->emp->day_offset[d + 1];
}

static inline int
opt_col (const ModelEmployee *me,
         guint                o)
{
  return me->x0 + (int) (o - me->o0);
}

static inline guint
n_opts (const ModelEmployee *me,
        int                  d)
{
  return opt_end (me, d) - opt_first (me, d);
}

static void
row_add_work (EscModel            *self,
              const ModelEmployee *me,
              int                  d,
              double               coef)
{
  for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
    row_add (self, opt_col (me, o), coef);
}

static int
max_net (const EscProblem    *problem,
         const ModelEmployee *me,
         int                  d)
{
  int best = 0;

  for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
    best = MAX (best, esc_problem_get_option (problem, o)->net_minutes);
  return best;
}

static EscWeekday
weekday_of (const EscProblem *problem,
            int               d)
{
  return esc_julian_weekday (problem->start_julian + (EscJulian) d);
}

static gboolean
is_holiday (const EscProblem         *problem,
            const EscProblemEmployee *emp,
            int                       d)
{
  return problem->store_holiday != NULL &&
         problem->store_holiday[(gsize) emp->store * problem->n_days + d];
}

static gboolean
is_clocked (const EscProblem       *problem,
            const EscProblemOption *opt)
{
  return esc_problem_get_shift (problem, opt->shift)->start != ESC_NONE;
}

static EscModelViolation
make_info (const ModelEmployee *me,
           int                  first_day,
           int                  last_day,
           int                  limit,
           int                  aux)
{
  EscModelViolation info = { 0 };

  info.employee = me->e;
  info.first_day = first_day;
  info.last_day = last_day;
  info.limit = limit;
  info.aux = aux;
  return info;
}

/* Employee rows */

/* Worked holidays and pending compensations, their z columns, and the day rows
 * "sum z + work <= 1". Marks the days that got such a row in @comp_day. */
static void
build_compensation (EscModel            *self,
                    const ModelEmployee *me,
                    int                  k,
                    gboolean            *comp_day)
{
  EscProblem *problem = self->problem;
  const EscProblemEmployee *emp = me->emp;
  int n = self->n_days;
  guint first_item = self->comp_items->len;
  g_autofree gboolean *usable = g_new0 (gboolean, MAX (n, 1));

  for (int d = 0; d < n; d++)
    usable[d] = n_opts (me, d) > 0 && !is_holiday (problem, emp, d);

  if (emp->compensation_deadline != ESC_NONE)
    for (int h = 0; h < n; h++)
      {
        CompItem item = { 0 };

        if (!is_holiday (problem, emp, h) || n_opts (me, h) == 0)
          continue;
        item.k = k;
        item.holiday = h;
        item.deadline = h + emp->compensation_deadline;
        item.hard = item.deadline <= n - 1;
        item.z_first = self->zcols->len;
        for (int d = h + 1; d <= MIN (item.deadline, n - 1); d++)
          if (usable[d])
            {
              ZCol z = { add_col (self, 0.0, 1.0, TRUE), (int) self->comp_items->len, d };

              g_array_append_val (self->zcols, z);
            }
        item.z_len = self->zcols->len - item.z_first;
        g_array_append_val (self->comp_items, item);
      }

  if (emp->pending_compensations != NULL)
    for (guint i = 0; i < emp->pending_compensations->len; i++)
      {
        CompItem item = { 0 };
        int deadline = g_array_index (emp->pending_compensations, int, i);
        int last = deadline < 0 ? n - 1 : MIN (deadline, n - 1);

        item.k = k;
        item.holiday = ESC_NONE;
        item.deadline = deadline;
        item.hard = deadline >= 0 && deadline <= n - 1;
        item.z_first = self->zcols->len;
        for (int d = 0; d <= last; d++)
          if (usable[d])
            {
              ZCol z = { add_col (self, 0.0, 1.0, TRUE), (int) self->comp_items->len, d };

              g_array_append_val (self->zcols, z);
            }
        item.z_len = self->zcols->len - item.z_first;
        g_array_append_val (self->comp_items, item);
      }

  for (guint i = first_item; i < self->comp_items->len; i++)
    {
      const CompItem *item = &g_array_index (self->comp_items, CompItem, i);
      EscModelViolation info = make_info (me, item->holiday != ESC_NONE ? item->holiday : 0,
                                          item->deadline, emp->compensation_deadline,
                                          item->holiday);

      for (guint j = 0; j < item->z_len; j++)
        objective_add (self, ESC_OBJ_HOLIDAY_COMPENSATION,
                       g_array_index (self->zcols, ZCol, item->z_first + j).col, 1.0);

      /* Compensation only for what is owed. */
      row_begin (self);
      for (guint j = 0; j < item->z_len; j++)
        row_add (self, g_array_index (self->zcols, ZCol, item->z_first + j).col, 1.0);
      if (item->holiday != ESC_NONE)
        {
          row_add_work (self, me, item->holiday, -1.0);
          row_end (self, GLP_UP, 0.0, 0.0);
        }
      else if (item->z_len > 0)
        row_end (self, GLP_UP, 1.0, 1.0);
      else
        row_cancel (self);

      /* A deadline inside the horizon is a hard rule. */
      if (item->hard)
        {
          row_begin (self);
          for (guint j = 0; j < item->z_len; j++)
            row_add (self, g_array_index (self->zcols, ZCol, item->z_first + j).col, 1.0);
          if (item->holiday != ESC_NONE)
            {
              row_add_work (self, me, item->holiday, -1.0);
              rule_row_end (self, ESC_MODEL_RULE_COMPENSATION, GLP_LO, 0.0, &info);
            }
          else
            rule_row_end (self, ESC_MODEL_RULE_COMPENSATION, GLP_LO, 1.0, &info);
        }
    }

  /* One compensation per day off: sum z[., d] + work[d] <= 1. */
  for (int d = 0; d < n; d++)
    {
      gboolean any = FALSE;

      row_begin (self);
      for (guint i = first_item; i < self->comp_items->len; i++)
        {
          const CompItem *item = &g_array_index (self->comp_items, CompItem, i);

          for (guint j = 0; j < item->z_len; j++)
            {
              const ZCol *z = &g_array_index (self->zcols, ZCol, item->z_first + j);

              if (z->day == d)
                {
                  row_add (self, z->col, 1.0);
                  any = TRUE;
                }
            }
        }
      if (!any)
        {
          row_cancel (self);
          continue;
        }
      row_add_work (self, me, d, 1.0);
      row_end (self, GLP_UP, 1.0, 1.0);
      comp_day[d] = TRUE;
    }
}

static void
build_patterns (EscModel            *self,
                const ModelEmployee *me,
                int                  k)
{
  EscProblem *problem = self->problem;
  guint np = me->emp->n_patterns;
  guint32 full;

  if (np < 2)
    return;
  full = np >= 32 ? 0xffffffffu : (1u << np) - 1;

  for (int w = 0; w < problem->n_weeks; w++)
    {
      gboolean restricted = FALSE;
      PatternDef def = { 0 };

      for (int d = 0; d < self->n_days && !restricted; d++)
        if (problem->week_of_day[d] == w)
          for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
            if ((esc_problem_get_option (problem, o)->pattern_mask & full) != full)
              restricted = TRUE;
      if (!restricted)
        continue;

      def.k = k;
      def.week = w;
      def.n_patterns = np;
      def.y0 = add_col (self, 0.0, 1.0, TRUE);
      for (guint p = 1; p < np; p++)
        add_col (self, 0.0, 1.0, TRUE);
      g_array_append_val (self->patterns, def);

      row_begin (self);
      for (guint p = 0; p < np; p++)
        row_add (self, def.y0 + (int) p, 1.0);
      row_end (self, GLP_FX, 1.0, 1.0);

      for (int d = 0; d < self->n_days; d++)
        {
          if (problem->week_of_day[d] != w)
            continue;
          for (guint p = 0; p < np; p++)
            {
              gboolean any = FALSE;

              row_begin (self);
              for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
                if (!(esc_problem_get_option (problem, o)->pattern_mask & (1u << p)))
                  {
                    row_add (self, opt_col (me, o), 1.0);
                    any = TRUE;
                  }
              if (!any)
                {
                  row_cancel (self);
                  continue;
                }
              row_add (self, def.y0 + (int) p, 1.0);
              row_end (self, GLP_UP, 1.0, 1.0);
            }
        }
    }
}

static void
build_weekly_hours (EscModel            *self,
                    const ModelEmployee *me)
{
  EscProblem *problem = self->problem;
  const EscProblemEmployee *emp = me->emp;

  if (emp->weekly_max_minutes == ESC_NONE || emp->weekly_max_minutes < 0)
    return;

  for (int w = 0; w < problem->n_weeks; w++)
    {
      int history = w == 0 ? MAX (emp->history_week_minutes, 0) : 0;
      /* A week already over the limit before day 0 may not be worked at all (the checker
       * does not blame the history on a week without work). */
      int cap = MAX (emp->weekly_max_minutes - history, 0);
      int most = 0, first = -1, last = -1;
      EscModelViolation info;

      for (int d = 0; d < self->n_days; d++)
        if (problem->week_of_day[d] == w)
          {
            most += max_net (problem, me, d);
            if (first < 0)
              first = d;
            last = d;
          }
      if (first < 0 || most <= cap)
        continue;

      info = make_info (me, first, last, emp->weekly_max_minutes, history);
      row_begin (self);
      for (int d = first; d <= last; d++)
        if (problem->week_of_day[d] == w)
          for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
            row_add (self, opt_col (me, o), esc_problem_get_option (problem, o)->net_minutes);
      rule_row_end (self, ESC_MODEL_RULE_WEEKLY_HOURS, GLP_UP, cap, &info);
    }
}

/* sum of work over @days[first .. first + len) <= rhs, unless it cannot bind. */
static void
window_row (EscModel            *self,
            const ModelEmployee *me,
            EscModelRule         rule,
            const int           *days,
            int                  len,
            int                  rhs,
            const EscModelViolation *info)
{
  int workable = 0;

  for (int i = 0; i < len; i++)
    if (n_opts (me, days[i]) > 0)
      workable++;
  if (workable <= rhs)
    return;

  row_begin (self);
  for (int i = 0; i < len; i++)
    row_add_work (self, me, days[i], 1.0);
  rule_row_end (self, rule, GLP_UP, rhs, info);
}

static void
build_consecutive (EscModel            *self,
                   const ModelEmployee *me)
{
  const EscProblemEmployee *emp = me->emp;
  int n = self->n_days;
  g_autofree int *days = g_new (int, MAX (n, 1));
  int limit = emp->max_consecutive_days;
  int history = MAX (emp->history_consecutive_days, 0);

  for (int d = 0; d < n; d++)
    days[d] = d;

  if (limit == ESC_NONE || limit < 0)
    return;

  /* The run that continues the history: days 0 .. r may not all be worked. */
  if (history > 0)
    {
      int r = MAX (0, limit - history);

      if (r < n)
        {
          EscModelViolation info = make_info (me, 0, r, limit, history);

          window_row (self, me, ESC_MODEL_RULE_CONSECUTIVE_DAYS, days, r + 1, r, &info);
        }
    }
  for (int a = history > 0 ? 1 : 0; a + limit < n; a++)
    {
      EscModelViolation info = make_info (me, a, a + limit, limit, 0);

      window_row (self, me, ESC_MODEL_RULE_CONSECUTIVE_DAYS, days + a, limit + 1, limit, &info);
    }
}

static void
build_consecutive_limited (EscModel            *self,
                           const ModelEmployee *me)
{
  EscProblem *problem = self->problem;
  const EscProblemEmployee *emp = me->emp;
  int n = self->n_days, nl = 0;
  g_autofree int *days = g_new (int, MAX (n, 1));
  int limit = emp->max_consecutive_limited;
  int history = MAX (emp->history_consecutive_limited, 0);

  if (limit == ESC_NONE || limit < 0)
    return;

  for (int d = 0; d < n; d++)
    if (weekday_of (problem, d) == emp->limited_weekday)
      days[nl++] = d;

  if (history > 0)
    {
      int r = MAX (0, limit - history);

      if (r < nl)
        {
          EscModelViolation info = make_info (me, days[0], days[r], limit, history);

          window_row (self, me, ESC_MODEL_RULE_CONSECUTIVE_LIMITED, days, r + 1, r, &info);
        }
    }
  for (int a = history > 0 ? 1 : 0; a + limit < nl; a++)
    {
      EscModelViolation info = make_info (me, days[a], days[a + limit], limit, 0);

      window_row (self, me, ESC_MODEL_RULE_CONSECUTIVE_LIMITED, days + a, limit + 1, limit,
                  &info);
    }
}

static void
build_sequences (EscModel            *self,
                 const ModelEmployee *me)
{
  EscProblem *problem = self->problem;
  guint n_shifts = problem->shifts->len;
  g_autofree gboolean *forbidden = NULL;

  if (problem->sequences == NULL || problem->sequences->len == 0 || n_shifts == 0)
    return;

  forbidden = g_new0 (gboolean, (gsize) n_shifts * n_shifts);
  for (guint i = 0; i < problem->sequences->len; i++)
    {
      const EscProblemSequence *seq = &g_array_index (problem->sequences, EscProblemSequence, i);

      if (seq->first >= 0 && seq->next >= 0 && (guint) seq->first < n_shifts &&
          (guint) seq->next < n_shifts)
        forbidden[(gsize) seq->first * n_shifts + seq->next] = TRUE;
    }

  for (int d = 0; d + 1 < self->n_days; d++)
    for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
      {
        int a = esc_problem_get_option (problem, o)->shift;
        gboolean any = FALSE, seen = FALSE;

        /* One row per shift of day d (options of one shift share their successors). */
        for (guint o2 = opt_first (me, d); o2 < o; o2++)
          if (esc_problem_get_option (problem, o2)->shift == a)
            seen = TRUE;
        if (seen)
          continue;

        row_begin (self);
        for (guint o2 = opt_first (me, d + 1); o2 < opt_end (me, d + 1); o2++)
          if (forbidden[(gsize) a * n_shifts + esc_problem_get_option (problem, o2)->shift])
            {
              row_add (self, opt_col (me, o2), 1.0);
              any = TRUE;
            }
        if (!any)
          {
            row_cancel (self);
            continue;
          }
        for (guint o2 = o; o2 < opt_end (me, d); o2++)
          if (esc_problem_get_option (problem, o2)->shift == a)
            row_add (self, opt_col (me, o2), 1.0);
        {
          EscModelViolation info = make_info (me, d, d + 1, 0, a);

          rule_row_end (self, ESC_MODEL_RULE_SEQUENCE, GLP_UP, 1.0, &info);
        }
      }
}

static int
compare_ends (gconstpointer a,
              gconstpointer b)
{
  EscInstant x = *(const EscInstant *) a, y = *(const EscInstant *) b;

  return (x > y) - (x < y);
}

/* Minimum rest: for days d < d2, the options of d ending at or after e and the options of
 * d2 starting before e + rest are pairwise incompatible (one a day, or too little rest),
 * so "sum <= 1" is a clique. Only shifts with clock times; as the checker reads it, a
 * worked shift without clock times in between ends the comparison, hence the -1 terms. */
static void
build_min_rest (EscModel            *self,
                const ModelEmployee *me)
{
  EscProblem *problem = self->problem;
  const EscProblemEmployee *emp = me->emp;
  int n = self->n_days;
  EscInstant rest = MAX (problem->min_rest_minutes, 0);
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (EscInstant));

  for (int d = 0; d < n; d++)
    {
      EscInstant max_end = G_MININT64;

      g_array_set_size (ends, 0);
      for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
        {
          const EscProblemOption *opt = esc_problem_get_option (problem, o);

          if (!is_clocked (problem, opt))
            continue;
          g_array_append_val (ends, opt->end);
          max_end = MAX (max_end, opt->end);
        }
      if (ends->len == 0)
        continue;
      g_array_sort (ends, compare_ends);

      for (int d2 = d + 1; d2 < n && (EscInstant) d2 * MINUTES_PER_DAY < max_end + rest; d2++)
        {
          guint previous_count = 0;

          for (guint i = 0; i < ends->len; i++)
            {
              EscInstant e = g_array_index (ends, EscInstant, i);
              guint count = 0;
              EscModelViolation info;

              if (i > 0 && g_array_index (ends, EscInstant, i - 1) == e)
                continue;
              for (guint o2 = opt_first (me, d2); o2 < opt_end (me, d2); o2++)
                {
                  const EscProblemOption *opt2 = esc_problem_get_option (problem, o2);

                  if (is_clocked (problem, opt2) && opt2->start < e + rest)
                    count++;
                }
              if (count == 0 || count == previous_count)
                continue;
              previous_count = count;

              row_begin (self);
              for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
                {
                  const EscProblemOption *opt = esc_problem_get_option (problem, o);

                  if (is_clocked (problem, opt) && opt->end >= e)
                    row_add (self, opt_col (me, o), 1.0);
                }
              for (guint o2 = opt_first (me, d2); o2 < opt_end (me, d2); o2++)
                {
                  const EscProblemOption *opt2 = esc_problem_get_option (problem, o2);

                  if (is_clocked (problem, opt2) && opt2->start < e + rest)
                    row_add (self, opt_col (me, o2), 1.0);
                }
              for (int t = d + 1; t < d2; t++)
                for (guint o3 = opt_first (me, t); o3 < opt_end (me, t); o3++)
                  if (!is_clocked (problem, esc_problem_get_option (problem, o3)))
                    row_add (self, opt_col (me, o3), -1.0);
              info = make_info (me, d, d2, (int) rest, 0);
              rule_row_end (self, ESC_MODEL_RULE_MIN_REST, GLP_UP, 1.0, &info);
            }
        }
    }

  /* After the last shift of the history. */
  if (emp->history_last_end != ESC_NONE)
    for (int d = 0; d < n && (EscInstant) d * MINUTES_PER_DAY < emp->history_last_end + rest; d++)
      {
        gboolean any = FALSE;
        EscModelViolation info;

        row_begin (self);
        for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
          {
            const EscProblemOption *opt = esc_problem_get_option (problem, o);

            if (is_clocked (problem, opt) && opt->start < emp->history_last_end + rest)
              {
                row_add (self, opt_col (me, o), 1.0);
                any = TRUE;
              }
          }
        if (!any)
          {
            row_cancel (self);
            continue;
          }
        for (int t = 0; t < d; t++)
          for (guint o3 = opt_first (me, t); o3 < opt_end (me, t); o3++)
            if (!is_clocked (problem, esc_problem_get_option (problem, o3)))
              row_add (self, opt_col (me, o3), -1.0);
        info = make_info (me, -1, d, (int) rest, -1);
        rule_row_end (self, ESC_MODEL_RULE_MIN_REST, GLP_UP, 0.0, &info);
      }
}

static void
build_totals (EscModel            *self,
              const ModelEmployee *me)
{
  EscProblem *problem = self->problem;
  const EscProblemEmployee *emp = me->emp;
  int n = self->n_days, most = 0, workable = 0;

  for (int d = 0; d < n; d++)
    {
      most += max_net (problem, me, d);
      if (n_opts (me, d) > 0)
        workable++;
    }

  if (emp->min_minutes != ESC_NONE && emp->min_minutes > 0)
    {
      EscModelViolation info = make_info (me, 0, n - 1, emp->min_minutes, 0);

      row_begin (self);
      for (guint o = me->o0; o < me->o0 + me->n_opt; o++)
        row_add (self, opt_col (me, o), esc_problem_get_option (problem, o)->net_minutes);
      rule_row_end (self, ESC_MODEL_RULE_MIN_HOURS, GLP_LO, emp->min_minutes, &info);
    }

  if (emp->max_minutes != ESC_NONE && emp->max_minutes >= 0 && most > emp->max_minutes)
    {
      EscModelViolation info = make_info (me, 0, n - 1, emp->max_minutes, 0);

      row_begin (self);
      for (guint o = me->o0; o < me->o0 + me->n_opt; o++)
        row_add (self, opt_col (me, o), esc_problem_get_option (problem, o)->net_minutes);
      rule_row_end (self, ESC_MODEL_RULE_MAX_HOURS, GLP_UP, emp->max_minutes, &info);
    }

  if (emp->max_rest_days != ESC_NONE && n - emp->max_rest_days > 0)
    {
      EscModelViolation info = make_info (me, 0, n - 1, emp->max_rest_days, 0);

      row_begin (self);
      for (int d = 0; d < n; d++)
        row_add_work (self, me, d, 1.0);
      rule_row_end (self, ESC_MODEL_RULE_MAX_REST_DAYS, GLP_LO, n - emp->max_rest_days, &info);
    }

  if (emp->max_shift_count != NULL)
    for (guint s = 0; s < problem->shifts->len; s++)
      {
        int limit = emp->max_shift_count[s], count = 0;
        EscModelViolation info;

        if (limit == ESC_NONE || limit < 0)
          continue;
        for (guint o = me->o0; o < me->o0 + me->n_opt; o++)
          if (esc_problem_get_option (problem, o)->shift == (int) s)
            count++;
        if (count <= limit)
          continue;
        info = make_info (me, 0, n - 1, limit, (int) s);
        row_begin (self);
        for (guint o = me->o0; o < me->o0 + me->n_opt; o++)
          if (esc_problem_get_option (problem, o)->shift == (int) s)
            row_add (self, opt_col (me, o), 1.0);
        rule_row_end (self, ESC_MODEL_RULE_SHIFT_COUNT, GLP_UP, limit, &info);
      }
}

/* Minimum run lengths. A run that starts on day s >= 1 (worked on s, not on s - 1) goes on
 * to day s + k for k < m unless the horizon ends first: work[s] - work[s-1] <= work[s+k].
 * On day 0 the history decides (see esc-checker.h). */
static void
build_min_runs (EscModel            *self,
                const ModelEmployee *me)
{
  const EscProblemEmployee *emp = me->emp;
  int n = self->n_days;
  int history = MAX (emp->history_consecutive_days, 0);
  int m = emp->min_consecutive_days;

  if (m != ESC_NONE && m >= 2)
    {
      if (history < m && n_opts (me, 0) > 0)
        for (int k = 1; k <= m - 1 - history && k <= n - 1; k++)
          {
            EscModelViolation info = make_info (me, 0, k, m, history);

            row_begin (self);
            row_add_work (self, me, 0, 1.0);
            row_add_work (self, me, k, -1.0);
            rule_row_end (self, ESC_MODEL_RULE_MIN_CONSECUTIVE_DAYS, GLP_UP, 0.0, &info);
          }
      for (int s = 1; s < n; s++)
        {
          if (n_opts (me, s) == 0)
            continue;
          for (int k = 1; k <= m - 1 && s + k <= n - 1; k++)
            {
              EscModelViolation info = make_info (me, s, s + k, m, 0);

              row_begin (self);
              row_add_work (self, me, s, 1.0);
              row_add_work (self, me, s - 1, -1.0);
              row_add_work (self, me, s + k, -1.0);
              rule_row_end (self, ESC_MODEL_RULE_MIN_CONSECUTIVE_DAYS, GLP_UP, 0.0, &info);
            }
        }
    }

  m = emp->min_consecutive_off;
  if (m != ESC_NONE && m >= 2)
    {
      /* Days off from day 0 continue unknown days off when history is 0. */
      if (history > 0)
        for (int k = 1; k <= m - 1 && k <= n - 1; k++)
          {
            EscModelViolation info = make_info (me, 0, k, m, 0);

            if (n_opts (me, k) == 0)
              continue;
            row_begin (self);
            row_add_work (self, me, k, 1.0);
            row_add_work (self, me, 0, -1.0);
            rule_row_end (self, ESC_MODEL_RULE_MIN_CONSECUTIVE_OFF, GLP_UP, 0.0, &info);
          }
      for (int s = 1; s < n; s++)
        {
          if (n_opts (me, s - 1) == 0)
            continue;
          for (int k = 1; k <= m - 1 && s + k <= n - 1; k++)
            {
              EscModelViolation info = make_info (me, s, s + k, m, 0);

              if (n_opts (me, s + k) == 0)
                continue;
              row_begin (self);
              row_add_work (self, me, s - 1, 1.0);
              row_add_work (self, me, s, -1.0);
              row_add_work (self, me, s + k, 1.0);
              rule_row_end (self, ESC_MODEL_RULE_MIN_CONSECUTIVE_OFF, GLP_UP, 1.0, &info);
            }
        }
    }
}

static void
build_weekends (EscModel            *self,
                const ModelEmployee *me,
                int                  k)
{
  EscProblem *problem = self->problem;
  const EscProblemEmployee *emp = me->emp;
  int n = self->n_days, count = 0;
  guint first_weekend = self->weekends->len;

  if (emp->max_weekends == ESC_NONE || emp->max_weekends < 0 ||
      self->spec.rule_mode[ESC_MODEL_RULE_MAX_WEEKENDS] == ESC_MODEL_RULE_OFF)
    return;

  for (int d = 0; d < n; d++)
    {
      EscWeekday wd = weekday_of (problem, d);
      WeekendDef def = { 0, k, -1, -1 };

      if (wd == ESC_SAT)
        {
          def.day_a = d;
          def.day_b = d + 1 < n ? d + 1 : -1;
        }
      else if (wd == ESC_SUN && d == 0)
        def.day_b = 0;
      else
        continue;
      if ((def.day_a < 0 || n_opts (me, def.day_a) == 0) &&
          (def.day_b < 0 || n_opts (me, def.day_b) == 0))
        continue;
      g_array_append_val (self->weekends, def);
      count++;
    }
  if (count <= emp->max_weekends)
    {
      g_array_set_size (self->weekends, first_weekend);
      return;
    }

  for (guint i = first_weekend; i < self->weekends->len; i++)
    {
      WeekendDef *def = &g_array_index (self->weekends, WeekendDef, i);
      int days[2] = { def->day_a, def->day_b };

      def->col = add_col (self, 0.0, 1.0, FALSE);
      for (int j = 0; j < 2; j++)
        {
          if (days[j] < 0 || n_opts (me, days[j]) == 0)
            continue;
          row_begin (self);
          row_add (self, def->col, 1.0);
          row_add_work (self, me, days[j], -1.0);
          row_end (self, GLP_LO, 0.0, 0.0);
        }
    }

  {
    const WeekendDef *def0 = &g_array_index (self->weekends, WeekendDef, first_weekend);
    const WeekendDef *def1 = &g_array_index (self->weekends, WeekendDef,
                                             self->weekends->len - 1);
    EscModelViolation info = make_info (me, def0->day_a >= 0 ? def0->day_a : def0->day_b,
                                        def1->day_b >= 0 ? def1->day_b : def1->day_a,
                                        emp->max_weekends, 0);

    row_begin (self);
    for (guint i = first_weekend; i < self->weekends->len; i++)
      row_add (self, g_array_index (self->weekends, WeekendDef, i).col, 1.0);
    rule_row_end (self, ESC_MODEL_RULE_MAX_WEEKENDS, GLP_UP, emp->max_weekends, &info);
  }
}

static gboolean
wish_matches_shift (const EscProblemWish   *wish,
                    const EscProblemOption *opt)
{
  return wish->shift == ESC_NONE || wish->shift == opt->shift;
}

static void
build_employee_objectives (EscModel            *self,
                           const ModelEmployee *me)
{
  EscProblem *problem = self->problem;
  const EscProblemEmployee *emp = me->emp;
  int n = self->n_days;

  for (guint o = me->o0; o < me->o0 + me->n_opt; o++)
    {
      const EscProblemOption *opt = esc_problem_get_option (problem, o);
      int col = opt_col (me, o);

      objective_add (self, ESC_OBJ_WORKING_HOURS, col, opt->net_minutes);
      objective_add (self, ESC_OBJ_MIN_HOURS, col, opt->net_minutes);
      objective_add (self, ESC_OBJ_WORKING_DAYS, col, 1.0);
      if (problem->priority_day != NULL && opt->day >= 0 && opt->day < n &&
          problem->priority_day[opt->day])
        objective_add (self, ESC_OBJ_PRIORITY_WORKING_DAYS, col, opt->net_minutes);
    }

  if (emp->preferred_rest != ESC_NONE)
    for (int d = 0; d < n; d++)
      if ((int) weekday_of (problem, d) == emp->preferred_rest)
        {
          self->objectives[ESC_OBJ_PREFERABLE_RESTS].constant += 1.0;
          for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
            objective_add (self, ESC_OBJ_PREFERABLE_RESTS, opt_col (me, o), -1.0);
        }

  if (emp->wishes != NULL)
    for (guint i = 0; i < emp->wishes->len; i++)
      {
        const EscProblemWish *wish = &g_array_index (emp->wishes, EscProblemWish, i);
        int first = wish->day == ESC_NONE ? 0 : wish->day;
        int last = wish->day == ESC_NONE ? n - 1 : wish->day;

        if (wish->weight == 0.0)
          continue;
        for (int d = MAX (first, 0); d <= MIN (last, n - 1); d++)
          for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
            {
              const EscProblemOption *opt = esc_problem_get_option (problem, o);
              int col = opt_col (me, o);

              switch (wish->kind)
                {
                case ESC_WISH_PREFER:
                case ESC_WISH_SHIFT_ON:
                  if (wish_matches_shift (wish, opt))
                    objective_add (self, ESC_OBJ_PREFERENCES, col, wish->weight);
                  break;
                case ESC_WISH_DAY_OFF:
                  objective_add (self, ESC_OBJ_PREFERENCES, col, -wish->weight);
                  break;
                case ESC_WISH_SHIFT_OFF:
                  if (wish_matches_shift (wish, opt))
                    objective_add (self, ESC_OBJ_PREFERENCES, col, -wish->weight);
                  break;
                default:
                  break;
                }
            }
        if (wish->kind == ESC_WISH_DAY_OFF || wish->kind == ESC_WISH_SHIFT_OFF)
          for (int d = MAX (first, 0); d <= MIN (last, n - 1); d++)
            self->objectives[ESC_OBJ_PREFERENCES].constant += wish->weight;
      }
}

static void
build_employee (EscModel *self,
                int       k)
{
  const ModelEmployee *me = &self->emps[k];
  g_autofree gboolean *comp_day = g_new0 (gboolean, MAX (self->n_days, 1));

  build_compensation (self, me, k, comp_day);

  /* At most one option a day (days with a compensation row have it already). */
  for (int d = 0; d < self->n_days; d++)
    if (!comp_day[d] && n_opts (me, d) >= 2)
      {
        row_begin (self);
        row_add_work (self, me, d, 1.0);
        row_end (self, GLP_UP, 1.0, 1.0);
      }

  build_patterns (self, me, k);
  build_weekly_hours (self, me);
  build_consecutive (self, me);
  build_consecutive_limited (self, me);
  build_sequences (self, me);
  build_min_rest (self, me);
  build_totals (self, me);
  build_min_runs (self, me);
  build_weekends (self, me, k);
  build_employee_objectives (self, me);
}

/* Group rows */

static gboolean
in_model (EscModel *self,
          int       e)
{
  return self->k_of_employee[e] >= 0;
}

/* The fixed employees of the group working an option that satisfies @covers. */
static int
fixed_count (EscModel *self,
             int       day_first,
             int       day_last,
             gboolean (*covers) (EscModel *, const EscProblemOption *, gconstpointer),
             gconstpointer data)
{
  EscProblem *problem = self->problem;
  const EscProblemGroup *group = g_ptr_array_index (problem->groups, self->group);
  int count = 0;

  if (self->spec.fixed == NULL)
    return 0;
  for (guint i = 0; i < group->employees->len; i++)
    {
      int e = g_array_index (group->employees, int, i);

      if (in_model (self, e))
        continue;
      for (int d = MAX (day_first, 0); d <= MIN (day_last, self->n_days - 1); d++)
        {
          int o = esc_schedule_get_choice (self->spec.fixed, e, d);

          if (o != ESC_NONE && covers (self, esc_problem_get_option (problem, o), data))
            count++;
        }
    }
  return count;
}

static gboolean
covers_slot (EscModel               *self,
             const EscProblemOption *opt,
             gconstpointer           data)
{
  return esc_problem_option_covers_slot (self->problem, opt, data);
}

static gboolean
covers_shift_demand (EscModel               *self,
                     const EscProblemOption *opt,
                     gconstpointer           data)
{
  const EscProblemShiftDemand *sd = data;

  return opt->day == sd->day && opt->shift == sd->shift;
}

static void
add_cover (EscModel *self,
           guint     first,
           int       required,
           double    length,
           double    under_weight,
           double    over_weight,
           int       fixed)
{
  CoverDef def = { 0 };
  int rprime = required - fixed;
  int n_cover = (int) (self->cover_cols->len - first);

  /* The covering columns were appended to cover_cols from @first on. */
  def.first = first;
  def.len = (guint) n_cover;
  def.required = rprime;

  /* Under-coverage: u >= r' - sum x, u >= 0. */
  if (under_weight > 0.0 && rprime > 0)
    {
      def.u_col = add_col (self, 0.0, rprime, TRUE);
      row_begin (self);
      for (guint i = 0; i < def.len; i++)
        row_add (self, g_array_index (self->cover_cols, int, first + i), 1.0);
      row_add (self, def.u_col, 1.0);
      row_end (self, GLP_LO, rprime, rprime);
      objective_add (self, ESC_OBJ_DEMAND_FULFILLMENT, def.u_col, under_weight * length);
    }
  /* Over-coverage: v >= sum x - r', v >= 0 (when the fixed employees alone over-cover,
   * r' < 0 and v >= -r' always). */
  if (over_weight > 0.0 && n_cover - rprime > 0)
    {
      def.v_col = add_col (self, MAX (0, -rprime), n_cover - rprime, TRUE);
      row_begin (self);
      for (guint i = 0; i < def.len; i++)
        row_add (self, g_array_index (self->cover_cols, int, first + i), 1.0);
      row_add (self, def.v_col, -1.0);
      row_end (self, GLP_UP, rprime, rprime);
      objective_add (self, ESC_OBJ_OVER_COVERAGE, def.v_col, over_weight * length);
    }

  g_array_append_val (self->covers, def);
}

static void
build_coverage (EscModel *self)
{
  EscProblem *problem = self->problem;

  if (problem->slots != NULL)
    for (guint s = 0; s < problem->slots->len; s++)
      {
        const EscProblemSlot *slot = &g_array_index (problem->slots, EscProblemSlot, s);
        guint first = self->cover_cols->len;
        int fixed;

        if (slot->group != self->group)
          continue;
        for (guint k = 0; k < self->n_emps; k++)
          {
            const ModelEmployee *me = &self->emps[k];

            for (int d = MAX (slot->day - 1, 0); d <= MIN (slot->day + 1, self->n_days - 1); d++)
              for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
                if (esc_problem_option_covers_slot (problem, esc_problem_get_option (problem, o),
                                                    slot))
                  {
                    int col = opt_col (me, o);

                    g_array_append_val (self->cover_cols, col);
                  }
          }
        fixed = fixed_count (self, slot->day - 1, slot->day + 1, covers_slot, slot);
        add_cover (self, first, slot->required, (double) (slot->end - slot->start), slot->under_weight,
                   slot->over_weight, fixed);
      }

  if (problem->shift_demands != NULL)
    for (guint i = 0; i < problem->shift_demands->len; i++)
      {
        const EscProblemShiftDemand *sd = &g_array_index (problem->shift_demands,
                                                          EscProblemShiftDemand, i);
        const EscProblemShift *shift;
        double length;
        guint first = self->cover_cols->len;
        int fixed;

        if (sd->group != self->group || sd->day < 0 || sd->day >= self->n_days)
          continue;
        shift = esc_problem_get_shift (problem, sd->shift);
        length = shift->start != ESC_NONE ? shift->end - shift->start : shift->net_minutes;
        for (guint k = 0; k < self->n_emps; k++)
          {
            const ModelEmployee *me = &self->emps[k];

            for (guint o = opt_first (me, sd->day); o < opt_end (me, sd->day); o++)
              if (esc_problem_get_option (problem, o)->shift == sd->shift)
                {
                  int col = opt_col (me, o);

                  g_array_append_val (self->cover_cols, col);
                }
          }
        fixed = fixed_count (self, sd->day, sd->day, covers_shift_demand, sd);
        add_cover (self, first, sd->required, length, sd->under_weight, sd->over_weight, fixed);
      }
}

static void
build_balance (EscModel *self)
{
  EscProblem *problem = self->problem;
  const EscProblemGroup *group = g_ptr_array_index (problem->groups, self->group);
  int n = self->n_days, n_group = (int) group->employees->len;
  gboolean any = FALSE;

  for (int d = 0; d < n; d++)
    if (group->demand_day[d])
      any = TRUE;
  if (!any)
    return;

  self->balance_day = g_new0 (gboolean, n);
  self->balance_const = g_new0 (int, n);
  self->max_col = add_col (self, 0.0, n_group, TRUE);
  self->min_col = add_col (self, 0.0, n_group, TRUE);
  objective_add (self, ESC_OBJ_WORKFORCE_BALANCE, self->max_col, 1.0);
  objective_add (self, ESC_OBJ_WORKFORCE_BALANCE, self->min_col, -1.0);

  for (int d = 0; d < n; d++)
    {
      int fixed = 0;

      if (!group->demand_day[d])
        continue;
      self->balance_day[d] = TRUE;
      if (self->spec.fixed != NULL)
        for (guint i = 0; i < group->employees->len; i++)
          {
            int e = g_array_index (group->employees, int, i);

            if (!in_model (self, e) && esc_schedule_get_choice (self->spec.fixed, e, d) != ESC_NONE)
              fixed++;
          }
      self->balance_const[d] = fixed;

      row_begin (self);
      row_add (self, self->max_col, 1.0);
      for (guint k = 0; k < self->n_emps; k++)
        row_add_work (self, &self->emps[k], d, -1.0);
      row_end (self, GLP_LO, fixed, fixed);

      row_begin (self);
      row_add (self, self->min_col, 1.0);
      for (guint k = 0; k < self->n_emps; k++)
        row_add_work (self, &self->emps[k], d, -1.0);
      row_end (self, GLP_UP, fixed, fixed);
    }
}

static void
load_glpk (EscModel *self)
{
  glp_prob *lp = self->lp;
  guint n_rows = self->rows->len, n_cols = self->cols->len, ne = self->entries->len;
  g_autofree int *ia = g_new (int, ne + 1);
  g_autofree int *ja = g_new (int, ne + 1);
  g_autofree double *ar = g_new (double, ne + 1);
  guint pos = 1;

  self->n_cols = (int) n_cols;
  if (n_cols > 0)
    glp_add_cols (lp, (int) n_cols);
  for (guint j = 0; j < n_cols; j++)
    {
      const ColDef *c = &g_array_index (self->cols, ColDef, j);
      int col = (int) j + 1;

      if (c->integer)
        glp_set_col_kind (lp, col, c->lb == 0.0 && c->ub == 1.0 ? GLP_BV : GLP_IV);
      if (isinf (c->ub))
        glp_set_col_bnds (lp, col, GLP_LO, c->lb, 0.0);
      else if (c->lb == c->ub)
        glp_set_col_bnds (lp, col, GLP_FX, c->lb, c->ub);
      else
        glp_set_col_bnds (lp, col, GLP_DB, c->lb, c->ub);
    }

  if (n_rows > 0)
    glp_add_rows (lp, (int) n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      const RowDef *r = &g_array_index (self->rows, RowDef, i);
      int row = (int) i + 1;

      glp_set_row_bnds (lp, row, r->type, r->lo, r->up);
      for (guint k = 0; k < r->len; k++)
        {
          const Entry *e = &g_array_index (self->entries, Entry, r->first + k);

          ia[pos] = row;
          ja[pos] = e->col;
          ar[pos] = e->val;
          pos++;
        }
    }
  glp_load_matrix (lp, (int) (pos - 1), ia, ja, ar);
  if (n_rows > 0 && n_cols > 0)
    glp_scale_prob (lp, GLP_SF_AUTO);

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->cols, g_array_unref);
}

/* Objectives */

/* The level's coefficient per column (1-based, n_cols + 1 entries) and its constant. */
static double *
level_coefficients (EscModel                 *self,
                    const EscObjectiveLevel  *level,
                    double                   *constant)
{
  double *coef = g_new0 (double, self->n_cols + 1);

  *constant = 0.0;
  for (int k = 0; k < ESC_N_OBJECTIVES; k++)
    {
      double w = level->weight[k];
      const ObjectiveTerms *terms = &self->objectives[k];

      if (w == 0.0)
        continue;
      if (esc_objective_is_maximised (k))
        w = -w;
      *constant += w * terms->constant;
      for (guint i = 0; i < terms->terms->len; i++)
        {
          const Entry *e = &g_array_index (terms->terms, Entry, i);

          coef[e->col] += w * e->val;
        }
    }
  return coef;
}

/* The smallest of a few factors that makes every coefficient an integer (then GLPK rounds
 * its bounds up to the next achievable value), or 1. */
static double
find_scale (const double *coef,
            int           n)
{
  static const double factors[] = { 1, 2, 4, 5, 8, 10, 20, 25, 40, 50, 100, 200, 250, 500,
                                    1000, 2000, 2500, 5000, 10000, 100000, 1000000 };

  for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
    {
      gboolean ok = TRUE;

      for (int j = 1; j <= n && ok; j++)
        {
          double v = coef[j] * factors[f];

          if (v == 0.0)
            continue;
          if (fabs (v) > 1e12 || fabs (v - nearbyint (v)) > 1e-9 * MAX (1.0, fabs (v)))
            ok = FALSE;
        }
      if (ok)
        return factors[f];
    }
  return 1.0;
}

static double
scaled (double coef,
        double scale)
{
  double v = coef * scale;
  double r = nearbyint (v);

  return fabs (v - r) <= 1e-9 * MAX (1.0, fabs (v)) ? r : v;
}

/* Public API */

EscModel *
esc_model_new (EscProblem         *problem,
               const EscModelSpec *spec)
{
  EscModel *self;
  const EscProblemGroup *group;
  int next_col;

  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (spec->group >= 0 && (guint) spec->group < problem->groups->len, NULL);

  group = g_ptr_array_index (problem->groups, spec->group);

  self = g_new0 (EscModel, 1);
  self->problem = esc_problem_ref (problem);
  self->group = spec->group;
  self->spec = *spec;
  self->spec.employees = NULL;
  self->n_days = problem->n_days;
  /* GLPK's terminal output is per thread: keep this thread's quiet. */
  glp_term_out (GLP_OFF);
  self->epoch = current_epoch ();
  self->lp = glp_create_prob ();
  glp_set_obj_dir (self->lp, GLP_MIN);

  self->cols = g_array_new (FALSE, FALSE, sizeof (ColDef));
  self->col_employee = g_array_new (FALSE, FALSE, sizeof (int));
  self->building = -1;
  self->rows = g_array_new (FALSE, FALSE, sizeof (RowDef));
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->covers = g_array_new (FALSE, FALSE, sizeof (CoverDef));
  self->cover_cols = g_array_new (FALSE, FALSE, sizeof (int));
  self->patterns = g_array_new (FALSE, FALSE, sizeof (PatternDef));
  self->comp_items = g_array_new (FALSE, FALSE, sizeof (CompItem));
  self->zcols = g_array_new (FALSE, FALSE, sizeof (ZCol));
  self->weekends = g_array_new (FALSE, FALSE, sizeof (WeekendDef));
  self->slacks = g_array_new (FALSE, FALSE, sizeof (SlackDef));
  for (int k = 0; k < ESC_N_OBJECTIVES; k++)
    self->objectives[k].terms = g_array_new (FALSE, FALSE, sizeof (Entry));

  self->k_of_employee = g_new (int, MAX (problem->employees->len, 1));
  for (guint e = 0; e < problem->employees->len; e++)
    self->k_of_employee[e] = -1;

  if (spec->employees != NULL)
    {
      self->emps = g_new0 (ModelEmployee, MAX (spec->n_employees, 1));
      for (guint i = 0; i < spec->n_employees; i++)
        {
          int e = spec->employees[i];

          g_return_val_if_fail (e >= 0 && (guint) e < problem->employees->len, NULL);
          if (self->k_of_employee[e] >= 0)
            continue;
          self->k_of_employee[e] = (int) self->n_emps;
          self->emps[self->n_emps++].e = e;
        }
    }
  else
    {
      self->emps = g_new0 (ModelEmployee, MAX (group->employees->len, 1));
      for (guint i = 0; i < group->employees->len; i++)
        {
          int e = g_array_index (group->employees, int, i);

          self->k_of_employee[e] = (int) self->n_emps;
          self->emps[self->n_emps++].e = e;
        }
    }

  /* x columns first: option o of model employee k is column x0 + (o - o0). */
  next_col = 1;
  for (guint k = 0; k < self->n_emps; k++)
    {
      ModelEmployee *me = &self->emps[k];

      me->emp = esc_problem_get_employee (problem, me->e);
      me->o0 = me->emp->day_offset[0];
      me->n_opt = me->emp->day_offset[problem->n_days] - me->o0;
      me->x0 = next_col;
      self->building = (int) k;
      for (guint i = 0; i < me->n_opt; i++)
        {
          const EscProblemOption *option = esc_problem_get_option (problem, me->o0 + i);
          /* A pinned allocation must be worked (the compiler left it alone that day). */
          gboolean pinned = me->emp->pinned != NULL &&
                            me->emp->pinned[option->day] == (int) (me->o0 + i);

          add_col (self, pinned ? 1.0 : 0.0, 1.0, TRUE);
        }
      next_col += (int) me->n_opt;
    }

  for (guint k = 0; k < self->n_emps; k++)
    {
      self->building = (int) k;
      build_employee (self, (int) k);
    }
  self->building = -1;

  if (!spec->rules_only)
    {
      build_coverage (self);
      build_balance (self);
    }

  self->fixed_cells = g_new0 (gboolean, MAX ((gsize) self->n_emps * self->n_days, 1));
  load_glpk (self);

  return self;
}

void
esc_model_free (EscModel *self)
{
  if (self == NULL)
    return;

  if (esc_model_is_alive (self))
    g_clear_pointer (&self->lp, glp_delete_prob);
  self->lp = NULL;
  g_clear_pointer (&self->cols, g_array_unref);
  g_clear_pointer (&self->col_employee, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->covers, g_array_unref);
  g_clear_pointer (&self->cover_cols, g_array_unref);
  g_clear_pointer (&self->patterns, g_array_unref);
  g_clear_pointer (&self->comp_items, g_array_unref);
  g_clear_pointer (&self->zcols, g_array_unref);
  g_clear_pointer (&self->weekends, g_array_unref);
  g_clear_pointer (&self->slacks, g_array_unref);
  for (int k = 0; k < ESC_N_OBJECTIVES; k++)
    g_clear_pointer (&self->objectives[k].terms, g_array_unref);
  g_free (self->emps);
  g_free (self->k_of_employee);
  g_free (self->balance_const);
  g_free (self->balance_day);
  g_free (self->fixed_cells);
  g_clear_pointer (&self->problem, esc_problem_unref);
  g_free (self);
}

glp_prob *
esc_model_get_prob (EscModel *self)
{
  return self->lp;
}

EscProblem *
esc_model_get_problem (EscModel *self)
{
  return self->problem;
}

int
esc_model_get_group (EscModel *self)
{
  return self->group;
}

int
esc_model_get_n_cols (EscModel *self)
{
  return self->n_cols;
}

guint
esc_model_get_n_employees (EscModel *self)
{
  return self->n_emps;
}

int
esc_model_get_employee (EscModel *self,
                        guint     i)
{
  g_return_val_if_fail (i < self->n_emps, ESC_NONE);
  return self->emps[i].e;
}

guint
esc_model_count_rule_rows (EscModel     *self,
                           EscModelRule  rule)
{
  g_return_val_if_fail (rule < ESC_MODEL_N_RULES, 0);
  return self->rule_rows[rule];
}

int
esc_model_option_column (EscModel *self,
                         guint     option)
{
  const EscProblemOption *opt = esc_problem_get_option (self->problem, option);
  int k = self->k_of_employee[opt->employee];

  g_return_val_if_fail (k >= 0, 0);
  return opt_col (&self->emps[k], option);
}

double
esc_model_set_objective (EscModel                *self,
                         const EscObjectiveLevel *level)
{
  double constant;
  g_autofree double *coef = level_coefficients (self, level, &constant);
  double scale = find_scale (coef, self->n_cols);

  for (int j = 1; j <= self->n_cols; j++)
    glp_set_obj_coef (self->lp, j, scaled (coef[j], scale));
  glp_set_obj_coef (self->lp, 0, constant * scale);
  glp_set_obj_dir (self->lp, GLP_MIN);
  self->round_known = FALSE;
  return scale;
}

void
esc_model_set_elastic_objective (EscModel *self)
{
  for (int j = 0; j <= self->n_cols; j++)
    glp_set_obj_coef (self->lp, j, 0.0);
  for (guint i = 0; i < self->slacks->len; i++)
    glp_set_obj_coef (self->lp, g_array_index (self->slacks, SlackDef, i).col, 1.0);
  glp_set_obj_dir (self->lp, GLP_MIN);
  self->round_known = FALSE;
}

gboolean
esc_model_level_is_constant (EscModel                *self,
                             const EscObjectiveLevel *level)
{
  double constant;
  g_autofree double *coef = level_coefficients (self, level, &constant);

  for (int j = 1; j <= self->n_cols; j++)
    if (coef[j] != 0.0)
      return FALSE;
  return TRUE;
}

double
esc_model_objective_value (EscModel     *self,
                           EscObjective  objective,
                           const double *x)
{
  const ObjectiveTerms *terms;
  double value;

  g_return_val_if_fail (objective < ESC_N_OBJECTIVES, NAN);

  terms = &self->objectives[objective];
  value = terms->constant;
  for (guint i = 0; i < terms->terms->len; i++)
    {
      const Entry *e = &g_array_index (terms->terms, Entry, i);

      value += e->val * x[e->col];
    }
  return value;
}

double
esc_model_level_value (EscModel                *self,
                       const EscObjectiveLevel *level,
                       const double            *x)
{
  double value = 0.0;

  for (int k = 0; k < ESC_N_OBJECTIVES; k++)
    {
      double w = level->weight[k];

      if (w == 0.0)
        continue;
      value += (esc_objective_is_maximised (k) ? -w : w) * esc_model_objective_value (self, k, x);
    }
  return value;
}

guint
esc_model_get_n_covers (EscModel *self)
{
  return self->covers->len;
}

guint
esc_model_get_cover (EscModel *self,
                     guint     i,
                     int      *required,
                     int      *options)
{
  const CoverDef *def;

  g_return_val_if_fail (i < self->covers->len, 0);
  def = &g_array_index (self->covers, CoverDef, i);
  if (required != NULL)
    *required = def->required;
  if (options != NULL)
    for (guint j = 0; j < def->len; j++)
      {
        int col = g_array_index (self->cover_cols, int, def->first + j);

        options[j] = esc_model_column_option (self, col);
      }
  return def->len;
}

int
esc_model_column_employee (EscModel *self,
                           int       col)
{
  g_return_val_if_fail (col >= 1 && col <= self->n_cols, -1);
  return g_array_index (self->col_employee, int, col - 1);
}

int
esc_model_column_option (EscModel *self,
                         int       col)
{
  /* The x columns come first, employee after employee. */
  for (guint k = 0; k < self->n_emps; k++)
    {
      const ModelEmployee *me = &self->emps[k];

      if (col >= me->x0 && col < me->x0 + (int) me->n_opt)
        return (int) (me->o0 + (guint) (col - me->x0));
    }
  return ESC_NONE;
}

gboolean
esc_model_level_costs (EscModel                *self,
                       const EscObjectiveLevel *level,
                       double                  *constant,
                       double                  *option_cost,
                       double                  *under_cost,
                       double                  *over_cost)
{
  g_autofree double *coef = level_coefficients (self, level, constant);
  g_autofree gboolean *known = g_new0 (gboolean, self->n_cols + 1);

  for (guint k = 0; k < self->n_emps; k++)
    {
      const ModelEmployee *me = &self->emps[k];

      for (guint i = 0; i < me->n_opt; i++)
        {
          known[me->x0 + (int) i] = TRUE;
          option_cost[me->o0 + i] = coef[me->x0 + (int) i];
        }
    }
  for (guint i = 0; i < self->covers->len; i++)
    {
      const CoverDef *def = &g_array_index (self->covers, CoverDef, i);

      under_cost[i] = def->u_col > 0 ? coef[def->u_col] : 0.0;
      over_cost[i] = def->v_col > 0 ? coef[def->v_col] : 0.0;
      if (def->u_col > 0)
        known[def->u_col] = TRUE;
      if (def->v_col > 0)
        known[def->v_col] = TRUE;
    }
  for (int j = 1; j <= self->n_cols; j++)
    if (!known[j] && coef[j] != 0.0)
      return FALSE;
  return TRUE;
}

void
esc_model_add_level_bound (EscModel                *self,
                           const EscObjectiveLevel *level,
                           double                   value)
{
  double constant, tol = 1e-6 * MAX (1.0, fabs (value)), biggest = 0.0;
  g_autofree double *coef = level_coefficients (self, level, &constant);
  double scale = find_scale (coef, self->n_cols);
  g_autofree int *ind = g_new (int, self->n_cols + 1);
  g_autofree double *val = g_new (double, self->n_cols + 1);
  int len = 0, row;

  for (int j = 1; j <= self->n_cols; j++)
    if (coef[j] != 0.0)
      {
        len++;
        ind[len] = j;
        val[len] = scaled (coef[j], scale);
        biggest = MAX (biggest, fabs (val[len]));
      }
  if (len == 0)
    return;

  row = glp_add_rows (self->lp, 1);
  glp_set_mat_row (self->lp, row, len, ind, val);
  glp_set_row_bnds (self->lp, row, GLP_UP, 0.0, (value - constant + tol) * scale);
  glp_set_rii (self->lp, row, 1.0 / biggest);
}

double *
esc_model_new_vector (EscModel *self)
{
  return g_new0 (double, self->n_cols + 1);
}

static double
work_value (EscModel            *self,
            const ModelEmployee *me,
            int                  d,
            const double        *x)
{
  double sum = 0.0;

  if (d < 0 || d >= self->n_days)
    return 0.0;
  for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
    sum += x[opt_col (me, o)];
  return sum;
}

static double
row_activity (EscModel     *self,
              int           row,
              const double *x,
              int          *ind,
              double       *val)
{
  int len = glp_get_mat_row (self->lp, row, ind, val);
  double sum = 0.0;

  for (int i = 1; i <= len; i++)
    sum += val[i] * x[ind[i]];
  return sum;
}

/* Kuhn's augmenting path over the candidate days of one employee's items. */
static gboolean
augment (EscModel      *self,
         guint          item,
         const gboolean *allowed_day,
         int           *item_of_day,
         gboolean      *visited)
{
  const CompItem *it = &g_array_index (self->comp_items, CompItem, item);

  for (guint j = 0; j < it->z_len; j++)
    {
      const ZCol *z = &g_array_index (self->zcols, ZCol, it->z_first + j);

      if (!allowed_day[z->day] || visited[z->day])
        continue;
      visited[z->day] = TRUE;
      if (item_of_day[z->day] < 0 ||
          augment (self, (guint) item_of_day[z->day], allowed_day, item_of_day, visited))
        {
          item_of_day[z->day] = (int) item;
          return TRUE;
        }
    }
  return FALSE;
}

static void
match_compensations (EscModel          *self,
                     const EscSchedule *schedule,
                     double            *x)
{
  int n = self->n_days;
  g_autofree int *item_of_day = g_new (int, MAX (n, 1));
  g_autofree gboolean *flagged = g_new0 (gboolean, MAX (n, 1));
  g_autofree gboolean *free_day = g_new0 (gboolean, MAX (n, 1));
  g_autofree gboolean *visited = g_new0 (gboolean, MAX (n, 1));
  guint i = 0;

  while (i < self->comp_items->len)
    {
      int k = g_array_index (self->comp_items, CompItem, i).k;
      const ModelEmployee *me = &self->emps[k];
      guint end = i;

      while (end < self->comp_items->len && g_array_index (self->comp_items, CompItem, end).k == k)
        end++;

      for (int d = 0; d < n; d++)
        {
          item_of_day[d] = -1;
          free_day[d] = work_value (self, me, d, x) < 0.5;
          flagged[d] = free_day[d] && esc_schedule_get_compensation (schedule, me->e, d);
        }
      /* Hard items first, each on flagged days, then on any free day; then the rest. */
      for (int pass = 0; pass < 2; pass++)
        for (guint j = i; j < end; j++)
          {
            const CompItem *it = &g_array_index (self->comp_items, CompItem, j);
            gboolean owed = it->holiday == ESC_NONE || work_value (self, me, it->holiday, x) > 0.5;

            if (!owed || (pass == 0) != it->hard)
              continue;
            memset (visited, 0, sizeof (gboolean) * n);
            if (!augment (self, j, flagged, item_of_day, visited))
              {
                memset (visited, 0, sizeof (gboolean) * n);
                augment (self, j, free_day, item_of_day, visited);
              }
          }
      for (guint j = i; j < end; j++)
        {
          const CompItem *it = &g_array_index (self->comp_items, CompItem, j);

          for (guint t = 0; t < it->z_len; t++)
            {
              const ZCol *z = &g_array_index (self->zcols, ZCol, it->z_first + t);

              x[z->col] = item_of_day[z->day] == (int) j ? 1.0 : 0.0;
            }
        }
      i = end;
    }
}

gboolean
esc_model_vector_from_schedule (EscModel          *self,
                                const EscSchedule *schedule,
                                double            *x)
{
  EscProblem *problem = self->problem;

  g_return_val_if_fail (schedule->problem == problem, FALSE);

  memset (x, 0, sizeof (double) * (self->n_cols + 1));

  for (guint k = 0; k < self->n_emps; k++)
    {
      const ModelEmployee *me = &self->emps[k];

      for (int d = 0; d < self->n_days; d++)
        {
          int o = esc_schedule_get_choice (schedule, me->e, d);

          if (o != ESC_NONE && (guint) o >= opt_first (me, d) && (guint) o < opt_end (me, d))
            x[opt_col (me, (guint) o)] = 1.0;
        }
    }

  /* Patterns: the first pattern that allows every option worked in the week. */
  for (guint i = 0; i < self->patterns->len; i++)
    {
      const PatternDef *def = &g_array_index (self->patterns, PatternDef, i);
      const ModelEmployee *me = &self->emps[def->k];
      guint32 mask = def->n_patterns >= 32 ? 0xffffffffu : (1u << def->n_patterns) - 1;
      guint chosen = 0;

      for (int d = 0; d < self->n_days; d++)
        if (problem->week_of_day[d] == def->week)
          for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
            if (x[opt_col (me, o)] > 0.5)
              mask &= esc_problem_get_option (problem, o)->pattern_mask;
      for (guint p = 0; p < def->n_patterns; p++)
        if (mask & (1u << p))
          {
            chosen = p;
            break;
          }
      for (guint p = 0; p < def->n_patterns; p++)
        x[def->y0 + (int) p] = p == chosen ? 1.0 : 0.0;
    }

  match_compensations (self, schedule, x);

  for (guint i = 0; i < self->covers->len; i++)
    {
      const CoverDef *def = &g_array_index (self->covers, CoverDef, i);
      double covered = 0.0;

      for (guint j = 0; j < def->len; j++)
        covered += x[g_array_index (self->cover_cols, int, def->first + j)];
      if (def->u_col)
        x[def->u_col] = MAX (0.0, def->required - covered);
      if (def->v_col)
        x[def->v_col] = MAX (0.0, covered - def->required);
    }

  if (self->max_col)
    {
      double most = -1.0, least = G_MAXDOUBLE;

      for (int d = 0; d < self->n_days; d++)
        {
          double count;

          if (!self->balance_day[d])
            continue;
          count = self->balance_const[d];
          for (guint k = 0; k < self->n_emps; k++)
            count += work_value (self, &self->emps[k], d, x);
          most = MAX (most, count);
          least = MIN (least, count);
        }
      x[self->max_col] = most;
      x[self->min_col] = least;
    }

  for (guint i = 0; i < self->weekends->len; i++)
    {
      const WeekendDef *def = &g_array_index (self->weekends, WeekendDef, i);

      if (def->col)
        x[def->col] = MAX (work_value (self, &self->emps[def->k], def->day_a, x),
                           work_value (self, &self->emps[def->k], def->day_b, x));
    }

  if (self->slacks->len > 0)
    {
      g_autofree int *ind = g_new (int, self->n_cols + 1);
      g_autofree double *val = g_new (double, self->n_cols + 1);

      for (guint i = 0; i < self->slacks->len; i++)
        {
          const SlackDef *s = &g_array_index (self->slacks, SlackDef, i);
          double activity, bound;

          x[s->col] = 0.0;
          activity = row_activity (self, s->row, x, ind, val);
          bound = s->sign > 0 ? glp_get_row_lb (self->lp, s->row) : glp_get_row_ub (self->lp, s->row);
          x[s->col] = MAX (0.0, s->sign > 0 ? bound - activity : activity - bound);
        }
    }

  return esc_model_vector_is_feasible (self, x, 1e-6);
}

void
esc_model_vector_to_schedule (EscModel     *self,
                              const double *x,
                              EscSchedule  *schedule)
{
  g_return_if_fail (schedule->problem == self->problem);

  for (guint k = 0; k < self->n_emps; k++)
    {
      const ModelEmployee *me = &self->emps[k];

      for (int d = 0; d < self->n_days; d++)
        {
          int choice = ESC_NONE;

          for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
            if (x[opt_col (me, o)] > 0.5)
              choice = (int) o;
          esc_schedule_set_choice (schedule, me->e, d, choice);
          esc_schedule_set_compensation (schedule, me->e, d, FALSE);
        }
    }
  for (guint i = 0; i < self->zcols->len; i++)
    {
      const ZCol *z = &g_array_index (self->zcols, ZCol, i);
      const CompItem *item = &g_array_index (self->comp_items, CompItem, z->item);

      if (x[z->col] > 0.5)
        esc_schedule_set_compensation (schedule, self->emps[item->k].e, z->day, TRUE);
    }
}

gboolean
esc_model_vector_is_feasible (EscModel     *self,
                              const double *x,
                              double        tol)
{
  glp_prob *lp = self->lp;
  int n_rows = glp_get_num_rows (lp);
  g_autofree int *ind = g_new (int, self->n_cols + 1);
  g_autofree double *val = g_new (double, self->n_cols + 1);

  for (int j = 1; j <= self->n_cols; j++)
    {
      int type = glp_get_col_type (lp, j);
      double v = x[j];

      if ((glp_get_col_kind (lp, j) != GLP_CV && v != floor (v)) ||
          ((type == GLP_LO || type == GLP_DB || type == GLP_FX) && v < glp_get_col_lb (lp, j) - tol) ||
          ((type == GLP_UP || type == GLP_DB || type == GLP_FX) && v > glp_get_col_ub (lp, j) + tol))
        {
          g_debug ("column %d: %g outside its bounds or not integral", j, v);
          return FALSE;
        }
    }
  for (int i = 1; i <= n_rows; i++)
    {
      int type = glp_get_row_type (lp, i);
      double activity = row_activity (self, i, x, ind, val);
      double lb = glp_get_row_lb (lp, i), ub = glp_get_row_ub (lp, i);

      if (((type == GLP_LO || type == GLP_DB || type == GLP_FX) &&
           activity < lb - tol * MAX (1.0, fabs (lb))) ||
          ((type == GLP_UP || type == GLP_DB || type == GLP_FX) &&
           activity > ub + tol * MAX (1.0, fabs (ub))))
        {
          g_debug ("row %d of %d: activity %g outside [%g, %g]", i, n_rows, activity,
                   type == GLP_UP ? -HUGE_VAL : lb, type == GLP_LO ? HUGE_VAL : ub);
          return FALSE;
        }
    }
  return TRUE;
}

void
esc_model_get_mip_vector (EscModel *self,
                          double   *x)
{
  x[0] = 0.0;
  for (int j = 1; j <= self->n_cols; j++)
    {
      double v = glp_mip_col_val (self->lp, j);

      x[j] = glp_get_col_kind (self->lp, j) != GLP_CV ? nearbyint (v) : v;
    }
}

void
esc_model_fix_options (EscModel          *self,
                       const EscSchedule *schedule,
                       EscModelCellFunc   is_free,
                       gpointer           user_data)
{
  for (guint k = 0; k < self->n_emps; k++)
    {
      const ModelEmployee *me = &self->emps[k];

      for (int d = 0; d < self->n_days; d++)
        {
          int choice;

          if (is_free != NULL && is_free (me->e, d, user_data))
            continue;
          choice = esc_schedule_get_choice (schedule, me->e, d);
          for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
            {
              double v = (int) o == choice ? 1.0 : 0.0;

              glp_set_col_bnds (self->lp, opt_col (me, o), GLP_FX, v, v);
            }
          self->fixed_cells[(gsize) k * self->n_days + d] = TRUE;
        }
    }
  self->round_known = FALSE;
}

void
esc_model_unfix_options (EscModel *self)
{
  for (guint k = 0; k < self->n_emps; k++)
    {
      const ModelEmployee *me = &self->emps[k];

      for (int d = 0; d < self->n_days; d++)
        {
          if (!self->fixed_cells[(gsize) k * self->n_days + d])
            continue;
          for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
            glp_set_col_bnds (self->lp, opt_col (me, o), GLP_DB, 0.0, 1.0);
          self->fixed_cells[(gsize) k * self->n_days + d] = FALSE;
        }
    }
  self->round_known = FALSE;
}

/* Restricted problems */

struct _EscSubproblem
{
  glp_prob *lp;
  int n_cols;
  int *full_col;                   /* sub column (1-based) -> column of the model */
  double constant;                 /* the objective's part on the fixed columns (GLPK units) */
};

EscSubproblem *
esc_model_restrict (EscModel         *self,
                    const double     *x,
                    EscModelCellFunc  is_free,
                    gpointer          user_data)
{
  glp_prob *lp = self->lp;
  int n_rows = glp_get_num_rows (lp), n_cols = self->n_cols;
  g_autofree int *sub_col = g_new0 (int, n_cols + 1);     /* model column -> sub column, 0 */
  g_autofree gboolean *option_col = g_new0 (gboolean, n_cols + 1);
  g_autofree gboolean *keep = g_new0 (gboolean, n_rows + 1);
  g_autofree int *ind = g_new (int, n_cols + 1);
  g_autofree double *val = g_new (double, n_cols + 1);
  g_autofree int *sub_ind = g_new (int, n_cols + 1);
  g_autofree double *sub_val = g_new (double, n_cols + 1);
  EscSubproblem *sub;
  int n_sub = 0, n_kept = 0;
  double constant;

  g_return_val_if_fail (esc_model_is_alive (self), NULL);

  /* The free option columns. */
  for (guint k = 0; k < self->n_emps; k++)
    {
      const ModelEmployee *me = &self->emps[k];

      for (guint i = 0; i < me->n_opt; i++)
        option_col[me->x0 + (int) i] = TRUE;
      for (int d = 0; d < self->n_days; d++)
        if (is_free (me->e, d, user_data))
          for (guint o = opt_first (me, d); o < opt_end (me, d); o++)
            sub_col[opt_col (me, o)] = -1;
    }
  /* Every other column in a row with a free option column is free too (pattern,
   * compensation, weekend, coverage and headcount columns of the neighbourhood); the
   * rows kept are those with a free column. */
  for (int i = 1; i <= n_rows; i++)
    {
      int len = glp_get_mat_row (lp, i, ind, val);

      for (int t = 1; t <= len; t++)
        if (sub_col[ind[t]] == -1 && option_col[ind[t]])
          {
            for (int u = 1; u <= len; u++)
              if (!option_col[ind[u]])
                sub_col[ind[u]] = -1;
            break;
          }
    }

  sub = g_new0 (EscSubproblem, 1);
  sub->lp = glp_create_prob ();
  glp_set_obj_dir (sub->lp, GLP_MIN);
  for (int j = 1; j <= n_cols; j++)
    if (sub_col[j] == -1)
      sub_col[j] = ++n_sub;
  sub->n_cols = n_sub;
  sub->full_col = g_new0 (int, n_sub + 1);
  constant = glp_get_obj_coef (lp, 0);
  if (n_sub > 0)
    glp_add_cols (sub->lp, n_sub);
  for (int j = 1; j <= n_cols; j++)
    {
      int c = sub_col[j];

      if (c == 0)
        {
          constant += glp_get_obj_coef (lp, j) * x[j];
          continue;
        }
      sub->full_col[c] = j;
      glp_set_col_kind (sub->lp, c, glp_get_col_kind (lp, j));
      glp_set_col_bnds (sub->lp, c, glp_get_col_type (lp, j), glp_get_col_lb (lp, j),
                        glp_get_col_ub (lp, j));
      glp_set_obj_coef (sub->lp, c, glp_get_obj_coef (lp, j));
    }
  sub->constant = constant;
  glp_set_obj_coef (sub->lp, 0, constant);

  for (int i = 1; i <= n_rows; i++)
    {
      int len = glp_get_mat_row (lp, i, ind, val), n = 0, type, row;
      double shift = 0.0, lb, ub;

      for (int t = 1; t <= len; t++)
        {
          int c = sub_col[ind[t]];

          if (c > 0)
            {
              n++;
              sub_ind[n] = c;
              sub_val[n] = val[t];
            }
          else
            shift += val[t] * x[ind[t]];
        }
      if (n == 0)
        continue;
      keep[i] = TRUE;
      n_kept++;
      type = glp_get_row_type (lp, i);
      lb = glp_get_row_lb (lp, i) - shift;
      ub = glp_get_row_ub (lp, i) - shift;
      row = glp_add_rows (sub->lp, 1);
      glp_set_mat_row (sub->lp, row, n, sub_ind, sub_val);
      glp_set_row_bnds (sub->lp, row, type, type == GLP_UP ? 0.0 : lb, type == GLP_LO ? 0.0 : ub);
    }
  if (n_kept > 0 && n_sub > 0)
    glp_scale_prob (sub->lp, GLP_SF_AUTO);
  return sub;
}

void
esc_subproblem_free (EscSubproblem *sub)
{
  if (sub == NULL)
    return;
  if (sub->lp != NULL)
    glp_delete_prob (sub->lp);
  g_free (sub->full_col);
  g_free (sub);
}

void
esc_subproblem_forget (EscSubproblem *sub)
{
  sub->lp = NULL;  /* freed with the thread's GLPK environment */
}

glp_prob *
esc_subproblem_get_prob (EscSubproblem *sub)
{
  return sub->lp;
}

int
esc_subproblem_get_n_cols (EscSubproblem *sub)
{
  return sub->n_cols;
}

void
esc_subproblem_from_full (EscSubproblem *sub,
                          const double  *x,
                          double        *sub_x)
{
  for (int c = 1; c <= sub->n_cols; c++)
    sub_x[c] = x[sub->full_col[c]];
}

void
esc_subproblem_to_full (EscSubproblem *sub,
                        const double  *sub_x,
                        double        *x)
{
  for (int c = 1; c <= sub->n_cols; c++)
    {
      int j = sub->full_col[c];

      x[j] = glp_get_col_kind (sub->lp, c) != GLP_CV ? nearbyint (sub_x[c]) : sub_x[c];
    }
}

GArray *
esc_model_get_violations (EscModel     *self,
                          const double *x)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (EscModelViolation));

  for (guint i = 0; i < self->slacks->len; i++)
    {
      const SlackDef *s = &g_array_index (self->slacks, SlackDef, i);

      if (x[s->col] > 1e-6)
        {
          EscModelViolation v = s->info;

          v.amount = x[s->col];
          g_array_append_val (out, v);
        }
    }
  return out;
}

double
esc_model_trivial_bound (EscModel *self)
{
  double bound = glp_get_obj_coef (self->lp, 0);

  for (int j = 1; j <= self->n_cols; j++)
    {
      double c = glp_get_obj_coef (self->lp, j);
      int type = glp_get_col_type (self->lp, j);

      if (c > 0.0)
        {
          if (type == GLP_FR || type == GLP_UP)
            return -HUGE_VAL;
          bound += c * glp_get_col_lb (self->lp, j);
        }
      else if (c < 0.0)
        {
          if (type == GLP_FR || type == GLP_LO)
            return -HUGE_VAL;
          bound += c * glp_get_col_ub (self->lp, j);
        }
    }
  return bound;
}

static gint64
gcd64 (gint64 a,
       gint64 b)
{
  while (b != 0)
    {
      gint64 t = a % b;

      a = b;
      b = t;
    }
  return a;
}

double
esc_model_round_bound (EscModel *self,
                       double    bound)
{
  double step, offset;

  esc_model_get_objective_grid (self, &step, &offset);
  return esc_round_to_grid (bound, step, offset);
}

double
esc_round_to_grid (double bound,
                   double step,
                   double offset)
{
  double h;

  if (!isfinite (bound) || fabs (bound) >= 1e300 || step == 0.0)
    return bound;
  h = (bound - offset) / step;
  return step * ceil (h - 1e-6) + offset;
}

double
esc_round_lp_bound (double bound,
                    double step,
                    double offset)
{
  return esc_round_to_grid (bound - 1e-6 * MAX (1.0, fabs (bound)), step, offset);
}

void
esc_model_get_objective_grid (EscModel *self,
                              double   *step,
                              double   *offset)
{
  if (!self->round_known)
    {
      gint64 step = 0;
      double offset = glp_get_obj_coef (self->lp, 0);

      for (int j = 1; j <= self->n_cols && step >= 0; j++)
        {
          double c = glp_get_obj_coef (self->lp, j);

          if (c == 0.0)
            continue;
          if (glp_get_col_type (self->lp, j) == GLP_FX)
            offset += c * glp_get_col_lb (self->lp, j);
          else if (glp_get_col_kind (self->lp, j) == GLP_CV || c != floor (c) || fabs (c) > 1e15)
            step = -1;
          else
            step = gcd64 (step, (gint64) fabs (c));
        }
      self->round_step = step > 0 ? (double) step : 0.0;
      self->round_offset = offset;
      self->round_known = TRUE;
    }
  *step = self->round_step;
  *offset = self->round_offset;
}

void
esc_model_release_thread_glpk (void)
{
  glp_free_env ();
  g_private_set (&glpk_epoch, GUINT_TO_POINTER (current_epoch () + 1));
}

gboolean
esc_model_is_alive (EscModel *self)
{
  return self->lp != NULL && self->epoch == current_epoch ();
}

gboolean
esc_model_write_mps (EscModel    *self,
                     const char  *filename,
                     GError     **error)
{
  g_auto(EscCLocale) c_locale = ESC_C_LOCALE_INIT;

  /* GLPK formats the numbers with printf: "C" numbers under any locale. */
  esc_c_locale_enter (&c_locale);
  if (glp_write_mps (self->lp, GLP_MPS_FILE, NULL, filename) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Could not write the model to “%s”"), filename);
      return FALSE;
    }
  return TRUE;
}
