/* esc-cli-import.c: "escala-cli import": the Excel template or a CSV table into a project.
 *
 *   escala-cli import WORKBOOK.xlsx --output PROJECT.escala [--skip-bad-rows]
 *   escala-cli import TABLE.csv [--table KEY] --output PROJECT.escala [--skip-bad-rows]
 *
 * A workbook becomes a new project (an existing output file is replaced, atomically, its
 * previous content kept as PROJECT.escala.bak). A CSV file replaces one table: of the
 * output project when that file exists, else of a new project; the table is --table (a
 * table key or sheet name) or guessed from the file name ("employee.csv").
 *
 * Prints the rows imported per table and the notes (defaults applied, sheets absent, rows
 * left out) on standard output, and every problem on standard error as
 * "Sheet!Cell: message" ("Employee!D7: ..."; "Sheet: message" when there is no cell;
 * warnings have "warning: " before the message; problems of rows left out end with
 * "(row left out)"). Exit status: 0 imported (warnings may have been printed), 1 not
 * imported because of problems, 2 the input cannot be read, the output cannot be written,
 * or the command line is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/esc-parse.h"
#include "esc-cli.h"
#include "io/esc-io-error.h"
#include "io/esc-project-file.h"
#include "io/esc-template-import.h"

static void
print_problems (const EscImportResult *result)
{
  for (guint i = 0; i < result->problems->len; i++)
    {
      const EscImportProblem *problem = g_ptr_array_index (result->problems, i);
      g_autofree char *line = esc_import_problem_to_string (problem);

      if (problem->skipped)
        /* Translators: after a problem whose row --skip-bad-rows left out. */
        g_printerr ("%s %s\n", line, _("(row left out)"));
      else
        g_printerr ("%s\n", line);
    }
}

static void
print_counts (const EscImportResult *result)
{
  guint width = 0;

  for (guint t = 0; t < ESC_N_TABLES; t++)
    if (result->tables_read[t] || result->counts[t] > 0)
      width = MAX (width, (guint) g_utf8_strlen (esc_schema_get_table (t)->key, -1));

  for (guint t = 0; t < ESC_N_TABLES; t++)
    {
      g_autofree char *name = NULL;

      if (!result->tables_read[t] && result->counts[t] == 0)
        continue;
      name = esc_cli_pad (esc_schema_get_table (t)->key, width);
      g_print ("  %s  %u\n", name, result->counts[t]);
    }
}

/* The table a CSV file holds: --table, else its file name ("employee.csv"). */
static const EscTableSchema *
find_csv_table (const EscCliCommand *command,
                const char          *path,
                const char          *table_name)
{
  const EscTableSchema *schema;

  if (table_name != NULL)
    {
      if ((schema = esc_schema_find_table (table_name)) != NULL)
        return schema;
      for (guint t = 0; t < ESC_N_TABLES; t++)
        if (g_ascii_strcasecmp (_(esc_schema_get_table (t)->title), table_name) == 0)
          return esc_schema_get_table (t);
      esc_cli_print_error (command, _("unknown table “%s”; expected a table key such as "
                                      "employee, demand or previous_allocation"), table_name);
      return NULL;
    }
  else
    {
      g_autofree char *base = g_path_get_basename (path);
      char *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      if ((schema = esc_schema_find_table (base)) != NULL)
        return schema;
      esc_cli_print_error (command, _("cannot tell which table “%s” holds; give it with "
                                      "--table, e.g. --table employee"), path);
      return NULL;
    }
}

int
esc_cli_import (const EscCliCommand *command,
                int                  argc,
                char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscImportResult) result = NULL;
  g_autoptr(EscProject) base = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *output = NULL;
  g_autofree char *table_name = NULL;
  g_autofree char *today = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *lower = NULL;
  EscImportOptions options = { 0 };
  gboolean skip_bad_rows = FALSE;
  const char *path;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the project to FILE (required)"), N_("FILE") },
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &skip_bad_rows,
      N_("Leave rows with errors out and import the rest"), NULL },
    { "table", 't', 0, G_OPTION_ARG_STRING, &table_name,
      N_("The table a CSV file holds (default: from its name)"), N_("TABLE") },
    { "today", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &today,
      N_("The date taken as today for the default start date"), N_("DATE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = esc_cli_option_context_new (command, entries);
  g_option_context_set_description (context,
    _("A workbook (.xlsx) becomes a new project; a CSV file replaces one table of the\n"
      "output project (or of a new one). Problems are printed on standard error as\n"
      "Sheet!Cell: message; warnings have “warning: ” before the message.\n"
      "\n"
      "Exit status:\n"
      "  0  imported (warnings may have been printed)\n"
      "  1  not imported: the input has problems (try --skip-bad-rows)\n"
      "  2  the input cannot be read, the output cannot be written, or the command\n"
      "     line is wrong"));
  if (!esc_cli_parse_options (command, context, &argc, &argv))
    return ESC_CLI_EXIT_FAILURE;
  if (files == NULL || g_strv_length (files) != 1)
    {
      esc_cli_print_error (command, "%s", files == NULL ? _("no workbook or CSV file given")
                                                        : _("expected one file to import, "
                                                            "found several"));
      return ESC_CLI_EXIT_FAILURE;
    }
  path = files[0];
  if (output == NULL)
    {
      esc_cli_print_error (command, "%s", _("no output project given; use --output FILE"));
      return ESC_CLI_EXIT_FAILURE;
    }
  options.skip_bad_rows = skip_bad_rows;
  if (today != NULL && !esc_parse_date (today, &options.today, &error))
    {
      esc_cli_print_error (command, "--today: %s", error->message);
      return ESC_CLI_EXIT_FAILURE;
    }

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv") || table_name != NULL)
    {
      const EscTableSchema *schema = find_csv_table (command, path, table_name);

      if (schema == NULL)
        return ESC_CLI_EXIT_FAILURE;
      if (g_file_test (output, G_FILE_TEST_EXISTS) &&
          (base = esc_cli_load_project (command, output)) == NULL)
        return ESC_CLI_EXIT_FAILURE;
      result = esc_template_import_csv (path, schema->id, base, &options, &error);
    }
  else
    result = esc_template_import (path, &options, &error);

  if (result == NULL)
    {
      esc_cli_print_error (command, "%s", error->message);
      return ESC_CLI_EXIT_FAILURE;
    }

  print_problems (result);
  display_name = g_filename_display_name (path);
  if (result->project == NULL)
    {
      if (!result->fatal && result->n_bad_rows > 0)
        g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                 "%s: not imported; %u row has errors: run again with "
                                 "--skip-bad-rows to import the rest\n",
                                 "%s: not imported; %u rows have errors: run again with "
                                 "--skip-bad-rows to import the rest\n", result->n_bad_rows),
                    display_name, result->n_bad_rows);
      else
        g_printerr (_("%s: not imported\n"), display_name);
      return ESC_CLI_EXIT_PROBLEMS;
    }

  if (!esc_project_file_save (result->project, output, &error))
    {
      esc_cli_print_error (command, "%s", error->message);
      return ESC_CLI_EXIT_FAILURE;
    }

  {
    g_autofree char *output_name = g_filename_display_name (output);

    g_print (_("Imported %s into %s:\n"), display_name, output_name);
  }
  print_counts (result);
  for (guint i = 0; i < result->notes->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (result->notes, i));
  if (result->n_skipped > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u row with errors was left out.\n",
                          "%u rows with errors were left out.\n", result->n_skipped),
             result->n_skipped);
  return ESC_CLI_EXIT_OK;
}
