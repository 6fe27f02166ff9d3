/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-import-text.c — plain text with its structure guessed.
 *
 * Articles saved as text keep their layout in white space: a title line
 * (often repeated just below when copied from a page), headings as short
 * lines between blank lines, bullets ("•", "-", "*", "–", "1."), quotes
 * ("> "), code indented by four spaces. This file turns that layout into
 * blocks; it only looks at lines and never at the whole text twice.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-import-html-private.h"
#include "dossier-import-private.h"
#include "dossier-text-builder.h"

/* Headings are short; longer single lines are paragraphs. */
#define HEADING_MAX_CHARS 100
/* A title may be longer than a heading, but not a whole paragraph. */
#define TITLE_MAX_CHARS 300
/* Lines longer than this are not hard-wrapped prose: each is a paragraph. */
#define WRAPPED_LINE_MAX_CHARS 120
/* Text is hard-wrapped at 60 columns or more (72 and 80 mostly): a
 * shorter line was not cut by the wrapping. */
#define WRAP_MIN_COLUMNS 60
#define MAX_LIST_DEPTH 16

typedef struct
{
  const char *content;      /* after the indentation */
  gsize       len;          /* bytes, trailing white space trimmed */
  guint       trailing_tabs;  /* tabs in that white space: a row's empty last cells */
  int         indent;       /* columns, a tab counts to the next multiple of 4 */
  gsize       chars;        /* code points of content, counted up to a cap */
  gsize       marker;       /* bytes of its bullet or item number and the space after; 0: none */
  gboolean    numbered;     /* the marker is a number, kept in the text */
} Line;

typedef struct
{
  guint first;              /* index into lines */
  guint n;
} Group;

typedef struct
{
  DossierTextBuilder *builder;
  Line               *lines;
  int                 list_indents[MAX_LIST_DEPTH];
  int                 list_depth;
  gboolean            indent_is_style;  /* paragraphs are indented: no code */
} Parser;

static gsize
count_chars_capped (const char *s,
                    gsize       len,
                    gsize       cap)
{
  gsize n = 0;

  for (gsize i = 0; i < len && n <= cap; i++)
    n += ((guchar) s[i] & 0xC0) != 0x80;

  return n;
}

/* Length in bytes of a bullet or number marker and the white space after
 * it at the start of @s, or 0. *@numbered tells which. @before and @after
 * are the items around it, or NULL: "B)" is a number after "A)", not
 * alone (dossier_text_list_item_number_length ()). */
static gsize
list_marker_length (const char *s,
                    gsize       len,
                    const Line *before,
                    const Line *after,
                    gboolean   *numbered)
{
  static const char *bullets[] = {
    "\u2022", "\u25E6", "\u25AA", "\u25AB", "\u2023", "\u25CF", "\u25CB",
    "\u25A0", "\u25A1", "\u2013", "\u2014", "\u00B7", "\u2043", "-", "*", "+",
  };
  gsize m = 0;

  *numbered = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
    {
      gsize bl = strlen (bullets[i]);

      if (len > bl && memcmp (s, bullets[i], bl) == 0)
        {
          m = bl;
          break;
        }
    }

  if (m == 0)
    {
      m = dossier_text_list_item_number_length (s, len,
                                                before ? before->content : NULL, before ? before->len : 0,
                                                after ? after->content : NULL, after ? after->len : 0);
      if (m == 0)
        return 0;
      *numbered = TRUE;
    }

  if (m >= len || (s[m] != ' ' && s[m] != '\t'))
    return 0;

  while (m < len && (s[m] == ' ' || s[m] == '\t'))
    m++;

  return m;
}

static gboolean
is_list_line (const Line *line)
{
  return line->marker > 0;
}

static gboolean
is_quote_line (const Line *line)
{
  return line->len >= 1 && line->content[0] == '>';
}

/* "-----", "* * *", "=====", "~~~": decoration between sections. */
static gboolean
is_separator_line (const Line *line)
{
  gsize marks = 0;
  char mark = 0;

  for (gsize i = 0; i < line->len; i++)
    {
      char c = line->content[i];

      if (c == ' ' || c == '\t')
        continue;
      if (strchr ("-*_=~#", c) == NULL || (mark != 0 && c != mark))
        return FALSE;
      mark = c;
      marks++;
    }

  return marks >= 3;
}

