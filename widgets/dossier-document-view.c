/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-document-view.c — the reading view of one document.
 *
 * The buffer holds exactly the document's text, so buffer offsets are
 * document offsets (code points); nothing is ever inserted for looks. A
 * paragraph longer than DOSSIER_UNBROKEN_LINE_CHARS is shown as lines of
 * about that length, cut at spaces (after a sentence where it can), or in
 * text without spaces at a character, that the buffer holds as '\n': one
 * code point for another, so offsets stay the document's, and the text
 * view, which lays out each of its lines whole, never lays out more than
 * that at once (a paragraph of 50 MB took it minutes and gigabytes). A
 * character cut at is drawn at the end of its line (DossierDocumentText),
 * and given back wherever text leaves the view (copy, search, a
 * paragraph's bounds).
 * Block styles and highlights are GtkTextTags: one per block style, one per
 * highlight colour (cached by colour), one for overlaps. Highlights are
 * painted by "dirty ranges": set_highlights diffs the new set against the
 * previous one by id, and only the ranges of what changed are cleared and
 * repainted from the current set — the visible part at once, the rest in
 * time-sliced idles. The coding stripes sit in the text view's left gutter,
 * whose width the view sets so that the text column is centred. Bullets
 * and quote bars are drawn by the text view (DossierDocumentText), search
 * is the find bar's (DossierFindBar).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include <dossier/dossier-text.h>

#include "dossier-coding-stripes.h"
#include "dossier-contrast.h"
#include "dossier-document-text.h"
#include "dossier-document-view.h"
#include "dossier-find-bar.h"
#include "dossier-unbroken-runs.h"

/* Reading layout. */
#define COLUMN_CHARS       72      /* longest line, in average characters */
#define MIN_COLUMN_CHARS   45      /* the view's natural width: a column this wide,
                                    * the labels' room beside it */
#define LABELS_COLUMN_CHARS 60     /* the narrowest column the labels' room is kept
                                    * beside */
#define TEXT_GAP           20      /* between the stripes and the text */
#define LABEL_ROOM         (DOSSIER_CODING_STRIPES_MAX_WIDTH + 52)  /* the stripes' gutter, with
                                                                 * their labels: 136 */
#define MIN_SIDE           24      /* right margin when the view is narrow */
#define MIN_GUTTER         52      /* the stripes' gutter at its narrowest: their lanes
                                    * (DossierCodingStripes fits them in it), and at
                                    * its outer edge room for the reader's "Tag…"
                                    * button as its icon (28 px) clear of lane 0 */
#define MIN_TEXT           160     /* the narrowest text column, in pixels */
#define BASE_SCALE         1.15    /* body text against the interface font */
#define HIGHLIGHT_ALPHA    0.40    /* over light and dark backgrounds alike */

/* Painting: work in slices of this length at this priority, above the text
 * view's layout validation (125) so that a long document gets its colours
 * before every line is laid out, below redraw (120) so frames still come. */
#define PAINT_SLICE_USEC   5000
#define PAINT_PRIORITY     (GDK_PRIORITY_REDRAW + 2)
#define SYNC_PAINT_CHARS   50000   /* dirty text painted at once, not in idles */
#define VISIBLE_MAX        12000   /* characters one screen can show, at most */

/* ---- The view -------------------------------------------------------------- */

typedef struct
{
  gint64 start;
  gint64 end;
} Range;

typedef struct
{
  gint64      id;
  gint64      start;
  gint64      end;
  GdkRGBA     color;
  const char *label;       /* stored after the struct */
  const char *tooltip;     /* stored after the struct, or NULL */
  GtkTextTag *tag;         /* its colour's tag */
  guint       n_colors;    /* all its tags' colours, the first one's first */
  GdkRGBA     colors[DOSSIER_TEXT_BAND_COLORS];
  gint64      first_line;
  gint64      last_line;
  guint       lane;
} Highlight;

typedef struct
{
  gint64 pos;
  int    delta;
  guint  index;            /* into highlights */
} Event;

struct _DossierDocumentView
{
  GtkWidget             parent_instance;

  DossierFindBar       *find_bar;
  GtkWidget            *scrolled;
  GtkTextView          *text_view;
  GtkTextBuffer        *buffer;
  DossierCodingStripes *stripes;
  GtkCssProvider       *zoom_css;
  GtkCssProvider       *theme_css;       /* the selection's colours */
  GdkRGBA               page;            /* the text's background */
  GdkRGBA               selection_bg;
  GdkRGBA               selection_fg;
  GdkRGBA               byline_color;    /* opaque: see update_theme_colors */

  double                zoom;
  gboolean              has_selection;

  /* The text */
  gint64                length;          /* code points */
  GArray               *line_starts;     /* gint64: offset of each buffer line */
  GArray               *cuts;            /* DossierLineCut: characters the buffer holds as
                                          * '\n', by offset */
  GdkContentProvider   *selection_content; /* the selection, cut characters given back */
  GArray               *blocks;          /* Range: each block's, in order */
  GtkTextTag           *body_tag;
  GtkTextTag           *title_tag;
  GtkTextTag           *heading_tags[4];
  GtkTextTag           *list_tags[3];
  GtkTextTag           *quote_tag;
  GtkTextTag           *pre_tag;
  GtkTextTag           *gap_tag;
  GtkTextTag           *row_gap_tag;     /* between two rows of a table */

  /* The byline under the title: a label over the text (never in the
   * buffer, whose offsets are the document's), the room it takes made by
   * byline_room_tag on the title's last line; in a document with no
   * title, at the top, by byline_top_tag above the first line. */
  GtkWidget            *byline;          /* owned by the text view */
  gboolean              byline_wanted;   /* it has something to say */
  gint64                title_start;     /* the title block, or -1 */
  gint64                title_end;
  int                   byline_width;    /* as last placed */
  int                   byline_room;     /* pixels below the title (above the
                                          * text without one), 0: none */
  int                   byline_x;
  int                   byline_y;
  guint                 byline_tick_id;  /* placing it again, next frame */
  guint                 scroll_tick_id;  /* placing it after a scroll, next frame */
  GtkTextTag           *byline_room_tag;
  GtkTextTag           *byline_top_tag;

  /* Highlights, sorted by start (then longer first, then id) */
  GPtrArray            *highlights;      /* Highlight*, owned */
  GArray               *reach;           /* gint64: max end of highlights[0..i] */
  GHashTable           *by_id;           /* &id → Highlight* */
  GHashTable           *color_tags;      /* packed RGBA → GtkTextTag */
  GtkTextTag           *overlap_tag;     /* several colours: bands, not a tag's */
  GArray               *bands;           /* DossierTextBand, shared with the text */
  GArray               *active;          /* guint, scratch */
  GArray               *stripe_scratch;  /* DossierStripe */
  GArray               *range_scratch;   /* DossierStripeRange */
  GArray               *lane_scratch;    /* guint */
  GArray               *events;          /* Event, scratch */

  /* Painting */
  GArray               *dirty;           /* Range: still to paint, sorted, disjoint */
  guint                 paint_id;
  guint                 generation;
  gboolean              tags_present;    /* some highlight tag may be in the buffer */
};

G_DEFINE_FINAL_TYPE (DossierDocumentView, dossier_document_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_HAS_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  HIGHLIGHT_ACTIVATED,
  HIGHLIGHT_MENU,
  TEXT_MENU,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_paint (DossierDocumentView *self);
static void place_byline   (DossierDocumentView *self);
static void clear_byline_room (DossierDocumentView *self);

#define HIGHLIGHT_AT(self, i) ((Highlight *) g_ptr_array_index ((self)->highlights, (i)))

/* ---- Helpers --------------------------------------------------------------- */

static void
iter_at (DossierDocumentView *self,
         GtkTextIter         *iter,
         gint64               offset)
{
  gtk_text_buffer_get_iter_at_offset (self->buffer, iter, (int) CLAMP (offset, 0, self->length));
}

static gint64
line_of (DossierDocumentView *self,
         gint64               offset)
{
  const gint64 *starts = (const gint64 *) (gpointer) self->line_starts->data;
  guint lo = 0, hi = self->line_starts->len;

  /* The last line starting at or before @offset. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (starts[mid] <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 ? lo - 1 : 0;
}

/* The cut at @offset (the buffer's '\n' there is that character of the
 * text), or NULL. */
static const DossierLineCut *
cut_at (DossierDocumentView *self,
        gint64               offset)
{
  const DossierLineCut *cuts = (const DossierLineCut *) (gpointer) self->cuts->data;
  guint lo = 0, hi = self->cuts->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (cuts[mid].offset == offset)
        return &cuts[mid];
      if (cuts[mid].offset < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

/* The text from @start to @end as the document has it: the characters
 * cut at given back. */
static char *
get_document_text (DossierDocumentView *self,
                   const GtkTextIter   *start,
                   const GtkTextIter   *end)
{
  char *text = gtk_text_buffer_get_text (self->buffer, start, end, TRUE);
  gint64 offset = gtk_text_iter_get_offset (start);
  GString *document;
  const char *copied = text;

  if (self->cuts->len == 0)
    return text;
  document = g_string_sized_new (strlen (text) + 16);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      const DossierLineCut *cut;

      if (*p != '\n' || (cut = cut_at (self, offset)) == NULL)
        continue;
      g_string_append_len (document, copied, p - copied);
      g_string_append_unichar (document, cut->ch);
      copied = p + 1;
    }
  g_string_append (document, copied);
  g_free (text);
  return g_string_free (document, FALSE);
}

/* ---- The selection as the document has it --------------------------------- */

/* What the PRIMARY selection and a drag of the selection offer: the
 * selected text read when it is asked for, the characters cut at given back.
 * GtkTextBuffer's own content gives its '\n' at a cut. */
#define SELECTION_TYPE_CONTENT (selection_content_get_type ())
G_DECLARE_FINAL_TYPE (SelectionContent, selection_content, SELECTION, CONTENT, GdkContentProvider)

struct _SelectionContent
{
  GdkContentProvider   parent_instance;
  DossierDocumentView *view;   /* unowned: cleared when the view goes */
};

G_DEFINE_FINAL_TYPE (SelectionContent, selection_content, GDK_TYPE_CONTENT_PROVIDER)

static char *get_document_text (DossierDocumentView *self,
                                const GtkTextIter   *start,
                                const GtkTextIter   *end);

static GdkContentFormats *
selection_content_ref_formats (GdkContentProvider *provider)
{
  return gdk_content_formats_new_for_gtype (G_TYPE_STRING);
}

static gboolean
selection_content_get_value (GdkContentProvider  *provider,
                             GValue              *value,
                             GError             **error)
{
  SelectionContent *self = SELECTION_CONTENT (provider);
  GtkTextIter start, end;

  if (G_VALUE_HOLDS_STRING (value) && self->view != NULL)
    {
      if (gtk_text_buffer_get_selection_bounds (self->view->buffer, &start, &end))
        g_value_take_string (value, get_document_text (self->view, &start, &end));
      else
        g_value_set_string (value, "");
      return TRUE;
    }
  return GDK_CONTENT_PROVIDER_CLASS (selection_content_parent_class)->get_value (provider, value, error);
}

static void
selection_content_write_mime_type_async (GdkContentProvider  *provider,
                                         const char          *mime_type,
                                         GOutputStream       *stream,
                                         int                  io_priority,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GError *error = NULL;

  g_value_init (&value, G_TYPE_STRING);
  if (!selection_content_get_value (provider, &value, &error))
    {
      g_task_report_error (provider, callback, user_data,
                           selection_content_write_mime_type_async, error);
      return;
    }
  gdk_content_serialize_async (stream, mime_type, &value, io_priority, cancellable,
                               callback, user_data);
}

static gboolean
selection_content_write_mime_type_finish (GdkContentProvider  *provider,
                                          GAsyncResult        *result,
                                          GError             **error)
{
  if (G_IS_TASK (result))
    return g_task_propagate_boolean (G_TASK (result), error);
  return gdk_content_serialize_finish (result, error);
}

/* Another's selection took PRIMARY: ours is given up, as GtkTextBuffer's
 * own content does. */
static void
selection_content_detach_clipboard (GdkContentProvider *provider,
                                    GdkClipboard       *clipboard)
{
  SelectionContent *self = SELECTION_CONTENT (provider);
  GtkTextIter insert;

  if (self->view == NULL || !gtk_text_buffer_get_has_selection (self->view->buffer))
    return;
  gtk_text_buffer_get_iter_at_mark (self->view->buffer, &insert,
                                    gtk_text_buffer_get_insert (self->view->buffer));
  gtk_text_buffer_select_range (self->view->buffer, &insert, &insert);
}

static void
selection_content_class_init (SelectionContentClass *klass)
{
  GdkContentProviderClass *provider_class = GDK_CONTENT_PROVIDER_CLASS (klass);

  provider_class->detach_clipboard = selection_content_detach_clipboard;
  provider_class->ref_formats = selection_content_ref_formats;
  provider_class->get_value = selection_content_get_value;
  provider_class->write_mime_type_async = selection_content_write_mime_type_async;
  provider_class->write_mime_type_finish = selection_content_write_mime_type_finish;
}

static void
selection_content_init (SelectionContent *self)
{
}

static guint32
pack_color (const GdkRGBA *c)
{
  return ((guint32) lround (CLAMP (c->red, 0, 1) * 255) << 24)
         | ((guint32) lround (CLAMP (c->green, 0, 1) * 255) << 16)
         | ((guint32) lround (CLAMP (c->blue, 0, 1) * 255) << 8)
         | (guint32) lround (CLAMP (c->alpha, 0, 1) * 255);
}

static GdkRGBA
foreground_color (DossierDocumentView *self)
{
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self->text_view)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return fg;
}

/* Secondary text (quotes, the byline) as the application's .dim-label
 * has it (style.css): the text's colour at this alpha, 4.5:1 and more. */
#define SECONDARY_TEXT_ALPHA 0.72

static GdkRGBA
with_alpha (GdkRGBA color,
            double  alpha)
{
  color.alpha *= alpha;
  return color;
}

static GtkTextTag *
get_color_tag (DossierDocumentView *self,
               const GdkRGBA       *color)
{
  guint32 key = pack_color (color);
  GtkTextTag *tag = g_hash_table_lookup (self->color_tags, GUINT_TO_POINTER (key));
  GdkRGBA bg, ink;

  if (tag != NULL)
    return tag;

  bg = *color;
  bg.alpha = HIGHLIGHT_ALPHA * CLAMP (color->alpha, 0, 1);
  ink = dossier_contrast_adjust (color, self->page.alpha > 0 ? &self->page : &(GdkRGBA) { 1, 1, 1, 1 },
                                 DOSSIER_CONTRAST_GRAPHICS);
  tag = gtk_text_tag_new (NULL);
  /* The pale background keeps the text readable; the underline, in the
   * tag's colour made to stand 3:1 against the page, marks the passage. */
  g_object_set (tag,
                "background-rgba", &bg,
                "underline", PANGO_UNDERLINE_SINGLE,
                "underline-rgba", &ink,
                NULL);
  gtk_text_tag_table_add (gtk_text_buffer_get_tag_table (self->buffer), tag);
  g_object_unref (tag);
  /* Below the overlap tag, whose clear background lets the bands show. */
  gtk_text_tag_set_priority (tag, gtk_text_tag_get_priority (self->overlap_tag));

  g_hash_table_insert (self->color_tags, GUINT_TO_POINTER (key), tag);
  return tag;
}

/* The visible offsets; before the view is laid out, the top of the text.
 * Lines not laid out yet count as having no height, so right after
 * set_text "visible" would reach the end of the text: no screen shows more
 * than VISIBLE_MAX characters. */
static void
get_visible_range (DossierDocumentView *self,
                   gint64              *start,
                   gint64              *end)
{
  GdkRectangle rect;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (self->text_view, &rect);
  if (rect.height <= 0 || !gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    {
      *start = 0;
      *end = MIN (self->length, VISIBLE_MAX);
      return;
    }

  gtk_text_view_get_line_at_y (self->text_view, &iter, rect.y, NULL);
  *start = gtk_text_iter_get_offset (&iter);
  gtk_text_view_get_line_at_y (self->text_view, &iter, rect.y + rect.height, NULL);
  gtk_text_iter_forward_to_line_end (&iter);
  *end = MIN (gtk_text_iter_get_offset (&iter) + 1, self->length);
  *end = MIN (*end, *start + VISIBLE_MAX);
}

/* ---- Block styles ---------------------------------------------------------- */

/* Margins are in pixels: they follow the zoom by hand. */
static void
update_block_margins (DossierDocumentView *self)
{
  double z = self->zoom;

  for (guint i = 0; i < G_N_ELEMENTS (self->list_tags); i++)
    g_object_set (self->list_tags[i], "left-margin", (int) lround (28 * z * (i + 1)), NULL);
  g_object_set (self->quote_tag,
                "left-margin", (int) lround (28 * z),
                "right-margin", (int) lround (20 * z),
                NULL);
  g_object_set (self->pre_tag, "left-margin", (int) lround (14 * z), NULL);
  g_object_set (self->title_tag, "pixels-below-lines", (int) lround (4 * z), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->heading_tags); i++)
    g_object_set (self->heading_tags[i], "pixels-above-lines", (int) lround ((14 - 2 * i) * z), NULL);
}

/* Colours derived from the theme's text and page colours, so that they
 * read in dark and light styles alike. The selection is a deep blue with
 * white text on a light page, a pale blue with the page's colour for text
 * on a dark one: unlike any highlight's pale tint on that page. */
static void
update_theme_colors (DossierDocumentView *self)
{
  GdkRGBA fg = foreground_color (self);
  GdkRGBA quote = with_alpha (fg, SECONDARY_TEXT_ALPHA);
  GdkRGBA pre_bg = with_alpha (fg, 0.06);
  GdkRGBA page = dossier_contrast_page_color (GTK_WIDGET (self->text_view));
  gboolean dark = dossier_contrast_luminance (&page) < 0.18;
  GdkRGBA byline = dossier_contrast_composite (&quote, &page);
  GdkRGBA sel_bg, sel_fg;
  GHashTableIter iter;
  gpointer key, tag;

  g_object_set (self->quote_tag, "foreground-rgba", &quote, NULL);
  g_object_set (self->pre_tag, "paragraph-background-rgba", &pre_bg, NULL);

  if (gdk_rgba_equal (&page, &self->page) && gdk_rgba_equal (&byline, &self->byline_color))
    return;
  self->page = page;
  self->byline_color = byline;

  /* At least 3.8:1 against every palette colour's tint on that page
   * (test-document-view computes it). */
  sel_bg = dark ? (GdkRGBA) { 0.710, 0.824, 0.965, 1 }   /* #b5d2f6 */
                : (GdkRGBA) { 0.110, 0.310, 0.561, 1 };  /* #1c4f8f */
  sel_fg = dark ? page : (GdkRGBA) { 1, 1, 1, 1 };
  self->selection_bg = sel_bg;
  self->selection_fg = sel_fg;
  dossier_document_text_set_selection_colors (DOSSIER_DOCUMENT_TEXT (self->text_view), &sel_bg, &sel_fg);
  {
    g_autofree char *bg_str = gdk_rgba_to_string (&sel_bg);
    g_autofree char *fg_str = gdk_rgba_to_string (&sel_fg);
    g_autofree char *byline_str = gdk_rgba_to_string (&byline);
    /* The byline in secondary text's colour made opaque on the page: GTK
     * 4.8 draws a text view's overlays twice (GtkTextViewChild snapshots
     * its children, then its overlays again), and a colour with alpha,
     * Adwaita's .dim-label or ours, came out twice as dark, #2e2e2e where
     * it should be #6c6c6c, darker than the text. */
    g_autofree char *css = g_strdup_printf ("textview.dossier-document > text > selection,"
                                            " textview.dossier-document > text > selection:focus-within"
                                            " { background-color: %s; color: %s; }"
                                            " textview.dossier-document label.dossier-byline"
                                            " { color: %s; }",
                                            bg_str, fg_str, byline_str);

    gtk_css_provider_load_from_data (self->theme_css, css, -1);
  }

  /* Highlight underlines follow the page. */
  g_hash_table_iter_init (&iter, self->color_tags);
  while (g_hash_table_iter_next (&iter, &key, &tag))
    {
      guint32 packed = GPOINTER_TO_UINT (key);
      GdkRGBA color = {
        ((packed >> 24) & 0xff) / 255.0, ((packed >> 16) & 0xff) / 255.0,
        ((packed >> 8) & 0xff) / 255.0, (packed & 0xff) / 255.0,
      };
      GdkRGBA ink = dossier_contrast_adjust (&color, &page, DOSSIER_CONTRAST_GRAPHICS);

      g_object_set (tag, "underline-rgba", &ink, NULL);
    }
}

static void
create_tags (DossierDocumentView *self)
{
  static const double heading_scale[] = { 1.5, 1.3, 1.15, 1.05 };
  self->body_tag = gtk_text_buffer_create_tag (self->buffer, "dossier-body",
                                               "line-height", 1.45,
                                               NULL);
  self->gap_tag = gtk_text_buffer_create_tag (self->buffer, "dossier-gap",
                                              "scale", 0.55,
                                              NULL);
  /* A table's rows closer: it reads as one block, its rows as lines. */
  self->row_gap_tag = gtk_text_buffer_create_tag (self->buffer, "dossier-row-gap",
                                                  "scale", 0.2,
                                                  NULL);
  self->title_tag = gtk_text_buffer_create_tag (self->buffer, "dossier-title",
                                                "weight", 800,
                                                "scale", 1.8,
                                                "line-height", 1.15,
                                                NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->heading_tags); i++)
    {
      g_autofree char *name = g_strdup_printf ("dossier-heading-%u", i + 1);

      self->heading_tags[i] = gtk_text_buffer_create_tag (self->buffer, name,
                                                          "weight", PANGO_WEIGHT_BOLD,
                                                          "scale", heading_scale[i],
                                                          "line-height", 1.25,
                                                          NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->list_tags); i++)
    {
      g_autofree char *name = g_strdup_printf ("dossier-list-%u", i + 1);

      self->list_tags[i] = gtk_text_buffer_create_tag (self->buffer, name,
                                                       "accumulative-margin", TRUE,
                                                       NULL);
    }
  self->quote_tag = gtk_text_buffer_create_tag (self->buffer, "dossier-quote",
                                                "style", PANGO_STYLE_ITALIC,
                                                "accumulative-margin", TRUE,
                                                NULL);
  self->pre_tag = gtk_text_buffer_create_tag (self->buffer, "dossier-preformatted",
                                              "family", "monospace",
                                              "scale", 0.88,
                                              "line-height", 1.3,
                                              "accumulative-margin", TRUE,
                                              NULL);
  /* Where a passage has several colours, the text view paints them as
   * bands below the text: no colour tag's background may cover them. (Not
   * an alpha of 0: Pango reads that as "opaque".) */
  self->overlap_tag = gtk_text_buffer_create_tag (self->buffer, "dossier-overlap",
                                                  "background-rgba", &(GdkRGBA) { 0, 0, 0, 0.001 },
                                                  NULL);
  /* Above the title's: the room for the byline replaces its spacing. */
  self->byline_room_tag = gtk_text_buffer_create_tag (self->buffer, "dossier-byline-room", NULL);
  /* Above a first block's own, likewise, in a document with no title. */
  self->byline_top_tag = gtk_text_buffer_create_tag (self->buffer, "dossier-byline-top", NULL);
  update_block_margins (self);
}

static GtkTextTag *
block_tag (DossierDocumentView *self,
           const DossierBlock  *block)
{
  switch (block->kind)
    {
    case DOSSIER_BLOCK_TITLE:
      return self->title_tag;
    case DOSSIER_BLOCK_HEADING:
      return self->heading_tags[CLAMP (block->level, 1, (int) G_N_ELEMENTS (self->heading_tags)) - 1];
    case DOSSIER_BLOCK_LIST_ITEM:
      return self->list_tags[CLAMP (block->level, 1, (int) G_N_ELEMENTS (self->list_tags)) - 1];
    case DOSSIER_BLOCK_QUOTE:
      return self->quote_tag;
    case DOSSIER_BLOCK_PREFORMATTED:
      return self->pre_tag;
    case DOSSIER_BLOCK_PARAGRAPH:
    default:
      return NULL;
    }
}

/* ---- Painting highlights --------------------------------------------------- */

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *ea = a;
  const Event *eb = b;

  if (ea->pos != eb->pos)
    return ea->pos < eb->pos ? -1 : 1;
  /* Ends before starts: touching highlights do not overlap. */
  return ea->delta - eb->delta;
}

/* First highlight starting at or after @offset. */
static guint
lower_bound_start (DossierDocumentView *self,
                   gint64               offset)
{
  guint lo = 0, hi = self->highlights->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (HIGHLIGHT_AT (self, mid)->start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Clears [a, b) and paints it again from the current highlights. */
static void
paint_range (DossierDocumentView *self,
             gint64               a,
             gint64               b)
{
  GtkTextIter start, end;
  GHashTableIter hi;
  gpointer tag;

  if (a >= b)
    return;

  if (self->tags_present)
    {
      iter_at (self, &start, a);
      iter_at (self, &end, b);
      g_hash_table_iter_init (&hi, self->color_tags);
      while (g_hash_table_iter_next (&hi, NULL, &tag))
        gtk_text_buffer_remove_tag (self->buffer, tag, &start, &end);
      gtk_text_buffer_remove_tag (self->buffer, self->overlap_tag, &start, &end);
    }

  /* Highlights with start < b, walking back while some may still end
   * after a. */
  for (guint i = lower_bound_start (self, b); i > 0; i--)
    {
      const Highlight *h = HIGHLIGHT_AT (self, i - 1);
      gint64 s, e;

      if (g_array_index (self->reach, gint64, i - 1) <= a)
        break;
      if (h->end <= a)
        continue;

      s = MAX (h->start, a);
      e = MIN (h->end, b);
      if (s >= e)
        continue;

      iter_at (self, &start, s);
      iter_at (self, &end, e);
      gtk_text_buffer_apply_tag (self->buffer, h->tag, &start, &end);
      self->tags_present = TRUE;
    }

  for (guint i = dossier_text_bands_first_after (self->bands, a); i < self->bands->len; i++)
    {
      const DossierTextBand *band = &g_array_index (self->bands, DossierTextBand, i);

      if (band->start >= b)
        break;
      iter_at (self, &start, MAX (band->start, a));
      iter_at (self, &end, MIN (band->end, b));
      gtk_text_buffer_apply_tag (self->buffer, self->overlap_tag, &start, &end);
    }
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *ra = a;
  const Range *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return (ra->end > rb->end) - (ra->end < rb->end);
}

/* Sorts @ranges (Range), cut to [0, @length), and merges those that
 * overlap or touch. */
static void
normalize_ranges (GArray *ranges,
                  gint64  length)
{
  Range *r = (Range *) (gpointer) ranges->data;
  guint n = 0;

  if (ranges->len == 0)
    return;

  g_array_sort (ranges, compare_ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      Range cur = r[i];

      cur.start = CLAMP (cur.start, 0, length);
      cur.end = CLAMP (cur.end, 0, length);
      if (cur.start >= cur.end)
        continue;
      if (n > 0 && cur.start <= r[n - 1].end)
        r[n - 1].end = MAX (r[n - 1].end, cur.end);
      else
        r[n++] = cur;
    }
  g_array_set_size (ranges, n);
}

static void
normalize_dirty (DossierDocumentView *self)
{
  normalize_ranges (self->dirty, self->length);
}

static void
add_dirty (DossierDocumentView *self,
           gint64               start,
           gint64               end)
{
  if (start < end)
    g_array_append_val (self->dirty, ((Range) { start, end }));
}

/* Length of the pieces painted between time checks: about fifty
 * highlights' worth of text. */
static gint64
piece_length (DossierDocumentView *self)
{
  gint64 n = MAX ((gint64) self->highlights->len, 1);

  return CLAMP (self->length * 48 / n, 2048, 65536);
}

/* Paints the dirty parts of [a, b) and takes them out of the dirty set. */
static void
paint_window (DossierDocumentView *self,
              gint64               a,
              gint64               b)
{
  for (guint i = 0; i < self->dirty->len; i++)
    {
      Range r = g_array_index (self->dirty, Range, i);
      gint64 s = MAX (r.start, a);
      gint64 e = MIN (r.end, b);

      if (r.start >= b)
        break;
      if (s >= e)
        continue;

      paint_range (self, s, e);

      /* Keep what is left of r on either side. */
      if (r.start < s && e < r.end)
        {
          g_array_index (self->dirty, Range, i).end = s;
          g_array_insert_val (self->dirty, i + 1, ((Range) { e, r.end }));
          i++;
        }
      else if (r.start < s)
        g_array_index (self->dirty, Range, i).end = s;
      else if (e < r.end)
        g_array_index (self->dirty, Range, i).start = e;
      else
        g_array_remove_index (self->dirty, i--);
    }
}

/* Paints for up to @budget microseconds, the visible part first. Returns
 * whether everything is painted. */
static gboolean
paint_some (DossierDocumentView *self,
            gint64               budget)
{
  gint64 deadline = g_get_monotonic_time () + budget;
  gint64 vis_start, vis_end;
  gint64 piece = piece_length (self);

  get_visible_range (self, &vis_start, &vis_end);
  paint_window (self, vis_start, vis_end);

  while (self->dirty->len > 0 && g_get_monotonic_time () < deadline)
    {
      Range *r = &g_array_index (self->dirty, Range, 0);
      gint64 e = MIN (r->end, r->start + piece);

      paint_range (self, r->start, e);
      if (e >= r->end)
        g_array_remove_index (self->dirty, 0);
      else
        r->start = e;
    }

  return self->dirty->len == 0;
}

typedef struct
{
  DossierDocumentView *self;
  guint                generation;
} PaintPass;

static gboolean
paint_idle (gpointer data)
{
  PaintPass *pass = data;
  DossierDocumentView *self = pass->self;

  /* A newer set of highlights started its own pass. */
  if (pass->generation != self->generation)
    return G_SOURCE_REMOVE;

  if (paint_some (self, PAINT_SLICE_USEC))
    {
      self->paint_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
schedule_paint (DossierDocumentView *self)
{
  PaintPass *pass;
  gint64 total = 0;

  normalize_dirty (self);
  self->generation++;
  g_clear_handle_id (&self->paint_id, g_source_remove);

  for (guint i = 0; i < self->dirty->len; i++)
    {
      const Range *r = &g_array_index (self->dirty, Range, i);
      total += r->end - r->start;
    }

  /* A small change (one highlight added) is painted now, in full; a big
   * one gets its visible part now and the rest in slices. */
  if (paint_some (self, total <= SYNC_PAINT_CHARS ? G_MAXINT32 : 0))
    return;

  pass = g_new0 (PaintPass, 1);
  pass->self = self;
  pass->generation = self->generation;
  self->paint_id = g_timeout_add_full (PAINT_PRIORITY, 0, paint_idle, pass, g_free);
}

/* ---- Highlights ------------------------------------------------------------ */

static int
compare_highlights (gconstpointer a,
                    gconstpointer b)
{
  const Highlight *ha = a;
  const Highlight *hb = b;

  if (ha->start != hb->start)
    return ha->start < hb->start ? -1 : 1;
  if (ha->end != hb->end)
    return ha->end > hb->end ? -1 : 1;
  return (ha->id > hb->id) - (ha->id < hb->id);
}

static int
compare_highlight_ptrs (gconstpointer a,
                        gconstpointer b)
{
  return compare_highlights (*(const Highlight * const *) a, *(const Highlight * const *) b);
}

/* Where @h is, or would be inserted, in the sorted highlights. */
static guint
highlight_position (DossierDocumentView *self,
                    const Highlight     *h)
{
  guint lo = 0, hi = self->highlights->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_highlights (HIGHLIGHT_AT (self, mid), h) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* A highlight of the view, its label and tooltip stored after it (one
 * block: freed with g_free). Its lines and lane are not known yet. */
static Highlight *
highlight_new (DossierDocumentView        *self,
               const DossierViewHighlight *in)
{
  const char *label = in->label != NULL ? in->label : "";
  gsize label_size = strlen (label) + 1;
  gsize tooltip_size = in->tooltip != NULL ? strlen (in->tooltip) + 1 : 0;
  Highlight *h = g_malloc (sizeof (Highlight) + label_size + tooltip_size);
  char *strings = (char *) (h + 1);

  h->id = in->id;
  h->start = CLAMP (MIN (in->start, in->end), 0, self->length);
  h->end = CLAMP (MAX (in->start, in->end), 0, self->length);
  h->color = in->color;
  memcpy (strings, label, label_size);
  h->label = strings;
  if (in->tooltip != NULL)
    {
      memcpy (strings + label_size, in->tooltip, tooltip_size);
      h->tooltip = strings + label_size;
    }
  else
    h->tooltip = NULL;
  h->tag = get_color_tag (self, &in->color);
  h->n_colors = 1 + MIN (in->n_more_colors, DOSSIER_TEXT_BAND_COLORS - 1);
  h->colors[0] = in->color;
  for (guint c = 1; c < h->n_colors; c++)
    h->colors[c] = in->more_colors[c - 1];
  h->first_line = line_of (self, h->start);
  h->last_line = line_of (self, MAX (h->start, h->end - 1));
  h->lane = G_MAXUINT;
  return h;
}

/* What the caller gave for @h (strings owned by @h). */
static DossierViewHighlight
highlight_input (const Highlight *h)
{
  DossierViewHighlight in = {
    .id = h->id,
    .start = h->start,
    .end = h->end,
    .color = h->color,
    .label = h->label,
    .tooltip = h->tooltip,
    .n_more_colors = h->n_colors - 1,
  };

  for (guint c = 1; c < h->n_colors; c++)
    in.more_colors[c - 1] = h->colors[c];
  return in;
}

static gboolean
same_paint (const Highlight *a,
            const Highlight *b)
{
  if (a->start != b->start || a->end != b->end || a->tag != b->tag || a->n_colors != b->n_colors)
    return FALSE;
  for (guint i = 1; i < a->n_colors; i++)
    if (pack_color (&a->colors[i]) != pack_color (&b->colors[i]))
      return FALSE;
  return TRUE;
}

/* The running maximum of ends from highlight @from on. */
static void
update_reach (DossierDocumentView *self,
              guint                from)
{
  gint64 reach = from > 0 ? g_array_index (self->reach, gint64, from - 1) : G_MININT64;

  g_array_set_size (self->reach, self->highlights->len);
  for (guint i = from; i < self->highlights->len; i++)
    {
      reach = MAX (reach, HIGHLIGHT_AT (self, i)->end);
      g_array_index (self->reach, gint64, i) = reach;
    }
}

static int
compare_active (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  GPtrArray *highlights = data;
  const Highlight *ha = g_ptr_array_index (highlights, *(const guint *) a);
  const Highlight *hb = g_ptr_array_index (highlights, *(const guint *) b);

  if (ha->lane != hb->lane)
    return ha->lane < hb->lane ? -1 : 1;
  return (*(const guint *) a > *(const guint *) b) - (*(const guint *) a < *(const guint *) b);
}

/* The colours of the highlights in @active, each once, in lane order (the
 * order of the stripes beside them); returns how many. */
static guint
band_colors (DossierDocumentView *self,
             DossierTextBand     *band)
{
  guint32 seen[DOSSIER_TEXT_BAND_COLORS];
  guint n = 0;

  g_array_sort_with_data (self->active, compare_active, self->highlights);
  for (guint i = 0; i < self->active->len && n < DOSSIER_TEXT_BAND_COLORS; i++)
    {
      const Highlight *h = HIGHLIGHT_AT (self, g_array_index (self->active, guint, i));

      for (guint c = 0; c < h->n_colors && n < DOSSIER_TEXT_BAND_COLORS; c++)
        {
          guint32 key = pack_color (&h->colors[c]);
          gboolean dup = FALSE;

          for (guint k = 0; k < n && !dup; k++)
            dup = seen[k] == key;
          if (dup)
            continue;
          seen[n] = key;
          band->colors[n] = h->colors[c];
          band->colors[n].alpha = HIGHLIGHT_ALPHA * CLAMP (h->colors[c].alpha, 0, 1);
          n++;
        }
    }
  band->n_colors = n;
  return n;
}

static gboolean
same_band_colors (const DossierTextBand *a,
                  const DossierTextBand *b)
{
  return a->n_colors == b->n_colors
         && memcmp (a->colors, b->colors, a->n_colors * sizeof (GdkRGBA)) == 0;
}

/* Appends to @out the runs of [a, b) with more than one colour
 * (overlapping highlights of different colours, or one highlight with
 * several tags), the highlights cut to [a, b): one sweep over their ends,
 * the colours of each run in lane order, equal neighbours merged. */
static void
sweep_bands (DossierDocumentView *self,
             gint64               a,
             gint64               b,
             GArray              *out)
{
  guint first_out = out->len;

  g_array_set_size (self->events, 0);
  for (guint i = lower_bound_start (self, b); i > 0; i--)
    {
      const Highlight *h = HIGHLIGHT_AT (self, i - 1);
      gint64 s = MAX (h->start, a);
      gint64 e = MIN (h->end, b);

      if (g_array_index (self->reach, gint64, i - 1) <= a)
        break;
      if (s >= e)
        continue;
      g_array_append_val (self->events, ((Event) { s, +1, i - 1 }));
      g_array_append_val (self->events, ((Event) { e, -1, i - 1 }));
    }
  g_array_sort (self->events, compare_events);

  g_array_set_size (self->active, 0);
  for (guint i = 0; i < self->events->len;)
    {
      gint64 pos = g_array_index (self->events, Event, i).pos;
      gboolean several = FALSE;

      for (; i < self->events->len && g_array_index (self->events, Event, i).pos == pos; i++)
        {
          const Event *ev = &g_array_index (self->events, Event, i);

          if (ev->delta > 0)
            g_array_append_val (self->active, ev->index);
          else
            for (guint k = 0; k < self->active->len; k++)
              if (g_array_index (self->active, guint, k) == ev->index)
                {
                  g_array_remove_index_fast (self->active, k);
                  break;
                }
        }
      if (i >= self->events->len)
        break;

      /* [pos, next): one highlight with one colour is only its tag. */
      if (self->active->len > 1)
        several = TRUE;
      else if (self->active->len == 1)
        several = HIGHLIGHT_AT (self, g_array_index (self->active, guint, 0))->n_colors > 1;

      if (several)
        {
          DossierTextBand band = { .start = pos, .end = g_array_index (self->events, Event, i).pos };
          DossierTextBand *prev = out->len > first_out
                                  ? &g_array_index (out, DossierTextBand, out->len - 1) : NULL;

          if (band.start < band.end && band_colors (self, &band) > 1)
            {
              if (prev != NULL && prev->end == band.start && same_band_colors (prev, &band))
                prev->end = band.end;
              else
                g_array_append_val (out, band);
            }
        }
    }
}

/* Every band again. A new array, since the text view keeps the one it
 * draws. */
static void
update_bands (DossierDocumentView *self)
{
  g_autoptr(GArray) bands = g_array_new (FALSE, FALSE, sizeof (DossierTextBand));

  sweep_bands (self, 0, self->length, bands);
  g_clear_pointer (&self->bands, g_array_unref);
  self->bands = g_steal_pointer (&bands);
  dossier_document_text_set_bands (DOSSIER_DOCUMENT_TEXT (self->text_view), self->bands);
}

/* Joins band @i to band @i - 1 if they touch with the same colours. */
static void
merge_band (DossierDocumentView *self,
            guint                i)
{
  DossierTextBand *prev, *band;

  if (i == 0 || i >= self->bands->len)
    return;
  prev = &g_array_index (self->bands, DossierTextBand, i - 1);
  band = &g_array_index (self->bands, DossierTextBand, i);
  if (prev->end == band->start && same_band_colors (prev, band))
    {
      prev->end = band->end;
      g_array_remove_index (self->bands, i);
    }
}

/* The bands of [a, b) again, where colours (or their order) may have
 * changed; the rest are kept. Bands are maximal runs of one list of
 * colours, so the result is what update_bands would make. The text view
 * draws from the same array. */
static void
update_bands_in (DossierDocumentView *self,
                 gint64               a,
                 gint64               b)
{
  g_autoptr(GArray) fresh = g_array_new (FALSE, FALSE, sizeof (DossierTextBand));
  guint lo = dossier_text_bands_first_after (self->bands, a);
  guint hi = lo;

  /* Bands reaching into [a, b) are made again whole. */
  if (lo < self->bands->len && g_array_index (self->bands, DossierTextBand, lo).start < a)
    a = g_array_index (self->bands, DossierTextBand, lo).start;
  while (hi < self->bands->len && g_array_index (self->bands, DossierTextBand, hi).start < b)
    hi++;
  if (hi > lo)
    b = MAX (b, g_array_index (self->bands, DossierTextBand, hi - 1).end);

  sweep_bands (self, a, b, fresh);
  g_array_remove_range (self->bands, lo, hi - lo);
  g_array_insert_vals (self->bands, lo, fresh->data, fresh->len);
  merge_band (self, lo + fresh->len);
  merge_band (self, lo);
}

static DossierStripe
stripe_of (const Highlight *h)
{
  return (DossierStripe) {
    .id = h->id,
    .start = h->start,
    .end = h->end,
    .first_line = h->first_line,
    .last_line = h->last_line,
    .lane = h->lane,
    .color = h->color,
    .label = h->label,
    .tooltip = h->tooltip,
  };
}

/* Lanes and stripes of every highlight. */
static void
update_stripes (DossierDocumentView *self)
{
  guint n = self->highlights->len;
  DossierStripeRange *ranges;
  DossierStripe *stripes;
  guint *lanes;

  g_array_set_size (self->range_scratch, n);
  g_array_set_size (self->lane_scratch, n);
  g_array_set_size (self->stripe_scratch, n);
  ranges = (DossierStripeRange *) (gpointer) self->range_scratch->data;
  lanes = (guint *) (gpointer) self->lane_scratch->data;
  stripes = (DossierStripe *) (gpointer) self->stripe_scratch->data;

  for (guint i = 0; i < n; i++)
    {
      const Highlight *h = HIGHLIGHT_AT (self, i);

      ranges[i] = (DossierStripeRange) { h->first_line, h->last_line + 1 };
    }

  dossier_coding_stripes_pack_lanes (ranges, n, lanes);

  for (guint i = 0; i < n; i++)
    {
      Highlight *h = HIGHLIGHT_AT (self, i);

      h->lane = lanes[i];
      stripes[i] = stripe_of (h);
    }

  dossier_coding_stripes_set_stripes (self->stripes, stripes, n);

  /* The stripes have copied them: scratch the size of every highlight is
   * not kept for the few a tag changes (0.7 MB with 5,000). */
  g_array_unref (self->stripe_scratch);
  g_array_unref (self->range_scratch);
  g_array_unref (self->lane_scratch);
  self->stripe_scratch = g_array_new (FALSE, FALSE, sizeof (DossierStripe));
  self->range_scratch = g_array_new (FALSE, FALSE, sizeof (DossierStripeRange));
  self->lane_scratch = g_array_new (FALSE, FALSE, sizeof (guint));
}

static gboolean
meets_any (const GArray *ranges,
           gint64        start,
           gint64        end)
{
  for (guint i = 0; i < ranges->len; i++)
    {
      const Range *r = &g_array_index (ranges, Range, i);

      if (r->start < end && start < r->end)
        return TRUE;
    }
  return FALSE;
}

/* Packs the lanes again in the groups of highlights whose lines overlap
 * (one after another) that meet @lines (Range, in lines); adds to @moved
 * the highlights whose lane changed. Lanes are packed in order of first
 * line, and no lane is taken where one group ends and the next starts:
 * each group's lanes are what packing every highlight would give them. */
static void
update_lanes_in (DossierDocumentView *self,
                 const GArray        *lines,
                 GPtrArray           *moved)
{
  guint n = self->highlights->len;

  for (guint ci = 0, cj; ci < n; ci = cj)
    {
      gint64 first = HIGHLIGHT_AT (self, ci)->first_line;
      gint64 end = HIGHLIGHT_AT (self, ci)->last_line + 1;
      DossierStripeRange *ranges;
      guint *lanes;

      for (cj = ci + 1; cj < n && HIGHLIGHT_AT (self, cj)->first_line < end; cj++)
        end = MAX (end, HIGHLIGHT_AT (self, cj)->last_line + 1);

      if (!meets_any (lines, first, end))
        continue;

      g_array_set_size (self->range_scratch, cj - ci);
      g_array_set_size (self->lane_scratch, cj - ci);
      ranges = (DossierStripeRange *) (gpointer) self->range_scratch->data;
      lanes = (guint *) (gpointer) self->lane_scratch->data;
      for (guint i = ci; i < cj; i++)
        ranges[i - ci] = (DossierStripeRange) { HIGHLIGHT_AT (self, i)->first_line,
                                                HIGHLIGHT_AT (self, i)->last_line + 1 };
      dossier_coding_stripes_pack_lanes (ranges, cj - ci, lanes);
      for (guint i = ci; i < cj; i++)
        {
          Highlight *h = HIGHLIGHT_AT (self, i);

          if (h->lane != lanes[i - ci])
            {
              h->lane = lanes[i - ci];
              g_ptr_array_add (moved, h);
            }
        }
    }
}

static void
clear_highlights (DossierDocumentView *self)
{
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->highlights, 0);
  g_array_set_size (self->reach, 0);
  dossier_coding_stripes_set_stripes (self->stripes, NULL, 0);
  /* A new array: the text view keeps the one it draws. */
  g_clear_pointer (&self->bands, g_array_unref);
  self->bands = g_array_new (FALSE, FALSE, sizeof (DossierTextBand));
  dossier_document_text_set_bands (DOSSIER_DOCUMENT_TEXT (self->text_view), self->bands);
}

void
dossier_document_view_set_highlights (DossierDocumentView        *self,
                                      const DossierViewHighlight *highlights,
                                      guint                       n_highlights)
{
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GHashTable) old_by_id = NULL;
  gboolean all_dirty;

  g_return_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (n_highlights == 0 || highlights != NULL);

  old = g_steal_pointer (&self->highlights);
  old_by_id = g_steal_pointer (&self->by_id);

  self->highlights = g_ptr_array_new_full (n_highlights, g_free);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < n_highlights; i++)
    g_ptr_array_add (self->highlights, highlight_new (self, &highlights[i]));
  g_ptr_array_sort (self->highlights, compare_highlight_ptrs);

  for (guint i = 0; i < self->highlights->len; i++)
    {
      Highlight *h = HIGHLIGHT_AT (self, i);

      g_hash_table_insert (self->by_id, &h->id, h);
    }
  update_reach (self, 0);

  /* What changed: new, moved, recoloured or removed highlights. Ids are
   * expected to be unique; if not, repaint everything rather than guess. */
  all_dirty = g_hash_table_size (self->by_id) != self->highlights->len
              || g_hash_table_size (old_by_id) != old->len;
  for (guint i = 0; i < self->highlights->len; i++)
    {
      const Highlight *h = HIGHLIGHT_AT (self, i);
      const Highlight *before = all_dirty ? NULL : g_hash_table_lookup (old_by_id, &h->id);

      if (before == NULL || !same_paint (before, h))
        add_dirty (self, h->start, h->end);
      if (before != NULL && !same_paint (before, h))
        add_dirty (self, before->start, before->end);
    }
  for (guint i = 0; i < old->len; i++)
    {
      const Highlight *h = g_ptr_array_index (old, i);

      if (all_dirty || !g_hash_table_contains (self->by_id, &h->id))
        add_dirty (self, h->start, h->end);
    }

  update_stripes (self);
  update_bands (self);
  schedule_paint (self);
}

static gboolean
contains_id (const GArray *ids,
             gint64        id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Splices past this many changes cost more than setting them all. */
#define SPLICE_MAX 64

void
dossier_document_view_update_highlights (DossierDocumentView        *self,
                                         const gint64               *removed_ids,
                                         guint                       n_removed,
                                         const DossierViewHighlight *added,
                                         guint                       n_added)
{
  g_autoptr(GPtrArray) gone = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) texts = NULL;
  g_autoptr(GArray) stripe_ids = NULL;
  g_autoptr(GArray) stripes = NULL;
  g_autoptr(GArray) out_ids = NULL;
  gboolean twice = FALSE;
  guint first = G_MAXUINT;

  g_return_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (n_removed == 0 || removed_ids != NULL);
  g_return_if_fail (n_added == 0 || added != NULL);

  if (n_removed == 0 && n_added == 0)
    return;

  /* What goes: the ids taken out, and those added again without being
   * (the newer replaces the older: every id is shown once). */
  out_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (n_removed + n_added <= MAX (SPLICE_MAX, self->highlights->len / 8))
    {
      for (guint i = 0; i < n_removed; i++)
        if (!contains_id (out_ids, removed_ids[i]))
          g_array_append_val (out_ids, removed_ids[i]);
      for (guint i = 0; i < n_added && !twice; i++)
        {
          for (guint j = 0; j < i && !twice; j++)
            twice = added[j].id == added[i].id;
          if (g_hash_table_contains (self->by_id, &added[i].id) && !contains_id (out_ids, added[i].id))
            g_array_append_val (out_ids, added[i].id);
        }
    }

  /* Many at once, or one id added twice: set them all. */
  if (n_removed + n_added > MAX (SPLICE_MAX, self->highlights->len / 8) || twice)
    {
      g_autoptr(GArray) all = g_array_sized_new (FALSE, FALSE, sizeof (DossierViewHighlight),
                                                 self->highlights->len + n_added);
      g_autoptr(GHashTable) out = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint i = 0; i < n_removed; i++)
        g_hash_table_add (out, (gpointer) &removed_ids[i]);
      for (guint i = 0; i < n_added; i++)
        g_hash_table_add (out, (gpointer) &added[i].id);
      for (guint i = 0; i < self->highlights->len; i++)
        if (!g_hash_table_contains (out, &HIGHLIGHT_AT (self, i)->id))
          {
            DossierViewHighlight in = highlight_input (HIGHLIGHT_AT (self, i));

            g_array_append_val (all, in);
          }
      /* The last of an id added twice wins. */
      for (guint i = 0; i < n_added; i++)
        {
          gboolean later = FALSE;

          for (guint j = i + 1; j < n_added && !later; j++)
            later = added[j].id == added[i].id;
          if (!later)
            g_array_append_val (all, added[i]);
        }
      /* The strings of @all are the current highlights': set copies them
       * before it frees those. */
      dossier_document_view_set_highlights (self, (const DossierViewHighlight *) (gpointer) all->data,
                                            all->len);
      return;
    }

  gone = g_ptr_array_new_with_free_func (g_free);
  moved = g_ptr_array_new ();
  lines = g_array_new (FALSE, FALSE, sizeof (Range));
  texts = g_array_new (FALSE, FALSE, sizeof (Range));

  for (guint i = 0; i < out_ids->len; i++)
    {
      Highlight *h = g_hash_table_lookup (self->by_id, &g_array_index (out_ids, gint64, i));
      guint pos;

      if (h == NULL)
        continue;
      pos = highlight_position (self, h);
      g_assert (pos < self->highlights->len && HIGHLIGHT_AT (self, pos) == h);
      g_hash_table_remove (self->by_id, &h->id);
      g_ptr_array_add (gone, g_ptr_array_steal_index (self->highlights, pos));
      first = MIN (first, pos);
      g_array_append_val (lines, ((Range) { h->first_line, h->last_line + 1 }));
      g_array_append_val (texts, ((Range) { h->start, h->end }));
    }

  for (guint i = 0; i < n_added; i++)
    {
      Highlight *h = highlight_new (self, &added[i]);
      const Highlight *before = NULL;
      guint pos = highlight_position (self, h);

      g_ptr_array_insert (self->highlights, pos, h);
      g_hash_table_insert (self->by_id, &h->id, h);
      first = MIN (first, pos);
      g_array_append_val (lines, ((Range) { h->first_line, h->last_line + 1 }));
      g_array_append_val (texts, ((Range) { h->start, h->end }));

      for (guint k = 0; k < gone->len && before == NULL; k++)
        if (((const Highlight *) g_ptr_array_index (gone, k))->id == h->id)
          before = g_ptr_array_index (gone, k);
      if (before == NULL || !same_paint (before, h))
        add_dirty (self, h->start, h->end);
    }
  for (guint k = 0; k < gone->len; k++)
    {
      const Highlight *h = g_ptr_array_index (gone, k);
      const Highlight *after = g_hash_table_lookup (self->by_id, &h->id);

      if (after == NULL || !same_paint (h, after))
        add_dirty (self, h->start, h->end);
    }

  if (first != G_MAXUINT)
    update_reach (self, first);

  /* Lanes: the new highlights have none yet, so they are among the moved. */
  update_lanes_in (self, lines, moved);

  stripe_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  stripes = g_array_sized_new (FALSE, FALSE, sizeof (DossierStripe), moved->len);
  for (guint k = 0; k < gone->len; k++)
    g_array_append_val (stripe_ids, ((const Highlight *) g_ptr_array_index (gone, k))->id);
  for (guint k = 0; k < moved->len; k++)
    {
      const Highlight *h = g_ptr_array_index (moved, k);
      DossierStripe stripe = stripe_of (h);

      g_array_append_val (stripe_ids, h->id);
      g_array_append_val (stripes, stripe);
      /* Their bands' colours follow the lanes. */
      g_array_append_val (texts, ((Range) { h->start, h->end }));
    }
  dossier_coding_stripes_update_stripes (self->stripes,
                                         (const gint64 *) (gpointer) stripe_ids->data, stripe_ids->len,
                                         (const DossierStripe *) (gpointer) stripes->data, stripes->len);

  /* Bands where colours, or their order, may have changed. */
  normalize_ranges (texts, self->length);
  for (guint i = texts->len; i > 0; i--)
    {
      const Range *r = &g_array_index (texts, Range, i - 1);

      update_bands_in (self, r->start, r->end);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->text_view));

  schedule_paint (self);
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint32 ua = *(const guint32 *) a;
  guint32 ub = *(const guint32 *) b;

  return (ua > ub) - (ua < ub);
}

/* The runs of the buffer that carry @tag, as " [s, e)". */
static void
describe_tag_runs (DossierDocumentView *self,
                   GtkTextTag          *tag,
                   GString             *out)
{
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, tag) && !gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    return;
  do
    {
      int start = gtk_text_iter_get_offset (&iter);

      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      g_string_append_printf (out, " [%d, %d)", start, gtk_text_iter_get_offset (&iter));
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag));
}

