/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-briefing-layout.c — a briefing note on pages (see
 * dossier-briefing-layout.h).
 *
 * The note becomes a flow of blocks, each one PangoLayout as wide as the
 * text (headings, paragraphs, list items with a hanging marker, quotes),
 * or a rule or a page break. Pagination places them line by line; a line
 * that first cites a passage brings that passage's footnote to the foot of
 * its page, so the line goes to the next page when it and its notes do not
 * both fit. A heading is kept with the first two lines after it, and no
 * block leaves one line alone at the foot or the top of a page (one of two
 * or three lines is never split). Drawing a page
 * only replays what pagination recorded, so printing a page a second time
 * draws exactly the same thing.
 *
 * A footnote too long for what is left of its page continues at the foot
 * of the next (pages of nothing but footnote if need be), so no text ever
 * runs past the bottom margin; where it goes on, it is headed by its
 * number and "(continued)", as briefing notes mark it. On a PDF, a Markdown link is a link to its
 * address, a citation's number a link to its footnote and the footnote's
 * number a link back to where it is first cited.
 *
 * Text is laid out with hinting off and at 72 dpi: its metrics are the
 * same on a PDF surface and on a printer's, whatever the device.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <dossier/dossier-export.h>

#include "dossier-briefing-layout.h"
#include "dossier-unbroken-runs.h"

/* Points. */
#define MARGIN_X       DOSSIER_BRIEFING_MARGIN_X
#define MARGIN_TOP     DOSSIER_BRIEFING_MARGIN_TOP
#define MARGIN_BOTTOM  DOSSIER_BRIEFING_MARGIN_BOTTOM
#define INDENT         18.0   /* a list level, a quote */
#define MARKER_WIDTH   16.0   /* a list's bullet or number, a footnote's number */
#define NOTE_GAP        3.0   /* between two footnotes */
#define NOTE_SEPARATOR 12.0   /* above the first footnote of a page */

#define BODY_FONT      "DejaVu Serif, Serif 10.5"
#define NOTE_FONT      "DejaVu Serif, Serif 8.5"
#define HEADING_FONT   "DejaVu Sans, Sans Bold"
#define SMALL_FONT     "DejaVu Sans, Sans 8.5"
#define LINK_COLOR     0x1c, 0x71, 0xd8
#define PROBLEM_COLOR  0xc0, 0x1c, 0x28
#define GREY           0x5e, 0x5c, 0x64

typedef enum
{
  BLOCK_TEXT,
  BLOCK_RULE,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  double top;        /* from the layout's top */
  double height;
  double baseline;   /* from the line's top */
  double x;          /* indent of the line */
} LineInfo;

typedef struct
{
  guint    number;   /* the citation's */
  int      index;    /* byte in the layout's text */
  int      end;
  gboolean first;    /* the note's first citation: its footnote links back here */
} Mark;

typedef struct
{
  int   start;       /* bytes in the layout's text */
  int   end;
  char *uri;         /* escaped for a cairo attribute */
} Link;

typedef struct
{
  BlockKind    kind;
  PangoLayout *layout;
  double       x;
  double       space_before;
  double       space_after;
  gboolean     keep_with_next;
  gboolean     quote_bar;
  GArray      *lines;   /* LineInfo */
  GArray      *marks;   /* Mark */
  GArray      *links;   /* Link */
} Block;

typedef struct
{
  Block  *block;
  guint   line;
  double  top;          /* on the page */
} Placed;

/* Lines [first, end) of the footnote of citation @number. */
typedef struct
{
  guint number;
  guint first;
  guint end;
} NoteSlice;

typedef struct
{
  GArray *lines;        /* Placed */
  GArray *rules;        /* double: y of each rule */
  GArray *notes;        /* NoteSlice, in order */
  double  notes_height;
} Page;

struct _DossierBriefingLayout
{
  const DossierBriefingContent *content;
  double        width;
  double        height;
  double        text_width;
  PangoFontMap *font_map;
  PangoContext *context;
  GPtrArray    *blocks;   /* Block */
  GPtrArray    *notes;    /* PangoLayout, the footnote of citation i + 1 */
  GPtrArray    *note_lines;  /* GArray of LineInfo, the lines of notes[i] */
  double        continued_height;  /* the line "3. (continued)" heading a footnote's rest */
  GPtrArray    *pages;    /* Page */
};

/* ---- Paper ------------------------------------------------------------------ */

static const struct
{
  const char *name;
  double      width;
  double      height;
} papers[] = {
  [DOSSIER_PAPER_A4] = { "a4", 595.276, 841.890 },
  [DOSSIER_PAPER_LETTER] = { "letter", 612.0, 792.0 },
};

gboolean
dossier_paper_from_string (const char   *str,
                           DossierPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (str, papers[i].name) == 0)
      {
        *paper = (DossierPaper) i;
        return TRUE;
      }
  return FALSE;
}

const char *
dossier_paper_to_string (DossierPaper paper)
{
  return (guint) paper < G_N_ELEMENTS (papers) ? papers[paper].name : NULL;
}

void
dossier_paper_get_size (DossierPaper  paper,
                        double       *width,
                        double       *height)
{
  if ((guint) paper >= G_N_ELEMENTS (papers))
    paper = DOSSIER_PAPER_A4;
  *width = papers[paper].width;
  *height = papers[paper].height;
}

/* ---- Text with attributes ------------------------------------------------------ */

typedef struct
{
  GString       *text;
  PangoAttrList *attrs;
  GArray        *marks;
  GArray        *links;
  gboolean       frame;  /* words Dossier writes around the writer's: see run_set_on () */
} Run;

static void
link_clear (Link *link)
{
  g_free (link->uri);
}

static void
run_init (Run *run)
{
  run->text = g_string_new (NULL);
  run->attrs = pango_attr_list_new ();
  run->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  run->links = g_array_new (FALSE, FALSE, sizeof (Link));
  g_array_set_clear_func (run->links, (GDestroyNotify) link_clear);
  run->frame = FALSE;
}

