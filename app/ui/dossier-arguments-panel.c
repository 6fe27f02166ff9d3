/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-arguments-panel.c — the "Pros & Cons" panel of the right sidebar.
 *
 * The columns are the project's live list of arguments filtered by
 * question and side: the core keeps one DossierArgument per argument and
 * splices its list exactly, so an edit rebinds one row and a reorder moves
 * one. The columns sit side by side when the sidebar has room for two,
 * one after the other when it has not (DossierColumnsLayout).
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-argument-row.h"
#include "dossier-arguments-panel.h"
#include "dossier-columns-layout.h"
#include "dossier-suggestions-section.h"
#include "dossier-text-dialog.h"
#include "dossier-ui-utils.h"

struct _DossierArgumentsPanel
{
  DossierPanel        parent_instance;

  /* template */
  GtkMenuButton      *question_add_button;
  GtkPopover         *question_popover;
  GtkEntry           *question_entry;
  GtkMenuButton      *question_menu_button;
  GtkDropDown        *question_dropdown;
  GtkLabel           *balance_label;
  GtkStack           *content_stack;
  GtkWidget          *columns;
  GtkLabel           *pro_title;
  GtkLabel           *con_title;
  GtkMenuButton      *pro_add_button;
  GtkMenuButton      *con_add_button;
  GtkPopover         *pro_add_popover;
  GtkPopover         *con_add_popover;
  GtkEntry           *pro_add_entry;
  GtkEntry           *con_add_entry;
  GtkLabel           *pro_add_quote;
  GtkLabel           *con_add_quote;
  GtkLabel           *pro_empty;
  GtkLabel           *con_empty;
  GtkWidget          *pro_scroller;
  GtkWidget          *con_scroller;
  GtkGridView        *pro_list;           /* of one column: see the template */
  GtkGridView        *con_list;
  AdwStatusPage      *empty_page;
  DossierSuggestionsSection *suggestions;

  GtkFilterListModel *pro_model;
  GtkFilterListModel *con_model;
  GtkCustomFilter    *pro_filter;
  GtkCustomFilter    *con_filter;
  GHashTable         *expanded;           /* ids (gint64 *) of the arguments unfolded */
  GSignalGroup       *project_signals;
  GSignalGroup       *questions_signals;
  GSignalGroup       *question_signals;    /* the question shown */
  gint64              document_id;
  gint64              question_id;
  GPtrArray          *pending;            /* suggestions accepted before there was a question */
  gint64              pending_document_id;
  gint64              selection_start;
  gint64              selection_end;
  /* The reader's selection a pro's or a con's + was opened with: cited
   * as the new argument's evidence (end 0: opened without one). */
  gint64              add_document_id;
  gint64              add_start;
  gint64              add_end;
  gboolean            selecting;          /* the dropdown is being set, not chosen */
};

G_DEFINE_FINAL_TYPE (DossierArgumentsPanel, dossier_arguments_panel, DOSSIER_TYPE_PANEL)

enum {
  PROP_0,
  PROP_DOCUMENT_ID,
  PROP_QUESTION_ID,
  N_PROPS
};

