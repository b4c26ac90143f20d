/* esc-chart-page.c: the Chart page: the Gantt view with its toolbar and the list of
 * broken rules.
 *
 * The toolbar zooms (day, week, four weeks), colours the bars by shift or by store,
 * exports (PNG, PDF, SVG by the file's extension, through esc-gantt-export), prints
 * (GtkPrintOperation over EscGanttPages) and activates win.reoptimize, which the window
 * provides (keep the pinned rows, solve the rest); the button follows the action's
 * enabled state. The side list shows what the view's checker found; activating a row
 * selects and shows the bar it is about.
 *
 * Versions (esc-versions.h): the side area lists the project's kept schedules in two
 * drop-downs, A and B. "Compare" swaps the editable view for a read-only chart of B
 * drawn by the same renderer, B's added bars outlined green, moved ones amber and A's
 * removed ones as dashed red ghosts, with the counts and both versions' figures below the
 * drop-downs. "Restore B" makes B the current schedule (undoable); "Save Current as Version"
 * activates win.save-version, which the window provides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include <math.h>

#include "chart/esc-gantt-export.h"
#include "chart/esc-gantt-renderer.h"
#include "core/esc-display.h"
#include "core/esc-versions.h"
#include "esc-chart-page.h"

struct _EscChartPage
{
  GtkWidget parent_instance;

  /* template children */
  AdwToastOverlay *toast_overlay;
  GtkScrolledWindow *scrolled_window;
  EscGanttView *view;
  GtkListBox *issue_list;
  GtkLabel *issues_title;
  GtkStack *content_stack;
  GtkDrawingArea *compare_area;
  GtkDropDown *version_a_dropdown;
  GtkDropDown *version_b_dropdown;
  GtkToggleButton *compare_button;
  GtkButton *restore_button;
  GtkLabel *compare_label;

  EscProject *project;            /* the view's, watched for new versions */
  GtkStringList *version_names;   /* shown in the drop-downs */
  GPtrArray *version_ids;         /* char*, parallel to version_names */
  char *versions_signature;       /* ids and names last listed */
  EscVersionDiff *diff;           /* while comparing */
  EscGanttModel *compare_model;   /* while comparing */
  EscGanttRenderer *renderer;

  EscGanttPages *pages;           /* while printing */
  GtkFileChooserNative *chooser;  /* while exporting */
};

G_DEFINE_FINAL_TYPE (EscChartPage, esc_chart_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_COLOR_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (EscChartPage *self,
       const char   *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
issues_changed_cb (EscChartPage *self)
{
  GtkWidget *child;
  guint n = esc_gantt_view_get_n_issues (self->view);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->issue_list))) != NULL &&
         GTK_IS_LIST_BOX_ROW (child))
    gtk_list_box_remove (self->issue_list, child);

  for (guint i = 0; i < n; i++)
    {
      const char *title, *message, *task;
      GtkWidget *row = adw_action_row_new ();

      esc_gantt_view_get_issue (self->view, i, &title, &message, &task);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), task != NULL);
      g_object_set_data_full (G_OBJECT (row), "task", g_strdup (task), g_free);
      gtk_list_box_append (self->issue_list, row);
    }
  if (n == 0)
    gtk_label_set_label (self->issues_title, _("Broken Rules"));
  else
    {
      g_autofree char *label = g_strdup_printf (ngettext ("%u Broken Rule", "%u Broken Rules", n), n);

      gtk_label_set_label (self->issues_title, label);
    }
}

static void
issue_activated_cb (GtkListBox    *list,
                    GtkListBoxRow *row,
                    EscChartPage  *self)
{
  const char *task = g_object_get_data (G_OBJECT (row), "task");

  if (task == NULL)
    return;
  esc_gantt_view_select_task (self->view, task);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  EscChartPage *self = ESC_CHART_PAGE (widget);

  gtk_widget_activate_action_variant (GTK_WIDGET (self->view), "gantt.zoom", parameter);
}

