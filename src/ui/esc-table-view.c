/* esc-table-view.c: a spreadsheet-style grid over one table of a project.
 *
 * The rows flow EscTable -> GtkFilterListModel (search, and an optional extra filter)
 * -> GtkSortListModel (bound to the column view's sorter) -> a GListStore of the rows
 * shown -> GtkMultiSelection -> GtkColumnView. Every column has its own
 * GtkSignalListItemFactory making EscGridCell widgets; the first column shows the row's
 * number in the table.
 *
 * The store follows the sort model change by change, but takes a large change (a first
 * solve, an import, a search cleared, a solve that changes a hundred rows) a part at a
 * time, one main loop iteration each: GTK 4.8's list view keeps the widgets of up to 200
 * rows, a row made costing about a millisecond with a dozen columns, and a row removed
 * among those brings in one from beyond them, so that the window keeps drawing and
 * answering. A change is split into runs of rows that differ, with the rows between
 * them kept; its steps (a row removed, a row added in its place) wait in order, each
 * knowing its place among the sort model's rows, and each iteration takes in the next
 * few that cost new widgets; rows the store had cost nothing (GTK finds their widgets
 * again within one change of the store). The public functions, and the view's own edits,
 * take in every step first, so that positions always mean the same to every caller.
 *
 * GTK 4.8's column view moves the focus between rows only, so a key controller (capture
 * phase, on the whole view) moves a cursor from cell to cell: arrows, Tab and
 * Shift+Tab, Home and End (with Ctrl: first and last row), Page Up and Down. Enter or F2
 * edits, Escape cancels, Enter and Tab while editing commit and move on, typing starts
 * editing with what was typed, Delete clears the selected cells, Alt+Down opens a
 * cell's drop-down, Ctrl+C copies, Ctrl+V pastes, F8 goes to the next problem.
 *
 * Decisions:
 * - The cursor is a (row, column) pair kept by row object, so sorting and filtering do
 *   not move it to another row. Rows that the cursor reaches are selected, Shift
 *   extends, Ctrl+click toggles; copy takes the selected rows when there are several,
 *   else the cursor's cell.
 * - Delete clears the cursor's column in the selected rows.
 * - A paste starts at the cursor and maps pasted lines onto the rows as shown (sorted
 *   and filtered); lines beyond the last row become new rows at the end of the table
 *   (all of them do when there is no cursor: nothing is overwritten unseen);
 *   cells beyond the last column are left out and counted in the report. A first line
 *   that repeats the column headings (copied with them) is skipped. One value pasted
 *   over several selected rows fills the cursor's column of all of them. Bad cells are
 *   pasted as text all the same and listed in a toast with a Details dialog.
 * - Edits do not re-sort nor re-filter the rows (they would jump away while typed).
 * - New rows get the next free id after the cursor's (E018 -> E019); duplicates get
 *   one too (E001 -> E019), so that a copy is valid at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "core/esc-validate.h"
#include "esc-table-view-private.h"
#include "esc-tsv.h"

/* Shown in the Details dialog of a paste at most. */
#define MAX_LISTED_PROBLEMS 30
/* Tables with more rows than this filter in the background. */
#define INCREMENTAL_FILTER_ROWS 2000
/* The steps of a change beyond this many rows added that need widgets come over the
 * following main loop iterations, each taking in what fits in PACE_BUDGET_US. */
#define PACE_FIRST_ROWS 8
#define PACE_BUDGET_US 10000

/* A step of a change still to come: a row to add at place @at of the sort model, or an
 * old row to remove from before the row at that place. @cost is 1 for a row added that
 * needs widgets, 0 for the others (rows removed, rows the change both removes and adds,
 * whose widgets GTK keeps). */
typedef struct
{
  EscRow *row;
  guint at;
  gboolean removal;
  guint cost;
} PaceStep;

struct _EscTableView
{
  GtkWidget parent_instance;

  /* template children */
  GtkBox *toolbar_start;
  GtkSearchEntry *search_entry;
  GtkStack *stack;
  GtkScrolledWindow *scrolled_window;
  GtkColumnView *column_view;
  AdwStatusPage *empty_page;
  GtkLabel *count_label;
  GtkLabel *column_label;
  GtkButton *problems_button;
  AdwButtonContent *problems_content;

  EscProject *project;
  EscTable *table;
  EscTableId table_id;
  const EscTableSchema *schema;

  GtkCustomFilter *search_filter;
  GtkEveryFilter *filter;
  GtkFilter *extra_filter;
  GtkFilterListModel *filter_model;
  GtkSortListModel *sort_model;
  GListStore *shown;              /* the rows shown: the sort model's, some maybe to come */
  GArray *to_come;                /* PaceStep: the steps of a change not yet taken, in order */
  guint pace_rows;                /* how many rows needing widgets the next iteration adds */
  guint pace_id;
  gboolean splicing;              /* the store is changing */
  GtkMultiSelection *selection;
  GtkWidget *list_view;           /* the column view's inner GtkListView */
  char *search_key;               /* folded search text, NULL for none */

  GHashTable *bound_cells;        /* EscGridCell currently showing a row (a set) */
  GPtrArray *bound_numbers;       /* GtkListItem of the row-number column */
  GHashTable *row_indices;        /* EscRow -> index + 1; NULL when stale */
  GHashTable *problems;           /* EscRow -> GPtrArray of EscDiagnostic */
  GPtrArray *problem_rows;        /* EscRow with problems, in table order */
  guint n_problems;

  GtkStringList *ref_ids[ESC_N_TABLES];
  gboolean ref_ids_stale[ESC_N_TABLES];

  EscRow *cursor_row;             /* owned */
  guint cursor_column;
  guint cursor_position;          /* cached; checked against cursor_row on use */
  guint anchor_position;

  gboolean pending_focus;
  guint pending_position;
  guint pending_column;
  guint pending_focus_id;
  guint pending_tick_id;
  guint pending_frames;
  guint number_refresh_id;

  char **paste_problems;

  EscRowInitFunc row_init_func;
  gpointer row_init_data;
  GDestroyNotify row_init_destroy;
};

static void focus_cell (EscTableView *self, guint position, guint column);

G_DEFINE_FINAL_TYPE (EscTableView, esc_table_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_TABLE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers: models and rows */

static guint
get_n_shown (EscTableView *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

/* Borrowed (the table holds it). */
static EscRow *
get_shown_row (EscTableView *self,
               guint         position)
{
  g_autoptr(EscRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  return row;
}

static guint
find_shown_position (EscTableView *self,
                     EscRow       *row)
{
  guint n = get_n_shown (self);

  if (row == NULL)
    return GTK_INVALID_LIST_POSITION;
  if (self->cursor_row == row && self->cursor_position < n &&
      get_shown_row (self, self->cursor_position) == row)
    return self->cursor_position;
  for (guint i = 0; i < n; i++)
    if (get_shown_row (self, i) == row)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
ensure_row_indices (EscTableView *self)
{
  guint n;

  if (self->row_indices != NULL)
    return;
  n = esc_table_get_n_rows (self->table);
  self->row_indices = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (self->row_indices, esc_table_get_row (self->table, i),
                         GUINT_TO_POINTER (i + 1));
}

/* Rows selected, in the order shown; the cursor's row when none is. */
static GPtrArray *
get_selected_rows (EscTableView *self)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;

  if (gtk_bitset_iter_init_first (&iter, selected, &position))
    do
      g_ptr_array_add (rows, g_object_ref (get_shown_row (self, position)));
    while (gtk_bitset_iter_next (&iter, &position));

  if (rows->len == 0 && self->cursor_row != NULL &&
      esc_table_view_get_row_index (self, self->cursor_row) != G_MAXUINT)
    g_ptr_array_add (rows, g_object_ref (self->cursor_row));
  return rows;
}

static guint
count_selected (EscTableView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return (guint) gtk_bitset_get_size (selected);
}

/* Helpers: rows added over several iterations */

static void
splice_shown (EscTableView *self,
              guint         position,
              guint         removed,
              EscRow      **rows,
              guint         added)
{
  gboolean was_splicing = self->splicing;

  self->splicing = TRUE;
  g_list_store_splice (self->shown, position, removed, (gpointer *) rows, added);
  self->splicing = was_splicing;
}

static void
clear_step (gpointer data)
{
  g_object_unref (((PaceStep *) data)->row);
}

/* Takes in the steps to come that cost @budget at most (at least one), in one change of
 * the store: from the first one's place to the last one's, with the rows shown between
 * them again (GTK keeps their widgets; one change per stretch of steps would cost GTK a
 * pass over all its rows each). Every step before those is taken by then, so the first
 * one's place in the sort model is its place in the store. */
static void
take_in (EscTableView *self,
         guint         budget)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) steps = NULL;
  guint n, cost = 0, first, sort_at, store_at;

  for (n = 0; n < self->to_come->len; n++)
    {
      const PaceStep *step = &g_array_index (self->to_come, PaceStep, n);

      if (n > 0 && step->cost > 0 && cost + step->cost > budget)
        break;
      cost += step->cost;
    }
  if (n == 0)
    return;
  /* Bookkeeping first: showing them runs code that may look again. */
  steps = g_array_sized_new (FALSE, FALSE, sizeof (PaceStep), n);
  g_array_set_clear_func (steps, clear_step);
  g_array_append_vals (steps, self->to_come->data, n);
  g_array_set_clear_func (self->to_come, NULL);
  g_array_remove_range (self->to_come, 0, n);
  g_array_set_clear_func (self->to_come, clear_step);
  if (self->to_come->len == 0)
    g_clear_handle_id (&self->pace_id, g_source_remove);

  first = sort_at = store_at = g_array_index (steps, PaceStep, 0).at;
  for (guint k = 0; k < n; k++)
    {
      const PaceStep *step = &g_array_index (steps, PaceStep, k);

      for (; sort_at < step->at; sort_at++)
        g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (self->shown), store_at++));
      if (step->removal)
        store_at++;
      else
        {
          g_ptr_array_add (rows, g_object_ref (step->row));
          sort_at++;
        }
    }
  splice_shown (self, first, store_at - first, (EscRow **) rows->pdata, rows->len);
}

