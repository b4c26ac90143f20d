/* esc-chart-error.h: the error domain of src/chart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ESC_CHART_ERROR (esc_chart_error_quark ())

typedef enum
{
  ESC_CHART_ERROR_FORMAT,     /* the output format is not known (by its extension) */
  ESC_CHART_ERROR_TOO_LARGE,  /* the picture would be larger than a surface can be */
  ESC_CHART_ERROR_WRITE,      /* the file cannot be written */
  ESC_CHART_ERROR_INVALID,    /* the options make no sense (an empty time range...) */
} EscChartError;

GQuark esc_chart_error_quark (void);

G_END_DECLS
