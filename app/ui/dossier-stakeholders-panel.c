/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-stakeholders-panel.c — the "Stakeholders" panel of the right
 * sidebar: the list, the editor of one stakeholder, its evidence and its
 * mentions, and the suggestions of the open document.
 *
 * The list is the project's live model; the editor follows the project's
 * DossierStakeholder (updated in place, with notify) field by field, so a
 * mention count kept up to date by the core never overwrites what the
 * user is typing in another field. Every edit is one core action: one
 * undo step, committed at once.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-grid-render.h"
#include "dossier-power-grid.h"
#include "dossier-stakeholder-row.h"
#include "dossier-stakeholders-panel.h"
#include "dossier-suggestions-section.h"
#include "dossier-ui-utils.h"

/* Unreviewed mentions listed in the editor: enough to work through, few
 * enough that a name mentioned thousands of times opens at once. */
#define MAX_MENTION_ROWS 100

struct _DossierStakeholdersPanel
{
  DossierPanel        parent_instance;

  /* template */
  GtkStack           *pages;
  GtkLabel           *count_label;
  GtkToggleButton    *grid_toggle;
  GtkMenuButton      *add_button;
  GtkPopover         *add_popover;
  GtkEntry           *add_entry;
  GtkMenuButton      *add_kind_button;
  GSimpleAction      *add_kind;       /* "add.kind": its state, the kind shown */
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkWidget          *compact_add_button;
  DossierPowerGrid   *power_grid;
  GtkLabel           *grid_caption;
  DossierSuggestionsSection *suggestions;
  GtkLabel           *detail_title;
  GtkWidget          *delete_button;
  AdwEntryRow        *name_row;
  AdwEntryRow        *aliases_row;
  AdwComboRow        *kind_row;
  AdwEntryRow        *description_row;
  AdwComboRow        *stance_row;
  AdwEntryRow        *stance_text_row;
  AdwEntryRow        *interests_row;
  GtkSpinButton      *power_spin;
  GtkSpinButton      *interest_spin;
  GtkColorButton     *color_button;
  AdwPreferencesGroup *evidence_group;
  GtkWidget          *cite_button;
  GtkListBox         *evidence_list;
  AdwPreferencesGroup *mentions_group;
  GtkListBox         *mentions_list;

  /* The editor's text rows, each with the icon that says why what was
   * typed in it was refused (made in init). */
  struct {
    AdwEntryRow      *row;
    const char       *property;        /* of DossierStakeholder */
    GtkWidget        *error_icon;
  }                   text_fields[5];

  GSignalGroup       *project_signals;
  GSignalGroup       *list_signals;
  GSignalGroup       *stakeholder_signals;   /* the one open in the editor */
  GSignalGroup       *grid_signals;          /* the one selected on the grid */
  GtkWidget          *drop_row;              /* the row a highlight is dragged over */
  gint64              document_id;
  gint64              stakeholder_id;
  gint64              selection_start;
  gint64              selection_end;
  /* The reader's selection the add popover was opened with, its name
   * prefilled from it: cited as the new stakeholder's first evidence
   * (end 0: opened without one). */
  gint64              add_document_id;
  gint64              add_start;
  gint64              add_end;
  /* The words around that passage, and the passage in them: what the
   * kind is guessed from as the name is typed (the whole document would
   * take a second a key in a long one). */
  char               *add_context;
  gint64              add_context_start;
  gint64              add_context_end;
  /* The kind was picked by hand: the name typed no longer changes it. */
  gboolean            add_kind_chosen;
  /* Cited with the Cite button: its row takes the focus once listed. */
  gint64              focus_highlight_id;
  /* The stakeholder whose row had the focus, taken out by a move, and
   * that row: the focus goes to its new row when it is put back. */
  GObject            *focus_return;
  GtkWidget          *focus_return_widget;
  /* TRUE while the editor is being filled: its widgets' signals are then
   * the panel's own doing, not the user's. */
  gboolean            filling;

  GPtrArray          *evidence;      /* of DossierEvidence, as listed */
  GPtrArray          *mentions;      /* of DossierMentionHit, as listed */
  /* The editor's lists, made again once per burst of changes (a citation
   * changes the highlights and the evidence count at once), before the
   * next frame. */
  guint               reload_source;
  gboolean            reload_evidence;
  gboolean            reload_mentions;
  /* The live highlights of the document last changed (or the reader's),
   * and how many it had when last looked at. */
  GListModel         *watched_highlights;
  gint64              watched_document;
  guint               watched_count;
};

G_DEFINE_FINAL_TYPE (DossierStakeholdersPanel, dossier_stakeholders_panel, DOSSIER_TYPE_PANEL)

enum {
  PROP_0,
  PROP_DOCUMENT_ID,
  PROP_STAKEHOLDER_ID,
  N_PROPS
};

enum {
  HIGHLIGHT_ACTIVATED,
  RANGE_ACTIVATED,
  SELECTION_CITED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define PROJECT(self) dossier_panel_get_project (DOSSIER_PANEL (self))

static DossierStakeholder *
current_stakeholder (DossierStakeholdersPanel *self)
{
  if (PROJECT (self) == NULL || self->stakeholder_id == 0)
    return NULL;
  return dossier_project_get_stakeholder (PROJECT (self), self->stakeholder_id);
}

static gboolean
has_selection (DossierStakeholdersPanel *self)
{
  return self->document_id != 0 && self->selection_end > self->selection_start;
}

/* ---- the list ------------------------------------------------------------------ */

static void
update_list_header (DossierStakeholdersPanel *self)
{
  GListModel *model = PROJECT (self) ? dossier_project_get_stakeholders (PROJECT (self)) : NULL;
  guint n = model ? g_list_model_get_n_items (model) : 0;
  g_autofree char *count = NULL;
  gboolean compact;

  if (n > 0)
    count = g_strdup_printf (ngettext ("%u stakeholder", "%u stakeholders", n), n);
  gtk_label_set_text (self->count_label, count ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), count != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), dossier_panel_is_writable (DOSSIER_PANEL (self)));
  {
    const char *changes[] = { "stakeholders.move-row-up", "stakeholders.move-row-down", "stakeholders.delete" };

    for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), changes[i], dossier_panel_is_writable (DOSSIER_PANEL (self)));
  }

  /* None yet but some suggested: the suggestions are what there is to
   * do, and take the panel's height under one line (a new user saw them
   * squeezed into a small box under a big empty picture). */
  compact = n == 0 && PROJECT (self) != NULL &&
            dossier_suggestions_section_get_n_suggestions (self->suggestions) > 0;
  gtk_stack_set_visible_child_name (self->list_stack,
                                    compact ? "compact"
                                    : n == 0 ? "empty"
                                    : gtk_toggle_button_get_active (self->grid_toggle) ? "grid"
                                    : "list");
  gtk_widget_set_vexpand (GTK_WIDGET (self->list_stack), !compact);
  dossier_suggestions_section_set_fill (self->suggestions, compact);
  gtk_widget_set_sensitive (self->compact_add_button, dossier_panel_is_writable (DOSSIER_PANEL (self)));
  if (PROJECT (self) == NULL)
    adw_status_page_set_description (self->empty_page, _("Open a project to list who the articles are about."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("Add the people and bodies the articles are about with +."));
}

/* The empty list's own button opens the same popover as the + above. */
static void
on_compact_add_clicked (DossierStakeholdersPanel *self)
{
  gtk_menu_button_popup (self->add_button);
}

/* The grid instead of the list: a click selects (and says who it is),
 * a double click or Enter opens the editor, as a row does. */
static void
on_grid_toggled (DossierStakeholdersPanel *self)
{
  update_list_header (self);
  if (gtk_toggle_button_get_active (self->grid_toggle))
    gtk_widget_grab_focus (GTK_WIDGET (self->power_grid));
}

/* The caption says who the selected dot is: again on every edit of it
 * (its ratings move it to another quadrant), whoever made it. */
static void
update_grid_caption (DossierStakeholdersPanel *self)
{
  DossierStakeholder *s = g_signal_group_dup_target (self->grid_signals);
  g_autofree char *text = NULL;

  if (s != NULL)
    {
      text = dossier_grid_describe (s);
      g_object_unref (s);
    }
  gtk_label_set_text (self->grid_caption,
                      text != NULL ? text
                      : _("Power rises upwards, interest to the right. Colour is the stance; a "
                          "hollow dot has no evidence for its ratings. Double-click a dot or "
                          "press Enter to edit it."));
}

static void
on_grid_selected (DossierStakeholdersPanel *self)
{
  gint64 id = dossier_power_grid_get_selected_id (self->power_grid);
  DossierStakeholder *s = PROJECT (self) != NULL && id != 0
                          ? dossier_project_get_stakeholder (PROJECT (self), id) : NULL;

  g_signal_group_set_target (self->grid_signals, s);
  update_grid_caption (self);
}

static void
on_grid_activate (DossierStakeholdersPanel *self,
                  gint64                    stakeholder_id)
{
  dossier_stakeholders_panel_set_stakeholder_id (self, stakeholder_id);
}

static void
on_list_activate (DossierStakeholdersPanel *self,
                  guint                     position)
{
  GListModel *model = PROJECT (self) ? dossier_project_get_stakeholders (PROJECT (self)) : NULL;
  g_autoptr(DossierStakeholder) stakeholder = NULL;

  if (model == NULL)
    return;
  stakeholder = g_list_model_get_item (model, position);
  if (stakeholder != NULL)
    dossier_stakeholders_panel_set_stakeholder_id (self, dossier_stakeholder_get_id (stakeholder));
}

/* ---- the grid as a picture --------------------------------------------------------- */

gboolean
dossier_stakeholders_panel_export_grid (DossierStakeholdersPanel *self,
                                        const char               *path,
                                        GError                  **error)
{
  DossierGridRenderFormat format;

  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDERS_PANEL (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (PROJECT (self) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Open a project to draw its grid"));
      return FALSE;
    }
  if (!dossier_grid_render_format_from_path (path, &format))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is neither an SVG nor a PNG file name: end it in .svg or .png"), name);
      return FALSE;
    }
  return dossier_grid_render_to_file (dossier_project_get_stakeholders (PROJECT (self)),
                                      dossier_project_get_title (PROJECT (self)), format,
                                      DOSSIER_GRID_RENDER_DEFAULT_WIDTH, DOSSIER_GRID_RENDER_DEFAULT_HEIGHT,
                                      path, NULL, error);
}

static void
on_export_grid_path_chosen (GtkWidget  *widget,
                            const char *path,
                            gpointer    user_data)
{
  DossierStakeholdersPanel *self = DOSSIER_STAKEHOLDERS_PANEL (widget);
  g_autoptr(GError) error = NULL;

  if (!dossier_stakeholders_panel_export_grid (self, path, &error))
    dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not save the grid"), error);
  else
    {
      g_autofree char *name = g_filename_display_basename (path);
      g_autofree char *message = g_strdup_printf (_("Grid saved as “%s”"), name);

      dossier_panel_show_toast (DOSSIER_PANEL (self), message, FALSE);
    }
}

