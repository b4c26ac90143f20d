/* esc-main-window.c: the main window: the project's sheets in a sidebar and the page
 * shown, the header bar's file and edit actions.
 *
 * Without a project the window welcomes with an Open button and the recent projects.
 * With one, an AdwLeaflet holds the sidebar (every sheet with its number of rows and a
 * badge counting its validation problems) and the page shown: a grid (EscTableView)
 * for most tables, the Holidays page with its region chooser, the Leave page, the
 * Parameters page and the Schedule page. Pages are made when first shown. Below about
 * 730 px the leaflet folds: the sidebar and the page take the window in turn, with a
 * back button.
 *
 * Validation (esc_validate_project()) runs once when a project is shown, then 300 ms
 * after the last change (a burst of edits validates once); its diagnostics go to the
 * sidebar's badges and to the pages, which flag the cells.
 *
 * Files: Open, Save and Save As with GtkFileChooserNative (*.escala), recent projects
 * from GtkRecentManager (the Open button's drop-down and the welcome page), a question
 * before closing with unsaved changes, a recovery copy written every minute while there
 * are unsaved changes (esc-recovery.h) and removed on a clean save or close. A save that
 * fails (disk full, read-only) says why and changes nothing: the project stays modified,
 * the file as it was; a recovery copy that cannot be written is reported once, not every
 * minute. The window
 * size and the last folder are kept in GSettings when the schema is installed.
 *
 * GtkEditableLabel in GTK 4.8 can crash when its window goes away while it has the
 * focus (its focus-out timeout outlives it): the window ends any editing and drops the
 * focus before it closes or shows another project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "core/esc-audit.h"
#include "core/esc-display.h"
#include "core/esc-validate.h"
#include "core/esc-versions.h"
#include "esc-audit-page.h"
#include "esc-holiday-page.h"
#include "esc-leave-page.h"
#include "esc-main-window.h"
#include "esc-chart-page.h"
#include "esc-overview-page.h"
#include "esc-parameters-page.h"
#include "esc-preferences-window.h"
#include "esc-reassign-page.h"
#include "esc-schedule-page.h"
#include "esc-sidebar-row.h"
#include "esc-solve-panel.h"
#include "esc-staffing-page.h"
#include "io/esc-project-file.h"
#include "io/esc-results-export.h"
#include "io/esc-template-export.h"
#include "io/esc-template-import.h"
#include "solver/esc-schedule-output.h"
#include "solver/esc-solver.h"

/* Validation waits this long after the last change. */
#define VALIDATE_DELAY_MS 300
/* Recovery copies are written this often while there are unsaved changes. */
#define AUTOSAVE_INTERVAL_SECONDS 60
/* Recent projects listed. */
#define MAX_RECENT 8

typedef enum
{
  PAGE_GRID,
  PAGE_HOLIDAYS,
  PAGE_LEAVE,
  PAGE_PARAMETERS,
  PAGE_SCHEDULE,
  PAGE_CHART,
  PAGE_OVERVIEW,
  PAGE_AUDIT,
  PAGE_STAFFING,
  PAGE_REASSIGN,
} PageKind;

typedef struct
{
  const char *key;
  PageKind kind;
  EscTableId table;
  const char *title;      /* NULL: the table's title */
  const char *section;    /* heading of the group the page starts, or NULL */
} PageInfo;

static const PageInfo pages[] = {
  { "location", PAGE_GRID, ESC_TABLE_LOCATION, NULL, N_("Organization") },
  { "store", PAGE_GRID, ESC_TABLE_STORE, NULL, NULL },
  { "role", PAGE_GRID, ESC_TABLE_ROLE, NULL, NULL },
  { "shift", PAGE_GRID, ESC_TABLE_SHIFT, NULL, N_("Work") },
  { "pattern", PAGE_GRID, ESC_TABLE_PATTERN, NULL, NULL },
  { "employee", PAGE_GRID, ESC_TABLE_EMPLOYEE, NULL, NULL },
  { "demand", PAGE_GRID, ESC_TABLE_DEMAND, NULL, NULL },
  { "staffing", PAGE_STAFFING, ESC_TABLE_DEMAND, N_("Staffing"), NULL },
  { "holiday", PAGE_HOLIDAYS, ESC_TABLE_HOLIDAY, NULL, N_("Calendar") },
  { "leave", PAGE_LEAVE, ESC_TABLE_EMPLOYEE, N_("Leave"), NULL },
  { "previous_allocation", PAGE_GRID, ESC_TABLE_PREVIOUS_ALLOCATION, NULL, NULL },
  { "preference", PAGE_GRID, ESC_TABLE_PREFERENCE, NULL, N_("Rules and Wishes") },
  { "forbidden_sequence", PAGE_GRID, ESC_TABLE_FORBIDDEN_SEQUENCE, NULL, NULL },
  { "request", PAGE_GRID, ESC_TABLE_REQUEST, NULL, N_("Reassignment") },
  { "assignment", PAGE_GRID, ESC_TABLE_ASSIGNMENT, NULL, NULL },
  { "exclusion", PAGE_GRID, ESC_TABLE_EXCLUSION, NULL, NULL },
  { "move", PAGE_GRID, ESC_TABLE_MOVE, NULL, NULL },
  { "reassign", PAGE_REASSIGN, ESC_TABLE_REQUEST, N_("Reassignment"), NULL },
  { "parameters", PAGE_PARAMETERS, ESC_TABLE_PARAMETER, N_("Parameters"), N_("Planning") },
  { "schedule", PAGE_SCHEDULE, ESC_TABLE_ALLOCATION, N_("Schedule"), NULL },
  { "chart", PAGE_CHART, ESC_TABLE_ALLOCATION, N_("Chart"), NULL },
  { "overview", PAGE_OVERVIEW, ESC_TABLE_RESULT, N_("Overview"), NULL },
  { "audit", PAGE_AUDIT, ESC_TABLE_AUDIT, N_("Audit log"), N_("History") },
};

#define N_PAGES G_N_ELEMENTS (pages)
#define DEFAULT_PAGE "employee"

struct _EscMainWindow
{
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwStatusPage *welcome_page;
  GtkBox *recent_box;
  GtkListBox *recent_list;
  AdwLeaflet *leaflet;
  GtkLabel *project_title;
  GtkLabel *project_subtitle;
  AdwSplitButton *open_button;
  GtkListBox *sidebar_list;
  GtkBox *content_box;
  AdwWindowTitle *page_title;
  GtkStack *page_stack;
  GtkButton *undo_button;
  GtkButton *redo_button;
  AdwBin *header_solve_slot;

  GSettings *settings;          /* NULL when the schema is not installed */
  GMenu *recent_menu;

  EscProject *project;
  char *display_name;
  char *recovery_key;
  EscSidebarRow *rows[N_PAGES];
  GtkWidget *page_widgets[N_PAGES];
  int current_page;
  GPtrArray *diagnostics;
  guint validate_id;
  guint autosave_id;
  guint64 autosaved_generation;
  char *autosave_error;         /* why the last recovery copy failed; NULL when it worked */
  AdwToast *autosave_toast;     /* says so, once for a run of failures */
  gboolean selecting_row;
  gboolean close_confirmed;
  gboolean close_after_save;
  GPtrArray *pending_recovery;  /* EscRecoveryFile still to offer */
  GHashTable *disabled_actions; /* names of the window's actions switched off */

  EscAudit *audit;              /* logs the project's changes to its Audit table */
  /* The solve running (see solve_action_cb), and a finished one waiting for a choice. */
  GCancellable *solve_cancellable;
  GtkWidget *solve_panel;       /* EscSolvePanel above the Schedule page */
  GtkWidget *header_panel;      /* compact EscSolvePanel in the header bar */
  EscSchedule *stale_schedule;  /* computed on an older version of the project */
  char *last_solve_message;     /* the last toast about a solve (tests) */
  /* Import */
  char *import_path;
  gboolean importing;
};

static void save_as (EscMainWindow *self);
static void offer_next_recovery (EscMainWindow *self);
static void cancel_solve (EscMainWindow *self);
static void set_stale_schedule (EscMainWindow *self, EscSchedule *schedule, const char *message);
static void show_page_index (EscMainWindow *self, guint index);
static void update_actions (EscMainWindow *self);

