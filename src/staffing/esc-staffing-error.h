/* esc-staffing-error.h: the error domain of src/staffing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ESC_STAFFING_ERROR (esc_staffing_error_quark ())

typedef enum
{
  ESC_STAFFING_ERROR_PARSE,      /* a history cell or a saved forecast does not parse */
  ESC_STAFFING_ERROR_MISSING,    /* no timestamp column, no such channel, no such store */
  ESC_STAFFING_ERROR_INVALID,    /* an argument out of range (interval, confidence, ...) */
  ESC_STAFFING_ERROR_TOO_SHORT,  /* too little history to fit or to back-test */
} EscStaffingError;

GQuark esc_staffing_error_quark (void);

G_END_DECLS
