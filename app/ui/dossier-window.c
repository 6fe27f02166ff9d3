/* dossier-window.c — the main window: holds one project, shows its
 * documents, the reading view, the codebook, highlights and search, and
 * turns the project's changes into repaints.
 *
 * The win.* actions (tagging, import, undo, export, …) live in
 * dossier-window-actions.c; both share dossier-window-private.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-application.h"
#include "dossier-codebook-panel.h"
#include "dossier-highlights-panel.h"
#include "dossier-search-panel.h"
#include "dossier-tag-picker.h"
#include "dossier-window-private.h"

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

/* How a tag paints: its colour parsed once, its name ready for labels and
 * tooltips. Rebuilt only when the codebook changes, so that repainting a
 * document's highlights costs one pass over them. */
typedef struct
{
  GdkRGBA  color;
  char    *name;
  char    *markup_name;
} TagStyle;

static void
tag_style_free (gpointer data)
{
  TagStyle *style = data;

  g_free (style->name);
  g_free (style->markup_name);
  g_free (style);
}

static void
schedule_respan (DossierWindow *self);

/* ---- Tag styles --------------------------------------------------------- */

static void
on_tag_notify (DossierWindow *self,
               GParamSpec    *pspec,
               DossierTag    *tag)
{
  if (g_strcmp0 (pspec->name, "color") != 0 && g_strcmp0 (pspec->name, "name") != 0)
    return;

  self->tag_styles_valid = FALSE;
  schedule_respan (self);
}

static void
watch_tags (DossierWindow *self,
            GListModel    *tags,
            guint          position,
            guint          n_items)
{
  for (guint i = position; i < position + n_items; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);

      /* A tag moved in the tree comes back as the same object: connect once. */
      if (g_signal_handler_find (tag, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                                 0, 0, NULL, on_tag_notify, self) == 0)
        g_signal_connect_object (tag, "notify", G_CALLBACK (on_tag_notify), self,
                                 G_CONNECT_SWAPPED);
    }
}

static void
on_tags_items_changed (DossierWindow *self,
                       guint          position,
                       guint          removed,
                       guint          added,
                       GListModel    *tags)
{
  watch_tags (self, tags, position, added);
  self->tag_styles_valid = FALSE;
  schedule_respan (self);
  _dossier_window_update_actions (self);
}

static void
ensure_tag_styles (DossierWindow *self)
{
  GListModel *tags;
  guint n;

  if (self->tag_styles_valid)
    return;

  g_hash_table_remove_all (self->tag_styles);
  self->tag_styles_valid = TRUE;
  if (self->project == NULL)
    return;

  tags = dossier_project_get_tags (self->project);
  n = g_list_model_get_n_items (tags);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierTag) tag = g_list_model_get_item (tags, i);
      TagStyle *style = g_new0 (TagStyle, 1);

      if (!gdk_rgba_parse (&style->color, dossier_tag_get_color (tag)))
        style->color = (GdkRGBA) { 0.6, 0.6, 0.6, 1.0 };
      style->name = g_strdup (dossier_tag_get_name (tag));
      style->markup_name = g_markup_escape_text (style->name, -1);
      g_hash_table_insert (self->tag_styles, GSIZE_TO_POINTER ((gsize) dossier_tag_get_id (tag)), style);
    }
}

static TagStyle *
lookup_tag_style (DossierWindow *self,
                  gint64         tag_id)
{
  return g_hash_table_lookup (self->tag_styles, GSIZE_TO_POINTER ((gsize) tag_id));
}

/* ---- Highlights → spans of the view --------------------------------------- */

/* Memos can be long; the tooltip shows their beginning. */
#define TOOLTIP_MEMO_CHARS 280

/* Fills @span from @hl: colour of its first tag, tag names as label, tags
 * and the memo's beginning as tooltip markup; strings go to @chunk. */
static void
fill_span (DossierWindow        *self,
           DossierHighlight     *hl,
           DossierViewHighlight *span,
           GStringChunk         *chunk,
           GString              *label,
           GString              *tooltip)
{
  const gint64 *tag_ids;
  const char *memo;
  guint n_tags = 0;

  tag_ids = dossier_highlight_get_tag_ids (hl, &n_tags);
  g_string_truncate (label, 0);
  g_string_assign (tooltip, "<b>");
  *span = (DossierViewHighlight) { 0 };
  span->color = (GdkRGBA) { 0.6, 0.6, 0.6, 1.0 };

  for (guint t = 0; t < n_tags; t++)
    {
      TagStyle *style = lookup_tag_style (self, tag_ids[t]);

      if (style == NULL)
        continue;
      if (label->len > 0)
        {
          g_string_append (label, ", ");
          g_string_append (tooltip, ", ");
        }
      else
        span->color = style->color;
      g_string_append (label, style->name);
      g_string_append (tooltip, style->markup_name);
    }
  g_string_append (tooltip, "</b>");

  memo = dossier_highlight_get_memo (hl);
  if (memo != NULL && memo[0] != '\0')
    {
      g_autofree char *escaped = NULL;
      const char *cut = memo;
      guint k;

      for (k = 0; k < TOOLTIP_MEMO_CHARS && *cut != '\0'; k++)
        cut = g_utf8_next_char (cut);
      escaped = g_markup_escape_text (memo, cut - memo);
      g_string_append_c (tooltip, '\n');
      g_string_append (tooltip, escaped);
      if (*cut != '\0')
        g_string_append (tooltip, "…");
    }

  span->id = dossier_highlight_get_id (hl);
  span->start = dossier_highlight_get_start (hl);
  span->end = dossier_highlight_get_end (hl);
  span->label = g_string_chunk_insert_len (chunk, label->str, label->len);
  span->tooltip = g_string_chunk_insert_len (chunk, tooltip->str, tooltip->len);
}

