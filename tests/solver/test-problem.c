/* test-problem.c: compiling projects into EscProblem (esc-problem.c).
 *
 * Every test builds a small project in code, compiles it and asserts the compiled facts
 * value by value: shifts and the break rule, options and what filters them (patterns,
 * rule 2, leave, bans), slots (breakpoints, rounding, merging), shift demands, holidays
 * by region, history, objectives, the store/role filter, and the sample project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/esc-project.h"
#include "io/esc-project-file.h"
#include "solver/esc-problem.h"

void esc_test_add_problem_tests (void);

/* Appends a row; unnamed trailing columns are empty. */
#define ROW(project, table, ...) \
  esc_table_append_values (esc_project_get_table ((project), (table)), \
                           (const char *[64]) { __VA_ARGS__ })

#define DAY (ESC_MINUTES_PER_DAY)

/* A project starting on @start for @days days, with location L1 (SP, BR), store S1 and
 * role R1. */
static EscProject *
new_project (const char *start,
             int         days)
{
  EscProject *project = esc_project_new ();
  g_autofree char *horizon = g_strdup_printf ("%d", days);

  esc_project_set_parameter (project, "start_date", start);
  esc_project_set_parameter (project, "max_horizon", horizon);
  ROW (project, ESC_TABLE_LOCATION, "L1", "São Paulo", "SP", "BR");
  ROW (project, ESC_TABLE_STORE, "S1", "L1");
  ROW (project, ESC_TABLE_ROLE, "R1");
  return project;
}

static EscRow *
add_employee (EscProject *project,
              const char *id,
              const char *patterns)
{
  return ROW (project, ESC_TABLE_EMPLOYEE,
              [ESC_EMPLOYEE_ID] = id,
              [ESC_EMPLOYEE_ROLE] = "R1",
              [ESC_EMPLOYEE_STORE] = "S1",
              [ESC_EMPLOYEE_WEEKLY_HOURS] = "44",
              [ESC_EMPLOYEE_PATTERNS] = patterns);
}

/* Demand rows with quantity 0 for every weekday of (S1, R1): work allowed every day. */
static void
allow_every_day (EscProject *project)
{
  static const char * const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    ROW (project, ESC_TABLE_DEMAND,
         [ESC_DEMAND_STORE] = "S1", [ESC_DEMAND_ROLE] = "R1", [ESC_DEMAND_DAY] = days[i],
         [ESC_DEMAND_START] = "00:00", [ESC_DEMAND_END] = "00:01",
         [ESC_DEMAND_QUANTITY] = "0");
}

static void
add_window_demand (EscProject *project,
                   const char *day,
                   const char *start,
                   const char *end,
                   const char *quantity)
{
  ROW (project, ESC_TABLE_DEMAND,
       [ESC_DEMAND_STORE] = "S1", [ESC_DEMAND_ROLE] = "R1", [ESC_DEMAND_DAY] = day,
       [ESC_DEMAND_START] = start, [ESC_DEMAND_END] = end, [ESC_DEMAND_QUANTITY] = quantity);
}

static EscProblem *
compile (EscProject *project)
{
  g_autoptr(GError) error = NULL;
  EscProblem *problem = esc_problem_new_from_project (project, &error);

  g_assert_no_error (error);
  g_assert_nonnull (problem);
  return problem;
}

static guint
count_options (const EscProblem *problem,
               guint             e,
               int               d)
{
  const EscProblemEmployee *employee = esc_problem_get_employee (problem, e);

  return employee->day_offset[d + 1] - employee->day_offset[d];
}

static const EscProblemOption *
get_option (const EscProblem *problem,
            guint             e,
            int               d,
            guint             i)
{
  const EscProblemEmployee *employee = esc_problem_get_employee (problem, e);

  g_assert_cmpuint (i, <, count_options (problem, e, d));
  return esc_problem_get_option (problem, employee->day_offset[d] + i);
}

/* The option of shift @shift_id for (e, d), or NULL. */
static const EscProblemOption *
find_option (const EscProblem *problem,
             guint             e,
             int               d,
             const char       *shift_id)
{
  int shift = esc_problem_find_shift (problem, shift_id);

  g_assert_cmpint (shift, >=, 0);
  for (guint i = 0; i < count_options (problem, e, d); i++)
    if (get_option (problem, e, d, i)->shift == shift)
      return get_option (problem, e, d, i);
  return NULL;
}

static const EscProblemSlot *
get_slot (const EscProblem *problem,
          guint             i)
{
  g_assert_cmpuint (i, <, problem->slots->len);
  return &g_array_index (problem->slots, EscProblemSlot, i);
}

static void
assert_slot (const EscProblem *problem,
             guint             i,
             int               day,
             EscInstant        start,
             EscInstant        end,
             int               required)
{
  const EscProblemSlot *slot = get_slot (problem, i);

  g_assert_cmpint (slot->day, ==, day);
  g_assert_cmpint (slot->start, ==, start);
  g_assert_cmpint (slot->end, ==, end);
  g_assert_cmpint (slot->required, ==, required);
}

/* Horizon and parameters */

static void
test_horizon (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-09", 10);  /* a Wednesday */
  g_autoptr(EscProblem) problem = NULL;
  EscJulian start;
  static const int weeks[10] = { 0, 0, 0, 0, 0, 1, 1, 1, 1, 1 };

  add_employee (project, "E1", "P1");
  ROW (project, ESC_TABLE_PATTERN, "P1", "08:00 - 12:00");
  problem = compile (project);

  g_assert_true (esc_parse_date ("2026-12-09", &start, NULL));
  g_assert_cmpuint (problem->start_julian, ==, start);
  g_assert_cmpint (problem->n_days, ==, 10);
  g_assert_cmpint (problem->first_day_of_week, ==, ESC_MON);
  for (int d = 0; d < 10; d++)
    g_assert_cmpint (problem->week_of_day[d], ==, weeks[d]);
  g_assert_cmpint (problem->n_weeks, ==, 2);
  g_assert_cmpint (problem->granularity, ==, 1);
  g_assert_cmpint (problem->min_rest_minutes, ==, 11 * 60);
  g_assert_cmpfloat (problem->max_seconds, ==, 60);
  g_assert_cmpfloat (problem->improvement_wait, ==, 10);
  g_assert_cmpuint (problem->generation, ==, esc_project_get_generation (project));
  g_assert_cmpuint (problem->store_ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problem->store_ids, 0), ==, "S1");
  g_assert_cmpstr (g_ptr_array_index (problem->role_ids, 0), ==, "R1");

  /* Weeks starting on Sunday: Wed..Sat (4 days), then Sun..Sat, ... */
  g_clear_pointer (&problem, esc_problem_unref);
  esc_project_set_parameter (project, "first_day_of_week", "dom");
  esc_project_set_parameter (project, "min_rest_between_shifts", "12:30");
  esc_project_set_parameter (project, "max_solution_time", "5.5");
  esc_project_set_parameter (project, "max_solution_improvement_wait", "2");
  problem = compile (project);
  g_assert_cmpint (problem->first_day_of_week, ==, ESC_SUN);
  g_assert_cmpint (problem->week_of_day[3], ==, 0);
  g_assert_cmpint (problem->week_of_day[4], ==, 1);
  g_assert_cmpint (problem->week_of_day[9], ==, 1);
  g_assert_cmpint (problem->n_weeks, ==, 2);
  g_assert_cmpint (problem->min_rest_minutes, ==, 750);
  g_assert_cmpfloat (problem->max_seconds, ==, 5.5);
  g_assert_cmpfloat (problem->improvement_wait, ==, 2);
}

static void
test_priority_days (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-21", 14);  /* a Monday */
  g_autoptr(EscProblem) problem = NULL;

  esc_project_set_parameter (project, "allocation_priority_weekdays", "fri, sat");
  esc_project_set_parameter (project, "allocation_priority_interval", "28-31, 1-2");
  problem = compile (project);

  g_assert_cmpuint (problem->priority_weekdays, ==, (1u << ESC_FRI) | (1u << ESC_SAT));
  g_assert_cmpuint (problem->priority_ranges->len, ==, 2);
  for (int d = 0; d < 14; d++)
    {
      /* 21..31 December, 1..3 January; Fri 25, Sat 26, Fri 1, Sat 2. */
      int day_of_month = d <= 10 ? 21 + d : d - 10;
      gboolean weekend = d == 4 || d == 5 || d == 11 || d == 12;
      gboolean in_range = day_of_month >= 28 || day_of_month <= 2;

      g_assert_cmpint (problem->priority_day[d], ==, weekend || in_range);
    }
}

/* Shifts */

