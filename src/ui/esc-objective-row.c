/* esc-objective-row.c: one objective of the parameters' ordered list, with a switch,
 * up and down buttons and a drag handle.
 *
 * The row only reports what the user asks: ::move (-1 up, +1 down), ::dropped (an
 * objective dragged onto this row) and notify::enabled; the Parameters page reorders
 * the list and writes the objective_function parameter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "esc-objective-row.h"

struct _EscObjectiveRow
{
  AdwActionRow parent_instance;

  /* template children */
  GtkLabel *rank_label;
  GtkButton *up_button;
  GtkButton *down_button;
  GtkSwitch *enabled_switch;

  char *objective;
};

G_DEFINE_FINAL_TYPE (EscObjectiveRow, esc_objective_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_OBJECTIVE,
  PROP_ENABLED,
  N_PROPS
};

enum {
  MOVE,
  DROPPED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  const char *name;
  const char *title;
  const char *description;
} ObjectiveInfo;

static const ObjectiveInfo objectives[] = {
  { "demand_fulfillment", N_("Cover the demand"),
    N_("Fewest staff-minutes below the minimum asked for") },
  { "holiday_compensation", N_("Compensate worked holidays"),
    N_("Most compensation days granted for holidays worked") },
  { "priority_working_days", N_("Work on priority days"),
    N_("Most staff-minutes on priority weekdays and days of the month") },
  { "working_days", N_("Working days"), N_("Most days worked") },
  { "preferable_rests", N_("Preferred rest days"),
    N_("Most days off on each employee’s preferred rest day") },
  { "workforce_balance", N_("Even headcount"),
    N_("Staff spread as evenly as possible over the days") },
  { "working_hours", N_("Working hours"), N_("Most net hours worked") },
  { "min_hours", N_("Fewest hours"), N_("Fewest net hours worked") },
  { "preferences", N_("Wishes and preferences"),
    N_("Most shift preferences and requests met, by weight") },
  { "over_coverage", N_("Avoid over-coverage"),
    N_("Fewest staff-minutes above the quantity asked for") },
};

static void
update_texts (EscObjectiveRow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (objectives); i++)
    if (g_strcmp0 (objectives[i].name, self->objective) == 0)
      {
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _(objectives[i].title));
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self), _(objectives[i].description));
        gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->objective);
        return;
      }
  /* A weighted sum, or a name this version does not know: show it as written. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), self->objective);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               strchr (self->objective, '+') != NULL ||
                               strchr (self->objective, '*') != NULL
                                 ? _("Weighted sum of objectives") : NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
}

static void
up_clicked_cb (EscObjectiveRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
down_clicked_cb (EscObjectiveRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
switch_toggled_cb (EscObjectiveRow *self)
{
  gtk_widget_set_opacity (GTK_WIDGET (self->rank_label),
                          gtk_switch_get_active (self->enabled_switch) ? 1.0 : 0.0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

static GdkContentProvider *
drag_prepared_cb (GtkDragSource   *source,
                  double           x,
                  double           y,
                  EscObjectiveRow *self)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING, self->objective);
}

static void
drag_began_cb (GtkDragSource   *source,
               GdkDrag         *drag,
               EscObjectiveRow *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
dropped_cb (GtkDropTarget   *target,
            const GValue    *value,
            double           x,
            double           y,
            EscObjectiveRow *self)
{
  const char *objective = g_value_get_string (value);

  if (objective == NULL || g_strcmp0 (objective, self->objective) == 0)
    return FALSE;
  g_signal_emit (self, signals[DROPPED], 0, objective);
  return TRUE;
}

static void
esc_objective_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EscObjectiveRow *self = ESC_OBJECTIVE_ROW (object);

  switch (prop_id)
    {
    case PROP_OBJECTIVE:
      g_value_set_string (value, self->objective);
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, esc_objective_row_get_enabled (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_objective_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EscObjectiveRow *self = ESC_OBJECTIVE_ROW (object);

  switch (prop_id)
    {
    case PROP_OBJECTIVE:
      g_free (self->objective);
      self->objective = g_value_dup_string (value);
      update_texts (self);
      break;
    case PROP_ENABLED:
      esc_objective_row_set_enabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_objective_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ESC_TYPE_OBJECTIVE_ROW);

  G_OBJECT_CLASS (esc_objective_row_parent_class)->dispose (object);
}

static void
esc_objective_row_finalize (GObject *object)
{
  EscObjectiveRow *self = ESC_OBJECTIVE_ROW (object);

  g_clear_pointer (&self->objective, g_free);

  G_OBJECT_CLASS (esc_objective_row_parent_class)->finalize (object);
}

static void
esc_objective_row_class_init (EscObjectiveRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = esc_objective_row_get_property;
  object_class->set_property = esc_objective_row_set_property;
  object_class->dispose = esc_objective_row_dispose;
  object_class->finalize = esc_objective_row_finalize;

  properties[PROP_OBJECTIVE] =
    g_param_spec_string ("objective", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EscObjectiveRow::move:
   * @delta: -1 to move up, +1 to move down
   */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * EscObjectiveRow::dropped:
   * @objective: the objective dragged onto this row
   */
  signals[DROPPED] = g_signal_new ("dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-objective-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EscObjectiveRow, rank_label);
  gtk_widget_class_bind_template_child (widget_class, EscObjectiveRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, EscObjectiveRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, EscObjectiveRow, enabled_switch);
  gtk_widget_class_bind_template_callback (widget_class, up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, down_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_toggled_cb);
}

static void
esc_objective_row_init (EscObjectiveRow *self)
{
  GtkDragSource *source;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepared_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_began_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  g_signal_connect (target, "drop", G_CALLBACK (dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
esc_objective_row_new (const char *objective,
                       gboolean    enabled)
{
  return g_object_new (ESC_TYPE_OBJECTIVE_ROW, "objective", objective, "enabled", enabled, NULL);
}

const char *
esc_objective_row_get_objective (EscObjectiveRow *self)
{
  g_return_val_if_fail (ESC_IS_OBJECTIVE_ROW (self), NULL);

  return self->objective;
}

gboolean
esc_objective_row_get_enabled (EscObjectiveRow *self)
{
  g_return_val_if_fail (ESC_IS_OBJECTIVE_ROW (self), FALSE);

  return gtk_switch_get_active (self->enabled_switch);
}

void
esc_objective_row_set_enabled (EscObjectiveRow *self,
                               gboolean         enabled)
{
  g_return_if_fail (ESC_IS_OBJECTIVE_ROW (self));

  gtk_switch_set_active (self->enabled_switch, enabled);
}

void
esc_objective_row_set_rank (EscObjectiveRow *self,
                            guint            rank,
                            guint            n_rows)
{
  char text[16];

  g_return_if_fail (ESC_IS_OBJECTIVE_ROW (self));

  g_snprintf (text, sizeof text, "%u", rank);
  gtk_label_set_label (self->rank_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->up_button), rank > 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->down_button), rank < n_rows);
}
