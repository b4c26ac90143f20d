/* test-versions.c: schedule versions: snapshot, restore, compare, undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/esc-project.h"
#include "core/esc-versions.h"

#include "test-core.h"

#define ALLOC(project, task, resource, date, shift, start, finish, hours) \
  esc_table_append_values (esc_project_get_table (project, ESC_TABLE_ALLOCATION), \
                           (const char *[ESC_ALLOCATION_N_COLUMNS]) { task, start, finish, \
                             resource, "S1", "allocation", "R1", shift, date, hours, "", "" })

static void
fill_a (EscProject *p)
{
  ALLOC (p, "E1@2026-03-02", "E1", "2026-03-02", "Early", "2026-03-02 06:00", "2026-03-02 14:00", "07:00");
  ALLOC (p, "E1@2026-03-03", "E1", "2026-03-03", "Early", "2026-03-03 06:00", "2026-03-03 14:00", "07:00");
  ALLOC (p, "E2@2026-03-02", "E2", "2026-03-02", "Late", "2026-03-02 14:00", "2026-03-02 22:00", "07:00");
  ALLOC (p, "E3@2026-03-04", "E3", "2026-03-04", "Late", "2026-03-04 14:00", "2026-03-04 22:00", "07:00");
  esc_table_append_values (esc_project_get_table (p, ESC_TABLE_ALLOCATION),
                           (const char *[ESC_ALLOCATION_N_COLUMNS]) {
                             "extra:S1/R1@2026-03-02 08:00", "2026-03-02 08:00", "2026-03-02 10:00",
                             "R1", "S1", "extra", "R1", "", "2026-03-02", "", "2", "" });
}

/* B: E1 Tue moved to Wed (same shift), E2 Mon changed to Early times, E3 removed,
 * E4 added. */
static void
fill_b (EscProject *p)
{
  ALLOC (p, "E1@2026-03-02", "E1", "2026-03-02", "Early", "2026-03-02 06:00", "2026-03-02 14:00", "07:00");
  ALLOC (p, "E1@2026-03-04", "E1", "2026-03-04", "Early", "2026-03-04 06:00", "2026-03-04 14:00", "07:00");
  ALLOC (p, "E2@2026-03-02", "E2", "2026-03-02", "Early", "2026-03-02 06:00", "2026-03-02 14:00", "07:00");
  ALLOC (p, "E4@2026-03-05", "E4", "2026-03-05", "Late", "2026-03-05 14:00", "2026-03-05 22:00", "08:00");
}

static guint
count_kind (EscVersionDiff       *diff,
            EscVersionChangeKind  kind,
            const char           *employee)
{
  guint n = 0;

  for (guint i = 0; i < diff->changes->len; i++)
    {
      EscVersionChange *c = g_ptr_array_index (diff->changes, i);

      if (c->kind == kind && g_strcmp0 (c->employee, employee) == 0)
        n++;
    }
  return n;
}

