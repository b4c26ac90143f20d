/* esc-objective-row.h: one objective of the parameters' ordered list, with a switch,
 * up and down buttons and a drag handle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ESC_TYPE_OBJECTIVE_ROW (esc_objective_row_get_type ())
G_DECLARE_FINAL_TYPE (EscObjectiveRow, esc_objective_row, ESC, OBJECTIVE_ROW, AdwActionRow)

GtkWidget  *esc_objective_row_new           (const char      *objective,
                                             gboolean         enabled);
/* The objective as written in objective_function: a name or a weighted sum. */
const char *esc_objective_row_get_objective (EscObjectiveRow *self);
gboolean    esc_objective_row_get_enabled   (EscObjectiveRow *self);
void        esc_objective_row_set_enabled   (EscObjectiveRow *self,
                                             gboolean         enabled);
/* Its place in the list (1-based), shown before the title; the first and last rows
 * cannot move further. */
void        esc_objective_row_set_rank      (EscObjectiveRow *self,
                                             guint            rank,
                                             guint            n_rows);

G_END_DECLS
