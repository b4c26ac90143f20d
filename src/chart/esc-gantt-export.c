/* esc-gantt-export.c: the Gantt chart as PNG, SVG and PDF, and as printed pages.
 *
 * Decisions:
 * - Pictures are at most 32,767 units (pixels times scale) a side, cairo's limit; a
 *   larger chart is refused with a message that points to PDF or collapsed groups.
 * - Pages keep one scale: the last time slice of a range that does not divide into
 *   @days_per_page days is drawn at the same width per day, its end left blank.
 * - Page metrics: 1 cm margins, rows of 18 points, a 6.5 pt base font (at Pango's 96
 *   units per inch), names 180 points wide. A 7-day slice on A4 gives 85 points a day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "esc-gantt-export.h"

#include "core/esc-display.h"

#define MAX_SURFACE_SIDE 32767.0
#define PAGE_MARGIN 28.0
#define PAGE_HEADER 42.0
#define IMAGE_HEADER 56.0
#define IMAGE_PADDING 16.0

typedef struct
{
  double t0;
  double t1;
  guint first_row;
  guint end_row;
  double y_offset;
} Page;

struct _EscGanttPages
{
  EscGanttModel *model;
  EscGanttExportOptions options;
  char *title;
  PangoFontDescription *font;
  EscGanttRenderer *renderer;
  double page_width;
  double page_height;
  double legend_height;
  EscGanttViewport viewport;  /* the chart's, per page t0, t1, rows set on drawing */
  GArray *pages;              /* Page */
};

static const EscGanttExportOptions *
options_or_default (const EscGanttExportOptions *options,
                    EscGanttExportOptions       *fallback)
{
  if (options != NULL)
    return options;
  esc_gantt_export_options_init (fallback);
  return fallback;
}

static void
get_time_range (EscGanttModel               *model,
                const EscGanttExportOptions *options,
                double                      *t0,
                double                      *t1)
{
  gint32 start, end;

  esc_gantt_model_get_range (model, &start, &end);
  if (options->t1 > options->t0)
    {
      *t0 = options->t0;
      *t1 = options->t1;
    }
  else
    {
      *t0 = start;
      *t1 = end;
    }
}

static char *
format_day (EscGanttModel *model,
            double         time)
{
  gint64 day = (gint64) floor (time / ESC_MINUTES_PER_DAY);
  EscJulian julian = (EscJulian) CLAMP ((gint64) esc_gantt_model_get_origin (model) + day, 1,
                                        G_MAXUINT32);
  char *text;

  /* TRANSLATORS: a day in the header of an exported chart as strftime(3) formats it,
   * "Mon 1 March 2021" (%a the short weekday, %-d the day without a leading zero, %B the
   * month, %Y the year); e.g. de "%a, %-d. %B %Y" */
  text = esc_display_strftime (julian, C_("gantt", "%a %-d %B %Y"));
  if (*text == '\0')
    {
      g_free (text);
      return esc_format_date (julian);
    }
  return text;
}

/* "Mon 01 March 2021 – Sun 07 March 2021" for [t0, t1). */
static char *
format_period (EscGanttModel *model,
               double         t0,
               double         t1)
{
  g_autofree char *first = format_day (model, t0);
  g_autofree char *last = format_day (model, MAX (t1 - 1, t0));

  if (floor (t0 / ESC_MINUTES_PER_DAY) == floor ((t1 - 1) / ESC_MINUTES_PER_DAY))
    return g_steal_pointer (&first);
  /* TRANSLATORS: a period, first day – last day */
  return g_strdup_printf (C_("gantt", "%s – %s"), first, last);
}

static PangoLayout *
create_text (cairo_t                    *cr,
             const PangoFontDescription *base,
             double                      size_factor,
             PangoWeight                 weight,
             const char                 *text,
             double                      max_width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_copy (base);
  int size = pango_font_description_get_size (base);

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 96);
  pango_layout_context_changed (layout);
  if (size <= 0)
    size = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (base))
    pango_font_description_set_absolute_size (font, size * size_factor);
  else
    pango_font_description_set_size (font, (int) (size * size_factor));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

