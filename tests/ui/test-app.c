/* test-app.c: the application's windows and first-run choices: the About, keyboard
 * shortcuts and Preferences windows open and close, a preference reaches GSettings
 * (the memory backend of the test) and the solver options and the export language,
 * the welcome page's New Project and Open the Sample Project give a project.
 *
 * With ESC_TEST_SCREENSHOT_DIR set, the About and Preferences windows are also
 * written there as PNG files (about.png, preferences.png), to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include "esc-application.h"
#include "esc-preferences-window.h"
#include "test-ui.h"

static EscApplication *app;

/* Warnings of GTK that are no failure of ours: without a session bus GtkApplication
 * warns once at startup; GTK 4.8's GtkShortcutsWindow lays out a label of its own at
 * a negative width ("reported min width -3"), whatever the shortcuts. */
static gboolean
ignore_gtk_warnings_cb (const char     *log_domain,
                        GLogLevelFlags  log_level,
                        const char     *message,
                        gpointer        user_data)
{
  if (g_strcmp0 (log_domain, "Gtk") != 0)
    return TRUE;
  return strstr (message, "session bus") == NULL &&
         !(strstr (message, "GtkLabel") != NULL && strstr (message, "reported min width -") != NULL);
}

static EscApplication *
get_app (void)
{
  g_autoptr(GError) error = NULL;

  if (app != NULL)
    return app;
  app = esc_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_test_log_set_fatal_handler (ignore_gtk_warnings_cb, NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
widget_drawn (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* Closes @window as the user would and spins the loop until it is gone. */
static void
close_and_wait (GtkWindow *window)
{
  GWeakRef ref;
  GObject *alive;

  g_weak_ref_init (&ref, window);
  gtk_window_set_focus (window, NULL);
  gtk_window_close (window);
  test_iterate (50);
  alive = g_weak_ref_get (&ref);
  if (alive != NULL)
    {
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (alive)));
      g_object_unref (alive);
    }
  g_weak_ref_clear (&ref);
}

static void
maybe_save_screenshot (GtkWindow  *window,
                       const char *name)
{
  const char *dir = g_getenv ("ESC_TEST_SCREENSHOT_DIR");
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (dir == NULL)
    return;
  test_iterate (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_about (void)
{
  EscApplication *application = get_app ();
  GtkWindow *about;

  esc_application_show_about (application, NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  test_wait_until (widget_drawn, about, 10000, "the About window to be drawn");

  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  /* The release notes come from the metainfo's first release. */
  g_assert_cmpstr (adw_about_window_get_release_notes_version (ADW_ABOUT_WINDOW (about)), ==,
                   PACKAGE_VERSION);
  g_assert_nonnull (strstr (adw_about_window_get_release_notes (ADW_ABOUT_WINDOW (about)),
                            "<li>"));

  maybe_save_screenshot (about, "about.png");
  close_and_wait (about);
  g_assert_null (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
}

/* Every accelerator the app has, as the shortcuts window writes it. */
static const char *const expected_accelerators[] = {
  "<Control>n", "<Control>o", "<Control>s", "<Shift><Control>s", "<Control>i", "<Control>e",
  "<Control>r", "<Control>z", "<Control>f", "<Control>Insert", "<Control>Delete",
  "<Control>d", "<Control>w", "<Control>q", "<Control>comma", "F8",
};

static void
collect_accelerators (GtkWidget *widget,
                      GString   *all)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      if (accelerator != NULL)
        g_string_append_printf (all, " %s ", accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, all);
}

static void
test_shortcuts (void)
{
  EscApplication *application = get_app ();
  EscMainWindow *window = esc_main_window_new (ADW_APPLICATION (application));
  GtkShortcutsWindow *overlay;
  g_autoptr(GString) all = g_string_new (NULL);
  const char *app_actions[] = { "app.quit", "app.preferences", "app.new-project" };
  GLogLevelFlags old_fatal;

  gtk_window_present (GTK_WINDOW (window));
  test_wait_until (widget_drawn, window, 10000, "the window to be drawn");

  /* See ignore_gtk_warnings_cb(): GTK logs that warning structured, which the fatal
   * handler does not see; only criticals are fatal while the shortcuts window shows. */
  old_fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  test_wait_until (widget_drawn, overlay, 10000, "the shortcuts window to be drawn");

  collect_accelerators (GTK_WIDGET (overlay), all);
  for (guint i = 0; i < G_N_ELEMENTS (expected_accelerators); i++)
    {
      g_autofree char *needle = g_strdup_printf (" %s", expected_accelerators[i]);

      if (strstr (all->str, needle) == NULL)
        g_error ("the shortcuts window lacks %s (it has:%s)", expected_accelerators[i], all->str);
    }
  /* And every accelerator of an app action is listed. */
  for (guint i = 0; i < G_N_ELEMENTS (app_actions); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                                    app_actions[i]);

      g_assert_nonnull (accels[0]);
      for (guint j = 0; accels[j] != NULL; j++)
        {
          g_autofree char *needle = g_strdup_printf (" %s", accels[j]);

          if (strstr (all->str, needle) == NULL)
            g_error ("the shortcuts window lacks %s of %s", accels[j], app_actions[i]);
        }
    }

  close_and_wait (GTK_WINDOW (overlay));
  g_log_set_always_fatal (old_fatal);
  test_close_window (window);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = esc_preferences_dup_settings ();
  EscSolverOptions options = { 0 };
  GtkWidget *window;
  GtkSpinButton *spin;
  GtkWidget *child;
  g_autoptr(GList) combos = NULL;

  g_assert_nonnull (settings);
  g_assert_true (esc_preferences_get_template_language () == ESC_TEMPLATE_LANGUAGE_EN);

  window = esc_preferences_window_new (NULL);
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until (widget_drawn, window, 10000, "the Preferences window to be drawn");
  maybe_save_screenshot (GTK_WINDOW (window), "preferences.png");

  /* The first spin button is the time limit, the second the threads. */
  spin = NULL;
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();
    g_autoptr(GPtrArray) spins = g_ptr_array_new ();

    g_ptr_array_add (stack, window);
    while (stack->len > 0)
      {
        GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);
        g_autoptr(GPtrArray) children = g_ptr_array_new ();

        if (GTK_IS_SPIN_BUTTON (widget))
          g_ptr_array_add (spins, widget);
        if (ADW_IS_COMBO_ROW (widget))
          combos = g_list_append (combos, widget);
        for (child = gtk_widget_get_first_child (widget); child != NULL;
             child = gtk_widget_get_next_sibling (child))
          g_ptr_array_add (children, child);
        /* Depth first, in order. */
        for (guint i = children->len; i > 0; i--)
          g_ptr_array_add (stack, g_ptr_array_index (children, i - 1));
      }
    g_assert_cmpuint (spins->len, ==, 2);
    spin = g_ptr_array_index (spins, 0);
    gtk_spin_button_set_value (spin, 45);
    gtk_spin_button_set_value (g_ptr_array_index (spins, 1), 3);
  }
  g_assert_cmpuint (g_list_length (combos), ==, 2);
  adw_combo_row_set_selected (combos->data, 6);        /* Sunday */
  adw_combo_row_set_selected (combos->next->data, 1);  /* Portuguese (Brazil) */

  /* The window writes through to GSettings ... */
  g_assert_cmpuint (g_settings_get_uint (settings, "solver-time-limit"), ==, 45);
  g_assert_cmpuint (g_settings_get_uint (settings, "solver-threads"), ==, 3);
  {
    g_autofree char *day = g_settings_get_string (settings, "first-day-of-week");
    g_autofree char *language = g_settings_get_string (settings, "template-language");

    g_assert_cmpstr (day, ==, "sun");
    g_assert_cmpstr (language, ==, "pt_BR");
  }
  /* ... and the solve and the export read it there. */
  esc_preferences_apply_solver_options (&options);
  g_assert_cmpfloat (options.time_limit, ==, 45);
  g_assert_cmpuint (options.n_threads, ==, 3);
  g_assert_true (esc_preferences_get_template_language () == ESC_TEMPLATE_LANGUAGE_PT_BR);
  g_assert_cmpint (esc_preferences_get_first_day_of_week (), ==, ESC_SUN);

  /* A change in GSettings shows in the window. */
  g_settings_set_uint (settings, "solver-time-limit", 120);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 120);

  close_and_wait (GTK_WINDOW (window));
  g_object_unref (window);

  g_settings_reset (settings, "solver-time-limit");
  g_settings_reset (settings, "solver-threads");
  g_settings_reset (settings, "first-day-of-week");
  g_settings_reset (settings, "template-language");
}

