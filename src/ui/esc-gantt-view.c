/* esc-gantt-view.c: the Gantt chart of a project's schedule as a scrollable widget.
 *
 * Drawing: the static layer (the whole chart for the current viewport) is drawn by the
 * renderer into an image surface at the device scale and appended as a texture; in GTK
 * 4.8 that is about three times faster than a cairo render node, which records and then
 * replays. The texture is kept until the model, the viewport or the style change; hover,
 * selection, the focus ring and the bar being dragged are drawn on top each frame.
 *
 * Scrolling: GtkScrollable with adjustments in pixels. Horizontally the adjustment runs
 * over the model's whole time range at the current zoom (pixels per minute); vertically
 * over the rows' content height. The name column and the time axis stay where they are
 * (the renderer draws them at fixed places).
 *
 * Edits rewrite cells of the allocation table through one undoable (grouped) command
 * each. The model is rebuilt (debounced) when the allocation, employee or holiday
 * tables change or any command runs, and the checker runs after a short debounce: the
 * project is compiled, the allocation table loaded into a schedule of it
 * (esc_schedule_output_load) and checked; rows the schedule cannot hold (a shift the
 * employee cannot work that day, two shifts on a day) are reported too. The tasks
 * concerned are marked on the bars (esc_gantt_model_set_violations) and the findings
 * are listed for the page (::issues-changed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "core/esc-display.h"
#include "core/esc-table.h"
#include "solver/esc-checker.h"
#include "solver/esc-schedule-output.h"
#include "esc-gantt-view.h"

#define REBUILD_DELAY_MS 30
#define CHECK_DELAY_MS 120
#define DRAG_THRESHOLD 4.0
#define MIN_SPAN_MINUTES 60.0

typedef struct
{
  char *title;
  char *message;
  char *task;
} Issue;

struct _EscGanttView
{
  GtkWidget parent_instance;

  EscProject *project;
  GPtrArray *watched_tables;       /* EscTable*, items-changed connected */
  EscGanttModel *model;
  EscGanttRenderer *renderer;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;

  double ppm;                      /* pixels per minute; 0 until first allocated */
  int pending_zoom;                /* EscGanttZoom to apply at allocation, or -1 */
  EscGanttStyle style;
  EscGanttColorBy color_by;

  /* The static layer. */
  GdkTexture *texture;
  EscGanttViewport texture_viewport;
  gboolean texture_dirty;

  char *selected;
  char *hover;

  /* Checker results. */
  GHashTable *violation_tasks;     /* task -> TRUE */
  GPtrArray *issues;               /* Issue* */

  guint rebuild_id;
  guint check_id;

  /* Pointer and gestures. */
  double pointer_x;
  double pointer_y;
  double zoom_ppm0;
  char *drag_task;                 /* a bar being pressed or dragged */
  guint drag_row;
  gint32 drag_time;                /* time under the press */
  gboolean dragging;               /* past the threshold */
  gboolean panning;
  double drag_x0, drag_y0;
  double pan_h0, pan_v0;
  int drag_day_delta;
  guint drag_target_row;

  /* Context menu. */
  GtkWidget *popover;
  char *menu_task;
  char *menu_resource;
  int menu_day;
};

static void esc_gantt_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EscGanttView, esc_gantt_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      esc_gantt_view_scrollable_init))

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  ISSUES_CHANGED,
  MODEL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
issue_free (Issue *issue)
{
  g_free (issue->title);
  g_free (issue->message);
  g_free (issue->task);
  g_free (issue);
}

/* Geometry. */

static void
fill_viewport (EscGanttView     *self,
               EscGanttViewport *vp)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double chart_width;

  if (self->model != NULL)
    esc_gantt_viewport_init (vp, self->model, MAX (width, 1), MAX (height, 1));
  else
    {
      /* The renderer's defaults, for geometry before there is a model. */
      memset (vp, 0, sizeof *vp);
      vp->width = MAX (width, 1);
      vp->height = MAX (height, 1);
      vp->row_height = 28;
      vp->name_width = 240;
      vp->axis_height = 52;
      vp->t1 = 7.0 * ESC_MINUTES_PER_DAY;
      vp->flags = ESC_GANTT_DRAW_DEFAULT;
    }
  chart_width = MAX (vp->width - vp->name_width, 1);
  if (self->ppm > 0)
    {
      vp->t0 = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) / self->ppm : 0;
      vp->t1 = vp->t0 + chart_width / self->ppm;
    }
  vp->y_offset = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
  vp->style = self->style;
  vp->color_by = self->color_by;
  vp->scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  vp->selected_task = NULL;
  vp->hover_task = NULL;
}

static void
invalidate (EscGanttView *self)
{
  self->texture_dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
configure_adjustments (EscGanttView *self)
{
  EscGanttViewport vp;
  gint32 start = 0, end = 7 * ESC_MINUTES_PER_DAY;
  double cw, page_h, content_h = 0;

  if (self->hadjustment == NULL || self->vadjustment == NULL)
    return;

  fill_viewport (self, &vp);
  cw = MAX (vp.width - vp.name_width, 1);
  page_h = MAX (vp.height - vp.axis_height, 1);
  if (self->model != NULL)
    {
      esc_gantt_model_get_range (self->model, &start, &end);
      content_h = esc_gantt_viewport_content_height (&vp, self->model);
    }
  if (self->ppm <= 0)
    {
      /* Not allocated yet: the zoom is chosen at the first allocation. */
      if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
        return;
      self->ppm = cw / (7.0 * ESC_MINUTES_PER_DAY);
    }

  gtk_adjustment_configure (self->hadjustment,
                            gtk_adjustment_get_value (self->hadjustment),
                            0, MAX ((end - start) * self->ppm, cw),
                            cw * 0.1, cw * 0.9, cw);
  gtk_adjustment_configure (self->vadjustment,
                            gtk_adjustment_get_value (self->vadjustment),
                            0, MAX (content_h, page_h),
                            vp.row_height, page_h * 0.9, page_h);
}

static void
set_ppm_keeping (EscGanttView *self,
                 double        ppm,
                 double        x)
{
  EscGanttViewport vp;
  gint32 start = 0, end = 7 * ESC_MINUTES_PER_DAY;
  double t, cw, min_ppm, max_ppm;

  fill_viewport (self, &vp);
  cw = MAX (vp.width - vp.name_width, 1);
  if (self->model != NULL)
    esc_gantt_model_get_range (self->model, &start, &end);
  x = CLAMP (x, vp.name_width, vp.width);
  t = esc_gantt_viewport_time_of_x (&vp, x);
  min_ppm = cw / MAX ((double) (end - start), MIN_SPAN_MINUTES);
  max_ppm = cw / MIN_SPAN_MINUTES;
  self->ppm = CLAMP (ppm, min_ppm, max_ppm);
  configure_adjustments (self);
  gtk_adjustment_set_value (self->hadjustment, t * self->ppm - (x - vp.name_width));
  invalidate (self);
}

void
esc_gantt_view_zoom_at (EscGanttView *self,
                        double        factor,
                        double        x)
{
  g_return_if_fail (ESC_IS_GANTT_VIEW (self));

  if (self->ppm <= 0 || factor <= 0)
    return;
  set_ppm_keeping (self, self->ppm * factor, x);
}

void
esc_gantt_view_set_zoom (EscGanttView *self,
                         EscGanttZoom  zoom)
{
  static const double spans[] = { 1, 7, 28 };
  EscGanttViewport vp;
  double cw;

  g_return_if_fail (ESC_IS_GANTT_VIEW (self));

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0 || self->hadjustment == NULL)
    {
      self->pending_zoom = zoom;
      return;
    }
  self->pending_zoom = -1;
  fill_viewport (self, &vp);
  cw = MAX (vp.width - vp.name_width, 1);
  if (self->ppm <= 0)
    self->ppm = cw / (7.0 * ESC_MINUTES_PER_DAY);
  {
    /* Keep the first whole day on screen at the left edge. */
    double t0 = floor (vp.t0 / ESC_MINUTES_PER_DAY) * ESC_MINUTES_PER_DAY;

    set_ppm_keeping (self, cw / (spans[zoom] * ESC_MINUTES_PER_DAY), vp.name_width);
    gtk_adjustment_set_value (self->hadjustment, t0 * self->ppm);
  }
}

