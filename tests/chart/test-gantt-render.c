/* test-gantt-render.c: the Gantt renderer (src/chart/esc-gantt-renderer.c).
 *
 * A known schedule (chart-fixture.h) is drawn into an ARGB32 image surface; the pixels
 * at the centres of the bars, computed with the renderer's own geometry helpers, must
 * have the bar's colour, and the places without bars the colours of the background,
 * weekends, holidays, leave, shortages and coverage, composited as the style says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-chart"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "chart/esc-gantt-renderer.h"
#include "core/esc-versions.h"
#include "chart-fixture.h"
#include "test-chart.h"

#define DAY ESC_MINUTES_PER_DAY
#define WHITE 0xffffff

enum
{
  ROW_CENTRO_CASHIER, ROW_COVERAGE, ROW_SHORTAGE, ROW_E1, ROW_E2,
  ROW_CENTRO_STOCKER, ROW_E3, ROW_NORTE_CASHIER, ROW_E4, N_ROWS
};

typedef struct
{
  EscGanttModel *model;
  EscGanttViewport vp;
  cairo_surface_t *surface;
} Chart;

static void
chart_clear (Chart *chart)
{
  g_clear_pointer (&chart->model, esc_gantt_model_unref);
  g_clear_pointer (&chart->surface, cairo_surface_destroy);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Chart, chart_clear)

static void
chart_setup (Chart                      *chart,
             const EscGanttModelOptions *options)
{
  g_autoptr(EscProject) project = chart_fixture_small ();

  chart->model = esc_gantt_model_new (project, options);
  esc_gantt_viewport_init (&chart->vp, chart->model, 1200, 420);
  chart->vp.t0 = 0;
  chart->vp.t1 = 7 * DAY;
  /* No labels: the centres of the bars keep the bar's colour. */
  chart->vp.flags &= ~(guint) ESC_GANTT_DRAW_LABELS;
}

static void
chart_render (Chart *chart)
{
  g_autoptr(EscGanttRenderer) renderer = esc_gantt_renderer_new ();
  cairo_t *cr;

  g_clear_pointer (&chart->surface, cairo_surface_destroy);
  chart->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) chart->vp.width,
                                               (int) chart->vp.height);
  cr = cairo_create (chart->surface);
  esc_gantt_renderer_draw (renderer, cr, chart->model, &chart->vp);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (chart->surface);
}

/* 0xRRGGBB of the pixel covering (x, y); the chart is opaque everywhere. */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int ix = (int) floor (x);
  int iy = (int) floor (y);
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  memcpy (&value, data + (gsize) iy * stride + (gsize) ix * 4, sizeof value);
  g_assert_cmphex (value >> 24, ==, 0xff);
  return value & 0xffffff;
}

static guint32
rgba_to_rgb (const EscGanttRgba *c)
{
  return ((guint32) round (c->red * 255) << 16) | ((guint32) round (c->green * 255) << 8) |
         (guint32) round (c->blue * 255);
}

/* @role composited over the opaque @under. */
static guint32
over (EscGanttStyle     style,
      EscGanttColorRole role,
      guint32           under)
{
  EscGanttRgba c;
  guint32 result = 0;

  esc_gantt_style_get_color (style, role, &c);
  for (int shift = 16, i = 0; shift >= 0; shift -= 8, i++)
    {
      double top = i == 0 ? c.red : i == 1 ? c.green : c.blue;
      double bottom = ((under >> shift) & 0xff) / 255.0;

      result |= (guint32) round ((top * c.alpha + bottom * (1 - c.alpha)) * 255) << shift;
    }
  return result;
}

static guint32
role_rgb (EscGanttStyle     style,
          EscGanttColorRole role)
{
  EscGanttRgba c;

  esc_gantt_style_get_color (style, role, &c);
  return rgba_to_rgb (&c);
}

static gboolean
close_to (guint32 a,
          guint32 b,
          int     tolerance)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > tolerance)
      return FALSE;
  return TRUE;
}

#define assert_pixel(chart, x, y, expected) \
  G_STMT_START { \
    guint32 got_ = pixel_at ((chart)->surface, (x), (y)); \
    guint32 expected_ = (expected); \
    if (!close_to (got_, expected_, 2)) \
      g_error ("pixel at (%.1f, %.1f): got #%06x, expected #%06x", (double) (x), (double) (y), \
               got_, expected_); \
  } G_STMT_END

static double
row_centre (Chart *chart,
            guint  row)
{
  return esc_gantt_viewport_y_of_row (&chart->vp, chart->model, row) +
         esc_gantt_viewport_row_height (&chart->vp, chart->model, row) / 2;
}

static double
time_x (Chart  *chart,
        double  time)
{
  return esc_gantt_viewport_x_of_time (&chart->vp, time);
}

static guint32
expected_bar_color (Chart             *chart,
                    guint              row_index,
                    const EscGanttBar *bar)
{
  const EscGanttRow *row = esc_gantt_model_get_row (chart->model, row_index);

  switch (bar->type)
    {
    case ESC_GANTT_BAR_COMPENSATION:
      return role_rgb (chart->vp.style, ESC_GANTT_COLOR_COMPENSATION);
    case ESC_GANTT_BAR_EXTRA:
      return role_rgb (chart->vp.style, ESC_GANTT_COLOR_SHORTAGE);
    case ESC_GANTT_BAR_WORK:
    default:
      if (chart->vp.color_by == ESC_GANTT_COLOR_BY_STORE)
        return esc_gantt_model_get_row_store (chart->model, row_index)->color;
      (void) row;
      return bar->color;
    }
}

/* Every visible bar's centre has the bar's colour (below the sticky header, when it is
 * drawn). Returns the number of bars checked. */
