/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-contrast.c — the application's own colours against WCAG 2 AA, light
 * and dark: dimmed text (row subtitles, card memos, the reader's byline)
 * and count badges at 4.5:1, focus rings and the tag picker's selected row
 * at 3:1. Measured on
 * what GTK draws with libadwaita and the application's style.css: solid
 * block glyphs (U+2588) stand for text, so that a pixel gives the text's
 * colour with its opacity; ratios are computed here (WCAG's formula). */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "dossier-document-view.h"
#include "ui-test-util.h"

/* A title, and a paragraph of block glyphs: the body text's colour. */
#define DOCUMENT_TITLE "Fares"
#define DOCUMENT_TEXT  DOCUMENT_TITLE "\n\n████\n"

typedef struct
{
  GtkWidget *window;
  GtkWidget *dim_on_window;
  GtkWidget *dim_on_card;
  GtkWidget *dim_on_view;
  GtkWidget *badge;
  GtkWidget *button;
  GtkWidget *list;
  GtkWidget *row;
  GtkWidget *tree_row;
  GtkWidget *toasts;      /* an AdwToastOverlay over ink and paper */
  DossierDocumentView *reader;  /* DOCUMENT_TEXT under a byline of blocks */
} Fixture;

static double
channel_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * channel_linear (c->red) + 0.7152 * channel_linear (c->green)
         + 0.0722 * channel_linear (c->blue);
}

static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static GdkTexture *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static GdkRGBA
pixel (GdkTexture *texture,
       GtkWidget  *root,
       GtkWidget  *widget,
       double      x,
       double      y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  graphene_point_t p;
  const guchar *px;

  g_assert_true (gtk_widget_compute_point (widget, root, &GRAPHENE_POINT_INIT (x, y), &p));
  g_assert_cmpfloat (p.x, >=, 0);
  g_assert_cmpfloat (p.y, >=, 0);
  g_assert_cmpfloat (p.x, <, width);
  g_assert_cmpfloat (p.y, <, height);
  gdk_texture_download (texture, data, (gsize) width * 4);
  px = data + ((gsize) p.y * width + (gsize) p.x) * 4;   /* B, G, R, A */
  return (GdkRGBA) { px[2] / 255.0, px[1] / 255.0, px[0] / 255.0, 1 };
}

static GtkWidget *
block_label (const char *first_class,
             const char *second_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Large enough that the middle of the block is solid colour. */
  gtk_label_set_markup (GTK_LABEL (label), "<span size=\"xx-large\">██</span>");
  if (first_class != NULL)
    gtk_widget_add_css_class (label, first_class);
  if (second_class != NULL)
    gtk_widget_add_css_class (label, second_class);
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  return label;
}

static GtkWidget *
surface (GtkWidget  *box,
         const char *css_class,
         GtkWidget  *child)
{
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  if (css_class != NULL)
    gtk_widget_add_css_class (frame, css_class);
  gtk_widget_set_margin_top (child, 12);
  gtk_widget_set_margin_bottom (child, 12);
  gtk_widget_set_margin_start (child, 12);
  gtk_box_append (GTK_BOX (frame), child);
  gtk_box_append (GTK_BOX (box), frame);
  return frame;
}

/* The first widget at or below @widget whose CSS name is @name. */
static GtkWidget *
find_css_name (GtkWidget  *widget,
               const char *name)
{
  if (g_strcmp0 (gtk_widget_get_css_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_css_name (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
wait_drawn (Fixture *fx)
{
  for (int i = 0; i < 5; i++)
    {
      gtk_test_widget_wait_for_draw (fx->window);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *picker = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *row_label = gtk_label_new ("Government");
  GtkWidget *tree_label;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      GPOINTER_TO_INT (data) ? ADW_COLOR_SCHEME_FORCE_DARK
                                                             : ADW_COLOR_SCHEME_FORCE_LIGHT);

  fx->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fx->window), 400, 700);
  gtk_window_set_child (GTK_WINDOW (fx->window), box);

  fx->dim_on_window = block_label ("dim-label", "caption");
  surface (box, NULL, fx->dim_on_window);
  fx->dim_on_card = block_label ("dim-label", NULL);
  surface (box, "card", fx->dim_on_card);
  fx->dim_on_view = block_label ("dim-label", "caption");
  surface (box, "view", fx->dim_on_view);
  fx->badge = block_label ("count-badge", NULL);
  surface (box, NULL, fx->badge);

  fx->button = gtk_button_new_with_label ("Export");
  gtk_widget_set_halign (fx->button, GTK_ALIGN_START);
  surface (box, NULL, fx->button);

  /* The pickers' list, as DossierFilterPopover has it. */
  gtk_widget_add_css_class (picker, "dossier-filter-popover");
  gtk_widget_add_css_class (picker, "view");
  fx->list = gtk_list_box_new ();
  gtk_widget_add_css_class (fx->list, "navigation-sidebar");
  fx->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (fx->row), row_label);
  gtk_list_box_append (GTK_LIST_BOX (fx->list), fx->row);
  gtk_list_box_append (GTK_LIST_BOX (fx->list), gtk_label_new ("Business"));
  gtk_box_append (GTK_BOX (picker), fx->list);
  gtk_box_append (GTK_BOX (box), picker);

  /* A tree list's row, as the codebook has it: GTK 4.8 gives the focus
   * to its expander, not to the row. */
  fx->tree_row = gtk_tree_expander_new ();
  tree_label = gtk_label_new ("Late service");
  gtk_widget_set_margin_start (tree_label, 12);   /* clear of the ring */
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (fx->tree_row), tree_label);
  gtk_widget_set_hexpand (fx->tree_row, TRUE);
  surface (box, "navigation-sidebar", fx->tree_row);

  /* A toast over a page whose left half is ink (text under it), the
   * right half paper. */
  {
    GtkWidget *page = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    GtkWidget *ink = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    GtkWidget *paper = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    AdwToast *toast = adw_toast_new ("Imported “Harbour budget notes” into the project");

    gtk_widget_add_css_class (page, "view");
    gtk_widget_add_css_class (ink, "test-ink");
    gtk_widget_set_hexpand (ink, TRUE);
    gtk_widget_set_hexpand (paper, TRUE);
    gtk_widget_set_size_request (page, -1, 90);
    gtk_box_append (GTK_BOX (page), ink);
    gtk_box_append (GTK_BOX (page), paper);
    fx->toasts = adw_toast_overlay_new ();
    adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fx->toasts), page);
    adw_toast_set_timeout (toast, 0);
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (fx->toasts), toast);
    gtk_box_append (GTK_BOX (box), fx->toasts);
  }

  /* The reader's document view, a title with a byline over a paragraph. */
  {
    const DossierBlock blocks[] = {
      { 0, strlen (DOCUMENT_TITLE), DOSSIER_BLOCK_TITLE, 0 },
      { strlen (DOCUMENT_TITLE) + 2, strlen (DOCUMENT_TITLE) + 6, DOSSIER_BLOCK_PARAGRAPH, 0 },
    };

    fx->reader = DOSSIER_DOCUMENT_VIEW (dossier_document_view_new ());
    gtk_widget_set_size_request (GTK_WIDGET (fx->reader), -1, 200);
    dossier_document_view_set_text (fx->reader, DOCUMENT_TEXT, blocks, G_N_ELEMENTS (blocks));
    dossier_document_view_set_byline (fx->reader, "████", NULL);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (fx->reader));
  }

  gtk_window_present (GTK_WINDOW (fx->window));
  while (!gtk_widget_get_mapped (fx->row))
    g_main_context_iteration (NULL, TRUE);
  gtk_list_box_select_row (GTK_LIST_BOX (fx->list), GTK_LIST_BOX_ROW (fx->row));
  gtk_window_set_focus_visible (GTK_WINDOW (fx->window), TRUE);
  gtk_widget_grab_focus (fx->button);
  wait_drawn (fx);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The middle of the block glyphs against the surface beside them. */
