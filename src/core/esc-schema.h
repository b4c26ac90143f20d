/* esc-schema.h: the tables of a project and their columns.
 *
 * A project is a set of tables (scheduling.md, reassignment.md). Every cell holds the
 * text the user typed or imported, in canonical form where it parses; the column type
 * says how to parse and validate it. Keeping text means nothing the user entered is
 * ever lost to a parse error: a bad cell stays as typed and is flagged by validation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ESC_TABLE_LOCATION,
  ESC_TABLE_STORE,
  ESC_TABLE_ROLE,
  ESC_TABLE_SHIFT,
  ESC_TABLE_PATTERN,
  ESC_TABLE_EMPLOYEE,
  ESC_TABLE_DEMAND,
  ESC_TABLE_HOLIDAY,
  ESC_TABLE_PREVIOUS_ALLOCATION,
  ESC_TABLE_PREFERENCE,          /* bans, preferences, day-off and shift requests */
  ESC_TABLE_FORBIDDEN_SEQUENCE,  /* shift A may not be followed by shift B next day */
  ESC_TABLE_PARAMETER,           /* key/value rows */
  ESC_TABLE_REQUEST,             /* reassignment: staffing requests */
  ESC_TABLE_ASSIGNMENT,          /* reassignment: who works where now */
  ESC_TABLE_EXCLUSION,           /* reassignment: requests/employees left out */
  ESC_TABLE_MOVE,                /* reassignment: moves already made (history) */
  ESC_TABLE_ALLOCATION,          /* the current schedule: work, compensation, extra */
  ESC_TABLE_PHASE,               /* the current schedule: statistics per objective level */
  ESC_TABLE_RESULT,              /* the current schedule: status and figures, key/value */
  ESC_TABLE_AUDIT,               /* the audit log: who changed what when (esc-audit.h) */
  ESC_TABLE_VERSION,             /* saved schedules: one row per version (esc-versions.h) */
  ESC_TABLE_VERSION_ALLOCATION,  /* saved schedules: the allocation rows of each version */
  ESC_N_TABLES
} EscTableId;

typedef enum
{
  ESC_COLUMN_TEXT,          /* free text */
  ESC_COLUMN_ID,            /* the row's key: non-empty, unique in its table */
  ESC_COLUMN_REF,           /* id of a row of ref_table */
  ESC_COLUMN_REF_LIST,      /* comma separated ids of rows of ref_table */
  ESC_COLUMN_INT,           /* integer in [min, max] */
  ESC_COLUMN_NUMBER,        /* decimal number in [min, max] */
  ESC_COLUMN_HOURS,         /* hours: "44", "7.5" or "07:36", in [min, max] hours */
  ESC_COLUMN_WORKED,        /* history: hours or "C" (compensation day) */
  ESC_COLUMN_TIME,          /* "HH:MM" */
  ESC_COLUMN_PATTERN_DAY,   /* a window "HH:MM - HH:MM" or a list of shift ids */
  ESC_COLUMN_DATE,          /* "YYYY-MM-DD" (DD/MM/YYYY accepted) */
  ESC_COLUMN_DAY,           /* a date or a weekday code (every such weekday) */
  ESC_COLUMN_WEEKDAY,       /* one weekday code */
  ESC_COLUMN_WEEKDAY_SET,   /* "fri, sat" */
  ESC_COLUMN_DAY_RANGES,    /* "25-31, 1-5" */
  ESC_COLUMN_BOOL,          /* yes/no */
  ESC_COLUMN_LEAVE,         /* leave in any of the four formats */
  ESC_COLUMN_COLOR,         /* "#rrggbb" */
  ESC_COLUMN_ENUM,          /* one of enum_values */
  ESC_COLUMN_SHIFT_COUNTS,  /* "Night:2, Early:5": per shift id a maximum count */
  ESC_COLUMN_OBJECTIVES,    /* objective list, parameters only */
} EscColumnType;

typedef struct
{
  const char *key;            /* machine name, snake_case: "weekly_hours" */
  const char *title;          /* translatable heading (N_()), translate with _() */
  const char *description;    /* translatable one-line help for the grids and template */
  EscColumnType type;
  EscTableId ref_table;       /* for REF, REF_LIST, PATTERN_DAY (shift ids) */
  gboolean required;          /* an empty cell is an error */
  double min;                 /* for INT, NUMBER, HOURS (hours) */
  double max;
  double warn_max;            /* above this a warning ("absurd"), 0 = none */
  const char * const *enum_values;  /* for ENUM */
} EscColumn;

typedef struct
{
  EscTableId id;
  const char *key;            /* "employee": the project file's key */
  const char *sheet;          /* "Employee": the workbook sheet name */
  const char *title;          /* translatable plural: "Employees" */
  const char *row_title;      /* translatable singular: "Employee" */
  const EscColumn *columns;
  guint n_columns;
  int id_column;              /* index of the ESC_COLUMN_ID column, or -1 */
} EscTableSchema;

