/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-import-markdown.c — Markdown to plain text with blocks.
 *
 * A practical subset of CommonMark, enough for articles: ATX and setext
 * headings, paragraphs, nested lists, block quotes, fenced and indented
 * code, tables (one paragraph per row), YAML front matter (title, author,
 * date). Inline markup is dropped to the text a reader sees: emphasis and
 * code spans lose their markers, links keep their text, images their alt
 * text, HTML tags and comments vanish, entities are decoded.
 *
 * One pass over the lines; paragraph text is collected raw and converted at
 * the end of its block, since emphasis and links may span lines.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-import-html-private.h"
#include "dossier-import-private.h"
#include "dossier-text-builder.h"

#define MAX_LIST_DEPTH 16
/* Guards against pathological nesting of brackets in hostile input. */
#define MAX_INLINE_DEPTH 8

/* ------------------------------------------------------------------------ */
/* Inline markup                                                            */

typedef struct
{
  gsize    pos;       /* byte offset in the output where the run would go */
  char     c;
  guint    count;
  gboolean can_open;
  gboolean can_close;
  gboolean matched;
} Delimiter;

typedef struct _Inline Inline;

static void inline_to_plain (const char *s,
                             gsize       len,
                             GString    *out,
                             int         depth,
                             Inline     *ctx);

static gboolean
is_ascii_punct (char c)
{
  return c != '\0' && strchr ("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) != NULL;
}

/* The code point before @p (in @s) and after @q, for flanking rules. */
static gunichar
char_before (const char *s,
             const char *p)
{
  const char *prev;

  if (p <= s)
    return ' ';
  prev = g_utf8_find_prev_char (s, p);
  return prev != NULL ? g_utf8_get_char_validated (prev, p - prev) : ' ';
}

static gunichar
char_after (const char *q,
            const char *end)
{
  if (q >= end)
    return ' ';
  return g_utf8_get_char_validated (q, end - q);
}

static gboolean
is_space_char (gunichar c)
{
  return c == (gunichar) -1 || c == (gunichar) -2 || g_unichar_isspace (c);
}

static gboolean
is_punct_char (gunichar c)
{
  return c < 0x80 ? is_ascii_punct ((char) c) : g_unichar_ispunct (c);
}

/* Decodes an entity at @p ("&amp;", "&#8217;", "&#x2019;"); returns its
 * length in bytes or 0 if it is not one. */
static gsize
decode_entity (const char *p,
               const char *end,
               GString    *out)
{
  static const struct { const char *name; const char *utf8; } named[] = {
    { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
    { "nbsp", "\u00A0" }, { "mdash", "\u2014" }, { "ndash", "\u2013" },
    { "hellip", "\u2026" }, { "lsquo", "\u2018" }, { "rsquo", "\u2019" },
    { "ldquo", "\u201C" }, { "rdquo", "\u201D" }, { "copy", "\u00A9" },
    { "laquo", "\u00AB" }, { "raquo", "\u00BB" }, { "eacute", "\u00E9" },
    { "shy", "\u00AD" }, { "euro", "\u20AC" }, { "middot", "\u00B7" },
    { "bull", "\u2022" }, { "times", "\u00D7" },
  };
  const char *semi;
  gsize n;

  if (end - p < 3)
    return 0;

  semi = memchr (p + 1, ';', MIN (end - p - 1, 32));
  if (semi == NULL)
    return 0;
  n = semi - p + 1;

  if (p[1] == '#')
    {
      guint64 v = 0;
      const char *d = p + 2;
      gboolean hex = d < semi && (*d == 'x' || *d == 'X');

      if (hex)
        d++;
      if (d == semi)
        return 0;
      for (; d < semi; d++)
        {
          if (hex ? !g_ascii_isxdigit (*d) : !g_ascii_isdigit (*d))
            return 0;
          v = v * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*d) : g_ascii_digit_value (*d));
          if (v > 0x10FFFF)
            v = 0x110000;
        }
      if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        v = 0xFFFD;
      g_string_append_unichar (out, (gunichar) v);
      return n;
    }

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      gsize l = strlen (named[i].name);

      if (l == (gsize) (semi - p - 1) && memcmp (p + 1, named[i].name, l) == 0)
        {
          g_string_append (out, named[i].utf8);
          return n;
        }
    }

  return 0;
}

/* Length of an HTML tag, comment or autolink at @p ('<'), or 0. */
static gsize
html_tag_length (const char *p,
                 const char *end)
{
  const char *q = p + 1;

  if (q >= end)
    return 0;

  if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
    {
      for (const char *c = p + 4; c + 3 <= end; c++)
        if (memcmp (c, "-->", 3) == 0)
          return c + 3 - p;
      return end - p;   /* unterminated: the rest is a comment */
    }

  if (*q == '/' || *q == '!' || *q == '?')
    q++;
  if (q >= end || !g_ascii_isalpha (*q))
    return 0;

  for (; q < end; q++)
    {
      if (*q == '>')
        return q + 1 - p;
      if (*q == '<' || *q == '\n')
        return 0;
    }

  return 0;
}

/* Index of the ']' closing the '[' at @p, or NULL; skips code spans and
 * nested brackets. */
static const char *
find_closing_bracket (const char *p,
                      const char *end)
{
  int depth = 0;

  for (const char *q = p; q < end; q++)
    {
      if (*q == '\\' && q + 1 < end)
        q++;
      else if (*q == '[')
        depth++;
      else if (*q == ']' && --depth == 0)
        return q;
    }

  return NULL;
}

