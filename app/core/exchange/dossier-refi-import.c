/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-refi-import.c — reading a REFI-QDA project (.qdpx, or a bare
 * project.qde) or codebook (.qdc) written by another tool into what
 * dossier_exchange_data_write() stores.
 *
 * The archive is opened through DossierZipReader, which refuses unsafe
 * entries before anything is inflated. project.qde is read with libxml2's
 * streaming reader, one top-level section or one source at a time (a
 * 100,000-selection project never sits in memory as one tree), with no
 * network and no DTD at all: a document that declares one (the way to
 * external entities and "billion laughs") is refused before it is parsed.
 *
 * Sources' text comes from inside the archive (internal://, or a relative
 * path into it), from inline PlainTextContent, or from a file beside the
 * .qdpx — never from elsewhere on the computer. Positions are checked
 * against each selection's name (dossier-refi-positions.c). Cases become
 * stakeholders, Dossier's typed notes and their links questions,
 * arguments and briefings, other tools' notes about the project or a
 * document briefing notes (docs/exchange.md). What Dossier has no place
 * for is listed in the report.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/xmlreader.h>
#include <dossier/dossier-text.h>

#include "dossier-exchange-private.h"
#include "dossier-import-private.h"
#include "dossier-text-private.h"

/* Deeper codebooks are flattened there (the project's own limit). */
#define MAX_CODE_DEPTH 100

/* What a note is to Dossier (its "Note type" variable, as Dossier
 * writes it); other tools' notes are plain. */
typedef enum
{
  NOTE_PLAIN,
  NOTE_QUESTION,
  NOTE_ARGUMENT,
  NOTE_BRIEFING,
  NOTE_EVIDENCE,
} NoteType;

typedef struct
{
  char      *guid;
  char      *name;
  char      *text;
  char      *author;
  char      *created;
  char      *modified;
  NoteType   type;
  GHashTable *values;   /* folded variable name → value */
  char      *raw;       /* PlainTextContent exactly as written (Dossier's own notes) */
  GPtrArray *documents; /* sources that refer to it (DossierExchangeSource) */
  gboolean   used;
  int        entity;    /* index of the question or argument it became, or -1 */
} Note;

/* A Case, kept until the selections it refers to are read (Cases come
 * before Sources). */
typedef struct
{
  char       *guid;
  char       *name;
  char       *description;
  GHashTable *values;      /* folded variable name → value */
  GPtrArray  *selections;  /* GUIDs */
  guint       n_sources;   /* SourceRefs: whole documents */
  guint       n_codes;     /* CodeRefs */
  int         stakeholder; /* index in data->stakeholders, or -1 */
} Case;

typedef struct
{
  char *name;
  char *origin;
  char *target;
  char *note;     /* the first NoteRef's target, or NULL */
} Link;

/* Where a selection GUID went. */
typedef struct
{
  DossierExchangeSource *source;
  guint                  index;
} SelectionPlace;

typedef struct
{
  char *name;
  char *type;
} Variable;

/* A VariableValue met before its Variable (a project that declares its
 * Variables after its Sources or Cases, against the schema's order, as
 * some tools write it): given to its document, case or note once the
 * whole file is read. */
typedef struct
{
  DossierParsedDocument *doc;     /* a source's document, or NULL */
  GHashTable            *values;  /* a case's or a note's values, or NULL */
  char                  *guid;    /* the variable's */
  char                  *value;
} PendingValue;

/* A reference to a note, resolved once the notes are read (they come
 * after the sources in project.qde). */
typedef struct
{
  DossierExchangeSource *source;     /* a selection's memo, or NULL */
  guint                  selection;
  int                    code;       /* a code's description, or -1 */
  char                  *guid;
} NoteRef;

typedef struct
{
  char   *format;
  char   *imported;
  char   *hash;
  GArray *blocks;
} Extra;

typedef struct
{
  GFile                   *file;
  char                    *display;
  char                    *folder;        /* of the file, for sources beside it */
  DossierZipReader        *zip;           /* NULL for a bare .qde or .qdc */
  char                    *root;          /* the folder of project.qde in the archive ("" or "x/") */
  char                    *sources_dir;   /* its sources folder, as the archive spells it */
  gsize                    size;          /* of project.qde, for progress */
  DossierExchangeData     *data;
  GHashTable              *users;         /* guid → name */
  GHashTable              *codes;         /* guid → index + 1 */
  GHashTable              *variables;     /* guid → Variable */
  GHashTable              *notes;         /* guid → Note */
  GPtrArray               *note_order;    /* Notes in the file's order */
  GPtrArray               *cases;         /* of Case */
  GArray                  *links;         /* of Link */
  GHashTable              *selections;    /* guid → SelectionPlace */
  GHashTable              *sources;       /* guid → DossierExchangeSource */
  GHashTable              *source_names;  /* guid → name, of every source met */
  GError                  *damage;        /* two codes or sources of one GUID */
  char                    *source_at;     /* the name of the source being read */
  GHashTable              *extra;         /* source guid → Extra (dossier.json) */
  GHashTable              *unknown_users; /* guids without a User */
  GHashTable              *unmapped_vars; /* variable name → count of sources */
  GArray                  *note_refs;     /* of NoteRef */
  GArray                  *pending;       /* of PendingValue */
  guint                    empty_notes;   /* notes without a name or text */
  guint                    categories;    /* codes that were not codable */
  guint                    dangling;      /* codings of unknown codes */
  DossierProgress         *progress;
  GCancellable            *cancellable;
} Reader;

static void
note_free (gpointer p)
{
  Note *note = p;

  g_free (note->name);
  g_free (note->text);
  g_free (note->author);
  g_free (note->created);
  g_free (note->modified);
  g_free (note->guid);
  g_clear_pointer (&note->values, g_hash_table_unref);
  g_free (note->raw);
  g_ptr_array_unref (note->documents);
  g_free (note);
}

static void
case_free (gpointer p)
{
  Case *c = p;

  g_free (c->guid);
  g_free (c->name);
  g_free (c->description);
  g_hash_table_unref (c->values);
  g_ptr_array_unref (c->selections);
  g_free (c);
}

static void
link_clear (gpointer p)
{
  Link *link = p;

  g_free (link->name);
  g_free (link->origin);
  g_free (link->target);
  g_free (link->note);
}

static void
variable_free (gpointer p)
{
  Variable *var = p;

  g_free (var->name);
  g_free (var->type);
  g_free (var);
}

static void
extra_free (gpointer p)
{
  Extra *extra = p;

  g_free (extra->format);
  g_free (extra->imported);
  g_free (extra->hash);
  g_clear_pointer (&extra->blocks, g_array_unref);
  g_free (extra);
}

static void
pending_value_clear (gpointer p)
{
  PendingValue *pending = p;

  g_free (pending->guid);
  g_free (pending->value);
}

static void
note_ref_clear (gpointer p)
{
  g_free (((NoteRef *) p)->guid);
}

static void
reader_clear (Reader *r)
{
  g_clear_object (&r->file);
  g_clear_pointer (&r->display, g_free);
  g_clear_pointer (&r->folder, g_free);
  g_clear_pointer (&r->zip, dossier_zip_reader_free);
  g_clear_pointer (&r->root, g_free);
  g_clear_pointer (&r->sources_dir, g_free);
  g_clear_pointer (&r->data, dossier_exchange_data_free);
  g_clear_pointer (&r->users, g_hash_table_unref);
  g_clear_pointer (&r->codes, g_hash_table_unref);
  g_clear_pointer (&r->variables, g_hash_table_unref);
  g_clear_pointer (&r->notes, g_hash_table_unref);
  g_clear_pointer (&r->note_order, g_ptr_array_unref);
  g_clear_pointer (&r->cases, g_ptr_array_unref);
  g_clear_pointer (&r->links, g_array_unref);
  g_clear_pointer (&r->selections, g_hash_table_unref);
  g_clear_pointer (&r->sources, g_hash_table_unref);
  g_clear_pointer (&r->source_names, g_hash_table_unref);
  g_clear_error (&r->damage);
  g_clear_pointer (&r->source_at, g_free);
  g_clear_pointer (&r->extra, g_hash_table_unref);
  g_clear_pointer (&r->unknown_users, g_hash_table_unref);
  g_clear_pointer (&r->unmapped_vars, g_hash_table_unref);
  g_clear_pointer (&r->note_refs, g_array_unref);
  g_clear_pointer (&r->pending, g_array_unref);
}

/* ---- XML helpers --------------------------------------------------------- */

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static char *
attr (xmlNodePtr  node,
      const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static char *
text_of (xmlNodePtr node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

/* Text of the first child element @name, or NULL. */
static char *
child_text (xmlNodePtr  node,
            const char *name)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if (is_element (c, name))
      return text_of (c);
  return NULL;
}

static char *
guid_attr (xmlNodePtr  node,
           const char *name)
{
  g_autofree char *value = attr (node, name);

  return dossier_exchange_guid_normalize (value);
}

/* A name for the report: the element's name attribute, or a fallback. */
static char *
label_of (xmlNodePtr  node,
          const char *fallback)
{
  g_autofree char *name = attr (node, "name");

  if (name != NULL && name[0] != '\0')
    return g_strdup (name);
  return g_strdup (fallback);
}

/* ---- Text ---------------------------------------------------------------- */

/* The bytes of a source's plain text as UTF-8 without a BOM, or NULL with
 * a reason. Text that is not UTF-8 is read as Windows-1252 when
 * @windows_1252 is not NULL (and set), as Windows tools write it; the
 * standard names no other encoding, and a file says none. */
static char *
decode_text (GBytes    *bytes,
             gsize     *len,
             gboolean  *windows_1252,
             char     **why)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GError) error = NULL;
  char *utf8;

  if (size > DOSSIER_IMPORT_MAX_BYTES)
    {
      *why = g_strdup_printf (_("its text is larger than %u MB"),
                              (guint) (DOSSIER_IMPORT_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }

  if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      utf8 = g_convert ((const char *) data + 2, size - 2, "UTF-8",
                        data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", NULL, len, &error);
      if (utf8 == NULL)
        *why = g_strdup (_("its text is not valid UTF-16"));
      return utf8;
    }

  if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      data += 3;
      size -= 3;
    }
  if (!dossier_text_validate ((const char *) data, size, NULL))
    {
      /* Text (not a binary file) whose every byte Windows-1252 defines. */
      utf8 = windows_1252 != NULL ? dossier_import_decode (data, size, "WINDOWS-1252", len, NULL) : NULL;
      if (utf8 == NULL)
        *why = g_strdup (_("its text is not UTF-8, as the standard requires"));
      else
        *windows_1252 = TRUE;
      return utf8;
    }
  *len = size;
  return g_strndup ((const char *) data, size);
}

/* ---- Reading sources ----------------------------------------------------- */

