/* esc-validate.c: every problem of a project, as diagnostics.
 *
 * Two levels. esc_validate_cell() looks at one cell's text and its column alone (the
 * grids call it as the user types). esc_validate_project() runs it on every cell and
 * adds what needs other rows: duplicate ids, references to other tables, rules that
 * tie several cells of a row together (a demand window, a shift's times), parameters.
 *
 * Decisions, where the spec is silent:
 * - Ids and references compare trimmed and case-sensitively, as esc_table_find() does.
 *   Each table with an id column is indexed once in a GHashTable, so a project
 *   validates in time linear in its size.
 * - A pattern day that contains ":" (or starts with a digit and has a dash) is a time
 *   window; anything else is a comma separated list of shift ids.
 * - Demand windows are same-day minimums: start >= end is an error; "24:00" is accepted
 *   as the end of the day in end columns (demand and shift). A shift whose end is before
 *   its start crosses midnight; a shift that ends when it starts is an error, as an empty
 *   window is.
 * - A demand row gives a window or a shift, not both.
 * - A required parameter with a default (max_horizon) is never missing; one without
 *   (start_date) is an error when no row holds it or its value is blank.
 * - Objectives: an entry appearing twice anywhere in objective_function is an error;
 *   weights in a weighted sum must not be negative.
 * - A holiday region that names neither a location id nor a state of some location is a
 *   warning (it applies to no store); so is a holiday neither national nor regional.
 * - An exclusion that names no request or employee is a warning (it changes nothing).
 * - Row numbers inside messages are 1-based, as esc_diagnostic_to_string() prints them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-core"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "esc-parse.h"
#include "esc-validate.h"

/* At most this many ids are listed in an "unknown reference" message. */
#define MAX_LISTED_IDS 8

typedef struct
{
  EscProject *project;
  GPtrArray *diagnostics;
  GHashTable *index[ESC_N_TABLES];  /* trimmed id -> GINT_TO_POINTER (row + 1) */
  GHashTable *states;               /* trimmed location states, NULL until needed */
} Validation;

static void
validation_clear (Validation *v)
{
  for (guint t = 0; t < ESC_N_TABLES; t++)
    g_clear_pointer (&v->index[t], g_hash_table_unref);
  g_clear_pointer (&v->states, g_hash_table_unref);
  g_clear_pointer (&v->diagnostics, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Validation, validation_clear)

/* "1000000" rather than "1e+06". */
static char *
format_number (double value)
{
  if (value > -1e15 && value < 1e15 && value == (double) (gint64) value)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%g", value);
}

static char *
join_values (const char * const *values)
{
  return g_strjoinv (", ", (char **) values);
}

/* The lower-case singular noun of a table: "store". */
static char *
table_noun (EscTableId table)
{
  return g_utf8_strdown (_(esc_schema_get_table (table)->row_title), -1);
}

static gboolean
is_end_column (const EscColumn *column)
{
  return g_strcmp0 (column->key, "end") == 0;
}

static gboolean
is_dash_at (const char *p)
{
  return *p == '-' || g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—");
}

static gboolean
looks_like_window (const char *text)
{
  if (strchr (text, ':') != NULL)
    return TRUE;
  if (!g_ascii_isdigit (*text))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (is_dash_at (p))
      return TRUE;
  return FALSE;
}

static char *
check_range (const EscColumn *column,
             double           value,
             const char      *text,
             gboolean         is_hours,
             gboolean         is_int,
             EscSeverity     *severity)
{
  if (column->max > column->min && (value < column->min || value > column->max))
    {
      g_autofree char *min = format_number (column->min);
      g_autofree char *max = format_number (column->max);

      *severity = ESC_SEVERITY_ERROR;
      if (is_hours)
        return g_strdup_printf (_("expected from %s to %s hours, found “%s”"), min, max, text);
      if (is_int)
        return g_strdup_printf (_("expected a whole number from %s to %s, found “%s”"),
                                min, max, text);
      return g_strdup_printf (_("expected a number from %s to %s, found “%s”"), min, max, text);
    }

  if (column->warn_max > 0 && value > column->warn_max)
    {
      g_autofree char *limit = format_number (column->warn_max);

      *severity = ESC_SEVERITY_WARNING;
      if (is_hours)
        return g_strdup_printf (_("%s hours is unusually high (more than %s); "
                                  "check that it is right"), text, limit);
      return g_strdup_printf (_("%s is unusually high (more than %s); check that it is right"),
                              text, limit);
    }

  return NULL;
}

static char *
check_color (const char *text)
{
  gboolean ok = strlen (text) == 7 && text[0] == '#';

  for (guint i = 1; ok && i < 7; i++)
    ok = g_ascii_isxdigit (text[i]);
  if (ok)
    return NULL;
  return g_strdup_printf (_("expected a color as #rrggbb, such as #3584e4, found “%s”"), text);
}

static char *
check_enum (const EscColumn *column,
            const char      *text)
{
  g_autofree char *expected = NULL;

  if (column->enum_values == NULL)
    return NULL;
  for (guint i = 0; column->enum_values[i] != NULL; i++)
    if (strcmp (column->enum_values[i], text) == 0)
      return NULL;
  expected = join_values (column->enum_values);
  return g_strdup_printf (_("expected one of %s, found “%s”"), expected, text);
}

static char *
check_day (const char *text)
{
  g_autoptr(GError) error = NULL;

  if (esc_parse_date (text, NULL, g_ascii_isdigit (*text) ? &error : NULL))
    return NULL;
  if (error != NULL)
    return g_strdup (error->message);
  if (esc_parse_weekday (text, NULL, NULL))
    return NULL;
  return g_strdup_printf (_("expected a date (DD/MM/YYYY or YYYY-MM-DD) or a weekday code "
                            "(mon, tue, wed, thu, fri, sat, sun), found “%s”"), text);
}

/* A pattern day: a window, or a list of shift ids (existence is checked elsewhere). */
static char *
check_pattern_day (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) items = NULL;

  if (looks_like_window (text))
    {
      if (esc_parse_window (text, NULL, &error))
        return NULL;
      return g_strdup (error->message);
    }
  items = esc_split_list (text);
  if (items[0] == NULL)
    return g_strdup_printf (_("expected a time window HH:MM - HH:MM or shift ids separated "
                              "by commas, found “%s”"), text);
  return NULL;
}

