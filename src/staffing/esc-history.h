/* esc-history.h: workload history: import from CSV or XLSX and aggregation to intervals.
 *
 * A history file has one row per event (timestamp[, channel]) or one row per interval
 * (timestamp, count[, channel]). Channel names are data ("phone", "e-mail", ...); a file
 * without a channel column holds one channel, ESC_HISTORY_DEFAULT_CHANNEL.
 *
 * Columns are found by their headings, compared with case, accents and the separators
 * " _-/." folded away:
 *   timestamp  timestamp, datetime, date time, data hora, when, start, inicio
 *              (or "data"/"date" alone; with a separate "hora"/"time" column, the two
 *              are joined: date from one, time of day from the other)
 *   count      count, volume, quantidade, qtd, qtde, calls, chamadas, contacts,
 *              contatos, total, offered, ofertadas
 *   channel    channel, canal, fila, queue, skill, type, tipo
 * A first row without any such heading whose first cell is a timestamp means there is no
 * header: the columns are then timestamp, then count if the second cell of that row is
 * a number (else channel), then the other one. With a count column the file is per
 * interval, without one per event. Other columns are ignored.
 *
 * Timestamps: "YYYY-MM-DD HH:MM[:SS]", "DD/MM/YYYY HH:MM[:SS]", ISO 8601 with a "T"
 * ("2024-05-06T08:30:00", fractions of a second, "Z" or an offset are accepted and the
 * wall-clock time is used as written: history is local time), a date alone (00:00),
 * and in XLSX any cell with a date-time number (the serial of Excel). Seconds are
 * dropped: an event at 08:29:59 belongs to 08:29. A per-interval row's timestamp is
 * the start of its interval.
 *
 * CSV: RFC 4180 (quoted fields, doubled quotes, line breaks inside quotes), UTF-8 with or
 * without a byte-order mark (text that is not UTF-8 is read as Windows-1252, as older
 * Excel writes it), separated by commas, semicolons or tabs: whichever occurs most in
 * the first line outside quotes. Counts accept a decimal comma ("7,5"); an empty count
 * is 0. XLSX: the first sheet.
 *
 * Errors (ESC_STAFFING_ERROR_PARSE, or ESC_IO_ERROR / G_FILE_ERROR when the file cannot
 * be read) name the file, the row and the column: "calls.csv: row 7, column 2 (count):
 * expected a number ...", "calls.xlsx: cell Sheet1!B7 (count): ...". Nothing is
 * returned on error: a history loads whole or not at all.
 *
 * Aggregation (esc_history_aggregate()) sums the counts of each channel per interval over
 * whole days: from 00:00 of the day of the first record to 24:00 of the day of the last
 * one, the same span for every channel. An interval without records is 0 (no contacts):
 * history files leave out closed hours. A per-interval history can only be aggregated to
 * a multiple of its own interval (its granularity, the coarsest grid its timestamps lie
 * on): hourly counts cannot be split into half hours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/esc-parse.h"
#include "esc-series.h"

G_BEGIN_DECLS

#define ESC_HISTORY_DEFAULT_CHANNEL "all"

typedef struct _EscHistory EscHistory;

EscHistory         *esc_history_new             (void);
void                esc_history_free            (EscHistory *self);

/* Direct additions (tests, other importers). @channel NULL is the default channel. An
 * event counts 1 and does not change the granularity; a count makes the history per
 * interval. */
void                esc_history_add_event       (EscHistory *self,
                                                 const char *channel,
                                                 EscInstant  when);
void                esc_history_add_count       (EscHistory *self,
                                                 const char *channel,
                                                 EscInstant  when,
                                                 double      count);

/* Loads a file: XLSX when the name ends in .xlsx or .xlsm (any case), else CSV. */
EscHistory         *esc_history_load            (const char  *path,
                                                 GError     **error);
/* CSV text from memory; @len may be -1; @display_name names it in messages. */
EscHistory         *esc_history_load_csv_data   (const char  *data,
                                                 gssize       len,
                                                 const char  *display_name,
                                                 GError     **error);
/* An XLSX workbook from memory (the first sheet). */
EscHistory         *esc_history_load_xlsx_bytes (GBytes      *bytes,
                                                 const char  *display_name,
                                                 GError     **error);

/* One timestamp in any of the text forms above. */
gboolean            esc_history_parse_timestamp (const char  *text,
                                                 EscInstant  *when,
                                                 GError     **error);

guint               esc_history_get_n_records   (EscHistory *self);
gboolean            esc_history_is_per_interval (EscHistory *self);
/* Minutes: 1 for events, else the largest divisor of 1440 on which every count's time
 * of day lies (60 for hourly counts). */
int                 esc_history_get_granularity (EscHistory *self);
/* The channels, sorted by name, NULL-terminated; owned by @self. */
const char * const *esc_history_get_channels    (EscHistory *self,
                                                 guint      *n_channels);
/* First and last record; FALSE when empty. */
gboolean            esc_history_get_range       (EscHistory *self,
                                                 EscInstant *first,
                                                 EscInstant *last);
/* Sum of the counts of @channel (NULL: every channel). */
double              esc_history_get_total       (EscHistory *self,
                                                 const char *channel);

/* One EscSeries per channel, in the order of esc_history_get_channels(), every one over
 * the same whole days. @interval in minutes must divide 1440 (15, 30, 60, ...).
 * ESC_STAFFING_ERROR_INVALID for a bad interval or one finer than the granularity,
 * ESC_STAFFING_ERROR_TOO_SHORT for an empty history. */
GPtrArray          *esc_history_aggregate       (EscHistory  *self,
                                                 int          interval,
                                                 GError     **error);
/* The series of one channel; ESC_STAFFING_ERROR_MISSING when there is no such channel. */
EscSeries          *esc_history_aggregate_channel (EscHistory  *self,
                                                   const char  *channel,
                                                   int          interval,
                                                   GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscHistory, esc_history_free)

G_END_DECLS
