/* test-grid.c: the grids, driven through their widgets: editing a cell, undo through
 * the window's action, pasting, adding/deleting/duplicating rows, searching, moving
 * from cell to cell with the keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include <string.h>

#include "test-ui.h"

static EscTable *
get_table (EscMainWindow *window,
           EscTableId     id)
{
  return esc_project_get_table (esc_main_window_get_project (window), id);
}

static const char *
cell_text (EscMainWindow *window,
           EscTableId     table,
           guint          row,
           guint          column)
{
  return esc_row_get (esc_table_get_row (get_table (window, table), row), column);
}

/* Edits the cell's GtkEditableLabel as a user does: start, type, stop. */
static void
type_into_cell (EscGridCell *cell,
                const char  *text)
{
  GtkEditable *editable = esc_grid_cell_get_editable (cell);

  g_assert_nonnull (editable);
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (editable));
  g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (editable)));
  gtk_editable_set_text (editable, text);
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (editable), TRUE);
}

static void
test_grid_edit_and_undo (void)
{
  EscMainWindow *window = test_open_sample ();
  EscProject *project = esc_main_window_get_project (window);
  EscTableView *view = test_show_grid (window, "employee");
  EscGridCell *cell = test_wait_for_cell (view, 0, ESC_EMPLOYEE_WEEKLY_HOURS);
  const char *severity = NULL;

  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_ID), ==, "E001");
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "44");
  g_assert_false (esc_project_get_modified (project));

  type_into_cell (cell, "40");
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "40");
  g_assert_true (esc_project_get_modified (project));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* Undo through the window's action (what Ctrl+Z does). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "44");
  g_assert_false (esc_project_get_modified (project));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_cmpstr (gtk_editable_get_text (esc_grid_cell_get_editable (cell)), ==, "44");

  /* Redo, then a bad value: kept as typed, the cell says why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "40");
  type_into_cell (cell, "forty");
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_WEEKLY_HOURS), ==,
                   "forty");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"));
  g_assert_nonnull (esc_grid_cell_get_problem (cell, &severity));
  g_assert_cmpstr (severity, ==, "error");
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)));

  /* Escape (stop without commit) keeps the value. */
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (esc_grid_cell_get_editable (cell)));
  gtk_editable_set_text (esc_grid_cell_get_editable (cell), "12");
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (esc_grid_cell_get_editable (cell)), FALSE);
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_WEEKLY_HOURS), ==,
                   "forty");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (esc_project_get_modified (project));

  test_close_window (window);
}

static gboolean
has_problems (gpointer data)
{
  return esc_main_window_get_n_problems (data, "employee") > 0;
}

