/* esc-overview-chart.c: horizontal bar charts of the Overview page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-chart"

#include "config.h"

#include <pango/pangocairo.h>

#include "esc-overview-chart.h"

#include "core/esc-display.h"

#define ROW_HEIGHT 26.0
#define BAR_HEIGHT 14.0
#define LABEL_WIDTH 150.0
#define TEXT_WIDTH 150.0
#define PAD 6.0

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

void
esc_overview_chart_draw (cairo_t                     *cr,
                         double                       width,
                         double                       height,
                         const EscOverviewBar        *bars,
                         guint                        n_bars,
                         const EscOverviewChartStyle *style)
{
  PangoLayout *layout;
  PangoFontDescription *font;
  double max = 0;
  double bar_x = LABEL_WIDTH + PAD;
  double bar_w = MAX (width - bar_x - TEXT_WIDTH - PAD, 20);

  g_return_if_fail (cr != NULL && style != NULL);

  for (guint i = 0; i < n_bars; i++)
    max = MAX (max, MAX (bars[i].value, bars[i].target));
  if (max <= 0)
    max = 1;

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Sans 9");
  pango_layout_set_font_description (layout, font);

  for (guint i = 0; i < n_bars; i++)
    {
      const EscOverviewBar *b = &bars[i];
      double y = i * ROW_HEIGHT + ROW_HEIGHT / 2;
      double len = bar_w * MAX (b->value, 0) / max;
      double target = b->target >= 0 ? bar_w * b->target / max : -1;
      g_autofree char *value = b->text == NULL ? esc_display_number (b->value, 1) : NULL;

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
      draw_text (cr, layout, b->label != NULL ? b->label : "", 0, y, LABEL_WIDTH, TRUE);
      draw_text (cr, layout, b->text != NULL ? b->text : value, bar_x + bar_w + PAD, y,
                 TEXT_WIDTH, FALSE);
    }

  pango_font_description_free (font);
  g_object_unref (layout);
}
