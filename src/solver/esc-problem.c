/* esc-problem.c: compiles a project into the dense, immutable EscProblem.
 *
 * The project is validated first (esc_validate_project); a project with errors is
 * refused with ESC_SOLVER_ERROR_INVALID and a message that lists the first errors and
 * their count. After that every cell is known to parse, so the compiler reads the text
 * with the core parsers and falls back to the documented default where a cell is blank.
 * All lookups by id go through GHashTable indexes built once, so compiling is linear in
 * the size of the project (200 employees x 28 days compile in a few milliseconds).
 *
 * Decisions, where scheduling.md is silent or leaves a choice:
 *
 * Horizon. Day 0 is start_date, n_days is max_horizon; planning weeks start on
 * first_day_of_week and week_of_day[] counts them from the week of day 0
 * (esc_calendar_week_index), so week 0 may be partial.
 *
 * Stores and roles. store_ids / role_ids hold only the stores and roles to plan (the
 * store_id / role_id parameters; blank = all), in table order. Employees of other
 * stores or roles, their preferences and history, and demand rows of other stores or
 * roles are left out.
 *
 * Shifts. First the rows of the Shift table, in order: with start and end, the window
 * runs start..end (end <= start crosses midnight, "24:00" ends at midnight) and the net
 * minutes are the window minus the row's break_minutes when given, else by the break
 * rule: a window longer than break_threshold_hours (default 6 h) loses break_minutes
 * (default 60) minutes. With clock times the hours column is ignored. A shift without
 * clock times has start = end = ESC_NONE and the hours column as net minutes. Then
 * one shift per distinct window written in a Pattern day cell, in the order met
 * (patterns in table order, mon..sun): its id is the canonical window text
 * (esc_format_window, "10:00 - 18:20"), from_pattern is TRUE and its net minutes follow
 * the break rule ("10:00 - 18:20" is 440 minutes, "08:00 - 16:00" 420, "18:00 - 22:00"
 * 240). When a Shift row's id already equals that text, the row is used instead.
 *
 * Patterns. A day cell is a window when esc_parse_window accepts it, else a comma list
 * of shift ids (each once); blank: no work that weekday.
 *
 * Employees. Defaults: max_consecutive_days 6, limited_weekday sun, preferred_rest,
 * max_consecutive_sundays (max_consecutive_limited), compensation deadline, min/max
 * hours, max rest days, min consecutive days on/off, max weekends and the per-shift
 * counts are ESC_NONE when blank. Without a compensation deadline worked holidays need
 * no compensation (and history yields no pending compensation). A blank name is the id.
 * At most 32 patterns per employee (the pattern mask is 32 bits): more is an error that
 * names the row. A pattern listed twice counts once.
 *
 * Leave. Parsed by esc_parse_leave into absolute minutes, shifted to day 0; intervals
 * that do not touch [0, (n_days + 1) * 1440) are dropped. An option is removed when its
 * [start, end) overlaps a leave interval. A shift without clock times could be worked
 * at any time of its day, so it is removed when leave touches any minute of that day.
 *
 * Options. Per employee and day: the union over the employee's patterns of the shifts
 * they allow on that weekday, each once, with the bits of the patterns that allow it;
 * removed on days without a Demand row of the employee's (store, role) (rule 2: a row
 * whose day is that date or that weekday, window or shift, any quantity), on leave and
 * where a ban matches (ban rows with a blank date ban every day; a blank shift would ban
 * every shift, though validation asks bans for a shift). Start is d * 1440 + the shift's start (d * 1440 for shifts without clock
 * times, ending net minutes later). Sorted by start, then shift index. Holidays do not
 * remove options (work on a holiday is allowed and earns a compensation).
 *
 * Groups. One per planned (store, role) with employees or demand rows, sorted by store
 * then role index. demand_day[d] is rule 2's test.
 *
 * Slots. Per group and day, from the demand rows with a window whose day is that date or
 * that weekday (a date row and a weekday row on the same day both count: the larger
 * requirement wins; a window never crosses midnight, validation refuses that). All
 * instants are rounded to the nearest multiple of granularity on a grid anchored at
 * 00:00 of day 0 (halves round up); a window that rounds to nothing is dropped. The
 * breakpoints are the rounded window ends and the rounded start and end of every option
 * with clock times of the group's employees (days d - 1 and d, so night shifts of the
 * day before count) that overlaps one of the windows. Slots are the pieces between
 * consecutive breakpoints that lie inside a window: required is the maximum quantity of
 * the windows containing the piece, and the under- and over-coverage weights are the
 * maxima of theirs (blank = 1). Adjacent pieces with the same requirement and weights
 * whose boundary is no option's start or end (so the same options cover both) are merged
 * into one slot. Options without clock times never cover a window (ask their coverage
 * per shift). The number of slots is bounded by the number of distinct breakpoints, so
 * a finer granularity never adds slots: on an instance whose times all lie on the
 * coarse grid, granularity 1 and 60 give the same slots.
 *
 * Shift demands. Demand rows with a shift become one EscProblemShiftDemand per (group,
 * day, shift), the maximum quantity and weights over duplicates (a weekday row and a date
 * row for the same day included); sorted by group, day, shift.
 *
 * Holidays. Only full-day holidays (full_day blank = yes) count; national blank = no.
 * store_holiday[s * n_days + d] comes from esc_project_get_store_holidays (the store's
 * location: id, state, country), the one place that decides where a holiday applies.
 *
 * History (PreviousAllocation). Only rows dated before start_date; later ones are
 * ignored. Two rows for the same employee and date add their hours (and either being
 * "C" makes it a compensation day). A day is worked when its hours are > 0 and it is not
 * "C"; a missing day is not worked.
 * - history_consecutive_days: worked days in a row ending on day -1.
 * - history_consecutive_limited: the limited weekdays before day 0, newest first, while
 *   each was worked.
 * - history_week_days / _minutes: the days of day 0's planning week before day 0, and
 *   the minutes worked on them.
 * - pending_compensations: holidays (at the employee's store) worked in the history, in
 *   date order; each "C" day compensates the earliest worked holiday before it not yet
 *   compensated. Each one left gets the deadline day index holiday + deadline (relative
 *   to day 0): a negative deadline is already overdue and stays pending, so the model
 *   has to grant it as early as it can (the deadline rule then binds from day 0).
 * - history_last_end: ESC_NONE, history has hours only.
 *
 * Preferences. ban -> EscProblemBan, prefer / day_off / shift_on / shift_off ->
 * EscProblemWish (weight blank = 1); a blank date means every day, a blank shift any
 * shift; a row dated outside the horizon is dropped.
 *
 * Parameters. min_rest_between_shifts (hours, default 11) -> min_rest_minutes;
 * ForbiddenSequence rows -> sequences (each pair once); priority_day[d] when the weekday
 * is in allocation_priority_weekdays or the day of month lies in one of the ranges of
 * allocation_priority_interval; objective_function -> levels (esc_objective_parse_levels);
 * max_solution_time and max_solution_improvement_wait in seconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-solver"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/esc-calendar.h"
#include "core/esc-validate.h"
#include "esc-problem.h"

#define MAX_PATTERNS 32
#define MAX_LISTED_ERRORS 5

G_DEFINE_QUARK (esc-solver-error-quark, esc_solver_error)

/* A Demand row of a planned store and role, parsed. */
typedef struct
{
  int store;
  int role;
  int group;
  gboolean is_date;
  gint64 day;               /* day index when is_date (may lie outside the horizon) */
  EscWeekday weekday;       /* when !is_date */
  gboolean has_window;
  int start, end;           /* minutes of the day, when has_window */
  int shift;                /* shift index, when !has_window */
  int required;
  double under_weight;
  double over_weight;
} DemandRow;

typedef struct
{
  int day;                  /* relative to day 0, < 0 */
  int minutes;
  gboolean compensation;
} HistoryDay;

/* A demand window of one group and day, rounded. */
typedef struct
{
  EscInstant start, end;
  int required;
  double under_weight, over_weight;
} Window;

typedef struct
{
  EscProject *project;
  EscProblem *problem;
  int n_stores;
  int n_roles;
  int break_threshold;      /* minutes */
  int break_minutes;
  GHashTable *store_index;  /* planned stores: id -> index + 1 */
  GHashTable *role_index;   /* planned roles: id -> index + 1 */
  GHashTable *pattern_index;
  GArray *demands;          /* DemandRow */
  gboolean *has_group;      /* n_stores * n_roles */
  int *group_of;            /* n_stores * n_roles: group index or ESC_NONE */
  GPtrArray *histories;     /* per employee: GArray of HistoryDay */
  GHashTable *holidays;     /* julian -> gboolean[n_stores] */
} Compiler;

