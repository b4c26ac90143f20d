/* esc-xlsx-reader.c: a streaming reader of the cells of XLSX workbooks.
 *
 * The zip container is libgsf's GsfInfileZip. Every XML part is read with libxml2's
 * xmlTextReader fed straight from a GsfInput, so no part is ever held whole in memory
 * and no tree is built. The parts read, in order: _rels/.rels (to find the workbook),
 * xl/workbook.xml (sheet names, date system), its relationships (sheet, styles and
 * shared-string parts), xl/styles.xml (which styles are dates), xl/sharedStrings.xml
 * (kept in one buffer), and then a sheet each time its rows are asked for.
 *
 * Hostile input: DTDs are refused (OOXML parts never have one), entities are never
 * expanded, nothing is loaded from the network, libxml2's default limits stay on
 * (no XML_PARSE_HUGE), and parts, shared strings, styles and rows are capped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-io"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input-stdio.h>
#include <gsf/gsf-utils.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include "esc-io-error.h"
#include "esc-xlsx-reader.h"

#define MAX_STYLES     (1u << 20)             /* Excel allows 64,000 */
#define MAX_ROW_TEXT   (64u * 1024 * 1024)    /* text of one row, all cells together */
#define MAX_SST_TEXT   (G_MAXUINT32 - 1)      /* offsets into the shared strings are 32-bit */

/* No XML_PARSE_NOENT (entities stay references), no XML_PARSE_DTDLOAD/DTDATTR/DTDVALID,
 * no XML_PARSE_HUGE (libxml2 keeps its limits on text and depth), no network. */
#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT | \
                     XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* Excel serial of 1900-03-01 (the first day after the invented 1900-02-29). */
#define SERIAL_1900_03_01     61
#define JULIAN_1904_01_01     (ESC_XLSX_JULIAN_1899_12_30 + 1462u)
#define MAX_SERIAL_DAY        2958465   /* 9999-12-31 in the 1900 system */

struct _EscXlsxReader
{
  char       *display_name;   /* the file, for messages */
  GBytes     *bytes;          /* what esc_xlsx_reader_open_bytes() reads, or NULL */
  GsfInput   *input;
  GsfInfile  *zip;

  gboolean    uses_1904;
  char      **sheet_names;    /* NULL-terminated, workbook order */
  char      **sheet_parts;    /* zip path of each sheet, "" when the workbook has none */

  GByteArray *sst_text;       /* the shared strings, each NUL-terminated */
  GArray     *sst_offsets;    /* guint32: where each shared string starts in sst_text */

  guint8     *xf_is_date;     /* per cellXfs index: its number format is a date/time */
  guint       n_xfs;
};

typedef struct
{
  EscXlsxReader   *self;
  const char      *part;
  GsfInput        *input;
  xmlTextReaderPtr xml;
  int              type;         /* XML_READER_TYPE_* of the current node */
  gboolean         input_failed;
  char            *xml_message;  /* libxml2's first error */
  int              xml_line;
} PartReader;

typedef struct
{
  char *id;
  char *type;
  char *target;   /* resolved zip path */
} Relationship;

typedef enum
{
  VALUE_NUMBER,
  VALUE_SHARED,
  VALUE_STR,
  VALUE_INLINE,
  VALUE_BOOL,
  VALUE_ERROR,
  VALUE_DATE,
  VALUE_OTHER,
} ValueKind;

typedef enum
{
  COLLECT_NONE,
  COLLECT_VALUE,
  COLLECT_INLINE,
} Collecting;

/* State of one foreach_row() pass. */
typedef struct
{
  EscXlsxReader *self;
  const char    *sheet;
  EscXlsxRowFunc func;
  gpointer       user_data;

  guint          row;
  guint          col;
  GArray        *cells;         /* EscXlsxCell of the current row */
  GArray        *text_offsets;  /* gsize per cell: offset in row_text, or G_MAXSIZE */
  GString       *row_text;

  /* the current cell */
  ValueKind      kind;
  guint          style;
  gboolean       has_value;
  gboolean       has_inline;
  gboolean       has_formula;
  gboolean       in_phonetic;
  Collecting     collecting;
  GString       *value;
  GString       *inline_text;
} SheetPass;

/* Helpers: set-up and names */

static void
ensure_initialized (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      gsf_init ();
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

static guint32
julian_of (int year,
           int month,
           int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
relationship_free (Relationship *rel)
{
  g_free (rel->id);
  g_free (rel->type);
  g_free (rel->target);
  g_free (rel);
}

/* Resolves a relationship target against the part that holds the relationship.
 * "worksheets/sheet1.xml" from "xl/workbook.xml" is "xl/worksheets/sheet1.xml";
 * "/xl/worksheets/sheet1.xml" is absolute. Returns NULL for targets leaving the zip. */
static char *
resolve_target (const char *source_part,
                const char *target)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new ();
  g_auto(GStrv) base = NULL;
  g_auto(GStrv) relative = NULL;

  if (target[0] != '/')
    {
      base = g_strsplit (source_part, "/", -1);
      for (guint i = 0; base[i] != NULL && base[i + 1] != NULL; i++)
        if (base[i][0] != '\0')
          g_ptr_array_add (segments, base[i]);
    }

  relative = g_strsplit (target, "/", -1);
  for (guint i = 0; relative[i] != NULL; i++)
    {
      const char *segment = relative[i];

      if (segment[0] == '\0' || strcmp (segment, ".") == 0)
        continue;
      if (strcmp (segment, "..") == 0)
        {
          if (segments->len == 0)
            return NULL;
          g_ptr_array_set_size (segments, segments->len - 1);
          continue;
        }
      g_ptr_array_add (segments, (char *) segment);
    }

  if (segments->len == 0)
    return NULL;
  g_ptr_array_add (segments, NULL);
  return g_strjoinv ("/", (char **) segments->pdata);
}

/* "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"; "" -> "_rels/.rels". */
static char *
relationships_part_of (const char *source_part)
{
  const char *slash = strrchr (source_part, '/');

  if (slash == NULL)
    return g_strdup_printf ("_rels/%s.rels", source_part);
  return g_strdup_printf ("%.*s/_rels/%s.rels",
                          (int) (slash - source_part), source_part, slash + 1);
}

static GsfInput *
find_child_ignoring_case (GsfInfile  *dir,
                          const char *name)
{
  int n = gsf_infile_num_children (dir);

  for (int i = 0; i < n; i++)
    {
      const char *child_name = gsf_infile_name_by_index (dir, i);

      if (child_name != NULL && g_ascii_strcasecmp (child_name, name) == 0)
        return gsf_infile_child_by_index (dir, i);
    }
  return NULL;
}

/* Finds a file in the zip by its path. Part names are case-insensitive in OPC, so an
 * exact match is tried first, then one ignoring ASCII case. */
static GsfInput *
find_part (EscXlsxReader *self,
           const char    *path)
{
  g_auto(GStrv) names = g_strsplit (path, "/", -1);
  GsfInfile *dir = GSF_INFILE (g_object_ref (self->zip));
  GsfInput *child = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (names[i][0] == '\0')
        continue;

      if (dir == NULL)
        {
          /* a file where a folder was expected */
          g_clear_object (&child);
          return NULL;
        }

      g_clear_object (&child);
      child = gsf_infile_child_by_name (dir, names[i]);
      if (child == NULL)
        child = find_child_ignoring_case (dir, names[i]);
      g_object_unref (dir);
      dir = NULL;

      if (child == NULL)
        return NULL;
      if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        dir = GSF_INFILE (g_object_ref (child));
    }

  if (dir != NULL)
    {
      /* the path names a folder */
      g_object_unref (dir);
      g_clear_object (&child);
    }
  return child;
}

