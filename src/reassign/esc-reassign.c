/* esc-reassign.c: the reassignment scorer: input, priorities, scores, greedy, results.
 *
 * The rules and the decisions where reassignment.md is silent are in esc-reassign.h.
 * The optimal mode lives in esc-reassign-optimal.c, derived assignments and requests
 * from shortages in esc-reassign-schedule.c.
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
#include "solver/esc-model.h"

typedef struct
{
  EscReassignInput    *input;
  EscReassignSettings  settings;
  EscReassignMode      mode;
} RunData;

static const char * const term_keys[ESC_REASSIGN_N_TERMS] = {
  "part_time", "hours_match", "team_member", "single_member", "risk_resource", "moved_today",
};

static const char * const term_titles[ESC_REASSIGN_N_TERMS] = {
  N_("Part-time"), N_("Hours match"), N_("Team member"), N_("Single member"),
  N_("Risk resource"), N_("Moved today"),
};

G_DEFINE_BOXED_TYPE (EscReassignResult, esc_reassign_result,
                     esc_reassign_result_ref, esc_reassign_result_unref)

/* Small helpers ------------------------------------------------------------------------ */

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = esc_strip_dup (text);

  return *stripped == '\0';
}

static char **
fold_list (const char *text)
{
  g_auto(GStrv) items = esc_split_list (text);
  GPtrArray *folded = g_ptr_array_new ();

  for (guint i = 0; items[i] != NULL; i++)
    g_ptr_array_add (folded, esc_reassign_fold (items[i]));
  g_ptr_array_add (folded, NULL);
  return (char **) g_ptr_array_free (folded, FALSE);
}

static gboolean
strv_contains_folded (char       **folded_list,
                      const char  *folded_key)
{
  for (guint i = 0; folded_list != NULL && folded_list[i] != NULL; i++)
    if (strcmp (folded_list[i], folded_key) == 0)
      return TRUE;
  return FALSE;
}

