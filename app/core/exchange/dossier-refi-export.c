/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-refi-export.c — a project as a REFI-QDA project (.qdpx: a zip of
 * project.qde and the sources' plain text) or its codebook alone (.qdc),
 * after QDA-XML 1.0 (urn:QDA-XML:project:1.0, urn:QDA-XML:codebook:1.0).
 *
 * Mapping:
 *   document   → TextSource, its text stored inside as sources/GUID.txt and
 *                referred to as plainTextPath="internal://GUID.txt"; author,
 *                outlet, published date and source URL as VariableValues
 *   tag        → Code (hierarchy, colour, Description), all codable
 *   highlight  → PlainTextSelection (code points, 0-based, end exclusive),
 *                one Coding/CodeRef per tag, memo as its Description (or a
 *                Note, per target), author as creatingUser
 *   author     → User
 *   orphaned highlight (its passage gone from a newer text) → a Note the
 *                TextSource refers to, holding its quote and memo
 *   stakeholder → Case: kind, aliases, stance, ratings, colour as
 *                VariableValues, a SelectionRef per piece of evidence
 *   question, argument, briefing → Note typed by its "Note type" variable;
 *                Links from an argument to its question (named "pro" or
 *                "con"), its perspective's Case and its evidence, from a
 *                briefing to its documents; evidence with a note, role or
 *                stance links through an evidence Note that holds them
 *   (docs/exchange.md has the whole mapping)
 * GUIDs are the entities' UUIDs, or name-based UUIDs derived from them for
 * what has none (codings, users, variables, notes), and nothing depends on
 * the clock: the same project always gives the same bytes.
 *
 * What REFI-QDA has no place for (a document's blocks, original format and
 * import date) goes in "dossier.json" beside project.qde, which other tools
 * ignore and Dossier's import uses when the text still matches.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <dossier/dossier-text.h>

#include "dossier-exchange-private.h"

#define ORIGIN      "Dossier " PACKAGE_VERSION
/* Selections are named after their quote (as other tools do), this long
 * at most. */
#define NAME_MAX_CHARS 256

/* ---- Shared pieces ------------------------------------------------------- */

static void
indent (GString *out,
        guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append_len (out, "  ", 2);
}

static void
put_attr (GString    *out,
          const char *name,
          const char *value)
{
  if (value == NULL)
    return;
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append_len (out, "=\"", 2);
  dossier_xml_append_escaped (out, value, -1, TRUE);
  g_string_append_c (out, '"');
}

static void
put_element (GString    *out,
             guint       depth,
             const char *name,
             const char *text)
{
  indent (out, depth);
  g_string_append_printf (out, "<%s>", name);
  dossier_xml_append_escaped (out, text, -1, FALSE);
  g_string_append_printf (out, "</%s>\n", name);
}

/* xsd:dateTime as Dossier stores it ("2024-05-01T12:00:00Z"); anything
 * else (a damaged row) is left out rather than making the file invalid. */
static const char *
valid_datetime (const char *s)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";

  if (s == NULL || strlen (s) != strlen (pattern))
    return NULL;
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (s[i]) : s[i] != pattern[i])
      return NULL;
  return s;
}

static gboolean
valid_date (const char *s)
{
  return s != NULL && strlen (s) == 10 && g_ascii_isdigit (s[0]) && s[4] == '-' && s[7] == '-' &&
         g_ascii_isdigit (s[5]) && g_ascii_isdigit (s[8]);
}

/* The colour if it is "#rrggbb", else NULL (the attribute left out). */
static const char *
valid_color (const char *s)
{
  return dossier_color_is_hex (s) ? s : NULL;
}

/* A code and, nested in it, its children (@children: parent id → its
 * children in order). */
static void
put_code (GString          *out,
          guint             depth,
          DossierExportTag *tag,
          GHashTable       *children)
{
  GPtrArray *kids = g_hash_table_lookup (children, &tag->id);

  indent (out, depth);
  g_string_append (out, "<Code");
  put_attr (out, "guid", tag->uuid);
  put_attr (out, "name", tag->name);
  put_attr (out, "isCodable", "true");
  put_attr (out, "color", valid_color (tag->color));

  if (tag->description[0] == '\0' && kids == NULL)
    {
      g_string_append (out, "/>\n");
      return;
    }

  g_string_append (out, ">\n");
  if (tag->description[0] != '\0')
    put_element (out, depth + 1, "Description", tag->description);
  for (guint i = 0; kids != NULL && i < kids->len; i++)
    put_code (out, depth + 1, g_ptr_array_index (kids, i), children);
  indent (out, depth);
  g_string_append (out, "</Code>\n");
}

/* The codebook as nested Codes. A project's is whole (its codings may use
 * any tag); a codebook exported for one tag is that tag's subtree. */
static void
put_codes (DossierExportContext *ctx,
           GString              *out,
           guint                 depth,
           gboolean              project)
{
  g_autoptr(GHashTable) children = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();

  for (guint i = 0; i < ctx->tags->len; i++)
    {
      DossierExportTag *tag = g_ptr_array_index (ctx->tags, i);
      DossierExportTag *parent = dossier_export_context_get_tag (ctx, tag->parent_id);
      GPtrArray *kids;

      if (!project && !tag->selected)
        continue;
      if (parent == NULL || (!project && !parent->selected))
        {
          g_ptr_array_add (roots, tag);
          continue;
        }
      kids = g_hash_table_lookup (children, &parent->id);
      if (kids == NULL)
        {
          kids = g_ptr_array_new ();
          g_hash_table_insert (children, &parent->id, kids);
        }
      g_ptr_array_add (kids, tag);
    }

  indent (out, depth);
  g_string_append (out, "<Codes>\n");
  for (guint i = 0; i < roots->len; i++)
    put_code (out, depth + 1, g_ptr_array_index (roots, i), children);
  indent (out, depth);
  g_string_append (out, "</Codes>\n");
}

