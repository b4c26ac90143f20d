/* test-ui.c: the app starts, draws its window and renders it to PNG (--screenshot).
 *
 * Runs the real `escala` under the display the test has (xvfb-run -a in
 * build-aux/test); without a display the test is skipped (exit status 77).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#define EXIT_SKIP 77

static char *tmp_dir;

/* Runs escala --screenshot=PATH [FILE] and returns the screenshot's path. */
static char *
take_screenshot (const char *name,
                 const char *project)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *option = g_strconcat ("--screenshot=", path, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", ESC_SCHEMA_DIR, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, ESC_APP_PATH, option, project, NULL);
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
assert_picture_is_window (const char *path)
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
  g_assert_cmpint (width, >=, 360);
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
  g_autofree char *path = take_screenshot ("empty.png", NULL);

  assert_picture_is_window (path);
  g_unlink (path);
}

static void
test_screenshot_with_sample (void)
{
  g_autofree char *sample = g_build_filename (ESC_SAMPLES_DIR, "loja-centro.escala", NULL);
  g_autofree char *path = take_screenshot ("sample.png", sample);

  assert_picture_is_window (path);
  g_unlink (path);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("no display (run under xvfb-run -a): skipped\n");
      return EXIT_SKIP;
    }

  tmp_dir = g_dir_make_tmp ("escala-ui-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/screenshot/without-project", test_screenshot_without_project);
  g_test_add_func ("/ui/screenshot/sample", test_screenshot_with_sample);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
