/* test-checker.c: the independent checker, rule by rule, and the objective evaluator.
 *
 * For each hard rule: a schedule that breaks it (exactly one violation, of that rule,
 * for the right employee and days) and one that keeps it. Facts the compiler filters
 * (leave, bans, pattern weekdays, demand days) are broken by changing the compiled
 * problem, to show that the checker does not trust the options. Then every objective's
 * value on a hand-computed schedule, and the enumeration oracle on cases small enough
 * to count by hand.
 *
 * The horizon starts on Monday 2026-12-07 unless said otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <string.h>

#include "test-solver.h"
#include "test-support.h"

#define MONDAY "2026-12-07"

/* Shifts M 08:00-16:00, L 14:00-22:00, N 22:00-06:00 (7 h net each by the break rule),
 * pattern P1 allowing all three every day, demand 08:00-16:00 for one person every day. */
static EscProject *
base_project (const char *start,
              int         n_days)
{
  EscProject *project = esc_test_project_new (start, n_days);
  static const char * const weekdays[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "M", "start", "08:00", "end", "16:00", NULL);
  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "L", "start", "14:00", "end", "22:00", NULL);
  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "N", "start", "22:00", "end", "06:00", NULL);
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "P1", "mon", "M, L, N", "tue", "M, L, N",
                    "wed", "M, L, N", "thu", "M, L, N", "fri", "M, L, N", "sat", "M, L, N",
                    "sun", "M, L, N", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
    esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", weekdays[i],
                      "start", "08:00", "end", "16:00", "quantity", "1", NULL);
  return project;
}

/* The common cells of an employee row; later pairs override them. */
#define EMPLOYEE(id) "id", id, "role", "R1", "store", "S1", "weekly_hours", "44", \
                     "patterns", "P1"

/* Works @shift on each day of @days (a string like "MM.L": '.' is off). */
static void
work_days (EscSchedule *schedule,
           const char  *employee,
           const char  *days)
{
  for (int d = 0; days[d] != '\0'; d++)
    {
      char shift[2] = { days[d], '\0' };

      esc_test_work (schedule, employee, d, days[d] == '.' ? NULL : shift);
    }
}

static GPtrArray *
check_days (EscProblem *problem,
            const char *days)
{
  g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);

  work_days (schedule, "E1", days);
  return esc_checker_check (schedule);
}

#define assert_legal_days(problem, days) \
  G_STMT_START { \
    g_autoptr(EscSchedule) s_ = esc_schedule_new (problem); \
    work_days (s_, "E1", days); \
    esc_test_assert_legal (s_); \
  } G_STMT_END

#define assert_one_days(problem, days, rule, first, last) \
  G_STMT_START { \
    g_autoptr(GPtrArray) v_ = check_days (problem, days); \
    esc_test_assert_one_violation (v_, rule, 0, first, last); \
  } G_STMT_END

/* 3.1 */

static void
test_option (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 3);
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(EscSchedule) schedule = NULL;
  g_autoptr(GPtrArray) violations = NULL;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), NULL);
  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E2"), NULL);
  problem = esc_test_compile (project);
  schedule = esc_schedule_new (problem);

  /* E1 on day 0 is given its own day-1 option; E2 is given E1's option. */
  esc_schedule_set_choice (schedule, 0, 0, esc_test_option (problem, "E1", 1, "M"));
  violations = esc_checker_check (schedule);
  esc_test_assert_one_violation (violations, ESC_RULE_OPTION, 0, 0, 0);
  g_assert_nonnull (strstr (((EscViolation *) violations->pdata[0])->message, "E1"));
  g_assert_nonnull (strstr (((EscViolation *) violations->pdata[0])->message, "2026-12-07"));
  g_clear_pointer (&violations, g_ptr_array_unref);

  esc_test_work (schedule, "E1", 0, NULL);
  esc_schedule_set_choice (schedule, 1, 2, esc_test_option (problem, "E1", 2, "M"));
  violations = esc_checker_check (schedule);
  esc_test_assert_one_violation (violations, ESC_RULE_OPTION, 1, 2, 2);
  g_clear_pointer (&violations, g_ptr_array_unref);

  /* Out of range altogether. */
  esc_schedule_set_choice (schedule, 1, 2, (int) problem->options->len + 5);
  violations = esc_checker_check (schedule);
  esc_test_assert_one_violation (violations, ESC_RULE_OPTION, 1, 2, 2);

  esc_test_work (schedule, "E1", 0, "M");
  esc_test_work (schedule, "E2", 2, "M");
  esc_test_assert_legal (schedule);
}

static void
test_pattern_week (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 8);
  g_autoptr(EscProblem) problem = NULL;

  /* PA: M on Monday and Tuesday; PB: L on Monday and Tuesday. */
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "PA", "mon", "M", "tue", "M", NULL);
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "PB", "mon", "L", "tue", "L", NULL);
  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), "patterns", "PA, PB", NULL);
  problem = esc_test_compile (project);

  /* Each day is allowed by some pattern, but no one pattern allows both. */
  assert_one_days (problem, "ML......", ESC_RULE_PATTERN, 0, 1);
  assert_legal_days (problem, "MM......");
  assert_legal_days (problem, "LL......");
  /* A new planning week may use the other pattern. */
  assert_legal_days (problem, "M......L");
  assert_legal_days (problem, ".L.....M");
}

static void
test_pattern_weekday (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 3);
  g_autoptr(EscProblem) problem = NULL;
  EscProblemPattern *pattern;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), NULL);
  problem = esc_test_compile (project);

  /* Take L out of P1's Tuesday after compiling: the option stays, the fact says no. */
  pattern = g_ptr_array_index (problem->patterns, 0);
  g_assert_cmpstr (pattern->id, ==, "P1");
  for (guint i = 0; i < pattern->allowed[ESC_TUE]->len; i++)
    if (g_array_index (pattern->allowed[ESC_TUE], int, i) ==
        esc_problem_get_option (problem, esc_test_option (problem, "E1", 1, "L"))->shift)
      g_array_remove_index (pattern->allowed[ESC_TUE], i--);

  assert_one_days (problem, "ML.", ESC_RULE_PATTERN, 1, 1);
  assert_legal_days (problem, "MM.");
}

