/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-grid-render.c — the power/interest grid drawn to SVG or PNG.
 *
 * Text is measured once with pango, the core lays the grid out
 * (dossier-grid-layout.h), and one drawing routine paints it on a small
 * canvas interface with two back ends: SVG written as text (real <circle>
 * and <text> elements, a <title> per stakeholder that viewers show as a
 * tooltip and screen readers read) and cairo for PNG.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <dossier/dossier-project.h>
#include <dossier/dossier-project-stakeholders.h>
#include <dossier/dossier-text.h>

#include "dossier-grid-render.h"

/* Sizes in pixels; the fonts are those of GNOME, then of most systems. */
#define FONT_FAMILY   "Cantarell, DejaVu Sans, sans-serif"
#define LABEL_SIZE    13
#define SMALL_SIZE    12
#define HEADING_SIZE  17
#define PAD           16
#define LEGEND_DOT    5
#define LEGEND_GAP    18

#define COLOR_BACKGROUND  "#ffffff"
#define COLOR_TEXT        "#241f31"
#define COLOR_DIM_TEXT    "#5e5c64"
#define COLOR_QUADRANT    "#f6f5f4"
#define COLOR_KEY_PLAYERS "#ebe9f0"
#define COLOR_RULE        "#c0bfbc"
#define COLOR_LEADER      "#77767b"

gboolean
dossier_grid_render_format_from_string (const char              *str,
                                        DossierGridRenderFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (str != NULL && g_ascii_strcasecmp (str, "svg") == 0)
    *format = DOSSIER_GRID_RENDER_SVG;
  else if (str != NULL && g_ascii_strcasecmp (str, "png") == 0)
    *format = DOSSIER_GRID_RENDER_PNG;
  else
    return FALSE;
  return TRUE;
}

gboolean
dossier_grid_render_format_from_path (const char              *path,
                                      DossierGridRenderFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  return dossier_grid_render_format_from_string (dot + 1, format);
}

/* ---- Text ------------------------------------------------------------------ */

typedef struct
{
  char   *str;
  int     size;       /* pixels */
  gboolean bold;
  const char *color;
  double  width;
  double  height;
  double  baseline;   /* from the top */
} Text;

static PangoFontDescription *
font_for (int      size,
          gboolean bold)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return font;
}

static PangoLayout *
text_layout (PangoContext *context,
             const Text   *text)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = font_for (text->size, text->bold);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text->str, -1);
  pango_font_description_free (font);
  return layout;
}

