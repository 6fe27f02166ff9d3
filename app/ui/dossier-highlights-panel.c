/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-highlights-panel.c — the "Highlights" panel of the right sidebar.
 *
 * The list follows the project's live model of what is shown (a
 * document's highlights, or a tag's across documents), which the core
 * keeps in step with exact items-changed after every action, undo and
 * redo: tagging a passage adds one card, editing a memo replaces one, and
 * the other cards and the scroll position stay as they are. On screen the
 * panel replays those changes into its own copy after the frame that
 * shows the change in the document, so tagging is repainted first and the
 * card follows in the next frame. The live model leaves out orphaned
 * highlights (their offsets are stale); the panel lists those after it,
 * from a small store of its own, through a flatten model. Tag
 * chips are bound to the project's live DossierTag objects, so renames and
 * recolours show up without any item changing.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-highlight-card.h"
#include "dossier-highlights-panel.h"
#include "dossier-ui-utils.h"

struct _DossierHighlightsPanel
{
  DossierPanel    parent_instance;

  /* template */
  GtkWidget      *box;
  GtkButton      *back_button;
  GtkLabel       *title_label;
  GtkLabel       *count_label;
  GtkStack       *stack;
  GtkListView    *list_view;
  AdwStatusPage  *empty_page;

  GSignalGroup   *project_signals;
  GSignalGroup   *tags_signals;
  GSignalGroup   *documents_signals;
  gint64          document_id;
  gint64          tag_id;

  GListModel     *live;          /* the project's live list shown, or NULL */
  gulong          live_handler;
  GListStore     *shown;         /* of DossierHighlight: live, once replayed */
  GPtrArray      *pending;       /* of Change: live's changes to replay */
  GListStore     *orphans;       /* of DossierHighlight, listed after it */
  GListStore     *parts;         /* of GListModel: shown, orphans */
  GListModel     *model;         /* parts flattened: what the list shows */

  guint           reload_source;
  /* Waiting for the frame after which to reload (see reload_after_frame). */
  GdkFrameClock  *frame_clock;
  gulong          after_paint_handler;

  /* what the header follows, to retitle on rename */
  GObject        *subject;
  gulong          subject_handler;

  /* What the cards say a passage is evidence for: read again when this
   * sum of the stakeholders' and arguments' names and counts changes. */
  guint           evidence_source;
  guint           evidence_hash;
  gboolean        updating_evidence;  /* bind_row: read it again */
};

G_DEFINE_FINAL_TYPE (DossierHighlightsPanel, dossier_highlights_panel, DOSSIER_TYPE_PANEL)

enum {
  PROP_0,
  PROP_DOCUMENT_ID,
  PROP_TAG_ID,
  N_PROPS
};

enum {
  HIGHLIGHT_ACTIVATED,
  LEAVE_TAG,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define PROJECT(self) dossier_panel_get_project (DOSSIER_PANEL (self))

/* The reload's idle comes before the text view's layout of the lines off
 * screen (GTK's priority 125), not after it: a document of one 50 MB
 * paragraph is a minute of that, during which the panel said "No
 * Highlights". After redraw (120): frames still come first. */
#define RELOAD_PRIORITY (GDK_PRIORITY_REDRAW + 3)

/* ---- header ------------------------------------------------------------------ */

static guint
count_documents (GListModel *model)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierHighlight) highlight = g_list_model_get_item (model, i);
      gint64 id = dossier_highlight_get_document_id (highlight);

      if (!g_hash_table_contains (seen, &id))
        g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
    }

  return g_hash_table_size (seen);
}