static gboolean
is_underline (const Line *line,
              char        mark)
{
  if (line->len < 3)
    return FALSE;

  for (gsize i = 0; i < line->len; i++)
    if (line->content[i] != mark)
      return FALSE;

  return TRUE;
}

/* The last character that is not a closing quote or bracket. */
static gunichar
final_character (const char *s,
                 gsize       len)
{
  const char *p = s + len;

  while (p > s)
    {
      gunichar c;

      p = g_utf8_find_prev_char (s, p);
      if (p == NULL)
        break;
      c = g_utf8_get_char (p);
      if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
          c == 0x00BB || c == '*' || c == '_')
        continue;
      return c;
    }

  return 0;
}

static gboolean
starts_like_a_heading (const char *s,
                       gsize       len)
{
  const char *end = s + len;

  /* The first letter must not be lower case ("and then…" is a fragment);
   * and there must be a letter at all. */
  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        return !g_unichar_islower (c);
    }

  return FALSE;
}

/* A line of at most @max_chars that does not end as a sentence does or
 * start in lower case, and is not a list item or a quote. */
static gboolean
is_heading_like (const Line *line,
                 gsize       max_chars)
{
  gunichar last;

  if (line->chars > max_chars || is_list_line (line) || is_quote_line (line))
    return FALSE;

  last = final_character (line->content, line->len);
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == 0)
    return FALSE;

  return starts_like_a_heading (line->content, line->len);
}

static gboolean
is_heading_line (const Line *line)
{
  return is_heading_like (line, HEADING_MAX_CHARS);
}

/* A title may be longer than a heading (headlines are), but like one it
 * does not end as a sentence does or start in lower case. */
static gboolean
is_title_line (const Line *line)
{
  return is_heading_like (line, TITLE_MAX_CHARS);
}

/* "Pros:" above a list: a sub-heading. A sentence that introduces a list
 * ("The steps, in order:") is not one. */
static gboolean
is_label_line (const Line *line)
{
  guint words = 1;

  for (gsize i = 0; i < line->len; i++)
    {
      if (line->content[i] == ',' || line->content[i] == ';')
        return FALSE;
      if (line->content[i] == ' ')
        words++;
    }

  return line->chars <= 40 && words <= 5 &&
         final_character (line->content, line->len) == ':' &&
         !is_list_line (line) && !is_quote_line (line) &&
         starts_like_a_heading (line->content, line->len);
}

/* Whether @line starts with a number as a list numbers its items ("3."),
 * not a bullet or a bracketed letter. */
static gboolean
starts_with_number (const Line *line)
{
  return line->len > 0 && g_ascii_isdigit (line->content[0]) && line->numbered;
}

/* "1. Summary" alone over a paragraph: a numbered section's heading, as
 * reports number them. An item of a list spaced out by blank lines has a
 * numbered neighbour ("1. Apples", "", "2. Pears") and stays an item. */
static gboolean
is_numbered_heading (const Line  *lines,
                     const Group *groups,
                     guint        n_groups,
                     guint        gi)
{
  const Line *line = &lines[groups[gi].first];
  Line rest = { 0 };

  if (groups[gi].n != 1 || gi + 1 >= n_groups || !starts_with_number (line))
    return FALSE;
  if (starts_with_number (&lines[groups[gi + 1].first]) ||
      (gi > 0 && starts_with_number (&lines[groups[gi - 1].first + groups[gi - 1].n - 1])))
    return FALSE;

  rest.content = line->content + line->marker;
  rest.len = line->len - line->marker;
  rest.chars = count_chars_capped (rest.content, rest.len, HEADING_MAX_CHARS);
  rest.marker = list_marker_length (rest.content, rest.len, NULL, NULL, &rest.numbered);

  return rest.len > 0 && is_heading_line (&rest);
}

static gboolean
line_equal (const Line *a,
            const Line *b)
{
  return a->len == b->len && memcmp (a->content, b->content, a->len) == 0;
}

static int
list_level (Parser *self,
            int     indent)
{
  while (self->list_depth > 0 && indent < self->list_indents[self->list_depth - 1])
    self->list_depth--;

  if (self->list_depth == 0 || indent > self->list_indents[self->list_depth - 1])
    {
      if (self->list_depth < MAX_LIST_DEPTH)
        self->list_indents[self->list_depth++] = indent;
      else
        self->list_indents[self->list_depth - 1] = indent;
    }

  return self->list_depth;
}

