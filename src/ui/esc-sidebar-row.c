/* esc-sidebar-row.c: one page of the main window's sidebar: title, count and problems.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "esc-sidebar-row.h"

struct _EscSidebarRow
{
  GtkListBoxRow parent_instance;

  /* template children */
  GtkLabel *title_label;
  GtkLabel *badge;
  GtkLabel *count_label;

  char *key;
  char *section;
  guint n_problems;
};

G_DEFINE_FINAL_TYPE (EscSidebarRow, esc_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_KEY,
  PROP_TITLE,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
esc_sidebar_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EscSidebarRow *self = ESC_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_sidebar_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EscSidebarRow *self = ESC_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_free (self->key);
      self->key = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      gtk_label_set_label (self->title_label, g_value_get_string (value));
      break;
    case PROP_SECTION:
      g_free (self->section);
      self->section = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_sidebar_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ESC_TYPE_SIDEBAR_ROW);

  G_OBJECT_CLASS (esc_sidebar_row_parent_class)->dispose (object);
}

static void
esc_sidebar_row_finalize (GObject *object)
{
  EscSidebarRow *self = ESC_SIDEBAR_ROW (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->section, g_free);

  G_OBJECT_CLASS (esc_sidebar_row_parent_class)->finalize (object);
}

static void
esc_sidebar_row_class_init (EscSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = esc_sidebar_row_get_property;
  object_class->set_property = esc_sidebar_row_set_property;
  object_class->dispose = esc_sidebar_row_dispose;
  object_class->finalize = esc_sidebar_row_finalize;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EscSidebarRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EscSidebarRow, badge);
  gtk_widget_class_bind_template_child (widget_class, EscSidebarRow, count_label);
}

static void
esc_sidebar_row_init (EscSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
esc_sidebar_row_new (const char *key,
                     const char *title,
                     const char *section)
{
  return g_object_new (ESC_TYPE_SIDEBAR_ROW, "key", key, "title", title, "section", section,
                       NULL);
}

const char *
esc_sidebar_row_get_key (EscSidebarRow *self)
{
  g_return_val_if_fail (ESC_IS_SIDEBAR_ROW (self), NULL);

  return self->key;
}

const char *
esc_sidebar_row_get_title (EscSidebarRow *self)
{
  g_return_val_if_fail (ESC_IS_SIDEBAR_ROW (self), NULL);

  return gtk_label_get_label (self->title_label);
}

const char *
esc_sidebar_row_get_section (EscSidebarRow *self)
{
  g_return_val_if_fail (ESC_IS_SIDEBAR_ROW (self), NULL);

  return self->section;
}

void
esc_sidebar_row_set_count (EscSidebarRow *self,
                           int            count)
{
  char text[16];

  g_return_if_fail (ESC_IS_SIDEBAR_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->count_label), count >= 0);
  if (count < 0)
    return;
  g_snprintf (text, sizeof text, "%d", count);
  gtk_label_set_label (self->count_label, text);
}

void
esc_sidebar_row_set_problems (EscSidebarRow *self,
                              guint          n_errors,
                              guint          n_warnings)
{
  g_autofree char *tooltip = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  char text[16];

  g_return_if_fail (ESC_IS_SIDEBAR_ROW (self));

  self->n_problems = n_errors + n_warnings;
  gtk_widget_set_visible (GTK_WIDGET (self->badge), self->n_problems > 0);
  if (self->n_problems == 0)
    return;

  g_snprintf (text, sizeof text, "%u", n_errors > 0 ? n_errors : n_warnings);
  gtk_label_set_label (self->badge, text);
  if (n_errors > 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->badge), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->badge), "warning");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->badge), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->badge), "error");
    }

  errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
  warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
  if (n_errors > 0 && n_warnings > 0)
    /* TRANSLATORS: the tooltip of a sidebar badge: "2 errors, 1 warning" */
    tooltip = g_strdup_printf (_("%s, %s"), errors, warnings);
  else
    tooltip = g_strdup (n_errors > 0 ? errors : warnings);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->badge), tooltip);
}

guint
esc_sidebar_row_get_n_problems (EscSidebarRow *self)
{
  g_return_val_if_fail (ESC_IS_SIDEBAR_ROW (self), 0);

  return self->n_problems;
}
