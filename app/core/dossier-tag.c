/* dossier-tag.c — a code of the codebook.
 *
 * The project owns one DossierTag per tag id and updates it in place
 * (rename, recolour, move, count), notifying only what really changed.
 */

#include "config.h"

#include "dossier-tag-private.h"
#include "dossier-text-private.h"

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

static void
dossier_tag_finalize (GObject *object)
{
  DossierTag *self = DOSSIER_TAG (object);

  g_free (self->uuid);
  g_free (self->name);
  g_free (self->color);
  g_free (self->description);
  g_free (self->path);

  G_OBJECT_CLASS (dossier_tag_parent_class)->finalize (object);
}

static void
dossier_tag_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DossierTag *self = DOSSIER_TAG (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_N_HIGHLIGHTS:
      g_value_set_uint (value, self->n_highlights);
      break;
    case PROP_KEY:
      g_value_set_int (value, self->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_tag_class_init (DossierTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_tag_finalize;
  object_class->get_property = dossier_tag_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_PARENT_ID] = g_param_spec_int64 ("parent-id", NULL, NULL,
                                                   0, G_MAXINT64, 0, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_DEPTH] = g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_N_HIGHLIGHTS] = g_param_spec_uint ("n-highlights", NULL, NULL,
                                                     0, G_MAXUINT, 0, flags);
  properties[PROP_KEY] = g_param_spec_int ("key", NULL, NULL, DOSSIER_TAG_KEY_AUTO, 9,
                                           DOSSIER_TAG_KEY_AUTO, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_tag_init (DossierTag *self)
{
  self->description = g_strdup ("");
  self->key = DOSSIER_TAG_KEY_AUTO;
}

static void
update_string (DossierTag  *self,
               char       **field,
               const char  *value,
               guint        prop)
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

  update_string (self, &self->uuid, data->uuid != NULL ? data->uuid : "", PROP_UUID);
  update_string (self, &self->name, data->name != NULL ? data->name : "", PROP_NAME);
  update_string (self, &self->color, data->color, PROP_COLOR);
  update_string (self, &self->description,
                 data->description != NULL ? data->description : "", PROP_DESCRIPTION);
  update_string (self, &self->path, data->path != NULL ? data->path : "", PROP_PATH);

  if (self->parent_id != data->parent_id)
    {
      self->parent_id = data->parent_id;
      g_object_notify_by_pspec (object, properties[PROP_PARENT_ID]);
    }

  if (self->position != data->position)
    {
      self->position = data->position;
      g_object_notify_by_pspec (object, properties[PROP_POSITION]);
    }

  if (self->depth != data->depth)
    {
      self->depth = data->depth;
      g_object_notify_by_pspec (object, properties[PROP_DEPTH]);
    }

  if (self->key != data->key)
    {
      self->key = data->key;
      g_object_notify_by_pspec (object, properties[PROP_KEY]);
    }

  dossier_tag_set_n_highlights (self, data->n_highlights);

  g_object_thaw_notify (object);
}

void
dossier_tag_set_n_highlights (DossierTag *self,
                              guint       n_highlights)
{
  g_return_if_fail (DOSSIER_IS_TAG (self));

  if (self->n_highlights == n_highlights)
    return;

  self->n_highlights = n_highlights;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_HIGHLIGHTS]);
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
