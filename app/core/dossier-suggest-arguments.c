/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-suggest-arguments.c — arguments proposed from an article's own
 * lists of pros and cons.
 *
 * Articles that weigh a question often say so in their structure: a
 * heading "Pros" or "Risks" (or a short paragraph "Cons:") over a list.
 * Each item of such a list is proposed as an argument of that polarity,
 * its lead-in ("Reduced costs: …") or first sentence as the statement and
 * the whole item as the evidence. Only list items are ever proposed: a
 * heading names a section, a paragraph argues several things at once.
 */

#include "config.h"

#include <string.h>

#include <dossier/dossier-suggest.h>
#include <dossier/dossier-text.h>

#include "dossier-text-private.h"

/* What a heading may say, folded (dossier_text_fold()), English and
 * Spanish. A heading is a list of pros or cons when one of these starts
 * within its first three words ("Potential risks", "The case against"),
 * and is not when it names both sides ("Pros and cons"). */
typedef enum { SIDE_NONE = 0, SIDE_PRO = 1, SIDE_CON = 2, SIDE_BOTH = 3 } Side;

static const struct
{
  const char *words;
  Side        side;
} heading_words[] = {
  { "pros", SIDE_PRO },
  { "pro", SIDE_PRO },
  { "advantages", SIDE_PRO },
  { "advantage", SIDE_PRO },
  { "benefits", SIDE_PRO },
  { "benefit", SIDE_PRO },
  { "strengths", SIDE_PRO },
  { "strong points", SIDE_PRO },
  { "upsides", SIDE_PRO },
  { "upside", SIDE_PRO },
  { "merits", SIDE_PRO },
  { "positives", SIDE_PRO },
  { "opportunities", SIDE_PRO },
  { "arguments for", SIDE_PRO },
  { "arguments in favour", SIDE_PRO },
  { "arguments in favor", SIDE_PRO },
  { "case for", SIDE_PRO },
  { "reasons for", SIDE_PRO },
  { "in favour", SIDE_PRO },
  { "in favor", SIDE_PRO },
  { "for", SIDE_PRO },            /* only as a whole label: "For:" */
  { "supporters say", SIDE_PRO },
  { "what supporters say", SIDE_PRO },
  { "cons", SIDE_CON },
  { "con", SIDE_CON },
  { "disadvantages", SIDE_CON },
  { "disadvantage", SIDE_CON },
  { "drawbacks", SIDE_CON },
  { "drawback", SIDE_CON },
  { "downsides", SIDE_CON },
  { "downside", SIDE_CON },
  { "risks", SIDE_CON },
  { "risk", SIDE_CON },
  { "weaknesses", SIDE_CON },
  { "weak points", SIDE_CON },
  { "threats", SIDE_CON },
  { "dangers", SIDE_CON },
  { "pitfalls", SIDE_CON },
  { "limitations", SIDE_CON },
  { "negatives", SIDE_CON },
  { "objections", SIDE_CON },
  { "criticisms", SIDE_CON },
  { "concerns", SIDE_CON },
  { "arguments against", SIDE_CON },
  { "case against", SIDE_CON },
  { "reasons against", SIDE_CON },
  { "against", SIDE_CON },        /* only as a whole label: "Against:" */
  { "critics say", SIDE_CON },
  { "what critics say", SIDE_CON },
  /* Spanish */
  { "ventajas", SIDE_PRO },
  { "ventaja", SIDE_PRO },
  { "beneficios", SIDE_PRO },
  { "fortalezas", SIDE_PRO },
  { "puntos fuertes", SIDE_PRO },
  { "oportunidades", SIDE_PRO },
  { "argumentos a favor", SIDE_PRO },
  { "a favor", SIDE_PRO },
  { "contras", SIDE_CON },
  { "desventajas", SIDE_CON },
  { "desventaja", SIDE_CON },
  { "inconvenientes", SIDE_CON },
  { "riesgos", SIDE_CON },
  { "debilidades", SIDE_CON },
  { "puntos debiles", SIDE_CON },
  { "amenazas", SIDE_CON },
  { "peligros", SIDE_CON },
  { "argumentos en contra", SIDE_CON },
  { "en contra", SIDE_CON },
};

/* Words a heading may open with before its keyword. */
static const char * const lead_words[] = {
  "the", "key", "main", "major", "potential", "possible", "some", "top", "its",
  "their", "other", "what", "a", "few", "los", "las", "sus", "principales",
  "posibles", "algunos", "algunas", "otros", "otras",
};

/* Labels that may only stand alone: "For:" is a list of pros, "For
 * decades, …" is not. */
static gboolean
whole_label_only (const char *words)
{
  return g_str_equal (words, "for") || g_str_equal (words, "against") ||
         g_str_equal (words, "pro") || g_str_equal (words, "con");
}

