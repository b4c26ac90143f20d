/* esc-audit-page.c: the audit log, read-only, filtered by table and employee.
 *
 * The Audit table (esc-audit.h) in time order, in a GtkColumnView; a drop-down picks a
 * table and a search entry an employee id (exact match, case-insensitive).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/esc-display.h"
#include "core/esc-table.h"
#include "esc-audit-page.h"

struct _EscAuditPage
{
  GtkWidget parent_instance;

  /* template children */
  GtkDropDown *table_dropdown;
  GtkSearchEntry *employee_entry;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkColumnView *column_view;
  AdwStatusPage *empty_page;

  EscProject *project;
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  char *table_key;   /* NULL: every table */
  char *employee;    /* NULL: everyone */
};

G_DEFINE_FINAL_TYPE (EscAuditPage, esc_audit_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  EscAuditPage *self = user_data;
  EscRow *row = item;

  if (self->table_key != NULL &&
      g_strcmp0 (esc_row_get (row, ESC_AUDIT_TABLE), self->table_key) != 0)
    return FALSE;
  if (self->employee != NULL &&
      g_ascii_strcasecmp (esc_row_get (row, ESC_AUDIT_EMPLOYEE), self->employee) != 0)
    return FALSE;
  return TRUE;
}

/* The count above the log, and the log or, when it shows nothing, a status page that
 * says why: nothing logged yet, or nothing the filters let through. */
static void
update_count (EscAuditPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = esc_table_get_n_rows (esc_project_get_table (self->project, ESC_TABLE_AUDIT));
  g_autofree char *text = NULL;

  /* Not "0 changes": some languages (pt_BR) use the singular for zero. */
  if (shown == 0)
    text = g_strdup (_("No changes"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", shown),
                            shown);
  gtk_label_set_text (self->count_label, text);

  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "log");
      return;
    }
  if (total == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Changes Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Changes made in Escala are listed here as they are made: edits, "
                                         "imports, solves, undo and redo, with the time and who made them. "
                                         "The log is saved with the project."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Changes"));
      adw_status_page_set_description (self->empty_page,
                                       _("No change concerns this table or employee. Pick “All tables” "
                                         "or clear the employee to see the whole log."));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
esc_audit_page_set_filter (EscAuditPage *self,
                           const char   *table_key,
                           const char   *employee)
{
  g_return_if_fail (ESC_IS_AUDIT_PAGE (self));

  g_free (self->table_key);
  self->table_key = table_key != NULL && *table_key != '\0' ? g_strdup (table_key) : NULL;
  g_free (self->employee);
  self->employee = employee != NULL && *employee != '\0' ? g_strdup (employee) : NULL;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

guint
esc_audit_page_get_n_shown (EscAuditPage *self)
{
  g_return_val_if_fail (ESC_IS_AUDIT_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

static void
filters_changed_cb (EscAuditPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->table_dropdown);
  const char *key = NULL;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    key = esc_schema_get_table ((EscTableId) (selected - 1))->key;
  esc_audit_page_set_filter (self, key, gtk_editable_get_text (GTK_EDITABLE (self->employee_entry)));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  EscRow *row = gtk_list_item_get_item (item);
  const char *text = esc_row_get (row, column);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  if (column == ESC_AUDIT_TABLE && *text != '\0')
    {
      const EscTableSchema *schema = esc_schema_find_table (text);

      if (schema != NULL)
        text = _(schema->title);
    }
  else if (column == ESC_AUDIT_TIME)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);
      g_autofree char *shown = time != NULL ? esc_display_date_time (time, TRUE) : NULL;

      if (shown != NULL && *shown != '\0')
        {
          gtk_label_set_text (label, shown);
          return;
        }
    }
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), column == ESC_AUDIT_ACTION ? text : NULL);
}

static void
add_column (EscAuditPage *self,
            guint         column,
            gboolean      expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  const EscColumn *schema = &esc_schema_get_table (ESC_TABLE_AUDIT)->columns[column];

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (_(schema->title), g_object_ref (factory));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
esc_audit_page_constructed (GObject *object)
{
  EscAuditPage *self = ESC_AUDIT_PAGE (object);
  g_autoptr(GtkStringList) tables = gtk_string_list_new (NULL);
  EscTable *table = esc_project_get_table (self->project, ESC_TABLE_AUDIT);
  GtkNoSelection *selection;

  G_OBJECT_CLASS (esc_audit_page_parent_class)->constructed (object);

  gtk_string_list_append (tables, _("All tables"));
  for (EscTableId t = 0; t < ESC_N_TABLES; t++)
    gtk_string_list_append (tables, _(esc_schema_get_table (t)->title));
  gtk_drop_down_set_model (self->table_dropdown, G_LIST_MODEL (tables));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (table)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  add_column (self, ESC_AUDIT_TIME, FALSE);
  add_column (self, ESC_AUDIT_USER, FALSE);
  add_column (self, ESC_AUDIT_TABLE, FALSE);
  add_column (self, ESC_AUDIT_EMPLOYEE, FALSE);
  add_column (self, ESC_AUDIT_ACTION, TRUE);

  g_signal_connect_object (self->table_dropdown, "notify::selected",
                           G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->employee_entry, "search-changed",
                           G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  update_count (self);
}

static void
esc_audit_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EscAuditPage *self = ESC_AUDIT_PAGE (object);

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
esc_audit_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EscAuditPage *self = ESC_AUDIT_PAGE (object);

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
esc_audit_page_dispose (GObject *object)
{
  EscAuditPage *self = ESC_AUDIT_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ESC_TYPE_AUDIT_PAGE);
  /* Children of the template that are not bound by name stay parented: unparent them. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (esc_audit_page_parent_class)->dispose (object);
}

static void
esc_audit_page_finalize (GObject *object)
{
  EscAuditPage *self = ESC_AUDIT_PAGE (object);

  g_free (self->table_key);
  g_free (self->employee);

  G_OBJECT_CLASS (esc_audit_page_parent_class)->finalize (object);
}

static void
esc_audit_page_class_init (EscAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = esc_audit_page_constructed;
  object_class->get_property = esc_audit_page_get_property;
  object_class->set_property = esc_audit_page_set_property;
  object_class->dispose = esc_audit_page_dispose;
  object_class->finalize = esc_audit_page_finalize;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, ESC_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscAuditPage, table_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscAuditPage, employee_entry);
  gtk_widget_class_bind_template_child (widget_class, EscAuditPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, EscAuditPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EscAuditPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, EscAuditPage, empty_page);
}

static void
esc_audit_page_init (EscAuditPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
esc_audit_page_new (EscProject *project)
{
  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  return g_object_new (ESC_TYPE_AUDIT_PAGE, "project", project, NULL);
}
