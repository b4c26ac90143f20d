/* esc-table.h: one table of a project, a GListModel of EscRow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "esc-row.h"

G_BEGIN_DECLS

#define ESC_TYPE_TABLE (esc_table_get_type ())
G_DECLARE_FINAL_TYPE (EscTable, esc_table, ESC, TABLE, GObject)

EscTable             *esc_table_new        (EscTableId id);
EscTableId            esc_table_get_id     (EscTable *self);
const EscTableSchema *esc_table_get_schema (EscTable *self);
guint                 esc_table_get_n_rows (EscTable *self);
/* Borrowed; NULL past the end. */
EscRow               *esc_table_get_row    (EscTable *self, guint position);
/* G_MAXUINT if @row is not in the table. */
guint                 esc_table_index_of   (EscTable *self, EscRow *row);
/* The first row whose id column (trimmed) equals @id (trimmed), or NULL. */
EscRow               *esc_table_find       (EscTable *self, const char *id);

/* Direct changes, no undo (for loaders and commands). They emit items-changed. */
void                  esc_table_insert     (EscTable *self, guint position, EscRow *row);
void                  esc_table_append     (EscTable *self, EscRow *row);
/* Appends a new row with @values (n_columns entries, NULL = ""); returns it (borrowed). */
EscRow               *esc_table_append_values (EscTable *self, const char * const *values);
void                  esc_table_remove     (EscTable *self, guint position);
void                  esc_table_clear      (EscTable *self);
/* Removes @n_removed rows at @position and puts @n_added @rows there, with one
 * items-changed: list widgets see one change, not one per row. */
void                  esc_table_splice     (EscTable *self, guint position, guint n_removed,
                                            EscRow * const *rows, guint n_added);
/* Until the matching esc_table_thaw(), changes emit nothing; the thaw emits one
 * items-changed over the whole table (every row removed, the rows now there added) when
 * anything changed. A GTK list then keeps the widgets of the rows that stayed, where
 * one signal per row would make them all anew. Only the code making the changes may
 * read the table in between. Nests. */
void                  esc_table_freeze     (EscTable *self);
void                  esc_table_thaw       (EscTable *self);

gboolean              esc_table_equal      (EscTable *a, EscTable *b);

G_END_DECLS
