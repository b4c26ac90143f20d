/* esc-gantt-model.c: the Gantt chart's layout model, built once from a project.
 *
 * Decisions (see the header for the layout):
 * - Allocation rows are read leniently: a start or finish that does not parse falls back
 *   on the date column and the shift's clock times; a row that still has no day is left
 *   out. A finish at or before its start (a hand edit of a night shift) crosses
 *   midnight. A finish given as a date alone ends with that day.
 * - Shift colours: the Shift table's colour where it parses; otherwise the palette slot
 *   the shift id hashes to, or the next free slot when an earlier shift (in Shift table
 *   order) took it, so the shifts of a project differ while the palette lasts and a
 *   shift keeps its colour from one schedule to the next.
 * - Store colours (colour by store) take the palette the same way, in Store table order.
 * - Everything is stored in a few flat arrays (bars, leave, coverage steps, holidays)
 *   that the rows and groups point into, and strings in one string chunk with repeats
 *   stored once, so 24,000 bars cost about a megabyte and one allocation per array.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-chart"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "core/esc-table.h"
#include "core/esc-row.h"
#include "esc-gantt-model.h"
#include "esc-gantt-style.h"

#include "core/esc-calendar.h"
#include "core/esc-display.h"

#define NO_INDEX G_MAXUINT

struct _EscGanttModel
{
  EscJulian origin;
  guint n_days;
  EscWeekday first_day;
  GStringChunk *strings;

  GArray *rows;       /* EscGanttRow */
  GArray *groups;     /* EscGanttGroup */
  GArray *stores;     /* EscGanttStore */
  GArray *shifts;     /* EscGanttShift */

  EscGanttBar *bars;  /* every bar; rows point into it */
  guint n_bars;
  EscGanttInterval *leave;
  guint n_leave;
  EscGanttCoverageStep *coverage;
  guint n_coverage;
  EscGanttHoliday *holidays;
  guint n_holidays;

  guint n_units;
  guint n_employees;
  GHashTable *task_rows;      /* task id -> row + 1 (bar found by search) */
  GHashTable *employee_rows;  /* employee id -> row + 1 */
};

/* Build-time records. */

typedef struct
{
  EscInstant start;
  EscInstant end;
  guint owner;          /* employee (work, compensation) or group (extra) */
  guint32 allocation;
  gint32 net_minutes;
  gint32 missing;
  gint16 shift;
  guint8 type;
  guint8 flags;
  const char *task;
} TmpBar;

typedef struct
{
  const char *id;
  const char *name;
  guint group;
  guint first_bar;      /* in the final bar array */
  guint n_bars;
  gint32 max_bar;
  gint32 net_minutes;
  guint first_leave;
  guint n_leave;
  GArray *leave;        /* EscInterval, absolute, or NULL */
  const char *leave_text;
} TmpEmployee;

typedef struct
{
  const char *store_id;
  const char *role_id;
  guint store;
  guint role;
  gboolean has_demand;
  guint first_extra;
  guint n_extras;
  gint32 max_extra;
  GArray *employees;    /* guint employee indices */
} TmpGroup;

typedef struct
{
  int day_kind;         /* 0: a date, 1: a weekday */
  EscJulian date;
  EscWeekday weekday;
  int start;            /* minutes since midnight */
  int end;
  int quantity;
  guint group;
} TmpDemand;

typedef struct
{
  EscProject *project;
  EscGanttModel *model;
  const EscGanttModelOptions *options;

  GHashTable *store_index;     /* id -> index + 1 */
  GPtrArray *store_locations;  /* EscRow of the store's location, or NULL */
  GHashTable *role_index;      /* id -> index + 1 */
  GPtrArray *role_titles;
  GHashTable *shift_index;     /* id -> index + 1 */
  gboolean used_slots[32];

  GArray *employees;           /* TmpEmployee */
  GHashTable *employee_index;  /* id -> index + 1 */
  GArray *groups;              /* TmpGroup */
  GHashTable *group_index;     /* key -> index + 1 */
  GArray *bars;                /* TmpBar */
  GArray *demands;             /* TmpDemand */
  GHashTable *labels;          /* gint64 kind of bar -> EscGanttBar holding its labels */

  EscJulian first_day;         /* of the allocations, 0 when none */
  EscJulian last_day;
} Builder;

static const char *
intern (Builder    *b,
        const char *text)
{
  return g_string_chunk_insert_const (b->model->strings, text != NULL ? text : "");
}

/* @text without surrounding white space: @text itself when it has none (the common
 * case: no copy), else a stripped copy left in *@owned. */
static const char *
strip_text (const char  *text,
            char       **owned)
{
  gsize length = strlen (text);

  *owned = NULL;
  if (length == 0 ||
      ((guchar) text[0] < 0x80 && !g_ascii_isspace (text[0]) &&
       (guchar) text[length - 1] < 0x80 && !g_ascii_isspace (text[length - 1])))
    return text;
  *owned = esc_strip_dup (text);
  return *owned;
}

static const char *
intern_stripped (Builder    *b,
                 EscRow     *row,
                 guint       column)
{
  g_autofree char *owned = NULL;

  return intern (b, strip_text (esc_row_get (row, column), &owned));
}

static guint
lookup (GHashTable *index,
        const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (index, key)) - 1;
}

static void
insert_index (GHashTable *index,
              const char *key,
              guint       value)
{
  if (!g_hash_table_contains (index, key))
    g_hash_table_insert (index, (gpointer) key, GUINT_TO_POINTER (value + 1));
}

static guint32
take_palette_color (Builder    *b,
                    const char *id)
{
  guint size = esc_gantt_palette_get_size ();
  guint slot = esc_gantt_palette_slot_for_id (id);

  for (guint i = 0; i < size; i++)
    {
      guint probe = (slot + i) % size;

      if (!b->used_slots[probe])
        {
          b->used_slots[probe] = TRUE;
          return esc_gantt_palette_get_color (probe);
        }
    }
  return esc_gantt_palette_get_color (slot);
}

/* Stores, roles and shifts */

static guint
add_store (Builder    *b,
           const char *id,
           const char *title,
           EscRow     *location)
{
  EscGanttStore store = { .id = id, .title = title };
  guint index = b->model->stores->len;

  g_array_append_val (b->model->stores, store);
  g_ptr_array_add (b->store_locations, location);
  insert_index (b->store_index, id, index);
  return index;
}

static guint
ensure_store (Builder    *b,
              const char *id)
{
  guint index = lookup (b->store_index, id);

  if (index != NO_INDEX)
    return index;
  return add_store (b, id, *id != '\0' ? id : intern (b, _("No store")), NULL);
}

static guint
ensure_role (Builder    *b,
             const char *id)
{
  guint index = lookup (b->role_index, id);

  if (index != NO_INDEX)
    return index;
  index = b->role_titles->len;
  g_ptr_array_add (b->role_titles, (gpointer) (*id != '\0' ? id : intern (b, _("No role"))));
  insert_index (b->role_index, id, index);
  return index;
}

static void
read_stores_and_roles (Builder *b)
{
  EscTable *stores = esc_project_get_table (b->project, ESC_TABLE_STORE);
  EscTable *locations = esc_project_get_table (b->project, ESC_TABLE_LOCATION);
  EscTable *roles = esc_project_get_table (b->project, ESC_TABLE_ROLE);

  for (guint i = 0; i < esc_table_get_n_rows (stores); i++)
    {
      EscRow *row = esc_table_get_row (stores, i);
      const char *id = intern_stripped (b, row, ESC_STORE_ID);
      const char *name = intern_stripped (b, row, ESC_STORE_NAME);
      g_autofree char *location_id = esc_strip_dup (esc_row_get (row, ESC_STORE_LOCATION));

      if (*id == '\0' || lookup (b->store_index, id) != NO_INDEX)
        continue;
      add_store (b, id, *name != '\0' ? name : id, esc_table_find (locations, location_id));
    }

  for (guint i = 0; i < esc_table_get_n_rows (roles); i++)
    {
      EscRow *row = esc_table_get_row (roles, i);
      const char *id = intern_stripped (b, row, ESC_ROLE_ID);
      const char *name = intern_stripped (b, row, ESC_ROLE_NAME);
      guint index;

      if (*id == '\0' || lookup (b->role_index, id) != NO_INDEX)
        continue;
      index = ensure_role (b, id);
      if (*name != '\0')
        g_ptr_array_index (b->role_titles, index) = (gpointer) name;
    }
}

