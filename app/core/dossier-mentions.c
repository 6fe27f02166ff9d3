/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-mentions.c — every alias of many names found in one pass.
 *
 * The aliases, folded (dossier_text_fold()), are compiled into an
 * Aho–Corasick automaton over UTF-8 bytes, made a full DFA over the few
 * byte values the aliases use (every other byte leads back to the root),
 * so that each byte of the text costs one table load. The text is folded
 * on the fly, code point by code point, and a ring of the last code
 * points' offsets in the original text maps a match back to code points
 * of the original, whatever folding dropped or merged in between.
 */

#include "config.h"

#include <string.h>

#include <dossier/dossier-mentions.h>
#include <dossier/dossier-text.h>

#include "dossier-mentions-private.h"
#include "dossier-text-private.h"

typedef struct
{
  char   *folded;        /* UTF-8 */
  guint   n_code_points;
  guint   word_start : 1;  /* must not follow a letter or digit */
  guint   word_end : 1;    /* must not be followed by one */
  GArray *owners;        /* of Owner: usually one */
} Pattern;

typedef struct
{
  gint64 key;
  guint  alias;
  guint  proper : 1;   /* found only where the text writes it as a name: a
                        * short form (see common_nouns) */
} Owner;

/* What a match of a pattern is checked by, side by side for all of them:
 * a search meets several patterns at each mention ("Person 1", "Person
 * 12", … "Person 1234"), and each Pattern is an allocation of its own. */
typedef struct
{
  guint32 n_code_points;
  guint8  word_start;
  guint8  word_end;
  guint8  proper;      /* some owner takes only its proper uses */
  guint8  all_proper;  /* every owner does */
} Shape;

struct _DossierMentionFinder
{
  gatomicrefcount ref_count;

  GPtrArray  *patterns;         /* of Pattern */
  GHashTable *pattern_by_text;  /* folded → index + 1 */
  guint       n_aliases;
  GHashTable *names_of_key;     /* key → GPtrArray of its aliases of several words
                                 * with a capital, folded, with a space each side */

  /* The automaton, built by the first search. */
  GMutex      lock;
  int         compiled;         /* atomic */
  guint8      byte_class[256];
  guint       n_classes;
  guint       n_states;
  guint32    *delta;            /* n_states × n_classes: the next state (while compiling) */
  guint32    *trans;            /* the same as next row << 1 | has output */
  gint32     *terminal;         /* per state: pattern, or -1 */
  Shape      *shapes;           /* per pattern */
  guint32    *dict;             /* per state: next state with a terminal on its failure chain, 0 = none */
  guint       ring_size;        /* power of two above the longest pattern */
};

G_DEFINE_BOXED_TYPE (DossierMentionFinder, dossier_mention_finder,
                     dossier_mention_finder_ref, dossier_mention_finder_unref)

static void
pattern_free (gpointer data)
{
  Pattern *pattern = data;

  g_free (pattern->folded);
  g_array_unref (pattern->owners);
  g_free (pattern);
}

