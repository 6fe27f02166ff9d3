/* dossier-search-hit-item.c — one hit of a project search as a list item. */

#include "config.h"

#include <string.h>

#include "dossier-search-hit-item.h"

struct _DossierSearchHitItem
{
  GObject          parent_instance;

  DossierDocument *document;
  gint64           document_id;
  gint64           highlight_id;
  gint64           start;
  gint64           end;
  char            *markup;
};

G_DEFINE_FINAL_TYPE (DossierSearchHitItem, dossier_search_hit_item, G_TYPE_OBJECT)

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
  self->document_id = hit->document_id;
  self->highlight_id = hit->highlight_id;
  self->start = hit->start;
  self->end = hit->end;
  self->markup = dossier_search_snippet_to_markup (hit->snippet ? hit->snippet : "");

  return self;
}

DossierDocument *
dossier_search_hit_item_get_document (DossierSearchHitItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_HIT_ITEM (self), NULL);

  return self->document;
}

gint64
dossier_search_hit_item_get_document_id (DossierSearchHitItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_HIT_ITEM (self), 0);

  return self->document_id;
}

gint64
dossier_search_hit_item_get_highlight_id (DossierSearchHitItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_HIT_ITEM (self), 0);

  return self->highlight_id;
}

gint64
dossier_search_hit_item_get_start (DossierSearchHitItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_HIT_ITEM (self), 0);

  return self->start;
}

gint64
dossier_search_hit_item_get_end (DossierSearchHitItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_HIT_ITEM (self), 0);

  return self->end;
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
  g_free (self->markup);

  G_OBJECT_CLASS (dossier_search_hit_item_parent_class)->finalize (object);
}

static void
dossier_search_hit_item_class_init (DossierSearchHitItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_search_hit_item_finalize;
}

static void
dossier_search_hit_item_init (DossierSearchHitItem *self)
{
}
