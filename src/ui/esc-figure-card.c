/* esc-figure-card.c: a key figure as a card (esc-figure-card.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "esc-figure-card.h"

GtkWidget *
esc_figure_card_new (const char *value,
                     const char *caption)
{
  GtkWidget *box;
  GtkWidget *number;
  GtkWidget *label;

  g_return_val_if_fail (value != NULL && caption != NULL, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  number = gtk_label_new (value);
  label = gtk_label_new (caption);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_start (number, 12);
  gtk_widget_set_margin_end (number, 12);
  gtk_widget_set_margin_top (number, 10);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_bottom (label, 10);
  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (number, "esc-figure");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);
  /* A screen reader reads the card as one sentence: "91.3%, demand covered". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  caption, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value, -1);
  return box;
}
