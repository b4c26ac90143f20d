/* esc-leave-page.c: the Leave page: an employee's leave as a list of intervals.
 *
 * HR picks an employee and sees each leave interval as a row with two date pickers
 * and optional times; adding, changing or removing one rewrites the employee's leave
 * cell in canonical form (esc_leave_spans_format()) through a set-cell command, so it
 * is undoable like any grid edit. The cell's text is shown and editable below the list;
 * a text that does not read is shown with the reason and never rewritten by the list.
 * A list of the employees with leave lets HR jump between them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/esc-display.h"
#include "core/esc-validate.h"
#include "esc-leave-page.h"

/* The list of employees on leave shows at most this many. */
#define MAX_LISTED_EMPLOYEES 100

struct _EscLeavePage
{
  AdwBin parent_instance;

  /* template children */
  GtkDropDown *employee_dropdown;
  GtkStringList *employee_names;
  AdwPreferencesGroup *leave_group;
  GtkListBox *leave_list;
  AdwActionRow *empty_row;
  AdwActionRow *problem_row;
  AdwEntryRow *text_row;
  AdwPreferencesGroup *on_leave_group;
  GtkListBox *on_leave_list;
  GtkButton *add_button;

  EscProject *project;
  GPtrArray *employees;         /* EscRow, in the order of employee_names */
  EscRow *employee;             /* shown; owned */
  GPtrArray *leave_rows;        /* EscLeaveRow shown */
  char *shown_text;             /* the leave text the rows show */
  guint refresh_id;
  gboolean stale;               /* changed while not shown */
  gboolean updating;
};

static void refresh_rows (EscLeavePage *self);

G_DEFINE_FINAL_TYPE (EscLeavePage, esc_leave_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static EscTable *
get_employees (EscLeavePage *self)
{
  return esc_project_get_table (self->project, ESC_TABLE_EMPLOYEE);
}

static char *
describe_employee (EscRow *row)
{
  const char *id = esc_row_get (row, ESC_EMPLOYEE_ID);
  const char *name = esc_row_get (row, ESC_EMPLOYEE_NAME);

  if (*name == '\0')
    return g_strdup (*id != '\0' ? id : _("(no code)"));
  /* TRANSLATORS: an employee in the leave page's chooser: "E001 — Ana Souza" */
  return g_strdup_printf (_("%s — %s"), id, name);
}

/* A leave cell as a person reads it: "14.12.2026 – 20.12.2026, 31.12.2026" under de_DE;
 * the cell's own text when it does not read. */
static char *
describe_leave (const char *text)
{
  g_autoptr(GArray) intervals = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);

  if (!esc_parse_leave (text, &intervals, NULL))
    return g_strdup (text);
  for (guint i = 0; i < intervals->len; i++)
    {
      const EscInterval *interval = &g_array_index (intervals, EscInterval, i);
      EscJulian first = (EscJulian) (interval->start / ESC_MINUTES_PER_DAY);
      EscJulian last = (EscJulian) ((interval->end - 1) / ESC_MINUTES_PER_DAY);
      g_autofree char *from = esc_display_date (first);
      g_autofree char *to = esc_display_date (last);

      if (shown->len > 0)
        g_string_append (shown, ", ");
      if (interval->start % ESC_MINUTES_PER_DAY == 0 && interval->end % ESC_MINUTES_PER_DAY == 0)
        {
          /* Whole days. */
          g_string_append (shown, from);
          if (last != first)
            g_string_append_printf (shown, " – %s", to);
        }
      else
        {
          /* An end at midnight is the last day's 24:00. */
          int end_minutes = (int) ((interval->end - 1) % ESC_MINUTES_PER_DAY) + 1;
          g_autofree char *from_time = esc_display_time ((int) (interval->start % ESC_MINUTES_PER_DAY));
          g_autofree char *to_time = esc_display_time (end_minutes);

          g_string_append_printf (shown, "%s %s – %s %s", from, from_time, to, to_time);
        }
    }
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

static void
write_leave (EscLeavePage *self,
             const char   *text)
{
  EscTable *table = get_employees (self);
  g_autoptr(EscCommand) command = NULL;

  if (self->employee == NULL || esc_table_index_of (table, self->employee) == G_MAXUINT)
    return;
  if (g_strcmp0 (esc_row_get (self->employee, ESC_EMPLOYEE_LEAVE), text) == 0)
    return;

  g_free (self->shown_text);
  self->shown_text = g_strdup (text);
  command = esc_command_new_set_cell (table, self->employee, ESC_EMPLOYEE_LEAVE, text);
  esc_project_execute (self->project, command);
}

static void
write_rows (EscLeavePage *self)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (EscLeaveSpan));
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->leave_rows->len; i++)
    {
      EscLeaveSpan span;

      esc_leave_row_get_span (g_ptr_array_index (self->leave_rows, i), &span);
      g_array_append_val (spans, span);
    }
  text = esc_leave_spans_format (spans);
  write_leave (self, text);
}

