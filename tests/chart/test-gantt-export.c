/* test-gantt-export.c: PNG, SVG and PDF exports (src/chart/esc-gantt-export.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-chart"

#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "chart/esc-gantt-export.h"
#include "chart-fixture.h"
#include "test-chart.h"

#define DAY ESC_MINUTES_PER_DAY

typedef struct
{
  char *dir;
} TempDir;

static void
temp_dir_clear (TempDir *temp)
{
  if (temp->dir == NULL)
    return;
  {
    g_autoptr(GDir) dir = g_dir_open (temp->dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (temp->dir, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (temp->dir);
  g_clear_pointer (&temp->dir, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TempDir, temp_dir_clear)

static char *
temp_path (TempDir    *temp,
           const char *name)
{
  if (temp->dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      temp->dir = g_dir_make_tmp ("escala-chart-XXXXXX", &error);
      g_assert_no_error (error);
    }
  return g_build_filename (temp->dir, name, NULL);
}

static EscGanttModel *
small_model (void)
{
  g_autoptr(EscProject) project = chart_fixture_small ();

  return esc_gantt_model_new (project, NULL);
}

/* Whether @data holds @needle (binary data: NUL bytes do not end it). */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* "/Type /Page" objects, not "/Type /Pages". */
static guint
count_pdf_pages (const char *data,
                 gsize       length)
{
  static const char needle[] = "/Type /Page";
  gsize n = sizeof needle - 1;
  guint count = 0;

  /* The file holds binary streams (and NUL bytes): search it byte by byte. */
  for (gsize i = 0; i + n < length; i++)
    if (memcmp (data + i, needle, n) == 0 && data[i + n] != 's')
      count++;
  return count;
}

static void
test_png (void)
{
  g_auto (TempDir) temp = { 0 };
  g_autofree char *path = temp_path (&temp, "chart.png");
  g_autofree char *path2x = temp_path (&temp, "chart@2x.png");
  g_autoptr(EscGanttModel) model = small_model ();
  g_autoptr(GError) error = NULL;
  EscGanttExportOptions options;
  cairo_surface_t *surface;
  double width, height;

  esc_gantt_export_options_init (&options);
  options.width = 1200;
  options.title = "Loja Centro";
  esc_gantt_export_get_image_size (model, &options, &width, &height);
  g_assert_cmpfloat (width, ==, 1200);
  /* Header, axis, ten rows, legend. */
  g_assert_cmpfloat (height, >, 52 + 10 * 28 + 56);
  g_assert_true (esc_gantt_export (model, &options, path, &error));
  g_assert_no_error (error);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (width));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (height));
  cairo_surface_destroy (surface);

  options.scale = 2;
  options.style = ESC_GANTT_STYLE_DARK;
  g_assert_true (esc_gantt_export_png (model, &options, path2x, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path2x);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (2 * width));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (2 * height));
  cairo_surface_destroy (surface);
}

static void
test_svg (void)
{
  g_auto (TempDir) temp = { 0 };
  g_autofree char *path = temp_path (&temp, "chart.svg");
  g_autoptr(EscGanttModel) model = small_model ();
  g_autoptr(GError) error = NULL;
  EscGanttExportOptions options;
  xmlDocPtr doc;
  xmlNodePtr root;
  double width, height;

  esc_gantt_export_options_init (&options);
  options.color_by = ESC_GANTT_COLOR_BY_STORE;
  g_assert_true (esc_gantt_export (model, &options, path, &error));
  g_assert_no_error (error);

  doc = xmlReadFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  {
    xmlChar *w = xmlGetProp (root, (const xmlChar *) "width");

    esc_gantt_export_get_image_size (model, &options, &width, &height);
    g_assert_nonnull (w);
    g_assert_cmpfloat (fabs (g_ascii_strtod ((const char *) w, NULL) - width), <, 1);
    xmlFree (w);
  }
  xmlFreeDoc (doc);
}

