/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The inbox: every entry in a column view that reads its rows page by page
 * from the store, with the search bar, the filters, the count and, beside
 * the list, the selected entry's details. Searching, filtering and sorting
 * are done by the store's SQL; the view only says what it wants. */

#include "config.h"

#include <glib/gi18n.h>

#include "ph-entries-view.h"
#include "ph-entry-detail.h"
#include "ph-entry-object.h"
#include "ph-evidence-gallery.h"
#include "ph-export-ui.h"
#include "ph-format.h"
#include "ph-launch.h"
#include "ph-numbering-plan.h"
#include "ph-paged-model.h"
#include "ph-sms.h"
#include "ph-store-entries.h"
#include "ph-store-evidence.h"
#include "ph-text-column.h"

struct _PhEntriesView
{
  GtkWidget           parent_instance;

  PhStore            *store;
  gulong              changed_id;
  guint               refresh_id;
  guint               scroll_id;
  double              scroll_value;
  gboolean            error_shown;
  PhPagedModel       *model;
  GtkSingleSelection *selection;
  guint               total;

  /* What the list shows. The dropdowns hold the enumerations; the strings
   * are owned here because PhEntryFilter only borrows them. */
  char               *network;
  gint64              unit_id;
  char               *source_key;
  char               *source_display;
  char               *received_from;
  char               *received_to;
  char               *text;
  PhEntrySort         sort;
  gboolean            descending;
  GArray             *unit_ids;
  GPtrArray          *networks;
  gboolean            building_filters;

  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  AdwFlap            *flap;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkWidget          *filter_flow;
  GtkDropDown        *status_filter;
  GtkDropDown        *category_filter;
  GtkDropDown        *network_filter;
  GtkDropDown        *unit_filter;
  GtkMenuButton      *from_button;
  GtkMenuButton      *to_button;
  GtkCalendar        *from_calendar;
  GtkCalendar        *to_calendar;
  GtkWidget          *source_chip;
  GtkLabel           *source_chip_label;
  GtkWidget          *clear_button;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *code_column;
  GtkColumnViewColumn *received_column;
  GtkColumnViewColumn *source_column;
  GtkColumnViewColumn *network_column;
  GtkColumnViewColumn *category_column;
  GtkColumnViewColumn *unit_column;
  GtkColumnViewColumn *evidence_column;
  GtkColumnViewColumn *status_column;
  PhEntryDetail      *detail;
};

G_DEFINE_FINAL_TYPE (PhEntriesView, ph_entries_view, GTK_TYPE_WIDGET)

static void ph_entries_view_update_actions (PhEntriesView *self);

static void
ph_entries_view_get_filter (PhEntriesView *self,
                            PhEntryFilter *filter)
{
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint category = gtk_drop_down_get_selected (self->category_filter);

  memset (filter, 0, sizeof *filter);
  /* Position 0 of each dropdown is "any", and so is 0 of each enumeration. */
  filter->status = status == GTK_INVALID_LIST_POSITION ? PH_ENTRY_STATUS_ANY : status;
  filter->category = category == GTK_INVALID_LIST_POSITION ? PH_CATEGORY_ANY : category;
  filter->network = self->network;
  filter->unit_id = self->unit_id;
  filter->source_key = self->source_key;
  filter->received_from = self->received_from;
  filter->received_to = self->received_to;
  filter->text = self->text;
}

static gboolean
ph_entries_view_is_filtered (PhEntriesView *self)
{
  PhEntryFilter filter;

  ph_entries_view_get_filter (self, &filter);
  return filter.status != PH_ENTRY_STATUS_ANY || filter.category != PH_CATEGORY_ANY ||
         filter.network != NULL || filter.unit_id != 0 || filter.source_key != NULL ||
         filter.received_from != NULL || filter.received_to != NULL || filter.text != NULL;
}

/* The paged model's two callbacks. */

static guint
ph_entries_view_count (gpointer   user_data,
                       GError   **error)
{
  PhEntriesView *self = user_data;
  PhEntryFilter filter;
  gint64 n;

  ph_entries_view_get_filter (self, &filter);
  n = ph_store_count_entries (self->store, &filter, error);

  return ph_paged_count_from_store (n);
}

static GPtrArray *
ph_entries_view_fetch (gpointer   user_data,
                       guint      offset,
                       guint      limit,
                       GError   **error)
{
  PhEntriesView *self = user_data;
  GPtrArray *entries;
  PhEntryFilter filter;

  ph_entries_view_get_filter (self, &filter);
  entries = ph_store_list_entries (self->store, &filter, self->sort, self->descending,
                                   offset, limit, error);
  return ph_paged_wrap_rows (entries, (PhPagedWrapFunc) ph_entry_object_new);
}

static void
ph_entries_view_update_count (PhEntriesView *self)
{
  g_autofree char *label = NULL;
  g_autofree char *n_text = NULL;
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  gboolean filtered = ph_entries_view_is_filtered (self);

  n_text = ph_format_count (n);
  if (filtered)
    {
      g_autofree char *total_text = ph_format_count (self->total);

      /* Translators: "12 of 1,500 entries" */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s entry", "%s of %s entries",
                                            self->total),
                               n_text, total_text);
    }
  else
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s entry", "%s entries", n), n_text);

  gtk_label_set_label (self->count_label, label);
  gtk_widget_set_sensitive (self->clear_button, filtered);

  gtk_stack_set_visible_child_name (self->stack, self->total > 0 ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "no-match");
}

