/* esc-overview-chart.c: horizontal bar charts of the Overview page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-chart"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "esc-overview-chart.h"

#include "core/esc-display.h"

#define ROW_HEIGHT 26.0
#define BAR_HEIGHT 14.0
#define PAD 6.0
#define MIN_BAR_WIDTH 20.0
/* The label and value columns are as wide as their longest text (measured with Pango),
 * but never more than these parts of the chart's width, so that narrow charts keep a
 * bar: what does not fit is ellipsized. */
#define MAX_LABEL_PART 0.3
#define MAX_TEXT_PART 0.4
#define FONT "Sans 9"

void
esc_overview_chart_style_init (EscOverviewChartStyle *style,
                               gboolean               dark,
                               const double           accent[4])
{
  double fg = dark ? 1.0 : 0.0;

  style->dark = dark;
  style->fg[0] = style->fg[1] = style->fg[2] = fg;
  style->fg[3] = 0.8;
  for (guint i = 0; i < 4; i++)
    style->bar[i] = accent[i];
  style->over[0] = 0.90; style->over[1] = 0.55; style->over[2] = 0.10; style->over[3] = 1;
  style->track[0] = style->track[1] = style->track[2] = fg;
  style->track[3] = 0.06;
}

double
esc_overview_chart_get_height (guint n_bars)
{
  return n_bars * ROW_HEIGHT + PAD;
}

static void
set_rgba (cairo_t      *cr,
          const double  c[4])
{
  cairo_set_source_rgba (cr, c[0], c[1], c[2], c[3]);
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       width,
           gboolean     right)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static PangoLayout *
create_layout (cairo_t *cr)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}

static double
natural_width (PangoLayout *layout,
               const char  *text)
{
  int w, h;

  pango_layout_set_width (layout, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

/* The value shown right of bar @b: its text, else the value. */
static char *
bar_text (const EscOverviewBar *b)
{
  return b->text != NULL ? g_strdup (b->text) : esc_display_number (b->value, 1);
}

static void
measure (PangoLayout          *layout,
         double                width,
         const EscOverviewBar *bars,
         guint                 n_bars,
         double               *label_width,
         double               *text_width)
{
  double label = 0, text = 0;

  for (guint i = 0; i < n_bars; i++)
    {
      g_autofree char *value = bar_text (&bars[i]);

      label = MAX (label, natural_width (layout, bars[i].label));
      text = MAX (text, natural_width (layout, value));
    }
  /* A pixel more than measured: Pango's rounding must not ellipsize the longest. */
  *label_width = MIN (ceil (label) + 1, floor (MAX (width, 0) * MAX_LABEL_PART));
  *text_width = MIN (ceil (text) + 1, floor (MAX (width, 0) * MAX_TEXT_PART));
}

void
esc_overview_chart_measure (cairo_t              *cr,
                            double                width,
                            const EscOverviewBar *bars,
                            guint                 n_bars,
                            double               *label_width,
                            double               *text_width)
{
  PangoLayout *layout;
  double label, text;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (bars != NULL || n_bars == 0);

  layout = create_layout (cr);
  measure (layout, width, bars, n_bars, &label, &text);
  g_object_unref (layout);
  if (label_width != NULL)
    *label_width = label;
  if (text_width != NULL)
    *text_width = text;
}

void
esc_overview_chart_draw (cairo_t                     *cr,
                         double                       width,
                         double                       height,
                         const EscOverviewBar        *bars,
                         guint                        n_bars,
                         const EscOverviewChartStyle *style)
{
  PangoLayout *layout;
  double max = 0;
  double label_w, text_w, bar_x, bar_w;

  g_return_if_fail (cr != NULL && style != NULL);
  g_return_if_fail (bars != NULL || n_bars == 0);

  for (guint i = 0; i < n_bars; i++)
    max = MAX (max, MAX (bars[i].value, bars[i].target));
  if (max <= 0)
    max = 1;

  layout = create_layout (cr);
  measure (layout, width, bars, n_bars, &label_w, &text_w);
  bar_x = label_w + PAD;
  bar_w = MAX (width - bar_x - PAD - text_w, MIN_BAR_WIDTH);

  for (guint i = 0; i < n_bars; i++)
    {
      const EscOverviewBar *b = &bars[i];
      double y = i * ROW_HEIGHT + ROW_HEIGHT / 2;
      double len = bar_w * MAX (b->value, 0) / max;
      double target = b->target >= 0 ? bar_w * b->target / max : -1;
      g_autofree char *value = bar_text (b);

      set_rgba (cr, style->track);
      cairo_rectangle (cr, bar_x, y - BAR_HEIGHT / 2, bar_w, BAR_HEIGHT);
      cairo_fill (cr);

      set_rgba (cr, style->bar);
      cairo_rectangle (cr, bar_x, y - BAR_HEIGHT / 2,
                       target >= 0 ? MIN (len, target) : len, BAR_HEIGHT);
      cairo_fill (cr);
      if (target >= 0 && len > target)
        {
          set_rgba (cr, style->over);
          cairo_rectangle (cr, bar_x + target, y - BAR_HEIGHT / 2, len - target, BAR_HEIGHT);
          cairo_fill (cr);
        }
      if (target >= 0)
        {
          set_rgba (cr, style->fg);
          cairo_rectangle (cr, bar_x + target - 1, y - BAR_HEIGHT / 2 - 3, 2, BAR_HEIGHT + 6);
          cairo_fill (cr);
        }

      set_rgba (cr, style->fg);
      draw_text (cr, layout, b->label != NULL ? b->label : "", 0, y, label_w, TRUE);
      draw_text (cr, layout, value, bar_x + bar_w + PAD, y, text_w, FALSE);
    }

  g_object_unref (layout);
}
