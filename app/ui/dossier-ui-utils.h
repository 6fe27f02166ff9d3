/* dossier-ui-utils.h — small helpers the application's widgets share. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Presents a modal message dialog over @parent (may be NULL) saying that
 * @heading happened, with @message (the core's, which says what to do)
 * and one Close button. */
void dossier_present_error (GtkWindow  *parent,
                            const char *heading,
                            const char *message);

/* Replaces the string at @dest by a copy of @value; FALSE when they were
 * equal (nothing changed). g_set_str() is GLib 2.76; we target 2.74. */
gboolean dossier_set_str (char       **dest,
                          const char  *value);

G_END_DECLS
