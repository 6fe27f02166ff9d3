/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-document-text.c — the text view inside DossierDocumentView: draws
 * bullets and quote bars in the margins, below the text, for the visible
 * decorations only (found by binary search: a long document has thousands),
 * and, above the text, the characters a long line was cut at; and lines up
 * the columns of tables by their rows' tab stops, a stacked table's cells
 * labelled with their columns' names.
 */

#include "config.h"

#include <string.h>

#include "dossier-document-text.h"

typedef struct
{
  gint64           start;
  gint64           end;
  DossierBlockKind kind;
  int              level;
} Deco;

struct _DossierDocumentText
{
  GtkTextView  parent_instance;

  GArray      *decos;      /* Deco: list items and quotes, by start */
  PangoLayout *bullets[3]; /* by nesting depth, made when the font changes */
  int          bullet_width[3];
  int          bullet_height[3];
  PangoFontDescription *font;
  GArray      *bands;      /* DossierTextBand, by start; or NULL */
  GArray      *cuts;       /* DossierLineCut, by offset; or NULL */
  /* Paragraph tags keeping room at the right of the lines that end at a
   * cut for the character drawn there (int pixels → GtkTextTag). */
  GHashTable  *room_tags;
  GArray      *tables;     /* DossierTextTable, by start; or NULL */
  GPtrArray   *table_tags; /* GtkTextTag with the tab stops of each of tables */
  GPtrArray   *blank_first_tags; /* and of its rows whose first cell is empty */
  GPtrArray   *header_tags;   /* and of its first row, its header */
  GPtrArray   *table_columns; /* GArray of TableColumn of each of tables, as measured */
  GPtrArray   *table_labels;  /* TableLabels of each of tables */
  int          table_gap;     /* between columns: an em of the font measured in */
  int          tables_width;  /* the text's width they were fitted to; 0: none yet */
  GdkRGBA      selection_bg;   /* a cut's character selected: as the rest */
  GdkRGBA      selection_fg;
};

G_DEFINE_FINAL_TYPE (DossierDocumentText, dossier_document_text, GTK_TYPE_TEXT_VIEW)

static const char * const bullet_glyphs[3] = { "•", "◦", "▪" };

static void
document_text_update_bullets (DossierDocumentText *self)
{
  const PangoFontDescription *font;

  font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  if (self->font != NULL && font != NULL && pango_font_description_equal (font, self->font))
    return;

  g_clear_pointer (&self->font, pango_font_description_free);
  if (font != NULL)
    self->font = pango_font_description_copy (font);

  for (guint i = 0; i < G_N_ELEMENTS (self->bullets); i++)
    {
      g_clear_object (&self->bullets[i]);
      self->bullets[i] = gtk_widget_create_pango_layout (GTK_WIDGET (self), bullet_glyphs[i]);
      pango_layout_get_pixel_size (self->bullets[i], &self->bullet_width[i], &self->bullet_height[i]);
    }
}

/* The first of @items (a GArray of structs with a gint64 end at
 * @end_offset, sorted by it) that ends after @offset. */
static guint
first_ending_after (GArray *items,
                    gsize   end_offset,
                    gint64  offset)
{
  gsize size = g_array_get_element_size (items);
  guint lo = 0, hi = items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (G_STRUCT_MEMBER (gint64, items->data + mid * size, end_offset) <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
dossier_text_bands_first_after (GArray *bands,
                                gint64  offset)
{
  return first_ending_after (bands, G_STRUCT_OFFSET (DossierTextBand, end), offset);
}

/* One rectangle per display line of [start, end), split into a band per
 * colour, where GTK would paint a tag's background. */
static void
snapshot_band (DossierDocumentText   *self,
               GtkSnapshot           *snapshot,
               const DossierTextBand *band)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter iter, next, last;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) band->start);
  while (gtk_text_iter_get_offset (&iter) < band->end)
    {
      GdkRectangle first_loc, last_loc;
      double x0, x1, h;
      gint64 stop;

      next = iter;
      if (!gtk_text_view_forward_display_line (text_view, &next))
        gtk_text_buffer_get_end_iter (buffer, &next);
      stop = MIN (gtk_text_iter_get_offset (&next), band->end);
      if (stop <= gtk_text_iter_get_offset (&iter))
        break;

      gtk_text_buffer_get_iter_at_offset (buffer, &last, (int) stop - 1);
      gtk_text_view_get_iter_location (text_view, &iter, &first_loc);
      gtk_text_view_get_iter_location (text_view, &last, &last_loc);
      x0 = MIN (first_loc.x, last_loc.x);
      /* A line's newline has no ink: the band stops at the last letter. */
      x1 = gtk_text_iter_ends_line (&last) ? last_loc.x : last_loc.x + last_loc.width;
      x1 = MAX (x1, MAX (first_loc.x, last_loc.x));
      h = first_loc.height;

      if (x1 > x0 && h > 0)
        for (guint c = 0; c < band->n_colors; c++)
          {
            double top = first_loc.y + h * c / band->n_colors;
            double bottom = first_loc.y + h * (c + 1) / band->n_colors;

            gtk_snapshot_append_color (snapshot, &band->colors[c],
                                       &GRAPHENE_RECT_INIT (x0, top, x1 - x0, bottom - top));
          }

      if (gtk_text_iter_get_offset (&next) <= gtk_text_iter_get_offset (&iter))
        break;
      iter = next;
    }
}

/* The first element of @sorted at or after @offset, where each element
 * holds its offset (a gint64, sorted) @field bytes in: the cuts and the
 * stacked cells, each found by a binary search. */
