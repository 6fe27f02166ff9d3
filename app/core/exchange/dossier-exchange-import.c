/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-exchange-import.c — bringing another tool's work into a project:
 * the import report, what the readers produce (codes, sources, selections),
 * writing that into the project as one action, and the entry points that
 * pick a reader by the file's kind and run it in a worker thread.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>
#include <dossier/dossier-text.h>

#include "dossier-exchange-private.h"
#include "dossier-project-private.h"

/* ---- The report ---------------------------------------------------------- */

typedef struct
{
  DossierImportItemKind  kind;
  char                  *what;
  char                  *why;
} Item;

struct _DossierImportReport
{
  gatomicrefcount  ref;
  char            *file_name;
  char            *format;
  guint            counts[DOSSIER_IMPORT_N_COUNTS];
  GArray          *items;       /* of Item */
  GArray          *documents;   /* gint64 */
};

G_DEFINE_BOXED_TYPE (DossierImportReport, dossier_import_report,
                     dossier_import_report_ref, dossier_import_report_unref)

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->what);
  g_free (item->why);
}

DossierImportReport *
dossier_import_report_new (const char *file_name,
                           const char *format)
{
  DossierImportReport *report = g_new0 (DossierImportReport, 1);

  g_atomic_ref_count_init (&report->ref);
  report->file_name = g_strdup (file_name);
  report->format = g_strdup (format);
  report->items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_array_set_clear_func (report->items, item_clear);
  report->documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  return report;
}

DossierImportReport *
dossier_import_report_ref (DossierImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  g_atomic_ref_count_inc (&report->ref);
  return report;
}

void
dossier_import_report_unref (DossierImportReport *report)
{
  g_return_if_fail (report != NULL);

  if (!g_atomic_ref_count_dec (&report->ref))
    return;

  g_free (report->file_name);
  g_free (report->format);
  g_array_unref (report->items);
  g_array_unref (report->documents);
  g_free (report);
}

void
dossier_import_report_add (DossierImportReport   *report,
                           DossierImportItemKind  kind,
                           const char            *what,
                           const char            *why,
                           ...)
{
  Item item = { kind, g_strdup (what), NULL };
  va_list args;

  va_start (args, why);
  item.why = g_strdup_vprintf (why, args);
  va_end (args);
  g_array_append_val (report->items, item);
}

void
dossier_import_report_count (DossierImportReport *report,
                             DossierImportCount   what,
                             guint                n)
{
  g_return_if_fail (what < DOSSIER_IMPORT_N_COUNTS);

  report->counts[what] += n;
}

const char *
dossier_import_report_get_file_name (DossierImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return report->file_name;
}

const char *
dossier_import_report_get_format (DossierImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return report->format;
}

guint
dossier_import_report_get_count (DossierImportReport *report,
                                 DossierImportCount   what)
{
  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (what < DOSSIER_IMPORT_N_COUNTS, 0);

  return report->counts[what];
}

guint
dossier_import_report_get_n_items (DossierImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->items->len;
}

DossierImportItemKind
dossier_import_report_get_item (DossierImportReport  *report,
                                guint                 index,
                                const char          **what,
                                const char          **why)
{
  const Item *item;

  g_return_val_if_fail (report != NULL, DOSSIER_IMPORT_ITEM_SKIPPED);
  g_return_val_if_fail (index < report->items->len, DOSSIER_IMPORT_ITEM_SKIPPED);

  item = &g_array_index (report->items, Item, index);
  if (what != NULL)
    *what = item->what;
  if (why != NULL)
    *why = item->why;
  return item->kind;
}

const GArray *
dossier_import_report_get_documents (DossierImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return report->documents;
}

