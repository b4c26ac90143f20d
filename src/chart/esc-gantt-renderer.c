/* esc-gantt-renderer.c: draws the Gantt chart of an EscGanttModel into any cairo_t.
 *
 * Drawing order, back to front: the background; weekend columns; the grid; per visible
 * row its chart part (group band, lanes, holidays, leave hatch) while the visible bars
 * are collected; the row separators; the bars with their outlines, locks and labels;
 * the name column; the sticky group header; the axis and the corner. Everything that
 * scrolls is clipped to its part, so the fixed parts never need repainting under it.
 *
 * Speed (a 1600 x 1000 week of 1,000 employees draws in about 2 ms, bench-gantt.c):
 * - rows by binary search on their units, bars by binary search on their start;
 * - text laid out once and kept (CachedLayout), shown as plain cairo glyphs when it is
 *   one run of one font, and pango_cairo_update_context() called only when the target's
 *   font options or transformation change (each call invalidates every layout);
 * - on image targets each distinct bar (kind, colour, size, label, lock) is drawn once
 *   into a sprite and copied (see SpriteKey); on vector targets bars are paths, one
 *   fill per colour;
 * - separators stroked together, weekend columns filled with their opaque equivalent.
 *
 * Decisions:
 * - Bars are inset by 18% of the row height above and below and by one pixel at each end
 *   (so that back-to-back shifts stay apart), snapped to device pixels, corners rounded
 *   by up to 4 units as Adwaita's buttons are.
 * - A bar's label is the longest of "Shift · 08:00–16:00", "08:00–16:00" and "8–16" that
 *   fits inside the visible part of the bar; none when none fits. Labels stick to the
 *   visible part, so a bar scrolled half out still says what it is.
 * - Leave is a 45° hatch clipped to the leave interval in the row, as paths (so it stays
 *   sharp in PDF and SVG); compensation days a soft purple box with a dashed edge and
 *   a "C"; shortage bars solid red with the missing count; broken rules a red outline.
 * - Text is laid out with Pango at 96 units per inch whatever the target, so a layout
 *   that fits on screen fits in a PNG, an SVG and a PDF alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-chart"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "esc-gantt-renderer.h"

#include "core/esc-calendar.h"
#include "core/esc-display.h"

#define MAX_CACHED_LAYOUTS 8192
#define COVERAGE_TOP 6.0      /* a coverage strip's plot: inset from the row's top */
#define COVERAGE_BOTTOM 5.0   /* and from its bottom (the baseline) */
#define MIN_SPAN_MINUTES 60.0
#define MAX_SPAN_MINUTES (3660.0 * ESC_MINUTES_PER_DAY)

typedef enum
{
  FONT_NORMAL,
  FONT_BOLD,
  FONT_SMALL,
  FONT_SMALL_BOLD,
  FONT_BAR,
  FONT_BAR_BOLD,
  N_FONTS
} FontKind;

typedef struct
{
  guint kind;
  int width;         /* ellipsize to this width, -1 for none */
  char *text;
} LayoutKey;

typedef struct
{
  LayoutKey key;     /* first: the entry is its own key */
  PangoLayout *layout;
  int width;         /* logical extents, pixels */
  int height;
  /* The layout as cairo glyphs, when it is one run of one font (most labels): shown with
   * cairo_show_glyphs(), several times faster than pango_cairo_show_layout(). */
  gboolean glyphs_tried;
  cairo_scaled_font_t *font;
  cairo_glyph_t *glyphs;  /* relative to the layout's top-left */
  int n_glyphs;
} CachedLayout;

struct _EscGanttRenderer
{
  PangoContext *context;
  guint context_serial;
  PangoFontDescription *base_font;  /* the font the fonts below were made from */
  PangoFontDescription *fonts[N_FONTS];
  GHashTable *layouts;              /* CachedLayout (as key) */
  GArray *visible;                  /* VisibleBar, reused from frame to frame */
  GArray *separators;               /* Separator, reused */
  GHashTable *sprites;              /* SpriteKey -> cairo_surface_t (image) */
  EscGanttStyle sprite_style;       /* the style the sprites were drawn in */
  double sprite_radius;
  cairo_font_options_t *font_options;  /* of the last target, to tell when it changes */
  cairo_matrix_t matrix;
};

typedef struct
{
  EscGanttRenderer *self;
  cairo_t *cr;
  EscGanttModel *model;
  const EscGanttViewport *vp;
  EscGanttRect chart;
  double ppm;        /* units per minute */
  double px;         /* one device pixel in units */
  double rh;         /* row height */
  EscGanttTicks ticks;
  EscGanttRgba colors[ESC_GANTT_N_COLORS];
  guint first_row;   /* visible rows [first_row, end_row) */
  guint end_row;
  gint32 first_day;  /* visible days [first_day, end_day) */
  gint32 end_day;
  GArray *visible;   /* VisibleBar, collected per frame (the renderer's, reused) */
  GArray *separators;  /* Separator: row separators, stroked together */
  gboolean sprites;  /* can_use_sprites() */
} Draw;

typedef struct
{
  double y;
  gboolean strong;
} Separator;


/* Compare mode (esc-versions.h): GNOME palette green 4, red 3 and yellow 5. */
#define COMPARE_ADDED_RGB   0x2ec27e
#define COMPARE_REMOVED_RGB 0xe01b24
#define COMPARE_MOVED_RGB   0xe5a50a
#define COMPARE_GHOST_RGB   0xf8d0d2  /* the removed colour at about a fifth on white */

static gsize default_font;  /* PangoFontDescription *, set once */

/* Geometry shared by drawing and hit testing */

static double
chart_left (const EscGanttViewport *vp)
{
  return (vp->flags & ESC_GANTT_DRAW_NAMES) ? vp->name_width : 0;
}

static double
chart_top (const EscGanttViewport *vp)
{
  return (vp->flags & ESC_GANTT_DRAW_AXIS) ? vp->axis_height : 0;
}

static double
snap (const EscGanttViewport *vp,
      double                  value)
{
  double scale = vp->scale > 0 ? vp->scale : 1;

  return round (value * scale) / scale;
}

static double
bar_inset (const EscGanttViewport *vp)
{
  return round (vp->row_height * 0.18);
}

/* Floor division of minutes into days. */
static gint32
day_of (double time)
{
  return (gint32) floor (time / ESC_MINUTES_PER_DAY);
}

/* Text helpers */

static guint
hash_layout_key (gconstpointer data)
{
  const LayoutKey *key = data;

  return g_str_hash (key->text) ^ (key->kind * 0x9e3779b1u) ^ ((guint) key->width * 131u);
}

static gboolean
equal_layout_keys (gconstpointer a,
                   gconstpointer b)
{
  const LayoutKey *x = a;
  const LayoutKey *y = b;

  return x->kind == y->kind && x->width == y->width && strcmp (x->text, y->text) == 0;
}

static void
free_cached_layout (gpointer data)
{
  CachedLayout *entry = data;

  g_object_unref (entry->layout);
  g_clear_pointer (&entry->font, cairo_scaled_font_destroy);
  g_free (entry->glyphs);
  g_free (entry->key.text);
  g_free (entry);
}

/* Sprites hold labels (by their CachedLayout): they go with the layouts. */
static void
clear_layouts (EscGanttRenderer *self)
{
  g_hash_table_remove_all (self->layouts);
  g_hash_table_remove_all (self->sprites);
}

static void
update_fonts (EscGanttRenderer           *self,
              const PangoFontDescription *font)
{
  static const struct { double scale; PangoWeight weight; } kinds[N_FONTS] = {
    [FONT_NORMAL] = { 1.0, PANGO_WEIGHT_NORMAL },
    [FONT_BOLD] = { 1.0, PANGO_WEIGHT_BOLD },
    [FONT_SMALL] = { 0.9, PANGO_WEIGHT_NORMAL },
    [FONT_SMALL_BOLD] = { 0.9, PANGO_WEIGHT_BOLD },
    [FONT_BAR] = { 0.88, PANGO_WEIGHT_MEDIUM },
    [FONT_BAR_BOLD] = { 0.88, PANGO_WEIGHT_BOLD },
  };
  int size;

  if (self->base_font != NULL && pango_font_description_equal (self->base_font, font))
    return;

  g_clear_pointer (&self->base_font, pango_font_description_free);
  self->base_font = pango_font_description_copy (font);
  size = pango_font_description_get_size (font);
  if (size <= 0)
    size = 10 * PANGO_SCALE;

  for (guint i = 0; i < N_FONTS; i++)
    {
      g_clear_pointer (&self->fonts[i], pango_font_description_free);
      self->fonts[i] = pango_font_description_copy (font);
      pango_font_description_set_weight (self->fonts[i], kinds[i].weight);
      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (self->fonts[i], size * kinds[i].scale);
      else
        pango_font_description_set_size (self->fonts[i], (int) (size * kinds[i].scale));
    }
  clear_layouts (self);
}

/* Whether @cr lays text out as the last one did: the same transformation (but for
 * translation) and font options. pango_cairo_update_context() invalidates every layout
 * each time it is called, so it is called only when they differ. */
static gboolean
same_text_target (EscGanttRenderer *self,
                  cairo_t          *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_matrix_t matrix;
  gboolean same;

  cairo_surface_get_font_options (cairo_get_target (cr), options);
  {
    cairo_font_options_t *own = cairo_font_options_create ();

    cairo_get_font_options (cr, own);
    cairo_font_options_merge (options, own);
    cairo_font_options_destroy (own);
  }
  cairo_get_matrix (cr, &matrix);
  matrix.x0 = matrix.y0 = 0;

  same = self->font_options != NULL && cairo_font_options_equal (options, self->font_options) &&
         memcmp (&matrix, &self->matrix, sizeof matrix) == 0;
  g_clear_pointer (&self->font_options, cairo_font_options_destroy);
  self->font_options = options;
  self->matrix = matrix;
  return same;
}

static void
prepare_context (EscGanttRenderer       *self,
                 cairo_t                *cr,
                 const EscGanttViewport *vp)
{
  guint serial;

  if (!same_text_target (self, cr))
    pango_cairo_update_context (cr, self->context);
  serial = pango_context_get_serial (self->context);
  if (serial != self->context_serial)
    {
      self->context_serial = serial;
      clear_layouts (self);
    }
  update_fonts (self, vp->font != NULL ? vp->font : esc_gantt_renderer_default_font ());
  if (g_hash_table_size (self->layouts) > MAX_CACHED_LAYOUTS)
    clear_layouts (self);
}

