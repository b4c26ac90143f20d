/* esc-forecast.c: a seasonal regression with a proportional trend, and its prediction
 * intervals.
 *
 * See esc-forecast.h for the model and why. The fit keeps, per interval of the week k,
 * the level s[k], the number of weeks n[k] that were fitted and their mean time; the
 * growth g is common to all. Times are in weeks from the start of the history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-staffing"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "esc-forecast.h"
#include "esc-staffing-error.h"

#define MINUTES_PER_WEEK (7 * ESC_MINUTES_PER_DAY)
#define MAX_ITERATIONS   500
#define MAX_HORIZON_DAYS 3660
#define MAX_BINS         10
#define MIN_BIN_SIZE     30

typedef struct
{
  guint    m;               /* intervals per week */
  double  *s;               /* m levels at tau */
  guint   *n;               /* m: fitted points per interval of the week */
  double  *mean_t;          /* m: their mean time (weeks) */
  double   g;
  double   tau;             /* mean time of the fitted points (weeks) */
  double   phi;             /* variance scale */
  double   p;               /* variance power */
  double   var_g;
  double   holiday_factor;
  guint    n_fitted;
} Model;

/* A fitted point's level and squared residual, for the variance function. */
typedef struct
{
  double level;
  double square;
} Residual;

static void
model_clear (Model *model)
{
  g_clear_pointer (&model->s, g_free);
  g_clear_pointer (&model->n, g_free);
  g_clear_pointer (&model->mean_t, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Model, model_clear)

static guint
slot_of (EscInstant time,
         int        interval)
{
  EscJulian day = (EscJulian) (time / ESC_MINUTES_PER_DAY);
  int minute = (int) (time % ESC_MINUTES_PER_DAY);

  return (esc_julian_weekday (day) * ESC_MINUTES_PER_DAY + minute) / interval;
}

static double
weeks_since (EscInstant time,
             EscInstant origin)
{
  return (double) (time - origin) / MINUTES_PER_WEEK;
}

static gboolean
is_holiday (GHashTable *holidays,
            EscInstant  time)
{
  return holidays != NULL &&
         g_hash_table_contains (holidays,
                                GUINT_TO_POINTER ((guint) (time / ESC_MINUTES_PER_DAY)));
}

static GHashTable *
make_holiday_set (const EscForecastOptions *options)
{
  GHashTable *set;

  if (options->holidays == NULL || options->n_holidays == 0)
    return NULL;
  set = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < options->n_holidays; i++)
    g_hash_table_add (set, GUINT_TO_POINTER (options->holidays[i]));
  return set;
}

/* The levels given the growth: per interval of the week, the least-squares s[k] of
 * y = s[k] * w with w = 1 + g (t - tau). */
static void
fit_levels (Model           *model,
            const EscSeries *history,
            const guint     *slots,
            const guint8    *fitted)
{
  g_autofree double *num = g_new0 (double, model->m);
  g_autofree double *den = g_new0 (double, model->m);

  for (guint i = 0; i < history->n; i++)
    {
      double t, w;

      if (!fitted[i])
        continue;
      t = weeks_since (esc_series_get_time (history, i), history->start);
      w = 1 + model->g * (t - model->tau);
      num[slots[i]] += history->values[i] * w;
      den[slots[i]] += w * w;
    }
  for (guint k = 0; k < model->m; k++)
    model->s[k] = den[k] > 0 ? MAX (0.0, num[k] / den[k]) : 0.0;
}

/* The growth given the levels: least squares of (y - s) on s (t - tau), kept where the
 * trend factor stays positive over the history. */
static double
fit_growth (Model           *model,
            const EscSeries *history,
            const guint     *slots,
            const guint8    *fitted,
            double           g_min,
            double           g_max)
{
  double num = 0, den = 0;

  for (guint i = 0; i < history->n; i++)
    {
      double t, x;

      if (!fitted[i])
        continue;
      t = weeks_since (esc_series_get_time (history, i), history->start);
      x = model->s[slots[i]] * (t - model->tau);
      num += x * (history->values[i] - model->s[slots[i]]);
      den += x * x;
    }
  if (den <= 0)
    return 0;
  return CLAMP (num / den, g_min, g_max);
}

