/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-compare-divergences.c — where the documents compared diverge:
 * omissions, stances, figures, shared (wire) copy and placement.
 *
 * Shared copy is found with shingles: every run of eight words is hashed,
 * and a run of consecutive shingles a document shares with an earlier
 * one, 30 words or more, is copy they share. Documents sharing copy are
 * one source when an omission is described ("only one source has it"),
 * never two sources agreeing. Everything is read once per call: the texts,
 * the blocks, every passage behind the rows, the mentions.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "dossier-compare-private.h"

#define SHINGLE_WORDS     8
#define SHARED_MIN_WORDS  30
#define LEDE_SHARE        0.2   /* the first fifth of the text */
#define PASSAGES_PER_DOC  3     /* an omission cites this many per document */
/* A passage's quote, at most (a highlight of a document of one 50 MB
 * paragraph was copied whole into each divergence citing it) */
#define PASSAGE_QUOTE_MAX DOSSIER_TEXT_SHOWN_MAX
/* Figures of one thing one source gives that a divergence lists, at most
 * (a long passage holds thousands); the rest are counted */
#define FIGURES_PER_DOC   5

static const char *const kind_names[] = {
  "omission", "stance", "figures", "shared-copy", "placement",
};

const char *
dossier_divergence_kind_to_string (DossierDivergenceKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

const char *
dossier_divergence_kind_get_label (DossierDivergenceKind kind)
{
  switch (kind)
    {
    case DOSSIER_DIVERGENCE_OMISSION:    return _("Omission");
    case DOSSIER_DIVERGENCE_STANCE:      return _("Stance");
    case DOSSIER_DIVERGENCE_FIGURES:     return _("Figures");
    case DOSSIER_DIVERGENCE_SHARED_COPY: return _("Shared copy");
    case DOSSIER_DIVERGENCE_PLACEMENT:   return _("Placement");
    default: g_return_val_if_reached (NULL);
    }
}

static void
passage_free (gpointer data)
{
  DossierDivergencePassage *p = data;

  g_free (p->quote);
  g_free (p->detail);
  g_free (p);
}

void
dossier_divergence_free (DossierDivergence *divergence)
{
  if (divergence == NULL)
    return;
  g_free (divergence->row_label);
  g_free (divergence->summary);
  g_clear_pointer (&divergence->present, g_array_unref);
  g_clear_pointer (&divergence->absent, g_array_unref);
  g_clear_pointer (&divergence->passages, g_ptr_array_unref);
  g_free (divergence);
}

/* ---- What is read once ------------------------------------------------- */

/* Every MARK_EVERY code points of a text, the byte where it is: a
 * passage's quote is sliced from the mark before it, not counted from the
 * text's start (each of 30 passages deep in 50 MB counted tens of MB). */
#define MARK_EVERY 4096

typedef struct
{
  char     *text;
  GArray   *blocks;     /* of DossierBlock */
  GArray   *figures;    /* of DossierFigure, by start */
  GArray   *mentions;   /* of DossierMention, every stakeholder's */
  guint     group;      /* shared copy: the first column it shares copy with */
  GArray   *marks;      /* of gsize: the byte of code point k × MARK_EVERY */
} Doc;

/* A passage behind a row in a document. */
typedef struct
{
  guint    row;
  guint    column;
  gint64   highlight_id;  /* 0 for a mention's sentence */
  gint64   start;
  gint64   end;
} Entry;

typedef struct
{
  DossierProject *project;
  GArray         *columns;   /* of DossierCompareColumn */
  Doc            *docs;
  GPtrArray      *out;       /* of DossierDivergence */
  GCancellable   *cancellable;
  guint64         work;        /* units done (see worked ()) */
  guint64         next_check;  /* when to look at @cancellable again */
  const char     *step;        /* for the probe: "sort" in sort_checked (), else NULL */
} Diverge;

static DossierDivergeProbe probe;
static gpointer probe_data;

void
dossier_compare_set_diverge_probe (DossierDivergeProbe func,
                                   gpointer            data)
{
  probe = func;
  probe_data = data;
}

/* Whether @dv's caller gave up: looked at between the steps. */
static gboolean
given_up (Diverge  *dv,
          GError  **error)
{
  return g_cancellable_set_error_if_cancelled (dv->cancellable, error);
}

/* Counts @units of work done (a character, a word, a shingle, a mention,
 * a passage…, at most DOSSIER_DIVERGE_CHECK_EVERY at once) and, every
 * DOSSIER_DIVERGE_CHECK_EVERY, whether the caller gave up: inside the long
 * loops, so that leaving the Compare page stops two documents of 50 MB at
 * once, not at the end of the step they are in (seconds). */
static gboolean
worked (Diverge  *dv,
        guint64   units,
        GError  **error)
{
  dv->work += units;
  if (G_UNLIKELY (probe != NULL))
    probe (dv->work, dv->step, probe_data);
  if (dv->work < dv->next_check)
    return FALSE;
  dv->next_check = dv->work + DOSSIER_DIVERGE_CHECK_EVERY;
  return given_up (dv, error);
}

/* Elements sorted whole at once by sort_checked (): some 0.5 ms' worth. */
#define SORT_PIECE 8192

static int
compare_with (gconstpointer a,
              gconstpointer b,
              gpointer      compare)
{
  return ((GCompareFunc) compare) (a, b);
}

/* Sorts @array by @compare, stably, as g_array_sort () does, but counted
 * as work between pieces, so that a cancel stops it: the passages of two
 * documents of 50 MB, a sentence per mention of a stakeholder (70,000 in
 * bench-compare's two, more with more names), were sorted in one step no
 * cancel could stop. Pieces of SORT_PIECE are sorted, then merged in
 * pairs. FALSE if the caller gave up (@array is then in some order). */
static gboolean
sort_checked (Diverge       *dv,
              GArray        *array,
              GCompareFunc   compare,
              GError       **error)
{
  gsize size = g_array_get_element_size (array);
  guint n = array->len;
  char *from = array->data, *to = NULL;
  g_autofree char *spare = NULL;
  gboolean ok = TRUE;

  dv->step = "sort";
  for (guint i = 0; ok && i < n; i += SORT_PIECE)
    {
      guint len = MIN (SORT_PIECE, n - i);

      g_qsort_with_data (from + i * size, (gint) len, size, compare_with, compare);
      ok = !worked (dv, len, error);
    }
  if (ok && n > SORT_PIECE)
    to = spare = g_malloc ((gsize) n * size);
  for (gsize width = SORT_PIECE; ok && width < n; width *= 2)
    {
      for (gsize lo = 0; ok && lo < n; lo += 2 * width)
        {
          gsize mid = MIN (lo + width, n), hi = MIN (lo + 2 * width, n);
          gsize a = lo, b = mid, k = lo;

          while (k < hi)
            {
              /* (the left one first of two equal: stable) */
              if (b == hi || (a < mid && compare (from + a * size, from + b * size) <= 0))
                memcpy (to + k++ * size, from + a++ * size, size);
              else
                memcpy (to + k++ * size, from + b++ * size, size);
              if ((k - lo) % SORT_PIECE == 0 && worked (dv, SORT_PIECE, error))
                {
                  ok = FALSE;
                  break;
                }
            }
        }
      {
        char *t = from;

        from = to;
        to = t;
      }
    }
  if (ok && from != array->data)
    memcpy (array->data, from, (gsize) n * size);
  dv->step = NULL;
  return ok;
}

static void
doc_clear (Doc *d)
{
  g_free (d->text);
  g_clear_pointer (&d->blocks, g_array_unref);
  g_clear_pointer (&d->figures, g_array_unref);
  g_clear_pointer (&d->mentions, g_array_unref);
  g_clear_pointer (&d->marks, g_array_unref);
}

/* Code points [@start, @end) of @d's text, from the mark before @start. */
static char *
doc_slice (const Doc *d,
           gint64     start,
           gint64     end)
{
  gsize mark;
  const char *from;

  start = MAX (start, 0);
  if (end <= start)
    return g_strdup ("");
  mark = MIN ((gsize) (start / MARK_EVERY), d->marks->len - 1);
  from = d->text + g_array_index (d->marks, gsize, mark);
  return dossier_text_slice (from, start - (gint64) mark * MARK_EVERY, end - (gint64) mark * MARK_EVERY);
}

static const DossierCompareColumn *
column_at (Diverge *dv,
           guint    column)
{
  return &g_array_index (dv->columns, DossierCompareColumn, column);
}

/* How a document is named in a summary: its outlet, else its title. */
static const char *
source_name (Diverge *dv,
             guint    column)
{
  const DossierCompareColumn *c = column_at (dv, column);
  return c->outlet != NULL ? c->outlet : c->title;
}

static char *
name_list (Diverge      *dv,
           const guint  *columns,
           guint         n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (s, _(", "));
      /* Translators: a source's name in a list. */
      g_string_append_printf (s, _("“%s”"), source_name (dv, columns[i]));
    }
  return g_string_free (s, FALSE);
}

