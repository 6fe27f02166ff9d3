/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-notify-private.h — the fields of a project's canonical objects
 * (document, tag, stakeholder, question, argument, briefing, highlight):
 * read-only properties read straight from the field they describe, fields
 * set with a notification only when the value really changed, and string
 * fields freed with the object. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Read-only, notified explicitly, with static names: every canonical
 * object's properties. @offset is where the property's field sits in the
 * instance (G_STRUCT_OFFSET); dossier_notify_get_property () reads it. */
GParamSpec *dossier_notify_prop_string  (const char  *name,
                                         gsize        offset,
                                         const char  *default_value);
GParamSpec *dossier_notify_prop_strv    (const char  *name,
                                         gsize        offset);
GParamSpec *dossier_notify_prop_int     (const char  *name,
                                         gsize        offset,
                                         int          minimum,
                                         int          maximum,
                                         int          default_value);
GParamSpec *dossier_notify_prop_uint    (const char  *name,
                                         gsize        offset);
GParamSpec *dossier_notify_prop_int64   (const char  *name,
                                         gsize        offset);
GParamSpec *dossier_notify_prop_boolean (const char  *name,
                                         gsize        offset);

/* Installs @properties (made by the functions above) on a final class,
 * whose get_property then reads them from their fields and whose finalize
 * frees its string and string-array fields; a class with more to do sets
 * its own after this call and calls the two functions below. */
void        dossier_notify_install_properties (GObjectClass *object_class,
                                               GParamSpec  **properties,
                                               guint         n_properties);
void        dossier_notify_get_property       (GObject      *object,
                                               guint         prop_id,
                                               GValue       *value,
                                               GParamSpec   *pspec);
/* Frees the fields and chains up to the parent's finalize. */
void        dossier_notify_finalize           (GObject      *object);

/* Set a field, notifying @pspec if the value changed. Strings are read
 * from files anyone may have written: they are kept as valid UTF-8. */
void dossier_notify_nullable_string (GObject     *object,
                                     char       **field,
                                     const char  *value,
                                     GParamSpec  *pspec);
/* As above, with NULL stored as "". */
void dossier_notify_string          (GObject     *object,
                                     char       **field,
                                     const char  *value,
                                     GParamSpec  *pspec);
void dossier_notify_strv            (GObject     *object,
                                     char      ***field,
                                     const char * const *value,
                                     GParamSpec  *pspec);
void dossier_notify_int             (GObject     *object,
                                     int         *field,
                                     int          value,
                                     GParamSpec  *pspec);
void dossier_notify_uint            (GObject     *object,
                                     guint       *field,
                                     guint        value,
                                     GParamSpec  *pspec);
void dossier_notify_int64           (GObject     *object,
                                     gint64      *field,
                                     gint64       value,
                                     GParamSpec  *pspec);
void dossier_notify_boolean         (GObject     *object,
                                     gboolean    *field,
                                     gboolean     value,
                                     GParamSpec  *pspec);

G_END_DECLS
