/* esc-overview-page.c: the Overview page: the saved schedule's figures and charts.
 *
 * The schedule saved in the project (its Allocation, Summary and Result tables) is read
 * back onto the problem compiled from the project (esc_results_load_saved_schedule);
 * from it: coverage % and unmet staff-hours overall and per store and role
 * (esc_evaluate_slot_coverage), Sundays and holidays worked and compensations pending
 * (esc_schedule_output_totals), and the hours of each employee against the contract,
 * drawn by src/chart (esc-overview-chart.h). Without a saved schedule, or when it no
 * longer fits the project, a status page invites to solve.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chart/esc-overview-chart.h"
#include "core/esc-display.h"
#include "core/esc-parse.h"
#include "core/esc-table.h"
#include "esc-figure-card.h"
#include "esc-overview-page.h"
#include "io/esc-results-export.h"
#include "solver/esc-evaluate.h"
#include "solver/esc-schedule-output.h"

typedef struct
{
  char *label;
  double value;
  double target;
  char *text;
} Bar;

struct _EscOverviewPage
{
  GtkWidget parent_instance;

  /* template children */
  GtkStack *stack;
  AdwStatusPage *status_page;
  GtkLabel *status_label;
  GtkFlowBox *figures_box;
  GtkDrawingArea *coverage_chart;
  GtkDrawingArea *hours_chart;

  EscProject *project;
  guint update_id;
  GArray *coverage_bars;   /* Bar */
  GArray *hours_bars;      /* Bar */
  GHashTable *figures;     /* name -> text */
};

G_DEFINE_FINAL_TYPE (EscOverviewPage, esc_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar->text);
}

static void
add_bar (GArray     *bars,
         char       *label,
         double      value,
         double      target,
         char       *text)
{
  Bar bar = { label, value, target, text };

  g_array_append_val (bars, bar);
}

static void
add_figure (EscOverviewPage *self,
            const char      *name,
            const char      *value,
            const char      *caption)
{
  GtkWidget *box = esc_figure_card_new (value, caption);

  gtk_flow_box_append (self->figures_box, box);
  g_hash_table_insert (self->figures, g_strdup (name), g_strdup (value));
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  GArray *bars = user_data;
  g_autofree EscOverviewBar *chart_bars = g_new0 (EscOverviewBar, MAX (bars->len, 1));
  EscOverviewChartStyle style;
  const double accent[4] = { 0.21, 0.52, 0.89, 1 };
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  for (guint i = 0; i < bars->len; i++)
    {
      Bar *b = &g_array_index (bars, Bar, i);

      chart_bars[i] = (EscOverviewBar) { b->label, b->value, b->target, b->text };
    }
  esc_overview_chart_style_init (&style, dark, accent);
  cairo_translate (cr, 8, 4);
  esc_overview_chart_draw (cr, width - 16, height - 8, chart_bars, bars->len, &style);
}

/* The chart's bars in words for a screen reader, as the chart's description:
 * "Loja Centro · Operador: 96.5% · 12.0 h unmet; …". */
static void
describe_chart (GtkDrawingArea *area,
                GArray         *bars)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < bars->len; i++)
    {
      Bar *b = &g_array_index (bars, Bar, i);
      g_autofree char *value = b->text != NULL ? g_strdup (b->text) : esc_display_number (b->value, 1);

      if (text->len > 0)
        /* TRANSLATORS: separates the bars of a chart described for a screen reader */
        g_string_append (text, C_("chart description", "; "));
      /* TRANSLATORS: one bar of a chart described for a screen reader: its label and its
       * value, "Loja Centro · Operador: 96.5% · 12.0 h unmet" */
      g_string_append_printf (text, C_("chart description", "%s: %s"), b->label, value);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text->str, -1);
}

static void
clear (EscOverviewPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box))) != NULL)
    gtk_flow_box_remove (self->figures_box, child);
  g_array_set_size (self->coverage_bars, 0);
  g_array_set_size (self->hours_bars, 0);
  g_hash_table_remove_all (self->figures);
}