G_DEFINE_FINAL_TYPE (EscMainWindow, esc_main_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers: settings, names */

/* The settings, or NULL when the schema is not installed (running from the build
 * directory without GSETTINGS_SCHEMA_DIR): the app works, it just forgets. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s not installed; window state is not kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static const char *
page_title (guint index)
{
  const PageInfo *info = &pages[index];

  return info->title != NULL ? _(info->title) : _(esc_schema_get_table (info->table)->title);
}

static char *
fold_page_name (const char *name)
{
  g_autofree char *spaced = g_strdup (name);

  g_strdelimit (spaced, "-_", ' ');
  return esc_fold_key (spaced);
}

static int
find_page (const char *name)
{
  g_autofree char *wanted = NULL;

  if (name == NULL)
    return -1;
  wanted = fold_page_name (name);
  if (g_str_equal (wanted, "parameter"))
    return find_page ("parameters");
  if (g_str_equal (wanted, "allocation") || g_str_equal (wanted, "allocations"))
    return find_page ("schedule");

  for (guint i = 0; i < N_PAGES; i++)
    {
      const EscTableSchema *schema = esc_schema_get_table (pages[i].table);
      g_autofree char *key = fold_page_name (pages[i].key);
      g_autofree char *title = fold_page_name (page_title (i));
      g_autofree char *source_title = fold_page_name (pages[i].title != NULL ? pages[i].title
                                                                             : schema->title);
      g_autofree char *sheet = NULL;

      if (g_str_equal (wanted, key) || g_str_equal (wanted, title) ||
          g_str_equal (wanted, source_title))
        return i;
      if (pages[i].kind == PAGE_GRID || pages[i].kind == PAGE_HOLIDAYS)
        {
          sheet = fold_page_name (schema->sheet);
          if (g_str_equal (wanted, sheet))
            return i;
        }
    }
  return -1;
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename != NULL)
    return g_filename_display_name (basename);
  return g_file_get_parse_name (file);
}

static char *
strip_extension (const char *name)
{
  if (name != NULL && g_str_has_suffix (name, ESC_PROJECT_FILE_EXTENSION))
    return g_strndup (name, strlen (name) - strlen (ESC_PROJECT_FILE_EXTENSION));
  return g_strdup (name);
}

static char *
display_folder (const char *path)
{
  g_autofree char *dir = NULL;
  const char *home = g_get_home_dir ();

  if (path == NULL)
    return NULL;
  dir = g_path_get_dirname (path);
  if (home != NULL && g_str_has_prefix (dir, home) &&
      (dir[strlen (home)] == '\0' || dir[strlen (home)] == G_DIR_SEPARATOR))
    return g_strconcat ("~", dir + strlen (home), NULL);
  return g_filename_display_name (dir);
}

static void
show_toast (EscMainWindow *self,
            const char    *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static gboolean
close_window_cb (gpointer user_data)
{
  EscMainWindow *self = user_data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* Closes the window from the main loop, not from inside a dialog's response: the
 * dialog must be gone before the window it is transient for. */
static void
close_later (EscMainWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, close_window_cb, g_object_ref (self), g_object_unref);
}

