/* test-ui.h: what the UI tests share: a main loop to wait on, windows with the sample.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "esc-main-window.h"
#include "esc-table-view.h"

G_BEGIN_DECLS

/* A scratch folder for the test run (XDG folders point into it too). */
extern char *test_tmp_dir;

/* Runs the main loop for about @ms milliseconds. */
void           test_iterate        (guint          ms);
/* Runs the main loop until @condition (data) holds; fails after @timeout_ms (six times
 * that in the sanitizer build, esc-test-build.h). */
void           test_wait_until     (gboolean     (*condition) (gpointer data),
                                    gpointer       data,
                                    guint          timeout_ms,
                                    const char    *what);

/* A copy of the sample project in the scratch folder (a new name each call). */
char          *test_copy_sample    (void);
/* A window showing a fresh copy of the sample, presented and drawn. */
EscMainWindow *test_open_sample    (void);
/* Drops the focus and destroys @window, whatever its changes. */
void           test_close_window   (EscMainWindow *window);
/* Shows page @name and waits until its grid shows cells; returns the grid. */
EscTableView  *test_show_grid      (EscMainWindow *window,
                                    const char    *name);
/* Waits until the cell (@position, @column) of @view is on screen and returns it. */
EscGridCell   *test_wait_for_cell  (EscTableView  *view,
                                    guint          position,
                                    guint          column);

void           test_add_screenshot_tests (void);
void           test_add_grid_tests       (void);
void           test_add_grid_pace_tests  (void);
void           test_add_page_tests       (void);
void           test_add_file_tests       (void);
void           test_add_solve_tests      (void);
void           test_add_reassign_page_tests (void);
void           test_add_staffing_page_tests (void);
void           test_add_app_tests        (void);
void           test_add_crash_tests      (void);
void           test_add_stress_tests     (void);

G_END_DECLS
void           esc_test_add_gantt_view_tests (void);
