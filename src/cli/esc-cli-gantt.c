/* esc-cli-gantt.c: "escala-cli gantt FILE --output OUT.{png,svg,pdf}": the schedule as a
 * Gantt chart.
 *
 * Draws the project's allocation table (solved or hand-edited) with the app's renderer:
 * PNG and SVG as one picture with every row, PDF as landscape pages (A4 or Letter) with
 * a header, a legend and the rows and days split across pages. --from and --days choose
 * the period (default: the whole schedule and horizon). Exit status 0, or 2 when the
 * project cannot be read, the command line is wrong or the output cannot be written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "chart/esc-gantt-export.h"
#include "esc-cli.h"

typedef struct
{
  char *output;
  char *from;
  int days;
  char *paper;
  gboolean dark;
  char *color_by;
  int width;
  double scale;
  int days_per_page;
  char *title;
  GStrv files;
} Options;

static void
clear_options (Options *options)
{
  g_free (options->output);
  g_free (options->from);
  g_free (options->paper);
  g_free (options->color_by);
  g_free (options->title);
  g_strfreev (options->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, clear_options)

/* Fills @export from @options; prints the problem and returns FALSE on a bad value. */
static gboolean
read_options (const EscCliCommand   *command,
              const Options         *options,
              EscGanttModel         *model,
              EscGanttExportOptions *export)
{
  gint32 range_start, range_end;
  double t0, t1;

  esc_gantt_export_options_init (export);
  esc_gantt_model_get_range (model, &range_start, &range_end);
  t0 = range_start;
  t1 = range_end;

  if (options->from != NULL)
    {
      g_autoptr(GError) error = NULL;
      EscJulian julian;

      if (!esc_parse_date (options->from, &julian, &error))
        {
          esc_cli_print_error (command, "--from: %s", error->message);
          return FALSE;
        }
      t0 = ((double) julian - esc_gantt_model_get_origin (model)) * ESC_MINUTES_PER_DAY;
      if (t0 >= t1)
        t1 = t0 + 7.0 * ESC_MINUTES_PER_DAY;
    }
  if (options->days < 0 || options->days > 3660)
    {
      esc_cli_print_error (command, _("--days: expected a number of days from 1 to 3660, found %d"),
                           options->days);
      return FALSE;
    }
  if (options->days > 0)
    t1 = t0 + (double) options->days * ESC_MINUTES_PER_DAY;
  export->t0 = t0;
  export->t1 = t1;

  if (options->paper == NULL || g_ascii_strcasecmp (options->paper, "a4") == 0)
    export->paper = ESC_GANTT_PAPER_A4;
  else if (g_ascii_strcasecmp (options->paper, "letter") == 0)
    export->paper = ESC_GANTT_PAPER_LETTER;
  else
    {
      esc_cli_print_error (command, _("--paper: expected “a4” or “letter”, found “%s”"),
                           options->paper);
      return FALSE;
    }

  if (options->color_by == NULL || g_ascii_strcasecmp (options->color_by, "shift") == 0)
    export->color_by = ESC_GANTT_COLOR_BY_SHIFT;
  else if (g_ascii_strcasecmp (options->color_by, "store") == 0)
    export->color_by = ESC_GANTT_COLOR_BY_STORE;
  else
    {
      esc_cli_print_error (command,
                           _("--color-by: expected “shift” or “store”, found “%s”"),
                           options->color_by);
      return FALSE;
    }

  if (options->width != 0 && (options->width < 400 || options->width > 30000))
    {
      esc_cli_print_error (command, _("--width: expected 400 to 30000 pixels, found %d"),
                           options->width);
      return FALSE;
    }
  if (options->width != 0)
    export->width = options->width;
  if (options->scale != 0 && (options->scale < 0.25 || options->scale > 8))
    {
      esc_cli_print_error (command, _("--scale: expected 0.25 to 8, found %g"), options->scale);
      return FALSE;
    }
  if (options->scale != 0)
    export->scale = options->scale;
  if (options->days_per_page < 0 || options->days_per_page > 366)
    {
      esc_cli_print_error (command, _("--days-per-page: expected 1 to 366, found %d"),
                           options->days_per_page);
      return FALSE;
    }
  export->days_per_page = options->days_per_page;
  export->style = options->dark ? ESC_GANTT_STYLE_DARK : ESC_GANTT_STYLE_LIGHT;
  return TRUE;
}

static char *
default_title (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (base);
  char *dot = strrchr (display, '.');

  if (dot != NULL && dot != display)
    *dot = '\0';
  return g_steal_pointer (&display);
}

