/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-reader-page.c — the reading page: shows one document of the
 * project, paints its highlights as spans of the document view (spliced
 * as the project's live list of them announces, whoever changed them),
 * places the "Tag…" button by the selection and binds the keys of the
 * text (1–9, Delete, the menu key).
 *
 * The reader.* actions, the tag picker and the highlight menu live in
 * dossier-reader-page-actions.c; both share dossier-reader-page-private.h. */
#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-codebook-panel.h"
#include "dossier-coding-stripes.h"
#include "dossier-reader-page-private.h"
#include "dossier-ui-utils.h"

G_DEFINE_FINAL_TYPE (DossierReaderPage, dossier_reader_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_DOCUMENT_ID,
  PROP_SHOW_MENTIONS,
  PROP_WHOLE_WORDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How a tag paints: its colour parsed once, its name ready for labels and
 * tooltips. Rebuilt only when the codebook changes, so that repainting a
 * document's highlights costs one pass over them. */
typedef struct
{
  GdkRGBA  color;
  char    *name;
  char    *markup_name;
} TagStyle;

static void
tag_style_free (gpointer data)
{
  TagStyle *style = data;

  g_free (style->name);
  g_free (style->markup_name);
  g_free (style);
}

static void
schedule_respan (DossierReaderPage *self);
static void
stop_aiming (DossierReaderPage *self);
static void
start_aiming (DossierReaderPage *self,
              DossierReaderAim   aim);

/* ---- Tag styles --------------------------------------------------------- */

static void
on_tag_notify (DossierReaderPage *self,
               GParamSpec        *pspec,
               DossierTag        *tag)
{
  if (g_strcmp0 (pspec->name, "color") != 0 && g_strcmp0 (pspec->name, "name") != 0)
    return;

  self->tag_styles_valid = FALSE;
  schedule_respan (self);
}

static void
watch_tags (DossierReaderPage *self,
            GListModel        *tags,
            guint              position,
            guint              n_items)
{
  for (guint i = position; i < position + n_items; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);

      /* A tag moved in the tree comes back as the same object: connect once. */
      if (g_signal_handler_find (tag, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                                 0, 0, NULL, on_tag_notify, self) == 0)
        g_signal_connect_object (tag, "notify", G_CALLBACK (on_tag_notify), self,
                                 G_CONNECT_SWAPPED);
    }
}

static void
on_tags_items_changed (DossierReaderPage *self,
                       guint              position,
                       guint              removed,
                       guint              added,
                       GListModel        *tags)
{
  watch_tags (self, tags, position, added);
  self->tag_styles_valid = FALSE;
  schedule_respan (self);
  _dossier_reader_page_update_actions (self);
}

static void
ensure_tag_styles (DossierReaderPage *self)
{
  GListModel *tags;
  guint n;

  if (self->tag_styles_valid)
    return;

  g_hash_table_remove_all (self->tag_styles);
  self->tag_styles_valid = TRUE;
  if (self->project == NULL)
    return;

  tags = dossier_project_get_tags (self->project);
  n = g_list_model_get_n_items (tags);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);
      TagStyle *style = g_new0 (TagStyle, 1);

      if (!gdk_rgba_parse (&style->color, dossier_tag_get_color (tag)))
        style->color = (GdkRGBA) { 0.6, 0.6, 0.6, 1.0 };
      style->name = g_strdup (dossier_tag_get_name (tag));
      style->markup_name = g_markup_escape_text (style->name, -1);
      g_hash_table_insert (self->tag_styles, GSIZE_TO_POINTER ((gsize) dossier_tag_get_id (tag)), style);
    }
}

static TagStyle *
lookup_tag_style (DossierReaderPage *self,
                  gint64             tag_id)
{
  return g_hash_table_lookup (self->tag_styles, GSIZE_TO_POINTER ((gsize) tag_id));
}

/* ---- Highlights → spans of the view --------------------------------------- */

/* Memos can be long; the tooltip shows their beginning. */
#define TOOLTIP_MEMO_CHARS 280

/* Fills @span from @hl: colour of its first tag (and of the others, for
 * the text's bands), tag names as label, tags and the memo's beginning as
 * tooltip markup; strings go to @chunk. */
static void
fill_span (DossierReaderPage    *self,
           DossierHighlight     *hl,
           DossierViewHighlight *span,
           GStringChunk         *chunk,
           GString              *label,
           GString              *tooltip)
{
  const gint64 *tag_ids;
  const char *memo;
  guint n_tags = 0;

  tag_ids = dossier_highlight_get_tag_ids (hl, &n_tags);
  g_string_truncate (label, 0);
  g_string_assign (tooltip, "<b>");
  *span = (DossierViewHighlight) { 0 };
  span->color = (GdkRGBA) { 0.6, 0.6, 0.6, 1.0 };

  for (guint t = 0; t < n_tags; t++)
    {
      TagStyle *style = lookup_tag_style (self, tag_ids[t]);

      if (style == NULL)
        continue;
      if (label->len > 0)
        {
          g_string_append (label, ", ");
          g_string_append (tooltip, ", ");
          if (span->n_more_colors < DOSSIER_VIEW_MORE_COLORS)
            span->more_colors[span->n_more_colors++] = style->color;
        }
      else
        span->color = style->color;
      g_string_append (label, style->name);
      g_string_append (tooltip, style->markup_name);
    }
  g_string_append (tooltip, "</b>");

  memo = dossier_highlight_get_memo (hl);
  if (memo != NULL && memo[0] != '\0')
    {
      g_autofree char *escaped = NULL;
      const char *cut = memo;
      guint k;

      for (k = 0; k < TOOLTIP_MEMO_CHARS && *cut != '\0'; k++)
        cut = g_utf8_next_char (cut);
      escaped = g_markup_escape_text (memo, cut - memo);
      g_string_append_c (tooltip, '\n');
      g_string_append (tooltip, escaped);
      if (*cut != '\0')
        g_string_append (tooltip, "…");
    }

  span->id = dossier_highlight_get_id (hl);
  span->start = dossier_highlight_get_start (hl);
  span->end = dossier_highlight_get_end (hl);
  span->label = g_string_chunk_insert_len (chunk, label->str, label->len);
  span->tooltip = g_string_chunk_insert_len (chunk, tooltip->str, tooltip->len);
}

/* ---- Mentions ------------------------------------------------------------------ */

#define MENTION_TAG "dossier-unreviewed-mention"

/* The mentions that no span overlaps: a span [s, e) overlaps
 * [m.start, m.end) when s < m.end and e > m.start, so with the spans by
 * start, the longest reach of those starting before m.end says. */
static GArray *
unreviewed_mentions (DossierReaderPage *self,
                     GArray            *mentions)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (DossierTextRange), mentions->len);
  g_autoptr(GArray) spans = g_array_sized_new (FALSE, FALSE, sizeof (DossierTextRange), self->spans->len);
  g_autofree gint64 *reach = g_new (gint64, MAX (self->spans->len, 1));

  for (guint k = 0; k < self->spans->len; k++)
    {
      const DossierReaderSpan *span = &g_array_index (self->spans, DossierReaderSpan, k);
      DossierTextRange r = { span->start, span->end };

      g_array_append_val (spans, r);
    }
  g_array_sort (spans, dossier_text_range_compare);
  for (guint k = 0; k < spans->len; k++)
    reach[k] = MAX (k > 0 ? reach[k - 1] : G_MININT64, g_array_index (spans, DossierTextRange, k).end);

  for (guint i = 0; i < mentions->len; i++)
    {
      const DossierMention *m = &g_array_index (mentions, DossierMention, i);
      DossierTextRange r = { m->start, m->end };
      guint lo = 0, hi = spans->len;

      /* How many spans start before the mention ends. */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (g_array_index (spans, DossierTextRange, mid).start < m->end)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (m->start < m->end && (lo == 0 || reach[lo - 1] <= m->start))
        g_array_append_val (out, r);
    }
  return out;
}

/* Underlines the stakeholders' mentions in the document on show that no
 * highlight overlaps yet (what "Unreviewed mentions" lists), or none.
 * Only what changes is tagged or untagged (an underline has GTK lay the
 * lines of each range out again). */
