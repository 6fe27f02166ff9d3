/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-highlight.c — a snapshot of a tagged passage.
 *
 * Highlights are immutable values handed out by the project when they are
 * listed (there can be 100,000 of them: no per-object bookkeeping); the
 * project's "highlights-changed" signal says when to list them again.
 */

#include "config.h"

#include "dossier-highlight-private.h"
#include "dossier-notify-private.h"
#include "dossier-text-private.h"

#include <string.h>

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

  g_free (self->strings);
  if (self->tag_ids != self->inline_tags)
    g_free (self->tag_ids);

  G_OBJECT_CLASS (dossier_highlight_parent_class)->finalize (object);
}

#define FIELD(member) G_STRUCT_OFFSET (DossierHighlight, member)

static void
dossier_highlight_class_init (DossierHighlightClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  properties[PROP_ID] = dossier_notify_prop_int64 ("id", FIELD (data.id));
  properties[PROP_UUID] = dossier_notify_prop_string ("uuid", FIELD (data.uuid), NULL);
  properties[PROP_DOCUMENT_ID] = dossier_notify_prop_int64 ("document-id",
                                                            FIELD (data.document_id));
  properties[PROP_START] = dossier_notify_prop_int64 ("start", FIELD (data.start));
  properties[PROP_END] = dossier_notify_prop_int64 ("end", FIELD (data.end));
  properties[PROP_QUOTE] = dossier_notify_prop_string ("quote", FIELD (data.quote), NULL);
  properties[PROP_PREFIX] = dossier_notify_prop_string ("prefix", FIELD (data.prefix), NULL);
  properties[PROP_SUFFIX] = dossier_notify_prop_string ("suffix", FIELD (data.suffix), NULL);
  properties[PROP_MEMO] = dossier_notify_prop_string ("memo", FIELD (data.memo), "");
  properties[PROP_AUTHOR] = dossier_notify_prop_string ("author", FIELD (data.author), NULL);
  properties[PROP_CREATED] = dossier_notify_prop_string ("created", FIELD (data.created), NULL);
  properties[PROP_MODIFIED] = dossier_notify_prop_string ("modified", FIELD (data.modified), NULL);
  properties[PROP_ORPHANED] = dossier_notify_prop_boolean ("orphaned", FIELD (data.orphaned));

  dossier_notify_install_properties (object_class, properties, N_PROPS);
  /* Its strings are one block, freed whole. */
  object_class->finalize = dossier_highlight_finalize;
}

static void
dossier_highlight_init (DossierHighlight *self)
{
  self->tag_ids = self->inline_tags;
}

/* Copies the strings of @data into one block; NULL stays NULL where the
 * getters allow it (uuid, created, modified), else becomes "". */
DossierHighlight *
dossier_highlight_new (const DossierHighlightData *data)
{
  DossierHighlight *self;
  const char *in[] = {
    data->uuid, data->quote, data->prefix, data->suffix,
    data->memo, data->author, data->created, data->modified,
  };
  const char **out[G_N_ELEMENTS (in)];
  char *repaired[G_N_ELEMENTS (in)] = { NULL, };
  gsize lengths[G_N_ELEMENTS (in)];
  gsize total = 0;
  char *p;

  g_return_val_if_fail (data != NULL, NULL);

  /* Properties are read-only and nothing is set at construction: the
   * fields are filled here, after g_object_new(), directly. */
  self = g_object_new (DOSSIER_TYPE_HIGHLIGHT, NULL);
  self->data = *data;   /* its strings pointed into the block below */

  out[0] = &self->data.uuid;
  out[1] = &self->data.quote;
  out[2] = &self->data.prefix;
  out[3] = &self->data.suffix;
  out[4] = &self->data.memo;
  out[5] = &self->data.author;
  out[6] = &self->data.created;
  out[7] = &self->data.modified;

  for (guint i = 0; i < G_N_ELEMENTS (in); i++)
    {
      lengths[i] = in[i] != NULL ? strlen (in[i]) : 0;
      /* Read from a file that anyone may have written: valid UTF-8 from
       * here on. */
      if (in[i] != NULL && !dossier_text_validate_stored (in[i], lengths[i], NULL))
        {
          in[i] = repaired[i] = dossier_text_dup_valid (in[i], lengths[i]);
          lengths[i] = strlen (in[i]);
        }
      total += lengths[i] + 1;
    }

  p = self->strings = g_malloc (total);
  for (guint i = 0; i < G_N_ELEMENTS (in); i++)
    {
      gboolean nullable = i == 0 || i >= 6;

      if (in[i] == NULL && nullable)
        {
          *out[i] = NULL;
          continue;
        }
      memcpy (p, in[i] != NULL ? in[i] : "", lengths[i]);
      p[lengths[i]] = '\0';
      *out[i] = p;
      p += lengths[i] + 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (in); i++)
    g_free (repaired[i]);

  return self;
}

