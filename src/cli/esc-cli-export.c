/* esc-cli-export.c: "escala-cli export": the template, the results workbook, CSV.
 *
 *   escala-cli export PROJECT.escala --output OUT.xlsx [--template] [--lang pt_BR|en]
 *   escala-cli export --blank --output TEMPLATE.xlsx [--lang pt_BR|en]
 *   escala-cli export PROJECT.escala --results --output RESULTS.xlsx [--lang pt_BR|en]
 *   escala-cli export PROJECT.escala --results --output ALLOCATIONS.csv
 *   escala-cli export PROJECT.escala --reduced --output REDUCED.csv
 *   escala-cli export PROJECT.escala --table employee --output EMPLOYEES.csv
 *
 * The kind of file follows the output's extension (.xlsx or .csv). Results need a
 * schedule saved in the project (escala-cli solve --save); it is read back and checked
 * against the project as it is now (rows that no longer fit are reported and left out).
 * Without --lang the headings follow the user's language (Portuguese for pt*, else
 * English). Exit status: 0 written, 1 the project has no saved schedule (or one that
 * does not fit it), 2 the project cannot be read, the file cannot be written, or the
 * command line is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "esc-cli.h"
#include "io/esc-csv.h"
#include "io/esc-results-export.h"
#include "io/esc-template-export.h"
#include "solver/esc-schedule-output.h"

typedef enum
{
  MODE_TEMPLATE,
  MODE_BLANK,
  MODE_RESULTS,
  MODE_REDUCED,
  MODE_TABLE,
} ExportMode;

static EscTemplateLanguage
default_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], "pt"))
      return ESC_TEMPLATE_LANGUAGE_PT_BR;
  return ESC_TEMPLATE_LANGUAGE_EN;
}

/* The saved schedule of @project, or NULL after printing why there is none. */
static EscSchedule *
load_schedule (const EscCliCommand *command,
               EscProject          *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  EscSchedule *schedule;

  schedule = esc_results_load_saved_schedule (project, problems, &error);
  for (guint i = 0; i < problems->len; i++)
    esc_cli_print_error (command, "%s%s", _("warning: "),
                         (const char *) g_ptr_array_index (problems, i));
  if (schedule == NULL)
    esc_cli_print_error (command, "%s", error->message);
  return schedule;
}

