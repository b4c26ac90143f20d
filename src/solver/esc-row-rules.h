/* esc-row-rules.h: the fast legality test of one employee's row (no GLPK).
 *
 * A row is the choice of one employee for every day of the horizon (an option index or
 * ESC_NONE). esc_row_rules_ok() checks the max-type hard rules on it, as the checker
 * reads them: one pattern per planning week (the AND of the worked options' pattern masks
 * stays non-empty), weekly hours with the history, consecutive days and consecutive
 * limited weekdays with the history, forbidden sequences, minimum rest (also after the
 * history's last shift), max hours, max shifts per kind, max weekends, and that an
 * earliest-deadline matching of the days off still serves every holiday owed with a
 * deadline inside the horizon. Leave, bans, pattern weekdays and demand days are already
 * out of the options. The min-type rules (min hours, max rest days: esc_row_rules_short();
 * min consecutive days on or off: not tested here) and pins are the caller's business;
 * the independent checker verifies every finished row.
 *
 * Used by the constructive heuristic (esc-heuristic.c) and the local search
 * (esc-local-search.c) for every tentative change, so it is written for speed. An
 * instance holds scratch memory: one per thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-problem.h"

G_BEGIN_DECLS

typedef struct _EscRowRules EscRowRules;

EscRowRules *esc_row_rules_new  (const EscProblem *problem);
void         esc_row_rules_free (EscRowRules *self);

/* Every max-type hard rule of @emp holds on @row (n_days entries). */
gboolean     esc_row_rules_ok   (EscRowRules              *self,
                                 const EscProblemEmployee *emp,
                                 const int                *row);

/* Earliest-deadline matching of the holidays owed by @emp on the days off of @row (as the
 * checker reads it). Returns FALSE when a holiday with a deadline inside the horizon stays
 * unserved. @flags (n_days entries, may be NULL) receives the serving days. */
gboolean     esc_row_rules_match_compensations (EscRowRules              *self,
                                                const EscProblemEmployee *emp,
                                                const int                *row,
                                                gboolean                 *flags);

/* TRUE when @row is short of the employee's min hours or has more rest days than
 * allowed. */
gboolean     esc_row_rules_short (const EscProblem         *problem,
                                  const EscProblemEmployee *emp,
                                  const int                *row);

G_END_DECLS
