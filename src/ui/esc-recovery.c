/* esc-recovery.c: autosaved copies of unsaved projects, to recover after a crash.
 *
 * Each copy is two files in esc_recovery_get_dir(), named by a hash of its key: NAME.escala
 * (the project, written atomically by esc_project_file_save()) and NAME.ini (a key file:
 * original path, display name, time, process id). A clean save or close removes both
 * (and the .bak the atomic save leaves). At startup esc_recovery_list() offers the
 * copies whose process is gone: the process id is checked with kill(pid, 0) and, on
 * Linux, that /proc/PID/comm still names Escala, so a reused id is not taken for us.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "esc-recovery.h"
#include "io/esc-project-file.h"

#define INFO_GROUP "Recovery"

void
esc_recovery_file_free (EscRecoveryFile *file)
{
  if (file == NULL)
    return;
  g_free (file->key);
  g_free (file->data_path);
  g_free (file->original_path);
  g_free (file->display_name);
  g_clear_pointer (&file->saved, g_date_time_unref);
  g_free (file);
}

char *
esc_recovery_get_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "escala", "recovery", NULL);
}

static char *
build_base (const char *key)
{
  g_autofree char *dir = esc_recovery_get_dir ();
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  hash[24] = '\0';
  return g_build_filename (dir, hash, NULL);
}

static void
remove_base (const char *base)
{
  const char *suffixes[] = { ESC_PROJECT_FILE_EXTENSION, ESC_PROJECT_FILE_EXTENSION ".bak", ".ini" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (base, suffixes[i], NULL);

      if (g_unlink (path) != 0 && errno != ENOENT)
        g_debug ("Could not remove %s: %s", path, g_strerror (errno));
    }
}

gboolean
esc_recovery_save (EscProject  *project,
                   const char  *key,
                   const char  *original_path,
                   const char  *display_name,
                   GError     **error)
{
  g_autofree char *dir = esc_recovery_get_dir ();
  g_autofree char *base = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *info_path = NULL;
  g_autoptr(EscProject) copy = NULL;
  g_autoptr(GKeyFile) info = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (ESC_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  base = build_base (key);
  data_path = g_strconcat (base, ESC_PROJECT_FILE_EXTENSION, NULL);
  info_path = g_strconcat (base, ".ini", NULL);

  copy = esc_project_copy (project);
  if (!esc_project_file_save (copy, data_path, error))
    return FALSE;

  info = g_key_file_new ();
  g_key_file_set_string (info, INFO_GROUP, "key", key);
  if (original_path != NULL)
    g_key_file_set_string (info, INFO_GROUP, "path", original_path);
  g_key_file_set_string (info, INFO_GROUP, "name", display_name != NULL ? display_name : "");
  g_key_file_set_int64 (info, INFO_GROUP, "saved", g_date_time_to_unix (now));
  g_key_file_set_int64 (info, INFO_GROUP, "pid", (gint64) getpid ());
  return g_key_file_save_to_file (info, info_path, error);
}

void
esc_recovery_remove (const char *key)
{
  g_autofree char *base = NULL;

  g_return_if_fail (key != NULL);

  base = build_base (key);
  remove_base (base);
}

void
esc_recovery_discard (EscRecoveryFile *file)
{
  g_return_if_fail (file != NULL);

  esc_recovery_remove (file->key);
}

static gboolean
process_is_running_escala (gint64 pid)
{
  g_autofree char *comm_path = NULL;
  g_autofree char *comm = NULL;

  if (pid <= 0 || pid == (gint64) getpid ())
    return pid == (gint64) getpid ();
  if (kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
    return FALSE;

  comm_path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/comm", pid);
  if (!g_file_get_contents (comm_path, &comm, NULL, NULL))
    return TRUE;  /* no /proc: believe kill() */
  g_strstrip (comm);
  return g_str_has_prefix (comm, "escala");
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const EscRecoveryFile *fa = *(const EscRecoveryFile * const *) a;
  const EscRecoveryFile *fb = *(const EscRecoveryFile * const *) b;

  return g_date_time_compare (fb->saved, fa->saved);
}

GPtrArray *
esc_recovery_list (void)
{
  GPtrArray *files = g_ptr_array_new_with_free_func ((GDestroyNotify) esc_recovery_file_free);
  g_autofree char *dir_path = esc_recovery_get_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return files;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *info_path = NULL;
      g_autofree char *base = NULL;
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autoptr(EscRecoveryFile) file = NULL;

      if (!g_str_has_suffix (name, ".ini"))
        continue;
      info_path = g_build_filename (dir_path, name, NULL);
      if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
        continue;
      if (process_is_running_escala (g_key_file_get_int64 (info, INFO_GROUP, "pid", NULL)))
        continue;

      file = g_new0 (EscRecoveryFile, 1);
      file->key = g_key_file_get_string (info, INFO_GROUP, "key", NULL);
      base = g_strndup (info_path, strlen (info_path) - strlen (".ini"));
      file->data_path = g_strconcat (base, ESC_PROJECT_FILE_EXTENSION, NULL);
      file->original_path = g_key_file_get_string (info, INFO_GROUP, "path", NULL);
      file->display_name = g_key_file_get_string (info, INFO_GROUP, "name", NULL);
      file->saved = g_date_time_new_from_unix_local (g_key_file_get_int64 (info, INFO_GROUP,
                                                                           "saved", NULL));
      if (file->key == NULL || file->saved == NULL ||
          !g_file_test (file->data_path, G_FILE_TEST_IS_REGULAR))
        continue;
      g_ptr_array_add (files, g_steal_pointer (&file));
    }
  g_ptr_array_sort (files, compare_newest_first);
  return files;
}
