/* esc-plot.h: a time-series plot of history, forecast and prediction band, drawn into
 * any cairo_t (the staffing page, PNG/PDF/SVG exports, printing).
 *
 * Layout, in the user units of the cairo_t ("pixels"):
 *
 *   +------+--------------------------------------------------+  0
 *   |      |            legend (right aligned)                |
 *   +------+--------------------------------------------------+  ESC_PLOT_MARGIN_TOP
 *   | value| plot area: holiday washes, grid, band, lines,    |
 *   | ticks| the "now" line where the forecast starts          |
 *   +------+--------------------------------------------------+  height - ESC_PLOT_MARGIN_BOTTOM
 *   |      |  day ticks and labels                            |
 *   +------+--------------------------------------------------+  height
 *   0      ESC_PLOT_MARGIN_LEFT                      width - ESC_PLOT_MARGIN_RIGHT
 *
 * Each value is drawn at the middle of its interval. The value axis starts at 0 and
 * ends at a round number at or above the largest visible value (band included). Days
 * get a faint line at midnight and a label ("Mon 06" when there is room, else every
 * few days or weeks "06 May"); when a day is wide enough (zoomed in), hours get lines
 * and "08:00" labels too, the day's label standing at its midnight. Values get grid
 * lines at round steps.
 *
 * esc_plot_to_pixel() answers where a (time, value) lands with the arithmetic the
 * drawing uses, for hit tests (tooltips) and tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "core/esc-parse.h"

G_BEGIN_DECLS

#define ESC_PLOT_MARGIN_LEFT   56.0
#define ESC_PLOT_MARGIN_RIGHT  16.0
#define ESC_PLOT_MARGIN_TOP    30.0
#define ESC_PLOT_MARGIN_BOTTOM 26.0

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} EscPlotRgba;

typedef enum
{
  ESC_PLOT_COLOR_BACKGROUND,
  ESC_PLOT_COLOR_GRID,          /* value and day lines */
  ESC_PLOT_COLOR_AXIS,          /* the frame of the plot area */
  ESC_PLOT_COLOR_TEXT,
  ESC_PLOT_COLOR_HISTORY,       /* the history line */
  ESC_PLOT_COLOR_FORECAST,      /* the forecast line */
  ESC_PLOT_COLOR_BAND,          /* translucent fill of the prediction interval */
  ESC_PLOT_COLOR_HOLIDAY,       /* translucent wash over holidays */
  ESC_PLOT_COLOR_NOW,           /* the dashed line where the forecast starts */
  ESC_PLOT_N_COLORS
} EscPlotColorRole;

typedef struct _EscPlot EscPlot;

/* Adwaita's colours: blue history, orange forecast and band, on white (light) or
 * #1e1e1e (dark). */
void      esc_plot_get_color    (gboolean          dark,
                                 EscPlotColorRole  role,
                                 EscPlotRgba      *color);

EscPlot  *esc_plot_new          (void);
void      esc_plot_free         (EscPlot *self);

/* The data is copied. @n may be 0 (nothing). */
void      esc_plot_set_history  (EscPlot      *self,
                                 EscInstant    start,
                                 int           interval,
                                 const double *values,
                                 guint         n);
/* @lower and @upper may be NULL (no band). */
void      esc_plot_set_forecast (EscPlot      *self,
                                 EscInstant    start,
                                 int           interval,
                                 const double *point,
                                 const double *lower,
                                 const double *upper,
                                 guint         n);
void      esc_plot_set_holidays (EscPlot         *self,
                                 const EscJulian *days,
                                 guint            n);
/* The visible time range [from, to); from >= to shows all the data (the default). */
void      esc_plot_set_range    (EscPlot    *self,
                                 EscInstant  from,
                                 EscInstant  to);
void      esc_plot_set_dark     (EscPlot  *self,
                                 gboolean  dark);
/* Legend entries; NULL restores the default ("History", "Forecast", "Prediction
 * interval"), "" leaves the entry out. */
void      esc_plot_set_labels   (EscPlot    *self,
                                 const char *history,
                                 const char *forecast,
                                 const char *band);

/* Draws the whole plot into [0, width) x [0, height) of @cr (saved and restored). */
void      esc_plot_draw         (EscPlot *self,
                                 cairo_t *cr,
                                 double   width,
                                 double   height);

/* Where (@time, @value) is drawn in a plot of @width x @height. FALSE when nothing is
 * visible (no data or no room); the point may lie outside the plot area. */
gboolean  esc_plot_to_pixel     (EscPlot    *self,
                                 double      width,
                                 double      height,
                                 double      time,
                                 double      value,
                                 double     *x,
                                 double     *y);
/* The top of the value axis (a round number), 0 when there is no data. */
double    esc_plot_get_value_max (EscPlot *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscPlot, esc_plot_free)

G_END_DECLS
