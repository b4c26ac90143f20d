/* esc-schedule.c: a solution of an EscProblem, and what the solve learned about it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "esc-schedule.h"

static GPtrArray *
new_phases (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) esc_phase_stats_free);
}

EscSchedule *
esc_schedule_new (EscProblem *problem)
{
  EscSchedule *self;
  gsize n_cells;

  g_return_val_if_fail (problem != NULL, NULL);

  n_cells = (gsize) problem->employees->len * (gsize) MAX (problem->n_days, 0);

  self = g_new0 (EscSchedule, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->problem = esc_problem_ref (problem);
  self->choice = g_new (int, MAX (n_cells, 1));
  for (gsize i = 0; i < n_cells; i++)
    self->choice[i] = ESC_NONE;
  self->compensation = g_new0 (gboolean, MAX (n_cells, 1));
  self->status = ESC_SCHEDULE_FEASIBLE;
  self->phases = new_phases ();
  self->reasons = g_ptr_array_new_with_free_func (g_free);
  self->seconds = 0.0;

  return self;
}

EscSchedule *
esc_schedule_copy (const EscSchedule *self)
{
  EscSchedule *copy;
  gsize n_cells;

  g_return_val_if_fail (self != NULL, NULL);

  n_cells = (gsize) self->problem->employees->len * (gsize) MAX (self->problem->n_days, 0);

  copy = esc_schedule_new (self->problem);
  if (n_cells > 0)
    {
      memcpy (copy->choice, self->choice, n_cells * sizeof (int));
      memcpy (copy->compensation, self->compensation, n_cells * sizeof (gboolean));
    }
  copy->status = self->status;
  copy->seconds = self->seconds;
  for (guint i = 0; i < self->phases->len; i++)
    {
      const EscPhaseStats *stats = g_ptr_array_index (self->phases, i);
      EscPhaseStats *dup = esc_phase_stats_new (stats->objective);

      dup->value = stats->value;
      dup->bound = stats->bound;
      dup->gap = stats->gap;
      dup->seconds = stats->seconds;
      dup->proven_optimal = stats->proven_optimal;
      dup->neighbourhoods = stats->neighbourhoods;
      dup->helper_neighbourhoods = stats->helper_neighbourhoods;
      dup->combined = stats->combined;
      g_ptr_array_add (copy->phases, dup);
    }
  for (guint i = 0; i < self->reasons->len; i++)
    g_ptr_array_add (copy->reasons, g_strdup (g_ptr_array_index (self->reasons, i)));

  return copy;
}

EscSchedule *
esc_schedule_ref (EscSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
esc_schedule_unref (EscSchedule *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->phases, g_ptr_array_unref);
  g_clear_pointer (&self->reasons, g_ptr_array_unref);
  g_free (self->choice);
  g_free (self->compensation);
  g_clear_pointer (&self->problem, esc_problem_unref);
  g_free (self);
}

EscPhaseStats *
esc_phase_stats_new (const char *objective)
{
  EscPhaseStats *stats = g_new0 (EscPhaseStats, 1);

  stats->objective = g_strdup (objective != NULL ? objective : "");
  stats->value = NAN;
  stats->bound = NAN;
  stats->gap = NAN;
  stats->seconds = 0.0;
  stats->proven_optimal = FALSE;

  return stats;
}

void
esc_phase_stats_free (EscPhaseStats *stats)
{
  if (stats == NULL)
    return;
  g_free (stats->objective);
  g_free (stats);
}

const char *
esc_schedule_status_to_string (EscScheduleStatus status)
{
  switch (status)
    {
    case ESC_SCHEDULE_OPTIMAL:
      return "optimal";
    case ESC_SCHEDULE_FEASIBLE:
      return "feasible";
    case ESC_SCHEDULE_INFEASIBLE:
      return "infeasible";
    case ESC_SCHEDULE_CANCELLED:
      return "cancelled";
    default:
      g_return_val_if_reached ("unknown");
    }
}

gboolean
esc_schedule_status_from_string (const char        *text,
                                 EscScheduleStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  for (EscScheduleStatus s = ESC_SCHEDULE_OPTIMAL; text != NULL && s <= ESC_SCHEDULE_CANCELLED;
       s++)
    if (g_str_equal (text, esc_schedule_status_to_string (s)))
      {
        *status = s;
        return TRUE;
      }
  return FALSE;
}

const char *
esc_schedule_status_to_display (EscScheduleStatus status)
{
  switch (status)
    {
    case ESC_SCHEDULE_OPTIMAL:
      /* TRANSLATORS: the solve's status describes the schedule: "Schedule optimal",
       * "Status: optimal". In languages with gender, agree with your word for
       * "schedule" (pt_BR: escala → ótima, viável, cancelada, inviável). */
      return C_("schedule status", "optimal");
    case ESC_SCHEDULE_FEASIBLE:
      return C_("schedule status", "feasible");
    case ESC_SCHEDULE_INFEASIBLE:
      return C_("schedule status", "infeasible");
    case ESC_SCHEDULE_CANCELLED:
      return C_("schedule status", "cancelled");
    default:
      g_return_val_if_reached (C_("schedule status", "unknown"));
    }
}