/* "Night:2, Early:5". Fills @ids (trimmed shift ids, owned) when not NULL. */
static char *
check_shift_counts (const char *text,
                    GPtrArray  *ids)
{
  g_auto(GStrv) items = esc_split_list (text);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (items[0] == NULL)
    return g_strdup_printf (_("expected shift:count pairs such as “Night:2, Early:5”, "
                              "found “%s”"), text);

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *colon = strrchr (items[i], ':');
      g_autofree char *id = NULL;
      g_autofree char *count = NULL;
      gint64 n;

      if (colon == NULL)
        return g_strdup_printf (_("expected shift:count pairs such as “Night:2, Early:5”, "
                                  "found “%s”"), items[i]);
      id = g_strndup (items[i], colon - items[i]);
      g_strstrip (id);
      count = esc_strip_dup (colon + 1);
      if (*id == '\0' || !esc_parse_int (count, &n, NULL))
        return g_strdup_printf (_("expected shift:count pairs such as “Night:2, Early:5”, "
                                  "found “%s”"), items[i]);
      if (n < 0)
        return g_strdup_printf (_("expected a count of 0 or more for shift “%s”, found “%s”"),
                                id, count);
      if (g_hash_table_contains (seen, id))
        return g_strdup_printf (_("shift “%s” appears twice; expected one count per shift"),
                                id);
      if (ids != NULL)
        g_ptr_array_add (ids, g_strdup (id));
      g_hash_table_add (seen, g_steal_pointer (&id));
    }
  return NULL;
}

static gboolean
is_objective_name (const char *name)
{
  const char * const *names = esc_schema_get_objective_names ();

  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return TRUE;
  return FALSE;
}

static char *
unknown_objective (const char *name)
{
  g_autofree char *expected = join_values (esc_schema_get_objective_names ());

  return g_strdup_printf (_("unknown objective “%s”; expected one of %s"), name, expected);
}

static char *
check_weight (const char *text)
{
  double weight;

  if (!esc_parse_number (text, &weight, NULL))
    return g_strdup_printf (_("expected a weight such as 100, found “%s”"), text);
  if (weight < 0)
    return g_strdup_printf (_("expected a weight that is not negative, found “%s”"), text);
  return NULL;
}

/* One term of a weighted sum: "name", "name*number" or "number*name"; sets *name. */
static char *
check_objective_term (const char  *term,
                      char       **name)
{
  g_auto(GStrv) factors = g_strsplit (term, "*", -1);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  char *message;

  if (g_strv_length (factors) <= 1)  /* g_strsplit ("") gives no pieces */
    {
      a = esc_strip_dup (factors[0]);
      if (*a == '\0')
        return g_strdup (_("expected an objective name between the “+” signs of a weighted "
                           "sum such as “demand_fulfillment*100+over_coverage”"));
      if (!is_objective_name (a))
        return unknown_objective (a);
      *name = g_steal_pointer (&a);
      return NULL;
    }
  if (g_strv_length (factors) != 2)
    return g_strdup_printf (_("expected a term as name or name*weight, found “%s”"), term);

  a = esc_strip_dup (factors[0]);
  b = esc_strip_dup (factors[1]);
  if (is_objective_name (a))
    {
      if ((message = check_weight (b)) != NULL)
        return message;
      *name = g_steal_pointer (&a);
      return NULL;
    }
  if (is_objective_name (b))
    {
      if ((message = check_weight (a)) != NULL)
        return message;
      *name = g_steal_pointer (&b);
      return NULL;
    }
  if (esc_parse_number (a, NULL, NULL))
    return unknown_objective (b);
  return unknown_objective (a);
}

