/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-approval-page.c: a submitted batch as the approver reviews it — the
 * counts per category and network, the entries that deserve a second look
 * (no evidence, a source on the exclusion list, a source reported only
 * once), every entry with its evidence at hand — and the decision: approve
 * with one's password, which signs the batch, or return it with a comment.
 * Once signed, the same page follows the batch: sent, answered, closed. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-approval-page.h"
#include "ph-batch-item-object.h"
#include "ph-date-input.h"
#include "ph-evidence-gallery.h"
#include "ph-export-ui.h"
#include "ph-store-batches.h"
#include "ph-store-entries.h"
#include "ph-store-evidence.h"
#include "ph-store-users.h"

struct _PhApprovalPage
{
  AdwBin                parent_instance;

  PhStore              *store;
  gint64                batch_id;
  PhBatch              *batch;
  GPtrArray            *items;       /* PhBatchItem */
  gboolean              can_review;
  guint                 n_flagged;
  guint                 loading;
  char                 *message;

  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *header_group;
  GtkLabel             *notice_label;
  GtkLabel             *message_label;
  AdwActionRow         *count_row;
  AdwActionRow         *category_row;
  AdwActionRow         *network_row;
  AdwActionRow         *attention_row;
  AdwActionRow         *signature_row;
  AdwPreferencesGroup  *decision_group;
  AdwPasswordEntryRow  *password_row;
  AdwPreferencesGroup  *follow_up_group;
  AdwEntryRow          *sent_on_row;
  GtkWidget            *mark_sent_button;
  GtkWidget            *close_button;
  AdwPreferencesGroup  *entries_group;
  GtkListView          *entries_view;
  GtkSingleSelection   *entries_selection;
  GListStore           *entries_store;
  GtkLabel             *evidence_title;
  GtkLabel             *evidence_details;
  PhEvidenceGallery    *gallery;
};

G_DEFINE_FINAL_TYPE (PhApprovalPage, ph_approval_page, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void ph_approval_page_reload (PhApprovalPage *self);

static void
set_message (PhApprovalPage *self,
             const char     *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
ph_approval_page_update_actions (PhApprovalPage *self)
{
  PhBatchState state = self->batch != NULL ? self->batch->state : PH_BATCH_STATE_ANY;
  gboolean signed_in = self->store != NULL && ph_store_get_user (self->store) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "approval.approve",
                                 state == PH_BATCH_STATE_SUBMITTED && self->can_review);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "approval.return",
                                 state == PH_BATCH_STATE_SUBMITTED && self->can_review);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "approval.return-with-comment",
                                 state == PH_BATCH_STATE_SUBMITTED && self->can_review);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "approval.mark-sent",
                                 state == PH_BATCH_STATE_APPROVED && signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "approval.record-answer",
                                 (state == PH_BATCH_STATE_SENT || state == PH_BATCH_STATE_ANSWERED)
                                 && signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "approval.close",
                                 (state == PH_BATCH_STATE_SENT || state == PH_BATCH_STATE_ANSWERED)
                                 && signed_in);
  /* Only a signed batch is issued; any other can be previewed as a draft. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "approval.export-appendix",
                                 self->batch != NULL && ph_batch_state_is_signed (state));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "approval.export-bundle",
                                 self->batch != NULL && ph_batch_state_is_signed (state));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "approval.export-preview",
                                 self->batch != NULL && !ph_batch_state_is_signed (state));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "approval.export-to", self->batch != NULL);
}

static char *
join_counts (GPtrArray   *counts,
             const char *(*label) (const char *key))
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < counts->len; i++)
    {
      PhBatchCount *count = g_ptr_array_index (counts, i);

      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append_printf (out, "%s %u", label (count->key), count->count);
    }
  return g_string_free (out, FALSE);
}

static const char *
category_label (const char *key)
{
  PhCategory category = ph_category_from_string (key);

  return category != PH_CATEGORY_ANY ? ph_category_get_label (category) : key;
}

static const char *
network_label (const char *key)
{
  /* Translators: the original network of numbers that have none (short codes, brandnames …) */
  return key != NULL ? key : C_("network", "Unknown");
}

static char *
format_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup ("");
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

