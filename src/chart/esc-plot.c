/* esc-plot.c: a time-series plot of history, forecast and prediction band into a cairo_t.
 *
 * See esc-plot.h for the layout. Drawing order: background, holiday washes, grid, band,
 * history and forecast lines, the "now" line, the frame, then the texts (value ticks,
 * day labels, legend) with Pango.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "esc-plot.h"

#include "core/esc-display.h"

#define FONT              "Sans 9"
#define LINE_WIDTH        2.0
#define LEGEND_SWATCH     18.0
#define LEGEND_GAP        14.0
#define MIN_DAY_LINE_PX   4.0

typedef struct
{
  EscInstant start;
  int        interval;
  guint      n;
  double    *values;
  double    *lower;          /* forecast only, may be NULL */
  double    *upper;
} Series;

struct _EscPlot
{
  Series      history;
  Series      forecast;
  GHashTable *holidays;      /* EscJulian set */
  EscInstant  from;
  EscInstant  to;
  gboolean    dark;
  char       *labels[3];     /* history, forecast, band; NULL: default */
};

typedef struct
{
  double x0, y0, x1, y1;     /* the plot area */
  double t0, t1;             /* visible time, minutes */
  double vmax;
  double step;               /* value grid step */
} Frame;

static const EscPlotRgba light_colors[ESC_PLOT_N_COLORS] = {
  [ESC_PLOT_COLOR_BACKGROUND] = { 1, 1, 1, 1 },
  [ESC_PLOT_COLOR_GRID] = { 0, 0, 0, 0.08 },
  [ESC_PLOT_COLOR_AXIS] = { 0, 0, 0, 0.35 },
  [ESC_PLOT_COLOR_TEXT] = { 0, 0, 0, 0.8 },
  [ESC_PLOT_COLOR_HISTORY] = { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1 },   /* blue 4 */
  [ESC_PLOT_COLOR_FORECAST] = { 0xe6 / 255.0, 0x61 / 255.0, 0x00 / 255.0, 1 },  /* orange 5 */
  [ESC_PLOT_COLOR_BAND] = { 0xff / 255.0, 0x78 / 255.0, 0x00 / 255.0, 0.25 },   /* orange 3 */
  [ESC_PLOT_COLOR_HOLIDAY] = { 0x91 / 255.0, 0x41 / 255.0, 0xac / 255.0, 0.10 },/* purple 3 */
  [ESC_PLOT_COLOR_NOW] = { 0, 0, 0, 0.5 },
};

static const EscPlotRgba dark_colors[ESC_PLOT_N_COLORS] = {
  [ESC_PLOT_COLOR_BACKGROUND] = { 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0, 1 },
  [ESC_PLOT_COLOR_GRID] = { 1, 1, 1, 0.08 },
  [ESC_PLOT_COLOR_AXIS] = { 1, 1, 1, 0.35 },
  [ESC_PLOT_COLOR_TEXT] = { 1, 1, 1, 0.85 },
  [ESC_PLOT_COLOR_HISTORY] = { 0x62 / 255.0, 0xa0 / 255.0, 0xea / 255.0, 1 },   /* blue 1 */
  [ESC_PLOT_COLOR_FORECAST] = { 0xff / 255.0, 0xa3 / 255.0, 0x48 / 255.0, 1 },  /* orange 1 */
  [ESC_PLOT_COLOR_BAND] = { 0xff / 255.0, 0xa3 / 255.0, 0x48 / 255.0, 0.25 },
  [ESC_PLOT_COLOR_HOLIDAY] = { 0xc0 / 255.0, 0x61 / 255.0, 0xcb / 255.0, 0.14 },/* purple 1 */
  [ESC_PLOT_COLOR_NOW] = { 1, 1, 1, 0.5 },
};

/* Data */

static void
series_clear (Series *series)
{
  g_clear_pointer (&series->values, g_free);
  g_clear_pointer (&series->lower, g_free);
  g_clear_pointer (&series->upper, g_free);
  series->n = 0;
}

static double *
copy_values (const double *values,
             guint         n)
{
  return values != NULL && n > 0 ? g_memdup2 (values, n * sizeof (double)) : NULL;
}

static void
series_set (Series       *series,
            EscInstant    start,
            int           interval,
            const double *values,
            const double *lower,
            const double *upper,
            guint         n)
{
  series_clear (series);
  if (values == NULL || n == 0 || interval <= 0)
    return;
  series->start = start;
  series->interval = interval;
  series->n = n;
  series->values = copy_values (values, n);
  if (lower != NULL && upper != NULL)
    {
      series->lower = copy_values (lower, n);
      series->upper = copy_values (upper, n);
    }
}