static guint
check_bar_centres (Chart *chart)
{
  guint checked = 0;
  EscGanttRect area;
  double top;

  esc_gantt_viewport_get_chart_rect (&chart->vp, &area);
  top = area.y;
  if ((chart->vp.flags & ESC_GANTT_DRAW_STICKY_HEADER) && chart->vp.y_offset > 0)
    top += chart->vp.row_height;

  for (guint r = 0; r < esc_gantt_model_get_n_rows (chart->model); r++)
    {
      const EscGanttRow *row = esc_gantt_model_get_row (chart->model, r);

      for (guint i = 0; i < row->n_bars; i++)
        {
          EscGanttRect rect;

          esc_gantt_viewport_get_bar_rect (&chart->vp, chart->model, r, i, &rect);
          if (rect.y < top || rect.y + rect.height > area.y + area.height ||
              rect.x + rect.width / 2 < area.x || rect.x + rect.width / 2 >= area.x + area.width)
            continue;
          assert_pixel (chart, rect.x + rect.width / 2, rect.y + rect.height / 2,
                        expected_bar_color (chart, r, &row->bars[i]));
          checked++;
        }
    }
  return checked;
}

static void
test_bars (void)
{
  g_auto (Chart) chart = { 0 };
  const EscGanttRow *e1;
  EscGanttRect rect;

  chart_setup (&chart, NULL);
  chart_render (&chart);
  g_assert_cmpuint (check_bar_centres (&chart), ==, 10);

  /* The explicit colour of Morning, and the bar's rectangle where its times say. */
  e1 = esc_gantt_model_get_row (chart.model, ROW_E1);
  esc_gantt_viewport_get_bar_rect (&chart.vp, chart.model, ROW_E1, 0, &rect);
  g_assert_cmpfloat (fabs (rect.x - (time_x (&chart, 8 * 60) + 1)), <=, 1);
  g_assert_cmpfloat (fabs (rect.x + rect.width - (time_x (&chart, 16 * 60) - 1)), <=, 1);
  assert_pixel (&chart, rect.x + rect.width / 2, rect.y + rect.height / 2, 0x3584e4);
  g_assert_cmphex (e1->bars[0].color, ==, 0x3584e4);
  /* Just inside the ends and outside them. */
  assert_pixel (&chart, rect.x + 3, row_centre (&chart, ROW_E1), 0x3584e4);
  assert_pixel (&chart, rect.x + rect.width - 3, row_centre (&chart, ROW_E1), 0x3584e4);
  assert_pixel (&chart, time_x (&chart, 7 * 60), row_centre (&chart, ROW_E1), WHITE);
  assert_pixel (&chart, time_x (&chart, 17 * 60), row_centre (&chart, ROW_E1), WHITE);
  /* Above and below the bar, in its row. */
  assert_pixel (&chart, rect.x + rect.width / 2, rect.y - 2, WHITE);
  assert_pixel (&chart, rect.x + rect.width / 2, rect.y + rect.height + 1, WHITE);

  /* The night runs into Tuesday. */
  assert_pixel (&chart, time_x (&chart, DAY + 3 * 60), row_centre (&chart, ROW_E3),
                esc_gantt_model_get_row (chart.model, ROW_E3)->bars[0].color);
}

static void
test_no_bar (void)
{
  g_auto (Chart) chart = { 0 };
  EscGanttStyle style = ESC_GANTT_STYLE_LIGHT;

  chart_setup (&chart, NULL);
  chart_render (&chart);

  /* Thursday noon: E1, E3 and E4 have nothing. */
  assert_pixel (&chart, time_x (&chart, 3 * DAY + 12 * 60), row_centre (&chart, ROW_E1), WHITE);
  assert_pixel (&chart, time_x (&chart, 3 * DAY + 12 * 60), row_centre (&chart, ROW_E4), WHITE);
  /* Tuesday, after E1's Morning and before nothing. */
  assert_pixel (&chart, time_x (&chart, DAY + 20 * 60), row_centre (&chart, ROW_E1), WHITE);
  /* Friday is a holiday in SP (Centro) and not in RJ (Norte). */
  assert_pixel (&chart, time_x (&chart, 4 * DAY + 12 * 60), row_centre (&chart, ROW_E3),
                over (style, ESC_GANTT_COLOR_HOLIDAY, WHITE));
  assert_pixel (&chart, time_x (&chart, 4 * DAY + 12 * 60), row_centre (&chart, ROW_E1),
                over (style, ESC_GANTT_COLOR_HOLIDAY, WHITE));
  assert_pixel (&chart, time_x (&chart, 4 * DAY + 12 * 60), row_centre (&chart, ROW_E4), WHITE);
  /* Saturday and Sunday are shaded. */
  assert_pixel (&chart, time_x (&chart, 5 * DAY + 12 * 60), row_centre (&chart, ROW_E4),
                over (style, ESC_GANTT_COLOR_WEEKEND, WHITE));
  assert_pixel (&chart, time_x (&chart, 6 * DAY + 12 * 60), row_centre (&chart, ROW_E2),
                over (style, ESC_GANTT_COLOR_WEEKEND, WHITE));
  /* Group headers have their band. */
  assert_pixel (&chart, time_x (&chart, 3 * DAY + 12 * 60), row_centre (&chart, ROW_NORTE_CASHIER),
                role_rgb (style, ESC_GANTT_COLOR_GROUP));
  /* The name column and the axis have the sidebar colour at their edges. */
  assert_pixel (&chart, 4, row_centre (&chart, ROW_E1), role_rgb (style, ESC_GANTT_COLOR_SIDEBAR));
  assert_pixel (&chart, chart.vp.width - 3, 3, role_rgb (style, ESC_GANTT_COLOR_SIDEBAR));
  /* Below the last row: the background. */
  assert_pixel (&chart, time_x (&chart, 3 * DAY + 12 * 60), chart.vp.height - 3, WHITE);
}