/* Hands the window's spans to the view and indexes their lengths. */
static void
push_spans (DossierWindow *self)
{
  g_hash_table_remove_all (self->span_lengths);
  for (guint i = 0; i < self->spans->len; i++)
    {
      const DossierViewHighlight *span = &g_array_index (self->spans, DossierViewHighlight, i);

      g_hash_table_insert (self->span_lengths, GSIZE_TO_POINTER ((gsize) span->id),
                           GSIZE_TO_POINTER ((gsize) (span->end - span->start)));
    }
  dossier_document_view_set_highlights (self->document_view,
                                        (const DossierViewHighlight *) (gpointer) self->spans->data,
                                        self->spans->len);
  _dossier_window_update_actions (self);
}

static void
clear_spans (DossierWindow *self)
{
  g_array_set_size (self->spans, 0);
  g_clear_pointer (&self->span_strings, g_string_chunk_free);
  self->span_strings_unused = 0;
}

void
_dossier_window_rebuild_highlights (DossierWindow *self)
{
  g_autoptr(GPtrArray) highlights = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) label = NULL;
  g_autoptr(GString) tooltip = NULL;

  g_clear_handle_id (&self->respan_idle_id, g_source_remove);

  if (self->project == NULL || self->document_id == 0)
    {
      clear_spans (self);
      push_spans (self);
      return;
    }

  highlights = dossier_project_list_highlights (self->project, self->document_id, 0, &error);
  if (highlights == NULL)
    {
      g_warning ("Could not list the highlights of document %" G_GINT64_FORMAT ": %s",
                 self->document_id, error->message);
      return;
    }

  ensure_tag_styles (self);

  clear_spans (self);
  g_array_set_size (self->spans, highlights->len);
  self->span_strings = g_string_chunk_new (64 * (gsize) MAX (highlights->len, 1));
  label = g_string_new (NULL);
  tooltip = g_string_new (NULL);

  for (guint i = 0; i < highlights->len; i++)
    fill_span (self, g_ptr_array_index (highlights, i),
               &g_array_index (self->spans, DossierViewHighlight, i),
               self->span_strings, label, tooltip);

  push_spans (self);
}

/* Changes the window makes itself touch only the highlights that overlap
 * or touch one range of the shown document (tagging merges exactly those)
 * plus the one the action returns. Between begin and end, the project's
 * "highlights-changed" for that document is taken as this change: at the
 * end, those highlights alone are read again and patched into the spans,
 * instead of listing every highlight of the document (tens of
 * milliseconds for thousands: a keypress would miss its frame). Anything
 * else that changes meanwhile, or a respan already pending, falls back to
 * listing them all. */
void
_dossier_window_begin_local_change (DossierWindow *self,
                                    gint64         start,
                                    gint64         end)
{
  self->local_change = self->project != NULL && self->document_id != 0 && self->respan_idle_id == 0;
  self->local_start = start;
  self->local_end = end;
  self->local_seen = FALSE;
}

static gboolean
patch_spans (DossierWindow *self,
             gint64         extra_id)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) label = g_string_new (NULL);
  g_autoptr(GString) tooltip = g_string_new (NULL);
  guint kept = 0;

  ensure_tag_styles (self);
  if (self->span_strings == NULL)
    self->span_strings = g_string_chunk_new (4096);

  /* Out go the spans in reach of the change; each is read again below. */
  for (guint i = 0; i < self->spans->len; i++)
    {
      DossierViewHighlight *span = &g_array_index (self->spans, DossierViewHighlight, i);

      if (span->start <= self->local_end && span->end >= self->local_start)
        {
          g_array_append_val (ids, span->id);
          self->span_strings_unused += strlen (span->label) + strlen (span->tooltip) + 2;
        }
      else
        {
          if (kept != i)
            g_array_index (self->spans, DossierViewHighlight, kept) = *span;
          kept++;
        }
    }
  g_array_set_size (self->spans, kept);
  if (extra_id > 0)
    g_array_append_val (ids, extra_id);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(DossierHighlight) hl = NULL;
      g_autoptr(GError) error = NULL;
      DossierViewHighlight span;
      gboolean twice = FALSE;

      for (guint j = 0; j < i && !twice; j++)
        twice = g_array_index (ids, gint64, j) == id;
      if (twice)
        continue;

      hl = dossier_project_get_highlight (self->project, id, &error);
      if (hl == NULL)
        {
          /* Merged into another, or removed: gone from the spans too. */
          if (g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOT_FOUND))
            continue;
          return FALSE;
        }
      if (dossier_highlight_get_document_id (hl) != self->document_id
          || dossier_highlight_get_orphaned (hl))
        continue;
      fill_span (self, hl, &span, self->span_strings, label, tooltip);
      g_array_append_val (self->spans, span);
    }

  /* Patched strings pile up in the chunk: start afresh now and then. */
  if (self->span_strings_unused > 1024 * 1024)
    return FALSE;

  push_spans (self);
  return TRUE;
}