char *
dossier_document_view_describe_highlights (DossierDocumentView *self)
{
  GString *out = g_string_new (NULL);
  g_autofree char *stripes = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint32));
  GHashTableIter iter;
  gpointer key;
  gint64 reach = G_MININT64;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self), NULL);

  g_string_append_printf (out, "%u highlights in %" G_GINT64_FORMAT " characters\n",
                          self->highlights->len, self->length);
  for (guint i = 0; i < self->highlights->len; i++)
    {
      const Highlight *h = HIGHLIGHT_AT (self, i);

      g_string_append_printf (out, "highlight %" G_GINT64_FORMAT " [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                              ") lines %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " lane %u colours",
                              h->id, h->start, h->end, h->first_line, h->last_line, h->lane);
      for (guint c = 0; c < h->n_colors; c++)
        g_string_append_printf (out, " %08x", pack_color (&h->colors[c]));
      g_string_append_printf (out, " label “%s” tooltip “%s”\n", h->label, h->tooltip != NULL ? h->tooltip : "");
      /* The indexes the lookups rely on. */
      reach = MAX (reach, h->end);
      if (i >= self->reach->len || g_array_index (self->reach, gint64, i) != reach)
        g_string_append_printf (out, "reach of highlight %u is wrong\n", i);
      if (g_hash_table_lookup (self->by_id, &h->id) != h)
        g_string_append_printf (out, "highlight %" G_GINT64_FORMAT " is not found by its id\n", h->id);
      if (i > 0 && compare_highlights (HIGHLIGHT_AT (self, i - 1), h) >= 0)
        g_string_append_printf (out, "highlight %u is out of order\n", i);
    }
  if (g_hash_table_size (self->by_id) != self->highlights->len)
    g_string_append (out, "the index by id holds other highlights\n");

  for (guint i = 0; i < self->bands->len; i++)
    {
      const DossierTextBand *band = &g_array_index (self->bands, DossierTextBand, i);

      g_string_append_printf (out, "band [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", band->start, band->end);
      for (guint c = 0; c < band->n_colors; c++)
        g_string_append_printf (out, " %08x", pack_color (&band->colors[c]));
      g_string_append_c (out, '\n');
    }

  /* Colour tags are the view's own objects: named by their colour. */
  g_hash_table_iter_init (&iter, self->color_tags);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint32 packed = GPOINTER_TO_UINT (key);

      g_array_append_val (keys, packed);
    }
  g_array_sort (keys, compare_uints);
  for (guint i = 0; i < keys->len; i++)
    {
      guint32 packed = g_array_index (keys, guint32, i);
      GtkTextTag *tag = g_hash_table_lookup (self->color_tags, GUINT_TO_POINTER (packed));
      gsize before = out->len;

      g_string_append_printf (out, "painted %08x:", packed);
      describe_tag_runs (self, tag, out);
      /* A tag nobody paints with is not told apart from one never made. */
      if (out->str[out->len - 1] == ':')
        g_string_truncate (out, before);
      else
        g_string_append_c (out, '\n');
    }
  g_string_append (out, "painted overlaps:");
  describe_tag_runs (self, self->overlap_tag, out);
  g_string_append_c (out, '\n');

  stripes = dossier_coding_stripes_describe (self->stripes);
  g_string_append (out, stripes);
  return g_string_free (out, FALSE);
}