static void
underline_mentions (DossierReaderPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_document_view_get_text_view (self->document_view));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), MENTION_TAG);
  g_autoptr(GArray) mentions = NULL;
  g_autoptr(GArray) want = NULL;
  g_autoptr(GError) error = NULL;

  if (tag == NULL)
    /* Subtle: a thin line in the text's own colour, half as strong. */
    tag = gtk_text_buffer_create_tag (buffer, MENTION_TAG,
                                      "underline", PANGO_UNDERLINE_SINGLE,
                                      "underline-rgba", &(GdkRGBA) { 0.5, 0.5, 0.5, 0.9 },
                                      NULL);

  if (self->show_mentions && self->project != NULL && self->document_id != 0)
    {
      mentions = dossier_project_list_mentions (self->project, self->document_id, 0, &error);
      if (mentions == NULL)
        g_message ("Could not underline the mentions: %s", error->message);
    }
  want = mentions != NULL ? unreviewed_mentions (self, mentions)
                          : g_array_new (FALSE, FALSE, sizeof (DossierTextRange));
  dossier_text_buffer_set_tag_ranges (buffer, tag, want);
}

static gboolean
mentions_idle (gpointer data)
{
  DossierReaderPage *self = data;

  self->mentions_idle_id = 0;
  underline_mentions (self);
  return G_SOURCE_REMOVE;
}

/* After the spans or the stakeholders change: once, when the reader is
 * idle (nothing of it while the toggle is off). */
static void
queue_mentions (DossierReaderPage *self)
{
  if (self->show_mentions && self->mentions_idle_id == 0)
    self->mentions_idle_id = g_idle_add (mentions_idle, self);
}

gboolean
dossier_reader_page_get_show_mentions (DossierReaderPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), FALSE);

  return self->show_mentions;
}

void
dossier_reader_page_set_show_mentions (DossierReaderPage *self,
                                       gboolean           show)
{
  g_return_if_fail (DOSSIER_IS_READER_PAGE (self));

  show = !!show;
  if (self->show_mentions == show)
    return;
  self->show_mentions = show;
  g_clear_handle_id (&self->mentions_idle_id, g_source_remove);
  underline_mentions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_MENTIONS]);
}

static void
index_span (DossierReaderPage       *self,
            const DossierReaderSpan *span)
{
  g_hash_table_insert (self->span_lengths, GSIZE_TO_POINTER ((gsize) span->id),
                       GSIZE_TO_POINTER ((gsize) (span->end - span->start)));
}

static void
clear_spans (DossierReaderPage *self)
{
  g_array_set_size (self->spans, 0);
  g_clear_pointer (&self->span_moved, g_hash_table_unref);
}

/* The view's spans for the list's @n items from @position, their strings
 * in @chunk (the view copies both), and the page's own record of each in
 * spans, from @position on. */
static GArray *
make_view_spans (DossierReaderPage *self,
                 guint              position,
                 guint              n,
                 GStringChunk      *chunk)
{
  GArray *view = g_array_sized_new (FALSE, FALSE, sizeof (DossierViewHighlight), n);
  g_autoptr(GString) label = g_string_new (NULL);
  g_autoptr(GString) tooltip = g_string_new (NULL);

  g_array_set_size (view, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierHighlight) hl = g_list_model_get_item (self->highlights, position + i);
      DossierViewHighlight *span = &g_array_index (view, DossierViewHighlight, i);

      fill_span (self, hl, span, chunk, label, tooltip);
      g_array_index (self->spans, DossierReaderSpan, position + i) =
        (DossierReaderSpan) { span->id, span->start, span->end };
    }
  return view;
}

void
_dossier_reader_page_rebuild_highlights (DossierReaderPage *self)
{
  g_autoptr(GArray) view = NULL;
  GStringChunk *chunk = NULL;
  guint n = 0;

  g_clear_handle_id (&self->respan_idle_id, g_source_remove);
  clear_spans (self);

  if (self->highlights != NULL)
    {
      n = g_list_model_get_n_items (self->highlights);
      ensure_tag_styles (self);
      g_array_set_size (self->spans, n);
      chunk = g_string_chunk_new (64 * (gsize) MAX (n, 1));
      view = make_view_spans (self, 0, n, chunk);
    }

  /* Every span to the view, their lengths indexed. */
  g_hash_table_remove_all (self->span_lengths);
  for (guint i = 0; i < n; i++)
    index_span (self, &g_array_index (self->spans, DossierReaderSpan, i));
  dossier_document_view_set_highlights (self->document_view,
                                        view != NULL ? (const DossierViewHighlight *) (gpointer) view->data : NULL,
                                        n);
  if (chunk != NULL)
    g_string_chunk_free (chunk);
  _dossier_reader_page_update_actions (self);
  /* A new highlight reviews the mentions it covers. */
  queue_mentions (self);
}

/* The project changed some of the document's highlights (whoever did:
 * the page's actions, a panel, undo, an import) and says which run of
 * its list: those spans alone are made again. The list is up to date
 * before "highlights-changed", so tagging by a key costs the one run. */
static void
on_highlights_items_changed (DossierReaderPage *self,
                             guint              position,
                             guint              removed,
                             guint              added,
                             GListModel        *list)
{
  g_autoptr(GArray) removed_ids = NULL;
  g_autoptr(GArray) view = NULL;
  GStringChunk *chunk;
  guint len = self->spans->len;

  /* A respan is pending (the codebook changed): it makes them all. */
  if (self->respan_idle_id != 0)
    return;
  if (position + removed > len)
    {
      _dossier_reader_page_rebuild_highlights (self);
      return;
    }

  ensure_tag_styles (self);

  removed_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), removed);
  for (guint i = position; i < position + removed; i++)
    {
      const DossierReaderSpan *span = &g_array_index (self->spans, DossierReaderSpan, i);

      /* A highlight that moved in the list comes back in one run and
       * goes in a later one: the view already has it again. */
      gboolean moved = self->span_moved != NULL
                       && g_hash_table_remove (self->span_moved, GSIZE_TO_POINTER ((gsize) span->id));

      if (!moved)
        {
          g_array_append_val (removed_ids, span->id);
          g_hash_table_remove (self->span_lengths, GSIZE_TO_POINTER ((gsize) span->id));
        }
    }

  if (added != removed)
    {
      if (added > removed)
        g_array_set_size (self->spans, len + added - removed);
      memmove (&g_array_index (self->spans, DossierReaderSpan, position + added),
               &g_array_index (self->spans, DossierReaderSpan, position + removed),
               (len - position - removed) * sizeof (DossierReaderSpan));
      if (added < removed)
        g_array_set_size (self->spans, len + added - removed);
    }
  chunk = g_string_chunk_new (256);
  view = make_view_spans (self, position, added, chunk);
  for (guint i = position; i < position + added; i++)
    {
      const DossierReaderSpan *span = &g_array_index (self->spans, DossierReaderSpan, i);

      /* Still listed elsewhere: it moved, and its old place goes later. */
      if (g_hash_table_contains (self->span_lengths, GSIZE_TO_POINTER ((gsize) span->id)))
        {
          if (self->span_moved == NULL)
            self->span_moved = g_hash_table_new (g_direct_hash, g_direct_equal);
          g_hash_table_add (self->span_moved, GSIZE_TO_POINTER ((gsize) span->id));
          g_array_append_val (removed_ids, span->id);
        }
      index_span (self, span);
    }

  /* The view makes again only what these touch. */
  dossier_document_view_update_highlights (self->document_view,
                                           (const gint64 *) (gpointer) removed_ids->data, removed_ids->len,
                                           (const DossierViewHighlight *) (gpointer) view->data, added);
  g_string_chunk_free (chunk);
  _dossier_reader_page_update_actions (self);
  queue_mentions (self);
}

/* Follows the live list of the document on show (none: no spans). */
static void
watch_highlights (DossierReaderPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->respan_idle_id, g_source_remove);
  g_signal_group_set_target (self->highlights_signals, NULL);
  g_clear_object (&self->highlights);

  if (self->project != NULL && self->document_id != 0)
    {
      self->highlights = dossier_project_get_highlights (self->project, self->document_id, &error);
      if (self->highlights == NULL)
        dossier_report_in_toast (GTK_WIDGET (self), _("Could not show the highlights"), error);
      else
        g_signal_group_set_target (self->highlights_signals, self->highlights);
    }

  _dossier_reader_page_rebuild_highlights (self);
}

static gboolean
respan_idle (gpointer data)
{
  DossierReaderPage *self = data;

  self->respan_idle_id = 0;
  _dossier_reader_page_rebuild_highlights (self);
  return G_SOURCE_REMOVE;
}

/* Codebook edits can come in bursts (a merge renames and recolours many
 * tags), and a rename changes no highlight: repaint once after them. */
static void
schedule_respan (DossierReaderPage *self)
{
  if (self->respan_idle_id == 0 && self->document_id != 0)
    self->respan_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, respan_idle, self, NULL);
}

/* ---- The project's changes ---------------------------------------------------- */

/* The text of @document_id and its blocks, or FALSE with a toast saying
 * why they could not be read. */