/* What inline conversion of one block knows about its whole raw text, so
 * that hostile input ("[[[[…", "`a``a```a…") costs linear time: the
 * matching ']' or ')' of every '[' and '(', found once with a stack, and
 * for each length of backtick run, from where on none is left. */
struct _Inline
{
  const char *base;
  gsize       len;
  gint32     *match;                 /* offset of the closer, or -1 */
  gsize       no_ticks_from[33];     /* no run of n backticks at or after */
};

static void
inline_init (Inline     *ctx,
             const char *s,
             gsize       len)
{
  g_autoptr(GArray) brackets = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(GArray) parens = g_array_new (FALSE, FALSE, sizeof (gint32));

  ctx->base = s;
  ctx->len = len;
  ctx->match = g_new (gint32, MAX (len, 1));
  for (guint k = 0; k < G_N_ELEMENTS (ctx->no_ticks_from); k++)
    ctx->no_ticks_from[k] = G_MAXSIZE;

  for (gsize i = 0; i < len; i++)
    {
      gint32 at = (gint32) i;

      ctx->match[i] = -1;
      if (s[i] == '\\' && i + 1 < len)
        {
          ctx->match[++i] = -1;
          continue;
        }
      if (s[i] == '[')
        g_array_append_val (brackets, at);
      else if (s[i] == '(')
        g_array_append_val (parens, at);
      else if (s[i] == ']' && brackets->len > 0)
        {
          ctx->match[g_array_index (brackets, gint32, brackets->len - 1)] = at;
          g_array_set_size (brackets, brackets->len - 1);
        }
      else if (s[i] == ')' && parens->len > 0)
        {
          ctx->match[g_array_index (parens, gint32, parens->len - 1)] = at;
          g_array_set_size (parens, parens->len - 1);
        }
    }
}

static void
inline_clear (Inline *ctx)
{
  g_clear_pointer (&ctx->match, g_free);
}

/* The ']' or ')' closing the bracket at @p, if before @end. */
static const char *
inline_closer (const Inline *ctx,
               const char   *p,
               const char   *end)
{
  gint32 m = ctx->match[p - ctx->base];

  if (m < 0 || ctx->base + m >= end)
    return NULL;

  return ctx->base + m;
}

static void
process_emphasis (GString *out,
                  GArray  *delims,
                  GString *result)
{
  Delimiter *d = (Delimiter *) (void *) delims->data;
  GArray *stacks[3];
  gsize copied = 0;

  for (guint k = 0; k < 3; k++)
    stacks[k] = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Pair each closer with the nearest opener of the same character (one
   * stack per character, so that this stays linear); openers of other
   * characters between the two can no longer pair. What stays unpaired is
   * put back as literal text. */
  for (guint i = 0; i < delims->len; i++)
    {
      guint which = d[i].c == '*' ? 0 : d[i].c == '_' ? 1 : 2;
      GArray *stack = stacks[which];
      gboolean paired = FALSE;

      if (d[i].can_close && stack->len > 0)
        {
          guint j = g_array_index (stack, guint, stack->len - 1);

          d[j].matched = TRUE;
          d[i].matched = TRUE;
          g_array_set_size (stack, stack->len - 1);
          paired = TRUE;

          for (guint k = 0; k < 3; k++)
            while (stacks[k]->len > 0 && g_array_index (stacks[k], guint, stacks[k]->len - 1) > j)
              g_array_set_size (stacks[k], stacks[k]->len - 1);
        }

      if (!paired && d[i].can_open)
        g_array_append_val (stack, i);
    }

  for (guint k = 0; k < 3; k++)
    g_array_unref (stacks[k]);

  for (guint i = 0; i < delims->len; i++)
    {
      g_string_append_len (result, out->str + copied, d[i].pos - copied);
      copied = d[i].pos;
      if (!d[i].matched)
        for (guint k = 0; k < d[i].count; k++)
          g_string_append_c (result, d[i].c);
    }

  g_string_append_len (result, out->str + copied, out->len - copied);
}

/* Where the code span that @ticks backticks open at @p closes: the start
 * of the next run of exactly as many, or @end if there is none (which is
 * remembered, so that a line full of backticks stays linear). */
static const char *
code_span_close (Inline     *ctx,
                 const char *p,
                 gsize       ticks,
                 const char *end)
{
  const char *q = end;

  if (ticks >= G_N_ELEMENTS (ctx->no_ticks_from) ||
      (gsize) (p - ctx->base) < ctx->no_ticks_from[ticks])
    {
      for (q = p + ticks; q < end; q++)
        {
          if (*q == '`')
            {
              gsize run = 0;

              while (q + run < end && q[run] == '`')
                run++;
              if (run == ticks)
                break;
              q += run - 1;
            }
        }
      if (q >= end && end == ctx->base + ctx->len &&
          ticks < G_N_ELEMENTS (ctx->no_ticks_from))
        ctx->no_ticks_from[ticks] = p - ctx->base;
    }

  return MIN (q, end);
}