static void
on_answer_selected (GtkDropDown    *dropdown,
                    GParamSpec     *pspec,
                    PhApprovalPage *self)
{
  const char *source_key = g_object_get_data (G_OBJECT (dropdown), "source-key");
  guint answer = gtk_drop_down_get_selected (dropdown);

  if (self->loading > 0 || g_object_get_data (G_OBJECT (dropdown), "binding") != NULL
      || source_key == NULL || answer == PH_ANSWER_NONE)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "approval.record-answer", "(si)", source_key,
                              (int) answer);
}

static GtkWidget *
make_flag (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "warning");
  return label;
}

/* The rows of the entries list: made once per visible row, filled as it scrolls. */
static void
setup_entry_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 PhApprovalPage           *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *no_evidence = make_flag (_("No evidence"));
  GtkWidget *excluded = make_flag (_("Excluded source"));
  GtkWidget *once = make_flag (_("Reported once"));
  GtkStringList *answers = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  gtk_widget_add_css_class (row, "batch-entry");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (row), labels);
  gtk_box_append (GTK_BOX (row), no_evidence);
  gtk_box_append (GTK_BOX (row), excluded);
  gtk_box_append (GTK_BOX (row), once);

  for (PhAnswer a = PH_ANSWER_NONE; a <= PH_ANSWER_REJECTED; a++)
    gtk_string_list_append (answers, ph_answer_get_label (a));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (answers), NULL);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("The Authority’s answer for this number"));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_answer_selected), self, 0);
  gtk_box_append (GTK_BOX (row), dropdown);

  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (row), "no-evidence", no_evidence);
  g_object_set_data (G_OBJECT (row), "excluded", excluded);
  g_object_set_data (G_OBJECT (row), "once", once);
  g_object_set_data (G_OBJECT (row), "answer", dropdown);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_entry_row (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                PhApprovalPage           *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  const PhBatchItem *item = ph_batch_item_object_get_item (gtk_list_item_get_item (list_item));
  GObject *dropdown = g_object_get_data (G_OBJECT (row), "answer");
  PhBatchState state = self->batch != NULL ? self->batch->state : PH_BATCH_STATE_ANY;
  g_autofree char *title = g_strdup_printf ("%u. %s", item->position, item->source_display);
  g_autofree char *subtitle = NULL;

  subtitle = g_strdup_printf ("%s · %s · %s%s%s", item->code, category_label (item->category),
                              item->unit_name != NULL ? item->unit_name : "",
                              item->network != NULL ? " · " : "",
                              item->network != NULL ? item->network : "");
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "title"), title);
  gtk_label_set_label (g_object_get_data (G_OBJECT (row), "subtitle"), subtitle);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "no-evidence"),
                          (item->flags & PH_BATCH_FLAG_NO_EVIDENCE) != 0);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "excluded"),
                          (item->flags & PH_BATCH_FLAG_EXCLUDED) != 0);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "once"),
                          (item->flags & PH_BATCH_FLAG_REPORTED_ONCE) != 0);

  /* The Authority's answer, once the batch was sent. */
  g_object_set_data (dropdown, "binding", GINT_TO_POINTER (1));
  g_object_set_data_full (dropdown, "source-key", g_strdup (item->source_key), g_free);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), item->answer);
  gtk_widget_set_visible (GTK_WIDGET (dropdown), state == PH_BATCH_STATE_SENT
                          || state == PH_BATCH_STATE_ANSWERED || state == PH_BATCH_STATE_CLOSED);
  gtk_widget_set_sensitive (GTK_WIDGET (dropdown), state != PH_BATCH_STATE_CLOSED);
  g_object_set_data (dropdown, "binding", NULL);
}

/**
 * ph_approval_page_show_evidence:
 * @self: a page
 * @position: an entry of the batch, from 1
 *
 * Shows what the entry reports and its evidence files beside the list.
 */
