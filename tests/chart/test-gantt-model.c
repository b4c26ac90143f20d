/* test-gantt-model.c: the Gantt layout model (src/chart/esc-gantt-model.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-chart"

#include <glib.h>
#include <string.h>

#include "chart/esc-gantt-model.h"
#include "chart/esc-gantt-style.h"
#include "core/esc-table.h"
#include "chart-fixture.h"
#include "test-chart.h"

#define DAY ESC_MINUTES_PER_DAY

/* Row indices of the small fixture (see chart-fixture.h). */
enum
{
  ROW_CENTRO_CASHIER, ROW_COVERAGE, ROW_SHORTAGE, ROW_E1, ROW_E2,
  ROW_CENTRO_STOCKER, ROW_E3, ROW_NORTE_CASHIER, ROW_E4, N_ROWS
};

static EscGanttModel *
build_small (const EscGanttModelOptions *options)
{
  g_autoptr(EscProject) project = chart_fixture_small ();

  return esc_gantt_model_new (project, options);
}

static void
test_rows (void)
{
  g_autoptr(EscGanttModel) model = build_small (NULL);
  static const struct
  {
    EscGanttRowKind kind;
    guint unit;
    guint n_units;
    const char *id;
  } expected[] = {
    { ESC_GANTT_ROW_GROUP, 0, 1, NULL },
    { ESC_GANTT_ROW_COVERAGE, 1, 2, NULL },
    { ESC_GANTT_ROW_SHORTAGE, 3, 1, NULL },
    { ESC_GANTT_ROW_EMPLOYEE, 4, 1, "E1" },
    { ESC_GANTT_ROW_EMPLOYEE, 5, 1, "E2" },
    { ESC_GANTT_ROW_GROUP, 6, 1, NULL },
    { ESC_GANTT_ROW_EMPLOYEE, 7, 1, "E3" },
    { ESC_GANTT_ROW_GROUP, 8, 1, NULL },
    { ESC_GANTT_ROW_EMPLOYEE, 9, 1, "E4" },
  };
  const EscGanttGroup *group;

  g_assert_cmpuint (esc_gantt_model_get_n_rows (model), ==, N_ROWS);
  g_assert_cmpuint (esc_gantt_model_get_n_units (model), ==, 10);
  g_assert_cmpuint (esc_gantt_model_get_n_employees (model), ==, 4);
  g_assert_cmpuint (esc_gantt_model_get_n_groups (model), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const EscGanttRow *row = esc_gantt_model_get_row (model, i);

      g_assert_cmpint (row->kind, ==, expected[i].kind);
      g_assert_cmpuint (row->unit, ==, expected[i].unit);
      g_assert_cmpuint (row->n_units, ==, expected[i].n_units);
      g_assert_cmpstr (row->id, ==, expected[i].id);
    }

  group = esc_gantt_model_get_group (model, 0);
  g_assert_cmpstr (group->store_id, ==, "Centro");
  g_assert_cmpstr (group->store_title, ==, "Loja Centro");
  g_assert_cmpstr (group->role_title, ==, "Cashier");
  g_assert_cmpuint (group->n_employees, ==, 2);
  g_assert_cmpuint (group->header_row, ==, ROW_CENTRO_CASHIER);
  group = esc_gantt_model_get_group (model, 1);
  g_assert_cmpstr (group->role_title, ==, "stocker");
  g_assert_cmpstr (esc_gantt_model_get_row (model, ROW_E1)->name, ==, "Ana");
  g_assert_cmpint (esc_gantt_model_get_row (model, ROW_E1)->net_minutes, ==, 3 * 420);

  /* Rows from y. */
  g_assert_cmpuint (esc_gantt_model_row_at_unit (model, 0.5), ==, ROW_CENTRO_CASHIER);
  g_assert_cmpuint (esc_gantt_model_row_at_unit (model, 1.0), ==, ROW_COVERAGE);
  g_assert_cmpuint (esc_gantt_model_row_at_unit (model, 2.9), ==, ROW_COVERAGE);
  g_assert_cmpuint (esc_gantt_model_row_at_unit (model, 3.0), ==, ROW_SHORTAGE);
  g_assert_cmpuint (esc_gantt_model_row_at_unit (model, 9.99), ==, ROW_E4);
  g_assert_cmpuint (esc_gantt_model_row_at_unit (model, 10.0), ==, G_MAXUINT);
  g_assert_cmpuint (esc_gantt_model_row_at_unit (model, -0.1), ==, G_MAXUINT);
  g_assert_cmpuint (esc_gantt_model_find_employee_row (model, "E3"), ==, ROW_E3);
  g_assert_cmpuint (esc_gantt_model_find_employee_row (model, "nobody"), ==, G_MAXUINT);
}

