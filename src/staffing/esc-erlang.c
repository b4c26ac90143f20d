/* esc-erlang.c: Erlang C, workload staffing and shrinkage.
 *
 * See esc-erlang.h for the formulas. Erlang B is carried by its recursion, never by
 * factorials, and the search for the smallest staffing level carries it from one N to
 * the next, so solving for N agents costs O(N).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-staffing"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "esc-erlang.h"
#include "esc-staffing-error.h"

/* Rounding up that forgives the last bits of a product: 8.5 / 0.85 is 10, not 11. */
static int
ceil_tolerant (double value)
{
  double rounded = ceil (value - 1e-9 * MAX (1.0, fabs (value)));

  if (rounded <= 0)
    return 0;
  if (rounded >= G_MAXINT)
    return G_MAXINT;
  return (int) rounded;
}

/* B(n) from B(n - 1). */
static inline double
erlang_b_step (double previous,
               int    n,
               double traffic)
{
  double x = traffic * previous;

  return x / (n + x);
}

/* Erlang C from Erlang B, for agents > traffic. */
static inline double
erlang_c_from_b (double b,
                 int    agents,
                 double traffic)
{
  double c = agents * b / (agents - traffic * (1.0 - b));

  return CLAMP (c, 0.0, 1.0);
}

static void
evaluate_with_b (int              agents,
                 double           traffic,
                 double           b,
                 double           aht,
                 double           target_seconds,
                 EscErlangResult *result)
{
  result->agents = agents;
  result->traffic = traffic;

  if (traffic <= 0)
    {
      result->prob_wait = 0;
      result->service_level = 1;
      result->asa = 0;
      result->occupancy = 0;
      return;
    }
  if (agents <= traffic)
    {
      result->prob_wait = 1;
      result->service_level = 0;
      result->asa = INFINITY;
      result->occupancy = 1;
      return;
    }

  result->prob_wait = erlang_c_from_b (b, agents, traffic);
  result->service_level =
    1.0 - result->prob_wait * exp (-(agents - traffic) * target_seconds / aht);
  result->service_level = CLAMP (result->service_level, 0.0, 1.0);
  result->asa = result->prob_wait * aht / (agents - traffic);
  result->occupancy = traffic / agents;
}

static gboolean
meets_targets (const EscErlangTargets *targets,
               const EscErlangResult  *result)
{
  /* A hair of tolerance, so that a target met exactly (as in the tables people check
   * against) counts as met despite rounding. */
  if (result->service_level < targets->service_level - 1e-12)
    return FALSE;
  if (targets->asa > 0 && result->asa > targets->asa * (1 + 1e-12))
    return FALSE;
  return TRUE;
}

static gboolean
check_targets (const EscErlangTargets *targets,
               GError                **error)
{
  if (!(targets->arrivals >= 0) || !isfinite (targets->arrivals))
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the arrivals must be a number of 0 or more, found %g"),
                   targets->arrivals);
      return FALSE;
    }
  if (!(targets->aht > 0) || !isfinite (targets->aht))
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the average handling time must be more than 0 seconds, found %g"),
                   targets->aht);
      return FALSE;
    }
  if (!(targets->interval_seconds > 0) || !isfinite (targets->interval_seconds))
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the interval must be longer than 0 seconds, found %g"),
                   targets->interval_seconds);
      return FALSE;
    }
  if (!(targets->target_seconds >= 0) || !isfinite (targets->target_seconds))
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the answer-time target must be 0 seconds or more, found %g"),
                   targets->target_seconds);
      return FALSE;
    }
  if (!(targets->service_level >= 0 && targets->service_level < 1))
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the service level must be at least 0%% and below 100%%, found %g%%"),
                   targets->service_level * 100);
      return FALSE;
    }
  if (!(targets->asa >= 0) || isnan (targets->asa))
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the ASA target must be 0 seconds (none) or more, found %g"),
                   targets->asa);
      return FALSE;
    }
  if (!(targets->max_occupancy >= 0 && targets->max_occupancy <= 1))
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the maximum occupancy must be above 0%% and at most 100%% (0 for "
                     "none), found %g%%"),
                   targets->max_occupancy * 100);
      return FALSE;
    }
  return TRUE;
}

