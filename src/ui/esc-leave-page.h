/* esc-leave-page.h: the Leave page: an employee's leave as a list of intervals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/esc-project.h"
#include "esc-leave-row.h"

G_BEGIN_DECLS

#define ESC_TYPE_LEAVE_PAGE (esc_leave_page_get_type ())
G_DECLARE_FINAL_TYPE (EscLeavePage, esc_leave_page, ESC, LEAVE_PAGE, AdwBin)

GtkWidget   *esc_leave_page_new             (EscProject   *project);
/* Shows the employee with this id; FALSE when there is none. */
gboolean     esc_leave_page_select_employee (EscLeavePage *self,
                                             const char   *id);
/* The employee shown, or NULL. */
EscRow      *esc_leave_page_get_employee    (EscLeavePage *self);
/* Adds an interval of one day (the planning start, or today) and writes it. */
void         esc_leave_page_add_leave       (EscLeavePage *self);
guint        esc_leave_page_get_n_rows      (EscLeavePage *self);
EscLeaveRow *esc_leave_page_get_row         (EscLeavePage *self,
                                             guint         index);
/* Problems of the whole project; the page shows those of the employee's leave. */
void         esc_leave_page_set_diagnostics (EscLeavePage *self,
                                             GPtrArray    *diagnostics);

G_END_DECLS
