/* test-polish.c: what a screenshot review of every page asked for, checked in English,
 * German and Brazilian Portuguese: the Chart and Reassignment toolbars fit beside the
 * sidebar at the default width; the solver's status, version names, the Preferences
 * table and percentages read as each language reads them; one suggested button per
 * view; the audit log's empty state; the Overview's value column as wide as its text;
 * and the accessible roles, names and descriptions of the hand-drawn widgets (the Gantt
 * view, the charts, the workload plot) and of the date button.
 *
 * The languages run in subprocesses (ESC_TEST_LOCALE names the locale; main() sets it
 * before anything reads it), with the catalogues built in the build tree
 * (ESC_LOCALE_DIR). Accessibility is read through GTK's test AT context, which GTK
 * uses when GTK_A11Y=none: gtk_test_accessible_has_role () and
 * gtk_test_accessible_check_property () see what a screen reader would be given.
 *
 * Without a display the test exits 77 (skipped).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>

#include "chart/esc-overview-chart.h"
#include "core/esc-audit.h"
#include "core/esc-display.h"
#include "core/esc-schema.h"
#include "core/esc-table.h"
#include "core/esc-versions.h"
#include "esc-audit-page.h"
#include "esc-chart-page.h"
#include "esc-date-button.h"
#include "esc-gantt-view.h"
#include "esc-main-window.h"
#include "esc-overview-page.h"
#include "esc-preferences-window.h"
#include "io/esc-project-file.h"
#include "solver/esc-schedule.h"

#define EXIT_SKIP 77

static char *tmp_dir;

/* Main loop helpers. */

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_until (gboolean   (*condition) (gpointer data),
            gpointer     data,
            guint        timeout_ms,
            const char  *what)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static char *