/* 3.2 */

static void
test_demand_day (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 3);
  g_autoptr(EscProblem) problem = NULL;
  EscProblemGroup *group;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), NULL);
  problem = esc_test_compile (project);
  assert_legal_days (problem, "M.M");

  group = g_ptr_array_index (problem->groups, 0);
  group->demand_day[2] = FALSE;
  assert_one_days (problem, "M.M", ESC_RULE_DEMAND_DAY, 2, 2);
  assert_legal_days (problem, "M..");
}

/* 3.3 */

static void
test_weekly_hours (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 7);
  g_autoptr(EscProblem) problem = NULL;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), "weekly_hours", "20", NULL);
  problem = esc_test_compile (project);

  assert_one_days (problem, "M.M.M..", ESC_RULE_WEEKLY_HOURS, 0, 6);
  assert_legal_days (problem, "M...M..");
}

static void
test_weekly_hours_history (void)
{
  /* Starts on a Wednesday; Monday and Tuesday of that week were worked, 7 h each. */
  g_autoptr(EscProject) project = base_project ("2026-12-09", 7);
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  const EscViolation *v;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), "weekly_hours", "21", NULL);
  esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1",
                    "date", "2026-12-07", "hours", "07:00", NULL);
  esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1",
                    "date", "2026-12-08", "hours", "07:00", NULL);
  problem = esc_test_compile (project);
  g_assert_cmpint (esc_problem_get_employee (problem, 0)->history_week_minutes, ==, 840);

  /* Week 0 is Wednesday..Sunday, days 0..4; the next week starts on day 5. */
  violations = check_days (problem, "..M.M..");
  esc_test_assert_one_violation (violations, ESC_RULE_WEEKLY_HOURS, 0, 0, 4);
  v = g_ptr_array_index (violations, 0);
  g_assert_nonnull (strstr (v->message, "28:00"));
  g_assert_nonnull (strstr (v->message, "21:00"));
  assert_legal_days (problem, "..M...M");
  assert_legal_days (problem, ".....MM");
}

/* 3.4 */

static void
test_consecutive_days (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 8);
  g_autoptr(EscProblem) problem = NULL;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"),
                    "max_consecutive_days", "3", NULL);
  problem = esc_test_compile (project);

  assert_one_days (problem, ".MMMM...", ESC_RULE_CONSECUTIVE_DAYS, 1, 4);
  assert_legal_days (problem, "MMM.MMM.");
}

static void
test_consecutive_days_history (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 5);
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(GPtrArray) violations = NULL;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"),
                    "max_consecutive_days", "3", NULL);
  esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1",
                    "date", "2026-12-05", "hours", "6", NULL);
  esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1",
                    "date", "2026-12-06", "hours", "6", NULL);
  problem = esc_test_compile (project);
  g_assert_cmpint (esc_problem_get_employee (problem, 0)->history_consecutive_days, ==, 2);

  violations = check_days (problem, "MM...");
  esc_test_assert_one_violation (violations, ESC_RULE_CONSECUTIVE_DAYS, 0, 0, 1);
  /* The run is told from its real first day, before the horizon. */
  g_assert_nonnull (strstr (((EscViolation *) violations->pdata[0])->message, "2026-12-05"));
  assert_legal_days (problem, "M.MMM");
}

/* 3.5 */

static void
test_consecutive_sundays (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 14);
  g_autoptr(EscProblem) problem = NULL;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"),
                    "max_consecutive_sundays", "1", NULL);
  problem = esc_test_compile (project);

  /* Sundays are days 6 and 13. */
  assert_one_days (problem, "......M......M", ESC_RULE_CONSECUTIVE_LIMITED, 6, 13);
  assert_legal_days (problem, "......M.....M.");
}

static void
test_consecutive_limited_history (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 7);
  g_autoptr(EscProblem) problem = NULL;

  /* Saturdays limited to one in a row; Saturday 2026-12-05 was worked. */
  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"),
                    "max_consecutive_sundays", "1", "limited_weekday", "sat", NULL);
  esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1",
                    "date", "2026-12-05", "hours", "8", NULL);
  problem = esc_test_compile (project);
  g_assert_cmpint (esc_problem_get_employee (problem, 0)->history_consecutive_limited, ==, 1);

  assert_one_days (problem, ".....M.", ESC_RULE_CONSECUTIVE_LIMITED, 5, 5);
  assert_legal_days (problem, "......M");
}

/* 3.6 */

static EscProject *
holiday_project (int         n_days,
                 const char *deadline)
{
  EscProject *project = base_project (MONDAY, n_days);

  /* Tuesday 2026-12-08 (day 1) is a holiday in SP. */
  esc_test_add_row (project, ESC_TABLE_HOLIDAY, "date", "2026-12-08", "name", "Local",
                    "region", "SP", NULL);
  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"),
                    "holiday_compensation_deadline", deadline, NULL);
  return project;
}

