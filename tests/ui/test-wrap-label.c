/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-wrap-label.c — DossierWrapLabel asks for the room a wrapping
 * GtkLabel of the same text asks for (minimum and natural width, height
 * at each width), follows its text and its font, breaks a word too
 * long for a line, and keeps to a number of lines. */

#include "config.h"

#include <gtk/gtk.h>

#include "dossier-wrap-label.h"

static const char statement[] =
  "Fares for islanders would rise by a fifth while the Ferry Board still keeps its accounts to itself";

/* The GtkLabel the wrap label stands in for. */
static GtkWidget *
reference_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static void
measure (GtkWidget      *widget,
         GtkOrientation  orientation,
         int             for_size,
         int            *minimum,
         int            *natural)
{
  gtk_widget_measure (widget, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
assert_same_size (GtkWidget *label,
                  GtkWidget *wrap)
{
  int label_min, label_nat, wrap_min, wrap_nat;

  measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &label_min, &label_nat);
  measure (wrap, GTK_ORIENTATION_HORIZONTAL, -1, &wrap_min, &wrap_nat);
  g_assert_cmpint (wrap_min, ==, label_min);
  g_assert_cmpint (wrap_nat, ==, label_nat);

  /* From the narrowest to one line, and back (answered again from what
   * it kept, the same). */
  for (int pass = 0; pass < 2; pass++)
    for (int width = label_min; width <= label_nat + 40; width += 17)
      {
        measure (label, GTK_ORIENTATION_VERTICAL, width, &label_min, &label_nat);
        measure (wrap, GTK_ORIENTATION_VERTICAL, width, &wrap_min, &wrap_nat);
        g_assert_cmpint (wrap_min, ==, label_min);
        g_assert_cmpint (wrap_nat, ==, label_nat);
        g_assert_cmpint (wrap_min, >, 0);
        /* Measuring the label again moved its minimum: ask afresh. */
        measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &label_min, &label_nat);
      }
}

static void
test_as_a_label (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = reference_label (statement);
  GtkWidget *wrap = dossier_wrap_label_new (statement);
  int one_line, min, nat;

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), wrap);
  gtk_window_set_child (GTK_WINDOW (window), box);

  g_assert_cmpstr (dossier_wrap_label_get_text (DOSSIER_WRAP_LABEL (wrap)), ==, statement);
  assert_same_size (label, wrap);

  /* Narrow, it takes more lines. */
  measure (wrap, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat);
  measure (wrap, GTK_ORIENTATION_VERTICAL, nat, &one_line, NULL);
  measure (wrap, GTK_ORIENTATION_VERTICAL, min, &min, NULL);
  g_assert_cmpint (min, >=, 4 * one_line);

  /* A new text, a new size; NULL is the empty text, one line high as a
   * label's. */
  gtk_label_set_text (GTK_LABEL (label), "Too dear");
  dossier_wrap_label_set_text (DOSSIER_WRAP_LABEL (wrap), "Too dear");
  assert_same_size (label, wrap);
  gtk_label_set_text (GTK_LABEL (label), "");
  dossier_wrap_label_set_text (DOSSIER_WRAP_LABEL (wrap), NULL);
  g_assert_cmpstr (dossier_wrap_label_get_text (DOSSIER_WRAP_LABEL (wrap)), ==, "");
  assert_same_size (label, wrap);

  /* A word longer than a line is broken, not overflowing. */
  gtk_label_set_text (GTK_LABEL (label), "Antidisestablishmentarianismwithoutanybreakatall");
  dossier_wrap_label_set_text (DOSSIER_WRAP_LABEL (wrap), "Antidisestablishmentarianismwithoutanybreakatall");
  assert_same_size (label, wrap);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A font the CSS changes is measured anew, not from what was kept. */