static void
run_clear (Run *run)
{
  g_string_free (run->text, TRUE);
  pango_attr_list_unref (run->attrs);
  if (run->marks != NULL)
    g_array_unref (run->marks);
  if (run->links != NULL)
    g_array_unref (run->links);
}

/* @url as a PDF link's address, inside a cairo attribute's quotes: ASCII
 * only (PDF URIs are 7-bit), no quote or backslash to escape. */
static char *
link_uri (const char *url)
{
  GString *uri = g_string_new (NULL);

  while (g_ascii_isspace (*url))
    url++;
  for (const guchar *p = (const guchar *) url; *p; p++)
    if (*p <= 0x20 || *p >= 0x7f || strchr ("'\\\"<>()", *p) != NULL)
      g_string_append_printf (uri, "%%%02X", *p);
    else
      g_string_append_c (uri, *p);
  return g_string_free (uri, FALSE);
}

static void
run_attr (Run            *run,
          PangoAttribute *attr,
          gsize           start)
{
  attr->start_index = start;
  attr->end_index = run->text->len;
  pango_attr_list_insert (run->attrs, attr);
}

static void
run_text (Run        *run,
          const char *text)
{
  g_string_append (run->text, text != NULL ? text : "");
}

static void
run_styled (Run        *run,
            const char *text,
            PangoStyle  style,
            PangoWeight weight)
{
  gsize start = run->text->len;

  run_text (run, text);
  if (style != PANGO_STYLE_NORMAL)
    run_attr (run, pango_attr_style_new (style), start);
  if (weight != PANGO_WEIGHT_NORMAL)
    run_attr (run, pango_attr_weight_new (weight), start);
}

/* @text (a quote or an article's title, in any script) as an isolated
 * run: its direction, from its own first strong letter, neither sets the
 * direction of the line around it nor reorders the words beside it. */
static void
run_isolated (Run        *run,
              const char *text,
              PangoStyle  style)
{
  run_text (run, "\u2068");  /* FIRST STRONG ISOLATE */
  run_styled (run, text, style, PANGO_WEIGHT_NORMAL);
  run_text (run, "\u2069");  /* POP DIRECTIONAL ISOLATE */
}

static void
run_color (Run   *run,
           gsize  start,
           guint8 r,
           guint8 g,
           guint8 b)
{
  run_attr (run, pango_attr_foreground_new (r * 257, g * 257, b * 257), start);
}

/* No line begins with the citation about to be appended: Pango breaks no
 * line inside a range whose breaks are not allowed, here the character
 * before the citation and its "[", so the number stays with the word it
 * follows ("reported.[3]", "close [3]") and with a number before it
 * ("[3] [4]", "[3][4]"), which would otherwise each begin the next line.
 * After a hard line break there is nothing to keep it with. */
static void
run_keep_with_previous (Run *run)
{
  const char *end = run->text->str + run->text->len;
  const char *previous;
  PangoAttribute *attr;

  if (run->text->len == 0)
    return;
  previous = g_utf8_find_prev_char (run->text->str, end);
  if (previous == NULL || *previous == '\n')
    return;
  attr = pango_attr_allow_breaks_new (FALSE);
  attr->start_index = (guint) (previous - run->text->str);
  attr->end_index = (guint) run->text->len + 1;  /* the "[" */
  pango_attr_list_insert (run->attrs, attr);
}

/* "[3]" raised and smaller, where the note cites passage 3. */
static void
run_citation (Run                   *run,
              const DossierCitation *c)
{
  gsize start = run->text->len;
  Mark mark = { c->number, (int) start, 0, FALSE };

  run_keep_with_previous (run);

  if (c->status == DOSSIER_CITATION_OK)
    g_string_append_printf (run->text, "[%u]", c->number);
  else
    g_string_append_printf (run->text, "[%u⚠]", c->number);
  run_attr (run, pango_attr_rise_new (4 * PANGO_SCALE), start);
  run_attr (run, pango_attr_scale_new (0.72), start);
  if (c->status == DOSSIER_CITATION_OK)
    run_color (run, start, LINK_COLOR);
  else
    {
      run_color (run, start, PROBLEM_COLOR);
      run_attr (run, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start);
    }
  mark.end = (int) run->text->len;
  g_array_append_val (run->marks, mark);
}

/* Gives @layout @run's text and attributes, its runs without a space cut
 * where Pango would take a time growing with their square to wrap them. */
static void
run_set_on (Run         *run,
            PangoLayout *layout)
{
  dossier_unbroken_runs_add_attrs (run->attrs, run->text->str, run->text->len);
  /* The writer's paragraphs take their direction from their first
   * letter, as the HTML export's (dir="auto"). What Dossier writes around
   * them (a footnote, the list of sources compared) reads left to right
   * as the HTML export's does, whatever script the quotes and titles in
   * it are in (run_isolated ()): found from the text, a footnote quoting
   * Arabic would put its number at the right and the title before the
   * quote. */
  pango_layout_set_auto_dir (layout, !run->frame);
  pango_layout_set_text (layout, run->text->str, (int) run->text->len);
  pango_layout_set_attributes (layout, run->attrs);
}

static void run_inlines (Run *run, const DossierBriefingContent *content, DossierMarkdownNode *node);

static void
run_inline (Run                          *run,
            const DossierBriefingContent *content,
            DossierMarkdownNode          *node)
{
  gsize start = run->text->len;
  DossierCitation *c;

  switch (node->kind)
    {
    case DOSSIER_MARKDOWN_TEXT:
      run_text (run, node->text);
      break;
    case DOSSIER_MARKDOWN_CODE:
      run_text (run, node->text);
      run_attr (run, pango_attr_family_new ("DejaVu Sans Mono, Monospace"), start);
      run_attr (run, pango_attr_scale_new (0.9), start);
      break;
    case DOSSIER_MARKDOWN_EMPHASIS:
      run_inlines (run, content, node);
      run_attr (run, pango_attr_style_new (PANGO_STYLE_ITALIC), start);
      break;
    case DOSSIER_MARKDOWN_STRONG:
      run_inlines (run, content, node);
      run_attr (run, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start);
      break;
    case DOSSIER_MARKDOWN_LINK:
      run_inlines (run, content, node);
      run_attr (run, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE), start);
      run_color (run, start, LINK_COLOR);
      /* Only where the other exports would link too (never javascript:). */
      if (dossier_markdown_url_is_safe (node->url) && run->text->len > start)
        {
          Link link = { (int) start, (int) run->text->len, link_uri (node->url) };

          g_array_append_val (run->links, link);
        }
      break;
    case DOSSIER_MARKDOWN_CITATION:
      c = dossier_citations_lookup_node (content->citations, node);
      if (c != NULL)
        run_citation (run, c);
      break;
    case DOSSIER_MARKDOWN_LINE_BREAK:
      g_string_append_c (run->text, '\n');
      break;
    default:
      break;
    }
}