static gboolean
read_document_text (DossierReaderPage  *self,
                    gint64              document_id,
                    char              **text,
                    GArray            **blocks)
{
  g_autoptr(GError) error = NULL;

  *text = dossier_project_get_document_text (self->project, document_id, &error);
  *blocks = NULL;
  if (*text != NULL)
    *blocks = dossier_project_get_document_blocks (self->project, document_id, &error);
  if (*text == NULL || *blocks == NULL)
    {
      g_clear_pointer (text, g_free);
      dossier_report_in_toast (GTK_WIDGET (self), _("Could not show the document"), error);
      return FALSE;
    }
  return TRUE;
}

static void
load_document_text (DossierReaderPage *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) blocks = NULL;

  if (!read_document_text (self, self->document_id, &text, &blocks))
    {
      dossier_document_view_set_text (self->document_view, "", NULL, 0);
      return;
    }

  dossier_document_view_set_text (self->document_view, text,
                                  (const DossierBlock *) (gpointer) blocks->data, blocks->len);
}

static void
on_project_document_text_changed (DossierReaderPage *self,
                                  gint64             document_id,
                                  DossierProject    *project)
{
  if (document_id != self->document_id)
    return;

  /* A new text drops the view's spans; the list has the highlights. */
  load_document_text (self);
  _dossier_reader_page_rebuild_highlights (self);
}

/* Showing a long document makes and drops megabytes of temporaries (its
 * text read and parsed, the spans of every highlight, the panels' lists)
 * that glibc keeps in the heap, resident, for the next time: once all is
 * shown (nothing else to do), they go back to the system. */
static gboolean
trim_idle (gpointer data)
{
  DossierReaderPage *self = data;

  self->trim_idle_id = 0;
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

/* The byline under the title, from the document's details ("Jane Roe ·
 * The Harbour Gazette · 3 Mar 2026" and its address): none without any. */
static void
update_byline (DossierReaderPage *self)
{
  DossierDocument *doc = g_signal_group_dup_target (self->document_signals);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *byline = NULL;
  const char *author, *outlet;
  char *date;

  if (doc == NULL)
    {
      dossier_document_view_set_byline (self->document_view, NULL, NULL);
      return;
    }

  author = dossier_document_get_author (doc);
  outlet = dossier_document_get_outlet (doc);
  date = dossier_format_iso_day (dossier_document_get_published (doc));
  if (author != NULL && author[0] != '\0')
    g_ptr_array_add (parts, g_strdup (author));
  if (outlet != NULL && outlet[0] != '\0')
    g_ptr_array_add (parts, g_strdup (outlet));
  if (date != NULL)
    {
      /* (a date is not cut across lines: "12 Mar 2025" whole) */
      g_auto(GStrv) words = g_strsplit (date, " ", -1);

      g_ptr_array_add (parts, g_strjoinv ("\u00a0", words));
      g_free (date);
    }
  g_ptr_array_add (parts, NULL);
  /* Translators: between the author, the outlet and the date under a
   * document's title */
  byline = g_strjoinv (_(" · "), (char **) parts->pdata);
  dossier_document_view_set_byline (self->document_view, byline, dossier_document_get_source (doc));
  g_object_unref (doc);
}

/* ---- Project and document -------------------------------------------------------- */

DossierProject *
dossier_reader_page_get_project (DossierReaderPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), NULL);

  return self->project;
}

void
dossier_reader_page_set_project (DossierReaderPage *self,
                                 DossierProject    *project)
{
  g_return_if_fail (DOSSIER_IS_READER_PAGE (self));
  g_return_if_fail (project == NULL || DOSSIER_IS_PROJECT (project));

  if (project == self->project)
    return;

  if (self->tag_picker != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->tag_picker));
  if (self->highlight_menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->highlight_menu));
  if (self->evidence_picker != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->evidence_picker));

  /* Nothing of the old project's is shown any more, before it goes. */
  dossier_reader_page_set_document_id (self, 0);

  g_set_object (&self->project, project);
  self->tag_styles_valid = FALSE;
  g_signal_group_set_target (self->project_signals, project);
  g_signal_group_set_target (self->tags_signals, project ? dossier_project_get_tags (project) : NULL);
  if (project != NULL)
    {
      GListModel *tags = dossier_project_get_tags (project);

      watch_tags (self, tags, 0, g_list_model_get_n_items (tags));
    }
  if (self->tag_picker != NULL)
    g_object_set (self->tag_picker, "project", project, NULL);
  if (self->evidence_picker != NULL)
    g_object_set (self->evidence_picker, "project", project, NULL);

  _dossier_reader_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gint64
dossier_reader_page_get_document_id (DossierReaderPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), 0);

  return self->document_id;
}

/* Shows the document or the empty page. The stack is homogeneous, so GTK
 * takes a switch for a new allocation of the stack alone: the next layout
 * walks down to it through the centre's stacks without allocating them.
 * The text view of the page now shown lays its new text out in that
 * allocation and asks for a resize from there, which GTK 4.8 marks on
 * those stacks and never clears: the centre was not drawn again ("Trying
 * to snapshot GtkStack … without a current allocation") and the reader
 * stayed empty until the window was resized. Queued as a resize, the
 * switch has each of them allocated in full, and what the text view's
 * request marks is cleared as each allocation ends. */
static void
show_stack_page (DossierReaderPage *self,
                 const char        *name)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), name) == 0)
    return;
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_queue_resize (GTK_WIDGET (self->stack));
}

void
dossier_reader_page_set_document_id (DossierReaderPage *self,
                                     gint64             document_id)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) blocks = NULL;

  g_return_if_fail (DOSSIER_IS_READER_PAGE (self));

  if (self->project == NULL)
    document_id = 0;
  else if (document_id != 0 && dossier_project_get_document (self->project, document_id) == NULL)
    document_id = 0;

  if (document_id == self->document_id && document_id != 0)
    return;

  /* Read before anything changes: a document that cannot be read (a
   * project file overwritten or moved under it refuses every read) leaves
   * the one on show, which the user was reading, as it is; the toast
   * says why, with Reopen. */
  if (document_id != 0 && !read_document_text (self, document_id, &text, &blocks))
    return;

  self->document_id = document_id;
  g_signal_group_set_target (self->document_signals,
                             document_id != 0 ? dossier_project_get_document (self->project, document_id)
                                              : NULL);
  self->tagged_start = self->tagged_end = -1;
  stop_aiming (self);
  self->place_offset = 0;
  self->place_value = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->tag_selection_button), FALSE);

  if (document_id == 0)
    {
      dossier_document_view_set_text (self->document_view, "", NULL, 0);
      watch_highlights (self);
      show_stack_page (self, "no-document");
    }
  else
    {
      dossier_document_view_set_text (self->document_view, text,
                                      (const DossierBlock *) (gpointer) blocks->data, blocks->len);
      watch_highlights (self);
      show_stack_page (self, "document");
    }
  update_byline (self);

  _dossier_reader_page_update_actions (self);
  if (self->trim_idle_id == 0)
    self->trim_idle_id = g_idle_add_full (G_PRIORITY_LOW, trim_idle, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

gboolean
dossier_reader_page_get_whole_words (DossierReaderPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), FALSE);

  return self->whole_words;
}

void
dossier_reader_page_set_whole_words (DossierReaderPage *self,
                                     gboolean           whole_words)
{
  g_return_if_fail (DOSSIER_IS_READER_PAGE (self));

  whole_words = !!whole_words;
  if (self->whole_words == whole_words)
    return;
  self->whole_words = whole_words;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHOLE_WORDS]);
}

/* Narrows [@start, @end) to leave out the line breaks at its ends, with
 * the spaces beside them, when it holds a letter or a digit: a paragraph
 * selected with the keyboard (Shift+Ctrl+Down) or by dragging past its
 * end takes the line break after it, which then ended the quote, its card
 * and its exports. A space alone stays (a selection that touches a
 * highlight across it merges with it), as do spaces and punctuation
 * selected alone. */
static void
trim_line_breaks (GtkTextIter *start,
                  GtkTextIter *end)
{
  GtkTextIter s = *start, e = *end;
  GtkTextIter iter;
  gboolean line_break = FALSE;

  for (iter = s; gtk_text_iter_compare (&iter, &e) < 0; gtk_text_iter_forward_char (&iter))
    if (g_unichar_isalnum (gtk_text_iter_get_char (&iter)))
      break;
  if (gtk_text_iter_equal (&iter, &e))
    return;

  for (iter = s; g_unichar_isspace (gtk_text_iter_get_char (&iter)); gtk_text_iter_forward_char (&iter))
    line_break |= gtk_text_iter_get_char (&iter) == '\n';
  if (line_break)
    *start = iter;

  line_break = FALSE;
  for (iter = e; gtk_text_iter_compare (&iter, start) > 0; )
    {
      GtkTextIter before = iter;

      gtk_text_iter_backward_char (&before);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&before)))
        break;
      line_break |= gtk_text_iter_get_char (&before) == '\n';
      iter = before;
    }
  if (line_break)
    *end = iter;
}

