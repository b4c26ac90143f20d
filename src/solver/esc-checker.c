/* esc-checker.c: the independent checker of the hard rules.
 *
 * Every rule is re-derived here from the facts of the problem; see esc-checker.h for how
 * each rule is read. Nothing here is shared with the model builder: when the two
 * disagree, one of them is wrong, and the solver's tests say so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <glib/gi18n-lib.h>

#include "esc-checker.h"

typedef struct
{
  const EscSchedule *schedule;
  const EscProblem *problem;
  const EscProblemEmployee *employee;
  guint e;
  int n_days;
  EscWeekday weekday0;   /* weekday of day 0 */
  int *option;           /* n_days: the worked option, ESC_NONE when off or not valid */
  GPtrArray *out;        /* EscViolation* */
} Checker;

static const char * const rule_names[ESC_N_RULES] = {
  [ESC_RULE_OPTION] = "option",
  [ESC_RULE_PATTERN] = "pattern",
  [ESC_RULE_DEMAND_DAY] = "demand_day",
  [ESC_RULE_WEEKLY_HOURS] = "weekly_hours",
  [ESC_RULE_CONSECUTIVE_DAYS] = "consecutive_days",
  [ESC_RULE_CONSECUTIVE_LIMITED] = "consecutive_limited_weekdays",
  [ESC_RULE_COMPENSATION] = "holiday_compensation",
  [ESC_RULE_COMPENSATION_DAY] = "compensation_day",
  [ESC_RULE_LEAVE] = "leave",
  [ESC_RULE_BAN] = "ban",
  [ESC_RULE_SEQUENCE] = "forbidden_sequence",
  [ESC_RULE_REST] = "min_rest",
  [ESC_RULE_MIN_HOURS] = "min_hours",
  [ESC_RULE_MAX_HOURS] = "max_hours",
  [ESC_RULE_MAX_REST_DAYS] = "max_rest_days",
  [ESC_RULE_MIN_CONSECUTIVE_DAYS] = "min_consecutive_days",
  [ESC_RULE_MIN_CONSECUTIVE_OFF] = "min_consecutive_days_off",
  [ESC_RULE_MAX_WEEKENDS] = "max_weekends",
  [ESC_RULE_MAX_SHIFT_COUNT] = "max_shifts",
};

static const char * const rule_titles[ESC_N_RULES] = {
  [ESC_RULE_OPTION] = N_("Shift not available"),
  [ESC_RULE_PATTERN] = N_("Work pattern"),
  [ESC_RULE_DEMAND_DAY] = N_("Day without demand"),
  [ESC_RULE_WEEKLY_HOURS] = N_("Weekly hours"),
  [ESC_RULE_CONSECUTIVE_DAYS] = N_("Consecutive working days"),
  [ESC_RULE_CONSECUTIVE_LIMITED] = N_("Consecutive Sundays"),
  [ESC_RULE_COMPENSATION] = N_("Holiday compensation"),
  [ESC_RULE_COMPENSATION_DAY] = N_("Compensation day"),
  [ESC_RULE_LEAVE] = N_("Leave"),
  [ESC_RULE_BAN] = N_("Banned shift"),
  [ESC_RULE_SEQUENCE] = N_("Forbidden sequence"),
  [ESC_RULE_REST] = N_("Rest between shifts"),
  [ESC_RULE_MIN_HOURS] = N_("Minimum hours"),
  [ESC_RULE_MAX_HOURS] = N_("Maximum hours"),
  [ESC_RULE_MAX_REST_DAYS] = N_("Maximum days off"),
  [ESC_RULE_MIN_CONSECUTIVE_DAYS] = N_("Minimum consecutive working days"),
  [ESC_RULE_MIN_CONSECUTIVE_OFF] = N_("Minimum consecutive days off"),
  [ESC_RULE_MAX_WEEKENDS] = N_("Maximum weekends"),
  [ESC_RULE_MAX_SHIFT_COUNT] = N_("Maximum shifts of a kind"),
};

static const char * const weekday_names[ESC_N_WEEKDAYS] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
  N_("Saturday"), N_("Sunday"),
};

static const char * const weekday_plurals[ESC_N_WEEKDAYS] = {
  N_("Mondays"), N_("Tuesdays"), N_("Wednesdays"), N_("Thursdays"), N_("Fridays"),
  N_("Saturdays"), N_("Sundays"),
};

/* Facts and formatting */

static char *
format_day (const EscProblem *problem,
            int               day)
{
  return esc_format_date (problem->start_julian + day);
}