static void
export_grid_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierStakeholdersPanel *self = DOSSIER_STAKEHOLDERS_PANEL (widget);
  const char *extension = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;

  if (PROJECT (self) == NULL)
    return;
  /* Translators: the file name offered for the power/interest grid */
  name = g_strdup_printf ("%s.%s", _("stakeholders-grid"), g_str_equal (extension, "png") ? "png" : "svg");
  dossier_ask_save_path (widget, PROJECT (self), _("Save the Grid as a Picture"), _("_Save"), name,
                         on_export_grid_path_chosen, NULL, NULL);
}

/* ---- dropping a highlight on a stakeholder --------------------------------------- */

static DossierStakeholderRow *
row_at (DossierStakeholdersPanel *self,
        double                    x,
        double                    y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);

  if (picked == NULL)
    return NULL;
  if (DOSSIER_IS_STAKEHOLDER_ROW (picked))
    return DOSSIER_STAKEHOLDER_ROW (picked);
  picked = gtk_widget_get_ancestor (picked, DOSSIER_TYPE_STAKEHOLDER_ROW);
  return picked != NULL ? DOSSIER_STAKEHOLDER_ROW (picked) : NULL;
}

static void
set_drop_row (DossierStakeholdersPanel *self,
              GtkWidget                *row)
{
  if (self->drop_row == row)
    return;
  if (self->drop_row != NULL)
    gtk_widget_unset_state_flags (self->drop_row, GTK_STATE_FLAG_DROP_ACTIVE);
  g_set_weak_pointer (&self->drop_row, row);
  if (row != NULL)
    gtk_widget_set_state_flags (row, GTK_STATE_FLAG_DROP_ACTIVE, FALSE);
}

/* The stakeholder at (@x, @y) of @widget (the list or the grid), 0 for
 * none; shown as where the drop would go, when @show. */
static gint64
drop_stakeholder_at (DossierStakeholdersPanel *self,
                     GtkWidget                *widget,
                     double                    x,
                     double                    y,
                     gboolean                  show)
{
  DossierStakeholderRow *row = NULL;
  DossierStakeholder *s;
  gint64 id = 0;

  if (widget == GTK_WIDGET (self->power_grid))
    {
      id = dossier_power_grid_get_id_at (self->power_grid, x, y);
      dossier_power_grid_set_drop_id (self->power_grid, show ? id : 0);
      return id;
    }
  row = row_at (self, x, y);
  s = row != NULL ? dossier_row_get_item (DOSSIER_ROW (row)) : NULL;
  set_drop_row (self, show && s != NULL ? GTK_WIDGET (row) : NULL);
  return s != NULL ? dossier_stakeholder_get_id (s) : 0;
}

static GdkDragAction
on_drop_motion (GtkDropTarget            *drop,
                double                    x,
                double                    y,
                DossierStakeholdersPanel *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (drop));

  /* A read-only project takes no evidence: nothing lights up. */
  if (!dossier_panel_is_writable (DOSSIER_PANEL (self)))
    return 0;
  return drop_stakeholder_at (self, widget, x, y, TRUE) != 0 ? GDK_ACTION_COPY : 0;
}

static void
on_drop_leave (DossierStakeholdersPanel *self)
{
  set_drop_row (self, NULL);
  dossier_power_grid_set_drop_id (self->power_grid, 0);
}

gboolean
dossier_stakeholders_panel_add_evidence (DossierStakeholdersPanel *self,
                                         gint64                    stakeholder_id,
                                         gint64                    highlight_id)
{
  DossierStakeholder *s;
  g_autoptr(GArray) cited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDERS_PANEL (self), FALSE);

  s = PROJECT (self) != NULL ? dossier_project_get_stakeholder (PROJECT (self), stakeholder_id) : NULL;
  if (s == NULL || !dossier_panel_is_writable (DOSSIER_PANEL (self)))
    return FALSE;

  if (!dossier_project_get_highlight_evidence (PROJECT (self), highlight_id, &cited, NULL, &error))
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not add the evidence"), error);
      return FALSE;
    }
  for (guint i = 0; i < cited->len; i++)
    if (g_array_index (cited, gint64, i) == stakeholder_id)
      {
        /* Citing it again would only blank the link's note. */
        message = g_strdup_printf (_("Already evidence for “%s”"), dossier_stakeholder_get_name (s));
        dossier_panel_show_toast (DOSSIER_PANEL (self), message, FALSE);
        return FALSE;
      }

  if (!dossier_project_add_stakeholder_evidence (PROJECT (self), stakeholder_id, highlight_id, "",
                                                 DOSSIER_EVIDENCE_NONE, DOSSIER_STANCE_UNKNOWN, &error))
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not add the evidence"), error);
      return FALSE;
    }
  message = g_strdup_printf (_("Added as evidence for “%s”"), dossier_stakeholder_get_name (s));
  dossier_panel_show_toast (DOSSIER_PANEL (self), message, TRUE);
  return TRUE;
}

static gboolean
on_drop (GtkDropTarget            *drop,
         const GValue             *value,
         double                    x,
         double                    y,
         DossierStakeholdersPanel *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (drop));
  gint64 id = drop_stakeholder_at (self, widget, x, y, FALSE);
  DossierHighlight *highlight = g_value_get_object (value);

  on_drop_leave (self);
  if (id == 0 || highlight == NULL)
    return FALSE;
  return dossier_stakeholders_panel_add_evidence (self, id, dossier_highlight_get_id (highlight));
}

/* The words on either side of a passage the kind of the stakeholder it
 * names is guessed from: a title before or after the name ("Mayor Odile
 * Brant", "Rudd, the harbour master"), with room to spare. */
#define ADD_CONTEXT_CHARS 1000

/* The reader's selection as a name: on one line, trimmed, no longer than
 * a name may be, from @text (the document's). */
static char *
selection_name (DossierStakeholdersPanel *self,
                const char               *text)
{
  g_autofree char *passage = dossier_text_slice (text, self->selection_start, self->selection_end);
  g_autofree char *line = dossier_text_join_lines (passage);

  return dossier_text_shorten (g_strstrip (line), DOSSIER_STAKEHOLDER_MAX_NAME);
}

/* Shows @kind on the button that changes it. */
static void
show_add_kind (DossierStakeholdersPanel *self,
               DossierStakeholderKind    kind)
{
  g_simple_action_set_state (self->add_kind, g_variant_new_int32 (kind));
  gtk_menu_button_set_label (self->add_kind_button, dossier_stakeholder_kind_get_label (kind));
}

/* The kind the name typed says, or the words around the passage it was
 * selected from; shown until the user picks one. */
static void
guess_add_kind (DossierStakeholdersPanel *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));
  DossierStakeholderKind kind = DOSSIER_STAKEHOLDER_OTHER;

  if (self->add_kind_chosen)
    return;
  if (name[0] != '\0')
    kind = self->add_context != NULL
           ? dossier_suggest_stakeholder_kind (self->add_context, name, self->add_context_start,
                                               self->add_context_end)
           : dossier_suggest_stakeholder_kind (name, name, -1, -1);
  show_add_kind (self, kind);
}

static void
on_add_name_changed (DossierStakeholdersPanel *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->add_popover)))
    guess_add_kind (self);
}

/* Picked from the button's menu: it stays, whatever is typed after. */
static void
on_add_kind_change_state (GSimpleAction            *action,
                          GVariant                 *state,
                          DossierStakeholdersPanel *self)
{
  int kind = g_variant_get_int32 (state);

  if (kind < 0 || kind >= DOSSIER_STAKEHOLDER_N_KINDS)
    return;
  self->add_kind_chosen = TRUE;
  show_add_kind (self, kind);
}

/* Closed, the entry lets go of its text: selected, it would hold the
 * primary selection until the next opening, and the X server's word
 * that it let go of it then could come after it takes it again. */
static void
on_add_popover_closed (DossierStakeholdersPanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  g_clear_pointer (&self->add_context, g_free);
}

/* With a passage selected in the reader, the name is the passage's and
 * the passage its first evidence: select a name, +, Enter. */
static void
on_add_popover_show (DossierStakeholdersPanel *self)
{
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  self->add_document_id = self->add_start = self->add_end = 0;
  g_clear_pointer (&self->add_context, g_free);
  self->add_kind_chosen = FALSE;
  if (PROJECT (self) != NULL && has_selection (self))
    text = dossier_project_get_document_text (PROJECT (self), self->document_id, NULL);
  if (text != NULL)
    name = selection_name (self, text);
  if (name != NULL && name[0] != '\0')
    {
      gint64 from = MAX (0, self->selection_start - ADD_CONTEXT_CHARS);

      self->add_document_id = self->document_id;
      self->add_start = self->selection_start;
      self->add_end = self->selection_end;
      self->add_context = dossier_text_slice (text, from, self->selection_end + ADD_CONTEXT_CHARS);
      self->add_context_start = self->selection_start - from;
      self->add_context_end = self->selection_end - from;
    }
  /* Typing the name guesses its kind again (on_add_name_changed). */
  gtk_editable_set_text (GTK_EDITABLE (self->add_entry), name != NULL ? name : "");
  guess_add_kind (self);
  /* The caret after the name, nothing selected: selected, the name would
   * take PRIMARY from the reader, whose selection (the passage to be
   * cited) would then go while the popover shows it is being cited. */
  gtk_editable_set_position (GTK_EDITABLE (self->add_entry), -1);
  gtk_entry_grab_focus_without_selecting (self->add_entry);
}