static guint
first_at_or_after (GArray *sorted,
                   gsize   field,
                   gint64  offset)
{
  guint size = g_array_get_element_size (sorted);
  guint lo = 0, hi = sorted->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 at;

      memcpy (&at, sorted->data + (gsize) mid * size + field, sizeof at);
      if (at < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* @utf8 (@n bytes: a cut's character, with the code points of its
 * grapheme before it) in the font the text has at @iter (the view's, as
 * its tags change it), and the background of the last of them that paints
 * one, if any. */
static PangoLayout *
cut_layout (DossierDocumentText *self,
            const GtkTextIter   *iter,
            const char          *utf8,
            int                  n,
            GdkRGBA             *background)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoContext *context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_context_get_font_description (context));
  GSList *tags = gtk_text_iter_get_tags (iter);
  double scale = 1.0;

  *background = (GdkRGBA) { 0, 0, 0, 0 };
  /* (in priority order: the last one set wins) */
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      GtkTextTag *tag = l->data;
      gboolean weight_set, style_set, family_set, scale_set, background_set;

      g_object_get (tag, "weight-set", &weight_set, "style-set", &style_set, "family-set", &family_set,
                    "scale-set", &scale_set, "background-set", &background_set, NULL);
      if (weight_set)
        {
          int weight;

          g_object_get (tag, "weight", &weight, NULL);
          pango_font_description_set_weight (font, weight);
        }
      if (style_set)
        {
          PangoStyle style;

          g_object_get (tag, "style", &style, NULL);
          pango_font_description_set_style (font, style);
        }
      if (family_set)
        {
          g_autofree char *family = NULL;

          g_object_get (tag, "family", &family, NULL);
          pango_font_description_set_family (font, family);
        }
      if (scale_set)
        g_object_get (tag, "scale", &scale, NULL);
      if (background_set)
        {
          g_autoptr(GdkRGBA) rgba = NULL;

          g_object_get (tag, "background-rgba", &rgba, NULL);
          /* (the overlap tag's is all but clear: bands paint there) */
          if (rgba != NULL && rgba->alpha > 0.01)
            *background = *rgba;
        }
    }
  g_slist_free (tags);
  if (scale != 1.0)
    {
      int size = (int) (pango_font_description_get_size (font) * scale);

      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (font, size);
      else
        pango_font_description_set_size (font, size);
    }
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, utf8, n);
  return layout;
}

/* Where @cut's character is drawn, in buffer coordinates: where its '\n'
 * is, at the end of its line, in the room kept for it there (see
 * keep_cut_room ()); one wider than that room (a wide ligature) is moved
 * left so that it stays inside the view. Its layout, and the area of its
 * line, in @line_area. */
static PangoLayout *
place_cut (DossierDocumentText  *self,
           const DossierLineCut *cut,
           GdkRGBA              *background,
           graphene_rect_t      *area,
           GdkRectangle         *line_area)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter iter, joined;
  g_autofree char *before = NULL;
  g_autoptr(GString) grapheme = NULL;
  PangoLayout *layout;
  PangoRectangle logical;
  GdkRectangle visible;
  double right;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) cut->offset);
  /* (the code points before it of the grapheme it ends: hidden where they
   * are, see hide_joined ()) */
  gtk_text_buffer_get_iter_at_offset (buffer, &joined, (int) (cut->offset - cut->joined));
  gtk_text_view_get_iter_location (text_view, &iter, line_area);
  if (cut->joined > 0)
    {
      GtkTextIter shown = joined;

      /* After hidden text, a line's end has no place of its own (GTK 4.8
       * gives 0, 0): right after the last character shown. */
      if (gtk_text_iter_backward_char (&shown) && gtk_text_iter_get_line (&shown) == gtk_text_iter_get_line (&iter))
        {
          gtk_text_view_get_iter_location (text_view, &shown, line_area);
          line_area->x += line_area->width;
          line_area->width = 0;
        }
    }
  before = gtk_text_buffer_get_text (buffer, &joined, &iter, TRUE);
  grapheme = g_string_new (before);
  g_string_append_unichar (grapheme, cut->ch);
  layout = cut_layout (self, &iter, grapheme->str, (int) grapheme->len, background);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  gtk_text_view_get_visible_rect (text_view, &visible);
  right = visible.x + visible.width;
  /* The line's spacing is above and below its letters alike. */
  *area = GRAPHENE_RECT_INIT (MIN (line_area->x, right - logical.width),
                              line_area->y + (line_area->height - logical.height) / 2.0,
                              logical.width, logical.height);
  return layout;
}

/* The characters the visible lines were cut at (but spaces, which show
 * nothing), each where its '\n' is: at the end of its line. */
static void
snapshot_cuts (DossierDocumentText *self,
               GtkSnapshot         *snapshot,
               gint64               vis_start,
               gint64               vis_end)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter sel_start, sel_end;
  gint64 selected_from = -1, selected_to = -1;
  GdkRGBA fg;

  if (gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end))
    {
      selected_from = gtk_text_iter_get_offset (&sel_start);
      selected_to = gtk_text_iter_get_offset (&sel_end);
    }
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (guint i = first_at_or_after (self->cuts, G_STRUCT_OFFSET (DossierLineCut, offset), vis_start);
       i < self->cuts->len; i++)
    {
      const DossierLineCut *cut = &g_array_index (self->cuts, DossierLineCut, i);
      g_autoptr(PangoLayout) layout = NULL;
      graphene_rect_t area;
      GdkRectangle loc;
      GdkRGBA background;
      gboolean selected = cut->offset >= selected_from && cut->offset < selected_to;

      if (cut->offset >= vis_end)
        break;
      if (cut->ch == ' ')
        continue;
      layout = place_cut (self, cut, &background, &area, &loc);
      if (selected)
        background = self->selection_bg;
      if (background.alpha > 0)
        gtk_snapshot_append_color (snapshot, &background,
                                   &GRAPHENE_RECT_INIT (area.origin.x, loc.y, area.size.width, loc.height));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &area.origin);
      gtk_snapshot_append_layout (snapshot, layout, selected ? &self->selection_fg : &fg);
      gtk_snapshot_restore (snapshot);
    }
}

