/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-briefing-editor.c — a briefing note's text with its citations as
 * numbered chips (see dossier-briefing-editor.h).
 *
 * A chip is the run "[@UUID]" of the buffer: the UUID hidden by a tag, the
 * "]" spaced by another tag to leave room for the number, and a rounded
 * label drawn over the run above the text (a pill per line when the
 * wrapping breaks the run). Its ends are marks, so a chip
 * follows the text while typing goes on elsewhere; the page shows the
 * citations again when typing pauses. A fixed set of tags (one hiding, one
 * spacing per width of label) serves every chip.
 */
#define G_LOG_DOMAIN "Dossier"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-briefing-editor.h"
#include "dossier-ui-utils.h"
#include "dossier-unbroken-runs.h"

/* A citation's run: "[@" + 36 + "]". */
#define CITATION_LENGTH 39
/* Labels are at most "999⚠": tags for widths 1 to this many characters. */
#define MAX_LABEL 5
/* A note cites tens or hundreds of passages, but a file can hold any
 * note: each chip is marks and tags in GTK's text, whose cost on a line
 * grows with all the others on it, and the chips on the lines in view
 * are placed at every frame. Past this many in the note, or on one line
 * (a paragraph), citations are left as written ("[@UUID]"); the preview
 * and the exports number them all. */
#define MAX_CHIPS          1000
#define MAX_CHIPS_PER_LINE 50
/* GTK lays out a paragraph of its text whole, at every change and for
 * every line of it it places: a paragraph of 200 KB took it 15 s of CPU
 * to show. A note with a line (bytes up to a line break) longer than
 * this is shown read-only, its long lines cut at a space (or at a
 * character's start) into lines of at most CUT_LINE bytes. */
#define MAX_LINE 10000
#define CUT_LINE 1000

typedef struct
{
  GtkTextMark *start;
  GtkTextMark *end;
  guint        room;       /* the room its "]" has: the label's length */
  char        *label;      /* "3", "3⚠" */
  char        *tooltip;
  gboolean     unverified;
  /* Its pills as last placed, while the layout stamp is the same: the
   * top of its line then, and what chip_pills () gave. */
  guint64          placed_stamp;
  int              placed_line_y;
  graphene_rect_t  placed[2];
  guint            n_pills;
  guint            placed_label;
} Chip;

struct _DossierBriefingEditor
{
  GtkTextView  parent_instance;

  GArray      *chips;                   /* Chip */
  GtkTextTag  *hidden;
  GtkTextTag  *bracket;                 /* "[" and "]" drawn in no colour: the chip covers them */
  GtkTextTag  *room[MAX_LABEL + 1];     /* room[n]: the "]" of an n-character label */
  GtkTextTag  *piece;                   /* every other piece of a long run without a space */
  int          room_font_size;          /* what the rooms were measured for */
  gboolean     read_only;               /* the buffer shows a note cut, not the note */
  /* Advances in pixels: of "[", and of "]" spaced by room[n]; for a
   * bracket at the end of a wrapped line, whose far edge GTK places on
   * the next line. */
  double       open_width;
  double       close_width[MAX_LABEL + 1];
  /* Placing a chip costs walks of its line, and frames come one after
   * another while GTK lays the rest of a long note out: a line's chips
   * are placed again only once something that moves text within a line
   * (the buffer, its tags, the view's settings, width or font) changed,
   * which bumps the stamp. */
  guint64      layout_stamp;
  int          placed_width;
  guint        placed_serial;           /* of the Pango context */
  guint64      n_placed;                /* for tests */
  guint        cursor_sight_id;         /* an idle bringing the cursor's line in sight */
};

G_DEFINE_FINAL_TYPE (DossierBriefingEditor, dossier_briefing_editor, GTK_TYPE_TEXT_VIEW)

