/* esc-parameters-page.c: the Parameters page: the planning parameters as typed rows.
 *
 * Every row reads its parameter from the project (esc_project_get_parameter(): the
 * value, else the default) and writes it back as one command on the Parameters table:
 * a set-cell when the row exists, an insert of a new row when it does not, so every
 * change is undoable. The page re-reads everything after any command (its own, undo,
 * redo, a grid edit of the Parameters table), guarded so that showing a value never
 * writes it.
 *
 * Decisions:
 * - Stores and roles to plan: a blank parameter means all, so all boxes show checked;
 *   checking all (or unchecking the last) writes the blank value again.
 * - Objectives: the enabled ones, in the list's order, make objective_function; the
 *   disabled ones stay in the list (in the default order) to be switched on again.
 *   Weighted sums and names this version does not know are kept as written.
 * - Granularity offers 1, 5, 10, 15, 30 and 60 minutes, plus the project's own value
 *   when it is another.
 * - Day-of-month intervals are written only when they read (esc_parse_day_ranges());
 *   otherwise the entry shows the reason and keeps the text.
 * - Hours (minimum rest, break threshold) are written as decimal hours ("10.5").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "core/esc-display.h"
#include "core/esc-validate.h"
#include "esc-date-button.h"
#include "esc-objective-row.h"
#include "esc-parameters-page.h"

static const int granularities[] = { 1, 5, 10, 15, 30, 60 };

struct _EscParametersPage
{
  AdwBin parent_instance;

  /* template children */
  AdwActionRow *start_row;
  EscDateButton *start_button;
  AdwActionRow *horizon_row;
  GtkSpinButton *horizon_spin;
  AdwComboRow *first_day_row;
  AdwExpanderRow *stores_row;
  AdwExpanderRow *roles_row;
  GtkListBox *objectives_list;
  GtkSpinButton *time_limit_spin;
  GtkSpinButton *wait_spin;
  AdwComboRow *granularity_row;
  GtkStringList *granularity_names;
  GtkBox *weekday_box;
  AdwEntryRow *intervals_row;
  GtkSpinButton *rest_spin;
  GtkSpinButton *break_after_spin;
  GtkSpinButton *break_minutes_spin;
  AdwPreferencesGroup *problems_group;
  GtkListBox *problems_list;

  EscProject *project;
  GtkWidget *weekday_toggles[ESC_N_WEEKDAYS];
  GPtrArray *store_checks;        /* GtkCheckButton, their ids as "esc-id" data */
  GPtrArray *role_checks;
  GPtrArray *objective_rows;      /* EscObjectiveRow, in order; owned */
  GArray *granularity_values;     /* int minutes, parallel to granularity_names */
  char *shown_objectives;
  guint refresh_id;
  gboolean stale;               /* changed while not shown */
  gboolean updating;
};

static void refresh (EscParametersPage *self);

G_DEFINE_FINAL_TYPE (EscParametersPage, esc_parameters_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
get_parameter (EscParametersPage *self,
               const char        *key)
{
  const char *value = esc_project_get_parameter (self->project, key);

  return value != NULL ? value : "";
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;
  gsize length;

  if (value == (double) (gint64) value)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  /* Two decimals at most, without trailing zeros: "10.5". */
  text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
  length = strlen (text);
  while (length > 0 && text[length - 1] == '0')
    text[--length] = '\0';
  if (length > 0 && text[length - 1] == '.')
    text[--length] = '\0';
  return text;
}

static char *
format_long_date (EscJulian julian)
{
  return esc_display_date_long (julian);
}

/* Writing */

static void
write_objectives (EscParametersPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->objective_rows->len; i++)
    {
      EscObjectiveRow *row = g_ptr_array_index (self->objective_rows, i);

      if (!esc_objective_row_get_enabled (row))
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, esc_objective_row_get_objective (row));
    }
  g_free (self->shown_objectives);
  self->shown_objectives = g_strdup (text->str);
  esc_parameters_page_set_parameter (self, "objective_function", text->str);
}