void
esc_overview_page_update (EscOverviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscSchedule) schedule = NULL;
  g_autoptr(GArray) totals = NULL;
  g_autofree guint *coverage = NULL;
  g_autofree double *demanded = NULL;
  g_autofree double *covered = NULL;
  g_autofree char *text = NULL;
  g_autofree char *start = NULL;
  const EscProblem *problem;
  double all_demanded = 0, all_covered = 0;
  int sundays = 0, holidays = 0, pending = 0;

  g_return_if_fail (ESC_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->update_id, g_source_remove);
  clear (self);
  if (esc_table_get_n_rows (esc_project_get_table (self->project, ESC_TABLE_ALLOCATION)) > 0)
    schedule = esc_results_load_saved_schedule (self->project, NULL, &error);
  if (schedule == NULL)
    {
      adw_status_page_set_description (self->status_page,
                                       error != NULL ? error->message
                                                     : _("Solve to see the overview: coverage, unmet demand and hours per employee."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  problem = schedule->problem;

  /* Coverage per (store, role) group. */
  coverage = esc_evaluate_slot_coverage (schedule);
  demanded = g_new0 (double, problem->groups->len);
  covered = g_new0 (double, problem->groups->len);
  for (guint i = 0; i < problem->slots->len; i++)
    {
      const EscProblemSlot *slot = &g_array_index (problem->slots, EscProblemSlot, i);
      double minutes = (double) (slot->end - slot->start);

      demanded[slot->group] += slot->required * minutes;
      covered[slot->group] += MIN ((int) coverage[i], slot->required) * minutes;
    }
  for (guint g = 0; g < problem->groups->len; g++)
    {
      const EscProblemGroup *group = g_ptr_array_index (problem->groups, g);
      double pct = demanded[g] > 0 ? 100 * covered[g] / demanded[g] : 100;
      g_autofree char *pct_text = NULL;
      g_autofree char *unmet_text = NULL;

      all_demanded += demanded[g];
      all_covered += covered[g];
      if (demanded[g] <= 0)
        continue;
      pct_text = esc_display_percent (pct, 1);
      unmet_text = esc_display_hours ((demanded[g] - covered[g]) / 60, 1);
      add_bar (self->coverage_bars,
               g_strdup_printf ("%s · %s", (const char *) g_ptr_array_index (problem->store_ids, group->store),
                                (const char *) g_ptr_array_index (problem->role_ids, group->role)),
               pct, 100,
               /* TRANSLATORS: coverage of a store and role: "96.5 % · 12.0 h unmet"; the
                * percentage and the hours come formatted ("96.5 %", "12.0 h") */
               g_strdup_printf (_("%s · %s unmet"), pct_text, unmet_text));
    }

  /* Hours per employee. */
  totals = esc_schedule_output_totals (schedule);
  for (guint e = 0; e < totals->len; e++)
    {
      const EscEmployeeTotals *t = &g_array_index (totals, EscEmployeeTotals, e);
      const EscProblemEmployee *employee = esc_problem_get_employee (problem, e);
      g_autofree char *worked = esc_display_number (t->minutes / 60.0, 0);
      g_autofree char *contract = esc_display_hours (t->contract_minutes / 60.0, 0);
      int owed = t->holidays_worked - t->compensations +
                 (employee->pending_compensations != NULL ? (int) employee->pending_compensations->len : 0);

      sundays += t->limited_days;
      holidays += t->holidays_worked;
      pending += MAX (owed, 0);
      add_bar (self->hours_bars,
               g_strdup (employee->name != NULL && *employee->name != '\0' ? employee->name
                                                                             : t->employee),
               t->minutes / 60.0, t->contract_minutes > 0 ? t->contract_minutes / 60.0 : -1,
               /* TRANSLATORS: hours worked against contract hours: "152 / 176 h"; the
                * second %s comes with its unit ("176 h") */
               g_strdup_printf (C_("worked hours", "%s / %s"), worked, contract));
    }

  start = esc_display_date (problem->start_julian);
  /* TRANSLATORS: the Overview's first line: status, days and start date */
  text = g_strdup_printf (_("Schedule %s · %d days from %s · %u employees"),
                          esc_schedule_status_to_display (schedule->status), problem->n_days,
                          start,
                          totals->len);
  gtk_label_set_text (self->status_label, text);

  {
    g_autofree char *pct = esc_display_percent (all_demanded > 0 ? 100 * all_covered / all_demanded : 100.0, 1);
    g_autofree char *unmet = esc_display_hours ((all_demanded - all_covered) / 60, 1);
    g_autofree char *sun = g_strdup_printf ("%d", sundays);
    g_autofree char *hol = g_strdup_printf ("%d", holidays);
    g_autofree char *pend = g_strdup_printf ("%d", pending);

    add_figure (self, "coverage", pct, _("of demanded staff-hours covered"));
    add_figure (self, "unmet", unmet, _("staff-hours of demand unmet"));
    add_figure (self, "sundays", sun, _("Sundays worked"));
    add_figure (self, "holidays", hol, _("holidays worked"));
    add_figure (self, "pending", pend, _("compensation days pending"));
  }

  gtk_widget_set_size_request (GTK_WIDGET (self->coverage_chart), -1,
                               (int) esc_overview_chart_get_height (self->coverage_bars->len) + 8);
  gtk_widget_set_size_request (GTK_WIDGET (self->hours_chart), -1,
                               (int) esc_overview_chart_get_height (self->hours_bars->len) + 8);
  describe_chart (self->coverage_chart, self->coverage_bars);
  describe_chart (self->hours_chart, self->hours_bars);
  gtk_widget_queue_draw (GTK_WIDGET (self->coverage_chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->hours_chart));
  gtk_stack_set_visible_child_name (self->stack, "overview");
}

static gboolean
update_cb (gpointer user_data)
{
  EscOverviewPage *self = user_data;

  self->update_id = 0;
  esc_overview_page_update (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_changed_cb (EscOverviewPage *self)
{
  if (self->update_id == 0)
    self->update_id = g_timeout_add (200, update_cb, self);
}

const char *
esc_overview_page_get_figure (EscOverviewPage *self,
                              const char      *name)
{
  g_return_val_if_fail (ESC_IS_OVERVIEW_PAGE (self), NULL);

  return g_hash_table_lookup (self->figures, name);
}

static void
esc_overview_page_constructed (GObject *object)
{
  EscOverviewPage *self = ESC_OVERVIEW_PAGE (object);

  G_OBJECT_CLASS (esc_overview_page_parent_class)->constructed (object);

  g_signal_connect_object (esc_project_get_table (self->project, ESC_TABLE_RESULT),
                           "items-changed", G_CALLBACK (schedule_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (esc_project_get_table (self->project, ESC_TABLE_ALLOCATION),
                           "items-changed", G_CALLBACK (schedule_changed_cb), self,
                           G_CONNECT_SWAPPED);
  esc_overview_page_update (self);
}

static void
esc_overview_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EscOverviewPage *self = ESC_OVERVIEW_PAGE (object);

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
esc_overview_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EscOverviewPage *self = ESC_OVERVIEW_PAGE (object);

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
esc_overview_page_dispose (GObject *object)
{
  EscOverviewPage *self = ESC_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->update_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESC_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (esc_overview_page_parent_class)->dispose (object);
}

static void
esc_overview_page_finalize (GObject *object)
{
  EscOverviewPage *self = ESC_OVERVIEW_PAGE (object);

  g_array_unref (self->coverage_bars);
  g_array_unref (self->hours_bars);
  g_hash_table_unref (self->figures);

  G_OBJECT_CLASS (esc_overview_page_parent_class)->finalize (object);
}

static void
esc_overview_page_class_init (EscOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = esc_overview_page_constructed;
  object_class->get_property = esc_overview_page_get_property;
  object_class->set_property = esc_overview_page_set_property;
  object_class->dispose = esc_overview_page_dispose;
  object_class->finalize = esc_overview_page_finalize;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, ESC_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EscOverviewPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, EscOverviewPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, EscOverviewPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, EscOverviewPage, coverage_chart);
  gtk_widget_class_bind_template_child (widget_class, EscOverviewPage, hours_chart);
}

static void
esc_overview_page_init (EscOverviewPage *self)
{
  self->coverage_bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->coverage_bars, bar_clear);
  self->hours_bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->hours_bars, bar_clear);
  self->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->coverage_chart, draw_chart, self->coverage_bars, NULL);
  gtk_drawing_area_set_draw_func (self->hours_chart, draw_chart, self->hours_bars, NULL);
}

GtkWidget *
esc_overview_page_new (EscProject *project)
{
  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  return g_object_new (ESC_TYPE_OVERVIEW_PAGE, "project", project, NULL);
}
