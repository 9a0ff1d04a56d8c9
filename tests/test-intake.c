/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The new incoming document dialog, driven the way a clerk drives it: through
 * its fields and its actions; then the store is read to see what landed. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "ph-application.h"
#include "ph-document-dialog.h"
#include "ph-exclusions-page.h"
#include "ph-preferences-window.h"
#include "ph-store-entries.h"
#include "ph-store-evidence.h"
#include "ph-test-evidence.h"
#include "ph-test-batches.h"
#include "ph-test-util.h"
#include "ph-window.h"

typedef struct
{
  PhStore          *store;
  char             *files_dir;
  PhDocumentDialog *dialog;
  gint64            saved_id;
  gboolean          destroyed;
} Fixture;

static void
on_saved (PhDocumentDialog *dialog,
          gint64            id,
          Fixture          *fixture)
{
  fixture->saved_id = id;
}

static void
on_destroy (GtkWidget *dialog,
            Fixture   *fixture)
{
  fixture->destroyed = TRUE;
  fixture->dialog = NULL;
}

static void
open_dialog (Fixture *fixture)
{
  fixture->saved_id = 0;
  fixture->destroyed = FALSE;
  fixture->dialog = ph_document_dialog_new (NULL, fixture->store);
  g_signal_connect (fixture->dialog, "saved", G_CALLBACK (on_saved), fixture);
  g_signal_connect (fixture->dialog, "destroy", G_CALLBACK (on_destroy), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = ph_test_make_tmp_dir ("store");
  g_autoptr(GError) error = NULL;

  fixture->store = ph_store_open (dir, &error);
  g_assert_no_error (error);
  ph_store_set_actor (fixture->store, "chuyenvien");
  fixture->files_dir = ph_test_make_tmp_dir ("files");
  open_dialog (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Whatever is still open goes, unsaved changes or not. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  ph_store_close (fixture->store);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->files_dir, g_free);
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ---- finding the widgets a clerk sees --------------------------------------- */

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child)
          && (title == NULL
              || (ADW_IS_PREFERENCES_ROW (child)
                  && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)),
                                       title))))
        return child;

      found = find_widget (child, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkEditable *
field (Fixture    *fixture,
       const char *title)
{
  GtkWidget *row = find_widget (GTK_WIDGET (fixture->dialog), ADW_TYPE_PREFERENCES_ROW, title);

  g_assert_nonnull (row);
  g_assert_true (GTK_IS_EDITABLE (row));
  return GTK_EDITABLE (row);
}

static void
type_into (Fixture    *fixture,
           const char *title,
           const char *text)
{
  gtk_editable_set_text (field (fixture, title), text);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), action, NULL));
  iterate ();
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* ---- filling the document ----------------------------------------------------- */

static void
fill_document (Fixture    *fixture,
               const char *number,
               const char *unit)
{
  type_into (fixture, "_Number", number);
  type_into (fixture, "_Dated", "10/11/2026");
  type_into (fixture, "Sending _unit", unit);
  type_into (fixture, "Su_mmary", "Phản ánh số điện thoại lừa đảo, mạo danh công an");
}

static char *
make_file (Fixture    *fixture,
           const char *name,
           const char *kind)
{
  return ph_test_make_evidence (fixture->files_dir, name, kind);
}

static void
wait_for_picker (PhEvidencePicker *picker)
{
  while (ph_evidence_picker_get_busy (picker))
    g_main_context_iteration (NULL, TRUE);
}

/* Adds one entry: Ctrl+E, the fields, the files, Ctrl+Enter. */
static void
add_entry (Fixture           *fixture,
           const char        *source,
           const char        *content,
           const char *const *files)    /* name, kind, name, kind …, NULL */
{
  PhEntryEditor *editor = ph_document_dialog_get_entry_editor (fixture->dialog);
  PhEvidencePicker *picker = ph_entry_editor_get_evidence_picker (editor);
  guint before = g_list_model_get_n_items (ph_document_dialog_get_entries (fixture->dialog));

  activate (fixture, "document.add-entry");
  g_assert_cmpstr (ph_document_dialog_get_page (fixture->dialog), ==, "entry");

  type_into (fixture, "_Source", source);
  type_into (fixture, "_When", "09/11/2026 20:15");
  type_into (fixture, "_Receiving", "0905 111 222");
  if (content != NULL)
    {
      GtkWidget *view = find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, NULL);

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), content, -1);
    }

  for (guint i = 0; files != NULL && files[i] != NULL; i += 2)
    {
      g_autofree char *path = make_file (fixture, files[i], files[i + 1]);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      ph_evidence_picker_add_file (picker, file);
    }
  wait_for_picker (picker);

  activate (fixture, "document.entry-done");
  g_assert_cmpstr (ph_document_dialog_get_page (fixture->dialog), ==, "document");
  g_assert_cmpuint (g_list_model_get_n_items (ph_document_dialog_get_entries (fixture->dialog)),
                    ==, before + 1);
}

/* Ctrl+S; answers the warnings with @response (and @reason) if any come;
 * waits for the end of the save when it starts. */
static AdwMessageDialog *
save (Fixture    *fixture,
      gboolean    expect_warnings)
{
  AdwMessageDialog *warnings;

  activate (fixture, "document.save");
  warnings = find_message_dialog ();
  if (expect_warnings)
    g_assert_nonnull (warnings);
  else
    g_assert_null (warnings);
  return warnings;
}