static DossierDivergence *
divergence_new (DossierDivergenceKind  kind,
                DossierCompareRows     row_kind,
                gint64                 row_id,
                const char            *row_label)
{
  DossierDivergence *d = g_new0 (DossierDivergence, 1);

  d->kind = kind;
  d->row_kind = row_kind;
  d->row_id = row_id;
  d->row_label = g_strdup (row_label != NULL ? row_label : "");
  d->present = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->absent = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->passages = g_ptr_array_new_with_free_func (passage_free);
  return d;
}

static void
add_passage (Diverge           *dv,
             DossierDivergence *d,
             guint              column,
             gint64             highlight_id,
             gint64             start,
             gint64             end,
             const char        *detail)
{
  DossierDivergencePassage *p = g_new0 (DossierDivergencePassage, 1);

  p->document_id = column_at (dv, column)->id;
  p->highlight_id = highlight_id;
  p->start = start;
  p->end = end;
  if (end - start > PASSAGE_QUOTE_MAX)
    {
      g_autofree char *part = g_strstrip (doc_slice (&dv->docs[column], start,
                                                     start + PASSAGE_QUOTE_MAX - 1));

      p->quote = g_strconcat (part, "…", NULL);
    }
  else
    p->quote = g_strstrip (doc_slice (&dv->docs[column], start, end));
  p->detail = g_strdup (detail != NULL ? detail : "");
  g_ptr_array_add (d->passages, p);
}

static void
add_present (Diverge           *dv,
             DossierDivergence *d,
             guint              column)
{
  gint64 id = column_at (dv, column)->id;

  for (guint i = 0; i < d->present->len; i++)
    if (g_array_index (d->present, gint64, i) == id)
      return;
  g_array_append_val (d->present, id);
}

/* ---- Shared copy --------------------------------------------------------- */

typedef struct
{
  guint32 *starts;  /* code points of each word (a text is less than 1 GB) */
  guint32 *ends;
  guint64 *hashes;  /* of each word, then of the shingle it starts */
  guint   n;
} Words;

static void
words_clear (Words *w)
{
  g_free (w->starts);
  g_free (w->ends);
  g_free (w->hashes);
}

/* The words of @doc's text (@length code points) in @w, and its marks:
 * one pass, a character at a time (ASCII without a lookup), counted as
 * work. FALSE if the caller gave up. */
static gboolean
split_words (Diverge  *dv,
             Doc      *doc,
             gint64    length,
             Words    *w,
             GError  **error)
{
  /* (a word is 5 to 6 characters in most languages: few reallocations) */
  gsize cap = MAX (256, (gsize) length / 5);
  gint64 offset = 0;
  gint64 word_start = -1;
  guint64 h = 0;
  guint since = 0;

  w->starts = g_new (guint32, cap);
  w->ends = g_new (guint32, cap);
  w->hashes = g_new (guint64, cap);
  w->n = 0;
  doc->marks = g_array_sized_new (FALSE, FALSE, sizeof (gsize), length / MARK_EVERY + 1);

  for (const char *p = doc->text; ; offset++)
    {
      guchar b = (guchar) *p;
      gunichar c;
      gboolean alnum;

      if (offset % MARK_EVERY == 0)
        {
          gsize at = p - doc->text;

          g_array_append_val (doc->marks, at);
          if (worked (dv, MAX (since, 1), error))
            return FALSE;
          since = 0;
        }
      since++;
      if (b < 0x80)
        {
          c = b;
          alnum = g_ascii_isalnum (b);
        }
      else
        {
          c = g_utf8_get_char (p);
          alnum = g_unichar_isalnum (c);
        }

      if (alnum)
        {
          if (word_start < 0)
            {
              word_start = offset;
              h = G_GUINT64_CONSTANT (14695981039346656037);
            }
          /* (ASCII lowered here, not by a call: a call a character
           * was 4 % of the divergences of 50 MB) */
          h = (h ^ (b < 0x80 ? (gunichar) (b >= 'A' && b <= 'Z' ? b + 32 : b) : g_unichar_tolower (c)))
              * G_GUINT64_CONSTANT (1099511628211);
        }
      else if (word_start >= 0)
        {
          if (w->n == cap)
            {
              cap *= 2;
              w->starts = g_renew (guint32, w->starts, cap);
              w->ends = g_renew (guint32, w->ends, cap);
              w->hashes = g_renew (guint64, w->hashes, cap);
            }
          w->starts[w->n] = (guint32) word_start;
          w->ends[w->n] = (guint32) offset;
          w->hashes[w->n] = h;
          w->n++;
          word_start = -1;
        }
      if (c == 0)
        break;
      p = b < 0x80 ? p + 1 : g_utf8_next_char (p);
    }
  return TRUE;
}

typedef struct
{
  guint first;   /* column where the copy was first seen */
  guint fs, fe;  /* its words there [fs, fe) */
  guint other;
  guint os, oe;
} Run;

