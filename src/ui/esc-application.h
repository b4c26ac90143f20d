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

/* The file name of the sample project. */
#define ESC_SAMPLE_NAME "loja-centro.escala"

/* The path of the sample project, or NULL when none is found. */
char           *esc_application_find_sample     (void);
void            esc_application_show_about      (EscApplication *self,
                                                 GtkWindow      *parent);

G_END_DECLS
