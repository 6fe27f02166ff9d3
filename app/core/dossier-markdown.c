/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-markdown.c — the Markdown subset of briefing notes (see
 * dossier-markdown.h), parsed into a tree whose every node knows where it
 * is in the source, so that the editor can style the very characters the
 * exports print.
 *
 * The source is decoded once into code points: offsets are then indices,
 * with no byte/character bookkeeping. Blocks are found line by line;
 * inlines over the "logical" text of a block (its lines' contents joined by
 * '\n'), keeping for each of its characters where it came from. Emphasis
 * follows CommonMark's delimiter-run rules (flanking, the rule of three).
 */

#include "config.h"

#include <string.h>

#include <dossier/dossier-markdown.h>
#include <dossier/dossier-text.h>

#include "dossier-markdown-private.h"

/* ---- Nodes ---------------------------------------------------------------- */

static DossierMarkdownNode *
node_new (DossierMarkdownKind kind,
          gint64              start,
          gint64              end)
{
  DossierMarkdownNode *node = g_new0 (DossierMarkdownNode, 1);

  node->kind = kind;
  node->start = node->inner_start = start;
  node->end = node->inner_end = end;
  return node;
}

void
dossier_markdown_node_free (DossierMarkdownNode *node)
{
  if (node == NULL)
    return;

  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_free (node->text);
  g_free (node->url);
  g_free (node->uuid);
  g_free (node);
}

static void
node_append (DossierMarkdownNode *parent,
             DossierMarkdownNode *child)
{
  if (parent->children == NULL)
    parent->children = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_markdown_node_free);
  child->parent = parent;
  g_ptr_array_add (parent->children, child);
}

gboolean
dossier_markdown_kind_is_inline (DossierMarkdownKind kind)
{
  return kind >= DOSSIER_MARKDOWN_TEXT;
}

/* ---- The parser's state --------------------------------------------------- */

typedef struct
{
  gint64 start;
  gint64 end;
} Range;

typedef struct
{
  DossierMarkdownNode *list;
  DossierMarkdownNode *last_item;
  guint                marker_indent;   /* columns before the marker */
  gunichar             marker;          /* '-', '*', '+'; '.' or ')' when ordered */
} OpenList;

typedef struct
{
  gunichar            *u;          /* the source's code points */
  gint64               n;
  DossierMarkdownNode *root;

  /* The block whose lines are being gathered (PARAGRAPH, ITEM or QUOTE)
   * and the content of each of its lines so far. */
  DossierMarkdownNode *open;
  GArray              *segments;   /* of Range */
  GArray              *lists;      /* of OpenList, outermost first */
  gboolean             blank;      /* a blank line came since the open block's last line */
} Parser;

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t';
}

static gboolean
is_ascii_punct (gunichar c)
{
  return c < 128 && g_ascii_ispunct ((char) c);
}

/* CommonMark's Unicode whitespace and punctuation (P and S categories). */
static gboolean
is_unicode_space (gunichar c)
{
  return c == '\n' || g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

static gboolean
is_unicode_punct (gunichar c)
{
  return is_ascii_punct (c) || g_unichar_ispunct (c);
}

static char *
ucs4_to_utf8 (const gunichar *u,
              gint64          len)
{
  char *s = g_ucs4_to_utf8 (u, len, NULL, NULL, NULL);

  /* Only code points decoded from UTF-8 reach here; they always convert. */
  return s != NULL ? s : g_strdup ("");
}

/* ---- Inlines -------------------------------------------------------------- */

/* A block's text as inlines see it: characters and where each came from. */
typedef struct
{
  GArray     *chars;      /* gunichar */
  GArray     *offs;       /* gint64: source offset of each character */
  gint64      end;        /* source offset just past the last character */
  GArray     *brackets;   /* gint64: the ']' closing each '[', else -1 */
  GHashTable *no_code;    /* backtick run length → index from which none closes */
} Logical;

#define LC(l, i) g_array_index ((l)->chars, gunichar, (i))
#define LO(l, i) g_array_index ((l)->offs, gint64, (i))

typedef struct
{
  DossierMarkdownNode *node;       /* a finished inline; NULL for a delimiter run */
  gunichar             ch;         /* '*' or '_' */
  guint                count;      /* characters left in the run */
  guint                length;     /* the run's length as written */
  gboolean             can_open;
  gboolean             can_close;
  gint64               src_start;  /* source offset of the first character left */
  guint                depth;      /* a node's inline nesting (a link or an emphasis: 1 and more) */
  /* While emphasis is processed, the items still in line, as a doubly
   * linked list of indices (-1 at the ends), and each one's place in the
   * original order. */
  int                  prev;
  int                  next;
  guint                seq;
} Item;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_pointer (&item->node, dossier_markdown_node_free);
}

static void
source_range (Logical *l,
              gint64   i,
              gint64   j,
              gint64  *start,
              gint64  *end)
{
  gint64 len = l->chars->len;

  if (j > i)
    {
      *start = LO (l, i);
      *end = LO (l, j - 1) + 1;
    }
  else
    *start = *end = i < len ? LO (l, i) : l->end;
}

static void
push_node (GArray              *items,
           DossierMarkdownNode *node)
{
  Item item = { 0 };

  item.node = node;
  g_array_append_val (items, item);
}

/* A link, which holds inlines @inner_depth deep. */
static void
push_link (GArray              *items,
           DossierMarkdownNode *node,
           guint                inner_depth)
{
  push_node (items, node);
  g_array_index (items, Item, items->len - 1).depth = inner_depth + 1;
}