static void
show_error_dialog (EscMainWindow *self,
                   const char    *heading,
                   const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Ends any cell editing and drops the focus (see the file's comment). */
static void
drop_focus (EscMainWindow *self)
{
  for (guint i = 0; i < N_PAGES; i++)
    {
      EscTableView *view = NULL;

      if (self->page_widgets[i] == NULL)
        continue;
      if (ESC_IS_TABLE_VIEW (self->page_widgets[i]))
        view = ESC_TABLE_VIEW (self->page_widgets[i]);
      else if (ESC_IS_HOLIDAY_PAGE (self->page_widgets[i]))
        view = esc_holiday_page_get_table_view (ESC_HOLIDAY_PAGE (self->page_widgets[i]));
      else if (ESC_IS_SCHEDULE_PAGE (self->page_widgets[i]))
        view = esc_schedule_page_get_table_view (ESC_SCHEDULE_PAGE (self->page_widgets[i]));
      if (view != NULL)
        esc_table_view_commit_editing (view);
    }
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

/* Helpers: title, actions, counts */

static void
update_title (EscMainWindow *self)
{
  gboolean modified = self->project != NULL && esc_project_get_modified (self->project);
  g_autofree char *name = strip_extension (self->display_name);
  g_autofree char *shown = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *folder = NULL;

  if (self->project == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Escala"));
      return;
    }

  shown = modified ? g_strconcat ("• ", name, NULL) : g_strdup (name);
  /* TRANSLATORS: the window title: "• loja-centro — Escala" */
  window_title = g_strdup_printf (_("%s — Escala"), shown);
  gtk_window_set_title (GTK_WINDOW (self), window_title);

  gtk_label_set_label (self->project_title, shown);
  folder = display_folder (esc_project_get_path (self->project));
  if (modified)
    gtk_label_set_label (self->project_subtitle, _("Unsaved changes"));
  else
    gtk_label_set_label (self->project_subtitle, folder != NULL ? folder : _("Not saved"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->project_title), esc_project_get_path (self->project));
}

static void
set_action_enabled (EscMainWindow *self,
                    const char    *name,
                    gboolean       enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
  if (enabled)
    g_hash_table_remove (self->disabled_actions, name);
  else
    g_hash_table_add (self->disabled_actions, (gpointer) name);
}

static void
update_actions (EscMainWindow *self)
{
  EscUndoStack *undo = self->project != NULL ? esc_project_get_undo_stack (self->project) : NULL;
  gboolean has_grid = esc_main_window_get_table_view (self) != NULL;
  const char *undo_label = undo != NULL ? esc_undo_stack_get_undo_label (undo) : NULL;
  const char *redo_label = undo != NULL ? esc_undo_stack_get_redo_label (undo) : NULL;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  set_action_enabled (self, "win.undo", undo != NULL && esc_undo_stack_can_undo (undo));
  set_action_enabled (self, "win.redo", undo != NULL && esc_undo_stack_can_redo (undo));
  set_action_enabled (self, "win.save",
                                 self->project != NULL &&
                                 (esc_project_get_modified (self->project) ||
                                  esc_project_get_path (self->project) == NULL));
  set_action_enabled (self, "win.save-as", self->project != NULL);
  set_action_enabled (self, "win.find", has_grid);
  set_action_enabled (self, "win.add-row", has_grid);
  set_action_enabled (self, "win.delete-rows", has_grid);
  set_action_enabled (self, "win.duplicate-rows", has_grid);
  set_action_enabled (self, "win.import", !self->importing);
  set_action_enabled (self, "win.export", self->project != NULL);
  /* One solve at a time: Solve is off while one runs (Cancel stops it). */
  set_action_enabled (self, "win.solve", self->project != NULL && self->solve_cancellable == NULL);
  /* Re-optimise is a solve: pinned allocations are compiled as fixed (esc-problem.h), so
   * every solve keeps them and re-solves the rest. */
  set_action_enabled (self, "win.reoptimize",
                      self->project != NULL && self->solve_cancellable == NULL);
  set_action_enabled (self, "win.cancel-solve", self->solve_cancellable != NULL);
  set_action_enabled (self, "win.adopt-schedule", self->stale_schedule != NULL);
  set_action_enabled (self, "win.discard-schedule", self->stale_schedule != NULL);

  /* TRANSLATORS: the Undo button's tooltip: "Undo Edit Employees row 3, … (Ctrl+Z)" */
  undo_tip = undo_label != NULL ? g_strdup_printf (_("Undo %s (Ctrl+Z)"), undo_label)
                                : g_strdup (_("Undo (Ctrl+Z)"));
  redo_tip = redo_label != NULL ? g_strdup_printf (_("Redo %s (Shift+Ctrl+Z)"), redo_label)
                                : g_strdup (_("Redo (Shift+Ctrl+Z)"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_tip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_tip);
}

static guint
count_employees_on_leave (EscMainWindow *self)
{
  EscTable *table = esc_project_get_table (self->project, ESC_TABLE_EMPLOYEE);
  guint n = esc_table_get_n_rows (table);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    if (!esc_row_is_empty (esc_table_get_row (table, i), ESC_EMPLOYEE_LEAVE))
      count++;
  return count;
}

static void
update_counts (EscMainWindow *self)
{
  if (self->project == NULL)
    return;

  for (guint i = 0; i < N_PAGES; i++)
    {
      int count;

      if (pages[i].kind == PAGE_LEAVE)
        count = count_employees_on_leave (self);
      else if (pages[i].kind == PAGE_OVERVIEW || pages[i].kind == PAGE_STAFFING ||
               pages[i].kind == PAGE_CHART)
        count = -1;
      else
        count = esc_table_get_n_rows (esc_project_get_table (self->project, pages[i].table));
      esc_sidebar_row_set_count (self->rows[i], count);
    }
}

static gboolean
diagnostic_belongs_to (const EscDiagnostic *d,
                       guint                page)
{
  switch (pages[page].kind)
    {
    case PAGE_GRID:
    case PAGE_HOLIDAYS:
      return d->table == pages[page].table;
    case PAGE_LEAVE:
      return d->table == ESC_TABLE_EMPLOYEE && d->column == ESC_EMPLOYEE_LEAVE;
    case PAGE_PARAMETERS:
      return d->table == ESC_TABLE_PARAMETER || d->table == ESC_N_TABLES;
    case PAGE_SCHEDULE:
      return d->table == ESC_TABLE_ALLOCATION || d->table == ESC_TABLE_PHASE ||
             d->table == ESC_TABLE_RESULT;
    default:
      return FALSE;
    }
}

static void
give_diagnostics_to_page (EscMainWindow *self,
                          guint          index)
{
  GtkWidget *page = self->page_widgets[index];

  if (page == NULL || self->diagnostics == NULL)
    return;
  switch (pages[index].kind)
    {
    case PAGE_GRID:
      esc_table_view_set_diagnostics (ESC_TABLE_VIEW (page), self->diagnostics);
      break;
    case PAGE_HOLIDAYS:
      esc_table_view_set_diagnostics (esc_holiday_page_get_table_view (ESC_HOLIDAY_PAGE (page)),
                                      self->diagnostics);
      break;
    case PAGE_LEAVE:
      esc_leave_page_set_diagnostics (ESC_LEAVE_PAGE (page), self->diagnostics);
      break;
    case PAGE_PARAMETERS:
      esc_parameters_page_set_diagnostics (ESC_PARAMETERS_PAGE (page), self->diagnostics);
      break;
    case PAGE_SCHEDULE:
      esc_table_view_set_diagnostics (esc_schedule_page_get_table_view (ESC_SCHEDULE_PAGE (page)),
                                      self->diagnostics);
      break;
    default:
      break;
    }
}

static void
validate (EscMainWindow *self)
{
  g_clear_handle_id (&self->validate_id, g_source_remove);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  if (self->project == NULL)
    return;

  self->diagnostics = esc_validate_project (self->project);
  for (guint i = 0; i < N_PAGES; i++)
    {
      guint n_errors = 0, n_warnings = 0;

      for (guint d = 0; d < self->diagnostics->len; d++)
        {
          const EscDiagnostic *diagnostic = g_ptr_array_index (self->diagnostics, d);

          if (!diagnostic_belongs_to (diagnostic, i))
            continue;
          if (diagnostic->severity == ESC_SEVERITY_ERROR)
            n_errors++;
          else
            n_warnings++;
        }
      esc_sidebar_row_set_problems (self->rows[i], n_errors, n_warnings);
      give_diagnostics_to_page (self, i);
    }
  update_counts (self);
}

static gboolean
validate_cb (gpointer user_data)
{
  EscMainWindow *self = user_data;

  self->validate_id = 0;
  validate (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_validation (EscMainWindow *self)
{
  g_clear_handle_id (&self->validate_id, g_source_remove);
  self->validate_id = g_timeout_add (VALIDATE_DELAY_MS, validate_cb, self);
}

/* Helpers: pages */

static GtkWidget *
ensure_page (EscMainWindow *self,
             guint          index)
{
  GtkWidget *page;

  if (self->page_widgets[index] != NULL || self->project == NULL)
    return self->page_widgets[index];

  switch (pages[index].kind)
    {
    case PAGE_GRID:
      page = esc_table_view_new (self->project, pages[index].table);
      break;
    case PAGE_HOLIDAYS:
      page = esc_holiday_page_new (self->project);
      break;
    case PAGE_LEAVE:
      page = esc_leave_page_new (self->project);
      break;
    case PAGE_PARAMETERS:
      page = esc_parameters_page_new (self->project);
      break;
    case PAGE_SCHEDULE:
      page = esc_schedule_page_new (self->project);
      if (self->solve_panel != NULL)
        esc_schedule_page_set_progress_widget (ESC_SCHEDULE_PAGE (page), self->solve_panel);
      if (self->stale_schedule != NULL)
        esc_schedule_page_set_stale (ESC_SCHEDULE_PAGE (page), self->last_solve_message);
      break;
    case PAGE_CHART:
      page = GTK_WIDGET (esc_chart_page_new ());
      esc_chart_page_set_project (ESC_CHART_PAGE (page), self->project);
      break;
    case PAGE_OVERVIEW:
      page = esc_overview_page_new (self->project);
      break;
    case PAGE_AUDIT:
      page = esc_audit_page_new (self->project);
      break;
    case PAGE_STAFFING:
      page = esc_staffing_page_new (self->project);
      break;
    case PAGE_REASSIGN:
      page = esc_reassign_page_new (self->project);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  self->page_widgets[index] = page;
  gtk_stack_add_named (self->page_stack, page, pages[index].key);
  give_diagnostics_to_page (self, index);
  return page;
}

static void
remove_pages (EscMainWindow *self)
{
  drop_focus (self);
  for (guint i = 0; i < N_PAGES; i++)
    if (self->page_widgets[i] != NULL)
      {
        gtk_stack_remove (self->page_stack, self->page_widgets[i]);
        self->page_widgets[i] = NULL;
      }
  self->current_page = -1;
}

/* The page a project opens on: the one shown last, kept in the settings. */
static int
find_last_page (EscMainWindow *self)
{
  g_autofree char *last_page = NULL;
  int index;

  if (self->settings != NULL)
    {
      last_page = g_settings_get_string (self->settings, "last-page");
      if ((index = find_page (last_page)) >= 0)
        return index;
    }
  return find_page (DEFAULT_PAGE);
}

static void
show_page_index (EscMainWindow *self,
                 guint          index)
{
  GtkWidget *page = ensure_page (self, index);

  if (page == NULL)
    return;
  self->current_page = index;
  gtk_stack_set_visible_child (self->page_stack, page);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-page", pages[index].key);
  adw_window_title_set_title (self->page_title, page_title (index));

  if (gtk_list_box_get_selected_row (self->sidebar_list) != GTK_LIST_BOX_ROW (self->rows[index]))
    {
      self->selecting_row = TRUE;
      gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (self->rows[index]));
      self->selecting_row = FALSE;
    }
  update_actions (self);
}

/* Helpers: recent files */

static int
compare_recent_newest_first (gconstpointer a,
                             gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo * const *) a;
  GtkRecentInfo *ib = *(GtkRecentInfo * const *) b;

  return g_date_time_compare (gtk_recent_info_get_modified (ib),
                              gtk_recent_info_get_modified (ia));
}

/* Recent .escala files that still exist, newest first (GtkRecentInfo). */
static GPtrArray *
list_recent_projects (void)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  GPtrArray *recent = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);

      if (g_str_has_suffix (uri, ESC_PROJECT_FILE_EXTENSION) && gtk_recent_info_is_local (info) &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (recent, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (recent, compare_recent_newest_first);
  if (recent->len > MAX_RECENT)
    g_ptr_array_set_size (recent, MAX_RECENT);
  return recent;
}

static void
recent_row_activated_cb (EscMainWindow *self,
                         AdwActionRow  *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "esc-uri");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-recent", "s", uri);
}

static void
update_recent (EscMainWindow *self)
{
  g_autoptr(GPtrArray) recent = list_recent_projects ();
  GtkWidget *child;

  g_menu_remove_all (self->recent_menu);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; i < recent->len; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (recent, i);
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autofree char *name = file_display_name (file);
      g_autofree char *title = strip_extension (name);
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *folder = display_folder (path);
      g_autoptr(GMenuItem) item = g_menu_item_new (title, NULL);
      GtkWidget *row = adw_action_row_new ();

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (self->recent_menu, item);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "esc-uri", g_strdup (uri), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (recent_row_activated_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->recent_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_box), recent->len > 0);
}

static void
add_to_recent (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/x-escala",
    .app_name = (char *) "Escala",
    .app_exec = (char *) "escala %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
remember_folder (EscMainWindow *self,
                 GFile         *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);

  if (self->settings != NULL && folder != NULL && g_file_peek_path (folder) != NULL)
    g_settings_set_string (self->settings, "last-folder", g_file_peek_path (folder));
}

static void
start_in_last_folder (EscMainWindow  *self,
                      GtkFileChooser *chooser)
{
  g_autofree char *last_folder = NULL;

  if (self->settings != NULL)
    last_folder = g_settings_get_string (self->settings, "last-folder");
  if (last_folder != NULL && *last_folder != '\0' && g_file_test (last_folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (last_folder);

      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
}

static void
add_project_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) projects = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (projects, _("Escala projects"));
  gtk_file_filter_add_pattern (projects, "*" ESC_PROJECT_FILE_EXTENSION);
  gtk_file_filter_add_mime_type (projects, "application/x-escala");
  gtk_file_chooser_add_filter (chooser, projects);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

/* Helpers: the project shown */

static void
disconnect_project (EscMainWindow *self)
{
  if (self->project == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->project, self);
  g_signal_handlers_disconnect_by_data (esc_project_get_undo_stack (self->project), self);
  for (EscTableId t = 0; t < ESC_N_TABLES; t++)
    g_signal_handlers_disconnect_by_data (esc_project_get_table (self->project, t), self);
}

static void
project_modified_cb (EscMainWindow *self)
{
  update_title (self);
  update_actions (self);
}

static void
project_path_changed_cb (EscMainWindow *self)
{
  update_title (self);
}

static void
undo_state_changed_cb (EscMainWindow *self)
{
  update_actions (self);
}

static void
project_edited_cb (EscMainWindow *self)
{
  schedule_validation (self);
}

static void
table_items_changed_cb (EscMainWindow *self)
{
  update_counts (self);
  schedule_validation (self);
}

static void
autosave_toast_dismissed_cb (EscMainWindow *self,
                             AdwToast      *toast)
{
  if (self->autosave_toast == toast)
    g_clear_object (&self->autosave_toast);
}

/* The recovery copy could not be written: says so once (a toast, with the reason behind
 * its Details button), not at every attempt, until a copy is written again. */
static void
report_autosave_error (EscMainWindow *self,
                       const char    *message)
{
  gboolean first = self->autosave_error == NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_free (self->autosave_error);
  self->autosave_error = g_strdup (message);
  if (!first)
    return;

  name = strip_extension (self->display_name);
  /* TRANSLATORS: a toast; %s is the project ("loja-centro") */
  title = g_strdup_printf (_("Unsaved changes to “%s” could not be copied for recovery"), name);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.autosave-details");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (autosave_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  self->autosave_toast = g_object_ref (toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
clear_autosave_error (EscMainWindow *self)
{
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->autosave_toast);

  g_clear_pointer (&self->autosave_error, g_free);
  if (toast != NULL)
    adw_toast_dismiss (toast);
}

static void
autosave_details_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (widget);
  g_autofree char *body = NULL;

  if (self->autosave_error == NULL)
    return;
  body = g_strdup_printf ("%s\n\n%s", self->autosave_error,
                          _("Escala keeps a copy of unsaved changes, to offer them back if it "
                            "closes unexpectedly, and could not write it. It tries again every "
                            "minute; saving the project keeps the changes safe too."));
  show_error_dialog (self, _("Unsaved Changes Are Not Protected"), body);
}

static gboolean
autosave_cb (gpointer user_data)
{
  esc_main_window_autosave_now (ESC_MAIN_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

static void
connect_project (EscMainWindow *self)
{
  EscUndoStack *undo = esc_project_get_undo_stack (self->project);

  g_signal_connect_object (self->project, "notify::modified", G_CALLBACK (project_modified_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->project, "notify::path", G_CALLBACK (project_path_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (undo, "notify::can-undo", G_CALLBACK (undo_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (undo, "notify::can-redo", G_CALLBACK (undo_state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (undo, "executed", G_CALLBACK (project_edited_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (undo, "undone", G_CALLBACK (project_edited_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (undo, "redone", G_CALLBACK (project_edited_cb), self,
                           G_CONNECT_SWAPPED);
  for (EscTableId t = 0; t < ESC_N_TABLES; t++)
    g_signal_connect_object (esc_project_get_table (self->project, t), "items-changed",
                             G_CALLBACK (table_items_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
set_project (EscMainWindow *self,
             EscProject    *project,
             const char    *display_name,
             const char    *recovery_key)
{
  if (self->project != project)
    {
      remove_pages (self);
      disconnect_project (self);
      if (self->project != NULL && !esc_project_get_modified (self->project) &&
          self->recovery_key != NULL)
        esc_recovery_remove (self->recovery_key);
      cancel_solve (self);
      set_stale_schedule (self, NULL, NULL);
      g_clear_object (&self->audit);
      g_set_object (&self->project, project);
      if (project != NULL)
        self->audit = esc_audit_new (project);
      g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
      g_clear_handle_id (&self->validate_id, g_source_remove);
      g_clear_handle_id (&self->autosave_id, g_source_remove);
      self->autosaved_generation = 0;
      clear_autosave_error (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
    }

  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
  g_free (self->recovery_key);
  self->recovery_key = g_strdup (recovery_key);

  if (self->project == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      update_title (self);
      update_actions (self);
      return;
    }

  connect_project (self);
  self->autosave_id = g_timeout_add_seconds (AUTOSAVE_INTERVAL_SECONDS, autosave_cb, self);
  gtk_stack_set_visible_child_name (self->main_stack, "project");
  validate (self);
  show_page_index (self, find_last_page (self));
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  update_title (self);
  update_actions (self);
}

static char *
new_recovery_key (void)
{
  /* A project never saved: a key of its own, this process and this moment. */
  return g_strdup_printf ("untitled:%d:%" G_GINT64_FORMAT, (int) getpid (), g_get_real_time ());
}

static void
show_load_error (EscMainWindow *self,
                 const char    *display_name,
                 const char    *message)
{
  set_project (self, NULL, NULL, NULL);
  adw_status_page_set_icon_name (self->welcome_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->welcome_page, _("Could Not Open the Project"));
  adw_status_page_set_description (self->welcome_page, message);
  gtk_window_set_title (GTK_WINDOW (self), display_name);
}

/* Helpers: saving */

static gboolean
save_to (EscMainWindow *self,
         const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = file_display_name (file);
  g_autofree char *toast = NULL;
  const char *old_key = self->recovery_key;

  drop_focus (self);
  if (!esc_project_file_save (self->project, path, &error))
    {
      g_autofree char *body = NULL;

      /* TRANSLATORS: after the reason a save failed ("Could not save “x.escala”: the
       * disk is full. …") */
      body = g_strdup_printf ("%s\n\n%s", error->message,
                              _("Nothing was lost: the changes are still open in this window "
                                "and no file was changed."));
      show_error_dialog (self, _("Could Not Save the Project"), body);
      /* A save asked for by closing failed: the window stays, and a later save does
       * not close it. */
      self->close_after_save = FALSE;
      return FALSE;
    }

  /* The copy for recovery is no longer needed; the project is known by its path now. */
  if (old_key != NULL)
    esc_recovery_remove (old_key);
  g_free (self->recovery_key);
  self->recovery_key = g_strdup (path);
  esc_recovery_remove (path);
  self->autosaved_generation = 0;
  clear_autosave_error (self);

  g_free (self->display_name);
  self->display_name = g_strdup (name);
  add_to_recent (path);
  remember_folder (self, file);
  update_title (self);
  update_actions (self);

  /* TRANSLATORS: a toast: "Saved “loja-centro.escala”" */
  toast = g_strdup_printf (_("Saved “%s”"), name);
  show_toast (self, toast);

  if (self->close_after_save)
    close_later (self);
  return TRUE;
}

static void
save (EscMainWindow *self)
{
  const char *path;

  if (self->project == NULL)
    return;
  path = esc_project_get_path (self->project);
  if (path == NULL)
    save_as (self);
  else
    save_to (self, path);
}

static void
save_dialog_responded_cb (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(EscMainWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file == NULL || self->project == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }
  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error_dialog (self, _("Could Not Save the Project"),
                         _("Only local files can be written."));
      self->close_after_save = FALSE;
      return;
    }
  if (!g_str_has_suffix (path, ESC_PROJECT_FILE_EXTENSION))
    {
      char *with_extension = g_strconcat (path, ESC_PROJECT_FILE_EXTENSION, NULL);

      g_free (path);
      path = with_extension;
    }
  if (!save_to (self, path))
    self->close_after_save = FALSE;
}

static void
save_as (EscMainWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->project == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Save Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_project_filters (GTK_FILE_CHOOSER (dialog));
  start_in_last_folder (self, GTK_FILE_CHOOSER (dialog));
  if (esc_project_get_path (self->project) != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (esc_project_get_path (self->project));

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), current, NULL);
    }
  else
    {
      g_autofree char *base = strip_extension (self->display_name != NULL ? self->display_name
                                                                          : _("Project"));

      name = g_strconcat (base, ESC_PROJECT_FILE_EXTENSION, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (save_dialog_responded_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Helpers: opening */

static EscMainWindow *
find_window_showing (EscMainWindow *self,
                     GFile         *file)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *path = g_file_get_path (file);

  if (application == NULL || path == NULL)
    return NULL;
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (ESC_IS_MAIN_WINDOW (l->data))
      {
        EscMainWindow *window = l->data;

        if (window->project != NULL &&
            g_strcmp0 (esc_project_get_path (window->project), path) == 0)
          return window;
      }
  return NULL;
}

/* A window shows one project: another opens beside it. */
static EscMainWindow *
window_for_new_project (EscMainWindow *self)
{
  GtkApplication *application;

  if (self->project == NULL)
    return self;
  application = gtk_window_get_application (GTK_WINDOW (self));
  return esc_main_window_new (application != NULL ? ADW_APPLICATION (application) : NULL);
}

static void
open_in_window (EscMainWindow *self,
                GFile         *file)
{
  EscMainWindow *target = find_window_showing (self, file);
  g_autoptr(GError) error = NULL;

  if (target == NULL)
    {
      target = window_for_new_project (self);
      if (!esc_main_window_open_file (target, file, &error))
        g_debug ("%s", error->message);
    }
  gtk_window_present (GTK_WINDOW (target));
}

static void
open_dialog_responded_cb (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(EscMainWindow) self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);

  if (file == NULL)
    return;
  remember_folder (self, file);
  open_in_window (self, file);
}

/* Actions */

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_project_filters (GTK_FILE_CHOOSER (dialog));
  start_in_last_folder (self, GTK_FILE_CHOOSER (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (open_dialog_responded_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_in_window (ESC_MAIN_WINDOW (widget), file);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save (ESC_MAIN_WINDOW (widget));
}

static void
save_as_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  save_as (ESC_MAIN_WINDOW (widget));
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (widget);

  if (self->project == NULL)
    return;
  drop_focus (self);
  esc_project_undo (self->project);
}

/* Keeps the current schedule (a hand-edited one, say) as a version, undoably. */
static void
save_version_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (widget);

  if (self->project == NULL)
    return;
  esc_project_execute_take (self->project,
                            esc_versions_snapshot_command (self->project, ESC_VERSION_KIND_SAVED));
}

static void
redo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (widget);

  if (self->project == NULL)
    return;
  drop_focus (self);
  esc_project_redo (self->project);
}

/* Solving
 *
 * win.solve compiles the project (errors: a dialog listing them, and the sheet of the
 * first is shown) and runs esc_solver_solve_async() with a GCancellable. While it runs,
 * Solve is disabled (one solve at a time; Cancel stops it), a progress panel sits above
 * the Schedule page and a compact one in the header bar, and the project stays
 * editable. When it ends:
 * - optimal or feasible, on the version of the project it was computed from: the
 *   schedule is adopted as one undoable command (esc_schedule_output_store) and a toast
 *   gives the status and the unmet staff-hours;
 * - the project changed meanwhile: nothing is adopted; the toast and the Schedule page
 *   say "computed on an older version of the project" and offer Adopt Anyway / Discard;
 * - infeasible: a dialog lists the reasons, nothing changes;
 * - cancelled (by Cancel, or the window closing or showing another project): the
 *   result is dropped and nothing changes, a toast says so. */

typedef struct
{
  EscMainWindow *window;  /* weak: NULL once the window is gone */
  GCancellable *cancellable;
} SolveProgressData;

static void
solve_progress_data_free (gpointer data)
{
  SolveProgressData *d = data;

  g_clear_weak_pointer (&d->window);
  g_clear_object (&d->cancellable);
  g_free (d);
}

static void
solve_progress_cb (const EscSolverProgress *progress,
                   gpointer                 user_data)
{
  SolveProgressData *d = user_data;

  if (d->window == NULL || d->window->solve_cancellable != d->cancellable)
    return;
  if (d->window->solve_panel != NULL)
    esc_solve_panel_set_progress (ESC_SOLVE_PANEL (d->window->solve_panel), progress);
  if (d->window->header_panel != NULL)
    esc_solve_panel_set_progress (ESC_SOLVE_PANEL (d->window->header_panel), progress);
}

static EscSchedulePage *
schedule_page (EscMainWindow *self)
{
  for (guint i = 0; i < N_PAGES; i++)
    if (pages[i].kind == PAGE_SCHEDULE && self->page_widgets[i] != NULL)
      return ESC_SCHEDULE_PAGE (self->page_widgets[i]);
  return NULL;
}

static void
show_solve_panels (EscMainWindow *self,
                   gboolean       show)
{
  EscSchedulePage *page = schedule_page (self);

  if (show)
    {
      self->solve_panel = g_object_ref_sink (esc_solve_panel_new (FALSE));
      self->header_panel = esc_solve_panel_new (TRUE);
      adw_bin_set_child (self->header_solve_slot, self->header_panel);
      gtk_widget_set_visible (GTK_WIDGET (self->header_solve_slot), TRUE);
      if (page != NULL)
        esc_schedule_page_set_progress_widget (page, self->solve_panel);
    }
  else
    {
      if (page != NULL)
        esc_schedule_page_set_progress_widget (page, NULL);
      g_clear_object (&self->solve_panel);
      self->header_panel = NULL;
      adw_bin_set_child (self->header_solve_slot, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->header_solve_slot), FALSE);
    }
}

static void
cancel_solve (EscMainWindow *self)
{
  if (self->solve_cancellable == NULL)
    return;
  g_cancellable_cancel (self->solve_cancellable);
  g_clear_object (&self->solve_cancellable);
  show_solve_panels (self, FALSE);
}

static void
set_solve_message (EscMainWindow *self,
                   const char    *message,
                   const char    *button_label,
                   const char    *action)
{
  AdwToast *toast = adw_toast_new (message);

  g_free (self->last_solve_message);
  self->last_solve_message = g_strdup (message);
  adw_toast_set_timeout (toast, 8);
  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
set_stale_schedule (EscMainWindow *self,
                    EscSchedule   *schedule,
                    const char    *message)
{
  EscSchedulePage *page = schedule_page (self);

  g_clear_pointer (&self->stale_schedule, esc_schedule_unref);
  if (schedule != NULL)
    self->stale_schedule = esc_schedule_ref (schedule);
  if (page != NULL)
    esc_schedule_page_set_stale (page, schedule != NULL ? message : NULL);
  update_actions (self);
}

/* "Schedule optimal: 12.5 staff-hours of demand unmet" */
static char *
describe_schedule (EscSchedule *schedule)
{
  double unmet_hours = esc_schedule_output_unmet_minutes (schedule) / 60.0;
  const char *status = esc_schedule_status_to_display (schedule->status);
  g_autofree char *unmet = NULL;

  if (unmet_hours < 0.05)
    /* TRANSLATORS: a toast after solving; %s is the status (optimal, feasible) */
    return g_strdup_printf (_("Schedule %s: all demand covered"), status);
  unmet = esc_display_number (unmet_hours, 1);
  /* TRANSLATORS: a toast after solving: "Schedule optimal: 12.5 staff-hours of demand unmet";
   * the number comes formatted for the locale */
  return g_strdup_printf (_("Schedule %s: %s staff-hours of demand unmet"), status, unmet);
}

static void
adopt_schedule (EscMainWindow *self,
                EscSchedule   *schedule)
{
  g_autofree char *message = describe_schedule (schedule);

  esc_project_execute_take (self->project, esc_schedule_output_store (schedule, self->project));
  set_solve_message (self, message, NULL, NULL);
}

static void
show_reasons_dialog (EscMainWindow *self,
                     EscSchedule   *schedule)
{
  g_autoptr(GString) body = g_string_new (_("The rules conflict: no schedule can respect them all."));

  for (guint i = 0; schedule->reasons != NULL && i < schedule->reasons->len; i++)
    g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (schedule->reasons, i));
  show_error_dialog (self, _("No Schedule Possible"), body->str);
}

static void
solve_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(EscMainWindow) self = user_data;
  g_autoptr(GCancellable) cancellable = g_object_ref (g_task_get_cancellable (G_TASK (result)));
  g_autoptr(GError) error = NULL;
  g_autoptr(EscSchedule) schedule = esc_solver_solve_finish (result, &error);

  if (self->solve_cancellable != cancellable)
    return;  /* cancelled and dropped (the window moved on) */
  g_clear_object (&self->solve_cancellable);
  show_solve_panels (self, FALSE);
  update_actions (self);

  if (schedule == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_CANCELLED))
        set_solve_message (self, _("Solve cancelled; the schedule was not changed"), NULL, NULL);
      else if (g_error_matches (error, ESC_SOLVER_ERROR, ESC_SOLVER_ERROR_INFEASIBLE))
        show_error_dialog (self, _("No Schedule Possible"), error->message);
      else
        show_error_dialog (self, _("Solving Failed"), error->message);
      return;
    }

  switch (schedule->status)
    {
    case ESC_SCHEDULE_CANCELLED:
      set_solve_message (self, _("Solve cancelled; the schedule was not changed"), NULL, NULL);
      return;
    case ESC_SCHEDULE_INFEASIBLE:
      set_solve_message (self, _("No schedule possible: the rules conflict"), NULL, NULL);
      show_reasons_dialog (self, schedule);
      return;
    default:
      break;
    }

  if (schedule->problem->generation != esc_project_get_generation (self->project))
    {
      g_autofree char *summary = describe_schedule (schedule);
      g_autofree char *message = NULL;

      /* TRANSLATORS: %s is "Schedule optimal: 12.5 staff-hours of demand unmet" */
      message = g_strdup_printf (_("%s, computed on an older version of the project"), summary);
      set_stale_schedule (self, schedule, message);
      set_solve_message (self, message, _("_Adopt"), "win.adopt-schedule");
      return;
    }
  adopt_schedule (self, schedule);
}

/* Shows the sheet of the first error among @diagnostics. */
static void
show_first_problem (EscMainWindow *self,
                    GPtrArray     *diagnostics)
{
  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const EscDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (d->severity != ESC_SEVERITY_ERROR)
        continue;
      for (guint p = 0; p < N_PAGES; p++)
        if (diagnostic_belongs_to (d, p))
          {
            show_page_index (self, p);
            return;
          }
    }
}

static void
solve_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (widget);
  g_autoptr(EscProblem) problem = NULL;
  g_autoptr(GError) error = NULL;
  EscSolverOptions options = { 0 };
  SolveProgressData *data;

  if (self->project == NULL || self->solve_cancellable != NULL)
    return;

  problem = esc_problem_new_from_project (self->project, &error);
  if (problem == NULL)
    {
      g_autoptr(GPtrArray) diagnostics = esc_validate_project (self->project);
      g_autoptr(GString) body = g_string_new (error->message);
      guint shown = 0;

      for (guint i = 0; i < diagnostics->len && shown < 12; i++)
        {
          const EscDiagnostic *d = g_ptr_array_index (diagnostics, i);
          g_autofree char *text = NULL;

          if (d->severity != ESC_SEVERITY_ERROR)
            continue;
          text = esc_diagnostic_to_string (d);
          g_string_append_printf (body, "\n• %s", text);
          shown++;
        }
      show_error_dialog (self, _("The Project Has Errors"), body->str);
      show_first_problem (self, diagnostics);
      return;
    }

  esc_preferences_apply_solver_options (&options);
  set_stale_schedule (self, NULL, NULL);
  self->solve_cancellable = g_cancellable_new ();
  show_solve_panels (self, TRUE);
  update_actions (self);

  data = g_new0 (SolveProgressData, 1);
  g_set_weak_pointer (&data->window, self);
  data->cancellable = g_object_ref (self->solve_cancellable);
  esc_solver_solve_async (problem, &options, self->solve_cancellable, solve_progress_cb, data,
                          solve_progress_data_free, solve_done_cb, g_object_ref (self));
}

static void
cancel_solve_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (widget);

  if (self->solve_cancellable == NULL)
    return;
  cancel_solve (self);
  update_actions (self);
  set_solve_message (self, _("Solve cancelled; the schedule was not changed"), NULL, NULL);
}

static void
adopt_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (widget);
  g_autoptr(EscSchedule) schedule = NULL;

  if (self->stale_schedule == NULL || self->project == NULL)
    return;
  schedule = esc_schedule_ref (self->stale_schedule);
  set_stale_schedule (self, NULL, NULL);
  adopt_schedule (self, schedule);
}

static void
discard_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  set_stale_schedule (ESC_MAIN_WINDOW (widget), NULL, NULL);
}

/* Import
 *
 * win.import (or an .xlsx dropped on the window) imports the workbook on a worker
 * thread. Success: the imported tables replace the project's in one undoable command
 * (into a new project when none is open) and a toast gives the counts. Failure: a
 * dialog lists every problem, with "Import, Skipping N Rows" (the import again with
 * skip_bad_rows) when skipping can help; Cancel changes nothing. */

static void start_import (EscMainWindow *self, const char *path, gboolean skip_bad_rows);

static void
import_dialog_responded_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            gpointer          user_data)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (user_data);

  if (g_strcmp0 (response, "skip") == 0 && self->import_path != NULL)
    {
      g_autofree char *path = g_strdup (self->import_path);

      start_import (self, path, TRUE);
    }
}

static void
apply_import (EscMainWindow   *self,
              EscImportResult *result)
{
  guint total = 0;
  guint n_tables = 0;
  g_autofree char *message = NULL;
  g_autofree char *name = g_path_get_basename (self->import_path);

  for (guint t = 0; t < ESC_N_TABLES; t++)
    if (result->tables_read[t])
      {
        total += result->counts[t];
        n_tables++;
      }
  if (self->project == NULL)
    {
      g_autoptr(EscProject) project = esc_project_new ();

      esc_project_execute_take (project, esc_template_import_command (project, result->project));
      g_autofree char *key = new_recovery_key ();

      set_project (self, project, name, key);
    }
  else
    esc_project_execute_take (self->project, esc_template_import_command (self->project,
                                                                     result->project));
  /* TRANSLATORS: a toast after an import: "Imported 412 rows in 9 sheets" */
  message = g_strdup_printf (_("Imported %u rows in %u sheets"), total, n_tables);
  if (result->n_skipped > 0)
    {
      g_autofree char *longer = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%s, %u row skipped",
                                                              "%s, %u rows skipped",
                                                              result->n_skipped),
                                                 message, result->n_skipped);

      g_free (message);
      message = g_steal_pointer (&longer);
    }
  show_toast (self, message);
}

/* The page that shows a table, for "show me" links from problems. */
static const char *
page_key_for_table (EscTableId table)
{
  if (table == ESC_TABLE_PARAMETER)
    return "parameters";
  if (table == ESC_TABLE_ALLOCATION)
    return "schedule";
  return table < ESC_N_TABLES ? esc_schema_get_table (table)->key : NULL;
}

static void
import_problem_activated_cb (GtkListBox    *list,
                             GtkListBoxRow *row,
                             EscMainWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (row), "page-key");
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_MESSAGE_DIALOG);

  if (key == NULL)
    return;
  esc_main_window_show_page (self, key);
  if (dialog != NULL)
    gtk_window_close (GTK_WINDOW (dialog));
}

/* Every problem of an import as a row: the cell ("Demand!F40") and the message; rows
 * whose table has a page are activatable and show that page (the table as it is in the
 * project: with a failed import nothing changed, so it shows what the workbook would
 * have replaced). */
static GtkWidget *
create_import_problem_list (EscMainWindow *self,
                            GPtrArray     *problems)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < problems->len; i++)
    {
      const EscImportProblem *problem = g_ptr_array_index (problems, i);
      const char *key = page_key_for_table (problem->table);
      g_autofree char *where = problem->sheet == NULL ? g_strdup (_("Workbook"))
                               : problem->cell == NULL ? g_strdup (problem->sheet)
                               : g_strdup_printf ("%s!%s", problem->sheet, problem->cell);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), where);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->message);
      if (problem->severity == ESC_SEVERITY_WARNING)
        gtk_widget_add_css_class (row, "warning");
      else
        gtk_widget_add_css_class (row, "error");
      if (key != NULL)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          g_object_set_data (G_OBJECT (row), "page-key", (gpointer) key);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect_object (list, "row-activated", G_CALLBACK (import_problem_activated_cb),
                           self, 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(EscMainWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EscImportResult) result = esc_template_import_finish (res, &error);
  g_autoptr(GString) body = NULL;
  GtkWidget *dialog;

  self->importing = FALSE;
  update_actions (self);
  if (result == NULL)
    {
      show_error_dialog (self, _("Cannot Import the Workbook"), error->message);
      return;
    }
  if (result->project != NULL)
    {
      apply_import (self, result);
      return;
    }

  body = g_string_new (result->error != NULL ? result->error->message : "");
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Workbook Has Problems"), body->str);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      create_import_problem_list (self, result->problems));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (!result->fatal && result->n_bad_rows > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "_Import, Skipping %u Row",
                                                             "_Import, Skipping %u Rows",
                                                             result->n_bad_rows),
                                                result->n_bad_rows);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "skip", label);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "skip",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_dialog_responded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_import (EscMainWindow *self,
              const char    *path,
              gboolean       skip_bad_rows)
{
  EscImportOptions options = { .skip_bad_rows = skip_bad_rows };

  if (self->importing)
    return;
  g_free (self->import_path);
  self->import_path = g_strdup (path);
  self->importing = TRUE;
  update_actions (self);
  esc_template_import_async (path, &options, NULL, import_done_cb, g_object_ref (self));
}

