/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-w3c-import.c — a W3C Web Annotation collection (JSON-LD) onto the
 * project's documents, so that highlights made in web annotation tools come
 * in.
 *
 * Accepted: an AnnotationCollection (its "first" page inline), an
 * AnnotationPage, an array of Annotations, or one Annotation. Each target
 * is placed on the document whose text holds its TextQuoteSelector's quote
 * with the best agreeing prefix and suffix — the document the target's
 * source names (its URL, or urn:uuid:DOCUMENT) first, any document if that
 * one does not hold it — at the TextPositionSelector's offsets when they
 * still select the quote; approximately only on the named document.
 * "tagging" bodies become tags (a path "A/B" nests them), "commenting",
 * "describing" and untyped textual bodies the memo. What cannot be placed
 * is listed in the report.
 *
 * Runs in a worker thread on a read-only connection of its own.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <dossier/dossier-anchor.h>
#include <dossier/dossier-text.h>

#include "dossier-exchange-private.h"

#define MAX_FILE_BYTES (64 * 1024 * 1024)
/* Annotations listed one by one in the report, at most; the rest are
 * counted. */
#define MAX_LISTED 20

typedef struct
{
  gint64             id;
  char              *uuid;
  char              *source;
  char              *text;
  char              *hash;
  DossierAnchorText *anchor;     /* built on first need */
  DossierExchangeSource *out;    /* its highlights, once one is placed */
} Doc;

static void
doc_free (gpointer p)
{
  Doc *doc = p;

  g_free (doc->uuid);
  g_free (doc->source);
  g_free (doc->text);
  g_free (doc->hash);
  g_clear_pointer (&doc->anchor, dossier_anchor_text_free);
  g_free (doc);
}

typedef struct
{
  DossierExchangeData *data;
  GPtrArray           *docs;         /* of Doc */
  GHashTable          *tags;         /* path → code index + 1 */
  guint                unplaced;
  guint                listed;
  guint                approximate;
  guint                multiple;
  guint                other_bodies;
} W3cReader;

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_int (JsonObject *object,
            const char *name,
            gint64     *value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

/* The value of "type" (a string or the first of an array). */
static const char *
type_of (JsonObject *object)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, "type") : NULL;

  if (node == NULL)
    node = object != NULL ? json_object_get_member (object, "@type") : NULL;
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    node = json_array_get_element (json_node_get_array (node), 0);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A member that may be one item or an array of items, as a list of nodes
 * (transfer container). */
static GList *
items_of (JsonObject *object,
          const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_elements (json_node_get_array (node));
  return g_list_prepend (NULL, node);
}

static char *
clean_text (const char *s)
{
  char *norm;

  if (s == NULL || !g_utf8_validate (s, -1, NULL))
    return NULL;
  norm = dossier_text_normalize (s, -1, NULL);
  return norm != NULL ? g_strstrip (norm) : NULL;
}

/* The code for a tag path, made (with its parents) on first use. */
static int
code_for_path (W3cReader  *r,
               const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", 32);
  g_autoptr(GString) so_far = g_string_new (NULL);
  int parent = -1;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (parts[i]);
      gpointer found;

      if (name[0] == '\0')
        continue;
      if (so_far->len > 0)
        g_string_append_c (so_far, '/');
      g_string_append (so_far, name);

      found = g_hash_table_lookup (r->tags, so_far->str);
      if (found != NULL)
        parent = GPOINTER_TO_INT (found) - 1;
      else
        {
          parent = dossier_exchange_data_add_code (r->data, NULL, name, NULL, NULL, parent);
          g_hash_table_insert (r->tags, g_strdup (so_far->str), GINT_TO_POINTER (parent + 1));
        }
    }
  return parent;
}

/* How many characters of @prefix and @suffix agree around [start, end). */
static gint64
context_agreement (Doc        *doc,
                   gint64      start,
                   gint64      end,
                   const char *prefix,
                   const char *suffix)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 score = 0;

  if (prefix != NULL && prefix[0] != '\0')
    {
      glong n = g_utf8_strlen (prefix, -1);
      const char *p, *q;

      before = dossier_text_slice (doc->text, MAX (0, start - n), start);
      p = before + strlen (before);
      q = prefix + strlen (prefix);
      while (p > before && q > prefix)
        {
          p = g_utf8_prev_char (p);
          q = g_utf8_prev_char (q);
          if (g_utf8_get_char (p) != g_utf8_get_char (q))
            break;
          score++;
        }
    }
  if (suffix != NULL && suffix[0] != '\0')
    {
      const char *p, *q;

      after = dossier_text_slice (doc->text, end, end + g_utf8_strlen (suffix, -1));
      for (p = after, q = suffix; *p != '\0' && *q != '\0'; p = g_utf8_next_char (p), q = g_utf8_next_char (q))
        {
          if (g_utf8_get_char (p) != g_utf8_get_char (q))
            break;
          score++;
        }
    }
  return score;
}

