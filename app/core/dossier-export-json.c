/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-export-json.c — the "dossier-export" version 1 JSON format of
 * DESIGN.md, a contract other tools rely on: field names never change,
 * later versions only add fields. Written as a stream, one array element
 * per line, so a 100,000-highlight project never sits in memory twice.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <string.h>

#include <dossier/dossier-markdown.h>
#include <dossier/dossier-text.h>

#include "dossier-export-private.h"
#include "dossier-project-private.h"

static void
put_string (DossierExportWriter *w,
            const char          *s)
{
  dossier_export_append_json_value (w->buf, s);
}

/* ", "key": "value" — keys are ours and need no escaping. */
static void
put_key (DossierExportWriter *w,
         const char          *key)
{
  g_string_append_len (w->buf, ", \"", 3);
  g_string_append (w->buf, key);
  g_string_append_len (w->buf, "\": ", 3);
}

static void
put_member (DossierExportWriter *w,
            const char          *key,
            const char          *value)
{
  put_key (w, key);
  put_string (w, value);
}

static void
put_int (DossierExportWriter *w,
         const char          *key,
         gint64               value)
{
  put_key (w, key);
  dossier_export_append_int (w->buf, value);
}

/* The top-level lists have one record a line, each opening with its
 * "id"; @index is the record's place in its list (0: the first). */
static void
begin_record (DossierExportWriter *w,
              guint                index,
              gint64               id)
{
  g_string_append (w->buf, index > 0 ? ",\n    {\"id\": " : "\n    {\"id\": ");
  dossier_export_append_int (w->buf, id);
}

/* Closes a top-level list of @n records (an empty one stays "[]"). */
static void
end_records (DossierExportWriter *w,
             guint                n)
{
  dossier_export_writer_puts (w, n > 0 ? "\n  ]" : "]");
}

/* How often a stakeholder's names occur in one document of the export. */
typedef struct
{
  gint64 document;
  guint  count;
} MentionCount;

/* Adds the mentions of every stakeholder in @text (document @document_id)
 * to @mentions: stakeholder id → GArray of MentionCount, in the order of
 * the documents. Counted from the text the export carries, as
 * docs/export-format.md defines them, not read from the counts the file
 * stores: a file from someone else may store any count there. */
static void
count_mentions (DossierMentionFinder *finder,
                gint64                document_id,
                const char           *text,
                GHashTable           *mentions)
{
  g_autoptr(GArray) found = dossier_mention_finder_find (finder, text);

  for (guint i = 0; i < found->len; i++)
    {
      gint64 key = g_array_index (found, DossierMention, i).key;
      GArray *counts = g_hash_table_lookup (mentions, &key);
      MentionCount *last;

      if (counts == NULL)
        {
          counts = g_array_new (FALSE, FALSE, sizeof (MentionCount));
          g_hash_table_insert (mentions, g_memdup2 (&key, sizeof key), counts);
        }
      last = counts->len > 0 ? &g_array_index (counts, MentionCount, counts->len - 1) : NULL;
      if (last != NULL && last->document == document_id)
        last->count++;
      else
        g_array_append_val (counts, ((MentionCount) { document_id, 1 }));
    }
}

