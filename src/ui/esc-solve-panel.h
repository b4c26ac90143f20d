/* esc-solve-panel.h: the progress of a running solve, with a Cancel button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "solver/esc-solver.h"

G_BEGIN_DECLS

#define ESC_TYPE_SOLVE_PANEL (esc_solve_panel_get_type ())
G_DECLARE_FINAL_TYPE (EscSolvePanel, esc_solve_panel, ESC, SOLVE_PANEL, GtkWidget)

/* @compact: one line for the header bar (phase and gap), else the full panel. Cancel
 * activates "win.cancel-solve". */
GtkWidget *esc_solve_panel_new          (gboolean                 compact);
/* Shows @progress (NULL: "Preparing…"). */
void       esc_solve_panel_set_progress (EscSolvePanel           *self,
                                         const EscSolverProgress *progress);
/* The text shown now (tests). */
char      *esc_solve_panel_get_text     (EscSolvePanel           *self);

G_END_DECLS