static void
ph_entries_view_reload (PhEntriesView *self)
{
  PhEntryFilter all = { 0, };
  gint64 total;

  if (self->store == NULL || self->model == NULL)
    return;

  total = ph_store_count_entries (self->store, &all, NULL);
  self->total = total < 0 ? 0 : (guint) total;
  ph_paged_model_reload (self->model);
  ph_entries_view_update_count (self);
  ph_entries_view_update_actions (self);
}

/* Filters */

static void
ph_entries_view_update_filter_widgets (PhEntriesView *self)
{
  g_autofree char *from = ph_format_date (self->received_from);
  g_autofree char *to = ph_format_date (self->received_to);
  g_autofree char *from_label = NULL;
  g_autofree char *to_label = NULL;

  /* Translators: the date filter buttons: "From 01/03/2025", "To 31/03/2025" */
  from_label = self->received_from != NULL ? g_strdup_printf (_("From %s"), from)
                                           : g_strdup (_("From any date"));
  to_label = self->received_to != NULL ? g_strdup_printf (_("To %s"), to)
                                       : g_strdup (_("To any date"));
  gtk_menu_button_set_label (self->from_button, from_label);
  gtk_menu_button_set_label (self->to_button, to_label);

  gtk_widget_set_visible (self->source_chip, self->source_key != NULL);
  if (self->source_display != NULL)
    gtk_label_set_label (self->source_chip_label, self->source_display);
}

static void
ph_entries_view_filter_changed (PhEntriesView *self)
{
  guint position;

  if (self->building_filters)
    return;

  g_clear_pointer (&self->network, g_free);
  position = gtk_drop_down_get_selected (self->network_filter);
  if (position != GTK_INVALID_LIST_POSITION && position > 0 && position <= self->networks->len)
    self->network = g_strdup (g_ptr_array_index (self->networks, position - 1));

  self->unit_id = 0;
  position = gtk_drop_down_get_selected (self->unit_filter);
  if (position != GTK_INVALID_LIST_POSITION && position > 0 && position <= self->unit_ids->len)
    self->unit_id = g_array_index (self->unit_ids, gint64, position - 1);

  ph_entries_view_update_filter_widgets (self);
  ph_entries_view_reload (self);
}

static void
ph_entries_view_search_changed (PhEntriesView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->text, g_free);
  if (*stripped != '\0')
    self->text = g_steal_pointer (&stripped);

  ph_entries_view_reload (self);
}

static void
ph_entries_view_stop_search (PhEntriesView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static char *
calendar_dup_iso (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
ph_entries_view_from_selected (PhEntriesView *self)
{
  g_free (self->received_from);
  self->received_from = calendar_dup_iso (self->from_calendar);
  gtk_menu_button_popdown (self->from_button);
  ph_entries_view_filter_changed (self);
}

static void
ph_entries_view_to_selected (PhEntriesView *self)
{
  g_free (self->received_to);
  self->received_to = calendar_dup_iso (self->to_calendar);
  gtk_menu_button_popdown (self->to_button);
  ph_entries_view_filter_changed (self);
}

static GListModel *
ph_entries_view_make_choices (const char *any,
                              GPtrArray  *labels)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, any);
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (labels, i));

  return G_LIST_MODEL (list);
}

static void
ph_entries_view_build_filters (PhEntriesView *self)
{
  g_autoptr(GPtrArray) statuses = g_ptr_array_new ();
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  GPtrArray *plan_entries;
  g_autoptr(GListModel) status_model = NULL;
  g_autoptr(GListModel) category_model = NULL;
  g_autoptr(GListModel) network_model = NULL;

  self->building_filters = TRUE;

  for (PhEntryStatus s = PH_ENTRY_STATUS_RECEIVED; s <= PH_ENTRY_STATUS_REJECTED; s++)
    g_ptr_array_add (statuses, (gpointer) ph_entry_status_get_label (s));
  for (PhCategory c = PH_CATEGORY_SCAM; c <= PH_CATEGORY_OTHER; c++)
    g_ptr_array_add (categories, (gpointer) ph_category_get_label (c));

  /* The networks come from the numbering plan, so a new one needs no code. */
  plan_entries = ph_numbering_plan_get_entries (ph_numbering_plan_get_default ());
  for (guint i = 0; plan_entries != NULL && i < plan_entries->len; i++)
    {
      const PhPlanEntry *plan_entry = g_ptr_array_index (plan_entries, i);

      if (plan_entry->kind != PH_SOURCE_KIND_MOBILE || plan_entry->name == NULL ||
          plan_entry->legacy_to != NULL)
        continue;
      if (!g_ptr_array_find_with_equal_func (self->networks, plan_entry->name, g_str_equal, NULL))
        g_ptr_array_add (self->networks, g_strdup (plan_entry->name));
    }

  status_model = ph_entries_view_make_choices (_("Any status"), statuses);
  category_model = ph_entries_view_make_choices (_("Any category"), categories);
  network_model = ph_entries_view_make_choices (_("Any network"), self->networks);
  gtk_drop_down_set_model (self->status_filter, status_model);
  gtk_drop_down_set_model (self->category_filter, category_model);
  gtk_drop_down_set_model (self->network_filter, network_model);

  self->building_filters = FALSE;
}

