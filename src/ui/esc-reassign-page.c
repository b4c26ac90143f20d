/* esc-reassign-page.c: the Reassignment page.
 *
 * A header with the mode (greedy or optimal), the day of the run, Run (on a worker with
 * esc_reassign_run_async(); a spinner and Cancel meanwhile), the two commands that fill
 * the reassignment tables from the schedule, Export (XLSX) and Accept Moves (one undoable
 * command appending the moves to the Move table). Below, four tabs: the Request and
 * Assignment grids, the Results and the Changes since the previous saved plan.
 *
 * Results, per target category: the moves (selecting one shows its backfill options,
 * every score term a column, and its plan score's breakdown) and the served requests
 * (selecting one shows its top options, every term a column). The lists are
 * GtkColumnViews over GtkStringLists of indices into the borrowed rows of the result,
 * so a new result only replaces the strings.
 *
 * The plan is saved as <project>.reassign-plan.json next to the project file when moves
 * are accepted; every run is compared with that file (Changes). A result computed on an
 * older generation of the project than the current one says so and offers Run Again;
 * it can still be exported but not accepted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "core/esc-display.h"
#include "core/esc-table.h"
#include "esc-date-button.h"
#include "esc-reassign-page.h"
#include "esc-table-view.h"
#include "reassign/esc-reassign-export.h"
#include "reassign/esc-reassign-plan.h"

typedef enum
{
  LIST_MOVES,
  LIST_BACKFILL,
  LIST_GROUPS,
  LIST_OPTIONS,
  N_LISTS
} ListId;

typedef char *(*CellTextFunc) (gpointer item,
                               int      arg);

typedef struct
{
  GtkColumnView *view;
  GtkStringList *model;      /* "0", "1", ...: indices into items */
  GPtrArray *items;          /* borrowed from the result */
  GPtrArray *columns;        /* Column */
} List;

typedef struct
{
  EscReassignPage *self;
  ListId list;
  CellTextFunc func;
  int arg;
} Column;

struct _EscReassignPage
{
  GtkWidget parent_instance;

  /* template children */
  AdwToastOverlay *toast_overlay;
  GtkDropDown *mode_dropdown;
  EscDateButton *today_button;
  GtkSpinner *spinner;
  GtkWidget *cancel_button;
  GtkInfoBar *stale_bar;
  AdwViewStack *view_stack;
  GtkBox *requests_box;
  GtkBox *assignments_box;
  GtkStack *results_stack;
  AdwStatusPage *results_status;
  GtkButton *results_status_button;
  GtkLabel *summary_label;
  GtkLabel *comparison_label;
  GtkLabel *notes_label;
  GtkDropDown *category_dropdown;
  GtkStringList *categories_model;
  GtkStack *moves_stack;
  GtkColumnView *moves_view;
  GtkLabel *backfill_title;
  GtkLabel *breakdown_label;
  GtkColumnView *backfill_view;
  GtkColumnView *groups_view;
  GtkLabel *options_title;
  GtkColumnView *options_view;
  GtkStack *changes_stack;
  AdwStatusPage *changes_status;
  GtkLabel *changes_label;
  GtkListBox *grown_list;
  GtkListBox *capacity_list;
  AdwPreferencesGroup *grown_group;
  AdwPreferencesGroup *capacity_group;

  EscProject *project;
  GCancellable *cancellable;     /* of the run under way, or NULL */
  EscReassignResult *result;
  EscReassignComparison *comparison;
  List lists[N_LISTS];
};

G_DEFINE_FINAL_TYPE (EscReassignPage, esc_reassign_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  EscReassignPage *self;
  GCancellable *cancellable;
} RunData;

static void update_state (EscReassignPage *self);

/* Helpers: text */

/* An amount as a person reads it: at most two decimals, "6,5" under de_DE. */
static char *
format_number (double value)
{
  return esc_display_number_short (value, 2);
}

static char *
format_hours (double hours)
{
  g_autofree char *number = format_number (hours);

  /* TRANSLATORS: a number of hours, "6.5 h" */
  return g_strdup_printf (_("%s h"), number);
}

static char *
format_team (const char *team,
             const char *category)
{
  if (category == NULL || *category == '\0')
    return g_strdup (team != NULL ? team : "");
  return g_strdup_printf ("%s · %s", team != NULL ? team : "", category);
}

static char *
move_employee_text (gpointer item, int arg)
{
  return g_strdup (((EscReassignMove *) item)->employee);
}

static char *
move_hours_text (gpointer item, int arg)
{
  return format_number (((EscReassignMove *) item)->hours);
}

static char *
move_from_text (gpointer item, int arg)
{
  EscReassignMove *move = item;

  return format_team (move->from_team, move->from_category);
}

static char *
move_to_text (gpointer item, int arg)
{
  EscReassignMove *move = item;

  return format_team (move->to_team, move->to_category);
}