enum {
  HIGHLIGHT_ACTIVATED,
  SELECTION_CITED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define PROJECT(self) dossier_panel_get_project (DOSSIER_PANEL (self))

static DossierQuestion *
current_question (DossierArgumentsPanel *self)
{
  if (PROJECT (self) == NULL || self->question_id == 0)
    return NULL;
  return dossier_project_get_question (PROJECT (self), self->question_id);
}

/* ---- the columns ------------------------------------------------------------------ */

static gboolean
filter_pro (gpointer item,
            gpointer data)
{
  DossierArgumentsPanel *self = data;

  return dossier_argument_get_question_id (item) == self->question_id &&
         dossier_argument_get_polarity (item) == DOSSIER_POLARITY_PRO;
}

static gboolean
filter_con (gpointer item,
            gpointer data)
{
  DossierArgumentsPanel *self = data;

  return dossier_argument_get_question_id (item) == self->question_id &&
         dossier_argument_get_polarity (item) == DOSSIER_POLARITY_CON;
}

/* Another question shown. An argument that changes sides or questions
 * needs no filtering again: the project's list splices it even where it
 * keeps its place. */
static void
refilter (DossierArgumentsPanel *self)
{
  gtk_filter_changed (GTK_FILTER (self->pro_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->con_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
update_empty (DossierArgumentsPanel *self)
{
  gboolean pros = g_list_model_get_n_items (G_LIST_MODEL (self->pro_model)) > 0;
  gboolean cons = g_list_model_get_n_items (G_LIST_MODEL (self->con_model)) > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->pro_empty), !pros);
  gtk_widget_set_visible (self->pro_scroller, pros);
  gtk_widget_set_visible (GTK_WIDGET (self->con_empty), !cons);
  gtk_widget_set_visible (self->con_scroller, cons);
}

static void
row_highlight_activated (DossierArgumentsPanel *self,
                         gint64                 document_id,
                         gint64                 highlight_id)
{
  g_signal_emit (self, signals[HIGHLIGHT_ACTIVATED], 0, document_id, highlight_id);
}

/* The place of @argument in @column, or G_MAXUINT. */
static guint
find_in_column (GListModel      *column,
                DossierArgument *argument)
{
  for (guint i = 0; i < g_list_model_get_n_items (column); i++)
    {
      g_autoptr(DossierArgument) item = g_list_model_get_item (column, i);

      if (item == argument)
        return i;
    }
  return G_MAXUINT;
}

/* Puts the focus on @argument's place in @list, scrolled into sight. */
static void
focus_argument (DossierArgumentsPanel *self,
                GtkGridView           *list,
                DossierArgument       *argument)
{
  guint position = find_in_column (G_LIST_MODEL (gtk_grid_view_get_model (list)), argument);

  if (position != G_MAXUINT)
    dossier_panel_focus_item (DOSSIER_PANEL (self), GTK_WIDGET (list), position, argument);
}

static void
row_cite_selection (DossierArgumentsPanel *self,
                    DossierArgumentRow    *row)
{
  DossierArgument *argument = dossier_row_get_item (DOSSIER_ROW (row));
  GtkWidget *list = gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_GRID_VIEW);

  /* From its menu, whose button would keep the focus: the argument takes
   * it, as from its keys. */
  if (argument != NULL && dossier_arguments_panel_cite_selection (self, dossier_argument_get_id (argument)) &&
      list != NULL)
    focus_argument (self, GTK_GRID_VIEW (list), argument);
}

static void
row_highlight_dropped (DossierArgumentsPanel *self,
                       DossierHighlight      *highlight,
                       DossierArgumentRow    *row)
{
  DossierArgument *argument = dossier_row_get_item (DOSSIER_ROW (row));

  if (argument != NULL)
    dossier_arguments_panel_cite_highlight (self, dossier_argument_get_id (argument),
                                            dossier_highlight_get_id (highlight));
}

/* Unfolded is a property of the argument, not of the row showing it: the
 * list view hands rows from one argument to another as it scrolls. */
static void
row_expanded_changed (DossierArgumentsPanel *self,
                      GParamSpec            *pspec,
                      DossierArgumentRow    *row)
{
  DossierArgument *argument = dossier_row_get_item (DOSSIER_ROW (row));
  gint64 id;

  if (argument == NULL)
    return;
  id = dossier_argument_get_id (argument);
  if (dossier_argument_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->expanded, &id);
}

static void
dossier_arguments_panel_bind_row (DossierPanel *panel,
                                  DossierRow   *row)
{
  DossierArgumentsPanel *self = DOSSIER_ARGUMENTS_PANEL (panel);
  DossierArgument *argument;
  gint64 id;

  if (!DOSSIER_IS_ARGUMENT_ROW (row) || (argument = dossier_row_get_item (row)) == NULL)
    return;
  id = dossier_argument_get_id (argument);
  dossier_argument_row_set_expanded (DOSSIER_ARGUMENT_ROW (row),
                                     g_hash_table_contains (self->expanded, &id));
}

static void
setup_row (DossierArgumentsPanel *self,
           GtkListItem           *list_item)
{
  GtkWidget *row = g_object_new (DOSSIER_TYPE_ARGUMENT_ROW, "list-item", list_item, NULL);

  g_signal_connect_object (row, "highlight-activated", G_CALLBACK (row_highlight_activated),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "cite-selection", G_CALLBACK (row_cite_selection),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "highlight-dropped", G_CALLBACK (row_highlight_dropped),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (row_expanded_changed),
                           self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (list_item, row);
}

static void
on_row_activated (DossierArgumentsPanel *self,
                  guint                  position,
                  GtkGridView           *list)
{
  g_autoptr(DossierArgument) argument = g_list_model_get_item (G_LIST_MODEL (gtk_grid_view_get_model (list)),
                                                               position);
  DossierRow *row;

  /* Activating an argument (Enter) unfolds the passages it cites; a
   * click on it does too (the row's own gesture). */
  if (argument == NULL)
    return;
  row = dossier_panel_find_row (DOSSIER_PANEL (self), argument);
  if (row != NULL && DOSSIER_IS_ARGUMENT_ROW (row))
    dossier_argument_row_set_expanded (DOSSIER_ARGUMENT_ROW (row),
                                       !dossier_argument_row_get_expanded (DOSSIER_ARGUMENT_ROW (row)));
}

/* The keys of a focused argument (its row's bindings: Delete, Alt+Up,
 * Alt+Down, Ctrl+E) when the focus is on its place in the list, where
 * they do not pass through the row: the row's action named in @args.
 * The focus then follows the argument (moved up or down, the keys go on
 * moving it), or goes to the one that took its place (deleted), or to
 * the column's add button (its last one deleted). */
static gboolean
row_key (GtkWidget *list,
         GVariant  *args,
         gpointer   data)
{
  DossierArgumentsPanel *self = data;
  DossierRow *row = dossier_panel_get_focus_row (DOSSIER_PANEL (self), list);
  GListModel *column = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)));
  g_autoptr(DossierArgument) argument = NULL;
  guint position;

  if (row == NULL || !DOSSIER_IS_ARGUMENT_ROW (row) || dossier_row_get_item (row) == NULL)
    return FALSE;
  argument = g_object_ref (dossier_row_get_item (row));
  if (!gtk_widget_activate_action (GTK_WIDGET (row), g_variant_get_string (args, NULL), NULL))
    return FALSE;

  dossier_panel_show_focus_ring (DOSSIER_PANEL (self));
  /* Deleted, the row's action has placed the focus. */
  position = find_in_column (column, argument);
  if (position != G_MAXUINT)
    dossier_arguments_panel_focus_in_column (self, list, position);
  return TRUE;
}

