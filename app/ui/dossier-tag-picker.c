/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-tag-picker.c — a popover that searches the codebook and picks
 * (or creates) a tag.
 *
 * Focus stays in the entry the whole time: Up/Down move the highlighted
 * row from there, so the user can keep typing. A codebook has at most a
 * few hundred tags, so the rows (DossierTagPickerRow) live in a GtkListBox,
 * made again when the codebook changes and shown or hidden on every
 * keystroke without delay. The "Create" row (in the .ui) is always last
 * and only shows when no tag has exactly the typed name.
 *
 * The highlighted row is what Enter does. Typing highlights the tag whose
 * name or path is exactly the text (in any case), else the Create row: a
 * tag that merely contains the text ("Mexican crackdown" for "Crackdown")
 * is listed but applied only when the user moves to it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-tag-picker.h"
#include "dossier-tag-picker-row.h"

struct _DossierTagPicker
{
  GtkPopover      parent_instance;

  /* template */
  GtkSearchEntry *entry;
  GtkWidget      *scrolled;
  GtkListBox     *list_box;
  GtkLabel       *error_label;
  GtkWidget      *create_row;
  GtkLabel       *create_label;

  DossierProject *project;
  GListModel     *tags;
  guint           n_matches;
  gboolean        moved;       /* Up or Down since the text last changed */
  GHashTable     *applied;     /* gint64* tag ids the edited highlight has */
};

G_DEFINE_FINAL_TYPE (DossierTagPicker, dossier_tag_picker, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

enum {
  TAG_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized ? normalized : "", -1);
}

static char *
typed_text (DossierTagPicker *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
}

/* Splits "Parent/Name" into an existing parent and the new name; anything
 * else is a top-level name. */
static gint64
split_new_tag (DossierTagPicker  *self,
               const char        *text,
               char             **name)
{
  const char *slash = strrchr (text, '/');

  if (slash != NULL && slash != text && slash[1] != '\0' && self->project != NULL)
    {
      g_autofree char *parent_path = g_strndup (text, slash - text);
      DossierTag *parent = dossier_project_find_tag (self->project, g_strstrip (parent_path));

      if (parent != NULL)
        {
          *name = g_strstrip (g_strdup (slash + 1));
          return dossier_tag_get_id (parent);
        }
    }

  *name = g_strdup (text);
  return 0;
}

/* ---- rows --------------------------------------------------------------------- */

/* The tag of a list box row, NULL for the Create row. */
static DossierTag *
row_tag (GtkWidget *row)
{
  GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  return DOSSIER_IS_TAG_PICKER_ROW (child)
         ? dossier_row_get_item (DOSSIER_ROW (child)) : NULL;
}

static void
scroll_to_row (DossierTagPicker *self,
               GtkWidget        *row)
{
  GtkAdjustment *adjustment =
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  graphene_rect_t bounds;
  double value, page;

  if (!gtk_widget_compute_bounds (row, GTK_WIDGET (self->list_box), &bounds))
    return;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height - page);
}

/* The focus stays in the entry: what Enter would do is said there, as
 * its description, besides the row being selected in the list. */
static void
describe_highlighted (DossierTagPicker *self,
                      GtkWidget        *row)
{
  DossierTag *tag = row != NULL ? row_tag (row) : NULL;
  const char *what = NULL;

  if (tag != NULL)
    what = dossier_tag_get_path (tag);
  else if (row != NULL && row == self->create_row)
    what = gtk_label_get_text (self->create_label);

  if (what != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, what, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
highlight_row (DossierTagPicker *self,
               GtkWidget        *row)
{
  describe_highlighted (self, row);
  if (row == NULL)
    {
      gtk_list_box_unselect_all (self->list_box);
      return;
    }

  gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
  scroll_to_row (self, row);
}

static void
mark_applied (DossierTagPicker *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      DossierTag *tag = row_tag (row);
      gint64 id = tag != NULL ? dossier_tag_get_id (tag) : 0;

      if (DOSSIER_IS_TAG_PICKER_ROW (child))
        dossier_tag_picker_row_set_applied (DOSSIER_TAG_PICKER_ROW (child),
                                            g_hash_table_contains (self->applied, &id));
    }
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
  mark_applied (self);
}

gboolean
dossier_tag_picker_is_applied (DossierTagPicker *self,
                               gint64            tag_id)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_PICKER (self), FALSE);

  return g_hash_table_contains (self->applied, &tag_id);
}