static double
text_contrast (Fixture   *fx,
               GdkTexture *texture,
               GtkWidget  *label)
{
  GtkWidget *root = fx->window;
  double h = gtk_widget_get_height (label);
  /* In the first block (two blocks may leave a seam between them). */
  GdkRGBA ink = pixel (texture, root, label, gtk_widget_get_width (label) * 0.3, h / 2);
  GdkRGBA page = pixel (texture, root, label, -6, h / 2);

  return contrast (&ink, &page);
}

/* The colour in the middle of the first block glyph of the byline of
 * @view, and of the page right of its glyphs. */
static void
byline_colors (Fixture             *fx,
               GdkTexture          *texture,
               DossierDocumentView *view,
               GdkRGBA             *ink,
               GdkRGBA             *page)
{
  GtkWidget *byline = find_with_class (GTK_WIDGET (view), "dossier-byline");
  PangoRectangle glyph, line;
  int x, y;

  g_assert_true (gtk_widget_get_mapped (byline));

  gtk_label_get_layout_offsets (GTK_LABEL (byline), &x, &y);
  pango_layout_index_to_pos (gtk_label_get_layout (GTK_LABEL (byline)), 0, &glyph);
  pango_layout_get_pixel_extents (gtk_label_get_layout (GTK_LABEL (byline)), NULL, &line);
  *ink = pixel (texture, fx->window, byline, x + (glyph.x + glyph.width / 2.0) / PANGO_SCALE,
                y + (glyph.y + glyph.height / 2.0) / PANGO_SCALE);
  *page = pixel (texture, fx->window, byline, x + line.x + line.width + 8,
                 y + (glyph.y + glyph.height / 2.0) / PANGO_SCALE);
}