static void
append_line (DossierTextBuilder *builder,
             const char         *s,
             gsize               len)
{
  /* Lines of one block are joined by a space (collapsed by the builder). */
  dossier_text_builder_append_normalized (builder, "\n", 1);
  dossier_text_builder_append_normalized (builder, s, len);
}

/* Whether indented lines read as a paragraph would: long lines of words,
 * a sentence ended somewhere, nothing a program or a table holds (braces,
 * operators, tabs or runs of spaces between columns). E-mails and reports
 * often indent each paragraph with a tab; their prose must still wrap. */
static gboolean
group_reads_as_prose (Parser      *self,
                      const Group *group)
{
  gsize longest = 0;
  guint words = 0;
  gboolean sentence_ends = FALSE;
  gunichar last;

  for (guint i = 0; i < group->n; i++)
    {
      const Line *line = &self->lines[group->first + i];
      const char *s = line->content;

      longest = MAX (longest, line->chars);
      words++;
      for (gsize j = 0; j < line->len; j++)
        {
          char c = s[j];

          if (strchr ("{}<>=|\\`~_\t", c) != NULL)
            return FALSE;
          if (c == '(' && j + 1 < line->len && s[j + 1] == ')')
            return FALSE;
          if (c != ' ')
            continue;
          words++;
          /* Two spaces after a full stop are typists' habit; anywhere
           * else they line up columns. */
          if (j + 1 < line->len && s[j + 1] == ' ' && (j == 0 || strchr (".?!:", s[j - 1]) == NULL))
            return FALSE;
          if (j > 0 && strchr (".?!", s[j - 1]) != NULL)
            sentence_ends = TRUE;
        }
    }

  last = final_character (self->lines[group->first + group->n - 1].content,
                          self->lines[group->first + group->n - 1].len);
  if (last == '.' || last == '?' || last == '!')
    sentence_ends = TRUE;

  return longest >= 40 && words >= 8 && sentence_ends;
}

static gboolean
group_is_code (Parser      *self,
               const Group *group)
{
  if (self->indent_is_style)
    return FALSE;

  for (guint i = 0; i < group->n; i++)
    {
      const Line *line = &self->lines[group->first + i];

      if (line->indent < 4 || is_list_line (line))
        return FALSE;
    }

  return !group_reads_as_prose (self, group);
}

static void
emit_code (Parser      *self,
           const Group *group,
           gboolean     continues)
{
  DossierTextBuilder *b = self->builder;
  int common = G_MAXINT;

  for (guint i = 0; i < group->n; i++)
    common = MIN (common, self->lines[group->first + i].indent);

  if (continues)
    dossier_text_builder_append_normalized (b, "\n\n", 2);
  else
    dossier_text_builder_begin_block (b, DOSSIER_BLOCK_PREFORMATTED, 0);

  for (guint i = 0; i < group->n; i++)
    {
      const Line *line = &self->lines[group->first + i];

      if (i > 0)
        dossier_text_builder_append_normalized (b, "\n", 1);
      for (int c = common; c < line->indent; c++)
        dossier_text_builder_append_normalized (b, " ", 1);
      dossier_text_builder_append_normalized (b, line->content, line->len);
    }
}

/* Whether @line, no more indented than the bullet of the list item whose
 * last line is @previous, carries that item on: the item was hard-wrapped
 * there (the first word of @line would not have fitted on @previous in
 * @width columns), or @previous stops mid-sentence and @line goes on in
 * lower case. "- Two piles have cracked." then "The board will meet." is
 * an item and a paragraph, even when the item's line is the longest of
 * all (so that no word could have followed it): a sentence that ends
 * there and one that starts on the next line read as the item's end and a
 * paragraph, the rarer item wrapped just after a full stop as two blocks.
 * An item wrapped at 72 columns without a hanging indent is one item,
 * "a.m." at the end of a full line followed by "on Monday" too. */
static gboolean
continues_item (const Line *previous,
                const Line *line,
                int         width)
{
  gunichar last = final_character (previous->content, previous->len);
  gboolean sentence_ends = last == '.' || last == '?' || last == '!';
  gboolean sentence_starts = starts_like_a_heading (line->content, line->len);
  gsize word = 0;

  if (sentence_ends && sentence_starts)
    return FALSE;

  while (word < line->len && line->content[word] != ' ' && line->content[word] != '\t')
    word++;
  if (previous->indent + (int) previous->chars + 1 +
      (int) count_chars_capped (line->content, word, TITLE_MAX_CHARS) > width)
    return TRUE;

  return !sentence_ends && last != ':' && !sentence_starts;
}