int
esc_cli_export (const EscCliCommand *command,
                int                  argc,
                char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(EscSchedule) schedule = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *table_name = NULL;
  g_autofree char *lower = NULL;
  gboolean template = FALSE, blank = FALSE, results = FALSE, reduced = FALSE;
  EscTemplateLanguage language = default_language ();
  ExportMode mode;
  gboolean csv, ok;
  guint n_modes;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (.xlsx or .csv; required)"), N_("FILE") },
    { "template", 0, 0, G_OPTION_ARG_NONE, &template,
      N_("The project as the Excel template (the default for .xlsx)"), NULL },
    { "blank", 0, 0, G_OPTION_ARG_NONE, &blank,
      N_("A blank template with example rows and notes (no project needed)"), NULL },
    { "results", 0, 0, G_OPTION_ARG_NONE, &results,
      N_("The saved schedule: a results workbook, or its allocations as CSV"), NULL },
    { "reduced", 0, 0, G_OPTION_ARG_NONE, &reduced,
      N_("The saved schedule's reduced table (the next period's history) as CSV"), NULL },
    { "table", 't', 0, G_OPTION_ARG_STRING, &table_name,
      N_("One table of the project as CSV"), N_("TABLE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang,
      N_("Headings in this language: pt_BR or en"), N_("LANGUAGE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = esc_cli_option_context_new (command, entries);
  g_option_context_set_description (context,
    _("The output's extension says what is written: .xlsx (the template, the blank\n"
      "template or the results workbook) or .csv (--results: the allocations,\n"
      "--reduced: the reduced table, --table: any table).\n"
      "\n"
      "Exit status:\n"
      "  0  written\n"
      "  1  the project has no saved schedule for --results or --reduced\n"
      "  2  the project cannot be read, the file cannot be written, or the command\n"
      "     line is wrong"));
  if (!esc_cli_parse_options (command, context, &argc, &argv))
    return ESC_CLI_EXIT_FAILURE;

  if (output == NULL)
    {
      esc_cli_print_error (command, "%s", _("no output file given; use --output FILE"));
      return ESC_CLI_EXIT_FAILURE;
    }
  if (lang != NULL && !esc_template_language_from_string (lang, &language))
    {
      esc_cli_print_error (command, _("unknown language “%s”; expected pt_BR or en"), lang);
      return ESC_CLI_EXIT_FAILURE;
    }
  n_modes = (template ? 1 : 0) + (blank ? 1 : 0) + (results ? 1 : 0) + (reduced ? 1 : 0) +
            (table_name != NULL ? 1 : 0);
  if (n_modes > 1)
    {
      esc_cli_print_error (command, "%s", _("give at most one of --template, --blank, "
                                            "--results, --reduced and --table"));
      return ESC_CLI_EXIT_FAILURE;
    }
  mode = blank ? MODE_BLANK : results ? MODE_RESULTS : reduced ? MODE_REDUCED
         : table_name != NULL ? MODE_TABLE : MODE_TEMPLATE;

  lower = g_ascii_strdown (output, -1);
  csv = g_str_has_suffix (lower, ".csv");
  if (!csv && !g_str_has_suffix (lower, ".xlsx"))
    {
      esc_cli_print_error (command, _("cannot tell what to write from the name “%s”; "
                                      "expected a name ending in .xlsx or .csv"), output);
      return ESC_CLI_EXIT_FAILURE;
    }
  if (csv && (mode == MODE_TEMPLATE || mode == MODE_BLANK))
    {
      esc_cli_print_error (command, "%s", _("a template is a workbook; write it to a .xlsx "
                                            "file, or give --results, --reduced or --table "
                                            "for CSV"));
      return ESC_CLI_EXIT_FAILURE;
    }
  if (!csv && (mode == MODE_REDUCED || mode == MODE_TABLE))
    {
      esc_cli_print_error (command, "%s", _("--reduced and --table write CSV; give an "
                                            "output ending in .csv"));
      return ESC_CLI_EXIT_FAILURE;
    }

  if (mode == MODE_BLANK)
    {
      if (files != NULL && files[0] != NULL)
        {
          esc_cli_print_error (command, "%s", _("--blank takes no project file"));
          return ESC_CLI_EXIT_FAILURE;
        }
      ok = esc_template_export_blank (output, language, &error);
    }
  else
    {
      const char *path = esc_cli_get_single_file (command, files);

      if (path == NULL)
        return ESC_CLI_EXIT_FAILURE;
      if ((project = esc_cli_load_project (command, path)) == NULL)
        return ESC_CLI_EXIT_FAILURE;

      switch (mode)
        {
        case MODE_RESULTS:
        case MODE_REDUCED:
          if ((schedule = load_schedule (command, project)) == NULL)
            return ESC_CLI_EXIT_PROBLEMS;
          if (!csv)
            ok = esc_results_export_workbook (schedule, project, output, language, &error);
          else
            ok = esc_results_export_csv (schedule,
                                         mode == MODE_RESULTS ? ESC_RESULTS_CSV_ALLOCATIONS
                                                              : ESC_RESULTS_CSV_REDUCED,
                                         output, &error);
          break;

        case MODE_TABLE:
          {
            const EscTableSchema *schema = esc_schema_find_table (table_name);
            EscTable *table;
            g_autoptr(GPtrArray) rows = g_ptr_array_new ();

            if (schema == NULL)
              {
                esc_cli_print_error (command, _("unknown table “%s”; expected a table key "
                                                "such as employee or demand"), table_name);
                return ESC_CLI_EXIT_FAILURE;
              }
            table = esc_project_get_table (project, schema->id);
            for (guint i = 0; i < esc_table_get_n_rows (table); i++)
              g_ptr_array_add (rows, esc_table_get_row (table, i));
            ok = esc_csv_write_table (output, schema, rows, &error);
          }
          break;

        case MODE_TEMPLATE:
        case MODE_BLANK:
        default:
          ok = esc_template_export (project, output, language, &error);
          break;
        }
    }

  if (!ok)
    {
      esc_cli_print_error (command, "%s", error->message);
      return ESC_CLI_EXIT_FAILURE;
    }
  return ESC_CLI_EXIT_OK;
}
