/* dossier-highlights-panel.c — the "Highlights" panel of the right sidebar.
 *
 * The core hands out highlights as snapshots and says, per document, when
 * they changed. On each change the panel lists them again and splices only
 * the run that differs into its GListStore (common prefix and suffix kept),
 * so a project with thousands of highlights costs one query and a few
 * rebinds, and the list keeps its scroll position. Tag chips are bound to
 * the project's live DossierTag objects, so renames and recolours show up
 * without relisting.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-highlights-panel.h"
#include "dossier-tag-chip.h"

struct _DossierHighlightsPanel
{
  GtkWidget       parent_instance;

  /* template */
  GtkWidget      *box;
  GtkLabel       *title_label;
  GtkLabel       *count_label;
  GtkStack       *stack;
  GtkListView    *list_view;
  AdwStatusPage  *empty_page;

  DossierProject *project;
  gint64          document_id;
  gint64          tag_id;
  GListStore     *store;         /* of DossierHighlight */
  guint           generation;    /* bumped when cards must be redrawn */
  guint           reload_source;
  /* Waiting for the frame after which to reload (see reload_after_frame). */
  GdkFrameClock  *frame_clock;
  gulong          after_paint_handler;

  /* what the header follows, to retitle on rename */
  GObject        *subject;
  gulong          subject_handler;
};

G_DEFINE_FINAL_TYPE (DossierHighlightsPanel, dossier_highlights_panel, GTK_TYPE_WIDGET)

#define RELOAD_DELAY_MS 40

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_DOCUMENT_ID,
  PROP_TAG_ID,
  N_PROPS
};

enum {
  HIGHLIGHT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- listing ----------------------------------------------------------------- */

static gboolean
same_highlight (DossierHighlight *a,
                DossierHighlight *b)
{
  const gint64 *tags_a, *tags_b;
  guint n_a, n_b;

  if (dossier_highlight_get_id (a) != dossier_highlight_get_id (b) ||
      dossier_highlight_get_document_id (a) != dossier_highlight_get_document_id (b) ||
      dossier_highlight_get_start (a) != dossier_highlight_get_start (b) ||
      dossier_highlight_get_end (a) != dossier_highlight_get_end (b) ||
      g_strcmp0 (dossier_highlight_get_memo (a), dossier_highlight_get_memo (b)) != 0 ||
      g_strcmp0 (dossier_highlight_get_quote (a), dossier_highlight_get_quote (b)) != 0 ||
      dossier_highlight_get_orphaned (a) != dossier_highlight_get_orphaned (b))
    return FALSE;

  tags_a = dossier_highlight_get_tag_ids (a, &n_a);
  tags_b = dossier_highlight_get_tag_ids (b, &n_b);

  return n_a == n_b && (n_a == 0 || memcmp (tags_a, tags_b, n_a * sizeof (gint64)) == 0);
}

/* Replaces the store's contents with @items, touching only the run of
 * items that differs. */
static void
splice_store (GListStore *store,
              GPtrArray  *items)
{
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint new_n = items->len;
  guint prefix = 0, suffix = 0;

  while (prefix < old_n && prefix < new_n)
    {
      g_autoptr(DossierHighlight) old = g_list_model_get_item (G_LIST_MODEL (store), prefix);

      if (!same_highlight (old, g_ptr_array_index (items, prefix)))
        break;
      prefix++;
    }

  while (suffix < old_n - prefix && suffix < new_n - prefix)
    {
      g_autoptr(DossierHighlight) old = g_list_model_get_item (G_LIST_MODEL (store),
                                                               old_n - 1 - suffix);

      if (!same_highlight (old, g_ptr_array_index (items, new_n - 1 - suffix)))
        break;
      suffix++;
    }

  if (prefix == old_n && prefix == new_n)
    return;

  g_list_store_splice (store, prefix, old_n - prefix - suffix,
                       items->pdata + prefix, new_n - prefix - suffix);
}

static void
count_document (GHashTable       *seen,
                DossierHighlight *highlight)
{
  gint64 id = dossier_highlight_get_document_id (highlight);

  if (!g_hash_table_contains (seen, &id))
    g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
}

static guint
count_documents (GListModel *model)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierHighlight) highlight = g_list_model_get_item (model, i);

      count_document (seen, highlight);
    }

  return g_hash_table_size (seen);
}