static void
inline_to_plain (const char *s,
                 gsize       len,
                 GString    *result,
                 int         depth,
                 Inline     *ctx)
{
  g_autoptr(GString) out = g_string_sized_new (len);
  g_autoptr(GArray) delims = g_array_new (FALSE, FALSE, sizeof (Delimiter));
  const char *p = s;
  const char *end = s + len;

  while (p < end)
    {
      char c = *p;

      if (c == '\\' && p + 1 < end)
        {
          if (p[1] == '\n')
            {
              g_string_append_c (out, ' ');
              p += 2;
              continue;
            }
          if (is_ascii_punct (p[1]))
            {
              g_string_append_c (out, p[1]);
              p += 2;
              continue;
            }
        }

      if (c == '`')
        {
          gsize ticks = 0;
          const char *q;

          while (p + ticks < end && p[ticks] == '`')
            ticks++;

          q = code_span_close (ctx, p, ticks, end);
          if (q < end)
            {
              const char *a = p + ticks;
              const char *b = q;

              if (b - a >= 2 && *a == ' ' && b[-1] == ' ')
                {
                  a++;
                  b--;
                }
              g_string_append_len (out, a, b - a);
              p = q + ticks;
            }
          else
            {
              g_string_append_len (out, p, ticks);
              p += ticks;
            }
          continue;
        }

      if ((c == '[' || (c == '!' && p + 1 < end && p[1] == '[')) && depth < MAX_INLINE_DEPTH)
        {
          gboolean image = c == '!';
          const char *open = image ? p + 1 : p;
          const char *close = inline_closer (ctx, open, end);

          if (close != NULL)
            {
              const char *after = close + 1;
              const char *next = NULL;

              if (after < end && *after == '(')
                {
                  const char *paren = inline_closer (ctx, after, end);
                  if (paren != NULL)
                    next = paren + 1;
                }
              else if (after < end && *after == '[')
                {
                  const char *ref = inline_closer (ctx, after, end);
                  if (ref != NULL)
                    next = ref + 1;
                }
              else if (open[1] == '^')
                {
                  /* A footnote reference: not part of the prose. */
                  p = after;
                  continue;
                }

              if (next != NULL)
                {
                  /* Link text, or an image's alt text. */
                  inline_to_plain (open + 1, close - open - 1, out, depth + 1, ctx);
                  p = next;
                  continue;
                }
            }
        }

      if (c == '<')
        {
          gsize n;

          if (end - p > 8 &&
              (g_ascii_strncasecmp (p + 1, "http://", 7) == 0 ||
               g_ascii_strncasecmp (p + 1, "https://", 8) == 0 ||
               g_ascii_strncasecmp (p + 1, "mailto:", 7) == 0))
            {
              /* An autolink: keep the address. */
              const char *gt = memchr (p, '>', MIN (end - p, 2048));
              if (gt != NULL && memchr (p, ' ', gt - p) == NULL)
                {
                  g_string_append_len (out, p + 1, gt - p - 1);
                  p = gt + 1;
                  continue;
                }
            }

          n = html_tag_length (p, end);
          if (n > 0)
            {
              /* <br> and block tags separate words. */
              if (n >= 3 && (g_ascii_strncasecmp (p, "<br", 3) == 0 ||
                             g_ascii_strncasecmp (p, "<p", 2) == 0 ||
                             g_ascii_strncasecmp (p, "</p", 3) == 0 ||
                             g_ascii_strncasecmp (p, "<div", 4) == 0 ||
                             g_ascii_strncasecmp (p, "</div", 5) == 0))
                g_string_append_c (out, ' ');
              p += n;
              continue;
            }
        }

      if (c == '&')
        {
          gsize n = decode_entity (p, end, out);

          if (n > 0)
            {
              p += n;
              continue;
            }
        }

      if (c == '*' || c == '_' || c == '~')
        {
          Delimiter d = { 0 };
          gsize run = 0;
          gunichar before, after;
          gboolean left, right;

          while (p + run < end && p[run] == c)
            run++;

          before = char_before (s, p);
          after = char_after (p + run, end);
          left = !is_space_char (after) &&
                 (!is_punct_char (after) || is_space_char (before) || is_punct_char (before));
          right = !is_space_char (before) &&
                  (!is_punct_char (before) || is_space_char (after) || is_punct_char (after));

          d.pos = out->len;
          d.c = c;
          d.count = run;
          if (c == '_')
            {
              /* snake_case stays as it is. */
              d.can_open = left && (!right || is_punct_char (before));
              d.can_close = right && (!left || is_punct_char (after));
            }
          else if (c == '~')
            {
              d.can_open = left && run == 2;
              d.can_close = right && run == 2;
            }
          else
            {
              d.can_open = left;
              d.can_close = right;
            }

          if (d.can_open || d.can_close)
            g_array_append_val (delims, d);
          else
            g_string_append_len (out, p, run);
          p += run;
          continue;
        }

      g_string_append_c (out, c);
      p++;
    }

  process_emphasis (out, delims, result);
}

/* ------------------------------------------------------------------------ */
/* Blocks                                                                   */

typedef struct
{
  int  indent;        /* column of the marker */
  int  content;       /* column where the item's text starts */
  int  number;        /* next number for ordered lists, or 0 */
} ListLevel;

