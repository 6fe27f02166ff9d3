/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-document.c — one imported article's metadata.
 *
 * The project owns one DossierDocument per document id and updates it in
 * place, so list rows bound to it stay right without being rebuilt.
 */

#include "config.h"

#include "dossier-document-private.h"
#include "dossier-notify-private.h"

struct _DossierDocument
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *title;
  char    *author;
  char    *outlet;
  char    *source;
  char    *published;
  char    *imported;
  char    *format;
  gint64   length;
  guint    n_highlights;
};

G_DEFINE_FINAL_TYPE (DossierDocument, dossier_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_OUTLET,
  PROP_SOURCE,
  PROP_PUBLISHED,
  PROP_IMPORTED,
  PROP_FORMAT,
  PROP_LENGTH,
  PROP_N_HIGHLIGHTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(member) G_STRUCT_OFFSET (DossierDocument, member)

static void
dossier_document_class_init (DossierDocumentClass *klass)
{
  properties[PROP_ID] = dossier_notify_prop_int64 ("id", FIELD (id));
  properties[PROP_UUID] = dossier_notify_prop_string ("uuid", FIELD (uuid), NULL);
  properties[PROP_TITLE] = dossier_notify_prop_string ("title", FIELD (title), NULL);
  properties[PROP_AUTHOR] = dossier_notify_prop_string ("author", FIELD (author), NULL);
  properties[PROP_OUTLET] = dossier_notify_prop_string ("outlet", FIELD (outlet), NULL);
  properties[PROP_SOURCE] = dossier_notify_prop_string ("source", FIELD (source), NULL);
  properties[PROP_PUBLISHED] = dossier_notify_prop_string ("published", FIELD (published), NULL);
  properties[PROP_IMPORTED] = dossier_notify_prop_string ("imported", FIELD (imported), NULL);
  properties[PROP_FORMAT] = dossier_notify_prop_string ("format", FIELD (format), NULL);
  properties[PROP_LENGTH] = dossier_notify_prop_int64 ("length", FIELD (length));
  properties[PROP_N_HIGHLIGHTS] = dossier_notify_prop_uint ("n-highlights", FIELD (n_highlights));

  dossier_notify_install_properties (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
dossier_document_init (DossierDocument *self)
{
}

/* Optional fields are NULL when unknown; the table may hold "" after a
 * user cleared one, which means the same. */
static const char *
nonempty (const char *str)
{
  return str != NULL && str[0] != '\0' ? str : NULL;
}

DossierDocument *
dossier_document_new (gint64                     id,
                      const DossierDocumentData *data)
{
  DossierDocument *self = g_object_new (DOSSIER_TYPE_DOCUMENT, NULL);

  self->id = id;
  dossier_document_update (self, data);

  return self;
}

void
dossier_document_update (DossierDocument           *self,
                         const DossierDocumentData *data)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));
  g_return_if_fail (data != NULL);

  g_object_freeze_notify (object);

  dossier_notify_nullable_string (object, &self->uuid, data->uuid, properties[PROP_UUID]);
  dossier_notify_string (object, &self->title, data->title, properties[PROP_TITLE]);
  dossier_notify_nullable_string (object, &self->author, nonempty (data->author),
                                  properties[PROP_AUTHOR]);
  dossier_notify_nullable_string (object, &self->outlet, nonempty (data->outlet),
                                  properties[PROP_OUTLET]);
  dossier_notify_nullable_string (object, &self->source, nonempty (data->source),
                                  properties[PROP_SOURCE]);
  dossier_notify_nullable_string (object, &self->published, nonempty (data->published),
                                  properties[PROP_PUBLISHED]);
  dossier_notify_nullable_string (object, &self->imported, data->imported,
                                  properties[PROP_IMPORTED]);
  dossier_notify_nullable_string (object, &self->format, data->format, properties[PROP_FORMAT]);
  dossier_notify_int64 (object, &self->length, data->length, properties[PROP_LENGTH]);
  dossier_document_set_n_highlights (self, data->n_highlights);

  g_object_thaw_notify (object);
}

void
dossier_document_set_n_highlights (DossierDocument *self,
                                   guint            n_highlights)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));

  dossier_notify_uint (G_OBJECT (self), &self->n_highlights, n_highlights,
                       properties[PROP_N_HIGHLIGHTS]);
}

gint64
dossier_document_get_id (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), 0);
  return self->id;
}

const char *
dossier_document_get_uuid (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return self->uuid;
}

const char *
dossier_document_get_title (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
dossier_document_get_author (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return self->author;
}

const char *
dossier_document_get_outlet (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return self->outlet;
}

const char *
dossier_document_get_source (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return self->source;
}

const char *
dossier_document_get_published (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return self->published;
}

const char *
dossier_document_get_imported (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return self->imported;
}

const char *
dossier_document_get_format (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), NULL);
  return self->format;
}

gint64
dossier_document_get_length (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), 0);
  return self->length;
}

guint
dossier_document_get_n_highlights (DossierDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT (self), 0);
  return self->n_highlights;
}
