/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-document-view.c — the reading view: highlight tags at the right
 * character offsets (non-ASCII text), one tag per colour, repainting after
 * changes, block styles, highlights_at, selection in code points, search,
 * zoom, stripe clicks, updates spliced in as a rebuild would show them,
 * finalization, and tables' columns lined up by tab stops. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gtk/gtk.h>

#include "dossier-coding-stripes.h"
#include "dossier-document-text.h"
#include "dossier-document-view.h"

/* Accents, curly quotes, emoji (outside the BMP), CJK, and a combining-free
 * NFC text, so that bytes, UTF-16 units and code points all differ. */
static const char sample[] =
  "Café “déjà vu” 😀 naïve 中文字 résumé\n"
  "\n"
  "Second line: Ünïcode and ÉCOLE, école, Ecole 🚋🚋 end.";

static GdkRGBA red = { 0.88, 0.11, 0.14, 1.0 };
static GdkRGBA blue = { 0.21, 0.52, 0.89, 1.0 };
static GdkRGBA green = { 0.20, 0.82, 0.48, 1.0 };

typedef struct
{
  GtkWidget           *window;
  DossierDocumentView *view;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  /* (@data: a width other than 900 pixels) */
  int width = data != NULL ? GPOINTER_TO_INT (data) : 900;

  fx->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fx->window), width, 600);
  fx->view = DOSSIER_DOCUMENT_VIEW (dossier_document_view_new ());
  g_object_ref_sink (fx->view);
  gtk_window_set_child (GTK_WINDOW (fx->window), GTK_WIDGET (fx->view));
  gtk_window_present (GTK_WINDOW (fx->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (fx->view)))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  gtk_window_set_child (GTK_WINDOW (fx->window), NULL);
  gtk_window_destroy (GTK_WINDOW (fx->window));
  g_assert_finalize_object (fx->view);
}

static void
wait_painted (DossierDocumentView *view)
{
  while (!dossier_document_view_is_painted (view))
    g_main_context_iteration (NULL, TRUE);
}

static void
iterate_briefly (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Lets what the X server reports about the last requests arrive and be
 * handled, as it does between two keys a person presses: its clock moves
 * on (it counts milliseconds), then a round trip, then the events. */
static void
settle_x (GtkWidget *widget)
{
  g_usleep (2000);
  gdk_display_sync (gtk_widget_get_display (widget));
  iterate_briefly ();
}

static gint64
offset_of (const char *text,
           const char *needle)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (text, p);
}

static GtkTextBuffer *
view_buffer (DossierDocumentView *view)
{
  return gtk_text_view_get_buffer (dossier_document_view_get_text_view (view));
}

static gboolean
same_rgb (const GdkRGBA *a,
          const GdkRGBA *b)
{
  return (int) (a->red * 255 + 0.5) == (int) (b->red * 255 + 0.5)
         && (int) (a->green * 255 + 0.5) == (int) (b->green * 255 + 0.5)
         && (int) (a->blue * 255 + 0.5) == (int) (b->blue * 255 + 0.5);
}

/* Whether the character at @offset carries a highlight tag of @color
 * (highlight tags are anonymous; block and search tags have names). */
static gboolean
has_color_at (DossierDocumentView *view,
              gint64               offset,
              const GdkRGBA       *color)
{
  GtkTextIter iter;
  GSList *tags, *l;
  gboolean found = FALSE;

  gtk_text_buffer_get_iter_at_offset (view_buffer (view), &iter, (int) offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (l = tags; l != NULL; l = l->next)
    {
      g_autoptr(GdkRGBA) bg = NULL;
      g_autofree char *name = NULL;
      gboolean set = FALSE;

      g_object_get (l->data, "background-set", &set, "background-rgba", &bg, "name", &name, NULL);
      if (set && name == NULL && bg != NULL && same_rgb (bg, color))
        found = TRUE;
    }
  g_slist_free (tags);
  return found;
}

static gboolean
has_named_tag_at (DossierDocumentView *view,
                  gint64               offset,
                  const char          *name)
{
  GtkTextBuffer *buffer = view_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

static gunichar
char_at (DossierDocumentView *view,
         gint64               offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (view_buffer (view), &iter, (int) offset);
  return gtk_text_iter_get_char (&iter);
}

static DossierViewHighlight
span (gint64         id,
      gint64         start,
      gint64         end,
      const GdkRGBA *color,
      const char    *label)
{
  DossierViewHighlight h = { 0 };

  h.id = id;
  h.start = start;
  h.end = end;
  h.color = *color;
  h.label = label;
  h.tooltip = NULL;
  return h;
}

/* ---- Tags at character offsets ---------------------------------------------- */

static void
test_offsets_non_ascii (Fixture       *fx,
                        gconstpointer  data)
{
  gint64 emoji = offset_of (sample, "😀");
  gint64 cjk = offset_of (sample, "中文字");
  gint64 quote = offset_of (sample, "“déjà");
  gint64 resume = offset_of (sample, "résumé");
  DossierViewHighlight spans[2];
  gint64 length = g_utf8_strlen (sample, -1);

  dossier_document_view_set_text (fx->view, sample, NULL, 0);
  g_assert_cmpint (gtk_text_buffer_get_char_count (view_buffer (fx->view)), ==, length);

  /* Red: from the opening curly quote to the end of the CJK word; blue:
   * from the emoji to the end of "résumé". They overlap on "😀 naïve 中文字". */
  spans[0] = span (1, quote, cjk + 3, &red, "Risks");
  spans[1] = span (2, emoji, resume + 6, &blue, "Costs");
  dossier_document_view_set_highlights (fx->view, spans, 2);
  wait_painted (fx->view);

  /* The buffer is the text, so offsets land on the same characters. */
  g_assert_cmpuint (char_at (fx->view, quote), ==, 0x201C);
  g_assert_cmpuint (char_at (fx->view, emoji), ==, 0x1F600);
  g_assert_cmpuint (char_at (fx->view, cjk), ==, 0x4E2D);
  g_assert_cmpuint (char_at (fx->view, resume + 5), ==, 0xE9);

  for (gint64 o = 0; o < length; o++)
    {
      gboolean in_red = o >= quote && o < cjk + 3;
      gboolean in_blue = o >= emoji && o < resume + 6;

      g_assert_cmpint (has_color_at (fx->view, o, &red), ==, in_red);
      g_assert_cmpint (has_color_at (fx->view, o, &blue), ==, in_blue);
      g_assert_cmpint (has_named_tag_at (fx->view, o, "dossier-overlap"), ==, in_red && in_blue);
    }
}

static void
test_one_tag_per_color (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (DossierViewHighlight));
  const GdkRGBA *colors[] = { &red, &blue, &green };
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (view_buffer (fx->view));
  int before;

  for (int i = 0; i < 200; i++)
    g_string_append (text, "Élan vital — “quoted” words 😀.\n");
  dossier_document_view_set_text (fx->view, text->str, NULL, 0);
  before = gtk_text_tag_table_get_size (table);

  for (int i = 0; i < 100; i++)
    {
      DossierViewHighlight h = span (i + 1, i * 40, i * 40 + 25, colors[i % 3], "Tag");
      g_array_append_val (spans, h);
    }
  dossier_document_view_set_highlights (fx->view, (DossierViewHighlight *) (gpointer) spans->data,
                                        spans->len);
  wait_painted (fx->view);
  g_assert_cmpint (gtk_text_tag_table_get_size (table), ==, before + 3);

  /* Setting them again (the window does so after every action) adds none. */
  dossier_document_view_set_highlights (fx->view, (DossierViewHighlight *) (gpointer) spans->data,
                                        spans->len);
  wait_painted (fx->view);
  g_assert_cmpint (gtk_text_tag_table_get_size (table), ==, before + 3);
  g_assert_true (has_color_at (fx->view, 40 * 7 + 3, colors[7 % 3]));
}

static void
test_remove_highlight (Fixture       *fx,
                       gconstpointer  data)
{
  gint64 emoji = offset_of (sample, "😀");
  DossierViewHighlight spans[2];

  dossier_document_view_set_text (fx->view, sample, NULL, 0);
  spans[0] = span (1, 0, emoji + 3, &red, "Risks");
  spans[1] = span (2, emoji, emoji + 10, &blue, "Costs");
  dossier_document_view_set_highlights (fx->view, spans, 2);
  wait_painted (fx->view);
  g_assert_true (has_color_at (fx->view, emoji, &red));
  g_assert_true (has_named_tag_at (fx->view, emoji + 1, "dossier-overlap"));

  /* Remove the red one: its paint and the overlap go, blue stays whole. */
  dossier_document_view_set_highlights (fx->view, &spans[1], 1);
  wait_painted (fx->view);
  for (gint64 o = 0; o < emoji + 12; o++)
    {
      g_assert_false (has_color_at (fx->view, o, &red));
      g_assert_false (has_named_tag_at (fx->view, o, "dossier-overlap"));
      g_assert_cmpint (has_color_at (fx->view, o, &blue), ==, o >= emoji && o < emoji + 10);
    }

  /* Move and recolour it: the old range is cleared, the new one painted. */
  spans[1].start = 2;
  spans[1].end = 5;
  spans[1].color = green;
  dossier_document_view_set_highlights (fx->view, &spans[1], 1);
  wait_painted (fx->view);
  for (gint64 o = 0; o < emoji + 12; o++)
    {
      g_assert_false (has_color_at (fx->view, o, &blue));
      g_assert_cmpint (has_color_at (fx->view, o, &green), ==, o >= 2 && o < 5);
    }

  dossier_document_view_set_highlights (fx->view, NULL, 0);
  wait_painted (fx->view);
  for (gint64 o = 0; o < emoji + 12; o++)
    g_assert_false (has_color_at (fx->view, o, &green));
}

/* A long text with many highlights is painted in idle slices, the visible
 * part first; the result must equal painting each highlight by hand, and
 * adding one afterwards must be painted at once. */
static void
test_many_highlights (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (DossierViewHighlight));
  const GdkRGBA *colors[] = { &red, &blue, &green };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree guint8 *expected = NULL;
  gint64 length;
  DossierViewHighlight extra;

  for (int i = 0; i < 1500; i++)
    g_string_append (text, i % 10 == 9 ? "Ünïcode “text” 😀 中文 line.\n\n"
                                       : "Ünïcode “text” 😀 中文 line, and more words. ");
  length = g_utf8_strlen (text->str, -1);
  dossier_document_view_set_text (fx->view, text->str, NULL, 0);

  expected = g_new0 (guint8, length);
  for (int i = 0; i < 3000; i++)
    {
      gint64 s = g_rand_int_range (rand, 0, (gint32) length - 1);
      gint64 e = MIN (length, s + g_rand_int_range (rand, 1, 300));
      DossierViewHighlight h = span (i + 1, s, e, colors[i % 3], "Tag");

      g_array_append_val (spans, h);
    }
  dossier_document_view_set_highlights (fx->view, (DossierViewHighlight *) (gpointer) spans->data,
                                        spans->len);
  /* Not all at once: the visible part now, the rest in idles. */
  g_assert_true (dossier_document_view_is_visible_painted (fx->view));
  g_assert_false (dossier_document_view_is_painted (fx->view));
  wait_painted (fx->view);

  /* One more highlight is painted within the call. */
  extra = span (99999, 10, 20, &green, "New");
  g_array_append_val (spans, extra);
  dossier_document_view_set_highlights (fx->view, (DossierViewHighlight *) (gpointer) spans->data,
                                        spans->len);
  g_assert_true (dossier_document_view_is_painted (fx->view));

  for (guint i = 0; i < spans->len; i++)
    {
      const DossierViewHighlight *h = &g_array_index (spans, DossierViewHighlight, i);
      guint8 bit = h->color.red == red.red ? 1 : h->color.red == blue.red ? 2 : 4;

      for (gint64 o = h->start; o < h->end; o++)
        expected[o] |= bit;
    }
  for (gint64 o = 0; o < length; o += 7)
    {
      g_assert_cmpint (has_color_at (fx->view, o, &red), ==, (expected[o] & 1) != 0);
      g_assert_cmpint (has_color_at (fx->view, o, &blue), ==, (expected[o] & 2) != 0);
      g_assert_cmpint (has_color_at (fx->view, o, &green), ==, (expected[o] & 4) != 0);
    }
}

/* ---- Blocks ----------------------------------------------------------------- */

