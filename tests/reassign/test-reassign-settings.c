/* test-reassign-settings.c: the reassign_ parameters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-reassign"

#include <string.h>

#include "core/esc-schema.h"
#include "test-reassign.h"

static void
test_defaults (void)
{
  EscReassignSettings s;

  esc_reassign_settings_init (&s);
  g_assert_cmpfloat (s.part_time_points, ==, 4);
  g_assert_cmpfloat (s.full_time_points, ==, 0);
  g_assert_cmpfloat (s.hours_match_points, ==, 2);
  g_assert_cmpfloat (s.hours_match_tolerance, ==, 0.5);
  g_assert_cmpfloat (s.team_member_points, ==, 10);
  g_assert_cmpfloat (s.single_member_penalty, ==, -10);
  g_assert_cmpfloat (s.risk_resource_penalty, ==, -10);
  g_assert_cmpfloat (s.moved_today_penalty, ==, -10);
  g_assert_cmpfloat (s.implementation_factor, ==, 1.3);
  g_assert_nonnull (s.capacity_categories);
  g_assert_null (s.capacity_categories[0]);
  g_assert_cmpfloat (s.min_weekly_hours, ==, 2);
  g_assert_cmpfloat (s.keep_threshold, ==, 2);
  g_assert_cmpfloat (s.backfill_min_capacity, ==, 0.5);
  g_assert_cmpuint (s.backfill_max_tries, ==, 10);
  g_assert_cmpuint (s.top_options, ==, 10);
  g_assert_cmpfloat (s.covered_hour_points, ==, 100);
  g_assert_cmpfloat (s.optimal_time_limit, ==, 60);
  g_assert_true (esc_reassign_settings_has_capacity_category (&s, "anything"));
  esc_reassign_settings_clear (&s);
}

static void
test_load (void)
{
  g_autoptr(EscProject) project = esc_project_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *categories = NULL;
  EscReassignSettings s;

  esc_project_set_parameter (project, "reassign_part_time_points", "5");
  esc_project_set_parameter (project, "reassign_hours_match_tolerance", "0,25");
  esc_project_set_parameter (project, "reassign_capacity_categories", " Stock , cleaning ");
  esc_project_set_parameter (project, "reassign_top_options", "3");
  esc_project_set_parameter (project, "reassign_keep_threshold", "  ");  /* blank: default */
  esc_project_set_parameter (project, "max_horizon", "14");              /* not ours */

  g_assert_true (esc_reassign_settings_load (&s, project, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (s.part_time_points, ==, 5);
  g_assert_cmpfloat (s.hours_match_tolerance, ==, 0.25);
  g_assert_cmpuint (s.top_options, ==, 3);
  g_assert_cmpfloat (s.keep_threshold, ==, 2);
  g_assert_true (esc_reassign_settings_has_capacity_category (&s, "stock"));
  g_assert_true (esc_reassign_settings_has_capacity_category (&s, "CLEANING"));
  g_assert_false (esc_reassign_settings_has_capacity_category (&s, "cashier"));
  categories = esc_reassign_settings_get (&s, "reassign_capacity_categories");
  g_assert_cmpstr (categories, ==, "Stock, cleaning");
  esc_reassign_settings_clear (&s);
}

static void
test_unknown (void)
{
  g_autoptr(EscProject) project = esc_project_new ();
  g_autoptr(GError) error = NULL;
  EscReassignSettings s;

  esc_project_set_parameter (project, "reassign_part_time_point", "5");
  g_assert_false (esc_reassign_settings_load (&s, project, &error));
  g_assert_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_PARAMETER);
  g_assert_nonnull (strstr (error->message, "reassign_part_time_point"));
  g_assert_nonnull (strstr (error->message, "reassign_part_time_points"));  /* the known */
  /* The settings hold the defaults after a failure. */
  g_assert_cmpfloat (s.part_time_points, ==, 4);
  esc_reassign_settings_clear (&s);
}

static void
test_invalid (void)
{
  const struct { const char *key; const char *value; const char *expect; } cases[] = {
    { "reassign_keep_threshold", "two", "two" },
    { "reassign_top_options", "0", "1" },
    { "reassign_backfill_max_tries", "2.5", "2.5" },
    { "reassign_hours_match_tolerance", "-1", "-1" },
    { "reassign_implementation_factor", "1e3", "1e3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EscProject) project = esc_project_new ();
      g_autoptr(GError) error = NULL;
      EscReassignSettings s;

      esc_project_set_parameter (project, cases[i].key, cases[i].value);
      g_assert_false (esc_reassign_settings_load (&s, project, &error));
      g_assert_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_PARAMETER);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].key));
      g_assert_nonnull (strstr (error->message, cases[i].expect));
      esc_reassign_settings_clear (&s);
    }
}

/* Every setting round-trips through its text; the schema, where it knows the
 * parameters, agrees on type and default. */
static void
test_definitions (void)
{
  guint n;
  const EscParameterDef *defs = esc_reassign_settings_get_parameters (&n);
  EscReassignSettings s, copy;

  g_assert_cmpuint (n, ==, 17);
  esc_reassign_settings_init (&s);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = esc_reassign_settings_get (&s, defs[i].key);
      const EscParameterDef *known = esc_schema_find_parameter (defs[i].key);

      g_assert_true (g_str_has_prefix (defs[i].key, ESC_REASSIGN_PARAMETER_PREFIX));
      g_assert_cmpstr (value, ==, defs[i].default_value);
      g_assert_true (esc_reassign_settings_set (&s, defs[i].key, value, NULL));
      if (known != NULL)
        {
          g_assert_cmpint (known->type, ==, defs[i].type);
          g_assert_cmpstr (known->default_value, ==, defs[i].default_value);
          g_assert_cmpfloat (known->min, ==, defs[i].min);
          g_assert_cmpfloat (known->max, ==, defs[i].max);
        }
    }
  esc_reassign_settings_copy (&copy, &s);
  g_assert_true (copy.capacity_categories != s.capacity_categories);
  esc_reassign_settings_clear (&copy);
  esc_reassign_settings_clear (&s);
}

void
esc_test_add_settings_tests (void)
{
  g_test_add_func ("/reassign/settings/defaults", test_defaults);
  g_test_add_func ("/reassign/settings/load", test_load);
  g_test_add_func ("/reassign/settings/unknown", test_unknown);
  g_test_add_func ("/reassign/settings/invalid", test_invalid);
  g_test_add_func ("/reassign/settings/definitions", test_definitions);
}