/* Whether the codebook written with put_codes() has any code. */
static gboolean
has_codes (DossierExportContext *ctx,
           gboolean              project)
{
  for (guint i = 0; i < ctx->tags->len; i++)
    if (project || ((DossierExportTag *) g_ptr_array_index (ctx->tags, i))->selected)
      return TRUE;
  return FALSE;
}

/* ---- The codebook alone (.qdc) ------------------------------------------- */

gboolean
dossier_exchange_write_qdc (DossierExportContext *ctx,
                            DossierExportWriter  *w,
                            GError              **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (!has_codes (ctx, FALSE))
    {
      g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_EMPTY,
                   _("The codebook has no tags: a REFI-QDA codebook needs at least one. "
                     "Add a tag first."));
      return FALSE;
    }

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
  g_string_append (out, "<CodeBook xmlns=\"" CODEBOOK_NS "\" origin=\"" ORIGIN "\">\n");
  put_codes (ctx, out, 1, FALSE);
  g_string_append (out, "</CodeBook>\n");

  dossier_export_writer_put (w, out->str, out->len);
  return dossier_export_writer_check (w);
}

/* ---- The project (.qdpx) ------------------------------------------------- */

/* Document metadata as REFI-QDA variables. Their GUIDs are derived from
 * the names alone, so every Dossier export agrees on them. */
typedef enum
{
  VAR_AUTHOR,
  VAR_OUTLET,
  VAR_PUBLISHED,
  VAR_SOURCE,
  /* Stakeholders (Cases) */
  VAR_KIND,
  VAR_ALIASES,
  VAR_STANCE,
  VAR_STANCE_POSITION,
  VAR_INTERESTS,
  VAR_POWER,
  VAR_INTEREST,
  VAR_COLOUR,
  /* Questions, arguments, briefings and evidence notes (Notes) */
  VAR_NOTE_TYPE,
  VAR_POLARITY,
  VAR_STRENGTH,
  VAR_EVIDENCE_ROLE,
  N_VARS
} DocumentVariable;

static const struct
{
  const char *name;
  const char *type;
  const char *description;
} variables[N_VARS] = {
  { "Author",    "Text", "Author or byline of the article" },
  { "Outlet",    "Text", "Publication the article appeared in" },
  { "Published", "Date", "Date the article was published" },
  { "Source",    "Text", "Where the article came from (URL or file name)" },
  { "Kind",      "Text", "Kind of stakeholder as Dossier names it (government, official, person, party, organisation, business, media, public, other, ...)" },
  { "Aliases",   "Text", "Other names of the stakeholder, one per line" },
  { "Stance",    "Text", "The stakeholder's stance, in the analyst's words" },
  { "Stance position", "Integer", "From -2 (strongly against) to 2 (strongly for)" },
  { "Interests", "Text", "What the stakeholder wants from the question" },
  { "Power",     "Integer", "Power over the question, 1 to 5" },
  { "Interest",  "Integer", "Interest in the question, 1 to 5" },
  { "Colour",    "Text", "Colour of the stakeholder in Dossier (#rrggbb)" },
  { "Note type", "Text", "What the note is in Dossier: question, argument, briefing or evidence" },
  { "Polarity",  "Text", "Whether the argument is for (pro) or against (con) its question" },
  { "Strength",  "Integer", "Strength of the argument, 1 to 5" },
  { "Evidence role", "Text", "What the passage shows about the stakeholder: stance, power, interest or quote" },
};

typedef struct
{
  DossierExportContext         *ctx;
  const DossierExchangeProfile *profile;
  GString                      *sources;     /* the <Sources> section */
  GString                      *notes;       /* the <Note>s */
  GString                      *extra;       /* dossier.json */
  GTree                        *users;       /* name → GUID, sorted */
  char                         *var_guids[N_VARS];
  gboolean                      var_used[N_VARS];
  DossierZipWriter             *zip;
  /* The document being written. */
  DossierExportDocument        *doc;
  GArray                       *newlines;    /* code-point offsets of '\n' (CRLF targets) */
  GHashTable                   *orphans;     /* document id → GUIDs of its orphans' notes */
  guint                         n_sources;
  /* Stakeholders, questions, arguments and briefings. */
  GString                      *cases;       /* the <Case>s */
  GString                      *links;       /* the <Link>s */
  GHashTable                   *exported;    /* UUIDs of the highlights written as selections */
  GHashTable                   *arguments_of;/* highlight UUID → GPtrArray of the argument UUIDs it backs */
} QdpxWriter;

static const char *
user_guid (QdpxWriter *qw,
           const char *author)
{
  char *guid;

  if (author == NULL || author[0] == '\0')
    return NULL;

  guid = g_tree_lookup (qw->users, author);
  if (guid == NULL)
    {
      g_autofree char *key = g_strconcat ("user:", author, NULL);

      guid = dossier_exchange_guid (NULL, key);
      g_tree_insert (qw->users, g_strdup (author), guid);
    }
  return guid;
}

