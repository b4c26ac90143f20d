/* test-reassign.c: the test executable of src/reassign, and the helpers its files share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-reassign"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "core/esc-row.h"
#include "reassign/esc-reassign-private.h"
#include "test-reassign.h"

EscJulian
test_day (int year,
          int month,
          int day)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return g_date_get_julian (date);
}

EscJulian
test_today (void)
{
  return test_day (2026, 3, 2);
}

EscReassignResult *
test_run (EscReassignInput          *input,
          const EscReassignSettings *settings,
          EscReassignMode            mode)
{
  g_autoptr(GError) error = NULL;
  EscReassignSettings defaults;
  EscReassignResult *result;

  esc_reassign_settings_init (&defaults);
  result = esc_reassign_run (input, settings != NULL ? settings : &defaults, mode, NULL, &error);
  esc_reassign_settings_clear (&defaults);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  test_assert_plan_valid (input, result);
  return result;
}

EscReassignMove *
test_find_move (EscReassignResult *result,
                const char        *assignment,
                guint              n)
{
  for (guint i = 0; i < result->moves->len; i++)
    {
      EscReassignMove *move = g_ptr_array_index (result->moves, i);

      if (strcmp (move->assignment, assignment) == 0 && n-- == 0)
        return move;
    }
  return NULL;
}

EscReassignOption *
test_find_option (GPtrArray  *options,
                  const char *employee,
                  const char *assignment)
{
  for (guint i = 0; i < options->len; i++)
    {
      EscReassignOption *option = g_ptr_array_index (options, i);

      if (strcmp (option->employee, employee) == 0 &&
          (assignment == NULL || g_strcmp0 (option->assignment, assignment) == 0))
        return option;
    }
  return NULL;
}

EscReassignGroup *
test_find_group (EscReassignResult *result,
                 const char        *key)
{
  for (guint i = 0; i < result->groups->len; i++)
    {
      EscReassignGroup *group = g_ptr_array_index (result->groups, i);

      if (strcmp (group->key, key) == 0)
        return group;
    }
  return NULL;
}

void
test_assert_score (const EscReassignScore *score,
                   double                  part_time,
                   double                  hours_match,
                   double                  team_member,
                   double                  single_member,
                   double                  risk_resource,
                   double                  moved_today)
{
  g_assert_cmpfloat_with_epsilon (score->points[ESC_REASSIGN_TERM_PART_TIME], part_time, 1e-9);
  g_assert_cmpfloat_with_epsilon (score->points[ESC_REASSIGN_TERM_HOURS_MATCH], hours_match, 1e-9);
  g_assert_cmpfloat_with_epsilon (score->points[ESC_REASSIGN_TERM_TEAM_MEMBER], team_member, 1e-9);
  g_assert_cmpfloat_with_epsilon (score->points[ESC_REASSIGN_TERM_SINGLE_MEMBER], single_member,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (score->points[ESC_REASSIGN_TERM_RISK_RESOURCE], risk_resource,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (score->points[ESC_REASSIGN_TERM_MOVED_TODAY], moved_today, 1e-9);
}

static const EscReassignAssignmentRow *
find_assignment (EscReassignInput *input,
                 const char       *id)
{
  for (guint i = 0; i < input->assignments->len; i++)
    {
      const EscReassignAssignmentRow *row = g_ptr_array_index (input->assignments, i);

      if (strcmp (row->id, id) == 0)
        return row;
    }
  return NULL;
}

static const EscReassignEmployeeRow *
find_employee (EscReassignInput *input,
               const char       *id)
{
  for (guint i = 0; i < input->employees->len; i++)
    {
      const EscReassignEmployeeRow *row = g_ptr_array_index (input->employees, i);

      if (strcmp (row->id, id) == 0)
        return row;
    }
  return NULL;
}

static GPtrArray **
behind_list (GHashTable *table,
             const char *assignment)
{
  static GPtrArray *list;

  list = g_hash_table_lookup (table, assignment);
  return &list;
}

static int
compare_by_score (gconstpointer a,
                  gconstpointer b)
{
  double sa = esc_reassign_score_total (&(*(EscReassignBackfill * const *) a)->score);
  double sb = esc_reassign_score_total (&(*(EscReassignBackfill * const *) b)->score);

  return sa > sb ? -1 : sa < sb;
}

/* The value of the backfills behind one assignment: hours count up to @covered, the
 * best scores first, while P + score > 0. Adds their scores to *@score. */
static double
counted_backfill_value (double     P,
                        double     covered,
                        GPtrArray *backfills,
                        double    *score)
{
  double value = 0.0;

  g_ptr_array_sort (backfills, compare_by_score);
  for (guint i = 0; i < backfills->len && covered > 1e-9; i++)
    {
      EscReassignBackfill *backfill = g_ptr_array_index (backfills, i);
      double s = esc_reassign_score_total (&backfill->score);
      double hours = MIN (backfill->hours, covered);

      if (P + s <= 0.0)
        break;
      covered -= hours;
      value += (P + s) * hours;
      *score += s * hours;
    }
  return value;
}