static void
test_range (void)
{
  g_autoptr(EscGanttModel) model = build_small (NULL);
  EscInstant tuesday;
  gint32 start, end;

  g_assert_cmpuint (esc_gantt_model_get_origin (model), ==, chart_fixture_julian (1, 3, 2021));
  esc_gantt_model_get_range (model, &start, &end);
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, 7 * DAY);
  g_assert_cmpuint (esc_gantt_model_get_n_days (model), ==, 7);
  tuesday = (EscInstant) chart_fixture_julian (2, 3, 2021) * DAY;
  g_assert_cmpint (esc_gantt_model_time_of_instant (model, tuesday + 60), ==, DAY + 60);
}

static void
test_bars (void)
{
  g_autoptr(EscGanttModel) model = build_small (NULL);
  const EscGanttRow *e1 = esc_gantt_model_get_row (model, ROW_E1);
  const EscGanttRow *e3 = esc_gantt_model_get_row (model, ROW_E3);
  const EscGanttShift *morning = esc_gantt_model_get_shift (model, 0);

  g_assert_cmpuint (e1->n_bars, ==, 4);
  for (guint i = 1; i < e1->n_bars; i++)
    g_assert_cmpint (e1->bars[i - 1].start, <=, e1->bars[i].start);

  g_assert_cmpint (e1->bars[0].start, ==, 8 * 60);
  g_assert_cmpint (e1->bars[0].end, ==, 16 * 60);
  g_assert_cmpint (e1->bars[0].type, ==, ESC_GANTT_BAR_WORK);
  g_assert_cmpstr (e1->bars[0].task, ==, "E1@2021-03-01");
  g_assert_cmpstr (e1->bars[0].label, ==, "08:00–16:00");
  g_assert_cmpstr (e1->bars[0].short_label, ==, "8–16");
  g_assert_cmpstr (e1->bars[0].long_label, ==, "Morning · 08:00–16:00");
  g_assert_cmpint (e1->bars[0].net_minutes, ==, 420);
  g_assert_cmphex (e1->bars[0].color, ==, 0x3584e4);
  g_assert_cmpstr (morning->id, ==, "Morning");
  g_assert_cmpint (morning->start, ==, 480);
  g_assert_cmpint (morning->end, ==, 960);
  g_assert_cmpuint (morning->n_bars, ==, 3);
  g_assert_false (e1->bars[0].flags & ESC_GANTT_BAR_PINNED);

  g_assert_cmpint (e1->bars[2].start, ==, 2 * DAY + 14 * 60);
  g_assert_true (e1->bars[2].flags & ESC_GANTT_BAR_PINNED);

  g_assert_cmpint (e1->bars[3].type, ==, ESC_GANTT_BAR_COMPENSATION);
  g_assert_cmpint (e1->bars[3].start, ==, 5 * DAY);
  g_assert_cmpint (e1->bars[3].end, ==, 6 * DAY);
  g_assert_cmpint (e1->max_bar_minutes, ==, DAY);

  /* The night crosses midnight. */
  g_assert_cmpuint (e3->n_bars, ==, 1);
  g_assert_cmpint (e3->bars[0].start, ==, 22 * 60);
  g_assert_cmpint (e3->bars[0].end, ==, DAY + 6 * 60);
  g_assert_cmpstr (e3->bars[0].label, ==, "22:00–06:00");

  /* Hit testing in model units: Monday noon in E1's row (unit 4). */
  {
    guint row = 0, bar = 0;
    const char *task = esc_gantt_model_bar_at (model, 12 * 60, 4.5, 0, &row, &bar);

    g_assert_cmpstr (task, ==, "E1@2021-03-01");
    g_assert_cmpuint (row, ==, ROW_E1);
    g_assert_cmpuint (bar, ==, 0);
    g_assert_null (esc_gantt_model_bar_at (model, 20 * 60, 4.5, 0, NULL, NULL));
    g_assert_cmpstr (esc_gantt_model_bar_at (model, 16 * 60 + 5, 4.5, 10, NULL, NULL), ==,
                     "E1@2021-03-01");
    g_assert_true (esc_gantt_model_find_task (model, "E1@2021-03-06#C", &row, &bar));
    g_assert_cmpuint (row, ==, ROW_E1);
    g_assert_cmpuint (bar, ==, 3);
    g_assert_false (esc_gantt_model_find_task (model, "nothing", NULL, NULL));
  }
}

