/* esc-c-locale.c: the "C" numeric locale for one thread, for a while (esc-c-locale.h). */
#include "config.h"

#include "esc-c-locale.h"

void
esc_c_locale_enter (EscCLocale *scope)
{
  locale_t base;
  locale_t numeric_c;

  g_return_if_fail (scope != NULL);
  g_return_if_fail (scope->previous == (locale_t) 0);

  /* Only LC_NUMERIC changes: messages, dates and collation stay the thread's own. */
  base = duplocale (uselocale ((locale_t) 0));
  if (base == (locale_t) 0)
    return; /* out of memory: keep the current locale */
  numeric_c = newlocale (LC_NUMERIC_MASK, "C", base);
  if (numeric_c == (locale_t) 0)
    {
      freelocale (base);
      return;
    }
  scope->current = numeric_c;
  scope->previous = uselocale (numeric_c);
}

void
esc_c_locale_leave (EscCLocale *scope)
{
  g_return_if_fail (scope != NULL);

  if (scope->previous == (locale_t) 0)
    return;
  uselocale (scope->previous);
  freelocale (scope->current);
  scope->previous = (locale_t) 0;
  scope->current = (locale_t) 0;
}
