/* test-table.c: rows, tables, the schema and the project document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>

#include "core/esc-project.h"
#include "test-core.h"

typedef struct
{
  guint calls;
  guint position, removed, added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
row_changed_cb (EscRow *row,
                guint   column,
                int    *last_column)
{
  *last_column = (int) column;
}

static void
test_schema_lookup (void)
{
  const EscTableSchema *employee = esc_schema_get_table (ESC_TABLE_EMPLOYEE);
  guint n_params = 0;

  g_assert_cmpstr (employee->key, ==, "employee");
  g_assert_cmpuint (employee->n_columns, ==, ESC_EMPLOYEE_N_COLUMNS);
  g_assert_cmpint (employee->id_column, ==, ESC_EMPLOYEE_ID);
  g_assert_cmpint (esc_schema_find_column (employee, "weekly_hours"), ==,
                   ESC_EMPLOYEE_WEEKLY_HOURS);
  g_assert_cmpint (esc_schema_find_column (employee, "nope"), ==, -1);
  g_assert_true (esc_schema_find_table ("PreviousAllocation") ==
                 esc_schema_get_table (ESC_TABLE_PREVIOUS_ALLOCATION));
  g_assert_true (esc_schema_find_table ("demand") == esc_schema_get_table (ESC_TABLE_DEMAND));
  g_assert_null (esc_schema_find_table ("nonsense"));
  g_assert_cmpint (esc_schema_get_table (ESC_TABLE_DEMAND)->id_column, ==, -1);

  /* Every reference points at a table with an id column; enums have values. */
  for (guint t = 0; t < ESC_N_TABLES; t++)
    {
      const EscTableSchema *schema = esc_schema_get_table (t);

      g_assert_cmpuint (schema->id, ==, t);
      for (guint c = 0; c < schema->n_columns; c++)
        {
          const EscColumn *col = &schema->columns[c];

          if (col->type == ESC_COLUMN_REF || col->type == ESC_COLUMN_REF_LIST)
            g_assert_cmpint (esc_schema_get_table (col->ref_table)->id_column, >=, 0);
          if (col->type == ESC_COLUMN_ENUM)
            g_assert_nonnull (col->enum_values);
        }
    }

  /* The column enums match the schema arrays. */
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_LOCATION)->n_columns, ==, ESC_LOCATION_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_STORE)->n_columns, ==, ESC_STORE_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_ROLE)->n_columns, ==, ESC_ROLE_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_SHIFT)->n_columns, ==, ESC_SHIFT_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_PATTERN)->n_columns, ==, ESC_PATTERN_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_DEMAND)->n_columns, ==, ESC_DEMAND_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_HOLIDAY)->n_columns, ==, ESC_HOLIDAY_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_PREVIOUS_ALLOCATION)->n_columns, ==, ESC_PREVIOUS_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_PREFERENCE)->n_columns, ==, ESC_PREFERENCE_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_FORBIDDEN_SEQUENCE)->n_columns, ==, ESC_SEQUENCE_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_PARAMETER)->n_columns, ==, ESC_PARAMETER_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_REQUEST)->n_columns, ==, ESC_REQUEST_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_ASSIGNMENT)->n_columns, ==, ESC_ASSIGNMENT_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_EXCLUSION)->n_columns, ==, ESC_EXCLUSION_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_MOVE)->n_columns, ==, ESC_MOVE_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_ALLOCATION)->n_columns, ==, ESC_ALLOCATION_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_PHASE)->n_columns, ==, ESC_PHASE_N_COLUMNS);
  g_assert_cmpuint (esc_schema_get_table (ESC_TABLE_RESULT)->n_columns, ==, ESC_RESULT_N_COLUMNS);
  g_assert_cmpstr (employee->columns[ESC_EMPLOYEE_SPARE_CAPACITY].key, ==, "spare_capacity");
  g_assert_cmpstr (esc_schema_get_table (ESC_TABLE_DEMAND)->columns[ESC_DEMAND_OVER_WEIGHT].key, ==,
                   "over_weight");

  esc_schema_get_parameters (&n_params);
  g_assert_cmpuint (n_params, >=, 12);
  g_assert_nonnull (esc_schema_find_parameter ("granularity"));
  g_assert_null (esc_schema_find_parameter ("granularidade"));
  g_assert_cmpstr (esc_schema_find_parameter ("min_rest_between_shifts")->default_value, ==, "11");
}

