/* SPDX-License-Identifier: GPL-3.0-or-later */
/* extract-score.c — scoring the HTML importer on a corpus of saved pages;
 * see extract-score.h for the sidecar format and what is measured. */

#include "config.h"

#include <string.h>

#include <dossier/dossier-import.h>
#include <dossier/dossier-text.h>

#include "extract-score.h"

static void
extract_score_free (ExtractScore *s)
{
  g_free (s->name);
  g_free (s->expected_title);
  g_free (s->expected_byline);
  g_free (s->title);
  g_free (s->byline);
  g_free (s->text);
  g_free (s->expected_text);
  g_free (s->error);
  g_free (s);
}

void
extract_report_free (ExtractReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->pages);
  g_free (report);
}

/* ---- Comparing ---------------------------------------------------------- */

static gboolean
is_cjk (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_THAI;
}

static gboolean
is_word_char (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return g_unichar_isalnum (c) || type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK;
}

/* NFKC, case-folded. */
static char *
fold (const char *s)
{
  g_autofree char *nfkc = g_utf8_normalize (s != NULL ? s : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (nfkc != NULL ? nfkc : "", -1);
}

/* Words of @text, each CJK character a word of its own, with counts. */
static GHashTable *
count_tokens (const char *text,
              guint      *total)
{
  g_autofree char *folded = fold (text);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *word = g_string_new (NULL);

  *total = 0;
  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean cjk = c != 0 && is_cjk (c);

      if (c != 0 && !cjk && is_word_char (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      for (int pass = 0; pass < 2; pass++)
        {
          if (pass == 1)
            {
              if (!cjk)
                break;
              g_string_append_unichar (word, c);
            }
          if (word->len > 0)
            {
              gpointer n = g_hash_table_lookup (counts, word->str);

              g_hash_table_insert (counts, g_strdup (word->str),
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
              (*total)++;
              g_string_truncate (word, 0);
            }
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  return counts;
}

typedef struct
{
  const char *word;
  int         delta;
} Delta;

static int
compare_deltas (gconstpointer a,
                gconstpointer b)
{
  const Delta *x = a, *y = b;

  if (ABS (x->delta) != ABS (y->delta))
    return ABS (y->delta) - ABS (x->delta);
  return strcmp (x->word, y->word);
}

char *
extract_token_diff (const char *expected,
                    const char *got)
{
  guint n_expected, n_got;
  g_autoptr(GHashTable) want = count_tokens (expected, &n_expected);
  g_autoptr(GHashTable) have = count_tokens (got, &n_got);
  g_autoptr(GArray) deltas = g_array_new (FALSE, FALSE, sizeof (Delta));
  GString *out = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, have);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int d = (int) GPOINTER_TO_UINT (value) -
              (int) GPOINTER_TO_UINT (g_hash_table_lookup (want, key));
      Delta delta = { key, d };

      if (d != 0)
        g_array_append_val (deltas, delta);
    }
  g_hash_table_iter_init (&iter, want);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (have, key))
      {
        Delta delta = { key, -(int) GPOINTER_TO_UINT (value) };

        g_array_append_val (deltas, delta);
      }
  g_array_sort (deltas, compare_deltas);
  for (int sign = 1; sign >= -1; sign -= 2)
    for (guint i = 0; i < deltas->len; i++)
      {
        const Delta *d = &g_array_index (deltas, Delta, i);

        if ((d->delta > 0) != (sign > 0))
          continue;
        g_string_append_printf (out, "%c%s", sign > 0 ? '+' : '-', d->word);
        if (ABS (d->delta) > 1)
          g_string_append_printf (out, "\u00D7%d", ABS (d->delta));
        g_string_append_c (out, ' ');
      }
  return g_string_free (out, FALSE);
}

double
extract_token_f1 (const char *expected,
                  const char *got,
                  double     *precision,
                  double     *recall)
{
  guint n_expected, n_got, overlap = 0;
  g_autoptr(GHashTable) want = count_tokens (expected, &n_expected);
  g_autoptr(GHashTable) have = count_tokens (got, &n_got);
  GHashTableIter iter;
  gpointer key, value;
  double p, r;

  g_hash_table_iter_init (&iter, have);
  while (g_hash_table_iter_next (&iter, &key, &value))
    overlap += MIN (GPOINTER_TO_UINT (value),
                    GPOINTER_TO_UINT (g_hash_table_lookup (want, key)));

  p = n_got > 0 ? (double) overlap / n_got : 0.0;
  r = n_expected > 0 ? (double) overlap / n_expected : 0.0;
  if (precision != NULL)
    *precision = p;
  if (recall != NULL)
    *recall = r;
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

/* Folded, typographic quotes and dashes made plain, white space collapsed,
 * trimmed. */
static char *
plain_title (const char *s)
{
  g_autofree char *folded = fold (s);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0x2032)
        c = '\'';
      else if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB)
        c = '"';
      else if (c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014 || c == 0x2212)
        c = '-';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
extract_title_match (const char *expected,
                     const char *got)
{
  g_autofree char *a = plain_title (expected);
  g_autofree char *b = plain_title (got);

  return strcmp (a, b) == 0;
}

/* The people a byline names, folded to letters and single spaces, sorted. */
static GPtrArray *
byline_names (const char *byline)
{
  static const char *const joins[] = {
    " and ", " & ", " und ", " et ", " y ", " e ", " og ", " و ", " 和 ", " i ",
  };
  g_autofree char *folded = fold (byline);
  g_autofree char *padded = g_strconcat (" ", folded, " ", NULL);
  GString *s = g_string_new (padded);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (joins); i++)
    g_string_replace (s, joins[i], ",", 0);
  parts = g_strsplit_set (s->str, ",;/|", -1);
  g_string_free (s, TRUE);

  for (char **part = parts; *part != NULL; part++)
    {
      g_autofree char *spaced = g_strdup (*part);
      GString *name = g_string_new (NULL);
      gboolean space = FALSE;

      /* CJK and Arabic list separators. */
      for (const char *p = spaced; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == 0x3001 || c == 0x060C || c == 0xFF0C)
            {
              if (name->len > 0)
                g_ptr_array_add (names, g_strdup (name->str));
              g_string_truncate (name, 0);
              space = FALSE;
              continue;
            }
          if (!is_word_char (c))
            {
              space = name->len > 0;
              continue;
            }
          if (space)
            g_string_append_c (name, ' ');
          space = FALSE;
          g_string_append_unichar (name, c);
        }
      if (name->len > 0)
        g_ptr_array_add (names, g_string_free (name, FALSE));
      else
        g_string_free (name, TRUE);
    }
  return names;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
extract_byline_match (const char *expected,
                      const char *got)
{
  g_autoptr(GPtrArray) want = NULL;
  g_autoptr(GPtrArray) have = NULL;

  if (expected == NULL || *expected == '\0')
    return got == NULL || *got == '\0';
  if (got == NULL)
    return FALSE;
  want = byline_names (expected);
  have = byline_names (got);
  g_ptr_array_sort (want, compare_names);
  g_ptr_array_sort (have, compare_names);
  if (want->len != have->len)
    return FALSE;
  for (guint i = 0; i < want->len; i++)
    if (strcmp (g_ptr_array_index (want, i), g_ptr_array_index (have, i)) != 0)
      return FALSE;
  return TRUE;
}

/* ---- Reading the corpus ------------------------------------------------- */

static gboolean
read_expected (const char    *path,
               ExtractScore  *s,
               char         **text,
               GError       **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GString *body = g_string_new (NULL);
  gboolean in_body = FALSE;

  if (!g_file_get_contents (path, &contents, NULL, error))
    {
      g_string_free (body, TRUE);
      return FALSE;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (char **line = lines; *line != NULL; line++)
    {
      if (in_body)
        {
          g_string_append (body, *line);
          g_string_append_c (body, '\n');
        }
      else if (strcmp (*line, "---") == 0)
        in_body = TRUE;
      else if (g_str_has_prefix (*line, "title:"))
        s->expected_title = g_strstrip (g_strdup (*line + 6));
      else if (g_str_has_prefix (*line, "byline:"))
        s->expected_byline = g_strstrip (g_strdup (*line + 7));
      else if (**line != '#' && **line != '\0')
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "%s: unknown header line “%s”", path, *line);
          g_string_free (body, TRUE);
          return FALSE;
        }
    }
  if (!in_body || s->expected_title == NULL || s->expected_byline == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s: needs “title:”, “byline:” and a “---” line before the text", path);
      g_string_free (body, TRUE);
      return FALSE;
    }
  *text = g_string_free (body, FALSE);
  return TRUE;
}