static void
on_add_activate (DossierStakeholdersPanel *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));
  g_autoptr(GVariant) state = g_action_get_state (G_ACTION (self->add_kind));
  int kind = g_variant_get_int32 (state);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (PROJECT (self) == NULL || name[0] == '\0')
    return;

  if (self->add_end > self->add_start)
    {
      DossierStakeholderFields fields = DOSSIER_STAKEHOLDER_FIELDS_INIT;

      /* The stakeholder and its first evidence in one undo step, as the
       * evidence picker's "New Stakeholder" makes them. */
      fields.name = name;
      fields.kind = kind;
      /* The kind shown, guessed from the words near the passage or
       * picked; "Other" guessed (they said nothing) is guessed again
       * from the whole document, "Other" picked is kept. */
      fields.guess_kind = !self->add_kind_chosen && kind == DOSSIER_STAKEHOLDER_OTHER;
      id = dossier_project_create_stakeholder_citing (PROJECT (self), &fields, 0, self->add_document_id,
                                                      self->add_start, self->add_end, NULL, &error);
    }
  else
    id = dossier_project_add_stakeholder (PROJECT (self), name, NULL, kind, &error);
  if (id == 0)
    {
      /* The popover stays open with the name, to be corrected. */
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not add the stakeholder"), error);
      return;
    }

  gtk_popover_popdown (self->add_popover);
  /* A new stakeholder is a name only: the editor is where it gets the
   * rest, the focus in its name (back in the list, it is the one
   * focused: back_to_list). */
  dossier_stakeholders_panel_set_stakeholder_id (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

gboolean
dossier_stakeholders_panel_add_from_selection (DossierStakeholdersPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDERS_PANEL (self), FALSE);

  if (!dossier_panel_is_writable (DOSSIER_PANEL (self)))
    return FALSE;
  if (!has_selection (self))
    {
      dossier_panel_show_toast (DOSSIER_PANEL (self), _("Select a passage in the reader first"), FALSE);
      return FALSE;
    }
  /* Back to the list at once: the popover points at a + in place, not
   * at one sliding in. */
  if (self->stakeholder_id != 0)
    {
      GtkStackTransitionType transition = gtk_stack_get_transition_type (self->pages);

      gtk_stack_set_transition_type (self->pages, GTK_STACK_TRANSITION_TYPE_NONE);
      dossier_stakeholders_panel_set_stakeholder_id (self, 0);
      gtk_stack_set_transition_type (self->pages, transition);
    }
  gtk_menu_button_popup (self->add_button);
  return TRUE;
}

/* ---- suggestions ---------------------------------------------------------------- */

static GPtrArray *
suggest (gpointer   data,
         GError   **error)
{
  DossierStakeholdersPanel *self = data;

  if (PROJECT (self) == NULL || self->document_id == 0 ||
      !dossier_panel_is_writable (DOSSIER_PANEL (self)) ||
      dossier_project_get_document (PROJECT (self), self->document_id) == NULL)
    return NULL;
  return dossier_project_suggest_stakeholders (PROJECT (self), self->document_id, error);
}

static char *
suggestions_heading (guint    n,
                     gpointer data)
{
  /* Translators: the heading of the suggestions under the stakeholders list */
  return g_strdup_printf (ngettext ("%u Suggestion from This Document",
                                    "%u Suggestions from This Document", n), n);
}

static void
describe_suggestion (gpointer              item,
                     DossierSuggestionRow *row,
                     gpointer              data)
{
  DossierStakeholdersPanel *self = data;
  DossierStakeholderSuggestion *suggestion = item;
  DossierStakeholder *same = suggestion->same_as != 0 ?
    dossier_project_get_stakeholder (PROJECT (self), suggestion->same_as) : NULL;
  g_autofree char *mentions = g_strdup_printf (ngettext ("%u mention", "%u mentions", suggestion->n_mentions),
                                               suggestion->n_mentions);

  row->title = g_strdup (suggestion->name);
  if (same != NULL)
    {
      g_autofree char *shown = dossier_shown_text (dossier_stakeholder_get_name (same));

      /* Translators: "2 mentions · another name of Port Calder City Council" */
      row->subtitle = g_strdup_printf (_("%s · another name of %s"), mentions, shown);
    }
  else if (suggestion->n_mentions == 0 && suggestion->said_as != NULL)
    /* Translators: "0 mentions · only as “council”": the text says "the
     * council", never the suggestion's name */
    row->subtitle = g_strdup_printf (_("%s · only as “%s”"), mentions, suggestion->said_as);
  else if (suggestion->aliases != NULL && suggestion->aliases[0] != NULL)
    {
      g_autofree char *aliases = g_strjoinv ("; ", suggestion->aliases);

      /* Translators: "4 mentions · also: Varga; the mayor" */
      row->subtitle = g_strdup_printf (_("%s · also: %s"), mentions, aliases);
    }
  else
    row->subtitle = g_steal_pointer (&mentions);
  row->accept_label = same != NULL ?
    g_strdup_printf (_("Add “%s” to the aliases of “%s”"), suggestion->name, dossier_stakeholder_get_name (same)) :
    g_strdup_printf (_("Add “%s” as a stakeholder"), suggestion->name);
  row->dismiss_label = g_strdup_printf (_("Do not suggest “%s” again"), suggestion->name);
  row->merge_label = g_strdup_printf (_("Add “%s” to the aliases of a stakeholder"), suggestion->name);
}

static gboolean
accept_suggestions (gpointer *suggestions,
                    guint     n,
                    gpointer  data)
{
  DossierStakeholdersPanel *self = data;
  DossierStakeholderSuggestion *first = suggestions[0];
  DossierStakeholder *same = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  /* Another name of a stakeholder the project has goes to its aliases. */
  for (guint i = 0; i < n; i++)
    {
      DossierStakeholderSuggestion *suggestion = suggestions[i];

      if (dossier_project_accept_stakeholder_suggestion (PROJECT (self), suggestion, suggestion->same_as,
                                                         &error) == 0)
        {
          dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not add the stakeholder"), error);
          return i > 0;
        }
    }
  if (n == 1 && first->same_as != 0)
    same = dossier_project_get_stakeholder (PROJECT (self), first->same_as);
  message = same != NULL ? g_strdup_printf (_("“%s” added to the aliases of “%s”"), first->name,
                                            dossier_stakeholder_get_name (same))
          : n == 1 ? g_strdup_printf (C_("stakeholder", "“%s” added"), first->name)
                   : g_strdup_printf (ngettext ("%u stakeholder added", "%u stakeholders added", n), n);
  dossier_panel_show_toast (DOSSIER_PANEL (self), message, TRUE);
  return TRUE;
}

static gboolean
dismiss_suggestions (gpointer *suggestions,
                     guint     n,
                     gpointer  data)
{
  DossierStakeholdersPanel *self = data;
  DossierStakeholderSuggestion *first = suggestions[0];
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!dossier_project_dismiss_stakeholder_suggestions (PROJECT (self), (DossierStakeholderSuggestion **) suggestions,
                                                        n, &error))
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not dismiss the suggestion"), error);
      return FALSE;
    }
  message = n == 1 ? g_strdup_printf (_("“%s” will not be suggested again"), first->name)
                   : g_strdup_printf (ngettext ("%u suggestion dismissed", "%u suggestions dismissed", n), n);
  dossier_panel_show_toast (DOSSIER_PANEL (self), message, TRUE);
  return TRUE;
}

/* The words of a stakeholder's or a suggestion's names, folded. */
static void
add_words (GHashTable *words,
           const char *name)
{
  g_auto(GStrv) tokens = g_str_tokenize_and_fold (name, NULL, NULL);

  for (guint i = 0; tokens[i] != NULL; i++)
    /* "the", "of" and initials say nothing about who it is. */
    if (g_utf8_strlen (tokens[i], -1) > 3)
      g_hash_table_add (words, g_strdup (tokens[i]));
}

static gboolean
shares_a_word (GHashTable         *words,
               DossierStakeholder *stakeholder)
{
  const char * const *aliases = dossier_stakeholder_get_aliases (stakeholder);
  g_autoptr(GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer word;

  add_words (own, dossier_stakeholder_get_name (stakeholder));
  for (guint i = 0; aliases[i] != NULL; i++)
    add_words (own, aliases[i]);
  g_hash_table_iter_init (&iter, own);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (g_hash_table_contains (words, word))
      return TRUE;
  return FALSE;
}

/* Every stakeholder, those that share a word with the suggestion first
 * ("López Obrador" for "President Obrador"), else in the list's order. */
static GPtrArray *
merge_targets (gpointer item,
               gpointer data)
{
  DossierStakeholdersPanel *self = data;
  DossierStakeholderSuggestion *suggestion = item;
  GListModel *model = dossier_project_get_stakeholders (PROJECT (self));
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *targets = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_suggestion_target_free);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (model);

  add_words (words, suggestion->name);
  for (guint i = 0; suggestion->aliases != NULL && suggestion->aliases[i] != NULL; i++)
    add_words (words, suggestion->aliases[i]);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierStakeholder) s = g_list_model_get_item (model, i);
      DossierSuggestionTarget *target = g_new0 (DossierSuggestionTarget, 1);

      target->id = dossier_stakeholder_get_id (s);
      target->label = dossier_shown_text (dossier_stakeholder_get_name (s));
      g_ptr_array_add (shares_a_word (words, s) ? targets : others, target);
    }
  for (guint i = 0; i < others->len; i++)
    g_ptr_array_add (targets, g_ptr_array_index (others, i));
  return targets;
}

static gboolean
merge_suggestion (gpointer item,
                  gint64   stakeholder_id,
                  gpointer data)
{
  DossierStakeholdersPanel *self = data;
  DossierStakeholderSuggestion *suggestion = item;
  DossierStakeholder *s = dossier_project_get_stakeholder (PROJECT (self), stakeholder_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (s == NULL)
    return FALSE;
  if (dossier_project_accept_stakeholder_suggestion (PROJECT (self), suggestion, stakeholder_id, &error) == 0)
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not merge the suggestion"), error);
      return FALSE;
    }
  message = g_strdup_printf (_("“%s” added to the aliases of “%s”"), suggestion->name,
                             dossier_stakeholder_get_name (s));
  dossier_panel_show_toast (DOSSIER_PANEL (self), message, TRUE);
  return TRUE;
}

static const DossierSuggestionsSource suggestions_source = {
  suggest, suggestions_heading, describe_suggestion, accept_suggestions, dismiss_suggestions,
  merge_targets, merge_suggestion,
};

/* ---- the editor: fields ---------------------------------------------------------- */

static int
stance_to_index (int position)
{
  if (position < DOSSIER_STANCE_MIN || position > DOSSIER_STANCE_MAX)
    return 0;
  return position - DOSSIER_STANCE_MIN + 1;
}

static int
index_to_stance (guint index)
{
  if (index == 0 || index == GTK_INVALID_LIST_POSITION)
    return DOSSIER_STANCE_UNKNOWN;
  return (int) index - 1 + DOSSIER_STANCE_MIN;
}

static char *
join_aliases (DossierStakeholder *stakeholder)
{
  return g_strjoinv ("; ", (char **) dossier_stakeholder_get_aliases (stakeholder));
}

/* What the text row of @property shows of @s (shortened when it is too
 * long to lay out: see dossier_shown_text ()). */
static char *
field_text (DossierStakeholder *s,
            const char         *property)
{
  g_autofree char *aliases = NULL;

  if (g_str_equal (property, "name"))
    return dossier_shown_text (dossier_stakeholder_get_name (s));
  if (g_str_equal (property, "aliases"))
    return dossier_shown_text (aliases = join_aliases (s));
  if (g_str_equal (property, "description"))
    return dossier_shown_text (dossier_stakeholder_get_description (s));
  if (g_str_equal (property, "stance"))
    return dossier_shown_text (dossier_stakeholder_get_stance (s));
  g_assert (g_str_equal (property, "interests"));
  return dossier_shown_text (dossier_stakeholder_get_interests (s));
}