static void
update_header (DossierHighlightsPanel *self)
{
  guint n = g_list_model_get_n_items (self->model);
  DossierTag *tag = NULL;
  DossierDocument *document = NULL;
  g_autofree char *count = NULL;

  if (PROJECT (self) != NULL && self->tag_id != 0)
    tag = dossier_project_get_tag (PROJECT (self), self->tag_id);
  else if (PROJECT (self) != NULL && self->document_id != 0)
    document = dossier_project_get_document (PROJECT (self), self->document_id);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), tag != NULL);
  if (tag != NULL)
    {
      g_autofree char *documents = NULL;
      guint n_documents = count_documents (self->model);

      g_auto(GStrv) parts = g_strsplit (dossier_tag_get_path (tag), "/", -1);
      g_autofree char *title = g_strjoinv (" › ", parts);

      dossier_label_set_shown (self->title_label, title);
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
      dossier_label_set_shown (self->title_label, dossier_document_get_title (document));
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
      /* The description is markup. */
      g_autofree char *name = dossier_shown_text (dossier_tag_get_name (tag));
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      g_autofree char *description = g_strdup_printf (_("No passage is tagged “%s” yet."), escaped);

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

/* The header's back button: whoever chose the tag (the codebook) lets it go. */
static void
back_clicked_cb (DossierHighlightsPanel *self)
{
  g_signal_emit (self, signals[LEAVE_TAG], 0);
  /* The button went with the tag: the focus goes on to the cards in its
   * place (with none, it stays where the window put it). */
  if (self->tag_id == 0 && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Follows the title of what is listed (a tag's path, a document's title). */
static void
follow_subject (DossierHighlightsPanel *self)
{
  GObject *subject = NULL;
  const char *property = NULL;

  if (PROJECT (self) != NULL && self->tag_id != 0)
    {
      subject = G_OBJECT (dossier_project_get_tag (PROJECT (self), self->tag_id));
      property = "notify::path";
    }
  else if (PROJECT (self) != NULL && self->document_id != 0)
    {
      subject = G_OBJECT (dossier_project_get_document (PROJECT (self), self->document_id));
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

/* ---- listing ----------------------------------------------------------------- */

/* Orphaned highlights are read one by one, as new objects each time: the
 * same highlight is one whose every field is. */
static gboolean
same_highlight (gconstpointer highlight_a,
                gconstpointer highlight_b)
{
  DossierHighlight *a = (DossierHighlight *) highlight_a;
  DossierHighlight *b = (DossierHighlight *) highlight_b;
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

/* The core lists orphaned highlights apart (their offsets are stale); the
 * panel shows them after the others, marked, so none is lost from view.
 * They are few, and change only when a document's text is replaced or one
 * of them is edited: listing them again after a change costs one query. */
static void
update_orphans (DossierHighlightsPanel *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id = self->tag_id != 0 ? 0 : self->document_id;

  if (self->live != NULL)
    ids = dossier_project_list_orphans (PROJECT (self), document_id, &error);
  if (error != NULL)
    g_warning ("Could not list orphaned highlights: %s", error->message);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autoptr(DossierHighlight) highlight =
        dossier_project_get_highlight (PROJECT (self), g_array_index (ids, gint64, i), NULL);
      gboolean keep = self->tag_id == 0;
      const gint64 *tag_ids;
      guint n_tags;

      if (highlight == NULL)
        continue;

      tag_ids = dossier_highlight_get_tag_ids (highlight, &n_tags);
      for (guint j = 0; j < n_tags && !keep; j++)
        keep = dossier_project_tag_is_within (PROJECT (self), tag_ids[j], self->tag_id);

      if (keep)
        g_ptr_array_add (items, g_steal_pointer (&highlight));
    }

  dossier_list_store_reconcile (self->orphans, items, same_highlight);
}

/* One items-changed of the live list, with the items it added. */
typedef struct
{
  guint      position;
  guint      removed;
  GPtrArray *added;
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_ptr_array_unref (change->added);
  g_free (change);
}

/* Replays the live list's changes, in order, one items-changed each. */
static void
replay_changes (DossierHighlightsPanel *self)
{
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_ptr_array_new_with_free_func (change_free);
  for (guint i = 0; i < pending->len; i++)
    {
      Change *change = g_ptr_array_index (pending, i);

      g_list_store_splice (self->shown, change->position, change->removed,
                           change->added->pdata, change->added->len);
    }
}

static void reload_after_frame (DossierHighlightsPanel *self);

static void
live_changed_cb (GListModel             *live,
                 guint                   position,
                 guint                   removed,
                 guint                   added,
                 DossierHighlightsPanel *self)
{
  Change *change = g_new0 (Change, 1);

  change->position = position;
  change->removed = removed;
  change->added = g_ptr_array_new_full (added, g_object_unref);
  for (guint i = 0; i < added; i++)
    g_ptr_array_add (change->added, g_list_model_get_item (live, position + i));
  g_ptr_array_add (self->pending, change);

  reload_after_frame (self);
}

/* Shows @live (NULL: nothing but orphans) in place of the list shown. */
static void
set_live (DossierHighlightsPanel *self,
          GListModel             *live)
{
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  if (live == self->live)
    {
      replay_changes (self);
      return;
    }

  if (self->live != NULL)
    g_clear_signal_handler (&self->live_handler, self->live);
  g_ptr_array_set_size (self->pending, 0);
  g_set_object (&self->live, live);

  n = live != NULL ? g_list_model_get_n_items (live) : 0;
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (live, i));
  g_list_store_splice (self->shown, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shown)),
                       items->pdata, items->len);

  if (live != NULL)
    self->live_handler = g_signal_connect (live, "items-changed", G_CALLBACK (live_changed_cb), self);
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

/* Takes the project's live list of what is to be shown (the same object
 * while it lives: then nothing changes) and the orphans that go with it. */
static void
reload (DossierHighlightsPanel *self)
{
  g_autoptr(GListModel) live = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  stop_waiting_for_frame (self);

  follow_subject (self);

  if (PROJECT (self) != NULL && self->tag_id != 0 &&
      dossier_project_get_tag (PROJECT (self), self->tag_id) != NULL)
    live = dossier_project_get_tag_highlights (PROJECT (self), self->tag_id, &error);
  else if (PROJECT (self) != NULL && self->tag_id == 0 && self->document_id != 0 &&
           dossier_project_get_document (PROJECT (self), self->document_id) != NULL)
    live = dossier_project_get_highlights (PROJECT (self), self->document_id, &error);

  /* A file moved or overwritten under the project refuses every read: the
   * window says so at the next action, so this is no fault of ours. */
  if (error != NULL &&
      (g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_MOVED) ||
       g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_REPLACED)))
    g_debug ("Could not list highlights: %s", error->message);
  else if (error != NULL)
    g_warning ("Could not list highlights: %s", error->message);

  set_live (self, live);
  update_orphans (self);
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
    self->reload_source = g_idle_add_full (RELOAD_PRIORITY, reload_idle_cb, self, NULL);
}

/* A document just opened is laid out and painted first; on screen, the
 * panel waits for that frame before making the cards for its highlights.
 * Off screen, nobody waits for a frame: at once. */
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

static void
highlights_changed_cb (DossierHighlightsPanel *self,
                       gint64                  document_id,
                       DossierProject         *project)
{
  /* The live list's changes are queued already; orphans are listed again
   * with them, after the frame. */
  if (self->live != NULL &&
      (self->tag_id != 0 || document_id == self->document_id || document_id == 0))
    reload_after_frame (self);
}

static void
model_changed_cb (DossierHighlightsPanel *self)
{
  /* A deleted document or tag (its list goes), or one back by undo. Once
   * the change is over: reloading is cheap when nothing went. */
  if (self->reload_source == 0 && self->frame_clock == NULL)
    self->reload_source = g_idle_add_full (RELOAD_PRIORITY, reload_idle_cb, self, NULL);
}

static void
items_changed_cb (DossierHighlightsPanel *self)
{
  update_header (self);
}

/* ---- cards ----------------------------------------------------------------- */

/* What the cards' evidence captions are made of: who and what cites
 * passages (the counts), by name, statement and side. */
static guint
hash_evidence_owners (DossierProject *project)
{
  GListModel *stakeholders = dossier_project_get_stakeholders (project);
  GListModel *arguments = dossier_project_get_arguments (project);
  guint hash = 17;

  for (guint i = 0; i < g_list_model_get_n_items (stakeholders); i++)
    {
      g_autoptr(DossierStakeholder) s = g_list_model_get_item (stakeholders, i);

      hash = hash * 31 + (guint) dossier_stakeholder_get_id (s);
      hash = hash * 31 + dossier_stakeholder_get_n_evidence (s);
      hash = hash * 31 + g_str_hash (dossier_stakeholder_get_name (s));
    }
  for (guint i = 0; i < g_list_model_get_n_items (arguments); i++)
    {
      g_autoptr(DossierArgument) a = g_list_model_get_item (arguments, i);

      hash = hash * 31 + (guint) dossier_argument_get_id (a);
      hash = hash * 31 + dossier_argument_get_n_evidence (a);
      hash = hash * 31 + dossier_argument_get_polarity (a);
      hash = hash * 31 + g_str_hash (dossier_argument_get_statement (a));
    }
  return hash;
}

static gboolean
update_evidence_cb (gpointer data)
{
  DossierHighlightsPanel *self = data;
  guint hash;

  self->evidence_source = 0;
  if (PROJECT (self) == NULL)
    return G_SOURCE_REMOVE;
  hash = hash_evidence_owners (PROJECT (self));
  if (hash == self->evidence_hash)
    return G_SOURCE_REMOVE;

  self->evidence_hash = hash;
  self->updating_evidence = TRUE;
  dossier_panel_update_rows (DOSSIER_PANEL (self));
  self->updating_evidence = FALSE;
  return G_SOURCE_REMOVE;
}

/* After every action, undo and redo (evidence added or removed, a
 * stakeholder renamed…), once the project's models have caught up. */
static void
undo_step_cb (DossierHighlightsPanel *self)
{
  if (self->evidence_source == 0)
    self->evidence_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, update_evidence_cb, self, NULL);
}