static void
update_header (DossierHighlightsPanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  DossierTag *tag = NULL;
  DossierDocument *document = NULL;
  g_autofree char *count = NULL;

  if (self->project != NULL && self->tag_id != 0)
    tag = dossier_project_get_tag (self->project, self->tag_id);
  else if (self->project != NULL && self->document_id != 0)
    document = dossier_project_get_document (self->project, self->document_id);

  if (tag != NULL)
    {
      g_autofree char *documents = NULL;
      guint n_documents = count_documents (G_LIST_MODEL (self->store));

      g_auto(GStrv) parts = g_strsplit (dossier_tag_get_path (tag), "/", -1);
      g_autofree char *title = g_strjoinv (" › ", parts);

      gtk_label_set_text (self->title_label, title);
      if (n > 0)
        {
          documents = g_strdup_printf (ngettext ("%u document", "%u documents", n_documents),
                                       n_documents);
          /* Translators: "5 highlights in 2 documents" */
          count = g_strdup_printf (ngettext ("%u highlight in %s", "%u highlights in %s", n),
                                   n, documents);
        }
    }
  else if (document != NULL)
    {
      gtk_label_set_text (self->title_label, dossier_document_get_title (document));
      if (n > 0)
        count = g_strdup_printf (ngettext ("%u highlight", "%u highlights", n), n);
    }
  else
    {
      gtk_label_set_text (self->title_label, _("Highlights"));
    }

  gtk_label_set_text (self->count_label, count ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), count != NULL);

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "empty");
  if (tag != NULL)
    {
      g_autofree char *description =
        g_strdup_printf (_("No passage is tagged “%s” yet."), dossier_tag_get_name (tag));

      adw_status_page_set_title (self->empty_page, _("No Highlights"));
      adw_status_page_set_description (self->empty_page, description);
    }
  else if (document != NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Highlights"));
      adw_status_page_set_description (self->empty_page,
                                       _("Select a passage and press 1–9 or Ctrl+T to tag it."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("Nothing Selected"));
      adw_status_page_set_description (self->empty_page,
                                       _("Open a document, or select a tag in the codebook."));
    }
}

/* Follows the title of what is listed (a tag's path, a document's title). */
static void
follow_subject (DossierHighlightsPanel *self)
{
  GObject *subject = NULL;
  const char *property = NULL;

  if (self->project != NULL && self->tag_id != 0)
    {
      subject = G_OBJECT (dossier_project_get_tag (self->project, self->tag_id));
      property = "notify::path";
    }
  else if (self->project != NULL && self->document_id != 0)
    {
      subject = G_OBJECT (dossier_project_get_document (self->project, self->document_id));
      property = "notify::title";
    }

  if (subject == self->subject)
    return;

  if (self->subject != NULL)
    {
      g_signal_handler_disconnect (self->subject, self->subject_handler);
      g_clear_weak_pointer (&self->subject);
      self->subject_handler = 0;
    }

  if (subject != NULL)
    {
      g_set_weak_pointer (&self->subject, subject);
      self->subject_handler = g_signal_connect_object (subject, property,
                                                       G_CALLBACK (update_header), self,
                                                       G_CONNECT_SWAPPED);
    }
}

static gboolean
tag_within (DossierHighlightsPanel *self,
            gint64                  tag_id,
            gint64                  ancestor_id)
{
  guint guard = 0;

  while (tag_id != 0 && guard++ < 1000)
    {
      DossierTag *tag;

      if (tag_id == ancestor_id)
        return TRUE;
      tag = dossier_project_get_tag (self->project, tag_id);
      tag_id = tag ? dossier_tag_get_parent_id (tag) : 0;
    }

  return FALSE;
}

/* The core lists orphaned highlights apart (their offsets are stale); the
 * panel shows them after the others, marked, so none is lost from view. */
