/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-whole-words.c — tagging or citing a selection that starts or ends
 * inside a word takes the whole word ("whole-words", on at first): by the
 * number keys, the tag picker, Ctrl+Shift+E's evidence picker and the
 * Stakeholders panel's Cite, the view then selecting what was tagged;
 * exactly the selection with the setting off; a selection of punctuation
 * alone as it is; a triple click's paragraph, whole; the "Tag…" button
 * clear of the stripes' labels; and what a word is, by hand — apostrophes, hyphens,
 * numbers, accents, CJK, the text's first and last words. Runs under
 * xvfb-run and dbus-run-session (suite "ui"). */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <dossier/dossier.h>

#include "dossier-evidence-picker.h"
#include "dossier-filter-popover.h"
#include "dossier-reader-page-private.h"
#include "dossier-stakeholders-panel.h"
#include "dossier-window-private.h"
#include "ui-test-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  gint64         document_id;
  gint64         risks_id;
  gint64         council;
  DossierWindow *window;
} Fixture;

/* The first word opens the text and the last ends it. */
static const char article[] =
  "Night Buses Return\n"
  "\n"
  "Many say the fight is not over: riders don’t trust the council, and l’État pays 3.5% of a "
  "long-term plan costing 1,200 euros a night, said Zoë Márquez of the Café Zürich.\n"
  "\n"
  "Yes, ma’am: from ten o’clock 'til dawn the rock ’n’ roll bar of Dan O’Hara stays open, "
  "jusqu’à l’aube, qu’il pleuve ou non, said a fan of dell’arte on the 'Night' line.\n"
  "\n"
  "東京都の人口 grows, and so does タワー traffic, at last";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = test_create_project ("Buses", "Night Buses", &f->dir, &f->path);
  f->risks_id = dossier_project_add_tag (project, "Risks", 0, "#e01b24", NULL, &error);
  g_assert_no_error (error);
  f->document_id = add_document (project, DOSSIER_FORMAT_TEXT, article, "buses.txt");
  f->council = dossier_project_add_stakeholder (project, "City Council", NULL,
                                                DOSSIER_STAKEHOLDER_GOVERNMENT, &error);
  g_assert_no_error (error);
  dossier_project_close (project);

  /* (@data: a width other than 1200 px) */
  f->window = open_reader_window (f->path, DOSSIER_OPEN_READ_WRITE, data != NULL ? GPOINTER_TO_INT (data) : 1200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "whole-words");
  finish_reader_window (&f->window, &f->dir, &f->path);
}

static DossierProject *
project_of (Fixture *f)
{
  return dossier_window_get_project (f->window);
}

static DossierReaderPage *
page_of (Fixture *f)
{
  return f->window->reader_page;
}

/* The range [ ] marks in @marked, a passage of the document with one
 * pair of brackets (which the document does not have). */
static void
marked_range (Fixture    *f,
              const char *marked,
              gint64     *start,
              gint64     *end)
{
  const char *open = strchr (marked, '[');
  const char *close = strchr (marked, ']');
  g_autoptr(GString) plain = g_string_new (NULL);
  gint64 passage_end;

  g_assert_nonnull (open);
  g_assert_nonnull (close);
  g_assert_true (open < close);
  g_string_append_len (plain, marked, open - marked);
  g_string_append_len (plain, open + 1, close - open - 1);
  g_string_append (plain, close + 1);

  find_text_range (project_of (f), f->document_id, plain->str, start, &passage_end);
  *end = *start + g_utf8_strlen (marked, close - marked) - 1;
  *start += g_utf8_strlen (marked, open - marked);
}

/* Selects what [ ] marks in @marked, with the focus in the text. */
static void
select_marked (Fixture    *f,
               const char *marked)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  gint64 start, end;

  marked_range (f, marked, &start, &end);
  gtk_widget_grab_focus (GTK_WIDGET (dossier_document_view_get_text_view (view)));
  dossier_document_view_select_range (view, start, end);
  flush_events ();
}

/* The same, selected from right to left: the caret at its start. */
static void
select_marked_backwards (Fixture    *f,
                         const char *marked)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (dossier_window_get_document_view (f->window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter s, e;
  gint64 start, end;

  marked_range (f, marked, &start, &end);
  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) end);
  gtk_text_buffer_select_range (buffer, &s, &e);
  flush_events ();
}