/* The width @ch takes in the font of the text at @iter. */
static int
char_width (DossierDocumentText *self,
            const GtkTextIter   *iter,
            gunichar             ch)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  GdkRGBA background;
  char utf8[8];

  layout = cut_layout (self, iter, utf8, g_unichar_to_utf8 (ch, utf8), &background);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return logical.width;
}

/* Applies to [@start, @end) the tag keeping @room pixels at the right. */
static void
apply_room (DossierDocumentText *self,
            const GtkTextIter   *start,
            const GtkTextIter   *end,
            int                  room)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextTag *tag = g_hash_table_lookup (self->room_tags, GINT_TO_POINTER (room));

  if (tag == NULL)
    {
      /* (added to the view's margin and the block's, not in their place) */
      tag = gtk_text_buffer_create_tag (buffer, NULL, "right-margin", room, "accumulative-margin", TRUE, NULL);
      g_hash_table_insert (self->room_tags, GINT_TO_POINTER (room), tag);
    }
  gtk_text_buffer_apply_tag (buffer, tag, start, end);
}

/* A line that ends at a cut keeps room at its right for the character
 * drawn there: when its last line was full, that character was drawn past
 * the text's right edge, and past the view's at a narrow width or in a
 * heading. A paragraph's margin is its first character's: the tag covers
 * each run of such lines (a long paragraph's), from the first's start to
 * the last's end, and keeps the room of the widest of "W", a wide
 * character ("漢") and an emoji, as far as its characters are those,
 * in the font there. */
static void
keep_cut_room (DossierDocumentText *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;
  GHashTableIter hi;
  gpointer tag;
  guint i = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_hash_table_iter_init (&hi, self->room_tags);
  while (g_hash_table_iter_next (&hi, NULL, &tag))
    gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
  if (self->cuts == NULL)
    return;

  while (i < self->cuts->len)
    {
      const DossierLineCut *first = &g_array_index (self->cuts, DossierLineCut, i);
      gint64 last_offset;
      gboolean wide = FALSE;
      int room;

      if (first->ch == ' ')
        {
          i++;
          continue;
        }
      /* The run: each next cut is at the end of the line after. */
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) first->offset);
      gtk_text_iter_set_line_offset (&start, 0);
      last_offset = first->offset;
      /* (a grapheme drawn whole is an emoji's, a flag's) */
      wide = g_unichar_iswide (first->ch) || first->joined > 0;
      for (i++; i < self->cuts->len; i++)
        {
          const DossierLineCut *next = &g_array_index (self->cuts, DossierLineCut, i);

          gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) last_offset + 1);
          if (gtk_text_iter_ends_line (&end) || next->ch == ' ' ||
              !gtk_text_iter_forward_to_line_end (&end) || gtk_text_iter_get_offset (&end) != next->offset)
            break;
          last_offset = next->offset;
          wide |= g_unichar_iswide (next->ch) || next->joined > 0;
        }
      room = char_width (self, &start, 'W');
      if (wide)
        room = MAX (room, MAX (char_width (self, &start, 0x6F22 /* 漢 */),
                               char_width (self, &start, 0x1F600 /* 😀 */)));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) last_offset + 1);
      apply_room (self, &start, &end, room);
    }
}

/* Hides the code points each cut's character is drawn with (its
 * joined ones: a flag's first regional indicator, the hand before a skin
 * tone) where they are, at the end of its line: shown there too, the
 * flag was two letters, the hand apart from its skin tone. */
static void
hide_joined (DossierDocumentText *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "dossier-cut-joined");
  GtkTextIter start, end;

  if (tag != NULL)
    {
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
    }
  for (guint i = 0; self->cuts != NULL && i < self->cuts->len; i++)
    {
      const DossierLineCut *cut = &g_array_index (self->cuts, DossierLineCut, i);

      if (cut->joined == 0)
        continue;
      if (tag == NULL)
        tag = gtk_text_buffer_create_tag (buffer, "dossier-cut-joined", "invisible", TRUE, NULL);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) (cut->offset - cut->joined));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) cut->offset);
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
    }
}

/* At most this many cells are measured in a document, and this many bytes
 * of a cell: a table of thousands of rows lines up by its first ones, and
 * a cell that long is wider than any view anyway. */
#define TABLE_CELLS_MEASURED 4000
#define TABLE_CELL_BYTES     256

/* What a table's cell holds, for how its column is aligned. */
typedef enum
{
  CELL_EMPTY,
  CELL_NONE,     /* a dash that stands for no figure */
  CELL_FIGURE,   /* a number, with its sign, currency, percent or unit */
  CELL_TEXT,
} CellKind;

static gboolean
is_number_separator (gunichar c)
{
  return c == ',' || c == '.' || c == '\'' || c == ' ' || c == 0x00A0 || c == 0x2009 || c == 0x202F;
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2212;
}

/* "1,250", "−7", "£3.5m", "+12.5 %", "(40)", "1 200 €" are figures; a
 * dash alone is none; "07:15", "Q1", "3 May" or "about 40" are text. */
