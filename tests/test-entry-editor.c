/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "ph-entry-editor.h"
#include "ph-evidence-picker.h"
#include "ph-test-evidence.h"
#include "ph-test-util.h"

/* The editor's template children, found by their accessible role and order. */
static GtkWidget *
find_child (GtkWidget  *root,
            GType       type,
            const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (title == NULL
              || (ADW_IS_PREFERENCES_ROW (child)
                  && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)),
                                       title))))
        return child;

      found = find_child (child, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
row (GtkWidget  *editor,
     const char *title)
{
  GtkWidget *found = find_child (editor, ADW_TYPE_PREFERENCES_ROW, title);

  g_assert_nonnull (found);
  return found;
}

/* The check row right under @entry_row: what the clerk sees of the check. */
static AdwActionRow *
check_row_of (GtkWidget *entry_row)
{
  GtkWidget *next = gtk_widget_get_next_sibling (entry_row);

  g_assert_true (ADW_IS_ACTION_ROW (next));
  return ADW_ACTION_ROW (next);
}

static GtkTextBuffer *
content_buffer (GtkWidget *editor)
{
  GtkWidget *view = find_child (editor, GTK_TYPE_TEXT_VIEW, NULL);

  g_assert_nonnull (view);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

static char *
dup_content (GtkWidget *editor)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (content_buffer (editor), &start, &end);
  return gtk_text_buffer_get_text (content_buffer (editor), &start, &end, FALSE);
}

static GtkWidget *
new_editor (GtkWidget **window)
{
  GtkWidget *editor = ph_entry_editor_new ();

  *window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (*window), editor);
  gtk_window_present (GTK_WINDOW (*window));
  return editor;
}

