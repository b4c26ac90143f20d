/* esc-template-import.c: importing the Excel template (and CSV tables) into a new project.
 *
 * How it works: each sheet is streamed once (esc_xlsx_reader_foreach_row) through a small
 * state machine (looking for the header, inside the header block, in the data); each data
 * row becomes an EscRow of canonical text, remembered with its sheet row; then the whole
 * project is validated and each diagnostic mapped back to its cell through the column map
 * of its sheet. Memory holds the rows being built, never the workbook.
 *
 * Decisions, where the spec is silent:
 * - Required sheets: Location, Store, Role, Shift (patterns), Employee, Demand. Holiday,
 *   PreviousAllocation and Parameters may be absent (a note says so); the other tables'
 *   sheets are read when present.
 * - Required columns are the schema's required columns; Demand also needs a window
 *   (start and end) or a shift column. A missing one fails the import (no row could be
 *   valid), whatever skip_bad_rows says; so does a sheet without a header row.
 * - A header row is a row where at least one text cell names a column of the table and
 *   either at least half of its text cells do or at least three do; the rows right after
 *   it that look the same (text only) or are key-marker rows (pk, fk=store) belong to
 *   the header. At most ESC_IMPORT_MAX_JUNK_ROWS rows may precede the header (titles).
 *   A Parameters sheet without a header is read as key, value in columns A and B.
 * - Parameter keys are matched like headings (so "Start date" is start_date), and values
 *   converted by the parameter's type (a real Excel date for start_date, ...).
 * - A cell holding an Excel error (#VALUE!, #N/A) is kept as written: typed columns then
 *   fail validation with it; text columns get their own error, since any text is valid.
 * - A time column accepts Excel time values (day fractions, 1.0 = 24:00) and the time of
 *   a date-time; other numbers are kept as written (8 is not guessed to be 08:00).
 *   Hours and worked-time columns read time-formatted cells as durations (HH:MM), plain
 *   numbers as hours ("7.5").
 * - When structural errors (missing sheet, column or header) make cross-table checks
 *   meaningless, only each cell's own type is checked (and not the cells of a missing
 *   column), so the list is not flooded with unknown references.
 * - Two columns of one sheet naming the same field: the first is read, the second
 *   ignored with a warning. Two heading rows naming one column differently: the later
 *   row wins (see the header).
 * - Skipped rows are found by validating, leaving the rows with errors out and validating
 *   again until no row has errors; each round's problems are listed as "skipped".
 * - The vocabulary of headings is built once (g_once) from the schema (keys, English
 *   titles and their translations) and the table below (the template's Portuguese
 *   headings and every variant seen in the two reference workbooks); the first
 *   registration of a heading wins, and a test checks that every column's key, English
 *   and Portuguese headings find that column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-io"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "core/esc-parse.h"
#include "core/esc-validate.h"
#include "esc-csv.h"
#include "esc-io-error.h"
#include "esc-template-import.h"
#include "esc-xlsx-reader.h"

/* Rows (titles, notes) that may come before the header row of a sheet. */
#define ESC_IMPORT_MAX_JUNK_ROWS 10

/* The template's vocabulary ------------------------------------------------------------ */

typedef struct
{
  EscTableId  table;
  const char *key;      /* column key */
  const char *pt;       /* the Portuguese heading the template writes */
  const char *aliases;  /* more headings, "|" separated (English, Portuguese, machine) */
} HeadingDef;

#define H(t, k, p, a) { ESC_TABLE_##t, k, p, a }

static const HeadingDef heading_defs[] = {
  H (LOCATION, "id", "Nome do Local",
     "Código da localidade|Código do local|Localidade|Local|Location id|Nome da localidade"),
  H (LOCATION, "city", "Cidade", "Município"),
  H (LOCATION, "state", "Estado", "UF"),
  H (LOCATION, "country", "País", "Nação"),

  H (STORE, "id", "Nome da Loja", "Código da loja|Loja|Store id|Site|Team|Equipe"),
  H (STORE, "location", "ID do Local",
     "Id da localidade|Localidade|Local|Código do local|Location id"),
  H (STORE, "name", "Nome", "Store name|Nome de exibição"),

  H (ROLE, "id", "Função", "Código da Função|Cargo|Role id"),
  H (ROLE, "name", "Nome", "Role name|Nome de exibição"),

  H (SHIFT, "id", "Turno", "Shift type|Tipo de turno|Shift id"),
  H (SHIFT, "start", "Início", "Hora de início|Start time"),
  H (SHIFT, "end", "Fim", "Término|Hora de fim|End time"),
  H (SHIFT, "break_minutes", "Intervalo (min)", "Break|Break minutes|Intervalo|Pausa (min)"),
  H (SHIFT, "hours", "Horas", "Net hours|Horas líquidas|Duration|Duração"),
  H (SHIFT, "color", "Cor", "Color"),

  H (PATTERN, "id", "Jornada", "Pattern id|Padrão|Shift|Turno"),
  /* The weekday columns are generated: see add_pattern_day_headings(). */

  H (EMPLOYEE, "id", "Colaborador",
     "Código do Colaborador|Funcionário|Matrícula|Employee id|Código"),
  H (EMPLOYEE, "name", "Nome", "Nome completo|Full name"),
  H (EMPLOYEE, "role", "Função", "Cargo"),
  H (EMPLOYEE, "store", "Loja", "Site|Team|Equipe"),
  H (EMPLOYEE, "weekly_hours", "Duração Jornada Semanal",
     "weekly_dutarion|weekly_duration|Horas Semanais|Carga Horária Semanal|Jornada Semanal"),
  H (EMPLOYEE, "max_consecutive_days", "Dias Consecutivos Trabalhados",
     "Máximo de Dias Consecutivos|Dias Consecutivos"),
  H (EMPLOYEE, "max_consecutive_sundays", "Número de Domingos Consecutivos Trabalhados",
     "max_consecutive_sun|Domingos Consecutivos|Número de Domingos Consecutivos"
     "|Máximo de Domingos Consecutivos"),
  H (EMPLOYEE, "limited_weekday", "Dia Limitado", "Dia da Semana Limitado"),
  H (EMPLOYEE, "preferred_rest", "Dia de Folga",
     "preferable_weekday_rest|preferable_rest|Dia Preferencial para Folga|Folga Preferida"
     "|Preferred rest"),
  H (EMPLOYEE, "holiday_compensation_deadline", "Prazo Compensação Feriado (dias)",
     "Prazo de Compensação de Feriado Trabalhado (em dias)|Prazo Compensação Feriado"
     "|Prazo de Compensação|compensation_deadline|Compensation deadline"),
  H (EMPLOYEE, "leave", "Licença", "cant_work|Afastamento|Ausência"),
  H (EMPLOYEE, "patterns", "Jornadas", "shifts|Jornadas Permitidas"),
  H (EMPLOYEE, "min_hours", "Horas Mínimas", NULL),
  H (EMPLOYEE, "max_hours", "Horas Máximas", NULL),
  H (EMPLOYEE, "max_rest_days", "Máximo de Folgas", NULL),
  H (EMPLOYEE, "min_consecutive_days", "Mínimo de Dias Consecutivos", NULL),
  H (EMPLOYEE, "min_consecutive_days_off", "Mínimo de Folgas Consecutivas", NULL),
  H (EMPLOYEE, "max_weekends", "Máximo de Fins de Semana", NULL),
  H (EMPLOYEE, "max_shifts", "Máximo de Turnos", NULL),
  H (EMPLOYEE, "skills", "Habilidades", "Competências"),
  H (EMPLOYEE, "full_time", "Tempo Integral", "Período Integral"),
  H (EMPLOYEE, "trainee", "Estagiário", "Aprendiz"),
  H (EMPLOYEE, "start_date", "Data de Início", "Admissão|Data de Admissão"),
  H (EMPLOYEE, "spare_capacity", "Horas Livres por Semana", "Spare capacity"),

  H (DEMAND, "store", "Loja", "Site|Team|Equipe"),
  H (DEMAND, "role", "Função", "Cargo"),
  H (DEMAND, "day", "Dia", "Data|Date|Dia da Semana|Weekday"),
  H (DEMAND, "start", "Início", "Hora de início|Start time"),
  H (DEMAND, "end", "Fim", "Término|Hora de fim|End time"),
  H (DEMAND, "shift", "Turno", "Shift id"),
  H (DEMAND, "quantity", "Quantidade Mínima", "Quantidade|Mínimo|Quantity|Minimum|Required|Staff"),
  H (DEMAND, "under_weight", "Peso da Falta", "Shortage|Peso Falta"),
  H (DEMAND, "over_weight", "Peso do Excesso", "Surplus|Peso Excesso"),

  H (HOLIDAY, "date", "Dia", "Data|day"),
  H (HOLIDAY, "name", "Nome do Feriado", "Feriado|Nome|Holiday|Descrição"),
  H (HOLIDAY, "national", "Nacional?", "Feriado Nacional"),
  H (HOLIDAY, "country", "País", "Nação"),
  H (HOLIDAY, "region", "Regional?", "city_state|Região|Estado ou Local|Cidade/Estado"),
  H (HOLIDAY, "full_day", "Dia Inteiro?", "type|Total/Parcial|Integral|Tipo"),

  H (PREVIOUS_ALLOCATION, "employee", "Colaborador", "Código do colaborador|Funcionário|Matrícula"),
  H (PREVIOUS_ALLOCATION, "date", "Dia", "Data|day"),
  H (PREVIOUS_ALLOCATION, "hours", "Horas Trabalhadas", "duration|Horas|Duração|Hours|Worked"),

  H (PREFERENCE, "employee", "Colaborador", "Código do Colaborador|Funcionário"),
  H (PREFERENCE, "kind", "Tipo", "Type"),
  H (PREFERENCE, "date", "Data", "Dia|day"),
  H (PREFERENCE, "shift", "Turno", "Shift id"),
  H (PREFERENCE, "weight", "Peso", NULL),

  H (FORBIDDEN_SEQUENCE, "first", "Turno", "First|Primeiro|Primeiro Turno"),
  H (FORBIDDEN_SEQUENCE, "next", "Próximo Proibido",
     "Next|Seguinte Proibido|Turno Seguinte Proibido"),

  H (PARAMETER, "key", "Parâmetro", "Chave|Nome|Name|Setting"),
  H (PARAMETER, "value", "Valor", "Conteúdo"),

  H (REQUEST, "id", "Pedido", "Solicitação|Request id"),
  H (REQUEST, "team", "Equipe", "Loja|Store"),
  H (REQUEST, "category", "Categoria", NULL),
  H (REQUEST, "hours", "Horas", NULL),
  H (REQUEST, "priority", "Prioridade", NULL),
  H (REQUEST, "created", "Criado em", "Data|Date"),
  H (REQUEST, "stage", "Etapa", "Estágio"),
  H (REQUEST, "risk_resource", "Pessoa de Mitigação de Risco", NULL),

  H (ASSIGNMENT, "id", "Atribuição", "Assignment id"),
  H (ASSIGNMENT, "employee", "Colaborador", "Funcionário"),
  H (ASSIGNMENT, "team", "Equipe", "Loja|Store"),
  H (ASSIGNMENT, "category", "Categoria", NULL),
  H (ASSIGNMENT, "position", "Posição", NULL),
  H (ASSIGNMENT, "hours_4w", "Horas/Semana (4 Semanas)", NULL),
  H (ASSIGNMENT, "hours_12w", "Horas/Semana (12 Semanas)", NULL),
  H (ASSIGNMENT, "eligible_for_trainee", "Estagiário Pode Assumir", NULL),

  H (EXCLUSION, "kind", "Tipo", "Type"),
  H (EXCLUSION, "ref", "Id", "Referência|Reference"),

  H (MOVE, "assignment", "Atribuição", NULL),
  H (MOVE, "employee", "Colaborador", "Funcionário"),
  H (MOVE, "old_team", "Da Equipe", NULL),
  H (MOVE, "new_team", "Para a Equipe", NULL),
  H (MOVE, "date", "Data", "Dia"),
  H (MOVE, "hours", "Horas", NULL),

  H (ALLOCATION, "task", "Tarefa", NULL),
  H (ALLOCATION, "start", "Início", NULL),
  H (ALLOCATION, "finish", "Fim", "End"),
  H (ALLOCATION, "resource", "Recurso", "Colaborador|Employee"),
  H (ALLOCATION, "store", "Loja", NULL),
  H (ALLOCATION, "type", "Tipo", NULL),
  H (ALLOCATION, "role", "Função", NULL),
  H (ALLOCATION, "shift", "Turno", NULL),
  H (ALLOCATION, "date", "Data", "Dia"),
  H (ALLOCATION, "net_hours", "Horas Líquidas", "Hours|Horas"),
  H (ALLOCATION, "missing", "Pessoas em Falta", "Missing"),
  H (ALLOCATION, "pinned", "Fixada", "Fixed|Fixo"),

  H (PHASE, "objective", "Objetivo", NULL),
  H (PHASE, "value", "Valor", NULL),
  H (PHASE, "bound", "Limite", NULL),
  H (PHASE, "gap", "Gap", "Lacuna"),
  H (PHASE, "seconds", "Segundos", "Time|Tempo"),
  H (PHASE, "proven_optimal", "Ótimo Provado", "Proven|Optimal|Ótimo"),

  H (RESULT, "key", "Indicador", "Key|Chave"),
  H (RESULT, "value", "Valor", NULL),
};