static void
test_blocks (Fixture       *fx,
             gconstpointer  data)
{
  /* Title, heading, paragraph, two list items, a quote, preformatted. */
  const char *text =
    "Ébauche du titre\n\n"
    "Première section\n\n"
    "Un paragraphe “simple” 😀.\n\n"
    "Premier point\n"
    "Deuxième point\n\n"
    "« Une citation »\n\n"
    "code  x = 1";
  DossierBlock blocks[7];
  const char *starts[] = { "Ébauche", "Première", "Un para", "Premier point", "Deuxième", "« Une", "code" };
  DossierBlockKind kinds[] = { DOSSIER_BLOCK_TITLE, DOSSIER_BLOCK_HEADING, DOSSIER_BLOCK_PARAGRAPH,
                               DOSSIER_BLOCK_LIST_ITEM, DOSSIER_BLOCK_LIST_ITEM, DOSSIER_BLOCK_QUOTE,
                               DOSSIER_BLOCK_PREFORMATTED };
  const char *tags[] = { "dossier-title", "dossier-heading-2", NULL, "dossier-list-1",
                         "dossier-list-1", "dossier-quote", "dossier-preformatted" };
  const char *all_tags[] = { "dossier-title", "dossier-heading-2", "dossier-list-1",
                             "dossier-quote", "dossier-preformatted" };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      const char *p = strstr (text, starts[i]);
      const char *nl = strchr (p, '\n');

      blocks[i].start = g_utf8_pointer_to_offset (text, p);
      blocks[i].end = nl != NULL ? g_utf8_pointer_to_offset (text, nl) : g_utf8_strlen (text, -1);
      blocks[i].kind = kinds[i];
      blocks[i].level = kinds[i] == DOSSIER_BLOCK_HEADING ? 2 : kinds[i] == DOSSIER_BLOCK_LIST_ITEM ? 1 : 0;
    }

  dossier_document_view_set_text (fx->view, text, blocks, G_N_ELEMENTS (blocks));
  iterate_briefly ();

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      for (gint64 o = blocks[i].start; o < blocks[i].end; o++)
        for (guint t = 0; t < G_N_ELEMENTS (all_tags); t++)
          g_assert_cmpint (has_named_tag_at (fx->view, o, all_tags[t]), ==,
                           g_strcmp0 (tags[i], all_tags[t]) == 0);

      /* The character after a block is not styled as the block. */
      if (tags[i] != NULL && i + 1 < G_N_ELEMENTS (blocks))
        g_assert_false (has_named_tag_at (fx->view, blocks[i].end, tags[i]));
    }

  /* The blank line between two blocks is the gap, not part of either. */
  g_assert_true (has_named_tag_at (fx->view, blocks[0].end + 1, "dossier-gap"));
  g_assert_false (has_named_tag_at (fx->view, blocks[0].end, "dossier-gap"));
  g_assert_false (has_named_tag_at (fx->view, blocks[3].end, "dossier-gap"));

  /* Nothing was added to the text for looks. */
  {
    GtkTextIter s, e;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (view_buffer (fx->view), &s, &e);
    shown = gtk_text_buffer_get_text (view_buffer (fx->view), &s, &e, TRUE);
    g_assert_cmpstr (shown, ==, text);
  }
}

/* ---- Queries ---------------------------------------------------------------- */

static void
assert_ids (GArray       *ids,
            const gint64 *expected,
            guint         n)
{
  g_assert_cmpuint (ids->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
  g_array_unref (ids);
}

static void
test_highlights_at (Fixture       *fx,
                    gconstpointer  data)
{
  DossierViewHighlight spans[4];
  gint64 none[] = { 0 };
  gint64 outer_only[] = { 10 };
  gint64 two[] = { 10, 20 };
  gint64 three[] = { 10, 20, 30 };
  gint64 last[] = { 40 };

  dossier_document_view_set_text (fx->view, sample, NULL, 0);
  spans[0] = span (10, 0, 30, &red, "A");     /* the longest: lane 0 */
  spans[1] = span (20, 5, 15, &blue, "B");
  spans[2] = span (30, 8, 12, &green, "C");
  spans[3] = span (40, 40, 45, &green, "D");
  dossier_document_view_set_highlights (fx->view, spans, 4);

  assert_ids (dossier_document_view_highlights_at (fx->view, 2), outer_only, 1);
  assert_ids (dossier_document_view_highlights_at (fx->view, 5), two, 2);
  assert_ids (dossier_document_view_highlights_at (fx->view, 9), three, 3);
  assert_ids (dossier_document_view_highlights_at (fx->view, 12), two, 2);   /* C ends at 12 */
  assert_ids (dossier_document_view_highlights_at (fx->view, 15), outer_only, 1);
  assert_ids (dossier_document_view_highlights_at (fx->view, 30), none, 0);  /* end exclusive */
  assert_ids (dossier_document_view_highlights_at (fx->view, 44), last, 1);
  assert_ids (dossier_document_view_highlights_at (fx->view, 45), none, 0);
  assert_ids (dossier_document_view_highlights_at (fx->view, -3), none, 0);
}

static void
on_count (gpointer  instance,
          gpointer  data)
{
  (*(int *) data)++;
}

static void
on_notify_count (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    data)
{
  (*(int *) data)++;
}

static void
test_selection_code_points (Fixture       *fx,
                            gconstpointer  data)
{
  gint64 emoji = offset_of (sample, "😀");
  gint64 start = -1, end = -1;
  int changed = 0, notified = 0;
  GtkTextIter s, e;
  g_autofree char *selected = NULL;

  dossier_document_view_set_text (fx->view, sample, NULL, 0);
  g_signal_connect (fx->view, "selection-changed", G_CALLBACK (on_count), &changed);
  g_signal_connect (fx->view, "notify::has-selection", G_CALLBACK (on_notify_count), &notified);

  g_assert_false (dossier_document_view_get_selection (fx->view, &start, &end));
  g_assert_cmpint (start, ==, end);

  /* "😀 naïve": the emoji counts as one character. */
  dossier_document_view_select_range (fx->view, emoji, emoji + 7);
  g_assert_true (dossier_document_view_get_selection (fx->view, &start, &end));
  g_assert_cmpint (start, ==, emoji);
  g_assert_cmpint (end, ==, emoji + 7);
  g_assert_cmpint (dossier_document_view_get_caret (fx->view), ==, emoji + 7);
  gtk_text_buffer_get_selection_bounds (view_buffer (fx->view), &s, &e);
  selected = gtk_text_iter_get_text (&s, &e);
  g_assert_cmpstr (selected, ==, "😀 naïve");
  g_assert_cmpint (changed, >, 0);
  g_assert_cmpint (notified, ==, 1);

  {
    gboolean has = FALSE;
    g_object_get (fx->view, "has-selection", &has, NULL);
    g_assert_true (has);
  }

  /* Reversed and out-of-range arguments are put in order and clamped. */
  dossier_document_view_select_range (fx->view, 10000, emoji);
  g_assert_true (dossier_document_view_get_selection (fx->view, &start, &end));
  g_assert_cmpint (start, ==, emoji);
  g_assert_cmpint (end, ==, g_utf8_strlen (sample, -1));

  dossier_document_view_select_range (fx->view, 3, 3);
  g_assert_false (dossier_document_view_get_selection (fx->view, NULL, NULL));
  g_assert_cmpint (notified, ==, 2);

  /* The keyboard moves the caret: the view stays read-only. */
  g_assert_false (gtk_text_view_get_editable (dossier_document_view_get_text_view (fx->view)));
  g_assert_true (gtk_text_view_get_cursor_visible (dossier_document_view_get_text_view (fx->view)));

  dossier_document_view_scroll_to (fx->view, emoji);
  iterate_briefly ();
}

/* ---- Search ----------------------------------------------------------------- */

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static void
assert_selection (DossierDocumentView *view,
                  gint64               start,
                  gint64               end)
{
  gint64 s, e;

  g_assert_true (dossier_document_view_get_selection (view, &s, &e));
  g_assert_cmpint (s, ==, start);
  g_assert_cmpint (e, ==, end);
}

static void
on_search_changed (GtkEditable *entry,
                   char       **seen)
{
  g_free (*seen);
  *seen = g_strdup (gtk_editable_get_text (entry));
}

/* Types a query as a user would: the entry reports it after its delay
 * (and reports the emptied entry at once, which is not the query). */
static void
search_for (GtkWidget  *entry,
            const char *query)
{
  g_autofree char *seen = NULL;
  gulong id = g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed), &seen);

  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  while (g_strcmp0 (seen, query) != 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (entry, id);
}

static void
test_search (Fixture       *fx,
             gconstpointer  data)
{
  GtkWidget *bar = find_descendant (GTK_WIDGET (fx->view), GTK_TYPE_SEARCH_BAR);
  GtkWidget *entry = find_descendant (GTK_WIDGET (fx->view), GTK_TYPE_SEARCH_ENTRY);
  gint64 first = offset_of (sample, "ÉCOLE");
  gint64 second = offset_of (sample, "école");
  gint64 third = offset_of (sample, "Ecole");
  g_autoptr(GString) big = g_string_new (NULL);

  g_assert_nonnull (bar);
  g_assert_nonnull (entry);

  dossier_document_view_set_text (fx->view, sample, NULL, 0);
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));

  /* What Ctrl+F does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "document.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  g_assert_true (gtk_widget_is_focus (find_descendant (entry, GTK_TYPE_TEXT)));

  /* Case-insensitive: "école" finds ÉCOLE and école, not the unaccented
   * "Ecole". The first match after the caret (at 0) is current. */
  search_for (entry, "école");
  /* While typing, the first match is shown (caret and current-match tag),
   * not selected: a selection would take PRIMARY from the entry. */
  g_assert_cmpint (dossier_document_view_get_caret (fx->view), ==, first);
  g_assert_false (dossier_document_view_get_selection (fx->view, NULL, NULL));
  g_assert_true (has_named_tag_at (fx->view, second, "dossier-search-match"));
  g_assert_false (has_named_tag_at (fx->view, third, "dossier-search-match"));
  g_assert_true (has_named_tag_at (fx->view, first, "dossier-search-current"));

  g_signal_emit_by_name (entry, "next-match");
  assert_selection (fx->view, second, second + 5);
  g_assert_false (has_named_tag_at (fx->view, first, "dossier-search-current"));
  g_assert_true (has_named_tag_at (fx->view, second, "dossier-search-current"));
  g_signal_emit_by_name (entry, "activate");            /* Enter: next, wrapping */
  assert_selection (fx->view, first, first + 5);
  g_signal_emit_by_name (entry, "previous-match");
  assert_selection (fx->view, second, second + 5);
  /* Ctrl+G from the text. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "document.next-match", NULL));
  assert_selection (fx->view, first, first + 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->view), "document.previous-match", NULL));
  assert_selection (fx->view, second, second + 5);

  /* The emoji counts as one: "🚋🚋" is found at its code-point offset. */
  search_for (entry, "🚋🚋 END");
  g_assert_cmpint (dossier_document_view_get_caret (fx->view), ==, offset_of (sample, "🚋"));
  g_assert_true (has_named_tag_at (fx->view, offset_of (sample, "🚋"), "dossier-search-current"));

  /* Closing the bar clears the matches and selects the current one, ready
   * to tag. */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (bar), FALSE);
  g_assert_false (has_named_tag_at (fx->view, offset_of (sample, "🚋"), "dossier-search-match"));
  assert_selection (fx->view, offset_of (sample, "🚋"), offset_of (sample, "🚋") + 6);
  /* And it stays selected once the X server has reported what closing did
   * (see search-close-keeps-selection). */
  settle_x (fx->window);
  assert_selection (fx->view, offset_of (sample, "🚋"), offset_of (sample, "🚋") + 6);

  /* Ctrl+F with a selection pre-fills the query, selected in the entry so
   * that typing replaces it; the first match must not take that away. */
  dossier_document_view_select_range (fx->view, first, first + 5);
  dossier_document_view_start_search (fx->view);
  {
    int sel_start = -1, sel_end = -1;

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "ÉCOLE");
    for (int i = 0; i < 5; i++)
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), &sel_start, &sel_end));
    g_assert_cmpint (sel_start, ==, 0);
    g_assert_cmpint (sel_end, ==, 5);
  }
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (bar), FALSE);

  /* A long text is searched in slices: every match is found in the end. */
  for (int i = 0; i < 20000; i++)
    g_string_append (big, i % 100 == 0 ? "A needle here. " : i % 20 == 19 ? "Plain hay words.\n" : "Plain hay words. ");
  dossier_document_view_set_text (fx->view, big->str, NULL, 0);
  dossier_document_view_start_search (fx->view);
  search_for (entry, "NEEDLE");
  {
    GtkWidget *label = NULL;

    /* The "n of m" label names all 200 matches. */
    for (GtkWidget *w = gtk_widget_get_next_sibling (entry); w != NULL; w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_LABEL (w))
        label = w;
    g_assert_nonnull (label);
    while (strstr (gtk_label_get_text (GTK_LABEL (label)), "200") == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "1 of 200");
  }
  g_assert_true (has_named_tag_at (fx->view,
                                   g_utf8_pointer_to_offset (big->str, g_strrstr (big->str, "needle")),
                                   "dossier-search-match"));
  g_assert_false (has_named_tag_at (fx->view, 0, "dossier-search-match"));
}

/* Closing the search bar selects the match the user was looking at, ready
 * to tag. Select a word, Ctrl+F (the query is the word, selected in the
 * entry, which so takes PRIMARY), Escape: the bar empties the entry, which
 * gives PRIMARY up, and the match selected next claims it in the same
 * millisecond. On X11 the server's report of the release, arriving after,
 * made GDK take the new selection away (two closes in three): it must still
 * be there once everything the server said has arrived, close after close. */
static void
test_search_close_keeps_selection (Fixture       *fx,
                                   gconstpointer  data)
{
  GtkWidget *bar = find_descendant (GTK_WIDGET (fx->view), GTK_TYPE_SEARCH_BAR);
  GtkWidget *entry = find_descendant (GTK_WIDGET (fx->view), GTK_TYPE_SEARCH_ENTRY);
  gint64 first = offset_of (sample, "ÉCOLE");
  gint64 second = offset_of (sample, "école");

  dossier_document_view_set_text (fx->view, sample, NULL, 0);
  for (int i = 0; i < 10; i++)
    {
      gint64 word = i % 2 ? first : second;

      dossier_document_view_select_range (fx->view, word, word + 5);
      dossier_document_view_start_search (fx->view);
      g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), NULL, NULL));

      gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (bar), FALSE);
      assert_selection (fx->view, word, word + 5);
      settle_x (fx->window);
      assert_selection (fx->view, word, word + 5);
    }
}

