/* esc-i18n.h: the locale and the message catalogue, set up once by each program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* setlocale (LC_ALL, "") and the "escala" text domain in UTF-8, from LOCALEDIR, or from
 * $ESCALA_LOCALEDIR when set (a build tree's po/ directory: build-aux/run and the tests
 * use it to run translated without installing). Returns the directory used. */
const char *esc_i18n_init (void);

G_END_DECLS
