/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-reader-page-actions.c — DossierReaderPage's reader.* actions:
 * tagging the selection (number keys, the tag picker), memos, removing
 * highlights and their tags (the highlight menu), finding in the text.
 *
 * Every change goes to the core at once and is committed there; the view
 * follows the project's live list of the document's highlights, whoever
 * made the change. */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-codebook-panel.h"
#include "dossier-evidence-picker.h"
#include "dossier-reader-page-private.h"
#include "dossier-tag-picker.h"
#include "dossier-text-dialog.h"
#include "dossier-ui-utils.h"

/* Toasts (dossier_show_toast()) go to the window's overlay, found by the
 * widget tree: the page works in any window that has one. */

static gboolean
require_writable (DossierReaderPage *self)
{
  if (self->project == NULL)
    return FALSE;
  if (dossier_project_get_read_only (self->project))
    {
      dossier_show_toast (GTK_WIDGET (self), _("This project is open read-only"), FALSE);
      return FALSE;
    }
  return TRUE;
}

/* The range to tag or cite (the selection, widened to whole words), for
 * an action on it; FALSE when there is none, after saying @hint (what to
 * do first). */
static gboolean
selection_or_hint (DossierReaderPage *self,
                   gint64            *start,
                   gint64            *end,
                   const char        *hint)
{
  if (dossier_reader_page_get_tag_range (self, start, end))
    return TRUE;
  dossier_show_toast (GTK_WIDGET (self), hint, FALSE);
  return FALSE;
}

/* ---- Action state ----------------------------------------------------------- */

/* The shortest of @ids (it sits inside the others: the one the user is
 * most likely pointing at), or the one spanning exactly [@start, @end). */
static gint64
pick_highlight (DossierReaderPage *self,
                GArray            *ids,
                gint64             start,
                gint64             end)
{
  gint64 best = 0;
  gint64 best_length = G_MAXINT64;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gpointer value;
      gint64 length;

      if (!g_hash_table_lookup_extended (self->span_lengths, GSIZE_TO_POINTER ((gsize) id), NULL, &value))
        continue;
      length = (gint64) GPOINTER_TO_SIZE (value);
      if (length == end - start)
        for (guint k = 0; k < self->spans->len; k++)
          {
            const DossierReaderSpan *span = &g_array_index (self->spans, DossierReaderSpan, k);

            if (span->id == id && span->start == start && span->end == end)
              return id;
          }
      if (length < best_length)
        {
          best = id;
          best_length = length;
        }
    }

  return best;
}

/* The highlight the keyboard points at: the one just selected (a passage
 * selected and tagged, then Ctrl+M for its memo: the caret sits at the
 * selection's end, outside it), else the one under the caret, else the
 * one that ends right before it. */
gint64
_dossier_reader_page_highlight_at_caret (DossierReaderPage *self)
{
  g_autoptr(GArray) ids = NULL;
  gint64 caret, start, end;

  if (self->project == NULL || self->document_id == 0 || self->document_view == NULL)
    return 0;

  if (dossier_document_view_get_selection (self->document_view, &start, &end) && start < end)
    {
      ids = dossier_document_view_highlights_at (self->document_view, start);
      return pick_highlight (self, ids, start, end);
    }

  caret = dossier_document_view_get_caret (self->document_view);
  ids = dossier_document_view_highlights_at (self->document_view, caret);
  if (ids->len == 0 && caret > 0)
    {
      g_clear_pointer (&ids, g_array_unref);
      ids = dossier_document_view_highlights_at (self->document_view, caret - 1);
    }
  return pick_highlight (self, ids, -1, -1);
}

/* One highlight's tags, then its memo. */
static void
describe_highlight (DossierReaderPage *self,
                    DossierHighlight  *hl,
                    GString           *out)
{
  const gint64 *tag_ids;
  const char *memo;
  guint n_tags = 0;
  gboolean first = TRUE;

  tag_ids = dossier_highlight_get_tag_ids (hl, &n_tags);
  for (guint t = 0; t < n_tags; t++)
    {
      DossierTag *tag = dossier_project_get_tag (self->project, tag_ids[t]);

      if (tag == NULL)
        continue;
      if (!first)
        g_string_append (out, ", ");
      g_string_append (out, dossier_tag_get_name (tag));
      first = FALSE;
    }

  memo = dossier_highlight_get_memo (hl);
  if (memo != NULL && memo[0] != '\0')
    {
      g_autofree char *part = g_strdup_printf (_("memo: %s"), memo);

      if (!first)
        g_string_append (out, ", ");
      g_string_append (out, part);
    }
}