copy_sample (void)
{
  static guint counter;
  g_autofree char *source = g_build_filename (ESC_SAMPLES_DIR, "loja-centro.escala", NULL);
  g_autofree char *name = g_strdup_printf ("sample-%u.escala", ++counter);
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
window_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* A window at the app's default size showing a copy of the sample. */
static EscMainWindow *
open_sample (void)
{
  g_autofree char *path = copy_sample ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  EscMainWindow *window = esc_main_window_new (NULL);

  g_assert_true (esc_main_window_open_file (window, file, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (window_drawn, window, 10000, "the window to be drawn");
  return window;
}

static void
close_window (EscMainWindow *window)
{
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  iterate (20);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (20);
}

/* The first descendant of @root (or @root) of @type for which @match (may be NULL)
 * holds. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             gboolean  (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_page (GtkWidget     *widget,
          gconstpointer  data)
{
  return gtk_stack_get_child_by_name (GTK_STACK (widget), data) != NULL;
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  data)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

/* The accessible property @property of @widget is @expected (a string). */
static void
assert_accessible_string (GtkWidget             *widget,
                          GtkAccessibleProperty  property,
                          const char            *expected)
{
  g_autofree char *value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property,
                                                               expected);

  if (value != NULL)
    g_error ("%s: accessible property %d is “%s”, expected “%s”",
             G_OBJECT_TYPE_NAME (widget), property, value, expected);
}

static gboolean
have_locale (const char *name)
{
  locale_t locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);

  if (locale == (locale_t) 0)
    return FALSE;
  freelocale (locale);
  return TRUE;
}

/* Runs the test in a subprocess under @locale; skips when the locale or the built
 * catalogues are missing. FALSE: the caller is the parent, and it is done. */
static gboolean
enter_language (const char *locale,
                const char *language)
{
  g_autofree char *mo = NULL;

  if (g_test_subprocess ())
    return TRUE;
  if (!have_locale (locale))
    {
      g_test_skip_printf ("no %s locale", locale);
      return FALSE;
    }
  mo = g_build_filename (ESC_LOCALE_DIR, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (language != NULL && !g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip_printf ("%s is not built", mo);
      return FALSE;
    }
  g_setenv ("ESC_TEST_LOCALE", locale, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("ESC_TEST_LOCALE");
  g_test_trap_assert_passed ();
  return FALSE;
}

typedef struct
{
  const char *locale;
  const char *language;   /* the catalogue, NULL for English */
  /* what the language reads */
  const char *optimal;
  const char *feasible;
  const char *version_solve;     /* v1 kept 2026-11-21 09:45 UTC */
  const char *version_saved;
  const char *preference_table;
  const char *preferences_window;
  const char *percent;           /* 12.5 */
} Language;

static const Language languages[] = {
  { "C.UTF-8", NULL, "optimal", "feasible", "Solve 21 Nov 09:45", "Saved 21 Nov 09:45",
    "Preferences", "Preferences", "12.5%" },
  { "de_DE.UTF-8", "de", "optimal", "zulässig", "Optimierung 21. Nov 09:45",
    "Gespeichert 21. Nov 09:45", "Wünsche", "Einstellungen", "12,5\u202f%" },
  { "pt_BR.UTF-8", "pt_BR", "ótima", "viável", "Otimização 21 nov 09:45", "Salva 21 nov 09:45",
    "Preferências", "Preferências", "12,5%" },
};

/* Toolbars. */

static gboolean
page_laid_out (gpointer data)
{
  GtkWidget *page = data;

  return gtk_widget_get_mapped (page) && gtk_widget_get_width (page) > 0;
}

/* At the default window size the sidebar stays beside the Chart and Reassignment
 * pages: their toolbars are narrow enough in every language. */
static void
test_toolbars_fit (gconstpointer data)
{
  const Language *language = data;
  const char *pages[] = { "chart", "reassign", "employee", "overview" };
  EscMainWindow *window;
  AdwLeaflet *leaflet;
  int default_width, default_height;

  if (!enter_language (language->locale, language->language))
    return;

  window = open_sample ();
  gtk_window_get_default_size (GTK_WINDOW (window), &default_width, &default_height);
  g_assert_cmpint (default_width, <=, 1100);
  leaflet = ADW_LEAFLET (find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL, NULL));
  g_assert_nonnull (leaflet);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page;

      g_assert_true (esc_main_window_show_page (window, pages[i]));
      page = esc_main_window_get_page_widget (window, pages[i]);
      wait_until (page_laid_out, page, 10000, "the page to be laid out");
      iterate (100);
      g_test_message ("%s, %s: window %d px wide, leaflet %s", language->locale, pages[i],
                      gtk_widget_get_width (GTK_WIDGET (window)),
                      adw_leaflet_get_folded (leaflet) ? "folded" : "unfolded");
      if (adw_leaflet_get_folded (leaflet))
        g_error ("%s: the %s page folds the sidebar away at %d px", language->locale,
                 pages[i], gtk_widget_get_width (GTK_WIDGET (window)));
    }
  close_window (window);
}

/* Words. */

static EscRow *
version_row (const char *name,
             const char *kind,
             const char *created)
{
  return esc_row_new_with_values (ESC_TABLE_VERSION, (const char *[]) {
    "v1", name, kind, created, "optimal", "0", "10.00", "2", "" });
}

static void
assert_version_name (EscRow     *row,
                     const char *expected)
{
  g_autofree char *shown = esc_versions_display_name (row);

  g_assert_cmpstr (shown, ==, expected);
}

/* The solver's status, the versions' names, the Preferences table and window and a
 * percentage, as the language reads them. */
static void
test_words (gconstpointer data)
{
  const Language *language = data;
  g_autofree char *percent = NULL;
  GtkWidget *preferences;

  if (!enter_language (language->locale, language->language))
    return;

  g_assert_cmpstr (esc_schedule_status_to_display (ESC_SCHEDULE_OPTIMAL), ==, language->optimal);
  g_assert_cmpstr (esc_schedule_status_to_display (ESC_SCHEDULE_FEASIBLE), ==, language->feasible);
  /* The data word stays English whatever the language. */
  g_assert_cmpstr (esc_schedule_status_to_string (ESC_SCHEDULE_FEASIBLE), ==, "feasible");

  /* A name the app gave, in any language, is built again in this one; the stored row is
   * not changed; a name someone typed is kept. */
  {
    g_autoptr(EscRow) english = version_row ("Solve 21 Nov 09:45", ESC_VERSION_KIND_SOLVE,
                                             "2026-11-21T09:45:00Z");
    g_autoptr(EscRow) portuguese = version_row ("Otimização 21 nov 09:45", ESC_VERSION_KIND_SOLVE,
                                                "2026-11-21T09:45:00Z");
    g_autoptr(EscRow) saved = version_row ("Saved 21 Nov 10:45", ESC_VERSION_KIND_SAVED,
                                           "2026-11-21T10:45:00+01:00");
    g_autoptr(EscRow) unnamed = version_row ("", ESC_VERSION_KIND_SAVED, "2026-11-21T09:45:00Z");
    g_autoptr(EscRow) typed = version_row ("Before the sale", ESC_VERSION_KIND_SOLVE,
                                           "2026-11-21T09:45:00Z");
    g_autoptr(EscRow) other_time = version_row ("Solve 21 Nov 09:46", ESC_VERSION_KIND_SOLVE,
                                                "2026-11-21T09:45:00Z");
    g_autoptr(EscRow) bad_time = version_row ("Solve 21 Nov 09:45", ESC_VERSION_KIND_SOLVE,
                                              "yesterday");

    assert_version_name (english, language->version_solve);
    g_assert_cmpstr (esc_row_get (english, ESC_VERSION_NAME), ==, "Solve 21 Nov 09:45");
    assert_version_name (portuguese, language->version_solve);
    /* Kept at 10:45 in UTC+1: shown in the local zone (UTC here). */
    assert_version_name (saved, language->version_saved);
    assert_version_name (unnamed, language->version_saved);
    assert_version_name (typed, "Before the sale");
    assert_version_name (other_time, "Solve 21 Nov 09:46");
    assert_version_name (bad_time, "Solve 21 Nov 09:45");
  }

  /* The wishes table and the app's settings window are different words where the
   * language wants it. */
  g_assert_cmpstr (_(esc_schema_get_table (ESC_TABLE_PREFERENCE)->title), ==,
                   language->preference_table);
  preferences = esc_preferences_window_new (NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (preferences)), ==,
                   language->preferences_window);
  gtk_window_destroy (GTK_WINDOW (preferences));

  percent = esc_display_percent (12.5, 1);
  g_assert_cmpstr (percent, ==, language->percent);
}