static void
test_follows_font (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = reference_label (statement);
  GtkWidget *wrap = dossier_wrap_label_new (statement);
  int before, after, nat;

  gtk_css_provider_load_from_data (css, ".big { font-size: 30px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), wrap);
  gtk_window_set_child (GTK_WINDOW (window), box);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (wrap);
  measure (wrap, GTK_ORIENTATION_VERTICAL, 300, &before, NULL);
  gtk_widget_add_css_class (label, "big");
  gtk_widget_add_css_class (wrap, "big");
  /* Styles are taken up when the window lays out. */
  gtk_test_widget_wait_for_draw (wrap);
  measure (wrap, GTK_ORIENTATION_VERTICAL, 300, &after, NULL);
  g_assert_cmpint (after, >, before);
  measure (wrap, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat);
  assert_same_size (label, wrap);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Shown, it draws its text; unrooted and dropped, it goes. */
static void
test_shown (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *wrap = dossier_wrap_label_new (statement);
  GtkWidget *loose = g_object_ref_sink (dossier_wrap_label_new (statement));
  int min;

  gtk_window_set_default_size (GTK_WINDOW (window), 200, -1);
  gtk_widget_set_valign (wrap, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), wrap);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (wrap);
  g_assert_cmpint (gtk_widget_get_width (wrap), >, 0);
  measure (wrap, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (wrap), &min, NULL);
  g_assert_cmpint (gtk_widget_get_height (wrap), ==, min);
  g_assert_cmpstr (gtk_widget_get_css_name (wrap), ==, "label");
  gtk_window_destroy (GTK_WINDOW (window));

  g_assert_finalize_object (loose);
}

/* With "lines", a text too long for them takes that many lines, the last
 * ending in an ellipsis, and says so; its text is still the whole. Wide
 * enough, it is whole. */
static void
test_lines (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *wrap = dossier_wrap_label_new (statement);
  int one_line, three, unlimited, min, nat;

  gtk_window_set_default_size (GTK_WINDOW (window), 120, -1);
  gtk_widget_set_valign (wrap, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), wrap);
  measure (wrap, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat);
  measure (wrap, GTK_ORIENTATION_VERTICAL, nat, &one_line, NULL);
  measure (wrap, GTK_ORIENTATION_VERTICAL, min, &unlimited, NULL);
  g_assert_cmpint (unlimited, >=, 4 * one_line);

  g_object_set (wrap, "lines", 3, NULL);
  measure (wrap, GTK_ORIENTATION_VERTICAL, min, &three, NULL);
  g_assert_cmpint (three, <, unlimited);
  g_assert_cmpint (three, >, 2 * one_line);
  g_assert_cmpint (three, <, 4 * one_line);
  /* One line's room: one line. */
  measure (wrap, GTK_ORIENTATION_VERTICAL, nat, &min, NULL);
  g_assert_cmpint (min, ==, one_line);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (wrap);
  g_assert_cmpint (gtk_widget_get_width (wrap), <, nat);
  g_assert_true (dossier_wrap_label_get_ellipsized (DOSSIER_WRAP_LABEL (wrap)));
  g_assert_cmpint (gtk_widget_get_height (wrap), <, unlimited);
  g_assert_cmpstr (dossier_wrap_label_get_text (DOSSIER_WRAP_LABEL (wrap)), ==, statement);

  /* A short text is not cut. */
  dossier_wrap_label_set_text (DOSSIER_WRAP_LABEL (wrap), "Too dear");
  gtk_test_widget_wait_for_draw (wrap);
  g_assert_false (dossier_wrap_label_get_ellipsized (DOSSIER_WRAP_LABEL (wrap)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A name of a megabyte (a project file made by hand) is shown cut, not
 * laid out whole: as tall as a text of a few times the cut, and at once
 * (laid out whole, it kept the window from opening). Its text stays whole. */
static void
test_long_text (void)
{
  GtkWidget *wrap = g_object_ref_sink (dossier_wrap_label_new (NULL));
  g_autoptr(GString) text = g_string_new (NULL);
  int minimum, natural, shorter;

  while (text->len < 32 * 1024)
    g_string_append (text, "Ferry Board é ");
  dossier_wrap_label_set_text (DOSSIER_WRAP_LABEL (wrap), text->str);
  measure (wrap, GTK_ORIENTATION_VERTICAL, 300, &minimum, &shorter);

  while (text->len < 1024 * 1024)
    g_string_append (text, "Ferry Board é ");
  dossier_wrap_label_set_text (DOSSIER_WRAP_LABEL (wrap), text->str);
  measure (wrap, GTK_ORIENTATION_VERTICAL, 300, &minimum, &natural);
  g_assert_cmpint (natural, >, 0);
  g_assert_cmpint (natural, ==, shorter);
  g_assert_cmpstr (dossier_wrap_label_get_text (DOSSIER_WRAP_LABEL (wrap)), ==, text->str);
  g_object_unref (wrap);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/wrap-label/as-a-label", test_as_a_label);
  g_test_add_func ("/dossier/wrap-label/follows-font", test_follows_font);
  g_test_add_func ("/dossier/wrap-label/shown", test_shown);
  g_test_add_func ("/dossier/wrap-label/lines", test_lines);
  g_test_add_func ("/dossier/wrap-label/long-text", test_long_text);

  return g_test_run ();
}
