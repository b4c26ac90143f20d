/* esc-undo-stack.c: undo and redo of EscCommand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-core"

#include "esc-undo-stack.h"

/* Commands live in one array; [0, position) are applied (undoable), [position, len)
 * were undone (redoable). clean is the position that was saved, or -1 when the saved
 * state can no longer be reached. */
struct _EscUndoStack
{
  GObject parent_instance;

  GPtrArray *commands;
  guint position;
  gint64 clean;
};

G_DEFINE_FINAL_TYPE (EscUndoStack, esc_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_CLEAN,
  N_PROPS
};

enum {
  EXECUTED,
  UNDONE,
  REDONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
notify_state (EscUndoStack *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLEAN]);
}

static void
esc_undo_stack_finalize (GObject *object)
{
  EscUndoStack *self = (EscUndoStack *) object;

  g_clear_pointer (&self->commands, g_ptr_array_unref);

  G_OBJECT_CLASS (esc_undo_stack_parent_class)->finalize (object);
}

static void
esc_undo_stack_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EscUndoStack *self = ESC_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, esc_undo_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, esc_undo_stack_can_redo (self));
      break;
    case PROP_CLEAN:
      g_value_set_boolean (value, esc_undo_stack_is_clean (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_undo_stack_class_init (EscUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = esc_undo_stack_finalize;
  object_class->get_property = esc_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CLEAN] =
    g_param_spec_boolean ("clean", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EscUndoStack::executed / ::undone / ::redone:
   * @command: the command that was applied or reverted
   *
   * For the audit log and the views that follow changes.
   */
  signals[EXECUTED] = g_signal_new ("executed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, ESC_TYPE_COMMAND);
  signals[UNDONE] = g_signal_new ("undone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ESC_TYPE_COMMAND);
  signals[REDONE] = g_signal_new ("redone", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ESC_TYPE_COMMAND);
}

static void
esc_undo_stack_init (EscUndoStack *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

EscUndoStack *
esc_undo_stack_new (void)
{
  return g_object_new (ESC_TYPE_UNDO_STACK, NULL);
}

void
esc_undo_stack_execute (EscUndoStack *self,
                        EscCommand   *command)
{
  g_return_if_fail (ESC_IS_UNDO_STACK (self));
  g_return_if_fail (ESC_IS_COMMAND (command));

  esc_command_apply (command);
  if (self->clean > (gint64) self->position)
    self->clean = -1;
  g_ptr_array_set_size (self->commands, self->position);
  g_ptr_array_add (self->commands, g_object_ref (command));
  self->position++;
  g_signal_emit (self, signals[EXECUTED], 0, command);
  notify_state (self);
}

gboolean
esc_undo_stack_undo (EscUndoStack *self)
{
  EscCommand *command;

  g_return_val_if_fail (ESC_IS_UNDO_STACK (self), FALSE);

  if (self->position == 0)
    return FALSE;
  command = g_ptr_array_index (self->commands, --self->position);
  esc_command_revert (command);
  g_signal_emit (self, signals[UNDONE], 0, command);
  notify_state (self);
  return TRUE;
}

gboolean
esc_undo_stack_redo (EscUndoStack *self)
{
  EscCommand *command;

  g_return_val_if_fail (ESC_IS_UNDO_STACK (self), FALSE);

  if (self->position >= self->commands->len)
    return FALSE;
  command = g_ptr_array_index (self->commands, self->position++);
  esc_command_apply (command);
  g_signal_emit (self, signals[REDONE], 0, command);
  notify_state (self);
  return TRUE;
}

gboolean
esc_undo_stack_can_undo (EscUndoStack *self)
{
  g_return_val_if_fail (ESC_IS_UNDO_STACK (self), FALSE);
  return self->position > 0;
}

gboolean
esc_undo_stack_can_redo (EscUndoStack *self)
{
  g_return_val_if_fail (ESC_IS_UNDO_STACK (self), FALSE);
  return self->position < self->commands->len;
}

const char *
esc_undo_stack_get_undo_label (EscUndoStack *self)
{
  g_return_val_if_fail (ESC_IS_UNDO_STACK (self), NULL);

  if (self->position == 0)
    return NULL;
  return esc_command_get_label (g_ptr_array_index (self->commands, self->position - 1));
}

const char *
esc_undo_stack_get_redo_label (EscUndoStack *self)
{
  g_return_val_if_fail (ESC_IS_UNDO_STACK (self), NULL);

  if (self->position >= self->commands->len)
    return NULL;
  return esc_command_get_label (g_ptr_array_index (self->commands, self->position));
}

void
esc_undo_stack_clear (EscUndoStack *self)
{
  g_return_if_fail (ESC_IS_UNDO_STACK (self));

  g_ptr_array_set_size (self->commands, 0);
  self->clean = self->clean == (gint64) self->position ? 0 : -1;
  self->position = 0;
  notify_state (self);
}

void
esc_undo_stack_mark_clean (EscUndoStack *self)
{
  g_return_if_fail (ESC_IS_UNDO_STACK (self));

  self->clean = self->position;
  notify_state (self);
}

gboolean
esc_undo_stack_is_clean (EscUndoStack *self)
{
  g_return_val_if_fail (ESC_IS_UNDO_STACK (self), TRUE);
  return self->clean == (gint64) self->position;
}
