/* esc-main-window.c: the main window: header bar and, for now, a summary of the project.
 *
 * Without a project the window shows a status page inviting to open one; with one, the
 * file name is the header bar's subtitle and the status page lists every table with
 * its number of rows. The grids and the Gantt chart replace the page later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/esc-table.h"
#include "esc-main-window.h"
#include "io/esc-project-file.h"

struct _EscMainWindow
{
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwWindowTitle *window_title;
  AdwStatusPage *status_page;
  GtkListBox *table_list;

  GSettings *settings;       /* NULL when the schema is not installed */
  EscProject *project;
  GtkLabel *count_labels[ESC_N_TABLES];
};

G_DEFINE_FINAL_TYPE (EscMainWindow, esc_main_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The settings, or NULL when the schema is not installed (running from the build
 * directory without GSETTINGS_SCHEMA_DIR): the app works, it just forgets. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s not installed; window state is not kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
clear_table_list (EscMainWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table_list))) != NULL)
    gtk_list_box_remove (self->table_list, child);
  memset (self->count_labels, 0, sizeof self->count_labels);
}

static void
update_counts (EscMainWindow *self)
{
  for (EscTableId id = 0; id < ESC_N_TABLES; id++)
    {
      guint n_rows;
      g_autofree char *text = NULL;

      if (self->count_labels[id] == NULL)
        continue;
      n_rows = esc_table_get_n_rows (esc_project_get_table (self->project, id));
      text = g_strdup_printf ("%u", n_rows);
      gtk_label_set_label (self->count_labels[id], text);
      if (n_rows == 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->count_labels[id]), "dim-label");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->count_labels[id]), "dim-label");
    }
}

static void
table_changed_cb (EscMainWindow *self)
{
  update_counts (self);
}

static void
fill_table_list (EscMainWindow *self)
{
  clear_table_list (self);

  for (EscTableId id = 0; id < ESC_N_TABLES; id++)
    {
      const EscTableSchema *schema = esc_schema_get_table (id);
      EscTable *table = esc_project_get_table (self->project, id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(schema->title));
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->table_list, row);
      self->count_labels[id] = GTK_LABEL (label);

      g_signal_connect_object (table, "items-changed", G_CALLBACK (table_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  update_counts (self);
}

static char *
format_long_date (EscJulian julian)
{
  g_autoptr(GDate) date = g_date_new_julian (julian);
  char text[128] = "";

  /* TRANSLATORS: a full date as strftime(3) formats it: "Monday, 7 December 2026" */
  g_date_strftime (text, sizeof text, _("%A, %-d %B %Y"), date);
  return g_strdup (text);
}

static char *
describe_horizon (EscProject *project)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  EscJulian start;
  int days;

  if (!esc_project_get_start_date (project, &start, NULL) ||
      !esc_project_get_horizon (project, &days, NULL) || days < 1)
    return g_strdup (_("The planning horizon is not set yet."));

  first = format_long_date (start);
  last = format_long_date (start + days - 1);
  /* TRANSLATORS: "From Monday, 7 December 2026 to Sunday, 3 January 2027 (28 days)" */
  return g_strdup_printf (ngettext ("From %s to %s (%d day)", "From %s to %s (%d days)", days),
                          first, last, days);
}

static void
show_empty (EscMainWindow *self)
{
  adw_window_title_set_subtitle (self->window_title, NULL);
  adw_status_page_set_icon_name (self->status_page, APP_ID "-symbolic");
  adw_status_page_set_title (self->status_page, _("No project open"));
  adw_status_page_set_description (self->status_page,
                                   _("Open a project file (.escala) to see its employees, "
                                     "shifts, demand and rules."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_page), "compact");
  gtk_widget_set_visible (GTK_WIDGET (self->table_list), FALSE);
}

static void
show_error (EscMainWindow *self,
            const char    *display_name,
            const char    *message)
{
  adw_window_title_set_subtitle (self->window_title, display_name);
  adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->status_page, _("Could not open the project"));
  adw_status_page_set_description (self->status_page, message);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_page), "compact");
  gtk_widget_set_visible (GTK_WIDGET (self->table_list), FALSE);
}