static void
test_shifts (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 7);
  g_autoptr(EscProblem) problem = NULL;
  const EscProblemShift *shift;

  ROW (project, ESC_TABLE_SHIFT, "M", "08:00", "16:00");           /* 8 h > 6 h: 7 h net */
  ROW (project, ESC_TABLE_SHIFT, "N", "22:00", "06:00");           /* crosses midnight */
  ROW (project, ESC_TABLE_SHIFT, "S", "08:00", "12:00");           /* 4 h: no break */
  ROW (project, ESC_TABLE_SHIFT, "B", "08:00", "17:00", "30");     /* its own break */
  ROW (project, ESC_TABLE_SHIFT, "H", NULL, NULL, NULL, "7.5");    /* hours only */
  ROW (project, ESC_TABLE_SHIFT, "X", "18:00", "24:00");           /* exactly 6 h */
  ROW (project, ESC_TABLE_PATTERN, "P1", "10:00 - 18:20", "08:00-16:00", "22:00 – 02:00",
       "M, S", "10:00-18:20");
  add_employee (project, "E1", "P1");
  problem = compile (project);

  g_assert_cmpuint (problem->shifts->len, ==, 9);

  shift = esc_problem_get_shift (problem, 0);
  g_assert_cmpstr (shift->id, ==, "M");
  g_assert_cmpint (shift->start, ==, 480);
  g_assert_cmpint (shift->end, ==, 960);
  g_assert_cmpint (shift->net_minutes, ==, 420);
  g_assert_false (shift->from_pattern);

  shift = esc_problem_get_shift (problem, 1);
  g_assert_cmpint (shift->start, ==, 1320);
  g_assert_cmpint (shift->end, ==, 1800);
  g_assert_cmpint (shift->net_minutes, ==, 420);

  shift = esc_problem_get_shift (problem, 2);
  g_assert_cmpint (shift->net_minutes, ==, 240);

  shift = esc_problem_get_shift (problem, 3);
  g_assert_cmpint (shift->end - shift->start, ==, 540);
  g_assert_cmpint (shift->net_minutes, ==, 510);

  shift = esc_problem_get_shift (problem, 4);
  g_assert_cmpstr (shift->id, ==, "H");
  g_assert_cmpint (shift->start, ==, ESC_NONE);
  g_assert_cmpint (shift->end, ==, ESC_NONE);
  g_assert_cmpint (shift->net_minutes, ==, 450);

  shift = esc_problem_get_shift (problem, 5);
  g_assert_cmpint (shift->start, ==, 1080);
  g_assert_cmpint (shift->end, ==, 1440);
  g_assert_cmpint (shift->net_minutes, ==, 360);

  /* Pattern windows, in the order met, with canonical ids; the same window twice is
   * one shift. */
  shift = esc_problem_get_shift (problem, 6);
  g_assert_cmpstr (shift->id, ==, "10:00 - 18:20");
  g_assert_true (shift->from_pattern);
  g_assert_cmpint (shift->start, ==, 600);
  g_assert_cmpint (shift->end, ==, 1100);
  g_assert_cmpint (shift->net_minutes, ==, 440);

  shift = esc_problem_get_shift (problem, 7);
  g_assert_cmpstr (shift->id, ==, "08:00 - 16:00");
  g_assert_cmpint (shift->net_minutes, ==, 420);

  shift = esc_problem_get_shift (problem, 8);
  g_assert_cmpstr (shift->id, ==, "22:00 - 02:00");
  g_assert_cmpint (shift->start, ==, 1320);
  g_assert_cmpint (shift->end, ==, 1560);
  g_assert_cmpint (shift->net_minutes, ==, 240);

  g_assert_cmpint (esc_problem_find_shift (problem, "H"), ==, 4);
  g_assert_cmpint (esc_problem_find_shift (problem, "08:00 - 16:00"), ==, 7);
  g_assert_cmpint (esc_problem_find_shift (problem, "nope"), ==, ESC_NONE);

  /* The pattern's days. */
  {
    const EscProblemPattern *pattern = g_ptr_array_index (problem->patterns, 0);

    g_assert_cmpstr (pattern->id, ==, "P1");
    g_assert_cmpuint (pattern->allowed[ESC_MON]->len, ==, 1);
    g_assert_cmpint (g_array_index (pattern->allowed[ESC_MON], int, 0), ==, 6);
    g_assert_cmpint (g_array_index (pattern->allowed[ESC_TUE], int, 0), ==, 7);
    g_assert_cmpint (g_array_index (pattern->allowed[ESC_WED], int, 0), ==, 8);
    g_assert_cmpuint (pattern->allowed[ESC_THU]->len, ==, 2);
    g_assert_cmpint (g_array_index (pattern->allowed[ESC_THU], int, 0), ==, 0);
    g_assert_cmpint (g_array_index (pattern->allowed[ESC_THU], int, 1), ==, 2);
    g_assert_cmpint (g_array_index (pattern->allowed[ESC_FRI], int, 0), ==, 6);
    g_assert_cmpuint (pattern->allowed[ESC_SAT]->len, ==, 0);
    g_assert_cmpuint (pattern->allowed[ESC_SUN]->len, ==, 0);
  }
}

static void
test_break_rule_parameters (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 7);
  g_autoptr(EscProblem) problem = NULL;

  esc_project_set_parameter (project, "break_threshold_hours", "8");
  esc_project_set_parameter (project, "break_minutes", "30");
  ROW (project, ESC_TABLE_PATTERN, "P1", "08:00 - 16:00", "08:00 - 17:00", "08:00 - 12:00");
  add_employee (project, "E1", "P1");
  problem = compile (project);

  g_assert_cmpuint (problem->shifts->len, ==, 3);
  g_assert_cmpint (esc_problem_get_shift (problem, 0)->net_minutes, ==, 480);  /* not > 8 h */
  g_assert_cmpint (esc_problem_get_shift (problem, 1)->net_minutes, ==, 510);  /* 9 h - 30 */
  g_assert_cmpint (esc_problem_get_shift (problem, 2)->net_minutes, ==, 240);
}

/* Options */

static void
test_options (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 7);  /* Monday */
  g_autoptr(EscProblem) problem = NULL;
  const EscProblemOption *option;
  const EscProblemEmployee *employee;
  int m, s, n;

  ROW (project, ESC_TABLE_SHIFT, "S", "09:00", "13:00");
  ROW (project, ESC_TABLE_SHIFT, "M", "08:00", "16:00");
  ROW (project, ESC_TABLE_SHIFT, "N", "22:00", "06:00");
  ROW (project, ESC_TABLE_SHIFT, "H", NULL, NULL, NULL, "6");
  ROW (project, ESC_TABLE_PATTERN, "P1", "S, M", "10:00 - 18:20", NULL, NULL, "H");
  ROW (project, ESC_TABLE_PATTERN, "P2", "M", NULL, "N");
  add_employee (project, "E1", "P1, P2, P1");
  add_employee (project, "E2", "P2");
  allow_every_day (project);
  problem = compile (project);

  m = esc_problem_find_shift (problem, "M");
  s = esc_problem_find_shift (problem, "S");
  n = esc_problem_find_shift (problem, "N");
  employee = esc_problem_get_employee (problem, 0);
  g_assert_cmpuint (employee->n_patterns, ==, 2);  /* P1 listed twice counts once */
  g_assert_cmpint (employee->patterns[0], ==, 0);
  g_assert_cmpint (employee->patterns[1], ==, 1);

  /* Monday: M (both patterns) before S (P1), sorted by start. */
  g_assert_cmpuint (count_options (problem, 0, 0), ==, 2);
  option = get_option (problem, 0, 0, 0);
  g_assert_cmpint (option->shift, ==, m);
  g_assert_cmpint (option->start, ==, 480);
  g_assert_cmpint (option->end, ==, 960);
  g_assert_cmpint (option->net_minutes, ==, 420);
  g_assert_cmpuint (option->pattern_mask, ==, 0x3);
  g_assert_cmpint (option->employee, ==, 0);
  g_assert_cmpint (option->day, ==, 0);
  option = get_option (problem, 0, 0, 1);
  g_assert_cmpint (option->shift, ==, s);
  g_assert_cmpint (option->start, ==, 540);
  g_assert_cmpint (option->net_minutes, ==, 240);
  g_assert_cmpuint (option->pattern_mask, ==, 0x1);

  /* Tuesday: the pattern window. */
  g_assert_cmpuint (count_options (problem, 0, 1), ==, 1);
  option = get_option (problem, 0, 1, 0);
  g_assert_cmpstr (esc_problem_get_shift (problem, option->shift)->id, ==, "10:00 - 18:20");
  g_assert_cmpint (option->start, ==, DAY + 600);
  g_assert_cmpint (option->end, ==, DAY + 1100);
  g_assert_cmpint (option->net_minutes, ==, 440);
  g_assert_cmpuint (option->pattern_mask, ==, 0x1);

  /* Wednesday: the night shift of P2 ends on Thursday. */
  g_assert_cmpuint (count_options (problem, 0, 2), ==, 1);
  option = get_option (problem, 0, 2, 0);
  g_assert_cmpint (option->shift, ==, n);
  g_assert_cmpint (option->start, ==, 2 * DAY + 1320);
  g_assert_cmpint (option->end, ==, 3 * DAY + 360);
  g_assert_cmpuint (option->pattern_mask, ==, 0x2);

  /* Thursday nothing; Friday the shift without clock times: d * 1440 + net. */
  g_assert_cmpuint (count_options (problem, 0, 3), ==, 0);
  option = get_option (problem, 0, 4, 0);
  g_assert_cmpint (option->start, ==, 4 * DAY);
  g_assert_cmpint (option->end, ==, 4 * DAY + 360);
  g_assert_cmpint (option->net_minutes, ==, 360);
  g_assert_cmpuint (count_options (problem, 0, 5), ==, 0);
  g_assert_cmpuint (count_options (problem, 0, 6), ==, 0);

  /* E2: P2 only; its mask bit is its own first pattern. */
  g_assert_cmpuint (count_options (problem, 1, 0), ==, 1);
  option = get_option (problem, 1, 0, 0);
  g_assert_cmpint (option->shift, ==, m);
  g_assert_cmpuint (option->pattern_mask, ==, 0x1);
  g_assert_cmpint (option->employee, ==, 1);

  /* The layout: employee by employee, day by day. */
  g_assert_cmpuint (esc_problem_get_employee (problem, 0)->day_offset[0], ==, 0);
  g_assert_cmpuint (esc_problem_get_employee (problem, 0)->day_offset[7], ==,
                    esc_problem_get_employee (problem, 1)->day_offset[0]);
  g_assert_cmpuint (esc_problem_get_employee (problem, 1)->day_offset[7], ==,
                    problem->options->len);
  g_assert_cmpuint (problem->options->len, ==, 2 + 1 + 1 + 1 + 2);
}