static int
compare_residuals (gconstpointer a,
                   gconstpointer b)
{
  double la = ((const Residual *) a)->level, lb = ((const Residual *) b)->level;

  return la < lb ? -1 : la > lb;
}

/* p of v = phi * max(f, 1)^p: the slope of log(mean squared residual) on log(level)
 * over groups of points of similar fitted level. 1 (counts) when there are too few
 * points to tell. */
static double
fit_variance_power (GArray *residuals)
{
  guint n = residuals->len;
  guint bins = MIN (MAX_BINS, n / MIN_BIN_SIZE);
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  guint used = 0;

  if (bins < 3)
    return 1.0;

  g_array_sort (residuals, compare_residuals);
  for (guint b = 0; b < bins; b++)
    {
      guint from = (guint) ((guint64) n * b / bins);
      guint to = (guint) ((guint64) n * (b + 1) / bins);
      double level = 0, square = 0, x, y;

      for (guint i = from; i < to; i++)
        {
          const Residual *r = &g_array_index (residuals, Residual, i);

          level += MAX (r->level, 1.0);
          square += r->square;
        }
      if (square <= 0)
        continue;
      x = log (level / (to - from));
      y = log (square / (to - from));
      sx += x, sy += y, sxx += x * x, sxy += x * y;
      used++;
    }
  if (used < 3 || used * sxx - sx * sx <= 1e-12)
    return 1.0;
  return CLAMP ((used * sxy - sx * sy) / (used * sxx - sx * sx), 0.0, 2.0);
}

/* Residual variance, its dependence on the level and the variance of g. */
static void
fit_variance (Model           *model,
              const EscSeries *history,
              const guint     *slots,
              const guint8    *fitted)
{
  g_autoptr(GArray) residuals = g_array_new (FALSE, FALSE, sizeof (Residual));
  g_autofree double *mean_x = g_new0 (double, model->m);
  double sum_sq = 0, sum_scale = 0, sxx = 0, sxxe = 0;
  guint n_active = 0, k_active = 0;
  double df_factor;

  for (guint k = 0; k < model->m; k++)
    if (model->n[k] > 0 && model->s[k] > 0)
      {
        k_active++;
        mean_x[k] = model->s[k] * (model->mean_t[k] - model->tau);
      }

  for (guint i = 0; i < history->n; i++)
    {
      guint k = slots[i];
      double t, f, e;
      Residual r;

      if (!fitted[i] || model->s[k] <= 0)
        continue;
      t = weeks_since (esc_series_get_time (history, i), history->start);
      f = model->s[k] * (1 + model->g * (t - model->tau));
      e = history->values[i] - f;
      r.level = f;
      r.square = e * e;
      g_array_append_val (residuals, r);
      n_active++;
    }

  /* Degrees of freedom: one level per active interval of the week, and g. */
  df_factor = n_active > k_active + 1 ? (double) n_active / (n_active - k_active - 1) : 1.0;

  model->p = fit_variance_power (residuals);
  for (guint j = 0; j < residuals->len; j++)
    {
      const Residual *r = &g_array_index (residuals, Residual, j);

      sum_sq += r->square;
      sum_scale += pow (MAX (r->level, 1.0), model->p);
    }
  model->phi = sum_scale > 0 ? sum_sq / sum_scale * df_factor : 0;

  /* var(g), robust to the unequal variances: sum (x - mean_x)^2 e^2 / Sxx^2 with the
   * regressor x = s (t - tau) centred per interval of the week. */
  for (guint i = 0; i < history->n; i++)
    {
      guint k = slots[i];
      double t, x, e;

      if (!fitted[i] || model->s[k] <= 0)
        continue;
      t = weeks_since (esc_series_get_time (history, i), history->start);
      x = model->s[k] * (t - model->tau) - mean_x[k];
      e = history->values[i] - model->s[k] * (1 + model->g * (t - model->tau));
      sxx += x * x;
      sxxe += x * x * e * e;
    }
  model->var_g = sxx > 0 ? sxxe / (sxx * sxx) * df_factor : 0;
}