typedef struct
{
  DossierDocumentView *view;
  gint64               start;
  gint64               end;
} Selected;

static gboolean
is_selected (gpointer data)
{
  Selected *selected = data;
  gint64 start, end;

  return dossier_document_view_get_selection (selected->view, &start, &end)
         && start == selected->start && end == selected->end;
}

/* The document's one highlight, which spans [ ] of @marked with that
 * text as its quote, and is what the view selects (after the frame that
 * paints the highlight). */
static void
assert_one_highlight (Fixture    *f,
                      const char *marked)
{
  g_autoptr(GPtrArray) highlights = dossier_project_list_highlights (project_of (f), f->document_id, 0, NULL);
  const char *open = strchr (marked, '[');
  g_autofree char *quote = g_strndup (open + 1, strchr (marked, ']') - open - 1);
  DossierHighlight *hl;
  gint64 start, end;

  marked_range (f, marked, &start, &end);
  g_assert_cmpuint (highlights->len, ==, 1);
  hl = g_ptr_array_index (highlights, 0);
  g_assert_cmpint (dossier_highlight_get_start (hl), ==, start);
  g_assert_cmpint (dossier_highlight_get_end (hl), ==, end);
  g_assert_cmpstr (dossier_highlight_get_quote (hl), ==, quote);

  wait_until (is_selected, &(Selected) { dossier_window_get_document_view (f->window), start, end },
              "the view to select what was tagged");
}

static void
apply_tag_key (Fixture *f,
               int      slot)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page_of (f)), "reader.apply-tag",
                                             "i", slot));
  flush_events ();
}

/* A drag from inside "fight" to inside "not", tagged by its number key:
 * the highlight is "fight is not", and so is the selection. The same by
 * the text menu's Tag With (after undo), and backwards. */
static void
test_mid_word (Fixture       *f,
               gconstpointer  data)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  gint64 start, end;

  g_assert_true (dossier_reader_page_get_whole_words (page_of (f)));

  select_marked (f, "the f[ight is n]ot over");
  apply_tag_key (f, 1);
  assert_one_highlight (f, "the [fight is not] over");
  /* Its work done, the "Tag…" button stays away. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page_of (f)->tag_selection_button)));

  g_assert_true (dossier_project_undo (project_of (f), NULL));
  flush_events ();
  select_marked (f, "the f[ight is n]ot over");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page_of (f)), "reader.tag-with", "i", 1));
  flush_events ();
  assert_one_highlight (f, "the [fight is not] over");

  /* Selected from right to left: the caret stays at the start. */
  g_assert_true (dossier_project_undo (project_of (f), NULL));
  flush_events ();
  select_marked_backwards (f, "the f[ight is n]ot over");
  apply_tag_key (f, 1);
  assert_one_highlight (f, "the [fight is not] over");
  marked_range (f, "the [fight is not] over", &start, &end);
  g_assert_cmpint (dossier_document_view_get_caret (view), ==, start);
}

/* With the setting off (in Preferences), the exact selection. */
static void
test_setting_off (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_boolean (settings, "whole-words", FALSE);
  g_assert_false (dossier_reader_page_get_whole_words (page_of (f)));

  select_marked (f, "the f[ight is n]ot over");
  apply_tag_key (f, 1);
  assert_one_highlight (f, "the f[ight is n]ot over");
}

/* Inside one word, by Ctrl+T's picker: the view shows the word as soon as
 * the picker opens, and the word is tagged. */
static void
test_inside_word (Fixture       *f,
                  gconstpointer  data)
{
  DossierReaderPage *page = page_of (f);
  gint64 start, end, selected_start, selected_end;

  select_marked (f, "the Ca[f]é Zürich");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reader.tag-selection", NULL));
  flush_events ();
  g_assert_nonnull (page->tag_picker);
  g_assert_true (gtk_widget_get_visible (page->tag_picker));
  marked_range (f, "the [Café] Zürich", &start, &end);
  g_assert_true (dossier_document_view_get_selection (dossier_window_get_document_view (f->window),
                                                      &selected_start, &selected_end));
  g_assert_cmpint (selected_start, ==, start);
  g_assert_cmpint (selected_end, ==, end);

  g_signal_emit_by_name (page->tag_picker, "tag-chosen", f->risks_id);
  flush_events ();
  assert_one_highlight (f, "the [Café] Zürich");
}

/* The selection as the user made it: [ ] of @marked, the caret at its
 * start if @backwards. */