static char *
check_objectives (const char *text)
{
  g_auto(GStrv) entries = esc_split_list (text);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (entries[0] == NULL)
    return g_strdup_printf (_("expected objectives separated by commas, such as “%s”, "
                              "found “%s”"), esc_schema_get_default_objectives (), text);

  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_auto(GStrv) terms = g_strsplit (entries[i], "+", -1);

      for (guint j = 0; terms[j] != NULL; j++)
        {
          g_autofree char *name = NULL;
          char *message = check_objective_term (terms[j], &name);

          if (message != NULL)
            return message;
          if (g_hash_table_contains (seen, name))
            return g_strdup_printf (_("objective “%s” appears twice; expected each objective "
                                      "at most once"), name);
          g_hash_table_add (seen, g_steal_pointer (&name));
        }
    }
  return NULL;
}

/* The problem with a non-empty trimmed @text for @column, or NULL. */
static char *
check_value (const EscColumn *column,
             const char      *text,
             EscSeverity     *severity)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  *severity = ESC_SEVERITY_ERROR;

  switch (column->type)
    {
    case ESC_COLUMN_TEXT:
    case ESC_COLUMN_ID:
    case ESC_COLUMN_REF:
    case ESC_COLUMN_REF_LIST:
      return NULL;

    case ESC_COLUMN_INT:
      {
        gint64 value;

        if (!esc_parse_int (text, &value, &error))
          break;
        return check_range (column, (double) value, text, FALSE, TRUE, severity);
      }

    case ESC_COLUMN_NUMBER:
      {
        double value;

        if (!esc_parse_number (text, &value, &error))
          break;
        return check_range (column, value, text, FALSE, FALSE, severity);
      }

    case ESC_COLUMN_HOURS:
      {
        int minutes;

        if (!esc_parse_hours (text, &minutes, &error))
          break;
        return check_range (column, minutes / 60.0, text, TRUE, FALSE, severity);
      }

    case ESC_COLUMN_WORKED:
      ok = esc_parse_worked (text, NULL, NULL, &error);
      break;

    case ESC_COLUMN_TIME:
      ok = esc_parse_time (text, is_end_column (column), NULL, &error);
      break;

    case ESC_COLUMN_PATTERN_DAY:
      return check_pattern_day (text);

    case ESC_COLUMN_DATE:
      ok = esc_parse_date (text, NULL, &error);
      break;

    case ESC_COLUMN_DAY:
      return check_day (text);

    case ESC_COLUMN_WEEKDAY:
      ok = esc_parse_weekday (text, NULL, &error);
      break;

    case ESC_COLUMN_WEEKDAY_SET:
      ok = esc_parse_weekday_set (text, NULL, &error);
      break;

    case ESC_COLUMN_DAY_RANGES:
      {
        g_autoptr(GArray) ranges = NULL;

        ok = esc_parse_day_ranges (text, &ranges, &error);
        break;
      }

    case ESC_COLUMN_BOOL:
      ok = esc_parse_bool (text, NULL, &error);
      break;

    case ESC_COLUMN_LEAVE:
      {
        g_autoptr(GArray) intervals = NULL;

        ok = esc_parse_leave (text, &intervals, &error);
        break;
      }

    case ESC_COLUMN_COLOR:
      return check_color (text);

    case ESC_COLUMN_ENUM:
      return check_enum (column, text);

    case ESC_COLUMN_SHIFT_COUNTS:
      return check_shift_counts (text, NULL);

    case ESC_COLUMN_OBJECTIVES:
      return check_objectives (text);

    default:
      g_return_val_if_reached (NULL);
    }

  if (error != NULL)
    return g_strdup (error->message);
  if (!ok)
    return g_strdup_printf (_("unexpected value “%s”"), text);
  return NULL;
}

EscDiagnostic *
esc_validate_cell (EscTableId  table,
                   int         row_index,
                   guint       column,
                   const char *text)
{
  const EscTableSchema *schema;
  const EscColumn *col;
  g_autofree char *trimmed = NULL;
  g_autofree char *message = NULL;
  EscSeverity severity = ESC_SEVERITY_ERROR;

  g_return_val_if_fail (table < ESC_N_TABLES, NULL);
  schema = esc_schema_get_table (table);
  g_return_val_if_fail (column < schema->n_columns, NULL);
  col = &schema->columns[column];

  trimmed = esc_strip_dup (text);
  if (*trimmed == '\0')
    {
      if (!col->required)
        return NULL;
      /* Translators: %s is a column heading, e.g. "Weekly hours is required". */
      message = g_strdup_printf (_("%s is required"), _(col->title));
    }
  else
    {
      message = check_value (col, trimmed, &severity);
    }

  if (message == NULL)
    return NULL;
  return esc_diagnostic_new (severity, table, row_index, column, message);
}

