/* esc-heuristic.c: the constructive heuristic of one group (see esc-heuristic.h).
 *
 * The legality test of a row (esc-row-rules.h) is written for speed (it runs for every
 * tentative addition); the independent checker verifies every finished row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <string.h>

#include "esc-checker.h"
#include "esc-heuristic.h"
#include "esc-row-rules.h"

typedef struct
{
  const EscProblem *problem;
  int group;
  int n_days;
  int n_shifts;
  EscRowRules *rules;         /* the legality test of a row */
  /* Coverage. */
  guint slot_first, slot_last;
  int *slot_day_first;        /* n_days + 1: group slots of day d start here */
  guint *slot_cov;            /* per group slot */
  int *sd_index;              /* n_days * n_shifts: shift demand of the group, or -1 */
  guint *sd_cov;              /* per shift demand */
  /* Options of the employee being scheduled: covered slots (CSR). */
  GArray *cov_offset;         /* guint, options + 1 */
  GArray *cov_slots;          /* guint: group slot index */
} Ctx;

/* Covered group slots of each option of @emp, in ctx->cov_offset / cov_slots. */
static void
index_options (Ctx                      *ctx,
               const EscProblemEmployee *emp)
{
  const EscProblem *p = ctx->problem;
  guint first = emp->day_offset[0], last = emp->day_offset[ctx->n_days];

  g_array_set_size (ctx->cov_offset, 0);
  g_array_set_size (ctx->cov_slots, 0);
  for (guint o = first; o < last; o++)
    {
      const EscProblemOption *opt = esc_problem_get_option (p, o);
      guint off = ctx->cov_slots->len;
      int lo = ctx->slot_day_first[MAX (opt->day - 1, 0)];
      int hi = ctx->slot_day_first[MIN (opt->day + 2, ctx->n_days)];

      g_array_append_val (ctx->cov_offset, off);
      for (int k = lo; k < hi; k++)
        {
          const EscProblemSlot *slot = &g_array_index (p->slots, EscProblemSlot,
                                                       ctx->slot_first + k);

          if (esc_problem_option_covers_slot (p, opt, slot))
            {
              guint kk = (guint) k;

              g_array_append_val (ctx->cov_slots, kk);
            }
        }
    }
  {
    guint off = ctx->cov_slots->len;

    g_array_append_val (ctx->cov_offset, off);
  }
}

/* Unmet staff-minutes that option @o (of the employee indexed) would cover. */
static double
option_gain (Ctx  *ctx,
             guint first,
             guint o)
{
  const EscProblem *p = ctx->problem;
  const EscProblemOption *opt = esc_problem_get_option (p, o);
  guint a = g_array_index (ctx->cov_offset, guint, o - first);
  guint b = g_array_index (ctx->cov_offset, guint, o - first + 1);
  double gain = 0;
  int sd;

  for (guint k = a; k < b; k++)
    {
      guint s = g_array_index (ctx->cov_slots, guint, k);
      const EscProblemSlot *slot = &g_array_index (p->slots, EscProblemSlot, ctx->slot_first + s);

      if (ctx->slot_cov[s] < (guint) MAX (slot->required, 0))
        gain += (double) (slot->end - slot->start);
    }
  sd = ctx->sd_index[opt->day * ctx->n_shifts + opt->shift];
  if (sd >= 0)
    {
      const EscProblemShiftDemand *dem = &g_array_index (p->shift_demands,
                                                         EscProblemShiftDemand, sd);

      if (ctx->sd_cov[sd] < (guint) MAX (dem->required, 0))
        gain += MAX (opt->net_minutes, 1);
    }
  return gain;
}

static void
cover (Ctx  *ctx,
       guint first,
       guint o)
{
  const EscProblemOption *opt = esc_problem_get_option (ctx->problem, o);
  guint a = g_array_index (ctx->cov_offset, guint, o - first);
  guint b = g_array_index (ctx->cov_offset, guint, o - first + 1);
  int sd;

  for (guint k = a; k < b; k++)
    ctx->slot_cov[g_array_index (ctx->cov_slots, guint, k)]++;
  sd = ctx->sd_index[opt->day * ctx->n_shifts + opt->shift];
  if (sd >= 0)
    ctx->sd_cov[sd]++;
}

/* Greedy row of one employee: best addition first while it covers unmet demand (or
 * while a min-type limit asks for more work). */
