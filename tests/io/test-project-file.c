/* test-project-file.c: tests of the project file (src/io/esc-project-file.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-io"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "io/esc-io-error.h"
#include "io/esc-project-file.h"
#include "test-io.h"

/* Helpers ---------------------------------------------------------------------------- */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("escala-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0755);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @path, sorted and joined by ",". */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* A value for every cell that exercises the JSON writer: accents, quotes, backslashes,
 * new lines, tabs, emoji, control characters and surrounding spaces. */
static char *
make_value (const EscTableSchema *schema,
            guint                 row,
            guint                 column)
{
  static const char * const flavours[] = {
    "São Paulo – “centro”",
    "quote \" and backslash \\ and slash /",
    "line 1\nline 2\r\n\ttabbed",
    "emoji 😀🏪 and CJK 日本語",
    "  spaces around  ",
    "control \x01\x1f characters",
    "Ação, Função; café",
    "{\"not\": [\"json\"]}",
  };

  return g_strdup_printf ("%s %s%u %s", schema->columns[column].key, schema->key, row,
                          flavours[(row * 7 + column) % G_N_ELEMENTS (flavours)]);
}

static EscProject *
make_full_project (void)
{
  EscProject *project = esc_project_new ();

  for (guint t = 0; t < ESC_N_TABLES; t++)
    {
      const EscTableSchema *schema = esc_schema_get_table (t);
      EscTable *table = esc_project_get_table (project, t);

      for (guint r = 0; r < 3; r++)
        {
          g_autoptr(EscRow) row = esc_row_new (t);

          for (guint c = 0; c < schema->n_columns; c++)
            {
              g_autofree char *value = make_value (schema, r, c);
              esc_row_set (row, c, value);
            }
          if (r == 1)
            {
              esc_row_set_extra (row, "Observação", "Não “mexer”\n😀");
              esc_row_set_extra (row, "another extra", "x");
              esc_row_set_extra (row, "empty extra", "");
            }
          esc_table_append (table, row);
        }

      /* A row left empty by the user, and one with a single cell. */
      {
        g_autoptr(EscRow) empty = esc_row_new (t);
        g_autoptr(EscRow) single = esc_row_new (t);

        esc_table_append (table, empty);
        esc_row_set (single, schema->n_columns - 1, "last column only");
        esc_table_append (table, single);
      }
    }
  return project;
}

static void
assert_load_fails (const char *data,
                   int         code,
                   const char *first_part,
                   ...) G_GNUC_NULL_TERMINATED;

static void
assert_load_fails (const char *data,
                   int         code,
                   const char *first_part,
                   ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) project = NULL;
  va_list args;

  project = esc_project_file_load_data_full (data, -1, "test.escala", NULL, &error);
  g_assert_null (project);
  g_assert_error (error, ESC_IO_ERROR, code);
  g_test_message ("%s", error->message);

  va_start (args, first_part);
  for (const char *part = first_part; part != NULL; part = va_arg (args, const char *))
    if (strstr (error->message, part) == NULL)
      g_error ("message “%s” does not contain “%s”", error->message, part);
  va_end (args);
}

/* Tests ------------------------------------------------------------------------------ */