static void
test_describe (void)
{
  g_autoptr(GHashTable) violations = g_hash_table_new (g_str_hash, g_str_equal);
  EscGanttModelOptions options = { .violations = violations };
  g_autoptr(EscGanttModel) model = NULL;
  g_autofree char *work = NULL;
  g_autofree char *pinned = NULL;
  g_autofree char *compensation = NULL;
  g_autofree char *extra = NULL;

  g_hash_table_add (violations, (gpointer) "E1@2021-03-02");
  model = build_small (&options);
  work = esc_gantt_model_describe_bar (model, ROW_E1, 1);
  g_assert_cmpstr (work, ==,
                   "Ana (E1)\nMorning · 08:00–16:00\nTuesday, 2 March 2021\n07:00 net\n"
                   "Breaks a rule");
  pinned = esc_gantt_model_describe_bar (model, ROW_E1, 2);
  g_assert_nonnull (strstr (pinned, "Late · 14:00–22:00"));
  g_assert_nonnull (strstr (pinned, "Pinned"));
  compensation = esc_gantt_model_describe_bar (model, ROW_E1, 3);
  g_assert_cmpstr (compensation, ==, "Ana (E1)\nCompensation day off\nSaturday, 6 March 2021");
  extra = esc_gantt_model_describe_bar (model, ROW_SHORTAGE, 0);
  g_assert_cmpstr (extra, ==,
                   "Loja Centro · Cashier\n1 missing · 10:00–14:00\nMonday, 1 March 2021");
}

static void
test_holidays_and_leave (void)
{
  g_autoptr(EscGanttModel) model = build_small (NULL);
  const EscGanttStore *centro = esc_gantt_model_get_row_store (model, ROW_E1);
  const EscGanttStore *norte = esc_gantt_model_get_row_store (model, ROW_E4);
  const EscGanttRow *e2 = esc_gantt_model_get_row (model, ROW_E2);
  const char *name = NULL;

  g_assert_cmpstr (centro->id, ==, "Centro");
  g_assert_cmpuint (centro->n_holidays, ==, 1);
  g_assert_cmpint (centro->holidays[0].day, ==, 4);
  g_assert_cmpstr (centro->holidays[0].name, ==, "Aniversário");
  g_assert_true (esc_gantt_model_is_holiday (model, 0, 4, &name));
  g_assert_cmpstr (name, ==, "Aniversário");
  g_assert_false (esc_gantt_model_is_holiday (model, 0, 3, NULL));
  g_assert_cmpstr (norte->id, ==, "Norte");
  g_assert_cmpuint (norte->n_holidays, ==, 0);
  g_assert_cmpstr (norte->title, ==, "Norte");

  g_assert_cmpuint (e2->n_leave, ==, 1);
  g_assert_cmpint (e2->leave[0].start, ==, 2 * DAY);
  g_assert_cmpint (e2->leave[0].end, ==, 4 * DAY);
  g_assert_cmpuint (esc_gantt_model_get_row (model, ROW_E1)->n_leave, ==, 0);
}

static void
coverage_at (EscGanttModel *model,
             guint          group,
             gint32         time,
             int           *demand,
             int           *scheduled)
{
  const EscGanttGroup *g = esc_gantt_model_get_group (model, group);
  guint first, last;

  g_assert_cmpuint (esc_gantt_model_find_coverage (model, group, time, time + 1, &first, &last),
                    ==, 1);
  g_assert_cmpint (g->coverage[first].time, <=, time);
  *demand = g->coverage[first].demand;
  *scheduled = g->coverage[first].scheduled;
}