static gboolean
write_documents (DossierExportContext *ctx,
                 DossierExportWriter  *w,
                 GHashTable           *mentions,
                 GError              **error)
{
  g_autoptr(DossierMentionFinder) finder = NULL;

  finder = dossier_mentions_finder_read (ctx->db, dossier_project_get_path (ctx->project), error);
  if (finder == NULL)
    return FALSE;
  if (dossier_mention_finder_get_n_aliases (finder) == 0)
    g_clear_pointer (&finder, dossier_mention_finder_unref);

  dossier_export_writer_puts (w, ",\n  \"documents\": [");

  for (guint i = 0; i < ctx->documents->len; i++)
    {
      DossierExportDocument *doc = g_ptr_array_index (ctx->documents, i);
      g_autofree char *text = NULL;
      g_autoptr(GArray) blocks = NULL;

      text = dossier_export_context_get_text (ctx, doc->id, error);
      if (text == NULL)
        return FALSE;
      blocks = dossier_export_context_get_blocks (ctx, doc->id, error);
      if (blocks == NULL)
        return FALSE;
      if (finder != NULL)
        count_mentions (finder, doc->id, text, mentions);

      begin_record (w, i, doc->id);
      put_member (w, "uuid", doc->uuid);
      put_member (w, "title", doc->title);
      put_member (w, "author", doc->author);
      put_member (w, "outlet", doc->outlet);
      put_member (w, "source", doc->source);
      put_member (w, "published", doc->published);
      put_member (w, "imported", doc->imported);
      put_member (w, "format", doc->format);
      put_member (w, "text", text);

      dossier_export_writer_puts (w, ", \"blocks\": [");
      for (guint b = 0; b < blocks->len; b++)
        {
          const DossierBlock *block = &g_array_index (blocks, DossierBlock, b);

          g_string_append_printf (w->buf,
                                  "%s{\"kind\": \"%s\", \"level\": %d, "
                                  "\"start\": %" G_GINT64_FORMAT ", \"end\": %" G_GINT64_FORMAT "}",
                                  b > 0 ? ", " : "",
                                  dossier_block_kind_to_string (block->kind),
                                  block->level, block->start, block->end);
          if (!dossier_export_writer_check (w))
            return TRUE;  /* the writer holds the error */
        }
      dossier_export_writer_puts (w, "]}");

      if (!dossier_export_writer_check (w))
        return TRUE;
    }

  end_records (w, ctx->documents->len);
  return TRUE;
}

static void
write_tags (DossierExportContext *ctx,
            DossierExportWriter  *w)
{
  dossier_export_writer_puts (w, ",\n  \"tags\": [");

  for (guint i = 0; i < ctx->tags->len; i++)
    {
      DossierExportTag *tag = g_ptr_array_index (ctx->tags, i);

      begin_record (w, i, tag->id);
      put_member (w, "uuid", tag->uuid);
      put_member (w, "name", tag->name);
      if (tag->parent_id != 0)
        put_int (w, "parent", tag->parent_id);
      else
        dossier_export_writer_puts (w, ", \"parent\": null");
      put_member (w, "color", tag->color);
      put_member (w, "description", tag->description);
      put_member (w, "path", tag->path);
      dossier_export_writer_puts (w, "}");
    }

  end_records (w, ctx->tags->len);
}

typedef struct
{
  DossierExportContext *ctx;
  DossierExportWriter  *w;
  guint                 n;
  GHashTable           *ids;  /* exported highlight ids, when filtered; else NULL */
  GHashTable           *uuids; /* their UUIDs, in lower case, when filtered */
} HighlightsData;

static gboolean
write_highlight (const DossierExportHighlight *h,
                 gpointer                      user_data,
                 GError                      **error)
{
  HighlightsData *data = user_data;
  DossierExportWriter *w = data->w;

  begin_record (w, data->n++, h->id);
  put_member (w, "uuid", h->uuid);
  put_int (w, "document", h->document_id);
  if (h->prefix == NULL)
    {
      put_int (w, "start", h->start);
      put_int (w, "end", h->end);
    }
  put_member (w, "quote", h->quote);
  if (h->prefix != NULL)
    {
      /* An orphan has no valid offsets; its quote and context are what a
       * reader needs to find the passage again. */
      put_member (w, "prefix", h->prefix);
      put_member (w, "suffix", h->suffix);
    }

  dossier_export_writer_puts (w, ", \"tags\": [");
  for (guint i = 0, n = 0; i < h->n_tags; i++)
    {
      /* A file edited by hand may have deleted the tag and kept the row:
       * only the tags "tags" lists, so that every reference resolves. */
      if (dossier_export_context_get_tag (data->ctx, h->tag_ids[i]) == NULL)
        continue;
      if (n++ > 0)
        g_string_append_len (w->buf, ", ", 2);
      dossier_export_append_int (w->buf, h->tag_ids[i]);
    }
  dossier_export_writer_puts (w, "]");

  put_member (w, "memo", h->memo);
  put_member (w, "author", h->author);
  put_member (w, "created", h->created);
  dossier_export_writer_puts (w, "}");

  if (data->ids != NULL)
    {
      gint64 *id = g_new (gint64, 1);

      *id = h->id;
      g_hash_table_add (data->ids, id);
      g_hash_table_add (data->uuids, g_ascii_strdown (h->uuid, -1));
    }

  /* Stop the walk as soon as the stream failed or was cancelled. */
  return dossier_export_writer_check_walk (w, error);
}

