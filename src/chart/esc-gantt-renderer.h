/* esc-gantt-renderer.h: draws the Gantt chart of an EscGanttModel into any cairo_t.
 *
 * One renderer serves the widget, printing and the PNG, SVG and PDF exports. The caller
 * says what to show with an EscGanttViewport (plain numbers: the time range, the
 * vertical offset, the size, the row height, the style...), and the geometry helpers
 * below answer where things are with the same arithmetic the drawing uses, so that a
 * widget only turns input into viewport changes and hit tests, and tests can compute
 * where a bar must be.
 *
 * Layout of the drawing, in the user units of the cairo_t ("pixels"):
 *
 *   +-------------+---------------------------------------------+  0
 *   | corner      | time axis: upper band (days, weeks, months) |
 *   |             |            lower band (hours, days, weeks)  |
 *   +-------------+---------------------------------------------+  axis_height
 *   | name column | rows: group headers, coverage strips,       |
 *   | (fixed)     | shortage lanes, employees with their bars   |
 *   +-------------+---------------------------------------------+  height
 *   0             name_width                                    width
 *
 * Only what is visible is drawn: rows found by index from the vertical offset (binary
 * search on the rows' units), bars by binary search on their start. Text layouts are
 * kept in the renderer between draws (most labels repeat: "08:00–16:00"), so keep one
 * renderer per place that draws (a widget, an export) rather than one per frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "esc-gantt-model.h"
#include "esc-gantt-style.h"

G_BEGIN_DECLS

typedef struct _EscGanttRenderer EscGanttRenderer;

typedef enum
{
  ESC_GANTT_COLOR_BY_SHIFT,
  ESC_GANTT_COLOR_BY_STORE,
} EscGanttColorBy;

typedef enum
{
  ESC_GANTT_DRAW_LABELS        = 1 << 0,  /* times on bars, where they fit */
  ESC_GANTT_DRAW_AXIS          = 1 << 1,  /* the time axis at the top */
  ESC_GANTT_DRAW_NAMES         = 1 << 2,  /* the name column at the left */
  ESC_GANTT_DRAW_STICKY_HEADER = 1 << 3,  /* keep the current group's header on top */
  ESC_GANTT_DRAW_DEFAULT       = 0xf,
} EscGanttDrawFlags;

typedef struct
{
  double t0;                 /* visible time [t0, t1), minutes from the model's origin */
  double t1;
  double y_offset;           /* scrolled: the rows' y (row unit x row height) at the top */
  guint row_limit;           /* rows from this index on are not drawn; 0: no limit */
  double width;              /* size of the drawing */
  double height;
  double row_height;         /* one unit; coverage strips take two */
  double name_width;         /* the fixed name column (0 without ESC_GANTT_DRAW_NAMES) */
  double axis_height;        /* the time axis (0 without ESC_GANTT_DRAW_AXIS) */
  EscGanttStyle style;
  EscGanttColorBy color_by;
  const PangoFontDescription *font;  /* base font; NULL: esc_gantt_renderer_default_font() */
  double scale;              /* device pixels per unit (2 on HiDPI), to snap lines */
  guint flags;               /* EscGanttDrawFlags */
  const char *selected_task; /* outlined bar, or NULL */
  const char *hover_task;    /* lightened bar, or NULL */
} EscGanttViewport;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} EscGanttRect;

/* Tick spacing of the time axis, chosen from the zoom. */
typedef enum
{
  ESC_GANTT_UNIT_HOUR,
  ESC_GANTT_UNIT_DAY,
  ESC_GANTT_UNIT_WEEK,       /* planning weeks, from the model's first day of the week */
  ESC_GANTT_UNIT_MONTH,
  ESC_GANTT_UNIT_YEAR,
} EscGanttUnit;

typedef enum
{
  ESC_GANTT_TICKS_HOURS,     /* day zoom: days above, hours below */
  ESC_GANTT_TICKS_DAYS,      /* week zoom: weeks above, days below */
  ESC_GANTT_TICKS_WEEKS,     /* month zoom: weeks above the days' numbers, or further out
                              * months above weeks; a day grid */
  ESC_GANTT_TICKS_MONTHS,    /* far out: years above, months below, week grid */
} EscGanttTickLevel;

typedef struct
{
  EscGanttTickLevel level;
  EscGanttUnit major_unit;   /* the upper band's spans */
  EscGanttUnit minor_unit;   /* the lower band's labelled ticks */
  int minor_step;            /* every minor_step units (hours: 1, 2, 3, 4, 6, 12) */
  EscGanttUnit grid_unit;    /* faint grid lines */
  int grid_step;
} EscGanttTicks;

typedef enum
{
  ESC_GANTT_HIT_NONE,
  ESC_GANTT_HIT_CORNER,      /* the corner above the names */
  ESC_GANTT_HIT_AXIS,        /* the time axis: hit->time is set */
  ESC_GANTT_HIT_NAME,        /* a row's name: hit->row */
  ESC_GANTT_HIT_GROUP,       /* a group header (name or chart part): hit->row, ->group */
  ESC_GANTT_HIT_ROW,         /* a row's chart part, no bar: hit->row, ->time */
  ESC_GANTT_HIT_BAR,         /* a bar: hit->row, ->bar, ->task, ->time */
} EscGanttHitKind;