typedef struct
{
  DossierTextBuilder    *builder;
  DossierParsedDocument *doc;

  /* The block whose raw inline text is being collected. */
  gboolean               open;
  DossierBlockKind       kind;
  int                    level;
  GString               *raw;
  gboolean               item_blank;    /* a blank line inside a list item */
  gboolean               in_table;      /* the last line was a table's row under its delimiter row */
  guint                  table_cells;   /* of that table's delimiter row: its width */

  /* Fenced or indented code being collected. */
  gboolean               in_fence;
  char                   fence_char;
  gsize                  fence_len;
  int                    fence_indent;
  gboolean               in_indented_code;
  GString               *code;
  guint                  code_blank_lines;

  /* Raw HTML to skip: a comment, script or style spanning lines. */
  const char            *skip_until;

  ListLevel              lists[MAX_LIST_DEPTH];
  int                    list_depth;

  gboolean               any_block;     /* a block was emitted */
  gboolean               after_title;   /* the last block emitted was the title */
  char                  *front_title;
} Markdown;

static void
flush_block (Markdown *md)
{
  g_autoptr(GString) plain = NULL;

  if (!md->open)
    return;

  plain = g_string_sized_new (md->raw->len);
  {
    Inline ctx;

    inline_init (&ctx, md->raw->str, md->raw->len);
    inline_to_plain (md->raw->str, md->raw->len, plain, 0, &ctx);
    inline_clear (&ctx);
  }

  if (md->kind == DOSSIER_BLOCK_HEADING && md->level == 1 && !md->any_block)
    {
      /* The first block, a level-1 heading: the title. */
      g_strstrip (plain->str);
      plain->len = strlen (plain->str);
      if (plain->len > 0)
        {
          if (md->doc->title == NULL)
            md->doc->title = g_strdup (plain->str);
          md->kind = DOSSIER_BLOCK_TITLE;
          md->level = 0;
        }
    }

  /* "*By Jane Doe, The Gazette, 3 May 2026*" under the title: a saved
   * article's byline names its author, outlet and date where the front
   * matter did not. It leaves the body, as an HTML page's byline does:
   * the reader shows the document's byline under the title. */
  if (md->kind == DOSSIER_BLOCK_PARAGRAPH && md->after_title &&
      g_ascii_strncasecmp (plain->str, "by ", 3) == 0 &&
      dossier_html_byline_to_document (md->doc, plain->str))
    md->after_title = FALSE;
  else
    {
      dossier_text_builder_add_block (md->builder, md->kind, md->level, plain->str);
      if (dossier_text_builder_get_length (md->builder) > 0)
        {
          md->any_block = TRUE;
          md->after_title = md->kind == DOSSIER_BLOCK_TITLE;
        }
    }

  md->open = FALSE;
  md->item_blank = FALSE;
  g_string_truncate (md->raw, 0);
}

static void
open_block (Markdown         *md,
            DossierBlockKind  kind,
            int               level)
{
  flush_block (md);
  md->open = TRUE;
  md->kind = kind;
  md->level = level;
  md->item_blank = FALSE;
  g_string_truncate (md->raw, 0);
}

static void
add_raw (Markdown   *md,
         const char *s,
         gsize       len)
{
  if (md->raw->len > 0)
    g_string_append_c (md->raw, '\n');
  g_string_append_len (md->raw, s, len);
}

static void
flush_code (Markdown *md)
{
  if (!md->in_fence && !md->in_indented_code)
    return;

  /* Trailing blank lines are not part of the code. */
  while (md->code->len > 0 && md->code->str[md->code->len - 1] == '\n')
    g_string_truncate (md->code, md->code->len - 1);

  dossier_text_builder_begin_block (md->builder, DOSSIER_BLOCK_PREFORMATTED, 0);
  dossier_text_builder_append (md->builder, md->code->str, md->code->len);
  dossier_text_builder_end_block (md->builder);
  if (dossier_text_builder_get_length (md->builder) > 0)
    md->any_block = TRUE;

  g_string_truncate (md->code, 0);
  md->in_fence = FALSE;
  md->in_indented_code = FALSE;
  md->code_blank_lines = 0;
}

static int
indent_of (const char  *s,
           gsize        len,
           gsize       *bytes)
{
  int col = 0;
  gsize i = 0;

  for (; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
    col = s[i] == '\t' ? (col / 4 + 1) * 4 : col + 1;

  *bytes = i;
  return col;
}

/* Appends @s minus up to @cols columns of indentation. */
static void
append_dedented (GString    *out,
                 const char *s,
                 gsize       len,
                 int         cols)
{
  int col = 0;
  gsize i = 0;

  while (i < len && col < cols && (s[i] == ' ' || s[i] == '\t'))
    {
      col = s[i] == '\t' ? (col / 4 + 1) * 4 : col + 1;
      i++;
    }
  for (; col > cols; col--)
    g_string_append_c (out, ' ');

  g_string_append_len (out, s + i, len - i);
}

static gboolean
is_thematic_break (const char *s,
                   gsize       len)
{
  char mark = 0;
  int n = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == ' ' || s[i] == '\t')
        continue;
      if ((s[i] != '-' && s[i] != '*' && s[i] != '_') || (mark != 0 && s[i] != mark))
        return FALSE;
      mark = s[i];
      n++;
    }

  return n >= 3;
}

static gboolean
is_setext_underline (const char *s,
                     gsize       len,
                     char       *mark)
{
  gsize i = 0;

  while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
    len--;
  if (len == 0 || (s[0] != '=' && s[0] != '-'))
    return FALSE;
  for (i = 0; i < len; i++)
    if (s[i] != s[0])
      return FALSE;

  *mark = s[0];
  return TRUE;
}

