/* esc-versions.c: schedules kept as named versions, and comparing two of them.
 *
 * Decisions:
 * - Ids are "v<n>", n one more than the largest in use, so an undone version's id is
 *   given again and ids never collide after deletions of the middle.
 * - Figures are kept as text in the version row (hours with two decimals, shifts, the
 *   solver's unmet staff-minutes), so they survive the schedule being edited later.
 * - The snapshot keeps every allocation column, pins included, so restoring is exact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-core"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "esc-parse.h"
#include "esc-row.h"
#include "esc-schema.h"
#include "esc-versions.h"

static void
change_free (gpointer data)
{
  EscVersionChange *change = data;

  g_free (change->employee);
  g_free (change->task_a);
  g_free (change->task_b);
  g_free (change->date_a);
  g_free (change->date_b);
  g_free (change);
}

static gboolean
parse_instant (const char *text,
               EscInstant *instant)
{
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;
  EscJulian julian;
  int minutes = 0;

  if (text == NULL || strlen (text) < 10)
    return FALSE;
  date = g_strndup (text, 10);
  if (!esc_parse_date (date, &julian, NULL))
    return FALSE;
  clock = g_strstrip (g_strdup (text + 10));
  if (clock[0] != '\0' && !esc_parse_time (clock, TRUE, &minutes, NULL))
    return FALSE;
  *instant = (EscInstant) julian * ESC_MINUTES_PER_DAY + minutes;
  return TRUE;
}

static gboolean
is_work (EscRow *row)
{
  return g_strcmp0 (esc_row_get (row, ESC_ALLOCATION_TYPE), ESC_ALLOCATION_TYPE_WORK) == 0;
}

static EscVersionFigures
compute_figures (GPtrArray *allocations)
{
  EscVersionFigures figures = { 0, 0, 0 };

  for (guint i = 0; i < allocations->len; i++)
    {
      EscRow *row = g_ptr_array_index (allocations, i);
      int minutes = 0;

      if (is_work (row))
        {
          figures.shifts++;
          if (esc_parse_hours (esc_row_get (row, ESC_ALLOCATION_NET_HOURS), &minutes, NULL))
            figures.hours += minutes / 60.0;
        }
      else if (g_strcmp0 (esc_row_get (row, ESC_ALLOCATION_TYPE), ESC_ALLOCATION_TYPE_EXTRA) == 0)
        {
          g_autofree char *start = g_strdup (esc_row_get (row, ESC_ALLOCATION_START));
          g_autofree char *finish = g_strdup (esc_row_get (row, ESC_ALLOCATION_FINISH));
          EscInstant s, f;
          gint64 missing = 1;

          if (strlen (start) > 10 && parse_instant (start, &s) && parse_instant (finish, &f) && f > s)
            {
              if (!esc_row_is_empty (row, ESC_ALLOCATION_MISSING))
                esc_parse_int (esc_row_get (row, ESC_ALLOCATION_MISSING), &missing, NULL);
              figures.unmet_minutes += (double) missing * (double) (f - s);
            }
        }
    }
  return figures;
}

static char *
format_double (const char *format,
               double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}

static char *
summarize_parameters (EscProject *project)
{
  const char *start = esc_project_get_parameter (project, "start_date");
  const char *horizon = esc_project_get_parameter (project, "max_horizon");
  const char *objectives = esc_project_get_parameter (project, "objective_function");

  return g_strdup_printf ("start_date=%s; horizon=%s; objectives=%s",
                          start != NULL ? start : "", horizon != NULL ? horizon : "",
                          objectives != NULL ? objectives : "");
}

char *
esc_versions_next_id (EscProject *project)
{
  EscTable *table;
  guint64 max = 0;

  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  table = esc_project_get_table (project, ESC_TABLE_VERSION);
  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    {
      const char *id = esc_row_get (esc_table_get_row (table, i), ESC_VERSION_ID);
      guint64 n;

      if (id != NULL && id[0] == 'v' && g_ascii_string_to_unsigned (id + 1, 10, 1, G_MAXUINT32, &n, NULL))
        max = MAX (max, n);
    }
  return g_strdup_printf ("v%" G_GUINT64_FORMAT, max + 1);
}

/* Whether @name is the one the app gave a version kept at @created: "<word(s)> DD <month>
 * HH:MM" with the day and time of @created as it was written (its own offset), in any
 * language. */
static gboolean
is_default_name (const char *name,
                 GDateTime  *created)
{
  g_autofree char *clock = g_date_time_format (created, " %H:%M");
  g_autofree char *day = g_date_time_format (created, "%d");
  g_auto(GStrv) words = NULL;
  guint n;

  if (name == NULL || *name == '\0')
    return TRUE;
  if (!g_str_has_suffix (name, clock))
    return FALSE;
  words = g_strsplit (name, " ", -1);
  n = g_strv_length (words);
  /* …, day, month, time */
  return n >= 4 && g_strcmp0 (words[n - 3], day) == 0;
}