/* The units change with the store: keep the one chosen if it is still there. */
static void
ph_entries_view_update_units (PhEntriesView *self)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) model = NULL;
  guint selected = 0;

  if (self->store != NULL)
    units = ph_store_list_units (self->store, NULL);

  /* Nothing new: leave the dropdown (and its open popover) alone. */
  if (units != NULL && units->len == self->unit_ids->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < units->len; i++)
        same = ((PhUnit *) g_ptr_array_index (units, i))->id ==
               g_array_index (self->unit_ids, gint64, i);
      if (same)
        return;
    }

  g_array_set_size (self->unit_ids, 0);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const PhUnit *unit = g_ptr_array_index (units, i);

      g_array_append_val (self->unit_ids, unit->id);
      g_ptr_array_add (names, g_strdup (unit->name));
      if (unit->id == self->unit_id)
        selected = i + 1;
    }
  if (selected == 0)
    self->unit_id = 0;

  self->building_filters = TRUE;
  model = ph_entries_view_make_choices (_("Any unit"), names);
  gtk_drop_down_set_model (self->unit_filter, model);
  gtk_drop_down_set_selected (self->unit_filter, selected);
  self->building_filters = FALSE;
}

/* Sorting: the column headers set the SQL order. */

static void
ph_entries_view_sorter_changed (PhEntriesView *self)
{
  int key;

  /* The columns go when the view is disposed, and the sorter says so. */
  if (self->column_view == NULL)
    return;

  key = ph_text_column_get_sort_key (self->column_view, &self->descending);
  self->sort = key >= 0 ? (PhEntrySort) key : PH_ENTRY_SORT_RECEIVED;
  if (key < 0)
    self->descending = TRUE;

  ph_entries_view_reload (self);
}

/* The selection and the detail pane */

static gint64
ph_entries_view_get_selected_id (PhEntriesView *self)
{
  PhEntryObject *item;

  if (self->selection == NULL)
    return 0;

  item = gtk_single_selection_get_selected_item (self->selection);
  if (item == NULL)
    return 0;

  return ph_entry_object_get_entry (item)->id;
}

static void
ph_entries_view_selection_changed (PhEntriesView *self)
{
  gint64 id = ph_entries_view_get_selected_id (self);

  /* A reload drops the selection; the pane keeps what the clerk is reading. */
  if (id == 0)
    return;

  ph_entry_detail_show_entry (self->detail, id);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  ph_entries_view_update_actions (self);
}

static gboolean
ph_entries_view_restore_scroll (gpointer data)
{
  PhEntriesView *self = data;
  GtkAdjustment *adjustment;

  self->scroll_id = 0;
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  gtk_adjustment_set_value (adjustment, self->scroll_value);

  return G_SOURCE_REMOVE;
}

/* The store changed under the list (a status, a new entry): read it again,
 * and stay where the clerk was in it. */
static void
ph_entries_view_refresh (PhEntriesView *self)
{
  const PhEntry *shown = ph_entry_detail_get_entry (self->detail);
  gint64 id = shown != NULL ? shown->id : 0;
  GtkAdjustment *adjustment;

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  self->scroll_value = gtk_adjustment_get_value (adjustment);

  ph_entries_view_update_units (self);
  ph_entries_view_reload (self);

  /* The reload starts the list at the top; the new rows are measured when
   * it is next laid out, so the position is restored after that. */
  if (self->scroll_value > 0 && self->scroll_id == 0)
    self->scroll_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, ph_entries_view_restore_scroll,
                                       self, NULL);
  if (id != 0 && !ph_entry_detail_show_entry (self->detail, id))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  ph_entries_view_update_actions (self);
}