/* Recognizes a list marker; returns its length including the following
 * white space, with *number set for ordered items (else 0). */
static gsize
list_marker (const char *s,
             gsize       len,
             int        *number)
{
  gsize m = 0;

  *number = 0;

  if (len >= 1 && (s[0] == '-' || s[0] == '*' || s[0] == '+'))
    m = 1;
  else
    {
      gsize d = 0;
      int v = 0;

      while (d < len && d < 9 && g_ascii_isdigit (s[d]))
        v = v * 10 + (s[d++] - '0');
      if (d == 0 || d >= len || (s[d] != '.' && s[d] != ')'))
        return 0;
      m = d + 1;
      *number = MAX (v, 1);
    }

  if (m == len)
    return m;   /* an empty item */
  if (s[m] != ' ' && s[m] != '\t')
    return 0;
  while (m < len && (s[m] == ' ' || s[m] == '\t'))
    m++;

  return m;
}

static int
list_level (Markdown *md,
            int       indent,
            int       content,
            int       number)
{
  gboolean nested = md->list_depth > 0 && indent >= md->lists[md->list_depth - 1].content;

  if (!nested)
    {
      /* A sibling here or in an outer list. */
      while (md->list_depth > 1 && indent < md->lists[md->list_depth - 1].indent)
        md->list_depth--;
    }

  if (nested || md->list_depth == 0)
    {
      if (md->list_depth < MAX_LIST_DEPTH)
        md->list_depth++;
      md->lists[md->list_depth - 1].number = number;
    }

  md->lists[md->list_depth - 1].indent = indent;
  md->lists[md->list_depth - 1].content = content;

  return md->list_depth;
}

static char *
unquote (const char *s)
{
  g_autofree char *v = g_strstrip (g_strdup (s));
  gsize n = strlen (v);

  if (n >= 2 && ((v[0] == '"' && v[n - 1] == '"') || (v[0] == '\'' && v[n - 1] == '\'')))
    return g_strndup (v + 1, n - 2);

  return g_steal_pointer (&v);
}

/* YAML front matter: only flat "key: value" pairs are read. Returns the
 * number of bytes it takes at the start of @text, or 0. */
static gsize
parse_front_matter (Markdown   *md,
                    const char *text)
{
  const char *p;

  if (strncmp (text, "---\n", 4) != 0)
    return 0;

  p = text + 4;
  for (int n = 0; *p != '\0' && n < 500; n++)
    {
      const char *nl = strchr (p, '\n');
      gsize len = nl != NULL ? (gsize) (nl - p) : strlen (p);
      g_autofree char *line = g_strndup (p, len);
      char *colon;

      if (strcmp (g_strchomp (line), "---") == 0 || strcmp (line, "...") == 0)
        return (nl != NULL ? nl + 1 : p + len) - text;

      colon = strchr (line, ':');
      if (colon != NULL && line[0] != ' ' && line[0] != '-' && line[0] != '#')
        {
          g_autofree char *raw_key = g_strndup (line, colon - line);
          g_autofree char *key = g_ascii_strdown (g_strstrip (raw_key), -1);
          g_autofree char *value = unquote (colon + 1);

          if (*value != '\0')
            {
              DossierParsedDocument *doc = md->doc;

              if (g_str_equal (key, "title") && md->front_title == NULL)
                md->front_title = g_strdup (value);
              else if ((g_str_equal (key, "author") || g_str_equal (key, "byline")) &&
                       doc->author == NULL)
                doc->author = g_strdup (value);
              else if ((g_str_equal (key, "date") || g_str_equal (key, "published")) &&
                       doc->published == NULL && strlen (value) >= 10 &&
                       g_ascii_isdigit (value[0]) && g_ascii_isdigit (value[3]) &&
                       value[4] == '-' && value[7] == '-')
                doc->published = g_strndup (value, 10);
              else if ((g_str_equal (key, "outlet") || g_str_equal (key, "publisher") ||
                        g_str_equal (key, "site")) && doc->outlet == NULL)
                doc->outlet = g_strdup (value);
              else if ((g_str_equal (key, "url") || g_str_equal (key, "source") ||
                        g_str_equal (key, "link")) && doc->source == NULL &&
                       (g_str_has_prefix (value, "http://") ||
                        g_str_has_prefix (value, "https://")))
                doc->source = g_strdup (value);
            }
        }

      if (nl == NULL)
        break;
      p = nl + 1;
    }

  /* No closing line: it was not front matter after all. */
  g_clear_pointer (&md->front_title, g_free);
  g_clear_pointer (&md->doc->author, g_free);
  g_clear_pointer (&md->doc->published, g_free);
  g_clear_pointer (&md->doc->outlet, g_free);
  g_clear_pointer (&md->doc->source, g_free);
  return 0;
}

static gboolean
is_table_separator (const char *s,
                    gsize       len)
{
  gboolean dash = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (s[i] == '-')
        dash = TRUE;
      else if (strchr ("|: \t", s[i]) == NULL)
        return FALSE;
    }

  return dash;
}

/* The next pipe at or after @from that sets a table's cells apart, or the
 * row's length: an escaped pipe ("\\|") is text of its cell, and so is a
 * pipe inside a code span ("`a|b`"). */