static guint
text_field_of (DossierStakeholdersPanel *self,
               AdwEntryRow              *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->text_fields); i++)
    if (self->text_fields[i].row == row)
      return i;
  g_assert_not_reached ();
}

/* Marks the text row @row as holding what was refused, and why (its icon's
 * tooltip, read out as the row's description), as GNOME's apps mark an
 * entry; or, with @reason NULL, as holding nothing wrong. */
static void
set_field_error (DossierStakeholdersPanel *self,
                 AdwEntryRow              *row,
                 const char               *reason)
{
  GtkWidget *icon = self->text_fields[text_field_of (self, row)].error_icon;
  g_autofree char *shown = reason != NULL ? dossier_shown_text (reason) : NULL;

  if (reason != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (icon, shown);
  gtk_widget_set_visible (icon, reason != NULL);
  if (reason != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, shown, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Shows in @row what the project holds, as nothing typed: no error, and
 * no apply button (AdwEntryRow shows it for any change of its text while
 * it has the focus, the panel's own included). */
static void
reset_text_field (DossierStakeholdersPanel *self,
                  AdwEntryRow              *row,
                  const char               *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  set_field_error (self, row, NULL);
  adw_entry_row_set_show_apply_button (row, FALSE);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

/* Shows one property of the open stakeholder (NULL: all of them). */
static void
fill_field (DossierStakeholdersPanel *self,
            const char               *property)
{
  DossierStakeholder *s = current_stakeholder (self);
  gboolean all = property == NULL;

  if (s == NULL)
    return;

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->text_fields); i++)
    if (all || g_str_equal (property, self->text_fields[i].property))
      {
        g_autofree char *text = field_text (s, self->text_fields[i].property);

        reset_text_field (self, self->text_fields[i].row, text);
      }
  if (all || g_str_equal (property, "name"))
    dossier_label_set_shown (self->detail_title, dossier_stakeholder_get_name (s));
  if (all || g_str_equal (property, "kind"))
    adw_combo_row_set_selected (self->kind_row, dossier_stakeholder_get_kind (s));
  if (all || g_str_equal (property, "stance-position"))
    adw_combo_row_set_selected (self->stance_row,
                                stance_to_index (dossier_stakeholder_get_stance_position (s)));
  if (all || g_str_equal (property, "power"))
    gtk_spin_button_set_value (self->power_spin, dossier_stakeholder_get_power (s));
  if (all || g_str_equal (property, "interest"))
    gtk_spin_button_set_value (self->interest_spin, dossier_stakeholder_get_interest (s));
  if (all || g_str_equal (property, "color"))
    {
      GdkRGBA rgba;

      if (gdk_rgba_parse (&rgba, dossier_stakeholder_get_color (s)))
        gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
    }
  self->filling = FALSE;
}

/* Escape in a text row holding what was typed and not applied (or was
 * refused) shows what the project holds again; TRUE if it did. */
static gboolean
restore_focused_field (DossierStakeholdersPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  DossierStakeholder *s = current_stakeholder (self);

  if (focus == NULL || s == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (self->text_fields); i++)
    {
      AdwEntryRow *row = self->text_fields[i].row;
      g_autofree char *text = NULL;

      if (!gtk_widget_is_ancestor (focus, GTK_WIDGET (row)))
        continue;
      text = field_text (s, self->text_fields[i].property);
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) == 0 &&
          !gtk_widget_has_css_class (GTK_WIDGET (row), "error"))
        return FALSE;
      self->filling = TRUE;
      reset_text_field (self, row, text);
      self->filling = FALSE;
      return TRUE;
    }
  return FALSE;
}

/* Typing again in a row marked as refused: the mark goes. */
static void
on_text_field_changed (DossierStakeholdersPanel *self,
                       AdwEntryRow              *row)
{
  if (!self->filling && gtk_widget_has_css_class (GTK_WIDGET (row), "error"))
    set_field_error (self, row, NULL);
}

static void reload_evidence (DossierStakeholdersPanel *self);
static void reload_mentions (DossierStakeholdersPanel *self);
static void describe_mentions (DossierStakeholdersPanel *self);

static gboolean
reload_cb (gpointer data)
{
  DossierStakeholdersPanel *self = data;

  self->reload_source = 0;
  if (self->reload_evidence)
    reload_evidence (self);
  if (self->reload_mentions)
    reload_mentions (self);
  self->reload_evidence = self->reload_mentions = FALSE;
  return G_SOURCE_REMOVE;
}

/* Before the next frame is laid out (GDK's redraw comes at
 * G_PRIORITY_HIGH_IDLE + 20), so what changed shows in it. */
static void
queue_reload (DossierStakeholdersPanel *self,
              gboolean                  evidence,
              gboolean                  mentions)
{
  self->reload_evidence |= evidence;
  self->reload_mentions |= mentions;
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, reload_cb, self, NULL);
}

static void
stakeholder_notify_cb (DossierStakeholdersPanel *self,
                       GParamSpec               *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "n-evidence"))
    {
      queue_reload (self, TRUE, FALSE);
      /* The mentions' heading counts the evidence too. */
      describe_mentions (self);
    }
  else if (g_str_equal (name, "n-mentions") || g_str_equal (name, "n-documents") ||
           g_str_equal (name, "mentions-pending"))
    queue_reload (self, FALSE, TRUE);
  else
    fill_field (self, name);
}

static void
report_edit_error (DossierStakeholdersPanel *self,
                   const GError             *error)
{
  dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not change the stakeholder"), error);
  /* The field shows what the project holds again. */
  fill_field (self, NULL);
}

typedef gboolean (*TextSetter) (DossierProject *, gint64, const char *, GError **);

/* A text row applied: refused, it keeps what was typed, marked with why,
 * to be corrected (or restored with Escape). */
static void
apply_text (DossierStakeholdersPanel *self,
            AdwEntryRow              *row,
            TextSetter                setter)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->filling || current_stakeholder (self) == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (!setter (PROJECT (self), self->stakeholder_id, text, &error))
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not change the stakeholder"), error);
      set_field_error (self, row, error->message);
    }
}

static void
on_name_apply (DossierStakeholdersPanel *self)
{
  apply_text (self, self->name_row, dossier_project_set_stakeholder_name);
}

static void
on_description_apply (DossierStakeholdersPanel *self)
{
  apply_text (self, self->description_row, dossier_project_set_stakeholder_description);
}

static void
on_stance_text_apply (DossierStakeholdersPanel *self)
{
  apply_text (self, self->stance_text_row, dossier_project_set_stakeholder_stance);
}

static void
on_interests_apply (DossierStakeholdersPanel *self)
{
  apply_text (self, self->interests_row, dossier_project_set_stakeholder_interests);
}

static void
on_aliases_apply (DossierStakeholdersPanel *self)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) aliases = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  if (self->filling || current_stakeholder (self) == NULL)
    return;

  /* Names contain commas ("Smith, Jones & Co"); semicolons separate. */
  parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->aliases_row)), ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_ptr_array_add (aliases, parts[i]);
    }
  g_ptr_array_add (aliases, NULL);

  if (!dossier_project_set_stakeholder_aliases (PROJECT (self), self->stakeholder_id,
                                                (const char * const *) aliases->pdata, &error))
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not change the stakeholder"), error);
      set_field_error (self, self->aliases_row, error->message);
    }
  else
    fill_field (self, "aliases");   /* as the core kept them */
}

static void
on_kind_selected (DossierStakeholdersPanel *self)
{
  DossierStakeholder *s = current_stakeholder (self);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  g_autoptr(GError) error = NULL;

  if (self->filling || s == NULL || kind >= DOSSIER_STAKEHOLDER_N_KINDS ||
      kind == (guint) dossier_stakeholder_get_kind (s))
    return;
  if (!dossier_project_set_stakeholder_kind (PROJECT (self), self->stakeholder_id, kind, &error))
    report_edit_error (self, error);
}

static void
on_stance_selected (DossierStakeholdersPanel *self)
{
  DossierStakeholder *s = current_stakeholder (self);
  int position = index_to_stance (adw_combo_row_get_selected (self->stance_row));
  g_autoptr(GError) error = NULL;

  if (self->filling || s == NULL || position == dossier_stakeholder_get_stance_position (s))
    return;
  if (!dossier_project_set_stakeholder_stance_position (PROJECT (self), self->stakeholder_id,
                                                        position, &error))
    report_edit_error (self, error);
}

static void
on_ratings_changed (DossierStakeholdersPanel *self)
{
  DossierStakeholder *s = current_stakeholder (self);
  int power = gtk_spin_button_get_value_as_int (self->power_spin);
  int interest = gtk_spin_button_get_value_as_int (self->interest_spin);
  g_autoptr(GError) error = NULL;

  if (self->filling || s == NULL ||
      (power == dossier_stakeholder_get_power (s) && interest == dossier_stakeholder_get_interest (s)))
    return;
  if (!dossier_project_set_stakeholder_ratings (PROJECT (self), self->stakeholder_id,
                                                power, interest, &error))
    report_edit_error (self, error);
}

static void
on_color_set (DossierStakeholdersPanel *self)
{
  GdkRGBA rgba;
  g_autofree char *color = NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling || current_stakeholder (self) == NULL)
    return;
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (int) (rgba.red * 255 + 0.5),
                           (int) (rgba.green * 255 + 0.5),
                           (int) (rgba.blue * 255 + 0.5));
  if (!dossier_project_set_stakeholder_color (PROJECT (self), self->stakeholder_id, color, &error))
    report_edit_error (self, error);
}

/* Deletes @s, with Undo in a toast; the editor it was open in goes back
 * to the list. */
static gboolean
delete_stakeholder (DossierStakeholdersPanel *self,
                    DossierStakeholder       *s)
{
  g_autoptr(DossierStakeholder) deleted = g_object_ref (s);
  g_autofree char *name = g_strdup (dossier_stakeholder_get_name (s));
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_stakeholder_get_id (s);

  if (!dossier_project_delete_stakeholder (PROJECT (self), id, &error))
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not delete the stakeholder"), error);
      return FALSE;
    }
  if (self->stakeholder_id == id)
    dossier_stakeholders_panel_set_stakeholder_id (self, 0);
  /* TRANSLATORS: a toast, with Undo; %s is the stakeholder's name */
  message = g_strdup_printf (C_("stakeholder", "“%s” deleted"), name);
  dossier_panel_show_toast (DOSSIER_PANEL (self), message, TRUE);
  /* Undone, it takes back the focus the deletion moved on. */
  dossier_panel_focus_on_return (DOSSIER_PANEL (self), GTK_WIDGET (self->list_view), deleted);
  return TRUE;
}