/* Where a shingle (a run of SHINGLE_WORDS words, by its hash) was first
 * seen, in one array of open addressing: a GHashTable of them (a key a
 * pointer into another array, a lookup a call, 40 bytes a shingle or
 * more) took most of the divergences of two long documents, and 1 GB
 * for two of 50 MB. A slot is the high half of the shingle's hash and
 * one more than the shingle's number among all the columns' (SLOT_EMPTY:
 * none); its place comes from the whole hash. Empty is all zeros, as the
 * table comes from the system; seen_init () has each of its pages made
 * before the shingles go in, a piece at a time between looks at the
 * cancellable: filled with a mark at once (80 MB at 50 MB: 40 to 140 ms
 * of CPU time), or made as the first shingles reached them at random (60
 * to 270 ms), its pages were a step no cancel could stop.
 *
 * The last column's shingles are looked up, never kept: nothing comes
 * after them to look for them (and one first seen in its own column is no
 * copy shared), so two documents' table holds the first one's alone.
 * Each look is a cache miss in a table of some 100 MB, which one at a
 * time took a quarter of the divergences of two documents of 50 MB: the
 * place of the shingle PREFETCH_AHEAD on is fetched while this one is
 * looked at, so that that many misses are waited for at once. */
typedef guint64 Slot;

#define SLOT_EMPTY 0
#define PREFETCH_AHEAD 16

typedef struct
{
  Slot   *slots;
  gsize   size;     /* 1.5 × the shingles kept, or more */
  guint  *first;    /* per column, the number of its first shingle */
  guint   n_columns;
} Seen;

typedef struct
{
  guint column;
  guint position;
} Occurrence;

/* FALSE if the caller gave up. */
static gboolean
seen_init (Diverge      *dv,
           Seen         *seen,
           const Words  *words,
           guint         n_columns,
           GError      **error)
{
  gsize n = 0;

  seen->first = g_new (guint, n_columns);
  seen->n_columns = n_columns;
  for (guint c = 0; c < n_columns; c++)
    {
      seen->first[c] = (guint) n;
      n += words[c].n;
    }
  /* (all but the last column's) */
  n = n_columns > 0 ? seen->first[n_columns - 1] : 0;
  seen->size = MAX (n + n / 2, 16);
  seen->slots = g_new0 (Slot, seen->size);
  /* (a write a page: the system zeroes it as it makes it) */
  for (gsize i = 0; i < seen->size; i += DOSSIER_DIVERGE_CHECK_EVERY)
    {
      gsize end = MIN (i + DOSSIER_DIVERGE_CHECK_EVERY, seen->size);

      for (gsize k = i; k < end; k += 4096 / sizeof (Slot))
        ((volatile Slot *) seen->slots)[k] = SLOT_EMPTY;
      if (worked (dv, end - i, error))
        return FALSE;
    }
  return TRUE;
}

static void
seen_clear (Seen *seen)
{
  g_clear_pointer (&seen->slots, g_free);
  g_clear_pointer (&seen->first, g_free);
}

/* Where in @seen's slots a shingle of @hash goes, or is. */
static inline gsize
seen_place (const Seen *seen,
            guint64     hash)
{
  guint64 mixed = hash * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  /* (the high 32 bits of the mix, scaled to the size: no division) */
  return (gsize) (((mixed >> 32) * (guint64) seen->size) >> 32);
}

/* The hash of @w's shingle @i (its words [i, i + SHINGLE_WORDS)), in
 * place of its first word's, whose own is read no more once the shingles
 * before it have theirs; its place in @seen fetched ahead of its look. */
static inline void
shingle_hash (const Seen *seen,
              Words      *w,
              guint       i)
{
  guint64 h = 0;

  for (guint k = 0; k < SHINGLE_WORDS; k++)
    h = (h ^ w->hashes[i + k]) * G_GUINT64_CONSTANT (0x100000001b3) + k;
  w->hashes[i] = h;
#ifdef __GNUC__
  __builtin_prefetch (&seen->slots[seen_place (seen, h)]);
#endif
}

/* Where @hash was first seen (in *@o), TRUE; else FALSE, and, if @keep,
 * it is kept as seen now, at @position of @column. */
static gboolean
seen_lookup_or_add (Seen       *seen,
                    guint64     hash,
                    guint       column,
                    guint       position,
                    gboolean    keep,
                    Occurrence *o)
{
  gsize i = seen_place (seen, hash);
  guint64 tag = hash & G_GUINT64_CONSTANT (0xFFFFFFFF00000000);

  for (; seen->slots[i] != SLOT_EMPTY; i = i + 1 < seen->size ? i + 1 : 0)
    if ((seen->slots[i] & G_GUINT64_CONSTANT (0xFFFFFFFF00000000)) == tag)
      {
        guint number = (guint) (seen->slots[i] & 0xFFFFFFFF) - 1;
        guint c = seen->n_columns - 1;

        while (seen->first[c] > number)
          c--;
        o->column = c;
        o->position = number - seen->first[c];
        return TRUE;
      }
  if (keep)
    seen->slots[i] = tag | (seen->first[column] + position + 1);
  return FALSE;
}

/* The root of @i's set in a union-find forest (@parent[root] == root),
 * halving the path on the way. */
static guint
find_root (guint *parent,
           guint  i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const Run *x = a, *y = b;

  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  if (x->fs != y->fs)
    return x->fs < y->fs ? -1 : 1;
  if (x->other != y->other)
    return x->other < y->other ? -1 : 1;
  return x->os < y->os ? -1 : (x->os > y->os);
}

