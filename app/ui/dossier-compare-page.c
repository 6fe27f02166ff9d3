/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-compare-page.c — comparing documents in the window: the
 * documents chosen and their order, the matrix (widgets/dossier-matrix.c),
 * the excerpts of what is selected side by side, and the divergences.
 *
 * Everything shown is computed by the core (dossier-compare.h) when the
 * project changes, at the next idle, so that a burst of changes is one
 * recomputation; the matrix keeps its selection across it.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-compare-page.h"
#include "dossier-matrix.h"
#include "dossier-render-matrix.h"
#include "dossier-ui-utils.h"
#include "dossier-wrap-layout.h"

/* Documents compared when the user has not chosen: the first few. */
#define DEFAULT_DOCUMENTS 8
/* Passages listed under a divergence. */
#define PASSAGES_SHOWN 6
/* Divergences listed of each kind. */
#define DIVERGENCES_PER_KIND 50
/* Characters of texts whose words are not counted yet above which they
 * are counted in a thread (about 2 ms of the main thread a megabyte). */
#define COUNT_IN_THREAD_CHARS (1024 * 1024)
/* How long a count goes before the page says it is counting: a quick one
 * goes unseen. */
#define COUNTING_SHOWN_AFTER_MS 300

struct _DossierComparePage
{
  GtkWidget          parent_instance;

  GtkWidget         *toolbar;
  GtkWidget         *scroller;
  GtkListBox        *documents_list;
  GtkDropDown       *rows_dropdown;
  GtkDropDown       *measure_dropdown;
  GtkWidget         *empty_label;
  GtkWidget         *counting_box;
  GtkLabel          *no_match_label;
  GtkSearchEntry    *filter_entry;
  DossierMatrix     *matrix;
  GtkLabel          *excerpts_title;
  GtkWidget         *excerpts_hint;
  GtkBox            *excerpts_box;
  GtkLabel          *divergences_hint;
  GtkWidget         *divergences_busy;
  GtkListBox        *divergences_list;

  DossierProject    *project;
  GSignalGroup      *project_signals;
  GSignalGroup      *documents_signals;
  GSignalGroup      *tags_signals;
  GSignalGroup      *stakeholders_signals;
  GSignalGroup      *arguments_signals;
  guint              update_source;
  gboolean           stale;         /* the project changed while hidden */

  GArray            *documents;     /* gint64: chosen, in order */
  gboolean           chosen;        /* the user chose them (else the default) */
  DossierCompareRows    rows;
  DossierCompareMeasure measure;
  gboolean           per_1000_words;
  gboolean           hide_empty_rows;

  DossierComparison *comparison;
  GPtrArray         *excerpts;      /* of DossierExcerpt, on show */
  DossierCompareSort excerpts_sort; /* … in the documents' order of then */
  gboolean           excerpts_descending;
  GPtrArray         *divergences;   /* of DossierDivergence */
  /* The divergences being worked out, in a thread; NULL when none are. */
  GCancellable      *divergences_cancellable;
  gboolean           divergences_left;  /* … and given up when the page was left */
  /* The words of long texts being counted, in a thread; NULL when not. */
  GCancellable      *count_cancellable;
  guint              counting_shown_source;
  gboolean           count_failed;      /* … and could not: counted as before */
};

G_DEFINE_FINAL_TYPE (DossierComparePage, dossier_compare_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_ROWS,
  PROP_MEASURE,
  PROP_PER_1000_WORDS,
  PROP_HIDE_EMPTY_ROWS,
  PROP_SORT_ROWS,
  PROP_SORT_DOCUMENTS,
  PROP_FINDING_DIVERGENCES,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum { PASSAGE_ACTIVATED, CITE_HIGHLIGHT, N_SIGNALS };
static guint signals[N_SIGNALS];

static GQuark index_quark;

static void queue_update (DossierComparePage *self);

/* gtk_list_box_remove_all () is GTK 4.12's. */
static void
list_box_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* ---- Documents chosen ------------------------------------------------------ */

static gboolean
is_chosen (DossierComparePage *self,
           gint64              id)
{
  for (guint i = 0; i < self->documents->len; i++)
    if (g_array_index (self->documents, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Drops documents no longer in the project; without a choice of the
 * user's, the first few of the project. */
static void
settle_documents (DossierComparePage *self)
{
  GListModel *docs;
  guint n;

  if (self->project == NULL)
    {
      g_array_set_size (self->documents, 0);
      return;
    }
  for (guint i = self->documents->len; i > 0; i--)
    if (dossier_project_get_document (self->project, g_array_index (self->documents, gint64, i - 1)) == NULL)
      g_array_remove_index (self->documents, i - 1);

  if (self->chosen)
    return;
  docs = dossier_project_get_documents (self->project);
  n = g_list_model_get_n_items (docs);
  g_array_set_size (self->documents, 0);
  for (guint i = 0; i < n && i < DEFAULT_DOCUMENTS; i++)
    {
      g_autoptr(DossierDocument) doc = g_list_model_get_item (docs, i);
      gint64 id = dossier_document_get_id (doc);

      g_array_append_val (self->documents, id);
    }
}

static void rebuild_documents_list (DossierComparePage *self);

static void
on_document_toggled (GtkCheckButton     *check,
                     DossierComparePage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_qdata (G_OBJECT (check), index_quark));

  self->chosen = TRUE;
  if (gtk_check_button_get_active (check) && !is_chosen (self, id))
    g_array_append_val (self->documents, id);
  else if (!gtk_check_button_get_active (check))
    for (guint i = 0; i < self->documents->len; i++)
      if (g_array_index (self->documents, gint64, i) == id)
        {
          g_array_remove_index (self->documents, i);
          break;
        }
  queue_update (self);
}

static void
move_document (DossierComparePage *self,
               gint64              id,
               int                 delta)
{
  for (guint i = 0; i < self->documents->len; i++)
    if (g_array_index (self->documents, gint64, i) == id)
      {
        int to = (int) i + delta;

        if (to < 0 || to >= (int) self->documents->len)
          return;
        g_array_index (self->documents, gint64, i) = g_array_index (self->documents, gint64, to);
        g_array_index (self->documents, gint64, to) = id;
        self->chosen = TRUE;
        rebuild_documents_list (self);
        queue_update (self);
        return;
      }
}

static void
on_move_up (GtkButton          *button,
            DossierComparePage *self)
{
  move_document (self, GPOINTER_TO_SIZE (g_object_get_qdata (G_OBJECT (button), index_quark)), -1);
}

static void
on_move_down (GtkButton          *button,
              DossierComparePage *self)
{
  move_document (self, GPOINTER_TO_SIZE (g_object_get_qdata (G_OBJECT (button), index_quark)), 1);
}

static GtkWidget *
document_row (DossierComparePage *self,
              DossierDocument    *doc,
              gboolean            chosen,
              gboolean            first,
              gboolean            last)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *check = gtk_check_button_new ();
  gpointer id = GSIZE_TO_POINTER ((gsize) dossier_document_get_id (doc));
  g_autofree char *title = dossier_shown_text (dossier_document_get_title (doc));
  GtkWidget *label = gtk_label_new (title);
  struct { const char *icon; const char *tip; GCallback cb; gboolean sensitive; } moves[] = {
    { "go-up-symbolic", N_("Move Left"), G_CALLBACK (on_move_up), chosen && !first },
    { "go-down-symbolic", N_("Move Right"), G_CALLBACK (on_move_down), chosen && !last },
  };

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
  gtk_widget_set_hexpand (check, TRUE);
  /* The whole title, wrapped: titles of one event differ at their end,
   * and at a phone's width the list (its minimum, a word) fits the
   * screen, where the titles on one line made it 650 px wide. A label of
   * our own: a check button's own label (gtk_check_button_set_label) is
   * not its child, and was never cut at 40 characters as meant. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_qdata (G_OBJECT (check), index_quark, id);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_document_toggled), self, 0);
  gtk_box_append (GTK_BOX (box), check);

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      GtkWidget *button = dossier_icon_button_new (moves[i].icon, _(moves[i].tip), GTK_ALIGN_CENTER);

      gtk_widget_set_sensitive (button, moves[i].sensitive);
      g_object_set_qdata (G_OBJECT (button), index_quark, id);
      g_signal_connect_object (button, "clicked", moves[i].cb, self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

/* The chosen documents first, in their order, then the others. */
static void
rebuild_documents_list (DossierComparePage *self)
{
  GListModel *docs;
  guint n;

  list_box_clear (self->documents_list);
  if (self->project == NULL)
    return;
  for (guint i = 0; i < self->documents->len; i++)
    {
      DossierDocument *doc = dossier_project_get_document (self->project,
                                                           g_array_index (self->documents, gint64, i));
      if (doc != NULL)
        gtk_list_box_append (self->documents_list,
                             document_row (self, doc, TRUE, i == 0, i + 1 == self->documents->len));
    }
  docs = dossier_project_get_documents (self->project);
  n = g_list_model_get_n_items (docs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierDocument) doc = g_list_model_get_item (docs, i);

      if (!is_chosen (self, dossier_document_get_id (doc)))
        gtk_list_box_append (self->documents_list, document_row (self, doc, FALSE, FALSE, FALSE));
    }
}

/* ---- Excerpts ---------------------------------------------------------------- */

static void
activate_excerpt (DossierComparePage *self,
                  guint               index)
{
  const DossierExcerpt *x;

  if (self->excerpts == NULL || index >= self->excerpts->len)
    return;
  x = g_ptr_array_index (self->excerpts, index);
  g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, x->document_id,
                 x->highlight != NULL ? dossier_highlight_get_id (x->highlight) : (gint64) 0,
                 x->start, x->end);
}

static void
on_excerpt_row_activated (GtkListBox         *list,
                          GtkListBoxRow      *row,
                          DossierComparePage *self)
{
  activate_excerpt (self, GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (row), index_quark)) - 1);
}

