/* esc-leave-row.c: one leave interval of an employee, with two date pickers and
 * optional times.
 *
 * The row emits ::changed when the user picks a date or enters a time that reads, and
 * ::remove when the trash button is pressed; the Leave page writes the employee's leave
 * cell from all its rows. Picking a start after the end moves the end with it (and the
 * other way round), so a row always holds an interval that parses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "esc-leave-row.h"

struct _EscLeaveRow
{
  GtkListBoxRow parent_instance;

  /* template children */
  EscDateButton *start_button;
  EscDateButton *end_button;
  GtkEntry *start_time;
  GtkEntry *end_time;
  GtkLabel *length_label;

  gboolean updating;
};

G_DEFINE_FINAL_TYPE (EscLeaveRow, esc_leave_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* -1 for an empty entry; -2 for one that does not read. */
static int
read_time (GtkEntry *entry,
           gboolean  allow_24)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *trimmed = esc_strip_dup (text);
  int minutes;

  if (*trimmed == '\0')
    return -1;
  if (!esc_parse_time (trimmed, allow_24, &minutes, NULL))
    return -2;
  return minutes;
}

static void
show_time (GtkEntry *entry,
           int       minutes)
{
  g_autofree char *text = minutes >= 0 ? esc_format_time (minutes) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
update_length (EscLeaveRow *self)
{
  EscLeaveSpan span;
  g_autofree char *text = NULL;

  esc_leave_row_get_span (self, &span);
  if (span.start_day == 0 || span.end_day < span.start_day)
    text = g_strdup ("");
  else
    {
      guint days = span.end_day - span.start_day + 1;

      text = g_strdup_printf (ngettext ("%u day", "%u days", days), days);
    }
  gtk_label_set_label (self->length_label, text);
}

static void
emit_changed (EscLeaveRow *self)
{
  update_length (self);
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
start_picked_cb (EscLeaveRow *self,
                 guint        date)
{
  if (esc_date_button_get_date (self->end_button) < date)
    esc_date_button_set_date (self->end_button, date);
  emit_changed (self);
}

static void
end_picked_cb (EscLeaveRow *self,
               guint        date)
{
  if (esc_date_button_get_date (self->start_button) > date)
    esc_date_button_set_date (self->start_button, date);
  emit_changed (self);
}

static void
time_committed_cb (EscLeaveRow *self,
                   GtkEntry    *entry)
{
  int minutes = read_time (entry, entry == self->end_time);

  if (minutes == -2)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  emit_changed (self);
}

static void
time_activated_cb (GtkEntry    *entry,
                   EscLeaveRow *self)
{
  time_committed_cb (self, entry);
}

static void
time_focus_left_cb (GtkEventControllerFocus *controller,
                    EscLeaveRow             *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  time_committed_cb (self, GTK_ENTRY (entry));
}

static void
remove_clicked_cb (EscLeaveRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
esc_leave_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ESC_TYPE_LEAVE_ROW);

  G_OBJECT_CLASS (esc_leave_row_parent_class)->dispose (object);
}

static void
esc_leave_row_class_init (EscLeaveRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = esc_leave_row_dispose;

  /**
   * EscLeaveRow::changed:
   *
   * The user changed the interval.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * EscLeaveRow::remove:
   *
   * The user asked to remove the interval.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ESC_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-leave-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EscLeaveRow, start_button);
  gtk_widget_class_bind_template_child (widget_class, EscLeaveRow, end_button);
  gtk_widget_class_bind_template_child (widget_class, EscLeaveRow, start_time);
  gtk_widget_class_bind_template_child (widget_class, EscLeaveRow, end_time);
  gtk_widget_class_bind_template_child (widget_class, EscLeaveRow, length_label);
  gtk_widget_class_bind_template_callback (widget_class, start_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
esc_leave_row_init (EscLeaveRow *self)
{
  GtkEntry *entries[] = { NULL, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));

  entries[0] = self->start_time;
  entries[1] = self->end_time;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkEventController *controller = gtk_event_controller_focus_new ();

      g_signal_connect (controller, "leave", G_CALLBACK (time_focus_left_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (entries[i]), controller);
    }
}

GtkWidget *
esc_leave_row_new (void)
{
  return g_object_new (ESC_TYPE_LEAVE_ROW, NULL);
}

void
esc_leave_row_set_span (EscLeaveRow        *self,
                        const EscLeaveSpan *span)
{
  g_return_if_fail (ESC_IS_LEAVE_ROW (self));
  g_return_if_fail (span != NULL);

  self->updating = TRUE;
  esc_date_button_set_date (self->start_button, span->start_day);
  esc_date_button_set_date (self->end_button, span->end_day);
  show_time (self->start_time, span->start_minutes);
  show_time (self->end_time, span->end_minutes);
  update_length (self);
  self->updating = FALSE;
}

void
esc_leave_row_get_span (EscLeaveRow  *self,
                        EscLeaveSpan *span)
{
  int start, end;

  g_return_if_fail (ESC_IS_LEAVE_ROW (self));
  g_return_if_fail (span != NULL);

  start = read_time (self->start_time, FALSE);
  end = read_time (self->end_time, TRUE);
  span->start_day = esc_date_button_get_date (self->start_button);
  span->end_day = esc_date_button_get_date (self->end_button);
  span->start_minutes = start >= 0 ? start : -1;
  span->end_minutes = end >= 0 ? end : -1;
}

EscDateButton *
esc_leave_row_get_start_button (EscLeaveRow *self)
{
  g_return_val_if_fail (ESC_IS_LEAVE_ROW (self), NULL);

  return self->start_button;
}

EscDateButton *
esc_leave_row_get_end_button (EscLeaveRow *self)
{
  g_return_val_if_fail (ESC_IS_LEAVE_ROW (self), NULL);

  return self->end_button;
}

GtkEditable *
esc_leave_row_get_start_time (EscLeaveRow *self)
{
  g_return_val_if_fail (ESC_IS_LEAVE_ROW (self), NULL);

  return GTK_EDITABLE (self->start_time);
}

GtkEditable *
esc_leave_row_get_end_time (EscLeaveRow *self)
{
  g_return_val_if_fail (ESC_IS_LEAVE_ROW (self), NULL);

  return GTK_EDITABLE (self->end_time);
}

GArray *
esc_leave_spans_from_intervals (GArray *intervals)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (EscLeaveSpan));

  for (guint i = 0; intervals != NULL && i < intervals->len; i++)
    {
      const EscInterval *interval = &g_array_index (intervals, EscInterval, i);
      EscLeaveSpan span;

      if (interval->start % ESC_MINUTES_PER_DAY == 0 && interval->end % ESC_MINUTES_PER_DAY == 0)
        {
          span.start_day = interval->start / ESC_MINUTES_PER_DAY;
          span.end_day = interval->end / ESC_MINUTES_PER_DAY - 1;
          span.start_minutes = span.end_minutes = -1;
        }
      else
        {
          span.start_day = interval->start / ESC_MINUTES_PER_DAY;
          span.start_minutes = interval->start % ESC_MINUTES_PER_DAY;
          span.end_day = interval->end / ESC_MINUTES_PER_DAY;
          span.end_minutes = interval->end % ESC_MINUTES_PER_DAY;
          if (span.end_minutes == 0)
            {
              span.end_day--;
              span.end_minutes = ESC_MINUTES_PER_DAY;
            }
        }
      g_array_append_val (spans, span);
    }
  return spans;
}

char *
esc_leave_spans_format (GArray *spans)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      const EscLeaveSpan *span = &g_array_index (spans, EscLeaveSpan, i);
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      if (span->start_day == 0 || span->end_day == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");

      if (span->start_minutes < 0 && span->end_minutes < 0)
        {
          start = esc_format_date_dmy (span->start_day);
          if (span->end_day <= span->start_day)
            g_string_append (text, start);
          else
            {
              end = esc_format_date_dmy (span->end_day);
              g_string_append_printf (text, "%s - %s", start, end);
            }
        }
      else
        {
          int start_minutes = MAX (span->start_minutes, 0);
          int end_minutes = span->end_minutes < 0 ? ESC_MINUTES_PER_DAY : span->end_minutes;
          EscJulian end_day = MAX (span->end_day, span->start_day);
          g_autofree char *start_time = NULL;
          g_autofree char *end_time = NULL;

          /* The end of a day is written as midnight of the next. */
          if (end_minutes >= ESC_MINUTES_PER_DAY)
            {
              end_day++;
              end_minutes = 0;
            }
          start = esc_format_date_dmy (span->start_day);
          end = esc_format_date_dmy (end_day);
          start_time = esc_format_time (start_minutes);
          end_time = esc_format_time (end_minutes);
          g_string_append_printf (text, "%s %s - %s %s", start, start_time, end, end_time);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