/* Takes in every step to come: the store is the sort model again. Not while the store is
 * changing (a cell committing its edit as it is rebound): it will be soon after. */
static void
catch_up (EscTableView *self)
{
  if (self->to_come == NULL || self->splicing)
    return;
  take_in (self, G_MAXUINT);
}

static gboolean
pace_cb (gpointer user_data)
{
  EscTableView *self = user_data;
  gint64 start = g_get_monotonic_time ();
  gint64 spent;
  guint n = self->pace_rows;

  if (self->splicing)
    return G_SOURCE_CONTINUE;
  take_in (self, n);
  spent = MAX (g_get_monotonic_time () - start, 1);
  /* As many as fit next time, if it costs what it did; rows beyond those the list makes
   * widgets for cost next to nothing. */
  self->pace_rows = CLAMP ((guint) MIN (n * PACE_BUDGET_US / spent, G_MAXUINT / 2),
                           MAX (n / 2, 2), MIN (n * 2, 65536));
  if (self->to_come->len == 0)
    {
      self->pace_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
add_step (EscTableView *self,
          EscRow       *row,
          guint         at,
          gboolean      removal,
          GHashTable   *kept)
{
  PaceStep step = { g_object_ref (row), at, removal,
                    removal || g_hash_table_contains (kept, row) ? 0 : 1 };

  g_array_append_val (self->to_come, step);
}

/* Splits a change of the sort model into runs of rows that differ, in order, with the
 * rows between them kept in place (a solve that moves a few dozen shifts in a table of
 * hundreds): rows @kept are in both. Each run is (first old, old count, first new, new
 * count), four guints. Returns FALSE when kept rows changed their order (a sort). */
static gboolean
find_runs (EscRow    **old,
           guint       removed,
           EscRow    **rows,
           guint       added,
           GHashTable *kept,
           GArray     *runs)
{
  guint i = 0, j = 0;

  while (i < removed || j < added)
    {
      guint run[4] = { i, 0, j, 0 };

      if (i < removed && j < added && old[i] == rows[j])
        {
          i++, j++;
          continue;
        }
      while ((i < removed || j < added) && !(i < removed && j < added && old[i] == rows[j]))
        {
          if (i < removed && !g_hash_table_contains (kept, old[i]))
            i++;
          else if (j < added && !g_hash_table_contains (kept, rows[j]))
            j++;
          else
            return FALSE;
        }
      run[1] = i - run[0];
      run[3] = j - run[2];
      g_array_append_vals (runs, run, 4);
    }
  return TRUE;
}

static void
sorted_items_changed_cb (GListModel   *sorted,
                         guint         position,
                         guint         removed,
                         guint         added,
                         EscTableView *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (added, g_object_unref);
  g_autoptr(GPtrArray) old = g_ptr_array_new_full (removed, g_object_unref);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);

  /* Positions in the store are the sort model's as they were before this change. */
  catch_up (self);

  for (guint i = 0; i < added; i++)
    g_ptr_array_add (rows, g_list_model_get_item (sorted, position + i));
  for (guint i = 0; i < removed; i++)
    g_ptr_array_add (old, g_list_model_get_item (G_LIST_MODEL (self->shown), position + i));
  /* Rows the store had (a sort, a replace that kept rows) need no new widgets. */
  if (removed > 0 && added > 0)
    {
      g_autoptr(GHashTable) had = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < removed; i++)
        g_hash_table_add (had, g_ptr_array_index (old, i));
      for (guint i = 0; i < added; i++)
        if (g_hash_table_contains (had, g_ptr_array_index (rows, i)))
          g_hash_table_add (kept, g_ptr_array_index (rows, i));
    }
  if (!find_runs ((EscRow **) old->pdata, removed, (EscRow **) rows->pdata, added, kept, runs))
    {
      guint all[4] = { 0, removed, 0, added };

      g_array_set_size (runs, 0);
      g_array_append_vals (runs, all, 4);
    }

  for (guint r = 0; r < runs->len / 4; r++)
    {
      const guint *run = &g_array_index (runs, guint, 4 * r);

      /* A row removed, then one added in its place, and so on: a row added costs its
       * widgets; one removed costs nothing itself, but among the rows with widgets it
       * brings in one from beyond them, unless a row added takes its place. */
      for (guint k = 0; k < MAX (run[1], run[3]); k++)
        {
          if (k < run[1])
            add_step (self, g_ptr_array_index (old, run[0] + k), position + run[2] + MIN (k, run[3]),
                      TRUE, kept);
          if (k < run[3])
            add_step (self, g_ptr_array_index (rows, run[2] + k), position + run[2] + k, FALSE,
                      kept);
        }
    }
  take_in (self, PACE_FIRST_ROWS);
  if (self->to_come->len == 0)
    return;
  self->pace_rows = PACE_FIRST_ROWS;
  if (self->pace_id == 0)
    self->pace_id = g_idle_add (pace_cb, self);
}

static void
execute (EscTableView *self,
         EscCommand   *command)
{
  g_autoptr(EscCommand) owned = command;

  esc_project_execute (self->project, owned);
  /* What follows looks for the rows changed, shown at once. */
  catch_up (self);
}

/* Ids: "E018" -> "E019", keeping the width of the number; "LJ" -> "LJ2". */
static gboolean
split_id (const char  *id,
          char       **prefix,
          guint64     *number,
          int         *width)
{
  const char *digits = id + strlen (id);

  while (digits > id && g_ascii_isdigit (digits[-1]))
    digits--;
  *prefix = g_strndup (id, digits - id);
  *width = (int) strlen (digits);
  *number = *digits != '\0' ? g_ascii_strtoull (digits, NULL, 10) : 1;
  return *digits != '\0';
}

static char *
next_free_id (EscTableView *self,
              const char   *model)
{
  g_autofree char *prefix = NULL;
  guint64 number;
  int width;

  if (model == NULL || *model == '\0')
    return NULL;
  split_id (model, &prefix, &number, &width);
  for (guint64 n = number + 1; n < number + 1000000; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s%0*" G_GUINT64_FORMAT, prefix, width, n);

      if (esc_table_find (self->table, candidate) == NULL)
        return g_steal_pointer (&candidate);
    }
  return NULL;
}

/* The last id of the table: new rows follow the numbering already in use. */
static const char *
last_id (EscTableView *self)
{
  guint n = esc_table_get_n_rows (self->table);

  if (self->schema->id_column < 0 || n == 0)
    return NULL;
  return esc_row_get (esc_table_get_row (self->table, n - 1), self->schema->id_column);
}

/* Helpers: the look of the grid */

static void
update_status (EscTableView *self)
{
  guint n_rows = esc_table_get_n_rows (self->table);
  /* Rows still to come count as shown. */
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint n_selected = count_selected (self);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *page;

  if (n_shown == n_rows)
    {
      if (n_rows == 0)
        /* TRANSLATORS: the row count of an empty table */
        g_string_assign (text, _("No rows"));
      else
        g_string_printf (text, ngettext ("%u row", "%u rows", n_rows), n_rows);
    }
  else
    /* TRANSLATORS: "3 of 18 rows" shown while searching */
    g_string_printf (text, ngettext ("%u of %u row", "%u of %u rows", n_rows), n_shown, n_rows);
  if (n_selected > 1)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u selected", "%u selected", n_selected),
                              n_selected);
    }
  gtk_label_set_label (self->count_label, text->str);

  if (self->n_problems > 0)
    {
      g_autofree char *label = g_strdup_printf (ngettext ("%u problem", "%u problems",
                                                          self->n_problems),
                                                self->n_problems);

      adw_button_content_set_label (self->problems_content, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_button), self->n_problems > 0);

  if (n_rows == 0)
    page = "empty";
  else if (n_shown == 0)
    page = "no-results";
  else
    page = "grid";
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), n_rows > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.delete-rows", n_rows > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.duplicate-rows", n_rows > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.next-problem", self->n_problems > 0);
}

static void
update_column_label (EscTableView *self)
{
  const EscColumn *column;
  g_autofree char *markup = NULL;

  if (self->cursor_row == NULL || self->cursor_column >= self->schema->n_columns)
    {
      gtk_label_set_label (self->column_label, "");
      return;
    }
  column = &self->schema->columns[self->cursor_column];
  markup = g_markup_printf_escaped ("<b>%s</b> — %s", _(column->title), _(column->description));
  gtk_label_set_label (self->column_label, markup);
}

static void
update_cursor_classes (EscTableView *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      EscGridCell *cell = key;
      gboolean is_cursor = esc_table_view_is_cursor (self, esc_grid_cell_get_row (cell),
                                                     esc_grid_cell_get_column (cell));

      if (is_cursor)
        gtk_widget_add_css_class (GTK_WIDGET (cell), "cursor");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (cell), "cursor");
    }
}