static CachedLayout *
get_layout (Draw       *d,
            FontKind    kind,
            const char *text,
            double      max_width)
{
  EscGanttRenderer *self = d->self;
  LayoutKey key = { kind, max_width >= 0 ? (int) floor (max_width) : -1, (char *) text };
  CachedLayout *entry = g_hash_table_lookup (self->layouts, &key);
  PangoRectangle logical;

  if (entry != NULL)
    return entry;

  entry = g_new0 (CachedLayout, 1);
  entry->key.kind = kind;
  entry->key.width = key.width;
  entry->key.text = g_strdup (text);
  entry->layout = pango_layout_new (self->context);
  pango_layout_set_font_description (entry->layout, self->fonts[kind]);
  pango_layout_set_single_paragraph_mode (entry->layout, TRUE);
  if (kind == FONT_BAR || kind == FONT_BAR_BOLD || kind == FONT_SMALL)
    {
      PangoAttrList *attributes = pango_attr_list_new ();

      /* Tabular figures: times line up from one bar to the next. */
      pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum"));
      pango_layout_set_attributes (entry->layout, attributes);
      pango_attr_list_unref (attributes);
    }
  if (key.width >= 0)
    {
      pango_layout_set_width (entry->layout, MAX (key.width, 1) * PANGO_SCALE);
      pango_layout_set_ellipsize (entry->layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (entry->layout, text, -1);
  pango_layout_get_pixel_extents (entry->layout, NULL, &logical);
  entry->width = logical.width;
  entry->height = logical.height;
  g_hash_table_add (self->layouts, entry);
  return entry;
}

static void
set_color (Draw              *d,
           EscGanttColorRole  role)
{
  const EscGanttRgba *c = &d->colors[role];

  cairo_set_source_rgba (d->cr, c->red, c->green, c->blue, c->alpha);
}

static void
set_rgba (Draw               *d,
          const EscGanttRgba *c)
{
  cairo_set_source_rgba (d->cr, c->red, c->green, c->blue, c->alpha);
}

#define MAX_FAST_GLYPHS 256

/* Fills layout->glyphs when the layout is one line of one run with plain glyphs. */
static void
extract_glyphs (CachedLayout *layout)
{
  PangoLayoutLine *line;
  PangoGlyphItem *run;
  PangoGlyphString *string;
  double baseline;
  int x = 0;

  layout->glyphs_tried = TRUE;
  if (pango_layout_get_line_count (layout->layout) != 1)
    return;
  line = pango_layout_get_line_readonly (layout->layout, 0);
  if (line->runs == NULL || line->runs->next != NULL)
    return;
  run = line->runs->data;
  string = run->glyphs;
  if (string->num_glyphs <= 0 || string->num_glyphs > MAX_FAST_GLYPHS ||
      !PANGO_IS_CAIRO_FONT (run->item->analysis.font))
    return;
  for (int i = 0; i < string->num_glyphs; i++)
    if (string->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
      return;

  baseline = pango_layout_get_baseline (layout->layout) / (double) PANGO_SCALE;
  layout->glyphs = g_new (cairo_glyph_t, string->num_glyphs);
  layout->n_glyphs = 0;
  for (int i = 0; i < string->num_glyphs; i++)
    {
      PangoGlyphInfo *info = &string->glyphs[i];

      if (info->glyph != PANGO_GLYPH_EMPTY)
        layout->glyphs[layout->n_glyphs++] = (cairo_glyph_t) {
          info->glyph,
          (x + info->geometry.x_offset) / (double) PANGO_SCALE,
          baseline + info->geometry.y_offset / (double) PANGO_SCALE,
        };
      x += info->geometry.width;
    }
  layout->font = cairo_scaled_font_reference (
    pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font)));
  if (layout->font == NULL)
    g_clear_pointer (&layout->glyphs, g_free);
}

/* Shows @layout with its top-left at (x, y). */
static void
show_layout_at (Draw         *d,
                CachedLayout *layout,
                double        x,
                double        y)
{
  cairo_glyph_t glyphs[MAX_FAST_GLYPHS];

  if (!layout->glyphs_tried)
    extract_glyphs (layout);
  if (layout->glyphs == NULL)
    {
      cairo_move_to (d->cr, x, y);
      pango_cairo_show_layout (d->cr, layout->layout);
      return;
    }
  for (int i = 0; i < layout->n_glyphs; i++)
    glyphs[i] = (cairo_glyph_t) { layout->glyphs[i].index, layout->glyphs[i].x + x,
                                  layout->glyphs[i].y + y };
  cairo_set_scaled_font (d->cr, layout->font);
  cairo_show_glyphs (d->cr, glyphs, layout->n_glyphs);
}

/* Shows @layout vertically centred in [top, top + height). */
static void
show_layout_centred (Draw         *d,
                     CachedLayout *layout,
                     double        x,
                     double        top,
                     double        height)
{
  show_layout_at (d, layout, x, top + round ((height - layout->height) / 2));
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  if (radius <= 0.5)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A vertical hairline at @x from @y0 to @y1, on device pixel centres. */
static void
add_vline (Draw   *d,
           double  x,
           double  y0,
           double  y1)
{
  double scale = d->vp->scale > 0 ? d->vp->scale : 1;
  double snapped = (floor (x * scale) + 0.5) / scale;

  cairo_move_to (d->cr, snapped, y0);
  cairo_line_to (d->cr, snapped, y1);
}

static void
add_hline (Draw   *d,
           double  y,
           double  x0,
           double  x1)
{
  double scale = d->vp->scale > 0 ? d->vp->scale : 1;
  double snapped = (floor (y * scale) - 0.5) / scale;

  cairo_move_to (d->cr, x0, snapped);
  cairo_line_to (d->cr, x1, snapped);
}

/* "8 h", "7.5 h" ("7,5 h" under de_DE). */
static char *
format_hours (gint64 minutes)
{
  return esc_display_hours (minutes / 60.0, minutes % 60 == 0 ? 0 : 1);
}

static void add_hline (Draw *d, double y, double x0, double x1);

static void
add_separator (Draw     *d,
               double    y,
               gboolean  strong)
{
  Separator separator = { y, strong };

  g_array_append_val (d->separators, separator);
}

/* Strokes the separators added since the last flush, from @x0 to @x1. */
static void
flush_separators (Draw   *d,
                  double  x0,
                  double  x1)
{
  for (int strong = 0; strong <= 1; strong++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < d->separators->len; i++)
        {
          const Separator *separator = &g_array_index (d->separators, Separator, i);

          if (separator->strong == strong)
            {
              add_hline (d, separator->y, x0, x1);
              any = TRUE;
            }
        }
      if (any)
        {
          cairo_set_line_width (d->cr, d->px);
          set_color (d, strong ? ESC_GANTT_COLOR_GRID_STRONG : ESC_GANTT_COLOR_GRID);
          cairo_stroke (d->cr);
        }
    }
  g_array_set_size (d->separators, 0);
}

/* Dates */

static void
date_of_julian (EscJulian julian,
                GDate    *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, MAX (julian, 1));
}

static char *
format_date (EscJulian   julian,
             const char *format)
{
  return esc_display_strftime (MAX (julian, 1), format);
}

static EscJulian
julian_of_day (Draw   *d,
               gint64  day)
{
  gint64 julian = (gint64) esc_gantt_model_get_origin (d->model) + day;

  return (EscJulian) CLAMP (julian, 1, G_MAXUINT32);
}

/* Ticks */

/* The tick of @unit at or before @time, in minutes from the origin. */
static gint64
tick_floor (EscGanttModel *model,
            EscGanttUnit   unit,
            int            step,
            double         time)
{
  EscJulian origin = esc_gantt_model_get_origin (model);
  gint64 day = day_of (time);
  EscJulian julian = (EscJulian) MAX ((gint64) origin + day, 1);
  GDate date;

  switch (unit)
    {
    case ESC_GANTT_UNIT_HOUR:
      return (gint64) floor (time / (60.0 * step)) * 60 * step;
    case ESC_GANTT_UNIT_DAY:
      return day * ESC_MINUTES_PER_DAY;
    case ESC_GANTT_UNIT_WEEK:
      julian = esc_calendar_week_start (julian, esc_gantt_model_get_first_day_of_week (model));
      return ((gint64) julian - origin) * ESC_MINUTES_PER_DAY;
    case ESC_GANTT_UNIT_MONTH:
      date_of_julian (julian, &date);
      g_date_set_day (&date, 1);
      return ((gint64) g_date_get_julian (&date) - origin) * ESC_MINUTES_PER_DAY;
    case ESC_GANTT_UNIT_YEAR:
    default:
      date_of_julian (julian, &date);
      g_date_set_day (&date, 1);
      g_date_set_month (&date, G_DATE_JANUARY);
      return ((gint64) g_date_get_julian (&date) - origin) * ESC_MINUTES_PER_DAY;
    }
}

static gint64
tick_next (EscGanttModel *model,
           EscGanttUnit   unit,
           int            step,
           gint64         tick)
{
  EscJulian origin = esc_gantt_model_get_origin (model);
  GDate date;

  switch (unit)
    {
    case ESC_GANTT_UNIT_HOUR:
      return tick + 60 * step;
    case ESC_GANTT_UNIT_DAY:
      return tick + (gint64) ESC_MINUTES_PER_DAY * step;
    case ESC_GANTT_UNIT_WEEK:
      return tick + (gint64) 7 * ESC_MINUTES_PER_DAY * step;
    case ESC_GANTT_UNIT_MONTH:
      date_of_julian ((EscJulian) MAX ((gint64) origin + tick / ESC_MINUTES_PER_DAY, 1), &date);
      g_date_add_months (&date, (guint) step);
      return ((gint64) g_date_get_julian (&date) - origin) * ESC_MINUTES_PER_DAY;
    case ESC_GANTT_UNIT_YEAR:
    default:
      date_of_julian ((EscJulian) MAX ((gint64) origin + tick / ESC_MINUTES_PER_DAY, 1), &date);
      g_date_add_years (&date, (guint) step);
      return ((gint64) g_date_get_julian (&date) - origin) * ESC_MINUTES_PER_DAY;
    }
}

/* Colours of bars */

static guint32
bar_color (Draw              *d,
           const EscGanttRow *row,
           const EscGanttBar *bar)
{
  if (d->vp->color_by == ESC_GANTT_COLOR_BY_STORE)
    {
      const EscGanttGroup *group = esc_gantt_model_get_group (d->model, row->group);

      return esc_gantt_model_get_store (d->model, group->store)->color;
    }
  return bar->color;
}

static guint32
mix_rgb (guint32 a,
         guint32 b,
         double  t)
{
  guint32 result = 0;

  for (int shift = 0; shift <= 16; shift += 8)
    {
      double x = (a >> shift) & 0xff;
      double y = (b >> shift) & 0xff;

      result |= (guint32) CLAMP (round (x + (y - x) * t), 0, 255) << shift;
    }
  return result;
}

static guint32
rgba_to_rgb (const EscGanttRgba *c)
{
  return ((guint32) round (c->red * 255) << 16) | ((guint32) round (c->green * 255) << 8) |
         (guint32) round (c->blue * 255);
}

/* Backgrounds, weekends, holidays, grid */

static void
draw_weekends (Draw *d)
{
  cairo_t *cr = d->cr;
  gboolean any = FALSE;

  /* Far out, a stripe every few units is noise. */
  if (d->ticks.level > ESC_GANTT_TICKS_WEEKS)
    return;

  for (gint32 day = d->first_day; day < d->end_day; day++)
    {
      EscWeekday weekday = esc_julian_weekday (julian_of_day (d, day));
      double x0, x1;

      if (weekday != ESC_SAT && weekday != ESC_SUN)
        continue;
      x0 = snap (d->vp, esc_gantt_viewport_x_of_time (d->vp, (double) day * ESC_MINUTES_PER_DAY));
      x1 = snap (d->vp, esc_gantt_viewport_x_of_time (d->vp,
                                                      (double) (day + 1) * ESC_MINUTES_PER_DAY));
      cairo_rectangle (cr, x0, d->chart.y, x1 - x0, d->chart.height);
      any = TRUE;
    }
  if (any)
    {
      /* Over the plain background: its opaque equivalent fills much faster. */
      const EscGanttRgba *w = &d->colors[ESC_GANTT_COLOR_WEEKEND];
      const EscGanttRgba *b = &d->colors[ESC_GANTT_COLOR_BACKGROUND];

      cairo_set_source_rgb (cr, w->red * w->alpha + b->red * (1 - w->alpha),
                            w->green * w->alpha + b->green * (1 - w->alpha),
                            w->blue * w->alpha + b->blue * (1 - w->alpha));
      cairo_fill (cr);
    }
}

static void
add_grid_lines (Draw         *d,
                EscGanttUnit  unit,
                int           step)
{
  double bottom = d->chart.y + d->chart.height;
  gint64 tick = tick_floor (d->model, unit, step, d->vp->t0);
  guint guard = 0;

  for (; tick < d->vp->t1 && guard < 10000; tick = tick_next (d->model, unit, step, tick), guard++)
    if (tick > d->vp->t0)
      add_vline (d, esc_gantt_viewport_x_of_time (d->vp, (double) tick), d->chart.y, bottom);
}

static void
draw_grid (Draw *d)
{
  cairo_t *cr = d->cr;

  cairo_set_line_width (cr, d->px);
  add_grid_lines (d, d->ticks.grid_unit, d->ticks.grid_step);
  if (d->ticks.minor_unit != d->ticks.grid_unit)
    add_grid_lines (d, d->ticks.minor_unit, d->ticks.minor_step);
  set_color (d, ESC_GANTT_COLOR_GRID);
  cairo_stroke (cr);

  add_grid_lines (d, d->ticks.major_unit, 1);
  set_color (d, ESC_GANTT_COLOR_GRID_STRONG);
  cairo_stroke (cr);
}

