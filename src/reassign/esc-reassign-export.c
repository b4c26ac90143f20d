/* esc-reassign-export.c: a run as an XLSX workbook, written with libxlsxwriter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-reassign"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/esc-c-locale.h"
#include "core/esc-file.h"
#include "core/esc-parse.h"
#include "esc-reassign-export.h"
#include "esc-reassign-private.h"

#define SHEET_NAME_MAX 31
#define COLUMN_WIDTH_MIN 6
#define COLUMN_WIDTH_MAX 60

typedef struct
{
  lxw_worksheet *worksheet;
  lxw_format    *bold;
  lxw_format    *date;
  GArray        *widths;     /* double per column */
  guint          row;        /* next row to write (0 is the header) */
  guint          column;     /* next column in the row */
  guint          n_columns;
} Sheet;

typedef struct
{
  lxw_workbook *workbook;
  lxw_format   *bold;
  lxw_format   *date;
  GPtrArray    *sheets;      /* Sheet */
  lxw_error     error;
} Book;

static void
sheet_free (gpointer data)
{
  Sheet *sheet = data;

  g_array_unref (sheet->widths);
  g_free (sheet);
}

/* Sheet names -------------------------------------------------------------------------- */

static gboolean
name_taken (GPtrArray  *names,
            const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (names, i), -1);

      if (strcmp (folded, other) == 0)
        return TRUE;
    }
  return FALSE;
}

/* "<category><suffix>", fitting 31 characters, unique in @names (which it joins). */
static const char *
add_sheet_name (GPtrArray  *names,
                const char *category,
                const char *suffix)
{
  g_autoptr(GString) base = g_string_new (NULL);
  glong suffix_length = g_utf8_strlen (suffix, -1);
  char *name = NULL;

  for (const char *p = category; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) c) != NULL && c < 0x80)
        g_string_append_c (base, '_');
      else
        g_string_append_unichar (base, c);
    }
  while (base->len > 0 && base->str[0] == '\'')
    g_string_erase (base, 0, 1);
  if (base->len == 0)
    g_string_append (base, "_");

  for (guint n = 1; name == NULL; n++)
    {
      g_autofree char *tag = n == 1 ? g_strdup ("") : g_strdup_printf ("~%u", n);
      glong room = SHEET_NAME_MAX - suffix_length - (glong) strlen (tag);
      g_autofree char *cut = g_utf8_substring (base->str, 0,
                                               MIN (room, g_utf8_strlen (base->str, -1)));
      g_autofree char *candidate = g_strconcat (cut, tag, suffix, NULL);

      if (!name_taken (names, candidate))
        name = g_steal_pointer (&candidate);
    }
  g_ptr_array_add (names, name);
  return name;
}

