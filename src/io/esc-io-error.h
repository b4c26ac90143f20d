/* esc-io-error.h: the error domain of src/io.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ESC_IO_ERROR (esc_io_error_quark ())

typedef enum
{
  ESC_IO_ERROR_READ,          /* the file cannot be read or is not what it claims */
  ESC_IO_ERROR_FORMAT,        /* the content does not have the expected structure */
  ESC_IO_ERROR_VERSION,       /* written by a newer Escala */
  ESC_IO_ERROR_MISSING,       /* a required sheet, table or column is missing */
  ESC_IO_ERROR_INVALID,       /* values that do not parse; see the list of problems */
  ESC_IO_ERROR_WRITE,         /* the file cannot be written */
  ESC_IO_ERROR_TOO_LARGE,     /* beyond the limits Escala accepts */
} EscIoError;

GQuark esc_io_error_quark (void);

G_END_DECLS