typedef struct
{
  EscGanttHitKind kind;
  guint row;                 /* G_MAXUINT when none */
  guint bar;                 /* G_MAXUINT when none */
  guint group;               /* G_MAXUINT when none */
  double time;               /* minutes from the origin under x (chart part and axis) */
  const char *task;          /* the bar's task id (borrowed from the model) */
} EscGanttHit;

/* Defaults for a drawing of @width x @height: the first seven days of the model (or all
 * of it when shorter), rows of 28, names 240 wide, the axis 52 high, light, by shift,
 * scale 1, every flag. */
void     esc_gantt_viewport_init            (EscGanttViewport *viewport,
                                             EscGanttModel    *model,
                                             double            width,
                                             double            height);
/* The chart part (right of the names, below the axis). */
void     esc_gantt_viewport_get_chart_rect  (const EscGanttViewport *viewport,
                                             EscGanttRect           *rect);
double   esc_gantt_viewport_x_of_time       (const EscGanttViewport *viewport,
                                             double                  time);
double   esc_gantt_viewport_time_of_x       (const EscGanttViewport *viewport,
                                             double                  x);
/* Top of a row in the drawing (it may be above or below the visible part). */
double   esc_gantt_viewport_y_of_row        (const EscGanttViewport *viewport,
                                             EscGanttModel          *model,
                                             guint                   row);
double   esc_gantt_viewport_row_height      (const EscGanttViewport *viewport,
                                             EscGanttModel          *model,
                                             guint                   row);
/* The row under @y in the rows part (ignores the sticky header), or G_MAXUINT. */
guint    esc_gantt_viewport_row_at_y        (const EscGanttViewport *viewport,
                                             EscGanttModel          *model,
                                             double                  y);
/* Height of all rows: the scrollable height of the rows part. */
double   esc_gantt_viewport_content_height  (const EscGanttViewport *viewport,
                                             EscGanttModel          *model);
/* The rectangle a bar is filled in (before clipping to the chart part). */
void     esc_gantt_viewport_get_bar_rect    (const EscGanttViewport *viewport,
                                             EscGanttModel          *model,
                                             guint                   row,
                                             guint                   bar,
                                             EscGanttRect           *rect);
/* In a coverage strip @row, the y of a headcount of @value (0 is the strip's baseline). */
double   esc_gantt_viewport_coverage_y      (const EscGanttViewport *viewport,
                                             EscGanttModel          *model,
                                             guint                   row,
                                             double                  value);
/* What is under (@x, @y), as drawn (the sticky header included). Returns hit->kind. */
EscGanttHitKind esc_gantt_viewport_hit_test (const EscGanttViewport *viewport,
                                             EscGanttModel          *model,
                                             double                  x,
                                             double                  y,
                                             EscGanttHit            *hit);
/* Scrolls so that @row is at the top of the rows part. */
void     esc_gantt_viewport_scroll_to_row   (EscGanttViewport *viewport,
                                             EscGanttModel    *model,
                                             guint             row);
/* Zooms by @factor (> 1 zooms in) keeping the time under @x where it is; the span is
 * kept between one hour and ten years. */
void     esc_gantt_viewport_zoom            (EscGanttViewport *viewport,
                                             double            factor,
                                             double            x);

/* Chooses the ticks for a zoom of @pixels_per_minute. */
void     esc_gantt_choose_ticks             (double         pixels_per_minute,
                                             EscGanttTicks *ticks);

/* The font used when the viewport gives none (owned by the renderer module). */
const PangoFontDescription *esc_gantt_renderer_default_font (void);

EscGanttRenderer *esc_gantt_renderer_new    (void);
void     esc_gantt_renderer_free            (EscGanttRenderer *self);
/* Draws the chart into @cr over (0, 0, width, height) of the viewport, in the current
 * user space of @cr. Leaves @cr's state as it found it. */
void     esc_gantt_renderer_draw            (EscGanttRenderer       *self,
                                             cairo_t                *cr,
                                             EscGanttModel          *model,
                                             const EscGanttViewport *viewport);
/* Draws only the ring that marks the bar of @task as selected (or, with @selected
 * FALSE, hovered) over a chart drawn earlier with the same viewport: a widget can keep
 * the chart as a cached render node and redraw just this on pointer motion. Nothing is
 * drawn when the task has no visible bar. */
void     esc_gantt_renderer_draw_highlight  (EscGanttRenderer       *self,
                                             cairo_t                *cr,
                                             EscGanttModel          *model,
                                             const EscGanttViewport *viewport,
                                             const char             *task,
                                             gboolean                selected);
/* The legend (shift or store colours, then the marks: compensation, leave, holiday,
 * weekend, shortage, broken rule, pinned, coverage) laid out in rows of @width from
 * (@x, @y). Returns its height; with @draw FALSE it only measures. */
double   esc_gantt_renderer_draw_legend     (EscGanttRenderer       *self,
                                             cairo_t                *cr,
                                             EscGanttModel          *model,
                                             const EscGanttViewport *viewport,
                                             double                  x,
                                             double                  y,
                                             double                  width,
                                             gboolean                draw);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscGanttRenderer, esc_gantt_renderer_free)

G_END_DECLS
