/* test-synthetic.c: a synthetic workload with a known weekly pattern and trend.
 *
 * Open 08:00-20:00 Monday to Saturday, closed on Sunday; within a day the volume rises
 * and falls as half a sine wave over a base; weekdays differ (Monday busiest, Saturday
 * half); the whole week grows by `growth` per week in proportion; each interval gets
 * Gaussian noise of relative standard deviation `noise`, or is a Poisson count around
 * the truth (`poisson`), from a fixed seed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-test"

#include <math.h>

#include "test-staffing.h"

static const double weekday_factor[7] = { 1.2, 1.1, 1.0, 1.0, 0.9, 0.5, 0.0 };

void
esc_test_synthetic_init (EscTestSynthetic *synthetic)
{
  synthetic->interval = 30;
  synthetic->growth = 0.01;
  synthetic->noise = 0.05;
  synthetic->scale = 100;
  synthetic->seed = 20240506;
  synthetic->poisson = FALSE;
}

EscJulian
esc_test_julian (int year,
                 int month,
                 int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

double
esc_test_synthetic_truth (const EscTestSynthetic *synthetic,
                          EscInstant              origin,
                          EscInstant              time)
{
  EscWeekday weekday = esc_julian_weekday ((EscJulian) (time / ESC_MINUTES_PER_DAY));
  double hour = (time % ESC_MINUTES_PER_DAY) / 60.0;
  double weeks = (double) (time - origin) / (7 * ESC_MINUTES_PER_DAY);
  double shape;

  if (hour < 8 || hour >= 20)
    return 0;
  /* The middle of the interval, so that the shape does not depend on its length much. */
  hour += synthetic->interval / 120.0;
  shape = 0.4 + 0.6 * sin (G_PI * (hour - 8) / 12);
  return synthetic->scale * weekday_factor[weekday] * shape * (1 + synthetic->growth * weeks);
}

static double
normal (GRand *rand)
{
  double u = g_rand_double_range (rand, 1e-12, 1.0);
  double v = g_rand_double (rand);

  return sqrt (-2 * log (u)) * cos (2 * G_PI * v);
}

/* Knuth's method below 30, a rounded normal above (close enough for tests). */
static double
poisson (GRand  *rand,
         double  mean)
{
  if (mean <= 0)
    return 0;
  if (mean < 30)
    {
      double limit = exp (-mean), product = g_rand_double (rand);
      int k = 0;

      while (product > limit)
        {
          k++;
          product *= g_rand_double (rand);
        }
      return k;
    }
  return MAX (0.0, round (mean + sqrt (mean) * normal (rand)));
}

EscSeries *
esc_test_synthetic_series (const EscTestSynthetic *synthetic,
                           const char             *channel,
                           EscJulian               first_day,
                           guint                   weeks)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (synthetic->seed);
  guint per_day = ESC_MINUTES_PER_DAY / synthetic->interval;
  EscInstant origin = (EscInstant) first_day * ESC_MINUTES_PER_DAY;
  EscSeries *series = esc_series_new (channel, origin, synthetic->interval,
                                      weeks * 7 * per_day);

  for (guint i = 0; i < series->n; i++)
    {
      double truth = esc_test_synthetic_truth (synthetic, origin, esc_series_get_time (series, i));

      if (synthetic->poisson)
        series->values[i] = poisson (rand, truth);
      else
        series->values[i] = MAX (0.0, truth * (1 + synthetic->noise * normal (rand)));
    }
  return series;
}
