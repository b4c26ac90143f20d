/* esc-recovery.h: autosaved copies of unsaved projects, to recover after a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/esc-project.h"

G_BEGIN_DECLS

typedef struct
{
  char *key;             /* what the copy is saved under (the project's path, or a token) */
  char *data_path;       /* the copy, a project file */
  char *original_path;   /* the file it is a copy of, NULL for a project never saved */
  char *display_name;
  GDateTime *saved;      /* when the copy was written */
} EscRecoveryFile;

void        esc_recovery_file_free (EscRecoveryFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscRecoveryFile, esc_recovery_file_free)

/* g_get_user_state_dir()/escala/recovery */
char       *esc_recovery_get_dir   (void);

/* Writes a copy of @project (esc_project_file_save() on esc_project_copy(), so the
 * project itself stays modified and keeps its path) under @key, with what is needed to
 * offer it back: @original_path (may be NULL), @display_name, the time and this
 * process's id. */
gboolean    esc_recovery_save      (EscProject  *project,
                                    const char  *key,
                                    const char  *original_path,
                                    const char  *display_name,
                                    GError     **error);
/* Removes the copy saved under @key, if any. */
void        esc_recovery_remove    (const char  *key);
/* Removes the copy described by @file. */
void        esc_recovery_discard   (EscRecoveryFile *file);

/* The copies left by Escala processes that are no longer running (crashed or killed),
 * newest first: a GPtrArray of EscRecoveryFile. */
GPtrArray  *esc_recovery_list      (void);

G_END_DECLS
