/* esc-local-search.c: simulated annealing over the rows of one group (see
 * esc-local-search.h).
 *
 * State: the row of every employee of the group (an option or ESC_NONE per day), the
 * staff counted on every coverage row of the group model, and the value of every level.
 * A move changes up to four cells; its effect on each level is computed incrementally
 * from the options' covered rows and costs; it is accepted when no earlier level exceeds
 * its limit, the last level does not get worse by more than the annealing allows
 * (exp (-delta / T)), and the changed rows stay legal. The temperature falls
 * geometrically from T0 (a fraction of the typical worsening of a random move) to
 * T0 / 1000 over the time given; the best state is kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <math.h>
#include <string.h>

#include "esc-checker.h"
#include "esc-local-search.h"
#include "esc-row-rules.h"

#define MAX_CHANGES 12
#define CHECK_EVERY 128        /* moves between looks at the clock and the stop */

typedef struct
{
  guint i;                     /* local employee */
  int day;
  int old;                     /* option or ESC_NONE */
} Change;

struct _EscLocalSearch
{
  EscProblem *problem;
  int group;
  int n_days;
  guint n_levels;
  guint k;                     /* the level minimised: n_levels - 1 */

  guint n_emps;
  int *emps;                   /* problem employee of local i */
  gboolean *frozen;            /* the search leaves this row alone */
  gboolean *check_short;       /* min hours or max rest days to keep */
  guint *opt_base;             /* local id of the employee's first option */
  guint n_opts;
  int *opt_global;             /* local option -> problem option */
  guint *opt_emp;              /* local option -> local employee */

  double *constant;            /* n_levels */
  double *opt_cost;            /* n_opts * n_levels */
  guint n_items;               /* coverage rows */
  int *required;
  double *under;               /* n_items * n_levels: cost per staff short */
  double *over;                /* n_items * n_levels: cost per staff over */
  gboolean *any_under;         /* n_items: some level counts staff short there */
  guint *opt_item_off;         /* n_opts + 1 */
  guint *opt_items;
  guint *item_opt_off;         /* n_items + 1 */
  guint *item_opts;            /* local options */
  guint *attractive;           /* local options with a negative cost on level k */
  guint n_attractive;

  /* State. */
  int *row;                    /* n_emps * n_days */
  int *cov;                    /* n_items */
  double *value;               /* n_levels */
  guint *shorts;               /* items short with an under cost on level k */
  int *short_pos;              /* n_items: index in shorts or -1 */
  guint n_shorts;
  int *best_row;
  double *best_value;

  const double *limits;
  double *tol;
  EscRowRules *rules;
  GRand *rand;
  double heat;                 /* first temperature / typical worsening */
  double target;               /* stop when the last level reaches it */
  double temperature;
  double threshold;            /* of the current move: its worsening may not exceed this */
  Change changes[MAX_CHANGES];
  guint n_changes;
  double delta[8];             /* per level; n_levels <= 8 is checked */
  guint *mark;                 /* n_items: scratch of peek() */
  guint stamp;
};

static inline guint
local_option (EscLocalSearch *self,
              guint           i,
              int             o)
{
  const EscProblemEmployee *emp = esc_problem_get_employee (self->problem, self->emps[i]);

  return self->opt_base[i] + (guint) o - emp->day_offset[0];
}

static inline void
short_update (EscLocalSearch *self,
              guint           it)
{
  gboolean is_short = self->cov[it] < self->required[it] && self->any_under[it];

  if (is_short && self->short_pos[it] < 0)
    {
      self->short_pos[it] = (int) self->n_shorts;
      self->shorts[self->n_shorts++] = it;
    }
  else if (!is_short && self->short_pos[it] >= 0)
    {
      guint pos = (guint) self->short_pos[it];
      guint last = self->shorts[--self->n_shorts];

      self->shorts[pos] = last;
      self->short_pos[last] = (int) pos;
      self->short_pos[it] = -1;
    }
}

/* Adds @sign staff on every row option @lo covers, and its own cost, to the state and to
 * @delta. */
static void
count_option (EscLocalSearch *self,
              guint           lo,
              int             sign,
              double         *delta)
{
  guint L = self->n_levels;

  for (guint l = 0; l < L; l++)
    delta[l] += sign * self->opt_cost[lo * L + l];
  for (guint p = self->opt_item_off[lo]; p < self->opt_item_off[lo + 1]; p++)
    {
      guint it = self->opt_items[p];
      int c = self->cov[it];

      if (sign > 0)
        {
          for (guint l = 0; l < L; l++)
            delta[l] += c < self->required[it] ? -self->under[it * L + l] : self->over[it * L + l];
          self->cov[it] = c + 1;
        }
      else
        {
          for (guint l = 0; l < L; l++)
            delta[l] += c <= self->required[it] ? self->under[it * L + l] : -self->over[it * L + l];
          self->cov[it] = c - 1;
        }
      short_update (self, it);
    }
}

