/* esc-csv.c: CSV (RFC 4180, UTF-8) writing and reading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-io"

#include <glib/gi18n-lib.h>
#include <string.h>

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
                    const guint *columns,
                    guint        n_columns,
                    GError     **error)
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

  if (!g_file_set_contents_full (path, out->str, out->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE, _("Cannot write “%s”: %s"), path,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