static void
test_grid_reference_errors_flagged (void)
{
  EscMainWindow *window = test_open_sample ();
  EscTableView *view = test_show_grid (window, "employee");
  EscGridCell *cell = test_wait_for_cell (view, 1, ESC_EMPLOYEE_STORE);

  g_assert_cmpuint (esc_main_window_get_n_problems (window, "employee"), ==, 0);

  /* An unknown store reads as text; the project's validation (a moment after the
   * edit) flags it and counts it on the sidebar's badge. */
  type_into_cell (cell, "LJ99");
  test_wait_until (has_problems, window, 5000, "the validation after the edit");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"));
  g_assert_cmpuint (esc_table_view_get_n_problems (view), >=, 1);
  g_assert_cmpuint (esc_main_window_get_n_problems (window, "employee"), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  esc_main_window_validate_now (window);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"));
  g_assert_cmpuint (esc_table_view_get_n_problems (view), ==, 0);
  g_assert_cmpuint (esc_main_window_get_n_problems (window, "employee"), ==, 0);
  test_close_window (window);
}

static gboolean
has_n_rows (gpointer data)
{
  gpointer *pair = data;

  return esc_table_get_n_rows (pair[0]) == GPOINTER_TO_UINT (pair[1]);
}

static void
test_grid_paste (void)
{
  EscMainWindow *window = test_open_sample ();
  EscProject *project = esc_main_window_get_project (window);
  EscTable *employees = get_table (window, ESC_TABLE_EMPLOYEE);
  EscTableView *view = test_show_grid (window, "employee");
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  guint n = esc_table_get_n_rows (employees);
  const char * const *problems;
  gpointer wait[2];
  EscGridCell *cell;

  g_assert_cmpuint (n, ==, 18);

  /* Three lines from the second-to-last row: two overwrite, one is added; one cell
   * does not read (hours "abc"), a quoted cell holds a tab. */
  esc_table_view_set_cursor (view, n - 2, ESC_EMPLOYEE_NAME);
  gdk_clipboard_set_text (clipboard,
                          "Zé Nunes\tCAIXA\tLJ01\t40\r\n"
                          "\"Yara\tSilva\"\tCAIXA\tLJ01\tabc\r\n"
                          "Xavier Luz\tCAIXA\tLJ02\t44\r\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "grid.paste", NULL));
  wait[0] = employees;
  wait[1] = GUINT_TO_POINTER (n + 1);
  test_wait_until (has_n_rows, wait, 5000, "the pasted row");

  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, n - 2, ESC_EMPLOYEE_NAME), ==, "Zé Nunes");
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, n - 2, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "40");
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, n - 1, ESC_EMPLOYEE_NAME), ==, "Yara\tSilva");
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, n - 1, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "abc");
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, n, ESC_EMPLOYEE_NAME), ==, "Xavier Luz");
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, n, ESC_EMPLOYEE_STORE), ==, "LJ02");

  /* The bad cell is reported and flagged, and still pasted. */
  problems = esc_table_view_get_paste_problems (view);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 1);
  g_assert_true (g_str_has_prefix (problems[0], "row 18, column Weekly hours: "));
  esc_table_view_set_cursor (view, n - 1, ESC_EMPLOYEE_WEEKLY_HOURS);
  cell = test_wait_for_cell (view, n - 1, ESC_EMPLOYEE_WEEKLY_HOURS);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"));

  /* The whole paste is one command. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (esc_table_get_n_rows (employees), ==, n);
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, n - 2, ESC_EMPLOYEE_NAME), !=, "Zé Nunes");
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, n - 1, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "44");
  g_assert_false (esc_project_get_modified (project));

  /* A block copied with its headings skips them; columns past the last are left out. */
  esc_table_view_set_cursor (view, 0, ESC_EMPLOYEE_ID);
  g_assert_cmpuint (esc_table_view_paste_text (view, "Employee\tName\nE001\tAna S.\n"), ==, 2);
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 0, ESC_EMPLOYEE_NAME), ==, "Ana S.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));

  test_close_window (window);
}

static void
test_grid_copy (void)
{
  EscMainWindow *window = test_open_sample ();
  EscTableView *view = test_show_grid (window, "role");
  GtkSelectionModel *selection = esc_table_view_get_selection (view);
  g_autofree char *cell = NULL;
  g_autofree char *rows = NULL;

  esc_table_view_set_cursor (view, 1, 0);
  cell = esc_table_view_copy_text (view);
  g_assert_cmpstr (cell, ==, "REPOSITOR");

  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  rows = esc_table_view_copy_text (view);
  g_assert_cmpstr (rows, ==, "CAIXA\tOperador de caixa\nREPOSITOR\tRepositor\n");
  test_close_window (window);
}