static guint
ensure_shift (Builder    *b,
              const char *id)
{
  EscGanttShift shift = { .id = id, .start = -1, .end = -1 };
  guint index = lookup (b->shift_index, id);

  if (index != NO_INDEX)
    return index;
  index = b->model->shifts->len;
  shift.color = take_palette_color (b, id);
  g_array_append_val (b->model->shifts, shift);
  insert_index (b->shift_index, id, index);
  return index;
}

static void
read_shifts (Builder *b)
{
  EscTable *table = esc_project_get_table (b->project, ESC_TABLE_SHIFT);

  /* Explicit colours first, so that palette slots go to the shifts without one. */
  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    {
      EscRow *row = esc_table_get_row (table, i);
      const char *id = intern_stripped (b, row, ESC_SHIFT_ID);
      EscGanttShift shift = { .id = id, .start = -1, .end = -1, .color = G_MAXUINT32 };
      int start, end;

      if (*id == '\0' || lookup (b->shift_index, id) != NO_INDEX)
        continue;
      if (esc_parse_time (esc_row_get (row, ESC_SHIFT_START), FALSE, &start, NULL) &&
          esc_parse_time (esc_row_get (row, ESC_SHIFT_END), TRUE, &end, NULL))
        {
          shift.start = start;
          shift.end = end <= start ? end + ESC_MINUTES_PER_DAY : end;
        }
      esc_gantt_parse_color (esc_row_get (row, ESC_SHIFT_COLOR), &shift.color);
      insert_index (b->shift_index, id, b->model->shifts->len);
      g_array_append_val (b->model->shifts, shift);
    }

  for (guint i = 0; i < b->model->shifts->len; i++)
    {
      EscGanttShift *shift = &g_array_index (b->model->shifts, EscGanttShift, i);

      if (shift->color == G_MAXUINT32)
        shift->color = take_palette_color (b, shift->id);
    }
}

/* Groups and employees */

static guint
ensure_group (Builder    *b,
              const char *store_id,
              const char *role_id)
{
  g_autofree char *key = esc_gantt_group_key (store_id, role_id);
  TmpGroup group = { 0 };
  guint index = lookup (b->group_index, key);

  if (index != NO_INDEX)
    return index;
  group.store_id = store_id;
  group.role_id = role_id;
  group.store = ensure_store (b, store_id);
  group.role = ensure_role (b, role_id);
  group.employees = g_array_new (FALSE, FALSE, sizeof (guint));
  index = b->groups->len;
  g_array_append_val (b->groups, group);
  g_hash_table_insert (b->group_index, (gpointer) intern (b, key), GUINT_TO_POINTER (index + 1));
  return index;
}

static guint
add_employee (Builder    *b,
              const char *id,
              const char *name,
              const char *store_id,
              const char *role_id,
              const char *leave_text)
{
  TmpEmployee employee = { .id = id, .name = *name != '\0' ? name : id, .leave_text = leave_text };
  guint index = b->employees->len;
  TmpGroup *group;

  employee.group = ensure_group (b, store_id, role_id);
  group = &g_array_index (b->groups, TmpGroup, employee.group);
  g_array_append_val (group->employees, index);
  g_array_append_val (b->employees, employee);
  insert_index (b->employee_index, id, index);
  return index;
}

static void
read_employees (Builder *b)
{
  EscTable *table = esc_project_get_table (b->project, ESC_TABLE_EMPLOYEE);

  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    {
      EscRow *row = esc_table_get_row (table, i);
      const char *id = intern_stripped (b, row, ESC_EMPLOYEE_ID);

      if (*id == '\0' || lookup (b->employee_index, id) != NO_INDEX)
        continue;
      add_employee (b, id, intern_stripped (b, row, ESC_EMPLOYEE_NAME),
                    intern_stripped (b, row, ESC_EMPLOYEE_STORE),
                    intern_stripped (b, row, ESC_EMPLOYEE_ROLE),
                    esc_row_get (row, ESC_EMPLOYEE_LEAVE));
    }
}

static void
read_demand (Builder *b)
{
  EscTable *table = esc_project_get_table (b->project, ESC_TABLE_DEMAND);

  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    {
      EscRow *row = esc_table_get_row (table, i);
      const char *store_id = intern_stripped (b, row, ESC_DEMAND_STORE);
      const char *role_id = intern_stripped (b, row, ESC_DEMAND_ROLE);
      TmpDemand demand = { 0 };
      gint64 quantity;
      TmpGroup *group;

      if (*store_id == '\0' || *role_id == '\0')
        continue;
      demand.group = ensure_group (b, store_id, role_id);
      group = &g_array_index (b->groups, TmpGroup, demand.group);
      group->has_demand = TRUE;

      if (esc_parse_date (esc_row_get (row, ESC_DEMAND_DAY), &demand.date, NULL))
        demand.day_kind = 0;
      else if (esc_parse_weekday (esc_row_get (row, ESC_DEMAND_DAY), &demand.weekday, NULL))
        demand.day_kind = 1;
      else
        continue;

      if (!esc_parse_int (esc_row_get (row, ESC_DEMAND_QUANTITY), &quantity, NULL))
        continue;
      demand.quantity = (int) CLAMP (quantity, 0, 100000);

      if (!esc_row_is_empty (row, ESC_DEMAND_START))
        {
          if (!esc_parse_time (esc_row_get (row, ESC_DEMAND_START), FALSE, &demand.start, NULL) ||
              !esc_parse_time (esc_row_get (row, ESC_DEMAND_END), TRUE, &demand.end, NULL) ||
              demand.start >= demand.end)
            continue;
        }
      else
        {
          g_autofree char *shift_id = esc_strip_dup (esc_row_get (row, ESC_DEMAND_SHIFT));
          guint shift = lookup (b->shift_index, shift_id);
          const EscGanttShift *s;

          if (shift == NO_INDEX)
            continue;
          s = &g_array_index (b->model->shifts, EscGanttShift, shift);
          if (s->start < 0)
            continue;
          demand.start = s->start;
          demand.end = s->end;
        }
      g_array_append_val (b->demands, demand);
    }
}

/* Allocations */

static int
digits (const char *p,
        int         n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      value = value * 10 + (p[i] - '0');
    }
  return value;
}

/* The canonical forms the solver writes, "YYYY-MM-DD HH:MM" and "YYYY-MM-DD", without
 * the general parsers (a schedule has tens of thousands of them). FALSE: not canonical,
 * ask the general parsers. */
