/* esc-roster-json.c: the classic minimum-hours roster format (JSON), read as a project.
 *
 * The whole file is checked while the project is built; the first problem stops the
 * load with an error naming the key path ("banned_shifts[1].shift"), and the partial
 * project is dropped.
 *
 * Decisions, where the format is silent:
 * - Names are trimmed; an empty resource or shift name is an error, and so is a shift
 *   named twice. A shift name with a comma or a colon, or that starts with a digit and
 *   contains a dash, is refused: pattern cells would read it as a list or a window.
 * - Integers may be written as 7 or 7.0; a fraction where a whole number is expected is
 *   an error. Hours may be fractional (7.5); a shift lasts at most 24 hours.
 * - num_days is 1..366 (the project's max_horizon range).
 * - A day index outside 0..num_days-1 (bans, preferences) is an error.
 * - Unknown top-level keys are ignored with a warning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-io"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "esc-io-error.h"
#include "esc-roster-json.h"

#define MAX_DAYS 366
#define MAX_SHIFT_HOURS 24
#define MAX_LISTED_NAMES 8
#define STORE_ID "roster"
#define ROLE_ID "staff"
#define PATTERN_ID "any"
/* json-glib's parser recurses once per nesting level: a file of ~100,000 '[' overflows
 * an 8 MiB stack (less on a worker thread). A roster is 3 levels deep; refuse more than
 * MAX_NESTING before parsing (as esc-project-file.c does). */
#define MAX_NESTING 64

static const char * const known_keys[] = {
  "num_days", "resources", "shifts", "shifts_hours", "min_working_hours", "max_resting",
  "non_sequential_shifts", "banned_shifts", "required_resources", "resources_preferences",
  NULL
};

typedef struct
{
  const char *name;            /* the data's display name */
  EscProject *project;
  GPtrArray *warnings;
  EscJulian start;
  gint64 num_days;
  GPtrArray *shifts;           /* char*: shift names in order */
  GHashTable *shift_index;     /* name -> index + 1 */
  GHashTable *resources;       /* name -> employee id of its first occurrence */
} Reader;

static void
reader_clear (Reader *r)
{
  g_clear_pointer (&r->shifts, g_ptr_array_unref);
  g_clear_pointer (&r->shift_index, g_hash_table_unref);
  g_clear_pointer (&r->resources, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static void fail (Reader *r, GError **error, EscIoError code, const char *path,
                  const char *format, ...) G_GNUC_PRINTF (5, 6);

/* FALSE when @data nests arrays and objects more than MAX_NESTING deep (brackets inside
 * strings do not count). A linear scan without recursion. */
static gboolean
check_nesting (const char *data,
               gsize       len)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_NESTING)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* "roster.json: banned_shifts[1].shift: <message>". */
static void
fail (Reader      *r,
      GError     **error,
      EscIoError   code,
      const char  *path,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ESC_IO_ERROR, code, "%s: %s: %s", r->name, path, message);
}

static void
warn (Reader     *r,
      const char *message)
{
  if (r->warnings != NULL)
    g_ptr_array_add (r->warnings, g_strdup_printf ("%s: %s", r->name, message));
}

