/* test-csv.c: tests of CSV writing and reading (src/io/esc-csv.c).
 *
 * RFC 4180 quoting both ways, line ends, the byte order mark, the separator Excel uses in
 * pt_BR, text that is not UTF-8, damaged input, and a round trip of random fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-test"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "io/esc-csv.h"
#include "io/esc-io-error.h"
#include "test-io.h"

/* Parses @text and checks it against @expected: records separated by "|", fields by "^"
 * (an empty record is one empty field); NULL: no records at all. */
static void
assert_parses (const char *text,
               gssize      len,
               char        separator,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = esc_csv_parse (text, len, separator, "test.csv", NULL, &error);
  g_auto(GStrv) rows = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (records);
  if (expected == NULL)
    {
      g_assert_cmpuint (records->len, ==, 0);
      return;
    }
  if (*expected != '\0')
    rows = g_strsplit (expected, "|", -1);
  else
    {
      rows = g_new0 (char *, 2);
      rows[0] = g_strdup ("");
    }
  g_assert_cmpuint (records->len, ==, g_strv_length (rows));
  for (guint r = 0; rows[r] != NULL; r++)
    {
      const char * const one_empty[] = { "", NULL };
      g_auto(GStrv) fields = g_strsplit (rows[r], "^", -1);

      if (*rows[r] == '\0')
        {
          g_assert_cmpstrv ((const char * const *) g_ptr_array_index (records, r), one_empty);
          continue;
        }
      g_assert_cmpstrv ((const char * const *) g_ptr_array_index (records, r),
                        (const char * const *) fields);
    }
}

static void
test_parse_basic (void)
{
  assert_parses ("", -1, 0, NULL);
  assert_parses ("a,b,c\r\n1,2,3\r\n", -1, 0, "a^b^c|1^2^3");
  assert_parses ("a,b,c\n1,2,3", -1, 0, "a^b^c|1^2^3");       /* LF, no final line end */
  assert_parses ("a,b\r1,2\r", -1, 0, "a^b|1^2");             /* CR alone */
  assert_parses ("a,,c\n,\n", -1, 0, "a^^c|^");                /* empty fields */
  assert_parses ("a\n\nb\n", -1, 0, "a||b");                    /* an empty line */
  assert_parses ("x,\n", -1, 0, "x^");                          /* trailing separator */
}

static void
test_parse_quotes (void)
{
  assert_parses ("\"a,b\",c\r\n", -1, 0, "a,b^c");
  assert_parses ("\"say \"\"hi\"\"\",x\n", -1, 0, "say \"hi\"^x");
  assert_parses ("\"two\r\nlines\",\"and\nthree\"\r\nnext,row\r\n", -1, 0,
                 "two\r\nlines^and\nthree|next^row");
  assert_parses ("\"\",\"\"\n", -1, 0, "^");
  assert_parses ("\"\"", -1, 0, "");  /* one empty field */
  /* Lenient: a quote inside an unquoted field, text after a closing quote. */
  assert_parses ("5\" screen,\"a\"b\n", -1, 0, "5\" screen^ab");
}

static void
test_parse_bom_and_separator (void)
{
  assert_parses ("\xEF\xBB\xBF" "id,name\nE1,Ana\n", -1, 0, "id^name|E1^Ana");
  /* Excel in pt_BR: semicolons, decimal commas. */
  assert_parses ("id;horas\nE1;7,5\n", -1, 0, "id^horas|E1^7,5");
  assert_parses ("\"a;b\",c;d\n", -1, 0, "a;b^c;d");           /* a tie: commas */
  assert_parses ("a;b,c\n", -1, ';', "a^b,c");
  assert_parses ("a;b,c\n", -1, ',', "a;b^c");
}

static void
test_parse_encoding (void)
{
  g_autoptr(GError) error = NULL;
  gboolean converted = FALSE;
  /* "Função;Horário" in Windows-1252. */
  const char latin[] = "Fun\xE7\xE3o;Hor\xE1rio\nCaixa;manh\xE3\n";
  g_autoptr(GPtrArray) records = esc_csv_parse (latin, -1, 0, NULL, &converted, &error);

  g_assert_no_error (error);
  g_assert_true (converted);
  g_assert_cmpstr (((char **) g_ptr_array_index (records, 0))[0], ==, "Função");
  g_assert_cmpstr (((char **) g_ptr_array_index (records, 1))[1], ==, "manhã");
  g_clear_pointer (&records, g_ptr_array_unref);

  records = esc_csv_parse ("Função\n", -1, 0, NULL, &converted, &error);
  g_assert_no_error (error);
  g_assert_false (converted);
}

