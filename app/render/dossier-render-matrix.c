/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-render-matrix.c — drawing a comparison's matrix with cairo and
 * Pango, for PNG and SVG exports (the window shows the same matrix with
 * widgets; this is for a report or a slide).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "dossier-render-matrix.h"

#define MARGIN       16.0
#define CELL_WIDTH   92.0
#define ROW_HEIGHT   26.0
#define LABEL_MAX    300.0
#define INDENT       14.0
#define FONT         "Sans 10"
#define FONT_SMALL   "Sans 8"

gboolean
dossier_render_format_from_string (const char          *str,
                                   DossierRenderFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (str != NULL && g_ascii_strcasecmp (str, "png") == 0)
    *format = DOSSIER_RENDER_PNG;
  else if (str != NULL && g_ascii_strcasecmp (str, "svg") == 0)
    *format = DOSSIER_RENDER_SVG;
  else
    return FALSE;
  return TRUE;
}

typedef struct
{
  double label_width;
  double header_height;
  double width;
  double height;
} Layout;

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *font,
             const char *text,
             double      width,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -3);   /* at most three lines */
    }
  return layout;
}

static char *
column_heading (DossierComparison *c,
                guint              col)
{
  const char *outlet = dossier_comparison_get_document_outlet (c, col);
  const char *date = dossier_comparison_get_document_date (c, col);

  if (outlet != NULL && date != NULL)
    return g_strdup_printf ("%s\n%s", outlet, date);
  if (outlet != NULL)
    return g_strdup (outlet);
  return g_strdup (date != NULL ? date : "");
}

static void
measure (DossierComparison *c,
         cairo_t           *cr,
         Layout            *l)
{
  guint n_rows = dossier_comparison_get_n_rows (c);
  guint n_docs = dossier_comparison_get_n_documents (c);

  l->label_width = 80;
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, FONT, dossier_comparison_get_row_label (c, r),
                                                   -1, FALSE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      l->label_width = MAX (l->label_width,
                            w + INDENT * dossier_comparison_get_row_depth (c, r) + 8);
    }
  l->label_width = MIN (l->label_width, LABEL_MAX);

  l->header_height = ROW_HEIGHT;
  for (guint col = 0; col < n_docs; col++)
    {
      g_autoptr(PangoLayout) title = make_layout (cr, FONT, dossier_comparison_get_document_title (c, col),
                                                  CELL_WIDTH - 8, TRUE);
      g_autofree char *heading = column_heading (c, col);
      g_autoptr(PangoLayout) sub = make_layout (cr, FONT_SMALL, heading, CELL_WIDTH - 8, FALSE);
      int w, h1, h2;

      pango_layout_get_pixel_size (title, &w, &h1);
      pango_layout_get_pixel_size (sub, &w, &h2);
      l->header_height = MAX (l->header_height, h1 + h2 + 12);
    }

  l->width = 2 * MARGIN + l->label_width + (n_docs + 1) * CELL_WIDTH;
  l->height = 2 * MARGIN + ROW_HEIGHT /* caption */ + l->header_height +
              (n_rows + 1) * ROW_HEIGHT;
}

void
dossier_render_matrix_size (DossierComparison *comparison,
                            double            *width,
                            double            *height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  Layout l;

  measure (comparison, cr, &l);
  *width = l.width;
  *height = l.height;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y,
           double       width,
           double       height,
           gboolean     right)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, right ? x + width - w - 6 : x, y + (height - h) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
format_value (DossierComparison *c,
              double             value,
              char              *buf,
              gsize              size)
{
  if (dossier_comparison_get_options (c)->per_1000_words)
    g_snprintf (buf, size, "%.2f", value);
  else
    g_snprintf (buf, size, "%.0f", value);
}

static void
caption_of (DossierComparison *c,
            GString           *out)
{
  const DossierCompareOptions *o = dossier_comparison_get_options (c);
  const char *rows = o->rows == DOSSIER_COMPARE_TAGS ? _("Tags")
                     : o->rows == DOSSIER_COMPARE_STAKEHOLDERS ? _("Stakeholders")
                     : _("Arguments");
  const char *measure = o->measure == DOSSIER_COMPARE_MENTIONS ? _("mentions")
                        : o->measure == DOSSIER_COMPARE_EVIDENCE ? _("evidence")
                        : _("highlights");

  if (o->per_1000_words)
    /* Translators: "Tags by document: highlights per 1,000 words". */
    g_string_append_printf (out, _("%s by document: %s per 1,000 words"), rows, measure);
  else
    /* Translators: "Tags by document: highlights". */
    g_string_append_printf (out, _("%s by document: %s"), rows, measure);
}