static gboolean
is_lead_word (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (lead_words); i++)
    if (g_str_equal (word, lead_words[i]))
      return TRUE;
  return FALSE;
}

/* Whether the phrase @words (space-separated) occurs at word @at of @list. */
static guint
phrase_at (GPtrArray  *list,
           guint       at,
           const char *words)
{
  g_auto(GStrv) parts = g_strsplit (words, " ", -1);
  guint n = g_strv_length (parts);

  if (at + n > list->len)
    return 0;
  for (guint i = 0; i < n; i++)
    if (!g_str_equal (g_ptr_array_index (list, at + i), parts[i]))
      return 0;
  return n;
}

/* The side a heading or label announces. Only its part before a colon
 * counts ("Pros and Cons: Weighing the Implications" names both). */
static Side
classify_label (const char *label)
{
  g_autofree char *head = NULL;
  g_autoptr(GPtrArray) words = NULL;
  const char *colon = strchr (label, ':');
  Side side = SIDE_NONE;
  guint leading = 0;

  head = colon != NULL ? g_strndup (label, colon - label) : g_strdup (label);
  words = dossier_text_folded_words (head);
  if (words->len == 0 || words->len > 8)
    return SIDE_NONE;

  while (leading < words->len && leading < 2 && is_lead_word (g_ptr_array_index (words, leading)))
    leading++;

  for (guint at = 0; at < words->len; at++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (heading_words); k++)
        {
          guint n = phrase_at (words, at, heading_words[k].words);

          if (n == 0)
            continue;
          if (whole_label_only (heading_words[k].words) && words->len != n)
            continue;
          /* The first keyword must open the label; a second one (the
           * other side) anywhere makes it a heading for both. */
          if (side == SIDE_NONE && at > MAX (leading, 2))
            continue;
          side |= heading_words[k].side;
          at += n - 1;
          break;
        }
    }

  return side;
}

/* An item that states its own side: "Pro: …", "Con — …", "Ventaja: …".
 * Returns the side and where the statement starts in @text (bytes). */
static Side
item_prefix (const char *text,
             gsize      *skip)
{
  static const struct { const char *word; Side side; } prefixes[] = {
    { "pro", SIDE_PRO }, { "pros", SIDE_PRO }, { "for", SIDE_PRO },
    { "advantage", SIDE_PRO }, { "benefit", SIDE_PRO }, { "strength", SIDE_PRO },
    { "ventaja", SIDE_PRO }, { "a favor", SIDE_PRO },
    { "con", SIDE_CON }, { "cons", SIDE_CON }, { "against", SIDE_CON },
    { "disadvantage", SIDE_CON }, { "drawback", SIDE_CON }, { "risk", SIDE_CON },
    { "weakness", SIDE_CON }, { "desventaja", SIDE_CON }, { "riesgo", SIDE_CON },
    { "en contra", SIDE_CON },
  };
  const char *sep = NULL;
  g_autofree char *head = NULL;
  g_autofree char *folded = NULL;

  /* "Word:" or "Word —" or "Word -" within the first 20 bytes. */
  for (const char *p = text; *p != '\0' && p - text < 20; p++)
    {
      if (*p == ':' || g_str_has_prefix (p, " \xe2\x80\x94") || g_str_has_prefix (p, " \xe2\x80\x93") ||
          g_str_has_prefix (p, " - "))
        {
          sep = p;
          break;
        }
    }
  if (sep == NULL || sep == text)
    return SIDE_NONE;

  head = g_strndup (text, sep - text);
  folded = dossier_text_fold (head);
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      if (g_str_equal (folded, prefixes[i].word))
        {
          const char *rest = *sep == ':' ? sep + 1 : g_utf8_next_char (g_utf8_next_char (sep));

          while (*rest == ' ' || *rest == '\t' || *rest == '-')
            rest++;
          *skip = rest - text;
          return prefixes[i].side;
        }
    }

  return SIDE_NONE;
}

/* A short paragraph or list item that only announces a list: "Cons:",
 * "The advantages", "Riesgos". */
static Side
classify_short_label (const char *text)
{
  gsize len = strlen (text);
  guint n_words = 0;
  gboolean in_word = FALSE;

  if (len == 0 || len > 60)
    return SIDE_NONE;
  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = *p == ' ' || *p == '\t' || *p == '\n';

      n_words += !space && !in_word;
      in_word = !space;
    }
  /* A label, not a sentence: a colon or no final punctuation. */
  if (n_words > 6 || strchr (".!?", text[len - 1]) != NULL)
    return SIDE_NONE;

  return classify_label (text);
}

/* A sentence that introduces the list after it by naming its side last:
 * "Our members have three concerns:", "The plan offers these advantages:".
 * Only the words right before the colon count; "For decades, they
 * argued for:" is no label ("for" and "against" only stand alone). */
