/* esc-series.h: a regular time series of one channel: a value per interval.
 *
 * The history aggregated to 15, 30 or 60 minutes (esc-history.h) and the input of the
 * forecast (esc-forecast.h). Interval i covers [start + i * interval, start + (i + 1) *
 * interval) in absolute minutes (EscInstant, esc-parse.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/esc-parse.h"

G_BEGIN_DECLS

typedef struct
{
  char       *channel;   /* never NULL */
  EscInstant  start;     /* start of interval 0, absolute minutes */
  int         interval;  /* minutes, > 0 */
  guint       n;         /* number of intervals */
  double     *values;    /* n values (counts) */
} EscSeries;

/* @n zero values. */
EscSeries  *esc_series_new      (const char *channel,
                                 EscInstant  start,
                                 int         interval,
                                 guint       n);
/* @n values copied from @values. */
EscSeries  *esc_series_new_from (const char   *channel,
                                 EscInstant    start,
                                 int           interval,
                                 const double *values,
                                 guint         n);
EscSeries  *esc_series_copy     (const EscSeries *self);
void        esc_series_free     (EscSeries *self);

/* The start of interval @i. */
EscInstant  esc_series_get_time (const EscSeries *self,
                                 guint            i);
/* The index of the interval containing @time, or -1 when outside the series. */
gint64      esc_series_find     (const EscSeries *self,
                                 EscInstant       time);
/* The end of the last interval. */
EscInstant  esc_series_get_end  (const EscSeries *self);
/* A copy of intervals [first, first + n), clamped to the series. */
EscSeries  *esc_series_slice    (const EscSeries *self,
                                 guint            first,
                                 guint            n);
double      esc_series_sum      (const EscSeries *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscSeries, esc_series_free)

G_END_DECLS
