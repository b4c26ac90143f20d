/* esc-reassign-plan.c: a run saved as JSON, and the day-over-day comparison.
 *
 * The tree is built with json-glib; the text is written here rather than by
 * JsonGenerator, which prints doubles with 17 digits (0.3 as 0.29999999999999999):
 * numbers are rounded to 6 decimals and printed in their shortest form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-reassign"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "core/esc-file.h"
#include "core/esc-parse.h"
#include "esc-reassign-plan.h"
#include "esc-reassign-private.h"

/* Writing ------------------------------------------------------------------------------ */

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, esc_reassign_round_hours (value));
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_bool (JsonBuilder *builder,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          EscJulian    date)
{
  g_autofree char *text = date != 0 ? esc_format_date (date) : NULL;

  add_string (builder, name, text);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *strv)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

static void
add_score (JsonBuilder            *builder,
           const EscReassignScore *score)
{
  add_number (builder, "score", esc_reassign_score_total (score));
  json_builder_set_member_name (builder, "terms");
  json_builder_begin_object (builder);
  for (EscReassignTerm t = 0; t < ESC_REASSIGN_N_TERMS; t++)
    add_number (builder, esc_reassign_term_key (t), score->points[t]);
  json_builder_end_object (builder);
}

static void
add_totals (JsonBuilder             *builder,
            const char              *name,
            const EscReassignTotals *totals)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  add_number (builder, "needed_hours", totals->needed_hours);
  add_number (builder, "covered_hours", totals->covered_hours);
  add_number (builder, "moved_hours", totals->moved_hours);
  add_number (builder, "backfilled_hours", totals->backfilled_hours);
  add_number (builder, "score", totals->score);
  add_number (builder, "value", totals->value);
  add_number (builder, "moves", totals->n_moves);
  add_number (builder, "backfills", totals->n_backfills);
  json_builder_end_object (builder);
}

