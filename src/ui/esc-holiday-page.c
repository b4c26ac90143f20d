/* esc-holiday-page.c: the Holidays page: the holiday grid with a choice of region.
 *
 * HR keeps holidays per region. The region chooser lists: all holidays, national ones,
 * each state some location is in, and each location. Choosing one filters the grid and
 * fills the rows added there:
 * - National: holidays marked national; new rows are national.
 * - State XX: holidays whose region is XX; new rows get national = no, region = XX.
 * - Location L: every holiday that applies to L (national, its state's and its own,
 *   by esc_calendar_holiday_applies(), the rule the solver uses); new rows are
 *   municipal: national = no, region = L.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/esc-calendar.h"
#include "core/esc-table.h"
#include "esc-holiday-page.h"

struct _EscHolidayPage
{
  GtkWidget parent_instance;

  /* template children */
  GtkDropDown *region_dropdown;
  GtkStringList *region_names;

  EscProject *project;
  EscTableView *table_view;
  GtkCustomFilter *filter;
  GPtrArray *region_keys;     /* char *: "", "national", "state:SP", "location:LOC01" */
  char *region;               /* the chosen key */
  char *locations_signature;  /* ids, states and cities the chooser was made from */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (EscHolidayPage, esc_holiday_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
region_value (const char *key,
              const char *prefix)
{
  return g_str_has_prefix (key, prefix) ? key + strlen (prefix) : NULL;
}

static gboolean
holiday_is_national (EscRow *row)
{
  gboolean national = FALSE;

  return esc_parse_bool (esc_row_get (row, ESC_HOLIDAY_NATIONAL), &national, NULL) && national;
}

static gboolean
holiday_shown_cb (gpointer item,
                  gpointer user_data)
{
  EscHolidayPage *self = user_data;
  EscRow *row = item;
  const char *value;
  g_autofree char *region = NULL;

  if (self->region == NULL || *self->region == '\0')
    return TRUE;
  if (g_str_equal (self->region, "national"))
    return holiday_is_national (row);

  region = esc_strip_dup (esc_row_get (row, ESC_HOLIDAY_REGION));
  if ((value = region_value (self->region, "state:")) != NULL)
    return !holiday_is_national (row) && g_ascii_strcasecmp (region, value) == 0;

  if ((value = region_value (self->region, "location:")) != NULL)
    {
      EscRow *location = esc_table_find (esc_project_get_table (self->project, ESC_TABLE_LOCATION),
                                         value);

      if (location == NULL)
        return g_strcmp0 (region, value) == 0;
      return esc_calendar_holiday_applies (holiday_is_national (row),
                                           esc_row_get (row, ESC_HOLIDAY_COUNTRY), region,
                                           esc_row_get (location, ESC_LOCATION_ID),
                                           esc_row_get (location, ESC_LOCATION_STATE),
                                           esc_row_get (location, ESC_LOCATION_COUNTRY), NULL);
    }
  return TRUE;
}

static void
init_new_row (EscRow   *row,
              gpointer  user_data)
{
  EscHolidayPage *self = user_data;
  const char *value;

  if (self->region == NULL || *self->region == '\0')
    return;
  if (g_str_equal (self->region, "national"))
    {
      esc_row_set (row, ESC_HOLIDAY_NATIONAL, "yes");
      return;
    }
  if ((value = region_value (self->region, "state:")) == NULL)
    value = region_value (self->region, "location:");
  if (value != NULL)
    {
      esc_row_set (row, ESC_HOLIDAY_NATIONAL, "no");
      esc_row_set (row, ESC_HOLIDAY_REGION, value);
    }
}

static void
add_region (EscHolidayPage *self,
            const char     *key,
            const char     *name)
{
  g_ptr_array_add (self->region_keys, g_strdup (key));
  gtk_string_list_append (self->region_names, name);
}

static void
fill_regions (EscHolidayPage *self)
{
  EscTable *locations = esc_project_get_table (self->project, ESC_TABLE_LOCATION);
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) state_list = g_ptr_array_new ();
  guint n = esc_table_get_n_rows (locations);
  guint n_names = g_list_model_get_n_items (G_LIST_MODEL (self->region_names));
  guint selected = 0;

  self->updating = TRUE;
  g_ptr_array_set_size (self->region_keys, 0);
  gtk_string_list_splice (self->region_names, 0, n_names, NULL);

  add_region (self, "", _("All Regions"));
  add_region (self, "national", _("National"));
  for (guint i = 0; i < n; i++)
    {
      char *state = esc_strip_dup (esc_row_get (esc_table_get_row (locations, i),
                                                ESC_LOCATION_STATE));

      if (*state == '\0' || g_hash_table_contains (states, state))
        {
          g_free (state);
          continue;
        }
      g_hash_table_add (states, state);
      g_ptr_array_add (state_list, state);
    }
  for (guint i = 0; i < state_list->len; i++)
    {
      const char *state = g_ptr_array_index (state_list, i);
      g_autofree char *key = g_strconcat ("state:", state, NULL);
      /* TRANSLATORS: a region in the holiday page's chooser: "State SP" */
      g_autofree char *name = g_strdup_printf (_("State %s"), state);

      add_region (self, key, name);
    }
  for (guint i = 0; i < n; i++)
    {
      EscRow *location = esc_table_get_row (locations, i);
      g_autofree char *id = esc_strip_dup (esc_row_get (location, ESC_LOCATION_ID));
      g_autofree char *key = NULL;
      g_autofree char *name = NULL;
      const char *city = esc_row_get (location, ESC_LOCATION_CITY);

      if (*id == '\0')
        continue;
      key = g_strconcat ("location:", id, NULL);
      if (*city != '\0')
        /* TRANSLATORS: a location in the holiday page's chooser: "LOC01 (São Paulo)" */
        name = g_strdup_printf (_("%s (%s)"), id, city);
      else
        name = g_strdup (id);
      add_region (self, key, name);
    }

  for (guint i = 0; i < self->region_keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->region_keys, i), self->region) == 0)
      selected = i;
  gtk_drop_down_set_selected (self->region_dropdown, selected);
  g_free (self->region);
  self->region = g_strdup (g_ptr_array_index (self->region_keys, selected));
  self->updating = FALSE;
}