static gboolean
has_part (EscXlsxReader *self,
          const char    *path)
{
  GsfInput *input = find_part (self, path);

  if (input == NULL)
    return FALSE;
  g_object_unref (input);
  return TRUE;
}

static gboolean
parse_bool_attribute (const char *value)
{
  return value != NULL && (strcmp (value, "1") == 0 || g_ascii_strcasecmp (value, "true") == 0);
}

static guint
parse_uint_attribute (const char *value,
                      guint       fallback)
{
  guint64 number;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &number, NULL))
    return fallback;
  return (guint) number;
}

/* "B12" -> column 2, row 12. A reference without digits gives row 0. */
static gboolean
parse_cell_reference (const char *reference,
                      guint      *col,
                      guint      *row)
{
  const char *p = reference;
  guint c = 0;
  guint r = 0;

  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);
      if (c > ESC_XLSX_MAX_COLUMNS)
        return FALSE;
    }
  if (p == reference)
    return FALSE;

  for (; g_ascii_isdigit (*p); p++)
    {
      r = r * 10 + (guint) (*p - '0');
      if (r > ESC_XLSX_MAX_ROWS)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  *col = c;
  *row = r;
  return TRUE;
}

/* Number formats */

static gboolean
is_builtin_date_format (guint id)
{
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) ||
         (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/* A format shows a date or time when it has d, m, y, h or s outside quoted text,
 * brackets ([$-416], [Red], [h]) and escaped characters (\x, _x, *x). */
static gboolean
is_date_format_code (const char *code)
{
  for (const char *p = code; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          p = strchr (p + 1, '"');
          if (p == NULL)
            return FALSE;
          break;

        case '[':
          p = strchr (p + 1, ']');
          if (p == NULL)
            return FALSE;
          break;

        case '\\':
        case '_':
        case '*':
          if (p[1] != '\0')
            p++;
          break;

        case 'd': case 'D':
        case 'm': case 'M':
        case 'y': case 'Y':
        case 'h': case 'H':
        case 's': case 'S':
          return TRUE;

        default:
          break;
        }
    }
  return FALSE;
}

/* Dates */

/* The serial of a day in the workbook's date system, or FALSE before its start. */
static gboolean
julian_to_serial_day (guint32   julian,
                      gboolean  is_1904,
                      double   *day)
{
  if (is_1904)
    {
      if (julian < JULIAN_1904_01_01)
        return FALSE;
      *day = (double) (julian - JULIAN_1904_01_01);
      return TRUE;
    }

  if (julian >= ESC_XLSX_JULIAN_1899_12_30 + SERIAL_1900_03_01)
    *day = (double) (julian - ESC_XLSX_JULIAN_1899_12_30);
  else if (julian > ESC_XLSX_JULIAN_1899_12_30 + 1)
    *day = (double) (julian - ESC_XLSX_JULIAN_1899_12_30 - 1);  /* before the invented day */
  else
    return FALSE;
  return TRUE;
}

/* The value of a t="d" cell: "2021-03-01", "2021-03-01T08:00:00", "2021-03-01T08:00:00.000Z".
 * A zone suffix is ignored: Excel's dates carry none. */
static gboolean
parse_iso_date (const char *text,
                gboolean    is_1904,
                double     *serial)
{
  int year, month, day, consumed = 0;
  int hour = 0, minute = 0;
  double second = 0, days;
  const char *p;

  while (g_ascii_isspace (*text))
    text++;
  if (sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &consumed) != 3 || consumed != 10)
    return FALSE;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  p = text + consumed;
  if (*p == 'T' || *p == ' ')
    {
      consumed = 0;
      if (sscanf (p + 1, "%2d:%2d%n", &hour, &minute, &consumed) != 2 || consumed != 5)
        return FALSE;
      p += 1 + consumed;
      if (*p == ':')
        {
          char *end = NULL;

          second = g_ascii_strtod (p + 1, &end);
          if (end == p + 1)
            return FALSE;
          p = end;
        }
      if (hour > 23 || minute > 59 || second < 0 || second >= 61)
        return FALSE;
    }

  if (!julian_to_serial_day (julian_of (year, month, day), is_1904, &days))
    return FALSE;
  *serial = days + (hour * 3600.0 + minute * 60.0 + second) / 86400.0;
  return TRUE;
}

/* Reading XML parts */

static int
read_part_cb (void *context,
              char *buffer,
              int   len)
{
  PartReader *pr = context;
  gsf_off_t remaining = gsf_input_remaining (pr->input);
  size_t n;

  if (remaining <= 0 || len <= 0)
    return 0;

  n = (size_t) MIN ((gsf_off_t) len, remaining);
  if (gsf_input_read (pr->input, n, (guint8 *) buffer) == NULL)
    {
      pr->input_failed = TRUE;
      return -1;
    }
  return (int) n;
}

static int
close_part_cb (void *context)
{
  /* the GsfInput belongs to the PartReader */
  return 0;
}

