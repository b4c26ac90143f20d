/* esc-gantt-view.h: the Gantt chart of a project's schedule as a scrollable widget.
 *
 * A GtkWidget that implements GtkScrollable: put it in a GtkScrolledWindow. The pixels
 * come from src/chart/ (esc-gantt-renderer.h); the widget turns input into viewport
 * changes, hit tests and undoable edits of the allocation table, and runs the checker
 * after every change so that broken rules are marked on the bars.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chart/esc-gantt-renderer.h"
#include "core/esc-project.h"

G_BEGIN_DECLS

#define ESC_TYPE_GANTT_VIEW (esc_gantt_view_get_type ())
G_DECLARE_FINAL_TYPE (EscGanttView, esc_gantt_view, ESC, GANTT_VIEW, GtkWidget)

typedef enum
{
  ESC_GANTT_ZOOM_DAY,
  ESC_GANTT_ZOOM_WEEK,
  ESC_GANTT_ZOOM_MONTH,
} EscGanttZoom;

GtkWidget     *esc_gantt_view_new              (void);
void           esc_gantt_view_set_project      (EscGanttView *self,
                                                EscProject   *project);
EscProject    *esc_gantt_view_get_project      (EscGanttView *self);
/* The current model (NULL before a project is set); borrowed. */
EscGanttModel *esc_gantt_view_get_model        (EscGanttView *self);
/* The viewport as last drawn (time range, offsets, sizes). */
void           esc_gantt_view_get_viewport     (EscGanttView     *self,
                                                EscGanttViewport *viewport);

void           esc_gantt_view_set_zoom         (EscGanttView *self,
                                                EscGanttZoom  zoom);
/* Zooms by @factor (> 1 zooms in) keeping the time under @x (widget coordinates). */
void           esc_gantt_view_zoom_at          (EscGanttView *self,
                                                double        factor,
                                                double        x);
void           esc_gantt_view_set_color_by     (EscGanttView    *self,
                                                EscGanttColorBy  color_by);
EscGanttColorBy esc_gantt_view_get_color_by    (EscGanttView *self);

/* Selects the bar of @task (NULL: none) and scrolls it into view. */
void           esc_gantt_view_select_task      (EscGanttView *self,
                                                const char   *task);
const char    *esc_gantt_view_get_selected_task (EscGanttView *self);

/* Rebuilds the model and runs the checker now instead of after the debounce. */
void           esc_gantt_view_refresh          (EscGanttView *self);

/* Edits, each one undoable command. Move: the allocation of @task to day @day (index
 * from the model's origin) and employee @resource (NULL: the same), keeping its shift.
 * FALSE when the task is unknown or not a work allocation. */
gboolean       esc_gantt_view_move_bar         (EscGanttView *self,
                                                const char   *task,
                                                int           day,
                                                const char   *resource);
gboolean       esc_gantt_view_set_bar_shift    (EscGanttView *self,
                                                const char   *task,
                                                const char   *shift);
gboolean       esc_gantt_view_delete_bar       (EscGanttView *self,
                                                const char   *task);
gboolean       esc_gantt_view_set_bar_pinned   (EscGanttView *self,
                                                const char   *task,
                                                gboolean      pinned);
/* Adds a work allocation of @shift for @resource on day @day. */
gboolean       esc_gantt_view_add_bar          (EscGanttView *self,
                                                const char   *resource,
                                                int           day,
                                                const char   *shift);
/* The shifts @resource may work on day @day (the compiled problem's options), as a
 * NULL-terminated array of shift ids; NULL when the project does not compile. */
char         **esc_gantt_view_list_shifts      (EscGanttView *self,
                                                const char   *resource,
                                                int           day);

/* What the checker found at its last run (::issues-changed): rule title, message and
 * the task of a bar it concerns (may be NULL). */
guint          esc_gantt_view_get_n_issues     (EscGanttView *self);
void           esc_gantt_view_get_issue        (EscGanttView *self,
                                                guint         index,
                                                const char  **title,
                                                const char  **message,
                                                const char  **task);
/* Whether the bar of @task is marked as breaking a rule. */
gboolean       esc_gantt_view_task_has_issue   (EscGanttView *self,
                                                const char   *task);

G_END_DECLS
