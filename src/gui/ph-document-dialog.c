/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-document-dialog.c: registering one incoming document — its own fields, the
 * entries it reports (each edited on a second page with #PhEntryEditor) and an
 * optional scan — and saving it all at once. Built for the keyboard: every
 * field has a mnemonic, Ctrl+E adds an entry, Ctrl+Enter keeps it, Ctrl+S saves,
 * Escape steps back; closing with unsaved changes asks first. */

#include "config.h"

#include <glib/gi18n.h>

#include <json-glib/json-glib.h>

#include "ph-date-input.h"
#include "ph-document-dialog.h"
#include "ph-fold.h"
#include "ph-intake-entry.h"
#include "ph-store-documents.h"
#include "ph-store-entries.h"
#include "ph-store-evidence.h"

#define MAX_UNIT_SUGGESTIONS 5

struct _PhDocumentDialog
{
  AdwWindow          parent_instance;

  PhStore           *store;
  gint64             document_id;      /* 0 for a new document */
  PhDocument        *original;         /* the document as loaded, to edit it */
  GArray            *original_entries; /* gint64 ids of its entries as loaded */
  gboolean           locked;           /* some entry is in a batch: the document's own fields stay */
  GCancellable      *cancellable;      /* the evidence copy while saving */
  GListStore        *entries;          /* PhIntakeEntry */
  PhIntakeEntry     *editing;          /* the entry on the entry page; NULL for a new one */
  GtkStringList     *units;            /* known unit names */
  GPtrArray         *suggestion_rows;
  GDateTime         *received;
  GDateTime         *dated;
  gboolean           dated_ok;
  gboolean           modified;
  guint              loading;

  AdwWindowTitle    *window_title;
  GtkWidget         *cancel_button;
  GtkWidget         *back_button;
  GtkWidget         *save_button;
  GtkWidget         *done_button;
  AdwToastOverlay   *toast_overlay;
  GtkStack          *stack;
  AdwPreferencesPage *document_page;
  AdwEntryRow       *received_row;
  AdwActionRow      *received_check_row;
  GtkImage          *received_check_icon;
  AdwEntryRow       *number_row;
  AdwEntryRow       *dated_row;
  AdwActionRow      *dated_check_row;
  GtkImage          *dated_check_icon;
  AdwEntryRow       *unit_row;
  AdwActionRow      *unit_check_row;
  GtkImage          *unit_check_icon;
  AdwComboRow       *delivery_row;
  AdwEntryRow       *summary_row;
  GtkListBox        *entries_list;
  GtkWidget         *add_entry_button;
  PhEvidencePicker  *scan_picker;
  PhEntryEditor     *entry_editor;
  GtkProgressBar    *progress_bar;
  GtkLabel          *hint_label;
  AdwMessageDialog  *warnings_dialog;
  GtkEditable       *override_reason;  /* in the warnings dialog, for an excluded source */
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PhDocumentDialog, ph_document_dialog, ADW_TYPE_WINDOW)

/* How the document arrived, in the order of the combo row. */
static const PhDelivery deliveries[] = {
  PH_DELIVERY_PAPER, PH_DELIVERY_ELECTRONIC, PH_DELIVERY_EMAIL, PH_DELIVERY_IN_PERSON,
};

static void update_actions (PhDocumentDialog *self);

static void
show_check (AdwActionRow *row,
            GtkImage     *icon,
            const char   *icon_name,
            const char   *style,
            const char   *title,
            const char   *subtitle)
{
  gtk_widget_set_visible (GTK_WIDGET (row), title != NULL);
  if (title == NULL)
    return;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle != NULL ? subtitle : "");
  gtk_image_set_from_icon_name (icon, icon_name);
  gtk_widget_remove_css_class (GTK_WIDGET (icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (icon), "accent");
  gtk_widget_add_css_class (GTK_WIDGET (icon), style);
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
set_modified (PhDocumentDialog *self)
{
  if (self->loading == 0)
    self->modified = TRUE;
}

/* Enter in a field goes on to the next one, as in a paper form (Tab also
 * stops on the check under a field, which a screen reader reads out). */
static void
focus_next_field (PhDocumentDialog *self,
                  GtkWidget        *row)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->received_row), GTK_WIDGET (self->number_row),
    GTK_WIDGET (self->dated_row), GTK_WIDGET (self->unit_row),
    GTK_WIDGET (self->delivery_row), GTK_WIDGET (self->summary_row),
    self->add_entry_button,
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    if (order[i] == row)
      {
        gtk_widget_grab_focus (order[i + 1]);
        return;
      }
}

static void
on_field_changed (PhDocumentDialog *self)
{
  set_modified (self);
}

/* Parses a date field and shows the result under it. */
static GDateTime *
check_date (AdwEntryRow  *row,
            AdwActionRow *check_row,
            GtkImage     *icon,
            gboolean     *ok)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = NULL;

  *ok = TRUE;
  if (is_blank (text))
    {
      show_check (check_row, icon, NULL, NULL, NULL, NULL);
      return NULL;
    }

  if (!ph_date_input_parse (text, NULL, FALSE, &date, NULL, &error))
    {
      *ok = FALSE;
      show_check (check_row, icon, "dialog-warning-symbolic", "error", _("Not a valid date"),
                  error->message);
      return NULL;
    }

  {
    g_autofree char *title = g_date_time_format (date, _("%A %-d %B %Y"));

    show_check (check_row, icon, "emblem-ok-symbolic", "success", title, NULL);
  }
  return g_steal_pointer (&date);
}

static void
on_received_changed (PhDocumentDialog *self)
{
  gboolean ok;

  g_clear_pointer (&self->received, g_date_time_unref);
  self->received = check_date (self->received_row, self->received_check_row,
                               self->received_check_icon, &ok);
  set_modified (self);
}

static void
on_dated_changed (PhDocumentDialog *self)
{
  g_clear_pointer (&self->dated, g_date_time_unref);
  self->dated = check_date (self->dated_row, self->dated_check_row, self->dated_check_icon,
                            &self->dated_ok);
  set_modified (self);
}

/* The known unit whose folded name equals @text's, or NULL. */
static const char *
find_unit (PhDocumentDialog *self,
           const char       *text)
{
  g_autofree char *folded = ph_fold (text, -1);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->units));

  g_strstrip (folded);
  for (guint i = 0; i < n; i++)
    {
      const char *name = gtk_string_list_get_string (self->units, i);
      g_autofree char *folded_name = ph_fold (name, -1);

      if (g_str_equal (g_strstrip (folded_name), folded))
        return name;
    }
  return NULL;
}

