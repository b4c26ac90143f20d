/* esc-row-rules.c: the fast legality test of one employee's row (see esc-row-rules.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <string.h>

#include "esc-row-rules.h"

struct _EscRowRules
{
  const EscProblem *problem;
  int n_days;
  int n_shifts;
  EscWeekday *weekday;        /* n_days */
  int *weekend;               /* n_days: weekend index of Saturdays and Sundays, else -1 */
  int n_weekends;
  gboolean *forbid;           /* n_shifts * n_shifts: (first, next) forbidden */
  /* Scratch. */
  int *week_minutes;
  guint32 *week_mask;
  gboolean *weekend_worked;
  int *shift_count;
};

typedef struct
{
  int day;
  int deadline;               /* G_MAXINT for an overdue pending one */
  gboolean hard;
} Owed;

EscRowRules *
esc_row_rules_new (const EscProblem *p)
{
  EscRowRules *self = g_new0 (EscRowRules, 1);
  int first_weekend_monday = G_MAXINT;

  self->problem = p;
  self->n_days = p->n_days;
  self->n_shifts = (int) p->shifts->len;
  self->weekday = g_new (EscWeekday, MAX (p->n_days, 1));
  self->weekend = g_new (int, MAX (p->n_days, 1));
  for (int d = 0; d < p->n_days; d++)
    {
      self->weekday[d] = esc_julian_weekday (p->start_julian + d);
      first_weekend_monday = MIN (first_weekend_monday, d - (int) self->weekday[d]);
    }
  for (int d = 0; d < p->n_days; d++)
    {
      self->weekend[d] = -1;
      if (self->weekday[d] == ESC_SAT || self->weekday[d] == ESC_SUN)
        {
          self->weekend[d] = (d - (int) self->weekday[d] - first_weekend_monday) / 7;
          self->n_weekends = MAX (self->n_weekends, self->weekend[d] + 1);
        }
    }
  self->forbid = g_new0 (gboolean, MAX (self->n_shifts * self->n_shifts, 1));
  for (guint k = 0; k < p->sequences->len; k++)
    {
      const EscProblemSequence *seq = &g_array_index (p->sequences, EscProblemSequence, k);

      self->forbid[seq->first * self->n_shifts + seq->next] = TRUE;
    }
  self->week_minutes = g_new0 (int, MAX (p->n_weeks, 1));
  self->week_mask = g_new0 (guint32, MAX (p->n_weeks, 1));
  self->weekend_worked = g_new0 (gboolean, MAX (self->n_weekends, 1));
  self->shift_count = g_new0 (int, MAX (self->n_shifts, 1));
  return self;
}

void
esc_row_rules_free (EscRowRules *self)
{
  if (self == NULL)
    return;
  g_free (self->weekday);
  g_free (self->weekend);
  g_free (self->forbid);
  g_free (self->week_minutes);
  g_free (self->week_mask);
  g_free (self->weekend_worked);
  g_free (self->shift_count);
  g_free (self);
}

gboolean
esc_row_rules_match_compensations (EscRowRules              *self,
                                   const EscProblemEmployee *emp,
                                   const int                *row,
                                   gboolean                 *flags)
{
  const EscProblem *p = self->problem;
  Owed owed[64];
  gboolean served[64];
  guint n = 0;

  if (flags != NULL)
    memset (flags, 0, sizeof (gboolean) * self->n_days);
  if (emp->compensation_deadline != ESC_NONE && p->store_holiday != NULL && emp->store >= 0)
    for (int d = 0; d < self->n_days && n < G_N_ELEMENTS (owed); d++)
      if (row[d] != ESC_NONE && p->store_holiday[emp->store * self->n_days + d])
        {
          owed[n].day = d;
          owed[n].deadline = d + emp->compensation_deadline;
          owed[n].hard = owed[n].deadline <= self->n_days - 1;
          n++;
        }
  if (emp->pending_compensations != NULL)
    for (guint k = 0; k < emp->pending_compensations->len && n < G_N_ELEMENTS (owed); k++)
      {
        int deadline = g_array_index (emp->pending_compensations, int, k);

        owed[n].day = -1;
        owed[n].deadline = deadline < 0 ? G_MAXINT : deadline;
        owed[n].hard = deadline >= 0 && deadline <= self->n_days - 1;
        n++;
      }
  if (n == 0)
    return TRUE;
  memset (served, 0, sizeof served);

  for (int t = 0; t < self->n_days; t++)
    {
      int pick = -1;

      if (row[t] != ESC_NONE || emp->day_offset[t + 1] == emp->day_offset[t] ||
          (p->store_holiday != NULL && emp->store >= 0 &&
           p->store_holiday[emp->store * self->n_days + t]))
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

gboolean
esc_row_rules_ok (EscRowRules              *self,
                  const EscProblemEmployee *emp,
                  const int                *row)
{
  const EscProblem *p = self->problem;
  int run = emp->history_consecutive_days, lrun = emp->history_consecutive_limited;
  int total = 0, weekends = 0;
  EscInstant last_end = emp->history_last_end;
  int prev_shift = -1;

  memset (self->week_minutes, 0, sizeof (int) * p->n_weeks);
  for (int w = 0; w < p->n_weeks; w++)
    self->week_mask[w] = G_MAXUINT32;
  memset (self->weekend_worked, 0, sizeof (gboolean) * MAX (self->n_weekends, 1));
  memset (self->shift_count, 0, sizeof (int) * self->n_shifts);

  for (int d = 0; d < self->n_days; d++)
    {
      int o = row[d];
      const EscProblemOption *opt;
      int w = p->week_of_day[d];

      if (self->weekday[d] == emp->limited_weekday)
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
      if (prev_shift >= 0 && self->forbid[prev_shift * self->n_shifts + opt->shift])
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
      self->week_minutes[w] += opt->net_minutes;
      if (self->week_minutes[w] + (w == 0 ? emp->history_week_minutes : 0) > emp->weekly_max_minutes)
        return FALSE;
      self->week_mask[w] &= opt->pattern_mask;
      if (self->week_mask[w] == 0)
        return FALSE;
      total += opt->net_minutes;
      if (emp->max_minutes != ESC_NONE && total > emp->max_minutes)
        return FALSE;
      if (emp->max_shift_count != NULL && emp->max_shift_count[opt->shift] != ESC_NONE &&
          ++self->shift_count[opt->shift] > emp->max_shift_count[opt->shift])
        return FALSE;
      if (self->weekend[d] >= 0 && !self->weekend_worked[self->weekend[d]])
        {
          self->weekend_worked[self->weekend[d]] = TRUE;
          if (emp->max_weekends != ESC_NONE && ++weekends > emp->max_weekends)
            return FALSE;
        }
    }
  return esc_row_rules_match_compensations (self, emp, row, NULL);
}

gboolean
esc_row_rules_short (const EscProblem         *p,
                     const EscProblemEmployee *emp,
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