/* Marks which rows the text matches, then refilters and highlights the
 * tag named exactly so, else the Create row, else nothing. */
static void
update_filter (DossierTagPicker *self)
{
  g_autofree char *text = typed_text (self);
  g_autofree char *needle = fold (text);
  GtkWidget *exact = NULL;
  GtkWidget *row;

  self->n_matches = 0;
  self->moved = FALSE;

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      DossierTag *tag = row_tag (row);
      gboolean match;

      if (tag == NULL)
        continue;

      if (needle[0] == '\0')
        {
          match = TRUE;
        }
      else
        {
          g_autofree char *path = fold (dossier_tag_get_path (tag));
          g_autofree char *name = fold (dossier_tag_get_name (tag));

          match = strstr (path, needle) != NULL;
          if (exact == NULL && (g_str_equal (name, needle) || g_str_equal (path, needle)))
            exact = row;
        }

      gtk_widget_set_visible (row, match);
      if (match)
        self->n_matches++;
    }

  {
    gboolean show = text[0] != '\0' && exact == NULL &&
                    self->project != NULL && !dossier_project_get_read_only (self->project);

    if (show)
      {
        g_autofree char *name = NULL;
        g_autofree char *label = NULL;
        gint64 parent_id = split_new_tag (self, text, &name);

        if (parent_id != 0)
          label = g_strdup_printf (_("Create tag “%s” in “%s”"), name,
                                   dossier_tag_get_path (dossier_project_get_tag (self->project,
                                                                                  parent_id)));
        else
          label = g_strdup_printf (_("Create tag “%s”"), name);
        gtk_label_set_text (self->create_label, label);
      }
    gtk_widget_set_visible (self->create_row, show);
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
    highlight_row (self, exact != NULL ? exact : show ? self->create_row : NULL);
  }
}

