/* esc-cli-erlang.c: "escala-cli erlang": agents needed for one interval of queued work.
 *
 * Erlang C (src/staffing/esc-erlang.h): the smallest number of agents above the traffic
 * that answers the service level within the target time, meets the ASA target and the
 * maximum occupancy when they are given; printed with the achieved service level,
 * probability of waiting, ASA and occupancy, and the staff to schedule with shrinkage.
 * --json prints the same as one JSON object. Exit status 0, or 2 for a wrong command
 * line (a missing or malformed option, a target out of range).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-cli"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "staffing/esc-erlang.h"
#include "staffing/esc-staffing.h"
#include "esc-cli.h"

typedef struct
{
  EscErlangTargets targets;
  EscErlangResult  result;
  double           shrinkage;
  int              scheduled;
  int              interval;      /* minutes */
} Answer;

static gboolean
parse_number_option (const EscCliCommand *command,
                     const char          *name,
                     const char          *text,
                     double               min,
                     double              *value)
{
  g_autoptr(GError) error = NULL;

  if (!esc_parse_number (text, value, &error) || !isfinite (*value) || *value < min)
    {
      esc_cli_print_error (command, _("--%s: expected a number of %g or more, found “%s”"),
                           name, min, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_share_option (const EscCliCommand *command,
                    const char          *name,
                    const char          *text,
                    double              *value)
{
  g_autoptr(GError) error = NULL;

  if (!esc_staffing_parse_share (text, value, &error))
    {
      esc_cli_print_error (command, "--%s: %s", name, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
print_text (const Answer *answer)
{
  const char *labels[] = {
    _("Traffic"), _("Agents"), _("Service level"), _("Probability of waiting"), _("ASA"),
    _("Occupancy"),
    _("Scheduled"),
  };
  char *values[G_N_ELEMENTS (labels)] = { NULL };
  guint width = 0;

  values[0] = g_strdup_printf (_("%.2f Erlangs"), answer->result.traffic);
  values[1] = g_strdup_printf ("%d", answer->result.agents);
  /* TRANSLATORS: "80.3% answered within 20 s" */
  values[2] = g_strdup_printf (_("%.1f%% answered within %g s"),
                               answer->result.service_level * 100,
                               answer->targets.target_seconds);
  values[3] = g_strdup_printf ("%.1f%%", answer->result.prob_wait * 100);
  values[4] = g_strdup_printf (_("%.1f s"), answer->result.asa);
  values[5] = g_strdup_printf ("%.1f%%", answer->result.occupancy * 100);
  /* TRANSLATORS: "12 with 30% shrinkage" */
  values[6] = g_strdup_printf (_("%d with %g%% shrinkage"), answer->scheduled,
                               answer->shrinkage * 100);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    width = MAX (width, (guint) g_utf8_strlen (labels[i], -1));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *label = esc_cli_pad (labels[i], width);

      g_print ("%s  %s\n", label, values[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_free (values[i]);
}

static void
add_double (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static void
print_json (const Answer *answer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  add_double (builder, "arrivals", answer->targets.arrivals);
  json_builder_set_member_name (builder, "interval_minutes");
  json_builder_add_int_value (builder, answer->interval);
  add_double (builder, "aht_seconds", answer->targets.aht);
  add_double (builder, "target_seconds", answer->targets.target_seconds);
  add_double (builder, "service_level_target", answer->targets.service_level);
  add_double (builder, "traffic_erlangs", answer->result.traffic);
  json_builder_set_member_name (builder, "agents");
  json_builder_add_int_value (builder, answer->result.agents);
  add_double (builder, "service_level", answer->result.service_level);
  add_double (builder, "prob_wait", answer->result.prob_wait);
  add_double (builder, "asa_seconds", answer->result.asa);
  add_double (builder, "occupancy", answer->result.occupancy);
  add_double (builder, "shrinkage", answer->shrinkage);
  json_builder_set_member_name (builder, "scheduled");
  json_builder_add_int_value (builder, answer->scheduled);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

int
esc_cli_erlang (const EscCliCommand *command,
                int                  argc,
                char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *arrivals = NULL;
  g_autofree char *aht = NULL;
  g_autofree char *target = NULL;
  g_autofree char *service_level = NULL;
  g_autofree char *asa = NULL;
  g_autofree char *max_occupancy = NULL;
  g_autofree char *shrinkage = NULL;
  g_auto(GStrv) rest = NULL;
  int interval = 60;
  gboolean json = FALSE;
  Answer answer = { 0 };
  const GOptionEntry entries[] = {
    { "arrivals", 'n', 0, G_OPTION_ARG_STRING, &arrivals,
      N_("Contacts arriving in one interval (required)"), N_("N") },
    { "aht", 0, 0, G_OPTION_ARG_STRING, &aht,
      N_("Average handling time in seconds (required)"), N_("S") },
    { "target", 0, 0, G_OPTION_ARG_STRING, &target,
      N_("Answer-time target in seconds (default 20)"), N_("S") },
    { "service-level", 0, 0, G_OPTION_ARG_STRING, &service_level,
      N_("Share to answer within the target, 0.8 or 80% (default 80%)"), N_("P") },
    { "asa", 0, 0, G_OPTION_ARG_STRING, &asa,
      N_("Maximum average speed of answer in seconds (default none)"), N_("S") },
    { "max-occupancy", 0, 0, G_OPTION_ARG_STRING, &max_occupancy,
      N_("Maximum occupancy, 0.85 or 85% (default none)"), N_("P") },
    { "shrinkage", 0, 0, G_OPTION_ARG_STRING, &shrinkage,
      N_("Share of paid time not available, for the staff to schedule (default 30%)"),
      N_("P") },
    { "interval", 'i', 0, G_OPTION_ARG_INT, &interval,
      N_("Length of the interval in minutes (default 60: arrivals per hour)"), N_("MIN") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the answer as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = esc_cli_option_context_new (command, entries);
  g_option_context_set_description (context,
    _("Finds the smallest number of agents, above the traffic (arrivals × handling time\n"
      "÷ interval), that answers the service level within the target (Erlang C),\n"
      "keeps the average speed of answer and the occupancy within their maximums when\n"
      "given, and prints it with the service level, the probability of waiting, the\n"
      "ASA and the occupancy it achieves, and the staff to schedule with shrinkage\n"
      "(required ÷ (1 − shrinkage), rounded up).\n"
      "\n"
      "Example: escala-cli erlang --arrivals 100 --aht 180 --target 20 --service-level 80%\n"
      "\n"
      "Exit status:\n"
      "  0  done\n"
      "  2  the command line is wrong (a missing or malformed option, a target out\n"
      "     of range)"));
  if (!esc_cli_parse_options (command, context, &argc, &argv))
    return ESC_CLI_EXIT_FAILURE;

  if (rest != NULL && rest[0] != NULL)
    {
      esc_cli_print_error (command, _("unexpected argument “%s”"), rest[0]);
      return ESC_CLI_EXIT_FAILURE;
    }
  if (arrivals == NULL || aht == NULL)
    {
      esc_cli_print_error (command, "%s", _("--arrivals and --aht are required"));
      g_printerr (_("Run “%s %s --help” to see its options."), "escala-cli", command->name);
      g_printerr ("\n");
      return ESC_CLI_EXIT_FAILURE;
    }
  if (interval < 1 || interval > ESC_MINUTES_PER_DAY)
    {
      esc_cli_print_error (command, _("--interval: expected 1 to %d minutes, found %d"),
                           ESC_MINUTES_PER_DAY, interval);
      return ESC_CLI_EXIT_FAILURE;
    }

  esc_erlang_targets_init (&answer.targets);
  answer.targets.max_occupancy = 0;
  answer.targets.interval_seconds = interval * 60.0;
  answer.interval = interval;
  answer.shrinkage = 0.3;
  if (!parse_number_option (command, "arrivals", arrivals, 0, &answer.targets.arrivals) ||
      !parse_number_option (command, "aht", aht, 0, &answer.targets.aht) ||
      (target != NULL &&
       !parse_number_option (command, "target", target, 0, &answer.targets.target_seconds)) ||
      (asa != NULL && !parse_number_option (command, "asa", asa, 0, &answer.targets.asa)) ||
      (service_level != NULL &&
       !parse_share_option (command, "service-level", service_level,
                            &answer.targets.service_level)) ||
      (max_occupancy != NULL &&
       !parse_share_option (command, "max-occupancy", max_occupancy,
                            &answer.targets.max_occupancy)) ||
      (shrinkage != NULL && !parse_share_option (command, "shrinkage", shrinkage,
                                                 &answer.shrinkage)))
    return ESC_CLI_EXIT_FAILURE;
  if (answer.shrinkage >= 1)
    {
      esc_cli_print_error (command, "%s", _("--shrinkage: expected a share below 1"));
      return ESC_CLI_EXIT_FAILURE;
    }

  if (!esc_erlang_solve (&answer.targets, &answer.result, &error))
    {
      esc_cli_print_error (command, "%s", error->message);
      return ESC_CLI_EXIT_FAILURE;
    }
  answer.scheduled = esc_erlang_apply_shrinkage (answer.result.agents, answer.shrinkage);

  if (json)
    print_json (&answer);
  else
    print_text (&answer);
  return ESC_CLI_EXIT_OK;
}