void
dossier_arguments_panel_focus_in_column (DossierArgumentsPanel *self,
                                         GtkWidget             *list,
                                         guint                  position)
{
  GListModel *column;
  guint n;

  g_return_if_fail (DOSSIER_IS_ARGUMENTS_PANEL (self));
  g_return_if_fail (list == GTK_WIDGET (self->pro_list) || list == GTK_WIDGET (self->con_list));

  column = G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)));
  n = g_list_model_get_n_items (column);
  if (n == 0)
    {
      /* The column emptied: its own add button, not the next one GTK
       * finds (the other column's). */
      gtk_widget_grab_focus (GTK_WIDGET (list == GTK_WIDGET (self->pro_list) ? self->pro_add_button
                                                                             : self->con_add_button));
      return;
    }
  {
    g_autoptr(DossierArgument) next = g_list_model_get_item (column, MIN (position, n - 1));

    dossier_panel_focus_item (DOSSIER_PANEL (self), list, MIN (position, n - 1), next);
  }
}

/* Enter on an argument's place in the list (not on its ⋮ button or a
 * passage, whose Enter is theirs) unfolds or folds it, its ring shown at
 * once: taken before the list item, whose own Enter (the list's
 * activation, on_row_activated) did the same without the ring, which
 * showed only after the next key. */
static gboolean
enter_key (GtkWidget *list,
           GVariant  *args,
           gpointer   data)
{
  DossierRow *row = dossier_panel_get_focus_row (DOSSIER_PANEL (data), list);
  DossierArgumentRow *argument_row;

  if (row == NULL || !DOSSIER_IS_ARGUMENT_ROW (row) || dossier_row_get_item (row) == NULL ||
      !gtk_widget_has_focus (gtk_widget_get_parent (GTK_WIDGET (row))))
    return FALSE;
  argument_row = DOSSIER_ARGUMENT_ROW (row);
  dossier_argument_row_set_expanded (argument_row, !dossier_argument_row_get_expanded (argument_row));
  dossier_panel_show_focus_ring (DOSSIER_PANEL (data));
  return TRUE;
}

static void
add_row_keys (DossierArgumentsPanel *self,
              GtkWidget             *list)
{
  GtkEventController *enter = gtk_shortcut_controller_new ();
  static const struct { guint keyval; GdkModifierType mods; const char *action; } keys[] = {
    { GDK_KEY_Delete, 0, "argument.delete" },
    { GDK_KEY_Up, GDK_ALT_MASK, "argument.move-up" },
    { GDK_KEY_Down, GDK_ALT_MASK, "argument.move-down" },
    { GDK_KEY_e, GDK_CONTROL_MASK, "argument.cite" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (keys[i].keyval, keys[i].mods),
                                       gtk_callback_action_new (row_key, self, NULL),
                                       "s", keys[i].action));
  gtk_widget_add_controller (list, controller);

  gtk_event_controller_set_propagation_phase (enter, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < 2; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (enter),
      gtk_shortcut_new (gtk_keyval_trigger_new (i == 0 ? GDK_KEY_Return : GDK_KEY_KP_Enter, 0),
                        gtk_callback_action_new (enter_key, self, NULL)));
  gtk_widget_add_controller (list, enter);
}

static void
update_balance (DossierArgumentsPanel *self)
{
  DossierQuestion *q = current_question (self);
  guint pros, cons, pro_strength, con_strength;
  g_autofree char *pro_title = NULL;
  g_autofree char *con_title = NULL;
  g_autofree char *pro_text = NULL;
  g_autofree char *con_text = NULL;
  g_autofree char *balance = NULL;
  const char *verdict;

  if (q == NULL)
    {
      gtk_label_set_text (self->balance_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->balance_label), FALSE);
      return;
    }

  pros = dossier_question_get_n_pros (q);
  cons = dossier_question_get_n_cons (q);
  pro_strength = dossier_question_get_pro_strength (q);
  con_strength = dossier_question_get_con_strength (q);

  /* Translators: a column's heading with its count, "Pros (5)" */
  pro_title = g_strdup_printf (_("Pros (%u)"), pros);
  con_title = g_strdup_printf (_("Cons (%u)"), cons);
  gtk_label_set_text (self->pro_title, pro_title);
  gtk_label_set_text (self->con_title, con_title);

  if (pros == 0 && cons == 0)
    {
      gtk_label_set_text (self->balance_label, _("No arguments yet: add them with + above each column."));
      gtk_widget_set_visible (GTK_WIDGET (self->balance_label), TRUE);
      return;
    }

  /* The strengths the user gave, summed: a rough weighing, said as one. */
  if (pro_strength > con_strength + con_strength / 4)
    verdict = _("Leans for");
  else if (con_strength > pro_strength + pro_strength / 4)
    verdict = _("Leans against");
  else
    verdict = _("Evenly balanced");

  /* Translators: "5 pros, total strength 19" */
  pro_text = g_strdup_printf (ngettext ("%u pro, total strength %u", "%u pros, total strength %u", pros),
                              pros, pro_strength);
  con_text = g_strdup_printf (ngettext ("%u con, total strength %u", "%u cons, total strength %u", cons),
                              cons, con_strength);
  /* Translators: the balance of a question: verdict — pros · cons */
  balance = g_strdup_printf (_("%s — %s · %s"), verdict, pro_text, con_text);
  gtk_label_set_text (self->balance_label, balance);
  gtk_widget_set_visible (GTK_WIDGET (self->balance_label), TRUE);
}

