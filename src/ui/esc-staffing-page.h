/* esc-staffing-page.h: the Staffing page: workload history to a forecast, required
 * agents per interval and generated Demand rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/esc-project.h"

G_BEGIN_DECLS

#define ESC_TYPE_STAFFING_PAGE (esc_staffing_page_get_type ())
G_DECLARE_FINAL_TYPE (EscStaffingPage, esc_staffing_page, ESC, STAFFING_PAGE, GtkWidget)

GtkWidget  *esc_staffing_page_new             (EscProject      *project);

/* Loads a history file (CSV or XLSX) on a worker thread, then forecasts it; what
 * "Load History…" does after its file chooser. Errors are shown in a dialog. */
void        esc_staffing_page_load_history    (EscStaffingPage *self,
                                               const char      *path);
/* Compares the saved forecast at @forecast_path with the actuals in the history at
 * @history_path (worker thread); the WAPE is shown in the figures. */
void        esc_staffing_page_compare         (EscStaffingPage *self,
                                               const char      *forecast_path,
                                               const char      *history_path);
/* Saves the current forecast (every channel) as JSON. */
gboolean    esc_staffing_page_save_forecast   (EscStaffingPage *self,
                                               const char      *path,
                                               GError         **error);
/* Writes the staff to schedule of the channel shown (point forecast or, with
 * @use_upper, the upper bound) as Demand rows of @store and @role, one undoable
 * command. Returns the number of rows written, or -1 with @error set. */
int         esc_staffing_page_generate_demand (EscStaffingPage *self,
                                               const char      *store,
                                               const char      *role,
                                               gboolean         use_upper,
                                               GError         **error);

/* TRUE while a history is being read or a forecast computed. */
gboolean    esc_staffing_page_is_busy         (EscStaffingPage *self);
/* TRUE when a forecast is shown. */
gboolean    esc_staffing_page_has_forecast    (EscStaffingPage *self);
/* The channel shown, or NULL; selects another one of the history. */
const char *esc_staffing_page_get_channel     (EscStaffingPage *self);
gboolean    esc_staffing_page_set_channel     (EscStaffingPage *self,
                                               const char      *channel);
/* Rows of the table of required agents, and the largest number of agents in it. */
guint       esc_staffing_page_get_n_rows      (EscStaffingPage *self);
int         esc_staffing_page_get_max_required (EscStaffingPage *self);
/* The backtest of the channel shown (fractions; NAN when there is none). */
void        esc_staffing_page_get_backtest    (EscStaffingPage *self,
                                               double          *mape,
                                               double          *wape);
/* The WAPE of the last comparison with actuals (NAN before). */
double      esc_staffing_page_get_compare_wape (EscStaffingPage *self);
/* The last message shown in a toast or an error dialog (tests), or NULL. */
const char *esc_staffing_page_get_message     (EscStaffingPage *self);

G_END_DECLS