char *
_dossier_reader_page_describe_caret (DossierReaderPage *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) parts = NULL;

  if (self->project == NULL || self->document_id == 0 || self->document_view == NULL)
    return NULL;

  ids = dossier_document_view_highlights_at (self->document_view,
                                             dossier_document_view_get_caret (self->document_view));
  if (ids->len == 0)
    return NULL;

  parts = g_string_new (NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(DossierHighlight) hl = dossier_project_get_highlight (self->project,
                                                                     g_array_index (ids, gint64, i),
                                                                     NULL);

      if (hl == NULL)
        continue;
      if (parts->len > 0)
        g_string_append (parts, "; ");
      describe_highlight (self, hl, parts);
    }
  if (parts->len == 0)
    return NULL;

  /* Translators: the tags and memos of the highlights at the caret */
  return g_strdup_printf (_("Highlighted: %s"), parts->str);
}

void
_dossier_reader_page_update_caret_description (DossierReaderPage *self)
{
  g_autofree char *description = NULL;
  GtkAccessible *text;

  if (self->document_view == NULL)
    return;

  description = _dossier_reader_page_describe_caret (self);
  if (g_strcmp0 (description, self->caret_description) == 0)
    return;

  text = GTK_ACCESSIBLE (dossier_document_view_get_text_view (self->document_view));
  if (description != NULL)
    gtk_accessible_update_property (text, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  else
    gtk_accessible_reset_property (text, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_free (self->caret_description);
  self->caret_description = g_steal_pointer (&description);
}

static void
describe_caret_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (widget);
  g_autofree char *description = _dossier_reader_page_describe_caret (self);

  dossier_show_toast (GTK_WIDGET (self), description != NULL ? description
                                                             : _("The caret is in no highlight"),
                                   FALSE);
}

void
_dossier_reader_page_update_actions (DossierReaderPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean writable, has_document, has_selection, at_caret;

  if (self->document_view == NULL)
    return;

  writable = self->project != NULL && !dossier_project_get_read_only (self->project);
  has_document = self->project != NULL && self->document_id != 0;
  has_selection = _dossier_reader_page_has_selection (self, NULL, NULL);
  at_caret = has_document && _dossier_reader_page_highlight_at_caret (self) != 0;

  /* Enabled read-only too, to say why a number key does nothing there. */
  gtk_widget_action_set_enabled (widget, "reader.apply-tag", has_document);
  gtk_widget_action_set_enabled (widget, "reader.tag-selection", writable && has_selection);
  gtk_widget_action_set_enabled (widget, "reader.tag-with", writable && has_selection);
  /* Also from the tag picker of a highlight, with nothing selected. */
  gtk_widget_action_set_enabled (widget, "reader.add-evidence", writable && has_document);
  /* The text's menu: greyed with nothing selected, as Tag Selection… is. */
  gtk_widget_action_set_enabled (widget, "reader.add-selection-evidence", writable && has_selection);
  gtk_widget_action_set_enabled (widget, "reader.add-highlight-evidence", writable);
  gtk_widget_action_set_enabled (widget, "reader.copy", has_selection);
  gtk_widget_action_set_enabled (widget, "reader.select-all", has_document);
  /* Enabled with nothing at the caret, to say so when Ctrl+M is pressed. */
  gtk_widget_action_set_enabled (widget, "reader.edit-memo", writable && has_document);
  gtk_widget_action_set_enabled (widget, "reader.delete-highlight", writable && at_caret);
  gtk_widget_action_set_enabled (widget, "reader.edit-highlight-tags", writable);
  gtk_widget_action_set_enabled (widget, "reader.edit-highlight-memo", writable);
  gtk_widget_action_set_enabled (widget, "reader.remove-highlight", writable);
  gtk_widget_action_set_enabled (widget, "reader.remove-highlight-tag", writable);
  gtk_widget_action_set_enabled (widget, "reader.find", has_document);
  gtk_widget_action_set_enabled (widget, "reader.describe-caret", has_document);
  gtk_widget_action_set_enabled (widget, "reader.next-highlight", has_document);
  gtk_widget_action_set_enabled (widget, "reader.previous-highlight", has_document);

  /* The caret moved, or what is under it changed. */
  _dossier_reader_page_update_caret_description (self);
}

/* ---- Tagging -------------------------------------------------------------------- */

static void
apply_tag_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  int slot = g_variant_get_int32 (parameter);
  gint64 tag_id = 0, start, end, id;

  if (!require_writable (self) ||
      !selection_or_hint (self, &start, &end, _("Select a passage first, then press its tag’s number")))
    return;

  if (slot >= 1 && slot <= DOSSIER_CODEBOOK_N_SLOTS)
    tag_id = dossier_project_get_key_tag (self->project, slot);
  if (tag_id == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("No tag has the number %d — add tags to the codebook, or press Ctrl+T"), slot);
      dossier_show_toast (GTK_WIDGET (self), message, FALSE);
      return;
    }

  id = dossier_project_tag_range (self->project, self->document_id, start, end, tag_id, &error);
  if (id <= 0)
    dossier_report_in_toast (GTK_WIDGET (self), _("Could not tag the passage"), error);
  else
    _dossier_reader_page_note_tagged (self, start, end);
}

