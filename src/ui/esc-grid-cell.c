/* esc-grid-cell.c: one cell of an EscTableView, typed by its column.
 *
 * The column view recycles cells: the factory's setup makes one (this constructor);
 * bind only shows a row's value and connects to the row's ::changed; unbind commits an
 * edit in progress and disconnects.
 *
 * GTK 4.8's GtkListView keeps up to 200 rows alive around what is shown, whatever its
 * height: the Employees grid has 25 columns, so 5,000 cells exist at once. A
 * GtkEditableLabel (a stack, a label, a GtkText and four controllers) in each costs
 * seconds to build for a 10,000-row table. So a cell draws its text itself (one
 * PangoLayout, made when the cell is first drawn: a layout needs the widget's own
 * PangoContext, the dearest part of a new cell, and most of those 200 rows are never on
 * screen) and makes its GtkEditableLabel when it first gets the keyboard focus
 * (the cursor) or is edited; its drop-down button when the cursor or the pointer
 * first reaches it. Those stay with the cell as it is recycled. Building in code
 * rather than from a template is for the same reason.
 *
 * What the cell holds by column type:
 * - yes/no: a GtkCheckButton (an unreadable value shows inconsistent, flagged);
 * - everything else: the text, then a GtkEditableLabel, committed when its `editing`
 *   turns false;
 * - references, enumerations and weekdays add a drop-down (a list of the referenced
 *   table's ids with a search field); lists of references a list of check boxes;
 *   weekday sets seven toggles; dates and days a calendar. A GtkDropDown cannot show a
 *   value outside its list, and a grid must keep a bad reference as typed, so the cell
 *   is the editable text plus a button that opens the list.
 *
 * A click selects the row and puts the cursor on the cell; a second click on the
 * cursor cell, a double click, Enter or F2, or typing starts editing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/esc-parse.h"
#include "core/esc-validate.h"
#include "esc-grid-cell.h"
#include "esc-table-view-private.h"

/* Lists with more entries than this get a search field in their drop-down. */
#define SEARCH_THRESHOLD 8

struct _EscGridCell
{
  GtkWidget parent_instance;

  EscTableView *view;           /* not owned: the view owns the factory that made us */
  EscTableId table_id;
  guint column;
  const EscColumn *spec;

  gboolean text_cell;           /* not yes/no: text drawn, then a label */
  PangoLayout *layout;          /* the text, drawn while there is no label; made on
                                 * the first text drawn */
  int text_width;               /* room for the text */
  GtkWidget *label;             /* GtkEditableLabel, made on first focus or edit */
  GtkWidget *check;             /* GtkCheckButton for yes/no, or NULL */
  GtkWidget *picker;            /* GtkMenuButton, made when first reached, or NULL */
  gboolean numeric;             /* right-aligned */

  GtkListItem *item;            /* not owned; NULL when unbound */
  EscRow *row;
  gulong row_changed_id;
  gboolean syncing;

  char *problem;
  const char *severity_class;

  /* Picker state while its popover is open. */
  GHashTable *picked_ids;       /* REF_LIST: ids checked */
  GtkWidget *weekday_toggles[ESC_N_WEEKDAYS];
  int calendar_month;           /* DATE, DAY: year * 12 + month shown */
  gboolean picker_dirty;
};

static void editing_changed_cb  (EscGridCell *self);
static void label_focus_left_cb (EscGridCell *self);
static void focus_entered_cb    (EscGridCell *self);

G_DEFINE_FINAL_TYPE (EscGridCell, esc_grid_cell, GTK_TYPE_WIDGET)

static gboolean
column_is_numeric (const EscColumn *column)
{
  switch (column->type)
    {
    case ESC_COLUMN_INT:
    case ESC_COLUMN_NUMBER:
    case ESC_COLUMN_HOURS:
    case ESC_COLUMN_WORKED:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
column_has_picker (const EscColumn *column)
{
  switch (column->type)
    {
    case ESC_COLUMN_REF:
    case ESC_COLUMN_REF_LIST:
    case ESC_COLUMN_ENUM:
    case ESC_COLUMN_WEEKDAY:
    case ESC_COLUMN_WEEKDAY_SET:
    case ESC_COLUMN_DATE:
    case ESC_COLUMN_DAY:
      return TRUE;
    default:
      return FALSE;
    }
}

static const char *
row_value (EscGridCell *self)
{
  return self->row != NULL ? esc_row_get (self->row, self->column) : "";
}

static void
commit_value (EscGridCell *self,
              const char  *text)
{
  if (self->row == NULL)
    return;
  esc_table_view_commit_cell (self->view, self->row, self->column, text);
}

static void
sync_from_row (EscGridCell *self)
{
  const char *value = row_value (self);

  self->syncing = TRUE;
  /* The text goes to the layout when drawn. */
  if (self->text_cell &&
      (self->layout != NULL ? g_strcmp0 (pango_layout_get_text (self->layout), value) != 0
                            : *value != '\0'))
    gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->label != NULL)
    {
      if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (self->label)) &&
          g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->label)), value) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->label), value);
    }
  else if (self->check != NULL)
    {
      gboolean active = FALSE;
      gboolean readable = *value == '\0' || esc_parse_bool (value, &active, NULL);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->check), readable && active);
      gtk_check_button_set_inconsistent (GTK_CHECK_BUTTON (self->check), !readable);
    }
  self->syncing = FALSE;
}

