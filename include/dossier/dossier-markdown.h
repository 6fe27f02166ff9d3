/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-markdown.h — the Markdown subset a briefing note is written in,
 * parsed once for every use of it: the exports (Markdown, HTML, PDF), the
 * editor's rendering and the evidence meter.
 *
 * The subset (a strict part of CommonMark, plus citations):
 *
 *   # Heading … ###### Heading     ATX headings, levels 1–6
 *   - item / * item / + item       bullet lists; 1. item / 1) item numbered;
 *                                  indent an item (two spaces or more past
 *                                  its parent's marker) to nest it
 *   > quoted text                  a block quote (its lines are one paragraph)
 *   ---  ***  ___                  a thematic break (a rule)
 *   *emphasis* _emphasis_          **strong** __strong__
 *   `code`                         [text](https://…)  <https://…>
 *   \*                             a backslash escapes ASCII punctuation
 *   two spaces or \ at line end    a hard line break
 *   blank line                     ends a paragraph or a list
 *
 * A citation is [@UUID]: the UUID (8-4-4-4-12 hexadecimal digits) of the
 * highlight it cites, as Pandoc writes a citation key in brackets. One
 * highlight per bracket; several citations are written side by side:
 * "[@…][@…]". Anything else in brackets is text or a link. Other
 * Markdown tools show a citation as the literal text "[@UUID]", so a body
 * never loses what it cites.
 *
 * Offsets are code points of the source (as GtkTextIter offsets), end
 * exclusive. Parsing never fails: what is not markup is text.
 *
 * Nesting is bounded, as CommonMark implementations bound it: a note may
 * come from someone else, and every consumer (editor, preview, exports)
 * walks the tree. A list marker that would open a list deeper than
 * DOSSIER_MARKDOWN_MAX_NESTING levels is text, going on the innermost
 * item; emphasis, strong emphasis and links hold one another at most that
 * deep, the delimiters of any deeper one staying text.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOSSIER_MARKDOWN_MAX_NESTING 16

typedef enum
{
  /* blocks */
  DOSSIER_MARKDOWN_DOCUMENT,
  DOSSIER_MARKDOWN_HEADING,     /* level 1–6; inline children */
  DOSSIER_MARKDOWN_PARAGRAPH,   /* inline children */
  DOSSIER_MARKDOWN_LIST,        /* ordered, number = first item's; ITEM children */
  DOSSIER_MARKDOWN_ITEM,        /* number (ordered lists); inline children, then a nested LIST */
  DOSSIER_MARKDOWN_QUOTE,       /* one PARAGRAPH child */
  DOSSIER_MARKDOWN_RULE,
  /* inlines */
  DOSSIER_MARKDOWN_TEXT,        /* text; a soft line break is a TEXT " " */
  DOSSIER_MARKDOWN_EMPHASIS,
  DOSSIER_MARKDOWN_STRONG,
  DOSSIER_MARKDOWN_CODE,        /* text */
  DOSSIER_MARKDOWN_LINK,        /* url; inline children */
  DOSSIER_MARKDOWN_CITATION,    /* uuid (as written) */
  DOSSIER_MARKDOWN_LINE_BREAK,  /* a hard line break */
} DossierMarkdownKind;

typedef struct _DossierMarkdownNode DossierMarkdownNode;

struct _DossierMarkdownNode
{
  DossierMarkdownKind  kind;
  guint                level;        /* HEADING: 1–6; LIST, ITEM: nesting depth from 1 */
  guint                number;       /* LIST: its start; ITEM: its number (ordered) */
  gboolean             ordered;      /* LIST, ITEM */
  gint64               start;        /* the node's source, markup included */
  gint64               end;
  gint64               inner_start;  /* its content without the markup around it */
  gint64               inner_end;
  char                *text;         /* TEXT, CODE: the text shown (escapes resolved) */
  char                *url;          /* LINK: as written */
  char                *uuid;         /* CITATION: as written */
  DossierMarkdownNode *parent;       /* NULL for the document */
  GPtrArray           *children;     /* of DossierMarkdownNode, owned */
};

/* Parses @source (UTF-8; invalid bytes read as U+FFFD). Returns the
 * DOCUMENT node (transfer full). */
DossierMarkdownNode *dossier_markdown_parse            (const char          *source);
void                 dossier_markdown_node_free        (DossierMarkdownNode *node);

/* Whether @kind is one of the inline kinds (TEXT … LINE_BREAK). */
gboolean             dossier_markdown_kind_is_inline   (DossierMarkdownKind  kind);

/* The text of @node's inlines, markup dropped, a citation as "[@UUID]"
 * (e.g. a heading's title). */
char                *dossier_markdown_node_get_text    (DossierMarkdownNode *node);

/* Every CITATION node under @node in source order (transfer container). */
GPtrArray           *dossier_markdown_collect_citations (DossierMarkdownNode *node);
/* Whether @body cites, as the parser reads citations (any case, not in a
 * code span), one of the UUIDs in @uuids (a set of lower-case strings). */
gboolean             dossier_markdown_cites_any        (const char          *body,
                                                        GHashTable          *uuids);

/* Whether @str is a UUID as citations write it: 36 characters, hexadecimal
 * digits in groups of 8-4-4-4-12 joined by '-'. */
gboolean             dossier_markdown_is_uuid          (const char          *str);

/* @text with every character that Markdown could read as markup escaped
 * with a backslash (so that a quote or a title from a document always
 * comes out as the same text). */
char                *dossier_markdown_escape           (const char          *text);

/* Whether a link to @url may be followed from an export: http, https and
 * mailto only (never javascript:, data:, file:). */
gboolean             dossier_markdown_url_is_safe      (const char          *url);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierMarkdownNode, dossier_markdown_node_free)

G_END_DECLS
