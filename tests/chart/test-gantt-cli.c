/* test-gantt-cli.c: "escala-cli gantt" run as a user would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-chart"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include <cairo.h>

#include "io/esc-project-file.h"
#include "chart-fixture.h"
#include "esc-test-cli.h"

static char *work_dir;
static char *project_path;

static char *
output_path (const char *name)
{
  return g_build_filename (work_dir, name, NULL);
}

static guint
count_pages (const char *path)
{
  static const char needle[] = "/Type /Page";
  gsize n = sizeof needle - 1;
  g_autofree char *data = NULL;
  gsize length;
  guint count = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF"));
  /* Binary streams hold NUL bytes: search byte by byte. */
  for (gsize i = 0; i + n < length; i++)
    if (memcmp (data + i, needle, n) == 0 && data[i + n] != 's')
      count++;
  return count;
}

static void
test_png (void)
{
  g_auto (EscTestRun) run = { 0 };
  g_autofree char *png = output_path ("week.png");
  cairo_surface_t *surface;

  esc_test_run_cli (&run, "gantt", project_path, "--output", png, "--width", "1000", "--scale", "2",
                    NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Wrote "));
  g_assert_nonnull (strstr (run.out, "2021-03-01 to 2021-03-07"));
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2000);
  cairo_surface_destroy (surface);
}

static void
test_pdf_and_svg (void)
{
  g_auto (EscTestRun) run = { 0 };
  g_auto (EscTestRun) run2 = { 0 };
  g_autofree char *pdf = output_path ("days.pdf");
  g_autofree char *svg = output_path ("chart.svg");
  g_autofree char *svg_text = NULL;

  esc_test_run_cli (&run, "gantt", project_path, "-o", pdf, "--from", "02/03/2021", "--days", "4",
                    "--days-per-page", "2", "--paper", "letter", "--dark", "--color-by", "store",
                    NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2 pages, 2021-03-02 to 2021-03-05"));
  g_assert_cmpuint (count_pages (pdf), ==, 2);

  esc_test_run_cli (&run2, "gantt", "--title", "Centro", project_path, "--output", svg, NULL);
  g_assert_cmpint (run2.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));
}

static void
test_errors (void)
{
  g_auto (EscTestRun) no_output = { 0 };
  g_auto (EscTestRun) bad_format = { 0 };
  g_auto (EscTestRun) bad_paper = { 0 };
  g_auto (EscTestRun) bad_date = { 0 };
  g_auto (EscTestRun) no_file = { 0 };
  g_auto (EscTestRun) unwritable = { 0 };
  g_autofree char *gif = output_path ("chart.gif");
  g_autofree char *pdf = output_path ("x.pdf");
  g_autofree char *nowhere = output_path ("missing/dir/x.png");
  g_autofree char *missing = output_path ("missing.escala");

  esc_test_run_cli (&no_output, "gantt", project_path, NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  g_assert_nonnull (strstr (no_output.err, "--output"));

  esc_test_run_cli (&bad_format, "gantt", project_path, "--output", gif, NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  g_assert_nonnull (strstr (bad_format.err, ".png, .svg or .pdf"));

  esc_test_run_cli (&bad_paper, "gantt", project_path, "--output", pdf, "--paper", "a3", NULL);
  g_assert_cmpint (bad_paper.status, ==, 2);
  g_assert_nonnull (strstr (bad_paper.err, "--paper"));

  esc_test_run_cli (&bad_date, "gantt", project_path, "--output", pdf, "--from", "31/02/2021",
                    NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
  g_assert_nonnull (strstr (bad_date.err, "--from"));

  esc_test_run_cli (&no_file, "gantt", missing, "--output", pdf, NULL);
  g_assert_cmpint (no_file.status, ==, 2);

  esc_test_run_cli (&unwritable, "gantt", project_path, "--output", nowhere, NULL);
  g_assert_cmpint (unwritable.status, ==, 2);
  g_assert_nonnull (strstr (unwritable.err, "Cannot write"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_help (void)
{
  g_auto (EscTestRun) run = { 0 };

  esc_test_run_cli (&run, "gantt", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--color-by"));
  g_assert_nonnull (strstr (run.out, "--days-per-page"));
}

int
main (int argc, char **argv)
{
  g_autoptr(EscProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  work_dir = esc_test_make_temp_dir ("escala-gantt-cli-XXXXXX");
  project_path = g_build_filename (work_dir, "centro.escala", NULL);
  project = chart_fixture_small ();
  g_assert_true (esc_project_file_save (project, project_path, &error));
  g_assert_no_error (error);

  g_test_add_func ("/chart/cli/png", test_png);
  g_test_add_func ("/chart/cli/pdf-and-svg", test_pdf_and_svg);
  g_test_add_func ("/chart/cli/errors", test_errors);
  g_test_add_func ("/chart/cli/help", test_help);
  status = g_test_run ();

  esc_test_remove_tree (work_dir);
  g_free (project_path);
  g_free (work_dir);
  return status;
}