static Side
classify_list_intro (const char *text)
{
  g_autoptr(GPtrArray) words = NULL;
  gsize len = strlen (text);

  if (len == 0 || len > 300 || text[len - 1] != ':')
    return SIDE_NONE;
  words = dossier_text_folded_words (text);
  if (words->len == 0 || words->len > 40)
    return SIDE_NONE;

  for (guint k = 0; k < G_N_ELEMENTS (heading_words); k++)
    {
      g_auto(GStrv) parts = g_strsplit (heading_words[k].words, " ", -1);
      guint n = g_strv_length (parts);

      if (whole_label_only (heading_words[k].words) || n > words->len)
        continue;
      if (phrase_at (words, words->len - n, heading_words[k].words) != n)
        continue;
      /* "… weighs the pros and cons:" names both sides. */
      if (words->len - n >= 2)
        {
          const char *joint = g_ptr_array_index (words, words->len - n - 1);
          const char *before = g_ptr_array_index (words, words->len - n - 2);

          if (g_str_equal (joint, "and") || g_str_equal (joint, "or") ||
              g_str_equal (joint, "y") || g_str_equal (joint, "o"))
            for (guint j = 0; j < G_N_ELEMENTS (heading_words); j++)
              if (heading_words[j].side != heading_words[k].side &&
                  g_str_equal (before, heading_words[j].words))
                return SIDE_NONE;
        }
      return heading_words[k].side;
    }

  return SIDE_NONE;
}

/* Whether @s holds the end of a sentence: "!", "?", ";", or a full stop
 * after a lower-case letter (not the dots of "U.S."). */
static gboolean
ends_sentence (const char *s)
{
  gunichar prev = 0;

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '!' || c == '?' || c == ';' || (c == '.' && g_unichar_islower (prev)))
        return TRUE;
      prev = c;
    }

  return FALSE;
}

/* The statement of an item: its lead-in when it has one ("Reduced Risk of
 * Casualties: Operating under …" → "Reduced Risk of Casualties"), else its
 * first sentence, at most about 200 characters. */