static gboolean
ph_entries_view_refresh_idle (gpointer data)
{
  PhEntriesView *self = data;

  self->refresh_id = 0;
  ph_entries_view_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
ph_entries_view_store_changed (PhStore    *store,
                               const char *what,
                               gint64      id,
                               gpointer    user_data)
{
  PhEntriesView *self = user_data;

  /* A burst of changes (an import, a batch) is one refresh. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (ph_entries_view_refresh_idle, self);
}

/* Actions */

static void ph_entries_view_show_error (PhEntriesView *self,
                                        const GError  *error);

static void
ph_entries_view_model_error (PhEntriesView *self)
{
  const GError *error = ph_paged_model_get_error (self->model);

  /* A list that could not be read says so, once, instead of showing blank rows. */
  if (error != NULL && !self->error_shown)
    ph_entries_view_show_error (self, error);
  self->error_shown = error != NULL;
}

static void
ph_entries_view_toast (PhEntriesView *self,
                       AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
  g_object_unref (toast);
}

static void
ph_entries_view_show_error (PhEntriesView *self,
                            const GError  *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  ph_entries_view_toast (self, toast);
}

static void
ph_entries_view_update_actions (PhEntriesView *self)
{
  const PhEntry *entry = ph_entry_detail_get_entry (self->detail);
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_store = self->store != NULL;

  gtk_widget_action_set_enabled (widget, "entries.verify",
                                 entry != NULL &&
                                 ph_entry_status_can_change (entry->status,
                                                             PH_ENTRY_STATUS_VERIFIED));
  gtk_widget_action_set_enabled (widget, "entries.reject",
                                 entry != NULL &&
                                 ph_entry_status_can_change (entry->status,
                                                             PH_ENTRY_STATUS_REJECTED));
  gtk_widget_action_set_enabled (widget, "entries.reopen",
                                 entry != NULL &&
                                 (entry->status == PH_ENTRY_STATUS_VERIFIED ||
                                  entry->status == PH_ENTRY_STATUS_REJECTED));
  gtk_widget_action_set_enabled (widget, "entries.copy-message", entry != NULL);
  gtk_widget_action_set_enabled (widget, "entries.open-evidence",
                                 entry != NULL && entry->evidence != NULL &&
                                 entry->evidence->len > 0);
  gtk_widget_action_set_enabled (widget, "entries.show-source",
                                 entry != NULL && ph_entry_detail_get_other_count (self->detail) > 0);
  gtk_widget_action_set_enabled (widget, "entries.toggle-detail", entry != NULL);
  gtk_widget_action_set_enabled (widget, "entries.search", has_store);
  gtk_widget_action_set_enabled (widget, "entries.export-csv", has_store);
  gtk_widget_action_set_enabled (widget, "entries.export-csv-to", has_store);
  gtk_widget_action_set_enabled (widget, "entries.clear-filters",
                                 has_store && ph_entries_view_is_filtered (self));
  gtk_widget_action_set_enabled (widget, "entries.clear-from", self->received_from != NULL);
  gtk_widget_action_set_enabled (widget, "entries.clear-to", self->received_to != NULL);
  gtk_widget_action_set_enabled (widget, "entries.clear-source", self->source_key != NULL);
}

typedef struct
{
  PhEntriesView *self;
  gint64         id;
  PhEntryStatus  status;
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  g_free (data);
}

static void
ph_entries_view_undo_status (AdwToast *toast,
                             Undo     *undo)
{
  g_autoptr(GError) error = NULL;
  PhEntriesView *self = undo->self;

  if (self->store == NULL)
    return;

  if (!ph_store_set_entry_status (self->store, undo->id, undo->status, NULL, &error))
    ph_entries_view_show_error (self, error);
  ph_entries_view_refresh (self);
}

static void
ph_entries_view_status_done (PhEntriesView *self,
                             const PhEntry *before,
                             const char    *message)
{
  AdwToast *toast = adw_toast_new (message);
  Undo *undo = g_new0 (Undo, 1);

  undo->self = self;
  undo->id = before->id;
  undo->status = before->status;
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (ph_entries_view_undo_status),
                         undo, undo_free, 0);
  ph_entries_view_refresh (self);
  ph_entries_view_toast (self, toast);
}

static void
ph_entries_view_verify (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PhEntriesView *self = PH_ENTRIES_VIEW (widget);
  g_autoptr(PhEntry) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (ph_entry_detail_get_entry (self->detail) == NULL)
    return;

  before = ph_entry_copy (ph_entry_detail_get_entry (self->detail));
  if (!ph_store_verify_entry (self->store, before->id, &error))
    {
      ph_entries_view_show_error (self, error);
      return;
    }

  message = g_strdup_printf (_("Entry %s verified"), before->code);
  ph_entries_view_status_done (self, before, message);
}

static void
ph_entries_view_reopen (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PhEntriesView *self = PH_ENTRIES_VIEW (widget);
  g_autoptr(PhEntry) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (ph_entry_detail_get_entry (self->detail) == NULL)
    return;

  before = ph_entry_copy (ph_entry_detail_get_entry (self->detail));
  if (!ph_store_set_entry_status (self->store, before->id, PH_ENTRY_STATUS_RECEIVED, NULL,
                                  &error))
    {
      ph_entries_view_show_error (self, error);
      return;
    }

  message = g_strdup_printf (_("Entry %s is open again"), before->code);
  ph_entries_view_status_done (self, before, message);
}

static void
ph_entries_view_reason_changed (GtkEditable      *editable,
                                AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "reject", *reason != '\0');
}

static void
ph_entries_view_reject_response (AdwMessageDialog *dialog,
                                 const char       *response,
                                 PhEntriesView    *self)
{
  GtkEditable *reason_entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "entry-id"));
  g_autoptr(PhEntry) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "reject") || self->store == NULL)
    return;

  before = ph_store_get_entry (self->store, id, &error);
  if (before == NULL ||
      !ph_store_reject_entry (self->store, id, gtk_editable_get_text (reason_entry), &error))
    {
      ph_entries_view_show_error (self, error);
      return;
    }

  message = g_strdup_printf (_("Entry %s rejected"), before->code);
  ph_entries_view_status_done (self, before, message);
}

