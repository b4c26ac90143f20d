/* esc-history.c: workload history: import from CSV or XLSX and aggregation to intervals.
 *
 * Both formats feed the same row processor (process_row), which finds the columns from
 * the first row (a header, or a first data row whose shape tells the columns) and turns
 * each later row into a record: an instant, a channel and a count. The CSV reader is a
 * small RFC 4180 reader of its own (parse_csv), the XLSX rows come from the streaming
 * reader of src/io. See esc-history.h for the accepted forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-staffing"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "io/esc-xlsx-reader.h"
#include "esc-history.h"
#include "esc-staffing-error.h"

/* A history longer than this is almost surely a mistyped year. */
#define MAX_DAYS 3660

typedef struct
{
  EscInstant when;
  guint      channel;
  double     count;
} Record;

struct _EscHistory
{
  GArray     *records;         /* Record */
  GPtrArray  *channels;        /* char *, sorted on demand */
  GHashTable *channel_index;   /* name -> index + 1 into channels */
  gboolean    sorted;          /* channels is sorted and records refer to sorted indices */
  gboolean    has_events;
  gboolean    has_counts;
  int         grid;            /* gcd of the times of day of the counts and 1440 */
};

/* What a row processor sees of a cell, from either format. */
typedef struct
{
  const char *text;            /* never NULL; "" when empty */
  gboolean    is_number;       /* XLSX number cell: number holds its value */
  double      number;
} Cell;

typedef struct
{
  int timestamp;   /* date and time, or the date when time >= 0 */
  int time;        /* a separate time-of-day column, or -1 */
  int count;       /* -1: one row per event */
  int channel;     /* -1: one channel */
} Columns;

typedef struct
{
  EscHistory *history;
  const char *display_name;
  const char *sheet;           /* XLSX: the sheet read; NULL for CSV */
  gboolean    is_1904;
  gboolean    have_columns;
  Columns     columns;
  GPtrArray  *headings;        /* char *, the header's texts, or empty */
} Loader;

static const char * const timestamp_names[] = {
  "timestamp", "datetime", "datahora", "dataehora", "when", "start", "starttime", "inicio",
  "interval", "intervalo", NULL
};
static const char * const date_names[] = { "data", "date", "dia", "day", NULL };
static const char * const time_names[] = { "hora", "time", "horario", NULL };
static const char * const count_names[] = {
  "count", "volume", "quantidade", "qtd", "qtde", "calls", "chamadas", "contacts",
  "contatos", "total", "offered", "ofertadas", NULL
};
static const char * const channel_names[] = {
  "channel", "canal", "fila", "queue", "skill", "type", "tipo", NULL
};

/* Records and channels */

static guint
intern_channel (EscHistory *self,
                const char *channel)
{
  gpointer index;

  if (channel == NULL || *channel == '\0')
    channel = ESC_HISTORY_DEFAULT_CHANNEL;
  index = g_hash_table_lookup (self->channel_index, channel);
  if (index != NULL)
    return GPOINTER_TO_UINT (index) - 1;

  g_ptr_array_add (self->channels, g_strdup (channel));
  g_hash_table_insert (self->channel_index, g_strdup (channel),
                       GUINT_TO_POINTER (self->channels->len));
  self->sorted = FALSE;
  return self->channels->len - 1;
}