static void
add_options (JsonBuilder *builder,
             const char  *name,
             GPtrArray   *options)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < options->len; i++)
    {
      EscReassignOption *option = g_ptr_array_index (options, i);

      json_builder_begin_object (builder);
      add_number (builder, "rank", option->rank);
      add_string (builder, "employee", option->employee);
      if (option->assignment != NULL)
        {
          add_string (builder, "assignment", option->assignment);
          add_string (builder, "team", option->team);
          add_string (builder, "category", option->category);
        }
      add_number (builder, "available", option->available);
      if (option->assignment != NULL)
        add_number (builder, "hours_12w", option->hours_12w);
      add_bool (builder, "part_time", option->part_time);
      add_bool (builder, "trainee", option->trainee);
      add_date (builder, "start_date", option->start_date);
      add_score (builder, &option->score);
      add_number (builder, "chosen_hours", option->chosen_hours);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_comparison (JsonBuilder                 *builder,
                const EscReassignComparison *comparison)
{
  json_builder_set_member_name (builder, "day_over_day");
  json_builder_begin_object (builder);
  add_date (builder, "previous_today", comparison->previous_today);
  add_string (builder, "previous_mode", comparison->previous_mode);
  json_builder_set_member_name (builder, "requests_grown");
  json_builder_begin_array (builder);
  for (guint i = 0; i < comparison->requests->len; i++)
    {
      EscReassignRequestChange *change = g_ptr_array_index (comparison->requests, i);

      json_builder_begin_object (builder);
      add_string (builder, "key", change->key);
      add_string (builder, "team", change->team);
      add_string (builder, "category", change->category);
      add_number (builder, "before", change->before);
      add_number (builder, "after", change->after);
      add_bool (builder, "new", change->is_new);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "capacity_changed");
  json_builder_begin_array (builder);
  for (guint i = 0; i < comparison->capacities->len; i++)
    {
      EscReassignCapacityChange *change = g_ptr_array_index (comparison->capacities, i);

      json_builder_begin_object (builder);
      add_string (builder, "employee", change->employee);
      add_number (builder, "spare_before", change->spare_before);
      add_number (builder, "spare_after", change->spare_after);
      add_number (builder, "available_before", change->available_before);
      add_number (builder, "available_after", change->available_after);
      add_bool (builder, "new", change->is_new);
      add_bool (builder, "gone", change->is_gone);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

JsonNode *
esc_reassign_plan_to_node (EscReassignResult           *result,
                           const EscReassignComparison *comparison)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_parameters;
  const EscParameterDef *parameters = esc_reassign_settings_get_parameters (&n_parameters);

  g_return_val_if_fail (result != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "format", ESC_REASSIGN_PLAN_FORMAT);
  add_number (builder, "version", ESC_REASSIGN_PLAN_VERSION);
  add_string (builder, "mode", esc_reassign_mode_to_string (result->mode));
  add_date (builder, "today", result->today);

  json_builder_set_member_name (builder, "settings");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_parameters; i++)
    {
      g_autofree char *value = esc_reassign_settings_get (&result->settings, parameters[i].key);

      add_string (builder, parameters[i].key, value);
    }
  json_builder_end_object (builder);

  add_totals (builder, "totals", &result->totals);
  if (result->has_greedy)
    {
      add_totals (builder, "greedy", &result->greedy);
      add_bool (builder, "proven_optimal", result->proven_optimal);
      add_bool (builder, "kept_greedy", result->kept_greedy);
    }
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->categories->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (result->categories, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "requests");
  json_builder_begin_array (builder);
  for (guint g = 0; g < result->groups->len; g++)
    {
      EscReassignGroup *group = g_ptr_array_index (result->groups, g);

      json_builder_begin_object (builder);
      add_string (builder, "key", group->key);
      add_string (builder, "team", group->team);
      add_string (builder, "category", group->category);
      add_strv (builder, "request_ids", (const char * const *) group->request_ids);
      add_strv (builder, "risk_resources", (const char * const *) group->risk_resources);
      add_number (builder, "requested_hours", group->requested_hours);
      add_number (builder, "needed_hours", group->needed_hours);
      add_number (builder, "composite", group->composite);
      add_number (builder, "covered_hours", group->covered_hours);
      add_number (builder, "candidates", group->n_candidates);
      add_options (builder, "options", group->options);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "moves");
  json_builder_begin_array (builder);
  for (guint m = 0; m < result->moves->len; m++)
    {
      EscReassignMove *move = g_ptr_array_index (result->moves, m);
      EscReassignGroup *group = g_ptr_array_index (result->groups, move->group);

      json_builder_begin_object (builder);
      add_string (builder, "request", group->key);
      add_string (builder, "employee", move->employee);
      add_string (builder, "assignment", move->assignment);
      add_string (builder, "from_team", move->from_team);
      add_string (builder, "from_category", move->from_category);
      add_string (builder, "to_team", move->to_team);
      add_string (builder, "to_category", move->to_category);
      add_number (builder, "hours", move->hours);
      add_number (builder, "covered_hours", move->covered_hours);
      add_bool (builder, "used_up", move->used_up);
      add_score (builder, &move->score);
      json_builder_set_member_name (builder, "backfills");
      json_builder_begin_array (builder);
      for (guint b = 0; b < move->backfills->len; b++)
        {
          EscReassignBackfill *backfill = g_ptr_array_index (move->backfills, b);

          json_builder_begin_object (builder);
          add_string (builder, "employee", backfill->employee);
          add_number (builder, "hours", backfill->hours);
          add_score (builder, &backfill->score);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      add_number (builder, "backfilled_hours", move->backfilled_hours);
      add_options (builder, "backfill_options", move->backfill_options);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "employees");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->capacities->len; i++)
    {
      EscReassignCapacity *capacity = g_ptr_array_index (result->capacities, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", capacity->employee);
      add_number (builder, "spare_capacity", capacity->spare_capacity);
      add_number (builder, "available_hours", capacity->available_hours);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->notes->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (result->notes, i));
  json_builder_end_array (builder);

  if (comparison != NULL)
    add_comparison (builder, comparison);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
append_indent (GString *text,
               guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (text, "  ");
}

static void
append_json_string (GString    *text,
                    const char *value)
{
  g_string_append_c (text, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (text, "\\\""); break;
        case '\\': g_string_append (text, "\\\\"); break;
        case '\n': g_string_append (text, "\\n"); break;
        case '\r': g_string_append (text, "\\r"); break;
        case '\t': g_string_append (text, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (text, "\\u%04x", c);
          else
            g_string_append_c (text, (char) c);
        }
    }
  g_string_append_c (text, '"');
}

static void
append_node (GString  *text,
             JsonNode *node,
             guint     depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (text, "{}");
            break;
          }
        g_string_append (text, "{\n");
        for (GList *l = members; l != NULL; l = l->next)
          {
            append_indent (text, depth + 1);
            append_json_string (text, l->data);
            g_string_append (text, " : ");
            append_node (text, json_object_get_member (object, l->data), depth + 1);
            g_string_append (text, l->next != NULL ? ",\n" : "\n");
          }
        append_indent (text, depth);
        g_string_append_c (text, '}');
        break;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (text, "[]");
            break;
          }
        g_string_append (text, "[\n");
        for (guint i = 0; i < n; i++)
          {
            append_indent (text, depth + 1);
            append_node (text, json_array_get_element (array, i), depth + 1);
            g_string_append (text, i + 1 < n ? ",\n" : "\n");
          }
        append_indent (text, depth);
        g_string_append_c (text, ']');
        break;
      }

    case JSON_NODE_NULL:
      g_string_append (text, "null");
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        append_json_string (text, json_node_get_string (node));
      else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        g_string_append (text, json_node_get_boolean (node) ? "true" : "false");
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        g_string_append_printf (text, "%" G_GINT64_FORMAT, json_node_get_int (node));
      else
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];
          double value = esc_reassign_round_hours (json_node_get_double (node));

          if (value == 0.0 || !isfinite (value))
            value = 0.0;
          g_string_append (text, g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
        }
      break;
    }
}