static void
set_cursor_row (EscTableView *self,
                EscRow       *row,
                guint         column,
                guint         position)
{
  g_set_object (&self->cursor_row, row);
  self->cursor_column = column;
  self->cursor_position = position;
  update_cursor_classes (self);
  update_column_label (self);
}

static void
refresh_number (EscTableView *self,
                GtkListItem  *item)
{
  EscRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  guint index = row != NULL ? esc_table_view_get_row_index (self, row) : G_MAXUINT;
  char text[16] = "";

  if (index != G_MAXUINT)
    g_snprintf (text, sizeof text, "%u", index + 1);
  gtk_label_set_label (label, text);
}

static void
refresh_numbers (EscTableView *self)
{
  for (guint i = 0; i < self->bound_numbers->len; i++)
    refresh_number (self, g_ptr_array_index (self->bound_numbers, i));
}

static gboolean
refresh_numbers_cb (gpointer user_data)
{
  EscTableView *self = user_data;

  self->number_refresh_id = 0;
  refresh_numbers (self);
  return G_SOURCE_REMOVE;
}

/* Helpers: moving the cursor */

static void
scroll_to_position (EscTableView *self,
                    guint         position)
{
  if (self->list_view != NULL)
    gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
}

static void
ensure_visible_horizontally (EscTableView *self,
                             GtkWidget    *cell)
{
  graphene_rect_t bounds;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->scrolled_window);
  double width = gtk_widget_get_width (GTK_WIDGET (self->scrolled_window));
  double value = gtk_adjustment_get_value (adjustment);
  /* The cell node around the widget has some padding: keep it in view too. */
  const double margin = 8;

  if (!gtk_widget_compute_bounds (cell, GTK_WIDGET (self->scrolled_window), &bounds))
    return;
  if (bounds.origin.x - margin < 0)
    value += bounds.origin.x - margin;
  else if (bounds.origin.x + bounds.size.width + margin > width)
    value += MIN (bounds.origin.x - margin, bounds.origin.x + bounds.size.width + margin - width);
  gtk_adjustment_set_value (adjustment, value);
}

static EscGridCell *
find_bound_cell (EscTableView *self,
                 guint         position,
                 guint         column)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      EscGridCell *cell = key;

      if (esc_grid_cell_get_column (cell) == column &&
          esc_grid_cell_get_position (cell) == position)
        return cell;
    }
  return NULL;
}

static gboolean
pending_focus_cb (gpointer user_data)
{
  EscTableView *self = user_data;

  self->pending_focus_id = 0;
  if (self->pending_focus)
    focus_cell (self, self->pending_position, self->pending_column);
  return G_SOURCE_REMOVE;
}

/* The row scrolled to may already have its cells (bound but off screen): look for the
 * cell on the next frames too. */
static gboolean
pending_focus_tick_cb (GtkWidget     *widget,
                       GdkFrameClock *frame_clock,
                       gpointer       user_data)
{
  EscTableView *self = user_data;
  EscGridCell *cell;

  if (!self->pending_focus || ++self->pending_frames > 120)
    {
      self->pending_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  cell = find_bound_cell (self, self->pending_position, self->pending_column);
  if (cell == NULL || !gtk_widget_get_mapped (GTK_WIDGET (cell)))
    return G_SOURCE_CONTINUE;
  self->pending_tick_id = 0;
  focus_cell (self, self->pending_position, self->pending_column);
  return G_SOURCE_REMOVE;
}

static void
focus_cell (EscTableView *self,
            guint         position,
            guint         column)
{
  EscGridCell *cell;

  cell = find_bound_cell (self, position, column);
  if (cell != NULL && gtk_widget_get_mapped (GTK_WIDGET (cell)))
    {
      self->pending_focus = FALSE;
      esc_grid_cell_focus (cell);
      set_cursor_row (self, esc_grid_cell_get_row (cell), column, position);
      ensure_visible_horizontally (self, GTK_WIDGET (cell));
      return;
    }

  /* The row is not on screen yet: scroll, and focus it once its cells are bound. */
  self->pending_focus = TRUE;
  self->pending_position = position;
  self->pending_column = column;
  set_cursor_row (self, get_shown_row (self, position), column, position);
  scroll_to_position (self, position);
  self->pending_frames = 0;
  if (self->pending_tick_id == 0)
    self->pending_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                         pending_focus_tick_cb, self, NULL);
}

static void
move_cursor_to (EscTableView *self,
                guint         position,
                guint         column,
                gboolean      extend)
{
  guint n = get_n_shown (self);

  if (n == 0)
    return;
  position = MIN (position, n - 1);
  column = MIN (column, self->schema->n_columns - 1);

  if (extend)
    {
      guint first = MIN (self->anchor_position, position);
      guint last = MAX (self->anchor_position, position);

      gtk_selection_model_select_range (GTK_SELECTION_MODEL (self->selection), first,
                                        last - first + 1, TRUE);
    }
  else
    {
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
      self->anchor_position = position;
    }
  focus_cell (self, position, column);
}

static guint
page_size_in_rows (EscTableView *self)
{
  EscGridCell *cell = find_bound_cell (self, self->cursor_position, self->cursor_column);
  int row_height = cell != NULL ? gtk_widget_get_height (GTK_WIDGET (cell)) + 8 : 36;
  int height = gtk_widget_get_height (GTK_WIDGET (self->scrolled_window));

  return MAX (1, height / MAX (row_height, 1) - 1);
}

/* Edits */

static void
show_toast (EscTableView *self,
            AdwToast     *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
paste_details_clicked_cb (AdwToast     *toast,
                          EscTableView *self)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;
  guint n = self->paste_problems != NULL ? g_strv_length (self->paste_problems) : 0;

  for (guint i = 0; i < n && i < MAX_LISTED_PROBLEMS; i++)
    {
      if (i > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, self->paste_problems[i]);
    }
  if (n > MAX_LISTED_PROBLEMS)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, ngettext ("… and %u more", "… and %u more",
                                              n - MAX_LISTED_PROBLEMS),
                              n - MAX_LISTED_PROBLEMS);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Pasted Cells With Problems"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
line_is_header (EscTableView        *self,
                const char * const  *cells,
                guint                start_column)
{
  guint matched = 0;

  for (guint c = 0; cells[c] != NULL; c++)
    {
      const EscColumn *column;
      g_autofree char *cell = NULL;
      g_autofree char *title = NULL;
      g_autofree char *source_title = NULL;
      g_autofree char *key = NULL;

      if (start_column + c >= self->schema->n_columns)
        break;
      column = &self->schema->columns[start_column + c];
      cell = esc_fold_key (cells[c]);
      if (*cell == '\0')
        continue;
      title = esc_fold_key (_(column->title));
      source_title = esc_fold_key (column->title);
      key = esc_fold_key (column->key);
      if (g_strcmp0 (cell, title) != 0 && g_strcmp0 (cell, source_title) != 0 &&
          g_strcmp0 (cell, key) != 0)
        return FALSE;
      matched++;
    }
  return matched > 0;
}

static void
note_paste_problem (EscTableView *self,
                    GPtrArray    *problems,
                    guint         table_index,
                    guint         column,
                    const char   *value)
{
  g_autoptr(EscDiagnostic) diagnostic = esc_validate_cell (self->table_id, table_index, column,
                                                           value);

  if (diagnostic == NULL)
    return;
  /* TRANSLATORS: "row 3, column Weekly hours: expected hours ..." */
  g_ptr_array_add (problems, g_strdup_printf (_("row %u, column %s: %s"), table_index + 1,
                                              _(self->schema->columns[column].title),
                                              diagnostic->message));
}

static void
report_paste (EscTableView *self,
              guint         n_cells,
              guint         n_new_rows,
              guint         n_left_out)
{
  guint n_problems = self->paste_problems != NULL ? g_strv_length (self->paste_problems) : 0;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (n_problems > 0)
    title = g_strdup_printf (ngettext ("%u pasted cell needs attention",
                                       "%u pasted cells need attention", n_problems),
                             n_problems);
  else if (n_left_out > 0)
    title = g_strdup_printf (ngettext ("Pasted %u cell; %u beyond the last column left out",
                                       "Pasted %u cells; %u beyond the last column left out",
                                       n_cells),
                             n_cells, n_left_out);
  else if (n_new_rows > 0)
    title = g_strdup_printf (ngettext ("Pasted %u row", "Pasted %u rows", n_new_rows), n_new_rows);
  else
    return;

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, n_problems > 0 ? 10 : 5);
  if (n_problems > 0)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (paste_details_clicked_cb),
                               self, 0);
    }
  show_toast (self, toast);
}

static void
clear_cells (EscTableView *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *label = NULL;

  if (self->cursor_row == NULL)
    return;

  rows = get_selected_rows (self);
  if (!g_ptr_array_find (rows, self->cursor_row, NULL))
    {
      g_ptr_array_set_size (rows, 0);
      g_ptr_array_add (rows, g_object_ref (self->cursor_row));
    }
  for (guint i = 0; i < rows->len; i++)
    {
      EscRow *row = g_ptr_array_index (rows, i);

      if (*esc_row_get (row, self->cursor_column) != '\0')
        g_ptr_array_add (commands,
                         esc_command_new_set_cell (self->table, row, self->cursor_column, ""));
    }
  if (commands->len == 0)
    return;
  if (commands->len == 1)
    {
      execute (self, g_object_ref (g_ptr_array_index (commands, 0)));
      return;
    }
  label = g_strdup_printf (ngettext ("Clear %u cell in %s", "Clear %u cells in %s", commands->len),
                           commands->len, _(self->schema->title));
  execute (self, esc_command_new_group (label, commands));
}