/* ---- Stakeholders, questions, arguments, briefings --------------------- */


static void
put_optional_int (DossierExportWriter *w,
                  const char          *key,
                  sqlite3_stmt        *stmt,
                  int                  column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    g_string_append_printf (w->buf, ", \"%s\": null", key);
  else
    put_int (w, key, sqlite3_column_int64 (stmt, column));
}

/* The numbers a file may hold anything in, read as the models read them
 * (the window shows those): a number within [@min, @max], clamped. */
static void
put_int_within (DossierExportWriter *w,
                const char          *key,
                sqlite3_stmt        *stmt,
                int                  column,
                int                  min,
                int                  max)
{
  put_int (w, key, dossier_column_int_within (stmt, column, min, max));
}

/* A stance, -2…2, or null when not assessed (or out of that range). */
static void
put_stance (DossierExportWriter *w,
            const char          *key,
            sqlite3_stmt        *stmt,
            int                  column)
{
  int stance = dossier_column_stance (stmt, column);

  if (stance == DOSSIER_STANCE_UNKNOWN)
    g_string_append_printf (w->buf, ", \"%s\": null", key);
  else
    put_int (w, key, stance);
}

/* Opens the list @key of @owner's rows, which @stmt gives with the owner
 * bound as ?1. */
static void
begin_list (DossierExportWriter *w,
            sqlite3_stmt        *stmt,
            gint64               owner,
            const char          *key)
{
  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, owner);
  put_key (w, key);
  dossier_export_writer_puts (w, "[");
}

/* Closes a list written from @stmt's rows, whose last step gave @rc. */
static gboolean
end_list (DossierExportContext *ctx,
          DossierExportWriter  *w,
          sqlite3_stmt         *stmt,
          int                   rc,
          GError              **error)
{
  sqlite3_reset (stmt);
  dossier_export_writer_puts (w, "]");

  if (rc != SQLITE_DONE)
    {
      dossier_export_context_set_db_error (ctx, error);
      return FALSE;
    }
  return TRUE;
}

/* "evidence": [{"highlight": 3, "note": "…"}] — only highlights that are
 * in this export, so every reference resolves. A stakeholder's evidence
 * (@roles) also says its "role" ("" for none) and "stance_position" (null
 * unless the role is "stance"). */
static gboolean
put_evidence (DossierExportContext *ctx,
              DossierExportWriter  *w,
              sqlite3_stmt         *stmt,
              gint64                owner,
              GHashTable           *ids,
              gboolean              roles,
              GError              **error)
{
  guint n = 0;
  int rc;

  begin_list (w, stmt, owner, "evidence");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 highlight = sqlite3_column_int64 (stmt, 0);

      if (ids != NULL && !g_hash_table_contains (ids, &highlight))
        continue;
      g_string_append_printf (w->buf, "%s{\"highlight\": %" G_GINT64_FORMAT,
                              n++ > 0 ? ", " : "", highlight);
      put_member (w, "note", dossier_export_context_column_text (ctx, stmt, 1));
      if (roles)
        {
          DossierEvidenceRole role;

          /* As the evidence list reads them: a role it does not know is
           * none, and only a stance role has a stance. */
          if (!dossier_evidence_role_from_string (dossier_export_context_column_text (ctx, stmt, 2),
                                                  &role))
            role = DOSSIER_EVIDENCE_NONE;
          put_member (w, "role", dossier_evidence_role_to_string (role));
          if (role == DOSSIER_EVIDENCE_STANCE)
            put_stance (w, "stance_position", stmt, 3);
          else
            dossier_export_writer_puts (w, ", \"stance_position\": null");
        }
      dossier_export_writer_puts (w, "}");
    }
  return end_list (ctx, w, stmt, rc, error);
}