/* Picker: lists (references, enumerations, weekday) */

static GListModel *
create_choice_model (EscGridCell *self)
{
  switch (self->spec->type)
    {
    case ESC_COLUMN_REF:
    case ESC_COLUMN_REF_LIST:
      return g_object_ref (G_LIST_MODEL (esc_table_view_get_ref_ids (self->view,
                                                                     self->spec->ref_table)));
    case ESC_COLUMN_ENUM:
      return G_LIST_MODEL (gtk_string_list_new ((const char * const *) self->spec->enum_values));

    case ESC_COLUMN_WEEKDAY:
      {
        GtkStringList *list = gtk_string_list_new (NULL);

        for (EscWeekday day = ESC_MON; day < ESC_N_WEEKDAYS; day++)
          gtk_string_list_append (list, esc_weekday_code (day));
        return G_LIST_MODEL (list);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
weekday_name (EscWeekday day)
{
  static const char *names[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday"), N_("Sunday")
  };

  return _(names[day]);
}

static const char *
describe_choice (EscGridCell *self,
                 const char  *value)
{
  EscWeekday day;

  switch (self->spec->type)
    {
    case ESC_COLUMN_REF:
    case ESC_COLUMN_REF_LIST:
      return esc_table_view_describe_ref (self->view, self->spec->ref_table, value);
    case ESC_COLUMN_WEEKDAY:
      if (esc_parse_weekday (value, &day, NULL))
        return weekday_name (day);
      return NULL;
    default:
      return NULL;
    }
}

static void
choice_check_toggled_cb (GtkCheckButton *check,
                         EscGridCell    *self)
{
  const char *id = gtk_check_button_get_label (check);

  if (self->syncing || self->picked_ids == NULL || id == NULL)
    return;
  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->picked_ids, g_strdup (id));
  else
    g_hash_table_remove (self->picked_ids, id);
  self->picker_dirty = TRUE;
}

static void
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 EscGridCell              *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *detail_label = gtk_label_new (NULL);
  GtkWidget *id_widget;

  /* For lists of references the id is the label of a check box. */
  if (self->spec->type == ESC_COLUMN_REF_LIST)
    {
      id_widget = gtk_check_button_new ();
      g_signal_connect (id_widget, "toggled", G_CALLBACK (choice_check_toggled_cb), self);
    }
  else
    {
      id_widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (id_widget), 0);
    }
  gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (detail_label), 14);
  gtk_label_set_max_width_chars (GTK_LABEL (detail_label), 28);
  gtk_widget_set_hexpand (detail_label, TRUE);
  gtk_widget_add_css_class (detail_label, "dim-label");
  gtk_box_append (GTK_BOX (box), id_widget);
  gtk_box_append (GTK_BOX (box), detail_label);
  gtk_list_item_set_child (item, box);
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                EscGridCell              *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *id_widget = gtk_widget_get_first_child (box);
  const char *value = gtk_string_object_get_string (gtk_list_item_get_item (item));

  if (GTK_IS_CHECK_BUTTON (id_widget))
    {
      self->syncing = TRUE;
      gtk_check_button_set_label (GTK_CHECK_BUTTON (id_widget), value);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (id_widget),
                                   self->picked_ids != NULL &&
                                   g_hash_table_contains (self->picked_ids, value));
      self->syncing = FALSE;
    }
  else
    gtk_label_set_label (GTK_LABEL (id_widget), value);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (id_widget)),
                       describe_choice (self, value));
}

/* REF_LIST: the ids checked, in the order of the referenced table (the order of the
 * list), then any the list does not know (bad references stay as typed). */