static void
schedule_employee (Ctx                      *ctx,
                   const EscProblemEmployee *emp,
                   int                      *row)
{
  const EscProblem *p = ctx->problem;
  guint first = emp->day_offset[0];
  gboolean fill = FALSE;

  index_options (ctx, emp);
  for (int d = 0; d < ctx->n_days; d++)
    {
      row[d] = emp->pinned != NULL ? emp->pinned[d] : ESC_NONE;
      if (row[d] != ESC_NONE)
        cover (ctx, first, (guint) row[d]);
    }
  if (emp->day_offset[ctx->n_days] == first)
    return;

  for (;;)
    {
      g_autoptr(GArray) cands = g_array_new (FALSE, FALSE, sizeof (double) * 2);
      gboolean added = FALSE;

      for (int d = 0; d < ctx->n_days; d++)
        {
          if (row[d] != ESC_NONE)
            continue;
          for (guint o = emp->day_offset[d]; o < emp->day_offset[d + 1]; o++)
            {
              double c[2];

              c[0] = option_gain (ctx, first, o);
              if (c[0] <= 0 && !fill)
                continue;
              /* Ties: longer shifts first when filling for min hours, then earlier days. */
              c[0] = c[0] * 1e3 + (fill ? esc_problem_get_option (p, o)->net_minutes : 0);
              c[1] = o;
              g_array_append_val (cands, c);
            }
        }
      /* Best first (a simple selection: few candidates). */
      while (cands->len > 0 && !added)
        {
          guint best = 0;
          const double *c;
          guint o;
          int d;

          for (guint k = 1; k < cands->len; k++)
            if (((double *) cands->data)[2 * k] > ((double *) cands->data)[2 * best])
              best = k;
          c = (const double *) cands->data + 2 * best;
          o = (guint) c[1];
          d = esc_problem_get_option (p, o)->day;
          g_array_remove_index_fast (cands, best);
          if (row[d] != ESC_NONE)
            continue;
          row[d] = (int) o;
          if (esc_row_rules_ok (ctx->rules, emp, row))
            {
              cover (ctx, first, o);
              added = TRUE;
            }
          else
            row[d] = ESC_NONE;
        }
      if (!added)
        {
          if (!fill && esc_row_rules_short (p, emp, row))
            {
              fill = TRUE;
              continue;
            }
          break;
        }
      if (fill && !esc_row_rules_short (p, emp, row))
        break;
    }
}

static void
uncover (Ctx  *ctx,
         guint first,
         guint o)
{
  const EscProblemOption *opt = esc_problem_get_option (ctx->problem, o);
  guint a = g_array_index (ctx->cov_offset, guint, o - first);
  guint b = g_array_index (ctx->cov_offset, guint, o - first + 1);
  int sd;

  for (guint k = a; k < b; k++)
    ctx->slot_cov[g_array_index (ctx->cov_slots, guint, k)]--;
  sd = ctx->sd_index[opt->day * ctx->n_shifts + opt->shift];
  if (sd >= 0)
    ctx->sd_cov[sd]--;
}

/* Local search on one legal row: each day in turn takes the choice (an option or a day
 * off) that covers the most unmet demand, given everybody else, while the row stays
 * legal (the max-type rules, and no new shortfall of min hours or rest days). Rows of
 * employees with min consecutive days on or off are left alone (the greedy test does not
 * know those rules). Returns TRUE when the row changed. */