static char *
move_backfills_text (gpointer item, int arg)
{
  EscReassignMove *move = item;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < move->backfills->len; i++)
    {
      EscReassignBackfill *backfill = g_ptr_array_index (move->backfills, i);
      g_autofree char *hours = format_hours (backfill->hours);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "%s (%s)", backfill->employee, hours);
    }
  if (text->len == 0)
    g_string_append (text, "—");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
move_score_text (gpointer item, int arg)
{
  return format_number (esc_reassign_score_total (&((EscReassignMove *) item)->score));
}

static char *
option_rank_text (gpointer item, int arg)
{
  return g_strdup_printf ("%u", ((EscReassignOption *) item)->rank);
}

static char *
option_employee_text (gpointer item, int arg)
{
  EscReassignOption *option = item;

  if (option->trainee)
    /* TRANSLATORS: an employee who is a trainee, in the options lists */
    return g_strdup_printf (_("%s (trainee)"), option->employee);
  return g_strdup (option->employee);
}

static char *
option_assignment_text (gpointer item, int arg)
{
  EscReassignOption *option = item;

  return format_team (option->team, option->category);
}

static char *
option_available_text (gpointer item, int arg)
{
  return format_number (((EscReassignOption *) item)->available);
}

static char *
option_term_text (gpointer item, int arg)
{
  return format_number (((EscReassignOption *) item)->score.points[arg]);
}

static char *
option_total_text (gpointer item, int arg)
{
  return format_number (esc_reassign_score_total (&((EscReassignOption *) item)->score));
}

static char *
option_chosen_text (gpointer item, int arg)
{
  EscReassignOption *option = item;

  if (option->chosen_hours <= 0)
    return g_strdup ("");
  return format_number (option->chosen_hours);
}

static char *
group_team_text (gpointer item, int arg)
{
  return g_strdup (((EscReassignGroup *) item)->team);
}

static char *
group_requests_text (gpointer item, int arg)
{
  return g_strjoinv (", ", ((EscReassignGroup *) item)->request_ids);
}

static char *
group_needed_text (gpointer item, int arg)
{
  return format_number (((EscReassignGroup *) item)->needed_hours);
}

static char *
group_covered_text (gpointer item, int arg)
{
  return format_number (((EscReassignGroup *) item)->covered_hours);
}

static char *
group_candidates_text (gpointer item, int arg)
{
  return g_strdup_printf ("%u", ((EscReassignGroup *) item)->n_candidates);
}

/* Helpers: lists */

static gpointer
list_item_data (EscReassignPage *self,
                ListId           list,
                GtkListItem     *list_item)
{
  GtkStringObject *object = gtk_list_item_get_item (list_item);
  guint index;

  if (object == NULL)
    return NULL;
  index = (guint) strtoul (gtk_string_object_get_string (object), NULL, 10);
  if (index >= self->lists[list].items->len)
    return NULL;
  return g_ptr_array_index (self->lists[list].items, index);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               Column                   *column)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = column->func != move_employee_text && column->func != move_from_text &&
                     column->func != move_to_text && column->func != move_backfills_text &&
                     column->func != option_employee_text &&
                     column->func != option_assignment_text &&
                     column->func != group_team_text && column->func != group_requests_text;

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  /* Long texts are cut (their tooltip has them whole); names and numbers are not. */
  if (!numeric && column->func != move_employee_text && column->func != option_employee_text &&
      column->func != group_team_text && column->func != option_assignment_text)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              Column                   *column)
{
  gpointer item = list_item_data (column->self, column->list, list_item);
  g_autofree char *text = item != NULL ? column->func (item, column->arg) : NULL;
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, text);
}

static void
add_column (EscReassignPage *self,
            ListId           list,
            const char      *title,
            CellTextFunc     func,
            int              arg,
            gboolean         expand)
{
  Column *column = g_new0 (Column, 1);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  *column = (Column) { self, list, func, arg };
  g_ptr_array_add (self->lists[list].columns, column);
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), column);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), column);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->lists[list].view, view_column);
}

static void
add_term_columns (EscReassignPage *self,
                  ListId           list)
{
  for (guint t = 0; t < ESC_REASSIGN_N_TERMS; t++)
    add_column (self, list, esc_reassign_term_title (t), option_term_text, (int) t, FALSE);
  add_column (self, list, _("Total"), option_total_text, 0, FALSE);
}

static void
set_list_items (EscReassignPage *self,
                ListId           list,
                GPtrArray       *items)
{
  List *l = &self->lists[list];
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (l->model));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  /* The rows go first, so no cell binds to a pointer about to be dropped. */
  gtk_string_list_splice (l->model, 0, n_old, NULL);
  g_ptr_array_set_size (l->items, 0);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      g_ptr_array_add (l->items, g_ptr_array_index (items, i));
      g_ptr_array_add (strings, g_strdup_printf ("%u", i));
    }
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (l->model, 0, 0, (const char * const *) strings->pdata);
}