static void
test_grid_rows (void)
{
  EscMainWindow *window = test_open_sample ();
  EscProject *project = esc_main_window_get_project (window);
  EscTable *employees = get_table (window, ESC_TABLE_EMPLOYEE);
  EscTableView *view = test_show_grid (window, "employee");
  GtkSelectionModel *selection = esc_table_view_get_selection (view);
  guint n = esc_table_get_n_rows (employees);
  guint position, column;

  /* Add after the cursor's row, with the next free id. */
  esc_table_view_set_cursor (view, n - 1, ESC_EMPLOYEE_NAME);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-row", NULL));
  g_assert_cmpuint (esc_table_get_n_rows (employees), ==, n + 1);
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, n, ESC_EMPLOYEE_ID), ==, "E019");
  g_assert_true (esc_table_view_get_cursor (view, &position, &column));
  g_assert_cmpuint (position, ==, n);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (esc_table_get_n_rows (employees), ==, n);

  /* Duplicate two rows: copies with new ids after them. */
  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.duplicate-rows", NULL));
  g_assert_cmpuint (esc_table_get_n_rows (employees), ==, n + 2);
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 2, ESC_EMPLOYEE_ID), ==, "E019");
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 2, ESC_EMPLOYEE_NAME), ==, "Ana Souza");
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 3, ESC_EMPLOYEE_ID), ==, "E020");
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 3, ESC_EMPLOYEE_NAME), ==,
                   "Bruno Oliveira");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (esc_table_get_n_rows (employees), ==, n);

  /* Delete three selected rows; undo puts them back where they were. */
  gtk_selection_model_select_range (selection, 3, 3, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-rows", NULL));
  g_assert_cmpuint (esc_table_get_n_rows (employees), ==, n - 3);
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 3, ESC_EMPLOYEE_ID), ==, "E007");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (esc_table_get_n_rows (employees), ==, n);
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 3, ESC_EMPLOYEE_ID), ==, "E004");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpuint (esc_table_get_n_rows (employees), ==, n - 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_false (esc_project_get_modified (project));

  test_close_window (window);
}

static void
test_grid_filter_and_sort (void)
{
  EscMainWindow *window = test_open_sample ();
  EscTableView *view = test_show_grid (window, "employee");
  GListModel *shown = G_LIST_MODEL (esc_table_view_get_selection (view));
  GtkColumnView *column_view = esc_table_view_get_column_view (view);
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  g_autoptr(EscRow) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 18);
  esc_table_view_set_search_text (view, "souza");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  /* Case and accents do not matter. */
  esc_table_view_set_search_text (view, "JOAO");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (esc_row_get (first, ESC_EMPLOYEE_NAME), ==, "João Ribeiro");
  g_clear_object (&first);
  /* Any cell counts: the store. */
  esc_table_view_set_search_text (view, "lj02");
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, 18);
  esc_table_view_set_search_text (view, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 18);

  /* Sorting by the Name column (column 0 is the row number). */
  name_column = g_list_model_get_item (columns, 1 + ESC_EMPLOYEE_NAME);
  gtk_column_view_sort_by_column (column_view, name_column, GTK_SORT_DESCENDING);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (esc_row_get (first, ESC_EMPLOYEE_NAME), ==, "Sabrina Teixeira");
  g_clear_object (&first);
  gtk_column_view_sort_by_column (column_view, name_column, GTK_SORT_ASCENDING);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (esc_row_get (first, ESC_EMPLOYEE_NAME), ==, "Ana Souza");

  test_close_window (window);
}

static GtkEventController *
find_key_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return controller;
    }
  return NULL;
}

static gboolean
press_key (GtkEventController *controller,
           guint               keyval,
           GdkModifierType     state)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
  test_iterate (30);
  return handled;
}

typedef struct
{
  EscTableView *view;
  guint position;
  guint column;
} Cursor;

static gboolean
cell_has_focus (gpointer data)
{
  Cursor *cursor = data;
  EscGridCell *cell = esc_table_view_get_cell (cursor->view, cursor->position, cursor->column);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (cursor->view));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return cell != NULL && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (cell));
}

static void
assert_cursor (EscTableView *view,
               guint         position,
               guint         column)
{
  Cursor wanted = { view, position, column };
  guint p, c;

  g_assert_true (esc_table_view_get_cursor (view, &p, &c));
  g_assert_cmpuint (p, ==, position);
  g_assert_cmpuint (c, ==, column);
  test_wait_until (cell_has_focus, &wanted, 5000, "the focus on the cursor's cell");
}

