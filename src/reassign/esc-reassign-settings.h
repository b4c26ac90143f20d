/* esc-reassign-settings.h: the weights and thresholds of the reassignment scorer.
 *
 * They are settings of the project: rows of the Parameters table whose key starts with
 * "reassign_" (reassignment.md gives the defaults). A blank value takes the default; a
 * key starting with "reassign_" that is not one of those below, or a value that does
 * not parse or is out of range, is an error naming the parameter.
 *
 *   reassign_part_time_points        4     score of a part-time candidate
 *   reassign_full_time_points        0     score of a full-time candidate
 *   reassign_hours_match_points      2     available hours within the tolerance of the need
 *   reassign_hours_match_tolerance   0.5   hours
 *   reassign_team_member_points      10    already a member of the requesting team
 *   reassign_single_member_penalty   -10   ... but the only worker on that team
 *   reassign_risk_resource_penalty   -10   ... or the team's risk-mitigation resource
 *   reassign_moved_today_penalty     -10   already moved today (history or this run)
 *   reassign_implementation_factor   1.3   need of requests in implementation or delayed
 *   reassign_capacity_categories     ""    categories with capacity to shift; blank: all
 *   reassign_min_weekly_hours        2     hours/week over 4 or 12 weeks to be a candidate
 *   reassign_keep_threshold          2     a partial move leaves at least this many hours
 *   reassign_backfill_min_capacity   0.5   backfill needs more spare hours than this
 *   reassign_backfill_max_tries      10    backfill employees tried per move
 *   reassign_top_options             10    options listed per request and per move
 *   reassign_covered_hour_points     100   plan value of every covered hour (see below)
 *   reassign_optimal_time_limit      60    seconds GLPK may take in the optimal mode
 *
 * reassign_covered_hour_points is the weight that makes covering hours worth more than
 * any score penalty: the value of a plan is the sum over covered and backfilled hours of
 * (covered_hour_points + score). See esc-reassign.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/esc-project.h"
#include "core/esc-schema.h"
#include "esc-reassign-error.h"

G_BEGIN_DECLS

#define ESC_REASSIGN_PARAMETER_PREFIX "reassign_"

typedef struct
{
  double part_time_points;
  double full_time_points;
  double hours_match_points;
  double hours_match_tolerance;
  double team_member_points;
  double single_member_penalty;
  double risk_resource_penalty;
  double moved_today_penalty;
  double implementation_factor;
  char **capacity_categories;   /* NULL-terminated; empty = every category */
  double min_weekly_hours;
  double keep_threshold;
  double backfill_min_capacity;
  guint  backfill_max_tries;
  guint  top_options;
  double covered_hour_points;
  double optimal_time_limit;    /* seconds */
} EscReassignSettings;

/* The parameters above with their types, defaults and ranges, in that order: the
 * schema's own rows (esc_schema_get_parameters), contiguous there. */
const EscParameterDef *esc_reassign_settings_get_parameters (guint *n_parameters);

/* Fills @settings with the defaults of reassignment.md. */
void     esc_reassign_settings_init      (EscReassignSettings       *settings);
/* Reads the reassign_ parameters of @project into @settings (uninitialised or cleared:
 * what it holds is not freed); FALSE with ESC_REASSIGN_ERROR_PARAMETER naming the
 * parameter when one is unknown or bad, and @settings then holds the defaults. Either
 * way, clear it after use. */
gboolean esc_reassign_settings_load      (EscReassignSettings       *settings,
                                          EscProject                *project,
                                          GError                   **error);
/* Sets one setting from its parameter key and text value (blank = default). */
gboolean esc_reassign_settings_set       (EscReassignSettings       *settings,
                                          const char                *key,
                                          const char                *value,
                                          GError                   **error);
/* The value of @key in @settings as canonical text (for exports); NULL if unknown. */
char    *esc_reassign_settings_get       (const EscReassignSettings *settings,
                                          const char                *key);
void     esc_reassign_settings_copy      (EscReassignSettings       *dest,
                                          const EscReassignSettings *src);
void     esc_reassign_settings_clear     (EscReassignSettings       *settings);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EscReassignSettings, esc_reassign_settings_clear)

/* TRUE when assignments of @category may be shifted (the list is empty or holds it;
 * compared ignoring case and surrounding spaces). */
gboolean esc_reassign_settings_has_capacity_category (const EscReassignSettings *settings,
                                                      const char                *category);

/* The comparison of category and skill names used throughout the scorer: trimmed,
 * case-folded. Returns a newly allocated key. */
char    *esc_reassign_fold (const char *text);

G_END_DECLS
