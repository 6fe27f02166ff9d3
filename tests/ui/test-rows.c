/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rows.c — each row class on its own, the way a list binds it: an
 * item set, shown, followed when it changes in the core, replaced by
 * another, then none; what it shows and what it tells assistive
 * technologies; and the row finalized at the end. */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "dossier-document-row.h"
#include "dossier-evidence-picker.h"
#include "dossier-highlight-card.h"
#include "dossier-search-hit-row.h"
#include "dossier-tag-chip.h"
#include "dossier-tag-picker-row.h"
#include "dossier-tag-row.h"
#include "dossier-ui-utils.h"
#include "ui-test-util.h"

static const char article[] =
  "Ferry fares rise by a tenth\n"
  "\n"
  "The council voted to raise ferry fares by ten percent to pay for two new boats. "
  "Commuters on low incomes say they will pay “far more than before”.\n";

typedef struct
{
  char           *dir;
  DossierProject *project;
  gint64          document;
  gint64          costs, fares, boats;
  gint64          highlight;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->project = test_create_project ("rows", "Ferries", &f->dir, NULL);
  f->document = add_document (f->project, DOSSIER_FORMAT_TEXT, article, "fares.txt");
  f->costs = add_tag (f->project, "Costs", 0);
  f->fares = add_tag (f->project, "Fares", f->costs);
  f->boats = add_tag (f->project, "Boats", 0);
  f->highlight = add_highlight (f->project, f->document, "raise ferry fares by ten percent",
                                (gint64[]) { f->fares, f->boats }, 2, "The council's own figure");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_finish_project (&f->project, &f->dir, NULL);
}

static DossierDocument *
document_of (Fixture *f)
{
  return dossier_project_get_document (f->project, f->document);
}

static DossierHighlight *
highlight_of (Fixture *f,
              gint64   id)
{
  DossierHighlight *highlight = dossier_project_get_highlight (f->project, id, NULL);

  g_assert_nonnull (highlight);
  return highlight;
}

/* A label a row makes only when needed (a card's memo) is not shown
 * before it is made. */
static gboolean
label_visible (GtkWidget  *row,
               const char *css_class)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_with_class (row, css_class, labels);
  return labels->len == 1 && gtk_widget_get_visible (g_ptr_array_index (labels, 0));
}

/* ---- Document row ------------------------------------------------------------ */