static void
test_options_rule2 (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 14);  /* Monday */
  g_autoptr(EscProblem) problem = NULL;
  const EscProblemGroup *group;

  ROW (project, ESC_TABLE_ROLE, "R2");
  ROW (project, ESC_TABLE_SHIFT, "M", "08:00", "16:00");
  ROW (project, ESC_TABLE_PATTERN, "ALL", "M", "M", "M", "M", "M", "M", "M");
  add_employee (project, "E1", "ALL");
  /* Mondays by window (quantity 0 still allows work), Thursday 10 December by shift, and
   * every Tuesday for another role, which does not count. */
  add_window_demand (project, "seg", "08:00", "12:00", "0");
  ROW (project, ESC_TABLE_DEMAND, [ESC_DEMAND_STORE] = "S1", [ESC_DEMAND_ROLE] = "R1",
       [ESC_DEMAND_DAY] = "10/12/2026", [ESC_DEMAND_SHIFT] = "M", [ESC_DEMAND_QUANTITY] = "1");
  ROW (project, ESC_TABLE_DEMAND, [ESC_DEMAND_STORE] = "S1", [ESC_DEMAND_ROLE] = "R2",
       [ESC_DEMAND_DAY] = "tue", [ESC_DEMAND_SHIFT] = "M", [ESC_DEMAND_QUANTITY] = "1");
  problem = compile (project);

  g_assert_cmpuint (problem->groups->len, ==, 2);  /* (S1, R1) with employees, (S1, R2) */
  group = g_ptr_array_index (problem->groups, 0);
  g_assert_cmpint (group->store, ==, 0);
  g_assert_cmpint (group->role, ==, 0);
  g_assert_cmpuint (group->employees->len, ==, 1);
  for (int d = 0; d < 14; d++)
    {
      gboolean expected = d == 0 || d == 7 || d == 3;

      g_assert_cmpint (group->demand_day[d], ==, expected);
      g_assert_cmpuint (count_options (problem, 0, d), ==, expected ? 1 : 0);
    }
  group = g_ptr_array_index (problem->groups, 1);
  g_assert_cmpint (group->role, ==, 1);
  g_assert_cmpuint (group->employees->len, ==, 0);
  g_assert_true (group->demand_day[1]);
  g_assert_true (group->demand_day[8]);
  g_assert_false (group->demand_day[0]);
  g_assert_cmpint (esc_problem_get_employee (problem, 0)->group, ==, 0);
}

static void
test_options_leave (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 7);  /* Monday */
  g_autoptr(EscProblem) problem = NULL;
  const EscProblemEmployee *employee;
  EscRow *row;

  ROW (project, ESC_TABLE_SHIFT, "M", "08:00", "12:00");
  ROW (project, ESC_TABLE_SHIFT, "L", "11:00", "15:00");
  ROW (project, ESC_TABLE_SHIFT, "A", "14:00", "22:00");
  ROW (project, ESC_TABLE_SHIFT, "H", NULL, NULL, NULL, "4");
  ROW (project, ESC_TABLE_PATTERN, "ALL", "M, L, A, H", "M, L, A, H", "M, L, A, H",
       "M, L, A, H", "M, L, A, H", "M, L, A, H", "M, L, A, H");
  row = add_employee (project, "E1", "ALL");
  /* Tuesday 12:00-14:00; all of Thursday; Saturday and Sunday; an old leave. */
  esc_row_set (row, ESC_EMPLOYEE_LEAVE,
               "08/12/2026 12:00 - 08/12/2026 14:00; 10/12/2026; 12/12/2026 - 13/12/2026; "
               "01/01/2020");
  allow_every_day (project);
  problem = compile (project);
  employee = esc_problem_get_employee (problem, 0);

  g_assert_cmpuint (employee->leave->len, ==, 3);
  g_assert_cmpint (g_array_index (employee->leave, EscInterval, 0).start, ==, DAY + 720);
  g_assert_cmpint (g_array_index (employee->leave, EscInterval, 0).end, ==, DAY + 840);
  g_assert_cmpint (g_array_index (employee->leave, EscInterval, 1).start, ==, 3 * DAY);
  g_assert_cmpint (g_array_index (employee->leave, EscInterval, 1).end, ==, 4 * DAY);
  g_assert_cmpint (g_array_index (employee->leave, EscInterval, 2).start, ==, 5 * DAY);
  g_assert_cmpint (g_array_index (employee->leave, EscInterval, 2).end, ==, 7 * DAY);

  g_assert_cmpuint (count_options (problem, 0, 0), ==, 4);
  /* Tuesday: M ends at 12:00 and A starts at 14:00, so both stay; L overlaps; H could be
   * at any time of the day, so it goes. */
  g_assert_cmpuint (count_options (problem, 0, 1), ==, 2);
  g_assert_nonnull (find_option (problem, 0, 1, "M"));
  g_assert_nonnull (find_option (problem, 0, 1, "A"));
  g_assert_null (find_option (problem, 0, 1, "L"));
  g_assert_null (find_option (problem, 0, 1, "H"));
  g_assert_cmpuint (count_options (problem, 0, 2), ==, 4);
  g_assert_cmpuint (count_options (problem, 0, 3), ==, 0);
  g_assert_cmpuint (count_options (problem, 0, 4), ==, 4);
  g_assert_cmpuint (count_options (problem, 0, 5), ==, 0);
  g_assert_cmpuint (count_options (problem, 0, 6), ==, 0);
}

static void
test_options_night_leave (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 3);
  g_autoptr(EscProblem) problem = NULL;
  EscRow *row;

  ROW (project, ESC_TABLE_SHIFT, "N", "22:00", "06:00");
  ROW (project, ESC_TABLE_PATTERN, "ALL", "N", "N", "N", "N", "N", "N", "N");
  row = add_employee (project, "E1", "ALL");
  /* Leave on Wednesday 05:00-07:00: Tuesday's night shift ends at 06:00 Wednesday. */
  esc_row_set (row, ESC_EMPLOYEE_LEAVE, "09/12/2026 05:00 - 09/12/2026 07:00");
  allow_every_day (project);
  problem = compile (project);

  g_assert_cmpuint (count_options (problem, 0, 0), ==, 1);
  g_assert_cmpuint (count_options (problem, 0, 1), ==, 0);
  g_assert_cmpuint (count_options (problem, 0, 2), ==, 1);
}

static void
test_options_bans (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 4);
  g_autoptr(EscProblem) problem = NULL;
  const EscProblemEmployee *employee;

  ROW (project, ESC_TABLE_SHIFT, "M", "08:00", "16:00");
  ROW (project, ESC_TABLE_SHIFT, "A", "14:00", "22:00");
  ROW (project, ESC_TABLE_SHIFT, "N", "22:00", "06:00");
  ROW (project, ESC_TABLE_PATTERN, "ALL", "M, A, N", "M, A, N", "M, A, N", "M, A, N",
       "M, A, N", "M, A, N", "M, A, N");
  add_employee (project, "E1", "ALL");
  add_employee (project, "E2", "ALL");
  allow_every_day (project);
  ROW (project, ESC_TABLE_PREFERENCE, "E1", "ban", "2026-12-08", "M");  /* Tuesday M */
  ROW (project, ESC_TABLE_PREFERENCE, "E1", "ban", NULL, "N");          /* never N */
  ROW (project, ESC_TABLE_PREFERENCE, "E2", "ban", "2027-01-05", "M");  /* outside */
  problem = compile (project);

  employee = esc_problem_get_employee (problem, 0);
  g_assert_cmpuint (employee->bans->len, ==, 2);
  g_assert_cmpint (g_array_index (employee->bans, EscProblemBan, 0).day, ==, 1);
  g_assert_cmpint (g_array_index (employee->bans, EscProblemBan, 0).shift, ==, 0);
  g_assert_cmpint (g_array_index (employee->bans, EscProblemBan, 1).day, ==, ESC_NONE);
  g_assert_cmpint (g_array_index (employee->bans, EscProblemBan, 1).shift, ==, 2);

  g_assert_cmpuint (count_options (problem, 0, 0), ==, 2);  /* M, A */
  g_assert_null (find_option (problem, 0, 0, "N"));
  g_assert_cmpuint (count_options (problem, 0, 1), ==, 1);  /* A */
  g_assert_nonnull (find_option (problem, 0, 1, "A"));
  g_assert_cmpuint (count_options (problem, 0, 2), ==, 2);
  g_assert_cmpuint (count_options (problem, 0, 3), ==, 2);

  g_assert_cmpuint (esc_problem_get_employee (problem, 1)->bans->len, ==, 0);
  for (int d = 0; d < 4; d++)
    g_assert_cmpuint (count_options (problem, 1, d), ==, 3);
}

/* Employees */

