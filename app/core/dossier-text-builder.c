/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-text-builder.c — accumulates an importer's output: normalized text
 * plus blocks with code-point offsets.
 *
 * Offsets are counted as text is emitted, never by re-walking what is already
 * there, so building a document costs time linear in its size. Separators and
 * collapsed white space are emitted lazily, when the next visible character
 * arrives: that is what trims blocks and drops empty ones for free.
 *
 * Leniencies, so that importers need not be careful: appending without an
 * open block opens a paragraph; beginning a block while one is open ends the
 * open one; invalid UTF-8 is repaired (U+FFFD) rather than refused.
 */

#include "config.h"

#include <string.h>

#include "dossier-text-builder.h"
#include "dossier-text-private.h"

struct _DossierTextBuilder
{
  GString          *text;
  GArray           *blocks;
  gint64            length;          /* code points in text */

  gboolean          in_block;
  DossierBlockKind  kind;
  int               level;
  gboolean          block_started;   /* has the open block emitted anything */
  gint64            block_start;     /* its start, code points */
  gsize             block_start_byte;

  gboolean          pending_space;   /* collapsed white space not yet emitted */
  guint             pending_tabs;    /* cell boundaries: tabs where the space would go */
  GString          *pending_pre;     /* preformatted white space not yet emitted */

  /* Whether the open block emitted a visible character last (not a
   * separator or space), which a combining mark arriving in the next
   * append may compose with. */
  gboolean          have_last_char;

  gboolean          have_previous;   /* a block was emitted before */
  DossierBlockKind  previous_kind;

  GString          *scratch;
  GString          *scratch2;
};

DossierTextBuilder *
dossier_text_builder_new (void)
{
  DossierTextBuilder *self = g_new0 (DossierTextBuilder, 1);

  self->text = g_string_new (NULL);
  self->blocks = g_array_new (FALSE, FALSE, sizeof (DossierBlock));
  self->pending_pre = g_string_new (NULL);
  self->scratch = g_string_new (NULL);
  self->scratch2 = g_string_new (NULL);

  return self;
}

void
dossier_text_builder_free (DossierTextBuilder *self)
{
  if (self == NULL)
    return;

  g_string_free (self->text, TRUE);
  g_array_unref (self->blocks);
  g_string_free (self->pending_pre, TRUE);
  g_string_free (self->scratch, TRUE);
  g_string_free (self->scratch2, TRUE);
  g_free (self);
}

void
dossier_text_builder_begin_block (DossierTextBuilder *self,
                                  DossierBlockKind    kind,
                                  int                 level)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (kind <= DOSSIER_BLOCK_PREFORMATTED);

  if (self->in_block)
    dossier_text_builder_end_block (self);

  self->in_block = TRUE;
  self->kind = kind;
  self->level = level;
  self->block_started = FALSE;
  self->pending_space = FALSE;
  self->pending_tabs = 0;
  self->have_last_char = FALSE;
  g_string_truncate (self->pending_pre, 0);
}

void
dossier_text_builder_end_block (DossierTextBuilder *self)
{
  g_return_if_fail (self != NULL);

  if (!self->in_block)
    return;

  /* Cells set apart after the last text are empty ones at the row's end
   * ("a ⇥ b ⇥ ⇥"): kept, else that row would have fewer columns than the
   * rows around it. */
  if (self->block_started && self->pending_tabs > 0)
    {
      for (guint i = 0; i < self->pending_tabs; i++)
        g_string_append_c (self->text, '\t');
      self->length += self->pending_tabs;
    }

  if (self->block_started)
    {
      DossierBlock block = {
        .start = self->block_start,
        .end = self->length,
        .kind = self->kind,
        .level = self->level,
      };

      g_array_append_val (self->blocks, block);
      self->have_previous = TRUE;
      self->previous_kind = self->kind;
    }

  /* Trailing white space is simply never emitted (a cell's tab is no
   * white space: see above). */
  self->in_block = FALSE;
  self->block_started = FALSE;
  self->pending_space = FALSE;
  self->pending_tabs = 0;
  self->have_last_char = FALSE;
  g_string_truncate (self->pending_pre, 0);
}

