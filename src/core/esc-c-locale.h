/* esc-c-locale.h: run a stretch of code with the "C" numeric locale (LC_NUMERIC only), on
 * the calling thread only.
 *
 * The app and escala-cli call setlocale (LC_ALL, "") so that what people read follows
 * their locale. Libraries that write data with printf ("%g", ...) then write "7,5" under
 * a German or Brazilian locale: libxlsxwriter's numbers in the sheet XML, GLPK's MPS
 * files. Around such calls, switch this thread (uselocale, thread-safe, never touches
 * the process locale the UI uses) to a numeric "C" and back:
 *
 *   g_auto(EscCLocale) c_locale = ESC_C_LOCALE_INIT;
 *   esc_c_locale_enter (&c_locale);
 *   workbook_close (workbook);
 *   (leaves at the end of the scope, or with esc_c_locale_leave)
 */
#pragma once

#include <glib.h>
#include <locale.h>

G_BEGIN_DECLS

typedef struct
{
  locale_t previous; /* (locale_t) 0 while not entered */
  locale_t current;
} EscCLocale;

#define ESC_C_LOCALE_INIT { (locale_t) 0, (locale_t) 0 }

void esc_c_locale_enter (EscCLocale *scope);
void esc_c_locale_leave (EscCLocale *scope);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EscCLocale, esc_c_locale_leave)

G_END_DECLS
