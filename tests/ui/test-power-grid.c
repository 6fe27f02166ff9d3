/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-power-grid.c — the power/interest grid widget on a real project:
 * a dot per stakeholder where its ratings put it, hollow until evidence
 * backs both ratings, following edits and deletions; a click and the
 * arrow keys select, a double click and Enter activate; tooltips and the
 * accessible description name every stakeholder; and at a sidebar's
 * 360 pixels no label covers another or a dot.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gtk/gtk.h>
#include <dossier/dossier.h>

#include "dossier-power-grid.h"
#include "test-util.h"

typedef struct
{
  TestProject       base;
  GtkWidget        *window;
  DossierPowerGrid *grid;
  gint64            ids[8];
  gint64            activated;
  int               n_activated;
  gint64            doc;
} Fixture;

static const struct
{
  const char *name;
  int         power;
  int         interest;
  int         stance;
} people[] = {
  { "Harbour Board", 5, 5, 2 },
  { "Ferry Workers’ Union", 2, 5, -2 },
  { "Chamber of Commerce of Port Calder", 5, 1, 1 },
  { "Tourists", 1, 1, DOSSIER_STANCE_UNKNOWN },
  { "Regional Transport Authority", 5, 4, 0 },
  { "Fishermen’s Cooperative", 2, 5, -1 },
  { "Heritage Trust", 4, 4, -1 },
  { "Ministry of Infrastructure and Transport", 5, 5, 1 },
};

static void
on_activate (DossierPowerGrid *grid,
             gint64            id,
             Fixture          *f)
{
  f->activated = id;
  f->n_activated++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_project_set_up (&f->base, data);
  f->doc = add_doc (f->base.project, "Port", "The Harbour Board sets the fares and wants the pier.");
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      f->ids[i] = dossier_project_add_stakeholder (f->base.project, people[i].name, NULL,
                                                   DOSSIER_STAKEHOLDER_OTHER, &error);
      g_assert_no_error (error);
      g_assert_true (dossier_project_set_stakeholder_ratings (f->base.project, f->ids[i],
                                                              people[i].power,
                                                              people[i].interest, &error));
      g_assert_true (dossier_project_set_stakeholder_stance_position (f->base.project, f->ids[i],
                                                                      people[i].stance, &error));
    }

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 360);
  f->grid = DOSSIER_POWER_GRID (dossier_power_grid_new ());
  g_object_ref_sink (f->grid);
  dossier_power_grid_set_model (f->grid, dossier_project_get_stakeholders (f->base.project));
  g_signal_connect (f->grid, "activate", G_CALLBACK (on_activate), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->grid));
  gtk_window_present (GTK_WINDOW (f->window));
  while (gtk_widget_get_width (GTK_WIDGET (f->grid)) == 0)
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->grid));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->grid);
  test_project_tear_down (&f->base, data);
}

static void
run_idles (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static const DossierGridPlace *
place_of (Fixture *f,
          gint64   id)
{
  const DossierGridLayout *layout = dossier_power_grid_get_layout (f->grid);

  g_assert_nonnull (layout);
  for (guint i = 0; i < layout->n_places; i++)
    if (layout->places[i].id == id)
      return &layout->places[i];
  return NULL;
}

static gboolean
rects_overlap (const DossierGridRect *a,
               const DossierGridRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
test_dots (Fixture       *f,
           gconstpointer  data)
{
  const DossierGridLayout *layout = dossier_power_grid_get_layout (f->grid);
  guint shown = 0;

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->grid)), ==, 360);
  g_assert_cmpuint (layout->n_places, ==, G_N_ELEMENTS (people));
  for (guint i = 0; i < layout->n_places; i++)
    {
      const DossierGridPlace *p = &layout->places[i];
      const DossierGridRect *l = &p->label;

      g_assert_cmpint (p->id, ==, f->ids[i]);
      g_assert_true (p->hollow);
      g_assert_cmpint (p->quadrant, ==, dossier_grid_quadrant_for (people[i].power,
                                                                   people[i].interest));
      if (!p->label_shown)
        continue;
      shown++;
      g_assert_cmpfloat (l->x, >=, 0);
      g_assert_cmpfloat (l->x + l->width, <=, 360);
      /* At 360 pixels no label covers another label or any dot. */
      for (guint j = 0; j < layout->n_places; j++)
        {
          const DossierGridPlace *q = &layout->places[j];
          double nx = CLAMP (q->x, l->x, l->x + l->width);
          double ny = CLAMP (q->y, l->y, l->y + l->height);

          g_assert_cmpfloat (hypot (q->x - nx, q->y - ny), >=, q->radius);
          if (j != i && q->label_shown)
            g_assert_false (rects_overlap (l, &q->label));
        }
    }
  g_test_message ("%u of %u labels shown at 360 px", shown, layout->n_places);
  g_assert_cmpuint (shown, >=, 6);

  /* Key players up and right of the union, the chamber up and left. */
  g_assert_cmpfloat (place_of (f, f->ids[0])->y, <, place_of (f, f->ids[1])->y);
  g_assert_cmpfloat (place_of (f, f->ids[2])->x, <, place_of (f, f->ids[1])->x);
}

