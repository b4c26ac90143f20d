/* esc-parse.c: parsers and formatters for the values users type.
 *
 * Every parser treats NULL as "", rejects text that is not UTF-8, trims white space
 * (ASCII and Unicode, including no-break spaces and a stray byte order mark) and then
 * scans the text with the small scanners below. The error codes are:
 *   ESC_CORE_ERROR_PARSE    the text does not have the expected form ("7:5", "abc");
 *   ESC_CORE_ERROR_RANGE    the form is right but a value is out of range ("25:10",
 *                           "31/02/2026", a year outside 1900..9999, a number too large);
 *   ESC_CORE_ERROR_INVALID  well formed and in range but still not allowed (an empty
 *                           window, a leave that ends before it starts, "25-5" as days).
 * Messages quote what was found, cut to QUOTE_MAX_CHARS characters.
 *
 * Decisions where the contract is silent:
 * - Times: hours take one or two digits, minutes exactly two ("7:05", not "7:5"); the
 *   separator is ":" or "h"/"H"; a trailing ":00" (seconds, as spreadsheets export
 *   times) is accepted.
 * - Dates: day and month take one or two digits in every form ("1/3/2026",
 *   "2026-3-1"); the year always takes four digits and lies in 1900..9999. The German
 *   "DD.MM.YYYY" is accepted wherever "DD/MM/YYYY" is ("15.12.2026"); the separators
 *   of one date must match ("15.12/2026" is an error).
 * - Weekdays: the Portuguese full names ("segunda", "terça-feira", "sábado", ...) are
 *   accepted as well as the codes and the English names.
 * - Leave: besides the documented forms, "DD/MM/YYYY HH:MM - HH:MM" (same day; an end
 *   at or before the start crosses midnight, as windows do) and the mixed forms
 *   "DD/MM/YYYY HH:MM - DD/MM/YYYY" (to the end of that day) and
 *   "DD/MM/YYYY - DD/MM/YYYY HH:MM" (from the start of the first day). Empty items
 *   ("a,,b", a trailing comma) are skipped. Items are sorted, not merged.
 * - Numbers: one optional sign, digits and at most one decimal separator, "." or ",",
 *   which is always decimal: "1,000" is 1.0 and "1.000,5" is an error (no thousands
 *   separators, which would be ambiguous). No exponents, "inf" or "nan".
 * - Hours: at most 9999999 hours; any minus sign is an error, even "-0".
 * - Worked time: at most 24:00 in a day.
 * - Day ranges: "25-5" is an error (INVALID) that suggests "25-31, 1-5".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-core"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "esc-error.h"
#include "esc-parse.h"

#define QUOTE_MAX_CHARS 40
#define MIN_YEAR 1900
#define MAX_YEAR 9999
#define MAX_JULIAN 3652059 /* 9999-12-31 */
#define MAX_HOURS 9999999

typedef enum
{
  SCAN_OK,
  SCAN_FORM,      /* not the expected form */
  SCAN_RANGE,     /* the expected form, a value out of range */
  SCAN_NEGATIVE,  /* hours only: a minus sign */
  SCAN_REVERSED,  /* day ranges only: first > last */
} ScanResult;

/* The folded names of each weekday, Monday first. */
static const char * const weekday_names[ESC_N_WEEKDAYS][8] = {
  { "mon", "monday", "seg", "segunda", "segunda-feira", NULL },
  { "tue", "tuesday", "ter", "terca", "terca-feira", NULL },
  { "wed", "wednesday", "qua", "quarta", "quarta-feira", NULL },
  { "thu", "thursday", "qui", "quinta", "quinta-feira", NULL },
  { "fri", "friday", "sex", "sexta", "sexta-feira", NULL },
  { "sat", "saturday", "sab", "sabado", NULL },
  { "sun", "sunday", "dom", "domingo", NULL },
};

static const char * const bool_true[] = { "sim", "s", "yes", "y", "true", "verdadeiro", "1", "x" };
static const char * const bool_false[] = { "nao", "n", "no", "false", "falso", "0" };

static void fail (GError **error, EscCoreError code, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* Sets an error whose format has one %s, the quoted (and shortened) @found. */
#define FAIL(error, code, format, found) \
  G_STMT_START { \
    g_autofree char *quoted__ = quote_dup (found); \
    fail ((error), (code), (format), quoted__); \
  } G_STMT_END

/* Prefixes an error with a format that has one %s, the quoted @found. */
#define PREFIX(error, format, found) \
  G_STMT_START { \
    g_autofree char *quoted__ = quote_dup (found); \
    g_prefix_error ((error), (format), quoted__); \
  } G_STMT_END

static void
fail (GError     **error,
      EscCoreError code,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, ESC_CORE_ERROR, code, message);
}