static void
add_argument (DossierArgumentsPanel *self,
              DossierPolarity        polarity,
              GtkEntry              *entry,
              GtkPopover            *popover)
{
  g_autofree char *statement = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;
  gboolean citing = self->add_end > self->add_start;
  gint64 id;

  if (current_question (self) == NULL || statement[0] == '\0')
    return;

  /* With a passage selected, the argument and its evidence in one undo
   * step, as the Stakeholders panel's + makes a stakeholder. */
  if (citing)
    {
      DossierArgumentFields fields = DOSSIER_ARGUMENT_FIELDS_INIT;

      fields.question_id = self->question_id;
      fields.polarity = polarity;
      fields.statement = statement;
      id = dossier_project_add_argument_citing (PROJECT (self), &fields, self->add_document_id,
                                                self->add_start, self->add_end, NULL, &error);
    }
  else
    id = dossier_project_add_argument (PROJECT (self), self->question_id, polarity, statement,
                                       0, DOSSIER_STRENGTH_DEFAULT, &error);
  if (id == 0)
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not add the argument"), error);
      return;
    }
  gtk_popover_popdown (popover);
  if (citing)
    g_signal_emit (self, signals[SELECTION_CITED], 0, self->add_document_id, self->add_start, self->add_end);
  /* At the end of its column, in sight and focused, for its menu or
   * another key. */
  focus_argument (self, polarity == DOSSIER_POLARITY_PRO ? self->pro_list : self->con_list,
                  dossier_project_get_argument (PROJECT (self), id));
}

static void
on_pro_add (DossierArgumentsPanel *self)
{
  add_argument (self, DOSSIER_POLARITY_PRO, self->pro_add_entry, self->pro_add_popover);
}

static void
on_con_add (DossierArgumentsPanel *self)
{
  add_argument (self, DOSSIER_POLARITY_CON, self->con_add_entry, self->con_add_popover);
}

/* How much of the passage the popover of + quotes. */
#define ADD_QUOTE_CHARS 80

/* The reader's selection as a pro's or a con's + opens: what the new
 * argument will cite, quoted on one line under its statement. */
static void
take_selection_for_add (DossierArgumentsPanel *self,
                        GtkLabel              *quote)
{
  g_autofree char *text = NULL;
  g_autofree char *passage = NULL;
  g_autofree char *line = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *label = NULL;
  const char *open, *close;

  self->add_document_id = self->add_start = self->add_end = 0;
  if (PROJECT (self) != NULL && self->document_id != 0 && self->selection_end > self->selection_start)
    text = dossier_project_get_document_text (PROJECT (self), self->document_id, NULL);
  if (text != NULL)
    {
      /* A few times what is shown: its runs of spaces become one. */
      passage = dossier_text_slice (text, self->selection_start,
                                    MIN (self->selection_end, self->selection_start + 4 * ADD_QUOTE_CHARS));
      line = dossier_text_join_lines (passage);
    }
  if (line == NULL || line[0] == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (quote), FALSE);
      return;
    }

  self->add_document_id = self->document_id;
  self->add_start = self->selection_start;
  self->add_end = self->selection_end;
  shown = dossier_text_shorten (line, ADD_QUOTE_CHARS);
  dossier_text_quote_marks (shown, &open, &close);
  if (g_str_equal (open, "“") && g_str_equal (close, "”"))
    /* Translators: under the statement of a new argument, the passage
     * selected in the reader that it will cite */
    label = g_strdup_printf (_("Cites “%s”"), shown);
  else
    {
      /* A quotation already, or part of one: only the marks it lacks. */
      g_autofree char *quoted = g_strconcat (open, shown, close, NULL);

      /* Translators: under the statement of a new argument, the passage
       * selected in the reader that it will cite, in its own quotation
       * marks */
      label = g_strdup_printf (_("Cites %s"), quoted);
    }
  gtk_label_set_text (quote, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (quote), label);
  gtk_widget_set_visible (GTK_WIDGET (quote), TRUE);
}

static void
on_add_popover_show (DossierArgumentsPanel *self,
                     GtkPopover            *popover)
{
  GtkWidget *entry = popover == self->pro_add_popover ? GTK_WIDGET (self->pro_add_entry)
                   : popover == self->con_add_popover ? GTK_WIDGET (self->con_add_entry)
                   : GTK_WIDGET (self->question_entry);

  if (popover == self->pro_add_popover || popover == self->con_add_popover)
    take_selection_for_add (self, popover == self->pro_add_popover ? self->pro_add_quote : self->con_add_quote);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (entry);
}

gboolean
dossier_arguments_panel_cite_selection (DossierArgumentsPanel *self,
                                        gint64                 argument_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DOSSIER_IS_ARGUMENTS_PANEL (self), FALSE);

  if (PROJECT (self) == NULL || dossier_project_get_argument (PROJECT (self), argument_id) == NULL)
    return FALSE;
  if (self->document_id == 0 || self->selection_end <= self->selection_start)
    {
      dossier_panel_show_toast (DOSSIER_PANEL (self), _("Select a passage in the reader first"), FALSE);
      return FALSE;
    }
  if (dossier_project_add_argument_evidence_range (PROJECT (self), argument_id, self->document_id,
                                                   self->selection_start, self->selection_end,
                                                   "", &error) == 0)
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not cite the selection"), error);
      return FALSE;
    }
  dossier_panel_show_toast (DOSSIER_PANEL (self), _("Evidence cited"), TRUE);
  g_signal_emit (self, signals[SELECTION_CITED], 0, self->document_id, self->selection_start, self->selection_end);
  return TRUE;
}