static EscJulian
julian (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
test_new_project_defaults (void)
{
  g_autoptr(GSettings) settings = esc_preferences_dup_settings ();
  g_autoptr(EscProject) wednesday = NULL;
  g_autoptr(EscProject) monday = NULL;
  g_autoptr(EscProject) sunday_first = NULL;

  /* Wednesday 2026-11-18: the next Monday. */
  wednesday = esc_preferences_new_project (julian (2026, 11, 18));
  g_assert_cmpstr (esc_project_get_parameter (wednesday, "start_date"), ==, "2026-11-23");
  g_assert_cmpstr (esc_project_get_parameter (wednesday, "max_horizon"), ==, "28");
  g_assert_false (esc_project_get_modified (wednesday));
  /* On a Monday, the Monday after: a week is planned ahead. */
  monday = esc_preferences_new_project (julian (2026, 11, 23));
  g_assert_cmpstr (esc_project_get_parameter (monday, "start_date"), ==, "2026-11-30");
  /* Weeks starting on Sunday. */
  g_settings_set_string (settings, "first-day-of-week", "sun");
  sunday_first = esc_preferences_new_project (julian (2026, 11, 18));
  g_assert_cmpstr (esc_project_get_parameter (sunday_first, "start_date"), ==, "2026-11-22");
  g_assert_cmpint (esc_project_get_first_day_of_week (sunday_first), ==, ESC_SUN);
  g_settings_reset (settings, "first-day-of-week");
}

static void
test_welcome_new_project (void)
{
  EscApplication *application = get_app ();
  EscMainWindow *window = esc_main_window_new (ADW_APPLICATION (application));
  EscProject *project;
  EscJulian start = 0;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  test_wait_until (widget_drawn, window, 10000, "the window to be drawn");
  g_assert_null (esc_main_window_get_project (window));

  /* The welcome page's New Project button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.new-project", NULL));
  test_iterate (50);
  project = esc_main_window_get_project (window);
  g_assert_nonnull (project);
  g_assert_true (esc_project_get_start_date (project, &start, &error));
  g_assert_no_error (error);
  g_assert_cmpint (esc_julian_weekday (start), ==, ESC_MON);
  g_assert_cmpstr (esc_project_get_parameter (project, "max_horizon"), ==, "28");
  g_assert_null (esc_project_get_path (project));

  test_close_window (window);
}

static void
test_welcome_open_sample (void)
{
  EscApplication *application = get_app ();
  EscMainWindow *window;
  g_autofree char *sample = NULL;
  g_autofree char *expected = g_build_filename (ESC_SAMPLES_DIR, ESC_SAMPLE_NAME, NULL);
  g_autofree char *canonical = g_canonicalize_filename (expected, NULL);
  EscProject *project;

  g_setenv ("ESC_SAMPLES_DIR", ESC_SAMPLES_DIR, TRUE);
  sample = esc_application_find_sample ();
  g_assert_cmpstr (sample, ==, canonical);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (application), "open-sample"));

  window = esc_main_window_new (ADW_APPLICATION (application));
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until (widget_drawn, window, 10000, "the window to be drawn");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.open-sample", NULL));
  test_iterate (50);
  project = esc_main_window_get_project (window);
  g_assert_nonnull (project);
  /* An untitled copy: the shipped sample is never written. */
  g_assert_null (esc_project_get_path (project));
  g_assert_cmpuint (esc_table_get_n_rows (esc_project_get_table (project, ESC_TABLE_EMPLOYEE)), >, 0);

  test_close_window (window);
}

void
test_add_app_tests (void)
{
  g_test_add_func ("/app/about", test_about);
  g_test_add_func ("/app/shortcuts", test_shortcuts);
  g_test_add_func ("/app/preferences", test_preferences);
  g_test_add_func ("/app/new-project/defaults", test_new_project_defaults);
  g_test_add_func ("/app/welcome/new-project", test_welcome_new_project);
  g_test_add_func ("/app/welcome/open-sample", test_welcome_open_sample);
}
