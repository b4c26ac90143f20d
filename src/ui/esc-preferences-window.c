/* esc-preferences-window.c: the Preferences window, and reading the preferences.
 *
 * The preferences live in the app's GSettings schema (data/io.github.escala.Escala.gschema.xml):
 * solver-time-limit and solver-threads fill the EscSolverOptions of a solve from the
 * window, first-day-of-week shapes new projects, template-language names the sheets and
 * columns of exported workbooks. Without the schema (running uninstalled without
 * GSETTINGS_SCHEMA_DIR) the rows are insensitive and the readers give the defaults.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "esc-preferences-window.h"

/* The projects' default horizon, in days. */
#define NEW_PROJECT_HORIZON "28"

struct _EscPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template children */
  AdwActionRow *time_limit_row;
  GtkSpinButton *time_limit_spin;
  AdwActionRow *threads_row;
  GtkSpinButton *threads_spin;
  AdwComboRow *first_day_row;
  AdwComboRow *language_row;

  GSettings *settings;          /* NULL when the schema is not installed */
};

G_DEFINE_FINAL_TYPE (EscPreferencesWindow, esc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The choices of the combo rows, in the order of their models. */
static const char *const weekday_codes[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
static const char *const language_codes[] = { "en", "pt_BR" };

static guint
find_code (const char *const *codes,
           guint               n_codes,
           const char         *code)
{
  for (guint i = 0; i < n_codes; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return i;
  return 0;
}

static gboolean
get_weekday_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_value_set_uint (value, find_code (weekday_codes, G_N_ELEMENTS (weekday_codes),
                                      g_variant_get_string (variant, NULL)));
  return TRUE;
}

static GVariant *
set_weekday_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  if (index >= G_N_ELEMENTS (weekday_codes))
    return NULL;
  return g_variant_new_string (weekday_codes[index]);
}

static gboolean
get_language_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_uint (value, find_code (language_codes, G_N_ELEMENTS (language_codes),
                                      g_variant_get_string (variant, NULL)));
  return TRUE;
}

static GVariant *
set_language_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  if (index >= G_N_ELEMENTS (language_codes))
    return NULL;
  return g_variant_new_string (language_codes[index]);
}

static void
esc_preferences_window_dispose (GObject *object)
{
  EscPreferencesWindow *self = ESC_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ESC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (esc_preferences_window_parent_class)->dispose (object);
}

static void
esc_preferences_window_class_init (EscPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = esc_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EscPreferencesWindow, time_limit_row);
  gtk_widget_class_bind_template_child (widget_class, EscPreferencesWindow, time_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, EscPreferencesWindow, threads_row);
  gtk_widget_class_bind_template_child (widget_class, EscPreferencesWindow, threads_spin);
  gtk_widget_class_bind_template_child (widget_class, EscPreferencesWindow, first_day_row);
  gtk_widget_class_bind_template_child (widget_class, EscPreferencesWindow, language_row);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
esc_preferences_window_init (EscPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = esc_preferences_dup_settings ();
  if (self->settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->time_limit_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->threads_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->first_day_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
      return;
    }

  g_settings_bind (self->settings, "solver-time-limit", self->time_limit_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "solver-threads", self->threads_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "first-day-of-week", self->first_day_row,
                                "selected", G_SETTINGS_BIND_DEFAULT, get_weekday_mapping,
                                set_weekday_mapping, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "template-language", self->language_row,
                                "selected", G_SETTINGS_BIND_DEFAULT, get_language_mapping,
                                set_language_mapping, NULL, NULL);
}

/* Public API */

GtkWidget *
esc_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (ESC_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}

GSettings *
esc_preferences_dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  /* The keys of this window may be missing from an older installed schema. */
  if (schema == NULL || !g_settings_schema_has_key (schema, "template-language"))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

void
esc_preferences_apply_solver_options (EscSolverOptions *options)
{
  g_autoptr(GSettings) settings = esc_preferences_dup_settings ();

  g_return_if_fail (options != NULL);

  if (settings == NULL)
    return;
  options->time_limit = g_settings_get_uint (settings, "solver-time-limit");
  options->n_threads = g_settings_get_uint (settings, "solver-threads");
}

EscTemplateLanguage
esc_preferences_get_template_language (void)
{
  g_autoptr(GSettings) settings = esc_preferences_dup_settings ();
  g_autofree char *code = NULL;

  if (settings == NULL)
    return ESC_TEMPLATE_LANGUAGE_EN;
  code = g_settings_get_string (settings, "template-language");
  return g_strcmp0 (code, "pt_BR") == 0 ? ESC_TEMPLATE_LANGUAGE_PT_BR : ESC_TEMPLATE_LANGUAGE_EN;
}

EscWeekday
esc_preferences_get_first_day_of_week (void)
{
  g_autoptr(GSettings) settings = esc_preferences_dup_settings ();
  g_autofree char *code = NULL;

  if (settings == NULL)
    return ESC_MON;
  code = g_settings_get_string (settings, "first-day-of-week");
  return (EscWeekday) find_code (weekday_codes, G_N_ELEMENTS (weekday_codes), code);
}

EscProject *
esc_preferences_new_project (EscJulian today)
{
  EscWeekday first_day = esc_preferences_get_first_day_of_week ();
  g_autoptr(EscProject) project = esc_project_new ();
  g_autofree char *start = NULL;
  guint ahead;

  if (today == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      today = g_date_get_julian (&date);
    }

  /* The next such day, never today: a week is planned ahead. */
  ahead = ((guint) first_day + ESC_N_WEEKDAYS - (guint) esc_julian_weekday (today)) % ESC_N_WEEKDAYS;
  if (ahead == 0)
    ahead = ESC_N_WEEKDAYS;
  start = esc_format_date (today + ahead);

  esc_project_set_parameter (project, "start_date", start);
  esc_project_set_parameter (project, "max_horizon", NEW_PROJECT_HORIZON);
  esc_project_set_parameter (project, "first_day_of_week", weekday_codes[first_day]);
  /* Setting the defaults is no change the user has to save or can undo. */
  esc_project_mark_saved (project);
  return g_steal_pointer (&project);
}