static gboolean
find_shared_copy (Diverge  *dv,
                  GError  **error)
{
  guint n_columns = dv->columns->len;
  g_autofree Words *words = g_new0 (Words, n_columns);
  Seen seen = { NULL, 0, NULL, 0 };
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autofree guint *parent = g_new (guint, n_columns);
  /* Per earlier column: the run in progress with the current document. */
  g_autofree gint64 *run_start = g_new (gint64, n_columns);
  g_autofree gint64 *run_last = g_new (gint64, n_columns);
  g_autofree gint64 *run_first_start = g_new (gint64, n_columns);
  g_autofree gint64 *run_first_last = g_new (gint64, n_columns);
  gboolean ok = TRUE;

  for (guint c = 0; ok && c < n_columns; c++)
    {
      parent[c] = c;
      ok = split_words (dv, &dv->docs[c], column_at (dv, c)->length, &words[c], error);
    }
  if (ok)
    ok = seen_init (dv, &seen, words, n_columns, error);

  for (guint c = 0; ok && c < n_columns; c++)
    {
      Words *w = &words[c];
      guint n_shingles = w->n >= SHINGLE_WORDS ? w->n - SHINGLE_WORDS + 1 : 0;

      for (guint e = 0; e < n_columns; e++)
        run_start[e] = -1;

      for (guint i = 0; i < MIN (n_shingles, PREFETCH_AHEAD); i++)
        shingle_hash (&seen, w, i);
      for (guint i = 0; i <= n_shingles; i++)
        {
          Occurrence first_seen, *o = NULL;

          if ((i & 0xFFF) == 0 && worked (dv, MIN (n_shingles - i, 0x1000) + 1, error))
            {
              ok = FALSE;
              break;
            }
          if (i < n_shingles)
            {
              if (i + PREFETCH_AHEAD < n_shingles)
                shingle_hash (&seen, w, i + PREFETCH_AHEAD);
              if (seen_lookup_or_add (&seen, w->hashes[i], c, i, c + 1 < n_columns, &first_seen))
                o = &first_seen;
            }

          /* End the runs this shingle does not continue. */
          for (guint e = 0; e < c; e++)
            {
              gboolean continues = o != NULL && o->column == e && run_start[e] >= 0 &&
                                   run_last[e] == (gint64) i - 1 &&
                                   run_first_last[e] == (gint64) o->position - 1;

              if (continues)
                {
                  run_last[e] = i;
                  run_first_last[e] = o->position;
                  continue;
                }
              if (run_start[e] >= 0 &&
                  run_last[e] - run_start[e] + SHINGLE_WORDS >= SHARED_MIN_WORDS)
                {
                  Run r = { e, (guint) run_first_start[e],
                            (guint) run_first_last[e] + SHINGLE_WORDS,
                            c, (guint) run_start[e], (guint) run_last[e] + SHINGLE_WORDS };

                  g_array_append_val (runs, r);
                  parent[find_root (parent, c)] = find_root (parent, e);
                }
              run_start[e] = -1;
              if (o != NULL && o->column == e)
                {
                  run_start[e] = run_last[e] = i;
                  run_first_start[e] = run_first_last[e] = o->position;
                }
            }
        }
    }

  seen_clear (&seen);
  if (!ok)
    {
      for (guint c = 0; c < n_columns; c++)
        words_clear (&words[c]);
      return FALSE;
    }

  for (guint c = 0; c < n_columns; c++)
    dv->docs[c].group = find_root (parent, c);

  /* Runs over the same words of the document that had them first are one
   * piece of copy shared by several. */
  if (!sort_checked (dv, runs, compare_runs, error))
    {
      for (guint c = 0; c < n_columns; c++)
        words_clear (&words[c]);
      return FALSE;
    }
  for (guint i = 0; i < runs->len; )
    {
      const Run *r = &g_array_index (runs, Run, i);
      guint first = r->first, fs = r->fs, fe = r->fe;
      guint j, longest = 0;
      DossierDivergence *d;
      g_autofree char *names = NULL;
      g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));

      for (j = i; j < runs->len; j++)
        {
          const Run *q = &g_array_index (runs, Run, j);

          if (q->first != first || q->fs >= fe)
            break;
          fe = MAX (fe, q->fe);
        }

      d = divergence_new (DOSSIER_DIVERGENCE_SHARED_COPY, DOSSIER_COMPARE_TAGS, 0, NULL);
      g_array_append_val (members, first);
      add_present (dv, d, first);
      add_passage (dv, d, first, 0, words[first].starts[fs], words[first].ends[fe - 1], "");
      for (guint k = i; k < j; k++)
        {
          const Run *q = &g_array_index (runs, Run, k);

          add_present (dv, d, q->other);
          add_passage (dv, d, q->other, 0, words[q->other].starts[q->os],
                       words[q->other].ends[q->oe - 1], "");
          longest = MAX (longest, q->oe - q->os);
          {
            guint m;

            /* Kept in column order, each once. */
            for (m = 0; m < members->len && g_array_index (members, guint, m) < q->other; m++)
              ;
            if (m == members->len || g_array_index (members, guint, m) != q->other)
              g_array_insert_val (members, m, q->other);
          }
        }
      names = name_list (dv, (guint *) (void *) members->data, members->len);
      d->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u word appears word for word in %s: "
                                                 "one source, not agreement",
                                                 "%u words appear word for word in %s: "
                                                 "one source, not agreement",
                                                 longest),
                                    longest, names);
      g_ptr_array_add (dv->out, d);
      i = j;
    }

  for (guint c = 0; c < n_columns; c++)
    words_clear (&words[c]);
  return TRUE;
}

/* ---- Rows and their passages --------------------------------------------- */

typedef struct
{
  DossierCompareRows rows_kind;
  GArray            *rows;      /* of DossierCompareRow */
  GArray            *entries;   /* of Entry, by row, column, start */
} RowSet;

static void
collect_entry (gint64    highlight_id,
               guint     row,
               guint     column,
               gint64    start,
               gint64    end,
               gpointer  user_data)
{
  Entry e = { row, column, highlight_id, start, end };
  g_array_append_val ((GArray *) user_data, e);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->highlight_id != y->highlight_id)
    return x->highlight_id < y->highlight_id ? -1 : 1;
  return 0;
}

static gboolean
collect_rows (Diverge             *dv,
              DossierCompareRows   kind,
              RowSet              *set,
              GError             **error)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(GHashTable) row_index = NULL;
  g_autoptr(GHashTable) column_index = NULL;

  options.rows = kind;
  set->rows_kind = kind;
  set->rows = dossier_compare_rows_new (dv->project, &options, error);
  if (set->rows == NULL)
    return FALSE;
  set->entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  row_index = dossier_compare_rows_index (set->rows);
  column_index = dossier_compare_columns_index (dv->columns);
  if (!dossier_compare_scan (dv->project, &options, row_index, column_index,
                             collect_entry, set->entries, error))
    return FALSE;

  /* A stakeholder is also where its name is: the sentence around it. */
  if (kind == DOSSIER_COMPARE_STAKEHOLDERS)
    for (guint c = 0; c < dv->columns->len; c++)
      {
        Doc *doc = &dv->docs[c];
        DossierTextPlace place = { NULL, 0 };

        if (given_up (dv, error))
          return FALSE;
        for (guint i = 0; i < doc->mentions->len; i++)
          {
            const DossierMention *m = &g_array_index (doc->mentions, DossierMention, i);
            guint row = GPOINTER_TO_UINT (g_hash_table_lookup (row_index, &m->key));
            Entry e = { row - 1, c, 0, 0, 0 };
            gint64 from = place.p != NULL ? place.offset : 0;

            if (row == 0)
              continue;
            dossier_compare_sentence (doc->text, column_at (dv, c)->length, doc->blocks, &place,
                                      m->start, m->end, &e.start, &e.end);
            g_array_append_val (set->entries, e);
            /* (the characters walked to it and over its sentence) */
            if (worked (dv, MIN (ABS (place.offset - from) + (e.end - e.start) + 1,
                                 DOSSIER_DIVERGE_CHECK_EVERY), error))
              return FALSE;
          }
      }

  return sort_checked (dv, set->entries, compare_entries, error);
}

static void
row_set_clear (RowSet *set)
{
  g_clear_pointer (&set->rows, g_array_unref);
  g_clear_pointer (&set->entries, g_array_unref);
}

/* The entries of row @row: [*first, *last). */
static void
row_entries (RowSet *set,
             guint   row,
             guint  *first,
             guint  *last)
{
  guint lo = 0, hi = set->entries->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (set->entries, Entry, mid).row < row)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo;
  while (lo < set->entries->len && g_array_index (set->entries, Entry, lo).row == row)
    lo++;
  *last = lo;
}

static const DossierCompareRow *
row_at (RowSet *set,
        guint   row)
{
  return &g_array_index (set->rows, DossierCompareRow, row);
}