static void
respond (Fixture          *fixture,
         AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  /* What a click on the button does: the response, then the dialog closes. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, response);
  if (dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      gtk_window_close (GTK_WINDOW (dialog));
    }
  iterate ();
}

static void
wait_for_save (Fixture *fixture)
{
  AdwMessageDialog *dialog = NULL;

  while (!fixture->destroyed && (dialog = find_message_dialog ()) == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (dialog != NULL)
    g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog),
                    adw_message_dialog_get_body (dialog));
}

/* A screenshot of 40 MB: a PNG signature, then bytes; big enough for the copy
 * to take several progress steps. */
static char *
make_big_file (Fixture    *fixture,
               const char *name)
{
  g_autofree char *path = g_build_filename (fixture->files_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  gsize size = 40 * 1024 * 1024;
  g_autofree char *data = g_malloc0 (size);

  memcpy (data, "\x89PNG\r\n\x1a\n", 8);
  for (gsize i = 8; i < size; i += 4096)
    data[i] = (char) (i / 4096);
  g_file_set_contents (path, data, (gssize) size, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
add_big_entry (Fixture *fixture)
{
  PhEvidencePicker *picker =
    ph_entry_editor_get_evidence_picker (ph_document_dialog_get_entry_editor (fixture->dialog));
  g_autofree char *path = make_big_file (fixture, "man-hinh-lon.png");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GStrv) refusals = NULL;

  fill_document (fixture, "30/UBND", "UBND xã Quảng Xương");
  activate (fixture, "document.add-entry");
  type_into (fixture, "_Source", "0912345678");
  ph_evidence_picker_add_file (picker, file);
  wait_for_picker (picker);
  refusals = ph_evidence_picker_dup_refusals (picker);
  g_assert_cmpuint (g_strv_length (refusals), ==, 0);
  activate (fixture, "document.entry-done");
}

/* ---- reading the store ------------------------------------------------------------ */

static GPtrArray *
document_entries (Fixture *fixture,
                  gint64   document_id)
{
  PhEntryFilter filter = { 0 };
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  filter.document_id = document_id;
  entries = ph_store_list_entries (fixture->store, &filter, PH_ENTRY_SORT_CODE, FALSE, 0, 100,
                                   &error);
  g_assert_no_error (error);
  return entries;
}

static gint64
count_all_entries (Fixture *fixture)
{
  PhEntryFilter filter = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 n = ph_store_count_entries (fixture->store, &filter, &error);

  g_assert_no_error (error);
  return n;
}

static gint64
count_audit (Fixture    *fixture,
             const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = ph_store_list_audit (fixture->store, NULL, 0, 0, 10000, &error);
  gint64 n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((PhAuditRow *) g_ptr_array_index (rows, i))->action, action))
      n++;
  return n;
}

static gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (ph_store_get_database_path (fixture->store), &db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* ---- the tests ------------------------------------------------------------------------ */

static void
test_intake_three_entries_five_files (Fixture       *fixture,
                                      gconstpointer  data)
{
  static const char *const first[] = { "man-hinh-1.png", "png", "ghi-am-1.amr", "amr", NULL };
  static const char *const second[] = { "tin-nhan.jpg", "jpeg", "ghi-am-2.wav", "wav", NULL };
  static const char *const third[] = { "cuoc-goi.mp3", "mp3", NULL };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(PhDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  guint n_files = 0;

  /* Received today by default. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");

    g_assert_cmpstr (gtk_editable_get_text (field (fixture, "_Received")), ==, today);
  }

  fill_document (fixture, "125/UBND-VP", "UBND xã Quảng Xương");
  add_entry (fixture, "0912 345 678", "Gọi mạo danh công an đòi thu hồi SIM", first);
  add_entry (fixture, "+84 987 654 321", "Mời vay tiền qua app, đe dọa đòi nợ", second);
  add_entry (fixture, "0162 345 6789", "Gọi quảng cáo bất động sản", third);

  /* The only warning: the unit is new. */
  {
    AdwMessageDialog *warnings = save (fixture, TRUE);

    g_assert_nonnull (find_named (GTK_WIDGET (warnings), "warning-new-unit"));
    g_assert_null (find_named (GTK_WIDGET (warnings), "warning-no-evidence"));
    g_assert_null (find_named (GTK_WIDGET (warnings), "warning-excluded"));
    respond (fixture, warnings, "save");
  }
  wait_for_save (fixture);
  g_assert_true (fixture->destroyed);
  g_assert_cmpint (fixture->saved_id, >, 0);

  document = ph_store_get_document (fixture->store, fixture->saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->number, ==, "125/UBND-VP");
  g_assert_cmpstr (document->unit_name, ==, "UBND xã Quảng Xương");
  g_assert_cmpstr (document->dated_on, ==, "2026-11-10");
  g_assert_cmpint (document->delivery, ==, PH_DELIVERY_PAPER);

  entries = document_entries (fixture, fixture->saved_id);
  g_assert_cmpuint (entries->len, ==, 3);
  for (guint i = 0; i < entries->len; i++)
    {
      PhEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GPtrArray) evidence = ph_store_list_evidence (fixture->store, entry->id, 0, &error);

      g_assert_no_error (error);
      n_files += evidence->len;
      g_assert_cmpstr (entry->occurred_at, ==, "2026-11-09T20:15");
      g_assert_cmpstr (entry->receiving_number, ==, "0905 111 222");
      g_assert_cmpint (entry->status, ==, PH_ENTRY_STATUS_RECEIVED);
    }
  g_assert_cmpuint (n_files, ==, 5);

  {
    const char *keys[3];

    for (guint i = 0; i < 3; i++)
      keys[i] = ((PhEntry *) g_ptr_array_index (entries, i))->source_key;
    g_assert_cmpstr (keys[0], ==, "+84912345678");
    g_assert_cmpstr (keys[1], ==, "+84987654321");
    g_assert_cmpstr (keys[2], ==, "+84323456789");   /* 0162 → 032 */
    g_assert_cmpstr (((PhEntry *) g_ptr_array_index (entries, 1))->content, ==,
                     "Mời vay tiền qua app, đe dọa đòi nợ");
  }

  g_assert_cmpint (count_audit (fixture, "document.create"), ==, 1);
  g_assert_cmpint (count_all_entries (fixture), ==, 3);
}

typedef struct
{
  const char *message;
  const char *key;
  PhChannel   channel;
  PhCategory  category;
  const char *content;
} PasteCase;

static const PasteCase paste_cases[] = {
  { "LD 0912345678 goi mao danh cong an doi thu hoi sim", "+84912345678",
    PH_CHANNEL_CALL, PH_CATEGORY_SCAM, "goi mao danh cong an doi thu hoi sim" },
  { "LD [0987654321] [mạo danh cán bộ Sở yêu cầu nộp tiền] gửi 156", "+84987654321",
    PH_CHANNEL_CALL, PH_CATEGORY_SCAM, "mạo danh cán bộ Sở yêu cầu nộp tiền" },
  { "V (0388123456)(moi vay tien qua app)", "+84388123456",
    PH_CHANNEL_CALL, PH_CATEGORY_SPAM, "moi vay tien qua app" },
  { "V 0389 123 456 goi quang cao dat nen", "+84389123456",
    PH_CHANNEL_CALL, PH_CATEGORY_SPAM, "goi quang cao dat nen" },
  { "S [0703456789][Ban da trung thuong xe SH] gui 5656", "+84703456789",
    PH_CHANNEL_SMS, PH_CATEGORY_SPAM, "Ban da trung thuong xe SH" },
  { "S (VAYNHANH) (Vay 50 trieu khong the chap)", "VAYNHANH",
    PH_CHANNEL_SMS, PH_CATEGORY_SPAM, "Vay 50 trieu khong the chap" },
};

static void
test_intake_paste_forms (Fixture       *fixture,
                         gconstpointer  data)
{
  PhEntryEditor *editor = ph_document_dialog_get_entry_editor (fixture->dialog);
  static const char *const files[] = { "man-hinh.png", "png", NULL };
  g_autoptr(GPtrArray) entries = NULL;

  fill_document (fixture, "88/CAX-TH", "Công an xã Hoằng Hóa");
  for (guint i = 0; i < G_N_ELEMENTS (paste_cases); i++)
    {
      PhEvidencePicker *picker = ph_entry_editor_get_evidence_picker (editor);
      g_autofree char *name = g_strdup_printf ("%u-%s", i, files[0]);
      g_autofree char *path = make_file (fixture, name, files[1]);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      activate (fixture, "document.add-entry");
      /* Half pasted into the source field, half into the content. */
      if (i % 2 == 0)
        type_into (fixture, "_Source", paste_cases[i].message);
      else
        {
          GtkWidget *view = find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, NULL);

          gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                                            paste_cases[i].message, -1);
        }
      ph_evidence_picker_add_file (picker, file);
      wait_for_picker (picker);
      activate (fixture, "document.entry-done");
      g_assert_cmpstr (ph_document_dialog_get_page (fixture->dialog), ==, "document");
    }

  respond (fixture, save (fixture, TRUE), "save");   /* a new unit */
  wait_for_save (fixture);
  g_assert_cmpint (fixture->saved_id, >, 0);

  entries = document_entries (fixture, fixture->saved_id);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (paste_cases));
  for (guint i = 0; i < entries->len; i++)
    {
      PhEntry *entry = g_ptr_array_index (entries, i);

      g_test_message ("%s", paste_cases[i].message);
      g_assert_cmpstr (entry->source_key, ==, paste_cases[i].key);
      g_assert_cmpint (entry->channel, ==, paste_cases[i].channel);
      g_assert_cmpint (entry->category, ==, paste_cases[i].category);
      g_assert_cmpstr (entry->content, ==, paste_cases[i].content);
    }
}

