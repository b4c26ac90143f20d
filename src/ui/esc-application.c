/* esc-application.c: the Escala application: windows, app actions, command line.
 *
 * Besides opening .escala files, the command line has --screenshot=FILE: the first
 * window is rendered to a PNG file after it has drawn a frame and the application
 * quits, for the UI tests and the documentation. --page=NAME shows a page of the
 * project first (a table key such as "employee", or "leave", "parameters",
 * "schedule"); --size=WIDTHxHEIGHT sets the window's size (to look at the narrow,
 * folded layout, say).
 *
 * The app actions: preferences (Ctrl+,), about, quit, and the first-run choices of the
 * welcome page: new-project (an empty project with the default parameters, see
 * esc_preferences_new_project()) and open-sample (an untitled copy of the sample
 * project, found by esc_application_find_sample()).
 *
 * Quitting (Ctrl+Q) closes the windows one by one, so each can ask about unsaved
 * changes. The first window offers to recover the copies a crash left (not while
 * taking a screenshot).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "esc-application.h"
#include "esc-main-window.h"
#include "esc-preferences-window.h"
#include "io/esc-project-file.h"

/* Frames drawn before the screenshot is taken: layout and first paint are done. */
#define SCREENSHOT_FRAMES 3
/* Give up when no frame comes (a broken display) after this many seconds. */
#define SCREENSHOT_TIMEOUT_SECONDS 60

struct _EscApplication
{
  AdwApplication parent_instance;

  char *screenshot_path;        /* --screenshot=FILE (absolute), or NULL */
  char *page;                   /* --page=NAME, or NULL */
  int width, height;            /* --size=WxH, or 0 */
  gboolean screenshot_started;
  gboolean recovery_offered;
  guint screenshot_timeout_id;
  int exit_status;
};

G_DEFINE_FINAL_TYPE (EscApplication, esc_application, ADW_TYPE_APPLICATION)

static void
drop_focus_everywhere (EscApplication *self)
{
  /* GtkEditableLabel (GTK 4.8) must not have the focus when its window goes. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    gtk_window_set_focus (GTK_WINDOW (l->data), NULL);
}

static void
finish_screenshot (EscApplication *self,
                   int             exit_status)
{
  g_clear_handle_id (&self->screenshot_timeout_id, g_source_remove);
  drop_focus_everywhere (self);
  if (self->exit_status == 0)
    self->exit_status = exit_status;
  g_application_quit (G_APPLICATION (self));
}

static gboolean
screenshot_timed_out_cb (gpointer user_data)
{
  EscApplication *self = user_data;

  self->screenshot_timeout_id = 0;
  g_printerr ("escala: %s\n", _("no frame was drawn in time, no screenshot taken"));
  finish_screenshot (self, 1);
  return G_SOURCE_REMOVE;
}

static gboolean
screenshot_frame_drawn_cb (GtkWidget     *widget,
                           GdkFrameClock *frame_clock,
                           gpointer       user_data)
{
  EscApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  guint *n_frames = g_object_get_data (G_OBJECT (widget), "esc-screenshot-frames");

  if (++*n_frames < SCREENSHOT_FRAMES)
    return G_SOURCE_CONTINUE;

  if (!esc_main_window_save_png (ESC_MAIN_WINDOW (widget), self->screenshot_path, &error))
    {
      /* On a loaded machine the frame clock can tick before the window is mapped and
       * painted: wait for the next frames (the timeout still bounds the wait). */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED))
        return G_SOURCE_CONTINUE;
      g_printerr ("escala: %s\n", error->message);
      finish_screenshot (self, 1);
    }
  else
    finish_screenshot (self, 0);
  return G_SOURCE_REMOVE;
}

