/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-matrix.c — the comparison matrix widget on a real project: the
 * numbers, shades and totals drawn; the arrow keys, Home, End and the
 * page keys move the selection and say so, Enter activates; a click on a
 * cell, a row's name or a document's heading selects it; tooltips and
 * the accessible description say the row, document and value; the
 * headings stay put while the body scrolls to the selection; a 1 × 1, an
 * empty and a missing comparison; titles far too long for a column;
 * sorting by a heading (a click, Space) with the selection kept, the
 * filter, and a tag's sub-tags collapsed by mouse and keys; every number
 * readable on its shade, light and dark.
 */

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>
#include <dossier/dossier.h>

#include "dossier-contrast.h"
#include "dossier-matrix.h"
#include "test-util.h"

#define LONG_TITLE "Councillors approve the harbour tram line after a night of argument " \
                   "over the cost, the route past the heritage quay and the grant deadline " \
                   "that the ministry would not move"

typedef struct
{
  TestProject    base;
  GtkWidget     *window;
  GtkWidget     *scrolled;
  DossierMatrix *matrix;
  gint64         docs[3];
  gint64         cost;
  gint64         overruns;
  gint64         route;
  gint64         noise;
  int            n_changed;
  int            n_activated;
  int            n_arranged;
} Fixture;

static void
on_changed (DossierMatrix *matrix,
            Fixture       *f)
{
  f->n_changed++;
}

static void
on_activate (DossierMatrix *matrix,
             Fixture       *f)
{
  f->n_activated++;
}

static void
on_arranged (DossierMatrix *matrix,
             Fixture       *f)
{
  f->n_arranged++;
}

static DossierComparison *
compare (Fixture *f,
         guint    n_docs)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  DossierComparison *c = dossier_project_compare (f->base.project, f->docs, n_docs, &options, &error);

  g_assert_no_error (error);
  return c;
}

static void
show_matrix (Fixture *f,
             int      width,
             int      height)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_present (GTK_WINDOW (f->window));
  while (gtk_widget_get_width (GTK_WIDGET (f->matrix)) == 0)
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->matrix));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  DossierProject *p;

  test_project_set_up (&f->base, data);
  p = f->base.project;
  f->docs[0] = add_markdown_doc (p, "# Tram line approved\n\nThe line will cost £164 million. "
                                    "The grant deadline falls in March.\n\nResidents near the depot "
                                    "worried about noise. Overruns are likely.\n",
                                 "The Post", "2026-03-04");
  f->docs[1] = add_markdown_doc (p, "# Council backs tram\n\nThe first stretch of track runs past the "
                                    "quay. The line will cost £210m. The cost worries traders.\n",
                                 "Wire", NULL);
  f->docs[2] = add_markdown_doc (p, "# " LONG_TITLE "\n\nNoise from the depot worries residents. "
                                    "The budget is £210 million.\n", NULL, NULL);
  f->cost = add_tag (p, "Cost", 0);
  f->overruns = add_tag (p, "Overruns", f->cost);
  f->route = add_tag (p, "Route", 0);
  f->noise = add_tag (p, "Noise", 0);
  add_phrase_highlight (p, f->docs[0], "The line will cost £164 million", f->cost, NULL);
  add_phrase_highlight (p, f->docs[0], "Overruns are likely", f->overruns, NULL);
  add_phrase_highlight (p, f->docs[1], "The line will cost £210m", f->cost, NULL);
  add_phrase_highlight (p, f->docs[1], "The cost worries traders", f->cost, NULL);
  add_phrase_highlight (p, f->docs[2], "The budget is £210 million", f->cost, NULL);
  add_phrase_highlight (p, f->docs[1], "The first stretch of track", f->route, NULL);
  add_phrase_highlight (p, f->docs[0], "Residents near the depot worried about noise", f->noise, NULL);

  f->window = gtk_window_new ();
  f->scrolled = gtk_scrolled_window_new ();
  f->matrix = DOSSIER_MATRIX (dossier_matrix_new ());
  g_object_ref_sink (f->matrix);
  g_signal_connect (f->matrix, "selection-changed", G_CALLBACK (on_changed), f);
  g_signal_connect (f->matrix, "activate", G_CALLBACK (on_activate), f);
  g_signal_connect (f->matrix, "arrangement-changed", G_CALLBACK (on_arranged), f);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (f->scrolled), GTK_WIDGET (f->matrix));
  gtk_window_set_child (GTK_WINDOW (f->window), f->scrolled);
  {
    g_autoptr(DossierComparison) c = compare (f, 3);

    dossier_matrix_set_comparison (f->matrix, c);
  }
  f->n_changed = 0;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->matrix);
  test_project_tear_down (&f->base, data);
}

