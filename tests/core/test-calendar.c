/* test-calendar.c: planning weeks and where holidays apply (src/core/esc-calendar.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>

#include "core/esc-calendar.h"
#include "test-core.h"

static EscJulian
dmy (int day,
     int month,
     int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

typedef struct
{
  int day, month, year;
  EscWeekday first_day;
  int e_day, e_month, e_year;
} WeekStartCase;

static void
test_week_start (void)
{
  static const WeekStartCase cases[] = {
    /* 2026-03-01 is a Sunday: the month boundary */
    { 1, 3, 2026, ESC_MON, 23, 2, 2026 },
    { 1, 3, 2026, ESC_TUE, 24, 2, 2026 },
    { 1, 3, 2026, ESC_SAT, 28, 2, 2026 },
    { 1, 3, 2026, ESC_SUN, 1, 3, 2026 },
    { 2, 3, 2026, ESC_MON, 2, 3, 2026 },
    { 2, 3, 2026, ESC_SUN, 1, 3, 2026 },
    { 7, 3, 2026, ESC_MON, 2, 3, 2026 },
    { 7, 3, 2026, ESC_SUN, 1, 3, 2026 },
    { 8, 3, 2026, ESC_MON, 2, 3, 2026 },
    { 8, 3, 2026, ESC_SUN, 8, 3, 2026 },
    { 31, 3, 2026, ESC_MON, 30, 3, 2026 },
    { 31, 3, 2026, ESC_SUN, 29, 3, 2026 },
    { 1, 4, 2026, ESC_MON, 30, 3, 2026 },
    { 1, 4, 2026, ESC_SUN, 29, 3, 2026 },
    /* the year boundary: 2026-01-01 is a Thursday */
    { 1, 1, 2026, ESC_MON, 29, 12, 2025 },
    { 1, 1, 2026, ESC_SUN, 28, 12, 2025 },
    { 1, 1, 2026, ESC_THU, 1, 1, 2026 },
    { 1, 1, 2026, ESC_FRI, 26, 12, 2025 },
    { 31, 12, 2025, ESC_MON, 29, 12, 2025 },
    { 31, 12, 2025, ESC_SUN, 28, 12, 2025 },
    { 3, 1, 2027, ESC_MON, 28, 12, 2026 },
    { 3, 1, 2027, ESC_SUN, 3, 1, 2027 },
    { 3, 1, 2027, ESC_FRI, 1, 1, 2027 },
    /* a leap February */
    { 1, 3, 2024, ESC_MON, 26, 2, 2024 },
    { 1, 3, 2024, ESC_SUN, 25, 2, 2024 },
    { 1, 3, 2024, ESC_THU, 29, 2, 2024 },
    { 1, 3, 2024, ESC_FRI, 1, 3, 2024 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const WeekStartCase *c = &cases[i];
      EscJulian got = esc_calendar_week_start (dmy (c->day, c->month, c->year), c->first_day);
      EscJulian expected = dmy (c->e_day, c->e_month, c->e_year);

      if (got != expected)
        g_test_fail_printf ("week start of %02d/%02d/%04d, first day %d: got %u, expected %u",
                            c->day, c->month, c->year, c->first_day, got, expected);
    }
}

/* Every day of three years, every first day: the start is the right weekday, at most six
 * days before, and the start of its own week. */
static void
test_week_start_sweep (void)
{
  for (EscWeekday first = ESC_MON; first < ESC_N_WEEKDAYS; first++)
    for (EscJulian day = dmy (1, 1, 2025); day <= dmy (31, 12, 2027); day++)
      {
        EscJulian start = esc_calendar_week_start (day, first);

        g_assert_cmpuint (start, <=, day);
        g_assert_cmpuint (day - start, <, 7);
        g_assert_cmpint (esc_julian_weekday (start), ==, first);
        g_assert_cmpuint (esc_calendar_week_start (start, first), ==, start);
      }

  /* The far ends of the supported range. */
  g_assert_cmpuint (esc_calendar_week_start (dmy (1, 1, 1900), ESC_MON), ==, dmy (1, 1, 1900));
  g_assert_cmpuint (esc_calendar_week_start (dmy (1, 1, 1900), ESC_SUN), ==,
                    dmy (31, 12, 1899));
  g_assert_cmpuint (esc_calendar_week_start (dmy (31, 12, 9999), ESC_MON), ==,
                    dmy (27, 12, 9999));
  /* 0001-01-01 is a Monday: a week starting on Sunday would begin before day 1. */
  g_assert_cmpuint (esc_calendar_week_start (1, ESC_MON), ==, 1);
  g_assert_cmpuint (esc_calendar_week_start (1, ESC_SUN), ==, 0);
}

