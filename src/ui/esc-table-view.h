/* esc-table-view.h: a spreadsheet-style grid over one table of a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/esc-project.h"
#include "esc-grid-cell.h"

G_BEGIN_DECLS

#define ESC_TYPE_TABLE_VIEW (esc_table_view_get_type ())
G_DECLARE_FINAL_TYPE (EscTableView, esc_table_view, ESC, TABLE_VIEW, GtkWidget)

/* Fills a row the grid is about to add (defaults of the page showing the grid). */
typedef void (*EscRowInitFunc) (EscRow   *row,
                                gpointer  user_data);

GtkWidget      *esc_table_view_new               (EscProject     *project,
                                                  EscTableId      table);
EscProject     *esc_table_view_get_project       (EscTableView   *self);
EscTable       *esc_table_view_get_table         (EscTableView   *self);
EscTableId      esc_table_view_get_table_id      (EscTableView   *self);
GtkColumnView  *esc_table_view_get_column_view   (EscTableView   *self);
/* The rows shown (filtered and sorted), a GtkMultiSelection. */
GtkSelectionModel *esc_table_view_get_selection  (EscTableView   *self);

/* Problems of the whole project (EscDiagnostic); the grid shows those of its table in
 * the cells and counts them in its status bar. NULL clears them. */
void            esc_table_view_set_diagnostics   (EscTableView   *self,
                                                  GPtrArray      *diagnostics);
guint           esc_table_view_get_n_problems    (EscTableView   *self);

/* A filter applied besides the search (the holiday page's region), or NULL. */
void            esc_table_view_set_extra_filter  (EscTableView   *self,
                                                  GtkFilter      *filter);
void            esc_table_view_set_row_init_func (EscTableView   *self,
                                                  EscRowInitFunc  func,
                                                  gpointer        user_data,
                                                  GDestroyNotify  destroy);
/* Puts @widget at the start of the grid's toolbar. */
void            esc_table_view_add_toolbar_widget (EscTableView  *self,
                                                   GtkWidget     *widget);

void            esc_table_view_set_search_text   (EscTableView   *self,
                                                  const char     *text);
void            esc_table_view_focus_search      (EscTableView   *self);

/* The cell shown for (@position, @column), @position in the shown rows; NULL when that
 * row is not on screen (the grid only makes cells for what is visible). */
EscGridCell    *esc_table_view_get_cell          (EscTableView   *self,
                                                  guint           position,
                                                  guint           column);
/* Moves the cursor (and the keyboard focus) to (@position, @column), scrolling to it;
 * the focus lands once the row is on screen. */
void            esc_table_view_set_cursor        (EscTableView   *self,
                                                  guint           position,
                                                  guint           column);
/* FALSE when there is no cursor. */
gboolean        esc_table_view_get_cursor        (EscTableView   *self,
                                                  guint          *position,
                                                  guint          *column);

/* Pastes tab-separated @text at the cursor as one undoable command (what Ctrl+V does
 * with the clipboard's text). Returns the number of cells written. */
guint           esc_table_view_paste_text        (EscTableView   *self,
                                                  const char     *text);
/* The problems of the last paste, "row N, column X: message" (NULL-terminated). */
const char * const *esc_table_view_get_paste_problems (EscTableView *self);
/* Copies the selected rows (several) or the cursor's cell as tab-separated text. */
char           *esc_table_view_copy_text         (EscTableView   *self);

/* Ends the editing of the cell being edited, if any, keeping what was typed. */
void            esc_table_view_commit_editing    (EscTableView   *self);

G_END_DECLS