char *
esc_reassign_plan_to_data (EscReassignResult           *result,
                           const EscReassignComparison *comparison,
                           gsize                       *length)
{
  g_autoptr(JsonNode) root = esc_reassign_plan_to_node (result, comparison);
  GString *text = g_string_new (NULL);

  append_node (text, root, 0);
  g_string_append_c (text, '\n');
  if (length != NULL)
    *length = text->len;
  return g_string_free (text, FALSE);
}

gboolean
esc_reassign_plan_save (EscReassignResult           *result,
                        const EscReassignComparison *comparison,
                        const char                  *path,
                        GError                     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length;
  g_autofree char *data = esc_reassign_plan_to_data (result, comparison, &length);

  if (!esc_file_set_contents (path, data, length, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_WRITE,
                   _("Cannot write the plan to “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Comparing ---------------------------------------------------------------------------- */

static void
request_change_free (gpointer data)
{
  EscReassignRequestChange *change = data;

  g_free (change->key);
  g_free (change->team);
  g_free (change->category);
  g_free (change);
}

static void
capacity_change_free (gpointer data)
{
  EscReassignCapacityChange *change = data;

  g_free (change->employee);
  g_free (change);
}

void
esc_reassign_comparison_free (EscReassignComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_free (comparison->previous_mode);
  g_ptr_array_unref (comparison->requests);
  g_ptr_array_unref (comparison->capacities);
  g_free (comparison);
}

/* Sets @error; returns NULL. */
static gpointer
fail_plan (GError    **error,
           const char *reason)
{
  g_set_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_PLAN,
               /* Translators: "Not a saved reassignment plan: no “requests” list". */
               _("Not a saved reassignment plan: %s"), reason);
  return NULL;
}

static double
member_number (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_node_type (node) != JSON_NODE_VALUE)
    return 0.0;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  return 0.0;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_node_type (node) != JSON_NODE_ARRAY)
    return NULL;
  return json_node_get_array (node);
}

static int
compare_request_changes (gconstpointer a,
                         gconstpointer b)
{
  return strcmp ((*(EscReassignRequestChange * const *) a)->key,
                 (*(EscReassignRequestChange * const *) b)->key);
}

static int
compare_capacity_changes (gconstpointer a,
                          gconstpointer b)
{
  return strcmp ((*(EscReassignCapacityChange * const *) a)->employee,
                 (*(EscReassignCapacityChange * const *) b)->employee);
}

EscReassignComparison *
esc_reassign_compare_with_node (EscReassignResult *current,
                                JsonNode          *previous,
                                GError           **error)
{
  g_autoptr(EscReassignComparison) comparison = NULL;
  g_autoptr(GHashTable) before = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) employees = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonArray *requests, *capacities;
  const char *today;

  g_return_val_if_fail (current != NULL, NULL);

  if (previous == NULL || json_node_get_node_type (previous) != JSON_NODE_OBJECT)
    return fail_plan (error, _("the file is not a JSON object"));
  root = json_node_get_object (previous);
  if (g_strcmp0 (member_string (root, "format"), ESC_REASSIGN_PLAN_FORMAT) != 0)
    return fail_plan (error, _("its “format” is not “escala-reassign-plan”"));
  if (member_number (root, "version") > ESC_REASSIGN_PLAN_VERSION)
    return fail_plan (error, _("it was written by a newer Escala"));
  if ((requests = member_array (root, "requests")) == NULL)
    return fail_plan (error, _("it has no “requests” list"));
  if ((capacities = member_array (root, "employees")) == NULL)
    return fail_plan (error, _("it has no “employees” list"));

  comparison = g_new0 (EscReassignComparison, 1);
  comparison->requests = g_ptr_array_new_with_free_func (request_change_free);
  comparison->capacities = g_ptr_array_new_with_free_func (capacity_change_free);
  comparison->previous_mode = g_strdup (member_string (root, "mode"));
  today = member_string (root, "today");
  if (today == NULL || !esc_parse_date (today, &comparison->previous_today, NULL))
    comparison->previous_today = 0;

  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonNode *node = json_array_get_element (requests, i);
      const char *key;

      if (json_node_get_node_type (node) != JSON_NODE_OBJECT ||
          (key = member_string (json_node_get_object (node), "key")) == NULL)
        continue;
      g_hash_table_insert (before, (gpointer) key, json_node_get_object (node));
    }
  for (guint g = 0; g < current->groups->len; g++)
    {
      EscReassignGroup *group = g_ptr_array_index (current->groups, g);
      JsonObject *old = g_hash_table_lookup (before, group->key);
      double old_need = old != NULL ? member_number (old, "needed_hours") : 0.0;
      EscReassignRequestChange *change;

      if (old != NULL && group->needed_hours <= old_need + ESC_REASSIGN_EPSILON)
        continue;
      change = g_new0 (EscReassignRequestChange, 1);
      change->key = g_strdup (group->key);
      change->team = g_strdup (group->team);
      change->category = g_strdup (group->category);
      change->before = old_need;
      change->after = group->needed_hours;
      change->is_new = old == NULL;
      g_ptr_array_add (comparison->requests, change);
    }
  g_ptr_array_sort (comparison->requests, compare_request_changes);

  for (guint i = 0; i < json_array_get_length (capacities); i++)
    {
      JsonNode *node = json_array_get_element (capacities, i);
      const char *id;

      if (json_node_get_node_type (node) != JSON_NODE_OBJECT ||
          (id = member_string (json_node_get_object (node), "id")) == NULL)
        continue;
      g_hash_table_insert (employees, (gpointer) id, json_node_get_object (node));
    }
  for (guint i = 0; i < current->capacities->len; i++)
    {
      EscReassignCapacity *capacity = g_ptr_array_index (current->capacities, i);
      JsonObject *old = g_hash_table_lookup (employees, capacity->employee);
      EscReassignCapacityChange *change = g_new0 (EscReassignCapacityChange, 1);

      change->employee = g_strdup (capacity->employee);
      change->spare_after = capacity->spare_capacity;
      change->available_after = capacity->available_hours;
      change->is_new = old == NULL;
      if (old != NULL)
        {
          change->spare_before = member_number (old, "spare_capacity");
          change->available_before = member_number (old, "available_hours");
          g_hash_table_remove (employees, capacity->employee);
        }
      if (change->is_new ||
          fabs (change->spare_after - change->spare_before) > ESC_REASSIGN_EPSILON ||
          fabs (change->available_after - change->available_before) > ESC_REASSIGN_EPSILON)
        g_ptr_array_add (comparison->capacities, change);
      else
        capacity_change_free (change);
    }
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, employees);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        EscReassignCapacityChange *change = g_new0 (EscReassignCapacityChange, 1);

        change->employee = g_strdup (key);
        change->spare_before = member_number (value, "spare_capacity");
        change->available_before = member_number (value, "available_hours");
        change->is_gone = TRUE;
        g_ptr_array_add (comparison->capacities, change);
      }
  }
  g_ptr_array_sort (comparison->capacities, compare_capacity_changes);
  return g_steal_pointer (&comparison);
}