static void
leave_row_changed_cb (EscLeavePage *self)
{
  if (!self->updating)
    write_rows (self);
}

static void
leave_row_removed_cb (EscLeavePage *self,
                      EscLeaveRow  *row)
{
  if (!g_ptr_array_remove (self->leave_rows, row))
    return;
  gtk_list_box_remove (self->leave_list, GTK_WIDGET (row));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), self->leave_rows->len == 0);
  write_rows (self);
}

static void
clear_leave_rows (EscLeavePage *self)
{
  for (guint i = 0; i < self->leave_rows->len; i++)
    gtk_list_box_remove (self->leave_list, g_ptr_array_index (self->leave_rows, i));
  g_ptr_array_set_size (self->leave_rows, 0);
}

static EscLeaveRow *
append_leave_row (EscLeavePage       *self,
                  const EscLeaveSpan *span)
{
  GtkWidget *row = esc_leave_row_new ();

  esc_leave_row_set_span (ESC_LEAVE_ROW (row), span);
  g_signal_connect_object (row, "changed", G_CALLBACK (leave_row_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (leave_row_removed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_insert (self->leave_list, row, -1);
  g_ptr_array_add (self->leave_rows, row);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), FALSE);
  return ESC_LEAVE_ROW (row);
}

/* The text, its rows and the problem of the employee shown. */
static void
refresh_rows (EscLeavePage *self)
{
  const char *text = self->employee != NULL ? esc_row_get (self->employee, ESC_EMPLOYEE_LEAVE) : "";
  g_autoptr(GArray) intervals = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  self->updating = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->leave_group), self->employee != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_row), self->employee != NULL);

  if (self->employee != NULL)
    /* TRANSLATORS: the heading of the leave list: "Leave of Ana Souza" */
    title = g_strdup_printf (_("Leave of %s"),
                             *esc_row_get (self->employee, ESC_EMPLOYEE_NAME) != '\0'
                               ? esc_row_get (self->employee, ESC_EMPLOYEE_NAME)
                               : esc_row_get (self->employee, ESC_EMPLOYEE_ID));
  adw_preferences_group_set_title (self->leave_group, title != NULL ? title : _("Leave"));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->text_row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->text_row), text);

  if (g_strcmp0 (self->shown_text, text) != 0 || self->leave_rows->len == 0)
    {
      clear_leave_rows (self);
      g_free (self->shown_text);
      self->shown_text = g_strdup (text);

      if (!esc_parse_leave (text, &intervals, &error))
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->problem_row),
                                         _("The leave text cannot be read"));
          adw_action_row_set_subtitle (self->problem_row, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->problem_row), TRUE);
          gtk_widget_set_visible (GTK_WIDGET (self->empty_row), FALSE);
          gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), FALSE);
          gtk_widget_add_css_class (GTK_WIDGET (self->text_row), "error");
        }
      else
        {
          g_autoptr(GArray) spans = esc_leave_spans_from_intervals (intervals);

          gtk_widget_set_visible (GTK_WIDGET (self->problem_row), FALSE);
          gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), self->employee != NULL);
          gtk_widget_remove_css_class (GTK_WIDGET (self->text_row), "error");
          for (guint i = 0; i < spans->len; i++)
            append_leave_row (self, &g_array_index (spans, EscLeaveSpan, i));
          gtk_widget_set_visible (GTK_WIDGET (self->empty_row), spans->len == 0);
        }
    }
  self->updating = FALSE;
}

static void
on_leave_row_activated_cb (EscLeavePage  *self,
                           AdwActionRow  *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "esc-employee-id");

  esc_leave_page_select_employee (self, id);
}