static const char *
user_name (Reader     *r,
           const char *guid)
{
  const char *name;

  if (guid == NULL)
    return "";
  name = g_hash_table_lookup (r->users, guid);
  if (name != NULL)
    return name;
  g_hash_table_add (r->unknown_users, g_strdup (guid));
  return "";
}

/* The bytes behind a plainTextPath, or NULL with a reason. Only the
 * archive and the .qdpx's own folder are looked in. */
static GBytes *
read_path (Reader      *r,
           const char  *path,
           char       **why)
{
  g_autofree char *name = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GError) error = NULL;
  gboolean internal = FALSE;
  int index = -1;

  if (g_str_has_prefix (path, "internal://"))
    {
      name = g_strdup (path + strlen ("internal://"));
      internal = TRUE;
    }
  else if (g_str_has_prefix (path, "relative://"))
    name = g_strdup (path + strlen ("relative://"));
  else if (g_str_has_prefix (path, "absolute://"))
    name = g_strdup (path + strlen ("absolute://"));
  else if (g_str_has_prefix (path, "file://"))
    name = g_filename_from_uri (path, NULL, NULL);
  else
    name = g_strdup (path);
  if (name == NULL || name[0] == '\0')
    {
      *why = g_strdup_printf (_("its text path “%s” names no file"), path);
      return NULL;
    }

  for (char *p = name; *p != '\0'; p++)
    if (*p == '\\')
      *p = '/';
  base = g_path_get_basename (name);

  if (r->zip != NULL)
    {
      g_autofree char *in_sources = g_strconcat (r->sources_dir, "/", internal ? name : base, NULL);

      index = dossier_zip_reader_find (r->zip, in_sources, FALSE);
      if (index < 0)
        index = dossier_zip_reader_find (r->zip, in_sources, TRUE);
      if (index < 0 && !g_path_is_absolute (name))
        {
          g_autofree char *in_root = g_strconcat (r->root, name, NULL);

          index = dossier_zip_reader_find (r->zip, in_root, TRUE);
        }
      if (index >= 0)
        {
          GBytes *bytes = dossier_zip_reader_read (r->zip, index, r->cancellable, &error);

          if (bytes == NULL)
            *why = g_strdup (error->message);
          return bytes;
        }
      if (internal)
        {
          *why = g_strdup_printf (_("its text “%s” is not in the archive"), name);
          return NULL;
        }
    }

  /* A file beside the .qdpx, by its name alone: never a path the file
   * chose (it could point anywhere on this computer). */
  if (r->folder != NULL && strcmp (base, ".") != 0 && strcmp (base, "/") != 0 && strcmp (base, "..") != 0)
    {
      g_autofree char *beside = g_build_filename (r->folder, base, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (beside);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                                     G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

      /* Never through a descriptor of ours if it is a project (the one
       * open here would lose SQLite's locks at its close). */
      if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          dossier_file_is_project_or_part (beside))
        {
          *why = g_strdup_printf (_("its text “%s” is a Dossier project, or one of its files, "
                                    "not an article"), path);
          return NULL;
        }
      if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          g_file_info_get_size (info) <= DOSSIER_IMPORT_MAX_BYTES)
        {
          GBytes *bytes = g_file_load_bytes (file, r->cancellable, NULL, &error);

          if (bytes == NULL)
            *why = g_strdup (error->message);
          return bytes;
        }
    }

  *why = g_strdup_printf (_("its text “%s” is neither in the archive nor beside it (Dossier reads "
                            "no other files from an imported project: put the file beside the "
                            ".qdpx and import again)"), path);
  return NULL;
}

/* A VariableValue's variable (NULL when the project declares none by
 * its GUID, yet) and its value, stripped (NULL when it has none). One not
 * declared yet is kept in r->pending for @doc or @values, until the
 * whole file is read. */
static Variable *
variable_value (Reader                *r,
                xmlNodePtr             node,
                DossierParsedDocument *doc,
                GHashTable            *values,
                char                 **value)
{
  Variable *var = NULL;
  g_autofree char *guid = NULL;

  *value = NULL;
  for (xmlNodePtr v = node->children; v != NULL; v = v->next)
    {
      if (is_element (v, "VariableRef"))
        {
          g_free (guid);
          guid = guid_attr (v, "targetGUID");
          var = guid != NULL ? g_hash_table_lookup (r->variables, guid) : NULL;
        }
      else if (v->type == XML_ELEMENT_NODE && g_str_has_suffix ((const char *) v->name, "Value"))
        {
          g_free (*value);
          *value = g_strstrip (text_of (v));
        }
    }
  if (var == NULL && guid != NULL && *value != NULL && (*value)[0] != '\0')
    {
      PendingValue pending = { doc, values, g_steal_pointer (&guid), g_strdup (*value) };

      g_array_append_val (r->pending, pending);
    }
  return var;
}

/* Document metadata from a variable's value, by the variable's name;
 * others are counted for the report. */
static void
apply_variable_value (Reader                *r,
                      DossierParsedDocument *doc,
                      Variable              *var,
                      char                  *value)
{
  g_autofree char *folded = g_utf8_casefold (var->name, -1);
  char **field = NULL;

  if (strcmp (folded, "author") == 0 || strcmp (folded, "authors") == 0 ||
      strcmp (folded, "byline") == 0 || strcmp (folded, "autor") == 0)
    field = &doc->author;
  else if (strcmp (folded, "outlet") == 0 || strcmp (folded, "publication") == 0 ||
           strcmp (folded, "publisher") == 0 || strcmp (folded, "newspaper") == 0)
    field = &doc->outlet;
  else if (strcmp (folded, "published") == 0 || strcmp (folded, "date") == 0 ||
           strcmp (folded, "publication date") == 0)
    {
      /* A date, or the date part of a date and time. */
      if (strlen (value) >= 10 && value[4] == '-' && value[7] == '-')
        {
          value[10] = '\0';
          field = &doc->published;
        }
    }
  else if (strcmp (folded, "source") == 0 || strcmp (folded, "url") == 0 ||
           strcmp (folded, "source url") == 0 || strcmp (folded, "link") == 0)
    field = &doc->source;

  if (field != NULL)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
  else
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (r->unmapped_vars, var->name));

      g_hash_table_insert (r->unmapped_vars, g_strdup (var->name), GUINT_TO_POINTER (n + 1));
    }
}

/* Document metadata from a source's variable values. */
static void
read_variable_values (Reader                *r,
                      xmlNodePtr             node,
                      DossierParsedDocument *doc)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      Variable *var;
      g_autofree char *value = NULL;

      if (!is_element (c, "VariableValue"))
        continue;
      var = variable_value (r, c, doc, NULL, &value);
      if (var != NULL && value != NULL && value[0] != '\0')
        apply_variable_value (r, doc, var, value);
    }
}

/* Blocks: those dossier.json kept if the text is still the same, else a
 * paragraph per line (the plain text's only structure). */
static GArray *
source_blocks (Reader                *r,
               const char            *guid,
               DossierParsedDocument *doc)
{
  Extra *extra = guid != NULL && r->extra != NULL ? g_hash_table_lookup (r->extra, guid) : NULL;
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (DossierBlock));
  gint64 length = dossier_text_length (doc->text);
  gint64 offset = 0;

  if (extra != NULL && extra->blocks != NULL)
    {
      g_autofree char *hash = dossier_text_hash (doc->text);
      gboolean ok = g_strcmp0 (hash, extra->hash) == 0;

      for (guint i = 0; ok && i < extra->blocks->len; i++)
        {
          const DossierBlock *b = &g_array_index (extra->blocks, DossierBlock, i);

          ok = b->start >= 0 && b->start <= b->end && b->end <= length;
        }
      if (ok)
        {
          g_free (doc->format);
          doc->format = g_strdup (extra->format);
          return g_array_ref (extra->blocks);
        }
    }

  /* Line by line, their characters counted without decoding them (a
   * walk character by character was 6% of importing a 15 MB source). */
  for (const char *p = doc->text, *end = p + strlen (p); p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *stop = nl != NULL ? nl : end;
      gint64 n = 0;

      for (; p < stop; p++)
        n += ((guchar) *p & 0xC0) != 0x80;
      if (n > 0)
        {
          DossierBlock b = { offset, offset + n, DOSSIER_BLOCK_PARAGRAPH, 0 };

          g_array_append_val (blocks, b);
        }
      offset += n + (nl != NULL);
      p = nl != NULL ? nl + 1 : end;
    }
  return g_steal_pointer (&blocks);
}

static void
add_note_ref (Reader                *r,
              DossierExchangeSource *source,
              guint                  selection,
              int                    code,
              xmlNodePtr             node)
{
  NoteRef ref = { source, selection, code, guid_attr (node, "targetGUID") };

  if (ref.guid != NULL)
    g_array_append_val (r->note_refs, ref);
}

typedef struct
{
  char   *user;      /* guid */
  char   *created;
  int     code;
} Coding;

static void
coding_clear (gpointer p)
{
  g_free (((Coding *) p)->user);
  g_free (((Coding *) p)->created);
}

/* The codings of a selection (or a whole source), with their users. */
static void
read_codings (Reader     *r,
              xmlNodePtr  node,
              GArray     *codings,
              GPtrArray  *note_nodes)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      Coding coding = { NULL, NULL, -1 };

      if (!is_element (c, "Coding"))
        continue;
      for (xmlNodePtr ref = c->children; ref != NULL; ref = ref->next)
        {
          if (is_element (ref, "CodeRef"))
            {
              g_autofree char *guid = guid_attr (ref, "targetGUID");
              gpointer found = guid != NULL ? g_hash_table_lookup (r->codes, guid) : NULL;

              coding.code = found != NULL ? GPOINTER_TO_INT (found) - 1 : -1;
            }
          else if (is_element (ref, "NoteRef") && note_nodes != NULL)
            g_ptr_array_add (note_nodes, ref);
        }
      if (coding.code < 0)
        {
          r->dangling++;
          continue;
        }
      coding.user = guid_attr (c, "creatingUser");
      coding.created = attr (c, "creationDateTime");
      g_array_append_val (codings, coding);
    }
}

/* A TextSource (or a PDF's text representation): its text, metadata and
 * selections. */