char *
dossier_import_report_describe_counts (DossierImportReport *report)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint *c;

  g_return_val_if_fail (report != NULL, NULL);

  c = report->counts;

  if (c[DOSSIER_IMPORT_COUNT_DOCUMENTS] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                                          c[DOSSIER_IMPORT_COUNT_DOCUMENTS]),
                                             c[DOSSIER_IMPORT_COUNT_DOCUMENTS]));
  if (c[DOSSIER_IMPORT_COUNT_TAGS] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new tag", "%u new tags",
                                                          c[DOSSIER_IMPORT_COUNT_TAGS]),
                                             c[DOSSIER_IMPORT_COUNT_TAGS]));
  if (c[DOSSIER_IMPORT_COUNT_TAGS_MERGED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u code already in the codebook",
                                                          "%u codes already in the codebook",
                                                          c[DOSSIER_IMPORT_COUNT_TAGS_MERGED]),
                                             c[DOSSIER_IMPORT_COUNT_TAGS_MERGED]));
  if (c[DOSSIER_IMPORT_COUNT_HIGHLIGHTS] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u highlight", "%u highlights",
                                                          c[DOSSIER_IMPORT_COUNT_HIGHLIGHTS]),
                                             c[DOSSIER_IMPORT_COUNT_HIGHLIGHTS]));
  if (c[DOSSIER_IMPORT_COUNT_MEMOS] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u with a memo", "%u with memos",
                                                          c[DOSSIER_IMPORT_COUNT_MEMOS]),
                                             c[DOSSIER_IMPORT_COUNT_MEMOS]));
  if (c[DOSSIER_IMPORT_COUNT_AUTHORS] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "by %u coder", "by %u coders",
                                                          c[DOSSIER_IMPORT_COUNT_AUTHORS]),
                                             c[DOSSIER_IMPORT_COUNT_AUTHORS]));
  if (c[DOSSIER_IMPORT_COUNT_STAKEHOLDERS] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u stakeholder", "%u stakeholders",
                                                          c[DOSSIER_IMPORT_COUNT_STAKEHOLDERS]),
                                             c[DOSSIER_IMPORT_COUNT_STAKEHOLDERS]));
  if (c[DOSSIER_IMPORT_COUNT_QUESTIONS] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u question", "%u questions",
                                                          c[DOSSIER_IMPORT_COUNT_QUESTIONS]),
                                             c[DOSSIER_IMPORT_COUNT_QUESTIONS]));
  if (c[DOSSIER_IMPORT_COUNT_ARGUMENTS] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u argument", "%u arguments",
                                                          c[DOSSIER_IMPORT_COUNT_ARGUMENTS]),
                                             c[DOSSIER_IMPORT_COUNT_ARGUMENTS]));
  if (c[DOSSIER_IMPORT_COUNT_NOTES] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes",
                                                          c[DOSSIER_IMPORT_COUNT_NOTES]),
                                             c[DOSSIER_IMPORT_COUNT_NOTES]));

  if (parts->len == 0)
    g_string_append (out, _("nothing"));
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, g_ptr_array_index (parts, i));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
dossier_import_report_to_text (DossierImportReport *report)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *counts = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  /* Translators: "Imported “study.qdpx” (REFI-QDA project):" */
  g_string_append_printf (out, _("Imported “%s” (%s):"), report->file_name, report->format);
  g_string_append_c (out, '\n');
  counts = dossier_import_report_describe_counts (report);
  g_string_append_printf (out, "  %s\n", counts);

  for (int pass = 0; pass < 2; pass++)
    {
      DossierImportItemKind kind = pass == 0 ? DOSSIER_IMPORT_ITEM_CHANGED : DOSSIER_IMPORT_ITEM_SKIPPED;
      gboolean heading = FALSE;

      for (guint i = 0; i < report->items->len; i++)
        {
          const Item *item = &g_array_index (report->items, Item, i);

          if (item->kind != kind)
            continue;
          if (!heading)
            {
              g_string_append (out, kind == DOSSIER_IMPORT_ITEM_CHANGED ?
                               _("Changed on the way:") : _("Not imported:"));
              g_string_append_c (out, '\n');
              heading = TRUE;
            }
          g_string_append_printf (out, "  - %s: %s\n", item->what, item->why);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- What the readers produce -------------------------------------------- */

static void
code_free (gpointer data)
{
  DossierExchangeCode *code = data;

  g_free (code->guid);
  g_free (code->name);
  g_free (code->color);
  g_free (code->description);
  g_free (code);
}

static void
selection_clear (gpointer data)
{
  DossierExchangeSelection *sel = data;

  g_free (sel->guid);
  g_free (sel->memo);
  g_free (sel->author);
  g_free (sel->created);
  g_free (sel->modified);
  g_free (sel->highlight_uuid);
  g_clear_pointer (&sel->codes, g_array_unref);
}

static void
evidence_clear (gpointer data)
{
  g_free (((DossierExchangeEvidence *) data)->note);
}

static GArray *
evidence_new (void)
{
  GArray *evidence = g_array_new (FALSE, TRUE, sizeof (DossierExchangeEvidence));

  g_array_set_clear_func (evidence, evidence_clear);
  return evidence;
}

static void
stakeholder_free (gpointer data)
{
  DossierExchangeStakeholder *s = data;

  g_free (s->guid);
  g_free (s->name);
  g_strfreev (s->aliases);
  g_free (s->description);
  g_free (s->stance);
  g_free (s->interests);
  g_free (s->color);
  g_array_unref (s->evidence);
  g_free (s);
}

static void
question_free (gpointer data)
{
  DossierExchangeQuestion *q = data;

  g_free (q->guid);
  g_free (q->text);
  g_free (q);
}

static void
argument_free (gpointer data)
{
  DossierExchangeArgument *a = data;

  g_free (a->guid);
  g_free (a->statement);
  g_array_unref (a->evidence);
  g_free (a);
}

static void
briefing_free (gpointer data)
{
  DossierExchangeBriefing *b = data;

  g_free (b->guid);
  g_free (b->title);
  g_free (b->body);
  g_free (b->created);
  g_free (b->modified);
  g_ptr_array_unref (b->documents);
  g_free (b);
}

static void
source_free (gpointer data)
{
  DossierExchangeSource *source = data;

  g_free (source->guid);
  g_free (source->text_hash);
  g_free (source->label);
  g_free (source->imported);
  g_clear_pointer (&source->doc, dossier_parsed_document_free);
  g_array_unref (source->selections);
  g_free (source);
}

DossierExchangeData *
dossier_exchange_data_new (const char *file_name,
                           const char *format)
{
  DossierExchangeData *data = g_new0 (DossierExchangeData, 1);

  data->codes = g_ptr_array_new_with_free_func (code_free);
  data->code_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data->sources = g_ptr_array_new_with_free_func (source_free);
  data->report = dossier_import_report_new (file_name, format);
  data->uncoded = -1;
  data->stakeholders = g_ptr_array_new_with_free_func (stakeholder_free);
  data->questions = g_ptr_array_new_with_free_func (question_free);
  data->arguments = g_ptr_array_new_with_free_func (argument_free);
  data->briefings = g_ptr_array_new_with_free_func (briefing_free);
  return data;
}

void
dossier_exchange_data_free (DossierExchangeData *data)
{
  if (data == NULL)
    return;

  /* Entities refer to sources: they go first. */
  g_ptr_array_unref (data->stakeholders);
  g_ptr_array_unref (data->arguments);
  g_ptr_array_unref (data->questions);
  g_ptr_array_unref (data->briefings);
  g_ptr_array_unref (data->codes);
  g_hash_table_unref (data->code_names);
  g_ptr_array_unref (data->sources);
  dossier_import_report_unref (data->report);
  g_free (data);
}

/* A code's name as a tag's: NFC, without controls (tabs and line breaks
 * as spaces), stripped, "/" (the path separator) replaced, and at most
 * @max_chars characters: a longer one ends in "…" (*@shortened). */
static char *
tag_name (const char *name,
          gsize       max_chars,
          gboolean   *changed,
          gboolean   *shortened)
{
  g_autofree char *normalized = NULL;
  g_autofree char *nfc = NULL;
  g_autofree char *head = NULL;
  const char *space;
  GString *out;

  *changed = FALSE;
  *shortened = FALSE;
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;

  normalized = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  nfc = g_strstrip (dossier_text_without_controls (normalized, FALSE));
  *changed = strcmp (nfc, g_strstrip (normalized)) != 0;
  if (nfc[0] == '\0')
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = nfc; *p != '\0'; p++)
    {
      if (*p == '/')
        {
          /* U+2215 DIVISION SLASH looks the same. */
          g_string_append (out, "\u2215");
          *changed = TRUE;
        }
      else
        g_string_append_c (out, *p);
    }
  if ((gsize) g_utf8_strlen (out->str, -1) <= max_chars)
    return g_string_free (out, FALSE);

  /* Cut after a word if one ends not far back. */
  *shortened = TRUE;
  head = dossier_text_slice (out->str, 0, max_chars - 1);
  g_string_free (out, TRUE);
  space = strrchr (head, ' ');
  if (space != NULL && space > head && g_utf8_strlen (space, -1) <= 20)
    head[space - head] = '\0';
  return g_strconcat (g_strchomp (head), "…", NULL);
}

/* The key of a code's name among its siblings in code_names. */
static char *
code_name_key (int         parent,
               const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return g_strdup_printf ("%d/%s", parent, folded);
}

int
dossier_exchange_data_add_code (DossierExchangeData *data,
                                const char          *guid,
                                const char          *name,
                                const char          *color,
                                const char          *description,
                                int                  parent)
{
  DossierExchangeCode *code = g_new0 (DossierExchangeCode, 1);
  gboolean changed = FALSE;
  gboolean shortened = FALSE;
  g_autofree char *clean = tag_name (name, DOSSIER_TAG_MAX_NAME, &changed, &shortened);
  g_autofree char *key = NULL;
  g_autofree char *named = NULL;
  gboolean unnamed = clean == NULL;

  if (unnamed)
    {
      clean = g_strdup (_("Unnamed code"));
      changed = TRUE;
    }

  /* Siblings in the same import with the same name (other tools allow
   * it; a codebook tree here does not) get a number: "Other (2)",
   * "Other (3)"…, within the longest name a tag may have. A name never
   * holds "/", so the key is unambiguous. */
  key = code_name_key (parent, clean);
  if (g_hash_table_contains (data->code_names, key))
    {
      g_autofree char *base = g_steal_pointer (&clean);
      guint suffix = 1;

      do
        {
          g_autofree char *number = g_strdup_printf (" (%u)", ++suffix);
          g_autofree char *head = dossier_text_slice (base, 0, DOSSIER_TAG_MAX_NAME -
                                                                 g_utf8_strlen (number, -1));

          g_free (clean);
          g_free (key);
          clean = g_strconcat (head, number, NULL);
          key = code_name_key (parent, clean);
        }
      while (g_hash_table_contains (data->code_names, key));
      changed = TRUE;
    }
  g_hash_table_add (data->code_names, g_steal_pointer (&key));

  /* The report names the code as the other tool did (the start of a
   * name too long to list), or says it had no name. */
  if (name != NULL && g_utf8_validate (name, -1, NULL))
    named = dossier_text_shorten (name, DOSSIER_TAG_MAX_NAME);
  if (unnamed && (name == NULL || named != NULL))
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_CHANGED, _("A code without a name"),
                               _("named “%s” (a tag needs a name)"), clean);
  else if (shortened)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_CHANGED, named,
                               _("shortened to “%s” (a tag name is at most %d characters long)"),
                               clean, DOSSIER_TAG_MAX_NAME);
  else if (changed)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_CHANGED,
                               named != NULL ? named : "?",
                               _("renamed to “%s” (tag names are unique among siblings and hold "
                                 "no “/” or line breaks)"), clean);

  code->guid = dossier_exchange_guid_normalize (guid);
  code->name = g_steal_pointer (&clean);
  code->color = dossier_exchange_color (color);
  code->description = dossier_text_from_elsewhere (description != NULL ? description : "", TRUE);
  code->parent = parent;
  g_ptr_array_add (data->codes, code);
  return (int) data->codes->len - 1;
}

int
dossier_exchange_data_uncoded (DossierExchangeData *data)
{
  if (data->uncoded < 0)
    data->uncoded = dossier_exchange_data_add_code (data, NULL, _("Imported without a code"),
                                                    "#9a9996",
                                                    _("Selections that came without a code from "
                                                      "another tool (often memos)."), -1);
  return data->uncoded;
}

DossierExchangeSource *
dossier_exchange_data_add_source (DossierExchangeData *data)
{
  DossierExchangeSource *source = g_new0 (DossierExchangeSource, 1);

  source->selections = g_array_new (FALSE, TRUE, sizeof (DossierExchangeSelection));
  g_array_set_clear_func (source->selections, selection_clear);
  g_ptr_array_add (data->sources, source);
  return source;
}

DossierExchangeStakeholder *
dossier_exchange_data_add_stakeholder (DossierExchangeData *data)
{
  DossierExchangeStakeholder *s = g_new0 (DossierExchangeStakeholder, 1);

  s->aliases = g_new0 (char *, 1);
  s->kind = DOSSIER_STAKEHOLDER_OTHER;
  s->description = g_strdup ("");
  s->stance = g_strdup ("");
  s->interests = g_strdup ("");
  s->stance_position = DOSSIER_STANCE_UNKNOWN;
  s->power = 3;
  s->interest = 3;
  s->evidence = evidence_new ();
  g_ptr_array_add (data->stakeholders, s);
  return s;
}

