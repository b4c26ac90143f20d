/* fuzz-common.h: what every fuzz target shares.
 *
 * esc_fuzz_init() installs a log writer that drops messages and warnings (libgsf warns
 * about every damaged zip header: printing them would slow fuzzing to a crawl) and
 * aborts on criticals and errors: a g_return_if_fail() reached by input is a programming
 * error, and abort() (unlike G_BREAKPOINT's SIGTRAP) makes libFuzzer print the stack and
 * keep the input. Cheap to call on every input.
 *
 * One critical is known and not ours: libgsf 1.14.50's zip reader calls
 * g_date_time_unref (NULL) when a member's local header is damaged (after it has already
 * failed the lookup cleanly). The reader gets NULL and reports the damage; the critical
 * is only noise, so it is let through (esc_fuzz_is_known_critical()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdlib.h>
#include <string.h>

#include <glib.h>

static inline gboolean
esc_fuzz_is_known_critical (const GLogField *fields,
                            gsize            n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0 &&
        strstr (fields[i].value, "g_date_time_unref: assertion 'datetime != NULL'") != NULL)
      return TRUE;
  return FALSE;
}

static GLogWriterOutput
esc_fuzz_log_writer (GLogLevelFlags   log_level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         user_data)
{
  if ((log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR)) &&
      !esc_fuzz_is_known_critical (fields, n_fields))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

static inline void
esc_fuzz_init (void)
{
  static gboolean done = FALSE;

  if (done)
    return;
  done = TRUE;
  g_log_set_writer_func (esc_fuzz_log_writer, NULL, NULL);
}