const EscTableSchema *esc_schema_get_table (EscTableId id);
const EscTableSchema *esc_schema_find_table (const char *key);  /* by key or sheet */
int                   esc_schema_find_column (const EscTableSchema *table,
                                              const char *key);  /* -1 if none */

/* Column indices, one enum per table, in the order of the schema. */
enum { ESC_LOCATION_ID, ESC_LOCATION_CITY, ESC_LOCATION_STATE, ESC_LOCATION_COUNTRY,
       ESC_LOCATION_N_COLUMNS };
enum { ESC_STORE_ID, ESC_STORE_LOCATION, ESC_STORE_NAME, ESC_STORE_N_COLUMNS };
enum { ESC_ROLE_ID, ESC_ROLE_NAME, ESC_ROLE_N_COLUMNS };
enum { ESC_SHIFT_ID, ESC_SHIFT_START, ESC_SHIFT_END, ESC_SHIFT_BREAK_MINUTES,
       ESC_SHIFT_HOURS, ESC_SHIFT_COLOR, ESC_SHIFT_N_COLUMNS };
enum { ESC_PATTERN_ID, ESC_PATTERN_MON, ESC_PATTERN_TUE, ESC_PATTERN_WED, ESC_PATTERN_THU,
       ESC_PATTERN_FRI, ESC_PATTERN_SAT, ESC_PATTERN_SUN, ESC_PATTERN_N_COLUMNS };
enum { ESC_EMPLOYEE_ID, ESC_EMPLOYEE_NAME, ESC_EMPLOYEE_ROLE, ESC_EMPLOYEE_STORE,
       ESC_EMPLOYEE_WEEKLY_HOURS, ESC_EMPLOYEE_MAX_CONSECUTIVE_DAYS,
       ESC_EMPLOYEE_MAX_CONSECUTIVE_SUNDAYS, ESC_EMPLOYEE_LIMITED_WEEKDAY,
       ESC_EMPLOYEE_PREFERRED_REST, ESC_EMPLOYEE_COMPENSATION_DEADLINE,
       ESC_EMPLOYEE_LEAVE, ESC_EMPLOYEE_PATTERNS, ESC_EMPLOYEE_MIN_HOURS,
       ESC_EMPLOYEE_MAX_HOURS, ESC_EMPLOYEE_MAX_REST_DAYS,
       ESC_EMPLOYEE_MIN_CONSECUTIVE_DAYS, ESC_EMPLOYEE_MIN_CONSECUTIVE_DAYS_OFF,
       ESC_EMPLOYEE_MAX_WEEKENDS, ESC_EMPLOYEE_MAX_SHIFTS, ESC_EMPLOYEE_SKILLS,
       ESC_EMPLOYEE_FULL_TIME, ESC_EMPLOYEE_TRAINEE, ESC_EMPLOYEE_START_DATE,
       ESC_EMPLOYEE_SPARE_CAPACITY, ESC_EMPLOYEE_N_COLUMNS };
enum { ESC_DEMAND_STORE, ESC_DEMAND_ROLE, ESC_DEMAND_DAY, ESC_DEMAND_START, ESC_DEMAND_END,
       ESC_DEMAND_SHIFT, ESC_DEMAND_QUANTITY, ESC_DEMAND_UNDER_WEIGHT,
       ESC_DEMAND_OVER_WEIGHT, ESC_DEMAND_N_COLUMNS };
enum { ESC_HOLIDAY_DATE, ESC_HOLIDAY_NAME, ESC_HOLIDAY_NATIONAL, ESC_HOLIDAY_COUNTRY,
       ESC_HOLIDAY_REGION, ESC_HOLIDAY_FULL_DAY, ESC_HOLIDAY_N_COLUMNS };
enum { ESC_PREVIOUS_EMPLOYEE, ESC_PREVIOUS_DATE, ESC_PREVIOUS_HOURS,
       ESC_PREVIOUS_N_COLUMNS };
enum { ESC_PREFERENCE_EMPLOYEE, ESC_PREFERENCE_KIND, ESC_PREFERENCE_DATE,
       ESC_PREFERENCE_SHIFT, ESC_PREFERENCE_WEIGHT, ESC_PREFERENCE_N_COLUMNS };
enum { ESC_SEQUENCE_FIRST, ESC_SEQUENCE_NEXT, ESC_SEQUENCE_N_COLUMNS };
enum { ESC_PARAMETER_KEY, ESC_PARAMETER_VALUE, ESC_PARAMETER_N_COLUMNS };
enum { ESC_REQUEST_ID, ESC_REQUEST_TEAM, ESC_REQUEST_CATEGORY, ESC_REQUEST_HOURS,
       ESC_REQUEST_PRIORITY, ESC_REQUEST_CREATED, ESC_REQUEST_STAGE,
       ESC_REQUEST_RISK_RESOURCE, ESC_REQUEST_N_COLUMNS };
