/* esc-calendar.h: planning weeks and where holidays apply.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-parse.h"

G_BEGIN_DECLS

/* The first day of the planning week containing @day, weeks starting on @first_day. */
EscJulian esc_calendar_week_start (EscJulian day, EscWeekday first_day);

/* Index of the planning week of @day counted from the week containing @origin (0 for the
 * week of @origin, -1 the week before, ...). */
int esc_calendar_week_index (EscJulian origin, EscJulian day, EscWeekday first_day);

typedef enum
{
  ESC_HOLIDAY_SCOPE_NATIONAL,   /* applies to every location (of the country, if given) */
  ESC_HOLIDAY_SCOPE_STATE,      /* applies to locations whose state equals the region */
  ESC_HOLIDAY_SCOPE_MUNICIPAL,  /* applies to the location whose id equals the region */
} EscHolidayScope;

/* Whether a holiday applies to a location.
 * @national: the holiday's national flag; @country: the holiday's country (may be NULL
 * or "" for "any"); @region: state code or location id (may be NULL/"").
 * @loc_id, @loc_state, @loc_country: the location's fields.
 * Rules: national -> applies where @country is empty or equals @loc_country (case and
 * accents folded, so "BR" matches "br"; "Brasil"/"Brazil" match "BR"). Otherwise
 * region equal to @loc_id -> municipal; region equal to @loc_state -> state. Matching
 * of ids is exact after trimming; state codes case-insensitively. */
gboolean esc_calendar_holiday_applies (gboolean national, const char *country,
                                       const char *region, const char *loc_id,
                                       const char *loc_state, const char *loc_country,
                                       EscHolidayScope *scope_out);

G_END_DECLS
