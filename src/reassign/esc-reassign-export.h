/* esc-reassign-export.h: a run as an XLSX workbook.
 *
 * Sheets, in order: "Summary" (the totals, and the comparison with greedy in the optimal
 * mode), "Requests" (every served group with its need and coverage), then per category
 * in serving order "<category>_moves" (moves with their backfills), "<category>_options"
 * (the top options per request, every score term a column) and "<category>_backfill"
 * (the top backfill options per move), and "Changes" when a day-over-day comparison is
 * given. Header rows are bold and frozen, with an autofilter; columns are sized to
 * their content. A category name is cut so that the sheet name fits Excel's 31
 * characters, and characters Excel refuses in sheet names ([]:*?/\) become "_"; a name
 * that would repeat another (ignoring case) gets "~2", "~3", ...
 *
 * The file is written to a temporary name next to @path and renamed over it, so @path
 * holds either its old content or the whole new workbook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "esc-reassign-plan.h"

G_BEGIN_DECLS

/* The sheet names a result gets (NULL-terminated; for tests and the UI). */
char   **esc_reassign_export_sheet_names (EscReassignResult           *result,
                                          const EscReassignComparison *comparison);

/* ESC_REASSIGN_ERROR_WRITE naming the file when it cannot be written. */
gboolean esc_reassign_export_xlsx        (EscReassignResult           *result,
                                          const EscReassignComparison *comparison,
                                          const char                  *path,
                                          GError                     **error);

G_END_DECLS
