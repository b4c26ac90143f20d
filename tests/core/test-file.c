/* test-file.c: whole-file writes (esc-file.h): atomic for regular files, straight into a
 * FIFO or device, which must never be replaced by a regular file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/esc-file.h"
#include "test-core.h"

/* Reads a FIFO to its end in a thread (a FIFO opened for writing waits for a reader). */
static gpointer
read_fifo_thread (gpointer data)
{
  const char *path = data;
  GString *read_text = g_string_new (NULL);
  char buffer[256];
  int fd = g_open (path, O_RDONLY, 0);
  gssize n;

  g_assert_cmpint (fd, >=, 0);
  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (read_text, buffer, n);
  close (fd);
  return g_string_free (read_text, FALSE);
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("escala-file-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
assert_is_fifo (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

static void
test_regular (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (esc_file_is_special (path)); /* absent */
  g_assert_true (esc_file_set_contents (path, "a,b\n", 4, &error));
  g_assert_no_error (error);
  g_assert_false (esc_file_is_special (path));
  g_assert_true (esc_file_set_contents (path, "c\n", 2, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "c\n");
  g_assert_true (esc_file_is_special (dir));

  /* A directory cannot be written into. */
  g_assert_false (esc_file_set_contents (dir, "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_fifo (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autofree char *tmp = g_build_filename (dir, "finished.tmp", NULL);
  g_autoptr(GError) error = NULL;
  GThread *reader;
  char *received;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (esc_file_is_special (fifo));

  /* g_file_set_contents would rename a regular file over the FIFO. */
  reader = g_thread_new ("reader", read_fifo_thread, fifo);
  g_assert_true (esc_file_set_contents (fifo, "id,name\nE1,Ana\n", 15, &error));
  g_assert_no_error (error);
  received = g_thread_join (reader);
  g_assert_cmpstr (received, ==, "id,name\nE1,Ana\n");
  g_free (received);
  assert_is_fifo (fifo);

  /* A finished temporary file (an exported workbook) is copied in, then removed. */
  g_assert_true (g_file_set_contents (tmp, "PK\003\004 workbook", -1, NULL));
  reader = g_thread_new ("reader", read_fifo_thread, fifo);
  g_assert_true (esc_file_replace_with (tmp, fifo, &error));
  g_assert_no_error (error);
  received = g_thread_join (reader);
  g_assert_cmpstr (received, ==, "PK\003\004 workbook");
  g_free (received);
  assert_is_fifo (fifo);
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));

  g_unlink (fifo);
  g_rmdir (dir);
}

static void
test_replace_regular (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "book.xlsx", NULL);
  g_autofree char *tmp = g_build_filename (dir, "book.xlsx.XXXXXX", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (g_file_set_contents (tmp, "new", -1, NULL));
  g_assert_true (esc_file_replace_with (tmp, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));

  /* A temporary file that vanished: an error naming the target, the target kept. */
  g_assert_false (esc_file_replace_with (tmp, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "book.xlsx"));
  g_unlink (path);
  g_rmdir (dir);
}

void
esc_test_add_file_tests (void)
{
  g_test_add_func ("/core/file/regular", test_regular);
  g_test_add_func ("/core/file/fifo-kept", test_fifo);
  g_test_add_func ("/core/file/replace-regular", test_replace_regular);
}
