/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-briefing-page.c — writing a briefing note (see
 * dossier-briefing-page.h).
 *
 * The preview, the sources and the evidence meter are drawn from one
 * parse of what is typed (dossier-markdown.h) and its citations resolved
 * afresh (dossier-citation.h), a moment after typing stops; the same pause
 * commits the body, so the project's history gets one step per stretch of
 * writing, not one per key.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-accessible.h"
#include "dossier-briefing-editor.h"
#include "dossier-briefing-export.h"
#include "dossier-briefing-layout.h"
#include "dossier-briefing-page.h"
#include "dossier-cite-picker.h"
#include "dossier-name-dialog.h"
#include "dossier-source-row.h"
#include "dossier-ui-utils.h"
#include "dossier-unbroken-runs.h"
#include "dossier-wrap-layout.h"

/* How long typing must pause before the body is committed and shown. */
#define COMMIT_DELAY_MS 700
/* Highlights listed at once in the citation picker. */
/* Narrower than this (pixels), the editor and the preview take turns
 * instead of sitting side by side: both need 240 and the paned's handle. */
#define NARROW_WIDTH 560

struct _DossierBriefingPage
{
  GtkWidget       parent_instance;

  DossierProject *project;         /* weak: the window owns and closes it */
  GListModel     *briefings;       /* the project's, followed */
  gint64          briefing_id;
  DossierBriefing *briefing;       /* the project's; watched for "body" */
  gulong          body_handler;
  guint           commit_source;
  gboolean        loading;         /* the buffer is being set from the project */
  gboolean        narrow;          /* editor and preview take turns */
  guint           narrow_idle_id;
  guint           refresh_idle_id; /* the project changed: citations read again */
  gboolean        preview_stale;   /* … when the page is next shown */
  gboolean        laid_out;        /* allocated since it was last shown */
  gboolean        cursor_scroll_pending; /* … for the cursor to be scrolled to */
  guint           cursor_scroll_id; /* an idle scrolling to it, after the layout */

  GtkDropDown    *chooser;
  GtkStack       *stack;
  GtkTextView    *editor;
  GtkLabel       *preview;
  GtkLabel       *meter;
  GtkWidget      *sources_box;    /* the heading and the list, hidden when nothing is cited */
  GtkListBox     *sources;
  GListStore     *source_items;   /* of DossierSourceItem, in the order of the footnotes */
  GtkMenuButton  *cite_button;
  DossierCitePicker *cite_popover;
  GtkWidget      *focus_before_cite; /* weak: where Ctrl+K was pressed */
  GtkWidget      *mode_box;
  GtkToggleButton *edit_toggle;
  GtkToggleButton *preview_toggle;
  GtkWidget      *editor_pane;
  GtkWidget      *read_only_banner;
  GtkLabel       *read_only_label;
  GtkWidget      *preview_scroller;
  GtkWidget      *preview_rest;    /* the preview's labels after the first, as scrolled to */
  GPtrArray      *preview_pending; /* markup of the labels not made yet, first last */
  guint           preview_more_id; /* an idle adding the next of them */
  char           *read_only_body;  /* the note the editor shows read-only, its lines cut */
};