static void
compiler_clear (Compiler *c)
{
  g_clear_pointer (&c->store_index, g_hash_table_unref);
  g_clear_pointer (&c->role_index, g_hash_table_unref);
  g_clear_pointer (&c->pattern_index, g_hash_table_unref);
  g_clear_pointer (&c->demands, g_array_unref);
  g_clear_pointer (&c->has_group, g_free);
  g_clear_pointer (&c->group_of, g_free);
  g_clear_pointer (&c->histories, g_ptr_array_unref);
  g_clear_pointer (&c->holidays, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Compiler, compiler_clear)

/* Freeing */

static void
shift_free (gpointer data)
{
  EscProblemShift *shift = data;

  g_free (shift->id);
  g_free (shift);
}

static void
pattern_free (gpointer data)
{
  EscProblemPattern *pattern = data;

  g_free (pattern->id);
  for (guint wd = 0; wd < ESC_N_WEEKDAYS; wd++)
    g_clear_pointer (&pattern->allowed[wd], g_array_unref);
  g_free (pattern);
}

static void
employee_free (gpointer data)
{
  EscProblemEmployee *employee = data;

  g_free (employee->id);
  g_free (employee->name);
  g_free (employee->max_shift_count);
  g_free (employee->patterns);
  g_clear_pointer (&employee->leave, g_array_unref);
  g_clear_pointer (&employee->bans, g_array_unref);
  g_clear_pointer (&employee->wishes, g_array_unref);
  g_clear_pointer (&employee->pending_compensations, g_array_unref);
  g_free (employee->day_offset);
  g_free (employee->pinned);
  g_free (employee);
}

static void
group_free (gpointer data)
{
  EscProblemGroup *group = data;

  g_clear_pointer (&group->employees, g_array_unref);
  g_free (group->demand_day);
  g_free (group);
}

static void
objective_level_free (gpointer data)
{
  EscObjectiveLevel *level = data;

  g_free (level->text);
  g_free (level);
}

static EscProblem *
problem_new (void)
{
  EscProblem *problem = g_new0 (EscProblem, 1);

  g_atomic_ref_count_init (&problem->ref_count);
  problem->granularity = 1;
  problem->priority_ranges = g_array_new (FALSE, FALSE, sizeof (EscDayRange));
  problem->store_ids = g_ptr_array_new_with_free_func (g_free);
  problem->role_ids = g_ptr_array_new_with_free_func (g_free);
  problem->shifts = g_ptr_array_new_with_free_func (shift_free);
  problem->patterns = g_ptr_array_new_with_free_func (pattern_free);
  problem->employees = g_ptr_array_new_with_free_func (employee_free);
  problem->groups = g_ptr_array_new_with_free_func (group_free);
  problem->options = g_array_new (FALSE, FALSE, sizeof (EscProblemOption));
  problem->slots = g_array_new (FALSE, FALSE, sizeof (EscProblemSlot));
  problem->shift_demands = g_array_new (FALSE, FALSE, sizeof (EscProblemShiftDemand));
  problem->sequences = g_array_new (FALSE, FALSE, sizeof (EscProblemSequence));
  problem->levels = g_ptr_array_new_with_free_func (objective_level_free);
  problem->employee_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  problem->shift_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return problem;
}

static void
problem_free (EscProblem *problem)
{
  g_free (problem->week_of_day);
  g_clear_pointer (&problem->priority_ranges, g_array_unref);
  g_free (problem->priority_day);
  g_clear_pointer (&problem->store_ids, g_ptr_array_unref);
  g_clear_pointer (&problem->role_ids, g_ptr_array_unref);
  g_free (problem->store_holiday);
  g_clear_pointer (&problem->shifts, g_ptr_array_unref);
  g_clear_pointer (&problem->patterns, g_ptr_array_unref);
  g_clear_pointer (&problem->employees, g_ptr_array_unref);
  g_clear_pointer (&problem->groups, g_ptr_array_unref);
  g_clear_pointer (&problem->options, g_array_unref);
  g_clear_pointer (&problem->slots, g_array_unref);
  g_clear_pointer (&problem->shift_demands, g_array_unref);
  g_clear_pointer (&problem->sequences, g_array_unref);
  g_clear_pointer (&problem->levels, g_ptr_array_unref);
  g_clear_pointer (&problem->employee_index, g_hash_table_unref);
  g_clear_pointer (&problem->shift_index, g_hash_table_unref);
  g_free (problem);
}

/* Reading cells and parameters */

static char *
get_text (EscRow *row,
          guint   column)
{
  return esc_strip_dup (esc_row_get (row, column));
}

static int
clamp_int (gint64 value)
{
  return (int) CLAMP (value, G_MININT / 2, G_MAXINT / 2);
}

static int
parse_int_or (const char *text,
              int         fallback)
{
  gint64 value;

  if (text == NULL || !esc_parse_int (text, &value, NULL))
    return fallback;
  return clamp_int (value);
}

static int
parse_hours_or (const char *text,
                int         fallback)
{
  int minutes;

  if (text == NULL || !esc_parse_hours (text, &minutes, NULL))
    return fallback;
  return minutes;
}

static double
parse_number_or (const char *text,
                 double      fallback)
{
  double value;

  if (text == NULL || !esc_parse_number (text, &value, NULL))
    return fallback;
  return value;
}

static int
get_int (EscRow *row,
         guint   column,
         int     fallback)
{
  return parse_int_or (esc_row_get (row, column), fallback);
}

static int
get_hours (EscRow *row,
           guint   column,
           int     fallback)
{
  return parse_hours_or (esc_row_get (row, column), fallback);
}

static double
get_number (EscRow *row,
            guint   column,
            double  fallback)
{
  return parse_number_or (esc_row_get (row, column), fallback);
}

static int
get_weekday (EscRow *row,
             guint   column,
             int     fallback)
{
  EscWeekday weekday;

  if (!esc_parse_weekday (esc_row_get (row, column), &weekday, NULL))
    return fallback;
  return weekday;
}

static int
lookup_index (GHashTable *index,
              const char *id)
{
  gpointer value = g_hash_table_lookup (index, id);

  return value != NULL ? GPOINTER_TO_INT (value) - 1 : ESC_NONE;
}

/* Looks up the trimmed text of @column. */
static int
lookup_cell (GHashTable *index,
             EscRow     *row,
             guint       column)
{
  g_autofree char *id = get_text (row, column);

  return lookup_index (index, id);
}

static void
add_index (GHashTable *index,
           const char *id,
           int         position)
{
  if (!g_hash_table_contains (index, id))
    g_hash_table_insert (index, g_strdup (id), GINT_TO_POINTER (position + 1));
}

static GHashTable *
new_index (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* The error of a cell, as esc_diagnostic_to_string prints diagnostics. */
static void
set_cell_error (GError     **error,
                EscTableId   table,
                int          row,
                int          column,
                const char  *message)
{
  g_autoptr(EscDiagnostic) diagnostic = esc_diagnostic_new (ESC_SEVERITY_ERROR, table, row,
                                                            column, message);
  g_autofree char *text = esc_diagnostic_to_string (diagnostic);

  g_set_error_literal (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INVALID, text);
}

static gboolean
check_valid (EscProject  *project,
             GError     **error)
{
  g_autoptr(GPtrArray) diagnostics = esc_validate_project (project);
  guint n_errors = esc_validate_count_errors (diagnostics);
  g_autoptr(GString) message = NULL;
  guint listed = 0;

  if (n_errors == 0)
    return TRUE;

  message = g_string_new (NULL);
  g_string_append_printf (message,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "The project has %u error; fix it before solving:",
                                       "The project has %u errors; fix them before solving:",
                                       n_errors),
                          n_errors);
  for (guint i = 0; i < diagnostics->len && listed < MAX_LISTED_ERRORS; i++)
    {
      const EscDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *text = NULL;

      if (diagnostic->severity != ESC_SEVERITY_ERROR)
        continue;
      text = esc_diagnostic_to_string (diagnostic);
      g_string_append_printf (message, "\n  %s", text);
      listed++;
    }
  if (n_errors > listed)
    g_string_append_printf (message,
                            g_dngettext (GETTEXT_PACKAGE, "\n  … and %u more error",
                                         "\n  … and %u more errors", n_errors - listed),
                            n_errors - listed);

  g_set_error_literal (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INVALID, message->str);
  return FALSE;
}

/* Horizon and parameters */

static gboolean
compile_horizon (Compiler  *c,
                 GError   **error)
{
  EscProblem *p = c->problem;
  g_autoptr(GError) local_error = NULL;
  EscJulian start;
  int days;

  if (!esc_project_get_start_date (c->project, &start, &local_error) ||
      !esc_project_get_horizon (c->project, &days, &local_error))
    {
      g_set_error_literal (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  p->start_julian = start;
  p->n_days = days;
  p->first_day_of_week = esc_project_get_first_day_of_week (c->project);
  p->week_of_day = g_new (int, days);
  for (int d = 0; d < days; d++)
    p->week_of_day[d] = esc_calendar_week_index (start, start + d, p->first_day_of_week);
  p->n_weeks = p->week_of_day[days - 1] + 1;
  return TRUE;
}

static const char *
get_parameter (Compiler   *c,
               const char *key)
{
  return esc_project_get_parameter (c->project, key);
}

static void
compile_parameters (Compiler *c)
{
  EscProblem *p = c->problem;
  g_autoptr(GArray) ranges = NULL;
  EscWeekdaySet weekdays = 0;

  p->generation = esc_project_get_generation (c->project);
  p->granularity = MAX (1, parse_int_or (get_parameter (c, "granularity"), 1));
  p->min_rest_minutes = parse_hours_or (get_parameter (c, "min_rest_between_shifts"), 11 * 60);
  c->break_threshold = parse_hours_or (get_parameter (c, "break_threshold_hours"), 6 * 60);
  c->break_minutes = MAX (0, parse_int_or (get_parameter (c, "break_minutes"), 60));
  p->max_seconds = parse_number_or (get_parameter (c, "max_solution_time"), 60);
  p->improvement_wait = parse_number_or (get_parameter (c, "max_solution_improvement_wait"),
                                         10);

  if (esc_parse_weekday_set (get_parameter (c, "allocation_priority_weekdays"), &weekdays,
                             NULL))
    p->priority_weekdays = weekdays;
  if (esc_parse_day_ranges (get_parameter (c, "allocation_priority_interval"), &ranges, NULL))
    g_array_append_vals (p->priority_ranges, ranges->data, ranges->len);

  p->priority_day = g_new0 (gboolean, p->n_days);
  for (int d = 0; d < p->n_days; d++)
    {
      EscJulian julian = p->start_julian + d;
      int day_of_month = esc_julian_day_of_month (julian);

      if (p->priority_weekdays & (1u << esc_julian_weekday (julian)))
        p->priority_day[d] = TRUE;
      for (guint i = 0; i < p->priority_ranges->len; i++)
        {
          const EscDayRange *range = &g_array_index (p->priority_ranges, EscDayRange, i);

          if (day_of_month >= range->first && day_of_month <= range->last)
            p->priority_day[d] = TRUE;
        }
    }
}

/* Stores and roles to plan, in table order. */
static void
compile_planned (Compiler   *c,
                 EscTableId  table_id,
                 const char *parameter,
                 GPtrArray  *ids,
                 GHashTable *index)
{
  EscTable *table = esc_project_get_table (c->project, table_id);
  guint id_column = (guint) esc_table_get_schema (table)->id_column;
  g_auto(GStrv) wanted = esc_split_list (get_parameter (c, parameter));

  for (guint r = 0; r < esc_table_get_n_rows (table); r++)
    {
      g_autofree char *id = get_text (esc_table_get_row (table, r), id_column);

      if (*id == '\0' || g_hash_table_contains (index, id))
        continue;
      if (wanted[0] != NULL && !g_strv_contains ((const char * const *) wanted, id))
        continue;
      add_index (index, id, ids->len);
      g_ptr_array_add (ids, g_steal_pointer (&id));
    }
}

static void
compile_stores (Compiler *c)
{
  EscProblem *p = c->problem;

  c->store_index = new_index ();
  c->role_index = new_index ();
  compile_planned (c, ESC_TABLE_STORE, "store_id", p->store_ids, c->store_index);
  compile_planned (c, ESC_TABLE_ROLE, "role_id", p->role_ids, c->role_index);
  c->n_stores = p->store_ids->len;
  c->n_roles = p->role_ids->len;
}

/* Shifts and patterns */

static int
apply_break_rule (Compiler *c,
                  int       window)
{
  if (window > c->break_threshold)
    return MAX (0, window - c->break_minutes);
  return window;
}

static void
compile_shifts (Compiler *c)
{
  EscProblem *p = c->problem;
  EscTable *table = esc_project_get_table (c->project, ESC_TABLE_SHIFT);

  for (guint r = 0; r < esc_table_get_n_rows (table); r++)
    {
      EscRow *row = esc_table_get_row (table, r);
      EscProblemShift *shift = g_new0 (EscProblemShift, 1);
      int start, end;

      shift->id = get_text (row, ESC_SHIFT_ID);
      if (esc_parse_time (esc_row_get (row, ESC_SHIFT_START), FALSE, &start, NULL) &&
          esc_parse_time (esc_row_get (row, ESC_SHIFT_END), TRUE, &end, NULL))
        {
          if (end <= start)
            end += ESC_MINUTES_PER_DAY;
          shift->start = start;
          shift->end = end;
          if (!esc_row_is_empty (row, ESC_SHIFT_BREAK_MINUTES))
            shift->net_minutes = MAX (0, end - start - get_int (row, ESC_SHIFT_BREAK_MINUTES, 0));
          else
            shift->net_minutes = apply_break_rule (c, end - start);
        }
      else
        {
          shift->start = ESC_NONE;
          shift->end = ESC_NONE;
          shift->net_minutes = get_hours (row, ESC_SHIFT_HOURS, 0);
        }
      add_index (p->shift_index, shift->id, p->shifts->len);
      g_ptr_array_add (p->shifts, shift);
    }
}

/* The shift of a window written in a pattern, made on first use. */
static int
get_window_shift (Compiler        *c,
                  const EscWindow *window)
{
  EscProblem *p = c->problem;
  g_autofree char *id = esc_format_window (window);
  int index = lookup_index (p->shift_index, id);
  EscProblemShift *shift;

  if (index >= 0)
    return index;

  shift = g_new0 (EscProblemShift, 1);
  shift->id = g_steal_pointer (&id);
  shift->start = window->start;
  shift->end = window->end;
  shift->net_minutes = apply_break_rule (c, window->end - window->start);
  shift->from_pattern = TRUE;
  add_index (p->shift_index, shift->id, p->shifts->len);
  g_ptr_array_add (p->shifts, shift);
  return p->shifts->len - 1;
}

static void
append_unique (GArray *array,
               int     value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, int, i) == value)
      return;
  g_array_append_val (array, value);
}

static void
compile_patterns (Compiler *c)
{
  EscProblem *p = c->problem;
  EscTable *table = esc_project_get_table (c->project, ESC_TABLE_PATTERN);

  c->pattern_index = new_index ();
  for (guint r = 0; r < esc_table_get_n_rows (table); r++)
    {
      EscRow *row = esc_table_get_row (table, r);
      EscProblemPattern *pattern = g_new0 (EscProblemPattern, 1);

      pattern->id = get_text (row, ESC_PATTERN_ID);
      for (guint wd = 0; wd < ESC_N_WEEKDAYS; wd++)
        {
          g_autofree char *cell = get_text (row, ESC_PATTERN_MON + wd);
          EscWindow window;

          pattern->allowed[wd] = g_array_new (FALSE, FALSE, sizeof (int));
          if (*cell == '\0')
            continue;
          if (esc_parse_window (cell, &window, NULL))
            {
              append_unique (pattern->allowed[wd], get_window_shift (c, &window));
            }
          else
            {
              g_auto(GStrv) ids = esc_split_list (cell);

              for (guint i = 0; ids[i] != NULL; i++)
                {
                  int shift = lookup_index (p->shift_index, ids[i]);

                  if (shift >= 0)
                    append_unique (pattern->allowed[wd], shift);
                }
            }
        }
      add_index (c->pattern_index, pattern->id, p->patterns->len);
      g_ptr_array_add (p->patterns, pattern);
    }
}

/* Holidays */

static void
compile_holidays (Compiler *c)
{
  EscProblem *p = c->problem;

  c->holidays = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  p->store_holiday = g_new0 (gboolean, (gsize) MAX (c->n_stores, 1) * p->n_days);
  if (c->n_stores == 0)
    return;

  /* Which holidays apply where is decided once, in core (by region, full days only). */
  for (int st = 0; st < c->n_stores; st++)
    {
      g_autoptr(GArray) dates = esc_project_get_store_holidays (
        c->project, g_ptr_array_index (p->store_ids, st), TRUE);

      for (guint i = 0; i < dates->len; i++)
        {
          EscJulian julian = g_array_index (dates, EscJulian, i);
          gboolean *at_store = g_hash_table_lookup (c->holidays, GUINT_TO_POINTER (julian));

          if (at_store == NULL)
            {
              at_store = g_new0 (gboolean, c->n_stores);
              g_hash_table_insert (c->holidays, GUINT_TO_POINTER (julian), at_store);
            }
          at_store[st] = TRUE;
        }
    }

  for (int d = 0; d < p->n_days; d++)
    {
      gboolean *at_store = g_hash_table_lookup (c->holidays,
                                                GUINT_TO_POINTER (p->start_julian + d));

      if (at_store == NULL)
        continue;
      for (int s = 0; s < c->n_stores; s++)
        p->store_holiday[s * p->n_days + d] = at_store[s];
    }
}

static gboolean
is_holiday (Compiler  *c,
            int        store,
            EscJulian  julian)
{
  gboolean *at_store = g_hash_table_lookup (c->holidays, GUINT_TO_POINTER (julian));

  return at_store != NULL && at_store[store];
}

/* Demand */

static void
mark_group (Compiler *c,
            int       store,
            int       role)
{
  c->has_group[store * c->n_roles + role] = TRUE;
}

static void
parse_demands (Compiler *c)
{
  EscProblem *p = c->problem;
  EscTable *table = esc_project_get_table (c->project, ESC_TABLE_DEMAND);

  c->demands = g_array_new (FALSE, TRUE, sizeof (DemandRow));
  for (guint r = 0; r < esc_table_get_n_rows (table); r++)
    {
      EscRow *row = esc_table_get_row (table, r);
      DemandRow demand = { 0 };
      EscJulian julian;
      EscWeekday weekday;

      demand.store = lookup_cell (c->store_index, row, ESC_DEMAND_STORE);
      demand.role = lookup_cell (c->role_index, row, ESC_DEMAND_ROLE);
      if (demand.store < 0 || demand.role < 0)
        continue;

      if (esc_parse_date (esc_row_get (row, ESC_DEMAND_DAY), &julian, NULL))
        {
          demand.is_date = TRUE;
          demand.day = (gint64) julian - (gint64) p->start_julian;
        }
      else if (esc_parse_weekday (esc_row_get (row, ESC_DEMAND_DAY), &weekday, NULL))
        {
          demand.weekday = weekday;
        }
      else
        continue;

      if (!esc_row_is_empty (row, ESC_DEMAND_START))
        {
          if (!esc_parse_time (esc_row_get (row, ESC_DEMAND_START), FALSE, &demand.start, NULL) ||
              !esc_parse_time (esc_row_get (row, ESC_DEMAND_END), TRUE, &demand.end, NULL) ||
              demand.start >= demand.end)
            continue;
          demand.has_window = TRUE;
          demand.shift = ESC_NONE;
        }
      else
        {
          demand.shift = lookup_cell (p->shift_index, row, ESC_DEMAND_SHIFT);
          if (demand.shift < 0)
            continue;
        }
      demand.required = MAX (0, get_int (row, ESC_DEMAND_QUANTITY, 0));
      demand.under_weight = get_number (row, ESC_DEMAND_UNDER_WEIGHT, 1.0);
      demand.over_weight = get_number (row, ESC_DEMAND_OVER_WEIGHT, 1.0);
      demand.group = ESC_NONE;
      mark_group (c, demand.store, demand.role);
      g_array_append_val (c->demands, demand);
    }
}

/* Whether @demand applies to day @d (its date, or its weekday). */
static gboolean
demand_applies (Compiler        *c,
                const DemandRow *demand,
                int              d)
{
  if (demand->is_date)
    return demand->day == d;
  return esc_julian_weekday (c->problem->start_julian + d) == demand->weekday;
}

/* Employees */

static gboolean
compile_employee_patterns (Compiler            *c,
                           EscProblemEmployee  *employee,
                           EscRow              *row,
                           int                  r,
                           GError             **error)
{
  g_auto(GStrv) ids = esc_split_list (esc_row_get (row, ESC_EMPLOYEE_PATTERNS));
  g_autoptr(GArray) patterns = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      int pattern = lookup_index (c->pattern_index, ids[i]);

      if (pattern >= 0)
        append_unique (patterns, pattern);
    }

  if (patterns->len > MAX_PATTERNS)
    {
      g_autofree char *message =
        g_strdup_printf (_("employee “%s” has %u patterns; expected at most %d"),
                         employee->id, patterns->len, MAX_PATTERNS);

      set_cell_error (error, ESC_TABLE_EMPLOYEE, r, ESC_EMPLOYEE_PATTERNS, message);
      return FALSE;
    }

  employee->n_patterns = patterns->len;
  employee->patterns = (int *) g_array_free (g_steal_pointer (&patterns), FALSE);
  return TRUE;
}

