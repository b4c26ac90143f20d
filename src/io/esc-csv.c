/* esc-csv.c: CSV (RFC 4180, UTF-8) writing and reading.
 *
 * Decisions:
 * - The separator, when not given, is the one of ',' and ';' that occurs more often
 *   outside quotes in the first record (',' on a tie), so that the semicolon files Excel
 *   writes in pt_BR read without a question.
 * - Bytes that are not UTF-8 mean the file came from Excel's plain "CSV" (Windows-1252 on
 *   the machines our users have): the whole text is converted and the caller told.
 * - Lenient where nothing can be lost (a stray quote inside an unquoted field, text after
 *   a closing quote), strict where a guess could shift columns (an unterminated quote).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-io"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/esc-file.h"
#include "esc-csv.h"
#include "esc-io-error.h"

static void
append_field (GString    *out,
              const char *field)
{
  if (field == NULL)
    field = "";
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The separator that occurs more often outside quotes before the first line end. */
static char
guess_separator (const char *data,
                 gsize       len)
{
  gboolean quoted = FALSE;
  guint commas = 0, semicolons = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ',')
        commas++;
      else if (!quoted && c == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

static void
finish_record (GPtrArray *records,
               GPtrArray *fields)
{
  g_ptr_array_add (fields, NULL);
  g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
}

void
esc_csv_append_record (GString            *out,
                       const char * const *fields,
                       guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

gboolean
esc_csv_write_rows (const char           *path,
                    const EscTableSchema *schema,
                    GPtrArray            *rows,
                    const guint          *columns,
                    guint                 n_columns,
                    GError              **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree const char **fields = g_new0 (const char *, n_columns + 1);
  g_autofree const char **keys = g_new0 (const char *, n_columns + 1);
  g_autoptr(GError) local_error = NULL;

  for (guint c = 0; c < n_columns; c++)
    keys[c] = schema->columns[columns[c]].key;
  esc_csv_append_record (out, keys, n_columns);
  for (guint i = 0; i < rows->len; i++)
    {
      EscRow *row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < n_columns; c++)
        fields[c] = esc_row_get (row, columns[c]);
      esc_csv_append_record (out, fields, n_columns);
    }

  if (!esc_file_set_contents (path, out->str, out->len, &local_error))
    {
      g_set_error_literal (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
esc_csv_write_table (const char           *path,
                     const EscTableSchema *schema,
                     GPtrArray            *rows,
                     GError              **error)
{
  g_autofree guint *columns = g_new (guint, schema->n_columns);

  for (guint c = 0; c < schema->n_columns; c++)
    columns[c] = c;
  return esc_csv_write_rows (path, schema, rows, columns, schema->n_columns, error);
}

GPtrArray *
esc_csv_parse (const char  *data,
               gssize       len,
               char         separator,
               const char  *display_name,
               gboolean    *converted,
               GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  g_autofree char *utf8 = NULL;
  const char *p, *end;
  gsize length;
  guint line = 1, quote_line = 0;
  gboolean quoted = FALSE, was_quoted = FALSE, field_started = FALSE;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (separator == 0 || separator == ',' || separator == ';', NULL);

  if (display_name == NULL)
    display_name = "CSV";
  if (converted != NULL)
    *converted = FALSE;
  length = len < 0 ? strlen (data) : (gsize) len;

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("“%s” is not a CSV text file: it holds NUL bytes"), display_name);
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      gsize written = 0;

      utf8 = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &written, NULL);
      if (utf8 == NULL)
        {
          g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                       _("“%s” is neither UTF-8 nor Windows-1252 text"), display_name);
          return NULL;
        }
      data = utf8;
      length = written;
      if (converted != NULL)
        *converted = TRUE;
    }

  p = data;
  end = data + length;
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  if (separator == 0)
    separator = guess_separator (p, end - p);

  while (p < end)
    {
      char c = *p++;

      if (quoted)
        {
          if (c == '"')
            {
              if (p < end && *p == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else
                quoted = FALSE;
            }
          else
            {
              if (c == '\n' || (c == '\r' && (p >= end || *p != '\n')))
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }

      if (c == '"' && !field_started)
        {
          quoted = TRUE;
          was_quoted = TRUE;
          field_started = TRUE;
          quote_line = line;
        }
      else if (c == separator)
        {
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          field_started = was_quoted = FALSE;
          if (fields->len >= ESC_CSV_MAX_FIELDS)
            {
              g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_TOO_LARGE,
                           _("“%s”, line %u: more than %u fields in one record"),
                           display_name, line, ESC_CSV_MAX_FIELDS);
              return NULL;
            }
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && p < end && *p == '\n')
            p++;
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          field_started = was_quoted = FALSE;
          finish_record (records, fields);
          line++;
        }
      else
        {
          g_string_append_c (field, c);
          field_started = TRUE;
        }
    }

  if (quoted)
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("“%s”, line %u: a quoted field is not closed; expected a closing "
                     "quote (\")"), display_name, quote_line);
      return NULL;
    }
  if (field_started || was_quoted || fields->len > 0)
    {
      g_ptr_array_add (fields, g_strndup (field->str, field->len));
      finish_record (records, fields);
    }
  return g_steal_pointer (&records);
}

GPtrArray *
esc_csv_read_file (const char *path,
                   char        separator,
                   gboolean   *converted,
                   GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display_name = g_filename_display_name (path);
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_READ, _("Cannot read “%s”: %s"),
                   display_name, local_error->message);
      return NULL;
    }
  return esc_csv_parse (contents, length, separator, display_name, converted, error);
}
