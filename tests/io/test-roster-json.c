/* test-roster-json.c: the classic roster JSON as a project (esc-roster-json.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>

#include "core/esc-project.h"
#include "core/esc-validate.h"
#include "io/esc-io-error.h"
#include "io/esc-roster-json.h"
#include "solver/esc-problem.h"

void esc_test_add_roster_json_tests (void);

/* A small roster; tests replace parts of it with printf. */
#define SMALL_ROSTER \
  "{ 'num_days' : 3, 'resources' : [ 'ana', 'bob', 'ana' ],\n" \
  "  'shifts' : [ 'Day', 'Night' ], 'shifts_hours' : [ 8, 7.5 ],\n" \
  "  'min_working_hours' : 15, 'max_resting' : 1,\n" \
  "  'non_sequential_shifts' : [ { 'origin' : 'Night', 'destination' : 'Day' } ],\n" \
  "  'banned_shifts' : [ { 'resource' : 'bob', 'shift' : 'Night', 'day' : 2 } ],\n" \
  "  'required_resources' : { 'Day' : [ 1, 2, 0 ], 'Night' : [ 1, 1, 1 ] },\n" \
  "  'resources_preferences' : [ { 'resource' : 'ana', 'shift' : 'Night' },\n" \
  "     { 'resource' : 'bob', 'shift' : 'Day', 'weight' : 2.5, 'day' : 1 } ] }"

/* Test data writes ' for " to stay readable. */
static EscProject *
load_text (const char  *text,
           const char  *display_name,
           const char  *start_date,
           GPtrArray   *warnings,
           GError     **error)
{
  g_autofree char *data = g_strdup (text);

  g_strdelimit (data, "'", '"');
  return esc_roster_json_load_data (data, -1, display_name, start_date, warnings, error);
}

static guint
n_rows (EscProject *project,
        EscTableId  table)
{
  return esc_table_get_n_rows (esc_project_get_table (project, table));
}

static const char *
cell (EscProject *project,
      EscTableId  table,
      guint       row,
      guint       column)
{
  return esc_row_get (esc_table_get_row (esc_project_get_table (project, table), row), column);
}

static void
assert_valid (EscProject *project)
{
  g_autoptr(GPtrArray) diagnostics = esc_validate_project (project);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const EscDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *text = esc_diagnostic_to_string (diagnostic);

      if (diagnostic->severity == ESC_SEVERITY_ERROR)
        g_error ("unexpected validation error: %s", text);
    }
}