static void
set_cell (EscLocalSearch *self,
          guint           i,
          int             d,
          int             o,
          double         *delta)
{
  int *cell = &self->row[i * self->n_days + d];

  if (*cell == o)
    return;
  if (*cell != ESC_NONE)
    count_option (self, local_option (self, i, *cell), -1, delta);
  if (o != ESC_NONE)
    count_option (self, local_option (self, i, o), +1, delta);
  *cell = o;
}

/* A change of the current move (undone by revert()). */
static void
change (EscLocalSearch *self,
        guint           i,
        int             d,
        int             o)
{
  Change *c = &self->changes[self->n_changes++];

  c->i = i;
  c->day = d;
  c->old = self->row[i * self->n_days + d];
  set_cell (self, i, d, o, self->delta);
}

static void
revert (EscLocalSearch *self,
        guint           keep)
{
  while (self->n_changes > keep)
    {
      Change *c = &self->changes[--self->n_changes];

      set_cell (self, c->i, c->day, c->old, self->delta);
    }
}

/* A new move; its acceptance threshold is drawn now (Metropolis: a worsening delta is
 * accepted with probability exp (-delta / T), that is when delta <= -T ln U). */
static void
begin_move (EscLocalSearch *self)
{
  self->n_changes = 0;
  memset (self->delta, 0, sizeof self->delta);
  self->threshold = self->temperature > 0
                    ? -self->temperature * log (1.0 - g_rand_double (self->rand)) : 0.0;
}

/* The move's effect is acceptable: the earlier levels within their limits, the last one
 * not worse than the annealing allows. */
/* The move's cost: the last level's change; G_MAXDOUBLE when an earlier level would
 * exceed its limit. */
static double
move_cost (EscLocalSearch *self,
           const double   *delta)
{
  for (guint l = 0; l < self->k; l++)
    if (delta[l] > 0 && self->value[l] + delta[l] > self->limits[l] + self->tol[l])
      return G_MAXDOUBLE;
  return delta[self->k];
}

static gboolean
acceptable (EscLocalSearch *self)
{
  double cost = move_cost (self, self->delta);

  return cost < G_MAXDOUBLE && cost <= MAX (self->threshold, 1e-9);
}

/* Every earlier level within its limit. */
static gboolean
within_limits (EscLocalSearch *self)
{
  for (guint l = 0; l < self->k; l++)
    if (self->value[l] > self->limits[l] + self->tol[l])
      return FALSE;
  return TRUE;
}

static gboolean
row_legal (EscLocalSearch *self,
           guint           i)
{
  const EscProblemEmployee *emp = esc_problem_get_employee (self->problem, self->emps[i]);
  const int *row = &self->row[i * self->n_days];

  return esc_row_rules_ok (self->rules, emp, row) &&
         (!self->check_short[i] || !esc_row_rules_short (self->problem, emp, row));
}

/* Every row the move touched is legal. */
static gboolean
move_legal (EscLocalSearch *self)
{
  for (guint c = 0; c < self->n_changes; c++)
    {
      gboolean seen = FALSE;

      for (guint b = 0; b < c && !seen; b++)
        seen = self->changes[b].i == self->changes[c].i;
      if (!seen && !row_legal (self, self->changes[c].i))
        return FALSE;
    }
  return TRUE;
}

/* Lexicographically better than the best state. */
static gboolean
better_than_best (EscLocalSearch *self)
{
  for (guint l = 0; l < self->n_levels; l++)
    {
      double tol = 1e-9 * MAX (1.0, fabs (self->best_value[l]));

      if (l < self->k)
        {
          /* The earlier levels only have to stay within their limits. */
          if (l == 0 && !within_limits (self))
            return FALSE;
          continue;
        }
      if (self->value[l] < self->best_value[l] - tol)
        return TRUE;
      if (self->value[l] > self->best_value[l] + tol)
        return FALSE;
    }
  return FALSE;
}

static void
commit (EscLocalSearch *self)
{
  for (guint l = 0; l < self->n_levels; l++)
    self->value[l] += self->delta[l];
  if (better_than_best (self))
    {
      memcpy (self->best_row, self->row, sizeof (int) * self->n_emps * self->n_days);
      memcpy (self->best_value, self->value, sizeof (double) * self->n_levels);
    }
}

/* Accepts the move or takes it back. */
static gboolean
finish_move (EscLocalSearch *self)
{
  if (self->n_changes > 0 && acceptable (self) && move_legal (self))
    {
      commit (self);
      return TRUE;
    }
  revert (self, 0);
  return FALSE;
}

static inline gboolean
cell_free (EscLocalSearch *self,
           guint           i,
           int             d)
{
  const EscProblemEmployee *emp = esc_problem_get_employee (self->problem, self->emps[i]);

  return !self->frozen[i] && (emp->pinned == NULL || emp->pinned[d] == ESC_NONE);
}

static int
random_option (EscLocalSearch           *self,
               const EscProblemEmployee *emp,
               int                       d,
               gboolean                  allow_none,
               int                       not)
{
  int n = (int) (emp->day_offset[d + 1] - emp->day_offset[d]) + (allow_none ? 1 : 0);
  int pick;

  if (n <= 0 || (n == 1 && (allow_none ? ESC_NONE : (int) emp->day_offset[d]) == not))
    return not;
  do
    {
      pick = g_rand_int_range (self->rand, 0, n);
      pick = allow_none && pick == n - 1 ? ESC_NONE : (int) emp->day_offset[d] + pick;
    }
  while (pick == not);
  return pick;
}