#undef H

/* Pattern weekday headings: a prefix (or none) and a name of the day. */
static const char * const pattern_day_prefixes[] = {
  "", "Início Jornada", "Janela de Trabalho", "Janela", "Jornada", "shift_start", "shift",
  "Window", "Turno", "Horário",
};
static const char * const pattern_day_names[ESC_N_WEEKDAYS][8] = {
  { "mon", "Monday", "seg", "segunda", "segunda-feira", "2a", "2ª", NULL },
  { "tue", "Tuesday", "ter", "terça", "terça-feira", "3a", "3ª", NULL },
  { "wed", "Wednesday", "qua", "quarta", "quarta-feira", "4a", "4ª", NULL },
  { "thu", "Thursday", "qui", "quinta", "quinta-feira", "5a", "5ª", NULL },
  { "fri", "Friday", "sex", "sexta", "sexta-feira", "6a", "6ª", NULL },
  { "sat", "Saturday", "sab", "sábado", NULL },
  { "sun", "Sunday", "dom", "domingo", NULL },
};
static const char * const pattern_day_pt[ESC_N_WEEKDAYS] = {
  "Janela de Trabalho 2a", "Janela de Trabalho 3a", "Janela de Trabalho 4a",
  "Janela de Trabalho 5a", "Janela de Trabalho 6a", "Janela de Trabalho sábado",
  "Janela de Trabalho domingo",
};

typedef struct
{
  EscTableId  table;
  gboolean    required;
  const char *aliases;  /* more sheet names, "|" separated */
} SheetDef;

/* In the order sheets are read (the order of the template). */
static const SheetDef sheet_defs[] = {
  { ESC_TABLE_LOCATION, TRUE, "Locations|Local|Locais|Localidade|Localidades" },
  { ESC_TABLE_STORE, TRUE, "Stores|Loja|Lojas" },
  { ESC_TABLE_ROLE, TRUE, "Roles|Função|Funções|Cargos" },
  { ESC_TABLE_PATTERN, TRUE, "Patterns|Pattern|Jornada|Jornadas" },
  { ESC_TABLE_EMPLOYEE, TRUE, "Employees|Colaborador|Colaboradores|Funcionários" },
  { ESC_TABLE_DEMAND, TRUE, "Demanda|Demandas" },
  { ESC_TABLE_HOLIDAY, FALSE, "Holidays|Feriado|Feriados" },
  { ESC_TABLE_PREVIOUS_ALLOCATION, FALSE,
    "Previous allocations|History|Histórico|Alocações anteriores" },
  { ESC_TABLE_PARAMETER, FALSE, "Parameter|Parâmetros" },
  { ESC_TABLE_SHIFT, FALSE, "Shift types|ShiftTypes|Turnos|Tipos de turno" },
  { ESC_TABLE_PREFERENCE, FALSE, "Preferences|Preferências" },
  { ESC_TABLE_FORBIDDEN_SEQUENCE, FALSE, "Forbidden sequences|Sequências proibidas" },
  { ESC_TABLE_REQUEST, FALSE, "Requests|Pedidos" },
  { ESC_TABLE_ASSIGNMENT, FALSE, "Assignments|Atribuições" },
  { ESC_TABLE_EXCLUSION, FALSE, "Exclusions|Exclusões" },
  { ESC_TABLE_MOVE, FALSE, "Moves|Movimentações" },
  { ESC_TABLE_ALLOCATION, FALSE, "Allocation|Schedule|Alocações" },
  { ESC_TABLE_PHASE, FALSE, "Phases|Fases" },
  { ESC_TABLE_RESULT, FALSE, "Results|Resultado" },
  { ESC_TABLE_AUDIT, FALSE, "Audit|Audit log|Auditoria|Registro de alterações" },
  { ESC_TABLE_VERSION, FALSE, "Versions|Versão|Versões" },
  { ESC_TABLE_VERSION_ALLOCATION, FALSE, "Version allocations|Alocações da versão" },
};

typedef struct
{
  GHashTable *headings[ESC_N_TABLES];  /* heading key -> column + 1 */
  const char *pt[ESC_N_TABLES][64];    /* Portuguese heading per column */
} Vocabulary;

static Vocabulary vocabulary;

/* Folds case and accents (esc_fold_key), and turns punctuation and underscores into
 * single spaces: "Prazo Compensação Feriado (dias)" -> "prazo compensacao feriado dias",
 * "weekly_hours" -> "weekly hours". */
static char *
heading_key (const char *text)
{
  g_autofree char *folded = esc_fold_key (text);
  GString *out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Registers @heading for @column unless the table already knows it (first one wins). */
static void
add_heading (EscTableId  table,
             guint       column,
             const char *heading)
{
  char *key;

  if (heading == NULL || *heading == '\0')
    return;
  key = heading_key (heading);
  if (*key == '\0' || g_hash_table_contains (vocabulary.headings[table], key))
    {
      g_free (key);
      return;
    }
  g_hash_table_insert (vocabulary.headings[table], key, GUINT_TO_POINTER (column + 1));
}

static void
add_aliases (EscTableId  table,
             guint       column,
             const char *aliases)
{
  g_auto(GStrv) items = NULL;

  if (aliases == NULL)
    return;
  items = g_strsplit (aliases, "|", -1);
  for (guint i = 0; items[i] != NULL; i++)
    add_heading (table, column, items[i]);
}

static void
add_pattern_day_headings (void)
{
  const EscTableSchema *schema = esc_schema_get_table (ESC_TABLE_PATTERN);

  for (guint day = 0; day < ESC_N_WEEKDAYS; day++)
    {
      guint column = ESC_PATTERN_MON + day;

      add_heading (ESC_TABLE_PATTERN, column, schema->columns[column].key);
      add_heading (ESC_TABLE_PATTERN, column, pattern_day_pt[day]);
      vocabulary.pt[ESC_TABLE_PATTERN][column] = pattern_day_pt[day];
      for (guint p = 0; p < G_N_ELEMENTS (pattern_day_prefixes); p++)
        for (guint n = 0; pattern_day_names[day][n] != NULL; n++)
          {
            g_autofree char *heading = g_strdup_printf ("%s %s", pattern_day_prefixes[p],
                                                        pattern_day_names[day][n]);
            add_heading (ESC_TABLE_PATTERN, column, heading);
          }
    }
}

static const Vocabulary *
get_vocabulary (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint t = 0; t < ESC_N_TABLES; t++)
        vocabulary.headings[t] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* Keys first, then the template's Portuguese headings and aliases, then the
       * schema's English titles and their translation. */
      for (guint t = 0; t < ESC_N_TABLES; t++)
        {
          const EscTableSchema *schema = esc_schema_get_table (t);

          g_assert (schema->n_columns <= G_N_ELEMENTS (vocabulary.pt[t]));
          for (guint c = 0; c < schema->n_columns; c++)
            add_heading (t, c, schema->columns[c].key);
        }
      add_pattern_day_headings ();
      for (guint i = 0; i < G_N_ELEMENTS (heading_defs); i++)
        {
          const HeadingDef *def = &heading_defs[i];
          int c = esc_schema_find_column (esc_schema_get_table (def->table), def->key);

          g_assert (c >= 0);
          add_heading (def->table, c, def->pt);
          vocabulary.pt[def->table][c] = def->pt;
          add_aliases (def->table, c, def->aliases);
        }
      for (guint t = 0; t < ESC_N_TABLES; t++)
        {
          const EscTableSchema *schema = esc_schema_get_table (t);

          for (guint c = 0; c < schema->n_columns; c++)
            {
              add_heading (t, c, schema->columns[c].title);
              add_heading (t, c, _(schema->columns[c].title));
            }
        }
      g_once_init_leave (&initialized, 1);
    }
  return &vocabulary;
}