void
ph_approval_page_show_evidence (PhApprovalPage *self,
                                guint           position)
{
  g_autoptr(PhEntry) entry = NULL;
  const PhBatchItem *item;
  g_autofree char *title = NULL;
  GString *details;

  g_return_if_fail (PH_IS_APPROVAL_PAGE (self));

  ph_evidence_gallery_clear (self->gallery);
  if (self->items == NULL || position == 0 || position > self->items->len)
    return;
  item = g_ptr_array_index (self->items, position - 1);
  entry = ph_store_get_entry (self->store, item->entry_id, NULL);
  if (entry == NULL)
    return;

  title = g_strdup_printf ("%u. %s", position, entry->source_display);
  gtk_label_set_label (self->evidence_title, title);
  details = g_string_new (NULL);
  g_string_append_printf (details, "%s · %s · %s\n", entry->code,
                          ph_category_get_label (entry->category),
                          ph_channel_get_label (entry->channel));
  if (entry->occurred_at != NULL)
    {
      int y, mo, d, h, mi;
      g_autofree char *when = NULL;

      if (sscanf (entry->occurred_at, "%d-%d-%dT%d:%d", &y, &mo, &d, &h, &mi) == 5)
        when = g_strdup_printf ("%02d/%02d/%04d %02d:%02d", d, mo, y, h, mi);
      else
        when = format_date (entry->occurred_at);
      g_string_append_printf (details, _("When: %s\n"), when);
    }
  if (entry->impersonated != NULL && *entry->impersonated != '\0')
    g_string_append_printf (details, _("Pretended to be: %s\n"), entry->impersonated);
  if (entry->content != NULL && *entry->content != '\0')
    g_string_append_printf (details, "“%s”\n", entry->content);
  g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE,
                                                "Reported %u time in all",
                                                "Reported %u times in all", item->source_reports),
                          item->source_reports);
  gtk_label_set_label (self->evidence_details, details->str);
  g_string_free (details, TRUE);

  for (guint i = 0; entry->evidence != NULL && i < entry->evidence->len; i++)
    {
      PhEvidence *evidence = g_ptr_array_index (entry->evidence, i);
      g_autofree char *path = ph_store_dup_evidence_path (self->store, evidence->sha256);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      ph_evidence_gallery_add (self->gallery, file, evidence->mime, evidence->original_name);
    }
}

static void
on_selected_changed (PhApprovalPage *self)
{
  guint position = gtk_single_selection_get_selected (self->entries_selection);

  if (position != GTK_INVALID_LIST_POSITION)
    ph_approval_page_show_evidence (self, position + 1);
}