/* A worked day of row @i other than @avoid, preferably in the week of @near; -1 if none. */
static int
random_worked_day (EscLocalSearch *self,
                   guint           i,
                   int             avoid,
                   int             near)
{
  const int *row = &self->row[i * self->n_days];
  int lo = 0, hi = self->n_days;

  if (near >= 0 && g_rand_boolean (self->rand))
    {
      int w = self->problem->week_of_day[near];

      lo = near;
      hi = near + 1;
      while (lo > 0 && self->problem->week_of_day[lo - 1] == w)
        lo--;
      while (hi < self->n_days && self->problem->week_of_day[hi] == w)
        hi++;
    }
  for (int tries = 0; tries < 8; tries++)
    {
      int d = g_rand_int_range (self->rand, lo, hi);

      if (d != avoid && row[d] != ESC_NONE && cell_free (self, i, d))
        return d;
    }
  return -1;
}

/* The effect on every level (@out) of setting cell (@i, @d) to @o after the move so
 * far, without changing anything. */
static void
peek (EscLocalSearch *self,
      guint           i,
      int             d,
      int             o,
      double         *out)
{
  guint L = self->n_levels;
  int cur = self->row[i * self->n_days + d];

  memcpy (out, self->delta, sizeof (double) * L);
  if (++self->stamp == 0)
    {
      memset (self->mark, 0, sizeof (guint) * MAX (self->n_items, 1));
      self->stamp = 1;
    }
  if (cur != ESC_NONE)
    {
      guint lo = local_option (self, i, cur);

      for (guint l = 0; l < L; l++)
        out[l] -= self->opt_cost[lo * L + l];
      for (guint p = self->opt_item_off[lo]; p < self->opt_item_off[lo + 1]; p++)
        {
          guint it = self->opt_items[p];
          int c = self->cov[it];

          for (guint l = 0; l < L; l++)
            out[l] += c <= self->required[it] ? self->under[it * L + l] : -self->over[it * L + l];
          self->mark[it] = self->stamp;
        }
    }
  if (o != ESC_NONE)
    {
      guint lo = local_option (self, i, o);

      for (guint l = 0; l < L; l++)
        out[l] += self->opt_cost[lo * L + l];
      for (guint p = self->opt_item_off[lo]; p < self->opt_item_off[lo + 1]; p++)
        {
          guint it = self->opt_items[p];
          int c = self->cov[it] - (self->mark[it] == self->stamp ? 1 : 0);

          for (guint l = 0; l < L; l++)
            out[l] += c < self->required[it] ? -self->under[it * L + l] : self->over[it * L + l];
        }
    }
}

/* @delta (per level) is within the earlier levels' limits and the move's threshold. */
static gboolean
acceptable_delta (EscLocalSearch *self,
                  const double   *delta)
{
  double cost = move_cost (self, delta);

  return cost < G_MAXDOUBLE && cost <= MAX (self->threshold, 1e-9);
}

/* Works option @o (local employee @i, day @d); when the row then breaks a rule, the best
 * single change of another day of the row that makes it legal again comes with it (a
 * neighbouring day, for rest and sequences, or a day of the same planning week, for
 * weekly hours and patterns, or one day drawn anywhere). */