/* What a node is, for "found ..." in messages. */
static char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));
    case JSON_NODE_ARRAY:
      return g_strdup (_("a list"));
    case JSON_NODE_NULL:
      return g_strdup (_("null"));
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup_printf (_("the text “%s”"), json_node_get_string (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
      }
    default:
      return g_strdup (_("a value"));
    }
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* A number in [0, max]. */
static gboolean
read_number (Reader      *r,
             JsonNode    *node,
             const char  *path,
             double       max,
             double      *value,
             GError     **error)
{
  g_autofree char *found = describe_node (node);
  double v;

  if (!is_number (node))
    {
      fail (r, error, ESC_IO_ERROR_FORMAT, path, _("expected a number, found %s"), found);
      return FALSE;
    }
  v = json_node_get_double (node);
  if (v < 0 || !isfinite (v))
    {
      fail (r, error, ESC_IO_ERROR_INVALID, path,
            _("expected a number of 0 or more, found %s"), found);
      return FALSE;
    }
  if (v > max)
    {
      fail (r, error, ESC_IO_ERROR_INVALID, path, _("expected a number up to %g, found %s"),
            max, found);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

/* A whole number in [min, max] (7 or 7.0); max G_MAXINT64 for no maximum. */
static gboolean
read_int (Reader      *r,
          JsonNode    *node,
          const char  *path,
          gint64       min,
          gint64       max,
          gint64      *value,
          GError     **error)
{
  g_autofree char *found = describe_node (node);
  gint64 v;

  if (!is_number (node) ||
      (json_node_get_value_type (node) == G_TYPE_DOUBLE &&
       json_node_get_double (node) != floor (json_node_get_double (node))))
    {
      fail (r, error, ESC_IO_ERROR_FORMAT, path, _("expected a whole number, found %s"), found);
      return FALSE;
    }
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      v = fabs (d) < 1e15 ? (gint64) d : (d < 0 ? G_MININT64 : G_MAXINT64);
    }
  else
    v = json_node_get_int (node);

  if (v < min && (min == 0 || max == G_MAXINT64))
    {
      fail (r, error, ESC_IO_ERROR_INVALID, path,
            _("expected a whole number of %lld or more, found %s"), (long long) min, found);
      return FALSE;
    }
  if (v < min || v > max)
    {
      fail (r, error, ESC_IO_ERROR_INVALID, path,
            _("expected a whole number from %lld to %lld, found %s"), (long long) min,
            (long long) max, found);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

/* A non-empty string, trimmed. */
static char *
read_string (Reader      *r,
             JsonNode    *node,
             const char  *path,
             GError     **error)
{
  g_autofree char *text = NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *found = describe_node (node);

      fail (r, error, ESC_IO_ERROR_FORMAT, path, _("expected a name in quotes, found %s"),
            found);
      return NULL;
    }
  text = esc_strip_dup (json_node_get_string (node));
  if (*text == '\0')
    {
      fail (r, error, ESC_IO_ERROR_INVALID, path, _("expected a name, found an empty text"));
      return NULL;
    }
  return g_steal_pointer (&text);
}

static JsonArray *
read_array (Reader      *r,
            JsonNode    *node,
            const char  *path,
            GError     **error)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *found = describe_node (node);

      fail (r, error, ESC_IO_ERROR_FORMAT, path, _("expected a list [ ... ], found %s"), found);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
read_object (Reader      *r,
             JsonNode    *node,
             const char  *path,
             GError     **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *found = describe_node (node);

      fail (r, error, ESC_IO_ERROR_FORMAT, path, _("expected an object { ... }, found %s"),
            found);
      return NULL;
    }
  return json_node_get_object (node);
}

/* The member @key of @object; NULL and an error when it is missing. */
static JsonNode *
get_required (Reader      *r,
              JsonObject  *object,
              const char  *parent,
              const char  *key,
              const char  *expected,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    {
      if (parent == NULL)
        g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_MISSING,
                     /* Translators: "roster.json: the key “num_days” is missing; expected
                      * the number of days, such as 7". */
                     _("%s: the key “%s” is missing; expected %s"), r->name, key, expected);
      else
        fail (r, error, ESC_IO_ERROR_MISSING, parent, _("the key “%s” is missing; expected %s"),
              key, expected);
    }
  return node;
}

static char *
list_shift_names (Reader *r)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < r->shifts->len && i < MAX_LISTED_NAMES; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, g_ptr_array_index (r->shifts, i));
    }
  if (r->shifts->len > MAX_LISTED_NAMES)
    g_string_append (names, ", …");
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* A shift named by the string at @node. */
static char *
read_shift (Reader      *r,
            JsonNode    *node,
            const char  *path,
            GError     **error)
{
  g_autofree char *name = read_string (r, node, path, error);

  if (name == NULL)
    return NULL;
  if (!g_hash_table_contains (r->shift_index, name))
    {
      g_autofree char *known = list_shift_names (r);

      fail (r, error, ESC_IO_ERROR_INVALID, path,
            _("unknown shift “%s”; expected one of %s"), name, known);
      return NULL;
    }
  return g_steal_pointer (&name);
}