static void
import_chooser_responded_cb (GtkNativeDialog *dialog,
                             int              response,
                             gpointer         user_data)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        start_import (self, path, FALSE);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import a Workbook"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chooser_responded_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (EscMainWindow *self,
         const GValue  *value,
         double         x,
         double         y)
{
  GFile *file = g_value_get_object (value);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path == NULL)
    return FALSE;
  if (g_str_has_suffix (path, ".escala"))
    return esc_main_window_open_file (self, file, NULL);
  {
    g_autofree char *lower = g_utf8_strdown (path, -1);

    if (!g_str_has_suffix (lower, ".xlsx"))
      return FALSE;
  }
  start_import (self, path, FALSE);
  return TRUE;
}

/* Export: the template (.xlsx) of the project, or the results workbook of its saved
 * schedule when there is one (a choice dialog first). */

static void
export_chooser_responded_cb (GtkNativeDialog *dialog,
                             int              response,
                             gpointer         user_data)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (user_data);
  gboolean results = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "results"));

  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (results)
        {
          g_autoptr(EscSchedule) schedule = esc_results_load_saved_schedule (self->project, NULL,
                                                                             &error);

          ok = schedule != NULL &&
               esc_results_export_workbook (schedule, self->project, path,
                                            esc_preferences_get_template_language (), &error);
        }
      else
        ok = esc_template_export (self->project, path, esc_preferences_get_template_language (),
                                  &error);
      if (ok)
        {
          g_autofree char *name = g_path_get_basename (path);
          /* TRANSLATORS: a toast: "Exported “week-49.xlsx”" */
          g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

          show_toast (self, message);
        }
      else
        show_error_dialog (self, _("Cannot Export"), error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_to (EscMainWindow *self,
           gboolean       results)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (results ? _("Export the Results")
                                                 : _("Export the Template"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), NULL);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strdup_printf ("%s%s.xlsx", self->display_name != NULL ? self->display_name : "escala",
                          results ? _("-results") : "");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "results", GINT_TO_POINTER (results));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_chooser_responded_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_choice_responded_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            gpointer          user_data)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (user_data);

  if (g_strcmp0 (response, "template") == 0)
    export_to (self, FALSE);
  else if (g_strcmp0 (response, "results") == 0)
    export_to (self, TRUE);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (widget);
  GtkWidget *dialog;

  if (self->project == NULL)
    return;
  if (esc_table_get_n_rows (esc_project_get_table (self->project, ESC_TABLE_ALLOCATION)) == 0)
    {
      export_to (self, FALSE);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export"),
                                   _("Export the project's data as the template workbook, or the schedule as the results workbook (roster, allocations, totals)."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "template", _("_Template"), "results", _("_Results"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "results",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "results");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_choice_responded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
static void
grid_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EscTableView *view = esc_main_window_get_table_view (ESC_MAIN_WINDOW (widget));
  const char *grid_action;

  if (view == NULL)
    return;
  if (g_str_equal (action_name, "win.find"))
    grid_action = "grid.find";
  else if (g_str_equal (action_name, "win.add-row"))
    grid_action = "grid.add-row";
  else if (g_str_equal (action_name, "win.delete-rows"))
    grid_action = "grid.delete-rows";
  else
    grid_action = "grid.duplicate-rows";
  gtk_widget_activate_action (GTK_WIDGET (view), grid_action, NULL);
}

static void
show_page_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  esc_main_window_show_page (ESC_MAIN_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Signal callbacks */

static void
sidebar_row_selected_cb (EscMainWindow *self,
                         GtkListBoxRow *row)
{
  if (row == NULL || self->selecting_row)
    return;
  for (guint i = 0; i < N_PAGES; i++)
    if (GTK_LIST_BOX_ROW (self->rows[i]) == row)
      {
        drop_focus (self);
        show_page_index (self, i);
        return;
      }
}

static void
sidebar_row_activated_cb (EscMainWindow *self,
                          GtkListBoxRow *row)
{
  sidebar_row_selected_cb (self, row);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (EscMainWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
sidebar_header_cb (GtkListBoxRow *row,
                   GtkListBoxRow *before,
                   gpointer       user_data)
{
  const char *section = esc_sidebar_row_get_section (ESC_SIDEBAR_ROW (row));
  GtkWidget *label;

  if (section == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (gtk_list_box_row_get_header (row) != NULL)
    return;
  label = gtk_label_new (section);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "esc-sidebar-heading");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  if (before == NULL)
    gtk_widget_add_css_class (label, "first");
  gtk_list_box_row_set_header (row, label);
}

static void
recent_changed_cb (EscMainWindow *self)
{
  update_recent (self);
}

static void
close_dialog_responded_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           EscMainWindow    *self)
{
  if (g_str_equal (response, "discard"))
    {
      if (self->recovery_key != NULL)
        esc_recovery_remove (self->recovery_key);
      close_later (self);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      save (self);
    }
}

static void
recovery_dialog_responded_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              EscMainWindow    *self)
{
  EscRecoveryFile *file;
  g_autoptr(GError) error = NULL;

  if (self->pending_recovery == NULL || self->pending_recovery->len == 0)
    return;
  file = g_ptr_array_index (self->pending_recovery, 0);

  if (g_str_equal (response, "recover"))
    {
      if (!esc_main_window_recover (self, file, &error))
        show_error_dialog (self, _("Could Not Recover the Changes"), error->message);
    }
  else if (g_str_equal (response, "discard"))
    esc_recovery_discard (file);

  g_ptr_array_remove_index (self->pending_recovery, 0);
  offer_next_recovery (self);
}

static void
offer_next_recovery (EscMainWindow *self)
{
  EscRecoveryFile *file;
  GtkWidget *dialog;
  g_autofree char *when = NULL;
  g_autofree char *name = NULL;

  if (self->pending_recovery == NULL || self->pending_recovery->len == 0)
    {
      g_clear_pointer (&self->pending_recovery, g_ptr_array_unref);
      return;
    }
  file = g_ptr_array_index (self->pending_recovery, 0);
  /* TRANSLATORS: when a recovery copy was written: "7 December 2026 at 14:32" */
  when = g_date_time_format (file->saved, _("%-d %B %Y at %H:%M"));
  name = strip_extension (file->display_name != NULL && *file->display_name != '\0'
                            ? file->display_name : _("Untitled project"));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Recover Unsaved Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Escala closed unexpectedly while “%s” had unsaved changes. "
                                    "A copy was kept on %s."),
                                  name, when);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "later", _("_Not Now"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_dialog_responded_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Parent overrides */

static gboolean
esc_main_window_close_request (GtkWindow *window)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (window);
  GtkWidget *dialog;
  g_autofree char *name = NULL;

  drop_focus (self);

  if (self->close_confirmed || self->project == NULL || !esc_project_get_modified (self->project))
    {
      if (self->recovery_key != NULL && self->project != NULL &&
          !esc_project_get_modified (self->project))
        esc_recovery_remove (self->recovery_key);
      return GTK_WINDOW_CLASS (esc_main_window_parent_class)->close_request (window);
    }

  name = strip_extension (self->display_name);
  dialog = adw_message_dialog_new (window, _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes that are not saved are "
                                    "lost."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_dialog_responded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
esc_main_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
esc_main_window_dispose (GObject *object)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (object);

  g_clear_handle_id (&self->validate_id, g_source_remove);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  cancel_solve (self);
  g_clear_pointer (&self->stale_schedule, esc_schedule_unref);
  g_clear_object (&self->audit);
  disconnect_project (self);
  memset (self->page_widgets, 0, sizeof self->page_widgets);
  memset (self->rows, 0, sizeof self->rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), ESC_TYPE_MAIN_WINDOW);
  g_clear_object (&self->project);
  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->pending_recovery, g_ptr_array_unref);
  g_clear_object (&self->autosave_toast);

  G_OBJECT_CLASS (esc_main_window_parent_class)->dispose (object);
}

