/* esc-sidebar-row.h: one page of the main window's sidebar: title, count and problems.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ESC_TYPE_SIDEBAR_ROW (esc_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (EscSidebarRow, esc_sidebar_row, ESC, SIDEBAR_ROW, GtkListBoxRow)

GtkWidget  *esc_sidebar_row_new          (const char    *key,
                                          const char    *title,
                                          const char    *section);
const char *esc_sidebar_row_get_key      (EscSidebarRow *self);
const char *esc_sidebar_row_get_title    (EscSidebarRow *self);
/* The translated heading of the group of pages the row begins, or NULL. */
const char *esc_sidebar_row_get_section  (EscSidebarRow *self);
/* The number of rows shown at the end; -1 hides it. */
void        esc_sidebar_row_set_count    (EscSidebarRow *self,
                                          int            count);
/* The badge: @n_errors in red, or @n_warnings in amber when there is no error. */
void        esc_sidebar_row_set_problems (EscSidebarRow *self,
                                          guint          n_errors,
                                          guint          n_warnings);
guint       esc_sidebar_row_get_n_problems (EscSidebarRow *self);

G_END_DECLS
