/* esc-project.c: the project document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-core"

#include <glib/gi18n-lib.h>

#include "esc-calendar.h"
#include "esc-error.h"
#include "esc-project.h"

struct _EscProject
{
  GObject parent_instance;

  EscTable *tables[ESC_N_TABLES];
  EscUndoStack *undo;
  char *path;
  guint64 generation;
};

G_DEFINE_FINAL_TYPE (EscProject, esc_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
undo_clean_changed_cb (EscProject   *self,
                       GParamSpec   *pspec,
                       EscUndoStack *undo)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
undo_command_cb (EscProject   *self,
                 EscCommand   *command,
                 EscUndoStack *undo)
{
  self->generation++;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
esc_project_dispose (GObject *object)
{
  EscProject *self = (EscProject *) object;

  for (guint t = 0; t < ESC_N_TABLES; t++)
    g_clear_object (&self->tables[t]);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (esc_project_parent_class)->dispose (object);
}

static void
esc_project_finalize (GObject *object)
{
  EscProject *self = (EscProject *) object;

  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (esc_project_parent_class)->finalize (object);
}

static void
esc_project_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  EscProject *self = ESC_PROJECT (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, esc_project_get_modified (self));
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_project_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  EscProject *self = ESC_PROJECT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      esc_project_set_path (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_project_class_init (EscProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = esc_project_dispose;
  object_class->finalize = esc_project_finalize;
  object_class->get_property = esc_project_get_property;
  object_class->set_property = esc_project_set_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EscProject::changed:
   *
   * After every change made through commands: executed, undone or redone. Views that
   * show more than one table listen to this instead of the undo stack's three signals.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
esc_project_init (EscProject *self)
{
  for (guint t = 0; t < ESC_N_TABLES; t++)
    self->tables[t] = esc_table_new (t);
  self->undo = esc_undo_stack_new ();
  g_signal_connect_object (self->undo, "notify::clean", G_CALLBACK (undo_clean_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "executed", G_CALLBACK (undo_command_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "undone", G_CALLBACK (undo_command_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "redone", G_CALLBACK (undo_command_cb), self,
                           G_CONNECT_SWAPPED);
}

EscProject *
esc_project_new (void)
{
  return g_object_new (ESC_TYPE_PROJECT, NULL);
}

EscTable *
esc_project_get_table (EscProject *self,
                       EscTableId  id)
{
  g_return_val_if_fail (ESC_IS_PROJECT (self), NULL);
  g_return_val_if_fail (id < ESC_N_TABLES, NULL);
  return self->tables[id];
}

EscUndoStack *
esc_project_get_undo_stack (EscProject *self)
{
  g_return_val_if_fail (ESC_IS_PROJECT (self), NULL);
  return self->undo;
}

void
esc_project_execute (EscProject *self,
                     EscCommand *command)
{
  g_return_if_fail (ESC_IS_PROJECT (self));
  esc_undo_stack_execute (self->undo, command);
}

void
esc_project_execute_take (EscProject *self,
                          EscCommand *command)
{
  g_autoptr(EscCommand) owned = command;

  esc_project_execute (self, owned);
}

gboolean
esc_project_undo (EscProject *self)
{
  g_return_val_if_fail (ESC_IS_PROJECT (self), FALSE);
  return esc_undo_stack_undo (self->undo);
}

gboolean
esc_project_redo (EscProject *self)
{
  g_return_val_if_fail (ESC_IS_PROJECT (self), FALSE);
  return esc_undo_stack_redo (self->undo);
}

guint64
esc_project_get_generation (EscProject *self)
{
  g_return_val_if_fail (ESC_IS_PROJECT (self), 0);
  return self->generation;
}

gboolean
esc_project_get_modified (EscProject *self)
{
  g_return_val_if_fail (ESC_IS_PROJECT (self), FALSE);
  return !esc_undo_stack_is_clean (self->undo);
}

void
esc_project_mark_saved (EscProject *self)
{
  g_return_if_fail (ESC_IS_PROJECT (self));
  esc_undo_stack_mark_clean (self->undo);
}

const char *
esc_project_get_path (EscProject *self)
{
  g_return_val_if_fail (ESC_IS_PROJECT (self), NULL);
  return self->path;
}

void
esc_project_set_path (EscProject *self,
                      const char *path)
{
  g_return_if_fail (ESC_IS_PROJECT (self));

  if (g_strcmp0 (self->path, path) == 0)
    return;
  g_free (self->path);
  self->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

EscRow *
esc_project_find_parameter_row (EscProject *self,
                                const char *key)
{
  g_return_val_if_fail (ESC_IS_PROJECT (self), NULL);
  return esc_table_find (self->tables[ESC_TABLE_PARAMETER], key);
}

const char *
esc_project_get_parameter (EscProject *self,
                           const char *key)
{
  EscRow *row;
  const EscParameterDef *def;

  g_return_val_if_fail (ESC_IS_PROJECT (self), NULL);

  row = esc_project_find_parameter_row (self, key);
  if (row != NULL && !esc_row_is_empty (row, ESC_PARAMETER_VALUE))
    return esc_row_get (row, ESC_PARAMETER_VALUE);
  def = esc_schema_find_parameter (key);
  if (def != NULL && g_strcmp0 (key, "objective_function") == 0)
    return esc_schema_get_default_objectives ();
  return def != NULL ? def->default_value : NULL;
}

void
esc_project_set_parameter (EscProject *self,
                           const char *key,
                           const char *value)
{
  EscTable *table;
  EscRow *row;

  g_return_if_fail (ESC_IS_PROJECT (self));
  g_return_if_fail (key != NULL);

  table = self->tables[ESC_TABLE_PARAMETER];
  row = esc_project_find_parameter_row (self, key);
  if (value == NULL)
    {
      if (row != NULL)
        esc_table_remove (table, esc_table_index_of (table, row));
    }
  else if (row != NULL)
    esc_row_set (row, ESC_PARAMETER_VALUE, value);
  else
    esc_table_append_values (table, (const char *[]) { key, value });
}

gboolean
esc_project_get_start_date (EscProject *self,
                            EscJulian  *start,
                            GError    **error)
{
  const char *value = esc_project_get_parameter (self, "start_date");
  g_autoptr(GError) local_error = NULL;

  if (value == NULL || *value == '\0')
    {
      g_set_error (error, ESC_CORE_ERROR, ESC_CORE_ERROR_INVALID,
                   _("Parameters: start_date is missing; expected a date such as 2026-12-07"));
      return FALSE;
    }
  if (!esc_parse_date (value, start, &local_error))
    {
      g_set_error (error, ESC_CORE_ERROR, ESC_CORE_ERROR_PARSE, _("Parameters: start_date: %s"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
esc_project_get_horizon (EscProject *self,
                         int        *days,
                         GError    **error)
{
  const char *value = esc_project_get_parameter (self, "max_horizon");
  const EscParameterDef *def = esc_schema_find_parameter ("max_horizon");
  g_autoptr(GError) local_error = NULL;
  gint64 n;

  if (!esc_parse_int (value, &n, &local_error))
    {
      g_set_error (error, ESC_CORE_ERROR, ESC_CORE_ERROR_PARSE, _("Parameters: max_horizon: %s"),
                   local_error->message);
      return FALSE;
    }
  if (n < def->min || n > def->max)
    {
      g_set_error (error, ESC_CORE_ERROR, ESC_CORE_ERROR_RANGE,
                   _("Parameters: max_horizon: expected a number of days from %g to %g, found %s"),
                   def->min, def->max, value);
      return FALSE;
    }
  *days = (int) n;
  return TRUE;
}

EscWeekday
esc_project_get_first_day_of_week (EscProject *self)
{
  EscWeekday weekday = ESC_MON;

  if (!esc_parse_weekday (esc_project_get_parameter (self, "first_day_of_week"), &weekday, NULL))
    return ESC_MON;
  return weekday;
}

static int
compare_julian (gconstpointer a,
                gconstpointer b)
{
  EscJulian ja = *(const EscJulian *) a, jb = *(const EscJulian *) b;

  return ja < jb ? -1 : ja > jb;
}

GArray *
esc_project_get_store_holidays (EscProject *self,
                                const char *store_id,
                                gboolean    full_day_only)
{
  GArray *dates = g_array_new (FALSE, FALSE, sizeof (EscJulian));
  EscTable *holidays;
  EscRow *store, *location = NULL;
  guint kept = 0;

  g_return_val_if_fail (ESC_IS_PROJECT (self), dates);

  store = esc_table_find (self->tables[ESC_TABLE_STORE], store_id);
  if (store != NULL)
    location = esc_table_find (self->tables[ESC_TABLE_LOCATION],
                               esc_row_get (store, ESC_STORE_LOCATION));

  holidays = self->tables[ESC_TABLE_HOLIDAY];
  for (guint i = 0; i < esc_table_get_n_rows (holidays); i++)
    {
      EscRow *row = esc_table_get_row (holidays, i);
      gboolean national = FALSE, full_day = TRUE, applies;
      EscJulian date;

      if (!esc_parse_date (esc_row_get (row, ESC_HOLIDAY_DATE), &date, NULL))
        continue;
      if (!esc_parse_bool (esc_row_get (row, ESC_HOLIDAY_NATIONAL), &national, NULL))
        national = FALSE;
      if (!esc_parse_bool (esc_row_get (row, ESC_HOLIDAY_FULL_DAY), &full_day, NULL))
        full_day = TRUE;
      if (full_day_only && !full_day)
        continue;
      if (location != NULL)
        applies = esc_calendar_holiday_applies (national,
                                                esc_row_get (row, ESC_HOLIDAY_COUNTRY),
                                                esc_row_get (row, ESC_HOLIDAY_REGION),
                                                esc_row_get (location, ESC_LOCATION_ID),
                                                esc_row_get (location, ESC_LOCATION_STATE),
                                                esc_row_get (location, ESC_LOCATION_COUNTRY),
                                                NULL);
      else
        applies = national;
      if (applies)
        g_array_append_val (dates, date);
    }

  g_array_sort (dates, compare_julian);
  for (guint i = 0; i < dates->len; i++)
    if (kept == 0 || g_array_index (dates, EscJulian, i) != g_array_index (dates, EscJulian, kept - 1))
      g_array_index (dates, EscJulian, kept++) = g_array_index (dates, EscJulian, i);
  g_array_set_size (dates, kept);
  return dates;
}

gboolean
esc_project_equal (EscProject *a,
                   EscProject *b)
{
  g_return_val_if_fail (ESC_IS_PROJECT (a) && ESC_IS_PROJECT (b), FALSE);

  for (guint t = 0; t < ESC_N_TABLES; t++)
    if (!esc_table_equal (a->tables[t], b->tables[t]))
      return FALSE;
  return TRUE;
}

EscProject *
esc_project_copy (EscProject *self)
{
  EscProject *copy;

  g_return_val_if_fail (ESC_IS_PROJECT (self), NULL);

  copy = esc_project_new ();
  for (guint t = 0; t < ESC_N_TABLES; t++)
    for (guint i = 0; i < esc_table_get_n_rows (self->tables[t]); i++)
      {
        g_autoptr(EscRow) row = esc_row_copy (esc_table_get_row (self->tables[t], i));
        esc_table_append (copy->tables[t], row);
      }
  return copy;
}