static char *
format_picked_ids (EscGridCell *self,
                   GListModel  *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) current = esc_split_list (row_value (self));
  g_autoptr(GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (ids);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) object = g_list_model_get_item (ids, i);
      const char *id = gtk_string_object_get_string (object);

      if (g_hash_table_contains (self->picked_ids, id) && !g_hash_table_contains (written, id))
        {
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, id);
          g_hash_table_add (written, (gpointer) id);
        }
    }
  for (guint i = 0; current[i] != NULL; i++)
    if (g_hash_table_contains (self->picked_ids, current[i]) &&
        !g_hash_table_contains (written, current[i]))
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, current[i]);
        g_hash_table_add (written, current[i]);
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
choice_activated_cb (GtkListView *list_view,
                     guint        position,
                     EscGridCell *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(GtkStringObject) object = g_list_model_get_item (model, position);
  const char *value;

  if (object == NULL)
    return;
  value = gtk_string_object_get_string (object);

  /* Lists of references are checked, not picked; they are written on closing. */
  if (self->spec->type == ESC_COLUMN_REF_LIST)
    return;

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->picker));
  commit_value (self, value);
}

static void
choice_search_changed_cb (GtkSearchEntry  *entry,
                          GtkStringFilter *filter)
{
  gtk_string_filter_set_search (filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
choice_search_activated_cb (GtkSearchEntry *entry,
                            GtkListView    *list_view)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));

  if (g_list_model_get_n_items (model) > 0)
    g_signal_emit_by_name (list_view, "activate", 0);
}

static GtkWidget *
build_choice_picker (EscGridCell *self)
{
  g_autoptr(GListModel) choices = create_choice_model (self);
  GtkStringFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkListItemFactory *factory;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list_view;
  guint n_choices = g_list_model_get_n_items (choices);
  const char *current = row_value (self);
  g_autofree char *trimmed = esc_strip_dup (current);

  if (self->spec->type == ESC_COLUMN_REF_LIST)
    {
      g_auto(GStrv) ids = esc_split_list (current);

      g_clear_pointer (&self->picked_ids, g_hash_table_unref);
      self->picked_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; ids[i] != NULL; i++)
        g_hash_table_add (self->picked_ids, g_strdup (ids[i]));
      self->picker_dirty = FALSE;
    }

  filter = gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                               "string"));
  gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (filter, TRUE);
  filtered = gtk_filter_list_model_new (g_object_ref (choices), GTK_FILTER (filter));
  selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  if (self->spec->type != ESC_COLUMN_REF_LIST)
    for (guint i = 0; i < n_choices; i++)
      {
        g_autoptr(GtkStringObject) object = g_list_model_get_item (choices, i);

        if (g_strcmp0 (gtk_string_object_get_string (object), trimmed) == 0)
          {
            gtk_single_selection_set_selected (selection, i);
            break;
          }
      }

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (choice_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (choice_bind_cb), self);
  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list_view),
                                           self->spec->type != ESC_COLUMN_REF_LIST);
  gtk_widget_add_css_class (list_view, "navigation-sidebar");
  g_signal_connect (list_view, "activate", G_CALLBACK (choice_activated_cb), self);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_widget_set_size_request (scrolled, 220, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list_view);

  if (n_choices > SEARCH_THRESHOLD)
    {
      GtkWidget *entry = gtk_search_entry_new ();

      g_object_set (entry, "placeholder-text", _("Search"), NULL);
      g_signal_connect_object (entry, "search-changed", G_CALLBACK (choice_search_changed_cb),
                               filter, 0);
      g_signal_connect_object (entry, "activate", G_CALLBACK (choice_search_activated_cb),
                               list_view, 0);
      gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (entry), list_view);
      gtk_box_append (GTK_BOX (box), entry);
    }
  if (n_choices == 0)
    {
      g_autofree char *text = NULL;
      GtkWidget *empty;

      /* TRANSLATORS: %s is a table, e.g. "No Stores yet" */
      text = g_strdup_printf (_("No %s yet"), _(esc_schema_get_table (self->spec->ref_table)->title));
      empty = gtk_label_new (text);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 12);
      gtk_widget_set_margin_bottom (empty, 12);
      gtk_box_append (GTK_BOX (box), empty);
    }
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

/* Picker: weekday sets */

static GtkWidget *
build_weekday_set_picker (EscGridCell *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  EscWeekdaySet set = 0;

  esc_parse_weekday_set (row_value (self), &set, NULL);
  gtk_widget_add_css_class (box, "linked");
  for (EscWeekday day = ESC_MON; day < ESC_N_WEEKDAYS; day++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (esc_weekday_code (day));

      gtk_widget_set_tooltip_text (toggle, weekday_name (day));
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), (set & (1 << day)) != 0);
      gtk_box_append (GTK_BOX (box), toggle);
      self->weekday_toggles[day] = toggle;
    }
  self->picker_dirty = TRUE;
  return box;
}