G_DEFINE_FINAL_TYPE (DossierBriefingPage, dossier_briefing_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_PROJECT, PROP_BRIEFING_ID, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { HIGHLIGHT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- Rendering ------------------------------------------------------------ */

/* The preview's colours, from GNOME's palette: the darker shades on a light
 * background, the lighter ones on a dark one, so that each keeps its
 * contrast with the text around it. */
static const char *
link_color (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "#99c1f1" : "#1c71d8";
}

static const char *
problem_color (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "#f66151" : "#c01c28";
}

/* The preview is labels: Pango's markup parser takes time growing with
 * the square of the spans each holds, and a label lays out all its text,
 * so a note of megabytes or of thousands of citations (a file can hold
 * any) would stop the window. The preview shows this much of the note's
 * markup; the exports show all of it. */
#define PREVIEW_MAX_MARKUP (128 * 1024)

/* The preview is cut into labels of about this much markup: the first is
 * laid out when the note is shown, each of the others when the preview is
 * scrolled near its end (Pango took ~1.5 s of CPU for one label of 128 KB,
 * at every change; a first label of 16 KB took ~190 ms of any note past
 * 20 KB, where a pane shows some 3 KB). Cut between blocks, and inside a
 * block longer than that (a note of one paragraph) at a line break, a
 * sentence's end or a space, within this many bytes of the size, else in a
 * run with no space. */
#define PREVIEW_CHUNK (4 * 1024)
#define PREVIEW_CUT_REACH 1024

/* Where one label's markup ends and the next one's starts. */
typedef struct
{
  gsize end;
  gsize next;
} PreviewCut;

/* A span open where the preview is written: closed at the end of a label
 * cut inside it, and opened again at the start of the next. */
typedef struct
{
  char       *open;
  const char *close;
} PreviewSpan;

/* The preview's markup as it is written, and where it is cut. */
typedef struct
{
  GString   *out;
  GPtrArray *citations;
  GArray    *cuts;        /* PreviewCut */
  GArray    *spans;       /* PreviewSpan, outermost first */
  gsize      label_start; /* where the text of the label being written starts */
} PreviewWriter;

static void render_inlines (PreviewWriter *w, DossierMarkdownNode *node);

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

static gboolean
preview_full (PreviewWriter *w)
{
  return w->out->len >= PREVIEW_MAX_MARKUP;
}

/* Bytes of the label being written. */
static gsize
preview_label_size (PreviewWriter *w)
{
  return w->out->len - w->label_start;
}

static void
preview_open (PreviewWriter *w,
              char          *open,
              const char    *close)
{
  PreviewSpan span = { open, close };

  g_string_append (w->out, open);
  g_array_append_val (w->spans, span);
}

static void
preview_close (PreviewWriter *w)
{
  PreviewSpan *span = &g_array_index (w->spans, PreviewSpan, w->spans->len - 1);

  g_string_append (w->out, span->close);
  g_free (span->open);
  g_array_set_size (w->spans, w->spans->len - 1);
}

/* Ends the label here, inside the spans open, and starts the next with
 * them open again. */
static void
preview_cut_inline (PreviewWriter *w)
{
  PreviewCut cut;

  for (guint i = w->spans->len; i > 0; i--)
    g_string_append (w->out, g_array_index (w->spans, PreviewSpan, i - 1).close);
  cut.end = cut.next = w->out->len;
  g_array_append_val (w->cuts, cut);
  for (guint i = 0; i < w->spans->len; i++)
    g_string_append (w->out, g_array_index (w->spans, PreviewSpan, i).open);
  w->label_start = w->out->len;
}

/* A line break inside a block: where the label is long enough, the end
 * of one label and the start of the next is that line break. */
static void
preview_line_end (PreviewWriter *w)
{
  if (preview_label_size (w) >= PREVIEW_CHUNK)
    preview_cut_inline (w);
  else
    g_string_append_c (w->out, '\n');
}

/* After a block's "\n\n": the label ends there, the blank line kept by
 * one line break at its end. */
static void
preview_block_end (PreviewWriter *w)
{
  PreviewCut cut = { w->out->len - 1, w->out->len };

  if (preview_label_size (w) < PREVIEW_CHUNK || preview_full (w))
    return;
  g_array_append_val (w->cuts, cut);
  w->label_start = w->out->len;
}

static gboolean
is_sentence_start (const char *text,
                   gsize       at)
{
  return at >= 2 && text[at - 1] == ' ' && strchr (".!?", text[at - 2]) != NULL;
}

/* The position in @text between @low and @high nearest @room (those
 * before it first) after which @text is cut: that starts a sentence, or
 * that follows a space; 0 if none. */
static gsize
nearest_cut (const char *text,
             gsize       low,
             gsize       room,
             gsize       high,
             gboolean    sentence)
{
  for (gsize at = room; at > low; at--)
    if (sentence ? is_sentence_start (text, at) : text[at - 1] == ' ')
      return at;
  for (gsize at = room + 1; at <= high; at++)
    if (sentence ? is_sentence_start (text, at) : text[at - 1] == ' ')
      return at;
  return 0;
}

/* Where to cut @text (@len bytes) for its first @room bytes to end a
 * label whose size is @size: after the sentence's end nearest @room within
 * PREVIEW_CUT_REACH of it; else, if the text goes on beyond that or the
 * label is twice the size it should be, after the nearest space, or in a
 * run with no space at the character that starts at or before @room.
 * @len if it is not to be cut (a later text may hold a sentence's end). */
static gsize
find_text_cut (const char *text,
               gsize       len,
               gsize       room,
               gsize       size)
{
  gsize low = room > PREVIEW_CUT_REACH ? room - PREVIEW_CUT_REACH : 0;
  gsize high = MIN (len, room + PREVIEW_CUT_REACH);
  gsize at;

  if (len <= room)
    return len;
  if ((at = nearest_cut (text, low, room, high, TRUE)) > 0)
    return at;
  if (high == len && size + len < 2 * PREVIEW_CHUNK)
    return len;
  if ((at = nearest_cut (text, low, room, high, FALSE)) > 0)
    return at;
  if (high == len)
    return len;
  /* Not inside a character, nor before a mark that goes with the one
   * before it. */
  for (at = room; at > 0; at--)
    if (((guchar) text[at] & 0xc0) != 0x80 &&
        !g_unichar_ismark (g_utf8_get_char_validated (text + at, len - at)))
      break;
  return at;
}

/* @text escaped, as much of it as the preview has room for (cut at a
 * character's start), the label cut in it where it grows too long. */
static void
append_text (PreviewWriter *w,
             const char    *text)
{
  gsize room = preview_full (w) ? 0 : PREVIEW_MAX_MARKUP - w->out->len;
  gsize len = text != NULL ? strlen (text) : 0;

  if (len > room)
    {
      len = room;
      while (len > 0 && ((guchar) text[len] & 0xc0) == 0x80)
        len--;
    }
  while (len > 0)
    {
      gsize size = preview_label_size (w);
      /* A block that ends soon is cut after it. */
      gsize at = size + len <= PREVIEW_CHUNK + 2 * PREVIEW_CUT_REACH
                 ? len : find_text_cut (text, len, size < PREVIEW_CHUNK ? PREVIEW_CHUNK - size : 0, size);
      g_autofree char *escaped = g_markup_escape_text (text, at);

      g_string_append (w->out, escaped);
      if (at == len)
        break;
      preview_cut_inline (w);
      text += at;
      len -= at;
    }
}

/* Before a mark that is not text (a citation's): a label of marks with no
 * text between them (where it is cut) ends when it is far too long. */
static void
preview_before_mark (PreviewWriter *w)
{
  if (preview_label_size (w) >= 2 * PREVIEW_CHUNK)
    preview_cut_inline (w);
}

static void
render_inline (PreviewWriter       *w,
               DossierMarkdownNode *node)
{
  DossierCitation *c;

  if (preview_full (w))
    return;

  switch (node->kind)
    {
    case DOSSIER_MARKDOWN_TEXT:
      append_text (w, node->text);
      break;
    case DOSSIER_MARKDOWN_CODE:
      preview_open (w, g_strdup ("<tt>"), "</tt>");
      append_text (w, node->text);
      preview_close (w);
      break;
    case DOSSIER_MARKDOWN_EMPHASIS:
      preview_open (w, g_strdup ("<i>"), "</i>");
      render_inlines (w, node);
      preview_close (w);
      break;
    case DOSSIER_MARKDOWN_STRONG:
      preview_open (w, g_strdup ("<b>"), "</b>");
      render_inlines (w, node);
      preview_close (w);
      break;
    case DOSSIER_MARKDOWN_LINK:
      preview_open (w, g_strdup ("<u>"), "</u>");
      render_inlines (w, node);
      preview_close (w);
      break;
    case DOSSIER_MARKDOWN_CITATION:
      c = w->citations != NULL ? dossier_citations_lookup_node (w->citations, node) : NULL;
      if (c == NULL)
        break;
      preview_before_mark (w);
      /* A word joiner (U+2060, drawn as nothing) keeps the number on the
       * line of the word or number it follows: Pango would break before
       * "[" after a space, a full stop or another citation, and a line
       * would begin with "[3]", as the PDF no longer does (7432723). */
      if (w->out->len > 0 && w->out->str[w->out->len - 1] != '\n')
        g_string_append (w->out, "\u2060");
      /* A citation that cannot be verified is shown plainly as such. */
      if (c->status != DOSSIER_CITATION_OK)
        g_string_append_printf (w->out, "<span foreground=\"%s\" weight=\"bold\"><sup>[%u⚠]</sup></span>",
                                problem_color (), c->number);
      else
        g_string_append_printf (w->out, "<span foreground=\"%s\"><sup>[%u]</sup></span>", link_color (),
                                c->number);
      break;
    case DOSSIER_MARKDOWN_LINE_BREAK:
      preview_line_end (w);
      break;
    default:
      break;
    }
}

static void
render_inlines (PreviewWriter       *w,
                DossierMarkdownNode *node)
{
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      DossierMarkdownNode *child = g_ptr_array_index (node->children, i);

      if (dossier_markdown_kind_is_inline (child->kind))
        render_inline (w, child);
    }
}

static void
render_block (PreviewWriter       *w,
              DossierMarkdownNode *node,
              guint                depth)
{
  static const char * const sizes[] = { "xx-large", "x-large", "large", "medium", "medium", "medium" };

  if (preview_full (w))
    return;

  switch (node->kind)
    {
    case DOSSIER_MARKDOWN_HEADING:
      preview_open (w, g_strdup_printf ("<span size=\"%s\" weight=\"bold\">", sizes[CLAMP (node->level, 1, 6) - 1]),
                    "</span>");
      render_inlines (w, node);
      preview_close (w);
      g_string_append (w->out, "\n\n");
      break;
    case DOSSIER_MARKDOWN_PARAGRAPH:
      render_inlines (w, node);
      g_string_append (w->out, "\n\n");
      break;
    case DOSSIER_MARKDOWN_QUOTE:
      /* The bar at the quote's start only, not again after a cut. */
      preview_open (w, g_strdup ("<span alpha=\"70%\">"), "</span>");
      g_string_append (w->out, "▍ ");
      preview_open (w, g_strdup ("<i>"), "</i>");
      for (guint i = 0; node->children != NULL && i < node->children->len; i++)
        render_inlines (w, g_ptr_array_index (node->children, i));
      preview_close (w);
      preview_close (w);
      g_string_append (w->out, "\n\n");
      break;
    case DOSSIER_MARKDOWN_RULE:
      g_string_append (w->out, "――――――――――\n\n");
      break;
    case DOSSIER_MARKDOWN_LIST:
      for (guint i = 0; node->children != NULL && i < node->children->len && !preview_full (w); i++)
        {
          DossierMarkdownNode *item = g_ptr_array_index (node->children, i);

          for (guint d = 0; d < depth; d++)
            g_string_append (w->out, "    ");
          if (node->ordered)
            g_string_append_printf (w->out, "%u. ", item->number);
          else
            g_string_append (w->out, "• ");
          render_inlines (w, item);
          preview_line_end (w);
          for (guint k = 0; item->children != NULL && k < item->children->len; k++)
            {
              DossierMarkdownNode *child = g_ptr_array_index (item->children, k);

              if (child->kind == DOSSIER_MARKDOWN_LIST)
                render_block (w, child, depth + 1);
            }
        }
      if (depth == 0)
        g_string_append_c (w->out, '\n');
      break;
    default:
      break;
    }
}

static gboolean
read_only (DossierBriefingPage *self)
{
  return dossier_briefing_editor_get_read_only (DOSSIER_BRIEFING_EDITOR (self->editor));
}

/* The note as the editor has it. */
static char *
get_text (DossierBriefingPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->editor);
  GtkTextIter start, end;

  /* Not the lines cut that it shows. */
  if (read_only (self))
    return g_strdup (self->read_only_body);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  /* With the chips' hidden UUIDs. */
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

#define WORD_JOINER "\u2060"
#define WORD_JOINER_LEN (sizeof WORD_JOINER - 1)

/* The preview's markup keeps a citation on the line of what it follows
 * with a word joiner before it; the label shows the markup without the
 * joiners, the same line break forbidden by an attribute (as the PDF
 * does), so that what is copied from the preview, selected for the middle
 * button or dragged out of it carries no invisible characters. */
static void
set_preview_markup (GtkLabel   *label,
                    const char *markup)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(GString) without = g_string_new (markup);
  g_autofree char *text = NULL;
  const char *shown;
  guint removed = 0;

  if (strstr (markup, WORD_JOINER) != NULL && pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    {
      for (const char *j = text; (j = strstr (j, WORD_JOINER)) != NULL; j += WORD_JOINER_LEN, removed++)
        {
          /* Where the joiner was once the joiners are out of the text;
           * no break between the character before it and the one after
           * it (the citation's "["). */
          gsize at = (gsize) (j - text) - removed * WORD_JOINER_LEN;
          const char *before = g_utf8_find_prev_char (text, j);
          const char *after = j + WORD_JOINER_LEN;
          PangoAttribute *attr;

          /* Joiners of the note's own text, side by side with one of
           * ours, are left to break where they may. */
          if (before == NULL || *after == '\0' || g_str_has_prefix (before, WORD_JOINER) ||
              g_str_has_prefix (after, WORD_JOINER))
            continue;
          attr = pango_attr_allow_breaks_new (FALSE);
          attr->start_index = (guint) (before - text - removed * WORD_JOINER_LEN);
          attr->end_index = (guint) (at + (g_utf8_next_char (after) - after));
          pango_attr_list_insert (attrs, attr);
        }
      g_string_replace (without, WORD_JOINER, "", 0);
    }

  gtk_label_set_markup (label, without->str);
  shown = gtk_label_get_text (label);
  /* A run without a space (200,000 '[') would take the label minutes
   * to measure: cut in pieces, it takes what any text does. */
  dossier_unbroken_runs_add_attrs (attrs, shown, strlen (shown));
  gtk_label_set_attributes (label, attrs);
}

/* Whether the preview is scrolled to within a page of its end. */
static gboolean
preview_near_end (DossierBriefingPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->preview_scroller));
  double page = gtk_adjustment_get_page_size (adjustment);

  return gtk_adjustment_get_value (adjustment) + 2 * page >= gtk_adjustment_get_upper (adjustment);
}

