/* esc-gantt-style.c: the colours of the Gantt chart, light and dark.
 *
 * The light colours sit on Adwaita's white view, the dark ones on its #1e1e1e; the
 * palette is the GNOME palette's medium shades plus teal, pink and slate from the newer
 * accent colours, so twelve shifts (or stores) get twelve colours before one repeats.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-chart"

#include <math.h>
#include <string.h>

#include "esc-gantt-style.h"

#define RGBA(r, g, b, a) { (r) / 255.0, (g) / 255.0, (b) / 255.0, (a) }

static const EscGanttRgba light_colors[ESC_GANTT_N_COLORS] = {
  [ESC_GANTT_COLOR_BACKGROUND] = RGBA (255, 255, 255, 1.0),
  [ESC_GANTT_COLOR_SIDEBAR] = RGBA (250, 250, 250, 1.0),
  [ESC_GANTT_COLOR_GROUP] = RGBA (241, 241, 243, 1.0),
  [ESC_GANTT_COLOR_LANE] = RGBA (0, 0, 24, 0.022),
  [ESC_GANTT_COLOR_BORDER] = RGBA (0, 0, 0, 0.14),
  [ESC_GANTT_COLOR_GRID] = RGBA (0, 0, 0, 0.06),
  [ESC_GANTT_COLOR_GRID_STRONG] = RGBA (0, 0, 0, 0.12),
  [ESC_GANTT_COLOR_TEXT] = RGBA (0, 0, 0, 0.80),
  [ESC_GANTT_COLOR_TEXT_DIM] = RGBA (0, 0, 0, 0.55),
  [ESC_GANTT_COLOR_WEEKEND] = RGBA (0, 0, 6, 0.04),
  [ESC_GANTT_COLOR_HOLIDAY] = RGBA (245, 194, 17, 0.16),
  [ESC_GANTT_COLOR_HOLIDAY_TEXT] = RGBA (156, 110, 3, 1.0),
  [ESC_GANTT_COLOR_LEAVE] = RGBA (119, 118, 123, 0.08),
  [ESC_GANTT_COLOR_LEAVE_HATCH] = RGBA (192, 191, 188, 1.0),
  [ESC_GANTT_COLOR_COMPENSATION] = RGBA (239, 226, 244, 1.0),
  [ESC_GANTT_COLOR_COMPENSATION_EDGE] = RGBA (129, 61, 156, 1.0),
  [ESC_GANTT_COLOR_SHORTAGE] = RGBA (224, 27, 36, 1.0),
  [ESC_GANTT_COLOR_VIOLATION] = RGBA (224, 27, 36, 1.0),
  [ESC_GANTT_COLOR_SCHEDULED] = RGBA (188, 214, 245, 1.0),
  [ESC_GANTT_COLOR_DEMAND] = RGBA (28, 113, 216, 1.0),
  [ESC_GANTT_COLOR_GAP] = RGBA (246, 168, 168, 1.0),
  [ESC_GANTT_COLOR_SELECTION] = RGBA (53, 132, 228, 1.0),
  [ESC_GANTT_COLOR_TODAY] = RGBA (53, 132, 228, 1.0),
};

static const EscGanttRgba dark_colors[ESC_GANTT_N_COLORS] = {
  [ESC_GANTT_COLOR_BACKGROUND] = RGBA (30, 30, 30, 1.0),
  [ESC_GANTT_COLOR_SIDEBAR] = RGBA (36, 36, 36, 1.0),
  [ESC_GANTT_COLOR_GROUP] = RGBA (48, 48, 50, 1.0),
  [ESC_GANTT_COLOR_LANE] = RGBA (255, 255, 255, 0.02),
  [ESC_GANTT_COLOR_BORDER] = RGBA (255, 255, 255, 0.12),
  [ESC_GANTT_COLOR_GRID] = RGBA (255, 255, 255, 0.05),
  [ESC_GANTT_COLOR_GRID_STRONG] = RGBA (255, 255, 255, 0.11),
  [ESC_GANTT_COLOR_TEXT] = RGBA (255, 255, 255, 0.92),
  [ESC_GANTT_COLOR_TEXT_DIM] = RGBA (255, 255, 255, 0.55),
  [ESC_GANTT_COLOR_WEEKEND] = RGBA (255, 255, 255, 0.035),
  [ESC_GANTT_COLOR_HOLIDAY] = RGBA (248, 228, 92, 0.10),
  [ESC_GANTT_COLOR_HOLIDAY_TEXT] = RGBA (248, 228, 92, 1.0),
  [ESC_GANTT_COLOR_LEAVE] = RGBA (255, 255, 255, 0.03),
  [ESC_GANTT_COLOR_LEAVE_HATCH] = RGBA (84, 84, 88, 1.0),
  [ESC_GANTT_COLOR_COMPENSATION] = RGBA (66, 45, 78, 1.0),
  [ESC_GANTT_COLOR_COMPENSATION_EDGE] = RGBA (220, 138, 221, 1.0),
  [ESC_GANTT_COLOR_SHORTAGE] = RGBA (224, 27, 36, 1.0),
  [ESC_GANTT_COLOR_VIOLATION] = RGBA (255, 123, 99, 1.0),
  [ESC_GANTT_COLOR_SCHEDULED] = RGBA (38, 72, 112, 1.0),
  [ESC_GANTT_COLOR_DEMAND] = RGBA (153, 193, 241, 1.0),
  [ESC_GANTT_COLOR_GAP] = RGBA (122, 32, 38, 1.0),
  [ESC_GANTT_COLOR_SELECTION] = RGBA (120, 174, 237, 1.0),
  [ESC_GANTT_COLOR_TODAY] = RGBA (120, 174, 237, 1.0),
};

static const guint32 palette[] = {
  0x3584e4,  /* blue 3 */
  0x2ec27e,  /* green 4 */
  0xe66100,  /* orange 5 */
  0x9141ac,  /* purple 3 */
  0xe5a50a,  /* yellow 5 */
  0x2190a4,  /* teal */
  0xd56199,  /* pink */
  0x986a44,  /* brown 3 */
  0x62a0ea,  /* blue 1 */
  0x26a269,  /* green 5 */
  0xc061cb,  /* purple 1 */
  0x6f8396,  /* slate */
};

