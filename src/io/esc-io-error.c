/* esc-io-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-io"

#include "esc-io-error.h"

G_DEFINE_QUARK (esc-io-error-quark, esc_io_error)