/* Positions for targets that count "\r\n" as two: one more per newline
 * before the offset. */
static gint64
target_offset (QdpxWriter *qw,
               gint64      offset)
{
  if (qw->newlines == NULL)
    return offset;
  return offset + dossier_export_count_below (qw->newlines, offset);
}

static char *
crlf (const char *s)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = s; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append_c (out, '\r');
      g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
put_note (QdpxWriter *qw,
          const char *guid,
          const char *name,
          const char *text,
          const char *author,
          const char *created)
{
  GString *out = qw->notes;

  indent (out, 2);
  g_string_append (out, "<Note");
  put_attr (out, "guid", guid);
  put_attr (out, "name", name);
  put_attr (out, "creatingUser", user_guid (qw, author));
  put_attr (out, "creationDateTime", valid_datetime (created));
  g_string_append (out, ">\n");
  put_element (out, 3, "PlainTextContent", text);
  indent (out, 2);
  g_string_append (out, "</Note>\n");
}

static gboolean
put_selection (const DossierExportHighlight *h,
               gpointer                      user_data,
               GError                      **error)
{
  QdpxWriter *qw = user_data;
  GString *out = qw->sources;
  const char *author = user_guid (qw, h->author);
  const char *created = valid_datetime (h->created);
  const char *modified = valid_datetime (h->modified);
  g_autofree char *name = NULL;
  g_autofree char *memo_note = NULL;
  gint64 len = h->end - h->start;

  if (len > NAME_MAX_CHARS)
    {
      g_autofree char *head = dossier_text_slice (h->quote, 0, NAME_MAX_CHARS - 1);

      name = g_strconcat (head, "\u2026", NULL);
    }
  else
    name = g_strdup (h->quote);
  if (qw->profile->crlf)
    {
      char *with_cr = crlf (name);

      g_free (name);
      name = with_cr;
    }

  indent (out, 3);
  g_string_append (out, "<PlainTextSelection");
  put_attr (out, "guid", h->uuid);
  put_attr (out, "name", name);
  g_string_append_printf (out, " startPosition=\"%" G_GINT64_FORMAT "\" endPosition=\"%"
                          G_GINT64_FORMAT "\"", target_offset (qw, h->start), target_offset (qw, h->end));
  put_attr (out, "creatingUser", author);
  put_attr (out, "creationDateTime", created);
  /* Only what says something: most highlights were never changed. */
  if (modified != NULL && g_strcmp0 (modified, created) != 0)
    {
      put_attr (out, "modifyingUser", author);
      put_attr (out, "modifiedDateTime", modified);
    }
  g_string_append (out, ">\n");

  if (h->memo[0] != '\0' && (qw->profile->memos & DOSSIER_MEMO_AS_DESCRIPTION))
    put_element (out, 4, "Description", h->memo);

  for (guint i = 0; i < h->n_tags; i++)
    {
      DossierExportTag *tag = dossier_export_context_get_tag (qw->ctx, h->tag_ids[i]);
      g_autofree char *key = NULL;
      g_autofree char *guid = NULL;

      if (tag == NULL)
        continue;
      key = g_strconcat ("coding:", tag->uuid, NULL);
      guid = dossier_exchange_guid (h->uuid, key);

      indent (out, 4);
      g_string_append (out, "<Coding");
      put_attr (out, "guid", guid);
      put_attr (out, "creatingUser", author);
      put_attr (out, "creationDateTime", created);
      g_string_append (out, ">\n");
      indent (out, 5);
      g_string_append (out, "<CodeRef");
      put_attr (out, "targetGUID", tag->uuid);
      g_string_append (out, "/>\n");
      indent (out, 4);
      g_string_append (out, "</Coding>\n");
    }

  if (h->memo[0] != '\0' && (qw->profile->memos & DOSSIER_MEMO_AS_NOTE))
    {
      memo_note = dossier_exchange_guid (h->uuid, "memo");
      indent (out, 4);
      g_string_append (out, "<NoteRef");
      put_attr (out, "targetGUID", memo_note);
      g_string_append (out, "/>\n");
      put_note (qw, memo_note, _("Memo"), h->memo, h->author, h->created);
    }

  /* The arguments it backs, as notes on the passage (what the other
   * tools show beside it). */
  {
    GPtrArray *arguments = g_hash_table_lookup (qw->arguments_of, h->uuid);

    for (guint i = 0; arguments != NULL && i < arguments->len; i++)
      {
        indent (out, 4);
        g_string_append (out, "<NoteRef");
        put_attr (out, "targetGUID", g_ptr_array_index (arguments, i));
        g_string_append (out, "/>\n");
      }
  }
  g_hash_table_add (qw->exported, g_strdup (h->uuid));

  indent (out, 3);
  g_string_append (out, "</PlainTextSelection>\n");

  return TRUE;
}

/* An orphaned highlight has no place in the text any more: it travels as
 * a note its document refers to, so that nothing is lost on the way. */
static gboolean
put_orphan (const DossierExportHighlight *h,
            gpointer                      user_data,
            GError                      **error)
{
  QdpxWriter *qw = user_data;
  g_autoptr(GString) text = g_string_new (NULL);
  char *guid = dossier_exchange_guid (h->uuid, "orphan");
  GPtrArray *notes = g_hash_table_lookup (qw->orphans, &h->document_id);

  if (notes == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = h->document_id;
      notes = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (qw->orphans, key, notes);
    }
  g_ptr_array_add (notes, guid);

  g_string_append_printf (text, "\u201c%s\u201d", h->quote);
  if (h->memo[0] != '\0')
    g_string_append_printf (text, "\n\n%s", h->memo);

  put_note (qw, guid, _("Highlight whose passage is no longer in the text"), text->str,
            h->author, h->created);
  return TRUE;
}

