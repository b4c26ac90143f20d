/* test-stall.c: measuring main-loop stalls (test-stall.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include <time.h>

#include "test-stall.h"

#define STALL_TICK_MS 5
#define STALL_MAX     50000   /* µs */

/* CPU time used by the calling thread: how much of a gap was our own work, as opposed
 * to waiting for a core on a loaded machine. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
stall_tick_cb (gpointer user_data)
{
  TestStallMeter *meter = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  if (meter->last != 0)
    {
      meter->longest = MAX (meter->longest, now - meter->last);
      meter->longest_cpu = MAX (meter->longest_cpu, cpu - meter->last_cpu);
    }
  meter->last = now;
  meter->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

void
test_stall_meter_init (TestStallMeter *meter,
            const char *name)
{
  meter->name = name;
  meter->samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  meter->cpu_samples = g_array_new (FALSE, FALSE, sizeof (gint64));
}

void
test_stall_meter_start (TestStallMeter *meter)
{
  g_assert_cmpuint (meter->id, ==, 0);
  meter->last = 0;
  meter->longest = 0;
  meter->longest_cpu = 0;
  meter->id = g_timeout_add (STALL_TICK_MS, stall_tick_cb, meter);
}

/* Ends a measurement; the gap up to now counts too. */
gint64
test_stall_meter_stop (TestStallMeter *meter)
{
  stall_tick_cb (meter);
  g_clear_handle_id (&meter->id, g_source_remove);
  g_array_append_val (meter->samples, meter->longest);
  g_array_append_val (meter->cpu_samples, meter->longest_cpu);
  return meter->longest;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gint64
median_of (GArray *samples)
{
  g_autoptr(GArray) sorted = g_array_copy (samples);

  g_array_sort (sorted, compare_gint64);
  return g_array_index (sorted, gint64, sorted->len / 2);
}

static gint64
max_of (GArray *samples)
{
  gint64 max = 0;

  for (guint i = 0; i < samples->len; i++)
    max = MAX (max, g_array_index (samples, gint64, i));
  return max;
}

static char *
format_ms (GArray *samples)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < samples->len; i++)
    g_string_append_printf (text, "%s%.1f", i > 0 ? " " : "",
                            g_array_index (samples, gint64, i) / 1000.0);
  return g_string_free (text, FALSE);
}

/* Prints the figures and checks them: no gap with 50 ms of the main thread's own work;
 * with ESC_STRESS_CHECK_WALL=1 also the median of the longest gaps under 50 ms. */
void
test_stall_meter_check (TestStallMeter *meter)
{
  g_autofree char *wall = NULL;
  g_autofree char *cpu = NULL;
  g_autofree char *load = NULL;
  gint64 median, worst, median_cpu, worst_cpu;

  g_assert_cmpuint (meter->id, ==, 0);
  g_assert_cmpuint (meter->samples->len, >, 0);
  wall = format_ms (meter->samples);
  cpu = format_ms (meter->cpu_samples);
  median = median_of (meter->samples);
  worst = max_of (meter->samples);
  median_cpu = median_of (meter->cpu_samples);
  worst_cpu = max_of (meter->cpu_samples);
  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    g_strchomp (load);

  g_test_message ("%s: longest main loop gap per measurement (ms): %s", meter->name, wall);
  g_test_message ("%s: most main thread CPU time in one gap (ms): %s", meter->name, cpu);
  g_printerr ("# %s: main loop gaps over %u measurements: median %.1f ms, longest %.1f ms; "
              "main thread CPU in one gap: median %.1f ms, most %.1f ms (load average %s)\n",
              meter->name, meter->samples->len, median / 1000.0, worst / 1000.0,
              median_cpu / 1000.0, worst_cpu / 1000.0, load != NULL ? load : "?");
  /* A failure here is reported and the other tests still run. */
  if (worst_cpu >= STALL_MAX && TEST_STALL_CHECKED)
    g_test_fail_printf ("%s: the main thread worked %.1f ms without returning to the main "
                        "loop (limit %d ms)", meter->name, worst_cpu / 1000.0,
                        STALL_MAX / 1000);
  if (g_strcmp0 (g_getenv ("ESC_STRESS_CHECK_WALL"), "1") == 0 && median >= STALL_MAX &&
      TEST_STALL_CHECKED)
    g_test_fail_printf ("%s: the main loop stalled: median of the longest gaps %.1f ms "
                        "(limit %d ms)", meter->name, median / 1000.0, STALL_MAX / 1000);
  g_clear_pointer (&meter->samples, g_array_unref);
  g_clear_pointer (&meter->cpu_samples, g_array_unref);
}
