/* SPDX-License-Identifier: GPL-3.0-or-later */
/* briefing-fixture.h — what test-briefing-export and test-briefing-pdf
 * share: a project of two articles on one vote, each with a section
 * heading, three passages of them tagged "Evidence" for briefing notes to
 * cite, and a note comparing the two. */
#pragma once

#include "test-util.h"

G_BEGIN_DECLS

typedef struct
{
  TestProject  base;
  char        *dir;          /* a folder of its own for what a test writes */
  gint64       tribune;      /* The Calder Tribune, 2025-03-12 */
  gint64       ledger;       /* The Civic Ledger, 2025-03-13 */
  gint64       tag;          /* "Evidence", on the three passages */
  gint64       vote;         /* the Tribune's "voted 31 to 24" */
  gint64       grant;        /* the Tribune's "£72 million", under "The money" */
  gint64       traders;      /* the Ledger's, under "Traders" */
  char        *vote_uuid;
  char        *grant_uuid;
  char        *traders_uuid;
} BriefingFixture;

/* Makes the project; @traders is the Ledger's passage on the traders (a
 * test chooses its characters: emoji and CJK where its fonts draw them). */
void    briefing_fixture_set_up    (BriefingFixture *f,
                                    gconstpointer    data,
                                    const char      *traders);
/* Checks the project and removes it, and f->dir with all it holds. */
void    briefing_fixture_tear_down (BriefingFixture *f,
                                    gconstpointer    data);
/* A briefing note titled @title comparing the Ledger and the Tribune (in
 * that order), with @body; its id. */
gint64  briefing_fixture_add_note  (BriefingFixture *f,
                                    const char      *title,
                                    const char      *body);

G_END_DECLS