static void
test_round_trip (void)
{
  g_autoptr(EscProject) project = make_full_project ();
  g_autoptr(EscProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "all tables ção.escala", NULL);
  g_autofree char *path2 = g_build_filename (dir, "again.escala", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  /* Every table and every column is used. */
  for (guint t = 0; t < ESC_N_TABLES; t++)
    {
      const EscTableSchema *schema = esc_schema_get_table (t);
      EscRow *row = esc_table_get_row (esc_project_get_table (project, t), 0);

      for (guint c = 0; c < schema->n_columns; c++)
        g_assert_false (esc_row_is_empty (row, c));
    }

  g_assert_true (esc_project_file_save (project, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (esc_project_get_path (project), ==, path);
  g_assert_false (esc_project_get_modified (project));

  loaded = esc_project_file_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (esc_project_equal (project, loaded));
  g_assert_cmpstr (esc_project_get_path (loaded), ==, path);
  g_assert_false (esc_project_get_modified (loaded));
  g_assert_cmpstr (esc_row_get_extra (esc_table_get_row (esc_project_get_table (loaded, ESC_TABLE_MOVE), 1),
                                      "Observação"), ==, "Não “mexer”\n😀");
  g_assert_cmpstr (esc_row_get_extra (esc_table_get_row (esc_project_get_table (loaded, ESC_TABLE_MOVE), 1),
                                      "empty extra"), ==, "");

  /* Saving what was loaded gives the same bytes. */
  g_assert_true (esc_project_file_save (loaded, path2, &error));
  g_assert_no_error (error);
  first = read_file (path);
  second = read_file (path2);
  g_assert_cmpstr (first, ==, second);

  data = esc_project_file_to_data (loaded, &len);
  g_assert_cmpuint (len, ==, strlen (first));
  g_assert_cmpstr (data, ==, first);
  g_assert_true (g_utf8_validate (first, -1, NULL));
  g_assert_true (g_str_has_suffix (first, "}\n"));
  g_assert_nonnull (strstr (first, "\"generator\" : \"Escala " PACKAGE_VERSION "\""));

  /* Stable order: tables in schema order. */
  {
    const char *previous = first;

    for (guint t = 0; t < ESC_N_TABLES; t++)
      {
        g_autofree char *needle = g_strdup_printf ("\n    \"%s\" : [", esc_schema_get_table (t)->key);
        const char *at = strstr (first, needle);

        g_assert_nonnull (at);
        g_assert_true (at > previous);
        previous = at;
      }
  }

  remove_tree (dir);
}

static void
test_empty_project (void)
{
  g_autoptr(EscProject) project = esc_project_new ();
  g_autoptr(EscProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = esc_project_file_to_data (project, NULL);

  g_assert_nonnull (strstr (data, "\"format\" : \"escala-project\""));
  g_assert_nonnull (strstr (data, "\"version\" : 1,"));
  g_assert_nonnull (strstr (data, "\"employee\" : []"));

  loaded = esc_project_file_load_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_true (esc_project_equal (project, loaded));
  g_assert_null (esc_project_get_path (loaded));
  g_assert_false (esc_project_get_modified (loaded));
}

static void
test_values (void)
{
  static const char data[] =
    "{\n"
    "  \"format\": \"escala-project\", \"version\": 1,\n"
    "  \"tables\": {\n"
    "    \"employee\": [ { \"id\": \"E1\", \"name\": null, \"weekly_hours\": 44,\n"
    "                     \"max_consecutive_days\": 6.0, \"min_hours\": 7.5,\n"
    "                     \"max_hours\": 0.1, \"spare_capacity\": 1e1, \"max_weekends\": -3,\n"
    "                     \"full_time\": true, \"trainee\": false, \"skills\": \"\" } ],\n"
    "    \"parameter\": [ { \"key\": \"max_horizon\", \"value\": 28 },\n"
    "                     { \"key\": \"max_solution_time\", \"value\": 2.25 } ]\n"
    "  }\n"
    "}\n";
  g_autoptr(EscProject) project = NULL;
  g_autoptr(GError) error = NULL;
  EscRow *row;

  project = esc_project_file_load_data (data, sizeof data - 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  row = esc_table_get_row (esc_project_get_table (project, ESC_TABLE_EMPLOYEE), 0);
  g_assert_cmpstr (esc_row_get (row, ESC_EMPLOYEE_ID), ==, "E1");
  g_assert_cmpstr (esc_row_get (row, ESC_EMPLOYEE_NAME), ==, "");
  g_assert_cmpstr (esc_row_get (row, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "44");
  g_assert_cmpstr (esc_row_get (row, ESC_EMPLOYEE_MAX_CONSECUTIVE_DAYS), ==, "6");
  g_assert_cmpstr (esc_row_get (row, ESC_EMPLOYEE_MIN_HOURS), ==, "7.5");
  g_assert_cmpstr (esc_row_get (row, ESC_EMPLOYEE_MAX_HOURS), ==, "0.1");
  g_assert_cmpstr (esc_row_get (row, ESC_EMPLOYEE_SPARE_CAPACITY), ==, "10");
  g_assert_cmpstr (esc_row_get (row, ESC_EMPLOYEE_MAX_WEEKENDS), ==, "-3");
  g_assert_cmpstr (esc_row_get (row, ESC_EMPLOYEE_FULL_TIME), ==, "yes");
  g_assert_cmpstr (esc_row_get (row, ESC_EMPLOYEE_TRAINEE), ==, "no");
  g_assert_cmpstr (esc_row_get (row, ESC_EMPLOYEE_SKILLS), ==, "");
  g_assert_cmpstr (esc_project_get_parameter (project, "max_horizon"), ==, "28");
  g_assert_cmpstr (esc_project_get_parameter (project, "max_solution_time"), ==, "2.25");
  g_assert_false (esc_project_get_modified (project));
}

static void
test_unknown (void)
{
  static const char data[] =
    "{\n"
    "  \"format\": \"escala-project\", \"version\": 1, \"generator\": \"Escala 9.0\",\n"
    "  \"audit_log\": [ { \"who\": \"ana\" } ],\n"
    "  \"tables\": {\n"
    "    \"schedules\": [ { \"id\": \"v1\" } ],\n"
    "    \"store\": [ { \"id\": \"LJ01\", \"location\": \"LOC01\", \"observação\": \"nova\",\n"
    "                  \"_extra\": { \"name\": \"Loja Centro\", \"andar\": 2, \"location\": \"X\" } } ]\n"
    "  }\n"
    "}\n";
  g_autoptr(EscProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;
  g_autofree char *saved = NULL;
  g_autofree const char **keys = NULL;
  EscRow *row;
  guint n_keys = 0;

  project = esc_project_file_load_data_full (data, -1, "future.escala", &notes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  /* Unknown sections and tables are left out and reported. */
  g_assert_cmpuint (g_strv_length (notes), ==, 2);
  g_assert_nonnull (strstr (notes[0], "audit_log"));
  g_assert_nonnull (strstr (notes[0], "future.escala"));
  g_assert_nonnull (strstr (notes[1], "schedules"));
  for (guint t = 0; t < ESC_N_TABLES; t++)
    g_assert_cmpuint (esc_table_get_n_rows (esc_project_get_table (project, t)), ==,
                      t == ESC_TABLE_STORE ? 1 : 0);

  /* Unknown columns are kept as extras; an extra named like an empty column fills it. */
  row = esc_table_get_row (esc_project_get_table (project, ESC_TABLE_STORE), 0);
  g_assert_cmpstr (esc_row_get (row, ESC_STORE_ID), ==, "LJ01");
  g_assert_cmpstr (esc_row_get (row, ESC_STORE_LOCATION), ==, "LOC01");
  g_assert_cmpstr (esc_row_get (row, ESC_STORE_NAME), ==, "Loja Centro");
  keys = esc_row_get_extra_keys (row, &n_keys);
  g_assert_cmpuint (n_keys, ==, 3);
  g_assert_cmpstr (keys[0], ==, "andar");
  g_assert_cmpstr (keys[1], ==, "location");
  g_assert_cmpstr (keys[2], ==, "observação");
  g_assert_cmpstr (esc_row_get_extra (row, "andar"), ==, "2");
  g_assert_cmpstr (esc_row_get_extra (row, "location"), ==, "X");
  g_assert_cmpstr (esc_row_get_extra (row, "observação"), ==, "nova");

  /* Extras are written back under "_extra", sorted. */
  saved = esc_project_file_to_data (project, NULL);
  g_assert_nonnull (strstr (saved,
                            "        \"_extra\" : {\n"
                            "          \"andar\" : \"2\",\n"
                            "          \"location\" : \"X\",\n"
                            "          \"observação\" : \"nova\"\n"
                            "        }\n"));
  g_assert_null (strstr (saved, "schedules"));
  g_assert_null (strstr (saved, "audit_log"));

  /* No notes: an empty array, never NULL. */
  {
    g_autoptr(EscProject) again = NULL;
    g_auto(GStrv) none = NULL;

    again = esc_project_file_load_data_full (saved, -1, NULL, &none, &error);
    g_assert_no_error (error);
    g_assert_nonnull (none);
    g_assert_cmpuint (g_strv_length (none), ==, 0);
    g_assert_true (esc_project_equal (project, again));
  }
}

static void
test_refuse_version (void)
{
  assert_load_fails ("{ \"format\": \"escala-project\", \"version\": 3, \"tables\": {} }",
                     ESC_IO_ERROR_VERSION,
                     "newer version of Escala", "file format 3", "reads format 1", NULL);
  assert_load_fails ("{ \"format\": \"escala-project\", \"version\": 2.0, \"tables\": [] }",
                     ESC_IO_ERROR_VERSION, "file format 2", NULL);
  assert_load_fails ("{ \"format\": \"escala-project\", \"tables\": {} }",
                     ESC_IO_ERROR_FORMAT, "test.escala", "“version”", NULL);
  assert_load_fails ("{ \"format\": \"escala-project\", \"version\": \"one\" }",
                     ESC_IO_ERROR_FORMAT, "test.escala", "“one”", NULL);
  assert_load_fails ("{ \"format\": \"escala-project\", \"version\": 0 }",
                     ESC_IO_ERROR_FORMAT, "“0”", NULL);
  assert_load_fails ("{ \"format\": \"escala-project\", \"version\": 1.5 }",
                     ESC_IO_ERROR_FORMAT, "“1.5”", NULL);
}

static void
test_refuse_format (void)
{
  assert_load_fails ("{ \"format\": \"roster\", \"version\": 1 }",
                     ESC_IO_ERROR_FORMAT, "test.escala", "not an Escala project file",
                     "“roster”", "escala-project", NULL);
  assert_load_fails ("{ \"days\": 7, \"resources\": [] }",
                     ESC_IO_ERROR_FORMAT, "test.escala", "“format”", "escala-project", NULL);
  assert_load_fails ("{ \"format\": { \"name\": \"escala-project\" }, \"version\": 1 }",
                     ESC_IO_ERROR_FORMAT, "escala-project", NULL);
  assert_load_fails ("[ \"format\", \"escala-project\" ]",
                     ESC_IO_ERROR_FORMAT, "test.escala", "object", NULL);
  assert_load_fails ("42", ESC_IO_ERROR_FORMAT, "object", NULL);
  assert_load_fails ("", ESC_IO_ERROR_FORMAT, "test.escala", "empty", NULL);
  assert_load_fails ("  \n ", ESC_IO_ERROR_FORMAT, "empty", NULL);
}

static void
test_refuse_json (void)
{
  g_autoptr(GString) deep = g_string_new ("{ \"format\": \"escala-project\", \"version\": 1, \"x\": ");

  assert_load_fails ("{\n  \"format\": \"escala-project\",\n  \"version\": 1,\n  \"tables\": ]\n}",
                     ESC_IO_ERROR_FORMAT, "test.escala", "not JSON", "line 4", NULL);
  assert_load_fails ("{ \"format\": \"escala-project\", \"version\": 1, }",
                     ESC_IO_ERROR_FORMAT, "not JSON", "line 1", NULL);
  assert_load_fails ("{ \"format\": \"escala-project\" } trailing",
                     ESC_IO_ERROR_FORMAT, "not JSON", NULL);
  assert_load_fails ("PK\x03\x04 a zip file", ESC_IO_ERROR_FORMAT, "not JSON", NULL);
  assert_load_fails ("{ \"format\": \"escala-project\", \"version\": 1, \"tables\": { \"role\": "
                     "[ { \"id\": \"caf\xe9\" } ] } }",
                     ESC_IO_ERROR_FORMAT, "UTF-8", NULL);

  /* Deep nesting is refused before json-glib's recursive parser sees it. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_load_fails (deep->str, ESC_IO_ERROR_FORMAT, "nested", NULL);

  /* Brackets inside strings do not count. */
  {
    g_autoptr(GString) text = g_string_new ("{ \"format\": \"escala-project\", \"version\": 1, "
                                            "\"tables\": { \"role\": [ { \"id\": \"\\\"");
    g_autoptr(EscProject) project = NULL;
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < 1000; i++)
      g_string_append (text, "[{");
    g_string_append (text, "\" } ] } }");
    project = esc_project_file_load_data (text->str, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (esc_table_get_n_rows (esc_project_get_table (project, ESC_TABLE_ROLE)), ==, 1);
  }
}

static void
test_refuse_structure (void)
{
#define HEAD "{ \"format\": \"escala-project\", \"version\": 1, \"tables\": "
  assert_load_fails (HEAD "[] }", ESC_IO_ERROR_FORMAT, "test.escala", "“tables”", NULL);
  assert_load_fails (HEAD "{ \"employee\": { \"id\": \"E1\" } } }",
                     ESC_IO_ERROR_FORMAT, "test.escala", "“employee”", "list of rows", NULL);
  assert_load_fails (HEAD "{ \"employee\": null } }",
                     ESC_IO_ERROR_FORMAT, "“employee”", NULL);
  assert_load_fails (HEAD "{ \"employee\": [ { \"id\": \"E1\" }, \"E2\" ] } }",
                     ESC_IO_ERROR_FORMAT, "“employee”", "row 2", "object", NULL);
  assert_load_fails (HEAD "{ \"store\": [ { \"id\": \"S\" }, { \"id\": \"T\", \"name\": { \"a\": 1 } } ] } }",
                     ESC_IO_ERROR_FORMAT, "test.escala", "table “store”", "row 2", "column “name”",
                     "found an object", NULL);
  assert_load_fails (HEAD "{ \"role\": [ { \"id\": [ \"CAIXA\" ] } ] } }",
                     ESC_IO_ERROR_FORMAT, "table “role”", "row 1", "column “id”", "found a list", NULL);
  assert_load_fails (HEAD "{ \"role\": [ { \"id\": \"R\", \"unknown\": [] } ] } }",
                     ESC_IO_ERROR_FORMAT, "row 1", "column “unknown”", NULL);
  assert_load_fails (HEAD "{ \"role\": [ {}, {}, { \"id\": \"R\", \"_extra\": { \"k\": [ 1 ] } } ] } }",
                     ESC_IO_ERROR_FORMAT, "table “role”", "row 3", "column “k”", NULL);
  assert_load_fails (HEAD "{ \"role\": [ { \"id\": \"R\", \"_extra\": \"text\" } ] } }",
                     ESC_IO_ERROR_FORMAT, "row 1", "“_extra”", NULL);
#undef HEAD
}

static void
test_load_missing_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "nothing.escala", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EscProject) project = NULL;

  project = esc_project_file_load (path, &error);
  g_assert_null (project);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "nothing.escala"));

  /* A bad file is named by its name. */
  g_clear_error (&error);
  write_file (path, "{ \"format\": \"escala-project\", \"version\": 7 }");
  project = esc_project_file_load (path, &error);
  g_assert_null (project);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_VERSION);

  g_clear_error (&error);
  write_file (path, "{ \"format\": \"escala-project\", \"version\": 1, \"tables\": { \"role\": 1 } }");
  project = esc_project_file_load (path, &error);
  g_assert_null (project);
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "“nothing.escala”"));

  remove_tree (dir);
}

static void
test_atomic_save (void)
{
  g_autoptr(EscProject) project = make_full_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "p.escala", NULL);
  g_autofree char *backup = g_build_filename (dir, "p.escala.bak", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (esc_project_file_save (project, path, &error));
  g_assert_no_error (error);
  first = read_file (path);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "p.escala");

  esc_row_set (esc_table_get_row (esc_project_get_table (project, ESC_TABLE_EMPLOYEE), 0),
               ESC_EMPLOYEE_NAME, "Ana Souza");
  g_assert_true (esc_project_file_save (project, path, &error));
  g_assert_no_error (error);
  second = read_file (path);
  g_assert_cmpstr (first, !=, second);
  g_assert_nonnull (strstr (second, "Ana Souza"));

  contents = read_file (backup);
  g_assert_cmpstr (contents, ==, first);
  g_clear_pointer (&listing, g_free);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "p.escala,p.escala.bak");

  /* One backup: the previous content. */
  esc_project_set_parameter (project, "start_date", "2027-01-04");
  g_assert_true (esc_project_file_save (project, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  contents = read_file (backup);
  g_assert_cmpstr (contents, ==, second);
  g_clear_pointer (&listing, g_free);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "p.escala,p.escala.bak");

  remove_tree (dir);
}