static void
ph_approval_page_reload (PhApprovalPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) review_error = NULL;
  g_autoptr(PhBatchSummary) summary = NULL;
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;
  g_autofree char *categories = NULL;
  g_autofree char *networks = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  PhBatchState state;

  self->loading++;
  g_clear_pointer (&self->batch, ph_batch_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_list_store_remove_all (self->entries_store);
  ph_evidence_gallery_clear (self->gallery);
  gtk_label_set_label (self->evidence_title, _("Evidence"));
  gtk_label_set_label (self->evidence_details,
                       _("Select an entry to see what was reported and its evidence."));
  self->can_review = FALSE;
  self->n_flagged = 0;

  if (self->store != NULL && self->batch_id != 0)
    {
      self->batch = ph_store_get_batch (self->store, self->batch_id, &error);
      if (self->batch != NULL)
        self->items = ph_store_list_batch_items (self->store, self->batch_id, &error);
      if (self->items != NULL)
        summary = ph_store_get_batch_summary (self->store, self->batch_id, &error);
    }
  if (error != NULL)
    set_message (self, error->message);
  if (self->batch == NULL || summary == NULL)
    {
      adw_preferences_group_set_title (self->header_group, "");
      self->loading--;
      ph_approval_page_update_actions (self);
      return;
    }
  state = self->batch->state;

  {
    g_autofree char *reference = ph_batch_dup_reference (self->batch);
    g_autofree char *description = NULL;

    title = g_strdup_printf ("%s — %s", self->batch->code, ph_batch_state_get_label (state));
    description = g_strdup_printf (_("Công văn %s · %s · built by %s"),
                                   *self->batch->number != '\0' ? reference : _("(no number yet)"),
                                   self->batch->recipient, self->batch->created_by_name);
    adw_preferences_group_set_title (self->header_group, title);
    adw_preferences_group_set_description (self->header_group, description);
  }

  /* Whether this user may decide, and if not, why: said before they try. */
  if (state == PH_BATCH_STATE_SUBMITTED)
    {
      self->can_review = ph_store_can_approve_batch (self->store, self->batch_id, &review_error);
      gtk_label_set_label (self->notice_label, review_error != NULL ? review_error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->notice_label), review_error != NULL);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->notice_label), FALSE);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry from %u sources",
                                        "%u entries from %u sources", summary->entries),
                           summary->entries, summary->sources);
  adw_action_row_set_subtitle (self->count_row, count);
  categories = join_counts (summary->by_category, category_label);
  adw_action_row_set_subtitle (self->category_row, categories);
  networks = join_counts (summary->by_network, network_label);
  adw_action_row_set_subtitle (self->network_row, networks);
  {
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *attention = NULL;

    if (summary->no_evidence > 0)
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u without evidence",
                                                                "%u without evidence",
                                                                summary->no_evidence),
                                                   summary->no_evidence));
    if (summary->excluded > 0)
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u on the exclusion list",
                                                                "%u on the exclusion list",
                                                                summary->excluded),
                                                   summary->excluded));
    if (summary->reported_once > 0)
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u reported only once",
                                                                "%u reported only once",
                                                                summary->reported_once),
                                                   summary->reported_once));
    g_ptr_array_add (parts, NULL);
    attention = g_strjoinv (" · ", (char **) parts->pdata);
    gtk_widget_set_visible (GTK_WIDGET (self->attention_row), *attention != '\0');
    adw_action_row_set_subtitle (self->attention_row, attention);
  }

  gtk_widget_set_visible (GTK_WIDGET (self->signature_row), ph_batch_state_is_signed (state));
  if (ph_batch_state_is_signed (state))
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (self->batch->approved_at, NULL);
      g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%d/%m/%Y %H:%M") : NULL;
      g_autofree char *text = g_strdup_printf (_("Signed by %s on %s\nSHA-256 %s"),
                                               self->batch->approved_by_name,
                                               when != NULL ? when : "",
                                               self->batch->digest);

      adw_action_row_set_subtitle (self->signature_row, text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->decision_group),
                          state == PH_BATCH_STATE_SUBMITTED && self->can_review);
  gtk_widget_set_visible (GTK_WIDGET (self->follow_up_group),
                          state == PH_BATCH_STATE_APPROVED || state == PH_BATCH_STATE_SENT
                          || state == PH_BATCH_STATE_ANSWERED);
  gtk_widget_set_visible (GTK_WIDGET (self->sent_on_row), state == PH_BATCH_STATE_APPROVED);
  gtk_widget_set_visible (self->mark_sent_button, state == PH_BATCH_STATE_APPROVED);
  gtk_widget_set_visible (self->close_button, state != PH_BATCH_STATE_APPROVED);
  if (state == PH_BATCH_STATE_APPROVED)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");

      gtk_editable_set_text (GTK_EDITABLE (self->sent_on_row), today);
    }
  else if (self->batch->sent_on != NULL)
    {
      g_autofree char *sent = format_date (self->batch->sent_on);
      g_autofree char *text = g_strdup_printf (_("Sent on %s · %u of %u sources answered"), sent,
                                               self->batch->answered_count,
                                               self->batch->source_count);

      adw_preferences_group_set_description (self->follow_up_group, text);
    }

  /* One splice, not one signal per entry: a batch may hold thousands. */
  objects = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->items->len; i++)
    {
      PhBatchItem *item = g_ptr_array_index (self->items, i);

      if (item->flags != PH_BATCH_FLAG_NONE)
        self->n_flagged++;
      g_ptr_array_add (objects, ph_batch_item_object_new (ph_batch_item_copy (item)));
    }
  g_list_store_splice (self->entries_store, 0, 0, objects->pdata, objects->len);
  /* A list view asks for little height by itself: show up to ten rows, scroll past them. */
  gtk_scrolled_window_set_min_content_height (
    GTK_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (self->entries_view))),
    (int) MIN (objects->len, 10) * 57);

  /* The first entry's evidence is on screen from the start. */
  if (self->items->len > 0)
    {
      gtk_single_selection_set_selected (self->entries_selection, GTK_INVALID_LIST_POSITION);
      gtk_single_selection_set_selected (self->entries_selection, 0);
    }

  self->loading--;
  ph_approval_page_update_actions (self);
}

static void
after_change (PhApprovalPage *self)
{
  set_message (self, NULL);
  ph_approval_page_reload (self);
  g_signal_emit (self, signals[CHANGED], 0, self->batch_id);
}

