/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-find-bar.c — in-document search over a GtkTextView's buffer.
 *
 * The text is lower-cased once into an array of code points (see
 * ensure_folded), so that a match is found at its document offset with a
 * memcmp; long texts are scanned in slices between frames.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-find-bar.h"
#include "dossier-widgets-resources.h"

/* Scan in slices of this length at this priority: above the text view's
 * layout validation (125), below redraw (120) so frames still come. */
#define SEARCH_SLICE_USEC  5000
#define SEARCH_PRIORITY    (GDK_PRIORITY_REDRAW + 2)
#define SEARCH_CHUNK       65536   /* chars scanned between time checks */
/* How long the match selected on closing is guarded (see keep_selection). */
#define KEEP_SELECTION_MSEC 1000

typedef struct
{
  gint64 start;
  gint64 end;
} Range;

struct _DossierFindBar
{
  GtkWidget      parent_instance;

  /* Template */
  GtkWidget     *search_bar;
  GtkWidget     *entry;
  GtkWidget     *label;
  GtkWidget     *prev_button;
  GtkWidget     *next_button;

  GtkTextView   *text_view;       /* owns us, directly or not: not a reference */
  GtkTextBuffer *buffer;
  GtkTextTag    *match_tag;
  GtkTextTag    *current_tag;

  GArray        *matches;         /* Range */
  int            current_match;   /* -1: none */
  gint64         shown_start;     /* the match last shown, selected when the */
  gint64         shown_end;       /*   bar closes; -1: none */
  char          *search_text;
  gunichar      *needle;          /* search_text, NFC, lower case */
  glong          needle_len;
  gunichar      *folded;          /* the text, lower case, one per code point */
  GArray        *cuts;            /* DossierLineCut: the buffer's '\n' that are other
                                  * characters of the text */
  gint64         length;          /* of folded, in code points */
  gint64         search_offset;   /* where the next slice resumes */
  gint64         search_origin;   /* the first match at or after is current */
  guint          search_id;

  GdkClipboard  *primary;         /* watched while kept_* guard a selection */
  gulong         primary_id;
  guint          keep_id;
  gint64         kept_start;
  gint64         kept_end;
};

G_DEFINE_FINAL_TYPE (DossierFindBar, dossier_find_bar, GTK_TYPE_WIDGET)

static void
iter_at (DossierFindBar *self,
         GtkTextIter    *iter,
         gint64          offset)
{
  gtk_text_buffer_get_iter_at_offset (self->buffer, iter,
                                      (int) CLAMP (offset, 0, gtk_text_buffer_get_char_count (self->buffer)));
}

/* Match tags draw over every other tag (highlight colours come and go):
 * keep them on top. */
static void
raise_tags (DossierFindBar *self)
{
  int size = gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (self->buffer));

  gtk_text_tag_set_priority (self->match_tag, size - 2);
  gtk_text_tag_set_priority (self->current_tag, size - 1);
}

static void
update_label (DossierFindBar *self)
{
  g_autofree char *text = NULL;
  gboolean searching = self->search_id != 0;

  if (self->search_text == NULL)
    text = g_strdup ("");
  else if (self->matches->len == 0)
    text = g_strdup (searching ? _("Searching…") : _("No matches"));
  else if (self->current_match < 0)
    /* Translators: the number of matches of an in-document search. */
    text = g_strdup_printf (ngettext ("%u match", "%u matches", self->matches->len),
                            self->matches->len);
  else
    /* Translators: "3 of 12": the current match and the number of matches. */
    text = g_strdup_printf (_("%d of %u"), self->current_match + 1, self->matches->len);

  gtk_label_set_text (GTK_LABEL (self->label), text);
  gtk_widget_set_sensitive (self->prev_button, self->matches->len > 0);
  gtk_widget_set_sensitive (self->next_button, self->matches->len > 0);
}