static void
esc_main_window_finalize (GObject *object)
{
  EscMainWindow *self = ESC_MAIN_WINDOW (object);

  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->recovery_key, g_free);
  g_clear_pointer (&self->disabled_actions, g_hash_table_unref);
  g_clear_pointer (&self->last_solve_message, g_free);
  g_clear_pointer (&self->import_path, g_free);
  g_clear_pointer (&self->autosave_error, g_free);

  G_OBJECT_CLASS (esc_main_window_parent_class)->finalize (object);
}

static void
esc_main_window_class_init (EscMainWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = esc_main_window_get_property;
  object_class->dispose = esc_main_window_dispose;
  object_class->finalize = esc_main_window_finalize;

  window_class->close_request = esc_main_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, ESC_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/escala/Escala/ui/esc-main-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, project_title);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, project_subtitle);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, page_stack);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, EscMainWindow, header_solve_slot);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action_cb);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action_cb);
  gtk_widget_class_install_action (widget_class, "win.autosave-details", NULL,
                                   autosave_details_action_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.save-version", NULL, save_version_action_cb);
  gtk_widget_class_install_action (widget_class, "win.solve", NULL, solve_action_cb);
  gtk_widget_class_install_action (widget_class, "win.reoptimize", NULL, solve_action_cb);
  gtk_widget_class_install_action (widget_class, "win.cancel-solve", NULL, cancel_solve_action_cb);
  gtk_widget_class_install_action (widget_class, "win.adopt-schedule", NULL, adopt_action_cb);
  gtk_widget_class_install_action (widget_class, "win.discard-schedule", NULL, discard_action_cb);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, grid_action_cb);
  gtk_widget_class_install_action (widget_class, "win.add-row", NULL, grid_action_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-rows", NULL, grid_action_cb);
  gtk_widget_class_install_action (widget_class, "win.duplicate-rows", NULL, grid_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.solve", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK,
                                       "win.add-row", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Insert, GDK_CONTROL_MASK,
                                       "win.add-row", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK,
                                       "win.delete-rows", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, GDK_CONTROL_MASK,
                                       "win.delete-rows", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "win.duplicate-rows", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
}

static void
esc_main_window_init (EscMainWindow *self)
{
  GtkRecentManager *recent = gtk_recent_manager_get_default ();

  self->current_page = -1;
  self->disabled_actions = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->recent_menu = g_menu_new ();
  adw_split_button_set_menu_model (self->open_button, G_MENU_MODEL (self->recent_menu));
  g_signal_connect_object (recent, "changed", G_CALLBACK (recent_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_recent (self);

  for (guint i = 0; i < N_PAGES; i++)
    {
      GtkWidget *row = esc_sidebar_row_new (pages[i].key, page_title (i),
                                            pages[i].section != NULL ? _(pages[i].section) : NULL);

      self->rows[i] = ESC_SIDEBAR_ROW (row);
      gtk_list_box_append (self->sidebar_list, row);
    }
  gtk_list_box_set_header_func (self->sidebar_list, sidebar_header_cb, NULL, NULL);

  {
    GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

    g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }

  self->settings = create_settings ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized",
                       G_SETTINGS_BIND_DEFAULT);
    }

  update_title (self);
  update_actions (self);
}

/* Public API */

void
esc_main_window_import_file (EscMainWindow *self,
                             const char    *path)
{
  g_return_if_fail (ESC_IS_MAIN_WINDOW (self));
  g_return_if_fail (path != NULL);

  start_import (self, path, FALSE);
}

gboolean
esc_main_window_is_busy (EscMainWindow *self)
{
  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), FALSE);

  return self->solve_cancellable != NULL || self->importing;
}