static void
draw_row_holidays (Draw   *d,
                   guint   store,
                   double  top,
                   double  height)
{
  const EscGanttStore *s = esc_gantt_model_get_store (d->model, store);
  gboolean any = FALSE;

  for (guint i = 0; i < s->n_holidays; i++)
    {
      gint32 day = s->holidays[i].day;
      double x0, x1;

      if (day < d->first_day || day >= d->end_day)
        continue;
      x0 = snap (d->vp, esc_gantt_viewport_x_of_time (d->vp, (double) day * ESC_MINUTES_PER_DAY));
      x1 = snap (d->vp, esc_gantt_viewport_x_of_time (d->vp,
                                                      (double) (day + 1) * ESC_MINUTES_PER_DAY));
      cairo_rectangle (d->cr, x0, top, x1 - x0, height);
      any = TRUE;
    }
  if (any)
    {
      set_color (d, ESC_GANTT_COLOR_HOLIDAY);
      cairo_fill (d->cr);
    }
}

/* Leave: a wash and a 45° hatch, clipped to the interval. */
static void
draw_hatch (Draw   *d,
            double  x0,
            double  y0,
            double  x1,
            double  y1)
{
  cairo_t *cr = d->cr;
  double spacing = 7;
  double height = y1 - y0;
  double start;

  if (x1 <= x0 || y1 <= y0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x0, y0, x1 - x0, height);
  set_color (d, ESC_GANTT_COLOR_LEAVE);
  cairo_fill_preserve (cr);
  cairo_clip (cr);

  /* Lines x - y = c, anchored to the drawing's origin so that hatches of neighbouring
   * rows and pages continue one another. */
  start = floor ((x0 - y1) / spacing) * spacing;
  for (double c = start; c < x1 - y0; c += spacing)
    {
      cairo_move_to (cr, c + y1, y1);
      cairo_line_to (cr, c + y0, y0);
    }
  cairo_set_line_width (cr, 1.5);
  set_color (d, ESC_GANTT_COLOR_LEAVE_HATCH);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_row_leave (Draw              *d,
                const EscGanttRow *row,
                double             top)
{
  for (guint i = 0; i < row->n_leave; i++)
    {
      const EscGanttInterval *leave = &row->leave[i];
      double x0, x1;

      if (leave->end <= d->vp->t0 || leave->start >= d->vp->t1)
        continue;
      x0 = snap (d->vp, esc_gantt_viewport_x_of_time (d->vp, MAX (leave->start, d->vp->t0)));
      x1 = snap (d->vp, esc_gantt_viewport_x_of_time (d->vp, MIN (leave->end, d->vp->t1)));
      draw_hatch (d, MAX (x0, d->chart.x), top + 1, x1, top + d->rh);
    }
}

/* Bars */

static void
draw_lock (Draw               *d,
           double              x,
           double              centre_y,
           const EscGanttRgba *color)
{
  cairo_t *cr = d->cr;
  double body_w = 8, body_h = 6.5;
  double top = round (centre_y - 1.5);

  cairo_save (cr);
  set_rgba (d, color);
  rounded_rectangle (cr, x, top, body_w, body_h, 1.2);
  cairo_fill (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + body_w / 2, top, 2.6, G_PI, 0);
  cairo_line_to (cr, x + body_w / 2 + 2.6, top + 0.5);
  cairo_move_to (cr, x + body_w / 2 - 2.6, top + 0.5);
  cairo_line_to (cr, x + body_w / 2 - 2.6, top);
  cairo_set_line_width (cr, 1.4);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The label that fits in @available, longest first; NULL when none does. */
static CachedLayout *
choose_label (Draw              *d,
              const EscGanttBar *bar,
              FontKind           kind,
              double             available)
{
  const char *labels[] = { bar->long_label, bar->label, bar->short_label };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      CachedLayout *layout;

      if (labels[i] == NULL || *labels[i] == '\0')
        continue;
      layout = get_layout (d, kind, labels[i], -1);
      if (layout->width <= available)
        return layout;
    }
  return NULL;
}

/* A bar found visible while the rows are drawn; bars are drawn after all rows, their
 * fills batched by colour (one cairo_fill per colour rather than per bar: the fills are
 * most of a frame's cost). */
typedef struct
{
  guint row;
  guint bar;
  EscGanttRect rect;
  guint32 rgb;       /* the fill (work and extra bars) */
  gboolean baked;    /* its sprite holds its lock and label */
} VisibleBar;

static void
collect_bar (Draw              *d,
             guint              row_index,
             const EscGanttRow *row,
             guint              bar_index)
{
  const EscGanttBar *bar = &row->bars[bar_index];
  VisibleBar visible = { row_index, bar_index };

  esc_gantt_viewport_get_bar_rect (d->vp, d->model, row_index, bar_index, &visible.rect);
  if (visible.rect.width <= 0)
    return;
  switch (bar->type)
    {
    case ESC_GANTT_BAR_COMPENSATION:
      visible.rgb = 0;
      break;
    case ESC_GANTT_BAR_EXTRA:
      visible.rgb = rgba_to_rgb (&d->colors[ESC_GANTT_COLOR_SHORTAGE]);
      break;
    case ESC_GANTT_BAR_WORK:
    default:
      if (bar->flags & ESC_GANTT_BAR_REMOVED)
        {
          visible.rgb = COMPARE_GHOST_RGB;
          break;
        }
      visible.rgb = bar_color (d, row, bar);
      if (d->vp->hover_task != NULL && strcmp (d->vp->hover_task, bar->task) == 0)
        visible.rgb = mix_rgb (visible.rgb, 0xffffff, 0.18);
      break;
    }
  g_array_append_val (d->visible, visible);
}

static double
bar_radius (Draw *d)
{
  return MIN (4, d->rh * 0.16);
}

static gboolean
is_ghost (Draw             *d,
          const VisibleBar *bar)
{
  return (esc_gantt_model_get_row (d->model, bar->row)->bars[bar->bar].flags &
          ESC_GANTT_BAR_REMOVED) != 0;
}

/* A removed bar: a pale fill with a dashed red edge, under everything else. */
static void
draw_ghost (Draw             *d,
            const VisibleBar *visible)
{
  cairo_t *cr = d->cr;
  const EscGanttRect *rect = &visible->rect;
  double dashes[] = { 4, 3 };
  EscGanttRgba color;

  rounded_rectangle (cr, rect->x + 1, rect->y + 1, rect->width - 2, rect->height - 2,
                     bar_radius (d));
  esc_gantt_rgba_from_rgb (COMPARE_REMOVED_RGB, &color);
  color.alpha = 0.22;
  set_rgba (d, &color);
  cairo_fill_preserve (cr);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_set_line_width (cr, 2);
  color.alpha = 1;
  set_rgba (d, &color);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_compensation (Draw             *d,
                   const VisibleBar *visible)
{
  cairo_t *cr = d->cr;
  const EscGanttRect *rect = &visible->rect;
  double dashes[] = { 3, 2 };

  rounded_rectangle (cr, rect->x + 0.5, rect->y + 0.5, rect->width - 1, rect->height - 1,
                     bar_radius (d));
  set_color (d, ESC_GANTT_COLOR_COMPENSATION);
  cairo_fill_preserve (cr);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_set_line_width (cr, 1);
  set_color (d, ESC_GANTT_COLOR_COMPENSATION_EDGE);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static int
compare_visible_by_color (gconstpointer a,
                          gconstpointer b,
                          gpointer      data)
{
  const VisibleBar *bars = data;
  const VisibleBar *x = &bars[*(const guint *) a];
  const VisibleBar *y = &bars[*(const guint *) b];

  if (x->rgb != y->rgb)
    return x->rgb < y->rgb ? -1 : 1;
  return (*(const guint *) a > *(const guint *) b) - (*(const guint *) a < *(const guint *) b);
}

/* Where the lock and the label of a bar go, for the part of it between @x0 and @x1. */
typedef struct
{
  gboolean lock;
  double lock_x;
  CachedLayout *label;
  double label_x;
  EscGanttRgba color;
} BarMarks;

static void
plan_marks (Draw              *d,
            const EscGanttBar *bar,
            guint32            rgb,
            const EscGanttRect *rect,
            double             x0,
            double             x1,
            BarMarks          *marks)
{
  FontKind font = FONT_BAR;
  gboolean centred = FALSE;
  double lock_width = 0;

  *marks = (BarMarks) { FALSE };
  if (x1 - x0 < 6)
    return;

  switch (bar->type)
    {
    case ESC_GANTT_BAR_COMPENSATION:
      marks->color = d->colors[ESC_GANTT_COLOR_COMPENSATION_EDGE];
      font = FONT_BAR_BOLD;
      centred = TRUE;
      break;
    case ESC_GANTT_BAR_EXTRA:
      marks->color = (EscGanttRgba) { 1, 1, 1, 1 };
      font = FONT_BAR_BOLD;
      break;
    case ESC_GANTT_BAR_WORK:
    default:
      esc_gantt_text_color_on (rgb, &marks->color);
      break;
    }

  if ((bar->flags & ESC_GANTT_BAR_PINNED) && x1 - x0 >= 14)
    {
      marks->lock = TRUE;
      marks->lock_x = x0 + 4;
      lock_width = 9;  /* the lock and its gap: the padding before it is the label's */
    }

  if (!(d->vp->flags & ESC_GANTT_DRAW_LABELS) || rect->height < 9)
    return;

  {
    double padding = rect->width >= 30 ? 4 : 2;
    double available = x1 - x0 - 2 * padding - lock_width;

    marks->label = choose_label (d, bar, font, available);
    if (marks->label == NULL)
      return;
    if (centred || marks->label->width + 2 * padding + lock_width > x1 - x0 - 2)
      marks->label_x = round (x0 + lock_width + (x1 - x0 - lock_width - marks->label->width) / 2);
    else
      marks->label_x = round (x0 + padding + lock_width);
  }
}

static void
draw_marks (Draw               *d,
            const BarMarks     *marks,
            const EscGanttRect *rect)
{
  if (marks->lock)
    draw_lock (d, marks->lock_x, rect->y + rect->height / 2, &marks->color);
  if (marks->label != NULL)
    {
      set_rgba (d, &marks->color);
      show_layout_centred (d, marks->label, marks->label_x, rect->y, rect->height);
    }
}

/* Outlines, and the lock and label when the bar's sprite does not hold them. */
static void
decorate_bar (Draw             *d,
              const VisibleBar *visible)
{
  cairo_t *cr = d->cr;
  const EscGanttRow *row = esc_gantt_model_get_row (d->model, visible->row);
  const EscGanttBar *bar = &row->bars[visible->bar];
  const EscGanttRect *rect = &visible->rect;
  double radius = bar_radius (d);
  BarMarks marks;

  if (bar->flags & ESC_GANTT_BAR_VIOLATION)
    {
      rounded_rectangle (cr, rect->x - 1, rect->y - 1, rect->width + 2, rect->height + 2,
                         radius + 1);
      cairo_set_line_width (cr, 2);
      set_color (d, ESC_GANTT_COLOR_VIOLATION);
      cairo_stroke (cr);
    }
  if (bar->flags & (ESC_GANTT_BAR_ADDED | ESC_GANTT_BAR_MOVED))
    {
      EscGanttRgba color;

      esc_gantt_rgba_from_rgb ((bar->flags & ESC_GANTT_BAR_ADDED) ? COMPARE_ADDED_RGB
                                                                 : COMPARE_MOVED_RGB, &color);
      rounded_rectangle (cr, rect->x - 1, rect->y - 1, rect->width + 2, rect->height + 2,
                         radius + 1);
      cairo_set_line_width (cr, 2.5);
      set_rgba (d, &color);
      cairo_stroke (cr);
    }
  if (d->vp->selected_task != NULL && strcmp (d->vp->selected_task, bar->task) == 0)
    {
      rounded_rectangle (cr, rect->x - 2.5, rect->y - 2.5, rect->width + 5, rect->height + 5,
                         radius + 2.5);
      cairo_set_line_width (cr, 2);
      set_color (d, ESC_GANTT_COLOR_SELECTION);
      cairo_stroke (cr);
    }
  if (visible->baked)
    return;

  /* Labels and the lock stick to the visible part of the bar. */
  plan_marks (d, bar, visible->rgb, rect, MAX (rect->x, d->chart.x),
              MIN (rect->x + rect->width, d->chart.x + d->chart.width), &marks);
  draw_marks (d, &marks, rect);
}

/* Sprites: on an image target (the widget, PNG), each distinct bar (its kind, colour,
 * size in device pixels, label and lock) is drawn once into a small image and then
 * copied, several times faster than filling a path and showing glyphs per bar: bars of
 * one shift at one zoom share one sprite. Bars cut by the chart's edges keep their marks
 * out of the sprite (the marks stick to the visible part). Vector targets (PDF, SVG)
 * get paths and text. */
typedef struct
{
  guint32 rgb;
  guint16 width;     /* device pixels */
  guint16 height;
  guint8 compensation;
  guint8 lock;
  gconstpointer label;  /* CachedLayout; sprites are dropped with the layouts */
  gint16 label_x;    /* in the sprite, units */
} SpriteKey;

typedef struct
{
  cairo_surface_t *surface;
  cairo_pattern_t *pattern;
} Sprite;

static void
free_sprite (gpointer data)
{
  Sprite *sprite = data;

  cairo_pattern_destroy (sprite->pattern);
  cairo_surface_destroy (sprite->surface);
  g_free (sprite);
}

static guint
hash_sprite_key (gconstpointer data)
{
  const SpriteKey *key = data;

  return key->rgb * 31u + key->width * 131u + key->height * 7u + key->compensation +
         key->lock * 3u + GPOINTER_TO_UINT (key->label) + (guint) key->label_x * 17u;
}

static gboolean
equal_sprite_keys (gconstpointer a,
                   gconstpointer b)
{
  const SpriteKey *x = a;
  const SpriteKey *y = b;

  return x->rgb == y->rgb && x->width == y->width && x->height == y->height &&
         x->compensation == y->compensation && x->lock == y->lock && x->label == y->label &&
         x->label_x == y->label_x;
}

/* Sprites need device pixels to line up with the snapped bars: an image target, a CTM
 * of the viewport's scale and a whole-pixel translation. */
static gboolean
can_use_sprites (Draw *d)
{
  cairo_matrix_t matrix;
  double scale = d->vp->scale > 0 ? d->vp->scale : 1;

  if (cairo_surface_get_type (cairo_get_target (d->cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  cairo_get_matrix (d->cr, &matrix);
  return matrix.xy == 0 && matrix.yx == 0 && fabs (matrix.xx - scale) < 1e-9 &&
         fabs (matrix.yy - scale) < 1e-9 && matrix.x0 == floor (matrix.x0) &&
         matrix.y0 == floor (matrix.y0);
}

static Sprite *
get_sprite (Draw             *d,
            const VisibleBar *bar,
            gboolean          compensation,
            const BarMarks   *marks)
{
  EscGanttRenderer *self = d->self;
  double scale = d->vp->scale > 0 ? d->vp->scale : 1;
  SpriteKey key = {
    compensation ? 0 : bar->rgb,
    (guint16) CLAMP (round (bar->rect.width * scale), 1, G_MAXUINT16),
    (guint16) CLAMP (round (bar->rect.height * scale), 1, G_MAXUINT16),
    (guint8) compensation,
    (guint8) (marks != NULL && marks->lock),
    marks != NULL ? marks->label : NULL,
    (gint16) (marks != NULL && marks->label != NULL ? marks->label_x - bar->rect.x : 0),
  };
  Sprite *sprite = g_hash_table_lookup (self->sprites, &key);
  cairo_t *cr;
  Draw sprite_draw;
  VisibleBar local = *bar;

  if (sprite != NULL)
    return sprite;
  if (g_hash_table_size (self->sprites) > 512)
    g_hash_table_remove_all (self->sprites);

  sprite = g_new0 (Sprite, 1);
  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, key.width, key.height);
  cairo_surface_set_device_scale (sprite->surface, scale, scale);
  cr = cairo_create (sprite->surface);
  sprite_draw = *d;
  sprite_draw.cr = cr;
  local.rect.x = local.rect.y = 0;
  if (compensation)
    draw_compensation (&sprite_draw, &local);
  else
    {
      EscGanttRgba fill;

      esc_gantt_rgba_from_rgb (bar->rgb, &fill);
      rounded_rectangle (cr, 0, 0, key.width / scale, key.height / scale, bar_radius (d));
      set_rgba (&sprite_draw, &fill);
      cairo_fill (cr);
    }
  if (marks != NULL)
    {
      BarMarks moved = *marks;

      moved.lock_x -= bar->rect.x;
      moved.label_x -= bar->rect.x;
      draw_marks (&sprite_draw, &moved, &local.rect);
    }
  cairo_destroy (cr);
  sprite->pattern = cairo_pattern_create_for_surface (sprite->surface);
  g_hash_table_insert (self->sprites, g_memdup2 (&key, sizeof key), sprite);
  return sprite;
}

static void
paint_sprite (Draw       *d,
              VisibleBar *bar,
              gboolean    compensation)
{
  cairo_t *cr = d->cr;
  const EscGanttRow *row = esc_gantt_model_get_row (d->model, bar->row);
  double scale = d->vp->scale > 0 ? d->vp->scale : 1;
  gboolean inside = bar->rect.x >= d->chart.x &&
                    bar->rect.x + bar->rect.width <= d->chart.x + d->chart.width;
  BarMarks marks;
  Sprite *sprite;
  cairo_matrix_t matrix;

  if (inside)
    plan_marks (d, &row->bars[bar->bar], bar->rgb, &bar->rect, bar->rect.x,
                bar->rect.x + bar->rect.width, &marks);
  sprite = get_sprite (d, bar, compensation, inside ? &marks : NULL);
  bar->baked = inside;

  cairo_matrix_init_translate (&matrix, -bar->rect.x, -bar->rect.y);
  cairo_pattern_set_matrix (sprite->pattern, &matrix);
  cairo_set_source (cr, sprite->pattern);
  cairo_rectangle (cr, bar->rect.x, bar->rect.y,
                   cairo_image_surface_get_width (sprite->surface) / scale,
                   cairo_image_surface_get_height (sprite->surface) / scale);
  cairo_fill (cr);
}

static gboolean
is_compensation (Draw             *d,
                 const VisibleBar *bar)
{
  return esc_gantt_model_get_row (d->model, bar->row)->bars[bar->bar].type ==
         ESC_GANTT_BAR_COMPENSATION;
}

static void
draw_visible_bars (Draw *d)
{
  cairo_t *cr = d->cr;
  VisibleBar *bars = (VisibleBar *) (gpointer) d->visible->data;
  guint n = d->visible->len;
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  double radius = bar_radius (d);
  guint n_filled = 0;

  /* Compensation days first: work on the same day (a broken rule) shows on top. */
  for (guint i = 0; i < n; i++)
    if (is_ghost (d, &bars[i]))
      draw_ghost (d, &bars[i]);
    else if (!is_compensation (d, &bars[i]))
      order[n_filled++] = i;
    else if (d->sprites)
      paint_sprite (d, &bars[i], TRUE);
    else
      draw_compensation (d, &bars[i]);

  if (d->sprites)
    {
      for (guint i = 0; i < n_filled; i++)
        paint_sprite (d, &bars[order[i]], FALSE);
    }
  else
    {
      /* One path per colour. */
      g_qsort_with_data (order, (gint) n_filled, sizeof (guint), compare_visible_by_color,
                         (gpointer) bars);
      for (guint i = 0; i < n_filled;)
        {
          guint32 rgb = bars[order[i]].rgb;
          EscGanttRgba fill;

          for (; i < n_filled && bars[order[i]].rgb == rgb; i++)
            {
              const EscGanttRect *rect = &bars[order[i]].rect;

              rounded_rectangle (cr, rect->x, rect->y, rect->width, rect->height, radius);
            }
          esc_gantt_rgba_from_rgb (rgb, &fill);
          set_rgba (d, &fill);
          cairo_fill (cr);
        }
    }

  for (guint i = 0; i < n; i++)
    decorate_bar (d, &bars[i]);
  g_array_set_size (d->visible, 0);
}

static void
draw_row_bars (Draw              *d,
               guint              row_index,
               const EscGanttRow *row)
{
  guint first, last;

  if (row->n_bars == 0)
    return;
  esc_gantt_model_find_bars (d->model, row_index, d->vp->t0, d->vp->t1, &first, &last);
  for (guint i = first; i < last; i++)
    if (row->bars[i].end > d->vp->t0)
      collect_bar (d, row_index, row, i);
}

/* Coverage */

static void
draw_coverage (Draw              *d,
               const EscGanttRow *row,
               double             top)
{
  cairo_t *cr = d->cr;
  const EscGanttGroup *group = esc_gantt_model_get_group (d->model, row->group);
  double height = row->n_units * d->rh;
  double bottom = top + height - COVERAGE_BOTTOM;
  double unit = (height - COVERAGE_TOP - COVERAGE_BOTTOM) / MAX (group->max_headcount, 1);
  gint32 range_end;
  guint first, last;

  if (group->n_coverage == 0)
    return;
  esc_gantt_model_get_range (d->model, NULL, &range_end);
  esc_gantt_model_find_coverage (d->model, row->group, d->vp->t0, d->vp->t1, &first, &last);

  /* Faint guides at each whole headcount when they are far enough apart. */
  if (unit >= 6)
    {
      cairo_set_line_width (cr, d->px);
      for (int v = 1; v <= group->max_headcount; v++)
        add_hline (d, bottom - v * unit + 0.5, d->chart.x, d->chart.x + d->chart.width);
      set_color (d, ESC_GANTT_COLOR_GRID);
      cairo_stroke (cr);
    }

#define STEP_END(i) ((i) + 1 < group->n_coverage ? (double) group->coverage[(i) + 1].time \
                                                 : (double) range_end)
#define STEP_X0(i) esc_gantt_viewport_x_of_time (d->vp, MAX ((double) group->coverage[i].time, \
                                                          d->vp->t0))
#define STEP_X1(i) esc_gantt_viewport_x_of_time (d->vp, MIN (STEP_END (i), d->vp->t1))

  /* Scheduled: a filled step area. */
  cairo_move_to (cr, STEP_X0 (first), bottom);
  for (guint i = first; i < last; i++)
    {
      double y = bottom - group->coverage[i].scheduled * unit;

      cairo_line_to (cr, STEP_X0 (i), y);
      cairo_line_to (cr, STEP_X1 (i), y);
    }
  cairo_line_to (cr, STEP_X1 (last - 1), bottom);
  cairo_close_path (cr);
  set_color (d, ESC_GANTT_COLOR_SCHEDULED);
  cairo_fill (cr);

  /* The gap: demand above scheduled. */
  for (guint i = first; i < last; i++)
    {
      const EscGanttCoverageStep *step = &group->coverage[i];

      if (step->demand <= step->scheduled)
        continue;
      cairo_rectangle (cr, STEP_X0 (i), bottom - step->demand * unit,
                       STEP_X1 (i) - STEP_X0 (i), (step->demand - step->scheduled) * unit);
    }
  set_color (d, ESC_GANTT_COLOR_GAP);
  cairo_fill (cr);

  /* Demand: a step line. */
  for (guint i = first; i < last; i++)
    {
      double y = round (bottom - group->coverage[i].demand * unit) + 0.75;

      if (i == first)
        cairo_move_to (cr, STEP_X0 (i), y);
      else
        cairo_line_to (cr, STEP_X0 (i), y);
      cairo_line_to (cr, STEP_X1 (i), y);
    }
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  set_color (d, ESC_GANTT_COLOR_DEMAND);
  cairo_stroke (cr);

#undef STEP_END
#undef STEP_X0
#undef STEP_X1
}

/* Rows: chart part */

static void
draw_group_band (Draw              *d,
                 const EscGanttRow *row,
                 double             top,
                 double             x0,
                 double             x1)
{
  cairo_rectangle (d->cr, x0, top, x1 - x0, d->rh);
  set_color (d, ESC_GANTT_COLOR_GROUP);
  cairo_fill (d->cr);

  cairo_set_line_width (d->cr, d->px);
  add_hline (d, top + d->rh + 0.5, x0, x1);
  set_color (d, ESC_GANTT_COLOR_GRID_STRONG);
  cairo_stroke (d->cr);
}

/* The chart part of a group header: the band, and the names of the store's holidays. */
static void
draw_group_chart (Draw              *d,
                  const EscGanttRow *row,
                  double             top)
{
  const EscGanttGroup *group = esc_gantt_model_get_group (d->model, row->group);
  const EscGanttStore *store = esc_gantt_model_get_store (d->model, group->store);

  draw_group_band (d, row, top, d->chart.x, d->chart.x + d->chart.width);
  draw_row_holidays (d, group->store, top, d->rh);

  for (guint i = 0; i < store->n_holidays; i++)
    {
      const EscGanttHoliday *holiday = &store->holidays[i];
      double x0, x1;
      CachedLayout *layout;

      if (holiday->day < d->first_day || holiday->day >= d->end_day || *holiday->name == '\0')
        continue;
      x0 = esc_gantt_viewport_x_of_time (d->vp, (double) holiday->day * ESC_MINUTES_PER_DAY);
      x1 = esc_gantt_viewport_x_of_time (d->vp, (double) (holiday->day + 1) * ESC_MINUTES_PER_DAY);
      x0 = MAX (x0, d->chart.x);
      if (x1 - x0 < 24)
        continue;
      layout = get_layout (d, FONT_SMALL_BOLD, holiday->name, x1 - x0 - 8);
      set_color (d, ESC_GANTT_COLOR_HOLIDAY_TEXT);
      show_layout_centred (d, layout, round (x0 + (x1 - x0 - layout->width) / 2), top, d->rh);
    }
}

static void
draw_row_chart (Draw  *d,
                guint  index,
                double top)
{
  cairo_t *cr = d->cr;
  const EscGanttRow *row = esc_gantt_model_get_row (d->model, index);
  const EscGanttGroup *group = esc_gantt_model_get_group (d->model, row->group);
  double height = row->n_units * d->rh;

  switch (row->kind)
    {
    case ESC_GANTT_ROW_GROUP:
      draw_group_chart (d, row, top);
      return;

    case ESC_GANTT_ROW_COVERAGE:
      cairo_rectangle (cr, d->chart.x, top, d->chart.width, height);
      set_color (d, ESC_GANTT_COLOR_LANE);
      cairo_fill (cr);
      draw_row_holidays (d, group->store, top, height);
      draw_coverage (d, row, top);
      break;

    case ESC_GANTT_ROW_SHORTAGE:
      cairo_rectangle (cr, d->chart.x, top, d->chart.width, height);
      set_color (d, ESC_GANTT_COLOR_LANE);
      cairo_fill (cr);
      draw_row_holidays (d, group->store, top, height);
      draw_row_bars (d, index, row);
      break;

    case ESC_GANTT_ROW_EMPLOYEE:
    default:
      draw_row_holidays (d, group->store, top, height);
      draw_row_leave (d, row, top);
      draw_row_bars (d, index, row);
      break;
    }

  add_separator (d, top + height + 0.5,
                 !(row->kind == ESC_GANTT_ROW_EMPLOYEE &&
                   index + 1 < esc_gantt_model_get_n_rows (d->model) &&
                   esc_gantt_model_get_row (d->model, index + 1)->kind == ESC_GANTT_ROW_EMPLOYEE));
}

/* Rows: name part */

static void
draw_chevron (Draw    *d,
              double   x,
              double   centre_y,
              gboolean expanded)
{
  cairo_t *cr = d->cr;
  double s = 3.5;

  cairo_save (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (expanded)
    {
      cairo_move_to (cr, x - s, centre_y - s / 2);
      cairo_line_to (cr, x, centre_y + s / 2);
      cairo_line_to (cr, x + s, centre_y - s / 2);
    }
  else
    {
      cairo_move_to (cr, x - s / 2, centre_y - s);
      cairo_line_to (cr, x + s / 2, centre_y);
      cairo_line_to (cr, x - s / 2, centre_y + s);
    }
  set_color (d, ESC_GANTT_COLOR_TEXT_DIM);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_group_name (Draw              *d,
                 const EscGanttRow *row,
                 double             top)
{
  const EscGanttGroup *group = esc_gantt_model_get_group (d->model, row->group);
  double width = d->vp->name_width;
  g_autofree char *title = g_strdup_printf ("%s · %s", group->store_title, group->role_title);
  g_autofree char *count = NULL;
  CachedLayout *count_layout;
  CachedLayout *title_layout;
  double x = 28;

  draw_group_band (d, row, top, 0, width);
  draw_chevron (d, 14, top + d->rh / 2, !group->collapsed);

  count = g_strdup_printf ("%u", group->n_employees);
  count_layout = get_layout (d, FONT_SMALL_BOLD, count, -1);
  title_layout = get_layout (d, FONT_BOLD, title, width - x - count_layout->width - 26);
  set_color (d, ESC_GANTT_COLOR_TEXT);
  show_layout_centred (d, title_layout, x, top, d->rh);

  /* The count in a pill at the right. */
  {
    double pill_w = count_layout->width + 12;
    double pill_h = MIN (count_layout->height + 2, d->rh - 8);
    double pill_x = width - pill_w - 10;
    double pill_y = top + round ((d->rh - pill_h) / 2);
    EscGanttRgba pill = d->colors[ESC_GANTT_COLOR_TEXT];

    pill.alpha *= 0.1;
    rounded_rectangle (d->cr, pill_x, pill_y, pill_w, pill_h, pill_h / 2);
    set_rgba (d, &pill);
    cairo_fill (d->cr);
    set_color (d, ESC_GANTT_COLOR_TEXT_DIM);
    show_layout_centred (d, count_layout, pill_x + 6, top, d->rh);
  }
}

static void
draw_row_name (Draw  *d,
               guint  index,
               double top)
{
  const EscGanttRow *row = esc_gantt_model_get_row (d->model, index);
  const EscGanttGroup *group = esc_gantt_model_get_group (d->model, row->group);
  double width = d->vp->name_width;
  double height = row->n_units * d->rh;
  double x = 16;

  switch (row->kind)
    {
    case ESC_GANTT_ROW_GROUP:
      draw_group_name (d, row, top);
      return;

    case ESC_GANTT_ROW_COVERAGE:
      {
        g_autofree char *scale = g_strdup_printf ("%d", group->max_headcount);
        CachedLayout *title = get_layout (d, FONT_SMALL, _("Demand vs. scheduled"), width - x - 40);
        CachedLayout *max = get_layout (d, FONT_SMALL, scale, -1);
        CachedLayout *zero = get_layout (d, FONT_SMALL, "0", -1);

        set_color (d, ESC_GANTT_COLOR_TEXT_DIM);
        show_layout_at (d, title, x, top + round ((height - title->height) / 2));
        show_layout_at (d, max, width - max->width - 10, top + 2);
        show_layout_at (d, zero, width - zero->width - 10, top + height - zero->height - 2);
      }
      break;

    case ESC_GANTT_ROW_SHORTAGE:
      {
        CachedLayout *title = get_layout (d, FONT_SMALL, _("Shortage"), width * 0.55);

        set_color (d, ESC_GANTT_COLOR_TEXT_DIM);
        show_layout_centred (d, title, x, top, height);
        if (group->missing_minutes > 0)
          {
            g_autofree char *hours = format_hours ((group->missing_minutes + 30) / 60 * 60);
            /* TRANSLATORS: staff-hours missing in a group, e.g. "12 h short" */
            g_autofree char *text = g_strdup_printf (_("%s short"), hours);
            CachedLayout *layout = get_layout (d, FONT_SMALL_BOLD, text, -1);

            set_color (d, ESC_GANTT_COLOR_SHORTAGE);
            show_layout_centred (d, layout, width - layout->width - 10, top, height);
          }
      }
      break;

    case ESC_GANTT_ROW_EMPLOYEE:
    default:
      {
        g_autofree char *hours = format_hours (row->net_minutes);
        CachedLayout *hours_layout = get_layout (d, FONT_SMALL, hours, -1);
        double name_right = width - hours_layout->width - 18;
        gboolean has_name = strcmp (row->name, row->id) != 0;

        set_color (d, ESC_GANTT_COLOR_TEXT_DIM);
        show_layout_centred (d, hours_layout, width - hours_layout->width - 10, top, height);
        if (has_name)
          {
            double id_width = MIN (round (width * 0.26), 72);
            CachedLayout *id = get_layout (d, FONT_SMALL, row->id, id_width - 6);
            CachedLayout *name = get_layout (d, FONT_NORMAL, row->name, name_right - x - id_width);

            show_layout_centred (d, id, x, top, height);
            set_color (d, ESC_GANTT_COLOR_TEXT);
            show_layout_centred (d, name, x + id_width, top, height);
          }
        else
          {
            CachedLayout *name = get_layout (d, FONT_NORMAL, row->id, name_right - x);

            set_color (d, ESC_GANTT_COLOR_TEXT);
            show_layout_centred (d, name, x, top, height);
          }
      }
      break;
    }

  add_separator (d, top + height + 0.5, FALSE);
}

/* Axis */

/* The label of [tick, next) in @unit, for a span @width wide. */
static char *
format_span_label (Draw         *d,
                   EscGanttUnit  unit,
                   gint64        tick,
                   gint64        next,
                   double        width)
{
  EscJulian julian = julian_of_day (d, tick / ESC_MINUTES_PER_DAY);
  EscJulian last = julian_of_day (d, next / ESC_MINUTES_PER_DAY - 1);

  switch (unit)
    {
    case ESC_GANTT_UNIT_DAY:
      {
        GDate date;
        g_autofree char *weekday = NULL;

        date_of_julian (julian, &date);
        if (width < 44)
          return g_strdup_printf ("%d", g_date_get_day (&date));
        /* TRANSLATORS: g_date_strftime() formats of a weekday: full, then short */
        weekday = format_date (julian, width >= 150 ? C_("gantt", "%A") : C_("gantt", "%a"));
        /* TRANSLATORS: a day on the axis: weekday and day of the month, "Mon 1" */
        return g_strdup_printf (C_("gantt", "%s %d"), weekday, g_date_get_day (&date));
      }
    case ESC_GANTT_UNIT_WEEK:
      {
        GDate a, b;
        g_autofree char *month_a = NULL;
        g_autofree char *month_b = NULL;

        date_of_julian (julian, &a);
        date_of_julian (last, &b);
        /* TRANSLATORS: g_date_strftime() format of a short month name */
        month_a = format_date (julian, C_("gantt", "%b"));
        month_b = format_date (last, C_("gantt", "%b"));
        if (g_date_get_month (&a) == g_date_get_month (&b))
          /* TRANSLATORS: a week on the axis: first and last day, month, "1 – 7 Mar" */
          return g_strdup_printf (C_("gantt", "%d – %d %s"), g_date_get_day (&a),
                                  g_date_get_day (&b), month_b);
        /* TRANSLATORS: a week across months, "28 Feb – 6 Mar" */
        return g_strdup_printf (C_("gantt", "%d %s – %d %s"), g_date_get_day (&a), month_a,
                                g_date_get_day (&b), month_b);
      }
    case ESC_GANTT_UNIT_MONTH:
      /* TRANSLATORS: g_date_strftime() format of a month on the axis, "March 2021" */
      return format_date (julian, width >= 120 ? C_("gantt", "%B %Y") : C_("gantt", "%b %Y"));
    case ESC_GANTT_UNIT_YEAR:
      return format_date (julian, "%Y");
    case ESC_GANTT_UNIT_HOUR:
    default:
      return esc_format_time ((int) (((tick % ESC_MINUTES_PER_DAY) + ESC_MINUTES_PER_DAY) %
                                     ESC_MINUTES_PER_DAY));
    }
}

static char *
format_major_label (Draw         *d,
                    EscGanttUnit  unit,
                    gint64        tick,
                    gint64        next)
{
  EscJulian julian = julian_of_day (d, tick / ESC_MINUTES_PER_DAY);

  if (unit == ESC_GANTT_UNIT_DAY)
    return esc_gantt_format_long_date (julian);
  if (unit == ESC_GANTT_UNIT_WEEK)
    {
      g_autofree char *span = format_span_label (d, unit, tick, next, G_MAXDOUBLE);
      g_autofree char *year = format_date (julian_of_day (d, next / ESC_MINUTES_PER_DAY - 1), "%Y");

      /* TRANSLATORS: a week at week zoom: its days and the year, "1 – 7 Mar 2021" */
      return g_strdup_printf (C_("gantt", "%s %s"), span, year);
    }
  return format_span_label (d, unit, tick, next, G_MAXDOUBLE);
}

static void
draw_axis (Draw *d)
{
  cairo_t *cr = d->cr;
  const EscGanttViewport *vp = d->vp;
  double top = 0;
  double band = round (vp->axis_height / 2);
  double bottom = vp->axis_height;
  double right = d->chart.x + d->chart.width;
  gint64 tick;
  guint guard;

  cairo_save (cr);
  cairo_rectangle (cr, d->chart.x, top, d->chart.width, vp->axis_height);
  cairo_clip (cr);
  set_color (d, ESC_GANTT_COLOR_SIDEBAR);
  cairo_paint (cr);

  /* Weekends: shaded in the lower band at day and week zoom. */
  if (d->ticks.level <= ESC_GANTT_TICKS_WEEKS)
    {
      gboolean any = FALSE;

      for (gint32 day = d->first_day; day < d->end_day; day++)
        {
          EscWeekday weekday = esc_julian_weekday (julian_of_day (d, day));
          double x0, x1;

          if (weekday != ESC_SAT && weekday != ESC_SUN)
            continue;
          x0 = snap (vp, esc_gantt_viewport_x_of_time (vp, (double) day * ESC_MINUTES_PER_DAY));
          x1 = snap (vp, esc_gantt_viewport_x_of_time (vp,
                                                       (double) (day + 1) * ESC_MINUTES_PER_DAY));
          cairo_rectangle (cr, x0, band, x1 - x0, bottom - band);
          any = TRUE;
        }
      if (any)
        {
          set_color (d, ESC_GANTT_COLOR_WEEKEND);
          cairo_fill (cr);
        }
    }

  /* Upper band: the major spans, labels sticking to the left edge. */
  cairo_set_line_width (cr, d->px);
  tick = tick_floor (d->model, d->ticks.major_unit, 1, vp->t0);
  for (guard = 0; tick < vp->t1 && guard < 2000; guard++)
    {
      gint64 next = tick_next (d->model, d->ticks.major_unit, 1, tick);
      double x0 = esc_gantt_viewport_x_of_time (vp, (double) tick);
      double x1 = esc_gantt_viewport_x_of_time (vp, (double) next);
      g_autofree char *text = format_major_label (d, d->ticks.major_unit, tick, next);
      CachedLayout *layout = get_layout (d, FONT_SMALL_BOLD, text, -1);
      double x = MAX (x0, d->chart.x) + 8;

      if (x + layout->width > x1 - 8)
        x = x1 - 8 - layout->width;
      if (x >= x0 + 4 || x0 < d->chart.x)
        {
          set_color (d, ESC_GANTT_COLOR_TEXT);
          show_layout_centred (d, layout, round (x), top, band);
        }
      if (x0 > d->chart.x)
        add_vline (d, x0, top, bottom);
      tick = next;
    }
  set_color (d, ESC_GANTT_COLOR_GRID_STRONG);
  cairo_stroke (cr);

  /* Lower band: the minor ticks. Hours are labelled at the tick, larger units centred
   * in the visible part of their span. */
  tick = tick_floor (d->model, d->ticks.minor_unit, d->ticks.minor_step, vp->t0);
  for (guard = 0; tick < vp->t1 && guard < 4000; guard++)
    {
      gint64 next = tick_next (d->model, d->ticks.minor_unit, d->ticks.minor_step, tick);
      double x0 = esc_gantt_viewport_x_of_time (vp, (double) tick);
      double x1 = esc_gantt_viewport_x_of_time (vp, (double) next);
      double span = x1 - x0;
      g_autofree char *text = format_span_label (d, d->ticks.minor_unit, tick, next, span);
      CachedLayout *layout = get_layout (d, FONT_SMALL, text, -1);
      EscWeekday weekday = esc_julian_weekday (julian_of_day (d, tick / ESC_MINUTES_PER_DAY));
      gboolean dim = d->ticks.minor_unit == ESC_GANTT_UNIT_DAY &&
                     (weekday == ESC_SAT || weekday == ESC_SUN);
      double x;

      double visible = MIN (x1, right) - MAX (x0, d->chart.x);

      if (d->ticks.minor_unit == ESC_GANTT_UNIT_HOUR)
        {
          x = x0 + 4;
          visible = span;
        }
      else
        {
          double a = MAX (x0, d->chart.x);
          double b = MIN (x1, right);

          x = a + (b - a - layout->width) / 2;
          if (x < x0 + 2)
            x = x0 + 2;
        }
      if (layout->width <= MIN (span, visible) - 4)
        {
          set_color (d, dim ? ESC_GANTT_COLOR_TEXT_DIM : ESC_GANTT_COLOR_TEXT);
          show_layout_centred (d, layout, round (x), band, bottom - band);
        }
      if (x0 > d->chart.x)
        add_vline (d, x0, band + 4, bottom);
      tick = next;
    }
  set_color (d, ESC_GANTT_COLOR_GRID_STRONG);
  cairo_stroke (cr);

  add_hline (d, band + 0.5, d->chart.x, right);
  set_color (d, ESC_GANTT_COLOR_GRID);
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_set_line_width (cr, d->px);
  add_hline (d, bottom + 0.5, 0, right);
  set_color (d, ESC_GANTT_COLOR_BORDER);
  cairo_stroke (cr);
}

static void
draw_corner (Draw *d)
{
  cairo_t *cr = d->cr;
  const EscGanttViewport *vp = d->vp;
  double band = round (vp->axis_height / 2);
  guint n_employees = esc_gantt_model_get_n_employees (d->model);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u employee",
                                                         "%u employees", n_employees),
                                            n_employees);
  CachedLayout *title = get_layout (d, FONT_SMALL_BOLD, _("Employee"), vp->name_width * 0.6);
  CachedLayout *hours = get_layout (d, FONT_SMALL_BOLD, _("Hours"), -1);
  CachedLayout *subtitle = get_layout (d, FONT_SMALL, count, vp->name_width - 26);

  cairo_rectangle (cr, 0, 0, vp->name_width, vp->axis_height);
  set_color (d, ESC_GANTT_COLOR_SIDEBAR);
  cairo_fill (cr);

  set_color (d, ESC_GANTT_COLOR_TEXT_DIM);
  show_layout_centred (d, subtitle, 16, 0, band);
  set_color (d, ESC_GANTT_COLOR_TEXT);
  show_layout_centred (d, title, 16, band, vp->axis_height - band);
  show_layout_centred (d, hours, vp->name_width - hours->width - 10, band, vp->axis_height - band);
}

/* The whole drawing */

static void
compute_visible_rows (Draw *d)
{
  const EscGanttViewport *vp = d->vp;
  guint n_rows = esc_gantt_model_get_n_rows (d->model);
  guint limit = vp->row_limit > 0 ? MIN (vp->row_limit, n_rows) : n_rows;
  guint first;

  first = esc_gantt_model_row_at_unit (d->model, MAX (vp->y_offset, 0) / d->rh);
  if (first == G_MAXUINT)
    first = n_rows;
  d->first_row = MIN (first, limit);
  d->end_row = d->first_row;
  while (d->end_row < limit &&
         esc_gantt_viewport_y_of_row (vp, d->model, d->end_row) < vp->height)
    d->end_row++;
}

/* The group header kept on top while its rows scroll under it: the row, and its top
 * (pushed up by the next group's header). G_MAXUINT when the top row's own header is
 * fully in view. */
static guint
find_sticky_header (Draw   *d,
                    double *top)
{
  const EscGanttRow *row;
  guint header;

  if (!(d->vp->flags & ESC_GANTT_DRAW_STICKY_HEADER) || d->first_row >= d->end_row)
    return G_MAXUINT;
  row = esc_gantt_model_get_row (d->model, d->first_row);
  header = esc_gantt_model_get_group (d->model, row->group)->header_row;
  if (esc_gantt_viewport_y_of_row (d->vp, d->model, header) >= d->chart.y)
    return G_MAXUINT;

  *top = d->chart.y;
  for (guint r = d->first_row + 1; r < d->end_row; r++)
    {
      const EscGanttRow *next = esc_gantt_model_get_row (d->model, r);

      if (next->kind != ESC_GANTT_ROW_GROUP)
        continue;
      *top = MIN (*top, esc_gantt_viewport_y_of_row (d->vp, d->model, r) - d->rh);
      break;
    }
  return header;
}

static void
draw_chart (Draw *d)
{
  cairo_t *cr = d->cr;

  cairo_save (cr);
  cairo_rectangle (cr, d->chart.x, d->chart.y, d->chart.width, d->chart.height);
  cairo_clip (cr);
  draw_weekends (d);
  draw_grid (d);
  for (guint r = d->first_row; r < d->end_row; r++)
    draw_row_chart (d, r, esc_gantt_viewport_y_of_row (d->vp, d->model, r));
  flush_separators (d, d->chart.x, d->chart.x + d->chart.width);
  draw_visible_bars (d);
  cairo_restore (cr);
}

static void
draw_names (Draw *d)
{
  cairo_t *cr = d->cr;

  cairo_save (cr);
  cairo_rectangle (cr, 0, d->chart.y, d->vp->name_width, d->chart.height);
  cairo_clip (cr);
  set_color (d, ESC_GANTT_COLOR_SIDEBAR);
  cairo_paint (cr);
  for (guint r = d->first_row; r < d->end_row; r++)
    draw_row_name (d, r, esc_gantt_viewport_y_of_row (d->vp, d->model, r));
  flush_separators (d, 0, d->vp->name_width);
  cairo_restore (cr);

  cairo_set_line_width (cr, d->px);
  add_vline (d, d->vp->name_width - d->px, 0, d->vp->height);
  set_color (d, ESC_GANTT_COLOR_BORDER);
  cairo_stroke (cr);
}

static void
draw_sticky_header (Draw *d)
{
  cairo_t *cr = d->cr;
  double top = 0;
  guint header = find_sticky_header (d, &top);
  const EscGanttRow *row;

  if (header == G_MAXUINT)
    return;
  row = esc_gantt_model_get_row (d->model, header);

  cairo_save (cr);
  cairo_rectangle (cr, 0, d->chart.y, d->vp->width, d->chart.height);
  cairo_clip (cr);

  cairo_save (cr);
  cairo_rectangle (cr, d->chart.x, d->chart.y, d->chart.width, d->chart.height);
  cairo_clip (cr);
  draw_group_chart (d, row, top);
  cairo_restore (cr);

  if (d->vp->flags & ESC_GANTT_DRAW_NAMES)
    draw_group_name (d, row, top);

  /* A soft shadow under it: it floats over the rows. */
  {
    cairo_pattern_t *shadow = cairo_pattern_create_linear (0, top + d->rh, 0, top + d->rh + 4);

    cairo_pattern_add_color_stop_rgba (shadow, 0, 0, 0, 0,
                                       d->vp->style == ESC_GANTT_STYLE_DARK ? 0.35 : 0.10);
    cairo_pattern_add_color_stop_rgba (shadow, 1, 0, 0, 0, 0);
    cairo_rectangle (cr, 0, top + d->rh, d->vp->width, 4);
    cairo_set_source (cr, shadow);
    cairo_fill (cr);
    cairo_pattern_destroy (shadow);
  }
  cairo_restore (cr);
}

/* Public API: geometry */

void
esc_gantt_viewport_init (EscGanttViewport *viewport,
                         EscGanttModel    *model,
                         double            width,
                         double            height)
{
  gint32 end;

  esc_gantt_model_get_range (model, NULL, &end);
  *viewport = (EscGanttViewport) {
    .t0 = 0,
    .t1 = MIN ((double) end, 7.0 * ESC_MINUTES_PER_DAY),
    .y_offset = 0,
    .width = width,
    .height = height,
    .row_height = 28,
    .name_width = 240,
    .axis_height = 52,
    .style = ESC_GANTT_STYLE_LIGHT,
    .color_by = ESC_GANTT_COLOR_BY_SHIFT,
    .scale = 1,
    .flags = ESC_GANTT_DRAW_DEFAULT,
  };
  if (viewport->t1 <= 0)
    viewport->t1 = ESC_MINUTES_PER_DAY;
}

void
esc_gantt_viewport_get_chart_rect (const EscGanttViewport *viewport,
                                   EscGanttRect           *rect)
{
  rect->x = chart_left (viewport);
  rect->y = chart_top (viewport);
  rect->width = MAX (viewport->width - rect->x, 0);
  rect->height = MAX (viewport->height - rect->y, 0);
}

double
esc_gantt_viewport_x_of_time (const EscGanttViewport *viewport,
                              double                  time)
{
  double left = chart_left (viewport);
  double span = viewport->t1 - viewport->t0;

  if (span <= 0)
    return left;
  return left + (time - viewport->t0) * (viewport->width - left) / span;
}

double
esc_gantt_viewport_time_of_x (const EscGanttViewport *viewport,
                              double                  x)
{
  double left = chart_left (viewport);
  double width = viewport->width - left;

  if (width <= 0)
    return viewport->t0;
  return viewport->t0 + (x - left) * (viewport->t1 - viewport->t0) / width;
}

double
esc_gantt_viewport_y_of_row (const EscGanttViewport *viewport,
                             EscGanttModel          *model,
                             guint                   row)
{
  const EscGanttRow *r = esc_gantt_model_get_row (model, row);

  g_return_val_if_fail (r != NULL, 0);
  return chart_top (viewport) + r->unit * viewport->row_height - viewport->y_offset;
}

double
esc_gantt_viewport_row_height (const EscGanttViewport *viewport,
                               EscGanttModel          *model,
                               guint                   row)
{
  const EscGanttRow *r = esc_gantt_model_get_row (model, row);

  g_return_val_if_fail (r != NULL, 0);
  return r->n_units * viewport->row_height;
}

guint
esc_gantt_viewport_row_at_y (const EscGanttViewport *viewport,
                             EscGanttModel          *model,
                             double                  y)
{
  guint row;

  if (y < chart_top (viewport) || y >= viewport->height || viewport->row_height <= 0)
    return G_MAXUINT;
  row = esc_gantt_model_row_at_unit (model, (y - chart_top (viewport) + viewport->y_offset) /
                                            viewport->row_height);
  if (row != G_MAXUINT && viewport->row_limit > 0 && row >= viewport->row_limit)
    return G_MAXUINT;
  return row;
}

double
esc_gantt_viewport_coverage_y (const EscGanttViewport *viewport,
                               EscGanttModel          *model,
                               guint                   row,
                               double                  value)
{
  const EscGanttRow *r = esc_gantt_model_get_row (model, row);
  const EscGanttGroup *group;
  double height, bottom;

  g_return_val_if_fail (r != NULL, 0);
  group = esc_gantt_model_get_group (model, r->group);
  height = r->n_units * viewport->row_height;
  bottom = esc_gantt_viewport_y_of_row (viewport, model, row) + height - COVERAGE_BOTTOM;
  return bottom - value * (height - COVERAGE_TOP - COVERAGE_BOTTOM) / MAX (group->max_headcount, 1);
}

double
esc_gantt_viewport_content_height (const EscGanttViewport *viewport,
                                   EscGanttModel          *model)
{
  return esc_gantt_model_get_n_units (model) * viewport->row_height;
}

void
esc_gantt_viewport_get_bar_rect (const EscGanttViewport *viewport,
                                 EscGanttModel          *model,
                                 guint                   row,
                                 guint                   bar,
                                 EscGanttRect           *rect)
{
  const EscGanttRow *r = esc_gantt_model_get_row (model, row);
  const EscGanttBar *b;
  double x0, x1, top, inset;

  g_return_if_fail (r != NULL && bar < r->n_bars);

  b = &r->bars[bar];
  x0 = snap (viewport, esc_gantt_viewport_x_of_time (viewport, b->start));
  x1 = snap (viewport, esc_gantt_viewport_x_of_time (viewport, b->end));
  if (x1 - x0 > 4)
    {
      x0 += 1;
      x1 -= 1;
    }
  else if (x1 - x0 < 2)
    x1 = x0 + 2;  /* a sliver stays visible when zoomed far out */
  top = esc_gantt_viewport_y_of_row (viewport, model, row);
  inset = bar_inset (viewport);
  rect->x = x0;
  rect->y = top + inset;
  rect->width = x1 - x0;
  rect->height = MAX (r->n_units * viewport->row_height - 2 * inset, 1);
}

EscGanttHitKind
esc_gantt_viewport_hit_test (const EscGanttViewport *viewport,
                             EscGanttModel          *model,
                             double                  x,
                             double                  y,
                             EscGanttHit            *hit)
{
  double left = chart_left (viewport);
  double top = chart_top (viewport);
  EscGanttHit result = { ESC_GANTT_HIT_NONE, G_MAXUINT, G_MAXUINT, G_MAXUINT, 0, NULL };
  guint row;

  if (x < 0 || y < 0 || x >= viewport->width || y >= viewport->height)
    goto done;
  result.time = esc_gantt_viewport_time_of_x (viewport, x);

  if (y < top)
    {
      result.kind = x < left ? ESC_GANTT_HIT_CORNER : ESC_GANTT_HIT_AXIS;
      goto done;
    }

  row = esc_gantt_viewport_row_at_y (viewport, model, y);

  /* The sticky header covers the rows under it. */
  if ((viewport->flags & ESC_GANTT_DRAW_STICKY_HEADER) && row != G_MAXUINT)
    {
      guint first = esc_gantt_viewport_row_at_y (viewport, model, top);

      if (first != G_MAXUINT)
        {
          guint group = esc_gantt_model_get_row (model, first)->group;
          guint header = esc_gantt_model_get_group (model, group)->header_row;
          double sticky_top = top;

          if (esc_gantt_viewport_y_of_row (viewport, model, header) < top)
            {
              for (guint r = first + 1; r < esc_gantt_model_get_n_rows (model); r++)
                {
                  double r_top = esc_gantt_viewport_y_of_row (viewport, model, r);

                  if (r_top >= top + viewport->row_height)
                    break;
                  if (esc_gantt_model_get_row (model, r)->kind == ESC_GANTT_ROW_GROUP)
                    {
                      sticky_top = MIN (sticky_top, r_top - viewport->row_height);
                      break;
                    }
                }
              if (y >= sticky_top && y < sticky_top + viewport->row_height)
                row = header;
            }
        }
    }

  if (row == G_MAXUINT)
    goto done;
  result.row = row;
  result.group = esc_gantt_model_get_row (model, row)->group;

  if (esc_gantt_model_get_row (model, row)->kind == ESC_GANTT_ROW_GROUP)
    {
      result.kind = ESC_GANTT_HIT_GROUP;
      goto done;
    }
  if (x < left)
    {
      result.kind = ESC_GANTT_HIT_NAME;
      goto done;
    }

  result.kind = ESC_GANTT_HIT_ROW;
  {
    double tolerance = 2 * (viewport->t1 - viewport->t0) / MAX (viewport->width - left, 1);
    guint bar = esc_gantt_model_bar_at_time (model, row, result.time, tolerance);

    if (bar != G_MAXUINT)
      {
        EscGanttRect rect;

        esc_gantt_viewport_get_bar_rect (viewport, model, row, bar, &rect);
        if (y >= rect.y - 2 && y < rect.y + rect.height + 2)
          {
            result.kind = ESC_GANTT_HIT_BAR;
            result.bar = bar;
            result.task = esc_gantt_model_get_row (model, row)->bars[bar].task;
          }
      }
  }

done:
  if (hit != NULL)
    *hit = result;
  return result.kind;
}

void
esc_gantt_viewport_scroll_to_row (EscGanttViewport *viewport,
                                  EscGanttModel    *model,
                                  guint             row)
{
  const EscGanttRow *r = esc_gantt_model_get_row (model, row);

  g_return_if_fail (r != NULL);
  viewport->y_offset = r->unit * viewport->row_height;
}

void
esc_gantt_viewport_zoom (EscGanttViewport *viewport,
                         double            factor,
                         double            x)
{
  double anchor = esc_gantt_viewport_time_of_x (viewport, x);
  double span = viewport->t1 - viewport->t0;
  double new_span;
  double ratio;

  if (factor <= 0 || span <= 0)
    return;
  new_span = CLAMP (span / factor, MIN_SPAN_MINUTES, MAX_SPAN_MINUTES);
  ratio = (anchor - viewport->t0) / span;
  viewport->t0 = anchor - ratio * new_span;
  viewport->t1 = viewport->t0 + new_span;
}

void
esc_gantt_choose_ticks (double         pixels_per_minute,
                        EscGanttTicks *ticks)
{
  static const int hour_steps[] = { 1, 2, 3, 4, 6, 12 };
  double per_day = pixels_per_minute * ESC_MINUTES_PER_DAY;

  /* An hour label ("08:00") needs about 44 units, a day label ("Mon 12") 50, a week
   * label ("28 Feb – 6 Mar") 90. */
  if (per_day >= 320)
    {
      double per_hour = pixels_per_minute * 60;
      int step = 12;

      for (guint i = 0; i < G_N_ELEMENTS (hour_steps); i++)
        if (per_hour * hour_steps[i] >= 44)
          {
            step = hour_steps[i];
            break;
          }
      *ticks = (EscGanttTicks) {
        ESC_GANTT_TICKS_HOURS, ESC_GANTT_UNIT_DAY, ESC_GANTT_UNIT_HOUR, step,
        ESC_GANTT_UNIT_HOUR, per_hour >= 12 ? 1 : step,
      };
    }
  else if (per_day >= 50)
    *ticks = (EscGanttTicks) {
      ESC_GANTT_TICKS_DAYS, ESC_GANTT_UNIT_WEEK, ESC_GANTT_UNIT_DAY, 1,
      per_day >= 160 ? ESC_GANTT_UNIT_HOUR : ESC_GANTT_UNIT_DAY, per_day >= 160 ? 6 : 1,
    };
  else if (per_day >= 20)
    /* Month zoom with room for day numbers: weeks above, the days' numbers below. */
    *ticks = (EscGanttTicks) {
      ESC_GANTT_TICKS_WEEKS, ESC_GANTT_UNIT_WEEK, ESC_GANTT_UNIT_DAY, 1,
      ESC_GANTT_UNIT_DAY, 1,
    };
  else if (per_day * 7 >= 90)
    /* Months above, weeks below. */
    *ticks = (EscGanttTicks) {
      ESC_GANTT_TICKS_WEEKS, ESC_GANTT_UNIT_MONTH, ESC_GANTT_UNIT_WEEK, 1,
      ESC_GANTT_UNIT_DAY, 1,
    };
  else
    *ticks = (EscGanttTicks) {
      ESC_GANTT_TICKS_MONTHS, ESC_GANTT_UNIT_YEAR, ESC_GANTT_UNIT_MONTH, 1,
      ESC_GANTT_UNIT_WEEK, 1,
    };
}

/* Public API: drawing */

const PangoFontDescription *
esc_gantt_renderer_default_font (void)
{
  if (g_once_init_enter (&default_font))
    {
      /* Cantarell is GNOME's font; the others stand in where it is missing. */
      PangoFontDescription *font =
        pango_font_description_from_string ("Cantarell, Inter, Noto Sans, DejaVu Sans, Sans 9.5");

      g_once_init_leave (&default_font, (gsize) font);
    }
  return (const PangoFontDescription *) default_font;
}

EscGanttRenderer *
esc_gantt_renderer_new (void)
{
  EscGanttRenderer *self = g_new0 (EscGanttRenderer, 1);
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();

  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 96);
  self->layouts = g_hash_table_new_full (hash_layout_key, equal_layout_keys, NULL,
                                         free_cached_layout);
  self->visible = g_array_new (FALSE, FALSE, sizeof (VisibleBar));
  self->separators = g_array_new (FALSE, FALSE, sizeof (Separator));
  self->sprites = g_hash_table_new_full (hash_sprite_key, equal_sprite_keys, g_free, free_sprite);
  return self;
}

void
esc_gantt_renderer_free (EscGanttRenderer *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->layouts);
  g_array_unref (self->visible);
  g_array_unref (self->separators);
  g_hash_table_unref (self->sprites);
  g_clear_pointer (&self->font_options, cairo_font_options_destroy);
  g_object_unref (self->context);
  g_clear_pointer (&self->base_font, pango_font_description_free);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_free (self);
}