static void
chip_clear (Chip *chip)
{
  GtkTextBuffer *buffer = gtk_text_mark_get_buffer (chip->start);

  if (buffer != NULL)
    {
      gtk_text_buffer_delete_mark (buffer, chip->start);
      gtk_text_buffer_delete_mark (buffer, chip->end);
    }
  g_clear_object (&chip->start);
  g_clear_object (&chip->end);
  g_clear_pointer (&chip->label, g_free);
  g_clear_pointer (&chip->tooltip, g_free);
}

/* Whether @chip's marks still hold a citation's run. */
static gboolean
chip_bounds (DossierBriefingEditor *self,
             Chip                  *chip,
             GtkTextIter           *start,
             GtkTextIter           *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter last;

  gtk_text_buffer_get_iter_at_mark (buffer, start, chip->start);
  gtk_text_buffer_get_iter_at_mark (buffer, end, chip->end);
  if (gtk_text_iter_get_offset (end) - gtk_text_iter_get_offset (start) != CITATION_LENGTH)
    return FALSE;
  last = *end;
  gtk_text_iter_backward_char (&last);
  return gtk_text_iter_get_char (start) == '[' && gtk_text_iter_get_char (&last) == ']';
}

/* The letter spacing that leaves room, around "]", for a label of @n
 * characters in a chip: the label's width and a little padding, less the
 * brackets' own. Measured again when the font changes (zoom). */
static void
ensure_rooms (DossierBriefingEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(PangoLayout) brackets = gtk_widget_create_pango_layout (GTK_WIDGET (self), "[]");
  const PangoFontDescription *font = pango_context_get_font_description (pango_layout_get_context (brackets));
  int size = font != NULL ? pango_font_description_get_size (font) : 0;
  int brackets_width = 0, open_width = 0, close_width = 0;

  if (self->room[1] != NULL && size == self->room_font_size)
    return;
  self->room_font_size = size;
  pango_layout_get_size (brackets, &brackets_width, NULL);
  pango_layout_set_text (brackets, "[", -1);
  pango_layout_get_size (brackets, &open_width, NULL);
  pango_layout_set_text (brackets, "]", -1);
  pango_layout_get_size (brackets, &close_width, NULL);
  self->open_width = (double) open_width / PANGO_SCALE;
  for (guint n = 1; n <= MAX_LABEL; n++)
    {
      g_autofree char *sample = g_strnfill (n, '8');
      g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (GTK_WIDGET (self), sample);
      int width = 0;
      int spacing;

      pango_layout_get_size (label, &width, NULL);
      spacing = MAX (0, width + 10 * PANGO_SCALE - brackets_width);
      if (self->room[n] == NULL)
        {
          g_autofree char *name = g_strdup_printf ("dossier-chip-room-%u", n);

          self->room[n] = gtk_text_buffer_create_tag (buffer, name, NULL);
        }
      g_object_set (self->room[n], "letter-spacing", spacing, NULL);
      self->close_width[n] = (double) (close_width + spacing) / PANGO_SCALE;
    }
}

/* A run without a space of thousands of characters (a note from someone
 * else) takes GTK minutes to wrap: Pango shapes again, for each line, all
 * that is left of it. Every other piece of such a run tagged with a
 * letter spacing too small to see (1/1024 pt) is shaped piece by piece. */
static void
cut_unbroken_runs (DossierBriefingEditor *self,
                   GtkTextBuffer         *buffer,
                   GtkTextIter           *start,
                   GtkTextIter           *end)
{
  g_autofree char *text = gtk_text_buffer_get_slice (buffer, start, end, TRUE);
  g_autoptr(GArray) pieces = dossier_unbroken_runs_pieces (text, strlen (text));
  g_autoptr(GArray) ranges = g_array_sized_new (FALSE, FALSE, sizeof (DossierTextRange), pieces->len);
  const char *at = text;
  gint64 offset = gtk_text_iter_get_offset (start);

  for (guint i = 0; i < pieces->len; i++)
    {
      DossierUnbrokenPiece *piece = &g_array_index (pieces, DossierUnbrokenPiece, i);
      DossierTextRange r;

      offset += g_utf8_pointer_to_offset (at, text + piece->start);
      r.start = offset;
      offset += g_utf8_pointer_to_offset (text + piece->start, text + piece->end);
      r.end = offset;
      g_array_append_val (ranges, r);
      at = text + piece->end;
    }
  dossier_text_buffer_set_tag_ranges (buffer, self->piece, ranges);
}