static void
write_checked_ids (EscParametersPage *self,
                   GPtrArray         *checks,
                   const char        *key)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_checked = 0;

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      if (!gtk_check_button_get_active (check))
        continue;
      n_checked++;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_object_get_data (G_OBJECT (check), "esc-id"));
    }
  /* All, or none (planning nothing is no plan): the blank value, which means all. */
  if (n_checked == checks->len || n_checked == 0)
    g_string_truncate (text, 0);
  esc_parameters_page_set_parameter (self, key, text->str);
}

/* Objective list */

static void
show_objective_order (EscParametersPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->objectives_list))) != NULL)
    gtk_list_box_remove (self->objectives_list, child);
  for (guint i = 0; i < self->objective_rows->len; i++)
    {
      EscObjectiveRow *row = g_ptr_array_index (self->objective_rows, i);

      esc_objective_row_set_rank (row, i + 1, self->objective_rows->len);
      gtk_list_box_append (self->objectives_list, GTK_WIDGET (row));
    }
}

static void
move_objective (EscParametersPage *self,
                guint              from,
                guint              to)
{
  gpointer row;

  if (from == to || from >= self->objective_rows->len || to >= self->objective_rows->len)
    return;
  row = g_ptr_array_steal_index (self->objective_rows, from);
  g_ptr_array_insert (self->objective_rows, to, row);
  show_objective_order (self);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  write_objectives (self);
}

static void
objective_moved_cb (EscObjectiveRow   *row,
                    int                delta,
                    EscParametersPage *self)
{
  guint index;

  if (!g_ptr_array_find (self->objective_rows, row, &index))
    return;
  if ((delta < 0 && index == 0) || (delta > 0 && index + 1 >= self->objective_rows->len))
    return;
  move_objective (self, index, index + delta);
}

static void
objective_dropped_cb (EscObjectiveRow   *row,
                      const char        *objective,
                      EscParametersPage *self)
{
  guint to;

  if (!g_ptr_array_find (self->objective_rows, row, &to))
    return;
  for (guint from = 0; from < self->objective_rows->len; from++)
    if (g_strcmp0 (esc_objective_row_get_objective (g_ptr_array_index (self->objective_rows,
                                                                       from)),
                   objective) == 0)
      {
        move_objective (self, from, to);
        return;
      }
}

static void
objective_toggled_cb (EscParametersPage *self)
{
  if (!self->updating)
    write_objectives (self);
}

static void
fill_objectives (EscParametersPage *self,
                 const char        *text)
{
  g_auto(GStrv) entries = g_strsplit (text, ",", -1);
  const char * const *names = esc_schema_get_objective_names ();
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_ptr_array_set_size (self->objective_rows, 0);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      char *entry = esc_strip_dup (entries[i]);
      GtkWidget *row;

      if (*entry == '\0' || g_hash_table_contains (used, entry))
        {
          g_free (entry);
          continue;
        }
      row = esc_objective_row_new (entry, TRUE);
      g_ptr_array_add (self->objective_rows, g_object_ref_sink (row));
      g_hash_table_add (used, entry);
    }
  for (guint i = 0; names[i] != NULL; i++)
    if (!g_hash_table_contains (used, names[i]))
      g_ptr_array_add (self->objective_rows,
                       g_object_ref_sink (esc_objective_row_new (names[i], FALSE)));

  for (guint i = 0; i < self->objective_rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->objective_rows, i);

      g_signal_connect_object (row, "move", G_CALLBACK (objective_moved_cb), self, 0);
      g_signal_connect_object (row, "dropped", G_CALLBACK (objective_dropped_cb), self, 0);
      g_signal_connect_object (row, "notify::enabled", G_CALLBACK (objective_toggled_cb), self,
                               G_CONNECT_SWAPPED);
    }
  show_objective_order (self);
  g_free (self->shown_objectives);
  self->shown_objectives = g_strdup (text);
}