static void
read_text_source (Reader     *r,
                  xmlNodePtr  node,
                  const char *what)
{
  DossierExchangeData *data = r->data;
  g_autofree char *guid = guid_attr (node, "guid");
  g_autofree char *name = attr (node, "name");
  g_autofree char *path = attr (node, "plainTextPath");
  g_autofree char *rich = attr (node, "richTextPath");
  g_autofree char *inline_text = child_text (node, "PlainTextContent");
  g_autofree char *raw = NULL;
  g_autofree char *why = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DossierParsedDocument) doc = NULL;
  g_autoptr(GArray) raws = NULL;
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autofree gint64 *starts = NULL;
  g_autofree gint64 *ends = NULL;
  DossierOffsetIndex index = { 0 };
  DossierExchangeSource *source;
  const char *counting;
  gsize len = 0;
  guint by_name = 0, unplaced = 0, split = 0, unchecked = 0;
  gboolean windows_1252 = FALSE;

  if (inline_text != NULL)
    {
      raw = g_steal_pointer (&inline_text);
      len = strlen (raw);
    }
  else if (path != NULL)
    {
      bytes = read_path (r, path, &why);
      if (bytes != NULL)
        raw = decode_text (bytes, &len, &windows_1252, &why);
    }
  else
    why = g_strdup (rich != NULL ? _("it has only rich text (a word processor file), no plain text")
                                 : _("it has no text"));

  if (raw == NULL)
    {
      dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_SKIPPED, what, "%s", why);
      return;
    }

  doc = dossier_parsed_document_new ();
  doc->text = dossier_text_normalize (raw, len, NULL);
  if (doc->text == NULL || doc->text[0] == '\0')
    {
      dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_SKIPPED, what,
                                 "%s", _("it has no text"));
      return;
    }
  doc->title = g_strdup (name != NULL && name[0] != '\0' ? name : what);
  doc->format = g_strdup ("text");
  doc->original = bytes != NULL ? g_bytes_ref (bytes) : g_bytes_new (raw, len);
  read_variable_values (r, node, doc);
  doc->blocks = source_blocks (r, guid, doc);

  source = dossier_exchange_data_add_source (data);
  source->guid = g_strdup (guid);
  source->label = g_strdup (what);
  if (guid != NULL)
    g_hash_table_insert (r->sources, g_strdup (guid), source);
  if (guid != NULL && r->extra != NULL)
    {
      Extra *extra = g_hash_table_lookup (r->extra, guid);

      if (extra != NULL)
        source->imported = g_strdup (extra->imported);
    }

  /* The selections as written, then placed all at once. */
  raws = g_array_new (FALSE, TRUE, sizeof (DossierRefiRawSelection));
  g_array_set_clear_func (raws, dossier_refi_raw_selection_clear);
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      DossierRefiRawSelection rs = { 0 };
      g_autofree char *s = NULL;
      g_autofree char *e = NULL;
      g_autofree char *sel_name = NULL;
      char *endp = NULL;

      if (!is_element (c, "PlainTextSelection"))
        continue;
      s = attr (c, "startPosition");
      e = attr (c, "endPosition");
      rs.start = s != NULL ? g_ascii_strtoll (s, &endp, 10) : -1;
      if (endp == s || rs.start < 0 || rs.start > G_MAXINT32 * (gint64) 16)
        rs.start = -1;
      endp = NULL;
      rs.end = e != NULL ? g_ascii_strtoll (e, &endp, 10) : -1;
      if (endp == e || rs.end < 0 || rs.end > G_MAXINT32 * (gint64) 16)
        rs.end = -1;
      sel_name = attr (c, "name");
      rs.name = dossier_refi_selection_name (sel_name, &rs.truncated);
      g_array_append_val (raws, rs);
      g_ptr_array_add (nodes, c);
    }

  dossier_offset_index_init (&index, doc->text);
  starts = g_new (gint64, MAX (raws->len, 1));
  ends = g_new (gint64, MAX (raws->len, 1));
  counting = dossier_refi_place_selections (raw, len, &index, raws, starts, ends, &by_name,
                                            &unchecked);

  for (guint i = 0; i < raws->len; i++)
    {
      xmlNodePtr c = g_ptr_array_index (nodes, i);
      g_autoptr(GArray) codings = g_array_new (FALSE, FALSE, sizeof (Coding));
      g_autoptr(GPtrArray) coding_notes = g_ptr_array_new ();
      g_autofree char *sel_guid = guid_attr (c, "guid");
      g_autofree char *sel_user = guid_attr (c, "creatingUser");
      g_autofree char *created = attr (c, "creationDateTime");
      g_autofree char *modified = attr (c, "modifiedDateTime");
      g_autofree char *description = child_text (c, "Description");
      g_autoptr(GPtrArray) users = g_ptr_array_new ();   /* distinct coders, in order */
      guint first_index = source->selections->len;

      g_array_set_clear_func (codings, coding_clear);
      if (starts[i] < 0)
        {
          unplaced++;
          continue;
        }

      read_codings (r, c, codings, coding_notes);
      if (codings->len == 0)
        {
          /* No code: evidence stays without a tag, anything else gets
           * one once the whole file is read (resolve_uncoded). */
          Coding none = { g_strdup (sel_user), NULL, -1 };

          g_array_append_val (codings, none);
        }

      /* One highlight per coder: a highlight has one author. */
      for (guint k = 0; k < codings->len; k++)
        {
          Coding *coding = &g_array_index (codings, Coding, k);
          const char *user = coding->user != NULL ? coding->user : sel_user;
          gboolean seen = FALSE;

          for (guint u = 0; u < users->len; u++)
            seen = seen || g_strcmp0 (g_ptr_array_index (users, u), user) == 0;
          if (!seen)
            g_ptr_array_add (users, (gpointer) user);
        }
      if (users->len > 1)
        split++;

      for (guint u = 0; u < users->len; u++)
        {
          const char *user = g_ptr_array_index (users, u);
          DossierExchangeSelection *sel = dossier_exchange_source_add_selection (source);

          if (u == 0)
            sel->guid = g_strdup (sel_guid);
          else if (sel_guid != NULL)
            {
              g_autofree char *key = g_strconcat ("user:", user != NULL ? user : "", NULL);

              sel->guid = dossier_exchange_guid (sel_guid, key);
            }
          sel->start = starts[i];
          sel->end = ends[i];
          sel->memo = g_strdup (u == 0 && description != NULL ? g_strstrip (description) : "");
          sel->author = g_strdup (user_name (r, user));
          sel->created = dossier_exchange_datetime (created);
          sel->modified = dossier_exchange_datetime (modified);
          sel->codes = g_array_new (FALSE, FALSE, sizeof (int));
          for (guint k = 0; k < codings->len; k++)
            {
              Coding *coding = &g_array_index (codings, Coding, k);

              if (g_strcmp0 (coding->user != NULL ? coding->user : sel_user, user) != 0)
                continue;
              if (coding->code >= 0)
                g_array_append_val (sel->codes, coding->code);
              if (sel->created == NULL)
                sel->created = dossier_exchange_datetime (coding->created);
            }
        }

      if (sel_guid != NULL && !g_hash_table_contains (r->selections, sel_guid))
        {
          SelectionPlace *place = g_new (SelectionPlace, 1);

          place->source = source;
          place->index = first_index;
          g_hash_table_insert (r->selections, g_strdup (sel_guid), place);
        }

      /* Notes the selection or its codings refer to join the memo. */
      for (xmlNodePtr ref = c->children; ref != NULL; ref = ref->next)
        if (is_element (ref, "NoteRef"))
          add_note_ref (r, source, first_index, -1, ref);
      for (guint k = 0; k < coding_notes->len; k++)
        add_note_ref (r, source, first_index, -1, g_ptr_array_index (coding_notes, k));
    }

  /* Codes applied to the whole source: a highlight over all of it. */
  {
    g_autoptr(GArray) codings = g_array_new (FALSE, FALSE, sizeof (Coding));

    g_array_set_clear_func (codings, coding_clear);
    read_codings (r, node, codings, NULL);
    if (codings->len > 0)
      {
        DossierExchangeSelection *sel = dossier_exchange_source_add_selection (source);

        sel->start = 0;
        sel->end = index.length;
        sel->memo = g_strdup ("");
        sel->author = g_strdup (user_name (r, g_array_index (codings, Coding, 0).user));
        sel->created = dossier_exchange_datetime (g_array_index (codings, Coding, 0).created);
        sel->codes = g_array_new (FALSE, FALSE, sizeof (int));
        for (guint k = 0; k < codings->len; k++)
          g_array_append_val (sel->codes, g_array_index (codings, Coding, k).code);
        dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_CHANGED, what,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "%u code applied to the whole document became a "
                                                "highlight over all of its text",
                                                "%u codes applied to the whole document became a "
                                                "highlight over all of its text", codings->len),
                                   codings->len);
      }
  }

  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if (is_element (c, "NoteRef"))
      {
        g_autofree char *target = guid_attr (c, "targetGUID");

        /* Notes about a whole document: kept for the report (and, with
         * a briefing model, as briefings). */
        if (target != NULL)
          {
            NoteRef ref = { source, G_MAXUINT, -2, g_steal_pointer (&target) };

            g_array_append_val (r->note_refs, ref);
          }
      }

  dossier_offset_index_clear (&index);

  if (windows_1252)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_CHANGED, what, "%s",
                               _("its text is not UTF-8, as the standard requires: it was read as "
                                 "Windows-1252 (Western European), as Windows tools write text; "
                                 "check its accented letters and quotation marks"));
  if (counting != NULL)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_CHANGED, what,
                               _("its positions were counted with %s; they were converted to "
                                 "code points, which the standard counts"), counting);
  if (by_name > 0)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_CHANGED, what,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u selection was placed by its quoted text: its "
                                            "positions pointed at other text",
                                            "%u selections were placed by their quoted text: their "
                                            "positions pointed at other text", by_name), by_name);
  if (unchecked > 0)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_CHANGED, what,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u selection after an emoji or another character "
                                            "beyond U+FFFF was placed by its position alone, with "
                                            "no quoted text to check it by: if the tool counted "
                                            "UTF-16 units, as some do, it lies a character too far "
                                            "for each such character before it",
                                            "%u selections after an emoji or another character "
                                            "beyond U+FFFF were placed by their positions alone, "
                                            "with no quoted text to check them by: if the tool "
                                            "counted UTF-16 units, as some do, each lies a "
                                            "character too far for each such character before it",
                                            unchecked), unchecked);
  if (split > 0)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_CHANGED, what,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u selection coded by several coders became one "
                                            "highlight per coder",
                                            "%u selections coded by several coders became one "
                                            "highlight per coder", split), split);
  if (unplaced > 0)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_SKIPPED, what,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u selection lies outside the text and could not be "
                                            "placed by its name either",
                                            "%u selections lie outside the text and could not be "
                                            "placed by their names either", unplaced), unplaced);

  source->doc = g_steal_pointer (&doc);
}

static guint
count_children (xmlNodePtr  node,
                const char *name)
{
  guint n = 0;

  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    n += is_element (c, name);
  return n;
}