const char *
esc_main_window_get_solve_message (EscMainWindow *self)
{
  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), NULL);

  return self->last_solve_message;
}

EscMainWindow *
esc_main_window_new (AdwApplication *application)
{
  return g_object_new (ESC_TYPE_MAIN_WINDOW, "application", application, NULL);
}

gboolean
esc_main_window_open_file (EscMainWindow  *self,
                           GFile          *file,
                           GError        **error)
{
  g_autoptr(EscProject) project = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  display_name = file_display_name (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_parse_name (file);

      g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local file; only local project files can be opened"), uri);
    }
  else
    project = esc_project_file_load (path, &local_error);

  if (project == NULL)
    {
      show_load_error (self, display_name, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  set_project (self, project, display_name, path);
  add_to_recent (path);
  return TRUE;
}

void
esc_main_window_set_project (EscMainWindow *self,
                             EscProject    *project,
                             const char    *display_name)
{
  g_autofree char *key = NULL;

  g_return_if_fail (ESC_IS_MAIN_WINDOW (self));
  g_return_if_fail (project == NULL || ESC_IS_PROJECT (project));

  if (project != NULL)
    key = esc_project_get_path (project) != NULL ? g_strdup (esc_project_get_path (project))
                                                 : new_recovery_key ();
  set_project (self, project, display_name != NULL ? display_name : _("Untitled project"), key);
}

EscProject *
esc_main_window_get_project (EscMainWindow *self)
{
  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), NULL);

  return self->project;
}

