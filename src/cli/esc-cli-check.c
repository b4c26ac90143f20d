/* esc-cli-check.c: "escala-cli check FILE": re-verify the saved schedule.
 *
 * Reads the schedule stored in the project (escala-cli solve --save, or the app) and
 * runs the independent checker on it: every hard rule, for every employee and day.
 * Prints one line per broken rule on stderr as "schedule:EMPLOYEE:DATE: message".
 *
 * Exit status: 0 every rule holds, 1 rules are broken (or rows cannot be placed),
 * 2 the file cannot be read or has no schedule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "core/esc-parse.h"
#include "esc-cli.h"
#include "solver/esc-checker.h"
#include "solver/esc-schedule-output.h"

int
esc_cli_check (const EscCliCommand *command,
               int                  argc,
               char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(EscSchedule) schedule = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) violations = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  const char *path;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = esc_cli_option_context_new (command, entries);
  g_option_context_set_description (context,
    _("Each broken rule is printed on standard error as schedule:EMPLOYEE:DATE: message.\n"
      "\n"
      "Exit status:\n"
      "  0  every hard rule holds\n"
      "  1  rules are broken\n"
      "  2  the file cannot be read, has no schedule, or the command line is wrong"));
  if (!esc_cli_parse_options (command, context, &argc, &argv))
    return ESC_CLI_EXIT_FAILURE;
  if ((path = esc_cli_get_single_file (command, files)) == NULL)
    return ESC_CLI_EXIT_FAILURE;
  if ((project = esc_cli_load_project (command, path)) == NULL)
    return ESC_CLI_EXIT_FAILURE;

  if (esc_table_get_n_rows (esc_project_get_table (project, ESC_TABLE_ALLOCATION)) == 0)
    {
      esc_cli_print_error (command, "%s",
                           _("the project has no schedule; solve it with “escala-cli solve --save”"));
      return ESC_CLI_EXIT_FAILURE;
    }

  problem = esc_problem_new_from_project (project, &error);
  if (problem == NULL)
    {
      esc_cli_print_error (command, "%s", error->message);
      return ESC_CLI_EXIT_PROBLEMS;
    }

  schedule = esc_schedule_output_load (problem, project, problems);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("schedule::: %s\n", (char *) g_ptr_array_index (problems, i));

  violations = esc_checker_check (schedule);
  for (guint i = 0; i < violations->len; i++)
    {
      const EscViolation *v = g_ptr_array_index (violations, i);
      const EscProblemEmployee *emp = esc_problem_get_employee (problem, v->employee);
      g_autofree char *date = esc_format_date (problem->start_julian + v->first_day);

      g_printerr ("schedule:%s:%s: %s\n", emp->id, date, v->message);
    }

  if (problems->len == 0 && violations->len == 0)
    {
      g_print (_("The schedule keeps every hard rule.\n"));
      return ESC_CLI_EXIT_OK;
    }
  g_print (ngettext ("%u problem found\n", "%u problems found\n",
                     problems->len + violations->len),
           problems->len + violations->len);
  return ESC_CLI_EXIT_PROBLEMS;
}