void
test_assert_plan_valid (EscReassignInput  *input,
                        EscReassignResult *result)
{
  const double eps = 1e-5;
  const double P = result->settings.covered_hour_points;
  const double K = result->settings.keep_threshold;
  g_autoptr(GHashTable) moved = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) overshoot = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) given = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) covered_by = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) backfilled_by = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                               (GDestroyNotify) g_ptr_array_unref);
  g_autofree double *covered = g_new0 (double, result->groups->len + 1);
  double value = 0.0, score = 0.0;
  GHashTableIter iter;
  gpointer key, data;

  for (guint i = 0; i < result->moves->len; i++)
    {
      EscReassignMove *move = g_ptr_array_index (result->moves, i);
      double *sum = g_hash_table_lookup (moved, move->assignment);
      double *over = g_hash_table_lookup (overshoot, move->assignment);
      double *by = g_hash_table_lookup (covered_by, move->assignment);
      double backfilled = 0.0;

      if (sum == NULL)
        {
          g_hash_table_insert (moved, move->assignment, sum = g_new0 (double, 1));
          g_hash_table_insert (overshoot, move->assignment, over = g_new0 (double, 1));
          g_hash_table_insert (covered_by, move->assignment, by = g_new0 (double, 1));
          g_hash_table_insert (backfilled_by, move->assignment, g_ptr_array_new ());
        }
      *by += move->covered_hours;
      *sum += move->hours;
      *over += move->hours - move->covered_hours;
      g_assert_cmpfloat (move->hours, >, 0.0);
      g_assert_cmpfloat (move->covered_hours, >, 0.0);
      g_assert_cmpfloat (move->covered_hours, <=, move->hours + eps);
      g_assert_cmpfloat (move->hours - move->covered_hours, <, K + eps);
      covered[move->group] += move->covered_hours;
      value += (P + esc_reassign_score_total (&move->score)) * move->covered_hours;
      score += esc_reassign_score_total (&move->score) * move->covered_hours;

      for (guint b = 0; b < move->backfills->len; b++)
        {
          EscReassignBackfill *backfill = g_ptr_array_index (move->backfills, b);
          double *total = g_hash_table_lookup (given, backfill->employee);

          if (total == NULL)
            g_hash_table_insert (given, backfill->employee, total = g_new0 (double, 1));
          *total += backfill->hours;
          backfilled += backfill->hours;
          g_assert_cmpstr (backfill->employee, !=, move->employee);
          /* Counted below: up to the hours the assignment covered, best scores first. */
          g_ptr_array_add (*behind_list (backfilled_by, move->assignment), backfill);
        }
      g_assert_cmpfloat (backfilled, <=, move->hours + eps);
      g_assert_cmpfloat_with_epsilon (backfilled, move->backfilled_hours, eps);
    }

  g_hash_table_iter_init (&iter, moved);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      const EscReassignAssignmentRow *row = find_assignment (input, key);
      double available = floor (row->hours_12w + 1e-9);
      double left = available - *(double *) data;
      double over = *(double *) g_hash_table_lookup (overshoot, key);

      g_assert_nonnull (row);
      g_assert_cmpfloat (left, >=, -eps);
      g_assert_true (left <= eps || left >= K - eps);
      if (over > eps)
        g_assert_cmpfloat (left, <=, eps);
      value += counted_backfill_value (P, *(double *) g_hash_table_lookup (covered_by, key),
                                       g_hash_table_lookup (backfilled_by, key), &score);
    }

  g_hash_table_iter_init (&iter, given);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      const EscReassignEmployeeRow *row = find_employee (input, key);

      g_assert_nonnull (row);
      g_assert_cmpfloat (*(double *) data, <=, row->spare_capacity + eps);
    }

  for (guint g = 0; g < result->groups->len; g++)
    {
      EscReassignGroup *group = g_ptr_array_index (result->groups, g);

      g_assert_cmpfloat (covered[g], <=, group->needed_hours + eps);
      g_assert_cmpfloat_with_epsilon (covered[g], group->covered_hours, eps);
    }
  g_assert_cmpfloat_with_epsilon (value, result->totals.value, 1e-3);
  g_assert_cmpfloat_with_epsilon (score, result->totals.score, 1e-3);
}

EscRow *
test_add_row (EscProject *project,
              EscTableId  table_id,
              ...)
{
  EscTable *table = esc_project_get_table (project, table_id);
  const EscTableSchema *schema = esc_table_get_schema (table);
  g_autoptr(EscRow) row = esc_row_new (table_id);
  const char *column;
  va_list args;

  va_start (args, table_id);
  while ((column = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      int c = esc_schema_find_column (schema, column);

      g_assert_cmpint (c, >=, 0);
      esc_row_set (row, (guint) c, value);
    }
  va_end (args);
  esc_table_append (table, row);
  return row;
}

char *
test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("escala-reassign-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
test_remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  esc_test_add_settings_tests ();
  esc_test_add_greedy_tests ();
  esc_test_add_optimal_tests ();
  esc_test_add_io_tests ();

  return g_test_run ();
}