gboolean
dossier_arguments_panel_cite_highlight (DossierArgumentsPanel *self,
                                        gint64                 argument_id,
                                        gint64                 highlight_id)
{
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  DossierArgument *argument;

  g_return_val_if_fail (DOSSIER_IS_ARGUMENTS_PANEL (self), FALSE);

  if (PROJECT (self) == NULL ||
      (argument = dossier_project_get_argument (PROJECT (self), argument_id)) == NULL)
    return FALSE;
  if (!dossier_panel_is_writable (DOSSIER_PANEL (self)))
    {
      dossier_panel_show_toast (DOSSIER_PANEL (self), _("This project is open read-only"), FALSE);
      return FALSE;
    }

  /* Citing again would only rewrite the note: say it is there instead. */
  evidence = dossier_project_list_argument_evidence (PROJECT (self), argument_id, &error);
  if (evidence == NULL)
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not cite the passage"), error);
      return FALSE;
    }
  for (guint i = 0; i < evidence->len; i++)
    if (dossier_highlight_get_id (((DossierEvidence *) g_ptr_array_index (evidence, i))->highlight) == highlight_id)
      {
        dossier_panel_show_toast (DOSSIER_PANEL (self), _("That passage is already evidence for this argument"),
                                  FALSE);
        return FALSE;
      }

  if (!dossier_project_add_argument_evidence (PROJECT (self), argument_id, highlight_id, "", &error))
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not cite the passage"), error);
      return FALSE;
    }
  /* Translators: a toast after a highlight was dropped on an argument */
  message = g_strdup_printf (_("Passage cited for “%s”"), dossier_argument_get_statement (argument));
  dossier_panel_show_toast (DOSSIER_PANEL (self), message, TRUE);
  return TRUE;
}

/* ---- questions ---------------------------------------------------------------------- */

static void
show_question (DossierArgumentsPanel *self)
{
  DossierQuestion *q = current_question (self);
  gboolean writable = dossier_panel_is_writable (DOSSIER_PANEL (self));
  GListModel *questions = PROJECT (self) ? dossier_project_get_questions (PROJECT (self)) : NULL;
  guint n = questions ? g_list_model_get_n_items (questions) : 0;
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; q != NULL && i < n; i++)
    {
      g_autoptr(DossierQuestion) item = g_list_model_get_item (questions, i);

      if (item == q)
        position = i;
    }
  self->selecting = TRUE;
  gtk_drop_down_set_selected (self->question_dropdown, position);
  self->selecting = FALSE;

  g_signal_group_set_target (self->question_signals, q);
  refilter (self);
  update_balance (self);

  gtk_widget_set_visible (GTK_WIDGET (self->question_dropdown), n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->question_add_button), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pro_add_button), writable && q != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->con_add_button), writable && q != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "arguments.rename-question", writable && q != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "arguments.delete-question", writable && q != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->question_menu_button), q != NULL);

  gtk_stack_set_visible_child_name (self->content_stack, q != NULL ? "columns" : "empty");
  if (PROJECT (self) == NULL)
    adw_status_page_set_description (self->empty_page, _("Open a project to weigh its arguments."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("Add the question the articles debate with +, then its "
                                       "arguments for and against."));
}

static void
on_question_selected (DossierArgumentsPanel *self)
{
  GObject *item;

  if (self->selecting)
    return;
  item = gtk_drop_down_get_selected_item (self->question_dropdown);
  if (item != NULL)
    dossier_arguments_panel_set_question_id (self, dossier_question_get_id (DOSSIER_QUESTION (item)));
}

static gboolean add_suggested_arguments (DossierArgumentsPanel      *self,
                                         gint64                      document_id,
                                         DossierArgumentSuggestion **suggestions,
                                         guint                       n);

static void
on_question_add (DossierArgumentsPanel *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->question_entry))));
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (PROJECT (self) == NULL || text[0] == '\0')
    return;
  id = dossier_project_add_question (PROJECT (self), text, &error);
  if (id == 0)
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not add the question"), error);
      return;
    }
  dossier_arguments_panel_set_question_id (self, id);
  /* The suggestions accepted while there was no question go to this one. */
  if (self->pending != NULL && self->question_id == id &&
      add_suggested_arguments (self, self->pending_document_id,
                               (DossierArgumentSuggestion **) self->pending->pdata, self->pending->len))
    dossier_suggestions_section_queue_reload (self->suggestions);
  gtk_popover_popdown (self->question_popover);
  /* What comes next is its first argument: the focus goes there, not
   * back to the question's + button. */
  gtk_widget_grab_focus (GTK_WIDGET (self->pro_add_button));
}