/* An absolute instant (minutes from day 0) as "YYYY-MM-DD HH:MM". */
static char *
format_instant (const EscProblem *problem,
                EscInstant        instant)
{
  gint64 day = instant >= 0 ? instant / ESC_MINUTES_PER_DAY
                            : -((-instant + ESC_MINUTES_PER_DAY - 1) / ESC_MINUTES_PER_DAY);
  int minutes = (int) (instant - day * ESC_MINUTES_PER_DAY);
  g_autofree char *date = esc_format_date (problem->start_julian + (int) day);
  g_autofree char *time = esc_format_time (minutes);

  return g_strdup_printf ("%s %s", date, time);
}

static const char *
shift_id (const EscProblem *problem,
          int               shift)
{
  return esc_problem_get_shift (problem, shift)->id;
}

static EscWeekday
weekday_of (const Checker *ck,
            int            day)
{
  return (EscWeekday) ((ck->weekday0 + day) % ESC_N_WEEKDAYS);
}

static gboolean
is_holiday (const Checker *ck,
            int            day)
{
  const EscProblem *problem = ck->problem;

  if (problem->store_holiday == NULL || ck->employee->store < 0)
    return FALSE;
  return problem->store_holiday[ck->employee->store * ck->n_days + day];
}

static gboolean
pattern_allows (const EscProblem *problem,
                int               pattern,
                EscWeekday        weekday,
                int               shift)
{
  const EscProblemPattern *p;
  GArray *allowed;

  if (pattern < 0 || (guint) pattern >= problem->patterns->len)
    return FALSE;
  p = g_ptr_array_index (problem->patterns, pattern);
  allowed = p->allowed[weekday];
  if (allowed == NULL)
    return FALSE;
  for (guint i = 0; i < allowed->len; i++)
    if (g_array_index (allowed, int, i) == shift)
      return TRUE;
  return FALSE;
}

static gboolean
some_pattern_allows (const Checker *ck,
                     EscWeekday     weekday,
                     int            shift)
{
  for (guint p = 0; p < ck->employee->n_patterns; p++)
    if (pattern_allows (ck->problem, ck->employee->patterns[p], weekday, shift))
      return TRUE;
  return FALSE;
}

static gboolean
has_demand (const Checker *ck,
            int            day)
{
  const EscProblemGroup *group;

  if (ck->employee->group < 0 || (guint) ck->employee->group >= ck->problem->groups->len)
    return FALSE;
  group = g_ptr_array_index (ck->problem->groups, ck->employee->group);
  return group->demand_day != NULL && group->demand_day[day];
}

/* The first leave interval overlapping [start, end), or NULL. */
static const EscInterval *
find_leave (const EscProblemEmployee *employee,
            EscInstant                start,
            EscInstant                end)
{
  if (employee->leave == NULL)
    return NULL;
  for (guint i = 0; i < employee->leave->len; i++)
    {
      const EscInterval *leave = &g_array_index (employee->leave, EscInterval, i);

      if (leave->start < end && start < leave->end)
        return leave;
    }
  return NULL;
}

/* The time an option occupies for the leave rule: its [start, end), or the whole day for a
 * shift without clock times (it could be worked at any time of its day). */
static gboolean
option_on_leave (const Checker          *ck,
                 int                     day,
                 const EscProblemOption *opt)
{
  if (esc_problem_get_shift (ck->problem, opt->shift)->start == ESC_NONE)
    return find_leave (ck->employee, (EscInstant) day * ESC_MINUTES_PER_DAY,
                       (EscInstant) (day + 1) * ESC_MINUTES_PER_DAY) != NULL;
  return find_leave (ck->employee, opt->start, opt->end) != NULL;
}

static gboolean
is_banned (const EscProblemEmployee *employee,
           int                       day,
           int                       shift)
{
  if (employee->bans == NULL)
    return FALSE;
  for (guint i = 0; i < employee->bans->len; i++)
    {
      const EscProblemBan *ban = &g_array_index (employee->bans, EscProblemBan, i);

      if ((ban->day == ESC_NONE || ban->day == day) &&
          (ban->shift == ESC_NONE || ban->shift == shift))
        return TRUE;
    }
  return FALSE;
}

static gboolean
option_in_range (const Checker *ck,
                 int            day,
                 int            option)
{
  const EscProblemEmployee *employee = ck->employee;

  if (option < 0 || (guint) option >= ck->problem->options->len)
    return FALSE;
  if ((guint) option < employee->day_offset[day] || (guint) option >= employee->day_offset[day + 1])
    return FALSE;
  return esc_problem_get_option (ck->problem, option)->shift >= 0 &&
         (guint) esc_problem_get_option (ck->problem, option)->shift < ck->problem->shifts->len;
}

/* Whether the employee could work @option on @day, by the checker's own reading of the
 * facts (pattern weekday, demand day, leave, bans); holidays are not looked at. */