static void
xml_error_cb (void        *user_data,
              xmlErrorPtr  error)
{
  PartReader *pr = user_data;

  if (error == NULL || error->level < XML_ERR_ERROR || pr->xml_message != NULL)
    return;

  /* libxml2's messages may span lines and quote bytes of the file */
  pr->xml_message = g_utf8_make_valid (error->message != NULL ? error->message : "", -1);
  g_strdelimit (g_strstrip (pr->xml_message), "\r\n\t", ' ');
  pr->xml_line = error->line;
}

static void
part_reader_clear (PartReader *pr)
{
  g_clear_pointer (&pr->xml, xmlFreeTextReader);
  g_clear_object (&pr->input);
  g_clear_pointer (&pr->xml_message, g_free);
}

static void
set_part_error (PartReader  *pr,
                GError     **error)
{
  if (pr->input_failed)
    g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_READ,
                 _("“%s” is damaged: part %s cannot be decompressed"),
                 pr->self->display_name, pr->part);
  else if (pr->xml_message != NULL)
    g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                 _("“%s” is damaged: part %s is not well-formed XML (line %d: %s)"),
                 pr->self->display_name, pr->part, pr->xml_line, pr->xml_message);
  else
    g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                 _("“%s” is damaged: part %s cannot be read as XML"),
                 pr->self->display_name, pr->part);
}

static gboolean
part_reader_open (PartReader     *pr,
                  EscXlsxReader  *self,
                  const char     *part,
                  GError        **error)
{
  gsf_off_t size;

  memset (pr, 0, sizeof *pr);
  pr->self = self;
  pr->part = part;

  pr->input = find_part (self, part);
  if (pr->input == NULL)
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_MISSING,
                   _("“%s” is damaged: part %s is missing"), self->display_name, part);
      return FALSE;
    }

  size = gsf_input_size (pr->input);
  if (size > ESC_XLSX_MAX_PART_SIZE)
    {
      g_autofree char *size_text = g_format_size ((guint64) size);
      g_autofree char *limit_text = g_format_size ((guint64) ESC_XLSX_MAX_PART_SIZE);

      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_TOO_LARGE,
                   _("“%s” is too large to import: part %s takes %s uncompressed, "
                     "more than the limit of %s"),
                   self->display_name, part, size_text, limit_text);
      part_reader_clear (pr);
      return FALSE;
    }

  pr->xml = xmlReaderForIO (read_part_cb, close_part_cb, pr, part, NULL, XML_OPTIONS);
  if (pr->xml == NULL)
    {
      set_part_error (pr, error);
      part_reader_clear (pr);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (pr->xml, xml_error_cb, pr);
  return TRUE;
}

/* Moves to the next node: 1 on a node, 0 at the end of the part, -1 on error. */
static int
part_reader_next (PartReader  *pr,
                  GError     **error)
{
  int ret = xmlTextReaderRead (pr->xml);

  if (ret == 1)
    {
      pr->type = xmlTextReaderNodeType (pr->xml);
      if (G_UNLIKELY (pr->type == XML_READER_TYPE_DOCUMENT_TYPE))
        {
          g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                       _("“%s” is damaged or unsafe: part %s has a document type "
                         "declaration, which spreadsheet files never contain"),
                       pr->self->display_name, pr->part);
          return -1;
        }
      return 1;
    }
  if (ret == 0 && !pr->input_failed && pr->xml_message == NULL)
    return 0;

  set_part_error (pr, error);
  return -1;
}

static gboolean
is_element (PartReader *pr,
            const char *local_name)
{
  return pr->type == XML_READER_TYPE_ELEMENT &&
         strcmp ((const char *) xmlTextReaderConstLocalName (pr->xml), local_name) == 0;
}

/* The value of the attribute @local_name of the current element: without a namespace,
 * or with any namespace when @namespaced (r:id in transitional or strict OOXML). */
static char *
dup_attribute (PartReader *pr,
               const char *local_name,
               gboolean    namespaced)
{
  char *value = NULL;

  for (int ok = xmlTextReaderMoveToFirstAttribute (pr->xml);
       ok == 1;
       ok = xmlTextReaderMoveToNextAttribute (pr->xml))
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (pr->xml);
      gboolean has_namespace = xmlTextReaderConstNamespaceUri (pr->xml) != NULL;

      if (strcmp (name, local_name) == 0 && has_namespace == namespaced)
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (pr->xml));
          break;
        }
    }
  xmlTextReaderMoveToElement (pr->xml);
  return value;
}

