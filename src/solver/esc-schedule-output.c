/* esc-schedule-output.c: what a schedule gives the user.
 *
 * Decisions:
 * - Task ids are "<employee>@<date>" for work, "<employee>@<date>#C" for compensation
 *   days and "extra:<store>/<role>@<date> HH:MM" for shortages, so they are unique and
 *   stable across runs.
 * - Shifts without clock times give start and finish as the date alone.
 * - A compensation day runs from 00:00 to 00:00 of the next day.
 * - Storing a schedule also keeps it as a version (esc-versions.h), in the same group.
 * - Extra rows merge consecutive slots of a store, role and day that miss the same
 *   number of people; their "missing" column says how many.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "core/esc-parse.h"
#include "core/esc-versions.h"
#include "esc-evaluate.h"
#include "esc-schedule-output.h"

static char *
format_instant (const EscProblem *problem,
                EscInstant        minutes)
{
  EscJulian day = problem->start_julian + (EscJulian) (minutes / ESC_MINUTES_PER_DAY);
  int time = (int) (minutes % ESC_MINUTES_PER_DAY);
  g_autofree char *date = esc_format_date (day);
  g_autofree char *clock = esc_format_time (time);

  return g_strdup_printf ("%s %s", date, clock);
}

static char *
format_day (const EscProblem *problem,
            int               day)
{
  return esc_format_date (problem->start_julian + day);
}

static EscRow *
new_allocation_row (const char *task,
                    const char *start,
                    const char *finish,
                    const char *resource,
                    const char *store,
                    const char *type,
                    const char *role,
                    const char *shift,
                    const char *date,
                    const char *net_hours,
                    const char *missing)
{
  const char *values[ESC_ALLOCATION_N_COLUMNS] = {
    [ESC_ALLOCATION_TASK] = task,
    [ESC_ALLOCATION_START] = start,
    [ESC_ALLOCATION_FINISH] = finish,
    [ESC_ALLOCATION_RESOURCE] = resource,
    [ESC_ALLOCATION_STORE] = store,
    [ESC_ALLOCATION_TYPE] = type,
    [ESC_ALLOCATION_ROLE] = role,
    [ESC_ALLOCATION_SHIFT] = shift,
    [ESC_ALLOCATION_DATE] = date,
    [ESC_ALLOCATION_NET_HOURS] = net_hours,
    [ESC_ALLOCATION_MISSING] = missing,
  };

  return esc_row_new_with_values (ESC_TABLE_ALLOCATION, values);
}

static void
add_work_rows (const EscSchedule *schedule,
               GPtrArray         *rows)
{
  const EscProblem *problem = schedule->problem;

  for (guint e = 0; e < problem->employees->len; e++)
    {
      const EscProblemEmployee *emp = esc_problem_get_employee (problem, e);
      const char *store = g_ptr_array_index (problem->store_ids, emp->store);
      const char *role = g_ptr_array_index (problem->role_ids, emp->role);

      for (int d = 0; d < problem->n_days; d++)
        {
          int o = esc_schedule_get_choice (schedule, e, d);
          g_autofree char *date = format_day (problem, d);

          if (o != ESC_NONE)
            {
              const EscProblemOption *option = esc_problem_get_option (problem, o);
              const EscProblemShift *shift = esc_problem_get_shift (problem, option->shift);
              g_autofree char *task = g_strdup_printf ("%s@%s", emp->id, date);
              g_autofree char *start = NULL;
              g_autofree char *finish = NULL;
              g_autofree char *hours = esc_format_hours (option->net_minutes);

              if (shift->start == ESC_NONE)
                {
                  start = g_strdup (date);
                  finish = g_strdup (date);
                }
              else
                {
                  start = format_instant (problem, option->start);
                  finish = format_instant (problem, option->end);
                }
              EscRow *row = new_allocation_row (task, start, finish, emp->id, store,
                                                ESC_ALLOCATION_TYPE_WORK, role, shift->id, date,
                                                hours, NULL);

              /* A pin survives the solve that kept it. */
              if (emp->pinned != NULL && emp->pinned[d] == o)
                esc_row_set (row, ESC_ALLOCATION_PINNED, "yes");
              g_ptr_array_add (rows, row);
            }
          if (esc_schedule_get_compensation (schedule, e, d))
            {
              g_autofree char *task = g_strdup_printf ("%s@%s#C", emp->id, date);
              g_autofree char *start = format_instant (problem, (EscInstant) d * ESC_MINUTES_PER_DAY);
              g_autofree char *finish = format_instant (problem, (EscInstant) (d + 1) * ESC_MINUTES_PER_DAY);

              g_ptr_array_add (rows, new_allocation_row (task, start, finish, emp->id, store,
                                                         ESC_ALLOCATION_TYPE_COMPENSATION, role,
                                                         NULL, date, NULL, NULL));
            }
        }
    }
}