static void
test_roster_small (void)
{
  const char *dir = g_getenv ("ESC_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(EscProblem) problem = NULL;
  guint n_options = 0;
  gint64 required_hours = 0;

  if (dir == NULL)
    {
      g_test_skip ("ESC_SHARED_DATA is not set");
      return;
    }
  path = g_build_filename (dir, "roster_small.json", NULL);
  project = esc_roster_json_load (path, NULL, warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_false (esc_project_get_modified (project));
  g_assert_null (esc_project_get_path (project));

  g_assert_cmpuint (n_rows (project, ESC_TABLE_LOCATION), ==, 1);
  g_assert_cmpuint (n_rows (project, ESC_TABLE_STORE), ==, 1);
  g_assert_cmpstr (cell (project, ESC_TABLE_STORE, 0, ESC_STORE_ID), ==, "roster");
  g_assert_cmpuint (n_rows (project, ESC_TABLE_ROLE), ==, 1);
  g_assert_cmpstr (cell (project, ESC_TABLE_ROLE, 0, ESC_ROLE_ID), ==, "staff");
  g_assert_cmpuint (n_rows (project, ESC_TABLE_EMPLOYEE), ==, 14);
  g_assert_cmpuint (n_rows (project, ESC_TABLE_SHIFT), ==, 4);
  g_assert_cmpuint (n_rows (project, ESC_TABLE_PATTERN), ==, 1);
  g_assert_cmpuint (n_rows (project, ESC_TABLE_DEMAND), ==, 28);
  g_assert_cmpuint (n_rows (project, ESC_TABLE_FORBIDDEN_SEQUENCE), ==, 2);
  g_assert_cmpuint (n_rows (project, ESC_TABLE_PREFERENCE), ==, 4);
  g_assert_cmpuint (n_rows (project, ESC_TABLE_HOLIDAY), ==, 0);

  /* Shifts carry hours only; the pattern allows all of them every day. */
  g_assert_cmpstr (cell (project, ESC_TABLE_SHIFT, 3, ESC_SHIFT_ID), ==, "Short");
  g_assert_cmpstr (cell (project, ESC_TABLE_SHIFT, 3, ESC_SHIFT_HOURS), ==, "5");
  g_assert_cmpstr (cell (project, ESC_TABLE_SHIFT, 3, ESC_SHIFT_START), ==, "");
  g_assert_cmpstr (cell (project, ESC_TABLE_PATTERN, 0, ESC_PATTERN_ID), ==, "any");
  for (guint wd = 0; wd < ESC_N_WEEKDAYS; wd++)
    g_assert_cmpstr (cell (project, ESC_TABLE_PATTERN, 0, ESC_PATTERN_MON + wd), ==,
                     "Early, Late, Night, Short");

  /* Employees. */
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 13, ESC_EMPLOYEE_ID), ==,
                   "r13@example.org");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "168");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_MAX_CONSECUTIVE_DAYS), ==,
                   "7");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_MIN_HOURS), ==, "36");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_MAX_REST_DAYS), ==, "2");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_PATTERNS), ==, "any");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_STORE), ==, "roster");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_ROLE), ==, "staff");

  /* Demand: day by day, shift by shift, dates from 2024-01-01; zeros are kept. */
  g_assert_cmpstr (cell (project, ESC_TABLE_DEMAND, 0, ESC_DEMAND_DAY), ==, "2024-01-01");
  g_assert_cmpstr (cell (project, ESC_TABLE_DEMAND, 0, ESC_DEMAND_SHIFT), ==, "Early");
  g_assert_cmpstr (cell (project, ESC_TABLE_DEMAND, 0, ESC_DEMAND_QUANTITY), ==, "3");
  g_assert_cmpstr (cell (project, ESC_TABLE_DEMAND, 7, ESC_DEMAND_DAY), ==, "2024-01-02");
  g_assert_cmpstr (cell (project, ESC_TABLE_DEMAND, 7, ESC_DEMAND_SHIFT), ==, "Short");
  g_assert_cmpstr (cell (project, ESC_TABLE_DEMAND, 7, ESC_DEMAND_QUANTITY), ==, "0");
  g_assert_cmpstr (cell (project, ESC_TABLE_DEMAND, 27, ESC_DEMAND_DAY), ==, "2024-01-07");
  g_assert_cmpstr (cell (project, ESC_TABLE_DEMAND, 27, ESC_DEMAND_QUANTITY), ==, "2");

  /* Sequences, bans and preferences. */
  g_assert_cmpstr (cell (project, ESC_TABLE_FORBIDDEN_SEQUENCE, 1, ESC_SEQUENCE_FIRST), ==, "Late");
  g_assert_cmpstr (cell (project, ESC_TABLE_FORBIDDEN_SEQUENCE, 1, ESC_SEQUENCE_NEXT), ==, "Early");
  g_assert_cmpstr (cell (project, ESC_TABLE_PREFERENCE, 0, ESC_PREFERENCE_EMPLOYEE), ==,
                   "r00@example.org");
  g_assert_cmpstr (cell (project, ESC_TABLE_PREFERENCE, 0, ESC_PREFERENCE_KIND), ==, "ban");
  g_assert_cmpstr (cell (project, ESC_TABLE_PREFERENCE, 0, ESC_PREFERENCE_DATE), ==,
                   "2024-01-03");
  g_assert_cmpstr (cell (project, ESC_TABLE_PREFERENCE, 0, ESC_PREFERENCE_SHIFT), ==, "Night");
  g_assert_cmpstr (cell (project, ESC_TABLE_PREFERENCE, 2, ESC_PREFERENCE_KIND), ==, "prefer");
  g_assert_cmpstr (cell (project, ESC_TABLE_PREFERENCE, 2, ESC_PREFERENCE_DATE), ==, "");
  g_assert_cmpstr (cell (project, ESC_TABLE_PREFERENCE, 2, ESC_PREFERENCE_WEIGHT), ==, "1");

  /* Parameters. */
  g_assert_cmpstr (esc_project_get_parameter (project, "start_date"), ==, "2024-01-01");
  g_assert_cmpstr (esc_project_get_parameter (project, "max_horizon"), ==, "7");
  g_assert_cmpstr (esc_project_get_parameter (project, "objective_function"), ==,
                   "demand_fulfillment, min_hours, preferences");
  g_assert_cmpstr (esc_project_get_parameter (project, "min_rest_between_shifts"), ==, "0");

  /* It validates and compiles: coverage per (day, shift), every shift every day but
   * the two bans. */
  assert_valid (project);
  problem = esc_problem_new_from_project (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problem->employees->len, ==, 14);
  g_assert_cmpint (problem->n_days, ==, 7);
  g_assert_cmpuint (problem->shifts->len, ==, 4);
  g_assert_cmpuint (problem->groups->len, ==, 1);
  g_assert_cmpuint (problem->slots->len, ==, 0);
  g_assert_cmpuint (problem->shift_demands->len, ==, 28);
  g_assert_cmpuint (problem->sequences->len, ==, 2);
  g_assert_cmpuint (problem->levels->len, ==, 3);
  g_assert_cmpfloat (((EscObjectiveLevel *) g_ptr_array_index (problem->levels, 0))
                     ->weight[ESC_OBJ_DEMAND_FULFILLMENT], ==, 1);
  g_assert_cmpfloat (((EscObjectiveLevel *) g_ptr_array_index (problem->levels, 1))
                     ->weight[ESC_OBJ_MIN_HOURS], ==, 1);
  g_assert_cmpfloat (((EscObjectiveLevel *) g_ptr_array_index (problem->levels, 2))
                     ->weight[ESC_OBJ_PREFERENCES], ==, 1);
  g_assert_cmpint (problem->min_rest_minutes, ==, 0);
  for (guint i = 0; i < problem->shift_demands->len; i++)
    {
      const EscProblemShiftDemand *sd = &g_array_index (problem->shift_demands,
                                                        EscProblemShiftDemand, i);

      const EscProblemShift *shift = esc_problem_get_shift (problem, sd->shift);

      required_hours += (gint64) sd->required * shift->net_minutes;
    }
  /* Early 19 x 8 h + Late 17 x 8 h + Night 10 x 8 h + Short 11 x 5 h. */
  g_assert_cmpint (required_hours, ==, (19 * 8 + 17 * 8 + 10 * 8 + 11 * 5) * 60);
  for (guint e = 0; e < problem->employees->len; e++)
    {
      const EscProblemEmployee *employee = esc_problem_get_employee (problem, e);

      g_assert_cmpint (employee->min_minutes, ==, 36 * 60);
      g_assert_cmpint (employee->max_rest_days, ==, 2);
      g_assert_cmpint (employee->max_consecutive_days, ==, 7);
      n_options += employee->day_offset[7] - employee->day_offset[0];
    }
  g_assert_cmpuint (n_options, ==, 14 * 7 * 4 - 2);
  g_assert_cmpuint (esc_problem_get_employee (problem, 3)->wishes->len, ==, 1);
}