/* The rectangle of @offset's line in the coordinates of view_box (where
 * popovers are parented). */
static gboolean
offset_rect_in_view_box (DossierReaderPage *self,
                         gint64             offset,
                         GdkRectangle      *out)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (self->document_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkRectangle rect;
  GtkTextIter iter;
  double x, y;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  gtk_text_view_get_iter_location (text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &wx, &wy);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (text_view), self->view_box, wx, wy, &x, &y))
    return FALSE;

  out->x = CLAMP ((int) x, 0, MAX (0, gtk_widget_get_width (self->view_box) - 1));
  out->y = CLAMP ((int) y, 0, MAX (0, gtk_widget_get_height (self->view_box) - 1));
  out->width = 1;
  out->height = MAX (rect.height, 1);
  return TRUE;
}

/* ---- The pickers ------------------------------------------------------------------ */

/* The tag and evidence pickers are made on first use, under the text; on
 * closing, the focus goes back to the text, the selection as the user made
 * it comes back if the picker widened it and did nothing (Escape), and the
 * "Tag…" button follows the selection again. */
static void
on_picker_closed (DossierReaderPage *self)
{
  _dossier_reader_page_unwiden_later (self);
  if (self->document_id != 0)
    _dossier_reader_page_focus_text (self);
  _dossier_reader_page_update_tag_button (self);
}

static GtkWidget *
ensure_picker (DossierReaderPage *self,
               GtkWidget        **picker,
               GType              type,
               const char        *signal,
               GCallback          callback)
{
  if (*picker == NULL)
    {
      *picker = g_object_new (type,
                              "project", self->project,
                              "position", GTK_POS_BOTTOM,
                              NULL);
      gtk_widget_set_parent (*picker, self->view_box);
      g_signal_connect_object (*picker, signal, callback, self, G_CONNECT_SWAPPED);
      g_signal_connect_object (*picker, "closed", G_CALLBACK (on_picker_closed), self,
                               G_CONNECT_SWAPPED);
      dossier_hold_tooltip_while_open (GTK_WIDGET (dossier_document_view_get_text_view (self->document_view)),
                                       GTK_POPOVER (*picker));
    }
  return *picker;
}

/* Pops @picker up pointing under the line of @end, in place of the
 * selection's "Tag…" button. */
static void
popup_picker_under (DossierReaderPage *self,
                    GtkWidget         *picker,
                    gint64             end)
{
  GdkRectangle rect;

  if (offset_rect_in_view_box (self, end, &rect))
    {
      rect.y += rect.height;
      rect.height = 1;
      gtk_popover_set_pointing_to (GTK_POPOVER (picker), &rect);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tag_selection_button), FALSE);
  gtk_popover_popup (GTK_POPOVER (picker));
}

/* Highlight @id, for an action on it from its menu; NULL after saying
 * why @what could not be done. */