static void
run_inlines (Run                          *run,
             const DossierBriefingContent *content,
             DossierMarkdownNode          *node)
{
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      DossierMarkdownNode *child = g_ptr_array_index (node->children, i);

      if (dossier_markdown_kind_is_inline (child->kind))
        run_inline (run, content, child);
    }
}

/* ---- Blocks ------------------------------------------------------------------- */

static void
block_free (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_pointer (&block->lines, g_array_unref);
  g_clear_pointer (&block->marks, g_array_unref);
  g_clear_pointer (&block->links, g_array_unref);
  g_free (block);
}

static PangoLayout *
new_layout (DossierBriefingLayout *self,
            const char            *font,
            double                 width,
            double                 hanging)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (hanging > 0)
    {
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                                                (int) (hanging * PANGO_SCALE));

      pango_layout_set_tabs (layout, tabs);
      pango_tab_array_free (tabs);
      pango_layout_set_indent (layout, (int) (-hanging * PANGO_SCALE));
    }
  return layout;
}

/* "3.  (continued)": what heads the rest of footnote @number on the page
 * it goes on to, its number where the note's own is, the words in grey
 * italics. */
static PangoLayout *
make_continued (DossierBriefingLayout *self,
                guint                  number)
{
  PangoLayout *layout = new_layout (self, NOTE_FONT, self->text_width, MARKER_WIDTH);
  Run run;

  run_init (&run);
  run.frame = TRUE;
  g_string_append_printf (run.text, "%u.\t", number);
  {
    gsize start = run.text->len;

    /* TRANSLATORS: heads the rest of a footnote that goes on from the
     * page before, in a PDF or a print of a briefing note */
    run_styled (&run, _("(continued)"), PANGO_STYLE_ITALIC, PANGO_WEIGHT_NORMAL);
    run_color (&run, start, GREY);
  }
  run_set_on (&run, layout);
  run_clear (&run);
  return layout;
}

static GArray *
measure_lines (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      LineInfo line;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.top = (double) logical.y / PANGO_SCALE;
      line.height = (double) logical.height / PANGO_SCALE;
      line.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - line.top;
      line.x = (double) logical.x / PANGO_SCALE;
      g_array_append_val (lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return lines;
}

/* Adds a block of @kind with its spacing, and returns it for the rest. */
static Block *
add_simple (DossierBriefingLayout *self,
            BlockKind              kind,
            double                 space_before,
            double                 space_after)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->space_before = space_before;
  block->space_after = space_after;
  g_ptr_array_add (self->blocks, block);
  return block;
}

/* Adds a block of @run's text (which it takes). */
static Block *
add_text (DossierBriefingLayout *self,
          Run                   *run,
          const char            *font,
          double                 x,
          double                 hanging,
          double                 space_before,
          double                 space_after)
{
  Block *block = add_simple (self, BLOCK_TEXT, space_before, space_after);

  block->x = x;
  block->layout = new_layout (self, font, self->text_width - (x - MARGIN_X), hanging);
  pango_layout_set_line_spacing (block->layout, 1.2);
  run_set_on (run, block->layout);
  block->lines = measure_lines (block->layout);
  block->marks = g_steal_pointer (&run->marks);
  block->links = g_steal_pointer (&run->links);
  run_clear (run);
  return block;
}

static void
add_plain (DossierBriefingLayout *self,
           const char            *text,
           const char            *font,
           PangoStyle             style,
           double                 space_before,
           double                 space_after)
{
  Run run;

  run_init (&run);
  run_styled (&run, text, style, PANGO_WEIGHT_NORMAL);
  add_text (self, &run, font, MARGIN_X, 0, space_before, space_after);
}


static void
add_heading (DossierBriefingLayout *self,
             Run                   *run,
             guint                  level)
{
  static const double sizes[] = { 20, 15, 12.5, 11, 10.5, 10.5 };
  g_autofree char *font = g_strdup_printf ("%s %s%.1f", HEADING_FONT, level >= 5 ? "Italic " : "",
                                           sizes[CLAMP (level, 1, 6) - 1]);
  Block *block = add_text (self, run, font, MARGIN_X, 0, level <= 2 ? 16 : 12, 5);

  block->keep_with_next = TRUE;
}

static void add_markdown (DossierBriefingLayout *self, DossierMarkdownNode *node, guint depth);

static void
add_list (DossierBriefingLayout *self,
          DossierMarkdownNode   *list,
          guint                  depth)
{
  for (guint i = 0; list->children != NULL && i < list->children->len; i++)
    {
      DossierMarkdownNode *item = g_ptr_array_index (list->children, i);
      gboolean last = i + 1 == list->children->len;
      Run run;

      run_init (&run);
      if (list->ordered)
        g_string_append_printf (run.text, "%u.\t", item->number);
      else
        g_string_append (run.text, "•\t");
      run_inlines (&run, self->content, item);
      add_text (self, &run, BODY_FONT, MARGIN_X + depth * INDENT, MARKER_WIDTH, i == 0 && depth == 0 ? 2 : 0,
                last && depth == 0 ? 8 : 2);
      for (guint k = 0; item->children != NULL && k < item->children->len; k++)
        {
          DossierMarkdownNode *child = g_ptr_array_index (item->children, k);

          if (child->kind == DOSSIER_MARKDOWN_LIST)
            add_list (self, child, depth + 1);
        }
    }
}