/* The employee id of the resource named at @node. */
static const char *
read_resource (Reader      *r,
               JsonNode    *node,
               const char  *path,
               GError     **error)
{
  g_autofree char *name = read_string (r, node, path, error);
  const char *id;

  if (name == NULL)
    return NULL;
  id = g_hash_table_lookup (r->resources, name);
  if (id == NULL)
    fail (r, error, ESC_IO_ERROR_INVALID, path,
          _("unknown resource “%s”; expected one of the names in “resources”"), name);
  return id;
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

static char *
format_day (Reader *r,
            gint64  day)
{
  return esc_format_date (r->start + (EscJulian) day);
}

static gboolean
is_acceptable_shift_name (const char *name)
{
  if (strchr (name, ',') != NULL || strchr (name, ':') != NULL)
    return FALSE;
  if (g_ascii_isdigit (*name) &&
      (strchr (name, '-') != NULL || strstr (name, "–") != NULL || strstr (name, "—") != NULL))
    return FALSE;
  return TRUE;
}

static void
append_row (Reader              *r,
            EscTableId           table,
            const char * const  *values)
{
  esc_table_append_values (esc_project_get_table (r->project, table), values);
}

/* num_days */
static gboolean
read_num_days (Reader      *r,
               JsonObject  *root,
               GError     **error)
{
  JsonNode *node = get_required (r, root, NULL, "num_days",
                                 _("the number of days, such as 7"), error);

  if (node == NULL)
    return FALSE;
  if (!read_int (r, node, "num_days", 1, G_MAXINT64, &r->num_days, error))
    return FALSE;
  if (r->num_days > MAX_DAYS)
    {
      fail (r, error, ESC_IO_ERROR_TOO_LARGE, "num_days",
            _("%lld days is more than Escala plans at once; expected at most %d"),
            (long long) r->num_days, MAX_DAYS);
      return FALSE;
    }
  return TRUE;
}

/* shifts and shifts_hours: the Shift table and the pattern "any". */
static gboolean
read_shifts (Reader      *r,
             JsonObject  *root,
             GError     **error)
{
  JsonNode *names_node, *hours_node;
  JsonArray *names, *hours;
  g_autofree char *pattern_day = NULL;
  const char *pattern_values[ESC_PATTERN_N_COLUMNS] = { PATTERN_ID };

  names_node = get_required (r, root, NULL, "shifts",
                             _("the list of shift names, such as [ \"Early\", \"Late\" ]"),
                             error);
  if (names_node == NULL || (names = read_array (r, names_node, "shifts", error)) == NULL)
    return FALSE;
  hours_node = get_required (r, root, NULL, "shifts_hours",
                             _("the hours of each shift, such as [ 8, 8 ]"), error);
  if (hours_node == NULL || (hours = read_array (r, hours_node, "shifts_hours", error)) == NULL)
    return FALSE;

  if (json_array_get_length (names) == 0)
    {
      fail (r, error, ESC_IO_ERROR_INVALID, "shifts", _("expected at least one shift"));
      return FALSE;
    }
  if (json_array_get_length (hours) != json_array_get_length (names))
    {
      fail (r, error, ESC_IO_ERROR_INVALID, "shifts_hours",
            _("expected %u numbers, one per shift, found %u"),
            json_array_get_length (names), json_array_get_length (hours));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      g_autofree char *path = g_strdup_printf ("shifts[%u]", i);
      g_autofree char *hours_path = g_strdup_printf ("shifts_hours[%u]", i);
      g_autofree char *name = read_string (r, json_array_get_element (names, i), path, error);
      g_autofree char *hours_text = NULL;
      double value;

      if (name == NULL)
        return FALSE;
      if (g_hash_table_contains (r->shift_index, name))
        {
          fail (r, error, ESC_IO_ERROR_INVALID, path,
                _("the shift “%s” appears twice; expected each shift once"), name);
          return FALSE;
        }
      if (!is_acceptable_shift_name (name))
        {
          fail (r, error, ESC_IO_ERROR_INVALID, path,
                _("“%s” cannot be a shift name; expected a name without commas or colons "
                  "that does not look like a time window"), name);
          return FALSE;
        }
      if (!read_number (r, json_array_get_element (hours, i), hours_path, MAX_SHIFT_HOURS,
                        &value, error))
        return FALSE;

      hours_text = format_number (value);
      append_row (r, ESC_TABLE_SHIFT,
                  (const char *[ESC_SHIFT_N_COLUMNS]) { [ESC_SHIFT_ID] = name,
                                                        [ESC_SHIFT_HOURS] = hours_text });
      g_hash_table_insert (r->shift_index, g_strdup (name), GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (r->shifts, g_steal_pointer (&name));
    }

  g_ptr_array_add (r->shifts, NULL);
  pattern_day = g_strjoinv (", ", (char **) r->shifts->pdata);
  g_ptr_array_remove_index (r->shifts, r->shifts->len - 1);
  for (guint wd = 0; wd < ESC_N_WEEKDAYS; wd++)
    pattern_values[ESC_PATTERN_MON + wd] = pattern_day;
  append_row (r, ESC_TABLE_PATTERN, pattern_values);
  return TRUE;
}

/* resources, min_working_hours, max_resting: the Employee table. */
static gboolean
read_resources (Reader      *r,
                JsonObject  *root,
                GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *min_hours = NULL;
  g_autofree char *max_rest = NULL;
  g_autofree char *max_days = g_strdup_printf ("%" G_GINT64_FORMAT, r->num_days);
  JsonArray *resources;
  JsonNode *node;

  node = get_required (r, root, NULL, "resources",
                       _("the list of resource names, such as [ \"ana@example.org\" ]"), error);
  if (node == NULL || (resources = read_array (r, node, "resources", error)) == NULL)
    return FALSE;

  if ((node = json_object_get_member (root, "min_working_hours")) != NULL &&
      !JSON_NODE_HOLDS_NULL (node))
    {
      double value;

      if (!read_number (r, node, "min_working_hours", 10000, &value, error))
        return FALSE;
      min_hours = format_number (value);
    }
  if ((node = json_object_get_member (root, "max_resting")) != NULL &&
      !JSON_NODE_HOLDS_NULL (node))
    {
      gint64 value;

      if (!read_int (r, node, "max_resting", 0, MAX_DAYS, &value, error))
        return FALSE;
      max_rest = g_strdup_printf ("%" G_GINT64_FORMAT, value);
    }

  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      g_autofree char *path = g_strdup_printf ("resources[%u]", i);
      g_autofree char *name = read_string (r, json_array_get_element (resources, i), path,
                                           error);
      g_autofree char *id = NULL;
      guint count;

      if (name == NULL)
        return FALSE;

      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) + 1;
      g_hash_table_insert (counts, g_strdup (name), GUINT_TO_POINTER (count));
      if (count == 1 && !g_hash_table_contains (ids, name))
        {
          id = g_strdup (name);
        }
      else
        {
          g_autofree char *message = NULL;

          for (guint n = MAX (count, 2); id == NULL || g_hash_table_contains (ids, id); n++)
            {
              g_free (id);
              id = g_strdup_printf ("%s#%u", name, n);
            }
          if (count == 1)
            message = g_strdup_printf (_("resource “%s” has the name another resource was "
                                         "renamed to; it is kept as “%s”"), name, id);
          else if (count == 2)
            message = g_strdup_printf (_("resource “%s” appears twice; the second is kept "
                                         "as “%s”"), name, id);
          else
            message = g_strdup_printf (_("resource “%s” appears %u times; this one is kept "
                                         "as “%s”"), name, count, id);
          warn (r, message);
        }

      append_row (r, ESC_TABLE_EMPLOYEE,
                  (const char *[ESC_EMPLOYEE_N_COLUMNS]) {
                    [ESC_EMPLOYEE_ID] = id,
                    [ESC_EMPLOYEE_NAME] = name,
                    [ESC_EMPLOYEE_ROLE] = ROLE_ID,
                    [ESC_EMPLOYEE_STORE] = STORE_ID,
                    [ESC_EMPLOYEE_WEEKLY_HOURS] = "168",
                    [ESC_EMPLOYEE_MAX_CONSECUTIVE_DAYS] = max_days,
                    [ESC_EMPLOYEE_PATTERNS] = PATTERN_ID,
                    [ESC_EMPLOYEE_MIN_HOURS] = min_hours,
                    [ESC_EMPLOYEE_MAX_REST_DAYS] = max_rest,
                  });
      if (!g_hash_table_contains (r->resources, name))
        g_hash_table_insert (r->resources, g_strdup (name), g_strdup (id));
      g_hash_table_add (ids, g_steal_pointer (&id));
    }
  return TRUE;
}

