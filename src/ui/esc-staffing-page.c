/* esc-staffing-page.c: the Staffing page: workload history to a forecast, required
 * agents per interval and generated Demand rows.
 *
 * The flow follows `escala-cli forecast` (src/cli/esc-cli-forecast.c):
 * - "Load History…" reads a CSV or XLSX file (esc_history_load) on a worker GTask;
 *   errors, which name the row and the column, go to a dialog.
 * - The history is aggregated to the chosen interval on the main thread (linear and
 *   quick), then every channel is forecast and back-tested on a worker GTask whose
 *   input is an immutable snapshot (the series, the options, the holidays of the store
 *   chosen below). A result whose cancellable is no longer the current one is dropped:
 *   changing the interval, horizon, confidence or store refits after a short delay.
 * - Staffing (Erlang C or workload, esc-staffing.h) is quick and recomputed on the
 *   main thread whenever the channel or a service input changes; the table shows the
 *   channel shown, from the point forecast or the upper bound ("Staff for").
 * - "Generate Demand" turns that channel's staff to schedule into merged Demand rows of
 *   the chosen store and role: one undoable command through esc_project_execute().
 * - "Save Forecast…" keeps every channel's forecast as JSON; "Compare with Actuals…"
 *   reads such a file and a newer history and shows the WAPE (worker GTask).
 *
 * The plot is drawn by src/chart (esc-plot.h); its tooltip finds the interval under the
 * pointer with esc_plot_to_pixel().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chart/esc-plot.h"
#include "core/esc-display.h"
#include "core/esc-parse.h"
#include "core/esc-schema.h"
#include "core/esc-table.h"
#include "esc-figure-card.h"
#include "esc-staffing-page.h"
#include "staffing/esc-forecast.h"
#include "staffing/esc-forecast-accuracy.h"
#include "staffing/esc-forecast-file.h"
#include "staffing/esc-history.h"
#include "staffing/esc-staffing.h"
#include "staffing/esc-staffing-demand.h"
#include "staffing/esc-staffing-error.h"

/* Changes of the forecast inputs refit after this pause. */
#define REFIT_DELAY_MS 300
/* The plot shows at most this much history before the forecast. */
#define PLOT_HISTORY_DAYS 21

static const int intervals[] = { 15, 30, 60 };

typedef enum
{
  COLUMN_TIME,
  COLUMN_FORECAST,
  COLUMN_RANGE,
  COLUMN_AGENTS,
  COLUMN_SCHEDULED,
  COLUMN_SERVICE_LEVEL,
  COLUMN_ASA,
  COLUMN_OCCUPANCY,
  N_COLUMNS
} Column;

struct _EscStaffingPage
{
  GtkWidget parent_instance;

  /* template children */
  GtkStack *stack;
  AdwStatusPage *status_page;
  GtkSpinner *empty_spinner;
  GtkLabel *history_title;
  GtkLabel *history_label;
  GtkSpinner *spinner;
  GtkFlowBox *figures_box;
  GtkDrawingArea *plot_area;
  AdwComboRow *channel_row;
  AdwComboRow *interval_row;
  GtkSpinButton *horizon_spin;
  GtkSpinButton *confidence_spin;
  AdwComboRow *kind_row;
  GtkSpinButton *aht_spin;
  GtkSpinButton *service_level_spin;
  GtkSpinButton *target_spin;
  GtkSpinButton *occupancy_spin;
  GtkSpinButton *shrinkage_spin;
  GtkLabel *table_title;
  GtkColumnView *column_view;
  AdwComboRow *store_row;
  AdwComboRow *role_row;
  AdwComboRow *basis_row;

  EscProject *project;
  GtkStringList *channels;        /* channel names of the history */
  GtkStringList *stores;          /* store ids of the project */
  GtkStringList *roles;           /* role ids of the project */
  GtkStringList *rows;            /* one item per table row (its index) */
  GHashTable *deferred;           /* channels staffed by workload */

  EscHistory *history;
  char *history_name;
  GPtrArray *series;              /* EscSeries of the forecast, per channel */
  EscForecast *forecast;
  GArray *backtests;              /* EscForecastAccuracy per channel */
  GArray *staffing;               /* EscStaffingInterval of the channel shown */
  const EscChannelForecast *channel_forecast;
  const EscSeries *channel_series;
  EscPlot *plot;

  GCancellable *load_cancellable;
  GCancellable *forecast_cancellable;
  GCancellable *compare_cancellable;
  guint refit_id;
  gboolean updating;              /* filling the choosers: their signals do nothing */
  double compare_wape;
  char *compare_name;
  char *message;
};

G_DEFINE_FINAL_TYPE (EscStaffingPage, esc_staffing_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Task data */

typedef struct
{
  GPtrArray *series;              /* EscSeries, read only */
  GArray *holidays;               /* EscJulian */
  EscForecastOptions options;
  int holdout_weeks;
} ForecastInput;

typedef struct
{
  EscForecast *forecast;
  GArray *backtests;              /* EscForecastAccuracy */
} ForecastOutput;

typedef struct
{
  char *forecast_path;
  char *history_path;
} CompareInput;

static void
forecast_input_free (ForecastInput *input)
{
  g_clear_pointer (&input->series, g_ptr_array_unref);
  g_clear_pointer (&input->holidays, g_array_unref);
  g_free (input);
}

static void
forecast_output_free (ForecastOutput *output)
{
  g_clear_pointer (&output->forecast, esc_forecast_free);
  g_clear_pointer (&output->backtests, g_array_unref);
  g_free (output);
}

static void
compare_input_free (CompareInput *input)
{
  g_free (input->forecast_path);
  g_free (input->history_path);
  g_free (input);
}

static void
accuracy_clear_cb (gpointer data)
{
  esc_forecast_accuracy_clear (data);
}

/* Helpers: formatting */

static char *
format_instant (EscInstant time)
{
  g_autofree char *clock = esc_display_time ((int) (time % ESC_MINUTES_PER_DAY));
  g_autofree char *day = NULL;

  day = esc_display_strftime ((EscJulian) (time / ESC_MINUTES_PER_DAY),
                              /* TRANSLATORS: a day in the staffing table and tooltip,
                               * strftime format: "Mon 06 May" */
                              _("%a %d %b"));
  return g_strdup_printf ("%s %s", day, clock);
}

static char *
format_percent (double share)
{
  if (!isfinite (share))
    return g_strdup ("–");
  return esc_display_percent (share * 100, 1);
}

static int
get_interval (EscStaffingPage *self)
{
  guint selected = adw_combo_row_get_selected (self->interval_row);

  return intervals[MIN (selected, G_N_ELEMENTS (intervals) - 1)];
}

static const char *
get_selected_string (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);
  guint selected = adw_combo_row_get_selected (row);

  if (model == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_list_model_get_n_items (model))
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (model), selected);
}

