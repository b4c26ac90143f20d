/* esc-leave-row.h: one leave interval of an employee, with two date pickers and
 * optional times.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/esc-parse.h"
#include "esc-date-button.h"

G_BEGIN_DECLS

/* A leave interval as HR sees it: from a day (and time) to a day (and time), both
 * included. Minutes are -1 for whole days; an end time of 1440 is the end of the day. */
typedef struct
{
  EscJulian start_day;
  int start_minutes;
  EscJulian end_day;
  int end_minutes;
} EscLeaveSpan;

#define ESC_TYPE_LEAVE_ROW (esc_leave_row_get_type ())
G_DECLARE_FINAL_TYPE (EscLeaveRow, esc_leave_row, ESC, LEAVE_ROW, GtkListBoxRow)

GtkWidget     *esc_leave_row_new              (void);
void           esc_leave_row_set_span         (EscLeaveRow        *self,
                                               const EscLeaveSpan *span);
void           esc_leave_row_get_span         (EscLeaveRow        *self,
                                               EscLeaveSpan       *span);
EscDateButton *esc_leave_row_get_start_button (EscLeaveRow        *self);
EscDateButton *esc_leave_row_get_end_button   (EscLeaveRow        *self);
GtkEditable   *esc_leave_row_get_start_time   (EscLeaveRow        *self);
GtkEditable   *esc_leave_row_get_end_time     (EscLeaveRow        *self);

/* Spans of a leave cell's intervals (esc_parse_leave()), and back to the canonical
 * text: "DD/MM/YYYY", "DD/MM/YYYY - DD/MM/YYYY" or
 * "DD/MM/YYYY HH:MM - DD/MM/YYYY HH:MM", joined by ", ". */
GArray        *esc_leave_spans_from_intervals (GArray             *intervals);
char          *esc_leave_spans_format         (GArray             *spans);

G_END_DECLS
