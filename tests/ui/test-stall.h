/* test-stall.h: measuring the main loop while a test runs (stalls).
 *
 * A 5 ms timeout records the longest gap between its dispatches (the time the loop could
 * not run anything) and how much CPU time the main thread used within one gap (its own
 * work, as opposed to waiting for a core on a loaded machine). test_stall_meter_check()
 * prints the figures and fails the test when a gap held 50 ms of the main thread's own
 * work; the wall clock (median of the longest gaps under 50 ms) is checked only with
 * ESC_STRESS_CHECK_WALL=1, as the benchmark "ui-stall" does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "esc-test-build.h"

G_BEGIN_DECLS

/* FALSE in the sanitizer build (esc-test-build.h): the main loop's pace there says
 * nothing about the app's. Time limits are then printed, not checked; the normal build
 * checks them. */
#define TEST_STALL_CHECKED (!ESC_TEST_SANITIZED)

typedef struct
{
  const char *name;
  guint id;
  gint64 last;          /* wall clock at the last tick, µs */
  gint64 last_cpu;      /* CPU time of this thread at the last tick, µs */
  gint64 longest;       /* of the measurement running: wall clock, µs */
  gint64 longest_cpu;   /* of the measurement running: CPU time spent in one gap, µs */
  GArray *samples;      /* gint64: the longest gap of each measurement */
  GArray *cpu_samples;  /* gint64: the most CPU time in one gap of each measurement */
} TestStallMeter;

void   test_stall_meter_init  (TestStallMeter *meter,
                               const char     *name);
void   test_stall_meter_start (TestStallMeter *meter);
/* Ends a measurement (the gap up to now counts too); returns its longest gap, µs. */
gint64 test_stall_meter_stop  (TestStallMeter *meter);
/* Prints and checks every measurement since init, then frees them. */
void   test_stall_meter_check (TestStallMeter *meter);

G_END_DECLS
