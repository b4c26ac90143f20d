/* esc-reassign-settings.c: the weights and thresholds of the reassignment scorer.
 *
 * The defaults are those of reassignment.md. Every setting is one reassign_ row of the
 * Parameters table; its definition (type, default, range) is the schema's
 * (esc_schema_find_parameter), so validation and this reader agree by construction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-reassign"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "core/esc-parse.h"
#include "core/esc-row.h"
#include "core/esc-schema.h"
#include "core/esc-table.h"
#include "esc-reassign-settings.h"

static const char * const setting_keys[] = {
  "reassign_part_time_points",
  "reassign_full_time_points",
  "reassign_hours_match_points",
  "reassign_hours_match_tolerance",
  "reassign_team_member_points",
  "reassign_single_member_penalty",
  "reassign_risk_resource_penalty",
  "reassign_moved_today_penalty",
  "reassign_implementation_factor",
  "reassign_capacity_categories",
  "reassign_min_weekly_hours",
  "reassign_keep_threshold",
  "reassign_backfill_min_capacity",
  "reassign_backfill_max_tries",
  "reassign_top_options",
  "reassign_covered_hour_points",
  "reassign_optimal_time_limit",
};

/* Where each parameter goes in EscReassignSettings, in the order of setting_keys[]. */
#define FIELD(name) offsetof (EscReassignSettings, name)
static const gsize offsets[] = {
  FIELD (part_time_points),
  FIELD (full_time_points),
  FIELD (hours_match_points),
  FIELD (hours_match_tolerance),
  FIELD (team_member_points),
  FIELD (single_member_penalty),
  FIELD (risk_resource_penalty),
  FIELD (moved_today_penalty),
  FIELD (implementation_factor),
  FIELD (capacity_categories),
  FIELD (min_weekly_hours),
  FIELD (keep_threshold),
  FIELD (backfill_min_capacity),
  FIELD (backfill_max_tries),
  FIELD (top_options),
  FIELD (covered_hour_points),
  FIELD (optimal_time_limit),
};
#undef FIELD

G_STATIC_ASSERT (G_N_ELEMENTS (setting_keys) == G_N_ELEMENTS (offsets));

/* The schema lists the reassign_ parameters together, in the order of setting_keys[]. */
static const EscParameterDef *
def_at (guint i)
{
  const EscParameterDef *def = esc_schema_find_parameter (setting_keys[i]);

  g_assert (def != NULL && def == esc_schema_find_parameter (setting_keys[0]) + i);
  return def;
}

static int
find_parameter (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    if (g_strcmp0 (setting_keys[i], key) == 0)
      return (int) i;
  return -1;
}

static char *
list_keys (void)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    {
      if (i > 0)
        g_string_append (keys, ", ");
      g_string_append (keys, setting_keys[i]);
    }
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

/* A bound as people write it: "1000000", "0.5". */
static char *
format_bound (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

/* Parses @text (trimmed, non-empty) as parameter @i and stores it. */
static gboolean
store_value (EscReassignSettings *settings,
             guint                i,
             const char          *text,
             GError             **error)
{
  const EscParameterDef *def = def_at (i);
  guint8 *base = (guint8 *) settings;
  g_autoptr(GError) local_error = NULL;

  switch (def->type)
    {
    case ESC_COLUMN_TEXT:
      {
        char ***field = (char ***) (base + offsets[i]);

        g_strfreev (*field);
        *field = esc_split_list (text);
        return TRUE;
      }

    case ESC_COLUMN_INT:
      {
        gint64 value;

        if (!esc_parse_int (text, &value, &local_error))
          break;
        if (value < def->min || value > def->max)
          {
            g_autofree char *min = format_bound (def->min);
            g_autofree char *max = format_bound (def->max);

            g_set_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_PARAMETER,
                         /* Translators: "Parameters: reassign_top_options: expected a whole
                          * number from 1 to 10000, found “0”". */
                         _("Parameters: %s: expected a whole number from %s to %s, found “%s”"),
                         def->key, min, max, text);
            return FALSE;
          }
        *(guint *) (base + offsets[i]) = (guint) value;
        return TRUE;
      }

    case ESC_COLUMN_NUMBER:
      {
        double value;

        if (!esc_parse_number (text, &value, &local_error))
          break;
        if (!isfinite (value) || value < def->min || value > def->max)
          {
            g_autofree char *min = format_bound (def->min);
            g_autofree char *max = format_bound (def->max);

            g_set_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_PARAMETER,
                         _("Parameters: %s: expected a number from %s to %s, found “%s”"),
                         def->key, min, max, text);
            return FALSE;
          }
        *(double *) (base + offsets[i]) = value;
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }

  g_set_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_PARAMETER,
               /* Translators: "Parameters: reassign_keep_threshold: expected a number
                * such as 7.5 or 7,5, found “two”". */
               _("Parameters: %s: %s"), def->key, local_error->message);
  return FALSE;
}

