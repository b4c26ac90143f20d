/* esc-staffing.h: required staff per interval, from a volume forecast.
 *
 * Inbound (queued) work is staffed with Erlang C (esc-erlang.h): per interval the
 * smallest number of agents above the traffic that reaches the service level, the
 * optional ASA target and stays within the maximum occupancy. Deferred work (e-mails,
 * back-office tasks) is staffed by workload: ceil (volume * AHT / (interval * target
 * occupancy)). Shrinkage then turns required agents into scheduled staff:
 * scheduled = ceil (required / (1 - shrinkage)).
 *
 * Several channels staffed by the same people (one store and role) are added up
 * (esc_staffing_add()): each channel is staffed on its own, which is what dedicated
 * queues need and a safe upper bound for blended agents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "esc-forecast.h"

G_BEGIN_DECLS

typedef enum
{
  ESC_WORK_INBOUND,    /* queued: calls, chats (Erlang C) */
  ESC_WORK_DEFERRED,   /* done within the interval: e-mails, tasks (workload) */
} EscWorkKind;

typedef struct
{
  EscWorkKind kind;
  double      aht;              /* average handling time, seconds, > 0 */
  double      target_seconds;   /* inbound: answer-time target, >= 0 */
  double      service_level;    /* inbound: share answered within the target, [0, 1) */
  double      asa;              /* inbound: maximum ASA, seconds; 0: none */
  double      occupancy;        /* inbound: maximum occupancy, (0, 1], 0: none;
                                 * deferred: target occupancy, (0, 1] */
  double      shrinkage;        /* [0, 1) */
} EscStaffingParams;

typedef struct
{
  EscInstant start;
  double     volume;            /* contacts or tasks in the interval */
  int        required;          /* agents needed on the floor */
  int        scheduled;         /* staff to schedule: required with shrinkage */
  double     scheduled_exact;   /* required / (1 - shrinkage), before rounding up */
  double     service_level;     /* achieved (inbound; NAN for deferred or sums) */
  double     asa;               /* achieved, seconds (inbound; NAN for deferred or sums) */
  double     occupancy;         /* achieved: workload / required agents; 0 without */
  double     workload;          /* Erlangs: volume * AHT / interval */
  gboolean   holiday;
} EscStaffingInterval;

/* A share as users type it: "0.8", "0,8", "80%" or "80" (a number above 1 is a
 * percentage), in [0, 1] after conversion. ESC_STAFFING_ERROR_PARSE otherwise. */
gboolean esc_staffing_parse_share      (const char *text,
                                        double     *share,
                                        GError    **error);

/* Inbound, AHT 180 s, 80% within 20 s, no ASA target, 85% occupancy, 30% shrinkage. */
void     esc_staffing_params_init      (EscStaffingParams *params);
/* ESC_STAFFING_ERROR_INVALID naming the parameter that is out of range. */
gboolean esc_staffing_params_check     (const EscStaffingParams *params,
                                        GError                 **error);

/* One EscStaffingInterval per volume; @holidays (may be NULL) flags intervals. */
GArray  *esc_staffing_compute          (const double            *volumes,
                                        const guint8            *holidays,
                                        guint                    n,
                                        EscInstant               start,
                                        int                      interval,
                                        const EscStaffingParams *params,
                                        GError                 **error);
/* The same from a forecast: its point forecast, or its upper bound with @use_upper. */
GArray  *esc_staffing_compute_forecast (const EscChannelForecast *forecast,
                                        gboolean                  use_upper,
                                        const EscStaffingParams  *params,
                                        GError                  **error);
/* Adds @other into @total (same intervals): volumes, workload, required and exact
 * scheduled add up, scheduled is the exact sum rounded up, occupancy is recomputed and
 * service level and ASA become NAN (they do not add). ESC_STAFFING_ERROR_INVALID when
 * the intervals differ. */
gboolean esc_staffing_add              (GArray                  *total,
                                        GArray                  *other,
                                        GError                 **error);

G_END_DECLS
