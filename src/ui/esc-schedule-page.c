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

#include "core/esc-table.h"
#include "esc-schedule-page.h"

struct _EscSchedulePage
{
  GtkWidget parent_instance;

  /* template children */
  GtkRevealer *progress_revealer;
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

static void
update_page (EscSchedulePage *self)
{
  EscTable *table = esc_project_get_table (self->project, ESC_TABLE_ALLOCATION);

  gtk_stack_set_visible_child_name (self->stack, esc_table_get_n_rows (table) > 0 ? "table"
                                                                                  : "empty");
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