/* Actions */

static void
add_row_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EscTableView *self = ESC_TABLE_VIEW (widget);
  g_autoptr(EscRow) row = esc_row_new (self->table_id);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint index = esc_table_get_n_rows (self->table);
  guint position;

  esc_table_view_commit_editing (self);
  if (self->schema->id_column >= 0)
    {
      g_autofree char *id = next_free_id (self, last_id (self));

      if (id != NULL)
        esc_row_set (row, self->schema->id_column, id);
    }
  if (self->row_init_func != NULL)
    self->row_init_func (row, self->row_init_data);
  if (self->cursor_row != NULL)
    {
      guint cursor_index = esc_table_view_get_row_index (self, self->cursor_row);

      if (cursor_index != G_MAXUINT)
        index = cursor_index + 1;
    }

  /* A new row must be seen: searching would hide it. */
  if (self->search_key != NULL)
    esc_table_view_set_search_text (self, "");

  g_ptr_array_add (rows, row);
  execute (self, esc_command_new_insert_rows (self->table, index, rows));

  position = find_shown_position (self, row);
  if (position != GTK_INVALID_LIST_POSITION)
    move_cursor_to (self, position, self->schema->id_column > 0 ? self->schema->id_column : 0,
                    FALSE);
}

static void
delete_rows_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EscTableView *self = ESC_TABLE_VIEW (widget);
  g_autoptr(GPtrArray) rows = NULL;
  guint position = self->cursor_position;
  guint column = self->cursor_column;

  esc_table_view_commit_editing (self);
  rows = get_selected_rows (self);
  if (rows->len == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (self->cursor_row != NULL)
    position = find_shown_position (self, self->cursor_row);

  execute (self, esc_command_new_remove_rows (self->table, rows));

  g_clear_object (&self->cursor_row);
  if (get_n_shown (self) > 0 && position != GTK_INVALID_LIST_POSITION)
    move_cursor_to (self, MIN (position, get_n_shown (self) - 1), column, FALSE);
}

static char *
unique_copy_id (EscTableView *self,
                const char   *id,
                GHashTable   *taken)
{
  g_autofree char *prefix = NULL;
  guint64 number;
  int width;
  gboolean numbered;

  if (id == NULL || *id == '\0')
    return g_strdup ("");
  numbered = split_id (id, &prefix, &number, &width);
  if (!numbered)
    {
      g_free (prefix);
      prefix = g_strconcat (id, "-", NULL);
      number = 1;
      width = 1;
    }
  /* Numbered ids continue after the highest one in use with that prefix. */
  for (guint64 n = number + 1; n < number + 1000000; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s%0*" G_GUINT64_FORMAT, prefix, width, n);

      if (esc_table_find (self->table, candidate) == NULL &&
          !g_hash_table_contains (taken, candidate))
        return g_steal_pointer (&candidate);
    }
  return g_strdup (id);
}

static void
duplicate_rows_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EscTableView *self = ESC_TABLE_VIEW (widget);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(EscCommand) command = NULL;
  g_autofree char *label = NULL;
  guint last_index = 0;
  guint position;

  esc_table_view_commit_editing (self);
  rows = get_selected_rows (self);
  if (rows->len == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      EscRow *row = g_ptr_array_index (rows, i);
      EscRow *copy = esc_row_copy (row);

      last_index = MAX (last_index, esc_table_view_get_row_index (self, row));
      if (self->schema->id_column >= 0)
        {
          char *id = unique_copy_id (self, esc_row_get (row, self->schema->id_column), taken);

          esc_row_set (copy, self->schema->id_column, id);
          g_hash_table_add (taken, id);
        }
      g_ptr_array_add (copies, copy);
    }

  command = esc_command_new_insert_rows (self->table, last_index + 1, copies);
  label = g_strdup_printf (ngettext ("Duplicate %u row in %s", "Duplicate %u rows in %s",
                                     copies->len),
                           copies->len, _(self->schema->title));
  esc_command_set_label (command, label);
  execute (self, g_steal_pointer (&command));

  /* Select the copies. */
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  for (guint i = 0; i < copies->len; i++)
    {
      position = find_shown_position (self, g_ptr_array_index (copies, i));
      if (position != GTK_INVALID_LIST_POSITION)
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, FALSE);
    }
  position = find_shown_position (self, g_ptr_array_index (copies, 0));
  if (position != GTK_INVALID_LIST_POSITION)
    {
      self->anchor_position = position;
      focus_cell (self, position, self->cursor_column);
    }
}

static void
copy_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EscTableView *self = ESC_TABLE_VIEW (widget);
  g_autofree char *text = esc_table_view_copy_text (self);

  if (text == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
clipboard_text_read_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(EscTableView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      if (error != NULL)
        g_debug ("Nothing to paste: %s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (self->project == NULL)
    return;
  esc_table_view_paste_text (self, text);
}

static void
paste_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EscTableView *self = ESC_TABLE_VIEW (widget);

  esc_table_view_commit_editing (self);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 clipboard_text_read_cb, g_object_ref (self));
}

static void
clear_cells_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  clear_cells (ESC_TABLE_VIEW (widget));
}

static void
find_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  esc_table_view_focus_search (ESC_TABLE_VIEW (widget));
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EscTableView *self = ESC_TABLE_VIEW (widget);
  EscGridCell *cell;

  if (self->cursor_row == NULL)
    return;
  cell = find_bound_cell (self, find_shown_position (self, self->cursor_row), self->cursor_column);
  if (cell != NULL)
    esc_grid_cell_start_editing (cell, NULL);
}

static void
next_problem_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EscTableView *self = ESC_TABLE_VIEW (widget);
  guint current = self->cursor_row != NULL ? esc_table_view_get_row_index (self, self->cursor_row)
                                           : G_MAXUINT;
  EscRow *target = NULL;
  const EscDiagnostic *first;
  GPtrArray *list;
  guint position;
  guint column = 0;

  if (self->problem_rows == NULL || self->problem_rows->len == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  /* The first problem row after the cursor's (or after its column on the same row),
   * wrapping to the first. */
  for (guint i = 0; i < self->problem_rows->len && target == NULL; i++)
    {
      EscRow *row = g_ptr_array_index (self->problem_rows, i);
      guint index = esc_table_view_get_row_index (self, row);

      if (current == G_MAXUINT || index > current)
        target = row;
      else if (index == current)
        {
          list = g_hash_table_lookup (self->problems, row);
          for (guint j = 0; j < list->len; j++)
            {
              const EscDiagnostic *d = g_ptr_array_index (list, j);

              if (d->column > (int) self->cursor_column)
                {
                  target = row;
                  column = d->column;
                  break;
                }
            }
        }
    }
  if (target == NULL)
    target = g_ptr_array_index (self->problem_rows, 0);

  if (column == 0)
    {
      list = g_hash_table_lookup (self->problems, target);
      first = g_ptr_array_index (list, 0);
      column = first->column >= 0 ? (guint) first->column : 0;
    }

  position = find_shown_position (self, target);
  if (position == GTK_INVALID_LIST_POSITION && self->search_key != NULL)
    {
      esc_table_view_set_search_text (self, "");
      position = find_shown_position (self, target);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  move_cursor_to (self, position, column, FALSE);
}

/* Signal callbacks */

static gboolean
search_matches_cb (gpointer item,
                   gpointer user_data)
{
  EscTableView *self = user_data;
  EscRow *row = item;

  if (self->search_key == NULL)
    return TRUE;
  for (guint c = 0; c < self->schema->n_columns; c++)
    {
      const char *value = esc_row_get (row, c);
      g_autofree char *folded = NULL;

      if (*value == '\0')
        continue;
      folded = esc_fold_key (value);
      if (strstr (folded, self->search_key) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
search_changed_cb (EscTableView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *key = esc_fold_key (text);

  g_clear_pointer (&self->search_key, g_free);
  if (*key != '\0')
    self->search_key = g_steal_pointer (&key);
  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
search_stopped_cb (EscTableView *self)
{
  guint position;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
  if (get_n_shown (self) == 0)
    return;
  position = find_shown_position (self, self->cursor_row);
  move_cursor_to (self, position != GTK_INVALID_LIST_POSITION ? position : 0, self->cursor_column,
                  FALSE);
}

static void
search_activated_cb (EscTableView *self)
{
  if (get_n_shown (self) > 0)
    move_cursor_to (self, 0, self->cursor_column, FALSE);
}

static void
shown_items_changed_cb (EscTableView *self)
{
  update_status (self);
}

static void
table_items_changed_cb (EscTableView *self)
{
  g_clear_pointer (&self->row_indices, g_hash_table_unref);
  if (self->number_refresh_id == 0)
    self->number_refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_numbers_cb, self,
                                               NULL);
  update_status (self);
}

static void
selection_changed_cb (EscTableView *self)
{
  update_status (self);
}

static void
ref_table_changed_cb (EscTableView *self)
{
  for (guint t = 0; t < ESC_N_TABLES; t++)
    self->ref_ids_stale[t] = TRUE;
}

static void
number_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 EscTableView             *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "row-number");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
number_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                EscTableView             *self)
{
  g_ptr_array_add (self->bound_numbers, item);
  /* Its own number: the others' change only with the table, refreshed then. */
  refresh_number (self, item);
}

static void
number_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  EscTableView             *self)
{
  g_ptr_array_remove_fast (self->bound_numbers, item);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               EscTableView             *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "esc-column"));

  gtk_list_item_set_child (item, esc_grid_cell_new (self, column));
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              EscTableView             *self)
{
  esc_grid_cell_bind (ESC_GRID_CELL (gtk_list_item_get_child (item)), item,
                      gtk_list_item_get_item (item));
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                EscTableView             *self)
{
  esc_grid_cell_unbind (ESC_GRID_CELL (gtk_list_item_get_child (item)));
}