static void
append_orphans (DossierHighlightsPanel *self,
                GPtrArray              *items,
                gint64                  document_id,
                gint64                  tag_id)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = dossier_project_list_orphans (self->project, document_id, &error);
  if (ids == NULL)
    {
      g_warning ("Could not list orphaned highlights: %s", error->message);
      return;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(DossierHighlight) highlight =
        dossier_project_get_highlight (self->project, g_array_index (ids, gint64, i), NULL);
      gboolean keep = tag_id == 0;
      const gint64 *tag_ids;
      guint n_tags;

      if (highlight == NULL)
        continue;

      tag_ids = dossier_highlight_get_tag_ids (highlight, &n_tags);
      for (guint j = 0; j < n_tags && !keep; j++)
        keep = tag_within (self, tag_ids[j], tag_id);

      if (keep)
        g_ptr_array_add (items, g_steal_pointer (&highlight));
    }
}

static void
stop_waiting_for_frame (DossierHighlightsPanel *self)
{
  /* A window that went away took its clock's handlers with it. */
  if (self->frame_clock != NULL && self->after_paint_handler != 0
      && g_signal_handler_is_connected (self->frame_clock, self->after_paint_handler))
    g_signal_handler_disconnect (self->frame_clock, self->after_paint_handler);
  self->after_paint_handler = 0;
  g_clear_object (&self->frame_clock);
}

