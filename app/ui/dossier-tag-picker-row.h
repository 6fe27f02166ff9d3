/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-tag-picker-row.h — a tag in the tag picker: its colour, its
 * name, and under the name where it sits ("Stakeholders › Groups") when it
 * is not at the top level. */
#pragma once

#include "dossier-row.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TAG_PICKER_ROW (dossier_tag_picker_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierTagPickerRow, dossier_tag_picker_row, DOSSIER, TAG_PICKER_ROW, DossierRow)

/* "item": the DossierTag shown (the row follows its changes). */

/* Edit Tags: whether the highlight being edited has the tag already (a
 * check mark; said to assistive technologies). */
void     dossier_tag_picker_row_set_applied (DossierTagPickerRow *self,
                                             gboolean             applied);
gboolean dossier_tag_picker_row_get_applied (DossierTagPickerRow *self);

G_END_DECLS