static gboolean
option_is_usable (const Checker *ck,
                  int            day,
                  int            option)
{
  const EscProblemOption *opt;

  if (!option_in_range (ck, day, option))
    return FALSE;
  opt = esc_problem_get_option (ck->problem, option);
  return some_pattern_allows (ck, weekday_of (ck, day), opt->shift) &&
         has_demand (ck, day) &&
         !option_on_leave (ck, day, opt) &&
         !is_banned (ck->employee, day, opt->shift);
}

static gboolean
could_work (const Checker *ck,
            int            day)
{
  const EscProblemEmployee *employee = ck->employee;

  for (guint o = employee->day_offset[day]; o < employee->day_offset[day + 1]; o++)
    if (option_is_usable (ck, day, (int) o))
      return TRUE;
  return FALSE;
}

static const EscProblemOption *
worked (const Checker *ck,
        int            day)
{
  if (day < 0 || day >= ck->n_days || ck->option[day] == ESC_NONE)
    return NULL;
  return esc_problem_get_option (ck->problem, ck->option[day]);
}

static void
add_violation (Checker *ck,
               EscRule  rule,
               int      first_day,
               int      last_day,
               char    *message)
{
  EscViolation *violation = g_new0 (EscViolation, 1);

  violation->rule = rule;
  violation->employee = (int) ck->e;
  violation->first_day = MIN (first_day, last_day);
  violation->last_day = MAX (first_day, last_day);
  violation->message = message;
  g_ptr_array_add (ck->out, violation);
}

static void
checker_init (Checker           *ck,
              const EscSchedule *schedule,
              guint              e,
              GPtrArray         *out)
{
  ck->schedule = schedule;
  ck->problem = schedule->problem;
  ck->employee = esc_problem_get_employee (schedule->problem, e);
  ck->e = e;
  ck->n_days = schedule->problem->n_days;
  ck->weekday0 = esc_julian_weekday (schedule->problem->start_julian);
  ck->option = g_new (int, MAX (ck->n_days, 1));
  ck->out = out;

  for (int d = 0; d < ck->n_days; d++)
    {
      int choice = esc_schedule_get_choice (schedule, e, d);

      ck->option[d] = choice != ESC_NONE && option_in_range (ck, d, choice) ? choice : ESC_NONE;
    }
}

static void
checker_clear (Checker *ck)
{
  g_clear_pointer (&ck->option, g_free);
}

/* 3.1 The choice is one of the employee's options of that day. */
static void
check_options (Checker *ck)
{
  for (int d = 0; d < ck->n_days; d++)
    {
      int choice = esc_schedule_get_choice (ck->schedule, ck->e, d);
      g_autofree char *date = NULL;

      if (choice == ESC_NONE || ck->option[d] != ESC_NONE)
        continue;
      date = format_day (ck->problem, d);
      add_violation (ck, ESC_RULE_OPTION, d, d,
                     g_strdup_printf (_("%s is given work on %s that is not one of their shifts for that day"),
                                      ck->employee->id, date));
    }
}

/* 3.1 Each worked shift is allowed by a pattern on its weekday, and one pattern allows
 * all the work of a planning week. */
static void
check_patterns (Checker *ck)
{
  const EscProblem *problem = ck->problem;
  gboolean *day_ok = g_new0 (gboolean, MAX (ck->n_days, 1));

  for (int d = 0; d < ck->n_days; d++)
    {
      const EscProblemOption *opt = worked (ck, d);
      g_autofree char *date = NULL;

      if (opt == NULL)
        continue;
      day_ok[d] = some_pattern_allows (ck, weekday_of (ck, d), opt->shift);
      if (day_ok[d])
        continue;
      date = format_day (problem, d);
      add_violation (ck, ESC_RULE_PATTERN, d, d,
                     g_strdup_printf (_("%s works %s on %s, which none of their work patterns allows on that weekday"),
                                      ck->employee->id, shift_id (problem, opt->shift), date));
    }

  for (int w = 0; w < problem->n_weeks; w++)
    {
      int first = -1, last = -1, first_worked = -1, last_worked = -1;
      gboolean all_ok = TRUE, found = FALSE;

      for (int d = 0; d < ck->n_days; d++)
        {
          if (problem->week_of_day[d] != w)
            continue;
          if (first < 0)
            first = d;
          last = d;
          if (worked (ck, d) == NULL)
            continue;
          if (first_worked < 0)
            first_worked = d;
          last_worked = d;
          all_ok = all_ok && day_ok[d];
        }
      /* Days that no pattern allows are reported above, once. */
      if (first_worked < 0 || !all_ok)
        continue;

      for (guint p = 0; p < ck->employee->n_patterns && !found; p++)
        {
          gboolean fits = TRUE;

          for (int d = first_worked; d <= last_worked && fits; d++)
            {
              const EscProblemOption *opt = worked (ck, d);

              if (opt != NULL && problem->week_of_day[d] == w)
                fits = pattern_allows (problem, ck->employee->patterns[p], weekday_of (ck, d),
                                       opt->shift);
            }
          found = fits;
        }

      if (!found)
        {
          g_autofree char *from = format_day (problem, first);
          g_autofree char *to = format_day (problem, last);

          add_violation (ck, ESC_RULE_PATTERN, first_worked, last_worked,
                         g_strdup_printf (_("%s works shifts in the week from %s to %s that no single one of their work patterns allows together"),
                                          ck->employee->id, from, to));
        }
    }

  g_free (day_ok);
}