static int
compare_by_lane (gconstpointer a,
                 gconstpointer b)
{
  const Highlight *ha = *(const Highlight * const *) a;
  const Highlight *hb = *(const Highlight * const *) b;

  if (ha->lane != hb->lane)
    return ha->lane < hb->lane ? -1 : 1;
  return compare_highlights (ha, hb);
}

/* The highlights covering @offset, in stripe (lane) order; a stabbing
 * query: one binary search, then a walk back bounded by "reach". */
static void
collect_highlights_at (DossierDocumentView *self,
                       gint64               offset,
                       GPtrArray           *out)
{
  for (guint i = lower_bound_start (self, offset + 1); i > 0; i--)
    {
      const Highlight *h = HIGHLIGHT_AT (self, i - 1);

      if (g_array_index (self->reach, gint64, i - 1) <= offset)
        break;
      if (h->end > offset)
        g_ptr_array_add (out, (gpointer) h);
    }
  g_ptr_array_sort (out, compare_by_lane);
}

GArray *
dossier_document_view_highlights_at (DossierDocumentView *self,
                                     gint64               offset)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self), ids);

  collect_highlights_at (self, offset, found);
  for (guint i = 0; i < found->len; i++)
    g_array_append_val (ids, ((const Highlight *) g_ptr_array_index (found, i))->id);
  return ids;
}