static void
test_leave_hatch (void)
{
  g_auto (Chart) chart = { 0 };
  EscGanttStyle style = ESC_GANTT_STYLE_LIGHT;
  guint32 wash, hatch;
  guint n_wash = 0, n_hatch = 0, n_other = 0;
  double y;

  chart_setup (&chart, NULL);
  chart_render (&chart);
  wash = over (style, ESC_GANTT_COLOR_LEAVE, WHITE);
  hatch = role_rgb (style, ESC_GANTT_COLOR_LEAVE_HATCH);

  /* E2 is on leave Wednesday and Thursday: along the row, hatch lines and the wash. */
  y = row_centre (&chart, ROW_E2);
  for (double x = time_x (&chart, 2 * DAY) + 3; x < time_x (&chart, 4 * DAY) - 3; x += 1)
    {
      guint32 p = pixel_at (chart.surface, x, y);

      if (close_to (p, wash, 2))
        n_wash++;
      else if (close_to (p, hatch, 3))
        n_hatch++;
      else
        n_other++;  /* antialiased edges of the lines */
    }
  g_assert_cmpuint (n_hatch, >=, 20);
  g_assert_cmpuint (n_wash, >=, 40);
  g_assert_cmpuint (n_other, >=, 1);

  /* Not on the row above (E1, no leave), nor on E2's Monday evening. */
  assert_pixel (&chart, time_x (&chart, 3 * DAY + 12 * 60), row_centre (&chart, ROW_E1), WHITE);
  assert_pixel (&chart, time_x (&chart, 23 * 60), row_centre (&chart, ROW_E2), WHITE);
}

static void
test_shortage_and_coverage (void)
{
  g_auto (Chart) chart = { 0 };
  EscGanttStyle style = ESC_GANTT_STYLE_LIGHT;
  guint32 lane = over (style, ESC_GANTT_COLOR_LANE, WHITE);
  guint32 red = role_rgb (style, ESC_GANTT_COLOR_SHORTAGE);
  guint32 scheduled = role_rgb (style, ESC_GANTT_COLOR_SCHEDULED);
  guint32 gap = role_rgb (style, ESC_GANTT_COLOR_GAP);
  double noon;

  chart_setup (&chart, NULL);
  chart_render (&chart);
  noon = time_x (&chart, 12 * 60);

  /* Shortage lane: red where people were missing, the lane elsewhere. */
  assert_pixel (&chart, noon, row_centre (&chart, ROW_SHORTAGE), red);
  assert_pixel (&chart, time_x (&chart, 17 * 60), row_centre (&chart, ROW_SHORTAGE), red);
  assert_pixel (&chart, time_x (&chart, 15 * 60), row_centre (&chart, ROW_SHORTAGE), lane);
  assert_pixel (&chart, time_x (&chart, 3 * DAY + 12 * 60), row_centre (&chart, ROW_SHORTAGE),
                lane);

  /* Coverage at Monday noon: demand 2, one scheduled: scheduled below 1, the gap above. */
#define CY(v) esc_gantt_viewport_coverage_y (&chart.vp, chart.model, ROW_COVERAGE, (v))
  assert_pixel (&chart, noon, CY (0.5), scheduled);
  assert_pixel (&chart, noon, CY (1.5), gap);
  /* At 15:00 both are there: no gap. */
  assert_pixel (&chart, time_x (&chart, 15 * 60), CY (0.5), scheduled);
  assert_pixel (&chart, time_x (&chart, 15 * 60), CY (1.5), scheduled);
  /* At 07:00 nobody is needed nor there. */
  assert_pixel (&chart, time_x (&chart, 7 * 60), CY (0.5), lane);
  /* Wednesday noon: nobody for a demand of 2 (E2 on leave, E1 late). */
  assert_pixel (&chart, time_x (&chart, 2 * DAY + 12 * 60), CY (0.5), gap);
  assert_pixel (&chart, time_x (&chart, 2 * DAY + 12 * 60), CY (1.5), gap);
  /* The demand line at 2 across Tuesday 11:00 (rows of pixels around its y). */
  {
    guint32 demand = role_rgb (style, ESC_GANTT_COLOR_DEMAND);
    gboolean found = FALSE;

    for (double y = CY (2) - 2; y <= CY (2) + 3; y += 1)
      found |= close_to (pixel_at (chart.surface, time_x (&chart, DAY + 11 * 60), y), demand, 40);
    g_assert_true (found);
  }
#undef CY
}

static void
test_compensation_violation_selection (void)
{
  g_autoptr(GHashTable) violations = g_hash_table_new (g_str_hash, g_str_equal);
  EscGanttModelOptions options = { .violations = violations };
  g_auto (Chart) chart = { 0 };
  EscGanttStyle style = ESC_GANTT_STYLE_LIGHT;
  EscGanttRect rect;
  double y;

  g_hash_table_add (violations, (gpointer) "E2@2021-03-02");
  chart_setup (&chart, &options);
  chart.vp.selected_task = "E1@2021-03-02";
  chart_render (&chart);

  /* Compensation: the soft fill at its centre, a dashed edge. */
  esc_gantt_viewport_get_bar_rect (&chart.vp, chart.model, ROW_E1, 3, &rect);
  assert_pixel (&chart, rect.x + rect.width / 2, rect.y + rect.height / 2,
                role_rgb (style, ESC_GANTT_COLOR_COMPENSATION));
  g_assert_cmpfloat (rect.width, >, time_x (&chart, DAY) - time_x (&chart, 0) - 4);

  /* The broken rule is outlined in red, the unbroken one not. */
  esc_gantt_viewport_get_bar_rect (&chart.vp, chart.model, ROW_E2, 1, &rect);
  y = rect.y + rect.height / 2;
  assert_pixel (&chart, rect.x - 1, y, role_rgb (style, ESC_GANTT_COLOR_VIOLATION));
  assert_pixel (&chart, rect.x + rect.width + 0.5, y, role_rgb (style, ESC_GANTT_COLOR_VIOLATION));
  assert_pixel (&chart, rect.x + rect.width / 2, y,
                esc_gantt_model_get_row (chart.model, ROW_E2)->bars[1].color);
  esc_gantt_viewport_get_bar_rect (&chart.vp, chart.model, ROW_E2, 0, &rect);
  assert_pixel (&chart, rect.x - 1, rect.y + rect.height / 2, WHITE);

  /* The selected bar has the accent outline, two units out. */
  esc_gantt_viewport_get_bar_rect (&chart.vp, chart.model, ROW_E1, 1, &rect);
  assert_pixel (&chart, rect.x - 3, rect.y + rect.height / 2,
                role_rgb (style, ESC_GANTT_COLOR_SELECTION));
  assert_pixel (&chart, rect.x - 1, rect.y + rect.height / 2, WHITE);

  /* The same ring drawn alone over an unselected chart. */
  chart.vp.selected_task = NULL;
  chart_render (&chart);
  assert_pixel (&chart, rect.x - 3, rect.y + rect.height / 2, WHITE);
  {
    g_autoptr(EscGanttRenderer) renderer = esc_gantt_renderer_new ();
    cairo_t *cr = cairo_create (chart.surface);

    esc_gantt_renderer_draw_highlight (renderer, cr, chart.model, &chart.vp, "E1@2021-03-02", TRUE);
    esc_gantt_renderer_draw_highlight (renderer, cr, chart.model, &chart.vp, "no such task", TRUE);
    cairo_destroy (cr);
    cairo_surface_flush (chart.surface);
  }
  assert_pixel (&chart, rect.x - 3, rect.y + rect.height / 2,
                role_rgb (style, ESC_GANTT_COLOR_SELECTION));
  assert_pixel (&chart, rect.x + rect.width / 2, rect.y + rect.height / 2, 0x3584e4);
}