static void
test_intake_warning_excluded (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char *const files[] = { "man-hinh.png", "png", NULL };
  AdwMessageDialog *warnings;
  GtkWidget *reason;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  fill_document (fixture, "7/UBND", "UBND phường Điện Biên");
  add_entry (fixture, "069 2348560", "Số trực ban hình sự", files);   /* on the list */

  warnings = save (fixture, TRUE);
  g_assert_nonnull (find_named (GTK_WIDGET (warnings), "warning-excluded"));
  /* Blocking: no saving without a reason. */
  g_assert_false (adw_message_dialog_get_response_enabled (warnings, "save"));
  reason = find_named (GTK_WIDGET (warnings), "override-reason");
  g_assert_nonnull (reason);
  gtk_editable_set_text (GTK_EDITABLE (reason), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (warnings, "save"));

  /* Going back saves nothing. */
  respond (fixture, warnings, "back");
  g_assert_false (fixture->destroyed);
  g_assert_cmpint (count_all_entries (fixture), ==, 0);

  warnings = save (fixture, TRUE);
  reason = find_named (GTK_WIDGET (warnings), "override-reason");
  gtk_editable_set_text (GTK_EDITABLE (reason), "Số giả mạo số trực ban, đã xác minh với Công an");
  respond (fixture, warnings, "save");
  wait_for_save (fixture);
  g_assert_cmpint (fixture->saved_id, >, 0);
  g_assert_cmpint (count_all_entries (fixture), ==, 1);

  /* The reason is in the audit log, in the same transaction as the entry. */
  audit = ph_store_list_audit (fixture->store, "entry", 0, 0, 100, &error);
  g_assert_no_error (error);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < audit->len; i++)
      {
        PhAuditRow *row = g_ptr_array_index (audit, i);

        if (g_str_equal (row->action, "entry.exclusion-override"))
          {
            g_assert_nonnull (strstr (row->details, "đã xác minh với Công an"));
            g_assert_nonnull (strstr (row->details, "+84692348560"));
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
}

static void
test_intake_warning_reported (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char *const files[] = { "man-hinh.png", "png", NULL };
  g_autoptr(GPtrArray) first = NULL;
  AdwMessageDialog *warnings;
  GtkWidget *row;
  GtkWidget *label;

  fill_document (fixture, "12/UBND-VP", "UBND xã Quảng Xương");
  add_entry (fixture, "0912345678", "Lần đầu", files);
  respond (fixture, save (fixture, TRUE), "save");
  wait_for_save (fixture);
  first = document_entries (fixture, fixture->saved_id);

  /* The same number again, written differently, from another document. */
  open_dialog (fixture);
  fill_document (fixture, "13/UBND-VP", "UBND xã Quảng Xương");
  add_entry (fixture, "+84 912.345.678", "Lần hai", files);
  warnings = save (fixture, TRUE);
  row = find_named (GTK_WIDGET (warnings), "warning-reported");
  g_assert_nonnull (row);
  label = row;
  /* It names the earlier entry. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)),
                            ((PhEntry *) g_ptr_array_index (first, 0))->code));
  g_assert_null (find_named (GTK_WIDGET (warnings), "warning-new-unit"));
  g_assert_null (find_named (GTK_WIDGET (warnings), "warning-duplicate-document"));
  respond (fixture, warnings, "save");
  wait_for_save (fixture);
  g_assert_cmpint (count_all_entries (fixture), ==, 2);
}

static void
test_intake_warning_duplicate_document (Fixture       *fixture,
                                        gconstpointer  data)
{
  static const char *const files[] = { "man-hinh.png", "png", NULL };
  AdwMessageDialog *warnings;

  fill_document (fixture, "125/UBND-VP", "UBND xã Quảng Xương");
  add_entry (fixture, "0912345678", NULL, files);
  respond (fixture, save (fixture, TRUE), "save");
  wait_for_save (fixture);

  open_dialog (fixture);
  fill_document (fixture, "125 / ubnd-vp", "UBND xã Quảng Xương");
  add_entry (fixture, "0987654321", NULL, files);
  warnings = save (fixture, TRUE);
  g_assert_nonnull (find_named (GTK_WIDGET (warnings), "warning-duplicate-document"));
  respond (fixture, warnings, "back");
  g_assert_cmpint (count_all_entries (fixture), ==, 1);

  /* The same number from another unit is another document. */
  type_into (fixture, "Sending _unit", "UBND xã Hoằng Hóa");
  warnings = save (fixture, TRUE);
  g_assert_null (find_named (GTK_WIDGET (warnings), "warning-duplicate-document"));
  g_assert_nonnull (find_named (GTK_WIDGET (warnings), "warning-new-unit"));
  respond (fixture, warnings, "save");
  wait_for_save (fixture);
  g_assert_cmpint (count_all_entries (fixture), ==, 2);
}

static void
test_intake_warning_no_evidence (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const char *const files[] = { "man-hinh.png", "png", NULL };
  AdwMessageDialog *warnings;
  GtkWidget *row;

  fill_document (fixture, "5/SYT", "Sở Y tế");
  add_entry (fixture, "0912345678", NULL, files);
  add_entry (fixture, "0987654321", NULL, NULL);
  add_entry (fixture, "0912345678", NULL, files);
  warnings = save (fixture, TRUE);
  row = find_named (GTK_WIDGET (warnings), "warning-no-evidence");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (row)), "0987 654 321"));
  g_assert_nonnull (find_named (GTK_WIDGET (warnings), "warning-twice"));
  /* Not blocking. */
  respond (fixture, warnings, "save");
  wait_for_save (fixture);
  g_assert_cmpint (count_all_entries (fixture), ==, 3);
}