gboolean
esc_main_window_show_page (EscMainWindow *self,
                           const char    *name)
{
  int index;

  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), FALSE);

  index = find_page (name);
  if (index < 0 || self->project == NULL)
    return FALSE;
  drop_focus (self);
  show_page_index (self, index);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  return TRUE;
}

const char *
esc_main_window_get_page (EscMainWindow *self)
{
  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), NULL);

  return self->current_page >= 0 ? pages[self->current_page].key : NULL;
}

GtkWidget *
esc_main_window_get_page_widget (EscMainWindow *self,
                                 const char    *name)
{
  int index;

  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), NULL);

  index = find_page (name);
  if (index < 0)
    return NULL;
  return ensure_page (self, index);
}

EscTableView *
esc_main_window_get_table_view (EscMainWindow *self)
{
  GtkWidget *page;

  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), NULL);

  if (self->current_page < 0 || (page = self->page_widgets[self->current_page]) == NULL)
    return NULL;
  if (ESC_IS_TABLE_VIEW (page))
    return ESC_TABLE_VIEW (page);
  if (ESC_IS_HOLIDAY_PAGE (page))
    return esc_holiday_page_get_table_view (ESC_HOLIDAY_PAGE (page));
  if (ESC_IS_SCHEDULE_PAGE (page))
    {
      EscTable *table = esc_project_get_table (self->project, ESC_TABLE_ALLOCATION);

      return esc_table_get_n_rows (table) > 0
               ? esc_schedule_page_get_table_view (ESC_SCHEDULE_PAGE (page)) : NULL;
    }
  return NULL;
}