static void
add_record (EscHistory *self,
            const char *channel,
            EscInstant  when,
            double      count)
{
  Record record = { when, intern_channel (self, channel), count };

  g_array_append_val (self->records, record);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Sorts the channels by name and renumbers the records. */
static void
ensure_sorted (EscHistory *self)
{
  g_autofree guint *map = NULL;
  g_autofree char **old = NULL;
  guint n = self->channels->len;

  if (self->sorted)
    return;

  /* The old order, borrowed: the strings stay owned by the array. */
  old = g_memdup2 (self->channels->pdata, MAX (n, 1) * sizeof (char *));
  g_ptr_array_sort (self->channels, compare_strings);
  map = g_new0 (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (self->channel_index, g_strdup (g_ptr_array_index (self->channels, i)),
                         GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < n; i++)
    map[i] = GPOINTER_TO_UINT (g_hash_table_lookup (self->channel_index, old[i])) - 1;
  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = &g_array_index (self->records, Record, i);

      record->channel = map[record->channel];
    }
  self->sorted = TRUE;
}

static int
gcd (int a,
     int b)
{
  while (b != 0)
    {
      int t = a % b;

      a = b;
      b = t;
    }
  return a;
}

static int
minute_of_day (EscInstant when)
{
  EscInstant m = when % ESC_MINUTES_PER_DAY;

  return (int) (m < 0 ? m + ESC_MINUTES_PER_DAY : m);
}

/* Timestamps */

/* "H:MM", "HH:MM", with optional ":SS", ".fff", and a zone ("Z", "+03", "-03:00"), then
 * the end. */
static gboolean
scan_time_of_day (const char *text,
                  int        *minutes)
{
  const char *p = text;
  int hours = 0, mins = 0;
  int digits = 0;

  while (g_ascii_isdigit (*p) && digits < 2)
    hours = hours * 10 + (*p++ - '0'), digits++;
  if (digits == 0 || *p != ':')
    return FALSE;
  p++;
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return FALSE;
  mins = (p[0] - '0') * 10 + (p[1] - '0');
  p += 2;
  if (*p == ':')
    {
      p++;
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || (p[0] - '0') * 10 + (p[1] - '0') > 60)
        return FALSE;
      p += 2;
      if (*p == '.' || *p == ',')
        {
          p++;
          if (!g_ascii_isdigit (*p))
            return FALSE;
          while (g_ascii_isdigit (*p))
            p++;
        }
    }
  if (hours > 23 || mins > 59)
    return FALSE;

  /* The zone is accepted and ignored: history is local wall-clock time. */
  while (*p == ' ')
    p++;
  if (*p == 'Z' || *p == 'z')
    p++;
  else if (*p == '+' || *p == '-')
    {
      p++;
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
        return FALSE;
      p += 2;
      if (*p == ':')
        p++;
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]))
        p += 2;
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;

  *minutes = hours * 60 + mins;
  return TRUE;
}

/* Splits @text (stripped) into a date part and a time part (NULL when there is none). */
static gboolean
parse_timestamp_parts (const char *text,
                       EscJulian  *julian,
                       int        *minutes,
                       gboolean   *has_time)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  char *split = NULL;
  char *time_part = NULL;

  for (char *p = t; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' ||
          ((*p == 'T' || *p == 't') && p - t >= 8 && g_ascii_isdigit (p[1])))
        {
          split = p;
          break;
        }
    }
  if (split != NULL)
    {
      *split = '\0';
      time_part = g_strstrip (split + 1);
    }

  if (!esc_parse_date (t, julian, NULL))
    return FALSE;
  *has_time = time_part != NULL && *time_part != '\0';
  *minutes = 0;
  if (*has_time && !scan_time_of_day (time_part, minutes))
    return FALSE;
  return TRUE;
}

static void
set_timestamp_error (GError    **error,
                     const char *text)
{
  g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_PARSE,
               _("expected a date and time such as 2024-05-06 08:30, 06/05/2024 08:30 or "
                 "2024-05-06T08:30:00, found “%s”"), text);
}

gboolean
esc_history_parse_timestamp (const char  *text,
                             EscInstant  *when,
                             GError     **error)
{
  EscJulian julian = 0;
  int minutes = 0;
  gboolean has_time = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!parse_timestamp_parts (text, &julian, &minutes, &has_time))
    {
      set_timestamp_error (error, text);
      return FALSE;
    }
  if (when != NULL)
    *when = (EscInstant) julian * ESC_MINUTES_PER_DAY + minutes;
  return TRUE;
}

/* Columns */