static void
compile_max_shifts (Compiler           *c,
                    EscProblemEmployee *employee,
                    EscRow             *row)
{
  EscProblem *p = c->problem;
  g_auto(GStrv) items = esc_split_list (esc_row_get (row, ESC_EMPLOYEE_MAX_SHIFTS));

  employee->max_shift_count = g_new (int, MAX (p->shifts->len, 1));
  for (guint s = 0; s < p->shifts->len; s++)
    employee->max_shift_count[s] = ESC_NONE;

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *colon = strrchr (items[i], ':');
      g_autofree char *id = NULL;
      int shift, count;

      if (colon == NULL)
        continue;
      id = g_strndup (items[i], colon - items[i]);
      g_strstrip (id);
      shift = lookup_index (p->shift_index, id);
      count = parse_int_or (colon + 1, ESC_NONE);
      if (shift >= 0 && count >= 0)
        employee->max_shift_count[shift] = count;
    }
}

static void
compile_leave (Compiler           *c,
               EscProblemEmployee *employee,
               EscRow             *row)
{
  EscProblem *p = c->problem;
  g_autoptr(GArray) intervals = NULL;
  EscInstant origin = (EscInstant) p->start_julian * ESC_MINUTES_PER_DAY;
  EscInstant horizon_end = (EscInstant) (p->n_days + 1) * ESC_MINUTES_PER_DAY;

  employee->leave = g_array_new (FALSE, FALSE, sizeof (EscInterval));
  if (!esc_parse_leave (esc_row_get (row, ESC_EMPLOYEE_LEAVE), &intervals, NULL))
    return;
  for (guint i = 0; i < intervals->len; i++)
    {
      EscInterval interval = g_array_index (intervals, EscInterval, i);

      interval.start -= origin;
      interval.end -= origin;
      if (interval.end > 0 && interval.start < horizon_end)
        g_array_append_val (employee->leave, interval);
    }
}

