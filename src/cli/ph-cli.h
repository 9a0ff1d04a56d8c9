/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "ph-store.h"

G_BEGIN_DECLS

/* Exit statuses shared by every command. */
enum {
  PH_CLI_OK = 0,
  PH_CLI_PROBLEM = 1,  /* the command ran and found something wrong (invalid input, failed check) */
  PH_CLI_USAGE = 2,    /* the command line itself was wrong */
};

typedef struct
{
  const char *data_dir;  /* --data-dir, or NULL */
  gboolean    json;      /* --json */
} PhCliGlobals;

typedef int (*PhCliCommandFunc) (const PhCliGlobals  *globals,
                                 int                  argc,
                                 char               **argv);

int  ph_cli_backup (const PhCliGlobals  *globals,
                    int                  argc,
                    char               **argv);
int  ph_cli_restore (const PhCliGlobals *globals,
                     int                 argc,
                     char              **argv);
int  ph_cli_stats  (const PhCliGlobals  *globals,
                    int                  argc,
                    char               **argv);
gboolean ph_cli_verify_case_store (PhStore   *store,
                                   gboolean   json,
                                   guint     *problems,
                                   GError   **error);
int  ph_cli_batches (const PhCliGlobals  *globals,
                     int                  argc,
                     char               **argv);
gboolean ph_cli_verify_batches (PhStore   *store,
                                gboolean   json,
                                guint     *problems,
                                GError   **error);
int  ph_cli_demo   (const PhCliGlobals  *globals,
                    int                  argc,
                    char               **argv);
int  ph_cli_export_appendix (const PhCliGlobals  *globals,
                             int                  argc,
                             char               **argv);
int  ph_cli_export_bundle   (const PhCliGlobals  *globals,
                             int                  argc,
                             char               **argv);
int  ph_cli_init   (const PhCliGlobals  *globals,
                    int                  argc,
                    char               **argv);
int  ph_cli_search (const PhCliGlobals  *globals,
                    int                  argc,
                    char               **argv);
int  ph_cli_number (const PhCliGlobals  *globals,
                    int                  argc,
                    char               **argv);
int  ph_cli_sms    (const PhCliGlobals  *globals,
                    int                  argc,
                    char               **argv);
int  ph_cli_verify (const PhCliGlobals  *globals,
                    int                  argc,
                    char               **argv);

void ph_cli_fail (const char *format,
                  ...) G_GNUC_PRINTF (1, 2);

void ph_cli_print_json      (JsonBuilder *builder);
void ph_cli_json_add_string (JsonBuilder *builder,
                             const char  *name,
                             const char  *value);
void ph_cli_json_add_int    (JsonBuilder *builder,
                             const char  *name,
                             gint64       value);

G_END_DECLS