/* The next label of the preview, while it is scrolled near its end. */
static gboolean
add_preview_chunk (gpointer data)
{
  DossierBriefingPage *self = data;

  self->preview_more_id = 0;
  if (self->preview_pending->len > 0 && preview_near_end (self))
    {
      g_autofree char *markup = g_ptr_array_steal_index (self->preview_pending, self->preview_pending->len - 1);
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "note-preview");
      set_preview_markup (GTK_LABEL (label), markup);
      gtk_box_append (GTK_BOX (self->preview_rest), label);
    }
  return G_SOURCE_REMOVE;
}

static void
on_preview_scrolled (DossierBriefingPage *self)
{
  if (self->preview_pending->len > 0 && self->preview_more_id == 0)
    self->preview_more_id = g_idle_add (add_preview_chunk, self);
}

/* @chunks, the preview's markup label by label, shown: the first at once,
 * the others as the preview is scrolled to them. */
static void
show_preview_chunks (DossierBriefingPage *self,
                     GPtrArray           *chunks)
{
  GtkWidget *child;

  g_clear_handle_id (&self->preview_more_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (self->preview_rest)) != NULL)
    gtk_box_remove (GTK_BOX (self->preview_rest), child);
  g_ptr_array_set_size (self->preview_pending, 0);
  set_preview_markup (self->preview, g_ptr_array_index (chunks, 0));
  for (guint i = chunks->len; i > 1; i--)
    g_ptr_array_add (self->preview_pending, g_ptr_array_steal_index (chunks, i - 1));
  on_preview_scrolled (self);
}

/* The sources, a row each in the order of the footnotes. Only the rows
 * that show something else are made again: a pause in typing that left
 * the citations as they were keeps every row, and the focus in one. */
static void
show_sources (DossierBriefingPage *self,
              GPtrArray           *citations)
{
  GListModel *shown = G_LIST_MODEL (self->source_items);
  guint n_shown = g_list_model_get_n_items (shown);
  guint n = citations != NULL ? citations->len : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierSourceItem) item = dossier_source_item_new (g_ptr_array_index (citations, i));
      g_autoptr(DossierSourceItem) old = i < n_shown ? g_list_model_get_item (shown, i) : NULL;

      if (old == NULL)
        g_list_store_append (self->source_items, item);
      else if (!dossier_source_item_equal (old, item))
        g_list_store_splice (self->source_items, i, 1, (gpointer *) &item, 1);
    }
  if (n_shown > n)
    g_list_store_splice (self->source_items, n, n_shown - n, NULL, 0);
  gtk_widget_set_visible (self->sources_box, n > 0);
}