/* Stores and roles */

static void
ids_toggled_cb (GtkCheckButton    *check,
                EscParametersPage *self)
{
  if (self->updating)
    return;
  if (g_ptr_array_find (self->store_checks, check, NULL))
    write_checked_ids (self, self->store_checks, "store_id");
  else
    write_checked_ids (self, self->role_checks, "role_id");
}

static void
fill_id_checks (EscParametersPage *self,
                AdwExpanderRow    *expander,
                GPtrArray         *checks,
                EscTableId         table_id,
                const char        *key,
                const char        *all_label)
{
  EscTable *table = esc_project_get_table (self->project, table_id);
  const EscTableSchema *schema = esc_table_get_schema (table);
  int name_column = esc_schema_find_column (schema, "name");
  g_auto(GStrv) chosen = esc_split_list (get_parameter (self, key));
  gboolean all = chosen[0] == NULL;
  guint n = esc_table_get_n_rows (table);
  gboolean same = checks->len == n;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (g_object_get_data (g_ptr_array_index (checks, i), "esc-id"),
                      esc_row_get (esc_table_get_row (table, i), schema->id_column)) == 0;

  if (!same)
    {
      for (guint i = 0; i < checks->len; i++)
        {
          GtkWidget *check = g_ptr_array_index (checks, i);
          GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

          if (row != NULL)
            adw_expander_row_remove (expander, row);
        }
      g_ptr_array_set_size (checks, 0);
      for (guint i = 0; i < n; i++)
        {
          EscRow *source = esc_table_get_row (table, i);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();
          const char *id = esc_row_get (source, schema->id_column);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), id);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          if (name_column >= 0)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), esc_row_get (source, name_column));
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          g_object_set_data_full (G_OBJECT (check), "esc-id", g_strdup (id), g_free);
          g_signal_connect_object (check, "toggled", G_CALLBACK (ids_toggled_cb), self, 0);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_expander_row_add_row (expander, row);
          g_ptr_array_add (checks, check);
        }
    }

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      const char *id = g_object_get_data (G_OBJECT (check), "esc-id");

      gtk_check_button_set_active (check, all || g_strv_contains ((const char * const *) chosen, id));
    }

  if (all)
    adw_expander_row_set_subtitle (expander, all_label);
  else
    {
      g_autofree char *list = g_strjoinv (", ", chosen);

      adw_expander_row_set_subtitle (expander, list);
    }
}

/* Signal callbacks */

static void
start_picked_cb (EscParametersPage *self,
                 guint              date)
{
  g_autofree char *text = esc_format_date (date);

  esc_parameters_page_set_parameter (self, "start_date", text);
}

static void
spin_changed_cb (EscParametersPage *self,
                 GtkSpinButton     *spin)
{
  const char *key = g_object_get_data (G_OBJECT (spin), "esc-parameter");
  g_autofree char *text = format_number (gtk_spin_button_get_value (spin));

  if (self->updating || key == NULL)
    return;
  esc_parameters_page_set_parameter (self, key, text);
}

static void
first_day_selected_cb (EscParametersPage *self)
{
  guint selected = adw_combo_row_get_selected (self->first_day_row);

  if (self->updating || selected >= ESC_N_WEEKDAYS)
    return;
  esc_parameters_page_set_parameter (self, "first_day_of_week", esc_weekday_code (selected));
}

static void
granularity_selected_cb (EscParametersPage *self)
{
  guint selected = adw_combo_row_get_selected (self->granularity_row);
  g_autofree char *text = NULL;

  if (self->updating || selected >= self->granularity_values->len)
    return;
  text = g_strdup_printf ("%d", g_array_index (self->granularity_values, int, selected));
  esc_parameters_page_set_parameter (self, "granularity", text);
}