/* required_resources: the Demand table, per day then shift. */
static gboolean
read_requirements (Reader      *r,
                   JsonObject  *root,
                   GError     **error)
{
  JsonNode *node = get_required (r, root, NULL, "required_resources",
                                 _("the staff needed per shift and day, such as "
                                   "{ \"Early\" : [ 3, 2, ... ] }"), error);
  g_autofree gint64 *quantities = NULL;  /* shift * num_days + day */
  g_autofree gboolean *given = NULL;     /* per shift */
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (node == NULL || (object = read_object (r, node, "required_resources", error)) == NULL)
    return FALSE;

  quantities = g_new0 (gint64, r->shifts->len * r->num_days);
  given = g_new0 (gboolean, r->shifts->len);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      g_autofree char *path = g_strdup_printf ("required_resources.%s", key);
      g_autofree char *name = esc_strip_dup (key);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (r->shift_index, name));
      JsonArray *counts;

      if (index == 0)
        {
          g_autofree char *known = list_shift_names (r);

          fail (r, error, ESC_IO_ERROR_INVALID, "required_resources",
                _("unknown shift “%s”; expected one of %s"), key, known);
          return FALSE;
        }
      counts = read_array (r, json_object_get_member (object, key), path, error);
      if (counts == NULL)
        return FALSE;
      if (json_array_get_length (counts) != (guint) r->num_days)
        {
          fail (r, error, ESC_IO_ERROR_INVALID, path,
                _("expected %lld numbers, one per day (num_days), found %u"),
                (long long) r->num_days, json_array_get_length (counts));
          return FALSE;
        }
      for (guint d = 0; d < json_array_get_length (counts); d++)
        {
          g_autofree char *item = g_strdup_printf ("%s[%u]", path, d);

          if (!read_int (r, json_array_get_element (counts, d), item, 0, 100000,
                         &quantities[(index - 1) * r->num_days + d], error))
            return FALSE;
        }
      given[index - 1] = TRUE;
    }

  for (guint s = 0; s < r->shifts->len; s++)
    if (!given[s])
      {
        g_autofree char *message =
          g_strdup_printf (_("required_resources has no entry for the shift “%s”; nobody is "
                             "required on it"), (const char *) g_ptr_array_index (r->shifts, s));

        warn (r, message);
      }

  for (gint64 d = 0; d < r->num_days; d++)
    {
      g_autofree char *date = format_day (r, d);

      for (guint s = 0; s < r->shifts->len; s++)
        {
          g_autofree char *quantity = NULL;

          if (!given[s])
            continue;
          quantity = g_strdup_printf ("%" G_GINT64_FORMAT, quantities[s * r->num_days + d]);
          append_row (r, ESC_TABLE_DEMAND,
                      (const char *[ESC_DEMAND_N_COLUMNS]) {
                        [ESC_DEMAND_STORE] = STORE_ID,
                        [ESC_DEMAND_ROLE] = ROLE_ID,
                        [ESC_DEMAND_DAY] = date,
                        [ESC_DEMAND_SHIFT] = g_ptr_array_index (r->shifts, s),
                        [ESC_DEMAND_QUANTITY] = quantity,
                      });
        }
    }
  return TRUE;
}

