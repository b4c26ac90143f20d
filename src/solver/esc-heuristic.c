/* esc-heuristic.c: the constructive heuristic of one group (see esc-heuristic.h).
 *
 * The legality test of a row (row_ok) is written here for speed (it runs for every
 * tentative addition); the independent checker verifies every finished row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <string.h>

#include "esc-checker.h"
#include "esc-heuristic.h"

typedef struct
{
  const EscProblem *problem;
  int group;
  int n_days;
  int n_shifts;
  EscWeekday *weekday;        /* n_days */
  int *weekend;               /* n_days: weekend index of Saturdays and Sundays, else -1 */
  int n_weekends;
  gboolean *forbid;           /* n_shifts * n_shifts: (first, next) forbidden */
  /* Coverage. */
  guint slot_first, slot_last;
  int *slot_day_first;        /* n_days + 1: group slots of day d start here */
  guint *slot_cov;            /* per group slot */
  int *sd_index;              /* n_days * n_shifts: shift demand of the group, or -1 */
  guint *sd_cov;              /* per shift demand */
  /* Options of the employee being scheduled: covered slots (CSR). */
  GArray *cov_offset;         /* guint, options + 1 */
  GArray *cov_slots;          /* guint: group slot index */
  /* Scratch. */
  int *week_minutes;
  guint32 *week_mask;
  gboolean *weekend_worked;
  int *shift_count;
} Ctx;

typedef struct
{
  int day;
  int deadline;               /* G_MAXINT for an overdue pending one */
  gboolean hard;
} Owed;

/* Earliest-deadline matching of the holidays owed by @e on the days off of @row (as the
 * checker reads it). Returns FALSE when a holiday with a deadline inside the horizon stays
 * unserved. @flags (may be NULL) receives the serving days. */
static gboolean
match_compensations (Ctx            *ctx,
                     const EscProblemEmployee *emp,
                     const int      *row,
                     gboolean       *flags)
{
  const EscProblem *p = ctx->problem;
  Owed owed[64];
  gboolean served[64];
  guint n = 0;

  if (flags != NULL)
    memset (flags, 0, sizeof (gboolean) * ctx->n_days);
  if (emp->compensation_deadline != ESC_NONE && p->store_holiday != NULL && emp->store >= 0)
    for (int d = 0; d < ctx->n_days && n < G_N_ELEMENTS (owed); d++)
      if (row[d] != ESC_NONE && p->store_holiday[emp->store * ctx->n_days + d])
        {
          owed[n].day = d;
          owed[n].deadline = d + emp->compensation_deadline;
          owed[n].hard = owed[n].deadline <= ctx->n_days - 1;
          n++;
        }
  if (emp->pending_compensations != NULL)
    for (guint k = 0; k < emp->pending_compensations->len && n < G_N_ELEMENTS (owed); k++)
      {
        int deadline = g_array_index (emp->pending_compensations, int, k);

        owed[n].day = -1;
        owed[n].deadline = deadline < 0 ? G_MAXINT : deadline;
        owed[n].hard = deadline >= 0 && deadline <= ctx->n_days - 1;
        n++;
      }
  if (n == 0)
    return TRUE;
  memset (served, 0, sizeof served);

  for (int t = 0; t < ctx->n_days; t++)
    {
      int pick = -1;

      if (row[t] != ESC_NONE || emp->day_offset[t + 1] == emp->day_offset[t] ||
          (p->store_holiday != NULL && emp->store >= 0 &&
           p->store_holiday[emp->store * ctx->n_days + t]))
        continue;
      for (guint k = 0; k < n; k++)
        if (!served[k] && owed[k].day < t && owed[k].deadline >= t &&
            (pick < 0 || owed[k].deadline < owed[pick].deadline))
          pick = (int) k;
      if (pick >= 0)
        {
          served[pick] = TRUE;
          if (flags != NULL)
            flags[t] = TRUE;
        }
    }
  for (guint k = 0; k < n; k++)
    if (owed[k].hard && !served[k])
      return FALSE;
  return TRUE;
}

