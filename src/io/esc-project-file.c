/* esc-project-file.c: the project file (.escala), JSON read and written with json-glib.
 *
 * The file is a header ("format", "version", "generator") and sections. Each section is
 * one member of the top-level object, read and written by one entry of `sections`
 * below; today there is "tables". Later versions add sections (solved schedules, the
 * audit log) by adding an entry: readers of older versions leave unknown sections out
 * and report them as notes, so only a change that older readers would misread needs a
 * new ESC_PROJECT_FILE_VERSION.
 *
 * See esc-project-file.h for the format and the guarantees of loading and saving.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "esc-io-error.h"
#include "esc-project-file.h"

/* Project files nest five levels (root, tables, table, row, extras). json-glib parses
 * recursively, so deeper input is refused before it can exhaust the stack. */
#define MAX_NESTING   64
#define EXTRA_MEMBER  "_extra"
#define GENERATOR     "Escala " PACKAGE_VERSION

typedef struct
{
  EscProject *project;
  const char *display_name;  /* names the file in messages */
  GPtrArray  *notes;         /* translated messages about what was left out */
} LoadContext;

typedef struct
{
  const char *key;           /* the member of the top-level object */
  gboolean  (*read)  (LoadContext *ctx, JsonNode *node, GError **error);
  void      (*write) (EscProject *project, JsonBuilder *builder);
} Section;

static gboolean read_tables  (LoadContext *ctx, JsonNode *node, GError **error);
static void     write_tables (EscProject *project, JsonBuilder *builder);

/* In the order they are written. */
static const Section sections[] = {
  { "tables", read_tables, write_tables },
};

/* Members of the header, handled before the sections. */
static const char * const header_members[] = { "format", "version", "generator", NULL };

/* Reading ---------------------------------------------------------------------------- */

static gboolean
check_nesting (const char *data,
               gsize       len)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_NESTING)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

static void
set_parse_error (GError       **error,
                 const char    *display_name,
                 const GError  *json_error)
{
  const char *message = json_error->message;
  const char *rest = NULL;
  guint64 line = 0, column = 0;

  if (g_error_matches (json_error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA) &&
      strstr (message, "UTF-8") != NULL)
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("“%s” is not a valid project file: it is not UTF-8 text"), display_name);
      return;
    }

  /* json-glib says "<data>:LINE:COLUMN: Parse error: ..." */
  if (g_str_has_prefix (message, "<data>:"))
    {
      char *end = NULL;

      line = g_ascii_strtoull (message + strlen ("<data>:"), &end, 10);
      if (end != NULL && *end == ':')
        {
          column = g_ascii_strtoull (end + 1, &end, 10);
          if (end != NULL && *end == ':')
            rest = end + 1;
        }
    }

  if (rest != NULL && line > 0)
    {
      while (*rest == ' ')
        rest++;
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("“%s” is not a valid project file: it is not JSON (line %u, column %u: %s)"),
                   display_name, (guint) MIN (line, G_MAXUINT), (guint) MIN (column, G_MAXUINT),
                   rest);
    }
  else
    g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                 _("“%s” is not a valid project file: it is not JSON (%s)"),
                 display_name, message);
}

/* The canonical text of a number: integers without a fraction ("44"), others in the
 * shortest form that reads back the same ("7.5"). */
static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isfinite (value) && value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_formatd (buffer, sizeof buffer, "%.17g", value);
  return g_strdup (buffer);
}

/* A cell's text from a string, number, boolean or null; NULL for an object or array. */
static char *
node_to_text (JsonNode *node)
{
  GType type;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      return g_strdup ("");
    case JSON_NODE_VALUE:
      break;
    case JSON_NODE_OBJECT:
    case JSON_NODE_ARRAY:
    default:
      return NULL;
    }

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    return format_number (json_node_get_double (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "yes" : "no");
  return NULL;
}

static void
set_cell_error (GError               **error,
                LoadContext           *ctx,
                const EscTableSchema  *schema,
                guint                  row,
                const char            *column,
                JsonNode              *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                 _("“%s”: table “%s”, row %u, column “%s”: expected text, a number or yes/no, "
                   "found a list"),
                 ctx->display_name, schema->key, row, column);
  else
    g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                 _("“%s”: table “%s”, row %u, column “%s”: expected text, a number or yes/no, "
                   "found an object"),
                 ctx->display_name, schema->key, row, column);
}