static gboolean
is_text_node (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* The workbook's parts */

/* Relationships of @source_part (empty when it has none). */
static GPtrArray *
read_relationships (EscXlsxReader  *self,
                    const char     *source_part,
                    GError        **error)
{
  g_autoptr(GPtrArray) relationships = g_ptr_array_new_with_free_func ((GDestroyNotify) relationship_free);
  g_autofree char *rels_part = relationships_part_of (source_part);
  PartReader pr;
  int ret;

  if (!has_part (self, rels_part))
    return g_steal_pointer (&relationships);
  if (!part_reader_open (&pr, self, rels_part, error))
    return NULL;

  while ((ret = part_reader_next (&pr, error)) == 1)
    {
      g_autofree char *id = NULL;
      g_autofree char *type = NULL;
      g_autofree char *target = NULL;
      g_autofree char *mode = NULL;
      Relationship *rel;

      if (!is_element (&pr, "Relationship"))
        continue;

      id = dup_attribute (&pr, "Id", FALSE);
      type = dup_attribute (&pr, "Type", FALSE);
      target = dup_attribute (&pr, "Target", FALSE);
      mode = dup_attribute (&pr, "TargetMode", FALSE);
      if (id == NULL || type == NULL || target == NULL ||
          g_strcmp0 (mode, "External") == 0)
        continue;

      rel = g_new0 (Relationship, 1);
      rel->id = g_steal_pointer (&id);
      rel->type = g_steal_pointer (&type);
      rel->target = resolve_target (source_part, target);
      if (rel->target == NULL)
        {
          relationship_free (rel);
          continue;
        }
      g_ptr_array_add (relationships, rel);
    }
  part_reader_clear (&pr);

  if (ret < 0)
    return NULL;
  return g_steal_pointer (&relationships);
}

/* The target of the first relationship whose type ends with "/@type_suffix"
 * (transitional and strict OOXML differ only before it). */
static const char *
find_relationship_by_type (GPtrArray  *relationships,
                           const char *type_suffix)
{
  for (guint i = 0; i < relationships->len; i++)
    {
      Relationship *rel = g_ptr_array_index (relationships, i);
      const char *slash = strrchr (rel->type, '/');

      if (slash != NULL && strcmp (slash + 1, type_suffix) == 0)
        return rel->target;
    }
  return NULL;
}

static const char *
find_relationship_by_id (GPtrArray  *relationships,
                         const char *id)
{
  for (guint i = 0; i < relationships->len; i++)
    {
      Relationship *rel = g_ptr_array_index (relationships, i);

      if (strcmp (rel->id, id) == 0)
        return rel->target;
    }
  return NULL;
}

/* Sheet names and the date system; returns the workbook's relationships. */
static GPtrArray *
read_workbook (EscXlsxReader  *self,
               const char     *workbook_part,
               GError        **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) relationships = NULL;
  PartReader pr;
  int ret;

  if (!part_reader_open (&pr, self, workbook_part, error))
    return NULL;

  while ((ret = part_reader_next (&pr, error)) == 1)
    {
      if (is_element (&pr, "workbookPr"))
        {
          g_autofree char *date1904 = dup_attribute (&pr, "date1904", FALSE);

          self->uses_1904 = parse_bool_attribute (date1904);
        }
      else if (is_element (&pr, "sheet"))
        {
          char *name = dup_attribute (&pr, "name", FALSE);

          if (name == NULL)
            continue;
          g_ptr_array_add (names, name);
          g_ptr_array_add (ids, dup_attribute (&pr, "id", TRUE));
        }
    }
  part_reader_clear (&pr);
  if (ret < 0)
    return NULL;

  relationships = read_relationships (self, workbook_part, error);
  if (relationships == NULL)
    return NULL;

  for (guint i = 0; i < names->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *target = id != NULL ? find_relationship_by_id (relationships, id) : NULL;

      g_ptr_array_add (parts, g_strdup (target != NULL ? target : ""));
    }
  g_ptr_array_add (names, NULL);
  g_ptr_array_add (parts, NULL);
  self->sheet_names = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
  self->sheet_parts = (char **) g_ptr_array_free (g_steal_pointer (&parts), FALSE);

  return g_steal_pointer (&relationships);
}

/* Which cell styles (cellXfs) show dates: custom numFmts first (they may redefine a
 * built-in id), then the built-in date formats. */
static gboolean
read_styles (EscXlsxReader  *self,
             const char     *part,
             GError        **error)
{
  g_autoptr(GHashTable) custom = g_hash_table_new (NULL, NULL);  /* id -> 1 + is_date */
  g_autoptr(GArray) xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean in_num_fmts = FALSE;
  gboolean in_cell_xfs = FALSE;
  PartReader pr;
  int ret;

  if (!part_reader_open (&pr, self, part, error))
    return FALSE;

  while ((ret = part_reader_next (&pr, error)) == 1)
    {
      int type = pr.type;
      int depth = xmlTextReaderDepth (pr.xml);
      const char *name;

      if (depth > 2)
        continue;
      if (type == XML_READER_TYPE_END_ELEMENT && depth == 1)
        {
          in_num_fmts = in_cell_xfs = FALSE;
          continue;
        }
      if (type != XML_READER_TYPE_ELEMENT)
        continue;

      name = (const char *) xmlTextReaderConstLocalName (pr.xml);
      if (depth == 1)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (pr.xml) == 1;

          in_num_fmts = !empty && strcmp (name, "numFmts") == 0;
          in_cell_xfs = !empty && strcmp (name, "cellXfs") == 0;
        }
      else if (in_num_fmts && strcmp (name, "numFmt") == 0)
        {
          g_autofree char *id_text = dup_attribute (&pr, "numFmtId", FALSE);
          g_autofree char *code = dup_attribute (&pr, "formatCode", FALSE);
          guint id = parse_uint_attribute (id_text, G_MAXUINT);

          if (id != G_MAXUINT && code != NULL &&
              g_hash_table_size (custom) < MAX_STYLES)
            g_hash_table_insert (custom, GUINT_TO_POINTER (id),
                                 GUINT_TO_POINTER (1 + is_date_format_code (code)));
        }
      else if (in_cell_xfs && strcmp (name, "xf") == 0)
        {
          g_autofree char *id_text = dup_attribute (&pr, "numFmtId", FALSE);
          guint id = parse_uint_attribute (id_text, 0);

          if (xf_formats->len >= MAX_STYLES)
            {
              g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_TOO_LARGE,
                           _("“%s” is too large to import: part %s has more than %u cell styles"),
                           self->display_name, part, MAX_STYLES);
              ret = -1;
              break;
            }
          g_array_append_val (xf_formats, id);
        }
    }
  part_reader_clear (&pr);
  if (ret < 0)
    return FALSE;

  self->n_xfs = xf_formats->len;
  self->xf_is_date = g_new0 (guint8, MAX (self->n_xfs, 1));
  for (guint i = 0; i < self->n_xfs; i++)
    {
      guint id = g_array_index (xf_formats, guint, i);
      guint custom_kind = GPOINTER_TO_UINT (g_hash_table_lookup (custom, GUINT_TO_POINTER (id)));

      if (custom_kind != 0)
        self->xf_is_date[i] = custom_kind == 2;
      else
        self->xf_is_date[i] = is_builtin_date_format (id);
    }
  return TRUE;
}

/* The shared-string table: the text of each <si>, runs (<r><t>) joined, phonetic
 * guides (<rPh>) left out. */