static GtkWidget *
create_source_row (gpointer item,
                   gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();

  /* A deleted highlight has no passage to open. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row),
                                    dossier_source_item_get_highlight_id (item) != 0);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), dossier_source_row_new (item));
  return row;
}

/* A source opens its passage in the reader, as a highlight's card does. */
static void
on_source_activated (DossierBriefingPage *self,
                     GtkListBoxRow       *row)
{
  g_autoptr(DossierSourceItem) item = g_list_model_get_item (G_LIST_MODEL (self->source_items),
                                                             gtk_list_box_row_get_index (row));

  if (item != NULL && dossier_source_item_get_highlight_id (item) != 0)
    g_signal_emit (self, signals[HIGHLIGHT_ACTIVATED], 0, dossier_source_item_get_document_id (item),
                   dossier_source_item_get_highlight_id (item));
}

static void
update_preview (DossierBriefingPage *self)
{
  g_autofree char *text = get_text (self);
  g_autoptr(DossierMarkdownNode) root = dossier_markdown_parse (text);
  g_autoptr(GPtrArray) citations = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GString) preview = g_string_new (NULL);
  g_autoptr(GString) meter = g_string_new (NULL);

  self->preview_stale = FALSE;
  g_clear_handle_id (&self->refresh_idle_id, g_source_remove);
  if (self->project != NULL)
    citations = dossier_project_resolve_citations (self->project, root, NULL);

  dossier_briefing_editor_show_citations (DOSSIER_BRIEFING_EDITOR (self->editor), root, citations);
  {
    g_autoptr(GPtrArray) chunks = g_ptr_array_new_with_free_func (g_free);
    PreviewWriter w = { preview, citations, g_array_new (FALSE, FALSE, sizeof (PreviewCut)),
                        g_array_new (FALSE, FALSE, sizeof (PreviewSpan)), 0 };
    gsize from = 0;

    for (guint i = 0; root->children != NULL && i < root->children->len; i++)
      {
        render_block (&w, g_ptr_array_index (root->children, i), 0);
        preview_block_end (&w);
      }
    while (preview->len > 0 && preview->str[preview->len - 1] == '\n')
      g_string_truncate (preview, preview->len - 1);
    if (preview_full (&w))
      {
        g_string_append (preview, "…\n\n<i>");
        append_escaped (preview, _("The preview ends here: the note is too long to show whole. "
                                   "Export it to read all of it."));
        g_string_append (preview, "</i>");
      }
    for (guint i = 0; i < w.cuts->len; i++)
      {
        PreviewCut *cut = &g_array_index (w.cuts, PreviewCut, i);

        if (cut->next >= preview->len)
          break;
        g_ptr_array_add (chunks, g_strndup (preview->str + from, cut->end - from));
        from = cut->next;
      }
    g_ptr_array_add (chunks, g_strdup (preview->str + from));
    g_array_unref (w.cuts);
    g_array_unref (w.spans);
    show_preview_chunks (self, chunks);
  }

  /* The evidence meter: what each section cites that still verifies. */
  sections = dossier_briefing_get_sections_verified (root, citations);
  if (sections->len > 0)
    {
      guint top = G_MAXUINT;

      /* Indented under the outermost heading level the note uses: a note
       * of "##" sections is not all indented. */
      for (guint i = 0; i < sections->len; i++)
        {
          guint level = ((DossierBriefingSection *) g_ptr_array_index (sections, i))->level;

          if (level > 0)   /* 0: what comes before the first heading */
            top = MIN (top, level);
        }
      g_string_append_printf (meter, "<b>%s</b>\n", _("Evidence by section"));
      for (guint i = 0; i < sections->len; i++)
        {
          DossierBriefingSection *s = g_ptr_array_index (sections, i);
          g_autofree char *line = NULL;

          if (s->n_citations == 0)
            line = g_strdup_printf (_("%s: no citation"), s->heading != NULL ? s->heading : _("Introduction"));
          else
            line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u citation", "%s: %u citations",
                                                 s->n_citations),
                                    s->heading != NULL ? s->heading : _("Introduction"), s->n_citations);
          if (s->n_unverified > 0)
            {
              g_autofree char *counted = g_steal_pointer (&line);

              /* TRANSLATORS: %s is "Heading: 2 citations" (or "no citation");
               * %u how many more cite a highlight deleted or changed */
              line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u no longer verifies",
                                                   "%s; %u no longer verify", s->n_unverified),
                                      counted, s->n_unverified);
            }
          g_string_append (meter, s->n_citations == 0 || s->n_unverified > 0 ? "⚠ " : "✓ ");
          for (guint d = top; d < s->level; d++)
            g_string_append (meter, "   ");
          append_escaped (meter, line);
          g_string_append_c (meter, '\n');
        }
      g_string_truncate (meter, meter->len - 1);
    }
  /* The template's prompts still there: exports leave them out, so what
   * they ask for is missing from what goes out. */
  {
    guint n_prompts = dossier_briefing_count_prompts (root);

    if (n_prompts > 0)
      {
        g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u prompt not yet replaced (left out of exports)",
                                                              "%u prompts not yet replaced (left out of exports)",
                                                              n_prompts), n_prompts);

        g_string_append (meter, meter->len > 0 ? "\n⚠ " : "⚠ ");
        append_escaped (meter, line);
      }
  }
  gtk_label_set_markup (self->meter, meter->str);

  show_sources (self, citations);
}

/* ---- Committing ----------------------------------------------------------- */

void
dossier_briefing_page_commit (DossierBriefingPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (DOSSIER_IS_BRIEFING_PAGE (self));

  g_clear_handle_id (&self->commit_source, g_source_remove);
  update_preview (self);
  /* Shown read-only, the note cannot have been edited: it stays as it is. */
  if (self->project == NULL || self->briefing == NULL || read_only (self))
    return;

  text = get_text (self);
  if (g_strcmp0 (text, dossier_briefing_get_body (self->briefing)) == 0)
    return;
  if (!dossier_project_set_briefing_body (self->project, self->briefing_id, text, &error))
    dossier_present_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                           _("The note could not be saved"), error->message);
}

static gboolean
commit_timeout (gpointer user_data)
{
  DossierBriefingPage *self = user_data;

  self->commit_source = 0;
  dossier_briefing_page_commit (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed (DossierBriefingPage *self)
{
  if (self->loading || read_only (self))
    return;
  g_clear_handle_id (&self->commit_source, g_source_remove);
  self->commit_source = g_timeout_add (COMMIT_DELAY_MS, commit_timeout, self);
}

/* Undo and redo give back text as it was, a citation's run included, but
 * not the chip over it (tags are not in the buffer's history): shown as
 * "[@UUID]" until typing paused, the citation lost a bracket to BackSpace
 * instead of going whole. Its chip at once, as when cited. */
static void
on_buffer_undone (DossierBriefingPage *self)
{
  if (self->loading || read_only (self))
    return;
  update_preview (self);
}

static void
on_editor_focus_leave (DossierBriefingPage *self)
{
  if (self->commit_source != 0)
    dossier_briefing_page_commit (self);
}

/* @body into the editor, not to be undone there: editable, or read-only
 * with a line too long to edit, saying so above it. */
static void
set_editor_note (DossierBriefingPage *self,
                 const char          *body)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->editor);
  gsize longest = 0;
  gboolean editable;

  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (buffer);
  editable = dossier_briefing_editor_set_note (DOSSIER_BRIEFING_EDITOR (self->editor), body, &longest);
  gtk_text_buffer_end_irreversible_action (buffer);
  self->loading = FALSE;

  g_clear_pointer (&self->read_only_body, g_free);
  if (!editable)
    {
      /* Grouped as the locale writes numbers: "208,800", "208.800". */
      g_autofree char *count = g_strdup_printf ("%'" G_GSIZE_FORMAT, longest);
      g_autofree char *message = NULL;

      self->read_only_body = g_strdup (body);
      /* TRANSLATORS: above a note shown read-only; %s is a number of
       * characters, over ten thousand */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "This note has %s character on one line, too many to edit here. "
                                              "It is shown read-only, its long lines cut to be read; "
                                              "the note stays as it is, and the preview and exports show it "
                                              "as written.",
                                              "This note has %s characters on one line, too many to edit here. "
                                              "It is shown read-only, its long lines cut to be read; "
                                              "the note stays as it is, and the preview and exports show it "
                                              "as written.", longest), count);
      gtk_label_set_text (self->read_only_label, message);
    }
  gtk_widget_set_visible (self->read_only_banner, !editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cite_button), self->briefing != NULL && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefing.choose-citation",
                                 self->briefing != NULL && editable);
}

/* The project's body (after undo, or a change from elsewhere) into the
 * editor, unless it is what the editor holds already. */
static void
load_body (DossierBriefingPage *self)
{
  const char *body = self->briefing != NULL ? dossier_briefing_get_body (self->briefing) : "";
  g_autofree char *text = get_text (self);

  if (g_strcmp0 (text, body) != 0)
    set_editor_note (self, body);
  update_preview (self);
}

static void
on_body_changed (DossierBriefingPage *self)
{
  /* What is being typed wins over what the project had. */
  if (self->commit_source != 0)
    return;
  load_body (self);
}

/* The citations show their highlights as they are now: after any action,
 * undo or redo (a cited highlight deleted, its passage moved or its text
 * replaced, its document renamed), they are read again, at once on show
 * (in an idle, once for a run of steps), or when the page is next shown. */
static gboolean
refresh_preview (gpointer data)
{
  DossierBriefingPage *self = data;

  self->refresh_idle_id = 0;
  update_preview (self);
  return G_SOURCE_REMOVE;
}

static void
on_project_changed (DossierBriefingPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->preview_stale = TRUE;
      return;
    }
  if (self->refresh_idle_id == 0)
    self->refresh_idle_id = g_idle_add (refresh_preview, self);
}

static void
dossier_briefing_page_map (GtkWidget *widget)
{
  DossierBriefingPage *self = DOSSIER_BRIEFING_PAGE (widget);

  self->laid_out = FALSE;
  GTK_WIDGET_CLASS (dossier_briefing_page_parent_class)->map (widget);
  if (self->preview_stale)
    update_preview (self);
}