static void
assert_selected_as_made (Fixture    *f,
                         const char *marked,
                         gboolean    backwards)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  gint64 start, end;

  marked_range (f, marked, &start, &end);
  wait_until (is_selected, &(Selected) { view, start, end }, "the selection as it was made");
  g_assert_cmpint (dossier_document_view_get_caret (view), ==, backwards ? start : end);
}

/* Opens the picker of @action (reader.tag-selection or reader.add-evidence,
 * made in *@picker), which selects what [ ] of @widened marks, the whole
 * words it would take; then closes it by Escape, as its search entry
 * takes it. */
static void
open_and_cancel_picker (Fixture     *f,
                        const char  *action,
                        GtkWidget  **picker,
                        const char  *widened)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  gint64 start, end;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page_of (f)), action, NULL));
  flush_events ();
  g_assert_true (gtk_widget_get_visible (*picker));
  marked_range (f, widened, &start, &end);
  g_assert_true (is_selected (&(Selected) { view, start, end }));

  g_signal_emit_by_name (dossier_filter_popover_get_entry (DOSSIER_FILTER_POPOVER (*picker)), "stop-search");
  flush_events ();
  g_assert_false (gtk_widget_get_visible (*picker));
}

/* Ctrl+T's picker shows the whole words it would tag; closed by Escape
 * without tagging, it leaves the selection as the user made it, the caret
 * where it was, and the "Tag…" button back beside it. The same for
 * Ctrl+Shift+E's evidence picker, on a selection made backwards. */
static void
test_picker_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  DossierReaderPage *page = page_of (f);
  g_autoptr(GPtrArray) highlights = NULL;

  select_marked (f, "the Ca[f]é Zürich");
  open_and_cancel_picker (f, "reader.tag-selection", &page->tag_picker, "the [Café] Zürich");
  assert_selected_as_made (f, "the Ca[f]é Zürich", FALSE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->tag_selection_button)));

  select_marked_backwards (f, "riders do[n’t trust the coun]cil");
  open_and_cancel_picker (f, "reader.add-evidence", &page->evidence_picker,
                          "riders [don’t trust the council]");
  assert_selected_as_made (f, "riders do[n’t trust the coun]cil", TRUE);

  highlights = dossier_project_list_highlights (project_of (f), f->document_id, 0, NULL);
  g_assert_cmpuint (highlights->len, ==, 0);
}

/* Punctuation and spaces alone are tagged as selected, even where they
 * sit inside a word (the apostrophe of don’t). */
static void
test_punctuation_only (Fixture       *f,
                       gconstpointer  data)
{
  select_marked (f, "not over[: ]riders");
  apply_tag_key (f, 1);
  assert_one_highlight (f, "not over[: ]riders");

  g_assert_true (dossier_project_undo (project_of (f), NULL));
  flush_events ();
  select_marked (f, "don[’]t trust");
  apply_tag_key (f, 1);
  assert_one_highlight (f, "don[’]t trust");
}

/* The line breaks at a selection's ends are left out of the highlight:
 * a paragraph selected with Shift+Ctrl+Down ends with the line break
 * after it (the quote, its card and its exports did), and one selected
 * from the end of the one before begins with it. The view then selects
 * what was tagged; with the setting off too. (A space alone at an end
 * stays: window merge-touching.) */
static void
test_spaces_at_ends (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  select_marked (f, "of the [Café Zürich.\n\n]Yes, ma’am");
  apply_tag_key (f, 1);
  assert_one_highlight (f, "of the [Café Zürich.]\n\nYes, ma’am");

  g_assert_true (dossier_project_undo (project_of (f), NULL));
  flush_events ();
  select_marked_backwards (f, "Zürich.[\n\nYes, ma’am]: from");
  apply_tag_key (f, 1);
  assert_one_highlight (f, "Zürich.\n\n[Yes, ma’am]: from");

  g_assert_true (dossier_project_undo (project_of (f), NULL));
  flush_events ();
  g_settings_set_boolean (settings, "whole-words", FALSE);
  select_marked (f, "Zürich.\n[\nYes, ma’am: fr]om");
  apply_tag_key (f, 1);
  assert_one_highlight (f, "Zürich.\n\n[Yes, ma’am: fr]om");
}

#define DOUBLE_CLICK_MS 1000

static gboolean
time_passed (gpointer deadline)
{
  return g_get_monotonic_time () >= *(gint64 *) deadline;
}

