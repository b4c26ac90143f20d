/* esc-i18n.c: the locale and the message catalogue (esc-i18n.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "esc-i18n.h"

const char *
esc_i18n_init (void)
{
  const char *dir = g_getenv ("ESCALA_LOCALEDIR");

  if (dir == NULL || *dir == '\0')
    dir = LOCALEDIR;
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return dir;
}
