/* bench-xlsx-read.c: how fast the XLSX reader streams a large sheet.
 *
 * Writes a workbook with libxlsxwriter (N rows of 6 columns: two shared strings, a
 * number, a date, two times), then reads it three times and prints the median time,
 * the cells per second and the peak memory of the process. Not part of `meson test`.
 *
 *   bench-xlsx-read [N_ROWS] [FILE]      (defaults: 100000 rows, a temporary file)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-bench"

#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "io/esc-xlsx-reader.h"

#define N_RUNS 3

typedef struct
{
  guint64 n_rows;
  guint64 n_cells;
  guint64 n_dates;
  double  sum;
} Totals;

static gboolean
count_row_cb (guint              row,
              const EscXlsxCell *cells,
              guint              n_cells,
              gpointer           user_data,
              GError           **error)
{
  Totals *totals = user_data;

  totals->n_rows++;
  totals->n_cells += n_cells;
  for (guint i = 0; i < n_cells; i++)
    {
      if (cells[i].type == ESC_XLSX_NUMBER)
        totals->sum += cells[i].number;
      if (cells[i].is_date)
        totals->n_dates++;
    }
  return TRUE;
}

static void
write_workbook (const char *path,
                guint       n_rows)
{
  static const char *stores[] = { "Norte Shop", "West Shop", "Carioca Shop", "Nova Iguaçu Shop" };
  static const char *roles[] = { "Atendente", "Caixa", "Gerente", "Estoquista", "ASG" };
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Demand");
  lxw_format *date_format = workbook_add_format (workbook);
  lxw_format *time_format = workbook_add_format (workbook);

  format_set_num_format (date_format, "dd/mm/yyyy");
  format_set_num_format (time_format, "hh:mm");

  for (guint row = 0; row < n_rows; row++)
    {
      worksheet_write_string (sheet, row, 0, stores[row % G_N_ELEMENTS (stores)], NULL);
      worksheet_write_string (sheet, row, 1, roles[row % G_N_ELEMENTS (roles)], NULL);
      worksheet_write_number (sheet, row, 2, 44256 + row % 365, date_format);
      worksheet_write_number (sheet, row, 3, (row % 48) / 48.0, time_format);
      worksheet_write_number (sheet, row, 4, (row % 48 + 8) / 48.0, time_format);
      worksheet_write_number (sheet, row, 5, row % 7, NULL);
    }

  if (workbook_close (workbook) != LXW_NO_ERROR)
    g_error ("cannot write %s", path);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  guint n_rows = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  double seconds[N_RUNS];
  Totals totals = { 0 };
  struct rusage usage;
  GStatBuf st;

  setlocale (LC_ALL, "");

  if (argc > 2)
    path = g_strdup (argv[2]);
  else
    {
      dir = g_dir_make_tmp ("escala-bench-XXXXXX", NULL);
      path = g_build_filename (dir, "bench.xlsx", NULL);
    }

  if (g_stat (path, &st) != 0)
    {
      gint64 start = g_get_monotonic_time ();

      write_workbook (path, n_rows);
      g_stat (path, &st);
      g_print ("wrote %u rows x 6 columns (%.1f MiB) in %.2f s\n", n_rows,
               st.st_size / 1048576.0, (g_get_monotonic_time () - start) / 1e6);
    }

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EscXlsxReader) reader = NULL;
      gint64 start = g_get_monotonic_time ();
      const char * const *names;

      memset (&totals, 0, sizeof totals);
      reader = esc_xlsx_reader_open (path, &error);
      if (reader == NULL)
        g_error ("%s", error->message);
      names = esc_xlsx_reader_get_sheet_names (reader);
      if (!esc_xlsx_reader_foreach_row (reader, names[0], count_row_cb, &totals, &error))
        g_error ("%s", error->message);
      seconds[run] = (g_get_monotonic_time () - start) / 1e6;
      g_print ("run %u: %.3f s (%" G_GUINT64_FORMAT " rows, %" G_GUINT64_FORMAT " cells, "
               "%" G_GUINT64_FORMAT " dates)\n",
               run + 1, seconds[run], totals.n_rows, totals.n_cells, totals.n_dates);
    }

  qsort (seconds, N_RUNS, sizeof seconds[0], compare_doubles);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("median %.3f s, %.2f M cells/s, peak RSS %.1f MiB\n", seconds[N_RUNS / 2],
           totals.n_cells / seconds[N_RUNS / 2] / 1e6, usage.ru_maxrss / 1024.0);

  if (dir != NULL)
    {
      g_remove (path);
      g_rmdir (dir);
    }
  return 0;
}
