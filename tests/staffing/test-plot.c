/* test-plot.c: the forecast plot, rendered to an image surface: the pixels where the
 * history line, the forecast line, the band and a holiday must be have their colours,
 * in the light and the dark palette.
 *
 * Set ESC_TEST_PLOT_DIR to keep the rendered images as PNG files to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-test"

#include <math.h>

#include <cairo.h>

#include "chart/esc-plot.h"
#include "staffing/esc-forecast.h"
#include "test-staffing.h"

#define WIDTH  800
#define HEIGHT 400

typedef struct
{
  double red, green, blue;
} Pixel;

static Pixel
get_pixel (cairo_surface_t *surface,
           double           x,
           double           y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value = *(guint32 *) (data + (int) floor (y) * stride + 4 * (int) floor (x));
  Pixel pixel = {
    ((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0, (value & 0xff) / 255.0
  };

  return pixel;
}

/* @top over the opaque @bottom. */
static Pixel
blend (const EscPlotRgba *top,
       const EscPlotRgba *bottom)
{
  Pixel pixel = {
    top->red * top->alpha + bottom->red * (1 - top->alpha),
    top->green * top->alpha + bottom->green * (1 - top->alpha),
    top->blue * top->alpha + bottom->blue * (1 - top->alpha),
  };

  return pixel;
}

static Pixel
opaque (const EscPlotRgba *color)
{
  Pixel pixel = { color->red, color->green, color->blue };

  return pixel;
}

static void
assert_pixel (cairo_surface_t *surface,
              double           x,
              double           y,
              Pixel            expected,
              const char      *what)
{
  Pixel actual = get_pixel (surface, x, y);

  g_test_message ("%s at (%.0f, %.0f): %.3f %.3f %.3f, expected %.3f %.3f %.3f", what, x, y,
                  actual.red, actual.green, actual.blue,
                  expected.red, expected.green, expected.blue);
  g_assert_cmpfloat (fabs (actual.red - expected.red), <=, 3 / 255.0);
  g_assert_cmpfloat (fabs (actual.green - expected.green), <=, 3 / 255.0);
  g_assert_cmpfloat (fabs (actual.blue - expected.blue), <=, 3 / 255.0);
}

static cairo_surface_t *
render (EscPlot    *plot,
        const char *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  const char *dir = g_getenv ("ESC_TEST_PLOT_DIR");

  esc_plot_draw (plot, cr, WIDTH, HEIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      cairo_surface_write_to_png (surface, path);
    }
  return surface;
}

/* History of a week at 50 (Monday 2024-03-04 on), then a week of forecast at 60 with a
 * band from 40 to 80; Wednesday 2024-03-06 is a holiday. */
static EscPlot *
make_flat_plot (void)
{
  EscPlot *plot = esc_plot_new ();
  EscJulian monday = esc_test_julian (2024, 3, 4);
  EscJulian holiday = monday + 2;
  EscInstant start = (EscInstant) monday * ESC_MINUTES_PER_DAY;
  guint n = 7 * 48;
  g_autofree double *history = g_new (double, n);
  g_autofree double *point = g_new (double, n);
  g_autofree double *lower = g_new (double, n);
  g_autofree double *upper = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      history[i] = 50;
      point[i] = 60;
      lower[i] = 40;
      upper[i] = 80;
    }
  esc_plot_set_history (plot, start, 30, history, n);
  esc_plot_set_forecast (plot, start + 7 * ESC_MINUTES_PER_DAY, 30, point, lower, upper, n);
  esc_plot_set_holidays (plot, &holiday, 1);
  return plot;
}