/* Evidence for both ratings fills the dot and makes it larger; a change
 * of ratings moves it; a deleted stakeholder goes, and with it the
 * selection. */
static void
test_follows_project (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DossierProject *project = f->base.project;
  double radius = place_of (f, f->ids[0])->radius;
  double y = place_of (f, f->ids[3])->y;

  dossier_project_add_stakeholder_evidence_range (project, f->ids[0], f->doc, 0, 17, NULL,
                                                  DOSSIER_EVIDENCE_POWER, DOSSIER_STANCE_UNKNOWN,
                                                  &error);
  g_assert_no_error (error);
  g_assert_true (place_of (f, f->ids[0])->hollow);
  dossier_project_add_stakeholder_evidence_range (project, f->ids[0], f->doc, 18, 51, NULL,
                                                  DOSSIER_EVIDENCE_INTEREST,
                                                  DOSSIER_STANCE_UNKNOWN, &error);
  g_assert_no_error (error);
  g_assert_false (place_of (f, f->ids[0])->hollow);
  g_assert_cmpfloat (place_of (f, f->ids[0])->radius, >, radius);

  g_assert_true (dossier_project_set_stakeholder_ratings (project, f->ids[3], 5, 1, &error));
  g_assert_cmpfloat (place_of (f, f->ids[3])->y, <, y);
  g_assert_cmpint (place_of (f, f->ids[3])->quadrant, ==, DOSSIER_GRID_KEEP_SATISFIED);

  dossier_power_grid_set_selected_id (f->grid, f->ids[3]);
  g_assert_cmpint (dossier_power_grid_get_selected_id (f->grid), ==, f->ids[3]);
  g_assert_true (dossier_project_delete_stakeholder (project, f->ids[3], &error));
  g_assert_null (place_of (f, f->ids[3]));
  g_assert_cmpuint (dossier_power_grid_get_layout (f->grid)->n_places, ==, G_N_ELEMENTS (people) - 1);
  /* Let go of once the main loop runs (a move would have put it back by
   * then: test_selection_through_move). */
  run_idles ();
  g_assert_cmpint (dossier_power_grid_get_selected_id (f->grid), ==, 0);

  /* Undo brings it back, where it was. */
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_nonnull (place_of (f, f->ids[3]));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->grid));

  /* An id that is not there selects nothing. */
  dossier_power_grid_set_selected_id (f->grid, 9999);
  g_assert_cmpint (dossier_power_grid_get_selected_id (f->grid), ==, 0);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_click (Fixture       *f,
            gconstpointer  data)
{
  const DossierGridPlace *p = place_of (f, f->ids[1]);
  const DossierGridLayout *layout = dossier_power_grid_get_layout (f->grid);
  guint notified = 0;

  g_signal_connect_swapped (f->grid, "notify::selected-id", G_CALLBACK (count_notify), &notified);

  g_assert_true (dossier_power_grid_click (f->grid, p->x, p->y, 1));
  g_assert_cmpint (dossier_power_grid_get_selected_id (f->grid), ==, f->ids[1]);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (f->n_activated, ==, 0);

  /* The label is part of the target. */
  p = place_of (f, f->ids[0]);
  g_assert_true (p->label_shown);
  g_assert_true (dossier_power_grid_click (f->grid, p->label.x + 2, p->label.y + 2, 1));
  g_assert_cmpint (dossier_power_grid_get_selected_id (f->grid), ==, f->ids[0]);

  /* A double click activates. */
  g_assert_true (dossier_power_grid_click (f->grid, p->x, p->y, 2));
  g_assert_cmpint (f->activated, ==, f->ids[0]);
  g_assert_cmpint (f->n_activated, ==, 1);

  /* Empty space selects nothing and activates nothing. */
  g_assert_false (dossier_power_grid_click (f->grid, layout->plot.x + 3,
                                            layout->plot.y + layout->plot.height / 2 + 4, 2));
  g_assert_cmpint (dossier_power_grid_get_selected_id (f->grid), ==, 0);
  g_assert_cmpint (f->n_activated, ==, 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->grid));
}