static gboolean
read_extras (LoadContext           *ctx,
             const EscTableSchema  *schema,
             guint                  row_number,
             JsonNode              *node,
             EscRow                *row,
             GError               **error)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("“%s”: table “%s”, row %u: “%s” must be an object of texts"),
                   ctx->display_name, schema->key, row_number, EXTRA_MEMBER);
      return FALSE;
    }

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *value_node = json_object_get_member (object, key);
      g_autofree char *value = node_to_text (value_node);
      int column;

      if (value == NULL)
        {
          set_cell_error (error, ctx, schema, row_number, key, value_node);
          return FALSE;
        }

      /* Saved by a version that did not know this column yet: it belongs in the column. */
      column = esc_schema_find_column (schema, key);
      if (column >= 0 && *esc_row_get (row, column) == '\0')
        esc_row_set (row, column, value);
      else
        esc_row_set_extra (row, key, value);
    }
  return TRUE;
}

static EscRow *
read_row (LoadContext           *ctx,
          const EscTableSchema  *schema,
          guint                  row_number,
          JsonNode              *node,
          GError               **error)
{
  JsonObject *object;
  JsonNode *extras;
  g_autoptr(GList) members = NULL;
  g_autoptr(EscRow) row = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("“%s”: table “%s”, row %u: expected an object of column values"),
                   ctx->display_name, schema->key, row_number);
      return NULL;
    }

  row = esc_row_new (schema->id);
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *value_node = json_object_get_member (object, key);
      g_autofree char *value = NULL;
      int column;

      if (strcmp (key, EXTRA_MEMBER) == 0)
        continue;

      value = node_to_text (value_node);
      if (value == NULL)
        {
          set_cell_error (error, ctx, schema, row_number, key, value_node);
          return NULL;
        }

      column = esc_schema_find_column (schema, key);
      if (column >= 0)
        esc_row_set (row, column, value);
      else
        esc_row_set_extra (row, key, value);  /* a column this version does not know */
    }

  /* After the columns, so that an extra only fills a column the row leaves empty. */
  extras = json_object_get_member (object, EXTRA_MEMBER);
  if (extras != NULL && !read_extras (ctx, schema, row_number, extras, row, error))
    return NULL;

  return g_steal_pointer (&row);
}

static gboolean
read_table (LoadContext           *ctx,
            const EscTableSchema  *schema,
            JsonNode              *node,
            GError               **error)
{
  EscTable *table = esc_project_get_table (ctx->project, schema->id);
  JsonArray *array;
  guint n_rows;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("“%s”: table “%s” must be a list of rows"),
                   ctx->display_name, schema->key);
      return FALSE;
    }

  array = json_node_get_array (node);
  n_rows = json_array_get_length (array);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(EscRow) row = read_row (ctx, schema, i + 1, json_array_get_element (array, i),
                                        error);
      if (row == NULL)
        return FALSE;
      esc_table_append (table, row);
    }
  return TRUE;
}

static const EscTableSchema *
find_table (const char *key)
{
  /* Exact keys only: esc_schema_find_table() also takes sheet names, and the sheet
   * "Shift" is the pattern table while the key "shift" is the shift table. */
  for (guint t = 0; t < ESC_N_TABLES; t++)
    {
      const EscTableSchema *schema = esc_schema_get_table (t);

      if (strcmp (schema->key, key) == 0)
        return schema;
    }
  return NULL;
}