static GHashTable *
new_string_set (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
set_add (GHashTable *set,
         const char *item)
{
  if (!g_hash_table_contains (set, item))
    g_hash_table_add (set, g_strdup (item));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char **
set_to_sorted_strv (GHashTable *set)
{
  GPtrArray *items = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (items, g_strdup (key));
  g_ptr_array_sort (items, compare_strings);
  g_ptr_array_add (items, NULL);
  return (char **) g_ptr_array_free (items, FALSE);
}

double
esc_reassign_round_hours (double hours)
{
  return round (hours * 1e6) / 1e6;
}

char *
esc_reassign_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;
  char *end;

  if (fabs (value) < 0.005)
    value = 0.0;
  text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
  if (strchr (text, '.') != NULL)
    {
      end = text + strlen (text) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  if (strcmp (text, "-0") == 0)
    {
      g_free (text);
      text = g_strdup ("0");
    }
  return text;
}

const char *
esc_reassign_mode_to_string (EscReassignMode mode)
{
  return mode == ESC_REASSIGN_OPTIMAL ? "optimal" : "greedy";
}

gboolean
esc_reassign_mode_from_string (const char      *text,
                               EscReassignMode *mode)
{
  if (g_strcmp0 (text, "greedy") == 0)
    *mode = ESC_REASSIGN_GREEDY;
  else if (g_strcmp0 (text, "optimal") == 0)
    *mode = ESC_REASSIGN_OPTIMAL;
  else
    return FALSE;
  return TRUE;
}

const char *
esc_reassign_term_key (EscReassignTerm term)
{
  g_return_val_if_fail (term < ESC_REASSIGN_N_TERMS, NULL);
  return term_keys[term];
}

const char *
esc_reassign_term_title (EscReassignTerm term)
{
  g_return_val_if_fail (term < ESC_REASSIGN_N_TERMS, NULL);
  return _(term_titles[term]);
}

char *
esc_reassign_score_describe (const EscReassignScore *score)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *total = esc_reassign_format_number (esc_reassign_score_total (score));
  gboolean first = TRUE;

  g_string_append (text, total);
  for (EscReassignTerm t = 0; t < ESC_REASSIGN_N_TERMS; t++)
    {
      g_autofree char *points = NULL;

      if (score->points[t] == 0.0)
        continue;
      points = esc_reassign_format_number (score->points[t]);
      g_string_append_printf (text, "%s%s %s", first ? " = " : " + ",
                              esc_reassign_term_title (t), points);
      first = FALSE;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

double
esc_reassign_score_total (const EscReassignScore *score)
{
  double total = 0.0;

  for (guint t = 0; t < ESC_REASSIGN_N_TERMS; t++)
    total += score->points[t];
  return total;
}

/* Input -------------------------------------------------------------------------------- */

static void
request_row_free (gpointer data)
{
  EscReassignRequestRow *row = data;

  g_free (row->id);
  g_free (row->team);
  g_free (row->category);
  g_free (row->stage);
  g_strfreev (row->risk_resources);
  g_free (row);
}

static void
assignment_row_free (gpointer data)
{
  EscReassignAssignmentRow *row = data;

  g_free (row->id);
  g_free (row->employee);
  g_free (row->team);
  g_free (row->category);
  g_free (row->position);
  g_free (row);
}

static void
employee_row_free (gpointer data)
{
  EscReassignEmployeeRow *row = data;

  g_free (row->id);
  g_strfreev (row->skills);
  g_free (row);
}

static void
history_row_free (gpointer data)
{
  EscReassignHistoryRow *row = data;

  g_free (row->assignment);
  g_free (row->employee);
  g_free (row->old_team);
  g_free (row->new_team);
  g_free (row);
}

EscReassignInput *
esc_reassign_input_new (EscJulian today)
{
  EscReassignInput *self = g_new0 (EscReassignInput, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->today = today;
  self->requests = g_ptr_array_new_with_free_func (request_row_free);
  self->assignments = g_ptr_array_new_with_free_func (assignment_row_free);
  self->employees = g_ptr_array_new_with_free_func (employee_row_free);
  self->history = g_ptr_array_new_with_free_func (history_row_free);
  self->excluded_requests = new_string_set ();
  self->excluded_employees = new_string_set ();
  return self;
}

EscReassignInput *
esc_reassign_input_ref (EscReassignInput *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
esc_reassign_input_unref (EscReassignInput *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->requests);
  g_ptr_array_unref (self->assignments);
  g_ptr_array_unref (self->employees);
  g_ptr_array_unref (self->history);
  g_hash_table_unref (self->excluded_requests);
  g_hash_table_unref (self->excluded_employees);
  g_free (self);
}

EscJulian
esc_reassign_input_get_today (EscReassignInput *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->today;
}

guint64
esc_reassign_input_get_generation (EscReassignInput *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->generation;
}

void
esc_reassign_input_add_request (EscReassignInput *self,
                                const char       *id,
                                const char       *team,
                                const char       *category,
                                double            hours,
                                double            priority,
                                EscJulian         created,
                                const char       *stage,
                                const char       *risk_resources)
{
  EscReassignRequestRow *row = g_new0 (EscReassignRequestRow, 1);

  g_return_if_fail (self != NULL);

  row->id = esc_strip_dup (id);
  row->team = esc_strip_dup (team);
  row->category = esc_strip_dup (category);
  row->stage = is_blank (stage) ? g_strdup ("new") : esc_strip_dup (stage);
  row->hours = hours;
  row->priority = priority;
  row->created = created;
  row->risk_resources = esc_split_list (risk_resources);
  g_ptr_array_add (self->requests, row);
}

void
esc_reassign_input_add_assignment (EscReassignInput *self,
                                   const char       *id,
                                   const char       *employee,
                                   const char       *team,
                                   const char       *category,
                                   const char       *position,
                                   double            hours_4w,
                                   double            hours_12w,
                                   gboolean          eligible_for_trainee)
{
  EscReassignAssignmentRow *row = g_new0 (EscReassignAssignmentRow, 1);

  g_return_if_fail (self != NULL);

  row->id = esc_strip_dup (id);
  row->employee = esc_strip_dup (employee);
  row->team = esc_strip_dup (team);
  row->category = esc_strip_dup (category);
  row->position = is_blank (position) ? g_strdup ("worker") : esc_strip_dup (position);
  row->hours_4w = hours_4w;
  row->hours_12w = hours_12w;
  row->eligible_for_trainee = eligible_for_trainee;
  g_ptr_array_add (self->assignments, row);
}

void
esc_reassign_input_add_employee (EscReassignInput *self,
                                 const char       *id,
                                 const char       *skills,
                                 gboolean          full_time,
                                 gboolean          trainee,
                                 EscJulian         start_date,
                                 double            spare_capacity)
{
  EscReassignEmployeeRow *row = g_new0 (EscReassignEmployeeRow, 1);

  g_return_if_fail (self != NULL);

  row->id = esc_strip_dup (id);
  row->skills = fold_list (skills);
  row->full_time = full_time;
  row->trainee = trainee;
  row->start_date = start_date;
  row->spare_capacity = spare_capacity;
  g_ptr_array_add (self->employees, row);
}

void
esc_reassign_input_add_history (EscReassignInput *self,
                                const char       *assignment,
                                const char       *employee,
                                const char       *old_team,
                                const char       *new_team,
                                EscJulian         date,
                                double            hours)
{
  EscReassignHistoryRow *row = g_new0 (EscReassignHistoryRow, 1);

  g_return_if_fail (self != NULL);

  row->assignment = esc_strip_dup (assignment);
  row->employee = esc_strip_dup (employee);
  row->old_team = esc_strip_dup (old_team);
  row->new_team = esc_strip_dup (new_team);
  row->date = date;
  row->hours = hours;
  g_ptr_array_add (self->history, row);
}

void
esc_reassign_input_exclude_request (EscReassignInput *self,
                                    const char       *request_id)
{
  g_return_if_fail (self != NULL);
  g_hash_table_add (self->excluded_requests, esc_strip_dup (request_id));
}

void
esc_reassign_input_exclude_employee (EscReassignInput *self,
                                     const char       *employee_id)
{
  g_return_if_fail (self != NULL);
  g_hash_table_add (self->excluded_employees, esc_strip_dup (employee_id));
}

/* Reading the project: each reader parses one cell, blank giving the fallback. */

static gboolean
fail_cell (EscRow   *row,
           guint     r,
           guint     column,
           GError   *cause,
           GError  **error)
{
  const EscTableSchema *schema = esc_row_get_schema (row);

  g_set_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_INPUT,
               /* Translators: "Requests row 3, Hours: expected a number ...". */
               _("%s row %u, %s: %s"), _(schema->title), r + 1,
               _(schema->columns[column].title), cause->message);
  return FALSE;
}

static gboolean
read_number (EscRow  *row,
             guint    r,
             guint    column,
             double   fallback,
             double  *value,
             GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (is_blank (esc_row_get (row, column)))
    {
      *value = fallback;
      return TRUE;
    }
  if (!esc_parse_number (esc_row_get (row, column), value, &local_error))
    return fail_cell (row, r, column, local_error, error);
  return TRUE;
}

static gboolean
read_hours (EscRow  *row,
            guint    r,
            guint    column,
            double  *value,
            GError **error)
{
  g_autoptr(GError) local_error = NULL;
  int minutes;

  if (is_blank (esc_row_get (row, column)))
    {
      *value = 0.0;
      return TRUE;
    }
  if (!esc_parse_hours (esc_row_get (row, column), &minutes, &local_error))
    return fail_cell (row, r, column, local_error, error);
  *value = minutes / 60.0;
  return TRUE;
}

static gboolean
read_date (EscRow     *row,
           guint       r,
           guint       column,
           EscJulian  *value,
           GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  if (is_blank (esc_row_get (row, column)))
    {
      *value = 0;
      return TRUE;
    }
  if (!esc_parse_date (esc_row_get (row, column), value, &local_error))
    return fail_cell (row, r, column, local_error, error);
  return TRUE;
}

static gboolean
read_bool (EscRow   *row,
           guint     r,
           guint     column,
           gboolean  fallback,
           gboolean *value,
           GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  if (is_blank (esc_row_get (row, column)))
    {
      *value = fallback;
      return TRUE;
    }
  if (!esc_parse_bool (esc_row_get (row, column), value, &local_error))
    return fail_cell (row, r, column, local_error, error);
  return TRUE;
}

static gboolean
read_enum (EscRow      *row,
           guint        r,
           guint        column,
           char       **value,
           GError     **error)
{
  const EscColumn *def = &esc_row_get_schema (row)->columns[column];
  g_autofree char *text = esc_strip_dup (esc_row_get (row, column));

  if (*text != '\0' && !g_strv_contains (def->enum_values, text))
    {
      g_autofree char *expected = g_strjoinv (", ", (char **) def->enum_values);
      g_autoptr(GError) cause = g_error_new (ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_INPUT,
                                             _("expected one of %s, found “%s”"),
                                             expected, text);

      return fail_cell (row, r, column, cause, error);
    }
  *value = g_steal_pointer (&text);
  return TRUE;
}

/* A cell that must not be blank. */
static gboolean
read_required (EscRow  *row,
               guint    r,
               guint    column,
               GError **error)
{
  g_autoptr(GError) cause = NULL;

  if (!is_blank (esc_row_get (row, column)))
    return TRUE;
  cause = g_error_new_literal (ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_INPUT,
                               _("a value is needed"));
  return fail_cell (row, r, column, cause, error);
}

static gboolean
row_is_empty (EscRow *row)
{
  for (guint c = 0; c < esc_row_get_n_columns (row); c++)
    if (!is_blank (esc_row_get (row, c)))
      return FALSE;
  return TRUE;
}

static gboolean
read_requests (EscReassignInput *self,
               EscTable         *table,
               GError          **error)
{
  for (guint r = 0; r < esc_table_get_n_rows (table); r++)
    {
      EscRow *row = esc_table_get_row (table, r);
      g_autofree char *stage = NULL;
      double hours = 0.0, priority = 0.0;
      EscJulian created = 0;

      if (row_is_empty (row))
        continue;
      if (!read_required (row, r, ESC_REQUEST_ID, error) ||
          !read_required (row, r, ESC_REQUEST_TEAM, error) ||
          !read_required (row, r, ESC_REQUEST_CATEGORY, error) ||
          !read_number (row, r, ESC_REQUEST_HOURS, 0.0, &hours, error) ||
          !read_number (row, r, ESC_REQUEST_PRIORITY, 0.0, &priority, error) ||
          !read_date (row, r, ESC_REQUEST_CREATED, &created, error) ||
          !read_enum (row, r, ESC_REQUEST_STAGE, &stage, error))
        return FALSE;
      esc_reassign_input_add_request (self, esc_row_get (row, ESC_REQUEST_ID),
                                      esc_row_get (row, ESC_REQUEST_TEAM),
                                      esc_row_get (row, ESC_REQUEST_CATEGORY), hours, priority,
                                      created, stage,
                                      esc_row_get (row, ESC_REQUEST_RISK_RESOURCE));
    }
  return TRUE;
}

static gboolean
read_assignments (EscReassignInput *self,
                  EscTable         *table,
                  GError          **error)
{
  for (guint r = 0; r < esc_table_get_n_rows (table); r++)
    {
      EscRow *row = esc_table_get_row (table, r);
      g_autofree char *position = NULL;
      double hours_4w = 0.0, hours_12w = 0.0;
      gboolean eligible = FALSE;

      if (row_is_empty (row))
        continue;
      if (!read_required (row, r, ESC_ASSIGNMENT_ID, error) ||
          !read_required (row, r, ESC_ASSIGNMENT_EMPLOYEE, error) ||
          !read_required (row, r, ESC_ASSIGNMENT_TEAM, error) ||
          !read_required (row, r, ESC_ASSIGNMENT_CATEGORY, error) ||
          !read_enum (row, r, ESC_ASSIGNMENT_POSITION, &position, error) ||
          !read_number (row, r, ESC_ASSIGNMENT_HOURS_4W, 0.0, &hours_4w, error) ||
          !read_number (row, r, ESC_ASSIGNMENT_HOURS_12W, 0.0, &hours_12w, error) ||
          !read_bool (row, r, ESC_ASSIGNMENT_ELIGIBLE_FOR_TRAINEE, FALSE, &eligible, error))
        return FALSE;
      esc_reassign_input_add_assignment (self, esc_row_get (row, ESC_ASSIGNMENT_ID),
                                         esc_row_get (row, ESC_ASSIGNMENT_EMPLOYEE),
                                         esc_row_get (row, ESC_ASSIGNMENT_TEAM),
                                         esc_row_get (row, ESC_ASSIGNMENT_CATEGORY), position,
                                         hours_4w, hours_12w, eligible);
    }
  return TRUE;
}

static gboolean
read_employees (EscReassignInput *self,
                EscTable         *table,
                GError          **error)
{
  for (guint r = 0; r < esc_table_get_n_rows (table); r++)
    {
      EscRow *row = esc_table_get_row (table, r);
      gboolean full_time = TRUE, trainee = FALSE;
      EscJulian start_date = 0;
      double spare = 0.0;

      if (row_is_empty (row))
        continue;
      if (!read_required (row, r, ESC_EMPLOYEE_ID, error) ||
          !read_bool (row, r, ESC_EMPLOYEE_FULL_TIME, TRUE, &full_time, error) ||
          !read_bool (row, r, ESC_EMPLOYEE_TRAINEE, FALSE, &trainee, error) ||
          !read_date (row, r, ESC_EMPLOYEE_START_DATE, &start_date, error) ||
          !read_hours (row, r, ESC_EMPLOYEE_SPARE_CAPACITY, &spare, error))
        return FALSE;
      esc_reassign_input_add_employee (self, esc_row_get (row, ESC_EMPLOYEE_ID),
                                       esc_row_get (row, ESC_EMPLOYEE_SKILLS), full_time,
                                       trainee, start_date, spare);
    }
  return TRUE;
}

static gboolean
read_exclusions (EscReassignInput *self,
                 EscTable         *table,
                 GError          **error)
{
  for (guint r = 0; r < esc_table_get_n_rows (table); r++)
    {
      EscRow *row = esc_table_get_row (table, r);
      g_autofree char *kind = NULL;

      if (row_is_empty (row))
        continue;
      if (!read_enum (row, r, ESC_EXCLUSION_KIND, &kind, error))
        return FALSE;
      if (strcmp (kind, "request") == 0)
        esc_reassign_input_exclude_request (self, esc_row_get (row, ESC_EXCLUSION_REF));
      else if (strcmp (kind, "employee") == 0)
        esc_reassign_input_exclude_employee (self, esc_row_get (row, ESC_EXCLUSION_REF));
    }
  return TRUE;
}

static gboolean
read_history (EscReassignInput *self,
              EscTable         *table,
              GError          **error)
{
  for (guint r = 0; r < esc_table_get_n_rows (table); r++)
    {
      EscRow *row = esc_table_get_row (table, r);
      EscJulian date = 0;
      double hours = 0.0;

      if (row_is_empty (row))
        continue;
      if (!read_date (row, r, ESC_MOVE_DATE, &date, error) ||
          !read_number (row, r, ESC_MOVE_HOURS, 0.0, &hours, error))
        return FALSE;
      esc_reassign_input_add_history (self, esc_row_get (row, ESC_MOVE_ASSIGNMENT),
                                      esc_row_get (row, ESC_MOVE_EMPLOYEE),
                                      esc_row_get (row, ESC_MOVE_OLD_TEAM),
                                      esc_row_get (row, ESC_MOVE_NEW_TEAM), date, hours);
    }
  return TRUE;
}

EscReassignInput *
esc_reassign_input_new_from_project (EscProject *project,
                                     EscJulian   today,
                                     GError    **error)
{
  g_autoptr(EscReassignInput) self = NULL;

  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  self = esc_reassign_input_new (today);
  self->generation = esc_project_get_generation (project);
  if (!read_requests (self, esc_project_get_table (project, ESC_TABLE_REQUEST), error) ||
      !read_assignments (self, esc_project_get_table (project, ESC_TABLE_ASSIGNMENT), error) ||
      !read_employees (self, esc_project_get_table (project, ESC_TABLE_EMPLOYEE), error) ||
      !read_exclusions (self, esc_project_get_table (project, ESC_TABLE_EXCLUSION), error) ||
      !read_history (self, esc_project_get_table (project, ESC_TABLE_MOVE), error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Preparation -------------------------------------------------------------------------- */

static void
group_free (gpointer data)
{
  EscReassignGroup *group = data;

  g_free (group->key);
  g_free (group->team);
  g_free (group->category);
  g_strfreev (group->request_ids);
  g_strfreev (group->risk_resources);
  g_clear_pointer (&group->options, g_ptr_array_unref);
  g_free (group);
}

static void
prep_group_free (gpointer data)
{
  EscReassignPrepGroup *group = data;

  group_free (group->group);
  g_free (group->category_key);
  g_hash_table_unref (group->risk);
  g_array_unref (group->candidates);
  g_free (group);
}

static void
candidate_clear (gpointer data)
{
  EscReassignCandidate *candidate = data;

  g_free (candidate->category_key);
}

void
esc_reassign_prep_free (EscReassignPrep *prep)
{
  if (prep == NULL)
    return;
  esc_reassign_input_unref (prep->input);
  esc_reassign_settings_clear (&prep->settings);
  g_ptr_array_unref (prep->groups);
  g_ptr_array_unref (prep->categories);
  g_array_unref (prep->candidates);
  g_array_unref (prep->employees);
  g_hash_table_unref (prep->employee_index);
  g_hash_table_unref (prep->team_members);
  g_hash_table_unref (prep->team_risk);
  g_ptr_array_unref (prep->notes);
  g_free (prep);
}

static gboolean
is_open_stage (const char *stage)
{
  return strcmp (stage, "done") != 0 && strcmp (stage, "on_hold") != 0;
}

static gboolean
is_factored_stage (const char *stage)
{
  return strcmp (stage, "in_implementation") == 0 || strcmp (stage, "delayed") == 0;
}

static GHashTable *
lookup_set (GHashTable *map,
            const char *key)
{
  GHashTable *set = g_hash_table_lookup (map, key);

  if (set == NULL)
    {
      set = new_string_set ();
      g_hash_table_insert (map, g_strdup (key), set);
    }
  return set;
}

static int
find_employee (EscReassignPrep *prep,
               const char      *id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (prep->employee_index, id)) - 1;
}

static void
prepare_employees (EscReassignPrep *prep)
{
  EscReassignInput *input = prep->input;

  for (guint i = 0; i < input->employees->len; i++)
    {
      const EscReassignEmployeeRow *row = g_ptr_array_index (input->employees, i);
      EscReassignPrepEmployee employee = { row, FALSE, FALSE, FALSE };

      employee.excluded = g_hash_table_contains (input->excluded_employees, row->id);
      employee.can_backfill = !employee.excluded &&
                              row->spare_capacity > prep->settings.backfill_min_capacity +
                                                    ESC_REASSIGN_EPSILON;
      g_array_append_val (prep->employees, employee);
      if (!g_hash_table_contains (prep->employee_index, row->id))
        g_hash_table_insert (prep->employee_index, g_strdup (row->id),
                             GINT_TO_POINTER (prep->employees->len));
    }

  for (guint i = 0; i < input->history->len; i++)
    {
      const EscReassignHistoryRow *row = g_ptr_array_index (input->history, i);
      int e = find_employee (prep, row->employee);

      if (e >= 0 && row->date != 0 && row->date == input->today)
        g_array_index (prep->employees, EscReassignPrepEmployee, e).moved_today = TRUE;
    }
}

static void
prepare_candidates (EscReassignPrep *prep)
{
  EscReassignInput *input = prep->input;
  const EscReassignSettings *settings = &prep->settings;
  g_autoptr(GHashTable) history = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_unknown = 0;

  for (guint i = 0; i < input->history->len; i++)
    {
      const EscReassignHistoryRow *row = g_ptr_array_index (input->history, i);

      g_hash_table_add (history, row->assignment);
    }

  for (guint i = 0; i < input->assignments->len; i++)
    {
      const EscReassignAssignmentRow *row = g_ptr_array_index (input->assignments, i);
      EscReassignCandidate candidate = { row, 0, 0.0, NULL };
      int e = find_employee (prep, row->employee);

      g_hash_table_add (lookup_set (prep->team_members, row->team), g_strdup (row->employee));
      if (e < 0)
        {
          n_unknown++;
          continue;
        }
      if (!esc_reassign_settings_has_capacity_category (settings, row->category) ||
          MAX (row->hours_4w, row->hours_12w) < settings->min_weekly_hours - ESC_REASSIGN_EPSILON ||
          strcmp (row->position, "qa_reviewer") == 0 ||
          strcmp (row->position, "temporary") == 0 ||
          strcmp (row->position, "backup") == 0 ||
          !row->eligible_for_trainee ||
          g_hash_table_contains (history, row->id) ||
          g_array_index (prep->employees, EscReassignPrepEmployee, e).excluded)
        continue;
      candidate.employee = (guint) e;
      candidate.available = floor (row->hours_12w + ESC_REASSIGN_EPSILON);
      if (candidate.available < 1.0)
        continue;
      candidate.category_key = esc_reassign_fold (row->category);
      g_array_append_val (prep->candidates, candidate);
    }

  if (n_unknown > 0)
    g_ptr_array_add (prep->notes,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u assignment names an employee who is not in the Employee table; it cannot move",
                                                   "%u assignments name employees who are not in the Employee table; they cannot move",
                                                   n_unknown), n_unknown));
}

static int
compare_prep_groups (gconstpointer a,
                     gconstpointer b)
{
  const EscReassignGroup *ga = (*(EscReassignPrepGroup * const *) a)->group;
  const EscReassignGroup *gb = (*(EscReassignPrepGroup * const *) b)->group;
  int cmp;

  if (ga->composite != gb->composite)
    return ga->composite > gb->composite ? -1 : 1;
  if ((cmp = strcmp (ga->team, gb->team)) != 0)
    return cmp;
  return strcmp (ga->category, gb->category);
}

static void
prepare_groups (EscReassignPrep *prep)
{
  EscReassignInput *input = prep->input;
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GHashTable) category_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               NULL);
  g_autoptr(GPtrArray) category_keys = g_ptr_array_new_with_free_func (g_free);
  double min_age = 0.0, max_age = 0.0;

  for (guint i = 0; i < input->requests->len; i++)
    {
      EscReassignRequestRow *row = g_ptr_array_index (input->requests, i);

      if (!is_open_stage (row->stage) || row->hours <= ESC_REASSIGN_EPSILON ||
          g_hash_table_contains (input->excluded_requests, row->id))
        continue;
      g_ptr_array_add (open, row);
    }

  for (guint i = 0; i < open->len; i++)
    {
      EscReassignRequestRow *row = g_ptr_array_index (open, i);
      double age = row->created != 0 ? (double) input->today - (double) row->created : 0.0;

      min_age = i == 0 ? age : MIN (min_age, age);
      max_age = i == 0 ? age : MAX (max_age, age);
    }

  for (guint i = 0; i < open->len; i++)
    {
      EscReassignRequestRow *row = g_ptr_array_index (open, i);
      double age = row->created != 0 ? (double) input->today - (double) row->created : 0.0;
      double composite = row->priority + (age - min_age) / (max_age - min_age + 2.0);
      double factor = is_factored_stage (row->stage) ? prep->settings.implementation_factor : 1.0;
      double need = round (row->hours * factor * 100.0) / 100.0;
      g_autofree char *category_key = esc_reassign_fold (row->category);
      g_autofree char *key = g_strdup_printf ("%s\n%s", row->team, category_key);
      EscReassignPrepGroup *group = g_hash_table_lookup (by_key, key);
      g_auto(GStrv) ids = NULL;
      GHashTable *team_risk;

      if (group == NULL)
        {
          group = g_new0 (EscReassignPrepGroup, 1);
          group->group = g_new0 (EscReassignGroup, 1);
          group->group->team = g_strdup (row->team);
          group->group->category = g_strdup (row->category);
          group->group->key = g_strdup_printf ("%s/%s", row->team, row->category);
          group->group->composite = composite;
          group->group->request_ids = g_new0 (char *, 1);
          group->category_key = g_strdup (category_key);
          group->risk = new_string_set ();
          group->candidates = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_key, g_steal_pointer (&key), group);
          g_ptr_array_add (prep->groups, group);
        }

      group->group->requested_hours += row->hours;
      group->group->needed_hours = round ((group->group->needed_hours + need) * 100.0) / 100.0;
      group->group->composite = MAX (group->group->composite, composite);
      ids = group->group->request_ids;
      group->group->request_ids = g_new0 (char *, g_strv_length (ids) + 2);
      for (guint j = 0; ids[j] != NULL; j++)
        group->group->request_ids[j] = g_strdup (ids[j]);
      group->group->request_ids[g_strv_length (ids)] = g_strdup (row->id);

      team_risk = lookup_set (prep->team_risk, row->team);
      for (guint j = 0; row->risk_resources[j] != NULL; j++)
        {
          set_add (group->risk, row->risk_resources[j]);
          set_add (team_risk, row->risk_resources[j]);
        }
    }

  for (guint i = 0; i < prep->groups->len; i++)
    {
      EscReassignPrepGroup *group = g_ptr_array_index (prep->groups, i);

      group->group->risk_resources = set_to_sorted_strv (group->risk);
      g_ptr_array_add (sorted, group);
    }
  g_ptr_array_sort (sorted, compare_prep_groups);

  /* Serve by category: the category of the highest composite first. */
  for (guint i = 0; i < sorted->len; i++)
    {
      EscReassignPrepGroup *group = g_ptr_array_index (sorted, i);

      if (!g_hash_table_contains (category_seen, group->category_key))
        {
          g_hash_table_add (category_seen, g_strdup (group->category_key));
          g_ptr_array_add (category_keys, g_strdup (group->category_key));
          g_ptr_array_add (prep->categories, g_strdup (group->group->category));
        }
    }
  g_ptr_array_set_free_func (prep->groups, NULL);
  g_ptr_array_set_size (prep->groups, 0);
  g_ptr_array_set_free_func (prep->groups, prep_group_free);
  for (guint k = 0; k < category_keys->len; k++)
    for (guint i = 0; i < sorted->len; i++)
      {
        EscReassignPrepGroup *group = g_ptr_array_index (sorted, i);

        if (strcmp (group->category_key, g_ptr_array_index (category_keys, k)) == 0)
          g_ptr_array_add (prep->groups, group);
      }
}