void
dossier_highlight_set_tag_ids (DossierHighlight *self,
                               const gint64     *tag_ids,
                               guint             n_tags)
{
  g_return_if_fail (DOSSIER_IS_HIGHLIGHT (self));
  g_return_if_fail (tag_ids != NULL || n_tags == 0);

  if (self->tag_ids != self->inline_tags)
    g_free (self->tag_ids);
  self->tag_ids = n_tags <= DOSSIER_HIGHLIGHT_INLINE_TAGS ? self->inline_tags : g_new (gint64, n_tags);
  if (n_tags > 0)
    memcpy (self->tag_ids, tag_ids, n_tags * sizeof (gint64));
  self->n_tags = n_tags;
}

gboolean
dossier_highlight_equal (DossierHighlight *a,
                         DossierHighlight *b)
{
  if (a == b)
    return TRUE;

  return a->data.id == b->data.id && a->data.document_id == b->data.document_id &&
         a->data.start == b->data.start && a->data.end == b->data.end &&
         a->data.orphaned == b->data.orphaned && a->n_tags == b->n_tags &&
         (a->n_tags == 0 || memcmp (a->tag_ids, b->tag_ids, a->n_tags * sizeof (gint64)) == 0) &&
         g_strcmp0 (a->data.uuid, b->data.uuid) == 0 &&
         g_strcmp0 (a->data.quote, b->data.quote) == 0 &&
         g_strcmp0 (a->data.prefix, b->data.prefix) == 0 &&
         g_strcmp0 (a->data.suffix, b->data.suffix) == 0 &&
         g_strcmp0 (a->data.memo, b->data.memo) == 0 &&
         g_strcmp0 (a->data.author, b->data.author) == 0 &&
         g_strcmp0 (a->data.created, b->data.created) == 0 &&
         g_strcmp0 (a->data.modified, b->data.modified) == 0;
}

gint64
dossier_highlight_get_id (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), 0);
  return self->data.id;
}

const char *
dossier_highlight_get_uuid (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->data.uuid;
}

gint64
dossier_highlight_get_document_id (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), 0);
  return self->data.document_id;
}

gint64
dossier_highlight_get_start (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), 0);
  return self->data.start;
}

gint64
dossier_highlight_get_end (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), 0);
  return self->data.end;
}

const char *
dossier_highlight_get_quote (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->data.quote;
}

const char *
dossier_highlight_get_prefix (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->data.prefix;
}

const char *
dossier_highlight_get_suffix (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->data.suffix;
}

const char *
dossier_highlight_get_memo (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->data.memo;
}

const char *
dossier_highlight_get_author (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->data.author;
}

const char *
dossier_highlight_get_created (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->data.created;
}

const char *
dossier_highlight_get_modified (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);
  return self->data.modified;
}

gboolean
dossier_highlight_get_orphaned (DossierHighlight *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), FALSE);
  return self->data.orphaned;
}

const gint64 *
dossier_highlight_get_tag_ids (DossierHighlight *self,
                               guint            *n_tags)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), NULL);

  if (n_tags != NULL)
    *n_tags = self->n_tags;

  return self->tag_ids;
}

gboolean
dossier_highlight_has_tag (DossierHighlight *self,
                           gint64            tag_id)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT (self), FALSE);

  for (guint i = 0; i < self->n_tags; i++)
    if (self->tag_ids[i] == tag_id)
      return TRUE;

  return FALSE;
}