void
_dossier_window_end_local_change (DossierWindow *self,
                                  gint64         result_id)
{
  gboolean seen = self->local_change && self->local_seen;

  self->local_change = FALSE;
  if (!seen)
    return;
  if (!patch_spans (self, result_id))
    _dossier_window_rebuild_highlights (self);
}

static gboolean
respan_idle (gpointer data)
{
  DossierWindow *self = data;

  self->respan_idle_id = 0;
  _dossier_window_rebuild_highlights (self);
  return G_SOURCE_REMOVE;
}

/* Codebook edits can come in bursts (a merge renames and recolours many
 * tags): repaint once after them. */
static void
schedule_respan (DossierWindow *self)
{
  if (self->respan_idle_id == 0 && self->document_id != 0)
    self->respan_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, respan_idle, self, NULL);
}

/* ---- Project -------------------------------------------------------------- */

static void
update_title (DossierWindow *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *subtitle = NULL;
  const char *title;

  if (self->project == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Dossier"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Dossier"));
      return;
    }

  title = dossier_project_get_title (self->project);
  if (title == NULL || title[0] == '\0')
    title = _("Untitled Project");
  basename = g_path_get_basename (dossier_project_get_path (self->project));
  if (dossier_project_get_read_only (self->project))
    /* Translators: the window subtitle: a project's file name */
    subtitle = g_strdup_printf (_("%s (read-only)"), basename);
  else
    subtitle = g_steal_pointer (&basename);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Setting a tooltip asks the X server where the pointer is: Undo and Redo
 * are told of every action up to four times, so only a new text is set. */
static void
set_tooltip_if_changed (GtkWidget  *widget,
                        const char *text)
{
  const char *current = gtk_widget_get_tooltip_text (widget);

  if (g_strcmp0 (current, text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
update_undo_redo (DossierWindow *self)
{
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  if (self->project != NULL && dossier_project_get_can_undo (self->project)
      && dossier_project_get_undo_label (self->project) != NULL)
    /* Translators: tooltip of the Undo button, e.g. "Undo Tag “Risks”" */
    undo_tip = g_strdup_printf (_("Undo %s"), dossier_project_get_undo_label (self->project));
  if (self->project != NULL && dossier_project_get_can_redo (self->project)
      && dossier_project_get_redo_label (self->project) != NULL)
    /* Translators: tooltip of the Redo button, e.g. "Redo Tag “Risks”" */
    redo_tip = g_strdup_printf (_("Redo %s"), dossier_project_get_redo_label (self->project));

  set_tooltip_if_changed (GTK_WIDGET (self->undo_button), undo_tip ? undo_tip : _("Undo"));
  set_tooltip_if_changed (GTK_WIDGET (self->redo_button), redo_tip ? redo_tip : _("Redo"));
  _dossier_window_update_actions (self);
}

static void
on_project_highlights_changed (DossierWindow  *self,
                               gint64          document_id,
                               DossierProject *project)
{
  /* The window's own change, patched in when it is done. */
  if (self->local_change && document_id == self->document_id && self->respan_idle_id == 0)
    {
      self->local_seen = TRUE;
      return;
    }
  if (self->local_change && (document_id == self->document_id || document_id == 0))
    self->local_change = FALSE;

  /* Once per burst of changes (an autocode, a tag merge), before the next
   * frame is drawn. */
  if ((document_id == self->document_id || document_id == 0) && self->document_id != 0
      && self->respan_idle_id == 0)
    self->respan_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, respan_idle, self, NULL);
}

static void
load_document_text (DossierWindow *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) blocks = NULL;
  g_autoptr(GError) error = NULL;

  text = dossier_project_get_document_text (self->project, self->document_id, &error);
  if (text != NULL)
    blocks = dossier_project_get_document_blocks (self->project, self->document_id, &error);
  if (text == NULL || blocks == NULL)
    {
      _dossier_window_report_error (self, _("Could not show the document"), error);
      dossier_document_view_set_text (self->document_view, "", NULL, 0);
      return;
    }

  dossier_document_view_set_text (self->document_view, text,
                                  (const DossierBlock *) (gpointer) blocks->data, blocks->len);
}

static void
on_project_document_text_changed (DossierWindow  *self,
                                  gint64          document_id,
                                  DossierProject *project)
{
  if (document_id != self->document_id)
    return;

  load_document_text (self);
  _dossier_window_rebuild_highlights (self);
}

static void
on_documents_items_changed (DossierWindow *self,
                            guint          position,
                            guint          removed,
                            guint          added,
                            GListModel    *documents)
{
  /* The document on show was deleted. The list itself is asked, not the
   * project's lookup, which may not know yet while the list changes. */
  if (self->document_id != 0 && removed > 0)
    {
      guint n = g_list_model_get_n_items (documents);
      gboolean present = FALSE;

      for (guint i = 0; i < n && !present; i++)
        {
          g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, i);

          present = dossier_document_get_id (doc) == self->document_id;
        }
      if (!present)
        dossier_window_open_document (self, 0);
    }

  /* The first import into an empty project: show it. */
  if (self->document_id == 0 && added > 0 && !dossier_window_is_importing (self)
      && g_list_model_get_n_items (documents) == added)
    {
      g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, position);

      dossier_window_open_document (self, dossier_document_get_id (doc));
    }
}