/* Text gathered character by character until something else comes. */
typedef struct
{
  GString *buf;
  gint64   start;   /* logical index of the first character, -1 if none */
  gint64   end;     /* logical index just past the last */
} TextRun;

static void
text_add (TextRun  *run,
          gint64    from,
          gint64    to,
          gunichar  c)
{
  if (run->start < 0)
    run->start = from;
  run->end = to;
  g_string_append_unichar (run->buf, c);
}

static void
text_flush (TextRun *run,
            Logical *l,
            GArray  *items)
{
  DossierMarkdownNode *node;
  gint64 start, end;

  if (run->start < 0)
    return;

  source_range (l, run->start, run->end, &start, &end);
  node = node_new (DOSSIER_MARKDOWN_TEXT, start, end);
  node->text = g_strdup (run->buf->str);
  push_node (items, node);

  g_string_truncate (run->buf, 0);
  run->start = -1;
}

/* [@UUID] at @i: its end (past ']'), else -1. */
static gint64
match_citation (Logical *l,
                gint64   i,
                gint64   limit)
{
  char uuid[37];

  if (i + 39 > limit || LC (l, i) != '[' || LC (l, i + 1) != '@' || LC (l, i + 38) != ']')
    return -1;
  for (guint k = 0; k < 36; k++)
    {
      gunichar c = LC (l, i + 2 + k);

      if (c >= 128)
        return -1;
      uuid[k] = (char) c;
    }
  uuid[36] = '\0';

  return dossier_markdown_is_uuid (uuid) ? i + 39 : -1;
}

/* A run of @k backticks from @i: the start of the run of exactly @k that
 * closes it, else -1. A search that failed from some index fails from any
 * later one, so "` `` ``` …" costs one pass, not one per run. */
static gint64
find_code_close (Logical *l,
                 gint64   i,
                 gint64   limit,
                 guint    k)
{
  gpointer failed;

  if (g_hash_table_lookup_extended (l->no_code, GUINT_TO_POINTER (k), NULL, &failed) &&
      i >= (gint64) GPOINTER_TO_SIZE (failed) && limit == (gint64) l->chars->len)
    return -1;

  for (gint64 j = i; j < limit; )
    {
      if (LC (l, j) == '`')
        {
          gint64 run = j;

          while (j < limit && LC (l, j) == '`')
            j++;
          if ((guint) (j - run) == k)
            return run;
        }
      else
        j++;
    }

  if (limit == (gint64) l->chars->len)
    g_hash_table_insert (l->no_code, GUINT_TO_POINTER (k), GSIZE_TO_POINTER ((gsize) i));
  return -1;
}

/* The ']' closing each '[' (brackets nest; escaped ones do not count),
 * matched once for the whole block so that a line of unclosed '[' is not
 * scanned once per bracket. */
static void
match_brackets (Logical *l)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 len = l->chars->len;
  gint64 none = -1;

  l->brackets = g_array_sized_new (FALSE, FALSE, sizeof (gint64), len);
  for (gint64 j = 0; j < len; j++)
    g_array_append_val (l->brackets, none);

  for (gint64 j = 0; j < len; j++)
    {
      gunichar c = LC (l, j);

      if (c == '\\' && j + 1 < len)
        j++;
      else if (c == '[')
        g_array_append_val (open, j);
      else if (c == ']' && open->len > 0)
        {
          gint64 o = g_array_index (open, gint64, open->len - 1);

          g_array_set_size (open, open->len - 1);
          g_array_index (l->brackets, gint64, o) = j;
        }
    }
}

static gint64
find_bracket_close (Logical *l,
                    gint64   i,
                    gint64   limit)
{
  gint64 close = g_array_index (l->brackets, gint64, i);

  return close < limit ? close : -1;
}

static gint64
skip_spaces (Logical *l,
             gint64   j,
             gint64   limit)
{
  while (j < limit && (is_space (LC (l, j)) || LC (l, j) == '\n'))
    j++;
  return j;
}

/* Longer than this, a destination or a title is not one: the bound keeps a
 * line of "[a](" from costing a scan to the end per bracket. */
#define MAX_LINK_PART 2048

/* "(destination "title")" at @j: its end (past ')'), the destination's
 * range in *@dest_start and *@dest_end; else -1. */
static gint64
match_link_tail (Logical *l,
                 gint64   j,
                 gint64   limit,
                 gint64  *dest_start,
                 gint64  *dest_end)
{
  if (j >= limit || LC (l, j) != '(')
    return -1;
  j = skip_spaces (l, j + 1, limit);

  if (j < limit && LC (l, j) == '<')
    {
      *dest_start = ++j;
      while (j < limit && LC (l, j) != '>' && LC (l, j) != '\n' && LC (l, j) != '<' &&
             j - *dest_start < MAX_LINK_PART)
        j++;
      if (j >= limit || LC (l, j) != '>')
        return -1;
      *dest_end = j++;
    }
  else
    {
      int depth = 0;

      *dest_start = j;
      while (j < limit && j - *dest_start < MAX_LINK_PART)
        {
          gunichar c = LC (l, j);

          if (is_space (c) || c == '\n' || c < 0x20)
            break;
          if (c == '\\' && j + 1 < limit)
            j++;
          else if (c == '(')
            depth++;
          else if (c == ')')
            {
              if (depth == 0)
                break;
              depth--;
            }
          j++;
        }
      *dest_end = j;
    }

  j = skip_spaces (l, j, limit);
  if (j < limit && (LC (l, j) == '"' || LC (l, j) == '\''))
    {
      gunichar quote = LC (l, j);
      gint64 title_start = j;

      for (j++; j < limit && LC (l, j) != quote && j - title_start < MAX_LINK_PART; j++)
        if (LC (l, j) == '\\')
          j++;
      if (j >= limit || LC (l, j) != quote)
        return -1;
      j = skip_spaces (l, j + 1, limit);
    }

  if (j >= limit || LC (l, j) != ')')
    return -1;
  return j + 1;
}