/* Whether each word of @typed begins a word of @name (both folded). */
static gboolean
words_match (const char *name,
             const char *typed)
{
  g_auto(GStrv) typed_words = g_strsplit_set (typed, " \t,.-/()", -1);
  g_auto(GStrv) name_words = g_strsplit_set (name, " \t,.-/()", -1);

  for (guint i = 0; typed_words[i] != NULL; i++)
    {
      gboolean found = FALSE;

      if (*typed_words[i] == '\0')
        continue;
      for (guint j = 0; name_words[j] != NULL && !found; j++)
        found = g_str_has_prefix (name_words[j], typed_words[i]);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static void
clear_suggestions (PhDocumentDialog *self)
{
  for (guint i = 0; i < self->suggestion_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->suggestion_rows, i);
      GtkWidget *list = gtk_widget_get_parent (row);

      if (list != NULL)
        gtk_list_box_remove (GTK_LIST_BOX (list), row);
    }
  g_ptr_array_set_size (self->suggestion_rows, 0);
}

static void
choose_unit (PhDocumentDialog *self,
             const char       *name)
{
  g_autofree char *copy = g_strdup (name);

  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), copy);
  gtk_editable_set_position (GTK_EDITABLE (self->unit_row), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->delivery_row));
}

static void
on_suggestion_activated (AdwActionRow     *row,
                         PhDocumentDialog *self)
{
  choose_unit (self, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static void
on_unit_changed (PhDocumentDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->unit_row));
  g_autofree char *folded = NULL;
  const char *known;
  GtkWidget *list;
  int position;
  guint n;

  clear_suggestions (self);
  set_modified (self);

  if (is_blank (text))
    {
      show_check (self->unit_check_row, self->unit_check_icon, NULL, NULL, NULL, NULL);
      return;
    }

  known = find_unit (self, text);
  if (known != NULL)
    {
      show_check (self->unit_check_row, self->unit_check_icon, "emblem-ok-symbolic", "success",
                  _("Known unit"), g_str_equal (known, text) ? NULL : known);
      return;
    }

  show_check (self->unit_check_row, self->unit_check_icon, "list-add-symbolic", "accent",
              _("New unit"), NULL);

  /* Suggestions: the known units that have a word starting with each word typed,
   * in any order: "ubnd quang x" finds "UBND xã Quảng Xương". */
  folded = g_strstrip (ph_fold (text, -1));
  list = gtk_widget_get_parent (GTK_WIDGET (self->unit_check_row));
  position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->unit_check_row)) + 1;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->units));
  for (guint i = 0; i < n && self->suggestion_rows->len < MAX_UNIT_SUGGESTIONS; i++)
    {
      const char *name = gtk_string_list_get_string (self->units, i);
      g_autofree char *folded_name = ph_fold (name, -1);
      GtkWidget *row;

      if (!words_match (folded_name, folded))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("edit-find-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_add_css_class (row, "unit-suggestion");
      g_signal_connect (row, "activated", G_CALLBACK (on_suggestion_activated), self);
      gtk_list_box_insert (GTK_LIST_BOX (list), row, position++);
      g_ptr_array_add (self->suggestion_rows, row);
    }

  adw_action_row_set_subtitle (self->unit_check_row,
                               self->suggestion_rows->len > 0
                               ? _("Not in the list of units. Enter takes the first known unit "
                                   "below; a new one is added when you save, after you confirm.")
                               : _("Not in the list of units: it will be added when you save, "
                                   "after you confirm."));
}

static void
on_unit_activated (PhDocumentDialog *self)
{
  /* Enter takes the first suggestion, as in a search field. */
  if (self->suggestion_rows->len > 0)
    choose_unit (self, adw_preferences_row_get_title (g_ptr_array_index (self->suggestion_rows, 0)));
  else
    focus_next_field (self, GTK_WIDGET (self->unit_row));
}

static char *
describe_entry (PhIntakeEntry *entry)
{
  g_autoptr(GString) text = g_string_new (ph_category_get_label (entry->category));
  guint n_files = g_list_model_get_n_items (G_LIST_MODEL (entry->evidence));

  g_string_append_printf (text, " · %s", ph_channel_get_label (entry->channel));
  if (entry->occurred != NULL)
    {
      g_autofree char *when = ph_date_input_format (entry->occurred, entry->occurred_has_time);

      g_string_append_printf (text, " · %s", when);
    }
  if (entry->id != 0 && entry->status != PH_ENTRY_STATUS_RECEIVED)
    g_string_append_printf (text, " · %s", ph_entry_status_get_label (entry->status));
  if (n_files == 0)
    g_string_append_printf (text, " · %s", _("no evidence"));
  else
    {
      /* Translators: evidence files attached to an entry */
      g_autofree char *files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file",
                                                             "%u files", n_files), n_files);

      g_string_append_printf (text, " · %s", files);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_remove_entry_clicked (GtkButton        *button,
                         PhDocumentDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_widget_activate_action (GTK_WIDGET (self), "document.remove-entry", "u",
                              (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static gboolean
on_entry_row_key_pressed (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          PhDocumentDialog      *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "document.remove-entry", "u",
                              (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
  return TRUE;
}

static GtkWidget *
create_entry_row (gpointer item,
                  gpointer user_data)
{
  PhDocumentDialog *self = user_data;
  PhIntakeEntry *entry = item;
  g_autoptr(PhNumber) source = ph_number_parse (entry->source);
  g_autofree char *subtitle = describe_entry (entry);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *go = gtk_image_new_from_icon_name ("go-next-symbolic");
  GtkEventController *keys = gtk_event_controller_key_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ph_number_is_valid (source) ? source->display : entry->source);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "source-number");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove this entry (Delete)"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_entry_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), go);

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_row_key_pressed), self);
  gtk_widget_add_controller (row, keys);

  return row;
}

static void
show_page (PhDocumentDialog *self,
           const char       *name)
{
  gboolean entry_page = g_str_equal (name, "entry");
  gboolean saving = g_str_equal (name, "saving");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->cancel_button, !entry_page);
  gtk_widget_set_visible (self->back_button, entry_page);
  gtk_widget_set_visible (self->save_button, !entry_page);
  gtk_widget_set_visible (self->done_button, entry_page);

  if (entry_page)
    {
      adw_window_title_set_title (self->window_title,
                                  self->editing != NULL ? _("Edit Entry") : _("New Entry"));
      adw_window_title_set_subtitle (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
    }
  else
    {
      adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
      adw_window_title_set_subtitle (self->window_title, NULL);
    }

  gtk_widget_set_sensitive (self->cancel_button, !saving);

  /* The keys, in view: tooltips never show to someone who works without a mouse. */
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), !saving);
  gtk_label_set_text (self->hint_label,
                      entry_page
                      ? _("Enter: next field · Ctrl+O: attach files · Ctrl+Enter: keep the entry · "
                          "Ctrl+E: keep it and add another · Esc: back")
                      : _("Enter: next field · Ctrl+E: add an entry · Ctrl+O: attach the scan · "
                          "Ctrl+S: save · Esc: close"));
  update_actions (self);
}

static void on_editor_source_changed (PhDocumentDialog *self);

static void
open_entry (PhDocumentDialog *self,
            PhIntakeEntry    *entry)
{
  if (entry != NULL && entry->id != 0 && !ph_entry_status_is_editable (entry->status))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This entry is in a batch or was sent; it "
                                                    "can no longer change.")));
      return;
    }

  /* The stack gives the focus back to the page's last focused widget on return;
   * a text field would come back all selected. */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "document"))
    gtk_widget_grab_focus (self->add_entry_button);

  g_set_object (&self->editing, entry);
  ph_entry_editor_load (self->entry_editor, entry);
  on_editor_source_changed (self);
  show_page (self, "entry");
  ph_entry_editor_focus_source (self->entry_editor);
}