static CellKind
cell_kind (const char *cell,
           gsize       len)
{
  const char *p = cell, *end = cell + len;
  gunichar c = 0;
  guint letters = 0;
  gboolean digit = FALSE;

  while (p < end && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  while (end > p && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  if (p == end)
    return CELL_EMPTY;
  if (end - p > 40)
    return CELL_TEXT;
  if (g_utf8_strlen (p, end - p) <= 2)
    {
      gboolean dashes = TRUE;

      for (const char *q = p; q < end; q = g_utf8_next_char (q))
        dashes &= is_dash (g_utf8_get_char (q));
      if (dashes)
        return CELL_NONE;
    }

  /* A sign, an opening parenthesis, a currency, before the digits. */
  for (; p < end; p = g_utf8_next_char (p))
    {
      c = g_utf8_get_char (p);
      if (!(c == '+' || c == 0x00B1 || c == '(' || c == '~' || c == '<' || c == '>' || c == ' ' ||
            is_dash (c) || g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL))
        break;
    }
  /* The digits, and separators between them. */
  for (; p < end; p = g_utf8_next_char (p))
    {
      c = g_utf8_get_char (p);
      if (g_unichar_isdigit (c))
        digit = TRUE;
      else if (!digit || !is_number_separator (c) || p + 1 >= end ||
               !g_unichar_isdigit (g_utf8_get_char (g_utf8_next_char (p))))
        break;
    }
  if (!digit)
    return CELL_TEXT;
  /* Percent, a currency, a closing parenthesis or a short unit ("m",
   * "bn", "km") after them. */
  for (; p < end; p = g_utf8_next_char (p))
    {
      c = g_utf8_get_char (p);
      if (g_ascii_islower (c) && ++letters <= 3)
        continue;
      if (!(c == '%' || c == 0x2030 || c == ')' || c == ' ' || c == 0x00A0 || c == 0x202F ||
            g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL))
        return CELL_TEXT;
    }
  return CELL_FIGURE;
}

/* A table's column: its widest cell, and whether it holds figures. */
typedef struct
{
  int      width;
  guint    figures;     /* cells that are figures */
  gboolean text;        /* a cell under the first row is text */
} TableColumn;

/* The columns of the rows in @text (lines; cells set apart by tabs), each
 * measured in @layout (@budget: how many cells may still be). */
static GArray *
table_columns (PangoLayout *layout,
               const char  *text,
               guint       *budget)
{
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (TableColumn));
  const char *line = text;

  for (guint row = 0; *line != '\0' && *budget > 0; row++)
    {
      const char *line_end = strchr (line, '\n');
      const char *cell = line;

      if (line_end == NULL)
        line_end = line + strlen (line);
      for (guint column = 0; cell <= line_end && *budget > 0; column++)
        {
          const char *tab = memchr (cell, '\t', line_end - cell);
          const char *cell_end = tab != NULL ? tab : line_end;
          gsize n = MIN ((gsize) (cell_end - cell), TABLE_CELL_BYTES);
          TableColumn *col;
          int width = 0;

          /* (a line with no tab is no row: a table's title, or text cut
           * out of a long row) */
          if (column == 0 && tab == NULL)
            break;
          while (n > 0 && n < (gsize) (cell_end - cell) && (cell[n] & 0xC0) == 0x80)
            n--;
          if (n > 0)
            {
              pango_layout_set_text (layout, cell, (int) n);
              pango_layout_get_pixel_size (layout, &width, NULL);
              (*budget)--;
            }
          if (column >= columns->len)
            g_array_set_size (columns, column + 1);
          col = &g_array_index (columns, TableColumn, column);
          col->width = MAX (col->width, width);
          switch (cell_kind (cell, n))
            {
            case CELL_FIGURE:
              col->figures++;
              break;
            case CELL_TEXT:
              col->text |= row > 0;
              break;
            case CELL_EMPTY:
            case CELL_NONE:
            default:
              break;
            }
          cell = cell_end + 1;
        }
      line = *line_end != '\0' ? line_end + 1 : line_end;
    }
  return columns;
}

/* A cell of a table's row under its header, labelled when the table
 * stands stacked: where it starts, in code points, and its column. */
typedef struct
{
  gint64 offset;
  guint  column;
} LabelledCell;

/* A stacked table's cells each stand on a line of their own, far from
 * the header that names their column ("212" alone under "St Aidan's
 * Primary"): each is labelled with its column's name, drawn in the room
 * the row's indent keeps before it, as web tables do at a phone's width.
 * Drawn, not written: the text (its offsets, what is selected, found,
 * tagged) stays as it is. */
typedef struct
{
  GPtrArray *names;  /* PangoLayout of each column's name (the header's
                      * cell), NULL for the first column and an empty name */
  GArray    *cells;  /* LabelledCell, by offset: non-empty cells under
                      * the header, of columns with a name */
  int        width;  /* of the widest name */
  gboolean   corner; /* the header's first cell is empty */
  int        span;   /* from a label's left to its cell's; 0: not stacked */
} TableLabels;

static void
unref_name (gpointer name)
{
  if (name != NULL)
    g_object_unref (name);
}

static void
table_labels_free (TableLabels *labels)
{
  g_ptr_array_unref (labels->names);
  g_array_unref (labels->cells);
  g_free (labels);
}

/* The labels of the rows in @text (a table's, starting at @start, in
 * code points): its first row is its header, whose cells name the
 * columns, measured in @layout's font. */
static TableLabels *
table_labels (PangoLayout *layout,
              const char  *text,
              gint64       start)
{
  TableLabels *labels = g_new0 (TableLabels, 1);
  gboolean header = TRUE;
  gint64 offset = start;

  labels->names = g_ptr_array_new_with_free_func (unref_name);
  labels->cells = g_array_new (FALSE, FALSE, sizeof (LabelledCell));
  for (const char *line = text; *line != '\0';)
    {
      const char *line_end = strchr (line, '\n');
      const char *tab;
      guint column = 0;

      if (line_end == NULL)
        line_end = line + strlen (line);
      tab = memchr (line, '\t', line_end - line);
      /* (a line with no tab is no row) */
      for (const char *p = line; tab != NULL && p < line_end; p = g_utf8_next_char (p))
        {
          const char *cell = p + 1, *cell_end;

          offset++;
          if (*p != '\t')
            continue;
          column++;
          cell_end = memchr (cell, '\t', line_end - cell);
          if (cell_end == NULL)
            cell_end = line_end;
          if (header)
            {
              gsize n = MIN ((gsize) (cell_end - cell), TABLE_CELL_BYTES);
              PangoLayout *name = NULL;

              while (n > 0 && n < (gsize) (cell_end - cell) && (cell[n] & 0xC0) == 0x80)
                n--;
              if (cell_kind (cell, n) != CELL_EMPTY)
                {
                  int width;

                  name = pango_layout_copy (layout);
                  pango_layout_set_text (name, cell, (int) n);
                  pango_layout_get_pixel_size (name, &width, NULL);
                  labels->width = MAX (labels->width, width);
                }
              g_ptr_array_set_size (labels->names, column);
              g_ptr_array_add (labels->names, name);
            }
          else if (column < labels->names->len && g_ptr_array_index (labels->names, column) != NULL &&
                   cell_kind (cell, cell_end - cell) != CELL_EMPTY)
            g_array_append_val (labels->cells, ((LabelledCell) { offset, column }));
        }
      if (tab == NULL)
        offset += g_utf8_strlen (line, line_end - line);
      else if (header)
        labels->corner = line[0] == '\t';
      header &= tab == NULL;
      /* (the newline) */
      if (*line_end != '\0')
        offset++;
      line = *line_end != '\0' ? line_end + 1 : line_end;
    }
  return labels;
}

/* A table wider than the text: its gaps narrow down to this part of an
 * em (a space's width, about) before a row has to wrap; a wrapped row's
 * next lines start under its last column where that leaves them this many
 * ems, else its cells stand one under the other, this part of an em in. */
#define TABLE_MIN_GAP_PART  3
#define TABLE_WRAP_EMS      6
#define TABLE_STACK_INDENT(em) ((em) * 3 / 2)

/* The tab stops of a table's @columns for a text @width pixels wide:
 * each column starts a gap past the one before it: @em, or less when the
 * table is wider than the text, down to a third of it. A column of
 * figures ends at its widest cell's right edge, so that their digits line
 * up (its first row, the header, with them), when the table fits in
 * @width (a right tab past it would draw its cells past the text's edge,
 * and Pango 1.50 sets a wrapped row's right tabs as left ones: the
 * header "2026" began where "412" did, seen at 540 px zoomed in). The
 * first column is before any tab: it stays left. @indent: where a row too
 * wide for the text goes on, on its next lines: under its last column (a
 * long last cell wraps under itself) where that leaves room. Else each
 * cell after the first starts a line of its own, a little in: a tab goes
 * to the first stop past it, so a row that went on under an earlier
 * column put its next cells on that column's stops ("11,905" under
 * "Passengers 2024", at 360 px), and the header wrapped at another
 * column than its figures; one stop past the text's edge breaks the line
 * at every tab. NULL for a single column. @stacked: whether its cells
 * stand one under the other. */
static PangoTabArray *
table_tab_stops (GArray   *columns,
                 int       em,
                 int       width,
                 int      *indent,
                 gboolean *stacked)
{
  PangoTabArray *tabs;
  int cells = 0, gap = em, x = 0;
  gboolean fits;

  *indent = 0;
  *stacked = FALSE;
  if (columns->len < 2)
    return NULL;
  for (guint i = 0; i < columns->len; i++)
    cells += g_array_index (columns, TableColumn, i).width;
  if (cells + (int) (columns->len - 1) * gap > width)
    gap = MAX (em / TABLE_MIN_GAP_PART, (width - cells) / (int) (columns->len - 1));
  fits = cells + (int) (columns->len - 1) * gap <= width;

  tabs = pango_tab_array_new ((int) columns->len - 1, TRUE);
  for (guint i = 1; i < columns->len; i++)
    {
      const TableColumn *col = &g_array_index (columns, TableColumn, i);

      x += g_array_index (columns, TableColumn, i - 1).width + gap;
      if (col->figures > 0 && !col->text && fits)
        pango_tab_array_set_tab (tabs, (int) i - 1, PANGO_TAB_RIGHT, x + col->width);
      else
        pango_tab_array_set_tab (tabs, (int) i - 1, PANGO_TAB_LEFT, x);
    }
  if (!fits && width - x >= TABLE_WRAP_EMS * em)
    *indent = x;
  else if (!fits)
    {
      /* (the stops after it: as far apart, past the edge too) */
      pango_tab_array_free (tabs);
      tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, width + em);
      *indent = TABLE_STACK_INDENT (em);
      *stacked = TRUE;
    }
  return tabs;
}