static void
attach_candidates (EscReassignPrep *prep)
{
  for (guint g = 0; g < prep->groups->len; g++)
    {
      EscReassignPrepGroup *group = g_ptr_array_index (prep->groups, g);

      for (guint c = 0; c < prep->candidates->len; c++)
        {
          EscReassignCandidate *candidate = &g_array_index (prep->candidates,
                                                            EscReassignCandidate, c);
          const EscReassignEmployeeRow *employee =
            g_array_index (prep->employees, EscReassignPrepEmployee, candidate->employee).row;

          if (!strv_contains_folded (employee->skills, group->category_key))
            continue;
          if (strcmp (candidate->row->team, group->group->team) == 0 &&
              strcmp (candidate->category_key, group->category_key) == 0)
            continue;
          g_array_append_val (group->candidates, c);
        }
    }
}

EscReassignPrep *
esc_reassign_prep_new (EscReassignInput          *input,
                       const EscReassignSettings *settings)
{
  EscReassignPrep *prep = g_new0 (EscReassignPrep, 1);

  prep->input = esc_reassign_input_ref (input);
  esc_reassign_settings_copy (&prep->settings, settings);
  prep->groups = g_ptr_array_new_with_free_func (prep_group_free);
  prep->categories = g_ptr_array_new_with_free_func (g_free);
  prep->candidates = g_array_new (FALSE, TRUE, sizeof (EscReassignCandidate));
  g_array_set_clear_func (prep->candidates, candidate_clear);
  prep->employees = g_array_new (FALSE, TRUE, sizeof (EscReassignPrepEmployee));
  prep->employee_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  prep->team_members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_hash_table_unref);
  prep->team_risk = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_hash_table_unref);
  prep->notes = g_ptr_array_new_with_free_func (g_free);

  prepare_employees (prep);
  prepare_candidates (prep);
  prepare_groups (prep);
  attach_candidates (prep);
  return prep;
}