/* The selection's bounds, and the range tagging or citing it takes. */
static gboolean
get_tag_range (DossierReaderPage *self,
               GtkTextIter       *selection_start,
               GtkTextIter       *selection_end,
               GtkTextIter       *start,
               GtkTextIter       *end)
{
  GtkTextBuffer *buffer;

  if (self->project == NULL || self->document_id == 0)
    return FALSE;
  buffer = gtk_text_view_get_buffer (dossier_document_view_get_text_view (self->document_view));
  if (!gtk_text_buffer_get_selection_bounds (buffer, selection_start, selection_end))
    return FALSE;
  *start = *selection_start;
  *end = *selection_end;
  if (self->whole_words)
    dossier_text_iter_extend_to_words (start, end);
  trim_line_breaks (start, end);
  return TRUE;
}

gboolean
dossier_reader_page_get_tag_range (DossierReaderPage *self,
                                   gint64            *start,
                                   gint64            *end)
{
  GtkTextIter selection_start, selection_end, s, e;

  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), FALSE);

  if (!get_tag_range (self, &selection_start, &selection_end, &s, &e))
    return FALSE;
  if (start != NULL)
    *start = gtk_text_iter_get_offset (&s);
  if (end != NULL)
    *end = gtk_text_iter_get_offset (&e);
  return TRUE;
}

void
dossier_reader_page_note_cited (DossierReaderPage *self,
                                gint64             document_id,
                                gint64             start,
                                gint64             end)
{
  g_return_if_fail (DOSSIER_IS_READER_PAGE (self));

  if (document_id != 0 && document_id == self->document_id && start < end)
    _dossier_reader_page_note_tagged (self, start, end);
}

void
_dossier_reader_page_select (DossierReaderPage *self,
                             gint64             start,
                             gint64             end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_document_view_get_text_view (self->document_view));
  GtkTextIter s, e, selection_start, selection_end, caret;
  gboolean caret_at_start;

  gtk_text_buffer_get_selection_bounds (buffer, &selection_start, &selection_end);
  if (gtk_text_iter_get_offset (&selection_start) == start && gtk_text_iter_get_offset (&selection_end) == end)
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &caret, gtk_text_buffer_get_insert (buffer));
  caret_at_start = gtk_text_iter_equal (&caret, &selection_start) && !gtk_text_iter_equal (&caret, &selection_end);
  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) end);
  if (caret_at_start)
    gtk_text_buffer_select_range (buffer, &s, &e);
  else
    gtk_text_buffer_select_range (buffer, &e, &s);
}

/* The picker's range is no longer to be given back: it did its work, or
 * the selection or the document changed. */
static void
forget_unwidened (DossierReaderPage *self)
{
  g_clear_handle_id (&self->unwiden_idle_id, g_source_remove);
  self->unwidened_insert = self->unwidened_bound = -1;
}

void
_dossier_reader_page_widen_for_picker (DossierReaderPage *self,
                                       gint64             start,
                                       gint64             end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_document_view_get_text_view (self->document_view));
  GtkTextIter insert, bound;

  forget_unwidened (self);
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_iter_at_mark (buffer, &bound, gtk_text_buffer_get_selection_bound (buffer));
  gtk_text_iter_order (&insert, &bound);
  if (gtk_text_iter_get_offset (&insert) == start && gtk_text_iter_get_offset (&bound) == end)
    return;   /* whole words already */

  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_iter_at_mark (buffer, &bound, gtk_text_buffer_get_selection_bound (buffer));
  self->unwidened_document_id = self->document_id;
  self->unwidened_insert = gtk_text_iter_get_offset (&insert);
  self->unwidened_bound = gtk_text_iter_get_offset (&bound);
  self->widened_start = start;
  self->widened_end = end;
  _dossier_reader_page_select (self, start, end);
}

static gboolean
unwiden (gpointer data)
{
  DossierReaderPage *self = data;
  gint64 start, end;

  self->unwiden_idle_id = 0;
  if (self->unwidened_insert >= 0 && self->unwidened_document_id == self->document_id
      && _dossier_reader_page_has_selection (self, &start, &end)
      && start == self->widened_start && end == self->widened_end)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_document_view_get_text_view (self->document_view));
      GtkTextIter insert, bound;

      gtk_text_buffer_get_iter_at_offset (buffer, &insert, (int) self->unwidened_insert);
      gtk_text_buffer_get_iter_at_offset (buffer, &bound, (int) self->unwidened_bound);
      gtk_text_buffer_select_range (buffer, &insert, &bound);
    }
  forget_unwidened (self);
  return G_SOURCE_REMOVE;
}

void
_dossier_reader_page_unwiden_later (DossierReaderPage *self)
{
  /* The pickers close before they say what they chose: whether they did
   * anything is known once that is said, before this idle. */
  if (self->unwidened_insert >= 0 && self->unwiden_idle_id == 0)
    self->unwiden_idle_id = g_idle_add (unwiden, self);
}

gboolean
_dossier_reader_page_has_selection (DossierReaderPage *self,
                                    gint64            *start,
                                    gint64            *end)
{
  gint64 s = 0, e = 0;

  if (self->project == NULL || self->document_id == 0)
    return FALSE;
  if (!dossier_document_view_get_selection (self->document_view, &s, &e) || s >= e)
    return FALSE;

  if (start != NULL)
    *start = s;
  if (end != NULL)
    *end = e;
  return TRUE;
}

void
_dossier_reader_page_focus_text (DossierReaderPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (dossier_document_view_get_text_view (self->document_view)));
}

/* Switching documents clears the view's selection, which gives the PRIMARY
 * selection up; selecting the new range at once claims it again. GTK 4.8 on
 * X11 stamps both with the server's millisecond, and when they share one it
 * takes the late notice of the give-up for another program's claim and
 * drops the new selection (a search hit in another document showed its
 * passage selected, then not). Handing PRIMARY the old selection's text
 * first (which X users expect to stay there anyway) means the view never
 * gives it up in between: only claims follow each other. */
static void
keep_primary_across_switch (DossierReaderPage *self)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (self->document_view);
  GdkClipboard *primary = gtk_widget_get_primary_clipboard (GTK_WIDGET (text_view));
  g_autofree char *text = NULL;

  /* The document's text: a space or character where a long line is cut. */
  if (!gdk_clipboard_is_local (primary)
      || (text = dossier_document_view_dup_selected_text (self->document_view)) == NULL)
    return;

  gdk_clipboard_set_text (primary, text);
}

void
dossier_reader_page_reveal_range (DossierReaderPage *self,
                                  gint64             document_id,
                                  gint64             start,
                                  gint64             end)
{
  g_return_if_fail (DOSSIER_IS_READER_PAGE (self));

  if (document_id != self->document_id)
    keep_primary_across_switch (self);
  dossier_reader_page_set_document_id (self, document_id);
  if (self->document_id != document_id || document_id == 0)
    return;

  dossier_document_view_select_range (self->document_view, start, end);
  dossier_document_view_scroll_to (self->document_view, start);
  /* Scrolled by the heights of lines not laid out yet: aimed at again
   * until it holds (in another document, or far down this one, the view
   * showed its top, ten screens above the passage). */
  self->aim_offset = MIN (start, end);
  start_aiming (self, DOSSIER_READER_AIM_PASSAGE);
  _dossier_reader_page_focus_text (self);
}

void
dossier_reader_page_reveal_highlight (DossierReaderPage *self,
                                      gint64             highlight_id)
{
  g_autoptr(DossierHighlight) hl = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DOSSIER_IS_READER_PAGE (self));

  if (self->project == NULL)
    return;

  hl = dossier_project_get_highlight (self->project, highlight_id, &error);
  if (hl == NULL)
    {
      dossier_report_in_toast (GTK_WIDGET (self), _("Could not show the highlight"), error);
      return;
    }

  dossier_reader_page_reveal_range (self, dossier_highlight_get_document_id (hl),
                                    dossier_highlight_get_start (hl), dossier_highlight_get_end (hl));
}

