/* fuzz-template-import.c: libFuzzer target for the workbook (template) importer.
 *
 * Runs esc_template_import_bytes() on the input, strict and with skip_bad_rows (the
 * second path re-validates repeatedly), with a fixed "today" so runs are reproducible.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>

#include "io/esc-template-import.h"
#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  EscImportOptions options = { .skip_bad_rows = FALSE, .today = 739000 };

  esc_fuzz_init ();
  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EscImportResult) result = NULL;

      options.skip_bad_rows = pass == 1;
      result = esc_template_import_bytes (bytes, "fuzz.xlsx", &options, &error);
      if (result == NULL)
        break;  /* not a workbook at all: the second pass would say the same */
      if (result->project != NULL)
        break;  /* imported strictly: nothing to skip */
    }
  return 0;
}