static void
test_pinned_lock (void)
{
  g_auto (Chart) chart = { 0 };
  const EscGanttBar *bar;
  EscGanttRect rect;
  EscGanttRgba lock;
  guint found = 0;

  chart_setup (&chart, NULL);
  chart_render (&chart);
  bar = &esc_gantt_model_get_row (chart.model, ROW_E1)->bars[2];
  g_assert_true (bar->flags & ESC_GANTT_BAR_PINNED);
  esc_gantt_text_color_on (bar->color, &lock);

  /* The lock's body sits at the left end of the bar, in the text colour. */
  esc_gantt_viewport_get_bar_rect (&chart.vp, chart.model, ROW_E1, 2, &rect);
  for (double x = rect.x + 3; x < rect.x + 14; x += 1)
    for (double y = rect.y + 2; y < rect.y + rect.height - 2; y += 1)
      found += close_to (pixel_at (chart.surface, x, y), rgba_to_rgb (&lock), 30);
  g_assert_cmpuint (found, >=, 20);

  /* An unpinned bar has none there. */
  esc_gantt_viewport_get_bar_rect (&chart.vp, chart.model, ROW_E1, 1, &rect);
  for (double x = rect.x + 3; x < rect.x + 14; x += 1)
    assert_pixel (&chart, x, rect.y + rect.height / 2, 0x3584e4);
}

static void
test_collapsed (void)
{
  g_autoptr(GHashTable) collapsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  EscGanttModelOptions options = { .collapsed = collapsed };
  g_auto (Chart) open = { 0 };
  g_auto (Chart) closed = { 0 };
  EscGanttRect rect;
  guint32 group = role_rgb (ESC_GANTT_STYLE_LIGHT, ESC_GANTT_COLOR_GROUP);

  chart_setup (&open, NULL);
  chart_render (&open);
  g_hash_table_add (collapsed, esc_gantt_group_key ("Centro", "cashier"));
  chart_setup (&closed, &options);
  chart_render (&closed);

  /* Where E1's Tuesday bar was, the collapsed chart shows something else. */
  esc_gantt_viewport_get_bar_rect (&open.vp, open.model, ROW_E1, 1, &rect);
  assert_pixel (&open, rect.x + rect.width / 2, rect.y + rect.height / 2, 0x3584e4);
  g_assert_false (close_to (pixel_at (closed.surface, rect.x + rect.width / 2,
                                      rect.y + rect.height / 2),
                            0x3584e4, 2));
  /* No Morning bar of E1 or E2 anywhere on Tuesday: scan the Tuesday morning column. */
  for (double y = closed.vp.axis_height; y < closed.vp.height; y += 1)
    g_assert_false (close_to (pixel_at (closed.surface, time_x (&closed, DAY + 12 * 60), y),
                              0x3584e4, 2));

  /* The collapsed group's header, then the next group's header right under it. */
  assert_pixel (&closed, time_x (&closed, 3 * DAY + 12 * 60), row_centre (&closed, 0), group);
  assert_pixel (&closed, time_x (&closed, 3 * DAY + 12 * 60), row_centre (&closed, 1), group);
  g_assert_cmpfloat (esc_gantt_viewport_y_of_row (&closed.vp, closed.model, 1), ==,
                     closed.vp.axis_height + closed.vp.row_height);
  /* The rows of the other groups keep their bars. */
  g_assert_cmpuint (check_bar_centres (&closed), ==, 2);
}

static void
test_labels (void)
{
  g_auto (Chart) chart = { 0 };
  EscGanttRect rect;
  guint differ = 0;

  chart_setup (&chart, NULL);
  chart.vp.t0 = 0;
  chart.vp.t1 = DAY;
  chart.vp.flags |= ESC_GANTT_DRAW_LABELS;
  chart_render (&chart);

  /* At day zoom E1's Monday bar is 450 wide: its label is drawn inside it. */
  esc_gantt_viewport_get_bar_rect (&chart.vp, chart.model, ROW_E1, 0, &rect);
  g_assert_cmpfloat (rect.width, >, 300);
  for (double x = rect.x + 5; x < rect.x + rect.width - 5; x += 1)
    for (double y = rect.y + 3; y < rect.y + rect.height - 3; y += 1)
      differ += !close_to (pixel_at (chart.surface, x, y), 0x3584e4, 2);
  g_assert_cmpuint (differ, >, 30);

  /* Without labels the inside is plain. */
  chart.vp.flags &= ~(guint) ESC_GANTT_DRAW_LABELS;
  chart_render (&chart);
  for (double x = rect.x + 5; x < rect.x + rect.width - 5; x += 1)
    for (double y = rect.y + 3; y < rect.y + rect.height - 3; y += 1)
      assert_pixel (&chart, x, y, 0x3584e4);
}

