/* fuzz-replay.c: a main() for the fuzz targets outside libFuzzer.
 *
 * Linked with one target's source, it feeds LLVMFuzzerTestOneInput() every file named on
 * the command line, or every file of every directory named there (one level, sorted), so
 * that the normal test suite replays the inputs that once crashed (tests/fuzz/regressions/
 * <target>/) with any compiler and without the fuzzing runtime. A missing directory is
 * not an error (a target that never crashed has none). Prints TAP.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Under AddressSanitizer (build-aux/test's sanitizer build): full allocation stacks, so
 * that the json-glib entry of tests/lsan.supp matches the parser's own leak on malformed
 * input (GLib is built without frame pointers). ASAN_OPTIONS still wins. */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
collect (const char *path, GPtrArray *files)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (name[0] != '.' && g_file_test (child, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  g_ptr_array_sort (files, compare_strings);

  printf ("1..%u\n", files->len + 1);
  printf ("ok 1 - replay started\n");
  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (file, &contents, &length, NULL))
        {
          printf ("not ok %u - %s: cannot be read\n", i + 2, file);
          return 1;
        }
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      printf ("ok %u - %s\n", i + 2, file);
      fflush (stdout);
    }
  return 0;
}