/* The length in bytes of @text's longest line. */
static gsize
longest_line_bytes (const char *text,
                    const char **longest)
{
  gsize most = 0;

  *longest = text;
  for (const char *line = text;;)
    {
      const char *end = strchr (line, '\n');
      gsize length = end != NULL ? (gsize) (end - line) : strlen (line);

      if (length > most)
        {
          most = length;
          *longest = line;
        }
      if (end == NULL)
        return most;
      line = end + 1;
    }
}

/* @text with each line longer than MAX_LINE cut into lines of at most
 * CUT_LINE bytes: after the last space in the second half of each piece,
 * else at a character's start. */
static char *
cut_long_lines (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + strlen (text) / CUT_LINE + 1);

  for (const char *line = text;;)
    {
      const char *end = strchr (line, '\n');
      const char *stop = end != NULL ? end : line + strlen (line);

      if ((gsize) (stop - line) <= MAX_LINE)
        g_string_append_len (out, line, stop - line);
      else
        while (line < stop)
          {
            const char *cut = stop - line > CUT_LINE ? line + CUT_LINE : stop;

            if (cut < stop)
              {
                const char *space = cut;

                while (space > line + CUT_LINE / 2 && space[-1] != ' ')
                  space--;
                if (space > line + CUT_LINE / 2)
                  cut = space;
                else
                  while (cut > line + 1 && ((guchar) *cut & 0xc0) == 0x80)
                    cut--;
              }
            g_string_append_len (out, line, cut - line);
            if (cut < stop)
              g_string_append_c (out, '\n');
            line = cut;
          }
      if (end == NULL)
        return g_string_free (out, FALSE);
      g_string_append_c (out, '\n');
      line = end + 1;
    }
}

gboolean
dossier_briefing_editor_set_note (DossierBriefingEditor *self,
                                  const char            *text,
                                  gsize                 *longest_line)
{
  GtkTextBuffer *buffer;
  const char *longest;
  gsize most;

  g_return_val_if_fail (DOSSIER_IS_BRIEFING_EDITOR (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  most = longest_line_bytes (text, &longest);
  self->read_only = most > MAX_LINE;
  g_array_set_size (self->chips, 0);
  if (self->read_only)
    {
      g_autofree char *cut = cut_long_lines (text);

      gtk_text_buffer_set_text (buffer, cut, -1);
    }
  else
    gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self), !self->read_only);
  if (longest_line != NULL)
    *longest_line = self->read_only ? (gsize) g_utf8_strlen (longest, most) : 0;
  return !self->read_only;
}

gboolean
dossier_briefing_editor_get_read_only (DossierBriefingEditor *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFING_EDITOR (self), FALSE);
  return self->read_only;
}