static void
init_draw (Draw                   *d,
           EscGanttRenderer       *self,
           cairo_t                *cr,
           EscGanttModel          *model,
           const EscGanttViewport *vp)
{
  double scale = vp->scale > 0 ? vp->scale : 1;

  *d = (Draw) { .self = self, .cr = cr, .model = model, .vp = vp, .visible = self->visible,
                .separators = self->separators };
  esc_gantt_viewport_get_chart_rect (vp, &d->chart);
  d->ppm = vp->t1 > vp->t0 ? d->chart.width / (vp->t1 - vp->t0) : 1;
  d->px = 1 / scale;
  d->rh = vp->row_height;
  for (guint i = 0; i < ESC_GANTT_N_COLORS; i++)
    esc_gantt_style_get_color (vp->style, i, &d->colors[i]);
  esc_gantt_choose_ticks (d->ppm, &d->ticks);
  if (vp->style != self->sprite_style || bar_radius (d) != self->sprite_radius)
    {
      g_hash_table_remove_all (self->sprites);
      self->sprite_style = vp->style;
      self->sprite_radius = bar_radius (d);
    }
  d->first_day = day_of (vp->t0);
  d->end_day = day_of (vp->t1 - 1e-6) + 1;
  prepare_context (self, cr, vp);
  d->sprites = can_use_sprites (d);
}

