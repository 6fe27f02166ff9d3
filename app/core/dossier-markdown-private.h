/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-markdown-private.h — what the Markdown exporter shares with the
 * Markdown module's own escaping (dossier-markdown.c).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* At a line's start, digits followed by '.' or ')' ("2024. A year…") would
 * be read as a numbered list item. If @p starts such a marker, appends its
 * digits and a backslash to @out and returns the '.' or ')' for the caller
 * to append; otherwise returns @p, appending nothing. */
const char *dossier_markdown_escape_list_number (GString    *out,
                                                 const char *p);

G_END_DECLS