static gboolean
improve_employee (Ctx                      *ctx,
                  const EscProblemEmployee *emp,
                  int                      *row)
{
  const EscProblem *p = ctx->problem;
  guint first = emp->day_offset[0];
  gboolean changed = FALSE;

  if (emp->min_consecutive_days != ESC_NONE || emp->min_consecutive_off != ESC_NONE ||
      emp->day_offset[ctx->n_days] == first)
    return FALSE;
  index_options (ctx, emp);
  for (int d = 0; d < ctx->n_days; d++)
    {
      int old = row[d], best = old;
      double best_gain;
      gboolean short_before;

      if (emp->day_offset[d + 1] == emp->day_offset[d] ||
          (emp->pinned != NULL && emp->pinned[d] != ESC_NONE))
        continue;
      if (old != ESC_NONE)
        uncover (ctx, first, (guint) old);
      best_gain = old != ESC_NONE ? option_gain (ctx, first, (guint) old) : 0;
      short_before = esc_row_rules_short (p, emp, row);
      for (int o = (int) emp->day_offset[d] - 1; o < (int) emp->day_offset[d + 1]; o++)
        {
          int cand = o < (int) emp->day_offset[d] ? ESC_NONE : o;
          double gain;

          if (cand == old)
            continue;
          gain = cand != ESC_NONE ? option_gain (ctx, first, (guint) cand) : 0;
          if (gain <= best_gain + 1e-9)
            continue;
          row[d] = cand;
          if (esc_row_rules_ok (ctx->rules, emp, row) && (short_before || !esc_row_rules_short (p, emp, row)))
            {
              best = cand;
              best_gain = gain;
            }
          row[d] = old;
        }
      row[d] = best;
      if (best != ESC_NONE)
        cover (ctx, first, (guint) best);
      changed |= best != old;
    }
  return changed;
}

static int
compare_flexibility (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const guint *key = user_data;
  int x = *(const int *) a, y = *(const int *) b;

  return key[2 * x] != key[2 * y] ? (key[2 * x] < key[2 * y] ? -1 : 1)
         : key[2 * x + 1] != key[2 * y + 1] ? (key[2 * x + 1] < key[2 * y + 1] ? -1 : 1)
         : (x < y ? -1 : x > y);
}