DossierMentionFinder *
dossier_mention_finder_new (void)
{
  DossierMentionFinder *self = g_new0 (DossierMentionFinder, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->patterns = g_ptr_array_new_with_free_func (pattern_free);
  self->pattern_by_text = g_hash_table_new (g_str_hash, g_str_equal);
  self->names_of_key = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  g_mutex_init (&self->lock);

  return self;
}

DossierMentionFinder *
dossier_mention_finder_ref (DossierMentionFinder *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
dossier_mention_finder_unref (DossierMentionFinder *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->pattern_by_text);
  g_hash_table_unref (self->names_of_key);
  g_ptr_array_unref (self->patterns);
  g_free (self->delta);
  g_free (self->trans);
  g_free (self->terminal);
  g_free (self->dict);
  g_free (self->shapes);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/* The pattern for @folded, made if there is none yet: owned by no key
 * until one is added. */
static Pattern *
pattern_for (DossierMentionFinder *self,
             char                 *folded)
{
  gpointer found = g_hash_table_lookup (self->pattern_by_text, folded);
  Pattern *pattern;
  const char *last;

  if (found != NULL)
    {
      g_free (folded);
      return g_ptr_array_index (self->patterns, GPOINTER_TO_UINT (found) - 1);
    }

  pattern = g_new0 (Pattern, 1);
  pattern->n_code_points = g_utf8_strlen (folded, -1);
  last = g_utf8_prev_char (folded + strlen (folded));
  pattern->word_start = dossier_unichar_is_word (g_utf8_get_char (folded));
  pattern->word_end = dossier_unichar_is_word (g_utf8_get_char (last));
  pattern->owners = g_array_new (FALSE, FALSE, sizeof (Owner));
  pattern->folded = folded;
  g_ptr_array_add (self->patterns, pattern);
  g_hash_table_insert (self->pattern_by_text, pattern->folded,
                       GUINT_TO_POINTER (self->patterns->len));
  return pattern;
}

/* A town's council goes by the town ("town of Brackwater", "city of
 * Harlow", "ayuntamiento de Villalba"), which names the place, not the
 * council, right after a word for where ("in the town of Brackwater",
 * "en el ayuntamiento de Soria"). Those uses are patterns of no key:
 * longer, they win over the alias and count for no one. Folded. */
static const char * const town_bodies[] = { "town of ", "city of ", "ayuntamiento de " };
static const char * const locatives[] = {
  "in", "at", "near", "from", "into", "across", "outside", "inside", "around", "towards",
  "beyond", "en", "desde", "hacia",
};
static const char * const articles[] = { "the", "el", "la" };

static void
add_place_uses (DossierMentionFinder *self,
                const char           *folded)
{
  gboolean town = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (town_bodies) && !town; i++)
    town = g_str_has_prefix (folded, town_bodies[i]);
  if (!town)
    return;

  for (guint l = 0; l < G_N_ELEMENTS (locatives); l++)
    for (guint a = 0; a < G_N_ELEMENTS (articles); a++)
      pattern_for (self, g_strconcat (locatives[l], " ", articles[a], " ", folded, NULL));
}

/* Words for a kind of body ("School", "Council", "Trust"), folded. One
 * of them alone, written with its capital, as an alias of a name that
 * holds it ("the School" of "Fenwick Church School"), is that body's
 * short form: mentioned only where the text writes it so (see
 * written_as_name ()), not at every "school run", nor in a table's header
 * cell or a line of the word alone ("School ⇥ 2016 ⇥ 2021"). A name that
 * is the word ("Agency", for "the energy agency"), or an alias written in
 * lower case, is the word wherever it is. */
static const char * const common_nouns[] = {
  "academy", "agency", "alliance", "assembly", "association", "authority", "bank", "board",
  "cabinet", "campaign", "centre", "center", "chamber", "church", "club", "coalition", "college",
  "commission", "committee", "company", "confederation", "congress", "corporation", "council",
  "department", "diocese", "executive", "federation", "forum", "foundation", "fund",
  "government", "group", "guild", "hospital", "institute", "library", "ministry", "museum",
  "office", "organisation", "organization", "parish", "parliament", "partnership", "party",
  "police", "school", "senate", "service", "society", "trust", "union", "university",
  /* Spanish */
  "academia", "agencia", "asamblea", "asociacion", "autoridad", "ayuntamiento", "biblioteca",
  "colegio", "comision", "comite", "consejo", "empresa", "escuela", "federacion", "foro",
  "fundacion", "gobierno", "iglesia", "instituto", "junta", "ministerio", "partido",
  "plataforma", "sindicato", "universidad",
};

static gboolean
is_capital (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return g_unichar_isupper (c) || g_unichar_istitle (c);
}

static gboolean
has_capital (const char *alias)
{
  for (const char *a = alias; *a != '\0'; a = g_utf8_next_char (a))
    if (is_capital (a))
      return TRUE;
  return FALSE;
}

/* Whether @alias (@folded, folded) is one of common_nouns written with
 * its capital: perhaps a short form (see short_form ()). */
static gboolean
is_common_noun (const char *alias,
                const char *folded)
{
  const char *a = alias;

  while (*a != '\0' && !g_unichar_isalnum (g_utf8_get_char (a)))
    a = g_utf8_next_char (a);
  if (!is_capital (a))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (common_nouns); i++)
    if (g_str_equal (folded, common_nouns[i]))
      return TRUE;
  return FALSE;
}

/* Whether the common noun @folded is the short form of a name of @key
 * that holds it as a word. */