void
dossier_briefing_editor_show_citations (DossierBriefingEditor *self,
                                        DossierMarkdownNode   *root,
                                        GPtrArray             *citations)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  int line = -1;
  guint on_line = 0;
  GArray *hidden, *bracket, *rooms[MAX_LABEL + 1];

  g_return_if_fail (DOSSIER_IS_BRIEFING_EDITOR (self));
  g_return_if_fail (root != NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  /* @root is the note's, not the lines cut that the buffer shows. */
  if (self->read_only)
    {
      g_array_set_size (self->chips, 0);
      return;
    }
  ensure_rooms (self);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_array_set_size (self->chips, 0);
  cut_unbroken_runs (self, buffer, &start, &end);
  /* The chips' tags where they go, set once all are known: tagged and
   * untagged only where they change (hidden text changes its size for
   * GTK, which lays out again every line of a range tagged or untagged:
   * untagging the whole note had it lay the whole note out again after
   * each pause in typing). */
  hidden = g_array_new (FALSE, FALSE, sizeof (DossierTextRange));
  bracket = g_array_new (FALSE, FALSE, sizeof (DossierTextRange));
  for (guint n = 1; n <= MAX_LABEL; n++)
    rooms[n] = g_array_new (FALSE, FALSE, sizeof (DossierTextRange));

  nodes = dossier_markdown_collect_citations (root);
  numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < nodes->len; i++)
    {
      DossierMarkdownNode *node = g_ptr_array_index (nodes, i);
      DossierCitation *c = citations != NULL ? dossier_citations_lookup_node (citations, node) : NULL;
      g_autofree char *folded = g_ascii_strdown (node->uuid, -1);
      guint number;
      Chip chip = { 0 };
      GtkTextIter at;
      gsize length;

      if (self->chips->len >= MAX_CHIPS)
        break;
      if (node->end - node->start != CITATION_LENGTH)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &at, (int) node->start);
      if (gtk_text_iter_get_line (&at) != line)
        {
          line = gtk_text_iter_get_line (&at);
          on_line = 0;
        }
      if (++on_line > MAX_CHIPS_PER_LINE)
        continue;
      /* Numbered as the export numbers them: by first appearance. */
      number = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, folded));
      if (number == 0)
        {
          number = g_hash_table_size (numbers) + 1;
          g_hash_table_insert (numbers, g_steal_pointer (&folded), GUINT_TO_POINTER (number));
        }
      if (c != NULL)
        number = c->number;
      chip.unverified = c != NULL && c->status != DOSSIER_CITATION_OK;
      chip.label = g_strdup_printf (chip.unverified ? "%u⚠" : "%u", number);
      if (c == NULL)
        chip.tooltip = g_strdup_printf (_("Citation %u"), number);
      else
        {
          g_autofree char *problem = dossier_citation_describe_problem (c);
          g_autofree char *where = dossier_citation_format_source (c, TRUE);

          /* A passage, a title, a problem quoting either, from a file: of
           * any length (the source after a passage cut short). */
          g_autofree char *quote = dossier_text_shorten (c->quote, DOSSIER_TEXT_SHOWN_MAX / 2);
          g_autofree char *text = NULL;

          if (problem != NULL)
            text = g_strdup_printf ("%u. %s %s", number, _("Unverified:"), problem);
          else
            text = g_strdup_printf ("%u. “%s” — %s", number, quote, where);
          chip.tooltip = dossier_shown_text (text);
        }

      gtk_text_buffer_get_iter_at_offset (buffer, &at, (int) node->start);
      chip.start = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &at, FALSE));
      gtk_text_buffer_get_iter_at_offset (buffer, &at, (int) node->end);
      chip.end = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &at, TRUE));
      g_array_append_val (hidden, ((DossierTextRange) { node->start + 1, node->end - 1 }));
      /* The room goes on the "]": spacing on the "[", just before the
       * hidden run, spreads in GTK 4.8 to what follows the chip on its line. */
      length = MIN (g_utf8_strlen (chip.label, -1), MAX_LABEL);
      chip.room = (guint) length;
      g_array_append_val (rooms[length], ((DossierTextRange) { node->end - 1, node->end }));
      g_array_append_val (bracket, ((DossierTextRange) { node->end - 1, node->end }));
      g_array_append_val (bracket, ((DossierTextRange) { node->start, node->start + 1 }));
      g_array_append_val (self->chips, chip);
    }
  dossier_text_buffer_set_tag_ranges (buffer, self->hidden, hidden);
  dossier_text_buffer_set_tag_ranges (buffer, self->bracket, bracket);
  for (guint n = 1; n <= MAX_LABEL; n++)
    {
      dossier_text_buffer_set_tag_ranges (buffer, self->room[n], rooms[n]);
      g_array_unref (rooms[n]);
    }
  g_array_unref (hidden);
  g_array_unref (bracket);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