/* Whether @line holds a tab between two texts: a row of a table pasted
 * from a spreadsheet or typed with tabs between its columns. */
static gboolean
has_inner_tab (const Line *line)
{
  return line->marker == 0 && memchr (line->content, '\t', line->len) != NULL;
}

/* Whether the group's line @i is a table's row: it and a line next to it
 * in the group hold tabs between texts. One line alone is no table. */
static gboolean
is_table_row (Parser      *self,
              const Group *group,
              guint        i)
{
  const Line *lines = &self->lines[group->first];

  return has_inner_tab (&lines[i]) &&
         ((i > 0 && has_inner_tab (&lines[i - 1])) ||
          (i + 1 < group->n && has_inner_tab (&lines[i + 1])));
}

/* Whether @line is a label followed by empty cells only ("Total⇥⇥⇥"):
 * a table's row where it follows one (its tabs trimmed as white space,
 * it was a paragraph "Total"). */
static gboolean
is_label_row (const Line *line)
{
  return line->marker == 0 && line->len > 0 && line->trailing_tabs > 0 &&
         memchr (line->content, '\t', line->len) == NULL;
}

static guint
count_tabs (const Line *line,
            gboolean    runs)
{
  /* (a run of tabs at the end is one more when runs count) */
  guint n = runs ? line->trailing_tabs > 0 : line->trailing_tabs;

  for (gsize j = 0; j < line->len; j++)
    if (line->content[j] == '\t' && (!runs || line->content[j - 1] != '\t'))
      n++;
  return n;
}

/* Whether each tab of the rows from the group's line @i on sets a cell
 * apart (a spreadsheet's rows: two tabs are an empty cell), rather than
 * each run of tabs (columns lined up by hand, with a tab more after a
 * short cell). The rows have as many tabs each in the first case. */
static gboolean
every_tab_a_cell (Parser      *self,
                  const Group *group,
                  guint        i)
{
  const Line *lines = &self->lines[group->first];
  guint tabs = count_tabs (&lines[i], FALSE);

  for (guint j = i + 1; j < group->n && has_inner_tab (&lines[j]); j++)
    if (count_tabs (&lines[j], FALSE) != tabs)
      return FALSE;
  return TRUE;
}

/* A table's row as one paragraph, its cells set apart by tabs as the HTML
 * and Markdown importers set them (dossier_text_builder_cell_break ()), so
 * that the reader lines up the columns. */
static void
emit_table_row (Parser     *self,
                const Line *line,
                gboolean    every_tab)
{
  DossierTextBuilder *b = self->builder;
  gsize start = 0;

  self->list_depth = 0;
  dossier_text_builder_begin_block (b, DOSSIER_BLOCK_PARAGRAPH, 0);
  for (gsize j = 0; j <= line->len; j++)
    {
      if (j < line->len && line->content[j] != '\t')
        continue;
      if (j > start)
        dossier_text_builder_append_normalized (b, line->content + start, j - start);
      if (j < line->len && (every_tab || line->content[j - 1] != '\t'))
        dossier_text_builder_cell_break (b);
      start = j + 1;
    }
  /* Empty cells at the end: a spreadsheet's each, lined up by hand none
   * (but one after a label alone, which else would be no row). */
  for (guint k = 0; (every_tab || (k == 0 && is_label_row (line))) && k < line->trailing_tabs; k++)
    dossier_text_builder_cell_break (b);
  dossier_text_builder_end_block (b);
}

/* Lines of a group that is not a heading: paragraphs, list items and quotes,
 * switching kind wherever a line starts with a marker. */
