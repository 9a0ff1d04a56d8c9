/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ph-entry-editor.c: one entry of an incoming document. The source and the
 * receiving number are checked as they are typed (kind, display form, network,
 * or why they are invalid); a pasted 156/5656 message ("LD 0912345678 …")
 * fills the source, the channel, the category and the content at once. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ph-date-input.h"
#include "ph-entry-editor.h"
#include "ph-sms.h"

struct _PhEntryEditor
{
  AdwBin            parent_instance;

  PhNumber         *source;     /* the last parse of the source field */
  PhNumber         *receiver;
  GDateTime        *occurred;
  gboolean          occurred_has_time;
  char             *source_notice;
  gboolean          source_notice_warning;
  gboolean          when_ok;
  gboolean          modified;
  guint             loading;
  gboolean          source_pasting;
  gboolean          source_is_message;
  gboolean          content_pasting;

  AdwPreferencesPage *page;
  AdwEntryRow      *source_row;
  AdwActionRow     *source_check_row;
  GtkImage         *source_check_icon;
  AdwComboRow      *channel_row;
  AdwComboRow      *category_row;
  AdwEntryRow      *impersonated_row;
  AdwEntryRow      *when_row;
  AdwActionRow     *when_check_row;
  GtkImage         *when_check_icon;
  AdwEntryRow      *receiver_row;
  AdwActionRow     *receiver_check_row;
  GtkImage         *receiver_check_icon;
  AdwEntryRow      *notes_row;
  GtkTextView      *content_view;
  PhEvidencePicker *evidence_picker;
};

G_DEFINE_FINAL_TYPE (PhEntryEditor, ph_entry_editor, ADW_TYPE_BIN)
G_DEFINE_QUARK (ph-entry-editor-error-quark, ph_entry_editor_error)

enum {
  PROP_0,
  PROP_VALID,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  SOURCE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_check (AdwActionRow *row,
            GtkImage     *icon,
            gboolean      ok,
            const char   *title,
            const char   *subtitle)
{
  gtk_widget_set_visible (GTK_WIDGET (row), title != NULL);
  if (title == NULL)
    return;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  gtk_image_set_from_icon_name (icon, ok ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  if (ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (icon), "error");
      gtk_widget_add_css_class (GTK_WIDGET (icon), "success");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (icon), "success");
      gtk_widget_add_css_class (GTK_WIDGET (icon), "error");
    }
}

/* "Mobile · VinaPhone", "Landline · Thanh Hóa", the conversion note … */
static char *
describe_number (const PhNumber *number,
                 const char     *notice)
{
  g_autoptr(GString) text = g_string_new (ph_source_kind_get_label (number->kind));

  if (number->network != NULL)
    g_string_append_printf (text, " · %s", number->network);
  if (number->province != NULL)
    g_string_append_printf (text, " · %s", number->province);
  if (number->note != NULL)
    g_string_append_printf (text, "\n%s", number->note);
  if (notice != NULL)
    g_string_append_printf (text, "\n%s", notice);

  return g_string_free (g_steal_pointer (&text), FALSE);
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
update_valid (PhEntryEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

static void
set_modified (PhEntryEditor *self)
{
  if (self->loading > 0 || self->modified)
    return;

  self->modified = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Enter in a field goes on to the next one, as in a paper form (Tab also
 * stops on the check under a field, which a screen reader reads out). */
static void
focus_next_field (PhEntryEditor *self,
                  GtkWidget     *row)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->source_row), GTK_WIDGET (self->channel_row),
    GTK_WIDGET (self->category_row), GTK_WIDGET (self->impersonated_row),
    GTK_WIDGET (self->when_row), GTK_WIDGET (self->receiver_row),
    GTK_WIDGET (self->notes_row), GTK_WIDGET (self->content_view),
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    if (order[i] == row)
      {
        gtk_widget_grab_focus (order[i + 1]);
        return;
      }
}

static void
on_source_activated (PhEntryEditor *self)
{
  if (self->source_is_message
      && ph_entry_editor_apply_message (self,
                                        gtk_editable_get_text (GTK_EDITABLE (self->source_row)),
                                        NULL))
    return;

  focus_next_field (self, GTK_WIDGET (self->source_row));
}

static void
on_field_changed (PhEntryEditor *self)
{
  set_modified (self);
}

static void
check_source (PhEntryEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->source_row));

  g_clear_pointer (&self->source, ph_number_free);

  self->source_is_message = FALSE;

  if (is_blank (text))
    show_check (self->source_check_row, self->source_check_icon, FALSE, NULL, NULL);
  else
    {
      g_autoptr(PhSmsReport) report = ph_sms_parse (text, NULL);

      self->source = ph_number_parse (text);

      /* A whole message typed by hand: filled in only when the clerk says so,
       * never stored as the source it is not. */
      if (report != NULL)
        {
          /* Translators: the first %s is "Scam", "Spam call"…, the second a number */
          g_autofree char *subtitle =
            g_strdup_printf (_("Press Enter to fill this entry from it: %s, %s."),
                             ph_sms_category_get_label (report->category),
                             report->source->display);

          self->source_is_message = TRUE;
          show_check (self->source_check_row, self->source_check_icon, FALSE,
                      _("A 156/5656 message"), subtitle);
        }
      else if (ph_number_is_valid (self->source))
        {
          g_autofree char *subtitle = describe_number (self->source, self->source_notice);

          show_check (self->source_check_row, self->source_check_icon,
                      !self->source_notice_warning, self->source->display, subtitle);
        }
      else
        show_check (self->source_check_row, self->source_check_icon, FALSE,
                    _("Not a valid source"), self->source->reason);
    }
}

