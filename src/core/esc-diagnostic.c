/* esc-diagnostic.c: one problem found in a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-core"

#include <glib/gi18n-lib.h>

#include "esc-diagnostic.h"

G_DEFINE_BOXED_TYPE (EscDiagnostic, esc_diagnostic, esc_diagnostic_copy, esc_diagnostic_free)

EscDiagnostic *
esc_diagnostic_new (EscSeverity  severity,
                    EscTableId   table,
                    int          row,
                    int          column,
                    const char  *message)
{
  EscDiagnostic *self = g_new0 (EscDiagnostic, 1);

  self->severity = severity;
  self->table = table;
  self->row = row;
  self->column = column;
  self->message = g_strdup (message);
  return self;
}

EscDiagnostic *
esc_diagnostic_copy (const EscDiagnostic *self)
{
  return esc_diagnostic_new (self->severity, self->table, self->row, self->column,
                             self->message);
}

void
esc_diagnostic_free (EscDiagnostic *self)
{
  if (self == NULL)
    return;
  g_free (self->message);
  g_free (self);
}

char *
esc_diagnostic_to_string (const EscDiagnostic *self)
{
  const EscTableSchema *schema = NULL;
  const char *table = "project";
  const char *column = "";
  g_autofree char *row = NULL;

  if (self->table < ESC_N_TABLES)
    {
      schema = esc_schema_get_table (self->table);
      table = schema->key;
      if (self->column >= 0 && (guint) self->column < schema->n_columns)
        column = schema->columns[self->column].key;
    }
  row = self->row >= 0 ? g_strdup_printf ("%d", self->row + 1) : g_strdup ("");
  return g_strdup_printf ("%s:%s:%s: %s%s", table, row, column,
                          self->severity == ESC_SEVERITY_WARNING ? _("warning: ") : "",
                          self->message);
}