/* The chart page with a kept version shows its name in the language, the stored name
 * unchanged. */
static void
test_version_drop_down (gconstpointer data)
{
  const Language *language = data;
  g_autofree char *path = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscRow) version = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *window;
  EscChartPage *page;
  GtkDropDown *dropdown;
  GtkStringObject *item;

  if (!enter_language (language->locale, language->language))
    return;

  path = copy_sample ();
  project = esc_project_file_load (path, &error);
  g_assert_no_error (error);
  version = version_row ("Solve 21 Nov 09:45", ESC_VERSION_KIND_SOLVE, "2026-11-21T09:45:00Z");
  esc_table_append (esc_project_get_table (project, ESC_TABLE_VERSION), version);

  window = gtk_window_new ();
  page = esc_chart_page_new ();
  esc_chart_page_set_project (page, project);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  iterate (100);

  dropdown = GTK_DROP_DOWN (find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN, NULL, NULL));
  g_assert_nonnull (dropdown);
  item = gtk_drop_down_get_selected_item (dropdown);
  g_assert_nonnull (item);
  expected = g_strdup_printf ("v1 · %s", language->version_solve);
  g_assert_cmpstr (gtk_string_object_get_string (item), ==, expected);
  g_assert_cmpstr (esc_row_get (esc_table_get_row (esc_project_get_table (project, ESC_TABLE_VERSION), 0),
                                ESC_VERSION_NAME), ==, "Solve 21 Nov 09:45");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate (20);
}

/* One suggested button per view: on the Chart and Reassignment pages the header's
 * Solve is the one; Re-optimize and Run are plain. */
