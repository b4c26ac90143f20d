/* esc-gantt-style.h: the colours of the Gantt chart, light and dark.
 *
 * Colours follow the GNOME (Adwaita) palette so that the chart sits well in the app:
 * bars in the palette's medium shades, which read on white and on dark grey alike;
 * red is kept for what is wrong (shortages, violations, unmet demand) and never used
 * for a shift.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ESC_GANTT_STYLE_LIGHT,
  ESC_GANTT_STYLE_DARK,
} EscGanttStyle;

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} EscGanttRgba;

/* What a colour is for; the renderer paints each with esc_gantt_style_get_color(). */
typedef enum
{
  ESC_GANTT_COLOR_BACKGROUND,         /* the rows */
  ESC_GANTT_COLOR_SIDEBAR,            /* the name column and the axis */
  ESC_GANTT_COLOR_GROUP,              /* group header rows */
  ESC_GANTT_COLOR_LANE,               /* translucent: coverage and shortage lanes */
  ESC_GANTT_COLOR_BORDER,             /* separators of the fixed parts */
  ESC_GANTT_COLOR_GRID,               /* faint lines: hours, days */
  ESC_GANTT_COLOR_GRID_STRONG,        /* week starts, row separators */
  ESC_GANTT_COLOR_TEXT,
  ESC_GANTT_COLOR_TEXT_DIM,
  ESC_GANTT_COLOR_WEEKEND,            /* translucent, over the background */
  ESC_GANTT_COLOR_HOLIDAY,            /* translucent, over the background */
  ESC_GANTT_COLOR_HOLIDAY_TEXT,
  ESC_GANTT_COLOR_LEAVE,              /* translucent wash under the hatch */
  ESC_GANTT_COLOR_LEAVE_HATCH,        /* opaque hatch lines */
  ESC_GANTT_COLOR_COMPENSATION,       /* opaque fill of compensation days */
  ESC_GANTT_COLOR_COMPENSATION_EDGE,  /* their dashed edge and "C" */
  ESC_GANTT_COLOR_SHORTAGE,           /* opaque: bars of the shortage lane */
  ESC_GANTT_COLOR_VIOLATION,          /* outline of bars breaking a rule */
  ESC_GANTT_COLOR_SCHEDULED,          /* opaque fill: scheduled headcount */
  ESC_GANTT_COLOR_DEMAND,             /* the demand line */
  ESC_GANTT_COLOR_GAP,                /* opaque fill: demand not covered */
  ESC_GANTT_COLOR_SELECTION,          /* outline of the selected bar */
  ESC_GANTT_COLOR_TODAY,
  ESC_GANTT_N_COLORS
} EscGanttColorRole;

void     esc_gantt_style_get_color      (EscGanttStyle      style,
                                         EscGanttColorRole  role,
                                         EscGanttRgba      *color);

/* The bar palette: twelve distinct colours, no red. */
guint    esc_gantt_palette_get_size     (void);
guint32  esc_gantt_palette_get_color    (guint index);  /* 0xRRGGBB, index modulo size */
/* The palette slot an id prefers (a stable hash of the id). */
guint    esc_gantt_palette_slot_for_id  (const char *id);

/* "#rrggbb" or "#rgb" (white space around is ignored) -> 0xRRGGBB. */
gboolean esc_gantt_parse_color          (const char *text,
                                         guint32    *rgb);
void     esc_gantt_rgba_from_rgb        (guint32       rgb,
                                         EscGanttRgba *color);
/* Text colour that reads on a fill of @rgb: white or near black. */
void     esc_gantt_text_color_on        (guint32       rgb,
                                         EscGanttRgba *color);
/* Relative luminance (WCAG) of 0xRRGGBB, 0..1. */
double   esc_gantt_luminance            (guint32 rgb);

G_END_DECLS
