/* test-arguments-panel.c — the Pros & Cons panel's own parts: the
 * suggestions section it shares with the Stakeholders panel.
 *
 * The section is driven through a source written here (a list of words
 * that accepting or dismissing takes away), so what it asks, when, and
 * what it hands back are all seen. */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "dossier-suggestions-section.h"
#include "ui-test-util.h"

/* ---- the suggestions section ------------------------------------------------------ */

typedef struct
{
  GPtrArray *words;        /* what is left to suggest */
  guint      n_suggest;    /* times asked */
  gboolean   fail;         /* the next suggest() fails */
  gboolean   refuse;       /* accept() and dismiss() change nothing */
  GPtrArray *accepted;     /* of words */
  GPtrArray *dismissed;
} Words;

static GPtrArray *
words_suggest (gpointer   data,
               GError   **error)
{
  Words *w = data;
  GPtrArray *copy;

  w->n_suggest++;
  if (w->fail)
    {
      w->fail = FALSE;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The words ran out");
      return NULL;
    }
  if (w->words->len == 0)
    return NULL;
  copy = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < w->words->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (w->words, i)));
  return copy;
}

static char *
words_heading (guint    n,
               gpointer data)
{
  return g_strdup_printf ("%u Words", n);
}

static void
words_describe (gpointer              suggestion,
                DossierSuggestionRow *row,
                gpointer              data)
{
  row->title = g_strdup (suggestion);
  row->subtitle = g_strdup_printf ("%u letters", (guint) strlen (suggestion));
  row->accept_label = g_strdup_printf ("Take “%s”", (char *) suggestion);
  row->dismiss_label = g_strdup_printf ("Drop “%s”", (char *) suggestion);
}

static gboolean
words_act (Words      *w,
           GPtrArray  *into,
           gpointer   *suggestions,
           guint       n)
{
  if (w->refuse)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      guint index;

      g_ptr_array_add (into, g_strdup (suggestions[i]));
      g_assert_true (g_ptr_array_find_with_equal_func (w->words, suggestions[i], g_str_equal, &index));
      g_ptr_array_remove_index (w->words, index);
    }
  return TRUE;
}

static gboolean
words_accept (gpointer *suggestions,
              guint     n,
              gpointer  data)
{
  Words *w = data;

  return words_act (w, w->accepted, suggestions, n);
}

static gboolean
words_dismiss (gpointer *suggestions,
               guint     n,
               gpointer  data)
{
  Words *w = data;

  return words_act (w, w->dismissed, suggestions, n);
}

static const DossierSuggestionsSource words_source = {
  words_suggest, words_heading, words_describe, words_accept, words_dismiss,
};