static gboolean
press (Fixture         *f,
       guint            keyval,
       GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->matrix));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, mods, &handled);
    }
  return handled;
}

static void
assert_selection (Fixture *f,
                  int      row,
                  int      column)
{
  int r, c;

  dossier_matrix_get_selection (f->matrix, &r, &c);
  g_assert_cmpint (r, ==, row);
  g_assert_cmpint (c, ==, column);
}

static void
assert_text (Fixture    *f,
             int         row,
             int         column,
             const char *expected)
{
  g_autofree char *text = dossier_matrix_get_cell_text (f->matrix, row, column);

  g_assert_cmpstr (text, ==, expected);
}

/* Clicks the middle of a cell or heading, as drawn now. */
static gboolean
click (Fixture *f,
       int      row,
       int      column,
       int      n_press)
{
  graphene_rect_t area;

  g_assert_true (dossier_matrix_get_cell_area (f->matrix, row, column, &area));
  return dossier_matrix_click (f->matrix, area.origin.x + area.size.width / 2,
                               area.origin.y + area.size.height / 2, n_press);
}

static void
test_cells (Fixture       *f,
            gconstpointer  data)
{
  show_matrix (f, 900, 500);

  /* Rows as the codebook's tree (a tag counts its sub-tags'), documents
   * in the order given, totals last. */
  assert_text (f, 0, -1, "Cost");
  assert_text (f, 1, -1, "Overruns");
  assert_text (f, 2, -1, "Route");
  assert_text (f, 3, -1, "Noise");
  assert_text (f, 4, -1, "Total");
  assert_text (f, -1, 0, "Tram line approved");
  assert_text (f, -1, 2, LONG_TITLE);
  assert_text (f, -1, 3, "Total");
  assert_text (f, 0, 0, "2");
  assert_text (f, 0, 1, "2");
  assert_text (f, 0, 2, "1");
  assert_text (f, 2, 0, "0");
  assert_text (f, 0, 3, "5");
  assert_text (f, 4, 0, "3");
  g_assert_null (dossier_matrix_get_cell_text (f->matrix, 5, 0));
  g_assert_null (dossier_matrix_get_cell_text (f->matrix, 0, 4));
  g_assert_null (dossier_matrix_get_cell_text (f->matrix, -1, -1));

  /* Shaded by density: the largest darkest, nothing blank, totals not. */
  g_assert_cmpint (dossier_matrix_get_density (f->matrix, 0, 0), ==, 5);
  g_assert_cmpint (dossier_matrix_get_density (f->matrix, 0, 2), ==, 3);
  g_assert_cmpint (dossier_matrix_get_density (f->matrix, 2, 0), ==, 0);
  g_assert_cmpint (dossier_matrix_get_density (f->matrix, 0, 3), ==, -1);
  g_assert_cmpint (dossier_matrix_get_density (f->matrix, -1, 0), ==, -1);

  /* A sub-tag is indented under its parent; all of it shows. */
  {
    graphene_rect_t a, b;

    g_assert_true (dossier_matrix_get_cell_area (f->matrix, 4, 3, &a));
    g_assert_cmpfloat (a.origin.x + a.size.width, <=, gtk_widget_get_width (GTK_WIDGET (f->matrix)));
    g_assert_cmpfloat (a.origin.y + a.size.height, <=, gtk_widget_get_height (GTK_WIDGET (f->matrix)));
    g_assert_true (dossier_matrix_get_cell_area (f->matrix, 0, 0, &a));
    g_assert_true (dossier_matrix_get_cell_area (f->matrix, 1, 0, &b));
    g_assert_cmpfloat (b.origin.y, ==, a.origin.y + a.size.height);
  }
}

/* The window as drawn, B, G, R, A bytes (cairo's order), to sample. */
static guchar *
render_window (Fixture *f,
               int     *stride)
{
  GtkWidget *root = f->window;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (root);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (root), height = gtk_widget_get_height (root);
  guchar *data;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (root)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  *stride = gdk_texture_get_width (texture) * 4;
  data = g_malloc ((gsize) *stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, data, *stride);
  return data;
}

static GdkRGBA
sample (Fixture      *f,
        const guchar *data,
        int           stride,
        double        x,
        double        y)
{
  graphene_point_t p;
  const guchar *px;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (f->matrix), f->window,
                                           &GRAPHENE_POINT_INIT (x, y), &p));
  px = data + (gsize) p.y * stride + (gsize) p.x * 4;
  return (GdkRGBA) { px[2] / 255.0, px[1] / 255.0, px[0] / 255.0, 1 };
}

