/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-search-hit-item.c — one hit of a project search as a list item. */

#include "config.h"

#include <string.h>

#include "dossier-search-hit-item.h"

struct _DossierSearchHitItem
{
  GObject           parent_instance;

  DossierDocument  *document;
  DossierSearchHit *hit;
  char             *markup;
  guint             index;      /* 1-based, among its document's hits */
  guint             n_in_document;
};

G_DEFINE_FINAL_TYPE (DossierSearchHitItem, dossier_search_hit_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
dossier_search_snippet_to_markup (const char *snippet)
{
  GString *markup;
  const char *p, *run;
  gboolean bold = FALSE;

  g_return_val_if_fail (snippet != NULL, NULL);

  markup = g_string_sized_new (strlen (snippet) + 16);
  run = snippet;

  /* A « opens a match only outside one and a » closes it only inside,
   * so guillemets in the text itself come through as text. */
  for (p = snippet; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *tag = NULL;

      if (c == 0x00AB && !bold)
        tag = "<b>";
      else if (c == 0x00BB && bold)
        tag = "</b>";
      else if (c == '\n' || c == '\t' || c == '\r')
        tag = " ";

      if (tag != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (run, p - run);

          g_string_append (markup, escaped);
          g_string_append (markup, tag);
          if (c == 0x00AB || c == 0x00BB)
            bold = !bold;
          run = g_utf8_next_char (p);
        }
    }

  if (p > run)
    {
      g_autofree char *escaped = g_markup_escape_text (run, p - run);

      g_string_append (markup, escaped);
    }
  if (bold)
    g_string_append (markup, "</b>");

  return g_string_free (markup, FALSE);
}

DossierSearchHitItem *
dossier_search_hit_item_new (const DossierSearchHit *hit,
                             DossierDocument        *document)
{
  DossierSearchHitItem *self;

  g_return_val_if_fail (hit != NULL, NULL);
  g_return_val_if_fail (document == NULL || DOSSIER_IS_DOCUMENT (document), NULL);

  self = g_object_new (DOSSIER_TYPE_SEARCH_HIT_ITEM, NULL);
  g_set_object (&self->document, document);
  self->hit = g_memdup2 (hit, sizeof *hit);
  self->hit->snippet = g_strdup (hit->snippet);
  self->markup = dossier_search_snippet_to_markup (hit->snippet ? hit->snippet : "");
  self->index = 1;
  self->n_in_document = 1;

  return self;
}

DossierDocument *
dossier_search_hit_item_get_document (DossierSearchHitItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_HIT_ITEM (self), NULL);

  return self->document;
}

const DossierSearchHit *
dossier_search_hit_item_get_hit (DossierSearchHitItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_HIT_ITEM (self), NULL);

  return self->hit;
}

void
dossier_search_hit_item_set_place (DossierSearchHitItem *self,
                                   guint                 index,
                                   guint                 n_in_document)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_HIT_ITEM (self));
  g_return_if_fail (index >= 1 && index <= n_in_document);

  self->index = index;
  self->n_in_document = n_in_document;
}

guint
dossier_search_hit_item_get_index (DossierSearchHitItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_HIT_ITEM (self), 0);

  return self->index;
}

guint
dossier_search_hit_item_get_n_in_document (DossierSearchHitItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_HIT_ITEM (self), 0);

  return self->n_in_document;
}

const char *
dossier_search_hit_item_get_markup (DossierSearchHitItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_HIT_ITEM (self), NULL);

  return self->markup;
}

static void
dossier_search_hit_item_finalize (GObject *object)
{
  DossierSearchHitItem *self = DOSSIER_SEARCH_HIT_ITEM (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->hit, dossier_search_hit_free);
  g_free (self->markup);

  G_OBJECT_CLASS (dossier_search_hit_item_parent_class)->finalize (object);
}

static void
dossier_search_hit_item_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, DOSSIER_SEARCH_HIT_ITEM (object)->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_search_hit_item_class_init (DossierSearchHitItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_search_hit_item_finalize;
  object_class->get_property = dossier_search_hit_item_get_property;

  /* For the rows to bind the document's title. */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, DOSSIER_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_search_hit_item_init (DossierSearchHitItem *self)
{
}
