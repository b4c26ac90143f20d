/* esc-schedule-page.c: the Schedule page: the current schedule's allocations.
 *
 * Until a schedule exists the page invites to solve; then it is the grid of the
 * Allocation table. Above it a slot waits for the solve's progress panel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "core/esc-display.h"
#include "core/esc-table.h"
#include "esc-schedule-page.h"
#include "solver/esc-schedule.h"

struct _EscSchedulePage
{
  GtkWidget parent_instance;

  /* template children */
  GtkRevealer *progress_revealer;
  GtkRevealer *stale_revealer;
  GtkLabel *stale_label;
  GtkLabel *status_label;
  GtkStack *stack;
  AdwBin *table_slot;

  EscProject *project;
  EscTableView *table_view;
};

G_DEFINE_FINAL_TYPE (EscSchedulePage, esc_schedule_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
result_value (EscSchedulePage *self,
              const char      *key)
{
  EscRow *row = esc_table_find (esc_project_get_table (self->project, ESC_TABLE_RESULT), key);

  return row != NULL ? esc_row_get (row, ESC_RESULT_VALUE) : NULL;
}

/* The status line: "Optimal · solved 2026-12-01 10:20 · 28 days from 2026-12-07 ·
 * 12.5 staff-hours of demand unmet". */
static void
update_status (EscSchedulePage *self)
{
  const char *status = result_value (self, "status");
  const char *solved_at = result_value (self, "solved_at");
  const char *unmet = result_value (self, "unmet_staff_minutes");
  const char *start = result_value (self, "start_date");
  const char *days = result_value (self, "days");
  g_autoptr(GString) text = g_string_new (NULL);
  EscScheduleStatus known;

  if (status == NULL || *status == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      return;
    }
  /* The stored word (data) shown in the user's language. */
  if (esc_schedule_status_from_string (status, &known))
    status = esc_schedule_status_to_display (known);
  /* TRANSLATORS: the Schedule page's status line starts with the solve's status */
  g_string_append_printf (text, _("Status: %s"), status);
  if (solved_at != NULL && *solved_at != '\0')
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (solved_at, NULL);
      g_autofree char *when = utc != NULL ? esc_display_date_time (utc, FALSE)
                                          : g_strdup (solved_at);

      /* TRANSLATORS: part of the status line: when the schedule was computed */
      g_string_append_printf (text, _(" · solved %s"), g_strstrip (when));
    }
  if (start != NULL && days != NULL && *start != '\0')
    {
      EscJulian julian = 0;
      g_autofree char *shown = esc_parse_date (start, &julian, NULL) ? esc_display_date (julian)
                                                                     : g_strdup (start);

      /* TRANSLATORS: part of the status line: "28 days from 07/12/2026" */
      g_string_append_printf (text, _(" · %s days from %s"), days, shown);
    }
  if (unmet != NULL && *unmet != '\0')
    {
      g_autofree char *hours = esc_display_number (g_ascii_strtod (unmet, NULL) / 60, 1);

      /* TRANSLATORS: part of the status line: demand not covered, in staff-hours; the
       * number comes formatted for the locale */
      g_string_append_printf (text, _(" · %s staff-hours of demand unmet"), hours);
    }
  gtk_label_set_text (self->status_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
}

static void
update_page (EscSchedulePage *self)
{
  EscTable *table = esc_project_get_table (self->project, ESC_TABLE_ALLOCATION);

  gtk_stack_set_visible_child_name (self->stack, esc_table_get_n_rows (table) > 0 ? "table"
                                                                                  : "empty");
  update_status (self);
}

static void
allocations_changed_cb (EscSchedulePage *self)
{
  update_page (self);
}

static void
esc_schedule_page_constructed (GObject *object)
{
  EscSchedulePage *self = ESC_SCHEDULE_PAGE (object);

  G_OBJECT_CLASS (esc_schedule_page_parent_class)->constructed (object);

  self->table_view = ESC_TABLE_VIEW (esc_table_view_new (self->project, ESC_TABLE_ALLOCATION));
  adw_bin_set_child (self->table_slot, GTK_WIDGET (self->table_view));
  g_signal_connect_object (esc_project_get_table (self->project, ESC_TABLE_ALLOCATION),
                           "items-changed", G_CALLBACK (allocations_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (esc_project_get_table (self->project, ESC_TABLE_RESULT),
                           "items-changed", G_CALLBACK (allocations_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_page (self);
}

static void
esc_schedule_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EscSchedulePage *self = ESC_SCHEDULE_PAGE (object);

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
esc_schedule_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EscSchedulePage *self = ESC_SCHEDULE_PAGE (object);

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
esc_schedule_page_dispose (GObject *object)
{
  EscSchedulePage *self = ESC_SCHEDULE_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ESC_TYPE_SCHEDULE_PAGE);
  /* Children of the template that are not bound by name stay parented: unparent them. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->table_view = NULL;
  g_clear_object (&self->project);

  G_OBJECT_CLASS (esc_schedule_page_parent_class)->dispose (object);
}

static void
esc_schedule_page_class_init (EscSchedulePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = esc_schedule_page_constructed;
  object_class->get_property = esc_schedule_page_get_property;
  object_class->set_property = esc_schedule_page_set_property;
  object_class->dispose = esc_schedule_page_dispose;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, ESC_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-schedule-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscSchedulePage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, EscSchedulePage, stack);
  gtk_widget_class_bind_template_child (widget_class, EscSchedulePage, stale_revealer);
  gtk_widget_class_bind_template_child (widget_class, EscSchedulePage, stale_label);
  gtk_widget_class_bind_template_child (widget_class, EscSchedulePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, EscSchedulePage, table_slot);
}

static void
esc_schedule_page_init (EscSchedulePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
esc_schedule_page_new (EscProject *project)
{
  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  return g_object_new (ESC_TYPE_SCHEDULE_PAGE, "project", project, NULL);
}

EscTableView *
esc_schedule_page_get_table_view (EscSchedulePage *self)
{
  g_return_val_if_fail (ESC_IS_SCHEDULE_PAGE (self), NULL);

  return self->table_view;
}

void
esc_schedule_page_set_progress_widget (EscSchedulePage *self,
                                       GtkWidget       *widget)
{
  g_return_if_fail (ESC_IS_SCHEDULE_PAGE (self));

  if (widget != NULL)
    gtk_revealer_set_child (self->progress_revealer, widget);
  gtk_revealer_set_reveal_child (self->progress_revealer, widget != NULL);
}

void
esc_schedule_page_set_stale (EscSchedulePage *self,
                             const char      *message)
{
  g_return_if_fail (ESC_IS_SCHEDULE_PAGE (self));

  if (message != NULL)
    gtk_label_set_text (self->stale_label, message);
  gtk_revealer_set_reveal_child (self->stale_revealer, message != NULL);
}

const char *
esc_schedule_page_get_stale (EscSchedulePage *self)
{
  g_return_val_if_fail (ESC_IS_SCHEDULE_PAGE (self), NULL);

  return gtk_revealer_get_reveal_child (self->stale_revealer)
         ? gtk_label_get_text (self->stale_label) : NULL;
}

const char *
esc_schedule_page_get_status (EscSchedulePage *self)
{
  g_return_val_if_fail (ESC_IS_SCHEDULE_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->status_label))
         ? gtk_label_get_text (self->status_label) : NULL;
}