static void
emit_lines (Parser      *self,
            const Group *group)
{
  DossierTextBuilder *b = self->builder;
  DossierBlockKind open = DOSSIER_BLOCK_TITLE;  /* TITLE = nothing open */
  int item_indent = 0;
  int width = WRAP_MIN_COLUMNS;
  gboolean every_tab = TRUE;
  gboolean row = FALSE;  /* the line before was a table's row */

  for (guint i = 0; i < group->n; i++)
    width = MAX (width, self->lines[group->first + i].indent + (int) self->lines[group->first + i].chars);

  for (guint i = 0; i < group->n; i++)
    {
      const Line *line = &self->lines[group->first + i];
      gboolean after_row = row;

      row = !is_separator_line (line) &&
            (is_table_row (self, group, i) || (after_row && is_label_row (line)));
      if (is_separator_line (line))
        {
          dossier_text_builder_end_block (b);
          open = DOSSIER_BLOCK_TITLE;
          continue;
        }

      if (row)
        {
          dossier_text_builder_end_block (b);
          if (!after_row)
            every_tab = every_tab_a_cell (self, group, i);
          emit_table_row (self, line, every_tab);
          open = DOSSIER_BLOCK_TITLE;
          continue;
        }

      if (line->marker > 0)
        {
          int level = list_level (self, line->indent);

          dossier_text_builder_begin_block (b, DOSSIER_BLOCK_LIST_ITEM, level);
          item_indent = line->indent;
          /* Numbers are kept: "point 3" must still make sense. */
          if (line->numbered)
            dossier_text_builder_append_normalized (b, line->content, line->len);
          else
            dossier_text_builder_append_normalized (b, line->content + line->marker,
                                                    line->len - line->marker);
          open = DOSSIER_BLOCK_LIST_ITEM;
          continue;
        }

      if (is_quote_line (line))
        {
          gsize skip = 1;

          if (skip < line->len && line->content[skip] == ' ')
            skip++;
          if (open != DOSSIER_BLOCK_QUOTE)
            {
              dossier_text_builder_begin_block (b, DOSSIER_BLOCK_QUOTE, 0);
              open = DOSSIER_BLOCK_QUOTE;
            }
          append_line (b, line->content + skip, line->len - skip);
          continue;
        }

      /* A line indented past its item's bullet carries the item on; one
       * that is not does only if the item was wrapped there. Else the
       * list ends and a paragraph begins, rather than the item running
       * on ("  * the cost is rising", then "Then it voted."). */
      if (open == DOSSIER_BLOCK_LIST_ITEM && line->indent <= item_indent &&
          !continues_item (&self->lines[group->first + i - 1], line, width))
        {
          dossier_text_builder_end_block (b);
          open = DOSSIER_BLOCK_TITLE;
        }

      if (open == DOSSIER_BLOCK_TITLE)
        {
          self->list_depth = 0;
          dossier_text_builder_begin_block (b, DOSSIER_BLOCK_PARAGRAPH, 0);
          open = DOSSIER_BLOCK_PARAGRAPH;
        }

      /* Anything else continues the open block: a wrapped paragraph, list
       * item or quote. */
      append_line (b, line->content, line->len);
    }

  dossier_text_builder_end_block (b);
}

static void
emit_heading (Parser     *self,
              const Line *line,
              int         level)
{
  self->list_depth = 0;
  dossier_text_builder_begin_block (self->builder, DOSSIER_BLOCK_HEADING, level);
  dossier_text_builder_append_normalized (self->builder, line->content, line->len);
  dossier_text_builder_end_block (self->builder);
}

static void
split_lines (const char *text,
             GArray     *lines)
{
  const char *p = text;

  for (;;)
    {
      const char *nl = strchr (p, '\n');
      const char *eol = nl != NULL ? nl : p + strlen (p);
      Line line = { 0 };
      const char *s = p;
      int indent = 0;

      for (; s < eol && (*s == ' ' || *s == '\t'); s++)
        indent = *s == '\t' ? (indent / 4 + 1) * 4 : indent + 1;

      line.content = s;
      line.indent = indent;
      line.len = eol - s;
      while (line.len > 0 && (s[line.len - 1] == ' ' || s[line.len - 1] == '\t'))
        line.trailing_tabs += s[--line.len] == '\t';
      line.chars = count_chars_capped (line.content, line.len, TITLE_MAX_CHARS);
      g_array_append_val (lines, line);

      if (nl == NULL)
        break;
      p = nl + 1;
    }
}

/* The item of the same list as @lines[@i] one step in @step (-1, 1), or
 * NULL: the nearest line as indented that starts with an item's number,
 * past blank lines, lines indented deeper (an item's wrapped lines, a list
 * inside it) and lines that carry an item on, before a line indented less
 * or a paragraph that starts with no number ends the list. Each walk stops
 * at the next number, so that finding every line's neighbours stays
 * linear in the lines. */
