/* esc-checker.h: the independent checker: every hard rule, re-verified on a schedule.
 *
 * The checker reads the FACTS of an EscProblem (patterns, demand days, leave, bans,
 * holidays, history, limits) and the choices of an EscSchedule, and lists every hard
 * rule of scheduling.md section 3 that the schedule breaks, in words a store manager
 * understands. It never trusts the compiler's filtering of options (an option the
 * schedule picks is checked against the facts again) and shares no code with the model
 * builder. It is used by every solver test, by the UI's live validation of manual edits
 * and by `escala-cli check`.
 *
 * All hard rules concern one employee at a time; a violation names the employee (index
 * into problem->employees) and the first and last day (indices into the horizon) it is
 * about. Days are written in messages as dates (YYYY-MM-DD).
 *
 * How each rule is read (where scheduling.md is silent, these are the decisions):
 *
 * OPTION   A worked day's choice must be one of the employee's options of that day
 *          (employee->day_offset[d] .. day_offset[d + 1]). A choice outside that range is
 *          reported and the day is then treated as not worked by the other rules (its
 *          facts belong to somebody else's day).
 * PATTERN  Per planning week (problem->week_of_day), some pattern among the employee's
 *          patterns must allow, on its weekday, the shift of every day worked in that week
 *          inside the horizon (patterns[]->allowed[weekday], not the option's
 *          pattern_mask). Days of the week before day 0 are history and not checked.
 * DEMAND_DAY  Work only on days where the employee's group has demand_day set.
 * WEEKLY_HOURS  Net minutes of each planning week <= weekly_max_minutes; week 0 adds
 *          history_week_minutes. A week without work in the horizon is never reported
 *          (the history alone is not this schedule's doing).
 * CONSECUTIVE_DAYS  Each run of worked days, plus history_consecutive_days when the run
 *          starts on day 0, <= max_consecutive_days. One violation per run.
 * CONSECUTIVE_LIMITED  The days of the horizon that fall on limited_weekday form a
 *          sequence; each run of worked ones, plus history_consecutive_limited when the
 *          run starts at the first such day, <= max_consecutive_limited (unless ESC_NONE).
 * COMPENSATION  Every worked holiday (store_holiday of the employee's store, only when
 *          compensation_deadline is not ESC_NONE) has deadline = day +
 *          compensation_deadline; every pending_compensations entry is a deadline of a
 *          holiday worked before day 0. A compensation day serves a holiday when it is
 *          flagged (schedule->compensation), lies after the holiday (any day >= 0 for a
 *          pending one) and on or before its deadline, is not worked, is not a holiday at
 *          the store, and the employee could otherwise have worked it: at least one of
 *          the employee's options of that day passes the checker's own OPTION, PATTERN
 *          (some pattern allows it), DEMAND_DAY, LEAVE and BAN tests. Each day serves at
 *          most one holiday. Matching: sweep the days in order, each valid day serves the
 *          open holiday with the earliest deadline (optimal for these intervals, and it
 *          serves every hard holiday whenever any matching can, since hard deadlines come
 *          before soft ones). A holiday whose deadline lies inside the horizon (deadline
 *          <= n_days - 1) left unserved is a violation; deadlines beyond the horizon are
 *          served by the holiday_compensation objective, not by this rule. A pending
 *          compensation whose deadline passed before day 0 cannot be given in time by
 *          any schedule: it is never reported, and any usable day of the horizon may
 *          serve it (it is matched after all the others, as if its deadline were the
 *          end of time), so holiday_compensation still asks for it to be granted.
 * COMPENSATION_DAY  A compensation flag on a worked day or on a holiday at the store is a
 *          violation. A flag on any other day that cannot serve (no usable option, or no
 *          holiday to serve) is harmless and not reported.
 * LEAVE    No worked option's [start, end) overlaps a leave interval; a shift without
 *          clock times occupies its whole day (it could be worked at any time of it).
 * BAN      No worked option matches a ban (its day or every day; its shift or any shift).
 * SEQUENCE No (first on day d, next on day d + 1) pair of problem->sequences is worked.
 * REST     Between the end of one worked shift and the start of the next worked one,
 *          at least min_rest_minutes; the first worked shift is also checked against
 *          history_last_end when that is known. Shifts without clock times
 *          (shift->start == ESC_NONE) have no times to measure and are not checked.
 * MIN_HOURS, MAX_HOURS  Net minutes over the horizon (history not counted) within
 *          min_minutes .. max_minutes where given.
 * MAX_REST_DAYS  Days of the horizon not worked (whatever the reason) <= max_rest_days.
 * MIN_CONSECUTIVE_DAYS  A run of worked days that ends before the last day of the horizon
 *          (a day off follows it inside the horizon) must have at least
 *          min_consecutive_days days; a run starting on day 0 counts
 *          history_consecutive_days too (0 means day -1 was not worked, so the run is a
 *          new one). A run reaching the last day may go on after the horizon: never a
 *          violation.
 * MIN_CONSECUTIVE_OFF  A run of days off that ends before the last day must have at least
 *          min_consecutive_off days, unless it starts on day 0 and
 *          history_consecutive_days is 0 (then it continues days off of unknown number
 *          before the horizon: not a violation). A run reaching the last day: never.
 * MAX_WEEKENDS  A weekend is the Saturday and Sunday of one calendar week (whatever the
 *          first day of the planning week); it is worked when either of its days inside
 *          the horizon is worked. Worked weekends <= max_weekends.
 * MAX_SHIFT_COUNT  Worked days of each shift <= max_shift_count[shift] where given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-schedule.h"

G_BEGIN_DECLS

typedef enum
{
  ESC_RULE_OPTION,               /* 3.1 the choice is not a shift the employee can do that day */
  ESC_RULE_PATTERN,              /* 3.1 no one pattern allows the week's work */
  ESC_RULE_DEMAND_DAY,           /* 3.2 work on a day without demand for store and role */
  ESC_RULE_WEEKLY_HOURS,         /* 3.3 */
  ESC_RULE_CONSECUTIVE_DAYS,     /* 3.4 */
  ESC_RULE_CONSECUTIVE_LIMITED,  /* 3.5 consecutive Sundays (the limited weekday) */
  ESC_RULE_COMPENSATION,         /* 3.6 worked holiday not compensated in time */
  ESC_RULE_COMPENSATION_DAY,     /* 3.6 compensation day on a worked day or a holiday */
  ESC_RULE_LEAVE,                /* 3.7 */
  ESC_RULE_BAN,                  /* 3.7 */
  ESC_RULE_SEQUENCE,             /* 3.7 forbidden next-day sequence */
  ESC_RULE_REST,                 /* 3.7 minimum rest between shifts */
  ESC_RULE_MIN_HOURS,            /* 3.8 */
  ESC_RULE_MAX_HOURS,            /* 3.8 */
  ESC_RULE_MAX_REST_DAYS,        /* 3.8 */
  ESC_RULE_MIN_CONSECUTIVE_DAYS, /* 3.8 */
  ESC_RULE_MIN_CONSECUTIVE_OFF,  /* 3.8 */
  ESC_RULE_MAX_WEEKENDS,         /* 3.8 */
  ESC_RULE_MAX_SHIFT_COUNT,      /* 3.8 */
  ESC_N_RULES
} EscRule;