/* 3.2 Work only on days with demand for the employee's store and role. */
static void
check_demand_days (Checker *ck)
{
  for (int d = 0; d < ck->n_days; d++)
    {
      g_autofree char *date = NULL;

      if (worked (ck, d) == NULL || has_demand (ck, d))
        continue;
      date = format_day (ck->problem, d);
      add_violation (ck, ESC_RULE_DEMAND_DAY, d, d,
                     g_strdup_printf (_("%s works on %s, a day with no demand for their store and role"),
                                      ck->employee->id, date));
    }
}

/* 3.3 Net minutes per planning week, with the history in week 0. */
static void
check_weekly_hours (Checker *ck)
{
  const EscProblem *problem = ck->problem;
  const EscProblemEmployee *employee = ck->employee;

  for (int w = 0; w < problem->n_weeks; w++)
    {
      int first = -1, last = -1, minutes = 0;
      int history = w == 0 ? MAX (employee->history_week_minutes, 0) : 0;

      for (int d = 0; d < ck->n_days; d++)
        {
          const EscProblemOption *opt;

          if (problem->week_of_day[d] != w)
            continue;
          if (first < 0)
            first = d;
          last = d;
          if ((opt = worked (ck, d)) != NULL)
            minutes += opt->net_minutes;
        }
      if (first < 0 || minutes == 0 || minutes + history <= employee->weekly_max_minutes)
        continue;

      {
        g_autofree char *total = esc_format_hours (minutes + history);
        g_autofree char *limit = esc_format_hours (employee->weekly_max_minutes);
        g_autofree char *from = format_day (problem, first);
        g_autofree char *to = format_day (problem, last);
        g_autofree char *before = esc_format_hours (history);

        if (history > 0)
          add_violation (ck, ESC_RULE_WEEKLY_HOURS, first, last,
                         g_strdup_printf (_("%s works %s hours in the week from %s to %s, counting %s hours worked before %s; at most %s hours are allowed"),
                                          employee->id, total, from, to, before, from, limit));
        else
          add_violation (ck, ESC_RULE_WEEKLY_HOURS, first, last,
                         g_strdup_printf (_("%s works %s hours in the week from %s to %s; at most %s hours are allowed"),
                                          employee->id, total, from, to, limit));
      }
    }
}

/* 3.4 Consecutive working days, counting the history. */
static void
check_consecutive_days (Checker *ck)
{
  const EscProblemEmployee *employee = ck->employee;
  int d = 0;

  while (d < ck->n_days)
    {
      int start, length;

      if (worked (ck, d) == NULL)
        {
          d++;
          continue;
        }
      start = d;
      while (d < ck->n_days && worked (ck, d) != NULL)
        d++;
      length = d - start + (start == 0 ? MAX (employee->history_consecutive_days, 0) : 0);
      if (length > employee->max_consecutive_days)
        {
          int from_day = start == 0 ? -MAX (employee->history_consecutive_days, 0) : start;
          g_autofree char *from = format_day (ck->problem, from_day);
          g_autofree char *to = format_day (ck->problem, d - 1);

          add_violation (ck, ESC_RULE_CONSECUTIVE_DAYS, start, d - 1,
                         g_strdup_printf (_("%s works %d days in a row from %s to %s; the limit is %d"),
                                          employee->id, length, from, to,
                                          employee->max_consecutive_days));
        }
    }
}

