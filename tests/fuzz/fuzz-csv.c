/* fuzz-csv.c: libFuzzer target for the CSV reader (esc_csv_parse).
 *
 * The first byte picks the separator (',', ';' or 0 to guess); the rest is the text. Every field of
 * every record is read back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <string.h>

#include "io/esc-csv.h"
#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  gboolean converted = FALSE;
  char separator;
  gsize total = 0;

  if (size < 1)
    return 0;
  esc_fuzz_init ();
  separator = "\0,;"[data[0] % 3];  /* 0: guess */
  records = esc_csv_parse ((const char *) data + 1, (gssize) (size - 1), separator,
                           "fuzz.csv", &converted, &error);
  if (records == NULL)
    return 0;
  /* Each record is a NULL-terminated strv (see esc-csv.h). */
  for (guint i = 0; i < records->len; i++)
    {
      char **fields = g_ptr_array_index (records, i);
      for (guint j = 0; fields != NULL && fields[j] != NULL; j++)
        total += strlen (fields[j]);
    }
  /* Fields are pieces of the input; read as Windows-1252 a byte becomes at most 3. */
  g_assert (total <= 3 * size);
  return 0;
}
