/* esc-overview-chart.h: horizontal bar charts of the Overview page (hours per employee
 * against contract, coverage per store and role), drawn into any cairo_t.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *label;     /* left of the bar */
  double value;          /* bar length */
  double target;         /* a tick across the bar (contract), < 0: none */
  const char *text;      /* right of the bar, NULL: the value */
} EscOverviewBar;

typedef struct
{
  double fg[4];          /* text, target ticks (rgba) */
  double bar[4];         /* bars up to the target */
  double over[4];        /* part of a bar beyond its target */
  double track[4];       /* the background of each row */
  gboolean dark;
} EscOverviewChartStyle;

/* The style for a light or dark theme with @accent as the bar colour (rgba). */
void   esc_overview_chart_style_init (EscOverviewChartStyle *style,
                                      gboolean               dark,
                                      const double           accent[4]);
/* Height the chart needs for @n_bars rows. */
double esc_overview_chart_get_height (guint n_bars);
/* The widths esc_overview_chart_draw() gives the label column (left of the bars) and
 * the value column (right of them) when drawing @bars @width wide on @cr: each as wide
 * as its longest text in the chart's font, at most 30 % and 40 % of @width. */
void   esc_overview_chart_measure    (cairo_t                     *cr,
                                      double                       width,
                                      const EscOverviewBar        *bars,
                                      guint                        n_bars,
                                      double                      *label_width,
                                      double                      *text_width);
/* Draws @bars, one row each, into (0, 0, @width, @height) of @cr. */
void   esc_overview_chart_draw       (cairo_t                     *cr,
                                      double                       width,
                                      double                       height,
                                      const EscOverviewBar        *bars,
                                      guint                        n_bars,
                                      const EscOverviewChartStyle *style);

G_END_DECLS