static void
test_roster_duplicates (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(EscProblem) problem = NULL;
  const char *data = "{ 'num_days' : 2, 'resources' : [ 'x', 'y', 'x', 'x', 'x#2' ],"
                     "  'shifts' : [ 'A' ], 'shifts_hours' : [ 8 ],"
                     "  'required_resources' : { 'A' : [ 1, 1 ] },"
                     "  'banned_shifts' : [ { 'resource' : 'x', 'shift' : 'A', 'day' : 0 } ] }";

  project = load_text (data, "dup.json", NULL, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows (project, ESC_TABLE_EMPLOYEE), ==, 5);
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_ID), ==, "x");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 1, ESC_EMPLOYEE_ID), ==, "y");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 2, ESC_EMPLOYEE_ID), ==, "x#2");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 2, ESC_EMPLOYEE_NAME), ==, "x");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 3, ESC_EMPLOYEE_ID), ==, "x#3");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 4, ESC_EMPLOYEE_ID), ==, "x#2#2");
  g_assert_cmpuint (warnings->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "dup.json: resource “x” appears twice; the second is kept as “x#2”");
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 1), "“x#3”"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 2), "“x#2#2”"));
  /* The ban names the first "x". */
  g_assert_cmpstr (cell (project, ESC_TABLE_PREFERENCE, 0, ESC_PREFERENCE_EMPLOYEE), ==, "x");

  assert_valid (project);
  problem = esc_problem_new_from_project (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problem->employees->len, ==, 5);
  g_assert_cmpuint (esc_problem_get_employee (problem, 0)->day_offset[1], ==, 0);
  g_assert_cmpint (esc_problem_find_employee (problem, "x#2"), ==, 2);
}

