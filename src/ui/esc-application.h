/* esc-application.h: the Escala application: windows, app actions, command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ESC_TYPE_APPLICATION (esc_application_get_type ())
G_DECLARE_FINAL_TYPE (EscApplication, esc_application, ESC, APPLICATION, AdwApplication)

EscApplication *esc_application_new             (void);
/* Non-zero when something failed that the main loop cannot report, e.g. --screenshot
 * could not write its file. */
int             esc_application_get_exit_status (EscApplication *self);

G_END_DECLS