DossierExchangeQuestion *
dossier_exchange_data_add_question (DossierExchangeData *data)
{
  DossierExchangeQuestion *q = g_new0 (DossierExchangeQuestion, 1);

  q->text = g_strdup ("");
  g_ptr_array_add (data->questions, q);
  return q;
}

DossierExchangeArgument *
dossier_exchange_data_add_argument (DossierExchangeData *data)
{
  DossierExchangeArgument *a = g_new0 (DossierExchangeArgument, 1);

  a->question = -1;
  a->polarity = DOSSIER_POLARITY_PRO;
  a->statement = g_strdup ("");
  a->stakeholder = -1;
  a->strength = DOSSIER_STRENGTH_DEFAULT;
  a->evidence = evidence_new ();
  g_ptr_array_add (data->arguments, a);
  return a;
}

DossierExchangeBriefing *
dossier_exchange_data_add_briefing (DossierExchangeData *data)
{
  DossierExchangeBriefing *b = g_new0 (DossierExchangeBriefing, 1);

  b->title = g_strdup ("");
  b->body = g_strdup ("");
  b->documents = g_ptr_array_new ();
  g_ptr_array_add (data->briefings, b);
  return b;
}

void
dossier_exchange_evidence_add (GArray                *evidence,
                               DossierExchangeSource *source,
                               guint                  index,
                               const char            *note,
                               DossierEvidenceRole    role,
                               int                    stance_position)
{
  DossierExchangeEvidence e = { source, index, g_strdup (note != NULL ? note : ""), role,
                                role == DOSSIER_EVIDENCE_STANCE ? stance_position : DOSSIER_STANCE_UNKNOWN };

  /* Cited once per owner. */
  for (guint i = 0; i < evidence->len; i++)
    {
      DossierExchangeEvidence *other = &g_array_index (evidence, DossierExchangeEvidence, i);

      if (other->source == source && other->index == index)
        {
          g_free (e.note);
          return;
        }
    }
  g_array_index (source->selections, DossierExchangeSelection, index).evidence = TRUE;
  g_array_append_val (evidence, e);
}

DossierExchangeSelection *
dossier_exchange_source_add_selection (DossierExchangeSource *source)
{
  g_array_set_size (source->selections, source->selections->len + 1);
  return &g_array_index (source->selections, DossierExchangeSelection, source->selections->len - 1);
}

char *
dossier_exchange_color (const char *color)
{
  g_autofree char *s = NULL;
  gsize len;

  if (color == NULL)
    return NULL;
  s = g_strstrip (g_ascii_strdown (color, -1));
  len = strlen (s);
  if ((len != 4 && len != 7) || s[0] != '#')
    return NULL;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isxdigit (s[i]))
      return NULL;
  if (len == 4)
    return g_strdup_printf ("#%c%c%c%c%c%c", s[1], s[1], s[2], s[2], s[3], s[3]);
  return g_steal_pointer (&s);
}

char *
dossier_exchange_datetime (const char *value)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) in_utc = NULL;

  if (value == NULL || value[0] == '\0')
    return NULL;

  /* Already as Dossier writes it (every Dossier export): no parsing. */
  if (strlen (value) == 20 && value[4] == '-' && value[7] == '-' && value[10] == 'T' &&
      value[13] == ':' && value[16] == ':' && value[19] == 'Z' &&
      g_ascii_isdigit (value[0]) && g_ascii_isdigit (value[3]) && g_ascii_isdigit (value[5]) &&
      g_ascii_isdigit (value[6]) && g_ascii_isdigit (value[8]) && g_ascii_isdigit (value[9]) &&
      g_ascii_isdigit (value[11]) && g_ascii_isdigit (value[12]) && g_ascii_isdigit (value[14]) &&
      g_ascii_isdigit (value[15]) && g_ascii_isdigit (value[17]) && g_ascii_isdigit (value[18]) &&
      value[5] <= '1' && value[8] <= '3' && value[11] <= '2' && value[14] <= '5' && value[17] <= '6')
    return g_strdup (value);

  /* Without an offset it is read as UTC (the tools' habit). */
  dt = g_date_time_new_from_iso8601 (value, utc);
  if (dt == NULL)
    return NULL;
  in_utc = g_date_time_to_utc (dt);
  return g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* ---- Writing into the project -------------------------------------------- */

typedef struct
{
  gint64  parent;
  char   *folded;
} TagKey;

static guint
tag_key_hash (gconstpointer key)
{
  const TagKey *k = key;

  return g_str_hash (k->folded) ^ (guint) k->parent ^ (guint) (k->parent >> 32);
}

static gboolean
tag_key_equal (gconstpointer a,
               gconstpointer b)
{
  const TagKey *x = a, *y = b;

  return x->parent == y->parent && strcmp (x->folded, y->folded) == 0;
}

static void
tag_key_free (gpointer data)
{
  TagKey *key = data;

  g_free (key->folded);
  g_free (key);
}

typedef struct
{
  DossierProject     *project;
  GHashTable         *tags;        /* TagKey → gint64 id */
  GHashTable         *n_children;  /* gint64 parent → guint children */
  GHashTable         *authors;     /* names seen */
  GHashTable         *touched_tags;/* gint64 ids whose counts change */
  gint64              last_highlight_id;  /* the highest given, or that the project gave */
  DossierPaletteUses  palette;     /* the tags' colours, the new codes' included */
} Writer;

static gboolean
load_tags (Writer  *w,
           GError **error)
{
  g_auto(DossierStmt) stmt = dossier_project_prepare (w->project,
                                                      "SELECT id, coalesce (parent, 0), name FROM tags",
                                                      error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = dossier_project_step (w->project, stmt, error)) == SQLITE_ROW)
    {
      TagKey *key = g_new (TagKey, 1);
      gint64 *id = g_new (gint64, 1);
      gint64 *parent = g_new (gint64, 1);
      guint n;

      *id = sqlite3_column_int64 (stmt, 0);
      key->parent = sqlite3_column_int64 (stmt, 1);
      key->folded = g_utf8_casefold (dossier_column_text (stmt, 2), -1);
      *parent = key->parent;
      /* Two siblings of one name (a file edited by hand): 0, neither.
       * (The table keeps its key and frees this one.) */
      if (g_hash_table_contains (w->tags, key))
        *id = 0;
      g_hash_table_insert (w->tags, key, id);

      n = GPOINTER_TO_UINT (g_hash_table_lookup (w->n_children, parent));
      g_hash_table_insert (w->n_children, parent, GUINT_TO_POINTER (n + 1));
    }

  return rc == SQLITE_DONE;
}

/* Whether @uuid is free in @table: imported GUIDs are kept as the
 * entities' UUIDs unless the project has them already. */
static gboolean
uuid_free (DossierProject  *project,
           const char      *sql,
           const char      *uuid,
           gboolean        *is_free,
           GError         **error)
{
  g_auto(DossierStmt) stmt = NULL;
  int rc;

  *is_free = FALSE;
  if (uuid == NULL)
    return TRUE;

  stmt = dossier_project_prepare (project, sql, error);
  if (stmt == NULL)
    return FALSE;
  dossier_bind_text (stmt, 1, uuid);
  rc = dossier_project_step (project, stmt, error);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return FALSE;
  *is_free = rc == SQLITE_DONE;
  return TRUE;
}

/* Which codes are written: all, or those a selection uses and their
 * parents. */
static gboolean *
codes_to_write (DossierExchangeData *data)
{
  gboolean *wanted = g_new0 (gboolean, data->codes->len + 1);

  for (guint i = 0; i < data->codes->len; i++)
    wanted[i] = !data->only_used_codes;
  if (!data->only_used_codes)
    return wanted;

  for (guint s = 0; s < data->sources->len; s++)
    {
      DossierExchangeSource *source = g_ptr_array_index (data->sources, s);

      for (guint i = 0; i < source->selections->len; i++)
        {
          DossierExchangeSelection *sel = &g_array_index (source->selections, DossierExchangeSelection, i);

          for (guint k = 0; k < sel->codes->len; k++)
            for (int c = g_array_index (sel->codes, int, k); c >= 0 && !wanted[c];
                 c = ((DossierExchangeCode *) g_ptr_array_index (data->codes, c))->parent)
              wanted[c] = TRUE;
        }
    }
  return wanted;
}