static void
test_dark_and_store_colors (void)
{
  g_auto (Chart) chart = { 0 };
  guint32 background;

  chart_setup (&chart, NULL);
  chart.vp.style = ESC_GANTT_STYLE_DARK;
  chart_render (&chart);
  background = role_rgb (ESC_GANTT_STYLE_DARK, ESC_GANTT_COLOR_BACKGROUND);
  g_assert_cmphex (background, ==, 0x1e1e1e);
  assert_pixel (&chart, time_x (&chart, 3 * DAY + 12 * 60), row_centre (&chart, ROW_E1),
                background);
  assert_pixel (&chart, time_x (&chart, 5 * DAY + 12 * 60), row_centre (&chart, ROW_E4),
                over (ESC_GANTT_STYLE_DARK, ESC_GANTT_COLOR_WEEKEND, background));
  g_assert_cmpuint (check_bar_centres (&chart), ==, 10);

  chart.vp.style = ESC_GANTT_STYLE_LIGHT;
  chart.vp.color_by = ESC_GANTT_COLOR_BY_STORE;
  chart_render (&chart);
  g_assert_cmpuint (check_bar_centres (&chart), ==, 10);
  {
    EscGanttRect rect;

    esc_gantt_viewport_get_bar_rect (&chart.vp, chart.model, ROW_E4, 0, &rect);
    assert_pixel (&chart, rect.x + rect.width / 2, rect.y + rect.height / 2,
                  esc_gantt_model_get_row_store (chart.model, ROW_E4)->color);
  }
}

static void
test_sticky_header_and_limit (void)
{
  g_auto (Chart) chart = { 0 };
  EscGanttRect area;
  EscGanttHit hit;
  guint32 group = role_rgb (ESC_GANTT_STYLE_LIGHT, ESC_GANTT_COLOR_GROUP);

  chart_setup (&chart, NULL);
  /* Scrolled so that E1 is the first row: the Centro/cashier header floats on top. */
  chart.vp.y_offset = 4 * chart.vp.row_height;
  chart_render (&chart);
  esc_gantt_viewport_get_chart_rect (&chart.vp, &area);
  g_assert_cmpuint (esc_gantt_viewport_row_at_y (&chart.vp, chart.model, area.y + 1), ==, ROW_E1);
  assert_pixel (&chart, time_x (&chart, 12 * 60), area.y + chart.vp.row_height / 2, group);
  g_assert_cmpint (esc_gantt_viewport_hit_test (&chart.vp, chart.model, time_x (&chart, 12 * 60),
                                                area.y + 5, &hit), ==, ESC_GANTT_HIT_GROUP);
  g_assert_cmpuint (hit.row, ==, ROW_CENTRO_CASHIER);
  /* E2's bars are right under it, in place. */
  g_assert_cmpuint (check_bar_centres (&chart), >=, 4);

  /* Without the flag, E1's row is at the top. */
  chart.vp.flags &= ~(guint) ESC_GANTT_DRAW_STICKY_HEADER;
  chart_render (&chart);
  assert_pixel (&chart, time_x (&chart, 12 * 60), area.y + chart.vp.row_height / 2, 0x3584e4);

  /* A row limit leaves the rows from it on undrawn. */
  chart.vp.y_offset = 0;
  chart.vp.row_limit = ROW_E2;
  chart_render (&chart);
  assert_pixel (&chart, time_x (&chart, 12 * 60), row_centre (&chart, ROW_E1), 0x3584e4);
  assert_pixel (&chart, time_x (&chart, 15 * 60), row_centre (&chart, ROW_E2), WHITE);
  assert_pixel (&chart, time_x (&chart, 12 * 60), row_centre (&chart, ROW_E4), WHITE);
}

static void
test_hit_test (void)
{
  g_auto (Chart) chart = { 0 };
  EscGanttRect rect;
  EscGanttHit hit;

  chart_setup (&chart, NULL);
  esc_gantt_viewport_get_bar_rect (&chart.vp, chart.model, ROW_E1, 0, &rect);

  g_assert_cmpint (esc_gantt_viewport_hit_test (&chart.vp, chart.model, rect.x + rect.width / 2,
                                                rect.y + rect.height / 2, &hit),
                   ==, ESC_GANTT_HIT_BAR);
  g_assert_cmpstr (hit.task, ==, "E1@2021-03-01");
  g_assert_cmpuint (hit.row, ==, ROW_E1);
  g_assert_cmpuint (hit.bar, ==, 0);
  g_assert_cmpfloat (fabs (hit.time - 12 * 60), <, 10);

  g_assert_cmpint (esc_gantt_viewport_hit_test (&chart.vp, chart.model, time_x (&chart, 20 * 60),
                                                row_centre (&chart, ROW_E1), &hit),
                   ==, ESC_GANTT_HIT_ROW);
  g_assert_null (hit.task);
  g_assert_cmpint (esc_gantt_viewport_hit_test (&chart.vp, chart.model, 30,
                                                row_centre (&chart, ROW_E1), &hit),
                   ==, ESC_GANTT_HIT_NAME);
  g_assert_cmpuint (hit.row, ==, ROW_E1);
  g_assert_cmpint (esc_gantt_viewport_hit_test (&chart.vp, chart.model, 30,
                                                row_centre (&chart, ROW_CENTRO_STOCKER), &hit),
                   ==, ESC_GANTT_HIT_GROUP);
  g_assert_cmpuint (hit.group, ==, 1);
  g_assert_cmpint (esc_gantt_viewport_hit_test (&chart.vp, chart.model, 600, 10, &hit), ==,
                   ESC_GANTT_HIT_AXIS);
  g_assert_cmpint (esc_gantt_viewport_hit_test (&chart.vp, chart.model, 10, 10, &hit), ==,
                   ESC_GANTT_HIT_CORNER);
  g_assert_cmpint (esc_gantt_viewport_hit_test (&chart.vp, chart.model, 600, chart.vp.height - 2,
                                                &hit),
                   ==, ESC_GANTT_HIT_NONE);
  /* The shortage lane's bars are hit too. */
  g_assert_cmpint (esc_gantt_viewport_hit_test (&chart.vp, chart.model, time_x (&chart, 12 * 60),
                                                row_centre (&chart, ROW_SHORTAGE), &hit),
                   ==, ESC_GANTT_HIT_BAR);
  g_assert_cmpstr (hit.task, ==, "extra:Centro/cashier@2021-03-01 10:00");
}

