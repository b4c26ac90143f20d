/* esc-diagnostic.h: one problem found in a project, with where it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "esc-schema.h"

G_BEGIN_DECLS

typedef enum
{
  ESC_SEVERITY_WARNING,  /* suspicious but usable (e.g. 70 weekly hours) */
  ESC_SEVERITY_ERROR,    /* the project cannot be solved until this is fixed */
} EscSeverity;

typedef struct
{
  EscSeverity severity;
  EscTableId table;      /* ESC_N_TABLES when it concerns the project as a whole */
  int row;               /* 0-based row index, -1 for the whole table */
  int column;            /* column index, -1 for the whole row */
  char *message;         /* translated; says what was found and what was expected */
} EscDiagnostic;

#define ESC_TYPE_DIAGNOSTIC (esc_diagnostic_get_type ())
GType          esc_diagnostic_get_type (void) G_GNUC_CONST;

EscDiagnostic *esc_diagnostic_new   (EscSeverity severity, EscTableId table, int row,
                                     int column, const char *message);
EscDiagnostic *esc_diagnostic_copy  (const EscDiagnostic *self);
void           esc_diagnostic_free  (EscDiagnostic *self);
/* "employee:3:id: ..." with the table key, the 1-based row and the column key, as
 * escala-cli validate prints it. */
char          *esc_diagnostic_to_string (const EscDiagnostic *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscDiagnostic, esc_diagnostic_free)

G_END_DECLS
