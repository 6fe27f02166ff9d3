/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-tag-picker.c — a popover that searches the codebook and picks
 * (or creates) a tag.
 *
 * A DossierFilterPopover (the keys, the filtering, the empty state) over
 * the codebook's live list of tags, then a list that holds the "Create"
 * row when it is offered: always last, and only when no tag has exactly
 * the typed name.
 *
 * The highlighted row is what Enter does. Typing highlights the tag whose
 * name or path is exactly the text (in any case), else the Create row: a
 * tag that merely contains the text ("Mexican crackdown" for "Crackdown")
 * is listed but applied only when the user moves to it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-filter-popover.h"
#include "dossier-tag-picker.h"
#include "dossier-tag-picker-row.h"

struct _DossierTagPicker
{
  DossierFilterPopover parent_instance;

  DossierProject *project;     /* the base's, for short */
  GListModel     *tags;        /* followed: the exact match may change */
  GListStore     *lists;       /* the tags, then create_row */
  GListStore     *create_row;  /* a GtkStringObject with the row's label, or empty */
  DossierTag     *exact;       /* the tag named exactly as typed, or NULL */
  GHashTable     *applied;     /* gint64* tag ids the edited highlight has */
};

G_DEFINE_FINAL_TYPE (DossierTagPicker, dossier_tag_picker, DOSSIER_TYPE_FILTER_POPOVER)

enum {
  TAG_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Tag names are unique under a parent in any case, not across accents
 * ("Cafe" and "Café" may both be): what is exact is by case only. */
static char *
fold_case (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized ? normalized : "", -1);
}

static char *
typed_text (DossierTagPicker *self)
{
  GtkEditable *entry = dossier_filter_popover_get_entry (DOSSIER_FILTER_POPOVER (self));

  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

/* Splits "Parent/Name" into an existing parent and the new name; anything
 * else is a top-level name. A parent that names two tags sets @ambiguous
 * (may be NULL) to the message saying which. */
static gint64
split_new_tag (DossierTagPicker  *self,
               const char        *text,
               char             **name,
               GError           **ambiguous)
{
  const char *slash = strrchr (text, '/');

  if (slash != NULL && slash != text && slash[1] != '\0' && self->project != NULL)
    {
      g_autofree char *parent_path = g_strndup (text, slash - text);
      g_autoptr(GError) error = NULL;
      DossierTag *parent = dossier_project_lookup_tag (self->project, g_strstrip (parent_path), &error);

      if (parent != NULL)
        {
          *name = g_strstrip (g_strdup (slash + 1));
          return dossier_tag_get_id (parent);
        }
      if (g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_AMBIGUOUS))
        g_propagate_error (ambiguous, g_steal_pointer (&error));
    }

  *name = g_strdup (text);
  return 0;
}

static gboolean
create_offered (DossierTagPicker *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->create_row)) > 0;
}

/* ---- rows --------------------------------------------------------------------- */

static GtkWidget *
create_row_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "create-tag");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* A tag's row (DossierTagPickerRow) or the Create row, made to fit the
 * item bound: the two kinds share the list. */
static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          DossierTagPicker         *self)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (GTK_IS_STRING_OBJECT (item))
    {
      const char *label = gtk_string_object_get_string (GTK_STRING_OBJECT (item));

      if (child == NULL || DOSSIER_IS_TAG_PICKER_ROW (child))
        {
          child = create_row_new ();
          gtk_list_item_set_child (list_item, child);
        }
      gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (child)), label);
      /* The list's own row takes the focus: it carries the name. */
      if (gtk_widget_get_parent (child) != NULL)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (child)),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (gtk_widget_get_parent (child)),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }
  else
    {
      gint64 id = dossier_tag_get_id (DOSSIER_TAG (item));

      if (!DOSSIER_IS_TAG_PICKER_ROW (child))
        {
          child = g_object_new (DOSSIER_TYPE_TAG_PICKER_ROW, NULL);
          gtk_list_item_set_child (list_item, child);
        }
      dossier_row_set_item (DOSSIER_ROW (child), item);
      dossier_tag_picker_row_set_applied (DOSSIER_TAG_PICKER_ROW (child),
                                          g_hash_table_contains (self->applied, &id));
    }
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            DossierTagPicker         *self)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  /* A row out of use stops following its tag. */
  if (DOSSIER_IS_TAG_PICKER_ROW (child))
    dossier_row_set_item (DOSSIER_ROW (child), NULL);
}

void
dossier_tag_picker_set_applied_tags (DossierTagPicker *self,
                                     const gint64     *tag_ids,
                                     guint             n_tags)
{
  g_return_if_fail (DOSSIER_IS_TAG_PICKER (self));

  g_hash_table_remove_all (self->applied);
  for (guint i = 0; i < n_tags; i++)
    g_hash_table_add (self->applied, g_memdup2 (&tag_ids[i], sizeof tag_ids[i]));
  dossier_filter_popover_rebind (DOSSIER_FILTER_POPOVER (self));
}

