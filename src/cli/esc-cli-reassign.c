/* esc-cli-reassign.c: "escala-cli reassign FILE": the reassignment scorer.
 *
 * Runs the greedy (or the optimal) reassignment of reassignment.md on the project's
 * Request, Assignment, Employee, Exclusion and Move tables with the project's reassign_
 * parameters, prints the plan, and writes it as XLSX (--output) and as JSON (--json, the
 * plan file the next day's --previous compares with). --accept appends the plan's moves
 * to the Move table and saves the project (atomically).
 *
 * Exit status: 0 done; 1 the project's data or parameters cannot be used (listed on
 * stderr); 2 a file cannot be read or written, or the command line is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "core/esc-parse.h"
#include "esc-cli.h"
#include "io/esc-project-file.h"
#include "reassign/esc-reassign-export.h"
#include "reassign/esc-reassign-plan.h"
#include "reassign/esc-reassign.h"

static void
print_plan (EscReassignResult *result)
{
  g_autofree char *day = esc_format_date (result->today);
  g_autofree char *summary = esc_reassign_result_describe (result);

  /* Translators: "Reassignment (greedy), 2026-03-02". */
  g_print (_("Reassignment (%s), %s"), esc_reassign_mode_to_string (result->mode), day);
  g_print ("\n%s\n", summary);

  for (guint c = 0; c < result->categories->len; c++)
    {
      const char *category = g_ptr_array_index (result->categories, c);
      g_autoptr(GPtrArray) groups = esc_reassign_result_get_groups_for_category (result, category);

      g_print ("\n%s\n", category);
      for (guint g = 0; g < groups->len; g++)
        {
          EscReassignGroup *group = g_ptr_array_index (groups, g);
          g_autofree char *ids = g_strjoinv (", ", group->request_ids);
          g_autofree char *needed = esc_reassign_format_number (group->needed_hours);
          g_autofree char *covered = esc_reassign_format_number (group->covered_hours);

          /* Translators: "  S1/cashier (R1, R2): needs 13 h, covered 13 h". */
          g_print (_("  %s (%s): needs %s h, covered %s h"), group->key, ids, needed, covered);
          g_print ("\n");
          for (guint m = 0; m < result->moves->len; m++)
            {
              EscReassignMove *move = g_ptr_array_index (result->moves, m);
              g_autofree char *hours = NULL;
              g_autofree char *score = NULL;
              g_autoptr(GString) backfill = g_string_new (NULL);

              if (g_ptr_array_index (result->groups, move->group) != group)
                continue;
              hours = esc_reassign_format_number (move->hours);
              score = esc_reassign_score_describe (&move->score);
              for (guint b = 0; b < move->backfills->len; b++)
                {
                  EscReassignBackfill *helper = g_ptr_array_index (move->backfills, b);
                  g_autofree char *given = esc_reassign_format_number (helper->hours);

                  g_string_append_printf (backfill, "%s%s %s h", b > 0 ? ", " : "",
                                          helper->employee, given);
                }
              /* Translators: "    E3 (A7, S2/stock) → S1: 6 h, score 14 = part_time 4 +
               * team_member 10; backfill: E9 4 h, E10 2 h". */
              g_print (_("    %s (%s, %s/%s) → %s: %s h, score %s; backfill: %s"),
                       move->employee, move->assignment, move->from_team, move->from_category,
                       move->to_team, hours, score,
                       backfill->len > 0 ? backfill->str : _("none"));
              g_print ("\n");
            }
        }
    }
  for (guint i = 0; i < result->notes->len; i++)
    g_print ("%s %s\n", _("Note:"), (const char *) g_ptr_array_index (result->notes, i));
}

