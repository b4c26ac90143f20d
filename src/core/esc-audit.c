/* esc-audit.c: the audit log: every change to a project, who made it and when.
 *
 * Which row a set-cell command changed is not exposed by EscCommand; EscRow emits
 * "changed" synchronously while the command applies, so an emission hook remembers the
 * last row changed and the undo stack's signal, which follows, reads its employee.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "esc-audit.h"
#include "esc-command.h"
#include "esc-row.h"
#include "esc-table.h"
#include "esc-undo-stack.h"

struct _EscAudit
{
  GObject parent_instance;

  GWeakRef project;
  EscUndoStack *undo;
  char *user;
  EscRow *last_row;     /* the row last changed (by the emission hook) */
  gulong hook_id;
  guint changed_signal;
};

G_DEFINE_FINAL_TYPE (EscAudit, esc_audit, G_TYPE_OBJECT)

void
esc_audit_append (EscProject *project,
                  const char *user,
                  const char *action,
                  const char *table_key,
                  const char *employee)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format_iso8601 (now);
  const char *values[ESC_AUDIT_N_COLUMNS + 1] = { NULL };

  g_return_if_fail (ESC_IS_PROJECT (project));

  values[ESC_AUDIT_TIME] = time;
  values[ESC_AUDIT_USER] = user != NULL ? user : g_get_user_name ();
  values[ESC_AUDIT_ACTION] = action != NULL ? action : "";
  values[ESC_AUDIT_TABLE] = table_key != NULL ? table_key : "";
  values[ESC_AUDIT_EMPLOYEE] = employee != NULL ? employee : "";
  esc_table_append_values (esc_project_get_table (project, ESC_TABLE_AUDIT), values);
}

/* The column of @table's rows that names one employee, or -1. */
static int
employee_column (EscTableId table)
{
  const EscTableSchema *schema = esc_schema_get_table (table);

  if (table == ESC_TABLE_EMPLOYEE)
    return schema->id_column;
  for (guint c = 0; c < schema->n_columns; c++)
    if (schema->columns[c].type == ESC_COLUMN_REF &&
        schema->columns[c].ref_table == ESC_TABLE_EMPLOYEE)
      return c;
  return -1;
}

/* The table the command changes (the first child's for groups), or NULL. */
static EscTable *
command_table (EscCommand *command)
{
  return esc_command_get_table (command);
}

static void
log_command (EscAudit   *self,
             EscCommand *command,
             int         kind)
{
  g_autoptr(EscProject) project = g_weak_ref_get (&self->project);
  EscTable *table = command_table (command);
  g_autofree char *action = NULL;
  const char *employee = NULL;
  const char *table_key = NULL;

  if (project == NULL)
    return;
  if (table != NULL)
    {
      EscTableId id = esc_table_get_id (table);

      table_key = esc_schema_get_table (id)->key;
      if (esc_command_get_kind (command) == ESC_COMMAND_SET_CELL && self->last_row != NULL &&
          esc_row_get_table_id (self->last_row) == id)
        {
          int column = employee_column (id);

          if (column >= 0)
            employee = esc_row_get (self->last_row, column);
        }
    }
  if (kind < 0)
    /* TRANSLATORS: an audit log entry: "Undo: Edit Employees row 3, …" */
    action = g_strdup_printf (_("Undo: %s"), esc_command_get_label (command));
  else if (kind > 0)
    /* TRANSLATORS: an audit log entry: "Redo: Edit Employees row 3, …" */
    action = g_strdup_printf (_("Redo: %s"), esc_command_get_label (command));
  else
    action = g_strdup (esc_command_get_label (command));
  esc_audit_append (project, self->user, action, table_key, employee);
  g_clear_object (&self->last_row);
}

static void
executed_cb (EscAudit   *self,
             EscCommand *command)
{
  log_command (self, command, 0);
}

static void
undone_cb (EscAudit   *self,
           EscCommand *command)
{
  log_command (self, command, -1);
}

static void
redone_cb (EscAudit   *self,
           EscCommand *command)
{
  log_command (self, command, 1);
}

static gboolean
row_changed_hook (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               user_data)
{
  EscAudit *self = user_data;
  EscRow *row = g_value_get_object (&values[0]);

  if (esc_row_get_table_id (row) != ESC_TABLE_AUDIT)
    g_set_object (&self->last_row, row);
  return TRUE;
}

static void
esc_audit_dispose (GObject *object)
{
  EscAudit *self = ESC_AUDIT (object);

  if (self->hook_id != 0)
    {
      g_signal_remove_emission_hook (self->changed_signal, self->hook_id);
      self->hook_id = 0;
    }
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
  g_clear_object (&self->undo);
  g_clear_object (&self->last_row);

  G_OBJECT_CLASS (esc_audit_parent_class)->dispose (object);
}

static void
esc_audit_finalize (GObject *object)
{
  EscAudit *self = ESC_AUDIT (object);

  g_weak_ref_clear (&self->project);
  g_free (self->user);

  G_OBJECT_CLASS (esc_audit_parent_class)->finalize (object);
}

static void
esc_audit_class_init (EscAuditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = esc_audit_dispose;
  object_class->finalize = esc_audit_finalize;
}

static void
esc_audit_init (EscAudit *self)
{
  const char *real = g_get_real_name ();

  g_weak_ref_init (&self->project, NULL);
  self->user = g_strdup (real != NULL && *real != '\0' && g_strcmp0 (real, "Unknown") != 0
                         ? real : g_get_user_name ());
}

EscAudit *
esc_audit_new (EscProject *project)
{
  EscAudit *self;

  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  self = g_object_new (ESC_TYPE_AUDIT, NULL);
  g_weak_ref_set (&self->project, project);
  self->undo = g_object_ref (esc_project_get_undo_stack (project));
  g_signal_connect_object (self->undo, "executed", G_CALLBACK (executed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "undone", G_CALLBACK (undone_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "redone", G_CALLBACK (redone_cb), self,
                           G_CONNECT_SWAPPED);
  g_type_class_ref (ESC_TYPE_ROW);
  self->changed_signal = g_signal_lookup ("changed", ESC_TYPE_ROW);
  self->hook_id = g_signal_add_emission_hook (self->changed_signal, 0, row_changed_hook, self,
                                              NULL);
  return self;
}

const char *
esc_audit_get_user (EscAudit *self)
{
  g_return_val_if_fail (ESC_IS_AUDIT (self), NULL);

  return self->user;
}

void
esc_audit_set_user (EscAudit   *self,
                    const char *user)
{
  g_return_if_fail (ESC_IS_AUDIT (self));

  g_free (self->user);
  self->user = g_strdup (user);
}