static void
update_highlights_panel (DossierWindow *self)
{
  gint64 tag_id = 0;

  if (self->codebook_panel != NULL)
    tag_id = dossier_codebook_panel_get_selected_tag_id (DOSSIER_CODEBOOK_PANEL (self->codebook_panel));

  /* A tag chosen in the codebook shows its highlights across documents;
   * otherwise the panel follows the document on show. */
  g_object_set (self->highlights_panel,
                "document-id", tag_id != 0 ? (gint64) 0 : self->document_id,
                "tag-id", tag_id,
                NULL);
}

static void
apply_author (DossierWindow *self)
{
  g_autofree char *author = NULL;

  if (self->project == NULL || dossier_project_get_read_only (self->project))
    return;

  author = g_settings_get_string (self->settings, "author-name");
  g_strstrip (author);
  dossier_project_set_author (self->project, author[0] != '\0' ? author : g_get_real_name ());
}

void
dossier_window_set_project (DossierWindow  *self,
                            DossierProject *project)
{
  g_autoptr(DossierProject) old = NULL;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (project == NULL || DOSSIER_IS_PROJECT (project));

  if (project == self->project)
    return;

  _dossier_window_import_cancel (self);
  if (self->tag_picker != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->tag_picker));
  if (self->highlight_menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->highlight_menu));

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (dossier_project_get_documents (self->project), self);
      g_signal_handlers_disconnect_by_data (dossier_project_get_tags (self->project), self);
    }

  old = g_steal_pointer (&self->project);
  self->project = project ? g_object_ref (project) : NULL;
  self->document_id = 0;
  self->document_serial++;
  self->tag_styles_valid = FALSE;
  g_signal_group_set_target (self->project_signals, self->project);

  /* Connected before the panels get the project, so that the window moves
   * them off a deleted document before they react to its deletion. */
  if (self->project != NULL)
    {
      GListModel *documents = dossier_project_get_documents (self->project);
      GListModel *tags = dossier_project_get_tags (self->project);

      g_signal_connect_object (documents, "items-changed",
                               G_CALLBACK (on_documents_items_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tags, "items-changed",
                               G_CALLBACK (on_tags_items_changed), self, G_CONNECT_SWAPPED);
      watch_tags (self, tags, 0, g_list_model_get_n_items (tags));
      apply_author (self);
    }

  dossier_documents_panel_set_project (self->documents_panel, self->project);
  g_object_set (self->codebook_panel, "project", self->project, NULL);
  g_object_set (self->highlights_panel, "project", self->project, NULL);
  g_object_set (self->search_panel, "project", self->project, NULL);
  if (self->tag_picker != NULL)
    g_object_set (self->tag_picker, "project", self->project, NULL);

  /* The old project is closed only once nothing shows it any more. */
  if (old != NULL)
    dossier_project_close (old);

  update_title (self);
  update_undo_redo (self);

  if (self->project != NULL && g_list_model_get_n_items (dossier_project_get_documents (self->project)) > 0)
    {
      g_autoptr(DossierDocument) first =
        g_list_model_get_item (dossier_project_get_documents (self->project), 0);

      dossier_window_open_document (self, dossier_document_get_id (first));
    }
  else
    dossier_window_open_document (self, 0);
}

DossierProject *
dossier_window_get_project (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->project;
}

gboolean
dossier_window_open_project (DossierWindow     *self,
                             GFile             *file,
                             DossierOpenFlags   flags,
                             GError           **error)
{
  g_autoptr(DossierProject) project = NULL;
  g_autofree char *path = NULL;
  gboolean reopen_on_failure = FALSE;
  gboolean was_read_only = FALSE;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_IO,
                   _("“%s” is not a local file. Copy it to this computer first."), uri);
      return FALSE;
    }

  /* Opening the project already on show again would lock ourselves out:
   * it is closed first, and reopened as it was if the new way fails. */
  if (self->project != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (dossier_project_get_path (self->project));

      if (g_file_equal (current, file))
        {
          if (((flags & DOSSIER_OPEN_READ_ONLY) != 0) == dossier_project_get_read_only (self->project))
            return TRUE;
          was_read_only = dossier_project_get_read_only (self->project);
          reopen_on_failure = TRUE;
          dossier_window_set_project (self, NULL);
        }
    }

  project = dossier_project_open (path, flags, error);
  if (project == NULL)
    {
      if (reopen_on_failure)
        {
          g_autoptr(DossierProject) again =
            dossier_project_open (path, was_read_only ? DOSSIER_OPEN_READ_ONLY : DOSSIER_OPEN_READ_WRITE, NULL);

          if (again != NULL)
            dossier_window_set_project (self, again);
        }
      return FALSE;
    }

  dossier_window_set_project (self, project);
  dossier_application_add_recent (self->settings, path);
  return TRUE;
}