static char *
format_weekday_toggles (EscGridCell *self)
{
  EscWeekdaySet set = 0;

  for (EscWeekday day = ESC_MON; day < ESC_N_WEEKDAYS; day++)
    if (self->weekday_toggles[day] != NULL &&
        gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->weekday_toggles[day])))
      set |= 1 << day;
  return esc_format_weekday_set (set);
}

/* Picker: dates and days */

static int
month_of (GDateTime *date_time)
{
  return g_date_time_get_year (date_time) * 12 + g_date_time_get_month (date_time);
}

static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          EscGridCell *self)
{
  g_autoptr(GDateTime) date_time = gtk_calendar_get_date (calendar);
  g_autoptr(GDate) date = NULL;
  g_autofree char *text = NULL;

  if (month_of (date_time) != self->calendar_month)
    {
      /* Paging to another month selects a day of it: not a choice. */
      self->calendar_month = month_of (date_time);
      return;
    }
  date = g_date_new_dmy (g_date_time_get_day_of_month (date_time),
                         g_date_time_get_month (date_time), g_date_time_get_year (date_time));
  text = esc_format_date (g_date_get_julian (date));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->picker));
  commit_value (self, text);
}

static void
every_weekday_clicked_cb (GtkButton   *button,
                          EscGridCell *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "esc-weekday");

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->picker));
  commit_value (self, code);
}

static GtkWidget *
build_calendar_picker (EscGridCell *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *calendar = gtk_calendar_new ();
  g_autoptr(GDateTime) date_time = NULL;
  EscJulian julian = 0;

  if (esc_parse_date (row_value (self), &julian, NULL))
    {
      g_autoptr(GDate) date = g_date_new_julian (julian);

      date_time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                         g_date_get_day (date), 12, 0, 0);
      gtk_calendar_select_day (GTK_CALENDAR (calendar), date_time);
    }
  else
    date_time = gtk_calendar_get_date (GTK_CALENDAR (calendar));
  self->calendar_month = month_of (date_time);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), self);
  gtk_box_append (GTK_BOX (box), calendar);

  if (self->spec->type == ESC_COLUMN_DAY)
    {
      GtkWidget *caption = gtk_label_new (_("Or every week on"));
      GtkWidget *days = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_widget_add_css_class (days, "linked");
      gtk_widget_set_halign (days, GTK_ALIGN_CENTER);
      for (EscWeekday day = ESC_MON; day < ESC_N_WEEKDAYS; day++)
        {
          GtkWidget *button = gtk_button_new_with_label (esc_weekday_code (day));

          gtk_widget_set_tooltip_text (button, weekday_name (day));
          g_object_set_data (G_OBJECT (button), "esc-weekday", (gpointer) esc_weekday_code (day));
          g_signal_connect (button, "clicked", G_CALLBACK (every_weekday_clicked_cb), self);
          gtk_box_append (GTK_BOX (days), button);
        }
      gtk_box_append (GTK_BOX (box), caption);
      gtk_box_append (GTK_BOX (box), days);
    }
  return box;
}

/* Picker: the popover */

static void
picker_shown_cb (GtkPopover  *popover,
                 EscGridCell *self)
{
  GtkWidget *content = NULL;

  memset (self->weekday_toggles, 0, sizeof self->weekday_toggles);
  self->picker_dirty = FALSE;

  switch (self->spec->type)
    {
    case ESC_COLUMN_REF:
    case ESC_COLUMN_REF_LIST:
    case ESC_COLUMN_ENUM:
    case ESC_COLUMN_WEEKDAY:
      content = build_choice_picker (self);
      break;
    case ESC_COLUMN_WEEKDAY_SET:
      content = build_weekday_set_picker (self);
      break;
    case ESC_COLUMN_DATE:
    case ESC_COLUMN_DAY:
      content = build_calendar_picker (self);
      break;
    default:
      g_return_if_reached ();
    }
  gtk_popover_set_child (popover, content);
}