enum { ESC_ASSIGNMENT_ID, ESC_ASSIGNMENT_EMPLOYEE, ESC_ASSIGNMENT_TEAM,
       ESC_ASSIGNMENT_CATEGORY, ESC_ASSIGNMENT_POSITION, ESC_ASSIGNMENT_HOURS_4W,
       ESC_ASSIGNMENT_HOURS_12W, ESC_ASSIGNMENT_ELIGIBLE_FOR_TRAINEE,
       ESC_ASSIGNMENT_N_COLUMNS };
enum { ESC_EXCLUSION_KIND, ESC_EXCLUSION_REF, ESC_EXCLUSION_N_COLUMNS };
enum { ESC_MOVE_ASSIGNMENT, ESC_MOVE_EMPLOYEE, ESC_MOVE_OLD_TEAM, ESC_MOVE_NEW_TEAM,
       ESC_MOVE_DATE, ESC_MOVE_HOURS, ESC_MOVE_N_COLUMNS };

enum { ESC_ALLOCATION_TASK, ESC_ALLOCATION_START, ESC_ALLOCATION_FINISH,
       ESC_ALLOCATION_RESOURCE, ESC_ALLOCATION_STORE, ESC_ALLOCATION_TYPE,
       ESC_ALLOCATION_ROLE, ESC_ALLOCATION_SHIFT, ESC_ALLOCATION_DATE,
       ESC_ALLOCATION_NET_HOURS, ESC_ALLOCATION_MISSING, ESC_ALLOCATION_PINNED,
       ESC_ALLOCATION_N_COLUMNS };
enum { ESC_PHASE_OBJECTIVE, ESC_PHASE_VALUE, ESC_PHASE_BOUND, ESC_PHASE_GAP,
       ESC_PHASE_SECONDS, ESC_PHASE_PROVEN_OPTIMAL, ESC_PHASE_N_COLUMNS };
enum { ESC_RESULT_KEY, ESC_RESULT_VALUE, ESC_RESULT_N_COLUMNS };
enum { ESC_AUDIT_TIME, ESC_AUDIT_USER, ESC_AUDIT_ACTION, ESC_AUDIT_TABLE, ESC_AUDIT_EMPLOYEE,
       ESC_AUDIT_N_COLUMNS };
enum { ESC_VERSION_ID, ESC_VERSION_NAME, ESC_VERSION_KIND, ESC_VERSION_CREATED,
       ESC_VERSION_STATUS, ESC_VERSION_UNMET_STAFF_MINUTES, ESC_VERSION_HOURS,
       ESC_VERSION_SHIFTS, ESC_VERSION_PARAMETERS, ESC_VERSION_N_COLUMNS };
/* The version id, then the allocation table's columns in their order: column
 * ESC_VERSION_ALLOCATION_FIRST + c holds allocation column c. */
enum { ESC_VERSION_ALLOCATION_VERSION, ESC_VERSION_ALLOCATION_FIRST,
       ESC_VERSION_ALLOCATION_N_COLUMNS = ESC_VERSION_ALLOCATION_FIRST + ESC_ALLOCATION_N_COLUMNS };

/* Allocation types (ESC_ALLOCATION_TYPE), as in scheduling.md section 5. */
/* Version kinds (ESC_VERSION_KIND). */
#define ESC_VERSION_KIND_SOLVE "solve"
#define ESC_VERSION_KIND_SAVED "saved"

#define ESC_ALLOCATION_TYPE_WORK         "allocation"
#define ESC_ALLOCATION_TYPE_COMPENSATION "compensation"
#define ESC_ALLOCATION_TYPE_EXTRA        "extra"

/* Preference kinds (ESC_PREFERENCE_KIND). */
#define ESC_PREFERENCE_BAN       "ban"        /* hard: may not work shift (on date) */
#define ESC_PREFERENCE_PREFER    "prefer"     /* soft: likes shift (on date), weight */
#define ESC_PREFERENCE_DAY_OFF   "day_off"    /* soft: asks the date off, weight */
#define ESC_PREFERENCE_SHIFT_ON  "shift_on"   /* soft: asks for shift on date, weight */
#define ESC_PREFERENCE_SHIFT_OFF "shift_off"  /* soft: asks not to work shift on date */

/* Parameters: known keys with their type and default. */
typedef struct
{
  const char *key;
  const char *title;         /* translatable */
  const char *description;   /* translatable */
  EscColumnType type;        /* how the value parses (DATE, INT, WEEKDAY, ...) */
  gboolean required;
  const char *default_value; /* NULL when none */
  double min;
  double max;
} EscParameterDef;

const EscParameterDef *esc_schema_get_parameters (guint *n_parameters);
const EscParameterDef *esc_schema_find_parameter (const char *key);

/* Objective names of scheduling.md section 4, in the default order first. */
const char * const *esc_schema_get_objective_names (void);
const char          *esc_schema_get_default_objectives (void);  /* comma separated */

G_END_DECLS