static gboolean
parse_canonical_instant (const char *text,
                         EscJulian  *day,
                         int        *minutes,
                         gboolean   *has_time)
{
  gsize length = strlen (text);
  int year, month, mday, hour = 0, minute = 0;

  if ((length != 10 && length != 16) || text[4] != '-' || text[7] != '-')
    return FALSE;
  year = digits (text, 4);
  month = digits (text + 5, 2);
  mday = digits (text + 8, 2);
  if (length == 16)
    {
      if (text[10] != ' ' || text[13] != ':')
        return FALSE;
      hour = digits (text + 11, 2);
      minute = digits (text + 14, 2);
      if (hour < 0 || minute < 0 || minute > 59 || hour > 24 || (hour == 24 && minute > 0))
        return FALSE;
    }
  if (year < 1 || month < 1 || mday < 1 ||
      !g_date_valid_dmy ((GDateDay) mday, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  {
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, (GDateDay) mday, (GDateMonth) month, (GDateYear) year);
    *day = g_date_get_julian (&date);
  }
  *minutes = hour * 60 + minute;
  *has_time = length == 16;
  return TRUE;
}

/* "YYYY-MM-DD HH:MM" (or "DD/MM/YYYY HH:MM", or with a T) or a date alone. */
static gboolean
parse_instant (const char *text,
               EscJulian  *day,
               int        *minutes,
               gboolean   *has_time)
{
  g_autofree char *copy = NULL;

  if (parse_canonical_instant (text, day, minutes, has_time))
    return TRUE;
  copy = esc_strip_dup (text);
  char *split = NULL;

  for (char *p = copy; *p != '\0'; p++)
    if (*p == ' ' || (*p == 'T' && p - copy >= 8))
      {
        split = p;
        break;
      }

  if (split == NULL)
    {
      *has_time = FALSE;
      *minutes = 0;
      return esc_parse_date (copy, day, NULL);
    }

  *split = '\0';
  *has_time = TRUE;
  return esc_parse_date (copy, day, NULL) &&
         esc_parse_time (split + 1, TRUE, minutes, NULL);
}

static gboolean
read_row_bool (EscRow *row,
               guint   column)
{
  gboolean value = FALSE;

  if (esc_row_is_empty (row, column))
    return FALSE;
  return esc_parse_bool (esc_row_get (row, column), &value, NULL) && value;
}

static void
note_day (Builder  *b,
          EscJulian day)
{
  if (b->first_day == 0 || day < b->first_day)
    b->first_day = day;
  if (day > b->last_day)
    b->last_day = day;
}

static void
read_allocation (Builder *b,
                 EscRow  *row,
                 guint    index)
{
  g_autofree char *type_owned = NULL;
  g_autofree char *shift_owned = NULL;
  const char *type_key = strip_text (esc_row_get (row, ESC_ALLOCATION_TYPE), &type_owned);
  const char *shift_id = strip_text (esc_row_get (row, ESC_ALLOCATION_SHIFT), &shift_owned);
  TmpBar bar = { .allocation = index, .net_minutes = -1, .shift = -1 };
  EscJulian start_day = 0, finish_day = 0, date = 0;
  int start_minutes = 0, finish_minutes = 0;
  gboolean start_time = FALSE, finish_time = FALSE;
  gboolean start_ok, finish_ok;
  const EscGanttShift *shift = NULL;
  EscJulian day;

  if (g_ascii_strcasecmp (type_key, ESC_ALLOCATION_TYPE_WORK) == 0)
    bar.type = ESC_GANTT_BAR_WORK;
  else if (g_ascii_strcasecmp (type_key, ESC_ALLOCATION_TYPE_COMPENSATION) == 0)
    bar.type = ESC_GANTT_BAR_COMPENSATION;
  else if (g_ascii_strcasecmp (type_key, ESC_ALLOCATION_TYPE_EXTRA) == 0)
    bar.type = ESC_GANTT_BAR_EXTRA;
  else
    return;

  if (*shift_id != '\0')
    {
      guint s = lookup (b->shift_index, shift_id);

      if (s == NO_INDEX)
        s = ensure_shift (b, intern (b, shift_id));

      bar.shift = (gint16) MIN (s, G_MAXINT16);
      shift = &g_array_index (b->model->shifts, EscGanttShift, s);
    }

  start_ok = parse_instant (esc_row_get (row, ESC_ALLOCATION_START), &start_day, &start_minutes,
                            &start_time);
  finish_ok = parse_instant (esc_row_get (row, ESC_ALLOCATION_FINISH), &finish_day,
                             &finish_minutes, &finish_time);
  if (!esc_parse_date (esc_row_get (row, ESC_ALLOCATION_DATE), &date, NULL))
    date = 0;
  day = start_ok ? start_day : date;
  if (day == 0)
    return;

  if (bar.type == ESC_GANTT_BAR_COMPENSATION)
    {
      bar.start = (EscInstant) day * ESC_MINUTES_PER_DAY + (start_time ? start_minutes : 0);
      bar.end = (EscInstant) (day + 1) * ESC_MINUTES_PER_DAY;
      if (finish_ok && finish_time)
        {
          EscInstant end = (EscInstant) finish_day * ESC_MINUTES_PER_DAY + finish_minutes;

          if (end > bar.start)
            bar.end = end;
        }
    }
  else if (start_ok && start_time)
    {
      bar.start = (EscInstant) day * ESC_MINUTES_PER_DAY + start_minutes;
      if (finish_ok && finish_time)
        bar.end = (EscInstant) finish_day * ESC_MINUTES_PER_DAY + finish_minutes;
      else if (finish_ok)
        bar.end = (EscInstant) (finish_day + 1) * ESC_MINUTES_PER_DAY;
      else
        bar.end = bar.start;
      /* A hand-edited night shift whose finish kept the start's date. */
      if (bar.end <= bar.start && bar.end + ESC_MINUTES_PER_DAY > bar.start)
        bar.end += ESC_MINUTES_PER_DAY;
      if (bar.end <= bar.start)
        return;
    }
  else if (shift != NULL && shift->start >= 0)
    {
      bar.start = (EscInstant) day * ESC_MINUTES_PER_DAY + shift->start;
      bar.end = (EscInstant) day * ESC_MINUTES_PER_DAY + shift->end;
    }
  else
    {
      EscJulian last = finish_ok && finish_day > day ? finish_day : day;

      bar.start = (EscInstant) day * ESC_MINUTES_PER_DAY;
      bar.end = (EscInstant) (last + 1) * ESC_MINUTES_PER_DAY;
      bar.flags |= ESC_GANTT_BAR_NO_TIMES;
    }

  if (!esc_row_is_empty (row, ESC_ALLOCATION_NET_HOURS))
    {
      int minutes;

      if (esc_parse_hours (esc_row_get (row, ESC_ALLOCATION_NET_HOURS), &minutes, NULL))
        bar.net_minutes = minutes;
    }
  if (read_row_bool (row, ESC_ALLOCATION_PINNED))
    bar.flags |= ESC_GANTT_BAR_PINNED;
  bar.task = intern_stripped (b, row, ESC_ALLOCATION_TASK);
  if (b->options->violations != NULL && g_hash_table_contains (b->options->violations, bar.task))
    bar.flags |= ESC_GANTT_BAR_VIOLATION;
  if (index == G_MAXUINT32)
    bar.flags |= ESC_GANTT_BAR_REMOVED;
  else if (b->options->compare_marks != NULL)
    bar.flags |= GPOINTER_TO_UINT (g_hash_table_lookup (b->options->compare_marks, bar.task)) &
                 (ESC_GANTT_BAR_ADDED | ESC_GANTT_BAR_MOVED);

  if (bar.type == ESC_GANTT_BAR_EXTRA)
    {
      const char *store_id = intern_stripped (b, row, ESC_ALLOCATION_STORE);
      const char *role_id = intern_stripped (b, row, ESC_ALLOCATION_ROLE);
      gint64 missing = 1;

      if (*role_id == '\0')
        role_id = intern_stripped (b, row, ESC_ALLOCATION_RESOURCE);
      if (!esc_row_is_empty (row, ESC_ALLOCATION_MISSING) &&
          !esc_parse_int (esc_row_get (row, ESC_ALLOCATION_MISSING), &missing, NULL))
        missing = 1;
      bar.missing = (gint32) CLAMP (missing, 0, G_MAXINT32);
      bar.owner = ensure_group (b, store_id, role_id);
    }
  else
    {
      const char *resource = intern_stripped (b, row, ESC_ALLOCATION_RESOURCE);
      guint employee;

      if (*resource == '\0')
        return;
      employee = lookup (b->employee_index, resource);
      if (employee == NO_INDEX)
        employee = add_employee (b, resource, "", intern_stripped (b, row, ESC_ALLOCATION_STORE),
                                 intern_stripped (b, row, ESC_ALLOCATION_ROLE), "");
      bar.owner = employee;
      if (bar.type == ESC_GANTT_BAR_WORK && shift != NULL && index != G_MAXUINT32)
        g_array_index (b->model->shifts, EscGanttShift, bar.shift).n_bars++;
    }

  note_day (b, (EscJulian) (bar.start / ESC_MINUTES_PER_DAY));
  note_day (b, (EscJulian) ((bar.end - 1) / ESC_MINUTES_PER_DAY));
  g_array_append_val (b->bars, bar);
}

static void
read_allocations (Builder *b)
{
  EscTable *table = esc_project_get_table (b->project, ESC_TABLE_ALLOCATION);
  guint n_rows = esc_table_get_n_rows (table);

  g_array_set_size (b->bars, 0);
  if (b->options->allocations != NULL)
    {
      for (guint i = 0; i < b->options->allocations->len; i++)
        read_allocation (b, g_ptr_array_index (b->options->allocations, i), i);
    }
  else
    {
      for (guint i = 0; i < n_rows; i++)
        read_allocation (b, esc_table_get_row (table, i), i);
    }
  for (guint i = 0; b->options->ghosts != NULL && i < b->options->ghosts->len; i++)
    {
      EscRow *ghost = g_ptr_array_index (b->options->ghosts, i);

      /* Ghosts of extra windows and compensation days would only clutter. */
      if (g_strcmp0 (esc_row_get (ghost, ESC_ALLOCATION_TYPE), ESC_ALLOCATION_TYPE_WORK) == 0)
        read_allocation (b, ghost, G_MAXUINT32);
    }
}

/* The range */

static void
compute_range (Builder *b)
{
  EscGanttModel *model = b->model;
  EscJulian first = b->first_day;
  EscJulian last = b->last_day;
  EscJulian start;
  int days;

  if (esc_project_get_start_date (b->project, &start, NULL) &&
      esc_project_get_horizon (b->project, &days, NULL) && days > 0)
    {
      if (first == 0 || start < first)
        first = start;
      if (start + (EscJulian) days - 1 > last)
        last = start + (EscJulian) days - 1;
    }

  if (first == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now),
                      (GDateYear) g_date_time_get_year (now));
      first = esc_calendar_week_start (g_date_get_julian (&today), model->first_day);
      last = first + 6;
    }

  model->origin = first;
  model->n_days = last - first + 1;
}