typedef struct
{
  int o_day, o_month, o_year;
  int day, month, year;
  EscWeekday first_day;
  int expected;
} WeekIndexCase;

static void
test_week_index (void)
{
  static const WeekIndexCase cases[] = {
    /* origin Monday 2026-03-02 */
    { 2, 3, 2026, 2, 3, 2026, ESC_MON, 0 },
    { 2, 3, 2026, 8, 3, 2026, ESC_MON, 0 },
    { 2, 3, 2026, 9, 3, 2026, ESC_MON, 1 },
    { 2, 3, 2026, 1, 3, 2026, ESC_MON, -1 },
    { 2, 3, 2026, 23, 2, 2026, ESC_MON, -1 },
    { 2, 3, 2026, 22, 2, 2026, ESC_MON, -2 },
    { 2, 3, 2026, 1, 1, 2027, ESC_MON, 43 },
    { 2, 3, 2026, 31, 12, 2025, ESC_MON, -9 },
    { 2, 3, 2026, 7, 3, 2026, ESC_SUN, 0 },
    { 2, 3, 2026, 8, 3, 2026, ESC_SUN, 1 },
    { 2, 3, 2026, 9, 3, 2026, ESC_SUN, 1 },
    { 2, 3, 2026, 1, 3, 2026, ESC_SUN, 0 },
    { 2, 3, 2026, 28, 2, 2026, ESC_SUN, -1 },
    { 2, 3, 2026, 22, 2, 2026, ESC_SUN, -1 },
    { 2, 3, 2026, 1, 1, 2027, ESC_SUN, 43 },
    { 2, 3, 2026, 31, 12, 2025, ESC_SUN, -9 },
    /* origin Wednesday 2025-12-31, across the new year */
    { 31, 12, 2025, 4, 1, 2026, ESC_MON, 0 },
    { 31, 12, 2025, 4, 1, 2026, ESC_SUN, 1 },
    { 31, 12, 2025, 5, 1, 2026, ESC_MON, 1 },
    { 31, 12, 2025, 5, 1, 2026, ESC_SUN, 1 },
    { 31, 12, 2025, 29, 12, 2025, ESC_MON, 0 },
    { 31, 12, 2025, 28, 12, 2025, ESC_MON, -1 },
    { 31, 12, 2025, 28, 12, 2025, ESC_SUN, 0 },
    { 31, 12, 2025, 27, 12, 2025, ESC_SUN, -1 },
    { 31, 12, 2025, 1, 1, 2025, ESC_MON, -52 },
    { 31, 12, 2025, 1, 1, 2025, ESC_SUN, -52 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const WeekIndexCase *c = &cases[i];
      int got = esc_calendar_week_index (dmy (c->o_day, c->o_month, c->o_year),
                                         dmy (c->day, c->month, c->year), c->first_day);

      if (got != c->expected)
        g_test_fail_printf ("week index of %02d/%02d/%04d from %02d/%02d/%04d, first day %d: "
                            "got %d, expected %d", c->day, c->month, c->year, c->o_day,
                            c->o_month, c->o_year, c->first_day, got, c->expected);
    }
}

/* Counting week boundaries day by day from the origin, in both directions, agrees with
 * esc_calendar_week_index() for every origin weekday and first day. */
static void
test_week_index_sweep (void)
{
  for (EscWeekday first = ESC_MON; first < ESC_N_WEEKDAYS; first++)
    for (EscJulian origin = dmy (1, 6, 2026); origin < dmy (8, 6, 2026); origin++)
      {
        int index = 0;

        for (EscJulian day = origin; day < origin + 800; day++)
          {
            if (day != origin && esc_julian_weekday (day) == first)
              index++;
            g_assert_cmpint (esc_calendar_week_index (origin, day, first), ==, index);
          }

        index = 0;
        for (EscJulian day = origin; day > origin - 800; day--)
          {
            g_assert_cmpint (esc_calendar_week_index (origin, day, first), ==, index);
            if (esc_julian_weekday (day) == first)
              index--;
          }
      }
}

typedef struct
{
  gboolean national;
  const char *country;
  const char *region;
  const char *loc_id;
  const char *loc_state;
  const char *loc_country;
  gboolean expected;
  EscHolidayScope scope;
} HolidayCase;

#define NATIONAL ESC_HOLIDAY_SCOPE_NATIONAL
#define STATE ESC_HOLIDAY_SCOPE_STATE
#define MUNICIPAL ESC_HOLIDAY_SCOPE_MUNICIPAL
#define NO_SCOPE ((EscHolidayScope) 99)

static void
test_holiday_applies (void)
{
  static const HolidayCase cases[] = {
    /* national, with and without a country */
    { TRUE, NULL, NULL, "loja-1", "SP", "BR", TRUE, NATIONAL },
    { TRUE, "", "", "loja-1", "SP", "BR", TRUE, NATIONAL },
    { TRUE, "  ", NULL, "loja-1", "SP", "BR", TRUE, NATIONAL },
    { TRUE, NULL, NULL, NULL, NULL, NULL, TRUE, NATIONAL },
    { TRUE, "BR", "", "loja-1", "SP", "BR", TRUE, NATIONAL },
    { TRUE, "br", "", "loja-1", "SP", "BR", TRUE, NATIONAL },
    { TRUE, "BR", "", "loja-1", "SP", " br ", TRUE, NATIONAL },
    { TRUE, "Brasil", "", "loja-1", "SP", "BR", TRUE, NATIONAL },
    { TRUE, "Brazil", "", "loja-1", "SP", "br", TRUE, NATIONAL },
    { TRUE, "BR", "", "loja-1", "SP", "Brasil", TRUE, NATIONAL },
    { TRUE, " BRASIL ", "", "loja-1", "SP", "BRA", TRUE, NATIONAL },
    { TRUE, "Portugal", "", "loja-1", "Lisboa", "PT", TRUE, NATIONAL },
    { TRUE, "Argentina", "", "loja-1", "BA", "AR", TRUE, NATIONAL },
    { TRUE, "Narnia", "", "loja-1", "XX", "narnia", TRUE, NATIONAL },
    { TRUE, "Nárnia", "", "loja-1", "XX", "NARNIA", TRUE, NATIONAL },
    { TRUE, "BR", "", "loja-1", "SP", "", TRUE, NATIONAL },   /* unknown location country */
    { TRUE, "BR", "", "loja-1", "SP", NULL, TRUE, NATIONAL },
    { TRUE, "BR", "RJ", "loja-1", "SP", "BR", TRUE, NATIONAL },  /* the region is ignored */
    { TRUE, "PT", "", "loja-1", "SP", "BR", FALSE, NO_SCOPE },
    { TRUE, "Portugal", "", "loja-1", "SP", "Brasil", FALSE, NO_SCOPE },
    { TRUE, "AR", "", "loja-1", "SP", "BR", FALSE, NO_SCOPE },
    { TRUE, "Narnia", "", "loja-1", "SP", "BR", FALSE, NO_SCOPE },
    /* state */
    { FALSE, NULL, "SP", "loja-1", "SP", "BR", TRUE, STATE },
    { FALSE, "", "sp", "loja-1", "SP", "BR", TRUE, STATE },
    { FALSE, NULL, " SP ", "loja-1", "sp", NULL, TRUE, STATE },
    { FALSE, NULL, "São Paulo", "loja-1", "sao paulo", "BR", TRUE, STATE },
    { FALSE, "BR", "SP", "loja-1", "SP", "BR", TRUE, STATE },
    { FALSE, "Brasil", "SP", "loja-1", "SP", "BR", TRUE, STATE },
    { FALSE, "BR", "SP", "loja-1", "SP", "", TRUE, STATE },
    { FALSE, NULL, "SP", "loja-1", "RJ", "BR", FALSE, NO_SCOPE },
    { FALSE, "PT", "SP", "loja-1", "SP", "BR", FALSE, NO_SCOPE },
    { FALSE, NULL, "SP", "loja-1", "", "BR", FALSE, NO_SCOPE },
    { FALSE, NULL, "SP", "loja-1", NULL, NULL, FALSE, NO_SCOPE },
    { FALSE, NULL, "S", "loja-1", "SP", "BR", FALSE, NO_SCOPE },
    /* municipal */
    { FALSE, NULL, "loja-1", "loja-1", "SP", "BR", TRUE, MUNICIPAL },
    { FALSE, NULL, " loja-1 ", "loja-1\t", "SP", "BR", TRUE, MUNICIPAL },
    { FALSE, "BR", "loja-1", "loja-1", "SP", "Brasil", TRUE, MUNICIPAL },
    { FALSE, NULL, "SP", "SP", "SP", "BR", TRUE, MUNICIPAL },  /* the id wins */
    { FALSE, NULL, "3550308", "3550308", "SP", "BR", TRUE, MUNICIPAL },
    { FALSE, NULL, "LOJA-1", "loja-1", "SP", "BR", FALSE, NO_SCOPE },  /* ids are exact */
    { FALSE, NULL, "loja-2", "loja-1", "SP", "BR", FALSE, NO_SCOPE },
    { FALSE, NULL, "loja", "loja-1", "SP", "BR", FALSE, NO_SCOPE },
    { FALSE, "PT", "loja-1", "loja-1", "SP", "BR", FALSE, NO_SCOPE },
    /* nothing to match */
    { FALSE, NULL, "", "loja-1", "SP", "BR", FALSE, NO_SCOPE },
    { FALSE, NULL, NULL, "loja-1", "SP", "BR", FALSE, NO_SCOPE },
    { FALSE, NULL, "  ", "  ", "  ", "BR", FALSE, NO_SCOPE },
    { FALSE, NULL, "", "", "", "", FALSE, NO_SCOPE },
    { FALSE, NULL, NULL, NULL, NULL, NULL, FALSE, NO_SCOPE },
    { FALSE, NULL, "SP", NULL, NULL, NULL, FALSE, NO_SCOPE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const HolidayCase *c = &cases[i];
      EscHolidayScope scope = NO_SCOPE;
      gboolean got = esc_calendar_holiday_applies (c->national, c->country, c->region,
                                                   c->loc_id, c->loc_state, c->loc_country,
                                                   &scope);

      if (got != c->expected || scope != c->scope)
        g_test_fail_printf ("holiday #%u (national %d, country “%s”, region “%s”) at "
                            "(“%s”, “%s”, “%s”): got %d/%d, expected %d/%d", i, c->national,
                            c->country, c->region, c->loc_id, c->loc_state, c->loc_country,
                            got, scope, c->expected, c->scope);

      /* The scope is optional. */
      g_assert_cmpint (esc_calendar_holiday_applies (c->national, c->country, c->region,
                                                     c->loc_id, c->loc_state, c->loc_country,
                                                     NULL), ==, c->expected);
    }

  /* Bytes that are not UTF-8 do not crash. */
  (void) esc_calendar_holiday_applies (FALSE, "\xff", "\xfe", "\xff", "\xfe\xfe", "\xc3",
                                       NULL);
  (void) esc_calendar_holiday_applies (TRUE, "\xff", "\xfe", "\xff", "\xfe\xfe", "\xc3",
                                       NULL);
}

void
esc_test_add_calendar_tests (void)
{
  g_test_add_func ("/core/calendar/week-start", test_week_start);
  g_test_add_func ("/core/calendar/week-start/sweep", test_week_start_sweep);
  g_test_add_func ("/core/calendar/week-index", test_week_index);
  g_test_add_func ("/core/calendar/week-index/sweep", test_week_index_sweep);
  g_test_add_func ("/core/calendar/holiday-applies", test_holiday_applies);
}