/* Called before the first visible character of a block. */
static void
start_block_text (DossierTextBuilder *self)
{
  if (self->have_previous)
    {
      if (self->kind == DOSSIER_BLOCK_LIST_ITEM &&
          self->previous_kind == DOSSIER_BLOCK_LIST_ITEM)
        {
          g_string_append_c (self->text, '\n');
          self->length += 1;
        }
      else
        {
          g_string_append_len (self->text, "\n\n", 2);
          self->length += 2;
        }
    }

  self->block_started = TRUE;
  self->block_start = self->length;
  self->block_start_byte = self->text->len;
}

static inline gboolean
is_ascii_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Emits cleaned, NFC text into the open block. */
static void
emit (DossierTextBuilder *self,
      const char         *str,
      gsize               len)
{
  const guchar *p = (const guchar *) str;
  const guchar *end = p + len;
  gboolean pre = self->kind == DOSSIER_BLOCK_PREFORMATTED;

  while (p < end)
    {
      const guchar *q = p;
      gsize n;
      gboolean space;

      if (*p < 0x80)
        {
          n = 1;
          space = is_ascii_space (*p);
        }
      else
        {
          gunichar c = g_utf8_get_char ((const char *) p);

          n = g_utf8_next_char ((const char *) p) - (const char *) p;
          /* Unicode spaces (no-break space, em space…) collapse too, but
           * not in preformatted text, where they may be deliberate. */
          space = !pre && g_unichar_isspace (c);
        }

      if (p + n > end)
        n = end - p;
      p += n;

      if (space)
        {
          if (pre)
            g_string_append_len (self->pending_pre, (const char *) q, n);
          else if (self->block_started)
            self->pending_space = TRUE;
          continue;
        }

      if (!self->block_started)
        {
          start_block_text (self);
          if (pre && self->pending_pre->len > 0)
            {
              /* Leading blank lines go; the first line's indentation stays. */
              const char *nl = strrchr (self->pending_pre->str, '\n');
              if (nl != NULL)
                g_string_erase (self->pending_pre, 0, nl + 1 - self->pending_pre->str);
            }
        }

      if (pre && self->pending_pre->len > 0)
        {
          g_string_append_len (self->text, self->pending_pre->str, self->pending_pre->len);
          self->length += g_utf8_strlen (self->pending_pre->str, self->pending_pre->len);
          g_string_truncate (self->pending_pre, 0);
        }
      else if (self->pending_tabs > 0)
        {
          for (guint i = 0; i < self->pending_tabs; i++)
            g_string_append_c (self->text, '\t');
          self->length += self->pending_tabs;
          self->pending_tabs = 0;
          self->pending_space = FALSE;
        }
      else if (self->pending_space)
        {
          g_string_append_c (self->text, ' ');
          self->length += 1;
          self->pending_space = FALSE;
        }

      /* This character and the run after it that is emitted unchanged, at
       * once: visible characters, and outside preformatted text single
       * spaces between them (what a collapse would give back). */
      {
        const guchar *run = p;
        gint64 counted = 1;

        while (run < end)
          {
            if (*run > 0x20 && *run < 0x7F)
              {
                run++;
                counted++;
              }
            else if (*run == ' ' && !pre && run + 1 < end && run[1] > 0x20 && run[1] < 0x7F)
              {
                run += 2;
                counted += 2;
              }
            else if (*run >= 0x80)
              {
                /* A space outside ASCII is collapsed (outside preformatted
                 * text): the slow way. */
                if (!pre && g_unichar_isspace (g_utf8_get_char ((const char *) run)))
                  break;
                run = (const guchar *) g_utf8_next_char (run);
                counted++;
              }
            else if (*run == ' ' && !pre && run + 1 < end && run[1] >= 0x80 &&
                     !g_unichar_isspace (g_utf8_get_char ((const char *) run + 1)))
              {
                run++;
                counted++;
              }
            else
              break;
          }
        if (run > end)
          run = end;
        g_string_append_len (self->text, (const char *) q, run - q);
        self->length += counted;
        p = run;
      }
      self->have_last_char = TRUE;
    }
}

/* Between two cells of a table's row: their texts are set apart by a tab,
 * as a browser copies a row. An empty cell keeps its tab, before the first
 * text too (an empty corner cell: else the row's columns shift left);
 * nothing is written after the last text. */
void
dossier_text_builder_cell_break (DossierTextBuilder *self)
{
  g_return_if_fail (self != NULL);

  if (self->in_block && self->kind != DOSSIER_BLOCK_PREFORMATTED)
    self->pending_tabs = MIN (self->pending_tabs + 1, 64);
}