static void
on_entry_row_activated (PhDocumentDialog *self,
                        GtkListBoxRow    *row)
{
  g_autoptr(PhIntakeEntry) entry =
    g_list_model_get_item (G_LIST_MODEL (self->entries), (guint) gtk_list_box_row_get_index (row));

  if (entry != NULL)
    open_entry (self, entry);
}

/* What the store knows of the source, under its check as it is typed: the
 * same facts the warnings give at saving, seen early. */
static void
on_editor_source_changed (PhDocumentDialog *self)
{
  const PhNumber *source = ph_entry_editor_get_source (self->entry_editor);
  g_autoptr(GString) notice = g_string_new (NULL);
  g_autoptr(PhExclusion) exclusion = NULL;
  gint64 count;

  if (self->store == NULL || source == NULL || !ph_number_is_valid (source))
    {
      ph_entry_editor_set_source_notice (self->entry_editor, NULL, FALSE);
      return;
    }

  exclusion = ph_store_find_exclusion (self->store, source->input, NULL);
  if (exclusion != NULL)
    g_string_append_printf (notice,
                            /* Translators: %s is why the number is excluded */
                            _("On the exclusion list: %s"),
                            exclusion->reason != NULL && *exclusion->reason != '\0'
                            ? exclusion->reason : _("no reason given"));

  count = ph_store_count_other_entries (self->store, source->key,
                                        self->editing != NULL ? self->editing->id : 0, NULL);
  if (count > 0)
    {
      if (notice->len > 0)
        g_string_append_c (notice, '\n');
      g_string_append_printf (notice,
                              g_dngettext (GETTEXT_PACKAGE, "Seen in %u other entry",
                                           "Seen in %u other entries", (gulong) count),
                              (guint) count);
    }

  ph_entry_editor_set_source_notice (self->entry_editor, notice->len > 0 ? notice->str : NULL,
                                     exclusion != NULL);
}

static void
on_editor_valid_changed (PhDocumentDialog *self)
{
  update_actions (self);
}

static void entry_done_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter);

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PhDocumentDialog *self = PH_DOCUMENT_DIALOG (widget);

  /* On an entry's page, Ctrl+E keeps it and starts the next one. */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "entry"))
    {
      entry_done_action (widget, NULL, NULL);
      if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "document"))
        return;
    }
  open_entry (self, NULL);
}

static void
back_to_document (PhDocumentDialog *self)
{
  g_clear_object (&self->editing);
  show_page (self, "document");
  gtk_widget_grab_focus (self->add_entry_button);
}

static void
entry_done_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PhDocumentDialog *self = PH_DOCUMENT_DIALOG (widget);
  g_autoptr(PhIntakeEntry) entry = ph_intake_entry_new ();
  g_autoptr(GError) error = NULL;

  if (!ph_entry_editor_store (self->entry_editor, entry, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  if (self->editing != NULL)
    {
      guint position;

      entry->id = self->editing->id;
      if (g_list_store_find (self->entries, self->editing, &position))
        g_list_store_splice (self->entries, position, 1, (gpointer *) &entry, 1);
    }
  else
    g_list_store_append (self->entries, entry);

  set_modified (self);
  back_to_document (self);
}

static void
on_discard_entry_response (AdwMessageDialog *dialog,
                           const char       *response,
                           PhDocumentDialog *self)
{
  if (g_str_equal (response, "discard"))
    back_to_document (self);
}

static void
entry_cancel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PhDocumentDialog *self = PH_DOCUMENT_DIALOG (widget);
  AdwMessageDialog *dialog;

  if (!ph_entry_editor_get_modified (self->entry_editor))
    {
      back_to_document (self);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       self->editing != NULL
                                                       ? _("Discard the Changes to This Entry?")
                                                       : _("Discard This Entry?"),
                                                       _("What you typed in it will be lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_discard_entry_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  PhDocumentDialog *self;
  PhIntakeEntry    *entry;
  guint             position;
} RemovedEntry;

static void
removed_entry_free (gpointer data)
{
  RemovedEntry *removed = data;

  g_object_unref (removed->entry);
  g_free (removed);
}

static void
on_undo_remove (AdwToast     *toast,
                RemovedEntry *removed)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (removed->self->entries));

  g_list_store_insert (removed->self->entries, MIN (removed->position, n), removed->entry);
}

static void
remove_entry_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PhDocumentDialog *self = PH_DOCUMENT_DIALOG (widget);
  guint position = g_variant_get_uint32 (parameter);
  g_autoptr(PhIntakeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);
  g_autoptr(PhNumber) source = NULL;
  g_autofree char *title = NULL;
  RemovedEntry *removed;
  AdwToast *toast;
  GtkListBoxRow *next;

  if (entry == NULL)
    return;
  if (entry->id != 0 && !ph_entry_status_is_deletable (entry->status))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Only a received or rejected entry can be "
                                                    "removed.")));
      return;
    }

  source = ph_number_parse (entry->source);
  /* Translators: %s is the source of the entry, "0912 345 678" */
  title = g_strdup_printf (_("Entry %s removed"),
                           ph_number_is_valid (source) ? source->display : entry->source);

  g_list_store_remove (self->entries, position);
  set_modified (self);

  removed = g_new0 (RemovedEntry, 1);
  removed->self = self;
  removed->entry = g_object_ref (entry);
  removed->position = position;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_remove), removed,
                         (GClosureNotify) (void (*) (void)) removed_entry_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  /* Keep the keyboard focus in the list. */
  next = gtk_list_box_get_row_at_index (self->entries_list, (int) position);
  if (next == NULL && position > 0)
    next = gtk_list_box_get_row_at_index (self->entries_list, (int) position - 1);
  gtk_widget_grab_focus (next != NULL ? GTK_WIDGET (next) : self->add_entry_button);
}

static gboolean
refuse (PhDocumentDialog *self,
        GtkWidget        *focus,
        const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  return FALSE;
}

/* What must hold before anything is saved; the first problem is told and its
 * field focused, so the clerk can fix it without reaching for the mouse. */
static gboolean
validate (PhDocumentDialog *self)
{
  if (ph_evidence_picker_get_busy (self->scan_picker))
    return refuse (self, NULL, _("The scan is still being checked; wait a moment."));
  if (self->received == NULL)
    return refuse (self, GTK_WIDGET (self->received_row),
                   _("Type the day the document was received, as 12/11/2026."));
  if (!self->dated_ok)
    return refuse (self, GTK_WIDGET (self->dated_row),
                   _("The document's date is not valid; correct it or leave it empty."));
  if (self->dated != NULL && g_date_time_compare (self->dated, self->received) > 0)
    return refuse (self, GTK_WIDGET (self->dated_row),
                   _("The document is dated after the day it was received; check both dates."));
  if (is_blank (gtk_editable_get_text (GTK_EDITABLE (self->unit_row))))
    return refuse (self, GTK_WIDGET (self->unit_row), _("Type the unit that sent the document."));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->entries)) == 0)
    return refuse (self, self->add_entry_button,
                   _("Add at least one entry: the numbers the document reports."));
  return TRUE;
}