static gboolean
read_tables (LoadContext  *ctx,
             JsonNode     *node,
             GError      **error)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("“%s” is not a valid project file: “tables” must be an object"),
                   ctx->display_name);
      return FALSE;
    }

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      const EscTableSchema *schema = find_table (key);

      if (schema == NULL)
        {
          g_ptr_array_add (ctx->notes,
                           g_strdup_printf (_("“%s”: the table “%s” is not known to this "
                                              "version of Escala; it was left out and saving "
                                              "the project will drop it"),
                                            ctx->display_name, key));
          continue;
        }
      if (!read_table (ctx, schema, json_object_get_member (object, key), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_header (JsonObject  *root,
             const char  *display_name,
             GError     **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  gint64 number = 0;

  if (format == NULL)
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("“%s” is not an Escala project file: it has no “format” member "
                     "(expected “%s”)"),
                   display_name, ESC_PROJECT_FILE_FORMAT);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_STRING ||
      strcmp (json_node_get_string (format), ESC_PROJECT_FILE_FORMAT) != 0)
    {
      g_autofree char *found = node_to_text (format);

      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("“%s” is not an Escala project file: its format is “%s”, expected “%s”"),
                   display_name, found != NULL ? found : "…", ESC_PROJECT_FILE_FORMAT);
      return FALSE;
    }

  if (version == NULL)
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("“%s” is not a valid project file: it has no “version” member"),
                   display_name);
      return FALSE;
    }
  if (JSON_NODE_HOLDS_VALUE (version) && json_node_get_value_type (version) == G_TYPE_INT64)
    number = json_node_get_int (version);
  else if (JSON_NODE_HOLDS_VALUE (version) &&
           json_node_get_value_type (version) == G_TYPE_DOUBLE &&
           json_node_get_double (version) == floor (json_node_get_double (version)) &&
           fabs (json_node_get_double (version)) < 1e15)
    number = (gint64) json_node_get_double (version);
  if (number < 1)
    {
      g_autofree char *found = node_to_text (version);

      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("“%s” is not a valid project file: its version is “%s”, expected a "
                     "whole number from 1"),
                   display_name, found != NULL ? found : "…");
      return FALSE;
    }
  if (number > ESC_PROJECT_FILE_VERSION)
    {
      g_autofree char *found = g_strdup_printf ("%" G_GINT64_FORMAT, number);

      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_VERSION,
                   _("This project was saved by a newer version of Escala (file format %s); "
                     "this version reads format %d and older. Update Escala to open it."),
                   found, ESC_PROJECT_FILE_VERSION);
      return FALSE;
    }
  return TRUE;
}

static const Section *
find_section (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (strcmp (sections[i].key, key) == 0)
      return &sections[i];
  return NULL;
}

static EscProject *
load_data (const char  *data,
           gsize        len,
           const char  *display_name,
           char      ***notes,
           GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(EscProject) project = NULL;
  g_autoptr(GPtrArray) collected = NULL;
  g_autoptr(GList) members = NULL;
  LoadContext ctx;
  JsonObject *root_object;
  JsonNode *root;

  if (!check_nesting (data, len))
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("“%s” is not a valid project file: it is nested more than %d levels deep"),
                   display_name, MAX_NESTING);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      set_parse_error (error, display_name, local_error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("“%s” is not a valid project file: it is empty"), display_name);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_FORMAT,
                   _("“%s” is not a valid project file: expected a JSON object at the top"),
                   display_name);
      return NULL;
    }

  root_object = json_node_get_object (root);
  if (!read_header (root_object, display_name, error))
    return NULL;

  project = esc_project_new ();
  collected = g_ptr_array_new_with_free_func (g_free);
  ctx = (LoadContext) { .project = project, .display_name = display_name, .notes = collected };

  members = json_object_get_members (root_object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      const Section *section;

      if (g_strv_contains (header_members, key))
        continue;

      section = find_section (key);
      if (section == NULL)
        {
          g_ptr_array_add (collected,
                           g_strdup_printf (_("“%s”: the section “%s” is not known to this "
                                              "version of Escala; it was left out and saving "
                                              "the project will drop it"),
                                            display_name, key));
          continue;
        }
      if (!section->read (&ctx, json_object_get_member (root_object, key), error))
        return NULL;
    }

  esc_project_mark_saved (project);

  if (notes != NULL)
    {
      g_ptr_array_add (collected, NULL);
      *notes = (char **) g_ptr_array_steal (collected, NULL);
    }
  return g_steal_pointer (&project);
}

/* Writing ---------------------------------------------------------------------------- */

static void
add_string_member (JsonBuilder *builder,
                   const char  *key,
                   const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (g_utf8_validate (value, -1, NULL))
    json_builder_add_string_value (builder, value);
  else
    {
      /* Never write a file that cannot be read back. */
      g_autofree char *valid = g_utf8_make_valid (value, -1);
      json_builder_add_string_value (builder, valid);
    }
}

