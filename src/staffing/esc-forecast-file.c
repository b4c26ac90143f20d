/* esc-forecast-file.c: saved forecasts as JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-staffing"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "core/esc-file.h"
#include "esc-forecast-file.h"
#include "esc-history.h"
#include "esc-staffing-error.h"

static char *
format_instant (EscInstant time)
{
  g_autofree char *date = esc_format_date ((EscJulian) (time / ESC_MINUTES_PER_DAY));
  g_autofree char *clock = esc_format_time ((int) (time % ESC_MINUTES_PER_DAY));

  return g_strdup_printf ("%s %s", date, clock);
}

static void
add_doubles (JsonBuilder  *builder,
             const char   *name,
             const double *values,
             guint         n)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    json_builder_add_double_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_double_member (JsonBuilder *builder,
                   const char  *name,
                   double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static void
add_channel (JsonBuilder              *builder,
             const EscChannelForecast *forecast)
{
  g_autofree char *start = format_instant (forecast->start);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "channel");
  json_builder_add_string_value (builder, forecast->channel);
  json_builder_set_member_name (builder, "start");
  json_builder_add_string_value (builder, start);
  add_double_member (builder, "growth", forecast->growth);
  add_double_member (builder, "weekly_volume", forecast->weekly_volume);
  add_double_member (builder, "variance_power", forecast->variance_power);
  add_double_member (builder, "holiday_factor", forecast->holiday_factor);
  json_builder_set_member_name (builder, "fitted");
  json_builder_add_int_value (builder, forecast->n_fitted);
  add_doubles (builder, "point", forecast->point, forecast->n);
  add_doubles (builder, "lower", forecast->lower, forecast->n);
  add_doubles (builder, "upper", forecast->upper, forecast->n);
  json_builder_set_member_name (builder, "holidays");
  json_builder_begin_array (builder);
  for (guint i = 0; i < forecast->n; i++)
    if (forecast->holiday[i])
      json_builder_add_int_value (builder, i);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

char *
esc_forecast_to_data (const EscForecast *forecast,
                      gsize             *len)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  char *data;

  g_return_val_if_fail (forecast != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, ESC_FORECAST_FILE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ESC_FORECAST_FILE_VERSION);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, forecast->method != NULL ? forecast->method : "");
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, forecast->created != NULL ? forecast->created : "");
  json_builder_set_member_name (builder, "interval");
  json_builder_add_int_value (builder, forecast->interval);
  add_double_member (builder, "confidence", forecast->confidence);
  json_builder_set_member_name (builder, "channels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < forecast->channels->len; i++)
    add_channel (builder, g_ptr_array_index (forecast->channels, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  data = g_strconcat (text, "\n", NULL);
  if (len != NULL)
    *len = strlen (data);
  return data;
}

/* Loading */

static gboolean
fail (GError    **error,
      const char *display_name,
      const char *channel,
      const char *message)
{
  if (channel != NULL)
    g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_PARSE,
                 _("%s: channel “%s”: %s"), display_name, channel, message);
  else
    g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_PARSE, "%s: %s",
                 display_name, message);
  return FALSE;
}

static gboolean
get_number (JsonObject *object,
            const char *name,
            double     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *value = json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      *value = json_node_get_double (node);
      return isfinite (*value);
    default:
      return FALSE;
    }
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
read_doubles (JsonObject *object,
              const char *name,
              double     *values,
              guint       n)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  if (json_array_get_length (array) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      GType type;

      if (!JSON_NODE_HOLDS_VALUE (element))
        return FALSE;
      type = json_node_get_value_type (element);
      if (type == G_TYPE_INT64)
        values[i] = json_node_get_int (element);
      else if (type == G_TYPE_DOUBLE)
        values[i] = json_node_get_double (element);
      else
        return FALSE;
      if (!isfinite (values[i]))
        return FALSE;
    }
  return TRUE;
}