static void
test_roster_options (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(EscProblem) problem = NULL;
  const EscProblemEmployee *bob;
  const EscProblemWish *wish;

  project = load_text (SMALL_ROSTER, NULL, "2026-03-02", warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "roster: resource “ana” appears twice; the second is kept as “ana#2”");
  g_assert_cmpstr (esc_project_get_parameter (project, "start_date"), ==, "2026-03-02");
  g_assert_cmpstr (esc_project_get_parameter (project, "max_horizon"), ==, "3");
  g_assert_cmpstr (cell (project, ESC_TABLE_SHIFT, 1, ESC_SHIFT_HOURS), ==, "7.5");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_MIN_HOURS), ==, "15");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_MAX_REST_DAYS), ==, "1");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_MAX_CONSECUTIVE_DAYS), ==,
                   "3");
  g_assert_cmpuint (n_rows (project, ESC_TABLE_DEMAND), ==, 6);
  g_assert_cmpstr (cell (project, ESC_TABLE_DEMAND, 5, ESC_DEMAND_DAY), ==, "2026-03-04");
  g_assert_cmpstr (cell (project, ESC_TABLE_PREFERENCE, 0, ESC_PREFERENCE_DATE), ==,
                   "2026-03-04");
  g_assert_cmpstr (cell (project, ESC_TABLE_PREFERENCE, 2, ESC_PREFERENCE_WEIGHT), ==, "2.5");
  g_assert_cmpstr (cell (project, ESC_TABLE_PREFERENCE, 2, ESC_PREFERENCE_DATE), ==,
                   "2026-03-03");

  assert_valid (project);
  problem = esc_problem_new_from_project (project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (esc_problem_get_shift (problem, 1)->net_minutes, ==, 450);
  g_assert_cmpint (esc_problem_get_shift (problem, 1)->start, ==, ESC_NONE);
  bob = esc_problem_get_employee (problem, 1);
  g_assert_cmpstr (bob->id, ==, "bob");
  g_assert_cmpuint (bob->day_offset[3] - bob->day_offset[2], ==, 1);  /* no Night on day 2 */
  g_assert_cmpuint (bob->wishes->len, ==, 1);
  wish = &g_array_index (bob->wishes, EscProblemWish, 0);
  g_assert_cmpint (wish->kind, ==, ESC_WISH_PREFER);
  g_assert_cmpint (wish->day, ==, 1);
  g_assert_cmpint (wish->shift, ==, 0);
  g_assert_cmpfloat (wish->weight, ==, 2.5);
  wish = &g_array_index (esc_problem_get_employee (problem, 0)->wishes, EscProblemWish, 0);
  g_assert_cmpint (wish->day, ==, ESC_NONE);
  g_assert_cmpint (wish->shift, ==, 1);
  g_assert_cmpfloat (wish->weight, ==, 1);
}

