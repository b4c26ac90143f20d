/* esc-xlsx-reader.h: a streaming reader of the cells of XLSX workbooks.
 *
 * Opens an Office Open XML workbook (.xlsx, .xlsm) with libgsf and reads its sheets
 * row by row with libxml2's xmlTextReader, without building a tree: memory holds the
 * shared-string table and the current row, never a whole sheet. Hostile files are
 * refused with a GError rather than trusted: no DTDs, no entity expansion, no network,
 * and parts above ESC_XLSX_MAX_PART_SIZE or shared-string tables above
 * ESC_XLSX_MAX_SHARED_STRINGS entries fail with ESC_IO_ERROR_TOO_LARGE.
 *
 * Errors are in ESC_IO_ERROR (esc-io-error.h): READ (not a zip, damaged compressed
 * data), FORMAT (malformed XML or values), MISSING (no workbook part, no such sheet),
 * TOO_LARGE (beyond the limits above). Messages are translated and name the file and
 * the part, and the cell (Sheet!B7) where there is one.
 *
 * Not thread-safe: use one reader from one thread at a time (different readers on
 * different threads are fine).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Limits. Excel's own grid is 1,048,576 rows by 16,384 columns (A..XFD). */
#define ESC_XLSX_MAX_ROWS           1048576u
#define ESC_XLSX_MAX_COLUMNS        16384u
#define ESC_XLSX_MAX_PART_SIZE      (G_GINT64_CONSTANT (512) * 1024 * 1024)  /* uncompressed */
#define ESC_XLSX_MAX_SHARED_STRINGS (16u * 1024 * 1024)

typedef struct _EscXlsxReader EscXlsxReader;

typedef enum
{
  ESC_XLSX_EMPTY,   /* only for a formula cell without a cached value */
  ESC_XLSX_STRING,  /* shared, inline (t="inlineStr") or formula (t="str") string */
  ESC_XLSX_NUMBER,  /* includes dates and times (see is_date) */
  ESC_XLSX_BOOL,
  ESC_XLSX_ERROR,   /* #N/A, #VALUE!, #REF!, ... */
} EscXlsxCellType;

typedef struct
{
  guint           row;          /* 1-based */
  guint           col;          /* 1-based: A = 1 */
  EscXlsxCellType type;
  /* Never NULL. STRING: the value (rich-text runs joined, phonetic runs left out).
   * NUMBER: the value as written in the file ("0.58333333333333337", "46380").
   * BOOL: "TRUE" or "FALSE". ERROR: the code ("#VALUE!"). EMPTY: "".
   * Valid only during the row callback. */
  const char     *text;
  double          number;       /* NUMBER: the value; BOOL: 1 or 0; otherwise 0 */
  /* NUMBER only: the cell's number format shows a date and/or time (built-in formats
   * 14-22, 27-36, 45-47, 50-58, or a custom format with d, m, y, h or s outside quotes
   * and brackets), or the cell was written as an ISO 8601 date (t="d"). Convert with
   * esc_xlsx_serial_to_datetime(). */
  gboolean        is_date;
  gboolean        has_formula;  /* the value is the formula's cached result */
} EscXlsxCell;

/* Called once per row that has at least one cell to report, in file order (Excel
 * writes rows top to bottom and cells left to right). @cells holds the row's cells in
 * file order; cells absent from the file, and cells that are present but have neither
 * value nor formula (formatting only), are not reported. @cells and the texts are
 * valid only during the call. Return FALSE to stop reading: with @error set the read
 * fails with that error, without it the read stops early and succeeds. */
typedef gboolean (*EscXlsxRowFunc) (guint              row,
                                    const EscXlsxCell *cells,
                                    guint              n_cells,
                                    gpointer           user_data,
                                    GError           **error);

/* Opens the workbook at @path (in the GLib file name encoding) and reads its sheet
 * list, number formats and shared strings. Sheets are read on demand. */
EscXlsxReader       *esc_xlsx_reader_open         (const char *path,
                                                   GError    **error);
/* The same from memory (tests, fuzzing, data from a GFile or a portal). @display_name
 * names the file in messages; NULL means "workbook". @bytes is referenced, not copied. */
EscXlsxReader       *esc_xlsx_reader_open_bytes   (GBytes     *bytes,
                                                   const char *display_name,
                                                   GError    **error);
void                 esc_xlsx_reader_free         (EscXlsxReader *self);

/* NULL-terminated, in workbook (tab) order, hidden sheets included. Owned by @self. */
const char * const  *esc_xlsx_reader_get_sheet_names (EscXlsxReader *self);
/* Sheet names are looked up exactly, then ignoring case (as Excel does). */
gboolean             esc_xlsx_reader_has_sheet    (EscXlsxReader *self,
                                                   const char    *sheet_name);
/* TRUE if the workbook uses the 1904 date system (workbookPr date1904). */
gboolean             esc_xlsx_reader_uses_1904    (EscXlsxReader *self);

/* Streams the rows of @sheet_name to @func. Returns FALSE with @error set when the
 * sheet does not exist (ESC_IO_ERROR_MISSING), cannot be read, or @func failed;
 * TRUE when the whole sheet was read or @func stopped without an error. Rows already
 * delivered before an error stay delivered: callers that must not half-import should
 * collect first and apply after success. A sheet can be read any number of times. */
gboolean             esc_xlsx_reader_foreach_row  (EscXlsxReader *self,
                                                   const char    *sheet_name,
                                                   EscXlsxRowFunc func,
                                                   gpointer       user_data,
                                                   GError       **error);

/* "F3" for (3, 6); "XFD1048576" for the last cell. Free with g_free(). */
char                *esc_xlsx_cell_address        (guint row,
                                                   guint col);

/* Converts an Excel serial date-time to a GLib Julian day (as g_date_get_julian():
 * 0001-01-01 is day 1) and the minutes since midnight, rounded to the nearest minute
 * (a time that rounds to 24:00 moves to 00:00 of the next day).
 *
 * 1900 system (the default): serial 1 is 1900-01-01, 59 is 1900-02-28, 61 is
 * 1900-03-01. Serial 60 is the day 1900-02-29 that Excel invents (the Lotus leap-year
 * bug): it does not exist, so this returns FALSE for it. 1904 system: serial 0 is
 * 1904-01-01 (serial N there is serial N + 1462 in the 1900 system).
 *
 * A serial below 1 is a time without a date (0.5 is 12:00): *julian is then the
 * system's day 0, which is 1899-12-30 in the 1900 system (ESC_XLSX_JULIAN_1899_12_30;
 * Excel shows it as "1900-01-00") and 1904-01-01 in the 1904 system; callers that
 * want only a time use *minutes.
 *
 * Returns FALSE for negative, NaN or infinite serials, serial 60 (1900 system) and
 * dates after 9999-12-31. Either out pointer may be NULL. */
#define ESC_XLSX_JULIAN_1899_12_30 693594u

gboolean             esc_xlsx_serial_to_datetime  (double   serial,
                                                   gboolean is_1904,
                                                   guint32 *julian,
                                                   int     *minutes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscXlsxReader, esc_xlsx_reader_free)

G_END_DECLS