static void
dossier_highlights_panel_bind_row (DossierPanel *panel,
                                   DossierRow   *row)
{
  DossierHighlightsPanel *self = DOSSIER_HIGHLIGHTS_PANEL (panel);

  if (!DOSSIER_IS_HIGHLIGHT_CARD (row))
    return;

  dossier_highlight_card_set_project (DOSSIER_HIGHLIGHT_CARD (row), dossier_panel_get_project (panel));
  /* A tag's highlights span documents: each card names its own. */
  dossier_highlight_card_set_show_document (DOSSIER_HIGHLIGHT_CARD (row), self->tag_id != 0);
  dossier_highlight_card_set_show_evidence (DOSSIER_HIGHLIGHT_CARD (row), TRUE);
  if (self->updating_evidence)
    dossier_highlight_card_update_evidence (DOSSIER_HIGHLIGHT_CARD (row));
}

static void
activate_cb (GtkListView            *list_view,
             guint                   position,
             DossierHighlightsPanel *self)
{
  g_autoptr(DossierHighlight) highlight = g_list_model_get_item (self->model, position);

  if (highlight == NULL)
    return;

  g_signal_emit (self, signals[HIGHLIGHT_ACTIVATED], 0,
                 dossier_highlight_get_document_id (highlight),
                 dossier_highlight_get_id (highlight));
}