/* The imported text without its title block(s). */
static char *
body_text (const DossierParsedDocument *doc)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const DossierBlock *b = &g_array_index (doc->blocks, DossierBlock, i);
      const char *start, *end;

      if (b->kind == DOSSIER_BLOCK_TITLE)
        continue;
      start = g_utf8_offset_to_pointer (doc->text, b->start);
      end = g_utf8_offset_to_pointer (doc->text, b->end);
      g_string_append_len (out, start, end - start);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static ExtractScore *
score_page (const char  *dir,
            const char  *name,
            GError     **error)
{
  g_autofree char *html_path = g_strconcat (dir, G_DIR_SEPARATOR_S, name, ".html", NULL);
  g_autofree char *expected_path = g_strconcat (dir, G_DIR_SEPARATOR_S, name, ".expected", NULL);
  g_autofree char *expected_text = NULL;
  g_autofree char *html = NULL;
  g_autofree char *hint = g_strconcat (name, ".html", NULL);
  gsize len;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DossierParsedDocument) doc = NULL;
  g_autoptr(GError) import_error = NULL;
  ExtractScore *s = g_new0 (ExtractScore, 1);

  s->name = g_strdup (name);
  if (!read_expected (expected_path, s, &expected_text, error) ||
      !g_file_get_contents (html_path, &html, &len, error))
    {
      extract_score_free (s);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&html), len);
  doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_HTML, hint, &import_error);
  if (doc == NULL)
    {
      s->error = g_strdup (import_error->message);
      return s;
    }

  {
    g_autofree char *got = body_text (doc);

    s->title = g_strdup (doc->title);
    s->byline = g_strdup (doc->author);
    s->n_notes = doc->notes->len;
    s->title_ok = extract_title_match (s->expected_title, s->title);
    s->byline_ok = extract_byline_match (s->expected_byline, s->byline);
    s->f1 = extract_token_f1 (expected_text, got, &s->precision, &s->recall);
    s->text = g_steal_pointer (&got);
    s->expected_text = g_steal_pointer (&expected_text);
  }
  return s;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