static void
test_compensation (void)
{
  g_autoptr(EscProject) project = holiday_project (7, "3");
  g_autoptr(EscProblem) problem = esc_test_compile (project);
  g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);
  g_autoptr(GPtrArray) violations = NULL;

  g_assert_true (problem->store_holiday[1]);

  /* The holiday (day 1) is worked, deadline day 4: no compensation day. */
  work_days (schedule, "E1", "MM.....");
  violations = esc_checker_check (schedule);
  esc_test_assert_one_violation (violations, ESC_RULE_COMPENSATION, 0, 1, 4);
  g_assert_nonnull (strstr (((EscViolation *) violations->pdata[0])->message, "2026-12-08"));
  g_assert_nonnull (strstr (((EscViolation *) violations->pdata[0])->message, "2026-12-11"));
  g_clear_pointer (&violations, g_ptr_array_unref);

  /* Too late: day 5 is after the deadline. */
  esc_schedule_set_compensation (schedule, 0, 5, TRUE);
  violations = esc_checker_check (schedule);
  esc_test_assert_one_violation (violations, ESC_RULE_COMPENSATION, 0, 1, 4);
  g_clear_pointer (&violations, g_ptr_array_unref);

  /* The deadline day itself serves. */
  esc_schedule_set_compensation (schedule, 0, 4, TRUE);
  esc_test_assert_legal (schedule);
  g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_HOLIDAY_COMPENSATION), ==, 1);
}

static void
test_compensation_day_unusable (void)
{
  g_autoptr(EscProject) project = holiday_project (7, "3");
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(EscSchedule) schedule = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  EscProblemEmployee *employee;
  EscInterval leave = { 2 * 1440, 3 * 1440 };

  problem = esc_test_compile (project);
  schedule = esc_schedule_new (problem);
  work_days (schedule, "E1", "MM.....");
  esc_schedule_set_compensation (schedule, 0, 2, TRUE);
  esc_test_assert_legal (schedule);

  /* Day 2 turns into leave: the employee could not have worked it, so it cannot serve
   * as a compensation day (and the flag itself is harmless). */
  employee = esc_problem_get_employee (problem, 0);
  g_array_append_val (employee->leave, leave);
  violations = esc_checker_check (schedule);
  esc_test_assert_one_violation (violations, ESC_RULE_COMPENSATION, 0, 1, 4);
}

static void
test_compensation_beyond_horizon (void)
{
  g_autoptr(EscProject) project = holiday_project (3, "3");
  g_autoptr(EscProblem) problem = esc_test_compile (project);
  g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);

  /* Deadline day 4 lies beyond the 3-day horizon: soft, not a violation. */
  work_days (schedule, "E1", "MMM");
  esc_test_assert_legal (schedule);
  g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_HOLIDAY_COMPENSATION), ==, 0);

  /* Served inside the horizon, it counts. */
  work_days (schedule, "E1", "MM.");
  esc_schedule_set_compensation (schedule, 0, 2, TRUE);
  esc_test_assert_legal (schedule);
  g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_HOLIDAY_COMPENSATION), ==, 1);
}

static void
test_compensation_no_deadline (void)
{
  g_autoptr(EscProject) project = holiday_project (7, NULL);
  g_autoptr(EscProblem) problem = esc_test_compile (project);

  g_assert_cmpint (esc_problem_get_employee (problem, 0)->compensation_deadline, ==, ESC_NONE);
  assert_legal_days (problem, "MM.....");
}

static void
test_compensation_day_misplaced (void)
{
  g_autoptr(EscProject) project = holiday_project (7, "3");
  g_autoptr(EscProblem) problem = esc_test_compile (project);
  g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);
  g_autoptr(GPtrArray) violations = NULL;

  /* A compensation day on a worked day. */
  work_days (schedule, "E1", "M......");
  esc_schedule_set_compensation (schedule, 0, 0, TRUE);
  violations = esc_checker_check (schedule);
  esc_test_assert_one_violation (violations, ESC_RULE_COMPENSATION_DAY, 0, 0, 0);
  g_clear_pointer (&violations, g_ptr_array_unref);

  /* A compensation day on the holiday. */
  esc_schedule_set_compensation (schedule, 0, 0, FALSE);
  esc_schedule_set_compensation (schedule, 0, 1, TRUE);
  violations = esc_checker_check (schedule);
  esc_test_assert_one_violation (violations, ESC_RULE_COMPENSATION_DAY, 0, 1, 1);
  g_clear_pointer (&violations, g_ptr_array_unref);

  /* An unneeded one on an ordinary day off is harmless. */
  esc_schedule_set_compensation (schedule, 0, 1, FALSE);
  esc_schedule_set_compensation (schedule, 0, 3, TRUE);
  esc_test_assert_legal (schedule);
}

static void
test_compensation_pending (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 4);
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(EscSchedule) schedule = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  const EscProblemEmployee *employee;

  /* Friday 2026-12-04 and Tuesday 2026-12-01 were holidays, both worked; deadline 3 days:
   * the first is due on day 0 (Monday), the second was due on 2026-12-04, overdue. */
  esc_test_add_row (project, ESC_TABLE_HOLIDAY, "date", "2026-12-04", "national", "yes", NULL);
  esc_test_add_row (project, ESC_TABLE_HOLIDAY, "date", "2026-12-01", "national", "yes", NULL);
  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"),
                    "holiday_compensation_deadline", "3", NULL);
  esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1",
                    "date", "2026-12-04", "hours", "8", NULL);
  esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1",
                    "date", "2026-12-01", "hours", "8", NULL);
  problem = esc_test_compile (project);
  employee = esc_problem_get_employee (problem, 0);
  g_assert_cmpuint (employee->pending_compensations->len, ==, 2);

  schedule = esc_schedule_new (problem);
  work_days (schedule, "E1", "MMMM");
  violations = esc_checker_check (schedule);
  esc_test_assert_one_violation (violations, ESC_RULE_COMPENSATION, 0, 0, 0);
  g_clear_pointer (&violations, g_ptr_array_unref);

  work_days (schedule, "E1", ".MMM");
  esc_schedule_set_compensation (schedule, 0, 0, TRUE);
  esc_test_assert_legal (schedule);
  g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_HOLIDAY_COMPENSATION), ==, 1);

  /* The overdue one is never a violation, but a second day off serves it. */
  work_days (schedule, "E1", "..MM");
  esc_schedule_set_compensation (schedule, 0, 1, TRUE);
  esc_test_assert_legal (schedule);
  g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_HOLIDAY_COMPENSATION), ==, 2);
}

