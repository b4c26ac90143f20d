/* test-validate.c: tests of esc-validate.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "core/esc-table.h"
#include "core/esc-validate.h"
#include "test-core.h"

/* A small project without problems. */
static EscRow *
add_employee (EscProject *project,
              const char *id,
              const char *role,
              const char *store,
              const char *weekly_hours,
              const char *patterns)
{
  const char *values[ESC_EMPLOYEE_N_COLUMNS] = { NULL };

  values[ESC_EMPLOYEE_ID] = id;
  values[ESC_EMPLOYEE_ROLE] = role;
  values[ESC_EMPLOYEE_STORE] = store;
  values[ESC_EMPLOYEE_WEEKLY_HOURS] = weekly_hours;
  values[ESC_EMPLOYEE_PATTERNS] = patterns;
  return esc_table_append_values (esc_project_get_table (project, ESC_TABLE_EMPLOYEE), values);
}

static EscRow *
add_row (EscProject         *project,
         EscTableId          table,
         const char * const *values)
{
  return esc_table_append_values (esc_project_get_table (project, table), values);
}

static EscProject *
new_valid_project (void)
{
  EscProject *p = esc_project_new ();
  EscRow *row;

  add_row (p, ESC_TABLE_LOCATION, (const char *[]) { "L1", "São Paulo", "SP", "BR" });
  add_row (p, ESC_TABLE_LOCATION, (const char *[]) { "L2", "Rio", "RJ", "BR" });
  add_row (p, ESC_TABLE_STORE, (const char *[]) { "S1", "L1", "Paulista" });
  add_row (p, ESC_TABLE_STORE, (const char *[]) { "S2", " L2 ", NULL });
  add_row (p, ESC_TABLE_ROLE, (const char *[]) { "cashier", "Cashier" });
  add_row (p, ESC_TABLE_ROLE, (const char *[]) { "stocker", NULL });
  add_row (p, ESC_TABLE_SHIFT, (const char *[]) { "M", "08:00", "16:00", "60", NULL, "#3584e4" });
  add_row (p, ESC_TABLE_SHIFT, (const char *[]) { "N", "22:00", "06:00", NULL, NULL, NULL });
  add_row (p, ESC_TABLE_SHIFT, (const char *[]) { "L", "16:00", "24:00", NULL, NULL, NULL });
  add_row (p, ESC_TABLE_SHIFT, (const char *[]) { "D", NULL, NULL, NULL, "7.5", NULL });
  add_row (p, ESC_TABLE_PATTERN, (const char *[]) { "P1", "08:00 - 16:00", "M, N", "22:00–06:00",
                                                    "D", NULL, NULL, NULL });
  add_row (p, ESC_TABLE_PATTERN, (const char *[]) { "P2", "10:00-18:20", NULL, NULL, NULL,
                                                    "M", "L", "16:00 - 24:00" });

  row = add_employee (p, "E001", "cashier", "S1", "44", "P1, P2");
  esc_row_set (row, ESC_EMPLOYEE_NAME, "Ana");
  esc_row_set (row, ESC_EMPLOYEE_MAX_CONSECUTIVE_DAYS, "6");
  esc_row_set (row, ESC_EMPLOYEE_MAX_CONSECUTIVE_SUNDAYS, "2");
  esc_row_set (row, ESC_EMPLOYEE_LIMITED_WEEKDAY, "dom");
  esc_row_set (row, ESC_EMPLOYEE_PREFERRED_REST, "sat");
  esc_row_set (row, ESC_EMPLOYEE_COMPENSATION_DEADLINE, "30");
  esc_row_set (row, ESC_EMPLOYEE_LEAVE, "24/12/2026 - 26/12/2026");
  esc_row_set (row, ESC_EMPLOYEE_MIN_HOURS, "40");
  esc_row_set (row, ESC_EMPLOYEE_MAX_HOURS, "07:36");
  esc_row_set (row, ESC_EMPLOYEE_MAX_HOURS, "");
  esc_row_set (row, ESC_EMPLOYEE_MAX_SHIFTS, "N:2, M : 5");
  esc_row_set (row, ESC_EMPLOYEE_FULL_TIME, "sim");
  esc_row_set (row, ESC_EMPLOYEE_START_DATE, "01/02/2020");
  add_employee (p, "E002", "stocker", "S2", "07:36", "P2");

  add_row (p, ESC_TABLE_DEMAND, (const char *[]) { "S1", "cashier", "mon", "08:00", "12:00",
                                                   NULL, "2", NULL, NULL });
  add_row (p, ESC_TABLE_DEMAND, (const char *[]) { "S1", "cashier", "2026-12-08", NULL, NULL,
                                                   "M", "1", "10", "0.5" });
  add_row (p, ESC_TABLE_DEMAND, (const char *[]) { "S2", "stocker", "sáb", "18:00", "24:00",
                                                   NULL, "0", NULL, NULL });

  add_row (p, ESC_TABLE_HOLIDAY, (const char *[]) { "25/12/2026", "Christmas", "yes", NULL,
                                                    NULL, NULL });
  add_row (p, ESC_TABLE_HOLIDAY, (const char *[]) { "2026-07-09", "Revolução", "no", NULL,
                                                    "SP", NULL });
  add_row (p, ESC_TABLE_HOLIDAY, (const char *[]) { "2026-01-25", "Aniversário", "no", NULL,
                                                    "L1", "yes" });

  add_row (p, ESC_TABLE_PREVIOUS_ALLOCATION, (const char *[]) { "E001", "2026-12-06", "08:00" });
  add_row (p, ESC_TABLE_PREVIOUS_ALLOCATION, (const char *[]) { "E002", "2026-12-05", "C" });

  add_row (p, ESC_TABLE_PREFERENCE, (const char *[]) { "E001", "ban", NULL, "N", NULL });
  add_row (p, ESC_TABLE_PREFERENCE, (const char *[]) { "E001", "prefer", NULL, "M", "2" });
  add_row (p, ESC_TABLE_PREFERENCE, (const char *[]) { "E002", "day_off", "2026-12-10", NULL,
                                                       "3" });
  add_row (p, ESC_TABLE_PREFERENCE, (const char *[]) { "E002", "shift_on", "2026-12-11", "M",
                                                       NULL });
  add_row (p, ESC_TABLE_PREFERENCE, (const char *[]) { "E002", "shift_off", "2026-12-12", "L",
                                                       NULL });

  add_row (p, ESC_TABLE_FORBIDDEN_SEQUENCE, (const char *[]) { "N", "M" });

  esc_project_set_parameter (p, "start_date", "2026-12-07");
  esc_project_set_parameter (p, "max_horizon", "14");
  esc_project_set_parameter (p, "store_id", "S1, S2");
  esc_project_set_parameter (p, "role_id", "cashier");
  esc_project_set_parameter (p, "first_day_of_week", "sun");
  esc_project_set_parameter (p, "allocation_priority_weekdays", "fri, sat");
  esc_project_set_parameter (p, "allocation_priority_interval", "25-31, 1-5");
  esc_project_set_parameter (p, "max_solution_time", "60");
  esc_project_set_parameter (p, "granularity", "15");
  esc_project_set_parameter (p, "objective_function",
                             "demand_fulfillment, holiday_compensation, working_hours");
  esc_project_set_parameter (p, "min_rest_between_shifts", "11");

  add_row (p, ESC_TABLE_REQUEST, (const char *[]) { "R1", "S1", "audit", "20", "5",
                                                    "2026-11-01", "new", "E001" });
  add_row (p, ESC_TABLE_ASSIGNMENT, (const char *[]) { "A1", "E002", "S2", "audit", "worker",
                                                       "30", "31.5", "no" });
  add_row (p, ESC_TABLE_EXCLUSION, (const char *[]) { "request", "R1" });
  add_row (p, ESC_TABLE_MOVE, (const char *[]) { "A0", "E001", "S9", "S1", "2026-10-01", "10" });
  return p;
}