typedef struct
{
  EscRule rule;
  int employee;    /* index into problem->employees */
  int first_day;   /* day indices into the horizon, first_day <= last_day */
  int last_day;
  char *message;   /* translated, names the employee id and the dates */
} EscViolation;

/* Every violation of @schedule, sorted by employee, first day, rule. Never NULL; an
 * empty array means the schedule is legal. Free with g_ptr_array_unref. */
GPtrArray  *esc_checker_check          (const EscSchedule *schedule);
/* The same for one employee (what a manual edit of that employee can change). */
GPtrArray  *esc_checker_check_employee (const EscSchedule *schedule, guint employee);

void        esc_violation_free (EscViolation *violation);
/* A stable machine name: "weekly_hours", "min_consecutive_days_off" ... */
const char *esc_rule_name      (EscRule rule);
/* A short translated title: "Weekly hours" ... */
const char *esc_rule_title     (EscRule rule);

/* One holiday that earns a compensation day, and the day that serves it. */
typedef struct
{
  int holiday;      /* day index of the worked holiday; ESC_NONE for a pending one */
  int deadline;     /* its deadline day index (may be >= n_days, or < 0 when overdue) */
  int served_by;    /* day index of the compensation day, ESC_NONE when unserved */
} EscCompensation;

/* The holidays of @employee that earn a compensation day (worked holidays of the horizon,
 * then pending ones from the history) with the matching described above: an array of
 * EscCompensation sorted by deadline. Shared with esc-evaluate.c (holiday_compensation
 * counts the served ones) and the outputs. */
GArray     *esc_checker_match_compensations (const EscSchedule *schedule, guint employee);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscViolation, esc_violation_free)

G_END_DECLS