/* Project validation */

static void
add_diagnostic (Validation  *v,
                EscSeverity  severity,
                EscTableId   table,
                int          row,
                int          column,
                char        *message)
{
  g_autofree char *owned = message;

  g_ptr_array_add (v->diagnostics, esc_diagnostic_new (severity, table, row, column, owned));
}

/* Indexes the ids of @table, reporting duplicates. */
static void
index_table (Validation *v,
             EscTableId  table_id)
{
  EscTable *table = esc_project_get_table (v->project, table_id);
  const EscTableSchema *schema = esc_table_get_schema (table);
  guint n_rows = esc_table_get_n_rows (table);
  GHashTable *index;

  index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  v->index[table_id] = index;
  if (schema->id_column < 0)
    return;

  for (guint r = 0; r < n_rows; r++)
    {
      EscRow *row = esc_table_get_row (table, r);
      g_autofree char *id = esc_strip_dup (esc_row_get (row, schema->id_column));
      gpointer first;

      if (*id == '\0')
        continue;
      first = g_hash_table_lookup (index, id);
      if (first != NULL)
        {
          g_autofree char *noun = table_noun (table_id);

          /* Translators: "duplicate employee “E001”: also in row 2". */
          add_diagnostic (v, ESC_SEVERITY_ERROR, table_id, r, schema->id_column,
                          g_strdup_printf (_("duplicate %s “%s”: also in row %d"), noun, id,
                                           GPOINTER_TO_INT (first)));
          continue;
        }
      g_hash_table_insert (index, g_steal_pointer (&id), GINT_TO_POINTER (r + 1));
    }
}

static gboolean
has_id (Validation *v,
        EscTableId  table,
        const char *id)
{
  return g_hash_table_contains (v->index[table], id);
}

/* "LJ01, LJ02" when the table is small, else NULL. */
static char *
list_ids (Validation *v,
          EscTableId  table_id)
{
  EscTable *table = esc_project_get_table (v->project, table_id);
  int id_column = esc_table_get_schema (table)->id_column;
  g_autoptr(GPtrArray) ids = NULL;

  if (id_column < 0 || g_hash_table_size (v->index[table_id]) > MAX_LISTED_IDS)
    return NULL;

  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint r = 0; r < esc_table_get_n_rows (table); r++)
    {
      g_autofree char *id = esc_strip_dup (esc_row_get (esc_table_get_row (table, r),
                                                        id_column));

      if (GPOINTER_TO_INT (g_hash_table_lookup (v->index[table_id], id)) == (int) r + 1)
        g_ptr_array_add (ids, g_steal_pointer (&id));
    }
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (", ", (char **) ids->pdata);
}

static char *
unknown_reference (Validation *v,
                   EscTableId  ref_table,
                   const char *id)
{
  g_autofree char *noun = table_noun (ref_table);
  g_autofree char *listed = NULL;
  const char *title = _(esc_schema_get_table (ref_table)->title);

  if (g_hash_table_size (v->index[ref_table]) == 0)
    /* Translators: "unknown store “LJ09”; the Stores table is empty". */
    return g_strdup_printf (_("unknown %s “%s”; the %s table is empty"), noun, id, title);
  listed = list_ids (v, ref_table);
  if (listed != NULL)
    /* Translators: "unknown store “LJ09”; expected one of LJ01, LJ02". */
    return g_strdup_printf (_("unknown %s “%s”; expected one of %s"), noun, id, listed);
  /* Translators: "unknown store “LJ09”; expected one of the Stores table's ids". */
  return g_strdup_printf (_("unknown %s “%s”; expected one of the %s table's ids"),
                          noun, id, title);
}

static void
check_reference (Validation *v,
                 EscTableId  table,
                 int         row,
                 int         column,
                 EscTableId  ref_table,
                 const char *text)
{
  g_autofree char *id = esc_strip_dup (text);

  if (*id != '\0' && !has_id (v, ref_table, id))
    add_diagnostic (v, ESC_SEVERITY_ERROR, table, row, column,
                    unknown_reference (v, ref_table, id));
}

static void
check_reference_list (Validation *v,
                      EscTableId  table,
                      int         row,
                      int         column,
                      EscTableId  ref_table,
                      const char *text)
{
  g_auto(GStrv) items = esc_split_list (text);

  for (guint i = 0; items[i] != NULL; i++)
    if (!has_id (v, ref_table, items[i]))
      add_diagnostic (v, ESC_SEVERITY_ERROR, table, row, column,
                      unknown_reference (v, ref_table, items[i]));
}

static void
check_pattern_shifts (Validation *v,
                      int         row,
                      int         column,
                      const char *text)
{
  g_autofree char *trimmed = esc_strip_dup (text);
  g_auto(GStrv) items = NULL;

  if (*trimmed == '\0' || looks_like_window (trimmed))
    return;
  items = esc_split_list (trimmed);
  for (guint i = 0; items[i] != NULL; i++)
    if (!has_id (v, ESC_TABLE_SHIFT, items[i]))
      add_diagnostic (v, ESC_SEVERITY_ERROR, ESC_TABLE_PATTERN, row, column,
                      g_strdup_printf (_("unknown shift “%s”; expected a time window "
                                         "HH:MM - HH:MM or ids of the Shifts table"),
                                       items[i]));
}