static DossierHighlight *
get_highlight_or_report (DossierReaderPage *self,
                         gint64             id,
                         const char        *what)
{
  g_autoptr(GError) error = NULL;
  DossierHighlight *hl = dossier_project_get_highlight (self->project, id, &error);

  if (hl == NULL)
    dossier_report_in_toast (GTK_WIDGET (self), what, error);
  return hl;
}

static void
on_tag_chosen (DossierReaderPage *self,
               gint64             tag_id,
               GtkWidget         *picker)
{
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (GTK_POPOVER (picker));
  if (!require_writable (self) || tag_id <= 0)
    return;

  if (self->picker_highlight_id != 0 &&
      dossier_tag_picker_is_applied (DOSSIER_TAG_PICKER (picker), tag_id))
    {
      /* A checked tag chosen again: taken off (the last one takes the
       * highlight with it, as removing it from the menu does; undo). */
      if (!dossier_project_remove_highlight_tag (self->project, self->picker_highlight_id, tag_id, &error))
        dossier_report_in_toast (GTK_WIDGET (self), _("Could not remove the tag"), error);
    }
  else if (self->picker_highlight_id != 0)
    {
      gboolean added;

      added = dossier_project_add_highlight_tag (self->project, self->picker_highlight_id, tag_id, &error);
      if (!added)
        dossier_report_in_toast (GTK_WIDGET (self), _("Could not add the tag"), error);
    }
  else if (self->picker_document_id != 0)
    {
      gint64 id;

      id = dossier_project_tag_range (self->project, self->picker_document_id,
                                      self->picker_start, self->picker_end, tag_id, &error);
      if (id <= 0)
        dossier_report_in_toast (GTK_WIDGET (self), _("Could not tag the passage"), error);
      else if (self->picker_document_id == self->document_id)
        _dossier_reader_page_note_tagged (self, self->picker_start, self->picker_end);
    }
}

static void
popup_tag_picker (DossierReaderPage *self,
                  gint64             highlight_id,
                  gint64             start,
                  gint64             end)
{
  GtkWidget *picker = ensure_picker (self, &self->tag_picker, DOSSIER_TYPE_TAG_PICKER,
                                     "tag-chosen", G_CALLBACK (on_tag_chosen));

  self->picker_highlight_id = highlight_id;
  self->picker_document_id = self->document_id;
  self->picker_start = start;
  self->picker_end = end;

  /* Edit Tags: the tags it has are checked; a new passage has none. */
  {
    g_autoptr(DossierHighlight) hl = highlight_id != 0
                                     ? dossier_project_get_highlight (self->project, highlight_id, NULL)
                                     : NULL;
    guint n_tags = 0;
    const gint64 *tag_ids = hl != NULL ? dossier_highlight_get_tag_ids (hl, &n_tags) : NULL;

    dossier_tag_picker_set_applied_tags (DOSSIER_TAG_PICKER (picker), tag_ids, n_tags);
  }

  popup_picker_under (self, picker, end);
}

static void
tag_selection_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (widget);
  gint64 start, end;

  if (!require_writable (self) ||
      !selection_or_hint (self, &start, &end, _("Select a passage to tag first")))
    return;

  /* What the picker will tag, shown while it is open; the selection as
   * it was if it closes without tagging. */
  _dossier_reader_page_widen_for_picker (self, start, end);
  popup_tag_picker (self, 0, start, end);
}

/* ---- Evidence ---------------------------------------------------------------------- */

static void
on_evidence_added (DossierReaderPage *self)
{
  /* The selection is a highlight now, backing something: its "Tag…"
   * button has done its work, as after tagging. */
  if (self->evidence_picker != NULL)
    {
      gint64 start, end;

      if (_dossier_reader_page_has_selection (self, &start, &end))
        _dossier_reader_page_note_tagged (self, start, end);
    }
}

/* Pops the evidence picker up under @end, for highlight @highlight_id or,
 * when 0, for the passage [@start, @end) of the document on show. */