static char *
logical_text (Logical *l,
              gint64   i,
              gint64   j)
{
  return ucs4_to_utf8 (&LC (l, i), j - i);
}

static gboolean
scheme_is (const char *url,
           const char *scheme)
{
  return g_ascii_strncasecmp (url, scheme, strlen (scheme)) == 0;
}

/* <https://…> at @i: its end, else -1. */
static gint64
match_autolink (Logical *l,
                gint64   i,
                gint64   limit)
{
  g_autofree char *url = NULL;
  gint64 j;

  for (j = i + 1; j < limit; j++)
    {
      gunichar c = LC (l, j);

      if (c == '>')
        break;
      if (c == '<' || c == '\n' || is_space (c) || c < 0x20)
        return -1;
    }
  if (j >= limit || j == i + 1)
    return -1;

  url = logical_text (l, i + 1, j);
  if (!scheme_is (url, "http://") && !scheme_is (url, "https://") && !scheme_is (url, "mailto:"))
    return -1;
  return j + 1;
}

static int process_emphasis (GArray *items,
                             guint   max_depth);
static gint64 trim_end (Parser *p,
                        gint64  start,
                        gint64  end);
static guint parse_inlines (Logical             *l,
                           gint64               from,
                           gint64               to,
                           gboolean             in_link,
                           DossierMarkdownNode *parent);


/* A delimiter run left unmatched is text. */
static DossierMarkdownNode *
item_to_node (Item *item)
{
  DossierMarkdownNode *node = g_steal_pointer (&item->node);
  GString *text;

  if (node != NULL)
    return node;

  text = g_string_new (NULL);
  for (guint k = 0; k < item->count; k++)
    g_string_append_unichar (text, item->ch);
  node = node_new (DOSSIER_MARKDOWN_TEXT, item->src_start, item->src_start + item->count);
  node->text = g_string_free (text, FALSE);
  return node;
}

/* Makes @nodes (transfer full) @parent's children, each run of text nodes
 * that touch joined into one (an unmatched '*' between words stays one
 * run of text) — in one pass, however long the run. */
static void
adopt_inlines (DossierMarkdownNode *parent,
               GPtrArray           *nodes)
{
  GString *run = NULL;
  DossierMarkdownNode *run_node = NULL;

  for (guint i = 0; i < nodes->len; i++)
    {
      DossierMarkdownNode *node = g_ptr_array_index (nodes, i);

      if (run_node != NULL && node->kind == DOSSIER_MARKDOWN_TEXT && run_node->end == node->start)
        {
          g_string_append (run, node->text);
          run_node->end = run_node->inner_end = node->end;
          dossier_markdown_node_free (node);
          continue;
        }

      if (run_node != NULL)
        {
          g_free (run_node->text);
          run_node->text = g_string_free (g_steal_pointer (&run), FALSE);
          run_node = NULL;
        }
      if (node->kind == DOSSIER_MARKDOWN_TEXT)
        {
          run_node = node;
          run = g_string_new (node->text);
        }
      node_append (parent, node);
    }

  if (run_node != NULL)
    {
      g_free (run_node->text);
      run_node->text = g_string_free (run, FALSE);
    }
  g_ptr_array_unref (nodes);
}

/* CommonMark's "process emphasis": each closer takes the nearest opener of
 * its character that the rule of three allows; what lies between becomes
 * the emphasis node's children. The items are a linked list, so a match
 * costs what it wraps, and each item is wrapped once. A match that would
 * nest deeper than DOSSIER_MARKDOWN_MAX_NESTING is not made: any opener
 * further back would wrap as much and more, so the closer's kind looks no
 * further back than it (as when no opener is found). */
static guint
bottom_bucket (const Item *closer)
{
  return (closer->ch == '*' ? 0 : 6) + (closer->length % 3) * 2 + (closer->can_open ? 1 : 0);
}

#define ITEM(i) (&g_array_index (items, Item, (i)))

static void
unlink_item (GArray *items,
             int     i,
             int    *head)
{
  Item *item = ITEM (i);

  if (item->prev >= 0)
    ITEM (item->prev)->next = item->next;
  else
    *head = item->next;
  if (item->next >= 0)
    ITEM (item->next)->prev = item->prev;
}