static gboolean
entry_has_focus (DossierFindBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == self->entry || gtk_widget_is_ancestor (focus, self->entry));
}

static void
set_current_match (DossierFindBar *self,
                   int             index,
                   gboolean        select)
{
  GtkTextIter s, e;
  const Range *r;

  if (self->current_match >= 0 && (guint) self->current_match < self->matches->len)
    {
      r = &g_array_index (self->matches, Range, self->current_match);
      iter_at (self, &s, r->start);
      iter_at (self, &e, r->end);
      gtk_text_buffer_remove_tag (self->buffer, self->current_tag, &s, &e);
    }

  self->current_match = index;
  if (index < 0 || (guint) index >= self->matches->len)
    {
      update_label (self);
      return;
    }

  r = &g_array_index (self->matches, Range, index);
  iter_at (self, &s, r->start);
  iter_at (self, &e, r->end);
  gtk_text_buffer_apply_tag (self->buffer, self->current_tag, &s, &e);
  self->shown_start = r->start;
  self->shown_end = r->end;
  /* The first match found while the user types is only shown: selecting it
   * would take the PRIMARY selection from the search entry, whose own
   * selection (a pre-filled query) would then no longer be replaced by
   * typing. Next/previous select; closing the bar selects the match too. */
  if (select || !entry_has_focus (self))
    gtk_text_buffer_select_range (self->buffer, &e, &s);
  else
    gtk_text_buffer_place_cursor (self->buffer, &s);
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (self->buffer),
                                0.2, FALSE, 0, 0);
  update_label (self);
}

static void
clear_matches (DossierFindBar *self)
{
  GtkTextIter start, end;

  g_clear_handle_id (&self->search_id, g_source_remove);
  if (self->matches->len > 0)
    {
      gtk_text_buffer_get_bounds (self->buffer, &start, &end);
      gtk_text_buffer_remove_tag (self->buffer, self->match_tag, &start, &end);
      gtk_text_buffer_remove_tag (self->buffer, self->current_tag, &start, &end);
    }
  g_array_set_size (self->matches, 0);
  self->current_match = -1;
}

static void
cancel_search (DossierFindBar *self)
{
  clear_matches (self);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->needle, g_free);
  update_label (self);
}

/* The text in lower case, one code point per code point, so that a match
 * is found at its document offset directly. (gtk_text_iter_forward_search
 * casefolds the rest of the line on every call: quadratic on the long
 * paragraphs of a big document.) Lower-casing keeps accents: "école"
 * finds "ÉCOLE", not "Ecole", as GTK's case-insensitive search does. */
static void
ensure_folded (DossierFindBar *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  const char *p;
  gint64 i = 0;

  if (self->folded != NULL)
    return;

  self->length = gtk_text_buffer_get_char_count (self->buffer);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  self->folded = g_new (gunichar, self->length + 1);
  for (p = text; *p != '\0' && i < self->length; p = g_utf8_next_char (p))
    self->folded[i++] = g_unichar_tolower (g_utf8_get_char (p));
  self->folded[i] = 0;
  for (guint k = 0; k < self->cuts->len; k++)
    {
      const DossierLineCut *cut = &g_array_index (self->cuts, DossierLineCut, k);

      if (cut->offset >= 0 && cut->offset < i)
        self->folded[cut->offset] = g_unichar_tolower (cut->ch);
    }
}

