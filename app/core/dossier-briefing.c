/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-briefing.c — a briefing note's title, body and documents, and
 * the sections of a body with the citations each holds (the evidence
 * meter).
 *
 * The project owns one DossierBriefing per briefing and updates it in
 * place, so an editor bound to it hears an undo change the body.
 */

#include "config.h"

#include "dossier-briefing-private.h"
#include <dossier/dossier-citation.h>
#include "dossier-notify-private.h"

#include <string.h>

struct _DossierBriefing
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *title;
  char    *body;
  char    *created;
  char    *modified;
  GArray  *document_ids;   /* gint64 */
};

G_DEFINE_FINAL_TYPE (DossierBriefing, dossier_briefing, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_TITLE,
  PROP_BODY,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_DOCUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_briefing_finalize (GObject *object)
{
  DossierBriefing *self = DOSSIER_BRIEFING (object);

  g_array_unref (self->document_ids);

  dossier_notify_finalize (object);
}

static void
dossier_briefing_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierBriefing *self = DOSSIER_BRIEFING (object);

  /* The one property that is not a field of its own. */
  if (prop_id == PROP_DOCUMENTS)
    g_value_set_uint (value, self->document_ids->len);
  else
    dossier_notify_get_property (object, prop_id, value, pspec);
}

#define FIELD(member) G_STRUCT_OFFSET (DossierBriefing, member)

static void
dossier_briefing_class_init (DossierBriefingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  properties[PROP_ID] = dossier_notify_prop_int64 ("id", FIELD (id));
  properties[PROP_UUID] = dossier_notify_prop_string ("uuid", FIELD (uuid), NULL);
  properties[PROP_TITLE] = dossier_notify_prop_string ("title", FIELD (title), NULL);
  properties[PROP_BODY] = dossier_notify_prop_string ("body", FIELD (body), NULL);
  properties[PROP_CREATED] = dossier_notify_prop_string ("created", FIELD (created), NULL);
  properties[PROP_MODIFIED] = dossier_notify_prop_string ("modified", FIELD (modified), NULL);
  /* The number of documents; read them with dossier_briefing_get_document_ids (). */
  properties[PROP_DOCUMENTS] = g_param_spec_uint ("documents", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);

  dossier_notify_install_properties (object_class, properties, N_PROPS);
  object_class->finalize = dossier_briefing_finalize;
  object_class->get_property = dossier_briefing_get_property;
}

static void
dossier_briefing_init (DossierBriefing *self)
{
  self->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

DossierBriefing *
dossier_briefing_new (gint64                     id,
                      const DossierBriefingData *data)
{
  DossierBriefing *self = g_object_new (DOSSIER_TYPE_BRIEFING, NULL);

  self->id = id;
  dossier_briefing_update (self, data);
  return self;
}

void
dossier_briefing_update (DossierBriefing           *self,
                         const DossierBriefingData *data)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);

  dossier_notify_string (object, &self->uuid, data->uuid, properties[PROP_UUID]);
  dossier_notify_string (object, &self->title, data->title, properties[PROP_TITLE]);
  dossier_notify_string (object, &self->body, data->body, properties[PROP_BODY]);
  dossier_notify_string (object, &self->created, data->created, properties[PROP_CREATED]);
  dossier_notify_string (object, &self->modified, data->modified, properties[PROP_MODIFIED]);

  if (self->document_ids->len != data->n_documents ||
      (data->n_documents > 0 &&
       memcmp (self->document_ids->data, data->document_ids,
               data->n_documents * sizeof (gint64)) != 0))
    {
      g_array_set_size (self->document_ids, 0);
      g_array_append_vals (self->document_ids, data->document_ids, data->n_documents);
      g_object_notify_by_pspec (object, properties[PROP_DOCUMENTS]);
    }

  g_object_thaw_notify (object);
}

gint64
dossier_briefing_get_id (DossierBriefing *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFING (self), 0);
  return self->id;
}

const char *
dossier_briefing_get_uuid (DossierBriefing *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFING (self), NULL);
  return self->uuid;
}

const char *
dossier_briefing_get_title (DossierBriefing *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFING (self), NULL);
  return self->title;
}

const char *
dossier_briefing_get_body (DossierBriefing *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFING (self), NULL);
  return self->body;
}

