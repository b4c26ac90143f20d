/* esc-date-button.c: a button that shows a date and picks one from a calendar.
 *
 * The button reads "Mon, 7 Dec 2026" (a translatable format, so every locale reads its
 * own order without the ambiguity of 07/12 against 12/07); its popover holds a
 * GtkCalendar and a Today button. Only a choice by the user emits ::date-picked, so
 * the pages that show a project's value never write it back by accident.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/esc-display.h"
#include "esc-date-button.h"

struct _EscDateButton
{
  GtkWidget parent_instance;

  /* template children */
  GtkMenuButton *button;
  GtkLabel *label;
  GtkPopover *popover;
  GtkCalendar *calendar;

  EscJulian date;
  gboolean updating;
  int shown_month;  /* year * 12 + month the calendar shows; paging selects a day too */
};

G_DEFINE_FINAL_TYPE (EscDateButton, esc_date_button, GTK_TYPE_WIDGET)

enum {
  DATE_PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GDateTime *
julian_to_date_time (EscJulian julian)
{
  g_autoptr(GDate) date = g_date_new_julian (julian);

  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
}

static int
month_of (GDateTime *date_time)
{
  return g_date_time_get_year (date_time) * 12 + g_date_time_get_month (date_time);
}

static void
update_label (EscDateButton *self)
{
  g_autoptr(GDateTime) date_time = NULL;
  g_autofree char *text = NULL;

  g_autofree char *spoken = NULL;

  if (self->date == 0 || !g_date_valid_julian (self->date))
    {
      gtk_label_set_label (self->label, _("No date"));
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("No date"),
                                      -1);
      return;
    }

  date_time = julian_to_date_time (self->date);
  /* TRANSLATORS: a short date on a button, as g_date_time_format() formats it:
   * "Mon, 7 Dec 2026" */
  text = g_date_time_format (date_time, _("%a, %-d %b %Y"));
  gtk_label_set_label (self->label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->label), "dim-label");
  /* A screen reader says the date in full, not its abbreviations. */
  spoken = esc_display_date_long (self->date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
}

static void
show_date_in_calendar (EscDateButton *self)
{
  g_autoptr(GDateTime) date_time = NULL;

  if (self->date == 0 || !g_date_valid_julian (self->date))
    date_time = g_date_time_new_now_local ();
  else
    date_time = julian_to_date_time (self->date);

  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, date_time);
  self->updating = FALSE;
  self->shown_month = month_of (date_time);
}

static void
calendar_day_selected_cb (EscDateButton *self)
{
  g_autoptr(GDateTime) date_time = NULL;
  g_autoptr(GDate) date = NULL;

  if (self->updating)
    return;
  date_time = gtk_calendar_get_date (self->calendar);
  if (month_of (date_time) != self->shown_month)
    {
      /* Paging to another month selects a day of it: that is not a choice. */
      self->shown_month = month_of (date_time);
      return;
    }

  date = g_date_new_dmy (g_date_time_get_day_of_month (date_time),
                         g_date_time_get_month (date_time),
                         g_date_time_get_year (date_time));
  gtk_popover_popdown (self->popover);
  esc_date_button_pick (self, g_date_get_julian (date));
}

static void
today_clicked_cb (EscDateButton *self)
{
  g_autoptr(GDate) date = g_date_new ();

  g_date_set_time_t (date, time (NULL));
  gtk_popover_popdown (self->popover);
  esc_date_button_pick (self, g_date_get_julian (date));
}

static void
popover_shown_cb (EscDateButton *self)
{
  show_date_in_calendar (self);
}

static void
esc_date_button_dispose (GObject *object)
{
  EscDateButton *self = ESC_DATE_BUTTON (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ESC_TYPE_DATE_BUTTON);
  /* Children of the template that are not bound by name stay parented: unparent them. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (esc_date_button_parent_class)->dispose (object);
}

static void
esc_date_button_class_init (EscDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = esc_date_button_dispose;

  /**
   * EscDateButton::date-picked:
   * @date: the Julian day picked
   *
   * The user picked a date from the calendar or pressed Today.
   */
  signals[DATE_PICKED] = g_signal_new ("date-picked", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, EscDateButton, button);
  gtk_widget_class_bind_template_child (widget_class, EscDateButton, label);
  gtk_widget_class_bind_template_child (widget_class, EscDateButton, popover);
  gtk_widget_class_bind_template_child (widget_class, EscDateButton, calendar);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_shown_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* A group around the button: the page names it (what the date is for), the button
   * says the date and, as its description, what pressing it does. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
esc_date_button_init (EscDateButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Pick a Date"),
                                  -1);
  update_label (self);
}

GtkWidget *
esc_date_button_new (void)
{
  return g_object_new (ESC_TYPE_DATE_BUTTON, NULL);
}

EscJulian
esc_date_button_get_date (EscDateButton *self)
{
  g_return_val_if_fail (ESC_IS_DATE_BUTTON (self), 0);

  return self->date;
}

void
esc_date_button_set_date (EscDateButton *self,
                          EscJulian      date)
{
  g_return_if_fail (ESC_IS_DATE_BUTTON (self));

  self->date = date;
  update_label (self);
}

void
esc_date_button_pick (EscDateButton *self,
                      EscJulian      date)
{
  g_return_if_fail (ESC_IS_DATE_BUTTON (self));

  esc_date_button_set_date (self, date);
  g_signal_emit (self, signals[DATE_PICKED], 0, (guint) date);
}
