/* test-parse.c: the parsers and formatters of src/core/esc-parse.c.
 *
 * Table-driven: each table lists good input with the expected value, or bad input with
 * the expected error code and a piece of text the message must quote. A failing case
 * is reported with g_test_fail_printf() so one run shows every failing row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib.h>

#include "core/esc-error.h"
#include "core/esc-parse.h"
#include "test-core.h"

typedef struct
{
  const char *text;
  EscCoreError code;
  const char *needle;  /* the message must contain it; NULL: the text itself */
} BadCase;

#define PARSE ESC_CORE_ERROR_PARSE
#define RANGE ESC_CORE_ERROR_RANGE
#define INVALID ESC_CORE_ERROR_INVALID

static EscJulian
dmy (int day,
     int month,
     int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static EscInstant
instant (int day,
         int month,
         int year,
         int minutes)
{
  return (EscInstant) dmy (day, month, year) * ESC_MINUTES_PER_DAY + minutes;
}

static gboolean
check_error (const char   *what,
             const char   *text,
             gboolean      ok,
             const GError *error,
             EscCoreError  code,
             const char   *needle)
{
  g_autofree char *stripped = esc_strip_dup (text);

  if (needle == NULL)
    needle = stripped;

  if (ok)
    {
      g_test_fail_printf ("%s: “%s” was accepted", what, text);
      return FALSE;
    }
  if (error == NULL)
    {
      g_test_fail_printf ("%s: “%s” failed without an error", what, text);
      return FALSE;
    }
  if (!g_error_matches (error, ESC_CORE_ERROR, code))
    {
      g_test_fail_printf ("%s: “%s”: expected code %d, got %s %d: %s", what, text, code,
                          g_quark_to_string (error->domain), error->code, error->message);
      return FALSE;
    }
  if (!g_utf8_validate (error->message, -1, NULL))
    {
      g_test_fail_printf ("%s: “%s”: the message is not UTF-8", what, text);
      return FALSE;
    }
  if (strstr (error->message, needle) == NULL)
    {
      g_test_fail_printf ("%s: “%s”: the message “%s” does not mention “%s”", what, text,
                          error->message, needle);
      return FALSE;
    }
  if (strstr (error->message, "expected") == NULL)
    {
      g_test_fail_printf ("%s: “%s”: the message “%s” does not say what was expected", what,
                          text, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Checks a failed parse of @text and frees @error. */
static gboolean
check_failure (const char  *what,
               const char  *text,
               gboolean     ok,
               GError      *error,
               EscCoreError code,
               const char  *needle)
{
  gboolean good = check_error (what, text, ok, error, code, needle);

  g_clear_error (&error);
  return good;
}

/* Checks a successful parse of @text and frees @error. */
static void
check_accepted (const char *what,
                const char *text,
                gboolean    ok,
                GError     *error)
{
  if (!ok)
    g_test_fail_printf ("%s: “%s” was rejected: %s", what, text,
                        error != NULL ? error->message : "(no error)");
  g_clear_error (&error);
}

/* Strings */

static void
test_strip (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "", "" },
    { "a", "a" },
    { "  a  ", "a" },
    { " \n\r\t\v\f ", "" },
    { "\u00a0\tfoo  bar\u2003", "foo  bar" },
    { "\ufeffid", "id" },
    { "a\u200b", "a" },
    { "\u3000全角\u3000", "全角" },
    { "Função ", "Função" },
    { "\xff abc \t", "\xff abc" },  /* not UTF-8: ASCII white space only */
  };
  g_autofree char *null_result = esc_strip_dup (NULL);

  g_assert_cmpstr (null_result, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = esc_strip_dup (cases[i].text);

      if (g_strcmp0 (result, cases[i].expected) != 0)
        g_test_fail_printf ("strip “%s”: got “%s”, expected “%s”", cases[i].text, result,
                            cases[i].expected);
    }
}

static void
test_fold_key (void)
{
  static const struct { const char *text; const char *expected; } cases[] = {
    { "", "" },
    { "funcao", "funcao" },
    { "  Função ", "funcao" },
    { "FUNÇÃO", "funcao" },
    { "Func\u0327a\u0303o", "funcao" },  /* already decomposed */
    { "Função   de \t Caixa", "funcao de caixa" },
    { "Ação\u00a0\u00a0Rápida", "acao rapida" },
    { "ÀÉÎÕÜ àéîõü", "aeiou aeiou" },
    { "naïve café", "naive cafe" },
    { "Straße", "strasse" },
    { "ID Loja", "id loja" },
    { "a\tb\nc", "a b c" },
    { "\ufeffHorário", "horario" },
    { "Sáb", "sab" },
    { "Terça-Feira", "terca-feira" },
    { "\xff" "abc", "\ufffd" "abc" },
    { "日本語", "日本語" },
  };
  g_autofree char *null_result = esc_fold_key (NULL);
  g_autofree char *a = esc_fold_key ("Função");
  g_autofree char *b = esc_fold_key ("funcao");

  g_assert_cmpstr (null_result, ==, "");
  g_assert_cmpstr (a, ==, b);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = esc_fold_key (cases[i].text);

      if (g_strcmp0 (result, cases[i].expected) != 0)
        g_test_fail_printf ("fold “%s”: got “%s”, expected “%s”", cases[i].text, result,
                            cases[i].expected);
    }
}

static void
test_split_list (void)
{
  static const struct { const char *text; const char *expected[4]; } cases[] = {
    { "", { NULL } },
    { "   ", { NULL } },
    { ",", { NULL } },
    { "single", { "single", NULL } },
    { "a, b ,c", { "a", "b", "c", NULL } },
    { " , a,, b ,", { "a", "b", NULL } },
    { "x y, z", { "x y", "z", NULL } },
    { "\u00a0loja-1\u00a0,loja-2", { "loja-1", "loja-2", NULL } },
  };
  g_auto(GStrv) null_result = esc_split_list (NULL);

  g_assert_nonnull (null_result);
  g_assert_null (null_result[0]);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) result = esc_split_list (cases[i].text);

      g_assert_nonnull (result);
      if (!g_strv_equal ((const char * const *) result, cases[i].expected))
        {
          g_autofree char *joined = g_strjoinv ("|", result);
          g_test_fail_printf ("split “%s”: got “%s”", cases[i].text, joined);
        }
    }
}

/* Times and windows */