static gboolean
compile_employees (Compiler  *c,
                   GError   **error)
{
  EscProblem *p = c->problem;
  EscTable *table = esc_project_get_table (c->project, ESC_TABLE_EMPLOYEE);

  for (guint r = 0; r < esc_table_get_n_rows (table); r++)
    {
      EscRow *row = esc_table_get_row (table, r);
      EscProblemEmployee *employee;
      int store = lookup_cell (c->store_index, row, ESC_EMPLOYEE_STORE);
      int role = lookup_cell (c->role_index, row, ESC_EMPLOYEE_ROLE);

      if (store < 0 || role < 0)
        continue;

      employee = g_new0 (EscProblemEmployee, 1);
      g_ptr_array_add (p->employees, employee);
      employee->id = get_text (row, ESC_EMPLOYEE_ID);
      employee->name = get_text (row, ESC_EMPLOYEE_NAME);
      if (*employee->name == '\0')
        {
          g_free (employee->name);
          employee->name = g_strdup (employee->id);
        }
      employee->store = store;
      employee->role = role;
      employee->group = ESC_NONE;
      employee->weekly_max_minutes = get_hours (row, ESC_EMPLOYEE_WEEKLY_HOURS, 0);
      employee->max_consecutive_days = get_int (row, ESC_EMPLOYEE_MAX_CONSECUTIVE_DAYS, 6);
      employee->max_consecutive_limited = get_int (row, ESC_EMPLOYEE_MAX_CONSECUTIVE_SUNDAYS,
                                                   ESC_NONE);
      employee->limited_weekday = get_weekday (row, ESC_EMPLOYEE_LIMITED_WEEKDAY, ESC_SUN);
      employee->preferred_rest = get_weekday (row, ESC_EMPLOYEE_PREFERRED_REST, ESC_NONE);
      employee->compensation_deadline = get_int (row, ESC_EMPLOYEE_COMPENSATION_DEADLINE,
                                                 ESC_NONE);
      employee->min_minutes = get_hours (row, ESC_EMPLOYEE_MIN_HOURS, ESC_NONE);
      employee->max_minutes = get_hours (row, ESC_EMPLOYEE_MAX_HOURS, ESC_NONE);
      employee->max_rest_days = get_int (row, ESC_EMPLOYEE_MAX_REST_DAYS, ESC_NONE);
      employee->min_consecutive_days = get_int (row, ESC_EMPLOYEE_MIN_CONSECUTIVE_DAYS,
                                                ESC_NONE);
      employee->min_consecutive_off = get_int (row, ESC_EMPLOYEE_MIN_CONSECUTIVE_DAYS_OFF,
                                               ESC_NONE);
      employee->max_weekends = get_int (row, ESC_EMPLOYEE_MAX_WEEKENDS, ESC_NONE);
      compile_max_shifts (c, employee, row);
      if (!compile_employee_patterns (c, employee, row, r, error))
        return FALSE;
      compile_leave (c, employee, row);
      employee->bans = g_array_new (FALSE, FALSE, sizeof (EscProblemBan));
      employee->wishes = g_array_new (FALSE, FALSE, sizeof (EscProblemWish));
      employee->pending_compensations = g_array_new (FALSE, FALSE, sizeof (int));
      employee->history_last_end = ESC_NONE;

      add_index (p->employee_index, employee->id, p->employees->len - 1);
      mark_group (c, store, role);
    }
  return TRUE;
}

