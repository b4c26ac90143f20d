/* esc-forecast.h: a seasonal forecast with trend and prediction intervals.
 *
 * The method: a seasonal regression with a proportional trend,
 *
 *   y(t) = s[k(t)] * (1 + g * (t - tau)) + e(t)
 *
 * where k(t) is the interval of the week (Monday 00:00 is 0; a week has 7 * 1440 /
 * interval of them, 336 for 30 minutes), s[k] the level of that interval of the week at
 * the middle tau of the history, g the growth per week as a share of the level (0.01 is
 * +1% a week) and t the time in weeks. It is fitted by least squares, alternating the
 * two exact partial solutions (s given g, then g given s) until g settles.
 *
 * Why this and not Holt-Winters: a contact centre's week repeats closely, so one level
 * per interval of the week is what the data shows, and fitting it directly needs no
 * initial state, no smoothing constants to tune and no contiguous series, so holidays
 * and gaps are simply left out of the fit. Why a proportional trend and not an additive
 * one: volume grows in proportion (a 10% busier month is 10% busier at the peak and at
 * 07:00 alike), and intervals where the centre is closed (s = 0) stay at 0 instead of
 * drifting with an added trend.
 *
 * Prediction intervals come from the residuals. Their variance grows with the level as
 * v(y) = phi * max(y, 1)^p, with p in [0, 2] fitted on the residuals grouped by fitted
 * level (p = 1 is Poisson-like counts, 2 a constant relative error), and phi corrected
 * for the degrees of freedom the fit used. The interval at a future time t is
 *
 *   forecast -/+ z * sqrt (v(f) * (1 + 1/n_k) + (s_k * (t - tau))^2 * var(g))
 *
 * with z the normal quantile of the confidence (1.96 for 95%), n_k the weeks fitted for
 * that interval of the week and var(g) the (heteroscedasticity-robust) variance of the
 * growth estimate: the width grows with the distance from the middle of the history, so
 * later days of a long horizon have wider intervals. Lower bounds are cut at 0.
 *
 * Holidays: dates given by the caller (from the Holiday table) are special days. History
 * on holidays is left out of the fit. The holiday factor is the ratio of the actual to
 * the fitted volume over the history's holidays (1 when the history has none, clamped to
 * [0, 2]); forecast intervals on holidays are scaled by it and flagged, so the user can
 * review them.
 *
 * The history should be whole days (esc_history_aggregate() makes it so) and needs at
 * least two weeks outside holidays; the forecast starts where the history ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "esc-series.h"

G_BEGIN_DECLS

#define ESC_FORECAST_METHOD "seasonal-regression-proportional-trend"
#define ESC_FORECAST_MIN_DAYS 14

typedef struct
{
  int              horizon_days;  /* days to forecast after the history, >= 1; 14 */
  double           confidence;    /* of the prediction interval, in (0, 1); 0.95 */
  const EscJulian *holidays;      /* holiday dates (any order, repeats fine), or NULL */
  guint            n_holidays;
} EscForecastOptions;

typedef struct
{
  char       *channel;
  EscInstant  start;            /* start of the first forecast interval */
  int         interval;         /* minutes */
  guint       n;                /* intervals */
  double     *point;            /* n point forecasts, >= 0 */
  double     *lower;            /* n lower bounds, >= 0 */
  double     *upper;            /* n upper bounds */
  guint8     *holiday;          /* n flags: 1 on a holiday */

  /* The fitted model, for display and for the saved forecast. */
  double      growth;           /* g, share of the level per week */
  double      weekly_volume;    /* the fitted volume of one week at the forecast start */
  double      variance_power;   /* p */
  double      holiday_factor;
  guint       n_fitted;         /* history intervals used by the fit */
} EscChannelForecast;

typedef struct
{
  int         interval;         /* minutes */
  double      confidence;
  char       *method;           /* ESC_FORECAST_METHOD */
  char       *created;          /* ISO 8601 UTC, "2024-05-06T10:00:00Z" */
  GPtrArray  *channels;         /* EscChannelForecast */
} EscForecast;

void                 esc_forecast_options_init     (EscForecastOptions *options);

/* Forecasts one channel. ESC_STAFFING_ERROR_INVALID for bad options,
 * ESC_STAFFING_ERROR_TOO_SHORT for less than two weeks of history outside holidays. */
EscChannelForecast  *esc_forecast_channel          (const EscSeries          *history,
                                                    const EscForecastOptions *options,
                                                    GError                  **error);
/* An empty forecast of @n intervals (loaders, tests). */
EscChannelForecast  *esc_channel_forecast_new      (const char *channel,
                                                    EscInstant  start,
                                                    int         interval,
                                                    guint       n);
void                 esc_channel_forecast_free     (EscChannelForecast *self);
EscInstant           esc_channel_forecast_get_time (const EscChannelForecast *self,
                                                    guint                     i);

/* Forecasts every series of @series (EscSeries, same interval). */
EscForecast         *esc_forecast_new              (GPtrArray                *series,
                                                    const EscForecastOptions *options,
                                                    GError                  **error);
/* An empty forecast without channels. */
EscForecast         *esc_forecast_new_empty        (int    interval,
                                                    double confidence);
void                 esc_forecast_free             (EscForecast *self);
EscChannelForecast  *esc_forecast_find_channel     (const EscForecast *self,
                                                    const char        *channel);

/* The standard normal quantile: esc_forecast_normal_quantile (0.975) = 1.95996... */
double               esc_forecast_normal_quantile  (double p);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscChannelForecast, esc_channel_forecast_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscForecast, esc_forecast_free)

G_END_DECLS
