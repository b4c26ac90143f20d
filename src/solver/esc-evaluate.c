/* esc-evaluate.c: objective values computed directly from a schedule.
 *
 * The definitions are in esc-evaluate.h. This file is the reference the GLPK model is
 * tested against, so it stays plain: loops over employees, days and slots, no caches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include "esc-checker.h"
#include "esc-evaluate.h"

/* The nearest multiple of @granularity, halves up (the compiler's slot grid). */
static inline EscInstant
round_to_grid (EscInstant instant,
               int        granularity)
{
  EscInstant x;

  if (granularity <= 1)
    return instant;
  x = instant + granularity / 2;
  x = x >= 0 ? x / granularity : -((-x + granularity - 1) / granularity);
  return x * granularity;
}

/* Whether a worked option covers a slot on the problem's grid: its shift has clock times
 * and its rounded [start, end) contains the slot. */
static gboolean
option_covers (const EscProblem       *problem,
               const EscProblemOption *option,
               const EscProblemSlot   *slot)
{
  if (esc_problem_get_shift (problem, option->shift)->start == ESC_NONE)
    return FALSE;
  return round_to_grid (option->start, problem->granularity) <= slot->start &&
         slot->end <= round_to_grid (option->end, problem->granularity);
}

static const EscProblemOption *
worked_option (const EscSchedule *schedule,
               guint              e,
               int                d)
{
  int choice = esc_schedule_get_choice (schedule, e, d);

  if (choice == ESC_NONE || choice < 0 || (guint) choice >= schedule->problem->options->len)
    return NULL;
  return esc_problem_get_option (schedule->problem, choice);
}

static int
shift_length (const EscProblemShift *shift)
{
  if (shift->start == ESC_NONE || shift->end == ESC_NONE)
    return shift->net_minutes;
  return shift->end - shift->start;
}

/* Under- (@over FALSE) or over-coverage (@over TRUE), weighted staff-minutes. */
static double
evaluate_coverage (const EscSchedule *schedule,
                   gboolean           over)
{
  const EscProblem *problem = schedule->problem;
  g_autofree guint *covering = esc_evaluate_slot_coverage (schedule);
  g_autofree guint *working = esc_evaluate_shift_demand_coverage (schedule);
  double total = 0;

  for (guint i = 0; i < problem->slots->len; i++)
    {
      const EscProblemSlot *slot = &g_array_index (problem->slots, EscProblemSlot, i);
      int missing = over ? (int) covering[i] - slot->required : slot->required - (int) covering[i];

      if (missing > 0)
        total += (over ? slot->over_weight : slot->under_weight) * missing *
                 (double) (slot->end - slot->start);
    }

  for (guint i = 0; i < problem->shift_demands->len; i++)
    {
      const EscProblemShiftDemand *demand = &g_array_index (problem->shift_demands,
                                                            EscProblemShiftDemand, i);
      int missing = over ? (int) working[i] - demand->required
                         : demand->required - (int) working[i];

      if (missing > 0)
        total += (over ? demand->over_weight : demand->under_weight) * missing *
                 (double) shift_length (esc_problem_get_shift (problem, demand->shift));
    }

  return total;
}

static double
evaluate_compensations (const EscSchedule *schedule)
{
  double total = 0;

  for (guint e = 0; e < schedule->problem->employees->len; e++)
    {
      g_autoptr(GArray) items = esc_checker_match_compensations (schedule, e);

      for (guint i = 0; i < items->len; i++)
        if (g_array_index (items, EscCompensation, i).served_by != ESC_NONE)
          total++;
    }
  return total;
}

static double
evaluate_balance (const EscSchedule *schedule)
{
  const EscProblem *problem = schedule->problem;
  double total = 0;

  for (guint g = 0; g < problem->groups->len; g++)
    {
      const EscProblemGroup *group = g_ptr_array_index (problem->groups, g);
      int lowest = G_MAXINT, highest = G_MININT;

      for (int d = 0; d < problem->n_days; d++)
        {
          int count = 0;

          if (group->demand_day == NULL || !group->demand_day[d])
            continue;
          for (guint k = 0; k < group->employees->len; k++)
            if (worked_option (schedule, g_array_index (group->employees, int, k), d) != NULL)
              count++;
          lowest = MIN (lowest, count);
          highest = MAX (highest, count);
        }
      if (highest >= lowest)
        total += highest - lowest;
    }
  return total;
}

static double
evaluate_wishes (const EscSchedule        *schedule,
                 guint                     e,
                 const EscProblemEmployee *employee)
{
  const EscProblem *problem = schedule->problem;
  double total = 0;

  if (employee->wishes == NULL)
    return 0;

  for (guint i = 0; i < employee->wishes->len; i++)
    {
      const EscProblemWish *wish = &g_array_index (employee->wishes, EscProblemWish, i);
      int first = wish->day == ESC_NONE ? 0 : wish->day;
      int last = wish->day == ESC_NONE ? problem->n_days - 1 : wish->day;

      for (int d = MAX (first, 0); d <= last && d < problem->n_days; d++)
        {
          const EscProblemOption *opt = worked_option (schedule, e, d);
          gboolean on_shift = opt != NULL && (wish->shift == ESC_NONE || opt->shift == wish->shift);
          gboolean met = FALSE;

          switch (wish->kind)
            {
            case ESC_WISH_PREFER:
            case ESC_WISH_SHIFT_ON:
              met = on_shift;
              break;
            case ESC_WISH_DAY_OFF:
              met = opt == NULL;
              break;
            case ESC_WISH_SHIFT_OFF:
              met = !on_shift;
              break;
            default:
              g_assert_not_reached ();
            }
          if (met)
            total += wish->weight;
        }
    }
  return total;
}

