/* esc-error.h: the error domain of src/core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ESC_CORE_ERROR (esc_core_error_quark ())

typedef enum
{
  ESC_CORE_ERROR_PARSE,       /* a value does not have the expected form */
  ESC_CORE_ERROR_RANGE,       /* a value is out of its allowed range */
  ESC_CORE_ERROR_REFERENCE,   /* a reference names nothing */
  ESC_CORE_ERROR_INVALID,     /* anything else that is not allowed */
} EscCoreError;

GQuark esc_core_error_quark (void);

G_END_DECLS