static void
put_variable_value (GString    *out,
                    QdpxWriter *qw,
                    DocumentVariable var,
                    const char *value)
{
  const char *element = strcmp (variables[var].type, "Date") == 0 ? "DateValue" :
                        strcmp (variables[var].type, "Integer") == 0 ? "IntegerValue" : "TextValue";

  if (value == NULL || value[0] == '\0')
    return;
  if (var == VAR_PUBLISHED && !valid_date (value))
    return;

  qw->var_used[var] = TRUE;
  indent (out, 3);
  g_string_append (out, "<VariableValue>\n");
  indent (out, 4);
  g_string_append (out, "<VariableRef");
  put_attr (out, "targetGUID", qw->var_guids[var]);
  g_string_append (out, "/>\n");
  put_element (out, 4, element, value);
  indent (out, 3);
  g_string_append (out, "</VariableValue>\n");
}

static void
put_blocks (QdpxWriter *qw,
            GArray     *blocks,
            const char *hash)
{
  GString *out = qw->extra;

  g_string_append_printf (out, "%s\n    \"%s\": {\"format\": \"", qw->n_sources > 0 ? "," : "",
                          qw->doc->uuid);
  dossier_export_append_json_string (out, qw->doc->format, -1);
  g_string_append (out, "\", \"imported\": \"");
  dossier_export_append_json_string (out, qw->doc->imported, -1);
  g_string_append_printf (out, "\", \"hash\": \"%s\", \"blocks\": [", hash);
  for (guint i = 0; i < blocks->len; i++)
    {
      const DossierBlock *b = &g_array_index (blocks, DossierBlock, i);

      g_string_append_printf (out, "%s[\"%s\", %d, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "]",
                              i > 0 ? ", " : "", dossier_block_kind_to_string (b->kind), b->level,
                              b->start, b->end);
    }
  g_string_append (out, "]}");
}

static gboolean
put_source (QdpxWriter  *qw,
            GError     **error)
{
  DossierExportDocument *doc = qw->doc;
  GString *out = qw->sources;
  g_autofree char *text = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *path = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(GArray) blocks = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *notes;
  gsize mark;

  text = dossier_export_context_get_text (qw->ctx, doc->id, error);
  if (text == NULL)
    return FALSE;
  blocks = dossier_export_context_get_blocks (qw->ctx, doc->id, error);
  if (blocks == NULL)
    return FALSE;
  hash = dossier_text_hash (text);

  g_clear_pointer (&qw->newlines, g_array_unref);
  if (qw->profile->crlf)
    {
      gint64 offset = 0;

      qw->newlines = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
        if (*p == '\n')
          g_array_append_val (qw->newlines, offset);
    }

  file_name = g_strconcat (doc->uuid, ".txt", NULL);
  entry = g_strconcat (qw->profile->sources_dir, "/", file_name, NULL);
  path = g_strconcat ("internal://", file_name, NULL);
  if (qw->profile->crlf)
    {
      char *with_cr = crlf (text);

      bytes = g_bytes_new_take (with_cr, strlen (with_cr));
    }
  else
    bytes = g_bytes_new (text, strlen (text));
  if (!dossier_zip_writer_add (qw->zip, entry, bytes, error))
    return FALSE;

  indent (out, 2);
  g_string_append (out, "<TextSource");
  put_attr (out, "guid", doc->uuid);
  put_attr (out, "name", doc->title);
  put_attr (out, "plainTextPath", path);
  put_attr (out, "creationDateTime", valid_datetime (doc->imported));
  g_string_append (out, ">\n");
  mark = out->len;

  if (!dossier_export_context_foreach_highlight (qw->ctx, doc->id, put_selection, qw, error))
    return FALSE;

  notes = g_hash_table_lookup (qw->orphans, &doc->id);
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      indent (out, 3);
      g_string_append (out, "<NoteRef");
      put_attr (out, "targetGUID", g_ptr_array_index (notes, i));
      g_string_append (out, "/>\n");
    }

  put_variable_value (out, qw, VAR_AUTHOR, doc->author);
  put_variable_value (out, qw, VAR_OUTLET, doc->outlet);
  put_variable_value (out, qw, VAR_PUBLISHED, doc->published);
  put_variable_value (out, qw, VAR_SOURCE, doc->source);

  if (out->len == mark)
    {
      /* Nothing inside: an empty element. */
      g_string_truncate (out, mark - 2);
      g_string_append (out, "/>\n");
    }
  else
    {
      indent (out, 2);
      g_string_append (out, "</TextSource>\n");
    }

  put_blocks (qw, blocks, hash);
  qw->n_sources++;
  return TRUE;
}

/* ---- Stakeholders, questions, arguments, briefings ------------------------ */

static void
put_int_variable (GString          *out,
                  QdpxWriter       *qw,
                  DocumentVariable  var,
                  int               value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  put_variable_value (out, qw, var, text);
}

/* A name for an entity that is a text (a question, an argument): its
 * first line, cut short. */