gboolean
esc_template_language_from_string (const char          *text,
                                   EscTemplateLanguage *language)
{
  g_autofree char *key = NULL;

  if (text == NULL)
    return FALSE;
  key = g_ascii_strdown (text, -1);
  if (g_str_has_prefix (key, "en") && (key[2] == '\0' || key[2] == '_' || key[2] == '-' ||
                                       key[2] == '.'))
    {
      *language = ESC_TEMPLATE_LANGUAGE_EN;
      return TRUE;
    }
  if (g_str_has_prefix (key, "pt") && (key[2] == '\0' || key[2] == '_' || key[2] == '-' ||
                                       key[2] == '.'))
    {
      *language = ESC_TEMPLATE_LANGUAGE_PT_BR;
      return TRUE;
    }
  return FALSE;
}

const char *
esc_template_get_heading (EscTableId          table,
                          guint               column,
                          EscTemplateLanguage language)
{
  const EscTableSchema *schema;
  const Vocabulary *v = get_vocabulary ();

  g_return_val_if_fail (table < ESC_N_TABLES, NULL);
  schema = esc_schema_get_table (table);
  g_return_val_if_fail (column < schema->n_columns, NULL);

  if (language == ESC_TEMPLATE_LANGUAGE_PT_BR && v->pt[table][column] != NULL)
    return v->pt[table][column];
  return schema->columns[column].title;
}

int
esc_template_match_heading (EscTableId  table,
                            const char *heading)
{
  const Vocabulary *v = get_vocabulary ();
  g_autofree char *key = NULL;

  g_return_val_if_fail (table < ESC_N_TABLES, -1);

  if (heading == NULL)
    return -1;
  key = heading_key (heading);
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (v->headings[table], key)) - 1;
}

/* Problems -------------------------------------------------------------------------------- */

void
esc_import_problem_free (EscImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->sheet);
  g_free (problem->cell);
  g_free (problem->message);
  g_free (problem);
}

char *
esc_import_problem_to_string (const EscImportProblem *problem)
{
  const char *prefix = problem->severity == ESC_SEVERITY_WARNING ? _("warning: ") : "";

  if (problem->sheet != NULL && problem->cell != NULL)
    return g_strdup_printf ("%s!%s: %s%s", problem->sheet, problem->cell, prefix,
                            problem->message);
  if (problem->sheet != NULL)
    return g_strdup_printf ("%s: %s%s", problem->sheet, prefix, problem->message);
  return g_strdup_printf ("%s%s", prefix, problem->message);
}

void
esc_import_result_free (EscImportResult *result)
{
  if (result == NULL)
    return;
  g_clear_object (&result->project);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_pointer (&result->notes, g_ptr_array_unref);
  g_clear_error (&result->error);
  g_free (result);
}

static EscImportResult *
import_result_new (void)
{
  EscImportResult *result = g_new0 (EscImportResult, 1);

  result->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) esc_import_problem_free);
  result->notes = g_ptr_array_new_with_free_func (g_free);
  return result;
}

/* The importer ---------------------------------------------------------------------------- */

typedef enum
{
  STATE_SEARCH,   /* looking for the header row */
  STATE_HEADER,   /* inside the header block */
  STATE_DATA,
} SheetState;

typedef struct
{
  char    *heading;     /* as written */
  guint    header_row;
  guint    n_values;    /* typed values kept as extras */
  guint    n_formulas;  /* computed values left out */
} UnknownColumn;

typedef struct
{
  EscTableId            table;
  const EscTableSchema *schema;
  char                 *sheet;          /* as named in the workbook (or the CSV file) */
  gboolean              read;
  SheetState            state;
  guint                 n_junk_rows;
  guint                 sheet_column[64];  /* per schema column: 1-based sheet column or 0 */
  GArray               *column_at;      /* per sheet column (col - 1): schema column or -1 */
  GHashTable           *unknown;        /* sheet column -> UnknownColumn */
  gboolean              positional;     /* a Parameters sheet without a header */
  const EscXlsxCell   **cell_for;       /* per schema column, during one row */
} SheetImport;

typedef struct
{
  EscRow     *row;         /* the row it concerns (a reference) */
  EscTableId  table;
  int         column;      /* schema column */
  char       *message;
} CellProblem;

typedef struct
{
  gboolean tables_read[ESC_N_TABLES];
  gboolean parameters_defaulted;
  char    *display_name;
} ImportMark;

typedef struct
{
  EscProject      *project;
  EscImportResult *result;
  EscImportOptions options;
  gboolean         is_1904;
  char            *display_name;
  SheetImport      sheets[ESC_N_TABLES];
  SheetImport     *current;
  GHashTable      *source_row;       /* EscRow* -> sheet row */
  GPtrArray       *cell_problems;    /* CellProblem* */
  gboolean         structural_error;
  gboolean         parameters_defaulted;
} Importer;

static void
unknown_column_free (gpointer data)
{
  UnknownColumn *unknown = data;

  g_free (unknown->heading);
  g_free (unknown);
}

static void
cell_problem_free (gpointer data)
{
  CellProblem *problem = data;

  g_object_unref (problem->row);
  g_free (problem->message);
  g_free (problem);
}

static void
import_mark_free (gpointer data)
{
  ImportMark *mark = data;

  g_free (mark->display_name);
  g_free (mark);
}

static GQuark
import_mark_quark (void)
{
  return g_quark_from_static_string ("escala-import-mark");
}

static void
importer_init (Importer               *imp,
               const char             *display_name,
               const EscImportOptions *options)
{
  memset (imp, 0, sizeof *imp);
  imp->project = esc_project_new ();
  imp->result = import_result_new ();
  if (options != NULL)
    imp->options = *options;
  imp->display_name = g_strdup (display_name);
  imp->source_row = g_hash_table_new (g_direct_hash, g_direct_equal);
  imp->cell_problems = g_ptr_array_new_with_free_func (cell_problem_free);
  for (guint t = 0; t < ESC_N_TABLES; t++)
    {
      SheetImport *si = &imp->sheets[t];

      si->table = t;
      si->schema = esc_schema_get_table (t);
      si->column_at = g_array_new (FALSE, FALSE, sizeof (int));
      si->unknown = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                           unknown_column_free);
      si->cell_for = g_new0 (const EscXlsxCell *, si->schema->n_columns);
    }
}

static void
importer_clear (Importer *imp)
{
  for (guint t = 0; t < ESC_N_TABLES; t++)
    {
      SheetImport *si = &imp->sheets[t];

      g_clear_pointer (&si->sheet, g_free);
      g_clear_pointer (&si->column_at, g_array_unref);
      g_clear_pointer (&si->unknown, g_hash_table_unref);
      g_clear_pointer (&si->cell_for, g_free);
    }
  g_clear_object (&imp->project);
  g_clear_pointer (&imp->result, esc_import_result_free);
  g_clear_pointer (&imp->display_name, g_free);
  g_clear_pointer (&imp->source_row, g_hash_table_unref);
  g_clear_pointer (&imp->cell_problems, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Importer, importer_clear)

/* Adds a problem; @sheet_row and @sheet_column are 1-based, 0 for none (both 0: the sheet;
 * only the column 0: the whole row). */
static EscImportProblem *
add_problem (Importer    *imp,
             EscSeverity  severity,
             EscTableId   table,
             const char  *sheet,
             guint        sheet_row,
             guint        sheet_column,
             char        *message)
{
  EscImportProblem *problem = g_new0 (EscImportProblem, 1);

  problem->severity = severity;
  problem->table = table;
  problem->sheet = g_strdup (sheet);
  problem->row = sheet_row;
  problem->column = sheet_column;
  if (sheet_row > 0 && sheet_column > 0)
    problem->cell = esc_xlsx_cell_address (sheet_row, sheet_column);
  else if (sheet_row > 0)
    problem->cell = g_strdup_printf ("%u:%u", sheet_row, sheet_row);
  problem->message = message;
  g_ptr_array_add (imp->result->problems, problem);
  return problem;
}

static void
add_structural_error (Importer    *imp,
                      SheetImport *si,
                      guint        sheet_row,
                      char        *message)
{
  add_problem (imp, ESC_SEVERITY_ERROR, si != NULL ? si->table : ESC_N_TABLES,
               si != NULL ? (si->sheet != NULL ? si->sheet : si->schema->sheet) : NULL,
               sheet_row, 0, message);
  imp->structural_error = TRUE;
}

/* Values ---------------------------------------------------------------------------------- */

/* "44", "7.5", "0.583333333333333": integers without ".0", others with up to 15
 * significant digits (what Excel keeps). */
char *
esc_template_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == 0)
    return g_strdup ("0");
  if (fabs (value) < 1e15 && value == floor (value))
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

static gboolean
cell_is_blank (const EscXlsxCell *cell)
{
  if (cell == NULL || cell->type == ESC_XLSX_EMPTY)
    return TRUE;
  if (cell->type != ESC_XLSX_STRING)
    return FALSE;
  /* Most cells start with a visible ASCII character. */
  if ((guchar) cell->text[0] > ' ' && (guchar) cell->text[0] < 0x80)
    return FALSE;
  for (const char *p = cell->text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0xA0)
      return FALSE;
  return TRUE;
}

/* A number cell as a date and time: FALSE when it is not one. */
static gboolean
cell_datetime (Importer          *imp,
               const EscXlsxCell *cell,
               EscJulian         *julian,
               int               *minutes)
{
  guint32 day = 0;
  int time = 0;

  if (cell->type != ESC_XLSX_NUMBER ||
      !esc_xlsx_serial_to_datetime (cell->number, imp->is_1904, &day, &time))
    return FALSE;
  if (julian != NULL)
    *julian = day;
  if (minutes != NULL)
    *minutes = time;
  return TRUE;
}

