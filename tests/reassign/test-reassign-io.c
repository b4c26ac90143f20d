/* test-reassign-io.c: exports, saved plans and the day-over-day comparison, rows taken
 * from the schedule, and escala-cli reassign.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-reassign"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "core/esc-row.h"
#include "io/esc-project-file.h"
#include "io/esc-xlsx-reader.h"
#include "reassign/esc-reassign-export.h"
#include "reassign/esc-reassign-plan.h"
#include "test-reassign.h"

#include "esc-test-cli.h"

/* A small plan: two categories, a move with backfill in each. */
static EscReassignInput *
sample_input (double spare_b1)
{
  EscReassignInput *input = esc_reassign_input_new (test_today ());

  esc_reassign_input_add_request (input, "R1", "T1", "C", 6, 2, test_today () - 3, NULL, NULL);
  esc_reassign_input_add_request (input, "R2", "T3", "Lo/ng:cat*egory?with[a]very-long-name", 3,
                                  1, 0, NULL, "E2");
  esc_reassign_input_add_employee (input, "E1", "C", FALSE, FALSE, 0, 0);
  esc_reassign_input_add_employee (input, "E2", "Lo/ng:cat*egory?with[a]very-long-name", TRUE,
                                   FALSE, 0, 0);
  esc_reassign_input_add_employee (input, "B1", "X", TRUE, TRUE, test_day (2025, 9, 1), spare_b1);
  esc_reassign_input_add_assignment (input, "A1", "E1", "T2", "X", NULL, 6, 6, TRUE);
  esc_reassign_input_add_assignment (input, "A2", "E2", "T2", "X", NULL, 8, 8, TRUE);
  return input;
}

typedef struct
{
  GHashTable *cells;   /* "B2" -> text */
  guint       rows;
} SheetCells;

static gboolean
collect_row_cb (guint              row,
                const EscXlsxCell *cells,
                guint              n_cells,
                gpointer           user_data,
                GError           **error)
{
  SheetCells *sheet = user_data;

  for (guint i = 0; i < n_cells; i++)
    g_hash_table_insert (sheet->cells, esc_xlsx_cell_address (cells[i].row, cells[i].col),
                         g_strdup (cells[i].text));
  sheet->rows = MAX (sheet->rows, row);
  return TRUE;
}

static const char *
cell_text (SheetCells *sheet,
           const char *address)
{
  return g_hash_table_lookup (sheet->cells, address);
}

static void
read_sheet (EscXlsxReader *reader,
            const char    *name,
            SheetCells    *sheet)
{
  g_autoptr(GError) error = NULL;

  sheet->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sheet->rows = 0;
  g_assert_true (esc_xlsx_reader_foreach_row (reader, name, collect_row_cb, sheet, &error));
  g_assert_no_error (error);
}