/* An optional list of objects; *array NULL when the key is missing or null. */
static gboolean
read_optional_list (Reader      *r,
                    JsonObject  *root,
                    const char  *key,
                    JsonArray  **array,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (root, key);

  *array = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  *array = read_array (r, node, key, error);
  return *array != NULL;
}

/* non_sequential_shifts: the ForbiddenSequence table. */
static gboolean
read_sequences (Reader      *r,
                JsonObject  *root,
                GError     **error)
{
  JsonArray *list;

  if (!read_optional_list (r, root, "non_sequential_shifts", &list, error))
    return FALSE;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autofree char *path = g_strdup_printf ("non_sequential_shifts[%u]", i);
      g_autofree char *origin_path = g_strconcat (path, ".origin", NULL);
      g_autofree char *destination_path = g_strconcat (path, ".destination", NULL);
      g_autofree char *origin = NULL;
      g_autofree char *destination = NULL;
      JsonObject *object;
      JsonNode *node;

      if ((object = read_object (r, json_array_get_element (list, i), path, error)) == NULL)
        return FALSE;
      if ((node = get_required (r, object, path, "origin", _("a shift name"), error)) == NULL ||
          (origin = read_shift (r, node, origin_path, error)) == NULL)
        return FALSE;
      if ((node = get_required (r, object, path, "destination", _("a shift name"),
                                error)) == NULL ||
          (destination = read_shift (r, node, destination_path, error)) == NULL)
        return FALSE;
      append_row (r, ESC_TABLE_FORBIDDEN_SEQUENCE, (const char *[]) { origin, destination });
    }
  return TRUE;
}