/* The date of a number cell (a serial of at least 1), or 0. */
static EscJulian
cell_date (Importer          *imp,
           const EscXlsxCell *cell)
{
  EscJulian julian = 0;

  if (cell->type != ESC_XLSX_NUMBER || cell->number < 1 ||
      !cell_datetime (imp, cell, &julian, NULL))
    return 0;
  return julian;
}

/* Text of a cell as written, for text columns and extras. */
static char *
convert_text (Importer          *imp,
              const EscXlsxCell *cell)
{
  switch (cell->type)
    {
    case ESC_XLSX_NUMBER:
      if (cell->is_date)
        {
          EscJulian julian = 0;
          int minutes = 0;

          if (cell_datetime (imp, cell, &julian, &minutes))
            {
              g_autofree char *date = esc_format_date (julian);
              g_autofree char *time = esc_format_time (minutes);

              if (cell->number < 1)
                return g_steal_pointer (&time);
              if (minutes == 0)
                return g_steal_pointer (&date);
              return g_strdup_printf ("%s %s", date, time);
            }
        }
      return esc_template_format_number (cell->number);

    case ESC_XLSX_STRING:
      return esc_strip_dup (cell->text);

    case ESC_XLSX_EMPTY:
      return g_strdup ("");

    case ESC_XLSX_BOOL:
    case ESC_XLSX_ERROR:
    default:
      return g_strdup (cell->text);
    }
}

/* Whether @text is already a weekday code (mon..sun): most are, and folding is slow. */
static gboolean
is_weekday_code (const char *text)
{
  if (strlen (text) != 3)
    return FALSE;
  for (guint day = 0; day < ESC_N_WEEKDAYS; day++)
    if (strcmp (text, esc_weekday_code (day)) == 0)
      return TRUE;
  return FALSE;
}

static char *
convert_date (Importer          *imp,
              const EscXlsxCell *cell,
              gboolean           allow_weekday,
              gboolean           dmy)
{
  g_autofree char *text = NULL;
  EscJulian julian;
  EscWeekday weekday;

  if (cell->type == ESC_XLSX_NUMBER)
    {
      if ((julian = cell_date (imp, cell)) != 0)
        return dmy ? esc_format_date_dmy (julian) : esc_format_date (julian);
      return esc_template_format_number (cell->number);
    }
  text = convert_text (imp, cell);
  if (cell->type != ESC_XLSX_STRING)
    return g_steal_pointer (&text);
  if (allow_weekday && is_weekday_code (text))
    return g_steal_pointer (&text);
  if (allow_weekday && esc_parse_weekday (text, &weekday, NULL))
    return g_strdup (esc_weekday_code (weekday));
  if (esc_parse_date (text, &julian, NULL))
    return dmy ? esc_format_date_dmy (julian) : esc_format_date (julian);
  return g_steal_pointer (&text);
}

static char *
convert_time (Importer          *imp,
              const EscXlsxCell *cell)
{
  g_autofree char *text = NULL;
  int minutes;

  if (cell->type == ESC_XLSX_NUMBER)
    {
      if (cell->number >= 0 && cell->number <= 1 && (cell->is_date || cell->number < 1 ||
                                                     cell->number == 1))
        {
          minutes = (int) lround (cell->number * ESC_MINUTES_PER_DAY);
          return esc_format_time (minutes);
        }
      if (cell->is_date && cell_datetime (imp, cell, NULL, &minutes))
        return esc_format_time (minutes);
      return esc_template_format_number (cell->number);
    }
  text = convert_text (imp, cell);
  if (cell->type == ESC_XLSX_STRING && esc_parse_time (text, TRUE, &minutes, NULL))
    return esc_format_time (minutes);
  return g_steal_pointer (&text);
}

/* Hours and worked time: durations from time-formatted cells, numbers of hours. */
static char *
convert_hours (Importer          *imp,
               const EscXlsxCell *cell,
               gboolean           worked)
{
  g_autofree char *text = NULL;

  if (cell->type == ESC_XLSX_NUMBER)
    {
      if (cell->is_date && cell->number >= 0 && cell->number < 1e5)
        return esc_format_hours ((int) lround (cell->number * ESC_MINUTES_PER_DAY));
      return esc_template_format_number (cell->number);
    }
  text = convert_text (imp, cell);
  if (worked && g_ascii_strcasecmp (text, "c") == 0)
    return g_strdup ("C");
  return g_steal_pointer (&text);
}

static char *
convert_bool (Importer          *imp,
              const EscXlsxCell *cell,
              gboolean           full_day)
{
  g_autofree char *text = NULL;
  gboolean value;

  if (cell->type == ESC_XLSX_BOOL || (cell->type == ESC_XLSX_NUMBER &&
                                      (cell->number == 0 || cell->number == 1)))
    return g_strdup (cell->number != 0 ? "yes" : "no");
  text = convert_text (imp, cell);
  if (cell->type != ESC_XLSX_STRING)
    return g_steal_pointer (&text);
  if (esc_parse_bool (text, &value, NULL))
    return g_strdup (value ? "yes" : "no");
  if (full_day)
    {
      g_autofree char *key = esc_fold_key (text);

      if (g_str_equal (key, "total") || g_str_equal (key, "integral") ||
          g_str_equal (key, "full") || g_str_equal (key, "full day"))
        return g_strdup ("yes");
      if (g_str_equal (key, "parcial") || g_str_equal (key, "partial") ||
          g_str_equal (key, "meio periodo") || g_str_equal (key, "half day"))
        return g_strdup ("no");
    }
  return g_steal_pointer (&text);
}

static char *
join_list (const char *text)
{
  g_auto(GStrv) items = esc_split_list (text);

  return g_strjoinv (", ", items);
}

static gboolean
looks_like_window (const char *text)
{
  if (strchr (text, ':') != NULL)
    return TRUE;
  if (!g_ascii_isdigit (*text))
    return FALSE;
  return strchr (text, '-') != NULL || strstr (text, "–") != NULL || strstr (text, "—") != NULL;
}

static char *
convert_pattern_day (Importer          *imp,
                     const EscXlsxCell *cell)
{
  g_autofree char *text = convert_text (imp, cell);
  EscWindow window;

  if (cell->type != ESC_XLSX_STRING || *text == '\0')
    return g_steal_pointer (&text);
  if (looks_like_window (text))
    {
      if (esc_parse_window (text, &window, NULL))
        return esc_format_window (&window);
      return g_steal_pointer (&text);
    }
  return join_list (text);
}

static char *
convert_enum (Importer          *imp,
              const EscColumn   *column,
              const EscXlsxCell *cell)
{
  g_autofree char *text = convert_text (imp, cell);
  g_autofree char *key = heading_key (text);

  for (guint i = 0; column->enum_values != NULL && column->enum_values[i] != NULL; i++)
    {
      g_autofree char *value = heading_key (column->enum_values[i]);

      if (g_str_equal (key, value))
        return g_strdup (column->enum_values[i]);
    }
  return g_steal_pointer (&text);
}

/* The canonical text of @cell for a column of @type (column may be NULL for parameter
 * values, which have no EscColumn of their own). */
static char *
convert_cell (Importer          *imp,
              EscTableId         table,
              const EscColumn   *column,
              EscColumnType      type,
              const EscXlsxCell *cell)
{
  g_autofree char *text = NULL;
  EscWeekday weekday;
  EscWeekdaySet set;

  if (cell_is_blank (cell))
    return g_strdup ("");
  if (cell->type == ESC_XLSX_ERROR)
    return g_strdup (cell->text);

  switch (type)
    {
    case ESC_COLUMN_DATE:
      return convert_date (imp, cell, FALSE, FALSE);

    case ESC_COLUMN_DAY:
      return convert_date (imp, cell, TRUE, FALSE);

    case ESC_COLUMN_TIME:
      return convert_time (imp, cell);

    case ESC_COLUMN_HOURS:
      return convert_hours (imp, cell, FALSE);

    case ESC_COLUMN_WORKED:
      return convert_hours (imp, cell, TRUE);

    case ESC_COLUMN_BOOL:
      return convert_bool (imp, cell, table == ESC_TABLE_HOLIDAY && column != NULL &&
                                      g_str_equal (column->key, "full_day"));

    case ESC_COLUMN_WEEKDAY:
      text = convert_text (imp, cell);
      if (is_weekday_code (text))
        return g_steal_pointer (&text);
      if (cell->type == ESC_XLSX_STRING && esc_parse_weekday (text, &weekday, NULL))
        return g_strdup (esc_weekday_code (weekday));
      return g_steal_pointer (&text);

    case ESC_COLUMN_WEEKDAY_SET:
      text = convert_text (imp, cell);
      if (cell->type == ESC_XLSX_STRING && esc_parse_weekday_set (text, &set, NULL))
        return esc_format_weekday_set (set);
      return g_steal_pointer (&text);

    case ESC_COLUMN_PATTERN_DAY:
      return convert_pattern_day (imp, cell);

    case ESC_COLUMN_REF_LIST:
      text = convert_text (imp, cell);
      if (cell->type == ESC_XLSX_STRING)
        return join_list (text);
      return g_steal_pointer (&text);

    case ESC_COLUMN_LEAVE:
      if (cell->type == ESC_XLSX_NUMBER && cell_date (imp, cell) != 0)
        return convert_date (imp, cell, FALSE, TRUE);
      return convert_text (imp, cell);

    case ESC_COLUMN_ENUM:
      if (column != NULL)
        return convert_enum (imp, column, cell);
      return convert_text (imp, cell);

    case ESC_COLUMN_INT:
    case ESC_COLUMN_NUMBER:
      if (cell->type == ESC_XLSX_NUMBER)
        return esc_template_format_number (cell->number);
      return convert_text (imp, cell);

    case ESC_COLUMN_TEXT:
    case ESC_COLUMN_ID:
    case ESC_COLUMN_REF:
    case ESC_COLUMN_COLOR:
    case ESC_COLUMN_DAY_RANGES:
    case ESC_COLUMN_SHIFT_COUNTS:
    case ESC_COLUMN_OBJECTIVES:
    default:
      return convert_text (imp, cell);
    }
}