static void
add_extra_row (const EscSchedule *schedule,
               GPtrArray         *rows,
               int                group,
               int                day,
               EscInstant         start,
               EscInstant         end,
               const char        *shift_id,
               int                missing)
{
  const EscProblem *problem = schedule->problem;
  const EscProblemGroup *g = g_ptr_array_index (problem->groups, group);
  const char *store = g_ptr_array_index (problem->store_ids, g->store);
  const char *role = g_ptr_array_index (problem->role_ids, g->role);
  g_autofree char *date = format_day (problem, day);
  g_autofree char *start_text = NULL;
  g_autofree char *finish_text = NULL;
  g_autofree char *task = NULL;
  g_autofree char *missing_text = g_strdup_printf ("%d", missing);

  if (start < 0)
    {
      start_text = g_strdup (date);
      finish_text = g_strdup (date);
      task = g_strdup_printf ("extra:%s/%s@%s %s", store, role, date, shift_id);
    }
  else
    {
      start_text = format_instant (problem, start);
      finish_text = format_instant (problem, end);
      task = g_strdup_printf ("extra:%s/%s@%s", store, role, start_text);
    }
  g_ptr_array_add (rows, new_allocation_row (task, start_text, finish_text, role, store,
                                             ESC_ALLOCATION_TYPE_EXTRA, role, shift_id, date,
                                             NULL, missing_text));
}

static void
add_extra_rows (const EscSchedule *schedule,
                GPtrArray         *rows)
{
  const EscProblem *problem = schedule->problem;
  g_autofree guint *covered = esc_evaluate_slot_coverage (schedule);
  g_autofree guint *shift_covered = esc_evaluate_shift_demand_coverage (schedule);
  guint i = 0;

  /* Slots are sorted by group, day and start: merge runs that touch and miss alike. */
  while (i < problem->slots->len)
    {
      const EscProblemSlot *slot = &g_array_index (problem->slots, EscProblemSlot, i);
      int missing = slot->required - (int) covered[i];
      EscInstant end = slot->end;
      guint j = i + 1;

      if (missing <= 0)
        {
          i++;
          continue;
        }
      while (j < problem->slots->len)
        {
          const EscProblemSlot *next = &g_array_index (problem->slots, EscProblemSlot, j);

          if (next->group != slot->group || next->day != slot->day || next->start != end ||
              next->required - (int) covered[j] != missing)
            break;
          end = next->end;
          j++;
        }
      add_extra_row (schedule, rows, slot->group, slot->day, slot->start, end, NULL, missing);
      i = j;
    }

  for (guint k = 0; k < problem->shift_demands->len; k++)
    {
      const EscProblemShiftDemand *sd = &g_array_index (problem->shift_demands,
                                                        EscProblemShiftDemand, k);
      const EscProblemShift *shift = esc_problem_get_shift (problem, sd->shift);
      int missing = sd->required - (int) shift_covered[k];
      EscInstant start = -1, end = -1;

      if (missing <= 0)
        continue;
      if (shift->start != ESC_NONE)
        {
          start = (EscInstant) sd->day * ESC_MINUTES_PER_DAY + shift->start;
          end = (EscInstant) sd->day * ESC_MINUTES_PER_DAY + shift->end;
        }
      add_extra_row (schedule, rows, sd->group, sd->day, start, end, shift->id, missing);
    }
}

GPtrArray *
esc_schedule_output_allocations (const EscSchedule *schedule)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (schedule != NULL, NULL);

  add_work_rows (schedule, rows);
  add_extra_rows (schedule, rows);
  return rows;
}

GPtrArray *
esc_schedule_output_reduced (const EscSchedule *schedule)
{
  const EscProblem *problem;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (schedule != NULL, NULL);

  problem = schedule->problem;
  for (guint e = 0; e < problem->employees->len; e++)
    {
      const EscProblemEmployee *emp = esc_problem_get_employee (problem, e);

      for (int d = 0; d < problem->n_days; d++)
        {
          int o = esc_schedule_get_choice (schedule, e, d);
          g_autofree char *date = format_day (problem, d);
          g_autofree char *hours = NULL;

          if (o != ESC_NONE)
            hours = esc_format_hours (esc_problem_get_option (problem, o)->net_minutes);
          else if (esc_schedule_get_compensation (schedule, e, d))
            hours = g_strdup ("C");
          else
            continue;
          g_ptr_array_add (rows, esc_row_new_with_values (ESC_TABLE_PREVIOUS_ALLOCATION,
                                                          (const char *[]) { emp->id, date, hours }));
        }
    }
  return rows;
}