static double
series_mid (const Series *series,
            guint         i)
{
  return series->start + (i + 0.5) * series->interval;
}

static gboolean
data_range (EscPlot *self,
            double  *t0,
            double  *t1)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  const Series *all[] = { &self->history, &self->forecast };

  if (self->from < self->to)
    {
      *t0 = self->from;
      *t1 = self->to;
      return TRUE;
    }
  for (guint s = 0; s < G_N_ELEMENTS (all); s++)
    if (all[s]->n > 0)
      {
        lo = MIN (lo, (double) all[s]->start);
        hi = MAX (hi, (double) all[s]->start + (double) all[s]->n * all[s]->interval);
      }
  if (lo >= hi)
    return FALSE;
  *t0 = lo;
  *t1 = hi;
  return TRUE;
}

/* 1, 2, 2.5 or 5 times a power of ten, at or above @x. */
static double
nice_step (double x)
{
  double power, fraction;

  if (!(x > 0))
    return 1;
  power = pow (10, floor (log10 (x)));
  fraction = x / power;
  if (fraction <= 1)
    return power;
  if (fraction <= 2)
    return 2 * power;
  if (fraction <= 2.5)
    return 2.5 * power;
  if (fraction <= 5)
    return 5 * power;
  return 10 * power;
}

static double
visible_max (EscPlot *self,
             double   t0,
             double   t1)
{
  const Series *all[] = { &self->history, &self->forecast };
  double max = 0;

  for (guint s = 0; s < G_N_ELEMENTS (all); s++)
    for (guint i = 0; i < all[s]->n; i++)
      {
        double t = series_mid (all[s], i);

        if (t < t0 || t > t1)
          continue;
        if (isfinite (all[s]->values[i]))
          max = MAX (max, all[s]->values[i]);
        if (all[s]->upper != NULL && isfinite (all[s]->upper[i]))
          max = MAX (max, all[s]->upper[i]);
      }
  return max;
}

static gboolean
compute_frame (EscPlot *self,
               double   width,
               double   height,
               Frame   *frame)
{
  double max;

  if (!data_range (self, &frame->t0, &frame->t1))
    return FALSE;
  frame->x0 = ESC_PLOT_MARGIN_LEFT;
  frame->x1 = width - ESC_PLOT_MARGIN_RIGHT;
  frame->y0 = ESC_PLOT_MARGIN_TOP;
  frame->y1 = height - ESC_PLOT_MARGIN_BOTTOM;
  if (frame->x1 - frame->x0 < 1 || frame->y1 - frame->y0 < 1)
    return FALSE;

  max = visible_max (self, frame->t0, frame->t1);
  if (max <= 0)
    max = 1;
  frame->step = nice_step (max / 5);
  frame->vmax = ceil (max / frame->step - 1e-9) * frame->step;
  return TRUE;
}

static inline double
x_of (const Frame *frame,
      double       t)
{
  return frame->x0 + (t - frame->t0) / (frame->t1 - frame->t0) * (frame->x1 - frame->x0);
}

static inline double
y_of (const Frame *frame,
      double       value)
{
  return frame->y1 - value / frame->vmax * (frame->y1 - frame->y0);
}

/* Drawing */

static void
set_color (cairo_t          *cr,
           EscPlot          *self,
           EscPlotColorRole  role)
{
  EscPlotRgba color;

  esc_plot_get_color (self->dark, role, &color);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
}

/* The range of indices of @series whose middles fall in [t0, t1], one more each side so
 * that lines leave the plot area instead of stopping short. */
static gboolean
visible_indices (const Series *series,
                 const Frame  *frame,
                 guint        *first,
                 guint        *last)
{
  double a, b;

  if (series->n == 0)
    return FALSE;
  a = floor ((frame->t0 - series->start) / series->interval - 0.5) - 1;
  b = ceil ((frame->t1 - series->start) / series->interval - 0.5) + 1;
  a = MAX (a, 0);
  b = MIN (b, series->n - 1.0);
  if (a > b)
    return FALSE;
  *first = (guint) a;
  *last = (guint) b;
  return TRUE;
}