static gsize
next_cell_pipe (Inline *row,
                gsize   from)
{
  const char *s = row->base;

  for (gsize i = from; i < row->len; i++)
    {
      if (s[i] == '\\')
        i++;
      else if (s[i] == '|')
        return i;
      else if (s[i] == '`')
        {
          gsize ticks = 1;
          const char *close;

          while (i + ticks < row->len && s[i + ticks] == '`')
            ticks++;
          close = code_span_close (row, s + i, ticks, s + row->len);
          if (close < s + row->len)
            i = close - s;
          i += ticks - 1;
        }
    }

  return row->len;
}

/* Steps to a row's next cell, [*start, *end), from *next (which starts
 * past a leading pipe); FALSE when there is none left (nothing after a
 * closing pipe is a cell). */
static gboolean
next_cell (Inline *row,
           gsize  *next,
           gsize  *start,
           gsize  *end)
{
  if (*next >= row->len)
    return FALSE;
  *start = *next;
  *end = next_cell_pipe (row, *next);
  *next = *end + 1;
  return TRUE;
}

/* A table row as one paragraph, its cells set apart by tabs as the HTML
 * importer sets a data table's apart (dossier_text_builder_cell_break ()),
 * so that the reader can line up the columns. The pipes at the row's ends,
 * if any, open and close it. A row of fewer cells than the table's @width
 * gets empty ones at its end, as GFM pads it ("| Total | 690 |" under five
 * columns), so that it lines up with the rows above it; one of more keeps
 * them (GFM drops them: that would lose the text). */
static void
add_table_row (Markdown   *md,
               const char *s,
               gsize       len,
               guint       width)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  Inline row;
  gsize next = s[0] == '|' ? 1 : 0;
  gsize start, end;
  gboolean first = TRUE;
  guint cells = 0;

  flush_block (md);
  dossier_text_builder_begin_block (md->builder, DOSSIER_BLOCK_PARAGRAPH, 0);

  inline_init (&row, s, len);
  while (next_cell (&row, &next, &start, &end))
    {
      Inline ctx;

      g_string_truncate (plain, 0);
      inline_init (&ctx, s + start, end - start);
      inline_to_plain (s + start, end - start, plain, 0, &ctx);
      inline_clear (&ctx);
      if (!first)
        dossier_text_builder_cell_break (md->builder);
      dossier_text_builder_append (md->builder, plain->str, (gssize) plain->len);
      first = FALSE;
      cells++;
    }
  inline_clear (&row);
  for (; cells > 0 && cells < width; cells++)
    dossier_text_builder_cell_break (md->builder);

  dossier_text_builder_end_block (md->builder);
  if (dossier_text_builder_get_length (md->builder) > 0)
    {
      md->any_block = TRUE;
      md->after_title = FALSE;
    }
}

/* Whether a line holds a pipe that sets cells apart. */
static gboolean
has_cell_pipe (const char *s,
               gsize       len)
{
  Inline row;
  gboolean pipe;

  inline_init (&row, s, len);
  pipe = next_cell_pipe (&row, 0) < len;
  inline_clear (&row);
  return pipe;
}

/* A GFM table's delimiter row ("--- | :---:"): cells of dashes, a colon
 * at either end of one allowed, set apart by at least one pipe. Returns
 * its number of cells, or 0 if it is not one. */
static guint
delimiter_row_cells (const char *s,
                     gsize       len)
{
  guint cells = 0;
  gboolean pipe = FALSE;
  gsize i = 0;

  if (len > 0 && s[0] == '|')
    {
      pipe = TRUE;
      i = 1;
    }
  while (i < len)
    {
      gsize dashes = 0;

      while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
      if (i < len && s[i] == ':')
        i++;
      for (; i < len && s[i] == '-'; i++)
        dashes++;
      if (i < len && s[i] == ':')
        i++;
      while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
      if (dashes == 0 || (i < len && s[i] != '|'))
        return 0;
      cells++;
      if (i < len)
        {
          pipe = TRUE;
          i++;
        }
    }

  return pipe ? cells : 0;
}

/* A table whose header row has no outer pipes ("Ward | Votes"): the open
 * paragraph's last line is its header row if it has a pipe and as many
 * cells as the delimiter row under it; lines before it stay a paragraph.
 * Returns whether a table began. */
static gboolean
begin_table_under_paragraph (Markdown *md,
                             guint     delimiter_cells)
{
  const char *nl = g_strrstr_len (md->raw->str, md->raw->len, "\n");
  gsize header_at = nl != NULL ? (gsize) (nl + 1 - md->raw->str) : 0;
  g_autofree char *header = g_strndup (md->raw->str + header_at, md->raw->len - header_at);
  gsize header_len = md->raw->len - header_at;
  Inline row;
  gsize next = header[0] == '|' ? 1 : 0;
  gsize start, end;
  guint cells = 0;

  if (!has_cell_pipe (header, header_len))
    return FALSE;
  inline_init (&row, header, header_len);
  while (next_cell (&row, &next, &start, &end))
    cells++;
  inline_clear (&row);
  if (cells != delimiter_cells)
    return FALSE;

  if (nl != NULL)
    {
      g_string_truncate (md->raw, nl - md->raw->str);
      flush_block (md);
    }
  else
    {
      md->open = FALSE;
      g_string_truncate (md->raw, 0);
    }
  add_table_row (md, header, header_len, 0);
  md->table_cells = delimiter_cells;
  return TRUE;
}