char *
esc_versions_display_name (EscRow *version)
{
  const char *name, *kind, *created;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (ESC_IS_ROW (version), NULL);

  name = esc_row_get (version, ESC_VERSION_NAME);
  kind = esc_row_get (version, ESC_VERSION_KIND);
  created = esc_row_get (version, ESC_VERSION_CREATED);
  if (created != NULL && *created != '\0')
    when = g_date_time_new_from_iso8601 (created, NULL);
  if (when == NULL ||
      (g_strcmp0 (kind, ESC_VERSION_KIND_SOLVE) != 0 && g_strcmp0 (kind, ESC_VERSION_KIND_SAVED) != 0) ||
      !is_default_name (name, when))
    return g_strdup (name != NULL && *name != '\0' ? name : esc_row_get (version, ESC_VERSION_ID));

  local = g_date_time_to_local (when);
  /* TRANSLATORS: the day and time in the name of a kept schedule version, as
   * g_date_time_format() formats it: "21 Nov 08:02" (%-d the day, %b the month's short
   * name, %H:%M the time) */
  stamp = g_date_time_format (local, C_("version name", "%-d %b %H:%M"));
  if (stamp == NULL)
    return g_strdup (name != NULL && *name != '\0' ? name : esc_row_get (version, ESC_VERSION_ID));
  if (g_strcmp0 (kind, ESC_VERSION_KIND_SOLVE) == 0)
    return g_strdup_printf (_("Solve %s"), stamp);
  return g_strdup_printf (_("Saved %s"), stamp);
}

EscCommand *
esc_versions_snapshot_rows_command (EscProject *project,
                                    const char *kind,
                                    GPtrArray  *allocations,
                                    const char *status,
                                    const char *unmet_minutes)
{
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GPtrArray) version_rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) snapshot_rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *id = NULL;
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *when = g_date_time_format (now, "%d %b %H:%M");
  g_autofree char *name = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *shifts = NULL;
  g_autofree char *unmet = NULL;
  g_autofree char *parameters = NULL;
  g_autofree char *label = NULL;
  gboolean solve;
  EscVersionFigures figures;
  EscTable *versions;
  EscTable *snapshots;

  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  solve = g_strcmp0 (kind, ESC_VERSION_KIND_SOLVE) == 0;
  if (allocations == NULL)
    {
      EscTable *table = esc_project_get_table (project, ESC_TABLE_ALLOCATION);

      current = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < esc_table_get_n_rows (table); i++)
        g_ptr_array_add (current, g_object_ref (esc_table_get_row (table, i)));
      allocations = current;
    }

  id = esc_versions_next_id (project);
  figures = compute_figures (allocations);
  /* Translators: default names of schedule versions; %s is a day and time "21 Nov 08:02". */
  name = g_strdup_printf (solve ? _("Solve %s") : _("Saved %s"), when);
  hours = format_double ("%.2f", figures.hours);
  shifts = g_strdup_printf ("%u", figures.shifts);
  unmet = unmet_minutes != NULL ? g_strdup (unmet_minutes) : format_double ("%.0f", figures.unmet_minutes);
  parameters = summarize_parameters (project);

  g_ptr_array_add (version_rows, esc_row_new_with_values (ESC_TABLE_VERSION, (const char *[]) {
    id, name, kind, created, status != NULL ? status : "manual", unmet, hours, shifts, parameters }));
  for (guint i = 0; i < allocations->len; i++)
    {
      EscRow *row = g_ptr_array_index (allocations, i);
      EscRow *copy = esc_row_new (ESC_TABLE_VERSION_ALLOCATION);

      esc_row_set (copy, ESC_VERSION_ALLOCATION_VERSION, id);
      for (guint c = 0; c < ESC_ALLOCATION_N_COLUMNS; c++)
        esc_row_set (copy, ESC_VERSION_ALLOCATION_FIRST + c, esc_row_get (row, c));
      g_ptr_array_add (snapshot_rows, copy);
    }

  versions = esc_project_get_table (project, ESC_TABLE_VERSION);
  snapshots = esc_project_get_table (project, ESC_TABLE_VERSION_ALLOCATION);
  g_ptr_array_add (children, esc_command_new_insert_rows (versions, esc_table_get_n_rows (versions),
                                                          version_rows));
  g_ptr_array_add (children, esc_command_new_insert_rows (snapshots, esc_table_get_n_rows (snapshots),
                                                          snapshot_rows));
  /* Translators: undo label; %s is the version's name. */
  label = g_strdup_printf (_("Keep schedule version “%s”"), name);
  return esc_command_new_group (label, children);
}