/* Every cell's number against its shade, light and dark: WCAG's 4.5:1
 * for text (a little under, for the edges of antialiased glyphs: the
 * best pixel of a digit's stem is the number's colour or near it). */
static void
test_contrast (Fixture       *f,
               gconstpointer  data)
{
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme",
                GPOINTER_TO_INT (data), NULL);
  show_matrix (f, 900, 500);
  for (int pass = 0; pass < 2; pass++)
    {
      int stride;
      g_autofree guchar *pixels = render_window (f, &stride);
      int n_shades = 0;

      for (int r = 0; r < 4; r++)
        for (int col = 0; col < 3; col++)
          {
            graphene_rect_t area;
            GdkRGBA shade;
            double best = 1;

            g_assert_true (dossier_matrix_get_cell_area (f->matrix, r, col, &area));
            shade = sample (f, pixels, stride, area.origin.x + 8, area.origin.y + area.size.height / 2);
            for (double y = area.origin.y + 2; y < area.origin.y + area.size.height - 2; y++)
              for (double x = area.origin.x + 2; x < area.origin.x + area.size.width - 2; x++)
                {
                  GdkRGBA p = sample (f, pixels, stride, x, y);

                  best = MAX (best, dossier_contrast_ratio (&p, &shade));
                }
            g_test_message ("cell %d, %d (density %d): %.2f:1", r, col,
                            dossier_matrix_get_density (f->matrix, r, col), best);
            if (best < 4.3)
              g_error ("%s: the number in cell %d, %d (density %d) is %.2f:1 on its shade",
                       data ? "dark" : "light", r, col,
                       dossier_matrix_get_density (f->matrix, r, col), best);
            n_shades += dossier_matrix_get_density (f->matrix, r, col) == 5;
          }
      g_assert_cmpint (n_shades, >, 0);

      /* A selected cell too (its outline aside, the number the same). */
      dossier_matrix_select (f->matrix, 0, 0);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->matrix));
    }
  g_object_set (gtk_settings_get_default (), "gtk-application-prefer-dark-theme", FALSE, NULL);
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  show_matrix (f, 900, 500);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->matrix)));

  /* Nothing selected: Enter and Escape are not the matrix's; an arrow
   * lands on the first cell. */
  g_assert_false (press (f, GDK_KEY_Return, 0));
  g_assert_false (press (f, GDK_KEY_Escape, 0));
  g_assert_true (press (f, GDK_KEY_Right, 0));
  assert_selection (f, 0, 0);
  g_assert_cmpint (f->n_changed, ==, 1);

  g_assert_true (press (f, GDK_KEY_Right, 0));
  assert_selection (f, 0, 1);
  g_assert_true (press (f, GDK_KEY_Down, 0));
  g_assert_true (press (f, GDK_KEY_Down, 0));
  assert_selection (f, 2, 1);
  g_assert_cmpint (f->n_changed, ==, 4);

  /* Left of the first cell, the row's name (Route: no sub-tags, no
   * parent); no further (the key is still the matrix's, and nothing
   * changes). */
  g_assert_true (press (f, GDK_KEY_Left, 0));
  g_assert_true (press (f, GDK_KEY_Left, 0));
  assert_selection (f, 2, -1);
  g_assert_true (press (f, GDK_KEY_Left, 0));
  assert_selection (f, 2, -1);
  g_assert_cmpint (f->n_changed, ==, 6);
  g_assert_true (press (f, GDK_KEY_Right, 0));
  assert_selection (f, 2, 0);

  /* Above the first row, the document's heading. */
  g_assert_true (press (f, GDK_KEY_Up, 0));
  g_assert_true (press (f, GDK_KEY_Up, 0));
  g_assert_true (press (f, GDK_KEY_Up, 0));
  assert_selection (f, -1, 0);
  g_assert_true (press (f, GDK_KEY_Up, 0));
  assert_selection (f, -1, 0);
  g_assert_true (press (f, GDK_KEY_Down, 0));
  assert_selection (f, 0, 0);

  /* End and Home along the row; with Ctrl, the corners; the pages. */
  g_assert_true (press (f, GDK_KEY_End, 0));
  assert_selection (f, 0, 2);
  g_assert_true (press (f, GDK_KEY_Home, 0));
  assert_selection (f, 0, -1);
  g_assert_true (press (f, GDK_KEY_End, GDK_CONTROL_MASK));
  assert_selection (f, 3, 2);
  g_assert_true (press (f, GDK_KEY_Home, GDK_CONTROL_MASK));
  assert_selection (f, 0, 0);
  g_assert_true (press (f, GDK_KEY_Page_Down, 0));
  assert_selection (f, 3, 0);
  g_assert_true (press (f, GDK_KEY_Page_Up, 0));
  assert_selection (f, 0, 0);

  /* The right edge: the last document, not the totals. */
  for (int i = 0; i < 6; i++)
    press (f, GDK_KEY_Right, 0);
  assert_selection (f, 0, 2);

  /* Enter and Space activate what is selected; Escape lets it go. */
  g_assert_true (press (f, GDK_KEY_Return, 0));
  g_assert_true (press (f, GDK_KEY_space, 0));
  g_assert_cmpint (f->n_activated, ==, 2);
  g_assert_true (press (f, GDK_KEY_Escape, 0));
  assert_selection (f, -1, -1);

  /* Shift and Alt keys are someone else's. */
  g_assert_false (press (f, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_false (press (f, GDK_KEY_Down, GDK_ALT_MASK));
  assert_selection (f, -1, -1);
}

static void
test_click (Fixture       *f,
            gconstpointer  data)
{
  show_matrix (f, 900, 500);

  /* A cell, a row's name, a document's heading. */
  g_assert_true (click (f, 2, 1, 1));
  assert_selection (f, 2, 1);
  g_assert_true (click (f, 3, -1, 1));
  assert_selection (f, 3, -1);
  g_assert_true (click (f, -1, 2, 1));
  assert_selection (f, -1, 2);
  g_assert_cmpint (f->n_changed, ==, 3);
  g_assert_cmpint (f->n_activated, ==, 0);

  /* A row's total stands for the row, a document's for the document. */
  g_assert_true (click (f, 1, 3, 1));
  assert_selection (f, 1, -1);
  g_assert_true (click (f, 4, 0, 1));
  assert_selection (f, -1, 0);

  /* A double click activates. */
  g_assert_true (click (f, 0, 0, 1));
  g_assert_true (click (f, 0, 0, 2));
  assert_selection (f, 0, 0);
  g_assert_cmpint (f->n_activated, ==, 1);

  /* Past the matrix selects nothing. */
  g_assert_false (dossier_matrix_click (f->matrix, 2, gtk_widget_get_height (GTK_WIDGET (f->matrix)) - 2, 1));
  assert_selection (f, -1, -1);
}

static void
test_words (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *cell = NULL, *heading = NULL, *row = NULL, *total = NULL;

  show_matrix (f, 900, 500);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (f->matrix)), ==,
                   GTK_ACCESSIBLE_ROLE_GRID);

  /* Tooltips: the row, the document and the value, where it is first raised. */
  cell = dossier_matrix_get_tooltip (f->matrix, 0, 0);
  g_assert_true (g_str_has_prefix (cell, "Cost in Tram line approved: 2 highlights, including 1 sub-tag\nFirst at "));
  g_assert_true (g_str_has_suffix (cell, " % of the text"));
  g_clear_pointer (&cell, g_free);
  cell = dossier_matrix_get_tooltip (f->matrix, 0, 2);
  g_assert_true (g_str_has_prefix (cell, "Cost in " LONG_TITLE ": 1 highlight, including 1 sub-tag\n"));
  g_clear_pointer (&cell, g_free);
  cell = dossier_matrix_get_tooltip (f->matrix, 2, 0);
  g_assert_cmpstr (cell, ==, "Route in Tram line approved: 0 highlights");
  heading = dossier_matrix_get_tooltip (f->matrix, -1, 0);
  g_assert_true (g_str_has_prefix (heading, "Tram line approved\nThe Post · "));
  g_assert_true (g_str_has_suffix (heading, "3 highlights in all\n"
                                             "Click or press Space to sort the rows by this document"));
  row = dossier_matrix_get_tooltip (f->matrix, 1, -1);
  g_assert_cmpstr (row, ==, "Overruns\nCost/Overruns\n1 highlight in all");
  total = dossier_matrix_get_tooltip (f->matrix, 0, 3);
  g_assert_cmpstr (total, ==, "Total for Cost: 5 highlights, including 1 sub-tag");
  g_assert_null (dossier_matrix_get_tooltip (f->matrix, 9, 9));

  /* A screen reader hears the selection as it moves. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->matrix), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "4 rows by 3 documents. The arrow keys move between cells.");
  press (f, GDK_KEY_Down, 0);
  press (f, GDK_KEY_Down, 0);
  press (f, GDK_KEY_Down, 0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->matrix), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Route in Tram line approved: 0 highlights");
  press (f, GDK_KEY_Left, 0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->matrix), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Route in every document: 1 highlight");
  dossier_matrix_select (f->matrix, -1, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->matrix), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Everything in Council backs tram: 3 highlights. "
                                       "Click or press Space to sort the rows by this document.");
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (f->matrix), GTK_ACCESSIBLE_RELATION_ROW_COUNT, 4);
  gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (f->matrix), GTK_ACCESSIBLE_RELATION_COL_COUNT, 3);
}

/* The names of the rows, in order, are @... (NULL-terminated). */
static void
assert_rows (Fixture *f,
             ...)
{
  va_list ap;
  const char *name;
  int row = 0;

  va_start (ap, f);
  while ((name = va_arg (ap, const char *)) != NULL)
    assert_text (f, row++, -1, name);
  va_end (ap);
  /* Then the totals. */
  assert_text (f, row, -1, "Total");
}