static void
test_ticks (void)
{
  EscGanttTicks ticks;

  /* Day zoom: hours under the day. */
  esc_gantt_choose_ticks (1600.0 / DAY, &ticks);
  g_assert_cmpint (ticks.level, ==, ESC_GANTT_TICKS_HOURS);
  g_assert_cmpint (ticks.major_unit, ==, ESC_GANTT_UNIT_DAY);
  g_assert_cmpint (ticks.minor_unit, ==, ESC_GANTT_UNIT_HOUR);
  g_assert_cmpint (ticks.minor_step, ==, 1);
  esc_gantt_choose_ticks (1000.0 / DAY, &ticks);
  g_assert_cmpint (ticks.level, ==, ESC_GANTT_TICKS_HOURS);
  g_assert_cmpint (ticks.minor_step, ==, 2);
  esc_gantt_choose_ticks (1000.0 / (2 * DAY), &ticks);
  g_assert_cmpint (ticks.level, ==, ESC_GANTT_TICKS_HOURS);
  g_assert_cmpint (ticks.minor_step, ==, 3);

  /* Week zoom: days under the week. */
  esc_gantt_choose_ticks (1000.0 / (7 * DAY), &ticks);
  g_assert_cmpint (ticks.level, ==, ESC_GANTT_TICKS_DAYS);
  g_assert_cmpint (ticks.major_unit, ==, ESC_GANTT_UNIT_WEEK);
  g_assert_cmpint (ticks.minor_unit, ==, ESC_GANTT_UNIT_DAY);
  g_assert_cmpint (ticks.grid_unit, ==, ESC_GANTT_UNIT_DAY);
  esc_gantt_choose_ticks (1400.0 / (7 * DAY), &ticks);
  g_assert_cmpint (ticks.level, ==, ESC_GANTT_TICKS_DAYS);
  g_assert_cmpint (ticks.grid_unit, ==, ESC_GANTT_UNIT_HOUR);
  g_assert_cmpint (ticks.grid_step, ==, 6);

  /* Month zoom: weeks above the days' numbers; further out, weeks under the months. */
  esc_gantt_choose_ticks (1000.0 / (30 * DAY), &ticks);
  g_assert_cmpint (ticks.level, ==, ESC_GANTT_TICKS_WEEKS);
  g_assert_cmpint (ticks.major_unit, ==, ESC_GANTT_UNIT_WEEK);
  g_assert_cmpint (ticks.minor_unit, ==, ESC_GANTT_UNIT_DAY);
  g_assert_cmpint (ticks.grid_unit, ==, ESC_GANTT_UNIT_DAY);
  esc_gantt_choose_ticks (1000.0 / (60 * DAY), &ticks);
  g_assert_cmpint (ticks.level, ==, ESC_GANTT_TICKS_WEEKS);
  g_assert_cmpint (ticks.major_unit, ==, ESC_GANTT_UNIT_MONTH);
  g_assert_cmpint (ticks.minor_unit, ==, ESC_GANTT_UNIT_WEEK);
  g_assert_cmpint (ticks.grid_unit, ==, ESC_GANTT_UNIT_DAY);

  /* A year: months under the year. */
  esc_gantt_choose_ticks (1000.0 / (365 * DAY), &ticks);
  g_assert_cmpint (ticks.level, ==, ESC_GANTT_TICKS_MONTHS);
  g_assert_cmpint (ticks.major_unit, ==, ESC_GANTT_UNIT_YEAR);
  g_assert_cmpint (ticks.minor_unit, ==, ESC_GANTT_UNIT_MONTH);

  /* Monotonic: zooming out never gives finer ticks. */
  {
    EscGanttTickLevel last = ESC_GANTT_TICKS_HOURS;

    for (double days = 0.25; days < 2000; days *= 1.1)
      {
        esc_gantt_choose_ticks (1200.0 / (days * DAY), &ticks);
        g_assert_cmpint (ticks.level, >=, last);
        last = ticks.level;
      }
    g_assert_cmpint (last, ==, ESC_GANTT_TICKS_MONTHS);
  }
}

static void
test_zoom_and_geometry (void)
{
  g_auto (Chart) chart = { 0 };
  double x = 700;
  double before, after, back;

  chart_setup (&chart, NULL);
  before = esc_gantt_viewport_time_of_x (&chart.vp, x);
  esc_gantt_viewport_zoom (&chart.vp, 3, x);
  after = esc_gantt_viewport_time_of_x (&chart.vp, x);
  g_assert_cmpfloat (fabs (before - after), <, 1e-6);
  g_assert_cmpfloat (fabs ((chart.vp.t1 - chart.vp.t0) - 7.0 * DAY / 3), <, 1e-6);
  esc_gantt_viewport_zoom (&chart.vp, 1e6, x);
  g_assert_cmpfloat (chart.vp.t1 - chart.vp.t0, >=, 60);
  g_assert_cmpfloat (fabs (esc_gantt_viewport_time_of_x (&chart.vp, x) - before), <, 1e-6);

  /* x and time are inverse; rows stack by units. */
  back = esc_gantt_viewport_x_of_time (&chart.vp, esc_gantt_viewport_time_of_x (&chart.vp, 913.5));
  g_assert_cmpfloat (fabs (back - 913.5), <, 1e-9);
  g_assert_cmpfloat (esc_gantt_viewport_y_of_row (&chart.vp, chart.model, ROW_SHORTAGE), ==,
                     chart.vp.axis_height + 3 * chart.vp.row_height);
  g_assert_cmpfloat (esc_gantt_viewport_row_height (&chart.vp, chart.model, ROW_COVERAGE), ==,
                     2 * chart.vp.row_height);
  g_assert_cmpfloat (esc_gantt_viewport_content_height (&chart.vp, chart.model), ==,
                     10 * chart.vp.row_height);
}