static void
test_employee_fields (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 7);
  g_autoptr(EscProblem) problem = NULL;
  const EscProblemEmployee *employee;
  EscRow *row;
  int night;

  ROW (project, ESC_TABLE_SHIFT, "Day", "08:00", "16:00");
  ROW (project, ESC_TABLE_SHIFT, "Night", "22:00", "06:00");
  ROW (project, ESC_TABLE_PATTERN, "P1", "Day, Night");
  add_employee (project, "E1", "P1");
  row = add_employee (project, "E2", "P1");
  esc_row_set (row, ESC_EMPLOYEE_NAME, "Bruno");
  esc_row_set (row, ESC_EMPLOYEE_WEEKLY_HOURS, "07:36");
  esc_row_set (row, ESC_EMPLOYEE_MAX_CONSECUTIVE_DAYS, "5");
  esc_row_set (row, ESC_EMPLOYEE_MAX_CONSECUTIVE_SUNDAYS, "1");
  esc_row_set (row, ESC_EMPLOYEE_LIMITED_WEEKDAY, "sáb");
  esc_row_set (row, ESC_EMPLOYEE_PREFERRED_REST, "wed");
  esc_row_set (row, ESC_EMPLOYEE_COMPENSATION_DEADLINE, "30");
  esc_row_set (row, ESC_EMPLOYEE_MIN_HOURS, "20");
  esc_row_set (row, ESC_EMPLOYEE_MAX_HOURS, "40.5");
  esc_row_set (row, ESC_EMPLOYEE_MAX_REST_DAYS, "2");
  esc_row_set (row, ESC_EMPLOYEE_MIN_CONSECUTIVE_DAYS, "2");
  esc_row_set (row, ESC_EMPLOYEE_MIN_CONSECUTIVE_DAYS_OFF, "1");
  esc_row_set (row, ESC_EMPLOYEE_MAX_WEEKENDS, "1");
  esc_row_set (row, ESC_EMPLOYEE_MAX_SHIFTS, "Night:2");
  ROW (project, ESC_TABLE_PREFERENCE, "E2", "prefer", NULL, "Night", "3");
  ROW (project, ESC_TABLE_PREFERENCE, "E2", "day_off", "2026-12-09");
  ROW (project, ESC_TABLE_PREFERENCE, "E2", "shift_on", "2026-12-10", "Day", "2.5");
  ROW (project, ESC_TABLE_PREFERENCE, "E2", "shift_off", "2026-12-11", "Night");
  ROW (project, ESC_TABLE_PREFERENCE, "E2", "day_off", "2026-12-31");  /* outside: dropped */
  problem = compile (project);
  night = esc_problem_find_shift (problem, "Night");

  employee = esc_problem_get_employee (problem, 0);
  g_assert_cmpstr (employee->id, ==, "E1");
  g_assert_cmpstr (employee->name, ==, "E1");
  g_assert_cmpint (employee->store, ==, 0);
  g_assert_cmpint (employee->role, ==, 0);
  g_assert_cmpint (employee->weekly_max_minutes, ==, 44 * 60);
  g_assert_cmpint (employee->max_consecutive_days, ==, 6);
  g_assert_cmpint (employee->max_consecutive_limited, ==, ESC_NONE);
  g_assert_cmpint (employee->limited_weekday, ==, ESC_SUN);
  g_assert_cmpint (employee->preferred_rest, ==, ESC_NONE);
  g_assert_cmpint (employee->compensation_deadline, ==, ESC_NONE);
  g_assert_cmpint (employee->min_minutes, ==, ESC_NONE);
  g_assert_cmpint (employee->max_minutes, ==, ESC_NONE);
  g_assert_cmpint (employee->max_rest_days, ==, ESC_NONE);
  g_assert_cmpint (employee->min_consecutive_days, ==, ESC_NONE);
  g_assert_cmpint (employee->min_consecutive_off, ==, ESC_NONE);
  g_assert_cmpint (employee->max_weekends, ==, ESC_NONE);
  g_assert_cmpint (employee->max_shift_count[0], ==, ESC_NONE);
  g_assert_cmpint (employee->max_shift_count[1], ==, ESC_NONE);
  g_assert_cmpuint (employee->wishes->len, ==, 0);
  g_assert_cmpint (employee->history_last_end, ==, ESC_NONE);

  employee = esc_problem_get_employee (problem, 1);
  g_assert_cmpstr (employee->name, ==, "Bruno");
  g_assert_cmpint (employee->weekly_max_minutes, ==, 456);
  g_assert_cmpint (employee->max_consecutive_days, ==, 5);
  g_assert_cmpint (employee->max_consecutive_limited, ==, 1);
  g_assert_cmpint (employee->limited_weekday, ==, ESC_SAT);
  g_assert_cmpint (employee->preferred_rest, ==, ESC_WED);
  g_assert_cmpint (employee->compensation_deadline, ==, 30);
  g_assert_cmpint (employee->min_minutes, ==, 1200);
  g_assert_cmpint (employee->max_minutes, ==, 2430);
  g_assert_cmpint (employee->max_rest_days, ==, 2);
  g_assert_cmpint (employee->min_consecutive_days, ==, 2);
  g_assert_cmpint (employee->min_consecutive_off, ==, 1);
  g_assert_cmpint (employee->max_weekends, ==, 1);
  g_assert_cmpint (employee->max_shift_count[0], ==, ESC_NONE);
  g_assert_cmpint (employee->max_shift_count[night], ==, 2);

  g_assert_cmpuint (employee->wishes->len, ==, 4);
  {
    const EscProblemWish *w = (const EscProblemWish *) employee->wishes->data;

    g_assert_cmpint (w[0].kind, ==, ESC_WISH_PREFER);
    g_assert_cmpint (w[0].day, ==, ESC_NONE);
    g_assert_cmpint (w[0].shift, ==, night);
    g_assert_cmpfloat (w[0].weight, ==, 3);
    g_assert_cmpint (w[1].kind, ==, ESC_WISH_DAY_OFF);
    g_assert_cmpint (w[1].day, ==, 2);
    g_assert_cmpint (w[1].shift, ==, ESC_NONE);
    g_assert_cmpfloat (w[1].weight, ==, 1);
    g_assert_cmpint (w[2].kind, ==, ESC_WISH_SHIFT_ON);
    g_assert_cmpint (w[2].day, ==, 3);
    g_assert_cmpint (w[2].shift, ==, 0);
    g_assert_cmpfloat (w[2].weight, ==, 2.5);
    g_assert_cmpint (w[3].kind, ==, ESC_WISH_SHIFT_OFF);
    g_assert_cmpint (w[3].day, ==, 4);
    g_assert_cmpint (w[3].shift, ==, night);
  }

  g_assert_cmpint (esc_problem_find_employee (problem, "E2"), ==, 1);
  g_assert_cmpint (esc_problem_find_employee (problem, "E9"), ==, ESC_NONE);
}

static void
test_filter_store_role (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 7);
  g_autoptr(EscProblem) problem = NULL;
  const EscProblemGroup *group;

  ROW (project, ESC_TABLE_STORE, "S2", "L1");
  ROW (project, ESC_TABLE_ROLE, "R2");
  ROW (project, ESC_TABLE_PATTERN, "P1", "08:00 - 16:00");
  add_employee (project, "E1", "P1");
  ROW (project, ESC_TABLE_EMPLOYEE, "E2", NULL, "R2", "S1", "44", [ESC_EMPLOYEE_PATTERNS] = "P1");
  ROW (project, ESC_TABLE_EMPLOYEE, "E3", NULL, "R1", "S2", "44", [ESC_EMPLOYEE_PATTERNS] = "P1");
  ROW (project, ESC_TABLE_EMPLOYEE, "E4", NULL, "R2", "S2", "44", [ESC_EMPLOYEE_PATTERNS] = "P1");
  ROW (project, ESC_TABLE_PREFERENCE, "E2", "day_off", "2026-12-08");
  ROW (project, ESC_TABLE_PREVIOUS_ALLOCATION, "E3", "2026-12-06", "8");
  ROW (project, ESC_TABLE_DEMAND, "S2", "R2", "mon", "08:00", "16:00", NULL, "1");

  /* Everything: four groups, sorted by store then role. */
  problem = compile (project);
  g_assert_cmpuint (problem->employees->len, ==, 4);
  g_assert_cmpuint (problem->groups->len, ==, 4);
  for (guint g = 0; g < 4; g++)
    {
      group = g_ptr_array_index (problem->groups, g);
      g_assert_cmpint (group->store, ==, (int) g / 2);
      g_assert_cmpint (group->role, ==, (int) g % 2);
      g_assert_cmpuint (group->employees->len, ==, 1);
    }
  g_assert_cmpuint (problem->slots->len, ==, 1);
  g_clear_pointer (&problem, esc_problem_unref);

  /* Only store S2. */
  esc_project_set_parameter (project, "store_id", "S2");
  problem = compile (project);
  g_assert_cmpuint (problem->store_ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problem->store_ids, 0), ==, "S2");
  g_assert_cmpuint (problem->role_ids->len, ==, 2);
  g_assert_cmpuint (problem->employees->len, ==, 2);
  g_assert_cmpstr (esc_problem_get_employee (problem, 0)->id, ==, "E3");
  g_assert_cmpstr (esc_problem_get_employee (problem, 1)->id, ==, "E4");
  g_assert_cmpint (esc_problem_get_employee (problem, 0)->history_consecutive_days, ==, 1);
  g_assert_cmpuint (problem->groups->len, ==, 2);
  g_clear_pointer (&problem, esc_problem_unref);

  /* Store S1 and S2, role R2. */
  esc_project_set_parameter (project, "store_id", "S1, S2");
  esc_project_set_parameter (project, "role_id", "R2");
  problem = compile (project);
  g_assert_cmpuint (problem->employees->len, ==, 2);
  g_assert_cmpstr (esc_problem_get_employee (problem, 0)->id, ==, "E2");
  g_assert_cmpstr (esc_problem_get_employee (problem, 1)->id, ==, "E4");
  g_assert_cmpuint (esc_problem_get_employee (problem, 0)->wishes->len, ==, 1);
  g_assert_cmpuint (problem->groups->len, ==, 2);
  group = g_ptr_array_index (problem->groups, 1);
  g_assert_cmpint (group->store, ==, 1);
  g_assert_cmpint (group->role, ==, 0);
  g_assert_true (group->demand_day[0]);
  g_assert_cmpuint (problem->slots->len, ==, 1);
  g_assert_cmpint (get_slot (problem, 0)->group, ==, 1);
  g_assert_cmpint (esc_problem_get_employee (problem, 0)->group, ==, 0);
  g_assert_cmpint (esc_problem_get_employee (problem, 1)->group, ==, 1);
  g_assert_cmpint (esc_problem_find_employee (problem, "E1"), ==, ESC_NONE);
}

/* Slots */

static void
test_slots_breakpoints (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 1);  /* Monday */
  g_autoptr(EscProblem) problem = NULL;
  const EscProblemSlot *slot;

  ROW (project, ESC_TABLE_PATTERN, "EARLY", "08:00 - 16:00");
  ROW (project, ESC_TABLE_PATTERN, "LATE", "12:00 - 20:00");
  add_employee (project, "E1", "EARLY");
  add_employee (project, "E2", "LATE");
  add_window_demand (project, "mon", "08:00", "20:00", "1");
  ROW (project, ESC_TABLE_DEMAND, "S1", "R1", "2026-12-07", "10:00", "14:00", NULL, "2", "5",
       "0.5");
  problem = compile (project);

  /* Breakpoints 8, 10, 12, 14, 16, 20. */
  g_assert_cmpuint (problem->slots->len, ==, 5);
  assert_slot (problem, 0, 0, 480, 600, 1);
  assert_slot (problem, 1, 0, 600, 720, 2);
  assert_slot (problem, 2, 0, 720, 840, 2);
  assert_slot (problem, 3, 0, 840, 960, 1);
  assert_slot (problem, 4, 0, 960, 1200, 1);

  slot = get_slot (problem, 0);
  g_assert_cmpfloat (slot->under_weight, ==, 1);
  g_assert_cmpfloat (slot->over_weight, ==, 1);
  slot = get_slot (problem, 1);
  g_assert_cmpfloat (slot->under_weight, ==, 5);  /* max of 1 and 5 */
  g_assert_cmpfloat (slot->over_weight, ==, 1);   /* max of 1 and 0.5 */
  g_assert_cmpint (slot->group, ==, 0);

  /* Coverage: E1 (08-16) covers slots 0..3, E2 (12-20) slots 2..4. */
  {
    const EscProblemOption *early = get_option (problem, 0, 0, 0);
    const EscProblemOption *late = get_option (problem, 1, 0, 0);
    static const gboolean early_covers[] = { TRUE, TRUE, TRUE, TRUE, FALSE };
    static const gboolean late_covers[] = { FALSE, FALSE, TRUE, TRUE, TRUE };

    for (guint i = 0; i < 5; i++)
      {
        g_assert_cmpint (esc_problem_option_covers_slot (problem, early, get_slot (problem, i)),
                         ==, early_covers[i]);
        g_assert_cmpint (esc_problem_option_covers_slot (problem, late, get_slot (problem, i)),
                         ==, late_covers[i]);
      }
  }
}

