/* esc-display.c: dates, times and numbers as a person reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-core"

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "esc-display.h"

#define MAX_JULIAN 3652059  /* 9999-12-31, as in esc-parse.c */
#define MAX_DECIMALS 9
#define A_MONDAY 738886  /* 2024-01-01 */

/* Helpers */

static gboolean
julian_to_date (EscJulian julian,
                GDate    *date)
{
  g_date_clear (date, 1);
  if (julian == 0 || julian > MAX_JULIAN)
    return FALSE;
  g_date_set_julian (date, julian);
  return TRUE;
}

/* Whether LC_TIME is the C (or POSIX) locale, whose "%x" is "12/15/26". */
static gboolean
time_locale_is_c (void)
{
  const char *name = setlocale (LC_TIME, NULL);

  return name == NULL || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0 ||
         g_str_has_prefix (name, "C.");
}

/* The locale's date format with a four-digit year: "%d.%m.%y" becomes "%d.%m.%Y". Not
 * for the C locale, whose dates are ISO. */
static char *
medium_date_format (void)
{
  const char *format;
  GString *text;

  format = nl_langinfo (D_FMT);
  if (format == NULL || *format == '\0' || !g_utf8_validate (format, -1, NULL))
    return g_strdup ("%x");
  text = g_string_new (NULL);
  for (const char *p = format; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] != '\0')
        {
          g_string_append_c (text, '%');
          g_string_append_c (text, p[1] == 'y' ? 'Y' : p[1]);
          p++;
        }
      else
        g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

/* Whether @text shows a number that is zero: no digit other than 0. */
static gboolean
shows_zero (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (*p >= '1' && *p <= '9')
      return FALSE;
  return TRUE;
}

static char *
no_value (void)
{
  /* TRANSLATORS: no value known yet (incumbent, bound or gap) */
  return g_strdup (C_("value", "—"));
}

/* Public API */

char *
esc_display_strftime (EscJulian   julian,
                      const char *format)
{
  GDate date;
  char buffer[256] = "";

  g_return_val_if_fail (format != NULL, g_strdup (""));

  if (!julian_to_date (julian, &date) ||
      g_date_strftime (buffer, sizeof buffer, format, &date) == 0)
    return g_strdup ("");
  return g_strdup (buffer);
}

char *
esc_display_date (EscJulian julian)
{
  g_autofree char *format = NULL;

  if (time_locale_is_c ())
    return esc_format_date (julian);
  format = medium_date_format ();
  return esc_display_strftime (julian, format);
}

char *
esc_display_date_long (EscJulian julian)
{
  /* TRANSLATORS: a full date as strftime(3) formats it: "Sunday, 3 January 2027"
   * (%A the weekday, %-d the day without a leading zero, %B the month, %Y the year);
   * e.g. de "%A, %-d. %B %Y", pt_BR "%A, %-d de %B de %Y" */
  return esc_display_strftime (julian, _("%A, %-d %B %Y"));
}

char *
esc_display_weekday (EscWeekday      weekday,
                     EscDisplayWidth width)
{
  g_return_val_if_fail ((guint) weekday < ESC_N_WEEKDAYS, g_strdup (""));

  return esc_display_strftime (A_MONDAY + (EscJulian) weekday,
                               width == ESC_DISPLAY_FULL ? "%A" : "%a");
}

char *
esc_display_time (int minutes)
{
  if (minutes != ESC_MINUTES_PER_DAY)
    minutes = ((minutes % ESC_MINUTES_PER_DAY) + ESC_MINUTES_PER_DAY) % ESC_MINUTES_PER_DAY;
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

char *
esc_display_date_time (GDateTime *time,
                       gboolean   seconds)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDate) date = NULL;
  g_autofree char *day = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  if (local == NULL)
    return g_strdup ("");
  date = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (local),
                         (GDateMonth) g_date_time_get_month (local),
                         (GDateYear) g_date_time_get_year (local));
  day = esc_display_date (g_date_get_julian (date));
  if (seconds)
    return g_strdup_printf ("%s %02d:%02d:%02d", day, g_date_time_get_hour (local),
                            g_date_time_get_minute (local), g_date_time_get_second (local));
  return g_strdup_printf ("%s %02d:%02d", day, g_date_time_get_hour (local),
                          g_date_time_get_minute (local));
}

char *
esc_display_number (double value,
                    int    decimals)
{
  int length;
  char *text;

  if (!isfinite (value))
    return no_value ();
  decimals = CLAMP (decimals, 0, MAX_DECIMALS);

  /* The C library's printf, not GLib's: the "'" flag groups digits as LC_NUMERIC says,
   * and the decimal point is LC_NUMERIC's. */
  length = snprintf (NULL, 0, "%'.*f", decimals, value);
  if (length < 0)
    return no_value ();
  text = g_malloc ((gsize) length + 1);
  snprintf (text, (gsize) length + 1, "%'.*f", decimals, value);

  /* "-0,0": a small negative value rounded to zero is zero. */
  if (text[0] == '-' && shows_zero (text))
    memmove (text, text + 1, strlen (text));
  return text;
}

char *
esc_display_number_short (double value,
                          int    max_decimals)
{
  char *text = esc_display_number (value, max_decimals);
  const char *point = localeconv ()->decimal_point;
  char *decimals;
  gsize length;

  if (!isfinite (value) || point == NULL || *point == '\0' ||
      (decimals = strstr (text, point)) == NULL)
    return text;
  /* Drop the trailing zeros, then the separator if nothing is left after it. */
  length = strlen (text);
  while (length > (gsize) (decimals - text) + strlen (point) && text[length - 1] == '0')
    text[--length] = '\0';
  if (length == (gsize) (decimals - text) + strlen (point))
    text[decimals - text] = '\0';
  /* "-0,001" with two decimals: "-0" is zero. */
  if (text[0] == '-' && shows_zero (text))
    memmove (text, text + 1, strlen (text));
  return text;
}

char *
esc_display_percent (double percent,
                     int    decimals)
{
  g_autofree char *number = NULL;

  if (!isfinite (percent))
    return no_value ();
  number = esc_display_number (percent, decimals);
  /* TRANSLATORS: a percentage, "12.5%"; %s is the number, %% the percent sign. Write it
   * as your language does: English and Portuguese "%s%%" (12.5%), German and French with
   * a (narrow) no-break space "%s %%" (12,5 %), so that the sign never wraps alone */
  return g_strdup_printf (_("%s%%"), number);
}

char *
esc_display_hours (double hours,
                   int    decimals)
{
  g_autofree char *number = NULL;

  if (!isfinite (hours))
    return no_value ();
  number = esc_display_number (hours, decimals);
  /* TRANSLATORS: a number of hours, short: "7.5 h"; %s is the number */
  return g_strdup_printf (_("%s h"), number);
}
