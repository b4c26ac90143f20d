/* esc-undo-stack.h: undo and redo of EscCommand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-command.h"

G_BEGIN_DECLS

#define ESC_TYPE_UNDO_STACK (esc_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (EscUndoStack, esc_undo_stack, ESC, UNDO_STACK, GObject)

EscUndoStack *esc_undo_stack_new        (void);
/* Applies @command and puts it on the undo stack; the redo stack is dropped. */
void          esc_undo_stack_execute    (EscUndoStack *self, EscCommand *command);
gboolean      esc_undo_stack_undo       (EscUndoStack *self);
gboolean      esc_undo_stack_redo       (EscUndoStack *self);
gboolean      esc_undo_stack_can_undo   (EscUndoStack *self);
gboolean      esc_undo_stack_can_redo   (EscUndoStack *self);
/* Label of the command undo (redo) would take back (make), or NULL. */
const char   *esc_undo_stack_get_undo_label (EscUndoStack *self);
const char   *esc_undo_stack_get_redo_label (EscUndoStack *self);
void          esc_undo_stack_clear      (EscUndoStack *self);
/* Marks the current state as saved; is_clean is TRUE while undo/redo come back to it. */
void          esc_undo_stack_mark_clean (EscUndoStack *self);
gboolean      esc_undo_stack_is_clean   (EscUndoStack *self);

G_END_DECLS