EscReassignComparison *
esc_reassign_compare_with_data (EscReassignResult *current,
                                const char        *data,
                                gssize             length,
                                GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    return fail_plan (error, local_error->message);
  return esc_reassign_compare_with_node (current, json_parser_get_root (parser), error);
}

EscReassignComparison *
esc_reassign_compare_with_file (EscReassignResult *current,
                                const char        *path,
                                GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_PLAN,
                   _("Cannot read the previous plan: %s"), local_error->message);
      return NULL;
    }
  return esc_reassign_compare_with_data (current, data, (gssize) length, error);
}

char *
esc_reassign_comparison_describe (const EscReassignComparison *comparison)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < comparison->requests->len; i++)
    {
      EscReassignRequestChange *change = g_ptr_array_index (comparison->requests, i);
      g_autofree char *before = esc_reassign_format_number (change->before);
      g_autofree char *after = esc_reassign_format_number (change->after);

      if (change->is_new)
        /* Translators: "New request S1/cashier: 12 hours". */
        g_string_append_printf (text, _("New request %s: %s hours"), change->key, after);
      else
        /* Translators: "Request S1/cashier grew from 8 to 12 hours". */
        g_string_append_printf (text, _("Request %s grew from %s to %s hours"), change->key,
                                before, after);
      g_string_append_c (text, '\n');
    }
  for (guint i = 0; i < comparison->capacities->len; i++)
    {
      EscReassignCapacityChange *change = g_ptr_array_index (comparison->capacities, i);
      g_autofree char *spare_before = esc_reassign_format_number (change->spare_before);
      g_autofree char *spare_after = esc_reassign_format_number (change->spare_after);
      g_autofree char *available_before = esc_reassign_format_number (change->available_before);
      g_autofree char *available_after = esc_reassign_format_number (change->available_after);

      if (change->is_new)
        g_string_append_printf (text, _("New employee %s: %s spare hours, %s hours that may move"),
                                change->employee, spare_after, available_after);
      else if (change->is_gone)
        g_string_append_printf (text, _("Employee %s is no longer in the plan"),
                                change->employee);
      else
        g_string_append_printf (text,
                                /* Translators: "Capacity of E7 changed: spare hours 4 → 2,
                                 * hours that may move 10 → 10". */
                                _("Capacity of %s changed: spare hours %s → %s, hours that may move %s → %s"),
                                change->employee, spare_before, spare_after, available_before,
                                available_after);
      g_string_append_c (text, '\n');
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