static char *
short_name (const char *text)
{
  g_autofree char *line = g_strndup (text, strcspn (text, "\n"));

  if (g_utf8_strlen (line, -1) > NAME_MAX_CHARS)
    {
      g_autofree char *head = dossier_text_slice (line, 0, NAME_MAX_CHARS - 1);

      return g_strconcat (head, "\u2026", NULL);
    }
  return g_steal_pointer (&line);
}

/* A Note that is a Dossier entity: its text, its type and @values
 * (VariableValues at depth 3). */
static void
put_entity_note (QdpxWriter *qw,
                 const char *guid,
                 const char *name,
                 const char *text,
                 const char *created,
                 const char *modified,
                 const char *type,
                 GString    *values)
{
  GString *out = qw->notes;

  indent (out, 2);
  g_string_append (out, "<Note");
  put_attr (out, "guid", guid);
  put_attr (out, "name", name);
  put_attr (out, "creationDateTime", valid_datetime (created));
  if (valid_datetime (modified) != NULL && g_strcmp0 (modified, created) != 0)
    put_attr (out, "modifiedDateTime", modified);
  g_string_append (out, ">\n");
  put_element (out, 3, "PlainTextContent", text);
  put_variable_value (out, qw, VAR_NOTE_TYPE, type);
  if (values != NULL)
    g_string_append_len (out, values->str, values->len);
  indent (out, 2);
  g_string_append (out, "</Note>\n");
}

static void
put_link (QdpxWriter *qw,
          const char *name,
          const char *origin,
          const char *target,
          const char *note)
{
  GString *out = qw->links;
  g_autofree char *key = g_strconcat ("link:", target, NULL);
  g_autofree char *guid = dossier_exchange_guid (origin, key);

  indent (out, 2);
  g_string_append (out, "<Link");
  put_attr (out, "guid", guid);
  put_attr (out, "name", name);
  put_attr (out, "direction", "OneWay");
  put_attr (out, "originGUID", origin);
  put_attr (out, "targetGUID", target);
  if (note == NULL)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  indent (out, 3);
  g_string_append (out, "<NoteRef");
  put_attr (out, "targetGUID", note);
  g_string_append (out, "/>\n");
  indent (out, 2);
  g_string_append (out, "</Link>\n");
}

/* A passage cited for @owner: a link to its selection, carrying the
 * citer's note, role and stance as an evidence note when there are any. */
static void
put_evidence (QdpxWriter          *qw,
              const char          *owner,
              const char          *highlight,
              const char          *note,
              DossierEvidenceRole  role,
              int                  stance)
{
  g_autofree char *key = NULL;
  g_autofree char *guid = NULL;
  g_autoptr(GString) values = NULL;

  if ((note == NULL || note[0] == '\0') && role == DOSSIER_EVIDENCE_NONE)
    {
      put_link (qw, "evidence", owner, highlight, NULL);
      return;
    }

  key = g_strconcat ("evidence:", highlight, NULL);
  guid = dossier_exchange_guid (owner, key);
  values = g_string_new (NULL);
  if (role != DOSSIER_EVIDENCE_NONE)
    put_variable_value (values, qw, VAR_EVIDENCE_ROLE, dossier_evidence_role_to_string (role));
  if (role == DOSSIER_EVIDENCE_STANCE && stance >= DOSSIER_STANCE_MIN && stance <= DOSSIER_STANCE_MAX)
    put_int_variable (values, qw, VAR_STANCE_POSITION, stance);
  put_entity_note (qw, guid, _("Evidence"), note != NULL ? note : "", NULL, NULL, "evidence", values);
  put_link (qw, "evidence", owner, highlight, guid);
}

/* Which arguments each highlight backs, before the selections are
 * written: they refer to the arguments' notes. */
static gboolean
load_argument_refs (QdpxWriter  *qw,
                    GError     **error)
{
  sqlite3_stmt *stmt = dossier_export_context_prepare (qw->ctx,
      "SELECT h.uuid, a.uuid FROM argument_evidence e "
      "JOIN highlights h ON h.id = e.highlight JOIN arguments a ON a.id = e.argument "
      "JOIN questions q ON q.id = a.question "
      "ORDER BY h.id, q.position, q.id, a.polarity = 'con', a.position, a.id", error);
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  while (dossier_export_context_step (qw->ctx, stmt, &row, error) && row)
    {
      const char *highlight = dossier_export_context_column_text (qw->ctx, stmt, 0);
      const char *argument = dossier_export_context_column_text (qw->ctx, stmt, 1);
      GPtrArray *arguments;

      if (highlight == NULL || argument == NULL)
        continue;
      arguments = g_hash_table_lookup (qw->arguments_of, highlight);
      if (arguments == NULL)
        {
          arguments = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (qw->arguments_of, g_strdup (highlight), arguments);
        }
      g_ptr_array_add (arguments, g_strdup (argument));
    }
  sqlite3_reset (stmt);
  return row == FALSE && (error == NULL || *error == NULL);
}

