/* esc-cli-solve.c: "escala-cli solve FILE": the optimal schedule of a project.
 *
 * FILE is a project (.escala) or a classic roster (.json). The schedule is written to
 * DIR/allocations.csv, DIR/reduced.csv and DIR/summary.json; with --save it is also
 * stored in the project file (undoable in the app like any change). Progress goes to
 * stderr. Ctrl+C stops the solve and writes the best schedule found so far, marked
 * "cancelled".
 *
 * Exit status: 0 a schedule was written (optimal, feasible or cancelled), 1 the
 * project has validation errors or its hard rules conflict (the reasons are printed),
 * 2 a file cannot be read or written, or the command line is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "esc-cli.h"
#include "io/esc-csv.h"
#include "io/esc-project-file.h"
#include "solver/esc-checker.h"
#include "solver/esc-schedule-output.h"
#include "solver/esc-solver.h"

typedef struct
{
  GMainLoop *loop;
  GCancellable *cancellable;
  EscSchedule *schedule;
  GError *error;
  gboolean verbose;
  guint last_phase;       /* G_MAXUINT before the first line */
  double last_incumbent;
  double last_print;      /* elapsed seconds of the last line */
} SolveRun;

static char *
format_value (double value)
{
  return isnan (value) ? g_strdup ("–") : g_strdup_printf ("%g", value);
}

static void
progress_cb (const EscSolverProgress *progress,
             gpointer                 user_data)
{
  SolveRun *run = user_data;
  g_autofree char *incumbent = NULL;
  g_autofree char *bound = NULL;
  g_autofree char *gap = NULL;
  gboolean same_value;

  if (!run->verbose)
    return;
  /* A line when the phase changes, or when the best value improved and half a second
   * passed: enough to follow, not a flood. */
  same_value = progress->incumbent == run->last_incumbent ||
               (isnan (progress->incumbent) && isnan (run->last_incumbent));
  if (progress->phase == run->last_phase &&
      (same_value || progress->elapsed - run->last_print < 0.5) &&
      progress->groups_done < progress->n_groups)
    return;
  run->last_phase = progress->phase;
  run->last_incumbent = progress->incumbent;
  run->last_print = progress->elapsed;

  incumbent = format_value (progress->incumbent);
  bound = format_value (progress->bound);
  gap = isnan (progress->gap) ? g_strdup ("–") : g_strdup_printf ("%.2f%%", progress->gap * 100.0);
  /* TRANSLATORS: progress line: phase 2/7 working_days: best -42, bound -40, gap 5%,
   * groups 3/6, 3.2 s */
  g_printerr (_("phase %u/%u %s: best %s, bound %s, gap %s, groups %u/%u, %.1f s\n"),
              progress->phase + 1, progress->n_phases, progress->objective,
              incumbent, bound, gap, progress->groups_done, progress->n_groups,
              progress->elapsed);
}

static void
solve_finished_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SolveRun *run = user_data;

  run->schedule = esc_solver_solve_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
interrupted_cb (gpointer user_data)
{
  SolveRun *run = user_data;

  g_printerr ("%s\n", _("Stopping: the best schedule so far will be written…"));
  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_CONTINUE;
}

