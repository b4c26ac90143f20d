/* esc-command.h: an undoable change to a project.
 *
 * Every change users make (grid edits, pastes, imports, Gantt edits, accepted moves) is
 * a command: apply() makes it, revert() takes it back exactly. Commands refer to rows
 * by object, not by position, so they stay right when other rows move.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-table.h"

G_BEGIN_DECLS

#define ESC_TYPE_COMMAND (esc_command_get_type ())
G_DECLARE_FINAL_TYPE (EscCommand, esc_command, ESC, COMMAND, GObject)

typedef enum
{
  ESC_COMMAND_SET_CELL,
  ESC_COMMAND_INSERT_ROWS,
  ESC_COMMAND_REMOVE_ROWS,
  ESC_COMMAND_GROUP,
} EscCommandKind;

/* Sets one cell of @row (which must be in @table when applied). */
EscCommand     *esc_command_new_set_cell    (EscTable *table, EscRow *row, guint column,
                                             const char *value);
/* Inserts @rows (EscRow) at @position, in order. */
EscCommand     *esc_command_new_insert_rows (EscTable *table, guint position, GPtrArray *rows);
/* Removes @rows (EscRow, each in @table); revert puts each back where it was. */
EscCommand     *esc_command_new_remove_rows (EscTable *table, GPtrArray *rows);
/* Replaces every row of @table by @rows (an import of that table, an adopted solve): a
 * group that removes the rows and inserts the new ones, with one items-changed over the
 * whole table each way. A row of @rows equal to one the table holds (values and extra
 * columns) is put in as that row, so that what shows it stays. */
EscCommand     *esc_command_new_replace_rows (EscTable *table, GPtrArray *rows);
/* Applies @children in order, reverts them in reverse order. */
EscCommand     *esc_command_new_group       (const char *label, GPtrArray *children);

EscCommandKind  esc_command_get_kind        (EscCommand *self);
/* A translated sentence for the undo menu and the audit log:
 * "Edit Employees row 3, Weekly hours: “44” → “40”". */
const char     *esc_command_get_label       (EscCommand *self);
void            esc_command_set_label       (EscCommand *self, const char *label);
EscTable       *esc_command_get_table       (EscCommand *self);  /* NULL for groups */
gboolean        esc_command_get_applied     (EscCommand *self);

void            esc_command_apply           (EscCommand *self);
void            esc_command_revert          (EscCommand *self);

G_END_DECLS