static void
init_list (EscReassignPage *self,
           ListId           list,
           GtkColumnView   *view,
           gboolean         selectable)
{
  List *l = &self->lists[list];
  g_autoptr(GtkSelectionModel) selection = NULL;

  l->view = view;
  l->model = gtk_string_list_new (NULL);
  l->items = g_ptr_array_new ();
  l->columns = g_ptr_array_new_with_free_func (g_free);
  if (selectable)
    {
      GtkSingleSelection *single = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (l->model)));

      gtk_single_selection_set_autoselect (single, TRUE);
      selection = GTK_SELECTION_MODEL (single);
    }
  else
    selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (l->model))));
  gtk_column_view_set_model (view, selection);
  gtk_column_view_set_show_column_separators (view, FALSE);
}

static guint
list_selected (EscReassignPage *self,
               ListId           list)
{
  GtkSelectionModel *model = gtk_column_view_get_model (self->lists[list].view);

  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));
}

/* Helpers: state */

static EscJulian
real_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                          g_date_time_get_month (now),
                                          g_date_time_get_year (now));

  return g_date_get_julian (date);
}

static void
show_toast (EscReassignPage *self,
            const char      *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static const char *
selected_category (EscReassignPage *self)
{
  guint index = gtk_drop_down_get_selected (self->category_dropdown);

  if (self->result == NULL || index == GTK_INVALID_LIST_POSITION ||
      index >= self->result->categories->len)
    return NULL;
  return g_ptr_array_index (self->result->categories, index);
}

static void
show_move_details (EscReassignPage *self)
{
  guint position = list_selected (self, LIST_MOVES);
  EscReassignMove *move = NULL;

  if (position != GTK_INVALID_LIST_POSITION && position < self->lists[LIST_MOVES].items->len)
    move = g_ptr_array_index (self->lists[LIST_MOVES].items, position);

  if (move == NULL)
    {
      gtk_label_set_text (self->backfill_title, _("Backfill Options"));
      gtk_label_set_text (self->breakdown_label, _("Select a move to see who can take over its hours."));
      set_list_items (self, LIST_BACKFILL, NULL);
      return;
    }

  {
    g_autofree char *hours = format_hours (move->hours);
    g_autofree char *backfilled = format_hours (move->backfilled_hours);
    g_autofree char *score = esc_reassign_score_describe (&move->score);
    /* TRANSLATORS: heading of the backfill options of a move: "Backfill for Ana (6 h from T2)" */
    g_autofree char *title = g_strdup_printf (_("Backfill for %s (%s from %s)"), move->employee,
                                              hours, move->from_team);
    /* TRANSLATORS: the score of a move and what its backfill covers */
    g_autofree char *text = g_strdup_printf (_("Move score %s · %s backfilled"), score,
                                             backfilled);

    gtk_label_set_text (self->backfill_title, title);
    gtk_label_set_text (self->breakdown_label, text);
    set_list_items (self, LIST_BACKFILL, move->backfill_options);
  }
}

static void
show_group_details (EscReassignPage *self)
{
  guint position = list_selected (self, LIST_GROUPS);
  EscReassignGroup *group = NULL;

  if (position != GTK_INVALID_LIST_POSITION && position < self->lists[LIST_GROUPS].items->len)
    group = g_ptr_array_index (self->lists[LIST_GROUPS].items, position);

  if (group == NULL)
    {
      gtk_label_set_text (self->options_title, _("Options"));
      set_list_items (self, LIST_OPTIONS, NULL);
      return;
    }

  {
    g_autofree char *needed = format_hours (group->needed_hours);
    /* TRANSLATORS: heading of the options of a request: "Options for S1 · cashier (12 h)" */
    g_autofree char *title = g_strdup_printf (_("Options for %s · %s (%s)"), group->team,
                                              group->category, needed);

    gtk_label_set_text (self->options_title, title);
    set_list_items (self, LIST_OPTIONS, group->options);
  }
}

static void
show_category (EscReassignPage *self)
{
  const char *category = selected_category (self);
  g_autoptr(GPtrArray) moves = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  if (category != NULL)
    {
      moves = esc_reassign_result_get_moves_for_category (self->result, category);
      groups = esc_reassign_result_get_groups_for_category (self->result, category);
    }
  set_list_items (self, LIST_BACKFILL, NULL);
  set_list_items (self, LIST_OPTIONS, NULL);
  set_list_items (self, LIST_MOVES, moves);
  set_list_items (self, LIST_GROUPS, groups);
  gtk_stack_set_visible_child_name (self->moves_stack,
                                    moves != NULL && moves->len > 0 ? "list" : "empty");
  show_move_details (self);
  show_group_details (self);
}

static char *
describe_greedy_comparison (EscReassignResult *result)
{
  double covered = result->totals.covered_hours - result->greedy.covered_hours;
  double score = result->totals.score - result->greedy.score;
  g_autofree char *covered_text = format_number (ABS (covered));
  g_autofree char *score_text = format_number (ABS (score));

  if (result->kept_greedy)
    return g_strdup (_("The optimal model found nothing better than greedy: greedy’s plan is shown."));
  /* TRANSLATORS: how the optimal plan compares with greedy's: "Optimal covers 3 h more and
   * scores 40 more than greedy" (the amounts are never negative: see the words) */
  return g_strdup_printf (_("Optimal covers %s h %s and scores %s %s than greedy%s"),
                          covered_text, covered >= 0 ? _("more") : _("less"),
                          score_text, score >= 0 ? _("more") : _("less"),
                          result->proven_optimal ? _(" (proven optimal)") : _(" (time limit reached)"));
}

static GtkWidget *
new_change_row (const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
clear_list_box (GtkListBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

static void
show_changes (EscReassignPage *self)
{
  EscReassignComparison *comparison = self->comparison;
  guint n_capacity = 0;

  clear_list_box (self->grown_list);
  clear_list_box (self->capacity_list);
  if (comparison == NULL)
    {
      gtk_stack_set_visible_child_name (self->changes_stack, "empty");
      return;
    }

  for (guint i = 0; i < comparison->requests->len; i++)
    {
      EscReassignRequestChange *change = g_ptr_array_index (comparison->requests, i);
      g_autofree char *title = format_team (change->team, change->category);
      g_autofree char *before = format_hours (change->before);
      g_autofree char *after = format_hours (change->after);
      g_autofree char *subtitle = change->is_new
                                    /* TRANSLATORS: a request not in the previous plan */
                                    ? g_strdup_printf (_("New · needs %s"), after)
                                    : g_strdup_printf ("%s → %s", before, after);

      gtk_list_box_append (self->grown_list, new_change_row (title, subtitle));
    }
  for (guint i = 0; i < comparison->capacities->len; i++)
    {
      EscReassignCapacityChange *change = g_ptr_array_index (comparison->capacities, i);
      g_autofree char *spare_before = format_hours (change->spare_before);
      g_autofree char *spare_after = format_hours (change->spare_after);
      g_autofree char *available_before = format_hours (change->available_before);
      g_autofree char *available_after = format_hours (change->available_after);
      g_autofree char *subtitle = NULL;

      if (change->is_new)
        /* TRANSLATORS: an employee not in the previous plan */
        subtitle = g_strdup_printf (_("New · spare capacity %s, available %s"), spare_after,
                                    available_after);
      else if (change->is_gone)
        subtitle = g_strdup (_("No longer in the plan"));
      else
        /* TRANSLATORS: "Spare capacity 2 h → 4 h · available 6 h → 6 h" */
        subtitle = g_strdup_printf (_("Spare capacity %s → %s · available %s → %s"),
                                    spare_before, spare_after, available_before,
                                    available_after);
      gtk_list_box_append (self->capacity_list, new_change_row (change->employee, subtitle));
      n_capacity++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->grown_group), comparison->requests->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->capacity_group), n_capacity > 0);

  if (comparison->requests->len == 0 && n_capacity == 0)
    {
      adw_status_page_set_title (self->changes_status, _("No Changes"));
      adw_status_page_set_description (self->changes_status,
                                       _("No request grew and nobody’s capacity changed since the previous saved plan."));
      gtk_stack_set_visible_child_name (self->changes_stack, "empty");
      return;
    }

  {
    g_autofree char *day = comparison->previous_today != 0 ? esc_display_date (comparison->previous_today)
                                                           : g_strdup (_("an unknown day"));
    /* TRANSLATORS: "Since the plan of 01/03/2026 (greedy)"; the date comes formatted */
    g_autofree char *text = g_strdup_printf (_("Since the plan saved for %s (%s)"), day,
                                             comparison->previous_mode != NULL
                                               ? comparison->previous_mode : "");

    gtk_label_set_text (self->changes_label, text);
  }
  gtk_stack_set_visible_child_name (self->changes_stack, "changes");
}

static void
show_result (EscReassignPage *self)
{
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();

  /* Empty the lists before the categories change under them. */
  set_list_items (self, LIST_BACKFILL, NULL);
  set_list_items (self, LIST_OPTIONS, NULL);
  set_list_items (self, LIST_MOVES, NULL);
  set_list_items (self, LIST_GROUPS, NULL);

  if (self->result != NULL)
    {
      g_autofree char *summary = esc_reassign_result_describe (self->result);
      char *end;

      /* The comparison with greedy gets its own line below: keep the first sentence. */
      if (self->result->has_greedy && (end = strstr (summary, ". ")) != NULL)
        end[1] = '\0';

      for (guint i = 0; i < self->result->categories->len; i++)
        g_ptr_array_add (categories, g_ptr_array_index (self->result->categories, i));
      gtk_label_set_text (self->summary_label, summary);
      if (self->result->has_greedy)
        {
          g_autofree char *comparison = describe_greedy_comparison (self->result);

          gtk_label_set_text (self->comparison_label, comparison);
        }
      else
        gtk_label_set_text (self->comparison_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->comparison_label), self->result->has_greedy);
      if (self->result->notes->len > 0)
        {
          g_ptr_array_add (self->result->notes, NULL);
          g_autofree char *notes = g_strjoinv ("\n", (char **) self->result->notes->pdata);
          g_ptr_array_remove_index (self->result->notes, self->result->notes->len - 1);
          gtk_label_set_text (self->notes_label, notes);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->notes_label), self->result->notes->len > 0);
    }
  g_ptr_array_add (categories, NULL);
  gtk_string_list_splice (self->categories_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->categories_model)),
                          (const char * const *) categories->pdata);
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_dropdown), categories->len > 2);
  if (categories->len > 1)
    gtk_drop_down_set_selected (self->category_dropdown, 0);
  show_category (self);
  show_changes (self);
  update_state (self);
}