static void
test_slots_merge (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 2);  /* Monday */
  g_autoptr(EscProblem) problem = NULL;

  ROW (project, ESC_TABLE_PATTERN, "FULL", "08:00 - 18:00", "08:00 - 18:00");
  add_employee (project, "E1", "FULL");
  /* Monday: two adjacent windows with the same requirement become one slot. */
  add_window_demand (project, "mon", "08:00", "12:00", "2");
  add_window_demand (project, "mon", "12:00", "18:00", "2");
  /* Tuesday: the same requirement but another surplus weight: two slots. */
  add_window_demand (project, "tue", "08:00", "12:00", "2");
  ROW (project, ESC_TABLE_DEMAND, "S1", "R1", "tue", "12:00", "18:00", NULL, "2", NULL, "3");
  problem = compile (project);

  g_assert_cmpuint (problem->slots->len, ==, 3);
  assert_slot (problem, 0, 0, 480, 1080, 2);
  assert_slot (problem, 1, 1, DAY + 480, DAY + 720, 2);
  assert_slot (problem, 2, 1, DAY + 720, DAY + 1080, 2);
  g_assert_cmpfloat (get_slot (problem, 2)->over_weight, ==, 3);
  g_clear_pointer (&problem, esc_problem_unref);
  g_clear_object (&project);

  /* An option that starts where the windows meet keeps them apart. */
  project = new_project ("2026-12-07", 1);
  ROW (project, ESC_TABLE_PATTERN, "AM", "08:00 - 12:00");
  ROW (project, ESC_TABLE_PATTERN, "PM", "12:00 - 18:00");
  add_employee (project, "E1", "AM");
  add_employee (project, "E2", "PM");
  add_window_demand (project, "mon", "08:00", "12:00", "1");
  add_window_demand (project, "mon", "12:00", "18:00", "1");
  problem = compile (project);
  g_assert_cmpuint (problem->slots->len, ==, 2);
  assert_slot (problem, 0, 0, 480, 720, 1);
  assert_slot (problem, 1, 0, 720, 1080, 1);
  g_clear_pointer (&problem, esc_problem_unref);
  g_clear_object (&project);

  /* A gap between windows is no slot; a window wholly covered by one option is one slot
   * even when other options end outside it. */
  project = new_project ("2026-12-07", 1);
  ROW (project, ESC_TABLE_PATTERN, "P", "06:00 - 20:00");
  add_employee (project, "E1", "P");
  add_window_demand (project, "mon", "08:00", "10:00", "1");
  add_window_demand (project, "mon", "14:00", "16:00", "3");
  problem = compile (project);
  g_assert_cmpuint (problem->slots->len, ==, 2);
  assert_slot (problem, 0, 0, 480, 600, 1);
  assert_slot (problem, 1, 0, 840, 960, 3);
}

/* A grid-aligned instance: every time on the hour. */
static EscProject *
new_aligned_project (const char *granularity)
{
  EscProject *project = new_project ("2026-12-07", 7);

  esc_project_set_parameter (project, "granularity", granularity);
  ROW (project, ESC_TABLE_SHIFT, "N", "22:00", "06:00");
  ROW (project, ESC_TABLE_PATTERN, "A", "07:00 - 15:00", "07:00 - 15:00", "07:00 - 15:00",
       "07:00 - 15:00", "07:00 - 15:00", "09:00 - 13:00", "N");
  ROW (project, ESC_TABLE_PATTERN, "B", "13:00 - 21:00", "13:00 - 21:00", "10:00 - 18:00",
       "13:00 - 21:00", "13:00 - 21:00", "13:00 - 21:00", "10:00 - 18:00");
  add_employee (project, "E1", "A");
  add_employee (project, "E2", "B");
  add_employee (project, "E3", "A, B");
  for (guint i = 0; i < 7; i++)
    {
      static const char * const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

      add_window_demand (project, days[i], "08:00", "12:00", "2");
      add_window_demand (project, days[i], "11:00", "20:00", "1");
      add_window_demand (project, days[i], "00:00", "06:00", "1");
    }
  return project;
}

static void
test_slots_granularity (void)
{
  g_autoptr(EscProject) fine_project = new_aligned_project ("1");
  g_autoptr(EscProject) coarse_project = new_aligned_project ("60");
  g_autoptr(EscProblem) fine = compile (fine_project);
  g_autoptr(EscProblem) coarse = compile (coarse_project);

  g_assert_cmpint (fine->granularity, ==, 1);
  g_assert_cmpint (coarse->granularity, ==, 60);
  g_assert_cmpuint (fine->slots->len, >, 7);
  g_assert_cmpuint (fine->slots->len, ==, coarse->slots->len);
  for (guint i = 0; i < fine->slots->len; i++)
    {
      const EscProblemSlot *a = get_slot (fine, i);
      const EscProblemSlot *b = get_slot (coarse, i);

      g_assert_cmpint (a->start, ==, b->start);
      g_assert_cmpint (a->end, ==, b->end);
      g_assert_cmpint (a->required, ==, b->required);
      g_assert_cmpint (a->day, ==, b->day);
      g_assert_cmpint (a->start % 60, ==, 0);
    }

  /* Monday, by hand: windows 00-06 (1), 08-12 (2), 11-20 (1); options 07-15 and 13-21
   * (no night shift before day 0). Breakpoints inside windows: 0, 6 | 8, 11, 12, 13, 15,
   * 20; 08-11 and 11-12 need 2 each and the same options cover them (11 is only a window
   * end), so they merge: slots 00-06, 08-12, 12-13, 13-15, 15-20. */
  assert_slot (fine, 0, 0, 0, 360, 1);
  assert_slot (fine, 1, 0, 480, 720, 2);
  assert_slot (fine, 2, 0, 720, 780, 1);
  assert_slot (fine, 3, 0, 780, 900, 1);
  assert_slot (fine, 4, 0, 900, 1200, 1);
  g_assert_cmpint (get_slot (fine, 5)->day, ==, 1);
  /* Tuesday's night slot is not covered by anyone: Monday has no night shift. */
  assert_slot (fine, 5, 1, DAY, DAY + 360, 1);
  /* Monday's 00-06 slot: nobody covers it; 07-15 covers 08-12 and 12-13, 13-21 does not
   * cover 12-13. */
  {
    const EscProblemOption *early = find_option (fine, 0, 0, "07:00 - 15:00");
    const EscProblemOption *late = find_option (fine, 1, 0, "13:00 - 21:00");

    g_assert_false (esc_problem_option_covers_slot (fine, early, get_slot (fine, 0)));
    g_assert_true (esc_problem_option_covers_slot (fine, early, get_slot (fine, 1)));
    g_assert_true (esc_problem_option_covers_slot (fine, early, get_slot (fine, 2)));
    g_assert_false (esc_problem_option_covers_slot (fine, late, get_slot (fine, 2)));
    g_assert_true (esc_problem_option_covers_slot (fine, late, get_slot (fine, 3)));
    g_assert_true (esc_problem_option_covers_slot (fine, late, get_slot (fine, 4)));
  }
}

static void
test_slots_rounding (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 1);
  g_autoptr(EscProblem) problem = NULL;
  const EscProblemOption *option;

  ROW (project, ESC_TABLE_PATTERN, "P", "08:10 - 16:10");
  add_employee (project, "E1", "P");
  add_window_demand (project, "mon", "08:00", "12:00", "1");
  add_window_demand (project, "mon", "20:00", "20:20", "1");  /* rounds to nothing at 60 */

  /* Exact: the option starts at 08:10 and covers only the second piece. */
  problem = compile (project);
  option = get_option (problem, 0, 0, 0);
  g_assert_cmpint (option->start, ==, 490);
  g_assert_cmpuint (problem->slots->len, ==, 3);
  assert_slot (problem, 0, 0, 480, 490, 1);
  assert_slot (problem, 1, 0, 490, 720, 1);
  assert_slot (problem, 2, 0, 1200, 1220, 1);
  g_assert_false (esc_problem_option_covers_slot (problem, option, get_slot (problem, 0)));
  g_assert_true (esc_problem_option_covers_slot (problem, option, get_slot (problem, 1)));
  g_assert_false (esc_problem_option_covers_slot (problem, option, get_slot (problem, 2)));
  g_clear_pointer (&problem, esc_problem_unref);

  /* Hourly: 08:10 rounds to 08:00; the option keeps its exact times. */
  esc_project_set_parameter (project, "granularity", "60");
  problem = compile (project);
  option = get_option (problem, 0, 0, 0);
  g_assert_cmpint (option->start, ==, 490);
  g_assert_cmpint (esc_problem_round (problem, 490), ==, 480);
  g_assert_cmpint (esc_problem_round (problem, 510), ==, 540);  /* halves round up */
  g_assert_cmpint (esc_problem_round (problem, 509), ==, 480);
  g_assert_cmpuint (problem->slots->len, ==, 1);
  assert_slot (problem, 0, 0, 480, 720, 1);
  g_assert_true (esc_problem_option_covers_slot (problem, option, get_slot (problem, 0)));
  g_clear_pointer (&problem, esc_problem_unref);

  /* 15 minutes: 08:10 rounds to 08:15. */
  esc_project_set_parameter (project, "granularity", "15");
  problem = compile (project);
  g_assert_cmpuint (problem->slots->len, ==, 3);
  assert_slot (problem, 0, 0, 480, 495, 1);
  assert_slot (problem, 1, 0, 495, 720, 1);
  assert_slot (problem, 2, 0, 1200, 1215, 1);
}