static gboolean
short_form (DossierMentionFinder *self,
            gint64                key,
            const char           *folded)
{
  GPtrArray *names = g_hash_table_lookup (self->names_of_key, &key);
  g_autofree char *word = g_strconcat (" ", folded, " ", NULL);

  for (guint i = 0; names != NULL && i < names->len; i++)
    if (strstr (g_ptr_array_index (names, i), word) != NULL)
      return TRUE;
  return FALSE;
}

int
dossier_mention_finder_add (DossierMentionFinder *self,
                            gint64                key,
                            const char           *alias)
{
  g_autofree char *folded = NULL;
  gboolean has_word = FALSE, proper;
  Pattern *pattern;
  Owner owner;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (alias != NULL, -1);
  g_return_val_if_fail (!g_atomic_int_get (&self->compiled), -1);

  folded = dossier_text_fold (alias);
  for (const char *p = folded; *p != '\0' && !has_word; p = g_utf8_next_char (p))
    has_word = dossier_unichar_is_word (g_utf8_get_char (p));
  if (!has_word)
    return -1;

  add_place_uses (self, folded);
  proper = is_common_noun (alias, folded);
  if (strchr (folded, ' ') != NULL && has_capital (alias))
    {
      GPtrArray *names = g_hash_table_lookup (self->names_of_key, &key);

      if (names == NULL)
        {
          names = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (self->names_of_key, g_memdup2 (&key, sizeof key), names);
        }
      g_ptr_array_add (names, g_strconcat (" ", folded, " ", NULL));
    }
  pattern = pattern_for (self, g_steal_pointer (&folded));

  /* The same key twice under one spelling finds one mention: wherever
   * either spelling would. */
  for (guint i = 0; i < pattern->owners->len; i++)
    if (g_array_index (pattern->owners, Owner, i).key == key)
      {
        g_array_index (pattern->owners, Owner, i).proper &= proper;
        return g_array_index (pattern->owners, Owner, i).alias;
      }

  owner.key = key;
  owner.alias = self->n_aliases++;
  owner.proper = proper;
  g_array_append_val (pattern->owners, owner);

  return owner.alias;
}

guint
dossier_mention_finder_get_n_aliases (DossierMentionFinder *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_aliases;
}

/* ---- The automaton ------------------------------------------------------ */

#define NONE G_MAXUINT32

static int
compare_owners (gconstpointer a,
                gconstpointer b)
{
  const Owner *x = a, *y = b;

  return x->key < y->key ? -1 : x->key > y->key;
}

