/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-suggestions-section.h — what the open document suggests, under a
 * panel's own list: a heading with the count, one row per suggestion with
 * an accept (+) and a dismiss (×) button (and, where the source can merge,
 * a button that merges it into something the project has, chosen from a
 * searchable list), and optionally Accept All and Dismiss All.
 *
 * The section asks its source for the suggestions (a panel: "ask the
 * core"), again at most once per idle however many changes ask it to, and
 * hides itself when there are none. What a suggestion is stays the
 * source's: the section only holds the array the source returned and hands
 * its elements back when the user acts on them. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_SUGGESTIONS_SECTION (dossier_suggestions_section_get_type ())
G_DECLARE_FINAL_TYPE (DossierSuggestionsSection, dossier_suggestions_section, DOSSIER, SUGGESTIONS_SECTION, GtkWidget)

/* How a row shows one suggestion: describe() fills it with strings the
 * section frees. */
typedef struct
{
  char *title;           /* the suggested statement or name */
  char *subtitle;        /* details under it, or NULL */
  char *subtitle_class;  /* a style class for them ("success"), or NULL: dimmed */
  char *accept_label;    /* tooltip and accessible name of its + button */
  char *dismiss_label;   /* the same for its × button */
  char *merge_label;     /* the same for its merge button (if the source merges) */
} DossierSuggestionRow;

/* What a suggestion can be merged into: @id is the source's own. */
typedef struct
{
  gint64  id;
  char   *label;
} DossierSuggestionTarget;

void dossier_suggestion_target_free (DossierSuggestionTarget *target);

typedef struct
{
  /* The suggestions for now, as a GPtrArray that frees them, or NULL:
   * nothing to suggest (no error), or a failure (@error set, logged). */
  GPtrArray *(*suggest)  (gpointer      user_data,
                          GError      **error);
  /* The heading for @n suggestions ("3 Suggestions from This Document"). */
  char      *(*heading)  (guint         n,
                          gpointer      user_data);
  void       (*describe) (gpointer              suggestion,
                          DossierSuggestionRow *row,
                          gpointer              user_data);
  /* Act on @n of the suggestions shown (one, or all of them); TRUE when
   * something changed, and the section asks for the suggestions again. */
  gboolean   (*accept)   (gpointer     *suggestions,
                          guint         n,
                          gpointer      user_data);
  gboolean   (*dismiss)  (gpointer     *suggestions,
                          guint         n,
                          gpointer      user_data);
  /* Optional, both or neither. What @suggestion can be merged into, most
   * likely first, as a GPtrArray of DossierSuggestionTarget that frees
   * them (asked when the user opens the list); and the merge, TRUE when
   * something changed. */
  GPtrArray *(*merge_targets) (gpointer  suggestion,
                               gpointer  user_data);
  gboolean   (*merge)    (gpointer      suggestion,
                          gint64        target_id,
                          gpointer      user_data);
} DossierSuggestionsSource;

/* Properties: "list-label" (string: the list's accessible name),
 * "list-class" (string: a style class of the list), "bulk-actions"
 * (boolean: whether Accept All and Dismiss All are offered),
 * "n-suggestions" (uint, read-only: how many are shown), "fill"
 * (boolean: whether the list takes all the height the section is given,
 * unfolded, rather than at most 260 px; for a panel whose own list is
 * empty), "content" (GtkWidget: the panel's own list, shown above the
 * suggestions, sharing the height with them: see
 * dossier_suggestions_section_set_content ()), "content-room" (int,
 * pixels: the least height the content is given beside the suggestions
 * unfolded; where the section is too short for that, they take the whole
 * of it while unfolded; 0, the default: they always share).
 *
 * Enter (or a double click) on a suggestion's row accepts it, as its +
 * does; the focus then goes to the row that takes its place. */
GtkWidget *dossier_suggestions_section_new             (void);

/* @source is kept (it is static); @user_data is not referenced: set the
 * source to NULL before @user_data goes. */
void       dossier_suggestions_section_set_source      (DossierSuggestionsSection      *self,
                                                        const DossierSuggestionsSource *source,
                                                        gpointer                        user_data);
/* Asks the source now / in an idle (repeated calls ask once). */
void       dossier_suggestions_section_reload          (DossierSuggestionsSection *self);
void       dossier_suggestions_section_queue_reload    (DossierSuggestionsSection *self);
guint      dossier_suggestions_section_get_n_suggestions (DossierSuggestionsSection *self);
void       dossier_suggestions_section_set_fill        (DossierSuggestionsSection *self,
                                                        gboolean                   fill);
gboolean   dossier_suggestions_section_get_fill        (DossierSuggestionsSection *self);
/* @content (the panel's list, or NULL) goes above the suggestions, which
 * take at most 40 % of the height under it (their natural height, up to
 * 260 px, when the list leaves them that); with "fill", it gets its
 * natural height and the suggestions the rest. The section expands as
 * @content or the suggestions do. */
void       dossier_suggestions_section_set_content     (DossierSuggestionsSection *self,
                                                        GtkWidget                 *content);
GtkWidget *dossier_suggestions_section_get_content     (DossierSuggestionsSection *self);
void       dossier_suggestions_section_set_content_room (DossierSuggestionsSection *self,
                                                         int                        content_room);
int        dossier_suggestions_section_get_content_room (DossierSuggestionsSection *self);

G_END_DECLS