static void
test_entry_editor_new_destroy (void)
{
  GtkWidget *window;
  GtkWidget *editor = new_editor (&window);

  g_assert_false (ph_entry_editor_get_valid (PH_ENTRY_EDITOR (editor)));
  g_assert_false (ph_entry_editor_get_modified (PH_ENTRY_EDITOR (editor)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_entry_editor_source_check (void)
{
  GtkWidget *window;
  GtkWidget *editor = new_editor (&window);
  GtkWidget *source = row (editor, "_Source");
  AdwActionRow *check = check_row_of (source);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (check)));

  gtk_editable_set_text (GTK_EDITABLE (source), "+84 912 345 678");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (check)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (check)), ==, "0912 345 678");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (check), "VinaPhone"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (check), "Mobile"));
  g_assert_true (ph_entry_editor_get_valid (PH_ENTRY_EDITOR (editor)));
  g_assert_true (ph_entry_editor_get_modified (PH_ENTRY_EDITOR (editor)));

  /* A legacy 11-digit number shows what it became. */
  gtk_editable_set_text (GTK_EDITABLE (source), "0162 345 6789");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (check)), ==, "0323 456 789");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (check), "0162 345 6789"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (check), "Viettel"));

  /* Too short: invalid, with the reason. */
  gtk_editable_set_text (GTK_EDITABLE (source), "09123");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (check)), ==,
                   "Not a valid source");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (check), "10 digits"));
  g_assert_false (ph_entry_editor_get_valid (PH_ENTRY_EDITOR (editor)));

  /* Typed one character at a time, as a clerk would. */
  gtk_editable_set_text (GTK_EDITABLE (source), "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (check)));
  for (const char *p = "VIETTEL"; *p != '\0'; p++)
    {
      int position = -1;

      gtk_editable_insert_text (GTK_EDITABLE (source), p, 1, &position);
    }
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (check)), ==, "VIETTEL");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (check), "Brandname"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_entry_editor_receiver_and_date (void)
{
  GtkWidget *window;
  GtkWidget *editor = new_editor (&window);
  GtkWidget *receiver = row (editor, "_Receiving");
  GtkWidget *when = row (editor, "_When");
  g_autoptr(PhIntakeEntry) entry = ph_intake_entry_new ();
  g_autoptr(GError) error = NULL;

  gtk_editable_set_text (GTK_EDITABLE (row (editor, "_Source")), "0987654321");
  gtk_editable_set_text (GTK_EDITABLE (receiver), "0912");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (check_row_of (receiver))), ==,
                   "Not a valid number");
  g_assert_false (ph_entry_editor_get_valid (PH_ENTRY_EDITOR (editor)));
  g_assert_false (ph_entry_editor_store (PH_ENTRY_EDITOR (editor), entry, &error));
  g_assert_error (error, PH_ENTRY_EDITOR_ERROR, PH_ENTRY_EDITOR_ERROR_RECEIVER);
  g_clear_error (&error);
  g_assert_null (entry->source);

  gtk_editable_set_text (GTK_EDITABLE (receiver), "0237 3852 111");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (check_row_of (receiver)), "Thanh Hóa"));

  gtk_editable_set_text (GTK_EDITABLE (when), "31/02/2026");
  g_assert_false (ph_entry_editor_get_valid (PH_ENTRY_EDITOR (editor)));
  g_assert_cmpstr (adw_action_row_get_subtitle (check_row_of (when)), ==, "There is no 31/02/2026.");
  g_assert_false (ph_entry_editor_store (PH_ENTRY_EDITOR (editor), entry, &error));
  g_assert_error (error, PH_ENTRY_EDITOR_ERROR, PH_ENTRY_EDITOR_ERROR_WHEN);
  g_clear_error (&error);

  gtk_editable_set_text (GTK_EDITABLE (when), "14h30 12/11/2026");
  g_assert_true (ph_entry_editor_get_valid (PH_ENTRY_EDITOR (editor)));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (check_row_of (when))),
                            "November 2026, 14:30"));

  gtk_editable_set_text (GTK_EDITABLE (row (editor, "_Impersonated")), "Công an tỉnh");
  gtk_editable_set_text (GTK_EDITABLE (row (editor, "_Notes")), " cuộc gọi lúc đêm ");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (editor, "C_hannel")),
                              PH_CHANNEL_APP - PH_CHANNEL_CALL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (editor, "Ca_tegory")),
                              PH_CATEGORY_IMPERSONATION - PH_CATEGORY_SCAM);
  gtk_text_buffer_set_text (content_buffer (editor), "Gọi báo thu hồi SIM", -1);

  g_assert_true (ph_entry_editor_store (PH_ENTRY_EDITOR (editor), entry, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (entry->source, ==, "0987654321");
  g_assert_cmpstr (entry->receiver, ==, "0237 3852 111");
  g_assert_cmpstr (entry->impersonated, ==, "Công an tỉnh");
  g_assert_cmpstr (entry->notes, ==, "cuộc gọi lúc đêm");
  g_assert_cmpstr (entry->content, ==, "Gọi báo thu hồi SIM");
  g_assert_cmpint (entry->channel, ==, PH_CHANNEL_APP);
  g_assert_cmpint (entry->category, ==, PH_CATEGORY_IMPERSONATION);
  g_assert_true (entry->occurred_has_time);
  g_assert_cmpint (g_date_time_get_hour (entry->occurred), ==, 14);
  g_assert_cmpint (g_date_time_get_day_of_month (entry->occurred), ==, 12);

  /* Loaded again into a fresh editor, the entry comes back the same. */
  {
    GtkWidget *window2;
    GtkWidget *editor2 = new_editor (&window2);
    g_autoptr(PhIntakeEntry) copy = ph_intake_entry_new ();

    ph_entry_editor_load (PH_ENTRY_EDITOR (editor2), entry);
    g_assert_false (ph_entry_editor_get_modified (PH_ENTRY_EDITOR (editor2)));
    g_assert_true (ph_entry_editor_get_valid (PH_ENTRY_EDITOR (editor2)));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (editor2, "_When"))), ==,
                     "12/11/2026 14:30");
    g_assert_true (ph_entry_editor_store (PH_ENTRY_EDITOR (editor2), copy, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (copy->source, ==, entry->source);
    g_assert_cmpstr (copy->content, ==, entry->content);
    g_assert_cmpint (copy->category, ==, entry->category);
    g_assert_true (g_date_time_equal (copy->occurred, entry->occurred));
    gtk_window_destroy (GTK_WINDOW (window2));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  const char       *message;
  const char       *source;
  PhChannel         channel;
  PhCategory        category;
  const char       *content;
} PasteCase;

static const PasteCase paste_cases[] = {
  { "LD 0912345678 goi mao danh cong an doi thu hoi sim", "0912 345 678",
    PH_CHANNEL_CALL, PH_CATEGORY_SCAM, "goi mao danh cong an doi thu hoi sim" },
  { "LD (0987.654.321) (mạo danh cán bộ Sở yêu cầu nộp tiền) gửi 156", "0987 654 321",
    PH_CHANNEL_CALL, PH_CATEGORY_SCAM, "mạo danh cán bộ Sở yêu cầu nộp tiền" },
  { "V [0388123456][moi vay tien qua app]", "0388 123 456",
    PH_CHANNEL_CALL, PH_CATEGORY_SPAM, "moi vay tien qua app" },
  { "V (0388123456)(goi quang cao bat dong san)", "0388 123 456",
    PH_CHANNEL_CALL, PH_CATEGORY_SPAM, "goi quang cao bat dong san" },
  { "s 0703456789 Ban da trung thuong xe SH, bam link de nhan", "0703 456 789",
    PH_CHANNEL_SMS, PH_CATEGORY_SPAM, "Ban da trung thuong xe SH, bam link de nhan" },
  { "S [VAYNHANH] [Vay 50 trieu khong the chap] gui 5656", "VAYNHANH",
    PH_CHANNEL_SMS, PH_CATEGORY_SPAM, "Vay 50 trieu khong the chap" },
};

static void
check_filled (GtkWidget       *editor,
              const PasteCase *c)
{
  g_autofree char *content = dup_content (editor);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (editor, "_Source"))), ==, c->source);
  g_assert_cmpint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (editor, "C_hannel"))), ==,
                   c->channel - PH_CHANNEL_CALL);
  g_assert_cmpint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (editor, "Ca_tegory"))), ==,
                   c->category - PH_CATEGORY_SCAM);
  g_assert_cmpstr (content, ==, c->content);
  g_assert_true (ph_entry_editor_get_valid (PH_ENTRY_EDITOR (editor)));
}