char **
esc_reassign_export_sheet_names (EscReassignResult           *result,
                                 const EscReassignComparison *comparison)
{
  GPtrArray *names = g_ptr_array_new ();

  g_ptr_array_add (names, g_strdup ("Summary"));
  g_ptr_array_add (names, g_strdup ("Requests"));
  for (guint i = 0; i < result->categories->len; i++)
    {
      const char *category = g_ptr_array_index (result->categories, i);

      add_sheet_name (names, category, "_moves");
      add_sheet_name (names, category, "_options");
      add_sheet_name (names, category, "_backfill");
    }
  if (comparison != NULL)
    g_ptr_array_add (names, g_strdup ("Changes"));
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

/* Writing cells ------------------------------------------------------------------------ */

static void
note_width (Sheet      *sheet,
            guint       column,
            const char *text)
{
  double width = (double) g_utf8_strlen (text, -1) + 2.0;

  if (column >= sheet->widths->len)
    g_array_set_size (sheet->widths, column + 1);
  if (width > g_array_index (sheet->widths, double, column))
    g_array_index (sheet->widths, double, column) = width;
}

static void
keep_error (Book      *book,
            lxw_error  error)
{
  if (book->error == LXW_NO_ERROR)
    book->error = error;
}

static Sheet *
add_sheet (Book               *book,
           const char         *name,
           const char * const *headers)
{
  Sheet *sheet = g_new0 (Sheet, 1);

  sheet->worksheet = workbook_add_worksheet (book->workbook, name);
  sheet->bold = book->bold;
  sheet->date = book->date;
  sheet->widths = g_array_new (FALSE, TRUE, sizeof (double));
  g_ptr_array_add (book->sheets, sheet);
  if (sheet->worksheet == NULL)
    {
      keep_error (book, LXW_ERROR_SHEETNAME_ALREADY_USED);
      return sheet;
    }
  for (guint c = 0; headers != NULL && headers[c] != NULL; c++)
    {
      keep_error (book, worksheet_write_string (sheet->worksheet, 0, (lxw_col_t) c, headers[c],
                                                book->bold));
      note_width (sheet, c, headers[c]);
      sheet->n_columns = c + 1;
    }
  sheet->row = 1;
  return sheet;
}

static void
end_row (Sheet *sheet)
{
  sheet->n_columns = MAX (sheet->n_columns, sheet->column);
  sheet->row++;
  sheet->column = 0;
}

static void
put_string (Book       *book,
            Sheet      *sheet,
            const char *text)
{
  guint column = sheet->column++;

  if (sheet->worksheet == NULL || text == NULL || *text == '\0')
    return;
  keep_error (book, worksheet_write_string (sheet->worksheet, sheet->row, (lxw_col_t) column,
                                            text, NULL));
  note_width (sheet, column, text);
}

static void
put_number (Book   *book,
            Sheet  *sheet,
            double  value)
{
  guint column = sheet->column++;
  g_autofree char *text = esc_reassign_format_number (value);

  if (sheet->worksheet == NULL)
    return;
  keep_error (book, worksheet_write_number (sheet->worksheet, sheet->row, (lxw_col_t) column,
                                            esc_reassign_round_hours (value), NULL));
  note_width (sheet, column, text);
}

static void
put_bool (Book     *book,
          Sheet    *sheet,
          gboolean  value)
{
  /* Translators: yes/no cells of the exported workbook. */
  put_string (book, sheet, value ? _("yes") : _("no"));
}

static void
put_date (Book      *book,
          Sheet     *sheet,
          EscJulian  julian)
{
  guint column = sheet->column++;
  g_autoptr(GDate) date = NULL;
  lxw_datetime datetime = { 0 };

  if (sheet->worksheet == NULL || julian == 0)
    return;
  date = g_date_new_julian (julian);
  datetime.year = g_date_get_year (date);
  datetime.month = g_date_get_month (date);
  datetime.day = g_date_get_day (date);
  keep_error (book, worksheet_write_datetime (sheet->worksheet, sheet->row, (lxw_col_t) column,
                                              &datetime, sheet->date));
  note_width (sheet, column, "2026-12-31");
}

static void
put_terms (Book                   *book,
           Sheet                  *sheet,
           const EscReassignScore *score)
{
  put_number (book, sheet, esc_reassign_score_total (score));
  for (EscReassignTerm t = 0; t < ESC_REASSIGN_N_TERMS; t++)
    put_number (book, sheet, score->points[t]);
}

static void
finish_sheet (Book  *book,
              Sheet *sheet)
{
  if (sheet->worksheet == NULL)
    return;
  worksheet_freeze_panes (sheet->worksheet, 1, 0);
  if (sheet->n_columns > 0)
    keep_error (book, worksheet_autofilter (sheet->worksheet, 0, 0,
                                            MAX (sheet->row, 1) - 1,
                                            (lxw_col_t) (sheet->n_columns - 1)));
  for (guint c = 0; c < sheet->widths->len; c++)
    {
      double width = CLAMP (g_array_index (sheet->widths, double, c), COLUMN_WIDTH_MIN,
                            COLUMN_WIDTH_MAX);

      keep_error (book, worksheet_set_column (sheet->worksheet, (lxw_col_t) c, (lxw_col_t) c,
                                              width, NULL));
    }
}

/* Headers with the score terms: @before, then "Score" and one column per term, then
 * @after. */
static char **
headers_with_terms (const char * const *before,
                    const char * const *after)
{
  GPtrArray *headers = g_ptr_array_new ();

  for (guint i = 0; before[i] != NULL; i++)
    g_ptr_array_add (headers, g_strdup (before[i]));
  g_ptr_array_add (headers, g_strdup (_("Score")));
  for (EscReassignTerm t = 0; t < ESC_REASSIGN_N_TERMS; t++)
    g_ptr_array_add (headers, g_strdup (esc_reassign_term_title (t)));
  for (guint i = 0; after != NULL && after[i] != NULL; i++)
    g_ptr_array_add (headers, g_strdup (after[i]));
  g_ptr_array_add (headers, NULL);
  return (char **) g_ptr_array_free (headers, FALSE);
}

/* The sheets --------------------------------------------------------------------------- */

static void
add_totals_rows (Book                    *book,
                 Sheet                   *sheet,
                 const char              *prefix,
                 const EscReassignTotals *totals)
{
  const struct { const char *label; double value; } rows[] = {
    { N_("Needed hours"), totals->needed_hours },
    { N_("Covered hours"), totals->covered_hours },
    { N_("Moved hours"), totals->moved_hours },
    { N_("Backfilled hours"), totals->backfilled_hours },
    { N_("Moves"), totals->n_moves },
    { N_("Backfills"), totals->n_backfills },
    { N_("Score (terms x hours)"), totals->score },
    { N_("Plan value"), totals->value },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *label = prefix != NULL ? g_strdup_printf ("%s: %s", prefix, _(rows[i].label))
                                              : g_strdup (_(rows[i].label));

      put_string (book, sheet, label);
      put_number (book, sheet, rows[i].value);
      end_row (sheet);
    }
}

static void
write_summary (Book              *book,
               EscReassignResult *result)
{
  const char *headers[] = { _("Figure"), _("Value"), NULL };
  Sheet *sheet = add_sheet (book, "Summary", headers);
  g_autofree char *description = esc_reassign_result_describe (result);

  put_string (book, sheet, _("Mode"));
  put_string (book, sheet, esc_reassign_mode_to_string (result->mode));
  end_row (sheet);
  put_string (book, sheet, _("Day"));
  put_date (book, sheet, result->today);
  end_row (sheet);
  add_totals_rows (book, sheet, NULL, &result->totals);
  if (result->has_greedy)
    {
      add_totals_rows (book, sheet, _("Greedy"), &result->greedy);
      put_string (book, sheet, _("Optimal covers more hours"));
      put_number (book, sheet, result->totals.covered_hours + result->totals.backfilled_hours -
                               result->greedy.covered_hours - result->greedy.backfilled_hours);
      end_row (sheet);
      put_string (book, sheet, _("Optimal scores more"));
      put_number (book, sheet, result->totals.value - result->greedy.value);
      end_row (sheet);
      put_string (book, sheet, _("Proven optimal"));
      put_bool (book, sheet, result->proven_optimal);
      end_row (sheet);
      put_string (book, sheet, _("Greedy plan kept"));
      put_bool (book, sheet, result->kept_greedy);
      end_row (sheet);
    }
  put_string (book, sheet, _("Summary"));
  put_string (book, sheet, description);
  end_row (sheet);
  for (guint i = 0; i < result->notes->len; i++)
    {
      put_string (book, sheet, _("Note"));
      put_string (book, sheet, g_ptr_array_index (result->notes, i));
      end_row (sheet);
    }
  finish_sheet (book, sheet);
}

static void
write_requests (Book              *book,
                EscReassignResult *result)
{
  const char *headers[] = {
    _("Request"), _("Request ids"), _("Team"), _("Category"), _("Priority"),
    _("Requested hours"), _("Needed hours"), _("Covered hours"), _("Uncovered hours"),
    _("Candidates"), _("Risk-mitigation resources"), NULL
  };
  Sheet *sheet = add_sheet (book, "Requests", headers);

  for (guint g = 0; g < result->groups->len; g++)
    {
      EscReassignGroup *group = g_ptr_array_index (result->groups, g);
      g_autofree char *ids = g_strjoinv (", ", group->request_ids);
      g_autofree char *risk = g_strjoinv (", ", group->risk_resources);

      put_string (book, sheet, group->key);
      put_string (book, sheet, ids);
      put_string (book, sheet, group->team);
      put_string (book, sheet, group->category);
      put_number (book, sheet, group->composite);
      put_number (book, sheet, group->requested_hours);
      put_number (book, sheet, group->needed_hours);
      put_number (book, sheet, group->covered_hours);
      put_number (book, sheet, MAX (0.0, group->needed_hours - group->covered_hours));
      put_number (book, sheet, group->n_candidates);
      put_string (book, sheet, risk);
      end_row (sheet);
    }
  finish_sheet (book, sheet);
}

static void
write_moves (Book              *book,
             EscReassignResult *result,
             const char        *name,
             GPtrArray         *moves)
{
  const char *before[] = {
    _("Request"), _("To team"), _("Category"), _("Employee"), _("Assignment"),
    _("From team"), _("From category"), _("Hours moved"), _("Hours covered"),
    _("Whole assignment"), NULL
  };
  const char *after[] = { _("Backfill"), _("Backfilled hours"), _("Not backfilled hours"), NULL };
  g_auto(GStrv) headers = headers_with_terms (before, after);
  Sheet *sheet = add_sheet (book, name, (const char * const *) headers);

  for (guint i = 0; i < moves->len; i++)
    {
      EscReassignMove *move = g_ptr_array_index (moves, i);
      EscReassignGroup *group = g_ptr_array_index (result->groups, move->group);
      g_autoptr(GString) backfill = g_string_new (NULL);

      for (guint b = 0; b < move->backfills->len; b++)
        {
          EscReassignBackfill *helper = g_ptr_array_index (move->backfills, b);
          g_autofree char *hours = esc_reassign_format_number (helper->hours);

          if (b > 0)
            g_string_append (backfill, ", ");
          /* Translators: a backfill in the moves sheet: "E7 (4 h)". */
          g_string_append_printf (backfill, _("%s (%s h)"), helper->employee, hours);
        }
      put_string (book, sheet, group->key);
      put_string (book, sheet, move->to_team);
      put_string (book, sheet, move->to_category);
      put_string (book, sheet, move->employee);
      put_string (book, sheet, move->assignment);
      put_string (book, sheet, move->from_team);
      put_string (book, sheet, move->from_category);
      put_number (book, sheet, move->hours);
      put_number (book, sheet, move->covered_hours);
      put_bool (book, sheet, move->used_up);
      put_terms (book, sheet, &move->score);
      put_string (book, sheet, backfill->str);
      put_number (book, sheet, move->backfilled_hours);
      put_number (book, sheet, MAX (0.0, move->hours - move->backfilled_hours));
      end_row (sheet);
    }
  finish_sheet (book, sheet);
}

static void
write_options (Book       *book,
               const char *name,
               GPtrArray  *groups)
{
  const char *before[] = {
    _("Request"), _("Rank"), _("Employee"), _("Assignment"), _("Team"), _("Category"),
    _("Available hours"), _("Hours/week (12 weeks)"), _("Part-time"), NULL
  };
  const char *after[] = { _("Hours taken"), NULL };
  g_auto(GStrv) headers = headers_with_terms (before, after);
  Sheet *sheet = add_sheet (book, name, (const char * const *) headers);

  for (guint g = 0; g < groups->len; g++)
    {
      EscReassignGroup *group = g_ptr_array_index (groups, g);

      for (guint i = 0; i < group->options->len; i++)
        {
          EscReassignOption *option = g_ptr_array_index (group->options, i);

          put_string (book, sheet, group->key);
          put_number (book, sheet, option->rank);
          put_string (book, sheet, option->employee);
          put_string (book, sheet, option->assignment);
          put_string (book, sheet, option->team);
          put_string (book, sheet, option->category);
          put_number (book, sheet, option->available);
          put_number (book, sheet, option->hours_12w);
          put_bool (book, sheet, option->part_time);
          put_terms (book, sheet, &option->score);
          put_number (book, sheet, option->chosen_hours);
          end_row (sheet);
        }
    }
  finish_sheet (book, sheet);
}

static void
write_backfill (Book       *book,
                const char *name,
                GPtrArray  *moves)
{
  const char *before[] = {
    _("Employee moved"), _("Assignment"), _("Team left"), _("Category left"), _("Hours moved"),
    _("Rank"), _("Backfill employee"), _("Trainee"), _("Start date"), _("Spare hours"),
    _("Part-time"), NULL
  };
  const char *after[] = { _("Hours taken"), NULL };
  g_auto(GStrv) headers = headers_with_terms (before, after);
  Sheet *sheet = add_sheet (book, name, (const char * const *) headers);

  for (guint i = 0; i < moves->len; i++)
    {
      EscReassignMove *move = g_ptr_array_index (moves, i);

      for (guint o = 0; o < move->backfill_options->len; o++)
        {
          EscReassignOption *option = g_ptr_array_index (move->backfill_options, o);

          put_string (book, sheet, move->employee);
          put_string (book, sheet, move->assignment);
          put_string (book, sheet, move->from_team);
          put_string (book, sheet, move->from_category);
          put_number (book, sheet, move->hours);
          put_number (book, sheet, option->rank);
          put_string (book, sheet, option->employee);
          put_bool (book, sheet, option->trainee);
          put_date (book, sheet, option->start_date);
          put_number (book, sheet, option->available);
          put_bool (book, sheet, option->part_time);
          put_terms (book, sheet, &option->score);
          put_number (book, sheet, option->chosen_hours);
          end_row (sheet);
        }
    }
  finish_sheet (book, sheet);
}

static void
write_changes (Book                        *book,
               const EscReassignComparison *comparison)
{
  const char *headers[] = {
    _("Change"), _("Request or employee"), _("Before"), _("After"), _("Spare hours before"),
    _("Spare hours after"), NULL
  };
  Sheet *sheet = add_sheet (book, "Changes", headers);

  for (guint i = 0; i < comparison->requests->len; i++)
    {
      EscReassignRequestChange *change = g_ptr_array_index (comparison->requests, i);

      put_string (book, sheet, change->is_new ? _("New request") : _("Request grew"));
      put_string (book, sheet, change->key);
      put_number (book, sheet, change->before);
      put_number (book, sheet, change->after);
      end_row (sheet);
    }
  for (guint i = 0; i < comparison->capacities->len; i++)
    {
      EscReassignCapacityChange *change = g_ptr_array_index (comparison->capacities, i);

      put_string (book, sheet, change->is_new ? _("New employee")
                               : change->is_gone ? _("Employee gone") : _("Capacity changed"));
      put_string (book, sheet, change->employee);
      put_number (book, sheet, change->available_before);
      put_number (book, sheet, change->available_after);
      put_number (book, sheet, change->spare_before);
      put_number (book, sheet, change->spare_after);
      end_row (sheet);
    }
  finish_sheet (book, sheet);
}

gboolean
esc_reassign_export_xlsx (EscReassignResult           *result,
                          const EscReassignComparison *comparison,
                          const char                  *path,
                          GError                     **error)
{
  g_autofree char *temporary = g_strdup_printf ("%s.XXXXXX", path);
  g_autofree char *display = g_filename_display_name (path);
  g_auto(GStrv) names = esc_reassign_export_sheet_names (result, comparison);
  Book book = { 0 };
  g_autoptr(GError) local_error = NULL;
  lxw_error closed;
  guint next_name = 2;
  int fd;

  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((fd = g_mkstemp (temporary)) < 0)
    {
      int saved = errno;

      g_set_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  {
    GStatBuf st;

    /* mkstemp makes the file private: give it the mode of the file it replaces. */
    g_chmod (temporary, g_stat (path, &st) == 0 ? (int) (st.st_mode & 0777) : 0644);
  }

  book.workbook = workbook_new (temporary);
  if (book.workbook == NULL)
    {
      g_unlink (temporary);
      g_set_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_WRITE,
                   _("Cannot write “%s”: the workbook cannot be created"), display);
      return FALSE;
    }
  book.bold = workbook_add_format (book.workbook);
  format_set_bold (book.bold);
  book.date = workbook_add_format (book.workbook);
  format_set_num_format (book.date, "yyyy-mm-dd");
  book.sheets = g_ptr_array_new_with_free_func (sheet_free);

  write_summary (&book, result);
  write_requests (&book, result);
  for (guint i = 0; i < result->categories->len; i++)
    {
      const char *category = g_ptr_array_index (result->categories, i);
      g_autoptr(GPtrArray) moves = esc_reassign_result_get_moves_for_category (result, category);
      g_autoptr(GPtrArray) groups = esc_reassign_result_get_groups_for_category (result,
                                                                                 category);

      write_moves (&book, result, names[next_name++], moves);
      write_options (&book, names[next_name++], groups);
      write_backfill (&book, names[next_name++], moves);
    }
  if (comparison != NULL)
    write_changes (&book, comparison);

  {
    g_auto(EscCLocale) c_locale = ESC_C_LOCALE_INIT;

    /* libxlsxwriter writes the sheets' XML here, numbers with printf: "C" numbers. */
    esc_c_locale_enter (&c_locale);
    closed = workbook_close (book.workbook);
  }
  g_ptr_array_unref (book.sheets);
  if (book.error == LXW_NO_ERROR)
    book.error = closed;
  if (book.error != LXW_NO_ERROR)
    {
      g_unlink (temporary);
      g_set_error (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), display, lxw_strerror (book.error));
      return FALSE;
    }
  if (!esc_file_replace_with (temporary, path, &local_error))
    {
      g_unlink (temporary);
      g_set_error_literal (error, ESC_REASSIGN_ERROR, ESC_REASSIGN_ERROR_WRITE,
                           local_error->message);
      return FALSE;
    }
  return TRUE;
}
