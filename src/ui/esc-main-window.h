/* esc-main-window.h: the main window: header bar and, for now, a summary of the project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/esc-project.h"

G_BEGIN_DECLS

#define ESC_TYPE_MAIN_WINDOW (esc_main_window_get_type ())
G_DECLARE_FINAL_TYPE (EscMainWindow, esc_main_window, ESC, MAIN_WINDOW, AdwApplicationWindow)

EscMainWindow *esc_main_window_new         (AdwApplication *application);
/* Loads @file and shows it; on failure shows the reason in the window. Returns FALSE
 * (and sets @error) when the file could not be loaded. */
gboolean       esc_main_window_open_file   (EscMainWindow  *self,
                                            GFile          *file,
                                            GError        **error);
/* The open project, or NULL. */
EscProject    *esc_main_window_get_project (EscMainWindow  *self);

/* Renders the window as it is now (through its own GSK renderer) to a PNG file. The
 * window must have been laid out, i.e. have drawn at least one frame. */
gboolean       esc_main_window_save_png    (EscMainWindow  *self,
                                            const char     *path,
                                            GError        **error);

G_END_DECLS