static gboolean
write_codes (Writer               *w,
             DossierExchangeData  *data,
             GError              **error)
{
  g_autofree gboolean *wanted = codes_to_write (data);

  /* Counted once: a query of all tags for each new code made an import
   * of 5,000 codes quadratic (8 s). */
  if (!dossier_project_count_tag_colors (w->project, &w->palette, error))
    return FALSE;

  for (guint i = 0; i < data->codes->len; i++)
    {
      DossierExchangeCode *code = g_ptr_array_index (data->codes, i);
      DossierExchangeCode *parent = code->parent >= 0 ? g_ptr_array_index (data->codes, code->parent) : NULL;
      TagKey key = { parent != NULL ? parent->tag_id : 0, g_utf8_casefold (code->name, -1) };
      gint64 *existing = g_hash_table_lookup (w->tags, &key);
      g_auto(DossierStmt) stmt = NULL;
      g_autofree char *uuid = NULL;
      const char *color;
      gboolean is_free;
      guint n;

      if (!wanted[i])
        {
          g_free (key.folded);
          continue;
        }
      if (existing != NULL && *existing == 0)
        {
          g_autofree char *tags = dossier_project_list_tags_named (w->project, key.parent,
                                                                   code->name);

          g_free (key.folded);
          g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_AMBIGUOUS,
                       _("The import’s tag “%s” could go into any of the project’s tags %s, "
                         "which have the same name in the same place. Rename all but one of "
                         "them in Dossier’s codebook, then import again."),
                       code->name, tags);
          return FALSE;
        }
      if (existing != NULL)
        {
          code->tag_id = *existing;
          g_free (key.folded);
          dossier_import_report_count (data->report, DOSSIER_IMPORT_COUNT_TAGS_MERGED, 1);
          continue;
        }

      if (!uuid_free (w->project, "SELECT 1 FROM tags WHERE uuid = ?1", code->guid, &is_free, error))
        {
          g_free (key.folded);
          return FALSE;
        }
      uuid = is_free ? g_strdup (code->guid) : g_uuid_string_random ();
      if (code->color != NULL)
        {
          color = code->color;
          dossier_palette_uses_add (&w->palette, color);
        }
      else
        color = dossier_palette_uses_take (&w->palette);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (w->n_children, &key.parent));

      stmt = dossier_project_prepare (w->project,
                                      "INSERT INTO tags (uuid, name, parent, color, description, position) "
                                      "VALUES (?1, ?2, nullif (?3, 0), ?4, ?5, ?6)",
                                      error);
      if (stmt == NULL)
        {
          g_free (key.folded);
          return FALSE;
        }
      dossier_bind_text (stmt, 1, uuid);
      dossier_bind_text (stmt, 2, code->name);
      sqlite3_bind_int64 (stmt, 3, key.parent);
      dossier_bind_text (stmt, 4, color);
      dossier_bind_text (stmt, 5, code->description);
      sqlite3_bind_int (stmt, 6, (int) n);
      code->tag_id = dossier_project_insert_new_row (w->project, DOSSIER_ROW_TAG, stmt, error);
      if (code->tag_id == 0)
        {
          g_free (key.folded);
          return FALSE;
        }
      {
        TagKey *stored = g_new (TagKey, 1);
        gint64 *id = g_new (gint64, 1);
        gint64 *parent_key = g_new (gint64, 1);

        *stored = key;
        *id = code->tag_id;
        *parent_key = key.parent;
        g_hash_table_insert (w->tags, stored, id);
        g_hash_table_insert (w->n_children, parent_key, GUINT_TO_POINTER (n + 1));
      }
      dossier_import_report_count (data->report, DOSSIER_IMPORT_COUNT_TAGS, 1);
    }

  dossier_project_touch_table (w->project, "tags");
  return TRUE;
}

/* Highlights and their tags go in 64 rows to a statement: a statement has
 * a cost of its own (a statement journal, the guard's trace), which a
 * 100,000-highlight import would otherwise pay 200,000 times. Their ids
 * are given, the next the project would give (AUTOINCREMENT: above any it
 * ever gave), so none has to be read back (RETURNING). */
#define BATCH 64
#define HL_ROW "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define HL_ROWS_4 HL_ROW ", " HL_ROW ", " HL_ROW ", " HL_ROW
#define HL_ROWS_16 HL_ROWS_4 ", " HL_ROWS_4 ", " HL_ROWS_4 ", " HL_ROWS_4
#define HL_INSERT "INSERT INTO highlights (id, uuid, document, start, end, quote, prefix, suffix, " \
                  "  memo, author, created, modified) VALUES "
#define TAG_ROW "(?, ?, ?)"
#define TAG_ROWS_4 TAG_ROW ", " TAG_ROW ", " TAG_ROW ", " TAG_ROW
#define TAG_ROWS_16 TAG_ROWS_4 ", " TAG_ROWS_4 ", " TAG_ROWS_4 ", " TAG_ROWS_4
#define TAG_INSERT "INSERT OR IGNORE INTO highlight_tags (highlight, tag, position) VALUES "

G_STATIC_ASSERT (BATCH * 12 < 999);  /* the connection's SQLITE_LIMIT_VARIABLE_NUMBER */

typedef struct
{
  char *uuid;
  char *quote;
  char *prefix;
  char *suffix;
} RowText;