/* Scrolls so that the bar is visible. */
static void
scroll_to_bar (EscGanttView *self,
               guint         row,
               guint         bar)
{
  EscGanttViewport vp;
  EscGanttRect rect;
  double top, bottom, left, right, cw;

  if (self->model == NULL || self->ppm <= 0)
    return;
  fill_viewport (self, &vp);
  esc_gantt_viewport_get_bar_rect (&vp, self->model, row, bar, &rect);
  cw = vp.width - vp.name_width;
  left = rect.x;
  right = rect.x + rect.width;
  if (left < vp.name_width || right > vp.width)
    {
      const EscGanttBar *b = &esc_gantt_model_get_row (self->model, row)->bars[bar];
      double mid = (b->start + b->end) / 2.0;

      gtk_adjustment_set_value (self->hadjustment, mid * self->ppm - cw / 2);
    }
  top = esc_gantt_viewport_y_of_row (&vp, self->model, row);
  bottom = top + esc_gantt_viewport_row_height (&vp, self->model, row);
  if (top < vp.axis_height + vp.row_height || bottom > vp.height)
    {
      double value = gtk_adjustment_get_value (self->vadjustment);

      if (top < vp.axis_height + vp.row_height)
        value -= vp.axis_height + vp.row_height - top;
      else
        value += bottom - vp.height;
      gtk_adjustment_set_value (self->vadjustment, value);
    }
}

/* Accessibility: the view is one focusable grid drawn by hand; what a screen reader
 * says about it is its label and a description of the selected bar (who, when, which
 * shift, pinned, broken rules), or how to move through the bars when none is selected. */

static void
update_accessible_description (EscGanttView *self)
{
  g_autofree char *description = NULL;
  guint row, bar;

  if (self->selected != NULL && self->model != NULL &&
      esc_gantt_model_find_task (self->model, self->selected, &row, &bar))
    description = esc_gantt_model_describe_bar (self->model, row, bar);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL
                                  ? description
                                  : _("Arrow keys select a shift; Enter opens its menu, Delete removes it"),
                                  -1);
}

/* Model and checker. */

static void schedule_check (EscGanttView *self);

static void
rebuild_model (EscGanttView *self)
{
  EscGanttModelOptions options = { 0 };

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->model, esc_gantt_model_unref);
  if (self->project == NULL)
    {
      invalidate (self);
      return;
    }
  options.violations = self->violation_tasks;
  self->model = esc_gantt_model_new (self->project, &options);
  configure_adjustments (self);
  invalidate (self);
  update_accessible_description (self);
  g_signal_emit (self, signals[MODEL_CHANGED], 0);
}