static void
test_grid_keyboard (void)
{
  EscMainWindow *window = test_open_sample ();
  EscTableView *view = test_show_grid (window, "employee");
  GtkEventController *keys = find_key_controller (GTK_WIDGET (view));
  guint last_column = ESC_EMPLOYEE_N_COLUMNS - 1;
  EscGridCell *cell;

  g_assert_nonnull (keys);
  esc_table_view_set_cursor (view, 0, 0);
  assert_cursor (view, 0, 0);

  g_assert_true (press_key (keys, GDK_KEY_Right, 0));
  assert_cursor (view, 0, 1);
  g_assert_true (press_key (keys, GDK_KEY_Down, 0));
  assert_cursor (view, 1, 1);
  g_assert_true (press_key (keys, GDK_KEY_Tab, 0));
  assert_cursor (view, 1, 2);
  g_assert_true (press_key (keys, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  assert_cursor (view, 1, 1);
  g_assert_true (press_key (keys, GDK_KEY_End, 0));
  assert_cursor (view, 1, last_column);
  /* Tab at the last column goes to the next row's first. */
  g_assert_true (press_key (keys, GDK_KEY_Tab, 0));
  assert_cursor (view, 2, 0);
  g_assert_true (press_key (keys, GDK_KEY_Home, 0));
  assert_cursor (view, 2, 0);
  g_assert_true (press_key (keys, GDK_KEY_Up, 0));
  assert_cursor (view, 1, 0);
  g_assert_true (press_key (keys, GDK_KEY_End, GDK_CONTROL_MASK));
  assert_cursor (view, 17, last_column);
  g_assert_true (press_key (keys, GDK_KEY_Home, GDK_CONTROL_MASK));
  assert_cursor (view, 0, 0);

  /* Shift+Down extends the selection. */
  g_assert_true (press_key (keys, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_true (press_key (keys, GDK_KEY_Down, GDK_SHIFT_MASK));
  assert_cursor (view, 2, 0);
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (esc_table_view_get_selection (view));

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 3);
  }

  /* F2 edits, Escape cancels; typing starts editing with what is typed, Enter commits
   * and moves down. */
  g_assert_true (press_key (keys, GDK_KEY_Right, 0));
  assert_cursor (view, 2, 1);
  cell = esc_table_view_get_cell (view, 2, 1);
  g_assert_true (press_key (keys, GDK_KEY_F2, 0));
  g_assert_true (esc_grid_cell_get_editing (cell));
  esc_grid_cell_stop_editing (cell, FALSE);
  g_assert_false (esc_grid_cell_get_editing (cell));

  g_assert_true (press_key (keys, GDK_KEY_Z, GDK_SHIFT_MASK));
  g_assert_true (esc_grid_cell_get_editing (cell));
  g_assert_cmpstr (gtk_editable_get_text (esc_grid_cell_get_editable (cell)), ==, "Z");
  g_assert_true (press_key (keys, GDK_KEY_Return, 0));
  g_assert_false (esc_grid_cell_get_editing (cell));
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 2, ESC_EMPLOYEE_NAME), ==, "Z");
  assert_cursor (view, 3, 1);

  /* Delete clears the cell; undo brings it back. */
  g_assert_true (press_key (keys, GDK_KEY_Delete, 0));
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 3, ESC_EMPLOYEE_NAME), ==, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 3, ESC_EMPLOYEE_NAME), ==,
                   "Diego Pereira");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (cell_text (window, ESC_TABLE_EMPLOYEE, 2, ESC_EMPLOYEE_NAME), ==,
                   "Carla Santos");

  test_close_window (window);
}

static void
test_grid_yes_no (void)
{
  EscMainWindow *window = test_open_sample ();
  EscTableView *view = test_show_grid (window, "holiday");
  EscGridCell *cell = test_wait_for_cell (view, 2, ESC_HOLIDAY_NATIONAL);
  GtkCheckButton *check = esc_grid_cell_get_check_button (cell);

  g_assert_nonnull (check);
  g_assert_null (esc_grid_cell_get_editable (cell));
  g_assert_false (gtk_check_button_get_active (check));
  gtk_check_button_set_active (check, TRUE);
  g_assert_cmpstr (cell_text (window, ESC_TABLE_HOLIDAY, 2, ESC_HOLIDAY_NATIONAL), ==, "yes");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (cell_text (window, ESC_TABLE_HOLIDAY, 2, ESC_HOLIDAY_NATIONAL), ==, "no");
  g_assert_false (gtk_check_button_get_active (check));
  test_close_window (window);
}