static void
text_init (Text         *text,
           PangoContext *context,
           const char   *str,
           int           size,
           gboolean      bold,
           const char   *color)
{
  g_autoptr(PangoLayout) layout = NULL;
  int width, height;

  text->str = g_strdup (str);
  text->size = size;
  text->bold = bold;
  text->color = color;
  layout = text_layout (context, text);
  pango_layout_get_size (layout, &width, &height);
  text->width = (double) width / PANGO_SCALE;
  text->height = (double) height / PANGO_SCALE;
  text->baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

static void
text_clear (Text *text)
{
  g_clear_pointer (&text->str, g_free);
}

/* ---- Canvases ---------------------------------------------------------------- */

typedef struct _Canvas Canvas;

struct _Canvas
{
  void (*rect)        (Canvas *c, double x, double y, double w, double h, const char *fill,
                       const char *stroke);
  void (*line)        (Canvas *c, double x1, double y1, double x2, double y2, const char *stroke);
  void (*circle)      (Canvas *c, double x, double y, double r, const char *fill,
                       const char *stroke, double stroke_width);
  /* @x, @y: the text's top left; @vertical: turned to read upwards, @x,
   * @y then being its bottom left. */
  void (*text)        (Canvas *c, const Text *text, double x, double y, gboolean vertical);
  void (*begin_group) (Canvas *c, const char *class_name, const char *title);
  void (*end_group)   (Canvas *c);
};

/* SVG, as text. Numbers in the C locale whatever the user's. */

typedef struct
{
  Canvas   base;
  GString *out;
} SvgCanvas;

static void
svg_number (GString *out,
            double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

static void
svg_attr_number (GString    *out,
                 const char *name,
                 double      value)
{
  g_string_append_printf (out, " %s=\"", name);
  svg_number (out, value);
  g_string_append_c (out, '"');
}

static void
svg_paint (GString    *out,
           const char *fill,
           const char *stroke,
           double      stroke_width)
{
  g_string_append_printf (out, " fill=\"%s\"", fill != NULL ? fill : "none");
  if (stroke != NULL)
    {
      g_string_append_printf (out, " stroke=\"%s\"", stroke);
      svg_attr_number (out, "stroke-width", stroke_width);
    }
}

/* An empty element placed by @n numbers (a rect's corner and size, a
 * line's ends, a circle's centre and radius), then painted. */
static void
svg_shape (Canvas             *c,
           const char         *element,
           const char * const *names,
           const double       *values,
           guint               n,
           const char         *fill,
           const char         *stroke,
           double              stroke_width)
{
  GString *out = ((SvgCanvas *) c)->out;

  g_string_append_printf (out, "<%s", element);
  for (guint i = 0; i < n; i++)
    svg_attr_number (out, names[i], values[i]);
  svg_paint (out, fill, stroke, stroke_width);
  g_string_append (out, "/>\n");
}

static void
svg_rect (Canvas     *c,
          double      x,
          double      y,
          double      w,
          double      h,
          const char *fill,
          const char *stroke)
{
  static const char * const names[] = { "x", "y", "width", "height" };

  svg_shape (c, "rect", names, (const double[]) { x, y, w, h }, 4, fill, stroke, 1);
}

static void
svg_line (Canvas     *c,
          double      x1,
          double      y1,
          double      x2,
          double      y2,
          const char *stroke)
{
  static const char * const names[] = { "x1", "y1", "x2", "y2" };

  svg_shape (c, "line", names, (const double[]) { x1, y1, x2, y2 }, 4, NULL, stroke, 1);
}

static void
svg_circle (Canvas     *c,
            double      x,
            double      y,
            double      r,
            const char *fill,
            const char *stroke,
            double      stroke_width)
{
  static const char * const names[] = { "cx", "cy", "r" };

  svg_shape (c, "circle", names, (const double[]) { x, y, r }, 3, fill, stroke, stroke_width);
}

static void
svg_text (Canvas     *c,
          const Text *text,
          double      x,
          double      y,
          gboolean    vertical)
{
  GString *out = ((SvgCanvas *) c)->out;
  g_autofree char *escaped = g_markup_escape_text (text->str, -1);
  double baseline_x = vertical ? x + text->baseline : x;
  double baseline_y = vertical ? y : y + text->baseline;

  g_string_append (out, "<text");
  svg_attr_number (out, "x", baseline_x);
  svg_attr_number (out, "y", baseline_y);
  g_string_append_printf (out, " font-size=\"%d\" fill=\"%s\"", text->size, text->color);
  if (text->bold)
    g_string_append (out, " font-weight=\"bold\"");
  if (vertical)
    {
      g_string_append (out, " transform=\"rotate(-90 ");
      svg_number (out, baseline_x);
      g_string_append_c (out, ' ');
      svg_number (out, baseline_y);
      g_string_append (out, ")\"");
    }
  g_string_append_printf (out, ">%s</text>\n", escaped);
}

static void
svg_begin_group (Canvas     *c,
                 const char *class_name,
                 const char *title)
{
  GString *out = ((SvgCanvas *) c)->out;

  g_string_append_printf (out, "<g class=\"%s\">\n", class_name);
  if (title != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      g_string_append_printf (out, "<title>%s</title>\n", escaped);
    }
}

static void
svg_end_group (Canvas *c)
{
  g_string_append (((SvgCanvas *) c)->out, "</g>\n");
}

/* cairo, for PNG. */

typedef struct
{
  Canvas        base;
  cairo_t      *cr;
  PangoContext *pango;
} CairoCanvas;

static void
cairo_set_color (cairo_t    *cr,
                 const char *color)
{
  guint rgb = 0;

  if (color[0] == '#')
    rgb = (guint) g_ascii_strtoull (color + 1, NULL, 16);
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
cairo_paint_path (cairo_t    *cr,
                  const char *fill,
                  const char *stroke,
                  double      stroke_width)
{
  if (fill != NULL)
    {
      cairo_set_color (cr, fill);
      cairo_fill_preserve (cr);
    }
  if (stroke != NULL)
    {
      cairo_set_color (cr, stroke);
      cairo_set_line_width (cr, stroke_width);
      cairo_stroke_preserve (cr);
    }
  cairo_new_path (cr);
}

static void
canvas_cairo_rect (Canvas     *c,
                   double      x,
                   double      y,
                   double      w,
                   double      h,
                   const char *fill,
                   const char *stroke)
{
  cairo_t *cr = ((CairoCanvas *) c)->cr;

  /* Strokes on the pixel grid stay sharp. */
  cairo_rectangle (cr, round (x) + 0.5, round (y) + 0.5, round (w), round (h));
  cairo_paint_path (cr, fill, stroke, 1);
}

static void
canvas_cairo_line (Canvas     *c,
                   double      x1,
                   double      y1,
                   double      x2,
                   double      y2,
                   const char *stroke)
{
  cairo_t *cr = ((CairoCanvas *) c)->cr;

  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
  cairo_paint_path (cr, NULL, stroke, 1);
}

static void
canvas_cairo_circle (Canvas     *c,
                     double      x,
                     double      y,
                     double      r,
                     const char *fill,
                     const char *stroke,
                     double      stroke_width)
{
  cairo_t *cr = ((CairoCanvas *) c)->cr;

  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_paint_path (cr, fill, stroke, stroke_width);
}

static void
canvas_cairo_text (Canvas     *c,
                   const Text *text,
                   double      x,
                   double      y,
                   gboolean    vertical)
{
  CairoCanvas *cc = (CairoCanvas *) c;
  g_autoptr(PangoLayout) layout = text_layout (cc->pango, text);

  cairo_save (cc->cr);
  cairo_translate (cc->cr, x, y);
  if (vertical)
    cairo_rotate (cc->cr, -G_PI / 2);
  cairo_set_color (cc->cr, text->color);
  pango_cairo_show_layout (cc->cr, layout);
  cairo_restore (cc->cr);
}

static void
canvas_cairo_begin_group (Canvas     *c,
                          const char *class_name,
                          const char *title)
{
}

static void
canvas_cairo_end_group (Canvas *c)
{
}

/* ---- The scene ----------------------------------------------------------------- */

typedef struct
{
  const char *fill;
  const char *stroke;
  gboolean    hollow;
  double      radius;
  Text        text;
  double      x;       /* the marker's left edge */
  double      y;       /* the row's top */
} LegendEntry;

typedef struct
{
  double              width;
  double              height;
  Text                heading;
  Text                axis_power;
  Text                axis_interest;
  Text                titles[DOSSIER_GRID_N_QUADRANTS];
  guint               n;
  DossierStakeholder **stakeholders;   /* refs */
  Text               *names;
  DossierGridItem    *items;
  DossierGridLayout  *layout;
  GArray             *legend;          /* LegendEntry */
  double              legend_height;
} Scene;

static void
legend_entry_clear (gpointer data)
{
  text_clear (&((LegendEntry *) data)->text);
}

static void
scene_free (Scene *scene)
{
  text_clear (&scene->heading);
  text_clear (&scene->axis_power);
  text_clear (&scene->axis_interest);
  for (int q = 0; q < DOSSIER_GRID_N_QUADRANTS; q++)
    text_clear (&scene->titles[q]);
  for (guint i = 0; i < scene->n; i++)
    {
      g_object_unref (scene->stakeholders[i]);
      text_clear (&scene->names[i]);
    }
  g_free (scene->stakeholders);
  g_free (scene->names);
  g_free (scene->items);
  dossier_grid_layout_free (scene->layout);
  g_clear_pointer (&scene->legend, g_array_unref);
  g_free (scene);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Scene, scene_free)

static void
add_legend_entry (Scene        *scene,
                  PangoContext *pango,
                  const char   *fill,
                  const char   *stroke,
                  double        radius,
                  const char   *label)
{
  LegendEntry entry = { fill, stroke, g_str_equal (fill, COLOR_BACKGROUND), radius };

  text_init (&entry.text, pango, label, SMALL_SIZE, FALSE, COLOR_DIM_TEXT);
  g_array_append_val (scene->legend, entry);
}

/* The legend flows in rows under the plot: the stances' colours, what a
 * hollow dot means, what the size means. */
static void
build_legend (Scene                    *scene,
              PangoContext             *pango,
              const DossierGridMetrics *m)
{
  static const int stances[] = { 2, 1, 0, -1, -2, DOSSIER_STANCE_UNKNOWN };
  double x = PAD;
  double y = 0;
  double row_height = 0;

  scene->legend = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  g_array_set_clear_func (scene->legend, legend_entry_clear);
  for (guint i = 0; i < G_N_ELEMENTS (stances); i++)
    add_legend_entry (scene, pango, dossier_grid_stance_color (stances[i]), COLOR_BACKGROUND,
                      LEGEND_DOT, dossier_stance_get_label (stances[i]));
  add_legend_entry (scene, pango, COLOR_BACKGROUND, dossier_grid_stance_color (DOSSIER_STANCE_UNKNOWN),
                    LEGEND_DOT, _("Hollow: no evidence for its power and interest"));
  add_legend_entry (scene, pango, dossier_grid_stance_color (DOSSIER_STANCE_UNKNOWN), COLOR_BACKGROUND,
                    m->dot_radius_max, _("Larger: more evidence"));

  for (guint i = 0; i < scene->legend->len; i++)
    {
      LegendEntry *e = &g_array_index (scene->legend, LegendEntry, i);
      double w = 2 * e->radius + 6 + e->text.width;
      double h = MAX (2 * e->radius, e->text.height);

      if (x > PAD && x + w > scene->width - PAD)
        {
          x = PAD;
          y += row_height + 6;
          row_height = 0;
        }
      e->x = x;
      e->y = y;
      x += w + LEGEND_GAP;
      row_height = MAX (row_height, h);
    }
  scene->legend_height = y + row_height;
}

static Scene *
scene_new (GListModel *stakeholders,
           const char *title,
           int         width,
           int         height)
{
  g_autoptr(Scene) scene = g_new0 (Scene, 1);
  PangoContext *pango;
  g_autofree char *heading = NULL;
  cairo_font_options_t *options;
  DossierGridMetrics m = DOSSIER_GRID_METRICS_INIT;

  /* Unhinted metrics: the widths do not depend on the pixel grid, so the
   * SVG's text takes the room measured for it at any zoom. */
  pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango, options);
  cairo_font_options_destroy (options);

  scene->width = width;
  scene->height = height;
  if (title != NULL && *title != '\0')
    {
      /* A title or a name over the most Dossier writes (a file from
       * elsewhere: 10 MB took 900 MB and 13 s to lay out) is shortened
       * to it. */
      g_autofree char *shown = dossier_text_shorten (title, DOSSIER_PROJECT_MAX_TITLE);

      /* TRANSLATORS: the heading of the grid's picture; %s is the project's title. */
      heading = g_strdup_printf (_("Power and interest: %s"), shown);
    }
  else
    heading = g_strdup (_("Power and interest"));
  text_init (&scene->heading, pango, heading, HEADING_SIZE, TRUE, COLOR_TEXT);
  text_init (&scene->axis_power, pango, _("Power →"), SMALL_SIZE, FALSE, COLOR_DIM_TEXT);
  text_init (&scene->axis_interest, pango, _("Interest →"), SMALL_SIZE, FALSE, COLOR_DIM_TEXT);
  for (int q = 0; q < DOSSIER_GRID_N_QUADRANTS; q++)
    {
      text_init (&scene->titles[q], pango, dossier_grid_quadrant_get_label (q), SMALL_SIZE, TRUE,
                 COLOR_DIM_TEXT);
      m.title_width[q] = scene->titles[q].width;
      m.title_height[q] = scene->titles[q].height;
    }
  m.dot_radius_min = 5;
  m.dot_radius_max = 13;
  m.gap = 4;
  build_legend (scene, pango, &m);

  m.margin_top = PAD + scene->heading.height + PAD / 2;
  m.margin_left = PAD + scene->axis_power.height + 6;
  m.margin_right = PAD;
  m.margin_bottom = 6 + scene->axis_interest.height + PAD + scene->legend_height + PAD;

  scene->n = g_list_model_get_n_items (stakeholders);
  scene->stakeholders = g_new0 (DossierStakeholder *, scene->n);
  scene->names = g_new0 (Text, scene->n);
  scene->items = g_new0 (DossierGridItem, scene->n);
  for (guint i = 0; i < scene->n; i++)
    {
      DossierStakeholder *s = g_list_model_get_item (stakeholders, i);
      g_autofree char *name = dossier_text_shorten (dossier_stakeholder_get_name (s),
                                                    DOSSIER_STAKEHOLDER_MAX_NAME);

      scene->stakeholders[i] = s;
      dossier_grid_item_init (&scene->items[i], s);
      text_init (&scene->names[i], pango, name, LABEL_SIZE, FALSE, COLOR_TEXT);
      scene->items[i].label_width = scene->names[i].width;
      scene->items[i].label_height = scene->names[i].height;
    }
  scene->layout = dossier_grid_layout_new (scene->items, scene->n, width, height, &m);
  g_object_unref (pango);
  return g_steal_pointer (&scene);
}

static void
scene_draw (Scene  *scene,
            Canvas *c)
{
  const DossierGridLayout *layout = scene->layout;
  const DossierGridRect *plot = &layout->plot;
  double mid_x = plot->x + plot->width / 2;
  double mid_y = plot->y + plot->height / 2;
  double legend_top = scene->height - PAD - scene->legend_height;

  c->rect (c, 0, 0, scene->width, scene->height, COLOR_BACKGROUND, NULL);
  c->text (c, &scene->heading, PAD, PAD, FALSE);

  /* Key players, the quadrant that matters most, a shade darker. */
  c->begin_group (c, "quadrants", NULL);
  c->rect (c, plot->x, plot->y, plot->width / 2, plot->height / 2, COLOR_QUADRANT, NULL);
  c->rect (c, mid_x, plot->y, plot->width / 2, plot->height / 2, COLOR_KEY_PLAYERS, NULL);
  c->rect (c, plot->x, mid_y, plot->width / 2, plot->height / 2, COLOR_QUADRANT, NULL);
  c->rect (c, mid_x, mid_y, plot->width / 2, plot->height / 2, COLOR_QUADRANT, NULL);
  c->rect (c, plot->x, plot->y, plot->width, plot->height, NULL, COLOR_RULE);
  c->line (c, mid_x, plot->y, mid_x, plot->y + plot->height, COLOR_RULE);
  c->line (c, plot->x, mid_y, plot->x + plot->width, mid_y, COLOR_RULE);
  for (int q = 0; q < DOSSIER_GRID_N_QUADRANTS; q++)
    c->text (c, &scene->titles[q], layout->titles[q].x, layout->titles[q].y, FALSE);
  c->text (c, &scene->axis_interest, mid_x - scene->axis_interest.width / 2,
           layout->titles[DOSSIER_GRID_MONITOR].y + layout->titles[DOSSIER_GRID_MONITOR].height + 6,
           FALSE);
  c->text (c, &scene->axis_power, PAD, mid_y + scene->axis_power.width / 2, TRUE);
  c->end_group (c);

  for (guint i = 0; i < layout->n_places; i++)
    {
      const DossierGridPlace *p = &layout->places[i];
      const char *color = dossier_grid_stance_color (scene->items[i].stance_position);
      g_autofree char *title = dossier_grid_describe (scene->stakeholders[i]);

      c->begin_group (c, "stakeholder", title);
      if (p->label_shown && p->leader)
        c->line (c, p->leader_x1, p->leader_y1, p->leader_x2, p->leader_y2, COLOR_LEADER);
      if (p->hollow)
        c->circle (c, p->x, p->y, p->radius - 1, COLOR_BACKGROUND, color, 2);
      else
        c->circle (c, p->x, p->y, p->radius, color, COLOR_BACKGROUND, 1);
      if (p->label_shown)
        c->text (c, &scene->names[i], p->label.x, p->label.y, FALSE);
      c->end_group (c);
    }

  c->begin_group (c, "legend", NULL);
  for (guint i = 0; i < scene->legend->len; i++)
    {
      LegendEntry *e = &g_array_index (scene->legend, LegendEntry, i);
      double row_h = MAX (2 * e->radius, e->text.height);
      double cy = legend_top + e->y + row_h / 2;

      c->circle (c, e->x + e->radius, cy, e->radius - (e->hollow ? 1 : 0), e->fill, e->stroke,
                 e->hollow ? 2 : 1);
      c->text (c, &e->text, e->x + 2 * e->radius + 6, cy - e->text.height / 2, FALSE);
    }
  c->end_group (c);
}

/* ---- Writing --------------------------------------------------------------------- */

static char *
scene_to_svg (Scene      *scene,
              const char *description)
{
  SvgCanvas svg = {
    { svg_rect, svg_line, svg_circle, svg_text, svg_begin_group, svg_end_group },
    g_string_new (NULL),
  };
  g_autofree char *title = g_markup_escape_text (scene->heading.str, -1);
  g_autofree char *desc = g_markup_escape_text (description, -1);

  g_string_append_printf (svg.out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                          "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                          "font-family=\"%s\" role=\"img\" aria-labelledby=\"title desc\">\n"
                          "<title id=\"title\">%s</title>\n<desc id=\"desc\">%s</desc>\n",
                          (int) scene->width, (int) scene->height,
                          (int) scene->width, (int) scene->height, FONT_FAMILY, title, desc);
  scene_draw (scene, &svg.base);
  g_string_append (svg.out, "</svg>\n");
  return g_string_free (svg.out, FALSE);
}

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} PngWrite;

static cairo_status_t
write_png_chunk (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  PngWrite *w = closure;

  if (w->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (w->stream, data, length, NULL, w->cancellable, &w->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
scene_write_png (Scene          *scene,
                 GOutputStream  *stream,
                 GCancellable   *cancellable,
                 GError        **error)
{
  PangoContext *pango;
  PngWrite w = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  CairoCanvas canvas = {
    { canvas_cairo_rect, canvas_cairo_line, canvas_cairo_circle, canvas_cairo_text,
      canvas_cairo_begin_group, canvas_cairo_end_group },
  };

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) scene->width,
                                        (int) scene->height);
  canvas.cr = cairo_create (surface);
  pango = pango_cairo_create_context (canvas.cr);
  {
    cairo_font_options_t *options = cairo_font_options_create ();

    /* The metrics the layout was measured with. */
    cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options (pango, options);
    cairo_font_options_destroy (options);
  }
  canvas.pango = pango;
  scene_draw (scene, &canvas.base);
  g_object_unref (pango);
  status = cairo_status (canvas.cr);
  cairo_destroy (canvas.cr);
  cairo_surface_flush (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_png_chunk, &w);
  cairo_surface_destroy (surface);

  if (w.error != NULL)
    {
      g_propagate_error (error, w.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* Out of memory, most likely, for a very large picture. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the grid (%s); try a smaller size"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static char *
describe_all (Scene *scene)
{
  GString *out = g_string_new (NULL);

  if (scene->n == 0)
    g_string_append (out, _("No stakeholders yet."));
  for (guint i = 0; i < scene->n; i++)
    {
      g_autofree char *line = dossier_grid_describe (scene->stakeholders[i]);

      if (i > 0)
        g_string_append (out, "; ");
      g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
}

gboolean
dossier_grid_render_to_stream (GListModel               *stakeholders,
                               const char               *title,
                               DossierGridRenderFormat   format,
                               int                       width,
                               int                       height,
                               GOutputStream            *stream,
                               GCancellable             *cancellable,
                               GError                  **error)
{
  g_autoptr(Scene) scene = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (stakeholders), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (width < DOSSIER_GRID_RENDER_MIN_SIZE || width > DOSSIER_GRID_RENDER_MAX_SIZE ||
      height < DOSSIER_GRID_RENDER_MIN_SIZE || height > DOSSIER_GRID_RENDER_MAX_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A grid of %d × %d pixels cannot be drawn; give a width and a height "
                     "from %d to %d"),
                   width, height, DOSSIER_GRID_RENDER_MIN_SIZE, DOSSIER_GRID_RENDER_MAX_SIZE);
      return FALSE;
    }

  scene = scene_new (stakeholders, title, width, height);
  if (format == DOSSIER_GRID_RENDER_SVG)
    {
      g_autofree char *description = describe_all (scene);
      g_autofree char *svg = scene_to_svg (scene, description);

      return g_output_stream_write_all (stream, svg, strlen (svg), NULL, cancellable, error);
    }
  return scene_write_png (scene, stream, cancellable, error);
}

typedef struct
{
  GListModel              *stakeholders;
  const char              *title;
  DossierGridRenderFormat  format;
  int                      width;
  int                      height;
} RenderJob;

static gboolean
write_render (GOutputStream  *stream,
              gpointer        user_data,
              GCancellable   *cancellable,
              GError        **error)
{
  RenderJob *job = user_data;

  return dossier_grid_render_to_stream (job->stakeholders, job->title, job->format, job->width,
                                        job->height, stream, cancellable, error);
}

gboolean
dossier_grid_render_to_file (GListModel               *stakeholders,
                             const char               *title,
                             DossierGridRenderFormat   format,
                             int                       width,
                             int                       height,
                             const char               *path,
                             GCancellable             *cancellable,
                             GError                  **error)
{
  RenderJob job = { stakeholders, title, format, width, height };

  g_return_val_if_fail (G_IS_LIST_MODEL (stakeholders), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return dossier_export_write_to_path (path, write_render, &job, cancellable, error);
}
