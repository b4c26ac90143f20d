/* esc-test-cli.h: helpers for the tests that run escala-cli as a user would: one run's
 * exit status and output, the sample project, and scratch folders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What one run of escala-cli left. */
typedef struct
{
  int   status;    /* exit status, -1 when killed by a signal */
  char *out;
  char *err;
} EscTestRun;

/* Frees the output of @run (it can be run again). */
void        esc_test_run_clear     (EscTestRun *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EscTestRun, esc_test_run_clear)

/* Runs escala-cli (ESC_CLI_PATH of the build) with the NULL-terminated arguments, in the
 * C.UTF-8 locale with LANGUAGE unset, and waits for it; asserts it could be started.
 * The exit status, stdout and stderr go to @run and to the test log. */
void        esc_test_run_cli       (EscTestRun *run,
                                    ...) G_GNUC_NULL_TERMINATED;

/* The sample project loja-centro.escala: in $ESC_SAMPLES_DIR, else in data/samples. */
const char *esc_test_sample_path   (void);

/* Copies the sample project into @dir as @name; returns the new path. */
char       *esc_test_copy_sample   (const char *dir,
                                    const char *name);

/* The first line of @text that starts with @prefix, or NULL. */
char       *esc_test_find_line     (const char *text,
                                    const char *prefix);

/* A new empty folder named after @tmpl (as g_dir_make_tmp()); asserts it was made. */
char       *esc_test_make_temp_dir (const char *tmpl);

/* Removes @path and, when it is a folder, all it holds, read-only folders too. Links are
 * removed, not followed. */
void        esc_test_remove_tree   (const char *path);

G_END_DECLS
