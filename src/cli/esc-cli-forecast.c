/* esc-cli-forecast.c: "escala-cli forecast HISTORY": workload forecast, required staff
 * and, on request, Demand rows in a project.
 *
 * Reads a history file (CSV or XLSX, per event or per interval; src/staffing/
 * esc-history.h), aggregates it to --interval minutes, forecasts --horizon days per
 * channel (src/staffing/esc-forecast.h) and writes a CSV with, per interval and
 * channel: the point forecast, the prediction interval, whether the day is a holiday,
 * the agents required (Erlang C, or workload for the channels named by --deferred), the
 * staff to schedule with shrinkage and the achieved service level, ASA and occupancy.
 *
 * --backtest WEEKS prints MAPE, WAPE and interval coverage per channel over the last
 * WEEKS weeks of history held out; --save F.json keeps the forecast for tracking;
 * --compare F.json instead compares a saved forecast with HISTORY's actuals.
 *
 * --demand-into P.escala --store S --role R adds the staff to schedule (of the point
 * forecast, or of the upper bound with --upper), summed over the channels (or of
 * --channel only), as merged Demand rows of that store and role, replacing the store
 * and role's dated rows of those days (src/staffing/esc-staffing-demand.h), and saves
 * the project. The project's holidays that apply to the store are the forecast's
 * special days.
 *
 * Exit status: 0 done; 1 the history or the project has problems (a row that does not
 * parse, too little history, no such channel, store or role); 2 a file cannot be read
 * or written, or the command line is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-cli"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "core/esc-file.h"
#include "core/esc-table.h"
#include "io/esc-project-file.h"
#include "staffing/esc-forecast.h"
#include "staffing/esc-forecast-accuracy.h"
#include "staffing/esc-forecast-file.h"
#include "staffing/esc-history.h"
#include "staffing/esc-staffing.h"
#include "staffing/esc-staffing-demand.h"
#include "staffing/esc-staffing-error.h"
#include "esc-cli.h"

typedef struct
{
  int       interval;
  int       horizon;
  int       backtest;
  char     *output;
  char     *confidence;
  char     *channel;
  char     *save;
  char     *compare;
  char     *aht;
  char     *target;
  char     *service_level;
  char     *asa;
  char     *max_occupancy;
  char     *shrinkage;
  char     *deferred;
  char     *demand_into;
  char     *store;
  char     *role;
  gboolean  upper;
  char    **files;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->output);
  g_free (options->confidence);
  g_free (options->channel);
  g_free (options->save);
  g_free (options->compare);
  g_free (options->aht);
  g_free (options->target);
  g_free (options->service_level);
  g_free (options->asa);
  g_free (options->max_occupancy);
  g_free (options->shrinkage);
  g_free (options->deferred);
  g_free (options->demand_into);
  g_free (options->store);
  g_free (options->role);
  g_strfreev (options->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* Errors of src/staffing are about the content (exit 1); the others say that a file
 * cannot be read (exit 2). */
static int
report_error (const EscCliCommand *command,
              const GError        *error)
{
  esc_cli_print_error (command, "%s", error->message);
  return error->domain == ESC_STAFFING_ERROR ? ESC_CLI_EXIT_PROBLEMS : ESC_CLI_EXIT_FAILURE;
}

