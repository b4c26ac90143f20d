/* esc-series.c: a regular time series of one channel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-staffing"

#include <string.h>

#include "esc-series.h"

EscSeries *
esc_series_new (const char *channel,
                EscInstant  start,
                int         interval,
                guint       n)
{
  EscSeries *self;

  g_return_val_if_fail (interval > 0, NULL);

  self = g_new0 (EscSeries, 1);
  self->channel = g_strdup (channel != NULL ? channel : "");
  self->start = start;
  self->interval = interval;
  self->n = n;
  self->values = g_new0 (double, MAX (n, 1));
  return self;
}

EscSeries *
esc_series_new_from (const char   *channel,
                     EscInstant    start,
                     int           interval,
                     const double *values,
                     guint         n)
{
  EscSeries *self = esc_series_new (channel, start, interval, n);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n == 0 || values != NULL, self);

  if (n > 0)
    memcpy (self->values, values, n * sizeof (double));
  return self;
}

EscSeries *
esc_series_copy (const EscSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return esc_series_new_from (self->channel, self->start, self->interval, self->values,
                              self->n);
}

void
esc_series_free (EscSeries *self)
{
  if (self == NULL)
    return;
  g_free (self->channel);
  g_free (self->values);
  g_free (self);
}

EscInstant
esc_series_get_time (const EscSeries *self,
                     guint            i)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->start + (EscInstant) i * self->interval;
}

gint64
esc_series_find (const EscSeries *self,
                 EscInstant       time)
{
  gint64 index;

  g_return_val_if_fail (self != NULL, -1);

  if (time < self->start)
    return -1;
  index = (time - self->start) / self->interval;
  return index < (gint64) self->n ? index : -1;
}

EscInstant
esc_series_get_end (const EscSeries *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->start + (EscInstant) self->n * self->interval;
}

EscSeries *
esc_series_slice (const EscSeries *self,
                  guint            first,
                  guint            n)
{
  g_return_val_if_fail (self != NULL, NULL);

  first = MIN (first, self->n);
  n = MIN (n, self->n - first);
  return esc_series_new_from (self->channel, esc_series_get_time (self, first),
                              self->interval, self->values + first, n);
}

double
esc_series_sum (const EscSeries *self)
{
  double sum = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->n; i++)
    sum += self->values[i];
  return sum;
}