static void
check_flat_plot (gboolean dark)
{
  g_autoptr(EscPlot) plot = make_flat_plot ();
  cairo_surface_t *surface;
  EscPlotRgba background, history, forecast, band, holiday;
  EscJulian monday = esc_test_julian (2024, 3, 4);
  double noon_thursday = ((double) monday + 3.5) * ESC_MINUTES_PER_DAY;
  double noon_holiday = ((double) monday + 2.5) * ESC_MINUTES_PER_DAY;
  double noon_forecast = ((double) monday + 10.5) * ESC_MINUTES_PER_DAY;
  double x, y, x_plot0, y_plot0;

  esc_plot_set_dark (plot, dark);
  surface = render (plot, dark ? "plot-dark.png" : "plot-light.png");
  esc_plot_get_color (dark, ESC_PLOT_COLOR_BACKGROUND, &background);
  esc_plot_get_color (dark, ESC_PLOT_COLOR_HISTORY, &history);
  esc_plot_get_color (dark, ESC_PLOT_COLOR_FORECAST, &forecast);
  esc_plot_get_color (dark, ESC_PLOT_COLOR_BAND, &band);
  esc_plot_get_color (dark, ESC_PLOT_COLOR_HOLIDAY, &holiday);

  /* The value axis rounds 80 to 80 (steps of 20). */
  g_assert_cmpfloat (esc_plot_get_value_max (plot), ==, 80);
  g_assert_true (esc_plot_to_pixel (plot, WIDTH, HEIGHT, ((double) monday) * ESC_MINUTES_PER_DAY,
                                    0, &x_plot0, &y_plot0));
  g_assert_cmpfloat_with_epsilon (x_plot0, ESC_PLOT_MARGIN_LEFT, 1e-9);
  g_assert_cmpfloat_with_epsilon (y_plot0, HEIGHT - ESC_PLOT_MARGIN_BOTTOM, 1e-9);

  /* The history line at 50 on Thursday (the line is 2 px wide, centred on y). */
  g_assert_true (esc_plot_to_pixel (plot, WIDTH, HEIGHT, noon_thursday, 50, &x, &y));
  assert_pixel (surface, x, y - 0.5, opaque (&history), "history line");
  /* Below it, plain background. */
  g_assert_true (esc_plot_to_pixel (plot, WIDTH, HEIGHT, noon_thursday, 30, &x, &y));
  assert_pixel (surface, x, y, opaque (&background), "background under the history");
  /* On the holiday, the wash. */
  g_assert_true (esc_plot_to_pixel (plot, WIDTH, HEIGHT, noon_holiday, 30, &x, &y));
  assert_pixel (surface, x, y, blend (&holiday, &background), "holiday");

  /* The forecast line at 60, the band between 40 and 80, nothing below 40. */
  g_assert_true (esc_plot_to_pixel (plot, WIDTH, HEIGHT, noon_forecast, 60, &x, &y));
  assert_pixel (surface, x, y - 0.5, opaque (&forecast), "forecast line");
  g_assert_true (esc_plot_to_pixel (plot, WIDTH, HEIGHT, noon_forecast, 70, &x, &y));
  assert_pixel (surface, x, y, blend (&band, &background), "band above the forecast");
  g_assert_true (esc_plot_to_pixel (plot, WIDTH, HEIGHT, noon_forecast, 50, &x, &y));
  assert_pixel (surface, x, y, blend (&band, &background), "band below the forecast");
  g_assert_true (esc_plot_to_pixel (plot, WIDTH, HEIGHT, noon_forecast, 30, &x, &y));
  assert_pixel (surface, x, y, opaque (&background), "background under the band");

  /* The margins hold text but are drawn on the background. */
  assert_pixel (surface, 2, HEIGHT - 2, opaque (&background), "corner");

  cairo_surface_destroy (surface);
}

static void
test_light (void)
{
  check_flat_plot (FALSE);
}

static void
test_dark (void)
{
  EscPlotRgba light, dark;

  check_flat_plot (TRUE);
  esc_plot_get_color (FALSE, ESC_PLOT_COLOR_BACKGROUND, &light);
  esc_plot_get_color (TRUE, ESC_PLOT_COLOR_BACKGROUND, &dark);
  g_assert_cmpfloat (light.red, >, 0.9);
  g_assert_cmpfloat (dark.red, <, 0.2);
}