static gboolean
move_put (EscLocalSearch *self,
          guint           i,
          int             o)
{
  const EscProblemEmployee *emp = esc_problem_get_employee (self->problem, self->emps[i]);
  int d = esc_problem_get_option (self->problem, o)->day;
  int w = self->problem->week_of_day[d];
  int days[24], n_days = 0, n_cands = 0;
  struct { int day, option; double delta; } cands[96];
  double effect[G_N_ELEMENTS (self->delta)];

  guint base;

  if (self->row[i * self->n_days + d] == o || !cell_free (self, i, d))
    return FALSE;
  begin_move (self);
  change (self, i, d, o);
  if (row_legal (self, i))
    return finish_move (self);

  /* No pattern of the employee allows every shift of the week any more: the other days
   * of the week take the best option the new one's patterns allow (or a day off). */
  if (emp->n_patterns > 1)
    {
      guint32 mask = esc_problem_get_option (self->problem, o)->pattern_mask, week = mask;
      int lo = d, hi = d + 1;

      while (lo > 0 && self->problem->week_of_day[lo - 1] == w)
        lo--;
      while (hi < self->n_days && self->problem->week_of_day[hi] == w)
        hi++;
      for (int d2 = lo; d2 < hi; d2++)
        if (self->row[i * self->n_days + d2] != ESC_NONE)
          week &= esc_problem_get_option (self->problem, self->row[i * self->n_days + d2])->pattern_mask;
      if (week == 0)
        {
          for (int d2 = lo; d2 < hi; d2++)
            {
              int cur = self->row[i * self->n_days + d2], pick = ESC_NONE;
              double effect[G_N_ELEMENTS (self->delta)], best_effect;

              if (d2 == d || cur == ESC_NONE ||
                  (esc_problem_get_option (self->problem, cur)->pattern_mask & mask) != 0)
                continue;
              if (!cell_free (self, i, d2) || self->n_changes >= MAX_CHANGES - 1)
                {
                  revert (self, 0);
                  return FALSE;
                }
              peek (self, i, d2, ESC_NONE, effect);
              best_effect = effect[self->k];
              for (guint o2 = emp->day_offset[d2]; o2 < emp->day_offset[d2 + 1]; o2++)
                if ((esc_problem_get_option (self->problem, o2)->pattern_mask & mask) != 0)
                  {
                    peek (self, i, d2, (int) o2, effect);
                    if (effect[self->k] < best_effect)
                      {
                        best_effect = effect[self->k];
                        pick = (int) o2;
                      }
                  }
              change (self, i, d2, pick);
              if (pick != ESC_NONE)
                mask &= esc_problem_get_option (self->problem, pick)->pattern_mask;
            }
          if (row_legal (self, i))
            return finish_move (self);
        }
    }
  base = self->n_changes;

  for (int d2 = MAX (d - 1, 0); d2 <= MIN (d + 1, self->n_days - 1); d2++)
    if (d2 != d)
      days[n_days++] = d2;
  for (int d2 = d - 1; d2 >= 0 && self->problem->week_of_day[d2] == w; d2--)
    if (d2 != d - 1)
      days[n_days++] = d2;
  for (int d2 = d + 1; d2 < self->n_days && self->problem->week_of_day[d2] == w; d2++)
    if (d2 != d + 1 && n_days < (int) G_N_ELEMENTS (days) - 1)
      days[n_days++] = d2;
  /* The same weekday in the other weeks (consecutive limited weekdays). */
  for (int d2 = d % 7; d2 < self->n_days && n_days < (int) G_N_ELEMENTS (days) - 1; d2 += 7)
    if (d2 != d && self->problem->week_of_day[d2] != w)
      days[n_days++] = d2;
  days[n_days++] = g_rand_int_range (self->rand, 0, self->n_days);

  /* Every candidate's effect first (cheap), then the legality of the acceptable ones,
   * best first. */
  for (int j = 0; j < n_days; j++)
    {
      int d2 = days[j], cur = self->row[i * self->n_days + d2];

      if (d2 == d || !cell_free (self, i, d2) || self->n_changes >= MAX_CHANGES)
        continue;
      for (int o2 = (int) emp->day_offset[d2] - 1; o2 < (int) emp->day_offset[d2 + 1]; o2++)
        {
          int cand = o2 < (int) emp->day_offset[d2] ? ESC_NONE : o2;

          if (cand == cur || n_cands >= (int) G_N_ELEMENTS (cands))
            continue;
          peek (self, i, d2, cand, effect);
          if (acceptable_delta (self, effect))
            {
              cands[n_cands].day = d2;
              cands[n_cands].option = cand;
              cands[n_cands].delta = effect[self->k];
              n_cands++;
            }
        }
    }
  while (n_cands > 0)
    {
      int b = 0;

      for (int j = 1; j < n_cands; j++)
        if (cands[j].delta < cands[b].delta)
          b = j;
      change (self, i, cands[b].day, cands[b].option);
      if (row_legal (self, i))
        {
          commit (self);
          return TRUE;
        }
      revert (self, base);
      cands[b] = cands[--n_cands];
    }
  revert (self, 0);
  return FALSE;
}

/* Covers a short row: an option covering it, of an employee drawn at random. */
static gboolean
move_cover (EscLocalSearch *self)
{
  guint it, n, lo;

  if (self->n_shorts == 0)
    return FALSE;
  it = self->shorts[g_rand_int_range (self->rand, 0, (gint32) self->n_shorts)];
  n = self->item_opt_off[it + 1] - self->item_opt_off[it];
  if (n == 0)
    return FALSE;
  lo = self->item_opts[self->item_opt_off[it] + (guint) g_rand_int_range (self->rand, 0, (gint32) n)];
  return move_put (self, self->opt_emp[lo], self->opt_global[lo]);
}

static int option_of_shift (const EscProblemEmployee *emp, const EscProblem *problem, int d,
                            int shift);

/* Works an option with a negative cost (a wish, hours wanted...): alone (with a repair
 * of the row), or exchanging with an employee who works that shift that day and takes
 * over what this one did (coverage stays as it was). */
