/* fuzz-roster-json.c: libFuzzer target for the classic roster JSON loader.
 *
 * Loads the input with esc_roster_json_load_data() (warnings collected) and validates
 * the project it builds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>

#include "core/esc-validate.h"
#include "io/esc-roster-json.h"
#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EscProject) project = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;

  esc_fuzz_init ();
  project = esc_roster_json_load_data ((const char *) data, (gssize) size, "fuzz.json",
                                       NULL, warnings, &error);
  if (project == NULL)
    return 0;
  diagnostics = esc_validate_project (project);
  return 0;
}