static void
draw_holidays (EscPlot     *self,
               cairo_t     *cr,
               const Frame *frame)
{
  GHashTableIter iter;
  gpointer key;

  if (self->holidays == NULL)
    return;
  set_color (cr, self, ESC_PLOT_COLOR_HOLIDAY);
  g_hash_table_iter_init (&iter, self->holidays);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      double start = (double) GPOINTER_TO_UINT (key) * ESC_MINUTES_PER_DAY;
      double x0 = MAX (x_of (frame, start), frame->x0);
      double x1 = MIN (x_of (frame, start + ESC_MINUTES_PER_DAY), frame->x1);

      if (x1 > x0)
        cairo_rectangle (cr, x0, frame->y0, x1 - x0, frame->y1 - frame->y0);
    }
  cairo_fill (cr);
}

/* Day steps: every day, every 2 days, then whole weeks. */
static int
choose_day_step (const Frame *frame,
                 double       min_label_width)
{
  static const int steps[] = { 1, 2, 7, 14, 28, 56, 91, 182, 364 };
  double px_per_day = (frame->x1 - frame->x0) * ESC_MINUTES_PER_DAY / (frame->t1 - frame->t0);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * px_per_day >= min_label_width)
      return steps[i];
  return 728;
}

/* When a day is wide enough, hours get lines and labels too: every 1, 2, 3, 6 or 12
 * hours; 0 when days are too narrow. */
static int
choose_hour_step (const Frame *frame,
                  double       min_label_width)
{
  static const int steps[] = { 1, 2, 3, 6, 12 };
  double px_per_hour = (frame->x1 - frame->x0) * 60 / (frame->t1 - frame->t0);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i] * px_per_hour >= min_label_width)
      return steps[i];
  return 0;
}

static gboolean
is_labelled_day (EscJulian day,
                 int       step)
{
  if (step < 7)
    return day % step == 0;
  /* Mondays, every step / 7 weeks. */
  return esc_julian_weekday (day) == ESC_MON && (day / 7) % (step / 7) == 0;
}

static void
draw_grid (EscPlot     *self,
           cairo_t     *cr,
           const Frame *frame,
           int          day_step,
           int          hour_step)
{
  double px_per_day = (frame->x1 - frame->x0) * ESC_MINUTES_PER_DAY / (frame->t1 - frame->t0);
  EscJulian first = (EscJulian) ceil (frame->t0 / ESC_MINUTES_PER_DAY);
  EscJulian last = (EscJulian) floor (frame->t1 / ESC_MINUTES_PER_DAY);

  set_color (cr, self, ESC_PLOT_COLOR_GRID);
  cairo_set_line_width (cr, 1);
  for (double v = frame->step; v < frame->vmax + frame->step / 2; v += frame->step)
    {
      double y = round (y_of (frame, v)) + 0.5;

      cairo_move_to (cr, frame->x0, y);
      cairo_line_to (cr, frame->x1, y);
    }
  for (EscJulian day = first; day <= last; day++)
    {
      double x;

      if (px_per_day < MIN_DAY_LINE_PX && !is_labelled_day (day, day_step))
        continue;
      x = round (x_of (frame, (double) day * ESC_MINUTES_PER_DAY)) + 0.5;
      cairo_move_to (cr, x, frame->y0);
      cairo_line_to (cr, x, frame->y1);
    }
  if (hour_step > 0)
    {
      double first_hour = ceil (frame->t0 / (60.0 * hour_step)) * 60 * hour_step;

      for (double t = first_hour; t < frame->t1; t += 60.0 * hour_step)
        {
          double x = round (x_of (frame, t)) + 0.5;

          if (fmod (t, ESC_MINUTES_PER_DAY) == 0)
            continue;
          cairo_move_to (cr, x, frame->y0);
          cairo_line_to (cr, x, frame->y1);
        }
    }
  cairo_stroke (cr);
}

static void
draw_band (EscPlot     *self,
           cairo_t     *cr,
           const Frame *frame)
{
  const Series *series = &self->forecast;
  guint first, last;

  if (series->lower == NULL || !visible_indices (series, frame, &first, &last))
    return;

  for (guint i = first; i <= last; i++)
    cairo_line_to (cr, x_of (frame, series_mid (series, i)), y_of (frame, series->upper[i]));
  for (guint i = last + 1; i > first; i--)
    cairo_line_to (cr, x_of (frame, series_mid (series, i - 1)),
                   y_of (frame, series->lower[i - 1]));
  cairo_close_path (cr);
  set_color (cr, self, ESC_PLOT_COLOR_BAND);
  cairo_fill (cr);
}