static void
write_row (EscRow      *row,
           JsonBuilder *builder)
{
  const EscTableSchema *schema = esc_row_get_schema (row);
  g_autofree const char **extra_keys = NULL;
  guint n_extras = 0;
  gboolean any = FALSE;

  json_builder_begin_object (builder);
  for (guint c = 0; c < schema->n_columns; c++)
    {
      const char *value = esc_row_get (row, c);

      if (*value == '\0')
        continue;
      add_string_member (builder, schema->columns[c].key, value);
      any = TRUE;
    }

  extra_keys = esc_row_get_extra_keys (row, &n_extras);
  if (n_extras > 0)
    {
      json_builder_set_member_name (builder, EXTRA_MEMBER);
      json_builder_begin_object (builder);
      for (guint i = 0; i < n_extras; i++)
        add_string_member (builder, extra_keys[i], esc_row_get_extra (row, extra_keys[i]));
      json_builder_end_object (builder);
      any = TRUE;
    }

  /* An empty row still shows which column it starts with (and avoids json-glib's
   * "{      }" for an empty object). */
  if (!any)
    add_string_member (builder, schema->columns[0].key, "");
  json_builder_end_object (builder);
}

static void
write_tables (EscProject  *project,
              JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "tables");
  json_builder_begin_object (builder);
  for (guint t = 0; t < ESC_N_TABLES; t++)
    {
      EscTable *table = esc_project_get_table (project, t);
      guint n_rows = esc_table_get_n_rows (table);

      json_builder_set_member_name (builder, esc_table_get_schema (table)->key);
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_rows; i++)
        write_row (esc_table_get_row (table, i), builder);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

/* Saving ----------------------------------------------------------------------------- */

/* Tests: see esc_project_file_set_fail_func(). */
static EscProjectFileFailFunc fail_func;
static gpointer fail_data;

/* The message says what went wrong and what to do about it, for the causes a user can
 * act on; otherwise the system's words. */
static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  switch (saved_errno)
    {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      /* TRANSLATORS: %s is the file: “/home/ana/loja-centro.escala” */
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE,
                   _("Could not save “%s”: the disk is full. Free some space or save it "
                     "elsewhere."),
                   display);
      break;
    case EACCES:
    case EPERM:
      /* TRANSLATORS: the first %s is the file, the second the system's reason
       * (“Permission denied”) */
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE,
                   _("Could not save “%s”: you are not allowed to write there (%s). Save it "
                     "under another name or in another folder."),
                   display, g_strerror (saved_errno));
      break;
    case ENOENT:
    case ENOTDIR:
      /* TRANSLATORS: the first %s is the file, the second the system's reason
       * (“No such file or directory”) */
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE,
                   _("Could not save “%s”: its folder does not exist (%s). Save it "
                     "elsewhere."),
                   display, g_strerror (saved_errno));
      break;
    case EROFS:
      /* TRANSLATORS: %s is the file */
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE,
                   _("Could not save “%s”: the disk is read-only. Save it elsewhere."), display);
      break;
    default:
      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE, _("Could not save “%s”: %s"),
                   display, g_strerror (saved_errno));
      break;
    }
}

/* A symbolic link is followed, so that saving replaces its target and keeps the link. */
static char *
resolve_target (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      char *real = realpath (path, NULL);

      if (real != NULL)
        {
          char *result = g_strdup (real);
          free (real);
          return result;
        }
    }
  return g_strdup (path);
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, MIN (len, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* Writes the text, or fails with the error a test asks for (esc_project_file_set_fail_func). */
static gboolean
write_text (int          fd,
            const char  *path,
            const char  *data,
            gsize        len)
{
  int injected = fail_func != NULL ? fail_func (path, fail_data) : 0;

  if (injected != 0)
    {
      errno = injected;
      return FALSE;
    }
  return write_all (fd, data, len);
}

static gboolean
sync_fd (int fd)
{
  while (fsync (fd) != 0)
    {
      if (errno == EINTR)
        continue;
      /* Some file systems (and /dev/shm) cannot sync: nothing more to do there. */
      return errno == EINVAL || errno == ENOTSUP;
    }
  return TRUE;
}

static void
sync_directory (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      sync_fd (fd);
      g_close (fd, NULL);
    }
}

/* Keeps the file at @target as @backup: a hard link when the file system has them, so
 * @target is never touched, otherwise a copy (itself written atomically). */