/* Ctrl+F with a selection, the bar closed a while (its closing slide over,
 * the entry unmapped): the query is selected, and no cursor blinks over
 * it. The bar focuses the entry as it opens, before it is mapped; selected
 * after that, GTK 4.8 kept blinking its cursor and warned "unexpected
 * blinking selection" (fatal here) at the frame that began the opening
 * slide — the search test failed so now and then, on a loaded machine,
 * where the close before a reopen had time to end. */
static void
test_search_reopen_selected (Fixture       *fx,
                             gconstpointer  data)
{
  GtkWidget *bar = find_descendant (GTK_WIDGET (fx->view), GTK_TYPE_SEARCH_BAR);
  GtkWidget *entry = find_descendant (GTK_WIDGET (fx->view), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *revealer = find_descendant (bar, GTK_TYPE_REVEALER);
  gint64 word = offset_of (sample, "école");
  int start = -1, end = -1;

  dossier_document_view_set_text (fx->view, sample, NULL, 0);
  dossier_document_view_start_search (fx->view);
  search_for (entry, "ÉCOLE");
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (bar), FALSE);
  while (gtk_widget_get_mapped (entry))
    g_main_context_iteration (NULL, TRUE);

  dossier_document_view_select_range (fx->view, word, word + 5);
  dossier_document_view_start_search (fx->view);
  while (!gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "école");
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, 5);
  g_assert_true (gtk_widget_is_focus (find_descendant (entry, GTK_TYPE_TEXT)));
}

/* ---- Zoom, stripes, finalization -------------------------------------------- */

static void
test_zoom (Fixture       *fx,
           gconstpointer  data)
{
  int notified = 0;
  double zoom = 0;

  g_signal_connect (fx->view, "notify::zoom", G_CALLBACK (on_notify_count), &notified);
  g_assert_cmpfloat (dossier_document_view_get_zoom (fx->view), ==, 1.0);

  dossier_document_view_set_zoom (fx->view, 1.5);
  dossier_document_view_set_zoom (fx->view, 1.5);
  g_assert_cmpint (notified, ==, 1);
  g_object_get (fx->view, "zoom", &zoom, NULL);
  g_assert_cmpfloat (zoom, ==, 1.5);

  /* Out of range: clamped, not refused. */
  g_object_set (fx->view, "zoom", 3.0, NULL);
  dossier_document_view_set_zoom (fx->view, 10.0);
  g_assert_cmpfloat (dossier_document_view_get_zoom (fx->view), ==, 3.0);
  g_assert_cmpint (notified, ==, 2);
  iterate_briefly ();
}

static void
on_activated (DossierDocumentView *view,
              gint64               id,
              gint64              *out)
{
  *out = id;
}

static void
test_stripe_click (Fixture       *fx,
                   gconstpointer  data)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (fx->view);
  DossierCodingStripes *stripes;
  DossierViewHighlight spans[2];
  gint64 emoji = offset_of (sample, "😀");
  graphene_rect_t area;
  gint64 activated = 0;

  /* The gutter holds the stripes (inside a GtkTextViewChild). */
  g_assert_nonnull (gtk_text_view_get_gutter (text_view, GTK_TEXT_WINDOW_LEFT));
  stripes = DOSSIER_CODING_STRIPES (find_descendant (GTK_WIDGET (text_view), DOSSIER_TYPE_CODING_STRIPES));
  g_assert_nonnull (stripes);

  dossier_document_view_set_text (fx->view, sample, NULL, 0);
  spans[0] = span (7, emoji, emoji + 9, &red, "Risks");
  spans[1] = span (8, 2, emoji + 2, &blue, "Costs");
  dossier_document_view_set_highlights (fx->view, spans, 2);
  g_assert_cmpuint (dossier_coding_stripes_get_n_lanes (stripes), ==, 2);
  g_signal_connect (fx->view, "highlight-activated", G_CALLBACK (on_activated), &activated);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fx->view));

  g_assert_true (dossier_coding_stripes_get_stripe_area (stripes, 7, &area));
  g_assert_true (dossier_coding_stripes_activate_at (stripes,
                                                     area.origin.x + area.size.width / 2,
                                                     area.origin.y + area.size.height / 2,
                                                     GDK_BUTTON_PRIMARY));
  g_assert_cmpint (activated, ==, 7);
  assert_selection (fx->view, emoji, emoji + 9);
}


/* ---- What is drawn ---------------------------------------------------------- */

/* The text view as it is drawn now, rendered with the window's renderer. */
static GdkTexture *
render_text_view (DossierDocumentView *view)
{
  GtkWidget *widget = GTK_WIDGET (dossier_document_view_get_text_view (view));
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
pixel_at (GdkTexture *texture,
          double      x,
          double      y)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  int px = (int) x, py = (int) y;
  const guchar *p;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, width);
  g_assert_cmpint (py, <, height);
  gdk_texture_download (texture, data, (gsize) width * 4);
  p = data + ((gsize) py * width + px) * 4;   /* cairo ARGB32: B, G, R, A */
  return (GdkRGBA) { p[2] / 255.0, p[1] / 255.0, p[0] / 255.0, p[3] / 255.0 };
}

/* The rectangle of the character at @offset, in the text view's widget
 * coordinates (the whole line's height). */
static GdkRectangle
char_rect (DossierDocumentView *view,
           gint64               offset)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (view);
  GtkTextIter iter;
  GdkRectangle loc;

  gtk_text_buffer_get_iter_at_offset (view_buffer (view), &iter, (int) offset);
  gtk_text_view_get_iter_location (text_view, &iter, &loc);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         loc.x, loc.y, &loc.x, &loc.y);
  return loc;
}

static double
channel_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG 2: relative luminance and contrast ratio, computed here, not by
 * the code under test. */
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

static GdkRGBA
over (const GdkRGBA *top,
      const GdkRGBA *under)
{
  return (GdkRGBA) {
    top->red * top->alpha + under->red * (1 - top->alpha),
    top->green * top->alpha + under->green * (1 - top->alpha),
    top->blue * top->alpha + under->blue * (1 - top->alpha),
    1,
  };
}

static void
assert_near (const GdkRGBA *got,
             const GdkRGBA *want)
{
  if (fabs (got->red - want->red) > 0.03 || fabs (got->green - want->green) > 0.03
      || fabs (got->blue - want->blue) > 0.03)
    {
      g_autofree char *g = gdk_rgba_to_string (got);
      g_autofree char *w = gdk_rgba_to_string (want);

      g_error ("drawn %s, expected %s", g, w);
    }
}

static void
wait_frames (DossierDocumentView *view)
{
  wait_painted (view);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dossier_document_view_get_text_view (view)));
  iterate_briefly ();
}

/* Where highlights of different colours overlap, or one highlight has
 * several tags, every colour shows in the text: a band each, top to bottom
 * in stripe order, no single tag's background covering them. */
static void
test_overlap_bands (Fixture       *fx,
                    gconstpointer  data)
{
  static const char text[] = "One two three four five six seven eight nine ten.";
  GdkRGBA page = { 1, 1, 1, 1 };
  DossierViewHighlight spans[2];
  g_autoptr(GdkTexture) texture = NULL;
  gint64 space_both = offset_of (text, " four");    /* red and blue+green */
  gint64 space_multi = offset_of (text, " six");      /* blue+green only */
  gint64 space_red = offset_of (text, " two");        /* red only */
  GdkRectangle r;
  GdkRGBA want, drawn;

  dossier_document_view_set_text (fx->view, text, NULL, 0);
  spans[0] = span (1, 0, offset_of (text, " five"), &red, "Risks");
  spans[1] = span (2, offset_of (text, "three"), offset_of (text, " eight"), &blue, "Costs, Safety");
  spans[1].more_colors[0] = green;
  spans[1].n_more_colors = 1;
  dossier_document_view_set_highlights (fx->view, spans, 2);
  wait_frames (fx->view);

  /* Bands where there is more than one colour, and only there. */
  for (gint64 o = 0; o < (gint64) g_utf8_strlen (text, -1); o++)
    g_assert_cmpint (has_named_tag_at (fx->view, o, "dossier-overlap"), ==,
                     o >= offset_of (text, "three") && o < offset_of (text, " eight"));
  /* Each highlight keeps its own colour tag for what reads the buffer. */
  g_assert_true (has_color_at (fx->view, space_both, &red));
  g_assert_true (has_color_at (fx->view, space_both, &blue));

  /* Sample spaces (no ink) away from the underline near the baseline. */
  texture = render_text_view (fx->view);
  r = char_rect (fx->view, space_red);
  want = over (&(GdkRGBA) { red.red, red.green, red.blue, 0.40 }, &page);
  drawn = pixel_at (texture, r.x + r.width / 2.0, r.y + r.height * 0.15);
  assert_near (&drawn, &want);

  /* Red, then blue, then green: three bands over " three"... */
  r = char_rect (fx->view, space_both);
  {
    GdkRGBA top = pixel_at (texture, r.x + r.width / 2.0, r.y + r.height * 0.10);
    GdkRGBA middle = pixel_at (texture, r.x + r.width / 2.0, r.y + r.height * 0.45);
    GdkRGBA bottom = pixel_at (texture, r.x + r.width / 2.0, r.y + r.height * 0.95);
    GdkRGBA want_red = over (&(GdkRGBA) { red.red, red.green, red.blue, 0.40 }, &page);
    GdkRGBA want_blue = over (&(GdkRGBA) { blue.red, blue.green, blue.blue, 0.40 }, &page);
    GdkRGBA want_green = over (&(GdkRGBA) { green.red, green.green, green.blue, 0.40 }, &page);

    assert_near (&top, &want_red);
    assert_near (&middle, &want_blue);
    assert_near (&bottom, &want_green);
  }
  /* ...and blue over green where only the two-tag highlight is. */
  r = char_rect (fx->view, space_multi);
  {
    GdkRGBA top = pixel_at (texture, r.x + r.width / 2.0, r.y + r.height * 0.15);
    GdkRGBA bottom = pixel_at (texture, r.x + r.width / 2.0, r.y + r.height * 0.95);
    GdkRGBA want_blue = over (&(GdkRGBA) { blue.red, blue.green, blue.blue, 0.40 }, &page);
    GdkRGBA want_green = over (&(GdkRGBA) { green.red, green.green, green.blue, 0.40 }, &page);

    assert_near (&top, &want_blue);
    assert_near (&bottom, &want_green);
  }

  /* Take the tag off: the bands go with it. */
  spans[1].n_more_colors = 0;
  dossier_document_view_set_highlights (fx->view, &spans[1], 1);
  wait_painted (fx->view);
  g_assert_false (has_named_tag_at (fx->view, space_multi, "dossier-overlap"));
}

static void
collect_tag (GtkTextTag *tag,
             gpointer    data)
{
  g_ptr_array_add (data, tag);
}


/* 5,000 highlights on a 50,000-character document, some twenty deep: the
 * margin stays within its cap (narrow lanes, then one "n more" lane whose
 * tooltip names what it stands for), the window does not grow, the text
 * column keeps its width, and nothing moves after the first paint. */