static void
refresh_on_leave (EscLeavePage *self)
{
  EscTable *table = get_employees (self);
  guint n = esc_table_get_n_rows (table);
  guint listed = 0, total = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->on_leave_list))) != NULL)
    gtk_list_box_remove (self->on_leave_list, child);

  for (guint i = 0; i < n; i++)
    {
      EscRow *row = esc_table_get_row (table, i);
      GtkWidget *action_row;
      g_autofree char *title = NULL;
      g_autofree char *leave = NULL;

      if (esc_row_is_empty (row, ESC_EMPLOYEE_LEAVE))
        continue;
      total++;
      if (listed >= MAX_LISTED_EMPLOYEES)
        continue;
      listed++;
      title = describe_employee (row);
      action_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
      leave = describe_leave (esc_row_get (row, ESC_EMPLOYEE_LEAVE));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), leave);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (action_row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (action_row), "esc-employee-id",
                              g_strdup (esc_row_get (row, ESC_EMPLOYEE_ID)), g_free);
      g_signal_connect_object (action_row, "activated", G_CALLBACK (on_leave_row_activated_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->on_leave_list, action_row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->on_leave_group), total > 0);
  if (total > listed)
    {
      g_autofree char *description = g_strdup_printf (_("The first %u of %u are listed."), listed,
                                                      total);

      adw_preferences_group_set_description (self->on_leave_group, description);
    }
  else
    adw_preferences_group_set_description (self->on_leave_group, NULL);
}

static void
refresh_employees (EscLeavePage *self)
{
  EscTable *table = get_employees (self);
  guint n = esc_table_get_n_rows (table);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->employee_names));
  gboolean same = n == old_n;
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      EscRow *row = esc_table_get_row (table, i);

      g_ptr_array_add (names, describe_employee (row));
      if (same)
        same = g_ptr_array_index (self->employees, i) == row &&
               g_strcmp0 (gtk_string_list_get_string (self->employee_names, i),
                          g_ptr_array_index (names, i)) == 0;
      if (row == self->employee)
        selected = i;
    }

  self->updating = TRUE;
  if (!same)
    {
      g_ptr_array_set_size (self->employees, 0);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->employees, g_object_ref (esc_table_get_row (table, i)));
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (self->employee_names, 0, old_n, (const char * const *) names->pdata);
    }
  if (selected == GTK_INVALID_LIST_POSITION)
    {
      /* None shown yet, or it is gone: show the first one with leave, else the
       * first one. */
      g_clear_object (&self->employee);
      for (guint i = 0; i < n && selected == GTK_INVALID_LIST_POSITION; i++)
        if (!esc_row_is_empty (esc_table_get_row (table, i), ESC_EMPLOYEE_LEAVE))
          selected = i;
      if (selected == GTK_INVALID_LIST_POSITION && n > 0)
        selected = 0;
      if (selected != GTK_INVALID_LIST_POSITION)
        self->employee = g_object_ref (esc_table_get_row (table, selected));
    }
  gtk_drop_down_set_selected (self->employee_dropdown, selected);
  self->updating = FALSE;
}

static void
refresh (EscLeavePage *self)
{
  refresh_employees (self);
  refresh_rows (self);
  refresh_on_leave (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  EscLeavePage *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
project_changed_cb (EscLeavePage *self)
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

static void
employee_selected_cb (EscLeavePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->employee_dropdown);

  if (self->updating || selected >= self->employees->len)
    return;
  g_set_object (&self->employee, g_ptr_array_index (self->employees, selected));
  g_clear_pointer (&self->shown_text, g_free);
  refresh_rows (self);
}

static void
add_clicked_cb (EscLeavePage *self)
{
  esc_leave_page_add_leave (self);
}

static void
text_applied_cb (EscLeavePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text_row));
  g_autoptr(GArray) intervals = NULL;

  if (!esc_parse_leave (text, &intervals, NULL))
    gtk_widget_error_bell (GTK_WIDGET (self));
  /* Written even when it does not read: the page says why, nothing typed is lost. */
  write_leave (self, text);
  g_clear_pointer (&self->shown_text, g_free);
  refresh_rows (self);
}

static void
esc_leave_page_map (GtkWidget *widget)
{
  EscLeavePage *self = (EscLeavePage *) widget;

  GTK_WIDGET_CLASS (esc_leave_page_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      refresh (self);
    }
}

