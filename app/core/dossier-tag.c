/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-tag.c — a code of the codebook.
 *
 * The project owns one DossierTag per tag id and updates it in place
 * (rename, recolour, move, count), notifying only what really changed.
 */

#include "config.h"

#include "dossier-tag-private.h"
#include "dossier-notify-private.h"

struct _DossierTag
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *name;
  gint64   parent_id;
  char    *color;
  char    *description;
  int      position;
  guint    depth;
  char    *path;
  guint    n_highlights;
  int      key;
};

G_DEFINE_FINAL_TYPE (DossierTag, dossier_tag, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_PARENT_ID,
  PROP_COLOR,
  PROP_DESCRIPTION,
  PROP_POSITION,
  PROP_DEPTH,
  PROP_PATH,
  PROP_N_HIGHLIGHTS,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(member) G_STRUCT_OFFSET (DossierTag, member)

static void
dossier_tag_class_init (DossierTagClass *klass)
{
  properties[PROP_ID] = dossier_notify_prop_int64 ("id", FIELD (id));
  properties[PROP_UUID] = dossier_notify_prop_string ("uuid", FIELD (uuid), NULL);
  properties[PROP_NAME] = dossier_notify_prop_string ("name", FIELD (name), NULL);
  properties[PROP_PARENT_ID] = dossier_notify_prop_int64 ("parent-id", FIELD (parent_id));
  properties[PROP_COLOR] = dossier_notify_prop_string ("color", FIELD (color), NULL);
  properties[PROP_DESCRIPTION] = dossier_notify_prop_string ("description", FIELD (description),
                                                             "");
  properties[PROP_POSITION] = dossier_notify_prop_int ("position", FIELD (position),
                                                       0, G_MAXINT, 0);
  properties[PROP_DEPTH] = dossier_notify_prop_uint ("depth", FIELD (depth));
  properties[PROP_PATH] = dossier_notify_prop_string ("path", FIELD (path), NULL);
  properties[PROP_N_HIGHLIGHTS] = dossier_notify_prop_uint ("n-highlights", FIELD (n_highlights));
  properties[PROP_KEY] = dossier_notify_prop_int ("key", FIELD (key), DOSSIER_TAG_KEY_AUTO, 9,
                                                  DOSSIER_TAG_KEY_AUTO);

  dossier_notify_install_properties (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
dossier_tag_init (DossierTag *self)
{
  self->description = g_strdup ("");
  self->key = DOSSIER_TAG_KEY_AUTO;
}

DossierTag *
dossier_tag_new (gint64                id,
                 const DossierTagData *data)
{
  DossierTag *self = g_object_new (DOSSIER_TYPE_TAG, NULL);

  self->id = id;
  dossier_tag_update (self, data);

  return self;
}

void
dossier_tag_update (DossierTag           *self,
                    const DossierTagData *data)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (DOSSIER_IS_TAG (self));
  g_return_if_fail (data != NULL);

  g_object_freeze_notify (object);

  dossier_notify_string (object, &self->uuid, data->uuid, properties[PROP_UUID]);
  dossier_notify_string (object, &self->name, data->name, properties[PROP_NAME]);
  dossier_notify_nullable_string (object, &self->color, data->color, properties[PROP_COLOR]);
  dossier_notify_string (object, &self->description, data->description,
                         properties[PROP_DESCRIPTION]);
  dossier_notify_string (object, &self->path, data->path, properties[PROP_PATH]);
  dossier_notify_int64 (object, &self->parent_id, data->parent_id, properties[PROP_PARENT_ID]);
  dossier_notify_int (object, &self->position, data->position, properties[PROP_POSITION]);
  dossier_notify_uint (object, &self->depth, data->depth, properties[PROP_DEPTH]);
  dossier_notify_int (object, &self->key, data->key, properties[PROP_KEY]);
  dossier_tag_set_n_highlights (self, data->n_highlights);

  g_object_thaw_notify (object);
}

void
dossier_tag_set_n_highlights (DossierTag *self,
                              guint       n_highlights)
{
  g_return_if_fail (DOSSIER_IS_TAG (self));

  dossier_notify_uint (G_OBJECT (self), &self->n_highlights, n_highlights,
                       properties[PROP_N_HIGHLIGHTS]);
}

gint64
dossier_tag_get_id (DossierTag *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG (self), 0);
  return self->id;
}

const char *
dossier_tag_get_uuid (DossierTag *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG (self), NULL);
  return self->uuid;
}

const char *
dossier_tag_get_name (DossierTag *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG (self), NULL);
  return self->name;
}

gint64
dossier_tag_get_parent_id (DossierTag *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG (self), 0);
  return self->parent_id;
}

const char *
dossier_tag_get_color (DossierTag *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG (self), NULL);
  return self->color;
}

const char *
dossier_tag_get_description (DossierTag *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG (self), NULL);
  return self->description;
}

int
dossier_tag_get_position (DossierTag *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG (self), 0);
  return self->position;
}

guint
dossier_tag_get_depth (DossierTag *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG (self), 0);
  return self->depth;
}

const char *
dossier_tag_get_path (DossierTag *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG (self), NULL);
  return self->path;
}

guint
dossier_tag_get_n_highlights (DossierTag *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG (self), 0);
  return self->n_highlights;
}

int
dossier_tag_get_key (DossierTag *self)
{
  g_return_val_if_fail (DOSSIER_IS_TAG (self), DOSSIER_TAG_KEY_AUTO);
  return self->key;
}