/* A click on a document's heading sorts the rows by it, largest first,
 * again the other way round; "Total" by the total, the corner by name;
 * Space on a heading as a click. The selection stays on its row and
 * document; a sub-tag stays under its tag. */
static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  const DossierCompareArrangement *a;
  g_autofree char *tip = NULL;
  graphene_rect_t corner;

  show_matrix (f, 900, 500);
  /* Noise in the Post. */
  dossier_matrix_select (f->matrix, 3, 0);
  f->n_changed = 0;

  /* The Post: Cost 2 (with Overruns), Noise 1, Route 0. */
  g_assert_true (click (f, -1, 0, 1));
  assert_rows (f, "Cost", "Overruns", "Noise", "Route", NULL);
  a = dossier_matrix_get_arrangement (f->matrix);
  g_assert_cmpint (a->row_sort, ==, DOSSIER_COMPARE_SORT_DOCUMENT);
  g_assert_cmpint (a->row_sort_document, ==, f->docs[0]);
  g_assert_true (a->rows_descending);
  g_assert_cmpint (f->n_arranged, ==, 1);
  tip = dossier_matrix_get_tooltip (f->matrix, -1, 0);
  g_assert_true (g_str_has_suffix (tip, "\nRows sorted by this, largest first: click to reverse"));
  g_clear_pointer (&tip, g_free);
  /* The click selected the Post's column. */
  assert_selection (f, -1, 0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->matrix), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Everything in Tram line approved: 3 highlights. "
                                       "Rows sorted by this, largest first: click to reverse.");

  /* Again: smallest first. */
  g_assert_true (click (f, -1, 0, 1));
  assert_rows (f, "Route", "Noise", "Cost", "Overruns", NULL);
  g_assert_false (dossier_matrix_get_arrangement (f->matrix)->rows_descending);

  /* The selection follows its row across a sort, and nothing says it
   * changed: it did not. */
  dossier_matrix_select (f->matrix, 1, 2);   /* Noise in the long-titled one */
  f->n_changed = 0;
  dossier_matrix_sort_rows (f->matrix, DOSSIER_COMPARE_SORT_NAME, 0, FALSE);
  assert_rows (f, "Cost", "Overruns", "Noise", "Route", NULL);
  assert_selection (f, 2, 2);
  g_assert_cmpint (f->n_changed, ==, 0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->matrix), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Noise in " LONG_TITLE ": 0 highlights. "
                                       "Rows sorted by name, A to Z.");

  /* The corner: by name, then Z to A. */
  g_assert_true (dossier_matrix_get_cell_area (f->matrix, -1, 0, &corner));
  g_assert_true (dossier_matrix_click (f->matrix, 4, corner.size.height / 2, 1));
  assert_rows (f, "Route", "Noise", "Cost", "Overruns", NULL);
  assert_selection (f, 1, 2);
  tip = dossier_matrix_get_tooltip (f->matrix, -1, -1);
  g_assert_cmpstr (tip, ==, "Rows sorted by name, Z to A: click to reverse");
  g_clear_pointer (&tip, g_free);

  /* "Total": Cost 5, then Route and Noise (1 each, in the codebook's order). */
  g_assert_true (click (f, -1, 3, 1));
  assert_rows (f, "Cost", "Overruns", "Route", "Noise", NULL);
  g_assert_cmpint (dossier_matrix_get_arrangement (f->matrix)->row_sort, ==, DOSSIER_COMPARE_SORT_TOTAL);
  assert_text (f, 0, 3, "5");

  /* Space on a heading sorts by it; Enter still goes on to its passages. */
  dossier_matrix_select (f->matrix, -1, 1);
  g_assert_true (press (f, GDK_KEY_space, 0));
  g_assert_cmpint (dossier_matrix_get_arrangement (f->matrix)->row_sort_document, ==, f->docs[1]);
  /* The Wire: Cost 2, Route 1, Noise 0. */
  assert_rows (f, "Cost", "Overruns", "Route", "Noise", NULL);
  g_assert_true (press (f, GDK_KEY_space, 0));
  assert_rows (f, "Noise", "Route", "Cost", "Overruns", NULL);
  f->n_activated = 0;
  g_assert_true (press (f, GDK_KEY_Return, 0));
  g_assert_cmpint (f->n_activated, ==, 1);

  /* Documents by title: the selected one keeps its selection. */
  dossier_matrix_sort_columns (f->matrix, DOSSIER_COMPARE_SORT_NAME, FALSE);
  assert_text (f, -1, 0, "Council backs tram");
  assert_text (f, -1, 1, LONG_TITLE);
  assert_text (f, -1, 2, "Tram line approved");
  assert_selection (f, -1, 0);
  /* The rows are still sorted by the Wire's column, wherever it went. */
  assert_rows (f, "Noise", "Route", "Cost", "Overruns", NULL);

  /* A new comparison without the Wire: back to the codebook's order. */
  {
    gint64 two[2] = { f->docs[0], f->docs[2] };
    DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
    g_autoptr(DossierComparison) c = dossier_project_compare (f->base.project, two, 2, &options, NULL);

    dossier_matrix_set_comparison (f->matrix, c);
  }
  g_assert_cmpint (dossier_matrix_get_arrangement (f->matrix)->row_sort, ==, DOSSIER_COMPARE_SORT_ORDER);
  assert_rows (f, "Cost", "Overruns", "Route", "Noise", NULL);
}

