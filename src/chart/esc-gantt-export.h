/* esc-gantt-export.h: the Gantt chart as PNG, SVG and PDF, and as printed pages.
 *
 * Every output goes through the one renderer (esc-gantt-renderer.h):
 * - PNG and SVG are one picture: a header (the title and the period), the chart with
 *   every row (groups collapsed in the model stay collapsed) over the chosen time range,
 *   and the legend under it. PNG is in pixels (times @scale for HiDPI), SVG in points.
 * - PDF (and printing, through EscGanttPages) is landscape pages of A4 or Letter: a
 *   header with the title, the period and "Page i of n", the chart, the legend at the
 *   foot. Rows are split across pages without cutting a row (a group header never ends
 *   a page) and the name column is repeated on each; a page that continues a group
 *   repeats its header. A long time range is split into pages of @days_per_page days;
 *   pages go through all rows of one time slice before the next slice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-chart-error.h"
#include "esc-gantt-renderer.h"

G_BEGIN_DECLS

typedef enum
{
  ESC_GANTT_FORMAT_PNG,
  ESC_GANTT_FORMAT_SVG,
  ESC_GANTT_FORMAT_PDF,
} EscGanttFormat;

typedef enum
{
  ESC_GANTT_PAPER_A4,
  ESC_GANTT_PAPER_LETTER,
} EscGanttPaper;

typedef struct
{
  double t0;                  /* time range, minutes from the model's origin; */
  double t1;                  /* t1 <= t0: the model's whole range */
  EscGanttStyle style;
  EscGanttColorBy color_by;
  const PangoFontDescription *font;  /* NULL: the renderer's default (smaller on pages) */
  const char *title;          /* the header's title; NULL: "Schedule" */
  gboolean header;            /* PNG, SVG: the title and period on top (default TRUE) */
  gboolean legend;            /* PNG, SVG: the legend at the foot (default TRUE) */
  double width;               /* PNG, SVG: width in units (default 1600) */
  double scale;               /* PNG: pixels per unit (default 1) */
  double row_height;          /* 0: 28 for pictures, 18 on pages */
  EscGanttPaper paper;        /* PDF */
  int days_per_page;          /* PDF: days per page, 0: 7 */
} EscGanttExportOptions;

typedef struct _EscGanttPages EscGanttPages;

void     esc_gantt_export_options_init   (EscGanttExportOptions *options);

/* The format named by the file's extension (.png, .svg, .pdf, any case). */
gboolean esc_gantt_format_from_path      (const char     *path,
                                          EscGanttFormat *format);
/* Landscape page size in points. */
void     esc_gantt_paper_get_size        (EscGanttPaper  paper,
                                          double        *width,
                                          double        *height);

/* The size of the PNG or SVG picture, in units (PNG pixels are these times scale). */
void     esc_gantt_export_get_image_size (EscGanttModel               *model,
                                          const EscGanttExportOptions *options,
                                          double                      *width,
                                          double                      *height);

gboolean esc_gantt_export_png            (EscGanttModel               *model,
                                          const EscGanttExportOptions *options,
                                          const char                  *path,
                                          GError                     **error);
gboolean esc_gantt_export_svg            (EscGanttModel               *model,
                                          const EscGanttExportOptions *options,
                                          const char                  *path,
                                          GError                     **error);
gboolean esc_gantt_export_pdf            (EscGanttModel               *model,
                                          const EscGanttExportOptions *options,
                                          const char                  *path,
                                          GError                     **error);
/* By the extension of @path. */
gboolean esc_gantt_export                (EscGanttModel               *model,
                                          const EscGanttExportOptions *options,
                                          const char                  *path,
                                          GError                     **error);

/* Pages of @page_width x @page_height units (points for PDF and GtkPrintOperation). */
EscGanttPages *esc_gantt_pages_new       (EscGanttModel               *model,
                                          const EscGanttExportOptions *options,
                                          double                       page_width,
                                          double                       page_height);
guint    esc_gantt_pages_get_n_pages     (EscGanttPages *self);
/* What page @index shows: the time [*t0, *t1) and the rows [*first_row, *end_row).
 * Any output may be NULL. */
void     esc_gantt_pages_get_page        (EscGanttPages *self,
                                          guint          index,
                                          double        *t0,
                                          double        *t1,
                                          guint         *first_row,
                                          guint         *end_row);
/* Draws page @index (0-based) into @cr, whose user space is the page. */
void     esc_gantt_pages_draw_page       (EscGanttPages *self,
                                          cairo_t       *cr,
                                          guint          index);
void     esc_gantt_pages_free            (EscGanttPages *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscGanttPages, esc_gantt_pages_free)

G_END_DECLS