static void
test_row_cells (void)
{
  g_autoptr(EscRow) row = esc_row_new_with_values (ESC_TABLE_ROLE,
                                                   (const char *[]) { "CAIXA", NULL });
  g_autoptr(EscRow) copy = NULL;
  g_autofree const char **keys = NULL;
  guint n_keys = 0;
  int last_column = -1;

  g_assert_cmpstr (esc_row_get (row, ESC_ROLE_ID), ==, "CAIXA");
  g_assert_cmpstr (esc_row_get (row, ESC_ROLE_NAME), ==, "");
  g_assert_true (esc_row_is_empty (row, ESC_ROLE_NAME));

  g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), &last_column);
  esc_row_set (row, ESC_ROLE_NAME, "Caixa");
  g_assert_cmpint (last_column, ==, ESC_ROLE_NAME);
  last_column = -1;
  esc_row_set (row, ESC_ROLE_NAME, "Caixa");  /* same value: no signal */
  g_assert_cmpint (last_column, ==, -1);
  esc_row_set (row, ESC_ROLE_NAME, "  ");
  g_assert_true (esc_row_is_empty (row, ESC_ROLE_NAME));
  esc_row_set (row, ESC_ROLE_NAME, NULL);
  g_assert_cmpstr (esc_row_get (row, ESC_ROLE_NAME), ==, "");

  esc_row_set_extra (row, "zeta", "1");
  esc_row_set_extra (row, "alpha", "2");
  keys = esc_row_get_extra_keys (row, &n_keys);
  g_assert_cmpuint (n_keys, ==, 2);
  g_assert_cmpstr (keys[0], ==, "alpha");
  g_assert_cmpstr (keys[1], ==, "zeta");
  g_assert_null (keys[2]);

  copy = esc_row_copy (row);
  g_assert_true (esc_row_equal (row, copy));
  esc_row_set_extra (copy, "alpha", "3");
  g_assert_false (esc_row_equal (row, copy));
  esc_row_set_extra (copy, "alpha", "2");
  g_assert_true (esc_row_equal (row, copy));
  esc_row_set_extra (copy, "alpha", NULL);
  g_assert_null (esc_row_get_extra (copy, "alpha"));
  g_assert_false (esc_row_equal (row, copy));
  esc_row_set (copy, ESC_ROLE_ID, "OTHER");
  g_assert_cmpstr (esc_row_get (row, ESC_ROLE_ID), ==, "CAIXA");  /* a deep copy */
}

static void
test_table_model (void)
{
  g_autoptr(EscTable) table = esc_table_new (ESC_TABLE_STORE);
  g_autoptr(EscRow) first = NULL;
  g_autoptr(EscRow) item = NULL;
  ItemsChanged record = { 0 };
  EscRow *second;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (table)) == ESC_TYPE_ROW);
  g_signal_connect (table, "items-changed", G_CALLBACK (items_changed_cb), &record);

  second = esc_table_append_values (table, (const char *[]) { "LJ02", "LOC02", NULL });
  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);

  first = esc_row_new_with_values (ESC_TABLE_STORE, (const char *[]) { " LJ01 ", "LOC01", NULL });
  esc_table_insert (table, 0, first);
  g_assert_cmpuint (record.calls, ==, 2);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (table)), ==, 2);
  item = g_list_model_get_item (G_LIST_MODEL (table), 1);
  g_assert_true (item == second);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (table), 2));

  /* Ids match after trimming both sides. */
  g_assert_true (esc_table_find (table, "LJ01") == first);
  g_assert_true (esc_table_find (table, "LJ02 ") == second);
  g_assert_null (esc_table_find (table, "LJ03"));
  g_assert_cmpuint (esc_table_index_of (table, second), ==, 1);

  esc_table_remove (table, 0);
  g_assert_cmpuint (record.calls, ==, 3);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (esc_table_index_of (table, first), ==, G_MAXUINT);
  esc_table_clear (table);
  g_assert_cmpuint (esc_table_get_n_rows (table), ==, 0);
  g_assert_cmpuint (record.calls, ==, 4);
}