/* Export. */

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    EscChartPage    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  EscGanttExportOptions options;
  EscGanttModel *model = esc_gantt_view_get_model (self->view);

  if (response == GTK_RESPONSE_ACCEPT && model != NULL)
    {
      EscGanttFormat format;

      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = g_file_get_path (file);
      if (!esc_gantt_format_from_path (path, &format))
        {
          g_autofree char *with_extension = g_strconcat (path, ".pdf", NULL);

          g_free (path);
          path = g_steal_pointer (&with_extension);
        }
      esc_gantt_export_options_init (&options);
      options.color_by = esc_gantt_view_get_color_by (self->view);
      if (esc_gantt_export (model, &options, path, &error))
        {
          g_autofree char *basename = g_path_get_basename (path);
          g_autofree char *text = g_strdup_printf (_("Exported “%s”"), basename);

          toast (self, text);
        }
      else
        toast (self, error->message);
    }
  g_clear_object (&self->chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  EscChartPage *self = ESC_CHART_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (esc_gantt_view_get_model (self->view) == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Chart"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("PDF document (multi-page)"), "*.pdf");
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("PNG image"), "*.png");
  add_filter (GTK_FILE_CHOOSER (self->chooser), _("SVG image"), "*.svg");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("schedule.pdf"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Print. */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                EscChartPage      *self)
{
  EscGanttExportOptions options;
  EscGanttModel *model = esc_gantt_view_get_model (self->view);

  g_clear_pointer (&self->pages, esc_gantt_pages_free);
  if (model == NULL)
    {
      gtk_print_operation_set_n_pages (operation, 1);
      return;
    }
  esc_gantt_export_options_init (&options);
  options.color_by = esc_gantt_view_get_color_by (self->view);
  self->pages = esc_gantt_pages_new (model, &options,
                                     gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (esc_gantt_pages_get_n_pages (self->pages), 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              EscChartPage      *self)
{
  if (self->pages != NULL && (guint) page_nr < esc_gantt_pages_get_n_pages (self->pages))
    esc_gantt_pages_draw_page (self->pages, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
end_print_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              EscChartPage      *self)
{
  g_clear_pointer (&self->pages, esc_gantt_pages_free);
}

static void
print_action (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  EscChartPage *self = ESC_CHART_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (esc_gantt_view_get_model (self->view) == NULL)
    return;
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, _("Schedule"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  g_signal_connect (operation, "end-print", G_CALLBACK (end_print_cb), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

/* Versions. */

static const char *
selected_version (EscChartPage *self,
                  GtkDropDown  *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (self->version_ids == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->version_ids->len)
    return NULL;
  return g_ptr_array_index (self->version_ids, i);
}

static char *
format_figure (double value,
               int    decimals)
{
  if (isnan (value))
    return g_strdup ("—");
  return esc_display_number (value, decimals);
}

static void
update_compare_label (EscChartPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const EscVersionDiff *d = self->diff;
  g_autofree char *hours_a = NULL, *hours_b = NULL, *unmet_a = NULL, *unmet_b = NULL;

  if (d == NULL)
    {
      gtk_label_set_label (self->compare_label,
                           self->version_ids != NULL && self->version_ids->len > 0
                           ? _("Pick two versions and press Compare.")
                           : _("No versions yet: every adopted solve is kept as one, and "
                               "Save Current as Version keeps the current schedule."));
      return;
    }
  hours_a = format_figure (d->figures_a.hours, 1);
  hours_b = format_figure (d->figures_b.hours, 1);
  unmet_a = format_figure (d->figures_a.unmet_minutes, 0);
  unmet_b = format_figure (d->figures_b.unmet_minutes, 0);
  /* Translators: the comparison of schedule versions A and B, one figure a line. */
  g_string_append_printf (text, _("Added: %u · Removed: %u · Moved: %u"),
                          d->n_added, d->n_removed, d->n_moved);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Hours: %s → %s"), hours_a, hours_b);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Shifts: %u → %u"), d->figures_a.shifts, d->figures_b.shifts);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Unmet staff-minutes: %s → %s"), unmet_a, unmet_b);
  gtk_label_set_label (self->compare_label, text->str);
  /* The comparison drawn says this much in words to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->compare_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void
clear_compare (EscChartPage *self)
{
  g_clear_pointer (&self->diff, esc_version_diff_free);
  g_clear_pointer (&self->compare_model, esc_gantt_model_unref);
}

static void
update_compare (EscChartPage *self)
{
  const char *a = selected_version (self, self->version_a_dropdown);
  const char *b = selected_version (self, self->version_b_dropdown);
  gboolean comparing = gtk_toggle_button_get_active (self->compare_button);

  clear_compare (self);
  if (comparing && self->project != NULL && a != NULL && b != NULL)
    self->diff = esc_versions_compare (self->project, a, b);

  if (self->diff != NULL)
    {
      EscGanttModelOptions options = { 0 };
      EscGanttViewport vp;
      gint32 start, end;

      esc_gantt_model_options_set_compare (&options, self->diff);
      self->compare_model = esc_gantt_model_new (self->project, &options);
      esc_gantt_model_options_clear_compare (&options);
      esc_gantt_model_get_range (self->compare_model, &start, &end);
      esc_gantt_viewport_init (&vp, self->compare_model, 1000, 400);
      /* About 140 pixels a day, the rows' full height: the scrolled window pans. */
      gtk_drawing_area_set_content_width (self->compare_area,
                                          (int) (vp.name_width + (end - start) / 1440.0 * 140));
      gtk_drawing_area_set_content_height (self->compare_area,
                                           (int) ceil (esc_gantt_viewport_content_height (&vp, self->compare_model)));
      gtk_stack_set_visible_child_name (self->content_stack, "compare");
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, "schedule");
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), b != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->compare_area));
  update_compare_label (self);
}

static void
draw_compare_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  EscChartPage *self = user_data;
  EscGanttViewport vp;
  gint32 start, end;

  if (self->compare_model == NULL)
    return;
  esc_gantt_model_get_range (self->compare_model, &start, &end);
  esc_gantt_viewport_init (&vp, self->compare_model, width, height);
  vp.t0 = start;
  vp.t1 = end;
  vp.scale = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  vp.style = adw_style_manager_get_dark (adw_style_manager_get_default ())
             ? ESC_GANTT_STYLE_DARK : ESC_GANTT_STYLE_LIGHT;
  vp.color_by = esc_gantt_view_get_color_by (self->view);
  esc_gantt_renderer_draw (self->renderer, cr, self->compare_model, &vp);
}