guint *
esc_evaluate_slot_coverage (const EscSchedule *schedule)
{
  const EscProblem *problem;
  guint *covering;

  g_return_val_if_fail (schedule != NULL, NULL);

  problem = schedule->problem;
  covering = g_new0 (guint, MAX (problem->slots->len, 1));
  for (guint i = 0; i < problem->slots->len; i++)
    {
      const EscProblemSlot *slot = &g_array_index (problem->slots, EscProblemSlot, i);
      const EscProblemGroup *group = g_ptr_array_index (problem->groups, slot->group);

      for (guint k = 0; k < group->employees->len; k++)
        {
          guint e = g_array_index (group->employees, int, k);

          for (int d = 0; d < problem->n_days; d++)
            {
              const EscProblemOption *opt = worked_option (schedule, e, d);

              if (opt != NULL && option_covers (problem, opt, slot))
                covering[i]++;
            }
        }
    }
  return covering;
}

guint *
esc_evaluate_shift_demand_coverage (const EscSchedule *schedule)
{
  const EscProblem *problem;
  guint *working;

  g_return_val_if_fail (schedule != NULL, NULL);

  problem = schedule->problem;
  working = g_new0 (guint, MAX (problem->shift_demands->len, 1));
  for (guint i = 0; i < problem->shift_demands->len; i++)
    {
      const EscProblemShiftDemand *demand = &g_array_index (problem->shift_demands,
                                                            EscProblemShiftDemand, i);
      const EscProblemGroup *group = g_ptr_array_index (problem->groups, demand->group);

      for (guint k = 0; k < group->employees->len; k++)
        {
          guint e = g_array_index (group->employees, int, k);
          const EscProblemOption *opt = worked_option (schedule, e, demand->day);

          if (opt != NULL && opt->shift == demand->shift)
            working[i]++;
        }
    }
  return working;
}

double
esc_evaluate_objective (const EscSchedule *schedule,
                        EscObjective       objective)
{
  const EscProblem *problem;
  EscWeekday weekday0;
  double total = 0;

  g_return_val_if_fail (schedule != NULL, 0);
  g_return_val_if_fail (objective < ESC_N_OBJECTIVES, 0);

  problem = schedule->problem;
  switch (objective)
    {
    case ESC_OBJ_DEMAND_FULFILLMENT:
      return evaluate_coverage (schedule, FALSE);
    case ESC_OBJ_OVER_COVERAGE:
      return evaluate_coverage (schedule, TRUE);
    case ESC_OBJ_HOLIDAY_COMPENSATION:
      return evaluate_compensations (schedule);
    case ESC_OBJ_WORKFORCE_BALANCE:
      return evaluate_balance (schedule);
    case ESC_OBJ_PRIORITY_WORKING_DAYS:
    case ESC_OBJ_WORKING_DAYS:
    case ESC_OBJ_PREFERABLE_RESTS:
    case ESC_OBJ_WORKING_HOURS:
    case ESC_OBJ_MIN_HOURS:
    case ESC_OBJ_PREFERENCES:
    case ESC_N_OBJECTIVES:
    default:
      break;
    }

  weekday0 = esc_julian_weekday (problem->start_julian);
  for (guint e = 0; e < problem->employees->len; e++)
    {
      const EscProblemEmployee *employee = esc_problem_get_employee (problem, e);

      if (objective == ESC_OBJ_PREFERENCES)
        {
          total += evaluate_wishes (schedule, e, employee);
          continue;
        }

      for (int d = 0; d < problem->n_days; d++)
        {
          const EscProblemOption *opt = worked_option (schedule, e, d);

          switch (objective)
            {
            case ESC_OBJ_PRIORITY_WORKING_DAYS:
              if (opt != NULL && problem->priority_day != NULL && problem->priority_day[d])
                total += opt->net_minutes;
              break;
            case ESC_OBJ_WORKING_DAYS:
              if (opt != NULL)
                total++;
              break;
            case ESC_OBJ_PREFERABLE_RESTS:
              if (opt == NULL && employee->preferred_rest != ESC_NONE &&
                  (int) ((weekday0 + d) % ESC_N_WEEKDAYS) == employee->preferred_rest)
                total++;
              break;
            case ESC_OBJ_WORKING_HOURS:
            case ESC_OBJ_MIN_HOURS:
              if (opt != NULL)
                total += opt->net_minutes;
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }

  return total;
}

double
esc_evaluate_level (const EscSchedule       *schedule,
                    const EscObjectiveLevel *level)
{
  double total = 0;

  g_return_val_if_fail (schedule != NULL, 0);
  g_return_val_if_fail (level != NULL, 0);

  for (int o = 0; o < ESC_N_OBJECTIVES; o++)
    {
      double value;

      if (level->weight[o] == 0)
        continue;
      value = esc_evaluate_objective (schedule, o);
      total += level->weight[o] * (esc_objective_is_maximised (o) ? -value : value);
    }
  return total;
}