static void
test_coverage (void)
{
  g_autoptr(EscGanttModel) model = build_small (NULL);
  const EscGanttGroup *centro = esc_gantt_model_get_group (model, 0);
  static const struct { gint32 time; int demand; int scheduled; } expected[] = {
    { 7 * 60, 0, 0 },
    { 9 * 60, 0, 1 },
    { 12 * 60, 2, 1 },   /* E1 only: one short */
    { 15 * 60, 2, 2 },   /* E1 and E2 */
    { 17 * 60, 2, 1 },   /* E2 only */
    { 20 * 60, 0, 1 },
    { 23 * 60, 0, 0 },
    { DAY + 12 * 60, 2, 1 },
    { 2 * DAY + 12 * 60, 2, 0 },
    { 2 * DAY + 15 * 60, 2, 1 },
    { 6 * DAY + 11 * 60, 2, 0 },
  };

  g_assert_nonnull (centro->coverage);
  g_assert_cmpint (centro->max_headcount, ==, 2);
  for (guint i = 1; i < centro->n_coverage; i++)
    g_assert_cmpint (centro->coverage[i - 1].time, <, centro->coverage[i].time);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      int demand, scheduled;

      coverage_at (model, 0, expected[i].time, &demand, &scheduled);
      g_assert_cmpint (demand, ==, expected[i].demand);
      g_assert_cmpint (scheduled, ==, expected[i].scheduled);
    }

  /* Groups without demand have no strip. */
  g_assert_null (esc_gantt_model_get_group (model, 1)->coverage);
  g_assert_cmpuint (esc_gantt_model_get_group (model, 1)->n_coverage, ==, 0);
}

static void
test_shortage (void)
{
  g_autoptr(EscGanttModel) model = build_small (NULL);
  const EscGanttRow *lane = esc_gantt_model_get_row (model, ROW_SHORTAGE);
  const EscGanttGroup *group = esc_gantt_model_get_group (model, lane->group);

  g_assert_cmpuint (lane->n_bars, ==, 2);
  g_assert_cmpint (lane->bars[0].type, ==, ESC_GANTT_BAR_EXTRA);
  g_assert_cmpint (lane->bars[0].start, ==, 10 * 60);
  g_assert_cmpint (lane->bars[0].end, ==, 14 * 60);
  g_assert_cmpint (lane->bars[0].missing, ==, 1);
  g_assert_cmpstr (lane->bars[0].short_label, ==, "−1");
  g_assert_cmpint (lane->bars[1].start, ==, 16 * 60);
  g_assert_cmpint (group->missing_minutes, ==, 240 + 120);
  g_assert_cmpuint (esc_gantt_model_get_n_bars (model), ==, 10);
}

static void
test_collapsed (void)
{
  g_autoptr(GHashTable) collapsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  EscGanttModelOptions options = { .collapsed = collapsed };
  g_autoptr(EscGanttModel) model = NULL;
  const EscGanttGroup *group;

  g_hash_table_add (collapsed, esc_gantt_group_key ("Centro", "cashier"));
  model = build_small (&options);

  /* Centro/cashier keeps its header only: 9 rows - coverage, shortage, E1, E2. */
  g_assert_cmpuint (esc_gantt_model_get_n_rows (model), ==, N_ROWS - 4);
  g_assert_cmpuint (esc_gantt_model_get_n_units (model), ==, 10 - 5);
  g_assert_cmpint (esc_gantt_model_get_row (model, 0)->kind, ==, ESC_GANTT_ROW_GROUP);
  g_assert_cmpint (esc_gantt_model_get_row (model, 1)->kind, ==, ESC_GANTT_ROW_GROUP);
  g_assert_cmpuint (esc_gantt_model_find_employee_row (model, "E1"), ==, G_MAXUINT);
  g_assert_cmpuint (esc_gantt_model_find_employee_row (model, "E2"), ==, G_MAXUINT);
  g_assert_cmpuint (esc_gantt_model_find_employee_row (model, "E3"), ==, 2);
  g_assert_false (esc_gantt_model_find_task (model, "E1@2021-03-01", NULL, NULL));
  group = esc_gantt_model_get_group (model, 0);
  g_assert_true (group->collapsed);
  g_assert_cmpuint (group->n_employees, ==, 2);
  g_assert_false (esc_gantt_model_get_group (model, 1)->collapsed);
}