static guint position_of (DossierStakeholdersPanel *self,
                          DossierStakeholder       *s);

/* Deletes @s (from the list, or with the editor's Delete button); the
 * focus goes to the list, on the row that took its place. */
static void
delete_from_list (DossierStakeholdersPanel *self,
                  DossierStakeholder       *s)
{
  GListModel *model = dossier_project_get_stakeholders (PROJECT (self));
  guint position = position_of (self, s), n;

  if (!delete_stakeholder (self, s))
    return;
  n = g_list_model_get_n_items (model);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  if (n > 0 && position != G_MAXUINT)
    {
      g_autoptr(DossierStakeholder) next = g_list_model_get_item (model, MIN (position, n - 1));

      dossier_panel_focus_item (DOSSIER_PANEL (self), GTK_WIDGET (self->list_view), MIN (position, n - 1), next);
    }
}

/* The editor's Delete button goes with the editor: the focus it had goes
 * to the list, as Delete on a row leaves it (not to the panel's first
 * button, where GTK put it). */
static void
on_delete_clicked (DossierStakeholdersPanel *self)
{
  /* Deleting drops the project's reference: one of our own. */
  g_autoptr(DossierStakeholder) s = current_stakeholder (self) != NULL
                                    ? g_object_ref (current_stakeholder (self)) : NULL;

  if (s != NULL)
    delete_from_list (self, s);
}

/* Delete on a row of the list deletes it. */
static gboolean
delete_binding (GtkWidget *widget,
                GVariant  *args,
                gpointer   data)
{
  DossierStakeholdersPanel *self = data;
  DossierRow *row = dossier_panel_get_focus_row (DOSSIER_PANEL (self), GTK_WIDGET (self->list_view));
  g_autoptr(DossierStakeholder) s = row != NULL && dossier_row_get_item (row) != NULL
                                    ? g_object_ref (dossier_row_get_item (row)) : NULL;

  if (s == NULL || PROJECT (self) == NULL)
    return FALSE;
  if (!dossier_panel_is_writable (DOSSIER_PANEL (self)))
    {
      gtk_widget_error_bell (widget);
      return TRUE;
    }
  /* Deleting unbinds the row: @s is a reference of our own. */
  delete_from_list (self, s);
  return TRUE;
}

/* ---- the order ------------------------------------------------------------------- */

/* The place of @s in the list, or G_MAXUINT. */
static guint
position_of (DossierStakeholdersPanel *self,
             DossierStakeholder       *s)
{
  GListModel *model = PROJECT (self) != NULL ? dossier_project_get_stakeholders (PROJECT (self)) : NULL;
  guint n = model != NULL && s != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint position = 0; position < n; position++)
    {
      g_autoptr(DossierStakeholder) item = g_list_model_get_item (model, position);

      if (item == s)
        return position;
    }
  return G_MAXUINT;
}

/* The stakeholder the order keys act on: the one in the editor, else the
 * row with the keyboard focus in the list. */
static DossierStakeholder *
stakeholder_to_move (DossierStakeholdersPanel *self)
{
  DossierRow *row;

  if (current_stakeholder (self) != NULL)
    return current_stakeholder (self);
  row = dossier_panel_get_focus_row (DOSSIER_PANEL (self), GTK_WIDGET (self->list_view));
  return row != NULL ? dossier_row_get_item (row) : NULL;
}

static DossierStakeholder *stakeholder_of (DossierStakeholdersPanel *self,
                                           GVariant                 *id);

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierStakeholdersPanel *self = DOSSIER_STAKEHOLDERS_PANEL (widget);
  /* A row's menu names its stakeholder; the keys act on what has them. */
  DossierStakeholder *s = parameter != NULL ? stakeholder_of (self, parameter) : stakeholder_to_move (self);
  GListModel *model = PROJECT (self) != NULL ? dossier_project_get_stakeholders (PROJECT (self)) : NULL;
  gboolean up = g_str_has_suffix (action_name, "-up");
  g_autoptr(GError) error = NULL;
  guint position, n;
  double value;
  gint64 id;

  if (s == NULL || model == NULL || !dossier_panel_is_writable (DOSSIER_PANEL (self)))
    return;
  n = g_list_model_get_n_items (model);
  position = position_of (self, s);
  if (position >= n || (up && position == 0) || (!up && position + 1 >= n))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  id = dossier_stakeholder_get_id (s);
  value = gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)));
  if (!dossier_project_move_stakeholder (PROJECT (self), id, up ? (int) position - 1 : (int) position + 1, &error))
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not move the stakeholder"), error);
      return;
    }
  /* In the list, the keys go on moving the same one, in sight, the list
   * not scrolled unless it must be. */
  if (current_stakeholder (self) == NULL)
    dossier_panel_keep_in_view (DOSSIER_PANEL (self), GTK_WIDGET (self->list_view), value,
                                up ? position - 1 : position + 1);
}

/* Back to the list, the keyboard's focus in it (the back button it was
 * on is gone with the editor), on the stakeholder that was open, scrolled
 * into sight (one just added is at the end of a long list). */
static void
back_to_list (DossierStakeholdersPanel *self)
{
  guint position = position_of (self, current_stakeholder (self));

  g_autoptr(DossierStakeholder) open = current_stakeholder (self) ? g_object_ref (current_stakeholder (self)) : NULL;

  dossier_stakeholders_panel_set_stakeholder_id (self, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  if (position != G_MAXUINT)
    dossier_panel_focus_item (DOSSIER_PANEL (self), GTK_WIDGET (self->list_view), position, open);
}

static void
on_back_clicked (DossierStakeholdersPanel *self)
{
  back_to_list (self);
}

/* Escape in the editor goes back to the list, as its back button does
 * (in a text row holding what was typed, it first shows what the project
 * holds again); elsewhere it is someone else's. */
static gboolean
back_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  DossierStakeholdersPanel *self = DOSSIER_STAKEHOLDERS_PANEL (widget);

  if (current_stakeholder (self) == NULL)
    return FALSE;
  if (!restore_focused_field (self))
    back_to_list (self);
  return TRUE;
}

/* ---- the editor: evidence ------------------------------------------------------- */

static const char *
document_title (DossierStakeholdersPanel *self,
                gint64                    document_id)
{
  DossierDocument *doc = dossier_project_get_document (PROJECT (self), document_id);

  return doc ? dossier_document_get_title (doc) : _("Unknown document");
}

/* Evidence comes by document: a header above the first of each. */
static void
evidence_header_func (GtkListBoxRow *row,
                      GtkListBoxRow *before,
                      gpointer       data)
{
  DossierStakeholdersPanel *self = data;
  int index = gtk_list_box_row_get_index (row);
  DossierEvidence *evidence, *previous = NULL;
  GtkWidget *header;

  if (self->evidence == NULL || index < 0 || (guint) index >= self->evidence->len)
    return;
  evidence = g_ptr_array_index (self->evidence, index);
  if (before != NULL && index > 0)
    previous = g_ptr_array_index (self->evidence, index - 1);

  if (previous != NULL &&
      dossier_highlight_get_document_id (previous->highlight) ==
      dossier_highlight_get_document_id (evidence->highlight))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (NULL);
  dossier_label_set_shown (GTK_LABEL (header),
                           document_title (self, dossier_highlight_get_document_id (evidence->highlight)));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (header, 10);
  gtk_widget_set_margin_end (header, 10);
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static void
on_remove_evidence (DossierStakeholdersPanel *self,
                    GtkWidget                *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  DossierEvidence *evidence;
  g_autoptr(GError) error = NULL;
  int index;

  if (row == NULL || self->evidence == NULL)
    return;
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if (index < 0 || (guint) index >= self->evidence->len)
    return;
  evidence = g_ptr_array_index (self->evidence, index);

  if (!dossier_project_remove_stakeholder_evidence (PROJECT (self), self->stakeholder_id,
                                                    dossier_highlight_get_id (evidence->highlight),
                                                    &error))
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not remove the evidence"), error);
      return;
    }
  dossier_panel_show_toast (DOSSIER_PANEL (self), _("Evidence removed"), TRUE);
}

static GtkWidget *
make_evidence_row (DossierStakeholdersPanel *self,
                   DossierEvidence          *evidence)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *quote = gtk_label_new (dossier_highlight_get_quote (evidence->highlight));
  GtkWidget *cite, *remove;
  g_autoptr(GString) details = g_string_new (NULL);
  const char *role = dossier_evidence_role_get_label (evidence->role);

  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 4);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  dossier_label_set_max_lines (GTK_LABEL (quote), 4);
  gtk_widget_add_css_class (quote, "evidence-quote");
  gtk_box_append (GTK_BOX (labels), quote);

  if (role[0] != '\0')
    g_string_append (details, role);
  if (evidence->role == DOSSIER_EVIDENCE_STANCE && evidence->stance_position != DOSSIER_STANCE_UNKNOWN)
    /* Translators: the stance a passage shows, after its role: "Stance: Against" */
    g_string_printf (details, _("%s: %s"), role, dossier_stance_get_label (evidence->stance_position));
  if (evidence->note[0] != '\0')
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, evidence->note);
    }
  if (details->len > 0)
    {
      GtkWidget *caption = gtk_label_new (NULL);

      dossier_label_set_shown (GTK_LABEL (caption), details->str);

      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (caption), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_box_append (GTK_BOX (labels), caption);
    }
  gtk_widget_set_hexpand (labels, TRUE);

  /* Issue 9: what backs a stakeholder is what a briefing quotes. */
  cite = dossier_icon_button_new ("insert-text-symbolic", _("Cite in Briefing"), GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cite), "briefing.cite");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (cite),
                                          g_variant_new_string (dossier_highlight_get_uuid (evidence->highlight)));

  remove = dossier_icon_button_new ("list-remove-symbolic", _("Remove This Evidence"), GTK_ALIGN_START);
  gtk_widget_set_sensitive (remove, dossier_panel_is_writable (DOSSIER_PANEL (self)));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_evidence), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), cite);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  dossier_highlight_get_quote (evidence->highlight), -1);
  return row;
}

static gboolean
same_evidence (const DossierEvidence *a,
               const DossierEvidence *b)
{
  return dossier_highlight_get_id (a->highlight) == dossier_highlight_get_id (b->highlight) &&
         dossier_highlight_get_document_id (a->highlight) == dossier_highlight_get_document_id (b->highlight) &&
         g_strcmp0 (dossier_highlight_get_quote (a->highlight), dossier_highlight_get_quote (b->highlight)) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 &&
         a->role == b->role &&
         a->stance_position == b->stance_position;
}

/* Lists the open stakeholder's evidence again. Only the rows that
 * changed are made again: what the old and new lists share at their
 * start and their end stays (a citation adds one row, not the lot). */