static void
add_markdown (DossierBriefingLayout *self,
              DossierMarkdownNode   *node,
              guint                  depth)
{
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      DossierMarkdownNode *block = g_ptr_array_index (node->children, i);
      Run run;

      switch (block->kind)
        {
        case DOSSIER_MARKDOWN_HEADING:
          run_init (&run);
          run_inlines (&run, self->content, block);
          add_heading (self, &run, block->level + self->content->heading_shift);
          break;
        case DOSSIER_MARKDOWN_PARAGRAPH:
          run_init (&run);
          run_inlines (&run, self->content, block);
          add_text (self, &run, BODY_FONT, MARGIN_X, 0, 0, 8);
          break;
        case DOSSIER_MARKDOWN_QUOTE:
          run_init (&run);
          for (guint k = 0; block->children != NULL && k < block->children->len; k++)
            run_inlines (&run, self->content, g_ptr_array_index (block->children, k));
          run_attr (&run, pango_attr_style_new (PANGO_STYLE_ITALIC), 0);
          add_text (self, &run, BODY_FONT, MARGIN_X + INDENT, 0, 2, 10)->quote_bar = TRUE;
          break;
        case DOSSIER_MARKDOWN_RULE:
          add_simple (self, BLOCK_RULE, 6, 12);
          break;
        case DOSSIER_MARKDOWN_LIST:
          add_list (self, block, depth);
          break;
        default:
          break;
        }
    }
}

/* @quote, or its first DOSSIER_TEXT_MAX_PASSAGE characters and "…": a
 * passage of a document of one 50 MB paragraph would be ten thousand
 * pages, which Pango took minutes to lay out (the export never ended);
 * @cut_note set to what says it was cut (NULL when whole). */
static char *
shown_quote (const char  *quote,
             char       **cut_note)
{
  return dossier_text_cut (quote, DOSSIER_TEXT_MAX_PASSAGE, DOSSIER_TEXT_CUT_PASSAGE, cut_note);
}

/* “quote” — *Title*, outlet, date, section “…”. */
static void
run_source (Run                   *run,
            const DossierCitation *c)
{
  g_autofree char *rest = dossier_citation_format_source (c, FALSE);
  g_autofree char *cut_note = NULL;
  g_autofree char *quote = shown_quote (c->quote, &cut_note);
  const char *open, *close;

  /* A passage that is a quotation already keeps its own marks. */
  dossier_text_quote_marks (c->quote, &open, &close);
  run_text (run, open);
  run_isolated (run, quote, PANGO_STYLE_NORMAL);
  run_text (run, close);
  if (cut_note != NULL)
    {
      run_text (run, " ");
      run_text (run, cut_note);
    }
  run_text (run, " — ");
  run_isolated (run, c->document_title, PANGO_STYLE_ITALIC);
  if (*rest != '\0')
    {
      run_text (run, ", ");
      run_text (run, rest);
    }
  run_text (run, ".");
}

static PangoLayout *
make_note (DossierBriefingLayout *self,
           const DossierCitation *c)
{
  g_autofree char *problem = dossier_citation_describe_problem (c);
  PangoLayout *layout = new_layout (self, NOTE_FONT, self->text_width, MARKER_WIDTH);
  Run run;

  run_init (&run);
  run.frame = TRUE;
  g_string_append_printf (run.text, "%u.\t", c->number);
  if (problem != NULL)
    {
      gsize start = run.text->len;

      run_styled (&run, _("Unverified:"), PANGO_STYLE_NORMAL, PANGO_WEIGHT_BOLD);
      run_text (&run, " ");
      run_text (&run, problem);
      run_text (&run, ".");
      run_color (&run, start, PROBLEM_COLOR);
      if (c->quote != NULL)
        {
          run_text (&run, " ");
          run_text (&run, _("Last known quote:"));
          run_text (&run, " ");
          run_source (&run, c);
        }
    }
  else
    run_source (&run, c);
  run_set_on (&run, layout);
  run_clear (&run);
  g_ptr_array_add (self->note_lines, measure_lines (layout));
  return layout;
}

static void
add_header (DossierBriefingLayout *self)
{
  const DossierBriefingContent *content = self->content;
  Run run;

  run_init (&run);
  run_text (&run, content->title);
  add_text (self, &run, HEADING_FONT " 22", MARGIN_X, 0, 0, 2);

  run_init (&run);
  /* TRANSLATORS: subtitle of an exported briefing note */
  run_text (&run, _("Briefing note"));
  run_color (&run, 0, GREY);
  add_text (self, &run, SMALL_FONT, MARGIN_X, 0, 0, 10);

  if (content->compared->len > 0)
    {
      run_init (&run);
      run_styled (&run, _("Compares:"), PANGO_STYLE_NORMAL, PANGO_WEIGHT_BOLD);
      add_text (self, &run, SMALL_FONT, MARGIN_X, 0, 0, 2);
      for (guint i = 0; i < content->compared->len; i++)
        {
          DossierBriefingSource *source = g_ptr_array_index (content->compared, i);

          run_init (&run);
          run.frame = TRUE;
          g_string_append_printf (run.text, "%u.\t", i + 1);
          run_isolated (&run, source->title, PANGO_STYLE_ITALIC);
          if (*source->details != '\0')
            {
              run_text (&run, " — ");
              run_text (&run, source->details);
            }
          add_text (self, &run, SMALL_FONT, MARGIN_X, MARKER_WIDTH, 0, 1);
        }
    }
  add_simple (self, BLOCK_RULE, 8, 14);
}