void
esc_gantt_renderer_draw (EscGanttRenderer       *self,
                         cairo_t                *cr,
                         EscGanttModel          *model,
                         const EscGanttViewport *viewport)
{
  Draw d;

  g_return_if_fail (self != NULL && cr != NULL && model != NULL && viewport != NULL);
  if (viewport->width <= 0 || viewport->height <= 0 || viewport->row_height <= 0 ||
      viewport->t1 <= viewport->t0)
    return;

  cairo_save (cr);
  init_draw (&d, self, cr, model, viewport);
  compute_visible_rows (&d);

  cairo_rectangle (cr, 0, 0, viewport->width, viewport->height);
  cairo_clip (cr);
  set_color (&d, ESC_GANTT_COLOR_BACKGROUND);
  cairo_paint (cr);

  draw_chart (&d);
  if (viewport->flags & ESC_GANTT_DRAW_NAMES)
    draw_names (&d);
  draw_sticky_header (&d);
  if (viewport->flags & ESC_GANTT_DRAW_AXIS)
    {
      draw_axis (&d);
      if (viewport->flags & ESC_GANTT_DRAW_NAMES)
        draw_corner (&d);
    }
  cairo_restore (cr);
}

void
esc_gantt_renderer_draw_highlight (EscGanttRenderer       *self,
                                   cairo_t                *cr,
                                   EscGanttModel          *model,
                                   const EscGanttViewport *viewport,
                                   const char             *task,
                                   gboolean                selected)
{
  EscGanttRect rect, chart;
  EscGanttRgba color;
  guint row, bar;
  double radius;

  g_return_if_fail (self != NULL && cr != NULL && model != NULL && viewport != NULL);
  if (task == NULL || !esc_gantt_model_find_task (model, task, &row, &bar))
    return;
  esc_gantt_viewport_get_bar_rect (viewport, model, row, bar, &rect);
  esc_gantt_viewport_get_chart_rect (viewport, &chart);
  radius = MIN (4, viewport->row_height * 0.16);
  esc_gantt_style_get_color (viewport->style, ESC_GANTT_COLOR_SELECTION, &color);
  if (!selected)
    color.alpha *= 0.55;

  cairo_save (cr);
  cairo_rectangle (cr, chart.x, chart.y, chart.width, chart.height);
  cairo_clip (cr);
  rounded_rectangle (cr, rect.x - 2.5, rect.y - 2.5, rect.width + 5, rect.height + 5, radius + 2.5);
  cairo_set_line_width (cr, 2);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Legend */

typedef enum
{
  SWATCH_BAR,
  SWATCH_COMPENSATION,
  SWATCH_LEAVE,
  SWATCH_TINT,         /* weekend, holiday: a translucent colour over the background */
  SWATCH_SHORTAGE,
  SWATCH_VIOLATION,
  SWATCH_PINNED,
  SWATCH_SCHEDULED,
  SWATCH_DEMAND,
  SWATCH_GAP,
} SwatchKind;

typedef struct
{
  Draw *d;
  double x0;
  double x;
  double y;
  double width;
  double line_height;
  gboolean draw;
} Flow;

static void
draw_swatch (Draw       *d,
             SwatchKind  kind,
             guint32     rgb,
             EscGanttColorRole role,
             double      x,
             double      y,
             double      w,
             double      h)
{
  cairo_t *cr = d->cr;
  EscGanttRgba color;

  switch (kind)
    {
    case SWATCH_BAR:
      esc_gantt_rgba_from_rgb (rgb, &color);
      rounded_rectangle (cr, x, y, w, h, 3);
      set_rgba (d, &color);
      cairo_fill (cr);
      break;
    case SWATCH_COMPENSATION:
      {
        double dashes[] = { 3, 2 };

        rounded_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1, 3);
        set_color (d, ESC_GANTT_COLOR_COMPENSATION);
        cairo_fill_preserve (cr);
        cairo_set_dash (cr, dashes, 2, 0);
        cairo_set_line_width (cr, 1);
        set_color (d, ESC_GANTT_COLOR_COMPENSATION_EDGE);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }
      break;
    case SWATCH_LEAVE:
      set_color (d, ESC_GANTT_COLOR_BACKGROUND);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
      draw_hatch (d, x, y, x + w, y + h);
      break;
    case SWATCH_TINT:
      set_color (d, ESC_GANTT_COLOR_BACKGROUND);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill_preserve (cr);
      set_color (d, role);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1);
      set_color (d, ESC_GANTT_COLOR_GRID_STRONG);
      cairo_stroke (cr);
      break;
    case SWATCH_SHORTAGE:
      rounded_rectangle (cr, x, y, w, h, 3);
      set_color (d, ESC_GANTT_COLOR_SHORTAGE);
      cairo_fill (cr);
      break;
    case SWATCH_VIOLATION:
      rounded_rectangle (cr, x + 1, y + 1, w - 2, h - 2, 3);
      cairo_set_line_width (cr, 2);
      set_color (d, ESC_GANTT_COLOR_VIOLATION);
      cairo_stroke (cr);
      break;
    case SWATCH_PINNED:
      color = d->colors[ESC_GANTT_COLOR_TEXT];
      draw_lock (d, x + (w - 8) / 2, y + h / 2, &color);
      break;
    case SWATCH_SCHEDULED:
      cairo_rectangle (cr, x, y, w, h);
      set_color (d, ESC_GANTT_COLOR_SCHEDULED);
      cairo_fill (cr);
      break;
    case SWATCH_DEMAND:
      cairo_move_to (cr, x, y + h / 2);
      cairo_line_to (cr, x + w, y + h / 2);
      cairo_set_line_width (cr, 1.5);
      set_color (d, ESC_GANTT_COLOR_DEMAND);
      cairo_stroke (cr);
      break;
    case SWATCH_GAP:
    default:
      cairo_rectangle (cr, x, y, w, h);
      set_color (d, ESC_GANTT_COLOR_GAP);
      cairo_fill (cr);
      break;
    }
}

