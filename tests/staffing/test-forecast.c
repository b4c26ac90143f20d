/* test-forecast.c: the forecast on synthetic data with a known weekly pattern and trend,
 * its prediction intervals, holidays, backtests, saved forecasts and tracking.
 *
 * The bounds stated by these tests, for 5% relative noise on a 30-minute series with a
 * 1%-a-week trend: on a 2-week holdout after 8 weeks, WAPE below 8% (the noise alone
 * gives about 4%) and the 95% interval covering between 85% and 99% of the held-out
 * intervals; the point forecast within 3% (WAPE) of the noise-free truth, and the
 * growth within 0.3 points of 1% a week. With Poisson counts instead (variance equal to
 * the mean, as arrivals have), the backtest WAPE stays within 10% (plus one point) of
 * what the truth itself scores against the same counts, and 80% and 95% intervals cover
 * within 10 points below and 5 above their confidence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-test"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "staffing/esc-forecast.h"
#include "staffing/esc-forecast-accuracy.h"
#include "staffing/esc-forecast-file.h"
#include "staffing/esc-staffing-error.h"
#include "test-staffing.h"

/* 2024-01-01 is a Monday. */
#define FIRST_DAY() esc_test_julian (2024, 1, 1)

static void
test_normal_quantile (void)
{
  g_assert_cmpfloat_with_epsilon (esc_forecast_normal_quantile (0.975), 1.959963984540054, 1e-9);
  g_assert_cmpfloat_with_epsilon (esc_forecast_normal_quantile (0.5), 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (esc_forecast_normal_quantile (0.95), 1.644853626951472, 1e-9);
  g_assert_cmpfloat_with_epsilon (esc_forecast_normal_quantile (0.001), -3.090232306167814,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (esc_forecast_normal_quantile (0.995), 2.575829303548901, 1e-9);
  g_assert_true (isnan (esc_forecast_normal_quantile (1.5)));
}

/* The forecast recovers the pattern and the trend. */
static void
test_recovers_pattern_and_trend (void)
{
  EscTestSynthetic synthetic;
  EscForecastOptions options;
  g_autoptr(EscSeries) history = NULL;
  g_autoptr(EscChannelForecast) forecast = NULL;
  g_autoptr(GError) error = NULL;
  double error_sum = 0, truth_sum = 0, width_week1 = 0, width_week2 = 0;
  EscInstant origin;

  esc_test_synthetic_init (&synthetic);
  history = esc_test_synthetic_series (&synthetic, "phone", FIRST_DAY (), 8);
  origin = history->start;

  esc_forecast_options_init (&options);
  options.horizon_days = 14;
  forecast = esc_forecast_channel (history, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (forecast);

  g_assert_cmpstr (forecast->channel, ==, "phone");
  g_assert_cmpint (forecast->start, ==, esc_series_get_end (history));
  g_assert_cmpuint (forecast->n, ==, 14 * 48);
  g_assert_cmpint (forecast->interval, ==, 30);
  g_test_message ("growth %.5f, variance power %.2f", forecast->growth, forecast->variance_power);
  g_assert_cmpfloat (fabs (forecast->growth - synthetic.growth), <, 0.003);

  for (guint i = 0; i < forecast->n; i++)
    {
      EscInstant time = esc_channel_forecast_get_time (forecast, i);
      double truth = esc_test_synthetic_truth (&synthetic, origin, time);

      g_assert_cmpfloat (forecast->lower[i], <=, forecast->point[i]);
      g_assert_cmpfloat (forecast->point[i], <=, forecast->upper[i]);
      g_assert_cmpfloat (forecast->lower[i], >=, 0);
      if (truth == 0)
        {
          /* Closed hours stay closed, bands included. */
          g_assert_cmpfloat (forecast->point[i], ==, 0);
          g_assert_cmpfloat (forecast->upper[i], ==, 0);
        }
      error_sum += fabs (forecast->point[i] - truth);
      truth_sum += truth;
      if (i < 7 * 48)
        width_week1 += forecast->upper[i] - forecast->lower[i];
      else
        width_week2 += forecast->upper[i] - forecast->lower[i];
    }
  g_test_message ("WAPE against the truth: %.4f", error_sum / truth_sum);
  g_assert_cmpfloat (error_sum / truth_sum, <, 0.03);
  /* The intervals widen with the horizon (and the level grows). */
  g_assert_cmpfloat (width_week2, >, width_week1);
}

static void
test_backtest (void)
{
  EscTestSynthetic synthetic;
  EscForecastOptions options;
  g_autoptr(EscSeries) history = NULL;
  g_autoptr(GError) error = NULL;
  EscForecastAccuracy accuracy;

  esc_test_synthetic_init (&synthetic);
  history = esc_test_synthetic_series (&synthetic, "phone", FIRST_DAY (), 10);
  esc_forecast_options_init (&options);

  g_assert_true (esc_forecast_backtest (history, 2, &options, &accuracy, &error));
  g_assert_no_error (error);
  g_test_message ("backtest: n %u, MAPE %.4f, WAPE %.4f, coverage %.4f, bias %.4f",
                  accuracy.n, accuracy.mape, accuracy.wape, accuracy.coverage, accuracy.bias);
  g_assert_cmpstr (accuracy.channel, ==, "phone");
  g_assert_cmpuint (accuracy.n, ==, 14 * 48);
  g_assert_cmpuint (accuracy.n_positive, ==, 12 * 24);
  g_assert_cmpfloat (accuracy.wape, <, 0.08);
  g_assert_cmpfloat (accuracy.mape, <, 0.10);
  g_assert_cmpfloat (fabs (accuracy.bias), <, 0.03);
  /* The closed intervals are trivially covered; the coverage that matters is over the
   * open ones, which the count of all intervals would flatter. */
  {
    double open_coverage = (accuracy.coverage * accuracy.n - (accuracy.n - accuracy.n_positive)) /
                           accuracy.n_positive;

    g_test_message ("coverage of the open intervals: %.4f", open_coverage);
    g_assert_cmpfloat (open_coverage, >=, 0.85);
    g_assert_cmpfloat (open_coverage, <=, 0.99);
  }
  esc_forecast_accuracy_clear (&accuracy);

  /* Too long a holdout. */
  g_assert_false (esc_forecast_backtest (history, 9, &options, &accuracy, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_TOO_SHORT);
  g_clear_error (&error);
  g_assert_false (esc_forecast_backtest (history, 10, &options, &accuracy, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_TOO_SHORT);
}

/* Poisson counts (variance equal to the mean, as arrivals have): the variance power
 * comes out near 1 and the intervals still cover as they should. */
static void
test_coverage_poisson (void)
{
  const double confidences[] = { 0.80, 0.95 };

  for (guint b = 0; b < G_N_ELEMENTS (confidences); b++)
    {
      EscTestSynthetic synthetic;
      EscForecastOptions options;
      g_autoptr(EscSeries) history = NULL;
      g_autoptr(EscSeries) fit = NULL;
      g_autoptr(EscChannelForecast) forecast = NULL;
      g_autoptr(GError) error = NULL;
      EscForecastAccuracy accuracy;
      double open_coverage;

      esc_test_synthetic_init (&synthetic);
      synthetic.poisson = TRUE;
      synthetic.scale = 40;
      history = esc_test_synthetic_series (&synthetic, "phone", FIRST_DAY (), 10);
      esc_forecast_options_init (&options);
      options.confidence = confidences[b];

      fit = esc_series_slice (history, 0, 8 * 7 * 48);
      forecast = esc_forecast_channel (fit, &options, &error);
      g_assert_no_error (error);
      g_test_message ("Poisson: variance power %.2f", forecast->variance_power);
      g_assert_cmpfloat (forecast->variance_power, >, 0.6);
      g_assert_cmpfloat (forecast->variance_power, <, 1.4);

      g_assert_true (esc_forecast_backtest (history, 2, &options, &accuracy, &error));
      g_assert_no_error (error);
      open_coverage = (accuracy.coverage * accuracy.n - (accuracy.n - accuracy.n_positive)) /
                      accuracy.n_positive;
      /* The noise alone: the WAPE of the truth itself against the held-out counts. */
      {
        double oracle_error = 0, actual_sum = 0;

        for (guint i = fit->n; i < history->n; i++)
          {
            double truth = esc_test_synthetic_truth (&synthetic, history->start,
                                                     esc_series_get_time (history, i));

            oracle_error += fabs (history->values[i] - truth);
            actual_sum += history->values[i];
          }
        g_test_message ("Poisson, confidence %.2f: WAPE %.4f (the truth's %.4f), coverage "
                        "%.4f", confidences[b], accuracy.wape, oracle_error / actual_sum,
                        open_coverage);
        g_assert_cmpfloat (accuracy.wape, <, 1.1 * oracle_error / actual_sum + 0.01);
      }
      g_assert_cmpfloat (open_coverage, >=, confidences[b] - 0.10);
      g_assert_cmpfloat (open_coverage, <=, MIN (confidences[b] + 0.05, 0.99));
      esc_forecast_accuracy_clear (&accuracy);
    }
}

/* Coverage at other noise levels and confidences: the interval adapts. */
static void
test_coverage (void)
{
  const double noises[] = { 0.02, 0.05, 0.10 };
  const double confidences[] = { 0.80, 0.95 };

  for (guint a = 0; a < G_N_ELEMENTS (noises); a++)
    for (guint b = 0; b < G_N_ELEMENTS (confidences); b++)
      {
        EscTestSynthetic synthetic;
        EscForecastOptions options;
        g_autoptr(EscSeries) history = NULL;
        g_autoptr(GError) error = NULL;
        EscForecastAccuracy accuracy;
        double open_coverage;

        esc_test_synthetic_init (&synthetic);
        synthetic.noise = noises[a];
        synthetic.seed = 7 + a;
        history = esc_test_synthetic_series (&synthetic, "phone", FIRST_DAY (), 10);
        esc_forecast_options_init (&options);
        options.confidence = confidences[b];
        g_assert_true (esc_forecast_backtest (history, 2, &options, &accuracy, &error));
        g_assert_no_error (error);
        open_coverage = (accuracy.coverage * accuracy.n - (accuracy.n - accuracy.n_positive)) /
                        accuracy.n_positive;
        g_test_message ("noise %.2f confidence %.2f: WAPE %.4f coverage %.4f", noises[a],
                        confidences[b], accuracy.wape, open_coverage);
        g_assert_cmpfloat (open_coverage, >=, confidences[b] - 0.10);
        g_assert_cmpfloat (open_coverage, <=, MIN (confidences[b] + 0.05, 0.995));
        g_assert_cmpfloat (accuracy.wape, <, 1.6 * noises[a] + 0.01);
        esc_forecast_accuracy_clear (&accuracy);
      }
}

static void
test_holidays (void)
{
  EscTestSynthetic synthetic;
  EscForecastOptions options;
  g_autoptr(EscSeries) history = NULL;
  g_autoptr(EscChannelForecast) plain = NULL;
  g_autoptr(EscChannelForecast) forecast = NULL;
  g_autoptr(GError) error = NULL;
  /* 2024-01-01 (a Monday in the history) is closed; 2024-02-28 (a Wednesday in the
   * horizon) is a holiday too. */
  EscJulian holidays[] = { esc_test_julian (2024, 1, 1), esc_test_julian (2024, 2, 28),
                           esc_test_julian (2024, 1, 1) };
  EscJulian future = esc_test_julian (2024, 2, 28);
  guint n_flagged = 0;

  esc_test_synthetic_init (&synthetic);
  history = esc_test_synthetic_series (&synthetic, "phone", FIRST_DAY (), 8);
  for (guint i = 0; i < 48; i++)
    history->values[i] = 0;

  esc_forecast_options_init (&options);
  options.horizon_days = 14;
  plain = esc_forecast_channel (history, &options, &error);
  g_assert_no_error (error);

  options.holidays = holidays;
  options.n_holidays = G_N_ELEMENTS (holidays);
  forecast = esc_forecast_channel (history, &options, &error);
  g_assert_no_error (error);

  /* The closed holiday taught the model that holidays are closed. */
  g_assert_cmpfloat_with_epsilon (forecast->holiday_factor, 0, 1e-12);
  g_assert_cmpuint (forecast->n_fitted, ==, history->n - 48);

  for (guint i = 0; i < forecast->n; i++)
    {
      EscInstant time = esc_channel_forecast_get_time (forecast, i);
      gboolean on_holiday = time / ESC_MINUTES_PER_DAY == future;

      g_assert_cmpint (forecast->holiday[i], ==, on_holiday);
      if (on_holiday)
        {
          n_flagged++;
          g_assert_cmpfloat (forecast->point[i], ==, 0);
          g_assert_cmpfloat (forecast->upper[i], ==, 0);
        }
      else if (esc_julian_weekday ((EscJulian) (time / ESC_MINUTES_PER_DAY)) == ESC_MON &&
               forecast->point[i] > 0)
        {
          /* Without the holiday, the zero Monday dragged Mondays down. */
          g_assert_cmpfloat (forecast->point[i], >, plain->point[i]);
        }
    }
  g_assert_cmpuint (n_flagged, ==, 48);
}

static void
test_errors (void)
{
  EscTestSynthetic synthetic;
  EscForecastOptions options;
  g_autoptr(EscSeries) history = NULL;
  g_autoptr(EscSeries) short_history = NULL;
  g_autoptr(GError) error = NULL;
  EscJulian holidays[7];

  esc_test_synthetic_init (&synthetic);
  history = esc_test_synthetic_series (&synthetic, "phone", FIRST_DAY (), 2);
  esc_forecast_options_init (&options);

  short_history = esc_series_slice (history, 0, 13 * 48);
  g_assert_null (esc_forecast_channel (short_history, &options, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_TOO_SHORT);
  g_assert_nonnull (strstr (error->message, "phone"));
  g_clear_error (&error);

  /* Two weeks, one of them holidays: too short. */
  for (guint i = 0; i < 7; i++)
    holidays[i] = FIRST_DAY () + i;
  options.holidays = holidays;
  options.n_holidays = 7;
  g_assert_null (esc_forecast_channel (history, &options, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_TOO_SHORT);
  g_clear_error (&error);
  options.holidays = NULL;
  options.n_holidays = 0;

  options.confidence = 1;
  g_assert_null (esc_forecast_channel (history, &options, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
  g_clear_error (&error);
  options.confidence = 0.95;
  options.horizon_days = 0;
  g_assert_null (esc_forecast_channel (history, &options, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
  g_clear_error (&error);

  /* Two weeks exactly are enough. */
  options.horizon_days = 7;
  {
    g_autoptr(EscChannelForecast) forecast = esc_forecast_channel (history, &options, &error);

    g_assert_no_error (error);
    g_assert_nonnull (forecast);
  }
}

static EscForecast *
make_forecast (EscTestSynthetic *synthetic)
{
  EscForecastOptions options;
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func ((GDestroyNotify) esc_series_free);
  g_autoptr(GError) error = NULL;
  EscForecast *forecast;
  EscJulian holiday = FIRST_DAY () + 8 * 7 + 2;

  esc_test_synthetic_init (synthetic);
  g_ptr_array_add (series, esc_test_synthetic_series (synthetic, "e-mail", FIRST_DAY (), 8));
  synthetic->seed++;
  g_ptr_array_add (series, esc_test_synthetic_series (synthetic, "phone", FIRST_DAY (), 8));

  esc_forecast_options_init (&options);
  options.horizon_days = 7;
  options.holidays = &holiday;
  options.n_holidays = 1;
  forecast = esc_forecast_new (series, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (forecast);
  return forecast;
}

static void
test_save_and_load (void)
{
  EscTestSynthetic synthetic;
  g_autoptr(EscForecast) forecast = make_forecast (&synthetic);
  g_autoptr(EscForecast) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gsize len = 0;

  data = esc_forecast_to_data (forecast, &len);
  g_assert_cmpuint (len, ==, strlen (data));
  g_assert_true (g_str_has_suffix (data, "}\n"));
  loaded = esc_forecast_from_data (data, -1, "saved.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->interval, ==, 30);
  g_assert_cmpfloat (loaded->confidence, ==, 0.95);
  g_assert_cmpstr (loaded->method, ==, ESC_FORECAST_METHOD);
  g_assert_cmpstr (loaded->created, ==, forecast->created);
  g_assert_cmpuint (loaded->channels->len, ==, 2);
  for (guint c = 0; c < 2; c++)
    {
      EscChannelForecast *a = g_ptr_array_index (forecast->channels, c);
      EscChannelForecast *b = g_ptr_array_index (loaded->channels, c);

      g_assert_cmpstr (a->channel, ==, b->channel);
      g_assert_cmpint (a->start, ==, b->start);
      g_assert_cmpuint (a->n, ==, b->n);
      g_assert_cmpfloat (a->growth, ==, b->growth);
      g_assert_cmpuint (a->n_fitted, ==, b->n_fitted);
      for (guint i = 0; i < a->n; i++)
        {
          g_assert_cmpfloat (a->point[i], ==, b->point[i]);
          g_assert_cmpfloat (a->lower[i], ==, b->lower[i]);
          g_assert_cmpfloat (a->upper[i], ==, b->upper[i]);
          g_assert_cmpint (a->holiday[i], ==, b->holiday[i]);
        }
    }
  /* Saving what was loaded gives the same text. */
  again = esc_forecast_to_data (loaded, NULL);
  g_assert_cmpstr (data, ==, again);

  /* Through a file. */
  dir = g_dir_make_tmp ("escala-forecast-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "saved.json", NULL);
  g_assert_true (esc_forecast_save (forecast, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&loaded, esc_forecast_free);
  loaded = esc_forecast_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->channels->len, ==, 2);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_load_errors (void)
{
  const struct
  {
    const char *data;
    const char *fragment;
  } cases[] = {
    { "not json", "bad.json" },
    { "[]", "not a saved forecast" },
    { "{\"format\":\"other\"}", "escala-forecast" },
    { "{\"format\":\"escala-forecast\",\"version\":2,\"interval\":30,\"confidence\":0.95,"
      "\"channels\":[]}", "newer" },
    { "{\"format\":\"escala-forecast\",\"version\":1,\"interval\":7,\"confidence\":0.95,"
      "\"channels\":[]}", "interval" },
    { "{\"format\":\"escala-forecast\",\"version\":1,\"interval\":30,\"confidence\":1.5,"
      "\"channels\":[]}", "confidence" },
    { "{\"format\":\"escala-forecast\",\"version\":1,\"interval\":30,\"confidence\":0.95,"
      "\"channels\":[{\"channel\":\"phone\",\"start\":\"2024-01-01 00:00\",\"point\":[1,2],"
      "\"lower\":[0],\"upper\":[2,3]}]}", "same length" },
    { "{\"format\":\"escala-forecast\",\"version\":1,\"interval\":30,\"confidence\":0.95,"
      "\"channels\":[{\"channel\":\"phone\",\"start\":\"2024-01-01 00:00\",\"point\":[1,2],"
      "\"lower\":[0,3],\"upper\":[2,3]}]}", "interval 2" },
    { "{\"format\":\"escala-forecast\",\"version\":1,\"interval\":30,\"confidence\":0.95,"
      "\"channels\":[{\"channel\":\"phone\",\"start\":\"yesterday\",\"point\":[],"
      "\"lower\":[],\"upper\":[]}]}", "start" },
    { "{\"format\":\"escala-forecast\",\"version\":1,\"interval\":30,\"confidence\":0.95,"
      "\"channels\":[{\"channel\":\"phone\",\"start\":\"2024-01-01 00:00\",\"point\":[1],"
      "\"lower\":[0],\"upper\":[2],\"holidays\":[5]}]}", "holidays" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EscForecast) forecast = esc_forecast_from_data (cases[i].data, -1, "bad.json",
                                                                &error);

      g_assert_null (forecast);
      g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_PARSE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "bad.json"));
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }
}

/* Forecast tracking: a saved forecast against the actuals of its week. */
static void
test_compare (void)
{
  EscTestSynthetic synthetic;
  g_autoptr(EscForecast) forecast = make_forecast (&synthetic);
  g_autoptr(GPtrArray) actuals = g_ptr_array_new_with_free_func ((GDestroyNotify) esc_series_free);
  g_autoptr(GArray) accuracy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscSeries) nine_weeks = NULL;
  g_autoptr(EscSeries) other = NULL;
  double total = 0;

  /* The same generator over nine weeks: its ninth week is the actuals. */
  esc_test_synthetic_init (&synthetic);
  synthetic.seed += 1;
  nine_weeks = esc_test_synthetic_series (&synthetic, "phone", FIRST_DAY (), 9);
  g_ptr_array_add (actuals, esc_series_slice (nine_weeks, 8 * 7 * 48, 7 * 48));
  g_ptr_array_add (actuals, esc_series_new ("fax", nine_weeks->start, 30, 10));

  accuracy = esc_forecast_compare (forecast, actuals, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accuracy->len, ==, 1);
  {
    EscForecastAccuracy *a = &g_array_index (accuracy, EscForecastAccuracy, 0);
    EscForecastAccuracy direct;

    g_assert_cmpstr (a->channel, ==, "phone");
    /* The holiday (a Wednesday) is left out. */
    g_assert_cmpuint (a->n, ==, 6 * 48);
    g_assert_cmpfloat (a->wape, <, 0.08);
    g_assert_cmpfloat (a->wape, ==, total);
    g_assert_true (esc_forecast_accuracy_compute (esc_forecast_find_channel (forecast, "phone"),
                                                  g_ptr_array_index (actuals, 0), &direct,
                                                  &error));
    g_assert_cmpfloat (direct.wape, ==, a->wape);
    esc_forecast_accuracy_clear (&direct);
  }

  /* Actuals of another period, or of another interval. */
  g_ptr_array_set_size (actuals, 0);
  g_ptr_array_add (actuals, esc_series_slice (nine_weeks, 0, 7 * 48));
  g_clear_pointer (&accuracy, g_array_unref);
  accuracy = esc_forecast_compare (forecast, actuals, NULL, &error);
  g_assert_null (accuracy);
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_MISSING);
  g_clear_error (&error);

  other = esc_series_new ("phone", nine_weeks->start, 60, 24 * 70);
  g_ptr_array_set_size (actuals, 0);
  g_ptr_array_add (actuals, g_steal_pointer (&other));
  accuracy = esc_forecast_compare (forecast, actuals, NULL, &error);
  g_assert_null (accuracy);
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
}

void
esc_test_add_forecast_tests (void)
{
  g_test_add_func ("/staffing/forecast/normal-quantile", test_normal_quantile);
  g_test_add_func ("/staffing/forecast/recovers-pattern-and-trend", test_recovers_pattern_and_trend);
  g_test_add_func ("/staffing/forecast/backtest", test_backtest);
  g_test_add_func ("/staffing/forecast/coverage", test_coverage);
  g_test_add_func ("/staffing/forecast/coverage-poisson", test_coverage_poisson);
  g_test_add_func ("/staffing/forecast/holidays", test_holidays);
  g_test_add_func ("/staffing/forecast/errors", test_errors);
  g_test_add_func ("/staffing/forecast/save-and-load", test_save_and_load);
  g_test_add_func ("/staffing/forecast/load-errors", test_load_errors);
  g_test_add_func ("/staffing/forecast/compare", test_compare);
}
