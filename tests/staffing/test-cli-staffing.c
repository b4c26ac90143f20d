/* test-cli-staffing.c: "escala-cli erlang" and "escala-cli forecast" run as a user would:
 * output, exit statuses, the forecast CSV, and Demand rows written into a copy of the
 * sample project that still validates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-test"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "core/esc-table.h"
#include "core/esc-validate.h"
#include "io/esc-project-file.h"
#include "staffing/esc-series.h"

#include "esc-test-cli.h"

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_erlang (void)
{
  g_auto(EscTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *answer;

  /* A row of the reference table: 100 calls an hour, 180 s, 80% in 20 s: 8 agents. */
  esc_test_run_cli (&run, "erlang", "--arrivals", "100", "--aht", "180", "--target", "20",
                    "--service-level", "0.8", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  answer = parse_object (parser, run.out);
  g_assert_cmpint (json_object_get_int_member (answer, "agents"), ==, 8);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (answer, "service_level"),
                                  0.880148311, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (answer, "prob_wait"),
                                  0.167266507, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (answer, "asa_seconds"),
                                  10.035990, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (answer, "occupancy"),
                                  0.625, 1e-6);
  /* 8 / (1 - 30%) = 11.4: 12 to schedule. */
  g_assert_cmpint (json_object_get_int_member (answer, "scheduled"), ==, 12);

  /* Text, per half hour, with a maximum occupancy and a shrinkage. */
  esc_test_run_clear (&run);
  esc_test_run_cli (&run, "erlang", "--arrivals", "50", "--interval", "30", "--aht", "180",
                    "--service-level", "80%", "--max-occupancy", "50%", "--shrinkage", "0", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Agents"));
  g_assert_nonnull (strstr (run.out, "10\n"));
  g_assert_nonnull (strstr (run.out, "Occupancy"));
  g_assert_nonnull (strstr (run.out, "50.0%"));

  /* Usage errors. */
  esc_test_run_clear (&run);
  esc_test_run_cli (&run, "erlang", "--aht", "180", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--arrivals"));
  esc_test_run_clear (&run);
  esc_test_run_cli (&run, "erlang", "--arrivals", "10", "--aht", "180", "--service-level", "much",
                    NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "much"));
  esc_test_run_clear (&run);
  esc_test_run_cli (&run, "erlang", "--arrivals", "10", "--aht", "0", NULL);
  g_assert_cmpint (run.status, ==, 2);
  esc_test_run_clear (&run);
  esc_test_run_cli (&run, "erlang", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--service-level"));
}

/* Eight weeks of half-hourly counts of two channels, Monday 2026-10-12 to Sunday
 * 2026-12-06, as a Portuguese semicolon CSV. Sundays are closed and have no rows, so the
 * history's last day is Saturday 2026-12-05 and the forecast starts on Sunday 12-06. */
static char *
write_history (const char *dir)
{
  g_autoptr(GString) text = g_string_new ("Data;Hora;Canal;Quantidade\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  static const double weekday_factor[] = { 1.2, 1.1, 1.0, 1.0, 0.9, 0.5, 0 };
  char *path = g_build_filename (dir, "chamadas.csv", NULL);
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 12, 10, 2026);
  for (guint d = 0; d < 56; d++)
    {
      GDate day = first;

      g_date_add_days (&day, d);
      for (int m = 8 * 60; m < 20 * 60; m += 30)
        {
          double hour = (m + 15) / 60.0;
          double level = 60 * weekday_factor[g_date_get_weekday (&day) - 1] *
                         (0.4 + 0.6 * sin (G_PI * (hour - 8) / 12)) * (1 + 0.01 * d / 7.0);
          const char *channels[] = { "telefone", "e-mail" };

          if (level <= 0)
            continue;
          for (guint c = 0; c < G_N_ELEMENTS (channels); c++)
            {
              double count = round (level * (c == 0 ? 1 : 0.3) *
                                    (1 + 0.05 * g_rand_double_range (rand, -1.7, 1.7)));

              g_string_append_printf (text, "%02d/%02d/%04d;%02d:%02d;%s;%.0f\n",
                                      g_date_get_day (&day), g_date_get_month (&day),
                                      g_date_get_year (&day), m / 60, m % 60, channels[c],
                                      MAX (count, 0));
            }
        }
    }
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_forecast_demand (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = esc_test_make_temp_dir ("escala-cli-forecast-XXXXXX");
  g_autofree char *history = write_history (dir);
  g_autofree char *project_path = esc_test_copy_sample (dir, "loja.escala");
  g_autofree char *output = g_build_filename (dir, "previsao.csv", NULL);
  g_autofree char *saved = g_build_filename (dir, "previsao.json", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_auto(EscTestRun) run = { 0 };
  EscTable *demand;
  guint generated = 0, kept = 0, n_lines;
  EscJulian first_day, last_day;

  esc_test_run_cli (&run, "forecast", history, "--interval", "30", "--horizon", "14",
                    "--output", output, "--backtest", "2", "--deferred", "e-mail", "--save", saved,
                    "--demand-into", project_path, "--store", "LJ01", "--role", "CAIXA", "--upper",
                    NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Backtest"));
  g_assert_nonnull (strstr (run.out, "telefone"));

  /* The CSV: a header and 14 days of half hours for each of the two channels. */
  g_assert_true (g_file_get_contents (output, &csv, NULL, &error));
  lines = g_strsplit (csv, "\r\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpstr (lines[0], ==, "timestamp,channel,forecast,lower,upper,holiday,agents,"
                                 "scheduled,service_level,asa_seconds,occupancy");
  g_assert_cmpuint (n_lines, ==, 1 + 2 * 14 * 48 + 1);   /* the last line is empty */
  g_assert_cmpstr (lines[n_lines - 1], ==, "");
  g_assert_true (g_str_has_prefix (lines[1], "2026-12-06 00:00,e-mail,0.00,0.00,0.00,no,0,0,"));
  g_assert_true (g_file_test (saved, G_FILE_TEST_EXISTS));

  /* The project: dated Demand rows of LJ01 / CAIXA over the 14 days, the sample's other
   * rows of LJ01 / CAIXA as they were, and no errors. */
  project = esc_project_file_load (project_path, &error);
  g_assert_no_error (error);
  demand = esc_project_get_table (project, ESC_TABLE_DEMAND);
  g_assert_true (esc_parse_date ("2026-12-06", &first_day, NULL));
  last_day = first_day + 13;
  for (guint i = 0; i < esc_table_get_n_rows (demand); i++)
    {
      EscRow *row = esc_table_get_row (demand, i);
      EscJulian day;

      if (g_strcmp0 (esc_row_get (row, ESC_DEMAND_STORE), "LJ01") == 0 &&
          g_strcmp0 (esc_row_get (row, ESC_DEMAND_ROLE), "CAIXA") == 0 &&
          esc_parse_date (esc_row_get (row, ESC_DEMAND_DAY), &day, NULL))
        {
          if (day < first_day || day > last_day)
            {
              kept++;
              continue;
            }
          g_assert_cmpint (esc_julian_weekday (day), !=, ESC_SUN);
          generated++;
        }
    }
  g_test_message ("%u generated demand rows, %u dated rows of other days kept", generated, kept);
  g_assert_cmpuint (generated, >=, 12);
  /* The sample's dated rows after the horizon (Christmas week) are still there. */
  g_assert_cmpuint (kept, >, 0);
  diagnostics = esc_validate_project (project);
  g_assert_cmpuint (esc_validate_count_errors (diagnostics), ==, 0);

  esc_test_run_clear (&run);
  esc_test_run_cli (&run, "validate", project_path, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* The saved forecast's period has no actuals in this history yet. */
  esc_test_run_clear (&run);
  esc_test_run_cli (&run, "forecast", history, "--compare", saved, NULL);
  g_assert_cmpint (run.status, ==, 1);

  /* Problems with the input (1) and with files and usage (2). */
  esc_test_run_clear (&run);
  esc_test_run_cli (&run, "forecast", history, "--output", output, "--channel", "fax", NULL);
  g_assert_cmpint (run.status, ==, 1);
  esc_test_run_clear (&run);
  esc_test_run_cli (&run, "forecast", history, "--output", output, "--demand-into", project_path,
                    "--store", "NOPE", "--role", "CAIXA", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "NOPE"));
  esc_test_run_clear (&run);
  esc_test_run_cli (&run, "forecast", history, "--output", output, "--horizon", "0", NULL);
  g_assert_cmpint (run.status, ==, 2);
  esc_test_run_clear (&run);
  esc_test_run_cli (&run, "forecast", history, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--output"));
  esc_test_run_clear (&run);
  esc_test_run_cli (&run, "forecast", "/nonexistent/history.csv", "--output", output, NULL);
  g_assert_cmpint (run.status, ==, 2);

  esc_test_remove_tree (dir);
}

static void
test_forecast_bad_history (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = esc_test_make_temp_dir ("escala-cli-forecast-XXXXXX");
  g_autofree char *history = g_build_filename (dir, "calls.csv", NULL);
  g_autofree char *output = g_build_filename (dir, "out.csv", NULL);
  g_auto(EscTestRun) run = { 0 };

  g_assert_true (g_file_set_contents (history, "timestamp,count\n2026-01-05 08:00,3\n"
                                      "2026-01-05 08:30,lots\n", -1, &error));
  esc_test_run_cli (&run, "forecast", history, "--output", output, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "row 3, column 2"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  /* Parses, but two rows are not two weeks. */
  g_assert_true (g_file_set_contents (history, "timestamp,count\n2026-01-05 08:00,3\n"
                                      "2026-01-05 08:30,4\n", -1, &error));
  esc_test_run_clear (&run);
  esc_test_run_cli (&run, "forecast", history, "--output", output, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "two weeks"));

  esc_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/staffing/cli/erlang", test_erlang);
  g_test_add_func ("/staffing/cli/forecast-demand", test_forecast_demand);
  g_test_add_func ("/staffing/cli/forecast-bad-history", test_forecast_bad_history);

  return g_test_run ();
}