static char *
normalize_heading (const char *text)
{
  g_autofree char *folded = esc_fold_key (text);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    if (strchr (" _-/.", *p) == NULL)
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static gboolean
name_in (const char         *name,
         const char * const *names)
{
  return g_strv_contains (names, name);
}

static const Cell *
get_cell (const Cell *cells,
          guint       n_cells,
          int         column)
{
  static const Cell empty = { "", FALSE, 0 };

  if (column < 0 || (guint) column >= n_cells)
    return &empty;
  return &cells[column];
}

static gboolean
cell_is_empty (const Cell *cell)
{
  if (cell->is_number)
    return FALSE;
  for (const char *p = cell->text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
cell_is_number (const Cell *cell)
{
  return cell->is_number || esc_parse_number (cell->text, NULL, NULL);
}

static gboolean
cell_is_timestamp (Loader     *loader,
                   const Cell *cell)
{
  if (cell->is_number)
    return esc_xlsx_serial_to_datetime (cell->number, loader->is_1904, NULL, NULL);
  return esc_history_parse_timestamp (cell->text, NULL, NULL);
}

/* Finds the columns from a header row. FALSE (no error) when the row is no header. */
static gboolean
detect_header (Loader      *loader,
               const Cell  *cells,
               guint        n_cells,
               GError     **error)
{
  Columns c = { -1, -1, -1, -1 };
  int date = -1, time = -1;
  gboolean any = FALSE;

  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *name = NULL;

      if (cells[i].is_number)
        continue;
      name = normalize_heading (cells[i].text);
      if (name_in (name, timestamp_names) && c.timestamp < 0)
        c.timestamp = i, any = TRUE;
      else if (name_in (name, date_names) && date < 0)
        date = i, any = TRUE;
      else if (name_in (name, time_names) && time < 0)
        time = i, any = TRUE;
      else if (name_in (name, count_names) && c.count < 0)
        c.count = i, any = TRUE;
      else if (name_in (name, channel_names) && c.channel < 0)
        c.channel = i, any = TRUE;
    }
  if (!any)
    return FALSE;

  if (c.timestamp < 0)
    {
      if (date >= 0 && time >= 0)
        c.timestamp = date, c.time = time;
      else if (date >= 0)
        c.timestamp = date;
      else if (time >= 0)
        c.timestamp = time;
    }
  if (c.timestamp < 0)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_MISSING,
                   _("%s: the header has no timestamp column; expected one named timestamp, "
                     "data, hora or time"), loader->display_name);
      return FALSE;
    }

  loader->columns = c;
  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (loader->headings, g_strdup (cells[i].text));
  return TRUE;
}

static char *
describe_location (Loader *loader,
                   guint   row,
                   int     column)
{
  const char *heading = NULL;
  g_autofree char *where = NULL;

  if (column >= 0 && (guint) column < loader->headings->len)
    heading = g_ptr_array_index (loader->headings, column);
  if (heading != NULL && *heading == '\0')
    heading = NULL;

  if (loader->sheet != NULL)
    {
      g_autofree char *address = esc_xlsx_cell_address (row, column + 1);

      /* TRANSLATORS: a cell of a workbook, "Sheet1!B7" */
      where = g_strdup_printf (_("cell %s!%s"), loader->sheet, address);
    }
  else
    where = g_strdup_printf (_("row %u, column %d"), row, column + 1);

  if (heading != NULL)
    return g_strdup_printf ("%s (%s)", where, heading);
  return g_steal_pointer (&where);
}

static void
set_cell_error (Loader      *loader,
                guint        row,
                int          column,
                const char  *message,
                GError     **error)
{
  g_autofree char *where = describe_location (loader, row, column);

  g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_PARSE, "%s: %s: %s",
               loader->display_name, where, message);
}

/* Reading one row */