void
esc_gantt_style_get_color (EscGanttStyle      style,
                           EscGanttColorRole  role,
                           EscGanttRgba      *color)
{
  g_return_if_fail (role < ESC_GANTT_N_COLORS);

  *color = style == ESC_GANTT_STYLE_DARK ? dark_colors[role] : light_colors[role];
}

guint
esc_gantt_palette_get_size (void)
{
  return G_N_ELEMENTS (palette);
}

guint32
esc_gantt_palette_get_color (guint index)
{
  return palette[index % G_N_ELEMENTS (palette)];
}

guint
esc_gantt_palette_slot_for_id (const char *id)
{
  /* FNV-1a: stable across runs and platforms (g_str_hash is too, but says nothing). */
  guint32 hash = 2166136261u;

  for (const guchar *p = (const guchar *) (id != NULL ? id : ""); *p != '\0'; p++)
    {
      hash ^= *p;
      hash *= 16777619u;
    }
  return hash % G_N_ELEMENTS (palette);
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

gboolean
esc_gantt_parse_color (const char *text,
                       guint32    *rgb)
{
  const char *p = text;
  const char *end;
  guint32 value = 0;
  gsize length;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '#')
    return FALSE;
  p++;
  end = p;
  while (*end != '\0' && !g_ascii_isspace (*end))
    end++;
  length = (gsize) (end - p);
  for (const char *q = end; *q != '\0'; q++)
    if (!g_ascii_isspace (*q))
      return FALSE;
  if (length != 6 && length != 3)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      int digit = hex_digit (p[i]);

      if (digit < 0)
        return FALSE;
      if (length == 3)
        value = (value << 8) | (guint32) (digit * 17);
      else
        value = (value << 4) | (guint32) digit;
    }
  *rgb = value;
  return TRUE;
}

void
esc_gantt_rgba_from_rgb (guint32       rgb,
                         EscGanttRgba *color)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = 1.0;
}

static double
linear_channel (guint32 value)
{
  double c = value / 255.0;

  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
esc_gantt_luminance (guint32 rgb)
{
  return 0.2126 * linear_channel ((rgb >> 16) & 0xff) +
         0.7152 * linear_channel ((rgb >> 8) & 0xff) +
         0.0722 * linear_channel (rgb & 0xff);
}

void
esc_gantt_text_color_on (guint32       rgb,
                         EscGanttRgba *color)
{
  /* White text unless the fill is light enough that dark text contrasts better. */
  double luminance = esc_gantt_luminance (rgb);
  double white = 1.05 / (luminance + 0.05);
  double dark = (luminance + 0.05) / (0.0185 + 0.05);

  if (white >= dark * 0.72)
    *color = (EscGanttRgba) { 1.0, 1.0, 1.0, 1.0 };
  else
    *color = (EscGanttRgba) { 0.0, 0.0, 0.0, 0.82 };
}
