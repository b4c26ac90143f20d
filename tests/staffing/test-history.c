/* test-history.c: history import (CSV and XLSX, per event and per interval, headers in
 * English and Portuguese, no header), its errors, and aggregation to intervals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-test"

#include <string.h>

#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "staffing/esc-history.h"
#include "staffing/esc-staffing-error.h"
#include "test-staffing.h"

static EscInstant
instant (int year,
         int month,
         int day,
         int hour,
         int minute)
{
  return (EscInstant) esc_test_julian (year, month, day) * ESC_MINUTES_PER_DAY + hour * 60 +
         minute;
}

static EscHistory *
load_csv (const char *text)
{
  g_autoptr(GError) error = NULL;
  EscHistory *history = esc_history_load_csv_data (text, -1, "calls.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (history);
  return history;
}

/* Loads @text, which must fail with @code and a message holding every fragment. */
static void
check_csv_error (const char *text,
                 int         code,
                 ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscHistory) history = esc_history_load_csv_data (text, -1, "calls.csv", &error);
  const char *fragment;
  va_list args;

  g_assert_null (history);
  g_assert_error (error, ESC_STAFFING_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "calls.csv"));
  va_start (args, code);
  while ((fragment = va_arg (args, const char *)) != NULL)
    g_assert_nonnull (strstr (error->message, fragment));
  va_end (args);
}