/* "mentions": [{"document": 1, "count": 3}] — how often its names occur
 * in each document of the export (count_mentions ()). */
static void
put_mentions (DossierExportWriter *w,
              GHashTable          *mentions,
              gint64               owner)
{
  GArray *counts = g_hash_table_lookup (mentions, &owner);

  dossier_export_writer_puts (w, ", \"mentions\": [");
  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      const MentionCount *mention = &g_array_index (counts, MentionCount, i);

      g_string_append_printf (w->buf, "%s{\"document\": %" G_GINT64_FORMAT,
                              i > 0 ? ", " : "", mention->document);
      put_int (w, "count", mention->count);
      dossier_export_writer_puts (w, "}");
    }
  dossier_export_writer_puts (w, "]");
}

static gboolean
step_row (DossierExportContext *ctx,
          sqlite3_stmt         *stmt,
          gboolean             *ok,
          GError              **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      dossier_export_context_set_db_error (ctx, error);
      *ok = FALSE;
    }
  return FALSE;
}

static gboolean
write_stakeholders (DossierExportContext *ctx,
                    DossierExportWriter  *w,
                    GHashTable           *ids,
                    GHashTable           *mentions,
                    GError              **error)
{
  sqlite3_stmt *stmt, *evidence;
  gboolean ok = TRUE;
  guint n = 0;

  stmt = dossier_export_context_prepare (ctx,
      "SELECT id, uuid, name, aliases, kind, description, stance, interests, power, "
      "interest, color, stance_position, position FROM stakeholders ORDER BY position, id", error);
  evidence = dossier_export_context_prepare (ctx,
      "SELECT e.highlight, e.note, e.role, e.stance_position FROM stakeholder_evidence e "
      "JOIN highlights h ON h.id = e.highlight WHERE e.stakeholder = ?1 "
      "AND " DOSSIER_SQL_DOCUMENT_EXISTS ("h.document") " "
      "ORDER BY h.document, h.start, h.end, h.id", error);
  if (stmt == NULL || evidence == NULL)
    return FALSE;

  dossier_export_writer_puts (w, ",\n  \"stakeholders\": [");
  while (ok && step_row (ctx, stmt, &ok, error))
    {
      const char *aliases_text = dossier_export_context_column_text (ctx, stmt, 3);
      g_auto(GStrv) aliases = g_strsplit (aliases_text != NULL ? aliases_text : "", "\n", -1);
      guint n_aliases = 0;

      begin_record (w, n++, sqlite3_column_int64 (stmt, 0));
      put_member (w, "uuid", dossier_export_context_column_text (ctx, stmt, 1));
      put_member (w, "name", dossier_export_context_column_text (ctx, stmt, 2));
      /* Stored one per line; a list for readers. */
      dossier_export_writer_puts (w, ", \"aliases\": [");
      for (guint i = 0; aliases[i] != NULL; i++)
        {
          g_strstrip (aliases[i]);
          if (*aliases[i] == '\0')
            continue;
          if (n_aliases++ > 0)
            dossier_export_writer_puts (w, ", ");
          put_string (w, aliases[i]);
        }
      dossier_export_writer_puts (w, "]");
      put_member (w, "kind", dossier_export_context_column_text (ctx, stmt, 4));
      put_member (w, "description", dossier_export_context_column_text (ctx, stmt, 5));
      put_member (w, "stance", dossier_export_context_column_text (ctx, stmt, 6));
      put_member (w, "interests", dossier_export_context_column_text (ctx, stmt, 7));
      put_int_within (w, "power", stmt, 8, DOSSIER_RATING_MIN, DOSSIER_RATING_MAX);
      put_int_within (w, "interest", stmt, 9, DOSSIER_RATING_MIN, DOSSIER_RATING_MAX);
      put_member (w, "color", dossier_export_context_column_text (ctx, stmt, 10));
      put_stance (w, "stance_position", stmt, 11);
      put_int_within (w, "position", stmt, 12, 0, G_MAXINT);
      if (!put_evidence (ctx, w, evidence, sqlite3_column_int64 (stmt, 0), ids, TRUE, error))
        ok = FALSE;
      put_mentions (w, mentions, sqlite3_column_int64 (stmt, 0));
      dossier_export_writer_puts (w, "}");
    }
  sqlite3_reset (stmt);
  end_records (w, n);
  return ok;
}