/* 3.5 Consecutive worked limited weekdays (Sundays), counting the history. */
static void
check_consecutive_limited (Checker *ck)
{
  const EscProblemEmployee *employee = ck->employee;
  int first_limited, d;

  if (employee->max_consecutive_limited == ESC_NONE)
    return;

  first_limited = ((int) employee->limited_weekday - (int) ck->weekday0 + ESC_N_WEEKDAYS) %
                  ESC_N_WEEKDAYS;
  d = first_limited;
  while (d < ck->n_days)
    {
      int start, last, count;

      if (worked (ck, d) == NULL)
        {
          d += ESC_N_WEEKDAYS;
          continue;
        }
      start = d;
      count = 0;
      last = d;
      while (d < ck->n_days && worked (ck, d) != NULL)
        {
          count++;
          last = d;
          d += ESC_N_WEEKDAYS;
        }
      if (start == first_limited)
        count += MAX (employee->history_consecutive_limited, 0);
      if (count > employee->max_consecutive_limited)
        {
          int from_day = start == first_limited
                         ? start - ESC_N_WEEKDAYS * MAX (employee->history_consecutive_limited, 0)
                         : start;
          g_autofree char *from = format_day (ck->problem, from_day);
          g_autofree char *to = format_day (ck->problem, last);

          if (count == 1)
            add_violation (ck, ESC_RULE_CONSECUTIVE_LIMITED, start, last,
                           g_strdup_printf (_("%s works on %s, a %s, and may not work on %s"),
                                            employee->id, to,
                                            _(weekday_names[employee->limited_weekday]),
                                            _(weekday_plurals[employee->limited_weekday])));
          else
            add_violation (ck, ESC_RULE_CONSECUTIVE_LIMITED, start, last,
                           g_strdup_printf (_("%s works %d %s in a row from %s to %s; the limit is %d"),
                                            employee->id, count,
                                            _(weekday_plurals[employee->limited_weekday]), from,
                                            to, employee->max_consecutive_limited));
        }
    }
}

/* The last day that may serve @item: its deadline, or for a compensation already overdue
 * before day 0, any day (it is served as a soft one, after every other). */
static int
effective_deadline (const EscCompensation *item)
{
  return item->deadline < 0 ? G_MAXINT : item->deadline;
}

static int
compare_compensations (gconstpointer a,
                       gconstpointer b)
{
  const EscCompensation *x = a, *y = b;

  if (effective_deadline (x) != effective_deadline (y))
    return effective_deadline (x) < effective_deadline (y) ? -1 : 1;
  if (x->holiday != y->holiday)
    return x->holiday < y->holiday ? -1 : 1;
  return 0;
}

static GArray *
match_compensations (const Checker *ck)
{
  const EscProblemEmployee *employee = ck->employee;
  GArray *items = g_array_new (FALSE, FALSE, sizeof (EscCompensation));

  if (employee->compensation_deadline != ESC_NONE)
    for (int d = 0; d < ck->n_days; d++)
      if (worked (ck, d) != NULL && is_holiday (ck, d))
        {
          EscCompensation item = { d, d + employee->compensation_deadline, ESC_NONE };

          g_array_append_val (items, item);
        }
  if (employee->pending_compensations != NULL)
    for (guint i = 0; i < employee->pending_compensations->len; i++)
      {
        EscCompensation item = {
          ESC_NONE, g_array_index (employee->pending_compensations, int, i), ESC_NONE
        };

        g_array_append_val (items, item);
      }
  g_array_sort (items, compare_compensations);

  /* Sweep the days; each usable compensation day serves the open holiday with the
   * earliest deadline. */
  for (int t = 0; t < ck->n_days && items->len > 0; t++)
    {
      if (!esc_schedule_get_compensation (ck->schedule, ck->e, t) ||
          esc_schedule_get_choice (ck->schedule, ck->e, t) != ESC_NONE ||
          is_holiday (ck, t) || !could_work (ck, t))
        continue;

      for (guint i = 0; i < items->len; i++)
        {
          EscCompensation *item = &g_array_index (items, EscCompensation, i);

          if (item->served_by == ESC_NONE && item->holiday < t && t <= effective_deadline (item))
            {
              item->served_by = t;
              break;
            }
        }
    }

  return items;
}