static void
picker_closed_cb (GtkPopover  *popover,
                  EscGridCell *self)
{
  g_autofree char *text = NULL;

  if (self->picker_dirty && self->row != NULL)
    {
      if (self->spec->type == ESC_COLUMN_REF_LIST)
        {
          GtkStringList *ids = esc_table_view_get_ref_ids (self->view, self->spec->ref_table);

          text = format_picked_ids (self, G_LIST_MODEL (ids));
        }
      else if (self->spec->type == ESC_COLUMN_WEEKDAY_SET)
        {
          EscWeekdaySet before = 0;
          gboolean readable = esc_parse_weekday_set (row_value (self), &before, NULL);
          g_autofree char *before_text = esc_format_weekday_set (before);

          text = format_weekday_toggles (self);
          /* Unchanged toggles keep the text as it was. */
          if (readable && g_strcmp0 (text, before_text) == 0)
            g_clear_pointer (&text, g_free);
        }
    }
  self->picker_dirty = FALSE;
  memset (self->weekday_toggles, 0, sizeof self->weekday_toggles);
  g_clear_pointer (&self->picked_ids, g_hash_table_unref);
  /* Free the content: the next opening rebuilds it for the row bound then. */
  gtk_popover_set_child (popover, NULL);

  if (text != NULL && g_strcmp0 (text, row_value (self)) != 0)
    commit_value (self, text);
  if (self->row != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    esc_grid_cell_focus (self);
}

static void
create_picker_popover_cb (GtkMenuButton *button,
                          gpointer       user_data)
{
  EscGridCell *self = user_data;
  GtkWidget *popover = gtk_popover_new ();

  gtk_widget_add_css_class (popover, "esc-picker");
  g_signal_connect (popover, "show", G_CALLBACK (picker_shown_cb), self);
  g_signal_connect (popover, "closed", G_CALLBACK (picker_closed_cb), self);
  gtk_menu_button_set_popover (button, popover);
}

/* The widgets made when first needed */

static void
ensure_editor (EscGridCell *self)
{
  GtkEventController *controller;

  if (self->label != NULL || !self->text_cell)
    return;

  self->label = gtk_editable_label_new (row_value (self));
  gtk_widget_set_valign (self->label, GTK_ALIGN_CENTER);
  if (self->numeric)
    gtk_editable_set_alignment (GTK_EDITABLE (self->label), 1.0);
  gtk_widget_insert_after (self->label, GTK_WIDGET (self), NULL);
  g_signal_connect_swapped (self->label, "notify::editing", G_CALLBACK (editing_changed_cb), self);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_entered_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (label_focus_left_cb), self);
  gtk_widget_add_controller (self->label, controller);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ensure_picker (EscGridCell *self)
{
  if (self->picker != NULL || !column_has_picker (self->spec))
    return;

  self->picker = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->picker),
                                 self->spec->type == ESC_COLUMN_DATE ||
                                 self->spec->type == ESC_COLUMN_DAY
                                   ? "x-office-calendar-symbolic" : "pan-down-symbolic");
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (self->picker), FALSE);
  gtk_widget_set_focusable (self->picker, FALSE);
  gtk_widget_set_focus_on_click (self->picker, FALSE);
  gtk_widget_set_valign (self->picker, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->picker, "picker");
  gtk_widget_set_tooltip_text (self->picker, _("Choose a Value (Alt+Down)"));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->picker),
                                         create_picker_popover_cb, self, NULL);
  gtk_widget_set_parent (self->picker, GTK_WIDGET (self));
}

/* Signal callbacks */

static void
editing_changed_cb (EscGridCell *self)
{
  const char *text;

  if (self->syncing || self->row == NULL)
    return;

  if (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (self->label)))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "editing");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self), "editing");
  text = gtk_editable_get_text (GTK_EDITABLE (self->label));
  if (g_strcmp0 (text, row_value (self)) != 0)
    commit_value (self, text);
  esc_grid_cell_update_state (self);
}

static void
check_toggled_cb (EscGridCell *self)
{
  gboolean active;

  if (self->syncing || self->row == NULL)
    return;

  active = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->check));
  commit_value (self, active ? "yes" : "no");
}

static void
row_changed_cb (EscRow      *row,
                guint        column,
                EscGridCell *self)
{
  if (column != self->column)
    return;
  sync_from_row (self);
  esc_grid_cell_update_state (self);
}

static gboolean
release_label_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
label_focus_left_cb (EscGridCell *self)
{
  /* GTK 4.8's GtkEditableLabel looks again 100 ms after losing the focus (to stop an
   * editing left behind), through a pointer it does not hold and a timeout it does not
   * remove: if the label went away meanwhile (a recycled cell, a closed page or window)
   * that would crash. Keep it alive until then: a low priority lets GTK's timeout go
   * first even when both are due in the same main loop iteration. */
  g_timeout_add_full (G_PRIORITY_LOW, 250, release_label_cb, g_object_ref (self->label), NULL);
}