static void
on_cite_clicked (GtkButton          *button,
                 DossierComparePage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (button), index_quark)) - 1;
  const DossierExcerpt *x;

  if (self->excerpts == NULL || index >= self->excerpts->len)
    return;
  x = g_ptr_array_index (self->excerpts, index);
  if (x->highlight != NULL)
    g_signal_emit (self, signals[CITE_HIGHLIGHT], 0, dossier_highlight_get_id (x->highlight));
}

static char *
excerpt_caption (DossierComparison    *shown,
                 const DossierExcerpt *x)
{
  GString *s = g_string_new (NULL);
  const char *memo = x->highlight != NULL ? dossier_highlight_get_memo (x->highlight) : NULL;
  g_auto(GStrv) rows = dossier_comparison_excerpt_rows (shown, x);

  /* A document's passages of every row: the tags, stakeholders or
   * arguments each is behind, as the title of one row's passages names
   * its row, and in the same words as the exports. */
  if (rows != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", rows);

      g_string_append (s, dossier_comparison_rows_caption (shown, g_strv_length (rows)));
      g_string_append (s, names);
    }
  if (x->heading != NULL)
    {
      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append (s, x->heading);
    }
  if (x->stance_position != DOSSIER_STANCE_UNKNOWN)
    {
      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append (s, dossier_stance_get_label (x->stance_position));
    }
  if (memo != NULL && *memo != '\0')
    {
      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append (s, memo);
    }
  if (x->note != NULL)
    {
      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append (s, x->note);
    }
  return g_string_free (s, FALSE);
}

static GtkWidget *
excerpt_row (DossierComparePage   *self,
             DossierComparison    *shown,
             const DossierExcerpt *x,
             guint                 index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *quote = gtk_label_new (NULL);
  g_autofree char *caption = excerpt_caption (shown, x);

  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (quote), 48);
  dossier_label_set_shown (GTK_LABEL (quote), x->quote);
  gtk_box_append (GTK_BOX (box), quote);

  if (*caption != '\0')
    {
      GtkWidget *label = gtk_label_new (NULL);

      dossier_label_set_shown (GTK_LABEL (label), caption);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  if (x->highlight != NULL)
    {
      GtkWidget *cite = gtk_button_new_with_mnemonic (_("C_ite in Briefing"));

      gtk_widget_set_halign (cite, GTK_ALIGN_END);
      gtk_widget_add_css_class (cite, "flat");
      gtk_widget_set_tooltip_text (cite, _("Insert a citation of this passage in the briefing note"));
      g_object_set_qdata (G_OBJECT (cite), index_quark, GUINT_TO_POINTER (index + 1));
      g_signal_connect_object (cite, "clicked", G_CALLBACK (on_cite_clicked), self, 0);
      gtk_box_append (GTK_BOX (box), cite);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _("Open in the reader"));
  g_object_set_qdata (G_OBJECT (row), index_quark, GUINT_TO_POINTER (index + 1));
  return row;
}