static void
test_entry_editor_paste_into_source (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (paste_cases); i++)
    {
      GtkWidget *window;
      GtkWidget *editor = new_editor (&window);

      g_test_message ("%s", paste_cases[i].message);
      /* One insertion of the whole text, as a paste does. */
      gtk_editable_set_text (GTK_EDITABLE (row (editor, "_Source")), paste_cases[i].message);
      check_filled (editor, &paste_cases[i]);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_entry_editor_paste_into_content (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (paste_cases); i++)
    {
      GtkWidget *window;
      GtkWidget *editor = new_editor (&window);

      g_test_message ("%s", paste_cases[i].message);
      gtk_text_buffer_insert_at_cursor (content_buffer (editor), paste_cases[i].message, -1);
      check_filled (editor, &paste_cases[i]);
      gtk_window_destroy (GTK_WINDOW (window));
    }

  /* Plain content stays as it is. */
  {
    GtkWidget *window;
    GtkWidget *editor = new_editor (&window);
    g_autofree char *content = NULL;

    gtk_text_buffer_insert_at_cursor (content_buffer (editor), "Le Van A goi tu xung cong an", -1);
    content = dup_content (editor);
    g_assert_cmpstr (content, ==, "Le Van A goi tu xung cong an");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (editor, "_Source"))), ==, "");
    gtk_window_destroy (GTK_WINDOW (window));
  }
}