static void
test_deep_overlaps (Fixture       *fx,
                    gconstpointer  data)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (fx->view);
  DossierCodingStripes *stripes;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (DossierViewHighlight));
  g_autoptr(GStringChunk) labels = g_string_chunk_new (4096);
  int window_width, gutter, right, column, shown_width;
  gint64 length;

  gtk_window_set_default_size (GTK_WINDOW (fx->window), 1280, 800);
  while (gtk_widget_get_width (fx->window) != 1280)
    g_main_context_iteration (NULL, TRUE);

  while (text->len < 50000)
    g_string_append (text, (text->len / 60) % 8 == 7
                           ? "The council’s vote, its costs and its critics — “naïve”, some said.\n\n"
                           : "The council’s vote, its costs and its critics — “naïve”, some said. ");
  dossier_document_view_set_text (fx->view, text->str, NULL, 0);
  length = g_utf8_strlen (text->str, -1);
  wait_frames (fx->view);

  stripes = DOSSIER_CODING_STRIPES (find_descendant (GTK_WIDGET (text_view), DOSSIER_TYPE_CODING_STRIPES));
  g_assert_nonnull (stripes);

  window_width = gtk_widget_get_width (fx->window);
  gutter = gtk_widget_get_width (GTK_WIDGET (stripes));
  right = gtk_text_view_get_right_margin (text_view);
  column = gtk_widget_get_width (GTK_WIDGET (text_view)) - gutter - gtk_text_view_get_left_margin (text_view) - right;
  g_assert_cmpint (column, >, 400);

  /* Each starts ten characters after the last and runs 100 to 300: about
   * twenty deep everywhere. */
  for (int i = 0; i < 5000; i++)
    {
      GdkRGBA color = { (i % 7) / 7.0, (i % 5) / 5.0, (i % 3) / 3.0, 1 };
      g_autofree char *label = g_strdup_printf ("Tag %d", i);
      DossierViewHighlight h = span (i + 1, i * 10, MIN (i * 10 + 100 + (i * 37) % 200, length),
                                     &color, g_string_chunk_insert (labels, label));

      g_array_append_val (spans, h);
    }
  dossier_document_view_set_highlights (fx->view, (DossierViewHighlight *) (gpointer) spans->data,
                                        spans->len);

  /* The first frame after, and the last: the same layout as before. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (text_view));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (stripes)), ==, gutter);
  g_assert_cmpint (gtk_text_view_get_right_margin (text_view), ==, right);
  wait_frames (fx->view);
  g_assert_cmpint (gtk_widget_get_width (fx->window), ==, window_width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (stripes)), ==, gutter);
  g_assert_cmpint (gtk_text_view_get_right_margin (text_view), ==, right);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (text_view)) - gutter
                   - gtk_text_view_get_left_margin (text_view) - right, ==, column);

  /* The lanes: capped, some standing in the "more" lane. */
  g_assert_cmpuint (dossier_coding_stripes_get_n_lanes (stripes), >=, 15);
  g_assert_cmpuint (dossier_coding_stripes_get_n_shown_lanes (stripes), <,
                    dossier_coding_stripes_get_n_lanes (stripes));
  shown_width = dossier_coding_stripes_get_lanes_width (stripes);
  g_assert_cmpint (shown_width, <=, DOSSIER_CODING_STRIPES_MAX_WIDTH);

  /* Its tooltip names every highlight it stands for at that height. */
  {
    double x = gutter - 6 - 6.0 * dossier_coding_stripes_get_n_shown_lanes (stripes) - 3;
    double y = gtk_widget_get_height (GTK_WIDGET (stripes)) / 2.0;
    g_autofree char *markup = dossier_coding_stripes_describe_at (stripes, x, y);
    guint n = 0, bullets = 0;

    g_assert_nonnull (markup);
    g_assert_true (g_str_has_prefix (markup, "<b>"));
    g_assert_nonnull (strstr (markup, "more highlights here"));
    g_assert_cmpint (sscanf (markup, "<b>%u", &n), ==, 1);
    g_assert_cmpuint (n, >=, 1);
    for (const char *p = strstr (markup, "• "); p != NULL; p = strstr (p + 1, "• "))
      bullets++;
    g_assert_cmpuint (bullets, ==, n);
    g_assert_nonnull (strstr (markup, "Tag "));
  }
}


/* The stripes' bars stand 3:1 against the page even for pale tag colours
 * (yellow, light green, sky), as drawn. */
static void
test_stripe_contrast (Fixture       *fx,
                      gconstpointer  data)
{
  static const char text[] = "First line of text.\n\nSecond line of text.\n\nThird line of text.\n";
  static const char * const pale[] = { "#f5c211", "#33d17a", "#99c1f1" };
  GtkTextView *text_view = dossier_document_view_get_text_view (fx->view);
  DossierCodingStripes *stripes = DOSSIER_CODING_STRIPES (find_descendant (GTK_WIDGET (text_view),
                                                                           DOSSIER_TYPE_CODING_STRIPES));
  DossierViewHighlight spans[3];
  g_autoptr(GdkTexture) texture = NULL;
  const char *starts[] = { "First", "Second", "Third" };
  GdkRGBA page;

  dossier_document_view_set_text (fx->view, text, NULL, 0);
  for (guint i = 0; i < 3; i++)
    {
      GdkRGBA color;

      g_assert_true (gdk_rgba_parse (&color, pale[i]));
      spans[i] = span (i + 1, offset_of (text, starts[i]), offset_of (text, starts[i]) + 10, &color, "Tag");
    }
  dossier_document_view_set_highlights (fx->view, spans, 3);
  wait_frames (fx->view);
  texture = render_text_view (fx->view);
  page = pixel_at (texture, gtk_widget_get_width (GTK_WIDGET (text_view)) - 3, 3);

  for (guint i = 0; i < 3; i++)
    {
      graphene_rect_t area;
      graphene_point_t point;
      GdkRGBA bar;

      g_assert_true (dossier_coding_stripes_get_stripe_area (stripes, i + 1, &area));
      /* The bar hugs the right of its lane. */
      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (stripes), GTK_WIDGET (text_view),
                                               &GRAPHENE_POINT_INIT (area.origin.x + area.size.width - 2,
                                                                     area.origin.y + area.size.height / 2),
                                               &point));
      bar = pixel_at (texture, point.x, point.y);
      if (contrast (&bar, &page) < 3.0)
        {
          g_autofree char *b = gdk_rgba_to_string (&bar);

          g_error ("the %s stripe is drawn %s, %.2f:1 against the page", pale[i], b, contrast (&bar, &page));
        }
    }
}

/* The palette new tags take (app/core/dossier-project-tags.c) and the
 * sample project's own colours. */
static const char * const tag_colors[] = {
  "#3584e4", "#e66100", "#2ec27e", "#c061cb", "#f5c211", "#e01b24",
  "#14a3a3", "#986a44", "#7b61ff", "#8cc63f", "#e64ca0", "#4dabf7",
  "#77767b", "#1c71d8", "#2190a4", "#9141ac", "#26a269", "#a51d2d",
  "#5e5c64", "#ff7800", "#33d17a", "#865e3c", "#62a0ea", "#dc8add",
};

/* A plain selection is unmistakable: its colour stands 3:1 against every
 * highlight tint (and the page), its text 4.5:1 against it; it is what is
 * drawn; every highlight's underline stands 3:1 against the page. */
static void
test_selection_and_contrast (Fixture       *fx,
                             gconstpointer  data)
{
  static const char text[] = "Alpha beta gamma delta epsilon zeta eta theta iota kappa.";
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (DossierViewHighlight));
  g_autoptr(GdkTexture) texture = NULL;
  GdkRGBA sel_bg, sel_fg, page;
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (view_buffer (fx->view));
  gint64 space = offset_of (text, " gamma");
  GdkRectangle r;

  dossier_document_view_set_text (fx->view, text, NULL, 0);
  for (guint i = 0; i < G_N_ELEMENTS (tag_colors); i++)
    {
      DossierViewHighlight h = span (i + 1, 0, 5, &red, "Tag");

      g_assert_true (gdk_rgba_parse (&h.color, tag_colors[i]));
      /* Apart, so that each paints its own tag. */
      h.start = (i * 2) % 50;
      h.end = h.start + 1;
      g_array_append_val (spans, h);
    }
  dossier_document_view_set_highlights (fx->view, (DossierViewHighlight *) (gpointer) spans->data,
                                        spans->len);
  wait_frames (fx->view);

  /* The page: a pixel where nothing is painted (the top margin). */
  texture = render_text_view (fx->view);
  r = char_rect (fx->view, 0);
  page = pixel_at (texture, r.x + 2, 4);

  dossier_document_view_get_selection_colors (fx->view, &sel_bg, &sel_fg);
  g_assert_cmpfloat (contrast (&sel_fg, &sel_bg), >=, 4.5);
  g_assert_cmpfloat (contrast (&sel_bg, &page), >=, 3.0);

  for (guint i = 0; i < G_N_ELEMENTS (tag_colors); i++)
    {
      GdkRGBA color, tint;

      g_assert_true (gdk_rgba_parse (&color, tag_colors[i]));
      tint = over (&(GdkRGBA) { color.red, color.green, color.blue, 0.40 }, &page);
      if (contrast (&sel_bg, &tint) < 3.0)
        g_error ("the selection is %.2f:1 against a %s highlight", contrast (&sel_bg, &tint), tag_colors[i]);
    }

  /* Every highlight tag's underline: 3:1 against the page. */
  {
    g_autoptr(GPtrArray) tags = g_ptr_array_new ();

    gtk_text_tag_table_foreach (table, collect_tag, tags);
    for (guint i = 0; i < tags->len; i++)
      {
        g_autoptr(GdkRGBA) ink = NULL;
        g_autofree char *name = NULL;
        gboolean bg_set = FALSE;

        g_object_get (tags->pdata[i], "name", &name, "background-set", &bg_set,
                      "underline-rgba", &ink, NULL);
        if (name != NULL || !bg_set)
          continue;
        g_assert_nonnull (ink);
        if (contrast (ink, &page) < 3.0)
          {
            g_autofree char *s = gdk_rgba_to_string (ink);
            g_error ("a highlight's underline %s is %.2f:1 against the page", s, contrast (ink, &page));
          }
      }
  }

  /* What is drawn for a selection over a highlight is the selection. */
  dossier_document_view_select_range (fx->view, 0, 20);
  gtk_widget_grab_focus (GTK_WIDGET (fx->view));
  wait_frames (fx->view);
  g_clear_object (&texture);
  texture = render_text_view (fx->view);
  r = char_rect (fx->view, space);
  {
    GdkRGBA drawn = pixel_at (texture, r.x + r.width / 2.0, r.y + r.height * 0.15);

    assert_near (&drawn, &sel_bg);
  }
}

/* ---- Incremental updates ------------------------------------------------------ */

/* What update_highlights is checked against: a second view, given the
 * same text, then every highlight at once. */
typedef struct
{
  Fixture              *fx;
  GtkWidget            *window;
  DossierDocumentView  *rebuilt;
  char                 *text;
  GArray               *model;     /* DossierViewHighlight: what the view should show */
} Splice;

static void
splice_init (Splice     *sp,
             Fixture    *fx,
             const char *text)
{
  sp->fx = fx;
  sp->text = g_strdup (text);
  sp->model = g_array_new (FALSE, FALSE, sizeof (DossierViewHighlight));
  sp->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (sp->window), 900, 600);
  sp->rebuilt = DOSSIER_DOCUMENT_VIEW (dossier_document_view_new ());
  g_object_ref_sink (sp->rebuilt);
  gtk_window_set_child (GTK_WINDOW (sp->window), GTK_WIDGET (sp->rebuilt));
  gtk_window_present (GTK_WINDOW (sp->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (sp->rebuilt)))
    g_main_context_iteration (NULL, TRUE);
  dossier_document_view_set_text (fx->view, text, NULL, 0);
}

static void
splice_clear (Splice *sp)
{
  gtk_window_set_child (GTK_WINDOW (sp->window), NULL);
  gtk_window_destroy (GTK_WINDOW (sp->window));
  g_assert_finalize_object (sp->rebuilt);
  g_array_unref (sp->model);
  g_free (sp->text);
}

static int
find_in_model (Splice *sp,
               gint64  id)
{
  for (guint i = 0; i < sp->model->len; i++)
    if (g_array_index (sp->model, DossierViewHighlight, i).id == id)
      return (int) i;
  return -1;
}

/* Hands the change to the view under test (@removed ids out, @added in),
 * applies it to the model, rebuilds the second view from the model, and
 * compares everything both show. */
static void
splice_check (Splice                     *sp,
              const gint64               *removed,
              guint                       n_removed,
              const DossierViewHighlight *added,
              guint                       n_added,
              const char                 *what)
{
  g_autofree char *spliced = NULL;
  g_autofree char *rebuilt = NULL;

  dossier_document_view_update_highlights (sp->fx->view, removed, n_removed, added, n_added);
  /* A highlight added alone is painted within the call, as tagging needs. */
  if (n_added + n_removed <= 2 && n_added > 0)
    g_assert_true (dossier_document_view_is_visible_painted (sp->fx->view));

  for (guint i = 0; i < n_removed; i++)
    {
      int k = find_in_model (sp, removed[i]);

      if (k >= 0)
        g_array_remove_index (sp->model, k);
    }
  g_array_append_vals (sp->model, added, n_added);

  dossier_document_view_set_text (sp->rebuilt, sp->text, NULL, 0);
  dossier_document_view_set_highlights (sp->rebuilt, (const DossierViewHighlight *) (gpointer) sp->model->data,
                                        sp->model->len);
  wait_painted (sp->fx->view);
  wait_painted (sp->rebuilt);
  iterate_briefly ();

  spliced = dossier_document_view_describe_highlights (sp->fx->view);
  rebuilt = dossier_document_view_describe_highlights (sp->rebuilt);
  if (g_strcmp0 (spliced, rebuilt) != 0)
    g_test_message ("after %s", what);
  g_assert_cmpstr (spliced, ==, rebuilt);
}

static void
splice_add (Splice                     *sp,
            const DossierViewHighlight *h,
            const char                 *what)
{
  splice_check (sp, NULL, 0, h, 1, what);
}

static void
splice_remove (Splice     *sp,
               gint64      id,
               const char *what)
{
  splice_check (sp, &id, 1, NULL, 0, what);
}

static char *
splice_text (void)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < 60; i++)
    g_string_append_printf (text, i % 6 == 5 ? "Line %d: café “naïve” 😀 中文字 end.\n\n"
                                             : "Line %d: café “naïve” 😀 中文字 and more words, ",
                            i);
  /* The last character is the end of a word, not a newline. */
  g_string_append (text, "The end");
  return g_string_free (text, FALSE);
}

/* Tagging, undo, redo, deleting a tag, overlapping highlights, a highlight
 * at the very end of the text and one changing its memo, each handed to
 * the view as a splice: the view then shows what a view given every
 * highlight at once shows — the same highlights, lanes, bands, painted
 * runs and stripes. */