static void
weekday_toggled_cb (EscParametersPage *self)
{
  EscWeekdaySet set = 0;
  g_autofree char *text = NULL;

  if (self->updating)
    return;
  for (EscWeekday day = ESC_MON; day < ESC_N_WEEKDAYS; day++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->weekday_toggles[day])))
      set |= 1 << day;
  text = esc_format_weekday_set (set);
  esc_parameters_page_set_parameter (self, "allocation_priority_weekdays", text);
}

static void
intervals_applied_cb (EscParametersPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->intervals_row));
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GError) error = NULL;

  if (!esc_parse_day_ranges (text, &ranges, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->intervals_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->intervals_row), error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->intervals_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->intervals_row), NULL);
  esc_parameters_page_set_parameter (self, "allocation_priority_interval", text);
}

static void
intervals_changed_cb (EscParametersPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->intervals_row));
  g_autoptr(GArray) ranges = NULL;

  /* Say at once when it does not read; it is written on Apply. */
  if (esc_parse_day_ranges (text, &ranges, NULL))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->intervals_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->intervals_row), NULL);
    }
}

static void
reset_objectives_clicked_cb (EscParametersPage *self)
{
  fill_objectives (self, esc_schema_get_default_objectives ());
  write_objectives (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  EscParametersPage *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
project_changed_cb (EscParametersPage *self)
{
  /* A page not on screen catches up when it is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_cb, self, NULL);
}

/* Reading */

static void
set_spin (GtkSpinButton *spin,
          double         value)
{
  if (gtk_spin_button_get_value (spin) != value)
    gtk_spin_button_set_value (spin, value);
}

static double
read_number (const char *text,
             double      fallback)
{
  double value;

  return esc_parse_number (text, &value, NULL) ? value : fallback;
}

static double
read_hours (const char *text,
            double      fallback)
{
  int minutes;

  return esc_parse_hours (text, &minutes, NULL) ? minutes / 60.0 : fallback;
}

static void
refresh_granularity (EscParametersPage *self)
{
  int value = (int) read_number (get_parameter (self, "granularity"), 1);
  guint n_names = g_list_model_get_n_items (G_LIST_MODEL (self->granularity_names));
  guint selected = 0;
  gboolean found = FALSE;

  g_array_set_size (self->granularity_values, 0);
  gtk_string_list_splice (self->granularity_names, 0, n_names, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (granularities); i++)
    {
      if (!found && value < granularities[i])
        {
          g_autofree char *name = g_strdup_printf (ngettext ("%d minute", "%d minutes", value),
                                                   value);

          selected = self->granularity_values->len;
          g_array_append_val (self->granularity_values, value);
          gtk_string_list_append (self->granularity_names, name);
          found = TRUE;
        }
      {
        g_autofree char *name = g_strdup_printf (ngettext ("%d minute", "%d minutes",
                                                           granularities[i]),
                                                 granularities[i]);

        if (granularities[i] == value)
          {
            selected = self->granularity_values->len;
            found = TRUE;
          }
        g_array_append_val (self->granularity_values, granularities[i]);
        gtk_string_list_append (self->granularity_names, name);
      }
    }
  if (!found)
    {
      g_autofree char *name = g_strdup_printf (ngettext ("%d minute", "%d minutes", value), value);

      selected = self->granularity_values->len;
      g_array_append_val (self->granularity_values, value);
      gtk_string_list_append (self->granularity_names, name);
    }
  adw_combo_row_set_selected (self->granularity_row, selected);
}

static void
refresh_problems (EscParametersPage *self,
                  GPtrArray         *diagnostics)
{
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const EscDiagnostic *d = g_ptr_array_index (diagnostics, i);
      GtkWidget *row;
      GtkWidget *icon;

      if (d->table != ESC_TABLE_PARAMETER && d->table != ESC_N_TABLES)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), d->message);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      icon = gtk_image_new_from_icon_name (d->severity == ESC_SEVERITY_ERROR
                                             ? "dialog-error-symbolic"
                                             : "dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, d->severity == ESC_SEVERITY_ERROR ? "error" : "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->problems_list, row);
      n++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n > 0);
}