static void
refresh_versions (EscChartPage *self)
{
  EscTable *table = self->project != NULL ? esc_project_get_table (self->project, ESC_TABLE_VERSION) : NULL;
  guint n = table != NULL ? esc_table_get_n_rows (table) : 0;
  g_autoptr(GString) signature = g_string_new (NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint select_a = GTK_INVALID_LIST_POSITION, select_b = GTK_INVALID_LIST_POSITION;
  gboolean grew;

  for (guint i = 0; i < n; i++)
    {
      EscRow *row = esc_table_get_row (table, i);
      g_autofree char *name = esc_versions_display_name (row);

      g_ptr_array_add (ids, g_strdup (esc_row_get (row, ESC_VERSION_ID)));
      g_ptr_array_add (names, g_strdup_printf ("%s · %s", esc_row_get (row, ESC_VERSION_ID), name));
      g_string_append_printf (signature, "%s\x1f", (const char *) g_ptr_array_index (names, i));
    }
  if (g_strcmp0 (signature->str, self->versions_signature) == 0)
    {
      if (self->diff != NULL)
        update_compare (self);  /* a version's rows may have changed (undo of a restore) */
      return;
    }

  grew = self->version_ids == NULL || n > self->version_ids->len;
  a = g_strdup (selected_version (self, self->version_a_dropdown));
  b = g_strdup (selected_version (self, self->version_b_dropdown));
  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (ids, i), a) == 0)
        select_a = i;
      if (g_strcmp0 (g_ptr_array_index (ids, i), b) == 0)
        select_b = i;
    }
  /* By default, and when a version is added: the newest against the one before. */
  if (grew || select_a == GTK_INVALID_LIST_POSITION || select_b == GTK_INVALID_LIST_POSITION)
    {
      select_b = n > 0 ? n - 1 : GTK_INVALID_LIST_POSITION;
      select_a = n > 1 ? n - 2 : select_b;
    }

  g_free (self->versions_signature);
  self->versions_signature = g_strdup (signature->str);
  g_clear_pointer (&self->version_ids, g_ptr_array_unref);
  self->version_ids = g_steal_pointer (&ids);
  g_ptr_array_add (names, NULL);
  g_signal_handlers_block_by_func (self->version_a_dropdown, update_compare, self);
  g_signal_handlers_block_by_func (self->version_b_dropdown, update_compare, self);
  gtk_string_list_splice (self->version_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->version_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->version_a_dropdown, select_a);
  gtk_drop_down_set_selected (self->version_b_dropdown, select_b);
  g_signal_handlers_unblock_by_func (self->version_a_dropdown, update_compare, self);
  g_signal_handlers_unblock_by_func (self->version_b_dropdown, update_compare, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->compare_button), n > 0);
  if (n == 0)
    gtk_toggle_button_set_active (self->compare_button, FALSE);
  update_compare (self);
}