static void
test_compensation_matching (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 7);
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(EscSchedule) schedule = NULL;
  g_autoptr(GArray) items = NULL;

  /* Holidays on days 0 and 1, deadlines 5 days and ... both served by days 2 and 3, the
   * earlier deadline first. */
  esc_test_add_row (project, ESC_TABLE_HOLIDAY, "date", "2026-12-07", "national", "yes", NULL);
  esc_test_add_row (project, ESC_TABLE_HOLIDAY, "date", "2026-12-08", "national", "yes", NULL);
  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"),
                    "holiday_compensation_deadline", "2", NULL);
  problem = esc_test_compile (project);
  schedule = esc_schedule_new (problem);

  /* Deadlines: day 2 and day 3. Days 2 and 3 off and flagged: both served. */
  work_days (schedule, "E1", "MM..MM.");
  esc_schedule_set_compensation (schedule, 0, 2, TRUE);
  esc_schedule_set_compensation (schedule, 0, 3, TRUE);
  esc_test_assert_legal (schedule);
  items = esc_checker_match_compensations (schedule, 0);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (g_array_index (items, EscCompensation, 0).holiday, ==, 0);
  g_assert_cmpint (g_array_index (items, EscCompensation, 0).served_by, ==, 2);
  g_assert_cmpint (g_array_index (items, EscCompensation, 1).holiday, ==, 1);
  g_assert_cmpint (g_array_index (items, EscCompensation, 1).served_by, ==, 3);
  g_clear_pointer (&items, g_array_unref);

  /* One day off for two holidays: the second holiday is not served by its deadline. */
  esc_schedule_set_compensation (schedule, 0, 3, FALSE);
  esc_test_work (schedule, "E1", 3, "M");
  {
    g_autoptr(GPtrArray) violations = esc_checker_check (schedule);

    esc_test_assert_one_violation (violations, ESC_RULE_COMPENSATION, 0, 1, 3);
  }
}

/* 3.7 */

static void
test_leave (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 3);
  g_autoptr(EscProblem) problem = NULL;
  EscProblemEmployee *employee;
  /* 2026-12-08 (day 1) 15:00 to 18:00: overlaps M (until 16:00). */
  EscInterval leave = { 1440 + 15 * 60, 1440 + 18 * 60 };

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), NULL);
  problem = esc_test_compile (project);
  employee = esc_problem_get_employee (problem, 0);
  g_array_append_val (employee->leave, leave);

  assert_one_days (problem, "MM.", ESC_RULE_LEAVE, 1, 1);
  assert_legal_days (problem, "M.M");
}

static void
test_leave_compiled (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 3);
  g_autoptr(EscProblem) problem = NULL;
  const EscProblemEmployee *employee;

  /* The compiler removes the options on leave; the checker agrees with what is left. */
  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), "leave", "08/12/2026", NULL);
  problem = esc_test_compile (project);
  employee = esc_problem_get_employee (problem, 0);
  g_assert_cmpuint (employee->day_offset[1], ==, employee->day_offset[2]);
  assert_legal_days (problem, "M.M");
}

static void
test_ban (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 3);
  g_autoptr(EscProblem) problem = NULL;
  EscProblemEmployee *employee;
  EscProblemBan ban = { .day = 2, .shift = ESC_NONE };

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), NULL);
  problem = esc_test_compile (project);
  employee = esc_problem_get_employee (problem, 0);
  ban.shift = esc_problem_find_shift (problem, "M");
  g_array_append_val (employee->bans, ban);

  assert_one_days (problem, "M.M", ESC_RULE_BAN, 2, 2);
  assert_legal_days (problem, "M.L");

  /* A ban on every day of any shift. */
  ban.day = ESC_NONE;
  ban.shift = ESC_NONE;
  g_array_set_size (employee->bans, 0);
  g_array_append_val (employee->bans, ban);
  {
    g_autoptr(GPtrArray) violations = check_days (problem, "M..");

    esc_test_assert_one_violation (violations, ESC_RULE_BAN, 0, 0, 0);
  }
}

static void
test_sequence (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 3);
  g_autoptr(EscProblem) problem = NULL;

  esc_project_set_parameter (project, "min_rest_between_shifts", "0");
  esc_test_add_row (project, ESC_TABLE_FORBIDDEN_SEQUENCE, "first", "M", "next", "L", NULL);
  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), NULL);
  problem = esc_test_compile (project);

  assert_one_days (problem, ".ML", ESC_RULE_SEQUENCE, 1, 2);
  assert_legal_days (problem, "LM.");
  assert_legal_days (problem, "M.L");
}

static void
test_rest (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 3);
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(GPtrArray) violations = NULL;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), NULL);
  problem = esc_test_compile (project);
  g_assert_cmpint (problem->min_rest_minutes, ==, 660);

  /* L ends 22:00, M starts 08:00: 10 h of rest. */
  violations = check_days (problem, "LM.");
  esc_test_assert_one_violation (violations, ESC_RULE_REST, 0, 0, 1);
  g_assert_nonnull (strstr (((EscViolation *) violations->pdata[0])->message, "10:00"));
  g_assert_nonnull (strstr (((EscViolation *) violations->pdata[0])->message, "2026-12-07 22:00"));
  /* N ends 06:00 the next day, L starts 14:00: 8 h. */
  assert_one_days (problem, ".NL", ESC_RULE_REST, 1, 2);
  assert_legal_days (problem, "LL.");
  assert_legal_days (problem, "ML.");
  assert_legal_days (problem, "L.M");

  /* The history's last shift ended at 23:00 the day before: M at 08:00 is 9 h later. */
  esc_problem_get_employee (problem, 0)->history_last_end = -60;
  assert_one_days (problem, "M..", ESC_RULE_REST, 0, 0);
  assert_legal_days (problem, "L..");
}