static void
popup_evidence_picker (DossierReaderPage *self,
                       gint64             highlight_id,
                       gint64             start,
                       gint64             end)
{
  GtkWidget *picker = ensure_picker (self, &self->evidence_picker, DOSSIER_TYPE_EVIDENCE_PICKER,
                                     "evidence-added", G_CALLBACK (on_evidence_added));

  if (self->tag_picker != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->tag_picker));
  if (highlight_id != 0)
    dossier_evidence_picker_set_highlight (DOSSIER_EVIDENCE_PICKER (picker), highlight_id);
  else
    dossier_evidence_picker_set_range (DOSSIER_EVIDENCE_PICKER (picker), self->document_id, start, end);

  popup_picker_under (self, picker, end);
}

/* The highlight spanning exactly [@start, @end), 0 if none: a selection
 * of a whole highlight adds that highlight, not a copy of it. */
static gint64
highlight_spanning (DossierReaderPage *self,
                    gint64             start,
                    gint64             end)
{
  for (guint k = 0; self->spans != NULL && k < self->spans->len; k++)
    {
      const DossierReaderSpan *span = &g_array_index (self->spans, DossierReaderSpan, k);

      if (span->start == start && span->end == end)
        return span->id;
    }
  return 0;
}

static void
add_evidence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (widget);
  gint64 start, end;

  if (!require_writable (self))
    return;

  /* From the tag picker editing a highlight's tags: that highlight. */
  if (self->tag_picker != NULL && gtk_widget_get_visible (self->tag_picker) &&
      self->picker_highlight_id != 0)
    {
      g_autoptr(DossierHighlight) hl = dossier_project_get_highlight (self->project,
                                                                      self->picker_highlight_id, NULL);

      if (hl != NULL)
        {
          popup_evidence_picker (self, dossier_highlight_get_id (hl),
                                 dossier_highlight_get_start (hl), dossier_highlight_get_end (hl));
          return;
        }
    }

  if (!selection_or_hint (self, &start, &end, _("Select a passage to add as evidence first")))
    return;
  _dossier_reader_page_widen_for_picker (self, start, end);
  popup_evidence_picker (self, highlight_spanning (self, start, end), start, end);
}

static void
add_highlight_evidence_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (widget);
  g_autoptr(DossierHighlight) hl = NULL;

  if (!require_writable (self))
    return;
  hl = get_highlight_or_report (self, g_variant_get_int64 (parameter), _("Could not add the evidence"));
  if (hl == NULL)
    return;
  popup_evidence_picker (self, dossier_highlight_get_id (hl),
                         dossier_highlight_get_start (hl), dossier_highlight_get_end (hl));
}

static void
edit_highlight_tags_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (widget);
  g_autoptr(DossierHighlight) hl = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (!require_writable (self))
    return;
  hl = get_highlight_or_report (self, id, _("Could not edit the highlight"));
  if (hl == NULL)
    return;

  popup_tag_picker (self, id, dossier_highlight_get_start (hl), dossier_highlight_get_end (hl));
}

/* ---- Memos and removal ------------------------------------------------------------ */

static void
edit_memo (DossierReaderPage *self,
           gint64             highlight_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (!require_writable (self) || highlight_id == 0)
    return;

  dialog = dossier_text_dialog_new_memo (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->project, highlight_id);
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_memo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (widget);
  gint64 id = _dossier_reader_page_highlight_at_caret (self);

  if (id == 0)
    {
      dossier_show_toast (GTK_WIDGET (self), _("Place the cursor in a highlight to edit its memo"), FALSE);
      return;
    }
  edit_memo (self, id);
}

static void
edit_highlight_memo_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  edit_memo (DOSSIER_READER_PAGE (widget), g_variant_get_int64 (parameter));
}

/* The evidence @highlight_id was, which goes with it (in the same undo
 * step). */
static char *
describe_evidence_removal (DossierReaderPage *self,
                           gint64             highlight_id)
{
  g_autoptr(GArray) stakeholders = NULL;
  g_autoptr(GArray) arguments = NULL;
  DossierStakeholder *s;
  guint n;

  if (!dossier_project_get_highlight_evidence (self->project, highlight_id, &stakeholders, &arguments, NULL))
    return g_strdup (_("Highlight removed"));
  n = stakeholders->len + arguments->len;
  if (n == 0)
    return g_strdup (_("Highlight removed"));
  if (n == 1 && stakeholders->len == 1 &&
      (s = dossier_project_get_stakeholder (self->project, g_array_index (stakeholders, gint64, 0))) != NULL)
    return g_strdup_printf (_("Highlight removed, and with it the evidence for “%s”"),
                            dossier_stakeholder_get_name (s));
  return g_strdup_printf (ngettext ("Highlight removed, and with it %u piece of evidence",
                                    "Highlight removed, and with it %u pieces of evidence", n), n);
}