static void
on_source_changed (PhEntryEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->source_row));
  gboolean pasting = self->source_pasting;

  self->source_pasting = FALSE;

  /* A whole 156/5656 message pasted into the source field fills the entry. */
  if (pasting && self->loading == 0 && ph_entry_editor_apply_message (self, text, NULL))
    return;

  g_clear_pointer (&self->source_notice, g_free);
  self->source_notice_warning = FALSE;
  check_source (self);
  set_modified (self);
  update_valid (self);
  if (self->loading == 0)
    g_signal_emit (self, signals[SOURCE_CHANGED], 0);
}

static void
on_source_insert_text (GtkEditable   *editable,
                       const char    *text,
                       int            length,
                       int           *position,
                       PhEntryEditor *self)
{
  /* More than one character at once is a paste (or a program), not typing. */
  if (length < 0)
    length = (int) strlen (text);
  self->source_pasting = g_utf8_strlen (text, length) > 1;
}

static void
on_when_changed (PhEntryEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->when_row));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  gboolean has_time = FALSE;

  g_clear_pointer (&self->occurred, g_date_time_unref);
  self->when_ok = TRUE;

  if (is_blank (text))
    show_check (self->when_check_row, self->when_check_icon, FALSE, NULL, NULL);
  else if (ph_date_input_parse (text, NULL, TRUE, &when, &has_time, &error))
    {
      /* Spelled out, so that a day and a month swapped by habit show at once. */
      g_autofree char *title = g_date_time_format (when, has_time ? _("%A %-d %B %Y, %H:%M")
                                                                 : _("%A %-d %B %Y"));

      self->occurred = g_steal_pointer (&when);
      self->occurred_has_time = has_time;
      show_check (self->when_check_row, self->when_check_icon, TRUE, title, NULL);
    }
  else
    {
      self->when_ok = FALSE;
      show_check (self->when_check_row, self->when_check_icon, FALSE,
                  _("Not a valid date"), error->message);
    }

  set_modified (self);
  update_valid (self);
}

static void
on_receiver_changed (PhEntryEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->receiver_row));

  g_clear_pointer (&self->receiver, ph_number_free);

  if (is_blank (text))
    show_check (self->receiver_check_row, self->receiver_check_icon, FALSE, NULL, NULL);
  else
    {
      self->receiver = ph_number_parse (text);
      if (ph_number_is_valid (self->receiver))
        {
          g_autofree char *subtitle = describe_number (self->receiver, NULL);

          show_check (self->receiver_check_row, self->receiver_check_icon, TRUE,
                      self->receiver->display, subtitle);
        }
      else
        show_check (self->receiver_check_row, self->receiver_check_icon, FALSE,
                    _("Not a valid number"), self->receiver->reason);
    }

  set_modified (self);
  update_valid (self);
}

static char *
get_content (PhEntryEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->content_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_content_insert_text (GtkTextBuffer *buffer,
                        GtkTextIter   *location,
                        const char    *text,
                        int            length,
                        PhEntryEditor *self)
{
  if (length < 0)
    length = (int) strlen (text);
  self->content_pasting = g_utf8_strlen (text, length) > 1;
}

static void
on_content_changed (GtkTextBuffer *buffer,
                    PhEntryEditor *self)
{
  gboolean pasting = self->content_pasting;

  self->content_pasting = FALSE;
  set_modified (self);

  if (pasting && self->loading == 0)
    {
      g_autofree char *text = get_content (self);

      /* Only a whole message: a message's own content pasted must stay as it is. */
      ph_entry_editor_apply_message (self, text, NULL);
    }
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PhEntryEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      show_check (self->source_check_row, self->source_check_icon, FALSE,
                  _("Nothing to paste"), _("Copy the 156/5656 message first, then paste it."));
      return;
    }

  if (!ph_entry_editor_apply_message (self, text, &error))
    show_check (self->source_check_row, self->source_check_icon, FALSE,
                _("Not a 156/5656 message"), error->message);
}

