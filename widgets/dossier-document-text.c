/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-document-text.c — the text view inside DossierDocumentView: draws
 * bullets and quote bars in the margins, below the text, for the visible
 * decorations only (found by binary search: a long document has thousands).
 */

#include "config.h"

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

static void
dossier_document_text_snapshot_layer (GtkTextView      *text_view,
                                      GtkTextViewLayer  layer,
                                      GtkSnapshot      *snapshot)
{
  DossierDocumentText *self = DOSSIER_DOCUMENT_TEXT (text_view);
  GtkTextBuffer *buffer;
  GdkRectangle visible, loc;
  GtkTextIter iter;
  GdkRGBA fg, bullet_color, bar_color;
  gint64 vis_start, vis_end;

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT)
    return;
  if (self->decos->len == 0 && (self->bands == NULL || self->bands->len == 0))
    return;

  buffer = gtk_text_view_get_buffer (text_view);
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y, NULL);
  vis_start = gtk_text_iter_get_offset (&iter);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y + visible.height, NULL);
  gtk_text_iter_forward_to_line_end (&iter);
  vis_end = gtk_text_iter_get_offset (&iter) + 1;

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
  GTK_WIDGET_CLASS (dossier_document_text_parent_class)->css_changed (widget, change);
  document_text_update_bullets (DOSSIER_DOCUMENT_TEXT (widget));
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

  G_OBJECT_CLASS (dossier_document_text_parent_class)->finalize (object);
}

static void
dossier_document_text_class_init (DossierDocumentTextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_document_text_finalize;
  GTK_WIDGET_CLASS (klass)->css_changed = dossier_document_text_css_changed;
  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = dossier_document_text_snapshot_layer;
}

static void
dossier_document_text_init (DossierDocumentText *self)
{
  self->decos = g_array_new (FALSE, FALSE, sizeof (Deco));
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