static void
test_hide_lanes (void)
{
  EscGanttModelOptions options = { .hide_coverage = TRUE, .hide_shortage = TRUE };
  g_autoptr(EscGanttModel) model = build_small (&options);

  g_assert_cmpuint (esc_gantt_model_get_n_rows (model), ==, N_ROWS - 2);
  for (guint i = 0; i < esc_gantt_model_get_n_rows (model); i++)
    {
      EscGanttRowKind kind = esc_gantt_model_get_row (model, i)->kind;

      g_assert_true (kind == ESC_GANTT_ROW_GROUP || kind == ESC_GANTT_ROW_EMPLOYEE);
    }
}

static void
test_violations (void)
{
  g_autoptr(GHashTable) violations = g_hash_table_new (g_str_hash, g_str_equal);
  EscGanttModelOptions options = { .violations = violations };
  g_autoptr(EscGanttModel) model = NULL;
  const EscGanttRow *e2;

  g_hash_table_add (violations, (gpointer) "E2@2021-03-02");
  model = build_small (&options);
  e2 = esc_gantt_model_get_row (model, ROW_E2);
  g_assert_false (e2->bars[0].flags & ESC_GANTT_BAR_VIOLATION);
  g_assert_true (e2->bars[1].flags & ESC_GANTT_BAR_VIOLATION);

  esc_gantt_model_set_violations (model, NULL);
  g_assert_false (e2->bars[1].flags & ESC_GANTT_BAR_VIOLATION);
  g_hash_table_remove_all (violations);
  g_hash_table_add (violations, (gpointer) "E2@2021-03-01");
  esc_gantt_model_set_violations (model, violations);
  g_assert_true (e2->bars[0].flags & ESC_GANTT_BAR_VIOLATION);
  g_assert_false (e2->bars[1].flags & ESC_GANTT_BAR_VIOLATION);
}