/* The rows below @row in the tree: [row + 1, *end). */
static guint
subtree_end (RowSet *set,
             guint   row)
{
  guint end = row + 1;

  if (set->rows_kind != DOSSIER_COMPARE_TAGS)
    return end;
  while (end < set->rows->len && row_at (set, end)->depth > row_at (set, row)->depth)
    end++;
  return end;
}

/* ---- Omissions -------------------------------------------------------------- */

static void
presence (RowSet   *set,
          guint     row,
          guint     n_columns,
          gboolean *present)
{
  guint end = subtree_end (set, row);

  memset (present, 0, n_columns * sizeof (gboolean));
  for (guint r = row; r < end; r++)
    {
      guint first, last;

      row_entries (set, r, &first, &last);
      for (guint i = first; i < last; i++)
        present[g_array_index (set->entries, Entry, i).column] = TRUE;
    }
}

/* Whether entry @i, among the entries [@lo, @hi) behind a row (and its
 * sub-tags), is a passage listed by another of them in its document: the
 * same highlight again (tagged with a tag and its sub-tag), the same
 * sentence again (a name said twice in it), or a mention's sentence that
 * overlaps a highlight (a stakeholder's evidence where the stakeholder is
 * named), which the highlight lists. */
static gboolean
listed_otherwise (RowSet *set,
                  guint   lo,
                  guint   hi,
                  guint   i)
{
  const Entry *e = &g_array_index (set->entries, Entry, i);

  for (guint k = lo; k < hi; k++)
    {
      const Entry *o = &g_array_index (set->entries, Entry, k);

      if (k == i || o->column != e->column)
        continue;
      if (k < i && o->highlight_id == e->highlight_id
          && (e->highlight_id != 0 || (o->start == e->start && o->end == e->end)))
        return TRUE;
      if (e->highlight_id == 0 && o->highlight_id != 0 && o->start < e->end && e->start < o->end)
        return TRUE;
    }
  return FALSE;
}

static gboolean
find_omissions (Diverge  *dv,
                RowSet   *set,
                GError  **error)
{
  guint n_columns = dv->columns->len;
  g_autofree gboolean *present = g_new (gboolean, n_columns);
  g_autofree gboolean *child = g_new (gboolean, n_columns);
  g_autofree guint *in = g_new (guint, n_columns);
  g_autofree guint *out = g_new (guint, n_columns);
  g_autofree gboolean *read = g_new (gboolean, n_columns);

  /* A document with no passage behind any tag (or argument) has not been
   * read for them yet: it leaves nothing out. Stakeholders are also where
   * their names are, which every text is searched for. */
  for (guint c = 0; c < n_columns; c++)
    read[c] = set->rows_kind == DOSSIER_COMPARE_STAKEHOLDERS;
  for (guint i = 0; i < set->entries->len; i++)
    read[g_array_index (set->entries, Entry, i).column] = TRUE;

  for (guint r = 0; r < set->rows->len; r++)
    {
      const DossierCompareRow *row = row_at (set, r);
      guint end = subtree_end (set, r);
      guint n_in = 0, n_out = 0;
      gboolean explained = FALSE;
      DossierDivergence *d;
      g_autofree char *in_names = NULL;
      g_autofree char *out_names = NULL;
      g_autofree guint *cited = NULL;

      if (worked (dv, 1, error))
        return FALSE;
      presence (set, r, n_columns, present);
      for (guint c = 0; c < n_columns; c++)
        {
          if (present[c])
            in[n_in++] = c;
          else if (read[c])
            out[n_out++] = c;
        }
      if (n_in == 0 || n_out == 0)
        continue;

      /* A sub-tag present in exactly the same documents says it better. */
      for (guint s = r + 1; s < end && !explained; s++)
        if (row_at (set, s)->parent == (int) r)
          {
            presence (set, s, n_columns, child);
            explained = memcmp (child, present, n_columns * sizeof (gboolean)) == 0;
          }
      if (explained)
        continue;

      d = divergence_new (DOSSIER_DIVERGENCE_OMISSION, set->rows_kind, row->id, row->label);
      for (guint i = 0; i < n_in; i++)
        add_present (dv, d, in[i]);
      for (guint i = 0; i < n_out; i++)
        {
          gint64 id = column_at (dv, out[i])->id;
          g_array_append_val (d->absent, id);
        }

      /* Its first passages in each document that has it, each once. The
       * entries behind the row and its sub-tags follow each other. */
      cited = g_new0 (guint, n_columns);
      {
        guint lo, hi, unused;

        row_entries (set, r, &lo, &unused);
        row_entries (set, end - 1, &unused, &hi);
        for (guint i = lo; i < hi; i++)
          {
            const Entry *e = &g_array_index (set->entries, Entry, i);

            if (worked (dv, cited[e->column] < PASSAGES_PER_DOC ? MIN (hi - lo, DOSSIER_DIVERGE_CHECK_EVERY) : 1,
                        error))
              {
                dossier_divergence_free (d);
                return FALSE;
              }
            if (cited[e->column] < PASSAGES_PER_DOC && !listed_otherwise (set, lo, hi, i))
              {
                cited[e->column]++;
                add_passage (dv, d, e->column, e->highlight_id, e->start, e->end, "");
              }
          }
      }

      in_names = name_list (dv, in, n_in);
      out_names = name_list (dv, out, n_out);
      if (n_in == 1)
        d->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Only %s has “%s”; %s does not",
                                                   "Only %s has “%s”; %s do not", n_out),
                                      in_names, row->label, out_names);
      else
        {
          gboolean one_source = TRUE;

          for (guint i = 1; i < n_in; i++)
            one_source = one_source && dv->docs[in[i]].group == dv->docs[in[0]].group;
          if (one_source)
            d->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Only one source has “%s”: %s share copy; %s does not",
                                                       "Only one source has “%s”: %s share copy; %s do not",
                                                       n_out),
                                          row->label, in_names, out_names);
          else
            d->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%s have “%s”; %s does not",
                                                       "%s have “%s”; %s do not", n_out),
                                          in_names, row->label, out_names);
        }
      g_ptr_array_add (dv->out, d);
    }
  return TRUE;
}

/* ---- Stances ----------------------------------------------------------------- */

