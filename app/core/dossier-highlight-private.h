/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-highlight-private.h — how the project makes highlight snapshots.
 * Not for the UI. */
#pragma once

#include <dossier/dossier-highlight.h>

G_BEGIN_DECLS

/* The struct is here so that the project can sort and merge listings
 * without a checked getter call per field. Listing a document can make
 * thousands of these at a time (and the window drops as many after
 * repainting): each is three allocations at most — the instance, one
 * block holding all its strings, and its tag ids beyond the first two. */
#define DOSSIER_HIGHLIGHT_INLINE_TAGS 2

/* What a highlight says, as listed (the strings someone else's) or as a
 * snapshot holds it (its strings in the snapshot's own block). */
typedef struct
{
  gint64      id;
  const char *uuid;
  gint64      document_id;
  gint64      start;
  gint64      end;
  const char *quote;
  const char *prefix;
  const char *suffix;
  const char *memo;
  const char *author;
  const char *created;
  const char *modified;
  gboolean    orphaned;
} DossierHighlightData;

struct _DossierHighlight
{
  GObject               parent_instance;

  DossierHighlightData  data;         /* its strings point into @strings */
  guint                 n_tags;
  gint64               *tag_ids;      /* inline_tags, or allocated */
  gint64                inline_tags[DOSSIER_HIGHLIGHT_INLINE_TAGS];
  char                 *strings;      /* one block for all of data's strings */
};

/* The order of a listing: by document, start, end, then id. Inline: a
 * listing of thousands is sorted and merged by it. */
static inline int
dossier_highlight_compare (const DossierHighlight *x,
                           const DossierHighlight *y)
{
  if (x->data.document_id != y->data.document_id)
    return x->data.document_id < y->data.document_id ? -1 : 1;
  if (x->data.start != y->data.start)
    return x->data.start < y->data.start ? -1 : 1;
  if (x->data.end != y->data.end)
    return x->data.end < y->data.end ? -1 : 1;
  return x->data.id < y->data.id ? -1 : x->data.id > y->data.id;
}

DossierHighlight *dossier_highlight_new          (const DossierHighlightData *data);
/* Its tag ids, in the order the tags were applied; once, before the
 * snapshot is handed out (snapshots never change after). */
void              dossier_highlight_set_tag_ids  (DossierHighlight           *self,
                                                  const gint64               *tag_ids,
                                                  guint                       n_tags);

/* Whether two snapshots say the same of the same highlight. */
gboolean          dossier_highlight_equal        (DossierHighlight           *a,
                                                  DossierHighlight           *b);

G_END_DECLS