static gboolean
select_string (AdwComboRow *row,
               const char  *text)
{
  GListModel *model = adw_combo_row_get_model (row);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return TRUE;
      }
  return FALSE;
}

/* Replaces the strings of @list, keeping @row's selection by name when it can. */
static void
fill_string_list (EscStaffingPage *self,
                  GtkStringList   *list,
                  AdwComboRow     *row,
                  const char     **strings)
{
  g_autofree char *selected = g_strdup (get_selected_string (row));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  self->updating = TRUE;
  gtk_string_list_splice (list, 0, n, strings);
  if (selected == NULL || !select_string (row, selected))
    adw_combo_row_set_selected (row, 0);
  self->updating = FALSE;
}

/* Helpers: messages */

static void
show_toast (EscStaffingPage *self,
            const char      *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_free (self->message);
  self->message = g_strdup (text);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
show_error (EscStaffingPage *self,
            const char      *heading,
            const char      *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_free (self->message);
  self->message = g_strdup (body);
  g_debug ("%s: %s", heading, body);
  if (GTK_IS_WINDOW (root))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, body);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* Helpers: state */

static void
update_busy (EscStaffingPage *self)
{
  gboolean busy = esc_staffing_page_is_busy (self);

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_spinner_set_spinning (self->empty_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staffing.save-forecast",
                                 self->forecast != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staffing.generate-demand",
                                 self->staffing != NULL && self->staffing->len > 0);
}

static gboolean
is_deferred_by_name (const char *channel)
{
  g_autofree char *folded = esc_fold_key (channel);

  return folded != NULL && (strstr (folded, "mail") != NULL || strstr (folded, "task") != NULL ||
                            strstr (folded, "tarefa") != NULL ||
                            strstr (folded, "backoffice") != NULL);
}

static void
read_params (EscStaffingPage   *self,
             const char        *channel,
             EscStaffingParams *params)
{
  esc_staffing_params_init (params);
  params->kind = channel != NULL && g_hash_table_contains (self->deferred, channel)
                   ? ESC_WORK_DEFERRED : ESC_WORK_INBOUND;
  params->aht = gtk_spin_button_get_value (self->aht_spin);
  params->target_seconds = gtk_spin_button_get_value (self->target_spin);
  params->service_level = gtk_spin_button_get_value (self->service_level_spin) / 100;
  params->occupancy = gtk_spin_button_get_value (self->occupancy_spin) / 100;
  params->shrinkage = gtk_spin_button_get_value (self->shrinkage_spin) / 100;
}

static GArray *
compute_staffing (EscStaffingPage *self,
                  gboolean         use_upper,
                  GError         **error)
{
  EscStaffingParams params;

  if (self->channel_forecast == NULL)
    {
      g_set_error_literal (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_MISSING,
                           _("There is no forecast yet: load a workload history first"));
      return NULL;
    }
  read_params (self, self->channel_forecast->channel, &params);
  if (!esc_staffing_params_check (&params, error))
    return NULL;
  return esc_staffing_compute_forecast (self->channel_forecast, use_upper, &params, error);
}

static void
add_figure (EscStaffingPage *self,
            const char      *value,
            const char      *caption)
{
  GtkWidget *box = esc_figure_card_new (value, caption);

  gtk_flow_box_append (self->figures_box, box);
}

static const EscForecastAccuracy *
find_backtest (EscStaffingPage *self,
               const char      *channel)
{
  for (guint i = 0; self->backtests != NULL && i < self->backtests->len; i++)
    {
      const EscForecastAccuracy *a = &g_array_index (self->backtests, EscForecastAccuracy, i);

      if (g_strcmp0 (a->channel, channel) == 0)
        return a;
    }
  return NULL;
}

static void
update_figures (EscStaffingPage *self)
{
  GtkWidget *child;
  const EscChannelForecast *f = self->channel_forecast;
  const EscForecastAccuracy *backtest;
  int peak = 0;
  double staff_hours = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box))) != NULL)
    gtk_flow_box_remove (self->figures_box, child);
  if (f == NULL)
    return;

  backtest = find_backtest (self, f->channel);
  for (guint i = 0; self->staffing != NULL && i < self->staffing->len; i++)
    {
      const EscStaffingInterval *it = &g_array_index (self->staffing, EscStaffingInterval, i);

      peak = MAX (peak, it->required);
      staff_hours += it->scheduled * f->interval / 60.0;
    }

  {
    g_autofree char *volume = esc_display_number (f->weekly_volume, 0);
    g_autofree char *growth_value = esc_display_percent (f->growth * 100, 2);
    g_autofree char *growth = g_strconcat (f->growth * 100 >= 0.005 ? "+" : "", growth_value,
                                           NULL);
    g_autofree char *mape = format_percent (backtest != NULL ? backtest->mape : NAN);
    g_autofree char *wape = format_percent (backtest != NULL ? backtest->wape : NAN);
    g_autofree char *agents = g_strdup_printf ("%d", peak);
    g_autofree char *hours = esc_display_hours (staff_hours, 0);

    add_figure (self, volume, _("contacts a week now"));
    add_figure (self, growth, _("growth a week"));
    add_figure (self, mape, _("backtest MAPE"));
    add_figure (self, wape, _("backtest WAPE"));
    add_figure (self, agents, _("agents at the peak"));
    add_figure (self, hours, _("staff-hours to schedule"));
  }
  if (isfinite (self->compare_wape))
    {
      g_autofree char *wape = format_percent (self->compare_wape);
      /* TRANSLATORS: a figure's caption: the WAPE of a saved forecast against actuals */
      g_autofree char *caption = g_strdup_printf (_("WAPE of “%s” against actuals"),
                                                  self->compare_name);

      add_figure (self, wape, caption);
    }
  /* One line of figures when they fit. */
  {
    guint n = 0;

    for (child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box)); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      n++;
    gtk_flow_box_set_min_children_per_line (self->figures_box, n);
  }
}

/* The plot in words for a screen reader, as its description: which channel, the days
 * of its history and how far the forecast goes. */