/* What the toast says once @highlight_id is gone: the evidence it was goes
 * with it (in the same undo step), and the notes that cite it now cite
 * what cannot be verified; the user is told both. */
static char *
describe_removal (DossierReaderPage *self,
                  gint64             highlight_id)
{
  g_autoptr(GPtrArray) notes = dossier_project_get_briefings_citing (self->project, highlight_id);
  g_autofree char *removed = describe_evidence_removal (self, highlight_id);

  if (notes->len == 0)
    return g_steal_pointer (&removed);
  return g_strdup_printf (ngettext ("%s; %u briefing note cited it",
                                    "%s; %u briefing notes cited it", notes->len),
                          removed, notes->len);
}

static void
remove_highlight (DossierReaderPage *self,
                  gint64             highlight_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!require_writable (self) || highlight_id == 0)
    return;

  message = describe_removal (self, highlight_id);
  if (!dossier_project_delete_highlight (self->project, highlight_id, &error))
    {
      dossier_report_in_toast (GTK_WIDGET (self), _("Could not remove the highlight"), error);
      return;
    }
  dossier_show_toast (GTK_WIDGET (self), message, TRUE);
}

static void
delete_highlight_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (widget);

  remove_highlight (self, _dossier_reader_page_highlight_at_caret (self));
}

static void
remove_highlight_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  remove_highlight (DOSSIER_READER_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
remove_highlight_tag_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 highlight_id, tag_id;
  DossierTag *tag;

  if (!require_writable (self))
    return;

  g_variant_get (parameter, "(xx)", &highlight_id, &tag_id);
  if (!dossier_project_remove_highlight_tag (self->project, highlight_id, tag_id, &error))
    {
      dossier_report_in_toast (GTK_WIDGET (self), _("Could not remove the tag"), error);
      return;
    }

  tag = dossier_project_get_tag (self->project, tag_id);
  if (tag != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Removed the tag “%s”"), dossier_tag_get_name (tag));
      dossier_show_toast (GTK_WIDGET (self), message, TRUE);
    }
}

/* ---- The highlight menu ------------------------------------------------------------ */

/* The reader's one context menu (of a highlight, or of plain text) at
 * (@x, @y) in the document view's coordinates. */
static void
popup_context_menu (DossierReaderPage *self,
                    GMenu             *menu,
                    double             x,
                    double             y)
{
  GdkRectangle rect;
  GtkWidget *child;
  double bx, by;

  if (self->highlight_menu == NULL)
    {
      self->highlight_menu = dossier_context_menu_new (self->view_box);
      /* The text's tooltip (a highlight's tags) would open over it. */
      dossier_hold_tooltip_while_open (GTK_WIDGET (dossier_document_view_get_text_view (self->document_view)),
                                       GTK_POPOVER (self->highlight_menu));
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->highlight_menu), G_MENU_MODEL (menu));

  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->document_view), self->view_box, x, y, &bx, &by))
    bx = by = 0;
  rect = (GdkRectangle) { (int) bx, (int) by, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->highlight_menu), &rect);
  /* A menu's items scroll in the list GTK makes it. */
  child = gtk_popover_get_child (GTK_POPOVER (self->highlight_menu));
  dossier_popover_keep_in_window (GTK_POPOVER (self->highlight_menu),
                                  GTK_IS_SCROLLED_WINDOW (child) ? GTK_SCROLLED_WINDOW (child) : NULL);
  dossier_popup_returning_focus (GTK_POPOVER (self->highlight_menu));
}

/* Appends an item for @action (with @target, or none) to @section,
 * showing @accel (or none) as its shortcut. */
static void
append_menu_item (GMenu      *section,
                  const char *label,
                  const char *action,
                  GVariant   *target,
                  const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  if (accel != NULL)
    g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (section, item);
}

/* A tag's name as a menu item shows it: shortened (a name from a file
 * may be of any length), its underscores not taken for mnemonics. */