static gboolean
find_stances (Diverge  *dv,
              RowSet   *set,
              GError  **error)
{
  g_autoptr(GHashTable) column_index = dossier_compare_columns_index (dv->columns);

  for (guint r = 0; r < set->rows->len; r++)
    {
      const DossierCompareRow *row = row_at (set, r);
      g_autoptr(GArray) stances = NULL;
      g_autoptr(GPtrArray) evidence = NULL;
      g_autoptr(GString) list = NULL;
      int lo = G_MAXINT, hi = G_MININT;
      guint n = 0;
      DossierDivergence *d;

      if (worked (dv, 1, error))
        return FALSE;
      stances = dossier_project_list_stakeholder_stances (dv->project, row->id, error);
      if (stances == NULL)
        return FALSE;
      for (guint i = 0; i < stances->len; i++)
        {
          const DossierSourceStance *s = &g_array_index (stances, DossierSourceStance, i);

          if (!g_hash_table_contains (column_index, &s->document_id))
            continue;
          lo = MIN (lo, s->position);
          hi = MAX (hi, s->position);
          n++;
        }
      if (n < 2 || lo == hi)
        continue;

      d = divergence_new (DOSSIER_DIVERGENCE_STANCE, DOSSIER_COMPARE_STAKEHOLDERS,
                          row->id, row->label);
      list = g_string_new (NULL);
      for (guint c = 0; c < dv->columns->len; c++)
        for (guint i = 0; i < stances->len; i++)
          {
            const DossierSourceStance *s = &g_array_index (stances, DossierSourceStance, i);

            if (s->document_id != column_at (dv, c)->id)
              continue;
            add_present (dv, d, c);
            if (list->len > 0)
              g_string_append (list, _("; "));
            /* Translators: a source and what it reports, e.g. "“The Herald”: against". */
            g_string_append_printf (list, _("“%s”: %s"), source_name (dv, c),
                                    dossier_stance_get_label (s->position));
          }

      evidence = dossier_project_list_stakeholder_evidence (dv->project, row->id, error);
      if (evidence == NULL)
        {
          dossier_divergence_free (d);
          return FALSE;
        }
      for (guint c = 0; c < dv->columns->len; c++)
        for (guint i = 0; i < evidence->len; i++)
          {
            DossierEvidence *e = g_ptr_array_index (evidence, i);

            if (e->role != DOSSIER_EVIDENCE_STANCE ||
                dossier_highlight_get_orphaned (e->highlight) ||
                dossier_highlight_get_document_id (e->highlight) != column_at (dv, c)->id)
              continue;
            add_passage (dv, d, c, dossier_highlight_get_id (e->highlight),
                         dossier_highlight_get_start (e->highlight),
                         dossier_highlight_get_end (e->highlight),
                         dossier_stance_get_label (e->stance_position));
          }

      d->summary = g_strdup_printf (_("Sources differ on the stance of “%s”: %s"),
                                    row->label, list->str);
      g_ptr_array_add (dv->out, d);
    }
  return TRUE;
}

/* ---- Figures ------------------------------------------------------------------ */

typedef struct
{
  guint          column;
  const Entry   *entry;
  const DossierFigure *figure;
} Found;

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *x = a, *y = b;
  int u = strcmp (x->figure->unit, y->figure->unit);

  if (u != 0)
    return u;
  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return x->figure->start < y->figure->start ? -1 : (x->figure->start > y->figure->start);
}

static gboolean
same_value (double a,
            double b)
{
  return fabs (a - b) <= 1e-9 * MAX (fabs (a), fabs (b));
}

/* Two figures that can both be right: equal, or ranges that overlap ("12
 * to 18 minutes" allows "15 minutes"). */
static gboolean
consistent (const DossierFigure *a,
            const DossierFigure *b)
{
  return same_value (a->value, b->value) ||
         ((a->value < b->high || same_value (a->value, b->high)) &&
          (b->value < a->high || same_value (b->value, a->high)));
}

static int
compare_found_values (gconstpointer a,
                      gconstpointer b)
{
  const Found *x = *(const Found * const *) a, *y = *(const Found * const *) b;

  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return x->figure->value < y->figure->value ? -1 : (x->figure->value > y->figure->value);
}

/* Whether some figure of @a (@n_a of them) and some of @b, each sorted by
 * value, are consistent: in one sweep by value, each figure is checked
 * against the one of the other side, come before it, that reaches
 * highest; two that overlap are found when the later one comes. */
static gboolean
any_consistent (const Found * const *a,
                guint                n_a,
                const Found * const *b,
                guint                n_b)
{
  const DossierFigure *reach_a = NULL, *reach_b = NULL;
  guint i = 0, j = 0;

  while (i < n_a || j < n_b)
    {
      if (j >= n_b || (i < n_a && a[i]->figure->value <= b[j]->figure->value))
        {
          const DossierFigure *x = a[i++]->figure;

          if (reach_b != NULL && consistent (reach_b, x))
            return TRUE;
          if (reach_a == NULL || x->high > reach_a->high)
            reach_a = x;
        }
      else
        {
          const DossierFigure *y = b[j++]->figure;

          if (reach_a != NULL && consistent (reach_a, y))
            return TRUE;
          if (reach_b == NULL || y->high > reach_b->high)
            reach_b = y;
        }
    }
  return FALSE;
}

/* Two columns whose values for one thing have none in common. Each pair
 * of columns is swept once by value (all pairs of figures, compared one
 * by one, took hours for the thousands one long passage holds). */
static gboolean
disagree (const Found * const *found,
          guint                n)
{
  g_autofree const Found **sorted = g_memdup2 (found, n * sizeof *found);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint));   /* each column's first */

  qsort (sorted, n, sizeof *sorted, compare_found_values);
  for (guint k = 0; k < n; k++)
    if (k == 0 || sorted[k]->column != sorted[k - 1]->column)
      g_array_append_val (runs, k);
  g_array_append_val (runs, n);

  for (guint r = 0; r + 1 < runs->len; r++)
    for (guint q = r + 1; q + 1 < runs->len; q++)
      {
        guint ra = g_array_index (runs, guint, r), rb = g_array_index (runs, guint, q);
        guint na = g_array_index (runs, guint, r + 1) - ra, nb = g_array_index (runs, guint, q + 1) - rb;

        if (!any_consistent (sorted + ra, na, sorted + rb, nb))
          return TRUE;
      }
  return FALSE;
}

/* One divergence for @cluster (figures of one unit about one thing, by
 * column then place), if its sources disagree. */
static void
report_figures (Diverge           *dv,
                RowSet            *set,
                guint              r,
                const Found *const *cluster,
                guint              n)
{
  const DossierCompareRow *row = row_at (set, r);
  DossierDivergence *d;
  g_autoptr(GString) list = NULL;

  if (n < 2 || !disagree (cluster, n))
    return;

  d = divergence_new (DOSSIER_DIVERGENCE_FIGURES, set->rows_kind, row->id, row->label);
  list = g_string_new (NULL);
  for (guint k = 0, in_column = 0; k < n; k++)
    {
      const Found *x = cluster[k];
      g_autofree char *literal = NULL;
      gboolean new_column = k == 0 || cluster[k - 1]->column != x->column;

      in_column = new_column ? 1 : in_column + 1;
      if (in_column > FIGURES_PER_DOC)
        {
          guint more = 1;

          /* The rest of this source's, counted. */
          while (k + 1 < n && cluster[k + 1]->column == x->column)
            {
              k++;
              more++;
            }
          /* TRANSLATORS: ends a source's list of figures in a divergence
           * ("“Gazette”: £1 million, £2 million … and 12 more") */
          g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, " … and %u more", " … and %u more", more),
                                  more);
          continue;
        }
      literal = doc_slice (&dv->docs[x->column], x->figure->start, x->figure->end);
      add_present (dv, d, x->column);
      add_passage (dv, d, x->column, x->entry->highlight_id, x->entry->start,
                   x->entry->end, literal);
      if (new_column)
        {
          if (list->len > 0)
            g_string_append (list, _("; "));
          g_string_append_printf (list, _("“%s”: %s"), source_name (dv, x->column), literal);
        }
      else
        g_string_append_printf (list, _(", %s"), literal);
    }
  d->summary = g_strdup_printf (_("Figures for “%s” differ: %s"), row->label, list->str);
  g_ptr_array_add (dv->out, d);
}