GArray *
esc_schedule_output_totals (const EscSchedule *schedule)
{
  const EscProblem *problem;
  GArray *totals;

  g_return_val_if_fail (schedule != NULL, NULL);

  problem = schedule->problem;
  totals = g_array_sized_new (FALSE, TRUE, sizeof (EscEmployeeTotals), problem->employees->len);
  for (guint e = 0; e < problem->employees->len; e++)
    {
      const EscProblemEmployee *emp = esc_problem_get_employee (problem, e);
      EscEmployeeTotals t = { .employee = emp->id };

      for (int d = 0; d < problem->n_days; d++)
        {
          int o = esc_schedule_get_choice (schedule, e, d);
          EscWeekday weekday = esc_julian_weekday (problem->start_julian + d);
          gboolean holiday = problem->store_holiday[emp->store * problem->n_days + d];

          if (o != ESC_NONE)
            {
              t.minutes += esc_problem_get_option (problem, o)->net_minutes;
              t.days++;
              if (weekday == emp->limited_weekday)
                t.limited_days++;
              if (holiday)
                t.holidays_worked++;
            }
          else
            {
              t.rest_days++;
              if ((int) weekday == emp->preferred_rest)
                t.preferred_rests++;
            }
          if (esc_schedule_get_compensation (schedule, e, d))
            t.compensations++;
        }
      /* The contract: the weekly limit per planning week, pro rata for partial weeks. */
      t.contract_minutes = (int) llround ((double) emp->weekly_max_minutes * problem->n_days / 7.0);
      g_array_append_val (totals, t);
    }
  return totals;
}

double
esc_schedule_output_unmet_minutes (const EscSchedule *schedule)
{
  const EscProblem *problem = schedule->problem;
  g_autofree guint *covered = esc_evaluate_slot_coverage (schedule);
  g_autofree guint *shift_covered = esc_evaluate_shift_demand_coverage (schedule);
  double unmet = 0;

  for (guint i = 0; i < problem->slots->len; i++)
    {
      const EscProblemSlot *slot = &g_array_index (problem->slots, EscProblemSlot, i);

      if (slot->required > (int) covered[i])
        unmet += (double) (slot->required - (int) covered[i]) * (double) (slot->end - slot->start);
    }
  for (guint k = 0; k < problem->shift_demands->len; k++)
    {
      const EscProblemShiftDemand *sd = &g_array_index (problem->shift_demands,
                                                        EscProblemShiftDemand, k);
      const EscProblemShift *shift = esc_problem_get_shift (problem, sd->shift);
      int length = shift->start != ESC_NONE ? shift->end - shift->start : shift->net_minutes;

      if (sd->required > (int) shift_covered[k])
        unmet += (double) (sd->required - (int) shift_covered[k]) * length;
    }
  return unmet;
}

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *name,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value) || isinf (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

JsonNode *
esc_schedule_output_summary (const EscSchedule *schedule)
{
  const EscProblem *problem;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GArray) totals = NULL;
  g_autofree char *start = NULL;
  gint64 minutes = 0, shifts = 0, rest_days = 0, compensations = 0;

  g_return_val_if_fail (schedule != NULL, NULL);

  problem = schedule->problem;
  totals = esc_schedule_output_totals (schedule);
  start = esc_format_date (problem->start_julian);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, esc_schedule_status_to_string (schedule->status));
  json_builder_set_member_name (builder, "start_date");
  json_builder_add_string_value (builder, start);
  json_builder_set_member_name (builder, "days");
  json_builder_add_int_value (builder, problem->n_days);
  add_number_or_null (builder, "seconds", schedule->seconds);

  json_builder_set_member_name (builder, "phases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < schedule->phases->len; i++)
    {
      const EscPhaseStats *phase = g_ptr_array_index (schedule->phases, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "objective");
      json_builder_add_string_value (builder, phase->objective);
      add_number_or_null (builder, "value", phase->value);
      add_number_or_null (builder, "bound", phase->bound);
      add_number_or_null (builder, "gap", phase->gap);
      add_number_or_null (builder, "seconds", phase->seconds);
      json_builder_set_member_name (builder, "proven_optimal");
      json_builder_add_boolean_value (builder, phase->proven_optimal);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "employees");
  json_builder_begin_array (builder);
  for (guint e = 0; e < totals->len; e++)
    {
      const EscEmployeeTotals *t = &g_array_index (totals, EscEmployeeTotals, e);

      minutes += t->minutes;
      shifts += t->days;
      rest_days += t->rest_days;
      compensations += t->compensations;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "employee");
      json_builder_add_string_value (builder, t->employee);
      json_builder_set_member_name (builder, "hours");
      json_builder_add_double_value (builder, t->minutes / 60.0);
      json_builder_set_member_name (builder, "contract_hours");
      json_builder_add_double_value (builder, t->contract_minutes / 60.0);
      json_builder_set_member_name (builder, "days");
      json_builder_add_int_value (builder, t->days);
      json_builder_set_member_name (builder, "rest_days");
      json_builder_add_int_value (builder, t->rest_days);
      json_builder_set_member_name (builder, "sundays");
      json_builder_add_int_value (builder, t->limited_days);
      json_builder_set_member_name (builder, "preferred_rests");
      json_builder_add_int_value (builder, t->preferred_rests);
      json_builder_set_member_name (builder, "holidays_worked");
      json_builder_add_int_value (builder, t->holidays_worked);
      json_builder_set_member_name (builder, "compensations");
      json_builder_add_int_value (builder, t->compensations);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "hours");
  json_builder_add_double_value (builder, minutes / 60.0);
  json_builder_set_member_name (builder, "shifts");
  json_builder_add_int_value (builder, shifts);
  json_builder_set_member_name (builder, "rest_days");
  json_builder_add_int_value (builder, rest_days);
  json_builder_set_member_name (builder, "compensations");
  json_builder_add_int_value (builder, compensations);
  json_builder_set_member_name (builder, "unmet_staff_minutes");
  json_builder_add_double_value (builder, esc_schedule_output_unmet_minutes (schedule));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; schedule->reasons != NULL && i < schedule->reasons->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (schedule->reasons, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value) || isinf (value))
    return g_strdup ("");
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