/* The most specific highlight at @offset (the shortest), or NULL. */
static const Highlight *
innermost_highlight_at (DossierDocumentView *self,
                        gint64               offset)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  const Highlight *best = NULL;

  collect_highlights_at (self, offset, found);
  for (guint i = 0; i < found->len; i++)
    {
      const Highlight *h = g_ptr_array_index (found, i);

      if (best == NULL || h->end - h->start < best->end - best->start)
        best = h;
    }
  return best;
}

gboolean
dossier_document_view_is_painted (DossierDocumentView *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self), FALSE);

  return self->dirty->len == 0 && self->paint_id == 0;
}

gboolean
dossier_document_view_is_visible_painted (DossierDocumentView *self)
{
  gint64 vis_start, vis_end;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self), FALSE);

  get_visible_range (self, &vis_start, &vis_end);
  for (guint i = 0; i < self->dirty->len; i++)
    {
      const Range *r = &g_array_index (self->dirty, Range, i);

      if (r->start < vis_end && r->end > vis_start)
        return FALSE;
    }
  return TRUE;
}

/* ---- Text ------------------------------------------------------------------ */

/* The start of each list item of @blocks, as much as its number can take
 * (NULL for another block). */
static GPtrArray *
item_heads (DossierDocumentView *self,
            const DossierBlock  *blocks,
            guint                n_blocks)
{
  GPtrArray *heads = g_ptr_array_new_full (n_blocks, g_free);

  for (guint i = 0; i < n_blocks; i++)
    {
      gint64 bs = CLAMP (blocks[i].start, 0, self->length);
      gint64 be = CLAMP (blocks[i].end, bs, self->length);
      GtkTextIter from, to;

      if (blocks[i].kind != DOSSIER_BLOCK_LIST_ITEM)
        {
          g_ptr_array_add (heads, NULL);
          continue;
        }
      iter_at (self, &from, bs);
      iter_at (self, &to, MIN (be, bs + DOSSIER_TEXT_ITEM_NUMBER_MAX_CHARS));
      g_ptr_array_add (heads, gtk_text_buffer_get_slice (self->buffer, &from, &to, TRUE));
    }
  return heads;
}

