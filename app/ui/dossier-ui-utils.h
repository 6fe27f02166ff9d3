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

G_END_DECLS