static void
set_style_color (cairo_t           *cr,
                 EscGanttStyle      style,
                 EscGanttColorRole  role)
{
  EscGanttRgba color;

  esc_gantt_style_get_color (style, role, &color);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
}

/* Title at the left, @detail under it, @right at the right of the title line. */
static void
draw_header (cairo_t                    *cr,
             EscGanttStyle               style,
             const PangoFontDescription *font,
             double                      x,
             double                      y,
             double                      width,
             double                      height,
             const char                 *title,
             const char                 *detail,
             const char                 *right)
{
  g_autoptr(PangoLayout) right_layout = NULL;
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) detail_layout = NULL;
  int right_width = 0, title_height, detail_height;

  if (right != NULL)
    {
      right_layout = create_text (cr, font, 0.95, PANGO_WEIGHT_NORMAL, right, -1);
      pango_layout_get_pixel_size (right_layout, &right_width, NULL);
    }
  title_layout = create_text (cr, font, 1.45, PANGO_WEIGHT_BOLD, title, width - right_width - 24);
  detail_layout = create_text (cr, font, 0.95, PANGO_WEIGHT_NORMAL, detail,
                               width - right_width - 24);
  pango_layout_get_pixel_size (title_layout, NULL, &title_height);
  pango_layout_get_pixel_size (detail_layout, NULL, &detail_height);

  {
    double top = y + round ((height - title_height - detail_height - 2) / 2);

    set_style_color (cr, style, ESC_GANTT_COLOR_TEXT);
    cairo_move_to (cr, x, top);
    pango_cairo_show_layout (cr, title_layout);
    set_style_color (cr, style, ESC_GANTT_COLOR_TEXT_DIM);
    cairo_move_to (cr, x, top + title_height + 2);
    pango_cairo_show_layout (cr, detail_layout);
    if (right_layout != NULL)
      {
        cairo_move_to (cr, x + width - right_width, top + 2);
        pango_cairo_show_layout (cr, right_layout);
      }
  }
}

static double
measure_legend (EscGanttRenderer       *renderer,
                EscGanttModel          *model,
                const EscGanttViewport *viewport,
                double                  width)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double height = esc_gantt_renderer_draw_legend (renderer, cr, model, viewport, 0, 0, width,
                                                  FALSE);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

/* Pictures (PNG, SVG) */

typedef struct
{
  EscGanttViewport viewport;
  double width;
  double height;
  double header_height;
  double chart_height;
  double legend_height;
} Picture;

static void
layout_picture (EscGanttModel               *model,
                const EscGanttExportOptions *options,
                EscGanttRenderer            *renderer,
                Picture                     *picture)
{
  double width = options->width > 0 ? options->width : 1600;
  EscGanttViewport *vp = &picture->viewport;

  esc_gantt_viewport_init (vp, model, width, 1);
  get_time_range (model, options, &vp->t0, &vp->t1);
  vp->style = options->style;
  vp->color_by = options->color_by;
  vp->font = options->font;
  vp->scale = options->scale > 0 ? options->scale : 1;
  vp->flags &= ~(guint) ESC_GANTT_DRAW_STICKY_HEADER;
  if (options->row_height > 0)
    vp->row_height = options->row_height;
  vp->height = vp->axis_height + esc_gantt_viewport_content_height (vp, model);

  picture->width = width;
  picture->header_height = options->header ? IMAGE_HEADER : 0;
  picture->chart_height = vp->height;
  picture->legend_height = 0;
  if (options->legend)
    picture->legend_height = measure_legend (renderer, model, vp, width - 2 * IMAGE_PADDING) +
                             2 * IMAGE_PADDING - 4;
  picture->height = ceil (picture->header_height + picture->chart_height + picture->legend_height);
}