static void
show_excerpts (DossierComparePage *self)
{
  GtkWidget *child;
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  int row = -1, column = -1;
  gint64 row_id = 0;
  guint n_docs;
  DossierComparison *shown;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->excerpts_box))) != NULL)
    gtk_box_remove (self->excerpts_box, child);
  g_clear_pointer (&self->excerpts, g_ptr_array_unref);

  dossier_matrix_get_selection (self->matrix, &row, &column);
  /* The selection is the matrix's, in its order (sorted, filtered). */
  shown = dossier_matrix_get_comparison (self->matrix);
  self->excerpts_sort = dossier_matrix_get_arrangement (self->matrix)->column_sort;
  self->excerpts_descending = dossier_matrix_get_arrangement (self->matrix)->columns_descending;
  if (shown == NULL || (row < 0 && column < 0))
    {
      gtk_label_set_label (self->excerpts_title, _("Side by Side"));
      gtk_widget_set_visible (self->excerpts_hint, shown != NULL);
      return;
    }
  gtk_widget_set_visible (self->excerpts_hint, FALSE);

  options = *dossier_comparison_get_options (shown);
  if (row >= 0)
    row_id = dossier_comparison_get_row_id (shown, row);
  self->excerpts = dossier_project_compare_excerpts (self->project,
                                                     (const gint64 *) (void *) self->documents->data,
                                                     self->documents->len, &options, row_id, &error);
  if (self->excerpts == NULL)
    {
      gtk_label_set_label (self->excerpts_title, error->message);
      return;
    }

  if (row >= 0)
    {
      /* Translators: the title over the excerpts of a row, e.g. "Side by Side: Costs". */
      g_autofree char *title = g_strdup_printf (_("Side by Side: %s"),
                                                dossier_comparison_get_row_label (shown, row));
      dossier_label_set_shown (self->excerpts_title, title);
    }
  else
    gtk_label_set_label (self->excerpts_title, _("Side by Side"));

  /* A column per document, in the matrix's order. */
  n_docs = dossier_comparison_get_n_documents (shown);
  for (guint col = 0; col < n_docs; col++)
    {
      GtkWidget *box, *heading, *list;
      gint64 document_id = dossier_comparison_get_document_id (shown, col);
      guint n = 0;

      if (column >= 0 && col != (guint) column)
        continue;
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_set_size_request (box, 240, -1);
      heading = gtk_label_new (NULL);
      dossier_label_set_shown (GTK_LABEL (heading), dossier_comparison_get_document_title (shown, col));
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (GTK_BOX (box), heading);

      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      dossier_comparison_get_document_title (shown, col), -1);
      g_signal_connect_object (list, "row-activated", G_CALLBACK (on_excerpt_row_activated), self, 0);
      for (guint i = 0; i < self->excerpts->len; i++)
        {
          const DossierExcerpt *x = g_ptr_array_index (self->excerpts, i);

          if (x->document_id != document_id)
            continue;
          gtk_list_box_append (GTK_LIST_BOX (list), excerpt_row (self, shown, x, i));
          n++;
        }
      if (n == 0)
        {
          GtkWidget *none = gtk_label_new (_("Nothing here."));

          gtk_widget_add_css_class (none, "dim-label");
          gtk_widget_set_margin_top (none, 12);
          gtk_widget_set_margin_bottom (none, 12);
          gtk_list_box_set_placeholder (GTK_LIST_BOX (list), none);
        }
      gtk_box_append (GTK_BOX (box), list);
      gtk_box_append (self->excerpts_box, box);
    }
}

/* Turns the page by @wheel's @dy: a notch of the wheel as far as GTK's
 * scrolled windows go. */
static void
wheel_page (DossierComparePage       *self,
            GtkEventControllerScroll *wheel,
            double                    dy)
{
  GtkAdjustment *page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double step = 1;

  if (gtk_event_controller_scroll_get_unit (wheel) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (page), 2.0 / 3.0);
  gtk_adjustment_set_value (page, gtk_adjustment_get_value (page) + dy * step);
}

/* Whether @wheel's turn is up or down, not sideways (Shift+wheel is). */
static gboolean
wheel_turns_down_or_up (GtkEventControllerScroll *wheel,
                        double                    dy)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (wheel));

  return dy != 0 && (state & GDK_SHIFT_MASK) == 0;
}

/* The wheel turned over the passages scrolls the page. The passages
 * scroll only sideways (a column per document), yet their scroller took
 * the wheel's turns: in a narrow window, where they fill the view, the
 * page could not be wheeled past them. Shift+wheel and a touchpad's
 * sideways swipe still move them. */
static gboolean
on_excerpts_wheel (DossierComparePage       *self,
                   double                    dx,
                   double                    dy,
                   GtkEventControllerScroll *wheel)
{
  if (!wheel_turns_down_or_up (wheel, dy))
    return FALSE;
  wheel_page (self, wheel, dy);
  return TRUE;
}

/* The wheel turned over the matrix scrolls it while it can go that way,
 * then the page, as a web page's inner box does. Its scroller (up to 520
 * px tall, and sideways when the matrix is wider) took every turn: in a
 * short or narrow window the page could not be wheeled past it. */
static gboolean
on_matrix_wheel (DossierComparePage       *self,
                 double                    dx,
                 double                    dy,
                 GtkEventControllerScroll *wheel)
{
  GtkWidget *scroller = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (wheel));
  GtkAdjustment *own = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  double value = gtk_adjustment_get_value (own);

  if (!wheel_turns_down_or_up (wheel, dy))
    return FALSE;
  if (dy > 0 ? value < gtk_adjustment_get_upper (own) - gtk_adjustment_get_page_size (own)
             : value > gtk_adjustment_get_lower (own))
    return FALSE;
  wheel_page (self, wheel, dy);
  return TRUE;
}

/* Has the wheel over @scroller (which holds @child) go to @on_wheel first. */
static void
catch_wheel (DossierComparePage *self,
             GtkWidget          *child,
             const char         *name,
             GCallback           on_wheel)
{
  GtkEventController *wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  gtk_event_controller_set_name (wheel, name);
  gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
  g_signal_connect_object (wheel, "scroll", on_wheel, self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (gtk_widget_get_ancestor (child, GTK_TYPE_SCROLLED_WINDOW), wheel);
}

static void
on_matrix_selection_changed (DossierComparePage *self)
{
  show_excerpts (self);
}

/* Enter on the matrix goes on to what it selects: the first passage takes
 * the focus (and Enter there opens it in the reader). */
static void
on_matrix_activate (DossierComparePage *self)
{
  for (GtkWidget *column = gtk_widget_get_first_child (GTK_WIDGET (self->excerpts_box));
       column != NULL; column = gtk_widget_get_next_sibling (column))
    {
      GtkWidget *list = gtk_widget_get_last_child (column);
      GtkListBoxRow *row = GTK_IS_LIST_BOX (list) ? gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)
                                                  : NULL;

      if (row != NULL)
        {
          gtk_widget_grab_focus (GTK_WIDGET (row));
          return;
        }
    }
  gtk_widget_error_bell (GTK_WIDGET (self));
}

/* ---- Sorting and filtering ---------------------------------------------------- */

/* The sort menu's choices (the sort-rows and sort-documents properties):
 * a sort and its direction. Sorting by a document is its heading's. */
static const struct { const char *name; DossierCompareSort sort; gboolean descending; } row_sorts[] = {
  { "order", DOSSIER_COMPARE_SORT_ORDER, FALSE },
  { "name", DOSSIER_COMPARE_SORT_NAME, FALSE },
  { "name-desc", DOSSIER_COMPARE_SORT_NAME, TRUE },
  { "total", DOSSIER_COMPARE_SORT_TOTAL, TRUE },
  { "total-asc", DOSSIER_COMPARE_SORT_TOTAL, FALSE },
}, column_sorts[] = {
  { "order", DOSSIER_COMPARE_SORT_ORDER, FALSE },
  { "title", DOSSIER_COMPARE_SORT_NAME, FALSE },
  { "date", DOSSIER_COMPARE_SORT_DATE, FALSE },
  { "date-desc", DOSSIER_COMPARE_SORT_DATE, TRUE },
  { "outlet", DOSSIER_COMPARE_SORT_OUTLET, FALSE },
  { "total", DOSSIER_COMPARE_SORT_TOTAL, TRUE },
};

/* The menu's name of how the rows are sorted now ("document" when by a
 * document's heading, "" for another direction of a choice). */