static gboolean
read_shared_strings (EscXlsxReader  *self,
                     const char     *part,
                     GError        **error)
{
  gboolean in_item = FALSE;
  gboolean in_text = FALSE;
  gboolean in_phonetic = FALSE;
  PartReader pr;
  int ret;

  self->sst_text = g_byte_array_new ();
  self->sst_offsets = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (!part_reader_open (&pr, self, part, error))
    return FALSE;

  while ((ret = part_reader_next (&pr, error)) == 1)
    {
      int type = pr.type;

      if (type == XML_READER_TYPE_ELEMENT)
        {
          const char *name = (const char *) xmlTextReaderConstLocalName (pr.xml);
          gboolean empty = xmlTextReaderIsEmptyElement (pr.xml) == 1;

          if (strcmp (name, "si") == 0 && xmlTextReaderDepth (pr.xml) == 1)
            {
              guint32 offset = self->sst_text->len;

              if (self->sst_offsets->len >= ESC_XLSX_MAX_SHARED_STRINGS)
                {
                  g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_TOO_LARGE,
                               _("“%s” is too large to import: part %s has more than %u strings"),
                               self->display_name, part, ESC_XLSX_MAX_SHARED_STRINGS);
                  ret = -1;
                  break;
                }
              g_array_append_val (self->sst_offsets, offset);
              if (empty)
                g_byte_array_append (self->sst_text, (const guint8 *) "", 1);
              else
                in_item = TRUE;
              in_text = in_phonetic = FALSE;
            }
          else if (in_item && strcmp (name, "rPh") == 0)
            in_phonetic = !empty;
          else if (in_item && !in_phonetic && strcmp (name, "t") == 0)
            in_text = !empty;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT && in_item)
        {
          const char *name = (const char *) xmlTextReaderConstLocalName (pr.xml);

          if (strcmp (name, "si") == 0 && xmlTextReaderDepth (pr.xml) == 1)
            {
              g_byte_array_append (self->sst_text, (const guint8 *) "", 1);
              in_item = in_text = in_phonetic = FALSE;
            }
          else if (strcmp (name, "rPh") == 0)
            in_phonetic = FALSE;
          else if (strcmp (name, "t") == 0)
            in_text = FALSE;
        }
      else if (in_text && is_text_node (type))
        {
          const char *text = (const char *) xmlTextReaderConstValue (pr.xml);
          gsize len = text != NULL ? strlen (text) : 0;

          if (len > MAX_SST_TEXT - 1 - self->sst_text->len)
            {
              g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_TOO_LARGE,
                           _("“%s” is too large to import: part %s holds too much text"),
                           self->display_name, part);
              ret = -1;
              break;
            }
          g_byte_array_append (self->sst_text, (const guint8 *) text, (guint) len);
        }
    }
  part_reader_clear (&pr);
  if (ret < 0)
    return FALSE;

  /* a table cut short inside an item still ends with a NUL */
  if (in_item)
    g_byte_array_append (self->sst_text, (const guint8 *) "", 1);
  return TRUE;
}

static gboolean
check_not_ole (EscXlsxReader  *self,
               GError        **error)
{
  static const guint8 ole_magic[8] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
  guint8 head[8];

  gboolean is_ole;

  if (gsf_input_size (self->input) < (gsf_off_t) sizeof head)
    return TRUE;
  is_ole = gsf_input_read (self->input, sizeof head, head) != NULL &&
           memcmp (head, ole_magic, sizeof head) == 0;
  gsf_input_seek (self->input, 0, G_SEEK_SET);
  if (!is_ole)
    return TRUE;

  g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_READ,
               _("“%s” is not an XLSX workbook: it is an Excel 97–2003 (.xls) file or a "
                 "password-protected workbook. Save it as an unprotected .xlsx workbook "
                 "and import that."),
               self->display_name);
  return FALSE;
}

/* Takes ownership of @input, @bytes and @display_name. */
static EscXlsxReader *
open_input (GsfInput    *input,
            GBytes      *bytes,
            char        *display_name,
            GError     **error)
{
  g_autoptr(EscXlsxReader) self = g_new0 (EscXlsxReader, 1);
  g_autoptr(GError) zip_error = NULL;
  g_autoptr(GPtrArray) root_relationships = NULL;
  g_autoptr(GPtrArray) relationships = NULL;
  g_autofree char *workbook_part = NULL;
  const char *target;

  self->input = input;
  self->bytes = bytes;
  self->display_name = display_name;

  if (!check_not_ole (self, error))
    return NULL;

  self->zip = gsf_infile_zip_new (self->input, &zip_error);
  if (self->zip == NULL)
    {
      g_debug ("%s: not a zip: %s", self->display_name,
               zip_error != NULL ? zip_error->message : "(no details)");
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_READ,
                   _("“%s” is not an XLSX workbook: it is not a zip archive, or it is "
                     "damaged or incomplete"),
                   self->display_name);
      return NULL;
    }

  root_relationships = read_relationships (self, "", error);
  if (root_relationships == NULL)
    return NULL;
  target = find_relationship_by_type (root_relationships, "officeDocument");
  workbook_part = g_strdup (target != NULL && has_part (self, target) ? target : "xl/workbook.xml");

  if (!has_part (self, workbook_part))
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_MISSING,
                   _("“%s” is not an XLSX workbook: it has no workbook part (%s)"),
                   self->display_name, workbook_part);
      return NULL;
    }

  relationships = read_workbook (self, workbook_part, error);
  if (relationships == NULL)
    return NULL;

  {
    const char *styles = find_relationship_by_type (relationships, "styles");
    const char *shared = find_relationship_by_type (relationships, "sharedStrings");
    g_autofree char *styles_fallback = NULL;
    g_autofree char *shared_fallback = NULL;

    /* writers that leave out the relationships still use the usual names */
    if (styles == NULL)
      styles = styles_fallback = resolve_target (workbook_part, "styles.xml");
    if (shared == NULL)
      shared = shared_fallback = resolve_target (workbook_part, "sharedStrings.xml");

    if (styles != NULL && has_part (self, styles) && !read_styles (self, styles, error))
      return NULL;
    if (shared != NULL && has_part (self, shared))
      {
        if (!read_shared_strings (self, shared, error))
          return NULL;
      }
    else
      {
        self->sst_text = g_byte_array_new ();
        self->sst_offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
      }
  }

  return g_steal_pointer (&self);
}

/* Reading a sheet */

static void
set_cell_error (SheetPass   *pass,
                GError     **error,
                int          code,
                const char  *message)
{
  g_autofree char *address = esc_xlsx_cell_address (pass->row, pass->col);

  /* TRANSLATORS: file, sheet!cell, what is wrong */
  g_set_error (error, ESC_IO_ERROR, code, _("“%s”, cell %s!%s: %s"),
               pass->self->display_name, pass->sheet, address, message);
}

static void
begin_cell (SheetPass *pass)
{
  pass->kind = VALUE_NUMBER;
  pass->style = 0;
  pass->has_value = pass->has_inline = pass->has_formula = pass->in_phonetic = FALSE;
  pass->collecting = COLLECT_NONE;
  g_string_truncate (pass->value, 0);
  g_string_truncate (pass->inline_text, 0);
}