static void
test_export_xlsx (void)
{
  g_autoptr(EscReassignInput) input = sample_input (10);
  g_autoptr(EscReassignResult) result = test_run (input, NULL, ESC_REASSIGN_GREEDY);
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xlsx", NULL);
  g_autoptr(EscXlsxReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) expected = esc_reassign_export_sheet_names (result, NULL);
  const char * const *names;
  SheetCells sheet;

  g_assert_true (esc_reassign_export_xlsx (result, NULL, path, &error));
  g_assert_no_error (error);

  reader = esc_xlsx_reader_open (path, &error);
  g_assert_no_error (error);
  names = esc_xlsx_reader_get_sheet_names (reader);
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 8);
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (names[i], ==, expected[i]);
  g_assert_cmpstr (names[0], ==, "Summary");
  g_assert_cmpstr (names[1], ==, "Requests");
  g_assert_cmpstr (names[2], ==, "C_moves");
  g_assert_cmpstr (names[3], ==, "C_options");
  g_assert_cmpstr (names[4], ==, "C_backfill");

  read_sheet (reader, "C_moves", &sheet);
  g_assert_cmpuint (sheet.rows, ==, 2);
  g_assert_cmpstr (cell_text (&sheet, "A1"), ==, "Request");
  g_assert_cmpstr (cell_text (&sheet, "A2"), ==, "T1/C");
  g_assert_cmpstr (cell_text (&sheet, "D2"), ==, "E1");     /* Employee */
  g_assert_cmpstr (cell_text (&sheet, "F2"), ==, "T2");     /* From team */
  g_assert_cmpstr (cell_text (&sheet, "H2"), ==, "6");      /* Hours moved */
  g_assert_cmpstr (cell_text (&sheet, "K1"), ==, "Score");
  g_assert_cmpstr (cell_text (&sheet, "K2"), ==, "6");      /* part-time 4 + hours match 2 */
  g_assert_cmpstr (cell_text (&sheet, "L1"), ==, "Part-time");
  g_assert_cmpstr (cell_text (&sheet, "L2"), ==, "4");
  g_assert_cmpstr (cell_text (&sheet, "Q2"), ==, "0");      /* Moved today */
  g_assert_cmpstr (cell_text (&sheet, "R2"), ==, "B1 (6 h)");
  g_hash_table_unref (sheet.cells);

  read_sheet (reader, "C_options", &sheet);
  g_assert_cmpstr (cell_text (&sheet, "B1"), ==, "Rank");
  g_assert_cmpstr (cell_text (&sheet, "C2"), ==, "E1");
  g_hash_table_unref (sheet.cells);

  read_sheet (reader, "C_backfill", &sheet);
  g_assert_cmpstr (cell_text (&sheet, "G1"), ==, "Backfill employee");
  g_assert_cmpstr (cell_text (&sheet, "G2"), ==, "B1");
  g_assert_cmpstr (cell_text (&sheet, "H2"), ==, "yes");   /* Trainee */
  g_hash_table_unref (sheet.cells);

  read_sheet (reader, "Requests", &sheet);
  g_assert_cmpuint (sheet.rows, ==, 3);
  g_hash_table_unref (sheet.cells);

  test_remove_tree (dir);
}

static void
test_export_sheet_names (void)
{
  g_autoptr(EscReassignInput) input = esc_reassign_input_new (test_today ());
  g_autoptr(EscReassignResult) result = NULL;
  g_auto(GStrv) names = NULL;

  esc_reassign_input_add_request (input, "R1", "T1", "Lo/ng:cat*egory?with[a]very-long-name",
                                  1, 3, 0, NULL, NULL);
  esc_reassign_input_add_request (input, "R2", "T1", "Lo/ng:cat*egory?with[a]very-long-nam",
                                  1, 2, 0, NULL, NULL);
  esc_reassign_input_add_request (input, "R3", "T1", "'quoted", 1, 1, 0, NULL, NULL);
  result = test_run (input, NULL, ESC_REASSIGN_GREEDY);
  names = esc_reassign_export_sheet_names (result, NULL);

  g_assert_cmpuint (g_strv_length (names), ==, 2 + 9);
  g_assert_cmpstr (names[2], ==, "Lo_ng_cat_egory_with_a_ve_moves");
  g_assert_cmpstr (names[3], ==, "Lo_ng_cat_egory_with_a__options");
  g_assert_cmpstr (names[4], ==, "Lo_ng_cat_egory_with_a_backfill");
  /* The second category cuts to the same text: it gets ~2. */
  g_assert_cmpstr (names[5], ==, "Lo_ng_cat_egory_with_a_~2_moves");
  g_assert_cmpstr (names[8], ==, "quoted_moves");
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_assert_cmpint (g_utf8_strlen (names[i], -1), <=, 31);
      g_assert_null (strpbrk (names[i], "[]:*?/\\"));
    }
}

