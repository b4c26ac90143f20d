/* esc-cli.h: escala-cli, the command-line twin of Escala: subcommands and shared helpers.
 *
 * Each subcommand lives in its own file (esc-cli-NAME.c) and is one entry of the
 * dispatch table in esc-cli.c. A subcommand parses its own options with a
 * GOptionContext made by esc_cli_option_context_new() and returns an EscCliExit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/esc-project.h"

G_BEGIN_DECLS

/* Exit statuses shared by every subcommand. */
typedef enum
{
  ESC_CLI_EXIT_OK = 0,        /* done; no problems (warnings may have been printed) */
  ESC_CLI_EXIT_PROBLEMS = 1,  /* the input has problems (listed on stderr) */
  ESC_CLI_EXIT_FAILURE = 2,   /* cannot read the input, bad usage, cannot write */
} EscCliExit;

typedef struct _EscCliCommand EscCliCommand;

/* @argv[0] is the subcommand's name; options and operands follow. */
typedef int (*EscCliCommandFunc) (const EscCliCommand *command, int argc, char **argv);

struct _EscCliCommand
{
  const char *name;          /* "validate" */
  const char *parameters;    /* operands for the usage line, translatable: "FILE" */
  const char *summary;       /* one translatable line for escala-cli --help */
  EscCliCommandFunc run;
};

/* The subcommands (one file each). */
int             esc_cli_validate (const EscCliCommand *command, int argc, char **argv);
int             esc_cli_info     (const EscCliCommand *command, int argc, char **argv);
int             esc_cli_forecast (const EscCliCommand *command, int argc, char **argv);
int             esc_cli_erlang   (const EscCliCommand *command, int argc, char **argv);
int             esc_cli_import   (const EscCliCommand *command, int argc, char **argv);
int             esc_cli_export   (const EscCliCommand *command, int argc, char **argv);
int             esc_cli_gantt    (const EscCliCommand *command, int argc, char **argv);
int             esc_cli_reassign (const EscCliCommand *command, int argc, char **argv);
int             esc_cli_solve    (const EscCliCommand *command, int argc, char **argv);
int             esc_cli_check    (const EscCliCommand *command, int argc, char **argv);

/* A GOptionContext for @command: usage "escala-cli NAME [OPTION…] PARAMETERS", its
 * summary, @entries (may be NULL) and the gettext domain. */
GOptionContext *esc_cli_option_context_new (const EscCliCommand *command,
                                            const GOptionEntry  *entries);
/* Parses @argv with @context; on error prints it with a hint to --help and returns
 * FALSE (the caller exits with ESC_CLI_EXIT_FAILURE). */
gboolean        esc_cli_parse_options      (const EscCliCommand *command,
                                            GOptionContext      *context,
                                            int                 *argc,
                                            char              ***argv);
/* Checks that exactly one FILE operand was given; else prints a usage error. */
const char     *esc_cli_get_single_file    (const EscCliCommand *command,
                                            char               **files);
/* Loads a project file; on failure prints the reason to stderr and returns NULL (exit
 * ESC_CLI_EXIT_FAILURE). Notes about content left out are printed as warnings. */
EscProject     *esc_cli_load_project       (const EscCliCommand *command,
                                            const char          *path);
/* Loads what a solve can start from: a project file, or a classic roster (*.json, its
 * day 0 on @start_date, NULL for the default). NULL after printing the reason. */
EscProject     *esc_cli_load_input         (const EscCliCommand *command,
                                            const char          *path,
                                            const char          *start_date);
/* Prints "escala-cli NAME: message" to stderr. */
void            esc_cli_print_error        (const EscCliCommand *command,
                                            const char          *format,
                                            ...) G_GNUC_PRINTF (2, 3);
/* Pads @text with spaces to @width characters (not bytes), for aligned columns. */
char           *esc_cli_pad                (const char *text,
                                            guint       width);

G_END_DECLS