static void
test_intake_units (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char *const files[] = { "man-hinh.png", "png", NULL };
  g_autoptr(GError) error = NULL;
  GtkWidget *suggestion;
  AdwMessageDialog *warnings;

  ph_store_create_unit (fixture->store, "UBND xã Quảng Xương", &error);
  g_assert_no_error (error);
  ph_store_create_unit (fixture->store, "UBND xã Quảng Ninh", &error);
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  open_dialog (fixture);

  /* Typed without diacritics, the known units are offered. */
  type_into (fixture, "Sending _unit", "quang");
  suggestion = find_widget (GTK_WIDGET (fixture->dialog), ADW_TYPE_ACTION_ROW, "UBND xã Quảng Ninh");
  g_assert_nonnull (suggestion);
  g_assert_true (gtk_widget_has_css_class (suggestion, "unit-suggestion"));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->dialog), ADW_TYPE_ACTION_ROW,
                                 "UBND xã Quảng Xương"));
  /* Choosing one fills the field. */
  g_signal_emit_by_name (suggestion, "activated");
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (field (fixture, "Sending _unit")), ==,
                   "UBND xã Quảng Ninh");

  /* Enter takes the first suggestion. */
  type_into (fixture, "Sending _unit", "xuong");
  g_signal_emit_by_name (field (fixture, "Sending _unit"), "entry-activated");
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (field (fixture, "Sending _unit")), ==,
                   "UBND xã Quảng Xương");

  /* Words in any order, each the start of a word of the name. */
  type_into (fixture, "Sending _unit", "ubnd quang xu");
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->dialog), ADW_TYPE_ACTION_ROW,
                                 "UBND xã Quảng Xương"));
  g_assert_null (find_widget (GTK_WIDGET (fixture->dialog), ADW_TYPE_ACTION_ROW,
                              "UBND xã Quảng Ninh"));

  /* A known unit typed another way is that unit, not a new one. */
  type_into (fixture, "_Number", "3/UBND");
  type_into (fixture, "Sending _unit", "ubnd xa quang xuong");
  add_entry (fixture, "0912345678", NULL, files);
  warnings = find_message_dialog ();
  g_assert_null (warnings);
  activate (fixture, "document.save");
  wait_for_save (fixture);
  g_assert_cmpint (fixture->saved_id, >, 0);
  {
    g_autoptr(PhDocument) document = ph_store_get_document (fixture->store, fixture->saved_id,
                                                            &error);
    g_autoptr(GPtrArray) units = ph_store_list_units (fixture->store, &error);

    g_assert_cmpstr (document->unit_name, ==, "UBND xã Quảng Xương");
    g_assert_cmpuint (units->len, ==, 2);
  }
}

static void
test_intake_refused_file (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char *const files[] = {
    "man-hinh.png", "png",
    "ghi-chu.png", "text",        /* not an image, whatever its name says */
    "trong.amr", "empty",
    "ghi-am.amr", "amr",
    NULL
  };
  PhEvidencePicker *picker =
    ph_entry_editor_get_evidence_picker (ph_document_dialog_get_entry_editor (fixture->dialog));
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_auto(GStrv) refusals = NULL;
  g_autoptr(GError) error = NULL;

  fill_document (fixture, "9/UBND", "UBND xã Quảng Xương");
  activate (fixture, "document.add-entry");
  type_into (fixture, "_Source", "0912345678");

  /* Ctrl+O opens the file chooser of the page in view, whatever the language. */
  activate (fixture, "document.attach");
  {
    GtkWindow *chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

    g_assert_nonnull (chooser);
    g_assert_true (gtk_file_chooser_get_select_multiple (GTK_FILE_CHOOSER (chooser)));
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    iterate ();
  }

  for (guint i = 0; files[i] != NULL; i += 2)
    {
      g_autofree char *path = make_file (fixture, files[i], files[i + 1]);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      ph_evidence_picker_add_file (picker, file);
    }
  wait_for_picker (picker);
  refusals = ph_evidence_picker_dup_refusals (picker);
  g_assert_cmpuint (g_strv_length (refusals), ==, 2);
  g_assert_nonnull (strstr (refusals[0], "ghi-chu.png"));
  g_assert_nonnull (strstr (refusals[1], "trong.amr"));
  g_assert_nonnull (strstr (refusals[1], "empty"));
  activate (fixture, "document.entry-done");

  respond (fixture, save (fixture, TRUE), "save");
  wait_for_save (fixture);
  entries = document_entries (fixture, fixture->saved_id);
  evidence = ph_store_list_evidence (fixture->store,
                                     ((PhEntry *) g_ptr_array_index (entries, 0))->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 2);
  g_assert_cmpstr (((PhEvidence *) g_ptr_array_index (evidence, 0))->original_name, ==,
                   "man-hinh.png");
  g_assert_cmpstr (((PhEvidence *) g_ptr_array_index (evidence, 1))->mime, ==, "audio/amr");
}

