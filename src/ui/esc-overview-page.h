/* esc-overview-page.h: the Overview page: the saved schedule's figures and charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/esc-project.h"

G_BEGIN_DECLS

#define ESC_TYPE_OVERVIEW_PAGE (esc_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (EscOverviewPage, esc_overview_page, ESC, OVERVIEW_PAGE, GtkWidget)

GtkWidget *esc_overview_page_new      (EscProject      *project);
/* Recomputes the figures now (they follow the project's schedule from an idle). */
void       esc_overview_page_update   (EscOverviewPage *self);
/* "coverage", "unmet", "sundays", "holidays", "pending": the figure shown, or NULL
 * when there is no schedule (tests). */
const char *esc_overview_page_get_figure (EscOverviewPage *self,
                                          const char      *name);

G_END_DECLS