static void
test_document_row (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *row = g_object_ref_sink (g_object_new (DOSSIER_TYPE_DOCUMENT_ROW, NULL));
  g_autoptr(GError) error = NULL;

  /* Unbound: nothing to show, nothing to fail on. */
  g_assert_null (dossier_row_get_item (DOSSIER_ROW (row)));

  g_object_set (row, "item", document_of (f), NULL);
  g_assert_cmpstr (label_with_class (row, "document-title"), ==, "Ferry fares rise by a tenth");
  g_assert_cmpstr (label_with_class (row, "count-badge"), ==, "1");
  g_assert_true (label_visible (row, "count-badge"));
  /* No published date: when it was imported, said to be that. */
  g_assert_true (g_str_has_prefix (label_with_class (row, "caption"), "Imported "));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Ferry fares rise by a tenth");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "1 highlight");

  /* The row follows the document: new details, a highlight less. */
  g_assert_true (dossier_project_set_document_metadata (f->project, f->document, "Fares up a tenth", NULL,
                                                        "Harbour Gazette", NULL, "2026-03-02", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (label_with_class (row, "document-title"), ==, "Fares up a tenth");
  g_assert_cmpstr (label_with_class (row, "caption"), ==, "Harbour Gazette · 2 Mar 2026");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, "Fares up a tenth");
  g_assert_true (dossier_project_delete_highlight (f->project, f->highlight, &error));
  g_assert_no_error (error);
  g_assert_false (label_visible (row, "count-badge"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "0 highlights");

  /* Unbound, it lets the document go: a change no longer reaches it. */
  dossier_row_set_item (DOSSIER_ROW (row), NULL);
  g_assert_true (dossier_project_set_document_metadata (f->project, f->document, "Elsewhere", NULL,
                                                        NULL, NULL, NULL, &error));
  g_assert_cmpstr (label_with_class (row, "document-title"), ==, "Fares up a tenth");

  g_assert_finalize_object (row);
}

/* ---- Tag row --------------------------------------------------------------------- */

static void
test_tag_row (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *row = g_object_ref_sink (g_object_new (DOSSIER_TYPE_TAG_ROW, NULL));
  DossierTag *fares = dossier_project_get_tag (f->project, f->fares);
  DossierTag *costs = dossier_project_get_tag (f->project, f->costs);
  GtkWidget *swatch;
  g_autoptr(GError) error = NULL;

  dossier_row_set_item (DOSSIER_ROW (row), fares);
  g_assert_true (dossier_row_get_item (DOSSIER_ROW (row)) == fares);
  g_assert_cmpstr (label_with_class (row, "tag-name"), ==, "Fares");
  g_assert_cmpstr (label_with_class (row, "tag-count"), ==, "1");
  swatch = find_descendant (row, DOSSIER_TYPE_TAG_CHIP);
  g_assert_cmpstr (dossier_tag_chip_get_color (DOSSIER_TAG_CHIP (swatch)), ==, dossier_tag_get_color (fares));
  /* A subtag, at level 2 (the codebook's expander indents it); no slot
   * until the codebook gives one. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Level 2");
  g_assert_cmpstr (label_with_class (row, "tag-slot"), ==, "");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, "Fares");

  /* The codebook's part: slot 2 as a key cap; children, collapsed. */
  dossier_tag_row_set_slot (DOSSIER_TAG_ROW (row), 2);
  g_assert_cmpstr (label_with_class (row, "tag-slot"), ==, "2");
  g_assert_true (gtk_widget_has_css_class (find_with_class (row, "tag-slot"), "has-slot"));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (find_with_class (row, "tag-slot")),
                                   "Press 2 to tag the selection"));
  g_assert_true (gtk_widget_get_visible (find_with_class (row, "tag-slot")));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_with_class (row, "tag-count")), ==,
                   "Highlights with this tag");
  g_assert_true (gtk_widget_get_visible (find_with_class (row, "tag-count")));
  dossier_tag_row_set_expander (DOSSIER_TAG_ROW (row), TRUE, FALSE);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);
  dossier_tag_row_set_expander (DOSSIER_TAG_ROW (row), TRUE, TRUE);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_EXPANDED, TRUE);
  dossier_tag_row_set_slot (DOSSIER_TAG_ROW (row), 0);
  g_assert_false (gtk_widget_has_css_class (find_with_class (row, "tag-slot"), "has-slot"));
  g_assert_null (gtk_widget_get_tooltip_text (find_with_class (row, "tag-slot")));
  g_assert_null (gtk_widget_get_tooltip_text (row));

  /* Renamed, recoloured, described in the core: the row follows. */
  g_assert_true (dossier_project_rename_tag (f->project, f->fares, "Ticket prices", &error));
  g_assert_true (dossier_project_set_tag_color (f->project, f->fares, "#123456", &error));
  g_assert_true (dossier_project_set_tag_description (f->project, f->fares, "What riders pay", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (label_with_class (row, "tag-name"), ==, "Ticket prices");
  g_assert_cmpstr (dossier_tag_chip_get_color (DOSSIER_TAG_CHIP (swatch)), ==, "#123456");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "What riders pay");
  g_assert_true (gtk_widget_get_has_tooltip (row));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, "Ticket prices");

  /* Another tag: a top-level one, without a description; back, with it. */
  dossier_row_set_item (DOSSIER_ROW (row), costs);
  g_assert_cmpstr (label_with_class (row, "tag-name"), ==, "Costs");
  g_assert_null (gtk_widget_get_tooltip_text (row));
  g_assert_false (gtk_widget_get_has_tooltip (row));
  g_assert_true (gtk_widget_get_visible (row));
  dossier_row_set_item (DOSSIER_ROW (row), fares);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "What riders pay");
  g_assert_true (dossier_project_set_tag_description (f->project, f->fares, "", &error));
  g_assert_no_error (error);
  g_assert_null (gtk_widget_get_tooltip_text (row));
  dossier_row_set_item (DOSSIER_ROW (row), costs);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1);
  g_assert_true (dossier_project_rename_tag (f->project, f->fares, "Fares", &error));
  g_assert_cmpstr (label_with_class (row, "tag-name"), ==, "Costs");

  dossier_row_set_item (DOSSIER_ROW (row), NULL);
  g_assert_finalize_object (row);
}