static void
check_shift_count_refs (Validation *v,
                        EscTableId  table,
                        int         row,
                        int         column,
                        const char *text)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = check_shift_counts (text, ids);

  if (message != NULL)
    return;
  for (guint i = 0; i < ids->len; i++)
    if (!has_id (v, ESC_TABLE_SHIFT, g_ptr_array_index (ids, i)))
      add_diagnostic (v, ESC_SEVERITY_ERROR, table, row, column,
                      unknown_reference (v, ESC_TABLE_SHIFT, g_ptr_array_index (ids, i)));
}

/* References of one cell that passed esc_validate_cell(). */
static void
check_cell_references (Validation      *v,
                       EscTableId       table,
                       int              row,
                       int              column,
                       const EscColumn *col,
                       const char      *text)
{
  switch (col->type)
    {
    case ESC_COLUMN_REF:
      check_reference (v, table, row, column, col->ref_table, text);
      break;
    case ESC_COLUMN_REF_LIST:
      check_reference_list (v, table, row, column, col->ref_table, text);
      break;
    case ESC_COLUMN_PATTERN_DAY:
      check_pattern_shifts (v, row, column, text);
      break;
    case ESC_COLUMN_SHIFT_COUNTS:
      check_shift_count_refs (v, table, row, column, text);
      break;
    default:
      break;
    }
}

/* The time in @column when it is given and parses. */
static gboolean
get_time (EscRow *row,
          guint   column,
          int    *minutes)
{
  const EscColumn *col = &esc_row_get_schema (row)->columns[column];

  return esc_parse_time (esc_row_get (row, column), is_end_column (col), minutes, NULL);
}

static void
check_shift_row (Validation *v,
                 EscRow     *row,
                 int         r)
{
  gboolean has_start = !esc_row_is_empty (row, ESC_SHIFT_START);
  gboolean has_end = !esc_row_is_empty (row, ESC_SHIFT_END);
  gboolean has_hours = !esc_row_is_empty (row, ESC_SHIFT_HOURS);
  int start, end;
  gint64 break_minutes;

  if (!has_start && !has_end)
    {
      if (!has_hours)
        add_diagnostic (v, ESC_SEVERITY_ERROR, ESC_TABLE_SHIFT, r, ESC_SHIFT_START,
                        g_strdup (_("the shift has no times and no hours; expected a start "
                                    "and an end time, or a number of hours")));
      return;
    }
  if (!has_end)
    {
      add_diagnostic (v, ESC_SEVERITY_ERROR, ESC_TABLE_SHIFT, r, ESC_SHIFT_END,
                      g_strdup (_("the shift has a start but no end; expected an end time "
                                  "HH:MM")));
      return;
    }
  if (!has_start)
    {
      add_diagnostic (v, ESC_SEVERITY_ERROR, ESC_TABLE_SHIFT, r, ESC_SHIFT_START,
                      g_strdup (_("the shift has an end but no start; expected a start time "
                                  "HH:MM")));
      return;
    }
  if (!get_time (row, ESC_SHIFT_START, &start) || !get_time (row, ESC_SHIFT_END, &end))
    return;
  if (end == start)
    {
      g_autofree char *time = esc_format_time (start);

      add_diagnostic (v, ESC_SEVERITY_ERROR, ESC_TABLE_SHIFT, r, ESC_SHIFT_END,
                      g_strdup_printf (_("the shift starts and ends at %s; expected an end "
                                         "different from the start (an end before the "
                                         "start crosses midnight)"), time));
      return;
    }
  if (end < start)
    end += ESC_MINUTES_PER_DAY;
  if (esc_parse_int (esc_row_get (row, ESC_SHIFT_BREAK_MINUTES), &break_minutes, NULL) &&
      break_minutes >= end - start)
    add_diagnostic (v, ESC_SEVERITY_ERROR, ESC_TABLE_SHIFT, r, ESC_SHIFT_BREAK_MINUTES,
                    g_strdup_printf (_("a break of %d minutes is not shorter than the shift "
                                       "(%d minutes); expected a shorter break"),
                                     (int) break_minutes, end - start));
}