/* Only the rows whose name holds the filter, with their parents; none: a
 * clear word for screen readers. */
static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  show_matrix (f, 900, 500);
  dossier_matrix_set_filter (f->matrix, "  OVERRUN ");
  g_assert_cmpstr (dossier_matrix_get_filter (f->matrix), ==, "OVERRUN");
  assert_rows (f, "Cost", "Overruns", NULL);
  /* The totals are those of the rows the filter keeps (Overruns; Cost
   * is there for it), not the whole documents' (3). */
  assert_text (f, 2, 0, "1");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->matrix), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "2 rows by 3 documents. The arrow keys move between cells. "
                                       "Rows matching “OVERRUN”.");

  dossier_matrix_set_filter (f->matrix, "zzz");
  assert_rows (f, NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->matrix), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "No rows match “zzz”.");
  /* The keys still move along the headings. */
  g_assert_true (press (f, GDK_KEY_Down, 0));
  assert_selection (f, -1, 0);

  dossier_matrix_set_filter (f->matrix, "");
  g_assert_null (dossier_matrix_get_filter (f->matrix));
  assert_rows (f, "Cost", "Overruns", "Route", "Noise", NULL);
  g_assert_cmpint (f->n_arranged, ==, 3);
  /* The same filter again is no change. */
  dossier_matrix_set_filter (f->matrix, NULL);
  g_assert_cmpint (f->n_arranged, ==, 3);
}