/* A parameter key as written, matched like a heading against the known keys and titles. */
static char *
canonical_parameter_key (const char *text)
{
  const EscParameterDef *defs;
  g_autofree char *key = NULL;
  guint n = 0;

  if (esc_schema_find_parameter (text) != NULL)
    return g_strdup (text);
  key = heading_key (text);
  defs = esc_schema_get_parameters (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *k1 = heading_key (defs[i].key);
      g_autofree char *k2 = heading_key (defs[i].title);
      g_autofree char *k3 = heading_key (_(defs[i].title));

      if (g_str_equal (key, k1) || g_str_equal (key, k2) || g_str_equal (key, k3))
        return g_strdup (defs[i].key);
    }
  return g_strdup (text);
}

/* Header detection ------------------------------------------------------------------------ */

static gboolean
is_marker (const char *text)
{
  g_auto(GStrv) items = NULL;
  g_autofree char *trimmed = esc_strip_dup (text);

  if (g_str_has_prefix (trimmed, "table="))
    return TRUE;
  items = g_strsplit (trimmed, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = g_ascii_strdown (g_strstrip (items[i]), -1);

      if (!g_str_equal (item, "pk") && !g_str_equal (item, "uk") &&
          !g_str_has_prefix (item, "fk="))
        return FALSE;
    }
  return TRUE;
}

/* A row whose non-blank cells are all markers (`table=location`, `pk`, `fk=store`). */
static gboolean
is_marker_row (const EscXlsxCell *cells,
               guint              n_cells)
{
  guint n_markers = 0;

  for (guint i = 0; i < n_cells; i++)
    {
      if (cell_is_blank (&cells[i]))
        continue;
      if (cells[i].type != ESC_XLSX_STRING || !is_marker (cells[i].text))
        return FALSE;
      n_markers++;
    }
  return n_markers > 0;
}

static int
get_column_at (SheetImport *si,
               guint        sheet_column)
{
  if (sheet_column == 0 || sheet_column > si->column_at->len)
    return -1;
  return g_array_index (si->column_at, int, sheet_column - 1);
}

static void
set_column_at (SheetImport *si,
               guint        sheet_column,
               int          column)
{
  int none = -1;

  while (si->column_at->len < sheet_column)
    g_array_append_val (si->column_at, none);
  g_array_index (si->column_at, int, sheet_column - 1) = column;
}

/* Whether the row is a heading row of the table: see the file's comment. With @first, a
 * row may hold numbers too (a year beside a title). */
static gboolean
looks_like_header (SheetImport       *si,
                   const EscXlsxCell *cells,
                   guint              n_cells,
                   gboolean           first)
{
  guint n_text = 0, n_matches = 0;

  for (guint i = 0; i < n_cells; i++)
    {
      if (cell_is_blank (&cells[i]))
        continue;
      if (cells[i].type != ESC_XLSX_STRING)
        {
          if (!first)
            return FALSE;
          continue;
        }
      if (is_marker (cells[i].text))
        continue;
      n_text++;
      if (esc_template_match_heading (si->table, cells[i].text) >= 0)
        n_matches++;
    }
  return n_matches > 0 && (n_matches * 2 >= n_text || n_matches >= 3);
}

/* Maps the columns a heading row names; later rows win over earlier ones. */
static void
read_header_row (Importer          *imp,
                 SheetImport       *si,
                 guint              row,
                 const EscXlsxCell *cells,
                 guint              n_cells)
{
  g_autofree guint *named_here = g_new0 (guint, si->schema->n_columns);

  for (guint i = 0; i < n_cells; i++)
    {
      const EscXlsxCell *cell = &cells[i];
      int column, previous;

      if (cell_is_blank (cell) || cell->type != ESC_XLSX_STRING || is_marker (cell->text))
        continue;
      column = esc_template_match_heading (si->table, cell->text);
      if (column < 0)
        {
          g_autofree char *heading = esc_strip_dup (cell->text);

          if (get_column_at (si, cell->col) < 0 &&
              !g_hash_table_contains (si->unknown, GUINT_TO_POINTER (cell->col)))
            {
              UnknownColumn *unknown = g_new0 (UnknownColumn, 1);

              unknown->heading = g_steal_pointer (&heading);
              unknown->header_row = row;
              g_hash_table_insert (si->unknown, GUINT_TO_POINTER (cell->col), unknown);
            }
          continue;
        }

      if (named_here[column] != 0 && named_here[column] != cell->col)
        {
          g_autofree char *first = esc_xlsx_cell_address (row, named_here[column]);

          add_problem (imp, ESC_SEVERITY_WARNING, si->table, si->sheet, row, cell->col,
                       g_strdup_printf (_("a second “%s” column is ignored; the column "
                                          "at %s is read"),
                                        _(si->schema->columns[column].title), first));
          continue;
        }
      named_here[column] = cell->col;

      /* The sheet column now means @column: forget what it meant before, and where
       * @column was before. */
      previous = get_column_at (si, cell->col);
      if (previous >= 0 && previous != column)
        si->sheet_column[previous] = 0;
      if (si->sheet_column[column] != 0 && si->sheet_column[column] != cell->col)
        set_column_at (si, si->sheet_column[column], -1);
      si->sheet_column[column] = cell->col;
      set_column_at (si, cell->col, column);
      g_hash_table_remove (si->unknown, GUINT_TO_POINTER (cell->col));
    }
}

/* Data rows ------------------------------------------------------------------------------- */

static void
add_cell_problem (Importer   *imp,
                  EscRow     *row,
                  EscTableId  table,
                  int         column,
                  char       *message)
{
  CellProblem *problem = g_new0 (CellProblem, 1);

  problem->row = g_object_ref (row);
  problem->table = table;
  problem->column = column;
  problem->message = message;
  g_ptr_array_add (imp->cell_problems, problem);
}

/* A holiday whose national cell holds a country ("BR") is national, of that country. */
static void
fix_holiday (char **values)
{
  const char *national = values[ESC_HOLIDAY_NATIONAL];
  gboolean letters = *national != '\0';

  if (g_str_equal (national, "yes") || g_str_equal (national, "no"))
    return;
  for (const char *p = national; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) && c != ' ' && c != '-')
        letters = FALSE;
    }
  if (!letters || g_utf8_strlen (national, -1) < 2)
    return;
  if (*values[ESC_HOLIDAY_COUNTRY] == '\0')
    {
      g_free (values[ESC_HOLIDAY_COUNTRY]);
      values[ESC_HOLIDAY_COUNTRY] = g_utf8_strlen (national, -1) <= 3
                                    ? g_utf8_strup (national, -1) : g_strdup (national);
    }
  g_free (values[ESC_HOLIDAY_NATIONAL]);
  values[ESC_HOLIDAY_NATIONAL] = g_strdup ("yes");
}

static void
import_data_row (Importer          *imp,
                 SheetImport       *si,
                 guint              sheet_row,
                 const EscXlsxCell *cells,
                 guint              n_cells)
{
  const EscTableSchema *schema = si->schema;
  g_autofree char **values = g_new0 (char *, schema->n_columns + 1);
  g_autoptr(GPtrArray) extras = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) extra_columns = g_ptr_array_new ();
  g_autoptr(EscRow) row = NULL;
  EscTable *table;
  gboolean typed = FALSE;

  memset (si->cell_for, 0, schema->n_columns * sizeof (si->cell_for[0]));
  for (guint i = 0; i < n_cells; i++)
    {
      const EscXlsxCell *cell = &cells[i];
      int column = get_column_at (si, cell->col);

      if (cell_is_blank (cell))
        continue;
      if (column >= 0)
        {
          si->cell_for[column] = cell;
          if (!cell->has_formula)
            typed = TRUE;
        }
      else
        {
          UnknownColumn *unknown = g_hash_table_lookup (si->unknown,
                                                        GUINT_TO_POINTER (cell->col));

          if (unknown == NULL)
            continue;
          if (cell->has_formula)
            {
              unknown->n_formulas++;
              continue;
            }
          g_ptr_array_add (extra_columns, unknown);
          g_ptr_array_add (extras, convert_text (imp, cell));
        }
    }
  if (!typed)
    return;

  for (guint c = 0; c < schema->n_columns; c++)
    {
      const EscXlsxCell *cell = si->cell_for[c];
      const EscColumn *column = &schema->columns[c];
      EscColumnType type = column->type;

      if (cell == NULL)
        {
          values[c] = g_strdup ("");
          continue;
        }
      if (si->table == ESC_TABLE_PARAMETER && c == ESC_PARAMETER_KEY)
        {
          g_autofree char *text = convert_text (imp, cell);

          values[c] = canonical_parameter_key (text);
          continue;
        }
      if (si->table == ESC_TABLE_PARAMETER && c == ESC_PARAMETER_VALUE)
        {
          const EscParameterDef *def = values[ESC_PARAMETER_KEY] != NULL
                                       ? esc_schema_find_parameter (values[ESC_PARAMETER_KEY])
                                       : NULL;

          if (def != NULL)
            type = def->type;
          values[c] = convert_cell (imp, si->table, NULL, type, cell);
          continue;
        }
      values[c] = convert_cell (imp, si->table, column, type, cell);
    }

  if (si->table == ESC_TABLE_HOLIDAY)
    fix_holiday (values);

  row = esc_row_new_with_values (si->table, (const char * const *) values);
  for (guint i = 0; i < extras->len; i++)
    {
      UnknownColumn *unknown = g_ptr_array_index (extra_columns, i);
      const char *value = g_ptr_array_index (extras, i);

      if (*value == '\0')
        continue;
      esc_row_set_extra (row, unknown->heading, value);
      unknown->n_values++;
    }

  /* Excel errors in text columns, which the validator cannot see as wrong. */
  for (guint c = 0; c < schema->n_columns; c++)
    {
      const EscXlsxCell *cell = si->cell_for[c];
      EscColumnType type = schema->columns[c].type;

      if (cell != NULL && cell->type == ESC_XLSX_ERROR &&
          (type == ESC_COLUMN_TEXT || si->table == ESC_TABLE_PARAMETER))
        add_cell_problem (imp, row, si->table, c,
                          g_strdup_printf (_("the cell shows the error %s (a formula that "
                                             "failed); expected a value"), cell->text));
    }

  table = esc_project_get_table (imp->project, si->table);
  esc_table_append (table, row);
  g_hash_table_insert (imp->source_row, row, GUINT_TO_POINTER (sheet_row));

  for (guint c = 0; c < schema->n_columns; c++)
    g_free (values[c]);
}