static void
focus_entered_cb (EscGridCell *self)
{
  if (self->row == NULL)
    return;
  ensure_picker (self);
  esc_table_view_cell_focused (self->view, self);
}



static gboolean
is_inside (GtkWidget *widget,
           GtkWidget *ancestor)
{
  return widget != NULL && ancestor != NULL &&
         (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

gboolean
esc_grid_cell_pressed (EscGridCell *self,
                       GtkGesture  *gesture,
                       int          n_press,
                       double       x,
                       double       y)
{
  GtkWidget *target = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  GdkModifierType state;
  gboolean was_cursor;
  gboolean modified;

  g_return_val_if_fail (ESC_IS_GRID_CELL (self), FALSE);

  if (self->row == NULL)
    return FALSE;
  /* Clicks inside the text being edited move the caret. */
  if (esc_grid_cell_get_editing (self))
    return FALSE;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  modified = (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0;
  was_cursor = esc_table_view_cell_clicked (self->view, self, state);

  /* The picker and the check box work on the first click. */
  if (is_inside (target, self->picker) || is_inside (target, self->check))
    return FALSE;

  if (self->label != NULL && !modified && (n_press >= 2 || was_cursor))
    {
      /* Let the label's own click start the editing (a second click on the cursor
       * cell, as in a spreadsheet), or start it here for a double click. */
      if (n_press >= 2)
        {
          esc_grid_cell_start_editing (self, NULL);
          return TRUE;
        }
      return FALSE;
    }

  /* A first click only selects: keep it from the label, which would start editing. */
  return TRUE;
}

/* Parent overrides */

static void
esc_grid_cell_dispose (GObject *object)
{
  EscGridCell *self = ESC_GRID_CELL (object);

  if (self->row != NULL)
    esc_grid_cell_unbind (self);
  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->check, gtk_widget_unparent);
  g_clear_pointer (&self->picker, gtk_widget_unparent);
  g_clear_pointer (&self->picked_ids, g_hash_table_unref);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (esc_grid_cell_parent_class)->dispose (object);
}

/* The height of a line of text, from the font's metrics: measuring every cell's text
 * would shape 5,000 strings before the first frame. */
static int
get_line_height (GtkWidget *widget)
{
  static int line_height = -1;

  if (line_height < 0)
    {
      PangoContext *context = gtk_widget_get_pango_context (widget);
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
      if (line_height <= 0)
        line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) +
                                         pango_font_metrics_get_descent (metrics));
      pango_font_metrics_unref (metrics);
    }
  return line_height;
}

static void
esc_grid_cell_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  EscGridCell *self = ESC_GRID_CELL (widget);
  GtkWidget *children[] = { self->label, self->check, self->picker };
  int min = 0, nat = 0;

  /* Columns have fixed widths: the text needs no width of its own. */
  if (self->text_cell && orientation == GTK_ORIENTATION_VERTICAL)
    min = nat = get_line_height (widget);

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      int child_min, child_nat;

      if (children[i] == NULL || !gtk_widget_should_layout (children[i]))
        continue;
      gtk_widget_measure (children[i], orientation, -1, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          min = MAX (min, child_min);
          nat = MAX (nat, child_nat);
        }
      else if (children[i] == self->picker)
        {
          min += child_min;
          nat += child_nat;
        }
      else
        {
          min = MAX (min, child_min);
          nat = MAX (nat, child_nat);
        }
    }
  *minimum = min;
  *natural = MAX (min, nat);
}

static int
picker_width (EscGridCell *self)
{
  int width = 0;

  if (self->picker != NULL && gtk_widget_should_layout (self->picker))
    gtk_widget_measure (self->picker, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  return width;
}

static void
esc_grid_cell_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  EscGridCell *self = ESC_GRID_CELL (widget);
  int button = picker_width (self);
  int text_width = MAX (0, width - button);

  if (self->picker != NULL && gtk_widget_should_layout (self->picker))
    gtk_widget_size_allocate (self->picker,
                              &(GtkAllocation) { width - button, 0, button, height }, -1);
  if (self->label != NULL)
    gtk_widget_size_allocate (self->label, &(GtkAllocation) { 0, 0, text_width, height }, -1);
  if (self->check != NULL)
    gtk_widget_size_allocate (self->check, &(GtkAllocation) { 0, 0, width, height }, -1);
  self->text_width = text_width;
  if (self->layout != NULL)
    pango_layout_set_width (self->layout, text_width * PANGO_SCALE);
}