static void
reload_evidence (DossierStakeholdersPanel *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->evidence);
  GtkWidget *child;
  guint n, n_old, head = 0, tail = 0;
  g_autofree char *description = NULL;

  if (current_stakeholder (self) == NULL)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list))) != NULL)
        gtk_list_box_remove (self->evidence_list, child);
      return;
    }

  self->evidence = dossier_project_list_stakeholder_evidence (PROJECT (self), self->stakeholder_id, &error);
  if (self->evidence == NULL)
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not list the evidence"), error);
      self->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_evidence_free);
    }

  n = self->evidence->len;
  n_old = old != NULL ? old->len : 0;
  /* The rows shown are those of @old, in its order. */
  while (head < MIN (n, n_old) &&
         same_evidence (g_ptr_array_index (old, head), g_ptr_array_index (self->evidence, head)))
    head++;
  while (tail < MIN (n, n_old) - head &&
         same_evidence (g_ptr_array_index (old, n_old - 1 - tail),
                        g_ptr_array_index (self->evidence, n - 1 - tail)))
    tail++;

  for (guint i = head; i < n_old - tail; i++)
    gtk_list_box_remove (self->evidence_list,
                         GTK_WIDGET (gtk_list_box_get_row_at_index (self->evidence_list, (int) head)));
  for (guint i = head; i < n - tail; i++)
    gtk_list_box_insert (self->evidence_list, make_evidence_row (self, g_ptr_array_index (self->evidence, i)),
                         (int) i);
  /* A row's document header depends on the row before it. */
  if (head < n || n_old != n)
    gtk_list_box_invalidate_headers (self->evidence_list);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list), n > 0);
  for (guint i = 0; i < n && self->focus_highlight_id != 0; i++)
    if (dossier_highlight_get_id (((DossierEvidence *) g_ptr_array_index (self->evidence, i))->highlight)
        == self->focus_highlight_id)
      {
        GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->evidence_list, (int) i));

        self->focus_highlight_id = 0;
        gtk_widget_grab_focus (row);
      }

  if (n == 0)
    description = g_strdup (_("Select a passage in the reader that shows who it is, what it "
                              "wants or what it can do, and cite it here."));
  adw_preferences_group_set_description (self->evidence_group, description);
}

static void
on_evidence_activated (DossierStakeholdersPanel *self,
                       GtkListBoxRow            *row)
{
  int index = gtk_list_box_row_get_index (row);
  DossierEvidence *evidence;

  if (self->evidence == NULL || index < 0 || (guint) index >= self->evidence->len)
    return;
  evidence = g_ptr_array_index (self->evidence, index);
  g_signal_emit (self, signals[HIGHLIGHT_ACTIVATED], 0,
                 dossier_highlight_get_document_id (evidence->highlight),
                 dossier_highlight_get_id (evidence->highlight));
}

/* ---- the editor: mentions --------------------------------------------------------- */

static GtkWidget *
make_mention_row (DossierStakeholdersPanel *self,
                  DossierMentionHit        *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  /* The mention in the language's quotes (« » in Spanish). */
  g_autofree char *quoted = g_strdup_printf (_("“%s”"), hit->mention);
  g_autofree char *text = g_strconcat (hit->before, quoted, hit->after, NULL);
  GtkWidget *snippet = gtk_label_new (text);
  GtkWidget *source = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  dossier_label_set_max_lines (GTK_LABEL (snippet), 3);
  dossier_label_set_shown (GTK_LABEL (source), document_title (self, hit->document_id));
  gtk_label_set_xalign (GTK_LABEL (source), 0);
  gtk_label_set_ellipsize (GTK_LABEL (source), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (source, "caption");
  gtk_widget_add_css_class (source, "dim-label");
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_box_append (GTK_BOX (box), source);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return row;
}

static void
describe_mentions (DossierStakeholdersPanel *self)
{
  DossierStakeholder *s = current_stakeholder (self);
  g_autofree char *counts = NULL;
  g_autoptr(GString) description = g_string_new (NULL);

  if (s == NULL || self->mentions == NULL)
    return;
  counts = dossier_stakeholder_describe_counts (s);
  g_string_append (description, counts);
  if (self->mentions->len > 0)
    {
      g_string_append (description, "\n");
      g_string_append_printf (description,
                              ngettext ("%u mention is not highlighted yet: read it in context.",
                                        "%u mentions are not highlighted yet: read them in context.",
                                        self->mentions->len),
                              self->mentions->len);
    }
  adw_preferences_group_set_description (self->mentions_group, description->str);
  gtk_widget_set_visible (GTK_WIDGET (self->mentions_list), self->mentions->len > 0);
}

/* How many highlights the document has now, from its live list (kept
 * for the last document asked about: the reader's, mostly). */
static guint
count_highlights (DossierStakeholdersPanel *self,
                  gint64                    document_id)
{
  if (self->watched_document != document_id || self->watched_highlights == NULL)
    {
      g_clear_object (&self->watched_highlights);
      self->watched_document = document_id;
      self->watched_highlights = PROJECT (self) != NULL && document_id != 0
                                 ? dossier_project_get_highlights (PROJECT (self), document_id, NULL)
                                 : NULL;
    }
  return self->watched_highlights != NULL ? g_list_model_get_n_items (self->watched_highlights) : 0;
}

static void
reload_mentions (DossierStakeholdersPanel *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint shown;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->mentions_list))) != NULL)
    gtk_list_box_remove (self->mentions_list, child);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);

  if (current_stakeholder (self) == NULL)
    return;

  self->mentions = dossier_project_list_unreviewed_mentions (PROJECT (self), self->stakeholder_id, &error);
  if (self->mentions == NULL)
    {
      g_message ("Could not list unreviewed mentions: %s", error->message);
      self->mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_mention_hit_free);
    }
  /* What the reader's document holds now, to know later whether a
   * change there only added highlights. */
  self->watched_count = count_highlights (self, self->document_id);

  shown = MIN (self->mentions->len, MAX_MENTION_ROWS);
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->mentions_list, make_mention_row (self, g_ptr_array_index (self->mentions, i)));
  describe_mentions (self);
}

/* Highlights were only added to @document_id (its live list grew): the
 * listed mentions they overlap are reviewed now; nothing else changed.
 * Neither the database nor the text is read. */
static void
prune_mentions (DossierStakeholdersPanel *self,
                gint64                    document_id)
{
  GListModel *highlights = self->watched_highlights;
  guint n = g_list_model_get_n_items (highlights);
  guint rows = MIN (self->mentions->len, MAX_MENTION_ROWS);
  gboolean changed = FALSE;

  for (guint i = 0; i < self->mentions->len;)
    {
      DossierMentionHit *hit = g_ptr_array_index (self->mentions, i);
      gboolean covered = FALSE;

      for (guint k = 0; hit->document_id == document_id && k < n && !covered; k++)
        {
          g_autoptr(DossierHighlight) hl = g_list_model_get_item (highlights, k);

          covered = dossier_highlight_get_start (hl) < hit->end && dossier_highlight_get_end (hl) > hit->start;
        }
      if (!covered)
        {
          i++;
          continue;
        }
      if (i < rows)
        {
          gtk_list_box_remove (self->mentions_list,
                               GTK_WIDGET (gtk_list_box_get_row_at_index (self->mentions_list, (int) i)));
          rows--;
        }
      g_ptr_array_remove_index (self->mentions, i);
      changed = TRUE;
    }
  if (!changed)
    return;

  /* Those further down move up into the rows shown. */
  for (; rows < MIN (self->mentions->len, MAX_MENTION_ROWS); rows++)
    gtk_list_box_append (self->mentions_list, make_mention_row (self, g_ptr_array_index (self->mentions, rows)));
  describe_mentions (self);
}

static void
on_mention_activated (DossierStakeholdersPanel *self,
                      GtkListBoxRow            *row)
{
  int index = gtk_list_box_row_get_index (row);
  DossierMentionHit *hit;

  if (self->mentions == NULL || index < 0 || (guint) index >= self->mentions->len)
    return;
  hit = g_ptr_array_index (self->mentions, index);
  g_signal_emit (self, signals[RANGE_ACTIVATED], 0, hit->document_id, hit->start, hit->end);
}

/* ---- the editor: citing ------------------------------------------------------------ */

static void
update_cite (DossierStakeholdersPanel *self)
{
  gboolean can = dossier_panel_is_writable (DOSSIER_PANEL (self)) &&
                 current_stakeholder (self) != NULL && has_selection (self);

  gtk_widget_set_sensitive (self->cite_button, can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stakeholders.cite-selection", can);
  /* A row's menu: for that row's stakeholder. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stakeholders.cite-for",
                                 dossier_panel_is_writable (DOSSIER_PANEL (self)) && has_selection (self));
}

/* Cites the reader's selection for @s (NULL: the stakeholder in the
 * editor); the highlight's id, or 0 (told in a toast). */
static gint64
cite_selection_for (DossierStakeholdersPanel *self,
                    DossierStakeholder       *s)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 highlight_id;

  if (s == NULL)
    s = current_stakeholder (self);
  if (s == NULL)
    {
      dossier_panel_show_toast (DOSSIER_PANEL (self), _("Open a stakeholder to cite evidence for it"), FALSE);
      return 0;
    }
  if (!has_selection (self))
    {
      dossier_panel_show_toast (DOSSIER_PANEL (self), _("Select a passage in the reader first"), FALSE);
      return 0;
    }

  highlight_id = dossier_project_add_stakeholder_evidence_range (PROJECT (self), dossier_stakeholder_get_id (s),
                                                                 self->document_id,
                                                                 self->selection_start, self->selection_end,
                                                                 "", DOSSIER_EVIDENCE_NONE,
                                                                 DOSSIER_STANCE_UNKNOWN, &error);
  if (highlight_id == 0)
    {
      dossier_panel_report_error (DOSSIER_PANEL (self), _("Could not cite the selection"), error);
      return 0;
    }

  message = g_strdup_printf (_("Evidence cited for “%s”"), dossier_stakeholder_get_name (s));
  dossier_panel_show_toast (DOSSIER_PANEL (self), message, TRUE);
  g_signal_emit (self, signals[SELECTION_CITED], 0, self->document_id, self->selection_start, self->selection_end);
  return highlight_id;
}

gboolean
dossier_stakeholders_panel_cite_selection (DossierStakeholdersPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDERS_PANEL (self), FALSE);

  return cite_selection_for (self, NULL) != 0;
}

/* The button keeps no focus: the passage cited takes it, in the list of
 * evidence where it is now listed (Ctrl+E leaves it where it is). */
static void
on_cite_clicked (DossierStakeholdersPanel *self)
{
  self->focus_highlight_id = cite_selection_for (self, NULL);
  if (self->focus_highlight_id != 0)
    reload_evidence (self);
}

static void
cite_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  dossier_stakeholders_panel_cite_selection (DOSSIER_STAKEHOLDERS_PANEL (widget));
}