GArray *
esc_heuristic_construct (EscSchedule *schedule,
                         int          group_index,
                         guint        seed)
{
  const EscProblem *p = schedule->problem;
  const EscProblemGroup *group = g_ptr_array_index (p->groups, group_index);
  GArray *failed = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree guint *key = NULL;
  g_autofree int *row = NULL;
  g_autofree gboolean *flags = NULL;
  Ctx ctx = { 0 };

  ctx.problem = p;
  ctx.group = group_index;
  ctx.n_days = p->n_days;
  ctx.n_shifts = (int) p->shifts->len;
  ctx.rules = esc_row_rules_new (p);

  /* The group's slots (sorted by group, day, start). */
  ctx.slot_first = p->slots->len;
  ctx.slot_last = p->slots->len;
  for (guint k = 0; k < p->slots->len; k++)
    {
      int g = g_array_index (p->slots, EscProblemSlot, k).group;

      if (g == group_index && ctx.slot_first == p->slots->len)
        ctx.slot_first = k;
      if (g == group_index)
        ctx.slot_last = k + 1;
    }
  if (ctx.slot_first > ctx.slot_last)
    ctx.slot_first = ctx.slot_last;
  ctx.slot_day_first = g_new0 (int, p->n_days + 1);
  {
    guint k = ctx.slot_first;

    for (int d = 0; d <= p->n_days; d++)
      {
        while (k < ctx.slot_last && g_array_index (p->slots, EscProblemSlot, k).day < d)
          k++;
        ctx.slot_day_first[d] = (int) (k - ctx.slot_first);
      }
  }
  ctx.slot_cov = g_new0 (guint, MAX (ctx.slot_last - ctx.slot_first, 1));
  ctx.sd_index = g_new (int, MAX (p->n_days * ctx.n_shifts, 1));
  for (int k = 0; k < p->n_days * ctx.n_shifts; k++)
    ctx.sd_index[k] = -1;
  ctx.sd_cov = g_new0 (guint, MAX (p->shift_demands->len, 1));
  for (guint k = 0; k < p->shift_demands->len; k++)
    {
      const EscProblemShiftDemand *sd = &g_array_index (p->shift_demands, EscProblemShiftDemand, k);

      if (sd->group == group_index && sd->day >= 0 && sd->shift >= 0)
        ctx.sd_index[sd->day * ctx.n_shifts + sd->shift] = (int) k;
    }
  ctx.cov_offset = g_array_new (FALSE, FALSE, sizeof (guint));
  ctx.cov_slots = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Least flexible first (fewest options), seeded ties. */
  key = g_new0 (guint, 2 * MAX (p->employees->len, 1));
  for (guint i = 0; i < group->employees->len; i++)
    {
      int e = g_array_index (group->employees, int, i);
      const EscProblemEmployee *emp = esc_problem_get_employee (p, e);

      key[2 * e] = emp->day_offset[p->n_days] - emp->day_offset[0];
      key[2 * e + 1] = seed != 0 ? g_rand_int (rand) : 0;
      g_array_append_val (order, e);
      for (int d = 0; d < p->n_days; d++)
        {
          esc_schedule_set_choice (schedule, e, d, ESC_NONE);
          esc_schedule_set_compensation (schedule, e, d, FALSE);
        }
    }
  g_array_sort_with_data (order, compare_flexibility, key);

  row = g_new (int, p->n_days);
  flags = g_new0 (gboolean, p->n_days);
  for (guint i = 0; i < order->len; i++)
    {
      int e = g_array_index (order, int, i);
      const EscProblemEmployee *emp = esc_problem_get_employee (p, e);
      g_autoptr(GPtrArray) violations = NULL;

      schedule_employee (&ctx, emp, row);
      esc_row_rules_match_compensations (ctx.rules, emp, row, flags);
      for (int d = 0; d < p->n_days; d++)
        {
          esc_schedule_set_choice (schedule, e, d, row[d]);
          esc_schedule_set_compensation (schedule, e, d, flags[d]);
        }
      violations = esc_checker_check_employee (schedule, e);
      if (violations->len > 0)
        {
          /* Undo its coverage and leave the row empty for the exact fallback. */
          index_options (&ctx, emp);
          for (int d = 0; d < p->n_days; d++)
            {
              int o = row[d];

              if (o != ESC_NONE)
                {
                  const EscProblemOption *opt = esc_problem_get_option (p, o);
                  guint f = emp->day_offset[0];
                  guint a = g_array_index (ctx.cov_offset, guint, o - f);
                  guint b = g_array_index (ctx.cov_offset, guint, o - f + 1);
                  int sd = ctx.sd_index[opt->day * ctx.n_shifts + opt->shift];

                  for (guint k = a; k < b; k++)
                    ctx.slot_cov[g_array_index (ctx.cov_slots, guint, k)]--;
                  if (sd >= 0)
                    ctx.sd_cov[sd]--;
                }
              esc_schedule_set_choice (schedule, e, d, ESC_NONE);
              esc_schedule_set_compensation (schedule, e, d, FALSE);
            }
          g_array_append_val (failed, e);
        }
    }

  /* A few passes of local search over the legal rows, then the compensation days again
   * (the days off moved) and the checker once more. */
  for (guint pass = 0; pass < 3; pass++)
    {
      gboolean changed = FALSE;

      for (guint i = 0; i < order->len; i++)
        {
          int e = g_array_index (order, int, i);
          const EscProblemEmployee *emp = esc_problem_get_employee (p, e);
          gboolean is_failed = FALSE;

          for (guint f = 0; f < failed->len && !is_failed; f++)
            is_failed = g_array_index (failed, int, f) == e;
          if (is_failed)
            continue;
          for (int d = 0; d < p->n_days; d++)
            row[d] = esc_schedule_get_choice (schedule, e, d);
          if (!improve_employee (&ctx, emp, row))
            continue;
          changed = TRUE;
          esc_row_rules_match_compensations (ctx.rules, emp, row, flags);
          for (int d = 0; d < p->n_days; d++)
            {
              esc_schedule_set_choice (schedule, e, d, row[d]);
              esc_schedule_set_compensation (schedule, e, d, flags[d]);
            }
        }
      if (!changed)
        break;
    }
  for (guint i = 0; i < order->len; i++)
    {
      int e = g_array_index (order, int, i);
      g_autoptr(GPtrArray) violations = esc_checker_check_employee (schedule, e);

      if (violations->len > 0)
        {
          gboolean listed = FALSE;

          for (guint f = 0; f < failed->len && !listed; f++)
            listed = g_array_index (failed, int, f) == e;
          for (int d = 0; d < p->n_days; d++)
            {
              esc_schedule_set_choice (schedule, e, d, ESC_NONE);
              esc_schedule_set_compensation (schedule, e, d, FALSE);
            }
          if (!listed)
            g_array_append_val (failed, e);
        }
    }

  esc_row_rules_free (ctx.rules);
  g_free (ctx.slot_day_first);
  g_free (ctx.slot_cov);
  g_free (ctx.sd_index);
  g_free (ctx.sd_cov);
  g_array_unref (ctx.cov_offset);
  g_array_unref (ctx.cov_slots);
  return failed;
}