static gboolean
import_row_cb (guint              row,
               const EscXlsxCell *cells,
               guint              n_cells,
               gpointer           user_data,
               GError           **error)
{
  Importer *imp = user_data;
  SheetImport *si = imp->current;

  switch (si->state)
    {
    case STATE_SEARCH:
      if (is_marker_row (cells, n_cells))
        return TRUE;
      if (looks_like_header (si, cells, n_cells, TRUE))
        {
          read_header_row (imp, si, row, cells, n_cells);
          si->state = STATE_HEADER;
          return TRUE;
        }
      if (si->table == ESC_TABLE_PARAMETER && si->n_junk_rows == 0)
        {
          /* key, value rows without a header */
          si->positional = TRUE;
          si->sheet_column[ESC_PARAMETER_KEY] = 1;
          si->sheet_column[ESC_PARAMETER_VALUE] = 2;
          set_column_at (si, 1, ESC_PARAMETER_KEY);
          set_column_at (si, 2, ESC_PARAMETER_VALUE);
          si->state = STATE_DATA;
          import_data_row (imp, si, row, cells, n_cells);
          return TRUE;
        }
      for (guint i = 0; i < n_cells; i++)
        if (!cell_is_blank (&cells[i]))
          {
            si->n_junk_rows++;
            break;
          }
      /* Give up: the rest of the sheet is not read. */
      return si->n_junk_rows < ESC_IMPORT_MAX_JUNK_ROWS;

    case STATE_HEADER:
      if (is_marker_row (cells, n_cells))
        return TRUE;
      if (looks_like_header (si, cells, n_cells, FALSE))
        {
          read_header_row (imp, si, row, cells, n_cells);
          return TRUE;
        }
      si->state = STATE_DATA;
      G_GNUC_FALLTHROUGH;

    case STATE_DATA:
    default:
      import_data_row (imp, si, row, cells, n_cells);
      return TRUE;
    }
}

/* Headings that name the column in messages: "Weekly hours (weekly_hours)". */
static char *
describe_column (const EscTableSchema *schema,
                 guint                 column)
{
  const char *pt = esc_template_get_heading (schema->id, column, ESC_TEMPLATE_LANGUAGE_PT_BR);

  return g_strdup_printf ("“%s” (%s, “%s”)", _(schema->columns[column].title),
                          schema->columns[column].key, pt);
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* After a sheet was read: the header and the required columns, unknown columns. */
static void
finish_sheet (Importer    *imp,
              SheetImport *si,
              gboolean     required)
{
  const EscTableSchema *schema = si->schema;
  g_autoptr(GArray) unknown_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key;

  if (si->state == STATE_SEARCH)
    {
      g_autofree char *id_heading = describe_column (schema, 0);

      /* An empty optional sheet simply has no rows. */
      if (si->n_junk_rows == 0 && !required)
        return;
      if (si->n_junk_rows == 0)
        add_structural_error (imp, si, 0,
                              g_strdup_printf (_("the sheet is empty; expected a header row "
                                                 "of column names such as %s, then a row per "
                                                 "%s"), id_heading,
                                               _(schema->row_title)));
      else
        add_structural_error (imp, si, 0,
                              g_strdup_printf (_("no header row found; expected a row of "
                                                 "column names such as %s in the first %u "
                                                 "rows"), id_heading,
                                               ESC_IMPORT_MAX_JUNK_ROWS));
      return;
    }

  if (!si->positional)
    for (guint c = 0; c < schema->n_columns; c++)
      if (schema->columns[c].required && si->sheet_column[c] == 0)
        {
          g_autofree char *name = describe_column (schema, c);

          add_structural_error (imp, si, 0,
                                g_strdup_printf (_("missing the required column %s"), name));
        }

  if (si->table == ESC_TABLE_DEMAND && si->sheet_column[ESC_DEMAND_SHIFT] == 0 &&
      (si->sheet_column[ESC_DEMAND_START] == 0 || si->sheet_column[ESC_DEMAND_END] == 0))
    {
      g_autofree char *start = describe_column (schema, ESC_DEMAND_START);
      g_autofree char *end = describe_column (schema, ESC_DEMAND_END);
      g_autofree char *shift = describe_column (schema, ESC_DEMAND_SHIFT);

      add_structural_error (imp, si, 0,
                            g_strdup_printf (_("missing the columns of the window, %s and %s, "
                                               "or a %s column"), start, end, shift));
    }

  /* Unknown columns, in sheet order. */
  g_hash_table_iter_init (&iter, si->unknown);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint col = GPOINTER_TO_UINT (key);

      g_array_append_val (unknown_columns, col);
    }
  g_array_sort (unknown_columns, compare_uints);
  for (guint i = 0; i < unknown_columns->len; i++)
    {
      guint col = g_array_index (unknown_columns, guint, i);
      UnknownColumn *unknown = g_hash_table_lookup (si->unknown, GUINT_TO_POINTER (col));

      if (unknown->n_values > 0)
        add_problem (imp, ESC_SEVERITY_WARNING, si->table, si->sheet, unknown->header_row, col,
                     g_strdup_printf (_("the column “%s” is not one Escala knows; its values "
                                        "are kept with each row and written back on export"),
                                      unknown->heading));
      else if (unknown->n_formulas > 0)
        add_problem (imp, ESC_SEVERITY_WARNING, si->table, si->sheet, unknown->header_row, col,
                     g_strdup_printf (_("the column “%s” is not one Escala knows and holds "
                                        "only formulas; it is left out"), unknown->heading));
    }
}

/* Sheets ---------------------------------------------------------------------------------- */

/* The workbook's name for the sheet of @def: the schema's sheet name exactly, then folded,
 * then an alias; names in @claimed are taken already. */
static const char *
find_sheet (const char * const *names,
            const SheetDef     *def,
            GHashTable         *claimed)
{
  const EscTableSchema *schema = esc_schema_get_table (def->table);
  g_autofree char *wanted = heading_key (schema->sheet);
  g_auto(GStrv) aliases = g_strsplit (def->aliases, "|", -1);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], schema->sheet) && !g_hash_table_contains (claimed, names[i]))
      return names[i];
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *key = heading_key (names[i]);

      if (g_str_equal (key, wanted) && !g_hash_table_contains (claimed, names[i]))
        return names[i];
    }
  for (guint a = 0; aliases[a] != NULL; a++)
    {
      g_autofree char *alias = heading_key (aliases[a]);

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *key = heading_key (names[i]);

          if (g_str_equal (key, alias) && !g_hash_table_contains (claimed, names[i]))
            return names[i];
        }
    }
  return NULL;
}

static void
begin_sheet (Importer    *imp,
             SheetImport *si,
             const char  *name)
{
  g_free (si->sheet);
  si->sheet = g_strdup (name);
  si->read = TRUE;
  imp->result->tables_read[si->table] = TRUE;
  imp->current = si;
}

static gboolean
read_workbook (Importer      *imp,
               EscXlsxReader *reader,
               GError       **error)
{
  const char * const *names = esc_xlsx_reader_get_sheet_names (reader);
  g_autoptr(GHashTable) claimed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) expected = g_string_new (NULL);

  imp->is_1904 = esc_xlsx_reader_uses_1904 (reader);

  for (guint i = 0; i < G_N_ELEMENTS (sheet_defs); i++)
    if (sheet_defs[i].required)
      g_string_append_printf (expected, "%s%s", expected->len > 0 ? ", " : "",
                              esc_schema_get_table (sheet_defs[i].table)->sheet);

  for (guint i = 0; i < G_N_ELEMENTS (sheet_defs); i++)
    {
      const SheetDef *def = &sheet_defs[i];
      SheetImport *si = &imp->sheets[def->table];
      const char *name = find_sheet (names, def, claimed);

      if (name == NULL)
        {
          if (def->required)
            add_structural_error (imp, si, 0,
                                  g_strdup_printf (_("the workbook has no sheet “%s”; a "
                                                     "template needs the sheets %s"),
                                                   si->schema->sheet, expected->str));
          else if (def->table == ESC_TABLE_HOLIDAY ||
                   def->table == ESC_TABLE_PREVIOUS_ALLOCATION)
            g_ptr_array_add (imp->result->notes,
                             g_strdup_printf (_("The workbook has no %s sheet, so there are "
                                                "no %s."), si->schema->sheet,
                                              _(si->schema->title)));
          continue;
        }
      g_hash_table_add (claimed, (gpointer) name);
      begin_sheet (imp, si, name);
      if (!esc_xlsx_reader_foreach_row (reader, name, import_row_cb, imp, error))
        return FALSE;
      finish_sheet (imp, si, def->required);
    }
  return TRUE;
}

/* Parameters ------------------------------------------------------------------------------ */

static gboolean
parameter_is_blank (EscProject *project,
                    const char *key)
{
  EscRow *row = esc_project_find_parameter_row (project, key);
  g_autofree char *value = NULL;

  if (row == NULL)
    return TRUE;
  value = esc_strip_dup (esc_row_get (row, ESC_PARAMETER_VALUE));
  return *value == '\0';
}

static EscJulian
get_today (Importer *imp)
{
  g_autoptr(GDateTime) now = NULL;
  GDate date;

  if (imp->options.today != 0)
    return imp->options.today;
  now = g_date_time_new_now_local ();
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return g_date_get_julian (&date);
}

