/* SPDX-License-Identifier: GPL-3.0-or-later */
/* exchange-fixture.h — what the exchange tests share: a project written for
 * them (non-ASCII text, a three-level codebook, highlights by two authors,
 * memos, overlaps), exporting it to memory, reading zip archives and
 * validating XML against the REFI-QDA schemas in tests/fixtures/refi-qda.
 */
#pragma once

#include <dossier/dossier.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

G_BEGIN_DECLS

typedef struct
{
  char           *dir;
  char           *path;
  DossierProject *project;
  gint64          doc_tribune;   /* metadata, URL source, accents, emoji, CJK */
  gint64          doc_ledger;    /* no metadata, file name source */
  gint64          doc_notes;     /* short, several paragraphs */
  gint64          tag_actors;    /* Actors */
  gint64          tag_gov;       /* Actors/Government (description) */
  gint64          tag_minister;  /* Actors/Government/Minister */
  gint64          tag_costs;     /* Costs (description) */
  gint64          tag_unused;    /* Unused */
  gint64          h_mayor;       /* tribune, Government + Costs, memo, Ann */
  gint64          h_emoji;       /* tribune, Costs, Bea */
  gint64          h_cjk;         /* tribune, Actors, overlaps h_emoji */
  gint64          h_ledger;      /* ledger, Minister, memo with markup */
  gint64          h_notes;       /* notes, across a paragraph break */
  /* exchange_fixture_add_analysis () */
  gint64          s_mayor;       /* every field set, two pieces of evidence */
  gint64          s_traders;     /* defaults, evidence without a note */
  gint64          h_quote;       /* ledger, no tag: the mayor's evidence (quote) */
  gint64          h_untagged;    /* notes, no tag: an argument's evidence */
  gint64          q_bridge;
  gint64          a_air;         /* pro, the mayor's perspective */
  gint64          a_trade;       /* con, the traders' perspective */
  gint64          b_note;        /* cites h_mayor and h_quote, two documents */
} ExchangeFixture;

extern const char exchange_tribune_text[];
extern const char exchange_ledger_text[];
extern const char exchange_notes_text[];

void     exchange_fixture_set_up    (ExchangeFixture *f,
                                     gconstpointer    data);
void     exchange_fixture_tear_down (ExchangeFixture *f,
                                     gconstpointer    data);

/* Adds stakeholders (with evidence notes, roles and stances), a question
 * with a pro and a con (perspectives, strengths, evidence, some of it
 * passages without a tag) and a briefing note citing passages. */
void     exchange_fixture_add_analysis (ExchangeFixture *f);

/* A new empty project in the fixture's folder. */
DossierProject *exchange_new_project (ExchangeFixture *f,
                                      const char      *name);

gint64   exchange_add_document      (DossierProject *project,
                                     const char     *title,
                                     const char     *text,
                                     const char     *author,
                                     const char     *outlet,
                                     const char     *source,
                                     const char     *published);
/* A highlight over the first occurrence of @needle. */
gint64   exchange_add_highlight     (DossierProject *project,
                                     gint64          document_id,
                                     const char     *text,
                                     const char     *needle,
                                     const gint64   *tags,
                                     guint           n_tags,
                                     const char     *memo);

/* The export's bytes, or NULL with @error. */
GBytes  *exchange_export            (DossierProject        *project,
                                     DossierExportFormat    format,
                                     DossierExchangeTarget  target,
                                     gint64                 tag_id,
                                     GError               **error);

/* Entry names of a zip archive in @archive, in order. */
GStrv    exchange_zip_names         (GBytes     *archive);
/* The bytes of one entry, or NULL if there is none. */
GBytes  *exchange_zip_entry         (GBytes     *archive,
                                     const char *name);

/* Writes an archive of (name, contents) pairs to @path (NULL-terminated
 * varargs); contents are NUL-terminated strings. */
void     exchange_write_zip         (const char *path,
                                     ...) G_GNUC_NULL_TERMINATED;

/* Parses @xml (no network, no entities) and validates it against
 * tests/fixtures/refi-qda/@schema; fails the test if it is not valid. */
xmlDocPtr exchange_parse_valid      (GBytes     *xml,
                                     const char *schema);
/* XPath over a QDA-XML document: prefix "q" is the project namespace, "c"
 * the codebook's. */
xmlXPathObjectPtr exchange_xpath    (xmlDocPtr   doc,
                                     xmlNodePtr  context,
                                     const char *expr);
/* An attribute's value (g_free), or NULL. */
char    *exchange_attr              (xmlNodePtr  node,
                                     const char *name);
/* Text of the first child element @name of @node (g_free), or NULL. */
char    *exchange_child_text        (xmlNodePtr  node,
                                     const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathObject, xmlXPathFreeObject)

G_END_DECLS