/* Returns the first item still in line. */
static int
process_emphasis (GArray *items,
                  guint   max_depth)
{
  /* As CommonMark's "openers_bottom": no item placed before this (in the
   * original order) is an opener for a closer of this kind, so a run of
   * closers without openers costs one pass. */
  guint bottom[12] = { 0 };
  int head = items->len > 0 ? 0 : -1;
  int c = head;

  for (guint i = 0; i < items->len; i++)
    {
      ITEM (i)->prev = (int) i - 1;
      ITEM (i)->next = i + 1 < items->len ? (int) i + 1 : -1;
      ITEM (i)->seq = i;
    }

  while (c >= 0)
    {
      Item *closer = ITEM (c);
      guint bucket;
      int o;

      if (closer->node != NULL || !closer->can_close || closer->count == 0)
        {
          c = closer->next;
          continue;
        }

      bucket = bottom_bucket (closer);
      for (o = closer->prev; o >= 0 && ITEM (o)->seq >= bottom[bucket]; o = ITEM (o)->prev)
        {
          Item *candidate = ITEM (o);

          if (candidate->node != NULL || candidate->ch != closer->ch ||
              !candidate->can_open || candidate->count == 0)
            continue;
          /* The rule of three: "*a**b*" is not "a" emphasised twice. */
          if ((candidate->can_close || closer->can_open) &&
              (candidate->length + closer->length) % 3 == 0 &&
              !(candidate->length % 3 == 0 && closer->length % 3 == 0))
            continue;
          break;
        }
      if (o < 0 || ITEM (o)->seq < bottom[bucket])
        {
          bottom[bucket] = closer->seq;
          c = closer->next;
          continue;
        }

      {
        Item *opener = ITEM (o);
        guint use = opener->count >= 2 && closer->count >= 2 ? 2 : 1;
        g_autoptr(GPtrArray) between = g_ptr_array_new ();
        DossierMarkdownNode *node;
        Item wrapped = { 0 };
        guint depth = 1;
        int w;

        for (int k = opener->next; k != c; k = ITEM (k)->next)
          depth = MAX (depth, ITEM (k)->depth + 1);
        if (depth > max_depth)
          {
            bottom[bucket] = closer->seq;
            c = closer->next;
            continue;
          }

        node = node_new (use == 2 ? DOSSIER_MARKDOWN_STRONG : DOSSIER_MARKDOWN_EMPHASIS,
                         opener->src_start + opener->count - use, closer->src_start + use);
        node->inner_start = node->start + use;
        node->inner_end = node->end - use;
        for (int k = opener->next; k != c; k = ITEM (k)->next)
          g_ptr_array_add (between, item_to_node (ITEM (k)));
        adopt_inlines (node, g_steal_pointer (&between));

        opener->count -= use;
        closer->count -= use;
        closer->src_start += use;

        /* The wrapped items give way to one item holding the node. */
        wrapped.node = node;
        wrapped.prev = o;
        wrapped.next = c;
        wrapped.seq = opener->seq;
        wrapped.depth = depth;
        w = items->len;
        g_array_append_val (items, wrapped);
        ITEM (o)->next = w;
        ITEM (c)->prev = w;

        if (ITEM (o)->count == 0)
          unlink_item (items, o, &head);
        if (ITEM (c)->count == 0)
          {
            int next = ITEM (c)->next;

            unlink_item (items, c, &head);
            c = next;
          }
        /* else what is left of the closer is looked at again. */
      }
    }

  return head;
}

#undef ITEM

/* Parses the inlines of logical characters [@from, @to) into @parent;
 * returns how deep they nest (0: none holds another). */