static void
describe_plot (EscStaffingPage *self)
{
  const EscChannelForecast *f = self->channel_forecast;
  const EscSeries *s = self->channel_series;
  g_autofree char *text = NULL;

  if (s != NULL && s->n > 0)
    {
      g_autofree char *from = esc_display_date ((EscJulian) (s->start / ESC_MINUTES_PER_DAY));
      g_autofree char *to = esc_display_date ((EscJulian) ((s->start + (EscInstant) (s->n - 1) * s->interval) /
                                                           ESC_MINUTES_PER_DAY));

      if (f != NULL && f->n > 0)
        {
          g_autofree char *until = esc_display_date ((EscJulian) ((esc_channel_forecast_get_time (f, f->n) - 1) /
                                                                  ESC_MINUTES_PER_DAY));

          /* TRANSLATORS: the workload plot described for a screen reader: the channel,
           * the first and last day of its history, the last day forecast */
          text = g_strdup_printf (_("Workload of “%s” from %s to %s, and its forecast with the confidence band until %s"),
                                  s->channel, from, to, until);
        }
      else
        /* TRANSLATORS: the workload plot described for a screen reader: the channel, the
         * first and last day of its history */
        text = g_strdup_printf (_("Workload of “%s” from %s to %s"), s->channel, from, to);
    }
  else
    text = g_strdup (_("No workload history"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->plot_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
update_plot (EscStaffingPage *self)
{
  const EscChannelForecast *f = self->channel_forecast;
  const EscSeries *s = self->channel_series;
  g_autoptr(GArray) holidays = g_array_new (FALSE, FALSE, sizeof (EscJulian));

  if (s != NULL)
    esc_plot_set_history (self->plot, s->start, s->interval, s->values, s->n);
  else
    esc_plot_set_history (self->plot, 0, 30, NULL, 0);
  if (f != NULL)
    {
      EscInstant from = MAX (s != NULL ? s->start : f->start,
                             f->start - PLOT_HISTORY_DAYS * ESC_MINUTES_PER_DAY);

      esc_plot_set_forecast (self->plot, f->start, f->interval, f->point, f->lower, f->upper,
                             f->n);
      for (guint i = 0; i < f->n; i++)
        if (f->holiday[i])
          {
            EscJulian day = (EscJulian) (esc_channel_forecast_get_time (f, i) /
                                         ESC_MINUTES_PER_DAY);

            if (holidays->len == 0 ||
                g_array_index (holidays, EscJulian, holidays->len - 1) != day)
              g_array_append_val (holidays, day);
          }
      esc_plot_set_range (self->plot, from, esc_channel_forecast_get_time (f, f->n));
    }
  else
    esc_plot_set_forecast (self->plot, 0, 30, NULL, NULL, NULL, 0);
  esc_plot_set_holidays (self->plot, (const EscJulian *) holidays->data, holidays->len);
  describe_plot (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->plot_area));
}

/* Recomputes the staff of the channel shown, then the figures and the table. */
static void
update_staffing (EscStaffingPage *self)
{
  g_autoptr(GError) error = NULL;
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autoptr(GPtrArray) indices = g_ptr_array_new_with_free_func (g_free);

  g_clear_pointer (&self->staffing, g_array_unref);
  if (self->channel_forecast != NULL)
    {
      self->staffing = compute_staffing (self, adw_combo_row_get_selected (self->basis_row) == 1,
                                         &error);
      if (self->staffing == NULL)
        show_error (self, _("Could Not Compute Staff"), error->message);
    }
  /* Closed hours (no volume, nobody needed) are left out of the table. */
  for (guint i = 0; self->staffing != NULL && i < self->staffing->len; i++)
    {
      const EscStaffingInterval *it = &g_array_index (self->staffing, EscStaffingInterval, i);

      if (it->required > 0 || it->volume >= 0.05)
        g_ptr_array_add (indices, g_strdup_printf ("%u", i));
    }
  if (self->staffing != NULL)
    {
      g_autofree char *title = NULL;

      /* TRANSLATORS: the table's heading: "Required Staff per Interval · 312 of 672
       * intervals, closed hours left out" */
      title = g_strdup_printf (_("Required Staff per Interval · %u of %u intervals, closed "
                                 "hours left out"), indices->len, self->staffing->len);
      gtk_label_set_text (self->table_title, title);
    }
  g_ptr_array_add (indices, NULL);
  gtk_string_list_splice (self->rows, 0, old_n, (const char * const *) indices->pdata);
  update_figures (self);
  update_busy (self);
}

/* Shows the channel chosen of the current forecast. */
static void
update_channel (EscStaffingPage *self)
{
  const char *channel = get_selected_string (self->channel_row);

  self->channel_forecast = NULL;
  self->channel_series = NULL;
  if (self->forecast != NULL && channel != NULL)
    self->channel_forecast = esc_forecast_find_channel (self->forecast, channel);
  for (guint i = 0; self->series != NULL && i < self->series->len; i++)
    {
      const EscSeries *s = g_ptr_array_index (self->series, i);

      if (g_strcmp0 (s->channel, channel) == 0)
        self->channel_series = s;
    }

  self->updating = TRUE;
  adw_combo_row_set_selected (self->kind_row,
                              channel != NULL && g_hash_table_contains (self->deferred, channel));
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->service_level_spin),
                            adw_combo_row_get_selected (self->kind_row) == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_spin),
                            adw_combo_row_get_selected (self->kind_row) == 0);

  update_plot (self);
  update_staffing (self);
}