/* ---- warnings before saving --------------------------------------------- */

typedef enum
{
  WARNING_EXCLUDED,      /* blocking unless the clerk gives a reason */
  WARNING_REPORTED,
  WARNING_TWICE,
  WARNING_DUPLICATE_DOCUMENT,
  WARNING_NO_EVIDENCE,
  WARNING_NEW_UNIT,
} WarningKind;

static const char * const warning_names[] = {
  [WARNING_EXCLUDED] = "warning-excluded",
  [WARNING_REPORTED] = "warning-reported",
  [WARNING_TWICE] = "warning-twice",
  [WARNING_DUPLICATE_DOCUMENT] = "warning-duplicate-document",
  [WARNING_NO_EVIDENCE] = "warning-no-evidence",
  [WARNING_NEW_UNIT] = "warning-new-unit",
};

static void
add_warning (GtkBox      *box,
             WarningKind  kind,
             const char  *text)
{
  /* Plain wrapping labels, one under the other: a wrapping label beside an
   * icon in a message dialog measures inconsistently in GTK 4.8. */
  g_autofree char *line = g_strdup_printf ("• %s", text);
  GtkWidget *label = gtk_label_new (line);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_widget_set_name (label, warning_names[kind]);
  if (kind == WARNING_EXCLUDED)
    gtk_widget_add_css_class (label, "error");
  gtk_box_append (box, label);
}

static const char *
entry_display (PhIntakeEntry *entry,
               PhNumber      *number)
{
  return number != NULL && ph_number_is_valid (number) ? number->display : entry->source;
}

/* "PA-2026-000012 of 12/11/2026 from UBND xã Quảng Xương" for each earlier entry. */
static char *
describe_earlier (PhStore    *store,
                  const char *key,
                  gint64      count)
{
  PhEntryFilter filter = { 0 };
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  filter.source_key = key;
  earlier = ph_store_list_entries (store, &filter, PH_ENTRY_SORT_RECEIVED, TRUE, 0, 3, NULL);
  for (guint i = 0; earlier != NULL && i < earlier->len; i++)
    {
      PhEntry *entry = g_ptr_array_index (earlier, i);
      g_autoptr(GDate) date = g_date_new ();
      char received[16] = "";

      g_date_set_parse (date, entry->received_on);
      if (g_date_valid (date))
        g_snprintf (received, sizeof received, "%02u/%02u/%04u", g_date_get_day (date),
                    g_date_get_month (date), g_date_get_year (date));
      /* Translators: an earlier entry: its code, the day it was received, the unit */
      g_autofree char *line = g_strdup_printf (_("%s, received %s from %s"), entry->code,
                                               received, entry->unit_name);

      g_string_append_printf (text, "\n    – %s", line);
    }
  if (count > 3)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                            "and %u more", (gulong) (count - 3)),
                                               (guint) (count - 3));

      g_string_append_printf (text, "\n    – %s", more);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Fills @box with what the clerk should know before saving.
 * Returns: the number of warnings; @excluded tells whether one is blocking. */
static guint
collect_warnings (PhDocumentDialog *self,
                  GtkBox           *box,
                  gboolean         *excluded)
{
  const char *unit = gtk_editable_get_text (GTK_EDITABLE (self->unit_row));
  g_autofree char *number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_row))));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  guint n_warnings = 0;

  *excluded = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PhIntakeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      g_autoptr(PhNumber) source = ph_number_parse (entry->source);
      g_autoptr(PhExclusion) exclusion = NULL;
      const char *display = entry_display (entry, source);

      if (!ph_number_is_valid (source))
        continue;

      exclusion = ph_store_find_exclusion (self->store, entry->source, NULL);
      if (exclusion != NULL)
        {
          g_autofree char *text =
            /* Translators: the first %s is a number, the second why it is excluded */
            g_strdup_printf (_("%s is on the exclusion list (%s): it must not be reported. "
                               "Remove the entry, or give the reason it must be reported anyway."),
                             display, exclusion->reason != NULL && *exclusion->reason != '\0'
                                      ? exclusion->reason : _("no reason given"));

          add_warning (box, WARNING_EXCLUDED, text);
          *excluded = TRUE;
          n_warnings++;
        }

      if (entry->id == 0)
        {
          gint64 count = ph_store_count_other_entries (self->store, source->key, 0, NULL);

          if (count > 0)
            {
              g_autofree char *earlier = describe_earlier (self->store, source->key, count);
              g_autofree char *text =
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%s was reported before, in %u entry:%s",
                                              "%s was reported before, in %u entries:%s",
                                              (gulong) count),
                                 display, (guint) count, earlier);

              add_warning (box, WARNING_REPORTED, text);
              n_warnings++;
            }
        }

      if (g_hash_table_contains (seen, source->key))
        {
          g_autofree char *text =
            g_strdup_printf (_("%s is in this document twice. Keep one entry unless they are "
                               "two different reports."), display);

          add_warning (box, WARNING_TWICE, text);
          n_warnings++;
        }
      g_hash_table_add (seen, g_strdup (source->key));

      if (g_list_model_get_n_items (G_LIST_MODEL (entry->evidence)) == 0)
        {
          g_autofree char *text =
            g_strdup_printf (_("%s has no evidence. The Telecommunications Authority may reject "
                               "it for lack of grounds; ask the unit for a screenshot or a "
                               "recording."), display);

          add_warning (box, WARNING_NO_EVIDENCE, text);
          n_warnings++;
        }
    }

  if (*number != '\0')
    {
      gint64 other = ph_store_find_document (self->store, unit, number, NULL);

      if (other > 0 && other != self->document_id)
        {
          g_autofree char *text =
            /* Translators: the first %s is a document number, the second a unit */
            g_strdup_printf (_("A document numbered %s from %s is registered already. "
                               "This may be the same document twice."), number, unit);

          add_warning (box, WARNING_DUPLICATE_DOCUMENT, text);
          n_warnings++;
        }
    }

  if (find_unit (self, unit) == NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (unit));
      g_autofree char *text =
        g_strdup_printf (_("“%s” is not in the list of units yet; it will be added."), name);

      add_warning (box, WARNING_NEW_UNIT, text);
      n_warnings++;
    }

  return n_warnings;
}

static void start_save (PhDocumentDialog *self,
                        const char       *override_reason);

static void
on_override_reason_changed (GtkEditable      *editable,
                            PhDocumentDialog *self)
{
  adw_message_dialog_set_response_enabled (self->warnings_dialog, "save",
                                           !is_blank (gtk_editable_get_text (editable)));
}