gboolean
dossier_tag_picker_is_applied (DossierTagPicker *self,
                               gint64            tag_id)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_PICKER (self), FALSE);

  return g_hash_table_contains (self->applied, &tag_id);
}

/* ---- filtering ------------------------------------------------------------------ */

/* Before the list is filtered: which tag is named exactly so, and whether
 * the Create row is offered (with what label). */
static void
dossier_tag_picker_text_changed (DossierFilterPopover *popover,
                                 const char           *text,
                                 const char           *needle)
{
  DossierTagPicker *self = DOSSIER_TAG_PICKER (popover);
  guint n = self->tags != NULL ? g_list_model_get_n_items (self->tags) : 0;
  g_autofree char *folded = fold_case (text);
  gboolean show;

  self->exact = NULL;
  for (guint i = 0; text[0] != '\0' && i < n && self->exact == NULL; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (self->tags, i);
      g_autofree char *path = fold_case (dossier_tag_get_path (tag));
      g_autofree char *name = fold_case (dossier_tag_get_name (tag));

      if (g_str_equal (name, folded) || g_str_equal (path, folded))
        self->exact = tag;   /* the list holds it */
    }

  show = text[0] != '\0' && self->exact == NULL &&
         self->project != NULL && !dossier_project_get_read_only (self->project);
  if (show)
    {
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;
      gint64 parent_id = split_new_tag (self, text, &name, NULL);

      if (parent_id != 0)
        label = g_strdup_printf (_("Create tag “%s” in “%s”"), name,
                                 dossier_tag_get_path (dossier_project_get_tag (self->project,
                                                                                parent_id)));
      else
        label = g_strdup_printf (_("Create tag “%s”"), name);
      dossier_filter_popover_offer_row (self->create_row, label);
    }
  else
    {
      dossier_filter_popover_offer_row (self->create_row, NULL);
    }
}

static gboolean
dossier_tag_picker_match (DossierFilterPopover *popover,
                          gpointer              item,
                          const char           *needle)
{
  /* The Create row is there only when offered. */
  return !DOSSIER_IS_TAG (item) || dossier_filter_popover_text_matches (dossier_tag_get_path (item), needle);
}

/* The tag named exactly so, else the Create row, else nothing. */
static guint
dossier_tag_picker_pick_highlight (DossierFilterPopover *popover)
{
  DossierTagPicker *self = DOSSIER_TAG_PICKER (popover);
  guint n = g_list_model_get_n_items (dossier_filter_popover_get_matches (popover));
  guint exact = dossier_filter_popover_find_match (popover, self->exact);

  if (exact != GTK_INVALID_LIST_POSITION)
    return exact;
  return create_offered (self) ? n - 1 : GTK_INVALID_LIST_POSITION;
}

static char *
dossier_tag_picker_describe (DossierFilterPopover *popover,
                             gpointer              item)
{
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  return g_strdup (dossier_tag_get_path (item));
}

/* ---- choosing ------------------------------------------------------------------- */

static void
choose_tag (DossierTagPicker *self,
            gint64            tag_id)
{
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[TAG_CHOSEN], 0, tag_id);
}

static void
create_tag (DossierTagPicker *self)
{
  g_autofree char *text = typed_text (self);
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  gint64 parent_id, id;

  if (text[0] == '\0' || self->project == NULL)
    return;

  /* "Cost/Fuel" with two tags named Cost: say so, rather than refuse the
   * whole text as a name with a "/" in it. */
  parent_id = split_new_tag (self, text, &name, &error);
  if (error != NULL)
    {
      dossier_filter_popover_show_error (DOSSIER_FILTER_POPOVER (self), error->message);
      return;
    }
  id = dossier_project_add_tag (self->project, name, parent_id, NULL, NULL, &error);
  if (id <= 0)
    {
      g_autofree char *shown = dossier_text_shorten (name, DOSSIER_TAG_MAX_NAME);
      g_autofree char *message = g_strdup_printf (_("Could not create tag “%s”: %s"),
                                                  shown, error ? error->message : "");

      dossier_filter_popover_show_error (DOSSIER_FILTER_POPOVER (self), message);
      return;
    }

  choose_tag (self, id);
}

static void
dossier_tag_picker_activate (DossierFilterPopover *popover,
                             gpointer              item)
{
  DossierTagPicker *self = DOSSIER_TAG_PICKER (popover);

  if (DOSSIER_IS_TAG (item))
    choose_tag (self, dossier_tag_get_id (item));
  else
    create_tag (self);
}

/* ---- public ---------------------------------------------------------------------- */

