/* esc-validate.h: every problem of a project, as diagnostics.
 *
 * The one place that decides whether a cell's text is valid for its column; the grids
 * show its messages in the cells, escala-cli validate prints them, the importers and the
 * solver's snapshot refuse a project with errors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-diagnostic.h"
#include "esc-project.h"

G_BEGIN_DECLS

/* Checks one cell's text against its column type alone (parse, range, enum), without
 * looking at other rows: returns NULL when fine, else a diagnostic for (table, row,
 * column). Used by the grids as the user types. @row_index is only copied into the
 * diagnostic. */
EscDiagnostic *esc_validate_cell    (EscTableId table, int row_index, guint column,
                                     const char *text);

/* Every problem of the project, errors and warnings, in table order then row order:
 * cell types and ranges, required cells, unknown references (store, role, pattern,
 * shift, employee, location), duplicate ids, empty windows, demand without a window or
 * shift or with start >= end, leave that does not parse, parameters missing, unknown
 * or out of range, objectives that are not known. Returns an array of EscDiagnostic. */
GPtrArray     *esc_validate_project (EscProject *project);

/* Number of errors (not warnings) in @diagnostics. */
guint          esc_validate_count_errors (GPtrArray *diagnostics);

G_END_DECLS