static void
on_warnings_response (AdwMessageDialog *dialog,
                      const char       *response,
                      PhDocumentDialog *self)
{
  g_autofree char *reason = NULL;

  if (self->override_reason != NULL)
    reason = g_strstrip (g_strdup (gtk_editable_get_text (self->override_reason)));
  self->warnings_dialog = NULL;
  self->override_reason = NULL;

  if (g_str_equal (response, "save"))
    start_save (self, reason);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PhDocumentDialog *self = PH_DOCUMENT_DIALOG (widget);
  GtkWidget *box;
  gboolean excluded;
  guint n_warnings;
  AdwMessageDialog *dialog;

  if (!validate (self))
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  n_warnings = collect_warnings (self, GTK_BOX (box), &excluded);
  if (n_warnings == 0)
    {
      g_object_ref_sink (box);
      g_object_unref (box);
      start_save (self, NULL);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Check Before Saving"), NULL));
  adw_message_dialog_format_body (dialog,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "There is %u thing to check.",
                                               "There are %u things to check.", n_warnings),
                                  n_warnings);
  if (excluded)
    {
      GtkWidget *reason = gtk_entry_new ();

      gtk_entry_set_placeholder_text (GTK_ENTRY (reason),
                                      _("Why it must be reported anyway"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Why it must be reported anyway"), -1);
      gtk_entry_set_activates_default (GTK_ENTRY (reason), TRUE);
      gtk_widget_set_name (reason, "override-reason");
      gtk_box_append (GTK_BOX (box), reason);
      self->override_reason = GTK_EDITABLE (reason);
      g_signal_connect (reason, "changed", G_CALLBACK (on_override_reason_changed), self);
    }
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog,
                                    "back", _("_Go Back"),
                                    "save", excluded ? _("_Report Anyway") : _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save",
                                              excluded ? ADW_RESPONSE_DESTRUCTIVE
                                                       : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", !excluded);
  /* Enter in the reason field reports; "save" stays disabled until a reason is typed. */
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "back");
  g_signal_connect (dialog, "response", G_CALLBACK (on_warnings_response), self);
  self->warnings_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
  if (self->override_reason != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->override_reason));
}

/* ---- saving ---------------------------------------------------------------- */

typedef struct
{
  PhDocumentDialog *self;
  GPtrArray        *files;             /* PhIntakeFile, in the order of the paths */
  char             *override_reason;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->self);
  g_ptr_array_unref (data->files);
  g_free (data->override_reason);
  g_free (data);
}

static void
on_save_progress (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  PhDocumentDialog *self = user_data;
  g_autofree char *done_text = g_format_size (done);
  g_autofree char *total_text = g_format_size (total);
  /* Translators: bytes of evidence copied so far, "12.3 MB of 40.0 MB" */
  g_autofree char *text = g_strdup_printf (_("%s of %s"), done_text, total_text);

  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 1.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static char *
format_day (GDateTime *date)
{
  return date != NULL ? g_date_time_format (date, "%Y-%m-%d") : NULL;
}

static PhEvidence *
take_evidence (GHashTable   *imported,
               PhIntakeFile *file)
{
  PhEvidence *evidence = g_hash_table_lookup (imported, file);

  return evidence != NULL ? ph_evidence_copy (evidence) : NULL;
}

static void
show_save_error (PhDocumentDialog *self,
                 const GError     *error)
{
  AdwMessageDialog *dialog;

  show_page (self, "document");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_error_matches (error, PH_STORE_ERROR, PH_STORE_ERROR_CANCELLED))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Saving stopped. Nothing was saved.")));
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Nothing Was Saved"), error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_widget_set_name (GTK_WIDGET (dialog), "save-error");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The document's own fields as typed. */
static PhDocument *
build_document (PhDocumentDialog *self)
{
  PhDocument *document = ph_document_new ();
  const char *unit = gtk_editable_get_text (GTK_EDITABLE (self->unit_row));
  const char *known = find_unit (self, unit);

  document->id = self->document_id;
  document->received_on = format_day (self->received);
  document->number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_row))));
  document->dated_on = format_day (self->dated);
  document->unit_name = g_strstrip (g_strdup (known != NULL ? known : unit));
  document->delivery = deliveries[adw_combo_row_get_selected (self->delivery_row)];
  document->summary = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->summary_row))));
  return document;
}

/* The imported records of @files' new files, for the rows. */
static GPtrArray *
new_evidence (GListModel *files,
              GHashTable *imported)
{
  GPtrArray *evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_evidence_free);
  guint n = g_list_model_get_n_items (files);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PhIntakeFile) file = g_list_model_get_item (files, i);
      PhEvidence *item = take_evidence (imported, file);

      if (item != NULL)
        g_ptr_array_add (evidence, item);
    }
  return evidence;
}

static gboolean
audit_override (PhDocumentDialog  *self,
                PhEntry           *entry,
                const char        *reason,
                GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *details = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, entry->source_key);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason != NULL ? reason : "");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  details = json_generator_to_data (generator, NULL);

  return ph_store_audit (self->store, "entry.exclusion-override", "entry", entry->id, details,
                         error);
}

static gboolean
is_excluded (PhDocumentDialog *self,
             PhIntakeEntry    *item)
{
  g_autoptr(PhExclusion) exclusion = ph_store_find_exclusion (self->store, item->source, NULL);

  return exclusion != NULL;
}

static gint64
write_document (PhDocumentDialog *self,
                GHashTable       *imported,
                const char       *override_reason,
                GError          **error)
{
  g_autoptr(PhDocument) document = build_document (self);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ph_entry_free);
  g_autoptr(GArray) excluded = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  gint64 id;

  document->evidence = new_evidence (ph_evidence_picker_get_files (self->scan_picker), imported);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PhIntakeEntry) item = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      PhEntry *entry = ph_intake_entry_to_entry (item);

      entry->evidence = new_evidence (G_LIST_MODEL (item->evidence), imported);
      g_ptr_array_add (entries, entry);
      if (is_excluded (self, item))
        g_array_append_val (excluded, i);
    }

  /* The document, its entries, their evidence rows and the audit rows — with
   * the reasons for reporting an excluded source — in one transaction. */
  if (!ph_store_begin (self->store, error))
    return 0;

  id = ph_store_create_document (self->store, document, entries, error);
  if (id == 0)
    goto fail;

  for (guint i = 0; i < excluded->len; i++)
    if (!audit_override (self, g_ptr_array_index (entries, g_array_index (excluded, guint, i)),
                         override_reason, error))
      goto fail;

  if (!ph_store_commit (self->store, error))
    goto fail;
  return id;

fail:
  ph_store_rollback (self->store);
  return 0;
}

static gboolean
has_evidence_id (GListModel *files,
                 gint64      id)
{
  guint n = g_list_model_get_n_items (files);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PhIntakeFile) file = g_list_model_get_item (files, i);

      if (ph_intake_file_get_evidence_id (file) == id)
        return TRUE;
    }
  return FALSE;
}

/* Detaches the stored evidence of an entry (or, with @entry_id 0, of the
 * document) that the clerk removed. */