static void
read_source (Reader     *r,
             xmlNodePtr  node)
{
  const char *kind = (const char *) node->name;
  g_autofree char *name = label_of (node, _("(unnamed)"));
  g_autofree char *what = NULL;
  g_autofree char *guid = guid_attr (node, "guid");

  /* Selections, cases and links name their source by GUID: two sources
   * of one GUID leave them ambiguous, and the file is refused. */
  if (guid != NULL)
    {
      const char *first = g_hash_table_lookup (r->source_names, guid);

      if (first != NULL)
        {
          if (r->damage == NULL)
            g_set_error (&r->damage, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                         _("“%s” is damaged: the sources “%s” and “%s” have the same GUID (%s), so "
                           "what refers to it is ambiguous."), r->display, first, name, guid);
          return;
        }
      g_hash_table_insert (r->source_names, g_steal_pointer (&guid), g_strdup (name));
    }

  if (strcmp (kind, "TextSource") == 0)
    {
      what = g_strdup_printf (_("Text source “%s”"), name);
      read_text_source (r, node, what);
      return;
    }

  if (strcmp (kind, "PDFSource") == 0)
    {
      guint areas = count_children (node, "PDFSelection");

      what = g_strdup_printf (_("PDF source “%s”"), name);
      for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (is_element (c, "Representation"))
          {
            if (xmlHasProp (c, BAD_CAST "name") == NULL)
              xmlSetProp (c, BAD_CAST "name", BAD_CAST name);
            read_text_source (r, c, what);
            if (areas > 0)
              dossier_import_report_add (r->data->report, DOSSIER_IMPORT_ITEM_SKIPPED, what,
                                         g_dngettext (GETTEXT_PACKAGE,
                                                      "its text came in; %u area selected on its "
                                                      "pages did not (Dossier holds text only)",
                                                      "its text came in; %u areas selected on its "
                                                      "pages did not (Dossier holds text only)", areas),
                                         areas);
            return;
          }
      dossier_import_report_add (r->data->report, DOSSIER_IMPORT_ITEM_SKIPPED, what,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "Dossier holds text only, and the PDF came without a "
                                              "text representation (%u selection not imported)",
                                              "Dossier holds text only, and the PDF came without a "
                                              "text representation (%u selections not imported)",
                                              areas), areas);
      return;
    }

  {
    const char *selection = strcmp (kind, "PictureSource") == 0 ? "PictureSelection" :
                            strcmp (kind, "AudioSource") == 0 ? "AudioSelection" :
                            strcmp (kind, "VideoSource") == 0 ? "VideoSelection" : NULL;
    guint n = selection != NULL ? count_children (node, selection) : 0;

    if (strcmp (kind, "PictureSource") == 0)
      what = g_strdup_printf (_("Picture “%s”"), name);
    else if (strcmp (kind, "AudioSource") == 0)
      what = g_strdup_printf (_("Audio “%s”"), name);
    else if (strcmp (kind, "VideoSource") == 0)
      what = g_strdup_printf (_("Video “%s”"), name);
    else
      what = g_strdup_printf (_("Source “%s” (%s)"), name, kind);

    if (n == 0)
      dossier_import_report_add (r->data->report, DOSSIER_IMPORT_ITEM_SKIPPED, what,
                                 "%s", _("Dossier holds text only"));
    else
      dossier_import_report_add (r->data->report, DOSSIER_IMPORT_ITEM_SKIPPED, what,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "Dossier holds text only (%u selection not imported)",
                                              "Dossier holds text only (%u selections not imported)", n),
                                 n);
  }
}

/* ---- Other sections ------------------------------------------------------ */

static void
read_users (Reader     *r,
            xmlNodePtr  node)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      g_autofree char *guid = NULL;
      g_autofree char *name = NULL;

      if (!is_element (c, "User"))
        continue;
      guid = guid_attr (c, "guid");
      name = attr (c, "name");
      if (name == NULL || name[0] == '\0')
        {
          g_free (name);
          name = attr (c, "id");
        }
      if (guid != NULL && name != NULL && g_utf8_validate (name, -1, NULL))
        g_hash_table_insert (r->users, g_steal_pointer (&guid), g_strstrip (g_steal_pointer (&name)));
    }
}

static void
read_codes (Reader     *r,
            xmlNodePtr  node,
            int         parent,
            guint       depth)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      g_autofree char *guid = NULL;
      g_autofree char *name = NULL;
      g_autofree char *color = NULL;
      g_autofree char *codable = NULL;
      g_autofree char *description = NULL;
      int index;

      if (!is_element (c, "Code"))
        continue;
      guid = guid_attr (c, "guid");
      name = attr (c, "name");
      /* Codings name their code by GUID: two codes of one GUID leave
       * them ambiguous, and the file is refused (read_xml). */
      if (guid != NULL && g_hash_table_contains (r->codes, guid))
        {
          int first = GPOINTER_TO_INT (g_hash_table_lookup (r->codes, guid)) - 1;
          g_autofree char *label = label_of (c, _("(unnamed)"));

          if (r->damage == NULL)
            g_set_error (&r->damage, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                         _("“%s” is damaged: the codes “%s” and “%s” have the same GUID (%s), so "
                           "what refers to it is ambiguous."), r->display,
                         ((DossierExchangeCode *) g_ptr_array_index (r->data->codes, first))->name,
                         label, guid);
          return;
        }
      color = attr (c, "color");
      codable = attr (c, "isCodable");
      description = child_text (c, "Description");
      if (description != NULL)
        g_strstrip (description);

      index = dossier_exchange_data_add_code (r->data, guid, name, color, description,
                                              depth < MAX_CODE_DEPTH ? parent : -1);
      if (guid != NULL)
        g_hash_table_insert (r->codes, g_steal_pointer (&guid), GINT_TO_POINTER (index + 1));
      if (codable != NULL && (strcmp (codable, "false") == 0 || strcmp (codable, "0") == 0))
        r->categories++;
      if (depth == MAX_CODE_DEPTH)
        dossier_import_report_add (r->data->report, DOSSIER_IMPORT_ITEM_CHANGED,
                                   ((DossierExchangeCode *) g_ptr_array_index (r->data->codes, index))->name,
                                   _("nested more than %u codes deep: placed at the top level"),
                                   (guint) MAX_CODE_DEPTH);

      for (xmlNodePtr ref = c->children; ref != NULL; ref = ref->next)
        if (is_element (ref, "NoteRef"))
          add_note_ref (r, NULL, 0, index, ref);

      read_codes (r, c, index, depth + 1);
    }
}

static void read_sets (Reader     *r,
                       xmlNodePtr  node);

static void
read_codebook (Reader     *r,
               xmlNodePtr  node)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      if (is_element (c, "Codes"))
        read_codes (r, c, -1, 0);
      else if (is_element (c, "Sets"))
        read_sets (r, c);  /* a codebook's Sets are a project's */
    }
}

static void
read_variables (Reader     *r,
                xmlNodePtr  node)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      g_autofree char *guid = NULL;
      Variable *var;

      if (!is_element (c, "Variable"))
        continue;
      guid = guid_attr (c, "guid");
      if (guid == NULL)
        continue;
      var = g_new0 (Variable, 1);
      var->name = attr (c, "name");
      if (var->name == NULL || !g_utf8_validate (var->name, -1, NULL))
        {
          g_free (var->name);
          var->name = g_strdup ("?");
        }
      var->type = attr (c, "typeOfVariable");
      g_hash_table_insert (r->variables, g_steal_pointer (&guid), var);
    }
}

/* The values of an entity's VariableValues by their variable's name
 * (case-folded). */
static GHashTable *
read_values (Reader     *r,
             xmlNodePtr  node)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      Variable *var;
      g_autofree char *value = NULL;

      if (!is_element (c, "VariableValue"))
        continue;
      var = variable_value (r, c, NULL, values, &value);
      if (var != NULL && value != NULL)
        g_hash_table_insert (values, g_utf8_casefold (var->name, -1), g_steal_pointer (&value));
    }
  return values;
}

static NoteType
note_type (const char *value)
{
  if (value == NULL)
    return NOTE_PLAIN;
  if (g_ascii_strcasecmp (value, "question") == 0)
    return NOTE_QUESTION;
  if (g_ascii_strcasecmp (value, "argument") == 0)
    return NOTE_ARGUMENT;
  if (g_ascii_strcasecmp (value, "briefing") == 0)
    return NOTE_BRIEFING;
  if (g_ascii_strcasecmp (value, "evidence") == 0)
    return NOTE_EVIDENCE;
  return NOTE_PLAIN;
}

static void
read_cases (Reader     *r,
            xmlNodePtr  node)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      Case *item;

      if (!is_element (c, "Case"))
        continue;
      item = g_new0 (Case, 1);
      item->guid = guid_attr (c, "guid");
      item->name = attr (c, "name");
      item->description = child_text (c, "Description");
      if (item->description != NULL)
        g_strstrip (item->description);
      item->values = read_values (r, c);
      item->selections = g_ptr_array_new_with_free_func (g_free);
      item->stakeholder = -1;
      for (xmlNodePtr ref = c->children; ref != NULL; ref = ref->next)
        {
          if (is_element (ref, "SelectionRef"))
            {
              char *guid = guid_attr (ref, "targetGUID");

              if (guid != NULL)
                g_ptr_array_add (item->selections, guid);
            }
          else if (is_element (ref, "SourceRef"))
            item->n_sources++;
          else if (is_element (ref, "CodeRef"))
            item->n_codes++;
        }
      g_ptr_array_add (r->cases, item);
    }
}

static void
read_links (Reader     *r,
            xmlNodePtr  node)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      Link link = { 0 };

      if (!is_element (c, "Link"))
        continue;
      link.name = attr (c, "name");
      link.origin = guid_attr (c, "originGUID");
      link.target = guid_attr (c, "targetGUID");
      for (xmlNodePtr ref = c->children; ref != NULL && link.note == NULL; ref = ref->next)
        if (is_element (ref, "NoteRef"))
          link.note = guid_attr (ref, "targetGUID");
      g_array_append_val (r->links, link);
    }
}

static void
read_notes (Reader     *r,
            xmlNodePtr  node)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      g_autofree char *guid = NULL;
      g_autofree char *path = NULL;
      Note *note;

      if (!is_element (c, "Note"))
        continue;
      guid = guid_attr (c, "guid");
      if (guid == NULL)
        continue;

      note = g_new0 (Note, 1);
      note->guid = g_strdup (guid);
      note->name = attr (c, "name");
      note->text = child_text (c, "PlainTextContent");
      note->raw = g_strdup (note->text);
      note->values = read_values (r, c);
      note->documents = g_ptr_array_new ();
      note->entity = -1;
      note->type = note_type (g_hash_table_lookup (note->values, "note type"));
      note->modified = attr (c, "modifiedDateTime");
      path = attr (c, "plainTextPath");
      if (note->text == NULL && path != NULL)
        {
          g_autofree char *why = NULL;
          g_autoptr(GBytes) bytes = read_path (r, path, &why);
          gsize len;

          if (bytes != NULL)
            note->text = decode_text (bytes, &len, NULL, &why);
        }
      if (note->text != NULL)
        {
          char *norm = dossier_text_normalize (note->text, -1, NULL);

          g_free (note->text);
          note->text = norm != NULL ? g_strstrip (norm) : NULL;
        }
      note->author = guid_attr (c, "creatingUser");
      note->created = attr (c, "creationDateTime");
      if (g_hash_table_contains (r->notes, guid))
        {
          note_free (note);
          continue;
        }
      g_ptr_array_add (r->note_order, note);
      g_hash_table_insert (r->notes, g_steal_pointer (&guid), note);
    }
}