static void
test_one_suggested_button (void)
{
  EscMainWindow *window = open_sample ();
  GtkWidget *chart, *reassign, *button;

  g_assert_true (esc_main_window_show_page (window, "chart"));
  chart = esc_main_window_get_page_widget (window, "chart");
  button = find_widget (chart, GTK_TYPE_BUTTON, has_action, "win.reoptimize");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_has_css_class (button, "suggested-action"));

  g_assert_true (esc_main_window_show_page (window, "reassign"));
  reassign = esc_main_window_get_page_widget (window, "reassign");
  button = find_widget (reassign, GTK_TYPE_BUTTON, has_action, "reassign.run");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Run");
  g_assert_false (gtk_widget_has_css_class (button, "suggested-action"));

  /* The header's Solve stays the suggested one. */
  button = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, has_action, "win.solve");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
  close_window (window);
}

/* The audit log: a status page says when entries appear, "No changes" rather than a
 * count of zero; entries show the log; a filter that matches nothing says so. */
static void
test_audit_empty_state (void)
{
  g_autofree char *path = copy_sample ();
  g_autoptr(EscProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *page;
  GtkStack *stack;
  AdwStatusPage *status;
  GtkLabel *count;

  project = esc_project_file_load (path, &error);
  g_assert_no_error (error);
  esc_table_clear (esc_project_get_table (project, ESC_TABLE_AUDIT));
  window = gtk_window_new ();
  page = esc_audit_page_new (project);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  iterate (50);

  stack = GTK_STACK (find_widget (page, GTK_TYPE_STACK, has_page, "log"));
  status = ADW_STATUS_PAGE (find_widget (page, ADW_TYPE_STATUS_PAGE, NULL, NULL));
  count = GTK_LABEL (find_widget (page, GTK_TYPE_LABEL, has_css_class, "dim-label"));
  g_assert_nonnull (stack);
  g_assert_nonnull (status);
  g_assert_nonnull (count);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Changes Yet");
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "undo and redo"));
  g_assert_cmpstr (gtk_label_get_text (count), ==, "No changes");

  esc_audit_append (project, "Ana", "Edit Employees row 3", "employee", "E003");
  iterate (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "log");
  g_assert_cmpstr (gtk_label_get_text (count), ==, "1 change");

  esc_audit_page_set_filter (ESC_AUDIT_PAGE (page), "holiday", NULL);
  iterate (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Matching Changes");
  g_assert_cmpstr (gtk_label_get_text (count), ==, "No changes");

  esc_audit_page_set_filter (ESC_AUDIT_PAGE (page), NULL, "e003");
  iterate (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "log");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate (20);
}

/* The Overview's value column is as wide as its longest text (what the review found
 * cut: "84,3 % · 152,0 h unge…"), and never takes the whole chart. */
static void
test_overview_text_measured (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);
  const EscOverviewBar bars[] = {
    { "Loja Centro · Operador de caixa", 84.3, 100, "84,3 % · 152,0 h ungedeckter Bedarf" },
    { "Loja Centro · Gerente", 100, 100, "100 % · 0 h" },
    { "Short", 3, -1, NULL },
  };
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 9");
  int longest, longest_label, unused;
  double label_width, text_width;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, bars[0].text, -1);
  pango_layout_get_pixel_size (layout, &longest, &unused);
  pango_layout_set_text (layout, bars[0].label, -1);
  pango_layout_get_pixel_size (layout, &longest_label, &unused);

  esc_overview_chart_measure (cr, 900, bars, G_N_ELEMENTS (bars), &label_width, &text_width);
  g_test_message ("longest value %d px: column %.0f px; longest label %d px: column %.0f px",
                  longest, text_width, longest_label, label_width);
  g_assert_cmpfloat (longest, >, 150);   /* wider than the old fixed column */
  g_assert_cmpfloat (text_width, >=, longest);
  g_assert_cmpfloat (text_width, <=, longest + 2);
  g_assert_cmpfloat (label_width, >=, longest_label);

  /* Short texts leave the room to the bars. */
  esc_overview_chart_measure (cr, 900, &bars[1], 1, NULL, &text_width);
  g_assert_cmpfloat (text_width, <, 100);

  /* A narrow chart keeps a bar: the columns are capped. */
  esc_overview_chart_measure (cr, 300, bars, G_N_ELEMENTS (bars), &label_width, &text_width);
  g_assert_cmpfloat (label_width, <=, 0.3 * 300);
  g_assert_cmpfloat (text_width, <=, 0.4 * 300);

  /* No bars: nothing to measure. */
  esc_overview_chart_measure (cr, 900, NULL, 0, &label_width, &text_width);
  g_assert_cmpfloat (text_width, <=, 1);

  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Accessibility. */