static void
process_line (Markdown   *md,
              const char *line,
              gsize       len)
{
  gsize ib;
  int indent = indent_of (line, len, &ib);
  const char *s = line + ib;
  gsize n = len - ib;
  gsize rn = n;
  int number;
  gsize marker;
  char mark;

  gboolean table_goes_on = md->in_table;
  guint delimiter_cells;

  while (rn > 0 && (s[rn - 1] == ' ' || s[rn - 1] == '\t'))
    rn--;
  /* A table goes on only line by line: whatever is not its row ends it. */
  md->in_table = FALSE;

  /* Inside a fence, everything is code until the closing fence. */
  if (md->in_fence)
    {
      gsize run = 0;

      while (run < rn && s[run] == md->fence_char)
        run++;
      if (indent < 4 && run >= md->fence_len && run == rn)
        flush_code (md);
      else
        {
          append_dedented (md->code, line, len, md->fence_indent);
          g_string_append_c (md->code, '\n');
        }
      return;
    }

  if (md->skip_until != NULL)
    {
      const char *hit = g_strstr_len (line, len, md->skip_until);

      if (hit == NULL)
        {
          /* Case differs? Try lower case for </script> and </style>. */
          g_autofree char *lower = g_ascii_strdown (line, len);
          if (strstr (lower, md->skip_until) == NULL)
            return;
        }
      md->skip_until = NULL;
      return;
    }

  if (rn == 0)
    {
      if (md->in_indented_code)
        {
          md->code_blank_lines++;
          return;
        }
      if (md->open && md->kind == DOSSIER_BLOCK_LIST_ITEM)
        {
          md->item_blank = TRUE;
          return;
        }
      flush_block (md);
      return;
    }

  /* Indented code: not inside a paragraph or list, where indentation is
   * continuation. */
  if (indent >= 4 && (md->in_indented_code || !md->open))
    {
      if (!md->in_indented_code)
        {
          flush_block (md);
          md->in_indented_code = TRUE;
        }
      for (; md->code_blank_lines > 0; md->code_blank_lines--)
        g_string_append_c (md->code, '\n');
      append_dedented (md->code, line, len, 4);
      g_string_append_c (md->code, '\n');
      return;
    }
  flush_code (md);

  /* A list item that had a blank line continues only with indented text. */
  if (md->open && md->kind == DOSSIER_BLOCK_LIST_ITEM && md->item_blank)
    {
      if (indent >= md->lists[md->list_depth - 1].content &&
          list_marker (s, rn, &number) == 0)
        {
          md->item_blank = FALSE;
          add_raw (md, s, rn);
          return;
        }
      flush_block (md);
    }

  /* Fences. */
  if (indent < 4 && rn >= 3 && (s[0] == '`' || s[0] == '~'))
    {
      gsize run = 0;

      while (run < rn && s[run] == s[0])
        run++;
      if (run >= 3 && (s[0] == '~' || memchr (s + run, '`', rn - run) == NULL))
        {
          flush_block (md);
          md->in_fence = TRUE;
          md->fence_char = s[0];
          md->fence_len = run;
          md->fence_indent = indent;
          return;
        }
    }

  if (indent < 4 && md->open && md->kind == DOSSIER_BLOCK_PARAGRAPH &&
      (delimiter_cells = delimiter_row_cells (s, rn)) > 0 &&
      begin_table_under_paragraph (md, delimiter_cells))
    {
      md->in_table = TRUE;
      return;
    }

  /* Setext underline under a paragraph. */
  if (indent < 4 && md->open && md->kind == DOSSIER_BLOCK_PARAGRAPH &&
      is_setext_underline (s, rn, &mark))
    {
      md->kind = DOSSIER_BLOCK_HEADING;
      md->level = mark == '=' ? 1 : 2;
      flush_block (md);
      return;
    }

  if (indent < 4 && is_thematic_break (s, rn))
    {
      flush_block (md);
      md->list_depth = 0;
      return;
    }

  /* ATX headings. */
  if (indent < 4 && s[0] == '#')
    {
      gsize hashes = 0;

      while (hashes < rn && s[hashes] == '#')
        hashes++;
      if (hashes <= 6 && (hashes == rn || s[hashes] == ' ' || s[hashes] == '\t'))
        {
          gsize a = hashes, b = rn;

          /* Closing hashes, if set apart by a space. */
          while (b > a && s[b - 1] == '#')
            b--;
          if (b < rn && b > a && s[b - 1] != ' ' && s[b - 1] != '\t')
            b = rn;

          open_block (md, DOSSIER_BLOCK_HEADING, (int) hashes);
          add_raw (md, s + a, b - a);
          flush_block (md);
          md->list_depth = 0;
          return;
        }
    }

  /* Block quotes: nested markers flatten into one quote. */
  if (indent < 4 && s[0] == '>')
    {
      gsize q = 0;

      while (q < rn && (s[q] == '>' || s[q] == ' '))
        q++;
      if (!(md->open && md->kind == DOSSIER_BLOCK_QUOTE))
        open_block (md, DOSSIER_BLOCK_QUOTE, 0);
      if (q == rn)
        flush_block (md);   /* ">" alone separates quoted paragraphs */
      else
        add_raw (md, s + q, rn - q);
      return;
    }

  /* Raw HTML blocks to skip. */
  if (indent < 4 && s[0] == '<')
    {
      if (rn >= 4 && strncmp (s, "<!--", 4) == 0 && g_strstr_len (s, rn, "-->") == NULL)
        {
          flush_block (md);
          md->skip_until = "-->";
          return;
        }
      if (g_ascii_strncasecmp (s, "<script", 7) == 0 || g_ascii_strncasecmp (s, "<style", 6) == 0)
        {
          const char *close = g_ascii_tolower (s[2]) == 'c' ? "</script>" : "</style>";
          g_autofree char *lower = g_ascii_strdown (s, rn);

          flush_block (md);
          if (strstr (lower, close) == NULL)
            md->skip_until = close;
          return;
        }
    }

  /* Link reference definitions are not text; footnote definitions are
   * paragraphs of their own. */
  if (indent < 4 && s[0] == '[')
    {
      const char *close = find_closing_bracket (s, s + rn);

      if (close != NULL && close + 1 < s + rn && close[1] == ':')
        {
          if (s[1] != '^')
            return;

          open_block (md, DOSSIER_BLOCK_PARAGRAPH, 0);
          md->list_depth = 0;
          add_raw (md, close + 2, s + rn - close - 2);
          return;
        }
    }

  /* List items. */
  marker = list_marker (s, rn, &number);
  if (marker > 0 && !(md->open && md->kind == DOSSIER_BLOCK_PARAGRAPH && marker == rn))
    {
      int content = indent + (int) marker;
      int level = list_level (md, indent, content, number);

      open_block (md, DOSSIER_BLOCK_LIST_ITEM, level);
      if (number > 0)
        {
          /* Renumber, as a renderer would: "1. 1. 1." lists are common. */
          int *next = &md->lists[level - 1].number;
          char buf[32];

          if (*next <= 0)
            *next = number;
          g_snprintf (buf, sizeof buf, "%d. ", *next);
          (*next)++;
          g_string_append (md->raw, buf);
        }
      if (marker < rn)
        {
          const char *item = s + marker;
          gsize item_len = rn - marker;

          /* Task lists: "[ ] " and "[x] " are check boxes, not text. */
          if (item_len >= 4 && item[0] == '[' && item[2] == ']' && item[3] == ' ' &&
              strchr (" xX", item[1]) != NULL)
            {
              item += 4;
              item_len -= 4;
            }
          g_string_append_len (md->raw, item, item_len);
        }
      return;
    }

  /* Tables: one paragraph per row, the |---| line dropped. A row that
   * does not begin with a pipe needs the table's rows above it. */
  if (indent < 4 && (s[0] == '|' || (table_goes_on && has_cell_pipe (s, rn))))
    {
      if (is_table_separator (s, rn))
        {
          md->in_table = TRUE;
          md->table_cells = delimiter_row_cells (s, rn);
        }
      else
        {
          /* (a row before the delimiter row: the header, its width) */
          add_table_row (md, s, rn, table_goes_on ? md->table_cells : 0);
          md->in_table = table_goes_on;
        }
      return;
    }

  /* Paragraph text, or the lazy continuation of a quote or list item. */
  if (!md->open)
    {
      open_block (md, DOSSIER_BLOCK_PARAGRAPH, 0);
      if (md->list_depth > 0 && indent <= md->lists[0].indent)
        md->list_depth = 0;
    }
  add_raw (md, s, rn);
}