static void
test_slots_night (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 2);
  g_autoptr(EscProblem) problem = NULL;
  const EscProblemOption *night;

  ROW (project, ESC_TABLE_SHIFT, "N", "22:00", "06:00");
  ROW (project, ESC_TABLE_SHIFT, "H", NULL, NULL, NULL, "8");
  ROW (project, ESC_TABLE_PATTERN, "P", "N, H", "H");
  add_employee (project, "E1", "P");
  add_window_demand (project, "mon", "20:00", "24:00", "1");
  add_window_demand (project, "tue", "00:00", "08:00", "1");
  problem = compile (project);

  /* Monday 20-22, 22-24; Tuesday 00-06, 06-08 (Monday's night shift counts); H (no clock
   * times) adds no breakpoint. */
  g_assert_cmpuint (problem->slots->len, ==, 4);
  assert_slot (problem, 0, 0, 1200, 1320, 1);
  assert_slot (problem, 1, 0, 1320, 1440, 1);
  assert_slot (problem, 2, 1, DAY, DAY + 360, 1);
  assert_slot (problem, 3, 1, DAY + 360, DAY + 480, 1);
  night = find_option (problem, 0, 0, "N");
  g_assert_nonnull (night);
  g_assert_false (esc_problem_option_covers_slot (problem, night, get_slot (problem, 0)));
  g_assert_true (esc_problem_option_covers_slot (problem, night, get_slot (problem, 1)));
  g_assert_true (esc_problem_option_covers_slot (problem, night, get_slot (problem, 2)));
  g_assert_false (esc_problem_option_covers_slot (problem, night, get_slot (problem, 3)));
  g_assert_false (esc_problem_option_covers_slot (problem, find_option (problem, 0, 1, "H"),
                                                  get_slot (problem, 2)));
}

static void
test_shift_demands (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 8);  /* Monday */
  g_autoptr(EscProblem) problem = NULL;
  const EscProblemShiftDemand *sd;

  ROW (project, ESC_TABLE_SHIFT, "Early", NULL, NULL, NULL, "8");
  ROW (project, ESC_TABLE_SHIFT, "Late", NULL, NULL, NULL, "8");
  ROW (project, ESC_TABLE_PATTERN, "P", "Early, Late");
  add_employee (project, "E1", "P");
  ROW (project, ESC_TABLE_DEMAND, [ESC_DEMAND_STORE] = "S1", [ESC_DEMAND_ROLE] = "R1",
       [ESC_DEMAND_DAY] = "mon", [ESC_DEMAND_SHIFT] = "Late", [ESC_DEMAND_QUANTITY] = "2");
  ROW (project, ESC_TABLE_DEMAND, [ESC_DEMAND_STORE] = "S1", [ESC_DEMAND_ROLE] = "R1",
       [ESC_DEMAND_DAY] = "mon", [ESC_DEMAND_SHIFT] = "Early", [ESC_DEMAND_QUANTITY] = "2");
  ROW (project, ESC_TABLE_DEMAND, [ESC_DEMAND_STORE] = "S1", [ESC_DEMAND_ROLE] = "R1",
       [ESC_DEMAND_DAY] = "2026-12-07", [ESC_DEMAND_SHIFT] = "Early",
       [ESC_DEMAND_QUANTITY] = "3", [ESC_DEMAND_UNDER_WEIGHT] = "4");
  ROW (project, ESC_TABLE_DEMAND, [ESC_DEMAND_STORE] = "S1", [ESC_DEMAND_ROLE] = "R1",
       [ESC_DEMAND_DAY] = "2026-12-08", [ESC_DEMAND_SHIFT] = "Early",
       [ESC_DEMAND_QUANTITY] = "0", [ESC_DEMAND_OVER_WEIGHT] = "0.5");
  problem = compile (project);

  /* Monday 7: Early (max 3, weights 4 / 1), Late 2; Tuesday 8: Early 0; Monday 14 (day 7):
   * Early 2, Late 2. */
  g_assert_cmpuint (problem->slots->len, ==, 0);
  g_assert_cmpuint (problem->shift_demands->len, ==, 5);
  sd = &g_array_index (problem->shift_demands, EscProblemShiftDemand, 0);
  g_assert_cmpint (sd->group, ==, 0);
  g_assert_cmpint (sd->day, ==, 0);
  g_assert_cmpint (sd->shift, ==, 0);
  g_assert_cmpint (sd->required, ==, 3);
  g_assert_cmpfloat (sd->under_weight, ==, 4);
  g_assert_cmpfloat (sd->over_weight, ==, 1);
  sd = &g_array_index (problem->shift_demands, EscProblemShiftDemand, 1);
  g_assert_cmpint (sd->day, ==, 0);
  g_assert_cmpint (sd->shift, ==, 1);
  g_assert_cmpint (sd->required, ==, 2);
  sd = &g_array_index (problem->shift_demands, EscProblemShiftDemand, 2);
  g_assert_cmpint (sd->day, ==, 1);
  g_assert_cmpint (sd->shift, ==, 0);
  g_assert_cmpint (sd->required, ==, 0);
  g_assert_cmpfloat (sd->over_weight, ==, 0.5);
  sd = &g_array_index (problem->shift_demands, EscProblemShiftDemand, 3);
  g_assert_cmpint (sd->day, ==, 7);
  g_assert_cmpint (sd->shift, ==, 0);
  g_assert_cmpint (sd->required, ==, 2);
  g_assert_cmpfloat (sd->under_weight, ==, 1);
  sd = &g_array_index (problem->shift_demands, EscProblemShiftDemand, 4);
  g_assert_cmpint (sd->day, ==, 7);
  g_assert_cmpint (sd->shift, ==, 1);

  /* Options only on the three demand days; shifts without times: start d * 1440. */
  for (int d = 0; d < 8; d++)
    g_assert_cmpuint (count_options (problem, 0, d), ==, (d == 0 || d == 7) ? 2 : 0);
}

static void
test_sequences (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 7);
  g_autoptr(EscProblem) problem = NULL;
  const EscProblemSequence *sequence;

  ROW (project, ESC_TABLE_SHIFT, "Early", NULL, NULL, NULL, "8");
  ROW (project, ESC_TABLE_SHIFT, "Late", NULL, NULL, NULL, "8");
  ROW (project, ESC_TABLE_SHIFT, "Night", NULL, NULL, NULL, "8");
  ROW (project, ESC_TABLE_FORBIDDEN_SEQUENCE, "Night", "Early");
  ROW (project, ESC_TABLE_FORBIDDEN_SEQUENCE, "Late", "Early");
  ROW (project, ESC_TABLE_FORBIDDEN_SEQUENCE, "Night", "Early");
  problem = compile (project);

  g_assert_cmpuint (problem->sequences->len, ==, 2);
  sequence = &g_array_index (problem->sequences, EscProblemSequence, 0);
  g_assert_cmpint (sequence->first, ==, 2);
  g_assert_cmpint (sequence->next, ==, 0);
  sequence = &g_array_index (problem->sequences, EscProblemSequence, 1);
  g_assert_cmpint (sequence->first, ==, 1);
  g_assert_cmpint (sequence->next, ==, 0);
}

/* Holidays */

static void
test_holidays (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 7);
  g_autoptr(EscProblem) problem = NULL;
  static const gboolean expected[3][7] = {
    /*        d0     d1     d2     d3     d4     d5     d6 */
    /* S1 */ { FALSE, TRUE, TRUE,  FALSE, FALSE, FALSE, TRUE },
    /* S2 */ { FALSE, TRUE, FALSE, FALSE, FALSE, FALSE, TRUE },
    /* S3 */ { FALSE, TRUE, TRUE,  TRUE,  FALSE, FALSE, TRUE },
  };

  ROW (project, ESC_TABLE_LOCATION, "L2", "Rio de Janeiro", "RJ", "Brasil");
  ROW (project, ESC_TABLE_LOCATION, "L3", "Campinas", "SP", "BR");
  ROW (project, ESC_TABLE_STORE, "S2", "L2");
  ROW (project, ESC_TABLE_STORE, "S3", "L3");
  ROW (project, ESC_TABLE_HOLIDAY, "2026-12-08", "National", "yes");
  ROW (project, ESC_TABLE_HOLIDAY, "2026-12-09", "State", "no", NULL, "SP");
  ROW (project, ESC_TABLE_HOLIDAY, "2026-12-10", "Municipal", "no", NULL, "L3");
  ROW (project, ESC_TABLE_HOLIDAY, "2026-12-11", "Half day", "yes", NULL, NULL, "no");
  ROW (project, ESC_TABLE_HOLIDAY, "2026-12-12", "Portugal", "yes", "PT");
  ROW (project, ESC_TABLE_HOLIDAY, "2026-12-13", "Brazil", "yes", "BR", NULL, "yes");
  ROW (project, ESC_TABLE_HOLIDAY, "2026-11-20", "Before", "yes");
  problem = compile (project);

  g_assert_cmpuint (problem->store_ids->len, ==, 3);
  for (int s = 0; s < 3; s++)
    for (int d = 0; d < 7; d++)
      g_assert_cmpint (problem->store_holiday[s * 7 + d], ==, expected[s][d]);
}

/* History */