/* Groups */

static void
compile_groups (Compiler *c)
{
  EscProblem *p = c->problem;

  for (int key = 0; key < c->n_stores * c->n_roles; key++)
    {
      EscProblemGroup *group;

      c->group_of[key] = ESC_NONE;
      if (!c->has_group[key])
        continue;
      group = g_new0 (EscProblemGroup, 1);
      group->store = key / c->n_roles;
      group->role = key % c->n_roles;
      group->employees = g_array_new (FALSE, FALSE, sizeof (int));
      group->demand_day = g_new0 (gboolean, p->n_days);
      c->group_of[key] = p->groups->len;
      g_ptr_array_add (p->groups, group);
    }

  for (guint e = 0; e < p->employees->len; e++)
    {
      EscProblemEmployee *employee = esc_problem_get_employee (p, e);
      EscProblemGroup *group;
      int index = (int) e;

      employee->group = c->group_of[employee->store * c->n_roles + employee->role];
      group = g_ptr_array_index (p->groups, employee->group);
      g_array_append_val (group->employees, index);
    }

  for (guint i = 0; i < c->demands->len; i++)
    {
      DemandRow *demand = &g_array_index (c->demands, DemandRow, i);
      EscProblemGroup *group;

      demand->group = c->group_of[demand->store * c->n_roles + demand->role];
      group = g_ptr_array_index (p->groups, demand->group);
      if (demand->is_date)
        {
          if (demand->day >= 0 && demand->day < p->n_days)
            group->demand_day[demand->day] = TRUE;
        }
      else
        {
          for (int d = 0; d < p->n_days; d++)
            if (demand_applies (c, demand, d))
              group->demand_day[d] = TRUE;
        }
    }
}

/* Preferences and history */

static void
compile_preferences (Compiler *c)
{
  EscProblem *p = c->problem;
  EscTable *table = esc_project_get_table (c->project, ESC_TABLE_PREFERENCE);

  for (guint r = 0; r < esc_table_get_n_rows (table); r++)
    {
      EscRow *row = esc_table_get_row (table, r);
      int e = lookup_cell (p->employee_index, row, ESC_PREFERENCE_EMPLOYEE);
      g_autofree char *kind = NULL;
      EscProblemEmployee *employee;
      int day = ESC_NONE, shift = ESC_NONE;
      EscProblemWish wish = { 0 };

      if (e < 0)
        continue;
      employee = esc_problem_get_employee (p, e);

      if (!esc_row_is_empty (row, ESC_PREFERENCE_DATE))
        {
          EscJulian julian;
          gint64 offset;

          if (!esc_parse_date (esc_row_get (row, ESC_PREFERENCE_DATE), &julian, NULL))
            continue;
          offset = (gint64) julian - (gint64) p->start_julian;
          if (offset < 0 || offset >= p->n_days)
            continue;
          day = (int) offset;
        }
      if (!esc_row_is_empty (row, ESC_PREFERENCE_SHIFT))
        {
          shift = lookup_cell (p->shift_index, row, ESC_PREFERENCE_SHIFT);
          if (shift < 0)
            continue;
        }

      kind = get_text (row, ESC_PREFERENCE_KIND);
      if (strcmp (kind, ESC_PREFERENCE_BAN) == 0)
        {
          EscProblemBan ban = { .day = day, .shift = shift };

          g_array_append_val (employee->bans, ban);
          continue;
        }
      if (strcmp (kind, ESC_PREFERENCE_PREFER) == 0)
        wish.kind = ESC_WISH_PREFER;
      else if (strcmp (kind, ESC_PREFERENCE_DAY_OFF) == 0)
        wish.kind = ESC_WISH_DAY_OFF;
      else if (strcmp (kind, ESC_PREFERENCE_SHIFT_ON) == 0)
        wish.kind = ESC_WISH_SHIFT_ON;
      else if (strcmp (kind, ESC_PREFERENCE_SHIFT_OFF) == 0)
        wish.kind = ESC_WISH_SHIFT_OFF;
      else
        continue;
      wish.day = day;
      wish.shift = shift;
      wish.weight = get_number (row, ESC_PREFERENCE_WEIGHT, 1.0);
      g_array_append_val (employee->wishes, wish);
    }
}

static int
compare_history_days (gconstpointer a,
                      gconstpointer b)
{
  const HistoryDay *x = a, *y = b;

  return (x->day > y->day) - (x->day < y->day);
}

static const HistoryDay *
find_history_day (GArray *days,
                  int     day)
{
  HistoryDay key = { .day = day };

  if (days->len == 0)
    return NULL;
  return bsearch (&key, days->data, days->len, sizeof (HistoryDay), compare_history_days);
}

static gboolean
is_worked (GArray *days,
           int     day)
{
  const HistoryDay *entry = find_history_day (days, day);

  return entry != NULL && entry->minutes > 0 && !entry->compensation;
}

/* Sorts the days and folds duplicate dates into one. */
static void
normalize_history (GArray *days)
{
  guint out = 0;

  g_array_sort (days, compare_history_days);
  for (guint i = 0; i < days->len; i++)
    {
      HistoryDay *entry = &g_array_index (days, HistoryDay, i);

      if (out > 0 && g_array_index (days, HistoryDay, out - 1).day == entry->day)
        {
          HistoryDay *last = &g_array_index (days, HistoryDay, out - 1);

          last->minutes += entry->minutes;
          last->compensation |= entry->compensation;
          continue;
        }
      g_array_index (days, HistoryDay, out++) = *entry;
    }
  g_array_set_size (days, out);
}

static void
compile_employee_history (Compiler           *c,
                          EscProblemEmployee *employee,
                          GArray             *days)
{
  EscProblem *p = c->problem;
  g_autoptr(GQueue) holidays = g_queue_new ();
  EscJulian week_start;
  int day, offset;

  normalize_history (days);

  for (day = -1; is_worked (days, day); day--)
    employee->history_consecutive_days++;

  /* The newest limited weekday before day 0. */
  offset = ((int) esc_julian_weekday (p->start_julian - 1) - (int) employee->limited_weekday
            + ESC_N_WEEKDAYS) % ESC_N_WEEKDAYS;
  for (day = -1 - offset; is_worked (days, day); day -= ESC_N_WEEKDAYS)
    employee->history_consecutive_limited++;

  week_start = esc_calendar_week_start (p->start_julian, p->first_day_of_week);
  employee->history_week_days = (int) (p->start_julian - week_start);
  for (day = -employee->history_week_days; day < 0; day++)
    {
      const HistoryDay *entry = find_history_day (days, day);

      if (entry != NULL && !entry->compensation)
        employee->history_week_minutes += entry->minutes;
    }

  if (employee->compensation_deadline == ESC_NONE)
    return;
  for (guint i = 0; i < days->len; i++)
    {
      const HistoryDay *entry = &g_array_index (days, HistoryDay, i);

      if (entry->compensation)
        {
          if (!g_queue_is_empty (holidays))
            g_queue_pop_head (holidays);
        }
      else if (entry->minutes > 0 && is_holiday (c, employee->store, p->start_julian + entry->day))
        {
          g_queue_push_tail (holidays, GINT_TO_POINTER (entry->day));
        }
    }
  while (!g_queue_is_empty (holidays))
    {
      int deadline = GPOINTER_TO_INT (g_queue_pop_head (holidays)) +
                     employee->compensation_deadline;

      g_array_append_val (employee->pending_compensations, deadline);
    }
}