static gboolean
move_attractive (EscLocalSearch *self)
{
  guint lo, i;
  int o, d, cur, shift, cur_shift, tries = 0;

  if (self->n_attractive == 0)
    return FALSE;
  lo = self->attractive[g_rand_int_range (self->rand, 0, (gint32) self->n_attractive)];
  i = self->opt_emp[lo];
  o = self->opt_global[lo];
  d = esc_problem_get_option (self->problem, o)->day;
  cur = self->row[i * self->n_days + d];
  if (cur == o || !cell_free (self, i, d))
    return FALSE;
  if (g_rand_boolean (self->rand))
    return move_put (self, i, o);

  shift = esc_problem_get_option (self->problem, o)->shift;
  cur_shift = cur != ESC_NONE ? esc_problem_get_option (self->problem, cur)->shift : -1;
  for (guint j = 0, first = (guint) g_rand_int_range (self->rand, 0, (gint32) self->n_emps);
       j < self->n_emps && tries < 4; j++)
    {
      guint i2 = (first + j) % self->n_emps;
      int c2 = self->row[i2 * self->n_days + d], o2;

      if (i2 == i || c2 == ESC_NONE || esc_problem_get_option (self->problem, c2)->shift != shift ||
          !cell_free (self, i2, d))
        continue;
      o2 = option_of_shift (esc_problem_get_employee (self->problem, self->emps[i2]),
                            self->problem, d, cur_shift);
      if (o2 == -2)
        continue;
      tries++;
      begin_move (self);
      change (self, i, d, o);
      change (self, i2, d, o2);
      if (finish_move (self))
        return TRUE;
    }
  return FALSE;
}

static gboolean
move_cell (EscLocalSearch *self)
{
  guint i = (guint) g_rand_int_range (self->rand, 0, (gint32) self->n_emps);
  int d = g_rand_int_range (self->rand, 0, self->n_days);
  const EscProblemEmployee *emp = esc_problem_get_employee (self->problem, self->emps[i]);
  int old = self->row[i * self->n_days + d];
  int o;

  if (!cell_free (self, i, d))
    return FALSE;
  o = random_option (self, emp, d, TRUE, old);
  if (o == old)
    return FALSE;
  begin_move (self);
  change (self, i, d, o);
  return finish_move (self);
}

/* A shift moves to another day of the same row (a day off moves the other way). */
static gboolean
move_shift (EscLocalSearch *self)
{
  guint i = (guint) g_rand_int_range (self->rand, 0, (gint32) self->n_emps);
  const EscProblemEmployee *emp = esc_problem_get_employee (self->problem, self->emps[i]);
  int d1 = random_worked_day (self, i, -1, -1), d2, o;

  if (d1 < 0)
    return FALSE;
  d2 = g_rand_int_range (self->rand, 0, self->n_days);
  if (g_rand_boolean (self->rand))
    {
      /* The same planning week: the weekly hours stay. */
      int w = self->problem->week_of_day[d1], lo = d1, hi = d1 + 1;

      while (lo > 0 && self->problem->week_of_day[lo - 1] == w)
        lo--;
      while (hi < self->n_days && self->problem->week_of_day[hi] == w)
        hi++;
      d2 = g_rand_int_range (self->rand, lo, hi);
    }
  if (d2 == d1 || self->row[i * self->n_days + d2] != ESC_NONE || !cell_free (self, i, d2))
    return FALSE;
  o = random_option (self, emp, d2, FALSE, ESC_NONE);
  if (o == ESC_NONE)
    return FALSE;
  begin_move (self);
  change (self, i, d1, ESC_NONE);
  change (self, i, d2, o);
  return finish_move (self);
}

/* The option of @emp on day @d with shift @shift, or -2 when there is none. */
static int
option_of_shift (const EscProblemEmployee *emp,
                 const EscProblem         *problem,
                 int                       d,
                 int                       shift)
{
  if (shift < 0)
    return ESC_NONE;
  for (guint o = emp->day_offset[d]; o < emp->day_offset[d + 1]; o++)
    if (esc_problem_get_option (problem, o)->shift == shift)
      return (int) o;
  return -2;
}

/* Two employees exchange what they do on one day. */
static gboolean
move_exchange (EscLocalSearch *self)
{
  guint i1 = (guint) g_rand_int_range (self->rand, 0, (gint32) self->n_emps);
  guint i2 = (guint) g_rand_int_range (self->rand, 0, (gint32) self->n_emps);
  int d = g_rand_int_range (self->rand, 0, self->n_days);
  int a = self->row[i1 * self->n_days + d], b = self->row[i2 * self->n_days + d];
  int sa = a != ESC_NONE ? esc_problem_get_option (self->problem, a)->shift : -1;
  int sb = b != ESC_NONE ? esc_problem_get_option (self->problem, b)->shift : -1;
  int na, nb;

  if (i1 == i2 || sa == sb || !cell_free (self, i1, d) || !cell_free (self, i2, d))
    return FALSE;
  na = option_of_shift (esc_problem_get_employee (self->problem, self->emps[i1]), self->problem, d, sb);
  nb = option_of_shift (esc_problem_get_employee (self->problem, self->emps[i2]), self->problem, d, sa);
  if (na == -2 || nb == -2)
    return FALSE;
  begin_move (self);
  change (self, i1, d, na);
  change (self, i2, d, nb);
  return finish_move (self);
}