static void
test_hours_only_shift (void)
{
  g_autoptr(EscProject) project = esc_test_project_new (MONDAY, 3);
  g_autoptr(EscProblem) problem = NULL;
  EscInterval leave = { 1440 + 20 * 60, 1440 + 21 * 60 };

  /* A shift of 10 h without clock times: no rest to measure between two days, and any
   * leave on its day rules it out (it could be worked at any time of the day). */
  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "H", "hours", "10", NULL);
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "P1", "mon", "H", "tue", "H", "wed", "H",
                    NULL);
  esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", "mon",
                    "shift", "H", "quantity", "1", NULL);
  esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", "tue",
                    "shift", "H", "quantity", "1", NULL);
  esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", "wed",
                    "shift", "H", "quantity", "1", NULL);
  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), NULL);
  problem = esc_test_compile (project);
  g_assert_cmpint (esc_problem_get_shift (problem, 0)->net_minutes, ==, 600);

  assert_legal_days (problem, "HHH");
  g_array_append_val (esc_problem_get_employee (problem, 0)->leave, leave);
  assert_one_days (problem, "HHH", ESC_RULE_LEAVE, 1, 1);

  /* Coverage per shift: one short on Tuesday, 600 minutes. */
  {
    g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);

    work_days (schedule, "E1", "H.H");
    g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_DEMAND_FULFILLMENT), ==, 600);
    g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_OVER_COVERAGE), ==, 0);
  }
}

/* 3.8 */

static void
test_min_max_hours (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 4);
  g_autoptr(EscProblem) problem = NULL;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), "min_hours", "14",
                    "max_hours", "21", NULL);
  problem = esc_test_compile (project);

  assert_one_days (problem, "M...", ESC_RULE_MIN_HOURS, 0, 3);
  assert_one_days (problem, "MMMM", ESC_RULE_MAX_HOURS, 0, 3);
  assert_legal_days (problem, "M.M.");
  assert_legal_days (problem, "MMM.");
}

static void
test_max_rest_days (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 5);
  g_autoptr(EscProblem) problem = NULL;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), "max_rest_days", "2", NULL);
  problem = esc_test_compile (project);

  assert_one_days (problem, "M.M..", ESC_RULE_MAX_REST_DAYS, 0, 4);
  assert_legal_days (problem, "M.MM.");
}

static void
test_min_consecutive_days (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 5);
  g_autoptr(EscProblem) problem = NULL;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"),
                    "min_consecutive_days", "2", NULL);
  problem = esc_test_compile (project);

  assert_one_days (problem, ".M.MM", ESC_RULE_MIN_CONSECUTIVE_DAYS, 1, 1);
  /* Without history, day -1 was not worked: a lone day 0 is a run of one. */
  assert_one_days (problem, "M..MM", ESC_RULE_MIN_CONSECUTIVE_DAYS, 0, 0);
  /* A run reaching the last day may continue after the horizon. */
  assert_legal_days (problem, "MM..M");
  assert_legal_days (problem, ".....");
}

static void
test_min_consecutive_days_history (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 5);
  g_autoptr(EscProblem) problem = NULL;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"),
                    "min_consecutive_days", "3", NULL);
  esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1",
                    "date", "2026-12-06", "hours", "8", NULL);
  problem = esc_test_compile (project);

  /* Sunday was worked: Monday and Tuesday complete a run of three. */
  assert_legal_days (problem, "MM...");
  assert_one_days (problem, "M....", ESC_RULE_MIN_CONSECUTIVE_DAYS, 0, 0);
}

static void
test_min_consecutive_off (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 5);
  g_autoptr(EscProblem) problem = NULL;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"),
                    "min_consecutive_days_off", "2", NULL);
  problem = esc_test_compile (project);

  assert_one_days (problem, "MM.MM", ESC_RULE_MIN_CONSECUTIVE_OFF, 2, 2);
  /* Days off at the start continue the days off before the horizon; at the end, after. */
  assert_legal_days (problem, ".MMM.");
  assert_legal_days (problem, "MM..M");
}

static void
test_min_consecutive_off_history (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 5);
  g_autoptr(EscProblem) problem = NULL;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"),
                    "min_consecutive_days_off", "2", NULL);
  esc_test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1",
                    "date", "2026-12-06", "hours", "8", NULL);
  problem = esc_test_compile (project);

  /* Sunday was worked, so a lone Monday off is a run of one. */
  assert_one_days (problem, ".MMMM", ESC_RULE_MIN_CONSECUTIVE_OFF, 0, 0);
  assert_legal_days (problem, "..MMM");
}

static void
test_max_weekends (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 14);
  g_autoptr(EscProblem) problem = NULL;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), "max_weekends", "1", NULL);
  problem = esc_test_compile (project);

  /* Saturdays are days 5 and 12, Sundays 6 and 13. */
  assert_one_days (problem, ".....M......M.", ESC_RULE_MAX_WEEKENDS, 5, 12);
  assert_one_days (problem, "......M......M", ESC_RULE_MAX_WEEKENDS, 6, 13);
  assert_legal_days (problem, ".....MM.......");
  assert_legal_days (problem, "MMMMM...MMMMM.");
}

static void
test_max_weekends_sunday_start (void)
{
  /* Starts on Sunday 2026-12-06: that Sunday alone is a weekend (its Saturday is
   * history), whatever the first day of the planning week. */
  g_autoptr(EscProject) project = base_project ("2026-12-06", 7);
  g_autoptr(EscProblem) problem = NULL;

  esc_project_set_parameter (project, "first_day_of_week", "sun");
  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), "max_weekends", "1", NULL);
  problem = esc_test_compile (project);

  assert_one_days (problem, "M.....M", ESC_RULE_MAX_WEEKENDS, 0, 6);
  assert_legal_days (problem, "MMMMM..");
}