static void
test_parse_errors (void)
{
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) records = esc_csv_parse ("a,b\n1,\"open\nstill open\n", -1, 0,
                                                  "bad.csv", NULL, &error);

    g_assert_null (records);
    g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT);
    g_assert_nonnull (strstr (error->message, "bad.csv"));
    g_assert_nonnull (strstr (error->message, "line 2"));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) records = esc_csv_parse ("a,b\0c", 5, 0, "nul.csv", NULL, &error);

    g_assert_null (records);
    g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GString) wide = g_string_new (NULL);
    g_autoptr(GPtrArray) records = NULL;

    for (guint i = 0; i <= ESC_CSV_MAX_FIELDS; i++)
      g_string_append (wide, "x,");
    records = esc_csv_parse (wide->str, wide->len, 0, "wide.csv", NULL, &error);
    g_assert_null (records);
    g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_TOO_LARGE);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) records = esc_csv_read_file ("/nonexistent/escala.csv", 0, NULL,
                                                      &error);

    g_assert_null (records);
    g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_READ);
  }
}

/* Random fields of awkward characters survive writing and reading. */
static void
test_round_trip (void)
{
  static const char * const pieces[] = {
    "a", "Z", " ", ",", ";", "\"", "\r\n", "\n", "\r", "ç", "ã", "—", "€", "0", "=1+1", "''",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  for (guint r = 0; r < 200; r++)
    {
      guint n_fields = g_test_rand_int_range (1, 8);
      char **fields = g_new0 (char *, n_fields + 1);

      for (guint f = 0; f < n_fields; f++)
        {
          GString *field = g_string_new (NULL);
          guint n_pieces = g_test_rand_int_range (0, 6);

          for (guint p = 0; p < n_pieces; p++)
            g_string_append (field, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
          fields[f] = g_string_free (field, FALSE);
        }
      /* A record of one empty field would read back as an empty line: give it text. */
      if (n_fields == 1 && *fields[0] == '\0')
        {
          g_free (fields[0]);
          fields[0] = g_strdup ("x");
        }
      esc_csv_append_record (out, (const char * const *) fields, n_fields);
      g_ptr_array_add (expected, fields);
    }

  records = esc_csv_parse (out->str, out->len, ',', NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, expected->len);
  for (guint r = 0; r < records->len; r++)
    g_assert_cmpstrv ((const char * const *) g_ptr_array_index (records, r),
                      (const char * const *) g_ptr_array_index (expected, r));
}

static void
test_write_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("escala-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "employee.csv", NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *contents = NULL;
  const EscTableSchema *schema = esc_schema_get_table (ESC_TABLE_PREVIOUS_ALLOCATION);

  g_assert_no_error (error);
  g_ptr_array_add (rows, esc_row_new_with_values (ESC_TABLE_PREVIOUS_ALLOCATION,
                                                  (const char *[]) { "Ana, \"A\"", "2026-12-05",
                                                                     "07:36" }));
  g_ptr_array_add (rows, esc_row_new_with_values (ESC_TABLE_PREVIOUS_ALLOCATION,
                                                  (const char *[]) { "Bruno", "2026-12-06", "C" }));
  g_assert_true (esc_csv_write_table (path, schema, rows, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
                   "employee,date,hours\r\n"
                   "\"Ana, \"\"A\"\"\",2026-12-05,07:36\r\n"
                   "Bruno,2026-12-06,C\r\n");

  g_unlink (path);
  g_rmdir (dir);
  g_assert_false (esc_csv_write_table (path, schema, rows, &error));
  g_assert_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE);
}

void
esc_test_add_csv_tests (void)
{
  g_test_add_func ("/io/csv/parse/basic", test_parse_basic);
  g_test_add_func ("/io/csv/parse/quotes", test_parse_quotes);
  g_test_add_func ("/io/csv/parse/bom-and-separator", test_parse_bom_and_separator);
  g_test_add_func ("/io/csv/parse/encoding", test_parse_encoding);
  g_test_add_func ("/io/csv/parse/errors", test_parse_errors);
  g_test_add_func ("/io/csv/round-trip", test_round_trip);
  g_test_add_func ("/io/csv/write-table", test_write_table);
}