/* Names of up to five members of a set, for the report. */
static char *
member_names (GPtrArray *names)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < names->len && i < 5; i++)
    g_string_append_printf (out, "%s“%s”", i > 0 ? ", " : "", (const char *) g_ptr_array_index (names, i));
  if (names->len > 5)
    g_string_append (out, ", …");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
read_sets (Reader     *r,
           xmlNodePtr  node)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      g_autoptr(GPtrArray) codes = g_ptr_array_new ();
      g_autofree char *name = NULL;
      g_autofree char *what = NULL;
      g_autofree char *list = NULL;
      guint sources = 0, notes = 0;

      if (!is_element (c, "Set"))
        continue;
      name = label_of (c, _("(unnamed)"));
      for (xmlNodePtr m = c->children; m != NULL; m = m->next)
        {
          if (is_element (m, "MemberCode"))
            {
              g_autofree char *guid = guid_attr (m, "targetGUID");
              gpointer found;

              if (guid == NULL)
                guid = guid_attr (m, "guid");  /* the codebook schema's spelling */
              found = guid != NULL ? g_hash_table_lookup (r->codes, guid) : NULL;
              if (found != NULL)
                g_ptr_array_add (codes, ((DossierExchangeCode *)
                                         g_ptr_array_index (r->data->codes, GPOINTER_TO_INT (found) - 1))->name);
            }
          else if (is_element (m, "MemberSource"))
            sources++;
          else if (is_element (m, "MemberNote"))
            notes++;
        }

      what = g_strdup_printf (_("Set “%s”"), name);
      list = member_names (codes);
      if (codes->len > 0 && sources == 0)
        dossier_import_report_add (r->data->report, DOSSIER_IMPORT_ITEM_SKIPPED, what,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "a group of %u code (%s): its code came in, the "
                                                "group did not (Dossier has no tag groups)",
                                                "a group of %u codes (%s): its codes came in, the "
                                                "group did not (Dossier has no tag groups)", codes->len),
                                   codes->len, list);
      else if (sources > 0 && codes->len == 0)
        dossier_import_report_add (r->data->report, DOSSIER_IMPORT_ITEM_SKIPPED, what,
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "a group of %u document: it came in, the group did "
                                                "not (Dossier has no document groups)",
                                                "a group of %u documents: they came in, the group did "
                                                "not (Dossier has no document groups)", sources),
                                   sources);
      else
        dossier_import_report_add (r->data->report, DOSSIER_IMPORT_ITEM_SKIPPED, what,
                                   _("a group of %u codes, %u documents and %u notes: its members "
                                     "came in, the group did not (Dossier has no groups)"),
                                   codes->len, sources, notes);
    }
}

/* Notes once every section is read: into the memos and descriptions
 * that refer to them. Dossier's own questions, arguments, briefings and
 * evidence notes are not memos (resolve_analysis). */
/* Values of variables declared after them, now that all are: given as
 * if they had been declared first (a note's type among them). Those of
 * variables declared nowhere are counted for the report. */
static void
resolve_pending (Reader *r)
{
  guint undeclared = 0;

  if (r->pending->len == 0)
    return;

  for (guint i = 0; i < r->pending->len; i++)
    {
      PendingValue *pending = &g_array_index (r->pending, PendingValue, i);
      Variable *var = g_hash_table_lookup (r->variables, pending->guid);

      if (var == NULL)
        undeclared++;
      else if (pending->doc != NULL)
        apply_variable_value (r, pending->doc, var, pending->value);
      else
        {
          char *folded = g_utf8_casefold (var->name, -1);

          if (!g_hash_table_contains (pending->values, folded))
            g_hash_table_insert (pending->values, folded, g_strdup (pending->value));
          else
            g_free (folded);
        }
    }

  for (guint i = 0; i < r->note_order->len; i++)
    {
      Note *note = g_ptr_array_index (r->note_order, i);

      note->type = note_type (g_hash_table_lookup (note->values, "note type"));
    }

  if (undeclared > 0)
    dossier_import_report_add (r->data->report, DOSSIER_IMPORT_ITEM_SKIPPED, _("Variables"),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u value of a variable the project does not declare",
                                            "%u values of variables the project does not declare",
                                            undeclared), undeclared);
}

static void
resolve_notes (Reader *r)
{
  for (guint i = 0; i < r->note_refs->len; i++)
    {
      NoteRef *ref = &g_array_index (r->note_refs, NoteRef, i);
      Note *note = g_hash_table_lookup (r->notes, ref->guid);
      char **target = NULL;

      if (note == NULL || note->type != NOTE_PLAIN || note->text == NULL || note->text[0] == '\0')
        continue;
      if (ref->code == -2)
        {
          /* About a whole document: a briefing note on it, unless it
           * is a memo elsewhere. */
          g_ptr_array_add (note->documents, ref->source);
          continue;
        }
      if (ref->source != NULL)
        target = &g_array_index (ref->source->selections, DossierExchangeSelection, ref->selection).memo;
      else if (ref->code >= 0)
        target = &((DossierExchangeCode *) g_ptr_array_index (r->data->codes, ref->code))->description;
      else
        continue;

      note->used = TRUE;
      /* The same text as a description and a note (tools that write
       * both) comes in once. */
      if (strstr (*target, note->text) != NULL)
        continue;
      if ((*target)[0] == '\0')
        {
          g_free (*target);
          *target = g_strdup (note->text);
        }
      else
        {
          char *joined = g_strconcat (*target, "\n\n", note->text, NULL);

          g_free (*target);
          *target = joined;
        }
    }
}

/* ---- Stakeholders, questions, arguments, briefings ------------------------ */

static gboolean
parse_int (const char *value,
           int         min,
           int         max,
           int        *out)
{
  gint64 n;
  char *end = NULL;

  if (value == NULL || value[0] == '\0')
    return FALSE;
  n = g_ascii_strtoll (value, &end, 10);
  if (end == value || *end != '\0' || n < min || n > max)
    return FALSE;
  *out = (int) n;
  return TRUE;
}

/* The evidence note a link refers to: the citer's note, its role and the
 * stance it shows. */
static void
link_evidence (Reader              *r,
               const Link          *link,
               const char         **note_text,
               DossierEvidenceRole *role,
               int                 *stance)
{
  Note *note = link != NULL && link->note != NULL ? g_hash_table_lookup (r->notes, link->note) : NULL;

  *note_text = "";
  *role = DOSSIER_EVIDENCE_NONE;
  *stance = DOSSIER_STANCE_UNKNOWN;
  if (note == NULL)
    return;
  note->used = TRUE;
  *note_text = note->raw != NULL ? note->raw : "";
  if (!dossier_evidence_role_from_string (g_hash_table_lookup (note->values, "evidence role"), role))
    *role = DOSSIER_EVIDENCE_NONE;
  if (*role != DOSSIER_EVIDENCE_STANCE ||
      !parse_int (g_hash_table_lookup (note->values, "stance position"), DOSSIER_STANCE_MIN,
                  DOSSIER_STANCE_MAX, stance))
    *stance = DOSSIER_STANCE_UNKNOWN;
}

/* The link from @origin to @target, or NULL. */
static Link *
find_link (GHashTable *by_ends,
           const char *origin,
           const char *target)
{
  g_autofree char *key = g_strconcat (origin, " ", target, NULL);

  return g_hash_table_lookup (by_ends, key);
}

/* Variables of cases Dossier has no place for, counted for the report. */
static void
count_unmapped (GHashTable *unmapped,
                GHashTable *values)
{
  static const char * const known[] = {
    "kind", "stance", "stance position", "interests", "power", "interest", "aliases", "colour",
    "color",
  };
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean mapped = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (known) && !mapped; i++)
        mapped = strcmp (key, known[i]) == 0;
      if (!mapped)
        g_hash_table_insert (unmapped, g_strdup (key),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (unmapped, key)) + 1));
    }
}

static void
resolve_cases (Reader     *r,
               GHashTable *links,
               GHashTable *stakeholders)
{
  DossierExchangeData *data = r->data;
  g_autoptr(GHashTable) unmapped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint lost = 0, sources = 0, codes = 0;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < r->cases->len; i++)
    {
      Case *c = g_ptr_array_index (r->cases, i);
      DossierExchangeStakeholder *s;
      const char *v;

      sources += c->n_sources;
      codes += c->n_codes;
      if (c->name == NULL || g_strstrip (c->name)[0] == '\0')
        {
          dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_SKIPPED, _("Case"),
                                     "%s", _("it has no name, and a stakeholder needs one"));
          continue;
        }

      s = dossier_exchange_data_add_stakeholder (data);
      c->stakeholder = (int) data->stakeholders->len - 1;
      if (c->guid != NULL)
        g_hash_table_insert (stakeholders, c->guid, GINT_TO_POINTER (c->stakeholder + 1));
      s->guid = g_strdup (c->guid);
      s->name = g_strdup (c->name);
      if (c->description != NULL)
        {
          g_free (s->description);
          s->description = g_strdup (c->description);
        }
      v = g_hash_table_lookup (c->values, "kind");
      if (v != NULL && !dossier_stakeholder_kind_from_string (v, &s->kind))
        s->kind = DOSSIER_STAKEHOLDER_OTHER;
      if ((v = g_hash_table_lookup (c->values, "stance")) != NULL)
        {
          g_free (s->stance);
          s->stance = g_strdup (v);
        }
      if ((v = g_hash_table_lookup (c->values, "interests")) != NULL)
        {
          g_free (s->interests);
          s->interests = g_strdup (v);
        }
      if (!parse_int (g_hash_table_lookup (c->values, "stance position"), DOSSIER_STANCE_MIN,
                      DOSSIER_STANCE_MAX, &s->stance_position))
        s->stance_position = DOSSIER_STANCE_UNKNOWN;
      if (!parse_int (g_hash_table_lookup (c->values, "power"), DOSSIER_RATING_MIN, DOSSIER_RATING_MAX,
                      &s->power))
        s->power = 3;
      if (!parse_int (g_hash_table_lookup (c->values, "interest"), DOSSIER_RATING_MIN, DOSSIER_RATING_MAX,
                      &s->interest))
        s->interest = 3;
      if ((v = g_hash_table_lookup (c->values, "aliases")) != NULL && v[0] != '\0')
        {
          g_strfreev (s->aliases);
          s->aliases = g_strsplit (v, "\n", -1);
        }
      v = g_hash_table_lookup (c->values, "colour");
      s->color = dossier_exchange_color (v != NULL ? v : g_hash_table_lookup (c->values, "color"));
      count_unmapped (unmapped, c->values);

      for (guint k = 0; k < c->selections->len; k++)
        {
          const char *guid = g_ptr_array_index (c->selections, k);
          SelectionPlace *place = g_hash_table_lookup (r->selections, guid);
          const char *note;
          DossierEvidenceRole role;
          int stance;

          if (place == NULL)
            {
              lost++;
              continue;
            }
          link_evidence (r, c->guid != NULL ? find_link (links, c->guid, guid) : NULL, &note, &role, &stance);
          dossier_exchange_evidence_add (s->evidence, place->source, place->index, note, role, stance);
        }
    }

  if (lost > 0)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_SKIPPED, _("Cases"),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u selection a case refers to is not among the "
                                            "sources’ selections that came in",
                                            "%u selections cases refer to are not among the "
                                            "sources’ selections that came in", lost), lost);
  if (sources > 0)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_SKIPPED, _("Cases"),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u whole document assigned to a case: a stakeholder’s "
                                            "evidence is passages, so the document is not",
                                            "%u whole documents assigned to cases: a stakeholder’s "
                                            "evidence is passages, so the documents are not",
                                            sources), sources);
  if (codes > 0)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_SKIPPED, _("Cases"),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u code assigned to a case: stakeholders have no codes",
                                            "%u codes assigned to cases: stakeholders have no codes",
                                            codes), codes);

  g_hash_table_iter_init (&iter, unmapped);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *what = g_strdup_printf (_("Case variable “%s”"), (const char *) key);

      dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_SKIPPED, what,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "its value on %u case has no place in Dossier "
                                              "(stakeholders keep kind, stance, interests, power and "
                                              "interest)",
                                              "its values on %u cases have no place in Dossier "
                                              "(stakeholders keep kind, stance, interests, power and "
                                              "interest)", GPOINTER_TO_UINT (value)),
                                 GPOINTER_TO_UINT (value));
    }
}

