/* esc-display.h: dates, times and numbers as a person reads them.
 *
 * The one place where the UI and the chart turn a date or a number into text to show:
 * labels, tooltips, messages, axis ticks, summaries. Everything here follows the
 * process locale that main() sets with setlocale (LC_ALL, ""): LC_TIME for dates and
 * weekday and month names, LC_NUMERIC for the decimal separator and digit grouping;
 * a few formats are translatable (the long date, "%s h", "%s%%").
 *
 * Never use these for DATA (cells, project files, CSV/XLSX/JSON exports, machine output
 * of the CLI): that text must read back the same under any locale, so it goes through
 * esc_format_date() and friends (esc-parse.h) and g_ascii_formatd()/g_ascii_dtostr().
 *
 * Decisions:
 * - The medium date is the locale's own (nl_langinfo (D_FMT), what strftime's "%x"
 *   uses) with a four-digit year: de_DE "15.12.2026", pt_BR "15/12/2026", en_US
 *   "12/15/2026". Not a translatable format, so that it follows LC_TIME even where
 *   LC_MESSAGES differs or no translation exists. Under the C and POSIX locales (whose
 *   "%x" is the ambiguous "12/15/26") it is ISO "2026-12-15".
 * - Times are 24-hour "HH:MM", as shift windows are typed everywhere in the app.
 * - Numbers are rounded to the decimals asked for, grouped as the locale groups digits
 *   (printf's "'" flag): de_DE/pt_BR "1.234,5", en_US "1,234.5", C "1234.5". A negative
 *   value that rounds to zero shows as zero; NaN and infinities show as an em dash.
 * - Invalid Julian days (0, or after 9999-12-31) give "".
 *
 * All functions are thread-safe as far as the C library's locale access is (they are
 * called from rendering and export threads) and return newly allocated UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "esc-parse.h"

G_BEGIN_DECLS

typedef enum
{
  ESC_DISPLAY_ABBREVIATED,  /* "Mon", "Mo", "seg" */
  ESC_DISPLAY_FULL,         /* "Monday", "Montag", "segunda" */
} EscDisplayWidth;

/* @julian formatted by g_date_strftime() with @format (UTF-8, usually a translatable
 * string); "" for an invalid day or a failed format. */
char *esc_display_strftime  (EscJulian    julian,
                             const char  *format);
/* The locale's medium date: "15.12.2026", "15/12/2026", "12/15/2026"; C: "2026-12-15". */
char *esc_display_date      (EscJulian    julian);
/* A day in full, with its weekday: "Tuesday, 15 December 2026" (a translatable format,
 * e.g. de "%A, %-d. %B %Y" gives "Dienstag, 15. Dezember 2026"). */
char *esc_display_date_long (EscJulian    julian);
/* A weekday's name in the locale: "Mon"/"Monday", de "Mo"/"Montag", pt_BR
 * "seg"/"segunda". */
char *esc_display_weekday   (EscWeekday      weekday,
                             EscDisplayWidth width);
/* "08:00"; 1440 is "24:00", minutes beyond wrap to the day ("25:00" is "01:00"). */
char *esc_display_time      (int          minutes);
/* @time (any time zone, shown in the local one) as the medium date and the 24-hour
 * time, with or without seconds: "15.12.2026 14:05:09". NULL gives "". */
char *esc_display_date_time (GDateTime   *time,
                             gboolean     seconds);
/* @value with @decimals (0..9) decimals in the locale: "1.234,5". */
char *esc_display_number    (double       value,
                             int          decimals);
/* As esc_display_number() with at most @max_decimals decimals, trailing zeros dropped:
 * 6.5 with 2 gives "6,5", 6 gives "6", 1234.25 gives "1.234,25". */
char *esc_display_number_short (double    value,
                                int       max_decimals);
/* A percentage, @percent out of 100: "12,5 %" (a translatable format). */
char *esc_display_percent   (double       percent,
                             int          decimals);
/* A number of hours: "7,5 h" (a translatable format). */
char *esc_display_hours     (double       hours,
                             int          decimals);

G_END_DECLS