static void
show_project (EscMainWindow *self,
              const char    *display_name)
{
  g_autofree char *title = g_strdup (display_name);
  g_autofree char *description = describe_horizon (self->project);

  if (g_str_has_suffix (title, ESC_PROJECT_FILE_EXTENSION))
    title[strlen (title) - strlen (ESC_PROJECT_FILE_EXTENSION)] = '\0';

  adw_window_title_set_subtitle (self->window_title, display_name);
  adw_status_page_set_icon_name (self->status_page, NULL);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_page), "compact");
  fill_table_list (self);
  gtk_widget_set_visible (GTK_WIDGET (self->table_list), TRUE);
}

static void
set_project (EscMainWindow *self,
             EscProject    *project)
{
  if (self->project == project)
    return;

  clear_table_list (self);
  if (self->project != NULL)
    for (EscTableId id = 0; id < ESC_N_TABLES; id++)
      g_signal_handlers_disconnect_by_func (esc_project_get_table (self->project, id),
                                            table_changed_cb, self);
  g_set_object (&self->project, project);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

static void
open_dialog_responded_cb (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(EscMainWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  EscMainWindow *target = self;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file == NULL)
    goto out;

  folder = g_file_get_parent (file);
  if (self->settings != NULL && folder != NULL && g_file_peek_path (folder) != NULL)
    g_settings_set_string (self->settings, "last-folder", g_file_peek_path (folder));

  /* A window shows one project: another one opens beside it. */
  if (self->project != NULL)
    {
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

      target = esc_main_window_new (ADW_APPLICATION (application));
    }
  if (!esc_main_window_open_file (target, file, &error))
    g_debug ("%s", error->message);
  gtk_window_present (GTK_WINDOW (target));

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) projects = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *last_folder = NULL;

  dialog = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  gtk_file_filter_set_name (projects, _("Escala projects"));
  gtk_file_filter_add_pattern (projects, "*" ESC_PROJECT_FILE_EXTENSION);
  gtk_file_filter_add_mime_type (projects, "application/x-escala");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), projects);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  if (self->settings != NULL)
    last_folder = g_settings_get_string (self->settings, "last-folder");
  if (last_folder != NULL && *last_folder != '\0' &&
      g_file_test (last_folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (last_folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (open_dialog_responded_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
esc_main_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (object);

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
esc_main_window_dispose (GObject *object)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ESC_TYPE_MAIN_WINDOW);
  memset (self->count_labels, 0, sizeof self->count_labels);
  g_clear_object (&self->project);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (esc_main_window_parent_class)->dispose (object);
}

static void
esc_main_window_class_init (EscMainWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = esc_main_window_get_property;
  object_class->dispose = esc_main_window_dispose;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, ESC_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-main-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, table_list);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
}

static void
esc_main_window_init (EscMainWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = create_settings ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized",
                       G_SETTINGS_BIND_DEFAULT);
    }

  show_empty (self);
}

EscMainWindow *
esc_main_window_new (AdwApplication *application)
{
  return g_object_new (ESC_TYPE_MAIN_WINDOW, "application", application, NULL);
}

gboolean
esc_main_window_open_file (EscMainWindow  *self,
                           GFile          *file,
                           GError        **error)
{
  g_autoptr(EscProject) project = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  display_name = g_file_get_basename (file);
  if (display_name != NULL)
    {
      g_autofree char *raw = g_steal_pointer (&display_name);

      display_name = g_filename_display_name (raw);
    }
  else
    display_name = g_file_get_parse_name (file);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_parse_name (file);

      g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local file; only local project files can be opened"), uri);
    }
  else
    project = esc_project_file_load (path, &local_error);

  if (project == NULL)
    {
      set_project (self, NULL);
      show_error (self, display_name, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  set_project (self, project);
  show_project (self, display_name);
  return TRUE;
}

EscProject *
esc_main_window_get_project (EscMainWindow *self)
{
  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), NULL);

  return self->project;
}

gboolean
esc_main_window_save_png (EscMainWindow  *self,
                          const char     *path,
                          GError        **error)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (self));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;

  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (width <= 0 || height <= 0 || renderer == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The window has not been drawn yet"));
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The window has nothing to draw"));
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the screenshot “%s”"), display_name);
      return FALSE;
    }
  return TRUE;
}
