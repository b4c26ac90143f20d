/* esc-csv.h: CSV (RFC 4180, UTF-8) writing and reading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/esc-table.h"

G_BEGIN_DECLS

/* Appends one record to @out: fields quoted when they hold a comma, quote, CR or LF,
 * quotes doubled, CRLF line end. */
void     esc_csv_append_record (GString *out, const char * const *fields, guint n_fields);

/* Writes @rows (EscRow of one table) as CSV with a header of column keys: the first
 * @n_columns columns of @columns (indices into the table's schema). Atomic. */
gboolean esc_csv_write_rows    (const char *path, const EscTableSchema *schema,
                                GPtrArray *rows, const guint *columns, guint n_columns,
                                GError **error);

G_END_DECLS