/* ---- Highlight card -------------------------------------------------------------- */

/* The card's chips' names, and their tooltips (the tags' paths) in
 * @tooltips if not NULL; a chip not shown counts as none. */
static void
collect_chips_and_tooltips (GtkWidget *card,
                            GString   *names,
                            GString   *tooltips)
{
  GtkWidget *chips = find_with_class (card, "highlight-tags");

  g_string_truncate (names, 0);
  if (tooltips != NULL)
    g_string_truncate (tooltips, 0);
  for (GtkWidget *chip = gtk_widget_get_first_child (chips); chip != NULL;
       chip = gtk_widget_get_next_sibling (chip))
    {
      if (!gtk_widget_get_visible (chip))
        continue;
      g_string_append_printf (names, "%s%s", names->len ? ", " : "",
                              dossier_tag_chip_get_tag_name (DOSSIER_TAG_CHIP (chip)));
      if (tooltips != NULL)
        g_string_append_printf (tooltips, "%s%s", tooltips->len ? ", " : "",
                                gtk_widget_get_tooltip_text (chip));
    }
}

static void
collect_chips (GtkWidget *card,
               GString   *names)
{
  collect_chips_and_tooltips (card, names, NULL);
}

static void
test_highlight_card (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *card = g_object_ref_sink (g_object_new (DOSSIER_TYPE_HIGHLIGHT_CARD, NULL));
  g_autoptr(DossierHighlight) highlight = highlight_of (f, f->highlight);
  g_autoptr(DossierHighlight) changed = NULL;
  g_autoptr(GString) chips = g_string_new (NULL);
  g_autoptr(GString) tooltips = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  /* Without the project: the quote and memo, no chips yet. */
  dossier_row_set_item (DOSSIER_ROW (card), highlight);
  g_assert_cmpstr (label_with_class (card, "highlight-quote"), ==, "raise ferry fares by ten percent");
  g_assert_cmpstr (label_with_class (card, "highlight-memo"), ==, "The council's own figure");
  g_assert_true (label_visible (card, "highlight-memo"));
  g_assert_false (label_visible (card, "highlight-orphaned"));
  g_assert_false (label_visible (card, "highlight-document"));
  collect_chips (card, chips);
  g_assert_cmpstr (chips->str, ==, "");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "raise ferry fares by ten percent");

  /* With it: chips in the order the tags were applied, live. */
  dossier_highlight_card_set_project (DOSSIER_HIGHLIGHT_CARD (card), f->project);
  collect_chips_and_tooltips (card, chips, tooltips);
  g_assert_cmpstr (chips->str, ==, "Fares, Boats");
  g_assert_cmpstr (tooltips->str, ==, "Costs/Fares, Boats");
  g_assert_true (dossier_project_rename_tag (f->project, f->boats, "New boats", &error));
  g_assert_no_error (error);
  collect_chips_and_tooltips (card, chips, tooltips);
  g_assert_cmpstr (chips->str, ==, "Fares, New boats");
  g_assert_cmpstr (tooltips->str, ==, "Costs/Fares, New boats");

  /* Naming the document, and following its title. */
  dossier_highlight_card_set_show_document (DOSSIER_HIGHLIGHT_CARD (card), TRUE);
  g_assert_true (label_visible (card, "highlight-document"));
  g_assert_cmpstr (label_with_class (card, "highlight-document"), ==, "Ferry fares rise by a tenth");
  g_assert_true (dossier_project_set_document_metadata (f->project, f->document, "Fares up", NULL,
                                                        NULL, NULL, NULL, &error));
  g_assert_cmpstr (label_with_class (card, "highlight-document"), ==, "Fares up");
  dossier_highlight_card_set_show_document (DOSSIER_HIGHLIGHT_CARD (card), FALSE);
  g_assert_false (label_visible (card, "highlight-document"));

  /* A changed highlight is a new item: no memo, one tag. */
  g_assert_true (dossier_project_set_highlight_memo (f->project, f->highlight, "", &error));
  g_assert_true (dossier_project_remove_highlight_tag (f->project, f->highlight, f->fares, &error));
  g_assert_no_error (error);
  changed = highlight_of (f, f->highlight);
  dossier_row_set_item (DOSSIER_ROW (card), changed);
  g_assert_false (label_visible (card, "highlight-memo"));
  collect_chips (card, chips);
  g_assert_cmpstr (chips->str, ==, "New boats");

  /* A long passage is cut in the card, whole in the core. */
  {
    g_autoptr(GString) text = g_string_new ("Long read\n\n");
    g_autoptr(DossierHighlight) long_highlight = NULL;
    gint64 doc, start, end, id;

    for (guint i = 0; i < 80; i++)
      g_string_append (text, "every word counts ");
    g_string_append (text, "\n");
    doc = add_document (f->project, DOSSIER_FORMAT_TEXT, text->str, "long.txt");
    find_text_range (f->project, doc, "every", &start, &end);
    id = dossier_project_add_highlight (f->project, doc, start, start + 1000,
                                        (gint64[]) { f->costs }, 1, NULL, &error);
    g_assert_no_error (error);
    long_highlight = highlight_of (f, id);
    dossier_row_set_item (DOSSIER_ROW (card), long_highlight);
    g_assert_cmpint (g_utf8_strlen (label_with_class (card, "highlight-quote"), -1), <,
                     g_utf8_strlen (dossier_highlight_get_quote (long_highlight), -1));
    g_assert_true (g_str_has_suffix (label_with_class (card, "highlight-quote"), "…"));
  }

  /* Unbound and without a project: empty, and the project can go. */
  dossier_row_set_item (DOSSIER_ROW (card), NULL);
  g_assert_false (label_visible (card, "highlight-memo"));
  g_assert_false (label_visible (card, "highlight-document"));
  dossier_highlight_card_set_project (DOSSIER_HIGHLIGHT_CARD (card), NULL);
  collect_chips (card, chips);
  g_assert_cmpstr (chips->str, ==, "");
  g_assert_finalize_object (card);
}