static void
restore_clicked_cb (EscChartPage *self)
{
  const char *b = selected_version (self, self->version_b_dropdown);
  EscCommand *command;
  g_autofree char *message = NULL;

  if (self->project == NULL || b == NULL)
    return;
  command = esc_versions_restore_command (self->project, b);
  if (command == NULL)
    return;
  esc_project_execute_take (self->project, command);
  gtk_toggle_button_set_active (self->compare_button, FALSE);
  /* Translators: %s is a version id such as v3. */
  message = g_strdup_printf (_("Version %s is the current schedule"), b);
  toast (self, message);
}

static void
watch_project (EscChartPage *self,
               EscProject   *project)
{
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  clear_compare (self);
  g_clear_pointer (&self->versions_signature, g_free);
  if (project != NULL)
    {
      self->project = g_object_ref (project);
      g_signal_connect_object (project, "changed", G_CALLBACK (refresh_versions), self,
                               G_CONNECT_SWAPPED);
    }
  refresh_versions (self);
}

/* Object. */

EscChartPage *
esc_chart_page_new (void)
{
  return g_object_new (ESC_TYPE_CHART_PAGE, NULL);
}

void
esc_chart_page_set_project (EscChartPage *self,
                            EscProject   *project)
{
  g_return_if_fail (ESC_IS_CHART_PAGE (self));

  if (esc_gantt_view_get_project (self->view) == project)
    return;
  esc_gantt_view_set_project (self->view, project);
  watch_project (self, project);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

EscProject *
esc_chart_page_get_project (EscChartPage *self)
{
  g_return_val_if_fail (ESC_IS_CHART_PAGE (self), NULL);
  return esc_gantt_view_get_project (self->view);
}

EscGanttView *
esc_chart_page_get_view (EscChartPage *self)
{
  g_return_val_if_fail (ESC_IS_CHART_PAGE (self), NULL);
  return self->view;
}

GtkListBox *
esc_chart_page_get_issue_list (EscChartPage *self)
{
  g_return_val_if_fail (ESC_IS_CHART_PAGE (self), NULL);
  return self->issue_list;
}

void
esc_chart_page_compare_versions (EscChartPage *self,
                                 const char   *a,
                                 const char   *b)
{
  g_return_if_fail (ESC_IS_CHART_PAGE (self));

  for (guint i = 0; a != NULL && b != NULL && self->version_ids != NULL &&
                    i < self->version_ids->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->version_ids, i), a) == 0)
        gtk_drop_down_set_selected (self->version_a_dropdown, i);
      if (g_strcmp0 (g_ptr_array_index (self->version_ids, i), b) == 0)
        gtk_drop_down_set_selected (self->version_b_dropdown, i);
    }
  gtk_toggle_button_set_active (self->compare_button, a != NULL && b != NULL);
}