EscCommand *
esc_schedule_output_store (const EscSchedule *schedule,
                           EscProject        *project)
{
  const EscProblem *problem;
  g_autoptr(GPtrArray) allocations = NULL;
  g_autoptr(GPtrArray) phases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *solved_at = g_date_time_format_iso8601 (now);
  g_autofree char *start = NULL;
  g_autofree char *days = NULL;
  g_autofree char *seconds = NULL;
  g_autofree char *generation = NULL;
  g_autofree char *unmet = NULL;
  g_autofree char *reasons = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  problem = schedule->problem;
  allocations = esc_schedule_output_allocations (schedule);
  for (guint i = 0; i < schedule->phases->len; i++)
    {
      const EscPhaseStats *phase = g_ptr_array_index (schedule->phases, i);
      g_autofree char *value = format_number (phase->value);
      g_autofree char *bound = format_number (phase->bound);
      g_autofree char *gap = format_number (phase->gap);
      g_autofree char *secs = format_number (phase->seconds);

      g_ptr_array_add (phases, esc_row_new_with_values (ESC_TABLE_PHASE, (const char *[]) {
        phase->objective, value, bound, gap, secs, phase->proven_optimal ? "yes" : "no" }));
    }

  start = esc_format_date (problem->start_julian);
  days = g_strdup_printf ("%d", problem->n_days);
  seconds = format_number (schedule->seconds);
  generation = g_strdup_printf ("%" G_GUINT64_FORMAT, problem->generation);
  unmet = format_number (esc_schedule_output_unmet_minutes (schedule));
  {
    GString *joined = g_string_new (NULL);

    for (guint i = 0; schedule->reasons != NULL && i < schedule->reasons->len; i++)
      {
        if (i > 0)
          g_string_append_c (joined, '\n');
        g_string_append (joined, g_ptr_array_index (schedule->reasons, i));
      }
    reasons = g_string_free (joined, FALSE);
  }
  {
    const char *pairs[][2] = {
      { "status", esc_schedule_status_to_string (schedule->status) },
      { "solved_at", solved_at },
      { "start_date", start },
      { "days", days },
      { "seconds", seconds },
      { "generation", generation },
      { "unmet_staff_minutes", unmet },
      { "reasons", reasons },
    };

    for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
      g_ptr_array_add (results, esc_row_new_with_values (ESC_TABLE_RESULT, pairs[i]));
  }

  /* Every adopted solve is kept as a version, in the same group: one undo removes both. */
  g_ptr_array_add (children, esc_versions_snapshot_rows_command (
      project, ESC_VERSION_KIND_SOLVE, allocations,
      esc_schedule_status_to_string (schedule->status), unmet));
  g_ptr_array_add (children, esc_command_new_replace_rows (
      esc_project_get_table (project, ESC_TABLE_ALLOCATION), allocations));
  g_ptr_array_add (children, esc_command_new_replace_rows (
      esc_project_get_table (project, ESC_TABLE_PHASE), phases));
  g_ptr_array_add (children, esc_command_new_replace_rows (
      esc_project_get_table (project, ESC_TABLE_RESULT), results));
  /* Translators: the undo label of adopting a solved schedule; %s is its status. */
  label = g_strdup_printf (_("Adopt solved schedule (%s)"),
                           esc_schedule_status_to_string (schedule->status));
  return esc_command_new_group (label, children);
}