/* 3.6 Worked holidays get a compensation day within their deadline. */
static void
check_compensations (Checker *ck)
{
  const EscProblem *problem = ck->problem;
  const EscProblemEmployee *employee = ck->employee;
  g_autoptr(GArray) items = NULL;

  for (int d = 0; d < ck->n_days; d++)
    {
      g_autofree char *date = NULL;

      if (!esc_schedule_get_compensation (ck->schedule, ck->e, d))
        continue;
      if (esc_schedule_get_choice (ck->schedule, ck->e, d) != ESC_NONE)
        {
          date = format_day (problem, d);
          add_violation (ck, ESC_RULE_COMPENSATION_DAY, d, d,
                         g_strdup_printf (_("%s has a compensation day off on %s, a day they work"),
                                          employee->id, date));
        }
      else if (is_holiday (ck, d))
        {
          date = format_day (problem, d);
          add_violation (ck, ESC_RULE_COMPENSATION_DAY, d, d,
                         g_strdup_printf (_("%s has a compensation day off on %s, which is a holiday"),
                                          employee->id, date));
        }
    }

  items = match_compensations (ck);
  for (guint i = 0; i < items->len; i++)
    {
      const EscCompensation *item = &g_array_index (items, EscCompensation, i);
      g_autofree char *due = NULL;

      /* Served, or due after the horizon (soft), or already overdue before day 0. */
      if (item->served_by != ESC_NONE || item->deadline >= ck->n_days || item->deadline < 0)
        continue;

      due = format_day (problem, item->deadline);
      if (item->holiday != ESC_NONE)
        {
          g_autofree char *holiday = format_day (problem, item->holiday);

          add_violation (ck, ESC_RULE_COMPENSATION, item->holiday, item->deadline,
                         g_strdup_printf (_("%s works the holiday %s and gets no compensation day off by %s"),
                                          employee->id, holiday, due));
        }
      else
        {
          g_autofree char *start = format_day (problem, 0);

          add_violation (ck, ESC_RULE_COMPENSATION, 0, item->deadline,
                         g_strdup_printf (_("%s worked a holiday before %s and gets no compensation day off by %s"),
                                          employee->id, start, due));
        }
    }
}

/* 3.7 Leave and bans. */
static void
check_leave_and_bans (Checker *ck)
{
  const EscProblem *problem = ck->problem;
  const EscProblemEmployee *employee = ck->employee;

  for (int d = 0; d < ck->n_days; d++)
    {
      const EscProblemOption *opt = worked (ck, d);
      g_autofree char *date = NULL;

      if (opt == NULL)
        continue;
      date = format_day (problem, d);
      if (option_on_leave (ck, d, opt))
        add_violation (ck, ESC_RULE_LEAVE, d, d,
                       g_strdup_printf (_("%s works %s on %s during their leave"),
                                        employee->id, shift_id (problem, opt->shift), date));
      if (is_banned (employee, d, opt->shift))
        add_violation (ck, ESC_RULE_BAN, d, d,
                       g_strdup_printf (_("%s works %s on %s, which they may not work"),
                                        employee->id, shift_id (problem, opt->shift), date));
    }
}

/* 3.7 Forbidden sequences of shifts on consecutive days. */
static void
check_sequences (Checker *ck)
{
  const EscProblem *problem = ck->problem;

  if (problem->sequences == NULL)
    return;

  for (int d = 0; d + 1 < ck->n_days; d++)
    {
      const EscProblemOption *a = worked (ck, d), *b = worked (ck, d + 1);

      if (a == NULL || b == NULL)
        continue;
      for (guint i = 0; i < problem->sequences->len; i++)
        {
          const EscProblemSequence *seq = &g_array_index (problem->sequences,
                                                          EscProblemSequence, i);

          if (seq->first == a->shift && seq->next == b->shift)
            {
              g_autofree char *day1 = format_day (problem, d);
              g_autofree char *day2 = format_day (problem, d + 1);

              add_violation (ck, ESC_RULE_SEQUENCE, d, d + 1,
                             g_strdup_printf (_("%s works %s on %s and then %s on %s, a sequence that is not allowed"),
                                              ck->employee->id, shift_id (problem, a->shift),
                                              day1, shift_id (problem, b->shift), day2));
              break;
            }
        }
    }
}

/* 3.7 Minimum rest between the end of a shift and the start of the next one. */
static void
check_rest (Checker *ck)
{
  const EscProblem *problem = ck->problem;
  const EscProblemEmployee *employee = ck->employee;
  int min_rest = MAX (problem->min_rest_minutes, 0);
  EscInstant previous_end = employee->history_last_end;
  int previous_day = -1;

  for (int d = 0; d < ck->n_days; d++)
    {
      const EscProblemOption *opt = worked (ck, d);

      if (opt == NULL)
        continue;
      if (esc_problem_get_shift (problem, opt->shift)->start == ESC_NONE)
        {
          /* No clock times: nothing to measure, before or after it. */
          previous_end = ESC_NONE;
          continue;
        }
      if (previous_end != ESC_NONE && opt->start - previous_end < min_rest)
        {
          g_autofree char *rest = esc_format_hours ((int) (opt->start - previous_end));
          g_autofree char *need = esc_format_hours (min_rest);
          g_autofree char *end = format_instant (problem, previous_end);
          g_autofree char *start = format_instant (problem, opt->start);

          add_violation (ck, ESC_RULE_REST, MAX (previous_day, 0), d,
                         g_strdup_printf (_("%s rests only %s hours between the shift ending %s and the one starting %s; at least %s hours are required"),
                                          employee->id, rest, end, start, need));
        }
      previous_end = opt->end;
      previous_day = d;
    }
}