/* ---- properties -------------------------------------------------------------- */

static void
dossier_highlights_panel_project_changed (DossierPanel *panel)
{
  DossierHighlightsPanel *self = DOSSIER_HIGHLIGHTS_PANEL (panel);
  DossierProject *project = dossier_panel_get_project (panel);

  /* Cards of the old project go first: their chips follow its tags. */
  set_live (self, NULL);
  g_list_store_remove_all (self->orphans);
  dossier_panel_update_rows (panel);

  g_signal_group_set_target (self->project_signals, project);
  self->evidence_hash = project != NULL ? hash_evidence_owners (project) : 0;
  g_signal_group_set_target (self->tags_signals, project ? dossier_project_get_tags (project) : NULL);
  g_signal_group_set_target (self->documents_signals,
                             project ? dossier_project_get_documents (project) : NULL);

  reload (self);
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
    {
      stop_waiting_for_frame (self);
      set_live (self, NULL);
      g_list_store_remove_all (self->orphans);
    }
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
  /* A new list; cards switch between naming their document or not. */
  set_live (self, NULL);
  g_list_store_remove_all (self->orphans);
  dossier_panel_update_rows (DOSSIER_PANEL (self));
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG_ID]);
}

GListModel *
dossier_highlights_panel_get_model (DossierHighlightsPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHTS_PANEL (self), NULL);

  return self->model;
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
  g_clear_object (&self->project_signals);
  g_clear_object (&self->tags_signals);
  g_clear_object (&self->documents_signals);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->evidence_source, g_source_remove);
  stop_waiting_for_frame (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_HIGHLIGHTS_PANEL);

  g_clear_object (&self->model);
  g_clear_object (&self->parts);
  g_clear_object (&self->orphans);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  if (self->live != NULL)
    g_clear_signal_handler (&self->live_handler, self->live);
  g_clear_object (&self->live);

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
  DossierPanelClass *panel_class = DOSSIER_PANEL_CLASS (klass);

  object_class->dispose = dossier_highlights_panel_dispose;
  object_class->get_property = dossier_highlights_panel_get_property;
  object_class->set_property = dossier_highlights_panel_set_property;
  panel_class->project_changed = dossier_highlights_panel_project_changed;
  panel_class->bind_row = dossier_highlights_panel_bind_row;

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
  /* The user asks for the document's highlights instead of the tag's. */
  signals[LEAVE_TAG] =
    g_signal_new ("leave-tag",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (DOSSIER_TYPE_HIGHLIGHT_CARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-highlights-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightsPanel, back_button);
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightsPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightsPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightsPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierHighlightsPanel, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "highlightspanel");
}