static gboolean
press (Fixture *f,
       guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->grid));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  return handled;
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  gint64 before;

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->grid)));
  /* Nothing selected: Enter is not the grid's. */
  g_assert_false (press (f, GDK_KEY_Return));

  /* From the chamber (top left) right to the key players. */
  dossier_power_grid_set_selected_id (f->grid, f->ids[2]);
  g_assert_true (press (f, GDK_KEY_Right));
  before = dossier_power_grid_get_selected_id (f->grid);
  g_assert_true (before == f->ids[4] || before == f->ids[6]);
  g_assert_cmpfloat (place_of (f, before)->x, >, place_of (f, f->ids[2])->x);

  /* Down from the top right ends at the union or the fishermen, then no
   * further: the selection stays. */
  dossier_power_grid_set_selected_id (f->grid, f->ids[0]);
  for (int i = 0; i < 10; i++)
    press (f, GDK_KEY_Down);
  before = dossier_power_grid_get_selected_id (f->grid);
  g_assert_true (before == f->ids[1] || before == f->ids[5]);
  g_assert_true (press (f, GDK_KEY_Down));
  g_assert_cmpint (dossier_power_grid_get_selected_id (f->grid), ==, before);

  /* Up goes back up; Home and End; Enter and Space activate. */
  g_assert_true (press (f, GDK_KEY_Up));
  g_assert_cmpfloat (place_of (f, dossier_power_grid_get_selected_id (f->grid))->y, <,
                     place_of (f, before)->y);
  g_assert_true (press (f, GDK_KEY_Home));
  g_assert_cmpint (dossier_power_grid_get_selected_id (f->grid), ==, f->ids[0]);
  g_assert_true (press (f, GDK_KEY_End));
  g_assert_cmpint (dossier_power_grid_get_selected_id (f->grid), ==, f->ids[7]);
  g_assert_true (press (f, GDK_KEY_Return));
  g_assert_cmpint (f->activated, ==, f->ids[7]);
  g_assert_true (press (f, GDK_KEY_space));
  g_assert_cmpint (f->n_activated, ==, 2);
  g_assert_true (press (f, GDK_KEY_Escape));
  g_assert_cmpint (dossier_power_grid_get_selected_id (f->grid), ==, 0);
  /* Not a key of the grid's. */
  g_assert_false (press (f, GDK_KEY_a));
}

static void
test_words (Fixture       *f,
            gconstpointer  data)
{
  const DossierGridPlace *p = place_of (f, f->ids[1]);
  g_autofree char *expected = NULL;
  GtkTooltip *tooltip;
  gboolean shown;

  /* The tooltip of the dot under the pointer. */
  tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  g_signal_emit_by_name (f->grid, "query-tooltip", (int) p->x, (int) p->y, FALSE, tooltip, &shown);
  g_assert_true (shown);
  g_signal_emit_by_name (f->grid, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_assert_false (shown);
  g_object_unref (tooltip);

  expected = dossier_grid_describe (dossier_project_get_stakeholder (f->base.project, f->ids[1]));
  g_assert_cmpstr (expected, ==, "Ferry Workers’ Union: Keep informed (power 2, interest 5), "
                   "Strongly against, 0 pieces of evidence, ratings not backed by evidence");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (f->grid)), ==,
                   GTK_ACCESSIBLE_ROLE_GROUP);
}

/* What a screen reader is told: every stakeholder in the list's order,
 * the selected one first. */
static char *
expected_description (Fixture *f)
{
  GListModel *model = dossier_project_get_stakeholders (f->base.project);
  gint64 selected = dossier_power_grid_get_selected_id (f->grid);
  GString *text = g_string_new (NULL);

  if (selected != 0)
    {
      g_autofree char *line = dossier_grid_describe (dossier_project_get_stakeholder (f->base.project,
                                                                                        selected));

      g_string_append_printf (text, "Selected: %s.", line);
    }
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierStakeholder) s = g_list_model_get_item (model, i);
      g_autofree char *line = dossier_grid_describe (s);

      g_string_append_printf (text, "%s%s.", text->len > 0 ? " " : "", line);
    }
  return g_string_free (text, FALSE);
}

