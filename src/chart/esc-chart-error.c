/* esc-chart-error.c: the error domain of src/chart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-chart"

#include "esc-chart-error.h"

G_DEFINE_QUARK (esc-chart-error-quark, esc_chart_error)
