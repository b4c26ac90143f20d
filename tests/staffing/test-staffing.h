/* test-staffing.h: the test cases of src/staffing and the plot renderer, by file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/esc-parse.h"
#include "staffing/esc-series.h"

void       esc_test_add_erlang_tests   (void);
void       esc_test_add_history_tests  (void);
void       esc_test_add_forecast_tests (void);
void       esc_test_add_demand_tests   (void);
void       esc_test_add_plot_tests     (void);

/* Shared by the forecast, demand and plot tests: a synthetic channel with a known
 * weekly pattern and trend (see test-synthetic.c). */
typedef struct
{
  int    interval;       /* minutes */
  double growth;         /* per week, a share of the level */
  double noise;          /* relative standard deviation (when not poisson) */
  gboolean poisson;      /* counts: Poisson draws around the truth instead */
  double scale;          /* peak volume per interval of the busiest day */
  guint32 seed;
} EscTestSynthetic;

void       esc_test_synthetic_init     (EscTestSynthetic *synthetic);
/* The noise-free volume at @time, weeks counted from @origin. */
double     esc_test_synthetic_truth    (const EscTestSynthetic *synthetic,
                                        EscInstant              origin,
                                        EscInstant              time);
/* @weeks weeks from Monday @first_day (a Julian day), with noise. */
EscSeries *esc_test_synthetic_series   (const EscTestSynthetic *synthetic,
                                        const char             *channel,
                                        EscJulian               first_day,
                                        guint                   weeks);
EscJulian  esc_test_julian             (int year, int month, int day);
