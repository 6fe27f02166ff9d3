/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-source-item.c — one source a briefing note cites, as a row of
 * the Brief page's Sources shows it. */

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-source-item.h"

/* The most of a passage a row keeps: its first words, over two lines of
 * the row at most (a passage may be pages long). */
#define PASSAGE_MAX 160

struct _DossierSourceItem
{
  GObject  parent_instance;

  guint    number;
  gint64   highlight_id;
  gint64   document_id;
  char    *title;
  char    *passage;
  char    *details;
  char    *problem;
};

G_DEFINE_FINAL_TYPE (DossierSourceItem, dossier_source_item, G_TYPE_OBJECT)

static void
dossier_source_item_finalize (GObject *object)
{
  DossierSourceItem *self = DOSSIER_SOURCE_ITEM (object);

  g_free (self->title);
  g_free (self->passage);
  g_free (self->details);
  g_free (self->problem);

  G_OBJECT_CLASS (dossier_source_item_parent_class)->finalize (object);
}

static void
dossier_source_item_class_init (DossierSourceItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_source_item_finalize;
}

static void
dossier_source_item_init (DossierSourceItem *self)
{
}

/* A deleted highlight has no document or passage left to name it: where
 * the note cites it does, as the exports' refusal names it. */
static char *
where_cited (const DossierCitation *c)
{
  gboolean has_context = c->note_context != NULL && c->note_context[0] != '\0';

  if (has_context && c->note_section != NULL)
    /* TRANSLATORS: a source whose highlight was deleted, in the Brief
     * page's Sources: the note's words just before its citation, the
     * heading of the note's section it is in */
    return g_strdup_printf (_("Cited after “%s” in “%s”"), c->note_context, c->note_section);
  if (has_context)
    return g_strdup_printf (_("Cited after “%s”"), c->note_context);
  if (c->note_section != NULL)
    return g_strdup_printf (_("Cited in “%s”"), c->note_section);
  return g_strdup (_("Cited at the start of the note"));
}

DossierSourceItem *
dossier_source_item_new (const DossierCitation *citation)
{
  DossierSourceItem *self;

  g_return_val_if_fail (citation != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_SOURCE_ITEM, NULL);
  self->number = citation->number;
  self->highlight_id = citation->highlight_id;
  self->document_id = citation->document_id;
  self->problem = dossier_citation_describe_problem (citation);
  if (citation->quote != NULL)
    {
      g_autofree char *line = dossier_text_join_lines (citation->quote);
      g_autofree char *words = dossier_text_shorten (line, PASSAGE_MAX);
      const char *open, *close;

      /* A passage that is a quotation already keeps its own marks (as
       * the exports print it: its end decides too). */
      dossier_text_quote_marks (line, &open, &close);
      self->passage = g_strconcat (open, words, close, NULL);
      self->title = g_strdup (citation->document_title != NULL ? citation->document_title : "");
      self->details = dossier_citation_format_source (citation, FALSE);
    }
  else
    {
      self->passage = g_strdup ("");
      self->title = where_cited (citation);
      self->details = g_strdup ("");
    }
  return self;
}

guint
dossier_source_item_get_number (DossierSourceItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE_ITEM (self), 0);

  return self->number;
}

gint64
dossier_source_item_get_highlight_id (DossierSourceItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE_ITEM (self), 0);

  return self->highlight_id;
}

gint64
dossier_source_item_get_document_id (DossierSourceItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE_ITEM (self), 0);

  return self->document_id;
}

const char *
dossier_source_item_get_title (DossierSourceItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE_ITEM (self), NULL);

  return self->title;
}

const char *
dossier_source_item_get_passage (DossierSourceItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE_ITEM (self), NULL);

  return self->passage;
}

const char *
dossier_source_item_get_details (DossierSourceItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE_ITEM (self), NULL);

  return self->details;
}

const char *
dossier_source_item_get_problem (DossierSourceItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE_ITEM (self), NULL);

  return self->problem;
}

gboolean
dossier_source_item_equal (DossierSourceItem *a,
                           DossierSourceItem *b)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE_ITEM (a), FALSE);
  g_return_val_if_fail (DOSSIER_IS_SOURCE_ITEM (b), FALSE);

  return a->number == b->number &&
         a->highlight_id == b->highlight_id &&
         a->document_id == b->document_id &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->passage, b->passage) == 0 &&
         g_strcmp0 (a->details, b->details) == 0 &&
         g_strcmp0 (a->problem, b->problem) == 0;
}