dossier_briefing_editor_get_chip_at (DossierBriefingEditor *self,
                                     int                    offset,
                                     gboolean              *unverified)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFING_EDITOR (self), 0);

  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);
      GtkTextIter start, end;

      if (chip_bounds (self, chip, &start, &end) &&
          offset >= gtk_text_iter_get_offset (&start) && offset < gtk_text_iter_get_offset (&end))
        {
          if (unverified != NULL)
            *unverified = chip->unverified;
          return (guint) g_ascii_strtoull (chip->label, NULL, 10);
        }
    }
  return 0;
}

/* Where @chip is drawn: a pill over its "[" … "]" when both are on one
 * line, else one over the "[" at the end of a line and one over the "]"
 * (with the number) at the start of the next, as the wrapping broke the
 * run. Cursor positions are used, which GTK 4.8 maps through the hidden
 * text (the location of a character after hidden text it does not); a
 * position at a line's wrap is placed on the next line, so the far edge
 * of a bracket ending a line is its own advance. */
static guint
chip_pills (DossierBriefingEditor *self,
            Chip                  *chip,
            graphene_rect_t        pills[2],
            guint                 *label_pill)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter start, end, after_open, close;
  GdkRectangle open_at, after_open_at, close_at, end_at;
  double open_right, close_right;

  if (!chip_bounds (self, chip, &start, &end))
    return 0;
  after_open = start;
  gtk_text_iter_forward_char (&after_open);
  close = end;
  gtk_text_iter_backward_char (&close);
  gtk_text_view_get_cursor_locations (view, &start, &open_at, NULL);
  gtk_text_view_get_cursor_locations (view, &after_open, &after_open_at, NULL);
  gtk_text_view_get_cursor_locations (view, &close, &close_at, NULL);
  gtk_text_view_get_cursor_locations (view, &end, &end_at, NULL);

  close_right = end_at.y == close_at.y && end_at.x > close_at.x ? end_at.x
                                                                 : close_at.x + self->close_width[chip->room];
  /* A pixel and a half wider each side, and the line's full height less
   * half a pixel: the brackets' ink goes a little past their advance and
   * down to the line's descent. */
  if (open_at.y == close_at.y)
    {
      pills[0] = GRAPHENE_RECT_INIT (open_at.x - 1.5, open_at.y + 0.5,
                                     close_right - open_at.x + 3, open_at.height - 1);
      *label_pill = 0;
      return 1;
    }
  open_right = after_open_at.y == open_at.y && after_open_at.x > open_at.x ? after_open_at.x
                                                                           : open_at.x + self->open_width;
  pills[0] = GRAPHENE_RECT_INIT (open_at.x - 1.5, open_at.y + 0.5, open_right - open_at.x + 3, open_at.height - 1);
  pills[1] = GRAPHENE_RECT_INIT (close_at.x - 1.5, close_at.y + 0.5,
                                 close_right - close_at.x + 3, close_at.height - 1);
  /* The number goes where its room is, with the "]". */
  *label_pill = 1;
  return 2;
}

guint
dossier_briefing_editor_get_chip_pills (DossierBriefingEditor *self,
                                        int                    offset,
                                        graphene_rect_t        pills[2],
                                        guint                 *label_pill)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFING_EDITOR (self), 0);
  g_return_val_if_fail (pills != NULL, 0);

  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);
      GtkTextIter start, end;
      guint label = 0;

      if (chip_bounds (self, chip, &start, &end) &&
          offset >= gtk_text_iter_get_offset (&start) && offset < gtk_text_iter_get_offset (&end))
        {
          guint n = chip_pills (self, chip, pills, &label);

          if (label_pill != NULL)
            *label_pill = label;
          return n;
        }
    }
  return 0;
}

guint64
dossier_briefing_editor_get_n_placed (DossierBriefingEditor *self)
{
  g_return_val_if_fail (DOSSIER_IS_BRIEFING_EDITOR (self), 0);
  return self->n_placed;
}