int
esc_cli_gantt (const EscCliCommand *command,
               int                  argc,
               char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(EscGanttModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *output_name = NULL;
  g_auto (Options) options = { 0 };
  EscGanttExportOptions export;
  EscGanttFormat format;
  const char *path;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("Write the chart to OUT; its extension (.png, .svg, .pdf) gives the format"), N_("OUT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.from,
      N_("First day to draw (default: the first day of the schedule)"), N_("DATE") },
    { "days", 0, 0, G_OPTION_ARG_INT, &options.days,
      N_("Number of days to draw (default: to the end of the schedule)"), N_("N") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &options.paper,
      N_("PDF paper, landscape: a4 (default) or letter"), N_("PAPER") },
    { "days-per-page", 0, 0, G_OPTION_ARG_INT, &options.days_per_page,
      N_("PDF: days on one page (default 7)"), N_("N") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &options.dark, N_("Use the dark style"), NULL },
    { "color-by", 0, 0, G_OPTION_ARG_STRING, &options.color_by,
      N_("Color bars by shift (default) or by store"), N_("shift|store") },
    { "width", 0, 0, G_OPTION_ARG_INT, &options.width,
      N_("PNG, SVG: width of the picture (default 1600)"), N_("PIXELS") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &options.scale,
      N_("PNG: pixels per unit, 2 for a sharp picture on HiDPI screens (default 1)"),
      N_("FACTOR") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &options.title,
      N_("Title in the header (default: the file's name)"), N_("TEXT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  context = esc_cli_option_context_new (command, entries);
  g_option_context_set_description (context,
    _("Draws the project's schedule (its allocation table, solved or edited by hand) as a\n"
      "Gantt chart: one row per employee grouped by store and role, bars per shift,\n"
      "compensation days, leave, holidays and weekends, the shortage lane and the\n"
      "coverage of demand per store and role.\n"
      "\n"
      "PNG and SVG give one picture with every row; PDF gives landscape pages with a\n"
      "header and a legend, rows and days split across pages.\n"
      "\n"
      "Dates are YYYY-MM-DD or DD/MM/YYYY.\n"
      "\n"
      "Exit status:\n"
      "  0  the chart was written\n"
      "  2  the project cannot be read, the command line is wrong, or the chart\n"
      "     cannot be written"));
  if (!esc_cli_parse_options (command, context, &argc, &argv))
    return ESC_CLI_EXIT_FAILURE;
  if ((path = esc_cli_get_single_file (command, options.files)) == NULL)
    return ESC_CLI_EXIT_FAILURE;
  if (options.output == NULL)
    {
      esc_cli_print_error (command, "%s",
                           _("no output file given: use --output OUT.png, .svg or .pdf"));
      return ESC_CLI_EXIT_FAILURE;
    }
  output_name = g_filename_display_name (options.output);
  if (!esc_gantt_format_from_path (options.output, &format))
    {
      esc_cli_print_error (command,
                           _("cannot tell the format of “%s”: name it .png, .svg or .pdf"),
                           output_name);
      return ESC_CLI_EXIT_FAILURE;
    }

  if ((project = esc_cli_load_project (command, path)) == NULL)
    return ESC_CLI_EXIT_FAILURE;
  model = esc_gantt_model_new (project, NULL);
  if (!read_options (command, &options, model, &export))
    return ESC_CLI_EXIT_FAILURE;
  title = options.title != NULL ? g_strdup (options.title) : default_title (path);
  export.title = title;

  if (!esc_gantt_export (model, &export, options.output, &error))
    {
      esc_cli_print_error (command, "%s", error->message);
      return ESC_CLI_EXIT_FAILURE;
    }

  {
    EscJulian origin = esc_gantt_model_get_origin (model);
    EscJulian first_day = origin + (EscJulian) floor (export.t0 / ESC_MINUTES_PER_DAY);
    EscJulian last_day = origin + (EscJulian) ceil (export.t1 / ESC_MINUTES_PER_DAY) - 1;
    g_autofree char *first = esc_format_date (first_day);
    g_autofree char *last = esc_format_date (last_day);

    if (format == ESC_GANTT_FORMAT_PDF)
      {
        double width, height;
        g_autoptr(EscGanttPages) pages = NULL;
        guint n_pages;

        esc_gantt_paper_get_size (export.paper, &width, &height);
        pages = esc_gantt_pages_new (model, &export, width, height);
        n_pages = esc_gantt_pages_get_n_pages (pages);
        /* TRANSLATORS: file, number of pages, first and last day */
        g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote “%s”: %u page, %s to %s\n",
                              "Wrote “%s”: %u pages, %s to %s\n", n_pages),
                 output_name, n_pages, first, last);
      }
    else
      {
        double width, height;

        esc_gantt_export_get_image_size (model, &export, &width, &height);
        /* TRANSLATORS: file, width and height of the picture, first and last day */
        g_print (_("Wrote “%s”: %.0f × %.0f, %s to %s\n"), output_name,
                 ceil (width * (format == ESC_GANTT_FORMAT_PNG ? export.scale : 1)),
                 ceil (height * (format == ESC_GANTT_FORMAT_PNG ? export.scale : 1)), first, last);
      }
  }
  return ESC_CLI_EXIT_OK;
}