/* Dossier's questions, arguments and briefings (notes typed by their
 * "Note type" variable, tied together by links), other tools' notes
 * about the project or a document as briefing notes, and what no one
 * maps reported. */
static void
resolve_analysis (Reader *r)
{
  DossierExchangeData *data = r->data;
  g_autoptr(GHashTable) links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) stakeholders = g_hash_table_new (g_str_hash, g_str_equal);  /* case guid → index + 1 */
  g_autoptr(GHashTable) by_origin = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autofree gboolean *used = g_new0 (gboolean, r->links->len + 1);
  guint unlinked = 0, briefings = 0, orphaned_args = 0, other_links = 0;

  for (guint i = 0; i < r->links->len; i++)
    {
      Link *link = &g_array_index (r->links, Link, i);
      GPtrArray *from;

      if (link->origin == NULL || link->target == NULL)
        continue;
      g_hash_table_insert (links, g_strconcat (link->origin, " ", link->target, NULL), link);
      from = g_hash_table_lookup (by_origin, link->origin);
      if (from == NULL)
        {
          from = g_ptr_array_new ();
          g_hash_table_insert (by_origin, link->origin, from);
        }
      g_ptr_array_add (from, GUINT_TO_POINTER (i));
    }

  resolve_cases (r, links, stakeholders);

  /* Questions first: arguments refer to them. */
  for (guint i = 0; i < r->note_order->len; i++)
    {
      Note *note = g_ptr_array_index (r->note_order, i);
      DossierExchangeQuestion *q;

      if (note->type != NOTE_QUESTION)
        continue;
      note->used = TRUE;
      if (note->raw == NULL || g_strstrip (note->raw)[0] == '\0')
        continue;
      q = dossier_exchange_data_add_question (data);
      q->guid = g_strdup (note->guid);
      g_free (q->text);
      q->text = g_strdup (note->raw);
      note->entity = (int) data->questions->len - 1;
    }

  for (guint i = 0; i < r->note_order->len; i++)
    {
      Note *note = g_ptr_array_index (r->note_order, i);
      GPtrArray *from = g_hash_table_lookup (by_origin, note->guid);
      DossierExchangeArgument *a = NULL;
      DossierExchangeBriefing *b = NULL;
      int question = -1, stakeholder = -1;
      DossierPolarity polarity = DOSSIER_POLARITY_PRO;
      const char *v;

      if (note->type == NOTE_ARGUMENT)
        {
          note->used = TRUE;
          if (note->raw == NULL || g_strstrip (note->raw)[0] == '\0')
            continue;
          /* Its question and perspective are what it links to. */
          for (guint k = 0; from != NULL && k < from->len; k++)
            {
              guint index = GPOINTER_TO_UINT (g_ptr_array_index (from, k));
              Link *link = &g_array_index (r->links, Link, index);
              Note *target = g_hash_table_lookup (r->notes, link->target);
              gpointer s = g_hash_table_lookup (stakeholders, link->target);

              if (target != NULL && target->type == NOTE_QUESTION && target->entity >= 0 && question < 0)
                {
                  question = target->entity;
                  used[index] = TRUE;
                  if (link->name != NULL)
                    dossier_polarity_from_string (link->name, &polarity);
                }
              else if (s != NULL && stakeholder < 0)
                {
                  stakeholder = GPOINTER_TO_INT (s) - 1;
                  used[index] = TRUE;
                }
            }
          if (question < 0)
            {
              orphaned_args++;
              continue;
            }
          a = dossier_exchange_data_add_argument (data);
          a->guid = g_strdup (note->guid);
          a->question = question;
          g_free (a->statement);
          a->statement = g_strdup (note->raw);
          a->stakeholder = stakeholder;
          if ((v = g_hash_table_lookup (note->values, "polarity")) != NULL)
            dossier_polarity_from_string (v, &polarity);
          a->polarity = polarity;
          if (!parse_int (g_hash_table_lookup (note->values, "strength"), DOSSIER_STRENGTH_MIN,
                          DOSSIER_STRENGTH_MAX, &a->strength))
            a->strength = DOSSIER_STRENGTH_DEFAULT;
          note->entity = (int) data->arguments->len - 1;
        }
      else if (note->type == NOTE_BRIEFING || (note->type == NOTE_PLAIN && !note->used))
        {
          const char *body = note->type == NOTE_BRIEFING ? note->raw : note->text;
          g_autofree char *title = NULL;

          note->used = TRUE;
          if (body == NULL)
            body = "";
          title = g_strdup (note->name);
          if (title == NULL || g_strstrip (title)[0] == '\0')
            {
              /* Neither a title nor a text: nothing to keep, but said. A
               * title alone is kept, as a note of a title only. */
              if (body[0] == '\0')
                {
                  r->empty_notes++;
                  continue;
                }
              /* Its first line, as a title. */
              g_free (title);
              title = g_strndup (body, strcspn (body, "\n"));
              if (g_strstrip (title)[0] == '\0' || g_utf8_strlen (title, -1) > 80)
                {
                  g_free (title);
                  title = g_strdup (_("Imported note"));
                }
            }
          b = dossier_exchange_data_add_briefing (data);
          b->guid = g_strdup (note->guid);
          g_free (b->title);
          b->title = g_steal_pointer (&title);
          g_free (b->body);
          b->body = g_strdup (body);
          b->created = dossier_exchange_datetime (note->created);
          b->modified = dossier_exchange_datetime (note->modified);
          for (guint k = 0; k < note->documents->len; k++)
            if (!g_ptr_array_find (b->documents, g_ptr_array_index (note->documents, k), NULL))
              g_ptr_array_add (b->documents, g_ptr_array_index (note->documents, k));
          if (note->type == NOTE_PLAIN)
            briefings++;
        }
      else
        continue;

      /* Evidence (arguments) and documents (briefings) it links to. */
      for (guint k = 0; from != NULL && k < from->len; k++)
        {
          guint index = GPOINTER_TO_UINT (g_ptr_array_index (from, k));
          Link *link = &g_array_index (r->links, Link, index);
          SelectionPlace *place = g_hash_table_lookup (r->selections, link->target);
          DossierExchangeSource *source = g_hash_table_lookup (r->sources, link->target);

          if (a != NULL && place != NULL)
            {
              const char *note_text;
              DossierEvidenceRole role;
              int stance;

              link_evidence (r, link, &note_text, &role, &stance);
              dossier_exchange_evidence_add (a->evidence, place->source, place->index, note_text,
                                             DOSSIER_EVIDENCE_NONE, DOSSIER_STANCE_UNKNOWN);
              used[index] = TRUE;
            }
          else if (b != NULL && source != NULL)
            {
              if (!g_ptr_array_find (b->documents, source, NULL))
                g_ptr_array_add (b->documents, source);
              used[index] = TRUE;
            }
        }
    }

  /* Links from cases to their evidence were read with the cases. */
  for (guint i = 0; i < r->links->len; i++)
    {
      Link *link = &g_array_index (r->links, Link, i);

      if (used[i])
        continue;
      if (link->origin != NULL && link->target != NULL &&
          g_hash_table_contains (stakeholders, link->origin) &&
          g_hash_table_contains (r->selections, link->target))
        continue;
      other_links++;
    }

  for (guint i = 0; i < r->note_order->len; i++)
    {
      Note *note = g_ptr_array_index (r->note_order, i);

      if (!note->used && note->type != NOTE_PLAIN)
        unlinked++;
    }

  if (briefings > 0)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_CHANGED, _("Notes"),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u note about the project or a document as a whole "
                                            "became a briefing note",
                                            "%u notes about the project or documents as a whole "
                                            "became briefing notes", briefings), briefings);
  if (orphaned_args > 0)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_SKIPPED, _("Arguments"),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u argument is linked to no question, and an argument "
                                            "bears on one",
                                            "%u arguments are linked to no question, and an argument "
                                            "bears on one", orphaned_args), orphaned_args);
  if (r->empty_notes > 0)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_SKIPPED, _("Notes"),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u note has neither a title nor a text: nothing to "
                                            "import",
                                            "%u notes have neither a title nor a text: nothing to "
                                            "import", r->empty_notes), r->empty_notes);
  if (unlinked > 0)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_SKIPPED, _("Notes"),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u evidence note is not linked to any evidence",
                                            "%u evidence notes are not linked to any evidence",
                                            unlinked), unlinked);
  if (other_links > 0)
    dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_SKIPPED, _("Links"),
                               g_dngettext (GETTEXT_PACKAGE, "%u link between entities: Dossier has no such links",
                                            "%u links between entities: Dossier has no such links",
                                            other_links), other_links);
}

/* Selections that came without a code: evidence stays without a tag (a
 * stakeholder's or an argument's passage); any other needs a tag in
 * Dossier, and gets the one made for them. */