static void
draw_picture (EscGanttModel               *model,
              const EscGanttExportOptions *options,
              EscGanttRenderer            *renderer,
              const Picture               *picture,
              cairo_t                     *cr)
{
  const EscGanttViewport *vp = &picture->viewport;

  set_style_color (cr, options->style, ESC_GANTT_COLOR_SIDEBAR);
  cairo_paint (cr);

  if (options->header)
    {
      g_autofree char *period = format_period (model, vp->t0, vp->t1);
      guint n = esc_gantt_model_get_n_employees (model);
      g_autofree char *employees = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u employee",
                                                                 "%u employees", n), n);
      g_autofree char *detail = g_strdup_printf ("%s · %s", period, employees);
      const PangoFontDescription *font = options->font != NULL ? options->font
                                                               : esc_gantt_renderer_default_font ();

      draw_header (cr, options->style, font, IMAGE_PADDING, 0, picture->width - 2 * IMAGE_PADDING,
                   picture->header_height, options->title != NULL ? options->title : _("Schedule"),
                   detail, NULL);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, 0, picture->header_height - 0.5);
      cairo_line_to (cr, picture->width, picture->header_height - 0.5);
      set_style_color (cr, options->style, ESC_GANTT_COLOR_BORDER);
      cairo_stroke (cr);
    }

  cairo_save (cr);
  cairo_translate (cr, 0, picture->header_height);
  esc_gantt_renderer_draw (renderer, cr, model, vp);
  cairo_restore (cr);

  if (options->legend)
    {
      double top = picture->header_height + picture->chart_height;

      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, 0, top + 0.5);
      cairo_line_to (cr, picture->width, top + 0.5);
      set_style_color (cr, options->style, ESC_GANTT_COLOR_BORDER);
      cairo_stroke (cr);
      esc_gantt_renderer_draw_legend (renderer, cr, model, vp, IMAGE_PADDING,
                                      top + IMAGE_PADDING - 2,
                                      picture->width - 2 * IMAGE_PADDING, TRUE);
    }
}

static gboolean
check_picture_size (const Picture *picture,
                    double         scale,
                    GError       **error)
{
  if (picture->width * scale <= MAX_SURFACE_SIDE && picture->height * scale <= MAX_SURFACE_SIDE &&
      picture->width >= 1 && picture->height >= 1)
    return TRUE;
  g_set_error (error, ESC_CHART_ERROR, ESC_CHART_ERROR_TOO_LARGE,
               _("The chart would be %.0f × %.0f pixels, more than one picture can hold "
                 "(%.0f a side); export a PDF, or collapse some groups"),
               picture->width * scale, picture->height * scale, MAX_SURFACE_SIDE);
  return FALSE;
}

static gboolean
check_status (cairo_status_t status,
              const char    *path,
              GError       **error)
{
  g_autofree char *name = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  name = g_filename_display_name (path);
  g_set_error (error, ESC_CHART_ERROR, ESC_CHART_ERROR_WRITE,
               _("Cannot write “%s”: %s"), name,
               status == CAIRO_STATUS_WRITE_ERROR ? g_strerror (errno)
                                                  : cairo_status_to_string (status));
  return FALSE;
}

/* Pages */

