/* esc-row.h: one row of a project table: a cell of text per column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "esc-schema.h"

G_BEGIN_DECLS

#define ESC_TYPE_ROW (esc_row_get_type ())
G_DECLARE_FINAL_TYPE (EscRow, esc_row, ESC, ROW, GObject)

EscRow               *esc_row_new          (EscTableId id);
/* @values: EXACTLY n_columns entries (NULL entries are ""), or NULL for an empty row.
 * With designated initializers: (const char *[ESC_EMPLOYEE_N_COLUMNS]) { [ESC_EMPLOYEE_ID] =
 * "E001", ... } sizes the array right and leaves the other cells empty. */
EscRow               *esc_row_new_with_values (EscTableId id, const char * const *values);
EscRow               *esc_row_copy         (EscRow *self);
const EscTableSchema *esc_row_get_schema   (EscRow *self);
EscTableId            esc_row_get_table_id (EscRow *self);
guint                 esc_row_get_n_columns (EscRow *self);
/* Never NULL: an empty cell is "". */
const char           *esc_row_get          (EscRow *self, guint column);
/* Stores @value as given (NULL = ""); emits ::changed when it differs. No undo: edits
 * that users make go through EscCommand. */
void                  esc_row_set          (EscRow *self, guint column, const char *value);
gboolean              esc_row_is_empty     (EscRow *self, guint column);
gboolean              esc_row_equal        (EscRow *a, EscRow *b);

/* Columns an import found that the schema does not know, kept aside so that nothing is
 * lost and an export writes them back. Sorted by key. */
const char           *esc_row_get_extra    (EscRow *self, const char *key);
void                  esc_row_set_extra    (EscRow *self, const char *key, const char *value);
/* Returns a NULL-terminated sorted array of keys (free with g_free, not the strings). */
const char          **esc_row_get_extra_keys (EscRow *self, guint *n_keys);

G_END_DECLS
