/* esc-versions.h: schedules kept as named versions, and comparing two of them.
 *
 * A version is one row of ESC_TABLE_VERSION (id, name, kind, time, status and figures)
 * and a copy of the allocation table at that moment in ESC_TABLE_VERSION_ALLOCATION.
 * Every adopted solve keeps one (esc_schedule_output_store() adds the snapshot to its
 * group, so one undo removes both); "Save as version" keeps the current schedule.
 *
 * Comparing A with B, work allocations of employees only, keyed by employee and date:
 *   removed  only A has a shift for this employee on this date;
 *   added    only B has one;
 *   moved    both have one but the shift or its times differ (a change of time), or,
 *            after that, a removed and an added shift of the same employee with the same
 *            shift id are paired, nearest dates first (a change of day).
 * Compensation days and extra windows are not bars of the comparison; the figures
 * (hours, shifts, unmet staff-minutes) are the versions' own, side by side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-command.h"
#include "esc-project.h"

G_BEGIN_DECLS

typedef enum
{
  ESC_VERSION_CHANGE_ADDED,
  ESC_VERSION_CHANGE_REMOVED,
  ESC_VERSION_CHANGE_MOVED,
} EscVersionChangeKind;

typedef struct
{
  EscVersionChangeKind kind;
  char *employee;
  char *task_a;             /* the allocation's task in A, NULL when added */
  char *task_b;             /* the allocation's task in B, NULL when removed */
  char *date_a;
  char *date_b;
} EscVersionChange;

typedef struct
{
  double hours;             /* net hours of the work allocations */
  guint shifts;             /* number of work allocations */
  double unmet_minutes;     /* unmet staff-minutes as kept, NAN when unknown */
} EscVersionFigures;

typedef struct
{
  char *a;
  char *b;
  GPtrArray *changes;       /* EscVersionChange, in B's row order, then A's */
  guint n_added;
  guint n_removed;
  guint n_moved;
  guint n_unchanged;
  EscVersionFigures figures_a;
  EscVersionFigures figures_b;
  GPtrArray *rows_a;        /* EscRow of ESC_TABLE_ALLOCATION: A's schedule */
  GPtrArray *rows_b;        /* EscRow of ESC_TABLE_ALLOCATION: B's schedule */
} EscVersionDiff;

void            esc_version_diff_free            (EscVersionDiff *diff);

/* A command appending a version of kind ESC_VERSION_KIND_* made of @allocations
 * (EscRow of ESC_TABLE_ALLOCATION; NULL: the project's allocation table as it is now).
 * @status and @unmet_minutes may be NULL: "manual", and the staff-minutes of the extra
 * rows with clock times. The name is "Solve 21 Nov 08:02" or "Saved 21 Nov 08:02". */
EscCommand     *esc_versions_snapshot_rows_command (EscProject *project,
                                                    const char *kind,
                                                    GPtrArray  *allocations,
                                                    const char *status,
                                                    const char *unmet_minutes);
/* The current allocation table as a version of @kind. */
EscCommand     *esc_versions_snapshot_command     (EscProject *project,
                                                   const char *kind);
/* A command making version @id current: the allocation table becomes its rows.
 * NULL when there is no such version. */
EscCommand     *esc_versions_restore_command      (EscProject *project,
                                                   const char *id);
/* The allocation rows of version @id (EscRow of ESC_TABLE_ALLOCATION), or NULL. */
GPtrArray      *esc_versions_get_allocations      (EscProject *project,
                                                   const char *id);
/* The name of version row @version (ESC_TABLE_VERSION) to show: a name the app gave
 * ("Solve 21 Nov 08:02", in whatever language it was kept) is built again from the
 * version's kind and time in the current language ("Optimierung 21. Nov 08:02"); a
 * name someone typed is shown as it is. The stored name is not changed. */
char           *esc_versions_display_name         (EscRow     *version);
/* The next free id: "v1", "v2", … */
char           *esc_versions_next_id              (EscProject *project);
/* NULL when @a or @b is not a version. */
EscVersionDiff *esc_versions_compare              (EscProject *project,
                                                   const char *a,
                                                   const char *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscVersionDiff, esc_version_diff_free)

G_END_DECLS