static void
test_intake_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char *const files[] = { "man-hinh.png", "png", NULL };
  AdwMessageDialog *ask;

  /* Nothing typed: closes at once. */
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  iterate ();
  g_assert_true (fixture->destroyed);

  open_dialog (fixture);
  fill_document (fixture, "1/UBND", "UBND xã Quảng Xương");
  add_entry (fixture, "0912345678", NULL, files);

  /* Escape asks first; keeping on editing keeps everything. */
  activate (fixture, "document.escape");
  ask = find_message_dialog ();
  g_assert_nonnull (ask);
  respond (fixture, ask, "cancel");
  g_assert_false (fixture->destroyed);
  g_assert_cmpuint (g_list_model_get_n_items (ph_document_dialog_get_entries (fixture->dialog)),
                    ==, 1);

  /* In the middle of an entry, Escape first asks about the entry. */
  activate (fixture, "document.add-entry");
  type_into (fixture, "_Source", "0987654321");
  activate (fixture, "document.escape");
  ask = find_message_dialog ();
  g_assert_nonnull (ask);
  respond (fixture, ask, "discard");
  g_assert_cmpstr (ph_document_dialog_get_page (fixture->dialog), ==, "document");
  g_assert_cmpuint (g_list_model_get_n_items (ph_document_dialog_get_entries (fixture->dialog)),
                    ==, 1);

  activate (fixture, "document.close");
  ask = find_message_dialog ();
  g_assert_nonnull (ask);
  respond (fixture, ask, "discard");
  g_assert_true (fixture->destroyed);

  g_assert_cmpint (count_all_entries (fixture), ==, 0);
  g_assert_cmpint (count_audit (fixture, "document.create"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM documents"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM evidence"), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) units = ph_store_list_units (fixture->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (units->len, ==, 0);
  }
}

static void
test_intake_edit_and_remove_entries (Fixture       *fixture,
                                     gconstpointer  data)
{
  static const char *const files[] = { "man-hinh.png", "png", NULL };
  GListModel *entries = ph_document_dialog_get_entries (fixture->dialog);
  GtkWidget *row;
  g_autoptr(GPtrArray) saved = NULL;

  fill_document (fixture, "2/UBND", "UBND xã Quảng Xương");
  add_entry (fixture, "0912345678", NULL, files);
  add_entry (fixture, "0987654321", NULL, files);

  /* Activating a row edits its entry; the change replaces it in place. */
  row = find_widget (GTK_WIDGET (fixture->dialog), ADW_TYPE_ACTION_ROW, "0987 654 321");
  g_assert_nonnull (row);
  g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)), ==, 1);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  iterate ();
  g_assert_cmpstr (ph_document_dialog_get_page (fixture->dialog), ==, "entry");
  g_assert_cmpstr (gtk_editable_get_text (field (fixture, "_Source")), ==, "0987654321");
  type_into (fixture, "_Source", "0987 654 322");
  activate (fixture, "document.entry-done");
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  {
    g_autoptr(PhIntakeEntry) second = g_list_model_get_item (entries, 1);

    g_assert_cmpstr (second->source, ==, "0987 654 322");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second->evidence)), ==, 1);
  }

  /* Removed before saving. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog),
                                             "document.remove-entry", "u", 0));
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);

  respond (fixture, save (fixture, TRUE), "save");
  wait_for_save (fixture);
  saved = document_entries (fixture, fixture->saved_id);
  g_assert_cmpuint (saved->len, ==, 1);
  g_assert_cmpstr (((PhEntry *) g_ptr_array_index (saved, 0))->source_key, ==, "+84987654322");
}

static void
test_intake_copy_fails (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char *const first[] = { "man-hinh-1.png", "png", "ghi-am-1.amr", "amr", NULL };
  static const char *const second[] = { "ghi-am-2.wav", "wav", "man-hinh-2.png", "png", NULL };
  g_autofree char *victim = g_build_filename (fixture->files_dir, "ghi-am-2.wav", NULL);
  AdwMessageDialog *error_dialog;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;

  fill_document (fixture, "4/UBND", "UBND xã Quảng Xương");
  add_entry (fixture, "0912345678", NULL, first);
  add_entry (fixture, "0987654321", NULL, second);

  /* The third of four files becomes unreadable after it was attached. chmod
   * means nothing to root, so there it is replaced by a folder. */
  if (getuid () != 0)
    g_assert_cmpint (g_chmod (victim, 0), ==, 0);
  else
    {
      g_assert_cmpint (g_unlink (victim), ==, 0);
      g_assert_cmpint (g_mkdir (victim, 0700), ==, 0);
    }

  respond (fixture, save (fixture, TRUE), "save");
  wait_for_save (fixture);

  /* Nothing was saved, the clerk is told which file failed, and the dialog
   * still holds everything for another try. */
  g_assert_false (fixture->destroyed);
  g_assert_cmpint (fixture->saved_id, ==, 0);
  error_dialog = find_message_dialog ();
  g_assert_nonnull (error_dialog);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (error_dialog)), ==, "save-error");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (error_dialog), "ghi-am-2.wav"));
  g_assert_cmpstr (ph_document_dialog_get_page (fixture->dialog), ==, "document");
  g_assert_cmpuint (g_list_model_get_n_items (ph_document_dialog_get_entries (fixture->dialog)),
                    ==, 2);

  g_assert_cmpint (count_all_entries (fixture), ==, 0);
  g_assert_cmpint (count_audit (fixture, "document.create"), ==, 0);
  units = ph_store_list_units (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM evidence"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM documents"), ==, 0);
  respond (fixture, error_dialog, "close");

  /* Put right, the same dialog saves. */
  if (getuid () != 0)
    g_assert_cmpint (g_chmod (victim, 0600), ==, 0);
  else
    {
      g_assert_cmpint (g_rmdir (victim), ==, 0);
      g_free (ph_test_make_evidence (fixture->files_dir, "ghi-am-2.wav", "wav"));
    }
  respond (fixture, save (fixture, TRUE), "save");
  wait_for_save (fixture);
  g_assert_true (fixture->destroyed);
  g_assert_cmpint (count_all_entries (fixture), ==, 2);
}

