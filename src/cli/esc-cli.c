/* esc-cli.c: escala-cli's entry point: global options and the subcommand dispatch.
 *
 * A subcommand is one entry of the table below and one file esc-cli-NAME.c. To add
 * one (solve, import, export, gantt, check, reassign, forecast, erlang), declare its
 * function in esc-cli.h, add a row here and the file to meson.build.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdarg.h>
#include <string.h>

#include "core/esc-i18n.h"
#include "esc-cli.h"
#include "io/esc-project-file.h"
#include "io/esc-roster-json.h"

/* The subcommands, in the order escala-cli --help lists them. */
static const EscCliCommand commands[] = {
  { "validate", N_("FILE"),
    N_("Check a project and list every problem it has"), esc_cli_validate },
  { "info", N_("FILE"),
    N_("Show the tables, the horizon and the parameters of a project"), esc_cli_info },
  { "solve", N_("FILE"), N_("Build the optimal schedule of a project or a classic roster"),
    esc_cli_solve },
  { "check", N_("FILE"), N_("Re-verify every hard rule on the schedule saved in a project"),
    esc_cli_check },
  { "import", N_("WORKBOOK.xlsx|TABLE.csv"),
    N_("Import the Excel template (or a CSV table) into a project file"), esc_cli_import },
  { "export", N_("[FILE]"),
    N_("Export a project as the Excel template, its schedule as a results workbook or CSV"),
    esc_cli_export },
  { "gantt", N_("FILE --output OUT.{png,svg,pdf}"),
    N_("Draw the schedule as a Gantt chart (PNG, SVG or PDF)"), esc_cli_gantt },
  { "reassign", N_("FILE"),
    N_("Propose moves of staff to open requests, with trainee backfill"), esc_cli_reassign },
  { "forecast", N_("HISTORY"),
    N_("Forecast workload from history, staff it and optionally write Demand rows"),
    esc_cli_forecast },
  { "erlang", N_("--arrivals N --aht S"), N_("Agents needed for queued work (Erlang C)"),
    esc_cli_erlang },
};

static const EscCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

static char *
describe_commands (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (guint) strlen (commands[i].name));

  g_string_append_printf (text, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *name = esc_cli_pad (commands[i].name, width);

      g_string_append_printf (text, "  %s   %s\n", name, _(commands[i].summary));
    }
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Run “%s COMMAND --help” to see the options of a command."),
                          "escala-cli");
  g_string_append (text, "\n\n");
  g_string_append (text, _("Exit status:\n"
                           "  0  all is well (warnings may have been printed)\n"
                           "  1  the project has problems, listed on standard error\n"
                           "  2  a file cannot be read, or the command line is wrong"));
  g_string_append_c (text, '\n');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
report_unknown_command (const char *name)
{
  g_printerr ("escala-cli: ");
  g_printerr (_("unknown command “%s”"), name);
  g_printerr ("\n");
  g_printerr (_("Run “%s --help” to see the commands."), "escala-cli");
  g_printerr ("\n");
  return ESC_CLI_EXIT_FAILURE;
}

static int
run_command (const EscCliCommand *command, int argc, char **argv)
{
  g_autofree char *prgname = g_strdup_printf ("escala-cli %s", command->name);

  /* GOptionContext names the program in its usage line by the prgname. */
  g_set_prgname (prgname);
  return command->run (command, argc, argv);
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const EscCliCommand *command;
  const char *name;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  esc_i18n_init ();
  g_set_prgname ("escala-cli");

  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Check and inspect Escala staff scheduling projects "
                                           "without a display."));
  description = describe_commands ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Stop at the subcommand: its options are its own. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("escala-cli: %s\n", error->message);
      g_printerr (_("Run “%s --help” to see the commands."), "escala-cli");
      g_printerr ("\n");
      return ESC_CLI_EXIT_FAILURE;
    }

  if (version)
    {
      g_print ("escala-cli %s\n", PACKAGE_VERSION);
      return ESC_CLI_EXIT_OK;
    }

  if (argc < 2)
    {
      g_printerr ("escala-cli: %s\n", _("no command given"));
      g_printerr (_("Run “%s --help” to see the commands."), "escala-cli");
      g_printerr ("\n");
      return ESC_CLI_EXIT_FAILURE;
    }

  /* "escala-cli help [COMMAND]" is "escala-cli [COMMAND] --help". */
  name = argv[1];
  if (g_strcmp0 (name, "help") == 0)
    {
      g_autofree char *help = NULL;

      if (argc >= 3)
        {
          char *help_argv[] = { argv[2], (char *) "--help", NULL };

          if ((command = find_command (argv[2])) == NULL)
            return report_unknown_command (argv[2]);
          return run_command (command, 2, help_argv);
        }

      help = g_option_context_get_help (context, TRUE, NULL);
      g_print ("%s", help);
      return ESC_CLI_EXIT_OK;
    }

  if ((command = find_command (name)) == NULL)
    return report_unknown_command (name);

  return run_command (command, argc - 1, argv + 1);
}

GOptionContext *
esc_cli_option_context_new (const EscCliCommand *command,
                            const GOptionEntry  *entries)
{
  GOptionContext *context = g_option_context_new (_(command->parameters));

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

gboolean
esc_cli_parse_options (const EscCliCommand *command,
                       GOptionContext      *context,
                       int                 *argc,
                       char              ***argv)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;

  esc_cli_print_error (command, "%s", error->message);
  g_printerr (_("Run “%s %s --help” to see its options."), "escala-cli", command->name);
  g_printerr ("\n");
  return FALSE;
}

const char *
esc_cli_get_single_file (const EscCliCommand *command,
                         char               **files)
{
  guint n_files = files != NULL ? g_strv_length (files) : 0;

  if (n_files == 1)
    return files[0];

  if (n_files == 0)
    esc_cli_print_error (command, "%s", _("no project file given"));
  else
    esc_cli_print_error (command, "%s", _("expected one project file, found several"));
  g_printerr (_("Run “%s %s --help” to see its options."), "escala-cli", command->name);
  g_printerr ("\n");
  return NULL;
}

EscProject *
esc_cli_load_project (const EscCliCommand *command,
                      const char          *path)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;
  EscProject *project;

  project = esc_project_file_load_full (path, &notes, &error);
  if (project == NULL)
    {
      esc_cli_print_error (command, "%s", error->message);
      return NULL;
    }

  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    esc_cli_print_error (command, "%s%s", _("warning: "), notes[i]);

  return project;
}

EscProject *
esc_cli_load_input (const EscCliCommand *command,
                    const char          *path,
                    const char          *start_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  EscProject *project;

  if (!g_str_has_suffix (path, ".json") && !g_str_has_suffix (path, ".JSON"))
    return esc_cli_load_project (command, path);

  warnings = g_ptr_array_new_with_free_func (g_free);
  project = esc_roster_json_load (path, start_date, warnings, &error);
  if (project == NULL)
    {
      esc_cli_print_error (command, "%s", error->message);
      return NULL;
    }
  for (guint i = 0; i < warnings->len; i++)
    esc_cli_print_error (command, "%s%s", _("warning: "), (char *) g_ptr_array_index (warnings, i));
  return project;
}

void
esc_cli_print_error (const EscCliCommand *command,
                     const char          *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("escala-cli %s: %s\n", command->name, message);
}

char *
esc_cli_pad (const char *text,
             guint       width)
{
  GString *padded = g_string_new (text);
  glong length = g_utf8_strlen (text, -1);

  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (padded, ' ');
  return g_string_free (padded, FALSE);
}
