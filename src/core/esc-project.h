/* esc-project.h: the project document: every table, the parameters, undo/redo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-parse.h"
#include "esc-undo-stack.h"

G_BEGIN_DECLS

#define ESC_TYPE_PROJECT (esc_project_get_type ())
G_DECLARE_FINAL_TYPE (EscProject, esc_project, ESC, PROJECT, GObject)

EscProject   *esc_project_new            (void);
EscTable     *esc_project_get_table      (EscProject *self, EscTableId id);
EscUndoStack *esc_project_get_undo_stack (EscProject *self);

/* Applies @command through the undo stack (which keeps its own reference). */
void          esc_project_execute        (EscProject *self, EscCommand *command);
/* The same, taking the caller's reference: esc_project_execute_take (p, esc_..._new (…)). */
void          esc_project_execute_take   (EscProject *self, EscCommand *command);
gboolean      esc_project_undo           (EscProject *self);
gboolean      esc_project_redo           (EscProject *self);

/* ::changed is emitted after every command executed, undone or redone. */

/* Grows with every change made through commands (execute, undo, redo), so a result
 * computed from a snapshot can tell whether the project moved on since. */
guint64       esc_project_get_generation (EscProject *self);

/* TRUE when the project differs from what was last loaded or saved. */
gboolean      esc_project_get_modified   (EscProject *self);
/* Marks the current state as saved (clean). */
void          esc_project_mark_saved     (EscProject *self);

/* The file the project was loaded from or saved to, or NULL. */
const char   *esc_project_get_path       (EscProject *self);
void          esc_project_set_path       (EscProject *self, const char *path);

/* Parameters: the value of the row with this key when it is not blank, else the
 * parameter's default (esc_schema_find_parameter), else NULL. */
const char   *esc_project_get_parameter  (EscProject *self, const char *key);
/* The row holding @key, or NULL. */
EscRow       *esc_project_find_parameter_row (EscProject *self, const char *key);
/* Sets a parameter directly, without undo (loaders). NULL removes the row. */
void          esc_project_set_parameter  (EscProject *self, const char *key, const char *value);

/* Typed parameters; FALSE (and a message naming the parameter) when missing or bad. */
gboolean      esc_project_get_start_date (EscProject *self, EscJulian *start, GError **error);
gboolean      esc_project_get_horizon    (EscProject *self, int *days, GError **error);
EscWeekday    esc_project_get_first_day_of_week (EscProject *self);

/* The dates (EscJulian, sorted, unique) of the holidays that apply to store @store_id by
 * region (national / state / municipal, esc_calendar_holiday_applies with the store's
 * location); with @full_day_only, partial-day holidays (full_day "no") are left out.
 * Rows whose date does not parse are skipped (validation reports them). */
GArray       *esc_project_get_store_holidays (EscProject *self, const char *store_id,
                                              gboolean full_day_only);

/* Every table equal, row by row and cell by cell. */
gboolean      esc_project_equal          (EscProject *a, EscProject *b);
/* A deep copy of the tables (not the undo history nor the path). */
EscProject   *esc_project_copy           (EscProject *self);

G_END_DECLS