gint64
dossier_reader_page_get_top_offset (DossierReaderPage *self)
{
  GtkTextView *text_view;
  GdkRectangle visible;
  GtkTextIter iter;

  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), 0);

  if (self->document_id == 0)
    return 0;

  text_view = dossier_document_view_get_text_view (self->document_view);
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y, NULL);
  return gtk_text_iter_get_offset (&iter);
}

/* A safety net only: the aiming ends long before, when it holds or the
 * view can go no further (a minute of frames at 60 Hz). */
#define AIM_MAX_FRAMES 3600

static void
stop_aiming (DossierReaderPage *self)
{
  if (self->aim_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->aim_tick_id);
  self->aim_tick_id = 0;
}

static gint64
top_mark_offset (DossierReaderPage *self)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (gtk_text_mark_get_buffer (self->top_mark), &iter, self->top_mark);
  return gtk_text_iter_get_offset (&iter);
}

/* Whether the line of @iter is in view. */
static gboolean
iter_in_view (GtkTextView       *text_view,
              const GtkTextIter *iter)
{
  GdkRectangle visible, at;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_location (text_view, iter, &at);
  return at.y >= visible.y && at.y + at.height <= visible.y + visible.height;
}

static gboolean
caret_in_view (GtkTextView *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter caret;

  gtk_text_buffer_get_iter_at_mark (buffer, &caret, gtk_text_buffer_get_insert (buffer));
  return iter_in_view (text_view, &caret);
}

static gboolean
offset_in_view (GtkTextView *text_view,
                gint64       offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter,
                                      (int) CLAMP (offset, 0, G_MAXINT));
  return iter_in_view (text_view, &iter);
}

/* The text view scrolls to a mark by the heights of the lines above it,
 * estimated until they are laid out (in idles, over many frames for a
 * long document): the line that lands at the top drifts as they are. So
 * the mark is aimed at again each frame until it stays at the top, with
 * a height that no longer changes, for a few frames (at a new width the
 * lines above it are wrapped anew after it first held), or the view is
 * at its end with such a height (the mark's line cannot reach the top),
 * or the reader scrolls, clicks or types. Frames, not a clock: a slow machine lays the text out
 * in more of them, and the aim waits for it. The caret, after Ctrl+End
 * (GTK scrolls to the end of what it has laid out so far: a few screens
 * of a long text just opened) or Ctrl+Home, is aimed at the same way
 * until it is in view with the text's height laid out; and a passage
 * revealed, at 0.3 of the view's height, until its start is. */
static gboolean
aim_tick (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       data)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (widget);
  GtkTextView *text_view = dossier_document_view_get_text_view (self->document_view);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view));
  double upper = vadjustment != NULL ? gtk_adjustment_get_upper (vadjustment) : 0;
  gboolean laid_out = upper == self->aim_upper;
  gboolean at_end = vadjustment != NULL &&
                    gtk_adjustment_get_value (vadjustment) + gtk_adjustment_get_page_size (vadjustment)
                    >= upper - 0.5;

  self->aim_upper = upper;
  self->aim_frames++;

  if (self->aim == DOSSIER_READER_AIM_CARET)
    {
      if (caret_in_view (text_view) && laid_out)
        self->aim_held++;
      else
        {
          self->aim_held = 0;
          gtk_text_view_scroll_mark_onscreen (text_view,
                                              gtk_text_buffer_get_insert (gtk_text_view_get_buffer (text_view)));
        }
    }
  else if (self->aim == DOSSIER_READER_AIM_PASSAGE)
    {
      if (offset_in_view (text_view, self->aim_offset) && laid_out)
        self->aim_held++;
      else
        {
          self->aim_held = 0;
          dossier_document_view_scroll_to (self->document_view, self->aim_offset);
        }
    }
  else if ((dossier_reader_page_get_top_offset (self) == top_mark_offset (self) || at_end) && laid_out)
    self->aim_held++;
  else
    {
      self->aim_held = 0;
      gtk_text_view_scroll_to_mark (text_view, self->top_mark, 0.0, TRUE, 0.0, 0.0);
    }

  if (self->aim_held >= 3 || self->aim_frames >= AIM_MAX_FRAMES)
    {
      self->aim_tick_id = 0;
      self->place_offset = dossier_reader_page_get_top_offset (self);
      self->place_value = vadjustment != NULL ? gtk_adjustment_get_value (vadjustment) : 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Any scroll, click or key of the reader's ends the aiming. */
static gboolean
on_view_event (DossierReaderPage        *self,
               GdkEvent                 *event,
               GtkEventControllerLegacy *controller)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_SCROLL:
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_KEY_PRESS:
      stop_aiming (self);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
start_aiming (DossierReaderPage *self,
              DossierReaderAim   aim)
{
  stop_aiming (self);
  self->aim = aim;
  self->aim_held = 0;
  self->aim_frames = 0;
  self->aim_upper = -1;
  self->aim_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), aim_tick, NULL, NULL);
}

/* Puts the top mark at the start of the line of @offset. */
static void
move_top_mark (DossierReaderPage *self,
               gint64             offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_document_view_get_text_view (self->document_view));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) CLAMP (offset, 0, G_MAXINT));
  gtk_text_iter_set_line_offset (&iter, 0);

  if (self->top_mark == NULL || gtk_text_mark_get_buffer (self->top_mark) != buffer)
    self->top_mark = gtk_text_buffer_create_mark (buffer, "dossier-reader-top", &iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, self->top_mark, &iter);
}

void
dossier_reader_page_scroll_to_top_offset (DossierReaderPage *self,
                                          gint64             offset)
{
  g_return_if_fail (DOSSIER_IS_READER_PAGE (self));

  stop_aiming (self);
  if (self->document_id == 0)
    return;

  move_top_mark (self, offset);
  gtk_text_view_scroll_to_mark (dossier_document_view_get_text_view (self->document_view), self->top_mark,
                                0.0, TRUE, 0.0, 0.0);
  start_aiming (self, DOSSIER_READER_AIM_TOP);
}

/* Ctrl+Home and Ctrl+End: the caret stays in view while the text is laid
 * out. (The key that sent it stopped any aiming before.) */
static void
on_text_view_move_cursor (DossierReaderPage *self,
                          GtkMovementStep    step,
                          int                count,
                          gboolean           extend_selection,
                          GtkTextView       *text_view)
{
  if (step == GTK_MOVEMENT_BUFFER_ENDS && self->document_id != 0)
    start_aiming (self, DOSSIER_READER_AIM_CARET);
}

DossierDocumentView *
dossier_reader_page_get_document_view (DossierReaderPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_READER_PAGE (self), NULL);

  return self->document_view;
}

/* ---- The view's signals -------------------------------------------------------- */

static void
on_view_highlight_activated (DossierReaderPage   *self,
                             gint64               highlight_id,
                             DossierDocumentView *view)
{
  dossier_reader_page_reveal_highlight (self, highlight_id);
}

static void
on_view_text_menu (DossierReaderPage   *self,
                   double               x,
                   double               y,
                   DossierDocumentView *view)
{
  _dossier_reader_page_popup_text_menu (self, x, y);
}

static void
on_view_highlight_menu (DossierReaderPage   *self,
                        gint64               highlight_id,
                        double               x,
                        double               y,
                        DossierDocumentView *view)
{
  _dossier_reader_page_popup_highlight_menu (self, highlight_id, x, y);
}

/* Where the selection is, in the overlay's coordinates: the line its end
 * is on (top and height, and the end's x), the top of its first line and
 * its start's x, and the right edge of the text column. FALSE when the
 * selection is scrolled away. */
typedef struct
{
  double end_x, end_top, end_height;
  double start_x, start_top, start_height;
  double text_right;
  double view_left, line_left;  /* the stripes' gutter: from the view's left
                                 * edge to where the first line's text starts */
} SelectionPlace;