static const char *
get_sort_rows (DossierComparePage *self)
{
  const DossierCompareArrangement *a;

  /* Asked for while the template is built, before the matrix is bound. */
  if (self->matrix == NULL)
    return "order";
  a = dossier_matrix_get_arrangement (self->matrix);

  if (a->row_sort == DOSSIER_COMPARE_SORT_DOCUMENT)
    return "document";
  for (guint i = 0; i < G_N_ELEMENTS (row_sorts); i++)
    if (row_sorts[i].sort == a->row_sort &&
        (a->row_sort == DOSSIER_COMPARE_SORT_ORDER || row_sorts[i].descending == a->rows_descending))
      return row_sorts[i].name;
  return "";
}

static const char *
get_sort_documents (DossierComparePage *self)
{
  const DossierCompareArrangement *a;

  if (self->matrix == NULL)
    return "order";
  a = dossier_matrix_get_arrangement (self->matrix);

  for (guint i = 0; i < G_N_ELEMENTS (column_sorts); i++)
    if (column_sorts[i].sort == a->column_sort &&
        (a->column_sort == DOSSIER_COMPARE_SORT_ORDER || column_sorts[i].descending == a->columns_descending))
      return column_sorts[i].name;
  return "";
}

static void
set_sort_rows (DossierComparePage *self,
               const char         *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (row_sorts); i++)
    if (strcmp (name, row_sorts[i].name) == 0)
      dossier_matrix_sort_rows (self->matrix, row_sorts[i].sort, 0, row_sorts[i].descending);
}

static void
set_sort_documents (DossierComparePage *self,
                    const char         *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (column_sorts); i++)
    if (strcmp (name, column_sorts[i].name) == 0)
      dossier_matrix_sort_columns (self->matrix, column_sorts[i].sort, column_sorts[i].descending);
}

/* "No rows match" when the filter leaves nothing. */
static void
show_no_match (DossierComparePage *self)
{
  DossierComparison *shown = dossier_matrix_get_comparison (self->matrix);
  const char *filter = dossier_matrix_get_filter (self->matrix);
  gboolean none = shown != NULL && filter != NULL && dossier_comparison_get_n_rows (shown) == 0;

  if (none)
    {
      /* Translators: the matrix's rows filtered to nothing. */
      g_autofree char *text = g_strdup_printf (_("No rows match “%s”. Clear the filter to see them all."),
                                               filter);

      gtk_label_set_label (self->no_match_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), none);
}

static void
on_matrix_arrangement_changed (DossierComparePage *self)
{
  const DossierCompareArrangement *a = dossier_matrix_get_arrangement (self->matrix);

  show_no_match (self);
  /* The side-by-side columns follow the documents' order. */
  if (a->column_sort != self->excerpts_sort || a->columns_descending != self->excerpts_descending)
    show_excerpts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_ROWS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DOCUMENTS]);
}

static void
on_filter_changed (DossierComparePage *self)
{
  dossier_matrix_set_filter (self->matrix, gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
}

/* Escape empties the filter, or, empty, goes back to the matrix; Enter
 * goes on to the matrix. */
static void
on_filter_stop (DossierComparePage *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->matrix));
}

static void
on_filter_activate (DossierComparePage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->matrix));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->filter_entry), 0, -1);
}

/* ---- Divergences ----------------------------------------------------------- */

static const char *
source_name (DossierComparePage *self,
             gint64              document_id)
{
  DossierDocument *doc = self->project != NULL ? dossier_project_get_document (self->project, document_id)
                                               : NULL;

  if (doc == NULL)
    return "";
  if (dossier_document_get_outlet (doc) != NULL && *dossier_document_get_outlet (doc) != '\0')
    return dossier_document_get_outlet (doc);
  return dossier_document_get_title (doc);
}

static void
activate_passage (DossierComparePage             *self,
                  const DossierDivergencePassage *p)
{
  g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, p->document_id, p->highlight_id,
                 p->start, p->end);
}

static void
on_passage_clicked (GtkButton          *button,
                    DossierComparePage *self)
{
  guint packed = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (button), index_quark)) - 1;
  guint d = packed >> 8, p = packed & 0xff;
  const DossierDivergence *divergence;

  if (self->divergences == NULL || d >= self->divergences->len)
    return;
  divergence = g_ptr_array_index (self->divergences, d);
  if (p < divergence->passages->len)
    activate_passage (self, g_ptr_array_index (divergence->passages, p));
}

static void
on_divergence_activated (DossierComparePage *self,
                         GtkListBoxRow      *row)
{
  guint d = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (row), index_quark)) - 1;
  const DossierDivergence *divergence;

  if (self->divergences == NULL || d >= self->divergences->len)
    return;
  divergence = g_ptr_array_index (self->divergences, d);
  if (divergence->passages->len > 0)
    activate_passage (self, g_ptr_array_index (divergence->passages, 0));
}

static GtkWidget *
divergence_row (DossierComparePage      *self,
                const DossierDivergence *d,
                guint                    index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *kind = gtk_label_new (dossier_divergence_kind_get_label (d->kind));
  GtkWidget *summary = gtk_label_new (NULL);
  g_autofree char *kind_class = g_strdup_printf ("divergence-%s", dossier_divergence_kind_to_string (d->kind));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_add_css_class (kind, "divergence-kind");
  gtk_widget_add_css_class (kind, kind_class);
  gtk_widget_set_valign (kind, GTK_ALIGN_START);
  dossier_label_set_shown (GTK_LABEL (summary), d->summary);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (summary), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_widget_set_hexpand (summary, TRUE);
  gtk_box_append (GTK_BOX (top), kind);
  gtk_box_append (GTK_BOX (top), summary);
  gtk_box_append (GTK_BOX (box), top);

  for (guint p = 0; p < d->passages->len && p < PASSAGES_SHOWN; p++)
    {
      const DossierDivergencePassage *x = g_ptr_array_index (d->passages, p);
      g_autofree char *text = NULL;
      g_autofree char *shown = NULL;
      GtkWidget *button = gtk_button_new ();
      GtkWidget *label;

      if (x->detail[0] != '\0')
        text = g_strdup_printf ("%s — %s: %s", source_name (self, x->document_id), x->detail, x->quote);
      else
        text = g_strdup_printf ("%s: %s", source_name (self, x->document_id), x->quote);
      shown = dossier_shown_text (text);
      label = gtk_label_new (shown);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "flat");
      dossier_set_tooltip_unshown (button, x->quote);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
      g_object_set_qdata (G_OBJECT (button), index_quark, GUINT_TO_POINTER (((index << 8) | p) + 1));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_passage_clicked), self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_qdata (G_OBJECT (row), index_quark, GUINT_TO_POINTER (index + 1));
  return row;
}

/* The last row of a kind's divergences when more of them are not listed. */
static GtkWidget *
more_row (guint n_more)
{
  GtkWidget *row = gtk_list_box_row_new ();
  g_autofree char *text = g_strdup_printf (ngettext ("… and %u more of this kind",
                                                      "… and %u more of this kind", n_more),
                                           n_more);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (row, "divergences-more");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
set_finding_divergences (DossierComparePage *self,
                         GCancellable       *cancellable)
{
  gboolean was = self->divergences_cancellable != NULL;

  if (self->divergences_cancellable != NULL)
    g_cancellable_cancel (self->divergences_cancellable);
  g_set_object (&self->divergences_cancellable, cancellable);
  gtk_widget_set_visible (self->divergences_busy, cancellable != NULL);
  if (was != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDING_DIVERGENCES]);
}