static void
test_entry_editor_typed_message (void)
{
  GtkWidget *window;
  GtkWidget *editor = new_editor (&window);
  GtkWidget *source = row (editor, "_Source");
  AdwActionRow *check = check_row_of (source);
  g_autoptr(PhIntakeEntry) entry = ph_intake_entry_new ();
  g_autoptr(GError) error = NULL;

  /* Typed by hand, one key at a time: not applied behind the clerk's back. */
  for (const char *p = paste_cases[4].message; *p != '\0'; p++)
    {
      int position = -1;

      gtk_editable_insert_text (GTK_EDITABLE (source), p, 1, &position);
    }
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (check)), ==,
                   "A 156/5656 message");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (check), "Press Enter"));
  g_assert_false (ph_entry_editor_get_valid (PH_ENTRY_EDITOR (editor)));
  g_assert_false (ph_entry_editor_store (PH_ENTRY_EDITOR (editor), entry, &error));
  g_assert_error (error, PH_ENTRY_EDITOR_ERROR, PH_ENTRY_EDITOR_ERROR_SOURCE);

  /* Enter fills the entry. */
  g_signal_emit_by_name (source, "entry-activated");
  check_filled (editor, &paste_cases[4]);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_entry_editor_paste_action (void)
{
  GtkWidget *window;
  GtkWidget *editor = new_editor (&window);
  AdwActionRow *check = check_row_of (row (editor, "_Source"));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (editor), paste_cases[2].message);
  g_assert_true (gtk_widget_activate_action (editor, "editor.paste-message", NULL));
  while (!ph_entry_editor_get_valid (PH_ENTRY_EDITOR (editor)))
    g_main_context_iteration (NULL, TRUE);
  check_filled (editor, &paste_cases[2]);

  /* Something else on the clipboard: the reason, and nothing changed. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (editor), "hello");
  g_assert_true (gtk_widget_activate_action (editor, "editor.paste-message", NULL));
  while (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (check)),
                    "Not a 156/5656 message") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (adw_action_row_get_subtitle (check), !=, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (editor, "_Source"))), ==,
                   paste_cases[2].source);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
wait_idle (PhEvidencePicker *picker)
{
  while (ph_evidence_picker_get_busy (picker))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_entry_editor_evidence (void)
{
  GtkWidget *window;
  GtkWidget *editor = new_editor (&window);
  PhEvidencePicker *picker = ph_entry_editor_get_evidence_picker (PH_ENTRY_EDITOR (editor));
  g_autofree char *dir = ph_test_make_tmp_dir ("evidence");
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  static const char *const kinds[][2] = {
    { "man-hinh-cuoc-goi.png", "png" },
    { "tin-nhan.jpg", "jpeg" },
    { "ghi-am.wav", "wav" },
    { "ghiam_1.amr", "amr" },
    { "not-an-image.png", "text" },     /* the name lies; the content decides */
    { "trong.mp3", "empty" },
    { "to-qua.mp3", "mp3" },
    { "cong-van.pdf", "pdf" },
  };
  g_autoptr(PhIntakeEntry) entry = ph_intake_entry_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) refusals = NULL;
  g_autofree char *big = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = ph_test_make_evidence (dir, kinds[i][0], kinds[i][1]);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (g_str_equal (kinds[i][1], "mp3"))
        {
          /* Over a 3 kB limit set for the test. */
          g_autoptr(GByteArray) data = g_byte_array_new ();
          g_autofree char *contents = NULL;
          gsize len;

          g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
          g_byte_array_append (data, (guint8 *) contents, (guint) len);
          g_byte_array_set_size (data, 8192);
          g_assert_true (g_file_set_contents (path, (char *) data->data, data->len, NULL));
        }
      g_list_store_append (files, file);
    }
  /* A folder and a missing file, too. */
  {
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_autofree char *missing_path = g_build_filename (dir, "da-xoa.png", NULL);
    g_autoptr(GFile) missing = g_file_new_for_path (missing_path);

    g_list_store_append (files, folder);
    g_list_store_append (files, missing);
  }

  ph_evidence_picker_set_max_size (picker, 3000);
  ph_evidence_picker_add_files (picker, G_LIST_MODEL (files));
  g_assert_true (ph_evidence_picker_get_busy (picker));
  wait_idle (picker);

  refusals = ph_evidence_picker_dup_refusals (picker);
  for (guint i = 0; refusals[i] != NULL; i++)
    g_test_message ("refused: %s", refusals[i]);
  g_clear_pointer (&refusals, g_strfreev);

  /* The good ones, in the order given. */
  g_assert_cmpuint (g_list_model_get_n_items (ph_evidence_picker_get_files (picker)), ==, 5);
  {
    static const char *const expected[] = {
      "man-hinh-cuoc-goi.png", "tin-nhan.jpg", "ghi-am.wav", "ghiam_1.amr", "cong-van.pdf"
    };
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autoptr(PhIntakeFile) file = g_list_model_get_item (ph_evidence_picker_get_files (picker), i);

        g_assert_cmpstr (ph_intake_file_get_name (file), ==, expected[i]);
      }
  }

  refusals = ph_evidence_picker_dup_refusals (picker);
  g_assert_cmpuint (g_strv_length (refusals), ==, 5);
  g_assert_nonnull (strstr (refusals[0], "not-an-image.png"));
  g_assert_nonnull (strstr (refusals[0], "This file is a plain text document"));
  g_assert_nonnull (strstr (refusals[1], "trong.mp3"));
  g_assert_nonnull (strstr (refusals[1], "empty"));
  g_assert_nonnull (strstr (refusals[2], "to-qua.mp3"));
  g_assert_nonnull (strstr (refusals[2], "over the limit of 3.0"));
  g_assert_nonnull (strstr (refusals[3], "folder"));
  g_assert_nonnull (strstr (refusals[4], "da-xoa.png"));
  g_assert_nonnull (strstr (refusals[4], "no longer exists"));

  /* The same file again is refused too. */
  {
    g_autofree char *again_path = g_build_filename (dir, "ghi-am.wav", NULL);
    g_autoptr(GFile) again = g_file_new_for_path (again_path);

    ph_evidence_picker_clear_refusals (picker);
    ph_evidence_picker_add_file (picker, again);
    wait_idle (picker);
    g_clear_pointer (&refusals, g_strfreev);
    refusals = ph_evidence_picker_dup_refusals (picker);
    g_assert_cmpuint (g_strv_length (refusals), ==, 1);
    g_assert_nonnull (strstr (refusals[0], "attached already"));
  }

  /* Removed before saving. */
  ph_evidence_picker_remove (picker, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ph_evidence_picker_get_files (picker)), ==, 4);

  gtk_editable_set_text (GTK_EDITABLE (row (editor, "_Source")), "0912345678");
  g_assert_true (ph_entry_editor_store (PH_ENTRY_EDITOR (editor), entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entry->evidence)), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_entry_editor_drop (void)
{
  GtkWidget *window;
  GtkWidget *editor = new_editor (&window);
  PhEvidencePicker *picker = ph_entry_editor_get_evidence_picker (PH_ENTRY_EDITOR (editor));
  g_autofree char *dir = ph_test_make_tmp_dir ("drop");
  g_autofree char *png = ph_test_make_evidence (dir, "man-hinh.png", "png");
  g_autofree char *amr = ph_test_make_evidence (dir, "ghi-am.amr", "amr");
  g_autofree char *text = ph_test_make_evidence (dir, "ghi-chu.txt", "text");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (picker));
  GtkDropTarget *target = NULL;
  GSList *files = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_assert_true (g_type_is_a (gtk_drop_target_get_gtypes (target, NULL)[0], GDK_TYPE_FILE_LIST));

  /* Three files dropped at once: the two pieces of evidence go in. */
  files = g_slist_append (files, g_file_new_for_path (png));
  files = g_slist_append (files, g_file_new_for_path (text));
  files = g_slist_append (files, g_file_new_for_path (amr));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free_full (files, g_object_unref);
  g_assert_true (accepted);

  while (ph_evidence_picker_get_busy (picker))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (ph_evidence_picker_get_files (picker)), ==, 2);
  {
    g_auto(GStrv) refusals = ph_evidence_picker_dup_refusals (picker);

    g_assert_cmpuint (g_strv_length (refusals), ==, 1);
    g_assert_nonnull (strstr (refusals[0], "ghi-chu.txt"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ph_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/phananh/entry-editor/new-destroy", test_entry_editor_new_destroy);
  g_test_add_func ("/phananh/entry-editor/source-check", test_entry_editor_source_check);
  g_test_add_func ("/phananh/entry-editor/receiver-and-date", test_entry_editor_receiver_and_date);
  g_test_add_func ("/phananh/entry-editor/paste-into-source", test_entry_editor_paste_into_source);
  g_test_add_func ("/phananh/entry-editor/paste-into-content", test_entry_editor_paste_into_content);
  g_test_add_func ("/phananh/entry-editor/typed-message", test_entry_editor_typed_message);
  g_test_add_func ("/phananh/entry-editor/paste-action", test_entry_editor_paste_action);
  g_test_add_func ("/phananh/entry-editor/evidence", test_entry_editor_evidence);
  g_test_add_func ("/phananh/entry-editor/drop", test_entry_editor_drop);

  return g_test_run ();
}