static void
draw_line (EscPlot          *self,
           cairo_t          *cr,
           const Frame      *frame,
           const Series     *series,
           EscPlotColorRole  role)
{
  gboolean pen_down = FALSE;
  guint first, last;

  if (!visible_indices (series, frame, &first, &last))
    return;

  for (guint i = first; i <= last; i++)
    {
      double value = series->values[i];

      if (!isfinite (value))
        {
          pen_down = FALSE;
          continue;
        }
      if (pen_down)
        cairo_line_to (cr, x_of (frame, series_mid (series, i)), y_of (frame, value));
      else
        cairo_move_to (cr, x_of (frame, series_mid (series, i)), y_of (frame, value));
      pen_down = TRUE;
    }
  set_color (cr, self, role);
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static void
draw_now (EscPlot     *self,
          cairo_t     *cr,
          const Frame *frame)
{
  static const double dashes[] = { 4, 3 };
  double x;

  if (self->forecast.n == 0 || self->history.n == 0)
    return;
  x = x_of (frame, self->forecast.start);
  if (x <= frame->x0 || x >= frame->x1)
    return;
  x = round (x) + 0.5;
  cairo_save (cr);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_set_line_width (cr, 1);
  set_color (cr, self, ESC_PLOT_COLOR_NOW);
  cairo_move_to (cr, x, frame->y0);
  cairo_line_to (cr, x, frame->y1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       x_align,   /* 0 left, 0.5 centre, 1 right of x */
           double       y_align)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, round (x - x_align * width), round (y - y_align * height));
  pango_cairo_show_layout (cr, layout);
}

static double
text_width (PangoLayout *layout,
            const char  *text)
{
  int width;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The decimals a multiple of @step needs: 0 for 5, 1 for 2.5, 2 for 0.25. */
static int
step_decimals (double step)
{
  int decimals = 0;

  while (decimals < 6 && fabs (step - round (step)) > 1e-9)
    {
      step *= 10;
      decimals++;
    }
  return decimals;
}

static void
draw_value_labels (EscPlot     *self,
                   cairo_t     *cr,
                   PangoLayout *layout,
                   const Frame *frame)
{
  int decimals = step_decimals (frame->step);

  set_color (cr, self, ESC_PLOT_COLOR_TEXT);
  for (double v = 0; v < frame->vmax + frame->step / 2; v += frame->step)
    {
      g_autofree char *text = esc_display_number_short (v, decimals);

      show_text (cr, layout, text, frame->x0 - 6, y_of (frame, v), 1, 0.5);
    }
}

static char *
format_day (EscJulian day,
            int       step)
{
  const char *format;

  if (step == 1)
    /* TRANSLATORS: strftime format of the forecast plot's day labels when every day
     * has room: "Mon 06" */
    /* xgettext:no-c-format */
    format = _("%a %d");
  else
    /* TRANSLATORS: strftime format of the forecast plot's day labels every few days or
     * weeks: "06 May" */
    /* xgettext:no-c-format */
    format = _("%d %b");
  return esc_display_strftime (day, format);
}

/* The widest day label, roughly: a Wednesday the 30th in either format. */
static double
measure_day_label (PangoLayout *layout)
{
  GDate date;
  g_autofree char *short_label = NULL;
  g_autofree char *long_label = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 30, G_DATE_OCTOBER, 2024);
  short_label = format_day (g_date_get_julian (&date), 1);
  long_label = format_day (g_date_get_julian (&date), 7);
  return MAX (text_width (layout, short_label), text_width (layout, long_label));
}

/* Hour ticks "08:00", and the day's label at midnight. */
static void
draw_hour_labels (EscPlot     *self,
                  cairo_t     *cr,
                  PangoLayout *layout,
                  const Frame *frame,
                  int          hour_step)
{
  double first_hour = ceil (frame->t0 / (60.0 * hour_step)) * 60 * hour_step;
  double y = frame->y1 + 5;

  double right = -G_MAXDOUBLE;   /* where the last label ended: labels never overlap */

  set_color (cr, self, ESC_PLOT_COLOR_TEXT);
  for (double t = first_hour; t < frame->t1; t += 60.0 * hour_step)
    {
      g_autofree char *text = NULL;
      int minutes = (int) fmod (t, ESC_MINUTES_PER_DAY);
      double x = x_of (frame, t);
      double width, left;

      if (minutes == 0)
        {
          text = format_day ((EscJulian) (t / ESC_MINUTES_PER_DAY), 1);
          width = text_width (layout, text);
          left = x + 3;
        }
      else
        {
          text = esc_format_time (minutes);
          width = text_width (layout, text);
          left = x - width / 2;
        }
      if (left < right + 6 || left + width > frame->x1 + ESC_PLOT_MARGIN_RIGHT)
        continue;
      show_text (cr, layout, text, left, y, 0, 0);
      right = left + width;
    }
}