static void
forecast_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  EscStaffingPage *self = ESC_STAFFING_PAGE (source);
  GTask *task = G_TASK (result);
  g_autoptr(GError) error = NULL;
  ForecastOutput *output = g_task_propagate_pointer (task, &error);
  GPtrArray *series = user_data;

  /* A newer forecast was started, or the page went away: drop this one. */
  if (g_task_get_cancellable (task) != self->forecast_cancellable)
    {
      g_clear_pointer (&output, forecast_output_free);
      g_ptr_array_unref (series);
      return;
    }
  g_clear_object (&self->forecast_cancellable);
  if (output == NULL)
    {
      g_ptr_array_unref (series);
      update_busy (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Forecast"), error->message);
      return;
    }

  g_clear_pointer (&self->forecast, esc_forecast_free);
  g_clear_pointer (&self->backtests, g_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  self->forecast = g_steal_pointer (&output->forecast);
  self->backtests = g_steal_pointer (&output->backtests);
  self->series = series;
  forecast_output_free (output);
  gtk_stack_set_visible_child_name (self->stack, "forecast");
  update_channel (self);
}

static void
forecast_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  ForecastInput *input = task_data;
  g_autoptr(GError) error = NULL;
  ForecastOutput *output = g_new0 (ForecastOutput, 1);

  output->forecast = esc_forecast_new (input->series, &input->options, &error);
  if (output->forecast == NULL)
    {
      forecast_output_free (output);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  output->backtests = g_array_new (FALSE, TRUE, sizeof (EscForecastAccuracy));
  g_array_set_clear_func (output->backtests, accuracy_clear_cb);
  for (guint i = 0; i < input->series->len; i++)
    {
      const EscSeries *s = g_ptr_array_index (input->series, i);
      EscForecastAccuracy accuracy = { 0 };

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (input->holdout_weeks <= 0 ||
          !esc_forecast_backtest (s, input->holdout_weeks, &input->options, &accuracy, NULL))
        {
          accuracy = (EscForecastAccuracy) { NULL };
          accuracy.mape = accuracy.wape = accuracy.coverage = accuracy.bias = NAN;
        }
      g_free (accuracy.channel);
      accuracy.channel = g_strdup (s->channel);
      g_array_append_val (output->backtests, accuracy);
    }
  if (g_task_return_error_if_cancelled (task))
    {
      forecast_output_free (output);
      return;
    }
  g_task_return_pointer (task, output, (GDestroyNotify) forecast_output_free);
}

/* Aggregates the history and fits it on a worker. */
static void
start_forecast (EscStaffingPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) series = NULL;
  ForecastInput *input;
  guint n_days;

  g_clear_handle_id (&self->refit_id, g_source_remove);
  if (self->history == NULL)
    return;
  if (self->forecast_cancellable != NULL)
    g_cancellable_cancel (self->forecast_cancellable);
  g_clear_object (&self->forecast_cancellable);

  series = esc_history_aggregate (self->history, get_interval (self), &error);
  if (series == NULL)
    {
      show_error (self, _("Could Not Forecast"), error->message);
      update_busy (self);
      return;
    }

  input = g_new0 (ForecastInput, 1);
  input->series = g_ptr_array_ref (series);
  input->holidays = esc_staffing_project_holidays (self->project,
                                                   get_selected_string (self->store_row));
  esc_forecast_options_init (&input->options);
  input->options.horizon_days = gtk_spin_button_get_value_as_int (self->horizon_spin);
  input->options.confidence = gtk_spin_button_get_value (self->confidence_spin) / 100;
  input->options.holidays = (const EscJulian *) input->holidays->data;
  input->options.n_holidays = input->holidays->len;
  n_days = series->len > 0
             ? ((EscSeries *) g_ptr_array_index (series, 0))->n * get_interval (self) /
                 ESC_MINUTES_PER_DAY
             : 0;
  /* Hold out what leaves at least two weeks to fit: two weeks from six on. */
  input->holdout_weeks = n_days >= 42 ? 2 : n_days >= 21 ? 1 : 0;

  self->forecast_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->forecast_cancellable, forecast_done_cb,
                     g_steal_pointer (&series));
  g_task_set_source_tag (task, start_forecast);
  g_task_set_task_data (task, input, (GDestroyNotify) forecast_input_free);
  g_task_run_in_thread (task, forecast_thread);
  update_busy (self);
}

static gboolean
refit_cb (gpointer user_data)
{
  EscStaffingPage *self = user_data;

  self->refit_id = 0;
  start_forecast (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refit (EscStaffingPage *self)
{
  if (self->updating || self->history == NULL)
    return;
  g_clear_handle_id (&self->refit_id, g_source_remove);
  self->refit_id = g_timeout_add (REFIT_DELAY_MS, refit_cb, self);
}

static void
describe_history (EscStaffingPage *self)
{
  EscInstant first = 0, last = 0;
  guint n_channels = 0;
  int granularity = esc_history_get_granularity (self->history);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *channels = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  esc_history_get_channels (self->history, &n_channels);
  esc_history_get_range (self->history, &first, &last);
  from = esc_display_date ((EscJulian) (first / ESC_MINUTES_PER_DAY));
  to = esc_display_date ((EscJulian) (last / ESC_MINUTES_PER_DAY));
  total = esc_display_number (esc_history_get_total (self->history, NULL), 0);
  channels = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u channel", "%u channels",
                                           n_channels), n_channels);
  if (esc_history_is_per_interval (self->history))
    /* TRANSLATORS: how a history file counts: "counts per 30 minutes" */
    kind = g_strdup_printf (_("counts per %d minutes"), granularity);
  else
    kind = g_strdup (_("one row per contact"));
  /* TRANSLATORS: "04/03/2024 to 28/04/2024 · 2 channels · 41,234 contacts · one row per
   * contact"; the dates and the number come formatted for the locale */
  text = g_strdup_printf (_("%s to %s · %s · %s contacts · %s"), from, to, channels, total,
                          kind);
  gtk_label_set_text (self->history_title, self->history_name);
  gtk_label_set_text (self->history_label, text);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  EscStaffingPage *self = ESC_STAFFING_PAGE (source);
  GTask *task = G_TASK (result);
  g_autofree char *name = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscHistory) history = g_task_propagate_pointer (task, &error);
  const char * const *channels;
  int granularity;

  if (g_task_get_cancellable (task) != self->load_cancellable)
    return;
  g_clear_object (&self->load_cancellable);
  if (history == NULL)
    {
      update_busy (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Load History"), error->message);
      return;
    }

  g_clear_pointer (&self->history, esc_history_free);
  self->history = g_steal_pointer (&history);
  g_free (self->history_name);
  self->history_name = g_steal_pointer (&name);

  channels = esc_history_get_channels (self->history, NULL);
  for (guint i = 0; channels[i] != NULL; i++)
    if (is_deferred_by_name (channels[i]))
      g_hash_table_add (self->deferred, g_strdup (channels[i]));
  fill_string_list (self, self->channels, self->channel_row, (const char **) channels);

  /* Hourly counts cannot be split into half hours. */
  granularity = esc_history_get_granularity (self->history);
  self->updating = TRUE;
  while (get_interval (self) % granularity != 0 &&
         adw_combo_row_get_selected (self->interval_row) + 1 < G_N_ELEMENTS (intervals))
    adw_combo_row_set_selected (self->interval_row,
                                adw_combo_row_get_selected (self->interval_row) + 1);
  self->updating = FALSE;

  describe_history (self);
  start_forecast (self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  EscHistory *history = esc_history_load (task_data, &error);

  if (history == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, history, (GDestroyNotify) esc_history_free);
}

static void
compare_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  EscStaffingPage *self = ESC_STAFFING_PAGE (source);
  GTask *task = G_TASK (result);
  g_autofree char *name = user_data;
  g_autoptr(GError) error = NULL;
  double *wape = g_task_propagate_pointer (task, &error);

  if (g_task_get_cancellable (task) != self->compare_cancellable)
    {
      g_free (wape);
      return;
    }
  g_clear_object (&self->compare_cancellable);
  update_busy (self);
  if (wape == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Compare"), error->message);
      return;
    }
  self->compare_wape = *wape;
  g_free (self->compare_name);
  self->compare_name = g_steal_pointer (&name);
  g_free (wape);
  update_figures (self);
  {
    g_autofree char *percent = format_percent (self->compare_wape);
    /* TRANSLATORS: a toast: "Forecast “may.json” against actuals: WAPE 6.2 %" */
    g_autofree char *text = g_strdup_printf (_("Forecast “%s” against actuals: WAPE %s"),
                                             self->compare_name, percent);

    show_toast (self, text);
  }
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CompareInput *input = task_data;
  GError *error = NULL;
  g_autoptr(EscForecast) saved = NULL;
  g_autoptr(EscHistory) history = NULL;
  g_autoptr(GPtrArray) actuals = NULL;
  g_autoptr(GArray) accuracy = NULL;
  double total = NAN;

  if ((saved = esc_forecast_load (input->forecast_path, &error)) == NULL ||
      (history = esc_history_load (input->history_path, &error)) == NULL ||
      (actuals = esc_history_aggregate (history, saved->interval, &error)) == NULL ||
      (accuracy = esc_forecast_compare (saved, actuals, &total, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_memdup2 (&total, sizeof total), g_free);
}

/* Signal callbacks */

static void
forecast_input_changed_cb (EscStaffingPage *self)
{
  schedule_refit (self);
}

static void
channel_changed_cb (EscStaffingPage *self)
{
  if (!self->updating)
    update_channel (self);
}

static void
kind_changed_cb (EscStaffingPage *self)
{
  const char *channel = get_selected_string (self->channel_row);
  gboolean inbound = adw_combo_row_get_selected (self->kind_row) == 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->service_level_spin), inbound);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_spin), inbound);
  if (self->updating || channel == NULL)
    return;
  if (inbound)
    g_hash_table_remove (self->deferred, channel);
  else
    g_hash_table_add (self->deferred, g_strdup (channel));
  update_staffing (self);
}