/* Recomputes coverage, the short rows and the levels' values from the rows. */
static void
recount (EscLocalSearch *self)
{
  double *value = self->value;

  memset (self->cov, 0, sizeof (int) * self->n_items);
  for (guint it = 0; it < self->n_items; it++)
    self->short_pos[it] = -1;
  self->n_shorts = 0;
  for (guint l = 0; l < self->n_levels; l++)
    value[l] = self->constant[l];
  for (guint i = 0; i < self->n_emps; i++)
    for (int d = 0; d < self->n_days; d++)
      {
        int o = self->row[i * self->n_days + d];

        if (o != ESC_NONE)
          {
            guint lo = local_option (self, i, o);

            for (guint l = 0; l < self->n_levels; l++)
              value[l] += self->opt_cost[lo * self->n_levels + l];
            for (guint p = self->opt_item_off[lo]; p < self->opt_item_off[lo + 1]; p++)
              self->cov[self->opt_items[p]]++;
          }
      }
  for (guint it = 0; it < self->n_items; it++)
    {
      int gap = self->required[it] - self->cov[it];

      for (guint l = 0; l < self->n_levels; l++)
        value[l] += gap > 0 ? gap * self->under[it * self->n_levels + l]
                            : -gap * self->over[it * self->n_levels + l];
      short_update (self, it);
    }
}

EscLocalSearch *
esc_local_search_new (EscModel                        *model,
                      const EscObjectiveLevel * const *levels,
                      guint                            n_levels,
                      guint                            seed)
{
  EscProblem *problem = esc_model_get_problem (model);
  g_autoptr(EscLocalSearch) self = NULL;
  guint L = n_levels;
  g_autofree double *option_cost = NULL;
  g_autofree double *under = NULL;
  g_autofree double *over = NULL;
  g_autofree int *cover_options = NULL;
  g_autoptr(GArray) item_opts = NULL;
  g_autofree guint *count = NULL;

  g_return_val_if_fail (n_levels >= 1 && n_levels <= G_N_ELEMENTS (self->delta), NULL);

  self = g_new0 (EscLocalSearch, 1);
  self->problem = esc_problem_ref (problem);
  self->group = esc_model_get_group (model);
  self->n_days = problem->n_days;
  self->n_levels = L;
  self->k = L - 1;
  self->n_emps = esc_model_get_n_employees (model);
  self->emps = g_new (int, MAX (self->n_emps, 1));
  self->frozen = g_new0 (gboolean, MAX (self->n_emps, 1));
  self->check_short = g_new0 (gboolean, MAX (self->n_emps, 1));
  self->opt_base = g_new (guint, MAX (self->n_emps, 1));
  for (guint i = 0; i < self->n_emps; i++)
    {
      const EscProblemEmployee *emp;

      self->emps[i] = esc_model_get_employee (model, i);
      emp = esc_problem_get_employee (problem, self->emps[i]);
      self->opt_base[i] = self->n_opts;
      self->n_opts += emp->day_offset[problem->n_days] - emp->day_offset[0];
      self->frozen[i] = emp->min_consecutive_days != ESC_NONE ||
                        emp->min_consecutive_off != ESC_NONE ||
                        emp->day_offset[problem->n_days] == emp->day_offset[0];
      self->check_short[i] = emp->min_minutes != ESC_NONE || emp->max_rest_days != ESC_NONE;
    }
  self->opt_global = g_new (int, MAX (self->n_opts, 1));
  self->opt_emp = g_new (guint, MAX (self->n_opts, 1));
  for (guint i = 0; i < self->n_emps; i++)
    {
      const EscProblemEmployee *emp = esc_problem_get_employee (problem, self->emps[i]);

      for (guint o = emp->day_offset[0]; o < emp->day_offset[problem->n_days]; o++)
        {
          guint lo = self->opt_base[i] + o - emp->day_offset[0];

          self->opt_global[lo] = (int) o;
          self->opt_emp[lo] = i;
        }
    }

  /* Costs, level by level. */
  self->n_items = esc_model_get_n_covers (model);
  self->constant = g_new0 (double, L);
  self->opt_cost = g_new0 (double, MAX (self->n_opts, 1) * L);
  self->under = g_new0 (double, MAX (self->n_items, 1) * L);
  self->over = g_new0 (double, MAX (self->n_items, 1) * L);
  option_cost = g_new0 (double, MAX (problem->options->len, 1));
  under = g_new0 (double, MAX (self->n_items, 1));
  over = g_new0 (double, MAX (self->n_items, 1));
  for (guint l = 0; l < L; l++)
    {
      if (!esc_model_level_costs (model, levels[l], &self->constant[l], option_cost, under, over))
        return NULL;
      for (guint lo = 0; lo < self->n_opts; lo++)
        self->opt_cost[lo * L + l] = option_cost[self->opt_global[lo]];
      for (guint it = 0; it < self->n_items; it++)
        {
          self->under[it * L + l] = under[it];
          self->over[it * L + l] = over[it];
        }
    }

  self->any_under = g_new0 (gboolean, MAX (self->n_items, 1));
  for (guint it = 0; it < self->n_items; it++)
    for (guint l = 0; l < L; l++)
      self->any_under[it] |= self->under[it * L + l] > 0;

  /* Coverage rows: item -> options and option -> items. */
  self->required = g_new0 (int, MAX (self->n_items, 1));
  self->item_opt_off = g_new0 (guint, self->n_items + 1);
  item_opts = g_array_new (FALSE, FALSE, sizeof (guint));
  cover_options = g_new (int, MAX (self->n_opts, 1));
  count = g_new0 (guint, self->n_opts + 1);
  for (guint it = 0; it < self->n_items; it++)
    {
      guint n = esc_model_get_cover (model, it, &self->required[it], cover_options);

      self->item_opt_off[it] = item_opts->len;
      for (guint j = 0; j < n; j++)
        {
          const EscProblemOption *opt = esc_problem_get_option (problem, cover_options[j]);
          guint i;

          for (i = 0; i < self->n_emps && self->emps[i] != opt->employee; i++)
            ;
          if (i < self->n_emps)
            {
              guint lo = local_option (self, i, cover_options[j]);

              g_array_append_val (item_opts, lo);
              count[lo]++;
            }
        }
    }
  self->item_opt_off[self->n_items] = item_opts->len;
  self->item_opts = (guint *) g_array_free (g_steal_pointer (&item_opts), FALSE);
  self->opt_item_off = g_new0 (guint, self->n_opts + 1);
  for (guint lo = 0; lo < self->n_opts; lo++)
    self->opt_item_off[lo + 1] = self->opt_item_off[lo] + count[lo];
  self->opt_items = g_new (guint, MAX (self->opt_item_off[self->n_opts], 1));
  memset (count, 0, sizeof (guint) * (self->n_opts + 1));
  for (guint it = 0; it < self->n_items; it++)
    for (guint p = self->item_opt_off[it]; p < self->item_opt_off[it + 1]; p++)
      {
        guint lo = self->item_opts[p];

        self->opt_items[self->opt_item_off[lo] + count[lo]++] = it;
      }

  self->attractive = g_new (guint, MAX (self->n_opts, 1));
  for (guint lo = 0; lo < self->n_opts; lo++)
    if (self->opt_cost[lo * L + self->k] < 0)
      self->attractive[self->n_attractive++] = lo;

  self->row = g_new (int, MAX ((gsize) self->n_emps * self->n_days, 1));
  self->best_row = g_new (int, MAX ((gsize) self->n_emps * self->n_days, 1));
  self->cov = g_new0 (int, MAX (self->n_items, 1));
  self->shorts = g_new (guint, MAX (self->n_items, 1));
  self->short_pos = g_new (int, MAX (self->n_items, 1));
  self->value = g_new0 (double, L);
  self->best_value = g_new0 (double, L);
  self->tol = g_new0 (double, L);
  self->mark = g_new0 (guint, MAX (self->n_items, 1));
  self->rules = esc_row_rules_new (problem);
  self->rand = g_rand_new_with_seed (seed);
  self->heat = 2.0;
  self->target = -HUGE_VAL;
  return g_steal_pointer (&self);
}