static void
refresh (EscParametersPage *self)
{
  EscJulian start = 0;
  int horizon = 0;
  EscWeekdaySet priority = 0;
  const char *objectives;
  const char *intervals;

  self->updating = TRUE;

  if (esc_project_get_start_date (self->project, &start, NULL))
    esc_date_button_set_date (self->start_button, start);
  else
    esc_date_button_set_date (self->start_button, 0);

  if (esc_project_get_horizon (self->project, &horizon, NULL))
    set_spin (self->horizon_spin, horizon);
  if (start != 0 && horizon > 0)
    {
      g_autofree char *last = format_long_date (start + horizon - 1);
      /* TRANSLATORS: the subtitle of the horizon: "Until Sunday, 3 January 2027" */
      g_autofree char *subtitle = g_strdup_printf (_("Until %s"), last);

      adw_action_row_set_subtitle (self->horizon_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->horizon_row, _("Number of days to schedule"));

  adw_combo_row_set_selected (self->first_day_row, esc_project_get_first_day_of_week (self->project));

  fill_id_checks (self, self->stores_row, self->store_checks, ESC_TABLE_STORE, "store_id",
                  _("All stores"));
  fill_id_checks (self, self->roles_row, self->role_checks, ESC_TABLE_ROLE, "role_id",
                  _("All roles"));

  objectives = get_parameter (self, "objective_function");
  if (g_strcmp0 (objectives, self->shown_objectives) != 0)
    fill_objectives (self, objectives);

  set_spin (self->time_limit_spin, read_number (get_parameter (self, "max_solution_time"), 60));
  set_spin (self->wait_spin, read_number (get_parameter (self, "max_solution_improvement_wait"),
                                          10));
  refresh_granularity (self);

  esc_parse_weekday_set (get_parameter (self, "allocation_priority_weekdays"), &priority, NULL);
  for (EscWeekday day = ESC_MON; day < ESC_N_WEEKDAYS; day++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->weekday_toggles[day]),
                                  (priority & (1 << day)) != 0);

  intervals = get_parameter (self, "allocation_priority_interval");
  if (!gtk_widget_has_focus (GTK_WIDGET (self->intervals_row)) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->intervals_row)), intervals) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->intervals_row), intervals);

  set_spin (self->rest_spin, read_hours (get_parameter (self, "min_rest_between_shifts"), 11));
  set_spin (self->break_after_spin, read_hours (get_parameter (self, "break_threshold_hours"), 6));
  set_spin (self->break_minutes_spin, read_number (get_parameter (self, "break_minutes"), 60));

  self->updating = FALSE;
}

/* Parent overrides */

static void
esc_parameters_page_map (GtkWidget *widget)
{
  EscParametersPage *self = (EscParametersPage *) widget;

  GTK_WIDGET_CLASS (esc_parameters_page_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      refresh (self);
    }
}

