/* esc-main-window.h: the main window: the project's sheets in a sidebar and the page
 * shown, the header bar's file and edit actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/esc-project.h"
#include "esc-recovery.h"
#include "esc-table-view.h"

G_BEGIN_DECLS

#define ESC_TYPE_MAIN_WINDOW (esc_main_window_get_type ())
G_DECLARE_FINAL_TYPE (EscMainWindow, esc_main_window, ESC, MAIN_WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests, benchmarks). */
EscMainWindow *esc_main_window_new         (AdwApplication *application);
/* Loads @file and shows it; on failure shows the reason in the window. Returns FALSE
 * (and sets @error) when the file could not be loaded. */
gboolean       esc_main_window_open_file   (EscMainWindow  *self,
                                            GFile          *file,
                                            GError        **error);
/* Shows @project (not read from a file: a generated or recovered one); @display_name
 * names it in the title. */
void           esc_main_window_set_project (EscMainWindow  *self,
                                            EscProject     *project,
                                            const char     *display_name);
/* The open project, or NULL. */
EscProject    *esc_main_window_get_project (EscMainWindow  *self);

/* Shows the page @name: a table key ("employee"), a sheet name ("Employee"), a title
 * ("Employees", translated or not) or one of "leave", "parameters", "schedule". FALSE
 * when no page has that name or no project is open. */
gboolean       esc_main_window_show_page   (EscMainWindow  *self,
                                            const char     *name);
/* The key of the page shown ("employee", "leave", ...), or NULL. */
const char    *esc_main_window_get_page    (EscMainWindow  *self);
/* The widget of page @name (made on first use), or NULL. */
GtkWidget     *esc_main_window_get_page_widget (EscMainWindow *self,
                                                const char    *name);
/* The grid of the page shown, or NULL when it has none. */
EscTableView  *esc_main_window_get_table_view (EscMainWindow *self);
/* Keys of every page, in sidebar order (NULL-terminated, static). */
const char * const *esc_main_window_list_pages (void);

/* The number of problems page @name's badge in the sidebar counts (found by the last
 * validation); 0 for no such page. */
guint          esc_main_window_get_n_problems (EscMainWindow *self,
                                               const char    *name);

/* Recomputes the validation now instead of after the short delay that follows edits. */
void           esc_main_window_validate_now (EscMainWindow *self);
/* Saves the project to @path (".escala" added when missing) as win.save-as does after
 * its file chooser; FALSE when it could not (the window says why, nothing changes). */
gboolean       esc_main_window_save_as_path (EscMainWindow *self,
                                             const char    *path);
/* Writes the recovery copy now if the project has unsaved changes (what the one-minute
 * timer does); TRUE when one was written. When it cannot be written, the window says so
 * once (a toast; win.autosave-details gives the reason) until a copy is written again. */
gboolean       esc_main_window_autosave_now (EscMainWindow *self);
/* The key the window's recovery copy is saved under (esc-recovery.h), or NULL. */
const char    *esc_main_window_get_recovery_key (EscMainWindow *self);
/* Opens @file's copy in this window (or a new one when this one shows a project):
 * the project file it came from with the unsaved changes applied as one undoable
 * command. */
gboolean       esc_main_window_recover     (EscMainWindow   *self,
                                            EscRecoveryFile *file,
                                            GError         **error);
/* Offers to recover the copies left by a crash, one dialog each. */
void           esc_main_window_offer_recovery (EscMainWindow *self);

/* Whether the window's action @name ("win.undo") is enabled now. */
gboolean       esc_main_window_get_action_enabled (EscMainWindow *self,
                                                   const char    *name);

/* Renders the window as it is now (through its own GSK renderer) to a PNG file. The
 * window must have been laid out, i.e. have drawn at least one frame. */
gboolean       esc_main_window_save_png    (EscMainWindow  *self,
                                            const char     *path,
                                            GError        **error);

/* Imports the workbook at @path as win.import does after its file chooser. */
void           esc_main_window_import_file (EscMainWindow  *self,
                                            const char     *path);
/* TRUE while a solve or an import runs. */
gboolean       esc_main_window_is_busy     (EscMainWindow  *self);
/* The last toast about a solve ("Schedule optimal: …"), or NULL. */
const char    *esc_main_window_get_solve_message (EscMainWindow *self);

G_END_DECLS