/* Scores ------------------------------------------------------------------------------- */

static void
score_common (EscReassignPrep              *prep,
              const EscReassignEmployeeRow *employee,
              const char                   *team,
              GHashTable                   *risk,
              double                        available,
              double                        needed,
              gboolean                      moved_today,
              EscReassignScore             *score)
{
  const EscReassignSettings *s = &prep->settings;
  GHashTable *members = g_hash_table_lookup (prep->team_members, team);

  memset (score, 0, sizeof *score);
  score->points[ESC_REASSIGN_TERM_PART_TIME] = employee->full_time ? s->full_time_points
                                                                   : s->part_time_points;
  if (fabs (available - needed) <= s->hours_match_tolerance + ESC_REASSIGN_EPSILON)
    score->points[ESC_REASSIGN_TERM_HOURS_MATCH] = s->hours_match_points;
  if (members != NULL && g_hash_table_contains (members, employee->id))
    {
      if (g_hash_table_size (members) == 1)
        score->points[ESC_REASSIGN_TERM_SINGLE_MEMBER] = s->single_member_penalty;
      else if (risk != NULL && g_hash_table_contains (risk, employee->id))
        score->points[ESC_REASSIGN_TERM_RISK_RESOURCE] = s->risk_resource_penalty;
      else
        score->points[ESC_REASSIGN_TERM_TEAM_MEMBER] = s->team_member_points;
    }
  if (moved_today)
    score->points[ESC_REASSIGN_TERM_MOVED_TODAY] = s->moved_today_penalty;
}