static gboolean
compute_selection_place (DossierReaderPage *self,
                         SelectionPlace    *place)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (self->document_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkRectangle end_rect, start_rect;
  GtkTextIter iter;
  gint64 start, end;
  double right_y;
  int wx, wy;

  if (!_dossier_reader_page_has_selection (self, &start, &end))
    return FALSE;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) end);
  gtk_text_view_get_iter_location (text_view, &iter, &end_rect);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) start);
  gtk_text_view_get_iter_location (text_view, &iter, &start_rect);

  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         end_rect.x, end_rect.y, &wx, &wy);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (text_view), GTK_WIDGET (self->view_overlay),
                                         wx, wy, &place->end_x, &place->end_top))
    return FALSE;
  place->end_height = end_rect.height;
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         start_rect.x, start_rect.y, &wx, &wy);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (text_view), GTK_WIDGET (self->view_overlay),
                                         wx, wy, &place->start_x, &place->start_top))
    return FALSE;
  place->start_height = start_rect.height;
  gtk_text_view_backward_display_line_start (text_view, &iter);
  gtk_text_view_get_iter_location (text_view, &iter, &start_rect);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         start_rect.x, start_rect.y, &wx, &wy);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (text_view), GTK_WIDGET (self->view_overlay),
                                         wx, 0, &place->line_left, &right_y) ||
      !gtk_widget_translate_coordinates (GTK_WIDGET (text_view), GTK_WIDGET (self->view_overlay),
                                         0, 0, &place->view_left, &right_y))
    return FALSE;
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (text_view), GTK_WIDGET (self->view_overlay),
                                         gtk_widget_get_width (GTK_WIDGET (text_view))
                                         - gtk_text_view_get_right_margin (text_view), 0,
                                         &place->text_right, &right_y))
    return FALSE;

  /* Some of the selection must be on screen. */
  return place->end_top + place->end_height >= 0
         && place->start_top <= gtk_widget_get_height (GTK_WIDGET (self->view_overlay));
}

/* What the "Tag…" button leaves free of the gutter, next to the text: the
 * gap between the stripes and the text (the document view's TEXT_GAP). */
#define GUTTER_CLEARANCE 20

/* Where the stripes' labels are drawn now, in the overlay's coordinates
 * (NULL without stripes). */
static GArray *
list_labels (DossierReaderPage *self)
{
  DossierCodingStripes *stripes = dossier_document_view_get_coding_stripes (self->document_view);
  GArray *labels;
  double ox, oy;

  if (!gtk_widget_translate_coordinates (GTK_WIDGET (stripes), GTK_WIDGET (self->view_overlay),
                                         0, 0, &ox, &oy))
    return NULL;
  labels = dossier_coding_stripes_list_label_areas (stripes);
  for (guint i = 0; i < labels->len; i++)
    graphene_rect_offset (&g_array_index (labels, graphene_rect_t, i), ox, oy);
  return labels;
}

/* Whether @area is clear of @labels: a button over one hides which tag
 * the passage beside it has. */
static gboolean
clear_of_labels (GArray                *labels,
                 const graphene_rect_t *area)
{
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    if (graphene_rect_intersection (&g_array_index (labels, graphene_rect_t, i), area, NULL))
      return FALSE;
  return TRUE;
}

/* A height for a @size-tall button at @x in the stripes' gutter beside the
 * selection, clear of @labels: level with the selection's first line if
 * that is free, else as near it as the labels leave room, just above or
 * below one, reaching the line over the selection or the line under it at
 * least. FALSE if there is none. */
static gboolean
find_gutter_place (const SelectionPlace *place,
                   GArray               *labels,
                   double                x,
                   graphene_size_t       size,
                   int                   overlay_height,
                   double               *y)
{
  double wanted = place->start_top + (place->start_height - size.height) / 2;
  double highest = place->start_top - place->start_height;  /* the line over it */
  double lowest = place->end_top + 2 * place->end_height;   /* the line under it */
  gboolean found = FALSE;

  for (guint i = 0; i <= 2 * (labels != NULL ? labels->len : 0); i++)
    {
      double top = wanted;
      graphene_rect_t area;

      if (i > 0)
        {
          const graphene_rect_t *label = &g_array_index (labels, graphene_rect_t, (i - 1) / 2);

          top = i % 2 == 1 ? label->origin.y - size.height - 2
                           : label->origin.y + label->size.height + 2;
        }
      area = GRAPHENE_RECT_INIT (x, top, size.width, size.height);
      if (top < 6 || top + size.height > overlay_height - 6
          || top + size.height < highest || top > lowest
          || !clear_of_labels (labels, &area)
          || (found && fabs (top - wanted) >= fabs (*y - wanted)))
        continue;
      *y = top;
      found = TRUE;
      if (i == 0)
        break;
    }
  return found;
}

/* The "Tag…" button labelled where it has room beside the text, in the
 * margin right of it or in the stripes' gutter; else (a narrow view: at
 * 360 px the pill is wider than the gutter, and stood over the line above
 * the selection) its icon alone, which the gutter has room for; its
 * tooltip and accessible name (the .ui's) stay. Called as it is placed,
 * where the room is known: @nat_w is measured anew after a change. */
static void
choose_tag_button_form (DossierReaderPage    *self,
                       const SelectionPlace *place,
                       int                   view_width,
                       int                  *nat_w)
{
  GtkWidget *button = GTK_WIDGET (self->tag_selection_button);
  gboolean labelled = gtk_widget_get_visible (self->tag_selection_label);
  int labelled_w, min_w;
  gboolean fits;

  if (labelled)
    self->tag_button_labelled_width = *nat_w;
  labelled_w = self->tag_button_labelled_width;
  fits = place->text_right + 12 + labelled_w + 12 <= view_width
         || place->line_left - place->view_left >= 6 + labelled_w + GUTTER_CLEARANCE;
  if (fits == labelled)
    return;

  gtk_widget_set_visible (self->tag_selection_label, fits);
  if (fits)
    {
      gtk_widget_remove_css_class (button, "circular");
      gtk_widget_add_css_class (button, "pill");
    }
  else
    {
      gtk_widget_remove_css_class (button, "pill");
      gtk_widget_add_css_class (button, "circular");
    }
  gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, nat_w, NULL, NULL);
}

/* Where the "Tag…" button goes, covering neither the text nor a stripe's
 * label: in the margin right of the text, level with the selection's last
 * line; without room there, at the outer edge of the stripes' gutter,
 * level with its first line or as near as the labels leave room (over a
 * stripe at worst, a label hiding which tag is there); only when the text
 * fills the view or the gutter has no free place, above its first line,
 * or below its last. */
static gboolean
on_view_overlay_child_position (DossierReaderPage *self,
                                GtkWidget         *widget,
                                GdkRectangle      *allocation,
                                GtkOverlay        *overlay)
{
  g_autoptr(GArray) labels = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (overlay));
  int height = gtk_widget_get_height (GTK_WIDGET (overlay));
  int min_w, nat_w, min_h, nat_h;
  SelectionPlace place;
  gboolean placed;
  double x, y = 0;

  if (widget != GTK_WIDGET (self->tag_selection_button))
    return FALSE;

  placed = compute_selection_place (self, &place);
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
  if (placed)
    choose_tag_button_form (self, &place, width, &nat_w);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, nat_w, &min_h, &nat_h, NULL, NULL);
  labels = list_labels (self);
  if (!placed)
    {
      x = width - nat_w - 12;
      y = 12;
    }
  else if (place.text_right + 12 + nat_w + 12 <= width)
    {
      x = place.text_right + 12;
      y = place.end_top + (place.end_height - nat_h) / 2;
    }
  else if (place.line_left - place.view_left >= 6 + nat_w + GUTTER_CLEARANCE
           && find_gutter_place (&place, labels, place.view_left + 6,
                                 GRAPHENE_SIZE_INIT (nat_w, nat_h), height, &y))
    x = place.view_left + 6;
  else
    {
      /* Over the text, then, but not over the labels in the gutter, which
       * its left end may reach. */
      graphene_rect_t above = GRAPHENE_RECT_INIT (MAX (place.start_x - nat_w / 2, 6),
                                                  place.start_top - 6 - nat_h, nat_w, nat_h);

      x = above.origin.x;
      y = above.origin.y;
      if (y < 6 || !clear_of_labels (labels, &above))
        {
          x = place.end_x - nat_w / 2;
          y = place.end_top + place.end_height + 6;
        }
    }

  allocation->width = nat_w;
  allocation->height = nat_h;
  allocation->x = CLAMP ((int) x, 6, MAX (6, width - nat_w - 6));
  allocation->y = CLAMP ((int) y, 6, MAX (6, height - nat_h - 6));
  return TRUE;
}

static void
stop_selecting_tagged (DossierReaderPage *self)
{
  if (self->select_tagged_clock != NULL)
    g_clear_signal_handler (&self->select_tagged_handler, self->select_tagged_clock);
  self->select_tagged_handler = 0;
  g_clear_weak_pointer (&self->select_tagged_clock);
}

/* The frame that painted the highlight just tagged is out: the selection,
 * unless it was changed meanwhile, becomes what was tagged. */
static void
on_after_paint_select_tagged (DossierReaderPage *self)
{
  gint64 start, end;

  stop_selecting_tagged (self);
  if (_dossier_reader_page_has_selection (self, &start, &end)
      && start == self->tagged_start && end == self->tagged_end)
    {
      self->tagged_start = self->select_tagged_start;
      self->tagged_end = self->select_tagged_end;
      _dossier_reader_page_select (self, self->tagged_start, self->tagged_end);
    }
}