static gboolean
load_last_highlight_id (Writer  *w,
                        GError **error)
{
  g_auto(DossierStmt) stmt =
    dossier_project_prepare (w->project,
                             "SELECT max (coalesce ((SELECT seq FROM sqlite_sequence "
                             "                       WHERE name = 'highlights'), 0),"
                             "            coalesce ((SELECT max (id) FROM highlights), 0))",
                             error);

  if (stmt == NULL || dossier_project_step (w->project, stmt, error) != SQLITE_ROW)
    return FALSE;
  w->last_highlight_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static void
bind_highlight (sqlite3_stmt             *stmt,
                int                       first,
                gint64                    id,
                const char               *uuid,
                gint64                    document_id,
                const DossierExchangeSelection *sel,
                const RowText            *text,
                const char               *now)
{
  sqlite3_bind_int64 (stmt, first, id);
  sqlite3_bind_text (stmt, first + 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, first + 2, document_id);
  sqlite3_bind_int64 (stmt, first + 3, sel->start);
  sqlite3_bind_int64 (stmt, first + 4, sel->end);
  sqlite3_bind_text (stmt, first + 5, text->quote, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 6, text->prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 7, text->suffix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 8, sel->memo, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 9, sel->author, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 10, sel->created != NULL ? sel->created : now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 11, sel->modified != NULL ? sel->modified :
                                       sel->created != NULL ? sel->created : now, -1, SQLITE_STATIC);
}

/* Writes selections [from, from + n) of @source (n <= BATCH). */
static gboolean
write_batch (Writer                 *w,
             DossierExchangeData    *data,
             gint64                  document_id,
             DossierOffsetIndex     *index,
             DossierExchangeSource  *source,
             guint                   from,
             guint                   n,
             const char             *now,
             GError                **error)
{
  static const char insert_many[] =
    HL_INSERT HL_ROWS_16 ", " HL_ROWS_16 ", " HL_ROWS_16 ", " HL_ROWS_16
    " ON CONFLICT (uuid) DO NOTHING";
  static const char insert_one[] = HL_INSERT HL_ROW " ON CONFLICT (uuid) DO NOTHING";
  static const char tags_many[] = TAG_INSERT TAG_ROWS_16 ", " TAG_ROWS_16 ", " TAG_ROWS_16 ", " TAG_ROWS_16;
  static const char tags_one[] = TAG_INSERT TAG_ROW;
  g_autoptr(GHashTable) pending = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3 *db = dossier_project_get_db (w->project);
  RowText texts[BATCH] = { 0 };
  gint64 ids[BATCH] = { 0 };
  gint64 first;
  int inserted = 0;
  gboolean ok = FALSE;

  g_assert (n > 0 && n <= BATCH);

  /* The ids given go up to 2^63 - 1, as SQLite's own do; a project file
   * made with them near it takes no more (SQLite would say "full"),
   * rather than ids that wrap round to negative ones. */
  if (w->last_highlight_id > G_MAXINT64 - (gint64) n)
    {
      dossier_set_out_of_ids (error, DOSSIER_ROW_HIGHLIGHT);
      return FALSE;
    }
  first = w->last_highlight_id + 1;
  /* Ids a file edited by hand freed start clean, as the project's own do. */
  if (!dossier_project_clear_new_ids (w->project, DOSSIER_ROW_HIGHLIGHT, first, first + n - 1, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      DossierExchangeSelection *sel = &g_array_index (source->selections, DossierExchangeSelection, from + i);

      dossier_offset_index_context (index, sel->start, sel->end, &texts[i].quote, &texts[i].prefix,
                                    &texts[i].suffix);
      /* The imported GUID as the UUID, unless two of the import share it. */
      texts[i].uuid = g_strdup (sel->guid != NULL && !g_hash_table_contains (pending, sel->guid) ?
                                sel->guid : NULL);
      if (texts[i].uuid == NULL)
        texts[i].uuid = g_uuid_string_random ();
      g_hash_table_add (pending, texts[i].uuid);
    }

  /* All at once (fewer than a batch: a statement per row); a row whose
   * UUID the project has already (it was imported before) is skipped by
   * the statement and made again below with a new one. */
  {
    g_auto(DossierStmt) stmt = dossier_project_prepare (w->project, n == BATCH ? insert_many : insert_one,
                                                        error);

    if (stmt == NULL)
      goto out;
    for (guint i = 0; i < n; i++)
      {
        if (n != BATCH && i > 0)
          sqlite3_reset (stmt);
        bind_highlight (stmt, 1 + 12 * (n == BATCH ? i : 0), first + i, texts[i].uuid, document_id,
                        &g_array_index (source->selections, DossierExchangeSelection, from + i),
                        &texts[i], now);
        if (n != BATCH || i + 1 == n)
          {
            if (!dossier_project_run (w->project, stmt, error))
              goto out;
            inserted += sqlite3_changes (db);
          }
      }
  }
  if ((guint) inserted == n)
    for (guint i = 0; i < n; i++)
      ids[i] = first + i;
  else
    {
      g_auto(DossierStmt) stmt = dossier_project_prepare (w->project,
                                                          "SELECT id FROM highlights WHERE id BETWEEN ?1 AND ?2",
                                                          error);
      int rc;

      if (stmt == NULL)
        goto out;
      sqlite3_bind_int64 (stmt, 1, first);
      sqlite3_bind_int64 (stmt, 2, first + n - 1);
      while ((rc = dossier_project_step (w->project, stmt, error)) == SQLITE_ROW)
        ids[sqlite3_column_int64 (stmt, 0) - first] = sqlite3_column_int64 (stmt, 0);
      if (rc != SQLITE_DONE)
        goto out;
    }

  for (guint i = 0; i < n; i++)
    {
      g_auto(DossierStmt) stmt = NULL;

      if (ids[i] != 0)
        continue;
      g_free (texts[i].uuid);
      texts[i].uuid = g_uuid_string_random ();
      stmt = dossier_project_prepare (w->project, insert_one, error);
      if (stmt == NULL)
        goto out;
      bind_highlight (stmt, 1, first + i, texts[i].uuid, document_id,
                      &g_array_index (source->selections, DossierExchangeSelection, from + i), &texts[i], now);
      if (!dossier_project_run (w->project, stmt, error))
        goto out;
      g_assert (sqlite3_changes (db) == 1);
      ids[i] = first + i;
    }
  w->last_highlight_id += n;

  /* Where the stakeholders, arguments and briefings find them. */
  for (guint i = 0; i < n; i++)
    {
      DossierExchangeSelection *sel = &g_array_index (source->selections, DossierExchangeSelection, from + i);

      sel->highlight_id = ids[i];
      g_free (sel->highlight_uuid);
      sel->highlight_uuid = g_strdup (texts[i].uuid);
    }

  /* Their tags, BATCH rows at a time. */
  {
    g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64) * 3);
    guint done = 0;

    for (guint i = 0; i < n; i++)
      {
        DossierExchangeSelection *sel = &g_array_index (source->selections, DossierExchangeSelection, from + i);

        for (guint k = 0; k < sel->codes->len; k++)
          {
            DossierExchangeCode *code = g_ptr_array_index (data->codes, g_array_index (sel->codes, int, k));
            gint64 row[3] = { ids[i], code->tag_id, k };

            g_array_append_vals (rows, row, 1);
            g_hash_table_add (w->touched_tags, &code->tag_id);
          }

        dossier_import_report_count (data->report, DOSSIER_IMPORT_COUNT_HIGHLIGHTS, 1);
        if (sel->memo[0] != '\0')
          dossier_import_report_count (data->report, DOSSIER_IMPORT_COUNT_MEMOS, 1);
        if (sel->author[0] != '\0' && g_hash_table_add (w->authors, sel->author))
          dossier_import_report_count (data->report, DOSSIER_IMPORT_COUNT_AUTHORS, 1);
      }

    while (done < rows->len)
      {
        gboolean many = rows->len - done >= BATCH;
        guint count = many ? BATCH : 1;
        g_auto(DossierStmt) stmt = dossier_project_prepare (w->project, many ? tags_many : tags_one, error);

        if (stmt == NULL)
          goto out;
        for (guint k = 0; k < count; k++, done++)
          {
            const gint64 *row = (const gint64 *) (gpointer) (rows->data + (gsize) done * sizeof (gint64) * 3);

            sqlite3_bind_int64 (stmt, 1 + 3 * k, row[0]);
            sqlite3_bind_int64 (stmt, 2 + 3 * k, row[1]);
            sqlite3_bind_int64 (stmt, 3 + 3 * k, row[2]);
          }
        if (!dossier_project_run (w->project, stmt, error))
          goto out;
      }
  }

  ok = TRUE;

out:
  for (guint i = 0; i < n; i++)
    {
      g_free (texts[i].uuid);
      g_free (texts[i].quote);
      g_free (texts[i].prefix);
      g_free (texts[i].suffix);
    }
  return ok;
}

/* ---- Stakeholders, questions, arguments, briefings ------------------------ */

static gint64
evidence_highlight (const DossierExchangeEvidence *e)
{
  return g_array_index (e->source->selections, DossierExchangeSelection, e->index).highlight_id;
}