static void
test_incremental_update (Fixture       *fx,
                         gconstpointer  data)
{
  g_autofree char *text = splice_text ();
  gint64 length = g_utf8_strlen (text, -1);
  Splice sp;
  DossierViewHighlight h, two[2];
  gint64 ids[4];

  splice_init (&sp, fx, text);

  /* Tagging a passage, the first and then others that overlap it. */
  h = span (1, 30, 90, &red, "Risks");
  splice_add (&sp, &h, "tagging");
  h = span (2, 60, 200, &blue, "Costs");
  splice_add (&sp, &h, "an overlapping tag");
  h = span (3, 70, 80, &green, "Safety");
  splice_add (&sp, &h, "a third layer");
  /* One passage, two tags: a band of two colours. */
  h = span (4, 150, 400, &green, "Safety, Risks");
  h.more_colors[0] = red;
  h.n_more_colors = 1;
  splice_add (&sp, &h, "a highlight with two tags");
  /* Exactly the same range as another, and one inside it. */
  h = span (5, 60, 200, &red, "Risks");
  splice_add (&sp, &h, "the same range twice");
  h = span (6, 100, 101, &blue, "Costs");
  splice_add (&sp, &h, "one character");

  /* Undo the last, redo it. */
  splice_remove (&sp, 6, "undo");
  h = span (6, 100, 101, &blue, "Costs");
  splice_add (&sp, &h, "redo");

  /* At the very end of the text, then grown to the start of its line. */
  h = span (7, length - 3, length, &red, "Risks");
  splice_add (&sp, &h, "a highlight at the end");
  h = span (7, length - 40, length, &red, "Risks");
  splice_check (&sp, (gint64[]) { 7 }, 1, &h, 1, "a highlight extended to the end");

  /* A memo changes only the tooltip. */
  h = span (2, 60, 200, &blue, "Costs");
  h.tooltip = "<b>Costs</b>\nA memo";
  splice_check (&sp, (gint64[]) { 2 }, 1, &h, 1, "a memo");

  /* A tag recoloured or renamed: its highlights change their colour, or
   * lose one of their colours. */
  h = span (4, 150, 400, &green, "Safety");
  splice_check (&sp, (gint64[]) { 4 }, 1, &h, 1, "a tag taken off a passage");

  /* Deleting a tag: its highlights go at once. */
  ids[0] = 1;
  ids[1] = 5;
  ids[2] = 7;
  splice_check (&sp, ids, 3, NULL, 0, "deleting a tag");
  /* Undoing that: they come back. */
  {
    DossierViewHighlight back[3] = {
      span (1, 30, 90, &red, "Risks"),
      span (5, 60, 200, &red, "Risks"),
      span (7, length - 40, length, &red, "Risks"),
    };

    splice_check (&sp, NULL, 0, back, 3, "undoing the deletion");
  }

  /* A highlight that joins two groups of overlapping lines, and goes. */
  h = span (8, 90, 1200, &blue, "Costs");
  splice_add (&sp, &h, "a long highlight");
  splice_remove (&sp, 8, "the long highlight removed");

  /* Merging two highlights into one (one goes, the other grows). */
  two[0] = span (3, 60, 90, &green, "Safety");
  splice_check (&sp, (gint64[]) { 3, 6 }, 2, two, 1, "a merge");

  /* Everything goes, then some come back. */
  {
    g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));

    for (guint i = 0; i < sp.model->len; i++)
      g_array_append_val (all, g_array_index (sp.model, DossierViewHighlight, i).id);
    splice_check (&sp, (const gint64 *) (gpointer) all->data, all->len, NULL, 0, "removing all");
  }
  two[0] = span (9, 0, length, &red, "Risks");
  two[1] = span (10, 5, 6, &blue, "Costs");
  splice_check (&sp, NULL, 0, two, 2, "the whole text");

  /* An id already shown, added again without being taken out: the view
   * still shows each id once, the newer. */
  two[0] = span (10, 7, 9, &green, "Safety");
  dossier_document_view_update_highlights (fx->view, NULL, 0, two, 1);
  g_array_index (sp.model, DossierViewHighlight, find_in_model (&sp, 10)) = two[0];
  splice_check (&sp, NULL, 0, NULL, 0, "an id added twice");

  splice_clear (&sp);
}

/* A long run of random splices (tagging, removing, moving, retagging, in
 * ones and in bursts past what the view splices), each compared with a
 * view rebuilt from scratch. */
static void
test_incremental_random (Fixture       *fx,
                         gconstpointer  data)
{
  g_autofree char *text = splice_text ();
  gint64 length = g_utf8_strlen (text, -1);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);
  const GdkRGBA *colors[] = { &red, &blue, &green };
  const char *labels[] = { "Risks", "Costs", "Safety" };
  gint64 next_id = 1;
  Splice sp;

  splice_init (&sp, fx, text);

  for (int step = 0; step < 160; step++)
    {
      g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) added = g_array_new (FALSE, FALSE, sizeof (DossierViewHighlight));
      g_autofree char *what = NULL;
      int kind = g_rand_int_range (rand, 0, 10);
      guint n = kind == 9 ? (guint) g_rand_int_range (rand, 20, 90) : (guint) g_rand_int_range (rand, 1, 3);

      for (guint k = 0; k < n; k++)
        {
          gboolean take = sp.model->len > 0 && (kind >= 6 || g_rand_boolean (rand)) && kind != 9;
          int c = g_rand_int_range (rand, 0, 3);
          gint64 s = g_rand_int_range (rand, 0, (gint32) length);
          gint64 e = MIN (length, s + g_rand_int_range (rand, 1, kind == 8 ? 900 : 160));
          DossierViewHighlight h;

          if (take)
            {
              gint64 id = g_array_index (sp.model, DossierViewHighlight,
                                         g_rand_int_range (rand, 0, (gint32) sp.model->len)).id;
              gboolean twice = FALSE;

              for (guint j = 0; j < removed->len; j++)
                twice |= g_array_index (removed, gint64, j) == id;
              if (twice)
                continue;
              g_array_append_val (removed, id);
              /* Changed rather than gone: the same id again. */
              if (kind == 7)
                {
                  h = span (id, s, e, colors[c], labels[c]);
                  g_array_append_val (added, h);
                }
              continue;
            }
          h = span (next_id++, s, e, colors[c], labels[c]);
          if (g_rand_int_range (rand, 0, 4) == 0)
            {
              h.more_colors[0] = *colors[(c + 1) % 3];
              h.n_more_colors = 1;
              h.label = "Two tags";
            }
          g_array_append_val (added, h);
        }

      what = g_strdup_printf ("step %d: %u out, %u in", step, removed->len, added->len);
      splice_check (&sp, (const gint64 *) (gpointer) removed->data, removed->len,
                    (const DossierViewHighlight *) (gpointer) added->data, added->len, what);
    }

  splice_clear (&sp);
}

/* @n_runs runs of "i" each ending in "。" and followed by "漢", the
 * first @first "i" long, each next one longer by one: the reader cuts
 * them at each "漢" (after a full stop), drawn at the end of its line
 * wider than an "i", and their last lines come out of every length, some
 * full to the last pixels. */
static void
append_runs (GString *text,
             guint    first,
             guint    n_runs)
{
  for (guint i = 0; i < n_runs; i++)
    {
      for (guint k = 0; k < first + i; k++)
        g_string_append_c (text, 'i');
      g_string_append (text, "。漢");
    }
}

static gboolean
text_width_is (gpointer data)
{
  GtkWidget *text_view = data;

  return gtk_widget_get_width (text_view) > 0 && gtk_widget_get_mapped (text_view);
}

/* In a window of 360 pixels, a long title and a long paragraph without a
 * space, cut into lines after their full stops: each character drawn
 * where a line was cut is inside the text's column (room is kept for it
 * at the right of its line), not past it, nor past the view's right edge,
 * where a full last line put it (in the title, wider than the view's
 * margin). */
static void
test_cut_characters_inside (void)
{
  GtkWidget *window = gtk_window_new ();
  DossierDocumentView *view = DOSSIER_DOCUMENT_VIEW (dossier_document_view_new ());
  GtkTextView *text_view = dossier_document_view_get_text_view (view);
  DossierDocumentText *dtext = DOSSIER_DOCUMENT_TEXT (text_view);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) cuts = NULL;
  DossierBlock blocks[2];
  guint n_marks = 0, n_near_edge = 0;
  int column_right;

  append_runs (text, 1600, 70);
  blocks[0] = (DossierBlock) { 0, g_utf8_strlen (text->str, -1), DOSSIER_BLOCK_TITLE, 0 };
  g_string_append (text, "\n\n");
  blocks[1].start = g_utf8_strlen (text->str, -1);
  append_runs (text, 2000, 70);
  blocks[1] = (DossierBlock) { blocks[1].start, g_utf8_strlen (text->str, -1), DOSSIER_BLOCK_PARAGRAPH, 0 };
  cuts = dossier_unbroken_runs_line_cuts (text->str, text->len, DOSSIER_UNBROKEN_LINE_CHARS);
  g_assert_cmpuint (cuts->len, ==, 2 * (70 - 1));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  dossier_document_view_set_text (view, text->str, blocks, G_N_ELEMENTS (blocks));
  while (!text_width_is (text_view))
    g_main_context_iteration (NULL, TRUE);
  wait_painted (view);
  iterate_briefly ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 360);

  column_right = gtk_widget_get_width (GTK_WIDGET (text_view)) - gtk_text_view_get_right_margin (text_view);
  for (guint i = 0; i < cuts->len; i++)
    {
      graphene_rect_t area;

      g_assert_true (dossier_document_text_get_cut_area (dtext, i, &area));
      g_assert_cmpfloat (area.size.width, >, 0);
      g_assert_cmpfloat (area.origin.x, >=, 0);
      if (area.origin.x + area.size.width > column_right + 0.5)
        g_error ("cut %u (offset %" G_GINT64_FORMAT "): its character drawn from %g to %g, "
                 "past the column's right edge at %d (the view's is at %d)", i,
                 g_array_index (cuts, DossierLineCut, i).offset, area.origin.x,
                 area.origin.x + area.size.width, column_right, gtk_widget_get_width (GTK_WIDGET (text_view)));
      n_marks++;
      /* (a line as full as it can be: its character right at the edge) */
      n_near_edge += area.origin.x + 2 * area.size.width > column_right;
    }
  g_assert_cmpuint (n_marks, ==, cuts->len);
  /* The lines that put it past the edge were there. */
  g_assert_cmpuint (n_near_edge, >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A paragraph of flags alone (no code point a grapheme of its own) is cut
 * where a flag ends; the flag cut at is drawn whole at the end of its
 * line, its first regional indicator hidden where it is: each line shows
 * whole flags (an even number of regional indicators), none as two
 * letters on either side of a cut; and its character is drawn inside the
 * column, in the room kept for an emoji. */
static void
test_cut_flags_whole (void)
{
  GtkWidget *window = gtk_window_new ();
  DossierDocumentView *view = DOSSIER_DOCUMENT_VIEW (dossier_document_view_new ());
  GtkTextView *text_view = dossier_document_view_get_text_view (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  DossierDocumentText *dtext = DOSSIER_DOCUMENT_TEXT (text_view);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) cuts = NULL;
  DossierBlock block;
  GtkTextIter start, end;
  int column_right;

  for (guint i = 0; i < 5000; i++)
    g_string_append (text, i % 3 == 0 ? "🇫🇷" : i % 3 == 1 ? "🇩🇪" : "🇯🇵");
  block = (DossierBlock) { 0, g_utf8_strlen (text->str, -1), DOSSIER_BLOCK_PARAGRAPH, 0 };
  cuts = dossier_unbroken_runs_line_cuts (text->str, text->len, DOSSIER_UNBROKEN_LINE_CHARS);
  g_assert_cmpuint (cuts->len, >=, 2);

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  dossier_document_view_set_text (view, text->str, &block, 1);
  while (!text_width_is (text_view))
    g_main_context_iteration (NULL, TRUE);
  wait_painted (view);
  iterate_briefly ();

  column_right = gtk_widget_get_width (GTK_WIDGET (text_view)) - gtk_text_view_get_right_margin (text_view);
  gtk_text_buffer_get_start_iter (buffer, &start);
  for (guint i = 0; i <= cuts->len; i++)
    {
      const DossierLineCut *cut = i < cuts->len ? &g_array_index (cuts, DossierLineCut, i) : NULL;
      g_autofree char *shown = NULL;
      glong n_shown;
      graphene_rect_t area;
      GtkTextIter last_shown;
      GdkRectangle location;
      int x, y;

      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, cut != NULL ? cut->offset : block.end);
      /* What the line shows: whole flags. */
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      n_shown = g_utf8_strlen (shown, -1);
      if (n_shown % 2 != 0)
        g_error ("line %u shows %ld regional indicators: a flag in two", i, n_shown);
      if (cut != NULL)
        {
          /* The flag's first hidden, drawn with the second. */
          g_assert_cmpuint (cut->joined, ==, 1);
          g_assert_cmpint (n_shown, ==, gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) - 1);
          g_assert_true (dossier_document_text_get_cut_area (dtext, i, &area));
          g_assert_cmpfloat (area.size.width, >, 0);
          g_assert_cmpfloat (area.origin.x + area.size.width, <=, column_right + 0.5);
          /* Drawn right after the last flag shown, on its line. */
          last_shown = end;
          gtk_text_iter_backward_chars (&last_shown, 2);
          gtk_text_view_get_iter_location (text_view, &last_shown, &location);
          gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, location.x + location.width,
                                                 location.y, &x, &y);
          g_assert_cmpfloat_with_epsilon (area.origin.x, x, 0.5);
          g_assert_cmpfloat (area.origin.y, >=, y - 0.5);
          g_assert_cmpfloat (area.origin.y + area.size.height, <=, y + location.height + 0.5);
        }
      start = end;
      gtk_text_iter_forward_char (&start);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_finalize_while_painting (void)
{
  DossierDocumentView *view = DOSSIER_DOCUMENT_VIEW (dossier_document_view_new ());
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (DossierViewHighlight));

  g_object_ref_sink (view);
  for (int i = 0; i < 20000; i++)
    g_string_append (text, i % 10 == 9 ? "Some words “and” more 😀.\n" : "Some words “and” more 😀. ");
  dossier_document_view_set_text (view, text->str, NULL, 0);
  for (int i = 0; i < 2000; i++)
    {
      DossierViewHighlight h = span (i + 1, i * 250, i * 250 + 100, i % 2 ? &red : &blue, "T");
      g_array_append_val (spans, h);
    }
  dossier_document_view_set_highlights (view, (DossierViewHighlight *) (gpointer) spans->data, spans->len);
  g_assert_false (dossier_document_view_is_painted (view));

  /* A pending paint pass must not outlive the view. */
  g_assert_finalize_object (view);
  iterate_briefly ();
}

