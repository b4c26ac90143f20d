/* esc-project-file.h: the project file (.escala), JSON read and written with json-glib.
 *
 * The format (version ESC_PROJECT_FILE_VERSION):
 *
 *   {
 *     "format" : "escala-project",
 *     "version" : 1,
 *     "generator" : "Escala 0.1.0",
 *     "tables" : {
 *       "location" : [ { "id" : "LOC01", "city" : "São Paulo", ... }, ... ],
 *       ...
 *       "parameter" : [ { "key" : "start_date", "value" : "2026-12-07" }, ... ],
 *       ...
 *     }
 *   }
 *
 * Table keys and column keys are those of esc-schema.h (EscTableSchema.key,
 * EscColumn.key). Every cell is a string, exactly as stored in the row; empty cells are
 * left out. A row's extras (columns an import did not know, esc_row_set_extra()) are
 * written as "_extra" : { "key" : "value", ... }. Saving is deterministic: tables in
 * schema order (empty ones too, as []), cells in column order, extras sorted by key,
 * pretty-printed UTF-8 with a final newline, so saving an unchanged project twice gives
 * the same bytes.
 *
 * Loading is lenient where it cannot lose anything and strict where it could:
 * - cells may also be numbers (written as canonical text: 44, 7.5), booleans ("yes" /
 *   "no") or null (empty), so that hand-written files work;
 * - row members that are not columns of the table are kept as the row's extras, as are
 *   the members of "_extra"; an "_extra" member named like a column of the table fills
 *   that column when the row leaves it empty (a file saved by an older Escala that did
 *   not know the column yet);
 * - tables and top-level sections this version does not know are left out and
 *   reported in the notes of the _full() variants (they would be lost by a save);
 * - anything else malformed is refused with an ESC_IO_ERROR that names the file and
 *   the table, row (1-based) and column: not JSON (with line and column), not an object,
 *   no "format" : "escala-project" (ESC_IO_ERROR_FORMAT), a "version" newer than
 *   ESC_PROJECT_FILE_VERSION (ESC_IO_ERROR_VERSION), a table that is not a list of
 *   rows, a row that is not an object, a cell that is an object or a list.
 * A failed load returns NULL and never a partial project.
 *
 * Saving is atomic: the text goes to "<path>.XXXXXX" in the target's directory, is
 * flushed to disk, the previous file (if any) is hard-linked (or, where links are not
 * supported, copied) to "<path>.bak", and the temporary file is renamed over @path.
 * At every instant @path holds either the previous or the new content; on failure the
 * previous file is untouched and the temporary file removed. A symbolic link at @path
 * is followed: its target is replaced, the link stays. An existing file keeps its
 * permissions; a new one gets 0666 minus the umask. A file without write permission is
 * not replaced (as g_file_replace() does). The messages of a failed save say what to do
 * when the disk is full, read-only or not ours to write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/esc-project.h"

G_BEGIN_DECLS

#define ESC_PROJECT_FILE_FORMAT    "escala-project"
#define ESC_PROJECT_FILE_VERSION   1
#define ESC_PROJECT_FILE_EXTENSION ".escala"

/* Loads the project at @path (GLib file name encoding). On success the project's path
 * is @path and it is marked saved (not modified). */
EscProject *esc_project_file_load           (const char  *path,
                                             GError     **error);
/* As esc_project_file_load(); @notes (may be NULL) receives a NULL-terminated array of
 * translated messages about content that was left out (free with g_strfreev). */
EscProject *esc_project_file_load_full      (const char  *path,
                                             char      ***notes,
                                             GError     **error);

/* From memory (tests, fuzzing, autosave recovery): @len may be -1 for a NUL-terminated
 * string. The project has no path and is marked saved. */
EscProject *esc_project_file_load_data      (const char  *data,
                                             gssize       len,
                                             GError     **error);
/* @display_name names the data in messages (NULL: "project"); @notes as above. */
EscProject *esc_project_file_load_data_full (const char  *data,
                                             gssize       len,
                                             const char  *display_name,
                                             char      ***notes,
                                             GError     **error);

/* Saves atomically (see above). On success sets the project's path to @path and marks
 * it saved; on failure (ESC_IO_ERROR_WRITE, naming the path and the reason) the project
 * and the previous file are unchanged. */
gboolean    esc_project_file_save           (EscProject  *project,
                                             const char  *path,
                                             GError     **error);

/* The file's text (UTF-8, NUL-terminated); @len (may be NULL) gets its length. */
char       *esc_project_file_to_data        (EscProject  *project,
                                             gsize       *len);

/* Tests: makes saves fail as a full or read-only disk would. @func (NULL: none) is
 * called by every save with the path given to it, after the temporary file is made and
 * before the text is written; a non-zero return is taken as the errno of that write
 * (ENOSPC, EACCES, EROFS...): the save fails as it then would, the temporary file
 * removed and the previous file untouched. Not thread-safe: set it while nothing saves. */
typedef int (*EscProjectFileFailFunc) (const char *path,
                                       gpointer    user_data);
void        esc_project_file_set_fail_func  (EscProjectFileFailFunc func,
                                             gpointer               user_data);

G_END_DECLS