/* The tab stops of a table's rows whose first cell is empty (a header's
 * corner): the table's @tabs, but where its cells stand one under the
 * other, whose first tab breaks the line: there a row's first cell after
 * the empty one stands on the row's first line, at the cells' @indent
 * (else the row began with an empty line, seen at 360 px). */
static PangoTabArray *
blank_first_tab_stops (PangoTabArray *tabs,
                       gboolean       stacked,
                       int            indent,
                       int            em,
                       int            width)
{
  if (tabs == NULL)
    return NULL;
  if (!stacked)
    return pango_tab_array_copy (tabs);
  /* (the stops after the second: as far apart, past the edge too) */
  return pango_tab_array_new_with_positions (2, TRUE, PANGO_TAB_LEFT, indent, PANGO_TAB_LEFT, width + em);
}

/* The width the text is laid out in: the text window's, less the view's
 * margins; 0 before the view has one. */
static int
text_width (DossierDocumentText *self)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;

  gtk_text_view_get_visible_rect (text_view, &visible);
  return MAX (0, visible.width - gtk_text_view_get_left_margin (text_view) -
                 gtk_text_view_get_right_margin (text_view));
}

/* The room a stacked table's rows keep before their cells for @labels
 * (its columns' names), at most half of what the cells' @indent leaves
 * of the text's @width: a longer name is cut short with an ellipsis
 * (the cells need the room more). 0 when the table is not @stacked. */
static int
label_span (TableLabels *labels,
            gboolean     stacked,
            int          indent,
            int          em,
            int          width)
{
  int room = MAX (0, (width - indent) / 2 - em);
  int name_width = MIN (labels->width, room);

  labels->span = stacked && labels->cells->len > 0 && name_width > 0 ? name_width + em : 0;
  for (guint i = 0; i < labels->names->len; i++)
    {
      PangoLayout *name = g_ptr_array_index (labels->names, i);

      if (name == NULL)
        continue;
      pango_layout_set_width (name, labels->width > room ? room * PANGO_SCALE : -1);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
    }
  return labels->span;
}