static void
test_versions_snapshot_compare (void)
{
  g_autoptr(EscProject) project = esc_project_new ();
  EscTable *versions = esc_project_get_table (project, ESC_TABLE_VERSION);
  EscTable *snapshots = esc_project_get_table (project, ESC_TABLE_VERSION_ALLOCATION);
  EscTable *allocation = esc_project_get_table (project, ESC_TABLE_ALLOCATION);
  g_autoptr(EscVersionDiff) diff = NULL;
  EscRow *v1;

  fill_a (project);
  esc_project_execute_take (project,
                            esc_versions_snapshot_command (project, ESC_VERSION_KIND_SOLVE));
  g_assert_cmpuint (esc_table_get_n_rows (versions), ==, 1);
  g_assert_cmpuint (esc_table_get_n_rows (snapshots), ==, 5);
  v1 = esc_table_get_row (versions, 0);
  g_assert_cmpstr (esc_row_get (v1, ESC_VERSION_ID), ==, "v1");
  g_assert_true (g_str_has_prefix (esc_row_get (v1, ESC_VERSION_NAME), "Solve "));
  g_assert_cmpstr (esc_row_get (v1, ESC_VERSION_SHIFTS), ==, "4");
  g_assert_cmpstr (esc_row_get (v1, ESC_VERSION_HOURS), ==, "28.00");
  g_assert_cmpstr (esc_row_get (v1, ESC_VERSION_UNMET_STAFF_MINUTES), ==, "240");

  esc_table_clear (allocation);
  fill_b (project);
  esc_project_execute_take (project,
                            esc_versions_snapshot_command (project, ESC_VERSION_KIND_SAVED));
  g_assert_cmpuint (esc_table_get_n_rows (versions), ==, 2);
  g_assert_cmpstr (esc_row_get (esc_table_get_row (versions, 1), ESC_VERSION_ID), ==, "v2");
  g_assert_cmpstr (esc_row_get (esc_table_get_row (versions, 1), ESC_VERSION_STATUS), ==, "manual");
  g_assert_true (g_str_has_prefix (esc_row_get (esc_table_get_row (versions, 1), ESC_VERSION_NAME),
                                   "Saved "));

  diff = esc_versions_compare (project, "v1", "v2");
  g_assert_nonnull (diff);
  g_assert_cmpuint (diff->n_added, ==, 1);
  g_assert_cmpuint (diff->n_removed, ==, 1);
  g_assert_cmpuint (diff->n_moved, ==, 2);
  g_assert_cmpuint (diff->n_unchanged, ==, 1);
  g_assert_cmpuint (count_kind (diff, ESC_VERSION_CHANGE_ADDED, "E4"), ==, 1);
  g_assert_cmpuint (count_kind (diff, ESC_VERSION_CHANGE_REMOVED, "E3"), ==, 1);
  g_assert_cmpuint (count_kind (diff, ESC_VERSION_CHANGE_MOVED, "E1"), ==, 1);
  g_assert_cmpuint (count_kind (diff, ESC_VERSION_CHANGE_MOVED, "E2"), ==, 1);
  g_assert_cmpuint (diff->figures_a.shifts, ==, 4);
  g_assert_cmpuint (diff->figures_b.shifts, ==, 4);
  g_assert_cmpfloat_with_epsilon (diff->figures_a.hours, 28, 1e-9);
  g_assert_cmpfloat_with_epsilon (diff->figures_b.hours, 29, 1e-9);
  g_assert_cmpfloat_with_epsilon (diff->figures_a.unmet_minutes, 240, 1e-9);
  g_assert_cmpfloat_with_epsilon (diff->figures_b.unmet_minutes, 0, 1e-9);
  g_assert_cmpuint (diff->rows_b->len, ==, 4);

  g_assert_null (esc_versions_compare (project, "v1", "v9"));
}

static void
test_versions_restore_undo (void)
{
  g_autoptr(EscProject) project = esc_project_new ();
  EscTable *versions = esc_project_get_table (project, ESC_TABLE_VERSION);
  EscTable *allocation = esc_project_get_table (project, ESC_TABLE_ALLOCATION);

  fill_a (project);
  esc_project_execute_take (project,
                            esc_versions_snapshot_command (project, ESC_VERSION_KIND_SAVED));
  esc_table_clear (allocation);
  fill_b (project);
  g_assert_cmpuint (esc_table_get_n_rows (allocation), ==, 4);

  g_assert_null (esc_versions_restore_command (project, "v7"));
  esc_project_execute_take (project, esc_versions_restore_command (project, "v1"));
  g_assert_cmpuint (esc_table_get_n_rows (allocation), ==, 5);
  g_assert_cmpstr (esc_row_get (esc_table_get_row (allocation, 3), ESC_ALLOCATION_TASK), ==,
                   "E3@2026-03-04");
  g_assert_true (esc_project_undo (project));
  g_assert_cmpuint (esc_table_get_n_rows (allocation), ==, 4);

  /* Undoing the snapshot removes the version and its rows; the id is given again. */
  g_assert_true (esc_project_undo (project));
  g_assert_cmpuint (esc_table_get_n_rows (versions), ==, 0);
  g_assert_cmpuint (esc_table_get_n_rows (esc_project_get_table (project, ESC_TABLE_VERSION_ALLOCATION)), ==, 0);
  {
    g_autofree char *id = esc_versions_next_id (project);

    g_assert_cmpstr (id, ==, "v1");
  }
  g_assert_true (esc_project_redo (project));
  g_assert_cmpuint (esc_table_get_n_rows (versions), ==, 1);
}

void
esc_test_add_versions_tests (void)
{
  g_test_add_func ("/core/versions/snapshot-compare", test_versions_snapshot_compare);
  g_test_add_func ("/core/versions/restore-undo", test_versions_restore_undo);
}