static gboolean
put_stakeholders (QdpxWriter  *qw,
                  GError     **error)
{
  DossierExportContext *ctx = qw->ctx;
  GString *out = qw->cases;
  sqlite3_stmt *stmt = dossier_export_context_prepare (ctx,
      "SELECT id, uuid, name, aliases, kind, description, stance, stance_position, interests, "
      "power, interest, color FROM stakeholders ORDER BY position, id", error);
  sqlite3_stmt *evidence = dossier_export_context_prepare (ctx,
      "SELECT h.uuid, e.note, e.role, e.stance_position FROM stakeholder_evidence e "
      "JOIN highlights h ON h.id = e.highlight WHERE e.stakeholder = ?1 "
      "ORDER BY h.document, h.start, h.end, h.id", error);
  gboolean row = FALSE, ok = TRUE;

  if (stmt == NULL || evidence == NULL)
    return FALSE;

  while ((ok = dossier_export_context_step (ctx, stmt, &row, error)) && row)
    {
      const char *uuid = dossier_export_context_column_text (ctx, stmt, 1);
      const char *description = dossier_export_context_column_text (ctx, stmt, 5);
      const char *aliases = dossier_export_context_column_text (ctx, stmt, 3);
      const char *kind = dossier_export_context_column_text (ctx, stmt, 4);
      DossierStakeholderKind known;
      gboolean ev_row = FALSE;

      if (uuid == NULL)
        continue;
      indent (out, 2);
      g_string_append (out, "<Case");
      put_attr (out, "guid", uuid);
      put_attr (out, "name", dossier_export_context_column_text (ctx, stmt, 2));
      g_string_append (out, ">\n");
      if (description != NULL && description[0] != '\0')
        put_element (out, 3, "Description", description);
      put_variable_value (out, qw, VAR_KIND, kind != NULL && dossier_stakeholder_kind_from_string (kind, &known) ?
                                             kind : "other");
      put_variable_value (out, qw, VAR_ALIASES, aliases);
      put_variable_value (out, qw, VAR_STANCE, dossier_export_context_column_text (ctx, stmt, 6));
      if (dossier_column_stance (stmt, 7) != DOSSIER_STANCE_UNKNOWN)
        put_int_variable (out, qw, VAR_STANCE_POSITION, dossier_column_stance (stmt, 7));
      put_variable_value (out, qw, VAR_INTERESTS, dossier_export_context_column_text (ctx, stmt, 8));
      put_int_variable (out, qw, VAR_POWER, dossier_column_int_within (stmt, 9, DOSSIER_RATING_MIN,
                                                                       DOSSIER_RATING_MAX));
      put_int_variable (out, qw, VAR_INTEREST, dossier_column_int_within (stmt, 10, DOSSIER_RATING_MIN,
                                                                          DOSSIER_RATING_MAX));
      put_variable_value (out, qw, VAR_COLOUR, valid_color (dossier_export_context_column_text (ctx, stmt, 11)));

      sqlite3_bind_int64 (evidence, 1, sqlite3_column_int64 (stmt, 0));
      while ((ok = dossier_export_context_step (ctx, evidence, &ev_row, error)) && ev_row)
        {
          const char *highlight = dossier_export_context_column_text (ctx, evidence, 0);
          DossierEvidenceRole role;

          /* Only passages this export holds (not orphaned, in its
           * documents). */
          if (highlight == NULL || !g_hash_table_contains (qw->exported, highlight))
            continue;
          if (!dossier_evidence_role_from_string (dossier_export_context_column_text (ctx, evidence, 2), &role))
            role = DOSSIER_EVIDENCE_NONE;
          indent (out, 3);
          g_string_append (out, "<SelectionRef");
          put_attr (out, "targetGUID", highlight);
          g_string_append (out, "/>\n");
          put_evidence (qw, uuid, highlight, dossier_export_context_column_text (ctx, evidence, 1), role,
                        dossier_column_stance (evidence, 3));
        }
      sqlite3_reset (evidence);
      if (!ok)
        break;
      indent (out, 2);
      g_string_append (out, "</Case>\n");
    }
  sqlite3_reset (stmt);
  return ok;
}

static gboolean
put_arguments (QdpxWriter  *qw,
               GError     **error)
{
  DossierExportContext *ctx = qw->ctx;
  sqlite3_stmt *questions = dossier_export_context_prepare (ctx,
      "SELECT id, uuid, text FROM questions ORDER BY position, id", error);
  sqlite3_stmt *arguments = dossier_export_context_prepare (ctx,
      "SELECT a.id, a.uuid, a.polarity, a.statement, s.uuid, a.strength FROM arguments a "
      "LEFT JOIN stakeholders s ON s.id = a.stakeholder WHERE a.question = ?1 "
      "ORDER BY a.polarity = 'con', a.position, a.id", error);
  sqlite3_stmt *evidence = dossier_export_context_prepare (ctx,
      "SELECT h.uuid, e.note FROM argument_evidence e "
      "JOIN highlights h ON h.id = e.highlight WHERE e.argument = ?1 "
      "ORDER BY h.document, h.start, h.end, h.id", error);
  gboolean row = FALSE, ok = TRUE;

  if (questions == NULL || arguments == NULL || evidence == NULL)
    return FALSE;

  while (ok && (ok = dossier_export_context_step (ctx, questions, &row, error)) && row)
    {
      const char *question = dossier_export_context_column_text (ctx, questions, 1);
      const char *text = dossier_export_context_column_text (ctx, questions, 2);
      g_autofree char *name = NULL;
      gboolean a_row = FALSE;

      if (question == NULL || text == NULL)
        continue;
      name = short_name (text);
      put_entity_note (qw, question, name, text, NULL, NULL, "question", NULL);

      sqlite3_bind_int64 (arguments, 1, sqlite3_column_int64 (questions, 0));
      while (ok && (ok = dossier_export_context_step (ctx, arguments, &a_row, error)) && a_row)
        {
          const char *argument = dossier_export_context_column_text (ctx, arguments, 1);
          const char *polarity = dossier_export_context_column_text (ctx, arguments, 2);
          const char *statement = dossier_export_context_column_text (ctx, arguments, 3);
          const char *perspective = dossier_export_context_column_text (ctx, arguments, 4);
          g_autoptr(GString) values = g_string_new (NULL);
          g_autofree char *argument_name = NULL;
          gboolean e_row = FALSE;

          if (argument == NULL || statement == NULL)
            continue;
          polarity = g_strcmp0 (polarity, "con") == 0 ? "con" : "pro";
          put_variable_value (values, qw, VAR_POLARITY, polarity);
          put_int_variable (values, qw, VAR_STRENGTH,
                            dossier_column_int_within (arguments, 5, DOSSIER_STRENGTH_MIN,
                                                       DOSSIER_STRENGTH_MAX));
          argument_name = short_name (statement);
          put_entity_note (qw, argument, argument_name, statement, NULL, NULL, "argument", values);
          put_link (qw, polarity, argument, question, NULL);
          if (perspective != NULL)
            put_link (qw, "perspective", argument, perspective, NULL);

          sqlite3_bind_int64 (evidence, 1, sqlite3_column_int64 (arguments, 0));
          while ((ok = dossier_export_context_step (ctx, evidence, &e_row, error)) && e_row)
            {
              const char *highlight = dossier_export_context_column_text (ctx, evidence, 0);

              if (highlight != NULL && g_hash_table_contains (qw->exported, highlight))
                put_evidence (qw, argument, highlight, dossier_export_context_column_text (ctx, evidence, 1),
                              DOSSIER_EVIDENCE_NONE, DOSSIER_STANCE_UNKNOWN);
            }
          sqlite3_reset (evidence);
        }
      sqlite3_reset (arguments);
    }
  sqlite3_reset (questions);
  return ok;
}