static void
test_roster_optional_keys (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) project = NULL;
  const char *data = "{ 'num_days' : 2.0, 'resources' : [ ' a ' ],"
                     "  'shifts' : [ 'A', 'B' ], 'shifts_hours' : [ 8, 0 ],"
                     "  'required_resources' : { 'A' : [ 0, 1.0 ] },"
                     "  'max_resting' : null, 'comment' : 'hello' }";

  project = load_text (data, "opt.json", NULL, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_ID), ==, "a");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_MIN_HOURS), ==, "");
  g_assert_cmpstr (cell (project, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_MAX_REST_DAYS), ==, "");
  g_assert_cmpuint (n_rows (project, ESC_TABLE_DEMAND), ==, 2);
  g_assert_cmpstr (cell (project, ESC_TABLE_DEMAND, 1, ESC_DEMAND_QUANTITY), ==, "1");
  g_assert_cmpuint (n_rows (project, ESC_TABLE_PREFERENCE), ==, 0);
  g_assert_cmpuint (n_rows (project, ESC_TABLE_FORBIDDEN_SEQUENCE), ==, 0);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "“B”"));
  g_assert_cmpstr (g_ptr_array_index (warnings, 1), ==,
                   "opt.json: unknown key “comment” is ignored");
  assert_valid (project);
}

typedef struct
{
  const char *data;
  EscIoError code;
  const char *fragment;   /* must appear in the message */
} BadInput;

#define ROSTER(num_days, extra) \
  "{ 'num_days' : " num_days ", 'resources' : [ 'ana', 'bob' ]," \
  "  'shifts' : [ 'Day', 'Night' ], 'shifts_hours' : [ 8, 8 ]," \
  "  'required_resources' : { 'Day' : [ 1, 1 ], 'Night' : [ 1, 1 ] }" extra " }"

