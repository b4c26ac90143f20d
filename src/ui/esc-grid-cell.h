/* esc-grid-cell.h: one cell of an EscTableView, typed by its column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/esc-row.h"

G_BEGIN_DECLS

#define ESC_TYPE_GRID_CELL (esc_grid_cell_get_type ())
G_DECLARE_FINAL_TYPE (EscGridCell, esc_grid_cell, ESC, GRID_CELL, GtkWidget)

typedef struct _EscTableView EscTableView;

/* A cell for @column of @view's table; the view's column factory makes them. */
GtkWidget   *esc_grid_cell_new            (EscTableView *view,
                                           guint         column);

/* Shows @row (held until unbind) for the list item @item; unbind first drops the
 * editing (committing it) and the row. */
void         esc_grid_cell_bind           (EscGridCell  *self,
                                           GtkListItem  *item,
                                           EscRow       *row);
void         esc_grid_cell_unbind         (EscGridCell  *self);

EscRow      *esc_grid_cell_get_row        (EscGridCell  *self);
guint        esc_grid_cell_get_column     (EscGridCell  *self);
/* The position of the bound row in the view's (filtered, sorted) model, or
 * GTK_INVALID_LIST_POSITION when unbound. */
guint        esc_grid_cell_get_position   (EscGridCell  *self);

/* The GtkEditableLabel of text-like cells, NULL for yes/no cells. */
GtkEditable *esc_grid_cell_get_editable   (EscGridCell  *self);
/* The GtkCheckButton of yes/no cells, NULL for the others. */
GtkCheckButton *esc_grid_cell_get_check_button (EscGridCell *self);

/* Moves the keyboard focus into the cell. */
gboolean     esc_grid_cell_focus          (EscGridCell  *self);
/* Starts editing; @initial_text (may be NULL) replaces the text, as typing over a
 * cell in a spreadsheet does. FALSE for cells that have no text (yes/no). */
gboolean     esc_grid_cell_start_editing  (EscGridCell  *self,
                                           const char   *initial_text);
void         esc_grid_cell_stop_editing   (EscGridCell  *self,
                                           gboolean      commit);
gboolean     esc_grid_cell_get_editing    (EscGridCell  *self);
/* Opens the cell's picker (drop-down list, calendar, weekdays); FALSE when it has none. */
gboolean     esc_grid_cell_open_picker    (EscGridCell  *self);

/* A press of the primary button at (@x, @y) in the cell, seen by the view's click
 * gesture (one for the whole grid rather than one per cell): selects the row and puts
 * the cursor on the cell, or starts editing (second click, double click). TRUE when
 * the click is the cell's (the gesture should claim it). */
gboolean     esc_grid_cell_pressed        (EscGridCell  *self,
                                           GtkGesture   *gesture,
                                           int           n_press,
                                           double        x,
                                           double        y);

/* Re-reads the row's value and the view's diagnostics and updates the cell's look
 * (error / warning / cursor classes and the tooltip). */
void         esc_grid_cell_update_state   (EscGridCell  *self);
/* The problem shown, or NULL; "error" or "warning" in @severity_class. */
const char  *esc_grid_cell_get_problem    (EscGridCell  *self,
                                           const char  **severity_class);

G_END_DECLS