static void
dossier_briefing_editor_snapshot_layer (GtkTextView      *view,
                                        GtkTextViewLayer  layer,
                                        GtkSnapshot      *snapshot)
{
  DossierBriefingEditor *self = DOSSIER_BRIEFING_EDITOR (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible;
  GtkTextIter first, last;
  int first_line, last_line;
  PangoContext *context;

  if (GTK_TEXT_VIEW_CLASS (dossier_briefing_editor_parent_class)->snapshot_layer != NULL)
    GTK_TEXT_VIEW_CLASS (dossier_briefing_editor_parent_class)->snapshot_layer (view, layer, snapshot);
  if (layer != GTK_TEXT_VIEW_LAYER_ABOVE_TEXT || self->chips->len == 0)
    return;

  gtk_text_view_get_visible_rect (view, &visible);
  /* Only the chips on the lines in view are placed: placing one lays out
   * its line. */
  gtk_text_view_get_line_at_y (view, &first, visible.y, NULL);
  gtk_text_view_get_line_at_y (view, &last, visible.y + visible.height, NULL);
  gtk_text_iter_forward_to_line_end (&last);
  first_line = gtk_text_iter_get_line (&first);
  last_line = gtk_text_iter_get_line (&last);
  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  if (gtk_widget_get_width (GTK_WIDGET (self)) != self->placed_width ||
      pango_context_get_serial (context) != self->placed_serial)
    {
      self->placed_width = gtk_widget_get_width (GTK_WIDGET (self));
      self->placed_serial = pango_context_get_serial (context);
      self->layout_stamp++;
    }
  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);
      graphene_rect_t pills[2];
      guint label_pill = 0;
      GtkTextIter start, end;
      GdkRGBA fill = chip->unverified ? (GdkRGBA) { 0.75, 0.11, 0.16, 1.0 }
                                      : (GdkRGBA) { 0.21, 0.52, 0.89, 1.0 };
      GdkRGBA ink = { 1, 1, 1, 1 };
      int line_y;
      guint n;

      /* Lines first: a chip's offsets cost a walk of its line, which on
       * a long line of chips, at every frame while GTK lays the note
       * out, was most of that work. */
      gtk_text_buffer_get_iter_at_mark (buffer, &start, chip->start);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, chip->end);
      if (gtk_text_iter_get_line (&end) < first_line || gtk_text_iter_get_line (&start) > last_line)
        continue;
      if (!chip_bounds (self, chip, &start, &end) ||
          gtk_text_iter_compare (&end, &first) < 0 || gtk_text_iter_compare (&start, &last) > 0)
        continue;
      gtk_text_view_get_line_yrange (view, &start, &line_y, NULL);
      if (chip->placed_stamp != self->layout_stamp)
        {
          chip->n_pills = chip_pills (self, chip, chip->placed, &chip->placed_label);
          self->n_placed++;
          chip->placed_line_y = line_y;
          chip->placed_stamp = self->layout_stamp;
        }
      /* Lines above may have been laid out since: the line moved whole. */
      n = chip->n_pills;
      label_pill = chip->placed_label;
      for (guint p = 0; p < n; p++)
        {
          pills[p] = chip->placed[p];
          pills[p].origin.y += line_y - chip->placed_line_y;
        }

      for (guint p = 0; p < n; p++)
        {
          graphene_rect_t *rect = &pills[p];
          g_autoptr(PangoLayout) label = NULL;
          GskRoundedRect box;
          int label_width, label_height;

          if (rect->origin.y + rect->size.height < visible.y || rect->origin.y > visible.y + visible.height ||
              rect->size.width <= 0)
            continue;
          gsk_rounded_rect_init_from_rect (&box, rect, MIN (rect->size.height, rect->size.width) / 2);
          gtk_snapshot_push_rounded_clip (snapshot, &box);
          gtk_snapshot_append_color (snapshot, &fill, rect);
          gtk_snapshot_pop (snapshot);

          if (p != label_pill)
            continue;
          label = gtk_widget_create_pango_layout (GTK_WIDGET (self), chip->label);
          pango_layout_get_pixel_size (label, &label_width, &label_height);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect->origin.x + (rect->size.width - label_width) / 2,
                                                                   rect->origin.y - 0.5 +
                                                                   (rect->size.height + 1 - label_height) / 2.0));
          gtk_snapshot_append_layout (snapshot, label, &ink);
          gtk_snapshot_restore (snapshot);
        }
    }
}