static void
esc_grid_cell_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  EscGridCell *self = ESC_GRID_CELL (widget);
  const char *value = row_value (self);

  if (self->text_cell && self->label == NULL && *value != '\0')
    {
      GdkRGBA color;
      int text_width, text_height;
      int x = 0;

      if (self->layout == NULL)
        {
          self->layout = gtk_widget_create_pango_layout (widget, NULL);
          pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_single_paragraph_mode (self->layout, TRUE);
          pango_layout_set_width (self->layout, self->text_width * PANGO_SCALE);
        }
      if (g_strcmp0 (pango_layout_get_text (self->layout), value) != 0)
        pango_layout_set_text (self->layout, value, -1);

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
      G_GNUC_END_IGNORE_DEPRECATIONS
      pango_layout_get_pixel_size (self->layout, &text_width, &text_height);
      if (self->numeric)
        x = MAX (0, gtk_widget_get_width (widget) - picker_width (self) - text_width);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (x, (gtk_widget_get_height (widget) - text_height) / 2));
      gtk_snapshot_append_layout (snapshot, self->layout, &color);
      gtk_snapshot_restore (snapshot);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

static void
esc_grid_cell_finalize (GObject *object)
{
  EscGridCell *self = ESC_GRID_CELL (object);

  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (esc_grid_cell_parent_class)->finalize (object);
}

static void
esc_grid_cell_class_init (EscGridCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = esc_grid_cell_dispose;
  object_class->finalize = esc_grid_cell_finalize;

  widget_class->measure = esc_grid_cell_measure;
  widget_class->size_allocate = esc_grid_cell_size_allocate;
  widget_class->snapshot = esc_grid_cell_snapshot;

  gtk_widget_class_set_css_name (widget_class, "gridcell");
}

static void
esc_grid_cell_init (EscGridCell *self)
{
}

/* Public API */

GtkWidget *
esc_grid_cell_new (EscTableView *view,
                   guint         column)
{
  EscGridCell *self;
  const EscTableSchema *schema;

  g_return_val_if_fail (ESC_IS_TABLE_VIEW (view), NULL);

  self = g_object_new (ESC_TYPE_GRID_CELL, NULL);
  schema = esc_table_get_schema (esc_table_view_get_table (view));
  g_return_val_if_fail (column < schema->n_columns, NULL);

  self->view = view;
  self->table_id = schema->id;
  self->column = column;
  self->spec = &schema->columns[column];
  self->numeric = column_is_numeric (self->spec);

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  if (self->spec->type == ESC_COLUMN_BOOL)
    {
      GtkEventController *controller = gtk_event_controller_focus_new ();

      self->check = gtk_check_button_new ();
      gtk_widget_set_halign (self->check, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (self->check, GTK_ALIGN_CENTER);
      gtk_widget_set_parent (self->check, GTK_WIDGET (self));
      g_signal_connect_swapped (self->check, "toggled", G_CALLBACK (check_toggled_cb), self);
      g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_entered_cb), self);
      gtk_widget_add_controller (self->check, controller);
    }
  else
    {
      /* Mouse clicks come through the view (esc_grid_cell_pressed()); the keyboard
       * focus goes to the label, made when the cell is first focused. */
      self->text_cell = TRUE;
    }

  return GTK_WIDGET (self);
}

void
esc_grid_cell_bind (EscGridCell *self,
                    GtkListItem *item,
                    EscRow      *row)
{
  g_return_if_fail (ESC_IS_GRID_CELL (self));
  g_return_if_fail (ESC_IS_ROW (row));

  if (self->row != NULL)
    esc_grid_cell_unbind (self);

  self->item = item;
  self->row = g_object_ref (row);
  self->row_changed_id = g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), self);
  sync_from_row (self);
  esc_grid_cell_update_state (self);
  esc_table_view_cell_bound (self->view, self);
}

void
esc_grid_cell_unbind (EscGridCell *self)
{
  g_return_if_fail (ESC_IS_GRID_CELL (self));

  if (self->row == NULL)
    return;

  /* Whatever is typed goes to the row it was typed for, before the cell moves on. */
  if (esc_grid_cell_get_editing (self))
    esc_grid_cell_stop_editing (self, TRUE);
  if (self->picker != NULL)
    gtk_menu_button_popdown (GTK_MENU_BUTTON (self->picker));

  esc_table_view_cell_unbound (self->view, self);
  g_clear_signal_handler (&self->row_changed_id, self->row);
  g_clear_object (&self->row);
  self->item = NULL;
  gtk_widget_remove_css_class (GTK_WIDGET (self), "cursor");
}

EscRow *
esc_grid_cell_get_row (EscGridCell *self)
{
  g_return_val_if_fail (ESC_IS_GRID_CELL (self), NULL);

  return self->row;
}