static void
test_time_good (void)
{
  static const struct { const char *text; gboolean allow_24; int expected; } cases[] = {
    { "00:00", FALSE, 0 },
    { "0:00", FALSE, 0 },
    { "1:00", FALSE, 60 },
    { "7:05", FALSE, 425 },
    { "07:05", FALSE, 425 },
    { "12:00", FALSE, 720 },
    { "23:59", FALSE, 1439 },
    { "  08:30  ", FALSE, 510 },
    { "\u00a009:15\t", FALSE, 555 },
    { "8h30", FALSE, 510 },
    { "08H30", FALSE, 510 },
    { "12:00:00", FALSE, 720 },
    { "23:59", TRUE, 1439 },
    { "24:00", TRUE, 1440 },
    { "24h00", TRUE, 1440 },
    { "24:00:00", TRUE, 1440 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      int minutes = -1;
      gboolean ok = esc_parse_time (cases[i].text, cases[i].allow_24, &minutes, &error);

      check_accepted ("time", cases[i].text, ok, error);
      if (ok && minutes != cases[i].expected)
        g_test_fail_printf ("time “%s”: got %d, expected %d", cases[i].text, minutes,
                            cases[i].expected);
    }
}

static void
test_time_bad (void)
{
  static const BadCase cases[] = {
    { "", PARSE, "expected a time as HH:MM (00:00 to 23:59)" },
    { "   ", PARSE, "expected a time" },
    { "7:5", PARSE, NULL },
    { "07:5", PARSE, NULL },
    { "24:00", RANGE, NULL },
    { "25:10", RANGE, "expected a time as HH:MM (00:00 to 23:59), found “25:10”" },
    { "23:60", RANGE, NULL },
    { "99:99", RANGE, NULL },
    { "123:00", PARSE, NULL },
    { "12:345", PARSE, NULL },
    { "12", PARSE, NULL },
    { "1200", PARSE, NULL },
    { "12:", PARSE, NULL },
    { ":30", PARSE, NULL },
    { "12.30", PARSE, NULL },
    { "12,30", PARSE, NULL },
    { "12 : 30", PARSE, NULL },
    { "12:30 pm", PARSE, NULL },
    { "12:30x", PARSE, NULL },
    { "12:30-", PARSE, NULL },
    { "-1:00", PARSE, NULL },
    { "+1:00", PARSE, NULL },
    { "12:30:15", PARSE, NULL },
    { "12:30:00:00", PARSE, NULL },
    { "12h", PARSE, NULL },
    { "12h30:00", PARSE, NULL },
    { "１２:３０", PARSE, NULL },  /* full-width digits */
    { "abc", PARSE, NULL },
    { "10:00-18:00", PARSE, NULL },
  };
  static const BadCase cases_24[] = {
    { "24:01", RANGE, "expected a time as HH:MM (00:00 to 24:00), found “24:01”" },
    { "24:30", RANGE, NULL },
    { "25:00", RANGE, NULL },
    { "7:5", PARSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      int minutes = -1;
      gboolean ok = esc_parse_time (cases[i].text, FALSE, &minutes, &error);

      check_failure ("time", cases[i].text, ok, error, cases[i].code, cases[i].needle);
      g_assert_cmpint (minutes, ==, -1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases_24); i++)
    {
      GError *error = NULL;
      gboolean ok = esc_parse_time (cases_24[i].text, TRUE, NULL, &error);

      check_failure ("time (24)", cases_24[i].text, ok, error, cases_24[i].code,
                     cases_24[i].needle);
    }
}

static void
test_time_format (void)
{
  static const struct { int minutes; const char *expected; } cases[] = {
    { 0, "00:00" },
    { 1, "00:01" },
    { 425, "07:05" },
    { 1439, "23:59" },
    { 1440, "24:00" },
    { 1500, "01:00" },  /* wraps around the day */
    { -60, "23:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = esc_format_time (cases[i].minutes);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* Every minute of the day survives a round trip. */
  for (int minutes = 0; minutes <= ESC_MINUTES_PER_DAY; minutes++)
    {
      g_autofree char *text = esc_format_time (minutes);
      int back = -1;

      g_assert_true (esc_parse_time (text, TRUE, &back, NULL));
      g_assert_cmpint (back, ==, minutes);
    }
}

static void
test_window_good (void)
{
  static const struct { const char *text; int start; int end; } cases[] = {
    { "10:00-18:20", 600, 1100 },
    { "14:00 – 22:00", 840, 1320 },
    { "14:00–22:00", 840, 1320 },
    { "08:00—12:00", 480, 720 },
    { "08:00 — 12:00", 480, 720 },
    { "  06:00   -   14:00  ", 360, 840 },
    { "06:00\u00a0–\u00a014:00", 360, 840 },
    { "\t06:00\t-\t14:00\t", 360, 840 },
    { "8h00 - 12h00", 480, 720 },
    { "8:00 - 9:30", 480, 570 },
    { "22:00 - 06:00", 1320, 1800 },
    { "22:00-00:00", 1320, 1440 },
    { "23:59 - 00:00", 1439, 1440 },
    { "00:00 - 24:00", 0, 1440 },
    { "18:00-24:00", 1080, 1440 },
    { "00:00-00:01", 0, 1 },
    { "10:00 - 09:59", 600, 2039 },
    { "10:00:00 - 18:00:00", 600, 1080 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      EscWindow window = { -1, -1 };
      gboolean ok = esc_parse_window (cases[i].text, &window, &error);

      check_accepted ("window", cases[i].text, ok, error);
      if (ok && (window.start != cases[i].start || window.end != cases[i].end))
        g_test_fail_printf ("window “%s”: got %d..%d, expected %d..%d", cases[i].text,
                            window.start, window.end, cases[i].start, cases[i].end);
      if (ok)
        {
          g_assert_cmpint (window.start, >=, 0);
          g_assert_cmpint (window.start, <, ESC_MINUTES_PER_DAY);
          g_assert_cmpint (window.end, >, window.start);
          g_assert_cmpint (window.end, <=, window.start + ESC_MINUTES_PER_DAY);
        }
    }
}

static void
test_window_bad (void)
{
  static const BadCase cases[] = {
    { "", PARSE, "expected a time window as HH:MM - HH:MM" },
    { "10:00", PARSE, NULL },
    { "10:00-", PARSE, NULL },
    { "-10:00", PARSE, NULL },
    { "10:00 18:00", PARSE, NULL },
    { "10:00 -- 18:00", PARSE, NULL },
    { "10:00 – – 18:00", PARSE, NULL },
    { "10:00 - 18:00 - 20:00", PARSE, NULL },
    { "10:00 ~ 18:00", PARSE, NULL },
    { "10:00 a 18:00", PARSE, NULL },
    { "10:00 to 18:00", PARSE, NULL },
    { "10:00 − 18:00", PARSE, NULL },  /* U+2212 minus sign */
    { "10:00-18:00x", PARSE, NULL },
    { "10-18", PARSE, NULL },
    { "7:5-8:00", PARSE, NULL },
    { "08:00-8:5", PARSE, NULL },
    { "25:00 - 26:00", RANGE, "found “25:00”" },
    { "25:00 - 26:00", RANGE, "in the time window “25:00 - 26:00”" },
    { "24:00 - 08:00", RANGE, "(00:00 to 23:59), found “24:00”" },
    { "10:00 - 24:01", RANGE, "(00:00 to 24:00), found “24:01”" },
    { "10:60 - 12:00", RANGE, "10:60" },
    { "10:00 - 10:00", INVALID, NULL },
    { "00:00 - 00:00", INVALID, NULL },
    { "10h00 - 10:00", INVALID, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      EscWindow window = { -1, -1 };
      gboolean ok = esc_parse_window (cases[i].text, &window, &error);

      check_failure ("window", cases[i].text, ok, error, cases[i].code, cases[i].needle);
      g_assert_cmpint (window.start, ==, -1);
      g_assert_cmpint (window.end, ==, -1);
    }
}

static void
test_window_format (void)
{
  static const struct { int start; int end; const char *expected; } cases[] = {
    { 480, 960, "08:00 - 16:00" },
    { 600, 1100, "10:00 - 18:20" },
    { 1320, 1800, "22:00 - 06:00" },
    { 1320, 1440, "22:00 - 24:00" },
    { 0, 1440, "00:00 - 24:00" },
    { 1439, 1440, "23:59 - 24:00" },
    { 600, 2039, "10:00 - 09:59" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EscWindow window = { cases[i].start, cases[i].end };
      EscWindow back = { -1, -1 };
      g_autofree char *text = esc_format_window (&window);

      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_true (esc_parse_window (text, &back, NULL));
      g_assert_cmpint (back.start, ==, window.start);
      g_assert_cmpint (back.end, ==, window.end);
    }
}

/* Dates */

static void
test_date_good (void)
{
  static const struct { const char *text; int day, month, year; } cases[] = {
    { "2026-03-01", 1, 3, 2026 },
    { "01/03/2026", 1, 3, 2026 },
    { "1/3/2026", 1, 3, 2026 },
    { "01/3/2026", 1, 3, 2026 },
    { "2026-3-1", 1, 3, 2026 },
    { " 15/08/2026 ", 15, 8, 2026 },
    { "\u00a02026-08-15\u00a0", 15, 8, 2026 },
    { "29/02/2024", 29, 2, 2024 },
    { "2024-02-29", 29, 2, 2024 },
    { "29/02/2000", 29, 2, 2000 },
    { "28/02/2026", 28, 2, 2026 },
    { "31/12/2025", 31, 12, 2025 },
    { "01/01/1900", 1, 1, 1900 },
    { "1900-01-01", 1, 1, 1900 },
    { "31/12/9999", 31, 12, 9999 },
    { "9999-12-31", 31, 12, 9999 },
    /* the German form */
    { "15.12.2026", 15, 12, 2026 },
    { "01.03.2026", 1, 3, 2026 },
    { "1.3.2026", 1, 3, 2026 },
    { "01.3.2026", 1, 3, 2026 },
    { " 15.08.2026 ", 15, 8, 2026 },
    { "29.02.2024", 29, 2, 2024 },
    { "01.01.1900", 1, 1, 1900 },
    { "31.12.9999", 31, 12, 9999 },
  };

  /* Fixed points: GLib's day 1 is 0001-01-01 (proleptic Gregorian). */
  g_assert_cmpuint (dmy (1, 3, 2026), ==, 739676);
  g_assert_cmpuint (dmy (1, 1, 1900), ==, 693596);
  g_assert_cmpuint (dmy (31, 12, 9999), ==, 3652059);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      EscJulian julian = 0;
      gboolean ok = esc_parse_date (cases[i].text, &julian, &error);
      EscJulian expected = dmy (cases[i].day, cases[i].month, cases[i].year);

      check_accepted ("date", cases[i].text, ok, error);
      if (ok && julian != expected)
        g_test_fail_printf ("date “%s”: got %u, expected %u", cases[i].text, julian,
                            expected);
    }
}

static void
test_date_bad (void)
{
  static const BadCase cases[] = {
    { "", PARSE, "expected a date as DD/MM/YYYY or YYYY-MM-DD" },
    { "31/02/2026", RANGE, "expected an existing date from 01/01/1900 to 31/12/9999, "
                           "found “31/02/2026”" },
    { "30/02/2024", RANGE, NULL },
    { "29/02/2026", RANGE, NULL },
    { "29/02/1900", RANGE, NULL },  /* 1900 was not a leap year */
    { "2026-02-29", RANGE, NULL },
    { "31/04/2026", RANGE, NULL },
    { "00/01/2026", RANGE, NULL },
    { "01/00/2026", RANGE, NULL },
    { "01/13/2026", RANGE, NULL },
    { "32/01/2026", RANGE, NULL },
    { "99/99/2026", RANGE, NULL },
    { "2026-13-01", RANGE, NULL },
    { "2026-01-32", RANGE, NULL },
    { "31/12/1899", RANGE, NULL },
    { "1899-12-31", RANGE, NULL },
    { "0000-01-01", RANGE, NULL },
    { "01/01/0001", RANGE, NULL },
    { "01/01/10000", PARSE, NULL },
    { "10000-01-01", PARSE, NULL },
    { "01/01/26", PARSE, NULL },
    { "2026/03/01", PARSE, NULL },
    { "01-03-2026", PARSE, NULL },
    { "31.02.2026", RANGE, "found “31.02.2026”" },
    { "29.02.2026", RANGE, NULL },
    { "32.12.2026", RANGE, NULL },
    { "15.13.2026", RANGE, NULL },
    { "15.12.1899", RANGE, NULL },
    { "15.12/2026", PARSE, NULL },
    { "15/12.2026", PARSE, NULL },
    { "15.12.26", PARSE, NULL },
    { "15.12.2026.", PARSE, NULL },
    { "15.12.20261", PARSE, NULL },
    { "2026.12.15", PARSE, NULL },
    { "15..2026", PARSE, NULL },
    { "015.12.2026", PARSE, NULL },
    { "15.012.2026", PARSE, NULL },
    { "15.12", PARSE, NULL },
    { "15,12,2026", PARSE, NULL },
    { "15.12.2026 08:00", PARSE, NULL },
    { "2026-03-01T00:00", PARSE, NULL },
    { "01/03/2026 08:00", PARSE, NULL },
    { "01/03/2026 x", PARSE, NULL },
    { "01/03/2026-", PARSE, NULL },
    { "001/03/2026", PARSE, NULL },
    { "01/003/2026", PARSE, NULL },
    { "2026-003-01", PARSE, NULL },
    { "2026-03-001", PARSE, NULL },
    { "03/2026", PARSE, NULL },
    { "2026-03", PARSE, NULL },
    { "01/03/2026/", PARSE, NULL },
    { "01//2026", PARSE, NULL },
    { "20260301", PARSE, NULL },
    { "99999999999999999999/01/2026", PARSE, NULL },
    { "01/01/99999999999999999999", PARSE, NULL },
    { "-01/03/2026", PARSE, NULL },
    { "hoje", PARSE, NULL },
    { "01/03/2026, 02/03/2026", PARSE, NULL },
    { "01/03/2026 - 02/03/2026", PARSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      EscJulian julian = 42;
      gboolean ok = esc_parse_date (cases[i].text, &julian, &error);

      check_failure ("date", cases[i].text, ok, error, cases[i].code, cases[i].needle);
      g_assert_cmpuint (julian, ==, 42);
    }
}

static void
test_date_format (void)
{
  static const struct { int day, month, year; const char *iso, *dmy; } cases[] = {
    { 1, 3, 2026, "2026-03-01", "01/03/2026" },
    { 29, 2, 2024, "2024-02-29", "29/02/2024" },
    { 1, 1, 1900, "1900-01-01", "01/01/1900" },
    { 31, 12, 9999, "9999-12-31", "31/12/9999" },
  };
  g_autofree char *zero = esc_format_date (0);
  g_autofree char *zero_dmy = esc_format_date_dmy (0);
  g_autofree char *beyond = esc_format_date (3652060);
  g_autofree char *beyond_dmy = esc_format_date_dmy (G_MAXUINT32);

  g_assert_cmpstr (zero, ==, "");
  g_assert_cmpstr (zero_dmy, ==, "");
  g_assert_cmpstr (beyond, ==, "");
  g_assert_cmpstr (beyond_dmy, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EscJulian julian = dmy (cases[i].day, cases[i].month, cases[i].year);
      g_autofree char *iso = esc_format_date (julian);
      g_autofree char *text_dmy = esc_format_date_dmy (julian);

      g_assert_cmpstr (iso, ==, cases[i].iso);
      g_assert_cmpstr (text_dmy, ==, cases[i].dmy);
    }

  /* Round trips over a few years, both forms. */
  for (EscJulian julian = dmy (1, 1, 2023); julian <= dmy (31, 12, 2028); julian++)
    {
      g_autofree char *iso = esc_format_date (julian);
      g_autofree char *text_dmy = esc_format_date_dmy (julian);
      EscJulian a = 0, b = 0;

      g_assert_true (esc_parse_date (iso, &a, NULL));
      g_assert_true (esc_parse_date (text_dmy, &b, NULL));
      g_assert_cmpuint (a, ==, julian);
      g_assert_cmpuint (b, ==, julian);
    }
}

static void
test_date_weekday (void)
{
  static const struct { int day, month, year; EscWeekday weekday; } cases[] = {
    { 1, 3, 2026, ESC_SUN },
    { 2, 3, 2026, ESC_MON },
    { 1, 1, 2026, ESC_THU },
    { 31, 12, 2025, ESC_WED },
    { 1, 1, 2027, ESC_FRI },
    { 29, 2, 2024, ESC_THU },
    { 1, 1, 1900, ESC_MON },
    { 31, 12, 9999, ESC_FRI },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EscJulian julian = dmy (cases[i].day, cases[i].month, cases[i].year);

      g_assert_cmpint (esc_julian_weekday (julian), ==, cases[i].weekday);
      g_assert_cmpint (esc_julian_day_of_month (julian), ==, cases[i].day);
    }

  g_assert_cmpint (esc_julian_weekday (1), ==, ESC_MON);  /* 0001-01-01 */
  for (EscJulian julian = dmy (1, 1, 1999); julian < dmy (1, 1, 2031); julian++)
    g_assert_cmpint (esc_julian_weekday (julian), ==, (julian - 1) % 7);
}

/* Weekdays */

static void
test_weekday_good (void)
{
  static const struct { const char *text; EscWeekday expected; } cases[] = {
    { "mon", ESC_MON }, { "tue", ESC_TUE }, { "wed", ESC_WED }, { "thu", ESC_THU },
    { "fri", ESC_FRI }, { "sat", ESC_SAT }, { "sun", ESC_SUN },
    { "seg", ESC_MON }, { "ter", ESC_TUE }, { "qua", ESC_WED }, { "qui", ESC_THU },
    { "sex", ESC_FRI }, { "sab", ESC_SAT }, { "sáb", ESC_SAT }, { "dom", ESC_SUN },
    { "Monday", ESC_MON }, { "TUESDAY", ESC_TUE }, { "wednesday", ESC_WED },
    { "Thursday", ESC_THU }, { "friday", ESC_FRI }, { "Saturday", ESC_SAT },
    { "sunday", ESC_SUN },
    { "MON", ESC_MON }, { "Sun", ESC_SUN }, { "SÁB", ESC_SAT }, { "Sab", ESC_SAT },
    { "  sun ", ESC_SUN }, { "\u00a0fri\u00a0", ESC_FRI },
    { "segunda", ESC_MON }, { "Segunda-feira", ESC_MON }, { "terça", ESC_TUE },
    { "Terça-Feira", ESC_TUE }, { "terca", ESC_TUE }, { "quarta-feira", ESC_WED },
    { "quinta", ESC_THU }, { "sexta-feira", ESC_FRI }, { "sábado", ESC_SAT },
    { "Sabado", ESC_SAT }, { "domingo", ESC_SUN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      EscWeekday weekday = ESC_N_WEEKDAYS;
      gboolean ok = esc_parse_weekday (cases[i].text, &weekday, &error);

      check_accepted ("weekday", cases[i].text, ok, error);
      if (ok && weekday != cases[i].expected)
        g_test_fail_printf ("weekday “%s”: got %d, expected %d", cases[i].text, weekday,
                            cases[i].expected);
    }

  for (EscWeekday day = ESC_MON; day < ESC_N_WEEKDAYS; day++)
    {
      EscWeekday back = ESC_N_WEEKDAYS;

      g_assert_true (esc_parse_weekday (esc_weekday_code (day), &back, NULL));
      g_assert_cmpint (back, ==, day);
    }
  g_assert_cmpstr (esc_weekday_code (ESC_MON), ==, "mon");
  g_assert_cmpstr (esc_weekday_code (ESC_SUN), ==, "sun");
}

static void
test_weekday_bad (void)
{
  static const BadCase cases[] = {
    { "", PARSE, "expected a weekday" },
    { "mo", PARSE, NULL },
    { "mond", PARSE, NULL },
    { "monday1", PARSE, NULL },
    { "lun", PARSE, NULL },
    { "lundi", PARSE, NULL },
    { "seg.", PARSE, NULL },
    { "mon,tue", PARSE, NULL },
    { "mon tue", PARSE, NULL },
    { "1", PARSE, NULL },
    { "x", PARSE, NULL },
    { "feira", PARSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      EscWeekday weekday = ESC_N_WEEKDAYS;
      gboolean ok = esc_parse_weekday (cases[i].text, &weekday, &error);

      check_failure ("weekday", cases[i].text, ok, error, cases[i].code, cases[i].needle);
      g_assert_cmpint (weekday, ==, ESC_N_WEEKDAYS);
    }
}

#define BIT(d) (1 << ESC_##d)

static void
test_weekday_set_good (void)
{
  static const struct { const char *text; EscWeekdaySet expected; } cases[] = {
    { "", 0 },
    { "  ", 0 },
    { " , ; ", 0 },
    { "fri, sat", BIT (FRI) | BIT (SAT) },
    { "sat sun", BIT (SAT) | BIT (SUN) },
    { "sat,sun", BIT (SAT) | BIT (SUN) },
    { "mon,tue;wed", BIT (MON) | BIT (TUE) | BIT (WED) },
    { "mon,,tue", BIT (MON) | BIT (TUE) },
    { "sun, sun", BIT (SUN) },
    { "Seg, Ter, Qua, Qui, Sex", BIT (MON) | BIT (TUE) | BIT (WED) | BIT (THU) | BIT (FRI) },
    { "sáb, dom", BIT (SAT) | BIT (SUN) },
    { "mon tue wed thu fri sat sun", 0x7f },
    { "\u00a0sun\u00a0", BIT (SUN) },
    { "Sunday, Saturday", BIT (SAT) | BIT (SUN) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      EscWeekdaySet set = 0xff;
      gboolean ok = esc_parse_weekday_set (cases[i].text, &set, &error);

      check_accepted ("weekday set", cases[i].text, ok, error);
      if (ok && set != cases[i].expected)
        g_test_fail_printf ("weekday set “%s”: got 0x%x, expected 0x%x", cases[i].text, set,
                            cases[i].expected);
    }
}

static void
test_weekday_set_bad (void)
{
  static const BadCase cases[] = {
    { "mon, xyz", PARSE, "found “xyz”" },
    { "mon, xyz", PARSE, "“mon, xyz”" },
    { "mon-fri", PARSE, NULL },
    { "funday", PARSE, NULL },
    { "sat, sun, 7", PARSE, "“7”" },
    { "segunda feira", PARSE, "“feira”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      EscWeekdaySet set = 0xff;
      gboolean ok = esc_parse_weekday_set (cases[i].text, &set, &error);

      check_failure ("weekday set", cases[i].text, ok, error, cases[i].code,
                     cases[i].needle);
      g_assert_cmpuint (set, ==, 0xff);
    }
}

static void
test_weekday_set_format (void)
{
  static const struct { EscWeekdaySet set; const char *expected; } cases[] = {
    { 0, "" },
    { BIT (FRI) | BIT (SAT), "fri, sat" },
    { BIT (SUN), "sun" },
    { BIT (SUN) | BIT (MON), "mon, sun" },
    { 0x7f, "mon, tue, wed, thu, fri, sat, sun" },
    { 0xff, "mon, tue, wed, thu, fri, sat, sun" },  /* the eighth bit is ignored */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = esc_format_weekday_set (cases[i].set);
      EscWeekdaySet back = 0xff;

      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_true (esc_parse_weekday_set (text, &back, NULL));
      g_assert_cmpuint (back, ==, cases[i].set & 0x7f);
    }
}

/* Leave */

typedef struct
{
  int d1, m1, y1, min1;
  int d2, m2, y2, min2;
} LeaveInterval;

typedef struct
{
  const char *text;
  guint n;
  LeaveInterval expected[4];
} LeaveCase;

static void
check_leave_cases (const LeaveCase *cases,
                   guint            n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      GError *error = NULL;
      g_autoptr(GArray) intervals = NULL;
      gboolean ok = esc_parse_leave (cases[i].text, &intervals, &error);

      check_accepted ("leave", cases[i].text, ok, error);
      if (!ok)
        continue;

      g_assert_nonnull (intervals);
      if (intervals->len != cases[i].n)
        {
          g_test_fail_printf ("leave “%s”: got %u intervals, expected %u", cases[i].text,
                              intervals->len, cases[i].n);
          continue;
        }

      for (guint k = 0; k < cases[i].n; k++)
        {
          const LeaveInterval *e = &cases[i].expected[k];
          const EscInterval *got = &g_array_index (intervals, EscInterval, k);
          EscInstant start = instant (e->d1, e->m1, e->y1, e->min1);
          EscInstant end = instant (e->d2, e->m2, e->y2, e->min2);

          if (got->start != start || got->end != end)
            g_test_fail_printf ("leave “%s” #%u: got %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT
                                ", expected %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT,
                                cases[i].text, k, got->start, got->end, start, end);
          g_assert_cmpint (got->end, >, got->start);
          if (k > 0)
            g_assert_cmpint (got->start, >=, g_array_index (intervals, EscInterval, k - 1).start);
        }
    }
}

static void
test_leave_single (void)
{
  static const LeaveCase cases[] = {
    { "", 0, { { 0 } } },
    { "   ", 0, { { 0 } } },
    { ",", 0, { { 0 } } },
    { "01/03/2026", 1, { { 1, 3, 2026, 0, 2, 3, 2026, 0 } } },
    { "2026-03-01", 1, { { 1, 3, 2026, 0, 2, 3, 2026, 0 } } },
    { "1/3/2026", 1, { { 1, 3, 2026, 0, 2, 3, 2026, 0 } } },
    { "  31/12/2025  ", 1, { { 31, 12, 2025, 0, 1, 1, 2026, 0 } } },
    { "28/02/2026", 1, { { 28, 2, 2026, 0, 1, 3, 2026, 0 } } },
    { "28.02.2026", 1, { { 28, 2, 2026, 0, 1, 3, 2026, 0 } } },
  };

  check_leave_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_leave_list (void)
{
  static const LeaveCase cases[] = {
    { "01/03/2026, 05/03/2026", 2,
      { { 1, 3, 2026, 0, 2, 3, 2026, 0 }, { 5, 3, 2026, 0, 6, 3, 2026, 0 } } },
    { "05/03/2026; 01/03/2026", 2,
      { { 1, 3, 2026, 0, 2, 3, 2026, 0 }, { 5, 3, 2026, 0, 6, 3, 2026, 0 } } },
    { "01/03/2026,,02/03/2026,", 2,
      { { 1, 3, 2026, 0, 2, 3, 2026, 0 }, { 2, 3, 2026, 0, 3, 3, 2026, 0 } } },
    { "01/03/2026, 01/03/2026", 2,
      { { 1, 3, 2026, 0, 2, 3, 2026, 0 }, { 1, 3, 2026, 0, 2, 3, 2026, 0 } } },
    { "2026-03-03,2026-03-02 ; 01/03/2026", 3,
      { { 1, 3, 2026, 0, 2, 3, 2026, 0 }, { 2, 3, 2026, 0, 3, 3, 2026, 0 },
        { 3, 3, 2026, 0, 4, 3, 2026, 0 } } },
    { "01/03/2026, 03/03/2026 - 05/03/2026; 10/03/2026 08:00 - 10/03/2026 12:00", 3,
      { { 1, 3, 2026, 0, 2, 3, 2026, 0 }, { 3, 3, 2026, 0, 6, 3, 2026, 0 },
        { 10, 3, 2026, 480, 10, 3, 2026, 720 } } },
    { "01/03/2026 - 05/03/2026, 02/03/2026", 2,
      { { 1, 3, 2026, 0, 6, 3, 2026, 0 }, { 2, 3, 2026, 0, 3, 3, 2026, 0 } } },
    { "02/03/2026, 01/03/2026 - 01/03/2026 06:00, 01/03/2026", 3,
      { { 1, 3, 2026, 0, 1, 3, 2026, 360 }, { 1, 3, 2026, 0, 2, 3, 2026, 0 },
        { 2, 3, 2026, 0, 3, 3, 2026, 0 } } },
  };

  check_leave_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_leave_range (void)
{
  static const LeaveCase cases[] = {
    { "01/03/2026 - 05/03/2026", 1, { { 1, 3, 2026, 0, 6, 3, 2026, 0 } } },
    { "01/03/2026-05/03/2026", 1, { { 1, 3, 2026, 0, 6, 3, 2026, 0 } } },
    { "01/03/2026–05/03/2026", 1, { { 1, 3, 2026, 0, 6, 3, 2026, 0 } } },
    { "01/03/2026 — 05/03/2026", 1, { { 1, 3, 2026, 0, 6, 3, 2026, 0 } } },
    { "01/03/2026\u00a0–\u00a005/03/2026", 1, { { 1, 3, 2026, 0, 6, 3, 2026, 0 } } },
    { "2026-03-01 - 2026-03-05", 1, { { 1, 3, 2026, 0, 6, 3, 2026, 0 } } },
    { "2026-03-01-2026-03-05", 1, { { 1, 3, 2026, 0, 6, 3, 2026, 0 } } },
    { "2026-03-01 - 05/03/2026", 1, { { 1, 3, 2026, 0, 6, 3, 2026, 0 } } },
    { "01/03/2026 - 01/03/2026", 1, { { 1, 3, 2026, 0, 2, 3, 2026, 0 } } },
    { "31/12/2025 - 02/01/2026", 1, { { 31, 12, 2025, 0, 3, 1, 2026, 0 } } },
    { "27/02/2024 - 01/03/2024", 1, { { 27, 2, 2024, 0, 2, 3, 2024, 0 } } },
    { "01.03.2026 - 05.03.2026", 1, { { 1, 3, 2026, 0, 6, 3, 2026, 0 } } },
    { "01.03.2026–05/03/2026", 1, { { 1, 3, 2026, 0, 6, 3, 2026, 0 } } },
    { "01.03.2026, 05.03.2026", 2,
      { { 1, 3, 2026, 0, 2, 3, 2026, 0 }, { 5, 3, 2026, 0, 6, 3, 2026, 0 } } },
  };

  check_leave_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_leave_datetime (void)
{
  static const LeaveCase cases[] = {
    { "01/03/2026 08:00 - 01/03/2026 12:00", 1, { { 1, 3, 2026, 480, 1, 3, 2026, 720 } } },
    { "2026-03-01 08:00 - 2026-03-01 12:00", 1, { { 1, 3, 2026, 480, 1, 3, 2026, 720 } } },
    { "01/03/2026 08:00–01/03/2026 12:00", 1, { { 1, 3, 2026, 480, 1, 3, 2026, 720 } } },
    { "01/03/2026 22:00 - 02/03/2026 06:00", 1, { { 1, 3, 2026, 1320, 2, 3, 2026, 360 } } },
    { "01/03/2026 8h00 - 03/03/2026 17h30", 1, { { 1, 3, 2026, 480, 3, 3, 2026, 1050 } } },
    { "01/03/2026 08:00 - 03/03/2026 24:00", 1, { { 1, 3, 2026, 480, 4, 3, 2026, 0 } } },
    { "31/12/2025 23:00 - 01/01/2026 01:00", 1, { { 31, 12, 2025, 1380, 1, 1, 2026, 60 } } },
    { "01/03/2026 00:00 - 01/03/2026 00:01", 1, { { 1, 3, 2026, 0, 1, 3, 2026, 1 } } },
    /* the same day */
    { "01/03/2026 08:00 - 12:00", 1, { { 1, 3, 2026, 480, 1, 3, 2026, 720 } } },
    { "01/03/2026 08:00 - 24:00", 1, { { 1, 3, 2026, 480, 2, 3, 2026, 0 } } },
    { "01/03/2026 22:00 - 06:00", 1, { { 1, 3, 2026, 1320, 2, 3, 2026, 360 } } },
    /* mixed: a time on one side only */
    { "01/03/2026 14:00 - 03/03/2026", 1, { { 1, 3, 2026, 840, 4, 3, 2026, 0 } } },
    { "01/03/2026 14:00 - 01/03/2026", 1, { { 1, 3, 2026, 840, 2, 3, 2026, 0 } } },
    { "01/03/2026 - 03/03/2026 12:00", 1, { { 1, 3, 2026, 0, 3, 3, 2026, 720 } } },
    { "01.03.2026 08:00 - 01.03.2026 12:00", 1, { { 1, 3, 2026, 480, 1, 3, 2026, 720 } } },
    { "01.03.2026 22:00 - 06:00", 1, { { 1, 3, 2026, 1320, 2, 3, 2026, 360 } } },
  };

  check_leave_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_leave_bad (void)
{
  static const BadCase cases[] = {
    { "ferias", PARSE, "expected leave as DD/MM/YYYY" },
    { "31/02/2026", RANGE, "found “31/02/2026”" },
    { "01/03/2026 - 31/02/2026", RANGE, "found “31/02/2026”" },
    { "01/03/2026 - 31/02/2026", RANGE, "in the leave “01/03/2026 - 31/02/2026”" },
    { "01/01/1899 - 01/03/2026", RANGE, "01/01/1899" },
    { "05/03/2026 - 01/03/2026", INVALID, NULL },
    { "02/03/2026 - 01/03/2026", INVALID, NULL },
    { "2026-03-05 - 2026-03-01", INVALID, NULL },
    { "01/03/2026 12:00 - 01/03/2026 08:00", INVALID, NULL },
    { "02/03/2026 00:00 - 01/03/2026 24:00", INVALID, NULL },
    { "01/03/2026 08:00 - 01/03/2026 08:00", INVALID, NULL },
    { "01/03/2026 08:00 - 08:00", INVALID, NULL },
    { "02/03/2026 - 01/03/2026 12:00", INVALID, NULL },
    { "01/03/2026 08:00", PARSE, NULL },
    { "01/03/2026 -", PARSE, NULL },
    { "- 01/03/2026", PARSE, NULL },
    { "01/03/2026 05/03/2026", PARSE, NULL },
    { "01/03/2026 - 05/03/2026 - 07/03/2026", PARSE, NULL },
    { "01/03/2026 -- 05/03/2026", PARSE, NULL },
    { "01/03/2026 25:00 - 02/03/2026 08:00", RANGE, "found “25:00”" },
    { "01/03/2026 24:00 - 02/03/2026 08:00", RANGE, "(00:00 to 23:59), found “24:00”" },
    { "01/03/2026 08:00 - 02/03/2026 24:30", RANGE, "(00:00 to 24:00), found “24:30”" },
    { "01/03/2026 08:00 - 25:00", RANGE, "“25:00”" },
    { "01/03/2026 - 12:00", PARSE, NULL },
    { "01/03/2026, banana", PARSE, "found “banana”" },
    { "01/03/26", PARSE, NULL },
    { "01/03/2026 7:5 - 02/03/2026 08:00", PARSE, NULL },
    { "01/03/2026 08:00 - 02/03/2026 8:5", PARSE, NULL },
    { "01/03/2026 - 05/03/2026x", PARSE, NULL },
    { "01/03/2026x", PARSE, NULL },
    { "01/03/2026 08:00 - 12:00 - 13:00", PARSE, NULL },
    { "01/03/2026 08:00 12:00", PARSE, NULL },
    { "01/03/202608:00 - 01/03/2026 12:00", PARSE, NULL },
    { "01/03/2026 ~ 05/03/2026", PARSE, NULL },
    { "01/03/2026 a 05/03/2026", PARSE, NULL },
    { "01.03.2026 - 31.02.2026", RANGE, "found “31.02.2026”" },
    { "05.03.2026 - 01.03.2026", INVALID, NULL },
    { "01.03/2026", PARSE, NULL },
    { "01.03.26 - 05.03.2026", PARSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      GArray *sentinel = (GArray *) &cases[i];
      GArray *intervals = sentinel;
      gboolean ok = esc_parse_leave (cases[i].text, &intervals, &error);

      check_failure ("leave", cases[i].text, ok, error, cases[i].code, cases[i].needle);
      if (ok && intervals != sentinel)
        g_array_unref (intervals);
      g_assert_true (intervals == sentinel);
    }
}

/* Hours, worked time, numbers */

static void
test_hours_good (void)
{
  static const struct { const char *text; int expected; } cases[] = {
    { "44", 2640 },
    { "0", 0 },
    { "7:20", 440 },
    { "07:20", 440 },
    { "7h20", 440 },
    { "7H20", 440 },
    { "7.5", 450 },
    { "7,5", 450 },
    { "07:36", 456 },
    { "7.6", 456 },
    { "7,6", 456 },
    { "44:00", 2640 },
    { "100:30", 6030 },
    { "0:00", 0 },
    { "00:59", 59 },
    { "0000000044:00", 2640 },
    { "0.25", 15 },
    { ".5", 30 },
    { "8.", 480 },
    { "+8", 480 },
    { "0.01", 1 },     /* 0.6 min rounds up */
    { "0.008", 0 },    /* 0.48 min rounds down */
    { "1.3333333", 80 },
    { "  36 ", 2160 },
    { "9999999", 599999940 },
    { "9999999:59", 599999999 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      int minutes = -1;
      gboolean ok = esc_parse_hours (cases[i].text, &minutes, &error);

      check_accepted ("hours", cases[i].text, ok, error);
      if (ok && minutes != cases[i].expected)
        g_test_fail_printf ("hours “%s”: got %d, expected %d", cases[i].text, minutes,
                            cases[i].expected);
    }
}

static void
test_hours_bad (void)
{
  static const BadCase cases[] = {
    { "", PARSE, "expected hours as a number" },
    { "-1", RANGE, "found “-1”" },
    { "-7:30", RANGE, NULL },
    { "-7,5", RANGE, NULL },
    { "-0", RANGE, NULL },
    { "--5", PARSE, NULL },
    { "-+5", PARSE, NULL },
    { "- 5", PARSE, NULL },
    { "-abc", PARSE, NULL },
    { "abc", PARSE, NULL },
    { "7:5", PARSE, NULL },
    { "7:60", RANGE, NULL },
    { "7:99", RANGE, NULL },
    { "7h", PARSE, NULL },
    { "7 h", PARSE, NULL },
    { "7.5h", PARSE, NULL },
    { "7:30:00", PARSE, NULL },
    { ":30", PARSE, NULL },
    { "1.000,5", PARSE, NULL },
    { "1e3", PARSE, NULL },
    { "nan", PARSE, NULL },
    { "inf", PARSE, NULL },
    { "10000000", RANGE, NULL },
    { "9999999.9999", RANGE, NULL },
    { "10000000:00", RANGE, NULL },
    { "99999999999999999999:00", RANGE, NULL },
    { "7 30", PARSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      int minutes = -1;
      gboolean ok = esc_parse_hours (cases[i].text, &minutes, &error);

      check_failure ("hours", cases[i].text, ok, error, cases[i].code, cases[i].needle);
      g_assert_cmpint (minutes, ==, -1);
    }
}

static void
test_hours_format (void)
{
  static const struct { int minutes; const char *expected; } cases[] = {
    { 0, "00:00" },
    { 59, "00:59" },
    { 440, "07:20" },
    { 456, "07:36" },
    { 1440, "24:00" },
    { 2640, "44:00" },
    { 6030, "100:30" },
    { -90, "-01:30" },
    { G_MAXINT, "35791394:07" },
    { G_MININT, "-35791394:08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = esc_format_hours (cases[i].minutes);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  for (int minutes = 0; minutes < 100 * 60; minutes += 7)
    {
      g_autofree char *text = esc_format_hours (minutes);
      int back = -1;

      g_assert_true (esc_parse_hours (text, &back, NULL));
      g_assert_cmpint (back, ==, minutes);
    }
}

static void
test_worked_good (void)
{
  static const struct { const char *text; int minutes; gboolean compensation; } cases[] = {
    { "C", 0, TRUE },
    { "c", 0, TRUE },
    { " C ", 0, TRUE },
    { "08:00", 480, FALSE },
    { "7:20", 440, FALSE },
    { "8", 480, FALSE },
    { "7,5", 450, FALSE },
    { "0", 0, FALSE },
    { "00:00", 0, FALSE },
    { "24:00", 1440, FALSE },
    { "24", 1440, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      int minutes = -1;
      gboolean compensation = !cases[i].compensation;
      gboolean ok = esc_parse_worked (cases[i].text, &minutes, &compensation, &error);

      check_accepted ("worked", cases[i].text, ok, error);
      if (ok && (minutes != cases[i].minutes || compensation != cases[i].compensation))
        g_test_fail_printf ("worked “%s”: got %d/%d, expected %d/%d", cases[i].text, minutes,
                            compensation, cases[i].minutes, cases[i].compensation);
    }
}

static void
test_worked_bad (void)
{
  static const BadCase cases[] = {
    { "", PARSE, "expected worked time as HH:MM, a number of hours or C" },
    { "D", PARSE, NULL },
    { "CC", PARSE, NULL },
    { "C8", PARSE, NULL },
    { "Ç", PARSE, NULL },
    { "abc", PARSE, NULL },
    { "7:5", PARSE, NULL },
    { "24:01", RANGE, "found “24:01”" },
    { "25", RANGE, NULL },
    { "44:00", RANGE, NULL },
    { "-1", RANGE, NULL },
    { "-08:00", RANGE, NULL },
    { "08:60", RANGE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      int minutes = -1;
      gboolean compensation = 7;
      gboolean ok = esc_parse_worked (cases[i].text, &minutes, &compensation, &error);

      check_failure ("worked", cases[i].text, ok, error, cases[i].code, cases[i].needle);
      g_assert_cmpint (minutes, ==, -1);
      g_assert_cmpint (compensation, ==, 7);
    }
}

static void
test_int_good (void)
{
  static const struct { const char *text; gint64 expected; } cases[] = {
    { "0", 0 },
    { "42", 42 },
    { "-42", -42 },
    { "+42", 42 },
    { " 7 ", 7 },
    { "007", 7 },
    { "-0", 0 },
    { "9223372036854775807", G_MAXINT64 },
    { "-9223372036854775808", G_MININT64 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      gint64 value = -1;
      gboolean ok = esc_parse_int (cases[i].text, &value, &error);

      check_accepted ("int", cases[i].text, ok, error);
      if (ok && value != cases[i].expected)
        g_test_fail_printf ("int “%s”: got %" G_GINT64_FORMAT, cases[i].text, value);
    }
}

static void
test_int_bad (void)
{
  static const BadCase cases[] = {
    { "", PARSE, "expected a whole number" },
    { "abc", PARSE, NULL },
    { "4 2", PARSE, NULL },
    { "42abc", PARSE, NULL },
    { "4.2", PARSE, NULL },
    { "4,2", PARSE, NULL },
    { "4.0", PARSE, NULL },
    { "0x10", PARSE, NULL },
    { "1e3", PARSE, NULL },
    { "-", PARSE, NULL },
    { "+", PARSE, NULL },
    { "--1", PARSE, NULL },
    { "+-1", PARSE, NULL },
    { "- 1", PARSE, NULL },
    { "١٢", PARSE, NULL },  /* Arabic-Indic digits */
    { "9223372036854775808", RANGE, NULL },
    { "-9223372036854775809", RANGE, NULL },
    { "99999999999999999999999", RANGE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      gint64 value = -1;
      gboolean ok = esc_parse_int (cases[i].text, &value, &error);

      check_failure ("int", cases[i].text, ok, error, cases[i].code, cases[i].needle);
      g_assert_cmpint (value, ==, -1);
    }
}

typedef struct
{
  const char *text;
  double expected;
} NumberCase;

static const NumberCase number_good_cases[] = {
  { "0", 0.0 },
  { "42", 42.0 },
  { "7.5", 7.5 },
  { "7,5", 7.5 },
  { "-7.5", -7.5 },
  { "+7,5", 7.5 },
  { ".5", 0.5 },
  { ",5", 0.5 },
  { "5.", 5.0 },
  { "0001.50", 1.5 },
  { "1,000", 1.0 },  /* a single separator is always decimal */
  { "1.000", 1.0 },
  { "  3.25 ", 3.25 },
  { "-0", 0.0 },
  { "123456789.125", 123456789.125 },
};

static void
check_number_good_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (number_good_cases); i++)
    {
      const NumberCase *c = &number_good_cases[i];
      GError *error = NULL;
      double value = -1.0;
      gboolean ok = esc_parse_number (c->text, &value, &error);

      check_accepted ("number", c->text, ok, error);
      if (ok && value != c->expected)
        g_test_fail_printf ("number “%s”: got %g, expected %g", c->text, value, c->expected);
    }
}

static void
test_number_good (void)
{
  g_autoptr(GString) big = g_string_new ("1");
  double value = 0.0;

  check_number_good_cases ();

  for (int i = 0; i < 300; i++)
    g_string_append_c (big, '0');
  g_assert_true (esc_parse_number (big->str, &value, NULL));
  g_assert_cmpfloat_with_epsilon (value / 1e300, 1.0, 1e-9);
}

static void
test_number_bad (void)
{
  static const BadCase cases[] = {
    { "", PARSE, "expected a number such as 7.5 or 7,5" },
    { "nan", PARSE, NULL },
    { "NaN", PARSE, NULL },
    { "inf", PARSE, NULL },
    { "-inf", PARSE, NULL },
    { "infinity", PARSE, NULL },
    { "1e5", PARSE, NULL },
    { "1E-5", PARSE, NULL },
    { "0x1p3", PARSE, NULL },
    { "1.000,5", PARSE, NULL },
    { "1,000.5", PARSE, NULL },
    { "1.2.3", PARSE, NULL },
    { "1,2,3", PARSE, NULL },
    { "1 000", PARSE, NULL },
    { ".", PARSE, NULL },
    { ",", PARSE, NULL },
    { "-", PARSE, NULL },
    { "+", PARSE, NULL },
    { "-.", PARSE, NULL },
    { "--1", PARSE, NULL },
    { "7.5abc", PARSE, NULL },
    { "7 .5", PARSE, NULL },
    { "7. 5", PARSE, NULL },
    { "abc", PARSE, NULL },
    { "7½", PARSE, NULL },
  };
  g_autoptr(GString) huge = g_string_new (NULL);
  GError *error = NULL;
  double value = -1.0;
  gboolean ok;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      error = NULL;
      ok = esc_parse_number (cases[i].text, &value, &error);
      check_failure ("number", cases[i].text, ok, error, cases[i].code, cases[i].needle);
      g_assert_cmpfloat (value, ==, -1.0);
    }

  /* Overflows to infinity. */
  for (int i = 0; i < 400; i++)
    g_string_append_c (huge, '9');
  error = NULL;
  ok = esc_parse_number (huge->str, &value, &error);
  check_failure ("number", "9…9", ok, error, RANGE, "99999999999999999999");
  g_assert_cmpfloat (value, ==, -1.0);
}

/* The parser must not follow the process locale (a pt_BR or de_DE LC_NUMERIC has a
 * decimal comma). */
static void
test_number_locale (void)
{
  static const char * const locales[] = { "pt_BR.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8" };
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  const char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (locales) && found == NULL; i++)
    if (setlocale (LC_NUMERIC, locales[i]) != NULL)
      found = locales[i];

  if (found == NULL)
    {
      setlocale (LC_NUMERIC, saved);
      g_test_skip ("no locale with a decimal comma is installed");
      return;
    }

  check_number_good_cases ();
  {
    int minutes = -1;

    g_assert_true (esc_parse_hours ("7.5", &minutes, NULL));
    g_assert_cmpint (minutes, ==, 450);
  }

  setlocale (LC_NUMERIC, saved);
}

static void
test_bool_good (void)
{
  static const struct { const char *text; gboolean expected; } cases[] = {
    { "sim", TRUE }, { "Sim", TRUE }, { "SIM", TRUE }, { "s", TRUE }, { "S", TRUE },
    { "yes", TRUE }, { "Yes", TRUE }, { "y", TRUE }, { "true", TRUE }, { "TRUE", TRUE },
    { "verdadeiro", TRUE }, { "Verdadeiro", TRUE }, { "1", TRUE }, { "x", TRUE },
    { "X", TRUE }, { " yes ", TRUE },
    { "não", FALSE }, { "nao", FALSE }, { "NÃO", FALSE }, { "Não", FALSE }, { "n", FALSE },
    { "N", FALSE }, { "no", FALSE }, { "No", FALSE }, { "false", FALSE },
    { "False", FALSE }, { "falso", FALSE }, { "0", FALSE }, { "\u00a0não\u00a0", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      gboolean value = 7;
      gboolean ok = esc_parse_bool (cases[i].text, &value, &error);

      check_accepted ("bool", cases[i].text, ok, error);
      if (ok && value != cases[i].expected)
        g_test_fail_printf ("bool “%s”: got %d", cases[i].text, value);
    }
}

static void
test_bool_bad (void)
{
  static const BadCase cases[] = {
    { "", PARSE, "expected yes or no" },
    { "   ", PARSE, NULL },
    { "talvez", PARSE, NULL },
    { "2", PARSE, NULL },
    { "-1", PARSE, NULL },
    { "yess", PARSE, NULL },
    { "t", PARSE, NULL },
    { "f", PARSE, NULL },
    { "on", PARSE, NULL },
    { "sim não", PARSE, NULL },
    { "xx", PARSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      gboolean value = 7;
      gboolean ok = esc_parse_bool (cases[i].text, &value, &error);

      check_failure ("bool", cases[i].text, ok, error, cases[i].code, cases[i].needle);
      g_assert_cmpint (value, ==, 7);
    }
}

static void
test_day_ranges_good (void)
{
  static const struct { const char *text; guint n; EscDayRange expected[3]; } cases[] = {
    { "", 0, { { 0, 0 } } },
    { " , ", 0, { { 0, 0 } } },
    { "3", 1, { { 3, 3 } } },
    { "31", 1, { { 31, 31 } } },
    { "25-31, 1-5", 2, { { 25, 31 }, { 1, 5 } } },
    { "25-31,1-5", 2, { { 25, 31 }, { 1, 5 } } },
    { "1 - 31", 1, { { 1, 31 } } },
    { "10–15", 1, { { 10, 15 } } },
    { "10 — 15", 1, { { 10, 15 } } },
    { "1-1", 1, { { 1, 1 } } },
    { "01-05", 1, { { 1, 5 } } },
    { "5;7", 2, { { 5, 5 }, { 7, 7 } } },
    { "25-31,,1-5,", 2, { { 25, 31 }, { 1, 5 } } },
    { "1-5, 10, 20-25", 3, { { 1, 5 }, { 10, 10 }, { 20, 25 } } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      g_autoptr(GArray) ranges = NULL;
      gboolean ok = esc_parse_day_ranges (cases[i].text, &ranges, &error);

      check_accepted ("day ranges", cases[i].text, ok, error);
      if (!ok)
        continue;
      g_assert_nonnull (ranges);
      if (ranges->len != cases[i].n)
        {
          g_test_fail_printf ("day ranges “%s”: got %u, expected %u", cases[i].text,
                              ranges->len, cases[i].n);
          continue;
        }
      for (guint k = 0; k < cases[i].n; k++)
        {
          EscDayRange got = g_array_index (ranges, EscDayRange, k);

          if (got.first != cases[i].expected[k].first || got.last != cases[i].expected[k].last)
            g_test_fail_printf ("day ranges “%s” #%u: got %d-%d", cases[i].text, k,
                                got.first, got.last);
        }
    }
}

static void
test_day_ranges_bad (void)
{
  static const BadCase cases[] = {
    { "0", RANGE, "expected days of the month from 1 to 31, found “0”" },
    { "32", RANGE, NULL },
    { "1-32", RANGE, NULL },
    { "0-5", RANGE, NULL },
    { "001-5", RANGE, NULL },
    { "999999999999999999999", RANGE, NULL },
    { "25-31, 40", RANGE, "“40”" },
    { "25-5", INVALID, "found “25-5”" },
    { "25-5", INVALID, "25-31, 1-5" },
    { "a-b", PARSE, NULL },
    { "1-", PARSE, NULL },
    { "-5", PARSE, NULL },
    { "1-5-7", PARSE, NULL },
    { "1--5", PARSE, NULL },
    { "1 5", PARSE, NULL },
    { "1.5", PARSE, NULL },
    { "1 to 5", PARSE, NULL },
    { "1-5, x", PARSE, "“x”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GError *error = NULL;
      GArray *sentinel = (GArray *) &cases[i];
      GArray *ranges = sentinel;
      gboolean ok = esc_parse_day_ranges (cases[i].text, &ranges, &error);

      check_failure ("day ranges", cases[i].text, ok, error, cases[i].code, cases[i].needle);
      if (ok && ranges != sentinel)
        g_array_unref (ranges);
      g_assert_true (ranges == sentinel);
    }
}

/* Robustness */

static void
test_robust_null (void)
{
  GError *error = NULL;
  EscWeekdaySet set = 0xff;
  g_autoptr(GArray) leave = NULL;
  g_autoptr(GArray) ranges = NULL;

#define CHECK_NULL(what, call) \
  G_STMT_START { \
    gboolean ok_; \
    error = NULL; \
    ok_ = (call); \
    check_failure (what, "(null)", ok_, error, PARSE, "“”"); \
  } G_STMT_END

  CHECK_NULL ("time", esc_parse_time (NULL, TRUE, NULL, &error));
  CHECK_NULL ("window", esc_parse_window (NULL, NULL, &error));
  CHECK_NULL ("date", esc_parse_date (NULL, NULL, &error));
  CHECK_NULL ("weekday", esc_parse_weekday (NULL, NULL, &error));
  CHECK_NULL ("hours", esc_parse_hours (NULL, NULL, &error));
  CHECK_NULL ("worked", esc_parse_worked (NULL, NULL, NULL, &error));
  CHECK_NULL ("int", esc_parse_int (NULL, NULL, &error));
  CHECK_NULL ("number", esc_parse_number (NULL, NULL, &error));
  CHECK_NULL ("bool", esc_parse_bool (NULL, NULL, &error));
#undef CHECK_NULL

  g_assert_true (esc_parse_weekday_set (NULL, &set, NULL));
  g_assert_cmpuint (set, ==, 0);
  g_assert_true (esc_parse_leave (NULL, &leave, NULL));
  g_assert_cmpuint (leave->len, ==, 0);
  g_assert_true (esc_parse_day_ranges (NULL, &ranges, NULL));
  g_assert_cmpuint (ranges->len, ==, 0);

  /* NULL outputs are allowed. */
  g_assert_true (esc_parse_time ("08:00", FALSE, NULL, NULL));
  g_assert_true (esc_parse_leave ("01/03/2026", NULL, NULL));
  g_assert_true (esc_parse_day_ranges ("1-5", NULL, NULL));
  g_assert_true (esc_parse_worked ("C", NULL, NULL, NULL));
}

/* Bad input with no GError to fill must not crash either. */
static void
test_robust_null_error (void)
{
  g_assert_false (esc_parse_time ("25:00", FALSE, NULL, NULL));
  g_assert_false (esc_parse_window ("10:00 - 10:00", NULL, NULL));
  g_assert_false (esc_parse_window ("25:00 - 10:00", NULL, NULL));
  g_assert_false (esc_parse_date ("31/02/2026", NULL, NULL));
  g_assert_false (esc_parse_weekday ("xyz", NULL, NULL));
  g_assert_false (esc_parse_weekday_set ("mon, xyz", NULL, NULL));
  g_assert_false (esc_parse_leave ("01/03/2026 - 31/02/2026", NULL, NULL));
  g_assert_false (esc_parse_leave ("05/03/2026 - 01/03/2026", NULL, NULL));
  g_assert_false (esc_parse_hours ("-1", NULL, NULL));
  g_assert_false (esc_parse_worked ("25:00", NULL, NULL, NULL));
  g_assert_false (esc_parse_int ("99999999999999999999", NULL, NULL));
  g_assert_false (esc_parse_number ("nan", NULL, NULL));
  g_assert_false (esc_parse_bool ("talvez", NULL, NULL));
  g_assert_false (esc_parse_day_ranges ("25-5", NULL, NULL));
  g_assert_false (esc_parse_time ("\xff", FALSE, NULL, NULL));
}

static void
test_robust_invalid_utf8 (void)
{
  static const char * const texts[] = {
    "\xff",
    "10:00\xff",
    "\xc3",            /* truncated sequence */
    "\xc0\xaf",        /* overlong */
    "\xed\xa0\x80",    /* surrogate */
    "01/03/2026 \xfe - 02/03/2026",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *t = texts[i];
      GError *error = NULL;

#define CHECK_UTF8(what, call) \
      G_STMT_START { \
        gboolean ok_; \
        error = NULL; \
        ok_ = (call); \
        check_failure (what, "(not UTF-8)", ok_, error, PARSE, "UTF-8"); \
      } G_STMT_END

      CHECK_UTF8 ("time", esc_parse_time (t, TRUE, NULL, &error));
      CHECK_UTF8 ("window", esc_parse_window (t, NULL, &error));
      CHECK_UTF8 ("date", esc_parse_date (t, NULL, &error));
      CHECK_UTF8 ("weekday", esc_parse_weekday (t, NULL, &error));
      CHECK_UTF8 ("weekday set", esc_parse_weekday_set (t, NULL, &error));
      CHECK_UTF8 ("leave", esc_parse_leave (t, NULL, &error));
      CHECK_UTF8 ("hours", esc_parse_hours (t, NULL, &error));
      CHECK_UTF8 ("worked", esc_parse_worked (t, NULL, NULL, &error));
      CHECK_UTF8 ("int", esc_parse_int (t, NULL, &error));
      CHECK_UTF8 ("number", esc_parse_number (t, NULL, &error));
      CHECK_UTF8 ("bool", esc_parse_bool (t, NULL, &error));
      CHECK_UTF8 ("day ranges", esc_parse_day_ranges (t, NULL, &error));
#undef CHECK_UTF8

      {
        g_autofree char *stripped = esc_strip_dup (t);
        g_autofree char *key = esc_fold_key (t);
        g_auto(GStrv) list = esc_split_list (t);

        g_assert_nonnull (stripped);
        g_assert_true (g_utf8_validate (key, -1, NULL));
        g_assert_nonnull (list);
      }
    }

  /* The valid part of the text is quoted. */
  {
    GError *error = NULL;
    gboolean ok = esc_parse_time ("10:00\xff", FALSE, NULL, &error);

    check_failure ("time", "10:00\\xff", ok, error, PARSE, "10:00\ufffd");
  }
}

static char *
repeat (const char *piece,
        gsize       times)
{
  GString *out = g_string_sized_new (strlen (piece) * times);

  for (gsize i = 0; i < times; i++)
    g_string_append (out, piece);

  return g_string_free (out, FALSE);
}

static void
check_long_failure (const char  *what,
                    const char  *text,
                    gboolean     ok,
                    GError      *error,
                    EscCoreError code)
{
  if (error != NULL && strlen (error->message) > 600)
    g_test_fail_printf ("%s: a message of %zu bytes", what, strlen (error->message));
  if (error != NULL && strstr (error->message, "…") == NULL)
    g_test_fail_printf ("%s: the quote is not shortened: %.80s", what, error->message);
  check_failure (what, "(long)", ok, error, code, "9999999999");
}

static void
test_robust_long (void)
{
  g_autofree char *nines = repeat ("9", 1 << 20);
  g_autofree char *spaces = repeat (" \t\u00a0", 1 << 16);
  g_autofree char *leave = repeat ("01/03/2026, ", 20000);
  g_autofree char *days = repeat ("mon ", 100000);
  g_autofree char *words = repeat ("Função  ", 100000);
  GError *error = NULL;
  g_autoptr(GArray) intervals = NULL;
  g_autoptr(GArray) ranges = NULL;
  EscWeekdaySet set = 0;

#define CHECK_LONG(what, code, call) \
  G_STMT_START { \
    gboolean ok_; \
    error = NULL; \
    ok_ = (call); \
    check_long_failure (what, nines, ok_, error, code); \
  } G_STMT_END

  CHECK_LONG ("int", RANGE, esc_parse_int (nines, NULL, &error));
  CHECK_LONG ("number", RANGE, esc_parse_number (nines, NULL, &error));
  CHECK_LONG ("hours", RANGE, esc_parse_hours (nines, NULL, &error));
  CHECK_LONG ("worked", RANGE, esc_parse_worked (nines, NULL, NULL, &error));
  CHECK_LONG ("time", PARSE, esc_parse_time (nines, TRUE, NULL, &error));
  CHECK_LONG ("window", PARSE, esc_parse_window (nines, NULL, &error));
  CHECK_LONG ("date", PARSE, esc_parse_date (nines, NULL, &error));
  CHECK_LONG ("weekday", PARSE, esc_parse_weekday (nines, NULL, &error));
  CHECK_LONG ("weekday set", PARSE, esc_parse_weekday_set (nines, NULL, &error));
  CHECK_LONG ("leave", PARSE, esc_parse_leave (nines, NULL, &error));
  CHECK_LONG ("bool", PARSE, esc_parse_bool (nines, NULL, &error));
  CHECK_LONG ("day ranges", RANGE, esc_parse_day_ranges (nines, NULL, &error));
#undef CHECK_LONG

  /* Only white space is "". */
  {
    g_autofree char *stripped = esc_strip_dup (spaces);
    g_autofree char *key = esc_fold_key (spaces);

    g_assert_cmpstr (stripped, ==, "");
    g_assert_cmpstr (key, ==, "");
    g_assert_false (esc_parse_time (spaces, FALSE, NULL, NULL));
    g_assert_true (esc_parse_weekday_set (spaces, &set, NULL));
    g_assert_cmpuint (set, ==, 0);
  }

  g_assert_true (esc_parse_leave (leave, &intervals, NULL));
  g_assert_cmpuint (intervals->len, ==, 20000);
  g_assert_cmpint (g_array_index (intervals, EscInterval, 19999).start, ==,
                   instant (1, 3, 2026, 0));

  g_assert_true (esc_parse_weekday_set (days, &set, NULL));
  g_assert_cmpuint (set, ==, BIT (MON));

  {
    g_autofree char *key = esc_fold_key (words);

    g_assert_true (g_str_has_prefix (key, "funcao funcao "));
    g_assert_cmpuint (strlen (key), ==, 100000 * 7 - 1);
  }

  {
    g_autofree char *many = repeat ("1-5,", 50000);

    g_assert_true (esc_parse_day_ranges (many, &ranges, NULL));
    g_assert_cmpuint (ranges->len, ==, 50000);
  }
}

void
esc_test_add_parse_tests (void)
{
  g_test_add_func ("/core/parse/strip", test_strip);
  g_test_add_func ("/core/parse/fold-key", test_fold_key);
  g_test_add_func ("/core/parse/split-list", test_split_list);
  g_test_add_func ("/core/parse/time/good", test_time_good);
  g_test_add_func ("/core/parse/time/bad", test_time_bad);
  g_test_add_func ("/core/parse/time/format", test_time_format);
  g_test_add_func ("/core/parse/window/good", test_window_good);
  g_test_add_func ("/core/parse/window/bad", test_window_bad);
  g_test_add_func ("/core/parse/window/format", test_window_format);
  g_test_add_func ("/core/parse/date/good", test_date_good);
  g_test_add_func ("/core/parse/date/bad", test_date_bad);
  g_test_add_func ("/core/parse/date/format", test_date_format);
  g_test_add_func ("/core/parse/date/weekday", test_date_weekday);
  g_test_add_func ("/core/parse/weekday/good", test_weekday_good);
  g_test_add_func ("/core/parse/weekday/bad", test_weekday_bad);
  g_test_add_func ("/core/parse/weekday-set/good", test_weekday_set_good);
  g_test_add_func ("/core/parse/weekday-set/bad", test_weekday_set_bad);
  g_test_add_func ("/core/parse/weekday-set/format", test_weekday_set_format);
  g_test_add_func ("/core/parse/leave/single", test_leave_single);
  g_test_add_func ("/core/parse/leave/list", test_leave_list);
  g_test_add_func ("/core/parse/leave/range", test_leave_range);
  g_test_add_func ("/core/parse/leave/datetime", test_leave_datetime);
  g_test_add_func ("/core/parse/leave/bad", test_leave_bad);
  g_test_add_func ("/core/parse/hours/good", test_hours_good);
  g_test_add_func ("/core/parse/hours/bad", test_hours_bad);
  g_test_add_func ("/core/parse/hours/format", test_hours_format);
  g_test_add_func ("/core/parse/worked/good", test_worked_good);
  g_test_add_func ("/core/parse/worked/bad", test_worked_bad);
  g_test_add_func ("/core/parse/int/good", test_int_good);
  g_test_add_func ("/core/parse/int/bad", test_int_bad);
  g_test_add_func ("/core/parse/number/good", test_number_good);
  g_test_add_func ("/core/parse/number/bad", test_number_bad);
  g_test_add_func ("/core/parse/number/locale", test_number_locale);
  g_test_add_func ("/core/parse/bool/good", test_bool_good);
  g_test_add_func ("/core/parse/bool/bad", test_bool_bad);
  g_test_add_func ("/core/parse/day-ranges/good", test_day_ranges_good);
  g_test_add_func ("/core/parse/day-ranges/bad", test_day_ranges_bad);
  g_test_add_func ("/core/parse/robust/null", test_robust_null);
  g_test_add_func ("/core/parse/robust/null-error", test_robust_null_error);
  g_test_add_func ("/core/parse/robust/invalid-utf8", test_robust_invalid_utf8);
  g_test_add_func ("/core/parse/robust/long", test_robust_long);
}