static gboolean
on_query_tooltip (DossierBriefingEditor *self,
                  int                    x,
                  int                    y,
                  gboolean               keyboard,
                  GtkTooltip            *tooltip)
{
  GtkTextIter iter;
  int bx, by;

  if (keyboard)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
    }
  else
    {
      gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by);
    }
  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);
      GtkTextIter start, end;

      if (chip_bounds (self, chip, &start, &end) && gtk_text_iter_in_range (&iter, &start, &end))
        {
          gtk_tooltip_set_text (tooltip, chip->tooltip);
          return TRUE;
        }
    }
  return FALSE;
}

GtkWidget *
dossier_briefing_editor_new (void)
{
  return g_object_new (DOSSIER_TYPE_BRIEFING_EDITOR, NULL);
}

static void
dossier_briefing_editor_dispose (GObject *object)
{
  DossierBriefingEditor *self = DOSSIER_BRIEFING_EDITOR (object);

  if (self->chips != NULL)
    g_array_set_size (self->chips, 0);
  g_clear_handle_id (&self->cursor_sight_id, g_source_remove);
  G_OBJECT_CLASS (dossier_briefing_editor_parent_class)->dispose (object);
}

static void
dossier_briefing_editor_finalize (GObject *object)
{
  DossierBriefingEditor *self = DOSSIER_BRIEFING_EDITOR (object);

  g_clear_pointer (&self->chips, g_array_unref);
  G_OBJECT_CLASS (dossier_briefing_editor_parent_class)->finalize (object);
}

static void
layout_may_change (DossierBriefingEditor *self)
{
  self->layout_stamp++;
}

/* ---- Deleting a chip ---------------------------------------------------------- */

/* The chip whose run ends (@at_end) or starts at the cursor, where
 * nothing is selected; its run in @start and @end. */
static gboolean
chip_at_cursor (DossierBriefingEditor *self,
                gboolean               at_end,
                GtkTextIter           *start,
                GtkTextIter           *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter cursor;
  int offset;

  if (gtk_text_buffer_get_has_selection (buffer))
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&cursor);
  for (guint i = 0; i < self->chips->len; i++)
    if (chip_bounds (self, &g_array_index (self->chips, Chip, i), start, end)
        && gtk_text_iter_get_offset (at_end ? end : start) == offset)
      return TRUE;
  return FALSE;
}

/* A chip is one thing to the user: BackSpace just after it, or Delete
 * just before it, takes the whole citation, in one step of undo. Before,
 * either took its bracket alone and the rest showed as "[@" and 36
 * characters of UUID (editing inside a chip still makes it text). */
static gboolean
delete_chip (DossierBriefingEditor *self,
             gboolean               backward)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;

  if (!chip_at_cursor (self, backward, &start, &end))
    return FALSE;
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_interactive (buffer, &start, &end, gtk_text_view_get_editable (GTK_TEXT_VIEW (self)));
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (buffer));
  return TRUE;
}

/* GTK 4.8 places a position after hidden text (a chip's UUID) at the
 * top of its line with no height, so that scrolling to the cursor after a
 * chip stopped with its line just under the view's edge (Ctrl+End in a
 * note whose last line starts with a chip). Its cursor locations are
 * right: once the keys have moved the cursor and GTK has laid out and
 * scrolled, its line is brought whole into sight. */
static gboolean
bring_cursor_in_sight (gpointer user_data)
{
  DossierBriefingEditor *self = user_data;
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));
  GdkRectangle visible, cursor;
  GtkTextIter iter;
  int delta = 0;

  self->cursor_sight_id = 0;
  if (vadjustment == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_cursor_locations (view, &iter, &cursor, NULL);
  if (cursor.y + cursor.height > visible.y + visible.height)
    delta = cursor.y + cursor.height - (visible.y + visible.height);
  else if (cursor.y < visible.y)
    delta = cursor.y - visible.y;
  if (delta != 0)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + delta);
  return G_SOURCE_REMOVE;
}

