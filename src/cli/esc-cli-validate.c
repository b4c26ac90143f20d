/* esc-cli-validate.c: "escala-cli validate FILE": every problem of a project.
 *
 * Prints one line per problem on stderr, as TABLE:ROW:COLUMN: message (ROW 1-based,
 * ROW and COLUMN empty when the problem concerns a whole table or row; warnings carry
 * "warning: " before the message), then a summary line on stdout. Exit status 0 when
 * there is no error (warnings alone still pass), 1 when there are errors, 2 when the
 * file cannot be read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "core/esc-validate.h"
#include "esc-cli.h"

static char *
summarize (guint n_errors,
           guint n_warnings)
{
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;

  if (n_errors == 0 && n_warnings == 0)
    return g_strdup (_("no problems found"));

  errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
  warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
  /* TRANSLATORS: "3 errors, 1 warning" */
  return g_strdup_printf (_("%s, %s"), errors, warnings);
}

int
esc_cli_validate (const EscCliCommand *command,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *summary = NULL;
  gboolean quiet = FALSE;
  const char *path;
  guint n_errors;
  const GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("Print only the problems, not the summary line"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = esc_cli_option_context_new (command, entries);
  g_option_context_set_description (context,
    _("Each problem is printed on standard error as TABLE:ROW:COLUMN: message,\n"
      "with the table and column keys of the project file and the row counted from 1;\n"
      "warnings have “warning: ” before the message.\n"
      "\n"
      "Exit status:\n"
      "  0  no errors (warnings are printed but pass)\n"
      "  1  the project has errors\n"
      "  2  the file cannot be read, or the command line is wrong"));
  if (!esc_cli_parse_options (command, context, &argc, &argv))
    return ESC_CLI_EXIT_FAILURE;
  if ((path = esc_cli_get_single_file (command, files)) == NULL)
    return ESC_CLI_EXIT_FAILURE;

  if ((project = esc_cli_load_project (command, path)) == NULL)
    return ESC_CLI_EXIT_FAILURE;

  diagnostics = esc_validate_project (project);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = esc_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_printerr ("%s\n", line);
    }

  n_errors = esc_validate_count_errors (diagnostics);
  if (!quiet)
    {
      display_name = g_filename_display_name (path);
      summary = summarize (n_errors, diagnostics->len - n_errors);
      g_print ("%s: %s\n", display_name, summary);
    }

  return n_errors > 0 ? ESC_CLI_EXIT_PROBLEMS : ESC_CLI_EXIT_OK;
}