/* A rename measures that label again and is read out; the description
 * follows the selection. */
static void
test_follows_names (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DossierProject *project = f->base.project;
  g_autofree char *before = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *selected = NULL;
  double width = place_of (f, f->ids[3])->label.width;

  run_idles ();
  before = expected_description (f);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->grid), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       before);

  g_assert_true (dossier_project_set_stakeholder_name (project, f->ids[3],
                                                       "Tourists and day visitors", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (place_of (f, f->ids[3])->label.width, >, width + 20);
  run_idles ();
  renamed = expected_description (f);
  g_assert_nonnull (strstr (renamed, "Tourists and day visitors: Monitor"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->grid), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       renamed);

  dossier_power_grid_set_selected_id (f->grid, f->ids[1]);
  run_idles ();
  selected = expected_description (f);
  g_assert_true (g_str_has_prefix (selected, "Selected: Ferry Workers’ Union: Keep informed"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->grid), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       selected);
}

static void
record_selected (DossierPowerGrid *grid,
                 GParamSpec       *pspec,
                 GString          *notified)
{
  g_string_append_printf (notified, "%" G_GINT64_FORMAT " ", dossier_power_grid_get_selected_id (grid));
}

/* A move takes the stakeholder out of the list and puts it back in its
 * new place, in two changes: its dot stays selected through both, with
 * no word of it. Before, the grid let go of it as it was taken out (the
 * panel selected it again as it was put back): "nothing selected", then
 * "selected", and a screen reader could catch the first. A deletion lets
 * go of it, said once. */
static void
test_selection_through_move (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GString) notified = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  DossierProject *project = f->base.project;
  GListModel *model = dossier_project_get_stakeholders (project);
  g_autoptr(DossierStakeholder) first = NULL;
  gulong handler;

  dossier_power_grid_set_selected_id (f->grid, f->ids[3]);
  run_idles ();
  handler = g_signal_connect (f->grid, "notify::selected-id", G_CALLBACK (record_selected), notified);

  /* To the top (it is the one taken out and put back), and back. */
  g_assert_true (dossier_project_move_stakeholder (project, f->ids[3], 0, &error));
  g_assert_no_error (error);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpint (dossier_stakeholder_get_id (first), ==, f->ids[3]);
  g_assert_cmpint (dossier_power_grid_get_selected_id (f->grid), ==, f->ids[3]);
  run_idles ();
  g_assert_cmpstr (notified->str, ==, "");
  g_assert_cmpint (dossier_power_grid_get_selected_id (f->grid), ==, f->ids[3]);
  g_assert_true (dossier_project_undo (project, &error));
  g_assert_no_error (error);
  run_idles ();
  g_assert_cmpstr (notified->str, ==, "");
  g_assert_cmpint (dossier_power_grid_get_selected_id (f->grid), ==, f->ids[3]);
  /* Read out as selected all along. */
  expected = expected_description (f);
  g_assert_true (g_str_has_prefix (expected, "Selected: Tourists"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->grid), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       expected);

  /* Deleted: let go of, once. */
  g_assert_true (dossier_project_delete_stakeholder (project, f->ids[3], &error));
  g_assert_no_error (error);
  run_idles ();
  g_assert_cmpstr (notified->str, ==, "0 ");
  g_assert_cmpint (dossier_power_grid_get_selected_id (f->grid), ==, 0);

  g_signal_handler_disconnect (f->grid, handler);
}

/* A larger font measures the labels again; a change of state does not
 * need to, and still draws. */
static void
test_follows_font (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (f->grid));
  double height = place_of (f, f->ids[0])->label.height;

  gtk_widget_grab_focus (GTK_WIDGET (f->grid));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->grid));
  g_assert_cmpfloat (place_of (f, f->ids[0])->label.height, ==, height);

  gtk_css_provider_load_from_data (css, "powergrid { font-size: 30px; }", -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->grid));
  g_assert_cmpfloat (place_of (f, f->ids[0])->label.height, >, height * 1.5);
  gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (css));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend keeps what the grid tells assistive
   * technologies, for the assertions (the suite runs with none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/dossier/power-grid/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("dots", test_dots);
  ADD ("follows-project", test_follows_project);
  ADD ("click", test_click);
  ADD ("keys", test_keys);
  ADD ("words", test_words);
  ADD ("follows-names", test_follows_names);
  ADD ("follows-font", test_follows_font);
  ADD ("selection-through-move", test_selection_through_move);
#undef ADD

  return g_test_run ();
}
