/* fuzz-parsers.c: libFuzzer target for the value parsers of esc-parse.h.
 *
 * The first byte selects the parser (and, for esc_parse_time, allow_24); the rest is the
 * text, made NUL-terminated. Successful results go through the matching formatter, so a
 * parsed value out of the documented range shows up as a crash or a UBSan report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>

#include "core/esc-parse.h"
#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
run_parser (guint selector, const char *text)
{
  g_autoptr(GError) error = NULL;

  switch (selector % 16)
    {
    case 0:
    case 1:
      {
        int minutes;
        if (esc_parse_time (text, selector % 16 == 1, &minutes, &error))
          g_free (esc_format_time (minutes));
      }
      break;
    case 2:
      {
        EscWindow window;
        if (esc_parse_window (text, &window, &error))
          g_free (esc_format_window (&window));
      }
      break;
    case 3:
      {
        EscJulian julian;
        if (esc_parse_date (text, &julian, &error))
          {
            g_free (esc_format_date (julian));
            g_free (esc_format_date_dmy (julian));
            esc_julian_weekday (julian);
            esc_julian_day_of_month (julian);
          }
      }
      break;
    case 4:
      {
        EscWeekday weekday;
        if (esc_parse_weekday (text, &weekday, &error))
          esc_weekday_code (weekday);
      }
      break;
    case 5:
      {
        EscWeekdaySet set;
        if (esc_parse_weekday_set (text, &set, &error))
          g_free (esc_format_weekday_set (set));
      }
      break;
    case 6:
      {
        GArray *intervals = NULL;
        if (esc_parse_leave (text, &intervals, &error))
          g_array_unref (intervals);
      }
      break;
    case 7:
      {
        int minutes;
        if (esc_parse_hours (text, &minutes, &error))
          g_free (esc_format_hours (minutes));
      }
      break;
    case 8:
      {
        int minutes;
        gboolean compensation;
        if (esc_parse_worked (text, &minutes, &compensation, &error))
          g_free (esc_format_hours (minutes));
      }
      break;
    case 9:
      {
        gint64 value;
        esc_parse_int (text, &value, &error);
      }
      break;
    case 10:
      {
        double value;
        esc_parse_number (text, &value, &error);
      }
      break;
    case 11:
      {
        gboolean value;
        esc_parse_bool (text, &value, &error);
      }
      break;
    case 12:
      {
        GArray *ranges = NULL;
        if (esc_parse_day_ranges (text, &ranges, &error))
          g_array_unref (ranges);
      }
      break;
    case 13:
      g_strfreev (esc_split_list (text));
      break;
    case 14:
      g_free (esc_strip_dup (text));
      break;
    default:
      g_free (esc_fold_key (text));
      break;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = NULL;

  if (size < 1)
    return 0;
  esc_fuzz_init ();
  text = g_strndup ((const char *) data + 1, size - 1);
  run_parser (data[0], text);
  return 0;
}