static void
ph_entries_view_reject (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PhEntriesView *self = PH_ENTRIES_VIEW (widget);
  const PhEntry *entry = ph_entry_detail_get_entry (self->detail);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *reason;

  if (entry == NULL)
    return;

  heading = g_strdup_printf (_("Reject Entry %s?"), entry->code);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("A rejected entry is not sent to the Telecommunications "
                                     "Authority. Say why, so that others can check it later."));
  reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason),
                                  _("For example: no evidence, official number"));
  gtk_entry_set_activates_default (GTK_ENTRY (reason), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for rejection"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), reason);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reject", _("_Reject"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reject",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reject", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reject");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "entry-id", GSIZE_TO_POINTER (entry->id));
  g_signal_connect (reason, "changed", G_CALLBACK (ph_entries_view_reason_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (ph_entries_view_reject_response),
                           self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (reason);
}

/**
 * ph_entries_view_dup_message:
 * @entry: an entry
 *
 * Returns: (transfer full) (nullable): the 156/5656 SMS that reports @entry
 */
char *
ph_entries_view_dup_message (const PhEntry *entry)
{
  g_autoptr(PhNumber) number = NULL;
  PhSmsCategory category;

  g_return_val_if_fail (entry != NULL, NULL);

  /* The channels know three kinds: spam by SMS, spam by call, and scams,
   * which is what impersonation, threats and debt collection are reported as. */
  if (entry->category == PH_CATEGORY_SPAM)
    category = entry->channel == PH_CHANNEL_SMS ? PH_SMS_CATEGORY_SPAM_SMS
                                                : PH_SMS_CATEGORY_SPAM_CALL;
  else
    category = PH_SMS_CATEGORY_SCAM;

  number = ph_number_parse (entry->source_input);
  if (number == NULL || number->kind == PH_SOURCE_KIND_INVALID)
    {
      g_clear_pointer (&number, ph_number_free);
      number = ph_number_parse (entry->source_display);
    }
  if (number == NULL || number->kind == PH_SOURCE_KIND_INVALID)
    return NULL;

  return ph_sms_build (category, number,
                       entry->content != NULL && *entry->content != '\0'
                       ? entry->content : ph_category_get_label (entry->category));
}

static void
ph_entries_view_copy_message (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  PhEntriesView *self = PH_ENTRIES_VIEW (widget);
  const PhEntry *entry = ph_entry_detail_get_entry (self->detail);
  g_autofree char *message = NULL;
  g_autofree char *toast_text = NULL;

  if (entry == NULL)
    return;

  message = ph_entries_view_dup_message (entry);
  if (message == NULL)
    {
      ph_entries_view_toast (self, adw_toast_new (_("This source cannot be reported by SMS: "
                                                    "it is not a valid number or brandname.")));
      return;
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), message);
  toast_text = g_strdup_printf (_("Copied “%s”"), message);
  ph_entries_view_toast (self, adw_toast_new (toast_text));
}

static void
ph_entries_view_open_evidence (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  PhEntriesView *self = PH_ENTRIES_VIEW (widget);
  PhEvidenceGallery *gallery = ph_entry_detail_get_gallery (self->detail);

  if (ph_evidence_gallery_get_n_items (gallery) > 0)
    ph_launch_file (widget, ph_evidence_gallery_get_file (gallery, 0));
}

static void
ph_entries_view_show_source_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  PhEntriesView *self = PH_ENTRIES_VIEW (widget);
  const PhEntry *entry = ph_entry_detail_get_entry (self->detail);

  if (entry != NULL)
    ph_entries_view_show_source (self, entry->source_key, entry->source_display);
}

static void
ph_entries_view_search_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  PhEntriesView *self = PH_ENTRIES_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
ph_entries_view_toggle_detail (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  PhEntriesView *self = PH_ENTRIES_VIEW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
ph_entries_view_clear_from (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  PhEntriesView *self = PH_ENTRIES_VIEW (widget);

  g_clear_pointer (&self->received_from, g_free);
  gtk_menu_button_popdown (self->from_button);
  ph_entries_view_filter_changed (self);
}

static void
ph_entries_view_clear_to (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PhEntriesView *self = PH_ENTRIES_VIEW (widget);

  g_clear_pointer (&self->received_to, g_free);
  gtk_menu_button_popdown (self->to_button);
  ph_entries_view_filter_changed (self);
}

static void
ph_entries_view_clear_source (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  ph_entries_view_show_source (PH_ENTRIES_VIEW (widget), NULL, NULL);
}

static void
ph_entries_view_clear_filters (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  PhEntriesView *self = PH_ENTRIES_VIEW (widget);

  self->building_filters = TRUE;
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->category_filter, 0);
  gtk_drop_down_set_selected (self->network_filter, 0);
  gtk_drop_down_set_selected (self->unit_filter, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->building_filters = FALSE;

  g_clear_pointer (&self->received_from, g_free);
  g_clear_pointer (&self->received_to, g_free);
  g_clear_pointer (&self->source_key, g_free);
  g_clear_pointer (&self->source_display, g_free);
  g_clear_pointer (&self->text, g_free);
  ph_entries_view_filter_changed (self);
  ph_entries_view_update_actions (self);
}

static void
ph_entries_view_dispose (GObject *object)
{
  PhEntriesView *self = PH_ENTRIES_VIEW (object);

  ph_entries_view_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PH_TYPE_ENTRIES_VIEW);

  G_OBJECT_CLASS (ph_entries_view_parent_class)->dispose (object);
}

static void
ph_entries_view_finalize (GObject *object)
{
  PhEntriesView *self = PH_ENTRIES_VIEW (object);

  g_clear_pointer (&self->network, g_free);
  g_clear_pointer (&self->source_key, g_free);
  g_clear_pointer (&self->source_display, g_free);
  g_clear_pointer (&self->received_from, g_free);
  g_clear_pointer (&self->received_to, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_pointer (&self->networks, g_ptr_array_unref);

  G_OBJECT_CLASS (ph_entries_view_parent_class)->finalize (object);
}

/* The list as it is filtered and sorted now, as CSV. */
static void
ph_entries_view_export_csv (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  PhEntriesView *self = PH_ENTRIES_VIEW (widget);
  PhEntryFilter filter;

  if (self->store == NULL)
    return;

  ph_entries_view_get_filter (self, &filter);
  if (parameter == NULL)
    ph_export_ui_save_entries (widget, self->store, &filter, self->sort, self->descending);
  else
    {
      g_autoptr(GError) error = NULL;

      if (!ph_export_ui_start_entries (widget, self->store, &filter, self->sort,
                                       self->descending, g_variant_get_string (parameter, NULL),
                                       &error))
        ph_entries_view_show_error (self, error);
    }
}

static void
ph_entries_view_class_actions_init (GtkWidgetClass *widget_class)
{
  const struct
  {
    const char                   *name;
    GtkWidgetActionActivateFunc   activate;
    guint                         key;
    GdkModifierType               mods;
  } actions[] = {
    { "entries.search", ph_entries_view_search_action, GDK_KEY_f, GDK_CONTROL_MASK },
    { "entries.verify", ph_entries_view_verify, GDK_KEY_V, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "entries.reject", ph_entries_view_reject, GDK_KEY_R, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "entries.reopen", ph_entries_view_reopen, 0, 0 },
    { "entries.copy-message", ph_entries_view_copy_message, GDK_KEY_C,
      GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "entries.open-evidence", ph_entries_view_open_evidence, GDK_KEY_o, GDK_CONTROL_MASK },
    { "entries.show-source", ph_entries_view_show_source_action, GDK_KEY_S,
      GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "entries.toggle-detail", ph_entries_view_toggle_detail, GDK_KEY_F9, 0 },
    { "entries.clear-filters", ph_entries_view_clear_filters, GDK_KEY_BackSpace,
      GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { "entries.clear-from", ph_entries_view_clear_from, 0, 0 },
    { "entries.clear-to", ph_entries_view_clear_to, 0, 0 },
    { "entries.clear-source", ph_entries_view_clear_source, 0, 0 },
    { "entries.export-csv", ph_entries_view_export_csv, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      gtk_widget_class_install_action (widget_class, actions[i].name, NULL, actions[i].activate);
      if (actions[i].key != 0)
        gtk_widget_class_add_binding_action (widget_class, actions[i].key, actions[i].mods,
                                             actions[i].name, NULL);
    }
  /* The same without the save dialog, for scripts and tests. */
  gtk_widget_class_install_action (widget_class, "entries.export-csv-to", "s",
                                   ph_entries_view_export_csv);
}

static void
ph_entries_view_class_init (PhEntriesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ph_entries_view_dispose;
  object_class->finalize = ph_entries_view_finalize;

  g_type_ensure (PH_TYPE_ENTRY_DETAIL);
  g_type_ensure (PH_TYPE_ENTRY_OBJECT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ph-entries-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, stack);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, flap);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, filter_flow);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, category_filter);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, network_filter);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, unit_filter);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, from_button);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, to_button);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, source_chip);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, source_chip_label);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, clear_button);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, code_column);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, received_column);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, source_column);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, network_column);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, category_column);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, unit_column);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, evidence_column);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, status_column);
  gtk_widget_class_bind_template_child (widget_class, PhEntriesView, detail);
  gtk_widget_class_bind_template_callback (widget_class, ph_entries_view_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, ph_entries_view_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, ph_entries_view_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, ph_entries_view_from_selected);
  gtk_widget_class_bind_template_callback (widget_class, ph_entries_view_to_selected);

  ph_entries_view_class_actions_init (widget_class);
}

