/* fuzz-xlsx.c: libFuzzer target for the streaming XLSX reader.
 *
 * Opens the input as a workbook with esc_xlsx_reader_open_bytes() and streams every
 * sheet, touching every cell's text so that a dangling or unterminated text shows up
 * under AddressSanitizer. Errors are expected; only crashes, leaks, hangs and unbounded
 * allocation are findings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <string.h>

#include "io/esc-xlsx-reader.h"
#include "fuzz-common.h"

static gboolean
row_cb (guint row, const EscXlsxCell *cells, guint n_cells, gpointer user_data,
        GError **error)
{
  gsize *total = user_data;

  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *address = esc_xlsx_cell_address (cells[i].row, cells[i].col);
      *total += strlen (cells[i].text) + strlen (address);
      if (cells[i].type == ESC_XLSX_NUMBER && cells[i].is_date)
        {
          guint32 julian;
          int minutes;
          esc_xlsx_serial_to_datetime (cells[i].number, FALSE, &julian, &minutes);
        }
    }
  return TRUE;
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscXlsxReader) reader = NULL;
  const char * const *names;
  gsize total = 0;

  esc_fuzz_init ();
  reader = esc_xlsx_reader_open_bytes (bytes, "fuzz.xlsx", &error);
  if (reader == NULL)
    return 0;

  names = esc_xlsx_reader_get_sheet_names (reader);
  esc_xlsx_reader_uses_1904 (reader);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(GError) sheet_error = NULL;
      esc_xlsx_reader_has_sheet (reader, names[i]);
      esc_xlsx_reader_foreach_row (reader, names[i], row_cb, &total, &sheet_error);
    }
  return 0;
}