static gboolean
read_timestamp (Loader      *loader,
                guint        row,
                const Cell  *cells,
                guint        n_cells,
                EscInstant  *when,
                GError     **error)
{
  const Cell *cell = get_cell (cells, n_cells, loader->columns.timestamp);
  EscJulian julian = 0;
  int minutes = 0;
  gboolean has_time = FALSE;

  if (cell_is_empty (cell))
    {
      set_cell_error (loader, row, loader->columns.timestamp,
                      _("the timestamp is empty; expected a date and time"), error);
      return FALSE;
    }
  if (cell->is_number)
    {
      if (!esc_xlsx_serial_to_datetime (cell->number, loader->is_1904, &julian, &minutes))
        {
          g_autofree char *message =
            g_strdup_printf (_("expected a date and time, found the number %s"), cell->text);

          set_cell_error (loader, row, loader->columns.timestamp, message, error);
          return FALSE;
        }
    }
  else if (!parse_timestamp_parts (cell->text, &julian, &minutes, &has_time))
    {
      g_autoptr(GError) local_error = NULL;

      set_timestamp_error (&local_error, cell->text);
      set_cell_error (loader, row, loader->columns.timestamp, local_error->message, error);
      return FALSE;
    }

  if (loader->columns.time >= 0)
    {
      const Cell *time_cell = get_cell (cells, n_cells, loader->columns.time);
      EscJulian ignored;
      gboolean ok;

      if (time_cell->is_number)
        ok = time_cell->number >= 0 &&
             esc_xlsx_serial_to_datetime (time_cell->number - floor (time_cell->number),
                                          loader->is_1904, &ignored, &minutes);
      else
        {
          g_autofree char *t = g_strstrip (g_strdup (time_cell->text));

          ok = scan_time_of_day (t, &minutes) ||
               parse_timestamp_parts (t, &ignored, &minutes, &has_time);
        }
      if (!ok)
        {
          g_autofree char *message =
            g_strdup_printf (_("expected a time of day as HH:MM, found “%s”"), time_cell->text);

          set_cell_error (loader, row, loader->columns.time, message, error);
          return FALSE;
        }
    }

  *when = (EscInstant) julian * ESC_MINUTES_PER_DAY + minutes;
  return TRUE;
}

static gboolean
read_count (Loader      *loader,
            guint        row,
            const Cell  *cells,
            guint        n_cells,
            double      *count,
            GError     **error)
{
  const Cell *cell = get_cell (cells, n_cells, loader->columns.count);
  g_autoptr(GError) local_error = NULL;

  if (cell->is_number)
    *count = cell->number;
  else if (cell_is_empty (cell))
    *count = 0;
  else if (!esc_parse_number (cell->text, count, &local_error))
    {
      set_cell_error (loader, row, loader->columns.count, local_error->message, error);
      return FALSE;
    }

  if (!(*count >= 0) || !isfinite (*count))
    {
      g_autofree char *message =
        g_strdup_printf (_("expected a count of 0 or more, found “%s”"), cell->text);

      set_cell_error (loader, row, loader->columns.count, message, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
process_row (Loader      *loader,
             guint        row,
             const Cell  *cells,
             guint        n_cells,
             GError     **error)
{
  g_autofree char *channel = NULL;
  EscInstant when;
  double count = 1;
  gboolean empty = TRUE;

  for (guint i = 0; i < n_cells && empty; i++)
    empty = cell_is_empty (&cells[i]);
  if (empty)
    return TRUE;

  if (!loader->have_columns)
    {
      g_autoptr(GError) local_error = NULL;

      loader->have_columns = TRUE;
      if (!cell_is_timestamp (loader, get_cell (cells, n_cells, 0)))
        {
          if (detect_header (loader, cells, n_cells, &local_error))
            return TRUE;
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_MISSING,
                       _("%s: the first row is neither a header (timestamp, count, channel) "
                         "nor a row starting with a date and time"),
                       loader->display_name);
          return FALSE;
        }

      /* No header: timestamp, then count or channel, then the other. */
      loader->columns = (Columns) { 0, -1, -1, -1 };
      if (n_cells >= 2)
        {
          if (cell_is_number (&cells[1]))
            loader->columns.count = 1, loader->columns.channel = n_cells >= 3 ? 2 : -1;
          else
            loader->columns.channel = 1, loader->columns.count = n_cells >= 3 ? 2 : -1;
        }
    }

  if (!read_timestamp (loader, row, cells, n_cells, &when, error))
    return FALSE;
  if (loader->columns.count >= 0 && !read_count (loader, row, cells, n_cells, &count, error))
    return FALSE;
  if (loader->columns.channel >= 0)
    channel = g_strstrip (g_strdup (get_cell (cells, n_cells, loader->columns.channel)->text));

  if (loader->columns.count >= 0)
    esc_history_add_count (loader->history, channel, when, count);
  else
    esc_history_add_event (loader->history, channel, when);
  return TRUE;
}

static void
loader_init (Loader     *loader,
             const char *display_name)
{
  memset (loader, 0, sizeof *loader);
  loader->history = esc_history_new ();
  loader->display_name = display_name;
  loader->headings = g_ptr_array_new_with_free_func (g_free);
}

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->history, esc_history_free);
  g_clear_pointer (&loader->headings, g_ptr_array_unref);
}

