/* esc-parameters-page.h: the Parameters page: the planning parameters as typed rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/esc-project.h"

G_BEGIN_DECLS

#define ESC_TYPE_PARAMETERS_PAGE (esc_parameters_page_get_type ())
G_DECLARE_FINAL_TYPE (EscParametersPage, esc_parameters_page, ESC, PARAMETERS_PAGE, AdwBin)

GtkWidget *esc_parameters_page_new             (EscProject        *project);
/* Problems of the whole project; the page lists those of the parameters. */
void       esc_parameters_page_set_diagnostics (EscParametersPage *self,
                                                GPtrArray         *diagnostics);
/* Writes @value (NULL or "" leaves a missing row missing) to the parameter @key as one
 * undoable command, adding the row when it is missing. */
void       esc_parameters_page_set_parameter   (EscParametersPage *self,
                                                const char        *key,
                                                const char        *value);
/* The widget that edits @key ("start_date", "max_horizon", "objective_function", ...),
 * for tests and keyboard focus, or NULL. */
GtkWidget *esc_parameters_page_get_editor      (EscParametersPage *self,
                                                const char        *key);

G_END_DECLS