static void
update_state (EscReassignPage *self)
{
  gboolean running = self->cancellable != NULL;
  gboolean has_result = self->result != NULL;
  gboolean stale = esc_reassign_page_is_stale (self);
  guint n_requests = esc_table_get_n_rows (esc_project_get_table (self->project, ESC_TABLE_REQUEST));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reassign.run", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reassign.cancel", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reassign.derive-assignments", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reassign.requests-from-shortages", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reassign.export", has_result && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reassign.accept",
                                 has_result && !running && !stale && self->result->moves->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_set_visible (self->cancel_button, running);
  gtk_info_bar_set_revealed (self->stale_bar, has_result && stale && !running);

  if (has_result)
    gtk_stack_set_visible_child_name (self->results_stack, "results");
  else
    {
      if (running)
        {
          adw_status_page_set_title (self->results_status, _("Computing Moves…"));
          adw_status_page_set_description (self->results_status, NULL);
          gtk_button_set_label (self->results_status_button, _("_Cancel"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->results_status_button),
                                          "reassign.cancel");
          gtk_widget_remove_css_class (GTK_WIDGET (self->results_status_button), "suggested-action");
        }
      else if (n_requests == 0)
        {
          adw_status_page_set_title (self->results_status, _("No Requests"));
          adw_status_page_set_description (self->results_status,
                                           _("Add staffing requests in the Requests tab, or turn the shortages of the solved schedule into requests."));
          gtk_button_set_label (self->results_status_button, _("Requests from _Shortages"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->results_status_button),
                                          "reassign.requests-from-shortages");
          gtk_widget_add_css_class (GTK_WIDGET (self->results_status_button), "suggested-action");
        }
      else
        {
          adw_status_page_set_title (self->results_status, _("Ready to Run"));
          adw_status_page_set_description (self->results_status,
                                           _("Run to see the recommended moves, the best options for each request and who can backfill."));
          gtk_button_set_label (self->results_status_button, _("_Run"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->results_status_button),
                                          "reassign.run");
          gtk_widget_add_css_class (GTK_WIDGET (self->results_status_button), "suggested-action");
        }
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
    }
}