static void
resolve_uncoded (Reader *r)
{
  DossierExchangeData *data = r->data;

  for (guint s = 0; s < data->sources->len; s++)
    {
      DossierExchangeSource *source = g_ptr_array_index (data->sources, s);
      guint uncoded = 0;

      for (guint i = 0; i < source->selections->len; i++)
        {
          DossierExchangeSelection *sel = &g_array_index (source->selections, DossierExchangeSelection, i);
          int code;

          if (sel->codes->len > 0 || sel->evidence)
            continue;
          code = dossier_exchange_data_uncoded (data);
          g_array_append_val (sel->codes, code);
          uncoded++;
        }
      if (uncoded > 0)
        dossier_import_report_add (data->report, DOSSIER_IMPORT_ITEM_CHANGED,
                                   source->label != NULL ? source->label : _("Sources"),
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "%u selection without a code (a memo) was tagged "
                                                "“%s”",
                                                "%u selections without a code (memos) were tagged "
                                                "“%s”", uncoded), uncoded,
                                   ((DossierExchangeCode *) g_ptr_array_index (data->codes, data->uncoded))->name);
    }
}

/* What was counted along the way, into the report. */
static void
report_totals (Reader *r)
{
  GHashTableIter iter;
  gpointer key, value;

  if (r->categories > 0)
    dossier_import_report_add (r->data->report, DOSSIER_IMPORT_ITEM_CHANGED, _("Codebook"),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u category that could not be coded in the other "
                                            "tool is a tag like any other here",
                                            "%u categories that could not be coded in the other "
                                            "tool are tags like any other here", r->categories),
                               r->categories);
  if (r->dangling > 0)
    dossier_import_report_add (r->data->report, DOSSIER_IMPORT_ITEM_SKIPPED, _("Codings"),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u coding refers to a code that is not in the codebook",
                                            "%u codings refer to codes that are not in the codebook",
                                            r->dangling), r->dangling);
  if (g_hash_table_size (r->unknown_users) > 0)
    dossier_import_report_add (r->data->report, DOSSIER_IMPORT_ITEM_CHANGED, _("Coders"),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u coder is not listed among the project's users: "
                                            "their highlights have no author",
                                            "%u coders are not listed among the project's users: "
                                            "their highlights have no author",
                                            g_hash_table_size (r->unknown_users)),
                               g_hash_table_size (r->unknown_users));

  g_hash_table_iter_init (&iter, r->unmapped_vars);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *what = g_strdup_printf (_("Variable “%s”"), (const char *) key);

      dossier_import_report_add (r->data->report, DOSSIER_IMPORT_ITEM_SKIPPED, what,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "its value on %u document has no place in Dossier "
                                              "(documents keep author, outlet, date and source)",
                                              "its values on %u documents have no place in Dossier "
                                              "(documents keep author, outlet, date and source)",
                                              GPOINTER_TO_UINT (value)),
                                 GPOINTER_TO_UINT (value));
    }
}

/* ---- The XML stream ------------------------------------------------------ */

/* Refuses a document type declaration before the parser sees it: REFI-QDA
 * files have none, and it is how external entities and entity expansion
 * ("billion laughs") get in. Only the prologue is looked at. */
static gboolean
check_prologue (const char  *data,
                gsize        size,
                const char  *display,
                GError     **error)
{
  const char *p = data, *end = data + size;

  if (size >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                    ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                   _("“%s” is in UTF-16; REFI-QDA files are UTF-8. Save it as UTF-8 and "
                     "import it again."), display);
      return FALSE;
    }
  if (size >= 3 && (guchar) p[0] == 0xEF && (guchar) p[1] == 0xBB && (guchar) p[2] == 0xBF)
    p += 3;

  while (p < end)
    {
      if (g_ascii_isspace (*p))
        p++;
      else if (end - p >= 2 && p[0] == '<' && p[1] == '?')
        {
          const char *close = g_strstr_len (p, end - p, "?>");

          if (close == NULL)
            break;
          p = close + 2;
        }
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p, end - p, "-->");

          if (close == NULL)
            break;
          p = close + 3;
        }
      else if (end - p >= 2 && p[0] == '<' && p[1] == '!')
        {
          g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE,
                       _("“%s” was refused: it declares a document type (DTD), which REFI-QDA "
                         "files never do and which can make a file read other files or "
                         "expand without end."), display);
          return FALSE;
        }
      else
        break;
    }

  return TRUE;
}

static void
report_stage (Reader     *r,
              double      fraction,
              const char *message)
{
  if (r->progress != NULL)
    dossier_progress_update (r->progress, fraction, message);
}

/* libxml2 reports its errors here too; they are read back through
 * xmlGetLastError () and told in the import's own error, never printed. */
static void
ignore_xml_error (void        *data,
                  xmlErrorPtr  xe)
{
}

/* What went wrong in the parse, for a person. A limit of the parser (10 MB
 * of text in one element, 256 levels of nesting) is not damage: the file
 * is too large or too deep to import. */
static void
set_parse_error (Reader  *r,
                 GError **error)
{
  const xmlError *xe = xmlGetLastError ();
  g_autofree char *message = g_strstrip (g_strdup (xe != NULL && xe->message != NULL ?
                                                   xe->message : "?"));
  g_autofree char *folded = g_ascii_strdown (message, -1);
  int line = xe != NULL ? xe->line : 0;

  /* libxml2 2.9–2.11: "xmlSAX2Characters: huge text node" (or "xmlSAX2Text…"). */
  if (xe != NULL && r->source_at != NULL && strstr (folded, "huge text") != NULL)
    g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_TOO_LARGE,
                 _("“%s” was refused: the source “%s” holds its text inside the project file, "
                   "and a text there can be at most 10 MB long (one kept as a file of its own in "
                   "the archive can be longer)."), r->display, r->source_at);
  else if (xe != NULL && (xe->code == XML_ERR_NO_MEMORY || strstr (folded, "huge") != NULL ||
                          strstr (folded, "too long") != NULL))
    g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_TOO_LARGE,
                 _("“%s” was refused: at line %d it nests elements too deeply or holds a text "
                   "or name too long to read."), r->display, line);
  else
    g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                 _("“%s” is damaged: its XML is not well-formed (line %d: %s)."), r->display,
                 line, message);
}

/* Walks project.qde (or a .qdc): each top-level section, and each source,
 * is expanded as a small tree, handled and let go. An error anywhere
 * refuses the whole file: nothing read before it is stored. */
static gboolean
read_xml (Reader      *r,
          const char  *data,
          gsize        size,
          gboolean     codebook,
          GError     **error)
{
  xmlTextReaderPtr reader;
  gboolean in_sources = FALSE;
  gboolean root_seen = FALSE;
  gboolean ok = TRUE;
  int ret;

  if (!check_prologue (data, size, r->display, error))
    return FALSE;
  if (size > G_MAXINT)
    {
      g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_TOO_LARGE,
                   _("“%s” is too large to import."), r->display);
      return FALSE;
    }

  /* No network, no entities substituted, no DTD loaded or validated. */
  reader = xmlReaderForMemory (data, (int) size, codebook ? "codebook.qdc" : "project.qde", NULL,
                               XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
                               XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    {
      g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                   _("“%s” cannot be read as XML."), r->display);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, ignore_xml_error, NULL);
  xmlResetLastError ();

  ret = xmlTextReaderRead (reader);
  while (ret == 1 && ok)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      const char *namespace;
      xmlNodePtr node;

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_UNSAFE,
                       _("“%s” was refused: it declares a document type (DTD), which REFI-QDA "
                         "files never do and which can make a file read other files or "
                         "expand without end."), r->display);
          ok = FALSE;
          break;
        }
      if (type == XML_READER_TYPE_END_ELEMENT && depth == 1 && in_sources)
        in_sources = FALSE;
      if (type != XML_READER_TYPE_ELEMENT)
        {
          ret = xmlTextReaderRead (reader);
          continue;
        }

      if (depth == 0)
        {
          const char *expected = codebook ? "CodeBook" : "Project";

          if (strcmp (name, expected) != 0)
            {
              g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                           codebook ? _("“%s” is not a REFI-QDA codebook: it holds “%s”, not a "
                                        "CodeBook.")
                                    : _("“%s” is not a REFI-QDA project: it holds “%s”, not a "
                                        "Project."),
                           r->display, name);
              ok = FALSE;
              break;
            }
          /* Another vocabulary that happens to name its root the same:
           * its elements mean other things. (One with no namespace at
           * all is read: the names are REFI-QDA's.) */
          namespace = (const char *) xmlTextReaderConstNamespaceUri (reader);
          if (namespace != NULL && *namespace != '\0' &&
              strcmp (namespace, codebook ? CODEBOOK_NS : PROJECT_NS) != 0)
            {
              g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                           codebook ? _("“%s” is not a REFI-QDA codebook: its CodeBook is in the "
                                        "namespace “%s”, not %s.")
                                    : _("“%s” is not a REFI-QDA project: its Project is in the "
                                        "namespace “%s”, not %s."),
                           r->display, namespace, codebook ? CODEBOOK_NS : PROJECT_NS);
              ok = FALSE;
              break;
            }
          root_seen = TRUE;
          if (codebook)
            {
              /* A codebook is small: all of it at once. */
              node = xmlTextReaderExpand (reader);
              if (node == NULL)
                {
                  ret = -1;
                  break;
                }
              read_codebook (r, node);
              if (r->damage != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&r->damage));
                  ok = FALSE;
                  break;
                }
              ret = xmlTextReaderNext (reader);
              continue;
            }
          ret = xmlTextReaderRead (reader);
          continue;
        }

      if (g_cancellable_set_error_if_cancelled (r->cancellable, error))
        {
          ok = FALSE;
          break;
        }

      if (depth == 1 && strcmp (name, "Sources") == 0 && !xmlTextReaderIsEmptyElement (reader))
        {
          in_sources = TRUE;
          ret = xmlTextReaderRead (reader);
          continue;
        }

      /* Its name, for a parse error inside it to name it. */
      if (depth == 2 && in_sources)
        {
          xmlChar *source_name = xmlTextReaderGetAttribute (reader, BAD_CAST "name");

          g_free (r->source_at);
          r->source_at = g_strdup (source_name != NULL && *source_name != '\0' ? (const char *) source_name
                                                                                 : _("(unnamed)"));
          xmlFree (source_name);
        }
      node = xmlTextReaderExpand (reader);
      if (node == NULL)
        {
          ret = -1;  /* a parse error inside the element: reported below */
          break;
        }

      if (depth == 2 && in_sources)
        {
          g_clear_pointer (&r->source_at, g_free);
          read_source (r, node);
          report_stage (r, 0.1 + 0.8 * (double) xmlTextReaderByteConsumed (reader) / MAX (size, 1),
                        _("Reading sources"));
        }
      else if (depth == 1)
        {
          if (strcmp (name, "Users") == 0)
            read_users (r, node);
          else if (strcmp (name, "CodeBook") == 0)
            read_codebook (r, node);
          else if (strcmp (name, "Variables") == 0)
            read_variables (r, node);
          else if (strcmp (name, "Notes") == 0)
            read_notes (r, node);
          else if (strcmp (name, "Sets") == 0)
            read_sets (r, node);
          else if (strcmp (name, "Cases") == 0)
            read_cases (r, node);
          else if (strcmp (name, "Links") == 0)
            read_links (r, node);
          else if (strcmp (name, "Graphs") == 0)
            dossier_import_report_add (r->data->report, DOSSIER_IMPORT_ITEM_SKIPPED, _("Graphs"),
                                       g_dngettext (GETTEXT_PACKAGE, "%u graph: Dossier has no graphs",
                                                    "%u graphs: Dossier has no graphs",
                                                    count_children (node, "Graph")),
                                       count_children (node, "Graph"));
          else if (strcmp (name, "Description") == 0)
            dossier_import_report_add (r->data->report, DOSSIER_IMPORT_ITEM_SKIPPED, _("Project description"),
                                       "%s", _("Dossier projects have a title only"));
        }
      if (r->damage != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&r->damage));
          ok = FALSE;
          break;
        }

      ret = xmlTextReaderNext (reader);
    }

  if (ok && ret < 0)
    {
      set_parse_error (r, error);
      ok = FALSE;
    }
  else if (ok && !root_seen)
    {
      g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                   _("“%s” is empty or not XML."), r->display);
      ok = FALSE;
    }

  xmlFreeTextReader (reader);
  return ok;
}

