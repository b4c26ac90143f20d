/* esc-forecast-file.h: saved forecasts, JSON read and written with json-glib.
 *
 * A forecast is saved when it is made so that it can be compared with the actuals once
 * they are known (esc_forecast_compare()). The format (version ESC_FORECAST_FILE_VERSION):
 *
 *   {
 *     "format" : "escala-forecast",
 *     "version" : 1,
 *     "method" : "seasonal-regression-proportional-trend",
 *     "created" : "2024-05-06T10:00:00Z",
 *     "interval" : 30,
 *     "confidence" : 0.95,
 *     "channels" : [
 *       { "channel" : "phone", "start" : "2024-05-06 00:00",
 *         "growth" : 0.01, "weekly_volume" : 5230.5, "variance_power" : 1.0,
 *         "holiday_factor" : 1.0, "fitted" : 1344,
 *         "point" : [ ... ], "lower" : [ ... ], "upper" : [ ... ],
 *         "holidays" : [ indices of the intervals on holidays ] }
 *     ]
 *   }
 *
 * Loading refuses, with ESC_STAFFING_ERROR_PARSE naming the file and the channel, anything
 * that is not such an object: another format, a newer version, arrays of unequal length,
 * values that are not finite numbers, a bound on the wrong side of the point forecast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-forecast.h"

G_BEGIN_DECLS

#define ESC_FORECAST_FILE_FORMAT  "escala-forecast"
#define ESC_FORECAST_FILE_VERSION 1

/* Pretty-printed UTF-8 JSON with a final newline; @len (may be NULL) gets its length. */
char        *esc_forecast_to_data   (const EscForecast *forecast,
                                     gsize             *len);
EscForecast *esc_forecast_from_data (const char        *data,
                                     gssize             len,
                                     const char        *display_name,
                                     GError           **error);

/* Written whole or not at all (g_file_set_contents). */
gboolean     esc_forecast_save      (const EscForecast *forecast,
                                     const char        *path,
                                     GError           **error);
EscForecast *esc_forecast_load      (const char        *path,
                                     GError           **error);

G_END_DECLS