/* banned_shifts and resources_preferences: the Preference table. */
static gboolean
read_preferences (Reader      *r,
                  JsonObject  *root,
                  const char  *key,
                  gboolean     is_ban,
                  GError     **error)
{
  JsonArray *list;

  if (!read_optional_list (r, root, key, &list, error))
    return FALSE;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", key, i);
      g_autofree char *resource_path = g_strconcat (path, ".resource", NULL);
      g_autofree char *shift_path = g_strconcat (path, ".shift", NULL);
      g_autofree char *day_path = g_strconcat (path, ".day", NULL);
      g_autofree char *weight_path = g_strconcat (path, ".weight", NULL);
      g_autofree char *shift = NULL;
      g_autofree char *date = NULL;
      g_autofree char *weight = NULL;
      const char *employee;
      JsonObject *object;
      JsonNode *node;

      if ((object = read_object (r, json_array_get_element (list, i), path, error)) == NULL)
        return FALSE;
      if ((node = get_required (r, object, path, "resource", _("a resource name"),
                                error)) == NULL ||
          (employee = read_resource (r, node, resource_path, error)) == NULL)
        return FALSE;
      if ((node = get_required (r, object, path, "shift", _("a shift name"), error)) == NULL ||
          (shift = read_shift (r, node, shift_path, error)) == NULL)
        return FALSE;

      node = is_ban ? get_required (r, object, path, "day", _("a day index from 0"), error)
                    : json_object_get_member (object, "day");
      if (is_ban && node == NULL)
        return FALSE;
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        {
          gint64 day;

          if (!read_int (r, node, day_path, 0, r->num_days - 1, &day, error))
            return FALSE;
          date = format_day (r, day);
        }

      if (!is_ban)
        {
          double value = 1.0;

          node = json_object_get_member (object, "weight");
          if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
              !read_number (r, node, weight_path, 1e6, &value, error))
            return FALSE;
          weight = format_number (value);
        }

      append_row (r, ESC_TABLE_PREFERENCE,
                  (const char *[ESC_PREFERENCE_N_COLUMNS]) {
                    [ESC_PREFERENCE_EMPLOYEE] = employee,
                    [ESC_PREFERENCE_KIND] = is_ban ? ESC_PREFERENCE_BAN : ESC_PREFERENCE_PREFER,
                    [ESC_PREFERENCE_DATE] = date,
                    [ESC_PREFERENCE_SHIFT] = shift,
                    [ESC_PREFERENCE_WEIGHT] = weight,
                  });
    }
  return TRUE;
}