static void
test_save_keeps_mode (void)
{
  g_autoptr(EscProject) project = esc_project_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "p.escala", NULL);
  GStatBuf st;

  write_file (path, "old");
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (esc_project_file_save (project, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);

  remove_tree (dir);
}

static void
test_save_through_symlink (void)
{
  g_autoptr(EscProject) project = esc_project_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *real = g_build_filename (dir, "real.escala", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.escala", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  GStatBuf st;

  write_file (real, "old");
  g_assert_cmpint (symlink ("real.escala", link_path), ==, 0);
  esc_project_set_parameter (project, "start_date", "2026-12-07");

  g_assert_true (esc_project_file_save (project, link_path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (esc_project_get_path (project), ==, link_path);
  g_assert_cmpint (g_lstat (link_path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  contents = read_file (real);
  g_assert_nonnull (strstr (contents, "2026-12-07"));
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "link.escala,real.escala,real.escala.bak");

  remove_tree (dir);
}

static void
test_save_missing_directory (void)
{
  g_autoptr(EscProject) project = make_full_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no such folder", NULL);
  g_autofree char *path = g_build_filename (missing, "p.escala", NULL);
  g_autofree char *listing = NULL;

  g_assert_false (esc_project_file_save (project, path, &error));
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "no such folder"));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_assert_null (esc_project_get_path (project));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "");

  remove_tree (dir);
}

static void
test_save_not_a_file (void)
{
  g_autoptr(EscProject) project = esc_project_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "folder.escala", NULL);
  g_autofree char *listing = NULL;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_false (esc_project_file_save (project, path, &error));
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "folder.escala"));
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "folder.escala");

  remove_tree (dir);
}