void
esc_reassign_score_candidate (EscReassignPrep  *prep,
                              guint             c,
                              guint             g,
                              double            available,
                              gboolean          moved_today,
                              EscReassignScore *score)
{
  const EscReassignCandidate *candidate = &g_array_index (prep->candidates,
                                                          EscReassignCandidate, c);
  const EscReassignPrepGroup *group = g_ptr_array_index (prep->groups, g);
  const EscReassignEmployeeRow *employee =
    g_array_index (prep->employees, EscReassignPrepEmployee, candidate->employee).row;

  score_common (prep, employee, group->group->team, group->risk, available,
                group->group->needed_hours, moved_today, score);
}

void
esc_reassign_score_backfill (EscReassignPrep  *prep,
                             guint             e,
                             const char       *team,
                             double            capacity,
                             double            hours,
                             gboolean          moved_today,
                             EscReassignScore *score)
{
  const EscReassignEmployeeRow *employee =
    g_array_index (prep->employees, EscReassignPrepEmployee, e).row;

  score_common (prep, employee, team, g_hash_table_lookup (prep->team_risk, team), capacity,
                hours, moved_today, score);
}

gboolean
esc_reassign_can_backfill (EscReassignPrep *prep,
                           guint            e,
                           guint            c)
{
  const EscReassignPrepEmployee *employee = &g_array_index (prep->employees,
                                                            EscReassignPrepEmployee, e);
  const EscReassignCandidate *candidate = &g_array_index (prep->candidates,
                                                          EscReassignCandidate, c);

  return employee->can_backfill && e != candidate->employee &&
         strv_contains_folded (employee->row->skills, candidate->category_key);
}

/* Results ------------------------------------------------------------------------------ */

void
esc_reassign_option_free (gpointer data)
{
  EscReassignOption *option = data;

  if (option == NULL)
    return;
  g_free (option->employee);
  g_free (option->assignment);
  g_free (option->team);
  g_free (option->category);
  g_free (option);
}

static void
backfill_free (gpointer data)
{
  EscReassignBackfill *backfill = data;

  g_free (backfill->employee);
  g_free (backfill);
}

void
esc_reassign_move_free (gpointer data)
{
  EscReassignMove *move = data;

  g_free (move->employee);
  g_free (move->assignment);
  g_free (move->from_team);
  g_free (move->from_category);
  g_free (move->to_team);
  g_free (move->to_category);
  g_ptr_array_unref (move->backfills);
  g_ptr_array_unref (move->backfill_options);
  g_free (move);
}

static void
capacity_free (gpointer data)
{
  EscReassignCapacity *capacity = data;

  g_free (capacity->employee);
  g_free (capacity);
}

static EscReassignGroup *
group_copy_empty (const EscReassignGroup *src)
{
  EscReassignGroup *group = g_new0 (EscReassignGroup, 1);

  group->key = g_strdup (src->key);
  group->team = g_strdup (src->team);
  group->category = g_strdup (src->category);
  group->request_ids = g_strdupv (src->request_ids);
  group->risk_resources = g_strdupv (src->risk_resources);
  group->requested_hours = src->requested_hours;
  group->needed_hours = src->needed_hours;
  group->composite = src->composite;
  group->options = g_ptr_array_new_with_free_func (esc_reassign_option_free);
  return group;
}

static int
compare_capacities (gconstpointer a,
                    gconstpointer b)
{
  const EscReassignCapacity *ca = *(EscReassignCapacity * const *) a;
  const EscReassignCapacity *cb = *(EscReassignCapacity * const *) b;

  return strcmp (ca->employee, cb->employee);
}

EscReassignResult *
esc_reassign_result_new_for_prep (EscReassignPrep *prep,
                                  EscReassignMode  mode)
{
  EscReassignResult *self = g_new0 (EscReassignResult, 1);
  g_autofree double *available = g_new0 (double, prep->employees->len + 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->mode = mode;
  self->today = prep->input->today;
  self->generation = prep->input->generation;
  esc_reassign_settings_copy (&self->settings, &prep->settings);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < prep->categories->len; i++)
    g_ptr_array_add (self->categories, g_strdup (g_ptr_array_index (prep->categories, i)));
  self->groups = g_ptr_array_new_with_free_func (group_free);
  for (guint g = 0; g < prep->groups->len; g++)
    {
      EscReassignPrepGroup *group = g_ptr_array_index (prep->groups, g);
      EscReassignGroup *copy = group_copy_empty (group->group);

      copy->n_candidates = group->candidates->len;
      g_ptr_array_add (self->groups, copy);
    }
  self->moves = g_ptr_array_new_with_free_func (esc_reassign_move_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < prep->notes->len; i++)
    g_ptr_array_add (self->notes, g_strdup (g_ptr_array_index (prep->notes, i)));

  for (guint c = 0; c < prep->candidates->len; c++)
    {
      const EscReassignCandidate *candidate = &g_array_index (prep->candidates,
                                                              EscReassignCandidate, c);

      available[candidate->employee] += candidate->available;
    }
  self->capacities = g_ptr_array_new_with_free_func (capacity_free);
  for (guint e = 0; e < prep->employees->len; e++)
    {
      const EscReassignPrepEmployee *employee = &g_array_index (prep->employees,
                                                                EscReassignPrepEmployee, e);
      EscReassignCapacity *capacity;

      if (find_employee (prep, employee->row->id) != (int) e)
        continue;  /* a duplicate id */
      capacity = g_new0 (EscReassignCapacity, 1);
      capacity->employee = g_strdup (employee->row->id);
      capacity->spare_capacity = employee->row->spare_capacity;
      capacity->available_hours = available[e];
      g_ptr_array_add (self->capacities, capacity);
    }
  g_ptr_array_sort (self->capacities, compare_capacities);
  return self;
}