typedef struct
{
  DossierWindow *self;
  GFile         *file;
} OpenReadOnlyData;

static void
open_read_only_data_free (gpointer data)
{
  OpenReadOnlyData *d = data;

  g_object_unref (d->self);
  g_object_unref (d->file);
  g_free (d);
}

static void
on_open_error_response (AdwMessageDialog *dialog,
                        const char       *response,
                        OpenReadOnlyData *d)
{
  if (g_strcmp0 (response, "read-only") == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!dossier_window_open_project (d->self, d->file, DOSSIER_OPEN_READ_ONLY, &error))
        {
          g_autofree char *name = g_file_get_basename (d->file);
          g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

          _dossier_window_show_error_dialog (d->self, heading, error->message);
        }
    }
}

void
dossier_window_open_project_interactive (DossierWindow *self,
                                         GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  OpenReadOnlyData *d;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (dossier_window_open_project (self, file, DOSSIER_OPEN_READ_WRITE, &error))
    return;

  name = g_file_get_basename (file);
  if (g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED))
    heading = g_strdup_printf (_("“%s” Is Open Elsewhere"), name);
  else
    heading = g_strdup_printf (_("Could Not Open “%s”"), name);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");

  if (g_error_matches (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_LOCKED))
    {
      /* Another Dossier writes it: looking is safe, writing is not. */
      adw_message_dialog_add_response (dialog, "read-only", _("Open _Read-Only"));
      adw_message_dialog_set_response_appearance (dialog, "read-only", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "read-only");
      d = g_new0 (OpenReadOnlyData, 1);
      d->self = g_object_ref (self);
      d->file = g_object_ref (file);
      g_signal_connect_data (dialog, "response", G_CALLBACK (on_open_error_response), d,
                             (GClosureNotify) (void (*) (void)) open_read_only_data_free, 0);
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Documents -------------------------------------------------------------- */

void
dossier_window_open_document (DossierWindow *self,
                              gint64         document_id)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  if (self->project == NULL)
    document_id = 0;
  else if (document_id != 0 && dossier_project_get_document (self->project, document_id) == NULL)
    document_id = 0;

  if (document_id == self->document_id && document_id != 0)
    return;

  self->document_id = document_id;
  self->document_serial++;
  gtk_widget_set_visible (GTK_WIDGET (self->tag_selection_button), FALSE);

  if (document_id == 0)
    {
      dossier_document_view_set_text (self->document_view, "", NULL, 0);
      clear_spans (self);
      push_spans (self);
      gtk_stack_set_visible_child_name (self->center_stack,
                                        self->project != NULL ? "no-document" : "no-project");
    }
  else
    {
      load_document_text (self);
      _dossier_window_rebuild_highlights (self);
      gtk_stack_set_visible_child_name (self->center_stack, "document");
    }

  dossier_documents_panel_select_document (self->documents_panel, document_id);
  update_highlights_panel (self);
  _dossier_window_update_actions (self);
}

gint64
dossier_window_get_document_id (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), 0);

  return self->document_id;
}

DossierDocumentView *
dossier_window_get_document_view (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->document_view;
}

gint64
dossier_window_get_tag_slot (DossierWindow *self,
                             guint          slot)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), 0);

  if (self->project == NULL || slot < 1 || slot > DOSSIER_CODEBOOK_N_SLOTS)
    return 0;

  return dossier_codebook_slot_tag (self->project, slot);
}

gboolean
_dossier_window_view_has_selection (DossierWindow *self,
                                    gint64        *start,
                                    gint64        *end)
{
  gint64 s = 0, e = 0;

  if (self->project == NULL || self->document_id == 0)
    return FALSE;
  if (!dossier_document_view_get_selection (self->document_view, &s, &e) || s >= e)
    return FALSE;

  if (start != NULL)
    *start = s;
  if (end != NULL)
    *end = e;
  return TRUE;
}

static void
focus_view (DossierWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (dossier_document_view_get_text_view (self->document_view)));
}

/* Switching documents clears the view's selection, which gives the PRIMARY
 * selection up; selecting the new range at once claims it again. GTK 4.8 on
 * X11 stamps both with the server's millisecond, and when they share one it
 * takes the late notice of the give-up for another program's claim and
 * drops the new selection (a search hit in another document showed its
 * passage selected, then not). Handing PRIMARY the old selection's text
 * first (which X users expect to stay there anyway) means the view never
 * gives it up in between: only claims follow each other. */