/* A failure after the temporary file was written (the backup cannot be replaced)
 * leaves the previous file and no temporary file. */
static void
test_save_failure_removes_temp (void)
{
  g_autoptr(EscProject) project = make_full_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "p.escala", NULL);
  g_autofree char *backup = g_build_filename (dir, "p.escala.bak", NULL);
  g_autofree char *inside = g_build_filename (backup, "keep", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  write_file (path, "previous content");
  g_assert_cmpint (g_mkdir (backup, 0755), ==, 0);
  write_file (inside, "x");

  g_assert_false (esc_project_file_save (project, path, &error));
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "p.escala"));
  g_assert_nonnull (strstr (error->message, "p.escala.bak"));
  g_assert_null (esc_project_get_path (project));

  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "previous content");
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "p.escala,p.escala.bak");

  remove_tree (dir);
}

static void
test_save_read_only_directory (void)
{
  g_autoptr(EscProject) project = make_full_project ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("running as root, which ignores permissions");
      return;
    }

  dir = make_temp_dir ();
  path = g_build_filename (dir, "p.escala", NULL);
  g_assert_true (esc_project_file_save (project, path, &error));
  g_assert_no_error (error);
  first = read_file (path);

  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  esc_project_set_parameter (project, "start_date", "2027-01-04");
  g_assert_false (esc_project_file_save (project, path, &error));
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "p.escala"));
  g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));

  contents = read_file (path);
  g_assert_cmpstr (contents, ==, first);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "p.escala");

  g_chmod (dir, 0755);
  remove_tree (dir);
}