void
dossier_render_matrix (DossierComparison *c,
                       cairo_t           *cr)
{
  guint n_rows = dossier_comparison_get_n_rows (c);
  guint n_docs = dossier_comparison_get_n_documents (c);
  double max = dossier_comparison_get_max_value (c);
  g_autoptr(GString) caption = g_string_new (NULL);
  g_autoptr(PangoLayout) caption_layout = NULL;
  Layout l;
  double x0, y;

  measure (c, cr, &l);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, l.width, l.height);
  cairo_fill (cr);

  caption_of (c, caption);
  cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
  caption_layout = make_layout (cr, FONT, caption->str, l.width - 2 * MARGIN, TRUE);
  show_text (cr, caption_layout, MARGIN, MARGIN, l.width, ROW_HEIGHT, FALSE);

  /* Column headings: title, then outlet and date. */
  x0 = MARGIN + l.label_width;
  y = MARGIN + ROW_HEIGHT;
  for (guint col = 0; col <= n_docs; col++)
    {
      double x = x0 + col * CELL_WIDTH;
      g_autoptr(PangoLayout) title = NULL;

      cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
      title = make_layout (cr, FONT, col < n_docs ? dossier_comparison_get_document_title (c, col)
                                                  : _("Total"),
                           CELL_WIDTH - 8, TRUE);
      cairo_move_to (cr, x + 4, y + 4);
      pango_cairo_show_layout (cr, title);
      if (col < n_docs)
        {
          g_autofree char *heading = column_heading (c, col);
          g_autoptr(PangoLayout) sub = make_layout (cr, FONT_SMALL, heading, CELL_WIDTH - 8, FALSE);
          int w, h;

          pango_layout_get_pixel_size (title, &w, &h);
          cairo_set_source_rgb (cr, 0.37, 0.36, 0.39);
          cairo_move_to (cr, x + 4, y + 6 + h);
          pango_cairo_show_layout (cr, sub);
        }
    }
  y += l.header_height;

  for (guint r = 0; r <= n_rows; r++)
    {
      double ry = y + r * ROW_HEIGHT;
      g_autoptr(PangoLayout) label = NULL;
      double indent = r < n_rows ? INDENT * dossier_comparison_get_row_depth (c, r) : 0;

      /* A rule above each row, a stronger one above the totals. */
      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_set_line_width (cr, r == n_rows ? 1.5 : 0.5);
      cairo_move_to (cr, MARGIN, ry);
      cairo_line_to (cr, l.width - MARGIN, ry);
      cairo_stroke (cr);

      cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
      label = make_layout (cr, FONT, r < n_rows ? dossier_comparison_get_row_label (c, r) : _("Total"),
                           l.label_width - indent - 8, r == n_rows);
      pango_layout_set_height (label, -1);
      show_text (cr, label, MARGIN + indent, ry, l.label_width, ROW_HEIGHT, FALSE);

      for (guint col = 0; col <= n_docs; col++)
        {
          double x = x0 + col * CELL_WIDTH;
          double value = dossier_comparison_get_table_value (c, r, col);
          char buf[32];
          g_autoptr(PangoLayout) number = NULL;

          /* Shade by density: the cells only, not the totals. The number
           * stays dark on every shade: on the densest (#4990e6 on the
           * white page) dark text has a contrast of 5.0:1, white 3.3:1
           * (WCAG asks 4.5:1 of text); white from two thirds of the
           * densest up read at 2.3:1. */
          if (r < n_rows && col < n_docs && value > 0 && max > 0)
            {
              double share = value / max;

              cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.12 + 0.78 * share);
              cairo_rectangle (cr, x + 1, ry + 1, CELL_WIDTH - 2, ROW_HEIGHT - 2);
              cairo_fill (cr);
            }

          format_value (c, value, buf, sizeof buf);
          if (value == 0)
            cairo_set_source_rgb (cr, 0.46, 0.46, 0.46);  /* 4.6:1 on white */
          else
            cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
          number = make_layout (cr, FONT, buf, -1, r == n_rows || col == n_docs);
          show_text (cr, number, x, ry, CELL_WIDTH, ROW_HEIGHT, TRUE);
        }
    }
  cairo_restore (cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
dossier_render_matrix_bytes (DossierComparison    *comparison,
                             DossierRenderFormat   format,
                             GError              **error)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (comparison != NULL, NULL);

  dossier_render_matrix_size (comparison, &width, &height);
  if (format == DOSSIER_RENDER_SVG)
    surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (2 * width + 0.5),
                                          (int) (2 * height + 0.5));

  cr = cairo_create (surface);
  if (format == DOSSIER_RENDER_PNG)
    cairo_scale (cr, 2, 2);
  dossier_render_matrix (comparison, cr);
  cairo_destroy (cr);

  if (format == DOSSIER_RENDER_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The picture could not be drawn: %s"), cairo_status_to_string (status));
      g_byte_array_unref (bytes);
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}