static gint32
relative (EscGanttModel *model,
          EscInstant     instant)
{
  EscInstant value = instant - (EscInstant) model->origin * ESC_MINUTES_PER_DAY;

  return (gint32) CLAMP (value, -G_MAXINT32 / 2, G_MAXINT32 / 2);
}

/* Labels */

static int
minute_of_day (EscInstant instant)
{
  return (int) (((instant % ESC_MINUTES_PER_DAY) + ESC_MINUTES_PER_DAY) % ESC_MINUTES_PER_DAY);
}

static char *
format_short_time (int minutes)
{
  minutes %= ESC_MINUTES_PER_DAY;
  if (minutes % 60 == 0)
    return g_strdup_printf ("%d", minutes / 60);
  return g_strdup_printf ("%d:%02d", minutes / 60, minutes % 60);
}

static void
make_labels (Builder     *b,
             const TmpBar *tmp,
             EscGanttBar  *bar)
{
  const EscGanttShift *shift = tmp->shift >= 0
    ? &g_array_index (b->model->shifts, EscGanttShift, tmp->shift) : NULL;

  if (tmp->type == ESC_GANTT_BAR_COMPENSATION)
    {
      /* TRANSLATORS: the mark of a compensation day off on the chart */
      bar->short_label = intern (b, C_("gantt", "C"));
      bar->label = intern (b, _("Compensation"));
      bar->long_label = intern (b, _("Compensation day off"));
      return;
    }

  if (tmp->flags & ESC_GANTT_BAR_NO_TIMES)
    {
      const char *id = shift != NULL ? shift->id : "";
      gunichar first = *id != '\0' ? g_utf8_get_char (id) : 0;
      char initial[8] = "";

      if (first != 0)
        initial[g_unichar_to_utf8 (first, initial)] = '\0';
      bar->label = intern (b, id);
      bar->short_label = intern (b, initial);
      bar->long_label = bar->label;
    }
  else
    {
      int start = minute_of_day (tmp->start);
      int end = minute_of_day (tmp->end);
      g_autofree char *start_text = esc_format_time (start);
      g_autofree char *end_text = esc_format_time (end);
      g_autofree char *short_start = format_short_time (start);
      g_autofree char *short_end = format_short_time (end);
      g_autofree char *label = g_strdup_printf ("%s–%s", start_text, end_text);
      g_autofree char *short_label = g_strdup_printf ("%s–%s", short_start, short_end);

      bar->label = intern (b, label);
      bar->short_label = intern (b, short_label);
      if (shift != NULL && strcmp (shift->id, label) != 0)
        {
          g_autofree char *long_label = g_strdup_printf ("%s · %s", shift->id, label);

          bar->long_label = intern (b, long_label);
        }
      else
        bar->long_label = bar->label;
    }

  if (tmp->type == ESC_GANTT_BAR_EXTRA)
    {
      /* TRANSLATORS: a shortage on the chart: how many people were missing, then when */
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d missing · %s",
                                                             "%d missing · %s",
                                                             (gulong) tmp->missing),
                                                tmp->missing, bar->label);
      g_autofree char *short_label = g_strdup_printf ("−%d", tmp->missing);
      g_autofree char *medium_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d missing",
                                                                    "%d missing",
                                                                    (gulong) tmp->missing),
                                                       tmp->missing);

      bar->long_label = intern (b, label);
      bar->label = intern (b, medium_label);
      bar->short_label = intern (b, short_label);
    }
}

/* Labels repeat (every Morning is "08:00–16:00"): made once per distinct kind of bar. */
static void
fill_labels (Builder      *b,
             const TmpBar *tmp,
             EscGanttBar  *bar)
{
  gint64 start = ((tmp->start % ESC_MINUTES_PER_DAY) + ESC_MINUTES_PER_DAY) % ESC_MINUTES_PER_DAY;
  gint64 end = ((tmp->end % ESC_MINUTES_PER_DAY) + ESC_MINUTES_PER_DAY) % ESC_MINUTES_PER_DAY;
  gint64 key = start | end << 11 | (gint64) (tmp->shift + 1) << 22 | (gint64) tmp->type << 38 |
               (gint64) ((tmp->flags & ESC_GANTT_BAR_NO_TIMES) != 0) << 40 |
               (gint64) MIN (tmp->missing, 1 << 20) << 41;
  EscGanttBar *labels = g_hash_table_lookup (b->labels, &key);

  if (labels == NULL || tmp->missing >= 1 << 20)
    {
      gint64 *stored = g_new (gint64, 1);

      make_labels (b, tmp, bar);
      *stored = key;
      labels = g_new0 (EscGanttBar, 1);
      labels->label = bar->label;
      labels->short_label = bar->short_label;
      labels->long_label = bar->long_label;
      g_hash_table_replace (b->labels, stored, labels);
      return;
    }
  bar->label = labels->label;
  bar->short_label = labels->short_label;
  bar->long_label = labels->long_label;
}

static void
fill_bar (Builder      *b,
          const TmpBar *tmp,
          EscGanttBar  *bar)
{
  bar->start = relative (b->model, tmp->start);
  bar->end = relative (b->model, tmp->end);
  bar->allocation = tmp->allocation;
  bar->net_minutes = tmp->net_minutes;
  bar->missing = tmp->missing;
  bar->shift = tmp->shift;
  bar->type = tmp->type;
  bar->flags = tmp->flags;
  bar->task = tmp->task;
  bar->color = tmp->shift >= 0 ? g_array_index (b->model->shifts, EscGanttShift, tmp->shift).color
                               : esc_gantt_palette_get_color (0);
  fill_labels (b, tmp, bar);
}

static int
compare_tmp_bars (gconstpointer a,
                  gconstpointer b)
{
  const TmpBar *x = a;
  const TmpBar *y = b;

  /* Extra bars (owner is a group) after the employees' bars, then by owner and start. */
  if ((x->type == ESC_GANTT_BAR_EXTRA) != (y->type == ESC_GANTT_BAR_EXTRA))
    return x->type == ESC_GANTT_BAR_EXTRA ? 1 : -1;
  if (x->owner != y->owner)
    return x->owner < y->owner ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return x->allocation < y->allocation ? -1 : x->allocation > y->allocation;
}

static void
build_bars (Builder *b)
{
  EscGanttModel *model = b->model;

  g_array_sort (b->bars, compare_tmp_bars);
  model->n_bars = b->bars->len;
  model->bars = g_new0 (EscGanttBar, MAX (model->n_bars, 1));

  for (guint i = 0; i < b->bars->len; i++)
    {
      const TmpBar *tmp = &g_array_index (b->bars, TmpBar, i);
      EscGanttBar *bar = &model->bars[i];
      gint32 length;

      fill_bar (b, tmp, bar);
      length = bar->end - bar->start;
      if (tmp->type == ESC_GANTT_BAR_EXTRA)
        {
          TmpGroup *group = &g_array_index (b->groups, TmpGroup, tmp->owner);

          if (group->n_extras == 0)
            group->first_extra = i;
          group->n_extras++;
          group->max_extra = MAX (group->max_extra, length);
        }
      else
        {
          TmpEmployee *employee = &g_array_index (b->employees, TmpEmployee, tmp->owner);

          if (employee->n_bars == 0)
            employee->first_bar = i;
          employee->n_bars++;
          employee->max_bar = MAX (employee->max_bar, length);
          if (tmp->type == ESC_GANTT_BAR_WORK && tmp->net_minutes > 0 &&
              !(tmp->flags & ESC_GANTT_BAR_REMOVED))
            employee->net_minutes += tmp->net_minutes;
        }
    }
}