static void
compile_history (Compiler *c)
{
  EscProblem *p = c->problem;
  EscTable *table = esc_project_get_table (c->project, ESC_TABLE_PREVIOUS_ALLOCATION);

  c->histories = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint e = 0; e < p->employees->len; e++)
    g_ptr_array_add (c->histories, g_array_new (FALSE, FALSE, sizeof (HistoryDay)));

  for (guint r = 0; r < esc_table_get_n_rows (table); r++)
    {
      EscRow *row = esc_table_get_row (table, r);
      int e = lookup_cell (p->employee_index, row, ESC_PREVIOUS_EMPLOYEE);
      HistoryDay entry = { 0 };
      EscJulian julian;

      if (e < 0 ||
          !esc_parse_date (esc_row_get (row, ESC_PREVIOUS_DATE), &julian, NULL) ||
          julian >= p->start_julian ||
          !esc_parse_worked (esc_row_get (row, ESC_PREVIOUS_HOURS), &entry.minutes,
                             &entry.compensation, NULL))
        continue;
      if ((gint64) p->start_julian - julian > G_MAXINT / 2)
        continue;
      entry.day = (int) ((gint64) julian - (gint64) p->start_julian);
      g_array_append_val (g_ptr_array_index (c->histories, e), entry);
    }

  for (guint e = 0; e < p->employees->len; e++)
    compile_employee_history (c, esc_problem_get_employee (p, e),
                              g_ptr_array_index (c->histories, e));
}

/* Options */

static gboolean
option_is_allowed (const EscProblemEmployee *employee,
                   const EscProblemShift    *shift,
                   const EscProblemOption   *option)
{
  EscInstant start = option->start, end = option->end;

  if (shift->start == ESC_NONE)
    {
      start = (EscInstant) option->day * ESC_MINUTES_PER_DAY;
      end = start + ESC_MINUTES_PER_DAY;
    }
  for (guint i = 0; i < employee->leave->len; i++)
    {
      const EscInterval *leave = &g_array_index (employee->leave, EscInterval, i);

      if (leave->start < end && start < leave->end)
        return FALSE;
    }

  for (guint i = 0; i < employee->bans->len; i++)
    {
      const EscProblemBan *ban = &g_array_index (employee->bans, EscProblemBan, i);

      if ((ban->day == ESC_NONE || ban->day == option->day) &&
          (ban->shift == ESC_NONE || ban->shift == option->shift))
        return FALSE;
    }
  return TRUE;
}

static int
compare_options (const void *a,
                 const void *b)
{
  const EscProblemOption *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->shift > y->shift) - (x->shift < y->shift);
}

/* "E001\t2461385" -> the shift id of that day's pinned allocation row. */
static GHashTable *
collect_pins (Compiler *c)
{
  EscTable *table = esc_project_get_table (c->project, ESC_TABLE_ALLOCATION);
  GHashTable *pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    {
      EscRow *row = esc_table_get_row (table, i);
      g_autofree char *resource = get_text (row, ESC_ALLOCATION_RESOURCE);
      gboolean pinned = FALSE;
      EscJulian date;

      if (!esc_parse_bool (esc_row_get (row, ESC_ALLOCATION_PINNED), &pinned, NULL) || !pinned ||
          g_strcmp0 (esc_row_get (row, ESC_ALLOCATION_TYPE), ESC_ALLOCATION_TYPE_WORK) != 0 ||
          !esc_parse_date (esc_row_get (row, ESC_ALLOCATION_DATE), &date, NULL))
        continue;
      g_hash_table_insert (pins,
                           g_strdup_printf ("%s\t%u", resource, date),
                           g_strdup (esc_row_get (row, ESC_ALLOCATION_SHIFT)));
    }
  return pins;
}

/* Keeps only the pinned option of a day (moved to the day's first place); returns its
 * index, or ESC_NONE when the pinned shift is not among the day's options. */
static int
apply_pin (EscProblem *p,
           guint       first,
           const char *shift_id)
{
  for (guint o = first; o < p->options->len; o++)
    {
      const EscProblemOption *option = &g_array_index (p->options, EscProblemOption, o);

      if (g_strcmp0 (esc_problem_get_shift (p, option->shift)->id, shift_id) == 0)
        {
          EscProblemOption kept = *option;

          g_array_set_size (p->options, first);
          g_array_append_val (p->options, kept);
          return (int) first;
        }
    }
  return ESC_NONE;
}

static void
compile_options (Compiler *c)
{
  EscProblem *p = c->problem;
  g_autofree guint32 *masks = g_new0 (guint32, MAX (p->shifts->len, 1));
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) pins = collect_pins (c);

  for (guint e = 0; e < p->employees->len; e++)
    {
      EscProblemEmployee *employee = esc_problem_get_employee (p, e);
      const EscProblemGroup *group = g_ptr_array_index (p->groups, employee->group);

      employee->day_offset = g_new (guint, p->n_days + 1);
      for (int d = 0; d < p->n_days; d++)
        {
          EscWeekday weekday = esc_julian_weekday (p->start_julian + d);
          guint first = p->options->len;

          employee->day_offset[d] = first;
          if (!group->demand_day[d])
            continue;

          g_array_set_size (touched, 0);
          for (guint i = 0; i < employee->n_patterns; i++)
            {
              const EscProblemPattern *pattern = g_ptr_array_index (p->patterns,
                                                                    employee->patterns[i]);
              GArray *allowed = pattern->allowed[weekday];

              for (guint j = 0; j < allowed->len; j++)
                {
                  int s = g_array_index (allowed, int, j);

                  if (masks[s] == 0)
                    g_array_append_val (touched, s);
                  masks[s] |= 1u << i;
                }
            }

          for (guint j = 0; j < touched->len; j++)
            {
              int s = g_array_index (touched, int, j);
              const EscProblemShift *shift = esc_problem_get_shift (p, s);
              EscProblemOption option = { 0 };

              option.shift = s;
              option.net_minutes = shift->net_minutes;
              option.pattern_mask = masks[s];
              option.employee = (int) e;
              option.day = d;
              option.start = (EscInstant) d * ESC_MINUTES_PER_DAY +
                             (shift->start != ESC_NONE ? shift->start : 0);
              option.end = shift->start != ESC_NONE
                             ? (EscInstant) d * ESC_MINUTES_PER_DAY + shift->end
                             : option.start + shift->net_minutes;
              masks[s] = 0;
              if (option_is_allowed (employee, shift, &option))
                g_array_append_val (p->options, option);
            }

          if (p->options->len - first > 1)
            qsort (&g_array_index (p->options, EscProblemOption, first), p->options->len - first,
                   sizeof (EscProblemOption), compare_options);

          if (g_hash_table_size (pins) > 0)
            {
              g_autofree char *key = g_strdup_printf ("%s\t%u", employee->id, p->start_julian + d);
              const char *shift_id = g_hash_table_lookup (pins, key);
              int pinned = shift_id != NULL ? apply_pin (p, first, shift_id) : ESC_NONE;

              if (pinned != ESC_NONE)
                {
                  if (employee->pinned == NULL)
                    {
                      employee->pinned = g_new (int, p->n_days);
                      for (int k = 0; k < p->n_days; k++)
                        employee->pinned[k] = ESC_NONE;
                    }
                  employee->pinned[d] = pinned;
                }
            }
        }
      employee->day_offset[p->n_days] = p->options->len;
    }
}

/* Slots */

static int
compare_instants (gconstpointer a,
                  gconstpointer b)
{
  EscInstant x = *(const EscInstant *) a, y = *(const EscInstant *) b;

  return (x > y) - (x < y);
}

