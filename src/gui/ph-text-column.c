/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A column view column that shows one string property of its items as a
 * label. It is a signal factory, not a GtkBuilderListItemFactory in the
 * .ui: on GTK 4.8 a list scrolled far makes new rows, and a builder factory
 * parses its template for every cell of every new row, which made each jump
 * through 100 000 entries cost a visible pause. */

#include "config.h"

#include "ph-text-column.h"

typedef struct
{
  char              *property;
  PhTextColumnFlags  flags;
} Column;

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->property);
  g_free (column);
}

static void
ph_text_column_setup (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      Column                   *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label),
                        column->flags & PH_TEXT_COLUMN_CENTER ? 0.5f
                        : column->flags & PH_TEXT_COLUMN_END ? 1.0f : 0.0f);
  if (column->flags & PH_TEXT_COLUMN_ELLIPSIZE)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column->flags & PH_TEXT_COLUMN_NUMERIC)
    gtk_widget_add_css_class (label, "numeric");
  if (column->flags & PH_TEXT_COLUMN_STATUS)
    gtk_widget_set_halign (label, GTK_ALIGN_START);

  gtk_list_item_set_child (list_item, label);
}

static void
ph_text_column_bind (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     Column                   *column)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  /* A row the store could not read (it changed meanwhile) stays blank until
   * the list reloads. */
  if (item != NULL)
    g_object_get (item, column->property, &text, NULL);

  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");

  if (column->flags & PH_TEXT_COLUMN_STATUS)
    {
      g_autofree char *key = NULL;
      g_autofree char *class = NULL;
      const char *classes[] = { "status-pill", NULL, NULL };

      if (item != NULL)
        g_object_get (item, "status-key", &key, NULL);
      class = g_strconcat ("status-", key != NULL ? key : "none", NULL);
      classes[1] = class;
      gtk_widget_set_css_classes (label, classes);
    }
  if (column->flags & PH_TEXT_COLUMN_ELLIPSIZE)
    gtk_widget_set_tooltip_text (label, text);
}

/**
 * ph_text_column_set_property:
 * @column: a column of a #GtkColumnView
 * @property: the string property of the items to show
 * @flags: how to show it
 *
 * Gives @column a factory that shows @property of each item as a label.
 */
void
ph_text_column_set_property (GtkColumnViewColumn *column,
                             const char          *property,
                             PhTextColumnFlags    flags)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  Column *data = g_new0 (Column, 1);

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (property != NULL);

  data->property = g_strdup (property);
  data->flags = flags;
  g_signal_connect (factory, "setup", G_CALLBACK (ph_text_column_setup), data);
  g_signal_connect (factory, "bind", G_CALLBACK (ph_text_column_bind), data);
  g_object_set_data_full (G_OBJECT (factory), "ph-text-column", data, column_free);

  gtk_column_view_column_set_factory (column, factory);
}

/* Sorting: the column headers set the SQL order; the rows are never compared. */

static int
ph_text_column_probe_compare (gconstpointer a,
                              gconstpointer b,
                              gpointer      user_data)
{
  *(int *) a = GPOINTER_TO_INT (user_data);
  return -1;
}

/**
 * ph_text_column_set_sort_key:
 * @column: a column of a #GtkColumnView
 * @key: what the view sorts by (a non-negative enum value) when this column is clicked
 *
 * Makes @column sortable; ph_text_column_get_sort_key() tells which @key is chosen.
 */
void
ph_text_column_set_sort_key (GtkColumnViewColumn *column,
                             int                  key)
{
  g_autoptr(GtkSorter) sorter = NULL;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (key >= 0);

  sorter = GTK_SORTER (gtk_custom_sorter_new (ph_text_column_probe_compare,
                                              GINT_TO_POINTER (key), NULL));
  gtk_column_view_column_set_sorter (column, sorter);
}

/**
 * ph_text_column_get_sort_key:
 * @view: a column view whose columns have sort keys
 * @descending: (out): whether the chosen column is sorted descending
 *
 * GTK 4.8 cannot tell which column the user sorted by (that is 4.10's
 * gtk_column_view_sorter_get_primary_sort_column()), so this asks the sorter:
 * it consults its primary column first, whose probe records its key, and
 * turns the answer round when that column is sorted descending. The two
 * "items" must differ: a sorter calls the same item twice equal unasked.
 *
 * Returns: the key of the column the view is sorted by, or -1 for none
 */
int
ph_text_column_get_sort_key (GtkColumnView *view,
                             gboolean      *descending)
{
  int probed = -1;
  int other = -1;
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), -1);

  order = gtk_sorter_compare (gtk_column_view_get_sorter (view), &probed, &other);
  if (descending != NULL)
    *descending = probed >= 0 && order == GTK_ORDERING_LARGER;

  return probed;
}