/* ---- dossier.json -------------------------------------------------------- */

static void
read_extra (Reader *r)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *documents;
  JsonObjectIter iter;
  const char *guid;
  JsonNode *member;
  g_autofree char *name = g_strconcat (r->root, "dossier.json", NULL);
  int index = dossier_zip_reader_find (r->zip, name, FALSE);

  if (index < 0)
    return;
  bytes = dossier_zip_reader_read (r->zip, index, r->cancellable, NULL);
  if (bytes == NULL || g_bytes_get_size (bytes) > 64 * 1024 * 1024 ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    return;

  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ?
         json_node_get_object (json_parser_get_root (parser)) : NULL;
  if (root == NULL || g_strcmp0 (json_object_get_string_member_with_default (root, "format", ""),
                                 "dossier-qdpx-extra") != 0)
    return;
  member = json_object_get_member (root, "documents");
  if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    return;
  documents = json_node_get_object (member);

  r->extra = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, extra_free);
  json_object_iter_init (&iter, documents);
  while (json_object_iter_next (&iter, &guid, &member))
    {
      JsonObject *doc = JSON_NODE_HOLDS_OBJECT (member) ? json_node_get_object (member) : NULL;
      JsonNode *blocks_node;
      JsonArray *blocks;
      Extra *extra;
      char *key = dossier_exchange_guid_normalize (guid);

      if (doc == NULL || key == NULL)
        {
          g_free (key);
          continue;
        }
      extra = g_new0 (Extra, 1);
      extra->format = g_strdup (json_object_get_string_member_with_default (doc, "format", "text"));
      extra->imported = dossier_exchange_datetime (json_object_get_string_member_with_default (doc, "imported", ""));
      extra->hash = g_strdup (json_object_get_string_member_with_default (doc, "hash", ""));
      if (strcmp (extra->format, "text") != 0 && strcmp (extra->format, "markdown") != 0 &&
          strcmp (extra->format, "html") != 0)
        {
          g_free (extra->format);
          extra->format = g_strdup ("text");
        }
      blocks_node = json_object_get_member (doc, "blocks");
      blocks = blocks_node != NULL && JSON_NODE_HOLDS_ARRAY (blocks_node) ? json_node_get_array (blocks_node) : NULL;
      extra->blocks = g_array_new (FALSE, FALSE, sizeof (DossierBlock));
      for (guint i = 0; blocks != NULL && i < json_array_get_length (blocks); i++)
        {
          JsonNode *item = json_array_get_element (blocks, i);
          JsonArray *b = JSON_NODE_HOLDS_ARRAY (item) ? json_node_get_array (item) : NULL;
          DossierBlock block;

          if (b == NULL || json_array_get_length (b) != 4 ||
              !dossier_block_kind_from_string (json_array_get_string_element (b, 0), &block.kind))
            {
              g_clear_pointer (&extra->blocks, g_array_unref);
              break;
            }
          block.level = (int) CLAMP (json_array_get_int_element (b, 1), 0, 16);
          block.start = json_array_get_int_element (b, 2);
          block.end = json_array_get_int_element (b, 3);
          g_array_append_val (extra->blocks, block);
        }
      g_hash_table_insert (r->extra, key, extra);
    }
}

/* ---- Entry point --------------------------------------------------------- */

/* The index of project.qde in the archive, and its folder in r->root:
 * at the top (ATLAS.ti names it after the project), or, in a folder
 * zipped whole ("MyProject/project.qde", "MyProject/sources/…"), the one
 * project.qde one folder down. -1 and @error if there is none, or more
 * than one down. */
static int
find_qde (Reader  *r,
          GError **error)
{
  guint n = dossier_zip_reader_get_n_entries (r->zip);
  int index = dossier_zip_reader_find (r->zip, "project.qde", TRUE);
  g_autoptr(GPtrArray) folders = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; index < 0 && i < n; i++)
    {
      const char *name = dossier_zip_reader_get_name (r->zip, i);

      if (strchr (name, '/') == NULL && g_str_has_suffix (name, ".qde"))
        index = (int) i;
    }
  if (index >= 0)
    {
      r->root = g_strdup ("");
      return index;
    }

  for (guint i = 0; i < n; i++)
    {
      const char *name = dossier_zip_reader_get_name (r->zip, i);
      const char *slash = strchr (name, '/');

      if (slash != NULL && slash > name && g_ascii_strcasecmp (slash + 1, "project.qde") == 0)
        {
          if (folders->len == 0)
            {
              index = (int) i;
              r->root = g_strndup (name, slash + 1 - name);
            }
          g_ptr_array_add (folders, g_strdup_printf ("“%.*s”", (int) (slash - name), name));
        }
    }
  if (folders->len == 1)
    return index;

  if (folders->len > 1)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (folders, NULL);
      list = g_strjoinv (", ", (char **) folders->pdata);
      g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                   _("“%s” holds no project.qde of its own but one in each of the folders %s: "
                     "it is not clear which project to import. Zip each project’s folder on its "
                     "own and import them one by one."),
                   r->display, list);
    }
  else
    g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_FORMAT,
                 _("“%s” is not a REFI-QDA project: the archive holds no project.qde."),
                 r->display);
  g_clear_pointer (&r->root, g_free);
  return -1;
}


DossierExchangeData *
dossier_refi_read (GFile                    *file,
                   gboolean                  codebook,
                   DossierProgress          *progress,
                   GCancellable             *cancellable,
                   GError                  **error)
{
  Reader r = { 0 };
  g_autoptr(GBytes) qde = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (base != NULL ? base : "", -1);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  DossierExchangeData *result = NULL;

  r.file = g_object_ref (file);
  r.display = g_filename_display_basename (base);
  r.folder = parent != NULL ? g_file_get_path (parent) : NULL;
  r.data = dossier_exchange_data_new (r.display, codebook ? _("REFI-QDA codebook") : _("REFI-QDA project"));
  r.users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, variable_free);
  r.notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, note_free);
  r.unknown_users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.unmapped_vars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.note_refs = g_array_new (FALSE, FALSE, sizeof (NoteRef));
  r.note_order = g_ptr_array_new ();
  r.cases = g_ptr_array_new_with_free_func (case_free);
  r.links = g_array_new (FALSE, TRUE, sizeof (Link));
  g_array_set_clear_func (r.links, link_clear);
  r.selections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.source_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_array_set_clear_func (r.note_refs, note_ref_clear);
  r.pending = g_array_new (FALSE, FALSE, sizeof (PendingValue));
  g_array_set_clear_func (r.pending, pending_value_clear);
  r.progress = progress;
  r.cancellable = cancellable;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local file; copy it to this computer first."), r.display);
      goto out;
    }

  report_stage (&r, 0.0, _("Opening"));

  if (!codebook && g_str_has_suffix (lower, ".qdpx"))
    {
      int index;

      r.zip = dossier_zip_reader_open (path, NULL, error);
      if (r.zip == NULL)
        goto out;

      index = find_qde (&r, error);
      if (index < 0)
        goto out;

      /* The sources folder as this archive spells it. */
      r.sources_dir = g_strconcat (r.root, "sources", NULL);
      for (guint i = 0; i < dossier_zip_reader_get_n_entries (r.zip); i++)
        {
          const char *name = dossier_zip_reader_get_name (r.zip, i);

          if (g_str_has_prefix (name, r.root) && g_ascii_strncasecmp (name + strlen (r.root), "sources/", 8) == 0)
            {
              g_free (r.sources_dir);
              r.sources_dir = g_strconcat (r.root, name[strlen (r.root)] == 'S' ? "Sources" : "sources", NULL);
              break;
            }
        }

      read_extra (&r);
      qde = dossier_zip_reader_read (r.zip, index, cancellable, error);
      if (qde == NULL)
        goto out;
    }
  else
    {
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, cancellable, error);

      if (info == NULL)
        goto out;
      if (g_file_info_get_size (info) > 256 * 1024 * 1024)
        {
          g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_TOO_LARGE,
                       _("“%s” is too large to import."), r.display);
          goto out;
        }
      qde = g_file_load_bytes (file, cancellable, NULL, error);
      if (qde == NULL)
        goto out;
    }

  r.size = g_bytes_get_size (qde);
  if (!read_xml (&r, g_bytes_get_data (qde, NULL), r.size, codebook, error))
    goto out;

  resolve_pending (&r);
  resolve_notes (&r);
  resolve_analysis (&r);
  resolve_uncoded (&r);
  /* A valid file that brings nothing: said, not imported as "nothing". */
  if (r.data->codes->len == 0 && r.data->sources->len == 0 && r.data->stakeholders->len == 0 &&
      r.data->questions->len == 0 && r.data->arguments->len == 0 && r.data->briefings->len == 0)
    {
      g_set_error (error, DOSSIER_EXCHANGE_ERROR, DOSSIER_EXCHANGE_ERROR_EMPTY,
                   codebook ? _("“%s” holds nothing to import: its codebook has no codes.")
                            : _("“%s” holds nothing to import: its project has no sources, codes "
                                "or notes."),
                   r.display);
      goto out;
    }
  report_totals (&r);
  report_stage (&r, 0.9, _("Writing"));
  result = g_steal_pointer (&r.data);

out:
  reader_clear (&r);
  return result;
}