/* The item of the same list as item @i of @blocks one step in @step (-1,
 * 1), or -1: the next at its level, past the items of a list inside it,
 * before anything else ends the list. */
static int
list_neighbour (const DossierBlock *blocks,
                guint               n_blocks,
                guint               i,
                int                 step)
{
  for (gint64 j = (gint64) i + step; j >= 0 && j < n_blocks; j += step)
    {
      if (blocks[j].kind != DOSSIER_BLOCK_LIST_ITEM || blocks[j].level < blocks[i].level)
        return -1;
      if (blocks[j].level == blocks[i].level)
        return (int) j;
    }
  return -1;
}

/* Whether item @i of @blocks starts with its number, as its list numbers
 * them (@heads: item_heads ()). */
static gboolean
item_is_numbered (const DossierBlock *blocks,
                  guint               n_blocks,
                  GPtrArray          *heads,
                  guint               i)
{
  int before = list_neighbour (blocks, n_blocks, i, -1);
  int after = list_neighbour (blocks, n_blocks, i, 1);
  const char *head = g_ptr_array_index (heads, i);
  const char *before_head = before >= 0 ? g_ptr_array_index (heads, before) : NULL;
  const char *after_head = after >= 0 ? g_ptr_array_index (heads, after) : NULL;

  return dossier_text_list_item_number_length (head, strlen (head),
                                               before_head, before_head ? strlen (before_head) : 0,
                                               after_head, after_head ? strlen (after_head) : 0) > 0;
}

/* How many cells each of @blocks has, as a table's row (paragraphs with
 * tabs, at @tabs: their offsets, in order; importers set cells apart
 * so); 0 for a block that is no row. */
static guint *
row_cells (GArray             *tabs,
           const DossierBlock *blocks,
           guint               n_blocks,
           gint64              length)
{
  guint *cells = g_new0 (guint, MAX (n_blocks, 1));
  guint t = 0;

  for (guint i = 0; i < n_blocks; i++)
    {
      gint64 bs = CLAMP (blocks[i].start, 0, length);
      gint64 be = CLAMP (blocks[i].end, bs, length);

      while (t < tabs->len && g_array_index (tabs, gint64, t) < bs)
        t++;
      if (blocks[i].kind != DOSSIER_BLOCK_PARAGRAPH)
        continue;
      for (; t < tabs->len && g_array_index (tabs, gint64, t) < be; t++)
        cells[i]++;
      if (cells[i] > 0)
        cells[i]++;
    }
  return cells;
}

/* Whether row @i (of @cells, row_cells ()) starts a table of its own
 * though the row before it is a row too, of a table @rows long so far.
 * The text does not say where a table ends (every block ends with a blank
 * line): a new one starts where the number of cells changes and stays
 * changed, for two rows or more, after a table of two rows or more. So a
 * table's short last row ("Total" and a figure) stays in it, and so does
 * a header with a cell fewer than the rows under it. */
static gboolean
starts_a_table (const guint *cells,
                guint        n_blocks,
                guint        i,
                guint        rows)
{
  return rows >= 2 && cells[i] != cells[i - 1] &&
         i + 1 < n_blocks && cells[i + 1] == cells[i];
}