static void
rename_question_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DossierArgumentsPanel *self = DOSSIER_ARGUMENTS_PANEL (widget);
  DossierQuestion *q = current_question (self);
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  if (q == NULL)
    return;
  /* One too long to lay out is shortened, within what it may be. */
  text = dossier_shown_text (dossier_question_get_text (q));
  dialog = dossier_text_dialog_new (dossier_panel_get_window (DOSSIER_PANEL (self)),
                                    _("Rename Question"),
                                    _("The proposition the arguments are for or against."),
                                    _("Question"), text,
                                    PROJECT (self), self->question_id,
                                    dossier_project_set_question_text,
                                    _("Could not rename the question"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_question_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DossierArgumentsPanel *self = DOSSIER_ARGUMENTS_PANEL (widget);
  g_autoptr(GError) error = NULL;

  if (current_question (self) == NULL)
    return;
  if (!dossier_project_delete_question (PROJECT (self), self->question_id, &error))
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not delete the question"), error);
      return;
    }
  dossier_panel_show_toast (DOSSIER_PANEL (self), _("Question and its arguments deleted"), TRUE);
}

static void
questions_changed_cb (DossierArgumentsPanel *self)
{
  GListModel *questions;

  if (PROJECT (self) == NULL)
    return;
  questions = dossier_project_get_questions (PROJECT (self));
  /* The question shown went (deleted, or an undo): show the first. */
  if (current_question (self) == NULL)
    {
      g_autoptr(DossierQuestion) first = g_list_model_get_item (questions, 0);

      self->question_id = first ? dossier_question_get_id (first) : 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION_ID]);
    }
  show_question (self);
}

/* ---- suggestions --------------------------------------------------------------------- */

static GPtrArray *
suggest (gpointer   data,
         GError   **error)
{
  DossierArgumentsPanel *self = data;

  if (PROJECT (self) == NULL || self->document_id == 0 ||
      !dossier_panel_is_writable (DOSSIER_PANEL (self)) ||
      dossier_project_get_document (PROJECT (self), self->document_id) == NULL)
    return NULL;
  return dossier_project_suggest_arguments (PROJECT (self), self->document_id, error);
}

static char *
suggestions_heading (guint    n,
                     gpointer data)
{
  /* Translators: the heading of the arguments found in the open document */
  return g_strdup_printf (ngettext ("%u Argument Listed in This Document",
                                    "%u Arguments Listed in This Document", n), n);
}

static void
describe_suggestion (gpointer              item,
                     DossierSuggestionRow *row,
                     gpointer              data)
{
  DossierArgumentSuggestion *suggestion = item;
  gboolean pro = suggestion->polarity == DOSSIER_POLARITY_PRO;

  row->title = g_strdup (suggestion->statement);
  /* Translators: a suggested argument's side and the heading it was listed
   * under: "Pro · under “Advantages”" */
  row->subtitle = g_strdup_printf (_("%s · under “%s”"), pro ? _("Pro") : _("Con"), suggestion->heading);
  row->subtitle_class = g_strdup (pro ? "success" : "error");
  row->accept_label = g_strdup (_("Add as an Argument"));
  row->dismiss_label = g_strdup (_("Dismiss"));
}

static gboolean
add_suggested_arguments (DossierArgumentsPanel      *self,
                         gint64                      document_id,
                         DossierArgumentSuggestion **suggestions,
                         guint                       n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!dossier_project_accept_argument_suggestions (PROJECT (self), self->question_id, document_id,
                                                    suggestions, n, NULL, &error))
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not add the arguments"), error);
      return FALSE;
    }
  message = g_strdup_printf (ngettext ("%u argument added", "%u arguments added", n), n);
  dossier_panel_show_toast (DOSSIER_PANEL (self), message, TRUE);
  return TRUE;
}

static DossierArgumentSuggestion *
copy_argument_suggestion (const DossierArgumentSuggestion *suggestion)
{
  DossierArgumentSuggestion *copy = g_new0 (DossierArgumentSuggestion, 1);

  *copy = *suggestion;
  copy->statement = g_strdup (suggestion->statement);
  copy->heading = g_strdup (suggestion->heading);
  return copy;
}

static gboolean
accept_suggestions (gpointer *suggestions,
                    guint     n,
                    gpointer  data)
{
  DossierArgumentsPanel *self = data;

  if (current_question (self) != NULL)
    return add_suggested_arguments (self, self->document_id, (DossierArgumentSuggestion **) suggestions, n);

  /* Arguments are for or against a question: ask for it, then add them
   * to it (unless the user closes the question's popover). */
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_argument_suggestion_free);
  self->pending_document_id = self->document_id;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->pending, copy_argument_suggestion (suggestions[i]));
  if (gtk_widget_is_sensitive (GTK_WIDGET (self->question_add_button)))
    gtk_menu_button_popup (self->question_add_button);
  dossier_panel_show_toast (DOSSIER_PANEL (self),
                            _("Add the question first: the arguments are for or against it"), FALSE);
  return FALSE;
}

static void
on_question_popover_closed (DossierArgumentsPanel *self)
{
  g_clear_pointer (&self->pending, g_ptr_array_unref);
}

static gboolean
dismiss_suggestions (gpointer *suggestions,
                     guint     n,
                     gpointer  data)
{
  DossierArgumentsPanel *self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!dossier_project_dismiss_argument_suggestions (PROJECT (self), self->document_id,
                                                     (DossierArgumentSuggestion **) suggestions, n,
                                                     &error))
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not dismiss the suggestions"), error);
      return FALSE;
    }
  message = g_strdup_printf (ngettext ("%u suggestion dismissed", "%u suggestions dismissed", n), n);
  dossier_panel_show_toast (DOSSIER_PANEL (self), message, TRUE);
  return TRUE;
}

static const DossierSuggestionsSource suggestions_source = {
  suggest, suggestions_heading, describe_suggestion, accept_suggestions, dismiss_suggestions,
};