/* Finds matches for up to a slice of time; returns whether it is done. */
static gboolean
search_some (DossierFindBar *self,
             gint64          budget)
{
  gint64 deadline = g_get_monotonic_time () + budget;
  gunichar first = self->needle[0];
  gint64 i = self->search_offset;
  GtkTextIter ms, me;
  gint64 last;

  ensure_folded (self);
  last = self->length - self->needle_len;

  while (i <= last && g_get_monotonic_time () < deadline)
    {
      gint64 stop = MIN (last + 1, i + SEARCH_CHUNK);

      for (; i < stop; i++)
        {
          Range r;

          if (self->folded[i] != first
              || memcmp (self->folded + i, self->needle, self->needle_len * sizeof (gunichar)) != 0)
            continue;

          r.start = i;
          r.end = i + self->needle_len;
          iter_at (self, &ms, r.start);
          iter_at (self, &me, r.end);
          gtk_text_buffer_apply_tag (self->buffer, self->match_tag, &ms, &me);
          g_array_append_val (self->matches, r);
          if (self->current_match < 0 && r.start >= self->search_origin)
            set_current_match (self, self->matches->len - 1, FALSE);
          i = r.end - 1;
        }
    }
  self->search_offset = i;

  if (i <= last)
    return FALSE;

  self->search_id = 0;
  /* Nothing after the caret: wrap to the first. */
  if (self->current_match < 0 && self->matches->len > 0)
    set_current_match (self, 0, FALSE);
  return TRUE;
}

static gboolean
search_idle (gpointer data)
{
  DossierFindBar *self = data;

  if (search_some (self, SEARCH_SLICE_USEC))
    {
      update_label (self);
      return G_SOURCE_REMOVE;
    }
  update_label (self);
  return G_SOURCE_CONTINUE;
}

static void
restart_search (DossierFindBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  clear_matches (self);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->needle, g_free);

  if (text != NULL && text[0] != '\0')
    {
      g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
      const char *p;
      glong i = 0;

      self->search_text = g_strdup (text);
      self->needle_len = g_utf8_strlen (nfc, -1);
      self->needle = g_new (gunichar, self->needle_len + 1);
      for (p = nfc; *p != '\0'; p = g_utf8_next_char (p))
        self->needle[i++] = g_unichar_tolower (g_utf8_get_char (p));
      self->needle[i] = 0;
      self->search_offset = 0;
      if (!search_some (self, SEARCH_SLICE_USEC))
        self->search_id = g_timeout_add_full (SEARCH_PRIORITY, 0, search_idle, self, NULL);
    }
  update_label (self);
}

static void
on_search_changed (DossierFindBar *self)
{
  restart_search (self);
}

void
dossier_find_bar_next (DossierFindBar *self)
{
  g_return_if_fail (DOSSIER_IS_FIND_BAR (self));

  if (self->matches->len == 0)
    return;
  set_current_match (self, (self->current_match + 1) % (int) self->matches->len, TRUE);
}

void
dossier_find_bar_previous (DossierFindBar *self)
{
  int n;

  g_return_if_fail (DOSSIER_IS_FIND_BAR (self));

  n = (int) self->matches->len;
  if (n == 0)
    return;
  set_current_match (self, self->current_match <= 0 ? n - 1 : self->current_match - 1, TRUE);
}

static gboolean
on_entry_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      DossierFindBar        *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
      && (state & GDK_SHIFT_MASK) != 0)
    {
      dossier_find_bar_previous (self);
      return TRUE;
    }
  return FALSE;
}

static void
stop_keeping_selection (DossierFindBar *self)
{
  if (self->primary != NULL)
    g_clear_signal_handler (&self->primary_id, self->primary);
  g_clear_object (&self->primary);
  g_clear_handle_id (&self->keep_id, g_source_remove);
}

static gboolean
keep_selection_timeout (gpointer data)
{
  DossierFindBar *self = data;

  self->keep_id = 0;
  stop_keeping_selection (self);
  return G_SOURCE_REMOVE;
}

static void
on_primary_changed (GdkClipboard   *clipboard,
                    DossierFindBar *self)
{
  GtkTextIter s, e;

  /* Our own claim: keep watching. */
  if (gdk_clipboard_is_local (clipboard))
    return;
  /* Taken from us while the caret is where the selection collapsed (at its
   * end): select it again, with a newer claim, and watch on (one report
   * may follow another) until the time is up. */
  gtk_text_buffer_get_iter_at_mark (self->buffer, &e, gtk_text_buffer_get_insert (self->buffer));
  if (gtk_text_buffer_get_has_selection (self->buffer)
      || gtk_text_iter_get_offset (&e) != self->kept_end)
    {
      stop_keeping_selection (self);
      return;
    }
  iter_at (self, &s, self->kept_start);
  gtk_text_buffer_select_range (self->buffer, &e, &s);
}