static void
test_history (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-09", 7);  /* a Wednesday */
  g_autoptr(EscProblem) problem = NULL;
  const EscProblemEmployee *employee;
  EscRow *row;
  static const char * const e1_history[][2] = {
    { "2026-11-15", "8" },      /* Sunday, holiday worked, compensated on 11-25 */
    { "2026-11-20", "08:00" },  /* holiday worked, compensated on 12-05 */
    { "2026-11-22", "6" },      /* Sunday */
    { "2026-11-25", "C" },
    { "2026-11-29", "6" },      /* Sunday */
    { "2026-12-02", "8" },      /* holiday worked, pending: deadline -7 + 30 */
    { "2026-12-04", "8" },
    { "2026-12-05", "C" },
    { "2026-12-06", "4" },      /* Sunday */
    { "2026-12-07", "07:30" },  /* Monday, this planning week */
    { "2026-12-08", "4" },
    { "2026-12-08", "04:00" },  /* the same day twice: 8 h */
    { "2026-12-09", "8" },      /* day 0: ignored */
    { "2026-12-10", "8" },
  };

  ROW (project, ESC_TABLE_PATTERN, "P", "08:00 - 16:00");
  row = add_employee (project, "E1", "P");
  esc_row_set (row, ESC_EMPLOYEE_COMPENSATION_DEADLINE, "30");
  row = add_employee (project, "E2", "P");
  esc_row_set (row, ESC_EMPLOYEE_COMPENSATION_DEADLINE, "5");
  esc_row_set (row, ESC_EMPLOYEE_LIMITED_WEEKDAY, "tue");
  add_employee (project, "E3", "P");
  ROW (project, ESC_TABLE_HOLIDAY, "2026-11-15", "A", "yes");
  ROW (project, ESC_TABLE_HOLIDAY, "2026-11-20", "B", "no", NULL, "SP");
  ROW (project, ESC_TABLE_HOLIDAY, "2026-12-02", "C", "no", NULL, "L1");
  ROW (project, ESC_TABLE_HOLIDAY, "2026-12-03", "Not here", "no", NULL, "RJ");

  for (guint i = 0; i < G_N_ELEMENTS (e1_history); i++)
    ROW (project, ESC_TABLE_PREVIOUS_ALLOCATION, "E1", e1_history[i][0], e1_history[i][1]);

  /* E2: a C before any holiday compensates nothing; 11-20 stays pending and is overdue
   * (deadline -19 + 5); worked on 12-03 (a holiday elsewhere) and the last two
   * Tuesdays, not 11-24; a zero-hour day breaks the run. */
  ROW (project, ESC_TABLE_PREVIOUS_ALLOCATION, "E2", "2026-11-10", "C");
  ROW (project, ESC_TABLE_PREVIOUS_ALLOCATION, "E2", "2026-11-20", "8");
  ROW (project, ESC_TABLE_PREVIOUS_ALLOCATION, "E2", "2026-12-01", "8");
  ROW (project, ESC_TABLE_PREVIOUS_ALLOCATION, "E2", "2026-12-03", "8");
  ROW (project, ESC_TABLE_PREVIOUS_ALLOCATION, "E2", "2026-12-06", "0");
  ROW (project, ESC_TABLE_PREVIOUS_ALLOCATION, "E2", "2026-12-07", "8");
  ROW (project, ESC_TABLE_PREVIOUS_ALLOCATION, "E2", "2026-12-08", "8");

  /* E3: worked a holiday but has no compensation deadline. */
  ROW (project, ESC_TABLE_PREVIOUS_ALLOCATION, "E3", "2026-12-02", "8");
  problem = compile (project);

  employee = esc_problem_get_employee (problem, 0);
  g_assert_cmpint (employee->history_consecutive_days, ==, 3);     /* 12-06, 07, 08 */
  /* Sundays 12-06, 11-29, 11-22 and 11-15; 11-08 has no row. */
  g_assert_cmpint (employee->history_consecutive_limited, ==, 4);
  g_assert_cmpint (employee->history_week_days, ==, 2);
  g_assert_cmpint (employee->history_week_minutes, ==, 450 + 480);
  g_assert_cmpint (employee->history_last_end, ==, ESC_NONE);
  g_assert_cmpuint (employee->pending_compensations->len, ==, 1);
  g_assert_cmpint (g_array_index (employee->pending_compensations, int, 0), ==, -7 + 30);

  employee = esc_problem_get_employee (problem, 1);
  g_assert_cmpint (employee->history_consecutive_days, ==, 2);     /* 12-07, 12-08 */
  g_assert_cmpint (employee->history_consecutive_limited, ==, 2);  /* Tue 12-08, 12-01 */
  g_assert_cmpint (employee->history_week_minutes, ==, 960);
  g_assert_cmpuint (employee->pending_compensations->len, ==, 1);
  g_assert_cmpint (g_array_index (employee->pending_compensations, int, 0), ==, -19 + 5);

  employee = esc_problem_get_employee (problem, 2);
  g_assert_cmpint (employee->history_consecutive_days, ==, 0);
  g_assert_cmpint (employee->history_consecutive_limited, ==, 0);
  g_assert_cmpint (employee->history_week_minutes, ==, 0);
  g_assert_cmpint (employee->history_week_days, ==, 2);
  g_assert_cmpuint (employee->pending_compensations->len, ==, 0);
}

static void
test_history_week_start (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 7);  /* a Monday */
  g_autoptr(EscProblem) problem = NULL;
  const EscProblemEmployee *employee;

  ROW (project, ESC_TABLE_PATTERN, "P", "08:00 - 16:00");
  add_employee (project, "E1", "P");
  ROW (project, ESC_TABLE_PREVIOUS_ALLOCATION, "E1", "2026-12-06", "8");
  ROW (project, ESC_TABLE_PREVIOUS_ALLOCATION, "E1", "2026-12-05", "8");

  /* Weeks from Monday: day 0 starts its week, nothing before it counts. */
  problem = compile (project);
  employee = esc_problem_get_employee (problem, 0);
  g_assert_cmpint (employee->history_week_days, ==, 0);
  g_assert_cmpint (employee->history_week_minutes, ==, 0);
  g_assert_cmpint (employee->history_consecutive_days, ==, 2);
  g_assert_cmpint (employee->history_consecutive_limited, ==, 1);
  g_clear_pointer (&problem, esc_problem_unref);

  /* Weeks from Saturday: Saturday and Sunday are in day 0's week. */
  esc_project_set_parameter (project, "first_day_of_week", "sat");
  problem = compile (project);
  employee = esc_problem_get_employee (problem, 0);
  g_assert_cmpint (employee->history_week_days, ==, 2);
  g_assert_cmpint (employee->history_week_minutes, ==, 960);
}

/* Objectives */

static void
test_objectives (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  const char * const *names = esc_schema_get_objective_names ();
  const EscObjectiveLevel *level;

  for (int o = 0; o < ESC_N_OBJECTIVES; o++)
    g_assert_cmpstr (esc_objective_name (o), ==, names[o]);
  g_assert_null (names[ESC_N_OBJECTIVES]);
  g_assert_cmpstr (esc_objective_name (ESC_OBJ_MIN_HOURS), ==, "min_hours");
  g_assert_cmpstr (esc_objective_name (ESC_OBJ_OVER_COVERAGE), ==, "over_coverage");
  g_assert_false (esc_objective_is_maximised (ESC_OBJ_DEMAND_FULFILLMENT));
  g_assert_true (esc_objective_is_maximised (ESC_OBJ_HOLIDAY_COMPENSATION));
  g_assert_true (esc_objective_is_maximised (ESC_OBJ_PRIORITY_WORKING_DAYS));
  g_assert_true (esc_objective_is_maximised (ESC_OBJ_WORKING_DAYS));
  g_assert_true (esc_objective_is_maximised (ESC_OBJ_PREFERABLE_RESTS));
  g_assert_false (esc_objective_is_maximised (ESC_OBJ_WORKFORCE_BALANCE));
  g_assert_true (esc_objective_is_maximised (ESC_OBJ_WORKING_HOURS));
  g_assert_false (esc_objective_is_maximised (ESC_OBJ_MIN_HOURS));
  g_assert_true (esc_objective_is_maximised (ESC_OBJ_PREFERENCES));
  g_assert_false (esc_objective_is_maximised (ESC_OBJ_OVER_COVERAGE));

  /* The default order, for blank text. */
  levels = esc_objective_parse_levels ("  ", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (levels->len, ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      level = g_ptr_array_index (levels, i);
      g_assert_cmpstr (level->text, ==, names[i]);
      for (int o = 0; o < ESC_N_OBJECTIVES; o++)
        g_assert_cmpfloat (level->weight[o], ==, o == (int) i ? 1.0 : 0.0);
    }
  g_clear_pointer (&levels, g_ptr_array_unref);

  /* A weighted level, then a scaled one. */
  levels = esc_objective_parse_levels ("demand_fulfillment*100 + over_coverage+preferences, "
                                       "2.5*min_hours", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (levels->len, ==, 2);
  level = g_ptr_array_index (levels, 0);
  g_assert_cmpstr (level->text, ==, "demand_fulfillment*100 + over_coverage+preferences");
  g_assert_cmpfloat (level->weight[ESC_OBJ_DEMAND_FULFILLMENT], ==, 100);
  g_assert_cmpfloat (level->weight[ESC_OBJ_OVER_COVERAGE], ==, 1);
  g_assert_cmpfloat (level->weight[ESC_OBJ_PREFERENCES], ==, 1);
  g_assert_cmpfloat (level->weight[ESC_OBJ_MIN_HOURS], ==, 0);
  level = g_ptr_array_index (levels, 1);
  g_assert_cmpfloat (level->weight[ESC_OBJ_MIN_HOURS], ==, 2.5);
  g_clear_pointer (&levels, g_ptr_array_unref);

  levels = esc_objective_parse_levels ("min_hours, preferences", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (levels->len, ==, 2);
  level = g_ptr_array_index (levels, 1);
  g_assert_cmpfloat (level->weight[ESC_OBJ_PREFERENCES], ==, 1);
  g_clear_pointer (&levels, g_ptr_array_unref);

  /* Errors name what is wrong. */
  levels = esc_objective_parse_levels ("demand_fulfillment, happiness", &error);
  g_assert_error (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INVALID);
  g_assert_null (levels);
  g_assert_nonnull (strstr (error->message, "“happiness”"));
  g_assert_nonnull (strstr (error->message, "working_days"));
  g_clear_error (&error);

  levels = esc_objective_parse_levels ("min_hours, preferences+min_hours", &error);
  g_assert_error (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "appears twice"));
  g_clear_error (&error);

  levels = esc_objective_parse_levels ("min_hours*-3", &error);
  g_assert_error (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "-3"));
  g_clear_error (&error);

  levels = esc_objective_parse_levels ("min_hours,,preferences", &error);
  g_assert_error (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INVALID);
  g_clear_error (&error);

  levels = esc_objective_parse_levels ("min_hours*preferences", &error);
  g_assert_error (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INVALID);
  g_clear_error (&error);

  levels = esc_objective_parse_levels ("100*3", &error);
  g_assert_error (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_objectives_project (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 7);
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(GError) error = NULL;
  const EscObjectiveLevel *level;

  problem = compile (project);
  g_assert_cmpuint (problem->levels->len, ==, 7);
  g_clear_pointer (&problem, esc_problem_unref);

  esc_project_set_parameter (project, "objective_function", "min_hours, preferences");
  problem = compile (project);
  g_assert_cmpuint (problem->levels->len, ==, 2);
  level = g_ptr_array_index (problem->levels, 0);
  g_assert_cmpstr (level->text, ==, "min_hours");
  g_assert_cmpfloat (level->weight[ESC_OBJ_MIN_HOURS], ==, 1);
  g_clear_pointer (&problem, esc_problem_unref);

  /* An unknown objective is a validation error, refused before compiling. */
  esc_project_set_parameter (project, "objective_function", "min_hours, fun");
  problem = esc_problem_new_from_project (project, &error);
  g_assert_null (problem);
  g_assert_error (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“fun”"));
}

/* Refusals */

static void
test_invalid_project (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 7);
  g_autoptr(GError) error = NULL;
  EscProblem *problem;

  ROW (project, ESC_TABLE_PATTERN, "P", "08:00 - 16:00");
  add_employee (project, "E1", "P");
  ROW (project, ESC_TABLE_EMPLOYEE, "E2", NULL, "R9", "S1", "44", [ESC_EMPLOYEE_PATTERNS] = "P");
  for (int i = 0; i < 8; i++)
    {
      g_autofree char *id = g_strdup_printf ("X%d", i);

      ROW (project, ESC_TABLE_EMPLOYEE, id, NULL, "R1", "S1", "lots",
           [ESC_EMPLOYEE_PATTERNS] = "P");
    }

  problem = esc_problem_new_from_project (project, &error);
  g_assert_null (problem);
  g_assert_error (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "9 errors"));
  g_assert_nonnull (strstr (error->message, "employee:2:role:"));
  g_assert_nonnull (strstr (error->message, "employee:3:weekly_hours:"));
  g_assert_nonnull (strstr (error->message, "4 more errors"));
  g_assert_null (strstr (error->message, "employee:10:"));
  g_clear_error (&error);

  /* Without a start date. */
  g_clear_object (&project);
  project = esc_project_new ();
  problem = esc_problem_new_from_project (project, &error);
  g_assert_null (problem);
  g_assert_error (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "start_date"));
}

