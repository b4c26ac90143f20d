/* esc-staffing-demand.c: "Generate demand": required staff into Demand rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-staffing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/esc-table.h"
#include "esc-staffing-demand.h"
#include "esc-staffing-error.h"

#include "core/esc-calendar.h"

typedef struct
{
  EscJulian day;
  int       start;     /* minutes */
  int       end;
  int       quantity;
} Run;

static EscRow *
make_row (const char *store,
          const char *role,
          const Run  *run)
{
  g_autofree char *day = esc_format_date (run->day);
  g_autofree char *start = esc_format_time (run->start);
  g_autofree char *end = esc_format_time (run->end);
  g_autofree char *quantity = g_strdup_printf ("%d", run->quantity);
  const char *values[ESC_DEMAND_N_COLUMNS] = {
    [ESC_DEMAND_STORE] = store,
    [ESC_DEMAND_ROLE] = role,
    [ESC_DEMAND_DAY] = day,
    [ESC_DEMAND_START] = start,
    [ESC_DEMAND_END] = end,
    [ESC_DEMAND_QUANTITY] = quantity,
  };

  return esc_row_new_with_values (ESC_TABLE_DEMAND, values);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *ta = esc_strip_dup (a);
  g_autofree char *tb = esc_strip_dup (b);

  return g_strcmp0 (ta, tb) == 0;
}

GPtrArray *
esc_staffing_demand_rows (const char *store,
                          const char *role,
                          GArray     *intervals,
                          int         interval)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  Run run = { 0, 0, 0, 0 };
  gboolean open = FALSE;

  g_return_val_if_fail (store != NULL && role != NULL, rows);
  g_return_val_if_fail (intervals != NULL, rows);
  g_return_val_if_fail (interval > 0, rows);

  for (guint i = 0; i < intervals->len; i++)
    {
      const EscStaffingInterval *it = &g_array_index (intervals, EscStaffingInterval, i);
      EscJulian day = (EscJulian) (it->start / ESC_MINUTES_PER_DAY);
      int start = (int) (it->start % ESC_MINUTES_PER_DAY);

      if (open && run.day == day && run.end == start && run.quantity == it->scheduled)
        {
          run.end = start + interval;
          continue;
        }
      if (open && run.quantity > 0)
        g_ptr_array_add (rows, make_row (store, role, &run));
      run = (Run) { day, start, start + interval, it->scheduled };
      open = TRUE;
    }
  if (open && run.quantity > 0)
    g_ptr_array_add (rows, make_row (store, role, &run));
  return rows;
}

static gboolean
check_intervals (GArray  *intervals,
                 int      interval,
                 GError **error)
{
  if (interval <= 0 || ESC_MINUTES_PER_DAY % interval != 0)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("an interval of %d minutes does not divide the day; expected 15, 30 or "
                     "60 minutes"), interval);
      return FALSE;
    }
  for (guint i = 0; i < intervals->len; i++)
    {
      const EscStaffingInterval *it = &g_array_index (intervals, EscStaffingInterval, i);

      if (it->start < 0 || it->start % interval != 0 ||
          (i > 0 && it->start <= g_array_index (intervals, EscStaffingInterval, i - 1).start))
        {
          g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                       _("interval %u is not on the %d-minute grid or not after the one "
                         "before"), i + 1, interval);
          return FALSE;
        }
    }
  return TRUE;
}

EscCommand *
esc_staffing_generate_demand (EscProject *project,
                              const char *store,
                              const char *role,
                              GArray     *intervals,
                              int         interval,
                              GError    **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) old_rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *label = NULL;
  EscTable *demand;
  EscJulian first_day = 0, last_day = 0;
  guint position;

  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (store != NULL && role != NULL, NULL);
  g_return_val_if_fail (intervals != NULL, NULL);

  if (esc_table_find (esc_project_get_table (project, ESC_TABLE_STORE), store) == NULL)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_MISSING,
                   _("the project has no store “%s”"), store);
      return NULL;
    }
  if (esc_table_find (esc_project_get_table (project, ESC_TABLE_ROLE), role) == NULL)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_MISSING,
                   _("the project has no role “%s”"), role);
      return NULL;
    }
  if (!check_intervals (intervals, interval, error))
    return NULL;

  demand = esc_project_get_table (project, ESC_TABLE_DEMAND);
  position = esc_table_get_n_rows (demand);
  if (intervals->len > 0)
    {
      first_day = (EscJulian) (g_array_index (intervals, EscStaffingInterval, 0).start /
                               ESC_MINUTES_PER_DAY);
      last_day = (EscJulian) ((g_array_index (intervals, EscStaffingInterval,
                                              intervals->len - 1).start + interval - 1) /
                              ESC_MINUTES_PER_DAY);
      for (guint i = 0; i < esc_table_get_n_rows (demand); i++)
        {
          EscRow *row = esc_table_get_row (demand, i);
          EscJulian day;

          if (!same_text (esc_row_get (row, ESC_DEMAND_STORE), store) ||
              !same_text (esc_row_get (row, ESC_DEMAND_ROLE), role) ||
              !esc_parse_date (esc_row_get (row, ESC_DEMAND_DAY), &day, NULL) ||
              day < first_day || day > last_day)
            continue;
          if (old_rows->len == 0)
            position = i;
          g_ptr_array_add (old_rows, g_object_ref (row));
        }
    }

  rows = esc_staffing_demand_rows (store, role, intervals, interval);
  if (old_rows->len > 0)
    g_ptr_array_add (children, esc_command_new_remove_rows (demand, old_rows));
  if (rows->len > 0)
    g_ptr_array_add (children, esc_command_new_insert_rows (demand, position, rows));

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Generate demand for store %s, role %s (%u row)",
                                        "Generate demand for store %s, role %s (%u rows)",
                                        rows->len),
                           store, role, rows->len);
  return esc_command_new_group (label, children);
}

GArray *
esc_staffing_project_holidays (EscProject *project,
                               const char *store)
{
  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  /* Partial-day holidays change the volume too: keep them all. */
  return esc_project_get_store_holidays (project, store, FALSE);
}