static void
list_divergences (DossierComparePage *self,
                  GPtrArray          *divergences,
                  const GError       *error)
{
  g_autoptr(GArray) shown = NULL;
  guint n_hidden[DOSSIER_DIVERGENCE_N_KINDS];

  self->divergences = divergences;
  if (self->divergences == NULL || self->divergences->len == 0)
    {
      gtk_label_set_label (self->divergences_hint,
                           error != NULL ? error->message : _("These documents do not diverge on anything tagged."));
      gtk_widget_set_visible (GTK_WIDGET (self->divergences_hint), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->divergences_list), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->divergences_hint), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->divergences_list), TRUE);

  /* Each kind's first few, and how many more: a project made by hand with
   * 20,000 arguments diverged in as many rows, which took GTK minutes to
   * lay out, and buried the figures under the omissions. */
  shown = dossier_divergences_shown (self->divergences, DIVERGENCES_PER_KIND, n_hidden);
  for (guint k = 0; k < shown->len; k++)
    {
      guint i = g_array_index (shown, guint, k);
      const DossierDivergence *d = g_ptr_array_index (self->divergences, i);

      /* Indices of divergences and passages are packed into one number. */
      if (i >= (1u << 20))
        break;
      gtk_list_box_append (self->divergences_list, divergence_row (self, d, i));
      if (k + 1 == shown->len ||
          ((const DossierDivergence *) g_ptr_array_index (self->divergences,
                                                          g_array_index (shown, guint, k + 1)))->kind != d->kind)
        {
          guint kind = MIN ((guint) d->kind, DOSSIER_DIVERGENCE_N_KINDS - 1);

          if (n_hidden[kind] > 0)
            gtk_list_box_append (self->divergences_list, more_row (n_hidden[kind]));
        }
    }
}

/* Holds a reference on the page: the task's callback always comes, also
 * after the page was disposed (its work cancelled then). */
static void
on_divergences_found (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DossierComparePage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *divergences;

  divergences = dossier_project_compare_divergences_finish (DOSSIER_PROJECT (source), result, &error);
  /* Another selection's, another project's, or a page left or gone: never
   * shown. A cancelled task reports the cancel, whatever it found. */
  if (self->divergences_cancellable == NULL ||
      g_task_get_cancellable (G_TASK (result)) != self->divergences_cancellable)
    {
      g_clear_pointer (&divergences, g_ptr_array_unref);
      return;
    }
  set_finding_divergences (self, NULL);
  list_divergences (self, divergences, error);
}

/* Worked out in a thread on a connection of its own: on two documents of
 * 50 MB, 5 to 9 s, during which the window froze. What it replaces is
 * cleared at once; its result is shown when it comes. */
static void
show_divergences (DossierComparePage *self)
{
  g_autoptr(GCancellable) cancellable = NULL;

  list_box_clear (self->divergences_list);
  g_clear_pointer (&self->divergences, g_ptr_array_unref);
  self->divergences_left = FALSE;

  if (self->project == NULL || self->documents->len < 2)
    {
      set_finding_divergences (self, NULL);
      gtk_label_set_label (self->divergences_hint, _("Compare two or more documents to see where they diverge."));
      gtk_widget_set_visible (GTK_WIDGET (self->divergences_hint), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->divergences_list), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->divergences_hint), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->divergences_list), FALSE);
  /* (the work for what was compared before given up) */
  cancellable = g_cancellable_new ();
  set_finding_divergences (self, cancellable);
  dossier_project_compare_divergences_async (self->project,
                                             (const gint64 *) (void *) self->documents->data,
                                             self->documents->len, cancellable,
                                             on_divergences_found, g_object_ref (self));
}

/* ---- Recomputing ------------------------------------------------------------ */

/* Gives up a count under way (the page left, the project or the documents
 * changed): its result is never shown. */
static void
stop_counting (DossierComparePage *self)
{
  if (self->count_cancellable != NULL)
    g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  g_clear_handle_id (&self->counting_shown_source, g_source_remove);
  gtk_widget_set_visible (self->counting_box, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->matrix), TRUE);
}

/* The count takes a while: what was shown goes, the page says why. */
static gboolean
show_counting (gpointer data)
{
  DossierComparePage *self = data;

  self->counting_shown_source = 0;
  g_clear_pointer (&self->comparison, dossier_comparison_unref);
  dossier_matrix_set_comparison (self->matrix, NULL);
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_widget_set_visible (self->counting_box, TRUE);
  show_excerpts (self);
  return G_SOURCE_REMOVE;
}

/* Holds a reference on the page: the task's callback always comes. */
static void
on_words_counted (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DossierComparePage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean counted;

  counted = dossier_project_count_words_finish (DOSSIER_PROJECT (source), result, &error);
  /* Given up, or another project's: nothing more to do. */
  if (self->count_cancellable == NULL || g_task_get_cancellable (G_TASK (result)) != self->count_cancellable)
    return;
  g_clear_object (&self->count_cancellable);
  g_clear_handle_id (&self->counting_shown_source, g_source_remove);
  gtk_widget_set_visible (self->counting_box, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->matrix), TRUE);
  if (!counted)
    {
      /* The comparison counts them itself then, and says what fails. */
      g_warning ("Could not count the documents’ words: %s", error->message);
      self->count_failed = TRUE;
    }
  dossier_compare_page_update (self);
}

/* The first comparison of long texts counts their words (two of 50 MB:
 * 195 ms of CPU, on the main thread): in a thread, and the page is worked
 * out when they are counted. FALSE if there is nothing to wait for. */
static gboolean
count_words_first (DossierComparePage *self)
{
  const gint64 *ids = (const gint64 *) (void *) self->documents->data;

  stop_counting (self);
  if (self->project == NULL || self->documents->len == 0 || self->count_failed ||
      dossier_project_compare_words_to_count (self->project, ids, self->documents->len) <= COUNT_IN_THREAD_CHARS)
    {
      self->count_failed = FALSE;
      return FALSE;
    }
  self->count_cancellable = g_cancellable_new ();
  /* What was shown stays, greyed, until the count has taken a while. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->matrix), FALSE);
  self->counting_shown_source = g_timeout_add (COUNTING_SHOWN_AFTER_MS, show_counting, self);
  dossier_project_count_words_async (self->project, ids, self->documents->len, self->count_cancellable,
                                     on_words_counted, g_object_ref (self));
  return TRUE;
}

void
dossier_compare_page_update (DossierComparePage *self)
{
  DossierCompareOptions options = DOSSIER_COMPARE_OPTIONS_INIT;
  g_autoptr(DossierComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DOSSIER_IS_COMPARE_PAGE (self));

  g_clear_handle_id (&self->update_source, g_source_remove);
  self->stale = FALSE;
  settle_documents (self);
  rebuild_documents_list (self);
  if (count_words_first (self))
    return;

  options.rows = self->rows;
  options.measure = self->measure;
  options.per_1000_words = self->per_1000_words;
  options.skip_empty = self->hide_empty_rows;
  if (self->project != NULL && self->documents->len > 0)
    comparison = dossier_project_compare (self->project, (const gint64 *) (void *) self->documents->data,
                                          self->documents->len, &options, &error);

  g_clear_pointer (&self->comparison, dossier_comparison_unref);
  if (comparison != NULL)
    self->comparison = dossier_comparison_ref (comparison);
  gtk_widget_set_visible (self->empty_label, comparison == NULL);
  if (error != NULL)
    gtk_label_set_label (GTK_LABEL (self->empty_label), error->message);
  dossier_matrix_set_comparison (self->matrix, comparison);
  show_excerpts (self);
  show_divergences (self);
}

static gboolean
update_idle (gpointer data)
{
  DossierComparePage *self = data;

  self->update_source = 0;
  dossier_compare_page_update (self);
  return G_SOURCE_REMOVE;
}

/* The comparison is worked out while the page is shown, or asked for: a
 * window opening a project of 1,000 documents does not list and compare
 * them all for a page nobody looks at yet. */
static void
queue_update (DossierComparePage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_clear_handle_id (&self->update_source, g_source_remove);
      self->stale = TRUE;
    }
  else if (self->update_source == 0)
    self->update_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_idle, self, NULL);
}

