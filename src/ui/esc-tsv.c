/* esc-tsv.c: tab-separated text as LibreOffice and Excel put it on the clipboard.
 *
 * Decisions: a quote only opens a quoted cell at the very start of the cell (as both
 * spreadsheets write it); elsewhere it is an ordinary character. An unterminated quoted
 * cell runs to the end of the text, so nothing pasted is ever dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include <string.h>

#include "esc-tsv.h"

static void
finish_cell (GPtrArray *cells,
             GString   *cell)
{
  g_ptr_array_add (cells, g_strdup (cell->str));
  g_string_truncate (cell, 0);
}

static void
finish_row (GPtrArray *rows,
            GPtrArray *cells)
{
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (rows, g_ptr_array_steal (cells, NULL));
}

GPtrArray *
esc_tsv_parse (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean at_cell_start = TRUE;
  gboolean row_open = FALSE;
  const char *p;

  if (text == NULL)
    return rows;

  for (p = text; *p != '\0'; p++)
    {
      if (at_cell_start && *p == '"')
        {
          /* A quoted cell: up to the closing quote, "" stands for one quote. */
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"')
                {
                  if (p[1] == '"')
                    {
                      g_string_append_c (cell, '"');
                      p++;
                    }
                  else
                    break;
                }
              else
                g_string_append_c (cell, *p);
            }
          row_open = TRUE;
          at_cell_start = FALSE;
          if (*p == '\0')
            break;
          continue;
        }

      switch (*p)
        {
        case '\t':
          finish_cell (cells, cell);
          at_cell_start = TRUE;
          row_open = TRUE;
          break;

        case '\r':
        case '\n':
          if (*p == '\r' && p[1] == '\n')
            p++;
          finish_cell (cells, cell);
          finish_row (rows, cells);
          at_cell_start = TRUE;
          row_open = FALSE;
          break;

        default:
          g_string_append_c (cell, *p);
          at_cell_start = FALSE;
          row_open = TRUE;
          break;
        }
    }

  if (row_open)
    {
      finish_cell (cells, cell);
      finish_row (rows, cells);
    }
  return rows;
}

static gboolean
needs_quotes (const char *cell)
{
  return strpbrk (cell, "\t\r\n\"") != NULL;
}

void
esc_tsv_append_row (GString            *out,
                    const char * const *cells,
                    gsize               n_cells)
{
  for (gsize i = 0; i < n_cells; i++)
    {
      const char *cell = cells[i] != NULL ? cells[i] : "";

      if (i > 0)
        g_string_append_c (out, '\t');
      if (needs_quotes (cell))
        {
          g_string_append_c (out, '"');
          for (const char *p = cell; *p != '\0'; p++)
            {
              if (*p == '"')
                g_string_append_c (out, '"');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      else
        g_string_append (out, cell);
    }
  g_string_append_c (out, '\n');
}