int
esc_cli_reassign (const EscCliCommand *command,
                  int                  argc,
                  char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(EscReassignInput) input = NULL;
  g_autoptr(EscReassignResult) result = NULL;
  g_autoptr(EscReassignComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *mode_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *json = NULL;
  g_autofree char *previous = NULL;
  g_auto(EscReassignSettings) settings = { 0 };
  EscReassignMode mode = ESC_REASSIGN_GREEDY;
  gboolean accept = FALSE;
  EscJulian today;
  const char *path;
  const GOptionEntry entries[] = {
    { "mode", 'm', 0, G_OPTION_ARG_STRING, &mode_text,
      N_("greedy (the default) or optimal"), N_("MODE") },
    { "today", 't', 0, G_OPTION_ARG_STRING, &today_text,
      N_("The day of the run (moves dated this day count as made today); default: today"),
      N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the plan as an XLSX workbook"), N_("OUT.xlsx") },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json,
      N_("Write the plan as JSON (the file --previous reads)"), N_("OUT.json") },
    { "previous", 0, 0, G_OPTION_ARG_FILENAME, &previous,
      N_("Compare with a previous plan saved with --json"), N_("PLAN.json") },
    { "accept", 0, 0, G_OPTION_ARG_NONE, &accept,
      N_("Append the plan's moves to the Move table and save the project"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = esc_cli_option_context_new (command, entries);
  g_option_context_set_description (context,
    _("Proposes moves of experienced staff to the open requests, each with the\n"
      "employees who backfill the hours left behind, and writes the moves, the top\n"
      "options per request and the top backfill options per move, every score term\n"
      "shown. Weights and thresholds are the project's reassign_ parameters.\n"
      "\n"
      "Exit status:\n"
      "  0  done\n"
      "  1  the project's reassignment data or parameters cannot be used\n"
      "  2  a file cannot be read or written, or the command line is wrong"));
  if (!esc_cli_parse_options (command, context, &argc, &argv))
    return ESC_CLI_EXIT_FAILURE;
  if ((path = esc_cli_get_single_file (command, files)) == NULL)
    return ESC_CLI_EXIT_FAILURE;
  if (mode_text != NULL && !esc_reassign_mode_from_string (mode_text, &mode))
    {
      esc_cli_print_error (command, _("unknown mode “%s”; expected greedy or optimal"),
                           mode_text);
      return ESC_CLI_EXIT_FAILURE;
    }
  if (today_text != NULL)
    {
      if (!esc_parse_date (today_text, &today, &error))
        {
          esc_cli_print_error (command, "--today: %s", error->message);
          return ESC_CLI_EXIT_FAILURE;
        }
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                              g_date_time_get_month (now),
                                              g_date_time_get_year (now));

      today = g_date_get_julian (date);
    }
  if (output == NULL)
    {
      esc_cli_print_error (command, _("--output is required: the workbook to write"));
      return ESC_CLI_EXIT_FAILURE;
    }

  if ((project = esc_cli_load_project (command, path)) == NULL)
    return ESC_CLI_EXIT_FAILURE;

  if (!esc_reassign_settings_load (&settings, project, &error))
    {
      esc_cli_print_error (command, "%s", error->message);
      return ESC_CLI_EXIT_PROBLEMS;
    }
  input = esc_reassign_input_new_from_project (project, today, &error);
  if (input == NULL)
    {
      esc_cli_print_error (command, "%s", error->message);
      return ESC_CLI_EXIT_PROBLEMS;
    }
  result = esc_reassign_run (input, &settings, mode, NULL, &error);
  if (result == NULL)
    {
      esc_cli_print_error (command, "%s", error->message);
      return ESC_CLI_EXIT_FAILURE;
    }

  if (previous != NULL &&
      (comparison = esc_reassign_compare_with_file (result, previous, &error)) == NULL)
    {
      esc_cli_print_error (command, "%s", error->message);
      return ESC_CLI_EXIT_FAILURE;
    }

  print_plan (result);
  if (comparison != NULL)
    {
      g_autofree char *changes = esc_reassign_comparison_describe (comparison);

      g_print ("\n%s\n%s", _("Since the previous plan:"),
               *changes != '\0' ? changes : _("nothing grew or changed\n"));
    }

  if (!esc_reassign_export_xlsx (result, comparison, output, &error) ||
      (json != NULL && !esc_reassign_plan_save (result, comparison, json, &error)))
    {
      esc_cli_print_error (command, "%s", error->message);
      return ESC_CLI_EXIT_FAILURE;
    }

  if (accept)
    {
      EscCommand *accepted = esc_reassign_result_accept (result, project);

      if (accepted == NULL)
        g_print ("%s\n", _("No moves to accept."));
      else
        {
          guint n = result->moves->len;

          esc_project_execute (project, accepted);
          g_object_unref (accepted);
          if (!esc_project_file_save (project, path, &error))
            {
              esc_cli_print_error (command, "%s", error->message);
              return ESC_CLI_EXIT_FAILURE;
            }
          g_print (g_dngettext (GETTEXT_PACKAGE, "Accepted %u move into the history.",
                                "Accepted %u moves into the history.", n), n);
          g_print ("\n");
        }
    }
  return ESC_CLI_EXIT_OK;
}