/* A copy of @text fit for a message: valid UTF-8, at most QUOTE_MAX_CHARS characters. */
static char *
quote_dup (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  const char *p = valid;

  for (int i = 0; i < QUOTE_MAX_CHARS && *p != '\0'; i++)
    p = g_utf8_next_char (p);

  if (*p == '\0')
    return g_steal_pointer (&valid);

  valid[p - valid] = '\0';
  return g_strconcat (valid, "…", NULL);
}

static gboolean
is_blank (gunichar c)
{
  /* ASCII white space (vertical tab too), Unicode spaces (no-break space too); a zero
   * width space or byte order mark pasted from elsewhere is just as invisible. */
  return c == ' ' || (c >= '\t' && c <= '\r') || g_unichar_isspace (c) ||
         c == 0x200B || c == 0xFEFF;
}

/* @p must be valid UTF-8. */
static const char *
skip_blanks (const char *p)
{
  while (*p != '\0' && is_blank (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  return p;
}

/* The byte length of a dash at @p ("-", en dash or em dash), 0 if none. */
static gsize
dash_length (const char *p)
{
  if (*p == '-')
    return 1;
  if (strncmp (p, "\u2013", 3) == 0 || strncmp (p, "\u2014", 3) == 0)
    return 3;
  return 0;
}

static gsize
count_digits (const char *p)
{
  gsize n = 0;

  while (g_ascii_isdigit (p[n]))
    n++;

  return n;
}

/* The value of @n (at most 9) ASCII digits. */
static int
digits_value (const char *p,
              gsize       n)
{
  int value = 0;

  for (gsize i = 0; i < n; i++)
    value = value * 10 + (p[i] - '0');

  return value;
}

/* Whether a token may end at @p: the end, a blank or a dash. */
static gboolean
at_boundary (const char *p)
{
  return *p == '\0' || dash_length (p) > 0 || is_blank (g_utf8_get_char (p));
}

/* NULL is "", invalid UTF-8 an error; otherwise a trimmed copy. */
static char *
prepare (const char *text,
         GError    **error)
{
  if (text == NULL)
    text = "";

  if (!g_utf8_validate (text, -1, NULL))
    {
      FAIL (error, ESC_CORE_ERROR_PARSE,
            _("expected text in UTF-8, found invalid bytes in “%s”"), text);
      return NULL;
    }

  return esc_strip_dup (text);
}

/* A time at @s: H:MM, HH:MM, HhMM, HHhMM, optionally followed by ":00". On SCAN_OK and
 * SCAN_RANGE *end is past the token, on SCAN_FORM it is @s. */
static ScanResult
scan_time (const char  *s,
           gboolean     allow_24,
           int         *minutes,
           const char **end)
{
  gsize n_hours = count_digits (s);
  const char *p = s + n_hours;
  char separator;
  int hours, mins;

  *end = s;

  if (n_hours < 1 || n_hours > 2)
    return SCAN_FORM;

  separator = *p;
  if (separator != ':' && separator != 'h' && separator != 'H')
    return SCAN_FORM;
  p++;

  if (count_digits (p) != 2)
    return SCAN_FORM;
  mins = digits_value (p, 2);
  p += 2;

  if (separator == ':' && p[0] == ':' && p[1] == '0' && p[2] == '0' && !g_ascii_isdigit (p[3]))
    p += 3;

  if (!at_boundary (p))
    return SCAN_FORM;

  *end = p;
  hours = digits_value (s, n_hours);

  if (allow_24 && hours == 24 && mins == 0)
    {
      *minutes = ESC_MINUTES_PER_DAY;
      return SCAN_OK;
    }

  if (hours > 23 || mins > 59)
    return SCAN_RANGE;

  *minutes = hours * 60 + mins;
  return SCAN_OK;
}

/* A date at @s: D/M/YYYY or D.M.YYYY (day and month of one or two digits, the German
 * form) or YYYY-M-D. *end as in scan_time(). */
static ScanResult
scan_date (const char  *s,
           EscJulian   *julian,
           const char **end)
{
  gsize n1 = count_digits (s);
  const char *p;
  int day, month, year;
  GDate date;

  *end = s;

  if (n1 >= 1 && n1 <= 2 && (s[n1] == '/' || s[n1] == '.'))
    {
      char separator = s[n1];
      gsize n2, n3;

      day = digits_value (s, n1);
      p = s + n1 + 1;
      n2 = count_digits (p);
      if (n2 < 1 || n2 > 2 || p[n2] != separator)
        return SCAN_FORM;
      month = digits_value (p, n2);
      p += n2 + 1;
      n3 = count_digits (p);
      if (n3 != 4)
        return SCAN_FORM;
      year = digits_value (p, 4);
      p += 4;
    }
  else if (n1 == 4 && s[4] == '-')
    {
      gsize n2, n3;

      year = digits_value (s, 4);
      p = s + 5;
      n2 = count_digits (p);
      if (n2 < 1 || n2 > 2 || p[n2] != '-')
        return SCAN_FORM;
      month = digits_value (p, n2);
      p += n2 + 1;
      n3 = count_digits (p);
      if (n3 < 1 || n3 > 2)
        return SCAN_FORM;
      day = digits_value (p, n3);
      p += n3;
    }
  else
    {
      return SCAN_FORM;
    }

  if (!at_boundary (p))
    return SCAN_FORM;

  *end = p;

  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return SCAN_RANGE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  *julian = g_date_get_julian (&date);

  return SCAN_OK;
}

/* A whole text (trimmed) as a number with "." or "," as the decimal separator. */
static ScanResult
scan_number (const char *t,
             double     *value)
{
  g_autofree char *copy = NULL;
  const char *p = t;
  gsize n_int, n_frac = 0;
  char *comma;
  char *end = NULL;
  double v;

  if (*p == '+' || *p == '-')
    p++;

  n_int = count_digits (p);
  p += n_int;
  if (*p == '.' || *p == ',')
    {
      p++;
      n_frac = count_digits (p);
      p += n_frac;
    }

  if (n_int + n_frac == 0 || *p != '\0')
    return SCAN_FORM;

  copy = g_strdup (t);
  comma = strchr (copy, ',');
  if (comma != NULL)
    *comma = '.';

  errno = 0;
  v = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0')
    return SCAN_FORM;
  if (!isfinite (v))
    return SCAN_RANGE;

  *value = v;
  return SCAN_OK;
}

/* Hours in a trimmed text: a number or H+:MM. */
static ScanResult
scan_hours (const char *t,
            int        *minutes)
{
  gsize n_hours;
  double value;
  ScanResult result;

  if (t[0] == '-')
    {
      int ignored;

      if (t[1] == '-' || t[1] == '+')
        return SCAN_FORM;

      result = scan_hours (t + 1, &ignored);
      return result == SCAN_FORM ? SCAN_FORM : SCAN_NEGATIVE;
    }

  n_hours = count_digits (t);
  if (n_hours > 0 && (t[n_hours] == ':' || t[n_hours] == 'h' || t[n_hours] == 'H'))
    {
      const char *p = t + n_hours + 1;
      int mins;

      if (count_digits (p) != 2 || p[2] != '\0')
        return SCAN_FORM;

      mins = digits_value (p, 2);
      while (n_hours > 1 && *t == '0')
        {
          t++;
          n_hours--;
        }
      if (mins > 59 || n_hours > 7)
        return SCAN_RANGE;

      *minutes = digits_value (t, n_hours) * 60 + mins;
      return SCAN_OK;
    }

  result = scan_number (t, &value);
  if (result != SCAN_OK)
    return result;

  /* A leading "+" is fine, "-" was handled above; "-0" never gets here. */
  if (value > MAX_HOURS)
    return SCAN_RANGE;

  *minutes = (int) (value * 60.0 + 0.5);
  return SCAN_OK;
}

/* A trimmed, non-empty day range item: "N" or "N - M". */
static ScanResult
scan_day_range (const char  *t,
                EscDayRange *range)
{
  const char *p = t;
  gsize n1, n2, dash;
  int first, last;

  n1 = count_digits (p);
  if (n1 == 0)
    return SCAN_FORM;
  first = n1 > 2 ? 99 : digits_value (p, n1);
  p = skip_blanks (p + n1);

  if (*p == '\0')
    {
      last = first;
    }
  else
    {
      dash = dash_length (p);
      if (dash == 0)
        return SCAN_FORM;
      p = skip_blanks (p + dash);
      n2 = count_digits (p);
      if (n2 == 0)
        return SCAN_FORM;
      last = n2 > 2 ? 99 : digits_value (p, n2);
      p = skip_blanks (p + n2);
      if (*p != '\0')
        return SCAN_FORM;
    }

  if (first < 1 || first > 31 || last < 1 || last > 31)
    return SCAN_RANGE;
  if (first > last)
    return SCAN_REVERSED;

  range->first = first;
  range->last = last;
  return SCAN_OK;
}

/* The error for a time token that scanned as @result. */
static void
fail_time_token (GError    **error,
                 ScanResult  result,
                 gboolean    allow_24,
                 const char *found)
{
  EscCoreError code = result == SCAN_RANGE ? ESC_CORE_ERROR_RANGE : ESC_CORE_ERROR_PARSE;

  if (allow_24)
    FAIL (error, code, _("expected a time as HH:MM (00:00 to 24:00), found “%s”"), found);
  else
    FAIL (error, code, _("expected a time as HH:MM (00:00 to 23:59), found “%s”"), found);
}

static void
fail_date_token (GError    **error,
                 ScanResult  result,
                 const char *found)
{
  if (result == SCAN_RANGE)
    FAIL (error, ESC_CORE_ERROR_RANGE,
          _("expected an existing date from 01/01/1900 to 31/12/9999, found “%s”"), found);
  else
    FAIL (error, ESC_CORE_ERROR_PARSE,
          _("expected a date as DD/MM/YYYY or YYYY-MM-DD, found “%s”"), found);
}

static void
fail_leave_form (GError    **error,
                 const char *found)
{
  FAIL (error, ESC_CORE_ERROR_PARSE,
        _("expected leave as DD/MM/YYYY, DD/MM/YYYY - DD/MM/YYYY or "
          "DD/MM/YYYY HH:MM - DD/MM/YYYY HH:MM, found “%s”"), found);
}

/* Fails for the token [start, end) of @item; prefixes the item when it has more. */
static void
fail_leave_token (GError    **error,
                  const char *item,
                  const char *start,
                  const char *end,
                  ScanResult  result,
                  gboolean    is_time,
                  gboolean    allow_24)
{
  g_autofree char *token = g_strndup (start, end - start);

  if (is_time)
    fail_time_token (error, result, allow_24, token);
  else
    fail_date_token (error, result, token);

  if (strcmp (token, item) != 0)
    PREFIX (error, _("in the leave “%s”: "), item);
}

/* One trimmed, non-empty leave item. */
static gboolean
parse_leave_item (const char  *item,
                  EscInterval *interval,
                  GError     **error)
{
  const char *p = item;
  const char *end;
  EscJulian d1 = 0, d2 = 0;
  int t1 = 0, t2 = 0;
  gboolean has_t1 = FALSE, has_d2 = FALSE, has_t2 = FALSE;
  EscInstant start, finish;
  ScanResult result;
  gsize dash;

  result = scan_date (p, &d1, &end);
  if (result == SCAN_FORM)
    goto bad_form;
  if (result != SCAN_OK)
    {
      fail_leave_token (error, item, p, end, result, FALSE, FALSE);
      return FALSE;
    }
  p = skip_blanks (end);

  if (g_ascii_isdigit (*p))
    {
      result = scan_time (p, FALSE, &t1, &end);
      if (result == SCAN_FORM)
        goto bad_form;
      if (result != SCAN_OK)
        {
          fail_leave_token (error, item, p, end, result, TRUE, FALSE);
          return FALSE;
        }
      has_t1 = TRUE;
      p = skip_blanks (end);
    }

  if (*p == '\0')
    {
      /* A single day; a lone instant ("01/03/2026 08:00") is not a leave. */
      if (has_t1)
        goto bad_form;
      interval->start = (EscInstant) d1 * ESC_MINUTES_PER_DAY;
      interval->end = ((EscInstant) d1 + 1) * ESC_MINUTES_PER_DAY;
      return TRUE;
    }

  dash = dash_length (p);
  if (dash == 0)
    goto bad_form;
  p = skip_blanks (p + dash);

  result = scan_date (p, &d2, &end);
  if (result == SCAN_OK)
    {
      has_d2 = TRUE;
      p = skip_blanks (end);
      if (g_ascii_isdigit (*p))
        {
          result = scan_time (p, TRUE, &t2, &end);
          if (result == SCAN_FORM)
            goto bad_form;
          if (result != SCAN_OK)
            {
              fail_leave_token (error, item, p, end, result, TRUE, TRUE);
              return FALSE;
            }
          has_t2 = TRUE;
          p = skip_blanks (end);
        }
    }
  else if (result == SCAN_RANGE)
    {
      fail_leave_token (error, item, p, end, result, FALSE, FALSE);
      return FALSE;
    }
  else
    {
      /* "DD/MM/YYYY HH:MM - HH:MM": the same day. */
      if (!has_t1)
        goto bad_form;
      result = scan_time (p, TRUE, &t2, &end);
      if (result == SCAN_FORM)
        goto bad_form;
      if (result != SCAN_OK)
        {
          fail_leave_token (error, item, p, end, result, TRUE, TRUE);
          return FALSE;
        }
      has_t2 = TRUE;
      p = skip_blanks (end);
    }

  if (*p != '\0')
    goto bad_form;

  start = (EscInstant) d1 * ESC_MINUTES_PER_DAY + t1;
  if (!has_d2)
    {
      finish = (EscInstant) d1 * ESC_MINUTES_PER_DAY + t2;
      if (finish <= start && t2 != t1)
        finish += ESC_MINUTES_PER_DAY;
    }
  else if (has_t2)
    {
      finish = (EscInstant) d2 * ESC_MINUTES_PER_DAY + t2;
    }
  else
    {
      finish = ((EscInstant) d2 + 1) * ESC_MINUTES_PER_DAY;
    }

  if (finish < start || (has_d2 && d2 < d1))
    {
      FAIL (error, ESC_CORE_ERROR_INVALID,
            _("expected leave that ends after it starts, found “%s”"), item);
      return FALSE;
    }
  if (finish == start)
    {
      FAIL (error, ESC_CORE_ERROR_INVALID,
            _("expected leave that lasts some time, found “%s”, which ends when it starts"),
            item);
      return FALSE;
    }

  interval->start = start;
  interval->end = finish;
  return TRUE;

bad_form:
  fail_leave_form (error, item);
  return FALSE;
}

static int
compare_intervals (gconstpointer a,
                   gconstpointer b)
{
  const EscInterval *ia = a;
  const EscInterval *ib = b;

  if (ia->start != ib->start)
    return ia->start < ib->start ? -1 : 1;
  if (ia->end != ib->end)
    return ia->end < ib->end ? -1 : 1;
  return 0;
}

static gboolean
is_list_separator (char c)
{
  return c == ',' || c == ';';
}

gboolean
esc_parse_time (const char *text,
                gboolean    allow_24,
                int        *minutes,
                GError    **error)
{
  g_autofree char *t = prepare (text, error);
  const char *end;
  ScanResult result;
  int value = 0;

  if (t == NULL)
    return FALSE;

  result = scan_time (t, allow_24, &value, &end);
  if (result != SCAN_FORM && *end != '\0')
    result = SCAN_FORM;

  if (result != SCAN_OK)
    {
      fail_time_token (error, result, allow_24, t);
      return FALSE;
    }

  if (minutes != NULL)
    *minutes = value;
  return TRUE;
}

/* Minutes outside 0..1440 wrap around the day. */
char *
esc_format_time (int minutes)
{
  if (minutes != ESC_MINUTES_PER_DAY)
    minutes = ((minutes % ESC_MINUTES_PER_DAY) + ESC_MINUTES_PER_DAY) % ESC_MINUTES_PER_DAY;

  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

gboolean
esc_parse_window (const char *text,
                  EscWindow  *window,
                  GError    **error)
{
  g_autofree char *t = prepare (text, error);
  const char *p, *end;
  int start = 0, finish = 0;
  ScanResult result;
  gsize dash;
  gboolean is_end = FALSE;

  if (t == NULL)
    return FALSE;

  p = t;
  result = scan_time (p, FALSE, &start, &end);
  if (result == SCAN_FORM)
    goto bad_form;
  if (result != SCAN_OK)
    goto bad_time;

  p = skip_blanks (end);
  dash = dash_length (p);
  if (dash == 0)
    goto bad_form;
  p = skip_blanks (p + dash);

  is_end = TRUE;
  result = scan_time (p, TRUE, &finish, &end);
  if (result == SCAN_FORM || *skip_blanks (end) != '\0')
    goto bad_form;
  if (result != SCAN_OK)
    goto bad_time;

  if (finish == start)
    {
      FAIL (error, ESC_CORE_ERROR_INVALID,
            _("expected a time window whose end differs from its start, found “%s”"), t);
      return FALSE;
    }

  if (finish < start)
    finish += ESC_MINUTES_PER_DAY;

  if (window != NULL)
    {
      window->start = start;
      window->end = finish;
    }
  return TRUE;

bad_form:
  FAIL (error, ESC_CORE_ERROR_PARSE,
        _("expected a time window as HH:MM - HH:MM, found “%s”"), t);
  return FALSE;

bad_time:
  {
    g_autofree char *token = g_strndup (p, end - p);

    fail_time_token (error, result, is_end, token);
    PREFIX (error, _("in the time window “%s”: "), t);
    return FALSE;
  }
}

char *
esc_format_window (const EscWindow *window)
{
  g_autofree char *start = NULL;
  g_autofree char *finish = NULL;

  g_return_val_if_fail (window != NULL, g_strdup (""));

  start = esc_format_time (window->start);
  finish = esc_format_time (window->end > ESC_MINUTES_PER_DAY
                              ? window->end - ESC_MINUTES_PER_DAY
                              : window->end);

  return g_strdup_printf ("%s - %s", start, finish);
}

gboolean
esc_parse_date (const char *text,
                EscJulian  *julian,
                GError    **error)
{
  g_autofree char *t = prepare (text, error);
  EscJulian value = 0;
  const char *end;
  ScanResult result;

  if (t == NULL)
    return FALSE;

  result = scan_date (t, &value, &end);
  if (result != SCAN_FORM && *end != '\0')
    result = SCAN_FORM;

  if (result != SCAN_OK)
    {
      fail_date_token (error, result, t);
      return FALSE;
    }

  if (julian != NULL)
    *julian = value;
  return TRUE;
}

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

/* 0 and days after 9999-12-31 give "". */
char *
esc_format_date (EscJulian julian)
{
  GDate date;

  if (!julian_to_date (julian, &date))
    return g_strdup ("");

  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (&date),
                          (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
}

char *
esc_format_date_dmy (EscJulian julian)
{
  GDate date;

  if (!julian_to_date (julian, &date))
    return g_strdup ("");

  return g_strdup_printf ("%02u/%02u/%04u", (guint) g_date_get_day (&date),
                          (guint) g_date_get_month (&date), (guint) g_date_get_year (&date));
}

EscWeekday
esc_julian_weekday (EscJulian julian)
{
  GDate date;

  g_return_val_if_fail (julian != 0, ESC_MON);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return (EscWeekday) (g_date_get_weekday (&date) - G_DATE_MONDAY);
}

int
esc_julian_day_of_month (EscJulian julian)
{
  GDate date;

  g_return_val_if_fail (julian != 0 && julian <= MAX_JULIAN, 1);

  julian_to_date (julian, &date);
  return g_date_get_day (&date);
}

gboolean
esc_parse_weekday (const char *text,
                   EscWeekday *weekday,
                   GError    **error)
{
  g_autofree char *t = prepare (text, error);
  g_autofree char *key = NULL;

  if (t == NULL)
    return FALSE;

  key = esc_fold_key (t);
  for (guint day = 0; day < ESC_N_WEEKDAYS; day++)
    for (guint i = 0; weekday_names[day][i] != NULL; i++)
      if (strcmp (key, weekday_names[day][i]) == 0)
        {
          if (weekday != NULL)
            *weekday = (EscWeekday) day;
          return TRUE;
        }

  FAIL (error, ESC_CORE_ERROR_PARSE,
        _("expected a weekday (mon, tue, wed, thu, fri, sat, sun or "
          "seg, ter, qua, qui, sex, sab, dom), found “%s”"), t);
  return FALSE;
}

const char *
esc_weekday_code (EscWeekday weekday)
{
  g_return_val_if_fail ((guint) weekday < ESC_N_WEEKDAYS, "");

  return weekday_names[weekday][0];
}

/* Separated by commas, semicolons or blanks. */
gboolean
esc_parse_weekday_set (const char    *text,
                       EscWeekdaySet *set,
                       GError       **error)
{
  g_autofree char *t = prepare (text, error);
  EscWeekdaySet value = 0;
  const char *p;

  if (t == NULL)
    return FALSE;

  p = t;
  while (*p != '\0')
    {
      const char *start;
      g_autofree char *token = NULL;
      EscWeekday day;

      while (*p != '\0' && (is_list_separator (*p) || is_blank (g_utf8_get_char (p))))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      start = p;
      while (*p != '\0' && !is_list_separator (*p) && !is_blank (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      token = g_strndup (start, p - start);
      if (!esc_parse_weekday (token, &day, error))
        {
          if (strcmp (token, t) != 0)
            PREFIX (error, _("in the list of weekdays “%s”: "), t);
          return FALSE;
        }
      value |= 1 << day;
    }

  if (set != NULL)
    *set = value;
  return TRUE;
}

char *
esc_format_weekday_set (EscWeekdaySet set)
{
  GString *out = g_string_new (NULL);

  for (guint day = 0; day < ESC_N_WEEKDAYS; day++)
    if (set & (1 << day))
      {
        if (out->len > 0)
          g_string_append (out, ", ");
        g_string_append (out, weekday_names[day][0]);
      }

  return g_string_free (out, FALSE);
}

gboolean
esc_parse_leave (const char *text,
                 GArray    **intervals,
                 GError    **error)
{
  g_autofree char *t = prepare (text, error);
  g_autoptr(GArray) result = NULL;
  const char *item_start;

  if (t == NULL)
    return FALSE;

  result = g_array_new (FALSE, FALSE, sizeof (EscInterval));

  item_start = t;
  for (const char *p = t;; p++)
    {
      if (*p == '\0' || is_list_separator (*p))
        {
          g_autofree char *raw = g_strndup (item_start, p - item_start);
          g_autofree char *item = esc_strip_dup (raw);
          EscInterval interval;

          if (*item != '\0')
            {
              if (!parse_leave_item (item, &interval, error))
                return FALSE;
              g_array_append_val (result, interval);
            }

          if (*p == '\0')
            break;
          item_start = p + 1;
        }
    }

  g_array_sort (result, compare_intervals);

  if (intervals != NULL)
    *intervals = g_steal_pointer (&result);
  return TRUE;
}

gboolean
esc_parse_hours (const char *text,
                 int        *minutes,
                 GError    **error)
{
  g_autofree char *t = prepare (text, error);
  ScanResult result;
  int value = 0;

  if (t == NULL)
    return FALSE;

  result = scan_hours (t, &value);
  switch (result)
    {
    case SCAN_OK:
      if (minutes != NULL)
        *minutes = value;
      return TRUE;

    case SCAN_NEGATIVE:
      FAIL (error, ESC_CORE_ERROR_RANGE,
            _("expected a number of hours that is not negative, found “%s”"), t);
      return FALSE;

    case SCAN_RANGE:
      FAIL (error, ESC_CORE_ERROR_RANGE,
            _("expected hours from 0 to 9999999 with minutes from 00 to 59, found “%s”"), t);
      return FALSE;

    case SCAN_FORM:
    case SCAN_REVERSED:
    default:
      FAIL (error, ESC_CORE_ERROR_PARSE,
            _("expected hours as a number (such as 44 or 7.5) or as HH:MM (such as 07:30), "
              "found “%s”"), t);
      return FALSE;
    }
}

/* Negative minutes get a leading "-". */
char *
esc_format_hours (int minutes)
{
  gint64 value = minutes;
  gboolean negative = value < 0;

  if (negative)
    value = -value;

  return g_strdup_printf ("%s%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT,
                          negative ? "-" : "", value / 60, value % 60);
}

gboolean
esc_parse_worked (const char *text,
                  int        *minutes,
                  gboolean   *is_compensation,
                  GError    **error)
{
  g_autofree char *t = prepare (text, error);
  ScanResult result;
  int value = 0;

  if (t == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (t, "c") == 0)
    {
      if (minutes != NULL)
        *minutes = 0;
      if (is_compensation != NULL)
        *is_compensation = TRUE;
      return TRUE;
    }

  result = scan_hours (t, &value);
  if (result == SCAN_OK && value > ESC_MINUTES_PER_DAY)
    result = SCAN_RANGE;

  switch (result)
    {
    case SCAN_OK:
      if (minutes != NULL)
        *minutes = value;
      if (is_compensation != NULL)
        *is_compensation = FALSE;
      return TRUE;

    case SCAN_NEGATIVE:
      FAIL (error, ESC_CORE_ERROR_RANGE,
            _("expected worked time that is not negative, found “%s”"), t);
      return FALSE;

    case SCAN_RANGE:
      FAIL (error, ESC_CORE_ERROR_RANGE,
            _("expected worked time from 00:00 to 24:00 in a day, found “%s”"), t);
      return FALSE;

    case SCAN_FORM:
    case SCAN_REVERSED:
    default:
      FAIL (error, ESC_CORE_ERROR_PARSE,
            _("expected worked time as HH:MM, a number of hours or C (a compensation day), "
              "found “%s”"), t);
      return FALSE;
    }
}

gboolean
esc_parse_int (const char *text,
               gint64     *value,
               GError    **error)
{
  g_autofree char *t = prepare (text, error);
  const char *p;
  char *end = NULL;
  gint64 number;

  if (t == NULL)
    return FALSE;

  p = t;
  if (*p == '+' || *p == '-')
    p++;
  if (count_digits (p) == 0 || p[count_digits (p)] != '\0')
    {
      FAIL (error, ESC_CORE_ERROR_PARSE, _("expected a whole number, found “%s”"), t);
      return FALSE;
    }

  errno = 0;
  number = g_ascii_strtoll (t, &end, 10);
  if (errno == ERANGE)
    {
      FAIL (error, ESC_CORE_ERROR_RANGE,
            _("expected a whole number from -9223372036854775808 to 9223372036854775807, "
              "found “%s”"), t);
      return FALSE;
    }

  if (value != NULL)
    *value = number;
  return TRUE;
}

gboolean
esc_parse_number (const char *text,
                  double     *value,
                  GError    **error)
{
  g_autofree char *t = prepare (text, error);
  ScanResult result;
  double number = 0.0;

  if (t == NULL)
    return FALSE;

  result = scan_number (t, &number);
  if (result == SCAN_RANGE)
    {
      FAIL (error, ESC_CORE_ERROR_RANGE,
            _("expected a number small enough to compute with, found “%s”"), t);
      return FALSE;
    }
  if (result != SCAN_OK)
    {
      FAIL (error, ESC_CORE_ERROR_PARSE,
            _("expected a number such as 7.5 or 7,5, found “%s”"), t);
      return FALSE;
    }

  if (value != NULL)
    *value = number;
  return TRUE;
}

gboolean
esc_parse_bool (const char *text,
                gboolean   *value,
                GError    **error)
{
  g_autofree char *t = prepare (text, error);
  g_autofree char *key = NULL;

  if (t == NULL)
    return FALSE;

  key = esc_fold_key (t);
  for (guint i = 0; i < G_N_ELEMENTS (bool_true); i++)
    if (strcmp (key, bool_true[i]) == 0)
      {
        if (value != NULL)
          *value = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (bool_false); i++)
    if (strcmp (key, bool_false[i]) == 0)
      {
        if (value != NULL)
          *value = FALSE;
        return TRUE;
      }

  FAIL (error, ESC_CORE_ERROR_PARSE,
        _("expected yes or no (sim/não, s/n, yes/no, y/n, true/false, "
          "verdadeiro/falso, 1/0 or x for yes), found “%s”"), t);
  return FALSE;
}

gboolean
esc_parse_day_ranges (const char *text,
                      GArray    **ranges,
                      GError    **error)
{
  g_autofree char *t = prepare (text, error);
  g_autoptr(GArray) result = NULL;
  const char *item_start;

  if (t == NULL)
    return FALSE;

  result = g_array_new (FALSE, FALSE, sizeof (EscDayRange));

  item_start = t;
  for (const char *p = t;; p++)
    {
      if (*p == '\0' || is_list_separator (*p))
        {
          g_autofree char *raw = g_strndup (item_start, p - item_start);
          g_autofree char *item = esc_strip_dup (raw);
          EscDayRange range;

          if (*item != '\0')
            {
              switch (scan_day_range (item, &range))
                {
                case SCAN_OK:
                  g_array_append_val (result, range);
                  break;

                case SCAN_RANGE:
                  FAIL (error, ESC_CORE_ERROR_RANGE,
                        _("expected days of the month from 1 to 31, found “%s”"), item);
                  return FALSE;

                case SCAN_REVERSED:
                  FAIL (error, ESC_CORE_ERROR_INVALID,
                        _("expected a range of days whose first day is not after its last "
                          "(write “25-31, 1-5” for days around the turn of the month), "
                          "found “%s”"), item);
                  return FALSE;

                case SCAN_FORM:
                case SCAN_NEGATIVE:
                default:
                  FAIL (error, ESC_CORE_ERROR_PARSE,
                        _("expected days of the month such as “25-31, 1-5”, found “%s”"),
                        item);
                  return FALSE;
                }
            }

          if (*p == '\0')
            break;
          item_start = p + 1;
        }
    }

  if (ranges != NULL)
    *ranges = g_steal_pointer (&result);
  return TRUE;
}

char **
esc_split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *item = esc_strip_dup (parts[i]);

      if (*item != '\0')
        g_ptr_array_add (items, item);
      else
        g_free (item);
    }

  g_ptr_array_add (items, NULL);
  return (char **) g_ptr_array_free (items, FALSE);
}

/* Text that is not UTF-8 is trimmed of ASCII white space only. */
char *
esc_strip_dup (const char *text)
{
  const char *start, *end;

  if (text == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (text, -1, NULL))
    return g_strstrip (g_strdup (text));

  start = skip_blanks (text);
  end = start;
  for (const char *p = start; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_blank (g_utf8_get_char (p)))
      end = g_utf8_next_char (p);

  return g_strndup (start, end - start);
}

/* Bytes that are not UTF-8 become U+FFFD first. */
char *
esc_fold_key (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *folded = g_utf8_casefold (valid, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) out = g_string_sized_new (strlen (folded));
  gboolean pending_space = FALSE;

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0300 && c <= 0x036F)
        continue;

      if (is_blank (c))
        {
          pending_space = TRUE;
          continue;
        }

      if (pending_space && out->len > 0)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_utf8_normalize (out->str, -1, G_NORMALIZE_NFC);
}