static void
paste_message_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text, g_object_ref (widget));
}

static void
ph_entry_editor_dispose (GObject *object)
{
  /* AdwBin unparents its child itself; it must not find it already gone. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), PH_TYPE_ENTRY_EDITOR);

  G_OBJECT_CLASS (ph_entry_editor_parent_class)->dispose (object);
}

static void
ph_entry_editor_finalize (GObject *object)
{
  PhEntryEditor *self = PH_ENTRY_EDITOR (object);

  g_clear_pointer (&self->source, ph_number_free);
  g_clear_pointer (&self->receiver, ph_number_free);
  g_clear_pointer (&self->occurred, g_date_time_unref);
  g_clear_pointer (&self->source_notice, g_free);

  G_OBJECT_CLASS (ph_entry_editor_parent_class)->finalize (object);
}

static void
ph_entry_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PhEntryEditor *self = PH_ENTRY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, ph_entry_editor_get_valid (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ph_entry_editor_class_init (PhEntryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_entry_editor_dispose;
  object_class->finalize = ph_entry_editor_finalize;
  object_class->get_property = ph_entry_editor_get_property;

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PhEntryEditor::source-changed:
   *
   * The clerk changed the source; its checks against the store may follow.
   */
  signals[SOURCE_CHANGED] = g_signal_new ("source-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  g_type_ensure (PH_TYPE_EVIDENCE_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ph-entry-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PhEntryEditor, page);
  gtk_widget_class_bind_template_child (widget_class, PhEntryEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, PhEntryEditor, source_check_row);
  gtk_widget_class_bind_template_child (widget_class, PhEntryEditor, source_check_icon);
  gtk_widget_class_bind_template_child (widget_class, PhEntryEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, PhEntryEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, PhEntryEditor, impersonated_row);
  gtk_widget_class_bind_template_child (widget_class, PhEntryEditor, when_row);
  gtk_widget_class_bind_template_child (widget_class, PhEntryEditor, when_check_row);
  gtk_widget_class_bind_template_child (widget_class, PhEntryEditor, when_check_icon);
  gtk_widget_class_bind_template_child (widget_class, PhEntryEditor, receiver_row);
  gtk_widget_class_bind_template_child (widget_class, PhEntryEditor, receiver_check_row);
  gtk_widget_class_bind_template_child (widget_class, PhEntryEditor, receiver_check_icon);
  gtk_widget_class_bind_template_child (widget_class, PhEntryEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, PhEntryEditor, content_view);
  gtk_widget_class_bind_template_child (widget_class, PhEntryEditor, evidence_picker);
  gtk_widget_class_bind_template_callback (widget_class, on_source_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_when_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_receiver_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, focus_next_field);
  gtk_widget_class_bind_template_callback (widget_class, on_source_activated);

  gtk_widget_class_install_action (widget_class, "editor.paste-message", NULL,
                                   paste_message_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.paste-message", NULL);
}

static void
ph_entry_editor_init (PhEntryEditor *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  GtkTextBuffer *buffer;

  self->when_ok = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->loading++;
  /* The combo rows list the store's values from the first after "any", in order. */
  for (PhChannel i = PH_CHANNEL_CALL; ph_channel_to_string (i) != NULL; i++)
    gtk_string_list_append (channels, ph_channel_get_label (i));
  for (PhCategory i = PH_CATEGORY_SCAM; ph_category_to_string (i) != NULL; i++)
    gtk_string_list_append (categories, ph_category_get_label (i));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  self->loading--;

  g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (self->source_row)), "insert-text",
                    G_CALLBACK (on_source_insert_text), self);

  buffer = gtk_text_view_get_buffer (self->content_view);
  g_signal_connect (buffer, "insert-text", G_CALLBACK (on_content_insert_text), self);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_content_changed), self);
}

GtkWidget *
ph_entry_editor_new (void)
{
  return g_object_new (PH_TYPE_ENTRY_EDITOR, NULL);
}

/**
 * ph_entry_editor_load:
 * @entry: (nullable): the entry to show, or %NULL for a blank one
 *
 * Shows @entry's fields; the editor is then not modified.
 */