static gboolean
find_row_figures (Diverge  *dv,
                  RowSet   *set,
                  guint     r,
                  GError  **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) levels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) changes = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *first_with[2] = { levels, changes };   /* context word → first figure with it */
  guint first, last;

  row_entries (set, r, &first, &last);
  for (guint i = first; i < last; i++)
    {
      const Entry *e = &g_array_index (set->entries, Entry, i);
      GArray *figures = dv->docs[e->column].figures;
      guint lo = 0, hi = figures->len;

      if (worked (dv, 1, error))
        return FALSE;
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (figures, DossierFigure, mid).start < e->start)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (; lo < figures->len; lo++)
        {
          const DossierFigure *f = &g_array_index (figures, DossierFigure, lo);
          Found x = { e->column, e, f };

          if (f->end > e->end)
            break;
          if (worked (dv, 1, error))
            return FALSE;
          /* A figure in both a highlight and a mention's sentence is one;
           * one that says nothing of what it counts is compared with none. */
          if (f->context[0] == NULL || g_hash_table_contains (seen, (gpointer) f))
            continue;
          g_hash_table_add (seen, (gpointer) f);
          g_array_append_val (found, x);
        }
    }
  if (found->len < 2)
    return TRUE;

  if (!sort_checked (dv, found, compare_found, error))
    return FALSE;
  for (guint i = 0; i < found->len; )
    {
      const Found *f = &g_array_index (found, Found, i);
      guint j = i, n;
      g_autofree guint *parent = NULL;
      g_autofree guint *root = NULL;
      g_autofree guint *next = NULL;
      g_autofree const Found **cluster = NULL;

      while (j < found->len && strcmp (g_array_index (found, Found, j).figure->unit, f->figure->unit) == 0)
        j++;
      n = j - i;

      /* Figures of one unit that share a context word, directly or
       * through another, describe one thing (both levels or both
       * changes: a detour's minutes are not a trip's). Each figure is
       * joined to the first one with each of its words: a long passage
       * holds thousands, and all their pairs took hours. */
      parent = g_new (guint, n);
      for (guint a = 0; a < n; a++)
        parent[a] = a;
      g_hash_table_remove_all (first_with[0]);
      g_hash_table_remove_all (first_with[1]);
      for (guint a = 0; a < n; a++)
        {
          GHashTable *firsts = first_with[f[a].figure->change ? 1 : 0];

          if ((a & 0xFFF) == 0 && worked (dv, MIN (n - a, 0x1000), error))
            return FALSE;

          for (char **x = f[a].figure->context; *x != NULL; x++)
            {
              gpointer b;

              if (g_hash_table_lookup_extended (firsts, *x, NULL, &b))
                {
                  guint ra = find_root (parent, a), rb = find_root (parent, GPOINTER_TO_UINT (b));

                  parent[MAX (ra, rb)] = MIN (ra, rb);
                }
              else
                g_hash_table_insert (firsts, *x, GUINT_TO_POINTER (a));
            }
        }

      /* Each thing in the order its first figure comes (its root: the
       * least index joins), its figures in column and text order. */
      root = g_new (guint, n);
      next = g_new (guint, n + 1);   /* where each root's figures go */
      cluster = g_new (const Found *, n);
      memset (next, 0, (n + 1) * sizeof *next);
      for (guint a = 0; a < n; a++)
        {
          root[a] = find_root (parent, a);
          next[root[a] + 1]++;
        }
      for (guint a = 0; a < n; a++)
        next[a + 1] += next[a];
      for (guint a = 0; a < n; a++)
        cluster[next[root[a]]++] = &f[a];
      for (guint a = 0, from = 0; a < n; a++)
        if (root[a] == a)
          {
            /* (next[a] is now where a's figures end) */
            report_figures (dv, set, r, cluster + from, next[a] - from);
            from = next[a];
          }
      i = j;
    }
  return TRUE;
}

/* ---- Placement ------------------------------------------------------------------- */

static gboolean
find_placement (Diverge  *dv,
                RowSet   *set,
                guint     r,
                GError  **error)
{
  const DossierCompareRow *row = row_at (set, r);
  guint n_columns = dv->columns->len;
  g_autofree gint64 *first_start = g_new (gint64, n_columns);
  g_autofree guint *lede = g_new (guint, n_columns);
  g_autofree guint *later = g_new (guint, n_columns);
  g_autofree char *lede_names = NULL;
  g_autofree char *later_names = NULL;
  guint n_lede = 0, n_later = 0;
  guint first, last;
  DossierDivergence *d;

  for (guint c = 0; c < n_columns; c++)
    first_start[c] = -1;
  row_entries (set, r, &first, &last);
  if (worked (dv, MIN (last - first + 1, DOSSIER_DIVERGE_CHECK_EVERY), error))
    return FALSE;
  for (guint i = first; i < last; i++)
    {
      const Entry *e = &g_array_index (set->entries, Entry, i);

      if (first_start[e->column] < 0 || e->start < first_start[e->column])
        first_start[e->column] = e->start;
    }
  for (guint c = 0; c < n_columns; c++)
    {
      gint64 length = column_at (dv, c)->length;

      if (first_start[c] < 0 || length <= 0)
        continue;
      if ((double) first_start[c] < LEDE_SHARE * (double) length)
        lede[n_lede++] = c;
      else
        later[n_later++] = c;
    }
  if (n_lede == 0 || n_later == 0)
    return TRUE;

  d = divergence_new (DOSSIER_DIVERGENCE_PLACEMENT, set->rows_kind, row->id, row->label);
  for (guint c = 0; c < n_columns; c++)
    {
      if (first_start[c] < 0)
        continue;
      add_present (dv, d, c);
      for (guint i = first; i < last; i++)
        {
          const Entry *e = &g_array_index (set->entries, Entry, i);
          gboolean in_lede = (double) first_start[c] < LEDE_SHARE * (double) column_at (dv, c)->length;

          if (e->column == c && e->start == first_start[c])
            {
              /* Translators: where a source first raises something. */
              add_passage (dv, d, c, e->highlight_id, e->start, e->end,
                           in_lede ? _("lede") : _("later"));
              break;
            }
        }
    }
  lede_names = name_list (dv, lede, n_lede);
  later_names = name_list (dv, later, n_later);
  d->summary = g_strdup_printf (_("“%s” is in the lede of %s but comes later in %s"),
                                row->label, lede_names, later_names);
  g_ptr_array_add (dv->out, d);
  return TRUE;
}

/* ---- All of it -------------------------------------------------------------------- */

/* What reading a text and finding its figures tell of their work (bytes,
 * characters): counted with the rest, and whether to go on. */
