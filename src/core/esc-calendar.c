/* esc-calendar.c: planning weeks and where holidays apply.
 *
 * Weeks are counted on Julian day numbers: the start of the week of a day is the day
 * minus how far its weekday is past the first day of the week.
 *
 * Holidays: countries are compared after esc_fold_key() and a small table of aliases
 * (names in English and Portuguese and ISO 3166 alpha-3 codes map to the alpha-2 code,
 * so "Brasil", "Brazil", "BRA" and "br" are all "br"). Decisions where the contract is
 * silent:
 * - An empty country on either side matches any country: a national holiday for "BR"
 *   applies to a location whose country was left blank (a single-country data set
 *   rarely fills it in).
 * - When both the holiday and the location name a country and they differ, the holiday
 *   does not apply, whatever its scope (state codes repeat across countries).
 * - A municipal match (region equal to the location id) wins over a state match.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-core"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "esc-calendar.h"

typedef struct
{
  const char *name;  /* folded */
  const char *code;  /* ISO 3166 alpha-2, folded */
} CountryAlias;

static const CountryAlias country_aliases[] = {
  { "brasil", "br" }, { "brazil", "br" }, { "bra", "br" },
  { "republica federativa do brasil", "br" },
  { "portugal", "pt" }, { "prt", "pt" },
  { "argentina", "ar" }, { "arg", "ar" },
  { "chile", "cl" }, { "chl", "cl" },
  { "colombia", "co" }, { "col", "co" },
  { "mexico", "mx" }, { "mex", "mx" },
  { "paraguay", "py" }, { "paraguai", "py" }, { "pry", "py" },
  { "peru", "pe" }, { "per", "pe" },
  { "uruguay", "uy" }, { "uruguai", "uy" }, { "ury", "uy" },
  { "angola", "ao" }, { "ago", "ao" },
  { "mozambique", "mz" }, { "mocambique", "mz" }, { "moz", "mz" },
  { "spain", "es" }, { "espanha", "es" }, { "espana", "es" }, { "esp", "es" },
  { "united states", "us" }, { "united states of america", "us" }, { "usa", "us" },
  { "estados unidos", "us" }, { "eua", "us" },
  { "united kingdom", "gb" }, { "reino unido", "gb" }, { "uk", "gb" }, { "gbr", "gb" },
  { "canada", "ca" }, { "can", "ca" },
  { "germany", "de" }, { "alemanha", "de" }, { "deu", "de" },
  { "france", "fr" }, { "franca", "fr" }, { "fra", "fr" },
  { "italy", "it" }, { "italia", "it" }, { "ita", "it" },
};

/* The folded country, or its alpha-2 code when it is a known alias. */
static char *
canonicalize_country (const char *country)
{
  g_autofree char *key = esc_fold_key (country);

  for (guint i = 0; i < G_N_ELEMENTS (country_aliases); i++)
    if (strcmp (key, country_aliases[i].name) == 0)
      return g_strdup (country_aliases[i].code);

  return g_steal_pointer (&key);
}

/* May be before day 1 (0 or negative) for days in the first week of year 1. */
static gint64
compute_week_start (EscJulian  day,
                    EscWeekday first_day)
{
  guint offset = ((guint) esc_julian_weekday (day) + ESC_N_WEEKDAYS - (guint) first_day)
                 % ESC_N_WEEKDAYS;

  return (gint64) day - offset;
}

EscJulian
esc_calendar_week_start (EscJulian  day,
                         EscWeekday first_day)
{
  gint64 start;

  g_return_val_if_fail (day != 0, 0);
  g_return_val_if_fail ((guint) first_day < ESC_N_WEEKDAYS, day);

  start = compute_week_start (day, first_day);

  /* 0 (invalid) only for the first days of year 1. */
  return start > 0 ? (EscJulian) start : 0;
}

int
esc_calendar_week_index (EscJulian  origin,
                         EscJulian  day,
                         EscWeekday first_day)
{
  g_return_val_if_fail (origin != 0, 0);
  g_return_val_if_fail (day != 0, 0);
  g_return_val_if_fail ((guint) first_day < ESC_N_WEEKDAYS, 0);

  /* Both starts fall on the same weekday, so the difference is a multiple of 7. */
  return (int) ((compute_week_start (day, first_day) - compute_week_start (origin, first_day))
                / ESC_N_WEEKDAYS);
}

gboolean
esc_calendar_holiday_applies (gboolean         national,
                              const char      *country,
                              const char      *region,
                              const char      *loc_id,
                              const char      *loc_state,
                              const char      *loc_country,
                              EscHolidayScope *scope_out)
{
  g_autofree char *holiday_country = canonicalize_country (country);
  g_autofree char *location_country = canonicalize_country (loc_country);
  g_autofree char *region_id = NULL;
  g_autofree char *location_id = NULL;
  g_autofree char *region_key = NULL;
  g_autofree char *state_key = NULL;

  if (*holiday_country != '\0' && *location_country != '\0' &&
      strcmp (holiday_country, location_country) != 0)
    return FALSE;

  if (national)
    {
      if (scope_out != NULL)
        *scope_out = ESC_HOLIDAY_SCOPE_NATIONAL;
      return TRUE;
    }

  region_id = esc_strip_dup (region);
  if (*region_id == '\0')
    return FALSE;

  location_id = esc_strip_dup (loc_id);
  if (strcmp (region_id, location_id) == 0)
    {
      if (scope_out != NULL)
        *scope_out = ESC_HOLIDAY_SCOPE_MUNICIPAL;
      return TRUE;
    }

  region_key = esc_fold_key (region_id);
  state_key = esc_fold_key (loc_state);
  if (*state_key != '\0' && strcmp (region_key, state_key) == 0)
    {
      if (scope_out != NULL)
        *scope_out = ESC_HOLIDAY_SCOPE_STATE;
      return TRUE;
    }

  return FALSE;
}