void
dossier_document_view_set_text (DossierDocumentView *self,
                                const char          *text,
                                const DossierBlock  *blocks,
                                guint                n_blocks)
{
  DossierDocumentText *dtext;
  GtkTextIter start, end;
  GHashTableIter hi;
  gpointer tag;
  gint64 offset = 0;
  GtkAdjustment *vadj;
  g_autoptr(GArray) cuts = NULL;
  g_autofree char *cut_text = NULL;
  g_autoptr(GPtrArray) heads = NULL;
  g_autoptr(GArray) tabs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) tables = g_array_new (FALSE, FALSE, sizeof (DossierTextTable));
  g_autofree guint *cells = NULL;
  guint table_rows = 0;   /* of the table the last block was a row of */
  gint64 previous_end = 0;

  g_return_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (n_blocks == 0 || blocks != NULL);

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_critical ("dossier_document_view_set_text: the text is not valid UTF-8; showing nothing");
      text = "";
    }

  g_clear_handle_id (&self->paint_id, g_source_remove);
  g_array_set_size (self->dirty, 0);
  self->generation++;

  /* The highlights belong to the old text. */
  clear_highlights (self);

  /* Long paragraphs as lines the text view lays out quickly. */
  cuts = dossier_unbroken_runs_line_cuts (text, strlen (text), DOSSIER_UNBROKEN_LINE_CHARS);
  /* (a new array: the text view keeps the one it was given) */
  g_clear_pointer (&self->cuts, g_array_unref);
  self->cuts = g_array_ref (cuts);
  if (cuts->len > 0)
    {
      GString *cut = g_string_sized_new (strlen (text) + 1);
      const char *copied = text;

      for (guint i = 0; i < cuts->len; i++)
        {
          const DossierLineCut *c = &g_array_index (cuts, DossierLineCut, i);

          g_string_append_len (cut, copied, text + c->byte - copied);
          g_string_append_c (cut, '\n');
          copied = g_utf8_next_char (text + c->byte);
        }
      g_string_append (cut, copied);
      cut_text = g_string_free (cut, FALSE);
      text = cut_text;
    }

  /* Line starts (the buffer's), in code points, in one pass over the bytes;
   * and where the tabs are, that set a table's cells apart. */
  g_array_set_size (self->line_starts, 0);
  g_array_append_val (self->line_starts, offset);
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if ((*p & 0xC0) == 0x80)
        continue;
      if (*p == '\t')
        g_array_append_val (tabs, offset);
      offset++;
      if (*p == '\n')
        g_array_append_val (self->line_starts, offset);
    }
  self->length = offset;

  gtk_text_buffer_set_text (self->buffer, text, -1);
  self->tags_present = FALSE;

  /* Colour tags are dropped too (now that no text carries them, which is
   * cheap), so that a long session does not collect colours nobody uses. */
  g_hash_table_iter_init (&hi, self->color_tags);
  while (g_hash_table_iter_next (&hi, NULL, &tag))
    gtk_text_tag_table_remove (gtk_text_buffer_get_tag_table (self->buffer), tag);
  g_hash_table_remove_all (self->color_tags);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_apply_tag (self->buffer, self->body_tag, &start, &end);

  dtext = DOSSIER_DOCUMENT_TEXT (self->text_view);
  dossier_document_text_clear_decorations (dtext);
  g_array_set_size (self->blocks, 0);
  self->title_start = self->title_end = -1;
  heads = item_heads (self, blocks, n_blocks);
  cells = row_cells (tabs, blocks, n_blocks, self->length);

  for (guint i = 0; i < n_blocks; i++)
    {
      const DossierBlock *b = &blocks[i];
      gint64 bs = CLAMP (b->start, 0, self->length);
      gint64 be = CLAMP (b->end, bs, self->length);
      GtkTextTag *btag = block_tag (self, b);
      gboolean next_row;

      /* A table: a run of rows, or two where their cells change. */
      next_row = cells[i] > 0 && table_rows > 0 && !starts_a_table (cells, n_blocks, i, table_rows);
      if (next_row)
        g_array_index (tables, DossierTextTable, tables->len - 1).end = be;
      else if (cells[i] > 0)
        g_array_append_val (tables, ((DossierTextTable) { bs, be }));

      /* The blank lines between two blocks are made shorter: paragraph
       * spacing without extra characters. The first newline ends the
       * previous block's own line and keeps its size. */
      if (i > 0)
        {
          gint64 gs = previous_end + 1;
          gint64 ge = CLAMP (b->start, gs, self->length);

          if (gs < ge)
            {
              iter_at (self, &start, gs);
              iter_at (self, &end, ge);
              gtk_text_buffer_apply_tag (self->buffer, next_row ? self->row_gap_tag : self->gap_tag,
                                         &start, &end);
            }
        }
      table_rows = cells[i] == 0 ? 0 : next_row ? table_rows + 1 : 1;
      previous_end = be;

      if (btag != NULL && bs < be)
        {
          iter_at (self, &start, bs);
          iter_at (self, &end, be);
          gtk_text_buffer_apply_tag (self->buffer, btag, &start, &end);
        }
      if (b->kind == DOSSIER_BLOCK_TITLE && bs < be && self->title_start < 0)
        {
          /* The space below a paragraph is its first character's: the
           * byline's room goes on the title's last line (of several where
           * a very long title is cut). */
          self->title_start = bs;
          self->title_end = be;
          iter_at (self, &start, MAX (bs, g_array_index (self->line_starts, gint64,
                                                         line_of (self, be - 1))));
          gtk_text_buffer_apply_tag (self->buffer, self->byline_room_tag, &start, &end);
        }

      /* A numbered item shows its own number ("1.", "(a)"): no bullet too. */
      if (b->kind != DOSSIER_BLOCK_LIST_ITEM || !item_is_numbered (blocks, n_blocks, heads, i))
        dossier_document_text_add_decoration (dtext, bs, be, b->kind, b->level);
      /* (in order and apart, for block_at's search) */
      if (bs < be && (self->blocks->len == 0 || bs >= g_array_index (self->blocks, Range,
                                                                        self->blocks->len - 1).end))
        g_array_append_val (self->blocks, ((Range) { bs, be }));

    }

  /* No title: the byline's room is made above the first line. */
  if (self->title_start < 0 && self->length > 0)
    {
      gtk_text_buffer_get_start_iter (self->buffer, &start);
      end = start;
      gtk_text_iter_forward_char (&end);
      gtk_text_buffer_apply_tag (self->buffer, self->byline_top_tag, &start, &end);
    }
  /* (the room made for the last text's place, on the other tag maybe) */
  clear_byline_room (self);

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
  if (vadj != NULL)
    gtk_adjustment_set_value (vadj, 0);

  gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
  gtk_widget_queue_draw (GTK_WIDGET (self->stripes));

  dossier_document_text_set_cuts (dtext, self->cuts);
  dossier_document_text_set_tables (dtext, tables);
  dossier_find_bar_set_cuts (self->find_bar, (const DossierLineCut *) (gpointer) self->cuts->data,
                             self->cuts->len);
  dossier_find_bar_text_changed (self->find_bar);
  place_byline (self);
}

/* ---- Selection and caret --------------------------------------------------- */

gboolean
dossier_document_view_get_selection (DossierDocumentView *self,
                                     gint64              *start,
                                     gint64              *end)
{
  GtkTextIter s, e;
  gboolean selected;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self), FALSE);

  selected = gtk_text_buffer_get_selection_bounds (self->buffer, &s, &e);
  if (start != NULL)
    *start = gtk_text_iter_get_offset (&s);
  if (end != NULL)
    *end = gtk_text_iter_get_offset (&e);
  return selected;
}

char *
dossier_document_view_dup_selected_text (DossierDocumentView *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self), NULL);

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return NULL;
  return get_document_text (self, &start, &end);
}

void
dossier_document_view_select_range (DossierDocumentView *self,
                                    gint64               start,
                                    gint64               end)
{
  GtkTextIter s, e;

  g_return_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self));

  iter_at (self, &s, MIN (start, end));
  iter_at (self, &e, MAX (start, end));
  /* The caret at the end, as after a Shift+Right selection. */
  gtk_text_buffer_select_range (self->buffer, &e, &s);
}

gint64
dossier_document_view_go_to_highlight (DossierDocumentView *self,
                                       gboolean             forward)
{
  const Highlight *h = NULL;
  GtkTextIter s, e;
  gint64 from;
  guint i;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self), 0);

  /* From the selection's start: a highlight gone to is selected. */
  gtk_text_buffer_get_selection_bounds (self->buffer, &s, &e);
  from = gtk_text_iter_get_offset (&s);
  if (forward)
    {
      i = lower_bound_start (self, from + 1);
      h = i < self->highlights->len ? HIGHLIGHT_AT (self, i) : NULL;
    }
  else
    {
      i = lower_bound_start (self, from);
      h = i > 0 ? HIGHLIGHT_AT (self, i - 1) : NULL;
    }
  if (h == NULL)
    return 0;

  /* Selected, the caret at its start: the keys that act on the highlight
   * at the caret (Menu, Delete, Ctrl+M) act on this one, not on a
   * shorter one it overlaps. */
  iter_at (self, &s, h->start);
  iter_at (self, &e, h->end);
  gtk_text_buffer_select_range (self->buffer, &s, &e);
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (self->buffer), 0.2, FALSE, 0, 0);
  return h->id;
}

gint64
dossier_document_view_get_caret (DossierDocumentView *self)
{
  GtkTextIter iter;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self), 0);

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  return gtk_text_iter_get_offset (&iter);
}

void
dossier_document_view_scroll_to (DossierDocumentView *self,
                                 gint64               offset)
{
  GtkTextMark *mark;
  GtkTextIter iter;

  g_return_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self));

  /* A mark, not an iter: the lines above may not be laid out yet, and the
   * view scrolls to a mark once they are. */
  iter_at (self, &iter, offset);
  mark = gtk_text_buffer_get_mark (self->buffer, "dossier-scroll-target");
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (self->buffer, "dossier-scroll-target", &iter, TRUE);
  else
    gtk_text_buffer_move_mark (self->buffer, mark, &iter);
  gtk_text_view_scroll_to_mark (self->text_view, mark, 0.0, TRUE, 0.0, 0.3);
}

static void
on_mark_set (DossierDocumentView *self,
             const GtkTextIter   *location,
             GtkTextMark         *mark,
             GtkTextBuffer       *buffer)
{
  if (mark == gtk_text_buffer_get_insert (buffer)
      || mark == gtk_text_buffer_get_selection_bound (buffer))
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* The selection offered as PRIMARY is ours, not the buffer's: the buffer
 * holds the characters cut at as '\n', and middle-click pasted them as line breaks.
 * The text view gives the buffer its PRIMARY clipboard when it is
 * realized and takes it back when it is unrealized (a count): taken away
 * in between, and given back just before. */
static void
on_text_realized (DossierDocumentView *self)
{
  gtk_text_buffer_remove_selection_clipboard (self->buffer,
                                              gtk_widget_get_primary_clipboard (GTK_WIDGET (self->text_view)));
}

static void
on_text_unrealize (DossierDocumentView *self)
{
  GdkClipboard *primary = gtk_widget_get_primary_clipboard (GTK_WIDGET (self->text_view));

  if (self->selection_content != NULL && gdk_clipboard_get_content (primary) == self->selection_content)
    gdk_clipboard_set_content (primary, NULL);
  gtk_text_buffer_add_selection_clipboard (self->buffer, primary);
}

static void
on_mark_set_after (DossierDocumentView *self,
                   const GtkTextIter   *location,
                   GtkTextMark         *mark,
                   GtkTextBuffer       *buffer)
{
  GdkClipboard *primary;

  if ((mark != gtk_text_buffer_get_insert (buffer)
       && mark != gtk_text_buffer_get_selection_bound (buffer))
      || self->selection_content == NULL || !gtk_widget_get_realized (GTK_WIDGET (self->text_view)))
    return;
  primary = gtk_widget_get_primary_clipboard (GTK_WIDGET (self->text_view));
  if (gtk_text_buffer_get_has_selection (buffer))
    gdk_clipboard_set_content (primary, self->selection_content);
  else if (gdk_clipboard_get_content (primary) == self->selection_content)
    gdk_clipboard_set_content (primary, NULL);
}

static void
on_has_selection (DossierDocumentView *self)
{
  gboolean has = gtk_text_buffer_get_has_selection (self->buffer);

  if (has == self->has_selection)
    return;
  self->has_selection = has;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
}

/* ---- Byline --------------------------------------------------------------- */

/* Between the title and the byline, and below the byline, at zoom 1. */
#define BYLINE_GAP_ABOVE   2
#define BYLINE_GAP_BELOW   12

typedef struct
{
  int x, y;       /* under the title, in buffer coordinates */
  int width;      /* the text column's */
  int room;       /* below the title: the byline and its gaps; -1 until the
                   * byline has that width */
} BylinePlace;

/* Where the byline goes, as wide as the text column, under the title's
 * last line (whatever the room below it), or at the top of a text with no
 * title; FALSE before the text view is allocated. Changes nothing:
 * size_allocate asks it. */
static gboolean
byline_place (DossierDocumentView *self,
              BylinePlace         *place)
{
  GtkTextIter iter;
  GdkRectangle visible, first, last;
  int below = (int) lround (4 * self->zoom);   /* the title's own, see update_block_margins */
  int height, top;

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  if (self->title_start >= 0)
    {
      iter_at (self, &iter, self->title_start);
      gtk_text_view_get_iter_location (self->text_view, &iter, &first);
      place->x = first.x;
    }
  else
    /* (the column's start: the first block may be indented, a list) */
    place->x = gtk_text_view_get_left_margin (self->text_view);
  place->width = visible.x + visible.width - gtk_text_view_get_right_margin (self->text_view) - place->x;
  if (visible.width <= 0 || place->width <= 0)
    return FALSE;

  if (self->title_start >= 0)
    {
      iter_at (self, &iter, self->title_end);
      gtk_text_view_get_iter_location (self->text_view, &iter, &last);
      top = last.y + last.height;
      place->y = top + below + (int) lround (BYLINE_GAP_ABOVE * self->zoom);
    }
  else
    {
      gtk_text_buffer_get_start_iter (self->buffer, &iter);
      gtk_text_view_get_line_yrange (self->text_view, &iter, &top, NULL);
      place->y = top;
    }

  /* (GTK measures a widget at its width request at least: its height for
   * another width is known once it has that one) */
  place->room = -1;
  if (place->width == self->byline_width)
    {
      gtk_widget_measure (self->byline, GTK_ORIENTATION_VERTICAL, place->width, &height, NULL, NULL, NULL);
      place->room = place->y - top + height + (int) lround (BYLINE_GAP_BELOW * self->zoom);
    }
  return TRUE;
}

/* The tag that makes the byline's room: below the title, or above the
 * first line of a text with none. */
static GtkTextTag *
byline_room_tag (DossierDocumentView *self,
                 const char         **property)
{
  *property = self->title_start >= 0 ? "pixels-below-lines" : "pixels-above-lines";
  return self->title_start >= 0 ? self->byline_room_tag : self->byline_top_tag;
}

/* No room for the byline, on either tag: each block keeps its spacing. */
static void
clear_byline_room (DossierDocumentView *self)
{
  self->byline_room = 0;
  g_object_set (self->byline_room_tag, "pixels-below-lines-set", FALSE, NULL);
  g_object_set (self->byline_top_tag, "pixels-above-lines-set", FALSE, NULL);
}

/* Shows the byline under the title, and makes the space below the
 * title's last line its height: the text below moves down, and not a
 * character is added to the buffer. With no title, the same at the top of
 * the text, above its first line. Without a byline (or a text) the title
 * keeps its own spacing: no gap. Not while GTK allocates sizes (it changes
 * them): size_allocate has it done before the next layout. */
static void
place_byline (DossierDocumentView *self)
{
  BylinePlace place;
  const char *room_property;
  GtkTextTag *room_tag;

  if (self->text_view == NULL)
    return;

  if (!self->byline_wanted || self->length == 0)
    {
      gtk_widget_set_visible (self->byline, FALSE);
      if (self->byline_room != 0)
        clear_byline_room (self);
      return;
    }

  /* (a hidden widget measures nothing) */
  gtk_widget_set_visible (self->byline, TRUE);
  if (!byline_place (self, &place))
    return;   /* not allocated yet: placed when it is */
  if (place.room < 0)
    {
      self->byline_width = place.width;
      gtk_widget_set_size_request (self->byline, place.width, -1);
      byline_place (self, &place);
    }

  if (place.room != self->byline_room)
    {
      self->byline_room = place.room;
      room_tag = byline_room_tag (self, &room_property);
      g_object_set (room_tag, room_property, place.room, NULL);
    }
  if (place.x != self->byline_x || place.y != self->byline_y)
    {
      self->byline_x = place.x;
      self->byline_y = place.y;
      gtk_text_view_move_overlay (self->text_view, self->byline, place.x, place.y);
    }
}

static gboolean
place_byline_tick (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  DossierDocumentView *self = DOSSIER_DOCUMENT_VIEW (widget);

  self->byline_tick_id = 0;
  place_byline (self);
  return G_SOURCE_REMOVE;
}

static gboolean
scrolled_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  DossierDocumentView *self = DOSSIER_DOCUMENT_VIEW (widget);
  GtkWidget *layer = gtk_widget_get_parent (self->byline);

  self->scroll_tick_id = 0;
  if (layer != NULL)
    {
      gtk_widget_queue_allocate (GTK_WIDGET (self->text_view));
      gtk_widget_queue_allocate (layer);
    }
  return G_SOURCE_REMOVE;
}

