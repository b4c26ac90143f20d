/* esc-table-view-private.h: what EscGridCell asks of the EscTableView that made it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/esc-diagnostic.h"
#include "esc-table-view.h"

G_BEGIN_DECLS

void           esc_table_view_cell_bound        (EscTableView    *self,
                                                 EscGridCell     *cell);
void           esc_table_view_cell_unbound      (EscTableView    *self,
                                                 EscGridCell     *cell);
void           esc_table_view_cell_focused      (EscTableView    *self,
                                                 EscGridCell     *cell);
/* A click on @cell: selects its row (Ctrl toggles, Shift extends) and puts the cursor
 * on it. Returns TRUE when the cell already was the cursor (a second click edits). */
gboolean       esc_table_view_cell_clicked      (EscTableView    *self,
                                                 EscGridCell     *cell,
                                                 GdkModifierType  state);
/* Writes @text into (@row, @column) as an undoable command, validating it first:
 * a bad value is written all the same (the cell shows why) and rings the bell. */
void           esc_table_view_commit_cell       (EscTableView    *self,
                                                 EscRow          *row,
                                                 guint            column,
                                                 const char      *text);
/* The first project problem of (@row, @column), or NULL. */
const EscDiagnostic *esc_table_view_lookup_problem (EscTableView *self,
                                                 EscRow          *row,
                                                 int              column);
/* 0-based index of @row in the table (G_MAXUINT when not in it); O(1). */
guint          esc_table_view_get_row_index     (EscTableView    *self,
                                                 EscRow          *row);
gboolean       esc_table_view_is_cursor         (EscTableView    *self,
                                                 EscRow          *row,
                                                 guint            column);
/* The ids of @table, kept in sync with it, for the drop-downs of references. */
GtkStringList *esc_table_view_get_ref_ids       (EscTableView    *self,
                                                 EscTableId       table);
/* A short description of the row of @table with @id (its name or city), or NULL. */
const char    *esc_table_view_describe_ref      (EscTableView    *self,
                                                 EscTableId       table,
                                                 const char      *id);

G_END_DECLS