static void
draw_day_labels (EscPlot     *self,
                 cairo_t     *cr,
                 PangoLayout *layout,
                 const Frame *frame,
                 int          step)
{
  EscJulian first = (EscJulian) floor (frame->t0 / ESC_MINUTES_PER_DAY);
  EscJulian last = (EscJulian) floor ((frame->t1 - 1) / ESC_MINUTES_PER_DAY);
  double y = frame->y1 + 5;

  set_color (cr, self, ESC_PLOT_COLOR_TEXT);
  for (EscJulian day = first; day <= last; day++)
    {
      g_autofree char *text = NULL;
      double start = (double) day * ESC_MINUTES_PER_DAY;
      double x;

      if (!is_labelled_day (day, step))
        continue;
      text = format_day (day, step);
      if (step == 1)
        {
          /* Centred in the visible part of the day. */
          double x0 = MAX (x_of (frame, start), frame->x0);
          double x1 = MIN (x_of (frame, start + ESC_MINUTES_PER_DAY), frame->x1);

          if (x1 - x0 < text_width (layout, text))
            continue;
          show_text (cr, layout, text, (x0 + x1) / 2, y, 0.5, 0);
        }
      else
        {
          x = x_of (frame, start);
          if (x < frame->x0 || x + text_width (layout, text) > frame->x1 + ESC_PLOT_MARGIN_RIGHT)
            continue;
          show_text (cr, layout, text, x + 3, y, 0, 0);
        }
    }
}

static const char *
get_label (EscPlot *self,
           guint    index)
{
  if (self->labels[index] != NULL)
    return self->labels[index];
  switch (index)
    {
    case 0:
      return _("History");
    case 1:
      return _("Forecast");
    default:
      return _("Prediction interval");
    }
}

static void
draw_legend (EscPlot     *self,
             cairo_t     *cr,
             PangoLayout *layout,
             const Frame *frame)
{
  const EscPlotColorRole roles[] = {
    ESC_PLOT_COLOR_HISTORY, ESC_PLOT_COLOR_FORECAST, ESC_PLOT_COLOR_BAND
  };
  gboolean shown[] = {
    self->history.n > 0, self->forecast.n > 0, self->forecast.lower != NULL
  };
  double x = frame->x1;
  double y = ESC_PLOT_MARGIN_TOP / 2;

  /* Right to left: band, forecast, history. */
  for (guint i = G_N_ELEMENTS (roles); i > 0; i--)
    {
      const char *label = get_label (self, i - 1);
      double width;

      if (!shown[i - 1] || *label == '\0')
        continue;
      width = text_width (layout, label);
      x -= width;
      set_color (cr, self, ESC_PLOT_COLOR_TEXT);
      show_text (cr, layout, label, x, y, 0, 0.5);
      x -= 6 + LEGEND_SWATCH;
      set_color (cr, self, roles[i - 1]);
      if (roles[i - 1] == ESC_PLOT_COLOR_BAND)
        {
          cairo_rectangle (cr, x, y - 5, LEGEND_SWATCH, 10);
          cairo_fill (cr);
        }
      else
        {
          cairo_set_line_width (cr, LINE_WIDTH);
          cairo_move_to (cr, x, round (y));
          cairo_line_to (cr, x + LEGEND_SWATCH, round (y));
          cairo_stroke (cr);
        }
      x -= LEGEND_GAP;
    }
}

/* Public API */

void
esc_plot_get_color (gboolean          dark,
                    EscPlotColorRole  role,
                    EscPlotRgba      *color)
{
  g_return_if_fail (role < ESC_PLOT_N_COLORS);
  g_return_if_fail (color != NULL);

  *color = dark ? dark_colors[role] : light_colors[role];
}

EscPlot *
esc_plot_new (void)
{
  return g_new0 (EscPlot, 1);
}

void
esc_plot_free (EscPlot *self)
{
  if (self == NULL)
    return;
  series_clear (&self->history);
  series_clear (&self->forecast);
  g_clear_pointer (&self->holidays, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->labels); i++)
    g_free (self->labels[i]);
  g_free (self);
}

