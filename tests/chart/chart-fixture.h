/* chart-fixture.h: projects with known schedules for the chart's tests and benchmark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/esc-project.h"

G_BEGIN_DECLS

/* The small project of the pixel tests, starting Monday 2021-03-01, 7 days:
 *
 *   Locations  SP01 (state SP, BR), RJ01 (state RJ, BR)
 *   Stores     Centro (SP01, "Loja Centro"), Norte (RJ01)
 *   Roles      cashier ("Cashier"), stocker
 *   Shifts     Morning 08:00-16:00 #3584e4, Late 14:00-22:00 (no colour), Night 22:00-06:00
 *   Employees  E1 Ana (Centro, cashier), E2 Bruno (Centro, cashier, leave 03/03-04/03),
 *              E3 Carla (Centro, stocker), E4 Davi (Norte, cashier)
 *   Holiday    2021-03-05 "Aniversário", state SP (Centro has it, Norte not)
 *   Demand     Centro/cashier every weekday 10:00-18:00, 2 people
 *   Schedule   E1 Mon Morning, Tue Morning, Wed Late (pinned), Sat compensation;
 *              E2 Mon Late, Tue Late; E3 Mon Night (to Tue 06:00); E4 Mon Morning;
 *              extra Centro/cashier Mon 10:00-14:00 and 16:00-18:00, 1 missing each
 */
EscProject *chart_fixture_small    (void);

/* A generated project: @n_employees over 10 stores x 3 roles, @n_days from Monday
 * 2026-03-02, five shifts, one work bar a day except a rest day a week, a
 * compensation day now and then, leave for one employee in twenty, two holidays, demand
 * per store and role, and extra rows. Deterministic for a @seed. */
EscProject *chart_fixture_generate (guint n_employees,
                                    guint n_days,
                                    guint seed);

/* The Julian day of a date. */
EscJulian   chart_fixture_julian   (int day,
                                    int month,
                                    int year);

G_END_DECLS