gboolean
dossier_import_markdown_parse (const char             *utf8,
                               gsize                   len,
                               DossierParsedDocument  *doc,
                               gboolean               *cut_off,
                               GError                **error)
{
  g_autoptr(DossierTextBuilder) builder = NULL;
  g_autofree char *normalized = NULL;
  Markdown md = { 0 };
  const char *p;

  g_return_val_if_fail (utf8 != NULL || len == 0, FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);

  normalized = dossier_text_normalize (utf8 != NULL ? utf8 : "", len, error);
  if (normalized == NULL)
    return FALSE;

  builder = dossier_text_builder_new ();
  md.builder = builder;
  md.doc = doc;
  md.raw = g_string_new (NULL);
  md.code = g_string_new (NULL);

  p = normalized + parse_front_matter (&md, normalized);

  if (md.front_title != NULL)
    {
      /* A title from the front matter opens the text, unless the text
       * starts with its own level-1 heading (which then wins as the title
       * block, the front matter's as the document title). */
      const char *q = p;
      gsize ib;

      while (*q == '\n')
        q++;
      indent_of (q, strlen (q), &ib);
      if (!(q[ib] == '#' && q[ib + 1] == ' '))
        {
          dossier_text_builder_add_block (builder, DOSSIER_BLOCK_TITLE, 0, md.front_title);
          md.any_block = dossier_text_builder_get_length (builder) > 0;
        }
      doc->title = g_steal_pointer (&md.front_title);
    }

  for (;;)
    {
      const char *nl = strchr (p, '\n');
      gsize n = nl != NULL ? (gsize) (nl - p) : strlen (p);

      process_line (&md, p, n);
      if (nl == NULL)
        break;
      p = nl + 1;
    }

  if (cut_off != NULL)
    *cut_off = md.in_fence;
  flush_code (&md);
  flush_block (&md);

  g_string_free (md.raw, TRUE);
  g_string_free (md.code, TRUE);
  g_free (md.front_title);

  return dossier_import_finish_text (builder, doc, error);
}