void
esc_erlang_targets_init (EscErlangTargets *targets)
{
  g_return_if_fail (targets != NULL);

  targets->arrivals = 0;
  targets->aht = 180;
  targets->interval_seconds = 30 * 60;
  targets->target_seconds = 20;
  targets->service_level = 0.8;
  targets->asa = 0;
  targets->max_occupancy = 0.85;
}

double
esc_erlang_traffic (double arrivals,
                    double aht,
                    double interval_seconds)
{
  g_return_val_if_fail (interval_seconds > 0, 0);

  return arrivals * aht / interval_seconds;
}

double
esc_erlang_b (int    agents,
              double traffic)
{
  double b = 1.0;

  g_return_val_if_fail (agents >= 0, 1.0);

  if (traffic <= 0)
    return agents == 0 ? 1.0 : 0.0;
  for (int n = 1; n <= agents; n++)
    b = erlang_b_step (b, n, traffic);
  return b;
}

double
esc_erlang_c (int    agents,
              double traffic)
{
  g_return_val_if_fail (agents >= 0, 1.0);

  if (traffic <= 0)
    return 0.0;
  if (agents <= traffic)
    return 1.0;
  return erlang_c_from_b (esc_erlang_b (agents, traffic), agents, traffic);
}

void
esc_erlang_evaluate (int              agents,
                     double           traffic,
                     double           aht,
                     double           target_seconds,
                     EscErlangResult *result)
{
  g_return_if_fail (agents >= 0);
  g_return_if_fail (aht > 0);
  g_return_if_fail (result != NULL);

  evaluate_with_b (agents, traffic, agents > traffic ? esc_erlang_b (agents, traffic) : 1.0,
                   aht, target_seconds, result);
}

gboolean
esc_erlang_solve (const EscErlangTargets *targets,
                  EscErlangResult        *result,
                  GError                **error)
{
  double traffic;
  double b = 1.0;
  int agents;
  int n = 0;

  g_return_val_if_fail (targets != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_targets (targets, error))
    return FALSE;

  traffic = esc_erlang_traffic (targets->arrivals, targets->aht, targets->interval_seconds);
  if (traffic <= 0)
    {
      evaluate_with_b (0, 0, 1.0, targets->aht, targets->target_seconds, result);
      return TRUE;
    }
  if (traffic >= ESC_ERLANG_MAX_AGENTS)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("a traffic of %.0f Erlangs needs more than %d agents"),
                   traffic, ESC_ERLANG_MAX_AGENTS);
      return FALSE;
    }

  /* The smallest N > A, raised to what the maximum occupancy allows. */
  agents = (int) floor (traffic) + 1;
  if (targets->max_occupancy > 0 && targets->max_occupancy < 1)
    agents = MAX (agents, ceil_tolerant (traffic / targets->max_occupancy));

  for (;;)
    {
      while (n < agents)
        {
          n++;
          b = erlang_b_step (b, n, traffic);
        }
      evaluate_with_b (agents, traffic, b, targets->aht, targets->target_seconds, result);
      if (meets_targets (targets, result))
        return TRUE;
      if (agents >= ESC_ERLANG_MAX_AGENTS)
        break;
      agents++;
    }

  g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
               _("the targets cannot be met with %d agents or fewer"), ESC_ERLANG_MAX_AGENTS);
  return FALSE;
}

int
esc_erlang_workload_agents (double volume,
                            double aht,
                            double interval_seconds,
                            double occupancy)
{
  g_return_val_if_fail (aht >= 0, 0);
  g_return_val_if_fail (interval_seconds > 0, 0);
  g_return_val_if_fail (occupancy > 0 && occupancy <= 1, 0);

  if (!(volume > 0))
    return 0;
  return ceil_tolerant (volume * aht / (interval_seconds * occupancy));
}

int
esc_erlang_apply_shrinkage (int    required,
                            double shrinkage)
{
  g_return_val_if_fail (shrinkage >= 0 && shrinkage < 1, required);

  if (required <= 0)
    return 0;
  return ceil_tolerant (required / (1.0 - shrinkage));
}