/* Leave */

static void
build_leave (Builder *b)
{
  EscGanttModel *model = b->model;
  gint32 range_end = (gint32) model->n_days * ESC_MINUTES_PER_DAY;
  GArray *all = g_array_new (FALSE, FALSE, sizeof (EscGanttInterval));

  for (guint e = 0; e < b->employees->len; e++)
    {
      TmpEmployee *employee = &g_array_index (b->employees, TmpEmployee, e);
      g_autoptr(GArray) intervals = NULL;

      employee->first_leave = all->len;
      if (employee->leave_text == NULL || *employee->leave_text == '\0' ||
          !esc_parse_leave (employee->leave_text, &intervals, NULL))
        continue;
      for (guint i = 0; i < intervals->len; i++)
        {
          const EscInterval *interval = &g_array_index (intervals, EscInterval, i);
          EscGanttInterval leave = {
            MAX (relative (model, interval->start), 0),
            MIN (relative (model, interval->end), range_end),
          };

          if (leave.end <= leave.start)
            continue;
          g_array_append_val (all, leave);
          employee->n_leave++;
        }
    }

  model->n_leave = all->len;
  model->leave = (EscGanttInterval *) (gpointer) g_array_free (all, FALSE);
}

/* Holidays */

static int
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  const EscGanttHoliday *x = a;
  const EscGanttHoliday *y = b;

  return (x->day > y->day) - (x->day < y->day);
}

static gboolean
read_holiday_bool (EscRow   *row,
                   int       column,
                   gboolean  fallback)
{
  gboolean value;

  if (column < 0 || esc_row_is_empty (row, (guint) column))
    return fallback;
  if (!esc_parse_bool (esc_row_get (row, (guint) column), &value, NULL))
    return fallback;
  return value;
}

static void
build_holidays (Builder *b)
{
  EscGanttModel *model = b->model;
  EscTable *table = esc_project_get_table (b->project, ESC_TABLE_HOLIDAY);
  const EscTableSchema *schema = esc_schema_get_table (ESC_TABLE_HOLIDAY);
  int national_column = esc_schema_find_column (schema, "national");
  int country_column = esc_schema_find_column (schema, "country");
  int region_column = esc_schema_find_column (schema, "region");
  int name_column = esc_schema_find_column (schema, "name");
  int full_day_column = esc_schema_find_column (schema, "full_day");
  int date_column = esc_schema_find_column (schema, "date");
  guint n_stores = model->stores->len;
  g_autoptr(GPtrArray) per_store = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GArray *all;

  for (guint s = 0; s < n_stores; s++)
    g_ptr_array_add (per_store, g_array_new (FALSE, FALSE, sizeof (EscGanttHoliday)));

  for (guint r = 0; date_column >= 0 && r < esc_table_get_n_rows (table); r++)
    {
      EscRow *row = esc_table_get_row (table, r);
      gboolean national = read_holiday_bool (row, national_column, FALSE);
      const char *country = country_column >= 0 ? esc_row_get (row, (guint) country_column) : "";
      const char *region = region_column >= 0 ? esc_row_get (row, (guint) region_column) : "";
      EscJulian julian;
      EscGanttHoliday holiday;

      if (!esc_parse_date (esc_row_get (row, (guint) date_column), &julian, NULL))
        continue;
      if (julian < model->origin || julian >= model->origin + model->n_days)
        continue;
      /* Like the solver: a part-day holiday is not a holiday. */
      if (!read_holiday_bool (row, full_day_column, TRUE))
        continue;
      holiday.day = (gint32) (julian - model->origin);
      holiday.name = name_column >= 0 ? intern_stripped (b, row, (guint) name_column) : "";

      for (guint s = 0; s < n_stores; s++)
        {
          EscRow *location = g_ptr_array_index (b->store_locations, s);
          GArray *days = g_ptr_array_index (per_store, s);
          gboolean seen = FALSE;
          const char *id = location ? esc_row_get (location, ESC_LOCATION_ID) : "";
          const char *state = location ? esc_row_get (location, ESC_LOCATION_STATE) : "";
          const char *land = location ? esc_row_get (location, ESC_LOCATION_COUNTRY) : "";

          if (!esc_calendar_holiday_applies (national, country, region, id, state, land, NULL))
            continue;
          for (guint i = 0; i < days->len && !seen; i++)
            seen = g_array_index (days, EscGanttHoliday, i).day == holiday.day;
          if (!seen)
            g_array_append_val (days, holiday);
        }
    }

  all = g_array_new (FALSE, FALSE, sizeof (EscGanttHoliday));
  for (guint s = 0; s < n_stores; s++)
    {
      GArray *days = g_ptr_array_index (per_store, s);

      g_array_sort (days, compare_holidays);
      g_array_append_vals (all, days->data, days->len);
    }
  model->n_holidays = all->len;
  model->holidays = (EscGanttHoliday *) (gpointer) g_array_free (all, FALSE);

  for (guint s = 0, offset = 0; s < n_stores; s++)
    {
      EscGanttStore *store = &g_array_index (model->stores, EscGanttStore, s);
      GArray *days = g_ptr_array_index (per_store, s);

      store->holidays = days->len > 0 ? model->holidays + offset : NULL;
      store->n_holidays = days->len;
      offset += days->len;
    }
}

/* Coverage */

typedef struct
{
  gint32 time;
  gint32 delta;     /* scheduled: +1 / -1 */
  gint32 value;     /* demand: the quantity */
  gboolean is_end;  /* demand: the window ends */
} Event;

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *x = a;
  const Event *y = b;

  return (x->time > y->time) - (x->time < y->time);
}

/* Demand as steps [time, value): the maximum of the windows open at each instant. */
static GArray *
compute_demand_steps (Builder *b,
                      guint    group)
{
  EscGanttModel *model = b->model;
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (gint32));
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (Event));

  for (guint d = 0; d < model->n_days; d++)
    {
      EscJulian julian = model->origin + d;
      EscWeekday weekday = esc_julian_weekday (julian);

      for (guint i = 0; i < b->demands->len; i++)
        {
          const TmpDemand *demand = &g_array_index (b->demands, TmpDemand, i);
          gint32 midnight = (gint32) d * ESC_MINUTES_PER_DAY;
          Event start, end;

          if (demand->group != group)
            continue;
          if (demand->day_kind == 0 ? demand->date != julian : demand->weekday != weekday)
            continue;
          start = (Event) { midnight + demand->start, 0, demand->quantity, FALSE };
          end = (Event) { midnight + demand->end, 0, demand->quantity, TRUE };
          g_array_append_val (events, start);
          g_array_append_val (events, end);
        }
    }
  g_array_sort (events, compare_events);

  for (guint i = 0; i < events->len;)
    {
      gint32 time = g_array_index (events, Event, i).time;
      Event step = { time, 0, 0, FALSE };

      for (; i < events->len && g_array_index (events, Event, i).time == time; i++)
        {
          const Event *event = &g_array_index (events, Event, i);

          if (event->is_end)
            {
              for (guint j = 0; j < open->len; j++)
                if (g_array_index (open, gint32, j) == event->value)
                  {
                    g_array_remove_index_fast (open, j);
                    break;
                  }
            }
          else
            g_array_append_val (open, event->value);
        }
      for (guint j = 0; j < open->len; j++)
        step.value = MAX (step.value, g_array_index (open, gint32, j));
      g_array_append_val (steps, step);
    }
  return steps;
}