static void
compile (DossierMentionFinder *self)
{
  g_autoptr(GArray) trie = g_array_new (FALSE, FALSE, sizeof (guint32)); /* n_classes per state */
  g_autofree guint32 *fail = NULL;
  g_autofree guint32 *queue = NULL;
  g_autofree guint32 *none = NULL;
  guint head = 0, tail = 0;
  guint max_code_points = 1;

  memset (self->byte_class, 0, sizeof self->byte_class);

  /* Mentions come out ordered by key where keys share an alias. */
  for (guint i = 0; i < self->patterns->len; i++)
    g_array_sort (((Pattern *) g_ptr_array_index (self->patterns, i))->owners, compare_owners);

  /* Bytes no alias uses share class 0, which always leads to the root.
   * The classes are known before the trie is built, so that its rows are
   * as narrow as the automaton's (5,000 names of three aliases: some
   * 60,000 states, a row of 256 would be 60 MB to fill). */
  for (guint i = 0; i < self->patterns->len; i++)
    {
      Pattern *pattern = g_ptr_array_index (self->patterns, i);

      for (const guchar *p = (const guchar *) pattern->folded; *p != '\0'; p++)
        self->byte_class[*p] = 1;
    }
  self->n_classes = 1;
  for (guint b = 0; b < 256; b++)
    if (self->byte_class[b] != 0)
      self->byte_class[b] = self->n_classes++;

  none = g_new (guint32, self->n_classes);
  memset (none, 0xff, self->n_classes * sizeof (guint32));
  none[0] = 0;

  g_array_append_vals (trie, none, self->n_classes);
  self->n_states = 1;
  for (guint i = 0; i < self->patterns->len; i++)
    {
      Pattern *pattern = g_ptr_array_index (self->patterns, i);
      guint32 state = 0;

      max_code_points = MAX (max_code_points, pattern->n_code_points);
      for (const guchar *p = (const guchar *) pattern->folded; *p != '\0'; p++)
        {
          gsize at = (gsize) state * self->n_classes + self->byte_class[*p];
          guint32 next = g_array_index (trie, guint32, at);

          if (next == NONE)
            {
              next = self->n_states++;
              g_array_index (trie, guint32, at) = next;
              g_array_append_vals (trie, none, self->n_classes);
            }
          state = next;
        }
    }

  self->delta = (guint32 *) (void *) g_array_steal (trie, NULL);
  self->terminal = g_new (gint32, self->n_states);
  self->dict = g_new0 (guint32, self->n_states);
  fail = g_new0 (guint32, self->n_states);
  queue = g_new (guint32, self->n_states);

  self->shapes = g_new (Shape, self->patterns->len);

  for (guint s = 0; s < self->n_states; s++)
    self->terminal[s] = -1;

  for (guint i = 0; i < self->patterns->len; i++)
    {
      Pattern *pattern = g_ptr_array_index (self->patterns, i);
      guint32 state = 0;
      guint n_proper = 0;

      for (const guchar *p = (const guchar *) pattern->folded; *p != '\0'; p++)
        state = self->delta[(gsize) state * self->n_classes + self->byte_class[*p]];
      for (guint o = 0; o < pattern->owners->len; o++)
        {
          Owner *owner = &g_array_index (pattern->owners, Owner, o);

          owner->proper = owner->proper && short_form (self, owner->key, pattern->folded);
          n_proper += owner->proper;
        }
      self->terminal[state] = i;
      self->shapes[i] = (Shape) { pattern->n_code_points, pattern->word_start, pattern->word_end,
                                  n_proper > 0, n_proper > 0 && n_proper == pattern->owners->len };
    }

  /* Breadth first, so that a state's failure state is complete before
   * its own row borrows from it. */
  for (guint c = 1; c < self->n_classes; c++)
    {
      guint32 *t = &self->delta[c];

      if (*t == NONE)
        *t = 0;
      else
        {
          fail[*t] = 0;
          queue[tail++] = *t;
        }
    }

  while (head < tail)
    {
      guint32 s = queue[head++];
      guint32 *row = self->delta + (gsize) s * self->n_classes;
      const guint32 *fail_row = self->delta + (gsize) fail[s] * self->n_classes;

      self->dict[s] = self->terminal[fail[s]] >= 0 ? fail[s] : self->dict[fail[s]];

      for (guint c = 1; c < self->n_classes; c++)
        {
          if (row[c] == NONE)
            row[c] = fail_row[c];
          else
            {
              fail[row[c]] = fail_row[c];
              queue[tail++] = row[c];
            }
        }
    }

  /* What the search steps through: the next state's row, and whether a
   * match ends there, in one load. */
  self->trans = g_new (guint32, (gsize) self->n_states * self->n_classes);
  for (gsize i = 0; i < (gsize) self->n_states * self->n_classes; i++)
    {
      guint32 next = self->delta[i];

      self->trans[i] = (next * self->n_classes) << 1 |
                       (self->terminal[next] >= 0 || self->dict[next] != 0);
    }
  g_clear_pointer (&self->delta, g_free);

  self->ring_size = 1;
  while (self->ring_size <= max_code_points)
    self->ring_size <<= 1;
}

static void
ensure_compiled (DossierMentionFinder *self)
{
  if (g_atomic_int_get (&self->compiled))
    return;

  g_mutex_lock (&self->lock);
  if (!self->compiled)
    {
      compile (self);
      g_atomic_int_set (&self->compiled, TRUE);
    }
  g_mutex_unlock (&self->lock);
}

/* ---- Searching ---------------------------------------------------------- */

typedef struct
{
  gint64 start;
  gint64 end;
  guint  pattern;
  guint  proper : 1;  /* written as a name: see written_as_name () */
} Candidate;

static int
compare_by_start (gconstpointer a,
                  gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* Longest first. */
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return 0;
}

static int
compare_by_length (gconstpointer a,
                   gconstpointer b)
{
  const Candidate *x = a, *y = b;
  gint64 lx = x->end - x->start, ly = y->end - y->start;

  if (lx != ly)
    return lx > ly ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return 0;
}