/* The colour in the middle of the first character of the text of @view
 * at @offset. */
static GdkRGBA
text_color (Fixture             *fx,
            GdkTexture          *texture,
            DossierDocumentView *view,
            int                  offset)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (view);
  GtkTextIter iter;
  GdkRectangle at;
  int x, y;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, offset);
  gtk_text_view_get_iter_location (text_view, &iter, &at);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, at.x, at.y, &x, &y);
  return pixel (texture, fx->window, GTK_WIDGET (text_view), x + at.width / 2.0, y + at.height / 2.0);
}

/* The strongest contrast along a line crossing the left edge of @widget's
 * border box, against @page: what a ring or a bar there reaches. */
static double
edge_contrast (Fixture    *fx,
               GdkTexture *texture,
               GtkWidget  *widget,
               double      outside,
               double      inside,
               GdkRGBA    *page)
{
  graphene_rect_t bounds;
  double best = 1;

  g_assert_true (gtk_widget_compute_bounds (widget, fx->window, &bounds));
  for (double x = bounds.origin.x - outside; x <= bounds.origin.x + inside; x += 1)
    {
      GdkRGBA p = pixel (texture, fx->window, fx->window, x,
                         bounds.origin.y + bounds.size.height / 2);

      best = MAX (best, contrast (&p, page));
    }
  return best;
}