/* ---- a row's menu and keys ------------------------------------------------------- */

/* The stakeholder a row's menu item is for (the item's target, its id),
 * or NULL. */
static DossierStakeholder *
stakeholder_of (DossierStakeholdersPanel *self,
                GVariant                 *id)
{
  return PROJECT (self) != NULL ? dossier_project_get_stakeholder (PROJECT (self), g_variant_get_int64 (id))
                                : NULL;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierStakeholdersPanel *self = DOSSIER_STAKEHOLDERS_PANEL (widget);

  if (stakeholder_of (self, parameter) != NULL)
    dossier_stakeholders_panel_set_stakeholder_id (self, g_variant_get_int64 (parameter));
}

static void
cite_for_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DossierStakeholdersPanel *self = DOSSIER_STAKEHOLDERS_PANEL (widget);
  DossierStakeholder *s = stakeholder_of (self, parameter);

  if (s != NULL)
    cite_selection_for (self, s);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierStakeholdersPanel *self = DOSSIER_STAKEHOLDERS_PANEL (widget);
  /* Deleting unbinds its row, and the menu with it: a reference of our own. */
  g_autoptr(DossierStakeholder) s = stakeholder_of (self, parameter) != NULL
                                    ? g_object_ref (stakeholder_of (self, parameter)) : NULL;

  if (s != NULL && dossier_panel_is_writable (DOSSIER_PANEL (self)))
    delete_from_list (self, s);
}

/* Ctrl+E on a row of the list cites the reader's selection for it, as it
 * does in the editor (and on an argument). */
static gboolean
cite_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  DossierStakeholdersPanel *self = data;
  DossierRow *row = dossier_panel_get_focus_row (DOSSIER_PANEL (self), GTK_WIDGET (self->list_view));

  if (row == NULL || dossier_row_get_item (row) == NULL)
    return FALSE;
  cite_selection_for (self, dossier_row_get_item (row));
  return TRUE;
}

/* ---- following the project --------------------------------------------------------- */

static void
show_page (DossierStakeholdersPanel *self)
{
  DossierStakeholder *s = current_stakeholder (self);
  gboolean writable = dossier_panel_is_writable (DOSSIER_PANEL (self));

  g_signal_group_set_target (self->stakeholder_signals, s);
  if (s == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
      GtkWidget *detail = gtk_stack_get_child_by_name (self->pages, "detail");

      gtk_stack_set_visible_child_name (self->pages, "list");
      /* The one open is gone (an add undone, say): the focus to the list,
       * not left in the editor sliding out (where GtkText blinked its
       * caret over the name it had selected) nor put where the stack
       * finds a place for it. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, detail))
        gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
      g_clear_pointer (&self->evidence, g_ptr_array_unref);
      g_clear_pointer (&self->mentions, g_ptr_array_unref);
      update_cite (self);
      return;
    }

  fill_field (self, NULL);
  /* Another stakeholder: none of the rows are its. */
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_evidence = self->reload_mentions = FALSE;
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list))) != NULL)
      gtk_list_box_remove (self->evidence_list, child);
  }
  reload_evidence (self);
  reload_mentions (self);
  update_cite (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->aliases_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->description_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stance_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stance_text_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->interests_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->power_spin), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->interest_spin), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->color_button), writable);
  gtk_widget_set_sensitive (self->delete_button, writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stakeholders.move-up", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stakeholders.move-down", writable);
  gtk_stack_set_visible_child_name (self->pages, "detail");
}

/* A stakeholder moved up or down (by the keys, its row's menu, an undo)
 * is taken out of the list and put back in its new place, the rows
 * between left alone (dossier_list_store_reconcile_moves ()). Its row is
 * made anew: the focus, on the row taken out, goes to the new one (the
 * grid keeps its dot selected itself). Here, before the list and the
 * grid hear of it. */
static void
list_changed_cb (DossierStakeholdersPanel *self,
                 guint                     position,
                 guint                     removed,
                 guint                     added,
                 GListModel               *model)
{
  if (removed > 0 && added == 0 && PROJECT (self) != NULL)
    {
      DossierRow *row = dossier_panel_get_focus_row (DOSSIER_PANEL (self), GTK_WIDGET (self->list_view));
      gpointer item = row != NULL ? dossier_row_get_item (row) : NULL;
      guint n = g_list_model_get_n_items (model);
      gboolean listed = FALSE;

      for (guint i = position; item != NULL && i < n && !listed; i++)
        {
          g_autoptr(GObject) there = g_list_model_get_item (model, i);

          listed = there == item;
        }
      if (item != NULL && !listed)
        {
          g_set_object (&self->focus_return, item);
          g_set_object (&self->focus_return_widget, gtk_widget_get_parent (GTK_WIDGET (row)));
        }
    }
  update_list_header (self);
  /* The open stakeholder was deleted (by an undo, say): back to the list.
   * A move takes it out and puts it back: the project still has it. */
  if (removed > 0 && self->stakeholder_id != 0 && current_stakeholder (self) == NULL)
    dossier_stakeholders_panel_set_stakeholder_id (self, 0);
}

/* After the list has heard of it: the focus on the row of the one moved. */
static void
list_changed_after_cb (DossierStakeholdersPanel *self,
                       guint                     position,
                       guint                     removed,
                       guint                     added,
                       GListModel               *model)
{
  g_autoptr(GObject) item = g_steal_pointer (&self->focus_return);
  g_autoptr(GtkWidget) had_focus = g_steal_pointer (&self->focus_return_widget);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (added == 0)
    {
      /* The emission that took it out: wait for the next. */
      g_set_object (&self->focus_return, item);
      g_set_object (&self->focus_return_widget, had_focus);
      return;
    }

  /* Its row's focus went with the row (GTK 4.8 leaves it on the row taken
   * out): unless it has gone somewhere else since, to the new row. */
  for (guint i = position; item != NULL && i < position + added; i++)
    {
      g_autoptr(GObject) there = g_list_model_get_item (model, i);

      if (there == item && (focus == NULL || focus == had_focus ||
                            gtk_widget_is_ancestor (focus, GTK_WIDGET (self))))
        dossier_panel_focus_item (DOSSIER_PANEL (self), GTK_WIDGET (self->list_view), i, item);
    }

}

static void
highlights_changed_cb (DossierStakeholdersPanel *self,
                       gint64                    document_id)
{
  guint before = self->watched_count;
  gboolean known = self->watched_document == document_id && self->watched_highlights != NULL;
  guint now;

  if (current_stakeholder (self) == NULL)
    return;

  /* A quote changed, a cited highlight went: the evidence (its rows
   * that differ). */
  queue_reload (self, TRUE, FALSE);

  /* A mention got highlighted: when highlights were only added (the
   * document's list grew), the rows they cover go; after anything else
   * (one removed, moved or changed) the mentions are listed again. */
  now = count_highlights (self, document_id);
  self->watched_count = now;
  if (known && now > before && self->mentions != NULL && self->watched_highlights != NULL)
    prune_mentions (self, document_id);
  else
    queue_reload (self, FALSE, TRUE);
}

static void
document_text_changed_cb (DossierStakeholdersPanel *self,
                          gint64                    document_id)
{
  if (document_id == self->document_id)
    dossier_suggestions_section_queue_reload (self->suggestions);
}

static void
dossier_stakeholders_panel_project_changed (DossierPanel *panel)
{
  DossierStakeholdersPanel *self = DOSSIER_STAKEHOLDERS_PANEL (panel);
  DossierProject *project = dossier_panel_get_project (panel);
  GtkNoSelection *selection;
  GListModel *model;

  self->stakeholder_id = 0;
  self->document_id = 0;
  self->selection_start = self->selection_end = 0;
  g_clear_object (&self->watched_highlights);
  self->watched_document = 0;

  g_signal_group_set_target (self->project_signals, project);
  if (project != NULL)
    model = g_object_ref (dossier_project_get_stakeholders (project));
  else
    model = G_LIST_MODEL (g_list_store_new (DOSSIER_TYPE_STAKEHOLDER));
  g_signal_group_set_target (self->list_signals, model);
  selection = gtk_no_selection_new (model);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  dossier_power_grid_set_model (self->power_grid, model);
  on_grid_selected (self);

  update_list_header (self);
  show_page (self);
  dossier_suggestions_section_reload (self->suggestions);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAKEHOLDER_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

/* ---- properties ---------------------------------------------------------------------- */

gint64
dossier_stakeholders_panel_get_document_id (DossierStakeholdersPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDERS_PANEL (self), 0);

  return self->document_id;
}

void
dossier_stakeholders_panel_set_document_id (DossierStakeholdersPanel *self,
                                            gint64                    document_id)
{
  g_return_if_fail (DOSSIER_IS_STAKEHOLDERS_PANEL (self));

  if (self->document_id == document_id)
    return;

  self->document_id = document_id;
  /* A selection belongs to the document it was made in. */
  self->selection_start = self->selection_end = 0;
  update_cite (self);
  dossier_suggestions_section_queue_reload (self->suggestions);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

gint64
dossier_stakeholders_panel_get_stakeholder_id (DossierStakeholdersPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDERS_PANEL (self), 0);

  return self->stakeholder_id;
}

void
dossier_stakeholders_panel_set_stakeholder_id (DossierStakeholdersPanel *self,
                                               gint64                    stakeholder_id)
{
  g_return_if_fail (DOSSIER_IS_STAKEHOLDERS_PANEL (self));

  if (PROJECT (self) == NULL || dossier_project_get_stakeholder (PROJECT (self), stakeholder_id) == NULL)
    stakeholder_id = 0;
  if (self->stakeholder_id == stakeholder_id)
    return;

  self->stakeholder_id = stakeholder_id;
  /* Back on the grid, the one just edited is the one selected. */
  if (stakeholder_id != 0)
    dossier_power_grid_set_selected_id (self->power_grid, stakeholder_id);
  show_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAKEHOLDER_ID]);
}

void
dossier_stakeholders_panel_set_selection (DossierStakeholdersPanel *self,
                                          gint64                    start,
                                          gint64                    end)
{
  g_return_if_fail (DOSSIER_IS_STAKEHOLDERS_PANEL (self));

  self->selection_start = MIN (start, end);
  self->selection_end = MAX (start, end);
  update_cite (self);
}

/* ---- GObject ----------------------------------------------------------------------- */

static void
dossier_stakeholders_panel_dispose (GObject *object)
{
  DossierStakeholdersPanel *self = DOSSIER_STAKEHOLDERS_PANEL (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_object (&self->watched_highlights);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->list_signals);
  g_clear_object (&self->stakeholder_signals);
  g_clear_object (&self->grid_signals);
  g_clear_weak_pointer (&self->drop_row);
  g_clear_object (&self->focus_return);
  g_clear_object (&self->focus_return_widget);
  g_clear_pointer (&self->add_context, g_free);
  g_clear_object (&self->add_kind);
  if (self->suggestions != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->suggestions, update_list_header, self);
      dossier_suggestions_section_set_source (self->suggestions, NULL, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_STAKEHOLDERS_PANEL);

  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_stakeholders_panel_parent_class)->dispose (object);
}

