/* dossier-notify-private.h — setting a field of a project's canonical
 * object (stakeholder, question, argument) and notifying its property
 * only when the value really changed. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

static inline void
dossier_notify_string (GObject     *object,
                       char       **field,
                       const char  *value,
                       GParamSpec  *pspec)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
}

static inline void
dossier_notify_int (GObject    *object,
                    int        *field,
                    int         value,
                    GParamSpec *pspec)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

static inline void
dossier_notify_uint (GObject    *object,
                     guint      *field,
                     guint       value,
                     GParamSpec *pspec)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

static inline void
dossier_notify_int64 (GObject    *object,
                      gint64     *field,
                      gint64      value,
                      GParamSpec *pspec)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

static inline void
dossier_notify_boolean (GObject    *object,
                        gboolean   *field,
                        gboolean    value,
                        GParamSpec *pspec)
{
  value = value != FALSE;
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

G_END_DECLS