static void
start_screenshot (EscApplication *self,
                  GtkWindow      *window)
{
  if (self->screenshot_path == NULL || self->screenshot_started)
    return;

  self->screenshot_started = TRUE;
  g_object_set_data_full (G_OBJECT (window), "esc-screenshot-frames", g_new0 (guint, 1), g_free);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), screenshot_frame_drawn_cb,
                                g_object_ref (self), g_object_unref);
  self->screenshot_timeout_id = g_timeout_add_seconds (SCREENSHOT_TIMEOUT_SECONDS,
                                                       screenshot_timed_out_cb, self);
}

static void
present_window (EscApplication *self,
                GtkWindow      *window)
{
  if (self->width > 0 && self->height > 0)
    gtk_window_set_default_size (window, self->width, self->height);
  if (self->page != NULL && esc_main_window_get_project (ESC_MAIN_WINDOW (window)) != NULL &&
      !esc_main_window_show_page (ESC_MAIN_WINDOW (window), self->page))
    {
      g_autofree char *pages = g_strjoinv (", ", (char **) esc_main_window_list_pages ());

      g_printerr ("escala: %s\n", _("no such page"));
      g_printerr (_("Pages: %s\n"), pages);
      self->exit_status = 1;
    }
  gtk_window_present (window);
  start_screenshot (self, window);

  if (self->screenshot_path == NULL && !self->recovery_offered)
    {
      self->recovery_offered = TRUE;
      esc_main_window_offer_recovery (ESC_MAIN_WINDOW (window));
    }
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  EscApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its unsaved changes; the application ends with the last. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

/* Release notes for the About window: the <description> of the first <release> of the
 * metainfo (compiled into the resources), as the markup AdwAboutWindow shows. */
typedef struct
{
  GString *notes;
  char *version;
  gboolean in_release;
  gboolean done;
  int depth;                    /* inside the release's <description>: > 0 */
} ReleaseNotesParser;

static gboolean
is_release_notes_element (const char *name)
{
  return g_str_equal (name, "p") || g_str_equal (name, "ul") || g_str_equal (name, "ol") ||
         g_str_equal (name, "li") || g_str_equal (name, "em") || g_str_equal (name, "code");
}

static void
release_notes_start_element (GMarkupParseContext  *context,
                             const char           *element_name,
                             const char          **attribute_names,
                             const char          **attribute_values,
                             gpointer              user_data,
                             GError              **error)
{
  ReleaseNotesParser *parser = user_data;

  if (parser->done)
    return;
  if (g_str_equal (element_name, "release") && !parser->in_release)
    {
      parser->in_release = TRUE;
      for (guint i = 0; attribute_names[i] != NULL; i++)
        if (g_str_equal (attribute_names[i], "version"))
          parser->version = g_strdup (attribute_values[i]);
    }
  else if (parser->in_release && g_str_equal (element_name, "description"))
    parser->depth = 1;
  else if (parser->depth > 0)
    {
      parser->depth++;
      if (is_release_notes_element (element_name))
        g_string_append_printf (parser->notes, "<%s>", element_name);
    }
}

static void
release_notes_end_element (GMarkupParseContext  *context,
                           const char           *element_name,
                           gpointer              user_data,
                           GError              **error)
{
  ReleaseNotesParser *parser = user_data;

  if (parser->done)
    return;
  if (parser->depth == 1 && g_str_equal (element_name, "description"))
    {
      parser->depth = 0;
      parser->done = TRUE;
    }
  else if (parser->depth > 1)
    {
      parser->depth--;
      if (is_release_notes_element (element_name))
        g_string_append_printf (parser->notes, "</%s>", element_name);
    }
  else if (g_str_equal (element_name, "release"))
    parser->done = TRUE;
}

static void
release_notes_text (GMarkupParseContext  *context,
                    const char           *text,
                    gsize                 text_len,
                    gpointer              user_data,
                    GError              **error)
{
  ReleaseNotesParser *parser = user_data;
  g_autofree char *escaped = NULL;

  if (parser->done || parser->depth < 2)
    return;
  escaped = g_markup_escape_text (text, text_len);
  g_string_append (parser->notes, escaped);
}

static char *
load_release_notes (char **version)
{
  static const GMarkupParser markup_parser = {
    .start_element = release_notes_start_element,
    .end_element = release_notes_end_element,
    .text = release_notes_text,
  };
  ReleaseNotesParser parser = { .notes = g_string_new (NULL) };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  bytes = g_resources_lookup_data ("/io/github/escala/Escala/metainfo.xml",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_debug ("No release notes: %s", error->message);
      g_string_free (parser.notes, TRUE);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  context = g_markup_parse_context_new (&markup_parser, 0, &parser, NULL);
  if (!g_markup_parse_context_parse (context, data, size, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    g_debug ("No release notes: %s", error->message);

  *version = parser.version;
  if (parser.notes->len == 0)
    {
      g_string_free (parser.notes, TRUE);
      return NULL;
    }
  return g_string_free (parser.notes, FALSE);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  EscApplication *self = user_data;

  esc_application_show_about (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  EscApplication *self = user_data;
  GtkWidget *window;

  window = esc_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (window));
}

/* The window that takes a new project: the active one when it shows none, else a new
 * one beside it. */
static EscMainWindow *
window_for_project (EscApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (ESC_IS_MAIN_WINDOW (active) && esc_main_window_get_project (ESC_MAIN_WINDOW (active)) == NULL)
    return ESC_MAIN_WINDOW (active);
  return esc_main_window_new (ADW_APPLICATION (self));
}

static void
new_project_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  EscApplication *self = user_data;
  EscMainWindow *window = window_for_project (self);
  g_autoptr(EscProject) project = esc_preferences_new_project (0);

  esc_main_window_set_project (window, project, _("New Project"));
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_sample_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  EscApplication *self = user_data;
  g_autofree char *path = esc_application_find_sample ();
  g_autoptr(EscProject) project = NULL;
  g_autoptr(GError) error = NULL;
  EscMainWindow *window;

  if (path == NULL)
    return;
  project = esc_project_file_load (path, &error);
  if (project == NULL)
    {
      g_warning ("Cannot open the sample project: %s", error->message);
      return;
    }
  /* An untitled copy: saving asks where, the shipped sample stays as it is. */
  esc_project_set_path (project, NULL);
  window = window_for_project (self);
  esc_main_window_set_project (window, project, _("Sample Project"));
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated_cb },
  { .name = "about", .activate = about_activated_cb },
  { .name = "preferences", .activate = preferences_activated_cb },
  { .name = "new-project", .activate = new_project_activated_cb },
  { .name = "open-sample", .activate = open_sample_activated_cb },
};

static int
esc_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  EscApplication *self = ESC_APPLICATION (application);
  const char *screenshot = NULL;
  const char *page = NULL;
  const char *size = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("escala %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "page", "&s", &page))
    {
      g_free (self->page);
      self->page = g_strdup (page);
    }

  if (g_variant_dict_lookup (options, "size", "&s", &size))
    {
      if (sscanf (size, "%dx%d", &self->width, &self->height) != 2 || self->width < 1 ||
          self->height < 1)
        {
          g_printerr ("escala: %s\n", _("--size expects WIDTHxHEIGHT, e.g. 800x600"));
          return 1;
        }
    }

  if (g_variant_dict_lookup (options, "screenshot", "^&ay", &screenshot))
    {
      g_free (self->screenshot_path);
      self->screenshot_path = g_canonicalize_filename (screenshot, NULL);
      /* A screenshot is taken here, never by an instance already running. */
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
esc_application_startup (GApplication *application)
{
  EscApplication *self = ESC_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *new_project_accels[] = { "<Control>n", NULL };
  g_autofree char *sample = NULL;

  G_APPLICATION_CLASS (esc_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.new-project",
                                         new_project_accels);
  sample = esc_application_find_sample ();
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (application),
                                                                            "open-sample")),
                               sample != NULL);
  gtk_window_set_default_icon_name (APP_ID);

  /* A screenshot shows the window as it settles, not halfway through a transition. */
  if (self->screenshot_path != NULL)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

static void
esc_application_activate (GApplication *application)
{
  EscApplication *self = ESC_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (esc_main_window_new (ADW_APPLICATION (application)));
  present_window (self, window);
}

static void
esc_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  EscApplication *self = ESC_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      EscMainWindow *window = esc_main_window_new (ADW_APPLICATION (application));
      g_autoptr(GError) error = NULL;

      /* On failure the window shows the reason; say it on the terminal too. */
      if (!esc_main_window_open_file (window, files[i], &error))
        g_printerr ("escala: %s\n", error->message);
      present_window (self, GTK_WINDOW (window));
    }
}

