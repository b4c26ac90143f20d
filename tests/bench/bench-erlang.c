/* bench-erlang.c: how fast Erlang C staffing and the forecast run.
 *
 * Erlang C: solves for the smallest staffing at traffics from 1 to 10,000 Erlangs (80%
 * in 20 s, AHT 300 s) and prints agents and microseconds per solve; the search is linear
 * in the agents, so 10,000 Erlangs costs about 10,000 recursion steps. Forecast: a year
 * of 15-minute history (35,040 intervals), forecast 28 days ahead, and the staffing of
 * those 2,688 intervals. Not part of `meson test`.
 *
 *   bench-erlang [WEEKS]     (default 52 weeks of history)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-bench"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include <glib.h>

#include "staffing/esc-erlang.h"
#include "staffing/esc-forecast.h"
#include "staffing/esc-staffing.h"

static void
bench_erlang (void)
{
  const double traffics[] = { 1, 10, 100, 1000, 10000 };

  g_print ("%10s %8s %10s %12s\n", "Erlangs", "agents", "SL", "µs/solve");
  for (guint i = 0; i < G_N_ELEMENTS (traffics); i++)
    {
      EscErlangTargets targets;
      EscErlangResult result = { 0 };
      guint runs = traffics[i] >= 1000 ? 20 : 2000;
      gint64 start;
      double elapsed;

      esc_erlang_targets_init (&targets);
      targets.aht = 300;
      targets.interval_seconds = 3600;
      targets.arrivals = traffics[i] * 3600 / 300;
      targets.max_occupancy = 0;
      start = g_get_monotonic_time ();
      for (guint r = 0; r < runs; r++)
        if (!esc_erlang_solve (&targets, &result, NULL))
          g_error ("no solution for %g Erlangs", traffics[i]);
      elapsed = (double) (g_get_monotonic_time () - start) / runs;
      g_print ("%10.0f %8d %9.4f%% %12.2f\n", traffics[i], result.agents,
               result.service_level * 100, elapsed);
    }
}

static void
bench_forecast (guint weeks)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(EscSeries) history = NULL;
  g_autoptr(EscChannelForecast) forecast = NULL;
  g_autoptr(GArray) staffing = NULL;
  g_autoptr(GError) error = NULL;
  EscForecastOptions options;
  EscStaffingParams params;
  GDate first;
  gint64 start;
  double fit_ms, staff_ms;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, 1, 2024);
  history = esc_series_new ("phone", (EscInstant) g_date_get_julian (&first) * 1440, 15,
                            weeks * 7 * 96);
  for (guint i = 0; i < history->n; i++)
    {
      double hour = (i % 96) / 4.0;
      double level = hour >= 8 && hour < 20 ? 50 * (0.4 + 0.6 * sin (G_PI * (hour - 8) / 12)) : 0;

      history->values[i] = MAX (0.0, level * (1 + 0.05 * (g_rand_double (rand) - 0.5)));
    }

  esc_forecast_options_init (&options);
  options.horizon_days = 28;
  start = g_get_monotonic_time ();
  forecast = esc_forecast_channel (history, &options, &error);
  fit_ms = (g_get_monotonic_time () - start) / 1000.0;
  if (forecast == NULL)
    g_error ("%s", error->message);

  esc_staffing_params_init (&params);
  start = g_get_monotonic_time ();
  staffing = esc_staffing_compute_forecast (forecast, TRUE, &params, &error);
  staff_ms = (g_get_monotonic_time () - start) / 1000.0;
  if (staffing == NULL)
    g_error ("%s", error->message);

  g_print ("\nforecast: %u intervals of history, %u forecast: %.1f ms\n", history->n,
           forecast->n, fit_ms);
  g_print ("staffing: %u intervals (Erlang C on the upper bound): %.1f ms\n", staffing->len,
           staff_ms);
}

int
main (int argc, char **argv)
{
  guint weeks = argc > 1 ? (guint) atoi (argv[1]) : 52;

  setlocale (LC_ALL, "");
  bench_erlang ();
  bench_forecast (MAX (weeks, 2));
  return EXIT_SUCCESS;
}