/* Signal callbacks */

static void
run_data_free (RunData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->cancellable);
  g_free (data);
}

static void
run_finished_cb (GObject      *source,
                 GAsyncResult *async_result,
                 gpointer      user_data)
{
  RunData *data = user_data;
  EscReassignPage *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscReassignResult) result = esc_reassign_run_finish (async_result, &error);

  if (self->cancellable != data->cancellable)
    {
      /* Cancelled, or a later run is under way: this one is dropped. */
      run_data_free (data);
      return;
    }
  g_clear_object (&self->cancellable);
  run_data_free (data);

  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      update_state (self);
      return;
    }

  g_clear_pointer (&self->comparison, esc_reassign_comparison_free);
  {
    g_autofree char *plan_path = esc_reassign_page_get_plan_path (self);

    if (plan_path != NULL && g_file_test (plan_path, G_FILE_TEST_EXISTS))
      {
        g_autoptr(GError) compare_error = NULL;

        self->comparison = esc_reassign_compare_with_file (result, plan_path, &compare_error);
        if (self->comparison == NULL)
          g_warning ("%s", compare_error->message);
      }
  }
  /* The lists borrow from the old result: empty them before it goes. */
  set_list_items (self, LIST_BACKFILL, NULL);
  set_list_items (self, LIST_OPTIONS, NULL);
  set_list_items (self, LIST_MOVES, NULL);
  set_list_items (self, LIST_GROUPS, NULL);
  g_clear_pointer (&self->result, esc_reassign_result_unref);
  self->result = g_steal_pointer (&result);
  show_result (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "results");
}

static void
project_changed_cb (EscReassignPage *self)
{
  update_state (self);
}

static void
category_selected_cb (EscReassignPage *self)
{
  if (self->result != NULL)
    show_category (self);
}

static void
move_selected_cb (EscReassignPage *self)
{
  show_move_details (self);
}