/* GTK 4.8 scrolls the text without placing its overlays again: the
 * byline would stay where it was on the screen, over the text scrolling
 * under it. The text view passes the new offset to the overlays' layer
 * when it is allocated, and the layer places them when it is: both are
 * asked in the next frame's update, before its layout (a scroll can come
 * during a layout, when asking would leave the layer unallocated at the
 * snapshot). */
static void
on_scrolled (DossierDocumentView *self)
{
  if (self->scroll_tick_id == 0 && gtk_widget_get_visible (self->byline))
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scrolled_tick,
                                                         NULL, NULL);
}

/* After an allocation (a new width, zoom or font): the byline placed
 * again, in the next frame's update, before its layout, if it moved. */
static void
byline_allocated (DossierDocumentView *self)
{
  BylinePlace place;

  if (self->byline_tick_id != 0 || !gtk_widget_get_visible (self->byline) ||
      !byline_place (self, &place))
    return;
  if (place.room != self->byline_room || place.x != self->byline_x || place.y != self->byline_y)
    self->byline_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), place_byline_tick,
                                                         NULL, NULL);
}

void
dossier_document_view_set_byline (DossierDocumentView *self,
                                  const char          *byline,
                                  const char          *source)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GString) spoken = g_string_new (NULL);
  g_autofree char *accessible = NULL;
  const char *scheme;

  g_return_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self));

  /* What is shown of each is cut as every label cuts a stored text (a
   * project file may hold a megabyte, or a word of thousands of letters,
   * which a label lays out whole each time it is measured). */
  if (byline != NULL && byline[0] != '\0')
    {
      g_autofree char *shown = dossier_text_shown (byline);
      g_autofree char *escaped = g_markup_escape_text (shown, -1);

      g_string_append (markup, escaped);
      g_string_append (spoken, shown);
    }
  /* The address it came from, as a link, only when it is on the web: the
   * address comes from the imported page or the project file, and may
   * name anything. Another source, the name of the file it was imported
   * from ("lists.html"), says nothing to a reader of the article: Document
   * Details keeps it, the byline leaves it out. */
  scheme = source != NULL ? g_uri_peek_scheme (source) : NULL;
  if (g_strcmp0 (scheme, "https") == 0 || g_strcmp0 (scheme, "http") == 0)
    {
      g_autofree char *shown = dossier_text_shown (source);
      g_autofree char *line = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", source, shown);

      if (markup->len > 0)
        {
          g_string_append_c (markup, '\n');
          g_string_append (spoken, ", ");
        }
      g_string_append (markup, line);
      g_string_append (spoken, shown);
    }

  /* (the details notify of every highlight counted: nothing to redo) */
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (self->byline)), markup->str) == 0)
    return;
  self->byline_wanted = markup->len > 0;
  gtk_label_set_markup (GTK_LABEL (self->byline), markup->str);
  /* Translators: what a screen reader says of the line under a document's
   * title: its author, outlet, date and address */
  accessible = g_strdup_printf (_("Byline: %s"), spoken->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->byline),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  place_byline (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

const char *
dossier_document_view_get_byline (DossierDocumentView *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self), NULL);

  if (!gtk_widget_get_visible (self->byline))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->byline));
}

/* Whether (@x, @y) of the text view is on the byline, whose clicks, menu
 * and link are its own. */
static gboolean
on_byline (DossierDocumentView *self,
           double               x,
           double               y)
{
  GtkWidget *picked;

  if (!gtk_widget_get_visible (self->byline))
    return FALSE;
  picked = gtk_widget_pick (GTK_WIDGET (self->text_view), x, y, GTK_PICK_DEFAULT);
  return picked != NULL && (picked == self->byline || gtk_widget_is_ancestor (picked, self->byline));
}

/* ---- Pointer and keys on the text ------------------------------------------ */

static gboolean
offset_at_point (DossierDocumentView *self,
                 double               x,
                 double               y,
                 gint64              *offset)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return FALSE;
  *offset = gtk_text_iter_get_offset (&iter);
  return TRUE;
}

static gboolean
on_text_query_tooltip (DossierDocumentView *self,
                       int                  x,
                       int                  y,
                       gboolean             keyboard_mode,
                       GtkTooltip          *tooltip,
                       GtkWidget           *widget)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GString) markup = g_string_new (NULL);
  GdkRectangle loc;
  GtkTextIter iter;
  gint64 offset;
  int wx, wy;

  if (!keyboard_mode && on_byline (self, x, y))
    return FALSE;
  if (keyboard_mode)
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
      offset = gtk_text_iter_get_offset (&iter);
    }
  else if (!offset_at_point (self, x, y, &offset))
    return FALSE;

  collect_highlights_at (self, offset, found);
  for (guint i = 0; i < found->len; i++)
    {
      const Highlight *h = g_ptr_array_index (found, i);

      if (markup->len > 0)
        g_string_append (markup, "\n\n");
      if (h->tooltip != NULL && h->tooltip[0] != '\0')
        g_string_append (markup, h->tooltip);
      else
        {
          g_autofree char *escaped = g_markup_escape_text (h->label, -1);
          g_string_append (markup, escaped);
        }
    }
  if (markup->len == 0)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup->str);

  /* Ask again when the pointer leaves this character. */
  iter_at (self, &iter, offset);
  gtk_text_view_get_iter_location (self->text_view, &iter, &loc);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         loc.x, loc.y, &wx, &wy);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { wx, wy, MAX (loc.width, 1), loc.height });
  return TRUE;
}

/* The block (paragraph, list item, quote, heading…) @offset is in, its
 * end included (a click after its last character); without blocks, the
 * line of text. FALSE between blocks. */
static gboolean
block_at (DossierDocumentView *self,
          gint64               offset,
          Range               *block)
{
  guint lo = 0, hi = self->blocks->len;

  if (self->blocks->len == 0)
    {
      guint first = (guint) line_of (self, offset), last = first;

      /* The paragraph: its lines cut, together. */
      while (first > 0 && cut_at (self, g_array_index (self->line_starts, gint64, first) - 1) != NULL)
        first--;
      while (last + 1 < self->line_starts->len
             && cut_at (self, g_array_index (self->line_starts, gint64, last + 1) - 1) != NULL)
        last++;
      block->start = g_array_index (self->line_starts, gint64, first);
      block->end = last + 1 < self->line_starts->len
                   ? g_array_index (self->line_starts, gint64, last + 1) - 1 : self->length;
      return block->start < block->end;
    }

  /* The last block that starts at or before @offset. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->blocks, Range, mid).start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return FALSE;
  *block = g_array_index (self->blocks, Range, lo - 1);
  return offset <= block->end;
}

/* A triple click selects the block clicked in, as in a browser or a word
 * processor, not the text view's one line on screen: in a reading tool it
 * means "this paragraph", and tagging a wrapped paragraph after it took a
 * fragment. Without the line break after it, as tagging leaves out. */
static void
on_text_primary_pressed (GtkGestureClick     *gesture,
                         int                  n_press,
                         double               x,
                         double               y,
                         DossierDocumentView *self)
{
  GtkTextIter iter;
  Range block;
  int bx, by;

  /* (a fourth click, quickly after, keeps the block: not the text
   * view's, which counts from the third) */
  if (n_press < 3 || on_byline (self, x, y))
    return;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  /* (the nearest character: a click beside a line's end is on its line) */
  gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by);
  if (!block_at (self, gtk_text_iter_get_offset (&iter), &block))
    return;

  /* Ours: the text view's own triple click would select its line. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  dossier_document_view_select_range (self, block.start, block.end);
}

/* Copying a selection across a cut copies the character cut at, not a
 * line break. */
static void
on_text_copy_clipboard (DossierDocumentView *self,
                        GtkTextView         *text_view)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->cuts->len == 0 || !gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return;
  text = get_document_text (self, &start, &end);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (text_view)), text);
  g_signal_stop_emission_by_name (text_view, "copy-clipboard");
}

/* A drag of the selection, where the buffer holds cuts: ours, the
 * text view's would drag their '\n'. Elsewhere (or without cuts) the text
 * view's own, which selects as the pointer moves. */
static GdkContentProvider *
on_text_drag_prepare (GtkDragSource       *source,
                      double               x,
                      double               y,
                      DossierDocumentView *self)
{
  GtkTextIter start, end;
  gint64 offset;

  if (self->cuts->len == 0
      || !gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end)
      || !offset_at_point (self, x, y, &offset)
      || offset < gtk_text_iter_get_offset (&start) || offset >= gtk_text_iter_get_offset (&end))
    return NULL;
  return g_object_ref (self->selection_content);
}

static void
on_text_secondary_pressed (GtkGestureClick     *gesture,
                           int                  n_press,
                           double               x,
                           double               y,
                           DossierDocumentView *self)
{
  const Highlight *h;
  graphene_point_t point;
  gint64 offset;

  if (on_byline (self, x, y))
    return;
  h = offset_at_point (self, x, y, &offset) ? innermost_highlight_at (self, offset) : NULL;

  /* Ours, not the text view's menu (greyed Cut and Paste in read-only text). */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->text_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (x, y);
  if (h != NULL)
    g_signal_emit (self, signals[HIGHLIGHT_MENU], 0, h->id, (double) point.x, (double) point.y);
  else
    g_signal_emit (self, signals[TEXT_MENU], 0, (double) point.x, (double) point.y);
}

static void
on_stripe_activated (DossierDocumentView  *self,
                     gint64                id,
                     DossierCodingStripes *stripes)
{
  Highlight *h = g_hash_table_lookup (self->by_id, &id);

  if (h != NULL)
    dossier_document_view_select_range (self, h->start, h->end);
  g_signal_emit (self, signals[HIGHLIGHT_ACTIVATED], 0, id);
}

static void
on_stripe_menu (DossierDocumentView  *self,
                gint64                id,
                double                x,
                double                y,
                DossierCodingStripes *stripes)
{
  graphene_point_t point;

  if (!gtk_widget_compute_point (GTK_WIDGET (stripes), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (x, y);
  g_signal_emit (self, signals[HIGHLIGHT_MENU], 0, id, (double) point.x, (double) point.y);
}

/* Enter on highlighted text does what a click on its stripe does. */
static gboolean
activate_at_caret (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  DossierDocumentView *self = DOSSIER_DOCUMENT_VIEW (widget);
  const Highlight *h;

  if (!gtk_widget_has_focus (GTK_WIDGET (self->text_view)))
    return FALSE;
  h = innermost_highlight_at (self, dossier_document_view_get_caret (self));
  if (h == NULL)
    return FALSE;
  g_signal_emit (self, signals[HIGHLIGHT_ACTIVATED], 0, h->id);
  return TRUE;
}

/* ---- Search ---------------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierDocumentView *self = DOSSIER_DOCUMENT_VIEW (widget);

  if (g_str_equal (action_name, "document.search"))
    dossier_document_view_start_search (self);
  else if (g_str_equal (action_name, "document.next-match"))
    dossier_find_bar_next (self->find_bar);
  else if (g_str_equal (action_name, "document.previous-match"))
    dossier_find_bar_previous (self->find_bar);
}

void
dossier_document_view_start_search (DossierDocumentView *self)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self));

  dossier_find_bar_start (self->find_bar);
}

/* ---- Zoom ------------------------------------------------------------------ */

static void
update_zoom_css (DossierDocumentView *self)
{
  char size[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *css = NULL;

  g_ascii_formatd (size, sizeof size, "%.3f", BASE_SCALE * self->zoom);
  css = g_strdup_printf ("textview.dossier-document { font-size: %sem; }", size);
  gtk_css_provider_load_from_data (self->zoom_css, css, -1);
}

double
dossier_document_view_get_zoom (DossierDocumentView *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self), 1.0);

  return self->zoom;
}

void
dossier_document_view_set_zoom (DossierDocumentView *self,
                                double               zoom)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self));

  zoom = CLAMP (zoom, 0.5, 3.0);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;

  self->zoom = zoom;
  update_zoom_css (self);
  update_block_margins (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* ---- Layout ---------------------------------------------------------------- */

static int
column_width (DossierDocumentView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->text_view));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int width = pango_font_metrics_get_approximate_char_width (metrics);

  pango_font_metrics_unref (metrics);
  return COLUMN_CHARS * width / PANGO_SCALE;
}

static void
dossier_document_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  DossierDocumentView *self = DOSSIER_DOCUMENT_VIEW (widget);
  int bar_min, bar_nat, sw_min, sw_nat;

  gtk_widget_measure (GTK_WIDGET (self->find_bar), orientation, for_size, &bar_min, &bar_nat, NULL, NULL);
  gtk_widget_measure (self->scrolled, orientation, for_size, &sw_min, &sw_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = bar_min + sw_min;
      *natural = bar_nat + sw_nat;
    }
  else
    {
      int column = column_width (self);

      /* Not the text view's width: that is the margins this view gave it
       * for its last width (hundreds of pixels at 2560), which would keep
       * the window from getting narrower again. The text wraps at any
       * width: the minimum is the stripes (capped, so that it does not
       * change with the highlights), the gaps and a little text.
       * Natural: a column of MIN_COLUMN_CHARS, the stripes' labels beside
       * it: a container that can give it more should, before it squeezes
       * the reading. */
      *minimum = MAX (bar_min, DOSSIER_CODING_STRIPES_MAX_WIDTH + TEXT_GAP + MIN_TEXT + MIN_SIDE);
      *natural = MAX (MAX (bar_nat, *minimum),
                      LABEL_ROOM + TEXT_GAP + column * MIN_COLUMN_CHARS / COLUMN_CHARS + MIN_SIDE);
    }
}