static void
test_max_shift_count (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 4);
  g_autoptr(EscProblem) problem = NULL;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), "max_shifts", "M:2", NULL);
  problem = esc_test_compile (project);

  assert_one_days (problem, "M.MM", ESC_RULE_MAX_SHIFT_COUNT, 0, 3);
  assert_legal_days (problem, "M.ML");
}

static void
test_several (void)
{
  g_autoptr(EscProject) project = base_project (MONDAY, 7);
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  const EscViolation *v;

  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), "weekly_hours", "30",
                    "max_consecutive_days", "4", NULL);
  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E2"), NULL);
  problem = esc_test_compile (project);

  violations = check_days (problem, "MMMMML.");
  g_assert_cmpuint (violations->len, ==, 2);
  /* Sorted by employee, then first day, then rule. */
  v = g_ptr_array_index (violations, 0);
  g_assert_cmpint (v->rule, ==, ESC_RULE_WEEKLY_HOURS);
  v = g_ptr_array_index (violations, 1);
  g_assert_cmpint (v->rule, ==, ESC_RULE_CONSECUTIVE_DAYS);

  for (guint r = 0; r < ESC_N_RULES; r++)
    {
      g_assert_nonnull (esc_rule_name (r));
      g_assert_nonnull (esc_rule_title (r));
    }
  g_assert_cmpstr (esc_rule_name (ESC_RULE_WEEKLY_HOURS), ==, "weekly_hours");
}

/* The evaluator */

/* Monday to Wednesday, granularity 30. M 08:10-16:10 (covers 08:00-16:00 on the grid),
 * L 14:00-22:00. Demand: Monday 08:00-16:00 for 2; Tuesday 12:00-18:00 for 1 (shortage
 * weight 3, surplus weight 2); Wednesday 08:00-09:00 for 0 and shift L for 1 (shortage
 * weight 2). Tuesday is a holiday; E1 compensates it on Wednesday. */
static EscProblem *
evaluation_problem (const char *objectives)
{
  g_autoptr(EscProject) project = esc_test_project_new (MONDAY, 3);

  esc_project_set_parameter (project, "granularity", "30");
  esc_project_set_parameter (project, "allocation_priority_weekdays", "tue");
  if (objectives != NULL)
    esc_project_set_parameter (project, "objective_function", objectives);
  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "M", "start", "08:10", "end", "16:10", NULL);
  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "L", "start", "14:00", "end", "22:00", NULL);
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "P1", "mon", "M, L", "tue", "M, L",
                    "wed", "M, L", NULL);
  esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", "2026-12-07",
                    "start", "08:00", "end", "16:00", "quantity", "2", "over_weight", "5", NULL);
  esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", "tue",
                    "start", "12:00", "end", "18:00", "quantity", "1", "under_weight", "3",
                    "over_weight", "2", NULL);
  esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", "wed",
                    "start", "08:00", "end", "09:00", "quantity", "0", NULL);
  esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", "wed",
                    "shift", "L", "quantity", "1", "under_weight", "2", NULL);
  esc_test_add_row (project, ESC_TABLE_HOLIDAY, "date", "2026-12-08", "national", "yes", NULL);
  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"), "preferred_rest", "wed",
                    "holiday_compensation_deadline", "1", NULL);
  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E2"), "preferred_rest", "mon", NULL);
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "E1", "kind", "prefer",
                    "shift", "L", "weight", "3", NULL);
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "E1", "kind", "day_off",
                    "date", "2026-12-09", "weight", "2", NULL);
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "E2", "kind", "shift_on",
                    "date", "2026-12-07", "shift", "M", "weight", "5", NULL);
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "E2", "kind", "shift_off",
                    "date", "2026-12-09", "shift", "L", "weight", "4", NULL);
  esc_test_add_row (project, ESC_TABLE_PREFERENCE, "employee", "E2", "kind", "prefer",
                    "shift", "M", NULL);
  return esc_test_compile (project);
}

static void
test_evaluate (void)
{
  g_autoptr(EscProblem) problem = evaluation_problem (NULL);
  g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);

  /* E1: M Monday, L Tuesday (the holiday), compensation Wednesday. E2: M Tue and Wed. */
  esc_test_work (schedule, "E1", 0, "M");
  esc_test_work (schedule, "E1", 1, "L");
  esc_schedule_set_compensation (schedule, 0, 2, TRUE);
  esc_test_work (schedule, "E2", 1, "M");
  esc_test_work (schedule, "E2", 2, "M");
  esc_test_assert_legal (schedule);

  /* Shortage: Monday one person short for 480 min (weight 1); Tuesday 12-18 covered
   * (E2 12-16, E1 14-18); Wednesday nobody on L: 480 min, weight 2. */
  g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_DEMAND_FULFILLMENT), ==,
                     480 + 2 * 480);
  /* Surplus: Tuesday 14-16 two people, weight 2; Wednesday 08-09 one for zero, weight 1. */
  g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_OVER_COVERAGE), ==,
                     2 * 120 + 60);
  g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_HOLIDAY_COMPENSATION), ==, 1);
  g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_PRIORITY_WORKING_DAYS), ==,
                     420 + 420);
  g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_WORKING_DAYS), ==, 4);
  /* E1 off on Wednesday (preferred), E2 off on Monday (preferred). */
  g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_PREFERABLE_RESTS), ==, 2);
  /* Headcount 1, 2, 1. */
  g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_WORKFORCE_BALANCE), ==, 1);
  g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_WORKING_HOURS), ==, 4 * 420);
  g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_MIN_HOURS), ==, 4 * 420);
  /* E1: L Tuesday (3), Wednesday off (2). E2: not M on Monday (0), not L on Wednesday (4),
   * M twice (1 + 1). */
  g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_PREFERENCES), ==,
                     3 + 2 + 4 + 1 + 1);

  /* The default levels, values to minimise. */
  {
    g_autofree double *values = esc_test_level_values (schedule);
    const double expected[] = { 1440, -1, -840, -4, -2, 1, -1680 };

    g_assert_cmpuint (problem->levels->len, ==, G_N_ELEMENTS (expected));
    for (guint l = 0; l < G_N_ELEMENTS (expected); l++)
      g_assert_cmpfloat (values[l], ==, expected[l]);
  }
}

