/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-coding-stripes.c — lane packing (a pure function: no display needed)
 * and the stripes widget: sizing, hit testing, click signals,
 * finalization. */

#include "config.h"

#include <gtk/gtk.h>

#include "dossier-coding-stripes.h"

/* ---- Lane packing ------------------------------------------------------------ */

static guint
pack (const DossierStripeRange *ranges,
      guint                     n,
      guint                    *lanes)
{
  for (guint i = 0; i < n; i++)
    lanes[i] = G_MAXUINT;
  return dossier_coding_stripes_pack_lanes (ranges, n, lanes);
}

static void
test_pack_disjoint (void)
{
  DossierStripeRange ranges[] = { { 30, 31 }, { 0, 5 }, { 10, 20 } };
  guint lanes[3];

  g_assert_cmpuint (pack (ranges, 3, lanes), ==, 1);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (lanes[i], ==, 0);
}

static void
test_pack_nested (void)
{
  DossierStripeRange nested[] = { { 15, 18 }, { 0, 100 }, { 10, 20 } };
  DossierStripeRange crossing[] = { { 0, 10 }, { 5, 15 } };
  guint lanes[3];

  g_assert_cmpuint (pack (nested, 3, lanes), ==, 3);
  /* The enclosing range starts first and takes the inner lane. */
  g_assert_cmpuint (lanes[1], ==, 0);
  g_assert_cmpuint (lanes[2], ==, 1);
  g_assert_cmpuint (lanes[0], ==, 2);

  g_assert_cmpuint (pack (crossing, 2, lanes), ==, 2);
  g_assert_cmpuint (lanes[0], !=, lanes[1]);
}

static void
test_pack_touching (void)
{
  DossierStripeRange ranges[] = { { 5, 9 }, { 0, 5 } };
  DossierStripeRange same_start[] = { { 4, 6 }, { 4, 9 } };
  guint lanes[2];

  /* End is exclusive: [0, 5) and [5, 9) do not overlap. */
  g_assert_cmpuint (pack (ranges, 2, lanes), ==, 1);
  g_assert_cmpuint (lanes[0], ==, 0);
  g_assert_cmpuint (lanes[1], ==, 0);

  /* Same start: the longer one gets lane 0. */
  g_assert_cmpuint (pack (same_start, 2, lanes), ==, 2);
  g_assert_cmpuint (lanes[1], ==, 0);
  g_assert_cmpuint (lanes[0], ==, 1);
}

static void
test_pack_empty (void)
{
  DossierStripeRange one[] = { { 7, 7 } };
  guint lanes[1];

  g_assert_cmpuint (dossier_coding_stripes_pack_lanes (NULL, 0, NULL), ==, 0);
  g_assert_cmpuint (pack (one, 1, lanes), ==, 1);
  g_assert_cmpuint (lanes[0], ==, 0);
}

/* The largest number of ranges covering one point, by a sweep. */
static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const gint64 *ea = a;
  const gint64 *eb = b;

  if (ea[0] != eb[0])
    return ea[0] < eb[0] ? -1 : 1;
  return (int) (ea[1] - eb[1]);   /* ends (-1) before starts (+1) */
}

static guint
max_clique (const DossierStripeRange *ranges,
            guint                     n)
{
  g_autofree gint64 *events = g_new (gint64, 4 * n);
  gint64 depth = 0, best = 0;

  for (guint i = 0; i < n; i++)
    {
      events[4 * i] = ranges[i].start;
      events[4 * i + 1] = +1;
      events[4 * i + 2] = ranges[i].end;
      events[4 * i + 3] = -1;
    }
  qsort (events, 2 * n, 2 * sizeof (gint64), compare_events);
  for (guint i = 0; i < 2 * n; i++)
    {
      depth += events[2 * i + 1];
      best = MAX (best, depth);
    }
  return (guint) best;
}

static void
test_pack_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);

  for (int round = 0; round < 4; round++)
    {
      guint n = round == 0 ? 50 : 3000;
      g_autofree DossierStripeRange *ranges = g_new (DossierStripeRange, n);
      g_autofree guint *lanes = g_new (guint, n);
      guint n_lanes;
      gint64 span = round < 2 ? 20000 : 500;   /* sparse, then dense */

      for (guint i = 0; i < n; i++)
        {
          ranges[i].start = g_rand_int_range (rand, 0, (gint32) span);
          ranges[i].end = ranges[i].start + g_rand_int_range (rand, 1, 60);
        }

      n_lanes = pack (ranges, n, lanes);
      g_assert_cmpuint (n_lanes, ==, max_clique (ranges, n));

      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpuint (lanes[i], <, n_lanes);
          for (guint j = i + 1; j < n; j++)
            if (lanes[i] == lanes[j])
              g_assert_true (ranges[i].end <= ranges[j].start || ranges[j].end <= ranges[i].start);
        }
    }
}