/* The text column is at most @column pixels (COLUMN_CHARS characters) and
 * centred; the left margin is the stripes' gutter, which also wants room
 * for the stripes' labels (@want_left). When the view is too narrow for
 * both, the right margin gives way first, then the column down to
 * LABELS_COLUMN_CHARS (the labels kept beside it: at 1280 px with both
 * sidebars they name the stripes' tags), then the labels' room, down to
 * MIN_GUTTER (the stripes leave out or shorten labels that do not fit),
 * and only then the column: below a comfortable measure the text has its
 * width before the labels have theirs (it started 156 px in at the
 * window's narrowest, a column of 45 characters beside 136 px of
 * gutter). Nothing here depends on the
 * document or its highlights: a margin that changed between documents
 * wrapped the text anew after the reader had aimed at a passage. Only
 * real changes are passed on by the caller: each relayouts the text. */
static void
dossier_document_view_layout_margins (int  width,
                                      int  column,
                                      int  want_left,
                                      int *left,
                                      int *right)
{
  int side = (width - column) / 2;

  if (side - TEXT_GAP >= want_left)
    {
      *left = side - TEXT_GAP;
      *right = side;
      return;
    }

  *left = want_left;
  *right = width - *left - TEXT_GAP - column;
  if (*right < MIN_SIDE)
    {
      int labels_column = column * LABELS_COLUMN_CHARS / COLUMN_CHARS;

      *right = MIN_SIDE;
      *left = CLAMP (width - TEXT_GAP - MIN_SIDE - labels_column, MIN_GUTTER, want_left);
    }
}

static void
dossier_document_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  DossierDocumentView *self = DOSSIER_DOCUMENT_VIEW (widget);
  int bar_min, bar_nat;
  int left, right;

  gtk_widget_measure (GTK_WIDGET (self->find_bar), GTK_ORIENTATION_VERTICAL, width, &bar_min, &bar_nat, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (self->find_bar), &(GtkAllocation) { 0, 0, width, bar_nat }, -1);

  /* The gutter wants room for labels beside its lanes: fixed, since the
   * lanes' width is capped, so that no new lane reflows the text. */
  dossier_document_view_layout_margins (width, column_width (self), LABEL_ROOM, &left, &right);
  dossier_coding_stripes_set_reserved_width (self->stripes, left);
  if (gtk_text_view_get_right_margin (self->text_view) != right)
    gtk_text_view_set_right_margin (self->text_view, right);

  gtk_widget_size_allocate (self->scrolled,
                            &(GtkAllocation) { 0, bar_nat, width, MAX (height - bar_nat, 0) },
                            -1);
  /* (the text column's width is the text view's now) */
  byline_allocated (self);
}

static void
dossier_document_view_css_changed (GtkWidget         *widget,
                                   GtkCssStyleChange *change)
{
  DossierDocumentView *self = DOSSIER_DOCUMENT_VIEW (widget);

  GTK_WIDGET_CLASS (dossier_document_view_parent_class)->css_changed (widget, change);
  update_theme_colors (self);
}

/* Styles that cannot be tags: the gutter takes the text's background, so
 * that the stripes' margin and the text read as one page. */
static const char document_view_css[] =
  "textview.dossier-document > border { background: none; }\n"
  "textview.dossier-document > border.left { background: none; }\n"
  /* (the text's size, zoomed, inherited: a little smaller) */
  "textview.dossier-document .dossier-byline { font-size: 0.85em; }\n";

static void
dossier_document_view_root (GtkWidget *widget)
{
  GdkDisplay *display;

  GTK_WIDGET_CLASS (dossier_document_view_parent_class)->root (widget);

  display = gtk_widget_get_display (widget);
  if (g_object_get_data (G_OBJECT (display), "dossier-document-view-css") == NULL)
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider, document_view_css, -1);
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_data_full (G_OBJECT (display), "dossier-document-view-css",
                              provider, g_object_unref);
    }
}

static gboolean
dossier_document_view_grab_focus (GtkWidget *widget)
{
  DossierDocumentView *self = DOSSIER_DOCUMENT_VIEW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* ---- GObject --------------------------------------------------------------- */

void
dossier_document_view_get_selection_colors (DossierDocumentView *self,
                                            GdkRGBA             *background,
                                            GdkRGBA             *foreground)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self));

  if (background != NULL)
    *background = self->selection_bg;
  if (foreground != NULL)
    *foreground = self->selection_fg;
}

GtkTextView *
dossier_document_view_get_text_view (DossierDocumentView *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self), NULL);

  return self->text_view;
}

DossierCodingStripes *
dossier_document_view_get_coding_stripes (DossierDocumentView *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_VIEW (self), NULL);

  return self->stripes;
}

GtkWidget *
dossier_document_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_DOCUMENT_VIEW, NULL);
}

static void
dossier_document_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DossierDocumentView *self = DOSSIER_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, self->has_selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DossierDocumentView *self = DOSSIER_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      dossier_document_view_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_view_dispose (GObject *object)
{
  DossierDocumentView *self = DOSSIER_DOCUMENT_VIEW (object);

  g_clear_handle_id (&self->paint_id, g_source_remove);
  if (self->byline_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->byline_tick_id);
      self->byline_tick_id = 0;
    }
  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }

  /* The clipboard may hold it longer: it offers nothing then. */
  if (self->selection_content != NULL)
    {
      GdkClipboard *primary = gtk_widget_get_primary_clipboard (GTK_WIDGET (self));

      if (gdk_clipboard_get_content (primary) == self->selection_content)
        gdk_clipboard_set_content (primary, NULL);
      SELECTION_CONTENT (self->selection_content)->view = NULL;
      g_clear_object (&self->selection_content);
    }

  if (self->find_bar != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->find_bar)));
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  self->text_view = NULL;
  self->byline = NULL;
  self->stripes = NULL;

  G_OBJECT_CLASS (dossier_document_view_parent_class)->dispose (object);
}

static void
dossier_document_view_finalize (GObject *object)
{
  DossierDocumentView *self = DOSSIER_DOCUMENT_VIEW (object);

  g_clear_object (&self->buffer);
  g_clear_object (&self->zoom_css);
  g_clear_object (&self->theme_css);
  g_clear_pointer (&self->line_starts, g_array_unref);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->cuts, g_array_unref);
  g_clear_pointer (&self->highlights, g_ptr_array_unref);
  g_clear_pointer (&self->reach, g_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->color_tags, g_hash_table_unref);
  g_clear_pointer (&self->stripe_scratch, g_array_unref);
  g_clear_pointer (&self->range_scratch, g_array_unref);
  g_clear_pointer (&self->lane_scratch, g_array_unref);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->bands, g_array_unref);
  g_clear_pointer (&self->active, g_array_unref);
  g_clear_pointer (&self->dirty, g_array_unref);

  G_OBJECT_CLASS (dossier_document_view_parent_class)->finalize (object);
}

static void
dossier_document_view_class_init (DossierDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = dossier_document_view_get_property;
  object_class->set_property = dossier_document_view_set_property;
  object_class->dispose = dossier_document_view_dispose;
  object_class->finalize = dossier_document_view_finalize;

  widget_class->measure = dossier_document_view_measure;
  widget_class->size_allocate = dossier_document_view_size_allocate;
  widget_class->css_changed = dossier_document_view_css_changed;
  widget_class->grab_focus = dossier_document_view_grab_focus;
  widget_class->root = dossier_document_view_root;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0.5, 3.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[HIGHLIGHT_ACTIVATED] =
    g_signal_new ("highlight-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[HIGHLIGHT_MENU] =
    g_signal_new ("highlight-menu",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[TEXT_MENU] =
    g_signal_new ("text-menu",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "document.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "document.next-match", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "document.previous-match", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "document.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "document.next-match", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "document.previous-match", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_at_caret, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_at_caret, NULL);

  gtk_widget_class_set_css_name (widget_class, "documentview");
}

static void
dossier_document_view_init (DossierDocumentView *self)
{
  GtkTextTagTable *table = gtk_text_tag_table_new ();
  GtkGesture *gesture;

  self->zoom = 1.0;
  self->line_starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->line_starts, self->length);
  self->blocks = g_array_new (FALSE, FALSE, sizeof (Range));
  self->cuts = g_array_new (FALSE, FALSE, sizeof (DossierLineCut));
  self->highlights = g_ptr_array_new_with_free_func (g_free);
  self->reach = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->color_tags = g_hash_table_new (NULL, NULL);
  self->stripe_scratch = g_array_new (FALSE, FALSE, sizeof (DossierStripe));
  self->range_scratch = g_array_new (FALSE, FALSE, sizeof (DossierStripeRange));
  self->lane_scratch = g_array_new (FALSE, FALSE, sizeof (guint));
  self->events = g_array_new (FALSE, FALSE, sizeof (Event));
  self->bands = g_array_new (FALSE, FALSE, sizeof (DossierTextBand));
  self->active = g_array_new (FALSE, FALSE, sizeof (guint));
  self->dirty = g_array_new (FALSE, FALSE, sizeof (Range));

  /* The buffer and its fixed tags. */
  self->buffer = gtk_text_buffer_new (table);
  g_object_unref (table);
  create_tags (self);
  g_signal_connect_object (self->buffer, "mark-set",
                           G_CALLBACK (on_mark_set), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "notify::has-selection",
                           G_CALLBACK (on_has_selection), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "mark-set",
                           G_CALLBACK (on_mark_set_after), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->selection_content = g_object_new (SELECTION_TYPE_CONTENT, NULL);
  SELECTION_CONTENT (self->selection_content)->view = self;

  /* The text: read-only, with a caret for keyboard selection. */
  self->text_view = g_object_new (DOSSIER_TYPE_DOCUMENT_TEXT,
                                  "buffer", self->buffer,
                                  "editable", FALSE,
                                  "cursor-visible", TRUE,
                                  "wrap-mode", GTK_WRAP_WORD_CHAR,
                                  "left-margin", TEXT_GAP,
                                  "right-margin", MIN_SIDE,
                                  "top-margin", 28,
                                  "bottom-margin", 96,
                                  "has-tooltip", TRUE,
                                  NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "dossier-document");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document text"),
                                  -1);
  self->zoom_css = gtk_css_provider_new ();
  update_zoom_css (self);
  self->theme_css = gtk_css_provider_new ();
  self->page = (GdkRGBA) { 1, 1, 1, 0 };   /* not known yet: see update_theme_colors */
  self->selection_bg = (GdkRGBA) { 0.110, 0.310, 0.561, 1 };
  self->selection_fg = (GdkRGBA) { 1, 1, 1, 1 };
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->text_view)),
                                  GTK_STYLE_PROVIDER (self->zoom_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->text_view)),
                                  GTK_STYLE_PROVIDER (self->theme_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_signal_connect_object (self->text_view, "realize",
                           G_CALLBACK (on_text_realized), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->text_view, "unrealize",
                           G_CALLBACK (on_text_unrealize), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_view, "copy-clipboard",
                           G_CALLBACK (on_text_copy_clipboard), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_view, "query-tooltip",
                           G_CALLBACK (on_text_query_tooltip), self, G_CONNECT_SWAPPED);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_text_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_text_primary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (gesture));

  {
    GtkDragSource *drag = gtk_drag_source_new ();

    gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
    /* Before the text view's own drag, which starts at the same distance. */
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
    g_signal_connect (drag, "prepare", G_CALLBACK (on_text_drag_prepare), self);
    gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (drag));
  }

  /* The byline: secondary text, copyable, out of the focus chain (the
   * text is what the keys read and move through). */
  self->title_start = self->title_end = -1;
  self->byline = g_object_new (GTK_TYPE_LABEL,
                               "visible", FALSE,
                               "wrap", TRUE,
                               "wrap-mode", PANGO_WRAP_WORD_CHAR,
                               "xalign", 0.0f,
                               "selectable", TRUE,
                               NULL);
  /* (after "selectable", which makes it focusable) */
  gtk_widget_set_focusable (self->byline, FALSE);
  /* (dimmed by its colour, not .dim-label: see update_theme_colors) */
  gtk_widget_add_css_class (self->byline, "dossier-byline");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (self->byline),
                                  GTK_STYLE_PROVIDER (self->theme_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_text_view_add_overlay (self->text_view, self->byline, 0, 0);

  self->stripes = DOSSIER_CODING_STRIPES (dossier_coding_stripes_new (self->text_view));
  gtk_text_view_set_gutter (self->text_view, GTK_TEXT_WINDOW_LEFT, GTK_WIDGET (self->stripes));
  g_signal_connect_object (self->stripes, "highlight-activated",
                           G_CALLBACK (on_stripe_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stripes, "highlight-menu",
                           G_CALLBACK (on_stripe_menu), self, G_CONNECT_SWAPPED);

  /* Above the text, first in focus order. */
  self->find_bar = DOSSIER_FIND_BAR (dossier_find_bar_new (self->text_view));
  gtk_widget_set_parent (GTK_WIDGET (self->find_bar), GTK_WIDGET (self));

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->text_view));
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)),
                           "value-changed", G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}