static EscRow *
get_row (EscProject *project,
         EscTableId  table,
         guint       index)
{
  EscRow *row = esc_table_get_row (esc_project_get_table (project, table), index);

  g_assert_nonnull (row);
  return row;
}

static void
print_diagnostics (GPtrArray *diagnostics)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *text = esc_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_test_message ("%s", text);
    }
}

static void
assert_diagnostic (GPtrArray   *diagnostics,
                   guint        index,
                   EscTableId   table,
                   int          row,
                   int          column,
                   EscSeverity  severity,
                   const char  *substring)
{
  const EscDiagnostic *d;

  if (index >= diagnostics->len)
    print_diagnostics (diagnostics);
  g_assert_cmpuint (index, <, diagnostics->len);
  d = g_ptr_array_index (diagnostics, index);
  if (d->table != table || d->row != row || d->column != column || d->severity != severity ||
      strstr (d->message, substring) == NULL)
    {
      print_diagnostics (diagnostics);
      g_test_message ("expected %d:%d:%d severity %d with “%s”", table, row, column, severity,
                      substring);
    }
  g_assert_cmpint (d->table, ==, table);
  g_assert_cmpint (d->row, ==, row);
  g_assert_cmpint (d->column, ==, column);
  g_assert_cmpint (d->severity, ==, severity);
  g_assert_nonnull (strstr (d->message, substring));
}