static void
reload (DossierHighlightsPanel *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  stop_waiting_for_frame (self);

  follow_subject (self);

  if (self->project != NULL && self->tag_id != 0 &&
      dossier_project_get_tag (self->project, self->tag_id) != NULL)
    items = dossier_project_list_highlights (self->project, 0, self->tag_id, &error);
  else if (self->project != NULL && self->tag_id == 0 && self->document_id != 0 &&
           dossier_project_get_document (self->project, self->document_id) != NULL)
    items = dossier_project_list_highlights (self->project, self->document_id, 0, &error);

  if (error != NULL)
    g_warning ("Could not list highlights: %s", error->message);
  if (items != NULL)
    append_orphans (self, items, self->tag_id != 0 ? 0 : self->document_id, self->tag_id);
  else
    items = g_ptr_array_new_with_free_func (g_object_unref);

  splice_store (self->store, items);
  update_header (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  DossierHighlightsPanel *self = data;

  self->reload_source = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (DossierHighlightsPanel *self)
{
  stop_waiting_for_frame (self);
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

/* Listing thousands of highlights and laying out their cards takes tens
 * of milliseconds: on screen, the panel waits for the frame that shows
 * the change made in the document view (or the document just opened),
 * then relists. Off screen, nobody waits for a frame: at once. */
static void
reload_after_frame (DossierHighlightsPanel *self)
{
  GdkFrameClock *clock = NULL;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    {
      reload (self);
      return;
    }
  if (self->frame_clock != NULL && self->frame_clock != clock)
    stop_waiting_for_frame (self);
  if (self->frame_clock != NULL || self->reload_source != 0)
    return;

  self->frame_clock = g_object_ref (clock);
  self->after_paint_handler = g_signal_connect_swapped (clock, "after-paint",
                                                        G_CALLBACK (after_paint_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static gboolean
reload_timeout_cb (gpointer data)
{
  DossierHighlightsPanel *self = data;

  self->reload_source = 0;
  reload_after_frame (self);

  return G_SOURCE_REMOVE;
}

/* Listing thousands of highlights takes the core tens of milliseconds: a
 * change made in the document view is committed and repainted first, and
 * the panel follows a moment later, once per burst of changes. */
static void
queue_reload (DossierHighlightsPanel *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout_cb, self);
}

static void
highlights_changed_cb (DossierHighlightsPanel *self,
                       gint64                  document_id,
                       DossierProject         *project)
{
  if (self->tag_id != 0 || document_id == self->document_id || document_id == 0)
    queue_reload (self);
}

static void
model_changed_cb (DossierHighlightsPanel *self)
{
  /* A deleted document or tag, or a tag list change under a tag view. */
  queue_reload (self);
}

/* ---- cards ----------------------------------------------------------------- */

/* The labels ellipsize after a few lines anyway; laying out the whole of
 * a long passage only to cut it would be most of a card's cost. */
#define QUOTE_PREVIEW_CHARS 400
#define MEMO_PREVIEW_CHARS  300

static void
set_preview (GtkWidget  *label,
             const char *text,
             guint       max_chars)
{
  const char *end = text ? text : "";
  g_autofree char *cut = NULL;

  for (guint n = 0; *end != '\0' && n < max_chars; n++)
    end = g_utf8_next_char (end);

  if (*end == '\0')
    {
      gtk_label_set_text (GTK_LABEL (label), text ? text : "");
      return;
    }

  cut = g_strdup_printf ("%.*s…", (int) (end - text), text);
  gtk_label_set_text (GTK_LABEL (label), cut);
}

/* Holds a ref so that unbinding is safe even if the document went away. */
static void
binding_clear (gpointer data)
{
  g_binding_unbind (data);
  g_object_unref (data);
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               DossierHighlightsPanel   *self)
{
  g_autoptr(PangoAttrList) italic = pango_attr_list_new ();
  GtkWidget *card, *content, *document, *quote, *chips, *memo, *orphan;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "dossier-highlight-card");
  gtk_widget_set_margin_start (card, 8);
  gtk_widget_set_margin_end (card, 8);
  gtk_widget_set_margin_top (card, 3);
  gtk_widget_set_margin_bottom (card, 3);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 10);
  gtk_widget_set_margin_bottom (content, 10);
  gtk_box_append (GTK_BOX (card), content);

  document = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (document), 0);
  gtk_label_set_ellipsize (GTK_LABEL (document), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (document, "caption-heading");
  gtk_widget_add_css_class (document, "dim-label");
  gtk_widget_add_css_class (document, "highlight-document");
  gtk_box_append (GTK_BOX (content), document);

  quote = g_object_new (GTK_TYPE_LABEL,
                        "xalign", 0.0f,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "ellipsize", PANGO_ELLIPSIZE_END,
                        "lines", 4,
                        "width-chars", 12,
                        "max-width-chars", 48,
                        NULL);
  gtk_widget_add_css_class (quote, "highlight-quote");
  gtk_box_append (GTK_BOX (content), quote);

  /* One line of chips that ellipsize when there are many: GtkFlowBox
   * (the only wrapping box in GTK 4.8) spreads chips into columns and
   * mis-measures its height inside a list row. */
  chips = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_can_target (chips, FALSE);
  gtk_widget_set_overflow (chips, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (chips, "highlight-tags");
  gtk_box_append (GTK_BOX (content), chips);

  pango_attr_list_insert (italic, pango_attr_style_new (PANGO_STYLE_ITALIC));
  memo = g_object_new (GTK_TYPE_LABEL,
                       "xalign", 0.0f,
                       "wrap", TRUE,
                       "wrap-mode", PANGO_WRAP_WORD_CHAR,
                       "ellipsize", PANGO_ELLIPSIZE_END,
                       "lines", 3,
                       "width-chars", 12,
                       "max-width-chars", 48,
                       "attributes", italic,
                       NULL);
  gtk_widget_add_css_class (memo, "dim-label");
  gtk_widget_add_css_class (memo, "highlight-memo");
  gtk_box_append (GTK_BOX (content), memo);

  orphan = gtk_label_new (_("This passage is no longer in the document’s text"));
  gtk_label_set_xalign (GTK_LABEL (orphan), 0);
  gtk_label_set_wrap (GTK_LABEL (orphan), TRUE);
  gtk_widget_add_css_class (orphan, "caption");
  gtk_widget_add_css_class (orphan, "warning");
  gtk_widget_add_css_class (orphan, "highlight-orphaned");
  gtk_box_append (GTK_BOX (content), orphan);

  g_object_set_data (G_OBJECT (card), "orphan", orphan);
  g_object_set_data (G_OBJECT (card), "document", document);
  g_object_set_data (G_OBJECT (card), "quote", quote);
  g_object_set_data (G_OBJECT (card), "chips", chips);
  g_object_set_data (G_OBJECT (card), "memo", memo);

  gtk_list_item_set_child (list_item, card);
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              DossierHighlightsPanel   *self)
{
  GtkWidget *card = gtk_list_item_get_child (list_item);
  DossierHighlight *highlight = gtk_list_item_get_item (list_item);
  GtkWidget *document_label = g_object_get_data (G_OBJECT (card), "document");
  GtkWidget *quote = g_object_get_data (G_OBJECT (card), "quote");
  GtkWidget *chips = g_object_get_data (G_OBJECT (card), "chips");
  GtkWidget *memo = g_object_get_data (G_OBJECT (card), "memo");
  const char *memo_text = dossier_highlight_get_memo (highlight);
  const gint64 *tag_ids;
  guint n_tags;
  GtkWidget *child;

  /* GTK 4.8's signal factory unbinds and binds again whenever a row only
   * moves (an insertion above it), up to 200 rows at a time: skip the
   * work when the card already shows this very highlight. The ref keeps
   * the address from being reused by another highlight. */
  if (g_object_get_data (G_OBJECT (card), "shown") == (gpointer) highlight &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (card), "generation")) == self->generation)
    return;
  g_object_set_data_full (G_OBJECT (card), "shown", g_object_ref (highlight), g_object_unref);
  g_object_set_data (G_OBJECT (card), "generation", GUINT_TO_POINTER (self->generation));
  g_object_set_data (G_OBJECT (card), "document-binding", NULL);

  if (self->tag_id != 0 && self->project != NULL)
    {
      DossierDocument *document =
        dossier_project_get_document (self->project, dossier_highlight_get_document_id (highlight));

      if (document != NULL)
        g_object_set_data_full (G_OBJECT (card), "document-binding",
                                g_object_ref (g_object_bind_property (document, "title",
                                                                      document_label, "label",
                                                                      G_BINDING_SYNC_CREATE)),
                                binding_clear);
      gtk_widget_set_visible (document_label, document != NULL);
    }
  else
    {
      gtk_widget_set_visible (document_label, FALSE);
    }

  set_preview (quote, dossier_highlight_get_quote (highlight), QUOTE_PREVIEW_CHARS);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (card), "orphan"),
                          dossier_highlight_get_orphaned (highlight));

  set_preview (memo, memo_text, MEMO_PREVIEW_CHARS);
  gtk_widget_set_visible (memo, memo_text != NULL && memo_text[0] != '\0');

  while ((child = gtk_widget_get_first_child (chips)) != NULL)
    gtk_box_remove (GTK_BOX (chips), child);

  tag_ids = dossier_highlight_get_tag_ids (highlight, &n_tags);
  for (guint i = 0; i < n_tags && self->project != NULL; i++)
    {
      DossierTag *tag = dossier_project_get_tag (self->project, tag_ids[i]);
      GtkWidget *chip;

      if (tag == NULL)
        continue;

      /* Bindings end with the chip, which dies at the next bind. */
      chip = dossier_tag_chip_new (NULL, NULL);
      g_object_bind_property (tag, "name", chip, "tag-name", G_BINDING_SYNC_CREATE);
      g_object_bind_property (tag, "color", chip, "color", G_BINDING_SYNC_CREATE);
      g_object_bind_property (tag, "path", chip, "tooltip-text", G_BINDING_SYNC_CREATE);
      gtk_box_append (GTK_BOX (chips), chip);
    }
  gtk_widget_set_visible (chips, n_tags > 0);
}


