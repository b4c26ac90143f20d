/* main.c: the entry point of the Escala desktop app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "escala-ui"

#include "config.h"

#include <glib.h>

#include "core/esc-i18n.h"
#include "esc-application.h"

int
main (int argc, char **argv)
{
  g_autoptr(EscApplication) app = NULL;
  int status;

  esc_i18n_init ();
  app = esc_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status != 0 ? status : esc_application_get_exit_status (app);
}