static EscChannelForecast *
read_channel (JsonNode    *node,
              int          interval,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(EscChannelForecast) forecast = NULL;
  JsonObject *object;
  JsonNode *point;
  JsonNode *holidays;
  const char *channel, *start_text;
  EscInstant start;
  double fitted = 0;
  guint n;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, display_name, NULL, _("a channel is not an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if ((channel = get_string (object, "channel")) == NULL)
    {
      fail (error, display_name, NULL, _("a channel has no name"));
      return NULL;
    }
  if ((start_text = get_string (object, "start")) == NULL ||
      !esc_history_parse_timestamp (start_text, &start, NULL))
    {
      fail (error, display_name, channel, _("no start as YYYY-MM-DD HH:MM"));
      return NULL;
    }
  point = json_object_get_member (object, "point");
  if (point == NULL || !JSON_NODE_HOLDS_ARRAY (point))
    {
      fail (error, display_name, channel, _("no list of point forecasts"));
      return NULL;
    }
  n = json_array_get_length (json_node_get_array (point));

  forecast = esc_channel_forecast_new (channel, start, interval, n);
  if (!read_doubles (object, "point", forecast->point, n) ||
      !read_doubles (object, "lower", forecast->lower, n) ||
      !read_doubles (object, "upper", forecast->upper, n))
    {
      fail (error, display_name, channel,
            _("point, lower and upper must be lists of numbers of the same length"));
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    if (forecast->lower[i] > forecast->point[i] + 1e-9 ||
        forecast->upper[i] < forecast->point[i] - 1e-9)
      {
        g_autofree char *message =
          g_strdup_printf (_("interval %u: the bounds do not enclose the forecast"), i + 1);

        fail (error, display_name, channel, message);
        return NULL;
      }

  holidays = json_object_get_member (object, "holidays");
  if (holidays != NULL && JSON_NODE_HOLDS_ARRAY (holidays))
    {
      JsonArray *array = json_node_get_array (holidays);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          gint64 index;

          if (!JSON_NODE_HOLDS_VALUE (element) ||
              json_node_get_value_type (element) != G_TYPE_INT64 ||
              (index = json_node_get_int (element)) < 0 || index >= n)
            {
              fail (error, display_name, channel,
                    _("holidays must list interval numbers of the forecast"));
              return NULL;
            }
          forecast->holiday[index] = TRUE;
        }
    }

  get_number (object, "growth", &forecast->growth);
  get_number (object, "weekly_volume", &forecast->weekly_volume);
  get_number (object, "variance_power", &forecast->variance_power);
  get_number (object, "holiday_factor", &forecast->holiday_factor);
  if (get_number (object, "fitted", &fitted) && fitted >= 0 && fitted <= G_MAXUINT)
    forecast->n_fitted = (guint) fitted;
  return g_steal_pointer (&forecast);
}

EscForecast *
esc_forecast_from_data (const char  *data,
                        gssize       len,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(EscForecast) forecast = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *channels;
  const char *format, *text;
  double version = 0, interval = 0, confidence = 0;

  g_return_val_if_fail (data != NULL, NULL);

  if (display_name == NULL)
    display_name = _("forecast");

  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      fail (error, display_name, NULL, local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      fail (error, display_name, NULL, _("not a saved forecast"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  format = get_string (root, "format");
  if (g_strcmp0 (format, ESC_FORECAST_FILE_FORMAT) != 0)
    {
      fail (error, display_name, NULL, _("not a saved forecast (no “format” : "
                                         "“escala-forecast”)"));
      return NULL;
    }
  if (!get_number (root, "version", &version) || version < 1)
    {
      fail (error, display_name, NULL, _("no version"));
      return NULL;
    }
  if (version > ESC_FORECAST_FILE_VERSION)
    {
      fail (error, display_name, NULL,
            _("saved by a newer version of Escala; update Escala to read it"));
      return NULL;
    }
  if (!get_number (root, "interval", &interval) || interval < 1 ||
      interval > ESC_MINUTES_PER_DAY || ESC_MINUTES_PER_DAY % (int) interval != 0 ||
      interval != floor (interval))
    {
      fail (error, display_name, NULL, _("the interval must be a number of minutes that "
                                         "divides the day"));
      return NULL;
    }
  if (!get_number (root, "confidence", &confidence) || !(confidence > 0 && confidence < 1))
    {
      fail (error, display_name, NULL, _("the confidence must be between 0 and 1"));
      return NULL;
    }

  forecast = esc_forecast_new_empty ((int) interval, confidence);
  if ((text = get_string (root, "method")) != NULL)
    {
      g_free (forecast->method);
      forecast->method = g_strdup (text);
    }
  if ((text = get_string (root, "created")) != NULL)
    {
      g_free (forecast->created);
      forecast->created = g_strdup (text);
    }

  channels = json_object_get_member (root, "channels");
  if (channels == NULL || !JSON_NODE_HOLDS_ARRAY (channels))
    {
      fail (error, display_name, NULL, _("no list of channels"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (channels)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (channels), i);
      EscChannelForecast *channel = read_channel (node, (int) interval, display_name, error);

      if (channel == NULL)
        return NULL;
      g_ptr_array_add (forecast->channels, channel);
    }
  return g_steal_pointer (&forecast);
}

gboolean
esc_forecast_save (const EscForecast  *forecast,
                   const char         *path,
                   GError            **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (forecast != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = esc_forecast_to_data (forecast, &len);
  return esc_file_set_contents (path, data, len, error);
}

EscForecast *
esc_forecast_load (const char  *path,
                   GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  display_name = g_filename_display_basename (path);
  return esc_forecast_from_data (contents, len, display_name, error);
}