static void
ensure_updated (DossierComparePage *self)
{
  if (self->stale)
    dossier_compare_page_update (self);
}

static void
dossier_compare_page_map (GtkWidget *widget)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (widget);

  /* Before its children are mapped, so that none shows the old state. */
  ensure_updated (self);
  if (self->divergences_left)
    show_divergences (self);
  GTK_WIDGET_CLASS (dossier_compare_page_parent_class)->map (widget);
}

/* Left, the page gives up its divergences' work (a thread busy for
 * seconds): it starts again when the page is shown. */
static void
dossier_compare_page_unmap (GtkWidget *widget)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (widget);

  if (self->divergences_cancellable != NULL)
    {
      set_finding_divergences (self, NULL);
      self->divergences_left = TRUE;
    }
  /* A count given up is started again when the page is shown. */
  if (self->count_cancellable != NULL)
    {
      stop_counting (self);
      self->stale = TRUE;
    }
  GTK_WIDGET_CLASS (dossier_compare_page_parent_class)->unmap (widget);
}

/* ---- Properties and toolbar ---------------------------------------------------- */

static void
set_rows (DossierComparePage *self,
          DossierCompareRows  rows)
{
  if (self->rows == rows)
    return;
  self->rows = rows;
  gtk_drop_down_set_selected (self->rows_dropdown, rows);
  /* Mentions are a stakeholder's. */
  if (rows != DOSSIER_COMPARE_STAKEHOLDERS && self->measure == DOSSIER_COMPARE_MENTIONS)
    {
      self->measure = DOSSIER_COMPARE_HIGHLIGHTS;
      gtk_drop_down_set_selected (self->measure_dropdown, self->measure);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
    }
  dossier_matrix_select (self->matrix, -1, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROWS]);
  queue_update (self);
}

static void
set_measure (DossierComparePage    *self,
             DossierCompareMeasure  measure)
{
  if (self->measure == measure)
    return;
  self->measure = measure;
  gtk_drop_down_set_selected (self->measure_dropdown, measure);
  if (measure == DOSSIER_COMPARE_MENTIONS && self->rows != DOSSIER_COMPARE_STAKEHOLDERS)
    {
      self->rows = DOSSIER_COMPARE_STAKEHOLDERS;
      gtk_drop_down_set_selected (self->rows_dropdown, self->rows);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROWS]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
  queue_update (self);
}

static void
on_rows_selected (DossierComparePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->rows_dropdown);

  if (selected <= DOSSIER_COMPARE_ARGUMENTS)
    set_rows (self, (DossierCompareRows) selected);
}

static void
on_measure_selected (DossierComparePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->measure_dropdown);

  if (selected <= DOSSIER_COMPARE_EVIDENCE)
    set_measure (self, (DossierCompareMeasure) selected);
}

static void
on_project_changed (DossierComparePage *self)
{
  queue_update (self);
}

DossierProject *
dossier_compare_page_get_project (DossierComparePage *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), NULL);
  return self->project;
}

void
dossier_compare_page_set_project (DossierComparePage *self,
                                  DossierProject     *project)
{
  g_return_if_fail (DOSSIER_IS_COMPARE_PAGE (self));
  g_return_if_fail (project == NULL || DOSSIER_IS_PROJECT (project));

  if (self->project == project)
    return;
  stop_counting (self);
  self->project = project;
  self->chosen = FALSE;
  g_array_set_size (self->documents, 0);
  g_signal_group_set_target (self->project_signals, project);
  g_signal_group_set_target (self->documents_signals,
                             project != NULL ? dossier_project_get_documents (project) : NULL);
  g_signal_group_set_target (self->tags_signals, project != NULL ? dossier_project_get_tags (project) : NULL);
  g_signal_group_set_target (self->stakeholders_signals,
                             project != NULL ? dossier_project_get_stakeholders (project) : NULL);
  g_signal_group_set_target (self->arguments_signals,
                             project != NULL ? dossier_project_get_arguments (project) : NULL);
  dossier_matrix_select (self->matrix, -1, -1);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    dossier_compare_page_update (self);
  else
    queue_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
dossier_compare_page_set_documents (DossierComparePage *self,
                                    const gint64       *document_ids,
                                    guint               n_documents)
{
  g_return_if_fail (DOSSIER_IS_COMPARE_PAGE (self));

  g_array_set_size (self->documents, 0);
  for (guint i = 0; i < n_documents; i++)
    if (!is_chosen (self, document_ids[i]))
      g_array_append_val (self->documents, document_ids[i]);
  self->chosen = TRUE;
  dossier_compare_page_update (self);
}

GArray *
dossier_compare_page_get_documents (DossierComparePage *self)
{
  GArray *copy;

  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), NULL);

  ensure_updated (self);
  copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->documents->len);
  g_array_append_vals (copy, self->documents->data, self->documents->len);
  return copy;
}

DossierComparison *
dossier_compare_page_get_comparison (DossierComparePage *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), NULL);
  ensure_updated (self);
  return dossier_matrix_get_comparison (self->matrix);
}

GtkWidget *
dossier_compare_page_get_matrix (DossierComparePage *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), NULL);
  ensure_updated (self);
  return GTK_WIDGET (self->matrix);
}

gboolean
dossier_compare_page_focus_matrix (DossierComparePage *self)
{
  graphene_rect_t area;
  int row, column;

  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), FALSE);
  ensure_updated (self);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->matrix)) || !gtk_widget_grab_focus (GTK_WIDGET (self->matrix)))
    return FALSE;
  /* Where the first arrow key would land: the first cell, or the first
   * document's heading when there are no rows. */
  dossier_matrix_get_selection (self->matrix, &row, &column);
  if (row == -1 && column == -1)
    {
      if (dossier_matrix_get_cell_area (self->matrix, 0, 0, &area))
        dossier_matrix_select (self->matrix, 0, 0);
      else if (dossier_matrix_get_cell_area (self->matrix, -1, 0, &area))
        dossier_matrix_select (self->matrix, -1, 0);
    }
  return TRUE;
}