static void
approval_approve (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PhApprovalPage *self = PH_APPROVAL_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (*password == '\0')
    {
      set_message (self, _("Type your password to sign the batch"));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  if (!ph_store_approve_batch (self->store, self->batch_id, password, &error))
    {
      set_message (self, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  after_change (self);
}

static void
on_password_activated (PhApprovalPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "approval.approve", NULL);
}

static void
approval_return_with_comment (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PhApprovalPage *self = PH_APPROVAL_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!ph_store_return_batch (self->store, self->batch_id, g_variant_get_string (parameter, NULL),
                              &error))
    {
      set_message (self, error->message);
      return;
    }
  after_change (self);
}

static void
on_return_response (AdwMessageDialog *dialog,
                    const char       *response,
                    PhApprovalPage   *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "comment");

  if (g_strcmp0 (response, "return") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "approval.return-with-comment", "s",
                                gtk_editable_get_text (entry));
}

static void
approval_return (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PhApprovalPage *self = PH_APPROVAL_PAGE (widget);
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Return the Batch?"),
                                   _("Say what the clerk must change; the batch goes back to "
                                     "them as a draft."));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("What must change"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "return", _("_Return"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "return");
  g_object_set_data (G_OBJECT (dialog), "comment", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_return_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
approval_mark_sent (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PhApprovalPage *self = PH_APPROVAL_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;
  gboolean has_time;

  if (!ph_date_input_parse (gtk_editable_get_text (GTK_EDITABLE (self->sent_on_row)), now, FALSE,
                            &date, &has_time, &error))
    {
      set_message (self, error->message);
      return;
    }
  iso = g_date_time_format (date, "%Y-%m-%d");
  if (!ph_store_mark_batch_sent (self->store, self->batch_id, iso, &error))
    {
      set_message (self, error->message);
      return;
    }
  after_change (self);
}

static void
approval_record_answer (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PhApprovalPage *self = PH_APPROVAL_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *source_key;
  int answer;

  g_variant_get (parameter, "(&si)", &source_key, &answer);
  if (!ph_store_record_answer (self->store, self->batch_id, source_key, (PhAnswer) answer, NULL,
                               &error))
    {
      set_message (self, error->message);
      ph_approval_page_reload (self);
      return;
    }
  after_change (self);
}

static void
approval_close (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PhApprovalPage *self = PH_APPROVAL_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!ph_store_close_batch (self->store, self->batch_id, &error))
    {
      set_message (self, error->message);
      return;
    }
  after_change (self);
}

static void
ph_approval_page_dispose (GObject *object)
{
  PhApprovalPage *self = PH_APPROVAL_PAGE (object);

  g_clear_object (&self->store);
  /* AdwBin unparents its child itself; it must not find it already gone. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_APPROVAL_PAGE);

  G_OBJECT_CLASS (ph_approval_page_parent_class)->dispose (object);
}

static void
ph_approval_page_finalize (GObject *object)
{
  PhApprovalPage *self = PH_APPROVAL_PAGE (object);

  g_clear_pointer (&self->batch, ph_batch_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (ph_approval_page_parent_class)->finalize (object);
}

static void
approval_export (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PhApprovalPage *self = PH_APPROVAL_PAGE (widget);
  PhExportKind kind = g_str_equal (action_name, "approval.export-bundle") ? PH_EXPORT_BUNDLE
                      : g_str_equal (action_name, "approval.export-preview") ? PH_EXPORT_PREVIEW
                      : PH_EXPORT_APPENDIX;

  if (self->store != NULL && self->batch != NULL)
    ph_export_ui_save_batch (widget, self->store, self->batch_id, kind);
}

/* The same without the save dialog: ("appendix" | "preview" | "bundle", path). */
static void
approval_export_to (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PhApprovalPage *self = PH_APPROVAL_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *kind_name, *path;
  PhExportKind kind;

  g_variant_get (parameter, "(&s&s)", &kind_name, &path);
  kind = ph_export_kind_from_string (kind_name);
  if (self->store == NULL || self->batch == NULL || kind == PH_EXPORT_CSV || (int) kind < 0)
    return;

  if (!ph_export_ui_start_batch (widget, self->store, self->batch_id, kind, path, &error))
    set_message (self, error->message);
}

static void
ph_approval_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "approval.approve", NULL, approval_approve);
  gtk_widget_class_install_action (widget_class, "approval.return", NULL, approval_return);
  gtk_widget_class_install_action (widget_class, "approval.return-with-comment", "s",
                                   approval_return_with_comment);
  gtk_widget_class_install_action (widget_class, "approval.mark-sent", NULL, approval_mark_sent);
  gtk_widget_class_install_action (widget_class, "approval.record-answer", "(si)",
                                   approval_record_answer);
  gtk_widget_class_install_action (widget_class, "approval.close", NULL, approval_close);
  gtk_widget_class_install_action (widget_class, "approval.export-appendix", NULL,
                                   approval_export);
  gtk_widget_class_install_action (widget_class, "approval.export-bundle", NULL, approval_export);
  gtk_widget_class_install_action (widget_class, "approval.export-preview", NULL,
                                   approval_export);
  gtk_widget_class_install_action (widget_class, "approval.export-to", "(ss)",
                                   approval_export_to);
}

