/* esc-tsv.h: tab-separated text as LibreOffice and Excel put it on the clipboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Splits @text into rows of cells. Lines end with "\n", "\r\n" or "\r"; cells are
 * separated by tabs; a cell that starts with a double quote runs to the matching quote
 * and may hold tabs, line breaks and doubled quotes (""), as spreadsheets quote them.
 * One final line break does not make an empty last row. Returns a GPtrArray of
 * NULL-terminated string arrays (GStrv), never NULL; "" gives no rows. */
GPtrArray *esc_tsv_parse       (const char         *text);

/* Appends one row to @out: cells joined by tabs, each quoted when it holds a tab, a line
 * break or a double quote, then "\n". */
void       esc_tsv_append_row  (GString            *out,
                                const char * const *cells,
                                gsize               n_cells);

G_END_DECLS