static const BadInput bad_inputs[] = {
  { "{ 'num_days' : ", ESC_IO_ERROR_FORMAT, "not valid JSON" },
  { "[ 1, 2 ]", ESC_IO_ERROR_FORMAT, "expected a roster object" },
  { "{ 'resources' : [] }", ESC_IO_ERROR_MISSING, "“num_days” is missing" },
  { ROSTER ("'2'", ""), ESC_IO_ERROR_FORMAT,
    "num_days: expected a whole number, found the text “2”" },
  { ROSTER ("2.5", ""), ESC_IO_ERROR_FORMAT, "num_days: expected a whole number" },
  { ROSTER ("0", ""), ESC_IO_ERROR_INVALID,
    "num_days: expected a whole number of 1 or more, found 0" },
  { ROSTER ("-3", ""), ESC_IO_ERROR_INVALID, "num_days" },
  { ROSTER ("400", ""), ESC_IO_ERROR_TOO_LARGE, "at most 366" },
  { ROSTER ("3", ""), ESC_IO_ERROR_INVALID, "expected 3 numbers, one per day (num_days), found 2" },
  { ROSTER ("2", ", 'min_working_hours' : -5"), ESC_IO_ERROR_INVALID,
    "min_working_hours: expected a number of 0 or more, found -5" },
  { ROSTER ("2", ", 'min_working_hours' : '40'"), ESC_IO_ERROR_FORMAT,
    "min_working_hours: expected a number" },
  { ROSTER ("2", ", 'max_resting' : -1"), ESC_IO_ERROR_INVALID,
    "max_resting: expected a whole number of 0 or more, found -1" },
  { ROSTER ("2", ", 'banned_shifts' : [ { 'resource' : 'ana', 'shift' : 'Day', 'day' : 0 },"
                 " { 'resource' : 'ana', 'shift' : 'Nigth', 'day' : 1 } ]"),
    ESC_IO_ERROR_INVALID,
    "banned_shifts[1].shift: unknown shift “Nigth”; expected one of Day, Night" },
  { ROSTER ("2", ", 'banned_shifts' : [ { 'resource' : 'eve', 'shift' : 'Day', 'day' : 0 } ]"),
    ESC_IO_ERROR_INVALID, "banned_shifts[0].resource: unknown resource “eve”" },
  { ROSTER ("2", ", 'banned_shifts' : [ { 'resource' : 'ana', 'shift' : 'Day', 'day' : 2 } ]"),
    ESC_IO_ERROR_INVALID, "banned_shifts[0].day: expected a whole number from 0 to 1, found 2" },
  { ROSTER ("2", ", 'banned_shifts' : [ { 'resource' : 'ana', 'shift' : 'Day' } ]"),
    ESC_IO_ERROR_MISSING, "banned_shifts[0]: the key “day” is missing" },
  { ROSTER ("2", ", 'banned_shifts' : { }"), ESC_IO_ERROR_FORMAT,
    "banned_shifts: expected a list" },
  { ROSTER ("2", ", 'banned_shifts' : [ 3 ]"), ESC_IO_ERROR_FORMAT,
    "banned_shifts[0]: expected an object" },
  { ROSTER ("2", ", 'resources_preferences' : [ { 'resource' : 'zed', 'shift' : 'Day' } ]"),
    ESC_IO_ERROR_INVALID, "resources_preferences[0].resource: unknown resource “zed”" },
  { ROSTER ("2", ", 'resources_preferences' : [ { 'resource' : 'ana', 'shift' : 'Eve' } ]"),
    ESC_IO_ERROR_INVALID, "resources_preferences[0].shift: unknown shift “Eve”" },
  { ROSTER ("2", ", 'resources_preferences' : "
                 "[ { 'resource' : 'ana', 'shift' : 'Day', 'weight' : -1 } ]"),
    ESC_IO_ERROR_INVALID, "resources_preferences[0].weight: expected a number of 0 or more" },
  { ROSTER ("2", ", 'non_sequential_shifts' : "
                 "[ { 'origin' : 'Night', 'destination' : 'Morning' } ]"),
    ESC_IO_ERROR_INVALID, "non_sequential_shifts[0].destination: unknown shift “Morning”" },
  { ROSTER ("2", ", 'non_sequential_shifts' : [ { 'origin' : 'Night' } ]"),
    ESC_IO_ERROR_MISSING, "non_sequential_shifts[0]: the key “destination” is missing" },
  { "{ 'num_days' : 1, 'resources' : [ 'a' ], 'shifts' : [ 'A', 'B' ],"
    "  'shifts_hours' : [ 8 ], 'required_resources' : { } }",
    ESC_IO_ERROR_INVALID, "shifts_hours: expected 2 numbers, one per shift, found 1" },
  { "{ 'num_days' : 1, 'resources' : [ 'a' ], 'shifts' : [ 'A' ],"
    "  'shifts_hours' : [ -8 ], 'required_resources' : { } }",
    ESC_IO_ERROR_INVALID, "shifts_hours[0]: expected a number of 0 or more, found -8" },
  { "{ 'num_days' : 1, 'resources' : [ 'a' ], 'shifts' : [ 'A' ],"
    "  'shifts_hours' : [ 25 ], 'required_resources' : { } }",
    ESC_IO_ERROR_INVALID, "shifts_hours[0]: expected a number up to 24" },
  { "{ 'num_days' : 1, 'resources' : [ 'a' ], 'shifts' : [ 'A', 'A' ],"
    "  'shifts_hours' : [ 8, 8 ], 'required_resources' : { } }",
    ESC_IO_ERROR_INVALID, "shifts[1]: the shift “A” appears twice" },
  { "{ 'num_days' : 1, 'resources' : [ 'a' ], 'shifts' : [ '08:00' ],"
    "  'shifts_hours' : [ 8 ], 'required_resources' : { } }",
    ESC_IO_ERROR_INVALID, "shifts[0]: “08:00” cannot be a shift name" },
  { "{ 'num_days' : 1, 'resources' : [ 'a' ], 'shifts' : [ ],"
    "  'shifts_hours' : [ ], 'required_resources' : { } }",
    ESC_IO_ERROR_INVALID, "shifts: expected at least one shift" },
  { "{ 'num_days' : 1, 'resources' : [ 'a', 7 ], 'shifts' : [ 'A' ],"
    "  'shifts_hours' : [ 8 ], 'required_resources' : { } }",
    ESC_IO_ERROR_FORMAT, "resources[1]: expected a name in quotes, found 7" },
  { "{ 'num_days' : 1, 'resources' : [ '  ' ], 'shifts' : [ 'A' ],"
    "  'shifts_hours' : [ 8 ], 'required_resources' : { } }",
    ESC_IO_ERROR_INVALID, "resources[0]: expected a name, found an empty text" },
  { "{ 'num_days' : 1, 'resources' : 'a', 'shifts' : [ 'A' ],"
    "  'shifts_hours' : [ 8 ], 'required_resources' : { } }",
    ESC_IO_ERROR_FORMAT, "resources: expected a list [ ... ], found the text “a”" },
  { "{ 'num_days' : 1, 'resources' : [ 'a' ], 'shifts' : [ 'A' ],"
    "  'shifts_hours' : [ 8 ] }",
    ESC_IO_ERROR_MISSING, "the key “required_resources” is missing" },
  { "{ 'num_days' : 1, 'resources' : [ 'a' ], 'shifts' : [ 'A' ],"
    "  'shifts_hours' : [ 8 ], 'required_resources' : [ 1 ] }",
    ESC_IO_ERROR_FORMAT, "required_resources: expected an object" },
  { "{ 'num_days' : 1, 'resources' : [ 'a' ], 'shifts' : [ 'A' ],"
    "  'shifts_hours' : [ 8 ], 'required_resources' : { 'B' : [ 1 ] } }",
    ESC_IO_ERROR_INVALID, "required_resources: unknown shift “B”; expected one of A" },
  { "{ 'num_days' : 1, 'resources' : [ 'a' ], 'shifts' : [ 'A' ],"
    "  'shifts_hours' : [ 8 ], 'required_resources' : { 'A' : [ -1 ] } }",
    ESC_IO_ERROR_INVALID,
    "required_resources.A[0]: expected a whole number of 0 or more, found -1" },
  { "{ 'num_days' : 1, 'resources' : [ 'a' ], 'shifts' : [ 'A' ],"
    "  'shifts_hours' : [ 8 ], 'required_resources' : { 'A' : [ true ] } }",
    ESC_IO_ERROR_FORMAT, "required_resources.A[0]: expected a whole number, found true" },
  { "{ 'num_days' : 1, 'resources' : [ 'a' ], 'shifts' : [ 'A' ],"
    "  'shifts_hours' : [ 8 ], 'required_resources' : { 'A' : 1 } }",
    ESC_IO_ERROR_FORMAT, "required_resources.A: expected a list" },
};