static const Line *
list_neighbour (const Line *lines,
                guint       n_lines,
                guint       i,
                int         step)
{
  for (gint64 j = (gint64) i + step; j >= 0 && j < n_lines; j += step)
    {
      const Line *line = &lines[j];
      gboolean starts_paragraph;

      if (line->len == 0 || line->indent > lines[i].indent)
        continue;
      if (line->indent < lines[i].indent)
        return NULL;
      if (dossier_text_starts_with_item_number (line->content, line->len))
        return line;
      starts_paragraph = step < 0 ? j == 0 || lines[j - 1].len == 0
                                  : lines[j - 1].len == 0;
      if (starts_paragraph)
        return NULL;
    }
  return NULL;
}

/* Each line's bullet or item number: "B) " and "iv. " are numbers where
 * the items around them carry the number before or after theirs, so that
 * a list's items decide together and a single "I) " in prose is none. */
static void
find_list_markers (GArray *lines)
{
  Line *l = (Line *) (void *) lines->data;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *before = NULL, *after = NULL;

      if (l[i].len == 0)
        continue;
      if (dossier_text_starts_with_item_number (l[i].content, l[i].len) &&
          dossier_text_item_number_length (l[i].content, l[i].len) == 0)
        {
          before = list_neighbour (l, lines->len, i, -1);
          after = list_neighbour (l, lines->len, i, 1);
        }
      l[i].marker = list_marker_length (l[i].content, l[i].len, before, after, &l[i].numbered);
    }
}

/* Runs of non-blank lines; a run of long lines (not hard-wrapped prose)
 * is a run of one-line paragraphs. */
static void
split_groups (GArray *lines,
              GArray *groups)
{
  const Line *l = (const Line *) (void *) lines->data;
  guint i = 0;

  while (i < lines->len)
    {
      guint start;
      gsize longest = 0;

      if (l[i].len == 0)
        {
          i++;
          continue;
        }

      start = i;
      while (i < lines->len && l[i].len > 0)
        {
          if (i + 1 < lines->len && l[i + 1].len > 0)
            longest = MAX (longest, l[i].chars);
          i++;
        }

      if (longest > WRAPPED_LINE_MAX_CHARS)
        {
          for (guint j = start; j < i; j++)
            {
              Group g = { j, 1 };
              g_array_append_val (groups, g);
            }
        }
      else
        {
          Group g = { start, i - start };
          g_array_append_val (groups, g);
        }
    }
}

/* "By Jane Doe" (and the outlet after the name) under the title: taken
 * into @doc; TRUE if @line is such a byline. */
static gboolean
take_byline (DossierParsedDocument *doc,
             const Line            *line)
{
  g_autofree char *text = NULL;

  if (line->chars > 80 || line->len < 4 || g_ascii_strncasecmp (line->content, "by ", 3) != 0)
    return FALSE;

  if (!starts_like_a_heading (line->content + 3, line->len - 3))
    return FALSE;

  text = g_strndup (line->content, line->len);
  return dossier_html_byline_to_document (doc, text);
}

/* A short line that ends with a date, right under the title; its date
 * becomes the document's when it has none. */
static gboolean
take_dateline (DossierParsedDocument *doc,
               const Line            *line)
{
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;

  if (line->chars > TITLE_MAX_CHARS || is_list_line (line) || is_quote_line (line))
    return FALSE;

  text = g_strndup (line->content, line->len);
  date = dossier_html_date_at_end (text);
  if (date == NULL)
    return FALSE;
  if (doc->published == NULL)
    doc->published = g_steal_pointer (&date);
  return TRUE;
}

/* Whether @line is nothing but @doc's date. */
static gboolean
is_the_date_line (const DossierParsedDocument *doc,
                  const Line                  *line)
{
  g_autofree char *text = g_strndup (line->content, line->len);
  g_autofree char *date = dossier_html_date_line (text);

  return date != NULL && g_strcmp0 (date, doc->published) == 0;
}