static guint
parse_inlines (Logical             *l,
               gint64               from,
               gint64               to,
               gboolean             in_link,
               DossierMarkdownNode *parent)
{
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (Item));
  TextRun run = { g_string_new (NULL), -1, -1 };
  gint64 i = from;
  guint depth = 0;

  g_array_set_clear_func (items, item_clear);

  while (i < to)
    {
      gunichar c = LC (l, i);

      if (c == '\\' && i + 1 < to && LC (l, i + 1) == '\n')
        {
          DossierMarkdownNode *node;
          gint64 start, end;

          text_flush (&run, l, items);
          source_range (l, i, i + 2, &start, &end);
          node = node_new (DOSSIER_MARKDOWN_LINE_BREAK, start, end);
          push_node (items, node);
          i = skip_spaces (l, i + 2, to);
        }
      else if (c == '\\' && i + 1 < to && is_ascii_punct (LC (l, i + 1)))
        {
          text_add (&run, i, i + 2, LC (l, i + 1));
          i += 2;
        }
      else if (c == '\n')
        {
          /* Two spaces before a line's end break the line; otherwise the
           * line break is a space. Either way, spaces around it go. */
          gint64 spaces = 0;

          while (run.buf->len > 0 && run.buf->str[run.buf->len - 1] == ' ')
            {
              g_string_truncate (run.buf, run.buf->len - 1);
              spaces++;
            }
          if (run.buf->len == 0 && spaces > 0)
            run.start = -1;
          else if (spaces > 0)
            run.end -= spaces;

          if (spaces >= 2)
            {
              gint64 start, end;

              text_flush (&run, l, items);
              source_range (l, i - spaces, i + 1, &start, &end);
              push_node (items, node_new (DOSSIER_MARKDOWN_LINE_BREAK, start, end));
            }
          else
            text_add (&run, i, i + 1, ' ');
          i = skip_spaces (l, i + 1, to);
        }
      else if (c == '`')
        {
          gint64 j = i;
          gint64 close;
          guint k;

          while (j < to && LC (l, j) == '`')
            j++;
          k = j - i;
          close = find_code_close (l, j, to, k);
          if (close < 0)
            {
              for (; i < j; i++)
                text_add (&run, i, i + 1, '`');
              continue;
            }
          else
            {
              DossierMarkdownNode *node;
              gint64 a = j, b = close;
              char *text;

              /* One space inside each end is padding, unless that is all. */
              if (b - a >= 2 && LC (l, a) == ' ' && LC (l, b - 1) == ' ')
                {
                  gboolean all_spaces = TRUE;

                  for (gint64 x = a; x < b; x++)
                    all_spaces = all_spaces && LC (l, x) == ' ';
                  if (!all_spaces)
                    {
                      a++;
                      b--;
                    }
                }
              text_flush (&run, l, items);
              node = node_new (DOSSIER_MARKDOWN_CODE, 0, 0);
              source_range (l, i, close + k, &node->start, &node->end);
              source_range (l, a, b, &node->inner_start, &node->inner_end);
              text = logical_text (l, a, b);
              g_strdelimit (text, "\n", ' ');
              node->text = text;
              push_node (items, node);
              i = close + k;
            }
        }
      else if (c == '[' && !in_link && match_citation (l, i, to) > 0)
        {
          DossierMarkdownNode *node;
          gint64 end = match_citation (l, i, to);

          text_flush (&run, l, items);
          node = node_new (DOSSIER_MARKDOWN_CITATION, 0, 0);
          source_range (l, i, end, &node->start, &node->end);
          source_range (l, i + 2, end - 1, &node->inner_start, &node->inner_end);
          node->uuid = logical_text (l, i + 2, end - 1);
          push_node (items, node);
          i = end;
        }
      else if (c == '[' && !in_link)
        {
          gint64 close = find_bracket_close (l, i, to);
          gint64 dest_start = 0, dest_end = 0;
          gint64 end = close > 0 ? match_link_tail (l, close + 1, to, &dest_start, &dest_end) : -1;

          if (end < 0)
            {
              text_add (&run, i, i + 1, c);
              i++;
              continue;
            }
          else
            {
              DossierMarkdownNode *node;

              text_flush (&run, l, items);
              node = node_new (DOSSIER_MARKDOWN_LINK, 0, 0);
              source_range (l, i, end, &node->start, &node->end);
              source_range (l, i + 1, close, &node->inner_start, &node->inner_end);
              node->url = logical_text (l, dest_start, dest_end);
              push_link (items, node, parse_inlines (l, i + 1, close, TRUE, node));
              i = end;
            }
        }
      else if (c == '<' && !in_link && match_autolink (l, i, to) > 0)
        {
          DossierMarkdownNode *node, *text;
          gint64 end = match_autolink (l, i, to);

          text_flush (&run, l, items);
          node = node_new (DOSSIER_MARKDOWN_LINK, 0, 0);
          source_range (l, i, end, &node->start, &node->end);
          source_range (l, i + 1, end - 1, &node->inner_start, &node->inner_end);
          node->url = logical_text (l, i + 1, end - 1);
          text = node_new (DOSSIER_MARKDOWN_TEXT, node->inner_start, node->inner_end);
          text->text = g_strdup (node->url);
          node_append (node, text);
          push_link (items, node, 0);
          i = end;
        }
      else if (c == '*' || c == '_')
        {
          gint64 j = i;
          gunichar before = i > from ? LC (l, i - 1) : ' ';
          gunichar after;
          gboolean left, right;
          Item item = { 0 };

          while (j < to && LC (l, j) == c)
            j++;
          after = j < to ? LC (l, j) : ' ';

          left = !is_unicode_space (after) &&
                 (!is_unicode_punct (after) || is_unicode_space (before) || is_unicode_punct (before));
          right = !is_unicode_space (before) &&
                  (!is_unicode_punct (before) || is_unicode_space (after) || is_unicode_punct (after));

          text_flush (&run, l, items);
          item.ch = c;
          item.count = item.length = j - i;
          if (c == '*')
            {
              item.can_open = left;
              item.can_close = right;
            }
          else
            {
              /* No emphasis inside a word with '_' (snake_case_names). */
              item.can_open = left && (!right || is_unicode_punct (before));
              item.can_close = right && (!left || is_unicode_punct (after));
            }
          item.src_start = LO (l, i);
          g_array_append_val (items, item);
          i = j;
        }
      else
        {
          text_add (&run, i, i + 1, c);
          i++;
        }
    }

  text_flush (&run, l, items);
  g_string_free (run.buf, TRUE);

  {
    g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
    /* A link's text is one level down already. */
    guint max_depth = DOSSIER_MARKDOWN_MAX_NESTING - (in_link ? 1 : 0);

    for (int k = process_emphasis (items, max_depth); k >= 0; k = g_array_index (items, Item, k).next)
      {
        depth = MAX (depth, g_array_index (items, Item, k).depth);
        g_ptr_array_add (nodes, item_to_node (&g_array_index (items, Item, k)));
      }
    adopt_inlines (parent, g_steal_pointer (&nodes));
  }
  return depth;
}

/* The inlines of @segments (each a line's content) into @parent. */
static void
parse_segments (Parser              *p,
                GArray              *segments,
                DossierMarkdownNode *parent)
{
  Logical l;
  gint64 total = 0;

  for (guint s = 0; s < segments->len; s++)
    total += g_array_index (segments, Range, s).end - g_array_index (segments, Range, s).start + 1;

  l.chars = g_array_sized_new (FALSE, FALSE, sizeof (gunichar), total);
  l.offs = g_array_sized_new (FALSE, FALSE, sizeof (gint64), total);
  l.end = 0;

  for (guint s = 0; s < segments->len; s++)
    {
      Range r = g_array_index (segments, Range, s);

      /* Between two lines, their line break (at the first one's end). */
      if (s > 0)
        {
          gunichar nl = '\n';
          gint64 at = g_array_index (segments, Range, s - 1).end;

          g_array_append_val (l.chars, nl);
          g_array_append_val (l.offs, at);
        }
      /* Spaces at the very end are nobody's line break. */
      if (s + 1 == segments->len)
        r.end = trim_end (p, r.start, r.end);
      g_array_append_vals (l.chars, p->u + r.start, r.end - r.start);
      for (gint64 x = r.start; x < r.end; x++)
        g_array_append_val (l.offs, x);
      l.end = r.end;
    }

  l.no_code = g_hash_table_new (NULL, NULL);
  match_brackets (&l);
  parse_inlines (&l, 0, l.chars->len, FALSE, parent);

  g_array_unref (l.chars);
  g_array_unref (l.offs);
  g_array_unref (l.brackets);
  g_hash_table_unref (l.no_code);
}