GPtrArray *
dossier_compare_page_get_excerpts (DossierComparePage *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), NULL);
  ensure_updated (self);
  return self->excerpts;
}

GPtrArray *
dossier_compare_page_get_divergences (DossierComparePage *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), NULL);
  ensure_updated (self);
  return self->divergences;
}

gboolean
dossier_compare_page_get_counting_words (DossierComparePage *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), FALSE);
  return self->count_cancellable != NULL;
}

gboolean
dossier_compare_page_get_finding_divergences (DossierComparePage *self)
{
  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), FALSE);
  return self->divergences_cancellable != NULL;
}

/* ---- Export --------------------------------------------------------------------- */

static gboolean
write_bytes (GOutputStream  *stream,
             gpointer        user_data,
             GCancellable   *cancellable,
             GError        **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (user_data, &size);

  return g_output_stream_write_all (stream, data, size, NULL, cancellable, error);
}

/* The excerpts are those of what is selected in the matrix: with nothing
 * selected, there are none to export. */
static gboolean
has_excerpts (DossierComparePage  *self,
              GError             **error)
{
  if (self->excerpts != NULL)
    return TRUE;
  g_set_error_literal (error, DOSSIER_COMPARE_ERROR, DOSSIER_COMPARE_ERROR_INVALID,
                       _("Select a cell, a row or a document in the matrix first: its passages "
                         "side by side are what is exported."));
  return FALSE;
}

gboolean
dossier_compare_page_export (DossierComparePage   *self,
                             DossierCompareExport  what,
                             const char           *path,
                             GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;
  char *text = NULL;
  /* What is shown: sorted, filtered, collapsed as on the page. */
  DossierComparison *shown;

  g_return_val_if_fail (DOSSIER_IS_COMPARE_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ensure_updated (self);
  shown = dossier_matrix_get_comparison (self->matrix);
  if (shown == NULL)
    {
      g_set_error (error, DOSSIER_COMPARE_ERROR, DOSSIER_COMPARE_ERROR_NO_DOCUMENTS,
                   _("Choose at least one document to compare"));
      return FALSE;
    }

  switch (what)
    {
    case DOSSIER_COMPARE_EXPORT_CSV:
      text = dossier_comparison_to_string (shown, DOSSIER_COMPARE_FORMAT_CSV, error);
      break;
    case DOSSIER_COMPARE_EXPORT_SVG:
    case DOSSIER_COMPARE_EXPORT_PNG:
      bytes = dossier_render_matrix_bytes (shown,
                                           what == DOSSIER_COMPARE_EXPORT_SVG ? DOSSIER_RENDER_SVG
                                                                              : DOSSIER_RENDER_PNG,
                                           error);
      if (bytes == NULL)
        return FALSE;
      break;
    case DOSSIER_COMPARE_EXPORT_MARKDOWN:
    case DOSSIER_COMPARE_EXPORT_HTML:
      if (!has_excerpts (self, error))
        return FALSE;
      text = dossier_compare_excerpts_to_string (shown, self->excerpts,
                                                 gtk_label_get_label (self->excerpts_title),
                                                 what == DOSSIER_COMPARE_EXPORT_HTML
                                                 ? DOSSIER_COMPARE_FORMAT_HTML
                                                 : DOSSIER_COMPARE_FORMAT_MARKDOWN,
                                                 error);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  if (bytes == NULL)
    {
      if (text == NULL)
        return FALSE;
      bytes = g_bytes_new_take (text, strlen (text));
    }
  return dossier_export_write_to_path (path, write_bytes, bytes, NULL, error);
}

static const struct { const char *name; DossierCompareExport what; const char *extension; } exports[] = {
  { "csv", DOSSIER_COMPARE_EXPORT_CSV, "csv" },
  { "svg", DOSSIER_COMPARE_EXPORT_SVG, "svg" },
  { "png", DOSSIER_COMPARE_EXPORT_PNG, "png" },
  { "markdown", DOSSIER_COMPARE_EXPORT_MARKDOWN, "md" },
  { "html", DOSSIER_COMPARE_EXPORT_HTML, "html" },
};

static void
on_export_path_chosen (GtkWidget  *widget,
                       const char *path,
                       gpointer    export)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (widget);
  guint index = GPOINTER_TO_UINT (export);
  g_autoptr(GError) error = NULL;

  if (!dossier_compare_page_export (self, exports[index].what, path, &error))
    dossier_present_error (GTK_WINDOW (gtk_widget_get_root (widget)),
                           _("The comparison could not be exported"), error->message);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autofree char *suggested = NULL;
  guint index;

  ensure_updated (self);
  for (index = 0; index < G_N_ELEMENTS (exports); index++)
    if (strcmp (exports[index].name, name) == 0)
      break;
  if (index == G_N_ELEMENTS (exports) || self->comparison == NULL)
    return;
  if (exports[index].what >= DOSSIER_COMPARE_EXPORT_MARKDOWN)
    {
      g_autoptr(GError) error = NULL;

      /* Said before a file is chosen, not after. */
      if (!has_excerpts (self, &error))
        {
          dossier_show_toast (widget, error->message, FALSE);
          return;
        }
    }

  /* Translators: the file name offered for an export of the comparison. */
  suggested = g_strdup_printf ("%s.%s", exports[index].what >= DOSSIER_COMPARE_EXPORT_MARKDOWN
                                        ? _("excerpts") : _("comparison"),
                               exports[index].extension);
  dossier_ask_save_path (widget, self->project, _("Export the Comparison"), _("_Export"), suggested,
                         on_export_path_chosen, GUINT_TO_POINTER (index), NULL);
}

/* ---- GObject -------------------------------------------------------------------- */

GtkWidget *
dossier_compare_page_new (void)
{
  return g_object_new (DOSSIER_TYPE_COMPARE_PAGE, NULL);
}

static void
dossier_compare_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_ROWS:
      g_value_set_int (value, self->rows);
      break;
    case PROP_MEASURE:
      g_value_set_int (value, self->measure);
      break;
    case PROP_PER_1000_WORDS:
      g_value_set_boolean (value, self->per_1000_words);
      break;
    case PROP_HIDE_EMPTY_ROWS:
      g_value_set_boolean (value, self->hide_empty_rows);
      break;
    case PROP_SORT_ROWS:
      g_value_set_string (value, get_sort_rows (self));
      break;
    case PROP_SORT_DOCUMENTS:
      g_value_set_string (value, get_sort_documents (self));
      break;
    case PROP_FINDING_DIVERGENCES:
      g_value_set_boolean (value, self->divergences_cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_compare_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      dossier_compare_page_set_project (self, g_value_get_object (value));
      break;
    case PROP_ROWS:
      set_rows (self, (DossierCompareRows) g_value_get_int (value));
      break;
    case PROP_MEASURE:
      set_measure (self, (DossierCompareMeasure) g_value_get_int (value));
      break;
    case PROP_PER_1000_WORDS:
    case PROP_HIDE_EMPTY_ROWS:
      {
        gboolean *flag = prop_id == PROP_PER_1000_WORDS ? &self->per_1000_words : &self->hide_empty_rows;

        if (*flag != g_value_get_boolean (value))
          {
            *flag = g_value_get_boolean (value);
            g_object_notify_by_pspec (object, pspec);
            queue_update (self);
          }
      }
      break;
    case PROP_SORT_ROWS:
      set_sort_rows (self, g_value_get_string (value));
      break;
    case PROP_SORT_DOCUMENTS:
      set_sort_documents (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_compare_page_dispose (GObject *object)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->divergences_cancellable != NULL)
    g_cancellable_cancel (self->divergences_cancellable);
  g_clear_object (&self->divergences_cancellable);
  if (self->count_cancellable != NULL)
    g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  g_clear_handle_id (&self->counting_shown_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_COMPARE_PAGE);
  /* The separator has no id to be disposed by. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->project_signals);
  g_clear_object (&self->documents_signals);
  g_clear_object (&self->tags_signals);
  g_clear_object (&self->stakeholders_signals);
  g_clear_object (&self->arguments_signals);
  g_clear_pointer (&self->comparison, dossier_comparison_unref);
  g_clear_pointer (&self->excerpts, g_ptr_array_unref);
  g_clear_pointer (&self->divergences, g_ptr_array_unref);
  self->project = NULL;
  G_OBJECT_CLASS (dossier_compare_page_parent_class)->dispose (object);
}

static void
dossier_compare_page_finalize (GObject *object)
{
  DossierComparePage *self = DOSSIER_COMPARE_PAGE (object);

  g_array_unref (self->documents);
  G_OBJECT_CLASS (dossier_compare_page_parent_class)->finalize (object);
}

/* Set in init rather than in the template: see
 * dossier_set_template_tooltips (). */
static const DossierTemplateTooltip compare_tooltips[] = {
  { "documents_button", N_("Choose and order the documents compared") },
  { "rows_dropdown", N_("What the rows are") },
  { "measure_dropdown", N_("What a cell counts") },
  { "per_1000_toggle", N_("Count per 1,000 words, so that long and short articles compare fairly") },
  { "hide_empty_toggle", N_("Leave out the rows that count nothing in any of the documents compared") },
  { "sort_button", N_("Sort the rows and the documents (a click on a document’s heading sorts the rows by it)") },
  { "export_button", N_("Export") },
  { "filter_entry", N_("Show only the rows whose name holds this (Ctrl+F)") },
};

static void
dossier_compare_page_class_init (DossierComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = dossier_compare_page_get_property;
  object_class->set_property = dossier_compare_page_set_property;
  object_class->dispose = dossier_compare_page_dispose;
  object_class->finalize = dossier_compare_page_finalize;
  widget_class->map = dossier_compare_page_map;
  widget_class->unmap = dossier_compare_page_unmap;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, DOSSIER_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ROWS] =
    g_param_spec_int ("rows", NULL, NULL, DOSSIER_COMPARE_TAGS, DOSSIER_COMPARE_ARGUMENTS,
                      DOSSIER_COMPARE_TAGS,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MEASURE] =
    g_param_spec_int ("measure", NULL, NULL, DOSSIER_COMPARE_HIGHLIGHTS, DOSSIER_COMPARE_EVIDENCE,
                      DOSSIER_COMPARE_HIGHLIGHTS,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PER_1000_WORDS] =
    g_param_spec_boolean ("per-1000-words", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Rows that count nothing in any document compared are left out. */
  properties[PROP_HIDE_EMPTY_ROWS] =
    g_param_spec_boolean ("hide-empty-rows", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* How the matrix is sorted, as its sort menu names it: rows "order",
   * "name", "name-desc", "total", "total-asc" (and "document", by a
   * document's heading); documents "order", "title", "date", "date-desc",
   * "outlet", "total". */
  properties[PROP_SORT_ROWS] =
    g_param_spec_string ("sort-rows", NULL, NULL, "order",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SORT_DOCUMENTS] =
    g_param_spec_string ("sort-documents", NULL, NULL, "order",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The divergences are being worked out (read-only). */
  properties[PROP_FINDING_DIVERGENCES] =
    g_param_spec_boolean ("finding-divergences", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);
  signals[CITE_HIGHLIGHT] =
    g_signal_new ("cite-highlight", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  index_quark = g_quark_from_static_string ("dossier-compare-page-index");

  g_type_ensure (DOSSIER_TYPE_MATRIX);
  g_type_ensure (DOSSIER_TYPE_WRAP_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, documents_list);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, rows_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, measure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, counting_box);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, no_match_label);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, matrix);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, excerpts_title);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, excerpts_hint);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, excerpts_box);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, divergences_hint);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, divergences_busy);
  gtk_widget_class_bind_template_child (widget_class, DossierComparePage, divergences_list);
  gtk_widget_class_bind_template_child_full (widget_class, "documents_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "per_1000_toggle", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "hide_empty_toggle", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "sort_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "export_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_rows_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_measure_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_matrix_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_matrix_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_divergence_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_matrix_arrangement_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_activate);

  gtk_widget_class_install_action (widget_class, "compare.export", "s", export_action);
  gtk_widget_class_install_property_action (widget_class, "compare.per-1000-words", "per-1000-words");
  gtk_widget_class_install_property_action (widget_class, "compare.hide-empty-rows", "hide-empty-rows");
  gtk_widget_class_install_property_action (widget_class, "compare.sort-rows", "sort-rows");
  gtk_widget_class_install_property_action (widget_class, "compare.sort-documents", "sort-documents");
  /* Ctrl+F filters the rows: in the page, and from anywhere in the window,
   * which passes Ctrl+F on as reader.find to the page shown. */
  gtk_widget_class_install_action (widget_class, "compare.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "reader.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "compare.find", NULL);
}