/* The button below @widget whose tooltip (or label) is @text, or NULL. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *text)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_descendants (widget, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_widget_get_tooltip_text (button), text) == 0 ||
          (GTK_IS_BUTTON (button) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), text) == 0))
        return button;
    }
  return NULL;
}

static guint
count_rows (GtkWidget *section)
{
  GtkListBox *list = GTK_LIST_BOX (find_with_class (section, "test-words"));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static gboolean
is_revealed (GtkWidget *section)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (find_descendant (section, GTK_TYPE_REVEALER)));
}

static gboolean
n_suggestions_is (gpointer data)
{
  gpointer *args = data;

  return dossier_suggestions_section_get_n_suggestions (args[0]) == GPOINTER_TO_UINT (args[1]);
}

static void
wait_for_suggestions (GtkWidget *section,
                      guint      n)
{
  gpointer args[] = { section, GUINT_TO_POINTER (n) };

  wait_until (n_suggestions_is, args, "the suggestions to be listed again");
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_suggestions_section (void)
{
  Words w = { 0, };
  GtkWidget *section = g_object_ref_sink (dossier_suggestions_section_new ());
  GtkWidget *window;
  guint notified = 0;

  w.words = g_ptr_array_new_with_free_func (g_free);
  w.accepted = g_ptr_array_new_with_free_func (g_free);
  w.dismissed = g_ptr_array_new_with_free_func (g_free);
  for (const char *const *word = (const char *const[]) { "ferry", "harbour", "tide", "quay", NULL };
       *word != NULL; word++)
    g_ptr_array_add (w.words, g_strdup (*word));

  g_object_set (section, "list-class", "test-words", "list-label", "Words", NULL);
  g_signal_connect_swapped (section, "notify::n-suggestions", G_CALLBACK (count_notify), &notified);
  window = show_in_window (section, 360, 600);

  /* No source: nothing shown. */
  g_assert_false (is_revealed (section));
  g_assert_cmpuint (dossier_suggestions_section_get_n_suggestions (DOSSIER_SUGGESTIONS_SECTION (section)), ==, 0);

  /* A source is asked once per idle, however often a reload is asked for. */
  dossier_suggestions_section_set_source (DOSSIER_SUGGESTIONS_SECTION (section), &words_source, &w);
  dossier_suggestions_section_queue_reload (DOSSIER_SUGGESTIONS_SECTION (section));
  dossier_suggestions_section_queue_reload (DOSSIER_SUGGESTIONS_SECTION (section));
  g_assert_cmpuint (w.n_suggest, ==, 0);
  wait_for_suggestions (section, 4);
  g_assert_cmpuint (w.n_suggest, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (is_revealed (section));
  /* Folded, the list is out of the widget tree. */
  gtk_expander_set_expanded (GTK_EXPANDER (find_descendant (section, GTK_TYPE_EXPANDER)), TRUE);
  g_assert_cmpuint (count_rows (section), ==, 4);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_expander_get_label_widget (
                     GTK_EXPANDER (find_descendant (section, GTK_TYPE_EXPANDER))))), ==, "4 Words");

  /* Without bulk actions there is no Accept All; with them there is. */
  g_assert_false (gtk_widget_is_visible (find_button (section, "Accept _All")));
  g_object_set (section, "bulk-actions", TRUE, NULL);
  g_assert_true (gtk_widget_is_visible (find_button (section, "Accept _All")));

  /* One accepted: the source gets that one, and is asked again. */
  g_signal_emit_by_name (find_button (section, "Take “harbour”"), "clicked");
  g_assert_cmpuint (w.accepted->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (w.accepted, 0), ==, "harbour");
  wait_for_suggestions (section, 3);
  g_assert_null (find_button (section, "Take “harbour”"));

  /* One dismissed. */
  g_signal_emit_by_name (find_button (section, "Drop “tide”"), "clicked");
  g_assert_cmpuint (w.dismissed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (w.dismissed, 0), ==, "tide");
  wait_for_suggestions (section, 2);

  /* A refusal (the source said why) changes nothing and asks nothing. */
  w.refuse = TRUE;
  w.n_suggest = 0;
  g_signal_emit_by_name (find_button (section, "Accept _All"), "clicked");
  flush_events ();
  g_assert_cmpuint (w.n_suggest, ==, 0);
  g_assert_cmpuint (count_rows (section), ==, 2);
  w.refuse = FALSE;

  /* All accepted at once, in the order shown; then nothing is left and
   * the section folds away. */
  g_signal_emit_by_name (find_button (section, "Accept _All"), "clicked");
  g_assert_cmpuint (w.accepted->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (w.accepted, 1), ==, "ferry");
  g_assert_cmpstr (g_ptr_array_index (w.accepted, 2), ==, "quay");
  wait_for_suggestions (section, 0);
  g_assert_false (is_revealed (section));
  g_assert_cmpuint (count_rows (section), ==, 0);

  /* A failing source is logged and shows nothing. */
  g_ptr_array_add (w.words, g_strdup ("jetty"));
  dossier_suggestions_section_reload (DOSSIER_SUGGESTIONS_SECTION (section));
  g_assert_cmpuint (count_rows (section), ==, 1);
  w.fail = TRUE;
  g_test_expect_message ("Dossier", G_LOG_LEVEL_MESSAGE, "*The words ran out*");
  dossier_suggestions_section_reload (DOSSIER_SUGGESTIONS_SECTION (section));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (count_rows (section), ==, 0);
  g_assert_false (is_revealed (section));

  /* Unset, the source is asked no more. */
  dossier_suggestions_section_queue_reload (DOSSIER_SUGGESTIONS_SECTION (section));
  dossier_suggestions_section_set_source (DOSSIER_SUGGESTIONS_SECTION (section), NULL, NULL);
  w.n_suggest = 0;
  flush_events ();
  g_assert_cmpuint (w.n_suggest, ==, 0);

  close_window (window);
  g_assert_finalize_object (section);
  g_ptr_array_unref (w.words);
  g_ptr_array_unref (w.accepted);
  g_ptr_array_unref (w.dismissed);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/dossier/suggestions-section/suggest-accept-dismiss", test_suggestions_section);

  return g_test_run ();
}
