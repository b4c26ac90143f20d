/* test-cli.c: escala-cli run as a user would: exit statuses, problem lines, output.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-cli"

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "core/esc-table.h"
#include "io/esc-project-file.h"

#include "esc-test-cli.h"

static void
assert_matches (const char *text,
                const char *pattern)
{
  if (!g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0))
    g_error ("“%s” not found in:\n%s", pattern, text);
}

static JsonObject *
load_json_object (JsonParser *parser,
                  const char *path)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* Solve a copy of the sample (20 s at most), store it, re-check it, then break a rule
 * by hand and see check find it. */
static void
test_solve_and_check_sample (void)
{
  g_auto(EscTestRun) run = { 0 };
  g_auto(EscTestRun) check = { 0 };
  g_auto(EscTestRun) broken = { 0 };
  g_autofree char *dir = esc_test_make_temp_dir ("escala-cli-XXXXXX");
  g_autofree char *project_path = g_build_filename (dir, "loja.escala", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *allocations = g_build_filename (out, "allocations.csv", NULL);
  g_autofree char *summary = g_build_filename (out, "summary.json", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autofree char *contents = NULL;
  JsonObject *root, *totals;
  JsonArray *phases;
  EscTable *table;
  EscRow *work = NULL;

  g_assert_true (g_file_get_contents (esc_test_sample_path (), &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (project_path, contents, -1, NULL));

  esc_test_run_cli (&run, "solve", project_path, "--output", out, "--time-limit", "20", "--save",
                    "-q", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_matches (run.out, "^Status: (optimal|feasible)$");
  g_assert_null (strstr (run.err, "rule broken"));

  g_assert_true (g_file_get_contents (allocations, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "task,start,finish,resource,store,type,role,shift,date,net_hours"));
  assert_matches (csv, "^E001@2026-12-0[7-9],2026-12-0[7-9] 10:00,2026-12-0[7-9] 18:00,E001,LJ01,allocation,GERENTE,10:00 - 18:00,2026-12-0[7-9],07:00,\r$");
  assert_matches (csv, ",extra,GERENTE,");

  root = load_json_object (parser, summary);
  g_assert_true (g_strv_contains ((const char *[]) { "optimal", "feasible", NULL },
                                  json_object_get_string_member (root, "status")));
  phases = json_object_get_array_member (root, "phases");
  g_assert_cmpuint (json_array_get_length (phases), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (phases, 0),
                                                  "objective"), ==, "demand_fulfillment");
  totals = json_object_get_object_member (root, "totals");
  g_assert_cmpfloat (json_object_get_double_member (totals, "hours"), >, 1000);
  g_assert_true (json_object_has_member (totals, "unmet_staff_minutes"));

  esc_test_run_cli (&check, "check", project_path, NULL);
  g_assert_cmpint (check.status, ==, 0);

  /* E004 is on leave from 14/12/2026 to 20/12/2026: put a shift of hers on the 15th. */
  project = esc_project_file_load (project_path, &error);
  g_assert_no_error (error);
  table = esc_project_get_table (project, ESC_TABLE_ALLOCATION);
  for (guint i = 0; i < esc_table_get_n_rows (table) && work == NULL; i++)
    {
      EscRow *row = esc_table_get_row (table, i);

      if (g_str_equal (esc_row_get (row, ESC_ALLOCATION_RESOURCE), "E004") &&
          g_str_equal (esc_row_get (row, ESC_ALLOCATION_TYPE), "allocation"))
        work = row;
    }
  g_assert_nonnull (work);
  esc_row_set (work, ESC_ALLOCATION_DATE, "2026-12-15");
  g_assert_true (esc_project_file_save (project, project_path, &error));
  g_assert_no_error (error);

  esc_test_run_cli (&broken, "check", project_path, NULL);
  g_assert_cmpint (broken.status, ==, 1);
  assert_matches (broken.err, "E004.*2026-12-15");
}

/* The classic roster: coverage met, min_hours and preferences proven optimal. */
static void
test_solve_roster (void)
{
  g_auto(EscTestRun) run = { 0 };
  g_autofree char *dir = esc_test_make_temp_dir ("escala-cli-XXXXXX");
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *summary = g_build_filename (out, "summary.json", NULL);
  g_autofree char *roster = g_build_filename (g_getenv ("ESC_SHARED_DATA"), "roster_small.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *phases;

  if (!g_file_test (roster, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("roster_small.json is not there");
      return;
    }
  esc_test_run_cli (&run, "solve", roster, "--output", out, "-q", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = load_json_object (parser, summary);
  phases = json_object_get_array_member (root, "phases");
  g_assert_cmpuint (json_array_get_length (phases), ==, 3);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (phases, 0), "value"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (phases, 1), "objective"), ==, "min_hours");
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (root, "totals"),
                                                    "unmet_staff_minutes"), ==, 0);
}

/* Two resources with the same name stay two people; the second is NAME#2. */
static void
test_solve_roster_duplicate (void)
{
  g_auto(EscTestRun) run = { 0 };
  g_autofree char *dir = esc_test_make_temp_dir ("escala-cli-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "dup.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *allocations = g_build_filename (out, "allocations.csv", NULL);
  g_autofree char *csv = NULL;
  const char *json =
    "{ \"num_days\": 2, \"resources\": [\"ana\", \"bia\", \"ana\"],"
    "  \"shifts\": [\"Day\"], \"shifts_hours\": [8], \"min_working_hours\": 8,"
    "  \"max_resting\": 1, \"non_sequential_shifts\": [], \"banned_shifts\": [],"
    "  \"required_resources\": { \"Day\": [3, 3] }, \"resources_preferences\": [] }";

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  esc_test_run_cli (&run, "solve", path, "--output", out, "-q", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_matches (run.err, "warning: .*“ana”.*“ana#2”");
  g_assert_true (g_file_get_contents (allocations, &csv, NULL, NULL));
  assert_matches (csv, "^ana#2@2024-01-01,");
  assert_matches (csv, "^ana@2024-01-01,");
}

static void
test_validate_sample (void)
{
  g_auto(EscTestRun) run = { 0 };

  esc_test_run_cli (&run, "validate", esc_test_sample_path (), NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_matches (run.out,
                  "^.*loja-centro\\.escala: (no problems found|0 errors, [0-9]+ warnings?)$");
}

static void
test_validate_duplicate_employee (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(EscRow) copy = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *line = NULL;
  g_autofree char *id = NULL;
  g_autofree char *backup = NULL;
  g_auto(EscTestRun) run = { 0 };
  EscTable *employees;

  project = esc_project_file_load (esc_test_sample_path (), &error);
  g_assert_no_error (error);
  employees = esc_project_get_table (project, ESC_TABLE_EMPLOYEE);
  g_assert_cmpuint (esc_table_get_n_rows (employees), >, 0);

  copy = esc_row_copy (esc_table_get_row (employees, 0));
  id = g_strdup (esc_row_get (copy, ESC_EMPLOYEE_ID));
  esc_table_append (employees, copy);

  dir = esc_test_make_temp_dir ("escala-cli-XXXXXX");
  path = g_build_filename (dir, "duplicate.escala", NULL);
  esc_project_file_save (project, path, &error);
  g_assert_no_error (error);

  esc_test_run_cli (&run, "validate", path, NULL);
  g_assert_cmpint (run.status, ==, 1);

  /* The copy is the last row; the line names the table, that row, the column and the id. */
  prefix = g_strdup_printf ("employee:%u:id: ", esc_table_get_n_rows (employees));
  line = esc_test_find_line (run.err, prefix);
  if (line == NULL)
    g_error ("no line starting with “%s” in:\n%s", prefix, run.err);
  g_assert_nonnull (strstr (line, id));
  assert_matches (run.out, "[1-9][0-9]* errors?");

  g_unlink (path);
  backup = g_strconcat (path, ".bak", NULL);
  g_unlink (backup);
  g_rmdir (dir);
}

static void
test_validate_missing_file (void)
{
  g_auto(EscTestRun) run = { 0 };

  esc_test_run_cli (&run, "validate", "/nonexistent/nowhere.escala", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "nowhere.escala"));
}

static void
test_validate_garbage_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(EscTestRun) run = { 0 };
  int fd;

  fd = g_file_open_tmp ("escala-cli-XXXXXX.escala", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, "this is { not a project", -1, &error);
  g_assert_no_error (error);

  esc_test_run_cli (&run, "validate", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, !=, "");

  g_unlink (path);
}

static void
test_validate_usage (void)
{
  g_auto(EscTestRun) no_file = { 0 };
  g_auto(EscTestRun) two_files = { 0 };
  g_auto(EscTestRun) bad_option = { 0 };

  esc_test_run_cli (&no_file, "validate", NULL);
  g_assert_cmpint (no_file.status, ==, 2);
  esc_test_run_cli (&two_files, "validate", esc_test_sample_path (), esc_test_sample_path (), NULL);
  g_assert_cmpint (two_files.status, ==, 2);
  esc_test_run_cli (&bad_option, "validate", "--no-such-option", esc_test_sample_path (), NULL);
  g_assert_cmpint (bad_option.status, ==, 2);
}

static void
test_info_counts (void)
{
  g_auto(EscTestRun) run = { 0 };

  esc_test_run_cli (&run, "info", esc_test_sample_path (), NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_matches (run.out, "^  Employees +18$");
  assert_matches (run.out, "^  Stores +2$");
  assert_matches (run.out, "^  Parameters +[1-9][0-9]*$");
  /* The horizon: first day with its weekday, number of days, last day. */
  assert_matches (run.out, "^  Start date +[0-9]{4}-[0-9]{2}-[0-9]{2} \\([A-Z][a-z]+day\\)$");
  assert_matches (run.out, "^  Days +[0-9]+$");
  assert_matches (run.out, "^  End date +[0-9]{4}-[0-9]{2}-[0-9]{2} \\([A-Z][a-z]+day\\)$");
  /* Every known parameter is listed, with its value or its default. */
  assert_matches (run.out, "^  start_date +[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  assert_matches (run.out, "^  first_day_of_week +");
  assert_matches (run.out, "^  break_minutes +");
}

static void
test_info_json (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(EscTestRun) run = { 0 };
  JsonObject *root, *tables, *horizon, *parameters;

  esc_test_run_cli (&run, "info", "--json", esc_test_sample_path (), NULL);
  g_assert_cmpint (run.status, ==, 0);

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  tables = json_object_get_object_member (root, "tables");
  g_assert_cmpint (json_object_get_int_member (tables, "employee"), ==, 18);
  g_assert_cmpint (json_object_get_int_member (tables, "store"), ==, 2);
  g_assert_true (json_object_has_member (tables, "move"));

  horizon = json_object_get_object_member (root, "horizon");
  g_assert_true (json_object_has_member (horizon, "start_date"));
  g_assert_cmpint (json_object_get_int_member (horizon, "days"), >, 0);
  g_assert_true (json_object_has_member (horizon, "end_date"));
  g_assert_true (json_object_has_member (horizon, "start_weekday"));

  parameters = json_object_get_object_member (root, "parameters");
  g_assert_true (json_object_has_member (parameters, "start_date"));
  g_assert_true (json_object_has_member (parameters, "max_horizon"));
  g_assert_true (json_object_has_member (parameters, "objective_function"));
}

static void
test_info_unreadable (void)
{
  g_auto(EscTestRun) run = { 0 };

  esc_test_run_cli (&run, "info", "/nonexistent/nowhere.escala", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, !=, "");
}

static void
test_help (void)
{
  const char *commands[] = { "validate", "info" };
  g_auto(EscTestRun) top = { 0 };
  g_auto(EscTestRun) help = { 0 };

  esc_test_run_cli (&top, "--help", NULL);
  g_assert_cmpint (top.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *pattern = g_strdup_printf ("^  %s +[A-Z]", commands[i]);

      assert_matches (top.out, pattern);
    }

  esc_test_run_cli (&help, "help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  assert_matches (help.out, "^  validate ");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(EscTestRun) run = { 0 };
      g_auto(EscTestRun) alias = { 0 };
      g_autofree char *usage = g_strdup_printf ("escala-cli %s \\[OPTION.*\\] FILE", commands[i]);

      esc_test_run_cli (&run, commands[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      assert_matches (run.out, usage);

      esc_test_run_cli (&alias, "help", commands[i], NULL);
      g_assert_cmpint (alias.status, ==, 0);
      assert_matches (alias.out, usage);
    }
}

static void
test_version (void)
{
  g_auto(EscTestRun) run = { 0 };

  esc_test_run_cli (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_matches (run.out, "^escala-cli [0-9]+\\.[0-9]+\\.[0-9]+$");
}

static void
test_bad_command (void)
{
  g_auto(EscTestRun) unknown = { 0 };
  g_auto(EscTestRun) none = { 0 };

  esc_test_run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));

  esc_test_run_cli (&none, NULL);
  g_assert_cmpint (none.status, ==, 2);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/validate/sample-is-valid", test_validate_sample);
  g_test_add_func ("/cli/validate/duplicate-employee", test_validate_duplicate_employee);
  g_test_add_func ("/cli/validate/missing-file", test_validate_missing_file);
  g_test_add_func ("/cli/validate/garbage-file", test_validate_garbage_file);
  g_test_add_func ("/cli/validate/usage-errors", test_validate_usage);
  g_test_add_func ("/cli/info/counts", test_info_counts);
  g_test_add_func ("/cli/solve/sample-save-and-check", test_solve_and_check_sample);
  g_test_add_func ("/cli/solve/classic-roster", test_solve_roster);
  g_test_add_func ("/cli/solve/roster-duplicate-names", test_solve_roster_duplicate);
  g_test_add_func ("/cli/info/json", test_info_json);
  g_test_add_func ("/cli/info/unreadable", test_info_unreadable);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/bad-command", test_bad_command);

  return g_test_run ();
}
