/* esc-audit.h: the audit log: every change to a project, who made it and when.
 *
 * An EscAudit watches a project's undo stack and appends one row to the project's
 * Audit table (ESC_TABLE_AUDIT) per command executed, undone or redone: the time
 * (ISO 8601, local time with offset), the OS user's name (real name when known), the
 * command's label ("Edit Employees row 3, …", "Undo: …", "Redo: …"), the key of the
 * table changed and, when the command sets a cell of a row that belongs to one
 * employee, that employee's id. Rows are appended directly, not through the undo
 * stack: the log is never undone, and it is saved with the project as any table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-project.h"

G_BEGIN_DECLS

#define ESC_TYPE_AUDIT (esc_audit_get_type ())
G_DECLARE_FINAL_TYPE (EscAudit, esc_audit, ESC, AUDIT, GObject)

/* Starts logging @project's changes until the EscAudit is finalized (it keeps a weak
 * pointer to the project). */
EscAudit *esc_audit_new      (EscProject *project);
/* The name written in the User column (the real name, else the login). */
const char *esc_audit_get_user (EscAudit *self);
/* Overrides the user name (tests). */
void      esc_audit_set_user (EscAudit *self, const char *user);

/* Appends one row to @project's audit log now (for changes that do not go through the
 * undo stack). @table_key and @employee may be NULL. */
void      esc_audit_append   (EscProject *project,
                              const char *user,
                              const char *action,
                              const char *table_key,
                              const char *employee);

G_END_DECLS
