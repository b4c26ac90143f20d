/* esc-reassign-schedule.c: assignments and requests taken from the schedule.
 *
 * Both functions read the project and return one undoable command (rows inserted at the
 * end of the table, after removing rows with the same ids); esc-reassign.h says what the
 * rows hold.
 *
 * Decisions:
 * - Worked hours of an Allocation row: net_hours, else finish - start. Of a
 *   PreviousAllocation row: its hours ("C" counts 0). A day an employee has work rows in
 *   the Allocation table is taken from there only.
 * - An Allocation row without store or role takes the employee's; PreviousAllocation rows
 *   always do. Rows of employees who are not in the Employee table and give no store or
 *   role are left out.
 * - Extra rows: the role is the row's role, else its resource; missing blank counts 1.
 *   Duration: finish - start when both have a time, else the shift's hours (its hours
 *   column, else end - start - break), else net_hours. The weeks are the horizon's days
 *   / 7 (max_horizon), else the span of the extra rows' dates / 7.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-reassign"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "core/esc-parse.h"
#include "core/esc-row.h"
#include "core/esc-table.h"
#include "esc-reassign-private.h"

typedef struct
{
  char   *employee;
  char   *store;
  char   *role;
  double  hours_4w;
  double  hours_12w;
} Worked;

typedef struct
{
  char   *store;
  char   *role;
  double  staff_hours;
} Shortage;

static void
worked_free (gpointer data)
{
  Worked *worked = data;

  g_free (worked->employee);
  g_free (worked->store);
  g_free (worked->role);
  g_free (worked);
}

static void
shortage_free (gpointer data)
{
  Shortage *shortage = data;

  g_free (shortage->store);
  g_free (shortage->role);
  g_free (shortage);
}

/* Sets @error naming the table, row and column of @cause; returns NULL. */
static EscCommand *
fail_cell (EscRow  *row,
           guint    r,
           guint    column,
           GError  *cause,
           GError **error)
{
  const EscTableSchema *schema = esc_row_get_schema (row);

  g_set_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_INPUT, _("%s row %u, %s: %s"),
               _(schema->title), r + 1, _(schema->columns[column].title), cause->message);
  return NULL;
}

static void
replace_text (char       **text,
              const char  *value)
{
  g_free (*text);
  *text = esc_strip_dup (value);
}

/* "YYYY-MM-DD HH:MM" or the date alone (*has_time FALSE). */
static gboolean
parse_instant (const char *text,
               EscInstant *instant,
               gboolean   *has_time,
               GError    **error)
{
  g_autofree char *stripped = esc_strip_dup (text);
  char *space = strchr (stripped, ' ');
  EscJulian day;
  int minutes = 0;

  if (space != NULL)
    *space = '\0';
  if (!esc_parse_date (stripped, &day, error))
    return FALSE;
  *has_time = space != NULL;
  if (space != NULL && !esc_parse_time (space + 1, TRUE, &minutes, error))
    return FALSE;
  *instant = (EscInstant) day * ESC_MINUTES_PER_DAY + minutes;
  return TRUE;
}

static char *
cell (EscRow *row,
      guint   column)
{
  return esc_strip_dup (esc_row_get (row, column));
}

/* The command replacing the rows of @table whose ids are those of @rows, then adding
 * @rows at the end. */
static EscCommand *
replace_rows_command (EscTable   *table,
                      GPtrArray  *rows,
                      const char *label)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) old = g_ptr_array_new ();
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  guint id_column = (guint) esc_table_get_schema (table)->id_column;
  EscCommand *command;

  for (guint i = 0; i < rows->len; i++)
    g_hash_table_add (ids, (gpointer) esc_row_get (g_ptr_array_index (rows, i), id_column));
  for (guint r = 0; r < esc_table_get_n_rows (table); r++)
    {
      EscRow *row = esc_table_get_row (table, r);
      g_autofree char *id = cell (row, id_column);

      if (g_hash_table_contains (ids, id))
        g_ptr_array_add (old, row);
    }

  if (old->len == 0)
    command = esc_command_new_insert_rows (table, esc_table_get_n_rows (table), rows);
  else
    {
      g_ptr_array_add (children, esc_command_new_remove_rows (table, old));
      g_ptr_array_add (children, esc_command_new_insert_rows (table,
                                                              esc_table_get_n_rows (table) -
                                                              old->len, rows));
      command = esc_command_new_group (label, children);
    }
  esc_command_set_label (command, label);
  return command;
}

