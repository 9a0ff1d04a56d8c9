/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _PhCsvWriter PhCsvWriter;

char        *ph_csv_format_row         (const char * const *cells,
                                        gssize              n_cells);
char        *ph_csv_neutralise         (const char         *cell);

PhCsvWriter *ph_csv_writer_new         (const char         *path,
                                        GError            **error);
gboolean     ph_csv_writer_add_row     (PhCsvWriter        *writer,
                                        const char * const *cells,
                                        gssize              n_cells,
                                        GCancellable       *cancellable,
                                        GError            **error);
gboolean     ph_csv_writer_close       (PhCsvWriter        *writer,
                                        GCancellable       *cancellable,
                                        GError            **error);
void         ph_csv_writer_free        (PhCsvWriter        *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PhCsvWriter, ph_csv_writer_free)

G_END_DECLS