static void
on_cursor_moved (DossierBriefingEditor *self)
{
  /* After GTK's layout idles, and its scroll. */
  if (self->cursor_sight_id == 0)
    self->cursor_sight_id = g_idle_add_full (G_PRIORITY_LOW, bring_cursor_in_sight, self, NULL);
}

/* The arrow keys step over a chip as over one character, with Shift
 * too: GTK's steps stop after its "[" (the UUID is hidden text), and a
 * chip that looked selected lost its "[" when cut and pasted. A step
 * that ends inside a chip goes on to its far edge. */
static void
on_move_cursor (DossierBriefingEditor *self,
                GtkMovementStep        step,
                int                    count,
                gboolean               extend)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter cursor, start, end;
  int offset;

  on_cursor_moved (self);
  if (step != GTK_MOVEMENT_LOGICAL_POSITIONS && step != GTK_MOVEMENT_VISUAL_POSITIONS)
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&cursor);
  for (guint i = 0; i < self->chips->len; i++)
    if (chip_bounds (self, &g_array_index (self->chips, Chip, i), &start, &end)
        && offset > gtk_text_iter_get_offset (&start) && offset < gtk_text_iter_get_offset (&end))
      {
        GtkTextIter *edge = count < 0 ? &start : &end;

        if (extend)
          gtk_text_buffer_move_mark (buffer, gtk_text_buffer_get_insert (buffer), edge);
        else
          gtk_text_buffer_place_cursor (buffer, edge);
        gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (buffer));
        return;
      }
}

static void
on_backspace (DossierBriefingEditor *self)
{
  if (delete_chip (self, TRUE))
    g_signal_stop_emission_by_name (self, "backspace");
}

static void
on_delete_from_cursor (DossierBriefingEditor *self,
                       GtkDeleteType          type,
                       int                    count)
{
  if (type == GTK_DELETE_CHARS && count == 1 && delete_chip (self, FALSE))
    g_signal_stop_emission_by_name (self, "delete-from-cursor");
}

static void
dossier_briefing_editor_class_init (DossierBriefingEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_briefing_editor_dispose;
  G_OBJECT_CLASS (klass)->finalize = dossier_briefing_editor_finalize;
  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = dossier_briefing_editor_snapshot_layer;
}

static void
dossier_briefing_editor_init (DossierBriefingEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  self->chips = g_array_new (FALSE, TRUE, sizeof (Chip));
  g_array_set_clear_func (self->chips, (GDestroyNotify) chip_clear);
  self->hidden = gtk_text_buffer_create_tag (buffer, "dossier-chip-hidden", "invisible", TRUE, NULL);
  self->bracket = gtk_text_buffer_create_tag (buffer, "dossier-chip-bracket",
                                              "foreground-rgba", &(GdkRGBA) { 0, 0, 0, 0 }, NULL);
  self->piece = gtk_text_buffer_create_tag (buffer, "dossier-unbroken-piece", "letter-spacing", 1, NULL);
  /* A chip's own spacing wins where a piece holds its "]". */
  gtk_text_tag_set_priority (self->piece, 0);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  self->layout_stamp = 1;
  g_signal_connect_object (buffer, "changed", G_CALLBACK (layout_may_change), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "apply-tag", G_CALLBACK (layout_may_change), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "remove-tag", G_CALLBACK (layout_may_change), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self, "notify", G_CALLBACK (layout_may_change), self);
  g_signal_connect_swapped (self, "direction-changed", G_CALLBACK (layout_may_change), self);
  g_signal_connect_swapped (self, "preedit-changed", G_CALLBACK (layout_may_change), self);
  g_signal_connect (self, "backspace", G_CALLBACK (on_backspace), NULL);
  g_signal_connect_after (self, "move-cursor", G_CALLBACK (on_move_cursor), NULL);
  g_signal_connect (self, "delete-from-cursor", G_CALLBACK (on_delete_from_cursor), NULL);
}
