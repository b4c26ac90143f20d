/* test-support.c: tiny problems for the solver's tests, and the enumeration oracle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "core/esc-schema.h"
#include "test-support.h"

#define TOLERANCE 1e-6

/* Projects */

EscProject *
esc_test_project_new (const char *start_date,
                      int         n_days)
{
  EscProject *project = esc_project_new ();
  g_autofree char *days = g_strdup_printf ("%d", n_days);

  esc_test_add_row (project, ESC_TABLE_LOCATION, "id", "L1", "city", "Campinas",
                    "state", "SP", "country", "BR", NULL);
  esc_test_add_row (project, ESC_TABLE_STORE, "id", "S1", "location", "L1", NULL);
  esc_test_add_row (project, ESC_TABLE_ROLE, "id", "R1", NULL);
  esc_project_set_parameter (project, "start_date", start_date);
  esc_project_set_parameter (project, "max_horizon", days);
  return project;
}

EscRow *
esc_test_add_row (EscProject *project,
                  EscTableId  table_id,
                  ...)
{
  EscTable *table = esc_project_get_table (project, table_id);
  const EscTableSchema *schema = esc_table_get_schema (table);
  g_autofree const char **values = g_new0 (const char *, schema->n_columns + 1);
  const char *key;
  va_list args;

  va_start (args, table_id);
  while ((key = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      int column = esc_schema_find_column (schema, key);

      if (column < 0)
        g_error ("table %s has no column %s", schema->key, key);
      values[column] = value;
    }
  va_end (args);

  return esc_table_append_values (table, values);
}

EscProblem *
esc_test_compile (EscProject *project)
{
  g_autoptr(GError) error = NULL;
  EscProblem *problem = esc_problem_new_from_project (project, &error);

  g_assert_no_error (error);
  g_assert_nonnull (problem);
  return problem;
}

int
esc_test_employee (const EscProblem *problem,
                   const char       *employee)
{
  for (guint e = 0; e < problem->employees->len; e++)
    if (g_strcmp0 (esc_problem_get_employee (problem, e)->id, employee) == 0)
      return (int) e;
  g_error ("no employee %s in the problem", employee);
  return ESC_NONE;
}

int
esc_test_option (const EscProblem *problem,
                 const char       *employee,
                 int               day,
                 const char       *shift)
{
  const EscProblemEmployee *emp = esc_problem_get_employee (problem,
                                                            esc_test_employee (problem, employee));

  g_assert_cmpint (day, >=, 0);
  g_assert_cmpint (day, <, problem->n_days);
  for (guint o = emp->day_offset[day]; o < emp->day_offset[day + 1]; o++)
    if (g_strcmp0 (esc_problem_get_shift (problem, esc_problem_get_option (problem, o)->shift)->id,
                   shift) == 0)
      return (int) o;
  g_error ("employee %s has no option %s on day %d", employee, shift, day);
  return ESC_NONE;
}

void
esc_test_work (EscSchedule *schedule,
               const char  *employee,
               int          day,
               const char  *shift)
{
  int e = esc_test_employee (schedule->problem, employee);

  esc_schedule_set_choice (schedule, e, day,
                           shift != NULL ? esc_test_option (schedule->problem, employee, day, shift)
                                         : ESC_NONE);
}

/* Assertions */

static void
print_violations (GPtrArray *violations)
{
  for (guint i = 0; i < violations->len; i++)
    {
      const EscViolation *v = g_ptr_array_index (violations, i);

      g_printerr ("  [%s] employee %d, days %d..%d: %s\n", esc_rule_name (v->rule), v->employee,
                  v->first_day, v->last_day, v->message);
    }
}

void
esc_test_assert_one_violation_full (const char *file,
                                    int         line,
                                    GPtrArray  *violations,
                                    EscRule     rule,
                                    int         employee,
                                    int         first_day,
                                    int         last_day)
{
  const EscViolation *v;

  if (violations->len == 1)
    {
      v = g_ptr_array_index (violations, 0);
      if (v->rule == rule && v->employee == employee && v->first_day == first_day &&
          v->last_day == last_day && v->message != NULL && *v->message != '\0')
        {
          if (g_test_verbose ())
            g_test_message ("[%s] %s", esc_rule_name (v->rule), v->message);
          return;
        }
    }
  g_printerr ("%s:%d: expected one violation [%s] employee %d, days %d..%d; found %u:\n", file,
              line, esc_rule_name (rule), employee, first_day, last_day, violations->len);
  print_violations (violations);
  g_test_fail ();
}

void
esc_test_assert_legal_full (const char        *file,
                            int                line,
                            const EscSchedule *schedule)
{
  g_autoptr(GPtrArray) violations = esc_checker_check (schedule);

  if (violations->len == 0)
    return;
  g_printerr ("%s:%d: expected a legal schedule; found %u violations:\n", file, line,
              violations->len);
  print_violations (violations);
  g_test_fail ();
}

/* The oracle */

typedef struct
{
  GArray *choices;   /* int: n_days per legal row */
  GArray *flags;     /* gboolean: n_days per legal row */
  guint n_rows;
} EmployeeRows;

static gboolean
problem_has_compensations (const EscProblem *problem)
{
  guint n_stores = problem->store_ids->len;

  for (guint i = 0; i < n_stores * (guint) problem->n_days; i++)
    if (problem->store_holiday[i])
      return TRUE;
  for (guint e = 0; e < problem->employees->len; e++)
    {
      const EscProblemEmployee *employee = esc_problem_get_employee (problem, e);

      if (employee->pending_compensations != NULL && employee->pending_compensations->len > 0)
        return TRUE;
    }
  return FALSE;
}

/* Every legal row of employee @e, into @rows; FALSE when more than @limit rows would have
 * to be checked. */
static gboolean
enumerate_rows (EscSchedule  *scratch,
                guint         e,
                gboolean      flags_used,
                gboolean      all_flags,
                guint64       limit,
                EmployeeRows *rows)
{
  const EscProblem *problem = scratch->problem;
  const EscProblemEmployee *employee = esc_problem_get_employee (problem, e);
  int n_days = problem->n_days;
  g_autofree int *counter = g_new0 (int, n_days);   /* 0 = off, k = k-th option */
  g_autofree int *width = g_new0 (int, n_days);
  guint64 total = 1;

  for (int d = 0; d < n_days; d++)
    {
      width[d] = 1 + (int) (employee->day_offset[d + 1] - employee->day_offset[d]);
      total *= width[d];
      if (total > limit)
        return FALSE;
    }

  rows->choices = g_array_new (FALSE, FALSE, sizeof (int));
  rows->flags = g_array_new (FALSE, FALSE, sizeof (gboolean));
  rows->n_rows = 0;

  for (;;)
    {
      guint n_off = 0;
      int off_days[64];

      for (int d = 0; d < n_days; d++)
        {
          int choice = counter[d] == 0 ? ESC_NONE
                                       : (int) employee->day_offset[d] + counter[d] - 1;

          esc_schedule_set_choice (scratch, e, d, choice);
          esc_schedule_set_compensation (scratch, e, d, FALSE);
          if (choice == ESC_NONE && n_off < G_N_ELEMENTS (off_days))
            off_days[n_off++] = d;
        }

      if (!flags_used)
        n_off = 0;
      else if (!all_flags)
        {
          for (guint i = 0; i < n_off; i++)
            if (!problem->store_holiday[employee->store * n_days + off_days[i]])
              esc_schedule_set_compensation (scratch, e, off_days[i], TRUE);
          n_off = 0;
        }

      /* Each subset of the flags on days off (just the one set above unless all_flags). */
      for (guint64 mask = 0; mask < ((guint64) 1 << n_off); mask++)
        {
          g_autoptr(GPtrArray) violations = NULL;

          for (guint i = 0; i < n_off; i++)
            esc_schedule_set_compensation (scratch, e, off_days[i], (mask >> i) & 1);
          violations = esc_checker_check_employee (scratch, e);
          if (violations->len > 0)
            continue;
          for (int d = 0; d < n_days; d++)
            {
              int choice = esc_schedule_get_choice (scratch, e, d);
              gboolean flag = esc_schedule_get_compensation (scratch, e, d);

              g_array_append_val (rows->choices, choice);
              g_array_append_val (rows->flags, flag);
            }
          rows->n_rows++;
        }

      /* Next row, odometer style. */
      {
        int d = 0;

        while (d < n_days && ++counter[d] == width[d])
          counter[d++] = 0;
        if (d == n_days)
          break;
      }
    }

  /* Leave the scratch row empty for the next employee. */
  for (int d = 0; d < n_days; d++)
    {
      esc_schedule_set_choice (scratch, e, d, ESC_NONE);
      esc_schedule_set_compensation (scratch, e, d, FALSE);
    }
  return TRUE;
}

static void
apply_row (EscSchedule        *schedule,
           guint               e,
           const EmployeeRows *rows,
           guint               row)
{
  int n_days = schedule->problem->n_days;

  for (int d = 0; d < n_days; d++)
    {
      esc_schedule_set_choice (schedule, e, d,
                               g_array_index (rows->choices, int, row * n_days + d));
      esc_schedule_set_compensation (schedule, e, d,
                                     g_array_index (rows->flags, gboolean, row * n_days + d));
    }
}

double *
esc_test_level_values (const EscSchedule *schedule)
{
  GPtrArray *levels = schedule->problem->levels;
  double *values = g_new0 (double, MAX (levels->len, 1));

  for (guint l = 0; l < levels->len; l++)
    values[l] = esc_evaluate_level (schedule, g_ptr_array_index (levels, l));
  return values;
}

gboolean
esc_test_enumerate (EscProblem         *problem,
                    gboolean            all_flags,
                    guint64             limit,
                    EscTestEnumeration *result)
{
  guint n_employees = problem->employees->len;
  guint n_levels = problem->levels->len;
  g_autoptr(EscSchedule) scratch = esc_schedule_new (problem);
  g_autofree EmployeeRows *rows = g_new0 (EmployeeRows, MAX (n_employees, 1));
  g_autofree guint *counter = g_new0 (guint, MAX (n_employees, 1));
  g_autofree double *values = g_new0 (double, MAX (n_levels, 1));
  gboolean flags_used = problem_has_compensations (problem);
  gboolean ok = TRUE;
  guint64 combinations = 1;

  memset (result, 0, sizeof *result);
  result->n_levels = n_levels;
  result->best = g_new0 (double, MAX (n_levels, 1));

  for (guint e = 0; e < n_employees && ok; e++)
    {
      ok = enumerate_rows (scratch, e, flags_used, all_flags, limit, &rows[e]);
      if (ok)
        {
          result->n_rows += rows[e].n_rows;
          combinations *= rows[e].n_rows;
          ok = combinations <= limit;
        }
    }

  if (ok && combinations > 0)
    {
      for (guint e = 0; e < n_employees; e++)
        apply_row (scratch, e, &rows[e], 0);

      for (;;)
        {
          gboolean better = !result->feasible;

          /* Lexicographic comparison, level by level, stopping at the first difference. */
          for (guint l = 0; l < n_levels; l++)
            {
              values[l] = esc_evaluate_level (scratch, g_ptr_array_index (problem->levels, l));
              if (better)
                continue;
              if (values[l] < result->best[l] - TOLERANCE)
                better = TRUE;
              else if (values[l] > result->best[l] + TOLERANCE)
                break;
            }
          result->n_schedules++;
          if (better)
            {
              result->feasible = TRUE;
              memcpy (result->best, values, n_levels * sizeof (double));
              g_clear_pointer (&result->schedule, esc_schedule_unref);
              result->schedule = esc_schedule_copy (scratch);
            }

          /* Next combination, odometer style, rewriting only the rows that change. */
          {
            guint e = 0;

            while (e < n_employees && ++counter[e] == rows[e].n_rows)
              {
                counter[e] = 0;
                apply_row (scratch, e, &rows[e], 0);
                e++;
              }
            if (e == n_employees)
              break;
            apply_row (scratch, e, &rows[e], counter[e]);
          }
        }
    }

  for (guint e = 0; e < n_employees; e++)
    {
      g_clear_pointer (&rows[e].choices, g_array_unref);
      g_clear_pointer (&rows[e].flags, g_array_unref);
    }
  if (!ok)
    esc_test_enumeration_clear (result);
  return ok;
}

void
esc_test_enumeration_clear (EscTestEnumeration *result)
{
  g_clear_pointer (&result->best, g_free);
  g_clear_pointer (&result->schedule, esc_schedule_unref);
  result->feasible = FALSE;
}