static void
test_contrast (Fixture       *fx,
               gconstpointer  data)
{
  GtkWidget *root = fx->window;
  g_autoptr(GdkTexture) texture = render (root);
  const char *style = GPOINTER_TO_INT (data) ? "dark" : "light";
  struct { const char *what; GtkWidget *label; } texts[] = {
    { "dimmed caption on the window", fx->dim_on_window },
    { "dimmed text on a card", fx->dim_on_card },
    { "dimmed caption on a view", fx->dim_on_view },
  };
  GdkRGBA page;
  double ratio;

  g_assert_cmpint (adw_style_manager_get_dark (adw_style_manager_get_default ()), ==, GPOINTER_TO_INT (data));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      ratio = text_contrast (fx, texture, texts[i].label);
      g_test_message ("%s, %s: %.2f:1", texts[i].what, style, ratio);
      if (ratio < 4.5)
        g_error ("%s (%s) is %.2f:1, under 4.5:1", texts[i].what, style, ratio);
    }

  /* The byline under a document's title: secondary text, dimmer than
   * the body's, and still readable. It sits in the text view, where
   * Adwaita's dimming did not reach it. */
  {
    GdkRGBA ink, paper, body;
    double body_ratio;

    byline_colors (fx, texture, fx->reader, &ink, &paper);
    body = text_color (fx, texture, fx->reader, strlen (DOCUMENT_TITLE) + 2);
    ratio = contrast (&ink, &paper);
    body_ratio = contrast (&body, &paper);
    g_test_message ("byline, %s: %.2f:1 (#%02x%02x%02x), body text %.2f:1 (#%02x%02x%02x)", style,
                    ratio, (int) (ink.red * 255), (int) (ink.green * 255), (int) (ink.blue * 255),
                    body_ratio, (int) (body.red * 255), (int) (body.green * 255), (int) (body.blue * 255));
    if (ratio < 4.5)
      g_error ("the byline (%s) is %.2f:1, under 4.5:1", style, ratio);
    if (ratio >= body_ratio)
      g_error ("the byline (%s) is %.2f:1, no dimmer than the body text's %.2f:1", style, ratio,
               body_ratio);
  }

  /* The badge: its text against its own tint, in its padding (left of
   * the content box, where widget coordinates start). */
  {
    double h = gtk_widget_get_height (fx->badge);
    GdkRGBA ink = pixel (texture, root, fx->badge, gtk_widget_get_width (fx->badge) * 0.3, h / 2);
    GdkRGBA tint = pixel (texture, root, fx->badge, -3, h / 2);

    ratio = contrast (&ink, &tint);
    g_test_message ("count badge, %s: %.2f:1", style, ratio);
    if (ratio < 4.5)
      g_error ("the count badge (%s) is %.2f:1, under 4.5:1", style, ratio);
  }

  /* The focus ring of a focused button, against the window. */
  page = pixel (texture, root, fx->button, -24, gtk_widget_get_height (fx->button) / 2.0);
  g_assert_true (gtk_widget_has_visible_focus (fx->button));
  /* The ring is within a few pixels of the border box; the label further in. */
  ratio = edge_contrast (fx, texture, fx->button, 6, 4, &page);
  g_test_message ("focus ring, %s: %.2f:1", style, ratio);
  if (ratio < 3.0)
    g_error ("the focus ring (%s) is %.2f:1, under 3:1", style, ratio);

  /* The ring of a focused tree row (the codebook's), against its list. */
  g_assert_true (gtk_widget_grab_focus (fx->tree_row));
  wait_drawn (fx);
  g_assert_true (gtk_widget_has_visible_focus (fx->tree_row));
  {
    g_autoptr(GdkTexture) focused = render (root);

    page = pixel (focused, root, fx->tree_row, -8, gtk_widget_get_height (fx->tree_row) / 2.0);
    ratio = edge_contrast (fx, focused, fx->tree_row, 0, 4, &page);
    g_test_message ("focused tree row, %s: %.2f:1", style, ratio);
    if (ratio < 3.0)
      g_error ("the focused tree row's ring (%s) is %.2f:1, under 3:1", style, ratio);
  }

  /* A toast is opaque: its background is the same over text as over
   * the bare page (libadwaita's is 70 % black, and the reader's lines
   * showed through it between its words). Sampled in its padding, above
   * its text, left and right of its middle. */
  {
    GtkWidget *toast = find_css_name (fx->toasts, "toast");
    double w, above;
    GdkRGBA over_ink, over_paper;

    g_assert_nonnull (toast);
    w = gtk_widget_get_width (toast);
    above = 3;
    over_ink = pixel (texture, root, toast, w * 0.35, above);
    over_paper = pixel (texture, root, toast, w * 0.65, above);
    g_test_message ("toast, %s: over ink #%02x%02x%02x, over paper #%02x%02x%02x", style,
                    (int) (over_ink.red * 255), (int) (over_ink.green * 255), (int) (over_ink.blue * 255),
                    (int) (over_paper.red * 255), (int) (over_paper.green * 255), (int) (over_paper.blue * 255));
    if (!gdk_rgba_equal (&over_ink, &over_paper))
      g_error ("the toast (%s) shows what lies under it", style);
  }

  /* The tag picker's selected row, against the list. */
  {
    GtkListBoxRow *other = gtk_list_box_get_row_at_index (GTK_LIST_BOX (fx->list), 1);

    page = pixel (texture, root, GTK_WIDGET (other), 0, gtk_widget_get_height (GTK_WIDGET (other)) / 2.0);
    ratio = edge_contrast (fx, texture, fx->row, 0, 6, &page);
    g_test_message ("selected picker row, %s: %.2f:1", style, ratio);
    if (ratio < 3.0)
      g_error ("the tag picker's selected row (%s) is %.2f:1, under 3:1", style, ratio);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GtkCssProvider) ink = gtk_css_provider_new ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The toast is drawn where it ends, not faded in. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_css_provider_load_from_data (ink, ".test-ink { background-color: black; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (ink),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  /* The application's style.css, as AdwApplication loads it. */
  gtk_css_provider_load_from_resource (provider, "/org/dossier/Dossier/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/dossier/contrast/light", Fixture, GINT_TO_POINTER (FALSE),
              fixture_setup, test_contrast, fixture_teardown);
  g_test_add ("/dossier/contrast/dark", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_contrast, fixture_teardown);

  return g_test_run ();
}