static void
staffing_input_changed_cb (EscStaffingPage *self)
{
  if (!self->updating && self->forecast != NULL)
    update_staffing (self);
}

static void
store_changed_cb (EscStaffingPage *self)
{
  /* The store's holidays are the forecast's special days. */
  schedule_refit (self);
}

static void
fill_ids (EscStaffingPage *self,
          EscTableId       table_id,
          GtkStringList   *list,
          AdwComboRow     *row)
{
  EscTable *table = esc_project_get_table (self->project, table_id);
  guint n = esc_table_get_n_rows (table);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      const char *id = esc_row_get (esc_table_get_row (table, i), 0);

      if (id != NULL && *id != '\0')
        g_ptr_array_add (ids, (gpointer) id);
    }
  g_ptr_array_add (ids, NULL);
  fill_string_list (self, list, row, (const char **) ids->pdata);
}

static void
stores_changed_cb (EscStaffingPage *self)
{
  fill_ids (self, ESC_TABLE_STORE, self->stores, self->store_row);
}

static void
roles_changed_cb (EscStaffingPage *self)
{
  fill_ids (self, ESC_TABLE_ROLE, self->roles, self->role_row);
}

static void
draw_plot (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  EscStaffingPage *self = user_data;

  esc_plot_set_dark (self->plot, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  esc_plot_draw (self->plot, cr, width, height);
}

static gboolean
plot_query_tooltip_cb (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  EscStaffingPage *self = user_data;
  const EscChannelForecast *f = self->channel_forecast;
  const EscSeries *s = self->channel_series;
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double x0, x1, unused;
  EscInstant origin, time, start;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int interval;

  if (f == NULL || keyboard || x < ESC_PLOT_MARGIN_LEFT ||
      x > width - ESC_PLOT_MARGIN_RIGHT)
    return FALSE;
  /* The inverse of the plot's time axis, from two points of it. */
  origin = f->start;
  if (!esc_plot_to_pixel (self->plot, width, height, origin, 0, &x0, &unused) ||
      !esc_plot_to_pixel (self->plot, width, height, origin + ESC_MINUTES_PER_DAY, 0, &x1,
                          &unused) || x1 <= x0)
    return FALSE;
  interval = f->interval;
  time = origin + (EscInstant) floor ((x - x0) / (x1 - x0) * ESC_MINUTES_PER_DAY);
  start = origin + (EscInstant) floor ((double) (time - origin) / interval) * interval;

  from = format_instant (start);
  to = esc_format_time ((int) ((start + interval) % ESC_MINUTES_PER_DAY == 0
                                 ? ESC_MINUTES_PER_DAY
                                 : (start + interval) % ESC_MINUTES_PER_DAY));
  g_string_append_printf (text, "<b>%s–%s</b>", from, to);
  if (s != NULL)
    {
      gint64 i = esc_series_find (s, start);

      if (i >= 0)
        {
          g_autofree char *value = esc_display_number (s->values[i], 0);

          /* TRANSLATORS: a line of the plot's tooltip */
          g_string_append_printf (text, "\n%s %s", _("History:"), value);
        }
    }
  if (start >= f->start && start < esc_channel_forecast_get_time (f, f->n))
    {
      guint i = (guint) ((start - f->start) / interval);
      g_autofree char *point = esc_display_number (f->point[i], 1);
      g_autofree char *lower = esc_display_number (f->lower[i], 1);
      g_autofree char *upper = esc_display_number (f->upper[i], 1);

      g_string_append_printf (text, "\n%s %s (%s–%s)", _("Forecast:"), point, lower, upper);
      if (self->staffing != NULL && i < self->staffing->len)
        {
          const EscStaffingInterval *it = &g_array_index (self->staffing, EscStaffingInterval,
                                                          i);

          /* TRANSLATORS: a line of the plot's tooltip: "Agents: 9 · 13 to schedule" */
          g_string_append_printf (text, "\n");
          g_string_append_printf (text, _("Agents: %d · %d to schedule"), it->required,
                                  it->scheduled);
        }
      if (f->holiday[i])
        g_string_append_printf (text, "\n<i>%s</i>", _("Holiday"));
    }
  else if (s == NULL || esc_series_find (s, start) < 0)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, text->str);
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_TIME ? 0 : 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  EscStaffingPage *self = user_data;
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  GtkStringObject *index = gtk_list_item_get_item (item);
  guint i = (guint) g_ascii_strtoull (gtk_string_object_get_string (index), NULL, 10);
  const EscChannelForecast *f = self->channel_forecast;
  const EscStaffingInterval *it;
  g_autofree char *text = NULL;

  if (f == NULL || self->staffing == NULL || i >= self->staffing->len || i >= f->n)
    {
      gtk_label_set_text (label, "");
      return;
    }
  it = &g_array_index (self->staffing, EscStaffingInterval, i);
  switch (column)
    {
    case COLUMN_TIME:
      {
        g_autofree char *when = format_instant (it->start);

        text = it->holiday ? g_strdup_printf (_("%s (holiday)"), when) : g_steal_pointer (&when);
      }
      break;
    case COLUMN_FORECAST:
      text = esc_display_number (f->point[i], 1);
      break;
    case COLUMN_RANGE:
      {
        g_autofree char *lower = esc_display_number (f->lower[i], 1);
        g_autofree char *upper = esc_display_number (f->upper[i], 1);

        text = g_strdup_printf ("%s – %s", lower, upper);
      }
      break;
    case COLUMN_AGENTS:
      text = g_strdup_printf ("%d", it->required);
      break;
    case COLUMN_SCHEDULED:
      text = g_strdup_printf ("%d", it->scheduled);
      break;
    case COLUMN_SERVICE_LEVEL:
      text = it->required > 0 ? format_percent (it->service_level) : g_strdup ("–");
      break;
    case COLUMN_ASA:
      if (it->required > 0 && isfinite (it->asa))
        {
          g_autofree char *asa = esc_display_number (it->asa, 1);

          text = g_strdup_printf ("%s s", asa);
        }
      else
        text = g_strdup ("–");
      break;
    case COLUMN_OCCUPANCY:
      text = it->required > 0 ? format_percent (it->occupancy) : g_strdup ("–");
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (label, text);
}

static void
add_column (EscStaffingPage *self,
            Column           column,
            const char      *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, column == COLUMN_TIME);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* File choosers */

static GtkWindow *
get_window (EscStaffingPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char    **patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
add_history_filters (GtkFileChooser *chooser)
{
  const char *history[] = { "*.csv", "*.CSV", "*.txt", "*.xlsx", "*.XLSX", "*.xlsm", NULL };
  const char *all[] = { "*", NULL };

  add_filter (chooser, _("Workload History (CSV, XLSX)"), history);
  add_filter (chooser, _("All Files"), all);
}

static char *
take_chosen_path (GtkNativeDialog *dialog,
                  int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  return file != NULL ? g_file_get_path (file) : NULL;
}

static void
history_chosen_cb (GtkNativeDialog *dialog,
                   int              response,
                   gpointer         user_data)
{
  EscStaffingPage *self = user_data;
  g_autofree char *path = take_chosen_path (dialog, response);

  if (path != NULL)
    esc_staffing_page_load_history (self, path);
  g_object_unref (dialog);
}

static void
load_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EscStaffingPage *self = ESC_STAFFING_PAGE (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Load Workload History"), get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Load"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_history_filters (GTK_FILE_CHOOSER (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (history_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
forecast_save_chosen_cb (GtkNativeDialog *dialog,
                         int              response,
                         gpointer         user_data)
{
  EscStaffingPage *self = user_data;
  g_autofree char *path = take_chosen_path (dialog, response);
  g_autoptr(GError) error = NULL;

  if (path != NULL)
    {
      if (!esc_staffing_page_save_forecast (self, path, &error))
        show_error (self, _("Could Not Save Forecast"), error->message);
      else
        {
          g_autofree char *base = g_path_get_basename (path);
          g_autofree char *name = g_filename_display_name (base);
          /* TRANSLATORS: a toast: "Saved forecast “may.json”" */
          g_autofree char *text = g_strdup_printf (_("Saved forecast “%s”"), name);

          show_toast (self, text);
        }
    }
  g_object_unref (dialog);
}

static void
save_forecast_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EscStaffingPage *self = ESC_STAFFING_PAGE (widget);
  GtkFileChooserNative *dialog;
  const char *json[] = { "*.json", NULL };
  g_autofree char *suggested = NULL;

  if (self->forecast == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Save Forecast"), get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_filter (GTK_FILE_CHOOSER (dialog), _("Saved Forecasts (JSON)"), json);
  if (self->channel_forecast != NULL)
    {
      g_autofree char *date = esc_format_date ((EscJulian) (self->channel_forecast->start /
                                                            ESC_MINUTES_PER_DAY));

      suggested = g_strdup_printf ("forecast-%s.json", date);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (forecast_save_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
actuals_chosen_cb (GtkNativeDialog *dialog,
                   int              response,
                   gpointer         user_data)
{
  EscStaffingPage *self = user_data;
  g_autofree char *path = take_chosen_path (dialog, response);
  const char *forecast_path = g_object_get_data (G_OBJECT (dialog), "forecast-path");

  if (path != NULL)
    esc_staffing_page_compare (self, forecast_path, path);
  g_object_unref (dialog);
}

static void
saved_forecast_chosen_cb (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  EscStaffingPage *self = user_data;
  g_autofree char *path = take_chosen_path (dialog, response);

  g_object_unref (dialog);
  if (path != NULL)
    {
      GtkFileChooserNative *next;

      next = gtk_file_chooser_native_new (_("Choose the Actuals: a Newer History"),
                                          get_window (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                          _("_Compare"), NULL);
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (next), TRUE);
      add_history_filters (GTK_FILE_CHOOSER (next));
      g_object_set_data_full (G_OBJECT (next), "forecast-path", g_steal_pointer (&path), g_free);
      g_signal_connect_object (next, "response", G_CALLBACK (actuals_chosen_cb), self, 0);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (next));
    }
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EscStaffingPage *self = ESC_STAFFING_PAGE (widget);
  GtkFileChooserNative *dialog;
  const char *json[] = { "*.json", NULL };

  dialog = gtk_file_chooser_native_new (_("Choose a Saved Forecast"), get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Next"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_filter (GTK_FILE_CHOOSER (dialog), _("Saved Forecasts (JSON)"), json);
  g_signal_connect_object (dialog, "response", G_CALLBACK (saved_forecast_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
generate_demand_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EscStaffingPage *self = ESC_STAFFING_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *store = get_selected_string (self->store_row);
  const char *role = get_selected_string (self->role_row);

  if (esc_staffing_page_generate_demand (self, store, role,
                                         adw_combo_row_get_selected (self->basis_row) == 1,
                                         &error) < 0)
    {
      gtk_widget_error_bell (widget);
      show_error (self, _("Could Not Generate Demand"), error->message);
    }
}

/* Parent overrides */

static void
esc_staffing_page_constructed (GObject *object)
{
  EscStaffingPage *self = ESC_STAFFING_PAGE (object);

  G_OBJECT_CLASS (esc_staffing_page_parent_class)->constructed (object);

  g_signal_connect_object (esc_project_get_table (self->project, ESC_TABLE_STORE),
                           "items-changed", G_CALLBACK (stores_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (esc_project_get_table (self->project, ESC_TABLE_ROLE),
                           "items-changed", G_CALLBACK (roles_changed_cb), self,
                           G_CONNECT_SWAPPED);
  stores_changed_cb (self);
  roles_changed_cb (self);
}

static void
esc_staffing_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EscStaffingPage *self = ESC_STAFFING_PAGE (object);

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
esc_staffing_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EscStaffingPage *self = ESC_STAFFING_PAGE (object);

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
cancel_and_clear (GCancellable **cancellable)
{
  if (*cancellable != NULL)
    g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
}

static void
esc_staffing_page_dispose (GObject *object)
{
  EscStaffingPage *self = ESC_STAFFING_PAGE (object);

  g_clear_handle_id (&self->refit_id, g_source_remove);
  cancel_and_clear (&self->load_cancellable);
  cancel_and_clear (&self->forecast_cancellable);
  cancel_and_clear (&self->compare_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESC_TYPE_STAFFING_PAGE);
  g_clear_object (&self->project);
  g_clear_object (&self->channels);
  g_clear_object (&self->stores);
  g_clear_object (&self->roles);

  G_OBJECT_CLASS (esc_staffing_page_parent_class)->dispose (object);
}

static void
esc_staffing_page_finalize (GObject *object)
{
  EscStaffingPage *self = ESC_STAFFING_PAGE (object);

  g_clear_pointer (&self->history, esc_history_free);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->forecast, esc_forecast_free);
  g_clear_pointer (&self->backtests, g_array_unref);
  g_clear_pointer (&self->staffing, g_array_unref);
  g_clear_pointer (&self->plot, esc_plot_free);
  g_clear_pointer (&self->deferred, g_hash_table_unref);
  g_free (self->history_name);
  g_free (self->compare_name);
  g_free (self->message);

  G_OBJECT_CLASS (esc_staffing_page_parent_class)->finalize (object);
}

static void
esc_staffing_page_class_init (EscStaffingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = esc_staffing_page_constructed;
  object_class->get_property = esc_staffing_page_get_property;
  object_class->set_property = esc_staffing_page_set_property;
  object_class->dispose = esc_staffing_page_dispose;
  object_class->finalize = esc_staffing_page_finalize;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, ESC_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "staffing.load-history", NULL,
                                   load_history_action);
  gtk_widget_class_install_action (widget_class, "staffing.save-forecast", NULL,
                                   save_forecast_action);
  gtk_widget_class_install_action (widget_class, "staffing.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "staffing.generate-demand", NULL,
                                   generate_demand_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-staffing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, empty_spinner);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, history_title);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, history_label);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, plot_area);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, interval_row);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, horizon_spin);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, confidence_spin);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, aht_spin);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, service_level_spin);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, target_spin);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, occupancy_spin);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, shrinkage_spin);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, table_title);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, store_row);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, EscStaffingPage, basis_row);
}