/* Reads r, t and s of a <c>. */
static gboolean
read_cell_attributes (SheetPass   *pass,
                      PartReader  *pr,
                      GError     **error)
{
  gboolean has_reference = FALSE;
  guint col = pass->col + 1;

  for (int ok = xmlTextReaderMoveToFirstAttribute (pr->xml);
       ok == 1;
       ok = xmlTextReaderMoveToNextAttribute (pr->xml))
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (pr->xml);
      const char *value = (const char *) xmlTextReaderConstValue (pr->xml);

      if (value == NULL || name[1] != '\0')
        continue;

      if (name[0] == 'r')
        {
          guint row;

          if (!parse_cell_reference (value, &col, &row))
            {
              g_autofree char *message = g_strdup_printf (_("the cell reference “%s” is not valid"),
                                                          value);

              xmlTextReaderMoveToElement (pr->xml);
              pass->col = MIN (pass->col + 1, ESC_XLSX_MAX_COLUMNS);
              set_cell_error (pass, error, ESC_IO_ERROR_FORMAT, message);
              return FALSE;
            }
          has_reference = TRUE;
        }
      else if (name[0] == 't')
        {
          if (strcmp (value, "n") == 0)
            pass->kind = VALUE_NUMBER;
          else if (strcmp (value, "s") == 0)
            pass->kind = VALUE_SHARED;
          else if (strcmp (value, "str") == 0)
            pass->kind = VALUE_STR;
          else if (strcmp (value, "inlineStr") == 0)
            pass->kind = VALUE_INLINE;
          else if (strcmp (value, "b") == 0)
            pass->kind = VALUE_BOOL;
          else if (strcmp (value, "e") == 0)
            pass->kind = VALUE_ERROR;
          else if (strcmp (value, "d") == 0)
            pass->kind = VALUE_DATE;
          else
            pass->kind = VALUE_OTHER;
        }
      else if (name[0] == 's')
        pass->style = parse_uint_attribute (value, 0);
    }
  xmlTextReaderMoveToElement (pr->xml);

  if (!has_reference && col > ESC_XLSX_MAX_COLUMNS)
    {
      pass->col = ESC_XLSX_MAX_COLUMNS;
      set_cell_error (pass, error, ESC_IO_ERROR_FORMAT,
                      _("the row has cells beyond the last column"));
      return FALSE;
    }
  pass->col = col;
  return TRUE;
}

static void
add_cell (SheetPass       *pass,
          EscXlsxCellType  type,
          const char      *external_text,
          const GString   *own_text,
          double           number,
          gboolean         is_date)
{
  EscXlsxCell cell = {
    .row = pass->row,
    .col = pass->col,
    .type = type,
    .text = external_text,
    .number = number,
    .is_date = is_date,
    .has_formula = pass->has_formula,
  };
  gsize offset = G_MAXSIZE;

  if (own_text != NULL)
    {
      offset = pass->row_text->len;
      g_string_append_len (pass->row_text, own_text->str, (gssize) own_text->len);
      g_string_append_c (pass->row_text, '\0');
    }
  g_array_append_val (pass->cells, cell);
  g_array_append_val (pass->text_offsets, offset);
}

/* Turns the <c> just read into a cell of the row, or into nothing when it has neither
 * value nor formula. */
static gboolean
finish_cell (SheetPass  *pass,
             GError    **error)
{
  EscXlsxReader *self = pass->self;
  const char *value = pass->value->str;
  g_autofree char *message = NULL;

  if (pass->cells->len >= ESC_XLSX_MAX_COLUMNS)
    {
      set_cell_error (pass, error, ESC_IO_ERROR_FORMAT, _("the row has too many cells"));
      return FALSE;
    }
  if (pass->row_text->len + pass->value->len + pass->inline_text->len > MAX_ROW_TEXT)
    {
      set_cell_error (pass, error, ESC_IO_ERROR_TOO_LARGE, _("the row holds too much text"));
      return FALSE;
    }

  if (pass->has_inline && (pass->kind == VALUE_INLINE || !pass->has_value))
    {
      add_cell (pass, ESC_XLSX_STRING, NULL, pass->inline_text, 0, FALSE);
      return TRUE;
    }

  if (!pass->has_value)
    {
      if (pass->has_formula)
        add_cell (pass, ESC_XLSX_EMPTY, "", NULL, 0, FALSE);
      return TRUE;
    }

  switch (pass->kind)
    {
    case VALUE_SHARED:
      {
        guint64 index;

        g_strstrip (pass->value->str);
        if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &index, NULL) ||
            index >= self->sst_offsets->len)
          {
            message = g_strdup_printf (_("the shared string “%s” does not exist"), value);
            set_cell_error (pass, error, ESC_IO_ERROR_FORMAT, message);
            return FALSE;
          }
        add_cell (pass, ESC_XLSX_STRING,
                  (const char *) self->sst_text->data +
                  g_array_index (self->sst_offsets, guint32, (guint) index),
                  NULL, 0, FALSE);
        return TRUE;
      }

    case VALUE_STR:
    case VALUE_INLINE:
    case VALUE_OTHER:
      add_cell (pass, ESC_XLSX_STRING, NULL, pass->value, 0, FALSE);
      return TRUE;

    case VALUE_ERROR:
      add_cell (pass, ESC_XLSX_ERROR, NULL, pass->value, 0, FALSE);
      return TRUE;

    case VALUE_BOOL:
      g_strstrip (pass->value->str);
      if (strcmp (value, "1") == 0 || g_ascii_strcasecmp (value, "true") == 0)
        add_cell (pass, ESC_XLSX_BOOL, "TRUE", NULL, 1, FALSE);
      else if (strcmp (value, "0") == 0 || g_ascii_strcasecmp (value, "false") == 0)
        add_cell (pass, ESC_XLSX_BOOL, "FALSE", NULL, 0, FALSE);
      else
        {
          message = g_strdup_printf (_("“%s” is not a boolean value"), value);
          set_cell_error (pass, error, ESC_IO_ERROR_FORMAT, message);
          return FALSE;
        }
      return TRUE;

    case VALUE_DATE:
      {
        double serial;

        if (!parse_iso_date (value, self->uses_1904, &serial))
          {
            message = g_strdup_printf (_("“%s” is not a date that Excel can show"), value);
            set_cell_error (pass, error, ESC_IO_ERROR_FORMAT, message);
            return FALSE;
          }
        add_cell (pass, ESC_XLSX_NUMBER, NULL, pass->value, serial, TRUE);
        return TRUE;
      }

    case VALUE_NUMBER:
    default:
      {
        const char *p = value;
        char *end = NULL;
        double number;

        while (g_ascii_isspace (*p))
          p++;
        if (*p == '\0')
          {
            if (pass->has_formula)
              add_cell (pass, ESC_XLSX_EMPTY, "", NULL, 0, FALSE);
            return TRUE;
          }

        number = g_ascii_strtod (p, &end);
        while (end != NULL && g_ascii_isspace (*end))
          end++;
        if (end == p || end == NULL || *end != '\0' || !isfinite (number))
          {
            message = g_strdup_printf (_("“%s” is not a number"), value);
            set_cell_error (pass, error, ESC_IO_ERROR_FORMAT, message);
            return FALSE;
          }
        add_cell (pass, ESC_XLSX_NUMBER, NULL, pass->value, number,
                  pass->style < self->n_xfs && self->xf_is_date[pass->style]);
        return TRUE;
      }
    }
}