EscReassignResult *
esc_reassign_result_ref (EscReassignResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
esc_reassign_result_unref (EscReassignResult *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  esc_reassign_settings_clear (&self->settings);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->groups);
  g_ptr_array_unref (self->moves);
  g_ptr_array_unref (self->capacities);
  g_ptr_array_unref (self->notes);
  g_free (self);
}

EscReassignMove *
esc_reassign_move_new (EscReassignPrep *prep,
                       guint            c,
                       guint            g)
{
  const EscReassignCandidate *candidate = &g_array_index (prep->candidates,
                                                          EscReassignCandidate, c);
  const EscReassignPrepGroup *group = g_ptr_array_index (prep->groups, g);
  EscReassignMove *move = g_new0 (EscReassignMove, 1);

  move->group = g;
  move->candidate = c;
  move->employee = g_strdup (candidate->row->employee);
  move->assignment = g_strdup (candidate->row->id);
  move->from_team = g_strdup (candidate->row->team);
  move->from_category = g_strdup (candidate->row->category);
  move->to_team = g_strdup (group->group->team);
  move->to_category = g_strdup (group->group->category);
  move->backfills = g_ptr_array_new_with_free_func (backfill_free);
  move->backfill_options = g_ptr_array_new_with_free_func (esc_reassign_option_free);
  return move;
}

EscReassignOption *
esc_reassign_option_new_candidate (EscReassignPrep        *prep,
                                   guint                   c,
                                   double                  available,
                                   const EscReassignScore *score)
{
  const EscReassignCandidate *candidate = &g_array_index (prep->candidates,
                                                          EscReassignCandidate, c);
  const EscReassignEmployeeRow *employee =
    g_array_index (prep->employees, EscReassignPrepEmployee, candidate->employee).row;
  EscReassignOption *option = g_new0 (EscReassignOption, 1);

  option->index = c;
  option->employee = g_strdup (employee->id);
  option->assignment = g_strdup (candidate->row->id);
  option->team = g_strdup (candidate->row->team);
  option->category = g_strdup (candidate->row->category);
  option->available = available;
  option->hours_12w = candidate->row->hours_12w;
  option->part_time = !employee->full_time;
  option->trainee = employee->trainee;
  option->start_date = employee->start_date;
  option->score = *score;
  return option;
}

EscReassignOption *
esc_reassign_option_new_backfill (EscReassignPrep        *prep,
                                  guint                   e,
                                  double                  capacity,
                                  const EscReassignScore *score)
{
  const EscReassignEmployeeRow *employee =
    g_array_index (prep->employees, EscReassignPrepEmployee, e).row;
  EscReassignOption *option = g_new0 (EscReassignOption, 1);

  option->index = e;
  option->employee = g_strdup (employee->id);
  option->available = capacity;
  option->part_time = !employee->full_time;
  option->trainee = employee->trainee;
  option->start_date = employee->start_date;
  option->score = *score;
  return option;
}

int
esc_reassign_compare_candidate_options (gconstpointer a,
                                        gconstpointer b)
{
  const EscReassignOption *oa = *(EscReassignOption * const *) a;
  const EscReassignOption *ob = *(EscReassignOption * const *) b;
  double sa = esc_reassign_score_total (&oa->score);
  double sb = esc_reassign_score_total (&ob->score);
  int cmp;

  if (fabs (sa - sb) > ESC_REASSIGN_EPSILON)
    return sa > sb ? -1 : 1;
  if (oa->part_time != ob->part_time)
    return oa->part_time ? -1 : 1;
  if (fabs (oa->hours_12w - ob->hours_12w) > ESC_REASSIGN_EPSILON)
    return oa->hours_12w > ob->hours_12w ? -1 : 1;
  if ((cmp = strcmp (oa->assignment, ob->assignment)) != 0)
    return cmp;
  if ((cmp = strcmp (oa->employee, ob->employee)) != 0)
    return cmp;
  return oa->index < ob->index ? -1 : oa->index > ob->index;
}

int
esc_reassign_compare_backfill_options (gconstpointer a,
                                       gconstpointer b)
{
  const EscReassignOption *oa = *(EscReassignOption * const *) a;
  const EscReassignOption *ob = *(EscReassignOption * const *) b;
  double sa = esc_reassign_score_total (&oa->score);
  double sb = esc_reassign_score_total (&ob->score);
  int cmp;

  if (oa->trainee != ob->trainee)
    return oa->trainee ? -1 : 1;
  if (oa->start_date != ob->start_date)
    {
      if (oa->start_date == 0 || ob->start_date == 0)
        return oa->start_date == 0 ? 1 : -1;
      return oa->start_date < ob->start_date ? -1 : 1;
    }
  if (fabs (oa->available - ob->available) > ESC_REASSIGN_EPSILON)
    return oa->available > ob->available ? -1 : 1;
  if (fabs (sa - sb) > ESC_REASSIGN_EPSILON)
    return sa > sb ? -1 : 1;
  if ((cmp = strcmp (oa->employee, ob->employee)) != 0)
    return cmp;
  return oa->index < ob->index ? -1 : oa->index > ob->index;
}

GPtrArray *
esc_reassign_result_get_moves_for_category (EscReassignResult *self,
                                            const char        *category)
{
  GPtrArray *moves = g_ptr_array_new ();
  g_autofree char *key = esc_reassign_fold (category);

  g_return_val_if_fail (self != NULL, moves);

  for (guint i = 0; i < self->moves->len; i++)
    {
      EscReassignMove *move = g_ptr_array_index (self->moves, i);
      g_autofree char *move_key = esc_reassign_fold (move->to_category);

      if (strcmp (move_key, key) == 0)
        g_ptr_array_add (moves, move);
    }
  return moves;
}

GPtrArray *
esc_reassign_result_get_groups_for_category (EscReassignResult *self,
                                             const char        *category)
{
  GPtrArray *groups = g_ptr_array_new ();
  g_autofree char *key = esc_reassign_fold (category);

  g_return_val_if_fail (self != NULL, groups);

  for (guint i = 0; i < self->groups->len; i++)
    {
      EscReassignGroup *group = g_ptr_array_index (self->groups, i);
      g_autofree char *group_key = esc_reassign_fold (group->category);

      if (strcmp (group_key, key) == 0)
        g_ptr_array_add (groups, group);
    }
  return groups;
}