static void
test_too_many_patterns (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 7);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProblem) problem = NULL;
  EscProblem *refused;
  EscRow *row;

  for (int i = 0; i < 33; i++)
    {
      g_autofree char *id = g_strdup_printf ("P%d", i);

      ROW (project, ESC_TABLE_PATTERN, id, "08:00 - 12:00");
      g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", id);
    }
  add_employee (project, "E1", "P0");
  row = add_employee (project, "E2", list->str);
  allow_every_day (project);
  refused = esc_problem_new_from_project (project, &error);
  g_assert_null (refused);
  g_assert_error (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "employee:2:patterns:"));
  g_assert_nonnull (strstr (error->message, "33"));
  g_clear_error (&error);

  /* 32 is fine; the last pattern is bit 31. */
  g_string_truncate (list, list->len - strlen (", P32"));
  esc_row_set (row, ESC_EMPLOYEE_PATTERNS, list->str);
  problem = compile (project);
  g_assert_cmpuint (esc_problem_get_employee (problem, 1)->n_patterns, ==, 32);
  g_assert_cmpuint (get_option (problem, 1, 0, 0)->pattern_mask, ==, 0xffffffffu);
}

static void
test_ref (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 7);
  EscProblem *problem = compile (project);

  g_assert_true (esc_problem_ref (problem) == problem);
  esc_problem_unref (problem);
  esc_problem_unref (problem);
}

/* Scale and the sample */

static void
test_performance (void)
{
  g_autoptr(EscProject) project = new_project ("2026-12-07", 28);
  g_autoptr(EscProblem) problem = NULL;
  static const char * const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  gint64 start;
  double ms;

  ROW (project, ESC_TABLE_STORE, "S2", "L1");
  ROW (project, ESC_TABLE_ROLE, "R2");
  ROW (project, ESC_TABLE_SHIFT, "N", "22:00", "06:00");
  ROW (project, ESC_TABLE_PATTERN, "A", "07:00 - 15:00", "07:00 - 15:00", "07:00 - 15:00",
       "07:00 - 15:00", "07:00 - 15:00", "08:00 - 14:00", "N");
  ROW (project, ESC_TABLE_PATTERN, "B", "14:00 - 22:00", "14:00 - 22:00", "14:00 - 22:00",
       "14:00 - 22:00", "14:00 - 22:00", "14:00 - 22:00", "10:00 - 18:00");
  ROW (project, ESC_TABLE_PATTERN, "C", "10:00 - 18:20", "10:00 - 18:20", "10:00 - 18:20",
       "N", "N", "10:00 - 18:20", "10:00 - 18:20");
  for (int e = 0; e < 200; e++)
    {
      g_autofree char *id = g_strdup_printf ("E%03d", e);
      g_autofree char *date = g_strdup_printf ("2026-12-%02d", 1 + e % 6);

      ROW (project, ESC_TABLE_EMPLOYEE, id, NULL, e % 2 ? "R1" : "R2", e % 4 < 2 ? "S1" : "S2",
           "44", [ESC_EMPLOYEE_PATTERNS] = e % 3 == 0 ? "A, B" : e % 3 == 1 ? "B, C" : "A, B, C",
           [ESC_EMPLOYEE_LEAVE] = e % 10 == 0 ? "15/12/2026 - 18/12/2026" : NULL,
           [ESC_EMPLOYEE_COMPENSATION_DEADLINE] = "30");
      ROW (project, ESC_TABLE_PREVIOUS_ALLOCATION, id, date, "8");
      ROW (project, ESC_TABLE_PREFERENCE, id, "day_off", "2026-12-20");
    }
  for (int s = 1; s <= 2; s++)
    for (int r = 1; r <= 2; r++)
      for (guint d = 0; d < G_N_ELEMENTS (days); d++)
        {
          g_autofree char *store = g_strdup_printf ("S%d", s);
          g_autofree char *role = g_strdup_printf ("R%d", r);

          ROW (project, ESC_TABLE_DEMAND, store, role, days[d], "07:00", "12:00", NULL, "8");
          ROW (project, ESC_TABLE_DEMAND, store, role, days[d], "11:00", "19:00", NULL, "10");
          ROW (project, ESC_TABLE_DEMAND, store, role, days[d], "18:00", "23:00", NULL, "6");
        }

  start = g_get_monotonic_time ();
  problem = compile (project);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("200 employees x 28 days: %u options, %u slots, compiled in %.1f ms "
                  "(validation included)", problem->options->len, problem->slots->len, ms);

  g_assert_cmpuint (problem->employees->len, ==, 200);
  g_assert_cmpuint (problem->groups->len, ==, 4);
  g_assert_cmpuint (problem->options->len, >, 200 * 20);
  /* Generous for sanitizer builds; an optimised build takes a few milliseconds. */
  g_assert_cmpfloat (ms, <, 1000);
}

static void
test_sample (void)
{
  const char *dir = g_getenv ("ESC_SAMPLES_DIR");
  g_autofree char *path = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(GError) error = NULL;
  guint with_history = 0;

  if (dir == NULL)
    {
      g_test_skip ("ESC_SAMPLES_DIR is not set");
      return;
    }
  path = g_build_filename (dir, "loja-centro.escala", NULL);
  project = esc_project_file_load (path, &error);
  g_assert_no_error (error);
  problem = compile (project);

  g_assert_cmpuint (problem->employees->len, ==, 18);
  g_assert_cmpint (problem->n_days, ==, 28);
  g_assert_cmpint (problem->n_weeks, ==, 4);
  g_assert_cmpuint (problem->levels->len, ==, 7);
  g_assert_cmpint (problem->granularity, ==, 15);
  g_assert_cmpuint (problem->options->len, >, 0);
  g_assert_cmpuint (problem->slots->len, >, 0);
  for (guint e = 0; e < problem->employees->len; e++)
    {
      const EscProblemEmployee *employee = esc_problem_get_employee (problem, e);

      g_assert_cmpint (employee->group, >=, 0);
      g_assert_cmpuint (employee->n_patterns, >=, 1);
      if (employee->history_consecutive_days > 0)
        with_history++;
    }
  g_assert_cmpuint (with_history, >, 0);
  /* Christmas (day 18) is a national holiday at every store. */
  for (guint s = 0; s < problem->store_ids->len; s++)
    g_assert_true (problem->store_holiday[s * problem->n_days + 18]);
  /* Every slot lies on the 15-minute grid and is covered by options only whole. */
  for (guint i = 0; i < problem->slots->len; i++)
    {
      const EscProblemSlot *slot = get_slot (problem, i);

      g_assert_cmpint (slot->start % 15, ==, 0);
      g_assert_cmpint (slot->end % 15, ==, 0);
      g_assert_cmpint (slot->start, <, slot->end);
    }
}

void
esc_test_add_problem_tests (void)
{
  g_test_add_func ("/solver/problem/horizon", test_horizon);
  g_test_add_func ("/solver/problem/priority-days", test_priority_days);
  g_test_add_func ("/solver/problem/shifts", test_shifts);
  g_test_add_func ("/solver/problem/break-rule-parameters", test_break_rule_parameters);
  g_test_add_func ("/solver/problem/options", test_options);
  g_test_add_func ("/solver/problem/options/rule2", test_options_rule2);
  g_test_add_func ("/solver/problem/options/leave", test_options_leave);
  g_test_add_func ("/solver/problem/options/night-leave", test_options_night_leave);
  g_test_add_func ("/solver/problem/options/bans", test_options_bans);
  g_test_add_func ("/solver/problem/employee-fields", test_employee_fields);
  g_test_add_func ("/solver/problem/filter-store-role", test_filter_store_role);
  g_test_add_func ("/solver/problem/slots/breakpoints", test_slots_breakpoints);
  g_test_add_func ("/solver/problem/slots/merge", test_slots_merge);
  g_test_add_func ("/solver/problem/slots/granularity", test_slots_granularity);
  g_test_add_func ("/solver/problem/slots/rounding", test_slots_rounding);
  g_test_add_func ("/solver/problem/slots/night", test_slots_night);
  g_test_add_func ("/solver/problem/shift-demands", test_shift_demands);
  g_test_add_func ("/solver/problem/sequences", test_sequences);
  g_test_add_func ("/solver/problem/holidays", test_holidays);
  g_test_add_func ("/solver/problem/history", test_history);
  g_test_add_func ("/solver/problem/history/week-start", test_history_week_start);
  g_test_add_func ("/solver/problem/objectives", test_objectives);
  g_test_add_func ("/solver/problem/objectives/project", test_objectives_project);
  g_test_add_func ("/solver/problem/invalid", test_invalid_project);
  g_test_add_func ("/solver/problem/too-many-patterns", test_too_many_patterns);
  g_test_add_func ("/solver/problem/ref", test_ref);
  g_test_add_func ("/solver/problem/performance", test_performance);
  g_test_add_func ("/solver/problem/sample", test_sample);
}