static void
check_demand_row (Validation *v,
                  EscRow     *row,
                  int         r)
{
  gboolean has_start = !esc_row_is_empty (row, ESC_DEMAND_START);
  gboolean has_end = !esc_row_is_empty (row, ESC_DEMAND_END);
  gboolean has_shift = !esc_row_is_empty (row, ESC_DEMAND_SHIFT);
  int start, end;

  if (!has_start && !has_end)
    {
      if (!has_shift)
        add_diagnostic (v, ESC_SEVERITY_ERROR, ESC_TABLE_DEMAND, r, ESC_DEMAND_START,
                        g_strdup (_("the demand has no window and no shift; expected a start "
                                    "and an end time, or a shift")));
      return;
    }
  if (has_shift)
    {
      add_diagnostic (v, ESC_SEVERITY_ERROR, ESC_TABLE_DEMAND, r, ESC_DEMAND_SHIFT,
                      g_strdup (_("the demand has both a window and a shift; expected either "
                                  "a start and an end time or a shift, not both")));
      return;
    }
  if (!has_end)
    {
      add_diagnostic (v, ESC_SEVERITY_ERROR, ESC_TABLE_DEMAND, r, ESC_DEMAND_END,
                      g_strdup (_("the window has a start but no end; expected an end time "
                                  "HH:MM")));
      return;
    }
  if (!has_start)
    {
      add_diagnostic (v, ESC_SEVERITY_ERROR, ESC_TABLE_DEMAND, r, ESC_DEMAND_START,
                      g_strdup (_("the window has an end but no start; expected a start time "
                                  "HH:MM")));
      return;
    }
  if (!get_time (row, ESC_DEMAND_START, &start) || !get_time (row, ESC_DEMAND_END, &end))
    return;
  if (start >= end)
    {
      g_autofree char *start_text = esc_format_time (start);
      g_autofree char *end_text = esc_format_time (end);

      add_diagnostic (v, ESC_SEVERITY_ERROR, ESC_TABLE_DEMAND, r, ESC_DEMAND_END,
                      g_strdup_printf (_("the window %s - %s is empty or crosses midnight; "
                                         "start must be before end (a demand window lies "
                                         "within one day; use 24:00 for midnight)"),
                                       start_text, end_text));
    }
}

/* @max_column's value is below @min_column's: both parse as hours or integers. */
static void
check_min_max (Validation *v,
               EscRow     *row,
               int         r,
               guint       min_column,
               guint       max_column,
               gboolean    is_hours)
{
  const EscColumn *columns = esc_row_get_schema (row)->columns;
  const char *min_text = esc_row_get (row, min_column);
  const char *max_text = esc_row_get (row, max_column);
  double min, max;

  if (is_hours)
    {
      int a, b;

      if (!esc_parse_hours (min_text, &a, NULL) || !esc_parse_hours (max_text, &b, NULL))
        return;
      min = a;
      max = b;
    }
  else
    {
      gint64 a, b;

      if (!esc_parse_int (min_text, &a, NULL) || !esc_parse_int (max_text, &b, NULL))
        return;
      min = a;
      max = b;
    }
  if (max < min)
    {
      g_autofree char *min_trimmed = esc_strip_dup (min_text);
      g_autofree char *max_trimmed = esc_strip_dup (max_text);

      /* Translators: "Max hours 20 is less than Min hours 40; expected at least Min hours". */
      add_diagnostic (v, ESC_SEVERITY_ERROR, ESC_TABLE_EMPLOYEE, r, max_column,
                      g_strdup_printf (_("%s %s is less than %s %s; expected at least %s"),
                                       _(columns[max_column].title), max_trimmed,
                                       _(columns[min_column].title), min_trimmed,
                                       _(columns[min_column].title)));
    }
}

static void
check_employee_row (Validation *v,
                    EscRow     *row,
                    int         r)
{
  check_min_max (v, row, r, ESC_EMPLOYEE_MIN_HOURS, ESC_EMPLOYEE_MAX_HOURS, TRUE);
  check_min_max (v, row, r, ESC_EMPLOYEE_MIN_CONSECUTIVE_DAYS,
                 ESC_EMPLOYEE_MAX_CONSECUTIVE_DAYS, FALSE);
}

static GHashTable *
get_states (Validation *v)
{
  EscTable *locations;

  if (v->states != NULL)
    return v->states;

  v->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  locations = esc_project_get_table (v->project, ESC_TABLE_LOCATION);
  for (guint r = 0; r < esc_table_get_n_rows (locations); r++)
    {
      char *state = esc_strip_dup (esc_row_get (esc_table_get_row (locations, r),
                                                ESC_LOCATION_STATE));

      if (*state != '\0')
        g_hash_table_add (v->states, state);
      else
        g_free (state);
    }
  return v->states;
}

static void
check_holiday_row (Validation *v,
                   EscRow     *row,
                   int         r)
{
  g_autofree char *region = esc_strip_dup (esc_row_get (row, ESC_HOLIDAY_REGION));
  gboolean national = FALSE;

  if (*region == '\0')
    {
      if (esc_parse_bool (esc_row_get (row, ESC_HOLIDAY_NATIONAL), &national, NULL) &&
          !national)
        add_diagnostic (v, ESC_SEVERITY_WARNING, ESC_TABLE_HOLIDAY, r, ESC_HOLIDAY_REGION,
                        g_strdup (_("the holiday is neither national nor regional, so it "
                                    "applies to no store; expected a state code or a "
                                    "location")));
      return;
    }
  if (has_id (v, ESC_TABLE_LOCATION, region) || g_hash_table_contains (get_states (v), region))
    return;
  add_diagnostic (v, ESC_SEVERITY_WARNING, ESC_TABLE_HOLIDAY, r, ESC_HOLIDAY_REGION,
                  g_strdup_printf (_("unknown region “%s”, so the holiday applies to no store; "
                                     "expected the state of some location (such as SP) or "
                                     "a location"), region));
}