/* Cost has a sub-tag: its expander (a click), Left and Right on its name,
 * + and −; collapsed, it still counts Overruns' highlights. */
static void
test_tree (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *tip = NULL;
  graphene_rect_t name;

  show_matrix (f, 900, 500);

  /* The expander, left of the name. */
  g_assert_true (dossier_matrix_get_cell_area (f->matrix, 0, -1, &name));
  g_assert_true (dossier_matrix_click (f->matrix, 8 + 8, name.origin.y + name.size.height / 2, 1));
  g_assert_false (dossier_matrix_get_row_expanded (f->matrix, f->cost));
  assert_rows (f, "Cost", "Route", "Noise", NULL);
  assert_text (f, 0, 0, "2");
  assert_text (f, 0, 3, "5");
  /* A click on the expander is not a selection. */
  assert_selection (f, -1, -1);
  tip = dossier_matrix_get_tooltip (f->matrix, 0, -1);
  g_assert_cmpstr (tip, ==, "Cost\nCost\n5 highlights in all, including 1 sub-tag\n"
                            "Collapsed: click the arrow or press Right to show its sub-tags");
  g_assert_true (dossier_matrix_click (f->matrix, 8 + 8, name.origin.y + name.size.height / 2, 1));
  assert_rows (f, "Cost", "Overruns", "Route", "Noise", NULL);
  /* A click on the name beside it selects the row. */
  g_assert_true (click (f, 0, -1, 1));
  assert_selection (f, 0, -1);

  /* Left hides the sub-tags, Left again has nowhere to go; Right shows
   * them, Right again goes on to the first cell. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->matrix), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Cost in every document: 5 highlights, including 1 sub-tag. "
                                       "Expanded; Left hides its sub-tags.");
  g_assert_true (press (f, GDK_KEY_Left, 0));
  assert_rows (f, "Cost", "Route", "Noise", NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->matrix), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Cost in every document: 5 highlights, including 1 sub-tag. "
                                       "Collapsed; Right shows its sub-tags.");
  g_assert_true (press (f, GDK_KEY_Left, 0));
  assert_selection (f, 0, -1);
  g_assert_true (press (f, GDK_KEY_Right, 0));
  assert_rows (f, "Cost", "Overruns", "Route", "Noise", NULL);
  assert_selection (f, 0, -1);
  g_assert_true (press (f, GDK_KEY_Right, 0));
  assert_selection (f, 0, 0);

  /* − and + from a cell of the row (+ is Shift on many keyboards). */
  g_assert_true (press (f, GDK_KEY_minus, 0));
  g_assert_false (dossier_matrix_get_row_expanded (f->matrix, f->cost));
  g_assert_true (press (f, GDK_KEY_plus, GDK_SHIFT_MASK));
  g_assert_true (dossier_matrix_get_row_expanded (f->matrix, f->cost));
  g_assert_true (press (f, GDK_KEY_KP_Subtract, 0));
  g_assert_true (press (f, GDK_KEY_KP_Add, 0));
  /* Not on a row without sub-tags. */
  dossier_matrix_select (f->matrix, 2, 0);
  g_assert_false (press (f, GDK_KEY_minus, 0));

  /* Left on a sub-tag's name goes up to its tag. */
  dossier_matrix_select (f->matrix, 1, -1);
  g_assert_true (press (f, GDK_KEY_Left, 0));
  assert_selection (f, 0, -1);

  /* Collapsing the tag of a selected sub-tag: the selection goes up to it. */
  dossier_matrix_select (f->matrix, 1, 1);
  dossier_matrix_set_row_expanded (f->matrix, f->cost, FALSE);
  assert_selection (f, 0, 1);

  /* Kept by id across a new comparison, and sorted within its parent. */
  {
    g_autoptr(DossierComparison) c = compare (f, 3);

    dossier_matrix_set_comparison (f->matrix, c);
  }
  assert_rows (f, "Cost", "Route", "Noise", NULL);
  dossier_matrix_set_row_expanded (f->matrix, f->cost, TRUE);
  dossier_matrix_sort_rows (f->matrix, DOSSIER_COMPARE_SORT_NAME, 0, TRUE);
  assert_rows (f, "Route", "Noise", "Cost", "Overruns", NULL);
}