static void
test_plan_json (void)
{
  g_autoptr(EscReassignInput) input = sample_input (10);
  g_autoptr(EscReassignResult) result = test_run (input, NULL, ESC_REASSIGN_OPTIMAL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  JsonObject *root, *move, *terms;
  JsonArray *moves;
  gsize length;

  data = esc_reassign_plan_to_data (result, NULL, &length);
  g_assert_cmpuint (strlen (data), ==, length);
  g_assert_true (g_str_has_suffix (data, "}\n"));
  /* Numbers are short: the composite 2 + 3/5 is 2.6, not 2.6000000000000001. */
  g_assert_nonnull (strstr (data, "\"composite\" : 2.6,"));
  g_assert_null (strstr (data, "0000000"));

  g_assert_true (json_parser_load_from_data (parser, data, (gssize) length, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "escala-reassign-plan");
  g_assert_cmpstr (json_object_get_string_member (root, "mode"), ==, "optimal");
  g_assert_cmpstr (json_object_get_string_member (root, "today"), ==, "2026-03-02");
  g_assert_true (json_object_has_member (root, "greedy"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "settings"),
                                                  "reassign_implementation_factor"), ==, "1.3");
  moves = json_object_get_array_member (root, "moves");
  g_assert_cmpuint (json_array_get_length (moves), ==, 2);
  move = json_array_get_object_element (moves, 0);
  g_assert_cmpstr (json_object_get_string_member (move, "employee"), ==, "E1");
  terms = json_object_get_object_member (move, "terms");
  g_assert_cmpfloat (json_object_get_double_member (terms, "part_time"), ==, 4);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (move, "backfills")), ==, 1);
}