static void
test_intake_exclusions_preferences (Fixture       *fixture,
                                    gconstpointer  data)
{
  static const char *const files[] = { "man-hinh.png", "png", NULL };
  PhPreferencesWindow *preferences = ph_preferences_window_new (NULL, fixture->store);
  PhExclusionsPage *page;
  g_autoptr(PhExclusion) found = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *warnings;
  GtkWidget *source, *reason;
  guint seeded;

  gtk_window_present (GTK_WINDOW (preferences));
  page = PH_EXCLUSIONS_PAGE (find_widget (GTK_WIDGET (preferences), PH_TYPE_EXCLUSIONS_PAGE, NULL));
  g_assert_nonnull (page);

  /* Pre-filled: the emergency numbers, 156/5656, the police duty line. */
  seeded = ph_exclusions_page_get_count (page);
  g_assert_cmpuint (seeded, >=, 8);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "113"));
  g_assert_nonnull (find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "5656"));
  g_assert_nonnull (find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "069 2348560"));

  /* A reason is required. */
  source = find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "_Number");
  reason = find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "_Reason");
  gtk_editable_set_text (GTK_EDITABLE (source), "0237 3852 111");
  gtk_widget_activate_action (GTK_WIDGET (page), "exclusions.add", NULL);
  g_assert_cmpuint (ph_exclusions_page_get_count (page), ==, seeded);
  gtk_editable_set_text (GTK_EDITABLE (reason), "Đường dây nóng của Sở");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exclusions.add", NULL));
  g_assert_cmpuint (ph_exclusions_page_get_count (page), ==, seeded + 1);
  found = ph_store_find_exclusion (fixture->store, "02373852111", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->reason, ==, "Đường dây nóng của Sở");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (source)), ==, "");

  /* The dialog now warns about it. */
  fill_document (fixture, "6/UBND", "UBND xã Quảng Xương");
  add_entry (fixture, "0237 3852 111", NULL, files);
  warnings = save (fixture, TRUE);
  g_assert_nonnull (find_named (GTK_WIDGET (warnings), "warning-excluded"));
  respond (fixture, warnings, "back");

  /* Removed, it is no longer excluded. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "exclusions.remove", "x",
                                             found->id));
  g_assert_cmpuint (ph_exclusions_page_get_count (page), ==, seeded);
  g_clear_pointer (&found, ph_exclusion_free);
  found = ph_store_find_exclusion (fixture->store, "02373852111", &error);
  g_assert_no_error (error);
  g_assert_null (found);
  g_assert_cmpint (count_audit (fixture, "exclusion.add"), ==, 1);
  g_assert_cmpint (count_audit (fixture, "exclusion.remove"), ==, 1);

  warnings = save (fixture, TRUE);
  g_assert_null (find_named (GTK_WIDGET (warnings), "warning-excluded"));
  respond (fixture, warnings, "save");
  wait_for_save (fixture);
  g_assert_cmpint (count_all_entries (fixture), ==, 1);
}

static void
test_intake_edit_document (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char *const first[] = { "man-hinh-1.png", "png", "ghi-am-1.amr", "amr", NULL };
  static const char *const second[] = { "man-hinh-2.png", "png", NULL };
  static const char *const third[] = { "ghi-am-3.wav", "wav", NULL };
  PhEntryEditor *editor;
  PhEvidencePicker *picker;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(PhDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id, first_id;

  fill_document (fixture, "20/UBND-VP", "UBND xã Quảng Xương");
  add_entry (fixture, "0912345678", "Nội dung cũ", first);
  add_entry (fixture, "0987654321", NULL, second);
  respond (fixture, save (fixture, TRUE), "save");
  wait_for_save (fixture);
  document_id = fixture->saved_id;
  entries = document_entries (fixture, document_id);
  first_id = ((PhEntry *) g_ptr_array_index (entries, 0))->id;
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Opened again, everything is there. */
  fixture->destroyed = FALSE;
  fixture->saved_id = 0;
  fixture->dialog = ph_document_dialog_new_for_document (NULL, fixture->store, document_id, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->dialog, "saved", G_CALLBACK (on_saved), fixture);
  g_signal_connect (fixture->dialog, "destroy", G_CALLBACK (on_destroy), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (field (fixture, "_Number")), ==, "20/UBND-VP");
  g_assert_cmpstr (gtk_editable_get_text (field (fixture, "_Dated")), ==, "10/11/2026");
  g_assert_cmpuint (g_list_model_get_n_items (ph_document_dialog_get_entries (fixture->dialog)),
                    ==, 2);
  g_assert_false (ph_document_dialog_get_modified (fixture->dialog));

  type_into (fixture, "Su_mmary", "Đã bổ sung số thứ ba");

  /* The first entry: new content, one file out, one file in. */
  g_assert_true (ph_document_dialog_edit_entry (fixture->dialog, first_id));
  g_assert_cmpstr (ph_document_dialog_get_page (fixture->dialog), ==, "entry");
  editor = ph_document_dialog_get_entry_editor (fixture->dialog);
  picker = ph_entry_editor_get_evidence_picker (editor);
  g_assert_cmpuint (g_list_model_get_n_items (ph_evidence_picker_get_files (picker)), ==, 2);
  {
    GtkWidget *view = find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, NULL);
    g_autofree char *path = make_file (fixture, "man-hinh-moi.png", "png");
    g_autoptr(GFile) file = g_file_new_for_path (path);

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Nội dung mới", -1);
    ph_evidence_picker_remove (picker, 0);
    ph_evidence_picker_add_file (picker, file);
    wait_for_picker (picker);
  }
  activate (fixture, "document.entry-done");

  /* The second removed, a third added. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog),
                                             "document.remove-entry", "u", 1));
  add_entry (fixture, "0388123456", NULL, third);

  save (fixture, FALSE);   /* nothing to warn about */
  wait_for_save (fixture);
  g_assert_cmpint (fixture->saved_id, ==, document_id);

  document = ph_store_get_document (fixture->store, document_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->summary, ==, "Đã bổ sung số thứ ba");
  entries = document_entries (fixture, document_id);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpint (((PhEntry *) g_ptr_array_index (entries, 0))->id, ==, first_id);
  g_assert_cmpstr (((PhEntry *) g_ptr_array_index (entries, 0))->content, ==, "Nội dung mới");
  g_assert_cmpstr (((PhEntry *) g_ptr_array_index (entries, 1))->source_key, ==, "+84388123456");
  {
    g_autoptr(GPtrArray) evidence = ph_store_list_evidence (fixture->store, first_id, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (evidence->len, ==, 2);
    g_assert_cmpstr (((PhEvidence *) g_ptr_array_index (evidence, 0))->original_name, ==,
                     "ghi-am-1.amr");
    g_assert_cmpstr (((PhEvidence *) g_ptr_array_index (evidence, 1))->original_name, ==,
                     "man-hinh-moi.png");
  }
  /* (Its id may be reused by the new entry: SQLite gives out the largest id + 1.) */
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM entries"
                                        " WHERE source_key = '+84987654321'"), ==, 0);

  /* Every change is in the audit log. */
  g_assert_cmpint (count_audit (fixture, "document.update"), ==, 1);
  g_assert_cmpint (count_audit (fixture, "entry.update"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit_log WHERE action LIKE 'entry.delete%'"),
                   ==, 1);
  g_assert_cmpint (count_audit (fixture, "entry.create"), ==, 3);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit_log WHERE action LIKE 'evidence.remove%'"),
                   ==, 1);

  /* Once an entry is verified and put in a batch, it stays as it is. */
  g_assert_true (ph_store_verify_entry (fixture->store, first_id, &error));
  g_assert_no_error (error);
  /* Only the batches code puts an entry in a batch; here plain SQL stands in for it. */
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO batches (created_by, created_at, updated_at) VALUES ('lanhdao', '', '');"
      "INSERT INTO batch_entries (batch_id, entry_id, position) VALUES (last_insert_rowid (), %"
      G_GINT64_FORMAT ", 1);"
      "UPDATE entries SET status = 'in-batch' WHERE id = %" G_GINT64_FORMAT ";",
      first_id, first_id);
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (ph_store_get_database_path (fixture->store), &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  fixture->dialog = ph_document_dialog_new_for_document (NULL, fixture->store, document_id, &error);
  g_assert_no_error (error);
  fixture->destroyed = FALSE;
  g_signal_connect (fixture->dialog, "destroy", G_CALLBACK (on_destroy), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  g_assert_true (ph_document_dialog_edit_entry (fixture->dialog, first_id));
  g_assert_cmpstr (ph_document_dialog_get_page (fixture->dialog), ==, "document");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (field (fixture, "_Number"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog),
                                             "document.remove-entry", "u", 0));
  g_assert_cmpuint (g_list_model_get_n_items (ph_document_dialog_get_entries (fixture->dialog)),
                    ==, 2);
  /* The other entry still changes. */
  {
    g_autoptr(PhIntakeEntry) other = g_list_model_get_item (ph_document_dialog_get_entries (fixture->dialog), 1);

    g_assert_true (ph_document_dialog_edit_entry (fixture->dialog, other->id));
    g_assert_cmpstr (ph_document_dialog_get_page (fixture->dialog), ==, "entry");
    type_into (fixture, "_Notes", "Đã gọi lại xác minh");
    activate (fixture, "document.entry-done");
    save (fixture, FALSE);
    wait_for_save (fixture);
    g_assert_true (fixture->destroyed);
    g_assert_cmpint (count_audit (fixture, "entry.update"), ==, 2);
  }
}