static void
add_appendix (DossierBriefingLayout *self)
{
  const DossierBriefingContent *content = self->content;
  Run run;

  if (content->cited->len == 0)
    return;

  add_simple (self, BLOCK_PAGE_BREAK, 0, 0);
  run_init (&run);
  run_text (&run, _("Cited passages by source"));
  add_heading (self, &run, 2);
  for (guint i = 0; i < content->cited->len; i++)
    {
      DossierBriefingSource *source = g_ptr_array_index (content->cited, i);

      run_init (&run);
      run_text (&run, source->title);
      add_heading (self, &run, 3);
      if (*source->details != '\0')
        {
          run_init (&run);
          run_text (&run, source->details);
          run_color (&run, 0, GREY);
          add_text (self, &run, SMALL_FONT, MARGIN_X, 0, 0, 6);
        }
      for (guint k = 0; k < source->citations->len; k++)
        {
          DossierCitation *c = g_ptr_array_index (source->citations, k);
          g_autofree char *cut_note = NULL;
          g_autofree char *quote = shown_quote (c->quote, &cut_note);
          const char *open, *close;
          gsize start;

          dossier_text_quote_marks (c->quote, &open, &close);
          run_init (&run);
          run_text (&run, open);
          run_text (&run, quote);
          run_text (&run, close);
          run_attr (&run, pango_attr_style_new (PANGO_STYLE_ITALIC), 0);
          if (cut_note != NULL)
            {
              run_text (&run, " ");
              run_text (&run, cut_note);
            }
          run_text (&run, "\n");
          start = run.text->len;
          run_text (&run, "— ");
          {
            /* The number links to its footnote, as in the body. */
            Mark mark = { c->number, (int) run.text->len, 0, FALSE };

            g_string_append_printf (run.text, "[%u]", c->number);
            mark.end = (int) run.text->len;
            g_array_append_val (run.marks, mark);
          }
          if (c->section != NULL)
            {
              g_autofree char *section = dossier_citation_format_section (c);

              run_text (&run, ", ");
              run_text (&run, section);
            }
          run_color (&run, start, GREY);
          add_text (self, &run, BODY_FONT, MARGIN_X + INDENT, 0, 2, 10)->quote_bar = TRUE;
        }
    }
}

/* ---- Pagination ----------------------------------------------------------------- */

static void
page_free (Page *page)
{
  g_array_unref (page->lines);
  g_array_unref (page->rules);
  g_array_unref (page->notes);
  g_free (page);
}

static Page *
new_page (DossierBriefingLayout *self)
{
  Page *page = g_new0 (Page, 1);

  page->lines = g_array_new (FALSE, FALSE, sizeof (Placed));
  page->rules = g_array_new (FALSE, FALSE, sizeof (double));
  page->notes = g_array_new (FALSE, FALSE, sizeof (NoteSlice));
  g_ptr_array_add (self->pages, page);
  return page;
}

/* The height of lines [@first, @end) of footnote @number, and the gap
 * after it; a footnote's rest (@first past its start) with the line that
 * says it continues. */
static double
slice_height (DossierBriefingLayout *self,
              guint                  number,
              guint                  first,
              guint                  end)
{
  GArray *lines = g_ptr_array_index (self->note_lines, number - 1);
  LineInfo *top = &g_array_index (lines, LineInfo, first);
  LineInfo *last = &g_array_index (lines, LineInfo, end - 1);

  return (first > 0 ? self->continued_height : 0) + last->top + last->height - top->top + NOTE_GAP;
}

static guint
note_n_lines (DossierBriefingLayout *self,
              guint                  number)
{
  return ((GArray *) g_ptr_array_index (self->note_lines, number - 1))->len;
}

static double
note_height (DossierBriefingLayout *self,
             guint                  number)
{
  return slice_height (self, number, 0, note_n_lines (self, number));
}

/* The citations first cited on line @line of @block, not yet placed, as
 * whole footnotes; their marks there become each note's first. */
static void
new_notes_on_line (DossierBriefingLayout *self,
                   Block                 *block,
                   guint                  line,
                   gboolean              *placed,
                   GArray                *out)
{
  PangoLayoutLine *layout_line = pango_layout_get_line_readonly (block->layout, line);

  g_array_set_size (out, 0);
  for (guint i = 0; block->marks != NULL && i < block->marks->len; i++)
    {
      Mark *mark = &g_array_index (block->marks, Mark, i);
      NoteSlice slice = { mark->number, 0, note_n_lines (self, mark->number) };

      if (placed[mark->number - 1] || mark->index < layout_line->start_index ||
          mark->index >= layout_line->start_index + layout_line->length)
        continue;
      placed[mark->number - 1] = TRUE;
      mark->first = TRUE;
      g_array_append_val (out, slice);
    }
}

static gboolean
page_is_empty (Page *page)
{
  return page->lines->len == 0 && page->rules->len == 0;
}

/* Moves to @page's foot as much of @queue's footnotes, in order, as fits
 * in @room points (at least a line, on a page with nothing else), leaving
 * the rest in @queue. Returns the room left. */
static double
place_notes (DossierBriefingLayout *self,
             Page                  *page,
             GArray                *queue,
             double                 room)
{
  guint done = 0;

  for (; done < queue->len; done++)
    {
      NoteSlice *slice = &g_array_index (queue, NoteSlice, done);
      double separator = page->notes->len == 0 ? NOTE_SEPARATOR : 0;
      gboolean blank = page_is_empty (page) && page->notes->len == 0;
      NoteSlice part = *slice;

      while (part.end > part.first &&
             separator + slice_height (self, part.number, part.first, part.end) > room + 0.01 &&
             !(blank && part.end == part.first + 1))
        part.end--;
      if (part.end == part.first)
        break;
      page->notes_height += separator + slice_height (self, part.number, part.first, part.end);
      room -= separator + slice_height (self, part.number, part.first, part.end);
      g_array_append_val (page->notes, part);
      if (part.end < slice->end)
        {
          slice->first = part.end;
          break;
        }
    }
  g_array_remove_range (queue, 0, done);
  return room;
}

/* A new page, at whose foot go the footnotes carried over in @carry,
 * filling as many pages as they need. */
static Page *
next_page (DossierBriefingLayout *self,
           GArray                *carry)
{
  const double room = self->height - MARGIN_BOTTOM - MARGIN_TOP;
  Page *page = new_page (self);

  while (carry->len > 0)
    {
      place_notes (self, page, carry, room);
      if (carry->len > 0)
        page = new_page (self);
    }
  return page;
}

/* How many lines from @line on must go on one page: a page break never
 * leaves a block's first line alone at the foot of a page nor its last
 * alone at the top of the next, so a block of two or three lines is never
 * split, and a longer one is split after its second line at the
 * earliest, before its last two at the latest. */