/* EscDateButton: a group (the page names it) around a button that says the date in
 * full and what pressing it does. */
static void
test_a11y_date_button (void)
{
  GtkWidget *button = esc_date_button_new ();
  GtkWidget *inner;
  g_autoptr(GDate) date = g_date_new_dmy (7, G_DATE_DECEMBER, 2026);
  g_autofree char *spoken = NULL;

  g_object_ref_sink (button);
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_ROLE_GROUP));
  inner = find_widget (button, GTK_TYPE_MENU_BUTTON, NULL, NULL);
  g_assert_nonnull (inner);
  assert_accessible_string (inner, GTK_ACCESSIBLE_PROPERTY_LABEL, "No date");
  assert_accessible_string (inner, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Pick a Date");

  esc_date_button_set_date (ESC_DATE_BUTTON (button), g_date_get_julian (date));
  spoken = esc_display_date_long (g_date_get_julian (date));
  g_assert_cmpstr (spoken, ==, "Monday, 7 December 2026");
  assert_accessible_string (inner, GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);

  g_object_unref (button);
}

/* The pages name the date buttons they hold. */
static void
test_a11y_date_buttons_named (void)
{
  EscMainWindow *window = open_sample ();
  const char *pages[] = { "parameters", "reassign" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page;
      GtkWidget *button;

      g_assert_true (esc_main_window_show_page (window, pages[i]));
      page = esc_main_window_get_page_widget (window, pages[i]);
      button = find_widget (page, ESC_TYPE_DATE_BUTTON, NULL, NULL);
      g_assert_nonnull (button);
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL));
    }
  close_window (window);
}

/* The Gantt view: a grid with a label; its description tells how to move through the
 * bars, then describes the selected one. */
