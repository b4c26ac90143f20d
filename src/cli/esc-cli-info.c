/* esc-cli-info.c: "escala-cli info FILE": what a project holds.
 *
 * Rows per table, the planning horizon (start, number of days, end, weekdays) and every
 * known parameter with its value or its default; --json gives the same as one JSON
 * object on stdout. Exit status 0, or 2 when the file cannot be read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "core/esc-schema.h"
#include "core/esc-table.h"
#include "esc-cli.h"

typedef struct
{
  gboolean valid;
  EscJulian start;
  EscJulian end;
  int days;
  char *error;       /* why there is no horizon, when !valid */
} Horizon;

typedef struct
{
  const char *key;
  const char *title;
  char *value;       /* the value in effect, NULL when none */
  gboolean is_default;
  gboolean is_known;
} Parameter;

static void
clear_parameter (gpointer data)
{
  Parameter *parameter = data;

  g_free (parameter->value);
}

static void
compute_horizon (EscProject *project,
                 Horizon    *horizon)
{
  g_autoptr(GError) error = NULL;

  horizon->valid = FALSE;
  horizon->error = NULL;
  if (!esc_project_get_start_date (project, &horizon->start, &error) ||
      !esc_project_get_horizon (project, &horizon->days, &error))
    {
      horizon->error = g_strdup (error->message);
      return;
    }
  horizon->end = horizon->start + horizon->days - 1;
  horizon->valid = TRUE;
}

static const char *
get_default_value (const EscParameterDef *def)
{
  if (def->default_value == NULL && def->type == ESC_COLUMN_OBJECTIVES)
    return esc_schema_get_default_objectives ();
  return def->default_value;
}

/* Every known parameter in schema order, then the unknown ones the table holds. */
static GArray *
collect_parameters (EscProject *project)
{
  EscTable *table = esc_project_get_table (project, ESC_TABLE_PARAMETER);
  GArray *parameters = g_array_new (FALSE, TRUE, sizeof (Parameter));
  const EscParameterDef *defs;
  guint n_defs;

  g_array_set_clear_func (parameters, clear_parameter);

  defs = esc_schema_get_parameters (&n_defs);
  for (guint i = 0; i < n_defs; i++)
    {
      EscRow *row = esc_project_find_parameter_row (project, defs[i].key);
      g_autofree char *value = row != NULL ? esc_strip_dup (esc_row_get (row, ESC_PARAMETER_VALUE))
                                           : NULL;
      Parameter parameter = { defs[i].key, _(defs[i].title), NULL, FALSE, TRUE };

      if (value != NULL && *value != '\0')
        parameter.value = g_steal_pointer (&value);
      else
        {
          parameter.value = g_strdup (get_default_value (&defs[i]));
          parameter.is_default = parameter.value != NULL;
        }
      g_array_append_val (parameters, parameter);
    }

  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    {
      EscRow *row = esc_table_get_row (table, i);
      const char *key = esc_row_get (row, ESC_PARAMETER_KEY);
      Parameter parameter = { key, key, NULL, FALSE, FALSE };

      if (esc_schema_find_parameter (key) != NULL)
        continue;
      parameter.value = g_strdup (esc_row_get (row, ESC_PARAMETER_VALUE));
      g_array_append_val (parameters, parameter);
    }

  return parameters;
}

static char *
format_day (EscJulian julian)
{
  g_autoptr(GDate) date = g_date_new_julian (julian);
  g_autofree char *iso = esc_format_date (julian);
  char weekday[64] = "";

  g_date_strftime (weekday, sizeof weekday, "%A", date);
  return g_strdup_printf ("%s (%s)", iso, weekday);
}