static char *
statement_of (const char *item)
{
  const char *colon = strchr (item, ':');
  const char *end;
  GString *out;

  if (colon != NULL && colon > item)
    {
      g_autofree char *lead = g_strndup (item, colon - item);
      guint n_words = 1;

      for (const char *p = lead; *p != '\0'; p++)
        n_words += *p == ' ';
      if (n_words <= 12 && !ends_sentence (lead) && colon[1] != '\0')
        return g_strstrip (g_steal_pointer (&lead));
    }

  /* The first sentence: up to ". " followed by a capital, or the end. */
  end = item + strlen (item);
  for (const char *p = item; *p != '\0'; p = g_utf8_next_char (p))
    {
      if ((*p == '.' || *p == '!' || *p == '?') && p[1] == ' ' &&
          g_unichar_isupper (g_utf8_get_char (p + 2)) && p - item > 20)
        {
          end = p + 1;
          break;
        }
    }

  out = g_string_new_len (item, end - item);
  if (g_utf8_strlen (out->str, -1) > 200)
    {
      char *cut = g_utf8_offset_to_pointer (out->str, 200);
      char *space = g_utf8_strrchr (out->str, cut - out->str, ' ');

      g_string_truncate (out, (space != NULL ? space : cut) - out->str);
      g_string_append (out, "…");
    }

  /* A list's items often end with the list's own punctuation ("…;"), not
   * the statement's. */
  g_strchomp (out->str);
  out->len = strlen (out->str);
  while (out->len > 0 && strchr (";,", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);
  return g_strstrip (g_string_free (out, FALSE));
}

/* A heading as a label: "Pros:" → "Pros". */
static char *
label_of (const char *heading)
{
  char *label = g_strstrip (g_strdup (heading != NULL ? heading : ""));
  gsize len = strlen (label);

  while (len > 0 && (label[len - 1] == ':' || label[len - 1] == ' '))
    label[--len] = '\0';
  return label;
}

void
dossier_argument_suggestion_free (DossierArgumentSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;

  g_free (suggestion->statement);
  g_free (suggestion->heading);
  g_free (suggestion);
}

/* A heading's reach: its level and side, kept on a stack so that a
 * neutral subheading ("Economic") under "Advantages" stays on its side. */
typedef struct
{
  int   level;
  Side  side;
  char *text;
} Section;

static void
section_clear (gpointer data)
{
  g_free (((Section *) data)->text);
}

static const Section *
current_section (GArray *stack)
{
  for (guint i = stack->len; i > 0; i--)
    {
      const Section *s = &g_array_index (stack, Section, i - 1);

      if (s->side != SIDE_NONE)
        return s;
    }
  return NULL;
}

GPtrArray *
dossier_suggest_arguments (const char         *text,
                           const DossierBlock *blocks,
                           guint               n_blocks)
{
  GPtrArray *suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_argument_suggestion_free);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Section));
  DossierTextCursor cursor = DOSSIER_TEXT_CURSOR_INIT (text);
  /* A label paragraph or item ("Cons:") reaches over the list right after
   * it; a list item label, over the items nested under it. */
  Side label_side = SIDE_NONE;
  g_autofree char *label_text = NULL;
  int label_item_level = -1;   /* -1: a paragraph label; else the item's level */
  int item_level = -1;         /* the level proposed in the current list */
  DossierArgumentSuggestion *last = NULL;

  g_return_val_if_fail (text != NULL, suggestions);
  g_return_val_if_fail (blocks != NULL || n_blocks == 0, suggestions);

  g_array_set_clear_func (stack, section_clear);

  for (guint i = 0; i < n_blocks; i++)
    {
      const DossierBlock *block = &blocks[i];
      g_autofree char *raw = dossier_text_cursor_slice (&cursor, block->start, block->end);
      char *body = g_strstrip (raw);
      const Section *section;
      Side side = SIDE_NONE;
      const char *under = NULL;
      gsize skip = 0;
      Side own;

      if (block->kind == DOSSIER_BLOCK_TITLE || block->kind == DOSSIER_BLOCK_HEADING)
        {
          int level = block->kind == DOSSIER_BLOCK_TITLE ? 0 : MAX (block->level, 1);
          Section section_new = { level, SIDE_NONE, NULL };

          while (stack->len > 0 && g_array_index (stack, Section, stack->len - 1).level >= level)
            g_array_set_size (stack, stack->len - 1);
          section_new.side = block->kind == DOSSIER_BLOCK_TITLE ? SIDE_NONE : classify_label (body);
          section_new.text = g_strdup (body);
          g_array_append_val (stack, section_new);
          label_side = SIDE_NONE;
          item_level = -1;
          last = NULL;
          continue;
        }

      if (block->kind != DOSSIER_BLOCK_LIST_ITEM)
        {
          /* A short paragraph may announce the next list ("Cons:"); any
           * other paragraph ends what a label announced. */
          label_side = SIDE_NONE;
          if (block->kind == DOSSIER_BLOCK_PARAGRAPH)
            {
              label_side = classify_short_label (body);
              if (label_side == SIDE_NONE)
                label_side = classify_list_intro (body);
            }
          g_clear_pointer (&label_text, g_free);
          if (label_side != SIDE_NONE)
            label_text = g_strdup (body);
          label_item_level = -1;
          item_level = -1;
          last = NULL;
          continue;
        }

      /* A list item. Is it a label for the items nested under it? */
      if (label_item_level >= 0 && block->level <= label_item_level)
        {
          label_side = SIDE_NONE;
          label_item_level = -1;
          item_level = -1;
        }
      own = classify_short_label (body);
      if (own == SIDE_PRO || own == SIDE_CON)
        {
          if (i + 1 < n_blocks && blocks[i + 1].kind == DOSSIER_BLOCK_LIST_ITEM &&
              blocks[i + 1].level > block->level)
            {
              label_side = own;
              g_free (label_text);
              label_text = g_strdup (body);
              label_item_level = block->level;
              item_level = -1;
              last = NULL;
              continue;
            }
        }

      section = current_section (stack);
      if (label_side == SIDE_PRO || label_side == SIDE_CON)
        {
          side = label_side;
          under = label_text;
        }
      else if (label_side == SIDE_NONE && section != NULL &&
               (section->side == SIDE_PRO || section->side == SIDE_CON))
        {
          side = section->side;
          under = section->text;
        }

      /* Items that name their own side, in any list. */
      own = item_prefix (body, &skip);
      if (own != SIDE_NONE && body[skip] != '\0')
        {
          side = own;
          if (under == NULL)
            under = section != NULL ? section->text : "";
        }
      else
        skip = 0;

      if (side != SIDE_PRO && side != SIDE_CON)
        continue;

      /* Sub-items belong to the item above them: its evidence grows. */
      if (item_level >= 0 && block->level > item_level && last != NULL)
        {
          last->end = block->end;
          continue;
        }
      item_level = block->level;

      if (body[skip] == '\0')
        continue;

      last = g_new0 (DossierArgumentSuggestion, 1);
      last->polarity = side == SIDE_PRO ? DOSSIER_POLARITY_PRO : DOSSIER_POLARITY_CON;
      {
        g_autofree char *statement = statement_of (body + skip);

        /* "Pro: the terminals are rebuilt" → "The terminals are rebuilt". */
        last->statement = dossier_text_capitalise (statement);
      }
      last->heading = label_of (under);
      last->start = block->start;
      last->end = block->end;
      g_ptr_array_add (suggestions, last);
    }

  return suggestions;
}
