/* main.c: the entry point of the Escala desktop app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "esc-application.h"

int
main (int argc, char **argv)
{
  g_autoptr(EscApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = esc_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status != 0 ? status : esc_application_get_exit_status (app);
}