const char * const *
esc_main_window_list_pages (void)
{
  static const char *keys[N_PAGES + 1];

  if (keys[0] == NULL)
    for (guint i = 0; i < N_PAGES; i++)
      keys[i] = pages[i].key;
  return keys;
}

guint
esc_main_window_get_n_problems (EscMainWindow *self,
                                const char    *name)
{
  int index;

  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), 0);

  index = find_page (name);
  return index >= 0 ? esc_sidebar_row_get_n_problems (self->rows[index]) : 0;
}

void
esc_main_window_validate_now (EscMainWindow *self)
{
  g_return_if_fail (ESC_IS_MAIN_WINDOW (self));

  validate (self);
}

gboolean
esc_main_window_save_as_path (EscMainWindow *self,
                              const char    *path)
{
  g_autofree char *full = NULL;

  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->project == NULL)
    return FALSE;
  full = g_str_has_suffix (path, ESC_PROJECT_FILE_EXTENSION)
           ? g_strdup (path) : g_strconcat (path, ESC_PROJECT_FILE_EXTENSION, NULL);
  return save_to (self, full);
}

gboolean
esc_main_window_autosave_now (EscMainWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint64 generation;

  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), FALSE);

  if (self->project == NULL || self->recovery_key == NULL)
    return FALSE;
  if (!esc_project_get_modified (self->project))
    {
      /* Back to what is on disk (undone, say): no copy is needed. */
      esc_recovery_remove (self->recovery_key);
      self->autosaved_generation = 0;
      return FALSE;
    }
  generation = esc_project_get_generation (self->project);
  if (generation == self->autosaved_generation)
    return FALSE;

  if (!esc_recovery_save (self->project, self->recovery_key, esc_project_get_path (self->project),
                          self->display_name, &error))
    {
      g_debug ("Could not write the recovery copy: %s", error->message);
      report_autosave_error (self, error->message);
      return FALSE;
    }
  self->autosaved_generation = generation;
  clear_autosave_error (self);
  return TRUE;
}

const char *
esc_main_window_get_recovery_key (EscMainWindow *self)
{
  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), NULL);

  return self->recovery_key;
}

gboolean
esc_main_window_recover (EscMainWindow    *self,
                         EscRecoveryFile  *file,
                         GError          **error)
{
  g_autoptr(EscProject) recovered = NULL;
  g_autoptr(EscProject) base = NULL;
  g_autoptr(GPtrArray) commands = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *display_name = NULL;
  EscMainWindow *target;

  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), FALSE);
  g_return_val_if_fail (file != NULL, FALSE);

  recovered = esc_project_file_load (file->data_path, error);
  if (recovered == NULL)
    return FALSE;

  /* Start from the file as saved, so that undo takes the recovered changes back. */
  if (file->original_path != NULL && g_file_test (file->original_path, G_FILE_TEST_IS_REGULAR))
    base = esc_project_file_load (file->original_path, NULL);
  if (base == NULL)
    {
      base = esc_project_new ();
      if (file->original_path != NULL)
        esc_project_set_path (base, file->original_path);
    }

  for (EscTableId t = 0; t < ESC_N_TABLES; t++)
    {
      EscTable *table = esc_project_get_table (base, t);
      EscTable *source = esc_project_get_table (recovered, t);
      g_autoptr(GPtrArray) rows = NULL;

      if (esc_table_equal (table, source))
        continue;
      rows = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < esc_table_get_n_rows (source); i++)
        g_ptr_array_add (rows, esc_row_copy (esc_table_get_row (source, i)));
      g_ptr_array_add (commands, esc_command_new_replace_rows (table, rows));
    }
  if (commands->len > 0)
    {
      g_autoptr(EscCommand) group = esc_command_new_group (_("Recover unsaved changes"), commands);

      esc_project_execute (base, group);
    }

  display_name = g_strdup (file->display_name != NULL && *file->display_name != '\0'
                             ? file->display_name : _("Untitled project"));
  /* The window showing that very file, unchanged, takes the recovered changes. */
  if (self->project != NULL && !esc_project_get_modified (self->project) &&
      file->original_path != NULL &&
      g_strcmp0 (esc_project_get_path (self->project), file->original_path) == 0)
    target = self;
  else
    target = window_for_new_project (self);
  set_project (target, base, display_name, file->key);
  gtk_window_present (GTK_WINDOW (target));
  return TRUE;
}

void
esc_main_window_offer_recovery (EscMainWindow *self)
{
  g_return_if_fail (ESC_IS_MAIN_WINDOW (self));

  if (self->pending_recovery != NULL)
    return;
  self->pending_recovery = esc_recovery_list ();
  offer_next_recovery (self);
}

gboolean
esc_main_window_get_action_enabled (EscMainWindow *self,
                                    const char    *name)
{
  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), FALSE);

  return !g_hash_table_contains (self->disabled_actions, name);
}

gboolean
esc_main_window_save_png (EscMainWindow  *self,
                          const char     *path,
                          GError        **error)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (self));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;

  g_return_val_if_fail (ESC_IS_MAIN_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (width <= 0 || height <= 0 || renderer == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The window has not been drawn yet"));
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The window has nothing to draw"));
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the screenshot “%s”"), display_name);
      return FALSE;
    }
  return TRUE;
}