static void
check_preference_row (Validation *v,
                      EscRow     *row,
                      int         r)
{
  g_autofree char *kind = esc_strip_dup (esc_row_get (row, ESC_PREFERENCE_KIND));
  gboolean needs_shift = FALSE;
  gboolean needs_date = FALSE;

  if (strcmp (kind, ESC_PREFERENCE_BAN) == 0 || strcmp (kind, ESC_PREFERENCE_PREFER) == 0)
    needs_shift = TRUE;
  else if (strcmp (kind, ESC_PREFERENCE_DAY_OFF) == 0)
    needs_date = TRUE;
  else if (strcmp (kind, ESC_PREFERENCE_SHIFT_ON) == 0 ||
           strcmp (kind, ESC_PREFERENCE_SHIFT_OFF) == 0)
    needs_shift = needs_date = TRUE;

  if (needs_date && esc_row_is_empty (row, ESC_PREFERENCE_DATE))
    add_diagnostic (v, ESC_SEVERITY_ERROR, ESC_TABLE_PREFERENCE, r, ESC_PREFERENCE_DATE,
                    /* Translators: %s is a preference kind such as day_off. */
                    g_strdup_printf (_("a “%s” row needs a date; expected the date it "
                                       "applies to"), kind));
  if (needs_shift && esc_row_is_empty (row, ESC_PREFERENCE_SHIFT))
    add_diagnostic (v, ESC_SEVERITY_ERROR, ESC_TABLE_PREFERENCE, r, ESC_PREFERENCE_SHIFT,
                    g_strdup_printf (_("a “%s” row needs a shift; expected one of the Shifts "
                                       "table's ids"), kind));
}

static void
check_exclusion_row (Validation *v,
                     EscRow     *row,
                     int         r)
{
  g_autofree char *kind = esc_strip_dup (esc_row_get (row, ESC_EXCLUSION_KIND));
  g_autofree char *ref = esc_strip_dup (esc_row_get (row, ESC_EXCLUSION_REF));
  EscTableId target;

  if (strcmp (kind, "request") == 0)
    target = ESC_TABLE_REQUEST;
  else if (strcmp (kind, "employee") == 0)
    target = ESC_TABLE_EMPLOYEE;
  else
    return;
  if (*ref != '\0' && !has_id (v, target, ref))
    add_diagnostic (v, ESC_SEVERITY_WARNING, ESC_TABLE_EXCLUSION, r, ESC_EXCLUSION_REF,
                    unknown_reference (v, target, ref));
}

static char *
list_parameter_keys (void)
{
  guint n = 0;
  const EscParameterDef *defs = esc_schema_get_parameters (&n);
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (keys, ", ");
      g_string_append (keys, defs[i].key);
    }
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

static void
check_parameter_row (Validation *v,
                     EscRow     *row,
                     int         r)
{
  g_autofree char *key = esc_strip_dup (esc_row_get (row, ESC_PARAMETER_KEY));
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;
  const EscParameterDef *def;
  EscColumn column = { 0 };
  EscSeverity severity;

  if (*key == '\0')
    return;
  def = esc_schema_find_parameter (key);
  if (def == NULL)
    {
      g_autofree char *known = list_parameter_keys ();

      add_diagnostic (v, ESC_SEVERITY_WARNING, ESC_TABLE_PARAMETER, r, ESC_PARAMETER_KEY,
                      g_strdup_printf (_("unknown parameter “%s”, which is ignored; expected "
                                         "one of %s"), key, known));
      return;
    }

  value = esc_strip_dup (esc_row_get (row, ESC_PARAMETER_VALUE));
  if (*value == '\0')
    {
      if (def->required && def->default_value == NULL)
        add_diagnostic (v, ESC_SEVERITY_ERROR, ESC_TABLE_PARAMETER, r, ESC_PARAMETER_VALUE,
                        /* Translators: "start_date (Start date) needs a value". */
                        g_strdup_printf (_("%s (%s) needs a value; it has no default"),
                                         def->key, _(def->title)));
      return;
    }

  column.key = def->key;
  column.title = def->title;
  column.description = def->description;
  column.type = def->type;
  column.min = def->min;
  column.max = def->max;
  message = check_value (&column, value, &severity);
  if (message != NULL)
    {
      add_diagnostic (v, severity, ESC_TABLE_PARAMETER, r, ESC_PARAMETER_VALUE,
                      g_steal_pointer (&message));
      return;
    }

  if (strcmp (def->key, "store_id") == 0)
    check_reference_list (v, ESC_TABLE_PARAMETER, r, ESC_PARAMETER_VALUE, ESC_TABLE_STORE,
                          value);
  else if (strcmp (def->key, "role_id") == 0)
    check_reference_list (v, ESC_TABLE_PARAMETER, r, ESC_PARAMETER_VALUE, ESC_TABLE_ROLE,
                          value);
}