/* ---- Blocks --------------------------------------------------------------- */

/* Columns of leading spaces (a tab to the next multiple of 4) and the
 * offset of the first other character. */
static guint
line_indent (Parser *p,
             gint64  start,
             gint64  end,
             gint64 *first)
{
  guint columns = 0;
  gint64 i = start;

  for (; i < end && is_space (p->u[i]); i++)
    columns = p->u[i] == '\t' ? (columns / 4 + 1) * 4 : columns + 1;
  *first = i;
  return columns;
}

/* The line's end without trailing spaces. */
static gint64
trim_end (Parser *p,
          gint64  start,
          gint64  end)
{
  while (end > start && is_space (p->u[end - 1]))
    end--;
  return end;
}

static gboolean
is_rule (Parser *p,
         gint64  first,
         gint64  end)
{
  gunichar c = p->u[first];
  guint count = 0;

  if (c != '-' && c != '*' && c != '_')
    return FALSE;
  for (gint64 i = first; i < end; i++)
    {
      if (p->u[i] == c)
        count++;
      else if (!is_space (p->u[i]))
        return FALSE;
    }
  return count >= 3;
}

/* "# " … "###### ": the level, and where the content starts; 0 if not a
 * heading. */
static guint
heading_level (Parser *p,
               gint64  first,
               gint64  end,
               gint64 *content)
{
  guint level = 0;
  gint64 i = first;

  while (i < end && p->u[i] == '#' && level < 7)
    {
      level++;
      i++;
    }
  if (level == 0 || level > 6 || (i < end && !is_space (p->u[i])))
    return 0;
  while (i < end && is_space (p->u[i]))
    i++;
  *content = i;
  return level;
}

/* A list marker at @first: its character ('-', '*', '+', or '.'/')' for
 * numbered items), the item's number, and where its content starts. */
static gunichar
list_marker (Parser *p,
             gint64  first,
             gint64  end,
             guint  *number,
             gint64 *content)
{
  gunichar c = p->u[first];
  gint64 i = first;

  if (c == '-' || c == '*' || c == '+')
    {
      i++;
      *number = 0;
    }
  else if (c >= '0' && c <= '9')
    {
      guint64 value = 0;

      while (i < end && p->u[i] >= '0' && p->u[i] <= '9' && i - first < 9)
        value = value * 10 + (p->u[i++] - '0');
      if (i >= end || (p->u[i] != '.' && p->u[i] != ')'))
        return 0;
      c = p->u[i++];
      *number = (guint) value;
    }
  else
    return 0;

  if (i < end && !is_space (p->u[i]))
    return 0;
  while (i < end && is_space (p->u[i]))
    i++;
  *content = i;
  return c;
}

static void
extend_end (DossierMarkdownNode *node,
            gint64               end)
{
  for (; node != NULL; node = node->parent)
    if (node->end < end)
      node->end = end;
}

/* Parses the lines gathered for the open block into it. */
static void
flush_open (Parser *p)
{
  DossierMarkdownNode *target = p->open;

  if (target == NULL)
    return;

  if (target->kind == DOSSIER_MARKDOWN_QUOTE)
    {
      /* An empty quote holds an empty paragraph where its text would be. */
      DossierMarkdownNode *para = node_new (DOSSIER_MARKDOWN_PARAGRAPH, target->end, target->end);

      node_append (target, para);
      target = para;
    }

  if (p->segments->len > 0)
    {
      Range first = g_array_index (p->segments, Range, 0);
      Range last = g_array_index (p->segments, Range, p->segments->len - 1);

      target->inner_start = first.start;
      target->inner_end = last.end = trim_end (p, last.start, last.end);
      if (target->kind == DOSSIER_MARKDOWN_PARAGRAPH)
        target->start = first.start;
      parse_segments (p, p->segments, target);
      extend_end (target, last.end);
    }
  if (target != p->open)
    {
      p->open->inner_start = target->start;
      p->open->inner_end = target->end;
    }

  g_array_set_size (p->segments, 0);
  p->open = NULL;
}

static void
close_lists (Parser *p)
{
  g_array_set_size (p->lists, 0);
}

static void
add_segment (Parser *p,
             gint64  start,
             gint64  end)
{
  Range r = { start, end };

  g_array_append_val (p->segments, r);
}

static gboolean
same_kind_of_list (gunichar a,
                   gunichar b)
{
  return a == b;
}

/* Whether a marker @indent columns in would open a list deeper than the
 * parser honours (start_item's choice of parent, without backing out). */
static gboolean
nests_too_deep (Parser *p,
                guint   indent)
{
  for (guint k = p->lists->len; k > 0; k--)
    {
      OpenList *list = &g_array_index (p->lists, OpenList, k - 1);

      if (indent >= list->marker_indent)
        return indent >= list->marker_indent + 2 && k >= DOSSIER_MARKDOWN_MAX_NESTING;
    }
  return FALSE;
}