static void
test_a11y_gantt_view (void)
{
  EscMainWindow *window = open_sample ();
  EscProject *project = esc_main_window_get_project (window);
  EscTable *allocations = esc_project_get_table (project, ESC_TABLE_ALLOCATION);
  GtkWidget *page;
  EscGanttView *view;
  EscGanttModel *model;
  const char *task = NULL;
  g_autofree char *description = NULL;
  guint row, bar;

  g_assert_true (esc_main_window_show_page (window, "chart"));
  page = esc_main_window_get_page_widget (window, "chart");
  view = esc_chart_page_get_view (ESC_CHART_PAGE (page));
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_GRID));
  assert_accessible_string (GTK_WIDGET (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                            "Schedule chart: one row per employee, shifts as bars");
  assert_accessible_string (GTK_WIDGET (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                            "Arrow keys select a shift; Enter opens its menu, Delete removes it");

  /* A bar: the first work allocation of the sample's history-free week. */
  {
    const char *values[ESC_ALLOCATION_N_COLUMNS] = {
      [ESC_ALLOCATION_TASK] = "E001@2026-12-07",
      [ESC_ALLOCATION_START] = "2026-12-07 10:00",
      [ESC_ALLOCATION_FINISH] = "2026-12-07 18:00",
      [ESC_ALLOCATION_RESOURCE] = "E001",
      [ESC_ALLOCATION_STORE] = "LJ01",
      [ESC_ALLOCATION_TYPE] = ESC_ALLOCATION_TYPE_WORK,
      [ESC_ALLOCATION_ROLE] = "GERENTE",
      [ESC_ALLOCATION_SHIFT] = "10:00 - 18:00",
      [ESC_ALLOCATION_DATE] = "2026-12-07",
      [ESC_ALLOCATION_NET_HOURS] = "08:00",
    };

    esc_table_append_values (allocations, values);
    task = values[ESC_ALLOCATION_TASK];
  }
  esc_gantt_view_refresh (view);
  iterate (50);
  esc_gantt_view_select_task (view, task);
  model = esc_gantt_view_get_model (view);
  g_assert_nonnull (model);
  g_assert_true (esc_gantt_model_find_task (model, task, &row, &bar));
  description = esc_gantt_model_describe_bar (model, row, bar);
  g_assert_nonnull (strstr (description, "10:00"));
  assert_accessible_string (GTK_WIDGET (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);

  esc_gantt_view_select_task (view, NULL);
  assert_accessible_string (GTK_WIDGET (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                            "Arrow keys select a shift; Enter opens its menu, Delete removes it");

  /* The comparison of versions is drawn too: an image with a label. */
  {
    GtkWidget *compare = esc_chart_page_get_compare_area (ESC_CHART_PAGE (page));

    g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (compare), GTK_ACCESSIBLE_ROLE_IMG));
    assert_accessible_string (compare, GTK_ACCESSIBLE_PROPERTY_LABEL,
                              "Comparison of two schedule versions");
  }
  close_window (window);
}

static gboolean
not_busy (gpointer data)
{
  return !esc_main_window_is_busy (data);
}

static gboolean
is_drawing_area (GtkWidget     *widget,
                 gconstpointer  data)
{
  return TRUE;
}

/* The Overview's two charts: images with a label, and the bars in words as their
 * description; the status reads "Schedule optimal" (translated in other languages). */
static void
test_a11y_overview_charts (void)
{
  EscMainWindow *window = open_sample ();
  EscProject *project = esc_main_window_get_project (window);
  EscOverviewPage *overview;
  GtkWidget *chart;
  g_autofree char *description = NULL;
  const char *message;

  esc_project_set_parameter (project, "max_solution_time", "5");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.solve", NULL));
  wait_until (not_busy, window, 120000, "the solve to finish");
  message = esc_main_window_get_solve_message (window);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Schedule optimal") ||
                 g_str_has_prefix (message, "Schedule feasible"));

  g_assert_true (esc_main_window_show_page (window, "overview"));
  overview = ESC_OVERVIEW_PAGE (esc_main_window_get_page_widget (window, "overview"));
  esc_overview_page_update (overview);
  chart = find_widget (GTK_WIDGET (overview), GTK_TYPE_DRAWING_AREA, is_drawing_area, NULL);
  g_assert_nonnull (chart);
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG));
  assert_accessible_string (chart, GTK_ACCESSIBLE_PROPERTY_LABEL, "Coverage per store and role");
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chart),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  /* Every store and role with demand is described: "LJ01 · CAIXA: 96.5% · 1.5 h unmet; …"
   * (check_property gives the value when it differs from the one asked). */
  description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "");
  g_assert_nonnull (description);
  g_test_message ("coverage chart: %s", description);
  g_assert_nonnull (strstr (description, "LJ01 · "));
  g_assert_nonnull (strstr (description, "% · "));
  g_assert_nonnull (strstr (description, " unmet"));
  close_window (window);
}

/* The workload plot of the Staffing page: an image with a label and a description of
 * what it shows. */
static void
test_a11y_staffing_plot (void)
{
  EscMainWindow *window = open_sample ();
  GtkWidget *page, *plot;

  g_assert_true (esc_main_window_show_page (window, "staffing"));
  page = esc_main_window_get_page_widget (window, "staffing");
  plot = find_widget (page, GTK_TYPE_DRAWING_AREA, NULL, NULL);
  g_assert_nonnull (plot);
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (plot), GTK_ACCESSIBLE_ROLE_IMG));
  assert_accessible_string (plot, GTK_ACCESSIBLE_PROPERTY_LABEL, "Workload history and forecast");
  /* The sample has no workload history loaded. */
  assert_accessible_string (plot, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "No workload history");
  close_window (window);
}