void
_dossier_reader_page_note_tagged (DossierReaderPage *self,
                                  gint64             start,
                                  gint64             end)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  gint64 s, e;

  forget_unwidened (self);

  /* The selection widened to whole words is selected in the frame after
   * the one that paints the new highlight, which comes as soon as it did:
   * moving the caret has GTK lay its line out again (for the input
   * method), 1.5 ms of CPU per tag in bench-window's dense document. Till
   * then the "Tag…" button keeps away from the selection as it is. */
  if (clock != NULL && gtk_widget_get_mapped (GTK_WIDGET (self))
      && _dossier_reader_page_has_selection (self, &s, &e) && (s != start || e != end))
    {
      self->tagged_start = s;
      self->tagged_end = e;
      self->select_tagged_start = start;
      self->select_tagged_end = end;
      if (self->select_tagged_clock != clock)
        {
          stop_selecting_tagged (self);
          self->select_tagged_handler =
            g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint_select_tagged),
                                     self, G_CONNECT_SWAPPED);
          g_set_weak_pointer (&self->select_tagged_clock, clock);
        }
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    {
      self->tagged_start = start;
      self->tagged_end = end;
      _dossier_reader_page_select (self, start, end);
    }
  _dossier_reader_page_update_tag_button (self);
}

void
_dossier_reader_page_update_tag_button (DossierReaderPage *self)
{
  SelectionPlace place;
  gboolean show;
  gint64 start = -1, end = -1;

  /* Gone once the selection is tagged, until another is made. Where the
   * selection sits is asked last: right after tagging it, that would lay
   * out again the lines just repainted. */
  _dossier_reader_page_has_selection (self, &start, &end);
  show = self->project != NULL
         && !dossier_project_get_read_only (self->project)
         && !(start == self->tagged_start && end == self->tagged_end)
         && (self->tag_picker == NULL || !gtk_widget_get_visible (self->tag_picker))
         && compute_selection_place (self, &place);

  gtk_widget_set_visible (GTK_WIDGET (self->tag_selection_button), show);
  if (show)
    gtk_widget_queue_allocate (GTK_WIDGET (self->view_overlay));
}

static void
on_view_selection_changed (DossierReaderPage   *self,
                           DossierDocumentView *view)
{
  _dossier_reader_page_update_tag_button (self);
  _dossier_reader_page_update_actions (self);
}

/* The reading place a resize keeps: where the view is aimed, or the line
 * at its top when it was last scrolled at the width it had. */
static gint64
reading_place (DossierReaderPage *self)
{
  if (self->aim_tick_id != 0 && self->aim == DOSSIER_READER_AIM_TOP)
    return top_mark_offset (self);
  return self->place_offset;
}

/* A text view keeps its scroll position in pixels: wrapped again at
 * another width (the window resized, a sidebar folded or docked), its
 * lines change height and another line comes to the top; from 1,280 to
 * 360 px the top went four paragraphs back in a long text. So the line
 * at the top is taken whenever the view scrolls at one width, and at a
 * new width the view is aimed at it again (from the next frame: not
 * while GTK lays the view out). */
static void
on_view_scrolled (DossierReaderPage *self)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (self->document_view);
  int width = gtk_widget_get_width (GTK_WIDGET (text_view));

  if (self->document_id != 0 && width > 0)
    {
      if (self->place_width != 0 && width != self->place_width)
        {
          /* A passage on its way into view stays the aim: its text's new
           * height has aim_tick aim at it again. */
          if (self->aim_tick_id == 0 || self->aim != DOSSIER_READER_AIM_PASSAGE)
            {
              move_top_mark (self, reading_place (self));
              start_aiming (self, DOSSIER_READER_AIM_TOP);
            }
        }
      else if (self->aim_tick_id == 0)
        {
          GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view));
          double value = gtk_adjustment_get_value (vadjustment);
          gint64 top = dossier_reader_page_get_top_offset (self);

          /* Scrolled: the place is where it went (laid out further, the
           * value stays, and the line at the top with it). */
          if (value != self->place_value)
            {
              self->place_offset = top;
              self->place_value = value;
            }
        }
      self->place_width = width;
    }

  if (gtk_widget_get_visible (GTK_WIDGET (self->tag_selection_button))
      || _dossier_reader_page_has_selection (self, NULL, NULL))
    _dossier_reader_page_update_tag_button (self);
}

static void
on_text_view_vadjustment (DossierReaderPage *self)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (self->document_view);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view));

  if (adjustment != NULL
      && g_signal_handler_find (adjustment, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                                0, 0, NULL, on_view_scrolled, self) == 0)
    {
      g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_view_scrolled), self,
                               G_CONNECT_SWAPPED);
      /* Laid out at another width, the value may stay as it was. */
      g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_view_scrolled), self,
                               G_CONNECT_SWAPPED);
    }
}

/* ---- Keys of the text ---------------------------------------------------------- */

/* The keys below are bound on the text view itself, in the capture phase:
 * they act only while the text has the focus (not the search bar, not
 * another pane), before the text view's own bindings (Delete). Each says
 * whether it acted; when not, the key goes on to the text view. */

static gboolean
slot_key (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (user_data);

  /* With nothing selected, or in a read-only project, the action says why
   * (a number key in read-only text does nothing else). */
  if (self->document_id == 0)
    return FALSE;
  return gtk_widget_activate_action_variant (GTK_WIDGET (self), "reader.apply-tag", args);
}

static gboolean
delete_key (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (user_data);

  if (_dossier_reader_page_highlight_at_caret (self) == 0)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), "reader.delete-highlight", NULL);
}

static gboolean
menu_key (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (user_data);
  GtkTextView *text_view = dossier_document_view_get_text_view (self->document_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  gint64 id = _dossier_reader_page_highlight_at_caret (self);
  GdkRectangle rect;
  GtkTextIter iter;
  double x, y;
  int wx, wy;

  if (self->document_id == 0)
    return FALSE;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y + rect.height, &wx, &wy);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (text_view), GTK_WIDGET (self->document_view),
                                         wx, wy, &x, &y))
    x = y = 0;
  /* The highlight's menu at the caret, else the text's (not the text
   * view's own). */
  if (id != 0)
    _dossier_reader_page_popup_highlight_menu (self, id, x, y);
  else
    _dossier_reader_page_popup_text_menu (self, x, y);
  return TRUE;
}

/* Alt+Enter: the tags and memo of the highlight at the caret, in a toast
 * (read out, see dossier_accessible_show_toast()). */
static gboolean
describe_key (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  return gtk_widget_activate_action (GTK_WIDGET (user_data), "reader.describe-caret", NULL);
}

static void
add_key (GtkShortcutController *controller,
         guint                  keyval,
         GdkModifierType        modifiers,
         GtkShortcutFunc        callback,
         DossierReaderPage     *self,
         GVariant              *args)
{
  g_autoptr(GtkShortcut) shortcut = NULL;

  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                               gtk_callback_action_new (callback, self, NULL));
  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, g_steal_pointer (&shortcut));
}

/* Tab from the text goes to the "Tag…" button whenever it shows, and on
 * from there past the text; Shift+Tab goes back. GTK orders the overlay's
 * children by their centres: with the selection in the text's upper half
 * the button came before the text, and Tab from the text went elsewhere. */
static gboolean
text_tab_key (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (user_data);
  GtkWidget *button = GTK_WIDGET (self->tag_selection_button);

  if (!gtk_widget_get_mapped (button) || !gtk_widget_is_sensitive (button))
    return FALSE;
  if (g_variant_get_boolean (args))
    return dossier_focus_leave (GTK_WIDGET (self->view_overlay), GTK_DIR_TAB_BACKWARD);
  return gtk_widget_grab_focus (button);
}

static gboolean
tag_button_tab_key (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (user_data);

  if (g_variant_get_boolean (args))
    return gtk_widget_grab_focus (GTK_WIDGET (dossier_document_view_get_text_view (self->document_view)));
  return dossier_focus_leave (GTK_WIDGET (self->view_overlay), GTK_DIR_TAB_FORWARD);
}

/* Shift+Tab coming back into the page from what follows it reaches the
 * "Tag…" button first, whenever it shows, then the text (the button's
 * Shift+Tab): the reverse of Tab's way. GTK's own order put the text
 * last, and so first going backwards, when the button sat in the upper
 * half of the view, and the button was skipped. */