/* 3.8 Min and max hours over the horizon, max rest days, max shift counts. */
static void
check_totals (Checker *ck)
{
  const EscProblem *problem = ck->problem;
  const EscProblemEmployee *employee = ck->employee;
  int minutes = 0, rest_days = 0, last = ck->n_days - 1;
  g_autofree char *from = format_day (problem, 0);
  g_autofree char *to = format_day (problem, last);

  for (int d = 0; d < ck->n_days; d++)
    {
      const EscProblemOption *opt = worked (ck, d);

      if (opt != NULL)
        minutes += opt->net_minutes;
      else
        rest_days++;
    }

  if (employee->min_minutes != ESC_NONE && minutes < employee->min_minutes)
    {
      g_autofree char *total = esc_format_hours (minutes);
      g_autofree char *limit = esc_format_hours (employee->min_minutes);

      add_violation (ck, ESC_RULE_MIN_HOURS, 0, last,
                     g_strdup_printf (_("%s works %s hours from %s to %s; at least %s hours are required"),
                                      employee->id, total, from, to, limit));
    }
  if (employee->max_minutes != ESC_NONE && minutes > employee->max_minutes)
    {
      g_autofree char *total = esc_format_hours (minutes);
      g_autofree char *limit = esc_format_hours (employee->max_minutes);

      add_violation (ck, ESC_RULE_MAX_HOURS, 0, last,
                     g_strdup_printf (_("%s works %s hours from %s to %s; at most %s hours are allowed"),
                                      employee->id, total, from, to, limit));
    }
  if (employee->max_rest_days != ESC_NONE && rest_days > employee->max_rest_days)
    add_violation (ck, ESC_RULE_MAX_REST_DAYS, 0, last,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s has %d day off from %s to %s; the limit is %d",
                                                 "%s has %d days off from %s to %s; the limit is %d",
                                                 rest_days),
                                    employee->id, rest_days, from, to, employee->max_rest_days));

  if (employee->max_shift_count == NULL)
    return;
  for (guint s = 0; s < problem->shifts->len; s++)
    {
      int limit = employee->max_shift_count[s], count = 0, first = -1, last_worked = -1;

      if (limit == ESC_NONE)
        continue;
      for (int d = 0; d < ck->n_days; d++)
        {
          const EscProblemOption *opt = worked (ck, d);

          if (opt == NULL || opt->shift != (int) s)
            continue;
          count++;
          if (first < 0)
            first = d;
          last_worked = d;
        }
      if (count > limit)
        {
          g_autofree char *day1 = format_day (problem, first);
          g_autofree char *day2 = format_day (problem, last_worked);

          add_violation (ck, ESC_RULE_MAX_SHIFT_COUNT, first, last_worked,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%s works %s %d time from %s to %s; the limit is %d",
                                                       "%s works %s %d times from %s to %s; the limit is %d",
                                                       count),
                                          employee->id, shift_id (problem, s), count, day1, day2,
                                          limit));
        }
    }
}

/* 3.8 Minimum consecutive working days and days off. */
static void
check_min_runs (Checker *ck)
{
  const EscProblemEmployee *employee = ck->employee;
  int history = MAX (employee->history_consecutive_days, 0);
  int d = 0;

  if (employee->min_consecutive_days == ESC_NONE && employee->min_consecutive_off == ESC_NONE)
    return;

  while (d < ck->n_days)
    {
      gboolean on = worked (ck, d) != NULL;
      int start = d, length;

      while (d < ck->n_days && (worked (ck, d) != NULL) == on)
        d++;
      /* A run reaching the last day may go on after the horizon. */
      if (d >= ck->n_days)
        break;
      length = d - start;

      if (on && employee->min_consecutive_days != ESC_NONE)
        {
          int from_day = start == 0 ? -history : start;

          if (start == 0)
            length += history;
          if (length < employee->min_consecutive_days)
            {
              g_autofree char *from = format_day (ck->problem, from_day);
              g_autofree char *to = format_day (ck->problem, d - 1);

              if (length == 1)
                add_violation (ck, ESC_RULE_MIN_CONSECUTIVE_DAYS, start, d - 1,
                               g_strdup_printf (_("%s works only on %s, between days off; at least %d working days in a row are required"),
                                                employee->id, to, employee->min_consecutive_days));
              else
                add_violation (ck, ESC_RULE_MIN_CONSECUTIVE_DAYS, start, d - 1,
                               g_strdup_printf (_("%s works only %d days in a row from %s to %s; at least %d are required"),
                                                employee->id, length, from, to,
                                                employee->min_consecutive_days));
            }
        }
      else if (!on && employee->min_consecutive_off != ESC_NONE &&
               !(start == 0 && history == 0) && length < employee->min_consecutive_off)
        {
          g_autofree char *from = format_day (ck->problem, start);
          g_autofree char *to = format_day (ck->problem, d - 1);

          if (length == 1)
            add_violation (ck, ESC_RULE_MIN_CONSECUTIVE_OFF, start, d - 1,
                           g_strdup_printf (_("%s has only %s off, between working days; at least %d days off in a row are required"),
                                            employee->id, to, employee->min_consecutive_off));
          else
            add_violation (ck, ESC_RULE_MIN_CONSECUTIVE_OFF, start, d - 1,
                           g_strdup_printf (_("%s has only %d days off in a row from %s to %s; at least %d are required"),
                                            employee->id, length, from, to,
                                            employee->min_consecutive_off));
        }
    }
}