static void
paginate (EscGanttPages *self)
{
  EscGanttModel *model = self->model;
  EscGanttViewport *vp = &self->viewport;
  guint n_rows = esc_gantt_model_get_n_rows (model);
  int days_per_page = self->options.days_per_page > 0 ? self->options.days_per_page : 7;
  double slice = (double) days_per_page * ESC_MINUTES_PER_DAY;
  double t0, t1;
  guint n_slices;
  double units_per_page = floor ((vp->height - vp->axis_height) / vp->row_height);
  g_autoptr(GArray) row_pages = g_array_new (FALSE, FALSE, sizeof (Page));

  get_time_range (model, &self->options, &t0, &t1);
  n_slices = (guint) MAX (ceil ((t1 - t0) / slice - 1e-9), 1);
  units_per_page = MAX (units_per_page, 2);

  for (guint r = 0; r < n_rows || row_pages->len == 0;)
    {
      Page page = { 0 };
      gboolean continued = r < n_rows &&
                           esc_gantt_model_get_row (model, r)->kind != ESC_GANTT_ROW_GROUP;
      double available = units_per_page - (continued ? 1 : 0);
      double used = 0;
      guint end = r;

      while (end < n_rows && used + esc_gantt_model_get_row (model, end)->n_units <= available)
        used += esc_gantt_model_get_row (model, end++)->n_units;
      if (end == r && r < n_rows)
        end = r + 1;
      /* No group header at the foot of a page, alone or with only its lanes while its
       * employees are on the next page: it moves there with them. */
      if (end < n_rows)
        {
          const EscGanttRow *next = esc_gantt_model_get_row (model, end);
          guint k = end - 1;

          while (k > r && esc_gantt_model_get_row (model, k)->kind != ESC_GANTT_ROW_GROUP &&
                 esc_gantt_model_get_row (model, k)->kind != ESC_GANTT_ROW_EMPLOYEE)
            k--;
          if (k > r && esc_gantt_model_get_row (model, k)->kind == ESC_GANTT_ROW_GROUP &&
              next->group == esc_gantt_model_get_row (model, k)->group)
            end = k;
        }

      page.first_row = r;
      page.end_row = end;
      if (r < n_rows)
        page.y_offset = esc_gantt_model_get_row (model, r)->unit * vp->row_height -
                        (continued ? vp->row_height : 0);
      g_array_append_val (row_pages, page);
      if (end == r)
        break;
      r = end;
    }

  for (guint s = 0; s < n_slices; s++)
    for (guint i = 0; i < row_pages->len; i++)
      {
        Page page = g_array_index (row_pages, Page, i);

        page.t0 = t0 + s * slice;
        page.t1 = page.t0 + slice;
        g_array_append_val (self->pages, page);
      }
}

/* Public API */

void
esc_gantt_export_options_init (EscGanttExportOptions *options)
{
  *options = (EscGanttExportOptions) {
    .style = ESC_GANTT_STYLE_LIGHT,
    .color_by = ESC_GANTT_COLOR_BY_SHIFT,
    .header = TRUE,
    .legend = TRUE,
    .width = 1600,
    .scale = 1,
    .paper = ESC_GANTT_PAPER_A4,
  };
}