EscSchedule *
esc_schedule_output_load (EscProblem *problem,
                          EscProject *project,
                          GPtrArray  *problems)
{
  EscTable *table;
  g_autoptr(GHashTable) employees = g_hash_table_new (g_str_hash, g_str_equal);
  EscSchedule *schedule;

  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  schedule = esc_schedule_new (problem);
  for (guint e = 0; e < problem->employees->len; e++)
    g_hash_table_insert (employees, esc_problem_get_employee (problem, e)->id,
                         GUINT_TO_POINTER (e + 1));

  table = esc_project_get_table (project, ESC_TABLE_ALLOCATION);
  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    {
      EscRow *row = esc_table_get_row (table, i);
      const char *type = esc_row_get (row, ESC_ALLOCATION_TYPE);
      const char *resource = esc_row_get (row, ESC_ALLOCATION_RESOURCE);
      const char *shift_id = esc_row_get (row, ESC_ALLOCATION_SHIFT);
      const EscProblemEmployee *emp;
      gpointer found;
      EscJulian julian = 0;
      int day, chosen = ESC_NONE;
      guint e;

      if (g_strcmp0 (type, ESC_ALLOCATION_TYPE_EXTRA) == 0)
        continue;
      found = g_hash_table_lookup (employees, resource);
      if (found == NULL)
        {
          if (problems != NULL)
            g_ptr_array_add (problems, g_strdup_printf (
                _("Schedule row %u: “%s” is not an employee being planned"), i + 1, resource));
          continue;
        }
      e = GPOINTER_TO_UINT (found) - 1;
      emp = esc_problem_get_employee (problem, e);
      if (!esc_parse_date (esc_row_get (row, ESC_ALLOCATION_DATE), &julian, NULL) ||
          julian < problem->start_julian ||
          julian >= problem->start_julian + (EscJulian) problem->n_days)
        {
          if (problems != NULL)
            g_ptr_array_add (problems, g_strdup_printf (
                _("Schedule row %u: the date “%s” is not inside the planned days"), i + 1,
                esc_row_get (row, ESC_ALLOCATION_DATE)));
          continue;
        }
      day = (int) (julian - problem->start_julian);

      if (g_strcmp0 (type, ESC_ALLOCATION_TYPE_COMPENSATION) == 0)
        {
          esc_schedule_set_compensation (schedule, e, day, TRUE);
          continue;
        }

      for (guint o = emp->day_offset[day]; o < emp->day_offset[day + 1]; o++)
        if (g_strcmp0 (esc_problem_get_shift (problem, esc_problem_get_option (problem, o)->shift)->id,
                       shift_id) == 0)
          {
            chosen = (int) o;
            break;
          }
      if (chosen == ESC_NONE)
        {
          if (problems != NULL)
            g_ptr_array_add (problems, g_strdup_printf (
                _("%s cannot work “%s” on %s: no pattern allows it that day, or it falls on "
                  "leave, a ban or a day without demand"),
                emp->id, shift_id, esc_row_get (row, ESC_ALLOCATION_DATE)));
          continue;
        }
      if (esc_schedule_get_choice (schedule, e, day) != ESC_NONE)
        {
          if (problems != NULL)
            g_ptr_array_add (problems, g_strdup_printf (
                _("%s has more than one shift on %s; at most one a day is allowed"),
                emp->id, esc_row_get (row, ESC_ALLOCATION_DATE)));
          continue;
        }
      esc_schedule_set_choice (schedule, e, day, chosen);
    }
  return schedule;
}