static void
test_legend (void)
{
  g_auto (Chart) chart = { 0 };
  g_autoptr(EscGanttRenderer) renderer = esc_gantt_renderer_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 200);
  cairo_t *cr = cairo_create (surface);
  double measured, drawn;
  guint inked = 0;

  chart_setup (&chart, NULL);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  measured = esc_gantt_renderer_draw_legend (renderer, cr, chart.model, &chart.vp, 10, 10, 880,
                                             FALSE);
  drawn = esc_gantt_renderer_draw_legend (renderer, cr, chart.model, &chart.vp, 10, 10, 880, TRUE);
  g_assert_cmpfloat (measured, ==, drawn);
  g_assert_cmpfloat (drawn, >=, 40);
  /* Narrower: more lines. */
  g_assert_cmpfloat (esc_gantt_renderer_draw_legend (renderer, cr, chart.model, &chart.vp, 0, 0,
                                                     300, FALSE),
                     >, drawn);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < 200; y += 2)
    for (int x = 0; x < 900; x += 2)
      inked += pixel_at (surface, x, y) != WHITE;
  g_assert_cmpuint (inked, >, 200);
  /* The Morning swatch is somewhere in the first line. */
  {
    gboolean found = FALSE;

    for (int x = 0; x < 900 && !found; x++)
      for (int y = 10; y < 30 && !found; y++)
        found = pixel_at (surface, x, y) == 0x3584e4;
    g_assert_true (found);
  }
  cairo_surface_destroy (surface);
}

static void
test_large_model (void)
{
  g_autoptr(EscProject) project = chart_fixture_generate (300, 28, 3);
  g_autoptr(EscGanttModel) model = esc_gantt_model_new (project, NULL);
  g_autoptr(EscGanttRenderer) renderer = esc_gantt_renderer_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 600);
  cairo_t *cr = cairo_create (surface);
  EscGanttViewport vp;
  g_auto (Chart) chart = { 0 };

  /* Scrolled deep, every zoom, both styles: nothing breaks, bars land where they should. */
  esc_gantt_viewport_init (&vp, model, 1000, 600);
  vp.flags &= ~(guint) ESC_GANTT_DRAW_LABELS;
  chart.model = esc_gantt_model_ref (model);
  for (guint i = 0; i < 6; i++)
    {
      static const double spans[] = { 0.5, 1, 3, 7, 28, 400 };

      vp.t0 = 2.5 * DAY;
      vp.t1 = vp.t0 + spans[i] * DAY;
      vp.y_offset = i * 1234.5;
      vp.style = i % 2 ? ESC_GANTT_STYLE_DARK : ESC_GANTT_STYLE_LIGHT;
      esc_gantt_renderer_draw (renderer, cr, model, &vp);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    }

  /* Week view, scrolled: check the centres of the visible work bars. */
  vp.t0 = 7 * DAY;
  vp.t1 = 14 * DAY;
  vp.style = ESC_GANTT_STYLE_LIGHT;
  vp.y_offset = 3000;
  vp.flags &= ~(guint) ESC_GANTT_DRAW_STICKY_HEADER;
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  esc_gantt_renderer_draw (renderer, cr, model, &vp);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  chart.vp = vp;
  chart.surface = surface;
  {
    guint checked = 0;
    EscGanttRect area;

    esc_gantt_viewport_get_chart_rect (&vp, &area);
    for (guint r = esc_gantt_viewport_row_at_y (&vp, model, area.y);
         r < esc_gantt_model_get_n_rows (model) &&
         esc_gantt_viewport_y_of_row (&vp, model, r) + vp.row_height < vp.height; r++)
      {
        const EscGanttRow *row = esc_gantt_model_get_row (model, r);
        guint first, last;

        if (esc_gantt_viewport_y_of_row (&vp, model, r) < area.y ||
            row->kind != ESC_GANTT_ROW_EMPLOYEE)
          continue;
        esc_gantt_model_find_bars (model, r, vp.t0, vp.t1, &first, &last);
        for (guint i = first; i < last; i++)
          {
            EscGanttRect rect;

            if (row->bars[i].type != ESC_GANTT_BAR_WORK || row->bars[i].start < vp.t0 ||
                row->bars[i].end > vp.t1)
              continue;
            esc_gantt_viewport_get_bar_rect (&vp, model, r, i, &rect);
            assert_pixel (&chart, rect.x + rect.width / 2, rect.y + rect.height / 2,
                          row->bars[i].color);
            checked++;
          }
      }
    g_assert_cmpuint (checked, >=, 50);
  }
}

/* Compare mode: version B's bars with the added one outlined green, the moved one amber,
 * the removed one a pale red ghost, the unchanged ones as ever. */