typedef struct
{
  Doc    *doc;
  gint64  start;
  gint64  end;
  gboolean approximate;
} Placement;

static gboolean
source_names (Doc        *doc,
              const char *source)
{
  if (source == NULL)
    return FALSE;
  if (doc->source != NULL && strcmp (doc->source, source) == 0)
    return TRUE;
  return g_str_has_prefix (source, "urn:uuid:") &&
         g_ascii_strcasecmp (source + strlen ("urn:uuid:"), doc->uuid) == 0;
}

/* Tries @doc: an exact place (or, with @approximate, any place); keeps it
 * in @out if its context agrees better than the best so far. */
static void
try_document (Doc        *doc,
              gboolean    named,
              gboolean    approximate,
              const char *exact,
              const char *prefix,
              const char *suffix,
              gint64      position,
              gint64     *best_score,
              gboolean   *best_named,
              Placement  *out)
{
  DossierTextQuote q = { exact, prefix, suffix, MAX (position, 0), 0 };
  DossierAnchorOutcome outcome;
  gint64 s = -1, e = -1, score;

  /* Most documents do not hold the quote at all: a byte search says so
   * without preparing the document for anchoring. */
  if (!approximate && strstr (doc->text, exact) == NULL)
    return;

  if (doc->anchor == NULL)
    doc->anchor = dossier_anchor_text_new (doc->text);
  q.end = q.start + g_utf8_strlen (exact, -1);
  outcome = dossier_anchor_locate (doc->anchor, &q, &s, &e);
  if (outcome == DOSSIER_ANCHOR_ORPHANED || (!approximate && outcome == DOSSIER_ANCHOR_APPROXIMATE))
    return;

  score = context_agreement (doc, s, e, prefix, suffix);
  if (score > *best_score || (score == *best_score && named && !*best_named))
    {
      *best_score = score;
      *best_named = named;
      out->doc = doc;
      out->start = s;
      out->end = e;
      out->approximate = outcome == DOSSIER_ANCHOR_APPROXIMATE;
    }
}

/* Where a target goes: exactly on the document its source names, else
 * exactly on any document (the best agreeing context), else nearly on
 * the named one. */
static gboolean
place (W3cReader  *r,
       const char *source,
       const char *exact,
       const char *prefix,
       const char *suffix,
       gint64      position,
       Placement  *out)
{
  gint64 best_score = -1;
  gboolean best_named = FALSE;

  for (int pass = 0; pass < 3; pass++)
    {
      for (guint i = 0; i < r->docs->len; i++)
        {
          Doc *doc = g_ptr_array_index (r->docs, i);
          gboolean named = source_names (doc, source);

          if ((pass != 1) != named)
            continue;
          try_document (doc, named, pass == 2, exact, prefix, suffix, position,
                        &best_score, &best_named, out);
        }
      if (best_score >= 0)
        return TRUE;
    }

  return FALSE;
}

/* @exact is the quote, or NULL for a target without one (then @source
 * names it). */
static void
report_unplaced (W3cReader  *r,
                 const char *exact,
                 const char *source,
                 const char *why)
{
  g_autofree char *excerpt = NULL;
  g_autofree char *what = NULL;

  r->unplaced++;
  if (r->listed >= MAX_LISTED)
    return;
  r->listed++;

  if (exact != NULL)
    {
      excerpt = dossier_text_slice (exact, 0, 60);
      what = g_strdup_printf (_("Annotation “%s%s”"), excerpt, g_utf8_strlen (exact, -1) > 60 ? "…" : "");
    }
  else
    what = g_strdup_printf (_("Annotation of “%s”"),
                            source != NULL && g_utf8_validate (source, -1, NULL) ? source : "?");
  dossier_import_report_add (r->data->report, DOSSIER_IMPORT_ITEM_SKIPPED, what, "%s", why);
}

