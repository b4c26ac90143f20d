/* esc-csv.h: CSV (RFC 4180, UTF-8) writing and reading.
 *
 * Writing: fields are quoted when they hold a comma, a quote, CR or LF; quotes are doubled;
 * records end with CRLF; UTF-8 without a byte order mark.
 *
 * Reading (RFC 4180 and what spreadsheets actually write): fields separated by commas
 * (or semicolons, as Excel writes CSV in Brazilian and most European locales: the
 * separator is guessed from the first record when not given); quoted fields may hold
 * separators, doubled quotes and line breaks; records end with CRLF, LF or CR; a UTF-8
 * byte order mark is skipped; a final line break is optional. Text that is not UTF-8 is
 * read as Windows-1252 (what Excel's plain "CSV" writes), and the caller is told. A quote
 * inside an unquoted field is kept as a character; text after a closing quote is kept
 * too. An unterminated quoted field is an error naming the line where it starts.
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

/* Writes @rows with a header of every column key of @schema. Atomic. */
gboolean esc_csv_write_table   (const char *path, const EscTableSchema *schema,
                                GPtrArray *rows, GError **error);

/* Parses CSV text (@len may be -1 for a NUL-terminated string). @separator is ',' or ';',
 * or 0 to guess it from the first record. Returns an array of records, each a
 * NULL-terminated array of fields (GStrv; free the array with g_ptr_array_unref), in file
 * order; an empty line is a record with one empty field. @display_name names the text in
 * messages (NULL: "CSV"); @converted (may be NULL) is set when the text was not UTF-8 and
 * was read as Windows-1252. Errors: ESC_IO_ERROR_FORMAT (unterminated quote, NUL bytes),
 * ESC_IO_ERROR_TOO_LARGE (more than ESC_CSV_MAX_FIELDS fields in a record). */
#define ESC_CSV_MAX_FIELDS 16384u

GPtrArray *esc_csv_parse       (const char  *data,
                                gssize       len,
                                char         separator,
                                const char  *display_name,
                                gboolean    *converted,
                                GError     **error);
/* Reads and parses the file at @path; errors name it (ESC_IO_ERROR_READ when it cannot
 * be read). */
GPtrArray *esc_csv_read_file   (const char  *path,
                                char         separator,
                                gboolean    *converted,
                                GError     **error);

G_END_DECLS
