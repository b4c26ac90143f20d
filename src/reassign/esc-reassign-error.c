/* esc-reassign-error.c: the error domain of src/reassign.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-reassign"

#include "esc-reassign-error.h"

G_DEFINE_QUARK (esc-reassign-error-quark, esc_reassign_error)