/* Scheduled headcount as steps [time, value). */
static GArray *
compute_scheduled_steps (Builder *b,
                         guint    group)
{
  EscGanttModel *model = b->model;
  const TmpGroup *g = &g_array_index (b->groups, TmpGroup, group);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (Event));
  gint32 count = 0;

  for (guint i = 0; i < g->employees->len; i++)
    {
      const TmpEmployee *employee = &g_array_index (b->employees, TmpEmployee,
                                                    g_array_index (g->employees, guint, i));

      for (guint k = 0; k < employee->n_bars; k++)
        {
          const EscGanttBar *bar = &model->bars[employee->first_bar + k];
          Event start = { bar->start, +1, 0, FALSE };
          Event end = { bar->end, -1, 0, FALSE };

          if (bar->type != ESC_GANTT_BAR_WORK ||
              (bar->flags & (ESC_GANTT_BAR_NO_TIMES | ESC_GANTT_BAR_REMOVED)))
            continue;
          g_array_append_val (events, start);
          g_array_append_val (events, end);
        }
    }
  g_array_sort (events, compare_events);

  for (guint i = 0; i < events->len;)
    {
      gint32 time = g_array_index (events, Event, i).time;
      Event step = { time, 0, 0, FALSE };

      for (; i < events->len && g_array_index (events, Event, i).time == time; i++)
        count += g_array_index (events, Event, i).delta;
      step.value = count;
      g_array_append_val (steps, step);
    }
  return steps;
}

static gint32
step_value_at (GArray *steps,
               guint  *cursor,
               gint32  time)
{
  while (*cursor + 1 < steps->len && g_array_index (steps, Event, *cursor + 1).time <= time)
    (*cursor)++;
  if (*cursor < steps->len && g_array_index (steps, Event, *cursor).time <= time)
    return g_array_index (steps, Event, *cursor).value;
  return 0;
}

/* Merges demand and scheduled steps into the model's coverage array for @group. */
static void
build_group_coverage (Builder       *b,
                      guint          group,
                      EscGanttGroup *out,
                      GArray        *all)
{
  g_autoptr(GArray) demand = compute_demand_steps (b, group);
  g_autoptr(GArray) scheduled = compute_scheduled_steps (b, group);
  gint32 range_end = (gint32) b->model->n_days * ESC_MINUTES_PER_DAY;
  guint first = all->len;
  guint i = 0, j = 0;
  guint cursor_d = 0, cursor_s = 0;
  gint32 time = 0;

  out->max_headcount = 1;
  for (;;)
    {
      EscGanttCoverageStep step = {
        time,
        step_value_at (demand, &cursor_d, time),
        step_value_at (scheduled, &cursor_s, time),
      };
      gint32 next = range_end;

      if (all->len > first &&
          g_array_index (all, EscGanttCoverageStep, all->len - 1).demand == step.demand &&
          g_array_index (all, EscGanttCoverageStep, all->len - 1).scheduled == step.scheduled)
        ;
      else
        g_array_append_val (all, step);
      out->max_headcount = MAX (out->max_headcount, MAX (step.demand, step.scheduled));

      while (i < demand->len && g_array_index (demand, Event, i).time <= time)
        i++;
      while (j < scheduled->len && g_array_index (scheduled, Event, j).time <= time)
        j++;
      if (i < demand->len)
        next = MIN (next, g_array_index (demand, Event, i).time);
      if (j < scheduled->len)
        next = MIN (next, g_array_index (scheduled, Event, j).time);
      if (next >= range_end)
        break;
      time = next;
    }
  out->n_coverage = all->len - first;
}

/* Rows */

static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  Builder *builder = data;
  const TmpGroup *x = &g_array_index (builder->groups, TmpGroup, *(const guint *) a);
  const TmpGroup *y = &g_array_index (builder->groups, TmpGroup, *(const guint *) b);

  if (x->store != y->store)
    return x->store < y->store ? -1 : 1;
  return (x->role > y->role) - (x->role < y->role);
}

static void
append_row (EscGanttModel *model,
            EscGanttRow   *row)
{
  row->unit = model->n_units;
  model->n_units += row->n_units;
  g_array_append_val (model->rows, *row);
}

static void
build_rows (Builder *b)
{
  EscGanttModel *model = b->model;
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), b->groups->len);
  GArray *coverage = g_array_new (FALSE, FALSE, sizeof (EscGanttCoverageStep));
  g_autofree guint *coverage_first = g_new0 (guint, MAX (b->groups->len, 1));

  for (guint g = 0; g < b->groups->len; g++)
    g_array_append_val (order, g);
  g_array_sort_with_data (order, compare_groups, b);

  for (guint k = 0; k < order->len; k++)
    {
      guint g = g_array_index (order, guint, k);
      TmpGroup *tmp = &g_array_index (b->groups, TmpGroup, g);
      g_autofree char *key = esc_gantt_group_key (tmp->store_id, tmp->role_id);
      EscGanttGroup group = {
        .key = intern (b, key),
        .store_id = tmp->store_id,
        .role_id = tmp->role_id,
        .store_title = g_array_index (model->stores, EscGanttStore, tmp->store).title,
        .role_title = g_ptr_array_index (b->role_titles, tmp->role),
        .store = tmp->store,
        .n_employees = tmp->employees->len,
      };
      guint group_index = model->groups->len;
      EscGanttRow row = { .kind = ESC_GANTT_ROW_GROUP, .group = group_index, .n_units = 1 };

      group.collapsed = b->options->collapsed != NULL &&
                        g_hash_table_contains (b->options->collapsed, group.key);
      for (guint i = 0; i < tmp->n_extras; i++)
        {
          const EscGanttBar *bar = &model->bars[tmp->first_extra + i];

          group.missing_minutes += (gint64) (bar->end - bar->start) * bar->missing;
        }
      for (guint i = 0; i < tmp->employees->len; i++)
        group.work_minutes += g_array_index (b->employees, TmpEmployee,
                                             g_array_index (tmp->employees, guint, i)).net_minutes;
      if (tmp->has_demand)
        {
          coverage_first[group_index] = coverage->len;
          build_group_coverage (b, g, &group, coverage);
        }
      else
        group.max_headcount = 1;

      group.header_row = model->rows->len;
      append_row (model, &row);
      g_array_append_val (model->groups, group);
      if (group.collapsed)
        continue;

      if (tmp->has_demand && !b->options->hide_coverage)
        {
          row = (EscGanttRow) {
            .kind = ESC_GANTT_ROW_COVERAGE, .group = group_index, .n_units = 2,
          };
          append_row (model, &row);
        }
      if ((tmp->has_demand || tmp->n_extras > 0) && !b->options->hide_shortage)
        {
          row = (EscGanttRow) {
            .kind = ESC_GANTT_ROW_SHORTAGE, .group = group_index, .n_units = 1,
            .bars = tmp->n_extras > 0 ? model->bars + tmp->first_extra : NULL,
            .n_bars = tmp->n_extras, .max_bar_minutes = tmp->max_extra,
          };
          append_row (model, &row);
        }
      for (guint i = 0; i < tmp->employees->len; i++)
        {
          guint e = g_array_index (tmp->employees, guint, i);
          const TmpEmployee *employee = &g_array_index (b->employees, TmpEmployee, e);

          row = (EscGanttRow) {
            .kind = ESC_GANTT_ROW_EMPLOYEE, .group = group_index, .n_units = 1,
            .id = employee->id, .name = employee->name, .net_minutes = employee->net_minutes,
            .bars = employee->n_bars > 0 ? model->bars + employee->first_bar : NULL,
            .n_bars = employee->n_bars, .max_bar_minutes = employee->max_bar,
            .leave = employee->n_leave > 0 ? model->leave + employee->first_leave : NULL,
            .n_leave = employee->n_leave,
          };
          g_hash_table_insert (model->employee_rows, (gpointer) employee->id,
                               GUINT_TO_POINTER (model->rows->len + 1));
          append_row (model, &row);
        }
    }

  /* The coverage array is final now: point the groups into it. */
  model->n_coverage = coverage->len;
  model->coverage = (EscGanttCoverageStep *) (gpointer) g_array_free (coverage, FALSE);
  for (guint g = 0; g < model->groups->len; g++)
    {
      EscGanttGroup *group = &g_array_index (model->groups, EscGanttGroup, g);

      group->coverage = group->n_coverage > 0 ? model->coverage + coverage_first[g] : NULL;
    }

  for (guint r = 0; r < model->rows->len; r++)
    {
      const EscGanttRow *row = &g_array_index (model->rows, EscGanttRow, r);

      for (guint i = 0; i < row->n_bars; i++)
        if (!(row->bars[i].flags & ESC_GANTT_BAR_REMOVED))
          g_hash_table_insert (model->task_rows, (gpointer) row->bars[i].task,
                             GUINT_TO_POINTER (r + 1));
    }
}