void
esc_local_search_free (EscLocalSearch *self)
{
  if (self == NULL)
    return;
  g_free (self->emps);
  g_free (self->frozen);
  g_free (self->check_short);
  g_free (self->opt_base);
  g_free (self->opt_global);
  g_free (self->opt_emp);
  g_free (self->constant);
  g_free (self->opt_cost);
  g_free (self->required);
  g_free (self->under);
  g_free (self->over);
  g_free (self->any_under);
  g_free (self->opt_item_off);
  g_free (self->opt_items);
  g_free (self->item_opt_off);
  g_free (self->item_opts);
  g_free (self->attractive);
  g_free (self->row);
  g_free (self->cov);
  g_free (self->value);
  g_free (self->shorts);
  g_free (self->short_pos);
  g_free (self->best_row);
  g_free (self->best_value);
  g_free (self->tol);
  g_free (self->mark);
  esc_row_rules_free (self->rules);
  if (self->rand != NULL)
    g_rand_free (self->rand);
  g_clear_pointer (&self->problem, esc_problem_unref);
  g_free (self);
}

/* The typical worsening of each level by a random move (@out, n_levels entries), for
 * the first temperature. */
static void
typical_worsening (EscLocalSearch *self,
                   double         *out)
{
  double sum[G_N_ELEMENTS (self->delta)] = { 0 };
  guint n[G_N_ELEMENTS (self->delta)] = { 0 };

  for (guint s = 0; s < 400; s++)
    {
      guint i = (guint) g_rand_int_range (self->rand, 0, (gint32) self->n_emps);
      int d = g_rand_int_range (self->rand, 0, self->n_days);
      const EscProblemEmployee *emp = esc_problem_get_employee (self->problem, self->emps[i]);
      int old = self->row[i * self->n_days + d];
      int o = random_option (self, emp, d, TRUE, old);

      if (o == old)
        continue;
      begin_move (self);
      change (self, i, d, o);
      for (guint l = 0; l < self->n_levels; l++)
        if (self->delta[l] > 1e-9)
          {
            sum[l] += self->delta[l];
            n[l]++;
          }
      revert (self, 0);
    }
  for (guint l = 0; l < self->n_levels; l++)
    out[l] = n[l] > 0 ? sum[l] / n[l] : 1.0;
}