/* ---- Tables ---------------------------------------------------------------- */

/* A ferry timetable whose first cells differ in width (one empty: a row
 * that starts blank), a paragraph, then a short budget whose first column
 * is wider than the timetable's. */
static const char timetable_text[] =
  "Ferry timetable\n\n"
  "The sailings from the east pier, week days:\n\n"
  "Mon\t07:15\tTern\n\n"
  "Wednesday\t09:40\tPuffin\n\n"
  "\tlate\tspare\n\n"
  "Fr\t12:05\tTern\n\n"
  "The harbour board’s budget for the pier:\n\n"
  "Harbour dues and mooring ropes\t1 200 €\n\n"
  "Bins\t80 €";

/* A few frames: what a style change (the zoom) or a resize brings is laid
 * out. */
static void
run_frames (void)
{
  for (int i = 0; i < 10; i++)
    {
      g_usleep (5000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

/* @s's blocks: a title, then a paragraph per part between blank lines. */
static GArray *
blocks_of (const char *s)
{
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (DossierBlock));
  const char *p = s;

  while (*p != '\0')
    {
      const char *end = strstr (p, "\n\n");
      DossierBlock b = { 0 };

      if (end == NULL)
        end = p + strlen (p);
      b.start = g_utf8_pointer_to_offset (s, p);
      b.end = g_utf8_pointer_to_offset (s, end);
      b.kind = blocks->len == 0 ? DOSSIER_BLOCK_TITLE : DOSSIER_BLOCK_PARAGRAPH;
      g_array_append_val (blocks, b);
      p = *end != '\0' ? end + 2 : end;
    }
  return blocks;
}

/* Shows @text, its blocks as blocks_of() finds them. */
static void
set_text_of_blocks (DossierDocumentView *view,
                    const char          *text)
{
  g_autoptr(GArray) blocks = blocks_of (text);

  dossier_document_view_set_text (view, text, (DossierBlock *) (gpointer) blocks->data, blocks->len);
  run_frames ();
}

static void
set_table_text (DossierDocumentView *view)
{
  set_text_of_blocks (view, timetable_text);
}

/* Where @cell (the first occurrence of it at or after the start of the
 * row that begins with @row, in @text) starts, and where it ends. */
static int
cell_start_x (DossierDocumentView *view,
              const char          *text,
              const char          *row,
              const char          *cell)
{
  const char *p = strstr (strstr (text, row), cell);

  g_assert_nonnull (p);
  return char_rect (view, g_utf8_pointer_to_offset (text, p)).x;
}

static int
cell_end_x (DossierDocumentView *view,
            const char          *text,
            const char          *row,
            const char          *cell)
{
  const char *p = strstr (strstr (text, row), cell);
  GdkRectangle loc;

  g_assert_nonnull (p);
  loc = char_rect (view, g_utf8_pointer_to_offset (text, p + strlen (cell)) - 1);
  return loc.x + loc.width;
}

/* Where cell @cell (from 0) of the row that begins with @row starts, from
 * the row's start. */
static int
cell_x (DossierDocumentView *view,
        const char          *row,
        guint                cell)
{
  const char *start = strstr (timetable_text, row);
  const char *p = start;

  g_assert_nonnull (p);
  for (guint i = 0; i < cell; i++)
    {
      p = strchr (p, '\t');
      g_assert_nonnull (p);
      p++;
    }
  return char_rect (view, g_utf8_pointer_to_offset (timetable_text, p)).x -
         char_rect (view, g_utf8_pointer_to_offset (timetable_text, start)).x;
}

/* Where the text of the row that begins with @row, up to its first tab,
 * ends, from the row's start. */
static int
first_cell_end (DossierDocumentView *view,
                const char          *row)
{
  const char *start = strstr (timetable_text, row);
  const char *tab = strchr (start, '\t');
  GdkRectangle loc = char_rect (view, g_utf8_pointer_to_offset (timetable_text, tab) - 1);

  return loc.x + loc.width - char_rect (view, g_utf8_pointer_to_offset (timetable_text, start)).x;
}

static const char * const timetable[] = { "Mon\t", "Wednesday\t", "\tlate", "Fr\t" };

/* Every row of the timetable starts its second and third cells at the same
 * x, past its widest first cell; returns that of the second. */
static int
assert_timetable_lines_up (DossierDocumentView *view)
{
  int second = cell_x (view, timetable[0], 1);
  int third = cell_x (view, timetable[0], 2);

  for (guint i = 1; i < G_N_ELEMENTS (timetable); i++)
    {
      g_assert_cmpint (cell_x (view, timetable[i], 1), ==, second);
      g_assert_cmpint (cell_x (view, timetable[i], 2), ==, third);
    }
  g_assert_cmpint (second, >, first_cell_end (view, "Wednesday\t"));
  g_assert_cmpint (third, >, second);
  return second;
}

static void
test_columns_line_up (Fixture       *fx,
                      gconstpointer  data)
{
  int second, wider, budget;

  set_table_text (fx->view);
  second = assert_timetable_lines_up (fx->view);

  /* The budget is a table of its own: its column is as wide as its own
   * first cells, wider than the timetable's (its figures end together). */
  budget = cell_x (fx->view, "Harbour dues", 1);
  g_assert_cmpint (cell_end_x (fx->view, timetable_text, "Bins\t", "80 €"), ==,
                   cell_end_x (fx->view, timetable_text, "Harbour dues", "1 200 €"));
  g_assert_cmpint (budget, >, first_cell_end (fx->view, "Harbour dues"));
  g_assert_cmpint (budget, >, second);

  /* The columns follow the font: zoomed in, they still line up, wider. */
  dossier_document_view_set_zoom (fx->view, 2.0);
  run_frames ();
  wider = assert_timetable_lines_up (fx->view);
  g_assert_cmpint (wider, >, second * 3 / 2);

  /* A new text: its tables' stops, not the old ones. */
  dossier_document_view_set_zoom (fx->view, 1.0);
  set_table_text (fx->view);
  g_assert_cmpint (assert_timetable_lines_up (fx->view), ==, second);
}

/* A parish budget: a column of text, one of figures under a year, one of
 * changes under a word with a dash for none; a row with no work named. */
static const char figures_text[] =
  "Parish budget\n\n"
  "Spending, in pounds:\n\n"
  "Item\tWork\t2026\tChange\n\n"
  "Roads\tresurfacing\t1,250\t+4%\n\n"
  "Bins\tnew lids\t75\t—\n\n"
  "Parks\t\t310.50\t−12.5%\n\n"
  "The council meets again in March.";

/* A column of figures ends its cells at one x, its header's with them:
 * the digits line up on the right. A column of text starts its cells at
 * one x. */
static void
test_table_figures_right (Fixture       *fx,
                          gconstpointer  data)
{
  static const char * const rows[] = { "Item\t", "Roads\t", "Bins\t", "Parks\t" };
  static const char * const years[] = { "2026", "1,250", "75", "310.50" };
  static const char * const changes[] = { "Change", "+4%", "—", "−12.5%" };
  static const char * const work[] = { "Work", "resurfacing", "new lids" };
  int year_end, change_end, work_start;

  set_text_of_blocks (fx->view, figures_text);
  year_end = cell_end_x (fx->view, figures_text, rows[0], years[0]);
  change_end = cell_end_x (fx->view, figures_text, rows[0], changes[0]);
  work_start = cell_start_x (fx->view, figures_text, rows[0], work[0]);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_test_message ("row %s", rows[i]);
      g_assert_cmpint (ABS (cell_end_x (fx->view, figures_text, rows[i], years[i]) - year_end), <=, 1);
      g_assert_cmpint (ABS (cell_end_x (fx->view, figures_text, rows[i], changes[i]) - change_end), <=, 1);
      if (i < G_N_ELEMENTS (work))
        g_assert_cmpint (cell_start_x (fx->view, figures_text, rows[i], work[i]), ==, work_start);
    }
  /* (right, not left: the short figure starts further in) */
  g_assert_cmpint (cell_start_x (fx->view, figures_text, "Bins\t", "75"), >,
                   cell_start_x (fx->view, figures_text, "Roads\t", "1,250"));
  /* The columns keep their order: each past the one before it. */
  g_assert_cmpint (cell_start_x (fx->view, figures_text, "Roads\t", "1,250"), >,
                   cell_end_x (fx->view, figures_text, "Roads\t", "resurfacing"));
  g_assert_cmpint (cell_start_x (fx->view, figures_text, "Item\t", "Change"), >, year_end);
}

/* Two tables, a blank line apart (as every block is): bus routes with
 * three columns of figures, then costs whose header's "Cost" is text. */
static const char two_tables_text[] =
  "Bus routes\n\n"
  "Route\tRiders 2025\tRiders 2026\tChange\n\n"
  "7A\t12,480\t9,915\t-21%\n\n"
  "12\t3,040\t3,310\t9%\n\n"
  "N4\t655\t702\t7%\n\n"
  "Item\tCost\n\n"
  "Drivers\t£910,000\n\n"
  "Depot\t£45,500\n\n"
  "The board meets in May.";

/* Each cell of @cells (one per row that begins as @rows has it) ends
 * where the first one does, a pixel either way. */
static void
assert_ends_line_up (DossierDocumentView *view,
                     const char          *text,
                     const char * const  *rows,
                     const char * const  *cells,
                     guint                n)
{
  int end = cell_end_x (view, text, rows[0], cells[0]);

  for (guint i = 1; i < n; i++)
    {
      g_test_message ("%s under %s", cells[i], cells[0]);
      g_assert_cmpint (ABS (cell_end_x (view, text, rows[i], cells[i]) - end), <=, 1);
    }
}

/* Where the number of cells changes and stays changed, a new table
 * starts: each table's columns of figures end at one x, its header with
 * them (the costs' "Cost" made the routes' columns text, their figures
 * left, when both were one table). */
static void
test_two_tables (Fixture       *fx,
                 gconstpointer  data)
{
  static const char * const routes[] = { "Route\t", "7A\t", "12\t", "N4\t" };
  static const char * const riders[] = { "Riders 2025", "12,480", "3,040", "655" };
  static const char * const later[] = { "Riders 2026", "9,915", "3,310", "702" };
  static const char * const change[] = { "Change", "-21%", "9%", "7%" };
  static const char * const items[] = { "Item\t", "Drivers\t", "Depot\t" };
  static const char * const costs[] = { "Cost", "£910,000", "£45,500" };

  set_text_of_blocks (fx->view, two_tables_text);
  assert_ends_line_up (fx->view, two_tables_text, routes, riders, G_N_ELEMENTS (routes));
  assert_ends_line_up (fx->view, two_tables_text, routes, later, G_N_ELEMENTS (routes));
  assert_ends_line_up (fx->view, two_tables_text, routes, change, G_N_ELEMENTS (routes));
  assert_ends_line_up (fx->view, two_tables_text, items, costs, G_N_ELEMENTS (items));
  /* (right, not left: the short figure starts further in) */
  g_assert_cmpint (cell_start_x (fx->view, two_tables_text, "N4\t", "655"), >,
                   cell_start_x (fx->view, two_tables_text, "7A\t", "12,480"));
}

/* A table whose last row is short ("Total" and one figure) stays one
 * table: the total ends under the figures above it, a row's gap apart. */
static void
test_short_last_row (Fixture       *fx,
                     gconstpointer  data)
{
  static const char text[] =
    "Parish spending\n\n"
    "Item\t2025\t2026\n\n"
    "Street lighting\t1,250\t1,400\n\n"
    "Bins\t75\t80\n\n"
    "Total\t1,325\n\n"
    "The council meets again in March.";
  static const char * const rows[] = { "Item\t", "Street lighting\t", "Bins\t", "Total\t" };
  static const char * const spent[] = { "2025", "1,250", "75", "1,325" };
  int bins_y, total_y, lighting_y;

  set_text_of_blocks (fx->view, text);
  assert_ends_line_up (fx->view, text, rows, spent, G_N_ELEMENTS (rows));
  lighting_y = char_rect (fx->view, g_utf8_pointer_to_offset (text, strstr (text, "Street"))).y;
  bins_y = char_rect (fx->view, g_utf8_pointer_to_offset (text, strstr (text, "Bins"))).y;
  total_y = char_rect (fx->view, g_utf8_pointer_to_offset (text, strstr (text, "Total"))).y;
  g_assert_cmpint (total_y - bins_y, ==, bins_y - lighting_y);
}

/* A table's rows are closer to each other than paragraphs are: the table
 * reads as one block. */
static void
test_table_rows_closer (Fixture       *fx,
                        gconstpointer  data)
{
  const char *lines[] = { "The sailings", "Mon\t", "Wednesday\t", "\tlate", "Fr\t",
                          "The harbour" };
  int y[G_N_ELEMENTS (lines)];

  set_table_text (fx->view);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    y[i] = char_rect (fx->view, g_utf8_pointer_to_offset (timetable_text,
                                                          strstr (timetable_text, lines[i]))).y;
  /* (each one line, at this width) */
  for (guint i = 2; i + 1 < G_N_ELEMENTS (lines); i++)
    {
      g_assert_cmpint (y[i] - y[i - 1], ==, y[2] - y[1]);
      g_assert_cmpint (y[i] - y[i - 1], <, y[1] - y[0]);
    }
  /* After the table, a paragraph's gap again. */
  g_assert_cmpint (y[5] - y[4], ==, y[1] - y[0]);
  /* Still a gap: a row's letters do not touch the next row's. */
  g_assert_cmpint (y[2] - y[1], >, char_rect (fx->view, g_utf8_pointer_to_offset (timetable_text,
                                                                                 strstr (timetable_text, "Mon"))).height);
}

/* At a phone's width the timetable still lines up; zoomed in, the
 * budget's first column is wider than the view: its rows wrap inside the
 * view (as all text does, no scrolling sideways), nothing is drawn past
 * its right edge. */
static void
test_narrow_view_wraps (Fixture       *fx,
                        gconstpointer  data)
{
  GtkWidget *text_view = GTK_WIDGET (dossier_document_view_get_text_view (fx->view));
  gint64 length = g_utf8_strlen (timetable_text, -1);
  gint64 budget = g_utf8_pointer_to_offset (timetable_text, strstr (timetable_text, "Harbour dues"));

  set_table_text (fx->view);
  assert_timetable_lines_up (fx->view);

  dossier_document_view_set_zoom (fx->view, 2.0);
  run_frames ();
  g_assert_cmpint (gtk_widget_get_width (text_view), >, 0);
  g_assert_cmpint (gtk_widget_get_width (text_view), <=, 360);
  for (gint64 offset = 0; offset < length; offset++)
    {
      GdkRectangle loc = char_rect (fx->view, offset);

      g_assert_cmpint (loc.x + loc.width, <=, gtk_widget_get_width (text_view));
    }
  /* (the first row did not fit on one line) */
  g_assert_cmpint (char_rect (fx->view, budget).y, <, char_rect (fx->view, budget + 29).y);
}

/* The width the text is laid out in: the text view's, less the stripes'
 * gutter and the margins. */
static int
text_width (DossierDocumentView *view)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (view);
  GtkWidget *gutter = gtk_text_view_get_gutter (text_view, GTK_TEXT_WINDOW_LEFT);

  return gtk_widget_get_width (GTK_WIDGET (text_view)) - (gutter != NULL ? gtk_widget_get_width (gutter) : 0) -
         gtk_text_view_get_left_margin (text_view) - gtk_text_view_get_right_margin (text_view);
}