static void
esc_parameters_page_constructed (GObject *object)
{
  EscParametersPage *self = ESC_PARAMETERS_PAGE (object);

  G_OBJECT_CLASS (esc_parameters_page_parent_class)->constructed (object);

  g_signal_connect_object (self->project, "changed", G_CALLBACK (project_changed_cb), self,
                           G_CONNECT_SWAPPED);
  for (EscTableId t = 0; t < ESC_N_TABLES; t++)
    if (t == ESC_TABLE_PARAMETER || t == ESC_TABLE_STORE || t == ESC_TABLE_ROLE)
      g_signal_connect_object (esc_project_get_table (self->project, t), "items-changed",
                               G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
esc_parameters_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EscParametersPage *self = ESC_PARAMETERS_PAGE (object);

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
esc_parameters_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EscParametersPage *self = ESC_PARAMETERS_PAGE (object);

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
esc_parameters_page_dispose (GObject *object)
{
  EscParametersPage *self = ESC_PARAMETERS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESC_TYPE_PARAMETERS_PAGE);
  if (self->objective_rows != NULL)
    g_ptr_array_set_size (self->objective_rows, 0);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (esc_parameters_page_parent_class)->dispose (object);
}

static void
esc_parameters_page_finalize (GObject *object)
{
  EscParametersPage *self = ESC_PARAMETERS_PAGE (object);

  g_clear_pointer (&self->store_checks, g_ptr_array_unref);
  g_clear_pointer (&self->role_checks, g_ptr_array_unref);
  g_clear_pointer (&self->objective_rows, g_ptr_array_unref);
  g_clear_pointer (&self->granularity_values, g_array_unref);
  g_clear_pointer (&self->shown_objectives, g_free);

  G_OBJECT_CLASS (esc_parameters_page_parent_class)->finalize (object);
}

static void
esc_parameters_page_class_init (EscParametersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = esc_parameters_page_constructed;
  widget_class->map = esc_parameters_page_map;
  object_class->get_property = esc_parameters_page_get_property;
  object_class->set_property = esc_parameters_page_set_property;
  object_class->dispose = esc_parameters_page_dispose;
  object_class->finalize = esc_parameters_page_finalize;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, ESC_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ESC_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-parameters-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, start_row);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, horizon_row);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, horizon_spin);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, first_day_row);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, stores_row);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, roles_row);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, objectives_list);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, time_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, wait_spin);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, granularity_row);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, granularity_names);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, weekday_box);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, intervals_row);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, rest_spin);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, break_after_spin);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, break_minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, problems_group);
  gtk_widget_class_bind_template_child (widget_class, EscParametersPage, problems_list);
  gtk_widget_class_bind_template_callback (widget_class, start_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, first_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, granularity_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, intervals_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, intervals_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_objectives_clicked_cb);
}

static void
esc_parameters_page_init (EscParametersPage *self)
{
  static const char *short_names[] = {
    /* TRANSLATORS: weekday abbreviations on the priority weekday toggles */
    N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun")
  };
  static const char *long_names[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
    N_("Sunday")
  };

  self->store_checks = g_ptr_array_new ();
  self->role_checks = g_ptr_array_new ();
  self->objective_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->granularity_values = g_array_new (FALSE, FALSE, sizeof (int));
  self->updating = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_set_data (G_OBJECT (self->horizon_spin), "esc-parameter", (gpointer) "max_horizon");
  g_object_set_data (G_OBJECT (self->time_limit_spin), "esc-parameter",
                     (gpointer) "max_solution_time");
  g_object_set_data (G_OBJECT (self->wait_spin), "esc-parameter",
                     (gpointer) "max_solution_improvement_wait");
  g_object_set_data (G_OBJECT (self->rest_spin), "esc-parameter",
                     (gpointer) "min_rest_between_shifts");
  g_object_set_data (G_OBJECT (self->break_after_spin), "esc-parameter",
                     (gpointer) "break_threshold_hours");
  g_object_set_data (G_OBJECT (self->break_minutes_spin), "esc-parameter",
                     (gpointer) "break_minutes");

  for (EscWeekday day = ESC_MON; day < ESC_N_WEEKDAYS; day++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (_(short_names[day]));

      gtk_widget_set_tooltip_text (toggle, _(long_names[day]));
      g_signal_connect_swapped (toggle, "toggled", G_CALLBACK (weekday_toggled_cb), self);
      gtk_box_append (self->weekday_box, toggle);
      self->weekday_toggles[day] = toggle;
    }
  self->updating = FALSE;
}

/* Public API */