EscCommand *
esc_versions_snapshot_command (EscProject *project,
                               const char *kind)
{
  return esc_versions_snapshot_rows_command (project, kind, NULL, NULL, NULL);
}

GPtrArray *
esc_versions_get_allocations (EscProject *project,
                              const char *id)
{
  EscTable *snapshots;
  GPtrArray *rows;

  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  if (id == NULL || esc_table_find (esc_project_get_table (project, ESC_TABLE_VERSION), id) == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  snapshots = esc_project_get_table (project, ESC_TABLE_VERSION_ALLOCATION);
  for (guint i = 0; i < esc_table_get_n_rows (snapshots); i++)
    {
      EscRow *row = esc_table_get_row (snapshots, i);
      EscRow *allocation;

      if (g_strcmp0 (esc_row_get (row, ESC_VERSION_ALLOCATION_VERSION), id) != 0)
        continue;
      allocation = esc_row_new (ESC_TABLE_ALLOCATION);
      for (guint c = 0; c < ESC_ALLOCATION_N_COLUMNS; c++)
        esc_row_set (allocation, c, esc_row_get (row, ESC_VERSION_ALLOCATION_FIRST + c));
      g_ptr_array_add (rows, allocation);
    }
  return rows;
}

EscCommand *
esc_versions_restore_command (EscProject *project,
                              const char *id)
{
  g_autoptr(GPtrArray) rows = esc_versions_get_allocations (project, id);
  EscRow *version;
  EscCommand *command;
  g_autofree char *label = NULL;
  g_autofree char *shown = NULL;

  if (rows == NULL)
    return NULL;
  version = esc_table_find (esc_project_get_table (project, ESC_TABLE_VERSION), id);
  command = esc_command_new_replace_rows (esc_project_get_table (project, ESC_TABLE_ALLOCATION), rows);
  /* Translators: undo label; %s is the version's name. */
  shown = esc_versions_display_name (version);
  label = g_strdup_printf (_("Restore schedule version “%s”"), shown);
  esc_command_set_label (command, label);
  return command;
}

static char *
employee_date_key (EscRow *row)
{
  return g_strconcat (esc_row_get (row, ESC_ALLOCATION_RESOURCE), "\x1f",
                      esc_row_get (row, ESC_ALLOCATION_DATE), NULL);
}

static gboolean
same_shift_and_times (EscRow *x,
                      EscRow *y)
{
  return g_strcmp0 (esc_row_get (x, ESC_ALLOCATION_SHIFT), esc_row_get (y, ESC_ALLOCATION_SHIFT)) == 0 &&
         g_strcmp0 (esc_row_get (x, ESC_ALLOCATION_START), esc_row_get (y, ESC_ALLOCATION_START)) == 0 &&
         g_strcmp0 (esc_row_get (x, ESC_ALLOCATION_FINISH), esc_row_get (y, ESC_ALLOCATION_FINISH)) == 0;
}

static EscVersionChange *
new_change (EscVersionChangeKind kind,
            EscRow              *a,
            EscRow              *b)
{
  EscVersionChange *change = g_new0 (EscVersionChange, 1);
  EscRow *any = b != NULL ? b : a;

  change->kind = kind;
  change->employee = g_strdup (esc_row_get (any, ESC_ALLOCATION_RESOURCE));
  if (a != NULL)
    {
      change->task_a = g_strdup (esc_row_get (a, ESC_ALLOCATION_TASK));
      change->date_a = g_strdup (esc_row_get (a, ESC_ALLOCATION_DATE));
    }
  if (b != NULL)
    {
      change->task_b = g_strdup (esc_row_get (b, ESC_ALLOCATION_TASK));
      change->date_b = g_strdup (esc_row_get (b, ESC_ALLOCATION_DATE));
    }
  return change;
}

static EscJulian
row_julian (EscRow *row)
{
  EscJulian julian = 0;

  esc_parse_date (esc_row_get (row, ESC_ALLOCATION_DATE), &julian, NULL);
  return julian;
}

static void
read_figures (EscProject        *project,
              const char        *id,
              EscVersionFigures *figures)
{
  EscRow *version = esc_table_find (esc_project_get_table (project, ESC_TABLE_VERSION), id);
  double unmet;

  if (esc_parse_number (esc_row_get (version, ESC_VERSION_UNMET_STAFF_MINUTES), &unmet, NULL))
    figures->unmet_minutes = unmet;
  else
    figures->unmet_minutes = NAN;
}

EscVersionDiff *
esc_versions_compare (EscProject *project,
                      const char *a,
                      const char *b)
{
  g_autoptr(GPtrArray) rows_a = NULL;
  g_autoptr(GPtrArray) rows_b = NULL;
  g_autoptr(GHashTable) index_a = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) matched_a = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GPtrArray) removed = g_ptr_array_new ();
  EscVersionDiff *diff;

  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  rows_a = esc_versions_get_allocations (project, a);
  rows_b = esc_versions_get_allocations (project, b);
  if (rows_a == NULL || rows_b == NULL)
    return NULL;

  diff = g_new0 (EscVersionDiff, 1);
  diff->a = g_strdup (a);
  diff->b = g_strdup (b);
  diff->changes = g_ptr_array_new_with_free_func (change_free);
  diff->figures_a = compute_figures (rows_a);
  diff->figures_b = compute_figures (rows_b);
  read_figures (project, a, &diff->figures_a);
  read_figures (project, b, &diff->figures_b);

  for (guint i = 0; i < rows_a->len; i++)
    if (is_work (g_ptr_array_index (rows_a, i)))
      g_hash_table_insert (index_a, employee_date_key (g_ptr_array_index (rows_a, i)),
                           g_ptr_array_index (rows_a, i));

  /* Same employee and date: unchanged, or moved in time. */
  for (guint i = 0; i < rows_b->len; i++)
    {
      EscRow *row = g_ptr_array_index (rows_b, i);
      g_autofree char *key = NULL;
      EscRow *old;

      if (!is_work (row))
        continue;
      key = employee_date_key (row);
      old = g_hash_table_lookup (index_a, key);
      if (old == NULL)
        {
          g_ptr_array_add (added, row);
          continue;
        }
      g_hash_table_add (matched_a, old);
      if (same_shift_and_times (old, row))
        diff->n_unchanged++;
      else
        {
          g_ptr_array_add (diff->changes, new_change (ESC_VERSION_CHANGE_MOVED, old, row));
          diff->n_moved++;
        }
    }
  for (guint i = 0; i < rows_a->len; i++)
    {
      EscRow *row = g_ptr_array_index (rows_a, i);

      if (is_work (row) && !g_hash_table_contains (matched_a, row))
        g_ptr_array_add (removed, row);
    }

  /* A shift of one employee that changed day: pair nearest dates, same shift id. */
  for (guint i = 0; i < added->len; i++)
    {
      EscRow *row = g_ptr_array_index (added, i);
      EscJulian day = row_julian (row);
      guint best = G_MAXUINT;
      EscJulian best_distance = G_MAXUINT32;

      for (guint j = 0; j < removed->len; j++)
        {
          EscRow *old = g_ptr_array_index (removed, j);
          EscJulian old_day;
          EscJulian distance;

          if (old == NULL ||
              g_strcmp0 (esc_row_get (old, ESC_ALLOCATION_RESOURCE), esc_row_get (row, ESC_ALLOCATION_RESOURCE)) != 0 ||
              g_strcmp0 (esc_row_get (old, ESC_ALLOCATION_SHIFT), esc_row_get (row, ESC_ALLOCATION_SHIFT)) != 0)
            continue;
          old_day = row_julian (old);
          distance = old_day > day ? old_day - day : day - old_day;
          if (distance < best_distance)
            {
              best_distance = distance;
              best = j;
            }
        }
      if (best == G_MAXUINT)
        {
          g_ptr_array_add (diff->changes, new_change (ESC_VERSION_CHANGE_ADDED, NULL, row));
          diff->n_added++;
          continue;
        }
      g_ptr_array_add (diff->changes, new_change (ESC_VERSION_CHANGE_MOVED,
                                                  g_ptr_array_index (removed, best), row));
      diff->n_moved++;
      g_ptr_array_index (removed, best) = NULL;
    }
  for (guint j = 0; j < removed->len; j++)
    if (g_ptr_array_index (removed, j) != NULL)
      {
        g_ptr_array_add (diff->changes, new_change (ESC_VERSION_CHANGE_REMOVED,
                                                    g_ptr_array_index (removed, j), NULL));
        diff->n_removed++;
      }

  diff->rows_a = g_steal_pointer (&rows_a);
  diff->rows_b = g_steal_pointer (&rows_b);
  return diff;
}

void
esc_version_diff_free (EscVersionDiff *diff)
{
  if (diff == NULL)
    return;
  g_free (diff->a);
  g_free (diff->b);
  g_clear_pointer (&diff->changes, g_ptr_array_unref);
  g_clear_pointer (&diff->rows_a, g_ptr_array_unref);
  g_clear_pointer (&diff->rows_b, g_ptr_array_unref);
  g_free (diff);
}
