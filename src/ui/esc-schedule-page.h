/* esc-schedule-page.h: the Schedule page: the current schedule's allocations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/esc-project.h"
#include "esc-table-view.h"

G_BEGIN_DECLS

#define ESC_TYPE_SCHEDULE_PAGE (esc_schedule_page_get_type ())
G_DECLARE_FINAL_TYPE (EscSchedulePage, esc_schedule_page, ESC, SCHEDULE_PAGE, GtkWidget)

GtkWidget    *esc_schedule_page_new                 (EscProject      *project);
EscTableView *esc_schedule_page_get_table_view      (EscSchedulePage *self);
/* The slot above the allocations where the solve's progress panel goes (issue 6 item
 * 5): @widget (NULL to hide the slot) is shown with a slide. */
void          esc_schedule_page_set_progress_widget (EscSchedulePage *self,
                                                     GtkWidget       *widget);

/* A schedule computed on an older version of the project waits for the user's choice:
 * @message (NULL to hide) is shown with Adopt Anyway (win.adopt-schedule) and Discard
 * (win.discard-schedule) buttons. */
void          esc_schedule_page_set_stale           (EscSchedulePage *self,
                                                     const char      *message);
const char   *esc_schedule_page_get_stale           (EscSchedulePage *self);
/* The status line of the saved schedule (from the Result table), or NULL. */
const char   *esc_schedule_page_get_status          (EscSchedulePage *self);

G_END_DECLS