static gboolean
put_briefings (QdpxWriter  *qw,
               GError     **error)
{
  DossierExportContext *ctx = qw->ctx;
  sqlite3_stmt *briefings = dossier_export_context_prepare (ctx,
      "SELECT id, uuid, title, body, created, modified FROM briefings ORDER BY id", error);
  sqlite3_stmt *documents = dossier_export_context_prepare (ctx,
      "SELECT b.document FROM briefing_documents b WHERE b.briefing = ?1 "
      "ORDER BY b.position, b.document", error);
  gboolean row = FALSE, ok = TRUE;

  if (briefings == NULL || documents == NULL)
    return FALSE;

  while ((ok = dossier_export_context_step (ctx, briefings, &row, error)) && row)
    {
      const char *briefing = dossier_export_context_column_text (ctx, briefings, 1);
      const char *title = dossier_export_context_column_text (ctx, briefings, 2);
      const char *body = dossier_export_context_column_text (ctx, briefings, 3);
      gboolean d_row = FALSE;

      if (briefing == NULL || title == NULL)
        continue;
      put_entity_note (qw, briefing, title, body != NULL ? body : "",
                       dossier_export_context_column_text (ctx, briefings, 4),
                       dossier_export_context_column_text (ctx, briefings, 5), "briefing", NULL);

      /* The documents it compares, those this export holds. */
      sqlite3_bind_int64 (documents, 1, sqlite3_column_int64 (briefings, 0));
      while ((ok = dossier_export_context_step (ctx, documents, &d_row, error)) && d_row)
        {
          gint64 id = sqlite3_column_int64 (documents, 0);

          for (guint i = 0; i < ctx->documents->len; i++)
            {
              DossierExportDocument *doc = g_ptr_array_index (ctx->documents, i);

              if (doc->id == id)
                put_link (qw, "document", briefing, doc->uuid, NULL);
            }
        }
      sqlite3_reset (documents);
      if (!ok)
        break;
    }
  sqlite3_reset (briefings);
  return ok;
}

static gboolean
append_user (gpointer key,
             gpointer value,
             gpointer data)
{
  GString *out = data;

  indent (out, 2);
  g_string_append (out, "<User");
  put_attr (out, "guid", value);
  put_attr (out, "name", key);
  g_string_append (out, "/>\n");
  return FALSE;
}

static char *
project_created (DossierExportContext *ctx)
{
  sqlite3_stmt *stmt = dossier_export_context_prepare (ctx, "SELECT created FROM project WHERE id = 1",
                                                       NULL);
  gboolean row = FALSE;
  char *created = NULL;

  if (stmt != NULL && dossier_export_context_step (ctx, stmt, &row, NULL) && row)
    created = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return created;
}

/* @body, the elements collected for list @name while the project was
 * walked, as that list of the project; no list when there are none. */
static void
append_list (GString       *qde,
             const char    *name,
             const GString *body)
{
  if (body->len == 0)
    return;
  g_string_append_printf (qde, "  <%s>\n", name);
  g_string_append_len (qde, body->str, body->len);
  g_string_append_printf (qde, "  </%s>\n", name);
}