/* A narrow, short window: the body scrolls to the selection under the
 * headings, which stay where they are. */
static void
test_scroll (Fixture       *f,
             gconstpointer  data)
{
  DossierProject *p = f->base.project;
  GtkAdjustment *vadj, *hadj;
  graphene_rect_t area, heading, name;
  int width, height;

  for (int i = 0; i < 30; i++)
    {
      g_autofree char *tag = g_strdup_printf ("Theme %02d", i);

      add_tag (p, tag, 0);
    }
  {
    g_autoptr(DossierComparison) c = compare (f, 3);

    dossier_matrix_set_comparison (f->matrix, c);
  }
  show_matrix (f, 320, 300);
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->matrix));
  hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->matrix));
  width = gtk_widget_get_width (GTK_WIDGET (f->matrix));
  height = gtk_widget_get_height (GTK_WIDGET (f->matrix));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >, height);

  dossier_matrix_select (f->matrix, 0, 0);
  press (f, GDK_KEY_End, GDK_CONTROL_MASK);
  assert_selection (f, 33, 2);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->matrix));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), >, 0);
  g_assert_true (dossier_matrix_get_cell_area (f->matrix, 33, 2, &area));
  g_assert_true (dossier_matrix_get_cell_area (f->matrix, -1, 2, &heading));
  g_assert_true (dossier_matrix_get_cell_area (f->matrix, 33, -1, &name));
  /* The cell whole, below the headings and right of the names. */
  g_assert_cmpfloat (area.origin.y, >=, heading.size.height);
  g_assert_cmpfloat (area.origin.y + area.size.height, <=, height);
  g_assert_cmpfloat (area.origin.x, >=, name.size.width);
  g_assert_cmpfloat (area.origin.x + area.size.width, <=, width);
  /* The headings did not move. */
  g_assert_cmpfloat (heading.origin.y, ==, 0);
  g_assert_cmpfloat (name.origin.x, ==, 0);
  /* And a click where the cell is drawn is that cell. */
  g_assert_true (click (f, 33, -1, 1));
  assert_selection (f, 33, -1);

  press (f, GDK_KEY_Home, GDK_CONTROL_MASK);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->matrix));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), ==, 0);
}