static void
start_item (Parser   *p,
            gint64    line_start,
            guint     indent,
            gunichar  marker,
            guint     number,
            gint64    content,
            gint64    end,
            gint64    line_end)
{
  gboolean ordered = marker == '.' || marker == ')';
  DossierMarkdownNode *parent = p->root;
  DossierMarkdownNode *item;
  OpenList *top = NULL;

  /* Deeper than the innermost list's marker by two columns: nested under
   * its last item. Else back out to the list this marker belongs to. */
  while (p->lists->len > 0)
    {
      top = &g_array_index (p->lists, OpenList, p->lists->len - 1);
      if (indent >= top->marker_indent)
        break;
      g_array_set_size (p->lists, p->lists->len - 1);
      top = NULL;
    }

  if (top != NULL && indent >= top->marker_indent + 2)
    parent = top->last_item;
  else if (top != NULL && same_kind_of_list (top->marker, marker))
    parent = NULL;   /* a sibling in the same list */
  else if (top != NULL)
    {
      /* Another kind of list at the same level: a new list beside it. */
      parent = top->list->parent;
      g_array_set_size (p->lists, p->lists->len - 1);
    }

  if (parent != NULL)
    {
      OpenList open = { 0 };
      DossierMarkdownNode *list = node_new (DOSSIER_MARKDOWN_LIST, line_start, end);

      list->ordered = ordered;
      list->number = number;
      list->level = p->lists->len + 1;
      node_append (parent, list);
      open.list = list;
      open.marker_indent = indent;
      open.marker = marker;
      g_array_append_val (p->lists, open);
      top = &g_array_index (p->lists, OpenList, p->lists->len - 1);
    }

  item = node_new (DOSSIER_MARKDOWN_ITEM, line_start, end);
  item->ordered = ordered;
  item->number = number;
  item->level = top->list->level;
  item->inner_start = item->inner_end = content;
  node_append (top->list, item);
  extend_end (top->list, end);
  top->last_item = item;

  p->open = item;
  if (content < end)
    add_segment (p, content, line_end);
}

static void
parse_line (Parser *p,
            gint64  start,
            gint64  end)
{
  gint64 first, content, trimmed;
  guint indent, level, number;
  gunichar marker;

  indent = line_indent (p, start, end, &first);
  trimmed = trim_end (p, start, end);

  if (first >= trimmed)
    {
      /* A quote or a paragraph ends here; a list may go on. */
      if (p->open != NULL && p->open->kind != DOSSIER_MARKDOWN_ITEM)
        flush_open (p);
      p->blank = TRUE;
      return;
    }

  if (indent <= 3 && (level = heading_level (p, first, trimmed, &content)) > 0)
    {
      DossierMarkdownNode *heading = node_new (DOSSIER_MARKDOWN_HEADING, start, trimmed);
      gint64 text_end = trimmed;

      flush_open (p);
      close_lists (p);
      /* A closing run of '#' after a space is markup too. */
      {
        gint64 k = text_end;

        while (k > content && p->u[k - 1] == '#')
          k--;
        if (k == content || is_space (p->u[k - 1]))
          text_end = trim_end (p, content, k);
      }
      heading->level = level;
      node_append (p->root, heading);
      p->open = heading;
      if (content < text_end)
        add_segment (p, content, text_end);
      else
        heading->inner_start = heading->inner_end = content;
      flush_open (p);
      heading->end = trimmed;
      p->blank = FALSE;
      return;
    }

  if (indent <= 3 && is_rule (p, first, trimmed))
    {
      flush_open (p);
      close_lists (p);
      node_append (p->root, node_new (DOSSIER_MARKDOWN_RULE, start, trimmed));
      p->blank = FALSE;
      return;
    }

  if (indent <= 3 && p->u[first] == '>')
    {
      gint64 c = first + 1;

      if (c < trimmed && is_space (p->u[c]))
        c++;
      if (p->open == NULL || p->open->kind != DOSSIER_MARKDOWN_QUOTE || p->blank)
        {
          DossierMarkdownNode *quote = node_new (DOSSIER_MARKDOWN_QUOTE, first, trimmed);

          flush_open (p);
          close_lists (p);
          node_append (p->root, quote);
          p->open = quote;
        }
      extend_end (p->open, trimmed);
      /* An empty quoted line ends the quote's paragraph in CommonMark; here
       * the quote is one paragraph, so it is only a line break. */
      line_indent (p, c, trimmed, &c);
      if (c < trimmed)
        add_segment (p, c, end);
      p->blank = FALSE;
      return;
    }

  marker = list_marker (p, first, trimmed, &number, &content);
  /* A numbered line inside a paragraph ("… in\n2024. The …") starts a list
   * only from 1, as in CommonMark. */
  if (marker != 0 && p->open != NULL && p->open->kind == DOSSIER_MARKDOWN_PARAGRAPH &&
      !p->blank && (marker == '.' || marker == ')') && number != 1)
    marker = 0;
  if (marker != 0 && nests_too_deep (p, indent))
    marker = 0;
  if (marker != 0)
    {
      flush_open (p);
      start_item (p, start, indent, marker, number, content, trimmed, end);
      p->blank = FALSE;
      return;
    }

  /* Text: the next line of the open block, unless a blank line came
   * between; else a new paragraph, which ends any list. */
  if (p->open != NULL && !p->blank &&
      (p->open->kind == DOSSIER_MARKDOWN_PARAGRAPH || p->open->kind == DOSSIER_MARKDOWN_ITEM ||
       p->open->kind == DOSSIER_MARKDOWN_QUOTE))
    {
      add_segment (p, first, end);
      extend_end (p->open, trimmed);
      return;
    }

  flush_open (p);
  close_lists (p);
  p->open = node_new (DOSSIER_MARKDOWN_PARAGRAPH, first, trimmed);
  node_append (p->root, p->open);
  add_segment (p, first, end);
  p->blank = FALSE;
}