static gboolean
write_arguments (DossierExportContext *ctx,
                 DossierExportWriter  *w,
                 GHashTable           *ids,
                 GError              **error)
{
  sqlite3_stmt *questions, *stmt, *evidence;
  gboolean ok = TRUE;
  guint n = 0;

  questions = dossier_export_context_prepare (ctx,
      "SELECT id, uuid, text, position FROM questions ORDER BY position, id", error);
  stmt = dossier_export_context_prepare (ctx,
      /* The stakeholder only if there is one (a file edited by hand may
       * have deleted it and kept the reference). */
      "SELECT a.id, a.uuid, a.question, a.polarity, a.statement, "
      "(SELECT id FROM stakeholders WHERE id = a.stakeholder), a.strength, a.position "
      "FROM arguments a JOIN questions q ON q.id = a.question "
      "ORDER BY q.position, q.id, a.polarity DESC, a.position, a.id", error);
  evidence = dossier_export_context_prepare (ctx,
      "SELECT e.highlight, e.note FROM argument_evidence e "
      "JOIN highlights h ON h.id = e.highlight WHERE e.argument = ?1 "
      "AND " DOSSIER_SQL_DOCUMENT_EXISTS ("h.document") " "
      "ORDER BY h.document, h.start, h.end, h.id", error);
  if (questions == NULL || stmt == NULL || evidence == NULL)
    return FALSE;

  /* Arguments bear on questions; the questions are listed too (a field
   * added to version 1, as the contract allows). */
  dossier_export_writer_puts (w, ",\n  \"questions\": [");
  while (ok && step_row (ctx, questions, &ok, error))
    {
      begin_record (w, n++, sqlite3_column_int64 (questions, 0));
      put_member (w, "uuid", dossier_export_context_column_text (ctx, questions, 1));
      put_member (w, "text", dossier_export_context_column_text (ctx, questions, 2));
      put_int_within (w, "position", questions, 3, 0, G_MAXINT);
      dossier_export_writer_puts (w, "}");
    }
  sqlite3_reset (questions);
  end_records (w, n);

  n = 0;
  dossier_export_writer_puts (w, ",\n  \"arguments\": [");
  while (ok && step_row (ctx, stmt, &ok, error))
    {
      begin_record (w, n++, sqlite3_column_int64 (stmt, 0));
      put_member (w, "uuid", dossier_export_context_column_text (ctx, stmt, 1));
      put_int (w, "question", sqlite3_column_int64 (stmt, 2));
      put_member (w, "polarity", dossier_export_context_column_text (ctx, stmt, 3));
      put_member (w, "statement", dossier_export_context_column_text (ctx, stmt, 4));
      put_optional_int (w, "stakeholder", stmt, 5);
      put_int_within (w, "strength", stmt, 6, DOSSIER_STRENGTH_MIN, DOSSIER_STRENGTH_MAX);
      put_int_within (w, "position", stmt, 7, 0, G_MAXINT);
      if (!put_evidence (ctx, w, evidence, sqlite3_column_int64 (stmt, 0), ids, FALSE, error))
        ok = FALSE;
      dossier_export_writer_puts (w, "}");
    }
  sqlite3_reset (stmt);
  end_records (w, n);
  return ok;
}

/* Every note; in a filtered export (@uuids, those of its highlights) only
 * the notes that cite one of them, each listing only the documents that
 * are in the export, so that every reference resolves. */