/* Sets the tab stops of each table's tag for the text's width now. */
static void
fit_tables (DossierDocumentText *self)
{
  int width = text_width (self);

  self->tables_width = width;
  for (guint i = 0; i < self->table_columns->len; i++)
    {
      int fit_width = width > 0 ? width : G_MAXINT / 2;
      int indent;
      gboolean stacked;
      PangoTabArray *tabs = table_tab_stops (g_ptr_array_index (self->table_columns, i),
                                             self->table_gap, fit_width, &indent, &stacked);
      PangoTabArray *blank_first, *header;
      TableLabels *labels = i < self->table_labels->len ? g_ptr_array_index (self->table_labels, i) : NULL;
      int header_indent = indent;

      if (labels != NULL)
        indent += label_span (labels, stacked, indent, self->table_gap, fit_width);
      blank_first = blank_first_tab_stops (tabs, stacked, indent, self->table_gap, fit_width);
      /* The header's cells of a labelled table stand where the labels
       * do, a key to them (at the cells' x they stood over an empty
       * column of labels). */
      if (labels != NULL && labels->corner)
        header = blank_first_tab_stops (tabs, stacked, header_indent, self->table_gap, fit_width);
      else
        header = tabs != NULL ? pango_tab_array_copy (tabs) : NULL;
      g_object_set (g_ptr_array_index (self->header_tags, i), "tabs", header, "indent", -header_indent, NULL);
      if (header != NULL)
        pango_tab_array_free (header);

      /* (a negative indent: the first line is not indented, the next ones
       * are) */
      g_object_set (g_ptr_array_index (self->table_tags, i), "tabs", tabs, "indent", -indent, NULL);
      g_object_set (g_ptr_array_index (self->blank_first_tags, i), "tabs", blank_first, NULL);
      if (tabs != NULL)
        pango_tab_array_free (tabs);
      if (blank_first != NULL)
        pango_tab_array_free (blank_first);
    }
}

/* Measures the columns of each table in the font the view has now, and
 * fits them to its width. */
static void
line_up_tables (DossierDocumentText *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  g_autoptr(PangoLayout) layout = NULL;
  guint budget = TABLE_CELLS_MEASURED;

  g_ptr_array_set_size (self->table_columns, 0);
  g_ptr_array_set_size (self->table_labels, 0);
  if (self->tables == NULL || self->tables->len == 0)
    return;

  /* (a paragraph's font: the view's, which the zoom sets; the gap of an
   * em, a table's cell padding) */
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "M");
  pango_layout_get_pixel_size (layout, &self->table_gap, NULL);
  for (guint i = 0; i < self->tables->len; i++)
    {
      const DossierTextTable *table = &g_array_index (self->tables, DossierTextTable, i);
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) table->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) table->end);
      text = gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
      g_ptr_array_add (self->table_columns, table_columns (layout, text, &budget));
      g_ptr_array_add (self->table_labels, table_labels (layout, text, table->start));
    }
  fit_tables (self);
}

/* The visible range, in offsets: from the first line shown to the end of
 * the last. */
static void
visible_offsets (GtkTextView *text_view,
                 gint64      *start,
                 gint64      *end)
{
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y, NULL);
  *start = gtk_text_iter_get_offset (&iter);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y + visible.height, NULL);
  gtk_text_iter_forward_to_line_end (&iter);
  *end = gtk_text_iter_get_offset (&iter) + 1;
}

/* Where the label of @cell of @labels is drawn, in buffer coordinates:
 * its span before the cell, in the middle of the cell's first line (as a
 * cut's character: a line's spacing is above and below its letters). */
static PangoLayout *
place_label (DossierDocumentText *self,
             const TableLabels   *labels,
             const LabelledCell  *cell,
             graphene_rect_t     *area)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  PangoLayout *name = g_ptr_array_index (labels->names, cell->column);
  PangoRectangle logical;
  GdkRectangle loc;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, (int) cell->offset);
  gtk_text_view_get_iter_location (text_view, &iter, &loc);
  pango_layout_get_pixel_extents (name, NULL, &logical);
  *area = GRAPHENE_RECT_INIT (loc.x - labels->span, loc.y + (loc.height - logical.height) / 2.0,
                              logical.width, logical.height);
  return name;
}

/* The labels of the visible cells of stacked tables, in the text's colour
 * made quieter (as the bullets are): a name, not the text. */
static void
snapshot_labels (DossierDocumentText *self,
                 GtkSnapshot         *snapshot,
                 gint64               vis_start,
                 gint64               vis_end)
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  color.alpha *= 0.6;
  for (guint t = 0; t < self->table_labels->len; t++)
    {
      const TableLabels *labels = g_ptr_array_index (self->table_labels, t);

      if (labels->span == 0)
        continue;
      for (guint i = first_at_or_after (labels->cells, G_STRUCT_OFFSET (LabelledCell, offset), vis_start);
           i < labels->cells->len; i++)
        {
          const LabelledCell *cell = &g_array_index (labels->cells, LabelledCell, i);
          graphene_rect_t area;
          PangoLayout *name;

          if (cell->offset >= vis_end)
            break;
          name = place_label (self, labels, cell, &area);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &area.origin);
          gtk_snapshot_append_layout (snapshot, name, &color);
          gtk_snapshot_restore (snapshot);
        }
    }
}