static gboolean
is_numeric_type (EscColumnType type)
{
  return type == ESC_COLUMN_INT || type == ESC_COLUMN_NUMBER || type == ESC_COLUMN_HOURS ||
         type == ESC_COLUMN_WORKED;
}

/* Numbers by value, dates by day, times by minute, the rest by text; values that do
 * not parse after those that do, empty cells last. */
static int
compare_cells_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  EscRow *row_a = (EscRow *) a;
  EscRow *row_b = (EscRow *) b;
  guint column = GPOINTER_TO_UINT (user_data);
  const EscColumn *spec = &esc_row_get_schema (row_a)->columns[column];
  const char *va = esc_row_get (row_a, column);
  const char *vb = esc_row_get (row_b, column);
  gboolean ok_a, ok_b;
  double na = 0, nb = 0;

  if (*va == '\0' || *vb == '\0')
    return (*va == '\0') - (*vb == '\0');

  if (is_numeric_type (spec->type))
    {
      int minutes;

      if (spec->type == ESC_COLUMN_HOURS || spec->type == ESC_COLUMN_WORKED)
        {
          ok_a = esc_parse_hours (va, &minutes, NULL);
          na = minutes;
          ok_b = esc_parse_hours (vb, &minutes, NULL);
          nb = minutes;
        }
      else
        {
          ok_a = esc_parse_number (va, &na, NULL);
          ok_b = esc_parse_number (vb, &nb, NULL);
        }
    }
  else if (spec->type == ESC_COLUMN_DATE)
    {
      EscJulian ja = 0, jb = 0;

      ok_a = esc_parse_date (va, &ja, NULL);
      ok_b = esc_parse_date (vb, &jb, NULL);
      na = ja;
      nb = jb;
    }
  else if (spec->type == ESC_COLUMN_TIME)
    {
      int ma = 0, mb = 0;

      ok_a = esc_parse_time (va, TRUE, &ma, NULL);
      ok_b = esc_parse_time (vb, TRUE, &mb, NULL);
      na = ma;
      nb = mb;
    }
  else
    {
      int order = g_utf8_collate (va, vb);

      return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER
                                                          : GTK_ORDERING_EQUAL;
    }

  if (ok_a != ok_b)
    return ok_a ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  if (!ok_a)
    {
      int order = g_utf8_collate (va, vb);

      return order < 0 ? GTK_ORDERING_SMALLER : order > 0 ? GTK_ORDERING_LARGER
                                                          : GTK_ORDERING_EQUAL;
    }
  return na < nb ? GTK_ORDERING_SMALLER : na > nb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_row_numbers_cb (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  EscTableView *self = user_data;
  guint ia = esc_table_view_get_row_index (self, (EscRow *) a);
  guint ib = esc_table_view_get_row_index (self, (EscRow *) b);

  return ia < ib ? GTK_ORDERING_SMALLER : ia > ib ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
column_width (const EscColumn *column)
{
  int width;
  int title_width = (int) (g_utf8_strlen (_(column->title), -1) * 8.5) + 44;

  switch (column->type)
    {
    case ESC_COLUMN_BOOL: width = 80; break;
    case ESC_COLUMN_INT:
    case ESC_COLUMN_NUMBER:
    case ESC_COLUMN_HOURS:
    case ESC_COLUMN_WORKED:
    case ESC_COLUMN_TIME: width = 96; break;
    case ESC_COLUMN_COLOR:
    case ESC_COLUMN_WEEKDAY: width = 112; break;
    case ESC_COLUMN_ID: width = 128; break;
    case ESC_COLUMN_REF:
    case ESC_COLUMN_DAY:
    case ESC_COLUMN_ENUM: width = 132; break;
    case ESC_COLUMN_DATE: width = 140; break;
    case ESC_COLUMN_PATTERN_DAY:
    case ESC_COLUMN_DAY_RANGES:
    case ESC_COLUMN_WEEKDAY_SET: width = 150; break;
    case ESC_COLUMN_REF_LIST:
    case ESC_COLUMN_SHIFT_COUNTS: width = 190; break;
    case ESC_COLUMN_LEAVE: width = 250; break;
    case ESC_COLUMN_OBJECTIVES: width = 320; break;
    case ESC_COLUMN_TEXT:
    default:
      width = g_str_equal (column->key, "name") || g_str_equal (column->key, "city") ? 200 : 160;
      break;
    }
  return MAX (width, title_width);
}

static void
build_columns (EscTableView *self)
{
  GtkListItemFactory *factory;
  GtkColumnViewColumn *column;
  GtkSorter *sorter;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (number_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (number_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (number_unbind_cb), self);
  column = gtk_column_view_column_new ("#", factory);
  gtk_column_view_column_set_fixed_width (column, 56);
  /* set_sorter takes its own reference. */
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_row_numbers_cb, self, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);

  for (guint c = 0; c < self->schema->n_columns; c++)
    {
      const EscColumn *spec = &self->schema->columns[c];

      factory = gtk_signal_list_item_factory_new ();
      g_object_set_data (G_OBJECT (factory), "esc-column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), self);

      column = gtk_column_view_column_new (_(spec->title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, column_width (spec));
      gtk_column_view_column_set_expand (column, c + 1 == self->schema->n_columns);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cells_cb, GUINT_TO_POINTER (c), NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_VIEW (child))
        return child;
      if ((found = find_list_view (child)) != NULL)
        return found;
    }
  return NULL;
}

static EscGridCell *
get_focused_cell (EscTableView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)))
    return NULL;
  cell = gtk_widget_get_ancestor (focus, ESC_TYPE_GRID_CELL);
  return cell != NULL ? ESC_GRID_CELL (cell) : NULL;
}