/* Shown; the app.* actions are not there without the application, so not
 * necessarily sensitive here. */
static gboolean
is_shown (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Without a project the window guides a first-time user: a status page offers to open
 * a project, the bundled sample, a workbook to import or a new project. */
static void
test_first_run (void)
{
  EscMainWindow *window = esc_main_window_new (NULL);
  const char *actions[] = { "win.open", "app.open-sample", "win.import", "app.new-project" };
  AdwStatusPage *welcome;

  gtk_window_present (GTK_WINDOW (window));
  wait_until (window_drawn, window, 10000, "the window to be drawn");
  iterate (50);
  g_assert_null (esc_main_window_get_project (window));
  welcome = ADW_STATUS_PAGE (find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, NULL, NULL));
  g_assert_nonnull (welcome);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (welcome)));
  g_assert_nonnull (strstr (adw_status_page_get_description (welcome), "sample"));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *button = find_widget (GTK_WIDGET (welcome), GTK_TYPE_BUTTON, has_action, actions[i]);

      if (button == NULL || !is_shown (button))
        g_error ("the welcome page has no button for %s", actions[i]);
    }
  close_window (window);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

int
main (int argc, char **argv)
{
  const char *locale = g_getenv ("ESC_TEST_LOCALE");
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  int status;

  /* Before anything reads them: the language of this (sub)process, its catalogues from
   * the build tree, times in UTC. */
  g_unsetenv ("LANGUAGE");
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, locale != NULL ? locale : "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, ESC_LOCALE_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("no display (run under xvfb-run -a): skipped\n");
      return EXIT_SKIP;
    }

  if (g_test_subprocess () && g_getenv ("ESC_TEST_POLISH_TMP_DIR") != NULL)
    tmp_dir = g_strdup (g_getenv ("ESC_TEST_POLISH_TMP_DIR"));
  else
    {
      tmp_dir = g_dir_make_tmp ("escala-polish-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("ESC_TEST_POLISH_TMP_DIR", tmp_dir, TRUE);
    }
  state = g_build_filename (tmp_dir, "state", NULL);
  data = g_build_filename (tmp_dir, "data", NULL);
  config = g_build_filename (tmp_dir, "config", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  /* GTK_A11Y=none gives widgets no AT context at all, so nothing could be read back:
   * the test backend keeps what a screen reader would be given, without a bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);

  gtk_disable_setlocale ();  /* keep the locale set above */
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const char *name = languages[i].language != NULL ? languages[i].language : "en";
      g_autofree char *fit = g_strdup_printf ("/polish/%s/toolbars-fit", name);
      g_autofree char *words = g_strdup_printf ("/polish/%s/words", name);
      g_autofree char *versions = g_strdup_printf ("/polish/%s/version-drop-down", name);

      g_test_add_data_func (fit, &languages[i], test_toolbars_fit);
      g_test_add_data_func (words, &languages[i], test_words);
      g_test_add_data_func (versions, &languages[i], test_version_drop_down);
    }
  g_test_add_func ("/polish/one-suggested-button", test_one_suggested_button);
  g_test_add_func ("/polish/audit/empty-state", test_audit_empty_state);
  g_test_add_func ("/polish/overview/text-measured", test_overview_text_measured);
  g_test_add_func ("/polish/a11y/date-button", test_a11y_date_button);
  g_test_add_func ("/polish/a11y/date-buttons-named", test_a11y_date_buttons_named);
  g_test_add_func ("/polish/a11y/gantt-view", test_a11y_gantt_view);
  g_test_add_func ("/polish/a11y/overview-charts", test_a11y_overview_charts);
  g_test_add_func ("/polish/a11y/staffing-plot", test_a11y_staffing_plot);
  g_test_add_func ("/polish/first-run", test_first_run);

  status = g_test_run ();
  if (!g_test_subprocess ())
    remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