static gboolean
write_briefings (DossierExportContext *ctx,
                 DossierExportWriter  *w,
                 GHashTable           *uuids,
                 GError              **error)
{
  sqlite3_stmt *stmt, *documents;
  gboolean ok = TRUE;
  guint n = 0;

  stmt = dossier_export_context_prepare (ctx,
      "SELECT id, uuid, title, body, created, modified FROM briefings ORDER BY id", error);
  documents = dossier_export_context_prepare (ctx,
      "SELECT document FROM briefing_documents WHERE briefing = ?1 "
      "AND " DOSSIER_SQL_BRIEFING_DOCUMENT_SHOWN " ORDER BY position, document",
      error);
  if (stmt == NULL || documents == NULL)
    return FALSE;

  dossier_export_writer_puts (w, ",\n  \"briefings\": [");
  while (ok && step_row (ctx, stmt, &ok, error))
    {
      guint m = 0;

      if (uuids != NULL && !dossier_markdown_cites_any (dossier_export_context_column_text (ctx, stmt, 3),
                                                        uuids))
        continue;
      begin_record (w, n++, sqlite3_column_int64 (stmt, 0));
      put_member (w, "uuid", dossier_export_context_column_text (ctx, stmt, 1));
      put_member (w, "title", dossier_export_context_column_text (ctx, stmt, 2));
      put_member (w, "body", dossier_export_context_column_text (ctx, stmt, 3));
      put_member (w, "created", dossier_export_context_column_text (ctx, stmt, 4));
      put_member (w, "modified", dossier_export_context_column_text (ctx, stmt, 5));

      begin_list (w, documents, sqlite3_column_int64 (stmt, 0), "documents");
      while (step_row (ctx, documents, &ok, error))
        {
          gint64 document = sqlite3_column_int64 (documents, 0);

          if (ctx->filter.document_id != 0 && document != ctx->filter.document_id)
            continue;
          g_string_append_printf (w->buf, "%s%" G_GINT64_FORMAT, m++ > 0 ? ", " : "", document);
        }
      sqlite3_reset (documents);
      dossier_export_writer_puts (w, "]}");
    }
  sqlite3_reset (stmt);
  end_records (w, n);
  return ok;
}

gboolean
dossier_export_write_json (DossierExportContext *ctx,
                           DossierExportWriter  *w,
                           GError              **error)
{
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) uuids = NULL;
  g_autoptr(GHashTable) mentions = NULL;
  HighlightsData data = { ctx, w, 0, NULL, NULL };
  gboolean filtered = ctx->filter.document_id != 0 || ctx->filter.tag_id != 0;

  if (filtered)
    {
      ids = data.ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      uuids = data.uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  dossier_export_writer_puts (w, "{\n  \"format\": \"dossier-export\",\n  \"version\": 1,\n");
  dossier_export_writer_puts (w, "  \"project\": {\"title\": ");
  put_string (w, ctx->title);
  dossier_export_writer_puts (w, ", \"uuid\": ");
  put_string (w, ctx->uuid);
  dossier_export_writer_puts (w, "}");

  mentions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                    (GDestroyNotify) g_array_unref);
  if (!write_documents (ctx, w, mentions, error))
    return FALSE;
  if (w->error != NULL)
    return TRUE;

  write_tags (ctx, w);

  dossier_export_writer_puts (w, ",\n  \"highlights\": [");
  /* A walk stopped by a write error fails with a stand-in error, which
   * dossier_export_to_stream () replaces with the writer's own. */
  if (!dossier_export_context_foreach_highlight (ctx, 0, write_highlight, &data, error))
    return FALSE;
  end_records (w, data.n);

  /* Highlights whose passage vanished from a newer version of the text
   * keep their quote here, without offsets, so that "highlights" always
   * satisfies text[start:end] == quote and nothing is lost. */
  data.n = 0;
  dossier_export_writer_puts (w, ",\n  \"orphans\": [");
  if (!dossier_export_context_foreach_orphan (ctx, write_highlight, &data, error))
    return FALSE;
  end_records (w, data.n);

  if (!write_stakeholders (ctx, w, ids, mentions, error) ||
      !write_arguments (ctx, w, ids, error) ||
      !write_briefings (ctx, w, uuids, error))
    return FALSE;

  dossier_export_writer_puts (w, "\n}\n");
  return TRUE;
}