gboolean
dossier_import_text_parse (const char             *utf8,
                           gsize                   len,
                           DossierParsedDocument  *doc,
                           GError                **error)
{
  g_autoptr(DossierTextBuilder) builder = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autofree char *normalized = NULL;
  Parser parser = { 0 };
  const Group *g;
  guint gi = 0;
  guint indented = 0;
  gboolean previous_was_code = FALSE;

  g_return_val_if_fail (utf8 != NULL || len == 0, FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);

  normalized = dossier_text_normalize (utf8 != NULL ? utf8 : "", len, error);
  if (normalized == NULL)
    return FALSE;

  lines = g_array_new (FALSE, FALSE, sizeof (Line));
  groups = g_array_new (FALSE, FALSE, sizeof (Group));
  split_lines (normalized, lines);
  find_list_markers (lines);
  split_groups (lines, groups);

  if (groups->len == 0)
    {
      g_set_error_literal (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                           _("The document contains no text (only white space)"));
      return FALSE;
    }

  builder = dossier_text_builder_new ();
  parser.builder = builder;
  parser.lines = (Line *) (void *) lines->data;
  g = (const Group *) (void *) groups->data;

  /* If most blocks are indented, indentation is how this text marks
   * paragraphs, not code. */
  for (guint i = 0; i < groups->len; i++)
    if (parser.lines[g[i].first].indent >= 4 && !is_list_line (&parser.lines[g[i].first]))
      indented++;
  parser.indent_is_style = indented * 2 > groups->len;

  /* The title: the first line, if it is one. */
  {
    const Line *first = &parser.lines[g[0].first];
    gboolean single = g[0].n == 1;
    gboolean title_like = single ? is_title_line (first) : is_heading_line (first);

    /* A title glued to the text below it must at least stand out from it:
     * underlined, or clearly shorter than the next line (else it is just
     * the first line of a hard-wrapped paragraph). */
    if (!single && title_like)
      {
        const Line *next = &parser.lines[g[0].first + 1];

        title_like = is_underline (next, '=') || is_underline (next, '-') ||
                     first->chars * 5 < next->chars * 3;
      }

    if (title_like && (groups->len > 1 || !single) &&
        !(first->indent >= 4 && !parser.indent_is_style))
      {
        dossier_text_builder_begin_block (builder, DOSSIER_BLOCK_TITLE, 0);
        dossier_text_builder_append_normalized (builder, first->content, first->len);
        dossier_text_builder_end_block (builder);
        doc->title = g_strndup (first->content, first->len);

        if (single)
          gi = 1;
        else
          {
            /* The rest of the first group is a group of its own. */
            Group *rest = &g_array_index (groups, Group, 0);
            rest->first++;
            rest->n--;
          }

        /* Saved articles often repeat the title right below it. */
        if (gi < groups->len && g[gi].n == 1 && line_equal (first, &parser.lines[g[gi].first]))
          gi++;

        /* The byline leaves the body, as a Markdown or HTML one does:
         * the reader shows the document's byline under the title. */
        if (gi < groups->len && g[gi].n == 1 && doc->author == NULL &&
            take_byline (doc, &parser.lines[g[gi].first]))
          gi++;

        /* "Issued by the branch, 20 November 2026": a dateline, not a
         * heading; it stays in the text, but for one that is only the
         * document's date ("Published 2 March 2026"), which the reader
         * shows under the title — as a saved page's date line. */
        if (gi < groups->len && g[gi].n == 1 && take_dateline (doc, &parser.lines[g[gi].first]))
          {
            if (!is_the_date_line (doc, &parser.lines[g[gi].first]))
              emit_lines (&parser, &g[gi]);
            gi++;
          }
      }
  }

  for (; gi < groups->len; gi++)
    {
      const Group *group = &g[gi];
      const Line *first = &parser.lines[group->first];
      gboolean is_last = gi + 1 == groups->len;

      if (group_is_code (&parser, group))
        {
          emit_code (&parser, group, previous_was_code);
          previous_was_code = TRUE;
          continue;
        }

      if (previous_was_code)
        {
          dossier_text_builder_end_block (builder);
          previous_was_code = FALSE;
        }

      if (group->n == 1 && is_separator_line (first))
        continue;

      /* "Heading\n=======" */
      if (group->n == 2 && !is_list_line (first) &&
          (is_underline (&parser.lines[group->first + 1], '=') ||
           is_underline (&parser.lines[group->first + 1], '-')) &&
          first->chars <= HEADING_MAX_CHARS)
        {
          emit_heading (&parser, first,
                        parser.lines[group->first + 1].content[0] == '=' ? 2 : 3);
          continue;
        }

      if (group->n == 1 && !is_last &&
          (is_heading_line (first) || is_numbered_heading (parser.lines, g, groups->len, gi)))
        {
          emit_heading (&parser, first, 2);
          continue;
        }

      if (group->n == 1 && !is_last && is_label_line (first) &&
          is_list_line (&parser.lines[g[gi + 1].first]))
        {
          emit_heading (&parser, first, 3);
          continue;
        }

      emit_lines (&parser, group);
    }

  return dossier_import_finish_text (builder, doc, error);
}
