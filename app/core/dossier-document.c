/* dossier-document.c — one imported article's metadata.
 *
 * The project owns one DossierDocument per document id and updates it in
 * place, so list rows bound to it stay right without being rebuilt.
 */

#include "config.h"

#include "dossier-document-private.h"
#include "dossier-text-private.h"

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

static void
dossier_document_finalize (GObject *object)
{
  DossierDocument *self = DOSSIER_DOCUMENT (object);

  g_free (self->uuid);
  g_free (self->title);
  g_free (self->author);
  g_free (self->outlet);
  g_free (self->source);
  g_free (self->published);
  g_free (self->imported);
  g_free (self->format);

  G_OBJECT_CLASS (dossier_document_parent_class)->finalize (object);
}

static void
dossier_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierDocument *self = DOSSIER_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;
    case PROP_IMPORTED:
      g_value_set_string (value, self->imported);
      break;
    case PROP_FORMAT:
      g_value_set_string (value, self->format);
      break;
    case PROP_LENGTH:
      g_value_set_int64 (value, self->length);
      break;
    case PROP_N_HIGHLIGHTS:
      g_value_set_uint (value, self->n_highlights);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_document_class_init (DossierDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_document_finalize;
  object_class->get_property = dossier_document_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_OUTLET] = g_param_spec_string ("outlet", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHED] = g_param_spec_string ("published", NULL, NULL, NULL, flags);
  properties[PROP_IMPORTED] = g_param_spec_string ("imported", NULL, NULL, NULL, flags);
  properties[PROP_FORMAT] = g_param_spec_string ("format", NULL, NULL, NULL, flags);
  properties[PROP_LENGTH] = g_param_spec_int64 ("length", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_N_HIGHLIGHTS] = g_param_spec_uint ("n-highlights", NULL, NULL,
                                                     0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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

static void
update_string (DossierDocument *self,
               char           **field,
               const char      *value,
               guint            prop)
{
  /* Read from a file that anyone may have written: valid UTF-8 from
   * here on. */
  g_autofree char *valid = dossier_text_dup_valid (value, -1);

  if (g_strcmp0 (*field, valid) == 0)
    return;

  g_free (*field);
  *field = g_steal_pointer (&valid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
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

  update_string (self, &self->uuid, data->uuid, PROP_UUID);
  update_string (self, &self->title, data->title != NULL ? data->title : "", PROP_TITLE);
  update_string (self, &self->author, nonempty (data->author), PROP_AUTHOR);
  update_string (self, &self->outlet, nonempty (data->outlet), PROP_OUTLET);
  update_string (self, &self->source, nonempty (data->source), PROP_SOURCE);
  update_string (self, &self->published, nonempty (data->published), PROP_PUBLISHED);
  update_string (self, &self->imported, data->imported, PROP_IMPORTED);
  update_string (self, &self->format, data->format, PROP_FORMAT);

  if (self->length != data->length)
    {
      self->length = data->length;
      g_object_notify_by_pspec (object, properties[PROP_LENGTH]);
    }

  dossier_document_set_n_highlights (self, data->n_highlights);

  g_object_thaw_notify (object);
}

void
dossier_document_set_n_highlights (DossierDocument *self,
                                   guint            n_highlights)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT (self));

  if (self->n_highlights == n_highlights)
    return;

  self->n_highlights = n_highlights;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_HIGHLIGHTS]);
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