/* Where a citation went is shown once the editor has laid its text out:
 * shown a moment ago (Cite in Briefing from another page shows this one),
 * or just changed, its lines' heights are guesses and a scroll measured
 * on them lands short; the idle comes after GTK's own layout idles. Not
 * GTK's scroll to a mark: it animates, and GTK 4.8 fails a critical when
 * a text view is hidden mid-animation towards a point its text no longer
 * reaches. The margin keeps a chip (taller than the text) in sight. */
static gboolean
scroll_to_cursor_now (gpointer user_data)
{
  DossierBriefingPage *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->editor);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->editor));
  GdkRectangle visible, cursor;
  GtkTextIter iter;
  int margin, delta = 0;

  self->cursor_scroll_id = 0;
  self->cursor_scroll_pending = FALSE;
  if (vadjustment == NULL)
    return G_SOURCE_REMOVE;
  gtk_text_view_get_visible_rect (self->editor, &visible);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (self->editor, &iter, &cursor);
  margin = visible.height / 20;
  if (cursor.y < visible.y + margin)
    delta = cursor.y - margin - visible.y;
  else if (cursor.y + cursor.height > visible.y + visible.height - margin)
    delta = cursor.y + cursor.height + margin - (visible.y + visible.height);
  if (delta != 0)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + delta);
  return G_SOURCE_REMOVE;
}

static void
scroll_to_cursor (DossierBriefingPage *self)
{
  self->cursor_scroll_pending = TRUE;
  if (self->laid_out && self->cursor_scroll_id == 0)
    self->cursor_scroll_id = g_idle_add_full (G_PRIORITY_LOW, scroll_to_cursor_now, self, NULL);
}

/* ---- The note shown ------------------------------------------------------- */

static void
select_in_chooser (DossierBriefingPage *self)
{
  GListModel *model = gtk_drop_down_get_model (self->chooser);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierBriefing) b = g_list_model_get_item (model, i);

      if (dossier_briefing_get_id (b) == self->briefing_id)
        {
          if (gtk_drop_down_get_selected (self->chooser) != i)
            gtk_drop_down_set_selected (self->chooser, i);
          return;
        }
    }
}

void
dossier_briefing_page_set_briefing_id (DossierBriefingPage *self,
                                       gint64               briefing_id)
{
  DossierBriefing *briefing;

  g_return_if_fail (DOSSIER_IS_BRIEFING_PAGE (self));

  briefing = self->project != NULL && briefing_id > 0
             ? dossier_project_get_briefing (self->project, briefing_id) : NULL;
  if (briefing == NULL)
    briefing_id = 0;
  if (briefing_id == self->briefing_id && briefing == self->briefing)
    return;

  /* What was typed in the note shown so far is kept. */
  if (self->commit_source != 0)
    dossier_briefing_page_commit (self);

  if (self->briefing != NULL)
    g_clear_signal_handler (&self->body_handler, self->briefing);
  g_clear_object (&self->briefing);
  self->briefing_id = briefing_id;
  if (briefing != NULL)
    {
      self->briefing = g_object_ref (briefing);
      self->body_handler = g_signal_connect_object (briefing, "notify::body",
                                                    G_CALLBACK (on_body_changed), self,
                                                    G_CONNECT_SWAPPED);
    }

  /* Another note's typing is not undone into this one. */
  set_editor_note (self, briefing != NULL ? dossier_briefing_get_body (briefing) : "");
  update_preview (self);
  gtk_stack_set_visible_child_name (self->stack, briefing != NULL ? "editor" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefing.export", briefing != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefing.print", briefing != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefing.rename", briefing != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefing.delete", briefing != NULL);
  select_in_chooser (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRIEFING_ID]);
}

gint64
dossier_briefing_page_get_briefing_id (DossierBriefingPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFING_PAGE (self), 0);
  return self->briefing_id;
}

static void
on_chooser_selected (DossierBriefingPage *self)
{
  DossierBriefing *b = gtk_drop_down_get_selected_item (self->chooser);

  if (b != NULL)
    dossier_briefing_page_set_briefing_id (self, dossier_briefing_get_id (b));
}

static void
on_briefings_changed (DossierBriefingPage *self)
{
  if (self->project == NULL)
    return;
  /* The note shown was deleted (or its deletion undone). */
  if (self->briefing_id != 0 && dossier_project_get_briefing (self->project, self->briefing_id) == NULL)
    {
      GListModel *model = dossier_project_get_briefings (self->project);
      g_autoptr(DossierBriefing) first = g_list_model_get_item (model, 0);

      dossier_briefing_page_set_briefing_id (self, first != NULL ? dossier_briefing_get_id (first) : 0);
    }
  else if (self->briefing_id == 0)
    on_chooser_selected (self);
  else
    select_in_chooser (self);
}

DossierProject *
dossier_briefing_page_get_project (DossierBriefingPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFING_PAGE (self), NULL);
  return self->project;
}