gboolean
dossier_exchange_write_qdpx (DossierExportContext *ctx,
                             DossierExportWriter  *w,
                             GError              **error)
{
  QdpxWriter qw = { 0 };
  g_autoptr(GString) qde = NULL;
  g_autoptr(GBytes) qde_bytes = NULL;
  g_autoptr(GBytes) extra_bytes = NULL;
  g_autoptr(GBytes) archive = NULL;
  g_autofree char *created = NULL;
  gboolean ok = FALSE;
  gsize size;
  const guint8 *data;

  qw.ctx = ctx;
  qw.profile = dossier_exchange_profile_get (ctx->options.target);
  if (qw.profile == NULL)
    qw.profile = dossier_exchange_profile_get (DOSSIER_EXCHANGE_TARGET_STANDARD);
  qw.sources = g_string_new (NULL);
  qw.notes = g_string_new (NULL);
  qw.extra = g_string_new ("{\"format\": \"dossier-qdpx-extra\", \"version\": 1, \"documents\": {");
  qw.users = g_tree_new_full ((GCompareDataFunc) strcmp, NULL, g_free, g_free);
  qw.orphans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                      (GDestroyNotify) g_ptr_array_unref);
  qw.zip = dossier_zip_writer_new ();
  qw.cases = g_string_new (NULL);
  qw.links = g_string_new (NULL);
  qw.exported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  qw.arguments_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  for (guint v = 0; v < N_VARS; v++)
    {
      g_autofree char *key = g_strconcat ("variable:", variables[v].name, NULL);

      qw.var_guids[v] = dossier_exchange_guid (NULL, key);
    }

  /* Orphans first, in one pass: their notes are referred to from their
   * documents' sources. */
  if (!dossier_export_context_foreach_orphan (ctx, put_orphan, &qw, error) ||
      !load_argument_refs (&qw, error))
    goto out;

  for (guint i = 0; i < ctx->documents->len; i++)
    {
      qw.doc = g_ptr_array_index (ctx->documents, i);
      if (!put_source (&qw, error))
        goto out;
      if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
        goto out;
    }
  qw.doc = NULL;
  g_string_append (qw.extra, "\n  }\n}\n");

  if (!put_stakeholders (&qw, error) || !put_arguments (&qw, error) || !put_briefings (&qw, error))
    goto out;

  created = project_created (ctx);

  /* Assembled in the schema's order: Users, CodeBook, Variables, Sources,
   * Notes. */
  qde = g_string_sized_new (qw.sources->len + qw.notes->len + 64 * 1024);
  g_string_append (qde, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
  g_string_append (qde, "<Project xmlns=\"" PROJECT_NS "\"");
  put_attr (qde, "name", ctx->title[0] != '\0' ? ctx->title : _("Untitled Project"));
  put_attr (qde, "origin", ORIGIN);
  put_attr (qde, "creationDateTime", valid_datetime (created));
  g_string_append (qde, ">\n");

  if (g_tree_nnodes (qw.users) > 0)
    {
      g_string_append (qde, "  <Users>\n");
      g_tree_foreach (qw.users, append_user, qde);
      g_string_append (qde, "  </Users>\n");
    }

  if (has_codes (ctx, TRUE))
    {
      g_string_append (qde, "  <CodeBook>\n");
      put_codes (ctx, qde, 2, TRUE);
      g_string_append (qde, "  </CodeBook>\n");
    }

  {
    gboolean any = FALSE;

    for (guint v = 0; v < N_VARS; v++)
      {
        if (!qw.var_used[v])
          continue;
        if (!any)
          g_string_append (qde, "  <Variables>\n");
        any = TRUE;
        indent (qde, 2);
        g_string_append (qde, "<Variable");
        put_attr (qde, "guid", qw.var_guids[v]);
        put_attr (qde, "name", variables[v].name);
        put_attr (qde, "typeOfVariable", variables[v].type);
        g_string_append (qde, ">\n");
        put_element (qde, 3, "Description", variables[v].description);
        indent (qde, 2);
        g_string_append (qde, "</Variable>\n");
      }
    if (any)
      g_string_append (qde, "  </Variables>\n");
  }

  append_list (qde, "Cases", qw.cases);
  append_list (qde, "Sources", qw.sources);
  g_string_truncate (qw.sources, 0);
  append_list (qde, "Notes", qw.notes);
  append_list (qde, "Links", qw.links);

  g_string_append (qde, "</Project>\n");

  qde_bytes = g_string_free_to_bytes (g_steal_pointer (&qde));
  extra_bytes = g_string_free_to_bytes (g_steal_pointer (&qw.extra));
  if (!dossier_zip_writer_add (qw.zip, "project.qde", qde_bytes, error) ||
      !dossier_zip_writer_add (qw.zip, "dossier.json", extra_bytes, error))
    goto out;

  archive = dossier_zip_writer_finish (qw.zip, error);
  if (archive == NULL)
    goto out;

  /* Out through the writer, a chunk at a time. */
  data = g_bytes_get_data (archive, &size);
  for (gsize done = 0; done < size;)
    {
      gsize n = MIN (size - done, 256 * 1024);

      dossier_export_writer_put (w, (const char *) data + done, n);
      done += n;
      if (!dossier_export_writer_check (w))
        break;
    }
  ok = TRUE;

out:
  g_string_free (qw.sources, TRUE);
  g_string_free (qw.notes, TRUE);
  g_string_free (qw.cases, TRUE);
  g_string_free (qw.links, TRUE);
  g_hash_table_unref (qw.exported);
  g_hash_table_unref (qw.arguments_of);
  if (qw.extra != NULL)
    g_string_free (qw.extra, TRUE);
  g_tree_unref (qw.users);
  g_hash_table_unref (qw.orphans);
  g_clear_pointer (&qw.newlines, g_array_unref);
  dossier_zip_writer_free (qw.zip);
  for (guint v = 0; v < N_VARS; v++)
    g_free (qw.var_guids[v]);
  return ok;
}