GtkWidget *
esc_parameters_page_new (EscProject *project)
{
  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  return g_object_new (ESC_TYPE_PARAMETERS_PAGE, "project", project, NULL);
}

void
esc_parameters_page_set_diagnostics (EscParametersPage *self,
                                     GPtrArray         *diagnostics)
{
  g_return_if_fail (ESC_IS_PARAMETERS_PAGE (self));

  refresh_problems (self, diagnostics);
}

void
esc_parameters_page_set_parameter (EscParametersPage *self,
                                   const char        *key,
                                   const char        *value)
{
  EscTable *table;
  EscRow *row;
  const EscParameterDef *def;
  g_autoptr(EscCommand) command = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (ESC_IS_PARAMETERS_PAGE (self));
  g_return_if_fail (key != NULL);

  if (value == NULL)
    value = "";
  table = esc_project_get_table (self->project, ESC_TABLE_PARAMETER);
  row = esc_project_find_parameter_row (self->project, key);
  def = esc_schema_find_parameter (key);

  if (row != NULL)
    {
      if (g_strcmp0 (esc_row_get (row, ESC_PARAMETER_VALUE), value) == 0)
        return;
      command = esc_command_new_set_cell (table, row, ESC_PARAMETER_VALUE, value);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

      if (*value == '\0')
        return;
      g_ptr_array_add (rows, esc_row_new_with_values (ESC_TABLE_PARAMETER,
                                                      (const char *[ESC_PARAMETER_N_COLUMNS]) {
                                                        [ESC_PARAMETER_KEY] = key,
                                                        [ESC_PARAMETER_VALUE] = value,
                                                      }));
      command = esc_command_new_insert_rows (table, esc_table_get_n_rows (table), rows);
    }

  /* TRANSLATORS: an undoable change: "Set Horizon (days) to “35”" */
  label = g_strdup_printf (_("Set %s to “%s”"), def != NULL ? _(def->title) : key, value);
  esc_command_set_label (command, label);
  esc_project_execute (self->project, command);
}

GtkWidget *
esc_parameters_page_get_editor (EscParametersPage *self,
                                const char        *key)
{
  g_return_val_if_fail (ESC_IS_PARAMETERS_PAGE (self), NULL);

  if (g_strcmp0 (key, "start_date") == 0)
    return GTK_WIDGET (self->start_button);
  if (g_strcmp0 (key, "max_horizon") == 0)
    return GTK_WIDGET (self->horizon_spin);
  if (g_strcmp0 (key, "first_day_of_week") == 0)
    return GTK_WIDGET (self->first_day_row);
  if (g_strcmp0 (key, "store_id") == 0)
    return GTK_WIDGET (self->stores_row);
  if (g_strcmp0 (key, "role_id") == 0)
    return GTK_WIDGET (self->roles_row);
  if (g_strcmp0 (key, "objective_function") == 0)
    return GTK_WIDGET (self->objectives_list);
  if (g_strcmp0 (key, "max_solution_time") == 0)
    return GTK_WIDGET (self->time_limit_spin);
  if (g_strcmp0 (key, "max_solution_improvement_wait") == 0)
    return GTK_WIDGET (self->wait_spin);
  if (g_strcmp0 (key, "granularity") == 0)
    return GTK_WIDGET (self->granularity_row);
  if (g_strcmp0 (key, "allocation_priority_weekdays") == 0)
    return GTK_WIDGET (self->weekday_box);
  if (g_strcmp0 (key, "allocation_priority_interval") == 0)
    return GTK_WIDGET (self->intervals_row);
  if (g_strcmp0 (key, "min_rest_between_shifts") == 0)
    return GTK_WIDGET (self->rest_spin);
  if (g_strcmp0 (key, "break_threshold_hours") == 0)
    return GTK_WIDGET (self->break_after_spin);
  if (g_strcmp0 (key, "break_minutes") == 0)
    return GTK_WIDGET (self->break_minutes_spin);
  return NULL;
}
