/* bench-gantt.c: the Gantt chart with 1,000 employees over 28 days (about 24,000 bars).
 *
 * Prints the time to build the layout model from the project, the time to draw one full
 * viewport of 1600 x 1000 with a week visible (the median of 31 draws, scrolling down
 * by 700 px between draws so each draw shows other rows, as a user scrolling does),
 * the same at month zoom and in the dark style, and the peak resident memory (VmHWM).
 * Targets: a draw under 8 ms (median), memory under 200 MB. Exits 1 when a target is
 * missed. Run with `meson test --benchmark gantt` or directly: bench-gantt [EMPLOYEES DAYS].
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-chart"

#include <glib.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/esc-gantt-renderer.h"
#include "core/esc-table.h"
#include "chart-fixture.h"

#define N_DRAWS 31
#define TARGET_DRAW_MS 8.0
#define TARGET_RSS_MB 200.0

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, (int (*) (const void *, const void *)) compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Peak resident set size in MB, from /proc/self/status (VmHWM); -1 when unknown. */
static double
read_peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return -1;
  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

/* Draws @n_draws viewports scrolled @step apart; returns the median time in ms and sets
 * *first_ms to the first (cold) draw's time. */
static double
time_draws (EscGanttRenderer *renderer,
            cairo_t          *cr,
            EscGanttModel    *model,
            EscGanttViewport *vp,
            double            step,
            double           *first_ms)
{
  double times[N_DRAWS];
  double content = esc_gantt_viewport_content_height (vp, model);
  double room = MAX (content - (vp->height - vp->axis_height), 1);

  for (guint i = 0; i < N_DRAWS; i++)
    {
      gint64 start;

      vp->y_offset = fmod (i * step, room);
      start = g_get_monotonic_time ();
      esc_gantt_renderer_draw (renderer, cr, model, vp);
      cairo_surface_flush (cairo_get_target (cr));
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  if (first_ms != NULL)
    *first_ms = times[0];
  return median (times, N_DRAWS);
}

int
main (int argc, char **argv)
{
  guint n_employees = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  guint n_days = argc > 2 ? (guint) atoi (argv[2]) : 28;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(EscGanttModel) model = NULL;
  g_autoptr(EscGanttRenderer) renderer = NULL;
  double build_times[5];
  cairo_surface_t *surface;
  cairo_t *cr;
  EscGanttViewport vp;
  double week_ms, week_first_ms, month_ms, dark_ms, day_ms, rss;
  gint64 start;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "C.UTF-8");

  start = g_get_monotonic_time ();
  project = chart_fixture_generate (n_employees, n_days, 1);
  g_print ("project: %u employees x %u days, %u allocation rows, generated in %.0f ms\n",
           n_employees, n_days,
           esc_table_get_n_rows (esc_project_get_table (project, ESC_TABLE_ALLOCATION)),
           (g_get_monotonic_time () - start) / 1000.0);

  for (guint i = 0; i < G_N_ELEMENTS (build_times); i++)
    {
      g_clear_pointer (&model, esc_gantt_model_unref);
      start = g_get_monotonic_time ();
      model = esc_gantt_model_new (project, NULL);
      build_times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  g_print ("model: %u rows, %u bars, %u groups; built in %.1f ms (median of %u, first %.1f ms)\n",
           esc_gantt_model_get_n_rows (model), esc_gantt_model_get_n_bars (model),
           esc_gantt_model_get_n_groups (model), median (build_times, G_N_ELEMENTS (build_times)),
           (guint) G_N_ELEMENTS (build_times), build_times[0]);

  renderer = esc_gantt_renderer_new ();
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 1000);
  cr = cairo_create (surface);

  esc_gantt_viewport_init (&vp, model, 1600, 1000);
  vp.t0 = 7.0 * ESC_MINUTES_PER_DAY;
  vp.t1 = 14.0 * ESC_MINUTES_PER_DAY;
  week_ms = time_draws (renderer, cr, model, &vp, 700, &week_first_ms);
  g_print ("draw 1600x1000, a week: %.2f ms median of %d (first, cold: %.2f ms)%s\n",
           week_ms, N_DRAWS, week_first_ms, week_ms < TARGET_DRAW_MS ? "" : "  OVER TARGET");
  ok &= week_ms < TARGET_DRAW_MS;

  vp.t0 = 0;
  vp.t1 = 28.0 * ESC_MINUTES_PER_DAY;
  month_ms = time_draws (renderer, cr, model, &vp, 700, NULL);
  g_print ("draw 1600x1000, four weeks: %.2f ms median of %d\n", month_ms, N_DRAWS);

  vp.t0 = 9.0 * ESC_MINUTES_PER_DAY;
  vp.t1 = 10.0 * ESC_MINUTES_PER_DAY;
  day_ms = time_draws (renderer, cr, model, &vp, 700, NULL);
  g_print ("draw 1600x1000, a day: %.2f ms median of %d\n", day_ms, N_DRAWS);

  vp.t0 = 7.0 * ESC_MINUTES_PER_DAY;
  vp.t1 = 14.0 * ESC_MINUTES_PER_DAY;
  vp.style = ESC_GANTT_STYLE_DARK;
  dark_ms = time_draws (renderer, cr, model, &vp, 700, NULL);
  g_print ("draw 1600x1000, a week, dark: %.2f ms median of %d\n", dark_ms, N_DRAWS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  rss = read_peak_rss_mb ();
  g_print ("peak RSS (VmHWM): %.1f MB%s\n", rss,
           rss >= 0 && rss < TARGET_RSS_MB ? "" : "  OVER TARGET");
  ok &= rss >= 0 && rss < TARGET_RSS_MB;

  g_print ("targets (draw < %.0f ms, memory < %.0f MB): %s\n", TARGET_DRAW_MS, TARGET_RSS_MB,
           ok ? "met" : "MISSED");
  return ok ? 0 : 1;
}