/* A triple click of the mouse's first button at @offset of the reader's
 * text, through the X server (xdotool, XTest) as a user's, with the
 * pause a hand leaves between clicks; the pointer then goes to the
 * screen's far corner, out of the way of the tests after this one. A
 * click gesture counts presses against a timer of the main loop: the
 * double-click time is made long, for a busy machine that runs the loop
 * late, and it passes before the clicks (a press elsewhere before it
 * ends starts a count that loses a press: GTK 4.8). */
static void
triple_click_at (Fixture *f,
                 gint64   offset)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (dossier_window_get_document_view (f->window));
  g_autofree char *xid = xdotool_window (GTK_WIDGET (text_view));
  g_autofree char *at_x = NULL, *at_y = NULL, *corner_x = NULL, *corner_y = NULL;
  GdkRectangle location;
  GtkTextIter iter;
  int x, y;
  gint64 deadline = g_get_monotonic_time () + (DOUBLE_CLICK_MS + 200) * G_TIME_SPAN_MILLISECOND;

  g_object_set (gtk_widget_get_settings (GTK_WIDGET (text_view)), "gtk-double-click-time", DOUBLE_CLICK_MS, NULL);
  wait_until (time_passed, &deadline, "the double-click time to pass");
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, (int) offset);
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, location.x, location.y, &x, &y);
  xdotool_point (GTK_WIDGET (text_view), x + 2, y + location.height / 2, &at_x, &at_y);
  xdotool_corner (GTK_WIDGET (text_view), &corner_x, &corner_y);
  run_xdotool ((const char *[]) { "xdotool", "mousemove", "--sync", "--window", xid, at_x, at_y,
                                  "click", "--repeat", "3", "--delay", "60", "1",
                                  "mousemove", corner_x, corner_y, NULL });
}

static gboolean
sidebars_gone (gpointer window)
{
  DossierWindow *self = window;

  return adw_flap_get_reveal_progress (self->left_flap) == 0
         && adw_flap_get_reveal_progress (self->right_flap) == 0;
}

/* A triple click in a paragraph wrapped over several lines (a phone's
 * width) selects the paragraph, not the line on screen clicked, and
 * without its line break; its number key tags exactly it. The same in
 * the text's last block, which no line break ends. */
static void
test_triple_click (Fixture       *f,
                   gconstpointer  data)
{
  DossierDocumentView *view;
  GtkTextView *text_view;
  GdkRectangle first_line, clicked_line;
  GtkTextIter iter;
  gint64 start, end, at, at_end;

  view = dossier_window_get_document_view (f->window);
  text_view = dossier_document_view_get_text_view (view);
  /* The sidebars, over the reader at this width, out of the way; the
   * window as narrow as asked (it opens no narrower than the sidebars
   * beside the text allow, where the text has its whole column). */
  g_object_set (f->window, "show-left-sidebar", FALSE, "show-right-sidebar", FALSE, NULL);
  wait_until (sidebars_gone, f->window, "the sidebars to go");
  resize_toplevel (GTK_WINDOW (f->window), GPOINTER_TO_INT (data), 800);

  /* "the council" is on the paragraph's second line on screen, or lower. */
  marked_range (f, "[Many say the fight is not over: riders don’t trust the council, and l’État pays 3.5% "
                   "of a long-term plan costing 1,200 euros a night, said Zoë Márquez of the Café "
                   "Zürich.]\n", &start, &end);
  find_text_range (project_of (f), f->document_id, "the council", &at, &at_end);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, (int) start);
  gtk_text_view_get_line_yrange (text_view, &iter, &first_line.y, &first_line.height);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, (int) at);
  gtk_text_view_get_iter_location (text_view, &iter, &clicked_line);
  g_assert_cmpint (clicked_line.y, >=, first_line.y + clicked_line.height);

  triple_click_at (f, at + 4);
  wait_until (is_selected, &(Selected) { view, start, end }, "the paragraph selected");
  {
    gint64 tag_start, tag_end;

    g_assert_true (dossier_reader_page_get_tag_range (page_of (f), &tag_start, &tag_end));
    g_assert_cmpint (tag_start, ==, start);
    g_assert_cmpint (tag_end, ==, end);
  }
  apply_tag_key (f, 1);
  assert_one_highlight (f, "[Many say the fight is not over: riders don’t trust the council, and l’État "
                           "pays 3.5% of a long-term plan costing 1,200 euros a night, said Zoë Márquez "
                           "of the Café Zürich.]\n\nYes");

  /* The last block, clicked on its last character. */
  marked_range (f, "[東京都の人口 grows, and so does タワー traffic, at last]", &start, &end);
  triple_click_at (f, end - 1);
  wait_until (is_selected, &(Selected) { view, start, end }, "the last paragraph selected");
}