/* Every max-type hard rule of @emp holds on @row (options or ESC_NONE per day). */
static gboolean
row_ok (Ctx                      *ctx,
        const EscProblemEmployee *emp,
        const int                *row)
{
  const EscProblem *p = ctx->problem;
  int run = emp->history_consecutive_days, lrun = emp->history_consecutive_limited;
  int total = 0, weekends = 0;
  EscInstant last_end = emp->history_last_end;
  int prev_shift = -1;

  memset (ctx->week_minutes, 0, sizeof (int) * p->n_weeks);
  for (int w = 0; w < p->n_weeks; w++)
    ctx->week_mask[w] = G_MAXUINT32;
  memset (ctx->weekend_worked, 0, sizeof (gboolean) * MAX (ctx->n_weekends, 1));
  memset (ctx->shift_count, 0, sizeof (int) * ctx->n_shifts);

  for (int d = 0; d < ctx->n_days; d++)
    {
      int o = row[d];
      const EscProblemOption *opt;
      int w = p->week_of_day[d];

      if (ctx->weekday[d] == emp->limited_weekday)
        {
          if (o == ESC_NONE)
            lrun = 0;
          else if (emp->max_consecutive_limited != ESC_NONE &&
                   ++lrun > emp->max_consecutive_limited)
            return FALSE;
        }
      if (o == ESC_NONE)
        {
          run = 0;
          prev_shift = -1;
          continue;
        }
      opt = esc_problem_get_option (p, o);
      if (++run > emp->max_consecutive_days)
        return FALSE;
      if (prev_shift >= 0 && ctx->forbid[prev_shift * ctx->n_shifts + opt->shift])
        return FALSE;
      prev_shift = opt->shift;
      if (esc_problem_get_shift (p, opt->shift)->start == ESC_NONE)
        last_end = ESC_NONE;
      else
        {
          if (last_end != ESC_NONE && opt->start - last_end < p->min_rest_minutes)
            return FALSE;
          last_end = opt->end;
        }
      ctx->week_minutes[w] += opt->net_minutes;
      if (ctx->week_minutes[w] + (w == 0 ? emp->history_week_minutes : 0) > emp->weekly_max_minutes)
        return FALSE;
      ctx->week_mask[w] &= opt->pattern_mask;
      if (ctx->week_mask[w] == 0)
        return FALSE;
      total += opt->net_minutes;
      if (emp->max_minutes != ESC_NONE && total > emp->max_minutes)
        return FALSE;
      if (emp->max_shift_count != NULL && emp->max_shift_count[opt->shift] != ESC_NONE &&
          ++ctx->shift_count[opt->shift] > emp->max_shift_count[opt->shift])
        return FALSE;
      if (ctx->weekend[d] >= 0 && !ctx->weekend_worked[ctx->weekend[d]])
        {
          ctx->weekend_worked[ctx->weekend[d]] = TRUE;
          if (emp->max_weekends != ESC_NONE && ++weekends > emp->max_weekends)
            return FALSE;
        }
    }
  return match_compensations (ctx, emp, row, NULL);
}

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

static gboolean
needs_more (const EscProblemEmployee *emp,
            const EscProblem         *p,
            const int                *row)
{
  int minutes = 0, worked = 0;

  for (int d = 0; d < p->n_days; d++)
    if (row[d] != ESC_NONE)
      {
        minutes += esc_problem_get_option (p, row[d])->net_minutes;
        worked++;
      }
  return (emp->min_minutes != ESC_NONE && minutes < emp->min_minutes) ||
         (emp->max_rest_days != ESC_NONE && p->n_days - worked > emp->max_rest_days);
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
          if (row_ok (ctx, emp, row))
            {
              cover (ctx, first, o);
              added = TRUE;
            }
          else
            row[d] = ESC_NONE;
        }
      if (!added)
        {
          if (!fill && needs_more (emp, p, row))
            {
              fill = TRUE;
              continue;
            }
          break;
        }
      if (fill && !needs_more (emp, p, row))
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
      short_before = needs_more (emp, p, row);
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
          if (row_ok (ctx, emp, row) && (short_before || !needs_more (emp, p, row)))
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
  int first_weekend_monday = G_MAXINT;

  ctx.problem = p;
  ctx.group = group_index;
  ctx.n_days = p->n_days;
  ctx.n_shifts = (int) p->shifts->len;
  ctx.weekday = g_new (EscWeekday, p->n_days);
  ctx.weekend = g_new (int, p->n_days);
  for (int d = 0; d < p->n_days; d++)
    {
      ctx.weekday[d] = esc_julian_weekday (p->start_julian + d);
      first_weekend_monday = MIN (first_weekend_monday, d - (int) ctx.weekday[d]);
    }
  for (int d = 0; d < p->n_days; d++)
    {
      ctx.weekend[d] = -1;
      if (ctx.weekday[d] == ESC_SAT || ctx.weekday[d] == ESC_SUN)
        {
          ctx.weekend[d] = (d - (int) ctx.weekday[d] - first_weekend_monday) / 7;
          ctx.n_weekends = MAX (ctx.n_weekends, ctx.weekend[d] + 1);
        }
    }
  ctx.forbid = g_new0 (gboolean, MAX (ctx.n_shifts * ctx.n_shifts, 1));
  for (guint k = 0; k < p->sequences->len; k++)
    {
      const EscProblemSequence *seq = &g_array_index (p->sequences, EscProblemSequence, k);

      ctx.forbid[seq->first * ctx.n_shifts + seq->next] = TRUE;
    }

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
  ctx.week_minutes = g_new0 (int, MAX (p->n_weeks, 1));
  ctx.week_mask = g_new0 (guint32, MAX (p->n_weeks, 1));
  ctx.weekend_worked = g_new0 (gboolean, MAX (ctx.n_weekends, 1));
  ctx.shift_count = g_new0 (int, MAX (ctx.n_shifts, 1));

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
      match_compensations (&ctx, emp, row, flags);
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
          match_compensations (&ctx, emp, row, flags);
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

  g_free (ctx.weekday);
  g_free (ctx.weekend);
  g_free (ctx.forbid);
  g_free (ctx.slot_day_first);
  g_free (ctx.slot_cov);
  g_free (ctx.sd_index);
  g_free (ctx.sd_cov);
  g_array_unref (ctx.cov_offset);
  g_array_unref (ctx.cov_slots);
  g_free (ctx.week_minutes);
  g_free (ctx.week_mask);
  g_free (ctx.weekend_worked);
  g_free (ctx.shift_count);
  return failed;
}