static gboolean
write_stakeholders (Writer               *w,
                    DossierExchangeData  *data,
                    GError              **error)
{
  /* The names and colours read once: reading all stakeholders for each
   * case made an import of 4,000 cases quadratic (8 s). */
  g_auto(DossierStakeholderImport) names = DOSSIER_STAKEHOLDER_IMPORT_INIT;

  for (guint i = 0; i < data->stakeholders->len; i++)
    {
      DossierExchangeStakeholder *s = g_ptr_array_index (data->stakeholders, i);
      DossierStakeholderFields fields = DOSSIER_STAKEHOLDER_FIELDS_INIT;
      g_autoptr(GError) local = NULL;
      gboolean existed = FALSE;

      fields.name = s->name;
      fields.aliases = (const char * const *) s->aliases;
      fields.kind = s->kind;
      fields.description = s->description;
      fields.stance = s->stance;
      fields.stance_position = s->stance_position;
      fields.interests = s->interests;
      fields.power = s->power;
      fields.interest = s->interest;
      fields.color = s->color;

      s->stakeholder_id = dossier_project_import_stakeholder (w->project, &names, &fields, &existed,
                                                              &local);
      if (s->stakeholder_id == 0)
        {
          /* A database error stops the import; a case Dossier cannot
           * take is reported. */
          if (local == NULL || local->domain != DOSSIER_PROJECT_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_SKIPPED,
                                     s->name != NULL && s->name[0] != '\0' ? s->name : _("(unnamed)"),
                                     "%s", local->message);
          continue;
        }
      if (existed)
        dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_CHANGED, s->name,
                                   "%s", _("already a stakeholder of the project: its evidence was "
                                           "added to that stakeholder, whose details were kept"));
      else
        {
          gboolean is_free;

          /* Its GUID as its UUID, as for every other entity. */
          if (!uuid_free (w->project, "SELECT 1 FROM stakeholders WHERE uuid = ?1", s->guid, &is_free, error))
            return FALSE;
          if (is_free)
            {
              g_auto(DossierStmt) stmt = dossier_project_prepare (w->project,
                                                                  "UPDATE stakeholders SET uuid = ?1 WHERE id = ?2",
                                                                  error);

              if (stmt == NULL)
                return FALSE;
              dossier_bind_text (stmt, 1, s->guid);
              sqlite3_bind_int64 (stmt, 2, s->stakeholder_id);
              if (!dossier_project_run (w->project, stmt, error))
                return FALSE;
            }
          dossier_import_report_count (data->report, DOSSIER_IMPORT_COUNT_STAKEHOLDERS, 1);
        }

      for (guint k = 0; k < s->evidence->len; k++)
        {
          const DossierExchangeEvidence *e = &g_array_index (s->evidence, DossierExchangeEvidence, k);
          g_auto(DossierStmt) stmt = NULL;
          gint64 highlight = evidence_highlight (e);

          if (highlight == 0)
            continue;
          stmt = dossier_project_prepare (w->project,
                                          "INSERT INTO stakeholder_evidence (stakeholder, highlight, "
                                          "  note, role, stance_position) VALUES (?1, ?2, ?3, ?4, ?5) "
                                          "ON CONFLICT (stakeholder, highlight) DO NOTHING",
                                          error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, s->stakeholder_id);
          sqlite3_bind_int64 (stmt, 2, highlight);
          dossier_bind_text (stmt, 3, e->note);
          if (e->role == DOSSIER_EVIDENCE_NONE)
            sqlite3_bind_null (stmt, 4);
          else
            dossier_bind_text (stmt, 4, dossier_evidence_role_to_string (e->role));
          if (e->stance_position == DOSSIER_STANCE_UNKNOWN)
            sqlite3_bind_null (stmt, 5);
          else
            sqlite3_bind_int (stmt, 5, e->stance_position);
          if (!dossier_project_run (w->project, stmt, error))
            return FALSE;
        }
      dossier_project_touch (w->project, "stakeholders", s->stakeholder_id);
    }

  if (data->stakeholders->len > 0)
    {
      dossier_project_touch_table (w->project, "stakeholders");
      /* Names new to the project are mentioned in documents old and new. */
      if (!dossier_project_update_mentions (w->project, 0, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* The project's questions by text (byte for byte, as SQL's = compares
 * them), each to the first of that text. */
static GHashTable *
read_questions (DossierProject  *project,
                GError         **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(DossierStmt) stmt = dossier_project_prepare (project, "SELECT id, text FROM questions", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = dossier_project_step (project, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *text = dossier_column_text (stmt, 1);

      if (text != NULL && !g_hash_table_contains (ids, text))
        g_hash_table_insert (ids, g_strdup (text), g_memdup2 (&id, sizeof id));
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}

/* A question with the same text is the same question. */
static gboolean
write_questions (Writer               *w,
                 DossierExchangeData  *data,
                 GError              **error)
{
  g_autoptr(GHashTable) by_text = NULL;

  if (data->questions->len == 0)
    return TRUE;
  /* Read once: looking for each question in all of them (no index serves
   * their text) made an import quadratic in its questions. */
  by_text = read_questions (w->project, error);
  if (by_text == NULL)
    return FALSE;

  for (guint i = 0; i < data->questions->len; i++)
    {
      DossierExchangeQuestion *q = g_ptr_array_index (data->questions, i);
      const gint64 *found = g_hash_table_lookup (by_text, q->text);
      g_auto(DossierStmt) stmt = NULL;
      gboolean is_free;

      if (found != NULL)
        {
          q->question_id = *found;
          continue;
        }

      if (!uuid_free (w->project, "SELECT 1 FROM questions WHERE uuid = ?1", q->guid, &is_free, error))
        return FALSE;
      stmt = dossier_project_prepare (w->project, DOSSIER_INSERT_QUESTION_SQL, error);
      if (stmt == NULL)
        return FALSE;
      if (is_free)
        dossier_bind_text (stmt, 1, q->guid);
      else
        {
          g_autofree char *uuid = g_uuid_string_random ();

          dossier_bind_text (stmt, 1, uuid);
        }
      dossier_bind_text (stmt, 2, q->text);
      q->question_id = dossier_project_insert_new_row (w->project, DOSSIER_ROW_QUESTION, stmt, error);
      if (q->question_id == 0)
        return FALSE;
      g_hash_table_insert (by_text, g_strdup (q->text), g_memdup2 (&q->question_id, sizeof q->question_id));
      dossier_import_report_count (data->report, DOSSIER_IMPORT_COUNT_QUESTIONS, 1);
    }
  dossier_project_touch_table (w->project, "questions");
  return TRUE;
}

/* The key of a side of a question ("id\npolarity"), or of an argument on
 * it (then "\nstatement"). */
static char *
side_key (gint64      question,
          const char *polarity,
          const char *statement)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "\n%s%s%s", question, polarity,
                          statement != NULL ? "\n" : "", statement != NULL ? statement : "");
}

/* The project's arguments by side and statement, each to the first there
 * (in the index's order, as the query by side and statement found it),
 * and how many each side has. */
static gboolean
read_arguments (DossierProject  *project,
                GHashTable      *ids,
                GHashTable      *n_side,
                GError         **error)
{
  g_auto(DossierStmt) stmt = dossier_project_prepare (project,
                                                      "SELECT id, question, polarity, statement FROM arguments "
                                                      "ORDER BY question, polarity, position, id",
                                                      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = dossier_project_step (project, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 question = sqlite3_column_int64 (stmt, 1);
      const char *polarity = dossier_column_text (stmt, 2);
      const char *statement = dossier_column_text (stmt, 3);
      char *key;
      guint n;

      if (polarity == NULL || statement == NULL)
        continue;
      key = side_key (question, polarity, statement);
      if (g_hash_table_contains (ids, key))
        g_free (key);
      else
        g_hash_table_insert (ids, key, g_memdup2 (&id, sizeof id));
      key = side_key (question, polarity, NULL);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (n_side, key));
      g_hash_table_insert (n_side, key, GUINT_TO_POINTER (n + 1));
    }
  return rc == SQLITE_DONE;
}

/* An argument with the same statement on the same side of the same
 * question is the same argument: the import adds its evidence. */
static gboolean
write_arguments (Writer               *w,
                 DossierExchangeData  *data,
                 GError              **error)
{
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) n_side = NULL;

  if (data->arguments->len == 0)
    return TRUE;
  /* Read once: looking for each argument among those of its side, and
   * counting them, made an import quadratic in the arguments of a side. */
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  n_side = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!read_arguments (w->project, ids, n_side, error))
    return FALSE;

  for (guint i = 0; i < data->arguments->len; i++)
    {
      DossierExchangeArgument *a = g_ptr_array_index (data->arguments, i);
      DossierExchangeQuestion *q = g_ptr_array_index (data->questions, a->question);
      DossierExchangeStakeholder *s = a->stakeholder >= 0 ? g_ptr_array_index (data->stakeholders, a->stakeholder) : NULL;
      const char *polarity = dossier_polarity_to_string (a->polarity);
      g_autofree char *key = side_key (q->question_id, polarity, a->statement);
      const gint64 *found = g_hash_table_lookup (ids, key);
      gint64 id = found != NULL ? *found : 0;

      if (id == 0)
        {
          g_auto(DossierStmt) stmt = NULL;
          g_autofree char *uuid = NULL;
          char *side = side_key (q->question_id, polarity, NULL);
          guint position = GPOINTER_TO_UINT (g_hash_table_lookup (n_side, side));
          gboolean is_free;

          g_hash_table_insert (n_side, side, GUINT_TO_POINTER (position + 1));
          if (!uuid_free (w->project, "SELECT 1 FROM arguments WHERE uuid = ?1", a->guid, &is_free, error))
            return FALSE;
          uuid = is_free ? g_strdup (a->guid) : g_uuid_string_random ();
          stmt = dossier_project_prepare (w->project,
                                          "INSERT INTO arguments (uuid, question, polarity, statement, "
                                          "  stakeholder, strength, position) "
                                          "VALUES (?1, ?2, ?3, ?4, nullif (?5, 0), ?6, ?7)",
                                          error);
          if (stmt == NULL)
            return FALSE;
          dossier_bind_text (stmt, 1, uuid);
          sqlite3_bind_int64 (stmt, 2, q->question_id);
          dossier_bind_text (stmt, 3, polarity);
          dossier_bind_text (stmt, 4, a->statement);
          sqlite3_bind_int64 (stmt, 5, s != NULL ? s->stakeholder_id : 0);
          sqlite3_bind_int (stmt, 6, CLAMP (a->strength, DOSSIER_STRENGTH_MIN, DOSSIER_STRENGTH_MAX));
          sqlite3_bind_int64 (stmt, 7, position);
          id = dossier_project_insert_new_row (w->project, DOSSIER_ROW_ARGUMENT, stmt, error);
          if (id == 0)
            return FALSE;
          g_hash_table_insert (ids, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));
          dossier_import_report_count (data->report, DOSSIER_IMPORT_COUNT_ARGUMENTS, 1);
        }
      else
        dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_CHANGED, a->statement,
                                   "%s", _("already an argument of the project, on the same side of "
                                           "the same question: its evidence was added to it"));

      for (guint k = 0; k < a->evidence->len; k++)
        {
          const DossierExchangeEvidence *e = &g_array_index (a->evidence, DossierExchangeEvidence, k);
          g_auto(DossierStmt) stmt = NULL;
          gint64 highlight = evidence_highlight (e);

          if (highlight == 0)
            continue;
          stmt = dossier_project_prepare (w->project,
                                          "INSERT INTO argument_evidence (argument, highlight, note) "
                                          "VALUES (?1, ?2, ?3) ON CONFLICT (argument, highlight) DO NOTHING",
                                          error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, highlight);
          dossier_bind_text (stmt, 3, e->note);
          if (!dossier_project_run (w->project, stmt, error))
            return FALSE;
        }
      dossier_project_touch (w->project, "arguments", id);
    }
  dossier_project_touch_table (w->project, "arguments");
  return TRUE;
}

