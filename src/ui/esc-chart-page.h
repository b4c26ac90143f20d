/* esc-chart-page.h: the Chart page: the Gantt view with its toolbar and the list of
 * broken rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/esc-project.h"
#include "esc-gantt-view.h"

G_BEGIN_DECLS

#define ESC_TYPE_CHART_PAGE (esc_chart_page_get_type ())
G_DECLARE_FINAL_TYPE (EscChartPage, esc_chart_page, ESC, CHART_PAGE, GtkWidget)

EscChartPage *esc_chart_page_new            (void);
void          esc_chart_page_set_project    (EscChartPage *self,
                                             EscProject   *project);
EscProject   *esc_chart_page_get_project    (EscChartPage *self);
EscGanttView *esc_chart_page_get_view       (EscChartPage *self);
/* The list of broken rules (one row per issue of the view). */
GtkListBox   *esc_chart_page_get_issue_list (EscChartPage *self);
/* Compares versions @a and @b (ids) as if picked in the side area and Compare pressed;
 * NULL stops comparing. */
void          esc_chart_page_compare_versions (EscChartPage *self,
                                               const char   *a,
                                               const char   *b);
/* The figures of the comparison (the side area's label). */
GtkLabel     *esc_chart_page_get_compare_label (EscChartPage *self);
/* The read-only chart of a comparison. */
GtkWidget    *esc_chart_page_get_compare_area (EscChartPage *self);

G_END_DECLS