static void
dossier_document_text_snapshot_layer (GtkTextView      *text_view,
                                      GtkTextViewLayer  layer,
                                      GtkSnapshot      *snapshot)
{
  DossierDocumentText *self = DOSSIER_DOCUMENT_TEXT (text_view);
  GtkTextBuffer *buffer;
  GdkRectangle loc;
  GtkTextIter iter;
  GdkRGBA fg, bullet_color, bar_color;
  gint64 vis_start, vis_end;

  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT)
    {
      /* (the labels above: a selected line's whole width is painted) */
      if ((self->cuts == NULL || self->cuts->len == 0) && self->table_labels->len == 0)
        return;
      visible_offsets (text_view, &vis_start, &vis_end);
      if (self->cuts != NULL)
        snapshot_cuts (self, snapshot, vis_start, vis_end);
      snapshot_labels (self, snapshot, vis_start, vis_end);
      return;
    }
  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    return;
  if (self->decos->len == 0 && (self->bands == NULL || self->bands->len == 0))
    return;

  buffer = gtk_text_view_get_buffer (text_view);
  visible_offsets (text_view, &vis_start, &vis_end);

  /* In buffer coordinates here. */
  if (self->bands != NULL)
    for (guint i = dossier_text_bands_first_after (self->bands, vis_start);
         i < self->bands->len; i++)
      {
        const DossierTextBand *band = &g_array_index (self->bands, DossierTextBand, i);

        if (band->start >= vis_end)
          break;
        snapshot_band (self, snapshot, band);
      }

  if (self->decos->len == 0 || self->bullets[0] == NULL)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  bullet_color = fg;
  bullet_color.alpha *= 0.7;
  bar_color = fg;
  bar_color.alpha *= 0.22;

  for (guint i = first_ending_after (self->decos, G_STRUCT_OFFSET (Deco, end), vis_start);
       i < self->decos->len; i++)
    {
      const Deco *d = &g_array_index (self->decos, Deco, i);

      if (d->start >= vis_end)
        break;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) d->start);
      gtk_text_view_get_iter_location (text_view, &iter, &loc);

      if (d->kind == DOSSIER_BLOCK_LIST_ITEM)
        {
          guint b = (guint) CLAMP (d->level - 1, 0, 2);
          double x = loc.x - self->bullet_width[b] - self->bullet_height[b] * 0.45;
          double y = loc.y + (loc.height - self->bullet_height[b]) / 2.0;

          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
          gtk_snapshot_append_layout (snapshot, self->bullets[b], &bullet_color);
          gtk_snapshot_restore (snapshot);
        }
      else if (d->kind == DOSSIER_BLOCK_QUOTE)
        {
          GdkRectangle last;
          double x = loc.x - self->bullet_height[0] * 0.8;

          gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) MAX (d->start, d->end - 1));
          gtk_text_view_get_iter_location (text_view, &iter, &last);
          gtk_snapshot_append_color (snapshot, &bar_color,
                                     &GRAPHENE_RECT_INIT (x, loc.y, 3,
                                                          last.y + last.height - loc.y));
        }
    }
}

static void
dossier_document_text_css_changed (GtkWidget         *widget,
                                   GtkCssStyleChange *change)
{
  DossierDocumentText *self = DOSSIER_DOCUMENT_TEXT (widget);
  const PangoFontDescription *font;
  gboolean font_changed;

  GTK_WIDGET_CLASS (dossier_document_text_parent_class)->css_changed (widget, change);
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  font_changed = self->font == NULL || font == NULL || !pango_font_description_equal (font, self->font);
  document_text_update_bullets (self);
  /* The room for the characters at cuts, and the columns of tables,
   * follow the font (the zoom). */
  if (font_changed)
    {
      if (self->cuts != NULL && self->cuts->len > 0)
        keep_cut_room (self);
      line_up_tables (self);
    }
}

static void
dossier_document_text_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  DossierDocumentText *self = DOSSIER_DOCUMENT_TEXT (widget);

  GTK_WIDGET_CLASS (dossier_document_text_parent_class)->size_allocate (widget, width, height, baseline);
  /* A table's columns follow the text's width (measured once). */
  if (self->table_columns->len > 0 && text_width (self) != self->tables_width)
    fit_tables (self);
}

static void
dossier_document_text_finalize (GObject *object)
{
  DossierDocumentText *self = DOSSIER_DOCUMENT_TEXT (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->bullets); i++)
    g_clear_object (&self->bullets[i]);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->decos, g_array_unref);
  g_clear_pointer (&self->bands, g_array_unref);
  g_clear_pointer (&self->cuts, g_array_unref);
  g_clear_pointer (&self->room_tags, g_hash_table_unref);
  g_clear_pointer (&self->tables, g_array_unref);
  g_clear_pointer (&self->table_tags, g_ptr_array_unref);
  g_clear_pointer (&self->blank_first_tags, g_ptr_array_unref);
  g_clear_pointer (&self->header_tags, g_ptr_array_unref);
  g_clear_pointer (&self->table_columns, g_ptr_array_unref);
  g_clear_pointer (&self->table_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_document_text_parent_class)->finalize (object);
}

static void
dossier_document_text_class_init (DossierDocumentTextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_document_text_finalize;
  GTK_WIDGET_CLASS (klass)->css_changed = dossier_document_text_css_changed;
  GTK_WIDGET_CLASS (klass)->size_allocate = dossier_document_text_size_allocate;
  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = dossier_document_text_snapshot_layer;
}

static void
dossier_document_text_init (DossierDocumentText *self)
{
  self->decos = g_array_new (FALSE, FALSE, sizeof (Deco));
  self->room_tags = g_hash_table_new (NULL, NULL);
  self->table_tags = g_ptr_array_new_with_free_func (g_object_unref);
  self->blank_first_tags = g_ptr_array_new_with_free_func (g_object_unref);
  self->header_tags = g_ptr_array_new_with_free_func (g_object_unref);
  self->table_columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->table_labels = g_ptr_array_new_with_free_func ((GDestroyNotify) table_labels_free);
}

