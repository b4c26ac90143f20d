/* esc-gantt-model.h: the Gantt chart's layout model, built once from a project.
 *
 * The model is everything the renderer needs, precomputed off the draw path from the
 * project's tables (never from the solver): the allocation table is the schedule, the
 * employee, store, role, shift, location, holiday and demand tables give names, colours,
 * leave, holidays and demand. So it draws any saved schedule, solved or hand-edited.
 *
 * Time: minutes from the model's origin, 00:00 of its first day (a GLib Julian day:
 * esc_gantt_model_get_origin()). The range is whole days: from the first to the last day
 * that holds an allocation, widened to the planning horizon (parameters start_date and
 * max_horizon) when those parse; with neither, the week of today.
 *
 * Rows, top to bottom, in units of one row height (a row's y is its unit times the row
 * height in pixels, so hit testing needs no pixels here):
 *   per store (Store table order, unknown stores after) and role (Role table order):
 *     a group header (1 unit)                  always
 *     the coverage strip (2 units)             when the group has demand rows
 *     the shortage lane (1 unit)               when the group has demand or extra rows
 *     one row per employee (1 unit)            in Employee table order
 * A collapsed group (its key in EscGanttModelOptions.collapsed) shows its header only.
 * Employees that only appear in the allocation table get a row too, in the group of the
 * allocation's store and role.
 *
 * Bars: per row sorted by start. Work bars take their times from the allocation's start
 * and finish; a row whose start and finish are dates alone (a shift without clock times)
 * takes the Shift table's times when it has them, else covers the whole day
 * (ESC_GANTT_BAR_NO_TIMES). Compensation days are bars of their own type in the same
 * array (so hit testing finds them); extra rows are the bars of the shortage lane.
 *
 * Coverage: per group, demand and scheduled headcount as one merged step function.
 * Demand follows the solver: on each day, the demand rows for that date or weekday; a
 * row with a window counts over it, a row with a shift over the shift's clock times
 * (rows for shifts without times are left out of the strip); where windows overlap the
 * larger quantity wins. Scheduled is the number of the group's work bars with clock
 * times running at each instant (breaks are not placed, so they are not subtracted).
 *
 * Holidays: per store, the full-day holidays that apply to the store's location
 * (esc_calendar_holiday_applies()), as the solver reads them.
 *
 * The model is immutable once built and may be built in a worker thread (it copies what
 * it needs and keeps no reference to the project); it is reference counted, atomically.
 * The one exception is esc_gantt_model_set_violations(), which rewrites the bars'
 * violation flags in place: call it on the thread that draws, between draws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/esc-project.h"
#include "core/esc-versions.h"

G_BEGIN_DECLS

typedef struct _EscGanttModel EscGanttModel;

typedef enum
{
  ESC_GANTT_ROW_GROUP,     /* header of a store/role group */
  ESC_GANTT_ROW_COVERAGE,  /* demand against scheduled headcount of a group */
  ESC_GANTT_ROW_SHORTAGE,  /* the group's extra windows: staff missing */
  ESC_GANTT_ROW_EMPLOYEE,
} EscGanttRowKind;

typedef enum
{
  ESC_GANTT_BAR_WORK,          /* type "allocation" */
  ESC_GANTT_BAR_COMPENSATION,  /* a compensation day off */
  ESC_GANTT_BAR_EXTRA,         /* a window where staff were missing */
} EscGanttBarType;

typedef enum
{
  ESC_GANTT_BAR_PINNED    = 1 << 0,  /* kept when re-optimising */
  ESC_GANTT_BAR_VIOLATION = 1 << 1,  /* breaks a rule (set by the caller) */
  ESC_GANTT_BAR_NO_TIMES  = 1 << 2,  /* a shift without clock times: the whole day */
  ESC_GANTT_BAR_ADDED     = 1 << 3,  /* compare mode: only in version B */
  ESC_GANTT_BAR_REMOVED   = 1 << 4,  /* compare mode: a ghost, only in version A */
  ESC_GANTT_BAR_MOVED     = 1 << 5,  /* compare mode: changed day or time from A */
} EscGanttBarFlags;

typedef struct
{
  gint32 start;             /* minutes from the origin */
  gint32 end;               /* > start */
  guint32 allocation;       /* index of the row in the allocation table */
  gint32 net_minutes;       /* paid minutes, -1 when unknown */
  gint32 missing;           /* extra bars: people missing; else 0 */
  gint16 shift;             /* index for esc_gantt_model_get_shift(), -1 when none */
  guint8 type;              /* EscGanttBarType */
  guint8 flags;             /* EscGanttBarFlags */
  guint32 color;            /* 0xRRGGBB: the shift's colour (work bars) */
  const char *task;         /* the allocation's task id */
  const char *label;        /* "08:00–16:00" (or the shift id without times) */
  const char *short_label;  /* "8–16" */
  const char *long_label;   /* "Morning · 08:00–16:00" */
} EscGanttBar;