static void
test_roster_bad_inputs (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(EscProject) project = NULL;

      project = load_text (bad_inputs[i].data, "bad.json", NULL, warnings,
                                           &error);
      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (project);
      g_assert_error (error, ESC_IO_ERROR, (int) bad_inputs[i].code);
      g_assert_true (g_str_has_prefix (error->message, "bad.json: "));
      if (strstr (error->message, bad_inputs[i].fragment) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message,
                 bad_inputs[i].fragment);
    }
}

static void
test_roster_bad_start_and_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "escala-no-such-roster.json",
                                            NULL);

  project = load_text (SMALL_ROSTER, NULL, "2026-02-30", NULL, &error);
  g_assert_null (project);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "start date"));
  g_clear_error (&error);

  project = esc_roster_json_load (path, NULL, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "escala-no-such-roster.json"));
  g_clear_error (&error);

  /* Warnings may be NULL. */
  project = load_text (SMALL_ROSTER, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows (project, ESC_TABLE_EMPLOYEE), ==, 3);
  g_assert_cmpstr (esc_project_get_parameter (project, "start_date"), ==,
                   ESC_ROSTER_JSON_DEFAULT_START_DATE);
}

static void
test_roster_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = g_dir_make_tmp ("escala-roster-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *data = g_strdup (SMALL_ROSTER);

  g_assert_no_error (error);
  path = g_build_filename (dir, "mine.json", NULL);
  g_strdelimit (data, "'", '"');
  g_assert_true (g_file_set_contents (path, data, -1, &error));
  project = esc_roster_json_load (path, "02/03/2026", warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (esc_project_get_parameter (project, "start_date"), ==, "2026-03-02");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "mine.json: "));
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

void
esc_test_add_roster_json_tests (void)
{
  g_test_add_func ("/io/roster-json/small", test_roster_small);
  g_test_add_func ("/io/roster-json/duplicates", test_roster_duplicates);
  g_test_add_func ("/io/roster-json/options", test_roster_options);
  g_test_add_func ("/io/roster-json/optional-keys", test_roster_optional_keys);
  g_test_add_func ("/io/roster-json/bad-inputs", test_roster_bad_inputs);
  g_test_add_func ("/io/roster-json/bad-start-and-file", test_roster_bad_start_and_file);
  g_test_add_func ("/io/roster-json/file", test_roster_file);
}