static void
grid_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 EscTableView    *self)
{
  GtkWidget *widget = GTK_WIDGET (self->column_view);
  GtkWidget *target = gtk_widget_pick (widget, x, y, GTK_PICK_DEFAULT);
  GtkWidget *cell = target != NULL ? gtk_widget_get_ancestor (target, ESC_TYPE_GRID_CELL) : NULL;
  graphene_point_t point;

  if (cell == NULL ||
      !gtk_widget_compute_point (widget, cell, &GRAPHENE_POINT_INIT (x, y), &point))
    return;
  if (esc_grid_cell_pressed (ESC_GRID_CELL (cell), GTK_GESTURE (gesture), n_press, point.x,
                             point.y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
handle_editing_key (EscTableView    *self,
                    EscGridCell     *cell,
                    guint            keyval,
                    GdkModifierType  state)
{
  guint position = esc_grid_cell_get_position (cell);
  guint column = esc_grid_cell_get_column (cell);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      esc_grid_cell_stop_editing (cell, TRUE);
      if ((state & GDK_SHIFT_MASK) != 0)
        move_cursor_to (self, position > 0 ? position - 1 : 0, column, FALSE);
      else if (position + 1 < get_n_shown (self))
        move_cursor_to (self, position + 1, column, FALSE);
      return TRUE;

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      esc_grid_cell_stop_editing (cell, TRUE);
      if (column + 1 < self->schema->n_columns)
        move_cursor_to (self, position, column + 1, FALSE);
      else if (position + 1 < get_n_shown (self))
        move_cursor_to (self, position + 1, 0, FALSE);
      return TRUE;

    case GDK_KEY_ISO_Left_Tab:
      esc_grid_cell_stop_editing (cell, TRUE);
      if (column > 0)
        move_cursor_to (self, position, column - 1, FALSE);
      else if (position > 0)
        move_cursor_to (self, position - 1, self->schema->n_columns - 1, FALSE);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      esc_grid_cell_stop_editing (cell, TRUE);
      move_cursor_to (self, position > 0 ? position - 1 : 0, column, FALSE);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      esc_grid_cell_stop_editing (cell, TRUE);
      move_cursor_to (self, position + 1, column, FALSE);
      return TRUE;

    default:
      return FALSE;
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                EscTableView          *self)
{
  EscGridCell *cell;
  guint position, column, n;
  gboolean ctrl, shift, alt;
  gunichar ch;
  GdkEvent *event;
  GtkNative *native;

  /* Keys typed in a popover (a cell's drop-down) are the popover's. */
  event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  native = gtk_widget_get_native (GTK_WIDGET (self));
  if (event != NULL && native != NULL &&
      gdk_event_get_surface (event) != gtk_native_get_surface (native))
    return FALSE;

  state &= gtk_accelerator_get_default_mod_mask ();
  ctrl = (state & GDK_CONTROL_MASK) != 0;
  shift = (state & GDK_SHIFT_MASK) != 0;
  alt = (state & GDK_ALT_MASK) != 0;

  cell = get_focused_cell (self);
  if (cell == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      /* In the search field, Down goes to the rows. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry)))
        {
          if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && get_n_shown (self) > 0)
            {
              move_cursor_to (self, 0, self->cursor_column, FALSE);
              return TRUE;
            }
          return FALSE;
        }
      /* On an empty table Ctrl+V still pastes. */
      if (ctrl && !shift && (keyval == GDK_KEY_v || keyval == GDK_KEY_V))
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "grid.paste", NULL);
          return TRUE;
        }
      /* Focus on a row (not a cell): arrows bring the cursor back. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)) &&
          get_n_shown (self) > 0)
        switch (keyval)
          {
          case GDK_KEY_Up: case GDK_KEY_Down: case GDK_KEY_Left: case GDK_KEY_Right:
          case GDK_KEY_Home: case GDK_KEY_End: case GDK_KEY_F2:
            position = self->cursor_row != NULL ? find_shown_position (self, self->cursor_row) : 0;
            move_cursor_to (self, position == GTK_INVALID_LIST_POSITION ? 0 : position,
                            self->cursor_column, FALSE);
            return TRUE;
          default:
            break;
          }
      return FALSE;
    }

  if (esc_grid_cell_get_editing (cell))
    return handle_editing_key (self, cell, keyval, state);

  position = esc_grid_cell_get_position (cell);
  column = esc_grid_cell_get_column (cell);
  n = get_n_shown (self);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (alt)
        return FALSE;
      move_cursor_to (self, ctrl ? 0 : (position > 0 ? position - 1 : 0), column, shift);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (alt)
        return esc_grid_cell_open_picker (cell);
      move_cursor_to (self, ctrl ? n - 1 : position + 1, column, shift);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (alt)
        return FALSE;
      move_cursor_to (self, position, column > 0 ? column - 1 : 0, FALSE);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (alt)
        return FALSE;
      move_cursor_to (self, position, column + 1, FALSE);
      return TRUE;

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      if (ctrl)
        return FALSE;
      if (column + 1 < self->schema->n_columns)
        move_cursor_to (self, position, column + 1, FALSE);
      else if (position + 1 < n)
        move_cursor_to (self, position + 1, 0, FALSE);
      return TRUE;

    case GDK_KEY_ISO_Left_Tab:
      if (ctrl)
        return FALSE;
      if (column > 0)
        move_cursor_to (self, position, column - 1, FALSE);
      else if (position > 0)
        move_cursor_to (self, position - 1, self->schema->n_columns - 1, FALSE);
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      move_cursor_to (self, ctrl ? 0 : position, 0, shift && ctrl);
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      move_cursor_to (self, ctrl ? n - 1 : position, self->schema->n_columns - 1, shift && ctrl);
      return TRUE;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      {
        guint page = page_size_in_rows (self);

        move_cursor_to (self, position > page ? position - page : 0, column, shift);
        return TRUE;
      }

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_cursor_to (self, position + page_size_in_rows (self), column, shift);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_F2:
      if (ctrl || alt)
        return FALSE;
      if (!esc_grid_cell_start_editing (cell, NULL))
        {
          GtkCheckButton *check = esc_grid_cell_get_check_button (cell);

          if (check != NULL)
            gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
        }
      return TRUE;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if (ctrl || shift || alt)
        return FALSE;
      clear_cells (self);
      return TRUE;

    case GDK_KEY_BackSpace:
      if (ctrl || alt)
        return FALSE;
      return esc_grid_cell_start_editing (cell, "");

    case GDK_KEY_F8:
      gtk_widget_activate_action (GTK_WIDGET (self), "grid.next-problem", NULL);
      return TRUE;

    case GDK_KEY_c:
    case GDK_KEY_C:
      if (ctrl && !shift && !alt)
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "grid.copy", NULL);
          return TRUE;
        }
      break;

    case GDK_KEY_v:
    case GDK_KEY_V:
      if (ctrl && !shift && !alt)
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "grid.paste", NULL);
          return TRUE;
        }
      break;

    case GDK_KEY_x:
    case GDK_KEY_X:
      if (ctrl && !shift && !alt)
        {
          gtk_widget_activate_action (GTK_WIDGET (self), "grid.copy", NULL);
          clear_cells (self);
          return TRUE;
        }
      break;

    default:
      break;
    }

  /* Typing over a cell starts editing it with what was typed. */
  ch = gdk_keyval_to_unicode (keyval);
  if (!ctrl && !alt && ch != 0 && g_unichar_isprint (ch) &&
      !(ch == ' ' && esc_grid_cell_get_check_button (cell) != NULL))
    {
      char text[8] = { 0 };

      g_unichar_to_utf8 (ch, text);
      return esc_grid_cell_start_editing (cell, text);
    }
  return FALSE;
}

/* Parent overrides */

static void
esc_table_view_constructed (GObject *object)
{
  EscTableView *self = ESC_TABLE_VIEW (object);
  GtkSorter *sorter;
  g_autofree char *empty_title = NULL;

  G_OBJECT_CLASS (esc_table_view_parent_class)->constructed (object);

  g_return_if_fail (ESC_IS_PROJECT (self->project));

  self->table = g_object_ref (esc_project_get_table (self->project, self->table_id));
  self->schema = esc_table_get_schema (self->table);

  self->search_filter = gtk_custom_filter_new (search_matches_cb, self, NULL);
  self->filter = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (self->filter), g_object_ref (GTK_FILTER (self->search_filter)));
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->table)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  gtk_filter_list_model_set_incremental (self->filter_model,
                                         esc_table_get_n_rows (self->table) > INCREMENTAL_FILTER_ROWS);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (sorter));
  self->shown = g_list_store_new (ESC_TYPE_ROW);
  self->to_come = g_array_new (FALSE, FALSE, sizeof (PaceStep));
  g_array_set_clear_func (self->to_come, clear_step);
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
    g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n, g_object_unref);

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (self->sort_model), i));
    splice_shown (self, 0, 0, (EscRow **) rows->pdata, n);
  }
  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (sorted_items_changed_cb), self, 0);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  build_columns (self);
  self->list_view = find_list_view (GTK_WIDGET (self->column_view));

  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (shown_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->table, "items-changed", G_CALLBACK (table_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->project, "changed", G_CALLBACK (ref_table_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* TRANSLATORS: the title of an empty table, e.g. "No Shifts Yet" */
  empty_title = g_strdup_printf (_("No %s Yet"), _(self->schema->title));
  adw_status_page_set_title (self->empty_page, empty_title);
  update_status (self);
}

static void
esc_table_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EscTableView *self = ESC_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_TABLE_ID:
      g_value_set_uint (value, self->table_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_table_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EscTableView *self = ESC_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_set_object (&self->project, g_value_get_object (value));
      break;
    case PROP_TABLE_ID:
      self->table_id = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_table_view_dispose (GObject *object)
{
  EscTableView *self = ESC_TABLE_VIEW (object);
  GtkWidget *child;

  esc_table_view_commit_editing (self);
  g_clear_handle_id (&self->pending_focus_id, g_source_remove);
  g_clear_handle_id (&self->number_refresh_id, g_source_remove);
  g_clear_handle_id (&self->pace_id, g_source_remove);
  if (self->pending_tick_id != 0 && self->column_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->pending_tick_id);
  self->pending_tick_id = 0;
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), ESC_TYPE_TABLE_VIEW);
  /* Children of the template that are not bound by name stay parented: unparent them. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->row_init_destroy != NULL)
    self->row_init_destroy (self->row_init_data);
  self->row_init_func = NULL;
  self->row_init_destroy = NULL;
  self->row_init_data = NULL;

  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->to_come, g_array_unref);
  if (self->sort_model != NULL)
    g_signal_handlers_disconnect_by_func (self->sort_model, sorted_items_changed_cb, self);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->extra_filter);
  g_clear_object (&self->cursor_row);
  g_clear_pointer (&self->row_indices, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  for (guint t = 0; t < ESC_N_TABLES; t++)
    g_clear_object (&self->ref_ids[t]);
  g_clear_object (&self->table);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (esc_table_view_parent_class)->dispose (object);
}

static void
esc_table_view_finalize (GObject *object)
{
  EscTableView *self = ESC_TABLE_VIEW (object);

  g_clear_pointer (&self->bound_cells, g_hash_table_unref);
  g_clear_pointer (&self->bound_numbers, g_ptr_array_unref);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->paste_problems, g_strfreev);

  G_OBJECT_CLASS (esc_table_view_parent_class)->finalize (object);
}

static gboolean
esc_table_view_grab_focus (GtkWidget *widget)
{
  EscTableView *self = ESC_TABLE_VIEW (widget);
  guint position;

  if (get_n_shown (self) == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  position = self->cursor_row != NULL ? find_shown_position (self, self->cursor_row) : 0;
  move_cursor_to (self, position == GTK_INVALID_LIST_POSITION ? 0 : position,
                  self->cursor_column, FALSE);
  return TRUE;
}

static void
esc_table_view_class_init (EscTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = esc_table_view_constructed;
  object_class->get_property = esc_table_view_get_property;
  object_class->set_property = esc_table_view_set_property;
  object_class->dispose = esc_table_view_dispose;
  object_class->finalize = esc_table_view_finalize;

  widget_class->grab_focus = esc_table_view_grab_focus;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, ESC_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TABLE_ID] =
    g_param_spec_uint ("table-id", NULL, NULL, 0, ESC_N_TABLES - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                       G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-table-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EscTableView, toolbar_start);
  gtk_widget_class_bind_template_child (widget_class, EscTableView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EscTableView, stack);
  gtk_widget_class_bind_template_child (widget_class, EscTableView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, EscTableView, column_view);
  gtk_widget_class_bind_template_child (widget_class, EscTableView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EscTableView, count_label);
  gtk_widget_class_bind_template_child (widget_class, EscTableView, column_label);
  gtk_widget_class_bind_template_child (widget_class, EscTableView, problems_button);
  gtk_widget_class_bind_template_child (widget_class, EscTableView, problems_content);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);

  gtk_widget_class_install_action (widget_class, "grid.add-row", NULL, add_row_action_cb);
  gtk_widget_class_install_action (widget_class, "grid.delete-rows", NULL, delete_rows_action_cb);
  gtk_widget_class_install_action (widget_class, "grid.duplicate-rows", NULL,
                                   duplicate_rows_action_cb);
  gtk_widget_class_install_action (widget_class, "grid.copy", NULL, copy_action_cb);
  gtk_widget_class_install_action (widget_class, "grid.paste", NULL, paste_action_cb);
  gtk_widget_class_install_action (widget_class, "grid.clear-cells", NULL, clear_cells_action_cb);
  gtk_widget_class_install_action (widget_class, "grid.find", NULL, find_action_cb);
  gtk_widget_class_install_action (widget_class, "grid.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "grid.next-problem", NULL, next_problem_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "grid.duplicate-rows", NULL);
}

static void
esc_table_view_init (EscTableView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->bound_cells = g_hash_table_new (NULL, NULL);
  self->bound_numbers = g_ptr_array_new ();
  for (guint t = 0; t < ESC_N_TABLES; t++)
    self->ref_ids_stale[t] = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* One click gesture for all the cells, before the rows' and the labels' own. */
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (grid_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (gesture));
}

/* Private API (esc-table-view-private.h) */

void
esc_table_view_cell_bound (EscTableView *self,
                           EscGridCell  *cell)
{
  g_hash_table_add (self->bound_cells, cell);
  if (self->pending_focus && self->pending_focus_id == 0 &&
      esc_grid_cell_get_column (cell) == self->pending_column &&
      esc_grid_cell_get_position (cell) == self->pending_position)
    self->pending_focus_id = g_idle_add (pending_focus_cb, self);
}

void
esc_table_view_cell_unbound (EscTableView *self,
                             EscGridCell  *cell)
{
  g_hash_table_remove (self->bound_cells, cell);
}

void
esc_table_view_cell_focused (EscTableView *self,
                             EscGridCell  *cell)
{
  EscRow *row = esc_grid_cell_get_row (cell);
  guint column = esc_grid_cell_get_column (cell);

  if (row == self->cursor_row && column == self->cursor_column)
    {
      self->cursor_position = esc_grid_cell_get_position (cell);
      return;
    }
  set_cursor_row (self, row, column, esc_grid_cell_get_position (cell));
}

gboolean
esc_table_view_cell_clicked (EscTableView    *self,
                             EscGridCell     *cell,
                             GdkModifierType  state)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (self->selection);
  guint position = esc_grid_cell_get_position (cell);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean was_cursor;

  was_cursor = esc_table_view_is_cursor (self, esc_grid_cell_get_row (cell),
                                         esc_grid_cell_get_column (cell)) &&
               focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (cell));

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  if ((state & GDK_CONTROL_MASK) != 0)
    {
      if (gtk_selection_model_is_selected (model, position))
        gtk_selection_model_unselect_item (model, position);
      else
        gtk_selection_model_select_item (model, position, FALSE);
      self->anchor_position = position;
    }
  else if ((state & GDK_SHIFT_MASK) != 0)
    {
      guint first = MIN (self->anchor_position, position);
      guint last = MAX (self->anchor_position, position);

      gtk_selection_model_select_range (model, first, last - first + 1, TRUE);
    }
  else
    {
      gtk_selection_model_select_item (model, position, TRUE);
      self->anchor_position = position;
    }

  esc_grid_cell_focus (cell);
  set_cursor_row (self, esc_grid_cell_get_row (cell), esc_grid_cell_get_column (cell), position);
  return was_cursor;
}