/* A body's citations ([@UUID]) follow highlights the import had to give
 * new UUIDs (the project had theirs already). */
static char *
retarget_citations (DossierExchangeData *data,
                    const char          *body)
{
  g_autoptr(GHashTable) renamed = NULL;
  g_autoptr(GString) out = NULL;
  const char *p = body;

  if (strstr (body, "[@") == NULL)
    return g_strdup (body);

  renamed = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint s = 0; s < data->sources->len; s++)
    {
      DossierExchangeSource *source = g_ptr_array_index (data->sources, s);

      for (guint i = 0; i < source->selections->len; i++)
        {
          DossierExchangeSelection *sel = &g_array_index (source->selections, DossierExchangeSelection, i);

          if (sel->guid != NULL && sel->highlight_uuid != NULL && strcmp (sel->guid, sel->highlight_uuid) != 0)
            g_hash_table_insert (renamed, sel->guid, sel->highlight_uuid);
        }
    }
  if (g_hash_table_size (renamed) == 0)
    return g_strdup (body);

  out = g_string_new (NULL);
  while (*p != '\0')
    {
      const char *at = strstr (p, "[@");
      const char *end;
      g_autofree char *uuid = NULL;
      const char *to;

      if (at == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, at + 2 - p);
      p = at + 2;
      for (end = p; g_ascii_isxdigit (*end) || *end == '-'; end++)
        ;
      uuid = g_ascii_strdown (p, end - p);
      to = g_hash_table_lookup (renamed, uuid);
      if (to != NULL)
        {
          g_string_append (out, to);
          p = end;
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
write_briefings (Writer               *w,
                 DossierExchangeData  *data,
                 const char           *now,
                 GError              **error)
{
  for (guint i = 0; i < data->briefings->len; i++)
    {
      DossierExchangeBriefing *b = g_ptr_array_index (data->briefings, i);
      g_auto(DossierStmt) stmt = NULL;
      g_autofree char *uuid = NULL;
      g_autofree char *body = retarget_citations (data, b->body);
      gboolean is_free;
      gint64 id;
      guint position = 0;

      if (!uuid_free (w->project, "SELECT 1 FROM briefings WHERE uuid = ?1", b->guid, &is_free, error))
        return FALSE;
      uuid = is_free ? g_strdup (b->guid) : g_uuid_string_random ();
      stmt = dossier_project_prepare (w->project,
                                      "INSERT INTO briefings (uuid, title, body, created, modified) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5)",
                                      error);
      if (stmt == NULL)
        return FALSE;
      dossier_bind_text (stmt, 1, uuid);
      dossier_bind_text (stmt, 2, b->title);
      dossier_bind_text (stmt, 3, body);
      dossier_bind_text (stmt, 4, b->created != NULL ? b->created : now);
      dossier_bind_text (stmt, 5, b->modified != NULL ? b->modified : b->created != NULL ? b->created : now);
      id = dossier_project_insert_new_row (w->project, DOSSIER_ROW_BRIEFING, stmt, error);
      if (id == 0)
        return FALSE;

      for (guint k = 0; k < b->documents->len; k++)
        {
          DossierExchangeSource *source = g_ptr_array_index (b->documents, k);
          g_auto(DossierStmt) doc = NULL;

          if (source->written_id == 0)
            continue;
          doc = dossier_project_prepare (w->project,
                                         "INSERT OR IGNORE INTO briefing_documents (briefing, document, "
                                         "  position) VALUES (?1, ?2, ?3)",
                                         error);
          if (doc == NULL)
            return FALSE;
          sqlite3_bind_int64 (doc, 1, id);
          sqlite3_bind_int64 (doc, 2, source->written_id);
          sqlite3_bind_int (doc, 3, (int) position++);
          if (!dossier_project_run (w->project, doc, error))
            return FALSE;
        }
      dossier_project_touch (w->project, "briefings", id);
      dossier_import_report_count (data->report, DOSSIER_IMPORT_COUNT_NOTES, 1);
    }
  if (data->briefings->len > 0)
    dossier_project_touch_table (w->project, "briefings");
  return TRUE;
}

static gboolean
write_data (DossierProject           *project,
            DossierExchangeData      *data,
            const char               *label,
            DossierProgress          *progress,
            GCancellable             *cancellable,
            GError                  **error)
{
  g_auto(DossierAction) action = DOSSIER_ACTION_INIT;
  g_autoptr(GHashTable) tags = g_hash_table_new_full (tag_key_hash, tag_key_equal, tag_key_free, g_free);
  g_autoptr(GHashTable) n_children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) authors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *now = dossier_now_iso8601 ();
  g_autoptr(GHashTable) touched_tags = g_hash_table_new (g_int64_hash, g_int64_equal);
  Writer w = { project, tags, n_children, authors, touched_tags };
  guint64 total = 0, done = 0;

  for (guint s = 0; s < data->sources->len; s++)
    total += ((DossierExchangeSource *) g_ptr_array_index (data->sources, s))->selections->len + 100;

  if (!dossier_action_begin (&action, project, error))
    return FALSE;

  if (!load_tags (&w, error) || !write_codes (&w, data, error) || !load_last_highlight_id (&w, error))
    return FALSE;

  for (guint s = 0; s < data->sources->len; s++)
    {
      DossierExchangeSource *source = g_ptr_array_index (data->sources, s);
      DossierOffsetIndex index = { 0 };
      g_autofree char *text = NULL;
      gint64 document_id = source->document_id;
      gboolean ok = TRUE;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      source->written_id = document_id;

      if (document_id == 0)
        {
          gboolean is_free;

          if (!uuid_free (project, "SELECT 1 FROM documents WHERE uuid = ?1", source->guid, &is_free, error))
            return FALSE;
          document_id = dossier_project_insert_document (project, source->doc,
                                                         is_free ? source->guid : NULL,
                                                         source->imported, error);
          if (document_id == 0)
            return FALSE;
          g_array_append_val (documents, document_id);
          source->written_id = document_id;
          dossier_import_report_count (data->report, DOSSIER_IMPORT_COUNT_DOCUMENTS, 1);
          text = g_strdup (source->doc->text);
        }
      else
        {
          g_autofree char *hash = NULL;

          text = dossier_project_read_text (project, document_id, error);
          if (text == NULL)
            return FALSE;
          /* Placed on the text as it was read (in another thread): it
           * must not have changed since. */
          hash = dossier_text_hash (text);
          if (source->text_hash != NULL && strcmp (hash, source->text_hash) != 0)
            {
              g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_INVALID,
                           _("A document changed while “%s” was being imported; import it again."),
                           dossier_import_report_get_file_name (data->report));
              return FALSE;
            }
        }

      if (source->selections->len > 0)
        {
          dossier_offset_index_init (&index, text);
          for (guint i = 0; ok && i < source->selections->len; i += BATCH)
            {
              guint n = MIN (BATCH, source->selections->len - i);

              ok = write_batch (&w, data, document_id, &index, source, i, n, now, error);
              done += n;
              if (ok && done % 2048 < n)
                {
                  ok = !g_cancellable_set_error_if_cancelled (cancellable, error);
                  if (progress != NULL)
                    dossier_progress_update (progress, 0.9 + 0.1 * done / total,
                                             _("Writing highlights"));
                }
            }
          dossier_offset_index_clear (&index);
          if (!ok)
            return FALSE;
          dossier_project_touch (project, "highlights", document_id);
          dossier_project_touch (project, "documents", document_id);
        }
      done += 100;
    }

  if (!write_stakeholders (&w, data, error) ||
      !write_questions (&w, data, error) ||
      !write_arguments (&w, data, error) ||
      !write_briefings (&w, data, now, error))
    return FALSE;

  dossier_project_touch_table (project, "documents");
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, touched_tags);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      dossier_project_touch (project, "tags", *(gint64 *) key);
  }

  if (!dossier_action_commit (&action, label, error))
    return FALSE;

  g_array_append_vals (data->report->documents, documents->data, documents->len);
  return TRUE;
}

/* The texts of another tool's file lose what a text typed in loses
 * (dossier_text_without_controls ()): the file may come from anyone. Code
 * names lost them in tag_name (), stakeholders' names lose them as they
 * are checked, and a document's details as it is inserted. */