static void
esc_leave_page_constructed (GObject *object)
{
  EscLeavePage *self = ESC_LEAVE_PAGE (object);

  G_OBJECT_CLASS (esc_leave_page_parent_class)->constructed (object);

  g_signal_connect_object (self->project, "changed", G_CALLBACK (project_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (get_employees (self), "items-changed", G_CALLBACK (project_changed_cb),
                           self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
esc_leave_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EscLeavePage *self = ESC_LEAVE_PAGE (object);

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
esc_leave_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EscLeavePage *self = ESC_LEAVE_PAGE (object);

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
esc_leave_page_dispose (GObject *object)
{
  EscLeavePage *self = ESC_LEAVE_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->leave_rows != NULL)
    g_ptr_array_set_size (self->leave_rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESC_TYPE_LEAVE_PAGE);
  g_clear_object (&self->employee);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (esc_leave_page_parent_class)->dispose (object);
}

static void
esc_leave_page_finalize (GObject *object)
{
  EscLeavePage *self = ESC_LEAVE_PAGE (object);

  g_clear_pointer (&self->employees, g_ptr_array_unref);
  g_clear_pointer (&self->leave_rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown_text, g_free);

  G_OBJECT_CLASS (esc_leave_page_parent_class)->finalize (object);
}

static void
esc_leave_page_class_init (EscLeavePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = esc_leave_page_constructed;
  widget_class->map = esc_leave_page_map;
  object_class->get_property = esc_leave_page_get_property;
  object_class->set_property = esc_leave_page_set_property;
  object_class->dispose = esc_leave_page_dispose;
  object_class->finalize = esc_leave_page_finalize;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, ESC_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-leave-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscLeavePage, employee_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscLeavePage, employee_names);
  gtk_widget_class_bind_template_child (widget_class, EscLeavePage, leave_group);
  gtk_widget_class_bind_template_child (widget_class, EscLeavePage, leave_list);
  gtk_widget_class_bind_template_child (widget_class, EscLeavePage, empty_row);
  gtk_widget_class_bind_template_child (widget_class, EscLeavePage, problem_row);
  gtk_widget_class_bind_template_child (widget_class, EscLeavePage, text_row);
  gtk_widget_class_bind_template_child (widget_class, EscLeavePage, on_leave_group);
  gtk_widget_class_bind_template_child (widget_class, EscLeavePage, on_leave_list);
  gtk_widget_class_bind_template_child (widget_class, EscLeavePage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, employee_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_applied_cb);
}

static void
esc_leave_page_init (EscLeavePage *self)
{
  self->employees = g_ptr_array_new_with_free_func (g_object_unref);
  self->leave_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
esc_leave_page_new (EscProject *project)
{
  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  return g_object_new (ESC_TYPE_LEAVE_PAGE, "project", project, NULL);
}

gboolean
esc_leave_page_select_employee (EscLeavePage *self,
                                const char   *id)
{
  g_return_val_if_fail (ESC_IS_LEAVE_PAGE (self), FALSE);

  refresh_employees (self);
  for (guint i = 0; i < self->employees->len; i++)
    if (g_strcmp0 (esc_row_get (g_ptr_array_index (self->employees, i), ESC_EMPLOYEE_ID), id) == 0)
      {
        gtk_drop_down_set_selected (self->employee_dropdown, i);
        employee_selected_cb (self);
        return TRUE;
      }
  return FALSE;
}

EscRow *
esc_leave_page_get_employee (EscLeavePage *self)
{
  g_return_val_if_fail (ESC_IS_LEAVE_PAGE (self), NULL);

  return self->employee;
}

void
esc_leave_page_add_leave (EscLeavePage *self)
{
  EscLeaveSpan span = { 0, -1, 0, -1 };
  EscLeaveRow *row;

  g_return_if_fail (ESC_IS_LEAVE_PAGE (self));

  if (self->employee == NULL)
    return;
  if (!esc_project_get_start_date (self->project, &span.start_day, NULL))
    {
      g_autoptr(GDate) today = g_date_new ();

      g_date_set_time_t (today, time (NULL));
      span.start_day = g_date_get_julian (today);
    }
  span.end_day = span.start_day;
  row = append_leave_row (self, &span);
  write_rows (self);
  gtk_widget_grab_focus (GTK_WIDGET (esc_leave_row_get_start_button (row)));
}

guint
esc_leave_page_get_n_rows (EscLeavePage *self)
{
  g_return_val_if_fail (ESC_IS_LEAVE_PAGE (self), 0);

  return self->leave_rows->len;
}

EscLeaveRow *
esc_leave_page_get_row (EscLeavePage *self,
                        guint         index)
{
  g_return_val_if_fail (ESC_IS_LEAVE_PAGE (self), NULL);

  return index < self->leave_rows->len ? g_ptr_array_index (self->leave_rows, index) : NULL;
}

void
esc_leave_page_set_diagnostics (EscLeavePage *self,
                                GPtrArray    *diagnostics)
{
  g_return_if_fail (ESC_IS_LEAVE_PAGE (self));

  /* Leave that does not read shows with its reason already (refresh_rows); other
   * problems of the employee belong to the Employees grid. */
  refresh (self);
}