static void
activate_cb (GtkListView            *list_view,
             guint                   position,
             DossierHighlightsPanel *self)
{
  g_autoptr(DossierHighlight) highlight = g_list_model_get_item (G_LIST_MODEL (self->store),
                                                                 position);

  if (highlight == NULL)
    return;

  g_signal_emit (self, signals[HIGHLIGHT_ACTIVATED], 0,
                 dossier_highlight_get_document_id (highlight),
                 dossier_highlight_get_id (highlight));
}

/* ---- properties -------------------------------------------------------------- */

DossierProject *
dossier_highlights_panel_get_project (DossierHighlightsPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHTS_PANEL (self), NULL);

  return self->project;
}

void
dossier_highlights_panel_set_project (DossierHighlightsPanel *self,
                                      DossierProject         *project)
{
  g_return_if_fail (DOSSIER_IS_HIGHLIGHTS_PANEL (self));
  g_return_if_fail (project == NULL || DOSSIER_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (dossier_project_get_tags (self->project), self);
      g_signal_handlers_disconnect_by_data (dossier_project_get_documents (self->project), self);
    }

  /* Cards of the old project go first: their chips follow its tags. */
  self->generation++;
  g_list_store_remove_all (self->store);
  g_set_object (&self->project, project);

  if (project != NULL)
    {
      g_signal_connect_object (project, "highlights-changed",
                               G_CALLBACK (highlights_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (dossier_project_get_tags (project), "items-changed",
                               G_CALLBACK (model_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (dossier_project_get_documents (project), "items-changed",
                               G_CALLBACK (model_changed_cb), self, G_CONNECT_SWAPPED);
    }

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gint64
dossier_highlights_panel_get_document_id (DossierHighlightsPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHTS_PANEL (self), 0);

  return self->document_id;
}

void
dossier_highlights_panel_set_document_id (DossierHighlightsPanel *self,
                                          gint64                  document_id)
{
  g_return_if_fail (DOSSIER_IS_HIGHLIGHTS_PANEL (self));

  if (self->document_id == document_id)
    return;

  self->document_id = document_id;
  /* The old document's cards go at once; the new ones come after the
   * document itself is on screen. */
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    g_list_store_remove_all (self->store);
  reload_after_frame (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

gint64
dossier_highlights_panel_get_tag_id (DossierHighlightsPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHTS_PANEL (self), 0);

  return self->tag_id;
}

void
dossier_highlights_panel_set_tag_id (DossierHighlightsPanel *self,
                                     gint64                  tag_id)
{
  g_return_if_fail (DOSSIER_IS_HIGHLIGHTS_PANEL (self));

  if (self->tag_id == tag_id)
    return;

  self->tag_id = tag_id;
  /* Cards switch between showing and hiding their document: rebind all. */
  self->generation++;
  g_list_store_remove_all (self->store);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG_ID]);
}

GListModel *
dossier_highlights_panel_get_model (DossierHighlightsPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHTS_PANEL (self), NULL);

  return G_LIST_MODEL (self->store);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
dossier_highlights_panel_dispose (GObject *object)
{
  DossierHighlightsPanel *self = DOSSIER_HIGHLIGHTS_PANEL (object);

  if (self->subject != NULL)
    {
      g_signal_handler_disconnect (self->subject, self->subject_handler);
      g_clear_weak_pointer (&self->subject);
    }
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (dossier_project_get_tags (self->project), self);
      g_signal_handlers_disconnect_by_data (dossier_project_get_documents (self->project), self);
    }

  g_clear_handle_id (&self->reload_source, g_source_remove);
  stop_waiting_for_frame (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_HIGHLIGHTS_PANEL);

  g_clear_object (&self->store);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (dossier_highlights_panel_parent_class)->dispose (object);
}

static void
dossier_highlights_panel_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  DossierHighlightsPanel *self = DOSSIER_HIGHLIGHTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    case PROP_TAG_ID:
      g_value_set_int64 (value, self->tag_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_highlights_panel_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  DossierHighlightsPanel *self = DOSSIER_HIGHLIGHTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      dossier_highlights_panel_set_project (self, g_value_get_object (value));
      break;
    case PROP_DOCUMENT_ID:
      dossier_highlights_panel_set_document_id (self, g_value_get_int64 (value));
      break;
    case PROP_TAG_ID:
      dossier_highlights_panel_set_tag_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_highlights_panel_class_init (DossierHighlightsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_highlights_panel_dispose;
  object_class->get_property = dossier_highlights_panel_get_property;
  object_class->set_property = dossier_highlights_panel_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, DOSSIER_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAG_ID] =
    g_param_spec_int64 ("tag-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[HIGHLIGHT_ACTIVATED] =
    g_signal_new ("highlight-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-highlights-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightsPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightsPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightsPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightsPanel, empty_page);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "highlightspanel");
}

static void
dossier_highlights_panel_init (DossierHighlightsPanel *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (DOSSIER_TYPE_HIGHLIGHT);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_card_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_card_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (activate_cb), self, 0);

  update_header (self);
}

GtkWidget *
dossier_highlights_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_HIGHLIGHTS_PANEL, NULL);
}