/* At a phone's width, a table of three columns of figures that is wider
 * than the text with an em between its columns, but not with less: its
 * gaps narrow, each row stays one line, and its figures still line up. */
static void
test_table_fits_narrow (Fixture       *fx,
                        gconstpointer  data)
{
  static const char probe[] = "Probe\n\nM0000000000";
  g_autofree char *text = NULL;
  g_autofree char *wide = NULL;
  int width, em, digits, n;
  double digit;
  const char *row;

  /* The font's em and digit, as drawn. */
  set_text_of_blocks (fx->view, probe);
  em = char_rect (fx->view, 7).width;
  digit = (cell_end_x (fx->view, probe, "M0", "0000000000") - cell_start_x (fx->view, probe, "M0", "0")) / 10.0;
  width = text_width (fx->view);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (width, <, 360);

  /* Cells of digits a third of an em and more short of a table that
   * fits with two ems of gaps (about: an em and a third between). */
  digits = (int) lround ((width - 4 * em / 3.0) / digit);
  g_assert_cmpfloat (digits * digit + 2 * em, >, width + 2);
  g_assert_cmpfloat (digits * digit + 2 * em / 3.0, <, width - 2);
  n = digits / 3;
  {
    g_autofree char *a = g_strnfill (n, '8');
    g_autofree char *b = g_strnfill (n, '8');
    g_autofree char *c = g_strnfill (digits - 2 * n, '8');

    wide = g_strdup_printf ("%s\t%s\t%s", a, b, c);
    text = g_strdup_printf ("Counts\n\n%s\n\n1\t2\t3\n\nThe end.", wide);
  }
  set_text_of_blocks (fx->view, text);

  row = strstr (text, wide);
  for (const char *p = row; *p != '\n'; p++)
    {
      GdkRectangle loc = char_rect (fx->view, p - text);

      g_assert_cmpint (loc.y, ==, char_rect (fx->view, row - text).y);
      g_assert_cmpint (loc.x + loc.width, <=, width + gtk_text_view_get_left_margin (dossier_document_view_get_text_view (fx->view)) +
                                            gtk_widget_get_width (gtk_text_view_get_gutter (dossier_document_view_get_text_view (fx->view), GTK_TEXT_WINDOW_LEFT)));
    }
  /* (the columns of figures end where the wide row's do) */
  {
    GdkRectangle second = char_rect (fx->view, row - text + 2 * n);
    GdkRectangle third = char_rect (fx->view, row - text + (gint64) strlen (wide) - 1);

    g_assert_cmpint (cell_end_x (fx->view, text, "1\t", "2"), ==, second.x + second.width);
    g_assert_cmpint (cell_end_x (fx->view, text, "1\t", "3"), ==, third.x + third.width);
  }
}

/* At a phone's width, a long last cell wraps under itself, not under
 * the row's first cell; a row that fits is one line. */
static void
test_table_wraps_under_cell (Fixture       *fx,
                             gconstpointer  data)
{
  static const char stops[] =
    "Ferry stops\n\n"
    "Stop\tWhat is there\n\n"
    "Quay\tA shelter, a ticket machine and a bench that faces the harbour wall, out of the wind\n\n"
    "Pier\tA post\n\n"
    "The ferry stops at both.";
  const char *cell = strstr (stops, "A shelter");
  gint64 first = g_utf8_pointer_to_offset (stops, cell);
  gint64 last = g_utf8_pointer_to_offset (stops, strstr (stops, "wind")) + 3;
  int cell_x;
  int lines = 1;

  set_text_of_blocks (fx->view, stops);
  cell_x = char_rect (fx->view, first).x;
  g_assert_cmpint (cell_x, ==, cell_start_x (fx->view, stops, "Stop\t", "What"));
  g_assert_cmpint (cell_x, ==, cell_start_x (fx->view, stops, "Pier\t", "A post"));
  for (gint64 offset = first + 1; offset <= last; offset++)
    {
      GdkRectangle loc = char_rect (fx->view, offset);

      if (loc.y > char_rect (fx->view, offset - 1).y)
        {
          lines++;
          g_assert_cmpint (loc.x, ==, cell_x);
        }
      g_assert_cmpint (loc.x, >=, cell_x);
    }
  g_assert_cmpint (lines, >, 1);
  g_assert_cmpint (char_rect (fx->view, g_utf8_pointer_to_offset (stops, strstr (stops, "What"))).y, ==,
                   char_rect (fx->view, g_utf8_pointer_to_offset (stops, strstr (stops, "there"))).y);
}

/* Tram boardings: headers wider than their figures, four columns. */
static const char boardings_text[] =
  "Tram boardings\n\n"
  "Stop\tBoardings weekday\tBoardings weekend\tChange\n\n"
  "Quayside\t18,420\t12,905\t-16%\n\n"
  "Old Market\t7,310\t5,260\t-21%\n\n"
  "The tram runs every ten minutes.";

static const char * const boardings[][4] = {
  { "Stop", "Boardings weekday", "Boardings weekend", "Change" },
  { "Quayside", "18,420", "12,905", "-16%" },
  { "Old Market", "7,310", "5,260", "-21%" },
};

/* Where cell @cell of row @row of boardings_text starts. */
static GdkRectangle
boardings_cell (DossierDocumentView *view,
                guint                row,
                guint                cell)
{
  const char *p = strstr (boardings_text, boardings[row][0]);

  p = strstr (p, boardings[row][cell]);
  return char_rect (view, g_utf8_pointer_to_offset (boardings_text, p));
}

/* A table too wide for the text at a phone's width, even with its gaps
 * narrowed, and whose last column leaves no room to go on under it: each
 * cell after a row's first starts a line of its own, all at one x, a
 * little in from the first (it went on under the second column, so
 * "12,905" stood under "Boardings weekday" and the header wrapped at
 * another column than the figures); the header's at one x too, where the
 * other rows' labels are (left of their cells). Nothing goes past the
 * text's edge.
 * Wide enough, the same table is one line a row, its figures lined up on
 * the right. */
static void
test_table_too_wide_stacks (Fixture       *fx,
                            gconstpointer  data)
{
  GtkWidget *text_view = GTK_WIDGET (dossier_document_view_get_text_view (fx->view));
  int first_x, cell_x;

  set_text_of_blocks (fx->view, boardings_text);
  if (data == NULL)
    {
      for (guint row = 0; row < G_N_ELEMENTS (boardings); row++)
        for (guint cell = 1; cell < 4; cell++)
          g_assert_cmpint (boardings_cell (fx->view, row, cell).y, ==, boardings_cell (fx->view, row, 0).y);
      g_assert_cmpint (cell_end_x (fx->view, boardings_text, "Quayside", "12,905"), ==,
                       cell_end_x (fx->view, boardings_text, "Old Market", "5,260"));
      return;
    }

  first_x = boardings_cell (fx->view, 0, 0).x;
  g_assert_cmpint (boardings_cell (fx->view, 0, 1).x, >, first_x);
  g_assert_cmpint (boardings_cell (fx->view, 1, 1).x, >, boardings_cell (fx->view, 0, 1).x);
  for (guint row = 0; row < G_N_ELEMENTS (boardings); row++)
    {
      g_assert_cmpint (boardings_cell (fx->view, row, 0).x, ==, first_x);
      cell_x = boardings_cell (fx->view, MIN (row, 1), 1).x;
      for (guint cell = 1; cell < 4; cell++)
        {
          GdkRectangle at = boardings_cell (fx->view, row, cell);
          const char *before = strstr (strstr (boardings_text, boardings[row][0]), boardings[row][cell]) - 1;

          g_test_message ("%s", boardings[row][cell]);
          g_assert_cmpint (at.x, ==, cell_x);
          /* (below the last letter of the cell before it) */
          g_assert_cmpint (at.y, >, char_rect (fx->view, g_utf8_pointer_to_offset (boardings_text, before) - 1).y);
        }
    }
  for (gint64 offset = 0; offset < g_utf8_strlen (boardings_text, -1); offset++)
    {
      GdkRectangle loc = char_rect (fx->view, offset);

      g_assert_cmpint (loc.x + loc.width, <=, gtk_widget_get_width (text_view));
    }
}

/* The boardings with an empty corner: the header's first cell is empty. */
static const char corner_text[] =
  "Tram boardings\n\n"
  "\tBoardings weekday\tBoardings weekend\tChange\n\n"
  "Quayside\t18,420\t12,905\t-16%\n\n"
  "Old Market\t7,310\t5,260\t-21%\n\n"
  "The tram runs every ten minutes.";

static GdkRectangle
corner_text_at (DossierDocumentView *view,
                const char          *row,
                const char          *cell)
{
  return char_rect (view, g_utf8_pointer_to_offset (corner_text, strstr (strstr (corner_text, row), cell)));
}

/* A table whose header starts with an empty cell: stacked at a phone's
 * width, the header's first words stand on its first line, at the x of
 * the other rows' labels (its empty first cell made an empty line above
 * them); the lines under it as before. Wide enough, the header's cells stand
 * over their columns, as the other rows' do. */
static void
test_table_empty_corner (Fixture       *fx,
                         gconstpointer  data)
{
  const char *header = strchr (corner_text, '\t');
  GdkRectangle corner, weekday, weekend, figures;

  set_text_of_blocks (fx->view, corner_text);
  corner = char_rect (fx->view, g_utf8_pointer_to_offset (corner_text, header));
  weekday = corner_text_at (fx->view, "\tBoardings", "Boardings weekday");
  weekend = corner_text_at (fx->view, "\tBoardings", "Boardings weekend");
  figures = corner_text_at (fx->view, "Quayside", "18,420");
  if (data == NULL)
    {
      g_assert_cmpint (weekday.y, ==, corner.y);
      g_assert_cmpint (weekend.y, ==, corner.y);
      g_assert_cmpint (cell_end_x (fx->view, corner_text, "\tBoardings", "weekday"), ==,
                       cell_end_x (fx->view, corner_text, "Quayside", "18,420"));
      return;
    }

  {
    DossierDocumentText *dtext = DOSSIER_DOCUMENT_TEXT (dossier_document_view_get_text_view (fx->view));
    graphene_rect_t label;

    g_assert_nonnull (dossier_document_text_get_cell_label (dtext, g_utf8_pointer_to_offset (corner_text, strstr (corner_text, "18,420")), &label));
    g_assert_cmpint (weekday.y, ==, corner.y);
    g_assert_cmpint (weekday.x, ==, (int) label.origin.x);
    g_assert_cmpint (weekday.x, <, figures.x);
    g_assert_cmpint (weekend.y, >, weekday.y);
    g_assert_cmpint (weekend.x, ==, weekday.x);
    g_assert_cmpint (corner_text_at (fx->view, "\tBoardings", "Change").x, ==, weekday.x);
  }
}