static gboolean
dossier_reader_page_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (widget);
  GtkWidget *button = GTK_WIDGET (self->tag_selection_button);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (direction == GTK_DIR_TAB_BACKWARD && (focus == NULL || !gtk_widget_is_ancestor (focus, widget)) &&
      gtk_widget_get_mapped (button) && gtk_widget_is_sensitive (button) && gtk_widget_get_can_focus (button))
    return gtk_widget_grab_focus (button);
  return GTK_WIDGET_CLASS (dossier_reader_page_parent_class)->focus (widget, direction);
}

static void
add_tab_keys (GtkShortcutController *controller,
              GtkShortcutFunc        callback,
              DossierReaderPage     *self)
{
  add_key (controller, GDK_KEY_Tab, 0, callback, self, g_variant_new_boolean (FALSE));
  add_key (controller, GDK_KEY_KP_Tab, 0, callback, self, g_variant_new_boolean (FALSE));
  /* Shift+Tab: GTK's trigger takes ISO_Left_Tab as Tab. */
  add_key (controller, GDK_KEY_Tab, GDK_SHIFT_MASK, callback, self, g_variant_new_boolean (TRUE));
}

static void
bind_text_keys (DossierReaderPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_name (controller, "dossier-reader-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint slot = 1; slot <= DOSSIER_CODEBOOK_N_SLOTS; slot++)
    {
      add_key (shortcuts, GDK_KEY_1 + slot - 1, 0, slot_key, self, g_variant_new_int32 (slot));
      add_key (shortcuts, GDK_KEY_KP_1 + slot - 1, 0, slot_key, self, g_variant_new_int32 (slot));
    }
  add_key (shortcuts, GDK_KEY_Delete, 0, delete_key, self, NULL);
  add_key (shortcuts, GDK_KEY_KP_Delete, 0, delete_key, self, NULL);
  add_key (shortcuts, GDK_KEY_Menu, 0, menu_key, self, NULL);
  add_key (shortcuts, GDK_KEY_F10, GDK_SHIFT_MASK, menu_key, self, NULL);
  add_key (shortcuts, GDK_KEY_Return, GDK_ALT_MASK, describe_key, self, NULL);
  add_key (shortcuts, GDK_KEY_KP_Enter, GDK_ALT_MASK, describe_key, self, NULL);
  add_tab_keys (shortcuts, text_tab_key, self);

  gtk_widget_add_controller (GTK_WIDGET (dossier_document_view_get_text_view (self->document_view)),
                             controller);

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (controller, "dossier-tag-button-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_tab_keys (GTK_SHORTCUT_CONTROLLER (controller), tag_button_tab_key, self);
  gtk_widget_add_controller (GTK_WIDGET (self->tag_selection_button), controller);
}

/* ---- GObject ------------------------------------------------------------------ */

static gboolean
dossier_reader_page_grab_focus (GtkWidget *widget)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (widget);

  if (self->document_id != 0)
    return gtk_widget_grab_focus (GTK_WIDGET (dossier_document_view_get_text_view (self->document_view)));
  /* No document: the empty page's Import button (the stack itself takes no
   * focus, so grabbing it did nothing). */
  return gtk_widget_child_focus (GTK_WIDGET (self->stack), GTK_DIR_TAB_FORWARD);
}

static void
dossier_reader_page_dispose (GObject *object)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (object);

  g_clear_handle_id (&self->respan_idle_id, g_source_remove);
  g_clear_handle_id (&self->mentions_idle_id, g_source_remove);
  g_clear_handle_id (&self->trim_idle_id, g_source_remove);
  forget_unwidened (self);
  stop_aiming (self);
  stop_selecting_tagged (self);
  if (self->highlights_signals != NULL)
    g_signal_group_set_target (self->highlights_signals, NULL);
  g_clear_object (&self->highlights);
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);
  if (self->tags_signals != NULL)
    g_signal_group_set_target (self->tags_signals, NULL);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);

  /* Popping down would tell the page, which is going. */
  if (self->tag_picker != NULL)
    g_signal_handlers_disconnect_by_data (self->tag_picker, self);
  g_clear_pointer (&self->tag_picker, gtk_widget_unparent);
  if (self->evidence_picker != NULL)
    g_signal_handlers_disconnect_by_data (self->evidence_picker, self);
  g_clear_pointer (&self->evidence_picker, gtk_widget_unparent);
  g_clear_pointer (&self->highlight_menu, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_READER_PAGE);

  g_clear_object (&self->project);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->tags_signals);
  g_clear_object (&self->highlights_signals);
  g_clear_object (&self->document_signals);

  G_OBJECT_CLASS (dossier_reader_page_parent_class)->dispose (object);
}

static void
dossier_reader_page_finalize (GObject *object)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (object);

  g_clear_pointer (&self->tag_styles, g_hash_table_unref);
  g_clear_pointer (&self->span_lengths, g_hash_table_unref);
  g_clear_pointer (&self->span_moved, g_hash_table_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->caret_description, g_free);

  G_OBJECT_CLASS (dossier_reader_page_parent_class)->finalize (object);
}

static void
dossier_reader_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    case PROP_SHOW_MENTIONS:
      g_value_set_boolean (value, self->show_mentions);
      break;
    case PROP_WHOLE_WORDS:
      g_value_set_boolean (value, self->whole_words);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_reader_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      dossier_reader_page_set_project (self, g_value_get_object (value));
      break;
    case PROP_DOCUMENT_ID:
      dossier_reader_page_set_document_id (self, g_value_get_int64 (value));
      break;
    case PROP_SHOW_MENTIONS:
      dossier_reader_page_set_show_mentions (self, g_value_get_boolean (value));
      break;
    case PROP_WHOLE_WORDS:
      dossier_reader_page_set_whole_words (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_reader_page_class_init (DossierReaderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_reader_page_dispose;
  object_class->finalize = dossier_reader_page_finalize;
  object_class->get_property = dossier_reader_page_get_property;
  object_class->set_property = dossier_reader_page_set_property;
  widget_class->grab_focus = dossier_reader_page_grab_focus;
  widget_class->focus = dossier_reader_page_focus;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, DOSSIER_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_MENTIONS] =
    g_param_spec_boolean ("show-mentions", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHOLE_WORDS] =
    g_param_spec_boolean ("whole-words", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_DOCUMENT_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/ui/dossier-reader-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, view_box);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, view_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, document_view);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, tag_selection_button);
  gtk_widget_class_bind_template_child (widget_class, DossierReaderPage, tag_selection_label);

  gtk_widget_class_bind_template_callback (widget_class, on_view_highlight_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_view_highlight_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_view_text_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_view_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_overlay_child_position);

  _dossier_reader_page_class_init_actions (widget_class);
}

static void
dossier_reader_page_init (DossierReaderPage *self)
{
  GtkEventController *controller;
  GtkTextView *text_view;

  self->tagged_start = self->tagged_end = -1;
  self->unwidened_insert = self->unwidened_bound = -1;
  self->whole_words = TRUE;

  self->tag_styles = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, tag_style_free);
  self->span_lengths = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->spans = g_array_new (FALSE, FALSE, sizeof (DossierReaderSpan));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->project_signals = g_signal_group_new (DOSSIER_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "document-text-changed",
                                 G_CALLBACK (on_project_document_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::read-only",
                                 G_CALLBACK (_dossier_reader_page_update_actions), self, G_CONNECT_SWAPPED);
  /* A name or an alias edited, a stakeholder added or deleted (or undone):
   * other words are mentions. */
  g_signal_group_connect_object (self->project_signals, "stakeholder-names-changed",
                                 G_CALLBACK (queue_mentions), self, G_CONNECT_SWAPPED);
  /* Details edited (Document Details, undo): the byline at once. */
  self->document_signals = g_signal_group_new (DOSSIER_TYPE_DOCUMENT);
  g_signal_group_connect_object (self->document_signals, "notify",
                                 G_CALLBACK (update_byline), self, G_CONNECT_SWAPPED);
  self->tags_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->tags_signals, "items-changed",
                                 G_CALLBACK (on_tags_items_changed), self, G_CONNECT_SWAPPED);
  self->highlights_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->highlights_signals, "items-changed",
                                 G_CALLBACK (on_highlights_items_changed), self, G_CONNECT_SWAPPED);

  bind_text_keys (self);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "event", G_CALLBACK (on_view_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self->document_view), controller);

  text_view = dossier_document_view_get_text_view (self->document_view);
  g_signal_connect_object (text_view, "notify::vadjustment",
                           G_CALLBACK (on_text_view_vadjustment), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (text_view, "move-cursor", G_CALLBACK (on_text_view_move_cursor), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  on_text_view_vadjustment (self);

  dossier_reader_page_set_document_id (self, 0);
}

GtkWidget *
dossier_reader_page_new (void)
{
  return g_object_new (DOSSIER_TYPE_READER_PAGE, NULL);
}