static void
test_plan_day_over_day (void)
{
  g_autoptr(EscReassignInput) first_input = sample_input (10);
  g_autoptr(EscReassignResult) first = test_run (first_input, NULL, ESC_REASSIGN_GREEDY);
  g_autoptr(EscReassignInput) second_input = sample_input (4);   /* B1's spare hours drop */
  g_autoptr(EscReassignResult) second = NULL;
  g_autoptr(EscReassignComparison) comparison = NULL;
  g_autoptr(EscReassignComparison) same = NULL;
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "day1.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  EscReassignRequestChange *grown;
  EscReassignCapacityChange *changed;

  g_assert_true (esc_reassign_plan_save (first, NULL, path, &error));
  g_assert_no_error (error);

  /* The next day: R1 grows from 6 to 9 hours, a request T5/C appears. */
  esc_reassign_input_add_request (second_input, "R1b", "T1", "C", 3, 0, 0, NULL, NULL);
  esc_reassign_input_add_request (second_input, "R9", "T5", "C", 2, 0, 0, NULL, NULL);
  second = test_run (second_input, NULL, ESC_REASSIGN_GREEDY);
  comparison = esc_reassign_compare_with_file (second, path, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (comparison->previous_today, ==, test_today ());
  g_assert_cmpstr (comparison->previous_mode, ==, "greedy");
  g_assert_cmpuint (comparison->requests->len, ==, 2);
  grown = g_ptr_array_index (comparison->requests, 0);
  g_assert_cmpstr (grown->key, ==, "T1/C");
  g_assert_cmpfloat (grown->before, ==, 6);
  g_assert_cmpfloat (grown->after, ==, 9);
  g_assert_false (grown->is_new);
  grown = g_ptr_array_index (comparison->requests, 1);
  g_assert_cmpstr (grown->key, ==, "T5/C");
  g_assert_true (grown->is_new);
  g_assert_cmpuint (comparison->capacities->len, ==, 1);
  changed = g_ptr_array_index (comparison->capacities, 0);
  g_assert_cmpstr (changed->employee, ==, "B1");
  g_assert_cmpfloat (changed->spare_before, ==, 10);
  g_assert_cmpfloat (changed->spare_after, ==, 4);

  text = esc_reassign_comparison_describe (comparison);
  g_assert_nonnull (strstr (text, "Request T1/C grew from 6 to 9 hours"));
  g_assert_nonnull (strstr (text, "New request T5/C: 2 hours"));
  g_assert_nonnull (strstr (text, "Capacity of B1 changed: spare hours 10 → 4"));

  /* Comparing a plan with itself shows nothing. */
  same = esc_reassign_compare_with_file (first, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (same->requests->len, ==, 0);
  g_assert_cmpuint (same->capacities->len, ==, 0);

  /* The comparison goes into the exports. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "day2.xlsx", NULL);
  g_assert_true (esc_reassign_export_xlsx (second, comparison, path, &error));
  g_assert_no_error (error);
  test_remove_tree (dir);
}

static void
test_plan_not_a_plan (void)
{
  g_autoptr(EscReassignInput) input = sample_input (10);
  g_autoptr(EscReassignResult) result = test_run (input, NULL, ESC_REASSIGN_GREEDY);
  g_autoptr(GError) error = NULL;

  g_assert_null (esc_reassign_compare_with_data (result, "{ \"format\" : \"escala-project\" }",
                                                 -1, &error));
  g_assert_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_PLAN);
  g_clear_error (&error);
  g_assert_null (esc_reassign_compare_with_data (result, "not json", -1, &error));
  g_assert_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_PLAN);
  g_clear_error (&error);
  g_assert_null (esc_reassign_compare_with_file (result, "/nonexistent/plan.json", &error));
  g_assert_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_PLAN);
}

/* From the schedule ------------------------------------------------------------------------ */

static void
test_derive_assignments (void)
{
  g_autoptr(EscProject) project = esc_project_new ();
  g_autoptr(EscCommand) command = NULL;
  g_autoptr(EscCommand) again = NULL;
  g_autoptr(GError) error = NULL;
  EscTable *table = esc_project_get_table (project, ESC_TABLE_ASSIGNMENT);
  const char *expected[][5] = {
    /* id, team, category, hours_4w, hours_12w */
    { "E1@S1/cashier", "S1", "cashier", "2", "1.17" },   /* 8 in 4 weeks; 8 + 6 in 12 */
    { "E1@S2/stock", "S2", "stock", "1.5", "0.5" },      /* 6 */
    { "E2@S2/stock", "S2", "stock", "1.25", "0.42" },    /* 5 from start and finish */
  };

  test_add_row (project, ESC_TABLE_EMPLOYEE, "id", "E1", "store", "S1", "role", "cashier", NULL);
  test_add_row (project, ESC_TABLE_EMPLOYEE, "id", "E2", "store", "S2", "role", "stock", NULL);
  test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1", "date", "2026-02-25",
                "hours", "08:00", NULL);
  test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1", "date", "2026-01-10",
                "hours", "06:00", NULL);
  test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1", "date", "2025-11-01",
                "hours", "08:00", NULL);   /* more than 12 weeks ago */
  test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1", "date", "2026-02-26",
                "hours", "C", NULL);
  test_add_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, "employee", "E1", "date", "2026-02-27",
                "hours", "08:00", NULL);   /* the schedule has this day */
  test_add_row (project, ESC_TABLE_ALLOCATION, "task", "E1@2026-02-27", "type", "allocation",
                "resource", "E1", "store", "S2", "role", "stock", "date", "2026-02-27",
                "start", "2026-02-27 08:00", "finish", "2026-02-27 15:00", "net_hours", "06:00",
                NULL);
  test_add_row (project, ESC_TABLE_ALLOCATION, "task", "E1@2026-03-02", "type", "allocation",
                "resource", "E1", "store", "S1", "role", "cashier", "date", "2026-03-02",
                "start", "2026-03-02 08:00", "finish", "2026-03-02 16:00", NULL);  /* today */
  test_add_row (project, ESC_TABLE_ALLOCATION, "task", "E2@2026-02-20", "type", "allocation",
                "resource", "E2", "date", "2026-02-20", "start", "2026-02-20 09:00",
                "finish", "2026-02-20 14:00", NULL);
  test_add_row (project, ESC_TABLE_ALLOCATION, "task", "extra:S1/cashier@x", "type", "extra",
                "resource", "cashier", "store", "S1", "date", "2026-02-20", "start",
                "2026-02-20 09:00", "finish", "2026-02-20 14:00", "missing", "1", NULL);

  command = esc_reassign_derive_assignments (project, test_today (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  esc_project_execute (project, command);
  g_assert_cmpuint (esc_table_get_n_rows (table), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      EscRow *row = esc_table_get_row (table, i);

      g_assert_cmpstr (esc_row_get (row, ESC_ASSIGNMENT_ID), ==, expected[i][0]);
      g_assert_cmpstr (esc_row_get (row, ESC_ASSIGNMENT_TEAM), ==, expected[i][1]);
      g_assert_cmpstr (esc_row_get (row, ESC_ASSIGNMENT_CATEGORY), ==, expected[i][2]);
      g_assert_cmpstr (esc_row_get (row, ESC_ASSIGNMENT_HOURS_4W), ==, expected[i][3]);
      g_assert_cmpstr (esc_row_get (row, ESC_ASSIGNMENT_HOURS_12W), ==, expected[i][4]);
      g_assert_cmpstr (esc_row_get (row, ESC_ASSIGNMENT_POSITION), ==, "worker");
      g_assert_cmpstr (esc_row_get (row, ESC_ASSIGNMENT_ELIGIBLE_FOR_TRAINEE), ==, "yes");
    }

  /* Deriving again replaces the rows rather than adding them twice. */
  again = esc_reassign_derive_assignments (project, test_today (), &error);
  g_assert_no_error (error);
  esc_project_execute (project, again);
  g_assert_cmpuint (esc_table_get_n_rows (table), ==, G_N_ELEMENTS (expected));

  g_assert_true (esc_project_undo (project));
  g_assert_cmpuint (esc_table_get_n_rows (table), ==, G_N_ELEMENTS (expected));
  g_assert_true (esc_project_undo (project));
  g_assert_cmpuint (esc_table_get_n_rows (table), ==, 0);

  /* A date that does not parse is named. */
  esc_row_set (esc_table_get_row (esc_project_get_table (project, ESC_TABLE_PREVIOUS_ALLOCATION), 1),
               ESC_PREVIOUS_DATE, "yesterday");
  g_assert_null (esc_reassign_derive_assignments (project, test_today (), &error));
  g_assert_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "row 2"));
}