static void
test_compare (void)
{
  g_autoptr(EscProject) project = chart_fixture_small ();
  g_autoptr(EscVersionDiff) diff = NULL;
  g_autoptr(EscGanttRenderer) renderer = esc_gantt_renderer_new ();
  EscTable *allocation = esc_project_get_table (project, ESC_TABLE_ALLOCATION);
  EscGanttModelOptions options = { 0 };
  g_auto (Chart) chart = { 0 };
  EscGanttRect rect;
  EscRow *row;
  guint r, b;
  cairo_t *cr;

  esc_project_execute_take (project,
                            esc_versions_snapshot_command (project, ESC_VERSION_KIND_SAVED));
  /* B: E4's Monday removed, E2's Monday Late made Morning, E3 works Thursday Morning. */
  row = esc_table_find (allocation, "E4@2021-03-01");
  esc_table_remove (allocation, esc_table_index_of (allocation, row));
  row = esc_table_find (allocation, "E2@2021-03-01");
  esc_row_set (row, ESC_ALLOCATION_SHIFT, "Morning");
  esc_row_set (row, ESC_ALLOCATION_START, "2021-03-01 08:00");
  esc_row_set (row, ESC_ALLOCATION_FINISH, "2021-03-01 16:00");
  esc_table_append_values (allocation, (const char *[ESC_ALLOCATION_N_COLUMNS]) {
    "E3@2021-03-04", "2021-03-04 08:00", "2021-03-04 16:00", "E3", "Centro", "allocation",
    "stocker", "Morning", "2021-03-04", "07:00", "", "" });
  esc_project_execute_take (project,
                            esc_versions_snapshot_command (project, ESC_VERSION_KIND_SAVED));

  diff = esc_versions_compare (project, "v1", "v2");
  g_assert_nonnull (diff);
  g_assert_cmpuint (diff->n_added, ==, 1);
  g_assert_cmpuint (diff->n_removed, ==, 1);
  g_assert_cmpuint (diff->n_moved, ==, 1);

  esc_gantt_model_options_set_compare (&options, diff);
  chart.model = esc_gantt_model_new (project, &options);
  esc_gantt_viewport_init (&chart.vp, chart.model, 1200, 420);
  chart.vp.t0 = 0;
  chart.vp.t1 = 7 * DAY;
  chart.vp.flags &= ~(guint) ESC_GANTT_DRAW_LABELS;
  chart_render (&chart);

  /* Added: E3 Thursday, green just outside its left end, the shift's colour inside. */
  g_assert_true (esc_gantt_model_find_task (chart.model, "E3@2021-03-04", &r, &b));
  g_assert_cmpuint (r, ==, ROW_E3);
  g_assert_true (esc_gantt_model_get_row (chart.model, r)->bars[b].flags & ESC_GANTT_BAR_ADDED);
  esc_gantt_viewport_get_bar_rect (&chart.vp, chart.model, r, b, &rect);
  assert_pixel (&chart, rect.x - 1, rect.y + rect.height / 2, 0x2ec27e);
  assert_pixel (&chart, rect.x + rect.width / 2, rect.y + rect.height / 2, 0x3584e4);

  /* Moved: E2 Monday, now Morning, amber edge. */
  g_assert_true (esc_gantt_model_find_task (chart.model, "E2@2021-03-01", &r, &b));
  g_assert_cmpuint (r, ==, ROW_E2);
  esc_gantt_viewport_get_bar_rect (&chart.vp, chart.model, r, b, &rect);
  g_assert_cmpfloat (fabs (rect.x - (time_x (&chart, 8 * 60) + 1)), <=, 1);
  assert_pixel (&chart, rect.x - 1, rect.y + rect.height / 2, 0xe5a50a);
  assert_pixel (&chart, rect.x + rect.width + 1, rect.y + rect.height / 2, 0xe5a50a);

  /* Removed: E4 Monday as a ghost, not found as a task, red at a fifth over white. */
  g_assert_false (esc_gantt_model_find_task (chart.model, "E4@2021-03-01", &r, &b));
  {
    const EscGanttRow *e4 = esc_gantt_model_get_row (chart.model, ROW_E4);

    g_assert_cmpuint (e4->n_bars, ==, 1);
    g_assert_true (e4->bars[0].flags & ESC_GANTT_BAR_REMOVED);
    g_assert_cmpint (e4->net_minutes, ==, 0);
    esc_gantt_viewport_get_bar_rect (&chart.vp, chart.model, ROW_E4, 0, &rect);
    assert_pixel (&chart, rect.x + rect.width / 2, rect.y + rect.height / 2, 0xf8cdcf);
    /* The dashed edge starts with a dash at the top left: red there. */
    g_assert_true (close_to (pixel_at (chart.surface, rect.x + 8, rect.y + 1.5), 0xe01b24, 40));
  }

  /* Unchanged: E1 Monday, plain, white just outside. */
  g_assert_true (esc_gantt_model_find_task (chart.model, "E1@2021-03-01", &r, &b));
  esc_gantt_viewport_get_bar_rect (&chart.vp, chart.model, r, b, &rect);
  assert_pixel (&chart, rect.x + rect.width / 2, rect.y + rect.height / 2, 0x3584e4);
  assert_pixel (&chart, rect.x - 2, rect.y + rect.height / 2, WHITE);

  if (g_getenv ("ESCALA_TEST_PNG_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("ESCALA_TEST_PNG_DIR"),
                                                "gantt-compare.png", NULL);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 420);

      chart.vp.flags |= ESC_GANTT_DRAW_LABELS;
      cr = cairo_create (surface);
      esc_gantt_renderer_draw (renderer, cr, chart.model, &chart.vp);
      cairo_destroy (cr);
      cairo_surface_write_to_png (surface, path);
      cairo_surface_destroy (surface);
    }
  esc_gantt_model_options_clear_compare (&options);
}

void
esc_test_add_gantt_render_tests (void)
{
  g_test_add_func ("/chart/render/bars", test_bars);
  g_test_add_func ("/chart/render/no-bar", test_no_bar);
  g_test_add_func ("/chart/render/leave-hatch", test_leave_hatch);
  g_test_add_func ("/chart/render/shortage-and-coverage", test_shortage_and_coverage);
  g_test_add_func ("/chart/render/compensation-violation-selection",
                   test_compensation_violation_selection);
  g_test_add_func ("/chart/render/pinned-lock", test_pinned_lock);
  g_test_add_func ("/chart/render/collapsed", test_collapsed);
  g_test_add_func ("/chart/render/labels", test_labels);
  g_test_add_func ("/chart/render/dark-and-store-colors", test_dark_and_store_colors);
  g_test_add_func ("/chart/render/sticky-header-and-limit", test_sticky_header_and_limit);
  g_test_add_func ("/chart/render/hit-test", test_hit_test);
  g_test_add_func ("/chart/render/ticks", test_ticks);
  g_test_add_func ("/chart/render/zoom-and-geometry", test_zoom_and_geometry);
  g_test_add_func ("/chart/render/legend", test_legend);
  g_test_add_func ("/chart/render/large-model", test_large_model);
  g_test_add_func ("/chart/render/compare", test_compare);
}