static guint
kept_together (Block *block,
               guint  line)
{
  guint n = block->lines->len;

  if (n <= 3)
    return line == 0 ? n : 1;
  if (line == 0)
    return 2;
  if (line == n - 2)
    return 2;
  return 1;
}

/* The height of @count lines of @block from @first, as pagination stacks
 * them. */
static double
lines_height (Block *block,
              guint  first,
              guint  count)
{
  double height = 0;

  for (guint i = first; i < first + count && i < block->lines->len; i++)
    height += g_array_index (block->lines, LineInfo, i).height;
  return height;
}

static void
paginate (DossierBriefingLayout *self)
{
  const double top = MARGIN_TOP;
  const double bottom = self->height - MARGIN_BOTTOM;
  g_autofree gboolean *placed = g_new0 (gboolean, self->notes->len + 1);
  g_autoptr(GArray) fresh = g_array_new (FALSE, FALSE, sizeof (NoteSlice));
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (NoteSlice));
  Page *page = new_page (self);
  double y = top;

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (self->blocks, b);
      double space = page_is_empty (page) ? 0 : block->space_before;

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          if (!page_is_empty (page) || page->notes->len > 0)
            {
              page = next_page (self, none);
              y = top;
            }
          continue;
        }
      if (block->kind == BLOCK_RULE)
        {
          if (y + space > bottom - page->notes_height)
            {
              page = next_page (self, none);
              y = top;
              space = 0;
            }
          y += space;
          g_array_append_val (page->rules, y);
          y += block->space_after;
          continue;
        }

      for (guint l = 0; l < block->lines->len; l++)
        {
          LineInfo *line = &g_array_index (block->lines, LineInfo, l);
          double before = l == 0 && !page_is_empty (page) ? space : 0;
          double need = line->height;
          double notes = 0;   /* the new footnotes, whole, with a separator */
          double separator;   /* … which this page may have already */
          Placed p;

          /* A heading goes with the first lines of what follows it, as
           * many as that block's first may not be parted from. */
          if (l == 0 && block->keep_with_next && b + 1 < self->blocks->len)
            {
              Block *next = g_ptr_array_index (self->blocks, b + 1);
              LineInfo *last = &g_array_index (block->lines, LineInfo, block->lines->len - 1);

              need = last->top + last->height + block->space_after;
              if (next->kind == BLOCK_TEXT)
                need += next->space_before + lines_height (next, 0, kept_together (next, 0));
            }
          else
            need = lines_height (block, l, kept_together (block, l));

          new_notes_on_line (self, block, l, placed, fresh);
          for (guint k = 0; k < fresh->len; k++)
            notes += note_height (self, g_array_index (fresh, NoteSlice, k).number);
          if (fresh->len > 0)
            notes += NOTE_SEPARATOR;
          separator = fresh->len > 0 && page->notes->len > 0 ? NOTE_SEPARATOR : 0;

          /* Not room enough here: the next page, unless the notes would
           * not fit on a page of their own either and this one has room
           * for the line and a line of them — then they are split from
           * here. */
          if (y + before + need > bottom - page->notes_height - (notes - separator) &&
              (!page_is_empty (page) || page->notes->len > 0))
            {
              gboolean split_here = fresh->len > 0 && top + need + notes > bottom &&
                y + before + need + NOTE_SEPARATOR +
                slice_height (self, g_array_index (fresh, NoteSlice, 0).number, 0, 1) <=
                bottom - page->notes_height;

              if (!split_here)
                {
                  page = next_page (self, none);
                  y = top;
                  before = 0;
                }
            }

          y += before;
          p.block = block;
          p.line = l;
          p.top = y;
          g_array_append_val (page->lines, p);
          y += line->height;
          if (fresh->len > 0)
            {
              /* What does not fit continues on the next pages. */
              place_notes (self, page, fresh, bottom - y - page->notes_height);
              if (fresh->len > 0)
                {
                  page = next_page (self, fresh);
                  y = top;
                }
            }
        }
      if (!page_is_empty (page))
        y += block->space_after;
    }
}

/* ---- The layout ----------------------------------------------------------------- */

DossierBriefingLayout *
dossier_briefing_layout_new (const DossierBriefingContent *content,
                             gboolean                      appendix,
                             double                        width,
                             double                        height)
{
  DossierBriefingLayout *self;
  cairo_font_options_t *options;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (width > 4 * MARGIN_X && height > 2 * (MARGIN_TOP + MARGIN_BOTTOM), NULL);

  self = g_new0 (DossierBriefingLayout, 1);
  self->content = content;
  self->width = width;
  self->height = height;
  self->text_width = width - 2 * MARGIN_X;

  /* A font map of its own: the default one is per thread, and a layout
   * may be made in a worker. */
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  /* Left to right for what is not found from the text (run_set_on ()). */
  pango_context_set_base_dir (self->context, PANGO_DIRECTION_LTR);
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->notes = g_ptr_array_new_with_free_func (g_object_unref);
  self->note_lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);

  for (guint i = 0; i < content->citations->len; i++)
    g_ptr_array_add (self->notes, make_note (self, g_ptr_array_index (content->citations, i)));
  {
    g_autoptr(PangoLayout) continued = make_continued (self, MAX (content->citations->len, 1));
    PangoRectangle logical;

    pango_layout_get_extents (continued, NULL, &logical);
    self->continued_height = (double) logical.height / PANGO_SCALE;
  }

  add_header (self);
  if (content->root->children == NULL || content->root->children->len == 0)
    add_plain (self, _("This note is empty."), BODY_FONT, PANGO_STYLE_ITALIC, 0, 8);
  else
    add_markdown (self, content->root, 0);
  if (appendix)
    add_appendix (self);

  paginate (self);
  return self;
}

void
dossier_briefing_layout_free (DossierBriefingLayout *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->note_lines, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_free (self);
}