/* The council's one piece of evidence, which spans [ ] of @marked. */
static void
assert_council_evidence (Fixture    *f,
                         const char *marked)
{
  g_autoptr(GPtrArray) evidence = dossier_project_list_stakeholder_evidence (project_of (f), f->council, NULL);
  const char *open = strchr (marked, '[');
  g_autofree char *quote = g_strndup (open + 1, strchr (marked, ']') - open - 1);
  DossierHighlight *hl;
  gint64 start, end;

  g_assert_cmpuint (evidence->len, ==, 1);
  hl = ((DossierEvidence *) g_ptr_array_index (evidence, 0))->highlight;
  marked_range (f, marked, &start, &end);
  g_assert_cmpint (dossier_highlight_get_start (hl), ==, start);
  g_assert_cmpint (dossier_highlight_get_end (hl), ==, end);
  g_assert_cmpstr (dossier_highlight_get_quote (hl), ==, quote);
}

/* Ctrl+Shift+E: the evidence picker cites the whole words, and the view
 * shows them; so does the Stakeholders panel's Cite. */
static void
test_evidence (Fixture       *f,
               gconstpointer  data)
{
  DossierReaderPage *page = page_of (f);
  DossierStakeholdersPanel *panel = DOSSIER_STAKEHOLDERS_PANEL (f->window->stakeholders_panel);
  DossierEvidencePicker *picker;

  select_marked (f, "riders do[n’t trust the coun]cil");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reader.add-evidence", NULL));
  flush_events ();
  g_assert_nonnull (page->evidence_picker);
  picker = DOSSIER_EVIDENCE_PICKER (page->evidence_picker);
  gtk_editable_set_text (dossier_evidence_picker_get_entry (picker), "council");
  flush_events ();
  g_signal_emit_by_name (dossier_evidence_picker_get_entry (picker), "activate");
  flush_events ();
  assert_one_highlight (f, "riders [don’t trust the council]");
  assert_council_evidence (f, "riders [don’t trust the council]");

  /* The panel's Cite, from the same reader selection. */
  g_assert_true (dossier_project_undo (project_of (f), NULL));
  flush_events ();
  dossier_stakeholders_panel_set_stakeholder_id (panel, f->council);
  select_marked (f, "of the Ca[fé Zü]rich");
  g_assert_true (dossier_stakeholders_panel_cite_selection (panel));
  flush_events ();
  assert_council_evidence (f, "of the [Café Zürich]");
}

/* What a word is: a selection (marked in the first string) and what
 * tagging it takes (in the second), checked by hand. */
static const struct
{
  const char *selected;
  const char *taken;
} words[] = {
  /* The document's first word, and its last. */
  { "N[ig]ht Buses", "[Night] Buses" },
  { "at l[as]t", "at [last]" },
  /* A whole word, or whole words, stay as they are. */
  { "the [fight] is", "the [fight] is" },
  { "[fight is not over]", "[fight is not over]" },
  /* Apostrophes: inside a word between letters; an elided l’ is a word
   * of its own. */
  { "riders do[n’]t", "riders [don’t]" },
  { "riders don’[t]", "riders [don’t]" },
  { "and l’É[ta]t pays", "and l’[État] pays" },
  { "and [l’É]tat pays", "and [l’État] pays" },
  { "ma[’a]m:", "[ma’am]:" },
  { "ma’[a]m:", "[ma’am]:" },
  { "ten o[’c]lock", "ten [o’clock]" },
  { "ten o’clo[c]k", "ten [o’clock]" },
  { "Dan O’H[ar]a", "Dan [O’Hara]" },
  { "jusqu’[à] l’aube", "jusqu’[à] l’aube" },
  { "jus[qu]’à l’aube", "[jusqu’]à l’aube" },
  { "qu’[il] pleuve", "qu’[il] pleuve" },
  { "of dell’ar[t]e", "of dell’[arte]" },
  /* A word that begins with an apostrophe for what it leaves out takes
   * it; a quotation's opening apostrophe stays out. */
  { "'ti[l] dawn", "['til] dawn" },
  { "the 'Ni[g]ht' line", "the '[Night]' line" },
  { "rock ’[n]’ roll", "rock [’n’] roll" },
  { "the ro[ck ’n]’ roll", "the [rock ’n’] roll" },
  { "rock ’n’ r[o]ll", "rock ’n’ [roll]" },
  /* Hyphens join two words. */
  { "long-t[er]m plan", "long-[term] plan" },
  { "lo[ng-te]rm plan", "[long-term] plan" },
  /* Numbers keep their point and comma, not the sign after them. */
  { "pays 3.[5]%", "pays [3.5]%" },
  { "pays [3].5%", "pays [3.5]%" },
  { "costing 1,[2]00 euros", "costing [1,200] euros" },
  /* Accented letters are letters. */
  { "Zoë Már[qu]ez", "Zoë [Márquez]" },
  { "Z[o]ë", "[Zoë]" },
  /* CJK: an ideograph is a word of its own; a run of katakana one word. */
  { "東[京]都の", "東[京]都の" },
  { "タ[ワ]ー traffic", "[タワー] traffic" },
  /* Punctuation and spaces alone stay as they are. */
  { "over[: ]riders", "over[: ]riders" },
  { "pays 3[.]5%", "pays 3[.]5%" },
};