static void
group_selected_cb (EscReassignPage *self)
{
  show_group_details (self);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  EscReassignPage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->result != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        show_toast (self, _("Only local files can be written"));
      else if (!esc_reassign_export_xlsx (self->result, self->comparison, path, &error))
        show_toast (self, error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          /* TRANSLATORS: a toast after exporting the reassignment */
          g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);

          show_toast (self, text);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

/* Actions */

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EscReassignPage *self = ESC_REASSIGN_PAGE (widget);
  g_auto(EscReassignSettings) settings = { 0 };
  g_autoptr(EscReassignInput) input = NULL;
  g_autoptr(GError) error = NULL;
  RunData *data;

  if (self->cancellable != NULL)
    return;
  if (!esc_reassign_settings_load (&settings, self->project, &error))
    {
      show_toast (self, error->message);
      return;
    }
  input = esc_reassign_input_new_from_project (self->project, esc_reassign_page_get_today (self),
                                               &error);
  if (input == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  self->cancellable = g_cancellable_new ();
  data = g_new0 (RunData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->cancellable);
  esc_reassign_run_async (input, &settings, esc_reassign_page_get_mode (self), self->cancellable,
                          run_finished_cb, data);
  update_state (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EscReassignPage *self = ESC_REASSIGN_PAGE (widget);

  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  update_state (self);
}

static void
execute_or_explain (EscReassignPage *self,
                    EscCommand      *command,
                    GError          *error,
                    const char      *nothing,
                    const char      *done)
{
  if (command != NULL)
    {
      esc_project_execute (self->project, command);
      show_toast (self, done);
    }
  else
    show_toast (self, error != NULL ? error->message : nothing);
}

static void
derive_assignments_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  EscReassignPage *self = ESC_REASSIGN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscCommand) command = esc_reassign_derive_assignments (self->project,
                                                                   esc_reassign_page_get_today (self),
                                                                   &error);

  execute_or_explain (self, command, error,
                      _("No hours worked in the 12 weeks before the day of the run"),
                      _("Assignments derived from the schedule"));
  if (command != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, "assignments");
}

static void
requests_from_shortages_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  EscReassignPage *self = ESC_REASSIGN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscCommand) command = esc_reassign_requests_from_extras (self->project, &error);

  execute_or_explain (self, command, error, _("The schedule has no shortages"),
                      _("Requests added from the schedule’s shortages"));
  if (command != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, "requests");
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EscReassignPage *self = ESC_REASSIGN_PAGE (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *project_path = esc_project_get_path (self->project);

  if (self->result == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export Reassignment"),
                                        GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Excel Workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (project_path != NULL)
    {
      g_autofree char *base = g_path_get_basename (project_path);
      g_autofree char *dir = g_path_get_dirname (project_path);
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      char *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      /* TRANSLATORS: the suggested name of the reassignment workbook */
      name = g_strdup_printf (_("%s-reassignment.xlsx"), base);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }
  else
    name = g_strdup (_("reassignment.xlsx"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EscReassignPage *self = ESC_REASSIGN_PAGE (widget);
  g_autoptr(EscCommand) command = NULL;
  g_autofree char *plan_path = NULL;
  g_autofree char *text = NULL;

  if (self->result == NULL || esc_reassign_page_is_stale (self))
    return;
  command = esc_reassign_result_accept (self->result, self->project);
  if (command == NULL)
    {
      show_toast (self, _("There are no moves to accept"));
      return;
    }
  esc_project_execute (self->project, command);

  plan_path = esc_reassign_page_get_plan_path (self);
  if (plan_path != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!esc_reassign_plan_save (self->result, self->comparison, plan_path, &error))
        {
          show_toast (self, error->message);
          return;
        }
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u move added to the history",
                                       "%u moves added to the history",
                                       self->result->moves->len),
                          self->result->moves->len);
  show_toast (self, text);
}

/* Parent overrides */

static void
esc_reassign_page_constructed (GObject *object)
{
  EscReassignPage *self = ESC_REASSIGN_PAGE (object);
  GtkWidget *requests;
  GtkWidget *assignments;

  G_OBJECT_CLASS (esc_reassign_page_parent_class)->constructed (object);

  requests = esc_table_view_new (self->project, ESC_TABLE_REQUEST);
  gtk_widget_set_vexpand (requests, TRUE);
  gtk_box_append (self->requests_box, requests);
  assignments = esc_table_view_new (self->project, ESC_TABLE_ASSIGNMENT);
  gtk_widget_set_vexpand (assignments, TRUE);
  gtk_box_append (self->assignments_box, assignments);

  /* The project counts the generation in its own handlers, connected before these. */
  g_signal_connect_object (self->project, "changed", G_CALLBACK (project_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (esc_project_get_table (self->project, ESC_TABLE_REQUEST),
                           "items-changed", G_CALLBACK (project_changed_cb), self,
                           G_CONNECT_SWAPPED);
  show_result (self);
  if (esc_table_get_n_rows (esc_project_get_table (self->project, ESC_TABLE_REQUEST)) == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "results");
}

static void
esc_reassign_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EscReassignPage *self = ESC_REASSIGN_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_reassign_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EscReassignPage *self = ESC_REASSIGN_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_set_object (&self->project, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_reassign_page_dispose (GObject *object)
{
  EscReassignPage *self = ESC_REASSIGN_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  for (guint i = 0; i < N_LISTS; i++)
    if (self->lists[i].model != NULL)
      set_list_items (self, i, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESC_TYPE_REASSIGN_PAGE);
  g_clear_pointer (&self->result, esc_reassign_result_unref);
  g_clear_pointer (&self->comparison, esc_reassign_comparison_free);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (esc_reassign_page_parent_class)->dispose (object);
}

static void
esc_reassign_page_finalize (GObject *object)
{
  EscReassignPage *self = ESC_REASSIGN_PAGE (object);

  for (guint i = 0; i < N_LISTS; i++)
    {
      g_clear_object (&self->lists[i].model);
      g_clear_pointer (&self->lists[i].items, g_ptr_array_unref);
      g_clear_pointer (&self->lists[i].columns, g_ptr_array_unref);
    }

  G_OBJECT_CLASS (esc_reassign_page_parent_class)->finalize (object);
}

static void
esc_reassign_page_class_init (EscReassignPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = esc_reassign_page_constructed;
  object_class->get_property = esc_reassign_page_get_property;
  object_class->set_property = esc_reassign_page_set_property;
  object_class->dispose = esc_reassign_page_dispose;
  object_class->finalize = esc_reassign_page_finalize;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, ESC_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "reassign.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "reassign.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "reassign.derive-assignments", NULL,
                                   derive_assignments_action);
  gtk_widget_class_install_action (widget_class, "reassign.requests-from-shortages", NULL,
                                   requests_from_shortages_action);
  gtk_widget_class_install_action (widget_class, "reassign.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "reassign.accept", NULL, accept_action);

  g_type_ensure (ESC_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-reassign-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, today_button);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, stale_bar);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, requests_box);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, assignments_box);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, results_status);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, results_status_button);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, comparison_label);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, notes_label);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, categories_model);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, moves_stack);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, moves_view);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, backfill_title);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, breakdown_label);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, backfill_view);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, groups_view);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, options_title);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, options_view);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, changes_stack);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, changes_status);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, changes_label);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, grown_list);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, capacity_list);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, grown_group);
  gtk_widget_class_bind_template_child (widget_class, EscReassignPage, capacity_group);
}