static gboolean
has_height (gpointer widget)
{
  return gtk_widget_get_height (widget) > 0;
}

/* Whether @row has a widget of @css_class at all. */
static gboolean
made (GtkWidget  *row,
      const char *css_class)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_with_class (row, css_class, found);
  return found->len > 0;
}

/* The child after @child that is shown, or NULL. */
static GtkWidget *
next_shown (GtkWidget *child)
{
  for (child = gtk_widget_get_next_sibling (child); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && !GTK_IS_POPOVER (child))
      return child;
  return NULL;
}

/* Whether the focus of @widget's window is in @widget. */
static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A card makes its document title, memo and orphaned mark only for a
 * highlight that needs them (a list keeps 200 cards alive), each in its
 * place, and keeps them for the highlights it shows next; its menu and
 * evidence picker are made when first opened, and work. */
static void
test_highlight_card_lazy (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *card = g_object_new (DOSSIER_TYPE_HIGHLIGHT_CARD, NULL);
  GtkWidget *window;
  g_autoptr(DossierHighlight) plain = NULL;
  g_autoptr(DossierHighlight) with_memo = NULL;
  g_autoptr(DossierHighlight) orphan = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *quote, *chips, *memo, *popover;
  gint64 start, end, plain_id;

  find_text_range (f->project, f->document, "two new boats", &start, &end);
  plain_id = dossier_project_tag_range (f->project, f->document, start, end, f->boats, &error);
  g_assert_no_error (error);
  plain = highlight_of (f, plain_id);

  dossier_highlight_card_set_project (DOSSIER_HIGHLIGHT_CARD (card), f->project);
  dossier_row_set_item (DOSSIER_ROW (card), plain);
  window = show_in_window (card, 360, 300);
  quote = find_with_class (card, "highlight-quote");
  chips = find_with_class (card, "highlight-tags");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (quote)), ==, "two new boats");
  g_assert_false (made (card, "highlight-memo"));
  g_assert_false (made (card, "highlight-document"));
  g_assert_false (made (card, "highlight-orphaned"));
  g_assert_true (next_shown (quote) == chips);
  g_assert_null (next_shown (chips));

  /* A memo, edited in the core: the next item has it, under the chips. */
  g_assert_true (dossier_project_set_highlight_memo (f->project, plain_id, "Two, not three", &error));
  g_assert_no_error (error);
  with_memo = highlight_of (f, plain_id);
  dossier_row_set_item (DOSSIER_ROW (card), with_memo);
  memo = find_with_class (card, "highlight-memo");
  g_assert_nonnull (memo);
  g_assert_true (next_shown (chips) == memo);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (memo)), ==, "Two, not three");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Two, not three");
  wait_until (has_height, memo, "the memo to be laid out");

  /* The document named: first, above the quote. */
  dossier_highlight_card_set_show_document (DOSSIER_HIGHLIGHT_CARD (card), TRUE);
  g_assert_true (gtk_widget_get_first_child (card) == find_with_class (card, "highlight-document"));
  g_assert_true (next_shown (gtk_widget_get_first_child (card)) == quote);
  g_assert_cmpstr (label_with_class (card, "highlight-document"), ==, "Ferry fares rise by a tenth");
  dossier_highlight_card_set_show_document (DOSSIER_HIGHLIGHT_CARD (card), FALSE);

  /* Back to a highlight without: the labels stay, hidden. */
  dossier_row_set_item (DOSSIER_ROW (card), plain);
  g_assert_true (find_with_class (card, "highlight-memo") == memo);
  g_assert_false (gtk_widget_get_visible (memo));
  g_assert_false (label_visible (card, "highlight-document"));
  g_assert_null (next_shown (chips));

  /* Orphaned: the mark, last. */
  {
    static const char newer[] = "Ferry fares rise by a tenth\n\nNothing is left of it.\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (newer, strlen (newer));
    g_autoptr(DossierParsedDocument) parsed = dossier_import_bytes (bytes, DOSSIER_FORMAT_TEXT,
                                                                    "fares.txt", &error);

    g_assert_no_error (error);
    g_assert_true (dossier_project_replace_document_text (f->project, f->document, parsed, NULL, &error));
    g_assert_no_error (error);
  }
  orphan = highlight_of (f, plain_id);
  g_assert_true (dossier_highlight_get_orphaned (orphan));
  dossier_row_set_item (DOSSIER_ROW (card), orphan);
  g_assert_true (label_visible (card, "highlight-orphaned"));
  g_assert_true (next_shown (find_with_class (card, "highlight-memo")) == find_with_class (card, "highlight-orphaned"));

  /* The menu, made when opened: Cite in Briefing and Add as Evidence. */
  dossier_row_set_item (DOSSIER_ROW (card), with_memo);
  g_assert_null (find_descendant (card, GTK_TYPE_POPOVER_MENU));
  g_assert_true (dossier_highlight_card_popup_menu (DOSSIER_HIGHLIGHT_CARD (card)));
  popover = find_descendant (card, GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  {
    GMenuModel *model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
    g_autofree char *evidence = NULL;

    g_assert_cmpint (g_menu_model_get_n_items (model), ==, 2);
    g_assert_true (g_menu_model_get_item_attribute (model, 1, G_MENU_ATTRIBUTE_ACTION, "s", &evidence));
    g_assert_cmpstr (evidence, ==, "card.add-evidence");
  }
  gtk_popover_popdown (GTK_POPOVER (popover));
  /* Its second entry opens the evidence picker, made then. */
  g_assert_true (gtk_widget_activate_action (card, "card.add-evidence", NULL));

  popover = find_descendant (card, DOSSIER_TYPE_EVIDENCE_PICKER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  /* Shown, it takes the focus into its entry. */
  wait_until ((TestCondition) has_focus_within, popover, "the picker to take the focus");
  g_object_add_weak_pointer (G_OBJECT (popover), (gpointer *) &popover);

  /* Closed, it gives the focus back at once: GTK 4.8 holds a popover hidden
   * with the focus inside until the window's next frame, and a window
   * closed before that frame (here, at once) kept the picker, and the
   * project, alive. */
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_false (has_focus_within (popover));
  close_window (window);
  g_assert_null (popover);
  g_assert_cmpuint (G_OBJECT (f->project)->ref_count, ==, 1);
}

/* ---- Search hit row ---------------------------------------------------------------- */

static void
test_search_hit_row (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *row = g_object_ref_sink (g_object_new (DOSSIER_TYPE_SEARCH_HIT_ROW, NULL));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierSearchHitItem) in_text = NULL;
  g_autoptr(DossierSearchHitItem) in_memo = NULL;

  hits = dossier_project_search (f->project, "boats", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  in_text = dossier_search_hit_item_new (g_ptr_array_index (hits, 0), document_of (f));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = dossier_project_search (f->project, "figure", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  in_memo = dossier_search_hit_item_new (g_ptr_array_index (hits, 0), document_of (f));

  dossier_row_set_item (DOSSIER_ROW (row), in_text);
  g_assert_cmpstr (label_with_class (row, "hit-title"), ==, "Ferry fares rise by a tenth");
  /* The match in bold, the rest as text. */
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find_with_class (row, "hit-snippet"))),
                            "<b>boats</b>"));
  g_assert_nonnull (strstr (label_with_class (row, "hit-snippet"), "two new boats"));
  g_assert_false (label_visible (row, "hit-memo"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Ferry fares rise by a tenth");

  /* The document's title is followed while the row shows it. */
  g_assert_true (dossier_project_set_document_metadata (f->project, f->document, "Fares up", NULL,
                                                        NULL, NULL, NULL, &error));
  g_assert_cmpstr (label_with_class (row, "hit-title"), ==, "Fares up");

  /* A memo hit is marked as one. */
  dossier_row_set_item (DOSSIER_ROW (row), in_memo);
  g_assert_true (label_visible (row, "hit-memo"));
  g_assert_nonnull (strstr (label_with_class (row, "hit-snippet"), "figure"));

  dossier_row_set_item (DOSSIER_ROW (row), NULL);
  g_assert_cmpstr (label_with_class (row, "hit-title"), ==, "");
  g_assert_finalize_object (row);
}

/* ---- Tag picker row ------------------------------------------------------------------ */

static void
test_tag_picker_row (Fixture       *f,
                     gconstpointer  data)
{
  DossierTag *fares = dossier_project_get_tag (f->project, f->fares);
  GtkWidget *row = g_object_ref_sink (g_object_new (DOSSIER_TYPE_TAG_PICKER_ROW, "item", fares, NULL));
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_row_get_item (DOSSIER_ROW (row)) == fares);
  g_assert_cmpstr (label_with_class (row, "tag-name"), ==, "Fares");
  /* A nested tag says where it sits; the path tells it apart. */
  g_assert_true (label_visible (row, "tag-path"));
  g_assert_cmpstr (label_with_class (row, "tag-path"), ==, "Costs");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "Costs/Fares");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, "Costs/Fares");

  /* A parent renamed: the path follows. */
  g_assert_true (dossier_project_rename_tag (f->project, f->costs, "Money", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (label_with_class (row, "tag-path"), ==, "Money");

  /* A top-level tag has no path line. */
  dossier_row_set_item (DOSSIER_ROW (row), dossier_project_get_tag (f->project, f->boats));
  g_assert_cmpstr (label_with_class (row, "tag-name"), ==, "Boats");
  g_assert_false (label_visible (row, "tag-path"));

  dossier_row_set_item (DOSSIER_ROW (row), NULL);
  g_assert_finalize_object (row);
}

/* ---- The list's own row ------------------------------------------------------------ */

static void
setup_document_row (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  gtk_list_item_set_child (item, g_object_new (DOSSIER_TYPE_DOCUMENT_ROW, "list-item", item, NULL));
}

/* What takes the focus in a list, and what a screen reader announces, is
 * the list's row around a DossierRow (GtkListView's item widget, a
 * GtkListBoxRow): it carries the row's name and description, and follows
 * them. */
static void
test_list_row_named (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GListModel *documents = dossier_project_get_documents (f->project);
  GtkWidget *list_view, *list_box, *box, *window, *row, *list_row;
  g_autoptr(GError) error = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_document_row), NULL);
  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (documents))),
                                 g_object_ref (factory));
  list_box = gtk_list_box_new ();
  gtk_list_box_append (GTK_LIST_BOX (list_box),
                       g_object_new (DOSSIER_TYPE_TAG_PICKER_ROW,
                                     "item", dossier_project_get_tag (f->project, f->fares), NULL));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), list_view);
  gtk_box_append (GTK_BOX (box), list_box);
  window = show_in_window (box, 360, 400);

  row = find_descendant (list_view, DOSSIER_TYPE_DOCUMENT_ROW);
  g_assert_nonnull (row);
  list_row = gtk_widget_get_parent (row);
  g_assert_true (gtk_widget_get_focusable (list_row));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Ferry fares rise by a tenth");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "1 highlight");
  g_assert_true (dossier_project_set_document_metadata (f->project, f->document, "Fares up a tenth", NULL,
                                                        NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Fares up a tenth");

  row = find_descendant (list_box, DOSSIER_TYPE_TAG_PICKER_ROW);
  list_row = gtk_widget_get_parent (row);
  g_assert_true (GTK_IS_LIST_BOX_ROW (list_row));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Costs/Fares");

  close_window (window);
}

/* A menu opened on a row holds off the tooltip of what is under the
 * pointer — a chip on the row, else the row — until it closes (GTK would
 * show it over the menu a moment after it opened); then it comes back. A
 * point with no tooltip under it holds nothing. */
static void
test_tooltip_under_menu (void)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *chip = gtk_label_new ("Politics");
  GtkWidget *title = gtk_label_new ("A document title");
  GtkWidget *menu = gtk_popover_new ();
  GtkWidget *window;
  graphene_point_t at;

  gtk_widget_set_tooltip_text (row, "The row");
  gtk_widget_set_tooltip_text (chip, "Topics › Politics");
  gtk_box_append (GTK_BOX (row), title);
  gtk_box_append (GTK_BOX (row), chip);
  gtk_popover_set_child (GTK_POPOVER (menu), gtk_label_new ("Rename…"));
  /* Nothing in this window has the focus for an autohiding popover to
   * take and give back; what is tested does not depend on it. */
  gtk_popover_set_autohide (GTK_POPOVER (menu), FALSE);
  gtk_widget_set_parent (menu, row);
  window = show_in_window (row, 400, 100);

  /* On the chip: the chip's tooltip is held, the row's is not. */
  g_assert_true (gtk_widget_compute_point (chip, row, &GRAPHENE_POINT_INIT (4, 4), &at));
  gtk_popover_popup (GTK_POPOVER (menu));
  dossier_hold_tooltip_under (GTK_POPOVER (menu), row, at.x, at.y);
  g_assert_false (gtk_widget_get_has_tooltip (chip));
  g_assert_true (gtk_widget_get_has_tooltip (row));
  gtk_popover_popdown (GTK_POPOVER (menu));
  g_assert_true (gtk_widget_get_has_tooltip (chip));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (chip), ==, "Topics › Politics");

  /* On the title, which has none: the row's. */
  g_assert_true (gtk_widget_compute_point (title, row, &GRAPHENE_POINT_INIT (4, 4), &at));
  gtk_popover_popup (GTK_POPOVER (menu));
  dossier_hold_tooltip_under (GTK_POPOVER (menu), row, at.x, at.y);
  g_assert_false (gtk_widget_get_has_tooltip (row));
  g_assert_true (gtk_widget_get_has_tooltip (chip));
  gtk_popover_popdown (GTK_POPOVER (menu));
  g_assert_true (gtk_widget_get_has_tooltip (row));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, "The row");

  /* Nothing with a tooltip there: nothing held, nothing changed after. */
  gtk_widget_set_has_tooltip (row, FALSE);
  gtk_popover_popup (GTK_POPOVER (menu));
  dossier_hold_tooltip_under (GTK_POPOVER (menu), row, at.x, at.y);
  gtk_popover_popdown (GTK_POPOVER (menu));
  g_assert_false (gtk_widget_get_has_tooltip (row));
  g_assert_true (gtk_widget_get_has_tooltip (chip));

  gtk_widget_unparent (menu);
  close_window (window);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