gboolean
esc_local_search_run (EscLocalSearch         *self,
                      EscSchedule            *schedule,
                      const double           *limits,
                      gint64                  deadline,
                      EscLocalSearchStopFunc  stop,
                      gpointer                user_data)
{
  const EscProblem *p = self->problem;
  g_autofree int *start_row = NULL;
  g_autofree gboolean *flags = g_new0 (gboolean, MAX (p->n_days, 1));
  gint64 t0 = g_get_monotonic_time ();
  double start_value, t_first, t_last;
  gboolean improved;
  guint64 moves = 0, accepted = 0;

  if (self->n_emps == 0)
    return FALSE;
  self->limits = limits;
  for (guint l = 0; l < self->k; l++)
    self->tol[l] = 1e-6 * MAX (1.0, fabs (limits[l]));
  for (guint i = 0; i < self->n_emps; i++)
    for (int d = 0; d < self->n_days; d++)
      self->row[i * self->n_days + d] = esc_schedule_get_choice (schedule, self->emps[i], d);
  /* Rows the search could not keep legal stay as they are. */
  for (guint i = 0; i < self->n_emps; i++)
    if (!self->frozen[i] && !row_legal (self, i))
      self->frozen[i] = TRUE;
  start_row = g_memdup2 (self->row, sizeof (int) * self->n_emps * self->n_days);
  recount (self);
  memcpy (self->best_row, self->row, sizeof (int) * self->n_emps * self->n_days);
  memcpy (self->best_value, self->value, sizeof (double) * self->n_levels);
  start_value = self->value[self->k];

  {
    double typical[G_N_ELEMENTS (self->delta)];

    typical_worsening (self, typical);
    t_first = self->heat * typical[self->k];
    t_last = t_first / 1000.0;
  }
  self->temperature = t_first;

  for (;;)
    {
      guint kind;

      if (moves % CHECK_EVERY == 0)
        {
          gint64 now = g_get_monotonic_time ();
          double f;

          if (now >= deadline || (stop != NULL && stop (user_data)) ||
              self->best_value[self->k] <= self->target + 1e-9 * MAX (1.0, fabs (self->target)))
            break;
          f = (double) (now - t0) / (double) MAX (deadline - t0, 1);
          self->temperature = t_first * pow (t_last / t_first, f);
        }
      moves++;
      kind = (guint) g_rand_int_range (self->rand, 0, 10);
      if (kind < 4)
        accepted += self->n_shorts > 0 ? move_cover (self) : move_cell (self);
      else if (kind < 5)
        accepted += self->n_attractive > 0 ? move_attractive (self) : move_cell (self);
      else if (kind < 7)
        accepted += move_cell (self);
      else if (kind < 9)
        accepted += move_shift (self);
      else
        accepted += move_exchange (self);
    }

  /* The best rows, verified. */
  memcpy (self->row, self->best_row, sizeof (int) * self->n_emps * self->n_days);
  for (guint i = 0; i < self->n_emps; i++)
    {
      const EscProblemEmployee *emp = esc_problem_get_employee (p, self->emps[i]);
      int *row = &self->row[i * self->n_days];
      g_autoptr(GPtrArray) violations = NULL;
      g_autofree int *old_choice = NULL;
      g_autofree gboolean *old_comp = NULL;

      if (memcmp (row, &start_row[i * self->n_days], sizeof (int) * self->n_days) == 0)
        continue;
      old_choice = g_new (int, self->n_days);
      old_comp = g_new (gboolean, self->n_days);
      esc_row_rules_match_compensations (self->rules, emp, row, flags);
      for (int d = 0; d < self->n_days; d++)
        {
          old_choice[d] = esc_schedule_get_choice (schedule, self->emps[i], d);
          old_comp[d] = esc_schedule_get_compensation (schedule, self->emps[i], d);
          esc_schedule_set_choice (schedule, self->emps[i], d, row[d]);
          esc_schedule_set_compensation (schedule, self->emps[i], d, flags[d]);
        }
      violations = esc_checker_check_employee (schedule, self->emps[i]);
      if (violations->len > 0)
        {
          g_warning ("local search: the row of %s breaks a rule (%s); kept as it was",
                     emp->id, ((EscViolation *) g_ptr_array_index (violations, 0))->message);
          for (int d = 0; d < self->n_days; d++)
            {
              row[d] = old_choice[d];
              esc_schedule_set_choice (schedule, self->emps[i], d, old_choice[d]);
              esc_schedule_set_compensation (schedule, self->emps[i], d, old_comp[d]);
            }
          self->frozen[i] = TRUE;
        }
    }
  recount (self);
  improved = self->value[self->k] < start_value - 1e-9 * MAX (1.0, fabs (start_value));
  g_debug ("local search, group %d: %" G_GUINT64_FORMAT " moves (%" G_GUINT64_FORMAT
           " accepted) in %.3f s, level %u: %g -> %g", self->group, moves, accepted,
           (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC, self->k, start_value,
           self->value[self->k]);
  return improved;
}

void
esc_local_search_set_heat (EscLocalSearch *self,
                           double          heat)
{
  self->heat = MAX (heat, 0.0);
}

void
esc_local_search_set_target (EscLocalSearch *self,
                             double          target)
{
  self->target = isnan (target) ? -HUGE_VAL : target;
}

double
esc_local_search_get_value (EscLocalSearch *self,
                            guint           l)
{
  g_return_val_if_fail (l < self->n_levels, NAN);
  return self->value[l];
}