const EscParameterDef *
esc_reassign_settings_get_parameters (guint *n_parameters)
{
  *n_parameters = G_N_ELEMENTS (setting_keys);
  return def_at (0);
}

void
esc_reassign_settings_init (EscReassignSettings *settings)
{
  g_return_if_fail (settings != NULL);

  memset (settings, 0, sizeof *settings);
  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    {
      gboolean ok = store_value (settings, i, def_at (i)->default_value, NULL);

      g_assert (ok);
    }
}

gboolean
esc_reassign_settings_set (EscReassignSettings *settings,
                           const char          *key,
                           const char          *value,
                           GError             **error)
{
  g_autofree char *text = esc_strip_dup (value);
  int i = find_parameter (key);

  g_return_val_if_fail (settings != NULL, FALSE);

  if (i < 0)
    {
      g_autofree char *known = list_keys ();

      g_set_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_PARAMETER,
                   /* Translators: the second %s lists the known parameter keys. */
                   _("Parameters: unknown parameter “%s”; the reassignment parameters are %s"),
                   key, known);
      return FALSE;
    }
  if (*text == '\0')
    return store_value (settings, i, def_at (i)->default_value, error);
  return store_value (settings, i, text, error);
}

gboolean
esc_reassign_settings_load (EscReassignSettings *settings,
                            EscProject          *project,
                            GError             **error)
{
  EscTable *table;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (ESC_IS_PROJECT (project), FALSE);

  esc_reassign_settings_init (settings);
  table = esc_project_get_table (project, ESC_TABLE_PARAMETER);
  for (guint r = 0; r < esc_table_get_n_rows (table); r++)
    {
      EscRow *row = esc_table_get_row (table, r);
      g_autofree char *key = esc_strip_dup (esc_row_get (row, ESC_PARAMETER_KEY));

      if (!g_str_has_prefix (key, ESC_REASSIGN_PARAMETER_PREFIX))
        continue;
      if (!esc_reassign_settings_set (settings, key, esc_row_get (row, ESC_PARAMETER_VALUE),
                                      error))
        {
          esc_reassign_settings_clear (settings);
          esc_reassign_settings_init (settings);
          return FALSE;
        }
    }
  return TRUE;
}

char *
esc_reassign_settings_get (const EscReassignSettings *settings,
                           const char                *key)
{
  const guint8 *base = (const guint8 *) settings;
  int i = find_parameter (key);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (settings != NULL, NULL);

  if (i < 0)
    return NULL;
  switch (def_at (i)->type)
    {
    case ESC_COLUMN_TEXT:
      return g_strjoinv (", ", *(char **const *) (base + offsets[i]));
    case ESC_COLUMN_INT:
      return g_strdup_printf ("%u", *(const guint *) (base + offsets[i]));
    case ESC_COLUMN_NUMBER:
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g",
                                        *(const double *) (base + offsets[i])));
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

void
esc_reassign_settings_copy (EscReassignSettings       *dest,
                            const EscReassignSettings *src)
{
  g_return_if_fail (dest != NULL && src != NULL);

  if (dest == src)
    return;
  *dest = *src;
  dest->capacity_categories = g_strdupv (src->capacity_categories);
}

void
esc_reassign_settings_clear (EscReassignSettings *settings)
{
  g_return_if_fail (settings != NULL);

  g_clear_pointer (&settings->capacity_categories, g_strfreev);
}

char *
esc_reassign_fold (const char *text)
{
  g_autofree char *stripped = esc_strip_dup (text);

  return g_utf8_casefold (stripped, -1);
}

gboolean
esc_reassign_settings_has_capacity_category (const EscReassignSettings *settings,
                                             const char                *category)
{
  g_autofree char *key = esc_reassign_fold (category);

  if (settings->capacity_categories == NULL || settings->capacity_categories[0] == NULL)
    return TRUE;
  for (guint i = 0; settings->capacity_categories[i] != NULL; i++)
    {
      g_autofree char *item = esc_reassign_fold (settings->capacity_categories[i]);

      if (strcmp (item, key) == 0)
        return TRUE;
    }
  return FALSE;
}