/* ---- The widget --------------------------------------------------------------- */

typedef struct
{
  GtkWidget            *window;
  GtkTextView          *view;
  DossierCodingStripes *stripes;
  gint64                activated;
  gint64                menu;
  double                menu_x;
  int                   n_activated;
} Fixture;

static void
on_activated (DossierCodingStripes *stripes,
              gint64                id,
              Fixture              *fx)
{
  fx->activated = id;
  fx->n_activated++;
}

static void
on_menu (DossierCodingStripes *stripes,
         gint64                id,
         double                x,
         double                y,
         Fixture              *fx)
{
  fx->menu = id;
  fx->menu_x = x;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < 40; i++)
    g_string_append_printf (text, "Line %d: “quoted” words, café 😀 中文.\n", i);

  fx->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fx->window), 600, 400);
  fx->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (fx->view), text->str, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fx->view));
  gtk_window_set_child (GTK_WINDOW (fx->window), scrolled);

  fx->stripes = DOSSIER_CODING_STRIPES (dossier_coding_stripes_new (fx->view));
  g_object_ref_sink (fx->stripes);
  gtk_text_view_set_gutter (fx->view, GTK_TEXT_WINDOW_LEFT, GTK_WIDGET (fx->stripes));
  g_signal_connect (fx->stripes, "highlight-activated", G_CALLBACK (on_activated), fx);
  g_signal_connect (fx->stripes, "highlight-menu", G_CALLBACK (on_menu), fx);

  gtk_window_present (GTK_WINDOW (fx->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (fx->stripes)))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  g_assert_finalize_object (fx->stripes);
}

static gint64
line_start (GtkTextView *view,
            int          line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (view), &iter, line);
  return gtk_text_iter_get_offset (&iter);
}

/* Three stripes: A over lines 1–3, B over lines 2–2 (beside A), C over
 * line 6 (back in lane 0). */
static void
set_three (Fixture *fx)
{
  DossierStripe stripes[3] = { 0 };
  DossierStripeRange ranges[3];
  guint lanes[3];
  const char *labels[] = { "Risks", "Costs, Benefits", "Stakeholders" };
  int lines[3][2] = { { 1, 3 }, { 2, 2 }, { 6, 6 } };

  for (guint i = 0; i < 3; i++)
    {
      ranges[i].start = lines[i][0];
      ranges[i].end = lines[i][1] + 1;
    }
  g_assert_cmpuint (dossier_coding_stripes_pack_lanes (ranges, 3, lanes), ==, 2);

  for (guint i = 0; i < 3; i++)
    {
      stripes[i].id = 100 + i;
      stripes[i].start = line_start (fx->view, lines[i][0]) + 2;
      stripes[i].end = line_start (fx->view, lines[i][1]) + 20;
      stripes[i].first_line = lines[i][0];
      stripes[i].last_line = lines[i][1];
      stripes[i].lane = lanes[i];
      gdk_rgba_parse (&stripes[i].color, i == 0 ? "#e01b24" : i == 1 ? "#3584e4" : "#33d17a");
      stripes[i].label = labels[i];
      stripes[i].tooltip = "<b>Tag</b>\nmemo";
    }
  dossier_coding_stripes_set_stripes (fx->stripes, stripes, 3);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fx->stripes));
}

static void
test_widget_sizes (Fixture       *fx,
                   gconstpointer  data)
{
  int min, nat, empty;

  gtk_widget_measure (GTK_WIDGET (fx->stripes), GTK_ORIENTATION_HORIZONTAL, -1, &empty, &nat, NULL, NULL);
  set_three (fx);
  g_assert_cmpuint (dossier_coding_stripes_get_n_lanes (fx->stripes), ==, 2);
  g_assert_cmpuint (dossier_coding_stripes_get_n_stripes (fx->stripes), ==, 3);

  /* Two lanes are wider than none; a reserved width wins when larger. */
  gtk_widget_measure (GTK_WIDGET (fx->stripes), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, >, empty);
  g_assert_cmpint (min, ==, dossier_coding_stripes_get_lanes_width (fx->stripes));
  dossier_coding_stripes_set_reserved_width (fx->stripes, 250);
  gtk_widget_measure (GTK_WIDGET (fx->stripes), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 250);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fx->stripes));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fx->stripes)), ==, 250);

  dossier_coding_stripes_set_stripes (fx->stripes, NULL, 0);
  g_assert_cmpuint (dossier_coding_stripes_get_n_lanes (fx->stripes), ==, 0);
}