void
ph_entry_editor_load (PhEntryEditor *self,
                      PhIntakeEntry *entry)
{
  g_autofree char *when = NULL;

  g_return_if_fail (PH_IS_ENTRY_EDITOR (self));
  g_return_if_fail (entry == NULL || PH_IS_INTAKE_ENTRY (entry));

  self->loading++;

  if (entry != NULL && entry->occurred != NULL)
    when = ph_date_input_format (entry->occurred, entry->occurred_has_time);

  gtk_editable_set_text (GTK_EDITABLE (self->source_row),
                         entry != NULL && entry->source != NULL ? entry->source : "");
  adw_combo_row_set_selected (self->channel_row,
                              (entry != NULL ? entry->channel : PH_CHANNEL_CALL) - PH_CHANNEL_CALL);
  adw_combo_row_set_selected (self->category_row,
                              (entry != NULL ? entry->category : PH_CATEGORY_SCAM) - PH_CATEGORY_SCAM);
  gtk_editable_set_text (GTK_EDITABLE (self->impersonated_row),
                         entry != NULL && entry->impersonated != NULL ? entry->impersonated : "");
  gtk_editable_set_text (GTK_EDITABLE (self->when_row), when != NULL ? when : "");
  gtk_editable_set_text (GTK_EDITABLE (self->receiver_row),
                         entry != NULL && entry->receiver != NULL ? entry->receiver : "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row),
                         entry != NULL && entry->notes != NULL ? entry->notes : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->content_view),
                            entry != NULL && entry->content != NULL ? entry->content : "", -1);
  ph_evidence_picker_set_items (self->evidence_picker,
                                entry != NULL ? G_LIST_MODEL (entry->evidence) : NULL);
  ph_evidence_picker_clear_refusals (self->evidence_picker);

  self->loading--;

  self->modified = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  update_valid (self);
}

static char *
dup_field (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/**
 * ph_entry_editor_store:
 * @entry: where the fields go
 *
 * Writes the fields into @entry if they are all valid.
 *
 * Returns: %FALSE with the reason when a field is not valid; @entry is then unchanged
 */
gboolean
ph_entry_editor_store (PhEntryEditor  *self,
                       PhIntakeEntry  *entry,
                       GError        **error)
{
  g_autofree char *content = NULL;
  g_autofree char *stripped = NULL;
  GListModel *files;
  guint n;

  g_return_val_if_fail (PH_IS_ENTRY_EDITOR (self), FALSE);
  g_return_val_if_fail (PH_IS_INTAKE_ENTRY (entry), FALSE);

  if (self->source_is_message)
    {
      g_set_error_literal (error, PH_ENTRY_EDITOR_ERROR, PH_ENTRY_EDITOR_ERROR_SOURCE,
                           _("The source field holds a whole 156/5656 message: press Enter in "
                             "it to fill the entry, or keep only the number."));
      return FALSE;
    }
  if (!(self->source != NULL && ph_number_is_valid (self->source)))
    {
      g_set_error_literal (error, PH_ENTRY_EDITOR_ERROR, PH_ENTRY_EDITOR_ERROR_SOURCE,
                           self->source != NULL && self->source->reason != NULL
                           ? self->source->reason
                           : _("Type the reported number or brandname."));
      return FALSE;
    }
  if (!self->when_ok)
    {
      g_set_error_literal (error, PH_ENTRY_EDITOR_ERROR, PH_ENTRY_EDITOR_ERROR_WHEN,
                           _("The date is not valid; correct it or leave it empty."));
      return FALSE;
    }
  if (self->receiver != NULL && !ph_number_is_valid (self->receiver))
    {
      g_set_error_literal (error, PH_ENTRY_EDITOR_ERROR, PH_ENTRY_EDITOR_ERROR_RECEIVER,
                           self->receiver->reason);
      return FALSE;
    }
  if (ph_evidence_picker_get_busy (self->evidence_picker))
    {
      g_set_error_literal (error, PH_ENTRY_EDITOR_ERROR, PH_ENTRY_EDITOR_ERROR_BUSY,
                           _("The evidence files are still being checked; wait a moment."));
      return FALSE;
    }

  g_free (entry->source);
  entry->source = dup_field (self->source_row);
  entry->channel = PH_CHANNEL_CALL + adw_combo_row_get_selected (self->channel_row);
  entry->category = PH_CATEGORY_SCAM + adw_combo_row_get_selected (self->category_row);
  g_free (entry->impersonated);
  entry->impersonated = dup_field (self->impersonated_row);
  g_clear_pointer (&entry->occurred, g_date_time_unref);
  entry->occurred = self->occurred != NULL ? g_date_time_ref (self->occurred) : NULL;
  entry->occurred_has_time = self->occurred != NULL && self->occurred_has_time;
  g_free (entry->receiver);
  entry->receiver = dup_field (self->receiver_row);
  g_free (entry->notes);
  entry->notes = dup_field (self->notes_row);
  content = get_content (self);
  stripped = g_strstrip (g_strdup (content));
  g_free (entry->content);
  entry->content = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;

  files = ph_evidence_picker_get_files (self->evidence_picker);
  g_list_store_remove_all (entry->evidence);
  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) file = g_list_model_get_item (files, i);

      g_list_store_append (entry->evidence, file);
    }

  return TRUE;
}

