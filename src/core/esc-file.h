/* esc-file.h: writing a file whole, without ever replacing what is not a regular file.
 *
 * Escala writes files atomically: a temporary file next to the target, then a rename
 * over it, so a crash leaves the old file or the new one. A rename over a device or a
 * FIFO replaces it, though: run as root, "escala-cli export -o /dev/null" used to turn
 * /dev/null into a regular file for the whole machine. These functions write into an
 * existing target that is not a regular file (after following symbolic links: /dev/stdout,
 * a named pipe) directly, and atomically otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @path exists and is not a regular file (a device, a FIFO, a socket) once
 * symbolic links are followed. A directory counts as special too (writing fails then). */
gboolean esc_file_is_special (const char *path);

/* g_file_set_contents (atomic, consistent), or a plain write into a special file. */
gboolean esc_file_set_contents (const char  *path,
                                const char  *contents,
                                gsize        length,
                                GError     **error);

/* Moves the finished @tmp_path over @path (g_rename), or, when @path is special, copies
 * its bytes into @path and removes @tmp_path. Errors are G_FILE_ERROR from errno. */
gboolean esc_file_replace_with (const char  *tmp_path,
                                const char  *path,
                                GError     **error);

G_END_DECLS