void
dossier_text_builder_append (DossierTextBuilder *self,
                             const char         *text,
                             gssize              len)
{
  g_autofree char *repaired = NULL;
  const char *src = text;
  gsize src_len;
  gboolean composes = FALSE;

  g_return_if_fail (self != NULL);

  if (text == NULL)
    return;

  src_len = len < 0 ? strlen (text) : (gsize) len;
  if (src_len == 0)
    return;

  if (!self->in_block)
    dossier_text_builder_begin_block (self, DOSSIER_BLOCK_PARAGRAPH, 0);

  if (!dossier_text_validate (src, src_len, NULL))
    {
      repaired = g_utf8_make_valid (src, src_len);
      src = repaired;
      src_len = strlen (repaired);
    }

  g_string_truncate (self->scratch, 0);
  dossier_text_filter_append (self->scratch, src, src_len);
  if (self->scratch->len == 0)
    return;

  /* A chunk that does not start with a stable character (a combining mark,
   * a Hangul vowel…) may compose or reorder with what was emitted last:
   * take the text back to the last starter and normalize it together with
   * the chunk, so that the whole stays NFC across appends. */
  if (self->have_last_char && !self->pending_space && self->pending_tabs == 0 &&
      self->pending_pre->len == 0 &&
      !dossier_text_is_stable_start (self->scratch->str, self->scratch->len))
    composes = TRUE;

  g_string_truncate (self->scratch2, 0);
  if (composes)
    {
      const char *floor = self->text->str + self->block_start_byte;
      const char *back = self->text->str + self->text->len;

      for (int taken = 0; back > floor && taken < 32; taken++)
        {
          back = g_utf8_prev_char (back);
          self->length -= 1;
          if (g_unichar_combining_class (g_utf8_get_char (back)) == 0)
            break;
        }

      g_string_append_len (self->scratch2, back, self->text->str + self->text->len - back);
      g_string_truncate (self->text, back - self->text->str);
      /* The block stays started even if that was all of it: the composed
       * text takes its place. */
      self->have_last_char = FALSE;
      g_string_append_len (self->scratch2, self->scratch->str, self->scratch->len);
      g_string_truncate (self->scratch, 0);
      dossier_text_nfc_append (self->scratch, self->scratch2->str, self->scratch2->len);
    }
  else
    dossier_text_nfc_append (self->scratch2, self->scratch->str, self->scratch->len);

  if (composes)
    emit (self, self->scratch->str, self->scratch->len);
  else
    emit (self, self->scratch2->str, self->scratch2->len);
}

void
dossier_text_builder_append_normalized (DossierTextBuilder *self,
                                        const char         *text,
                                        gsize               len)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL || len == 0);

  if (len == 0)
    return;

  /* A piece that may compose with what was emitted last takes the general
   * way, which normalizes the two together. */
  if (self->in_block && self->have_last_char && !self->pending_space && self->pending_tabs == 0 &&
      self->pending_pre->len == 0 && !dossier_text_is_stable_start (text, len))
    {
      dossier_text_builder_append (self, text, len);
      return;
    }

  if (!self->in_block)
    dossier_text_builder_begin_block (self, DOSSIER_BLOCK_PARAGRAPH, 0);

  emit (self, text, len);
}

void
dossier_text_builder_add_block (DossierTextBuilder *self,
                                DossierBlockKind    kind,
                                int                 level,
                                const char         *text)
{
  g_return_if_fail (self != NULL);

  dossier_text_builder_begin_block (self, kind, level);
  dossier_text_builder_append (self, text, -1);
  dossier_text_builder_end_block (self);
}

gboolean
dossier_text_builder_in_block (DossierTextBuilder *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->in_block;
}

gint64
dossier_text_builder_get_length (DossierTextBuilder *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->length;
}

void
dossier_text_builder_finish (DossierTextBuilder  *self,
                             char               **text,
                             GArray             **blocks)
{
  g_return_if_fail (self != NULL);

  dossier_text_builder_end_block (self);

  if (text != NULL)
    *text = g_string_free (g_steal_pointer (&self->text), FALSE);
  else
    g_string_free (g_steal_pointer (&self->text), TRUE);

  if (blocks != NULL)
    *blocks = g_steal_pointer (&self->blocks);
  else
    g_array_unref (g_steal_pointer (&self->blocks));

  self->text = g_string_new (NULL);
  self->blocks = g_array_new (FALSE, FALSE, sizeof (DossierBlock));
  self->length = 0;
  self->have_previous = FALSE;
  self->have_last_char = FALSE;
}