static char *
menu_name (DossierTag *tag)
{
  g_autofree char *shown = dossier_shown_text (dossier_tag_get_name (tag));
  g_auto(GStrv) parts = g_strsplit (shown, "_", -1);

  return g_strjoinv ("__", parts);
}

void
_dossier_reader_page_popup_highlight_menu (DossierReaderPage *self,
                                           gint64             highlight_id,
                                           double             x,
                                           double             y)
{
  g_autoptr(DossierHighlight) hl = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) untag = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  const gint64 *tag_ids;
  guint n_tags = 0;

  if (self->project == NULL || highlight_id == 0)
    return;
  hl = dossier_project_get_highlight (self->project, highlight_id, NULL);
  if (hl == NULL)
    return;

  append_menu_item (edit, _("Edit _Tags…"), "reader.edit-highlight-tags",
                    g_variant_new_int64 (highlight_id), NULL);
  append_menu_item (edit, _("Edit _Memo…"), "reader.edit-highlight-memo",
                    g_variant_new_int64 (highlight_id), NULL);
  append_menu_item (edit, _("Add as _Evidence…"), "reader.add-highlight-evidence",
                    g_variant_new_int64 (highlight_id), NULL);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  /* One "Remove tag" per tag, when removing one leaves the others. */
  tag_ids = dossier_highlight_get_tag_ids (hl, &n_tags);
  for (guint i = 0; n_tags > 1 && i < n_tags; i++)
    {
      DossierTag *tag = dossier_project_get_tag (self->project, tag_ids[i]);
      g_autofree char *label = NULL;
      g_autofree char *name = NULL;

      if (tag == NULL)
        continue;
      name = menu_name (tag);
      /* Translators: a menu item removing one tag from a highlight */
      label = g_strdup_printf (_("Remove “%s”"), name);
      append_menu_item (untag, label, "reader.remove-highlight-tag",
                        g_variant_new ("(xx)", highlight_id, tag_ids[i]), NULL);
    }
  if (n_tags > 1)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (untag));

  append_menu_item (remove, _("_Remove Highlight"), "reader.remove-highlight",
                    g_variant_new_int64 (highlight_id), NULL);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  popup_context_menu (self, menu, x, y);
}

/* The menu of text no highlight covers (right click, the Menu key):
 * tagging the selection, copying — not the text view's own menu, whose
 * Cut and Paste are greyed in read-only text. */
void
_dossier_reader_page_popup_text_menu (DossierReaderPage *self,
                                      double             x,
                                      double             y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) tag = g_menu_new ();
  g_autoptr(GMenu) slots = g_menu_new ();
  g_autoptr(GMenu) text = g_menu_new ();
  g_autoptr(GMenu) go = g_menu_new ();

  if (self->project == NULL || self->document_id == 0)
    return;

  append_menu_item (tag, _("_Tag Selection…"), "reader.tag-selection", NULL, "<Control>t");
  append_menu_item (tag, _("Add Selection as _Evidence…"), "reader.add-selection-evidence", NULL,
                    "<Control><Shift>e");
  /* The window's: the Stakeholders panel's + with the selection's name. */
  append_menu_item (tag, _("New _Stakeholder from Selection"), "win.new-stakeholder", NULL,
                    "<Control><Shift>n");

  /* The codebook's numbered tags, with their keys. */
  for (guint slot = 1; slot <= DOSSIER_CODEBOOK_N_SLOTS; slot++)
    {
      gint64 tag_id = dossier_project_get_key_tag (self->project, slot);
      DossierTag *slot_tag = tag_id != 0 ? dossier_project_get_tag (self->project, tag_id) : NULL;
      g_autofree char *accel = NULL;
      g_autofree char *name = NULL;

      if (slot_tag == NULL)
        continue;
      accel = g_strdup_printf ("%u", slot);
      name = menu_name (slot_tag);
      append_menu_item (slots, name, "reader.tag-with",
                        g_variant_new_int32 (slot), accel);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (slots)) > 0)
    g_menu_append_submenu (tag, _("Tag _With"), G_MENU_MODEL (slots));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (tag));

  append_menu_item (text, _("_Copy"), "reader.copy", NULL, "<Control>c");
  append_menu_item (text, _("Select _All"), "reader.select-all", NULL, "<Control>a");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (text));

  append_menu_item (go, _("_Next Highlight"), "reader.next-highlight", NULL, "F8");
  append_menu_item (go, _("_Previous Highlight"), "reader.previous-highlight", NULL, "<Shift>F8");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (go));

  popup_context_menu (self, menu, x, y);
}

