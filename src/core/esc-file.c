/* esc-file.c: whole-file writes that never replace a device or a FIFO (esc-file.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "esc-file.h"

gboolean
esc_file_is_special (const char *path)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0)
    return FALSE; /* absent (or unreadable): a new regular file is made */
  return !S_ISREG (st.st_mode);
}

static gboolean
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      const char  *path)
{
  g_autofree char *display_name = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), display_name, g_strerror (saved_errno));
  return FALSE;
}

/* Writes everything into an existing special file, without creating or truncating
 * anything else. */
static gboolean
write_into (const char  *path,
            const char  *contents,
            gsize        length,
            GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
  gsize done = 0;

  if (fd < 0)
    return set_error_from_errno (error, errno, path);
  while (done < length)
    {
      gssize n = write (fd, contents + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = n < 0 ? errno : ENOSPC;

          close (fd);
          return set_error_from_errno (error, saved_errno, path);
        }
      done += (gsize) n;
    }
  if (close (fd) != 0)
    return set_error_from_errno (error, errno, path);
  return TRUE;
}

gboolean
esc_file_set_contents (const char  *path,
                       const char  *contents,
                       gsize        length,
                       GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  if (esc_file_is_special (path))
    return write_into (path, contents != NULL ? contents : "", length, error);
  return g_file_set_contents_full (path, contents != NULL ? contents : "", (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}

gboolean
esc_file_replace_with (const char  *tmp_path,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean ok;

  g_return_val_if_fail (tmp_path != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!esc_file_is_special (path))
    {
      if (g_rename (tmp_path, path) != 0)
        return set_error_from_errno (error, errno, path);
      return TRUE;
    }
  if (!g_file_get_contents (tmp_path, &contents, &length, error))
    return FALSE;
  ok = write_into (path, contents, length, error);
  g_unlink (tmp_path);
  return ok;
}
