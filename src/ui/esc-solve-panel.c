/* esc-solve-panel.c: the progress of a running solve, with a Cancel button.
 *
 * The full panel (above the Schedule page) shows the phase "Phase 2 of 7:
 * holiday_compensation", the incumbent, bound, gap and elapsed time, and a bar of the
 * phases done; the compact one (in the header bar) shows only the phase number and the
 * gap, with its figures in the tooltip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/esc-display.h"
#include "esc-solve-panel.h"

struct _EscSolvePanel
{
  GtkWidget parent_instance;

  /* template children */
  GtkSpinner *spinner;
  GtkBox *text_box;
  GtkLabel *phase_label;
  GtkLabel *figures_label;
  GtkProgressBar *progress_bar;
  GtkButton *cancel_button;

  gboolean compact;
};

G_DEFINE_FINAL_TYPE (EscSolvePanel, esc_solve_panel, GTK_TYPE_WIDGET)

static char *
format_value (double value)
{
  /* TRANSLATORS: no value known yet (incumbent, bound or gap) */
  return isnan (value) ? g_strdup (C_("value", "—")) : esc_display_number_short (value, 2);
}

void
esc_solve_panel_set_progress (EscSolvePanel           *self,
                              const EscSolverProgress *progress)
{
  g_autofree char *phase = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *incumbent = NULL;
  g_autofree char *bound = NULL;
  g_autofree char *gap = NULL;

  g_return_if_fail (ESC_IS_SOLVE_PANEL (self));

  if (progress == NULL)
    {
      gtk_label_set_text (self->phase_label, _("Preparing the solve…"));
      gtk_label_set_text (self->figures_label, "");
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
      return;
    }

  incumbent = format_value (progress->incumbent);
  bound = format_value (progress->bound);
  gap = isnan (progress->gap) ? g_strdup (C_("value", "—"))
                              : esc_display_percent (progress->gap * 100, 1);
  if (self->compact)
    /* TRANSLATORS: the header bar's solve progress: "Solving 2/7 · gap 3.5 %" */
    phase = g_strdup_printf (_("Solving %u/%u · gap %s"), progress->phase + 1,
                             progress->n_phases, gap);
  else
    /* TRANSLATORS: "Phase 2 of 7: holiday_compensation" */
    phase = g_strdup_printf (_("Phase %u of %u: %s"), progress->phase + 1, progress->n_phases,
                             progress->objective != NULL ? progress->objective : "");
  /* TRANSLATORS: the solve's figures: best value found, best bound, relative gap,
   * sub-problems done and seconds since the start */
  figures = g_strdup_printf (_("Best %s · bound %s · gap %s · groups %u/%u · %.0f s"),
                             incumbent, bound, gap, progress->groups_done, progress->n_groups,
                             progress->elapsed);
  gtk_label_set_text (self->phase_label, phase);
  gtk_label_set_text (self->figures_label, figures);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->compact ? figures : NULL);
  if (progress->n_phases > 0)
    {
      double done = progress->phase;

      if (progress->n_groups > 0)
        done += (double) progress->groups_done / progress->n_groups;
      gtk_progress_bar_set_fraction (self->progress_bar,
                                     CLAMP (done / progress->n_phases, 0, 1));
    }
}

char *
esc_solve_panel_get_text (EscSolvePanel *self)
{
  g_return_val_if_fail (ESC_IS_SOLVE_PANEL (self), NULL);

  return g_strdup_printf ("%s\n%s", gtk_label_get_text (self->phase_label),
                          gtk_label_get_text (self->figures_label));
}

static void
esc_solve_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ESC_TYPE_SOLVE_PANEL);

  G_OBJECT_CLASS (esc_solve_panel_parent_class)->dispose (object);
}

static void
esc_solve_panel_class_init (EscSolvePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = esc_solve_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-solve-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, EscSolvePanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, EscSolvePanel, text_box);
  gtk_widget_class_bind_template_child (widget_class, EscSolvePanel, phase_label);
  gtk_widget_class_bind_template_child (widget_class, EscSolvePanel, figures_label);
  gtk_widget_class_bind_template_child (widget_class, EscSolvePanel, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EscSolvePanel, cancel_button);
  gtk_widget_class_set_css_name (widget_class, "solvepanel");
}

static void
esc_solve_panel_init (EscSolvePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
esc_solve_panel_new (gboolean compact)
{
  EscSolvePanel *self = g_object_new (ESC_TYPE_SOLVE_PANEL, NULL);

  self->compact = compact;
  gtk_widget_set_visible (GTK_WIDGET (self->figures_label), !compact);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), !compact);
  if (compact)
    {
      gtk_button_set_label (self->cancel_button, NULL);
      gtk_button_set_icon_name (self->cancel_button, "process-stop-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->cancel_button), "destructive-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->cancel_button), "flat");
      gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "full");
  esc_solve_panel_set_progress (self, NULL);
  return GTK_WIDGET (self);
}