static void
keep_primary_across_switch (DossierWindow *self)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (self->document_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkClipboard *primary = gtk_widget_get_primary_clipboard (GTK_WIDGET (text_view));
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (!gdk_clipboard_is_local (primary)
      || !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;

  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gdk_clipboard_set_text (primary, text);
}

/* Shows [start, end) of a document: opens it, selects the range, scrolls. */
static void
reveal_range (DossierWindow *self,
              gint64         document_id,
              gint64         start,
              gint64         end)
{
  if (document_id != self->document_id)
    keep_primary_across_switch (self);
  dossier_window_open_document (self, document_id);
  if (self->document_id != document_id || document_id == 0)
    return;

  dossier_document_view_select_range (self->document_view, start, end);
  dossier_document_view_scroll_to (self->document_view, start);
  focus_view (self);
}

/* ---- Template callbacks ----------------------------------------------------- */

static void
on_document_selected (DossierWindow *self,
                      gint64         document_id)
{
  dossier_window_open_document (self, document_id);
}

static void
on_document_activated (DossierWindow *self,
                       gint64         document_id)
{
  dossier_window_open_document (self, document_id);
  if (self->document_id != 0)
    focus_view (self);
}

static void
on_codebook_selected_tag (DossierWindow *self)
{
  gint64 tag_id = dossier_codebook_panel_get_selected_tag_id (DOSSIER_CODEBOOK_PANEL (self->codebook_panel));

  update_highlights_panel (self);
  if (tag_id != 0)
    adw_view_stack_set_visible_child_name (self->right_stack, "highlights");
}

static void
on_panel_highlight_activated (DossierWindow *self,
                              gint64         document_id,
                              gint64         highlight_id)
{
  g_autoptr(DossierHighlight) hl = NULL;
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;

  hl = dossier_project_get_highlight (self->project, highlight_id, &error);
  if (hl == NULL)
    {
      _dossier_window_report_error (self, _("Could not show the highlight"), error);
      return;
    }

  reveal_range (self, dossier_highlight_get_document_id (hl),
                dossier_highlight_get_start (hl), dossier_highlight_get_end (hl));
}

static void
on_search_hit_activated (DossierWindow *self,
                         gint64         document_id,
                         gint64         start,
                         gint64         end)
{
  reveal_range (self, document_id, start, end);
}

static void
on_view_highlight_activated (DossierWindow       *self,
                             gint64               highlight_id,
                             DossierDocumentView *view)
{
  on_panel_highlight_activated (self, self->document_id, highlight_id);
}

static void
on_view_highlight_menu (DossierWindow       *self,
                        gint64               highlight_id,
                        double               x,
                        double               y,
                        DossierDocumentView *view)
{
  _dossier_window_popup_highlight_menu (self, highlight_id, x, y);
}

/* Where the "Tag…" button goes: just below the end of the selection, or
 * above its start when there is no room below, kept inside the view.
 * Returns FALSE when the selection is scrolled away. */
static gboolean
compute_tag_button_position (DossierWindow *self,
                             double        *x,
                             double        *below_y,
                             double        *above_y)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (self->document_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkRectangle end_rect, start_rect;
  GtkTextIter iter;
  gint64 start, end;
  double sx, sy;
  int wx, wy;

  if (!_dossier_window_view_has_selection (self, &start, &end))
    return FALSE;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) end);
  gtk_text_view_get_iter_location (text_view, &iter, &end_rect);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) start);
  gtk_text_view_get_iter_location (text_view, &iter, &start_rect);

  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         end_rect.x, end_rect.y + end_rect.height, &wx, &wy);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (text_view), GTK_WIDGET (self->view_overlay),
                                         wx, wy, x, below_y))
    return FALSE;
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         start_rect.x, start_rect.y, &wx, &wy);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (text_view), GTK_WIDGET (self->view_overlay),
                                         wx, wy, &sx, &sy))
    return FALSE;
  *above_y = sy;

  /* Some of the selection must be on screen. */
  return *below_y >= 0 && sy <= gtk_widget_get_height (GTK_WIDGET (self->view_overlay));
}

static gboolean
on_view_overlay_child_position (DossierWindow *self,
                                GtkWidget     *widget,
                                GdkRectangle  *allocation,
                                GtkOverlay    *overlay)
{
  int width = gtk_widget_get_width (GTK_WIDGET (overlay));
  int height = gtk_widget_get_height (GTK_WIDGET (overlay));
  int min_w, nat_w, min_h, nat_h;
  double x = 0, below = 0, above = 0, y;

  if (widget != GTK_WIDGET (self->tag_selection_button))
    return FALSE;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, nat_w, &min_h, &nat_h, NULL, NULL);
  if (!compute_tag_button_position (self, &x, &below, &above))
    {
      x = width - nat_w - 12;
      below = above = 12;
    }

  if (below + 6 + nat_h <= height - 6)
    y = below + 6;
  else
    y = above - 6 - nat_h;

  allocation->width = nat_w;
  allocation->height = nat_h;
  allocation->x = CLAMP ((int) x - nat_w / 2, 6, MAX (6, width - nat_w - 18));
  allocation->y = CLAMP ((int) y, 6, MAX (6, height - nat_h - 6));
  return TRUE;
}