guint
dossier_briefing_layout_get_n_pages (DossierBriefingLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

/* ---- Links --------------------------------------------------------------------- */

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Not printf: a locale's decimal comma would break the attribute. */
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

/* Makes bytes [@start, @end) of @line, drawn with its layout's left edge at
 * @x and its top at @top, a link to @target ("uri='…'" or "dest='…'").
 * Only a PDF surface keeps it; other surfaces ignore tags. */
static void
link_line (cairo_t         *cr,
           PangoLayoutLine *line,
           int              start,
           int              end,
           double           x,
           double           top,
           double           height,
           const char      *target)
{
  g_autoptr(GString) attributes = NULL;
  g_autofree int *ranges = NULL;
  int n = 0;

  start = MAX (start, line->start_index);
  end = MIN (end, line->start_index + line->length);
  if (start >= end)
    return;
  pango_layout_line_get_x_ranges (line, start, end, &ranges, &n);
  if (n == 0)
    return;
  attributes = g_string_new (target);
  g_string_append (attributes, " rect=[");
  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (attributes, ' ');
      append_number (attributes, x + (double) ranges[2 * i] / PANGO_SCALE);
      g_string_append_c (attributes, ' ');
      append_number (attributes, top);
      g_string_append_c (attributes, ' ');
      append_number (attributes, (double) (ranges[2 * i + 1] - ranges[2 * i]) / PANGO_SCALE);
      g_string_append_c (attributes, ' ');
      append_number (attributes, height);
    }
  g_string_append_c (attributes, ']');
  cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes->str);
  cairo_tag_end (cr, CAIRO_TAG_LINK);
}

/* Where a link to @name ("note-3") lands: @x, @y on this page. */
static void
add_destination (cairo_t    *cr,
                 const char *name,
                 double      x,
                 double      y)
{
  g_autoptr(GString) attributes = g_string_new (NULL);

  g_string_append_printf (attributes, "name='%s' x=", name);
  append_number (attributes, x);
  g_string_append (attributes, " y=");
  append_number (attributes, y);
  cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes->str);
  cairo_tag_end (cr, CAIRO_TAG_DEST);
}

/* The links of a placed line of the body: its Markdown links, and each
 * citation to its footnote (the first citation of each the footnote's way
 * back). */
static void
link_placed (cairo_t *cr,
             Placed  *p)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (p->block->layout, p->line);
  LineInfo *info = &g_array_index (p->block->lines, LineInfo, p->line);

  for (guint i = 0; p->block->links != NULL && i < p->block->links->len; i++)
    {
      Link *link = &g_array_index (p->block->links, Link, i);
      g_autofree char *target = g_strdup_printf ("uri='%s'", link->uri);

      link_line (cr, line, link->start, link->end, p->block->x, p->top, info->height, target);
    }
  for (guint i = 0; p->block->marks != NULL && i < p->block->marks->len; i++)
    {
      Mark *mark = &g_array_index (p->block->marks, Mark, i);
      g_autofree char *target = NULL;

      if (mark->index < line->start_index || mark->index >= line->start_index + line->length)
        continue;
      target = g_strdup_printf ("dest='note-%u'", mark->number);
      link_line (cr, line, mark->index, mark->end, p->block->x, p->top, info->height, target);
      if (mark->first)
        {
          g_autofree char *name = g_strdup_printf ("cite-%u", mark->number);

          add_destination (cr, name, MARGIN_X, p->top);
        }
    }
}

void
dossier_briefing_layout_draw_page (DossierBriefingLayout *self,
                                   cairo_t               *cr,
                                   guint                  page_number)
{
  Page *page;
  double y;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_number < self->pages->len);

  page = g_ptr_array_index (self->pages, page_number);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < page->lines->len; i++)
    {
      Placed *p = &g_array_index (page->lines, Placed, i);
      LineInfo *line = &g_array_index (p->block->lines, LineInfo, p->line);

      if (p->block->quote_bar)
        {
          cairo_set_source_rgb (cr, 0xc0 / 255.0, 0xbf / 255.0, 0xbc / 255.0);
          cairo_rectangle (cr, p->block->x - 11, p->top, 2.5, line->height);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
        }
      cairo_move_to (cr, p->block->x + line->x, p->top + line->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (p->block->layout, p->line));
      link_placed (cr, p);
    }

  cairo_set_line_width (cr, 0.6);
  cairo_set_source_rgb (cr, 0x9a / 255.0, 0x99 / 255.0, 0x96 / 255.0);
  for (guint i = 0; i < page->rules->len; i++)
    {
      double rule = g_array_index (page->rules, double, i);

      cairo_move_to (cr, MARGIN_X, rule);
      cairo_line_to (cr, MARGIN_X + self->text_width, rule);
      cairo_stroke (cr);
    }

  /* The footnotes of the lines on this page, at its foot. */
  if (page->notes->len > 0)
    {
      y = self->height - MARGIN_BOTTOM - page->notes_height + NOTE_SEPARATOR;
      cairo_move_to (cr, MARGIN_X, y - NOTE_SEPARATOR / 2);
      cairo_line_to (cr, MARGIN_X + self->text_width / 3, y - NOTE_SEPARATOR / 2);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      for (guint i = 0; i < page->notes->len; i++)
        {
          NoteSlice *slice = &g_array_index (page->notes, NoteSlice, i);
          PangoLayout *note = g_ptr_array_index (self->notes, slice->number - 1);
          GArray *lines = g_ptr_array_index (self->note_lines, slice->number - 1);
          double first_top = g_array_index (lines, LineInfo, slice->first).top;

          if (slice->first > 0)
            {
              g_autoptr(PangoLayout) continued = make_continued (self, slice->number);

              cairo_move_to (cr, MARGIN_X, y);
              pango_cairo_show_layout (cr, continued);
              first_top -= self->continued_height;
            }

          for (guint l = slice->first; l < slice->end; l++)
            {
              LineInfo *line = &g_array_index (lines, LineInfo, l);
              PangoLayoutLine *layout_line = pango_layout_get_line_readonly (note, l);
              double top = y + line->top - first_top;

              cairo_move_to (cr, MARGIN_X + line->x, top + line->baseline);
              pango_cairo_show_layout_line (cr, layout_line);
              if (l == 0)
                {
                  /* Its number leads back to where it is first cited. */
                  g_autofree char *name = g_strdup_printf ("note-%u", slice->number);
                  g_autofree char *back = g_strdup_printf ("dest='cite-%u'", slice->number);
                  const char *text = pango_layout_get_text (note);

                  add_destination (cr, name, MARGIN_X, top);
                  link_line (cr, layout_line, 0, (int) strcspn (text, "\t"), MARGIN_X, top,
                             line->height, back);
                }
            }
          y += slice_height (self, slice->number, slice->first, slice->end);
        }
    }

  /* The page number, centred under the text. */
  {
    g_autoptr(PangoLayout) footer = new_layout (self, SMALL_FONT, self->text_width, 0);
    g_autofree char *text = g_strdup_printf (_("Page %u of %u"), page_number + 1, self->pages->len);

    pango_layout_set_alignment (footer, PANGO_ALIGN_CENTER);
    pango_layout_set_text (footer, text, -1);
    cairo_set_source_rgb (cr, 0x5e / 255.0, 0x5c / 255.0, 0x64 / 255.0);
    cairo_move_to (cr, MARGIN_X, self->height - MARGIN_BOTTOM / 2 - 5);
    pango_cairo_show_layout (cr, footer);
  }
  cairo_restore (cr);
}