static gboolean
rebuild_cb (gpointer data)
{
  EscGanttView *self = data;

  self->rebuild_id = 0;
  rebuild_model (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (EscGanttView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_timeout_add (REBUILD_DELAY_MS, rebuild_cb, self);
  schedule_check (self);
}

static EscTable *
allocation_table (EscGanttView *self)
{
  return esc_project_get_table (self->project, ESC_TABLE_ALLOCATION);
}

static gboolean
is_work_row (EscRow *row)
{
  const char *type = esc_row_get (row, ESC_ALLOCATION_TYPE);

  return *type == '\0' || g_strcmp0 (type, ESC_ALLOCATION_TYPE_WORK) == 0;
}

static void
add_issue (EscGanttView *self,
           const char   *title,
           const char   *message,
           const char   *task)
{
  Issue *issue = g_new0 (Issue, 1);

  issue->title = g_strdup (title);
  issue->message = g_strdup (message);
  issue->task = g_strdup (task);
  g_ptr_array_add (self->issues, issue);
  if (task != NULL)
    g_hash_table_add (self->violation_tasks, g_strdup (task));
}

static void
run_checker (EscGanttView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(EscSchedule) schedule = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  g_autofree const char **tasks = NULL;   /* n_employees * n_days: work task placed */
  EscTable *table;
  guint n_employees, n_days;

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_ptr_array_set_size (self->issues, 0);
  g_hash_table_remove_all (self->violation_tasks);
  if (self->project == NULL)
    goto done;

  table = allocation_table (self);
  if (esc_table_get_n_rows (table) == 0)
    goto done;
  problem = esc_problem_new_from_project (self->project, &error);
  if (problem == NULL)
    {
      add_issue (self, _("The project cannot be checked"), error->message, NULL);
      goto done;
    }
  schedule = esc_schedule_output_load (problem, self->project, NULL);
  n_employees = problem->employees->len;
  n_days = problem->n_days;
  tasks = g_new0 (const char *, (gsize) MAX (n_employees * n_days, 1));

  /* Rows the schedule could not hold. */
  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    {
      EscRow *row = esc_table_get_row (table, i);
      const char *task = esc_row_get (row, ESC_ALLOCATION_TASK);
      const char *resource = esc_row_get (row, ESC_ALLOCATION_RESOURCE);
      const char *shift = esc_row_get (row, ESC_ALLOCATION_SHIFT);
      const char *date = esc_row_get (row, ESC_ALLOCATION_DATE);
      EscJulian julian = 0;
      int e, d, option;
      g_autofree char *message = NULL;
      g_autofree char *shown = NULL;
      gboolean dated;

      if (!is_work_row (row))
        continue;
      dated = esc_parse_date (date, &julian, NULL);
      shown = dated ? esc_display_date (julian) : g_strdup (date);
      e = esc_problem_find_employee (problem, resource);
      if (e == ESC_NONE || !dated ||
          (gint64) julian < (gint64) problem->start_julian ||
          (gint64) julian >= (gint64) problem->start_julian + n_days)
        {
          message = g_strdup_printf (_("%s works “%s” on %s, outside the plan or without "
                                       "being an employee of it"), resource, shift, shown);
          add_issue (self, esc_rule_title (ESC_RULE_OPTION), message, task);
          continue;
        }
      d = (int) (julian - problem->start_julian);
      option = esc_schedule_get_choice (schedule, e, d);
      if (tasks[e * n_days + d] != NULL)
        message = g_strdup_printf (_("%s has more than one shift on %s; at most one a day "
                                     "is allowed"), resource, shown);
      else if (option == ESC_NONE ||
               g_strcmp0 (esc_problem_get_shift (problem,
                                                 esc_problem_get_option (problem, option)->shift)->id,
                          shift) != 0)
        message = g_strdup_printf (_("%s cannot work “%s” on %s: no pattern allows it that "
                                     "day, or it falls on leave, a ban or a day without "
                                     "demand"), resource, shift, shown);
      if (message != NULL)
        add_issue (self, esc_rule_title (ESC_RULE_OPTION), message, task);
      else
        tasks[e * n_days + d] = task;
    }

  violations = esc_checker_check (schedule);
  for (guint i = 0; i < violations->len; i++)
    {
      EscViolation *v = g_ptr_array_index (violations, i);
      const char *first = NULL;

      for (int d = MAX (v->first_day, 0); d <= v->last_day && d < (int) n_days; d++)
        {
          const char *task = tasks[v->employee * n_days + d];

          if (task == NULL)
            continue;
          if (first == NULL)
            first = task;
          g_hash_table_add (self->violation_tasks, g_strdup (task));
        }
      for (guint d = 0; first == NULL && d < n_days; d++)
        first = tasks[v->employee * n_days + d];
      add_issue (self, esc_rule_title (v->rule), v->message, first);
    }

done:
  if (self->model != NULL)
    esc_gantt_model_set_violations (self->model, self->violation_tasks);
  invalidate (self);
  g_signal_emit (self, signals[ISSUES_CHANGED], 0);
}

static gboolean
check_timeout_cb (gpointer data)
{
  EscGanttView *self = data;

  self->check_id = 0;
  /* A pending rebuild first, so that the flags land on the new model. */
  if (self->rebuild_id != 0)
    rebuild_model (self);
  run_checker (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (EscGanttView *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

void
esc_gantt_view_refresh (EscGanttView *self)
{
  g_return_if_fail (ESC_IS_GANTT_VIEW (self));

  rebuild_model (self);
  run_checker (self);
}

static void
table_items_changed_cb (GListModel   *list,
                        guint         position,
                        guint         removed,
                        guint         added,
                        EscGanttView *self)
{
  schedule_rebuild (self);
}

static void
command_done_cb (EscUndoStack *stack,
                 EscCommand   *command,
                 EscGanttView *self)
{
  schedule_rebuild (self);
}

static void
disconnect_project (EscGanttView *self)
{
  if (self->project == NULL)
    return;
  for (guint i = 0; i < self->watched_tables->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched_tables, i), self);
  g_ptr_array_set_size (self->watched_tables, 0);
  g_signal_handlers_disconnect_by_data (esc_project_get_undo_stack (self->project), self);
  g_clear_object (&self->project);
}

void
esc_gantt_view_set_project (EscGanttView *self,
                            EscProject   *project)
{
  static const EscTableId watched[] = {
    ESC_TABLE_ALLOCATION, ESC_TABLE_EMPLOYEE, ESC_TABLE_HOLIDAY, ESC_TABLE_SHIFT,
    ESC_TABLE_STORE, ESC_TABLE_ROLE, ESC_TABLE_DEMAND, ESC_TABLE_PARAMETER,
  };

  g_return_if_fail (ESC_IS_GANTT_VIEW (self));
  g_return_if_fail (project == NULL || ESC_IS_PROJECT (project));

  if (self->project == project)
    return;
  disconnect_project (self);
  if (project != NULL)
    {
      EscUndoStack *stack = esc_project_get_undo_stack (project);

      self->project = g_object_ref (project);
      for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
        {
          EscTable *table = esc_project_get_table (project, watched[i]);

          g_ptr_array_add (self->watched_tables, table);
          g_signal_connect (table, "items-changed", G_CALLBACK (table_items_changed_cb), self);
        }
      g_signal_connect (stack, "executed", G_CALLBACK (command_done_cb), self);
      g_signal_connect (stack, "undone", G_CALLBACK (command_done_cb), self);
      g_signal_connect (stack, "redone", G_CALLBACK (command_done_cb), self);
    }
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->hover, g_free);
  g_hash_table_remove_all (self->violation_tasks);
  g_ptr_array_set_size (self->issues, 0);
  rebuild_model (self);
  schedule_check (self);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
}

EscProject *
esc_gantt_view_get_project (EscGanttView *self)
{
  g_return_val_if_fail (ESC_IS_GANTT_VIEW (self), NULL);
  return self->project;
}

EscGanttModel *
esc_gantt_view_get_model (EscGanttView *self)
{
  g_return_val_if_fail (ESC_IS_GANTT_VIEW (self), NULL);
  return self->model;
}

void
esc_gantt_view_get_viewport (EscGanttView     *self,
                             EscGanttViewport *viewport)
{
  g_return_if_fail (ESC_IS_GANTT_VIEW (self));
  fill_viewport (self, viewport);
}

void
esc_gantt_view_set_color_by (EscGanttView    *self,
                             EscGanttColorBy  color_by)
{
  g_return_if_fail (ESC_IS_GANTT_VIEW (self));
  if (self->color_by == color_by)
    return;
  self->color_by = color_by;
  invalidate (self);
}

EscGanttColorBy
esc_gantt_view_get_color_by (EscGanttView *self)
{
  g_return_val_if_fail (ESC_IS_GANTT_VIEW (self), ESC_GANTT_COLOR_BY_SHIFT);
  return self->color_by;
}

/* Selection. */

static void
set_selected (EscGanttView *self,
              const char   *task)
{
  if (g_strcmp0 (self->selected, task) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (task);
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
esc_gantt_view_select_task (EscGanttView *self,
                            const char   *task)
{
  guint row, bar;

  g_return_if_fail (ESC_IS_GANTT_VIEW (self));

  if (self->rebuild_id != 0)
    rebuild_model (self);
  set_selected (self, task);
  if (task != NULL && self->model != NULL &&
      esc_gantt_model_find_task (self->model, task, &row, &bar))
    scroll_to_bar (self, row, bar);
}

const char *
esc_gantt_view_get_selected_task (EscGanttView *self)
{
  g_return_val_if_fail (ESC_IS_GANTT_VIEW (self), NULL);
  return self->selected;
}

guint
esc_gantt_view_get_n_issues (EscGanttView *self)
{
  g_return_val_if_fail (ESC_IS_GANTT_VIEW (self), 0);
  return self->issues->len;
}

void
esc_gantt_view_get_issue (EscGanttView *self,
                          guint         index,
                          const char  **title,
                          const char  **message,
                          const char  **task)
{
  Issue *issue;

  g_return_if_fail (ESC_IS_GANTT_VIEW (self));
  g_return_if_fail (index < self->issues->len);

  issue = g_ptr_array_index (self->issues, index);
  if (title != NULL)
    *title = issue->title;
  if (message != NULL)
    *message = issue->message;
  if (task != NULL)
    *task = issue->task;
}

gboolean
esc_gantt_view_task_has_issue (EscGanttView *self,
                               const char   *task)
{
  g_return_val_if_fail (ESC_IS_GANTT_VIEW (self), FALSE);
  return task != NULL && g_hash_table_contains (self->violation_tasks, task);
}

/* Edits. */

static EscRow *
find_allocation (EscGanttView *self,
                 const char   *task)
{
  EscTable *table;

  if (self->project == NULL || task == NULL)
    return NULL;
  table = allocation_table (self);
  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    {
      EscRow *row = esc_table_get_row (table, i);

      if (g_strcmp0 (esc_row_get (row, ESC_ALLOCATION_TASK), task) == 0)
        return row;
    }
  return NULL;
}

static char *
format_instant (EscJulian julian,
                gint64    minutes)
{
  gint64 days = minutes >= 0 ? minutes / ESC_MINUTES_PER_DAY
                             : -((-minutes + ESC_MINUTES_PER_DAY - 1) / ESC_MINUTES_PER_DAY);
  g_autofree char *date = esc_format_date ((EscJulian) (julian + days));
  g_autofree char *clock = esc_format_time ((int) (minutes - days * ESC_MINUTES_PER_DAY));

  return g_strdup_printf ("%s %s", date, clock);
}

/* "YYYY-MM-DD HH:MM" (or a date alone, *minutes = -1). */
static gboolean
parse_instant (const char *text,
               EscJulian  *julian,
               int        *minutes)
{
  g_auto(GStrv) parts = g_strsplit (text, " ", 2);

  *minutes = -1;
  if (parts[0] == NULL || !esc_parse_date (parts[0], julian, NULL))
    return FALSE;
  if (parts[1] != NULL && !esc_parse_time (g_strstrip (parts[1]), TRUE, minutes, NULL))
    return FALSE;
  return TRUE;
}

static void
add_set (GPtrArray  *commands,
         EscTable   *table,
         EscRow     *row,
         guint       column,
         const char *value)
{
  if (g_strcmp0 (esc_row_get (row, column), value ? value : "") != 0)
    g_ptr_array_add (commands, esc_command_new_set_cell (table, row, column, value));
}

static void
execute_group (EscGanttView *self,
               const char   *label,
               GPtrArray    *commands)
{
  if (commands->len == 0)
    return;
  esc_project_execute_take (self->project, esc_command_new_group (label, commands));
  schedule_rebuild (self);
}

static EscJulian
model_origin (EscGanttView *self)
{
  if (self->rebuild_id != 0 || self->model == NULL)
    rebuild_model (self);
  return self->model != NULL ? esc_gantt_model_get_origin (self->model) : 0;
}

gboolean
esc_gantt_view_move_bar (EscGanttView *self,
                         const char   *task,
                         int           day,
                         const char   *resource)
{
  EscTable *table;
  EscRow *row;
  EscJulian old_julian, new_julian, julian;
  int minutes;
  g_autofree char *old_task = NULL;
  g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *date = NULL;
  g_autofree char *new_task = NULL;
  const char *old_resource;

  g_return_val_if_fail (ESC_IS_GANTT_VIEW (self), FALSE);

  row = find_allocation (self, task);
  if (row == NULL || !is_work_row (row) ||
      !esc_parse_date (esc_row_get (row, ESC_ALLOCATION_DATE), &old_julian, NULL))
    return FALSE;
  table = allocation_table (self);
  new_julian = model_origin (self) + day;
  old_task = g_strdup (task);
  old_resource = esc_row_get (row, ESC_ALLOCATION_RESOURCE);
  if (resource == NULL)
    resource = old_resource;
  date = esc_format_date (new_julian);

  if (g_strcmp0 (resource, old_resource) != 0)
    {
      EscRow *employee = esc_table_find (esc_project_get_table (self->project, ESC_TABLE_EMPLOYEE),
                                         resource);

      if (employee == NULL)
        return FALSE;
      add_set (commands, table, row, ESC_ALLOCATION_STORE, esc_row_get (employee, ESC_EMPLOYEE_STORE));
      add_set (commands, table, row, ESC_ALLOCATION_ROLE, esc_row_get (employee, ESC_EMPLOYEE_ROLE));
    }
  /* Task ids the solver wrote ("E001@2026-12-07") follow the move. */
  {
    g_autofree char *old_date = esc_format_date (old_julian);
    g_autofree char *solver_task = g_strdup_printf ("%s@%s", old_resource, old_date);

    if (g_strcmp0 (task, solver_task) == 0)
      new_task = g_strdup_printf ("%s@%s", resource, date);
  }
  add_set (commands, table, row, ESC_ALLOCATION_RESOURCE, resource);
  add_set (commands, table, row, ESC_ALLOCATION_DATE, date);
  for (guint column = ESC_ALLOCATION_START; column <= ESC_ALLOCATION_FINISH; column++)
    if (parse_instant (esc_row_get (row, column), &julian, &minutes))
      {
        g_autofree char *value = minutes < 0 ? esc_format_date (julian + (new_julian - old_julian))
                                             : format_instant (julian + (new_julian - old_julian), minutes);

        add_set (commands, table, row, column, value);
      }
  if (new_task != NULL)
    add_set (commands, table, row, ESC_ALLOCATION_TASK, new_task);
  execute_group (self, _("Move shift"), commands);
  if (new_task != NULL && g_strcmp0 (self->selected, old_task) == 0)
    set_selected (self, new_task);
  return TRUE;
}

/* The option of @shift for the employee on a julian day, from the compiled problem. */
static gboolean
find_option (EscProblem             *problem,
             const char             *resource,
             EscJulian               julian,
             const char             *shift,
             const EscProblemOption **option)
{
  int e = esc_problem_find_employee (problem, resource);
  gint64 day = (gint64) julian - (gint64) problem->start_julian;
  EscProblemEmployee *emp;

  if (e == ESC_NONE || day < 0 || day >= problem->n_days)
    return FALSE;
  emp = esc_problem_get_employee (problem, e);
  for (guint o = emp->day_offset[day]; o < emp->day_offset[day + 1]; o++)
    {
      const EscProblemOption *opt = esc_problem_get_option (problem, o);

      if (g_strcmp0 (esc_problem_get_shift (problem, opt->shift)->id, shift) == 0)
        {
          *option = opt;
          return TRUE;
        }
    }
  return FALSE;
}

/* Start, finish and net hours of @shift on @julian: from the employee's option, else
 * from the shift's definition. */
static gboolean
shift_times (EscGanttView *self,
             const char   *resource,
             EscJulian     julian,
             const char   *shift,
             char        **start,
             char        **finish,
             char        **hours)
{
  g_autoptr(EscProblem) problem = esc_problem_new_from_project (self->project, NULL);
  const EscProblemOption *option = NULL;
  const EscProblemShift *def;
  int s;

  if (problem == NULL || (s = esc_problem_find_shift (problem, shift)) == ESC_NONE)
    return FALSE;
  def = esc_problem_get_shift (problem, s);
  if (find_option (problem, resource, julian, shift, &option))
    {
      *hours = esc_format_hours (option->net_minutes);
      if (def->start == ESC_NONE)
        {
          *start = esc_format_date (julian);
          *finish = esc_format_date (julian);
        }
      else
        {
          *start = format_instant (problem->start_julian, option->start);
          *finish = format_instant (problem->start_julian, option->end);
        }
      return TRUE;
    }
  *hours = esc_format_hours (def->net_minutes);
  if (def->start == ESC_NONE)
    {
      *start = esc_format_date (julian);
      *finish = esc_format_date (julian);
    }
  else
    {
      *start = format_instant (julian, def->start);
      *finish = format_instant (julian, def->end);
    }
  return TRUE;
}

gboolean
esc_gantt_view_set_bar_shift (EscGanttView *self,
                              const char   *task,
                              const char   *shift)
{
  EscRow *row;
  EscJulian julian;
  g_autofree char *start = NULL;
  g_autofree char *finish = NULL;
  g_autofree char *hours = NULL;
  g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func (g_object_unref);
  EscTable *table;

  g_return_val_if_fail (ESC_IS_GANTT_VIEW (self), FALSE);

  row = find_allocation (self, task);
  if (row == NULL || !is_work_row (row) ||
      !esc_parse_date (esc_row_get (row, ESC_ALLOCATION_DATE), &julian, NULL) ||
      !shift_times (self, esc_row_get (row, ESC_ALLOCATION_RESOURCE), julian, shift,
                    &start, &finish, &hours))
    return FALSE;
  table = allocation_table (self);
  add_set (commands, table, row, ESC_ALLOCATION_SHIFT, shift);
  add_set (commands, table, row, ESC_ALLOCATION_START, start);
  add_set (commands, table, row, ESC_ALLOCATION_FINISH, finish);
  add_set (commands, table, row, ESC_ALLOCATION_NET_HOURS, hours);
  execute_group (self, _("Change shift"), commands);
  return TRUE;
}

gboolean
esc_gantt_view_delete_bar (EscGanttView *self,
                           const char   *task)
{
  EscRow *row;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  EscCommand *command;

  g_return_val_if_fail (ESC_IS_GANTT_VIEW (self), FALSE);

  row = find_allocation (self, task);
  if (row == NULL)
    return FALSE;
  g_ptr_array_add (rows, g_object_ref (row));
  command = esc_command_new_remove_rows (allocation_table (self), rows);
  esc_command_set_label (command, _("Delete shift"));
  if (g_strcmp0 (self->selected, task) == 0)
    set_selected (self, NULL);
  esc_project_execute_take (self->project, command);
  schedule_rebuild (self);
  return TRUE;
}

gboolean
esc_gantt_view_set_bar_pinned (EscGanttView *self,
                               const char   *task,
                               gboolean      pinned)
{
  EscRow *row;
  g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (ESC_IS_GANTT_VIEW (self), FALSE);

  row = find_allocation (self, task);
  if (row == NULL)
    return FALSE;
  add_set (commands, allocation_table (self), row, ESC_ALLOCATION_PINNED, pinned ? "yes" : NULL);
  execute_group (self, pinned ? _("Pin shift") : _("Unpin shift"), commands);
  return TRUE;
}

gboolean
esc_gantt_view_add_bar (EscGanttView *self,
                        const char   *resource,
                        int           day,
                        const char   *shift)
{
  EscRow *employee;
  EscJulian julian;
  g_autofree char *date = NULL;
  g_autofree char *task = NULL;
  g_autofree char *start = NULL;
  g_autofree char *finish = NULL;
  g_autofree char *hours = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  EscTable *table;
  EscCommand *command;

  g_return_val_if_fail (ESC_IS_GANTT_VIEW (self), FALSE);

  if (self->project == NULL)
    return FALSE;
  employee = esc_table_find (esc_project_get_table (self->project, ESC_TABLE_EMPLOYEE), resource);
  if (employee == NULL)
    return FALSE;
  julian = model_origin (self) + day;
  if (!shift_times (self, resource, julian, shift, &start, &finish, &hours))
    return FALSE;
  date = esc_format_date (julian);
  task = g_strdup_printf ("%s@%s", resource, date);
  {
    const char *values[ESC_ALLOCATION_N_COLUMNS] = {
      [ESC_ALLOCATION_TASK] = task,
      [ESC_ALLOCATION_START] = start,
      [ESC_ALLOCATION_FINISH] = finish,
      [ESC_ALLOCATION_RESOURCE] = resource,
      [ESC_ALLOCATION_STORE] = esc_row_get (employee, ESC_EMPLOYEE_STORE),
      [ESC_ALLOCATION_TYPE] = ESC_ALLOCATION_TYPE_WORK,
      [ESC_ALLOCATION_ROLE] = esc_row_get (employee, ESC_EMPLOYEE_ROLE),
      [ESC_ALLOCATION_SHIFT] = shift,
      [ESC_ALLOCATION_DATE] = date,
      [ESC_ALLOCATION_NET_HOURS] = hours,
    };

    g_ptr_array_add (rows, esc_row_new_with_values (ESC_TABLE_ALLOCATION, values));
  }
  table = allocation_table (self);
  command = esc_command_new_insert_rows (table, esc_table_get_n_rows (table), rows);
  esc_command_set_label (command, _("Add shift"));
  esc_project_execute_take (self->project, command);
  set_selected (self, task);
  schedule_rebuild (self);
  return TRUE;
}

char **
esc_gantt_view_list_shifts (EscGanttView *self,
                            const char   *resource,
                            int           day)
{
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  EscProblemEmployee *emp;
  gint64 d;
  int e;

  g_return_val_if_fail (ESC_IS_GANTT_VIEW (self), NULL);

  if (self->project == NULL)
    return NULL;
  problem = esc_problem_new_from_project (self->project, NULL);
  if (problem == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  e = esc_problem_find_employee (problem, resource);
  d = (gint64) model_origin (self) + day - (gint64) problem->start_julian;
  if (e != ESC_NONE && d >= 0 && d < problem->n_days)
    {
      emp = esc_problem_get_employee (problem, e);
      for (guint o = emp->day_offset[d]; o < emp->day_offset[d + 1]; o++)
        g_strv_builder_add (builder, esc_problem_get_shift (problem,
                                                            esc_problem_get_option (problem, o)->shift)->id);
    }
  return g_strv_builder_end (builder);
}

/* Context menu. */

static void
open_menu (EscGanttView *self,
           guint         row_index,
           const char   *task,
           double        time,
           const GdkRectangle *rect)
{
  const EscGanttRow *row;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) shifts = g_menu_new ();
  g_auto(GStrv) ids = NULL;
  EscRow *allocation = NULL;

  if (self->model == NULL || row_index == G_MAXUINT)
    return;
  row = esc_gantt_model_get_row (self->model, row_index);
  if (row->kind != ESC_GANTT_ROW_EMPLOYEE)
    return;

  g_free (self->menu_task);
  g_free (self->menu_resource);
  self->menu_task = g_strdup (task);
  self->menu_resource = g_strdup (row->id);
  self->menu_day = (int) floor (time / ESC_MINUTES_PER_DAY);
  if (task != NULL)
    {
      EscJulian julian;

      allocation = find_allocation (self, task);
      if (allocation == NULL || !is_work_row (allocation))
        return;
      if (esc_parse_date (esc_row_get (allocation, ESC_ALLOCATION_DATE), &julian, NULL))
        self->menu_day = (int) ((gint64) julian - (gint64) esc_gantt_model_get_origin (self->model));
    }

  ids = esc_gantt_view_list_shifts (self, self->menu_resource, self->menu_day);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (allocation != NULL)
        {
          if (g_strcmp0 (esc_row_get (allocation, ESC_ALLOCATION_SHIFT), ids[i]) == 0)
            continue;
          /* Translators: a menu item that switches a bar to another shift */
          label = g_strdup_printf (_("Switch to “%s”"), ids[i]);
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target (item, "gantt.set-shift", "s", ids[i]);
        }
      else
        {
          /* Translators: a menu item that adds a shift on an empty day */
          label = g_strdup_printf (_("Add “%s”"), ids[i]);
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target (item, "gantt.add", "s", ids[i]);
        }
      g_menu_append_item (shifts, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (shifts)) == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (allocation != NULL ? _("No other shift allowed this day")
                                                                      : _("No shift allowed this day"),
                                                   "gantt.none");

      g_menu_append_item (shifts, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (shifts));
  if (allocation != NULL)
    {
      g_autoptr(GMenu) edit = g_menu_new ();
      gboolean pinned = g_strcmp0 (esc_row_get (allocation, ESC_ALLOCATION_PINNED), "yes") == 0;

      g_menu_append (edit, pinned ? _("Unpin") : _("Pin"), "gantt.toggle-pin");
      g_menu_append (edit, _("Delete"), "gantt.delete");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
    }

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->popover), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
open_menu_for_selected (EscGanttView *self)
{
  EscGanttViewport vp;
  EscGanttRect r;
  guint row, bar;
  GdkRectangle rect;

  if (self->model == NULL || self->selected == NULL ||
      !esc_gantt_model_find_task (self->model, self->selected, &row, &bar))
    return;
  fill_viewport (self, &vp);
  esc_gantt_viewport_get_bar_rect (&vp, self->model, row, bar, &r);
  rect.x = (int) MAX (r.x, vp.name_width);
  rect.y = (int) r.y;
  rect.width = (int) MAX (MIN (r.width, vp.width - rect.x), 1);
  rect.height = (int) r.height;
  open_menu (self, row, self->selected,
             esc_gantt_model_get_row (self->model, row)->bars[bar].start, &rect);
}

static void
set_shift_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  EscGanttView *self = ESC_GANTT_VIEW (widget);

  if (self->menu_task != NULL)
    esc_gantt_view_set_bar_shift (self, self->menu_task, g_variant_get_string (parameter, NULL));
}

static void
add_action (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  EscGanttView *self = ESC_GANTT_VIEW (widget);

  if (self->menu_resource != NULL)
    esc_gantt_view_add_bar (self, self->menu_resource, self->menu_day,
                            g_variant_get_string (parameter, NULL));
}

static void
toggle_pin_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  EscGanttView *self = ESC_GANTT_VIEW (widget);
  EscRow *row = find_allocation (self, self->menu_task);

  if (row != NULL)
    esc_gantt_view_set_bar_pinned (self, self->menu_task,
                                   g_strcmp0 (esc_row_get (row, ESC_ALLOCATION_PINNED), "yes") != 0);
}

static void
delete_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  EscGanttView *self = ESC_GANTT_VIEW (widget);

  if (self->menu_task != NULL)
    esc_gantt_view_delete_bar (self, self->menu_task);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  const char *name = g_variant_get_string (parameter, NULL);
  EscGanttZoom zoom = ESC_GANTT_ZOOM_WEEK;

  if (g_str_equal (name, "day"))
    zoom = ESC_GANTT_ZOOM_DAY;
  else if (g_str_equal (name, "month"))
    zoom = ESC_GANTT_ZOOM_MONTH;
  esc_gantt_view_set_zoom (ESC_GANTT_VIEW (widget), zoom);
}

/* Drawing. */

static gboolean
viewport_equal (const EscGanttViewport *a,
                const EscGanttViewport *b)
{
  return a->t0 == b->t0 && a->t1 == b->t1 && a->y_offset == b->y_offset &&
         a->width == b->width && a->height == b->height && a->scale == b->scale &&
         a->style == b->style && a->color_by == b->color_by;
}

static GdkTexture *
draw_texture (EscGanttView           *self,
              const EscGanttViewport *vp)
{
  int scale = (int) vp->scale;
  int width = (int) ceil (vp->width * scale);
  int height = (int) ceil (vp->height * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  esc_gantt_renderer_draw (self->renderer, cr, self->model, vp);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  /* GDK_MEMORY_DEFAULT is cairo's ARGB32 in native byte order, premultiplied. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

static void
draw_overlay (EscGanttView           *self,
              cairo_t                *cr,
              const EscGanttViewport *vp)
{
  guint row, bar;

  cairo_save (cr);
  cairo_rectangle (cr, vp->name_width, vp->axis_height,
                   vp->width - vp->name_width, vp->height - vp->axis_height);
  cairo_clip (cr);
  if (self->hover != NULL && g_strcmp0 (self->hover, self->selected) != 0)
    esc_gantt_renderer_draw_highlight (self->renderer, cr, self->model, vp, self->hover, FALSE);
  if (self->selected != NULL)
    {
      esc_gantt_renderer_draw_highlight (self->renderer, cr, self->model, vp, self->selected, TRUE);
      if (gtk_widget_has_focus (GTK_WIDGET (self)) &&
          esc_gantt_model_find_task (self->model, self->selected, &row, &bar))
        {
          EscGanttRect r;
          GdkRGBA accent;
          static const double dash[] = { 3, 2 };

          esc_gantt_viewport_get_bar_rect (vp, self->model, row, bar, &r);
          gdk_rgba_parse (&accent, self->style == ESC_GANTT_STYLE_DARK ? "#78aeed" : "#1c71d8");
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_set_line_width (cr, 2);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_rectangle (cr, r.x - 3, r.y - 3, r.width + 6, r.height + 6);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }
  if (self->dragging && self->drag_task != NULL &&
      esc_gantt_model_find_task (self->model, self->drag_task, &row, &bar))
    {
      EscGanttRect r;
      double dy;

      esc_gantt_viewport_get_bar_rect (vp, self->model, row, bar, &r);
      dy = esc_gantt_viewport_y_of_row (vp, self->model, self->drag_target_row) -
           esc_gantt_viewport_y_of_row (vp, self->model, row);
      r.x += (esc_gantt_viewport_x_of_time (vp, (double) self->drag_day_delta * ESC_MINUTES_PER_DAY) -
              esc_gantt_viewport_x_of_time (vp, 0));
      r.y += dy;
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.35);
      cairo_rectangle (cr, r.x, r.y, r.width, r.height);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
esc_gantt_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  EscGanttView *self = ESC_GANTT_VIEW (widget);
  EscGanttViewport vp;
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->model == NULL || width <= 0 || height <= 0)
    return;
  if (self->ppm <= 0)
    configure_adjustments (self);
  fill_viewport (self, &vp);
  if (self->texture == NULL || self->texture_dirty || !viewport_equal (&vp, &self->texture_viewport))
    {
      g_clear_object (&self->texture);
      self->texture = draw_texture (self, &vp);
      self->texture_viewport = vp;
      self->texture_dirty = FALSE;
    }
  gtk_snapshot_append_texture (snapshot, self->texture, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->hover == NULL && self->selected == NULL && !self->dragging)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_overlay (self, cr, &vp);
  cairo_destroy (cr);
}

static void
esc_gantt_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 960 : 480;
}

static void
esc_gantt_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  EscGanttView *self = ESC_GANTT_VIEW (widget);

  configure_adjustments (self);
  if (self->pending_zoom >= 0)
    esc_gantt_view_set_zoom (self, self->pending_zoom);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

/* Input. */

static gboolean
hit_test (EscGanttView *self,
          double        x,
          double        y,
          EscGanttHit  *hit)
{
  EscGanttViewport vp;

  if (self->model == NULL)
    return FALSE;
  fill_viewport (self, &vp);
  esc_gantt_viewport_hit_test (&vp, self->model, x, y, hit);
  return TRUE;
}

static const EscGanttBar *
hit_bar (EscGanttView      *self,
         const EscGanttHit *hit)
{
  if (hit->kind != ESC_GANTT_HIT_BAR)
    return NULL;
  return &esc_gantt_model_get_row (self->model, hit->row)->bars[hit->bar];
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           EscGanttView             *self)
{
  EscGanttHit hit;
  const char *task = NULL;

  self->pointer_x = x;
  self->pointer_y = y;
  if (hit_test (self, x, y, &hit) && hit.kind == ESC_GANTT_HIT_BAR)
    task = hit.task;
  if (g_strcmp0 (task, self->hover) != 0)
    {
      g_free (self->hover);
      self->hover = g_strdup (task);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *controller,
          EscGanttView             *self)
{
  if (self->hover != NULL)
    {
      g_clear_pointer (&self->hover, g_free);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           EscGanttView             *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0)
    return FALSE;
  esc_gantt_view_zoom_at (self, exp (-dy * 0.15), self->pointer_x);
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               EscGanttView     *self)
{
  self->zoom_ppm0 = self->ppm;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       EscGanttView   *self)
{
  double x, y;

  if (self->zoom_ppm0 <= 0 || self->ppm <= 0)
    return;
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = self->pointer_x;
  esc_gantt_view_zoom_at (self, self->zoom_ppm0 * scale / self->ppm, x);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               EscGanttView   *self)
{
  EscGanttHit hit;
  const EscGanttBar *bar;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_clear_pointer (&self->drag_task, g_free);
  self->dragging = FALSE;
  self->panning = FALSE;
  self->drag_x0 = x;
  self->drag_y0 = y;
  self->drag_day_delta = 0;
  if (!hit_test (self, x, y, &hit))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  if ((bar = hit_bar (self, &hit)) != NULL)
    {
      self->drag_task = g_strdup (hit.task);
      self->drag_row = hit.row;
      self->drag_target_row = hit.row;
      self->drag_time = (gint32) hit.time;
      set_selected (self, hit.task);
    }
  else if (hit.kind == ESC_GANTT_HIT_ROW || hit.kind == ESC_GANTT_HIT_GROUP ||
           hit.kind == ESC_GANTT_HIT_NAME || hit.kind == ESC_GANTT_HIT_AXIS ||
           hit.kind == ESC_GANTT_HIT_NONE)
    {
      self->panning = TRUE;
      self->pan_h0 = gtk_adjustment_get_value (self->hadjustment);
      self->pan_v0 = gtk_adjustment_get_value (self->vadjustment);
      set_selected (self, NULL);
    }
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                EscGanttView   *self)
{
  if (self->panning)
    {
      gtk_adjustment_set_value (self->hadjustment, self->pan_h0 - dx);
      gtk_adjustment_set_value (self->vadjustment, self->pan_v0 - dy);
      return;
    }
  if (self->drag_task == NULL)
    return;
  if (!self->dragging && hypot (dx, dy) < DRAG_THRESHOLD)
    return;
  if (!self->dragging)
    {
      const EscGanttBar *bar;
      guint row, index;

      /* Only work bars move. */
      if (!esc_gantt_model_find_task (self->model, self->drag_task, &row, &index) ||
          (bar = &esc_gantt_model_get_row (self->model, row)->bars[index])->type != ESC_GANTT_BAR_WORK)
        {
          g_clear_pointer (&self->drag_task, g_free);
          return;
        }
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
  {
    EscGanttViewport vp;
    double t;
    guint target;

    fill_viewport (self, &vp);
    t = esc_gantt_viewport_time_of_x (&vp, self->drag_x0 + dx);
    self->drag_day_delta = (int) (floor (t / ESC_MINUTES_PER_DAY) -
                                  floor ((double) self->drag_time / ESC_MINUTES_PER_DAY));
    target = esc_gantt_viewport_row_at_y (&vp, self->model, self->drag_y0 + dy);
    if (target != G_MAXUINT &&
        esc_gantt_model_get_row (self->model, target)->kind == ESC_GANTT_ROW_EMPLOYEE)
      self->drag_target_row = target;
    gtk_widget_queue_draw (GTK_WIDGET (self));
  }
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             EscGanttView   *self)
{
  if (self->dragging && self->drag_task != NULL && self->model != NULL)
    {
      guint row, index;

      if (esc_gantt_model_find_task (self->model, self->drag_task, &row, &index) &&
          (self->drag_day_delta != 0 || self->drag_target_row != row))
        {
          const EscGanttBar *bar = &esc_gantt_model_get_row (self->model, row)->bars[index];
          EscRow *allocation = find_allocation (self, self->drag_task);
          EscJulian julian;
          int day = (int) floor ((double) bar->start / ESC_MINUTES_PER_DAY);
          g_autofree char *task = g_strdup (self->drag_task);
          g_autofree char *resource =
            g_strdup (esc_gantt_model_get_row (self->model, self->drag_target_row)->id);

          if (allocation != NULL &&
              esc_parse_date (esc_row_get (allocation, ESC_ALLOCATION_DATE), &julian, NULL))
            day = (int) ((gint64) julian - (gint64) esc_gantt_model_get_origin (self->model));
          esc_gantt_view_move_bar (self, task, day + self->drag_day_delta, resource);
        }
    }
  self->dragging = FALSE;
  self->panning = FALSE;
  g_clear_pointer (&self->drag_task, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      EscGanttView    *self)
{
  EscGanttHit hit;
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!hit_test (self, x, y, &hit))
    return;
  if (hit.kind == ESC_GANTT_HIT_BAR)
    {
      set_selected (self, hit.task);
      open_menu (self, hit.row, hit.task, hit.time, &rect);
    }
  else if (hit.kind == ESC_GANTT_HIT_ROW)
    {
      set_selected (self, NULL);
      open_menu (self, hit.row, NULL, hit.time, &rect);
    }
}

/* Keyboard: the next bar in a direction. */
static gboolean
select_neighbour (EscGanttView *self,
                  int           drow,
                  int           dbar)
{
  guint row, bar;
  guint n_rows;
  double time;

  if (self->model == NULL || (n_rows = esc_gantt_model_get_n_rows (self->model)) == 0)
    return FALSE;
  if (self->selected == NULL ||
      !esc_gantt_model_find_task (self->model, self->selected, &row, &bar))
    {
      EscGanttViewport vp;

      fill_viewport (self, &vp);
      row = esc_gantt_viewport_row_at_y (&vp, self->model, vp.axis_height + vp.row_height);
      for (row = row == G_MAXUINT ? 0 : row; row < n_rows; row++)
        {
          const EscGanttRow *r = esc_gantt_model_get_row (self->model, row);
          guint first, last;

          if (r->n_bars > 0 && esc_gantt_model_find_bars (self->model, row, vp.t0, vp.t1, &first, &last) > 0)
            {
              bar = first;
              while (bar + 1 < last && r->bars[bar].end <= vp.t0)
                bar++;
              esc_gantt_view_select_task (self, r->bars[bar].task);
              return TRUE;
            }
        }
      return FALSE;
    }

  if (dbar != 0)
    {
      const EscGanttRow *r = esc_gantt_model_get_row (self->model, row);
      gint64 next = (gint64) bar + dbar;

      if (next < 0 || next >= r->n_bars)
        return TRUE;
      esc_gantt_view_select_task (self, r->bars[next].task);
      return TRUE;
    }

  time = esc_gantt_model_get_row (self->model, row)->bars[bar].start;
  for (gint64 next = (gint64) row + drow; next >= 0 && next < n_rows; next += drow)
    {
      const EscGanttRow *r = esc_gantt_model_get_row (self->model, (guint) next);
      guint best = 0;
      double best_distance = G_MAXDOUBLE;

      if (r->n_bars == 0)
        continue;
      for (guint i = 0; i < r->n_bars; i++)
        {
          double distance = fabs (r->bars[i].start - time);

          if (distance < best_distance)
            {
              best_distance = distance;
              best = i;
            }
        }
      esc_gantt_view_select_task (self, r->bars[best].task);
      return TRUE;
    }
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                EscGanttView          *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return select_neighbour (self, 0, -1);
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return select_neighbour (self, 0, 1);
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return select_neighbour (self, -1, 0);
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return select_neighbour (self, 1, 0);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_Menu:
    case GDK_KEY_space:
      open_menu_for_selected (self);
      return self->selected != NULL;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if (self->selected == NULL)
        return FALSE;
      esc_gantt_view_delete_bar (self, self->selected);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->selected == NULL)
        return FALSE;
      set_selected (self, NULL);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
esc_gantt_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  EscGanttView *self = ESC_GANTT_VIEW (widget);
  EscGanttViewport vp;
  EscGanttHit hit;
  EscGanttRect r;
  guint row, bar;
  g_autofree char *description = NULL;
  g_autoptr(GString) text = NULL;
  const char *task;

  if (self->model == NULL)
    return FALSE;
  fill_viewport (self, &vp);
  if (keyboard)
    {
      if (self->selected == NULL || !esc_gantt_model_find_task (self->model, self->selected, &row, &bar))
        return FALSE;
    }
  else
    {
      if (esc_gantt_viewport_hit_test (&vp, self->model, x, y, &hit) != ESC_GANTT_HIT_BAR)
        return FALSE;
      row = hit.row;
      bar = hit.bar;
    }
  task = esc_gantt_model_get_row (self->model, row)->bars[bar].task;
  description = esc_gantt_model_describe_bar (self->model, row, bar);
  text = g_string_new (description);
  for (guint i = 0; i < self->issues->len; i++)
    {
      Issue *issue = g_ptr_array_index (self->issues, i);

      if (g_strcmp0 (issue->task, task) == 0)
        g_string_append_printf (text, "\n• %s: %s", issue->title, issue->message);
    }
  gtk_tooltip_set_text (tooltip, text->str);
  esc_gantt_viewport_get_bar_rect (&vp, self->model, row, bar, &r);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) r.x, (int) r.y,
                                                       (int) MAX (r.width, 1), (int) MAX (r.height, 1) });
  return TRUE;
}

static void
focus_changed_cb (EscGanttView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dark_changed_cb (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 EscGanttView    *self)
{
  self->style = adw_style_manager_get_dark (manager) ? ESC_GANTT_STYLE_DARK : ESC_GANTT_STYLE_LIGHT;
  invalidate (self);
}

/* GtkScrollable. */

static void
adjustment_value_changed_cb (GtkAdjustment *adjustment,
                             EscGanttView  *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (EscGanttView   *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (adjustment_value_changed_cb), self);
  configure_adjustments (self);
}

static void
esc_gantt_view_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
esc_gantt_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EscGanttView *self = ESC_GANTT_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_gantt_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EscGanttView *self = ESC_GANTT_VIEW (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_gantt_view_dispose (GObject *object)
{
  EscGanttView *self = ESC_GANTT_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->check_id, g_source_remove);
  disconnect_project (self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->model, esc_gantt_model_unref);

  G_OBJECT_CLASS (esc_gantt_view_parent_class)->dispose (object);
}

static void
esc_gantt_view_finalize (GObject *object)
{
  EscGanttView *self = ESC_GANTT_VIEW (object);

  g_clear_pointer (&self->renderer, esc_gantt_renderer_free);
  g_ptr_array_unref (self->watched_tables);
  g_hash_table_unref (self->violation_tasks);
  g_ptr_array_unref (self->issues);
  g_free (self->selected);
  g_free (self->hover);
  g_free (self->drag_task);
  g_free (self->menu_task);
  g_free (self->menu_resource);

  G_OBJECT_CLASS (esc_gantt_view_parent_class)->finalize (object);
}

static void
esc_gantt_view_class_init (EscGanttViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = esc_gantt_view_get_property;
  object_class->set_property = esc_gantt_view_set_property;
  object_class->dispose = esc_gantt_view_dispose;
  object_class->finalize = esc_gantt_view_finalize;

  widget_class->snapshot = esc_gantt_view_snapshot;
  widget_class->measure = esc_gantt_view_measure;
  widget_class->size_allocate = esc_gantt_view_size_allocate;
  widget_class->query_tooltip = esc_gantt_view_query_tooltip;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* The checker ran: the issues and the marked bars changed. */
  signals[ISSUES_CHANGED] = g_signal_new ("issues-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  /* The model was rebuilt. */
  signals[MODEL_CHANGED] = g_signal_new ("model-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "gantt.set-shift", "s", set_shift_action);
  gtk_widget_class_install_action (widget_class, "gantt.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "gantt.toggle-pin", NULL, toggle_pin_action);
  gtk_widget_class_install_action (widget_class, "gantt.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "gantt.zoom", "s", zoom_action);

  gtk_widget_class_set_css_name (widget_class, "gantt-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
esc_gantt_view_init (EscGanttView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->renderer = esc_gantt_renderer_new ();
  self->watched_tables = g_ptr_array_new ();
  self->violation_tasks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  self->pending_zoom = ESC_GANTT_ZOOM_WEEK;
  self->texture_dirty = TRUE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Schedule chart: one row per employee, shifts as bars"), -1);
  update_accessible_description (self);
  self->drag_target_row = G_MAXUINT;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->popover = gtk_popover_menu_new_from_model (NULL);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (dark_changed_cb), self, 0);
  dark_changed_cb (manager, NULL, self);
}

GtkWidget *
esc_gantt_view_new (void)
{
  return g_object_new (ESC_TYPE_GANTT_VIEW, NULL);
}