static gboolean
remove_dropped_evidence (PhDocumentDialog  *self,
                         gint64             entry_id,
                         GListModel        *files,
                         GError           **error)
{
  g_autoptr(GPtrArray) stored = ph_store_list_evidence (self->store, entry_id,
                                                        entry_id == 0 ? self->document_id : 0,
                                                        error);

  if (stored == NULL)
    return FALSE;
  for (guint i = 0; i < stored->len; i++)
    {
      PhEvidence *evidence = g_ptr_array_index (stored, i);

      if (!has_evidence_id (files, evidence->id)
          && !ph_store_remove_evidence (self->store, evidence->id, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
document_changed (PhDocument *before,
                  PhDocument *after)
{
  return g_strcmp0 (before->received_on, after->received_on) != 0
         || g_strcmp0 (before->number, after->number) != 0
         || g_strcmp0 (before->dated_on, after->dated_on) != 0
         || g_strcmp0 (before->unit_name, after->unit_name) != 0
         || before->delivery != after->delivery
         || g_strcmp0 (before->summary, after->summary) != 0;
}

/* Saves the changes to a registered document — its fields, its scans, its
 * entries added, changed or removed, their evidence — in one transaction; the
 * store writes an audit row for each change. */
static gint64
update_document (PhDocumentDialog *self,
                 GHashTable       *imported,
                 const char       *override_reason,
                 GError          **error)
{
  g_autoptr(PhDocument) document = build_document (self);
  GListModel *scans = ph_evidence_picker_get_files (self->scan_picker);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  if (!ph_store_begin (self->store, error))
    return 0;

  if (!self->locked && document_changed (self->original, document)
      && !ph_store_update_document (self->store, document, error))
    goto fail;

  /* Entries removed in the dialog. */
  for (guint i = 0; i < self->original_entries->len; i++)
    {
      gint64 id = g_array_index (self->original_entries, gint64, i);
      gboolean kept = FALSE;

      for (guint j = 0; j < n && !kept; j++)
        {
          g_autoptr(PhIntakeEntry) item = g_list_model_get_item (G_LIST_MODEL (self->entries), j);

          kept = item->id == id;
        }
      if (!kept && !ph_store_delete_entry (self->store, id, error))
        goto fail;
    }

  /* Scans. */
  {
    g_autoptr(GPtrArray) added = new_evidence (scans, imported);

    if (!remove_dropped_evidence (self, 0, scans, error))
      goto fail;
    for (guint i = 0; i < added->len; i++)
      if (ph_store_add_document_evidence (self->store, self->document_id,
                                          g_ptr_array_index (added, i), error) == 0)
        goto fail;
  }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PhIntakeEntry) item = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      g_autoptr(PhEntry) entry = ph_intake_entry_to_entry (item);
      g_autoptr(GPtrArray) added = new_evidence (G_LIST_MODEL (item->evidence), imported);

      if (item->id == 0)
        {
          entry->evidence = g_steal_pointer (&added);
          if (ph_store_add_entry (self->store, self->document_id, entry, error) == 0)
            goto fail;
          if (is_excluded (self, item) && !audit_override (self, entry, override_reason, error))
            goto fail;
          continue;
        }

      if (!ph_entry_status_is_editable (item->status))
        continue;
      /* Removals first: the rows added next are not among the files' ids yet. */
      if (!ph_store_update_entry (self->store, entry, error)
          || !remove_dropped_evidence (self, item->id, G_LIST_MODEL (item->evidence), error))
        goto fail;
      for (guint j = 0; j < added->len; j++)
        if (ph_store_add_evidence (self->store, item->id, g_ptr_array_index (added, j), error) == 0)
          goto fail;
    }

  if (!ph_store_commit (self->store, error))
    goto fail;
  return self->document_id;

fail:
  ph_store_rollback (self->store);
  return 0;
}

static void
on_evidence_imported (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  SaveData *data = user_data;
  PhDocumentDialog *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GHashTable) imported = NULL;
  gint64 id;

  evidence = ph_store_import_evidence_finish (PH_STORE (source), result, &error);
  g_clear_object (&self->cancellable);

  /* Gone meanwhile (the application quit): nothing to show, nothing saved. */
  if (self->stack == NULL)
    {
      save_data_free (data);
      return;
    }

  if (evidence == NULL)
    {
      show_save_error (self, error);
      save_data_free (data);
      return;
    }

  imported = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < data->files->len && i < evidence->len; i++)
    {
      PhEvidence *item = g_ptr_array_index (evidence, i);
      PhIntakeFile *file = g_ptr_array_index (data->files, i);

      g_free (item->original_name);
      item->original_name = g_strdup (ph_intake_file_get_name (file));
      g_hash_table_insert (imported, file, item);
    }

  id = self->document_id == 0
       ? write_document (self, imported, data->override_reason, &error)
       : update_document (self, imported, data->override_reason, &error);
  save_data_free (data);
  if (id == 0)
    {
      show_save_error (self, error);
      return;
    }

  self->modified = FALSE;
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The files not in the store yet. */
static void
collect_files (GListModel *files,
               GPtrArray  *into)
{
  guint n = g_list_model_get_n_items (files);

  for (guint i = 0; i < n; i++)
    {
      PhIntakeFile *file = g_list_model_get_item (files, i);

      if (ph_intake_file_get_evidence_id (file) == 0)
        g_ptr_array_add (into, file);
      else
        g_object_unref (file);
    }
}

static void
start_save (PhDocumentDialog *self,
            const char       *override_reason)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  SaveData *data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  data->override_reason = g_strdup (override_reason);

  collect_files (ph_evidence_picker_get_files (self->scan_picker), data->files);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PhIntakeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      collect_files (G_LIST_MODEL (entry->evidence), data->files);
    }
  for (guint i = 0; i < data->files->len; i++)
    g_ptr_array_add (paths, g_file_get_path (ph_intake_file_get_file (g_ptr_array_index (data->files, i))));
  g_ptr_array_add (paths, NULL);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  show_page (self, "saving");

  /* The evidence is copied (and hashed) off the main thread; the rows are
   * written only once every file is safely in the store. */
  self->cancellable = g_cancellable_new ();
  ph_store_import_evidence_async (self->store, (const char * const *) paths->pdata,
                                  on_save_progress, g_object_ref (self), g_object_unref,
                                  self->cancellable, on_evidence_imported, data);
}

/* Ctrl+O: the files of the page in view — the entry's evidence, or the scan. */
static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PhDocumentDialog *self = PH_DOCUMENT_DIALOG (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (page, "entry"))
    gtk_widget_activate_action (GTK_WIDGET (ph_entry_editor_get_evidence_picker (self->entry_editor)),
                                "picker.add-files", NULL);
  else if (g_str_equal (page, "document"))
    gtk_widget_activate_action (GTK_WIDGET (self->scan_picker), "picker.add-files", NULL);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PhDocumentDialog *self = PH_DOCUMENT_DIALOG (widget);

  g_cancellable_cancel (self->cancellable);
}