static void
warn_unknown_keys (Reader     *r,
                   JsonObject *root)
{
  g_autoptr(GList) members = json_object_get_members (root);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known_keys, l->data))
      {
        g_autofree char *message =
          g_strdup_printf (_("unknown key “%s” is ignored"), (const char *) l->data);

        warn (r, message);
      }
}

EscProject *
esc_roster_json_load_data (const char  *data,
                           gssize       len,
                           const char  *display_name,
                           const char  *start_date,
                           GPtrArray   *warnings,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(EscProject) project = NULL;
  g_auto(Reader) r = { 0 };
  g_autofree char *start_text = NULL;
  g_autofree char *horizon = NULL;
  JsonNode *root_node;
  JsonObject *root;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.name = display_name != NULL ? display_name : _("roster");
  r.warnings = warnings;
  r.shifts = g_ptr_array_new_with_free_func (g_free);
  r.shift_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.resources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!esc_parse_date (start_date != NULL ? start_date : ESC_ROSTER_JSON_DEFAULT_START_DATE,
                       &r.start, &local_error))
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_INVALID, _("start date: %s"),
                   local_error->message);
      return NULL;
    }

  if (data != NULL && !check_nesting (data, len >= 0 ? (gsize) len : strlen (data)))
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("%s: not a roster: it is nested more than %d levels deep"),
                   r.name, MAX_NESTING);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", len, &local_error))
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT, _("%s: not valid JSON: %s"),
                   r.name, local_error->message);
      return NULL;
    }
  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("%s: expected a roster object { \"num_days\" : ..., \"resources\" : "
                     "[ ... ], ... }"), r.name);
      return NULL;
    }
  root = json_node_get_object (root_node);

  project = esc_project_new ();
  r.project = project;

  append_row (&r, ESC_TABLE_LOCATION, (const char *[]) { STORE_ID, NULL, NULL, NULL });
  append_row (&r, ESC_TABLE_STORE, (const char *[]) { STORE_ID, STORE_ID, NULL });
  append_row (&r, ESC_TABLE_ROLE, (const char *[]) { ROLE_ID, NULL });

  if (!read_num_days (&r, root, error) ||
      !read_shifts (&r, root, error) ||
      !read_resources (&r, root, error) ||
      !read_requirements (&r, root, error) ||
      !read_sequences (&r, root, error) ||
      !read_preferences (&r, root, "banned_shifts", TRUE, error) ||
      !read_preferences (&r, root, "resources_preferences", FALSE, error))
    return NULL;
  warn_unknown_keys (&r, root);

  start_text = esc_format_date (r.start);
  horizon = g_strdup_printf ("%" G_GINT64_FORMAT, r.num_days);
  esc_project_set_parameter (project, "start_date", start_text);
  esc_project_set_parameter (project, "max_horizon", horizon);
  esc_project_set_parameter (project, "objective_function",
                             "demand_fulfillment, min_hours, preferences");
  esc_project_set_parameter (project, "min_rest_between_shifts", "0");

  return g_steal_pointer (&project);
}

EscProject *
esc_roster_json_load (const char  *path,
                      const char  *start_date,
                      GPtrArray   *warnings,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_basename (path);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_autofree char *full_name = g_filename_display_name (path);

      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_READ, _("Cannot read “%s”: %s"),
                   full_name, local_error->message);
      return NULL;
    }
  return esc_roster_json_load_data (contents, (gssize) length, display_name, start_date,
                                    warnings, error);
}