static void
test_what_a_word_is (Fixture       *f,
                     gconstpointer  data)
{
  DossierReaderPage *page = page_of (f);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gint64 start, end, expected_start, expected_end;

      select_marked (f, words[i].selected);
      marked_range (f, words[i].taken, &expected_start, &expected_end);
      g_assert_true (dossier_reader_page_get_tag_range (page, &start, &end));
      if (start != expected_start || end != expected_end)
        g_error ("“%s” took [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "), not “%s”",
                 words[i].selected, start, end, words[i].taken);
    }

  /* The first and the last character of the text. */
  {
    DossierDocument *document = dossier_project_get_document (project_of (f), f->document_id);
    gint64 start, end;

    select_marked (f, "N[ig]ht Buses");
    g_assert_true (dossier_reader_page_get_tag_range (page, &start, &end));
    g_assert_cmpint (start, ==, 0);
    select_marked (f, "at l[as]t");
    g_assert_true (dossier_reader_page_get_tag_range (page, &start, &end));
    g_assert_cmpint (end, ==, dossier_document_get_length (document));
  }

  /* Nothing selected: no range. */
  dossier_document_view_select_range (dossier_window_get_document_view (f->window), 5, 5);
  g_assert_false (dossier_reader_page_get_tag_range (page, NULL, NULL));
}

static GtkTextView *
text_view_of (Fixture *f)
{
  return dossier_document_view_get_text_view (dossier_window_get_document_view (f->window));
}

/* @area of @from, in @from's coordinates, in the text view's. */
static graphene_rect_t
in_text_view (Fixture               *f,
              GtkWidget             *from,
              const graphene_rect_t *area)
{
  graphene_point_t at;

  g_assert_true (gtk_widget_compute_point (from, GTK_WIDGET (text_view_of (f)), &area->origin,
                                           &at));
  return GRAPHENE_RECT_INIT (at.x, at.y, area->size.width, area->size.height);
}

/* Where the text view draws [@start, @end) of a line, in its coordinates. */
static graphene_rect_t
text_area (Fixture *f,
           gint64   start,
           gint64   end)
{
  GtkTextView *text_view = text_view_of (f);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkRectangle first, last;
  GtkTextIter iter;
  int x0, y0, x1, y1;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) start);
  gtk_text_view_get_iter_location (text_view, &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) end);
  gtk_text_view_get_iter_location (text_view, &iter, &last);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, first.x, first.y,
                                         &x0, &y0);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, last.x,
                                         last.y + last.height, &x1, &y1);
  return GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
}

static gboolean
tag_button_shown (gpointer data)
{
  Fixture *f = data;
  GtkWidget *button = GTK_WIDGET (page_of (f)->tag_selection_button);

  return gtk_widget_get_mapped (button) && gtk_widget_get_width (button) > 0;
}

static gboolean
labels_drawn (gpointer data)
{
  Fixture *f = data;
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  g_autoptr(GArray) labels =
    dossier_coding_stripes_list_label_areas (dossier_document_view_get_coding_stripes (view));

  return labels->len > 0;
}