static void
fit_holiday_factor (Model           *model,
                    const EscSeries *history,
                    const guint     *slots,
                    GHashTable      *holidays)
{
  double actual = 0, expected = 0;
  gboolean any = FALSE;

  model->holiday_factor = 1.0;
  for (guint i = 0; i < history->n; i++)
    {
      EscInstant time = esc_series_get_time (history, i);
      double t;

      if (!is_holiday (holidays, time))
        continue;
      t = weeks_since (time, history->start);
      actual += history->values[i];
      expected += MAX (0.0, model->s[slots[i]] * (1 + model->g * (t - model->tau)));
      any = TRUE;
    }
  if (any && expected > 0)
    model->holiday_factor = CLAMP (actual / expected, 0.0, 2.0);
}

static gboolean
fit_model (Model           *model,
           const EscSeries *history,
           GHashTable      *holidays,
           GError         **error)
{
  g_autofree guint *slots = g_new (guint, MAX (history->n, 1));
  g_autofree guint8 *fitted = g_new0 (guint8, MAX (history->n, 1));
  g_autoptr(GHashTable) days = g_hash_table_new (g_direct_hash, g_direct_equal);
  double t_min = G_MAXDOUBLE, t_max = -G_MAXDOUBLE, sum_t = 0;
  double g_min, g_max;

  model->m = MINUTES_PER_WEEK / history->interval;
  model->s = g_new0 (double, model->m);
  model->n = g_new0 (guint, model->m);
  model->mean_t = g_new0 (double, model->m);

  for (guint i = 0; i < history->n; i++)
    {
      EscInstant time = esc_series_get_time (history, i);
      double t = weeks_since (time, history->start);

      slots[i] = slot_of (time, history->interval);
      if (is_holiday (holidays, time) || !isfinite (history->values[i]))
        continue;
      fitted[i] = TRUE;
      model->n_fitted++;
      model->n[slots[i]]++;
      model->mean_t[slots[i]] += t;
      sum_t += t;
      t_min = MIN (t_min, t);
      t_max = MAX (t_max, t);
      g_hash_table_add (days, GUINT_TO_POINTER ((guint) (time / ESC_MINUTES_PER_DAY)));
    }

  if (g_hash_table_size (days) < ESC_FORECAST_MIN_DAYS)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_TOO_SHORT,
                   _("the history of “%s” has %u days outside holidays; a forecast needs at "
                     "least %d days (two weeks)"),
                   history->channel, g_hash_table_size (days), ESC_FORECAST_MIN_DAYS);
      return FALSE;
    }

  for (guint k = 0; k < model->m; k++)
    if (model->n[k] > 0)
      model->mean_t[k] /= model->n[k];
  model->tau = sum_t / model->n_fitted;

  /* Keep 1 + g (t - tau) above 0.1 over the history. */
  g_min = t_max > model->tau ? -0.9 / (t_max - model->tau) : 0;
  g_max = model->tau > t_min ? 0.9 / (model->tau - t_min) : 0;

  model->g = 0;
  fit_levels (model, history, slots, fitted);
  for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++)
    {
      double g = fit_growth (model, history, slots, fitted, g_min, g_max);
      gboolean settled = fabs (g - model->g) <= 1e-12 * (1 + fabs (g));

      model->g = g;
      fit_levels (model, history, slots, fitted);
      if (settled)
        break;
    }

  fit_variance (model, history, slots, fitted);
  fit_holiday_factor (model, history, slots, holidays);
  return TRUE;
}