const char *
dossier_briefing_get_created (DossierBriefing *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFING (self), NULL);
  return self->created;
}

const char *
dossier_briefing_get_modified (DossierBriefing *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFING (self), NULL);
  return self->modified;
}

const gint64 *
dossier_briefing_get_document_ids (DossierBriefing *self,
                                   guint           *n_documents)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFING (self), NULL);

  if (n_documents != NULL)
    *n_documents = self->document_ids->len;
  return (const gint64 *) self->document_ids->data;
}

/* ---- Sections ------------------------------------------------------------- */

void
dossier_briefing_section_free (DossierBriefingSection *section)
{
  if (section == NULL)
    return;
  g_free (section->heading);
  g_free (section);
}

/* The citations under @node that verify, and in *@n_unverified those that
 * do not (with @citations; without, every citation verifies). */
static guint
count_citations (DossierMarkdownNode *node,
                 GPtrArray           *citations,
                 guint               *n_unverified)
{
  guint n = 0;

  if (node->kind == DOSSIER_MARKDOWN_CITATION)
    {
      DossierCitation *citation = citations != NULL ? dossier_citations_lookup_node (citations, node) : NULL;

      if (citations == NULL || (citation != NULL && citation->status == DOSSIER_CITATION_OK))
        n++;
      else
        (*n_unverified)++;
    }
  if (node->children != NULL)
    for (guint i = 0; i < node->children->len; i++)
      n += count_citations (g_ptr_array_index (node->children, i), citations, n_unverified);
  return n;
}

GPtrArray *
dossier_briefing_get_sections (DossierMarkdownNode *root)
{
  return dossier_briefing_get_sections_verified (root, NULL);
}

GPtrArray *
dossier_briefing_get_sections_verified (DossierMarkdownNode *root,
                                        GPtrArray           *citations)
{
  GPtrArray *sections = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_briefing_section_free);
  /* The sections still open, outermost first: each block counts for all. */
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  DossierBriefingSection *preamble = NULL;

  g_return_val_if_fail (root != NULL, sections);

  for (guint i = 0; root->children != NULL && i < root->children->len; i++)
    {
      DossierMarkdownNode *block = g_ptr_array_index (root->children, i);
      guint unverified = 0;
      guint n = count_citations (block, citations, &unverified);

      if (block->kind == DOSSIER_MARKDOWN_HEADING)
        {
          DossierBriefingSection *section = g_new0 (DossierBriefingSection, 1);

          /* A heading closes the sections at its level and below. */
          while (open->len > 0 &&
                 ((DossierBriefingSection *) g_ptr_array_index (open, open->len - 1))->level >= block->level)
            {
              DossierBriefingSection *closed = g_ptr_array_index (open, open->len - 1);

              closed->end = block->start;
              g_ptr_array_set_size (open, open->len - 1);
            }
          if (preamble != NULL)
            {
              preamble->end = block->start;
              preamble = NULL;
            }

          section->heading = dossier_markdown_node_get_text (block);
          section->level = block->level;
          section->start = block->start;
          section->end = root->end;
          /* Its subsections' headings count for it too, but its own
           * heading's citations are its own. */
          section->n_citations = n;
          section->n_own = n;
          section->n_unverified = unverified;
          for (guint k = 0; k < open->len; k++)
            {
              DossierBriefingSection *outer = g_ptr_array_index (open, k);

              outer->n_citations += n;
              outer->n_unverified += unverified;
            }
          g_ptr_array_add (sections, section);
          g_ptr_array_add (open, section);
          continue;
        }

      /* Text before the first heading is a section of its own. */
      if (open->len == 0)
        {
          if (preamble == NULL)
            {
              preamble = g_new0 (DossierBriefingSection, 1);
              preamble->start = block->start;
              preamble->end = root->end;
              g_ptr_array_add (sections, preamble);
            }
          preamble->n_citations += n;
          preamble->n_own += n;
          preamble->n_unverified += unverified;
          preamble->has_text = TRUE;
          continue;
        }

      for (guint k = 0; k < open->len; k++)
        {
          DossierBriefingSection *outer = g_ptr_array_index (open, k);

          outer->n_citations += n;
          outer->n_unverified += unverified;
          outer->has_text = TRUE;
        }
      ((DossierBriefingSection *) g_ptr_array_index (open, open->len - 1))->n_own += n;
    }

  return sections;
}