static void
rebuild_rows (DossierTagPicker *self)
{
  GtkWidget *child;
  guint n = self->tags ? g_list_model_get_n_items (self->tags) : 0;

  /* Every row but the Create row, which stays last. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != self->create_row)
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (self->tags, i);

      gtk_list_box_insert (self->list_box, g_object_new (DOSSIER_TYPE_TAG_PICKER_ROW, "item", tag, NULL), (int) i);
    }

  mark_applied (self);
  update_filter (self);
}

/* ---- choosing ------------------------------------------------------------------- */

static void
choose_tag (DossierTagPicker *self,
            gint64            tag_id)
{
  g_object_ref (self);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[TAG_CHOSEN], 0, tag_id);
  g_object_unref (self);
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

  parent_id = split_new_tag (self, text, &name);
  id = dossier_project_add_tag (self->project, name, parent_id, NULL, NULL, &error);
  if (id <= 0)
    {
      g_autofree char *message = g_strdup_printf (_("Could not create tag “%s”: %s"),
                                                  name, error ? error->message : "");

      gtk_label_set_text (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  choose_tag (self, id);
}

static void
choose_row (DossierTagPicker *self,
            GtkWidget        *row)
{
  DossierTag *tag;

  if (row == NULL)
    return;

  if (row == self->create_row)
    {
      create_tag (self);
      return;
    }

  tag = row_tag (row);
  if (tag != NULL)
    choose_tag (self, dossier_tag_get_id (tag));
}

static void
row_activated_cb (DossierTagPicker *self,
                  GtkListBoxRow    *row)
{
  choose_row (self, GTK_WIDGET (row));
}

static void
entry_activate_cb (DossierTagPicker *self)
{
  choose_row (self, (GtkWidget *) gtk_list_box_get_selected_row (self->list_box));
}

static void
move_highlight (DossierTagPicker *self,
                gboolean          down)
{
  GtkWidget *current = (GtkWidget *) gtk_list_box_get_selected_row (self->list_box);
  GtkWidget *row;

  /* The Create row, last, is highlighted as what Enter does while the
   * user has not moved: Down starts from the top, at the first match. */
  if (!self->moved && current == self->create_row && down)
    current = NULL;
  self->moved = TRUE;

  if (current == NULL)
    row = down ? gtk_widget_get_first_child (GTK_WIDGET (self->list_box))
               : gtk_widget_get_last_child (GTK_WIDGET (self->list_box));
  else
    row = down ? gtk_widget_get_next_sibling (current) : gtk_widget_get_prev_sibling (current);

  while (row != NULL && !gtk_widget_get_visible (row))
    row = down ? gtk_widget_get_next_sibling (row) : gtk_widget_get_prev_sibling (row);

  if (row != NULL)
    highlight_row (self, row);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DossierTagPicker      *self)
{
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_highlight (self, FALSE);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_highlight (self, TRUE);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
stop_search_cb (DossierTagPicker *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
dossier_tag_picker_map (GtkWidget *widget)
{
  DossierTagPicker *self = DOSSIER_TAG_PICKER (widget);

  GTK_WIDGET_CLASS (dossier_tag_picker_parent_class)->map (widget);

  update_filter (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
closed_cb (DossierTagPicker *self)
{
  /* Start afresh next time. */
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

/* ---- public ---------------------------------------------------------------------- */

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
  g_return_if_fail (project == NULL || DOSSIER_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->tags != NULL)
    g_signal_handlers_disconnect_by_data (self->tags, self);
  g_clear_object (&self->tags);
  g_set_object (&self->project, project);

  if (project != NULL)
    {
      self->tags = g_object_ref (dossier_project_get_tags (project));
      g_signal_connect_object (self->tags, "items-changed", G_CALLBACK (rebuild_rows), self,
                               G_CONNECT_SWAPPED);
    }

  rebuild_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

GtkEditable *
dossier_tag_picker_get_entry (DossierTagPicker *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_PICKER (self), NULL);

  return GTK_EDITABLE (self->entry);
}

gint64
dossier_tag_picker_get_highlighted_tag (DossierTagPicker *self)
{
  GtkListBoxRow *row;
  DossierTag *tag;

  g_return_val_if_fail (DOSSIER_IS_TAG_PICKER (self), 0);

  row = gtk_list_box_get_selected_row (self->list_box);
  tag = row ? row_tag (GTK_WIDGET (row)) : NULL;

  return tag ? dossier_tag_get_id (tag) : 0;
}

guint
dossier_tag_picker_get_n_matches (DossierTagPicker *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG_PICKER (self), 0);

  return self->n_matches;
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
  g_clear_object (&self->project);

  G_OBJECT_CLASS (dossier_tag_picker_parent_class)->dispose (object);
}

static void
dossier_tag_picker_finalize (GObject *object)
{
  DossierTagPicker *self = DOSSIER_TAG_PICKER (object);

  g_hash_table_unref (self->applied);

  G_OBJECT_CLASS (dossier_tag_picker_parent_class)->finalize (object);
}

static void
dossier_tag_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierTagPicker *self = DOSSIER_TAG_PICKER (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_tag_picker_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierTagPicker *self = DOSSIER_TAG_PICKER (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      dossier_tag_picker_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_tag_picker_class_init (DossierTagPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_tag_picker_dispose;
  object_class->finalize = dossier_tag_picker_finalize;
  object_class->get_property = dossier_tag_picker_get_property;
  object_class->set_property = dossier_tag_picker_set_property;

  widget_class->map = dossier_tag_picker_map;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, DOSSIER_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TAG_CHOSEN] =
    g_signal_new ("tag-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-tag-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTagPicker, entry);
  gtk_widget_class_bind_template_child (widget_class, DossierTagPicker, scrolled);
  gtk_widget_class_bind_template_child (widget_class, DossierTagPicker, list_box);
  gtk_widget_class_bind_template_child (widget_class, DossierTagPicker, error_label);
  gtk_widget_class_bind_template_child (widget_class, DossierTagPicker, create_row);
  gtk_widget_class_bind_template_child (widget_class, DossierTagPicker, create_label);
}

static void
dossier_tag_picker_init (DossierTagPicker *self)
{
  GtkEventController *keys;

  self->applied = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "dossier-tag-picker");

  g_signal_connect_swapped (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (update_filter), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  g_signal_connect (self, "closed", G_CALLBACK (closed_cb), NULL);

  /* Capture phase: the entry would otherwise move focus on Up/Down. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  rebuild_rows (self);
}

GtkWidget *
dossier_tag_picker_new (void)
{
  return g_object_new (DOSSIER_TYPE_TAG_PICKER, NULL);
}