static void
update_tag_button (DossierWindow *self)
{
  double x, below, above;
  gboolean show;

  show = self->project != NULL
         && !dossier_project_get_read_only (self->project)
         && compute_tag_button_position (self, &x, &below, &above)
         && (self->tag_picker == NULL || !gtk_widget_get_visible (self->tag_picker));

  gtk_widget_set_visible (GTK_WIDGET (self->tag_selection_button), show);
  if (show)
    gtk_widget_queue_allocate (GTK_WIDGET (self->view_overlay));
}

static void
on_view_selection_changed (DossierWindow       *self,
                           DossierDocumentView *view)
{
  update_tag_button (self);
  _dossier_window_update_actions (self);
}

static void
on_view_scrolled (DossierWindow *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->tag_selection_button))
      || _dossier_window_view_has_selection (self, NULL, NULL))
    update_tag_button (self);
}

static void
on_search_button_toggled (DossierWindow   *self,
                          GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    {
      adw_view_stack_set_visible_child_name (self->right_stack, "search");
      dossier_search_panel_focus_entry (DOSSIER_SEARCH_PANEL (self->search_panel));
    }
  else if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->right_stack), "search") == 0)
    adw_view_stack_set_visible_child_name (self->right_stack, "highlights");
}

static void
on_right_stack_visible_child (DossierWindow *self)
{
  gboolean search = g_strcmp0 (adw_view_stack_get_visible_child_name (self->right_stack), "search") == 0;

  if (gtk_toggle_button_get_active (self->search_button) != search)
    gtk_toggle_button_set_active (self->search_button, search);
}

/* The right sidebar's width is what is remembered; GtkPaned counts from
 * the left, so its position is set once the paned knows its width. */
static void
on_inner_paned_max_position (DossierWindow *self)
{
  int max_position;
  int width;
  int right;

  g_object_get (self->inner_paned, "max-position", &max_position, NULL);
  width = gtk_widget_get_width (GTK_WIDGET (self->inner_paned));
  if (self->right_width_restored || width <= 0 || max_position <= 0 || max_position == G_MAXINT)
    return;

  right = g_settings_get_int (self->settings, "right-sidebar-width");
  gtk_paned_set_position (self->inner_paned, CLAMP (width - right, 0, max_position));
  self->right_width_restored = TRUE;
}

/* ---- Drag and drop -------------------------------------------------------- */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DossierWindow *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GdkFileList *list;
  GSList *l;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->project == NULL)
    return FALSE;

  list = g_value_get_boxed (value);
  for (l = gdk_file_list_get_files (list); l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;

  dossier_window_import_files (self, (GFile **) files->pdata, files->len);
  return TRUE;
}

/* ---- Keys of the document view ---------------------------------------------- */

/* Digits, Delete and the menu key act on the document view only while its
 * text has the focus (not its search bar, not another pane), so they are
 * caught here before the text view sees them. */
static gboolean
on_view_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     DossierWindow         *self)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (self->document_view);
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  guint slot = 0;

  /* is_focus, not has_focus: the key arrived, so the window is active. */
  if (!gtk_widget_is_focus (GTK_WIDGET (text_view)))
    return FALSE;

  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    slot = keyval - GDK_KEY_1 + 1;
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    slot = keyval - GDK_KEY_KP_1 + 1;

  if (slot != 0 && (mods & ~GDK_SHIFT_MASK) == 0)
    {
      if (!_dossier_window_view_has_selection (self, NULL, NULL))
        return FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.apply-tag", "i", (int) slot);
      return TRUE;
    }

  if ((keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete) && mods == 0)
    {
      if (_dossier_window_highlight_at_caret (self) == 0)
        return FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-highlight", NULL);
      return TRUE;
    }

  if (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && mods == GDK_SHIFT_MASK))
    {
      gint64 id = _dossier_window_highlight_at_caret (self);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
      GdkRectangle rect;
      GtkTextIter iter;
      double x, y;
      int wx, wy;

      if (id == 0)
        return FALSE;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      gtk_text_view_get_iter_location (text_view, &iter, &rect);
      gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                             rect.x, rect.y + rect.height, &wx, &wy);
      if (!gtk_widget_translate_coordinates (GTK_WIDGET (text_view), GTK_WIDGET (self->document_view),
                                             wx, wy, &x, &y))
        x = y = 0;
      _dossier_window_popup_highlight_menu (self, id, x, y);
      return TRUE;
    }

  return FALSE;
}

/* ---- Settings --------------------------------------------------------------- */

static void
on_author_changed (DossierWindow *self)
{
  apply_author (self);
}

static void
save_window_state (DossierWindow *self)
{
  int width, height;
  int position;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  position = gtk_paned_get_position (self->inner_paned);
  width = gtk_widget_get_width (GTK_WIDGET (self->inner_paned));
  if (self->right_width_restored && width > position)
    g_settings_set_int (self->settings, "right-sidebar-width", width - position);
}

