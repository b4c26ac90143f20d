/* esc-date-button.h: a button that shows a date and picks one from a calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/esc-parse.h"

G_BEGIN_DECLS

#define ESC_TYPE_DATE_BUTTON (esc_date_button_get_type ())
G_DECLARE_FINAL_TYPE (EscDateButton, esc_date_button, ESC, DATE_BUTTON, GtkWidget)

GtkWidget *esc_date_button_new      (void);
/* The date shown, 0 when none. */
EscJulian  esc_date_button_get_date (EscDateButton *self);
/* Shows @date (0: none) without emitting ::date-picked. */
void       esc_date_button_set_date (EscDateButton *self,
                                     EscJulian      date);
/* Picks @date as the user would: shows it and emits ::date-picked. */
void       esc_date_button_pick     (EscDateButton *self,
                                     EscJulian      date);

G_END_DECLS