/* A real forecast: every band pixel column lies between the lines' extremes; and a
 * narrower range draws only part of the data. */
static void
test_forecast_plot (void)
{
  EscTestSynthetic synthetic;
  EscForecastOptions options;
  g_autoptr(EscSeries) history = NULL;
  g_autoptr(EscChannelForecast) forecast = NULL;
  g_autoptr(EscPlot) plot = esc_plot_new ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  EscPlotRgba forecast_color, background;
  double x, y;
  guint peak = 0;

  esc_test_synthetic_init (&synthetic);
  history = esc_test_synthetic_series (&synthetic, "phone", esc_test_julian (2024, 1, 1), 4);
  esc_forecast_options_init (&options);
  forecast = esc_forecast_channel (history, &options, &error);
  g_assert_no_error (error);

  esc_plot_set_history (plot, history->start, history->interval, history->values, history->n);
  esc_plot_set_forecast (plot, forecast->start, forecast->interval, forecast->point,
                         forecast->lower, forecast->upper, forecast->n);
  esc_plot_set_labels (plot, "Calls", "Forecast", "95% interval");
  surface = render (plot, "plot-forecast.png");
  g_assert_cmpfloat (esc_plot_get_value_max (plot), >=, 120);
  cairo_surface_destroy (surface);

  /* Zoom on the first forecast Monday: the peak is drawn in the forecast colour. */
  esc_plot_set_range (plot, forecast->start, forecast->start + ESC_MINUTES_PER_DAY);
  surface = render (plot, "plot-forecast-day.png");
  for (guint i = 0; i < 48; i++)
    if (forecast->point[i] > forecast->point[peak])
      peak = i;
  esc_plot_get_color (FALSE, ESC_PLOT_COLOR_FORECAST, &forecast_color);
  esc_plot_get_color (FALSE, ESC_PLOT_COLOR_BACKGROUND, &background);
  g_assert_true (esc_plot_to_pixel (plot, WIDTH, HEIGHT,
                                    esc_channel_forecast_get_time (forecast, peak) + 15,
                                    forecast->point[peak], &x, &y));
  assert_pixel (surface, x, y, opaque (&forecast_color), "forecast peak");
  /* Night (03:00) is closed: no band there, only background at mid height. */
  g_assert_true (esc_plot_to_pixel (plot, WIDTH, HEIGHT, forecast->start + 3 * 60,
                                    esc_plot_get_value_max (plot) * 0.55, &x, &y));
  assert_pixel (surface, x, y, opaque (&background), "closed night");
  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  g_autoptr(EscPlot) plot = esc_plot_new ();
  cairo_surface_t *surface;
  EscPlotRgba background;

  g_assert_false (esc_plot_to_pixel (plot, WIDTH, HEIGHT, 0, 0, NULL, NULL));
  g_assert_cmpfloat (esc_plot_get_value_max (plot), ==, 0);
  surface = render (plot, "plot-empty.png");
  esc_plot_get_color (FALSE, ESC_PLOT_COLOR_BACKGROUND, &background);
  assert_pixel (surface, 5, 5, opaque (&background), "empty");
  cairo_surface_destroy (surface);

  /* Too small to hold a plot area: nothing but the background, no crash. */
  {
    g_autoptr(EscPlot) flat = make_flat_plot ();
    cairo_surface_t *tiny = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 20, 20);
    cairo_t *cr = cairo_create (tiny);

    esc_plot_draw (flat, cr, 20, 20);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    g_assert_false (esc_plot_to_pixel (flat, 20, 20, 0, 0, NULL, NULL));
    cairo_destroy (cr);
    cairo_surface_destroy (tiny);
  }
}

void
esc_test_add_plot_tests (void)
{
  g_test_add_func ("/staffing/plot/light", test_light);
  g_test_add_func ("/staffing/plot/dark", test_dark);
  g_test_add_func ("/staffing/plot/forecast", test_forecast_plot);
  g_test_add_func ("/staffing/plot/empty", test_empty);
}
