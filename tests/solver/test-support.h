/* test-support.h: tiny problems for the solver's tests, and the enumeration oracle.
 *
 * Problems are built the way users build them: a project in code (esc_project_new and
 * esc_table_append_values through esc_test_add_row), compiled by
 * esc_problem_new_from_project. A test that needs a fact the compiler would never
 * produce (say, an option that overlaps leave, to see the checker catch it) changes the
 * compiled problem's arrays in place, through their own GArray functions, so the
 * problem still frees itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/esc-project.h"
#include "core/esc-table.h"
#include "solver/esc-checker.h"
#include "solver/esc-evaluate.h"
#include "solver/esc-schedule.h"

G_BEGIN_DECLS

/* A project with location L1 (city Campinas, state SP, country BR), store S1 at L1,
 * role R1, and the parameters start_date and max_horizon. */
EscProject *esc_test_project_new (const char *start_date, int n_days);

/* Appends a row to @table; the cells follow as pairs of column key and text, ended by
 * NULL: esc_test_add_row (p, ESC_TABLE_SHIFT, "id", "M", "start", "08:00", NULL).
 * Unknown keys abort the test. Returns the row (borrowed). */
EscRow *esc_test_add_row (EscProject *project, EscTableId table, ...) G_GNUC_NULL_TERMINATED;

/* Compiles @project; the test fails with the compiler's message when it cannot. */
EscProblem *esc_test_compile (EscProject *project);

/* The option of @employee on @day whose shift id is @shift; the test fails when there is
 * none. */
int  esc_test_option (const EscProblem *problem, const char *employee, int day,
                      const char *shift);
/* Sets @employee to work @shift on @day (NULL: off). */
void esc_test_work   (EscSchedule *schedule, const char *employee, int day, const char *shift);
int  esc_test_employee (const EscProblem *problem, const char *employee);

/* Asserts that @violations holds exactly one violation, of @rule, for @employee (index)
 * from @first_day to @last_day; prints every message otherwise. */
#define esc_test_assert_one_violation(violations, rule, employee, first_day, last_day) \
  esc_test_assert_one_violation_full (__FILE__, __LINE__, violations, rule, employee, \
                                      first_day, last_day)
void esc_test_assert_one_violation_full (const char *file, int line, GPtrArray *violations,
                                         EscRule rule, int employee, int first_day,
                                         int last_day);
#define esc_test_assert_legal(schedule) \
  esc_test_assert_legal_full (__FILE__, __LINE__, schedule)
void esc_test_assert_legal_full (const char *file, int line, const EscSchedule *schedule);

/* The enumeration oracle. Every schedule of @problem: each employee-day off or one of its
 * options; when the problem has holidays or pending compensations, compensation flags on
 * days off too: every subset when @all_flags, else the flags on every day off that is
 * not a holiday at the employee's store (which dominates: a flag on such a day is never a
 * violation and only adds compensation days). All hard rules concern one employee, so a
 * schedule is legal exactly when each employee's row is legal on its own
 * (esc_checker_check_employee): the rows are filtered per employee, then every
 * combination of legal rows is scored level by level (esc_evaluate_level) and the
 * lexicographic minimum kept (ties within 1e-6). */
typedef struct
{
  gboolean feasible;         /* some schedule is legal */
  guint n_levels;
  double *best;              /* n_levels values to minimise, of the best schedule */
  EscSchedule *schedule;     /* a best schedule */
  guint64 n_rows;            /* legal rows summed over employees */
  guint64 n_schedules;       /* legal schedules scored */
} EscTestEnumeration;

/* FALSE (and nothing enumerated) when more than @limit combinations of legal rows would
 * have to be scored, or more than @limit rows checked for one employee. */
gboolean esc_test_enumerate (EscProblem *problem, gboolean all_flags, guint64 limit,
                             EscTestEnumeration *result);
void     esc_test_enumeration_clear (EscTestEnumeration *result);

/* The level values of @schedule (to minimise), n = problem->levels->len. */
double  *esc_test_level_values (const EscSchedule *schedule);

G_END_DECLS