void
dossier_briefing_page_set_project (DossierBriefingPage *self,
                                   DossierProject      *project)
{
  g_return_if_fail (DOSSIER_IS_BRIEFING_PAGE (self));
  g_return_if_fail (project == NULL || DOSSIER_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->commit_source != 0)
    dossier_briefing_page_commit (self);
  dossier_briefing_page_set_briefing_id (self, 0);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_project_changed, self);
  if (self->briefings != NULL)
    g_signal_handlers_disconnect_by_data (self->briefings, self);
  g_clear_object (&self->briefings);
  /* Weak: a project the window has closed already reads as none. */
  g_set_weak_pointer (&self->project, project);
  dossier_filter_popover_set_project (DOSSIER_FILTER_POPOVER (self->cite_popover), project);

  if (project != NULL)
    {
      GListModel *model = dossier_project_get_briefings (project);
      g_autoptr(DossierBriefing) first = g_list_model_get_item (model, 0);

      self->briefings = g_object_ref (model);
      g_signal_connect_object (project, "notify::undo-step", G_CALLBACK (on_project_changed), self,
                               G_CONNECT_SWAPPED);
      gtk_drop_down_set_model (self->chooser, model);
      g_signal_connect_object (model, "items-changed", G_CALLBACK (on_briefings_changed), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      if (first != NULL)
        dossier_briefing_page_set_briefing_id (self, dossier_briefing_get_id (first));
    }
  else
    gtk_drop_down_set_model (self->chooser, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefing.new", project != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/* ---- Citations ------------------------------------------------------------ */

gboolean
dossier_briefing_page_cite_highlight (DossierBriefingPage *self,
                                      gint64               highlight_id)
{
  g_autoptr(DossierHighlight) h = NULL;
  g_autofree char *citation = NULL;
  GtkTextBuffer *buffer;

  g_return_val_if_fail (DOSSIER_IS_BRIEFING_PAGE (self), FALSE);

  if (self->project == NULL || self->briefing == NULL || read_only (self))
    return FALSE;
  h = dossier_project_get_highlight (self->project, highlight_id, NULL);
  if (h == NULL)
    return FALSE;

  buffer = gtk_text_view_get_buffer (self->editor);
  citation = g_strdup_printf ("[@%s]", dossier_highlight_get_uuid (h));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_at_cursor (buffer, citation, -1);
  gtk_text_buffer_end_user_action (buffer);
  /* Cited from a card or the Compare page, the cursor may be out of
   * sight (a note opens with it at its end): where it went is shown. */
  scroll_to_cursor (self);
  /* Its chip at once, not when typing pauses. */
  update_preview (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
  return TRUE;
}

gboolean
dossier_briefing_page_cite_uuid (DossierBriefingPage *self,
                                 const char          *uuid)
{
  gint64 id;

  g_return_val_if_fail (DOSSIER_IS_BRIEFING_PAGE (self), FALSE);

  if (self->project == NULL || uuid == NULL || !dossier_markdown_is_uuid (uuid))
    return FALSE;
  /* Found as a citation is: the same lookup, the same verdict. */
  {
    g_autofree char *source = g_strdup_printf ("[@%s]", uuid);
    g_autoptr(DossierMarkdownNode) root = dossier_markdown_parse (source);
    g_autoptr(GPtrArray) citations = dossier_project_resolve_citations (self->project, root, NULL);
    DossierCitation *c = citations != NULL && citations->len > 0 ? g_ptr_array_index (citations, 0) : NULL;

    id = c != NULL ? c->highlight_id : 0;
  }
  if (id <= 0)
    return FALSE;
  /* With no note yet, one is started (from the template) to take it. */
  if (self->briefing == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "briefing.new", NULL);
  return dossier_briefing_page_cite_highlight (self, id);
}

static void
cite_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  dossier_briefing_page_cite_uuid (DOSSIER_BRIEFING_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* Ctrl+K: the Cite picker, its search entry focused (see
 * DossierFilterPopover); the editor keeps Tab for tabs, so the Cite button
 * was four Shift+Tabs away. Enabled as the button is sensitive. */
static void
choose_citation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DossierBriefingPage *self = DOSSIER_BRIEFING_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!gtk_widget_is_sensitive (GTK_WIDGET (self->cite_button)))
    return;
  g_set_weak_pointer (&self->focus_before_cite, root != NULL ? gtk_root_get_focus (root) : NULL);
  gtk_menu_button_popup (self->cite_button);
}

/* Closed without a citation (Escape), the picker opened by Ctrl+K gives
 * the focus back to where the key was pressed (the note's text), not to
 * the Cite button; a citation takes it to the editor anyway. */
static void
on_cite_popover_closed (DossierBriefingPage *self)
{
  GtkWidget *focus = self->focus_before_cite;

  g_clear_weak_pointer (&self->focus_before_cite);
  if (focus != NULL && gtk_widget_get_mapped (focus))
    gtk_widget_grab_focus (focus);
}

/* A highlight card dropped on the editor is cited where it is dropped. */
static gboolean
on_editor_drop (GtkDropTarget       *target,
                const GValue        *value,
                double               x,
                double               y,
                DossierBriefingPage *self)
{
  DossierHighlight *highlight = g_value_get_object (value);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->editor);
  GtkTextIter iter;
  int bx, by;

  if (highlight == NULL || self->briefing == NULL)
    return FALSE;
  gtk_text_view_window_to_buffer_coords (self->editor, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y,
                                         &bx, &by);
  gtk_text_view_get_iter_at_location (self->editor, &iter, bx, by);
  gtk_text_buffer_place_cursor (buffer, &iter);
  return dossier_briefing_page_cite_highlight (self, dossier_highlight_get_id (highlight));
}

/* ---- Narrow ----------------------------------------------------------------- */

/* libadwaita 1.2 has no breakpoints: as the window does, the page looks
 * at the width it is given and, narrower than NARROW_WIDTH, shows the
 * editor or the preview with a switch between them in the toolbar. Not
 * in the allocation itself (showing and hiding lays the page out again)
 * but right after it, before the frame is drawn. */
static void
show_mode (DossierBriefingPage *self)
{
  gboolean preview = gtk_toggle_button_get_active (self->preview_toggle);

  gtk_widget_set_visible (self->mode_box, self->narrow);
  gtk_widget_set_visible (self->editor_pane, !self->narrow || !preview);
  gtk_widget_set_visible (self->preview_scroller, !self->narrow || preview);
}

static gboolean
apply_narrow (gpointer data)
{
  DossierBriefingPage *self = data;

  self->narrow_idle_id = 0;
  show_mode (self);
  return G_SOURCE_REMOVE;
}

static void
on_mode_toggled (DossierBriefingPage *self)
{
  show_mode (self);
  if (self->narrow && !gtk_toggle_button_get_active (self->preview_toggle))
    gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}

/* The width the stack needs with one pane showing: the wider of the two. */
static int
narrow_minimum (DossierBriefingPage *self)
{
  int editor_min = 0, preview_min = 0;

  gtk_widget_measure (self->editor_pane, GTK_ORIENTATION_HORIZONTAL, -1, &editor_min, NULL, NULL, NULL);
  gtk_widget_measure (self->preview_scroller, GTK_ORIENTATION_HORIZONTAL, -1, &preview_min, NULL, NULL, NULL);
  return MAX (editor_min, preview_min);
}

/* The toolbar above the stack. Laid out here rather than by a box layout:
 * a widget with a layout manager is never told its width. */
static void
dossier_briefing_page_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  DossierBriefingPage *self = DOSSIER_BRIEFING_PAGE (widget);

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                          &child_min, &child_nat, NULL, NULL);
      /* Side by side, the stack needs both panes; but given less than
       * NARROW_WIDTH the page shows one at a time, so one pane is all it
       * asks for: else a window already narrow widens when Brief is
       * chosen, before the page has had a width to go narrow at, or when
       * it is measured between going narrow and hiding a pane (a loaded
       * machine), and stays wide. */
      if (orientation == GTK_ORIENTATION_HORIZONTAL && child == GTK_WIDGET (self->stack))
        child_min = MIN (child_min, narrow_minimum (self));
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          *minimum += child_min;
          *natural += child_nat;
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }
}

static void
dossier_briefing_page_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  DossierBriefingPage *self = DOSSIER_BRIEFING_PAGE (widget);
  GtkWidget *toolbar = gtk_widget_get_first_child (widget);
  gboolean narrow = width < NARROW_WIDTH;
  int toolbar_height = 0;
  int stack_width = width;

  gtk_widget_measure (toolbar, GTK_ORIENTATION_VERTICAL, width, NULL, &toolbar_height, NULL, NULL);
  toolbar_height = MIN (toolbar_height, height);
  gtk_widget_allocate (toolbar, width, toolbar_height, -1, NULL);
  /* Still side by side for this one frame, narrower than both panes: the
   * stack gets what it needs (clipped), and goes narrow right after. */
  {
    int stack_min = 0;

    gtk_widget_measure (GTK_WIDGET (self->stack), GTK_ORIENTATION_HORIZONTAL, -1, &stack_min, NULL, NULL, NULL);
    stack_width = MAX (width, stack_min);
  }
  gtk_widget_allocate (GTK_WIDGET (self->stack), stack_width, height - toolbar_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, toolbar_height)));

  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->narrow_idle_id == 0)
        self->narrow_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_narrow, self, NULL);
    }

  self->laid_out = TRUE;
  if (self->cursor_scroll_pending)
    scroll_to_cursor (self);
}

gboolean
dossier_briefing_page_get_narrow (DossierBriefingPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFING_PAGE (self), FALSE);
  return self->narrow;
}

void
dossier_briefing_page_show_preview (DossierBriefingPage *self,
                                    gboolean             preview)
{
  g_return_if_fail (DOSSIER_IS_BRIEFING_PAGE (self));
  gtk_toggle_button_set_active (preview ? self->preview_toggle : self->edit_toggle, TRUE);
}

/* ---- Actions -------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  DossierBriefingPage *self = DOSSIER_BRIEFING_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  gint64 id;

  if (self->project == NULL)
    return;
  body = dossier_project_make_briefing_template (self->project, NULL, 0);
  id = dossier_project_add_briefing (self->project, _("Untitled Briefing Note"), NULL, 0, body, &error);
  if (id == 0)
    {
      dossier_present_error (GTK_WINDOW (gtk_widget_get_root (widget)),
                             _("The note could not be made"), error->message);
      return;
    }
  dossier_briefing_page_set_briefing_id (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}

/* A note's title is the user's to choose: the template's "Untitled
 * Briefing Note" is only a start. */