/**
 * ph_entry_editor_apply_message:
 * @message: a 156/5656 message, "LD 0912345678 goi mao danh cong an"
 *
 * Fills the source, channel, category and content from @message. LD is a scam
 * call, V a spam call, S a spam SMS.
 *
 * Returns: %FALSE with the reason if @message is not such a message
 */
gboolean
ph_entry_editor_apply_message (PhEntryEditor  *self,
                               const char     *message,
                               GError        **error)
{
  g_autoptr(PhSmsReport) report = NULL;
  PhChannel channel;
  PhCategory category;

  g_return_val_if_fail (PH_IS_ENTRY_EDITOR (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  report = ph_sms_parse (message, error);
  if (report == NULL)
    return FALSE;

  switch (report->category)
    {
    case PH_SMS_CATEGORY_SCAM:
      channel = PH_CHANNEL_CALL;
      category = PH_CATEGORY_SCAM;
      break;
    case PH_SMS_CATEGORY_SPAM_CALL:
      channel = PH_CHANNEL_CALL;
      category = PH_CATEGORY_SPAM;
      break;
    case PH_SMS_CATEGORY_SPAM_SMS:
    default:
      channel = PH_CHANNEL_SMS;
      category = PH_CATEGORY_SPAM;
      break;
    }

  /* Each change below is the clerk's paste, not a load: it marks the editor modified. */
  self->source_pasting = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->source_row), report->source->display);
  self->source_pasting = FALSE;
  adw_combo_row_set_selected (self->channel_row, channel - PH_CHANNEL_CALL);
  adw_combo_row_set_selected (self->category_row, category - PH_CATEGORY_SCAM);
  self->content_pasting = FALSE;
  self->loading++;   /* so that setting the content is not taken for another paste */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->content_view), report->content, -1);
  self->loading--;

  set_modified (self);
  update_valid (self);
  return TRUE;
}

/**
 * ph_entry_editor_get_valid:
 *
 * Returns: whether the fields can be stored: a valid source, and a valid date
 *   and receiving number when they are given
 */
gboolean
ph_entry_editor_get_valid (PhEntryEditor *self)
{
  g_return_val_if_fail (PH_IS_ENTRY_EDITOR (self), FALSE);

  return self->source != NULL && ph_number_is_valid (self->source) && !self->source_is_message
         && self->when_ok
         && (self->receiver == NULL || ph_number_is_valid (self->receiver));
}

gboolean
ph_entry_editor_get_modified (PhEntryEditor *self)
{
  g_return_val_if_fail (PH_IS_ENTRY_EDITOR (self), FALSE);
  return self->modified;
}

/**
 * ph_entry_editor_get_source:
 *
 * Returns: (nullable): the source as parsed now, or %NULL when the field is empty
 */
const PhNumber *
ph_entry_editor_get_source (PhEntryEditor *self)
{
  g_return_val_if_fail (PH_IS_ENTRY_EDITOR (self), NULL);
  return self->source;
}

PhEvidencePicker *
ph_entry_editor_get_evidence_picker (PhEntryEditor *self)
{
  g_return_val_if_fail (PH_IS_ENTRY_EDITOR (self), NULL);
  return self->evidence_picker;
}

/**
 * ph_entry_editor_set_source_notice:
 * @notice: (nullable): a line shown under the source's check, such as
 *   "Seen in 2 earlier entries", or %NULL
 * @warning: whether it needs the clerk's attention (the source is excluded):
 *   the check then shows a warning sign, though the source stays valid
 */
void
ph_entry_editor_set_source_notice (PhEntryEditor *self,
                                   const char    *notice,
                                   gboolean       warning)
{
  g_return_if_fail (PH_IS_ENTRY_EDITOR (self));

  g_free (self->source_notice);
  self->source_notice = g_strdup (notice);
  self->source_notice_warning = notice != NULL && warning;
  check_source (self);
}

void
ph_entry_editor_focus_source (PhEntryEditor *self)
{
  g_return_if_fail (PH_IS_ENTRY_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->source_row));
}