/* The selection made as the bar closes claims PRIMARY in the same
 * millisecond as the entry, emptied by the bar, gave it up; on X11, GDK then
 * takes the new claim for another owner's when the server's report of the
 * release arrives, and the selection collapses a moment after it was made
 * (two closes in three on a fast machine). For a short while, a PRIMARY
 * taken from us while the selection is still there is claimed again. */
static void
keep_selection (DossierFindBar *self,
                gint64          start,
                gint64          end)
{
  stop_keeping_selection (self);
  self->kept_start = start;
  self->kept_end = end;
  self->primary = g_object_ref (gtk_widget_get_primary_clipboard (GTK_WIDGET (self->text_view)));
  self->primary_id = g_signal_connect (self->primary, "changed", G_CALLBACK (on_primary_changed), self);
  self->keep_id = g_timeout_add (KEEP_SELECTION_MSEC, keep_selection_timeout, self);
}

static void
on_search_mode (DossierFindBar *self)
{
  GtkWidget *parent;

  if (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (self->search_bar)))
    return;

  /* The match the user was looking at becomes the selection, ready to tag
   * (the bar has already emptied the entry, and so the matches). */
  if (self->shown_start >= 0 && self->shown_end <= gtk_text_buffer_get_char_count (self->buffer))
    {
      GtkTextIter s, e;

      iter_at (self, &s, self->shown_start);
      iter_at (self, &e, self->shown_end);
      gtk_text_buffer_select_range (self->buffer, &e, &s);
      keep_selection (self, self->shown_start, self->shown_end);
    }
  self->shown_start = self->shown_end = -1;
  cancel_search (self);

  /* Focus goes back to the text if it was in the bar (or nowhere in the
   * view that holds us), not if the user had moved on elsewhere. */
  parent = gtk_widget_get_parent (GTK_WIDGET (self));
  if (parent == NULL
      || gtk_widget_get_focus_child (parent) == GTK_WIDGET (self)
      || gtk_widget_get_focus_child (parent) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

void
dossier_find_bar_start (DossierFindBar *self)
{
  GtkTextIter s, e;
  gboolean selected;

  g_return_if_fail (DOSSIER_IS_FIND_BAR (self));

  stop_keeping_selection (self);

  /* Matches are counted from the selection (or the caret), so that the
   * current match stays current when Ctrl+F is pressed again. */
  selected = gtk_text_buffer_get_selection_bounds (self->buffer, &s, &e);
  self->search_origin = gtk_text_iter_get_offset (&s);

  /* A short selection, when the bar opens, is what the user wants to find.
   * (Once open, the selection is the current match: keep the query.) */
  if (!gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (self->search_bar))
      && selected
      && gtk_text_iter_get_offset (&e) - gtk_text_iter_get_offset (&s) <= 200
      && gtk_text_iter_get_line (&s) == gtk_text_iter_get_line (&e))
    {
      g_autofree char *text = gtk_text_iter_get_text (&s, &e);

      gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
    }

  /* Selected before the bar opens, for opening it focuses the entry (the
   * search bar does so itself): a GtkText focused with nothing selected
   * starts blinking its cursor, and selecting it after, while the entry is
   * not mapped yet (the bar's revealer maps it at its first frame), does
   * not stop that blinking in GTK 4.8, which then warns "unexpected
   * blinking selection" at that frame. */
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), TRUE);
  gtk_widget_grab_focus (self->entry);

  /* search-changed comes after a delay; search now if there is a query. */
  restart_search (self);
}

