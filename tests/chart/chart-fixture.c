/* chart-fixture.c: projects with known schedules for the chart's tests and benchmark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-chart"

#include "core/esc-table.h"
#include "chart-fixture.h"

#define ROW(table, n, ...) \
  esc_table_append_values (esc_project_get_table (project, table), \
                           (const char *[n]) { __VA_ARGS__ })

EscJulian
chart_fixture_julian (int day,
                      int month,
                      int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static void
add_work (EscProject *project,
          const char *employee,
          const char *store,
          const char *role,
          const char *shift,
          const char *date,
          const char *start,
          const char *finish,
          const char *hours,
          const char *pinned)
{
  g_autofree char *task = g_strdup_printf ("%s@%s", employee, date);

  ROW (ESC_TABLE_ALLOCATION, ESC_ALLOCATION_N_COLUMNS,
       [ESC_ALLOCATION_TASK] = task, [ESC_ALLOCATION_START] = start,
       [ESC_ALLOCATION_FINISH] = finish, [ESC_ALLOCATION_RESOURCE] = employee,
       [ESC_ALLOCATION_STORE] = store, [ESC_ALLOCATION_TYPE] = "allocation",
       [ESC_ALLOCATION_ROLE] = role, [ESC_ALLOCATION_SHIFT] = shift,
       [ESC_ALLOCATION_DATE] = date, [ESC_ALLOCATION_NET_HOURS] = hours,
       [ESC_ALLOCATION_PINNED] = pinned);
}

EscProject *
chart_fixture_small (void)
{
  EscProject *project = esc_project_new ();

  ROW (ESC_TABLE_LOCATION, ESC_LOCATION_N_COLUMNS, "SP01", "São Paulo", "SP", "BR");
  ROW (ESC_TABLE_LOCATION, ESC_LOCATION_N_COLUMNS, "RJ01", "Rio de Janeiro", "RJ", "BR");
  ROW (ESC_TABLE_STORE, ESC_STORE_N_COLUMNS, "Centro", "SP01", "Loja Centro");
  ROW (ESC_TABLE_STORE, ESC_STORE_N_COLUMNS, "Norte", "RJ01", NULL);
  ROW (ESC_TABLE_ROLE, ESC_ROLE_N_COLUMNS, "cashier", "Cashier");
  ROW (ESC_TABLE_ROLE, ESC_ROLE_N_COLUMNS, "stocker", NULL);
  ROW (ESC_TABLE_SHIFT, ESC_SHIFT_N_COLUMNS, [ESC_SHIFT_ID] = "Morning",
       [ESC_SHIFT_START] = "08:00", [ESC_SHIFT_END] = "16:00", [ESC_SHIFT_COLOR] = "#3584e4");
  ROW (ESC_TABLE_SHIFT, ESC_SHIFT_N_COLUMNS, [ESC_SHIFT_ID] = "Late",
       [ESC_SHIFT_START] = "14:00", [ESC_SHIFT_END] = "22:00");
  ROW (ESC_TABLE_SHIFT, ESC_SHIFT_N_COLUMNS, [ESC_SHIFT_ID] = "Night",
       [ESC_SHIFT_START] = "22:00", [ESC_SHIFT_END] = "06:00");

  ROW (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_N_COLUMNS, [ESC_EMPLOYEE_ID] = "E1",
       [ESC_EMPLOYEE_NAME] = "Ana", [ESC_EMPLOYEE_ROLE] = "cashier",
       [ESC_EMPLOYEE_STORE] = "Centro", [ESC_EMPLOYEE_WEEKLY_HOURS] = "44");
  ROW (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_N_COLUMNS, [ESC_EMPLOYEE_ID] = "E2",
       [ESC_EMPLOYEE_NAME] = "Bruno", [ESC_EMPLOYEE_ROLE] = "cashier",
       [ESC_EMPLOYEE_STORE] = "Centro", [ESC_EMPLOYEE_WEEKLY_HOURS] = "44",
       [ESC_EMPLOYEE_LEAVE] = "03/03/2021 - 04/03/2021");
  ROW (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_N_COLUMNS, [ESC_EMPLOYEE_ID] = "E3",
       [ESC_EMPLOYEE_NAME] = "Carla", [ESC_EMPLOYEE_ROLE] = "stocker",
       [ESC_EMPLOYEE_STORE] = "Centro", [ESC_EMPLOYEE_WEEKLY_HOURS] = "44");
  ROW (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_N_COLUMNS, [ESC_EMPLOYEE_ID] = "E4",
       [ESC_EMPLOYEE_NAME] = "Davi", [ESC_EMPLOYEE_ROLE] = "cashier",
       [ESC_EMPLOYEE_STORE] = "Norte", [ESC_EMPLOYEE_WEEKLY_HOURS] = "44");

  ROW (ESC_TABLE_HOLIDAY, ESC_HOLIDAY_N_COLUMNS, "2021-03-05", "Aniversário", "no", "BR", "SP",
       "yes");

  for (int wd = 0; wd < ESC_N_WEEKDAYS; wd++)
    ROW (ESC_TABLE_DEMAND, ESC_DEMAND_N_COLUMNS, [ESC_DEMAND_STORE] = "Centro",
         [ESC_DEMAND_ROLE] = "cashier", [ESC_DEMAND_DAY] = esc_weekday_code (wd),
         [ESC_DEMAND_START] = "10:00", [ESC_DEMAND_END] = "18:00", [ESC_DEMAND_QUANTITY] = "2");

  esc_project_set_parameter (project, "start_date", "2021-03-01");
  esc_project_set_parameter (project, "max_horizon", "7");

  add_work (project, "E1", "Centro", "cashier", "Morning", "2021-03-01", "2021-03-01 08:00",
            "2021-03-01 16:00", "07:00", NULL);
  add_work (project, "E1", "Centro", "cashier", "Morning", "2021-03-02", "2021-03-02 08:00",
            "2021-03-02 16:00", "07:00", NULL);
  add_work (project, "E1", "Centro", "cashier", "Late", "2021-03-03", "2021-03-03 14:00",
            "2021-03-03 22:00", "07:00", "yes");
  ROW (ESC_TABLE_ALLOCATION, ESC_ALLOCATION_N_COLUMNS,
       [ESC_ALLOCATION_TASK] = "E1@2021-03-06#C", [ESC_ALLOCATION_START] = "2021-03-06 00:00",
       [ESC_ALLOCATION_FINISH] = "2021-03-07 00:00", [ESC_ALLOCATION_RESOURCE] = "E1",
       [ESC_ALLOCATION_STORE] = "Centro", [ESC_ALLOCATION_TYPE] = "compensation",
       [ESC_ALLOCATION_ROLE] = "cashier", [ESC_ALLOCATION_DATE] = "2021-03-06");
  add_work (project, "E2", "Centro", "cashier", "Late", "2021-03-01", "2021-03-01 14:00",
            "2021-03-01 22:00", "07:00", NULL);
  add_work (project, "E2", "Centro", "cashier", "Late", "2021-03-02", "2021-03-02 14:00",
            "2021-03-02 22:00", "07:00", NULL);
  add_work (project, "E3", "Centro", "stocker", "Night", "2021-03-01", "2021-03-01 22:00",
            "2021-03-02 06:00", "07:00", NULL);
  add_work (project, "E4", "Norte", "cashier", "Morning", "2021-03-01", "2021-03-01 08:00",
            "2021-03-01 16:00", "07:00", NULL);
  ROW (ESC_TABLE_ALLOCATION, ESC_ALLOCATION_N_COLUMNS,
       [ESC_ALLOCATION_TASK] = "extra:Centro/cashier@2021-03-01 10:00",
       [ESC_ALLOCATION_START] = "2021-03-01 10:00", [ESC_ALLOCATION_FINISH] = "2021-03-01 14:00",
       [ESC_ALLOCATION_RESOURCE] = "cashier", [ESC_ALLOCATION_STORE] = "Centro",
       [ESC_ALLOCATION_TYPE] = "extra", [ESC_ALLOCATION_ROLE] = "cashier",
       [ESC_ALLOCATION_DATE] = "2021-03-01", [ESC_ALLOCATION_MISSING] = "1");
  ROW (ESC_TABLE_ALLOCATION, ESC_ALLOCATION_N_COLUMNS,
       [ESC_ALLOCATION_TASK] = "extra:Centro/cashier@2021-03-01 16:00",
       [ESC_ALLOCATION_START] = "2021-03-01 16:00", [ESC_ALLOCATION_FINISH] = "2021-03-01 18:00",
       [ESC_ALLOCATION_RESOURCE] = "cashier", [ESC_ALLOCATION_STORE] = "Centro",
       [ESC_ALLOCATION_TYPE] = "extra", [ESC_ALLOCATION_ROLE] = "cashier",
       [ESC_ALLOCATION_DATE] = "2021-03-01", [ESC_ALLOCATION_MISSING] = "1");

  return project;
}

static const char *const first_names[] = {
  "Ana", "Bruno", "Carla", "Davi", "Elisa", "Fábio", "Gabriela", "Heitor", "Isabela", "João",
  "Karina", "Lucas", "Mariana", "Nicolas", "Olívia", "Paulo", "Quitéria", "Rafael", "Sofia",
  "Thiago", "Úrsula", "Vitor", "Wanda", "Xavier", "Yara", "Zeca",
};

static const char *const last_names[] = {
  "Almeida", "Barbosa", "Cardoso", "Dias", "Esteves", "Ferreira", "Gomes", "Horta", "Lima",
  "Martins", "Nunes", "Oliveira", "Pereira", "Ribeiro", "Santos", "Teixeira", "Vieira",
};

typedef struct
{
  const char *id;
  int start;
  int end;
  const char *color;
} GeneratedShift;

static const GeneratedShift generated_shifts[] = {
  { "Abertura", 6 * 60, 14 * 60 + 20, NULL },
  { "Comercial", 9 * 60, 17 * 60 + 20, NULL },
  { "Intermediário", 11 * 60, 19 * 60 + 20, NULL },
  { "Fechamento", 14 * 60, 22 * 60 + 20, NULL },
  { "Meio período", 10 * 60, 16 * 60, NULL },
};

EscProject *
chart_fixture_generate (guint n_employees,
                        guint n_days,
                        guint seed)
{
  static const char *const stores[] = { "Centro", "Norte", "Sul", "Leste", "Oeste", "Shopping",
                                        "Aeroporto", "Rodoviária", "Praia", "Serra" };
  static const char *const states[] = { "SP", "RJ", "MG", "SP", "PR",
                                         "SP", "RJ", "BA", "SC", "MG" };
  static const char *const roles[] = { "caixa", "repositor", "atendente" };
  static const char *const role_names[] = { "Operador de caixa", "Repositor", "Atendente" };
  EscProject *project = esc_project_new ();
  GRand *rand = g_rand_new_with_seed (seed);
  EscJulian start = chart_fixture_julian (2, 3, 2026);
  g_autofree char *start_text = esc_format_date (start);
  g_autofree char *horizon = g_strdup_printf ("%u", n_days);
  guint extra_count = 0;

  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    {
      g_autofree char *location = g_strdup_printf ("LOC%02u", s + 1);
      g_autofree char *name = g_strdup_printf ("Loja %s", stores[s]);

      ROW (ESC_TABLE_LOCATION, ESC_LOCATION_N_COLUMNS, location, stores[s], states[s], "BR");
      ROW (ESC_TABLE_STORE, ESC_STORE_N_COLUMNS, stores[s], location, name);
    }
  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    ROW (ESC_TABLE_ROLE, ESC_ROLE_N_COLUMNS, roles[r], role_names[r]);
  for (guint i = 0; i < G_N_ELEMENTS (generated_shifts); i++)
    {
      g_autofree char *s = esc_format_time (generated_shifts[i].start);
      g_autofree char *e = esc_format_time (generated_shifts[i].end);

      ROW (ESC_TABLE_SHIFT, ESC_SHIFT_N_COLUMNS, [ESC_SHIFT_ID] = generated_shifts[i].id,
           [ESC_SHIFT_START] = s, [ESC_SHIFT_END] = e,
           [ESC_SHIFT_COLOR] = generated_shifts[i].color);
    }

  {
    g_autofree char *d1 = esc_format_date (start + 3);
    g_autofree char *d2 = esc_format_date (start + 17);

    ROW (ESC_TABLE_HOLIDAY, ESC_HOLIDAY_N_COLUMNS, d1, "Data magna", "no", "BR", "SP", "yes");
    ROW (ESC_TABLE_HOLIDAY, ESC_HOLIDAY_N_COLUMNS, d2, "Feriado nacional", "yes", "BR", NULL,
         "yes");
  }

  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
      for (int wd = 0; wd < ESC_N_WEEKDAYS; wd++)
        {
          g_autofree char *q1 = g_strdup_printf ("%d", 2 + (int) ((s + r + wd) % 3));
          g_autofree char *q2 = g_strdup_printf ("%d", 3 + (int) ((s + 2 * r + wd) % 4));

          ROW (ESC_TABLE_DEMAND, ESC_DEMAND_N_COLUMNS, [ESC_DEMAND_STORE] = stores[s],
               [ESC_DEMAND_ROLE] = roles[r], [ESC_DEMAND_DAY] = esc_weekday_code (wd),
               [ESC_DEMAND_START] = "08:00", [ESC_DEMAND_END] = "12:00",
               [ESC_DEMAND_QUANTITY] = q1);
          ROW (ESC_TABLE_DEMAND, ESC_DEMAND_N_COLUMNS, [ESC_DEMAND_STORE] = stores[s],
               [ESC_DEMAND_ROLE] = roles[r], [ESC_DEMAND_DAY] = esc_weekday_code (wd),
               [ESC_DEMAND_START] = "12:00", [ESC_DEMAND_END] = "20:00",
               [ESC_DEMAND_QUANTITY] = q2);
        }

  esc_project_set_parameter (project, "start_date", start_text);
  esc_project_set_parameter (project, "max_horizon", horizon);

  for (guint e = 0; e < n_employees; e++)
    {
      const char *store = stores[e % G_N_ELEMENTS (stores)];
      const char *role = roles[(e / G_N_ELEMENTS (stores)) % G_N_ELEMENTS (roles)];
      g_autofree char *id = g_strdup_printf ("E%04u", e + 1);
      int first = g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names));
      int last = g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names));
      g_autofree char *name = g_strdup_printf ("%s %s", first_names[first], last_names[last]);
      g_autofree char *leave = NULL;
      int rest = g_rand_int_range (rand, 0, 7);
      guint home_shift = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (generated_shifts));

      if (e % 20 == 7)
        {
          g_autofree char *a = esc_format_date_dmy (start + 8 + e % 5);
          g_autofree char *b = esc_format_date_dmy (start + 11 + e % 5);

          leave = g_strdup_printf ("%s - %s", a, b);
        }
      ROW (ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_N_COLUMNS, [ESC_EMPLOYEE_ID] = id,
           [ESC_EMPLOYEE_NAME] = name, [ESC_EMPLOYEE_ROLE] = role, [ESC_EMPLOYEE_STORE] = store,
           [ESC_EMPLOYEE_WEEKLY_HOURS] = "44", [ESC_EMPLOYEE_LEAVE] = leave);

      for (guint d = 0; d < n_days; d++)
        {
          EscJulian day = start + d;
          g_autofree char *date = esc_format_date (day);
          const GeneratedShift *shift;
          g_autofree char *task = NULL;
          g_autofree char *s_text = NULL;
          g_autofree char *f_text = NULL;
          g_autofree char *s_time = NULL;
          g_autofree char *f_time = NULL;
          g_autofree char *f_date = NULL;
          g_autofree char *hours = NULL;
          int length;

          if ((int) (d % 7) == rest)
            {
              if (g_rand_int_range (rand, 0, 6) == 0)
                {
                  g_autofree char *c_task = g_strdup_printf ("%s@%s#C", id, date);
                  g_autofree char *next = esc_format_date (day + 1);
                  g_autofree char *c_start = g_strdup_printf ("%s 00:00", date);
                  g_autofree char *c_end = g_strdup_printf ("%s 00:00", next);

                  ROW (ESC_TABLE_ALLOCATION, ESC_ALLOCATION_N_COLUMNS,
                       [ESC_ALLOCATION_TASK] = c_task, [ESC_ALLOCATION_START] = c_start,
                       [ESC_ALLOCATION_FINISH] = c_end, [ESC_ALLOCATION_RESOURCE] = id,
                       [ESC_ALLOCATION_STORE] = store, [ESC_ALLOCATION_TYPE] = "compensation",
                       [ESC_ALLOCATION_ROLE] = role, [ESC_ALLOCATION_DATE] = date);
                }
              continue;
            }
          if (leave != NULL && d >= 8 + e % 5 && d <= 11 + e % 5)
            continue;

          /* Mostly the employee's usual shift, one day in four any shift. */
          if (g_rand_int_range (rand, 0, 4) == 0)
            shift = &generated_shifts[g_rand_int_range (rand, 0, G_N_ELEMENTS (generated_shifts))];
          else
            shift = &generated_shifts[home_shift];
          task = g_strdup_printf ("%s@%s", id, date);
          s_time = esc_format_time (shift->start);
          f_time = esc_format_time (shift->end % ESC_MINUTES_PER_DAY);
          f_date = esc_format_date (day + (guint) (shift->end / ESC_MINUTES_PER_DAY));
          s_text = g_strdup_printf ("%s %s", date, s_time);
          f_text = g_strdup_printf ("%s %s", f_date, f_time);
          length = shift->end - shift->start;
          /* The break rule: more than 6 h holds an unpaid hour. */
          hours = esc_format_hours (length > 360 ? length - 60 : length);
          add_work (project, id, store, role, shift->id, date, s_text, f_text, hours,
                    g_rand_int_range (rand, 0, 40) == 0 ? "yes" : NULL);
        }
    }

  /* A few shortages per store and role. */
  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
      for (guint d = (s + r) % 3; d < n_days; d += 3)
        {
          g_autofree char *date = esc_format_date (start + d);
          g_autofree char *task = g_strdup_printf ("extra:%s/%s@%s #%u", stores[s], roles[r], date,
                                                   extra_count++);
          int from = 8 * 60 + 60 * (int) ((s + d) % 8);
          g_autofree char *a = esc_format_time (from);
          g_autofree char *b = esc_format_time (from + 120);
          g_autofree char *start_text2 = g_strdup_printf ("%s %s", date, a);
          g_autofree char *finish_text = g_strdup_printf ("%s %s", date, b);
          g_autofree char *missing = g_strdup_printf ("%u", 1 + (s + d) % 2);

          ROW (ESC_TABLE_ALLOCATION, ESC_ALLOCATION_N_COLUMNS,
               [ESC_ALLOCATION_TASK] = task, [ESC_ALLOCATION_START] = start_text2,
               [ESC_ALLOCATION_FINISH] = finish_text, [ESC_ALLOCATION_RESOURCE] = roles[r],
               [ESC_ALLOCATION_STORE] = stores[s], [ESC_ALLOCATION_TYPE] = "extra",
               [ESC_ALLOCATION_ROLE] = roles[r], [ESC_ALLOCATION_DATE] = date,
               [ESC_ALLOCATION_MISSING] = missing);
        }

  g_rand_free (rand);
  return project;
}