static gboolean
parse_number_option (const EscCliCommand *command,
                     const char          *name,
                     const char          *text,
                     double              *value)
{
  if (text == NULL)
    return TRUE;
  if (!esc_parse_number (text, value, NULL) || !isfinite (*value) || *value < 0)
    {
      esc_cli_print_error (command, _("--%s: expected a number of 0 or more, found “%s”"),
                           name, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_share_option (const EscCliCommand *command,
                    const char          *name,
                    const char          *text,
                    double              *value)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return TRUE;
  if (!esc_staffing_parse_share (text, value, &error))
    {
      esc_cli_print_error (command, "--%s: %s", name, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_options (const EscCliCommand *command,
               Options             *options,
               const char         **path)
{
  guint n_files = options->files != NULL ? g_strv_length (options->files) : 0;

  if (n_files != 1)
    {
      esc_cli_print_error (command, "%s", n_files == 0 ? _("no history file given")
                                                       : _("expected one history file, found "
                                                           "several"));
      g_printerr (_("Run “%s %s --help” to see its options."), "escala-cli", command->name);
      g_printerr ("\n");
      return FALSE;
    }
  *path = options->files[0];

  if (options->compare != NULL)
    return TRUE;

  if (options->output == NULL)
    {
      esc_cli_print_error (command, "%s", _("--output is required"));
      return FALSE;
    }
  if (options->interval <= 0 || ESC_MINUTES_PER_DAY % options->interval != 0)
    {
      esc_cli_print_error (command, _("--interval: expected minutes that divide the day (15, "
                                      "30 or 60), found %d"), options->interval);
      return FALSE;
    }
  if (options->horizon < 1 || options->horizon > 366)
    {
      esc_cli_print_error (command, _("--horizon: expected 1 to 366 days, found %d"),
                           options->horizon);
      return FALSE;
    }
  if (options->backtest < 0)
    {
      esc_cli_print_error (command, _("--backtest: expected a number of weeks, found %d"),
                           options->backtest);
      return FALSE;
    }
  if (options->demand_into != NULL && (options->store == NULL || options->role == NULL))
    {
      esc_cli_print_error (command, "%s", _("--demand-into needs --store and --role"));
      return FALSE;
    }
  if (options->demand_into == NULL &&
      (options->store != NULL || options->role != NULL || options->upper))
    {
      esc_cli_print_error (command, "%s", _("--store, --role and --upper go with "
                                            "--demand-into"));
      return FALSE;
    }
  return TRUE;
}

static char *
format_instant (EscInstant time)
{
  g_autofree char *date = esc_format_date ((EscJulian) (time / ESC_MINUTES_PER_DAY));
  g_autofree char *clock = esc_format_time ((int) (time % ESC_MINUTES_PER_DAY));

  return g_strdup_printf ("%s %s", date, clock);
}

static char *
format_number (double value,
               int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  if (!isfinite (value))
    return g_strdup ("");
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}

static char *
format_percent (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup ("–");
  return g_strdup_printf ("%s%%", g_ascii_formatd (buffer, sizeof buffer, "%.1f", value * 100));
}

static void
append_field (GString    *out,
              const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_record (GString     *out,
               char       **fields,
               guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

static void
append_rows (GString                  *out,
             const EscChannelForecast *forecast,
             GArray                   *staffing)
{
  for (guint i = 0; i < forecast->n; i++)
    {
      const EscStaffingInterval *it = &g_array_index (staffing, EscStaffingInterval, i);
      char *fields[] = {
        format_instant (esc_channel_forecast_get_time (forecast, i)),
        g_strdup (forecast->channel),
        format_number (forecast->point[i], 2),
        format_number (forecast->lower[i], 2),
        format_number (forecast->upper[i], 2),
        g_strdup (forecast->holiday[i] ? "yes" : "no"),
        g_strdup_printf ("%d", it->required),
        g_strdup_printf ("%d", it->scheduled),
        it->required > 0 ? format_number (it->service_level, 4) : g_strdup (""),
        it->required > 0 ? format_number (it->asa, 1) : g_strdup (""),
        format_number (it->occupancy, 4),
      };

      append_record (out, fields, G_N_ELEMENTS (fields));
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        g_free (fields[f]);
    }
}

static gboolean
is_deferred (const Options *options,
             const char    *channel)
{
  g_auto(GStrv) names = NULL;

  if (options->deferred == NULL)
    return FALSE;
  names = esc_split_list (options->deferred);
  return g_strv_contains ((const char * const *) names, channel);
}

static gboolean
read_params (const EscCliCommand *command,
             const Options       *options,
             EscStaffingParams   *params,
             double              *deferred_occupancy)
{
  esc_staffing_params_init (params);
  params->occupancy = 0;
  *deferred_occupancy = 0.85;
  if (!parse_number_option (command, "aht", options->aht, &params->aht) ||
      !parse_number_option (command, "target", options->target, &params->target_seconds) ||
      !parse_number_option (command, "asa", options->asa, &params->asa) ||
      !parse_share_option (command, "service-level", options->service_level,
                           &params->service_level) ||
      !parse_share_option (command, "max-occupancy", options->max_occupancy,
                           &params->occupancy) ||
      !parse_share_option (command, "shrinkage", options->shrinkage, &params->shrinkage))
    return FALSE;
  if (options->max_occupancy != NULL)
    *deferred_occupancy = params->occupancy;
  return TRUE;
}

/* The series to forecast: every channel, or --channel's. */
static GPtrArray *
select_series (const EscCliCommand *command,
               EscHistory          *history,
               const Options       *options,
               int                  interval,
               int                 *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) series = esc_history_aggregate (history, interval, &error);

  if (series == NULL)
    {
      *status = report_error (command, error);
      return NULL;
    }
  if (options->channel == NULL)
    return g_steal_pointer (&series);

  for (guint i = 0; i < series->len; i++)
    {
      EscSeries *s = g_ptr_array_index (series, i);

      if (g_strcmp0 (s->channel, options->channel) == 0)
        {
          GPtrArray *one = g_ptr_array_new_with_free_func ((GDestroyNotify) esc_series_free);

          g_ptr_array_add (one, g_ptr_array_steal_index (series, i));
          return one;
        }
    }
  esc_cli_print_error (command, _("the history has no channel “%s”"), options->channel);
  *status = ESC_CLI_EXIT_PROBLEMS;
  return NULL;
}

static int
run_compare (const EscCliCommand *command,
             EscHistory          *history,
             const Options       *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscForecast) saved = NULL;
  g_autoptr(GPtrArray) actuals = NULL;
  g_autoptr(GArray) accuracy = NULL;
  double total = 0;
  int status = ESC_CLI_EXIT_OK;
  guint width;

  if ((saved = esc_forecast_load (options->compare, &error)) == NULL)
    {
      esc_cli_print_error (command, "%s", error->message);
      return ESC_CLI_EXIT_FAILURE;
    }
  if ((actuals = select_series (command, history, options, saved->interval, &status)) == NULL)
    return status;
  if ((accuracy = esc_forecast_compare (saved, actuals, &total, &error)) == NULL)
    return report_error (command, error);

  width = g_utf8_strlen (_("Channel"), -1);
  for (guint i = 0; i < accuracy->len; i++)
    width = MAX (width, (guint) g_utf8_strlen (g_array_index (accuracy, EscForecastAccuracy,
                                                              i).channel, -1));
  {
    g_autofree char *heading = esc_cli_pad (_("Channel"), width);

    g_print ("%s  %10s  %8s  %8s  %8s\n", heading, _("Intervals"), _("MAPE"), _("WAPE"),
             _("Covered"));
  }
  for (guint i = 0; i < accuracy->len; i++)
    {
      const EscForecastAccuracy *a = &g_array_index (accuracy, EscForecastAccuracy, i);
      g_autofree char *name = esc_cli_pad (a->channel, width);
      g_autofree char *mape = format_percent (a->mape);
      g_autofree char *wape = format_percent (a->wape);
      g_autofree char *coverage = format_percent (a->coverage);

      g_print ("%s  %10u  %8s  %8s  %8s\n", name, a->n, mape, wape, coverage);
    }
  {
    g_autofree char *wape = format_percent (total);

    g_print (_("WAPE over all channels: %s"), wape);
    g_print ("\n");
  }
  return ESC_CLI_EXIT_OK;
}

static void
print_backtests (const EscCliCommand      *command,
                 GPtrArray                *series,
                 const Options            *options,
                 const EscForecastOptions *forecast_options)
{
  guint width = g_utf8_strlen (_("Channel"), -1);

  for (guint i = 0; i < series->len; i++)
    width = MAX (width, (guint) g_utf8_strlen (((EscSeries *) g_ptr_array_index (series,
                                                                                  i))->channel,
                                               -1));
  g_print (g_dngettext (GETTEXT_PACKAGE, "Backtest over the last %d week held out:",
                        "Backtest over the last %d weeks held out:", options->backtest),
           options->backtest);
  g_print ("\n");
  {
    g_autofree char *heading = esc_cli_pad (_("Channel"), width);

    g_print ("  %s  %8s  %8s  %8s\n", heading, _("MAPE"), _("WAPE"), _("Covered"));
  }
  for (guint i = 0; i < series->len; i++)
    {
      const EscSeries *s = g_ptr_array_index (series, i);
      g_autofree char *name = esc_cli_pad (s->channel, width);
      g_autoptr(GError) error = NULL;
      EscForecastAccuracy accuracy;

      if (!esc_forecast_backtest (s, options->backtest, forecast_options, &accuracy, &error))
        {
          esc_cli_print_error (command, "%s%s", _("warning: "), error->message);
          continue;
        }
      {
        g_autofree char *mape = format_percent (accuracy.mape);
        g_autofree char *wape = format_percent (accuracy.wape);
        g_autofree char *coverage = format_percent (accuracy.coverage);

        g_print ("  %s  %8s  %8s  %8s\n", name, mape, wape, coverage);
      }
      esc_forecast_accuracy_clear (&accuracy);
    }
}

int
esc_cli_forecast (const EscCliCommand *command,
                  int                  argc,
                  char               **argv)
{
  g_auto(Options) options = { .interval = 30, .horizon = 14 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(EscHistory) history = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(EscForecast) forecast = NULL;
  g_autoptr(GArray) holidays = NULL;
  g_autoptr(GArray) total = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autofree char *output_name = NULL;
  EscForecastOptions forecast_options;
  EscStaffingParams params;
  double deferred_occupancy = 0.85;
  double confidence = 0.95;
  const char *path = NULL;
  int status = ESC_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "interval", 'i', 0, G_OPTION_ARG_INT, &options.interval,
      N_("Interval length in minutes: 15, 30 or 60 (default 30)"), N_("MIN") },
    { "horizon", 'd', 0, G_OPTION_ARG_INT, &options.horizon,
      N_("Days to forecast after the history (default 14)"), N_("DAYS") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("The forecast CSV to write (required)"), N_("FILE") },
    { "confidence", 0, 0, G_OPTION_ARG_STRING, &options.confidence,
      N_("Confidence of the prediction interval (default 0.95)"), N_("P") },
    { "channel", 'c', 0, G_OPTION_ARG_STRING, &options.channel,
      N_("Forecast this channel only (default every channel)"), N_("NAME") },
    { "backtest", 0, 0, G_OPTION_ARG_INT, &options.backtest,
      N_("Hold out the last WEEKS weeks and print MAPE and WAPE per channel"), N_("WEEKS") },
    { "save", 0, 0, G_OPTION_ARG_FILENAME, &options.save,
      N_("Also save the forecast as JSON, to compare it with the actuals later"),
      N_("FILE") },
    { "compare", 0, 0, G_OPTION_ARG_FILENAME, &options.compare,
      N_("Compare a saved forecast with the history instead of forecasting"), N_("FILE") },
    { "aht", 0, 0, G_OPTION_ARG_STRING, &options.aht,
      N_("Average handling time in seconds (default 180)"), N_("S") },
    { "target", 0, 0, G_OPTION_ARG_STRING, &options.target,
      N_("Answer-time target in seconds (default 20)"), N_("S") },
    { "service-level", 0, 0, G_OPTION_ARG_STRING, &options.service_level,
      N_("Share to answer within the target (default 80%)"), N_("P") },
    { "asa", 0, 0, G_OPTION_ARG_STRING, &options.asa,
      N_("Maximum average speed of answer in seconds (default none)"), N_("S") },
    { "max-occupancy", 0, 0, G_OPTION_ARG_STRING, &options.max_occupancy,
      N_("Maximum occupancy (default none; deferred channels: 85%)"), N_("P") },
    { "shrinkage", 0, 0, G_OPTION_ARG_STRING, &options.shrinkage,
      N_("Share of paid time not available (default 30%)"), N_("P") },
    { "deferred", 0, 0, G_OPTION_ARG_STRING, &options.deferred,
      N_("Comma separated channels staffed by workload, not Erlang C"), N_("NAMES") },
    { "demand-into", 0, 0, G_OPTION_ARG_FILENAME, &options.demand_into,
      N_("Add the staff to schedule as Demand rows to this project and save it"),
      N_("PROJECT") },
    { "store", 0, 0, G_OPTION_ARG_STRING, &options.store,
      N_("Store of the Demand rows"), N_("ID") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &options.role,
      N_("Role of the Demand rows"), N_("ID") },
    { "upper", 0, 0, G_OPTION_ARG_NONE, &options.upper,
      N_("Staff the upper bound of the prediction interval, not the point forecast"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = esc_cli_option_context_new (command, entries);
  g_option_context_set_description (context,
    _("HISTORY is a CSV or XLSX file with one row per contact (timestamp[, channel])\n"
      "or per interval (timestamp, count[, channel]); headings such as timestamp,\n"
      "data, hora, count, quantidade, channel or canal name the columns.\n"
      "\n"
      "The forecast is a seasonal regression: a level for every interval of the week\n"
      "times a trend that grows in proportion; holidays are left out of the fit and\n"
      "flagged. The CSV has the columns timestamp, channel, forecast, lower, upper,\n"
      "holiday, agents, scheduled, service_level, asa_seconds and occupancy.\n"
      "\n"
      "Example:\n"
      "  escala-cli forecast calls.csv --interval 30 --horizon 14 --output forecast.csv \\\n"
      "    --demand-into store.escala --store LJ01 --role CAIXA\n"
      "\n"
      "Exit status:\n"
      "  0  done\n"
      "  1  the history or the project has problems (a row that does not parse, too\n"
      "     little history, no such channel, store or role)\n"
      "  2  a file cannot be read or written, or the command line is wrong"));
  if (!esc_cli_parse_options (command, context, &argc, &argv))
    return ESC_CLI_EXIT_FAILURE;
  if (!check_options (command, &options, &path))
    return ESC_CLI_EXIT_FAILURE;
  if (!read_params (command, &options, &params, &deferred_occupancy))
    return ESC_CLI_EXIT_FAILURE;
  if (options.confidence != NULL &&
      (!esc_staffing_parse_share (options.confidence, &confidence, NULL) ||
       !(confidence > 0 && confidence < 1)))
    {
      esc_cli_print_error (command, _("--confidence: expected a share above 0 and below 1, "
                                      "found “%s”"), options.confidence);
      return ESC_CLI_EXIT_FAILURE;
    }
  if (!esc_staffing_params_check (&params, &error))
    {
      esc_cli_print_error (command, "%s", error->message);
      return ESC_CLI_EXIT_FAILURE;
    }

  if ((history = esc_history_load (path, &error)) == NULL)
    return report_error (command, error);
  if (options.compare != NULL)
    return run_compare (command, history, &options);

  /* The project first: its holidays shape the forecast. */
  if (options.demand_into != NULL)
    {
      if ((project = esc_cli_load_project (command, options.demand_into)) == NULL)
        return ESC_CLI_EXIT_FAILURE;
      if (esc_table_find (esc_project_get_table (project, ESC_TABLE_STORE),
                          options.store) == NULL)
        {
          esc_cli_print_error (command, _("the project has no store “%s”"), options.store);
          return ESC_CLI_EXIT_PROBLEMS;
        }
      if (esc_table_find (esc_project_get_table (project, ESC_TABLE_ROLE),
                          options.role) == NULL)
        {
          esc_cli_print_error (command, _("the project has no role “%s”"), options.role);
          return ESC_CLI_EXIT_PROBLEMS;
        }
      holidays = esc_staffing_project_holidays (project, options.store);
    }

  if ((series = select_series (command, history, &options, options.interval, &status)) == NULL)
    return status;

  esc_forecast_options_init (&forecast_options);
  forecast_options.horizon_days = options.horizon;
  forecast_options.confidence = confidence;
  if (holidays != NULL)
    {
      forecast_options.holidays = (const EscJulian *) holidays->data;
      forecast_options.n_holidays = holidays->len;
    }
  if ((forecast = esc_forecast_new (series, &forecast_options, &error)) == NULL)
    return report_error (command, error);

  if (options.backtest > 0)
    print_backtests (command, series, &options, &forecast_options);

  /* Staff per channel, into the CSV and the total. */
  {
    const char *header[] = {
      "timestamp", "channel", "forecast", "lower", "upper", "holiday", "agents", "scheduled",
      "service_level", "asa_seconds", "occupancy",
    };

    append_record (csv, (char **) header, G_N_ELEMENTS (header));
  }
  for (guint c = 0; c < forecast->channels->len; c++)
    {
      const EscChannelForecast *channel = g_ptr_array_index (forecast->channels, c);
      EscStaffingParams channel_params = params;
      g_autoptr(GArray) staffing = NULL;

      if (is_deferred (&options, channel->channel))
        {
          channel_params.kind = ESC_WORK_DEFERRED;
          channel_params.occupancy = deferred_occupancy;
        }
      staffing = esc_staffing_compute_forecast (channel, options.upper, &channel_params, &error);
      if (staffing == NULL)
        return report_error (command, error);
      append_rows (csv, channel, staffing);

      if (total == NULL)
        total = g_steal_pointer (&staffing);
      else if (!esc_staffing_add (total, staffing, &error))
        return report_error (command, error);
    }

  if (!esc_file_set_contents (options.output, csv->str, csv->len, &error))
    {
      esc_cli_print_error (command, "%s", error->message);
      return ESC_CLI_EXIT_FAILURE;
    }
  output_name = g_filename_display_name (options.output);
  for (guint c = 0; c < forecast->channels->len; c++)
    {
      const EscChannelForecast *channel = g_ptr_array_index (forecast->channels, c);
      g_autofree char *volume = format_number (channel->weekly_volume, 0);
      g_autofree char *growth = format_number (channel->growth * 100, 2);

      /* TRANSLATORS: "phone: 5230 a week now, growing 1.05% a week" */
      g_print (_("%s: %s a week now, growing %s%% a week"), channel->channel, volume, growth);
      g_print ("\n");
    }
  {
    guint n_rows = 0;

    for (guint c = 0; c < forecast->channels->len; c++)
      n_rows += ((EscChannelForecast *) g_ptr_array_index (forecast->channels, c))->n;
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u row to %s", "Wrote %u rows to %s", n_rows),
             n_rows, output_name);
    g_print ("\n");
  }

  if (options.save != NULL && !esc_forecast_save (forecast, options.save, &error))
    {
      esc_cli_print_error (command, "%s", error->message);
      return ESC_CLI_EXIT_FAILURE;
    }

  if (project != NULL)
    {
      g_autoptr(EscCommand) generate = NULL;
      g_autofree char *project_name = g_filename_display_name (options.demand_into);
      EscTable *demand = esc_project_get_table (project, ESC_TABLE_DEMAND);
      guint before = esc_table_get_n_rows (demand);

      generate = esc_staffing_generate_demand (project, options.store, options.role, total,
                                               forecast->interval, &error);
      if (generate == NULL)
        return report_error (command, error);
      esc_project_execute (project, generate);
      if (!esc_project_file_save (project, options.demand_into, &error))
        {
          esc_cli_print_error (command, "%s", error->message);
          return ESC_CLI_EXIT_FAILURE;
        }
      /* TRANSLATORS: "Generated demand for store LJ01, role CAIXA; the Demand table of
       * store.escala has 120 rows (80 before)" */
      g_print (_("Generated demand for store %s, role %s; the Demand table of %s has %u rows "
                 "(%u before)"), options.store, options.role, project_name,
               esc_table_get_n_rows (demand), before);
      g_print ("\n");
    }
  return ESC_CLI_EXIT_OK;
}
