/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-cite-picker.h — the Brief page's Cite popover: inserts a
 * citation of any highlight of the project in the note, at the cursor.
 */
#pragma once

#include <gtk/gtk.h>

#include <dossier/dossier.h>

#include "dossier-filter-popover.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_CITE_PICKER (dossier_cite_picker_get_type ())
G_DECLARE_FINAL_TYPE (DossierCitePicker, dossier_cite_picker, DOSSIER, CITE_PICKER, DossierFilterPopover)

/* Property: "project" (DossierFilterPopover's).
 *
 * Lists the project's highlights, each quoted with its document's title,
 * as they are when the popover opens. Typing filters them (quote or
 * title; case and accents aside); the keys are DossierFilterPopover's:
 * Enter or a click activates "briefing.cite" with the highlighted one's
 * UUID (the Brief page's action) and pops the picker down. */
GtkWidget *dossier_cite_picker_new (void);

G_END_DECLS