static void
test_evaluate_weighted_level (void)
{
  g_autoptr(EscProblem) problem =
    evaluation_problem ("demand_fulfillment*100+over_coverage+preferences, working_days");
  g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);
  g_autofree double *values = NULL;

  esc_test_work (schedule, "E1", 0, "M");
  esc_test_work (schedule, "E1", 1, "L");
  esc_schedule_set_compensation (schedule, 0, 2, TRUE);
  esc_test_work (schedule, "E2", 1, "M");
  esc_test_work (schedule, "E2", 2, "M");

  values = esc_test_level_values (schedule);
  g_assert_cmpuint (problem->levels->len, ==, 2);
  g_assert_cmpfloat (values[0], ==, 100.0 * 1440 + 300 - 11);
  g_assert_cmpfloat (values[1], ==, -4);

  /* Nobody works: all demand short, Monday's and Tuesday's windows and Wednesday's L. */
  {
    g_autoptr(EscSchedule) empty = esc_schedule_new (problem);

    g_assert_cmpfloat (esc_evaluate_objective (empty, ESC_OBJ_DEMAND_FULFILLMENT), ==,
                       2 * 480 + 3 * 360 + 2 * 480);
    g_assert_cmpfloat (esc_evaluate_objective (empty, ESC_OBJ_OVER_COVERAGE), ==, 0);
    /* E1 day off Wednesday 2, E2 not M Monday... shift_on not met, shift_off met 4. */
    g_assert_cmpfloat (esc_evaluate_objective (empty, ESC_OBJ_PREFERENCES), ==, 2 + 4);
    g_assert_cmpfloat (esc_evaluate_objective (empty, ESC_OBJ_PREFERABLE_RESTS), ==, 2);
    g_assert_cmpfloat (esc_evaluate_objective (empty, ESC_OBJ_WORKFORCE_BALANCE), ==, 0);
  }
}

static void
test_evaluate_coverage_arrays (void)
{
  g_autoptr(EscProblem) problem = evaluation_problem (NULL);
  g_autoptr(EscSchedule) schedule = esc_schedule_new (problem);
  g_autofree guint *covering = NULL;
  g_autofree guint *working = NULL;
  double unmet = 0;

  esc_test_work (schedule, "E1", 1, "L");
  esc_test_work (schedule, "E2", 2, "L");
  covering = esc_evaluate_slot_coverage (schedule);
  working = esc_evaluate_shift_demand_coverage (schedule);

  g_assert_cmpuint (problem->shift_demands->len, ==, 1);
  g_assert_cmpuint (working[0], ==, 1);
  for (guint i = 0; i < problem->slots->len; i++)
    {
      const EscProblemSlot *slot = &g_array_index (problem->slots, EscProblemSlot, i);

      if (slot->required > (int) covering[i])
        unmet += (slot->required - (int) covering[i]) * (double) (slot->end - slot->start) *
                 slot->under_weight;
    }
  /* Monday 2 x 480; Tuesday 12-14 short (weight 3). */
  g_assert_cmpfloat (unmet, ==, 2 * 480 + 3 * 120);
  g_assert_cmpfloat (esc_evaluate_objective (schedule, ESC_OBJ_DEMAND_FULFILLMENT), ==, unmet);
}

/* The enumeration itself, on cases counted by hand. */

static EscProject *
oracle_hand_project (int n_employees)
{
  g_autoptr(EscProject) project = esc_test_project_new (MONDAY, 2);

  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "M", "start", "08:00", "end", "16:00", NULL);
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "P1", "mon", "M", "tue", "M", NULL);
  esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", "mon",
                    "start", "08:00", "end", "16:00", "quantity", "1", NULL);
  esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", "tue",
                    "start", "08:00", "end", "16:00", "quantity", "1", NULL);
  for (int i = 1; i <= n_employees; i++)
    {
      g_autofree char *id = g_strdup_printf ("E%d", i);

      /* 7 h a week: one day of M at most. */
      esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE (id), "weekly_hours", "7", NULL);
    }
  esc_project_set_parameter (project, "objective_function", "demand_fulfillment, working_hours");
  return g_steal_pointer (&project);
}

static void
test_enumerate_hand (void)
{
  EscTestEnumeration result;

  {
    g_autoptr(EscProject) project = oracle_hand_project (1);
    g_autoptr(EscProblem) problem = esc_test_compile (project);

    /* Rows: off-off, M-off, off-M (M-M is 14 h). One day stays uncovered. */
    g_assert_true (esc_test_enumerate (problem, FALSE, 1000, &result));
    g_assert_true (result.feasible);
    g_assert_cmpuint (result.n_rows, ==, 3);
    g_assert_cmpuint (result.n_schedules, ==, 3);
    g_assert_cmpfloat (result.best[0], ==, 480);
    g_assert_cmpfloat (result.best[1], ==, -420);
    esc_test_assert_legal (result.schedule);
    esc_test_enumeration_clear (&result);
  }

  {
    g_autoptr(EscProject) project = oracle_hand_project (2);
    g_autoptr(EscProblem) problem = esc_test_compile (project);

    g_assert_true (esc_test_enumerate (problem, FALSE, 1000, &result));
    g_assert_cmpuint (result.n_schedules, ==, 9);
    g_assert_cmpfloat (result.best[0], ==, 0);
    g_assert_cmpfloat (result.best[1], ==, -840);
    esc_test_enumeration_clear (&result);

    /* Too many for the limit: nothing enumerated. */
    g_assert_false (esc_test_enumerate (problem, FALSE, 5, &result));
    g_assert_null (result.best);
  }
}