guint
esc_grid_cell_get_column (EscGridCell *self)
{
  g_return_val_if_fail (ESC_IS_GRID_CELL (self), 0);

  return self->column;
}

guint
esc_grid_cell_get_position (EscGridCell *self)
{
  g_return_val_if_fail (ESC_IS_GRID_CELL (self), GTK_INVALID_LIST_POSITION);

  if (self->item == NULL || self->row == NULL)
    return GTK_INVALID_LIST_POSITION;
  return gtk_list_item_get_position (self->item);
}

GtkEditable *
esc_grid_cell_get_editable (EscGridCell *self)
{
  g_return_val_if_fail (ESC_IS_GRID_CELL (self), NULL);

  ensure_editor (self);
  return self->label != NULL ? GTK_EDITABLE (self->label) : NULL;
}

GtkCheckButton *
esc_grid_cell_get_check_button (EscGridCell *self)
{
  g_return_val_if_fail (ESC_IS_GRID_CELL (self), NULL);

  return self->check != NULL ? GTK_CHECK_BUTTON (self->check) : NULL;
}

gboolean
esc_grid_cell_focus (EscGridCell *self)
{
  g_return_val_if_fail (ESC_IS_GRID_CELL (self), FALSE);

  ensure_editor (self);
  ensure_picker (self);
  if (self->label != NULL)
    return gtk_widget_grab_focus (self->label);
  if (self->check != NULL)
    return gtk_widget_grab_focus (self->check);
  return FALSE;
}

gboolean
esc_grid_cell_start_editing (EscGridCell *self,
                             const char  *initial_text)
{
  g_return_val_if_fail (ESC_IS_GRID_CELL (self), FALSE);

  ensure_editor (self);
  if (self->label == NULL || self->row == NULL)
    return FALSE;

  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (self->label));
  if (initial_text != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->label), initial_text);
      gtk_editable_set_position (GTK_EDITABLE (self->label), -1);
    }
  return TRUE;
}

void
esc_grid_cell_stop_editing (EscGridCell *self,
                            gboolean     commit)
{
  g_return_if_fail (ESC_IS_GRID_CELL (self));

  if (self->label != NULL)
    gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (self->label), commit);
}

gboolean
esc_grid_cell_get_editing (EscGridCell *self)
{
  g_return_val_if_fail (ESC_IS_GRID_CELL (self), FALSE);

  return self->label != NULL && gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (self->label));
}

gboolean
esc_grid_cell_open_picker (EscGridCell *self)
{
  g_return_val_if_fail (ESC_IS_GRID_CELL (self), FALSE);

  ensure_picker (self);
  if (self->picker == NULL || self->row == NULL)
    return FALSE;
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->picker));
  return TRUE;
}

void
esc_grid_cell_update_state (EscGridCell *self)
{
  g_autoptr(EscDiagnostic) own = NULL;
  const EscDiagnostic *problem = NULL;
  const char *severity_class = NULL;
  const char *message = NULL;

  g_return_if_fail (ESC_IS_GRID_CELL (self));

  if (self->row != NULL)
    {
      const char *value = row_value (self);

      /* An empty optional cell is always fine: no need to parse it. */
      if (*value != '\0' || self->spec->required)
        own = esc_validate_cell (self->table_id, 0, self->column, value);
      problem = own != NULL ? own
                            : esc_table_view_lookup_problem (self->view, self->row, self->column);
    }
  if (problem != NULL)
    {
      message = problem->message;
      severity_class = problem->severity == ESC_SEVERITY_ERROR ? "error" : "warning";
    }

  if (g_strcmp0 (severity_class, self->severity_class) != 0)
    {
      if (self->severity_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self), self->severity_class);
      if (severity_class != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self), severity_class);
      self->severity_class = severity_class;
    }
  /* Only when it changes: setting a tooltip asks the display where the pointer is (a
   * round trip to the X server), thousands of times when a page of rows binds. */
  if (g_strcmp0 (message, self->problem) != 0)
    {
      g_free (self->problem);
      self->problem = g_strdup (message);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->problem);
    }

  if (self->row != NULL && esc_table_view_is_cursor (self->view, self->row, self->column))
    {
      ensure_picker (self);
      gtk_widget_add_css_class (GTK_WIDGET (self), "cursor");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "cursor");
}

const char *
esc_grid_cell_get_problem (EscGridCell  *self,
                           const char  **severity_class)
{
  g_return_val_if_fail (ESC_IS_GRID_CELL (self), NULL);

  if (severity_class != NULL)
    *severity_class = self->severity_class;
  return self->problem;
}