static void
document_changed_cb (DossierArgumentsPanel *self,
                     gint64                 document_id)
{
  /* New text, or a suggested item highlighted and cited (accepted). */
  if (document_id == self->document_id || document_id == 0)
    dossier_suggestions_section_queue_reload (self->suggestions);
}

/* ---- properties ---------------------------------------------------------------------- */

static void
dossier_arguments_panel_project_changed (DossierPanel *panel)
{
  DossierArgumentsPanel *self = DOSSIER_ARGUMENTS_PANEL (panel);
  DossierProject *project = dossier_panel_get_project (panel);
  g_autoptr(GListModel) arguments = NULL;
  g_autoptr(GListModel) questions = NULL;
  g_autoptr(DossierQuestion) first = NULL;

  self->document_id = 0;
  self->selection_start = self->selection_end = 0;

  if (project != NULL)
    {
      arguments = g_object_ref (dossier_project_get_arguments (project));
      questions = g_object_ref (dossier_project_get_questions (project));
    }
  else
    {
      arguments = G_LIST_MODEL (g_list_store_new (DOSSIER_TYPE_ARGUMENT));
      questions = G_LIST_MODEL (g_list_store_new (DOSSIER_TYPE_QUESTION));
    }
  first = g_list_model_get_item (questions, 0);
  self->question_id = first ? dossier_question_get_id (first) : 0;

  g_signal_group_set_target (self->project_signals, project);
  g_signal_group_set_target (self->questions_signals, questions);
  gtk_filter_list_model_set_model (self->pro_model, arguments);
  gtk_filter_list_model_set_model (self->con_model, arguments);
  self->selecting = TRUE;
  gtk_drop_down_set_model (self->question_dropdown, questions);
  self->selecting = FALSE;

  g_hash_table_remove_all (self->expanded);
  show_question (self);
  update_empty (self);
  dossier_suggestions_section_reload (self->suggestions);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

gint64
dossier_arguments_panel_get_document_id (DossierArgumentsPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARGUMENTS_PANEL (self), 0);

  return self->document_id;
}

void
dossier_arguments_panel_set_document_id (DossierArgumentsPanel *self,
                                         gint64                 document_id)
{
  g_return_if_fail (DOSSIER_IS_ARGUMENTS_PANEL (self));

  if (self->document_id == document_id)
    return;
  self->document_id = document_id;
  self->selection_start = self->selection_end = 0;
  dossier_suggestions_section_queue_reload (self->suggestions);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

gint64
dossier_arguments_panel_get_question_id (DossierArgumentsPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARGUMENTS_PANEL (self), 0);

  return self->question_id;
}

void
dossier_arguments_panel_set_question_id (DossierArgumentsPanel *self,
                                         gint64                 question_id)
{
  g_return_if_fail (DOSSIER_IS_ARGUMENTS_PANEL (self));

  if (PROJECT (self) == NULL || dossier_project_get_question (PROJECT (self), question_id) == NULL)
    question_id = 0;
  if (self->question_id == question_id)
    return;
  self->question_id = question_id;
  show_question (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION_ID]);
}

void
dossier_arguments_panel_set_selection (DossierArgumentsPanel *self,
                                       gint64                 start,
                                       gint64                 end)
{
  g_return_if_fail (DOSSIER_IS_ARGUMENTS_PANEL (self));

  self->selection_start = MIN (start, end);
  self->selection_end = MAX (start, end);
}

GListModel *
dossier_arguments_panel_get_column (DossierArgumentsPanel *self,
                                    DossierPolarity        polarity)
{
  g_return_val_if_fail (DOSSIER_IS_ARGUMENTS_PANEL (self), NULL);

  return G_LIST_MODEL (polarity == DOSSIER_POLARITY_PRO ? self->pro_model : self->con_model);
}

/* ---- GObject ----------------------------------------------------------------------- */

static void
dossier_arguments_panel_dispose (GObject *object)
{
  DossierArgumentsPanel *self = DOSSIER_ARGUMENTS_PANEL (object);

  if (self->suggestions != NULL)
    dossier_suggestions_section_set_source (self->suggestions, NULL, NULL);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->questions_signals);
  g_clear_object (&self->question_signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ARGUMENTS_PANEL);

  g_clear_object (&self->pro_model);
  g_clear_object (&self->con_model);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_arguments_panel_parent_class)->dispose (object);
}