static void
flow_item (Flow              *flow,
           SwatchKind         kind,
           guint32            rgb,
           EscGanttColorRole  role,
           const char        *text)
{
  Draw *d = flow->d;
  CachedLayout *layout = get_layout (d, FONT_SMALL, text, flow->width * 0.6);
  double swatch_w = 18, swatch_h = 11;
  double item_w = swatch_w + 6 + layout->width;

  if (flow->x > flow->x0 && flow->x + item_w > flow->x0 + flow->width)
    {
      flow->x = flow->x0;
      flow->y += flow->line_height;
    }
  if (flow->draw)
    {
      draw_swatch (d, kind, rgb, role, flow->x,
                   flow->y + round ((flow->line_height - swatch_h) / 2), swatch_w, swatch_h);
      set_color (d, ESC_GANTT_COLOR_TEXT);
      show_layout_centred (d, layout, flow->x + swatch_w + 6, flow->y, flow->line_height);
    }
  flow->x += item_w + 16;
}

static void
flow_heading (Flow       *flow,
              const char *text)
{
  Draw *d = flow->d;
  CachedLayout *layout = get_layout (d, FONT_SMALL_BOLD, text, -1);

  if (flow->x > flow->x0 && flow->x + layout->width + 60 > flow->x0 + flow->width)
    {
      flow->x = flow->x0;
      flow->y += flow->line_height;
    }
  if (flow->draw)
    {
      set_color (d, ESC_GANTT_COLOR_TEXT_DIM);
      show_layout_centred (d, layout, flow->x, flow->y, flow->line_height);
    }
  flow->x += layout->width + 10;
}

