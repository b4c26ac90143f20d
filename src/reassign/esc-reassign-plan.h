/* esc-reassign-plan.h: a run saved as JSON, and the day-over-day comparison.
 *
 * The plan file ("escala-reassign-plan", version 1) holds everything a run shows, so it
 * is both an export and the "previous saved plan" of the next day's comparison:
 *
 *   {
 *     "format" : "escala-reassign-plan", "version" : 1,
 *     "mode" : "greedy", "today" : "2026-03-02",
 *     "settings" : { "reassign_part_time_points" : "4", ... },
 *     "totals" : { "needed_hours" : 45, "covered_hours" : 38, "moved_hours" : 40,
 *                  "backfilled_hours" : 31, "score" : 120, "value" : 7020,
 *                  "moves" : 6, "backfills" : 7 },
 *     "greedy" : { ...totals... },                  (optimal mode only, with
 *     "proven_optimal" : true, "kept_greedy" : false) (these two)
 *     "categories" : [ "cashier", ... ],
 *     "requests" : [ { "key" : "S1/cashier", "team", "category", "request_ids" : [..],
 *                      "risk_resources" : [..], "requested_hours", "needed_hours",
 *                      "composite", "covered_hours", "candidates",
 *                      "options" : [ OPTION, ... ] } ],
 *     "moves" : [ { "request" : "S1/cashier", "employee", "assignment", "from_team",
 *                   "from_category", "to_team", "to_category", "hours", "covered_hours",
 *                   "used_up", "score", "terms" : { "part_time" : 4, ... },
 *                   "backfills" : [ { "employee", "hours", "score", "terms" } ],
 *                   "backfilled_hours", "backfill_options" : [ OPTION, ... ] } ],
 *     "employees" : [ { "id", "spare_capacity", "available_hours" } ],
 *     "notes" : [ "..." ],
 *     "day_over_day" : COMPARISON                    (when compared with a previous plan)
 *   }
 *   OPTION = { "rank", "employee", "assignment", "team", "category", "available",
 *              "hours_12w", "part_time", "trainee", "start_date", "score", "terms",
 *              "chosen_hours" }  (backfill options leave out assignment, team,
 *              category and hours_12w)
 *
 * Numbers are JSON numbers with at most 6 decimals; dates are "YYYY-MM-DD" or null.
 *
 * The comparison reads "today", "requests" (key, needed_hours) and "employees" of the
 * previous plan: the requests whose need grew (or that are new) and the employees whose
 * spare capacity or available hours changed (or who came or went).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "esc-reassign.h"

G_BEGIN_DECLS

#define ESC_REASSIGN_PLAN_FORMAT  "escala-reassign-plan"
#define ESC_REASSIGN_PLAN_VERSION 1

typedef struct
{
  char     *key;          /* "team/category" */
  char     *team;
  char     *category;
  double    before;       /* needed hours in the previous plan (0 when new) */
  double    after;        /* needed hours now */
  gboolean  is_new;
} EscReassignRequestChange;

typedef struct
{
  char     *employee;
  double    spare_before;
  double    spare_after;
  double    available_before;
  double    available_after;
  gboolean  is_new;       /* not in the previous plan */
  gboolean  is_gone;      /* only in the previous plan */
} EscReassignCapacityChange;

typedef struct
{
  EscJulian  previous_today;   /* 0 when the plan did not say */
  char      *previous_mode;
  GPtrArray *requests;         /* EscReassignRequestChange, by key */
  GPtrArray *capacities;       /* EscReassignCapacityChange, by employee */
} EscReassignComparison;

void                   esc_reassign_comparison_free (EscReassignComparison *comparison);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscReassignComparison, esc_reassign_comparison_free)

/* Compares @current with a previous plan given as its JSON root, text or file.
 * ESC_REASSIGN_ERROR_PLAN when it is not a plan file. */
EscReassignComparison *esc_reassign_compare_with_node (EscReassignResult *current,
                                                       JsonNode          *previous,
                                                       GError           **error);
EscReassignComparison *esc_reassign_compare_with_data (EscReassignResult *current,
                                                       const char        *data,
                                                       gssize             length,
                                                       GError           **error);
EscReassignComparison *esc_reassign_compare_with_file (EscReassignResult *current,
                                                       const char        *path,
                                                       GError           **error);
/* A translated multi-line text of the changes ("" when nothing changed). */
char                  *esc_reassign_comparison_describe (const EscReassignComparison *comparison);

/* The plan as a JSON tree / text (pretty-printed, final newline). @comparison may be
 * NULL. */
JsonNode              *esc_reassign_plan_to_node (EscReassignResult           *result,
                                                  const EscReassignComparison *comparison);
char                  *esc_reassign_plan_to_data (EscReassignResult           *result,
                                                  const EscReassignComparison *comparison,
                                                  gsize                       *length);
/* Writes the text atomically (g_file_set_contents). ESC_REASSIGN_ERROR_WRITE. */
gboolean               esc_reassign_plan_save    (EscReassignResult           *result,
                                                  const EscReassignComparison *comparison,
                                                  const char                  *path,
                                                  GError                     **error);

G_END_DECLS