static EscHistory *
loader_finish (Loader  *loader,
               GError **error)
{
  if (!loader->have_columns || esc_history_get_n_records (loader->history) == 0)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_TOO_SHORT,
                   _("%s: the history has no rows"), loader->display_name);
      return NULL;
    }
  return g_steal_pointer (&loader->history);
}

/* CSV */

typedef gboolean (*CsvRecordFunc) (guint        line,
                                   GPtrArray   *fields,
                                   gpointer     user_data,
                                   GError     **error);

static char
guess_delimiter (const char *text,
                 const char *end)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\n' || *p == '\r')
        break;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
      else if (*p == '\t')
        tabs++;
    }
  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

/* RFC 4180, leniently: CRLF, LF or CR line ends; text after a closing quote is kept. */
static gboolean
parse_csv (const char     *text,
           gsize           len,
           const char     *display_name,
           CsvRecordFunc   func,
           gpointer        user_data,
           GError        **error)
{
  const char *p = text;
  const char *end = text + len;
  char delimiter = guess_delimiter (text, end);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  guint line = 1;

  while (p < end)
    {
      guint record_line = line;
      gboolean end_of_record = FALSE;

      g_ptr_array_set_size (fields, 0);
      while (!end_of_record)
        {
          g_string_truncate (field, 0);
          if (p < end && *p == '"')
            {
              p++;
              for (;;)
                {
                  if (p >= end)
                    {
                      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_PARSE,
                                   _("%s: row %u: a quoted field is not closed"),
                                   display_name, record_line);
                      return FALSE;
                    }
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (field, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  if (*p == '\n')
                    line++;
                  g_string_append_c (field, *p++);
                }
            }
          while (p < end && *p != delimiter && *p != '\n' && *p != '\r')
            g_string_append_c (field, *p++);
          g_ptr_array_add (fields, g_strdup (field->str));

          if (p >= end)
            end_of_record = TRUE;
          else if (*p == delimiter)
            p++;
          else
            {
              if (*p == '\r' && p + 1 < end && p[1] == '\n')
                p++;
              p++;
              line++;
              end_of_record = TRUE;
            }
        }
      if (!func (record_line, fields, user_data, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
process_csv_record (guint       line,
                    GPtrArray  *fields,
                    gpointer    user_data,
                    GError    **error)
{
  Loader *loader = user_data;
  g_autofree Cell *cells = g_new0 (Cell, MAX (fields->len, 1));

  for (guint i = 0; i < fields->len; i++)
    cells[i].text = g_ptr_array_index (fields, i);
  return process_row (loader, line, cells, fields->len, error);
}

EscHistory *
esc_history_load_csv_data (const char  *data,
                           gssize       len,
                           const char  *display_name,
                           GError     **error)
{
  g_autofree char *converted = NULL;
  Loader loader;
  EscHistory *history = NULL;
  gsize size;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (display_name == NULL)
    display_name = _("history");
  size = len < 0 ? strlen (data) : (gsize) len;

  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_autoptr(GError) local_error = NULL;

      converted = g_convert (data, size, "UTF-8", "WINDOWS-1252", NULL, &size, &local_error);
      if (converted == NULL)
        {
          g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_PARSE,
                       _("%s: not a text file (%s)"), display_name, local_error->message);
          return NULL;
        }
      data = converted;
    }
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, size -= 3;

  loader_init (&loader, display_name);
  if (parse_csv (data, size, display_name, process_csv_record, &loader, error))
    history = loader_finish (&loader, error);
  loader_clear (&loader);
  return history;
}

/* XLSX */

static gboolean
process_xlsx_row (guint              row,
                  const EscXlsxCell *cells,
                  guint              n_cells,
                  gpointer           user_data,
                  GError           **error)
{
  Loader *loader = user_data;
  g_autofree Cell *dense = NULL;
  guint width = 0;

  /* Only the first columns matter; a stray cell far to the right must not cost a
   * 16,384-cell row. */
  for (guint i = 0; i < n_cells; i++)
    if (cells[i].col <= 256)
      width = MAX (width, cells[i].col);
  dense = g_new0 (Cell, MAX (width, 1));
  for (guint i = 0; i < width; i++)
    dense[i].text = "";
  for (guint i = 0; i < n_cells; i++)
    {
      Cell *cell;

      if (cells[i].col > width)
        continue;
      cell = &dense[cells[i].col - 1];
      cell->text = cells[i].text;
      cell->is_number = cells[i].type == ESC_XLSX_NUMBER;
      cell->number = cells[i].number;
    }
  return process_row (loader, row, dense, width, error);
}

static EscHistory *
load_xlsx (EscXlsxReader  *reader,
           const char     *display_name,
           GError        **error)
{
  const char * const *sheets = esc_xlsx_reader_get_sheet_names (reader);
  EscHistory *history = NULL;
  Loader loader;

  if (sheets == NULL || sheets[0] == NULL)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_MISSING,
                   _("%s: the workbook has no sheets"), display_name);
      return NULL;
    }

  loader_init (&loader, display_name);
  loader.sheet = sheets[0];
  loader.is_1904 = esc_xlsx_reader_uses_1904 (reader);
  if (esc_xlsx_reader_foreach_row (reader, sheets[0], process_xlsx_row, &loader, error))
    history = loader_finish (&loader, error);
  loader_clear (&loader);
  return history;
}