static void
test_grid_window_actions (void)
{
  EscMainWindow *window = test_open_sample ();
  EscTableView *view;

  /* Nothing to undo yet; Solve, Import and Export are available with a project. */
  g_assert_false (esc_main_window_get_action_enabled (window, "win.undo"));
  g_assert_false (esc_main_window_get_action_enabled (window, "win.redo"));
  g_assert_false (esc_main_window_get_action_enabled (window, "win.save"));
  g_assert_true (esc_main_window_get_action_enabled (window, "win.save-as"));
  g_assert_true (esc_main_window_get_action_enabled (window, "win.solve"));
  g_assert_true (esc_main_window_get_action_enabled (window, "win.import"));
  g_assert_true (esc_main_window_get_action_enabled (window, "win.export"));
  g_assert_false (esc_main_window_get_action_enabled (window, "win.cancel-solve"));
  {
    EscTableView *grid = test_show_grid (window, "role");
    EscGridCell *cell = test_wait_for_cell (grid, 0, ESC_ROLE_NAME);
    GtkEditable *editable = esc_grid_cell_get_editable (cell);

    gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (editable));
    gtk_editable_set_text (editable, "Caixa");
    gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (editable), TRUE);
    g_assert_true (esc_main_window_get_action_enabled (window, "win.undo"));
    g_assert_true (esc_main_window_get_action_enabled (window, "win.save"));
    g_assert_false (esc_main_window_get_action_enabled (window, "win.redo"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_false (esc_main_window_get_action_enabled (window, "win.undo"));
    g_assert_true (esc_main_window_get_action_enabled (window, "win.redo"));
    g_assert_false (esc_main_window_get_action_enabled (window, "win.save"));
  }

  /* Grid actions need a grid. */
  g_assert_true (esc_main_window_show_page (window, "parameters"));
  g_assert_null (esc_main_window_get_table_view (window));
  g_assert_false (esc_main_window_get_action_enabled (window, "win.add-row"));
  g_assert_false (esc_main_window_get_action_enabled (window, "win.find"));
  view = test_show_grid (window, "Stores");
  g_assert_cmpstr (esc_main_window_get_page (window), ==, "store");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  g_assert_true (gtk_widget_has_focus (gtk_widget_get_first_child (GTK_WIDGET (view))) ||
                 gtk_window_get_focus (GTK_WINDOW (window)) != NULL);

  /* Pages by sheet name and by title. */
  g_assert_true (esc_main_window_show_page (window, "PreviousAllocation"));
  g_assert_cmpstr (esc_main_window_get_page (window), ==, "previous_allocation");
  g_assert_true (esc_main_window_show_page (window, "forbidden-sequences"));
  g_assert_cmpstr (esc_main_window_get_page (window), ==, "forbidden_sequence");
  g_assert_true (esc_main_window_show_page (window, "parameter"));
  g_assert_cmpstr (esc_main_window_get_page (window), ==, "parameters");
  g_assert_false (esc_main_window_show_page (window, "no-such-page"));
  test_close_window (window);
}

void
test_add_grid_tests (void)
{
  g_test_add_func ("/ui/grid/edit-and-undo", test_grid_edit_and_undo);
  g_test_add_func ("/ui/grid/reference-errors-flagged", test_grid_reference_errors_flagged);
  g_test_add_func ("/ui/grid/paste", test_grid_paste);
  g_test_add_func ("/ui/grid/copy", test_grid_copy);
  g_test_add_func ("/ui/grid/rows", test_grid_rows);
  g_test_add_func ("/ui/grid/filter-and-sort", test_grid_filter_and_sort);
  g_test_add_func ("/ui/grid/keyboard", test_grid_keyboard);
  g_test_add_func ("/ui/grid/yes-no", test_grid_yes_no);
  g_test_add_func ("/ui/grid/window-actions", test_grid_window_actions);
}
