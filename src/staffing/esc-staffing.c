/* esc-staffing.c: required staff per interval, from a volume forecast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-staffing"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "esc-erlang.h"
#include "esc-staffing.h"
#include "esc-staffing-error.h"

static int
ceil_tolerant (double value)
{
  double rounded = ceil (value - 1e-9 * MAX (1.0, fabs (value)));

  return rounded <= 0 ? 0 : (int) MIN (rounded, (double) G_MAXINT);
}

static gboolean
compute_interval (EscStaffingInterval     *out,
                  double                   volume,
                  int                      interval,
                  const EscStaffingParams *params,
                  GError                 **error)
{
  double seconds = interval * 60.0;

  out->volume = volume;
  out->workload = esc_erlang_traffic (volume, params->aht, seconds);
  if (params->kind == ESC_WORK_INBOUND)
    {
      EscErlangTargets targets;
      EscErlangResult result;

      targets.arrivals = volume;
      targets.aht = params->aht;
      targets.interval_seconds = seconds;
      targets.target_seconds = params->target_seconds;
      targets.service_level = params->service_level;
      targets.asa = params->asa;
      targets.max_occupancy = params->occupancy;
      if (!esc_erlang_solve (&targets, &result, error))
        return FALSE;
      out->required = result.agents;
      out->service_level = result.service_level;
      out->asa = result.asa;
      out->occupancy = result.occupancy;
    }
  else
    {
      out->required = esc_erlang_workload_agents (volume, params->aht, seconds,
                                                  params->occupancy);
      out->service_level = NAN;
      out->asa = NAN;
      out->occupancy = out->required > 0 ? out->workload / out->required : 0;
    }
  out->scheduled_exact = out->required / (1.0 - params->shrinkage);
  out->scheduled = esc_erlang_apply_shrinkage (out->required, params->shrinkage);
  return TRUE;
}

gboolean
esc_staffing_parse_share (const char *text,
                          double     *share,
                          GError    **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text != NULL ? text : ""));
  gsize len = strlen (t);
  gboolean percent = FALSE;
  double value;

  if (len > 0 && t[len - 1] == '%')
    {
      t[len - 1] = '\0';
      g_strchomp (t);
      percent = TRUE;
    }
  if (!esc_parse_number (t, &value, NULL) || !isfinite (value) || value < 0)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_PARSE,
                   _("expected a share such as 0.8 or 80%%, found “%s”"), text);
      return FALSE;
    }
  if (percent || value > 1)
    value /= 100;
  if (value > 1)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_PARSE,
                   _("expected a share of at most 100%%, found “%s”"), text);
      return FALSE;
    }
  if (share != NULL)
    *share = value;
  return TRUE;
}

void
esc_staffing_params_init (EscStaffingParams *params)
{
  g_return_if_fail (params != NULL);

  params->kind = ESC_WORK_INBOUND;
  params->aht = 180;
  params->target_seconds = 20;
  params->service_level = 0.8;
  params->asa = 0;
  params->occupancy = 0.85;
  params->shrinkage = 0.3;
}

gboolean
esc_staffing_params_check (const EscStaffingParams *params,
                           GError                 **error)
{
  g_return_val_if_fail (params != NULL, FALSE);

  if (!(params->aht > 0) || !isfinite (params->aht))
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the average handling time must be more than 0 seconds, found %g"),
                   params->aht);
      return FALSE;
    }
  if (!(params->shrinkage >= 0 && params->shrinkage < 1))
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the shrinkage must be at least 0%% and below 100%%, found %g%%"),
                   params->shrinkage * 100);
      return FALSE;
    }
  if (params->kind == ESC_WORK_DEFERRED)
    {
      if (!(params->occupancy > 0 && params->occupancy <= 1))
        {
          g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                       _("the target occupancy must be above 0%% and at most 100%%, found "
                         "%g%%"), params->occupancy * 100);
          return FALSE;
        }
      return TRUE;
    }
  if (!(params->target_seconds >= 0) || !isfinite (params->target_seconds))
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the answer-time target must be 0 seconds or more, found %g"),
                   params->target_seconds);
      return FALSE;
    }
  if (!(params->service_level >= 0 && params->service_level < 1))
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the service level must be at least 0%% and below 100%%, found %g%%"),
                   params->service_level * 100);
      return FALSE;
    }
  if (!(params->asa >= 0) || isnan (params->asa))
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the ASA target must be 0 seconds (none) or more, found %g"),
                   params->asa);
      return FALSE;
    }
  if (!(params->occupancy >= 0 && params->occupancy <= 1))
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the maximum occupancy must be above 0%% and at most 100%% (0 for "
                     "none), found %g%%"), params->occupancy * 100);
      return FALSE;
    }
  return TRUE;
}

GArray *
esc_staffing_compute (const double            *volumes,
                      const guint8            *holidays,
                      guint                    n,
                      EscInstant               start,
                      int                      interval,
                      const EscStaffingParams *params,
                      GError                 **error)
{
  g_autoptr(GArray) result = NULL;

  g_return_val_if_fail (volumes != NULL || n == 0, NULL);
  g_return_val_if_fail (params != NULL, NULL);

  if (interval <= 0 || ESC_MINUTES_PER_DAY % interval != 0)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("an interval of %d minutes does not divide the day; expected 15, 30 or "
                     "60 minutes"), interval);
      return NULL;
    }
  if (!esc_staffing_params_check (params, error))
    return NULL;

  result = g_array_sized_new (FALSE, TRUE, sizeof (EscStaffingInterval), n);
  for (guint i = 0; i < n; i++)
    {
      EscStaffingInterval out = { 0 };

      out.start = start + (EscInstant) i * interval;
      out.holiday = holidays != NULL && holidays[i];
      if (!(volumes[i] >= 0) || !isfinite (volumes[i]))
        {
          g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                       _("interval %u: expected a volume of 0 or more, found %g"), i + 1,
                       volumes[i]);
          return NULL;
        }
      if (!compute_interval (&out, volumes[i], interval, params, error))
        return NULL;
      g_array_append_val (result, out);
    }
  return g_steal_pointer (&result);
}

GArray *
esc_staffing_compute_forecast (const EscChannelForecast *forecast,
                               gboolean                  use_upper,
                               const EscStaffingParams  *params,
                               GError                  **error)
{
  g_return_val_if_fail (forecast != NULL, NULL);

  return esc_staffing_compute (use_upper ? forecast->upper : forecast->point,
                               forecast->holiday, forecast->n, forecast->start,
                               forecast->interval, params, error);
}

gboolean
esc_staffing_add (GArray  *total,
                  GArray  *other,
                  GError **error)
{
  g_return_val_if_fail (total != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  if (total->len != other->len ||
      (total->len > 0 &&
       g_array_index (total, EscStaffingInterval, 0).start !=
       g_array_index (other, EscStaffingInterval, 0).start))
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the channels do not cover the same intervals"));
      return FALSE;
    }

  for (guint i = 0; i < total->len; i++)
    {
      EscStaffingInterval *t = &g_array_index (total, EscStaffingInterval, i);
      const EscStaffingInterval *o = &g_array_index (other, EscStaffingInterval, i);

      t->volume += o->volume;
      t->workload += o->workload;
      t->required += o->required;
      t->scheduled_exact += o->scheduled_exact;
      t->scheduled = ceil_tolerant (t->scheduled_exact);
      t->occupancy = t->required > 0 ? t->workload / t->required : 0;
      t->service_level = NAN;
      t->asa = NAN;
      t->holiday = t->holiday || o->holiday;
    }
  return TRUE;
}