static void
test_timestamps (void)
{
  const struct
  {
    const char *text;
    EscInstant expected;
  } good[] = {
    { "2024-05-06 08:30", instant (2024, 5, 6, 8, 30) },
    { "2024-05-06 08:30:59", instant (2024, 5, 6, 8, 30) },
    { "  2024-05-06   8:05 ", instant (2024, 5, 6, 8, 5) },
    { "06/05/2024 08:30", instant (2024, 5, 6, 8, 30) },
    { "06/05/2024 23:59:00", instant (2024, 5, 6, 23, 59) },
    { "2024-05-06T08:30:00", instant (2024, 5, 6, 8, 30) },
    { "2024-05-06T08:30:00Z", instant (2024, 5, 6, 8, 30) },
    { "2024-05-06T08:30:00.123-03:00", instant (2024, 5, 6, 8, 30) },
    { "2024-05-06T08:30+0100", instant (2024, 5, 6, 8, 30) },
    { "2024-05-06", instant (2024, 5, 6, 0, 0) },
  };
  const char *bad[] = {
    "", "08:30", "2024-13-01 08:00", "2024-05-06 25:00", "2024-05-06 08:61", "abc",
    "2024-05-06 08:30 tomorrow", "2024-05-06T", "31/02/2024 10:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      EscInstant when = 0;

      g_assert_true (esc_history_parse_timestamp (good[i].text, &when, &error));
      g_assert_no_error (error);
      g_assert_cmpint (when, ==, good[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (esc_history_parse_timestamp (bad[i], NULL, &error));
      g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_PARSE);
    }
}

static void
test_csv_events (void)
{
  g_autoptr(EscHistory) history = load_csv ("timestamp,channel\n"
                                            "2024-05-06 08:01,phone\n"
                                            "2024-05-06 08:29:59,phone\n"
                                            "2024-05-06 08:30,e-mail\n"
                                            "2024-05-06T09:10:00,phone\n"
                                            "\n"
                                            "2024-05-07 23:59,phone\n");
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *channels;
  EscSeries *email, *phone;
  guint n_channels = 0;
  EscInstant first, last;

  g_assert_cmpuint (esc_history_get_n_records (history), ==, 5);
  g_assert_false (esc_history_is_per_interval (history));
  g_assert_cmpint (esc_history_get_granularity (history), ==, 1);
  channels = esc_history_get_channels (history, &n_channels);
  g_assert_cmpuint (n_channels, ==, 2);
  g_assert_cmpstr (channels[0], ==, "e-mail");
  g_assert_cmpstr (channels[1], ==, "phone");
  g_assert_null (channels[2]);
  g_assert_true (esc_history_get_range (history, &first, &last));
  g_assert_cmpint (first, ==, instant (2024, 5, 6, 8, 1));
  g_assert_cmpint (last, ==, instant (2024, 5, 7, 23, 59));
  g_assert_cmpfloat (esc_history_get_total (history, "phone"), ==, 4);
  g_assert_cmpfloat (esc_history_get_total (history, NULL), ==, 5);

  series = esc_history_aggregate (history, 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 2);
  email = g_ptr_array_index (series, 0);
  phone = g_ptr_array_index (series, 1);
  g_assert_cmpstr (email->channel, ==, "e-mail");
  /* Whole days: 2024-05-06 00:00 to 2024-05-08 00:00. */
  g_assert_cmpint (phone->start, ==, instant (2024, 5, 6, 0, 0));
  g_assert_cmpuint (phone->n, ==, 96);
  g_assert_cmpint (email->start, ==, phone->start);
  g_assert_cmpuint (email->n, ==, 96);
  g_assert_cmpfloat (phone->values[16], ==, 2);   /* 08:00-08:30 */
  g_assert_cmpfloat (phone->values[17], ==, 0);
  g_assert_cmpfloat (phone->values[18], ==, 1);   /* 09:00-09:30 */
  g_assert_cmpfloat (phone->values[95], ==, 1);   /* 05-07 23:30 */
  g_assert_cmpfloat (email->values[17], ==, 1);
  g_assert_cmpfloat (esc_series_sum (phone), ==, 4);
  g_assert_cmpfloat (esc_series_sum (email), ==, 1);

  /* Per hour and per quarter hour. */
  g_clear_pointer (&series, g_ptr_array_unref);
  series = esc_history_aggregate (history, 60, &error);
  g_assert_no_error (error);
  phone = g_ptr_array_index (series, 1);
  g_assert_cmpuint (phone->n, ==, 48);
  g_assert_cmpfloat (phone->values[8], ==, 2);
  g_assert_cmpfloat (phone->values[9], ==, 1);
  {
    g_autoptr(EscSeries) quarter = esc_history_aggregate_channel (history, "phone", 15, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (quarter->n, ==, 192);
    g_assert_cmpfloat (quarter->values[32], ==, 1);  /* 08:00-08:15 */
    g_assert_cmpfloat (quarter->values[33], ==, 1);  /* 08:15-08:30 */
  }
  g_assert_null (esc_history_aggregate_channel (history, "fax", 30, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_MISSING);
  g_clear_error (&error);
  g_clear_pointer (&series, g_ptr_array_unref);
  series = esc_history_aggregate (history, 7, &error);
  g_assert_null (series);
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
}

/* Portuguese headings, separate date and time, semicolons, decimal commas, a byte-order
 * mark, CRLF, quoted fields and an extra column. */
static void
test_csv_intervals_portuguese (void)
{
  g_autoptr(EscHistory) history =
    load_csv ("\xEF\xBB\xBF" "Data;Hora;Fila;Quantidade;Observação\r\n"
              "06/05/2024;08:00;Telefone;12;\r\n"
              "06/05/2024;08:15;Telefone;7,5;\"nota; com \"\"aspas\"\"\"\r\n"
              "06/05/2024;08:00;\"E-mail\";3;\r\n"
              "06/05/2024;08:30;Telefone;;\r\n"
              "07/05/2024;10:45;\"Tele\r\nfone\";1;\r\n");
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *channels;
  EscSeries *phone;
  guint n_channels;

  g_assert_true (esc_history_is_per_interval (history));
  g_assert_cmpint (esc_history_get_granularity (history), ==, 15);
  channels = esc_history_get_channels (history, &n_channels);
  g_assert_cmpuint (n_channels, ==, 3);
  g_assert_cmpstr (channels[0], ==, "E-mail");
  g_assert_cmpstr (channels[1], ==, "Tele\r\nfone");
  g_assert_cmpstr (channels[2], ==, "Telefone");
  g_assert_cmpfloat (esc_history_get_total (history, "Telefone"), ==, 19.5);

  series = esc_history_aggregate (history, 30, &error);
  g_assert_no_error (error);
  phone = g_ptr_array_index (series, 2);
  g_assert_cmpfloat (phone->values[16], ==, 19.5);
  g_assert_cmpfloat (phone->values[17], ==, 0);
}

static void
test_csv_other_headers (void)
{
  /* English names in another order, a tab separator. */
  {
    g_autoptr(EscHistory) history = load_csv ("queue\tvolume\tstart time\n"
                                              "sales\t4\t2024-05-06 09:00\n"
                                              "sales\t6\t2024-05-06 10:00\n");
    g_autoptr(EscSeries) sales = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (esc_history_get_granularity (history), ==, 60);
    sales = esc_history_aggregate_channel (history, "sales", 60, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat (sales->values[9], ==, 4);
    g_assert_cmpfloat (sales->values[10], ==, 6);

    /* Hourly counts cannot become half hours. */
    g_assert_null (esc_history_aggregate (history, 30, &error));
    g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "60"));
  }

  /* "Data/Hora" holds the whole timestamp; no channel: one default channel. */
  {
    g_autoptr(EscHistory) history = load_csv ("Data/Hora,Chamadas\n"
                                              "2024-05-06 09:30,4\n");
    guint n;

    g_assert_cmpstr (esc_history_get_channels (history, &n)[0], ==,
                     ESC_HISTORY_DEFAULT_CHANNEL);
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpint (esc_history_get_granularity (history), ==, 30);
  }

  /* No header: timestamp, count, channel. */
  {
    g_autoptr(EscHistory) history = load_csv ("2024-05-06 09:00,4,phone\n"
                                              "2024-05-06 09:30,2,phone\n");

    g_assert_true (esc_history_is_per_interval (history));
    g_assert_cmpfloat (esc_history_get_total (history, "phone"), ==, 6);
  }

  /* No header: timestamp, channel (events). */
  {
    g_autoptr(EscHistory) history = load_csv ("2024-05-06 09:01,phone\n"
                                              "2024-05-06 09:07,chat\n");

    g_assert_false (esc_history_is_per_interval (history));
    g_assert_cmpfloat (esc_history_get_total (history, "chat"), ==, 1);
  }

  /* Windows-1252 text (an older Excel's CSV). */
  {
    g_autoptr(EscHistory) history = load_csv ("Data,Canal\n"
                                              "2024-05-06 09:01,Liga\xe7\xe3o\n");
    guint n;

    g_assert_cmpstr (esc_history_get_channels (history, &n)[0], ==, "Ligação");
  }
}

static void
test_csv_errors (void)
{
  check_csv_error ("timestamp,count\n2024-05-06 08:00,1\nyesterday,2\n",
                   ESC_STAFFING_ERROR_PARSE, "row 3", "column 1", "timestamp", "yesterday",
                   NULL);
  check_csv_error ("timestamp,count\n2024-05-06 08:00,-1\n",
                   ESC_STAFFING_ERROR_PARSE, "row 2", "column 2", "count", "-1", NULL);
  check_csv_error ("timestamp,count\n2024-05-06 08:00,many\n",
                   ESC_STAFFING_ERROR_PARSE, "row 2", "column 2", "many", NULL);
  check_csv_error ("canal,timestamp\nphone,\n",
                   ESC_STAFFING_ERROR_PARSE, "row 2", "column 2", "empty", NULL);
  check_csv_error ("data,hora,canal\n2024-05-06,8h,phone\n",
                   ESC_STAFFING_ERROR_PARSE, "row 2", "column 2", "hora", "8h", NULL);
  check_csv_error ("timestamp,channel\n2024-05-06 08:00,\"phone\n",
                   ESC_STAFFING_ERROR_PARSE, "row 2", "not closed", NULL);
  check_csv_error ("count,channel\n1,phone\n",
                   ESC_STAFFING_ERROR_MISSING, "timestamp", NULL);
  check_csv_error ("hello,world\n1,2\n",
                   ESC_STAFFING_ERROR_MISSING, "first row", NULL);
  check_csv_error ("", ESC_STAFFING_ERROR_TOO_SHORT, NULL);
  check_csv_error ("timestamp,count\n", ESC_STAFFING_ERROR_TOO_SHORT, NULL);

  /* A history spanning centuries is a mistyped year. */
  {
    g_autoptr(EscHistory) history = load_csv ("timestamp\n2024-05-06 08:00\n1924-05-06 08:00\n");
    g_autoptr(GError) error = NULL;

    g_assert_null (esc_history_aggregate (history, 30, &error));
    g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "1924-05-06"));
  }

  /* A file that does not exist. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (esc_history_load ("/nonexistent/calls.csv", &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  }
}

static char *
write_workbook (gboolean bad)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("escala-history-XXXXXX", &error);
  char *path = g_build_filename (dir, "calls.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Histórico");
  lxw_worksheet *second = workbook_add_worksheet (workbook, "Other");
  lxw_format *datetime_format = workbook_add_format (workbook);
  lxw_format *time_format = workbook_add_format (workbook);
  lxw_datetime first = { 2024, 5, 6, 8, 0, 0 };
  lxw_datetime second_time = { 2024, 5, 6, 8, 30, 0 };

  g_assert_no_error (error);
  format_set_num_format (datetime_format, "dd/mm/yyyy hh:mm");
  format_set_num_format (time_format, "hh:mm");

  worksheet_write_string (sheet, 0, 0, "Timestamp", NULL);
  worksheet_write_string (sheet, 0, 1, "Canal", NULL);
  worksheet_write_string (sheet, 0, 2, "Volume", NULL);
  worksheet_write_datetime (sheet, 1, 0, &first, datetime_format);
  worksheet_write_string (sheet, 1, 1, "phone", NULL);
  worksheet_write_number (sheet, 1, 2, 12, NULL);
  worksheet_write_datetime (sheet, 2, 0, &second_time, datetime_format);
  worksheet_write_string (sheet, 2, 1, "phone", NULL);
  worksheet_write_number (sheet, 2, 2, 8, NULL);
  /* A timestamp as text, a count as text. */
  worksheet_write_string (sheet, 3, 0, bad ? "soon" : "2024-05-07 09:00", NULL);
  worksheet_write_string (sheet, 3, 1, "chat", NULL);
  worksheet_write_string (sheet, 3, 2, "2,5", NULL);
  /* A stray cell far right does not matter. */
  worksheet_write_number (sheet, 3, 300, 1, NULL);
  worksheet_write_string (second, 0, 0, "ignored", NULL);

  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return path;
}