DossierMarkdownNode *
dossier_markdown_parse (const char *source)
{
  g_autofree char *valid = NULL;
  Parser p = { 0 };
  glong n = 0;
  gint64 line = 0;

  g_return_val_if_fail (source != NULL, NULL);

  valid = g_utf8_make_valid (source, -1);
  p.u = g_utf8_to_ucs4_fast (valid, -1, &n);
  p.n = n;
  p.root = node_new (DOSSIER_MARKDOWN_DOCUMENT, 0, n);
  p.segments = g_array_new (FALSE, FALSE, sizeof (Range));
  p.lists = g_array_new (FALSE, FALSE, sizeof (OpenList));

  for (gint64 i = 0; i <= p.n; i++)
    {
      if (i < p.n && p.u[i] != '\n')
        continue;
      /* A CR before LF is part of the line ending. */
      parse_line (&p, line, i > line && p.u[i - 1] == '\r' ? i - 1 : i);
      line = i + 1;
    }
  flush_open (&p);

  g_array_unref (p.segments);
  g_array_unref (p.lists);
  g_free (p.u);

  return p.root;
}

/* ---- Helpers -------------------------------------------------------------- */

static void
append_text (GString             *out,
             DossierMarkdownNode *node)
{
  switch (node->kind)
    {
    case DOSSIER_MARKDOWN_TEXT:
    case DOSSIER_MARKDOWN_CODE:
      g_string_append (out, node->text);
      return;
    case DOSSIER_MARKDOWN_CITATION:
      g_string_append_printf (out, "[@%s]", node->uuid);
      return;
    case DOSSIER_MARKDOWN_LINE_BREAK:
      g_string_append_c (out, ' ');
      return;
    default:
      break;
    }

  if (node->children != NULL)
    for (guint i = 0; i < node->children->len; i++)
      {
        DossierMarkdownNode *child = g_ptr_array_index (node->children, i);

        /* Blocks inside blocks: one line each. */
        if (!dossier_markdown_kind_is_inline (child->kind) && out->len > 0 &&
            out->str[out->len - 1] != '\n')
          g_string_append_c (out, '\n');
        append_text (out, child);
      }
}

char *
dossier_markdown_node_get_text (DossierMarkdownNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  append_text (out, node);
  return g_string_free (out, FALSE);
}

static void
collect_citations (DossierMarkdownNode *node,
                   GPtrArray           *out)
{
  if (node->kind == DOSSIER_MARKDOWN_CITATION)
    g_ptr_array_add (out, node);
  if (node->children != NULL)
    for (guint i = 0; i < node->children->len; i++)
      collect_citations (g_ptr_array_index (node->children, i), out);
}

GPtrArray *
dossier_markdown_collect_citations (DossierMarkdownNode *node)
{
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (node != NULL, out);

  collect_citations (node, out);
  return out;
}

gboolean
dossier_markdown_cites_any (const char *body,
                            GHashTable *uuids)
{
  g_autoptr(DossierMarkdownNode) root = NULL;
  g_autoptr(GPtrArray) citations = NULL;

  /* Parsed only if it cites anything at all. */
  if (body == NULL || strstr (body, "[@") == NULL)
    return FALSE;
  root = dossier_markdown_parse (body);
  citations = dossier_markdown_collect_citations (root);
  for (guint i = 0; i < citations->len; i++)
    {
      DossierMarkdownNode *node = g_ptr_array_index (citations, i);
      g_autofree char *folded = g_ascii_strdown (node->uuid, -1);

      if (g_hash_table_contains (uuids, folded))
        return TRUE;
    }
  return FALSE;
}

gboolean
dossier_markdown_is_uuid (const char *str)
{
  /* GLib checks the form alone (36 characters, hex digits in groups of
   * 8-4-4-4-12), not a version: any UUID another tool wrote will do. */
  return str != NULL && g_uuid_string_is_valid (str);
}

const char *
dossier_markdown_escape_list_number (GString    *out,
                                     const char *p)
{
  const char *q = p;

  while (g_ascii_isdigit (*q))
    q++;
  if (q == p || (*q != '.' && *q != ')'))
    return p;
  g_string_append_len (out, p, q - p);
  g_string_append_c (out, '\\');
  return q;
}

char *
dossier_markdown_escape (const char *text)
{
  GString *out;
  gboolean line_start = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 8);
  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      /* Nor what a reader's terminal or editor would act on or be misled
       * by: controls but a line break and a tab, DEL, C1 controls, bidi
       * overrides and isolates (the marks stay: they only settle the
       * direction of neutral characters). */
      if ((guchar) c >= 0x80)
        {
          gunichar u = g_utf8_get_char_validated (p, -1);

          if (u < 0xa0 || (u < (gunichar) -2 && dossier_text_is_bidi_control (u)))
            {
              p = g_utf8_next_char (p) - 1;
              continue;
            }
        }
      else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
        continue;

      if (strchr ("\\`*_[]<>", c) != NULL)
        g_string_append_c (out, '\\');
      else if (line_start && strchr ("#+-=|", c) != NULL)
        g_string_append_c (out, '\\');
      else if (line_start && g_ascii_isdigit (c))
        {
          p = dossier_markdown_escape_list_number (out, p);
          c = *p;
        }

      g_string_append_c (out, c);
      if (c == '\n')
        line_start = TRUE;
      else if (c != ' ' && c != '\t')
        line_start = FALSE;
    }

  return g_string_free (out, FALSE);
}

gboolean
dossier_markdown_url_is_safe (const char *url)
{
  if (url == NULL)
    return FALSE;
  while (g_ascii_isspace (*url))
    url++;
  return scheme_is (url, "https://") || scheme_is (url, "http://") ||
         scheme_is (url, "mailto:");
}
