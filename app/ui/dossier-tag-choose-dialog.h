/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-tag-choose-dialog.h — "Move To…" and "Merge Into…" in the
 * codebook: one tag picked from a searchable list of the others (never the
 * tag itself or its subtags; "Top Level" too when moving). The caller acts
 * on the "ok" response. */
#pragma once

#include <adwaita.h>

#include <dossier/dossier.h>

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_TAG_CHOOSE_MOVE,    /* a new parent for the tag */
  DOSSIER_TAG_CHOOSE_MERGE,   /* the tag to merge it into */
} DossierTagChooseKind;

#define DOSSIER_TYPE_TAG_CHOOSE_DIALOG (dossier_tag_choose_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierTagChooseDialog, dossier_tag_choose_dialog, DOSSIER, TAG_CHOOSE_DIALOG, AdwMessageDialog)

GtkWidget            *dossier_tag_choose_dialog_new        (GtkWindow              *parent,
                                                            DossierProject         *project,
                                                            DossierTag             *tag,
                                                            DossierTagChooseKind    kind);
DossierTagChooseKind  dossier_tag_choose_dialog_get_kind   (DossierTagChooseDialog *self);
/* The tag to move or merge. */
gint64                dossier_tag_choose_dialog_get_tag_id (DossierTagChooseDialog *self);
/* The chosen tag (0: the top level, when moving); -1 if none is. */
gint64                dossier_tag_choose_dialog_get_chosen (DossierTagChooseDialog *self);

G_END_DECLS