static void
test_extras_to_requests (void)
{
  g_autoptr(EscProject) project = esc_project_new ();
  g_autoptr(EscCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  EscTable *table = esc_project_get_table (project, ESC_TABLE_REQUEST);
  EscRow *row;

  esc_project_set_parameter (project, "start_date", "2026-03-02");
  esc_project_set_parameter (project, "max_horizon", "14");
  test_add_row (project, ESC_TABLE_SHIFT, "id", "N", "hours", "06:00", NULL);
  test_add_row (project, ESC_TABLE_ALLOCATION, "task", "x1", "type", "extra", "resource", "cashier",
                "store", "S1", "role", "cashier", "date", "2026-03-02",
                "start", "2026-03-02 08:00", "finish", "2026-03-02 12:00", "missing", "2", NULL);
  test_add_row (project, ESC_TABLE_ALLOCATION, "task", "x2", "type", "extra", "resource", "cashier",
                "store", "S1", "date", "2026-03-03",
                "start", "2026-03-03 10:00", "finish", "2026-03-03 14:00", "missing", "1", NULL);
  test_add_row (project, ESC_TABLE_ALLOCATION, "task", "x3", "type", "extra", "resource", "stock",
                "store", "S2", "shift", "N", "date", "2026-03-04",
                "start", "2026-03-04", "finish", "2026-03-04", "missing", "1", NULL);
  test_add_row (project, ESC_TABLE_ALLOCATION, "task", "w1", "type", "allocation", "resource", "E1",
                "store", "S1", "role", "cashier", "date", "2026-03-02",
                "start", "2026-03-02 08:00", "finish", "2026-03-02 12:00", NULL);

  command = esc_reassign_requests_from_extras (project, &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  esc_project_execute (project, command);

  /* (4 x 2 + 4) staff-hours over 2 weeks; 6 over 2 weeks. */
  g_assert_cmpuint (esc_table_get_n_rows (table), ==, 2);
  row = esc_table_get_row (table, 0);
  g_assert_cmpstr (esc_row_get (row, ESC_REQUEST_ID), ==, "extra:S1/cashier");
  g_assert_cmpstr (esc_row_get (row, ESC_REQUEST_TEAM), ==, "S1");
  g_assert_cmpstr (esc_row_get (row, ESC_REQUEST_CATEGORY), ==, "cashier");
  g_assert_cmpstr (esc_row_get (row, ESC_REQUEST_HOURS), ==, "6");
  g_assert_cmpstr (esc_row_get (row, ESC_REQUEST_STAGE), ==, "new");
  row = esc_table_get_row (table, 1);
  g_assert_cmpstr (esc_row_get (row, ESC_REQUEST_ID), ==, "extra:S2/stock");
  g_assert_cmpstr (esc_row_get (row, ESC_REQUEST_HOURS), ==, "3");

  g_assert_true (esc_project_undo (project));
  g_assert_cmpuint (esc_table_get_n_rows (table), ==, 0);

  /* No shortages: nothing to do. */
  esc_table_clear (esc_project_get_table (project, ESC_TABLE_ALLOCATION));
  g_assert_null (esc_reassign_requests_from_extras (project, &error));
  g_assert_no_error (error);
}

/* escala-cli reassign ---------------------------------------------------------------------- */

static void
test_cli (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *project_path = g_build_filename (dir, "p.escala", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "plan.xlsx", NULL);
  g_autofree char *xlsx2 = g_build_filename (dir, "plan2.xlsx", NULL);
  g_autofree char *json = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(EscProject) project = esc_project_new ();
  g_autoptr(EscProject) saved = NULL;
  g_autoptr(GError) error = NULL;
  EscTestRun run = { 0 };

  test_add_row (project, ESC_TABLE_REQUEST, "id", "R1", "team", "T1", "category", "C",
                "hours", "6", "priority", "1", NULL);
  test_add_row (project, ESC_TABLE_EMPLOYEE, "id", "E1", "skills", "C", "full_time", "no", NULL);
  test_add_row (project, ESC_TABLE_EMPLOYEE, "id", "B1", "skills", "X", "trainee", "yes",
                "spare_capacity", "4", NULL);
  test_add_row (project, ESC_TABLE_ASSIGNMENT, "id", "A1", "employee", "E1", "team", "T2",
                "category", "X", "hours_4w", "6", "hours_12w", "6", "eligible_for_trainee", "yes",
                NULL);
  g_assert_true (esc_project_file_save (project, project_path, &error));
  g_assert_no_error (error);

  esc_test_run_cli (&run, "reassign", project_path, "--today", "2026-03-02", "--output", xlsx,
                    "--json", json, "--accept", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Reassignment (greedy), 2026-03-02"));
  g_assert_nonnull (strstr (run.out, "E1 (A1, T2/X) → T1: 6 h"));
  g_assert_nonnull (strstr (run.out, "backfill: B1 4 h"));
  g_assert_nonnull (strstr (run.out, "Accepted 1 move into the history."));
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
  esc_test_run_clear (&run);

  saved = esc_project_file_load (project_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (esc_table_get_n_rows (esc_project_get_table (saved, ESC_TABLE_MOVE)), ==, 1);

  /* The next day, optimal, compared with the saved plan: the move is history now. */
  esc_test_run_cli (&run, "reassign", project_path, "--today", "2026-03-03", "--mode", "optimal",
                    "--output", xlsx2, "--previous", json, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Reassignment (optimal), 2026-03-03"));
  g_assert_nonnull (strstr (run.out, "Since the previous plan:"));
  g_assert_nonnull (strstr (run.out, "Capacity of E1 changed"));   /* A1 may no longer move */
  esc_test_run_clear (&run);

  esc_test_run_cli (&run, "reassign", project_path, "--mode", "best", "--output", xlsx2, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "best"));
  esc_test_run_clear (&run);

  esc_test_run_cli (&run, "reassign", project_path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--output"));
  esc_test_run_clear (&run);

  esc_project_set_parameter (saved, "reassign_keep_threshold", "lots");
  g_assert_true (esc_project_file_save (saved, project_path, &error));
  esc_test_run_cli (&run, "reassign", project_path, "--output", xlsx2, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "reassign_keep_threshold"));
  esc_test_run_clear (&run);

  test_remove_tree (dir);
}

void
esc_test_add_io_tests (void)
{
  g_test_add_func ("/reassign/export/xlsx", test_export_xlsx);
  g_test_add_func ("/reassign/export/sheet-names", test_export_sheet_names);
  g_test_add_func ("/reassign/plan/json", test_plan_json);
  g_test_add_func ("/reassign/plan/day-over-day", test_plan_day_over_day);
  g_test_add_func ("/reassign/plan/not-a-plan", test_plan_not_a_plan);
  g_test_add_func ("/reassign/schedule/derive-assignments", test_derive_assignments);
  g_test_add_func ("/reassign/schedule/extras-to-requests", test_extras_to_requests);
  g_test_add_func ("/reassign/cli", test_cli);
}