static void
read_annotation (W3cReader  *r,
                 JsonObject *a)
{
  g_autoptr(GString) memo = g_string_new (NULL);
  g_autoptr(GArray) codes = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *author = NULL;
  g_autofree char *guid = NULL;
  GList *bodies = items_of (a, "body");
  GList *targets = items_of (a, "target");
  const char *motivation = member_string (a, "motivation");
  const char *id = member_string (a, "id");
  guint n_target = 0;

  if (id == NULL)
    id = member_string (a, "@id");
  if (id != NULL && g_str_has_prefix (id, "urn:uuid:"))
    guid = dossier_exchange_guid_normalize (id + strlen ("urn:uuid:"));

  /* The creator: a name, a nickname, or a bare string. */
  {
    JsonNode *creator = json_object_get_member (a, "creator");

    if (creator != NULL && JSON_NODE_HOLDS_OBJECT (creator))
      {
        JsonObject *c = json_node_get_object (creator);

        author = clean_text (member_string (c, "name") ? member_string (c, "name") : member_string (c, "nickname"));
      }
    else if (creator != NULL && JSON_NODE_HOLDS_VALUE (creator) &&
             json_node_get_value_type (creator) == G_TYPE_STRING)
      author = clean_text (json_node_get_string (creator));
  }

  for (GList *l = bodies; l != NULL; l = l->next)
    {
      JsonNode *node = l->data;
      JsonObject *body = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *purpose = member_string (body, "purpose");
      g_autofree char *value = clean_text (member_string (body, "value"));

      if (purpose == NULL)
        purpose = motivation;
      if (body == NULL || value == NULL || value[0] == '\0' ||
          (type_of (body) != NULL && strcmp (type_of (body), "TextualBody") != 0))
        {
          r->other_bodies++;
          continue;
        }
      if (g_strcmp0 (purpose, "tagging") == 0)
        {
          int code = code_for_path (r, value);

          if (code >= 0)
            g_array_append_val (codes, code);
        }
      else
        {
          if (memo->len > 0)
            g_string_append (memo, "\n\n");
          g_string_append (memo, value);
        }
    }
  g_list_free (bodies);

  {
    g_autofree char *value = clean_text (member_string (a, "bodyValue"));

    if (value != NULL && value[0] != '\0')
      {
        if (memo->len > 0)
          g_string_append (memo, "\n\n");
        g_string_append (memo, value);
      }
  }

  if (codes->len == 0)
    {
      int uncoded = dossier_exchange_data_uncoded (r->data);

      g_array_append_val (codes, uncoded);
    }

  if (g_list_length (targets) > 1)
    r->multiple++;

  for (GList *l = targets; l != NULL; l = l->next, n_target++)
    {
      JsonNode *node = l->data;
      JsonObject *target = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *source = member_string (target, "source");

      /* A bare IRI: the whole page, no passage in it. */
      if (target == NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        source = json_node_get_string (node);
      g_autofree char *exact = NULL;
      g_autofree char *prefix = NULL;
      g_autofree char *suffix = NULL;
      gint64 start = -1, end = -1;
      Placement at = { 0 };
      DossierExchangeSelection *sel;
      GList *selectors = items_of (target, "selector");

      for (GList *s = selectors; s != NULL; s = s->next)
        {
          JsonObject *selector = JSON_NODE_HOLDS_OBJECT ((JsonNode *) s->data) ?
                                 json_node_get_object (s->data) : NULL;
          const char *type = type_of (selector);

          if (g_strcmp0 (type, "TextQuoteSelector") == 0 && exact == NULL)
            {
              exact = clean_text (member_string (selector, "exact"));
              prefix = g_strdup (member_string (selector, "prefix"));
              suffix = g_strdup (member_string (selector, "suffix"));
            }
          else if (g_strcmp0 (type, "TextPositionSelector") == 0)
            {
              member_int (selector, "start", &start);
              member_int (selector, "end", &end);
            }
        }
      g_list_free (selectors);

      if (exact == NULL || exact[0] == '\0')
        {
          report_unplaced (r, NULL, source, _("it selects no quoted text (a TextQuoteSelector), so "
                                              "there is nothing to find in the documents"));
          continue;
        }

      if (!place (r, source, exact, prefix, suffix, start, &at))
        {
          report_unplaced (r, exact, source, _("its quoted text is in no document of this project"));
          continue;
        }
      if (at.approximate)
        r->approximate++;

      if (at.doc->out == NULL)
        {
          at.doc->out = dossier_exchange_data_add_source (r->data);
          at.doc->out->document_id = at.doc->id;
          at.doc->out->text_hash = g_strdup (at.doc->hash);
        }
      sel = dossier_exchange_source_add_selection (at.doc->out);
      if (guid != NULL)
        {
          g_autofree char *key = g_strdup_printf ("target:%u", n_target);

          sel->guid = n_target == 0 ? g_strdup (guid) : dossier_exchange_guid (guid, key);
        }
      sel->start = at.start;
      sel->end = at.end;
      sel->memo = g_strdup (memo->str);
      sel->author = g_strdup (author != NULL ? author : "");
      sel->created = dossier_exchange_datetime (member_string (a, "created"));
      sel->modified = dossier_exchange_datetime (member_string (a, "modified"));
      sel->codes = g_array_copy (codes);
    }
  g_list_free (targets);
}

static GList *
annotations_of (JsonNode *root)
{
  JsonObject *object;
  const char *type;

  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_array_get_elements (json_node_get_array (root));
  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  type = type_of (object);
  if (g_strcmp0 (type, "Annotation") == 0)
    return g_list_prepend (NULL, root);
  if (g_strcmp0 (type, "AnnotationPage") == 0)
    return items_of (object, "items");
  if (g_strcmp0 (type, "AnnotationCollection") == 0)
    {
      JsonNode *first = json_object_get_member (object, "first");

      if (first != NULL && JSON_NODE_HOLDS_OBJECT (first))
        return items_of (json_node_get_object (first), "items");
      return items_of (object, "items");
    }
  return NULL;
}

static gboolean
load_documents (W3cReader   *r,
                const char  *project_path,
                GError     **error)
{
  g_autoptr(DossierProject) project = dossier_project_open (project_path, DOSSIER_OPEN_READ_ONLY, error);
  GListModel *documents;

  if (project == NULL)
    return FALSE;

  documents = dossier_project_get_documents (project);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(DossierDocument) d = g_list_model_get_item (documents, i);
      Doc *doc = g_new0 (Doc, 1);

      doc->id = dossier_document_get_id (d);
      doc->uuid = g_strdup (dossier_document_get_uuid (d));
      doc->source = g_strdup (dossier_document_get_source (d));
      doc->text = dossier_project_get_document_text (project, doc->id, error);
      if (doc->text == NULL)
        {
          doc_free (doc);
          return FALSE;
        }
      doc->hash = dossier_text_hash (doc->text);
      g_ptr_array_add (r->docs, doc);
    }

  dossier_project_close (project);
  return TRUE;
}