static gboolean
destroy_in_idle (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_discard_document_response (AdwMessageDialog *dialog,
                              const char       *response,
                              PhDocumentDialog *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->modified = FALSE;
      /* After the message dialog has finished with its response. */
      g_idle_add_full (G_PRIORITY_DEFAULT, destroy_in_idle, g_object_ref (self), g_object_unref);
    }
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
ph_document_dialog_close_request (GtkWindow *window)
{
  PhDocumentDialog *self = PH_DOCUMENT_DIALOG (window);
  AdwMessageDialog *dialog;
  guint n_entries;
  g_autofree char *body = NULL;

  /* While saving, "Stop" is the way out: the copy must end before the window does. */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "saving"))
    return TRUE;

  if (!ph_document_dialog_get_modified (self))
    return GTK_WINDOW_CLASS (ph_document_dialog_parent_class)->close_request (window);

  n_entries = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  body = n_entries > 0
         ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The document and its %u entry have not been saved.",
                                         "The document and its %u entries have not been saved.",
                                         n_entries), n_entries)
         : g_strdup (_("The document has not been saved."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Discard This Document?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_discard_document_response), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PhDocumentDialog *self = PH_DOCUMENT_DIALOG (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (page, "entry"))
    gtk_widget_activate_action (widget, "document.entry-cancel", NULL);
  else if (g_str_equal (page, "document"))
    gtk_window_close (GTK_WINDOW (self));
}

static void
update_actions (PhDocumentDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean on_document = g_strcmp0 (page, "document") == 0;
  gboolean on_entry = g_strcmp0 (page, "entry") == 0;
  gboolean saving = g_strcmp0 (page, "saving") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.add-entry", on_document || on_entry);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.remove-entry", on_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.save", on_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.entry-done",
                                 on_entry && ph_entry_editor_get_valid (self->entry_editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.entry-cancel", on_entry);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.close", !saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "document.stop", saving);
}

static void
ph_document_dialog_dispose (GObject *object)
{
  PhDocumentDialog *self = PH_DOCUMENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->suggestion_rows != NULL)
    clear_suggestions (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PH_TYPE_DOCUMENT_DIALOG);

  G_OBJECT_CLASS (ph_document_dialog_parent_class)->dispose (object);
}

static void
ph_document_dialog_finalize (GObject *object)
{
  PhDocumentDialog *self = PH_DOCUMENT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->original, ph_document_free);
  g_clear_pointer (&self->original_entries, g_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->entries);
  g_clear_object (&self->editing);
  g_clear_object (&self->units);
  g_clear_pointer (&self->suggestion_rows, g_ptr_array_unref);
  g_clear_pointer (&self->received, g_date_time_unref);
  g_clear_pointer (&self->dated, g_date_time_unref);

  G_OBJECT_CLASS (ph_document_dialog_parent_class)->finalize (object);
}

static void
load_units (PhDocumentDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = ph_store_list_units (self->store, &error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (units == NULL)
    {
      g_warning ("Cannot read the units: %s", error->message);
      return;
    }
  for (guint i = 0; i < units->len; i++)
    g_strv_builder_add (names, ((PhUnit *) g_ptr_array_index (units, i))->name);
  strv = g_strv_builder_end (names);
  gtk_string_list_splice (self->units, 0, g_list_model_get_n_items (G_LIST_MODEL (self->units)),
                          (const char * const *) strv);
}

static void
ph_document_dialog_constructed (GObject *object)
{
  PhDocumentDialog *self = PH_DOCUMENT_DIALOG (object);

  G_OBJECT_CLASS (ph_document_dialog_parent_class)->constructed (object);

  load_units (self);
  ph_evidence_picker_set_max_size (self->scan_picker,
                                   (guint64) ph_store_get_max_evidence_size (self->store));
  ph_evidence_picker_set_max_size (ph_entry_editor_get_evidence_picker (self->entry_editor),
                                   (guint64) ph_store_get_max_evidence_size (self->store));
}

static void
ph_document_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PhDocumentDialog *self = PH_DOCUMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_document_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PhDocumentDialog *self = PH_DOCUMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_document_dialog_class_init (PhDocumentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ph_document_dialog_constructed;
  object_class->dispose = ph_document_dialog_dispose;
  object_class->finalize = ph_document_dialog_finalize;
  object_class->get_property = ph_document_dialog_get_property;
  object_class->set_property = ph_document_dialog_set_property;
  window_class->close_request = ph_document_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PH_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PhDocumentDialog::saved:
   * @id: the new document's id
   *
   * The document, its entries and their evidence are in the store.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (PH_TYPE_ENTRY_EDITOR);
  g_type_ensure (PH_TYPE_EVIDENCE_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ph-document-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, document_page);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, received_row);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, received_check_row);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, received_check_icon);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, dated_row);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, dated_check_row);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, dated_check_icon);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, unit_check_row);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, unit_check_icon);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, delivery_row);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, entries_list);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, add_entry_button);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, scan_picker);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, entry_editor);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PhDocumentDialog, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, focus_next_field);
  gtk_widget_class_bind_template_callback (widget_class, on_received_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_dated_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_valid_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_source_changed);

  gtk_widget_class_install_action (widget_class, "document.add-entry", NULL, add_entry_action);
  gtk_widget_class_install_action (widget_class, "document.remove-entry", "u",
                                   remove_entry_action);
  gtk_widget_class_install_action (widget_class, "document.entry-done", NULL, entry_done_action);
  gtk_widget_class_install_action (widget_class, "document.entry-cancel", NULL,
                                   entry_cancel_action);
  gtk_widget_class_install_action (widget_class, "document.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "document.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "document.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "document.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "document.escape", NULL, escape_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "document.escape", NULL);
}

static void
ph_document_dialog_init (PhDocumentDialog *self)
{
  g_autoptr(GtkStringList) delivery_labels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *today_text = ph_date_input_format (today, FALSE);

  self->entries = g_list_store_new (PH_TYPE_INTAKE_ENTRY);
  self->original_entries = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->units = gtk_string_list_new (NULL);
  self->suggestion_rows = g_ptr_array_new ();
  self->dated_ok = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Captured before the focused field sees them: Ctrl+Enter in the content
   * field keeps the entry instead of starting a new line. */
  {
    static const struct
    {
      guint           keyval;
      const char     *action;
    } shortcuts[] = {
      { GDK_KEY_Return, "document.entry-done" },
      { GDK_KEY_KP_Enter, "document.entry-done" },
      { GDK_KEY_e, "document.add-entry" },
      { GDK_KEY_s, "document.save" },
      { GDK_KEY_o, "document.attach" },
    };
    GtkEventController *controller = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
    for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].keyval,
                                                                                      GDK_CONTROL_MASK),
                                                              gtk_named_action_new (shortcuts[i].action)));
    gtk_widget_add_controller (GTK_WIDGET (self), controller);
  }

  self->loading++;

  for (guint i = 0; i < G_N_ELEMENTS (deliveries); i++)
    gtk_string_list_append (delivery_labels, ph_delivery_get_label (deliveries[i]));
  adw_combo_row_set_model (self->delivery_row, G_LIST_MODEL (delivery_labels));

  ph_evidence_picker_set_accept (self->scan_picker,
                                 PH_INTAKE_ACCEPT_IMAGE | PH_INTAKE_ACCEPT_DOCUMENT);
  gtk_list_box_bind_model (self->entries_list, G_LIST_MODEL (self->entries),
                           create_entry_row, self, NULL);

  /* Most documents are registered the day they arrive. */
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), today_text);

  self->loading--;

  show_page (self, "document");
  gtk_widget_grab_focus (GTK_WIDGET (self->number_row));
}

