/* esc-preferences-window.h: the Preferences window, and reading the preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/esc-project.h"
#include "io/esc-template-import.h"
#include "solver/esc-solver.h"

G_BEGIN_DECLS

#define ESC_TYPE_PREFERENCES_WINDOW (esc_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (EscPreferencesWindow, esc_preferences_window, ESC, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget           *esc_preferences_window_new (GtkWindow *parent);

/* The app's settings, or NULL when the schema is not installed (then the functions
 * below give the built-in defaults). */
GSettings           *esc_preferences_dup_settings          (void);

/* Fills the time limit and the threads of @options from the preferences. */
void                 esc_preferences_apply_solver_options  (EscSolverOptions *options);
EscTemplateLanguage  esc_preferences_get_template_language (void);
EscWeekday           esc_preferences_get_first_day_of_week (void);

/* A new, empty project with the default parameters: it starts on the first day of
 * the week (the preference) after @today (0: the local date today), over 28 days. */
EscProject          *esc_preferences_new_project           (EscJulian today);

G_END_DECLS