/* @project has exactly one problem, as given. */
static void
assert_only (EscProject  *project,
             EscTableId   table,
             int          row,
             int          column,
             EscSeverity  severity,
             const char  *substring)
{
  g_autoptr(GPtrArray) diagnostics = esc_validate_project (project);

  if (diagnostics->len != 1)
    print_diagnostics (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  assert_diagnostic (diagnostics, 0, table, row, column, severity, substring);
}

static void
assert_clean (EscProject *project)
{
  g_autoptr(GPtrArray) diagnostics = esc_validate_project (project);

  if (diagnostics->len != 0)
    print_diagnostics (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
}

static void
test_clean_project (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  g_autoptr(EscProject) empty = esc_project_new ();
  g_autoptr(GPtrArray) diagnostics = NULL;

  assert_clean (p);

  /* An empty project only lacks its start date. */
  diagnostics = esc_validate_project (empty);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpuint (esc_validate_count_errors (diagnostics), ==, 1);
}

static void
test_duplicate_id (void)
{
  g_autoptr(EscProject) p = new_valid_project ();

  add_employee (p, " E002", "cashier", "S1", "44", "P1");
  assert_only (p, ESC_TABLE_EMPLOYEE, 2, ESC_EMPLOYEE_ID, ESC_SEVERITY_ERROR,
               "duplicate employee “E002”: also in row 2");
}

static void
test_duplicate_parameter (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  EscTable *parameters = esc_project_get_table (p, ESC_TABLE_PARAMETER);

  esc_table_append_values (parameters, (const char *[]) { "granularity", "5" });
  assert_only (p, ESC_TABLE_PARAMETER, esc_table_get_n_rows (parameters) - 1, ESC_PARAMETER_KEY,
               ESC_SEVERITY_ERROR, "duplicate parameter “granularity”");
}

static void
test_unknown_store (void)
{
  g_autoptr(EscProject) p = new_valid_project ();

  esc_row_set (get_row (p, ESC_TABLE_EMPLOYEE, 1), ESC_EMPLOYEE_STORE, "LJ09");
  assert_only (p, ESC_TABLE_EMPLOYEE, 1, ESC_EMPLOYEE_STORE, ESC_SEVERITY_ERROR,
               "unknown store “LJ09”; expected one of S1, S2");
}

static void
test_unknown_store_many (void)
{
  g_autoptr(EscProject) p = new_valid_project ();

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("X%u", i);

      add_row (p, ESC_TABLE_STORE, (const char *[]) { id, "L1", NULL });
    }
  esc_row_set (get_row (p, ESC_TABLE_DEMAND, 0), ESC_DEMAND_STORE, "LJ09");
  assert_only (p, ESC_TABLE_DEMAND, 0, ESC_DEMAND_STORE, ESC_SEVERITY_ERROR,
               "unknown store “LJ09”; expected one of the Stores table's ids");
}

static void
test_unknown_role (void)
{
  g_autoptr(EscProject) p = new_valid_project ();

  esc_row_set (get_row (p, ESC_TABLE_EMPLOYEE, 0), ESC_EMPLOYEE_ROLE, "Cashier");
  assert_only (p, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_ROLE, ESC_SEVERITY_ERROR,
               "unknown role “Cashier”");
}

static void
test_unknown_pattern (void)
{
  g_autoptr(EscProject) p = new_valid_project ();

  esc_row_set (get_row (p, ESC_TABLE_EMPLOYEE, 0), ESC_EMPLOYEE_PATTERNS, "P1, P9");
  assert_only (p, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_PATTERNS, ESC_SEVERITY_ERROR,
               "unknown pattern “P9”");
}

static void
test_unknown_shift (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  g_autoptr(GPtrArray) diagnostics = NULL;

  esc_row_set (get_row (p, ESC_TABLE_PATTERN, 0), ESC_PATTERN_TUE, "M, Night");
  esc_row_set (get_row (p, ESC_TABLE_DEMAND, 1), ESC_DEMAND_SHIFT, "E");
  esc_row_set (get_row (p, ESC_TABLE_EMPLOYEE, 0), ESC_EMPLOYEE_MAX_SHIFTS, "N:2, Late:1");
  esc_row_set (get_row (p, ESC_TABLE_PREFERENCE, 0), ESC_PREFERENCE_SHIFT, "X");
  esc_row_set (get_row (p, ESC_TABLE_FORBIDDEN_SEQUENCE, 0), ESC_SEQUENCE_NEXT, "Y");

  diagnostics = esc_validate_project (p);
  g_assert_cmpuint (diagnostics->len, ==, 5);
  assert_diagnostic (diagnostics, 0, ESC_TABLE_PATTERN, 0, ESC_PATTERN_TUE, ESC_SEVERITY_ERROR,
                     "unknown shift “Night”; expected a time window");
  assert_diagnostic (diagnostics, 1, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_MAX_SHIFTS,
                     ESC_SEVERITY_ERROR, "unknown shift “Late”; expected one of M, N, L, D");
  assert_diagnostic (diagnostics, 2, ESC_TABLE_DEMAND, 1, ESC_DEMAND_SHIFT, ESC_SEVERITY_ERROR,
                     "unknown shift “E”");
  assert_diagnostic (diagnostics, 3, ESC_TABLE_PREFERENCE, 0, ESC_PREFERENCE_SHIFT,
                     ESC_SEVERITY_ERROR, "unknown shift “X”");
  assert_diagnostic (diagnostics, 4, ESC_TABLE_FORBIDDEN_SEQUENCE, 0, ESC_SEQUENCE_NEXT,
                     ESC_SEVERITY_ERROR, "unknown shift “Y”");
}

static void
test_unknown_employee (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  g_autoptr(GPtrArray) diagnostics = NULL;

  esc_row_set (get_row (p, ESC_TABLE_PREVIOUS_ALLOCATION, 1), ESC_PREVIOUS_EMPLOYEE, "E003");
  esc_row_set (get_row (p, ESC_TABLE_PREFERENCE, 2), ESC_PREFERENCE_EMPLOYEE, "e002");
  esc_row_set (get_row (p, ESC_TABLE_ASSIGNMENT, 0), ESC_ASSIGNMENT_EMPLOYEE, "E9");
  esc_row_set (get_row (p, ESC_TABLE_ASSIGNMENT, 0), ESC_ASSIGNMENT_TEAM, "T9");
  esc_row_set (get_row (p, ESC_TABLE_MOVE, 0), ESC_MOVE_EMPLOYEE, "E8");

  diagnostics = esc_validate_project (p);
  g_assert_cmpuint (diagnostics->len, ==, 5);
  assert_diagnostic (diagnostics, 0, ESC_TABLE_PREVIOUS_ALLOCATION, 1, ESC_PREVIOUS_EMPLOYEE,
                     ESC_SEVERITY_ERROR, "unknown employee “E003”; expected one of E001, E002");
  assert_diagnostic (diagnostics, 1, ESC_TABLE_PREFERENCE, 2, ESC_PREFERENCE_EMPLOYEE,
                     ESC_SEVERITY_ERROR, "unknown employee “e002”");
  assert_diagnostic (diagnostics, 2, ESC_TABLE_ASSIGNMENT, 0, ESC_ASSIGNMENT_EMPLOYEE,
                     ESC_SEVERITY_ERROR, "unknown employee “E9”");
  assert_diagnostic (diagnostics, 3, ESC_TABLE_ASSIGNMENT, 0, ESC_ASSIGNMENT_TEAM,
                     ESC_SEVERITY_ERROR, "unknown store “T9”");
  assert_diagnostic (diagnostics, 4, ESC_TABLE_MOVE, 0, ESC_MOVE_EMPLOYEE, ESC_SEVERITY_ERROR,
                     "unknown employee “E8”");
}

static void
test_unknown_location (void)
{
  g_autoptr(EscProject) p = new_valid_project ();

  add_row (p, ESC_TABLE_STORE, (const char *[]) { "S3", "L9", NULL });
  assert_only (p, ESC_TABLE_STORE, 2, ESC_STORE_LOCATION, ESC_SEVERITY_ERROR,
               "unknown location “L9”; expected one of L1, L2");
}

static void
test_empty_table_reference (void)
{
  g_autoptr(EscProject) p = new_valid_project ();

  esc_table_clear (esc_project_get_table (p, ESC_TABLE_FORBIDDEN_SEQUENCE));
  esc_table_clear (esc_project_get_table (p, ESC_TABLE_PREFERENCE));
  esc_table_clear (esc_project_get_table (p, ESC_TABLE_DEMAND));
  esc_table_clear (esc_project_get_table (p, ESC_TABLE_PATTERN));
  esc_row_set (get_row (p, ESC_TABLE_EMPLOYEE, 0), ESC_EMPLOYEE_MAX_SHIFTS, "");
  esc_table_clear (esc_project_get_table (p, ESC_TABLE_SHIFT));
  esc_table_remove (esc_project_get_table (p, ESC_TABLE_EMPLOYEE), 0);
  esc_table_clear (esc_project_get_table (p, ESC_TABLE_PREVIOUS_ALLOCATION));
  esc_table_clear (esc_project_get_table (p, ESC_TABLE_REQUEST));
  esc_table_clear (esc_project_get_table (p, ESC_TABLE_EXCLUSION));
  esc_table_clear (esc_project_get_table (p, ESC_TABLE_MOVE));
  assert_only (p, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_PATTERNS, ESC_SEVERITY_ERROR,
               "unknown pattern “P2”; the Patterns table is empty");
}

static void
test_parameter_references (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  g_autoptr(GPtrArray) diagnostics = NULL;
  EscTable *parameters = esc_project_get_table (p, ESC_TABLE_PARAMETER);
  guint stores = esc_table_index_of (parameters, esc_project_find_parameter_row (p, "store_id"));
  guint roles = esc_table_index_of (parameters, esc_project_find_parameter_row (p, "role_id"));

  esc_project_set_parameter (p, "store_id", "S1, LJ09");
  esc_project_set_parameter (p, "role_id", "manager");
  diagnostics = esc_validate_project (p);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  assert_diagnostic (diagnostics, 0, ESC_TABLE_PARAMETER, stores, ESC_PARAMETER_VALUE,
                     ESC_SEVERITY_ERROR, "unknown store “LJ09”");
  assert_diagnostic (diagnostics, 1, ESC_TABLE_PARAMETER, roles, ESC_PARAMETER_VALUE,
                     ESC_SEVERITY_ERROR, "unknown role “manager”");
}

static void
test_pattern_empty_window (void)
{
  g_autoptr(EscProject) p = new_valid_project ();

  esc_row_set (get_row (p, ESC_TABLE_PATTERN, 1), ESC_PATTERN_MON, "08:00 - 08:00");
  assert_only (p, ESC_TABLE_PATTERN, 1, ESC_PATTERN_MON, ESC_SEVERITY_ERROR, "08:00 - 08:00");
}

static void
test_pattern_bad_window (void)
{
  g_autoptr(EscProject) p = new_valid_project ();

  esc_row_set (get_row (p, ESC_TABLE_PATTERN, 0), ESC_PATTERN_SUN, "08:00 - 25:00");
  assert_only (p, ESC_TABLE_PATTERN, 0, ESC_PATTERN_SUN, ESC_SEVERITY_ERROR, "25:00");
}

static void
test_demand_start_after_end (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  g_autoptr(GPtrArray) diagnostics = NULL;

  esc_row_set (get_row (p, ESC_TABLE_DEMAND, 0), ESC_DEMAND_START, "14:00");
  esc_row_set (get_row (p, ESC_TABLE_DEMAND, 0), ESC_DEMAND_END, "12:00");
  esc_row_set (get_row (p, ESC_TABLE_DEMAND, 2), ESC_DEMAND_START, "18:00");
  esc_row_set (get_row (p, ESC_TABLE_DEMAND, 2), ESC_DEMAND_END, "18:00");
  diagnostics = esc_validate_project (p);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  assert_diagnostic (diagnostics, 0, ESC_TABLE_DEMAND, 0, ESC_DEMAND_END, ESC_SEVERITY_ERROR,
                     "start must be before end");
  assert_diagnostic (diagnostics, 0, ESC_TABLE_DEMAND, 0, ESC_DEMAND_END, ESC_SEVERITY_ERROR,
                     "14:00 - 12:00");
  assert_diagnostic (diagnostics, 1, ESC_TABLE_DEMAND, 2, ESC_DEMAND_END, ESC_SEVERITY_ERROR,
                     "start must be before end");
}

static void
test_demand_24 (void)
{
  g_autoptr(EscProject) p = new_valid_project ();

  /* 24:00 ends the day in an end column, not in a start column. */
  esc_row_set (get_row (p, ESC_TABLE_DEMAND, 2), ESC_DEMAND_START, "24:00");
  assert_only (p, ESC_TABLE_DEMAND, 2, ESC_DEMAND_START, ESC_SEVERITY_ERROR, "24:00");
}

static void
test_demand_no_window (void)
{
  g_autoptr(EscProject) p = new_valid_project ();

  esc_row_set (get_row (p, ESC_TABLE_DEMAND, 1), ESC_DEMAND_SHIFT, "");
  assert_only (p, ESC_TABLE_DEMAND, 1, ESC_DEMAND_START, ESC_SEVERITY_ERROR,
               "no window and no shift");
}

static void
test_demand_half_window (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  g_autoptr(GPtrArray) diagnostics = NULL;

  esc_row_set (get_row (p, ESC_TABLE_DEMAND, 0), ESC_DEMAND_END, "");
  esc_row_set (get_row (p, ESC_TABLE_DEMAND, 2), ESC_DEMAND_START, " ");
  esc_row_set (get_row (p, ESC_TABLE_DEMAND, 1), ESC_DEMAND_START, "08:00");
  esc_row_set (get_row (p, ESC_TABLE_DEMAND, 1), ESC_DEMAND_END, "10:00");
  diagnostics = esc_validate_project (p);
  g_assert_cmpuint (diagnostics->len, ==, 3);
  assert_diagnostic (diagnostics, 0, ESC_TABLE_DEMAND, 0, ESC_DEMAND_END, ESC_SEVERITY_ERROR,
                     "start but no end");
  assert_diagnostic (diagnostics, 1, ESC_TABLE_DEMAND, 1, ESC_DEMAND_SHIFT, ESC_SEVERITY_ERROR,
                     "both a window and a shift");
  assert_diagnostic (diagnostics, 2, ESC_TABLE_DEMAND, 2, ESC_DEMAND_START, ESC_SEVERITY_ERROR,
                     "end but no start");
}

static void
test_shift_times (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  g_autoptr(GPtrArray) diagnostics = NULL;

  add_row (p, ESC_TABLE_SHIFT, (const char *[]) { "X1", NULL, NULL, NULL, NULL, NULL });
  add_row (p, ESC_TABLE_SHIFT, (const char *[]) { "X2", "08:00", NULL, NULL, "8", NULL });
  add_row (p, ESC_TABLE_SHIFT, (const char *[]) { "X3", "09:00", "09:00", NULL, NULL, NULL });
  add_row (p, ESC_TABLE_SHIFT, (const char *[]) { "X4", "09:00", "10:00", "60", NULL, "red" });
  add_row (p, ESC_TABLE_SHIFT, (const char *[]) { "X5", "00:00", "24:00", NULL, NULL, NULL });
  diagnostics = esc_validate_project (p);
  g_assert_cmpuint (diagnostics->len, ==, 5);
  assert_diagnostic (diagnostics, 0, ESC_TABLE_SHIFT, 4, ESC_SHIFT_START, ESC_SEVERITY_ERROR,
                     "no times and no hours");
  assert_diagnostic (diagnostics, 1, ESC_TABLE_SHIFT, 5, ESC_SHIFT_END, ESC_SEVERITY_ERROR,
                     "start but no end");
  assert_diagnostic (diagnostics, 2, ESC_TABLE_SHIFT, 6, ESC_SHIFT_END, ESC_SEVERITY_ERROR,
                     "starts and ends at 09:00");
  assert_diagnostic (diagnostics, 3, ESC_TABLE_SHIFT, 7, ESC_SHIFT_BREAK_MINUTES,
                     ESC_SEVERITY_ERROR, "not shorter than the shift");
  assert_diagnostic (diagnostics, 4, ESC_TABLE_SHIFT, 7, ESC_SHIFT_COLOR, ESC_SEVERITY_ERROR,
                     "#rrggbb");
}

static void
test_leave (void)
{
  g_autoptr(EscProject) p = new_valid_project ();

  esc_row_set (get_row (p, ESC_TABLE_EMPLOYEE, 1), ESC_EMPLOYEE_LEAVE, "32/13/2026");
  assert_only (p, ESC_TABLE_EMPLOYEE, 1, ESC_EMPLOYEE_LEAVE, ESC_SEVERITY_ERROR, "32/13/2026");
}

static void
check_weekly_hours (const char  *text,
                    EscSeverity  severity,
                    const char  *substring)
{
  g_autoptr(EscProject) p = new_valid_project ();

  esc_row_set (get_row (p, ESC_TABLE_EMPLOYEE, 0), ESC_EMPLOYEE_WEEKLY_HOURS, text);
  assert_only (p, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_WEEKLY_HOURS, severity, substring);
}

static void
test_weekly_hours (void)
{
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(EscProject) p = new_valid_project ();

  check_weekly_hours ("quarenta", ESC_SEVERITY_ERROR, "quarenta");
  check_weekly_hours ("-5", ESC_SEVERITY_ERROR, "-5");
  check_weekly_hours ("500", ESC_SEVERITY_ERROR, "expected from 0 to 168 hours, found “500”");
  check_weekly_hours ("70", ESC_SEVERITY_WARNING, "70 hours is unusually high");
  check_weekly_hours ("", ESC_SEVERITY_ERROR, "Weekly hours is required");

  esc_row_set (get_row (p, ESC_TABLE_EMPLOYEE, 0), ESC_EMPLOYEE_WEEKLY_HOURS, "70");
  diagnostics = esc_validate_project (p);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpuint (esc_validate_count_errors (diagnostics), ==, 0);
}

static void
test_employee_limits (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  g_autoptr(GPtrArray) diagnostics = NULL;
  EscRow *row = get_row (p, ESC_TABLE_EMPLOYEE, 0);

  esc_row_set (row, ESC_EMPLOYEE_MAX_HOURS, "20");
  esc_row_set (row, ESC_EMPLOYEE_MIN_CONSECUTIVE_DAYS, "7");
  esc_row_set (row, ESC_EMPLOYEE_PREFERRED_REST, "funday");
  esc_row_set (row, ESC_EMPLOYEE_MAX_CONSECUTIVE_SUNDAYS, "2.5");
  diagnostics = esc_validate_project (p);
  g_assert_cmpuint (diagnostics->len, ==, 4);
  assert_diagnostic (diagnostics, 0, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_MAX_CONSECUTIVE_DAYS,
                     ESC_SEVERITY_ERROR, "6 is less than");
  assert_diagnostic (diagnostics, 1, ESC_TABLE_EMPLOYEE, 0,
                     ESC_EMPLOYEE_MAX_CONSECUTIVE_SUNDAYS, ESC_SEVERITY_ERROR, "2.5");
  assert_diagnostic (diagnostics, 2, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_PREFERRED_REST,
                     ESC_SEVERITY_ERROR, "funday");
  assert_diagnostic (diagnostics, 3, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_MAX_HOURS,
                     ESC_SEVERITY_ERROR, "Max hours 20 is less than Min hours 40");
}

static void
test_missing_start_date (void)
{
  g_autoptr(EscProject) p = new_valid_project ();

  esc_project_set_parameter (p, "start_date", NULL);
  assert_only (p, ESC_TABLE_PARAMETER, -1, -1, ESC_SEVERITY_ERROR,
               "the parameter start_date (Start date) is missing");
}

static void
test_blank_start_date (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  EscTable *parameters = esc_project_get_table (p, ESC_TABLE_PARAMETER);
  EscRow *row = esc_project_find_parameter_row (p, "start_date");

  esc_row_set (row, ESC_PARAMETER_VALUE, "  ");
  assert_only (p, ESC_TABLE_PARAMETER, esc_table_index_of (parameters, row),
               ESC_PARAMETER_VALUE, ESC_SEVERITY_ERROR, "start_date (Start date) needs a value");

  esc_row_set (row, ESC_PARAMETER_VALUE, "31/02/2026");
  assert_only (p, ESC_TABLE_PARAMETER, esc_table_index_of (parameters, row),
               ESC_PARAMETER_VALUE, ESC_SEVERITY_ERROR, "31/02/2026");
}

static void
test_max_horizon (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  EscTable *parameters = esc_project_get_table (p, ESC_TABLE_PARAMETER);
  guint index = esc_table_index_of (parameters, esc_project_find_parameter_row (p, "max_horizon"));

  esc_project_set_parameter (p, "max_horizon", "0");
  assert_only (p, ESC_TABLE_PARAMETER, index, ESC_PARAMETER_VALUE, ESC_SEVERITY_ERROR,
               "expected a whole number from 1 to 366, found “0”");

  /* max_horizon has a default: a missing row is fine. */
  esc_project_set_parameter (p, "max_horizon", NULL);
  assert_clean (p);
}

static void
test_parameter_types (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  g_autoptr(GPtrArray) diagnostics = NULL;
  EscTable *parameters = esc_project_get_table (p, ESC_TABLE_PARAMETER);
  guint n = esc_table_get_n_rows (parameters);

  esc_project_set_parameter (p, "first_day_of_week", "someday");
  esc_project_set_parameter (p, "allocation_priority_interval", "25-40");
  esc_project_set_parameter (p, "break_minutes", "0");
  esc_project_set_parameter (p, "max_solution_improvement_wait", "0");
  diagnostics = esc_validate_project (p);
  g_assert_cmpuint (diagnostics->len, ==, 3);
  assert_diagnostic (diagnostics, 0, ESC_TABLE_PARAMETER,
                     esc_table_index_of (parameters,
                                         esc_project_find_parameter_row (p, "first_day_of_week")),
                     ESC_PARAMETER_VALUE, ESC_SEVERITY_ERROR, "someday");
  assert_diagnostic (diagnostics, 1, ESC_TABLE_PARAMETER,
                     esc_table_index_of (parameters,
                                         esc_project_find_parameter_row (
                                           p, "allocation_priority_interval")),
                     ESC_PARAMETER_VALUE, ESC_SEVERITY_ERROR, "25-40");
  assert_diagnostic (diagnostics, 2, ESC_TABLE_PARAMETER, n + 1, ESC_PARAMETER_VALUE,
                     ESC_SEVERITY_ERROR, "expected a number from 0.1 to 86400, found “0”");
}

static void
check_objectives (const char *value,
                  const char *substring)
{
  g_autoptr(EscProject) p = new_valid_project ();
  EscTable *parameters = esc_project_get_table (p, ESC_TABLE_PARAMETER);
  EscRow *row = esc_project_find_parameter_row (p, "objective_function");

  esc_project_set_parameter (p, "objective_function", value);
  if (substring == NULL)
    assert_clean (p);
  else
    assert_only (p, ESC_TABLE_PARAMETER, esc_table_index_of (parameters, row),
                 ESC_PARAMETER_VALUE, ESC_SEVERITY_ERROR, substring);
}

static void
test_unknown_objective (void)
{
  check_objectives ("demand_fulfillment, happiness",
                    "unknown objective “happiness”; expected one of demand_fulfillment, ");
  check_objectives ("demand_fulfillment*100+hapiness", "unknown objective “hapiness”");
  check_objectives ("10*happiness", "unknown objective “happiness”");
  check_objectives ("working_days, demand_fulfillment, working_days",
                    "objective “working_days” appears twice");
  check_objectives ("demand_fulfillment*-1", "not negative");
  check_objectives ("demand_fulfillment*many", "expected a weight such as 100, found “many”");
  check_objectives ("demand_fulfillment++over_coverage", "between the “+” signs");
  check_objectives ("2*demand_fulfillment*3", "found “2*demand_fulfillment*3”");
  check_objectives (" , ", "expected objectives separated by commas");
}

static void
test_weighted_objective (void)
{
  check_objectives ("demand_fulfillment*100+over_coverage+preferences", NULL);
  check_objectives ("min_hours, 2.5 * preferences + over_coverage * 3", NULL);
  check_objectives ("", NULL);
  check_objectives ("demand_fulfillment, holiday_compensation, priority_working_days, "
                    "working_days, preferable_rests, workforce_balance, working_hours", NULL);
}

static void
test_unknown_parameter (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  EscTable *parameters = esc_project_get_table (p, ESC_TABLE_PARAMETER);
  g_autoptr(GPtrArray) diagnostics = NULL;

  esc_table_append_values (parameters, (const char *[]) { "max_horizont", "10" });
  diagnostics = esc_validate_project (p);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  assert_diagnostic (diagnostics, 0, ESC_TABLE_PARAMETER, esc_table_get_n_rows (parameters) - 1,
                     ESC_PARAMETER_KEY, ESC_SEVERITY_WARNING,
                     "unknown parameter “max_horizont”");
  g_assert_nonnull (strstr (((EscDiagnostic *) diagnostics->pdata[0])->message, "max_horizon,"));
  g_assert_cmpuint (esc_validate_count_errors (diagnostics), ==, 0);
}

static void
test_preferences (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  g_autoptr(GPtrArray) diagnostics = NULL;

  add_row (p, ESC_TABLE_PREFERENCE, (const char *[]) { "E001", "ban", "2026-12-09", NULL, NULL });
  add_row (p, ESC_TABLE_PREFERENCE, (const char *[]) { "E001", "day_off", NULL, "M", NULL });
  add_row (p, ESC_TABLE_PREFERENCE, (const char *[]) { "E001", "shift_on", NULL, NULL, NULL });
  add_row (p, ESC_TABLE_PREFERENCE, (const char *[]) { "E001", "prefer", NULL, NULL, "1" });
  add_row (p, ESC_TABLE_PREFERENCE, (const char *[]) { "E001", "wish", NULL, NULL, "-1" });
  diagnostics = esc_validate_project (p);
  g_assert_cmpuint (diagnostics->len, ==, 7);
  assert_diagnostic (diagnostics, 0, ESC_TABLE_PREFERENCE, 5, ESC_PREFERENCE_SHIFT,
                     ESC_SEVERITY_ERROR, "a “ban” row needs a shift");
  assert_diagnostic (diagnostics, 1, ESC_TABLE_PREFERENCE, 6, ESC_PREFERENCE_DATE,
                     ESC_SEVERITY_ERROR, "a “day_off” row needs a date");
  assert_diagnostic (diagnostics, 2, ESC_TABLE_PREFERENCE, 7, ESC_PREFERENCE_DATE,
                     ESC_SEVERITY_ERROR, "a “shift_on” row needs a date");
  assert_diagnostic (diagnostics, 3, ESC_TABLE_PREFERENCE, 7, ESC_PREFERENCE_SHIFT,
                     ESC_SEVERITY_ERROR, "a “shift_on” row needs a shift");
  assert_diagnostic (diagnostics, 4, ESC_TABLE_PREFERENCE, 8, ESC_PREFERENCE_SHIFT,
                     ESC_SEVERITY_ERROR, "a “prefer” row needs a shift");
  assert_diagnostic (diagnostics, 5, ESC_TABLE_PREFERENCE, 9, ESC_PREFERENCE_KIND,
                     ESC_SEVERITY_ERROR,
                     "expected one of ban, prefer, day_off, shift_on, shift_off, found “wish”");
  assert_diagnostic (diagnostics, 6, ESC_TABLE_PREFERENCE, 9, ESC_PREFERENCE_WEIGHT,
                     ESC_SEVERITY_ERROR, "from 0 to 1000000");
}

static void
test_holiday_region (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  g_autoptr(GPtrArray) diagnostics = NULL;

  add_row (p, ESC_TABLE_HOLIDAY, (const char *[]) { "2026-04-23", "São Jorge", "no", NULL, "RJ",
                                                    NULL });
  add_row (p, ESC_TABLE_HOLIDAY, (const char *[]) { "2026-04-23", NULL, "no", NULL, "MG", NULL });
  add_row (p, ESC_TABLE_HOLIDAY, (const char *[]) { "2026-04-24", NULL, "no", NULL, NULL, NULL });
  diagnostics = esc_validate_project (p);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  assert_diagnostic (diagnostics, 0, ESC_TABLE_HOLIDAY, 4, ESC_HOLIDAY_REGION,
                     ESC_SEVERITY_WARNING, "unknown region “MG”");
  assert_diagnostic (diagnostics, 1, ESC_TABLE_HOLIDAY, 5, ESC_HOLIDAY_REGION,
                     ESC_SEVERITY_WARNING, "neither national nor regional");
  g_assert_cmpuint (esc_validate_count_errors (diagnostics), ==, 0);
}

static void
test_exclusion (void)
{
  g_autoptr(EscProject) p = new_valid_project ();

  add_row (p, ESC_TABLE_EXCLUSION, (const char *[]) { "employee", "E001" });
  add_row (p, ESC_TABLE_EXCLUSION, (const char *[]) { "request", "R7" });
  assert_only (p, ESC_TABLE_EXCLUSION, 2, ESC_EXCLUSION_REF, ESC_SEVERITY_WARNING,
               "unknown request “R7”");
}

static void
test_order (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  g_autoptr(GPtrArray) diagnostics = NULL;
  EscRow *row;

  esc_project_set_parameter (p, "start_date", NULL);
  row = add_employee (p, "E001", "cashier", "S1", "44", "P1");
  esc_row_set (row, ESC_EMPLOYEE_LEAVE, "soon");
  esc_row_set (get_row (p, ESC_TABLE_EMPLOYEE, 0), ESC_EMPLOYEE_STORE, "");
  esc_row_set (get_row (p, ESC_TABLE_LOCATION, 1), ESC_LOCATION_ID, "");
  diagnostics = esc_validate_project (p);
  g_assert_cmpuint (diagnostics->len, ==, 6);
  assert_diagnostic (diagnostics, 0, ESC_TABLE_LOCATION, 1, ESC_LOCATION_ID, ESC_SEVERITY_ERROR,
                     "Location is required");
  /* The store in L2 now names a location that is gone. */
  assert_diagnostic (diagnostics, 1, ESC_TABLE_STORE, 1, ESC_STORE_LOCATION,
                     ESC_SEVERITY_ERROR, "unknown location “L2”; expected one of L1");
  assert_diagnostic (diagnostics, 2, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_STORE,
                     ESC_SEVERITY_ERROR, "Store is required");
  assert_diagnostic (diagnostics, 3, ESC_TABLE_EMPLOYEE, 2, ESC_EMPLOYEE_ID, ESC_SEVERITY_ERROR,
                     "duplicate employee “E001”: also in row 1");
  assert_diagnostic (diagnostics, 4, ESC_TABLE_EMPLOYEE, 2, ESC_EMPLOYEE_LEAVE,
                     ESC_SEVERITY_ERROR, "soon");
  assert_diagnostic (diagnostics, 5, ESC_TABLE_PARAMETER, -1, -1, ESC_SEVERITY_ERROR,
                     "start_date");
  g_assert_cmpuint (esc_validate_count_errors (diagnostics), ==, 6);
}

static void
test_order_tail (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  g_autoptr(GPtrArray) diagnostics = NULL;

  esc_project_set_parameter (p, "start_date", NULL);
  esc_project_set_parameter (p, "granularity", "x");
  esc_row_set (get_row (p, ESC_TABLE_REQUEST, 0), ESC_REQUEST_STAGE, "later");
  diagnostics = esc_validate_project (p);
  g_assert_cmpuint (diagnostics->len, ==, 3);
  /* Row -1 (the whole table) comes before the rows. */
  assert_diagnostic (diagnostics, 0, ESC_TABLE_PARAMETER, -1, -1, ESC_SEVERITY_ERROR,
                     "start_date");
  g_assert_cmpint (((EscDiagnostic *) diagnostics->pdata[1])->table, ==, ESC_TABLE_PARAMETER);
  assert_diagnostic (diagnostics, 2, ESC_TABLE_REQUEST, 0, ESC_REQUEST_STAGE, ESC_SEVERITY_ERROR,
                     "found “later”");
}

static void
assert_cell (EscTableId   table,
             guint        column,
             const char  *text,
             gboolean     valid,
             EscSeverity  severity,
             const char  *substring)
{
  g_autoptr(EscDiagnostic) d = esc_validate_cell (table, 7, column, text);

  if (valid)
    {
      if (d != NULL)
        g_test_message ("unexpected: %s", d->message);
      g_assert_null (d);
      return;
    }
  if (d == NULL)
    g_test_message ("expected a problem with “%s”", text);
  g_assert_nonnull (d);
  g_assert_cmpint (d->table, ==, table);
  g_assert_cmpint (d->row, ==, 7);
  g_assert_cmpint (d->column, ==, column);
  g_assert_cmpint (d->severity, ==, severity);
  if (strstr (d->message, substring) == NULL)
    g_test_message ("message: %s", d->message);
  g_assert_nonnull (strstr (d->message, substring));
}

#define OK(t, c, text) assert_cell (t, c, text, TRUE, ESC_SEVERITY_ERROR, NULL)
#define BAD(t, c, text, sub) assert_cell (t, c, text, FALSE, ESC_SEVERITY_ERROR, sub)
#define WARN(t, c, text, sub) assert_cell (t, c, text, FALSE, ESC_SEVERITY_WARNING, sub)

static void
test_cell (void)
{
  /* Empty cells: fine unless required. */
  OK (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_LEAVE, "");
  OK (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_LEAVE, NULL);
  BAD (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_ID, "  ", "Employee is required");
  BAD (ESC_TABLE_DEMAND, ESC_DEMAND_QUANTITY, "", "Minimum staff is required");

  /* Text, ids and references: only required-ness. */
  OK (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_STORE, "anything at all");
  OK (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_PATTERNS, "P1, P9");

  /* Integers and numbers. */
  OK (ESC_TABLE_DEMAND, ESC_DEMAND_QUANTITY, "0");
  BAD (ESC_TABLE_DEMAND, ESC_DEMAND_QUANTITY, "-1", "from 0 to 100000");
  BAD (ESC_TABLE_DEMAND, ESC_DEMAND_QUANTITY, "1.5", "1.5");
  WARN (ESC_TABLE_DEMAND, ESC_DEMAND_QUANTITY, "5000", "5000 is unusually high");
  OK (ESC_TABLE_DEMAND, ESC_DEMAND_UNDER_WEIGHT, "2,5");
  BAD (ESC_TABLE_DEMAND, ESC_DEMAND_UNDER_WEIGHT, "heavy", "heavy");
  OK (ESC_TABLE_REQUEST, ESC_REQUEST_PRIORITY, "-3");

  /* Hours. */
  OK (ESC_TABLE_SHIFT, ESC_SHIFT_HOURS, "07:36");
  BAD (ESC_TABLE_SHIFT, ESC_SHIFT_HOURS, "25", "expected from 0 to 24 hours");

  /* Times: 24:00 only in end columns. */
  OK (ESC_TABLE_DEMAND, ESC_DEMAND_END, "24:00");
  OK (ESC_TABLE_SHIFT, ESC_SHIFT_END, "24:00");
  BAD (ESC_TABLE_SHIFT, ESC_SHIFT_START, "24:00", "24:00");
  BAD (ESC_TABLE_DEMAND, ESC_DEMAND_START, "8h", "8h");

  /* Worked time. */
  OK (ESC_TABLE_PREVIOUS_ALLOCATION, ESC_PREVIOUS_HOURS, "c");
  OK (ESC_TABLE_PREVIOUS_ALLOCATION, ESC_PREVIOUS_HOURS, "07:20");
  BAD (ESC_TABLE_PREVIOUS_ALLOCATION, ESC_PREVIOUS_HOURS, "D", "“D”");

  /* Days: a date or a weekday. */
  OK (ESC_TABLE_DEMAND, ESC_DEMAND_DAY, "qua");
  OK (ESC_TABLE_DEMAND, ESC_DEMAND_DAY, "07/12/2026");
  BAD (ESC_TABLE_DEMAND, ESC_DEMAND_DAY, "someday", "or a weekday code");
  BAD (ESC_TABLE_DEMAND, ESC_DEMAND_DAY, "2026-02-30", "2026-02-30");

  /* Pattern days: syntax only. */
  OK (ESC_TABLE_PATTERN, ESC_PATTERN_MON, "08:00 — 12:00");
  OK (ESC_TABLE_PATTERN, ESC_PATTERN_MON, "Early, Late");
  BAD (ESC_TABLE_PATTERN, ESC_PATTERN_MON, "08:00 - ", "08:00");
  BAD (ESC_TABLE_PATTERN, ESC_PATTERN_MON, ",", "expected a time window HH:MM - HH:MM or shift");

  /* Weekday sets and day ranges. */
  OK (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_PREFERRED_REST, "Sunday");
  BAD (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_LIMITED_WEEKDAY, "sun, mon", "sun, mon");

  /* Booleans. */
  OK (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_TRAINEE, "não");
  BAD (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_TRAINEE, "maybe", "maybe");

  /* Colours. */
  OK (ESC_TABLE_SHIFT, ESC_SHIFT_COLOR, "#A1b2C3");
  BAD (ESC_TABLE_SHIFT, ESC_SHIFT_COLOR, "#abc", "expected a color as #rrggbb");
  BAD (ESC_TABLE_SHIFT, ESC_SHIFT_COLOR, "#abcdeg", "#abcdeg");

  /* Enumerations. */
  OK (ESC_TABLE_ASSIGNMENT, ESC_ASSIGNMENT_POSITION, "qa_reviewer");
  BAD (ESC_TABLE_ASSIGNMENT, ESC_ASSIGNMENT_POSITION, "boss",
       "expected one of worker, qa_reviewer, temporary, backup, found “boss”");

  /* Shift counts. */
  OK (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_MAX_SHIFTS, "Night:2, Early : 0");
  BAD (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_MAX_SHIFTS, "Night", "found “Night”");
  BAD (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_MAX_SHIFTS, "Night:two", "found “Night:two”");
  BAD (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_MAX_SHIFTS, ":2", "found “:2”");
  BAD (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_MAX_SHIFTS, "Night:-1", "0 or more");
  BAD (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_MAX_SHIFTS, "Night:1, Night:2", "appears twice");

  /* Leave. */
  OK (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_LEAVE, "01/03/2026 08:00 - 02/03/2026 12:00");
  BAD (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_LEAVE, "10/03/2026 - 01/03/2026", "ends after");
}

static void
test_many_employees (void)
{
  g_autoptr(EscProject) p = new_valid_project ();
  g_autoptr(GPtrArray) diagnostics = NULL;
  EscTable *employees = esc_project_get_table (p, ESC_TABLE_EMPLOYEE);
  gint64 start;

  esc_table_clear (esc_project_get_table (p, ESC_TABLE_PREVIOUS_ALLOCATION));
  esc_table_clear (esc_project_get_table (p, ESC_TABLE_PREFERENCE));
  esc_table_clear (esc_project_get_table (p, ESC_TABLE_REQUEST));
  esc_table_clear (esc_project_get_table (p, ESC_TABLE_ASSIGNMENT));
  esc_table_clear (esc_project_get_table (p, ESC_TABLE_EXCLUSION));
  esc_table_clear (esc_project_get_table (p, ESC_TABLE_MOVE));
  esc_table_clear (employees);
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *id = g_strdup_printf ("E%05u", i);
      EscRow *row = add_employee (p, id, i % 2 ? "cashier" : "stocker", i % 3 ? "S1" : "S2",
                                  "44", "P1, P2");

      esc_row_set (row, ESC_EMPLOYEE_MAX_SHIFTS, "N:2");
      esc_row_set (row, ESC_EMPLOYEE_LEAVE, "01/01/2027");
      add_row (p, ESC_TABLE_PREVIOUS_ALLOCATION, (const char *[]) { id, "2026-12-06", "8" });
    }

  start = g_get_monotonic_time ();
  diagnostics = esc_validate_project (p);
  g_test_message ("validated 10,000 employees in %.3f s",
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_clear_pointer (&diagnostics, g_ptr_array_unref);

  esc_row_set (esc_table_get_row (employees, 9999), ESC_EMPLOYEE_ID, "E00003");
  esc_row_set (esc_table_get_row (employees, 5000), ESC_EMPLOYEE_STORE, "S3");
  diagnostics = esc_validate_project (p);
  g_assert_cmpuint (diagnostics->len, ==, 3);
  assert_diagnostic (diagnostics, 0, ESC_TABLE_EMPLOYEE, 5000, ESC_EMPLOYEE_STORE,
                     ESC_SEVERITY_ERROR, "unknown store “S3”");
  assert_diagnostic (diagnostics, 1, ESC_TABLE_EMPLOYEE, 9999, ESC_EMPLOYEE_ID,
                     ESC_SEVERITY_ERROR, "duplicate employee “E00003”: also in row 4");
  assert_diagnostic (diagnostics, 2, ESC_TABLE_PREVIOUS_ALLOCATION, 9999,
                     ESC_PREVIOUS_EMPLOYEE, ESC_SEVERITY_ERROR, "unknown employee “E09999”");
}

static void
test_count_errors (void)
{
  g_autoptr(GPtrArray) diagnostics =
    g_ptr_array_new_with_free_func ((GDestroyNotify) esc_diagnostic_free);

  g_assert_cmpuint (esc_validate_count_errors (diagnostics), ==, 0);
  g_ptr_array_add (diagnostics, esc_diagnostic_new (ESC_SEVERITY_WARNING, ESC_TABLE_STORE, 0, 0,
                                                    "w"));
  g_ptr_array_add (diagnostics, esc_diagnostic_new (ESC_SEVERITY_ERROR, ESC_TABLE_STORE, 1, 0,
                                                    "e"));
  g_ptr_array_add (diagnostics, esc_diagnostic_new (ESC_SEVERITY_ERROR, ESC_N_TABLES, -1, -1,
                                                    "e"));
  g_assert_cmpuint (esc_validate_count_errors (diagnostics), ==, 2);
}

void
esc_test_add_validate_tests (void)
{
  g_test_add_func ("/core/validate/clean", test_clean_project);
  g_test_add_func ("/core/validate/duplicate-id", test_duplicate_id);
  g_test_add_func ("/core/validate/duplicate-parameter", test_duplicate_parameter);
  g_test_add_func ("/core/validate/unknown-store", test_unknown_store);
  g_test_add_func ("/core/validate/unknown-store-many", test_unknown_store_many);
  g_test_add_func ("/core/validate/unknown-role", test_unknown_role);
  g_test_add_func ("/core/validate/unknown-pattern", test_unknown_pattern);
  g_test_add_func ("/core/validate/unknown-shift", test_unknown_shift);
  g_test_add_func ("/core/validate/unknown-employee", test_unknown_employee);
  g_test_add_func ("/core/validate/unknown-location", test_unknown_location);
  g_test_add_func ("/core/validate/empty-table-reference", test_empty_table_reference);
  g_test_add_func ("/core/validate/parameter-references", test_parameter_references);
  g_test_add_func ("/core/validate/pattern-empty-window", test_pattern_empty_window);
  g_test_add_func ("/core/validate/pattern-bad-window", test_pattern_bad_window);
  g_test_add_func ("/core/validate/demand-start-after-end", test_demand_start_after_end);
  g_test_add_func ("/core/validate/demand-24", test_demand_24);
  g_test_add_func ("/core/validate/demand-no-window", test_demand_no_window);
  g_test_add_func ("/core/validate/demand-half-window", test_demand_half_window);
  g_test_add_func ("/core/validate/shift-times", test_shift_times);
  g_test_add_func ("/core/validate/leave", test_leave);
  g_test_add_func ("/core/validate/weekly-hours", test_weekly_hours);
  g_test_add_func ("/core/validate/employee-limits", test_employee_limits);
  g_test_add_func ("/core/validate/missing-start-date", test_missing_start_date);
  g_test_add_func ("/core/validate/blank-start-date", test_blank_start_date);
  g_test_add_func ("/core/validate/max-horizon", test_max_horizon);
  g_test_add_func ("/core/validate/parameter-types", test_parameter_types);
  g_test_add_func ("/core/validate/unknown-objective", test_unknown_objective);
  g_test_add_func ("/core/validate/weighted-objective", test_weighted_objective);
  g_test_add_func ("/core/validate/unknown-parameter", test_unknown_parameter);
  g_test_add_func ("/core/validate/preferences", test_preferences);
  g_test_add_func ("/core/validate/holiday-region", test_holiday_region);
  g_test_add_func ("/core/validate/exclusion", test_exclusion);
  g_test_add_func ("/core/validate/order", test_order);
  g_test_add_func ("/core/validate/order-tail", test_order_tail);
  g_test_add_func ("/core/validate/cell", test_cell);
  g_test_add_func ("/core/validate/many-employees", test_many_employees);
  g_test_add_func ("/core/validate/count-errors", test_count_errors);
}