void
esc_plot_set_history (EscPlot      *self,
                      EscInstant    start,
                      int           interval,
                      const double *values,
                      guint         n)
{
  g_return_if_fail (self != NULL);

  series_set (&self->history, start, interval, values, NULL, NULL, n);
}

void
esc_plot_set_forecast (EscPlot      *self,
                       EscInstant    start,
                       int           interval,
                       const double *point,
                       const double *lower,
                       const double *upper,
                       guint         n)
{
  g_return_if_fail (self != NULL);

  series_set (&self->forecast, start, interval, point, lower, upper, n);
}

void
esc_plot_set_holidays (EscPlot         *self,
                       const EscJulian *days,
                       guint            n)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->holidays, g_hash_table_unref);
  if (days == NULL || n == 0)
    return;
  self->holidays = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < n; i++)
    g_hash_table_add (self->holidays, GUINT_TO_POINTER (days[i]));
}

void
esc_plot_set_range (EscPlot    *self,
                    EscInstant  from,
                    EscInstant  to)
{
  g_return_if_fail (self != NULL);

  self->from = from;
  self->to = to;
}

void
esc_plot_set_dark (EscPlot  *self,
                   gboolean  dark)
{
  g_return_if_fail (self != NULL);

  self->dark = !!dark;
}

void
esc_plot_set_labels (EscPlot    *self,
                     const char *history,
                     const char *forecast,
                     const char *band)
{
  const char *labels[] = { history, forecast, band };

  g_return_if_fail (self != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_free (self->labels[i]);
      self->labels[i] = g_strdup (labels[i]);
    }
}

gboolean
esc_plot_to_pixel (EscPlot *self,
                   double   width,
                   double   height,
                   double   time,
                   double   value,
                   double  *x,
                   double  *y)
{
  Frame frame;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!compute_frame (self, width, height, &frame))
    return FALSE;
  if (x != NULL)
    *x = x_of (&frame, time);
  if (y != NULL)
    *y = y_of (&frame, value);
  return TRUE;
}

double
esc_plot_get_value_max (EscPlot *self)
{
  Frame frame;

  g_return_val_if_fail (self != NULL, 0);

  if (!compute_frame (self, 1000, 1000, &frame))
    return 0;
  return frame.vmax;
}

void
esc_plot_draw (EscPlot *self,
               cairo_t *cr,
               double   width,
               double   height)
{
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  Frame frame;
  int day_step;
  int hour_step;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_color (cr, self, ESC_PLOT_COLOR_BACKGROUND);
  cairo_paint (cr);

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (FONT);
  pango_layout_set_font_description (layout, font);

  if (!compute_frame (self, width, height, &frame))
    {
      if (width > 0 && height > 0)
        {
          set_color (cr, self, ESC_PLOT_COLOR_TEXT);
          show_text (cr, layout, _("No data"), width / 2, height / 2, 0.5, 0.5);
        }
      cairo_restore (cr);
      return;
    }

  day_step = choose_day_step (&frame, measure_day_label (layout) + 10);
  hour_step = day_step == 1 ? choose_hour_step (&frame, text_width (layout, "00:00") + 16) : 0;

  cairo_save (cr);
  cairo_rectangle (cr, frame.x0, frame.y0, frame.x1 - frame.x0, frame.y1 - frame.y0);
  cairo_clip (cr);
  draw_holidays (self, cr, &frame);
  draw_grid (self, cr, &frame, day_step, hour_step);
  draw_band (self, cr, &frame);
  draw_line (self, cr, &frame, &self->history, ESC_PLOT_COLOR_HISTORY);
  draw_line (self, cr, &frame, &self->forecast, ESC_PLOT_COLOR_FORECAST);
  draw_now (self, cr, &frame);
  cairo_restore (cr);

  set_color (cr, self, ESC_PLOT_COLOR_AXIS);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, round (frame.x0) + 0.5, round (frame.y0) + 0.5,
                   round (frame.x1) - round (frame.x0) - 1, round (frame.y1) - round (frame.y0) - 1);
  cairo_stroke (cr);

  draw_value_labels (self, cr, layout, &frame);
  if (hour_step > 0)
    draw_hour_labels (self, cr, layout, &frame, hour_step);
  else
    draw_day_labels (self, cr, layout, &frame, day_step);
  draw_legend (self, cr, layout, &frame);

  cairo_restore (cr);
}
