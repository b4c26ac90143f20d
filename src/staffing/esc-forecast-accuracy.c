/* esc-forecast-accuracy.c: holdout backtests and forecast tracking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-staffing"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "esc-forecast-accuracy.h"
#include "esc-staffing-error.h"

typedef struct
{
  guint  n;
  guint  n_positive;
  guint  n_covered;
  double actual;
  double error;
  double signed_error;
  double relative;
} Sums;

static void
add_point (Sums   *sums,
           double  actual,
           double  point,
           double  lower,
           double  upper)
{
  double error = fabs (actual - point);

  sums->n++;
  sums->actual += actual;
  sums->error += error;
  sums->signed_error += point - actual;
  if (actual > 0)
    {
      sums->n_positive++;
      sums->relative += error / actual;
    }
  /* A hair of tolerance: an actual equal to a bound is inside. */
  if (actual >= lower - 1e-9 && actual <= upper + 1e-9)
    sums->n_covered++;
}

static void
fill_accuracy (const Sums          *sums,
               const char          *channel,
               EscForecastAccuracy *accuracy)
{
  memset (accuracy, 0, sizeof *accuracy);
  accuracy->channel = g_strdup (channel);
  accuracy->n = sums->n;
  accuracy->n_positive = sums->n_positive;
  accuracy->actual_total = sums->actual;
  accuracy->wape = sums->actual > 0 ? sums->error / sums->actual : NAN;
  accuracy->bias = sums->actual > 0 ? sums->signed_error / sums->actual : NAN;
  accuracy->mape = sums->n_positive > 0 ? sums->relative / sums->n_positive : NAN;
  accuracy->coverage = sums->n > 0 ? (double) sums->n_covered / sums->n : NAN;
}

static gboolean
accumulate (const EscChannelForecast *forecast,
            const EscSeries          *actual,
            Sums                     *sums,
            GError                  **error)
{
  guint before = sums->n;

  if (forecast->interval != actual->interval)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the forecast of “%s” has %d-minute intervals and the actuals %d-minute "
                     "ones"), forecast->channel, forecast->interval, actual->interval);
      return FALSE;
    }

  for (guint i = 0; i < forecast->n; i++)
    {
      gint64 j;

      if (forecast->holiday[i])
        continue;
      j = esc_series_find (actual, esc_channel_forecast_get_time (forecast, i));
      if (j < 0 || esc_series_get_time (actual, (guint) j) !=
                   esc_channel_forecast_get_time (forecast, i))
        continue;
      add_point (sums, actual->values[j], forecast->point[i], forecast->lower[i],
                 forecast->upper[i]);
    }

  if (sums->n == before)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_MISSING,
                   _("the forecast of “%s” and the actuals have no interval in common"),
                   forecast->channel);
      return FALSE;
    }
  return TRUE;
}

void
esc_forecast_accuracy_clear (EscForecastAccuracy *accuracy)
{
  if (accuracy == NULL)
    return;
  g_clear_pointer (&accuracy->channel, g_free);
}

gboolean
esc_forecast_accuracy_compute (const EscChannelForecast *forecast,
                               const EscSeries          *actual,
                               EscForecastAccuracy      *accuracy,
                               GError                  **error)
{
  Sums sums = { 0 };

  g_return_val_if_fail (forecast != NULL, FALSE);
  g_return_val_if_fail (actual != NULL, FALSE);
  g_return_val_if_fail (accuracy != NULL, FALSE);

  memset (accuracy, 0, sizeof *accuracy);
  if (!accumulate (forecast, actual, &sums, error))
    return FALSE;
  fill_accuracy (&sums, forecast->channel, accuracy);
  return TRUE;
}

gboolean
esc_forecast_backtest (const EscSeries          *history,
                       int                       holdout_weeks,
                       const EscForecastOptions *options,
                       EscForecastAccuracy      *accuracy,
                       GError                  **error)
{
  g_autoptr(EscSeries) fit = NULL;
  g_autoptr(EscSeries) held = NULL;
  g_autoptr(EscChannelForecast) forecast = NULL;
  EscForecastOptions backtest_options;
  guint per_week, n_held;

  g_return_val_if_fail (history != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (accuracy != NULL, FALSE);

  memset (accuracy, 0, sizeof *accuracy);
  if (holdout_weeks < 1 || history->interval <= 0)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("a backtest holds out at least one week, found %d"), holdout_weeks);
      return FALSE;
    }
  per_week = 7 * ESC_MINUTES_PER_DAY / history->interval;
  if ((guint64) holdout_weeks * per_week >= history->n)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_TOO_SHORT,
                   _("the history of “%s” is not longer than the %d weeks held out"),
                   history->channel, holdout_weeks);
      return FALSE;
    }

  n_held = holdout_weeks * per_week;
  fit = esc_series_slice (history, 0, history->n - n_held);
  held = esc_series_slice (history, history->n - n_held, n_held);

  backtest_options = *options;
  backtest_options.horizon_days = holdout_weeks * 7;
  if ((forecast = esc_forecast_channel (fit, &backtest_options, error)) == NULL)
    return FALSE;
  return esc_forecast_accuracy_compute (forecast, held, accuracy, error);
}

GArray *
esc_forecast_compare (const EscForecast  *saved,
                      GPtrArray          *actuals,
                      double             *total_wape,
                      GError            **error)
{
  g_autoptr(GArray) result = NULL;
  Sums total = { 0 };

  g_return_val_if_fail (saved != NULL, NULL);
  g_return_val_if_fail (actuals != NULL, NULL);

  result = g_array_new (FALSE, TRUE, sizeof (EscForecastAccuracy));
  g_array_set_clear_func (result, (GDestroyNotify) esc_forecast_accuracy_clear);

  for (guint i = 0; i < saved->channels->len; i++)
    {
      const EscChannelForecast *forecast = g_ptr_array_index (saved->channels, i);
      EscForecastAccuracy accuracy;
      Sums sums = { 0 };

      for (guint j = 0; j < actuals->len; j++)
        {
          const EscSeries *actual = g_ptr_array_index (actuals, j);
          g_autoptr(GError) local_error = NULL;

          if (g_strcmp0 (actual->channel, forecast->channel) != 0)
            continue;
          if (!accumulate (forecast, actual, &sums, &local_error))
            {
              if (g_error_matches (local_error, ESC_STAFFING_ERROR,
                                   ESC_STAFFING_ERROR_MISSING))
                break;
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          fill_accuracy (&sums, forecast->channel, &accuracy);
          g_array_append_val (result, accuracy);
          total.actual += sums.actual;
          total.error += sums.error;
          break;
        }
    }

  if (result->len == 0)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_MISSING,
                   _("no channel of the saved forecast has actuals in its period"));
      return NULL;
    }
  if (total_wape != NULL)
    *total_wape = total.actual > 0 ? total.error / total.actual : NAN;
  return g_steal_pointer (&result);
}