static void
sort_unique (GArray *instants)
{
  guint out = 0;

  g_array_sort (instants, compare_instants);
  for (guint i = 0; i < instants->len; i++)
    if (out == 0 || g_array_index (instants, EscInstant, out - 1) !=
                    g_array_index (instants, EscInstant, i))
      g_array_index (instants, EscInstant, out++) = g_array_index (instants, EscInstant, i);
  g_array_set_size (instants, out);
}

static gboolean
contains_instant (GArray     *sorted,
                  EscInstant  t)
{
  if (sorted->len == 0)
    return FALSE;
  return bsearch (&t, sorted->data, sorted->len, sizeof (EscInstant), compare_instants) != NULL;
}

static void
compile_group_day_slots (Compiler *c,
                         int       g,
                         int       d,
                         GArray   *rows,
                         GArray   *windows,
                         GArray   *points,
                         GArray   *option_points)
{
  EscProblem *p = c->problem;
  const EscProblemGroup *group = g_ptr_array_index (p->groups, g);
  EscInstant day_start = (EscInstant) d * ESC_MINUTES_PER_DAY;
  guint first_slot = p->slots->len;

  g_array_set_size (windows, 0);
  g_array_set_size (points, 0);
  g_array_set_size (option_points, 0);

  for (guint i = 0; i < rows->len; i++)
    {
      int row = g_array_index (rows, int, i);
      const DemandRow *demand = &g_array_index (c->demands, DemandRow, row);
      Window window;

      window.start = esc_problem_round (p, day_start + demand->start);
      window.end = esc_problem_round (p, day_start + demand->end);
      window.required = demand->required;
      window.under_weight = demand->under_weight;
      window.over_weight = demand->over_weight;
      if (window.start >= window.end)
        continue;
      g_array_append_val (windows, window);
      g_array_append_val (points, window.start);
      g_array_append_val (points, window.end);
    }
  if (windows->len == 0)
    return;

  for (guint i = 0; i < group->employees->len; i++)
    {
      const EscProblemEmployee *employee =
        esc_problem_get_employee (p, g_array_index (group->employees, int, i));

      for (int dd = MAX (d - 1, 0); dd <= d; dd++)
        for (guint o = employee->day_offset[dd]; o < employee->day_offset[dd + 1]; o++)
          {
            const EscProblemOption *option = esc_problem_get_option (p, o);
            EscInstant start, end;
            gboolean overlaps = FALSE;

            if (esc_problem_get_shift (p, option->shift)->start == ESC_NONE)
              continue;
            start = esc_problem_round (p, option->start);
            end = esc_problem_round (p, option->end);
            for (guint w = 0; w < windows->len && !overlaps; w++)
              {
                const Window *window = &g_array_index (windows, Window, w);

                overlaps = start < window->end && window->start < end;
              }
            if (!overlaps)
              continue;
            g_array_append_val (points, start);
            g_array_append_val (points, end);
            g_array_append_val (option_points, start);
            g_array_append_val (option_points, end);
          }
    }
  sort_unique (points);
  sort_unique (option_points);

  for (guint i = 0; i + 1 < points->len; i++)
    {
      EscInstant a = g_array_index (points, EscInstant, i);
      EscInstant b = g_array_index (points, EscInstant, i + 1);
      EscProblemSlot slot = { .group = g, .day = d, .start = a, .end = b, .required = -1 };

      for (guint w = 0; w < windows->len; w++)
        {
          const Window *window = &g_array_index (windows, Window, w);

          if (window->start > a || window->end < b)
            continue;
          if (slot.required < 0)
            {
              slot.required = window->required;
              slot.under_weight = window->under_weight;
              slot.over_weight = window->over_weight;
              continue;
            }
          slot.required = MAX (slot.required, window->required);
          slot.under_weight = MAX (slot.under_weight, window->under_weight);
          slot.over_weight = MAX (slot.over_weight, window->over_weight);
        }
      if (slot.required < 0)
        continue;

      if (p->slots->len > first_slot)
        {
          EscProblemSlot *last = &g_array_index (p->slots, EscProblemSlot, p->slots->len - 1);

          if (last->end == a && last->required == slot.required &&
              last->under_weight == slot.under_weight && last->over_weight == slot.over_weight &&
              !contains_instant (option_points, a))
            {
              last->end = b;
              continue;
            }
        }
      g_array_append_val (p->slots, slot);
    }
}

static void
compile_slots (Compiler *c)
{
  EscProblem *p = c->problem;
  guint n_cells = p->groups->len * p->n_days;
  g_autofree GArray **rows = g_new0 (GArray *, MAX (n_cells, 1));
  g_autoptr(GArray) windows = g_array_new (FALSE, FALSE, sizeof (Window));
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (EscInstant));
  g_autoptr(GArray) option_points = g_array_new (FALSE, FALSE, sizeof (EscInstant));

  for (guint i = 0; i < c->demands->len; i++)
    {
      const DemandRow *demand = &g_array_index (c->demands, DemandRow, i);
      int index = (int) i;

      if (!demand->has_window)
        continue;
      for (int d = 0; d < p->n_days; d++)
        {
          guint cell = demand->group * p->n_days + d;

          if (!demand_applies (c, demand, d))
            continue;
          if (rows[cell] == NULL)
            rows[cell] = g_array_new (FALSE, FALSE, sizeof (int));
          g_array_append_val (rows[cell], index);
        }
    }

  for (guint g = 0; g < p->groups->len; g++)
    for (int d = 0; d < p->n_days; d++)
      {
        GArray *cell = rows[g * p->n_days + d];

        if (cell == NULL)
          continue;
        compile_group_day_slots (c, g, d, cell, windows, points, option_points);
        g_array_unref (cell);
      }
}

static int
compare_shift_demands (gconstpointer a,
                       gconstpointer b)
{
  const EscProblemShiftDemand *x = a, *y = b;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return (x->shift > y->shift) - (x->shift < y->shift);
}

static void
compile_shift_demands (Compiler *c)
{
  EscProblem *p = c->problem;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < c->demands->len; i++)
    {
      const DemandRow *demand = &g_array_index (c->demands, DemandRow, i);

      if (demand->has_window)
        continue;
      for (int d = 0; d < p->n_days; d++)
        {
          gint64 key = ((gint64) demand->group * p->n_days + d) * p->shifts->len + demand->shift;
          gpointer found;

          if (!demand_applies (c, demand, d))
            continue;
          found = g_hash_table_lookup (seen, &key);
          if (found != NULL)
            {
              EscProblemShiftDemand *sd = &g_array_index (p->shift_demands, EscProblemShiftDemand,
                                                          GPOINTER_TO_UINT (found) - 1);

              sd->required = MAX (sd->required, demand->required);
              sd->under_weight = MAX (sd->under_weight, demand->under_weight);
              sd->over_weight = MAX (sd->over_weight, demand->over_weight);
            }
          else
            {
              EscProblemShiftDemand sd = {
                .group = demand->group, .day = d, .shift = demand->shift,
                .required = demand->required, .under_weight = demand->under_weight,
                .over_weight = demand->over_weight,
              };

              g_array_append_val (p->shift_demands, sd);
              g_hash_table_insert (seen, g_memdup2 (&key, sizeof key),
                                   GUINT_TO_POINTER (p->shift_demands->len));
            }
        }
    }
  g_array_sort (p->shift_demands, compare_shift_demands);
}

static void
compile_sequences (Compiler *c)
{
  EscProblem *p = c->problem;
  EscTable *table = esc_project_get_table (c->project, ESC_TABLE_FORBIDDEN_SEQUENCE);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint r = 0; r < esc_table_get_n_rows (table); r++)
    {
      EscRow *row = esc_table_get_row (table, r);
      EscProblemSequence sequence;
      guint key;

      sequence.first = lookup_cell (p->shift_index, row, ESC_SEQUENCE_FIRST);
      sequence.next = lookup_cell (p->shift_index, row, ESC_SEQUENCE_NEXT);
      if (sequence.first < 0 || sequence.next < 0)
        continue;
      key = (guint) sequence.first * p->shifts->len + (guint) sequence.next + 1;
      if (!g_hash_table_add (seen, GUINT_TO_POINTER (key)))
        continue;
      g_array_append_val (p->sequences, sequence);
    }
}

/* Objectives */