static void
dossier_stakeholders_panel_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  DossierStakeholdersPanel *self = DOSSIER_STAKEHOLDERS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      g_value_set_int64 (value, self->document_id);
      break;
    case PROP_STAKEHOLDER_ID:
      g_value_set_int64 (value, self->stakeholder_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_stakeholders_panel_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  DossierStakeholdersPanel *self = DOSSIER_STAKEHOLDERS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_ID:
      dossier_stakeholders_panel_set_document_id (self, g_value_get_int64 (value));
      break;
    case PROP_STAKEHOLDER_ID:
      dossier_stakeholders_panel_set_stakeholder_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Set in init rather than in the template: see
 * dossier_set_template_tooltips (). */
static const DossierTemplateTooltip panel_tooltips[] = {
  { "mentions_toggle", N_("Underline Unreviewed Mentions in the Reader") },
  { "grid_toggle", N_("Power/Interest Grid") },
  { "add_button", N_("Add a Stakeholder") },
  { "back_button", N_("All Stakeholders") },
  { "move_up_button", N_("Move Up in the List (Alt+Up)") },
  { "move_down_button", N_("Move Down in the List (Alt+Down)") },
  { "delete_button", N_("Delete Stakeholder") },
  { "cite_button", N_("Cite the passage selected in the reader as evidence (Ctrl+E)") },
};

static void
dossier_stakeholders_panel_class_init (DossierStakeholdersPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DossierPanelClass *panel_class = DOSSIER_PANEL_CLASS (klass);

  object_class->dispose = dossier_stakeholders_panel_dispose;
  object_class->get_property = dossier_stakeholders_panel_get_property;
  object_class->set_property = dossier_stakeholders_panel_set_property;
  panel_class->project_changed = dossier_stakeholders_panel_project_changed;

  properties[PROP_DOCUMENT_ID] =
    g_param_spec_int64 ("document-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAKEHOLDER_ID] =
    g_param_spec_int64 ("stakeholder-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[HIGHLIGHT_ACTIVATED] =
    g_signal_new ("highlight-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[RANGE_ACTIVATED] =
    g_signal_new ("range-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);
  signals[SELECTION_CITED] =
    g_signal_new ("selection-cited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "stakeholders.cite-selection", NULL,
                                   cite_selection_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "stakeholders.cite-selection", NULL);
  gtk_widget_class_install_action (widget_class, "stakeholders.export-grid", "s", export_grid_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.move-down", NULL, move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "stakeholders.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "stakeholders.move-down", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, back_binding, NULL);
  /* A row's menu (dossier-stakeholder-row.c): for its stakeholder's id. */
  gtk_widget_class_install_action (widget_class, "stakeholders.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.cite-for", "x", cite_for_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.move-row-up", "x", move_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.move-row-down", "x", move_action);
  gtk_widget_class_install_action (widget_class, "stakeholders.delete", "x", delete_action);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (DOSSIER_TYPE_STAKEHOLDER_ROW);
  g_type_ensure (DOSSIER_TYPE_POWER_GRID);
  g_type_ensure (DOSSIER_TYPE_SUGGESTIONS_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossier/Dossier/ui/dossier-stakeholders-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, pages);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, grid_toggle);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, add_button);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, add_popover);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, add_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, add_kind_button);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, compact_add_button);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, power_grid);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, grid_caption);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, suggestions);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, detail_title);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, delete_button);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, name_row);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, aliases_row);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, kind_row);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, description_row);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, stance_row);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, stance_text_row);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, interests_row);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, power_spin);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, interest_spin);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, color_button);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, cite_button);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, mentions_group);
  gtk_widget_class_bind_template_child (widget_class, DossierStakeholdersPanel, mentions_list);
  gtk_widget_class_bind_template_child_full (widget_class, "mentions_toggle", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "back_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "move_up_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "move_down_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_compact_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_add_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_add_popover_closed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_aliases_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_description_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_stance_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_stance_text_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_interests_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_ratings_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_color_set);
  gtk_widget_class_bind_template_callback (widget_class, on_cite_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_mention_activated);

  gtk_widget_class_set_css_name (widget_class, "stakeholderspanel");
}

static void
dossier_stakeholders_panel_init (DossierStakeholdersPanel *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stances = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  dossier_set_template_tooltips (GTK_WIDGET (self), DOSSIER_TYPE_STAKEHOLDERS_PANEL,
                                 panel_tooltips, G_N_ELEMENTS (panel_tooltips));
  /* Its menus not covered by their buttons' tooltips. */
  dossier_hold_menu_tooltips (GTK_WIDGET (self));
  /* The + is the last button of the sidebar's row, at the window's right
   * edge: centred on it, its popover went 110 px past the window. */
  dossier_menu_button_keep_popover_in_window (self->add_button);

  for (int k = 0; k < DOSSIER_STAKEHOLDER_N_KINDS; k++)
    gtk_string_list_append (kinds, dossier_stakeholder_kind_get_label (k));
  /* The kind of the one to add: a menu of them, not a drop-down (whose
   * list would come before the stakeholders' in the panel). */
  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
    g_autoptr(GMenu) menu = g_menu_new ();

    self->add_kind = g_simple_action_new_stateful ("kind", G_VARIANT_TYPE_INT32,
                                                   g_variant_new_int32 (DOSSIER_STAKEHOLDER_OTHER));
    g_signal_connect_object (self->add_kind, "change-state", G_CALLBACK (on_add_kind_change_state), self, 0);
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->add_kind));
    gtk_widget_insert_action_group (GTK_WIDGET (self->add_popover), "add", G_ACTION_GROUP (group));
    for (int k = 0; k < DOSSIER_STAKEHOLDER_N_KINDS; k++)
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (dossier_stakeholder_kind_get_label (k), NULL);

        g_menu_item_set_action_and_target_value (item, "add.kind", g_variant_new_int32 (k));
        g_menu_append_item (menu, item);
      }
    gtk_menu_button_set_menu_model (self->add_kind_button, G_MENU_MODEL (menu));
    show_add_kind (self, DOSSIER_STAKEHOLDER_OTHER);
  }
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  gtk_string_list_append (stances, dossier_stance_get_label (DOSSIER_STANCE_UNKNOWN));
  for (int p = DOSSIER_STANCE_MIN; p <= DOSSIER_STANCE_MAX; p++)
    gtk_string_list_append (stances, dossier_stance_get_label (p));
  adw_combo_row_set_model (self->stance_row, G_LIST_MODEL (stances));
  dossier_combo_row_list_whole (self->kind_row);
  dossier_combo_row_list_whole (self->stance_row);

  {
    AdwEntryRow *rows[] = { self->name_row, self->aliases_row, self->description_row,
                            self->stance_text_row, self->interests_row };
    const char *names[] = { "name", "aliases", "description", "stance", "interests" };

    G_STATIC_ASSERT (G_N_ELEMENTS (rows) == G_N_ELEMENTS (self->text_fields));
    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

        gtk_widget_add_css_class (icon, "error");
        gtk_widget_set_visible (icon, FALSE);
        adw_entry_row_add_suffix (rows[i], icon);
        self->text_fields[i].row = rows[i];
        self->text_fields[i].property = names[i];
        self->text_fields[i].error_icon = icon;
        g_signal_connect_object (rows[i], "changed", G_CALLBACK (on_text_field_changed), self,
                                 G_CONNECT_SWAPPED);
      }
  }
  gtk_list_box_set_header_func (self->evidence_list, evidence_header_func, self, NULL);
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                            gtk_callback_action_new (delete_binding, self, NULL)));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_e, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (cite_binding, self, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
  }
  dossier_panel_add_menu_keys (DOSSIER_PANEL (self), GTK_WIDGET (self->list_view));
  dossier_suggestions_section_set_source (self->suggestions, &suggestions_source, self);
  /* The empty list gives way to the suggestions while some show. */
  g_signal_connect_object (self->suggestions, "notify::n-suggestions", G_CALLBACK (update_list_header), self,
                           G_CONNECT_SWAPPED);

  self->project_signals = g_signal_group_new (DOSSIER_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "highlights-changed",
                                 G_CALLBACK (highlights_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "document-text-changed",
                                 G_CALLBACK (document_text_changed_cb), self, G_CONNECT_SWAPPED);
  /* What is a stakeholder's name, or was dismissed, is not suggested
   * (again, once undone). */
  g_signal_group_connect_object (self->project_signals, "stakeholder-names-changed",
                                 G_CALLBACK (dossier_suggestions_section_queue_reload), self->suggestions,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->project_signals, "dismissed-suggestions-changed",
                                 G_CALLBACK (dossier_suggestions_section_queue_reload), self->suggestions,
                                 G_CONNECT_SWAPPED);
  self->list_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_object (self->list_signals, "items-changed",
                                 G_CALLBACK (list_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->list_signals, "items-changed",
                                 G_CALLBACK (list_changed_after_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->stakeholder_signals = g_signal_group_new (DOSSIER_TYPE_STAKEHOLDER);
  g_signal_group_connect_object (self->stakeholder_signals, "notify",
                                 G_CALLBACK (stakeholder_notify_cb), self, G_CONNECT_SWAPPED);

  self->grid_signals = g_signal_group_new (DOSSIER_TYPE_STAKEHOLDER);
  g_signal_group_connect_object (self->grid_signals, "notify",
                                 G_CALLBACK (update_grid_caption), self, G_CONNECT_SWAPPED);

  /* A highlight card dropped on a row, or on a dot of the grid, is
   * evidence for that stakeholder. */
  {
    GtkWidget *targets[] = { GTK_WIDGET (self->list_view), GTK_WIDGET (self->power_grid) };

    for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
      {
        GtkDropTarget *drop = gtk_drop_target_new (DOSSIER_TYPE_HIGHLIGHT, GDK_ACTION_COPY);

        g_signal_connect (drop, "motion", G_CALLBACK (on_drop_motion), self);
        g_signal_connect (drop, "enter", G_CALLBACK (on_drop_motion), self);
        g_signal_connect_swapped (drop, "leave", G_CALLBACK (on_drop_leave), self);
        g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
        gtk_widget_add_controller (targets[i], GTK_EVENT_CONTROLLER (drop));
      }
  }

  dossier_stakeholders_panel_project_changed (DOSSIER_PANEL (self));
  on_grid_selected (self);
}

GtkWidget *
dossier_stakeholders_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_STAKEHOLDERS_PANEL, NULL);
}