static char *
find_sample (const char *name)
{
  const char *samples = g_getenv ("ESC_SAMPLES_DIR");
  const char *srcdir = g_getenv ("ESC_TEST_SRCDIR");

  if (samples != NULL)
    return g_build_filename (samples, name, NULL);
  if (srcdir != NULL)
    return g_build_filename (srcdir, "..", "data", "samples", name, NULL);
  return NULL;
}

/* @text without its "generator" line, which names the Escala that wrote it. */
static char *
drop_generator (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "  \"generator\" : "))
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static EscRow *
find_row (EscProject *project,
          EscTableId  table_id,
          guint       column,
          const char *value)
{
  EscTable *table = esc_project_get_table (project, table_id);

  for (guint i = 0; i < esc_table_get_n_rows (table); i++)
    if (g_strcmp0 (esc_row_get (esc_table_get_row (table, i), column), value) == 0)
      return esc_table_get_row (table, i);
  return NULL;
}

static void
test_sample (void)
{
  /* Tables not listed are empty. */
  static const struct { EscTableId table; guint n_rows; } counts[] = {
    { ESC_TABLE_LOCATION, 2 }, { ESC_TABLE_STORE, 2 }, { ESC_TABLE_ROLE, 3 },
    { ESC_TABLE_PATTERN, 4 }, { ESC_TABLE_EMPLOYEE, 18 }, { ESC_TABLE_DEMAND, 80 },
    { ESC_TABLE_HOLIDAY, 3 }, { ESC_TABLE_PREVIOUS_ALLOCATION, 109 },
    { ESC_TABLE_PARAMETER, 9 },
  };
  g_autofree char *path = find_sample ("loja-centro.escala");
  g_autoptr(EscProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *contents_rest = NULL;
  g_autofree char *saved_rest = NULL;
  EscJulian start = 0;
  int horizon = 0;
  EscRow *row;

  if (path == NULL)
    {
      g_test_skip ("ESC_SAMPLES_DIR is not set");
      return;
    }

  project = esc_project_file_load_full (path, &notes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpuint (g_strv_length (notes), ==, 0);
  for (guint t = 0; t < ESC_N_TABLES; t++)
    {
      guint expected = 0;

      for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
        if (counts[i].table == t)
          expected = counts[i].n_rows;
      g_test_message ("table %s", esc_schema_get_table (t)->key);
      g_assert_cmpuint (esc_table_get_n_rows (esc_project_get_table (project, t)), ==, expected);
    }

  /* Spot checks of the conversion from the workbook. */
  row = find_row (project, ESC_TABLE_PATTERN, ESC_PATTERN_ID, "FECHAMENTO");
  g_assert_nonnull (row);
  g_assert_cmpstr (esc_row_get (row, ESC_PATTERN_MON), ==, "14:00 - 22:00");
  g_assert_cmpstr (esc_row_get (row, ESC_PATTERN_SUN), ==, "10:00 - 18:00");
  row = find_row (project, ESC_TABLE_PATTERN, ESC_PATTERN_ID, "ABERTURA");
  g_assert_cmpstr (esc_row_get (row, ESC_PATTERN_SUN), ==, "");

  row = find_row (project, ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_ID, "E002");
  g_assert_nonnull (row);
  g_assert_cmpstr (esc_row_get (row, ESC_EMPLOYEE_PREFERRED_REST), ==, "mon");
  g_assert_cmpstr (esc_row_get (row, ESC_EMPLOYEE_PATTERNS), ==, "ABERTURA, FECHAMENTO");
  g_assert_cmpstr (esc_row_get (row, ESC_EMPLOYEE_WEEKLY_HOURS), ==, "44");
  g_assert_false (esc_row_is_empty (row, ESC_EMPLOYEE_NAME));
  row = find_row (project, ESC_TABLE_EMPLOYEE, ESC_EMPLOYEE_ID, "E012");
  g_assert_cmpstr (esc_row_get (row, ESC_EMPLOYEE_LEAVE), ==, "28/12/2026 13:00 - 29/12/2026 12:00");
  for (guint i = 0; i < 18; i++)
    g_assert_false (esc_row_is_empty (esc_table_get_row (esc_project_get_table (project, ESC_TABLE_EMPLOYEE), i),
                                      ESC_EMPLOYEE_NAME));

  row = find_row (project, ESC_TABLE_DEMAND, ESC_DEMAND_DAY, "2026-12-24");
  g_assert_nonnull (row);
  g_assert_cmpstr (esc_row_get (row, ESC_DEMAND_STORE), ==, "LJ01");
  g_assert_cmpstr (esc_row_get (row, ESC_DEMAND_QUANTITY), ==, "4");

  row = find_row (project, ESC_TABLE_HOLIDAY, ESC_HOLIDAY_DATE, "2026-12-25");
  g_assert_cmpstr (esc_row_get (row, ESC_HOLIDAY_NATIONAL), ==, "yes");
  row = find_row (project, ESC_TABLE_HOLIDAY, ESC_HOLIDAY_DATE, "2026-12-08");
  g_assert_cmpstr (esc_row_get (row, ESC_HOLIDAY_NATIONAL), ==, "no");
  g_assert_cmpstr (esc_row_get (row, ESC_HOLIDAY_REGION), ==, "LOC02");

  row = find_row (project, ESC_TABLE_PREVIOUS_ALLOCATION, ESC_PREVIOUS_HOURS, "C");
  g_assert_cmpstr (esc_row_get (row, ESC_PREVIOUS_EMPLOYEE), ==, "E005");
  g_assert_cmpstr (esc_row_get (row, ESC_PREVIOUS_DATE), ==, "2026-12-04");

  g_assert_true (esc_project_get_start_date (project, &start, &error));
  g_assert_no_error (error);
  g_assert_true (esc_project_get_horizon (project, &horizon, &error));
  g_assert_no_error (error);
  g_assert_cmpint (horizon, ==, 28);
  g_assert_cmpstr (esc_project_get_parameter (project, "granularity"), ==, "15");

  /* The sample is in canonical form: saving it changes nothing but the generator. */
  contents = read_file (path);
  saved = esc_project_file_to_data (project, NULL);
  contents_rest = drop_generator (contents);
  saved_rest = drop_generator (saved);
  g_assert_cmpstr (contents_rest, ==, saved_rest);
}

/* A project big enough that saving it takes a while (20,000 demand rows). */
static EscProject *
make_big_project (const char *quantity)
{
  EscProject *project = esc_project_new ();
  EscTable *demand = esc_project_get_table (project, ESC_TABLE_DEMAND);

  for (guint i = 0; i < 20000; i++)
    esc_table_append_values (demand, (const char *[ESC_DEMAND_N_COLUMNS]) {
      [ESC_DEMAND_STORE] = "LJ01", [ESC_DEMAND_ROLE] = "CAIXA", [ESC_DEMAND_DAY] = "mon",
      [ESC_DEMAND_START] = "08:00", [ESC_DEMAND_END] = "12:00",
      [ESC_DEMAND_QUANTITY] = quantity });
  return project;
}

/* A process killed at any point of a save leaves the file either as it was or as the
 * new version, complete, never half written. */
static void
test_save_killed (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "loja.escala", NULL);
  g_autoptr(EscProject) first = make_big_project ("1");
  g_autoptr(EscProject) second = make_big_project ("2");
  g_autoptr(GError) error = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  gsize len = 0;
  /* Kill points as fractions of a whole save's duration: before, during and after the
   * serialising, the write, the fsync and the renames. */
  const double fractions[] = { 0.0, 0.2, 0.5, 0.8, 0.9, 0.95, 1.0, 1.05, 1.2, 1.5, 2.0, 3.0 };
  guint n_old = 0, n_new = 0;
  gint64 begin, duration;

  begin = g_get_monotonic_time ();
  g_assert_true (esc_project_file_save (second, path, &error));
  duration = g_get_monotonic_time () - begin;
  g_test_message ("one save takes %" G_GINT64_FORMAT " µs", duration);
  g_assert_true (esc_project_file_save (first, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &first_text, &len, NULL));
  second_text = esc_project_file_to_data (second, &len);

  for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
    {
      g_autofree char *now = NULL;
      g_autoptr(EscProject) loaded = NULL;
      int status = 0;
      pid_t child;

      /* Start each round from the first version. */
      g_assert_true (g_file_set_contents (path, first_text, -1, NULL));
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          esc_project_file_save (second, path, NULL);
          _exit (0);
        }
      g_usleep ((gulong) (fractions[i] * (double) duration));
      kill (child, SIGKILL);
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);

      g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
      if (g_str_equal (now, first_text))
        n_old++;
      else
        {
          g_assert_cmpstr (now, ==, second_text);
          n_new++;
        }
      loaded = esc_project_file_load (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (loaded);
    }
  g_test_message ("killed saves: %u left the old file, %u the new one", n_old, n_new);
  g_assert_cmpuint (n_old + n_new, ==, G_N_ELEMENTS (fractions));
}

