/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-reader-page-private.h — DossierReaderPage's instance struct,
 * shared by dossier-reader-page.c (the document, its highlights as spans
 * of the view, the keys, the "Tag…" button) and
 * dossier-reader-page-actions.c (the reader.* actions, the tag picker and
 * the highlight menu). */
#pragma once

#include <adwaita.h>

#include "dossier-reader-page.h"

G_BEGIN_DECLS

/* What the page keeps of a highlight of the document on show. */
typedef struct
{
  gint64 id;
  gint64 start;   /* code points */
  gint64 end;     /* exclusive */
} DossierReaderSpan;

/* What the view is aimed at while its text is laid out (see aim_tick). */
typedef enum
{
  DOSSIER_READER_AIM_TOP,      /* the top mark's line at the top: a place restored */
  DOSSIER_READER_AIM_CARET,    /* the caret in view: after Ctrl+Home or Ctrl+End */
  DOSSIER_READER_AIM_PASSAGE,  /* the start of a passage revealed in view */
} DossierReaderAim;

struct _DossierReaderPage
{
  GtkWidget            parent_instance;

  DossierProject      *project;
  GSignalGroup        *project_signals;
  GSignalGroup        *tags_signals;
  gint64               document_id;
  /* The document on show (its details: the byline follows them). */
  GSignalGroup        *document_signals;
  /* The project's live list of the document's highlights, and the
   * splices it announces (items-changed). */
  GListModel          *highlights;
  GSignalGroup        *highlights_signals;

  /* Tag id -> TagStyle, rebuilt when the codebook changes. */
  GHashTable          *tag_styles;
  gboolean             tag_styles_valid;
  /* Highlight id -> its length, of the document on show (for "the
   * highlight at the caret" without asking the database). */
  GHashTable          *span_lengths;
  /* Ids listed twice for a moment (a highlight that moved in the list:
   * its new place announced, its old one not yet), or NULL. */
  GHashTable          *span_moved;
  guint                respan_idle_id;
  /* Each item of highlights, in its order: its id and range
   * (DossierReaderSpan). The view keeps its own copy of the rest (colours,
   * label, tooltip), made for it from the list when handed over. */
  GArray              *spans;

  /* Restoring a scroll position (see scroll_to_top_offset): the line to
   * bring to the top, and how the aiming at it goes (aim_tick); or
   * keeping the caret in view after Ctrl+Home or Ctrl+End; or bringing a
   * passage revealed (reveal_range) into view, from aim_offset. */
  GtkTextMark         *top_mark;
  DossierReaderAim     aim;
  gint64               aim_offset;
  guint                aim_tick_id;
  guint                aim_frames;    /* frames re-aimed so far */
  guint                aim_held;      /* frames in a row it held */
  double               aim_upper;     /* the view's height at the last frame */
  /* The reading place a resize keeps (see on_view_scrolled): the first
   * character of the line at the top, taken at the text view's width
   * place_width (0: none yet). */
  gint64               place_offset;
  double               place_value;   /* the view's scroll value then */
  int                  place_width;

  GtkWidget           *tag_picker;
  GtkWidget           *highlight_menu;
  GtkWidget           *evidence_picker;      /* "Add as Evidence…", made when first asked for */
  /* Unreviewed mentions of stakeholders underlined (the "show-mentions"
   * setting); the idle that underlines them again after a change (of the
   * highlights, or of the stakeholders' names). */
  gboolean             show_mentions;
  /* Tagging or citing the selection takes whole words ("whole-words"). */
  gboolean             whole_words;
  guint                mentions_idle_id;
  guint                trim_idle_id;
  gint64               picker_highlight_id;   /* 0: the picker tags the range below */
  gint64               picker_document_id;
  gint64               picker_start;
  gint64               picker_end;
  /* What the text view's accessible description says of the caret. */
  char                *caret_description;
  /* The selection last tagged (-1: none): the "Tag…" button stays away
   * from it, its work done, until another selection is made. */
  gint64               tagged_start;
  gint64               tagged_end;
  /* What was tagged, to be selected once the frame that paints it is out
   * (see _dossier_reader_page_note_tagged), and the frame clock's
   * after-paint handler that does it (0: none). */
  gint64               select_tagged_start;
  gint64               select_tagged_end;
  GdkFrameClock       *select_tagged_clock;   /* weak */
  gulong               select_tagged_handler;
  /* The selection as the user made it (its insert and bound offsets; -1:
   * none kept) in document unwidened_document_id, before a picker selected
   * [widened_start, widened_end), the whole words it would tag or cite;
   * and the idle that gives it back once the picker closed having done
   * nothing (see _dossier_reader_page_unwiden_later). */
  gint64               unwidened_document_id;
  gint64               unwidened_insert;
  gint64               unwidened_bound;
  gint64               widened_start;
  gint64               widened_end;
  guint                unwiden_idle_id;

