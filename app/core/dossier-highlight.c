/* dossier-highlight.c — a snapshot of a tagged passage.
 *
 * Highlights are plain values handed out by the project each time they are
 * listed (there can be 100,000 of them: no per-object bookkeeping); the
 * project's "highlights-changed" signal says when to list them again.
 */

#include "config.h"

#include "dossier-highlight-private.h"

struct _DossierHighlight
{
  GObject   parent_instance;

  gint64    id;
  char     *uuid;
  gint64    document_id;
  gint64    start;
  gint64    end;
  char     *quote;
  char     *prefix;
  char     *suffix;
  char     *memo;
  char     *author;
  char     *created;
  char     *modified;
  gboolean  orphaned;
  GArray   *tag_ids;
};

G_DEFINE_FINAL_TYPE (DossierHighlight, dossier_highlight, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_DOCUMENT_ID,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_MEMO,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_ORPHANED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_highlight_finalize (GObject *object)
{
  DossierHighlight *self = DOSSIER_HIGHLIGHT (object);

  g_free (self->uuid);
  g_free (self->quote);
  g_free (self->prefix);
  g_free (self->suffix);
  g_free (self->memo);
  g_free (self->author);
  g_free (self->created);
  g_free (self->modified);
  g_array_unref (self->tag_ids);

  G_OBJECT_CLASS (dossier_highlight_parent_class)->finalize (object);
}

static void
dossier_highlight_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DossierHighlight *self = DOSSIER_HIGHLIGHT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    case PROP_START:
      g_value_set_int64 (value, self->start);
      break;
    case PROP_END:
      g_value_set_int64 (value, self->end);
      break;
    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;
    case PROP_PREFIX:
      g_value_set_string (value, self->prefix);
      break;
    case PROP_SUFFIX:
      g_value_set_string (value, self->suffix);
      break;
    case PROP_MEMO:
      g_value_set_string (value, self->memo);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;
    case PROP_ORPHANED:
      g_value_set_boolean (value, self->orphaned);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_highlight_class_init (DossierHighlightClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_highlight_finalize;
  object_class->get_property = dossier_highlight_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_DOCUMENT_ID] = g_param_spec_int64 ("document-id", NULL, NULL,
                                                     0, G_MAXINT64, 0, flags);
  properties[PROP_START] = g_param_spec_int64 ("start", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_END] = g_param_spec_int64 ("end", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_QUOTE] = g_param_spec_string ("quote", NULL, NULL, NULL, flags);
  properties[PROP_PREFIX] = g_param_spec_string ("prefix", NULL, NULL, NULL, flags);
  properties[PROP_SUFFIX] = g_param_spec_string ("suffix", NULL, NULL, NULL, flags);
  properties[PROP_MEMO] = g_param_spec_string ("memo", NULL, NULL, "", flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, flags);
  properties[PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, NULL, flags);
  properties[PROP_ORPHANED] = g_param_spec_boolean ("orphaned", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_highlight_init (DossierHighlight *self)
{
  self->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

DossierHighlight *
dossier_highlight_new (const DossierHighlightData *data)
{
  DossierHighlight *self;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_HIGHLIGHT, NULL);
  self->id = data->id;
  self->uuid = g_strdup (data->uuid);
  self->document_id = data->document_id;
  self->start = data->start;
  self->end = data->end;
  self->quote = g_strdup (data->quote != NULL ? data->quote : "");
  self->prefix = g_strdup (data->prefix != NULL ? data->prefix : "");
  self->suffix = g_strdup (data->suffix != NULL ? data->suffix : "");
  self->memo = g_strdup (data->memo != NULL ? data->memo : "");
  self->author = g_strdup (data->author != NULL ? data->author : "");
  self->created = g_strdup (data->created);
  self->modified = g_strdup (data->modified);
  self->orphaned = data->orphaned;

  return self;
}

void
dossier_highlight_add_tag_id (DossierHighlight *self,
                              gint64            tag_id)
{
  g_return_if_fail (DOSSIER_IS_HIGHLIGHT (self));

  g_array_append_val (self->tag_ids, tag_id);
}

gint64
dossier_highlight_get_id (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), 0);
  return self->id;
}

const char *
dossier_highlight_get_uuid (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->uuid;
}

gint64
dossier_highlight_get_document_id (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), 0);
  return self->document_id;
}

gint64
dossier_highlight_get_start (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), 0);
  return self->start;
}

gint64
dossier_highlight_get_end (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), 0);
  return self->end;
}

const char *
dossier_highlight_get_quote (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->quote;
}

const char *
dossier_highlight_get_prefix (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->prefix;
}

const char *
dossier_highlight_get_suffix (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->suffix;
}

const char *
dossier_highlight_get_memo (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->memo;
}

const char *
dossier_highlight_get_author (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->author;
}

const char *
dossier_highlight_get_created (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->created;
}

const char *
dossier_highlight_get_modified (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->modified;
}

gboolean
dossier_highlight_get_orphaned (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), FALSE);
  return self->orphaned;
}

const gint64 *
dossier_highlight_get_tag_ids (DossierHighlight *self,
                               guint            *n_tags)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);

  if (n_tags != NULL)
    *n_tags = self->tag_ids->len;

  return (const gint64 *) (gpointer) self->tag_ids->data;
}

gboolean
dossier_highlight_has_tag (DossierHighlight *self,
                           gint64            tag_id)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), FALSE);

  for (guint i = 0; i < self->tag_ids->len; i++)
    if (g_array_index (self->tag_ids, gint64, i) == tag_id)
      return TRUE;

  return FALSE;
}