/* A selection on the line where a tagged passage begins, whose stripe's
 * label stands in the gutter level with it: at a phone's width, 800 px
 * and 1400 px, the "Tag…" button covers neither the selection nor the
 * label (it stood over the label, in the gutter level with the
 * selection's first line). (At 1280 px with both sidebars the text has
 * its whole column, the gutter too little room for labels.) */
static void
test_tag_button_labels (Fixture       *f,
                        gconstpointer  data)
{
  DossierDocumentView *view = dossier_window_get_document_view (f->window);
  GtkWidget *stripes = GTK_WIDGET (dossier_document_view_get_coding_stripes (view));
  GtkWidget *button = GTK_WIDGET (page_of (f)->tag_selection_button);
  g_autoptr(GArray) labels = NULL;
  graphene_rect_t bounds, selected;
  gboolean level = FALSE;
  gint64 start, end;

  /* A window opens no narrower than its sidebars beside the text allow;
   * folded over it, it is let narrow. */
  if (GPOINTER_TO_INT (data) < gtk_widget_get_width (GTK_WIDGET (f->window)))
    {
      g_object_set (f->window, "show-left-sidebar", FALSE, "show-right-sidebar", FALSE, NULL);
      resize_toplevel (GTK_WINDOW (f->window), GPOINTER_TO_INT (data), 800);
    }
  add_phrase_highlight (project_of (f), f->document_id, "the fight is not over", f->risks_id, NULL);
  /* Where the gutter has room for labels, the case this is about. */
  if (GPOINTER_TO_INT (data) >= 800)
    wait_until (labels_drawn, f, "the highlight's label");
  select_marked (f, "[Many] say the fight");
  wait_until (tag_button_shown, f, "the Tag… button");

  marked_range (f, "[Many] say the fight", &start, &end);
  selected = text_area (f, start, end);
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (view), &bounds));
  bounds = in_text_view (f, GTK_WIDGET (view), &bounds);
  g_test_message ("window %d px: button %g,%g %gx%g; selection %g,%g %gx%g",
                  gtk_widget_get_width (GTK_WIDGET (f->window)), bounds.origin.x, bounds.origin.y,
                  bounds.size.width, bounds.size.height, selected.origin.x, selected.origin.y,
                  selected.size.width, selected.size.height);
  g_assert_false (graphene_rect_intersection (&bounds, &selected, NULL));

  labels = dossier_coding_stripes_list_label_areas (DOSSIER_CODING_STRIPES (stripes));
  for (guint i = 0; i < labels->len; i++)
    {
      graphene_rect_t *drawn = &g_array_index (labels, graphene_rect_t, i);
      graphene_rect_t label = in_text_view (f, stripes, drawn);

      g_test_message ("label %g,%g %gx%g", label.origin.x, label.origin.y, label.size.width,
                      label.size.height);
      g_assert_false (graphene_rect_intersection (&bounds, &label, NULL));
      level |= label.origin.y < selected.origin.y + selected.size.height
               && label.origin.y + label.size.height > selected.origin.y;
    }
  if (GPOINTER_TO_INT (data) >= 800)
    g_assert_true (level);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/dossier/whole-words/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("mid-word", test_mid_word);
  ADD ("setting-off", test_setting_off);
  ADD ("inside-word", test_inside_word);
  ADD ("picker-cancelled", test_picker_cancelled);
  ADD ("punctuation-only", test_punctuation_only);
  ADD ("spaces-at-ends", test_spaces_at_ends);
  g_test_add ("/dossier/whole-words/triple-click", Fixture, GINT_TO_POINTER (360), fixture_set_up,
              test_triple_click, fixture_tear_down);
  ADD ("evidence", test_evidence);
  ADD ("what-a-word-is", test_what_a_word_is);
  g_test_add ("/dossier/whole-words/tag-button-labels/360", Fixture, GINT_TO_POINTER (360),
              fixture_set_up, test_tag_button_labels, fixture_tear_down);
  g_test_add ("/dossier/whole-words/tag-button-labels/800", Fixture, GINT_TO_POINTER (800),
              fixture_set_up, test_tag_button_labels, fixture_tear_down);
  g_test_add ("/dossier/whole-words/tag-button-labels/1400", Fixture, GINT_TO_POINTER (1400),
              fixture_set_up, test_tag_button_labels, fixture_tear_down);

  return g_test_run ();
}
