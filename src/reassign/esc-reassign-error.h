/* esc-reassign-error.h: the error domain of src/reassign.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ESC_REASSIGN_ERROR (esc_reassign_error_quark ())

typedef enum
{
  ESC_REASSIGN_ERROR_PARAMETER,  /* a reassign_ parameter is unknown or its value is bad */
  ESC_REASSIGN_ERROR_INPUT,      /* a table row the scorer needs does not parse */
  ESC_REASSIGN_ERROR_SOLVER,     /* GLPK failed (the optimal mode) */
  ESC_REASSIGN_ERROR_PLAN,       /* a saved plan (JSON) cannot be read */
  ESC_REASSIGN_ERROR_WRITE,      /* an export cannot be written */
} EscReassignError;

GQuark esc_reassign_error_quark (void);

G_END_DECLS
