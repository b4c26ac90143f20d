/* esc-parse.h: parsers and formatters for the values users type.
 *
 * Every parser takes the text as typed (surrounding white space is ignored), returns
 * TRUE and fills its outputs on success, or returns FALSE and sets a translatable
 * GError (domain ESC_CORE_ERROR) that says what was expected, e.g.
 * "expected a time as HH:MM (00:00 to 23:59), found “25:10”". Callers prefix the
 * table, row and column. Nothing here allocates on failure.
 *
 * Dates are GLib Julian day numbers (g_date_get_julian(): 0001-01-01 is day 1), so date
 * arithmetic is integer arithmetic. Times are minutes since midnight. An absolute
 * instant is julian * 1440 + minutes (type EscInstant).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ESC_MINUTES_PER_DAY 1440

typedef guint32 EscJulian;  /* GDate Julian day number, 0 = invalid */
typedef gint64 EscInstant;  /* julian * 1440 + minutes */

/* Weekdays, Monday first, as in GDateWeekday minus one: 0 = mon .. 6 = sun. */
typedef enum
{
  ESC_MON = 0,
  ESC_TUE,
  ESC_WED,
  ESC_THU,
  ESC_FRI,
  ESC_SAT,
  ESC_SUN,
  ESC_N_WEEKDAYS
} EscWeekday;

/* A set of weekdays as bits (1 << ESC_MON ...). */
typedef guint8 EscWeekdaySet;

/* A time window; end > start always. A window whose typed end is <= its start crosses
 * midnight and gets end += 1440 (e.g. "22:00-06:00" is 1320..1800). "24:00" is 1440. */
typedef struct
{
  int start;  /* minutes since midnight, 0..1439 */
  int end;    /* minutes, start < end <= start + 1440 */
} EscWindow;

/* A leave interval in absolute minutes, [start, end). */
typedef struct
{
  EscInstant start;
  EscInstant end;
} EscInterval;

/* A day-of-month range like "25-31" or "3" (first == last). */
typedef struct
{
  int first;  /* 1..31 */
  int last;   /* first..31 */
} EscDayRange;

/* "HH:MM", 00:00..23:59; with allow_24 also "24:00". Also accepts "H:MM" and "HHhMM". */
gboolean esc_parse_time (const char *text, gboolean allow_24, int *minutes, GError **error);
char    *esc_format_time (int minutes);  /* "HH:MM"; 1440 -> "24:00" */

/* "HH:MM - HH:MM" with -, en dash or em dash and any spaces. Start == end is an error
 * (an empty window). */
gboolean esc_parse_window (const char *text, EscWindow *window, GError **error);
char    *esc_format_window (const EscWindow *window);  /* "08:00 - 16:00" */

/* Dates: "YYYY-MM-DD" (ISO), "DD/MM/YYYY" or "DD.MM.YYYY" (German). */
gboolean esc_parse_date (const char *text, EscJulian *julian, GError **error);
char    *esc_format_date (EscJulian julian);      /* ISO "YYYY-MM-DD" */
char    *esc_format_date_dmy (EscJulian julian);  /* "DD/MM/YYYY" */
EscWeekday esc_julian_weekday (EscJulian julian);
int      esc_julian_day_of_month (EscJulian julian);

/* Weekday codes: mon tue wed thu fri sat sun, seg ter qua qui sex sab (or sáb) dom,
 * case-insensitive, also the full English names. */
gboolean    esc_parse_weekday (const char *text, EscWeekday *weekday, GError **error);
const char *esc_weekday_code (EscWeekday weekday);  /* "mon" .. "sun" */
/* A comma (or space) separated list of weekday codes; "" is the empty set. */
gboolean    esc_parse_weekday_set (const char *text, EscWeekdaySet *set, GError **error);
char       *esc_format_weekday_set (EscWeekdaySet set);  /* "fri, sat" */

/* Leave, one of: "DD/MM/YYYY"; "DD/MM/YYYY, DD/MM/YYYY, ..."; "DD/MM/YYYY - DD/MM/YYYY"
 * (inclusive whole days); "DD/MM/YYYY HH:MM - DD/MM/YYYY HH:MM". ISO dates are accepted
 * wherever DD/MM/YYYY is. Several items may be separated by ";" or "," (a comma inside
 * a range item is not allowed). "" is no leave. Returns an array of EscInterval sorted
 * by start (empty for ""); a range whose end is before its start is an error. */
gboolean esc_parse_leave (const char *text, GArray **intervals, GError **error);

/* Hours as a number ("44", "7.5", "7,5") or as "HH:MM" ("07:36" = 7.6 h). Result in
 * minutes, rounded to the minute. Negative values are an error. */
gboolean esc_parse_hours (const char *text, int *minutes, GError **error);
char    *esc_format_hours (int minutes);  /* "HH:MM", hours may exceed 24: "44:00" */

/* Worked time in history: "HH:MM" or a number of hours, or "C" (compensation day,
 * *is_compensation = TRUE, *minutes = 0). */
gboolean esc_parse_worked (const char *text, int *minutes, gboolean *is_compensation,
                           GError **error);

/* Integers and numbers (decimal point or comma); no trailing garbage. */
gboolean esc_parse_int (const char *text, gint64 *value, GError **error);
gboolean esc_parse_number (const char *text, double *value, GError **error);

/* Yes/no: sim/não/nao/s/n/yes/no/y/true/false/verdadeiro/falso/1/0/x (x = yes),
 * case-insensitive; "" is an error. */
gboolean esc_parse_bool (const char *text, gboolean *value, GError **error);

/* "25-31, 1-5" -> array of EscDayRange; "" is empty. */
gboolean esc_parse_day_ranges (const char *text, GArray **ranges, GError **error);

/* Comma separated list of non-empty items, each trimmed; "" -> empty array (never NULL).
 * Returns a NULL-terminated strv. */
char   **esc_split_list (const char *text);

/* Text helpers shared by the importers and the grids. */
char    *esc_strip_dup (const char *text);  /* trims ASCII and Unicode white space */
/* Folds case and removes accents and surrounding/inner repeated spaces, for matching
 * headings: "  Função " -> "funcao". */
char    *esc_fold_key (const char *text);

G_END_DECLS