gboolean
esc_gantt_format_from_path (const char     *path,
                            EscGanttFormat *format)
{
  const char *dot = path != NULL ? strrchr (path, '.') : NULL;

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = ESC_GANTT_FORMAT_PNG;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = ESC_GANTT_FORMAT_SVG;
  else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = ESC_GANTT_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

void
esc_gantt_paper_get_size (EscGanttPaper  paper,
                          double        *width,
                          double        *height)
{
  if (paper == ESC_GANTT_PAPER_LETTER)
    {
      *width = 792;
      *height = 612;
    }
  else
    {
      *width = 841.89;
      *height = 595.28;
    }
}

void
esc_gantt_export_get_image_size (EscGanttModel               *model,
                                 const EscGanttExportOptions *options,
                                 double                      *width,
                                 double                      *height)
{
  EscGanttExportOptions fallback;
  g_autoptr(EscGanttRenderer) renderer = esc_gantt_renderer_new ();
  Picture picture;

  options = options_or_default (options, &fallback);
  layout_picture (model, options, renderer, &picture);
  *width = picture.width;
  *height = picture.height;
}

gboolean
esc_gantt_export_png (EscGanttModel               *model,
                      const EscGanttExportOptions *options,
                      const char                  *path,
                      GError                     **error)
{
  EscGanttExportOptions fallback;
  g_autoptr(EscGanttRenderer) renderer = esc_gantt_renderer_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  Picture picture;
  double scale;

  options = options_or_default (options, &fallback);
  scale = options->scale > 0 ? options->scale : 1;
  layout_picture (model, options, renderer, &picture);
  if (!check_picture_size (&picture, scale, error))
    return FALSE;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (picture.width * scale),
                                        (int) ceil (picture.height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  draw_picture (model, options, renderer, &picture, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      errno = 0;
      status = cairo_surface_write_to_png (surface, path);
    }
  cairo_surface_destroy (surface);
  return check_status (status, path, error);
}

gboolean
esc_gantt_export_svg (EscGanttModel               *model,
                      const EscGanttExportOptions *options,
                      const char                  *path,
                      GError                     **error)
{
  EscGanttExportOptions fallback;
  g_autoptr(EscGanttRenderer) renderer = esc_gantt_renderer_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  Picture picture;

  options = options_or_default (options, &fallback);
  layout_picture (model, options, renderer, &picture);
  picture.viewport.scale = 1;
  if (!check_picture_size (&picture, 1, error))
    return FALSE;

  errno = 0;
  surface = cairo_svg_surface_create (path, picture.width, picture.height);
  if (!check_status (cairo_surface_status (surface), path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  draw_picture (model, options, renderer, &picture, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return check_status (status, path, error);
}

gboolean
esc_gantt_export_pdf (EscGanttModel               *model,
                      const EscGanttExportOptions *options,
                      const char                  *path,
                      GError                     **error)
{
  EscGanttExportOptions fallback;
  g_autoptr(EscGanttPages) pages = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double width, height;

  options = options_or_default (options, &fallback);
  esc_gantt_paper_get_size (options->paper, &width, &height);
  pages = esc_gantt_pages_new (model, options, width, height);

  errno = 0;
  surface = cairo_pdf_surface_create (path, width, height);
  if (!check_status (cairo_surface_status (surface), path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  {
    g_autofree char *creator = g_strdup_printf ("Escala %s", PACKAGE_VERSION);

    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                    options->title != NULL ? options->title : _("Schedule"));
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  }
  cr = cairo_create (surface);
  for (guint i = 0; i < esc_gantt_pages_get_n_pages (pages); i++)
    {
      esc_gantt_pages_draw_page (pages, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return check_status (status, path, error);
}

gboolean
esc_gantt_export (EscGanttModel               *model,
                  const EscGanttExportOptions *options,
                  const char                  *path,
                  GError                     **error)
{
  EscGanttFormat format;

  if (!esc_gantt_format_from_path (path, &format))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, ESC_CHART_ERROR, ESC_CHART_ERROR_FORMAT,
                   _("Cannot tell the format of “%s”: name it .png, .svg or .pdf"), name);
      return FALSE;
    }
  switch (format)
    {
    case ESC_GANTT_FORMAT_PNG:
      return esc_gantt_export_png (model, options, path, error);
    case ESC_GANTT_FORMAT_SVG:
      return esc_gantt_export_svg (model, options, path, error);
    case ESC_GANTT_FORMAT_PDF:
    default:
      return esc_gantt_export_pdf (model, options, path, error);
    }
}

EscGanttPages *
esc_gantt_pages_new (EscGanttModel               *model,
                     const EscGanttExportOptions *options,
                     double                       page_width,
                     double                       page_height)
{
  EscGanttExportOptions fallback;
  EscGanttPages *self = g_new0 (EscGanttPages, 1);
  EscGanttViewport *vp = &self->viewport;
  double chart_width = page_width - 2 * PAGE_MARGIN;

  options = options_or_default (options, &fallback);
  self->model = esc_gantt_model_ref (model);
  self->options = *options;
  self->title = g_strdup (options->title != NULL ? options->title : _("Schedule"));
  self->options.title = self->title;
  if (options->font != NULL)
    self->font = pango_font_description_copy (options->font);
  else
    {
      self->font = pango_font_description_copy (esc_gantt_renderer_default_font ());
      pango_font_description_set_size (self->font, (int) (6.5 * PANGO_SCALE));
    }
  self->options.font = self->font;
  self->renderer = esc_gantt_renderer_new ();
  self->page_width = page_width;
  self->page_height = page_height;
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));

  esc_gantt_viewport_init (vp, model, chart_width, 1);
  vp->style = options->style;
  vp->color_by = options->color_by;
  vp->font = self->font;
  vp->row_height = options->row_height > 0 ? options->row_height : 18;
  vp->name_width = 180;
  vp->axis_height = 34;
  vp->scale = 1;
  self->legend_height = measure_legend (self->renderer, model, vp, chart_width);
  vp->height = MAX (page_height - 2 * PAGE_MARGIN - PAGE_HEADER - self->legend_height - 10,
                    vp->axis_height + 2 * vp->row_height);
  paginate (self);
  return self;
}

guint
esc_gantt_pages_get_n_pages (EscGanttPages *self)
{
  return self->pages->len;
}

void
esc_gantt_pages_get_page (EscGanttPages *self,
                          guint          index,
                          double        *t0,
                          double        *t1,
                          guint         *first_row,
                          guint         *end_row)
{
  const Page *page;

  g_return_if_fail (index < self->pages->len);

  page = &g_array_index (self->pages, Page, index);
  if (t0 != NULL)
    *t0 = page->t0;
  if (t1 != NULL)
    *t1 = page->t1;
  if (first_row != NULL)
    *first_row = page->first_row;
  if (end_row != NULL)
    *end_row = page->end_row;
}

void
esc_gantt_pages_draw_page (EscGanttPages *self,
                           cairo_t       *cr,
                           guint          index)
{
  const Page *page;
  EscGanttViewport vp;
  g_autofree char *period = NULL;
  g_autofree char *page_text = NULL;
  double chart_top = PAGE_MARGIN + PAGE_HEADER;

  g_return_if_fail (index < self->pages->len);

  page = &g_array_index (self->pages, Page, index);
  vp = self->viewport;
  vp.t0 = page->t0;
  vp.t1 = page->t1;
  vp.y_offset = page->y_offset;
  vp.row_limit = page->end_row;

  cairo_save (cr);
  set_style_color (cr, self->options.style, ESC_GANTT_COLOR_BACKGROUND);
  cairo_paint (cr);

  period = format_period (self->model, page->t0, page->t1);
  /* TRANSLATORS: page number in the header of a printed chart */
  page_text = g_strdup_printf (_("Page %u of %u"), index + 1, self->pages->len);
  draw_header (cr, self->options.style, self->font, PAGE_MARGIN, PAGE_MARGIN,
               self->page_width - 2 * PAGE_MARGIN, PAGE_HEADER - 8, self->title, period, page_text);

  /* The chart ends with its last row (below it is the page, not an empty chart), in a
   * hairline frame. */
  if (page->end_row > page->first_row)
    {
      guint last = page->end_row - 1;
      double bottom = esc_gantt_viewport_y_of_row (&vp, self->model, last) +
                      esc_gantt_viewport_row_height (&vp, self->model, last);

      vp.height = MIN (vp.height, bottom);
    }
  cairo_save (cr);
  cairo_translate (cr, PAGE_MARGIN, chart_top);
  esc_gantt_renderer_draw (self->renderer, cr, self->model, &vp);
  cairo_rectangle (cr, 0.25, 0.25, vp.width - 0.5, vp.height - 0.5);
  cairo_set_line_width (cr, 0.5);
  set_style_color (cr, self->options.style, ESC_GANTT_COLOR_BORDER);
  cairo_stroke (cr);
  cairo_restore (cr);

  esc_gantt_renderer_draw_legend (self->renderer, cr, self->model, &vp, PAGE_MARGIN,
                                  self->page_height - PAGE_MARGIN - self->legend_height,
                                  self->page_width - 2 * PAGE_MARGIN, TRUE);
  cairo_restore (cr);
}

void
esc_gantt_pages_free (EscGanttPages *self)
{
  if (self == NULL)
    return;
  esc_gantt_model_unref (self->model);
  g_free (self->title);
  pango_font_description_free (self->font);
  esc_gantt_renderer_free (self->renderer);
  g_array_unref (self->pages);
  g_free (self);
}
