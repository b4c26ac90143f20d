/* esc-reassign-page.h: the Reassignment page: requests, assignments, a run of the
 * reassignment scorer with its moves, options and backfills, and what changed since the
 * previous saved plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/esc-project.h"
#include "reassign/esc-reassign.h"

G_BEGIN_DECLS

#define ESC_TYPE_REASSIGN_PAGE (esc_reassign_page_get_type ())
G_DECLARE_FINAL_TYPE (EscReassignPage, esc_reassign_page, ESC, REASSIGN_PAGE, GtkWidget)

GtkWidget         *esc_reassign_page_new           (EscProject      *project);

void               esc_reassign_page_set_mode      (EscReassignPage *self,
                                                    EscReassignMode  mode);
EscReassignMode    esc_reassign_page_get_mode      (EscReassignPage *self);
/* The day of the run ("today"); the page starts with the real today. */
void               esc_reassign_page_set_today     (EscReassignPage *self,
                                                    EscJulian        today);
EscJulian          esc_reassign_page_get_today     (EscReassignPage *self);
/* Shows "requests", "assignments", "results" or "changes". */
void               esc_reassign_page_show_tab      (EscReassignPage *self,
                                                    const char      *name);

/* TRUE while a run is on the worker. */
gboolean           esc_reassign_page_is_running    (EscReassignPage *self);
/* The result shown, or NULL. */
EscReassignResult *esc_reassign_page_get_result    (EscReassignPage *self);
/* TRUE when the result shown was computed on an older version of the project. */
gboolean           esc_reassign_page_is_stale      (EscReassignPage *self);

/* What the lists show (for tests): the moves of the category shown, the row at
 * @position as its cells' texts joined by tabs (NULL past the end). */
guint              esc_reassign_page_get_n_moves   (EscReassignPage *self);
char              *esc_reassign_page_get_move_text (EscReassignPage *self,
                                                    guint            position);
/* Selects the move at @position: its backfill options and score breakdown are shown. */
void               esc_reassign_page_select_move   (EscReassignPage *self,
                                                    guint            position);
/* The score breakdown shown for the selected move ("6 = Part-time 4 + ..."). */
const char        *esc_reassign_page_get_breakdown (EscReassignPage *self);
/* The options (and backfill options) lists: number of rows. */
guint              esc_reassign_page_get_n_options          (EscReassignPage *self);
guint              esc_reassign_page_get_n_backfill_options (EscReassignPage *self);
/* The line comparing the optimal plan with greedy's ("" otherwise). */
const char        *esc_reassign_page_get_comparison_text    (EscReassignPage *self);
/* The path of the plan saved when moves are accepted (NULL for an unsaved project). */
char              *esc_reassign_page_get_plan_path          (EscReassignPage *self);

G_END_DECLS