static void
dossier_tag_picker_project_changed (DossierFilterPopover *popover)
{
  DossierTagPicker *self = DOSSIER_TAG_PICKER (popover);
  DossierProject *project = dossier_filter_popover_get_project (popover);

  if (self->tags != NULL)
    g_signal_handlers_disconnect_by_data (self->tags, self);
  g_clear_object (&self->tags);
  self->project = project;
  self->exact = NULL;

  g_list_store_remove_all (self->lists);
  if (project != NULL)
    {
      self->tags = g_object_ref (dossier_project_get_tags (project));
      g_list_store_append (self->lists, self->tags);
      /* A tag made, renamed or deleted may be the one typed. */
      g_signal_connect_object (self->tags, "items-changed", G_CALLBACK (dossier_filter_popover_refilter),
                               self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  g_list_store_append (self->lists, self->create_row);
}

DossierProject *
dossier_tag_picker_get_project (DossierTagPicker *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_PICKER (self), NULL);

  return self->project;
}

void
dossier_tag_picker_set_project (DossierTagPicker *self,
                                DossierProject   *project)
{
  g_return_if_fail (DOSSIER_IS_TAG_PICKER (self));

  dossier_filter_popover_set_project (DOSSIER_FILTER_POPOVER (self), project);
}

GtkEditable *
dossier_tag_picker_get_entry (DossierTagPicker *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_PICKER (self), NULL);

  return dossier_filter_popover_get_entry (DOSSIER_FILTER_POPOVER (self));
}

gint64
dossier_tag_picker_get_highlighted_tag (DossierTagPicker *self)
{
  gpointer item;

  g_return_val_if_fail (DOSSIER_IS_TAG_PICKER (self), 0);

  item = dossier_filter_popover_get_highlighted (DOSSIER_FILTER_POPOVER (self));
  return DOSSIER_IS_TAG (item) ? dossier_tag_get_id (item) : 0;
}

guint
dossier_tag_picker_get_n_matches (DossierTagPicker *self)
{
  guint n;

  g_return_val_if_fail (DOSSIER_IS_TAG_PICKER (self), 0);

  n = g_list_model_get_n_items (dossier_filter_popover_get_matches (DOSSIER_FILTER_POPOVER (self)));
  return create_offered (self) ? n - 1 : n;
}

/* ---- GObject ------------------------------------------------------------------- */

static void
dossier_tag_picker_dispose (GObject *object)
{
  DossierTagPicker *self = DOSSIER_TAG_PICKER (object);

  if (self->tags != NULL)
    g_signal_handlers_disconnect_by_data (self->tags, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_TAG_PICKER);

  g_clear_object (&self->tags);
  self->exact = NULL;

  G_OBJECT_CLASS (dossier_tag_picker_parent_class)->dispose (object);
}

static void
dossier_tag_picker_finalize (GObject *object)
{
  DossierTagPicker *self = DOSSIER_TAG_PICKER (object);

  g_hash_table_unref (self->applied);
  g_clear_object (&self->lists);
  g_clear_object (&self->create_row);

  G_OBJECT_CLASS (dossier_tag_picker_parent_class)->finalize (object);
}

static void
dossier_tag_picker_class_init (DossierTagPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DossierFilterPopoverClass *popover_class = DOSSIER_FILTER_POPOVER_CLASS (klass);

  object_class->dispose = dossier_tag_picker_dispose;
  object_class->finalize = dossier_tag_picker_finalize;

  popover_class->project_changed = dossier_tag_picker_project_changed;
  popover_class->text_changed = dossier_tag_picker_text_changed;
  popover_class->match = dossier_tag_picker_match;
  popover_class->pick_highlight = dossier_tag_picker_pick_highlight;
  popover_class->describe = dossier_tag_picker_describe;
  popover_class->activate = dossier_tag_picker_activate;

  signals[TAG_CHOSEN] =
    g_signal_new ("tag-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-tag-picker.ui");
}

static void
dossier_tag_picker_init (DossierTagPicker *self)
{
  DossierFilterPopover *popover = DOSSIER_FILTER_POPOVER (self);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkFlattenListModel) flat = NULL;

  self->applied = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "dossier-tag-picker");
  dossier_filter_popover_set_labels (popover, _("Find or create a tag"), _("Tag name"), _("Tags"));
  dossier_filter_popover_set_empty_texts (popover, _("The codebook has no tags yet: type a name to create one."),
                                          _("No tag matches."));

  self->create_row = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->lists = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->lists, self->create_row);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->lists)));
  dossier_filter_popover_set_model (popover, G_LIST_MODEL (flat));

  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  dossier_filter_popover_set_factory (popover, factory);
}

GtkWidget *
dossier_tag_picker_new (void)
{
  return g_object_new (DOSSIER_TYPE_TAG_PICKER, NULL);
}