static void
test_enumerate_compensation_flags (void)
{
  g_autoptr(EscProject) project = esc_test_project_new (MONDAY, 2);
  const char *orders[] = { "working_days", "holiday_compensation, working_days",
                           "min_hours, holiday_compensation" };
  const double expected[][2] = { { -1, 0 }, { -1, -1 }, { 0, 0 } };

  /* Monday is a holiday; the deadline (1 day) is Tuesday, inside the horizon: working
   * Monday forces Tuesday off as its compensation. */
  esc_test_add_row (project, ESC_TABLE_SHIFT, "id", "M", "start", "08:00", "end", "16:00", NULL);
  esc_test_add_row (project, ESC_TABLE_PATTERN, "id", "P1", "mon", "M", "tue", "M", NULL);
  esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", "mon",
                    "start", "08:00", "end", "16:00", "quantity", "1", NULL);
  esc_test_add_row (project, ESC_TABLE_DEMAND, "store", "S1", "role", "R1", "day", "tue",
                    "start", "08:00", "end", "16:00", "quantity", "1", NULL);
  esc_test_add_row (project, ESC_TABLE_HOLIDAY, "date", "2026-12-07", "national", "yes", NULL);
  esc_test_add_row (project, ESC_TABLE_EMPLOYEE, EMPLOYEE ("E1"),
                    "holiday_compensation_deadline", "1", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autoptr(EscProblem) problem = NULL;
      EscTestEnumeration some, all;

      esc_project_set_parameter (project, "objective_function", orders[i]);
      problem = esc_test_compile (project);
      g_assert_true (esc_test_enumerate (problem, FALSE, 1000, &some));
      g_assert_true (esc_test_enumerate (problem, TRUE, 1000, &all));
      /* Legal rows with maximal flags: off-off, M-off(C), off-M. With every subset of
       * flags: off-off with 0 (holiday: no), flag Tuesday or not = 2; M-off(C) = 1;
       * off-M = 1. */
      g_assert_cmpuint (some.n_rows, ==, 3);
      g_assert_cmpuint (all.n_rows, ==, 4);
      for (guint l = 0; l < problem->levels->len; l++)
        {
          g_assert_cmpfloat (some.best[l], ==, expected[i][l]);
          g_assert_cmpfloat (all.best[l], ==, expected[i][l]);
        }
      esc_test_enumeration_clear (&some);
      esc_test_enumeration_clear (&all);
    }
}

void
esc_test_add_checker_tests (void)
{
  g_test_add_func ("/solver/checker/option", test_option);
  g_test_add_func ("/solver/checker/pattern-week", test_pattern_week);
  g_test_add_func ("/solver/checker/pattern-weekday", test_pattern_weekday);
  g_test_add_func ("/solver/checker/demand-day", test_demand_day);
  g_test_add_func ("/solver/checker/weekly-hours", test_weekly_hours);
  g_test_add_func ("/solver/checker/weekly-hours-history", test_weekly_hours_history);
  g_test_add_func ("/solver/checker/consecutive-days", test_consecutive_days);
  g_test_add_func ("/solver/checker/consecutive-days-history", test_consecutive_days_history);
  g_test_add_func ("/solver/checker/consecutive-sundays", test_consecutive_sundays);
  g_test_add_func ("/solver/checker/consecutive-limited-history",
                   test_consecutive_limited_history);
  g_test_add_func ("/solver/checker/compensation", test_compensation);
  g_test_add_func ("/solver/checker/compensation-day-unusable", test_compensation_day_unusable);
  g_test_add_func ("/solver/checker/compensation-beyond-horizon",
                   test_compensation_beyond_horizon);
  g_test_add_func ("/solver/checker/compensation-no-deadline", test_compensation_no_deadline);
  g_test_add_func ("/solver/checker/compensation-day-misplaced",
                   test_compensation_day_misplaced);
  g_test_add_func ("/solver/checker/compensation-pending", test_compensation_pending);
  g_test_add_func ("/solver/checker/compensation-matching", test_compensation_matching);
  g_test_add_func ("/solver/checker/leave", test_leave);
  g_test_add_func ("/solver/checker/leave-compiled", test_leave_compiled);
  g_test_add_func ("/solver/checker/ban", test_ban);
  g_test_add_func ("/solver/checker/sequence", test_sequence);
  g_test_add_func ("/solver/checker/rest", test_rest);
  g_test_add_func ("/solver/checker/hours-only-shift", test_hours_only_shift);
  g_test_add_func ("/solver/checker/min-max-hours", test_min_max_hours);
  g_test_add_func ("/solver/checker/max-rest-days", test_max_rest_days);
  g_test_add_func ("/solver/checker/min-consecutive-days", test_min_consecutive_days);
  g_test_add_func ("/solver/checker/min-consecutive-days-history",
                   test_min_consecutive_days_history);
  g_test_add_func ("/solver/checker/min-consecutive-off", test_min_consecutive_off);
  g_test_add_func ("/solver/checker/min-consecutive-off-history",
                   test_min_consecutive_off_history);
  g_test_add_func ("/solver/checker/max-weekends", test_max_weekends);
  g_test_add_func ("/solver/checker/max-weekends-sunday-start", test_max_weekends_sunday_start);
  g_test_add_func ("/solver/checker/max-shift-count", test_max_shift_count);
  g_test_add_func ("/solver/checker/several", test_several);
  g_test_add_func ("/solver/evaluate/objectives", test_evaluate);
  g_test_add_func ("/solver/evaluate/weighted-level", test_evaluate_weighted_level);
  g_test_add_func ("/solver/evaluate/coverage-arrays", test_evaluate_coverage_arrays);
  g_test_add_func ("/solver/oracle/enumerate-hand", test_enumerate_hand);
  g_test_add_func ("/solver/oracle/enumerate-compensation-flags",
                   test_enumerate_compensation_flags);
}