static void
esc_staffing_page_init (EscStaffingPage *self)
{
  GtkSpinButton *staffing_spins[5];
  g_autoptr(GtkNoSelection) selection = NULL;

  self->compare_wape = NAN;
  self->plot = esc_plot_new ();
  self->deferred = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->channels = gtk_string_list_new (NULL);
  self->stores = gtk_string_list_new (NULL);
  self->roles = gtk_string_list_new (NULL);
  self->rows = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->updating = TRUE;
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (self->channels));
  adw_combo_row_set_model (self->store_row, G_LIST_MODEL (self->stores));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (self->roles));
  adw_combo_row_set_selected (self->interval_row, 1);
  self->updating = FALSE;

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  g_object_unref (self->rows);   /* the selection holds it now */
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  add_column (self, COLUMN_TIME, _("Interval"));
  add_column (self, COLUMN_FORECAST, _("Forecast"));
  add_column (self, COLUMN_RANGE, _("Prediction Interval"));
  add_column (self, COLUMN_AGENTS, _("Agents"));
  add_column (self, COLUMN_SCHEDULED, _("Scheduled"));
  add_column (self, COLUMN_SERVICE_LEVEL, _("Service Level"));
  add_column (self, COLUMN_ASA, _("ASA"));
  add_column (self, COLUMN_OCCUPANCY, _("Occupancy"));

  gtk_drawing_area_set_draw_func (self->plot_area, draw_plot, self, NULL);
  describe_plot (self);
  g_signal_connect (self->plot_area, "query-tooltip", G_CALLBACK (plot_query_tooltip_cb), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->plot_area,
                           G_CONNECT_SWAPPED);

  g_signal_connect_swapped (self->interval_row, "notify::selected",
                            G_CALLBACK (forecast_input_changed_cb), self);
  g_signal_connect_swapped (self->horizon_spin, "value-changed",
                            G_CALLBACK (forecast_input_changed_cb), self);
  g_signal_connect_swapped (self->confidence_spin, "value-changed",
                            G_CALLBACK (forecast_input_changed_cb), self);
  g_signal_connect_swapped (self->store_row, "notify::selected",
                            G_CALLBACK (store_changed_cb), self);
  g_signal_connect_swapped (self->channel_row, "notify::selected",
                            G_CALLBACK (channel_changed_cb), self);
  g_signal_connect_swapped (self->kind_row, "notify::selected",
                            G_CALLBACK (kind_changed_cb), self);
  g_signal_connect_swapped (self->basis_row, "notify::selected",
                            G_CALLBACK (staffing_input_changed_cb), self);
  staffing_spins[0] = self->aht_spin;
  staffing_spins[1] = self->service_level_spin;
  staffing_spins[2] = self->target_spin;
  staffing_spins[3] = self->occupancy_spin;
  staffing_spins[4] = self->shrinkage_spin;
  for (guint i = 0; i < G_N_ELEMENTS (staffing_spins); i++)
    g_signal_connect_swapped (staffing_spins[i], "value-changed",
                              G_CALLBACK (staffing_input_changed_cb), self);

  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_busy (self);
}