/* Derived assignments ------------------------------------------------------------------ */

static void
add_worked (GHashTable *worked,
            GPtrArray  *order,
            const char *employee,
            const char *store,
            const char *role,
            EscJulian   date,
            EscJulian   today,
            double      hours)
{
  g_autofree char *key = NULL;
  Worked *entry;

  if (date >= today || date + 84 < today || hours <= 0.0)
    return;
  key = g_strdup_printf ("%s@%s/%s", employee, store, role);
  entry = g_hash_table_lookup (worked, key);
  if (entry == NULL)
    {
      entry = g_new0 (Worked, 1);
      entry->employee = g_strdup (employee);
      entry->store = g_strdup (store);
      entry->role = g_strdup (role);
      g_hash_table_insert (worked, g_steal_pointer (&key), entry);
      g_ptr_array_add (order, entry);
    }
  entry->hours_12w += hours;
  if (date + 28 >= today)
    entry->hours_4w += hours;
}

static int
compare_worked (gconstpointer a,
                gconstpointer b)
{
  const Worked *wa = *(Worked * const *) a;
  const Worked *wb = *(Worked * const *) b;
  int cmp;

  if ((cmp = strcmp (wa->employee, wb->employee)) != 0)
    return cmp;
  if ((cmp = strcmp (wa->store, wb->store)) != 0)
    return cmp;
  return strcmp (wa->role, wb->role);
}

EscCommand *
esc_reassign_derive_assignments (EscProject *project,
                                 EscJulian   today,
                                 GError    **error)
{
  EscTable *employees = esc_project_get_table (project, ESC_TABLE_EMPLOYEE);
  EscTable *allocations = esc_project_get_table (project, ESC_TABLE_ALLOCATION);
  EscTable *previous = esc_project_get_table (project, ESC_TABLE_PREVIOUS_ALLOCATION);
  g_autoptr(GHashTable) worked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (worked_free);
  g_autoptr(GHashTable) scheduled_days = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                g_free, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *label = NULL;

  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (today != 0, NULL);

  for (guint r = 0; r < esc_table_get_n_rows (allocations); r++)
    {
      EscRow *row = esc_table_get_row (allocations, r);
      g_autofree char *type = cell (row, ESC_ALLOCATION_TYPE);
      g_autofree char *employee = cell (row, ESC_ALLOCATION_RESOURCE);
      g_autofree char *store = cell (row, ESC_ALLOCATION_STORE);
      g_autofree char *role = cell (row, ESC_ALLOCATION_ROLE);
      g_autofree char *net = cell (row, ESC_ALLOCATION_NET_HOURS);
      g_autoptr(GError) local_error = NULL;
      EscRow *employee_row;
      EscJulian date;
      double hours;

      if (strcmp (type, ESC_ALLOCATION_TYPE_WORK) != 0)
        continue;
      if (!esc_parse_date (esc_row_get (row, ESC_ALLOCATION_DATE), &date, &local_error))
        return fail_cell (row, r, ESC_ALLOCATION_DATE, local_error, error);
      if (*net != '\0')
        {
          int minutes;

          if (!esc_parse_hours (net, &minutes, &local_error))
            return fail_cell (row, r, ESC_ALLOCATION_NET_HOURS, local_error, error);
          hours = minutes / 60.0;
        }
      else
        {
          EscInstant start, finish;
          gboolean start_time, finish_time;

          if (!parse_instant (esc_row_get (row, ESC_ALLOCATION_START), &start, &start_time,
                              &local_error))
            return fail_cell (row, r, ESC_ALLOCATION_START, local_error, error);
          if (!parse_instant (esc_row_get (row, ESC_ALLOCATION_FINISH), &finish, &finish_time,
                              &local_error))
            return fail_cell (row, r, ESC_ALLOCATION_FINISH, local_error, error);
          hours = start_time && finish_time && finish > start ? (finish - start) / 60.0 : 0.0;
        }

      employee_row = esc_table_find (employees, employee);
      if (*store == '\0' && employee_row != NULL)
        replace_text (&store, esc_row_get (employee_row, ESC_EMPLOYEE_STORE));
      if (*role == '\0' && employee_row != NULL)
        replace_text (&role, esc_row_get (employee_row, ESC_EMPLOYEE_ROLE));
      g_hash_table_add (scheduled_days, g_strdup_printf ("%s@%u", employee, date));
      if (*store == '\0' || *role == '\0')
        continue;
      add_worked (worked, order, employee, store, role, date, today, hours);
    }

  for (guint r = 0; r < esc_table_get_n_rows (previous); r++)
    {
      EscRow *row = esc_table_get_row (previous, r);
      g_autofree char *employee = cell (row, ESC_PREVIOUS_EMPLOYEE);
      g_autofree char *day_key = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *store = NULL;
      g_autofree char *role = NULL;
      EscRow *employee_row;
      EscJulian date;
      gboolean compensation;
      int minutes;

      if (*employee == '\0')
        continue;
      if (!esc_parse_date (esc_row_get (row, ESC_PREVIOUS_DATE), &date, &local_error))
        return fail_cell (row, r, ESC_PREVIOUS_DATE, local_error, error);
      if (!esc_parse_worked (esc_row_get (row, ESC_PREVIOUS_HOURS), &minutes, &compensation,
                             &local_error))
        return fail_cell (row, r, ESC_PREVIOUS_HOURS, local_error, error);
      day_key = g_strdup_printf ("%s@%u", employee, date);
      if (g_hash_table_contains (scheduled_days, day_key))
        continue;
      if ((employee_row = esc_table_find (employees, employee)) == NULL)
        continue;
      store = cell (employee_row, ESC_EMPLOYEE_STORE);
      role = cell (employee_row, ESC_EMPLOYEE_ROLE);
      if (*store == '\0' || *role == '\0')
        continue;
      add_worked (worked, order, employee, store, role, date, today, minutes / 60.0);
    }

  if (order->len == 0)
    return NULL;
  g_ptr_array_sort (order, compare_worked);
  for (guint i = 0; i < order->len; i++)
    {
      Worked *entry = g_ptr_array_index (order, i);
      g_autofree char *id = g_strdup_printf ("%s@%s/%s", entry->employee, entry->store,
                                             entry->role);
      g_autofree char *hours_4w = esc_reassign_format_number (entry->hours_4w / 4.0);
      g_autofree char *hours_12w = esc_reassign_format_number (entry->hours_12w / 12.0);
      const char *values[ESC_ASSIGNMENT_N_COLUMNS] = {
        [ESC_ASSIGNMENT_ID] = id,
        [ESC_ASSIGNMENT_EMPLOYEE] = entry->employee,
        [ESC_ASSIGNMENT_TEAM] = entry->store,
        [ESC_ASSIGNMENT_CATEGORY] = entry->role,
        [ESC_ASSIGNMENT_POSITION] = "worker",
        [ESC_ASSIGNMENT_HOURS_4W] = hours_4w,
        [ESC_ASSIGNMENT_HOURS_12W] = hours_12w,
        [ESC_ASSIGNMENT_ELIGIBLE_FOR_TRAINEE] = "yes",
      };

      g_ptr_array_add (rows, esc_row_new_with_values (ESC_TABLE_ASSIGNMENT, values));
    }

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Derive %u assignment from the schedule",
                                        "Derive %u assignments from the schedule", rows->len),
                           rows->len);
  return replace_rows_command (esc_project_get_table (project, ESC_TABLE_ASSIGNMENT), rows,
                               label);
}