/* Hands the row to the callback. Returns FALSE to stop: with @error set on failure. */
static gboolean
emit_row (SheetPass  *pass,
          GError    **error)
{
  EscXlsxCell *cells = (EscXlsxCell *) (void *) pass->cells->data;
  guint n_cells = pass->cells->len;
  gboolean go_on;

  if (n_cells == 0)
    return TRUE;

  for (guint i = 0; i < n_cells; i++)
    {
      gsize offset = g_array_index (pass->text_offsets, gsize, i);

      if (offset != G_MAXSIZE)
        cells[i].text = pass->row_text->str + offset;
    }

  go_on = pass->func (pass->row, cells, n_cells, pass->user_data, error);

  g_array_set_size (pass->cells, 0);
  g_array_set_size (pass->text_offsets, 0);
  g_string_truncate (pass->row_text, 0);
  return go_on;
}

static gboolean
begin_row (SheetPass   *pass,
           PartReader  *pr,
           GError     **error)
{
  g_autofree char *reference = dup_attribute (pr, "r", FALSE);
  guint64 row;

  g_array_set_size (pass->cells, 0);
  g_array_set_size (pass->text_offsets, 0);
  g_string_truncate (pass->row_text, 0);
  pass->col = 0;

  if (reference == NULL)
    {
      if (pass->row >= ESC_XLSX_MAX_ROWS)
        {
          g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                       _("“%s”, sheet “%s”: rows go beyond row %u"),
                       pass->self->display_name, pass->sheet, ESC_XLSX_MAX_ROWS);
          return FALSE;
        }
      pass->row++;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (reference, 10, 1, ESC_XLSX_MAX_ROWS, &row, NULL))
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("“%s”, sheet “%s”: “%s” is not a valid row number"),
                   pass->self->display_name, pass->sheet, reference);
      return FALSE;
    }
  pass->row = (guint) row;
  return TRUE;
}

/* Streams <sheetData>: worksheet (depth 0) > sheetData (1) > row (2) > c (3) >
 * v, f, is (4) > t, r, rPh (5) > t (6). Stops at </sheetData>. */
static gboolean
read_sheet_data (SheetPass   *pass,
                 PartReader  *pr,
                 GError     **error)
{
  gboolean in_sheet_data = FALSE;
  gboolean in_row = FALSE;
  gboolean in_cell = FALSE;
  int ret;

  while ((ret = part_reader_next (pr, error)) == 1)
    {
      int type = pr->type;

      if (type == XML_READER_TYPE_ELEMENT)
        {
          const char *name = (const char *) xmlTextReaderConstLocalName (pr->xml);
          int depth = xmlTextReaderDepth (pr->xml);
          gboolean empty = xmlTextReaderIsEmptyElement (pr->xml) == 1;

          if (!in_sheet_data)
            {
              if (depth == 1 && strcmp (name, "sheetData") == 0)
                {
                  if (empty)
                    return TRUE;
                  in_sheet_data = TRUE;
                }
            }
          else if (in_cell)
            {
              if (depth == 4)
                {
                  pass->collecting = COLLECT_NONE;
                  if (strcmp (name, "v") == 0)
                    {
                      pass->has_value = TRUE;
                      if (!empty)
                        pass->collecting = COLLECT_VALUE;
                    }
                  else if (strcmp (name, "f") == 0)
                    pass->has_formula = TRUE;
                  else if (strcmp (name, "is") == 0)
                    pass->has_inline = TRUE;
                }
              else if (pass->has_inline && strcmp (name, "rPh") == 0)
                pass->in_phonetic = !empty;
              else if (pass->has_inline && !pass->in_phonetic && !empty &&
                       strcmp (name, "t") == 0)
                pass->collecting = COLLECT_INLINE;
            }
          else if (depth == 2 && strcmp (name, "row") == 0)
            {
              if (!begin_row (pass, pr, error))
                return FALSE;
              in_row = !empty;
            }
          else if (depth == 3 && in_row && strcmp (name, "c") == 0)
            {
              begin_cell (pass);
              if (!read_cell_attributes (pass, pr, error))
                return FALSE;
              if (empty)
                {
                  if (!finish_cell (pass, error))
                    return FALSE;
                }
              else
                in_cell = TRUE;
            }
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          int depth = xmlTextReaderDepth (pr->xml);

          if (in_cell && depth > 3)
            {
              const char *name = (const char *) xmlTextReaderConstLocalName (pr->xml);

              if (strcmp (name, "rPh") == 0)
                pass->in_phonetic = FALSE;
              else if (strcmp (name, "v") == 0 || strcmp (name, "t") == 0)
                pass->collecting = COLLECT_NONE;
            }
          else if (in_cell && depth == 3)
            {
              in_cell = FALSE;
              if (!finish_cell (pass, error))
                return FALSE;
            }
          else if (in_row && depth == 2)
            {
              in_row = FALSE;
              if (!emit_row (pass, error))
                return error == NULL || *error == NULL;
            }
          else if (in_sheet_data && depth == 1)
            return TRUE;  /* nothing after </sheetData> holds cells */
        }
      else if (pass->collecting != COLLECT_NONE && is_text_node (type))
        {
          GString *target = pass->collecting == COLLECT_VALUE ? pass->value : pass->inline_text;
          const char *text = (const char *) xmlTextReaderConstValue (pr->xml);

          if (text != NULL)
            {
              g_string_append (target, text);
              if (target->len > MAX_ROW_TEXT)
                {
                  set_cell_error (pass, error, ESC_IO_ERROR_TOO_LARGE,
                                  _("the cell holds too much text"));
                  return FALSE;
                }
            }
        }
    }

  return ret == 0;
}