static void
assign_store_colors (Builder *b)
{
  guint size = esc_gantt_palette_get_size ();
  gboolean used[32] = { FALSE };

  for (guint s = 0; s < b->model->stores->len; s++)
    {
      EscGanttStore *store = &g_array_index (b->model->stores, EscGanttStore, s);
      guint slot = esc_gantt_palette_slot_for_id (store->id);
      guint i;

      for (i = 0; i < size && used[(slot + i) % size]; i++)
        ;
      if (i < size)
        slot = (slot + i) % size;
      used[slot] = TRUE;
      store->color = esc_gantt_palette_get_color (slot);
    }
}

static void
clear_builder (Builder *b)
{
  for (guint g = 0; g < b->groups->len; g++)
    g_array_unref (g_array_index (b->groups, TmpGroup, g).employees);
  g_hash_table_unref (b->store_index);
  g_ptr_array_unref (b->store_locations);
  g_hash_table_unref (b->role_index);
  g_ptr_array_unref (b->role_titles);
  g_hash_table_unref (b->shift_index);
  g_array_unref (b->employees);
  g_hash_table_unref (b->employee_index);
  g_array_unref (b->groups);
  g_hash_table_unref (b->group_index);
  g_array_unref (b->bars);
  g_array_unref (b->demands);
  g_hash_table_unref (b->labels);
}

static void
free_model (gpointer data)
{
  EscGanttModel *self = data;

  g_string_chunk_free (self->strings);
  g_array_unref (self->rows);
  g_array_unref (self->groups);
  g_array_unref (self->stores);
  g_array_unref (self->shifts);
  g_free (self->bars);
  g_free (self->leave);
  g_free (self->coverage);
  g_free (self->holidays);
  g_hash_table_unref (self->task_rows);
  g_hash_table_unref (self->employee_rows);
}

/* Public API */

char *
esc_gantt_format_long_date (EscJulian julian)
{
  return esc_display_date_long (MAX (julian, 1));
}

char *
esc_gantt_group_key (const char *store_id,
                     const char *role_id)
{
  g_autofree char *store = esc_strip_dup (store_id != NULL ? store_id : "");
  g_autofree char *role = esc_strip_dup (role_id != NULL ? role_id : "");

  /* A unit separator: ids are typed text and may hold anything printable. */
  return g_strconcat (store, "\x1f", role, NULL);
}

void
esc_gantt_model_options_set_compare (EscGanttModelOptions *options,
                                     const EscVersionDiff *diff)
{
  g_autoptr(GHashTable) removed = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (options != NULL);
  g_return_if_fail (diff != NULL);

  esc_gantt_model_options_clear_compare (options);
  options->allocations = g_ptr_array_ref (diff->rows_b);
  options->ghosts = g_ptr_array_new_with_free_func (g_object_unref);
  options->compare_marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < diff->changes->len; i++)
    {
      const EscVersionChange *change = g_ptr_array_index (diff->changes, i);

      if (change->kind == ESC_VERSION_CHANGE_REMOVED)
        g_hash_table_add (removed, change->task_a);
      else
        g_hash_table_insert (options->compare_marks, g_strdup (change->task_b),
                             GUINT_TO_POINTER (change->kind == ESC_VERSION_CHANGE_ADDED
                                               ? ESC_GANTT_BAR_ADDED : ESC_GANTT_BAR_MOVED));
    }
  for (guint i = 0; i < diff->rows_a->len; i++)
    {
      EscRow *row = g_ptr_array_index (diff->rows_a, i);

      if (g_hash_table_contains (removed, esc_row_get (row, ESC_ALLOCATION_TASK)))
        g_ptr_array_add (options->ghosts, g_object_ref (row));
    }
}

void
esc_gantt_model_options_clear_compare (EscGanttModelOptions *options)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->allocations, g_ptr_array_unref);
  g_clear_pointer (&options->ghosts, g_ptr_array_unref);
  g_clear_pointer (&options->compare_marks, g_hash_table_unref);
}

EscGanttModel *
esc_gantt_model_new (EscProject                 *project,
                     const EscGanttModelOptions *options)
{
  static const EscGanttModelOptions no_options = { 0 };
  EscGanttModel *self;
  Builder b = { 0 };

  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  self = g_atomic_rc_box_new0 (EscGanttModel);
  self->strings = g_string_chunk_new (4096);
  self->rows = g_array_new (FALSE, FALSE, sizeof (EscGanttRow));
  self->groups = g_array_new (FALSE, FALSE, sizeof (EscGanttGroup));
  self->stores = g_array_new (FALSE, FALSE, sizeof (EscGanttStore));
  self->shifts = g_array_new (FALSE, FALSE, sizeof (EscGanttShift));
  self->task_rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->employee_rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->first_day = esc_project_get_first_day_of_week (project);

  b.project = project;
  b.model = self;
  b.options = options != NULL ? options : &no_options;
  b.store_index = g_hash_table_new (g_str_hash, g_str_equal);
  b.store_locations = g_ptr_array_new ();
  b.role_index = g_hash_table_new (g_str_hash, g_str_equal);
  b.role_titles = g_ptr_array_new ();
  b.shift_index = g_hash_table_new (g_str_hash, g_str_equal);
  b.employees = g_array_new (FALSE, TRUE, sizeof (TmpEmployee));
  b.employee_index = g_hash_table_new (g_str_hash, g_str_equal);
  b.groups = g_array_new (FALSE, TRUE, sizeof (TmpGroup));
  b.group_index = g_hash_table_new (g_str_hash, g_str_equal);
  b.bars = g_array_new (FALSE, TRUE, sizeof (TmpBar));
  b.demands = g_array_new (FALSE, TRUE, sizeof (TmpDemand));
  b.labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  read_stores_and_roles (&b);
  read_shifts (&b);
  read_employees (&b);
  read_demand (&b);
  read_allocations (&b);
  compute_range (&b);
  build_bars (&b);
  build_leave (&b);
  assign_store_colors (&b);
  build_holidays (&b);
  build_rows (&b);
  self->n_employees = b.employees->len;

  clear_builder (&b);
  return self;
}

EscGanttModel *
esc_gantt_model_ref (EscGanttModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
esc_gantt_model_unref (EscGanttModel *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, free_model);
}

EscJulian
esc_gantt_model_get_origin (EscGanttModel *self)
{
  return self->origin;
}

void
esc_gantt_model_get_range (EscGanttModel *self,
                           gint32        *start,
                           gint32        *end)
{
  if (start != NULL)
    *start = 0;
  if (end != NULL)
    *end = (gint32) self->n_days * ESC_MINUTES_PER_DAY;
}

guint
esc_gantt_model_get_n_days (EscGanttModel *self)
{
  return self->n_days;
}

gint32
esc_gantt_model_time_of_instant (EscGanttModel *self,
                                 EscInstant     instant)
{
  return relative (self, instant);
}

EscWeekday
esc_gantt_model_get_first_day_of_week (EscGanttModel *self)
{
  return self->first_day;
}

guint
esc_gantt_model_get_n_rows (EscGanttModel *self)
{
  return self->rows->len;
}

const EscGanttRow *
esc_gantt_model_get_row (EscGanttModel *self,
                         guint          index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);

  return &g_array_index (self->rows, EscGanttRow, index);
}

guint
esc_gantt_model_get_n_units (EscGanttModel *self)
{
  return self->n_units;
}

guint
esc_gantt_model_get_n_groups (EscGanttModel *self)
{
  return self->groups->len;
}

const EscGanttGroup *
esc_gantt_model_get_group (EscGanttModel *self,
                           guint          index)
{
  g_return_val_if_fail (index < self->groups->len, NULL);

  return &g_array_index (self->groups, EscGanttGroup, index);
}

guint
esc_gantt_model_get_n_stores (EscGanttModel *self)
{
  return self->stores->len;
}

const EscGanttStore *
esc_gantt_model_get_store (EscGanttModel *self,
                           guint          index)
{
  g_return_val_if_fail (index < self->stores->len, NULL);

  return &g_array_index (self->stores, EscGanttStore, index);
}

guint
esc_gantt_model_get_n_shifts (EscGanttModel *self)
{
  return self->shifts->len;
}