/* Of candidates that overlap each other (a cluster, in start order),
 * keeps the longest, then the longest of what does not overlap those, and
 * so on; appends the kept ones to @kept in start order. */
static void
resolve_cluster (Candidate *cluster,
                 guint      n,
                 GArray    *kept)
{
  g_autoptr(GArray) chosen = NULL;

  if (n == 1)
    {
      g_array_append_vals (kept, cluster, 1);
      return;
    }

  qsort (cluster, n, sizeof (Candidate), compare_by_length);
  chosen = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), 4);

  for (guint i = 0; i < n; i++)
    {
      Candidate *c = &cluster[i];
      guint lo = 0, hi = chosen->len;

      /* The first chosen one that starts at or after c. */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (chosen, Candidate, mid).start < c->start)
            lo = mid + 1;
          else
            hi = mid;
        }

      if (lo < chosen->len && g_array_index (chosen, Candidate, lo).start < c->end)
        continue;
      if (lo > 0 && g_array_index (chosen, Candidate, lo - 1).end > c->start)
        continue;
      g_array_insert_val (chosen, lo, *c);
    }

  g_array_append_vals (kept, chosen->data, chosen->len);
}

static inline gunichar
decode (const guchar **pp)
{
  const guchar *p = *pp;
  gunichar c = p[0];

  if (c < 0x80)
    {
      *pp = p + 1;
      return c;
    }
  if (c < 0xE0)
    {
      *pp = p + 2;
      return ((c & 0x1F) << 6) | (p[1] & 0x3F);
    }
  if (c < 0xF0)
    {
      *pp = p + 3;
      return ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
  *pp = p + 4;
  return ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

/* Whether a word character follows @p, looking past what folding drops
 * (marks, invisible characters), which then belong to the match: a
 * decomposed "José" ends after its accent. */
static gboolean
word_follows (const guchar  *p,
              const guchar  *end,
              const guint16 *fold,
              guint         *n_dropped)
{
  *n_dropped = 0;
  while (p < end)
    {
      gunichar c = decode (&p);
      gunichar f = c < 0x10000 ? fold[c] : c;

      if (f != 0)
        return c < 0x80 ? (g_ascii_isalnum (c) || c == '_') : dossier_unichar_is_word (c);
      (*n_dropped)++;
    }

  return FALSE;
}

static inline gboolean
opens_cell (gunichar c)
{
  return c == '\n' || c == '\r' || c == '\t' || c == '|';
}

/* Whether a match of @text from @start to before @p (@end the text's end)
 * is written as a name: with its capital, and not the word alone on a
 * line or in a table's cell (a header, a label). Only a short form's
 * matches are looked at so, which are few: the search itself stays one
 * table load a byte. */
static gboolean
written_as_name (const char *text,
                 const char *start,
                 const char *p,
                 const char *end)
{
  const char *before = start, *after = p;

  if (!is_capital (start))
    return FALSE;
  while (before > text && *(before - 1) == ' ')
    before--;
  while (after < end && *after == ' ')
    after++;
  return !((before == text || opens_cell (*(before - 1))) && (after == end || opens_cell (*after)));
}

GArray *
dossier_mention_finder_find (DossierMentionFinder *self,
                             const char           *text)
{
  return dossier_mention_finder_find_checked (self, text, NULL, NULL);
}

GArray *
dossier_mention_finder_find_checked (DossierMentionFinder *self,
                                     const char           *text,
                                     gboolean            (*progress) (guint64  chars,
                                                                      gpointer data),
                                     gpointer              data)
{
  const guint16 *fold = dossier_text_fold_table ();
  g_autoptr(GArray) candidates = NULL;
  g_autofree gint64 *ring_offset = NULL;
  g_autofree guint8 *ring_after_word = NULL;
  GArray *mentions;
  const guchar *p, *end;
  const guint32 *trans;
  const guint8 *byte_class;
  guint n_classes, mask;
  guint32 row = 0, out = 0;   /* the state's row in trans, whether a match ends */
  gint64 offset = 0;     /* code points of the original text */
  guint64 fed = 0;       /* folded code points fed to the automaton */
  gboolean last_space = TRUE, last_word = FALSE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  mentions = g_array_new (FALSE, FALSE, sizeof (DossierMention));
  if (self->patterns->len == 0)
    return mentions;

  ensure_compiled (self);
  trans = self->trans;
  byte_class = self->byte_class;
  n_classes = self->n_classes;
  mask = self->ring_size - 1;
  ring_offset = g_new (gint64, self->ring_size);
  ring_after_word = g_new (guint8, self->ring_size);
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  p = (const guchar *) text;
  end = p + strlen (text);
  while (p < end)
    {
      gunichar c, f;
      guchar bytes[4];
      guint n_bytes;

      if (progress != NULL && offset % DOSSIER_MENTIONS_PIECE == DOSSIER_MENTIONS_PIECE - 1 &&
          !progress (DOSSIER_MENTIONS_PIECE, data))
        {
          g_array_unref (mentions);
          return NULL;
        }
      if (*p < 0x80)
        {
          c = *p++;
          f = fold[c];
        }
      else
        {
          c = decode (&p);
          f = c < 0x10000 ? fold[c] : c;
        }

      if (f == 0 || (f == ' ' && last_space))
        {
          /* Dropped: a mark belongs to the letter before it. */
          if (f != 0)
            last_word = FALSE;
          offset++;
          continue;
        }

      ring_offset[fed & mask] = offset;
      ring_after_word[fed & mask] = last_word;

      if (f < 0x80)
        {
          bytes[0] = f;
          n_bytes = 1;
        }
      else
        n_bytes = g_unichar_to_utf8 (f, (char *) bytes);

      for (guint i = 0; i < n_bytes; i++)
        {
          guint32 next = trans[row + byte_class[bytes[i]]];

          row = next >> 1;
          out = next & 1;
        }

      if (G_UNLIKELY (out))
        {
          guint32 state = row / n_classes;
          guint32 t = self->terminal[state] >= 0 ? state : self->dict[state];
          guint n_dropped;
          gboolean followed = word_follows (p, end, fold, &n_dropped);

          for (; t != 0; t = self->dict[t])
            {
              const Shape *shape = &self->shapes[self->terminal[t]];
              guint64 first = fed + 1 - shape->n_code_points;
              Candidate candidate;

              if (shape->word_end && followed)
                continue;
              if (shape->word_start && ring_after_word[first & mask])
                continue;

              candidate.start = ring_offset[first & mask];
              candidate.proper = FALSE;
              if (shape->proper)
                {
                  /* Back from after this code point to the match's first. */
                  const char *start = (const char *) p;

                  for (gint64 n = offset + 1 - candidate.start; n > 0; n--)
                    start = g_utf8_prev_char (start);
                  candidate.proper = written_as_name (text, start, (const char *) p, (const char *) end);
                  if (shape->all_proper && !candidate.proper)
                    continue;
                }
              candidate.end = offset + 1 + n_dropped;
              candidate.pattern = self->terminal[t];
              g_array_append_val (candidates, candidate);
            }
        }

      last_space = f == ' ';
      last_word = c < 0x80 ? (g_ascii_isalnum (c) || c == '_') : dossier_unichar_is_word (c);
      fed++;
      offset++;
    }

  if (candidates->len == 0)
    return mentions;

  /* Overlapping candidates, longest first. */
  {
    g_autoptr(GArray) kept = g_array_sized_new (FALSE, FALSE, sizeof (Candidate),
                                                candidates->len);
    Candidate *all = (Candidate *) (void *) candidates->data;
    guint first = 0;
    gint64 reach;

    qsort (all, candidates->len, sizeof (Candidate), compare_by_start);
    reach = all[0].end;
    for (guint i = 1; i <= candidates->len; i++)
      {
        if (i == candidates->len || all[i].start >= reach)
          {
            resolve_cluster (all + first, i - first, kept);
            first = i;
            if (i < candidates->len)
              reach = all[i].end;
          }
        else
          reach = MAX (reach, all[i].end);
      }

    for (guint i = 0; i < kept->len; i++)
      {
        const Candidate *k = &g_array_index (kept, Candidate, i);
        const Pattern *pattern = g_ptr_array_index (self->patterns, k->pattern);

        for (guint j = 0; j < pattern->owners->len; j++)
          {
            const Owner *owner = &g_array_index (pattern->owners, Owner, j);
            DossierMention mention = { k->start, k->end, owner->key, owner->alias };

            if (owner->proper && !k->proper)
              continue;
            g_array_append_val (mentions, mention);
          }
      }
  }

  return mentions;
}