static gboolean
make_backup (const char  *target,
             const char  *backup,
             const char  *display_path,
             mode_t       mode,
             GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autofree char *display_backup = g_filename_display_name (backup);

      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE,
                   _("Could not save “%s”: the backup “%s” cannot be replaced: %s"),
                   display_path, display_backup, g_strerror (saved_errno));
      return FALSE;
    }

  if (link (target, backup) == 0)
    return TRUE;

  if (!g_file_get_contents (target, &contents, &len, &local_error) ||
      !g_file_set_contents_full (backup, contents, (gssize) len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, (int) (mode & 0777),
                                 &local_error))
    {
      g_autofree char *display_backup = g_filename_display_name (backup);

      g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE,
                   _("Could not save “%s”: the backup “%s” cannot be written: %s"),
                   display_path, display_backup, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_atomically (const char  *path,
                 const char  *data,
                 gsize        len,
                 GError     **error)
{
  g_autofree char *target = resolve_target (path);
  g_autofree char *display_path = g_filename_display_name (path);
  g_autofree char *tmp_path = g_strconcat (target, ".XXXXXX", NULL);
  g_autofree char *backup = g_strconcat (target, ".bak", NULL);
  gboolean exists = FALSE;
  GStatBuf st;
  int saved_errno;
  int fd;

  if (g_stat (target, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, ESC_IO_ERROR, ESC_IO_ERROR_WRITE,
                       _("Could not save “%s”: it exists and is not a regular file"),
                       display_path);
          return FALSE;
        }
      exists = TRUE;
      /* A file its owner made read-only is not replaced behind its back (the rename
       * would allow it), as g_file_replace() does. */
      if (access (target, W_OK) != 0 && (errno == EACCES || errno == EPERM || errno == EROFS))
        {
          set_write_error (error, path, errno);
          return FALSE;
        }
    }

  /* In the target's directory, so that the final rename stays on one file system. */
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }

  if ((exists && fchmod (fd, st.st_mode & 07777) != 0) ||
      !write_text (fd, path, data, len) ||
      !sync_fd (fd))
    {
      saved_errno = errno;
      g_close (fd, NULL);
      g_unlink (tmp_path);
      set_write_error (error, path, saved_errno);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      set_write_error (error, path, saved_errno);
      return FALSE;
    }

  if (exists && !make_backup (target, backup, display_path, st.st_mode, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, target) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      set_write_error (error, path, saved_errno);
      return FALSE;
    }

  sync_directory (target);
  return TRUE;
}

/* Public API ------------------------------------------------------------------------- */

EscProject *
esc_project_file_load_full (const char   *path,
                            char       ***notes,
                            GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  EscProject *project;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error_literal (error, ESC_IO_ERROR, ESC_IO_ERROR_READ, local_error->message);
      return NULL;
    }

  display_name = g_filename_display_basename (path);
  project = load_data (contents, len, display_name, notes, error);
  if (project != NULL)
    esc_project_set_path (project, path);
  return project;
}

EscProject *
esc_project_file_load (const char  *path,
                       GError     **error)
{
  return esc_project_file_load_full (path, NULL, error);
}

EscProject *
esc_project_file_load_data_full (const char   *data,
                                 gssize        len,
                                 const char   *display_name,
                                 char       ***notes,
                                 GError      **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len < 0)
    len = (gssize) strlen (data);
  return load_data (data != NULL ? data : "", (gsize) len,
                    display_name != NULL ? display_name : _("project"), notes, error);
}

EscProject *
esc_project_file_load_data (const char  *data,
                            gssize       len,
                            GError     **error)
{
  return esc_project_file_load_data_full (data, len, NULL, NULL, error);
}

char *
esc_project_file_to_data (EscProject *project,
                          gsize      *len)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  char *result;
  gsize text_len = 0;

  g_return_val_if_fail (ESC_IS_PROJECT (project), NULL);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, ESC_PROJECT_FILE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ESC_PROJECT_FILE_VERSION);
  json_builder_set_member_name (builder, "generator");
  json_builder_add_string_value (builder, GENERATOR);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    sections[i].write (project, builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &text_len);

  /* A final newline, as text files have. */
  result = g_malloc (text_len + 2);
  memcpy (result, text, text_len);
  result[text_len] = '\n';
  result[text_len + 1] = '\0';
  if (len != NULL)
    *len = text_len + 1;
  return result;
}

gboolean
esc_project_file_save (EscProject  *project,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (ESC_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = esc_project_file_to_data (project, &len);
  if (!save_atomically (path, data, len, error))
    return FALSE;

  esc_project_set_path (project, path);
  esc_project_mark_saved (project);
  return TRUE;
}

void
esc_project_file_set_fail_func (EscProjectFileFailFunc func,
                                gpointer               user_data)
{
  fail_func = func;
  fail_data = user_data;
}