void
esc_test_add_project_file_tests (void)
{
  g_test_add_func ("/io/project-file/round-trip", test_round_trip);
  g_test_add_func ("/io/project-file/empty-project", test_empty_project);
  g_test_add_func ("/io/project-file/numbers-and-booleans", test_values);
  g_test_add_func ("/io/project-file/unknown-content", test_unknown);
  g_test_add_func ("/io/project-file/refuse/newer-version", test_refuse_version);
  g_test_add_func ("/io/project-file/refuse/wrong-format", test_refuse_format);
  g_test_add_func ("/io/project-file/refuse/invalid-json", test_refuse_json);
  g_test_add_func ("/io/project-file/refuse/structure", test_refuse_structure);
  g_test_add_func ("/io/project-file/load-missing-file", test_load_missing_file);
  g_test_add_func ("/io/project-file/save/atomic-backup", test_atomic_save);
  g_test_add_func ("/io/project-file/save/killed-mid-save", test_save_killed);
  g_test_add_func ("/io/project-file/save/keeps-mode", test_save_keeps_mode);
  g_test_add_func ("/io/project-file/save/through-symlink", test_save_through_symlink);
  g_test_add_func ("/io/project-file/save/missing-directory", test_save_missing_directory);
  g_test_add_func ("/io/project-file/save/not-a-file", test_save_not_a_file);
  g_test_add_func ("/io/project-file/save/failure-removes-temp", test_save_failure_removes_temp);
  g_test_add_func ("/io/project-file/save/read-only-directory", test_save_read_only_directory);
  g_test_add_func ("/io/project-file/sample", test_sample);
}