static void
test_pdf (void)
{
  g_auto (TempDir) temp = { 0 };
  g_autofree char *path = temp_path (&temp, "chart.pdf");
  g_autofree char *letter = temp_path (&temp, "letter.pdf");
  g_autoptr(EscGanttModel) model = small_model ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  EscGanttExportOptions options;

  esc_gantt_export_options_init (&options);
  options.title = "Loja Centro";
  g_assert_true (esc_gantt_export (model, &options, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF"));
  /* Seven days and ten rows: one A4 page. */
  g_assert_cmpuint (count_pdf_pages (data, length), ==, 1);
  g_assert_true (contains_bytes (data, length, "/MediaBox [ 0 0 841.89 595.28 ]"));
  g_clear_pointer (&data, g_free);

  options.paper = ESC_GANTT_PAPER_LETTER;
  options.days_per_page = 3;
  g_assert_true (esc_gantt_export_pdf (model, &options, letter, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (letter, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF"));
  /* Seven days in slices of three: three pages. */
  g_assert_cmpuint (count_pdf_pages (data, length), ==, 3);
  g_assert_true (contains_bytes (data, length, "/MediaBox [ 0 0 792 612 ]"));
}

static void
test_pdf_many_pages (void)
{
  g_auto (TempDir) temp = { 0 };
  g_autofree char *path = temp_path (&temp, "many.pdf");
  g_autoptr(EscProject) project = chart_fixture_generate (120, 14, 5);
  g_autoptr(EscGanttModel) model = esc_gantt_model_new (project, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscGanttPages) pages = NULL;
  g_autofree char *data = NULL;
  gsize length;
  EscGanttExportOptions options;
  double width, height;
  guint n_pages, row_pages, expected_first = 0;
  guint n_rows = esc_gantt_model_get_n_rows (model);

  esc_gantt_export_options_init (&options);
  esc_gantt_paper_get_size (options.paper, &width, &height);
  pages = esc_gantt_pages_new (model, &options, width, height);
  n_pages = esc_gantt_pages_get_n_pages (pages);

  /* Two weeks in two slices; each slice goes through every row once, in order, never
   * ending a page on a group header (or on its lanes). */
  g_assert_cmpuint (n_pages % 2, ==, 0);
  row_pages = n_pages / 2;
  g_assert_cmpuint (row_pages, >=, 3);
  for (guint i = 0; i < n_pages; i++)
    {
      double t0, t1;
      guint first, end;

      esc_gantt_pages_get_page (pages, i, &t0, &t1, &first, &end);
      g_assert_cmpfloat (t0, ==, (i / row_pages) * 7.0 * DAY);
      g_assert_cmpfloat (t1 - t0, ==, 7.0 * DAY);
      if (i % row_pages == 0)
        expected_first = 0;
      g_assert_cmpuint (first, ==, expected_first);
      g_assert_cmpuint (end, >, first);
      /* A page that does not end a group ends on an employee. */
      if (end < n_rows)
        {
          const EscGanttRow *last = esc_gantt_model_get_row (model, end - 1);

          if (esc_gantt_model_get_row (model, end)->group == last->group)
            g_assert_cmpint (last->kind, ==, ESC_GANTT_ROW_EMPLOYEE);
        }
      expected_first = end;
      if (i % row_pages == row_pages - 1)
        g_assert_cmpuint (end, ==, n_rows);
    }

  g_assert_true (esc_gantt_export_pdf (model, &options, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF"));
  g_assert_cmpuint (count_pdf_pages (data, length), ==, n_pages);
}

static void
test_errors (void)
{
  g_auto (TempDir) temp = { 0 };
  g_autofree char *unknown = temp_path (&temp, "chart.gif");
  g_autofree char *missing_dir = temp_path (&temp, "no/such/dir/chart.png");
  g_autofree char *missing_pdf = temp_path (&temp, "no/such/dir/chart.pdf");
  g_autofree char *large = temp_path (&temp, "large.png");
  g_autoptr(EscGanttModel) model = small_model ();
  g_autoptr(GError) error = NULL;
  EscGanttExportOptions options;
  EscGanttFormat format;

  g_assert_true (esc_gantt_format_from_path ("a/b.PDF", &format));
  g_assert_cmpint (format, ==, ESC_GANTT_FORMAT_PDF);
  g_assert_true (esc_gantt_format_from_path ("x.svg", &format));
  g_assert_cmpint (format, ==, ESC_GANTT_FORMAT_SVG);
  g_assert_false (esc_gantt_format_from_path ("x.png/y", &format));
  g_assert_false (esc_gantt_format_from_path ("png", &format));

  esc_gantt_export_options_init (&options);
  g_assert_false (esc_gantt_export (model, &options, unknown, &error));
  g_assert_error (error, ESC_CHART_ERROR, ESC_CHART_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_false (esc_gantt_export (model, &options, missing_dir, &error));
  g_assert_error (error, ESC_CHART_ERROR, ESC_CHART_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_false (esc_gantt_export (model, &options, missing_pdf, &error));
  g_assert_error (error, ESC_CHART_ERROR, ESC_CHART_ERROR_WRITE);
  g_clear_error (&error);

  options.width = 20000;
  options.scale = 2;
  g_assert_false (esc_gantt_export (model, &options, large, &error));
  g_assert_error (error, ESC_CHART_ERROR, ESC_CHART_ERROR_TOO_LARGE);
  g_assert_false (g_file_test (large, G_FILE_TEST_EXISTS));
}

static void
test_time_range (void)
{
  g_autoptr(EscGanttModel) model = small_model ();
  g_autoptr(EscGanttPages) pages = NULL;
  EscGanttExportOptions options;
  double t0, t1;

  /* From Wednesday, two days, in slices of a day: two pages of one day. */
  esc_gantt_export_options_init (&options);
  options.t0 = 2 * DAY;
  options.t1 = 4 * DAY;
  options.days_per_page = 1;
  pages = esc_gantt_pages_new (model, &options, 842, 595);
  g_assert_cmpuint (esc_gantt_pages_get_n_pages (pages), ==, 2);
  esc_gantt_pages_get_page (pages, 1, &t0, &t1, NULL, NULL);
  g_assert_cmpfloat (t0, ==, 3 * DAY);
  g_assert_cmpfloat (t1, ==, 4 * DAY);
}

void
esc_test_add_gantt_export_tests (void)
{
  g_test_add_func ("/chart/export/png", test_png);
  g_test_add_func ("/chart/export/svg", test_svg);
  g_test_add_func ("/chart/export/pdf", test_pdf);
  g_test_add_func ("/chart/export/pdf-many-pages", test_pdf_many_pages);
  g_test_add_func ("/chart/export/errors", test_errors);
  g_test_add_func ("/chart/export/time-range", test_time_range);
}