void
dossier_document_text_clear_decorations (DossierDocumentText *self)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT_TEXT (self));

  g_array_set_size (self->decos, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_document_text_add_decoration (DossierDocumentText *self,
                                      gint64               start,
                                      gint64               end,
                                      DossierBlockKind     kind,
                                      int                  level)
{
  Deco d = { start, end, kind, level };

  g_return_if_fail (DOSSIER_IS_DOCUMENT_TEXT (self));

  if (kind != DOSSIER_BLOCK_LIST_ITEM && kind != DOSSIER_BLOCK_QUOTE)
    return;
  if (start >= end)
    return;
  if (self->decos->len > 0 && g_array_index (self->decos, Deco, self->decos->len - 1).end > start)
    return;
  g_array_append_val (self->decos, d);
}

void
dossier_document_text_set_bands (DossierDocumentText *self,
                                 GArray              *bands)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT_TEXT (self));

  if (bands == self->bands)
    return;
  if (bands != NULL)
    g_array_ref (bands);
  g_clear_pointer (&self->bands, g_array_unref);
  self->bands = bands;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_document_text_set_cuts (DossierDocumentText *self,
                                GArray              *cuts)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT_TEXT (self));

  if (cuts == self->cuts)
    return;
  if (cuts != NULL)
    g_array_ref (cuts);
  g_clear_pointer (&self->cuts, g_array_unref);
  self->cuts = cuts;
  hide_joined (self);
  keep_cut_room (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_document_text_set_tables (DossierDocumentText *self,
                                  GArray              *tables)
{
  GtkTextBuffer *buffer;
  GtkTextTagTable *tag_table;

  g_return_if_fail (DOSSIER_IS_DOCUMENT_TEXT (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  tag_table = gtk_text_buffer_get_tag_table (buffer);
  for (guint i = 0; i < self->table_tags->len; i++)
    {
      gtk_text_tag_table_remove (tag_table, g_ptr_array_index (self->table_tags, i));
      gtk_text_tag_table_remove (tag_table, g_ptr_array_index (self->blank_first_tags, i));
      gtk_text_tag_table_remove (tag_table, g_ptr_array_index (self->header_tags, i));
    }
  g_ptr_array_set_size (self->table_tags, 0);
  g_ptr_array_set_size (self->blank_first_tags, 0);
  g_ptr_array_set_size (self->header_tags, 0);
  g_ptr_array_set_size (self->table_columns, 0);
  g_ptr_array_set_size (self->table_labels, 0);
  if (tables != NULL)
    g_array_ref (tables);
  g_clear_pointer (&self->tables, g_array_unref);
  self->tables = tables;
  if (tables == NULL)
    return;

  /* A tag per table: tab stops are a paragraph's, one set for all of it;
   * and one, over it, for its rows that start with a tab; and one over
   * both for its first row. */
  for (guint i = 0; i < tables->len; i++)
    {
      const DossierTextTable *table = &g_array_index (tables, DossierTextTable, i);
      GtkTextTag *tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);
      GtkTextTag *blank_first = gtk_text_buffer_create_tag (buffer, NULL, NULL);
      GtkTextTag *header = gtk_text_buffer_create_tag (buffer, NULL, NULL);
      GtkTextIter start, end, row;

      g_ptr_array_add (self->table_tags, g_object_ref (tag));
      g_ptr_array_add (self->blank_first_tags, g_object_ref (blank_first));
      g_ptr_array_add (self->header_tags, g_object_ref (header));
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) table->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) table->end);
      gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
      for (row = start; gtk_text_iter_compare (&row, &end) < 0; gtk_text_iter_forward_line (&row))
        if (gtk_text_iter_get_char (&row) == '\t')
          {
            GtkTextIter row_end = row;

            gtk_text_iter_forward_to_line_end (&row_end);
            gtk_text_buffer_apply_tag (buffer, blank_first, &row, &row_end);
          }
      row = start;
      if (!gtk_text_iter_ends_line (&row))
        gtk_text_iter_forward_to_line_end (&row);
      gtk_text_buffer_apply_tag (buffer, header, &start, &row);
    }
  line_up_tables (self);
}

gboolean
dossier_document_text_get_cut_area (DossierDocumentText *self,
                                    guint                index,
                                    graphene_rect_t     *area)
{
  g_autoptr(PangoLayout) layout = NULL;
  const DossierLineCut *cut;
  GdkRectangle line_area;
  GdkRGBA background;
  int x, y;

  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_TEXT (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (self->cuts == NULL || index >= self->cuts->len)
    return FALSE;
  cut = &g_array_index (self->cuts, DossierLineCut, index);
  if (cut->ch == ' ')
    return FALSE;
  layout = place_cut (self, cut, &background, area, &line_area);
  /* (a translation: that of the buffer's origin) */
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, 0, 0, &x, &y);
  area->origin.x += x;
  area->origin.y += y;
  return TRUE;
}

const char *
dossier_document_text_get_cell_label (DossierDocumentText *self,
                                      gint64               offset,
                                      graphene_rect_t     *area)
{
  g_return_val_if_fail (DOSSIER_IS_DOCUMENT_TEXT (self), NULL);
  g_return_val_if_fail (area != NULL, NULL);

  for (guint t = 0; self->tables != NULL && t < self->table_labels->len; t++)
    {
      const TableLabels *labels = g_ptr_array_index (self->table_labels, t);
      const DossierTextTable *table = &g_array_index (self->tables, DossierTextTable, t);
      guint i;
      int x, y;

      if (offset < table->start || offset >= table->end)
        continue;
      i = first_at_or_after (labels->cells, G_STRUCT_OFFSET (LabelledCell, offset), offset);
      if (labels->span == 0 || i >= labels->cells->len ||
          g_array_index (labels->cells, LabelledCell, i).offset != offset)
        return NULL;
      place_label (self, labels, &g_array_index (labels->cells, LabelledCell, i), area);
      /* (a translation: that of the buffer's origin) */
      gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, 0, 0, &x, &y);
      area->origin.x += x;
      area->origin.y += y;
      return pango_layout_get_text (g_ptr_array_index (labels->names, g_array_index (labels->cells, LabelledCell, i).column));
    }
  return NULL;
}

void
dossier_document_text_set_selection_colors (DossierDocumentText *self,
                                            const GdkRGBA       *background,
                                            const GdkRGBA       *foreground)
{
  g_return_if_fail (DOSSIER_IS_DOCUMENT_TEXT (self));
  g_return_if_fail (background != NULL && foreground != NULL);

  self->selection_bg = *background;
  self->selection_fg = *foreground;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
