/* esc-staffing-error.c: the error domain of src/staffing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-staffing"

#include "esc-staffing-error.h"

G_DEFINE_QUARK (esc-staffing-error-quark, esc_staffing_error)
