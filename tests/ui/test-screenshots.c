/* test-screenshots.c: the real `escala --screenshot=FILE [--page NAME] [PROJECT]`
 * renders its window to PNG: without a project, with the sample, every page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include <glib/gstdio.h>
#include <string.h>

#include "test-ui.h"

/* Runs escala --screenshot=PATH [--page NAME] [--size SIZE] [FILE] and returns the
 * screenshot's path. */
static char *
take_screenshot (const char *name,
                 const char *project,
                 const char *page,
                 const char *size)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = g_build_filename (test_tmp_dir, name, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_ptr_array_add (args, g_strdup (ESC_APP_PATH));
  g_ptr_array_add (args, g_strconcat ("--screenshot=", path, NULL));
  if (page != NULL)
    g_ptr_array_add (args, g_strconcat ("--page=", page, NULL));
  if (size != NULL)
    g_ptr_array_add (args, g_strconcat ("--size=", size, NULL));
  if (project != NULL)
    g_ptr_array_add (args, g_strdup (project));
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", ESC_SCHEMA_DIR, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("stdout:\n%s\nstderr:\n%s", out, err);

  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return g_steal_pointer (&path);
}

/* A real window: of window size and not one flat colour. */
static void
assert_picture_is_window (const char *path,
                          int         min_width)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, &error);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  g_autofree guchar *pixels = NULL;
  int width, height;
  gsize stride;

  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_test_message ("%s: %d×%d", path, width, height);
  g_assert_cmpint (width, >=, min_width);
  g_assert_cmpint (height, >=, 200);

  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < height; y += 2)
    for (int x = 0; x < width; x += 2)
      {
        guint32 pixel;

        memcpy (&pixel, pixels + y * stride + x * 4, 4);
        g_hash_table_add (colours, GUINT_TO_POINTER (pixel));
      }
  /* Text and widgets give many shades; a blank or black picture gives one or two. */
  g_assert_cmpuint (g_hash_table_size (colours), >, 16);
}

static void
test_screenshot_without_project (void)
{
  g_autofree char *path = take_screenshot ("empty.png", NULL, NULL, NULL);

  assert_picture_is_window (path, 360);
  g_unlink (path);
}

static void
test_screenshot_with_sample (void)
{
  g_autofree char *sample = test_copy_sample ();
  g_autofree char *path = take_screenshot ("sample.png", sample, NULL, NULL);

  assert_picture_is_window (path, 800);
  g_unlink (path);
}

static void
test_screenshot_page (gconstpointer data)
{
  const char *page = data;
  g_autofree char *sample = test_copy_sample ();
  g_autofree char *name = g_strdup_printf ("page-%s.png", page);
  g_autofree char *path = take_screenshot (name, sample, page, NULL);

  assert_picture_is_window (path, 800);
  g_unlink (path);
}

static void
test_screenshot_narrow (void)
{
  g_autofree char *sample = test_copy_sample ();
  g_autofree char *path = take_screenshot ("narrow.png", sample, "employee", "640x600");
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, NULL);

  /* The window takes the size asked for: the sidebar folds away. */
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), <=, 700);
  assert_picture_is_window (path, 360);
  g_unlink (path);
}

static void
test_screenshot_unknown_page (void)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = test_copy_sample ();
  g_autofree char *path = g_build_filename (test_tmp_dir, "unknown.png", NULL);
  g_autofree char *option = g_strconcat ("--screenshot=", path, NULL);

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, ESC_APP_PATH, option, "--page=no-such-page", sample, NULL);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), !=, 0);
  g_unlink (path);
}

void
test_add_screenshot_tests (void)
{
  const char * const *pages = esc_main_window_list_pages ();

  g_test_add_func ("/ui/screenshot/without-project", test_screenshot_without_project);
  g_test_add_func ("/ui/screenshot/sample", test_screenshot_with_sample);
  g_test_add_func ("/ui/screenshot/narrow", test_screenshot_narrow);
  g_test_add_func ("/ui/screenshot/unknown-page", test_screenshot_unknown_page);
  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/ui/screenshot/page/%s", pages[i]);

      g_test_add_data_func (test_path, pages[i], test_screenshot_page);
    }
}