/* ---- PDF ------------------------------------------------------------------------ */

void
dossier_briefing_pdf_options_init (DossierBriefingPdfOptions *options)
{
  g_return_if_fail (options != NULL);
  options->paper = DOSSIER_PAPER_A4;
  options->appendix = FALSE;
  options->allow_unverified = FALSE;
}

/* What the PDF is written to its stream in. */
#define PDF_BUFFER_SIZE (64 * 1024)

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} PdfSink;

static cairo_status_t
pdf_write (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
dossier_briefing_write_pdf (const DossierBriefingContent    *content,
                            const DossierBriefingPdfOptions *options,
                            GOutputStream                   *stream,
                            GCancellable                    *cancellable,
                            GError                         **error)
{
  DossierBriefingPdfOptions defaults;
  g_autoptr(DossierBriefingLayout) layout = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  PdfSink sink = { NULL, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  gboolean cancelled = FALSE;

  g_return_val_if_fail (content != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      dossier_briefing_pdf_options_init (&defaults);
      options = &defaults;
    }
  dossier_paper_get_size (options->paper, &width, &height);
  layout = dossier_briefing_layout_new (content, options->appendix, width, height);

  /* cairo hands a PDF over in pieces of a few bytes, dozens for each
   * citation's link: written straight to a file, a system call each,
   * they were 70% of the export of a note of 50,000 citations. */
  buffered = g_object_new (G_TYPE_BUFFERED_OUTPUT_STREAM, "base-stream", stream,
                           "buffer-size", PDF_BUFFER_SIZE, "close-base-stream", FALSE, NULL);
  sink.stream = buffered;
  surface = cairo_pdf_surface_create_for_stream (pdf_write, &sink, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, content->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Dossier " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < dossier_briefing_layout_get_n_pages (layout) && sink.error == NULL; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          cancelled = TRUE;
          break;
        }
      dossier_briefing_layout_draw_page (layout, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (sink.error == NULL && !cancelled)
    g_output_stream_flush (buffered, cancellable, &sink.error);

  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (cancelled)
    return !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot make the PDF: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  DossierBriefingContent    *content;
  DossierBriefingPdfOptions  options;
  char                      *path;
} PdfJob;

static void
pdf_job_free (PdfJob *job)
{
  dossier_briefing_content_free (job->content);
  g_free (job->path);
  g_free (job);
}

static gboolean
write_job (GOutputStream  *stream,
           gpointer        user_data,
           GCancellable   *cancellable,
           GError        **error)
{
  PdfJob *job = user_data;

  return dossier_briefing_write_pdf (job->content, &job->options, stream, cancellable, error);
}

static PdfJob *
pdf_job_new (DossierProject                  *project,
             gint64                           briefing_id,
             const DossierBriefingPdfOptions *options,
             const char                      *path,
             GCancellable                    *cancellable,
             GError                         **error)
{
  PdfJob *job = g_new0 (PdfJob, 1);

  if (options != NULL)
    job->options = *options;
  else
    dossier_briefing_pdf_options_init (&job->options);
  job->content = dossier_project_read_briefing_content (project, briefing_id,
                                                        job->options.allow_unverified,
                                                        cancellable, error);
  if (job->content == NULL)
    {
      g_free (job);
      return NULL;
    }
  job->path = g_strdup (path);
  return job;
}

gboolean
dossier_project_export_briefing_pdf (DossierProject                  *project,
                                     gint64                           briefing_id,
                                     const DossierBriefingPdfOptions *options,
                                     const char                      *path,
                                     GCancellable                    *cancellable,
                                     GError                         **error)
{
  PdfJob *job;
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = pdf_job_new (project, briefing_id, options, path, cancellable, error);
  if (job == NULL)
    return FALSE;
  ok = dossier_export_write_to_path (path, write_job, job, cancellable, error);
  pdf_job_free (job);
  return ok;
}

static void
pdf_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  PdfJob *job = task_data;
  GError *error = NULL;

  if (dossier_export_write_to_path (job->path, write_job, job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
dossier_project_export_briefing_pdf_async (DossierProject                  *project,
                                           gint64                           briefing_id,
                                           const DossierBriefingPdfOptions *options,
                                           const char                      *path,
                                           GCancellable                    *cancellable,
                                           GAsyncReadyCallback              callback,
                                           gpointer                         user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  PdfJob *job;

  g_return_if_fail (DOSSIER_IS_PROJECT (project));
  g_return_if_fail (path != NULL);

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_project_export_briefing_pdf_async);
  /* Read here, where the project's connection belongs; only the drawing
   * and the writing go to the worker. */
  job = pdf_job_new (project, briefing_id, options, path, cancellable, &error);
  if (job == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, job, (GDestroyNotify) pdf_job_free);
  g_task_run_in_thread (task, pdf_thread);
}

gboolean
dossier_project_export_briefing_pdf_finish (DossierProject  *project,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