static void
test_project_parameters (void)
{
  g_autoptr(EscProject) project = esc_project_new ();
  g_autoptr(GError) error = NULL;
  EscJulian start = 0;
  int horizon = 0;

  /* Defaults, and a missing start date is an error that names the parameter. */
  g_assert_cmpstr (esc_project_get_parameter (project, "granularity"), ==, "1");
  g_assert_cmpstr (esc_project_get_parameter (project, "objective_function"), ==,
                   esc_schema_get_default_objectives ());
  g_assert_null (esc_project_get_parameter (project, "start_date"));
  g_assert_false (esc_project_get_start_date (project, &start, &error));
  g_assert_nonnull (strstr (error->message, "start_date"));
  g_clear_error (&error);
  g_assert_true (esc_project_get_horizon (project, &horizon, &error));
  g_assert_cmpint (horizon, ==, 28);

  esc_project_set_parameter (project, "start_date", "2026-12-07");
  esc_project_set_parameter (project, "max_horizon", "14");
  esc_project_set_parameter (project, "first_day_of_week", "dom");
  g_assert_true (esc_project_get_start_date (project, &start, &error));
  g_assert_no_error (error);
  g_assert_cmpint (esc_julian_weekday (start), ==, ESC_MON);
  g_assert_true (esc_project_get_horizon (project, &horizon, NULL));
  g_assert_cmpint (horizon, ==, 14);
  g_assert_cmpint (esc_project_get_first_day_of_week (project), ==, ESC_SUN);

  esc_project_set_parameter (project, "max_horizon", "400");
  g_assert_false (esc_project_get_horizon (project, &horizon, &error));
  g_assert_nonnull (strstr (error->message, "400"));
  g_clear_error (&error);
  esc_project_set_parameter (project, "max_horizon", "abc");
  g_assert_false (esc_project_get_horizon (project, &horizon, &error));
  g_clear_error (&error);

  /* A blank value falls back to the default; NULL removes the row. */
  esc_project_set_parameter (project, "max_horizon", "");
  g_assert_cmpstr (esc_project_get_parameter (project, "max_horizon"), ==, "28");
  g_assert_nonnull (esc_project_find_parameter_row (project, "max_horizon"));
  esc_project_set_parameter (project, "max_horizon", NULL);
  g_assert_null (esc_project_find_parameter_row (project, "max_horizon"));
  g_assert_cmpuint (esc_table_get_n_rows (esc_project_get_table (project, ESC_TABLE_PARAMETER)),
                    ==, 2);
}

static void
test_project_copy_equal (void)
{
  g_autoptr(EscProject) project = esc_project_new ();
  g_autoptr(EscProject) copy = NULL;
  EscTable *employees = esc_project_get_table (project, ESC_TABLE_EMPLOYEE);
  EscRow *row;

  row = esc_table_append_values (employees, (const char *[ESC_EMPLOYEE_N_COLUMNS]) {
    [ESC_EMPLOYEE_ID] = "E001", [ESC_EMPLOYEE_NAME] = "Ana", [ESC_EMPLOYEE_ROLE] = "CAIXA",
    [ESC_EMPLOYEE_STORE] = "LJ01", [ESC_EMPLOYEE_WEEKLY_HOURS] = "44" });
  esc_row_set_extra (row, "badge", "17");
  esc_project_set_parameter (project, "start_date", "2026-12-07");

  copy = esc_project_copy (project);
  g_assert_true (esc_project_equal (project, copy));
  g_assert_false (esc_project_get_modified (copy));

  esc_row_set (esc_table_get_row (esc_project_get_table (copy, ESC_TABLE_EMPLOYEE), 0),
               ESC_EMPLOYEE_WEEKLY_HOURS, "40");
  g_assert_false (esc_project_equal (project, copy));
  g_assert_cmpstr (esc_row_get (row, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "44");
}

void
esc_test_add_table_tests (void)
{
  g_test_add_func ("/core/schema/lookup", test_schema_lookup);
  g_test_add_func ("/core/row/cells", test_row_cells);
  g_test_add_func ("/core/table/model", test_table_model);
  g_test_add_func ("/core/project/parameters", test_project_parameters);
  g_test_add_func ("/core/project/copy-equal", test_project_copy_equal);
}