static void
esc_application_finalize (GObject *object)
{
  EscApplication *self = ESC_APPLICATION (object);

  g_clear_handle_id (&self->screenshot_timeout_id, g_source_remove);
  g_clear_pointer (&self->screenshot_path, g_free);
  g_clear_pointer (&self->page, g_free);

  G_OBJECT_CLASS (esc_application_parent_class)->finalize (object);
}

static void
esc_application_class_init (EscApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = esc_application_finalize;

  application_class->handle_local_options = esc_application_handle_local_options;
  application_class->startup = esc_application_startup;
  application_class->activate = esc_application_activate;
  application_class->open = esc_application_open;
}

static void
esc_application_init (EscApplication *self)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Render the window to a PNG file once it is drawn, then quit"), N_("FILE") },
    { "page", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Show this page of the project: employee, demand, leave, parameters, …"), N_("NAME") },
    { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Open the window at this size"), N_("WIDTHxHEIGHT") },
    G_OPTION_ENTRY_NULL
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Build staff schedules that respect the rules."));
}

EscApplication *
esc_application_new (void)
{
  return g_object_new (ESC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/escala/Escala",
                       NULL);
}

int
esc_application_get_exit_status (EscApplication *self)
{
  g_return_val_if_fail (ESC_IS_APPLICATION (self), 1);

  return self->exit_status;
}

/* The sample project: $ESC_SAMPLES_DIR (the build tree, tests), the installed
 * PKGDATADIR/samples, or the source tree next to the build tree (build-aux/run). NULL
 * when there is none. */
char *
esc_application_find_sample (void)
{
  const char *env = g_getenv ("ESC_SAMPLES_DIR");
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *installed = g_build_filename (PKGDATADIR, "samples", NULL);
  g_autofree char *source = NULL;
  const char *dirs[3];
  guint n = 0;

  if (env != NULL && *env != '\0')
    dirs[n++] = env;
  dirs[n++] = installed;
  if (exe != NULL)
    {
      /* _build/src/ui/escala -> data/samples */
      g_autofree char *bin_dir = g_path_get_dirname (exe);

      source = g_build_filename (bin_dir, "..", "..", "..", "data", "samples", NULL);
      dirs[n++] = source;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], ESC_SAMPLE_NAME, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_canonicalize_filename (path, NULL);
    }
  return NULL;
}

void
esc_application_show_about (EscApplication *self,
                            GtkWindow      *parent)
{
  static const char *developers[] = { "The Escala developers", NULL };
  g_autofree char *release_notes_version = NULL;
  g_autofree char *release_notes = load_release_notes (&release_notes_version);
  GtkWidget *about;

  g_return_if_fail (ESC_IS_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", parent != NULL,
                        "application", GTK_APPLICATION (self),
                        "application-name", _("Escala"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Escala developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Staff schedules that respect the rules"),
                        "website", "https://github.com/escala/escala",
                        "issue-url", "https://github.com/escala/escala/issues",
                        "developers", developers,
                        /* TRANSLATORS: your name, one translator per line */
                        "translator-credits", _("translator-credits"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Escala developers",
                        NULL);
  if (release_notes != NULL)
    {
      adw_about_window_set_release_notes (ADW_ABOUT_WINDOW (about), release_notes);
      adw_about_window_set_release_notes_version (ADW_ABOUT_WINDOW (about), release_notes_version);
    }
  gtk_window_present (GTK_WINDOW (about));
}