/* 3.8 Worked weekends (Saturday and Sunday of one calendar week). */
static void
check_weekends (Checker *ck)
{
  const EscProblemEmployee *employee = ck->employee;
  int count = 0, first = -1, last = -1;
  gint64 last_weekend = G_MININT64;

  if (employee->max_weekends == ESC_NONE)
    return;

  for (int d = 0; d < ck->n_days; d++)
    {
      EscWeekday weekday = weekday_of (ck, d);
      gint64 saturday;

      if ((weekday != ESC_SAT && weekday != ESC_SUN) || worked (ck, d) == NULL)
        continue;
      saturday = (gint64) d - (weekday == ESC_SUN ? 1 : 0);
      if (saturday != last_weekend)
        count++;
      last_weekend = saturday;
      if (first < 0)
        first = d;
      last = d;
    }

  if (count > employee->max_weekends)
    {
      g_autofree char *from = format_day (ck->problem, first);
      g_autofree char *to = format_day (ck->problem, last);

      add_violation (ck, ESC_RULE_MAX_WEEKENDS, first, last,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s works %d weekend from %s to %s; the limit is %d",
                                                   "%s works %d weekends from %s to %s; the limit is %d",
                                                   count),
                                      employee->id, count, from, to, employee->max_weekends));
    }
}

static void
check_employee (const EscSchedule *schedule,
                guint              e,
                GPtrArray         *out)
{
  Checker ck = { 0 };

  checker_init (&ck, schedule, e, out);

  check_options (&ck);
  check_patterns (&ck);
  check_demand_days (&ck);
  check_weekly_hours (&ck);
  check_consecutive_days (&ck);
  check_consecutive_limited (&ck);
  check_compensations (&ck);
  check_leave_and_bans (&ck);
  check_sequences (&ck);
  check_rest (&ck);
  check_totals (&ck);
  check_min_runs (&ck);
  check_weekends (&ck);

  checker_clear (&ck);
}

static int
compare_violations (gconstpointer a,
                    gconstpointer b)
{
  const EscViolation *x = *(EscViolation * const *) a;
  const EscViolation *y = *(EscViolation * const *) b;

  if (x->employee != y->employee)
    return x->employee < y->employee ? -1 : 1;
  if (x->first_day != y->first_day)
    return x->first_day < y->first_day ? -1 : 1;
  if (x->rule != y->rule)
    return x->rule < y->rule ? -1 : 1;
  return 0;
}

/* Public API */

GPtrArray *
esc_checker_check (const EscSchedule *schedule)
{
  GPtrArray *out;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (schedule->problem != NULL, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) esc_violation_free);
  for (guint e = 0; e < schedule->problem->employees->len; e++)
    check_employee (schedule, e, out);
  g_ptr_array_sort (out, compare_violations);

  return out;
}

GPtrArray *
esc_checker_check_employee (const EscSchedule *schedule,
                            guint              employee)
{
  GPtrArray *out;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (employee < schedule->problem->employees->len, NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) esc_violation_free);
  check_employee (schedule, employee, out);
  g_ptr_array_sort (out, compare_violations);

  return out;
}

GArray *
esc_checker_match_compensations (const EscSchedule *schedule,
                                 guint              employee)
{
  Checker ck = { 0 };
  GArray *items;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (employee < schedule->problem->employees->len, NULL);

  checker_init (&ck, schedule, employee, NULL);
  items = match_compensations (&ck);
  checker_clear (&ck);

  return items;
}

void
esc_violation_free (EscViolation *violation)
{
  if (violation == NULL)
    return;
  g_free (violation->message);
  g_free (violation);
}

const char *
esc_rule_name (EscRule rule)
{
  g_return_val_if_fail (rule < ESC_N_RULES, NULL);
  return rule_names[rule];
}

const char *
esc_rule_title (EscRule rule)
{
  g_return_val_if_fail (rule < ESC_N_RULES, NULL);
  return _(rule_titles[rule]);
}