void
esc_table_view_commit_cell (EscTableView *self,
                            EscRow       *row,
                            guint         column,
                            const char   *text)
{
  g_autoptr(EscDiagnostic) diagnostic = NULL;
  guint index;

  g_return_if_fail (ESC_IS_TABLE_VIEW (self));

  if (self->project == NULL || g_strcmp0 (esc_row_get (row, column), text) == 0)
    return;
  index = esc_table_view_get_row_index (self, row);
  if (index == G_MAXUINT)
    return;

  diagnostic = esc_validate_cell (self->table_id, index, column, text);
  if (diagnostic != NULL && diagnostic->severity == ESC_SEVERITY_ERROR)
    gtk_widget_error_bell (GTK_WIDGET (self));
  execute (self, esc_command_new_set_cell (self->table, row, column, text));
}

const EscDiagnostic *
esc_table_view_lookup_problem (EscTableView *self,
                               EscRow       *row,
                               int           column)
{
  GPtrArray *list;

  if (self->problems == NULL || (list = g_hash_table_lookup (self->problems, row)) == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      const EscDiagnostic *d = g_ptr_array_index (list, i);

      /* Problems of the whole row show on its first cell. */
      if (d->column == column || (d->column < 0 && column == 0))
        return d;
    }
  return NULL;
}

guint
esc_table_view_get_row_index (EscTableView *self,
                              EscRow       *row)
{
  gpointer value;

  ensure_row_indices (self);
  value = g_hash_table_lookup (self->row_indices, row);
  return value != NULL ? GPOINTER_TO_UINT (value) - 1 : G_MAXUINT;
}

gboolean
esc_table_view_is_cursor (EscTableView *self,
                          EscRow       *row,
                          guint         column)
{
  return row != NULL && self->cursor_row == row && self->cursor_column == column;
}

GtkStringList *
esc_table_view_get_ref_ids (EscTableView *self,
                            EscTableId    table)
{
  g_return_val_if_fail (table < ESC_N_TABLES, NULL);

  if (self->ref_ids[table] == NULL)
    {
      self->ref_ids[table] = gtk_string_list_new (NULL);
      g_signal_connect_object (esc_project_get_table (self->project, table), "items-changed",
                               G_CALLBACK (ref_table_changed_cb), self, G_CONNECT_SWAPPED);
    }

  if (self->ref_ids_stale[table])
    {
      EscTable *ref_table = esc_project_get_table (self->project, table);
      int id_column = esc_table_get_schema (ref_table)->id_column;
      guint n = esc_table_get_n_rows (ref_table);
      guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->ref_ids[table]));
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      gboolean same = TRUE;

      for (guint i = 0; id_column >= 0 && i < n; i++)
        {
          char *id = esc_strip_dup (esc_row_get (esc_table_get_row (ref_table, i), id_column));

          if (*id == '\0' || g_hash_table_contains (seen, id))
            {
              g_free (id);
              continue;
            }
          g_hash_table_add (seen, id);
          g_ptr_array_add (ids, id);
        }
      if (ids->len != old_n)
        same = FALSE;
      for (guint i = 0; same && i < ids->len; i++)
        same = g_strcmp0 (gtk_string_list_get_string (self->ref_ids[table], i),
                          g_ptr_array_index (ids, i)) == 0;
      if (!same)
        {
          g_ptr_array_add (ids, NULL);
          gtk_string_list_splice (self->ref_ids[table], 0, old_n, (const char * const *) ids->pdata);
        }
      self->ref_ids_stale[table] = FALSE;
    }
  return self->ref_ids[table];
}

const char *
esc_table_view_describe_ref (EscTableView *self,
                             EscTableId    table,
                             const char   *id)
{
  EscTable *ref_table = esc_project_get_table (self->project, table);
  const EscTableSchema *schema = esc_table_get_schema (ref_table);
  EscRow *row = esc_table_find (ref_table, id);
  int column;

  if (row == NULL)
    return NULL;
  column = esc_schema_find_column (schema, "name");
  if (column < 0)
    column = esc_schema_find_column (schema, "city");
  if (column < 0 || esc_row_is_empty (row, column))
    return NULL;
  return esc_row_get (row, column);
}

/* Public API */

GtkWidget *
esc_table_view_new (EscProject *project,
                    EscTableId  table)
{
  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (table < ESC_N_TABLES, NULL);

  return g_object_new (ESC_TYPE_TABLE_VIEW, "project", project, "table-id", (guint) table, NULL);
}

EscProject *
esc_table_view_get_project (EscTableView *self)
{
  g_return_val_if_fail (ESC_IS_TABLE_VIEW (self), NULL);

  return self->project;
}

EscTable *
esc_table_view_get_table (EscTableView *self)
{
  g_return_val_if_fail (ESC_IS_TABLE_VIEW (self), NULL);

  return self->table;
}

EscTableId
esc_table_view_get_table_id (EscTableView *self)
{
  g_return_val_if_fail (ESC_IS_TABLE_VIEW (self), ESC_N_TABLES);

  return self->table_id;
}

GtkColumnView *
esc_table_view_get_column_view (EscTableView *self)
{
  g_return_val_if_fail (ESC_IS_TABLE_VIEW (self), NULL);

  return self->column_view;
}

GtkSelectionModel *
esc_table_view_get_selection (EscTableView *self)
{
  g_return_val_if_fail (ESC_IS_TABLE_VIEW (self), NULL);

  catch_up (self);
  return GTK_SELECTION_MODEL (self->selection);
}