static gboolean
write_outputs (const EscCliCommand *command,
               const EscSchedule   *schedule,
               const char          *dir)
{
  static const guint allocation_columns[] = {
    ESC_ALLOCATION_TASK, ESC_ALLOCATION_START, ESC_ALLOCATION_FINISH,
    ESC_ALLOCATION_RESOURCE, ESC_ALLOCATION_STORE, ESC_ALLOCATION_TYPE,
    ESC_ALLOCATION_ROLE, ESC_ALLOCATION_SHIFT, ESC_ALLOCATION_DATE,
    ESC_ALLOCATION_NET_HOURS, ESC_ALLOCATION_MISSING,
  };
  static const guint reduced_columns[] = {
    ESC_PREVIOUS_EMPLOYEE, ESC_PREVIOUS_DATE, ESC_PREVIOUS_HOURS,
  };
  g_autoptr(GPtrArray) allocations = esc_schedule_output_allocations (schedule);
  g_autoptr(GPtrArray) reduced = esc_schedule_output_reduced (schedule);
  g_autoptr(JsonNode) summary = esc_schedule_output_summary (schedule);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *allocations_path = g_build_filename (dir, "allocations.csv", NULL);
  g_autofree char *reduced_path = g_build_filename (dir, "reduced.csv", NULL);
  g_autofree char *summary_path = g_build_filename (dir, "summary.json", NULL);
  g_autoptr(GError) error = NULL;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      esc_cli_print_error (command, _("Cannot create the folder “%s”: %s"), dir,
                           g_strerror (errno));
      return FALSE;
    }
  json_generator_set_root (generator, summary);
  json_generator_set_pretty (generator, TRUE);
  if (!esc_csv_write_rows (allocations_path, esc_schema_get_table (ESC_TABLE_ALLOCATION),
                           allocations, allocation_columns, G_N_ELEMENTS (allocation_columns),
                           &error) ||
      !esc_csv_write_rows (reduced_path, esc_schema_get_table (ESC_TABLE_PREVIOUS_ALLOCATION),
                           reduced, reduced_columns, G_N_ELEMENTS (reduced_columns), &error) ||
      !json_generator_to_file (generator, summary_path, &error))
    {
      esc_cli_print_error (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static void
print_summary (const EscSchedule *schedule,
               const char        *dir)
{
  g_autoptr(GArray) totals = esc_schedule_output_totals (schedule);
  double hours = 0;
  guint shifts = 0;

  for (guint i = 0; i < totals->len; i++)
    {
      hours += g_array_index (totals, EscEmployeeTotals, i).minutes / 60.0;
      shifts += g_array_index (totals, EscEmployeeTotals, i).days;
    }
  g_print (_("Status: %s\n"), esc_schedule_status_to_string (schedule->status));
  for (guint i = 0; i < schedule->phases->len; i++)
    {
      const EscPhaseStats *phase = g_ptr_array_index (schedule->phases, i);

      g_print ("  %u. %-28s %12g  %s  %.2f s\n", i + 1, phase->objective, phase->value,
               phase->proven_optimal ? _("optimal") : _("best found"), phase->seconds);
    }
  g_print (_("Shifts: %u, net hours: %.1f, unmet staff-hours: %.1f, time: %.2f s\n"), shifts,
           hours, esc_schedule_output_unmet_minutes (schedule) / 60.0, schedule->seconds);
  g_print (_("Results written to %s\n"), dir);
}

int
esc_cli_solve (const EscCliCommand *command,
               int                  argc,
               char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GPtrArray) violations = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *output = NULL;
  g_autofree char *objectives = NULL;
  g_autofree char *start_date = NULL;
  g_autofree char *write_mps = NULL;
  double time_limit = 0;
  int threads = 0, horizon = 0;
  gboolean save = FALSE, quiet = FALSE;
  EscSolverOptions options = { 0 };
  SolveRun run = { 0 };
  const char *path;
  guint sigint;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Folder for allocations.csv, reduced.csv and summary.json (default: FILE's name "
         "with “-results”)"), N_("DIR") },
    { "time-limit", 't', 0, G_OPTION_ARG_DOUBLE, &time_limit,
      N_("Seconds the whole solve may take (default: the project's max_solution_time)"), N_("S") },
    { "objectives", 0, 0, G_OPTION_ARG_STRING, &objectives,
      N_("Objectives in order, comma separated; a level may be a weighted sum "
         "(demand_fulfillment*100+over_coverage)"), N_("LIST") },
    { "threads", 'j', 0, G_OPTION_ARG_INT, &threads,
      N_("Independent store/role problems solved at once (default: the number of cores)"), N_("N") },
    { "start-date", 0, 0, G_OPTION_ARG_STRING, &start_date,
      N_("First day of the schedule, YYYY-MM-DD (default: the project's start_date; "
         "2024-01-01 for a classic roster)"), N_("DATE") },
    { "horizon", 0, 0, G_OPTION_ARG_INT, &horizon, N_("Number of days to schedule"), N_("DAYS") },
    { "save", 0, 0, G_OPTION_ARG_NONE, &save,
      N_("Store the schedule in the project file (a .escala input only)"), NULL },
    { "write-mps", 0, 0, G_OPTION_ARG_FILENAME, &write_mps,
      N_("Write every phase model as MPS into this folder"), N_("DIR") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print no progress"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = esc_cli_option_context_new (command, entries);
  g_option_context_set_description (context,
    _("FILE is an Escala project (.escala) or a classic roster (.json).\n"
      "\n"
      "Exit status:\n"
      "  0  a schedule was written (optimal, feasible, or cancelled with Ctrl+C)\n"
      "  1  the project has errors, or its hard rules conflict (the reasons are printed)\n"
      "  2  a file cannot be read or written, or the command line is wrong"));
  if (!esc_cli_parse_options (command, context, &argc, &argv))
    return ESC_CLI_EXIT_FAILURE;
  if ((path = esc_cli_get_single_file (command, files)) == NULL)
    return ESC_CLI_EXIT_FAILURE;
  if (threads < 0 || horizon < 0 || time_limit < 0)
    {
      esc_cli_print_error (command, "%s", _("--threads, --horizon and --time-limit must not be negative"));
      return ESC_CLI_EXIT_FAILURE;
    }
  if (save && !g_str_has_suffix (path, ".escala"))
    {
      esc_cli_print_error (command, "%s", _("--save needs a project file (.escala)"));
      return ESC_CLI_EXIT_FAILURE;
    }

  if ((project = esc_cli_load_input (command, path, start_date)) == NULL)
    return ESC_CLI_EXIT_FAILURE;

  /* Overrides change the solve, not the file (unless --save stores them too). */
  if (objectives != NULL)
    esc_project_set_parameter (project, "objective_function", objectives);
  if (start_date != NULL)
    esc_project_set_parameter (project, "start_date", start_date);
  if (horizon > 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", horizon);
      esc_project_set_parameter (project, "max_horizon", text);
    }

  problem = esc_problem_new_from_project (project, &error);
  if (problem == NULL)
    {
      esc_cli_print_error (command, "%s", error->message);
      return ESC_CLI_EXIT_PROBLEMS;
    }

  if (output == NULL)
    {
      g_autofree char *base = g_path_get_basename (path);
      char *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';
      output = g_strdup_printf ("%s-results", base);
    }

  options.n_threads = (guint) threads;
  options.time_limit = time_limit;
  options.write_mps_dir = write_mps;

  loop = g_main_loop_new (NULL, FALSE);
  cancellable = g_cancellable_new ();
  run.loop = loop;
  run.cancellable = cancellable;
  run.verbose = !quiet;
  run.last_phase = G_MAXUINT;
  run.last_incumbent = NAN;
  sigint = g_unix_signal_add (SIGINT, interrupted_cb, &run);
  esc_solver_solve_async (problem, &options, cancellable, progress_cb, &run, NULL,
                          solve_finished_cb, &run);
  g_main_loop_run (loop);
  g_source_remove (sigint);

  if (run.schedule == NULL)
    {
      esc_cli_print_error (command, "%s", run.error->message);
      g_clear_error (&run.error);
      return ESC_CLI_EXIT_PROBLEMS;
    }

  if (run.schedule->status == ESC_SCHEDULE_INFEASIBLE)
    {
      esc_cli_print_error (command, "%s", _("the hard rules cannot all be met:"));
      for (guint i = 0; run.schedule->reasons != NULL && i < run.schedule->reasons->len; i++)
        g_printerr ("  %s\n", (char *) g_ptr_array_index (run.schedule->reasons, i));
    }

  /* The independent checker re-verifies every schedule before anyone sees it. */
  violations = esc_checker_check (run.schedule);
  for (guint i = 0; i < violations->len; i++)
    esc_cli_print_error (command, "%s%s", _("rule broken: "),
                         ((EscViolation *) g_ptr_array_index (violations, i))->message);

  if (!write_outputs (command, run.schedule, output))
    {
      esc_schedule_unref (run.schedule);
      return ESC_CLI_EXIT_FAILURE;
    }

  if (save)
    {
      g_autoptr(EscCommand) store = esc_schedule_output_store (run.schedule, project);

      esc_project_execute (project, store);
      if (!esc_project_file_save (project, path, &error))
        {
          esc_cli_print_error (command, "%s", error->message);
          esc_schedule_unref (run.schedule);
          return ESC_CLI_EXIT_FAILURE;
        }
    }

  print_summary (run.schedule, output);
  {
    int status = run.schedule->status == ESC_SCHEDULE_INFEASIBLE || violations->len > 0
                 ? ESC_CLI_EXIT_PROBLEMS : ESC_CLI_EXIT_OK;

    esc_schedule_unref (run.schedule);
    return status;
  }
}