static void
ph_entries_view_init (PhEntriesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The flow box wraps each group of filters in a child of its own: keep
   * those out of the focus chain. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->filter_flow); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  self->sort = PH_ENTRY_SORT_RECEIVED;
  self->descending = TRUE;
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->networks = g_ptr_array_new_with_free_func (g_free);

  /* The inbox shows the application's own icon, whatever the profile. */
  adw_status_page_set_icon_name (self->empty_page, APP_ID "-symbolic");

  ph_entries_view_build_filters (self);
  ph_entries_view_update_units (self);
  ph_entries_view_update_filter_widgets (self);

  ph_text_column_set_property (self->code_column, "code", PH_TEXT_COLUMN_NUMERIC);
  ph_text_column_set_property (self->received_column, "received", PH_TEXT_COLUMN_NUMERIC);
  ph_text_column_set_property (self->source_column, "source", PH_TEXT_COLUMN_NUMERIC);
  ph_text_column_set_property (self->network_column, "network", PH_TEXT_COLUMN_ELLIPSIZE);
  ph_text_column_set_property (self->category_column, "category", PH_TEXT_COLUMN_ELLIPSIZE);
  ph_text_column_set_property (self->unit_column, "unit", PH_TEXT_COLUMN_ELLIPSIZE);
  ph_text_column_set_property (self->evidence_column, "evidence",
                               PH_TEXT_COLUMN_NUMERIC | PH_TEXT_COLUMN_CENTER);
  ph_text_column_set_property (self->status_column, "status", PH_TEXT_COLUMN_STATUS);

  ph_text_column_set_sort_key (self->code_column, PH_ENTRY_SORT_CODE);
  ph_text_column_set_sort_key (self->received_column, PH_ENTRY_SORT_RECEIVED);
  ph_text_column_set_sort_key (self->source_column, PH_ENTRY_SORT_SOURCE);
  ph_text_column_set_sort_key (self->network_column, PH_ENTRY_SORT_NETWORK);
  ph_text_column_set_sort_key (self->category_column, PH_ENTRY_SORT_CATEGORY);
  ph_text_column_set_sort_key (self->unit_column, PH_ENTRY_SORT_UNIT);
  ph_text_column_set_sort_key (self->evidence_column, PH_ENTRY_SORT_EVIDENCE);
  ph_text_column_set_sort_key (self->status_column, PH_ENTRY_SORT_STATUS);
  gtk_column_view_sort_by_column (self->column_view, self->received_column, GTK_SORT_DESCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (ph_entries_view_sorter_changed), self,
                           G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  ph_entries_view_update_actions (self);
}