/* A leave interval, [start, end) in minutes from the origin, clipped to the range. */
typedef struct
{
  gint32 start;
  gint32 end;
} EscGanttInterval;

typedef struct
{
  gint32 day;               /* day index from the origin */
  const char *name;         /* the holiday's name, "" when none */
} EscGanttHoliday;

/* One step of a group's coverage: holds from @time to the next step's time (the last
 * step to the end of the range). */
typedef struct
{
  gint32 time;
  gint32 demand;
  gint32 scheduled;
} EscGanttCoverageStep;

typedef struct
{
  const char *key;          /* esc_gantt_group_key (store, role) */
  const char *store_id;
  const char *role_id;
  const char *store_title;  /* the store's name, else its id */
  const char *role_title;   /* the role's name, else its id */
  guint store;              /* index for esc_gantt_model_get_store() */
  guint header_row;         /* the group's header row */
  guint n_employees;
  gboolean collapsed;
  gint32 work_minutes;      /* net minutes of the group's work bars */
  gint64 missing_minutes;   /* staff-minutes missing: extra bars, duration x missing */
  gint32 max_headcount;     /* the larger of demand and scheduled over the range, >= 1 */
  const EscGanttCoverageStep *coverage;  /* NULL when the group has no demand */
  guint n_coverage;
} EscGanttGroup;

typedef struct
{
  EscGanttRowKind kind;
  guint group;              /* index for esc_gantt_model_get_group() */
  guint unit;               /* top, in row heights */
  guint n_units;            /* height, in row heights */
  const char *id;           /* employee id, else NULL */
  const char *name;         /* employee name (the id when it has none), else NULL */
  gint32 net_minutes;       /* employees: net minutes of the row's work bars */
  const EscGanttBar *bars;  /* sorted by start */
  guint n_bars;
  gint32 max_bar_minutes;   /* the longest bar, for searching by start */
  const EscGanttInterval *leave;  /* sorted by start */
  guint n_leave;
} EscGanttRow;

typedef struct
{
  const char *id;
  const char *title;        /* name, else id */
  guint32 color;            /* 0xRRGGBB from the palette, by id */
  const EscGanttHoliday *holidays;  /* sorted by day, inside the range */
  guint n_holidays;
} EscGanttStore;

typedef struct
{
  const char *id;
  guint32 color;            /* the Shift table's colour, else from the palette */
  int start;                /* minutes since midnight, -1 without clock times */
  int end;                  /* start < end <= start + 1440, -1 without clock times */
  guint n_bars;             /* work bars of this shift */
} EscGanttShift;

typedef struct
{
  /* Keys (esc_gantt_group_key()) of the groups whose rows are hidden; NULL for none. */
  GHashTable *collapsed;
  /* Task ids of allocations that break a rule; NULL for none. */
  GHashTable *violations;
  gboolean hide_coverage;   /* leave out the coverage strips */
  gboolean hide_shortage;   /* leave out the shortage lanes */
  /* Compare mode (esc-versions.h). Rows shaped like the allocation table drawn instead of
   * it (version B); NULL: the project's allocation table. */
  GPtrArray *allocations;
  /* Rows shaped like the allocation table drawn as ghosts flagged ESC_GANTT_BAR_REMOVED
   * (what only version A has). Ghosts count in no total and no coverage; their
   * allocation index is G_MAXUINT32. NULL for none. */
  GPtrArray *ghosts;
  /* Task id -> GUINT_TO_POINTER (ESC_GANTT_BAR_ADDED or ESC_GANTT_BAR_MOVED). */
  GHashTable *compare_marks;
} EscGanttModelOptions;

/* Compare mode: fills options->allocations (B's rows), ghosts (A's removed work rows) and
 * compare_marks (B's added and moved tasks) from @diff, which must outlive @options'
 * use. Free them with esc_gantt_model_options_clear_compare(). */
void           esc_gantt_model_options_set_compare   (EscGanttModelOptions *options,
                                                      const EscVersionDiff *diff);
void           esc_gantt_model_options_clear_compare (EscGanttModelOptions *options);

/* A day in full, translated: "Wednesday, 4 March 2026". */
char          *esc_gantt_format_long_date (EscJulian julian);

/* The key of a store/role group, for EscGanttModelOptions.collapsed. */
char          *esc_gantt_group_key        (const char *store_id,
                                           const char *role_id);

/* @options may be NULL. Never fails: cells that do not parse are left out. */
EscGanttModel *esc_gantt_model_new        (EscProject                 *project,
                                           const EscGanttModelOptions *options);
EscGanttModel *esc_gantt_model_ref        (EscGanttModel *self);
void           esc_gantt_model_unref      (EscGanttModel *self);

