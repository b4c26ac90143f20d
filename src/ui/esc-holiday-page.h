/* esc-holiday-page.h: the Holidays page: the holiday grid with a choice of region.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/esc-project.h"
#include "esc-table-view.h"

G_BEGIN_DECLS

#define ESC_TYPE_HOLIDAY_PAGE (esc_holiday_page_get_type ())
G_DECLARE_FINAL_TYPE (EscHolidayPage, esc_holiday_page, ESC, HOLIDAY_PAGE, GtkWidget)

GtkWidget    *esc_holiday_page_new            (EscProject     *project);
EscTableView *esc_holiday_page_get_table_view (EscHolidayPage *self);
/* Shows the holidays of a region: "" for all, "national", "state:SP" or
 * "location:LOC01". FALSE when the project has no such region. */
gboolean      esc_holiday_page_set_region     (EscHolidayPage *self,
                                               const char     *region);
const char   *esc_holiday_page_get_region     (EscHolidayPage *self);

G_END_DECLS