static void
on_rename_response (AdwMessageDialog    *dialog,
                    const char          *response,
                    DossierBriefingPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "ok") || self->project == NULL || self->briefing_id == 0)
    return;
  title = dossier_name_dialog_get_name (DOSSIER_NAME_DIALOG (dialog));
  if (!dossier_project_set_briefing_title (self->project, self->briefing_id, title, &error))
    dossier_present_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                           _("The note could not be renamed"), error->message);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierBriefingPage *self = DOSSIER_BRIEFING_PAGE (widget);
  GtkWidget *dialog;

  if (self->briefing == NULL)
    return;
  dossier_briefing_page_commit (self);
  dialog = dossier_name_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Rename the Note"),
                                    NULL, _("_Rename"), _("Title"),
                                    dossier_briefing_get_title (self->briefing),
                                    DOSSIER_BRIEFING_MAX_TITLE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Deleted at once, as everything is, with Undo in the window's toast; the
 * page goes on to the first note left. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierBriefingPage *self = DOSSIER_BRIEFING_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  if (self->project == NULL || self->briefing == NULL)
    return;
  dossier_briefing_page_commit (self);
  title = g_strdup (dossier_briefing_get_title (self->briefing));
  if (!dossier_project_delete_briefing (self->project, self->briefing_id, &error))
    {
      dossier_present_error (GTK_WINDOW (gtk_widget_get_root (widget)),
                             _("The note could not be deleted"), error->message);
      return;
    }
  /* TRANSLATORS: a toast, with Undo; %s is the note's title (a note:
   * feminine in Spanish, "eliminada") */
  message = g_strdup_printf (C_("note", "“%s” deleted"), title);
  gtk_widget_activate_action (widget, "win.toast", "s", message);
}

/* ---- PDF and printing ------------------------------------------------------ */

typedef struct
{
  DossierBriefingContent *content;
  DossierBriefingLayout  *layout;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->layout, dossier_briefing_layout_free);
  g_clear_pointer (&job->content, dossier_briefing_content_free);
  g_free (job);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  /* The unit is points and the whole sheet is ours, as in the PDF. */
  g_clear_pointer (&job->layout, dossier_briefing_layout_free);
  job->layout = dossier_briefing_layout_new (job->content, TRUE,
                                             gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, dossier_briefing_layout_get_n_pages (job->layout));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  dossier_briefing_layout_draw_page (job->layout, gtk_print_context_get_cairo_context (context),
                                     (guint) page);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               DossierBriefingPage     *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      dossier_present_error (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                             _("The note could not be printed"),
                             error != NULL ? error->message : "");
    }
}

gboolean
dossier_briefing_page_print (DossierBriefingPage      *self,
                             GtkPrintOperationAction   action,
                             const char               *export_path,
                             gboolean                  allow_unverified,
                             GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;
  PrintJob *job;

  g_return_val_if_fail (DOSSIER_IS_BRIEFING_PAGE (self), FALSE);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_path != NULL, FALSE);

  if (self->project == NULL || self->briefing == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no note to print"));
      return FALSE;
    }
  dossier_briefing_page_commit (self);
  /* A citation that cannot be verified is never printed as if it were:
   * refused, naming each, as the exports are, or printed marked. */
  job = g_new0 (PrintJob, 1);
  job->content = dossier_project_read_briefing_content (self->project, self->briefing_id,
                                                        allow_unverified, NULL, error);
  if (job->content == NULL)
    {
      print_job_free (job);
      return FALSE;
    }

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "dossier-print-job", job,
                          (GDestroyNotify) print_job_free);
  gtk_print_operation_set_job_name (operation, job->content->title);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  /* The dialog goes its own way; an export to a file is done on return. */
  if (action != GTK_PRINT_OPERATION_ACTION_EXPORT)
    {
      gtk_print_operation_set_allow_async (operation, TRUE);
      g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
    }
  result = gtk_print_operation_run (operation, action,
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void on_print_marked_response (AdwMessageDialog    *dialog,
                                      const char          *response,
                                      DossierBriefingPage *self);

static void
print_note (DossierBriefingPage *self,
            gboolean             allow_unverified)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autoptr(GError) error = NULL;

  if (dossier_briefing_page_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL,
                                   allow_unverified, &error))
    return;
  if (g_error_matches (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_UNVERIFIED) && !allow_unverified)
    {
      GtkWidget *dialog = dossier_unverified_question_new (window, error->message,
                                                           _("_Print Marked as Unverified"));

      g_signal_connect_object (dialog, "response", G_CALLBACK (on_print_marked_response), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    dossier_present_error (window, _("The note could not be printed"), error->message);
}

static void
on_print_marked_response (AdwMessageDialog    *dialog,
                          const char          *response,
                          DossierBriefingPage *self)
{
  if (g_str_equal (response, "marked"))
    print_note (self, TRUE);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  print_note (DOSSIER_BRIEFING_PAGE (widget), FALSE);
}

/* Written: a toast from the window to open it. Declined at the question
 * about citations that cannot be verified: nothing to say. */
static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DossierBriefingPage) self = user_data;
  GtkWidget *widget = GTK_WIDGET (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dossier_briefing_export_finish (result, &error);

  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *uri = g_file_get_uri (file);

      gtk_widget_activate_action (widget, "win.exported", "s", uri);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && GTK_IS_WINDOW (root))
    dossier_present_error (GTK_WINDOW (root), _("The note could not be exported"), error->message);
}

gboolean
dossier_briefing_page_export (DossierBriefingPage *self,
                              const char          *format_name,
                              const char          *path,
                              gboolean             allow_unverified)
{
  GtkRoot *root;

  g_return_val_if_fail (DOSSIER_IS_BRIEFING_PAGE (self), FALSE);
  g_return_val_if_fail (format_name != NULL && path != NULL, FALSE);

  if (self->project == NULL || self->briefing_id == 0 ||
      !dossier_briefing_export_format_is_valid (format_name))
    return FALSE;

  dossier_briefing_page_commit (self);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dossier_briefing_export_async (self->project, self->briefing_id, format_name, path, TRUE,
                                 allow_unverified, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 NULL, on_exported, g_object_ref (self));
  return TRUE;
}

static void
on_export_path_chosen (GtkWidget  *widget,
                       const char *path,
                       gpointer    format)
{
  dossier_briefing_page_export (DOSSIER_BRIEFING_PAGE (widget), format, path, FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierBriefingPage *self = DOSSIER_BRIEFING_PAGE (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autofree char *suggested = NULL;

  if (self->briefing == NULL || !dossier_briefing_export_format_is_valid (name))
    return;

  suggested = g_strdup_printf ("%s.%s", dossier_briefing_get_title (self->briefing),
                               dossier_briefing_export_format_extension (name));
  dossier_ask_save_path (widget, self->project, _("Export the Note"), _("_Export"), suggested,
                         on_export_path_chosen, g_strdup (name), g_free);
}

/* ---- GObject -------------------------------------------------------------- */

GtkWidget *
dossier_briefing_page_new (void)
{
  return g_object_new (DOSSIER_TYPE_BRIEFING_PAGE, NULL);
}

GtkTextView *
dossier_briefing_page_get_editor (DossierBriefingPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFING_PAGE (self), NULL);
  return self->editor;
}

GtkLabel *
dossier_briefing_page_get_preview (DossierBriefingPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFING_PAGE (self), NULL);
  return self->preview;
}

/* The focus given to the page goes where writing goes on: the note's
 * text (or its preview, when a narrow page shows that); with no note,
 * the button that starts one. */
static gboolean
dossier_briefing_page_grab_focus (GtkWidget *widget)
{
  DossierBriefingPage *self = DOSSIER_BRIEFING_PAGE (widget);

  if (self->briefing == NULL)
    return gtk_widget_child_focus (GTK_WIDGET (self->stack), GTK_DIR_TAB_FORWARD);
  if (gtk_widget_get_visible (self->editor_pane))
    return gtk_widget_grab_focus (GTK_WIDGET (self->editor));
  return gtk_widget_child_focus (self->preview_scroller, GTK_DIR_TAB_FORWARD);
}

