/* esc-forecast-accuracy.h: how good a forecast is: holdout backtests and the tracking of
 * saved forecasts against the actuals that came later.
 *
 * Measures, over the intervals where both a forecast and an actual exist, holidays left
 * out (they are special days whose forecast the user reviews):
 *   WAPE      sum |actual - forecast| / sum actual (NAN when no actual volume)
 *   MAPE      mean of |actual - forecast| / actual over intervals with actual > 0 (NAN
 *             when there are none); intervals without volume would divide by zero
 *   coverage  share of intervals whose actual lies within [lower, upper]
 *   bias      sum (forecast - actual) / sum actual: above 0 forecasts too much
 * All are fractions (0.05 is 5%).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "esc-forecast.h"

G_BEGIN_DECLS

typedef struct
{
  char   *channel;
  guint   n;              /* intervals compared */
  guint   n_positive;     /* of which with actual > 0 (the MAPE's) */
  double  actual_total;
  double  mape;
  double  wape;
  double  coverage;
  double  bias;
} EscForecastAccuracy;

void     esc_forecast_accuracy_clear   (EscForecastAccuracy *accuracy);

/* Compares @forecast with @actual (same interval; any overlap). FALSE with
 * ESC_STAFFING_ERROR_INVALID when the intervals differ, ESC_STAFFING_ERROR_MISSING
 * when the two do not overlap. @accuracy is filled (clear it after). */
gboolean esc_forecast_accuracy_compute (const EscChannelForecast *forecast,
                                        const EscSeries          *actual,
                                        EscForecastAccuracy      *accuracy,
                                        GError                  **error);

/* Backtest: fits on @history without its last @holdout_weeks weeks, forecasts those
 * weeks (with @options' confidence and holidays; its horizon is ignored) and compares.
 * ESC_STAFFING_ERROR_TOO_SHORT when what is left to fit is less than two weeks. */
gboolean esc_forecast_backtest         (const EscSeries          *history,
                                        int                       holdout_weeks,
                                        const EscForecastOptions *options,
                                        EscForecastAccuracy      *accuracy,
                                        GError                  **error);

/* Forecast tracking: every channel of @saved that has a series in @actuals (EscSeries,
 * matched by channel name) and overlaps it. Returns an array of EscForecastAccuracy
 * (with a clear function set), or NULL with ESC_STAFFING_ERROR_MISSING when no channel
 * overlaps, ESC_STAFFING_ERROR_INVALID when a channel's actuals have another interval.
 * @total_wape (may be NULL) gets the WAPE over all those channels together. */
GArray  *esc_forecast_compare          (const EscForecast  *saved,
                                        GPtrArray          *actuals,
                                        double             *total_wape,
                                        GError            **error);

G_END_DECLS
