/* fuzz-project-json.c: libFuzzer target for the project file (.escala) loader.
 *
 * Loads the input with esc_project_file_load_data_full(); a project that loads is then
 * validated (esc_validate_project()) and saved back to text, as the app does when it
 * opens and later saves a file, so hostile cell values reach the validator and writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>

#include "core/esc-validate.h"
#include "io/esc-project-file.h"
#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *text = NULL;

  esc_fuzz_init ();
  project = esc_project_file_load_data_full ((const char *) data, (gssize) size, "fuzz",
                                             &notes, &error);
  if (project == NULL)
    return 0;
  diagnostics = esc_validate_project (project);
  esc_validate_count_errors (diagnostics);
  text = esc_project_file_to_data (project, NULL);
  return 0;
}