static void
dossier_highlights_panel_init (DossierHighlightsPanel *self)
{
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->orphans = g_list_store_new (DOSSIER_TYPE_HIGHLIGHT);
  self->shown = g_list_store_new (DOSSIER_TYPE_HIGHLIGHT);
  self->pending = g_ptr_array_new_with_free_func (change_free);
  self->parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->parts, self->shown);
  g_list_store_append (self->parts, self->orphans);
  self->model = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->parts))));
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->project_signals = g_signal_group_new (DOSSIER_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "highlights-changed",
                                 G_CALLBACK (highlights_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::undo-step",
                                 G_CALLBACK (undo_step_cb), self, G_CONNECT_SWAPPED);
  /* A deleted document or tag, or a tag list change under a tag view. */
  self->tags_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->tags_signals, "items-changed",
                                 G_CALLBACK (model_changed_cb), self, G_CONNECT_SWAPPED);
  self->documents_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->documents_signals, "items-changed",
                                 G_CALLBACK (model_changed_cb), self, G_CONNECT_SWAPPED);

  selection = gtk_no_selection_new (g_object_ref (self->model));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (activate_cb), self, 0);
  /* Menu and Shift+F10 on a card: its menu (the Keyboard Shortcuts
   * window promises the Menu key for a highlight). */
  dossier_panel_add_menu_keys (DOSSIER_PANEL (self), GTK_WIDGET (self->list_view));

  update_header (self);
}

GtkWidget *
dossier_highlights_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_HIGHLIGHTS_PANEL, NULL);
}