static void
ph_approval_page_class_init (PhApprovalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_approval_page_dispose;
  object_class->finalize = ph_approval_page_finalize;

  /**
   * PhApprovalPage::changed:
   * @batch_id: the batch
   *
   * The batch was approved, returned, sent, answered or closed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (PH_TYPE_EVIDENCE_GALLERY);
  g_type_ensure (PH_TYPE_BATCH_ITEM_OBJECT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ph-approval-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, page);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, header_group);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, count_row);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, category_row);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, network_row);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, attention_row);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, signature_row);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, decision_group);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, follow_up_group);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, sent_on_row);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, mark_sent_button);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, close_button);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, entries_group);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, entries_view);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, entries_selection);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, entries_store);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, evidence_title);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, evidence_details);
  gtk_widget_class_bind_template_child (widget_class, PhApprovalPage, gallery);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_password_activated);

  ph_approval_page_class_actions_init (widget_class);
}

static void
ph_approval_page_init (PhApprovalPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_entry_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_entry_row), self);
  gtk_list_view_set_factory (self->entries_view, factory);
  ph_approval_page_update_actions (self);
}

GtkWidget *
ph_approval_page_new (void)
{
  return g_object_new (PH_TYPE_APPROVAL_PAGE, NULL);
}

/**
 * ph_approval_page_set_store:
 * @self: a page
 * @store: (nullable): the store, signed in as the user at the keyboard
 */
void
ph_approval_page_set_store (PhApprovalPage *self,
                            PhStore        *store)
{
  g_return_if_fail (PH_IS_APPROVAL_PAGE (self));

  if (g_set_object (&self->store, store))
    ph_approval_page_reload (self);
}

/**
 * ph_approval_page_set_batch_id:
 * @self: a page
 * @batch_id: the batch to show, or 0
 */
void
ph_approval_page_set_batch_id (PhApprovalPage *self,
                               gint64          batch_id)
{
  g_return_if_fail (PH_IS_APPROVAL_PAGE (self));

  self->batch_id = batch_id;
  set_message (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  ph_approval_page_reload (self);
}

gint64
ph_approval_page_get_batch_id (PhApprovalPage *self)
{
  g_return_val_if_fail (PH_IS_APPROVAL_PAGE (self), 0);
  return self->batch_id;
}

/**
 * ph_approval_page_get_message:
 * @self: a page
 *
 * Returns: (nullable): why the last action was refused, as shown
 */
const char *
ph_approval_page_get_message (PhApprovalPage *self)
{
  g_return_val_if_fail (PH_IS_APPROVAL_PAGE (self), NULL);
  return self->message;
}

/**
 * ph_approval_page_get_n_flagged:
 * @self: a page
 *
 * Returns: how many entries are marked for the approver's attention
 */
guint
ph_approval_page_get_n_flagged (PhApprovalPage *self)
{
  g_return_val_if_fail (PH_IS_APPROVAL_PAGE (self), 0);
  return self->n_flagged;
}

/**
 * ph_approval_page_get_n_evidence:
 * @self: a page
 *
 * Returns: how many evidence files are shown for the selected entry
 */
guint
ph_approval_page_get_n_entries (PhApprovalPage *self)
{
  g_return_val_if_fail (PH_IS_APPROVAL_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->entries_store));
}

guint
ph_approval_page_get_n_evidence (PhApprovalPage *self)
{
  g_return_val_if_fail (PH_IS_APPROVAL_PAGE (self), 0);
  return ph_evidence_gallery_get_n_items (self->gallery);
}