static void
esc_reassign_page_init (EscReassignPage *self)
{
  GtkSelectionModel *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  esc_date_button_set_date (self->today_button, real_today ());

  init_list (self, LIST_MOVES, self->moves_view, TRUE);
  add_column (self, LIST_MOVES, _("Employee"), move_employee_text, 0, FALSE);
  add_column (self, LIST_MOVES, _("Hours"), move_hours_text, 0, FALSE);
  add_column (self, LIST_MOVES, _("From"), move_from_text, 0, FALSE);
  add_column (self, LIST_MOVES, _("To"), move_to_text, 0, FALSE);
  add_column (self, LIST_MOVES, _("Backfill"), move_backfills_text, 0, TRUE);
  add_column (self, LIST_MOVES, _("Score"), move_score_text, 0, FALSE);

  init_list (self, LIST_BACKFILL, self->backfill_view, FALSE);
  add_column (self, LIST_BACKFILL, C_("rank", "#"), option_rank_text, 0, FALSE);
  add_column (self, LIST_BACKFILL, _("Employee"), option_employee_text, 0, TRUE);
  add_column (self, LIST_BACKFILL, _("Capacity"), option_available_text, 0, FALSE);
  add_column (self, LIST_BACKFILL, _("Takes"), option_chosen_text, 0, FALSE);
  add_term_columns (self, LIST_BACKFILL);

  init_list (self, LIST_GROUPS, self->groups_view, TRUE);
  add_column (self, LIST_GROUPS, _("Team"), group_team_text, 0, FALSE);
  add_column (self, LIST_GROUPS, _("Requests"), group_requests_text, 0, TRUE);
  add_column (self, LIST_GROUPS, _("Needed"), group_needed_text, 0, FALSE);
  add_column (self, LIST_GROUPS, _("Covered"), group_covered_text, 0, FALSE);
  add_column (self, LIST_GROUPS, _("Candidates"), group_candidates_text, 0, FALSE);

  init_list (self, LIST_OPTIONS, self->options_view, FALSE);
  add_column (self, LIST_OPTIONS, C_("rank", "#"), option_rank_text, 0, FALSE);
  add_column (self, LIST_OPTIONS, _("Employee"), option_employee_text, 0, TRUE);
  add_column (self, LIST_OPTIONS, _("Now on"), option_assignment_text, 0, FALSE);
  add_column (self, LIST_OPTIONS, _("Available"), option_available_text, 0, FALSE);
  add_column (self, LIST_OPTIONS, _("Takes"), option_chosen_text, 0, FALSE);
  add_term_columns (self, LIST_OPTIONS);

  selection = gtk_column_view_get_model (self->moves_view);
  g_signal_connect_object (selection, "notify::selected", G_CALLBACK (move_selected_cb), self,
                           G_CONNECT_SWAPPED);
  selection = gtk_column_view_get_model (self->groups_view);
  g_signal_connect_object (selection, "notify::selected", G_CALLBACK (group_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->category_dropdown, "notify::selected",
                           G_CALLBACK (category_selected_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
esc_reassign_page_new (EscProject *project)
{
  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  return g_object_new (ESC_TYPE_REASSIGN_PAGE, "project", project, NULL);
}

void
esc_reassign_page_set_mode (EscReassignPage *self,
                            EscReassignMode  mode)
{
  g_return_if_fail (ESC_IS_REASSIGN_PAGE (self));

  gtk_drop_down_set_selected (self->mode_dropdown, mode == ESC_REASSIGN_OPTIMAL ? 1 : 0);
}

EscReassignMode
esc_reassign_page_get_mode (EscReassignPage *self)
{
  g_return_val_if_fail (ESC_IS_REASSIGN_PAGE (self), ESC_REASSIGN_GREEDY);

  return gtk_drop_down_get_selected (self->mode_dropdown) == 1 ? ESC_REASSIGN_OPTIMAL
                                                               : ESC_REASSIGN_GREEDY;
}

void
esc_reassign_page_set_today (EscReassignPage *self,
                             EscJulian        today)
{
  g_return_if_fail (ESC_IS_REASSIGN_PAGE (self));

  esc_date_button_set_date (self->today_button, today);
}

EscJulian
esc_reassign_page_get_today (EscReassignPage *self)
{
  EscJulian today;

  g_return_val_if_fail (ESC_IS_REASSIGN_PAGE (self), 0);

  today = esc_date_button_get_date (self->today_button);
  return today != 0 ? today : real_today ();
}

void
esc_reassign_page_show_tab (EscReassignPage *self,
                            const char      *name)
{
  g_return_if_fail (ESC_IS_REASSIGN_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

gboolean
esc_reassign_page_is_running (EscReassignPage *self)
{
  g_return_val_if_fail (ESC_IS_REASSIGN_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

EscReassignResult *
esc_reassign_page_get_result (EscReassignPage *self)
{
  g_return_val_if_fail (ESC_IS_REASSIGN_PAGE (self), NULL);

  return self->result;
}

gboolean
esc_reassign_page_is_stale (EscReassignPage *self)
{
  g_return_val_if_fail (ESC_IS_REASSIGN_PAGE (self), FALSE);

  return self->result != NULL &&
         self->result->generation != esc_project_get_generation (self->project);
}

guint
esc_reassign_page_get_n_moves (EscReassignPage *self)
{
  g_return_val_if_fail (ESC_IS_REASSIGN_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->lists[LIST_MOVES].model));
}

char *
esc_reassign_page_get_move_text (EscReassignPage *self,
                                 guint            position)
{
  List *l;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) cells = NULL;

  g_return_val_if_fail (ESC_IS_REASSIGN_PAGE (self), NULL);

  l = &self->lists[LIST_MOVES];
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (l->model)))
    return NULL;
  builder = g_strv_builder_new ();
  for (guint c = 0; c < l->columns->len; c++)
    {
      Column *column = g_ptr_array_index (l->columns, c);

      g_autofree char *text = column->func (g_ptr_array_index (l->items, position),
                                            column->arg);

      g_strv_builder_add (builder, text);
    }
  cells = g_strv_builder_end (builder);
  return g_strjoinv ("\t", cells);
}

void
esc_reassign_page_select_move (EscReassignPage *self,
                               guint            position)
{
  g_return_if_fail (ESC_IS_REASSIGN_PAGE (self));

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (self->moves_view)),
                                     position);
}

const char *
esc_reassign_page_get_breakdown (EscReassignPage *self)
{
  g_return_val_if_fail (ESC_IS_REASSIGN_PAGE (self), NULL);

  return gtk_label_get_text (self->breakdown_label);
}

guint
esc_reassign_page_get_n_options (EscReassignPage *self)
{
  g_return_val_if_fail (ESC_IS_REASSIGN_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->lists[LIST_OPTIONS].model));
}

guint
esc_reassign_page_get_n_backfill_options (EscReassignPage *self)
{
  g_return_val_if_fail (ESC_IS_REASSIGN_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->lists[LIST_BACKFILL].model));
}

const char *
esc_reassign_page_get_comparison_text (EscReassignPage *self)
{
  g_return_val_if_fail (ESC_IS_REASSIGN_PAGE (self), NULL);

  return gtk_label_get_text (self->comparison_label);
}

char *
esc_reassign_page_get_plan_path (EscReassignPage *self)
{
  const char *path;
  g_autofree char *base = NULL;

  g_return_val_if_fail (ESC_IS_REASSIGN_PAGE (self), NULL);

  path = esc_project_get_path (self->project);
  if (path == NULL)
    return NULL;
  base = g_str_has_suffix (path, ".escala") ? g_strndup (path, strlen (path) - strlen (".escala"))
                                            : g_strdup (path);
  return g_strconcat (base, ".reassign-plan.json", NULL);
}