void
dossier_find_bar_set_cuts (DossierFindBar       *self,
                           const DossierLineCut *cuts,
                           guint                 n_cuts)
{
  g_return_if_fail (DOSSIER_IS_FIND_BAR (self));
  g_return_if_fail (n_cuts == 0 || cuts != NULL);

  g_array_set_size (self->cuts, 0);
  g_array_append_vals (self->cuts, cuts, n_cuts);
}

void
dossier_find_bar_text_changed (DossierFindBar *self)
{
  g_return_if_fail (DOSSIER_IS_FIND_BAR (self));

  /* The old text took its match tags with it. */
  g_clear_handle_id (&self->search_id, g_source_remove);
  stop_keeping_selection (self);
  g_array_set_size (self->matches, 0);
  self->current_match = -1;
  self->shown_start = self->shown_end = -1;
  g_clear_pointer (&self->folded, g_free);

  if (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (self->search_bar)))
    restart_search (self);
  else
    cancel_search (self);
}

GtkWidget *
dossier_find_bar_new (GtkTextView *text_view)
{
  DossierFindBar *self;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (text_view), NULL);

  self = g_object_new (DOSSIER_TYPE_FIND_BAR, NULL);
  self->text_view = text_view;
  self->buffer = g_object_ref (gtk_text_view_get_buffer (text_view));
  self->match_tag = gtk_text_buffer_create_tag (self->buffer, "dossier-search-match",
                                                "background-rgba",
                                                &(GdkRGBA) { 0.96, 0.76, 0.07, 0.55 },
                                                NULL);
  self->current_tag = gtk_text_buffer_create_tag (self->buffer, "dossier-search-current",
                                                  "background-rgba",
                                                  &(GdkRGBA) { 0.96, 0.47, 0.0, 0.75 },
                                                  NULL);
  g_signal_connect_object (gtk_text_buffer_get_tag_table (self->buffer), "tag-added",
                           G_CALLBACK (raise_tags), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

static void
dossier_find_bar_dispose (GObject *object)
{
  DossierFindBar *self = DOSSIER_FIND_BAR (object);

  g_clear_handle_id (&self->search_id, g_source_remove);
  stop_keeping_selection (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_FIND_BAR);
  self->text_view = NULL;

  G_OBJECT_CLASS (dossier_find_bar_parent_class)->dispose (object);
}

static void
dossier_find_bar_finalize (GObject *object)
{
  DossierFindBar *self = DOSSIER_FIND_BAR (object);

  g_clear_object (&self->buffer);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->cuts, g_array_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->folded, g_free);

  G_OBJECT_CLASS (dossier_find_bar_parent_class)->finalize (object);
}

static void
dossier_find_bar_class_init (DossierFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_find_bar_dispose;
  object_class->finalize = dossier_find_bar_finalize;

  /* The widgets' resource is registered by hand: a static library's
   * constructor would be dropped by the linker, nothing referring to it. */
  dossier_widgets_register_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/widgets/ui/dossier-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierFindBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierFindBar, entry);
  gtk_widget_class_bind_template_child (widget_class, DossierFindBar, label);
  gtk_widget_class_bind_template_child (widget_class, DossierFindBar, prev_button);
  gtk_widget_class_bind_template_child (widget_class, DossierFindBar, next_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, dossier_find_bar_next);
  gtk_widget_class_bind_template_callback (widget_class, dossier_find_bar_previous);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findbar");
}

static void
dossier_find_bar_init (DossierFindBar *self)
{
  self->matches = g_array_new (FALSE, FALSE, sizeof (Range));
  self->cuts = g_array_new (FALSE, FALSE, sizeof (DossierLineCut));
  self->current_match = -1;
  self->shown_start = self->shown_end = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_bar_connect_entry (GTK_SEARCH_BAR (self->search_bar), GTK_EDITABLE (self->entry));
}