/* dossier_set_tooltip (): the text set, "" as none, nothing done when it
 * is already there; a widget not on screen stays shown. */
static void
test_set_tooltip (void)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("Fares"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *window;
  guint n_tooltip = 0, n_visible = 0;

  g_signal_connect (label, "notify::tooltip-text", G_CALLBACK (count_notify), &n_tooltip);
  g_signal_connect (label, "notify::visible", G_CALLBACK (count_notify), &n_visible);

  /* In no window. */
  dossier_set_tooltip (label, "Costs/Fares");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, "Costs/Fares");
  g_assert_true (gtk_widget_get_has_tooltip (label));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpuint (n_tooltip, ==, 1);
  dossier_set_tooltip (label, "Costs/Fares");
  g_assert_cmpuint (n_tooltip, ==, 1);
  dossier_set_tooltip (label, "");
  g_assert_null (gtk_widget_get_tooltip_text (label));
  g_assert_false (gtk_widget_get_has_tooltip (label));
  g_assert_cmpuint (n_tooltip, ==, 2);
  dossier_set_tooltip (label, NULL);
  g_assert_cmpuint (n_tooltip, ==, 2);

  /* On screen: set as GTK does, the label never hidden. */
  gtk_box_append (GTK_BOX (box), label);
  window = show_in_window (box, 200, 100);
  n_visible = 0;
  dossier_set_tooltip (label, "Fares");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, "Fares");
  g_assert_cmpuint (n_tooltip, ==, 3);
  g_assert_cmpuint (n_visible, ==, 0);
  g_assert_true (gtk_widget_get_mapped (label));

  close_window (window);
  g_assert_finalize_object (label);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend keeps what rows tell assistive
   * technologies, for the assertions below (the suite runs with none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/dossier/rows/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("document-row", test_document_row);
  ADD ("tag-row", test_tag_row);
  ADD ("highlight-card", test_highlight_card);
  ADD ("highlight-card-lazy", test_highlight_card_lazy);
  ADD ("search-hit-row", test_search_hit_row);
  ADD ("tag-picker-row", test_tag_picker_row);
  ADD ("list-row-named", test_list_row_named);
  g_test_add_func ("/dossier/rows/tooltip-under-menu", test_tooltip_under_menu);
  g_test_add_func ("/dossier/rows/set-tooltip", test_set_tooltip);

  return g_test_run ();
}