static const char * const objective_names[ESC_N_OBJECTIVES] = {
  [ESC_OBJ_DEMAND_FULFILLMENT] = "demand_fulfillment",
  [ESC_OBJ_HOLIDAY_COMPENSATION] = "holiday_compensation",
  [ESC_OBJ_PRIORITY_WORKING_DAYS] = "priority_working_days",
  [ESC_OBJ_WORKING_DAYS] = "working_days",
  [ESC_OBJ_PREFERABLE_RESTS] = "preferable_rests",
  [ESC_OBJ_WORKFORCE_BALANCE] = "workforce_balance",
  [ESC_OBJ_WORKING_HOURS] = "working_hours",
  [ESC_OBJ_MIN_HOURS] = "min_hours",
  [ESC_OBJ_PREFERENCES] = "preferences",
  [ESC_OBJ_OVER_COVERAGE] = "over_coverage",
};

const char *
esc_objective_name (EscObjective objective)
{
  g_return_val_if_fail ((guint) objective < ESC_N_OBJECTIVES, NULL);
  return objective_names[objective];
}

gboolean
esc_objective_is_maximised (EscObjective objective)
{
  switch (objective)
    {
    case ESC_OBJ_HOLIDAY_COMPENSATION:
    case ESC_OBJ_PRIORITY_WORKING_DAYS:
    case ESC_OBJ_WORKING_DAYS:
    case ESC_OBJ_PREFERABLE_RESTS:
    case ESC_OBJ_WORKING_HOURS:
    case ESC_OBJ_PREFERENCES:
      return TRUE;
    case ESC_OBJ_DEMAND_FULFILLMENT:
    case ESC_OBJ_WORKFORCE_BALANCE:
    case ESC_OBJ_MIN_HOURS:
    case ESC_OBJ_OVER_COVERAGE:
    case ESC_N_OBJECTIVES:
    default:
      return FALSE;
    }
}

static int
find_objective (const char *name)
{
  for (int o = 0; o < ESC_N_OBJECTIVES; o++)
    if (strcmp (objective_names[o], name) == 0)
      return o;
  return ESC_NONE;
}

static void
set_objective_error (GError    **error,
                     const char *entry,
                     const char *message)
{
  /* Translators: "objective_function: in “a*x”: expected ...". */
  g_set_error (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INVALID,
               _("objective_function: in “%s”: %s"), entry, message);
}

/* One term: a name times any number of weights. */
static gboolean
parse_objective_term (const char  *entry,
                      const char  *term,
                      int         *objective,
                      double      *weight,
                      GError     **error)
{
  g_auto(GStrv) factors = g_strsplit (term, "*", -1);

  *objective = ESC_NONE;
  *weight = 1.0;
  for (guint i = 0; factors[i] != NULL; i++)
    {
      g_autofree char *factor = esc_strip_dup (factors[i]);
      g_autofree char *message = NULL;
      double value;
      int found;

      if (*factor == '\0')
        {
          message = g_strdup_printf (_("expected a term as name, name*weight or weight*name, "
                                       "found “%s”"), term);
          set_objective_error (error, entry, message);
          return FALSE;
        }
      if (esc_parse_number (factor, &value, NULL))
        {
          if (value < 0 || !isfinite (value))
            {
              message = g_strdup_printf (_("expected a weight that is not negative, "
                                           "found “%s”"), factor);
              set_objective_error (error, entry, message);
              return FALSE;
            }
          *weight *= value;
          continue;
        }
      found = find_objective (factor);
      if (found == ESC_NONE)
        {
          g_autofree char *expected = g_strjoinv (", ", (char **) objective_names);

          message = g_strdup_printf (_("unknown objective “%s”; expected one of %s"), factor,
                                     expected);
          set_objective_error (error, entry, message);
          return FALSE;
        }
      if (*objective != ESC_NONE)
        {
          message = g_strdup_printf (_("expected one objective per term, found “%s”"), term);
          set_objective_error (error, entry, message);
          return FALSE;
        }
      *objective = found;
    }

  if (*objective == ESC_NONE)
    {
      g_autofree char *message = g_strdup_printf (_("expected an objective name in “%s”"),
                                                  term);

      set_objective_error (error, entry, message);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
esc_objective_parse_levels (const char  *text,
                            GError     **error)
{
  g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func (objective_level_free);
  g_autofree char *trimmed = esc_strip_dup (text);
  g_auto(GStrv) entries = NULL;
  gboolean seen[ESC_N_OBJECTIVES] = { FALSE };

  if (*trimmed == '\0')
    {
      g_free (trimmed);
      trimmed = g_strdup (esc_schema_get_default_objectives ());
    }

  entries = g_strsplit (trimmed, ",", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autofree char *entry = esc_strip_dup (entries[i]);
      g_auto(GStrv) terms = NULL;
      EscObjectiveLevel *level;

      if (*entry == '\0')
        {
          g_set_error (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INVALID,
                       _("objective_function: an empty entry in “%s”; expected objectives "
                         "separated by single commas"), trimmed);
          return NULL;
        }

      level = g_new0 (EscObjectiveLevel, 1);
      level->text = g_strdup (entry);
      g_ptr_array_add (levels, level);

      terms = g_strsplit (entry, "+", -1);
      for (guint j = 0; terms[j] != NULL; j++)
        {
          int objective;
          double weight;

          if (!parse_objective_term (entry, terms[j], &objective, &weight, error))
            return NULL;
          if (seen[objective])
            {
              g_set_error (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INVALID,
                           _("objective_function: objective “%s” appears twice; expected "
                             "each objective at most once"), objective_names[objective]);
              return NULL;
            }
          seen[objective] = TRUE;
          level->weight[objective] = weight;
        }
    }
  return g_steal_pointer (&levels);
}

/* Public API */

EscInstant
esc_problem_round (const EscProblem *problem,
                   EscInstant        t)
{
  gint64 g = MAX (problem->granularity, 1);
  gint64 q;

  if (g == 1)
    return t;
  q = t + g / 2;
  q = q >= 0 ? q / g : -((-q + g - 1) / g);
  return q * g;
}

gboolean
esc_problem_option_covers_slot (const EscProblem       *problem,
                                const EscProblemOption *option,
                                const EscProblemSlot   *slot)
{
  const EscProblemEmployee *employee = esc_problem_get_employee (problem, option->employee);
  EscInstant start, end;

  if (employee->group != slot->group ||
      esc_problem_get_shift (problem, option->shift)->start == ESC_NONE)
    return FALSE;
  start = esc_problem_round (problem, option->start);
  end = esc_problem_round (problem, option->end);
  return start < end && start <= slot->start && end >= slot->end;
}

int
esc_problem_find_employee (const EscProblem *problem,
                           const char       *id)
{
  g_return_val_if_fail (problem != NULL, ESC_NONE);
  return id != NULL ? lookup_index (problem->employee_index, id) : ESC_NONE;
}

int
esc_problem_find_shift (const EscProblem *problem,
                        const char       *id)
{
  g_return_val_if_fail (problem != NULL, ESC_NONE);
  return id != NULL ? lookup_index (problem->shift_index, id) : ESC_NONE;
}

EscProblem *
esc_problem_new_from_project (EscProject  *project,
                              GError     **error)
{
  g_autoptr(EscProblem) problem = NULL;
  g_auto(Compiler) c = { 0 };

  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_valid (project, error))
    return NULL;

  problem = problem_new ();
  c.project = project;
  c.problem = problem;

  if (!compile_horizon (&c, error))
    return NULL;
  compile_parameters (&c);
  g_ptr_array_free (problem->levels, TRUE);
  problem->levels = esc_objective_parse_levels (esc_project_get_parameter (project,
                                                                           "objective_function"),
                                                error);
  if (problem->levels == NULL)
    return NULL;

  compile_stores (&c);
  compile_shifts (&c);
  compile_patterns (&c);
  compile_holidays (&c);
  c.has_group = g_new0 (gboolean, MAX (c.n_stores * c.n_roles, 1));
  c.group_of = g_new0 (int, MAX (c.n_stores * c.n_roles, 1));
  parse_demands (&c);
  if (!compile_employees (&c, error))
    return NULL;
  compile_groups (&c);
  compile_preferences (&c);
  compile_history (&c);
  compile_options (&c);
  compile_slots (&c);
  compile_shift_demands (&c);
  compile_sequences (&c);

  return g_steal_pointer (&problem);
}

EscProblem *
esc_problem_ref (EscProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  g_atomic_ref_count_inc (&problem->ref_count);
  return problem;
}

void
esc_problem_unref (EscProblem *problem)
{
  g_return_if_fail (problem != NULL);

  if (g_atomic_ref_count_dec (&problem->ref_count))
    problem_free (problem);
}