ExtractReport *
extract_report_run (const char  *dir,
                    GError     **error)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ExtractReport) report = NULL;
  const char *entry;
  guint titles = 0, bylines = 0;
  double sum = 0;

  if (d == NULL)
    return NULL;
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (entry, ".expected"))
      g_ptr_array_add (names, g_strndup (entry, strlen (entry) - strlen (".expected")));
  if (names->len == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s holds no NAME.expected", dir);
      return NULL;
    }
  g_ptr_array_sort (names, compare_strings);

  report = g_new0 (ExtractReport, 1);
  report->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) extract_score_free);
  report->min_f1 = 1.0;
  for (guint i = 0; i < names->len; i++)
    {
      ExtractScore *s = score_page (dir, g_ptr_array_index (names, i), error);

      if (s == NULL)
        return NULL;
      g_ptr_array_add (report->pages, s);
      titles += s->title_ok;
      bylines += s->byline_ok;
      sum += s->f1;
      if (s->f1 < report->min_f1 || report->min_f1_page == NULL)
        {
          report->min_f1 = MIN (report->min_f1, s->f1);
          report->min_f1_page = s->name;
        }
    }
  report->title_accuracy = (double) titles / names->len;
  report->byline_accuracy = (double) bylines / names->len;
  report->mean_f1 = sum / names->len;
  return g_steal_pointer (&report);
}