static gboolean
overlay_has_action (GtkWidget  *widget,
                    const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *name = NULL;

      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          g_object_get (child, "action-name", &name, NULL);
          if (g_strcmp0 (name, action) == 0)
            return TRUE;
        }
      if (overlay_has_action (child, action))
        return TRUE;
    }
  return FALSE;
}

static void
test_intake_app_actions (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PhApplication) app = ph_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  g_autofree char *dir = ph_test_make_tmp_dir ("window");
  PhWindow *window;
  GtkWindow *dialog;

  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.new-document");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>n"));

  window = ph_window_new (GTK_APPLICATION (app), dir);
  g_assert_nonnull (ph_window_get_store (window));

  /* Registering needs somebody signed in: before that, Ctrl+N does nothing. */
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-document", NULL);
  g_assert_null (find_toplevel (PH_TYPE_DOCUMENT_DIALOG));
  ph_test_set_up_accounts (ph_window_get_store (window));
  ph_test_sign_in (ph_window_get_store (window), "lan");
  iterate ();

  /* Ctrl+N opens the dialog on the window's store. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-document", NULL);
  dialog = find_toplevel (PH_TYPE_DOCUMENT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  gtk_window_destroy (dialog);

  /* Quitting with a document being registered asks first, and the main window
   * (and its store) stays while the clerk keeps editing. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-document", NULL);
  dialog = find_toplevel (PH_TYPE_DOCUMENT_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                    "_Number")), "15/UBND");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  iterate ();
  g_assert_nonnull (find_message_dialog ());
  g_assert_nonnull (find_toplevel (PH_TYPE_WINDOW));
  g_assert_nonnull (ph_window_get_store (window));
  respond (fixture, find_message_dialog (), "cancel");
  g_assert_nonnull (find_toplevel (PH_TYPE_DOCUMENT_DIALOG));
  gtk_window_destroy (dialog);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  dialog = find_toplevel (PH_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);

  /* The detail pane's "Edit" opens the entry within its document. */
  {
    g_autoptr(PhDocument) document = ph_document_new ();
    g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_entry_free);
    PhEntry *entry = ph_entry_new ();

    document->received_on = g_strdup ("2026-11-28");
    document->unit_name = g_strdup ("Sở Y tế");
    document->delivery = PH_DELIVERY_EMAIL;
    entry->source_input = g_strdup ("0912345678");
    entry->category = PH_CATEGORY_SCAM;
    entry->channel = PH_CHANNEL_CALL;
    g_ptr_array_add (entries, entry);
    g_assert_cmpint (ph_store_create_document (ph_window_get_store (window), document, entries,
                                               &error), >, 0);
    g_assert_no_error (error);

    g_action_group_activate_action (G_ACTION_GROUP (app), "edit-entry",
                                    g_variant_new_int64 (entry->id));
    dialog = find_toplevel (PH_TYPE_DOCUMENT_DIALOG);
    g_assert_nonnull (dialog);
    g_assert_cmpstr (ph_document_dialog_get_page (PH_DOCUMENT_DIALOG (dialog)), ==, "entry");
    g_assert_cmpstr (gtk_window_get_title (dialog), ==, "Edit Incoming Document");
    gtk_window_destroy (dialog);

    g_action_group_activate_action (G_ACTION_GROUP (app), "edit-document",
                                    g_variant_new_int64 (document->id));
    dialog = find_toplevel (PH_TYPE_DOCUMENT_DIALOG);
    g_assert_nonnull (dialog);
    g_assert_cmpstr (ph_document_dialog_get_page (PH_DOCUMENT_DIALOG (dialog)), ==, "document");
    gtk_window_destroy (dialog);
  }

  /* Both are in the shortcuts window. */
  {
    g_autoptr(GtkBuilder) builder =
      gtk_builder_new_from_resource (RESOURCE_PATH "/gtk/help-overlay.ui");
    GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

    g_assert_true (overlay_has_action (GTK_WIDGET (overlay), "app.new-document"));
    g_assert_true (overlay_has_action (GTK_WIDGET (overlay), "app.preferences"));
    gtk_window_destroy (GTK_WINDOW (overlay));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_intake_progress (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkProgressBar *bar;
  double seen_max = 0.0;
  guint steps = 0;
  double last = -1.0;

  add_big_entry (fixture);
  respond (fixture, save (fixture, TRUE), "save");   /* a new unit */
  g_assert_cmpstr (ph_document_dialog_get_page (fixture->dialog), ==, "saving");
  bar = GTK_PROGRESS_BAR (find_widget (GTK_WIDGET (fixture->dialog), GTK_TYPE_PROGRESS_BAR, NULL));
  g_assert_nonnull (bar);

  /* The main loop runs while the file is copied: the bar moves. */
  while (!fixture->destroyed)
    {
      double fraction = gtk_progress_bar_get_fraction (bar);

      if (fraction != last)
        {
          steps++;
          last = fraction;
        }
      seen_max = MAX (seen_max, fraction);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (steps, >=, 3);
  g_assert_cmpfloat (seen_max, >, 0.5);
  g_assert_cmpint (count_all_entries (fixture), ==, 1);
}

static void
test_intake_stop (Fixture       *fixture,
                  gconstpointer  data)
{
  add_big_entry (fixture);
  respond (fixture, save (fixture, TRUE), "save");
  g_assert_cmpstr (ph_document_dialog_get_page (fixture->dialog), ==, "saving");

  /* Closing is refused while saving; Stop is the way out. */
  gtk_window_close (GTK_WINDOW (fixture->dialog));
  iterate ();
  g_assert_false (fixture->destroyed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "document.stop", NULL));
  while (g_str_equal (ph_document_dialog_get_page (fixture->dialog), "saving"))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (ph_document_dialog_get_page (fixture->dialog), ==, "document");
  g_assert_null (find_message_dialog ());
  g_assert_cmpint (count_all_entries (fixture), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM evidence"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ph_document_dialog_get_entries (fixture->dialog)),
                    ==, 1);
}

static void
test_intake_source_notice (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char *const files[] = { "man-hinh.png", "png", NULL };
  GtkWidget *source;
  AdwActionRow *check;

  fill_document (fixture, "40/UBND", "UBND xã Quảng Xương");
  add_entry (fixture, "0912345678", NULL, files);
  respond (fixture, save (fixture, TRUE), "save");
  wait_for_save (fixture);

  /* As it is typed, the source says what the store knows of it. */
  open_dialog (fixture);
  activate (fixture, "document.add-entry");
  source = GTK_WIDGET (field (fixture, "_Source"));
  check = ADW_ACTION_ROW (gtk_widget_get_next_sibling (source));
  gtk_editable_set_text (GTK_EDITABLE (source), "+84 912 345 678");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (check), "Seen in 1 other entry"));
  {
    GtkWidget *icon = find_widget (GTK_WIDGET (check), GTK_TYPE_IMAGE, NULL);

    g_assert_true (gtk_widget_has_css_class (icon, "success"));
    gtk_editable_set_text (GTK_EDITABLE (source), "113");
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (check), "On the exclusion list"));
    /* Still a valid source, but marked. */
    g_assert_true (gtk_widget_has_css_class (icon, "error"));
    g_assert_true (ph_entry_editor_get_valid (ph_document_dialog_get_entry_editor (fixture->dialog)));
  }
  gtk_editable_set_text (GTK_EDITABLE (source), "0987654321");
  g_assert_null (strstr (adw_action_row_get_subtitle (check), "Seen in"));
  g_assert_null (strstr (adw_action_row_get_subtitle (check), "exclusion"));
}