char *
esc_reassign_result_describe (EscReassignResult *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *covered = esc_reassign_format_number (self->totals.covered_hours);
  g_autofree char *needed = esc_reassign_format_number (self->totals.needed_hours);
  g_autofree char *backfilled = esc_reassign_format_number (self->totals.backfilled_hours);
  g_autofree char *moved = esc_reassign_format_number (self->totals.moved_hours);
  g_autofree char *value = esc_reassign_format_number (self->totals.value);

  g_string_append_printf (text,
                          /* Translators: "Covered 38 of 45 hours with 6 moves (40 hours
                           * moved, 31 backfilled); plan value 3920." */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Covered %s of %s hours with %u move (%s hours moved, %s backfilled); plan value %s.",
                                       "Covered %s of %s hours with %u moves (%s hours moved, %s backfilled); plan value %s.",
                                       self->totals.n_moves),
                          covered, needed, self->totals.n_moves, moved, backfilled, value);
  if (self->has_greedy)
    {
      g_autofree char *more_hours =
        esc_reassign_format_number (self->totals.covered_hours + self->totals.backfilled_hours -
                                    self->greedy.covered_hours - self->greedy.backfilled_hours);
      g_autofree char *more_value = esc_reassign_format_number (self->totals.value -
                                                                self->greedy.value);
      g_autofree char *greedy_value = esc_reassign_format_number (self->greedy.value);

      g_string_append_c (text, ' ');
      g_string_append_printf (text,
                              /* Translators: "Optimal covers 5 more hours (moved and
                               * backfilled) and scores 520 more than greedy (3400)." */
                              _("Optimal covers %s more hours (covered and backfilled) and scores %s more than greedy (%s)."),
                              more_hours, more_value, greedy_value);
      if (self->kept_greedy)
        {
          g_string_append_c (text, ' ');
          g_string_append (text, _("The model found nothing better: this is greedy's plan."));
        }
      else if (!self->proven_optimal)
        {
          g_string_append_c (text, ' ');
          g_string_append (text, _("The time limit ended the search before optimality was proven."));
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

EscCommand *
esc_reassign_result_accept (EscReassignResult *self,
                            EscProject        *project)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *date = NULL;
  EscTable *table;
  EscCommand *command;
  g_autofree char *label = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  if (self->moves->len == 0)
    return NULL;
  date = esc_format_date (self->today);
  table = esc_project_get_table (project, ESC_TABLE_MOVE);
  for (guint i = 0; i < self->moves->len; i++)
    {
      EscReassignMove *move = g_ptr_array_index (self->moves, i);
      g_autofree char *hours = esc_reassign_format_number (move->hours);
      const char *values[ESC_MOVE_N_COLUMNS] = {
        [ESC_MOVE_ASSIGNMENT] = move->assignment,
        [ESC_MOVE_EMPLOYEE] = move->employee,
        [ESC_MOVE_OLD_TEAM] = move->from_team,
        [ESC_MOVE_NEW_TEAM] = move->to_team,
        [ESC_MOVE_DATE] = date,
        [ESC_MOVE_HOURS] = hours,
      };

      g_ptr_array_add (rows, esc_row_new_with_values (ESC_TABLE_MOVE, values));
    }
  command = esc_command_new_insert_rows (table, esc_table_get_n_rows (table), rows);
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accept %u move", "Accept %u moves",
                                        rows->len), rows->len);
  esc_command_set_label (command, label);
  return command;
}

/* Plan value --------------------------------------------------------------------------- */

static int
compare_backfills_by_score (gconstpointer a,
                            gconstpointer b)
{
  double sa = esc_reassign_score_total (&(*(EscReassignBackfill * const *) a)->score);
  double sb = esc_reassign_score_total (&(*(EscReassignBackfill * const *) b)->score);

  return sa > sb ? -1 : sa < sb;
}

void
esc_reassign_evaluate (EscReassignPrep   *prep,
                       EscReassignResult *result)
{
  const EscReassignSettings *s = &prep->settings;
  g_autofree double *covered = g_new0 (double, prep->candidates->len + 1);
  g_autoptr(GPtrArray) behind = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  EscReassignTotals *totals = &result->totals;

  memset (totals, 0, sizeof *totals);
  for (guint g = 0; g < result->groups->len; g++)
    ((EscReassignGroup *) g_ptr_array_index (result->groups, g))->covered_hours = 0.0;
  for (guint c = 0; c < prep->candidates->len; c++)
    g_ptr_array_add (behind, g_ptr_array_new ());

  for (guint i = 0; i < result->moves->len; i++)
    {
      EscReassignMove *move = g_ptr_array_index (result->moves, i);
      const EscReassignCandidate *candidate = &g_array_index (prep->candidates,
                                                              EscReassignCandidate,
                                                              move->candidate);
      const EscReassignPrepEmployee *employee = &g_array_index (prep->employees,
                                                                EscReassignPrepEmployee,
                                                                candidate->employee);
      EscReassignGroup *group = g_ptr_array_index (result->groups, move->group);
      double score;

      esc_reassign_score_candidate (prep, move->candidate, move->group, candidate->available,
                                    employee->moved_today, &move->score);
      score = esc_reassign_score_total (&move->score);
      group->covered_hours += move->covered_hours;
      totals->covered_hours += move->covered_hours;
      totals->moved_hours += move->hours;
      totals->score += score * move->covered_hours;
      totals->value += (s->covered_hour_points + score) * move->covered_hours;
      totals->n_moves++;

      move->backfilled_hours = 0.0;
      for (guint j = 0; j < move->backfills->len; j++)
        {
          EscReassignBackfill *backfill = g_ptr_array_index (move->backfills, j);
          const EscReassignPrepEmployee *helper = &g_array_index (prep->employees,
                                                                  EscReassignPrepEmployee,
                                                                  backfill->employee_index);

          esc_reassign_score_backfill (prep, backfill->employee_index, move->from_team,
                                       helper->row->spare_capacity, candidate->available,
                                       helper->moved_today, &backfill->score);
          move->backfilled_hours += backfill->hours;
          totals->backfilled_hours += backfill->hours;
          totals->n_backfills++;
          g_ptr_array_add (g_ptr_array_index (behind, move->candidate), backfill);
        }
      covered[move->candidate] += move->covered_hours;
    }

  /* Backfilled hours count up to the hours their assignment covered, the best first. */
  for (guint c = 0; c < prep->candidates->len; c++)
    {
      GPtrArray *backfills = g_ptr_array_index (behind, c);
      double room = covered[c];

      g_ptr_array_sort (backfills, compare_backfills_by_score);
      for (guint j = 0; j < backfills->len && room > ESC_REASSIGN_EPSILON; j++)
        {
          EscReassignBackfill *backfill = g_ptr_array_index (backfills, j);
          double score = esc_reassign_score_total (&backfill->score);
          double counted = MIN (backfill->hours, room);

          if (s->covered_hour_points + score <= 0.0)
            break;
          room -= counted;
          totals->score += score * counted;
          totals->value += (s->covered_hour_points + score) * counted;
        }
    }

  for (guint g = 0; g < result->groups->len; g++)
    {
      EscReassignGroup *group = g_ptr_array_index (result->groups, g);

      group->covered_hours = esc_reassign_round_hours (group->covered_hours);
      totals->needed_hours += group->needed_hours;
    }
  totals->needed_hours = esc_reassign_round_hours (totals->needed_hours);
  totals->covered_hours = esc_reassign_round_hours (totals->covered_hours);
  totals->moved_hours = esc_reassign_round_hours (totals->moved_hours);
  totals->backfilled_hours = esc_reassign_round_hours (totals->backfilled_hours);
  totals->score = esc_reassign_round_hours (totals->score);
  totals->value = esc_reassign_round_hours (totals->value);
}

/* Greedy ------------------------------------------------------------------------------- */

typedef struct
{
  double   *available;   /* per candidate */
  double   *capacity;    /* per employee */
  gboolean *moved;       /* per employee: moved in this run */
} GreedyState;