static void
check_missing_parameters (Validation *v)
{
  guint n = 0;
  const EscParameterDef *defs = esc_schema_get_parameters (&n);

  for (guint i = 0; i < n; i++)
    {
      if (!defs[i].required || defs[i].default_value != NULL ||
          has_id (v, ESC_TABLE_PARAMETER, defs[i].key))
        continue;
      /* Translators: "the parameter start_date (Start date) is missing; ...". */
      add_diagnostic (v, ESC_SEVERITY_ERROR, ESC_TABLE_PARAMETER, -1, -1,
                      g_strdup_printf (_("the parameter %s (%s) is missing; expected a row "
                                         "with the key %s and a value"),
                                       defs[i].key, _(defs[i].title), defs[i].key));
    }
}

static void
check_row (Validation *v,
           EscTableId  table_id,
           EscRow     *row,
           int         r)
{
  switch (table_id)
    {
    case ESC_TABLE_SHIFT:
      check_shift_row (v, row, r);
      break;
    case ESC_TABLE_EMPLOYEE:
      check_employee_row (v, row, r);
      break;
    case ESC_TABLE_DEMAND:
      check_demand_row (v, row, r);
      break;
    case ESC_TABLE_HOLIDAY:
      check_holiday_row (v, row, r);
      break;
    case ESC_TABLE_PREFERENCE:
      check_preference_row (v, row, r);
      break;
    case ESC_TABLE_PARAMETER:
      check_parameter_row (v, row, r);
      break;
    case ESC_TABLE_EXCLUSION:
      check_exclusion_row (v, row, r);
      break;
    case ESC_TABLE_LOCATION:
    case ESC_TABLE_STORE:
    case ESC_TABLE_ROLE:
    case ESC_TABLE_PATTERN:
    case ESC_TABLE_PREVIOUS_ALLOCATION:
    case ESC_TABLE_FORBIDDEN_SEQUENCE:
    case ESC_TABLE_REQUEST:
    case ESC_TABLE_ASSIGNMENT:
    case ESC_TABLE_MOVE:
    case ESC_N_TABLES:
    default:
      break;
    }
}

static void
check_table (Validation *v,
             EscTableId  table_id)
{
  EscTable *table = esc_project_get_table (v->project, table_id);
  const EscTableSchema *schema = esc_table_get_schema (table);
  guint n_rows = esc_table_get_n_rows (table);

  for (guint r = 0; r < n_rows; r++)
    {
      EscRow *row = esc_table_get_row (table, r);

      for (guint c = 0; c < schema->n_columns; c++)
        {
          const char *text = esc_row_get (row, c);
          EscDiagnostic *diagnostic = esc_validate_cell (table_id, r, c, text);

          if (diagnostic != NULL)
            g_ptr_array_add (v->diagnostics, diagnostic);
          if (diagnostic == NULL || diagnostic->severity == ESC_SEVERITY_WARNING)
            check_cell_references (v, table_id, r, c, &schema->columns[c], text);
        }
      check_row (v, table_id, row, r);
    }

  if (table_id == ESC_TABLE_PARAMETER)
    check_missing_parameters (v);
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  const EscDiagnostic *da = *(const EscDiagnostic * const *) a;
  const EscDiagnostic *db = *(const EscDiagnostic * const *) b;

  if (da->table != db->table)
    return da->table < db->table ? -1 : 1;
  if (da->row != db->row)
    return da->row < db->row ? -1 : 1;
  if (da->column != db->column)
    return da->column < db->column ? -1 : 1;
  return 0;
}

GPtrArray *
esc_validate_project (EscProject *project)
{
  g_auto(Validation) v = { 0 };

  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  v.project = project;
  v.diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) esc_diagnostic_free);

  for (guint t = 0; t < ESC_N_TABLES; t++)
    index_table (&v, t);
  for (guint t = 0; t < ESC_N_TABLES; t++)
    check_table (&v, t);

  /* A stable sort (g_ptr_array_sort is one since GLib 2.32): problems of one cell stay
   * in the order they were found, the type's before the references'. */
  g_ptr_array_sort (v.diagnostics, compare_diagnostics);
  return g_steal_pointer (&v.diagnostics);
}

guint
esc_validate_count_errors (GPtrArray *diagnostics)
{
  guint n = 0;

  g_return_val_if_fail (diagnostics != NULL, 0);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const EscDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (diagnostic->severity == ESC_SEVERITY_ERROR)
        n++;
    }
  return n;
}