/* Public API */

GtkWidget *
esc_staffing_page_new (EscProject *project)
{
  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  return g_object_new (ESC_TYPE_STAFFING_PAGE, "project", project, NULL);
}

void
esc_staffing_page_load_history (EscStaffingPage *self,
                                const char      *path)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *base = NULL;

  g_return_if_fail (ESC_IS_STAFFING_PAGE (self));
  g_return_if_fail (path != NULL);

  cancel_and_clear (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  base = g_path_get_basename (path);
  task = g_task_new (self, self->load_cancellable, load_done_cb, g_filename_display_name (base));
  g_task_set_source_tag (task, esc_staffing_page_load_history);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, load_thread);
  update_busy (self);
}

void
esc_staffing_page_compare (EscStaffingPage *self,
                           const char      *forecast_path,
                           const char      *history_path)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *base = NULL;
  CompareInput *input;

  g_return_if_fail (ESC_IS_STAFFING_PAGE (self));
  g_return_if_fail (forecast_path != NULL && history_path != NULL);

  cancel_and_clear (&self->compare_cancellable);
  self->compare_cancellable = g_cancellable_new ();
  input = g_new0 (CompareInput, 1);
  input->forecast_path = g_strdup (forecast_path);
  input->history_path = g_strdup (history_path);
  base = g_path_get_basename (forecast_path);
  task = g_task_new (self, self->compare_cancellable, compare_done_cb,
                     g_filename_display_name (base));
  g_task_set_source_tag (task, esc_staffing_page_compare);
  g_task_set_task_data (task, input, (GDestroyNotify) compare_input_free);
  g_task_run_in_thread (task, compare_thread);
  update_busy (self);
}