/* Julian day of minute 0. */
EscJulian      esc_gantt_model_get_origin (EscGanttModel *self);
/* The range, whole days: [*start, *end) in minutes (start is 0). */
void           esc_gantt_model_get_range  (EscGanttModel *self,
                                           gint32        *start,
                                           gint32        *end);
guint          esc_gantt_model_get_n_days (EscGanttModel *self);
/* Minutes from the origin of an absolute instant (julian * 1440 + minutes). */
gint32         esc_gantt_model_time_of_instant (EscGanttModel *self,
                                                EscInstant     instant);
EscWeekday     esc_gantt_model_get_first_day_of_week (EscGanttModel *self);

guint          esc_gantt_model_get_n_rows   (EscGanttModel *self);
const EscGanttRow *esc_gantt_model_get_row  (EscGanttModel *self,
                                             guint          index);
/* Total height in row heights. */
guint          esc_gantt_model_get_n_units  (EscGanttModel *self);
guint          esc_gantt_model_get_n_groups (EscGanttModel *self);
const EscGanttGroup *esc_gantt_model_get_group (EscGanttModel *self,
                                                guint          index);
guint          esc_gantt_model_get_n_stores (EscGanttModel *self);
const EscGanttStore *esc_gantt_model_get_store (EscGanttModel *self,
                                                guint          index);
/* Shifts in Shift table order, then shifts only the allocation table names. */
guint          esc_gantt_model_get_n_shifts (EscGanttModel *self);
const EscGanttShift *esc_gantt_model_get_shift (EscGanttModel *self,
                                                guint          index);
guint          esc_gantt_model_get_n_employees (EscGanttModel *self);
/* Work, compensation and extra bars in all. */
guint          esc_gantt_model_get_n_bars   (EscGanttModel *self);
/* The store of a row (through its group). */
const EscGanttStore *esc_gantt_model_get_row_store (EscGanttModel *self,
                                                    guint          row);

/* The row at @unit (a y divided by the row height), or G_MAXUINT past the ends. */
guint          esc_gantt_model_row_at_unit  (EscGanttModel *self,
                                             double         unit);
/* The row of an employee id, or G_MAXUINT (also when its group is collapsed). */
guint          esc_gantt_model_find_employee_row (EscGanttModel *self,
                                                  const char    *employee_id);
/* Finds the row and bar of a task id; FALSE when it is not shown. */
gboolean       esc_gantt_model_find_task    (EscGanttModel *self,
                                             const char    *task,
                                             guint         *row,
                                             guint         *bar);

/* The bars of @row that may overlap [t0, t1): indices [*first, *last) found by binary
 * search on start (bars are sorted by start). Every bar that overlaps is in the range;
 * bars in it that end at or before @t0 (only when bars overlap one another) are the
 * caller's to skip. Returns *last - *first. */
guint          esc_gantt_model_find_bars    (EscGanttModel *self,
                                             guint          row,
                                             double         t0,
                                             double         t1,
                                             guint         *first,
                                             guint         *last);
/* The bar of @row under time @t, within @tolerance minutes of its ends; the nearest
 * when several are. Returns the bar index or G_MAXUINT. */
guint          esc_gantt_model_bar_at_time  (EscGanttModel *self,
                                             guint          row,
                                             double         t,
                                             double         tolerance);
/* Hit testing in model units: @t in minutes, @unit a y divided by the row height.
 * Returns the task id of the bar there (borrowed) and its row and index, or NULL. */
const char    *esc_gantt_model_bar_at       (EscGanttModel *self,
                                             double         t,
                                             double         unit,
                                             double         tolerance,
                                             guint         *row,
                                             guint         *bar);

/* The group's coverage steps that overlap [t0, t1): [*first, *last). */
guint          esc_gantt_model_find_coverage (EscGanttModel *self,
                                              guint          group,
                                              double         t0,
                                              double         t1,
                                              guint         *first,
                                              guint         *last);

/* Whether day @day (index from the origin) is a holiday of @store; @name may be NULL. */
gboolean       esc_gantt_model_is_holiday   (EscGanttModel *self,
                                             guint          store,
                                             gint32         day,
                                             const char   **name);

/* A few lines about a bar for a tooltip, translated: who (or which store and role),
 * what ("Morning · 08:00–16:00", "Compensation day off", "1 missing · 10:00–14:00"),
 * the day, the net hours, and "Pinned" / "Breaks a rule" when flagged. Free with
 * g_free(). The caller adds the checker's notes. */
char          *esc_gantt_model_describe_bar (EscGanttModel *self,
                                             guint          row,
                                             guint          bar);

/* Rewrites every bar's ESC_GANTT_BAR_VIOLATION flag: set for the task ids in
 * @violations (NULL: none). The one mutation of a built model: call it where the model
 * is drawn, between draws. */
void           esc_gantt_model_set_violations (EscGanttModel *self,
                                               GHashTable    *violations);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscGanttModel, esc_gantt_model_unref)

G_END_DECLS
