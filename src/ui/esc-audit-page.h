/* esc-audit-page.h: the audit log, read-only, filtered by table and employee.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/esc-project.h"

G_BEGIN_DECLS

#define ESC_TYPE_AUDIT_PAGE (esc_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (EscAuditPage, esc_audit_page, ESC, AUDIT_PAGE, GtkWidget)

GtkWidget *esc_audit_page_new          (EscProject   *project);
/* Filters: a table key ("employee", NULL: every table) and an employee id (NULL or
 * "": every entry). */
void       esc_audit_page_set_filter   (EscAuditPage *self,
                                        const char   *table_key,
                                        const char   *employee);
/* Entries shown after filtering. */
guint      esc_audit_page_get_n_shown  (EscAuditPage *self);

G_END_DECLS