typedef struct
{
  Diverge  *dv;
  GError  **error;
} ReadWork;

static gboolean
read_worked (guint64  units,
             gpointer data)
{
  ReadWork *w = data;

  return !worked (w->dv, units, w->error);
}

static gboolean
read_documents (Diverge  *dv,
                GError  **error)
{
  for (guint c = 0; c < dv->columns->len; c++)
    {
      Doc *doc = &dv->docs[c];
      gint64 id = column_at (dv, c)->id;
      ReadWork work = { dv, error };
      gint64 length = 0;

      /* (a piece at a time: bytes are units of work too) */
      doc->text = dossier_project_read_text_checked (dv->project, id, read_worked, &work, &length, error);
      if (doc->text == NULL || given_up (dv, error))
        return FALSE;
      doc->blocks = dossier_project_read_blocks (dv->project, id, length, error);
      if (doc->blocks == NULL)
        return FALSE;
      /* (in the text read, a piece at a time: characters are units too) */
      doc->mentions = dossier_project_find_mentions_checked (dv->project, doc->text, read_worked, &work,
                                                             error);
      if (doc->mentions == NULL || given_up (dv, error))
        return FALSE;
      doc->figures = dossier_find_figures_checked (doc->text, read_worked, &work);
      if (doc->figures == NULL)
        return FALSE;
      /* The text's own length (the recorded one is the project file's
       * word), as its read counted it. */
      g_array_index (dv->columns, DossierCompareColumn, c).length = length;
    }
  return TRUE;
}

static GPtrArray *
compute_divergences (DossierProject  *self,
                     const gint64    *document_ids,
                     guint            n_documents,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_autoptr(GArray) columns = NULL;
  g_autoptr(GPtrArray) shared = NULL;
  g_autoptr(GPtrArray) out = NULL;
  RowSet sets[3] = { { 0 } };
  Diverge dv = { 0 };
  gboolean ok = TRUE;

  /* (from the file: a worker has not loaded the documents) */
  columns = dossier_compare_columns_new (self, document_ids, n_documents, 2, TRUE, error);
  if (columns == NULL)
    return NULL;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_divergence_free);
  shared = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_divergence_free);
  dv.project = self;
  dv.columns = columns;
  dv.docs = g_new0 (Doc, columns->len);
  dv.cancellable = cancellable;

  if (!read_documents (&dv, error) || given_up (&dv, error))
    ok = FALSE;

  /* Shared copy first: omissions need to know who shares copy. */
  if (ok)
    {
      dv.out = shared;
      ok = find_shared_copy (&dv, error);
      dv.out = out;
    }

  for (guint k = 0; ok && k < G_N_ELEMENTS (sets); k++)
    ok = !given_up (&dv, error) && collect_rows (&dv, (DossierCompareRows) k, &sets[k], error);

  for (guint k = 0; ok && k < G_N_ELEMENTS (sets); k++)
    ok = find_omissions (&dv, &sets[k], error);
  if (ok)
    ok = !given_up (&dv, error) && find_stances (&dv, &sets[DOSSIER_COMPARE_STAKEHOLDERS], error);
  for (guint k = 0; ok && k < G_N_ELEMENTS (sets); k++)
    for (guint r = 0; ok && r < sets[k].rows->len; r++)
      ok = find_row_figures (&dv, &sets[k], r, error);
  if (ok)
    g_ptr_array_extend_and_steal (out, g_steal_pointer (&shared));
  for (guint k = 0; ok && k < G_N_ELEMENTS (sets); k++)
    for (guint r = 0; ok && r < sets[k].rows->len; r++)
      ok = find_placement (&dv, &sets[k], r, error);

  for (guint k = 0; k < G_N_ELEMENTS (sets); k++)
    row_set_clear (&sets[k]);
  for (guint c = 0; c < columns->len; c++)
    doc_clear (&dv.docs[c]);
  g_free (dv.docs);

  return ok ? g_steal_pointer (&out) : NULL;
}

GPtrArray *
dossier_project_compare_divergences (DossierProject  *self,
                                     const gint64    *document_ids,
                                     guint            n_documents,
                                     GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);
  g_return_val_if_fail (document_ids != NULL || n_documents == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return compute_divergences (self, document_ids, n_documents, NULL, error);
}

/* ---- In a thread ---------------------------------------------------------------- */

static void
diverge_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  DossierCompareTaskData *data = task_data;
  GError *error = NULL;
  GPtrArray *divergences = NULL;

  /* A worker reads no models when it opens; the comparison goes by the
   * codebook, the stakeholders and the arguments. Not by the documents'
   * list: it reads each length after its text, the overflow pages of
   * three of 50 MB walked in 0.1 s that no cancel interrupts, and the
   * documents compared are read from the file. Given up first if the
   * page was left while the worker opened. */
  if (!g_cancellable_set_error_if_cancelled (cancellable, &error) &&
      dossier_project_load_tags (data->worker, NULL, &error) &&
      dossier_project_load_analysis (data->worker, &error))
    divergences = compute_divergences (data->worker, (const gint64 *) (void *) data->document_ids->data,
                                       data->document_ids->len, cancellable, &error);

  /* The worker's connection closes in this thread, which used it. */
  dossier_project_close (data->worker);
  g_clear_object (&data->worker);

  if (divergences != NULL)
    g_task_return_pointer (task, divergences, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

void
dossier_project_compare_divergences_async (DossierProject      *self,
                                           const gint64        *document_ids,
                                           guint                n_documents,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DossierCompareTaskData *data;

  g_return_if_fail (DOSSIER_IS_PROJECT (self));
  g_return_if_fail (document_ids != NULL || n_documents == 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_project_compare_divergences_async);

  data = g_new0 (DossierCompareTaskData, 1);
  data->document_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_documents);
  g_array_append_vals (data->document_ids, document_ids, n_documents);
  g_task_set_task_data (task, data, (GDestroyNotify) dossier_compare_task_data_free);

  dossier_project_start_worker (self, task, &data->worker, diverge_thread);
}

GPtrArray *
dossier_project_compare_divergences_finish (DossierProject  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GArray *
dossier_divergences_shown (GPtrArray *divergences,
                           guint      per_kind,
                           guint     *n_hidden)
{
  guint listed[DOSSIER_DIVERGENCE_N_KINDS] = { 0 };
  GArray *shown;

  g_return_val_if_fail (divergences != NULL, NULL);

  shown = g_array_new (FALSE, FALSE, sizeof (guint));
  if (n_hidden != NULL)
    memset (n_hidden, 0, DOSSIER_DIVERGENCE_N_KINDS * sizeof (guint));
  for (guint i = 0; i < divergences->len; i++)
    {
      const DossierDivergence *d = g_ptr_array_index (divergences, i);
      guint kind = MIN ((guint) d->kind, DOSSIER_DIVERGENCE_N_KINDS - 1);

      if (listed[kind] < per_kind)
        {
          listed[kind]++;
          g_array_append_val (shown, i);
        }
      else if (n_hidden != NULL)
        n_hidden[kind]++;
    }
  return shown;
}
