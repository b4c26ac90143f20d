/* esc-figure-card.h: a key figure as a card (a large number over a short caption), as the
 * Overview and Staffing pages show them in a GtkFlowBox.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *esc_figure_card_new (const char *value,
                                const char *caption);

G_END_DECLS