EscHistory *
esc_history_load_xlsx_bytes (GBytes      *bytes,
                             const char  *display_name,
                             GError     **error)
{
  g_autoptr(EscXlsxReader) reader = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (display_name == NULL)
    display_name = _("history");
  if ((reader = esc_xlsx_reader_open_bytes (bytes, display_name, error)) == NULL)
    return NULL;
  return load_xlsx (reader, display_name, error);
}

/* Public API */

EscHistory *
esc_history_new (void)
{
  EscHistory *self = g_new0 (EscHistory, 1);

  self->records = g_array_new (FALSE, FALSE, sizeof (Record));
  self->channels = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->channel_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sorted = TRUE;
  self->grid = ESC_MINUTES_PER_DAY;
  return self;
}

void
esc_history_free (EscHistory *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->records);
  g_ptr_array_unref (self->channels);
  g_hash_table_unref (self->channel_index);
  g_free (self);
}

void
esc_history_add_event (EscHistory *self,
                       const char *channel,
                       EscInstant  when)
{
  g_return_if_fail (self != NULL);

  self->has_events = TRUE;
  add_record (self, channel, when, 1);
}

void
esc_history_add_count (EscHistory *self,
                       const char *channel,
                       EscInstant  when,
                       double      count)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (count >= 0);

  self->has_counts = TRUE;
  self->grid = gcd (self->grid, minute_of_day (when));
  add_record (self, channel, when, count);
}

EscHistory *
esc_history_load (const char  *path,
                  GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_filename_display_basename (path);
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm"))
    {
      g_autoptr(EscXlsxReader) reader = esc_xlsx_reader_open (path, error);

      if (reader == NULL)
        return NULL;
      return load_xlsx (reader, display_name, error);
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return esc_history_load_csv_data (contents, length, display_name, error);
}

guint
esc_history_get_n_records (EscHistory *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->records->len;
}

gboolean
esc_history_is_per_interval (EscHistory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->has_counts;
}

int
esc_history_get_granularity (EscHistory *self)
{
  g_return_val_if_fail (self != NULL, 1);

  if (self->has_events || !self->has_counts)
    return 1;
  return self->grid;
}

const char * const *
esc_history_get_channels (EscHistory *self,
                          guint      *n_channels)
{
  g_return_val_if_fail (self != NULL, NULL);

  ensure_sorted (self);
  if (n_channels != NULL)
    *n_channels = self->channels->len;
  return (const char * const *) self->channels->pdata;
}

gboolean
esc_history_get_range (EscHistory *self,
                       EscInstant *first,
                       EscInstant *last)
{
  EscInstant lo = G_MAXINT64, hi = G_MININT64;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->records->len == 0)
    return FALSE;
  for (guint i = 0; i < self->records->len; i++)
    {
      EscInstant when = g_array_index (self->records, Record, i).when;

      lo = MIN (lo, when);
      hi = MAX (hi, when);
    }
  if (first != NULL)
    *first = lo;
  if (last != NULL)
    *last = hi;
  return TRUE;
}