GtkWidget *
ph_entries_view_new (void)
{
  return g_object_new (PH_TYPE_ENTRIES_VIEW, NULL);
}

/**
 * ph_entries_view_set_store:
 * @self: a #PhEntriesView
 * @store: (nullable): the store to list, or %NULL for none
 */
void
ph_entries_view_set_store (PhEntriesView *self,
                           PhStore       *store)
{
  g_return_if_fail (PH_IS_ENTRIES_VIEW (self));
  g_return_if_fail (store == NULL || PH_IS_STORE (store));

  if (self->store == store)
    return;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);

  gtk_column_view_set_model (self->column_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_set_object (&self->store, store);
  ph_entry_detail_set_store (self->detail, store);
  adw_flap_set_reveal_flap (self->flap, FALSE);

  if (store != NULL)
    {
      PhEntryFilter all = { 0, };
      gint64 total;

      self->changed_id = g_signal_connect (store, "changed",
                                           G_CALLBACK (ph_entries_view_store_changed), self);

      total = ph_store_count_entries (store, &all, NULL);
      self->total = total < 0 ? 0 : (guint) total;
      self->model = ph_paged_model_new (PH_TYPE_ENTRY_OBJECT, ph_entries_view_count,
                                        ph_entries_view_fetch, self, NULL);
      /* The model recounts by itself when rows vanish under it. */
      g_signal_connect_swapped (self->model, "notify::n-items",
                                G_CALLBACK (ph_entries_view_update_count), self);
      g_signal_connect_swapped (self->model, "notify::error",
                                G_CALLBACK (ph_entries_view_model_error), self);
      /* Nothing is selected until the clerk picks a row: the model comes
       * after autoselect is off, or the first row would be taken. */
      self->selection = gtk_single_selection_new (NULL);
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
      g_signal_connect_swapped (self->selection, "notify::selected",
                                G_CALLBACK (ph_entries_view_selection_changed), self);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
    }
  else
    self->total = 0;

  ph_entries_view_update_units (self);
  ph_entries_view_update_count (self);
  ph_entries_view_update_actions (self);
}

/**
 * ph_entries_view_get_store:
 * @self: a #PhEntriesView
 *
 * Returns: (transfer none) (nullable): the store listed
 */
PhStore *
ph_entries_view_get_store (PhEntriesView *self)
{
  g_return_val_if_fail (PH_IS_ENTRIES_VIEW (self), NULL);

  return self->store;
}

/**
 * ph_entries_view_get_model:
 * @self: a #PhEntriesView
 *
 * Returns: (transfer none) (nullable): the paged list of the entries shown
 */
PhPagedModel *
ph_entries_view_get_model (PhEntriesView *self)
{
  g_return_val_if_fail (PH_IS_ENTRIES_VIEW (self), NULL);

  return self->model;
}

/**
 * ph_entries_view_get_detail:
 * @self: a #PhEntriesView
 *
 * Returns: (transfer none): the detail pane
 */
PhEntryDetail *
ph_entries_view_get_detail (PhEntriesView *self)
{
  g_return_val_if_fail (PH_IS_ENTRIES_VIEW (self), NULL);

  return self->detail;
}

/**
 * ph_entries_view_select:
 * @self: a #PhEntriesView
 * @position: a row of the list
 *
 * Selects the row and shows it in the detail pane, as a click does.
 */