static void
dossier_compare_page_init (DossierComparePage *self)
{
  self->documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rows = DOSSIER_COMPARE_TAGS;
  self->measure = DOSSIER_COMPARE_HIGHLIGHTS;

  gtk_widget_init_template (GTK_WIDGET (self));
  dossier_set_template_tooltips (GTK_WIDGET (self), DOSSIER_TYPE_COMPARE_PAGE,
                                 compare_tooltips, G_N_ELEMENTS (compare_tooltips));
  catch_wheel (self, GTK_WIDGET (self->excerpts_box), "dossier-excerpts-wheel", G_CALLBACK (on_excerpts_wheel));
  catch_wheel (self, GTK_WIDGET (self->matrix), "dossier-matrix-wheel", G_CALLBACK (on_matrix_wheel));
  /* Its menus not covered by their buttons' tooltips. */
  dossier_hold_menu_tooltips (GTK_WIDGET (self));

  self->project_signals = g_signal_group_new (DOSSIER_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "highlights-changed",
                                  G_CALLBACK (on_project_changed), self);
  g_signal_group_connect_swapped (self->project_signals, "document-text-changed",
                                  G_CALLBACK (on_project_changed), self);
  self->documents_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->documents_signals, "items-changed",
                                  G_CALLBACK (on_project_changed), self);
  self->tags_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->tags_signals, "items-changed",
                                  G_CALLBACK (on_project_changed), self);
  self->stakeholders_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->stakeholders_signals, "items-changed",
                                  G_CALLBACK (on_project_changed), self);
  self->arguments_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->arguments_signals, "items-changed",
                                  G_CALLBACK (on_project_changed), self);
}