static gboolean
dossier_window_close_request (GtkWindow *window)
{
  DossierWindow *self = DOSSIER_WINDOW (window);

  save_window_state (self);
  return GTK_WINDOW_CLASS (dossier_window_parent_class)->close_request (window);
}

/* ---- GObject ------------------------------------------------------------------ */

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  self->disposed = TRUE;
  _dossier_window_import_cancel (self);
  _dossier_window_import_job_free (self);
  g_clear_handle_id (&self->respan_idle_id, g_source_remove);

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (dossier_project_get_documents (self->project), self);
      g_signal_handlers_disconnect_by_data (dossier_project_get_tags (self->project), self);
    }
  if (self->project_signals != NULL)
    g_signal_group_set_target (self->project_signals, NULL);

  g_clear_pointer (&self->tag_picker, gtk_widget_unparent);
  g_clear_pointer (&self->highlight_menu, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);

  if (self->project != NULL)
    dossier_project_close (self->project);
  g_clear_object (&self->project);
  g_clear_object (&self->project_signals);

  G_OBJECT_CLASS (dossier_window_parent_class)->dispose (object);
}

static void
dossier_window_finalize (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  g_clear_pointer (&self->tag_styles, g_hash_table_unref);
  g_clear_pointer (&self->span_lengths, g_hash_table_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->span_strings, g_string_chunk_free);
  g_clear_pointer (&self->last_import_folder, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_window_parent_class)->finalize (object);
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dossier_window_dispose;
  object_class->finalize = dossier_window_finalize;
  window_class->close_request = dossier_window_close_request;

  /* The template names these by type: register them first. */
  g_type_ensure (DOSSIER_TYPE_DOCUMENT);
  g_type_ensure (DOSSIER_TYPE_DOCUMENT_VIEW);
  g_type_ensure (DOSSIER_TYPE_DOCUMENTS_PANEL);
  g_type_ensure (DOSSIER_TYPE_CODEBOOK_PANEL);
  g_type_ensure (DOSSIER_TYPE_HIGHLIGHTS_PANEL);
  g_type_ensure (DOSSIER_TYPE_SEARCH_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/ui/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, sidebar_paned);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, documents_panel);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, codebook_panel);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, center_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, view_box);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, view_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, document_view);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, tag_selection_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, right_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, highlights_panel);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, search_panel);
  gtk_widget_class_bind_template_child_full (widget_class, "recent_menu", FALSE,
                                             G_STRUCT_OFFSET (DossierWindow, recent_menu));

  gtk_widget_class_bind_template_callback (widget_class, on_document_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_document_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_codebook_selected_tag);
  gtk_widget_class_bind_template_callback (widget_class, on_panel_highlight_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_hit_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_view_highlight_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_view_highlight_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_view_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_overlay_child_position);
  gtk_widget_class_bind_template_callback (widget_class, on_search_button_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_right_stack_visible_child);
  gtk_widget_class_bind_template_callback (widget_class, on_inner_paned_max_position);

  _dossier_window_class_init_actions (widget_class);
}

static void
on_text_view_vadjustment (DossierWindow *self)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (self->document_view);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view));

  if (adjustment != NULL
      && g_signal_handler_find (adjustment, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                                0, 0, NULL, on_view_scrolled, self) == 0)
    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_view_scrolled), self,
                             G_CONNECT_SWAPPED);
}

static void
dossier_window_init (DossierWindow *self)
{
  GtkEventController *controller;
  GtkDropTarget *drop;
  GtkTextView *text_view;

  self->settings = g_settings_new (APP_ID);
  self->tag_styles = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, tag_style_free);
  self->span_lengths = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->spans = g_array_new (FALSE, FALSE, sizeof (DossierViewHighlight));

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "left-sidebar-width", self->outer_paned, "position",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "zoom", self->document_view, "zoom", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::author-name",
                           G_CALLBACK (on_author_changed), self, G_CONNECT_SWAPPED);

  self->project_signals = g_signal_group_new (DOSSIER_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "highlights-changed",
                                 G_CALLBACK (on_project_highlights_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "document-text-changed",
                                 G_CALLBACK (on_project_document_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::title",
                                 G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::read-only",
                                 G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::can-undo",
                                 G_CALLBACK (update_undo_redo), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::can-redo",
                                 G_CALLBACK (update_undo_redo), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::undo-label",
                                 G_CALLBACK (update_undo_redo), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "notify::redo-label",
                                 G_CALLBACK (update_undo_redo), self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_view_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->document_view), controller);

  text_view = dossier_document_view_get_text_view (self->document_view);
  g_signal_connect_object (text_view, "notify::vadjustment",
                           G_CALLBACK (on_text_view_vadjustment), self, G_CONNECT_SWAPPED);
  on_text_view_vadjustment (self);

  _dossier_window_update_recent_menu (self);
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (_dossier_window_update_recent_menu), self, G_CONNECT_SWAPPED);

  update_title (self);
  dossier_window_open_document (self, 0);
  update_undo_redo (self);
}

DossierWindow *
dossier_window_new (GtkApplication *application)
{
  return g_object_new (DOSSIER_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