const EscGanttShift *
esc_gantt_model_get_shift (EscGanttModel *self,
                           guint          index)
{
  g_return_val_if_fail (index < self->shifts->len, NULL);

  return &g_array_index (self->shifts, EscGanttShift, index);
}

guint
esc_gantt_model_get_n_employees (EscGanttModel *self)
{
  return self->n_employees;
}

guint
esc_gantt_model_get_n_bars (EscGanttModel *self)
{
  return self->n_bars;
}

const EscGanttStore *
esc_gantt_model_get_row_store (EscGanttModel *self,
                               guint          row)
{
  const EscGanttRow *r = esc_gantt_model_get_row (self, row);

  g_return_val_if_fail (r != NULL, NULL);
  return esc_gantt_model_get_store (self, esc_gantt_model_get_group (self, r->group)->store);
}

guint
esc_gantt_model_row_at_unit (EscGanttModel *self,
                             double         unit)
{
  guint lo = 0, hi = self->rows->len;

  if (unit < 0 || unit >= self->n_units)
    return G_MAXUINT;

  /* The last row whose unit is <= @unit. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->rows, EscGanttRow, mid).unit <= unit)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

guint
esc_gantt_model_find_employee_row (EscGanttModel *self,
                                   const char    *employee_id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->employee_rows, employee_id)) - 1;
}

gboolean
esc_gantt_model_find_task (EscGanttModel *self,
                           const char    *task,
                           guint         *row,
                           guint         *bar)
{
  guint r = GPOINTER_TO_UINT (g_hash_table_lookup (self->task_rows, task)) - 1;
  const EscGanttRow *found;

  if (r == G_MAXUINT)
    return FALSE;
  found = esc_gantt_model_get_row (self, r);
  for (guint i = 0; i < found->n_bars; i++)
    if (strcmp (found->bars[i].task, task) == 0)
      {
        if (row != NULL)
          *row = r;
        if (bar != NULL)
          *bar = i;
        return TRUE;
      }
  return FALSE;
}

/* The first index in @bars whose start is >= @t. */
static guint
lower_bound (const EscGanttBar *bars,
             guint              n_bars,
             double             t)
{
  guint lo = 0, hi = n_bars;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (bars[mid].start < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
esc_gantt_model_find_bars (EscGanttModel *self,
                           guint          row,
                           double         t0,
                           double         t1,
                           guint         *first,
                           guint         *last)
{
  const EscGanttRow *r = esc_gantt_model_get_row (self, row);
  guint a, z;

  g_return_val_if_fail (r != NULL, 0);

  /* A bar overlaps when start < t1 and end > t0; end <= start + max, so start > t0 - max. */
  a = lower_bound (r->bars, r->n_bars, t0 - r->max_bar_minutes);
  z = lower_bound (r->bars, r->n_bars, t1);
  while (a < z && r->bars[a].end <= t0)
    a++;
  if (z < a)
    z = a;
  if (first != NULL)
    *first = a;
  if (last != NULL)
    *last = z;
  return z - a;
}

guint
esc_gantt_model_bar_at_time (EscGanttModel *self,
                             guint          row,
                             double         t,
                             double         tolerance)
{
  const EscGanttRow *r = esc_gantt_model_get_row (self, row);
  guint first, last;
  guint best = G_MAXUINT;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (r != NULL, G_MAXUINT);

  esc_gantt_model_find_bars (self, row, t - tolerance, t + tolerance, &first, &last);
  for (guint i = first; i < last; i++)
    {
      const EscGanttBar *bar = &r->bars[i];
      double distance;

      if (t >= bar->start && t < bar->end)
        distance = 0;
      else if (t < bar->start)
        distance = bar->start - t;
      else
        distance = t - bar->end;
      if (distance > tolerance)
        continue;
      /* Inside a bar wins; a compensation day (a whole day) loses to work inside it. */
      if (distance < best_distance ||
          (distance == best_distance && best != G_MAXUINT &&
           r->bars[best].type == ESC_GANTT_BAR_COMPENSATION))
        {
          best = i;
          best_distance = distance;
        }
    }
  return best;
}

const char *
esc_gantt_model_bar_at (EscGanttModel *self,
                        double         t,
                        double         unit,
                        double         tolerance,
                        guint         *row,
                        guint         *bar)
{
  guint r = esc_gantt_model_row_at_unit (self, unit);
  guint b;

  if (r == G_MAXUINT)
    return NULL;
  b = esc_gantt_model_bar_at_time (self, r, t, tolerance);
  if (b == G_MAXUINT)
    return NULL;
  if (row != NULL)
    *row = r;
  if (bar != NULL)
    *bar = b;
  return esc_gantt_model_get_row (self, r)->bars[b].task;
}

guint
esc_gantt_model_find_coverage (EscGanttModel *self,
                               guint          group,
                               double         t0,
                               double         t1,
                               guint         *first,
                               guint         *last)
{
  const EscGanttGroup *g = esc_gantt_model_get_group (self, group);
  guint lo = 0, hi;

  g_return_val_if_fail (g != NULL, 0);

  /* The step holding t0: the last whose time <= t0. */
  hi = g->n_coverage;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g->coverage[mid].time <= t0)
        lo = mid;
      else
        hi = mid;
    }
  if (first != NULL)
    *first = g->n_coverage > 0 ? lo : 0;
  hi = lo;
  while (hi < g->n_coverage && g->coverage[hi].time < t1)
    hi++;
  if (last != NULL)
    *last = hi;
  return g->n_coverage > 0 ? hi - lo : 0;
}

gboolean
esc_gantt_model_is_holiday (EscGanttModel *self,
                            guint          store,
                            gint32         day,
                            const char   **name)
{
  const EscGanttStore *s = esc_gantt_model_get_store (self, store);
  guint lo = 0, hi;

  g_return_val_if_fail (s != NULL, FALSE);

  hi = s->n_holidays;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (s->holidays[mid].day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < s->n_holidays && s->holidays[lo].day == day)
    {
      if (name != NULL)
        *name = s->holidays[lo].name;
      return TRUE;
    }
  return FALSE;
}

char *
esc_gantt_model_describe_bar (EscGanttModel *self,
                              guint          row,
                              guint          bar)
{
  const EscGanttRow *r = esc_gantt_model_get_row (self, row);
  const EscGanttGroup *group;
  const EscGanttBar *b;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *day = NULL;

  g_return_val_if_fail (r != NULL && bar < r->n_bars, NULL);
  b = &r->bars[bar];
  group = esc_gantt_model_get_group (self, r->group);

  if (r->kind == ESC_GANTT_ROW_EMPLOYEE && strcmp (r->name, r->id) != 0)
    g_string_append_printf (text, "%s (%s)\n", r->name, r->id);
  else if (r->kind == ESC_GANTT_ROW_EMPLOYEE)
    g_string_append_printf (text, "%s\n", r->id);
  else
    g_string_append_printf (text, "%s · %s\n", group->store_title, group->role_title);

  g_string_append (text, b->long_label);
  g_string_append_c (text, '\n');

  day = esc_gantt_format_long_date (self->origin +
                                    (EscJulian) MAX (b->start / ESC_MINUTES_PER_DAY, 0));
  g_string_append (text, day);

  if (b->type == ESC_GANTT_BAR_WORK && b->net_minutes >= 0)
    {
      g_autofree char *hours = esc_format_hours (b->net_minutes);

      g_string_append_c (text, '\n');
      /* TRANSLATORS: net hours of a shift in its tooltip, "07:00 net" */
      g_string_append_printf (text, _("%s net"), hours);
    }
  if (b->flags & ESC_GANTT_BAR_PINNED)
    g_string_append_printf (text, "\n%s", _("Pinned: kept when re-optimizing"));
  if (b->flags & ESC_GANTT_BAR_VIOLATION)
    g_string_append_printf (text, "\n%s", _("Breaks a rule"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
esc_gantt_model_set_violations (EscGanttModel *self,
                                GHashTable    *violations)
{
  for (guint i = 0; i < self->n_bars; i++)
    {
      EscGanttBar *bar = &self->bars[i];

      if (violations != NULL && g_hash_table_contains (violations, bar->task))
        bar->flags |= ESC_GANTT_BAR_VIOLATION;
      else
        bar->flags &= (guint8) ~ESC_GANTT_BAR_VIOLATION;
    }
}