static void
backfill_move (EscReassignPrep *prep,
               GreedyState     *state,
               EscReassignMove *move)
{
  const EscReassignSettings *s = &prep->settings;
  g_autoptr(GPtrArray) ranking = g_ptr_array_new_with_free_func (esc_reassign_option_free);
  double left = move->hours;
  guint tried = 0;

  for (guint e = 0; e < prep->employees->len; e++)
    {
      const EscReassignPrepEmployee *employee = &g_array_index (prep->employees,
                                                                EscReassignPrepEmployee, e);
      EscReassignScore score;

      if (!esc_reassign_can_backfill (prep, e, move->candidate) ||
          state->capacity[e] <= s->backfill_min_capacity + ESC_REASSIGN_EPSILON)
        continue;
      esc_reassign_score_backfill (prep, e, move->from_team, state->capacity[e], left,
                                   employee->moved_today || state->moved[e], &score);
      g_ptr_array_add (ranking, esc_reassign_option_new_backfill (prep, e, state->capacity[e],
                                                                  &score));
    }
  g_ptr_array_sort (ranking, esc_reassign_compare_backfill_options);

  for (guint i = 0; i < ranking->len && tried < s->backfill_max_tries &&
                    left > ESC_REASSIGN_EPSILON; i++)
    {
      EscReassignOption *option = g_ptr_array_index (ranking, i);
      EscReassignBackfill *backfill = g_new0 (EscReassignBackfill, 1);
      double give = MIN (state->capacity[option->index], left);

      tried++;
      give = esc_reassign_round_hours (give);
      state->capacity[option->index] = esc_reassign_round_hours (state->capacity[option->index] -
                                                                 give);
      left = esc_reassign_round_hours (left - give);
      backfill->employee = g_strdup (option->employee);
      backfill->employee_index = option->index;
      backfill->hours = give;
      option->chosen_hours = give;
      g_ptr_array_add (move->backfills, backfill);
    }

  for (guint i = 0; i < ranking->len && i < s->top_options; i++)
    {
      EscReassignOption *option = g_ptr_array_index (ranking, i);

      option->rank = i + 1;
      g_ptr_array_add (move->backfill_options, g_steal_pointer (&ranking->pdata[i]));
    }
}

static void
serve_group (EscReassignPrep   *prep,
             GreedyState       *state,
             EscReassignResult *result,
             guint              g)
{
  const EscReassignSettings *s = &prep->settings;
  EscReassignPrepGroup *group = g_ptr_array_index (prep->groups, g);
  EscReassignGroup *out = g_ptr_array_index (result->groups, g);
  g_autoptr(GPtrArray) ranking = g_ptr_array_new_with_free_func (esc_reassign_option_free);
  double remaining = group->group->needed_hours;

  for (guint i = 0; i < group->candidates->len; i++)
    {
      guint c = g_array_index (group->candidates, guint, i);
      guint e = g_array_index (prep->candidates, EscReassignCandidate, c).employee;
      gboolean moved = state->moved[e] ||
                       g_array_index (prep->employees, EscReassignPrepEmployee, e).moved_today;
      EscReassignScore score;

      if (state->available[c] <= ESC_REASSIGN_EPSILON)
        continue;
      esc_reassign_score_candidate (prep, c, g, state->available[c], moved, &score);
      g_ptr_array_add (ranking, esc_reassign_option_new_candidate (prep, c, state->available[c],
                                                                   &score));
    }
  g_ptr_array_sort (ranking, esc_reassign_compare_candidate_options);
  out->n_candidates = ranking->len;

  for (guint i = 0; i < ranking->len && remaining > ESC_REASSIGN_EPSILON; i++)
    {
      EscReassignOption *option = g_ptr_array_index (ranking, i);
      guint c = option->index;
      guint e = g_array_index (prep->candidates, EscReassignCandidate, c).employee;
      double available = state->available[c];
      EscReassignMove *move = esc_reassign_move_new (prep, c, g);

      if (available <= remaining + ESC_REASSIGN_EPSILON)
        {
          /* Covers all it has: the whole assignment moves and is used up. */
          move->hours = available;
          move->covered_hours = available;
          move->used_up = TRUE;
          state->available[c] = 0.0;
        }
      else if (available >= remaining + s->keep_threshold - ESC_REASSIGN_EPSILON)
        {
          /* Enough left to keep: the needed hours move, the rest stays available. */
          move->hours = remaining;
          move->covered_hours = remaining;
          state->available[c] = esc_reassign_round_hours (available - remaining);
        }
      else
        {
          /* Too little would stay: the whole assignment moves. */
          move->hours = available;
          move->covered_hours = remaining;
          move->used_up = TRUE;
          state->available[c] = 0.0;
        }
      remaining = esc_reassign_round_hours (remaining - move->covered_hours);
      option->chosen_hours = move->hours;
      state->moved[e] = TRUE;
      backfill_move (prep, state, move);
      g_ptr_array_add (result->moves, move);
    }

  for (guint i = 0; i < ranking->len && i < s->top_options; i++)
    {
      EscReassignOption *option = g_ptr_array_index (ranking, i);

      option->rank = i + 1;
      g_ptr_array_add (out->options, g_steal_pointer (&ranking->pdata[i]));
    }
}

EscReassignResult *
esc_reassign_solve_greedy (EscReassignPrep *prep,
                           GCancellable    *cancellable,
                           GError         **error)
{
  g_autoptr(EscReassignResult) result = esc_reassign_result_new_for_prep (prep,
                                                                          ESC_REASSIGN_GREEDY);
  g_autofree double *available = g_new0 (double, prep->candidates->len + 1);
  g_autofree double *capacity = g_new0 (double, prep->employees->len + 1);
  g_autofree gboolean *moved = g_new0 (gboolean, prep->employees->len + 1);
  GreedyState state = { available, capacity, moved };

  for (guint c = 0; c < prep->candidates->len; c++)
    available[c] = g_array_index (prep->candidates, EscReassignCandidate, c).available;
  for (guint e = 0; e < prep->employees->len; e++)
    capacity[e] = g_array_index (prep->employees, EscReassignPrepEmployee, e).row->spare_capacity;

  for (guint g = 0; g < prep->groups->len; g++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      serve_group (prep, &state, result, g);
    }

  esc_reassign_evaluate (prep, result);
  return g_steal_pointer (&result);
}

/* Running ------------------------------------------------------------------------------ */

EscReassignResult *
esc_reassign_run (EscReassignInput          *input,
                  const EscReassignSettings *settings,
                  EscReassignMode            mode,
                  GCancellable              *cancellable,
                  GError                   **error)
{
  g_autoptr(EscReassignPrep) prep = NULL;
  g_autoptr(EscReassignResult) greedy = NULL;
  gint64 start = g_get_monotonic_time ();
  EscReassignResult *result;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  prep = esc_reassign_prep_new (input, settings);
  greedy = esc_reassign_solve_greedy (prep, cancellable, error);
  if (greedy == NULL)
    return NULL;
  if (mode == ESC_REASSIGN_GREEDY)
    result = g_steal_pointer (&greedy);
  else if ((result = esc_reassign_solve_optimal (prep, greedy, cancellable, error)) == NULL)
    return NULL;
  result->seconds = (g_get_monotonic_time () - start) / 1e6;
  return result;
}

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  esc_reassign_input_unref (run->input);
  esc_reassign_settings_clear (&run->settings);
  g_free (run);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RunData *run = task_data;
  GError *error = NULL;
  EscReassignResult *result;

  result = esc_reassign_run (run->input, &run->settings, run->mode, cancellable, &error);
  /* The optimal mode left a GLPK environment in this pool thread, which GLib may end
   * without GLPK knowing: free it (the model itself is already freed). */
  esc_model_release_thread_glpk ();
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) esc_reassign_result_unref);
}

void
esc_reassign_run_async (EscReassignInput          *input,
                        const EscReassignSettings *settings,
                        EscReassignMode            mode,
                        GCancellable              *cancellable,
                        GAsyncReadyCallback        callback,
                        gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *run;

  g_return_if_fail (input != NULL);
  g_return_if_fail (settings != NULL);

  run = g_new0 (RunData, 1);
  run->input = esc_reassign_input_ref (input);
  esc_reassign_settings_copy (&run->settings, settings);
  run->mode = mode;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, esc_reassign_run_async);
  g_task_set_name (task, "[escala] reassign");
  g_task_set_task_data (task, run, run_data_free);
  g_task_run_in_thread (task, run_in_thread);
}

EscReassignResult *
esc_reassign_run_finish (GAsyncResult *result,
                         GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == esc_reassign_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