/* Requests from shortages --------------------------------------------------------------- */

/* The hours of shift @id, or -1 when unknown. */
static double
shift_hours (EscProject *project,
             const char *id)
{
  EscRow *row = esc_table_find (esc_project_get_table (project, ESC_TABLE_SHIFT), id);
  int minutes, start, end;
  gint64 pause = 0;

  if (row == NULL)
    return -1.0;
  if (esc_parse_hours (esc_row_get (row, ESC_SHIFT_HOURS), &minutes, NULL))
    return minutes / 60.0;
  if (!esc_parse_time (esc_row_get (row, ESC_SHIFT_START), FALSE, &start, NULL) ||
      !esc_parse_time (esc_row_get (row, ESC_SHIFT_END), TRUE, &end, NULL))
    return -1.0;
  if (end <= start)
    end += ESC_MINUTES_PER_DAY;
  esc_parse_int (esc_row_get (row, ESC_SHIFT_BREAK_MINUTES), &pause, NULL);
  return MAX (0, end - start - (int) pause) / 60.0;
}

EscCommand *
esc_reassign_requests_from_extras (EscProject *project,
                                   GError    **error)
{
  EscTable *allocations = esc_project_get_table (project, ESC_TABLE_ALLOCATION);
  g_autoptr(GHashTable) shortages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (shortage_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *label = NULL;
  EscJulian first = 0, last = 0;
  double weeks;
  int days;

  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  for (guint r = 0; r < esc_table_get_n_rows (allocations); r++)
    {
      EscRow *row = esc_table_get_row (allocations, r);
      g_autofree char *type = cell (row, ESC_ALLOCATION_TYPE);
      g_autofree char *store = cell (row, ESC_ALLOCATION_STORE);
      g_autofree char *role = cell (row, ESC_ALLOCATION_ROLE);
      g_autofree char *shift = cell (row, ESC_ALLOCATION_SHIFT);
      g_autofree char *net = cell (row, ESC_ALLOCATION_NET_HOURS);
      g_autofree char *missing_text = cell (row, ESC_ALLOCATION_MISSING);
      g_autofree char *key = NULL;
      g_autoptr(GError) local_error = NULL;
      EscInstant start, finish;
      gboolean start_time, finish_time;
      gint64 missing = 1;
      double hours = -1.0;
      EscJulian date;
      Shortage *shortage;

      if (strcmp (type, ESC_ALLOCATION_TYPE_EXTRA) != 0)
        continue;
      if (*role == '\0')
        replace_text (&role, esc_row_get (row, ESC_ALLOCATION_RESOURCE));
      if (*store == '\0' || *role == '\0')
        continue;
      if (*missing_text != '\0' && !esc_parse_int (missing_text, &missing, &local_error))
        return fail_cell (row, r, ESC_ALLOCATION_MISSING, local_error, error);
      if (!esc_parse_date (esc_row_get (row, ESC_ALLOCATION_DATE), &date, &local_error))
        return fail_cell (row, r, ESC_ALLOCATION_DATE, local_error, error);
      if (!parse_instant (esc_row_get (row, ESC_ALLOCATION_START), &start, &start_time,
                          &local_error))
        return fail_cell (row, r, ESC_ALLOCATION_START, local_error, error);
      if (!parse_instant (esc_row_get (row, ESC_ALLOCATION_FINISH), &finish, &finish_time,
                          &local_error))
        return fail_cell (row, r, ESC_ALLOCATION_FINISH, local_error, error);

      if (start_time && finish_time && finish > start)
        hours = (finish - start) / 60.0;
      else if (*shift != '\0')
        hours = shift_hours (project, shift);
      if (hours < 0.0 && *net != '\0')
        {
          int minutes;

          if (!esc_parse_hours (net, &minutes, &local_error))
            return fail_cell (row, r, ESC_ALLOCATION_NET_HOURS, local_error, error);
          hours = minutes / 60.0;
        }
      if (hours <= 0.0 || missing <= 0)
        continue;

      first = first == 0 ? date : MIN (first, date);
      last = MAX (last, date);
      key = g_strdup_printf ("%s/%s", store, role);
      shortage = g_hash_table_lookup (shortages, key);
      if (shortage == NULL)
        {
          shortage = g_new0 (Shortage, 1);
          shortage->store = g_strdup (store);
          shortage->role = g_strdup (role);
          g_hash_table_insert (shortages, g_steal_pointer (&key), shortage);
          g_ptr_array_add (order, shortage);
        }
      shortage->staff_hours += hours * (double) missing;
    }

  if (order->len == 0)
    return NULL;

  if (esc_project_get_horizon (project, &days, NULL) && days > 0)
    weeks = days / 7.0;
  else
    weeks = (last - first + 1) / 7.0;

  for (guint i = 0; i < order->len; i++)
    {
      Shortage *shortage = g_ptr_array_index (order, i);
      g_autofree char *id = g_strdup_printf ("extra:%s/%s", shortage->store, shortage->role);
      g_autofree char *hours = esc_reassign_format_number (ceil (shortage->staff_hours / weeks *
                                                                 100.0 - 1e-6) / 100.0);
      const char *values[ESC_REQUEST_N_COLUMNS] = {
        [ESC_REQUEST_ID] = id,
        [ESC_REQUEST_TEAM] = shortage->store,
        [ESC_REQUEST_CATEGORY] = shortage->role,
        [ESC_REQUEST_HOURS] = hours,
        [ESC_REQUEST_STAGE] = "new",
      };

      g_ptr_array_add (rows, esc_row_new_with_values (ESC_TABLE_REQUEST, values));
    }

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Add %u request from the schedule's shortages",
                                        "Add %u requests from the schedule's shortages",
                                        rows->len), rows->len);
  return replace_rows_command (esc_project_get_table (project, ESC_TABLE_REQUEST), rows, label);
}