/* start_date and max_horizon when the workbook does not give them (excel-template.md). */
static void
apply_default_parameters (Importer *imp)
{
  EscProject *project = imp->project;
  gboolean had_sheet = imp->sheets[ESC_TABLE_PARAMETER].read;
  gboolean need_start = parameter_is_blank (project, "start_date");
  gboolean need_horizon = parameter_is_blank (project, "max_horizon");
  g_autoptr(GString) note = g_string_new (NULL);

  if (!need_start && !need_horizon)
    return;

  if (had_sheet)
    g_string_append (note, _("The Parameters sheet does not give every required "
                              "parameter:"));
  else
    g_string_append (note, _("The workbook has no Parameters sheet:"));

  if (need_start)
    {
      EscTable *history = esc_project_get_table (project, ESC_TABLE_PREVIOUS_ALLOCATION);
      EscJulian last = 0, start;
      g_autofree char *text = NULL;

      for (guint i = 0; i < esc_table_get_n_rows (history); i++)
        {
          EscJulian day = 0;

          if (esc_parse_date (esc_row_get (esc_table_get_row (history, i), ESC_PREVIOUS_DATE),
                              &day, NULL))
            last = MAX (last, day);
        }
      if (last != 0)
        {
          g_autofree char *last_text = NULL;

          start = last + 1;
          text = esc_format_date (start);
          last_text = esc_format_date (last);
          g_string_append_c (note, ' ');
          g_string_append_printf (note, _("the start date is %s, the day after the last "
                                          "previous allocation (%s);"), text, last_text);
        }
      else
        {
          EscWeekday first = esc_project_get_first_day_of_week (project);

          start = get_today (imp) + 1;
          while (esc_julian_weekday (start) != first)
            start++;
          text = esc_format_date (start);
          g_string_append_c (note, ' ');
          g_string_append_printf (note, _("the start date is %s, the next first day of the "
                                          "week after today;"), text);
        }
      esc_project_set_parameter (project, "start_date", text);
    }
  if (need_horizon)
    {
      const EscParameterDef *def = esc_schema_find_parameter ("max_horizon");

      esc_project_set_parameter (project, "max_horizon", def->default_value);
      g_string_append_c (note, ' ');
      g_string_append_printf (note, _("the horizon is %s days;"), def->default_value);
    }
  /* Replace the last ";" by a period. */
  if (note->len > 0 && note->str[note->len - 1] == ';')
    g_string_truncate (note, note->len - 1);
  g_string_append (note, _(". Change them in the parameters if they are not right."));
  g_ptr_array_add (imp->result->notes, g_string_free (g_steal_pointer (&note), FALSE));
  imp->parameters_defaulted = !had_sheet;
}

/* Validation ------------------------------------------------------------------------------ */

/* The sheet row an imported row came from, 0 when it did not come from the sheet. */
static guint
get_source_row (Importer *imp,
                EscRow   *row)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (imp->source_row, row));
}

static void
add_problem_for_row (Importer    *imp,
                     EscSeverity  severity,
                     EscTableId   table,
                     EscRow      *row,
                     int          row_index,
                     int          column,
                     const char  *message,
                     gboolean     skipped)
{
  SheetImport *si = table < ESC_N_TABLES ? &imp->sheets[table] : NULL;
  const char *sheet = NULL;
  guint sheet_row = 0, sheet_column = 0;
  char *text;
  EscImportProblem *problem;

  if (si == NULL)
    {
      add_problem (imp, severity, ESC_N_TABLES, NULL, 0, 0, g_strdup (message))->skipped =
        skipped;
      return;
    }

  sheet = si->read ? si->sheet : si->schema->sheet;
  if (row != NULL)
    sheet_row = get_source_row (imp, row);
  if (sheet_row > 0 && column >= 0)
    sheet_column = si->sheet_column[column];

  if (row != NULL && sheet_row == 0)
    {
      /* A row the import added (a default parameter): name it by its position. */
      if (column >= 0)
        text = g_strdup_printf (_("row %d, %s: %s"), row_index + 1,
                                _(si->schema->columns[column].title), message);
      else
        text = g_strdup_printf (_("row %d: %s"), row_index + 1, message);
    }
  else if (sheet_row == 0 && column >= 0)
    text = g_strdup_printf ("%s: %s", _(si->schema->columns[column].title), message);
  else
    text = g_strdup (message);

  problem = add_problem (imp, severity, table, sheet, sheet_row, sheet_column, text);
  problem->skipped = skipped;
}

static void
add_problem_for_diagnostic (Importer            *imp,
                            const EscDiagnostic *d,
                            gboolean             skipped)
{
  EscRow *row = NULL;

  if (d->table < ESC_N_TABLES && d->row >= 0)
    row = esc_table_get_row (esc_project_get_table (imp->project, d->table), d->row);
  add_problem_for_row (imp, d->severity, d->table, row, d->row, d->column, d->message,
                       skipped);
}

static void
add_problem_for_cell_problem (Importer          *imp,
                              const CellProblem *cp,
                              gboolean           skipped)
{
  EscTable *table = esc_project_get_table (imp->project, cp->table);

  add_problem_for_row (imp, ESC_SEVERITY_ERROR, cp->table, cp->row,
                       (int) esc_table_index_of (table, cp->row), cp->column, cp->message,
                       skipped);
}

/* Every diagnostic of the project; with structural errors, only each cell's own. */
static GPtrArray *
validate (Importer   *imp,
          GHashTable *ignored)
{
  GPtrArray *diagnostics;

  if (!imp->structural_error)
    diagnostics = esc_validate_project (imp->project);
  else
    {
      diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) esc_diagnostic_free);
      for (guint t = 0; t < ESC_N_TABLES; t++)
        {
          EscTable *table = esc_project_get_table (imp->project, t);

          if (!imp->sheets[t].read)
            continue;
          for (guint i = 0; i < esc_table_get_n_rows (table); i++)
            {
              EscRow *row = esc_table_get_row (table, i);

              for (guint c = 0; c < esc_row_get_n_columns (row); c++)
                {
                  EscDiagnostic *d;

                  /* A missing column was reported once, not in every row. */
                  if (imp->sheets[t].sheet_column[c] == 0)
                    continue;
                  d = esc_validate_cell (t, (int) i, c, esc_row_get (row, c));

                  if (d != NULL)
                    g_ptr_array_add (diagnostics, d);
                }
            }
        }
    }

  if (ignored != NULL)
    for (guint i = diagnostics->len; i-- > 0;)
      {
        g_autofree char *text = esc_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

        if (g_hash_table_contains (ignored, text))
          g_ptr_array_remove_index (diagnostics, i);
      }
  return diagnostics;
}

static EscRow *
diagnostic_row (Importer            *imp,
                const EscDiagnostic *d)
{
  if (d->table >= ESC_N_TABLES || d->row < 0)
    return NULL;
  return esc_table_get_row (esc_project_get_table (imp->project, d->table), d->row);
}

/* Leaves the rows in @bad out of their tables, with a note per table. */
static void
remove_rows (Importer   *imp,
             GHashTable *bad)
{
  for (guint t = 0; t < ESC_N_TABLES; t++)
    {
      EscTable *table = esc_project_get_table (imp->project, t);
      g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GString) rows = g_string_new (NULL);
      guint n_removed = 0;

      for (guint i = 0; i < esc_table_get_n_rows (table); i++)
        {
          EscRow *row = esc_table_get_row (table, i);

          if (!g_hash_table_contains (bad, row))
            {
              g_ptr_array_add (keep, g_object_ref (row));
              continue;
            }
          n_removed++;
          if (n_removed <= 20)
            g_string_append_printf (rows, "%s%u", rows->len > 0 ? ", " : "",
                                    get_source_row (imp, row));
          else if (n_removed == 21)
            g_string_append (rows, ", …");
          g_hash_table_remove (imp->source_row, row);
        }
      if (n_removed == 0)
        continue;

      esc_table_clear (table);
      for (guint i = 0; i < keep->len; i++)
        esc_table_append (table, g_ptr_array_index (keep, i));
      imp->result->n_skipped += n_removed;
      g_ptr_array_add (imp->result->notes,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s: left out %u row with errors (row %s).",
                                                     "%s: left out %u rows with errors (rows %s).",
                                                     n_removed),
                                        imp->sheets[t].read ? imp->sheets[t].sheet
                                                            : imp->sheets[t].schema->sheet,
                                        n_removed, rows->str));
    }

  for (guint i = imp->cell_problems->len; i-- > 0;)
    {
      CellProblem *cp = g_ptr_array_index (imp->cell_problems, i);

      if (g_hash_table_contains (bad, cp->row))
        g_ptr_array_remove_index (imp->cell_problems, i);
    }
}

/* Validates; with skip_bad_rows leaves rows with errors out until none remain. Returns
 * whether errors that are not in a row remain. */
static gboolean
run_validation (Importer   *imp,
                GHashTable *ignored)
{
  for (;;)
    {
      g_autoptr(GPtrArray) diagnostics = validate (imp, ignored);
      g_autoptr(GHashTable) bad = g_hash_table_new (g_direct_hash, g_direct_equal);
      gboolean other_errors = FALSE;
      gboolean skipping;

      for (guint i = 0; i < diagnostics->len; i++)
        {
          const EscDiagnostic *d = g_ptr_array_index (diagnostics, i);
          EscRow *row;

          if (d->severity != ESC_SEVERITY_ERROR)
            continue;
          if ((row = diagnostic_row (imp, d)) != NULL)
            g_hash_table_add (bad, row);
          else
            other_errors = TRUE;
        }
      for (guint i = 0; i < imp->cell_problems->len; i++)
        g_hash_table_add (bad, ((CellProblem *) g_ptr_array_index (imp->cell_problems, i))->row);

      skipping = imp->options.skip_bad_rows && !imp->structural_error &&
                 g_hash_table_size (bad) > 0;
      if (!skipping)
        {
          for (guint i = 0; i < diagnostics->len; i++)
            add_problem_for_diagnostic (imp, g_ptr_array_index (diagnostics, i), FALSE);
          for (guint i = 0; i < imp->cell_problems->len; i++)
            add_problem_for_cell_problem (imp, g_ptr_array_index (imp->cell_problems, i),
                                          FALSE);
          imp->result->n_bad_rows = g_hash_table_size (bad);
          return other_errors;
        }

      for (guint i = 0; i < diagnostics->len; i++)
        {
          const EscDiagnostic *d = g_ptr_array_index (diagnostics, i);
          EscRow *row = diagnostic_row (imp, d);

          if (row != NULL && g_hash_table_contains (bad, row))
            add_problem_for_diagnostic (imp, d, TRUE);
        }
      for (guint i = 0; i < imp->cell_problems->len; i++)
        add_problem_for_cell_problem (imp, g_ptr_array_index (imp->cell_problems, i), TRUE);
      remove_rows (imp, bad);
    }
}

/* Problems in the order of the sheets, then rows, then columns. */
static int
sheet_rank (EscTableId table)
{
  if (table >= ESC_N_TABLES)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (sheet_defs); i++)
    if (sheet_defs[i].table == table)
      return (int) i;
  return (int) G_N_ELEMENTS (sheet_defs);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const EscImportProblem *x = *(const EscImportProblem * const *) a;
  const EscImportProblem *y = *(const EscImportProblem * const *) b;
  int rx = sheet_rank (x->table), ry = sheet_rank (y->table);

  if (rx != ry)
    return rx < ry ? -1 : 1;
  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return 0;
}