static void
clean_text (char     **text,
            gboolean   multiline)
{
  char *clean = dossier_text_from_elsewhere (*text, multiline);

  g_free (*text);
  *text = clean;
}

static void
clean_notes (GArray *evidence)
{
  for (guint i = 0; i < evidence->len; i++)
    clean_text (&g_array_index (evidence, DossierExchangeEvidence, i).note, TRUE);
}

static void
clean_texts (DossierExchangeData *data)
{
  for (guint i = 0; i < data->sources->len; i++)
    {
      DossierExchangeSource *source = g_ptr_array_index (data->sources, i);

      for (guint k = 0; k < source->selections->len; k++)
        {
          DossierExchangeSelection *sel = &g_array_index (source->selections,
                                                          DossierExchangeSelection, k);

          clean_text (&sel->memo, TRUE);
          clean_text (&sel->author, FALSE);
        }
    }
  for (guint i = 0; i < data->stakeholders->len; i++)
    {
      DossierExchangeStakeholder *s = g_ptr_array_index (data->stakeholders, i);

      clean_text (&s->description, TRUE);
      clean_text (&s->stance, TRUE);
      clean_text (&s->interests, TRUE);
      clean_notes (s->evidence);
    }
  for (guint i = 0; i < data->questions->len; i++)
    clean_text (&((DossierExchangeQuestion *) g_ptr_array_index (data->questions, i))->text, FALSE);
  for (guint i = 0; i < data->arguments->len; i++)
    {
      DossierExchangeArgument *a = g_ptr_array_index (data->arguments, i);

      clean_text (&a->statement, TRUE);
      clean_notes (a->evidence);
    }
  for (guint i = 0; i < data->briefings->len; i++)
    {
      DossierExchangeBriefing *b = g_ptr_array_index (data->briefings, i);

      clean_text (&b->title, FALSE);
      clean_text (&b->body, TRUE);
    }
}

gboolean
dossier_exchange_data_write (DossierProject           *project,
                             DossierExchangeData      *data,
                             const char               *label,
                             DossierProgress          *progress,
                             GCancellable             *cancellable,
                             GError                  **error)
{
  gboolean ok;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), FALSE);

  /* A statement that may fail halfway through the transaction keeps the
   * pages it changes in a statement journal, a temporary file by default:
   * the 64-row INSERTs of 100,000 highlights, each touching some 60 pages
   * of the UUIDs' index, wrote 1 GB into it (517,000 pwrite calls, 1.3 s
   * of CPU). In memory it holds one statement's pages at most. Set
   * outside the transaction, as SQLite requires; should setting it back
   * fail, temporary files stay in memory a while, which harms nothing. */
  clean_texts (data);
  if (!dossier_project_exec (project, "PRAGMA temp_store = MEMORY", error))
    return FALSE;
  ok = write_data (project, data, label, progress, cancellable, error);
  dossier_project_exec (project, "PRAGMA temp_store = DEFAULT", NULL);
  return ok;
}

/* ---- Entry points -------------------------------------------------------- */

typedef enum
{
  KIND_UNKNOWN,
  KIND_QDPX,
  KIND_QDE,
  KIND_QDC,
  KIND_W3C,
} FileKind;

static FileKind
file_kind (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;

  if (dot == NULL)
    return KIND_UNKNOWN;
  if (g_ascii_strcasecmp (dot, ".qdpx") == 0)
    return KIND_QDPX;
  if (g_ascii_strcasecmp (dot, ".qde") == 0)
    return KIND_QDE;
  if (g_ascii_strcasecmp (dot, ".qdc") == 0)
    return KIND_QDC;
  if (g_ascii_strcasecmp (dot, ".jsonld") == 0 || g_ascii_strcasecmp (dot, ".json") == 0)
    return KIND_W3C;
  return KIND_UNKNOWN;
}

gboolean
dossier_exchange_can_import (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return file_kind (file) != KIND_UNKNOWN;
}

static DossierExchangeData *
read_file (GFile                    *file,
           const char               *project_path,
           DossierProgress          *progress,
           GCancellable             *cancellable,
           GError                  **error)
{
  g_autofree char *display = g_file_get_parse_name (file);

  /* Before any reader opens it: the close of a descriptor of ours on a
   * project open here (the window's own, under another name) would drop
   * SQLite's locks on it, and another process could then write,
   * checkpoint or delete its log under it. */
  if (g_file_peek_path (file) != NULL && dossier_file_is_project_or_part (g_file_peek_path (file)))
    {
      g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                   _("“%s” is a Dossier project, or one of its files, not a file from another "
                     "tool: choose a REFI-QDA project (.qdpx) or codebook (.qdc), or a W3C Web "
                     "Annotation collection (.jsonld)."), display);
      return NULL;
    }

  switch (file_kind (file))
    {
    case KIND_QDPX:
    case KIND_QDE:
      return dossier_refi_read (file, FALSE, progress, cancellable, error);
    case KIND_QDC:
      return dossier_refi_read (file, TRUE, progress, cancellable, error);
    case KIND_W3C:
      return dossier_w3c_read (file, project_path, progress, cancellable, error);
    case KIND_UNKNOWN:
    default:
      g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                   _("“%s” is not a file Dossier can import from another tool: choose a REFI-QDA "
                     "project (.qdpx) or codebook (.qdc), or a W3C Web Annotation collection "
                     "(.jsonld)."), display);
      return NULL;
    }
}

static char *
import_label (DossierExchangeData *data)
{
  return g_strdup_printf (_("Import “%s”"), dossier_import_report_get_file_name (data->report));
}

DossierImportReport *
dossier_exchange_import (DossierProject           *project,
                         GFile                    *file,
                         DossierProgress          *progress,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  g_autoptr(DossierExchangeData) data = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!dossier_project_ensure_open (project, error))
    return NULL;
  if (dossier_project_get_read_only (project))
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY,
                   _("“%s” is open read-only: nothing can be imported into it."),
                   dossier_project_get_path (project));
      return NULL;
    }

  data = read_file (file, dossier_project_get_path (project), progress, cancellable, error);
  if (data == NULL)
    return NULL;

  label = import_label (data);
  if (!dossier_exchange_data_write (project, data, label, progress, cancellable, error))
    return NULL;
  if (progress != NULL)
    dossier_progress_update (progress, 1.0, NULL);

  return dossier_import_report_ref (data->report);
}

/* The async import: read and written in a thread, through a worker
 * project with its own connection; the one undo step it makes is handed
 * to the project in the caller's context, which takes it as its own. The
 * window never waits on the import. */
typedef struct
{
  GFile               *file;
  char                *project_path;
  DossierProject      *worker;
  DossierProgress     *progress;
  GMainContext        *context;
} ImportJob;

static void
import_job_free (gpointer p)
{
  ImportJob *job = p;

  g_object_unref (job->file);
  g_free (job->project_path);
  g_clear_object (&job->worker);
  g_clear_object (&job->progress);
  g_main_context_unref (job->context);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(DossierExchangeData) data = NULL;
  g_autofree char *label = NULL;
  GError *error = NULL;

  data = read_file (job->file, job->project_path, job->progress, cancellable, &error);
  if (data != NULL)
    {
      label = import_label (data);
      if (dossier_exchange_data_write (job->worker, data, label, job->progress, cancellable, &error))
        dossier_project_hand_over_step (source_object, job->worker, job->context);
      else
        g_clear_pointer (&data, dossier_exchange_data_free);
    }

  /* The worker's connection closes in this thread, which used it. */
  dossier_project_close (job->worker);
  g_clear_object (&job->worker);

  if (data == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->progress != NULL)
    dossier_progress_update (job->progress, 1.0, NULL);
  g_task_return_pointer (task, dossier_import_report_ref (data->report),
                         (GDestroyNotify) dossier_import_report_unref);
}

void
dossier_exchange_import_async (DossierProject           *project,
                               GFile                    *file,
                               DossierProgress          *progress,
                               GCancellable             *cancellable,
                               GAsyncReadyCallback       callback,
                               gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (DOSSIER_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (progress == NULL || DOSSIER_IS_PROGRESS (progress));

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_exchange_import_async);

  if (dossier_project_get_read_only (project))
    {
      g_task_return_new_error (task, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY,
                               _("“%s” is open read-only: nothing can be imported into it."),
                               dossier_project_get_path (project));
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->file = g_object_ref (file);
  job->project_path = g_strdup (dossier_project_get_path (project));
  job->progress = progress != NULL ? g_object_ref (progress) : NULL;
  job->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, job, import_job_free);

  dossier_project_start_worker (project, task, &job->worker, import_thread);
}

DossierImportReport *
dossier_exchange_import_finish (DossierProject  *project,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_exchange_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