/**
 * ph_document_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: where the document goes
 *
 * Returns: (transfer none): a dialog for registering a new incoming document
 */
PhDocumentDialog *
ph_document_dialog_new (GtkWindow *parent,
                        PhStore   *store)
{
  g_return_val_if_fail (PH_IS_STORE (store), NULL);

  /* One of the application's windows, so that quitting asks it first. */
  return g_object_new (PH_TYPE_DOCUMENT_DIALOG,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       NULL);
}

static void
set_date_field (AdwEntryRow *row,
                const char  *iso)
{
  g_autoptr(GDate) date = g_date_new ();
  char text[16] = "";

  if (iso != NULL)
    {
      g_date_set_parse (date, iso);
      if (g_date_valid (date))
        g_snprintf (text, sizeof text, "%02u/%02u/%04u", g_date_get_day (date),
                    g_date_get_month (date), g_date_get_year (date));
    }
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
load_document (PhDocumentDialog  *self,
               gint64             id,
               GError           **error)
{
  PhEntryFilter filter = { 0 };
  g_autoptr(PhDocument) document = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) scans = NULL;
  g_autoptr(GListStore) scan_files = g_list_store_new (PH_TYPE_INTAKE_FILE);

  document = ph_store_get_document (self->store, id, error);
  if (document == NULL)
    return FALSE;
  filter.document_id = id;
  rows = ph_store_list_entries (self->store, &filter, PH_ENTRY_SORT_CODE, FALSE, 0, G_MAXUINT,
                                error);
  if (rows == NULL)
    return FALSE;
  scans = ph_store_list_evidence (self->store, 0, id, error);
  if (scans == NULL)
    return FALSE;

  self->loading++;

  self->document_id = id;
  set_date_field (self->received_row, document->received_on);
  set_date_field (self->dated_row, document->dated_on);
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), document->number != NULL ? document->number : "");
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), document->unit_name != NULL ? document->unit_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row), document->summary != NULL ? document->summary : "");
  for (guint i = 0; i < G_N_ELEMENTS (deliveries); i++)
    if (deliveries[i] == document->delivery)
      adw_combo_row_set_selected (self->delivery_row, i);

  for (guint i = 0; i < scans->len; i++)
    {
      g_autoptr(PhIntakeFile) file = ph_intake_file_new_stored (self->store,
                                                                g_ptr_array_index (scans, i));

      g_list_store_append (scan_files, file);
    }
  ph_evidence_picker_set_items (self->scan_picker, G_LIST_MODEL (scan_files));

  for (guint i = 0; i < rows->len; i++)
    {
      PhEntry *row = g_ptr_array_index (rows, i);
      g_autoptr(PhEntry) full = ph_store_get_entry (self->store, row->id, error);
      g_autoptr(PhIntakeEntry) entry = NULL;

      if (full == NULL)
        {
          self->loading--;
          return FALSE;
        }
      entry = ph_intake_entry_new_from_entry (self->store, full);
      g_list_store_append (self->entries, entry);
      g_array_append_val (self->original_entries, full->id);
      if (!ph_entry_status_is_editable (full->status))
        self->locked = TRUE;
    }

  /* What was read is what "changed" compares with. */
  self->original = build_document (self);

  if (self->locked)
    {
      const GtkWidget *rows_to_lock[] = {
        GTK_WIDGET (self->received_row), GTK_WIDGET (self->number_row),
        GTK_WIDGET (self->dated_row), GTK_WIDGET (self->unit_row),
        GTK_WIDGET (self->delivery_row), GTK_WIDGET (self->summary_row),
      };

      /* Focus first leaves the fields that are about to be locked: a focused
       * text field made insensitive keeps blinking without focus. */
      gtk_widget_grab_focus (GTK_WIDGET (self->entries_list));
      for (guint i = 0; i < G_N_ELEMENTS (rows_to_lock); i++)
        gtk_widget_set_sensitive ((GtkWidget *) rows_to_lock[i], FALSE);
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Some entries are in a batch or were sent: the "
                                                    "document's own fields can no longer change.")));
    }

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Incoming Document"));
  self->loading--;
  self->modified = FALSE;
  show_page (self, "document");
  return TRUE;
}

/**
 * ph_document_dialog_new_for_document:
 * @parent: (nullable): the window it belongs to
 * @store: the store holding the document
 * @document_id: a registered document
 *
 * Returns: (transfer none) (nullable): a dialog editing the document and its
 *   entries, or %NULL with @error set when it cannot be read
 */
PhDocumentDialog *
ph_document_dialog_new_for_document (GtkWindow  *parent,
                                     PhStore    *store,
                                     gint64      document_id,
                                     GError    **error)
{
  PhDocumentDialog *self;

  g_return_val_if_fail (PH_IS_STORE (store), NULL);

  self = ph_document_dialog_new (parent, store);
  if (!load_document (self, document_id, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return self;
}

/**
 * ph_document_dialog_edit_entry:
 * @entry_id: one of the document's entries
 *
 * Opens that entry's page, as the detail pane's "Edit" does.
 *
 * Returns: %FALSE if the entry is not in this document
 */
gboolean
ph_document_dialog_edit_entry (PhDocumentDialog *self,
                               gint64            entry_id)
{
  guint n;

  g_return_val_if_fail (PH_IS_DOCUMENT_DIALOG (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PhIntakeEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (entry->id == entry_id)
        {
          open_entry (self, entry);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * ph_document_dialog_get_entries:
 *
 * Returns: (transfer none): the entries so far, #PhIntakeEntry items
 */
GListModel *
ph_document_dialog_get_entries (PhDocumentDialog *self)
{
  g_return_val_if_fail (PH_IS_DOCUMENT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->entries);
}

PhEntryEditor *
ph_document_dialog_get_entry_editor (PhDocumentDialog *self)
{
  g_return_val_if_fail (PH_IS_DOCUMENT_DIALOG (self), NULL);
  return self->entry_editor;
}

PhEvidencePicker *
ph_document_dialog_get_scan_picker (PhDocumentDialog *self)
{
  g_return_val_if_fail (PH_IS_DOCUMENT_DIALOG (self), NULL);
  return self->scan_picker;
}

/**
 * ph_document_dialog_get_modified:
 *
 * Returns: whether closing now would lose something the clerk typed
 */
gboolean
ph_document_dialog_get_modified (PhDocumentDialog *self)
{
  g_return_val_if_fail (PH_IS_DOCUMENT_DIALOG (self), FALSE);

  return self->modified
         || (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "entry")
             && ph_entry_editor_get_modified (self->entry_editor));
}

/**
 * ph_document_dialog_get_page:
 *
 * Returns: "document", "entry" or "saving"
 */
const char *
ph_document_dialog_get_page (PhDocumentDialog *self)
{
  g_return_val_if_fail (PH_IS_DOCUMENT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
