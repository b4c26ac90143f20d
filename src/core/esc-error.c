/* esc-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-core"

#include "esc-error.h"

G_DEFINE_QUARK (esc-core-error-quark, esc_core_error)