/* Library branches: five columns, a short last row. */
static const char branches_text[] =
  "Library branches\n\n"
  "Branch\tMembers\tLoans before\tLoans after\tOpen hours\n\n"
  "Castle Street Library\t1,204\t88.2%\t91.0%\t42\n\n"
  "Ferry Road\t655\t79.5%\t83.3%\t36\n\n"
  "Total\t1,859\n\n"
  "Both branches open on Sundays from May.";

static const char * const branches[][5] = {
  { "Branch", "Members", "Loans before", "Loans after", "Open hours" },
  { "Castle Street Library", "1,204", "88.2%", "91.0%", "42" },
  { "Ferry Road", "655", "79.5%", "83.3%", "36" },
  { "Total", "1,859" },
};

/* Where cell @cell of row @row of branches_text starts, in code points. */
static gint64
branches_offset (guint row,
                 guint cell)
{
  const char *p = strstr (branches_text, branches[row][0]);

  return g_utf8_pointer_to_offset (branches_text, strstr (p, branches[row][cell]));
}

/* A stacked table's cells stand each on a line of their own, far from the
 * header that names their column: each cell under the header but a
 * row's first is labelled with its column's name ("1,204" with
 * "Members"), drawn before it on its line (it had none). The labels are
 * not in the text: the buffer holds the text as it was, and a click on a
 * label, a selection and a highlight of a cell are at the cell's own
 * offsets. Wide enough, the table is columns, and no cell is labelled. */
static void
test_table_stacked_labels (Fixture       *fx,
                           gconstpointer  data)
{
  DossierDocumentText *dtext = DOSSIER_DOCUMENT_TEXT (dossier_document_view_get_text_view (fx->view));
  GtkTextView *text_view = GTK_TEXT_VIEW (dtext);
  DossierViewHighlight highlight;
  GtkTextIter start, end, at;
  g_autofree char *shown = NULL;
  g_autofree char *selected = NULL;
  graphene_rect_t area;
  gint64 value, s, e;
  int bx, by;

  set_text_of_blocks (fx->view, branches_text);
  if (data == NULL)
    {
      for (guint row = 0; row < G_N_ELEMENTS (branches); row++)
        for (guint cell = 1; cell < 5 && branches[row][cell] != NULL; cell++)
          g_assert_null (dossier_document_text_get_cell_label (dtext, branches_offset (row, cell), &area));
      return;
    }

  /* (stacked: each cell below the one before it) */
  g_assert_cmpint (char_rect (fx->view, branches_offset (1, 2)).y, >, char_rect (fx->view, branches_offset (1, 1)).y);
  for (guint row = 0; row < G_N_ELEMENTS (branches); row++)
    {
      g_assert_null (dossier_document_text_get_cell_label (dtext, branches_offset (row, 0), &area));
      for (guint cell = 1; cell < 5 && branches[row][cell] != NULL; cell++)
        {
          gint64 offset = branches_offset (row, cell);
          const char *label = dossier_document_text_get_cell_label (dtext, offset, &area);
          GdkRectangle loc = char_rect (fx->view, offset);

          g_test_message ("%s", branches[row][cell]);
          /* (the header names the columns: it is not labelled, its cells
           * stand where the labels do) */
          if (row == 0)
            {
              g_assert_null (label);
              g_assert_nonnull (dossier_document_text_get_cell_label (dtext, branches_offset (1, cell), &area));
              g_assert_cmpint (loc.x, ==, (int) area.origin.x);
              continue;
            }
          g_assert_cmpstr (label, ==, branches[0][cell]);
          g_assert_cmpfloat (area.origin.x + area.size.width, <, loc.x);
          g_assert_cmpfloat (area.origin.x, >, char_rect (fx->view, branches_offset (row, 0)).x);
          g_assert_cmpfloat (area.origin.y, >=, loc.y);
          g_assert_cmpfloat (area.origin.y + area.size.height, <=, loc.y + loc.height);
        }
    }

  /* The text is the text. */
  gtk_text_buffer_get_bounds (view_buffer (fx->view), &start, &end);
  shown = gtk_text_buffer_get_text (view_buffer (fx->view), &start, &end, TRUE);
  g_assert_cmpstr (shown, ==, branches_text);

  /* A click on "Members" before "1,204" is at "1,204"; selected and
   * highlighted, "1,204" is "1,204", at its offsets. */
  value = branches_offset (1, 1);
  g_assert_nonnull (dossier_document_text_get_cell_label (dtext, value, &area));
  gtk_text_view_window_to_buffer_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) (area.origin.x + area.size.width / 2),
                                         (int) (area.origin.y + area.size.height / 2), &bx, &by);
  gtk_text_view_get_iter_at_location (text_view, &at, bx, by);
  g_assert_cmpint (gtk_text_iter_get_offset (&at), ==, value);
  dossier_document_view_select_range (fx->view, value, value + 5);
  g_assert_true (dossier_document_view_get_selection (fx->view, &s, &e));
  g_assert_cmpint (s, ==, value);
  g_assert_cmpint (e, ==, value + 5);
  selected = dossier_document_view_dup_selected_text (fx->view);
  g_assert_cmpstr (selected, ==, "1,204");
  highlight = span (1, s, e, &red, "Members");
  dossier_document_view_set_highlights (fx->view, &highlight, 1);
  wait_painted (fx->view);
  g_assert_false (has_color_at (fx->view, value - 1, &red));
  for (gint64 offset = value; offset < value + 5; offset++)
    g_assert_true (has_color_at (fx->view, offset, &red));
  g_assert_false (has_color_at (fx->view, value + 5, &red));
}

/* The text's left margin (from the view's edge to where its lines start)
 * and right margin, in pixels. */
static void
text_margins (DossierDocumentView *view,
              int                 *left,
              int                 *right)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (view);

  *left = gtk_widget_get_width (gtk_text_view_get_gutter (text_view, GTK_TEXT_WINDOW_LEFT)) +
          gtk_text_view_get_left_margin (text_view);
  *right = gtk_text_view_get_right_margin (text_view);
}

/* Narrower than the text column with the labels' room beside it, the
 * labels' room gives way first: at the window's narrowest (the view 555
 * px wide) the text started 156 px in, its column cut to 45 characters;
 * now it starts at the narrowest gutter (52 px) and the gap, 72 px in,
 * 24 from the right. The same at 360 px. Highlights, however deeply
 * they overlap, move nothing: their lanes fit in the gutter (a margin
 * that changed with the document moved a passage the reader had just
 * revealed out of view). */
static void
test_margins_narrow (Fixture       *fx,
                     gconstpointer  data)
{
  GtkTextView *text_view = dossier_document_view_get_text_view (fx->view);
  DossierCodingStripes *stripes =
    DOSSIER_CODING_STRIPES (find_descendant (GTK_WIDGET (text_view), DOSSIER_TYPE_CODING_STRIPES));
  DossierViewHighlight spans[12];
  int left, right, with_left, with_right;

  set_text_of_blocks (fx->view, figures_text);
  wait_frames (fx->view);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fx->view)), ==, GPOINTER_TO_INT (data));
  text_margins (fx->view, &left, &right);
  g_test_message ("view %d px: text from %d, %d from the right", GPOINTER_TO_INT (data), left, right);
  g_assert_cmpint (left, ==, 52 + 20);
  g_assert_cmpint (right, ==, 24);

  /* Twelve deep: narrow lanes and a "more" lane, in the same gutter. */
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    spans[i] = span (i + 1, 7 + i, 60 + i, i % 2 == 0 ? &red : &blue, "Costs");
  dossier_document_view_set_highlights (fx->view, spans, G_N_ELEMENTS (spans));
  wait_frames (fx->view);
  g_assert_cmpuint (dossier_coding_stripes_get_n_lanes (stripes), ==, 12);
  text_margins (fx->view, &with_left, &with_right);
  g_assert_cmpint (with_left, ==, left);
  g_assert_cmpint (with_right, ==, right);
  g_assert_cmpint (dossier_coding_stripes_get_lanes_width (stripes), <=, 52);

  /* And the next text, with none. */
  dossier_document_view_set_highlights (fx->view, NULL, 0);
  set_text_of_blocks (fx->view, figures_text);
  wait_frames (fx->view);
  text_margins (fx->view, &with_left, &with_right);
  g_assert_cmpint (with_left, ==, left);
}

/* At 1280 px with both sidebars (the view 648 px wide) the column has
 * room for 60 characters and more beside the labels' room: the stripes
 * keep their labels' room and the column gives way (they had given
 * way first, at every width, and the usual window showed no labels). */
static void
test_margins_labels (Fixture       *fx,
                     gconstpointer  data)
{
  int left, right;

  set_text_of_blocks (fx->view, figures_text);
  wait_frames (fx->view);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fx->view)), ==, GPOINTER_TO_INT (data));
  text_margins (fx->view, &left, &right);
  g_test_message ("view %d px: text from %d, %d from the right", GPOINTER_TO_INT (data), left, right);
  /* (the labels' room, 136 px, give or take the font's width: not the
   * 52 px floor; 72 before) */
  g_assert_cmpint (left, >=, 120 + 20);
  g_assert_cmpint (left, <=, 136 + 20);
  g_assert_cmpint (right, ==, 24);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/dossier/document-view/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("offsets-non-ascii", test_offsets_non_ascii);
  ADD ("one-tag-per-color", test_one_tag_per_color);
  ADD ("remove-highlight", test_remove_highlight);
  ADD ("many-highlights", test_many_highlights);
  ADD ("blocks", test_blocks);
  ADD ("highlights-at", test_highlights_at);
  ADD ("selection-code-points", test_selection_code_points);
  ADD ("search", test_search);
  ADD ("search-close-keeps-selection", test_search_close_keeps_selection);
  ADD ("search-reopen-selected", test_search_reopen_selected);
  ADD ("zoom", test_zoom);
  ADD ("stripe-click", test_stripe_click);
  ADD ("overlap-bands", test_overlap_bands);
  ADD ("selection-and-contrast", test_selection_and_contrast);
  ADD ("deep-overlaps", test_deep_overlaps);
  ADD ("stripe-contrast", test_stripe_contrast);
  ADD ("incremental-update", test_incremental_update);
  ADD ("incremental-random", test_incremental_random);
  ADD ("table-columns-line-up", test_columns_line_up);
  ADD ("table-rows-closer", test_table_rows_closer);
  ADD ("table-figures-right", test_table_figures_right);
  ADD ("two-tables", test_two_tables);
  ADD ("table-short-last-row", test_short_last_row);
  g_test_add ("/dossier/document-view/table-narrow-view-wraps", Fixture, GINT_TO_POINTER (360),
              fixture_setup, test_narrow_view_wraps, fixture_teardown);
  g_test_add ("/dossier/document-view/table-fits-narrow", Fixture, GINT_TO_POINTER (360),
              fixture_setup, test_table_fits_narrow, fixture_teardown);
  g_test_add ("/dossier/document-view/table-wraps-under-cell", Fixture, GINT_TO_POINTER (360),
              fixture_setup, test_table_wraps_under_cell, fixture_teardown);
  g_test_add ("/dossier/document-view/table-too-wide-stacks", Fixture, GINT_TO_POINTER (360),
              fixture_setup, test_table_too_wide_stacks, fixture_teardown);
  ADD ("table-too-wide-wide-view", test_table_too_wide_stacks);
  g_test_add ("/dossier/document-view/table-empty-corner-stacked", Fixture, GINT_TO_POINTER (360),
              fixture_setup, test_table_empty_corner, fixture_teardown);
  ADD ("table-empty-corner-wide-view", test_table_empty_corner);
  g_test_add ("/dossier/document-view/table-stacked-labels", Fixture, GINT_TO_POINTER (360),
              fixture_setup, test_table_stacked_labels, fixture_teardown);
  ADD ("table-stacked-labels-wide-view", test_table_stacked_labels);
  g_test_add ("/dossier/document-view/margins-narrow/555", Fixture, GINT_TO_POINTER (555),
              fixture_setup, test_margins_narrow, fixture_teardown);
  g_test_add ("/dossier/document-view/margins-narrow/360", Fixture, GINT_TO_POINTER (360),
              fixture_setup, test_margins_narrow, fixture_teardown);
  g_test_add ("/dossier/document-view/margins-labels/648", Fixture, GINT_TO_POINTER (648),
              fixture_setup, test_margins_labels, fixture_teardown);
  g_test_add_func ("/dossier/document-view/finalize-while-painting", test_finalize_while_painting);
  g_test_add_func ("/dossier/document-view/cut-characters-inside", test_cut_characters_inside);
  g_test_add_func ("/dossier/document-view/cut-flags-whole", test_cut_flags_whole);

  return g_test_run ();
}