/* Decides success or failure; on success moves the project into the result. */
static EscImportResult *
finish_import (Importer   *imp,
               GHashTable *ignored,
               GError    **error)
{
  EscImportResult *result = imp->result;
  gboolean other_errors;
  const EscImportProblem *first = NULL;

  other_errors = run_validation (imp, ignored);

  g_ptr_array_sort (result->problems, compare_problems);
  for (guint i = 0; i < result->problems->len; i++)
    {
      const EscImportProblem *problem = g_ptr_array_index (result->problems, i);

      if (problem->severity == ESC_SEVERITY_WARNING)
        {
          result->n_warnings++;
          continue;
        }
      result->n_errors++;
      if (!problem->skipped && first == NULL)
        first = problem;
    }
  for (guint t = 0; t < ESC_N_TABLES; t++)
    result->counts[t] = esc_table_get_n_rows (esc_project_get_table (imp->project, t));

  if (first != NULL)
    {
      g_autofree char *text = esc_import_problem_to_string (first);
      guint n_open = 0;

      for (guint i = 0; i < result->problems->len; i++)
        {
          const EscImportProblem *problem = g_ptr_array_index (result->problems, i);

          if (problem->severity == ESC_SEVERITY_ERROR && !problem->skipped)
            n_open++;
        }
      result->fatal = imp->structural_error || other_errors;
      result->error = g_error_new (ESC_IO_ERROR,
                                   imp->structural_error ? ESC_IO_ERROR_MISSING
                                                         : ESC_IO_ERROR_INVALID,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "“%s” was not imported because of %u "
                                                "error: %s",
                                                "“%s” was not imported because of %u "
                                                "errors; the first: %s",
                                                n_open),
                                   imp->display_name, n_open, text);
      if (error != NULL)
        *error = g_error_copy (result->error);
      imp->result = NULL;
      return result;
    }

  {
    ImportMark *mark = g_new0 (ImportMark, 1);

    memcpy (mark->tables_read, result->tables_read, sizeof mark->tables_read);
    mark->parameters_defaulted = imp->parameters_defaulted;
    mark->display_name = g_strdup (imp->display_name);
    g_object_set_qdata_full (G_OBJECT (imp->project), import_mark_quark (), mark,
                             import_mark_free);
  }
  esc_project_mark_saved (imp->project);
  result->project = g_steal_pointer (&imp->project);
  imp->result = NULL;
  return result;
}

/* Public API ------------------------------------------------------------------------------ */

static EscImportResult *
import_reader (EscXlsxReader          *reader,
               const char             *display_name,
               const EscImportOptions *options,
               GError                **error)
{
  g_auto(Importer) imp = { 0 };

  importer_init (&imp, display_name, options);
  if (!read_workbook (&imp, reader, error))
    return NULL;
  apply_default_parameters (&imp);
  return finish_import (&imp, NULL, error);
}

EscImportResult *
esc_template_import (const char             *path,
                     const EscImportOptions *options,
                     GError                **error)
{
  g_autoptr(EscXlsxReader) reader = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((reader = esc_xlsx_reader_open (path, error)) == NULL)
    return NULL;
  display_name = g_filename_display_basename (path);
  return import_reader (reader, display_name, options, error);
}

EscImportResult *
esc_template_import_bytes (GBytes                 *bytes,
                           const char             *display_name,
                           const EscImportOptions *options,
                           GError                **error)
{
  g_autoptr(EscXlsxReader) reader = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("workbook");
  if ((reader = esc_xlsx_reader_open_bytes (bytes, display_name, error)) == NULL)
    return NULL;
  return import_reader (reader, display_name, options, error);
}

typedef struct
{
  char            *path;
  EscImportOptions options;
} ImportTaskData;

static void
import_task_data_free (gpointer data)
{
  ImportTaskData *task_data = data;

  g_free (task_data->path);
  g_free (task_data);
}

static void
import_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      data,
                  GCancellable *cancellable)
{
  ImportTaskData *task_data = data;
  g_autoptr(GError) error = NULL;
  EscImportResult *result = esc_template_import (task_data->path, &task_data->options, &error);

  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) esc_import_result_free);
}

void
esc_template_import_async (const char             *path,
                           const EscImportOptions *options,
                           GCancellable           *cancellable,
                           GAsyncReadyCallback     callback,
                           gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTaskData *task_data;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, esc_template_import_async);
  task_data = g_new0 (ImportTaskData, 1);
  task_data->path = g_strdup (path);
  if (options != NULL)
    task_data->options = *options;
  g_task_set_task_data (task, task_data, import_task_data_free);
  g_task_run_in_thread (task, import_in_thread);
}

EscImportResult *
esc_template_import_finish (GAsyncResult *result,
                            GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == esc_template_import_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The diagnostics of @project, as strings, to ignore those the import did not cause. */
static GHashTable *
diagnostic_set (EscProject *project,
                EscTableId  except_table)
{
  g_autoptr(GPtrArray) diagnostics = esc_validate_project (project);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const EscDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (d->table != except_table)
        g_hash_table_add (set, esc_diagnostic_to_string (d));
    }
  return set;
}

EscImportResult *
esc_template_import_csv (const char             *path,
                         EscTableId              table,
                         EscProject             *base,
                         const EscImportOptions *options,
                         GError                **error)
{
  g_auto(Importer) imp = { 0 };
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) ignored = NULL;
  g_autofree char *display_name = NULL;
  g_autofree EscXlsxCell *cells = NULL;
  SheetImport *si;
  gboolean converted = FALSE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (table < ESC_N_TABLES, NULL);
  g_return_val_if_fail (base == NULL || ESC_IS_PROJECT (base), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((records = esc_csv_read_file (path, 0, &converted, error)) == NULL)
    return NULL;

  display_name = g_filename_display_basename (path);
  importer_init (&imp, display_name, options);
  if (base != NULL)
    {
      g_clear_object (&imp.project);
      imp.project = esc_project_copy (base);
    }
  /* Diagnostics of the other tables that were there before the import are not its
   * problems. */
  ignored = diagnostic_set (imp.project, table);
  esc_table_clear (esc_project_get_table (imp.project, table));

  si = &imp.sheets[table];
  begin_sheet (&imp, si, display_name);
  for (guint r = 0; r < records->len; r++)
    {
      char **fields = g_ptr_array_index (records, r);
      guint n_fields = g_strv_length (fields), n_cells = 0;

      g_free (cells);
      cells = g_new0 (EscXlsxCell, MAX (n_fields, 1));
      for (guint f = 0; f < n_fields; f++)
        {
          if (*fields[f] == '\0')
            continue;
          cells[n_cells].row = r + 1;
          cells[n_cells].col = f + 1;
          cells[n_cells].type = ESC_XLSX_STRING;
          cells[n_cells].text = fields[f];
          n_cells++;
        }
      if (n_cells == 0)
        continue;
      if (!import_row_cb (r + 1, cells, n_cells, &imp, error))
        break;
    }
  finish_sheet (&imp, si, TRUE);
  if (converted)
    g_ptr_array_add (imp.result->notes,
                     g_strdup_printf (_("“%s” is not UTF-8 text; it was read as Windows-1252 "
                                        "(what Excel writes as plain CSV)."), display_name));
  return finish_import (&imp, ignored, error);
}

EscCommand *
esc_template_import_command (EscProject *target,
                             EscProject *imported)
{
  ImportMark *mark;
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *label = NULL;

  g_return_val_if_fail (ESC_IS_PROJECT (target), NULL);
  g_return_val_if_fail (ESC_IS_PROJECT (imported), NULL);

  mark = g_object_get_qdata (G_OBJECT (imported), import_mark_quark ());
  for (guint t = 0; t < ESC_N_TABLES; t++)
    {
      EscTable *source = esc_project_get_table (imported, t);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

      if (mark != NULL && !mark->tables_read[t] &&
          !(t == ESC_TABLE_PARAMETER && mark->parameters_defaulted))
        continue;

      if (t == ESC_TABLE_PARAMETER && mark != NULL && !mark->tables_read[t])
        {
          /* Defaulted parameters: keep the target's, set the start date (the history
           * changed), add a horizon only where the target has none. */
          EscTable *current = esc_project_get_table (target, t);
          const char *start = esc_project_get_parameter (imported, "start_date");
          gboolean has_start = FALSE, has_horizon = FALSE;

          for (guint i = 0; i < esc_table_get_n_rows (current); i++)
            {
              EscRow *row = esc_row_copy (esc_table_get_row (current, i));
              const char *key = esc_row_get (row, ESC_PARAMETER_KEY);

              if (g_str_equal (key, "start_date") && start != NULL)
                {
                  esc_row_set (row, ESC_PARAMETER_VALUE, start);
                  has_start = TRUE;
                }
              else if (g_str_equal (key, "max_horizon"))
                {
                  g_autofree char *value = esc_strip_dup (esc_row_get (row, ESC_PARAMETER_VALUE));

                  if (*value == '\0')
                    esc_row_set (row, ESC_PARAMETER_VALUE,
                                 esc_project_get_parameter (imported, "max_horizon"));
                  has_horizon = TRUE;
                }
              g_ptr_array_add (rows, row);
            }
          if (!has_start && start != NULL)
            g_ptr_array_add (rows, esc_row_new_with_values (ESC_TABLE_PARAMETER,
                                                            (const char *[]) { "start_date",
                                                                               start }));
          if (!has_horizon)
            g_ptr_array_add (rows, esc_row_new_with_values (
                ESC_TABLE_PARAMETER,
                (const char *[]) { "max_horizon",
                                   esc_project_get_parameter (imported, "max_horizon") }));
        }
      else
        for (guint i = 0; i < esc_table_get_n_rows (source); i++)
          g_ptr_array_add (rows, esc_row_copy (esc_table_get_row (source, i)));

      g_ptr_array_add (children,
                       esc_command_new_replace_rows (esc_project_get_table (target, t), rows));
    }

  if (mark != NULL && mark->display_name != NULL)
    /* Translators: the undo label of an import; %s is the file name. */
    label = g_strdup_printf (_("Import “%s”"), mark->display_name);
  else
    label = g_strdup (_("Import"));
  return esc_command_new_group (label, children);
}