static void
region_selected_cb (EscHolidayPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->region_dropdown);

  if (self->updating || selected >= self->region_keys->len)
    return;
  g_free (self->region);
  self->region = g_strdup (g_ptr_array_index (self->region_keys, selected));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static char *
sign_locations (EscHolidayPage *self)
{
  EscTable *locations = esc_project_get_table (self->project, ESC_TABLE_LOCATION);
  GString *signature = g_string_new (NULL);

  for (guint i = 0; i < esc_table_get_n_rows (locations); i++)
    {
      EscRow *row = esc_table_get_row (locations, i);

      g_string_append_printf (signature, "%s\t%s\t%s\t%s\n", esc_row_get (row, ESC_LOCATION_ID),
                              esc_row_get (row, ESC_LOCATION_STATE),
                              esc_row_get (row, ESC_LOCATION_CITY),
                              esc_row_get (row, ESC_LOCATION_COUNTRY));
    }
  return g_string_free (signature, FALSE);
}

static void
locations_changed_cb (EscHolidayPage *self)
{
  g_autofree char *signature = sign_locations (self);

  /* Every command comes here: only the locations matter. */
  if (g_strcmp0 (signature, self->locations_signature) == 0)
    return;
  g_free (self->locations_signature);
  self->locations_signature = g_steal_pointer (&signature);
  fill_regions (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
esc_holiday_page_constructed (GObject *object)
{
  EscHolidayPage *self = ESC_HOLIDAY_PAGE (object);
  GtkWidget *box;
  GtkWidget *label;

  G_OBJECT_CLASS (esc_holiday_page_parent_class)->constructed (object);

  self->table_view = ESC_TABLE_VIEW (esc_table_view_new (self->project, ESC_TABLE_HOLIDAY));
  gtk_widget_set_vexpand (GTK_WIDGET (self->table_view), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->table_view), GTK_WIDGET (self));

  /* The chooser goes into the grid's toolbar. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Region"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->region_dropdown));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->region_dropdown));
  esc_table_view_add_toolbar_widget (self->table_view, box);

  self->filter = gtk_custom_filter_new (holiday_shown_cb, self, NULL);
  esc_table_view_set_extra_filter (self->table_view, GTK_FILTER (self->filter));
  esc_table_view_set_row_init_func (self->table_view, init_new_row, self, NULL);

  self->locations_signature = sign_locations (self);
  fill_regions (self);
  g_signal_connect_object (esc_project_get_table (self->project, ESC_TABLE_LOCATION),
                           "items-changed", G_CALLBACK (locations_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Editing a location's state or id changes the regions too. */
  g_signal_connect_object (self->project, "changed", G_CALLBACK (locations_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
esc_holiday_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EscHolidayPage *self = ESC_HOLIDAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_holiday_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EscHolidayPage *self = ESC_HOLIDAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_set_object (&self->project, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_holiday_page_dispose (GObject *object)
{
  EscHolidayPage *self = ESC_HOLIDAY_PAGE (object);
  GtkWidget *child;

  if (self->table_view != NULL)
    {
      esc_table_view_set_row_init_func (self->table_view, NULL, NULL, NULL);
      gtk_widget_unparent (GTK_WIDGET (self->table_view));
      self->table_view = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), ESC_TYPE_HOLIDAY_PAGE);
  /* Children of the template that are not bound by name stay parented: unparent them. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->filter);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (esc_holiday_page_parent_class)->dispose (object);
}

static void
esc_holiday_page_finalize (GObject *object)
{
  EscHolidayPage *self = ESC_HOLIDAY_PAGE (object);

  g_clear_pointer (&self->region_keys, g_ptr_array_unref);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->locations_signature, g_free);

  G_OBJECT_CLASS (esc_holiday_page_parent_class)->finalize (object);
}

static void
esc_holiday_page_class_init (EscHolidayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = esc_holiday_page_constructed;
  object_class->get_property = esc_holiday_page_get_property;
  object_class->set_property = esc_holiday_page_set_property;
  object_class->dispose = esc_holiday_page_dispose;
  object_class->finalize = esc_holiday_page_finalize;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, ESC_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS |
                         G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-holiday-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EscHolidayPage, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EscHolidayPage, region_names);
  gtk_widget_class_bind_template_callback (widget_class, region_selected_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
esc_holiday_page_init (EscHolidayPage *self)
{
  self->region_keys = g_ptr_array_new_with_free_func (g_free);
  self->region = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
esc_holiday_page_new (EscProject *project)
{
  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  return g_object_new (ESC_TYPE_HOLIDAY_PAGE, "project", project, NULL);
}

EscTableView *
esc_holiday_page_get_table_view (EscHolidayPage *self)
{
  g_return_val_if_fail (ESC_IS_HOLIDAY_PAGE (self), NULL);

  return self->table_view;
}

gboolean
esc_holiday_page_set_region (EscHolidayPage *self,
                             const char     *region)
{
  g_return_val_if_fail (ESC_IS_HOLIDAY_PAGE (self), FALSE);

  for (guint i = 0; i < self->region_keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->region_keys, i), region != NULL ? region : "") == 0)
      {
        gtk_drop_down_set_selected (self->region_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

const char *
esc_holiday_page_get_region (EscHolidayPage *self)
{
  g_return_val_if_fail (ESC_IS_HOLIDAY_PAGE (self), NULL);

  return self->region;
}