void
ph_entries_view_select (PhEntriesView *self,
                        guint          position)
{
  g_return_if_fail (PH_IS_ENTRIES_VIEW (self));

  if (self->selection == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (self->selection, position);
}

/**
 * ph_entries_view_set_search_text:
 * @self: a #PhEntriesView
 * @text: what to search for
 *
 * Searches at once, without the delay typing has.
 */
void
ph_entries_view_set_search_text (PhEntriesView *self,
                                 const char    *text)
{
  g_return_if_fail (PH_IS_ENTRIES_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, text != NULL && *text != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  ph_entries_view_search_changed (self);
}

/**
 * ph_entries_view_set_status_filter:
 * @self: a #PhEntriesView
 * @status: the status to show, or %PH_ENTRY_STATUS_ANY
 */
void
ph_entries_view_set_status_filter (PhEntriesView *self,
                                   PhEntryStatus  status)
{
  g_return_if_fail (PH_IS_ENTRIES_VIEW (self));

  gtk_drop_down_set_selected (self->status_filter, status);
}

/**
 * ph_entries_view_set_category_filter:
 * @self: a #PhEntriesView
 * @category: the category to show, or %PH_CATEGORY_ANY
 */
void
ph_entries_view_set_category_filter (PhEntriesView *self,
                                     PhCategory     category)
{
  g_return_if_fail (PH_IS_ENTRIES_VIEW (self));

  gtk_drop_down_set_selected (self->category_filter, category);
}

/**
 * ph_entries_view_set_date_filter:
 * @self: a #PhEntriesView
 * @from: (nullable): first received date shown, `YYYY-MM-DD`
 * @to: (nullable): last received date shown
 */
void
ph_entries_view_set_date_filter (PhEntriesView *self,
                                 const char    *from,
                                 const char    *to)
{
  g_return_if_fail (PH_IS_ENTRIES_VIEW (self));

  g_free (self->received_from);
  self->received_from = g_strdup (from);
  g_free (self->received_to);
  self->received_to = g_strdup (to);
  ph_entries_view_filter_changed (self);
  ph_entries_view_update_actions (self);
}

/**
 * ph_entries_view_show_source:
 * @self: a #PhEntriesView
 * @source_key: (nullable): a normalised source, or %NULL for every source
 * @display: (nullable): how to show it
 *
 * Lists only the entries about one source (the "seen in N other entries"
 * of the detail pane, and the Sources view, lead here).
 */
void
ph_entries_view_show_source (PhEntriesView *self,
                             const char    *source_key,
                             const char    *display)
{
  g_return_if_fail (PH_IS_ENTRIES_VIEW (self));

  g_free (self->source_key);
  self->source_key = g_strdup (source_key);
  g_free (self->source_display);
  self->source_display = g_strdup (display != NULL ? display : source_key);
  ph_entries_view_filter_changed (self);
  ph_entries_view_update_actions (self);
}

/**
 * ph_entries_view_sort_by:
 * @self: a #PhEntriesView
 * @sort: the column to sort by
 * @descending: whether the largest comes first
 *
 * Sorts as clicking the column's header does.
 */
void
ph_entries_view_sort_by (PhEntriesView *self,
                         PhEntrySort    sort,
                         gboolean       descending)
{
  GtkColumnViewColumn *columns[] = {
    [PH_ENTRY_SORT_RECEIVED] = self->received_column,
    [PH_ENTRY_SORT_CODE] = self->code_column,
    [PH_ENTRY_SORT_SOURCE] = self->source_column,
    [PH_ENTRY_SORT_NETWORK] = self->network_column,
    [PH_ENTRY_SORT_CATEGORY] = self->category_column,
    [PH_ENTRY_SORT_CHANNEL] = NULL,
    [PH_ENTRY_SORT_UNIT] = self->unit_column,
    [PH_ENTRY_SORT_EVIDENCE] = self->evidence_column,
    [PH_ENTRY_SORT_STATUS] = self->status_column,
  };

  g_return_if_fail (PH_IS_ENTRIES_VIEW (self));
  g_return_if_fail ((guint) sort < G_N_ELEMENTS (columns) && columns[sort] != NULL);

  gtk_column_view_sort_by_column (self->column_view, columns[sort],
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

/**
 * ph_entries_view_get_sort:
 * @self: a #PhEntriesView
 * @descending: (out) (optional): whether the largest comes first
 *
 * Returns: what the list is sorted by
 */
PhEntrySort
ph_entries_view_get_sort (PhEntriesView *self,
                          gboolean      *descending)
{
  g_return_val_if_fail (PH_IS_ENTRIES_VIEW (self), PH_ENTRY_SORT_RECEIVED);

  if (descending != NULL)
    *descending = self->descending;

  return self->sort;
}

/**
 * ph_entries_view_show_code:
 * @self: a #PhEntriesView
 * @code: an entry's code
 *
 * Searches for the code and selects the entry that has it.
 *
 * Returns: whether it was found
 */
gboolean
ph_entries_view_show_code (PhEntriesView *self,
                           const char    *code)
{
  GListModel *model;

  g_return_val_if_fail (PH_IS_ENTRIES_VIEW (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (self->model == NULL)
    return FALSE;

  ph_entries_view_set_search_text (self, code);
  model = G_LIST_MODEL (self->model);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PhEntryObject) item = g_list_model_get_item (model, i);

      if (item != NULL && g_strcmp0 (ph_entry_object_get_entry (item)->code, code) == 0)
        {
          ph_entries_view_select (self, i);
          return TRUE;
        }
    }

  return FALSE;
}