/* One document, one tag; then a document with no tags at all; then no
 * comparison. */
static void
test_small_and_empty (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  show_matrix (f, 600, 400);
  {
    DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
    g_autoptr(DossierComparison) c = NULL;

    options.tag_id = f->route;
    c = dossier_project_compare (f->base.project, &f->docs[1], 1, &options, &error);
    g_assert_no_error (error);
    dossier_matrix_set_comparison (f->matrix, c);
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->matrix));
  assert_text (f, 0, 0, "1");
  assert_text (f, 1, 1, "1");
  g_assert_true (press (f, GDK_KEY_Down, 0));
  assert_selection (f, 0, 0);
  g_assert_true (press (f, GDK_KEY_Down, 0));
  g_assert_true (press (f, GDK_KEY_Right, 0));
  g_assert_true (press (f, GDK_KEY_Page_Down, 0));
  assert_selection (f, 0, 0);
  g_assert_true (click (f, -1, 0, 1));
  assert_selection (f, -1, 0);

  /* No tags: only the documents' headings and totals. */
  {
    DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
    g_autoptr(DossierComparison) c = NULL;

    options.rows = DOSSIER_COMPARE_STAKEHOLDERS;
    c = dossier_project_compare (f->base.project, f->docs, 2, &options, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (dossier_comparison_get_n_rows (c), ==, 0);
    dossier_matrix_set_comparison (f->matrix, c);
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->matrix));
  /* The document stayed selected (the Wire, now second); the keys move
   * along the headings. */
  assert_selection (f, -1, 1);
  assert_text (f, 0, 1, "0");
  g_assert_true (press (f, GDK_KEY_Left, 0));
  assert_selection (f, -1, 0);
  g_assert_true (press (f, GDK_KEY_Left, 0));
  g_assert_true (press (f, GDK_KEY_Down, 0));
  assert_selection (f, -1, 0);

  /* Nothing at all. */
  dossier_matrix_set_comparison (f->matrix, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->matrix));
  assert_selection (f, -1, -1);
  g_assert_false (press (f, GDK_KEY_Down, 0));
  g_assert_false (dossier_matrix_click (f->matrix, 20, 20, 1));
  g_assert_null (dossier_matrix_get_cell_text (f->matrix, 0, 0));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->matrix), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "No documents compared.");
}

/* A title of 190 characters and a tag name of 120 keep their columns to
 * a readable width, however wide the window; the tooltip has them whole. */
static void
test_long_names (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *tip = NULL;
  graphene_rect_t title, name, doc;
  gint64 tag = add_tag (f->base.project, "A tag named at far too great a length by someone who "
                                         "wanted every nuance of the codebook in the one name", 0);

  add_phrase_highlight (f->base.project, f->docs[2], "Noise from the depot", tag, NULL);
  {
    g_autoptr(DossierComparison) c = compare (f, 3);

    dossier_matrix_set_comparison (f->matrix, c);
  }
  show_matrix (f, 900, 500);
  g_assert_true (dossier_matrix_get_cell_area (f->matrix, -1, 2, &title));
  g_assert_true (dossier_matrix_get_cell_area (f->matrix, -1, 0, &doc));
  g_assert_true (dossier_matrix_get_cell_area (f->matrix, 4, -1, &name));
  g_assert_cmpfloat (title.size.width, ==, doc.size.width);
  /* At most a comfortable measure (45 average characters). */
  g_assert_cmpfloat (title.size.width, <, 300);
  g_assert_cmpfloat (name.size.width, <, 400);
  tip = dossier_matrix_get_tooltip (f->matrix, -1, 2);
  g_assert_true (g_str_has_prefix (tip, LONG_TITLE "\n"));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend keeps what the matrix tells
   * assistive technologies, for the assertions (the suite runs with none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/dossier/matrix/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("cells", test_cells);
  ADD ("keys", test_keys);
  ADD ("click", test_click);
  ADD ("words", test_words);
  ADD ("scroll", test_scroll);
  ADD ("small-and-empty", test_small_and_empty);
  ADD ("long-names", test_long_names);
  ADD ("sort", test_sort);
  ADD ("filter", test_filter);
  ADD ("tree", test_tree);
#undef ADD
  g_test_add ("/dossier/matrix/contrast/light", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_contrast, fixture_tear_down);
  g_test_add ("/dossier/matrix/contrast/dark", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_contrast, fixture_tear_down);

  return g_test_run ();
}