double
esc_history_get_total (EscHistory *self,
                       const char *channel)
{
  gpointer index = NULL;
  double total = 0;

  g_return_val_if_fail (self != NULL, 0);

  ensure_sorted (self);
  if (channel != NULL && (index = g_hash_table_lookup (self->channel_index, channel)) == NULL)
    return 0;
  for (guint i = 0; i < self->records->len; i++)
    {
      const Record *record = &g_array_index (self->records, Record, i);

      if (channel == NULL || record->channel == GPOINTER_TO_UINT (index) - 1)
        total += record->count;
    }
  return total;
}

GPtrArray *
esc_history_aggregate (EscHistory  *self,
                       int          interval,
                       GError     **error)
{
  g_autoptr(GPtrArray) series = NULL;
  EscInstant first, last, start;
  gint64 days;
  guint n;
  int granularity;

  g_return_val_if_fail (self != NULL, NULL);

  if (interval <= 0 || ESC_MINUTES_PER_DAY % interval != 0)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("an interval of %d minutes does not divide the day; expected 15, 30 or "
                     "60 minutes"), interval);
      return NULL;
    }
  granularity = esc_history_get_granularity (self);
  if (interval % granularity != 0)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the history counts per %d minutes; it cannot be split into %d-minute "
                     "intervals (choose a multiple of %d minutes)"),
                   granularity, interval, granularity);
      return NULL;
    }
  if (!esc_history_get_range (self, &first, &last))
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_TOO_SHORT,
                   _("the history has no rows"));
      return NULL;
    }

  start = first - minute_of_day (first);
  days = (last - minute_of_day (last) - start) / ESC_MINUTES_PER_DAY + 1;
  if (days > MAX_DAYS)
    {
      g_autofree char *from = esc_format_date ((EscJulian) (first / ESC_MINUTES_PER_DAY));
      g_autofree char *to = esc_format_date ((EscJulian) (last / ESC_MINUTES_PER_DAY));

      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_INVALID,
                   _("the history spans %lld days, from %s to %s; at most %d days are "
                     "accepted (is a year mistyped?)"),
                   (long long) days, from, to, MAX_DAYS);
      return NULL;
    }
  n = (guint) (days * (ESC_MINUTES_PER_DAY / interval));

  ensure_sorted (self);
  series = g_ptr_array_new_with_free_func ((GDestroyNotify) esc_series_free);
  for (guint c = 0; c < self->channels->len; c++)
    g_ptr_array_add (series, esc_series_new (g_ptr_array_index (self->channels, c), start,
                                             interval, n));
  for (guint i = 0; i < self->records->len; i++)
    {
      const Record *record = &g_array_index (self->records, Record, i);
      EscSeries *s = g_ptr_array_index (series, record->channel);

      s->values[(record->when - start) / interval] += record->count;
    }
  return g_steal_pointer (&series);
}

EscSeries *
esc_history_aggregate_channel (EscHistory  *self,
                               const char  *channel,
                               int          interval,
                               GError     **error)
{
  g_autoptr(GPtrArray) series = NULL;
  gpointer index;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (channel != NULL, NULL);

  ensure_sorted (self);
  if ((index = g_hash_table_lookup (self->channel_index, channel)) == NULL)
    {
      g_set_error (error, ESC_STAFFING_ERROR, ESC_STAFFING_ERROR_MISSING,
                   _("the history has no channel “%s”"), channel);
      return NULL;
    }
  if ((series = esc_history_aggregate (self, interval, error)) == NULL)
    return NULL;
  return g_ptr_array_steal_index (series, GPOINTER_TO_UINT (index) - 1);
}