static void
dossier_arguments_panel_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DossierArgumentsPanel *self = DOSSIER_ARGUMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    case PROP_QUESTION_ID:
      g_value_set_int64 (value, self->question_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_arguments_panel_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DossierArgumentsPanel *self = DOSSIER_ARGUMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      dossier_arguments_panel_set_document_id (self, g_value_get_int64 (value));
      break;
    case PROP_QUESTION_ID:
      dossier_arguments_panel_set_question_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_arguments_panel_class_init (DossierArgumentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DossierPanelClass *panel_class = DOSSIER_PANEL_CLASS (klass);

  object_class->dispose = dossier_arguments_panel_dispose;
  object_class->get_property = dossier_arguments_panel_get_property;
  object_class->set_property = dossier_arguments_panel_set_property;
  panel_class->project_changed = dossier_arguments_panel_project_changed;
  panel_class->bind_row = dossier_arguments_panel_bind_row;

  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUESTION_ID] =
    g_param_spec_int64 ("question-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[HIGHLIGHT_ACTIVATED] =
    g_signal_new ("highlight-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[SELECTION_CITED] =
    g_signal_new ("selection-cited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "arguments.rename-question", NULL, rename_question_action);
  gtk_widget_class_install_action (widget_class, "arguments.delete-question", NULL, delete_question_action);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (DOSSIER_TYPE_ARGUMENT_ROW);
  g_type_ensure (DOSSIER_TYPE_COLUMNS_LAYOUT);
  g_type_ensure (DOSSIER_TYPE_SUGGESTIONS_SECTION);
  /* Named by the question selector's factories. */
  g_type_ensure (DOSSIER_TYPE_QUESTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-arguments-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, question_add_button);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, question_popover);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, question_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, question_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, question_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, balance_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, columns);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, pro_title);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, con_title);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, pro_add_button);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, con_add_button);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, pro_add_popover);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, con_add_popover);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, pro_add_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, con_add_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, pro_add_quote);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, con_add_quote);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, pro_list);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, con_list);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, pro_empty);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, con_empty);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, pro_scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, con_scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DossierArgumentsPanel, suggestions);
  gtk_widget_class_bind_template_callback (widget_class, on_question_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_question_add);
  gtk_widget_class_bind_template_callback (widget_class, on_add_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_question_popover_closed);
  gtk_widget_class_bind_template_callback (widget_class, on_pro_add);
  gtk_widget_class_bind_template_callback (widget_class, on_con_add);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_set_css_name (widget_class, "argumentspanel");
}

static void
dossier_arguments_panel_init (DossierArgumentsPanel *self)
{
  /* A question is a sentence: the button shows it on one line, cut; the
   * list shows it whole. */
  g_autoptr(GtkListItemFactory) factory = dossier_shown_label_factory_new (DOSSIER_TYPE_QUESTION, "text",
                                                                           FALSE, 40);
  g_autoptr(GtkListItemFactory) list_factory = dossier_shown_label_factory_new (DOSSIER_TYPE_QUESTION,
                                                                                "text", TRUE, 40);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Here rather than in the template: see dossier_set_tooltip_unshown(). */
  dossier_set_tooltip_unshown (GTK_WIDGET (self->question_add_button), _("Add a Question"));
  dossier_set_tooltip_unshown (GTK_WIDGET (self->question_menu_button), _("Question Menu"));
  dossier_set_tooltip_unshown (GTK_WIDGET (self->pro_add_button), _("Add an Argument For"));
  dossier_set_tooltip_unshown (GTK_WIDGET (self->con_add_button), _("Add an Argument Against"));
  /* Their menus not covered by their tooltips. */
  dossier_hold_menu_tooltips (GTK_WIDGET (self));
  /* At the end of a sidebar's row, at either edge of the window. */
  dossier_menu_button_keep_popover_in_window (self->question_add_button);
  dossier_menu_button_keep_popover_in_window (self->pro_add_button);
  dossier_menu_button_keep_popover_in_window (self->con_add_button);
  dossier_suggestions_section_set_source (self->suggestions, &suggestions_source, self);

  gtk_drop_down_set_factory (self->question_dropdown, factory);
  gtk_drop_down_set_list_factory (self->question_dropdown, list_factory);

  self->pro_filter = gtk_custom_filter_new (filter_pro, self, NULL);
  self->con_filter = gtk_custom_filter_new (filter_con, self, NULL);
  self->pro_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->pro_filter));
  self->con_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->con_filter));
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < 2; i++)
    {
      GtkFilterListModel *model = i == 0 ? self->pro_model : self->con_model;
      g_autoptr(GtkListItemFactory) row_factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSelectionModel) selection =
        GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (model))));

      g_signal_connect_object (row_factory, "setup", G_CALLBACK (setup_row), self, G_CONNECT_SWAPPED);
      gtk_grid_view_set_factory (i == 0 ? self->pro_list : self->con_list, row_factory);
      gtk_grid_view_set_model (i == 0 ? self->pro_list : self->con_list, selection);
      g_signal_connect_object (model, "items-changed", G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
      add_row_keys (self, GTK_WIDGET (i == 0 ? self->pro_list : self->con_list));
      dossier_panel_add_menu_keys (DOSSIER_PANEL (self), GTK_WIDGET (i == 0 ? self->pro_list : self->con_list));
    }

  self->project_signals = g_signal_group_new (DOSSIER_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "highlights-changed",
                                 G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "document-text-changed",
                                 G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  /* Dismissed, or brought back, by another path than this section (an
   * undo, a redo, the core called directly): listed again. */
  g_signal_group_connect_object (self->project_signals, "dismissed-suggestions-changed",
                                 G_CALLBACK (dossier_suggestions_section_queue_reload), self->suggestions,
                                 G_CONNECT_SWAPPED);
  self->questions_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  /* After the question selector has seen the change, to select in it. */
  g_signal_group_connect_object (self->questions_signals, "items-changed",
                                 G_CALLBACK (questions_changed_cb), self,
                                 G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->question_signals = g_signal_group_new (DOSSIER_TYPE_QUESTION);
  g_signal_group_connect_object (self->question_signals, "notify",
                                 G_CALLBACK (update_balance), self, G_CONNECT_SWAPPED);

  dossier_arguments_panel_project_changed (DOSSIER_PANEL (self));
}

GtkWidget *
dossier_arguments_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_ARGUMENTS_PANEL, NULL);
}