  /* The "Tag…" button's width with its label, as last measured with it
   * (see choose_tag_button_form). */
  int                  tag_button_labelled_width;

  /* Template children */
  GtkStack            *stack;
  GtkWidget           *view_box;
  GtkOverlay          *view_overlay;
  DossierDocumentView *document_view;
  GtkButton           *tag_selection_button;
  GtkWidget           *tag_selection_label;   /* hidden: the button is its icon alone */
};

/* dossier-reader-page-actions.c */
void     _dossier_reader_page_class_init_actions  (GtkWidgetClass    *widget_class);
void     _dossier_reader_page_update_actions      (DossierReaderPage *self);
/* The menu of plain text (no highlight under it) at (@x, @y) in the
 * document view's coordinates. */
void     _dossier_reader_page_popup_text_menu      (DossierReaderPage *self,
                                                   double             x,
                                                   double             y);
/* Shows the highlight context menu at (x, y) of the document view. */
void     _dossier_reader_page_popup_highlight_menu (DossierReaderPage *self,
                                                   gint64             highlight_id,
                                                   double             x,
                                                   double             y);
/* The highlight the keyboard points at (see there), 0 if none. */
gint64   _dossier_reader_page_highlight_at_caret  (DossierReaderPage *self);
/* The tags and memos of the highlights the caret is in ("Highlighted:
 * Costs, Government, memo: …"), NULL outside any. */
char    *_dossier_reader_page_describe_caret      (DossierReaderPage *self);
/* Puts that in the text view's accessible description (a screen reader
 * reads it where the caret is); on every caret move and repaint. */
void     _dossier_reader_page_update_caret_description (DossierReaderPage *self);

/* dossier-reader-page.c */
/* Makes every span again from the live list (after a codebook change). */
void     _dossier_reader_page_rebuild_highlights  (DossierReaderPage *self);
gboolean _dossier_reader_page_has_selection       (DossierReaderPage *self,
                                                   gint64            *start,
                                                   gint64            *end);
/* Selects [@start, @end) in the view, unless it is selected already: the
 * range about to be tagged, or just tagged, shown as what it is (whole
 * words). The caret stays at the end of the selection it was at. */
void     _dossier_reader_page_select              (DossierReaderPage *self,
                                                   gint64             start,
                                                   gint64             end);
/* Selects [@start, @end), the selection widened to whole words, for a
 * picker about to tag or cite it, keeping the selection as the user made
 * it for _dossier_reader_page_unwiden_later. */
void     _dossier_reader_page_widen_for_picker   (DossierReaderPage *self,
                                                   gint64             start,
                                                   gint64             end);
/* A picker closed: unless it tagged or cited what it showed
 * (_dossier_reader_page_note_tagged, which comes right after the picker
 * closes), the selection the user made is selected again, if the widened
 * one is still selected. */
void     _dossier_reader_page_unwiden_later       (DossierReaderPage *self);
/* [@start, @end) of the selection was just tagged: the view selects it
 * (the selection widened to whole words; after the next frame), the
 * "Tag…" button goes. */
void     _dossier_reader_page_note_tagged         (DossierReaderPage *self,
                                                   gint64             start,
                                                   gint64             end);
/* Shows or hides the "Tag…" button by the selection (and the picker). */
void     _dossier_reader_page_update_tag_button   (DossierReaderPage *self);
void     _dossier_reader_page_focus_text          (DossierReaderPage *self);

G_END_DECLS