static void
test_find_bars (void)
{
  g_autoptr(EscProject) project = chart_fixture_generate (60, 28, 7);
  g_autoptr(EscGanttModel) model = esc_gantt_model_new (project, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  gint32 end;
  guint checked = 0;

  esc_gantt_model_get_range (model, NULL, &end);
  g_assert_cmpuint (esc_gantt_model_get_n_days (model), ==, 28);
  for (guint round = 0; round < 2000; round++)
    {
      guint r = (guint) g_rand_int_range (rand, 0, (gint32) esc_gantt_model_get_n_rows (model));
      const EscGanttRow *row = esc_gantt_model_get_row (model, r);
      double t0 = g_rand_double_range (rand, -DAY, end);
      double t1 = t0 + g_rand_double_range (rand, 1, 5 * DAY);
      guint first, last;

      esc_gantt_model_find_bars (model, r, t0, t1, &first, &last);
      g_assert_cmpuint (first, <=, last);
      g_assert_cmpuint (last, <=, row->n_bars);
      for (guint i = 0; i < row->n_bars; i++)
        {
          gboolean overlaps = row->bars[i].start < t1 && row->bars[i].end > t0;

          if (overlaps)
            {
              g_assert_cmpuint (i, >=, first);
              g_assert_cmpuint (i, <, last);
              checked++;
            }
          else if (i >= first && i < last)
            /* Only bars that end before t0 behind an overlapping one may be in range. */
            g_assert_cmpint (row->bars[i].end, <=, t0);
        }
      if (first < last)
        g_assert_true (row->bars[first].start < t1 && row->bars[first].end > t0);
    }
  g_assert_cmpuint (checked, >, 1000);
}

static void
test_lenient (void)
{
  g_autoptr(EscProject) project = chart_fixture_small ();
  EscTable *allocations = esc_project_get_table (project, ESC_TABLE_ALLOCATION);
  g_autoptr(EscGanttModel) model = NULL;
  guint row;
  const EscGanttRow *x9;

#define ALLOC(...) \
  esc_table_append_values (allocations, (const char *[ESC_ALLOCATION_N_COLUMNS]) { __VA_ARGS__ })
  /* Not a date anywhere: left out. */
  ALLOC ([ESC_ALLOCATION_TASK] = "bad", [ESC_ALLOCATION_START] = "soon",
         [ESC_ALLOCATION_FINISH] = "later", [ESC_ALLOCATION_RESOURCE] = "E1",
         [ESC_ALLOCATION_TYPE] = "allocation", [ESC_ALLOCATION_DATE] = "someday");
  /* Unknown type: left out. */
  ALLOC ([ESC_ALLOCATION_TASK] = "odd", [ESC_ALLOCATION_START] = "2021-03-04 08:00",
         [ESC_ALLOCATION_FINISH] = "2021-03-04 12:00", [ESC_ALLOCATION_RESOURCE] = "E1",
         [ESC_ALLOCATION_TYPE] = "holiday", [ESC_ALLOCATION_DATE] = "2021-03-04");
  /* Dates alone with a shift that has times: the shift's times. */
  ALLOC ([ESC_ALLOCATION_TASK] = "X9@1", [ESC_ALLOCATION_START] = "2021-03-02",
         [ESC_ALLOCATION_FINISH] = "2021-03-02", [ESC_ALLOCATION_RESOURCE] = "X9",
         [ESC_ALLOCATION_STORE] = "Norte", [ESC_ALLOCATION_ROLE] = "cashier",
         [ESC_ALLOCATION_TYPE] = "allocation", [ESC_ALLOCATION_SHIFT] = "Late",
         [ESC_ALLOCATION_DATE] = "2021-03-02");
  /* Dates alone, a shift without times: the whole day. */
  ALLOC ([ESC_ALLOCATION_TASK] = "X9@2", [ESC_ALLOCATION_START] = "03/03/2021",
         [ESC_ALLOCATION_FINISH] = "03/03/2021", [ESC_ALLOCATION_RESOURCE] = "X9",
         [ESC_ALLOCATION_STORE] = "Norte", [ESC_ALLOCATION_ROLE] = "cashier",
         [ESC_ALLOCATION_TYPE] = "allocation", [ESC_ALLOCATION_SHIFT] = "D",
         [ESC_ALLOCATION_DATE] = "2021-03-03");
  /* A hand-edited night whose finish kept the start's date. */
  ALLOC ([ESC_ALLOCATION_TASK] = "X9@3", [ESC_ALLOCATION_START] = "2021-03-04 22:00",
         [ESC_ALLOCATION_FINISH] = "2021-03-04 06:00", [ESC_ALLOCATION_RESOURCE] = "X9",
         [ESC_ALLOCATION_STORE] = "Norte", [ESC_ALLOCATION_ROLE] = "cashier",
         [ESC_ALLOCATION_TYPE] = " Allocation ", [ESC_ALLOCATION_PINNED] = "sim",
         [ESC_ALLOCATION_DATE] = "2021-03-04");
  /* Outside the horizon: the range grows to hold it. */
  ALLOC ([ESC_ALLOCATION_TASK] = "X9@4", [ESC_ALLOCATION_START] = "2021-03-09T08:00",
         [ESC_ALLOCATION_FINISH] = "2021-03-09T12:00", [ESC_ALLOCATION_RESOURCE] = "X9",
         [ESC_ALLOCATION_STORE] = "Norte", [ESC_ALLOCATION_ROLE] = "cashier",
         [ESC_ALLOCATION_TYPE] = "allocation", [ESC_ALLOCATION_DATE] = "2021-03-09");
#undef ALLOC

  model = esc_gantt_model_new (project, NULL);
  g_assert_cmpuint (esc_gantt_model_get_n_days (model), ==, 9);
  g_assert_cmpuint (esc_gantt_model_get_row (model, ROW_E1)->n_bars, ==, 4);
  row = esc_gantt_model_find_employee_row (model, "X9");
  g_assert_cmpuint (row, !=, G_MAXUINT);
  x9 = esc_gantt_model_get_row (model, row);
  g_assert_cmpuint (x9->group, ==, esc_gantt_model_get_row (model, ROW_E4)->group);
  g_assert_cmpstr (x9->name, ==, "X9");
  g_assert_cmpuint (x9->n_bars, ==, 4);
  g_assert_cmpint (x9->bars[0].start, ==, DAY + 14 * 60);
  g_assert_cmpint (x9->bars[0].end, ==, DAY + 22 * 60);
  g_assert_cmpint (x9->bars[1].start, ==, 2 * DAY);
  g_assert_cmpint (x9->bars[1].end, ==, 3 * DAY);
  g_assert_true (x9->bars[1].flags & ESC_GANTT_BAR_NO_TIMES);
  g_assert_cmpstr (x9->bars[1].label, ==, "D");
  g_assert_cmpint (x9->bars[2].start, ==, 3 * DAY + 22 * 60);
  g_assert_cmpint (x9->bars[2].end, ==, 4 * DAY + 6 * 60);
  g_assert_true (x9->bars[2].flags & ESC_GANTT_BAR_PINNED);
  g_assert_cmpint (x9->bars[3].start, ==, 8 * DAY + 8 * 60);
}

static void
test_empty (void)
{
  g_autoptr(EscProject) project = esc_project_new ();
  g_autoptr(EscGanttModel) model = esc_gantt_model_new (project, NULL);
  guint first = 1, last = 1;

  g_assert_cmpuint (esc_gantt_model_get_n_rows (model), ==, 0);
  g_assert_cmpuint (esc_gantt_model_get_n_units (model), ==, 0);
  g_assert_cmpuint (esc_gantt_model_get_n_days (model), ==, 7);
  g_assert_cmpint (esc_julian_weekday (esc_gantt_model_get_origin (model)), ==, ESC_MON);
  g_assert_cmpuint (esc_gantt_model_row_at_unit (model, 0), ==, G_MAXUINT);
  g_assert_null (esc_gantt_model_bar_at (model, 0, 0, 0, NULL, NULL));
  (void) first;
  (void) last;
}

static void
test_colors (void)
{
  g_autoptr(EscGanttModel) a = build_small (NULL);
  g_autoptr(EscGanttModel) b = build_small (NULL);
  guint32 late = esc_gantt_model_get_shift (a, 1)->color;
  guint32 night = esc_gantt_model_get_shift (a, 2)->color;
  gboolean in_palette = FALSE;

  g_assert_cmphex (esc_gantt_model_get_shift (a, 0)->color, ==, 0x3584e4);
  g_assert_cmphex (late, !=, night);
  g_assert_cmphex (late, ==, esc_gantt_model_get_shift (b, 1)->color);
  for (guint i = 0; i < esc_gantt_palette_get_size (); i++)
    in_palette |= esc_gantt_palette_get_color (i) == late;
  g_assert_true (in_palette);
  g_assert_cmphex (esc_gantt_model_get_store (a, 0)->color, !=,
                   esc_gantt_model_get_store (a, 1)->color);

  {
    guint32 rgb = 0;

    g_assert_true (esc_gantt_parse_color (" #1a2B3c ", &rgb));
    g_assert_cmphex (rgb, ==, 0x1a2b3c);
    g_assert_true (esc_gantt_parse_color ("#fff", &rgb));
    g_assert_cmphex (rgb, ==, 0xffffff);
    g_assert_false (esc_gantt_parse_color ("red", &rgb));
    g_assert_false (esc_gantt_parse_color ("#12345", &rgb));
    g_assert_false (esc_gantt_parse_color ("#12345g", &rgb));
  }
}

void
esc_test_add_gantt_model_tests (void)
{
  g_test_add_func ("/chart/model/rows", test_rows);
  g_test_add_func ("/chart/model/range", test_range);
  g_test_add_func ("/chart/model/bars", test_bars);
  g_test_add_func ("/chart/model/describe", test_describe);
  g_test_add_func ("/chart/model/holidays-and-leave", test_holidays_and_leave);
  g_test_add_func ("/chart/model/coverage", test_coverage);
  g_test_add_func ("/chart/model/shortage", test_shortage);
  g_test_add_func ("/chart/model/collapsed", test_collapsed);
  g_test_add_func ("/chart/model/hide-lanes", test_hide_lanes);
  g_test_add_func ("/chart/model/violations", test_violations);
  g_test_add_func ("/chart/model/find-bars", test_find_bars);
  g_test_add_func ("/chart/model/lenient", test_lenient);
  g_test_add_func ("/chart/model/empty", test_empty);
  g_test_add_func ("/chart/model/colors", test_colors);
}