static gboolean
check_options (const EscForecastOptions *options,
               GError                  **error)
{
  if (options->horizon_days < 1 || options->horizon_days > MAX_HORIZON_DAYS)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the horizon must be from 1 to %d days, found %d"), MAX_HORIZON_DAYS,
                   options->horizon_days);
      return FALSE;
    }
  if (!(options->confidence > 0 && options->confidence < 1))
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the confidence must be above 0%% and below 100%%, found %g%%"),
                   options->confidence * 100);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_series (const EscSeries  *history,
              GError          **error)
{
  if (history->interval <= 0 || MINUTES_PER_WEEK % history->interval != 0 ||
      ESC_MINUTES_PER_DAY % history->interval != 0)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("an interval of %d minutes does not divide the day; expected 15, 30 or "
                     "60 minutes"), history->interval);
      return FALSE;
    }
  if (history->start < 0)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the history of “%s” starts before the year 1"), history->channel);
      return FALSE;
    }
  return TRUE;
}

/* Public API */

void
esc_forecast_options_init (EscForecastOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->horizon_days = 14;
  options->confidence = 0.95;
}

/* Acklam's rational approximation, refined by one Halley step on erfc: about 1e-15. */
double
esc_forecast_normal_quantile (double p)
{
  static const double a[] = { -3.969683028665376e+01, 2.209460984245205e+02,
                              -2.759285104469687e+02, 1.383577518672690e+02,
                              -3.066479806614716e+01, 2.506628277459239e+00 };
  static const double b[] = { -5.447609879822406e+01, 1.615858368580409e+02,
                              -1.556989798598866e+02, 6.680131188771972e+01,
                              -1.328068155288572e+01 };
  static const double c[] = { -7.784894002430293e-03, -3.223964580411365e-01,
                              -2.400758277161838e+00, -2.549732539343734e+00,
                              4.374664141464968e+00, 2.938163982698783e+00 };
  static const double d[] = { 7.784695709041462e-03, 3.224671290700398e-01,
                              2.445134137142996e+00, 3.754408661907416e+00 };
  const double low = 0.02425, high = 1 - low;
  double q, r, x, e, u;

  if (!(p > 0 && p < 1))
    return p == 0 ? -INFINITY : p == 1 ? INFINITY : NAN;

  if (p < low)
    {
      q = sqrt (-2 * log (p));
      x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
          ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
  else if (p <= high)
    {
      q = p - 0.5;
      r = q * q;
      x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
          (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
  else
    {
      q = sqrt (-2 * log (1 - p));
      x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
          ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }

  e = 0.5 * erfc (-x / G_SQRT2) - p;
  u = e * sqrt (2 * G_PI) * exp (x * x / 2);
  return x - u / (1 + x * u / 2);
}

EscChannelForecast *
esc_channel_forecast_new (const char *channel,
                          EscInstant  start,
                          int         interval,
                          guint       n)
{
  EscChannelForecast *self;

  g_return_val_if_fail (interval > 0, NULL);

  self = g_new0 (EscChannelForecast, 1);
  self->channel = g_strdup (channel != NULL ? channel : "");
  self->start = start;
  self->interval = interval;
  self->n = n;
  self->point = g_new0 (double, MAX (n, 1));
  self->lower = g_new0 (double, MAX (n, 1));
  self->upper = g_new0 (double, MAX (n, 1));
  self->holiday = g_new0 (guint8, MAX (n, 1));
  self->holiday_factor = 1;
  self->variance_power = 1;
  return self;
}

void
esc_channel_forecast_free (EscChannelForecast *self)
{
  if (self == NULL)
    return;
  g_free (self->channel);
  g_free (self->point);
  g_free (self->lower);
  g_free (self->upper);
  g_free (self->holiday);
  g_free (self);
}

EscInstant
esc_channel_forecast_get_time (const EscChannelForecast *self,
                               guint                     i)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->start + (EscInstant) i * self->interval;
}

EscChannelForecast *
esc_forecast_channel (const EscSeries          *history,
                      const EscForecastOptions *options,
                      GError                  **error)
{
  g_auto(Model) model = { 0 };
  g_autoptr(GHashTable) holidays = NULL;
  g_autoptr(EscChannelForecast) forecast = NULL;
  EscInstant start;
  double z, weeks_start;
  guint n;

  g_return_val_if_fail (history != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_options (options, error) || !check_series (history, error))
    return NULL;

  holidays = make_holiday_set (options);
  if (!fit_model (&model, history, holidays, error))
    return NULL;

  start = esc_series_get_end (history);
  n = (guint) options->horizon_days * (ESC_MINUTES_PER_DAY / history->interval);
  forecast = esc_channel_forecast_new (history->channel, start, history->interval, n);
  forecast->growth = model.g;
  forecast->variance_power = model.p;
  forecast->holiday_factor = model.holiday_factor;
  forecast->n_fitted = model.n_fitted;

  weeks_start = weeks_since (start, history->start);
  for (guint k = 0; k < model.m; k++)
    forecast->weekly_volume += MAX (0.0, model.s[k] * (1 + model.g * (weeks_start - model.tau)));

  z = esc_forecast_normal_quantile (0.5 + options->confidence / 2);
  for (guint i = 0; i < n; i++)
    {
      EscInstant time = esc_channel_forecast_get_time (forecast, i);
      double t = weeks_since (time, history->start);
      guint k = slot_of (time, history->interval);
      double f, variance, half;

      if (model.s[k] <= 0 || model.n[k] == 0)
        continue;

      f = MAX (0.0, model.s[k] * (1 + model.g * (t - model.tau)));
      variance = model.phi * pow (MAX (f, 1.0), model.p) * (1 + 1.0 / model.n[k]);
      variance += pow (model.s[k] * (t - model.mean_t[k]), 2) * model.var_g;
      half = z * sqrt (variance);

      forecast->point[i] = f;
      forecast->lower[i] = MAX (0.0, f - half);
      forecast->upper[i] = f + half;
      if (is_holiday (holidays, time))
        {
          forecast->holiday[i] = TRUE;
          forecast->point[i] *= model.holiday_factor;
          forecast->lower[i] *= model.holiday_factor;
          forecast->upper[i] *= model.holiday_factor;
        }
    }
  /* Flag holidays also where nothing is forecast. */
  for (guint i = 0; i < n; i++)
    if (is_holiday (holidays, esc_channel_forecast_get_time (forecast, i)))
      forecast->holiday[i] = TRUE;

  return g_steal_pointer (&forecast);
}

EscForecast *
esc_forecast_new_empty (int    interval,
                        double confidence)
{
  EscForecast *self = g_new0 (EscForecast, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  self->interval = interval;
  self->confidence = confidence;
  self->method = g_strdup (ESC_FORECAST_METHOD);
  self->created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  self->channels = g_ptr_array_new_with_free_func ((GDestroyNotify) esc_channel_forecast_free);
  return self;
}

EscForecast *
esc_forecast_new (GPtrArray                *series,
                  const EscForecastOptions *options,
                  GError                  **error)
{
  g_autoptr(EscForecast) self = NULL;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (series->len == 0)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_TOO_SHORT,
                   _("there is no history to forecast"));
      return NULL;
    }

  self = esc_forecast_new_empty (((EscSeries *) g_ptr_array_index (series, 0))->interval,
                                 options->confidence);
  for (guint i = 0; i < series->len; i++)
    {
      const EscSeries *history = g_ptr_array_index (series, i);
      EscChannelForecast *forecast;

      if (history->interval != self->interval)
        {
          g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                       _("the history of “%s” has %d-minute intervals, the others %d"),
                       history->channel, history->interval, self->interval);
          return NULL;
        }
      if ((forecast = esc_forecast_channel (history, options, error)) == NULL)
        return NULL;
      g_ptr_array_add (self->channels, forecast);
    }
  return g_steal_pointer (&self);
}

void
esc_forecast_free (EscForecast *self)
{
  if (self == NULL)
    return;
  g_free (self->method);
  g_free (self->created);
  g_ptr_array_unref (self->channels);
  g_free (self);
}

EscChannelForecast *
esc_forecast_find_channel (const EscForecast *self,
                           const char        *channel)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->channels->len; i++)
    {
      EscChannelForecast *forecast = g_ptr_array_index (self->channels, i);

      if (g_strcmp0 (forecast->channel, channel) == 0)
        return forecast;
    }
  return NULL;
}