double
esc_gantt_renderer_draw_legend (EscGanttRenderer       *self,
                                cairo_t                *cr,
                                EscGanttModel          *model,
                                const EscGanttViewport *viewport,
                                double                  x,
                                double                  y,
                                double                  width,
                                gboolean                draw)
{
  Draw d;
  Flow flow;

  g_return_val_if_fail (self != NULL && cr != NULL && model != NULL && viewport != NULL, 0);

  cairo_save (cr);
  init_draw (&d, self, cr, model, viewport);
  flow = (Flow) { &d, x, x, y, width, 20, draw };

  if (viewport->color_by == ESC_GANTT_COLOR_BY_STORE)
    {
      flow_heading (&flow, _("Stores"));
      for (guint i = 0; i < esc_gantt_model_get_n_stores (model); i++)
        {
          const EscGanttStore *store = esc_gantt_model_get_store (model, i);

          flow_item (&flow, SWATCH_BAR, store->color, 0, store->title);
        }
    }
  else
    {
      flow_heading (&flow, _("Shifts"));
      for (guint i = 0; i < esc_gantt_model_get_n_shifts (model); i++)
        {
          const EscGanttShift *shift = esc_gantt_model_get_shift (model, i);
          g_autofree char *text = NULL;

          if (shift->n_bars == 0)
            continue;
          if (shift->start >= 0)
            {
              g_autofree char *start = esc_format_time (shift->start % ESC_MINUTES_PER_DAY);
              g_autofree char *end = esc_format_time (shift->end % ESC_MINUTES_PER_DAY);

              text = g_strdup_printf ("%s %s–%s", shift->id, start, end);
            }
          else
            text = g_strdup (shift->id);
          flow_item (&flow, SWATCH_BAR, shift->color, 0, text);
        }
    }

  flow.x = flow.x0;
  flow.y += flow.line_height;
  flow_heading (&flow, _("Marks"));
  flow_item (&flow, SWATCH_COMPENSATION, 0, 0, _("Compensation day"));
  flow_item (&flow, SWATCH_LEAVE, 0, 0, _("Leave"));
  flow_item (&flow, SWATCH_TINT, 0, ESC_GANTT_COLOR_HOLIDAY, _("Holiday"));
  flow_item (&flow, SWATCH_TINT, 0, ESC_GANTT_COLOR_WEEKEND, _("Weekend"));
  flow_item (&flow, SWATCH_PINNED, 0, 0, _("Pinned"));
  flow_item (&flow, SWATCH_VIOLATION, 0, 0, _("Breaks a rule"));
  flow_item (&flow, SWATCH_SHORTAGE, 0, 0, _("Staff missing"));
  flow_item (&flow, SWATCH_SCHEDULED, 0, 0, _("Scheduled"));
  flow_item (&flow, SWATCH_DEMAND, 0, 0, _("Demand"));
  flow_item (&flow, SWATCH_GAP, 0, 0, _("Demand not met"));

  cairo_restore (cr);
  return flow.y + flow.line_height - y;
}