/* reader.copy and reader.select-all: the text view's own actions, which
 * the text menu cannot name (they are the view's, not the page's). */
static void
text_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (widget);
  const char *name = g_str_equal (action_name, "reader.copy") ? "clipboard.copy" : "selection.select-all";

  gtk_widget_activate_action (GTK_WIDGET (dossier_document_view_get_text_view (self->document_view)),
                              name, NULL);
}

/* ---- Going from highlight to highlight ------------------------------------------ */

/* F8 and Shift+F8: the next (previous) highlight selected, the caret at
 * its start, so that Menu, Delete and Ctrl+M act on it; at the last (the
 * first), the caret stays where it is and a toast says so. */
static void
go_to_highlight_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (widget);
  gboolean forward = g_str_equal (action_name, "reader.next-highlight");

  if (self->document_id == 0)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (dossier_document_view_get_text_view (self->document_view)));
  if (dossier_document_view_go_to_highlight (self->document_view, forward) != 0)
    return;
  if (self->spans == NULL || self->spans->len == 0)
    dossier_show_toast (GTK_WIDGET (self), _("This document has no highlights yet"), FALSE);
  else
    dossier_show_toast (GTK_WIDGET (self),
                        forward ? _("No further highlight in this document")
                                : _("No earlier highlight in this document"),
                        FALSE);
}

/* ---- Find ----------------------------------------------------------------------- */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierReaderPage *self = DOSSIER_READER_PAGE (widget);

  if (self->document_id != 0)
    dossier_document_view_start_search (self->document_view);
}

void
_dossier_reader_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "reader.apply-tag", "i", apply_tag_action);
  /* The same from the text's menu, where it is greyed without a selection. */
  gtk_widget_class_install_action (widget_class, "reader.tag-with", "i", apply_tag_action);
  gtk_widget_class_install_action (widget_class, "reader.copy", NULL, text_view_action);
  gtk_widget_class_install_action (widget_class, "reader.select-all", NULL, text_view_action);
  gtk_widget_class_install_action (widget_class, "reader.tag-selection", NULL, tag_selection_action);
  gtk_widget_class_install_action (widget_class, "reader.add-evidence", NULL, add_evidence_action);
  gtk_widget_class_install_action (widget_class, "reader.add-selection-evidence", NULL, add_evidence_action);
  gtk_widget_class_install_action (widget_class, "reader.add-highlight-evidence", "x",
                                   add_highlight_evidence_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "reader.add-evidence", NULL);
  gtk_widget_class_install_action (widget_class, "reader.edit-memo", NULL, edit_memo_action);
  gtk_widget_class_install_action (widget_class, "reader.delete-highlight", NULL, delete_highlight_action);
  gtk_widget_class_install_action (widget_class, "reader.edit-highlight-tags", "x", edit_highlight_tags_action);
  gtk_widget_class_install_action (widget_class, "reader.edit-highlight-memo", "x", edit_highlight_memo_action);
  gtk_widget_class_install_action (widget_class, "reader.remove-highlight", "x", remove_highlight_action);
  gtk_widget_class_install_action (widget_class, "reader.remove-highlight-tag", "(xx)", remove_highlight_tag_action);
  gtk_widget_class_install_action (widget_class, "reader.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "reader.describe-caret", NULL, describe_caret_action);
  gtk_widget_class_install_action (widget_class, "reader.next-highlight", NULL, go_to_highlight_action);
  gtk_widget_class_install_action (widget_class, "reader.previous-highlight", NULL, go_to_highlight_action);
  /* Not Ctrl+G, the find bar's next match. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "reader.next-highlight", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, GDK_SHIFT_MASK, "reader.previous-highlight", NULL);

  /* The number keys, Delete and the menu key are bound on the text view
   * (see dossier-reader-page.c); Ctrl+T, Ctrl+M and Ctrl+F are the
   * window's, which passes them on to the page, so that they work with
   * the focus anywhere in the window. */
}
