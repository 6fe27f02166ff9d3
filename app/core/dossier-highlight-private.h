/* dossier-highlight-private.h — how the project makes highlight snapshots.
 * Not for the UI. */
#pragma once

#include <dossier/dossier-highlight.h>

G_BEGIN_DECLS

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

DossierHighlight *dossier_highlight_new         (const DossierHighlightData *data);
/* Appends a tag id (in the order the tags were applied). */
void              dossier_highlight_add_tag_id  (DossierHighlight           *self,
                                                 gint64                      tag_id);

G_END_DECLS