/* Date and time of day in two columns, as number cells. */
static char *
write_date_time_workbook (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("escala-history-XXXXXX", &error);
  char *path = g_build_filename (dir, "calls.xlsx", NULL);
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  lxw_format *date_format = workbook_add_format (workbook);
  lxw_format *time_format = workbook_add_format (workbook);
  lxw_datetime day = { 2024, 5, 7, 0, 0, 0 };
  lxw_datetime clock = { 0, 0, 0, 14, 15, 0 };

  g_assert_no_error (error);
  format_set_num_format (date_format, "dd/mm/yyyy");
  format_set_num_format (time_format, "hh:mm");
  worksheet_write_string (sheet, 0, 0, "Data", NULL);
  worksheet_write_string (sheet, 0, 1, "Hora", NULL);
  worksheet_write_datetime (sheet, 1, 0, &day, date_format);
  worksheet_write_datetime (sheet, 1, 1, &clock, time_format);
  worksheet_write_datetime (sheet, 2, 0, &day, date_format);
  worksheet_write_string (sheet, 2, 1, "14:20", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return path;
}

static void
remove_workbook (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_xlsx (void)
{
  g_autofree char *path = write_workbook (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscHistory) history = esc_history_load (path, &error);
  g_autoptr(EscSeries) phone = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_nonnull (history);
  g_assert_cmpuint (esc_history_get_n_records (history), ==, 3);
  g_assert_cmpfloat (esc_history_get_total (history, "phone"), ==, 20);
  g_assert_cmpfloat (esc_history_get_total (history, "chat"), ==, 2.5);
  g_assert_cmpint (esc_history_get_granularity (history), ==, 30);
  phone = esc_history_aggregate_channel (history, "phone", 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (phone->n, ==, 96);
  g_assert_cmpfloat (phone->values[16], ==, 12);
  g_assert_cmpfloat (phone->values[17], ==, 8);

  /* From memory too. */
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
    g_autoptr(EscHistory) again = esc_history_load_xlsx_bytes (bytes, "calls.xlsx", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (esc_history_get_n_records (again), ==, 3);
  }
  remove_workbook (path);

  /* Separate date and time columns: two events at 14:15 and 14:20. */
  {
    g_autofree char *split_path = write_date_time_workbook ();
    g_autoptr(EscHistory) split = esc_history_load (split_path, &error);
    EscInstant first, last;

    g_assert_no_error (error);
    g_assert_false (esc_history_is_per_interval (split));
    g_assert_true (esc_history_get_range (split, &first, &last));
    g_assert_cmpint (first, ==, instant (2024, 5, 7, 14, 15));
    g_assert_cmpint (last, ==, instant (2024, 5, 7, 14, 20));
    remove_workbook (split_path);
  }
}

static void
test_xlsx_errors (void)
{
  g_autofree char *path = write_workbook (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscHistory) history = esc_history_load (path, &error);

  g_assert_null (history);
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_PARSE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "calls.xlsx"));
  g_assert_nonnull (strstr (error->message, "Histórico!A4"));
  g_assert_nonnull (strstr (error->message, "Timestamp"));
  g_assert_nonnull (strstr (error->message, "soon"));
  remove_workbook (path);
  g_clear_error (&error);

  /* Not a workbook. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("hello", 5);

    g_assert_null (esc_history_load_xlsx_bytes (bytes, "calls.xlsx", &error));
    g_assert_nonnull (error);
  }
}

static void
test_direct (void)
{
  g_autoptr(EscHistory) history = esc_history_new ();
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (esc_history_get_range (history, NULL, NULL));
  g_assert_null (esc_history_aggregate (history, 30, &error));
  g_assert_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_TOO_SHORT);
  g_clear_error (&error);

  esc_history_add_count (history, "b", instant (2024, 5, 6, 10, 0), 5);
  esc_history_add_count (history, "a", instant (2024, 5, 6, 10, 0), 1);
  esc_history_add_count (history, NULL, instant (2024, 5, 6, 11, 0), 2);
  esc_history_add_count (history, "b", instant (2024, 5, 6, 10, 0), 5);
  g_assert_cmpint (esc_history_get_granularity (history), ==, 60);
  series = esc_history_aggregate (history, 60, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 3);
  g_assert_cmpstr (((EscSeries *) g_ptr_array_index (series, 0))->channel, ==, "a");
  g_assert_cmpstr (((EscSeries *) g_ptr_array_index (series, 1))->channel, ==,
                   ESC_HISTORY_DEFAULT_CHANNEL);
  g_assert_cmpfloat (((EscSeries *) g_ptr_array_index (series, 2))->values[10], ==, 10);

  /* An event makes the grid one minute. */
  esc_history_add_event (history, "a", instant (2024, 5, 6, 10, 7));
  g_assert_cmpint (esc_history_get_granularity (history), ==, 1);
}

void
esc_test_add_history_tests (void)
{
  g_test_add_func ("/staffing/history/timestamps", test_timestamps);
  g_test_add_func ("/staffing/history/csv-events", test_csv_events);
  g_test_add_func ("/staffing/history/csv-intervals-portuguese", test_csv_intervals_portuguese);
  g_test_add_func ("/staffing/history/csv-other-headers", test_csv_other_headers);
  g_test_add_func ("/staffing/history/csv-errors", test_csv_errors);
  g_test_add_func ("/staffing/history/xlsx", test_xlsx);
  g_test_add_func ("/staffing/history/xlsx-errors", test_xlsx_errors);
  g_test_add_func ("/staffing/history/direct", test_direct);
}