gboolean
esc_staffing_page_save_forecast (EscStaffingPage *self,
                                 const char      *path,
                                 GError         **error)
{
  g_return_val_if_fail (ESC_IS_STAFFING_PAGE (self), FALSE);

  if (self->forecast == NULL)
    {
      g_set_error_literal (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_MISSING,
                           _("There is no forecast yet: load a workload history first"));
      return FALSE;
    }
  return esc_forecast_save (self->forecast, path, error);
}

int
esc_staffing_page_generate_demand (EscStaffingPage *self,
                                   const char      *store,
                                   const char      *role,
                                   gboolean         use_upper,
                                   GError         **error)
{
  g_autoptr(GArray) staffing = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(EscCommand) command = NULL;
  g_autofree char *text = NULL;
  int interval;

  g_return_val_if_fail (ESC_IS_STAFFING_PAGE (self), -1);

  if (store == NULL || role == NULL)
    {
      g_set_error_literal (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_MISSING,
                           _("Choose a store and a role: the project needs both"));
      return -1;
    }
  if ((staffing = compute_staffing (self, use_upper, error)) == NULL)
    return -1;
  interval = self->channel_forecast->interval;
  command = esc_staffing_generate_demand (self->project, store, role, staffing, interval,
                                          error);
  if (command == NULL)
    return -1;
  rows = esc_staffing_demand_rows (store, role, staffing, interval);
  esc_project_execute (self->project, command);

  /* TRANSLATORS: a toast: "Wrote 84 demand rows for LJ01 · CAIXA" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u demand row for %s · %s",
                                       "Wrote %u demand rows for %s · %s", rows->len),
                          rows->len, store, role);
  show_toast (self, text);
  return (int) rows->len;
}

gboolean
esc_staffing_page_is_busy (EscStaffingPage *self)
{
  g_return_val_if_fail (ESC_IS_STAFFING_PAGE (self), FALSE);

  return self->load_cancellable != NULL || self->forecast_cancellable != NULL ||
         self->compare_cancellable != NULL || self->refit_id != 0;
}

gboolean
esc_staffing_page_has_forecast (EscStaffingPage *self)
{
  g_return_val_if_fail (ESC_IS_STAFFING_PAGE (self), FALSE);

  return self->channel_forecast != NULL;
}

const char *
esc_staffing_page_get_channel (EscStaffingPage *self)
{
  g_return_val_if_fail (ESC_IS_STAFFING_PAGE (self), NULL);

  return get_selected_string (self->channel_row);
}

gboolean
esc_staffing_page_set_channel (EscStaffingPage *self,
                               const char      *channel)
{
  g_return_val_if_fail (ESC_IS_STAFFING_PAGE (self), FALSE);

  return select_string (self->channel_row, channel);
}

guint
esc_staffing_page_get_n_rows (EscStaffingPage *self)
{
  GtkSelectionModel *model;

  g_return_val_if_fail (ESC_IS_STAFFING_PAGE (self), 0);

  model = gtk_column_view_get_model (self->column_view);
  return model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}

int
esc_staffing_page_get_max_required (EscStaffingPage *self)
{
  int max = 0;

  g_return_val_if_fail (ESC_IS_STAFFING_PAGE (self), 0);

  for (guint i = 0; self->staffing != NULL && i < self->staffing->len; i++)
    max = MAX (max, g_array_index (self->staffing, EscStaffingInterval, i).required);
  return max;
}

void
esc_staffing_page_get_backtest (EscStaffingPage *self,
                                double          *mape,
                                double          *wape)
{
  const EscForecastAccuracy *a;

  g_return_if_fail (ESC_IS_STAFFING_PAGE (self));

  a = self->channel_forecast != NULL ? find_backtest (self, self->channel_forecast->channel)
                                     : NULL;
  if (mape != NULL)
    *mape = a != NULL ? a->mape : NAN;
  if (wape != NULL)
    *wape = a != NULL ? a->wape : NAN;
}

double
esc_staffing_page_get_compare_wape (EscStaffingPage *self)
{
  g_return_val_if_fail (ESC_IS_STAFFING_PAGE (self), NAN);

  return self->compare_wape;
}

const char *
esc_staffing_page_get_message (EscStaffingPage *self)
{
  g_return_val_if_fail (ESC_IS_STAFFING_PAGE (self), NULL);

  return self->message;
}