static gboolean
focus_in (Fixture    *fixture,
          const char *title)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (fixture->dialog));
  GtkWidget *row = GTK_WIDGET (field (fixture, title));

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

static void
test_intake_validation (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char *const files[] = { "man-hinh.png", "png", NULL };

  /* Each refusal names the problem and puts the cursor where it is. */
  type_into (fixture, "_Received", "31/02/2026");
  activate (fixture, "document.save");
  g_assert_null (find_message_dialog ());
  g_assert_true (focus_in (fixture, "_Received"));

  type_into (fixture, "_Received", "28/11/2026");
  type_into (fixture, "_Dated", "29/11/2026");   /* after it was received */
  activate (fixture, "document.save");
  g_assert_null (find_message_dialog ());
  g_assert_true (focus_in (fixture, "_Dated"));

  type_into (fixture, "_Dated", "27/11/2026");
  activate (fixture, "document.save");
  g_assert_true (focus_in (fixture, "Sending _unit"));

  type_into (fixture, "Sending _unit", "UBND xã Quảng Xương");
  activate (fixture, "document.save");   /* no entry yet */
  g_assert_null (find_message_dialog ());
  g_assert_cmpstr (ph_document_dialog_get_page (fixture->dialog), ==, "document");

  /* An entry whose source is not valid cannot be kept. */
  activate (fixture, "document.add-entry");
  type_into (fixture, "_Source", "09123");
  activate (fixture, "document.entry-done");
  g_assert_cmpstr (ph_document_dialog_get_page (fixture->dialog), ==, "entry");
  activate (fixture, "document.escape");
  respond (fixture, find_message_dialog (), "discard");

  add_entry (fixture, "0912345678", NULL, files);
  respond (fixture, save (fixture, TRUE), "save");
  wait_for_save (fixture);
  g_assert_true (fixture->destroyed);
  g_assert_cmpint (count_all_entries (fixture), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/phananh/intake/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("three-entries-five-files", test_intake_three_entries_five_files);
  ADD ("paste-forms", test_intake_paste_forms);
  ADD ("warning-excluded", test_intake_warning_excluded);
  ADD ("warning-reported", test_intake_warning_reported);
  ADD ("warning-duplicate-document", test_intake_warning_duplicate_document);
  ADD ("warning-no-evidence", test_intake_warning_no_evidence);
  ADD ("units", test_intake_units);
  ADD ("refused-file", test_intake_refused_file);
  ADD ("cancel", test_intake_cancel);
  ADD ("edit-and-remove-entries", test_intake_edit_and_remove_entries);
  ADD ("copy-fails", test_intake_copy_fails);
  ADD ("exclusions-preferences", test_intake_exclusions_preferences);
  ADD ("edit-document", test_intake_edit_document);
  ADD ("app-actions", test_intake_app_actions);
  ADD ("progress", test_intake_progress);
  ADD ("stop", test_intake_stop);
  ADD ("source-notice", test_intake_source_notice);
  ADD ("validation", test_intake_validation);

#undef ADD

  return g_test_run ();
}