static void
print_text (EscProject *project,
            const char *path,
            Horizon    *horizon,
            GArray     *parameters)
{
  g_autofree char *display_name = g_filename_display_name (path);
  guint width = 0;

  g_print ("%s %s\n", _("Project:"), display_name);

  g_print ("\n%s\n", _("Tables"));
  for (EscTableId id = 0; id < ESC_N_TABLES; id++)
    width = MAX (width, (guint) g_utf8_strlen (_(esc_schema_get_table (id)->title), -1));
  for (EscTableId id = 0; id < ESC_N_TABLES; id++)
    {
      EscTable *table = esc_project_get_table (project, id);
      g_autofree char *title = esc_cli_pad (_(esc_schema_get_table (id)->title), width);

      g_print ("  %s %6u\n", title, esc_table_get_n_rows (table));
    }

  g_print ("\n%s\n", _("Horizon"));
  if (horizon->valid)
    {
      g_autofree char *start = format_day (horizon->start);
      g_autofree char *end = format_day (horizon->end);
      const char *labels[] = { _("Start date"), _("Days"), _("End date") };
      g_autofree char *label_start = NULL;
      g_autofree char *label_days = NULL;
      g_autofree char *label_end = NULL;

      width = 0;
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        width = MAX (width, (guint) g_utf8_strlen (labels[i], -1));
      label_start = esc_cli_pad (labels[0], width);
      label_days = esc_cli_pad (labels[1], width);
      label_end = esc_cli_pad (labels[2], width);
      g_print ("  %s  %s\n", label_start, start);
      g_print ("  %s  %d\n", label_days, horizon->days);
      g_print ("  %s  %s\n", label_end, end);
    }
  else
    g_print ("  %s\n", horizon->error);

  g_print ("\n%s\n", _("Parameters"));
  width = 0;
  for (guint i = 0; i < parameters->len; i++)
    width = MAX (width, (guint) g_utf8_strlen (g_array_index (parameters, Parameter, i).key, -1));
  for (guint i = 0; i < parameters->len; i++)
    {
      Parameter *parameter = &g_array_index (parameters, Parameter, i);
      g_autofree char *key = esc_cli_pad (parameter->key, width);
      g_autofree char *value = NULL;

      if (!parameter->is_known)
        /* TRANSLATORS: a parameter row whose key Escala does not know */
        value = g_strdup_printf (_("%s (unknown parameter)"), parameter->value);
      else if (parameter->is_default)
        /* TRANSLATORS: a parameter left blank, which takes its default */
        value = g_strdup_printf (_("(default %s)"),
                                 *parameter->value != '\0' ? parameter->value : _("none"));
      else if (parameter->value == NULL)
        value = g_strdup (_("(not set)"));
      else
        value = g_strdup (parameter->value);
      g_print ("  %s  %s\n", key, value);
    }
}

static void
print_json (EscProject *project,
            const char *path,
            Horizon    *horizon,
            GArray     *parameters)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *display_name = g_filename_display_name (path);
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, display_name);

  json_builder_set_member_name (builder, "tables");
  json_builder_begin_object (builder);
  for (EscTableId id = 0; id < ESC_N_TABLES; id++)
    {
      json_builder_set_member_name (builder, esc_schema_get_table (id)->key);
      json_builder_add_int_value (builder,
                                  esc_table_get_n_rows (esc_project_get_table (project, id)));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "horizon");
  json_builder_begin_object (builder);
  if (horizon->valid)
    {
      g_autofree char *start = esc_format_date (horizon->start);
      g_autofree char *end = esc_format_date (horizon->end);

      json_builder_set_member_name (builder, "start_date");
      json_builder_add_string_value (builder, start);
      json_builder_set_member_name (builder, "days");
      json_builder_add_int_value (builder, horizon->days);
      json_builder_set_member_name (builder, "end_date");
      json_builder_add_string_value (builder, end);
      json_builder_set_member_name (builder, "start_weekday");
      json_builder_add_string_value (builder,
                                     esc_weekday_code (esc_julian_weekday (horizon->start)));
      json_builder_set_member_name (builder, "end_weekday");
      json_builder_add_string_value (builder,
                                     esc_weekday_code (esc_julian_weekday (horizon->end)));
    }
  else
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, horizon->error);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "parameters");
  json_builder_begin_object (builder);
  for (guint i = 0; i < parameters->len; i++)
    {
      Parameter *parameter = &g_array_index (parameters, Parameter, i);

      json_builder_set_member_name (builder, parameter->key);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      if (parameter->value != NULL)
        json_builder_add_string_value (builder, parameter->value);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "default");
      json_builder_add_boolean_value (builder, parameter->is_default);
      json_builder_set_member_name (builder, "known");
      json_builder_add_boolean_value (builder, parameter->is_known);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

int
esc_cli_info (const EscCliCommand *command,
              int                  argc,
              char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(GArray) parameters = NULL;
  g_auto(GStrv) files = NULL;
  Horizon horizon;
  gboolean json = FALSE;
  const char *path;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the information as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = esc_cli_option_context_new (command, entries);
  g_option_context_set_description (context,
    _("Shows the number of rows of every table, the planning horizon (first day,\n"
      "number of days, last day) and every known parameter with its value, or its\n"
      "default when it is not set.\n"
      "\n"
      "Exit status:\n"
      "  0  done\n"
      "  2  the file cannot be read, or the command line is wrong"));
  if (!esc_cli_parse_options (command, context, &argc, &argv))
    return ESC_CLI_EXIT_FAILURE;
  if ((path = esc_cli_get_single_file (command, files)) == NULL)
    return ESC_CLI_EXIT_FAILURE;

  if ((project = esc_cli_load_project (command, path)) == NULL)
    return ESC_CLI_EXIT_FAILURE;

  compute_horizon (project, &horizon);
  parameters = collect_parameters (project);

  if (json)
    print_json (project, path, &horizon, parameters);
  else
    print_text (project, path, &horizon, parameters);

  g_free (horizon.error);
  return ESC_CLI_EXIT_OK;
}
