/* bench-generator.h: random but realistic scheduling projects for benchmarks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/esc-project.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_stores;          /* stores, one location each */
  guint n_roles;           /* roles per store */
  guint n_employees;       /* per store, spread over the roles */
  guint n_days;            /* horizon from start_date 2026-03-02 (a Monday) */
  guint n_patterns;        /* patterns; each employee gets one or two */
  guint n_shifts;          /* shift types of different lengths (1..8) */
  guint granularity;       /* minutes */
  double demand_ratio;     /* demanded staff-minutes / available staff-minutes, ~0.8 */
  guint seed;
  gboolean shift_demand;   /* demand per shift id (classic rostering) instead of windows */
  gboolean with_history;   /* a week of PreviousAllocation before the start */
  gboolean with_wishes;    /* preferences and day-off requests */
  gboolean off_grid;       /* shift and demand times off the hour (07:10, 13:35, ...), so
                              that the granularity changes the model */
  const char *objectives;  /* NULL: the default hierarchy */
} EscBenchSpec;

/* A project of @spec; it validates without errors. */
EscProject *esc_bench_generate (const EscBenchSpec *spec);

/* The classic reference roster of scheduling.md section 6: @n employees, 7 days, shifts
 * Early/Late/Night of 8 h and Short of 6 h, at most one rest day, at least 40 h, Night
 * then Early forbidden, coverage per day and shift; objectives min_hours, preferences
 * (demand_fulfillment first, as classic rosters are read). */
EscProject *esc_bench_classic_roster (guint n, guint seed);

/* Peak resident memory of this process in MiB (VmHWM). */
double      esc_bench_peak_rss_mib (void);

/* Median of @n values (sorts them). */
double      esc_bench_median (double *values, guint n);

G_END_DECLS