/* Public API */

EscXlsxReader *
esc_xlsx_reader_open (const char  *path,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GsfInput *input;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ensure_initialized ();

  input = gsf_input_stdio_new (path, &local_error);
  if (input == NULL)
    {
      g_autofree char *display_name = g_filename_display_basename (path);

      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_READ, _("Cannot open “%s”: %s"),
                   display_name, local_error != NULL ? local_error->message : "?");
      return NULL;
    }

  return open_input (input, NULL, g_filename_display_basename (path), error);
}

EscXlsxReader *
esc_xlsx_reader_open_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  gsize size;
  const guint8 *data;
  GsfInput *input;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ensure_initialized ();

  data = g_bytes_get_data (bytes, &size);
  input = gsf_input_memory_new (data != NULL ? data : (const guint8 *) "", (gsf_off_t) size, FALSE);

  return open_input (input, g_bytes_ref (bytes),
                     g_strdup (display_name != NULL ? display_name : _("workbook")), error);
}

void
esc_xlsx_reader_free (EscXlsxReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->zip);
  g_clear_object (&self->input);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->sheet_names, g_strfreev);
  g_clear_pointer (&self->sheet_parts, g_strfreev);
  g_clear_pointer (&self->sst_text, g_byte_array_unref);
  g_clear_pointer (&self->sst_offsets, g_array_unref);
  g_clear_pointer (&self->xf_is_date, g_free);
  g_free (self);
}

const char * const *
esc_xlsx_reader_get_sheet_names (EscXlsxReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->sheet_names;
}

static int
find_sheet (EscXlsxReader *self,
            const char    *sheet_name)
{
  g_autofree char *folded = NULL;

  for (guint i = 0; self->sheet_names[i] != NULL; i++)
    if (strcmp (self->sheet_names[i], sheet_name) == 0)
      return (int) i;

  folded = g_utf8_casefold (sheet_name, -1);
  for (guint i = 0; self->sheet_names[i] != NULL; i++)
    {
      g_autofree char *other = g_utf8_casefold (self->sheet_names[i], -1);

      if (strcmp (folded, other) == 0)
        return (int) i;
    }
  return -1;
}

gboolean
esc_xlsx_reader_has_sheet (EscXlsxReader *self,
                           const char    *sheet_name)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (sheet_name != NULL, FALSE);

  return find_sheet (self, sheet_name) >= 0;
}

gboolean
esc_xlsx_reader_uses_1904 (EscXlsxReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->uses_1904;
}

gboolean
esc_xlsx_reader_foreach_row (EscXlsxReader   *self,
                             const char      *sheet_name,
                             EscXlsxRowFunc   func,
                             gpointer         user_data,
                             GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  SheetPass pass = { 0 };
  PartReader pr;
  const char *part;
  gboolean ok;
  int index;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (sheet_name != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  index = find_sheet (self, sheet_name);
  if (index < 0)
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_MISSING,
                   _("“%s” has no sheet named “%s”"), self->display_name, sheet_name);
      return FALSE;
    }

  part = self->sheet_parts[index];
  if (part[0] == '\0' || !has_part (self, part))
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_MISSING,
                   _("“%s” is damaged: the contents of sheet “%s” are missing"),
                   self->display_name, self->sheet_names[index]);
      return FALSE;
    }

  if (!part_reader_open (&pr, self, part, error))
    return FALSE;

  pass.self = self;
  pass.sheet = self->sheet_names[index];
  pass.func = func;
  pass.user_data = user_data;
  pass.cells = g_array_sized_new (FALSE, FALSE, sizeof (EscXlsxCell), 64);
  pass.text_offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 64);
  pass.row_text = g_string_sized_new (1024);
  pass.value = g_string_sized_new (64);
  pass.inline_text = g_string_sized_new (64);

  ok = read_sheet_data (&pass, &pr, &local_error);

  part_reader_clear (&pr);
  g_array_unref (pass.cells);
  g_array_unref (pass.text_offsets);
  g_string_free (pass.row_text, TRUE);
  g_string_free (pass.value, TRUE);
  g_string_free (pass.inline_text, TRUE);

  if (!ok)
    {
      if (local_error == NULL)
        g_set_error (&local_error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                     _("“%s”, sheet “%s”: the rows cannot be read"),
                     self->display_name, self->sheet_names[index]);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

char *
esc_xlsx_cell_address (guint row,
                       guint col)
{
  char letters[8];
  guint i = sizeof letters - 1;

  letters[i] = '\0';
  while (col > 0 && i > 0)
    {
      col--;
      letters[--i] = (char) ('A' + col % 26);
      col /= 26;
    }
  return g_strdup_printf ("%s%u", letters + i, row);
}

gboolean
esc_xlsx_serial_to_datetime (double    serial,
                             gboolean  is_1904,
                             guint32  *julian,
                             int      *minutes)
{
  double total_minutes;
  gint64 whole;
  gint64 day;
  guint32 result;

  if (!isfinite (serial) || serial < 0)
    return FALSE;

  total_minutes = round (serial * 1440.0);
  if (total_minutes > (double) (MAX_SERIAL_DAY + 1) * 1440.0)
    return FALSE;
  whole = (gint64) total_minutes;
  day = whole / 1440;

  if (is_1904)
    {
      if (day > MAX_SERIAL_DAY - 1462)
        return FALSE;
      result = JULIAN_1904_01_01 + (guint32) day;
    }
  else
    {
      if (day > MAX_SERIAL_DAY || day == 60)
        return FALSE;
      if (day == 0 || day >= SERIAL_1900_03_01)
        result = ESC_XLSX_JULIAN_1899_12_30 + (guint32) day;
      else
        result = ESC_XLSX_JULIAN_1899_12_30 + 1 + (guint32) day;  /* 1 is 1900-01-01 */
    }

  if (julian != NULL)
    *julian = result;
  if (minutes != NULL)
    *minutes = (int) (whole % 1440);
  return TRUE;
}