GtkLabel *
esc_chart_page_get_compare_label (EscChartPage *self)
{
  g_return_val_if_fail (ESC_IS_CHART_PAGE (self), NULL);
  return self->compare_label;
}

GtkWidget *
esc_chart_page_get_compare_area (EscChartPage *self)
{
  g_return_val_if_fail (ESC_IS_CHART_PAGE (self), NULL);
  return GTK_WIDGET (self->compare_area);
}

static void
esc_chart_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EscChartPage *self = ESC_CHART_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, esc_chart_page_get_project (self));
      break;
    case PROP_COLOR_BY:
      g_value_set_string (value, esc_gantt_view_get_color_by (self->view) == ESC_GANTT_COLOR_BY_STORE
                                 ? "store" : "shift");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_chart_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EscChartPage *self = ESC_CHART_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      esc_chart_page_set_project (self, g_value_get_object (value));
      break;
    case PROP_COLOR_BY:
      esc_gantt_view_set_color_by (self->view,
                                   g_strcmp0 (g_value_get_string (value), "store") == 0
                                   ? ESC_GANTT_COLOR_BY_STORE : ESC_GANTT_COLOR_BY_SHIFT);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_chart_page_dispose (GObject *object)
{
  EscChartPage *self = ESC_CHART_PAGE (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_pointer (&self->pages, esc_gantt_pages_free);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  clear_compare (self);
  g_clear_pointer (&self->version_ids, g_ptr_array_unref);
  g_clear_pointer (&self->versions_signature, g_free);
  g_clear_pointer (&self->renderer, esc_gantt_renderer_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESC_TYPE_CHART_PAGE);

  G_OBJECT_CLASS (esc_chart_page_parent_class)->dispose (object);
}

static void
esc_chart_page_class_init (EscChartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = esc_chart_page_get_property;
  object_class->set_property = esc_chart_page_set_property;
  object_class->dispose = esc_chart_page_dispose;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, ESC_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "shift" or "store": what the bars' colours tell. */
  properties[PROP_COLOR_BY] =
    g_param_spec_string ("color-by", NULL, NULL, "shift",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ESC_TYPE_GANTT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-chart-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscChartPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EscChartPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, EscChartPage, view);
  gtk_widget_class_bind_template_child (widget_class, EscChartPage, issue_list);
  gtk_widget_class_bind_template_child (widget_class, EscChartPage, issues_title);
  gtk_widget_class_bind_template_child (widget_class, EscChartPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EscChartPage, compare_area);
  gtk_widget_class_bind_template_child (widget_class, EscChartPage, version_a_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscChartPage, version_b_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscChartPage, compare_button);
  gtk_widget_class_bind_template_child (widget_class, EscChartPage, restore_button);
  gtk_widget_class_bind_template_child (widget_class, EscChartPage, compare_label);
  gtk_widget_class_bind_template_child (widget_class, EscChartPage, version_names);

  gtk_widget_class_install_action (widget_class, "chart.zoom", "s", zoom_action);
  gtk_widget_class_install_property_action (widget_class, "chart.color-by", "color-by");
  gtk_widget_class_install_action (widget_class, "chart.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.print", NULL, print_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chart-page");
}

static void
esc_chart_page_init (EscChartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->view, "issues-changed", G_CALLBACK (issues_changed_cb), self);
  g_signal_connect (self->issue_list, "row-activated", G_CALLBACK (issue_activated_cb), self);
  self->renderer = esc_gantt_renderer_new ();
  gtk_drawing_area_set_draw_func (self->compare_area, draw_compare_cb, self, NULL);
  g_signal_connect_swapped (self->version_a_dropdown, "notify::selected",
                            G_CALLBACK (update_compare), self);
  g_signal_connect_swapped (self->version_b_dropdown, "notify::selected",
                            G_CALLBACK (update_compare), self);
  g_signal_connect_swapped (self->compare_button, "toggled", G_CALLBACK (update_compare), self);
  g_signal_connect_swapped (self->restore_button, "clicked", G_CALLBACK (restore_clicked_cb), self);
  refresh_versions (self);
}