void
esc_table_view_set_diagnostics (EscTableView *self,
                                GPtrArray    *diagnostics)
{
  guint n_rows;

  g_return_if_fail (ESC_IS_TABLE_VIEW (self));

  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  self->n_problems = 0;
  self->problems = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->problem_rows = g_ptr_array_new ();

  n_rows = esc_table_get_n_rows (self->table);
  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const EscDiagnostic *d = g_ptr_array_index (diagnostics, i);
      EscRow *row;
      GPtrArray *list;

      if (d->table != self->table_id)
        continue;
      self->n_problems++;
      if (d->row < 0 || (guint) d->row >= n_rows)
        continue;
      row = esc_table_get_row (self->table, d->row);
      list = g_hash_table_lookup (self->problems, row);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) esc_diagnostic_free);
          g_hash_table_insert (self->problems, row, list);
          /* Diagnostics come in table order, so problem_rows is too. */
          g_ptr_array_add (self->problem_rows, row);
        }
      g_ptr_array_add (list, esc_diagnostic_copy (d));
    }

  g_hash_table_foreach (self->bound_cells, (GHFunc) esc_grid_cell_update_state, NULL);
  update_status (self);
}

guint
esc_table_view_get_n_problems (EscTableView *self)
{
  g_return_val_if_fail (ESC_IS_TABLE_VIEW (self), 0);

  return self->n_problems;
}

void
esc_table_view_set_extra_filter (EscTableView *self,
                                 GtkFilter    *filter)
{
  g_return_if_fail (ESC_IS_TABLE_VIEW (self));
  g_return_if_fail (filter == NULL || GTK_IS_FILTER (filter));

  if (self->extra_filter == filter)
    return;
  if (self->extra_filter != NULL)
    gtk_multi_filter_remove (GTK_MULTI_FILTER (self->filter), 1);
  g_set_object (&self->extra_filter, filter);
  if (filter != NULL)
    gtk_multi_filter_append (GTK_MULTI_FILTER (self->filter), g_object_ref (filter));
  catch_up (self);
}

void
esc_table_view_set_row_init_func (EscTableView   *self,
                                  EscRowInitFunc  func,
                                  gpointer        user_data,
                                  GDestroyNotify  destroy)
{
  g_return_if_fail (ESC_IS_TABLE_VIEW (self));

  if (self->row_init_destroy != NULL)
    self->row_init_destroy (self->row_init_data);
  self->row_init_func = func;
  self->row_init_data = user_data;
  self->row_init_destroy = destroy;
}

void
esc_table_view_add_toolbar_widget (EscTableView *self,
                                   GtkWidget    *widget)
{
  g_return_if_fail (ESC_IS_TABLE_VIEW (self));

  gtk_box_append (self->toolbar_start, widget);
  gtk_widget_set_visible (GTK_WIDGET (self->toolbar_start), TRUE);
}

void
esc_table_view_set_search_text (EscTableView *self,
                                const char   *text)
{
  g_return_if_fail (ESC_IS_TABLE_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Apply it now, not after the entry's delay. */
  search_changed_cb (self);
  catch_up (self);
}

void
esc_table_view_focus_search (EscTableView *self)
{
  g_return_if_fail (ESC_IS_TABLE_VIEW (self));

  esc_table_view_commit_editing (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

EscGridCell *
esc_table_view_get_cell (EscTableView *self,
                         guint         position,
                         guint         column)
{
  g_return_val_if_fail (ESC_IS_TABLE_VIEW (self), NULL);

  catch_up (self);
  return find_bound_cell (self, position, column);
}

void
esc_table_view_set_cursor (EscTableView *self,
                           guint         position,
                           guint         column)
{
  g_return_if_fail (ESC_IS_TABLE_VIEW (self));

  catch_up (self);
  move_cursor_to (self, position, column, FALSE);
}

gboolean
esc_table_view_get_cursor (EscTableView *self,
                           guint        *position,
                           guint        *column)
{
  guint found;

  g_return_val_if_fail (ESC_IS_TABLE_VIEW (self), FALSE);

  catch_up (self);
  if (self->cursor_row == NULL)
    return FALSE;
  found = find_shown_position (self, self->cursor_row);
  if (found == GTK_INVALID_LIST_POSITION)
    return FALSE;
  self->cursor_position = found;
  if (position != NULL)
    *position = found;
  if (column != NULL)
    *column = self->cursor_column;
  return TRUE;
}

guint
esc_table_view_paste_text (EscTableView *self,
                           const char   *text)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) new_rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *label = NULL;
  guint start_position, start_column;
  guint n_shown, n_table_rows, first_line = 0;
  guint n_cells = 0, n_left_out = 0;

  g_return_val_if_fail (ESC_IS_TABLE_VIEW (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  catch_up (self);
  g_clear_pointer (&self->paste_problems, g_strfreev);
  lines = esc_tsv_parse (text);
  if (lines->len == 0)
    return 0;

  n_shown = get_n_shown (self);
  n_table_rows = esc_table_get_n_rows (self->table);
  /* Without a cursor nothing is overwritten: the lines become new rows. */
  if (!esc_table_view_get_cursor (self, &start_position, &start_column))
    {
      start_position = n_shown;
      start_column = 0;
    }

  if (line_is_header (self, g_ptr_array_index (lines, 0), start_column))
    first_line = 1;

  /* One value over several selected rows fills the cursor's column of each. */
  if (lines->len - first_line == 1 && g_strv_length (g_ptr_array_index (lines, first_line)) == 1 &&
      count_selected (self) > 1)
    {
      g_autoptr(GPtrArray) rows = get_selected_rows (self);
      const char *value = ((char **) g_ptr_array_index (lines, first_line))[0];

      for (guint i = 0; i < rows->len; i++)
        {
          EscRow *row = g_ptr_array_index (rows, i);

          note_paste_problem (self, problems, esc_table_view_get_row_index (self, row),
                              start_column, value);
          if (g_strcmp0 (esc_row_get (row, start_column), value) != 0)
            g_ptr_array_add (commands, esc_command_new_set_cell (self->table, row, start_column,
                                                                 value));
          n_cells++;
        }
    }
  else
    for (guint l = first_line; l < lines->len; l++)
      {
        char **cells = g_ptr_array_index (lines, l);
        guint position = start_position + (l - first_line);
        EscRow *row = NULL;
        guint index;

        if (position < n_shown)
          {
            row = get_shown_row (self, position);
            index = esc_table_view_get_row_index (self, row);
          }
        else
          {
            EscRow *new_row = esc_row_new (self->table_id);

            if (self->row_init_func != NULL)
              self->row_init_func (new_row, self->row_init_data);
            index = n_table_rows + new_rows->len;
            g_ptr_array_add (new_rows, new_row);
          }

        for (guint c = 0; cells[c] != NULL; c++)
          {
            guint column = start_column + c;

            if (column >= self->schema->n_columns)
              {
                if (*cells[c] != '\0')
                  n_left_out++;
                continue;
              }
            note_paste_problem (self, problems, index, column, cells[c]);
            n_cells++;
            if (row == NULL)
              esc_row_set (g_ptr_array_index (new_rows, new_rows->len - 1), column, cells[c]);
            else if (g_strcmp0 (esc_row_get (row, column), cells[c]) != 0)
              g_ptr_array_add (commands, esc_command_new_set_cell (self->table, row, column,
                                                                   cells[c]));
          }
      }

  if (new_rows->len > 0)
    g_ptr_array_add (commands, esc_command_new_insert_rows (self->table, n_table_rows, new_rows));

  if (problems->len > 0)
    {
      g_ptr_array_add (problems, NULL);
      self->paste_problems = (char **) g_ptr_array_steal (problems, NULL);
      gtk_widget_error_bell (GTK_WIDGET (self));
    }

  if (commands->len > 0)
    {
      /* TRANSLATORS: "Paste 12 cells into Employees" */
      label = g_strdup_printf (ngettext ("Paste %u cell into %s", "Paste %u cells into %s",
                                         n_cells),
                               n_cells, _(self->schema->title));
      execute (self, esc_command_new_group (label, commands));
    }

  report_paste (self, n_cells, new_rows->len, n_left_out);
  if (get_n_shown (self) > 0)
    move_cursor_to (self, MIN (start_position, get_n_shown (self) - 1), start_column, FALSE);
  return n_cells;
}

const char * const *
esc_table_view_get_paste_problems (EscTableView *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (ESC_IS_TABLE_VIEW (self), none);

  return self->paste_problems != NULL ? (const char * const *) self->paste_problems : none;
}

char *
esc_table_view_copy_text (EscTableView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (ESC_IS_TABLE_VIEW (self), NULL);

  catch_up (self);
  if (count_selected (self) > 1)
    {
      g_autoptr(GPtrArray) rows = get_selected_rows (self);
      g_autofree const char **cells = g_new0 (const char *, self->schema->n_columns + 1);

      for (guint i = 0; i < rows->len; i++)
        {
          EscRow *row = g_ptr_array_index (rows, i);

          for (guint c = 0; c < self->schema->n_columns; c++)
            cells[c] = esc_row_get (row, c);
          esc_tsv_append_row (text, cells, self->schema->n_columns);
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (self->cursor_row == NULL || esc_table_view_get_row_index (self, self->cursor_row) == G_MAXUINT)
    return NULL;
  return g_strdup (esc_row_get (self->cursor_row, self->cursor_column));
}

void
esc_table_view_commit_editing (EscTableView *self)
{
  GHashTableIter iter;
  gpointer key;
  EscGridCell *editing = NULL;

  g_return_if_fail (ESC_IS_TABLE_VIEW (self));

  if (self->bound_cells == NULL)
    return;
  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (esc_grid_cell_get_editing (key))
      editing = key;
  /* Outside the iteration: committing changes the table. */
  if (editing != NULL)
    esc_grid_cell_stop_editing (editing, TRUE);
}