DossierExchangeData *
dossier_w3c_read (GFile            *file,
                  const char       *project_path,
                  DossierProgress  *progress,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_basename (base);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(DossierExchangeData) data = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (doc_free);
  g_autoptr(GHashTable) tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  W3cReader r = { 0 };
  GList *annotations;
  guint n = 0, total;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > MAX_FILE_BYTES)
    {
      g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_TOO_LARGE,
                   _("“%s” is too large to import."), display);
      return NULL;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   &parse_error))
    {
      g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                   _("“%s” is not a W3C Web Annotation collection: it is not valid JSON (%s)."),
                   display, parse_error->message);
      return NULL;
    }

  annotations = annotations_of (json_parser_get_root (parser));
  if (annotations == NULL)
    {
      g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                   _("“%s” is not a W3C Web Annotation collection: it holds no annotations "
                     "(an AnnotationCollection, an AnnotationPage or Annotations)."), display);
      return NULL;
    }

  data = dossier_exchange_data_new (display, _("W3C Web Annotations"));
  /* Tags come from bodies: only those of placed annotations are made. */
  data->only_used_codes = TRUE;
  r.data = data;
  r.docs = docs;
  r.tags = tags;

  if (progress != NULL)
    dossier_progress_update (progress, 0.05, _("Reading the project’s documents"));
  if (!load_documents (&r, project_path, error))
    {
      g_list_free (annotations);
      return NULL;
    }

  total = g_list_length (annotations);
  for (GList *l = annotations; l != NULL; l = l->next)
    {
      JsonNode *node = l->data;

      if (JSON_NODE_HOLDS_OBJECT (node))
        read_annotation (&r, json_node_get_object (node));
      if (++n % 256 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              g_list_free (annotations);
              return NULL;
            }
          if (progress != NULL)
            dossier_progress_update (progress, 0.1 + 0.8 * n / total, _("Finding the annotated passages"));
        }
    }
  g_list_free (annotations);

  if (r.unplaced > r.listed)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_SKIPPED, _("Annotations"),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u more annotation could not be placed",
                                            "%u more annotations could not be placed",
                                            r.unplaced - r.listed), r.unplaced - r.listed);
  if (r.approximate > 0)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_CHANGED, _("Annotations"),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u annotation was placed where its text is now nearly, "
                                            "not exactly, the same",
                                            "%u annotations were placed where their text is now nearly, "
                                            "not exactly, the same", r.approximate), r.approximate);
  if (r.multiple > 0)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_CHANGED, _("Annotations"),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u annotation with several targets became a highlight "
                                            "per target",
                                            "%u annotations with several targets became a highlight "
                                            "per target", r.multiple), r.multiple);
  if (r.other_bodies > 0)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_SKIPPED, _("Annotation bodies"),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u body that is not text (a link, an image…) has no "
                                            "place in a highlight",
                                            "%u bodies that are not text (links, images…) have no "
                                            "place in a highlight", r.other_bodies), r.other_bodies);

  return g_steal_pointer (&data);
}