static void
test_widget_click (Fixture       *fx,
                   gconstpointer  data)
{
  graphene_rect_t a, b, c;
  gint64 id = 0;

  dossier_coding_stripes_set_reserved_width (fx->stripes, 120);
  set_three (fx);

  g_assert_true (dossier_coding_stripes_get_stripe_area (fx->stripes, 100, &a));
  g_assert_true (dossier_coding_stripes_get_stripe_area (fx->stripes, 101, &b));
  g_assert_true (dossier_coding_stripes_get_stripe_area (fx->stripes, 102, &c));
  g_assert_false (dossier_coding_stripes_get_stripe_area (fx->stripes, 999, NULL));

  /* Lane 0 hugs the text (right edge), lane 1 is to its left; B sits
   * beside A, inside A's vertical extent; C is below A. */
  g_assert_cmpfloat (b.origin.x, <, a.origin.x);
  g_assert_cmpfloat (a.origin.x + a.size.width, <=, 120);
  g_assert_cmpfloat (b.origin.y, >, a.origin.y);
  g_assert_cmpfloat (b.origin.y + b.size.height, <, a.origin.y + a.size.height);
  g_assert_cmpfloat (c.origin.x, ==, a.origin.x);
  g_assert_cmpfloat (c.origin.y, >, a.origin.y + a.size.height);

  g_assert_true (dossier_coding_stripes_get_stripe_at (fx->stripes, b.origin.x + 2, b.origin.y + 2, &id));
  g_assert_cmpint (id, ==, 101);

  /* A left click activates, a right click asks for the menu. */
  g_assert_true (dossier_coding_stripes_activate_at (fx->stripes, a.origin.x + a.size.width / 2,
                                                     a.origin.y + 3, GDK_BUTTON_PRIMARY));
  g_assert_cmpint (fx->activated, ==, 100);
  g_assert_true (dossier_coding_stripes_activate_at (fx->stripes, c.origin.x + c.size.width / 2,
                                                     c.origin.y + c.size.height / 2, GDK_BUTTON_SECONDARY));
  g_assert_cmpint (fx->menu, ==, 102);
  g_assert_cmpfloat (fx->menu_x, ==, c.origin.x + c.size.width / 2);
  g_assert_cmpint (fx->n_activated, ==, 1);

  /* Between stripes, or far left in the label margin: nothing. */
  g_assert_false (dossier_coding_stripes_activate_at (fx->stripes, a.origin.x + 2,
                                                      (a.origin.y + a.size.height + c.origin.y) / 2,
                                                      GDK_BUTTON_PRIMARY));
  g_assert_false (dossier_coding_stripes_activate_at (fx->stripes, 2, a.origin.y + 3, GDK_BUTTON_PRIMARY));
  g_assert_cmpint (fx->n_activated, ==, 1);

  /* Scrolled out of view: no area, no click. The lines below are laid
   * out in idles first, so that the view knows how far it can scroll. */
  {
    GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fx->view));

    while (g_main_context_iteration (NULL, FALSE))
      ;
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (fx->stripes));
    g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 200);
  }
  g_assert_false (dossier_coding_stripes_get_stripe_area (fx->stripes, 100, NULL));
}

static void
test_widget_finalize (void)
{
  GtkTextView *view = GTK_TEXT_VIEW (gtk_text_view_new ());
  DossierCodingStripes *stripes;
  DossierStripe one = { 0 };

  g_object_ref_sink (view);
  stripes = DOSSIER_CODING_STRIPES (dossier_coding_stripes_new (view));
  g_object_ref_sink (stripes);
  one.id = 1;
  one.end = 3;
  one.label = "Label";
  dossier_coding_stripes_set_stripes (stripes, &one, 1);

  /* The view may go first: the stripes only hold a weak reference. */
  g_assert_finalize_object (view);
  g_assert_false (dossier_coding_stripes_get_stripe_at (stripes, 1, 1, NULL));
  g_assert_finalize_object (stripes);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/coding-stripes/pack-disjoint", test_pack_disjoint);
  g_test_add_func ("/dossier/coding-stripes/pack-nested", test_pack_nested);
  g_test_add_func ("/dossier/coding-stripes/pack-touching", test_pack_touching);
  g_test_add_func ("/dossier/coding-stripes/pack-empty", test_pack_empty);
  g_test_add_func ("/dossier/coding-stripes/pack-random", test_pack_random);
  g_test_add ("/dossier/coding-stripes/sizes", Fixture, NULL, fixture_setup, test_widget_sizes, fixture_teardown);
  g_test_add ("/dossier/coding-stripes/click", Fixture, NULL, fixture_setup, test_widget_click, fixture_teardown);
  g_test_add_func ("/dossier/coding-stripes/finalize", test_widget_finalize);

  return g_test_run ();
}
