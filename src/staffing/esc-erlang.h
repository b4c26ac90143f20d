/* esc-erlang.h: Erlang C for queued (inbound) work, workload staffing for deferred work,
 * shrinkage.
 *
 * Inbound work (calls, chats) waits in a queue for the first free agent: the M/M/N queue
 * of Erlang C. With A = arrivals * AHT / interval (the traffic in Erlangs) and N agents:
 *
 *   P(wait)        = Erlang C(N, A) = N B / (N - A (1 - B)),  B = Erlang B(N, A)
 *   service level  = 1 - P(wait) exp(-(N - A) T / AHT)   (answered within T seconds)
 *   ASA            = P(wait) AHT / (N - A)               (average speed of answer, s)
 *   occupancy      = A / N
 *
 * Erlang B comes from its recursion B(0) = 1, B(n) = A B(n-1) / (n + A B(n-1)): every
 * step stays in (0, 1], so there are no factorials or powers to overflow and the result
 * is exact to rounding for thousands of agents. With N <= A the queue grows without
 * bound: P(wait) = 1, service level 0, ASA infinite, occupancy 1.
 *
 * Zero arrivals need no agents: esc_erlang_solve() gives 0 agents with P(wait) 0,
 * service level 1, ASA 0 and occupancy 0.
 *
 * Deferred work (e-mails, back-office tasks) does not queue for an answer within
 * seconds; it only has to be done within the interval:
 *   agents = ceil (volume * AHT / (interval * target occupancy)).
 *
 * Shrinkage (breaks, meetings, absence) is the share of paid time in which agents are not
 * available: scheduled = ceil (required / (1 - shrinkage)).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A search never goes beyond this many agents (a target that needs more fails). */
#define ESC_ERLANG_MAX_AGENTS 1000000

typedef struct
{
  double arrivals;          /* contacts arriving in one interval, >= 0 */
  double aht;               /* average handling time, seconds, > 0 */
  double interval_seconds;  /* length of the interval, seconds, > 0 (3600: per hour) */
  double target_seconds;    /* answer-time target T, seconds, >= 0 */
  double service_level;     /* share to answer within T, in [0, 1): 0.8 */
  double asa;               /* maximum average speed of answer, seconds; 0: none */
  double max_occupancy;     /* maximum occupancy in (0, 1]; 0 or 1: none */
} EscErlangTargets;

typedef struct
{
  int    agents;
  double traffic;           /* Erlangs */
  double prob_wait;         /* [0, 1] */
  double service_level;     /* [0, 1] */
  double asa;               /* seconds; INFINITY when agents <= traffic */
  double occupancy;         /* [0, 1] */
} EscErlangResult;

/* 80% within 20 s, 30-minute intervals, AHT 180 s, no ASA target, 85% occupancy. */
void     esc_erlang_targets_init    (EscErlangTargets *targets);

/* Traffic in Erlangs: arrivals * aht / interval_seconds. */
double   esc_erlang_traffic         (double arrivals,
                                     double aht,
                                     double interval_seconds);

/* Erlang B (blocking probability) and Erlang C (probability of waiting) for @agents >= 0
 * agents and @traffic >= 0 Erlangs. */
double   esc_erlang_b               (int    agents,
                                     double traffic);
double   esc_erlang_c               (int    agents,
                                     double traffic);

/* Every figure for @agents agents. */
void     esc_erlang_evaluate        (int              agents,
                                     double           traffic,
                                     double           aht,
                                     double           target_seconds,
                                     EscErlangResult *result);

/* The smallest N > A that reaches the service level, the ASA target (if any) and keeps
 * occupancy at or below the maximum (if any), with its figures. FALSE with
 * ESC_STAFFING_ERROR_INVALID when a target is out of range. Linear in N: B is carried
 * from one N to the next. */
gboolean esc_erlang_solve           (const EscErlangTargets *targets,
                                     EscErlangResult        *result,
                                     GError                **error);

/* Deferred work: ceil (volume * aht / (interval_seconds * occupancy)), 0 for no volume.
 * @occupancy in (0, 1]. */
int      esc_erlang_workload_agents (double volume,
                                     double aht,
                                     double interval_seconds,
                                     double occupancy);

/* ceil (required / (1 - shrinkage)), @shrinkage in [0, 1). */
int      esc_erlang_apply_shrinkage (int    required,
                                     double shrinkage);

G_END_DECLS
