/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-notify.c — the fields of a project's canonical objects, read as
 * properties and set with notifications, in one place instead of a
 * get_property switch and a setter per class.
 */

#include "config.h"

#include <string.h>

#include "dossier-notify-private.h"
#include "dossier-text-private.h"

#define PROP_FLAGS (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/* Where a property's field is, kept on its GParamSpec (plus one, so that
 * a field at offset 0 is told from none). */
static GQuark
offset_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("dossier-notify-offset");
  return quark;
}

static GParamSpec *
at_offset (GParamSpec *pspec,
           gsize       offset)
{
  g_param_spec_set_qdata (pspec, offset_quark (), GSIZE_TO_POINTER (offset + 1));
  return pspec;
}

static gpointer
field_of (GObject    *object,
          GParamSpec *pspec)
{
  gsize stored = GPOINTER_TO_SIZE (g_param_spec_get_qdata (pspec, offset_quark ()));

  return stored != 0 ? G_STRUCT_MEMBER_P (object, stored - 1) : NULL;
}

GParamSpec *
dossier_notify_prop_string (const char *name,
                            gsize       offset,
                            const char *default_value)
{
  return at_offset (g_param_spec_string (name, NULL, NULL, default_value, PROP_FLAGS), offset);
}

GParamSpec *
dossier_notify_prop_strv (const char *name,
                          gsize       offset)
{
  return at_offset (g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, PROP_FLAGS), offset);
}

GParamSpec *
dossier_notify_prop_int (const char *name,
                         gsize       offset,
                         int         minimum,
                         int         maximum,
                         int         default_value)
{
  return at_offset (g_param_spec_int (name, NULL, NULL, minimum, maximum, default_value,
                                      PROP_FLAGS), offset);
}

GParamSpec *
dossier_notify_prop_uint (const char *name,
                          gsize       offset)
{
  return at_offset (g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, PROP_FLAGS), offset);
}

GParamSpec *
dossier_notify_prop_int64 (const char *name,
                           gsize       offset)
{
  return at_offset (g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, PROP_FLAGS), offset);
}

GParamSpec *
dossier_notify_prop_boolean (const char *name,
                             gsize       offset)
{
  return at_offset (g_param_spec_boolean (name, NULL, NULL, FALSE, PROP_FLAGS), offset);
}

void
dossier_notify_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  gpointer field = field_of (object, pspec);

  if (field == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  switch (G_PARAM_SPEC_VALUE_TYPE (pspec))
    {
    case G_TYPE_STRING:
      g_value_set_string (value, *(const char **) field);
      break;
    case G_TYPE_INT:
      g_value_set_int (value, *(int *) field);
      break;
    case G_TYPE_UINT:
      g_value_set_uint (value, *(guint *) field);
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, *(gint64 *) field);
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) field);
      break;
    default:
      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRV)
        g_value_set_boxed (value, *(char ***) field);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A class's properties, kept on its type for finalize. */
typedef struct
{
  GParamSpec **properties;
  guint        n_properties;
} ClassProperties;

static GQuark
class_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("dossier-notify-class");
  return quark;
}

void
dossier_notify_install_properties (GObjectClass  *object_class,
                                   GParamSpec   **properties,
                                   guint          n_properties)
{
  /* Lives as long as the class: for the process. */
  ClassProperties *class_properties = g_new (ClassProperties, 1);

  class_properties->properties = properties;
  class_properties->n_properties = n_properties;
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (object_class), class_quark (), class_properties);

  object_class->get_property = dossier_notify_get_property;
  object_class->finalize = dossier_notify_finalize;
  g_object_class_install_properties (object_class, n_properties, properties);
}

void
dossier_notify_finalize (GObject *object)
{
  ClassProperties *class_properties = g_type_get_qdata (G_OBJECT_TYPE (object), class_quark ());
  GObjectClass *parent_class;

  g_return_if_fail (class_properties != NULL);

  for (guint i = 0; i < class_properties->n_properties; i++)
    {
      GParamSpec *pspec = class_properties->properties[i];
      gpointer field = pspec != NULL ? field_of (object, pspec) : NULL;

      if (field == NULL)
        continue;
      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING)
        g_clear_pointer ((char **) field, g_free);
      else if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRV)
        g_clear_pointer ((char ***) field, g_strfreev);
    }

  /* The classes are final: the object's class is the one installed. */
  parent_class = g_type_class_peek_parent (G_OBJECT_GET_CLASS (object));
  parent_class->finalize (object);
}

void
dossier_notify_nullable_string (GObject     *object,
                                char       **field,
                                const char  *value,
                                GParamSpec  *pspec)
{
  g_autofree char *valid = dossier_text_dup_valid (value, -1);

  if (g_strcmp0 (*field, valid) == 0)
    return;

  g_free (*field);
  *field = g_steal_pointer (&valid);
  g_object_notify_by_pspec (object, pspec);
}

void
dossier_notify_string (GObject     *object,
                       char       **field,
                       const char  *value,
                       GParamSpec  *pspec)
{
  dossier_notify_nullable_string (object, field, value != NULL ? value : "", pspec);
}

void
dossier_notify_strv (GObject             *object,
                     char              ***field,
                     const char * const  *value,
                     GParamSpec          *pspec)
{
  const char * const none[] = { NULL };

  if (value == NULL)
    value = none;
  if (*field != NULL && g_strv_equal ((const char * const *) *field, value))
    return;

  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  g_object_notify_by_pspec (object, pspec);
}

/* The same for every scalar type: compare and copy its bytes. */
static void
notify_scalar (GObject       *object,
               gpointer       field,
               gconstpointer  value,
               gsize          size,
               GParamSpec    *pspec)
{
  if (memcmp (field, value, size) == 0)
    return;

  memcpy (field, value, size);
  g_object_notify_by_pspec (object, pspec);
}

void
dossier_notify_int (GObject    *object,
                    int        *field,
                    int         value,
                    GParamSpec *pspec)
{
  notify_scalar (object, field, &value, sizeof value, pspec);
}

void
dossier_notify_uint (GObject    *object,
                     guint      *field,
                     guint       value,
                     GParamSpec *pspec)
{
  notify_scalar (object, field, &value, sizeof value, pspec);
}

void
dossier_notify_int64 (GObject    *object,
                      gint64     *field,
                      gint64      value,
                      GParamSpec *pspec)
{
  notify_scalar (object, field, &value, sizeof value, pspec);
}

void
dossier_notify_boolean (GObject    *object,
                        gboolean   *field,
                        gboolean    value,
                        GParamSpec *pspec)
{
  value = value != FALSE;
  notify_scalar (object, field, &value, sizeof value, pspec);
}