static void
dossier_briefing_page_dispose (GObject *object)
{
  DossierBriefingPage *self = DOSSIER_BRIEFING_PAGE (object);
  GtkWidget *child;

  dossier_briefing_page_set_project (self, NULL);
  g_clear_handle_id (&self->commit_source, g_source_remove);
  g_clear_handle_id (&self->narrow_idle_id, g_source_remove);
  g_clear_handle_id (&self->cursor_scroll_id, g_source_remove);
  g_clear_handle_id (&self->refresh_idle_id, g_source_remove);
  g_clear_handle_id (&self->preview_more_id, g_source_remove);
  g_clear_pointer (&self->preview_pending, g_ptr_array_unref);
  g_clear_pointer (&self->read_only_body, g_free);
  g_clear_weak_pointer (&self->focus_before_cite);
  g_clear_object (&self->source_items);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_BRIEFING_PAGE);
  /* The toolbar is a child of the template's but bound to no field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (dossier_briefing_page_parent_class)->dispose (object);
}

static void
dossier_briefing_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DossierBriefingPage *self = DOSSIER_BRIEFING_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_BRIEFING_ID:
      g_value_set_int64 (value, self->briefing_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_briefing_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DossierBriefingPage *self = DOSSIER_BRIEFING_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      dossier_briefing_page_set_project (self, g_value_get_object (value));
      break;
    case PROP_BRIEFING_ID:
      dossier_briefing_page_set_briefing_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Set in init rather than in the template: see
 * dossier_set_template_tooltips (). */
static const DossierTemplateTooltip briefing_tooltips[] = {
  { "chooser", N_("Briefing note to edit") },
  { "new_button", N_("New Briefing Note") },
  { "cite_button", N_("Insert a citation of a highlight (Ctrl+K)") },
  { "edit_toggle", N_("Edit the Note") },
  { "preview_toggle", N_("Preview the Note") },
  { "note_menu_button", N_("Note Menu") },
  { "export_button", N_("Export or Print the Note") },
};

static void
dossier_briefing_page_class_init (DossierBriefingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_briefing_page_dispose;
  object_class->get_property = dossier_briefing_page_get_property;
  object_class->set_property = dossier_briefing_page_set_property;
  widget_class->measure = dossier_briefing_page_measure;
  widget_class->size_allocate = dossier_briefing_page_size_allocate;
  widget_class->grab_focus = dossier_briefing_page_grab_focus;
  widget_class->map = dossier_briefing_page_map;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, DOSSIER_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BRIEFING_ID] =
    g_param_spec_int64 ("briefing-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A source was activated: its passage is to be shown in the reader
   * (document id, highlight id), as the panels' highlight-activated. */
  signals[HIGHLIGHT_ACTIVATED] =
    g_signal_new ("highlight-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  /* Named in the chooser's item templates, and the editor in ours. */
  g_type_ensure (DOSSIER_TYPE_BRIEFING);
  g_type_ensure (DOSSIER_TYPE_BRIEFING_EDITOR);
  g_type_ensure (DOSSIER_TYPE_CITE_PICKER);
  g_type_ensure (DOSSIER_TYPE_WRAP_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-briefing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierBriefingPage, chooser);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefingPage, editor);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefingPage, preview);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefingPage, meter);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefingPage, sources_box);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefingPage, sources);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefingPage, cite_button);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefingPage, cite_popover);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefingPage, mode_box);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefingPage, edit_toggle);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefingPage, preview_toggle);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefingPage, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefingPage, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefingPage, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, DossierBriefingPage, preview_scroller);
  gtk_widget_class_bind_template_child_full (widget_class, "new_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "note_menu_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "export_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_source_activated);

  gtk_widget_class_install_action (widget_class, "briefing.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "briefing.cite", "s", cite_action);
  gtk_widget_class_install_action (widget_class, "briefing.choose-citation", NULL, choose_citation_action);
  gtk_widget_class_install_action (widget_class, "briefing.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "briefing.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "briefing.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "briefing.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "briefing.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "briefing.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK,
                                       "briefing.choose-citation", NULL);
}

static void
dossier_briefing_page_init (DossierBriefingPage *self)
{
  GtkEventController *focus;
  g_autoptr(GtkExpression) title = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  dossier_set_template_tooltips (GTK_WIDGET (self), DOSSIER_TYPE_BRIEFING_PAGE,
                                 briefing_tooltips, G_N_ELEMENTS (briefing_tooltips));
  self->source_items = g_list_store_new (DOSSIER_TYPE_SOURCE_ITEM);
  gtk_list_box_bind_model (self->sources, G_LIST_MODEL (self->source_items), create_source_row, NULL, NULL);
  dossier_accessible_one_tab_stop (self->sources);
  /* The preview's labels after the first, made as it is scrolled. */
  self->preview_pending = g_ptr_array_new_with_free_func (g_free);
  self->preview_rest = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  {
    /* The labels in a box of their own, with no space between them: the
     * sections' box puts 18 px between its children, which showed where
     * the first label ends, a line taller than a paragraph's gap. */
    GtkWidget *sections = gtk_widget_get_parent (GTK_WIDGET (self->preview));
    GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_box_insert_child_after (GTK_BOX (sections), labels, GTK_WIDGET (self->preview));
    g_object_ref (self->preview);
    gtk_box_remove (GTK_BOX (sections), GTK_WIDGET (self->preview));
    gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->preview));
    g_object_unref (self->preview);
    gtk_box_append (GTK_BOX (labels), self->preview_rest);
  }
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->preview_scroller));

    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_preview_scrolled), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_preview_scrolled), self, G_CONNECT_SWAPPED);
  }
  /* Its menus not covered by their buttons' tooltips. */
  dossier_hold_menu_tooltips (GTK_WIDGET (self));
  /* Clips the one frame the panes may still be side by side when narrow. */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  title = gtk_property_expression_new (DOSSIER_TYPE_BRIEFING, NULL, "title");
  gtk_drop_down_set_expression (self->chooser, title);
  /* The title ellipsized in the button, so that a long one never keeps
   * the page (and the window) from getting narrow, and asking for no more
   * than 30 characters, so that the buttons after it stay beside it on a
   * phone; in the list, wrapped over three lines at most, as the other
   * lists show a title (one of 500 characters made a row five lines tall). */
  {
    g_autoptr(GtkListItemFactory) factory = dossier_shown_label_factory_new (DOSSIER_TYPE_BRIEFING, "title",
                                                                             FALSE, 30);
    g_autoptr(GtkListItemFactory) list_factory = dossier_shown_lines_factory_new (DOSSIER_TYPE_BRIEFING,
                                                                                  "title", 3, 40);

    gtk_drop_down_set_factory (self->chooser, factory);
    gtk_drop_down_set_list_factory (self->chooser, list_factory);
  }
  g_signal_connect_object (self->chooser, "notify::selected", G_CALLBACK (on_chooser_selected),
                           self, G_CONNECT_SWAPPED);

  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->editor), TRUE);
  g_signal_connect_object (gtk_text_view_get_buffer (self->editor), "changed",
                           G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->editor), "undo",
                           G_CALLBACK (on_buffer_undone), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (gtk_text_view_get_buffer (self->editor), "redo",
                           G_CALLBACK (on_buffer_undone), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_editor_focus_leave), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->editor), focus);
  {
    GtkDropTarget *drop = gtk_drop_target_new (DOSSIER_TYPE_HIGHLIGHT, GDK_ACTION_COPY);

    g_signal_connect (drop, "drop", G_CALLBACK (on_editor_drop), self);
    gtk_widget_add_controller (GTK_WIDGET (self->editor), GTK_EVENT_CONTROLLER (drop));
  }

  /* The preview's colours follow the style. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (update_preview),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefing.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefing.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefing.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefing.rename", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefing.delete", FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cite_button), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "briefing.choose-citation", FALSE);
  /* After the picker's own handler, which hands the focus to the button. */
  g_signal_connect_object (self->cite_popover, "closed", G_CALLBACK (on_cite_popover_closed), self,
                           G_CONNECT_SWAPPED);
}
