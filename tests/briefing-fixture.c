/* SPDX-License-Identifier: GPL-3.0-or-later */
/* briefing-fixture.c — the briefing notes' test project (see
 * briefing-fixture.h). */

#include "config.h"

#include "briefing-fixture.h"

static const char tribune_text[] =
  "# Port Calder closes its bridge\n"
  "\n"
  "The council voted 31 to 24 on Tuesday.\n"
  "\n"
  "## The money\n"
  "\n"
  "The national grant is £72 million, on condition that work begins before 2027.\n";

void
briefing_fixture_set_up (BriefingFixture *f,
                         gconstpointer    data,
                         const char      *traders)
{
  g_autofree char *ledger_text = g_strdup_printf ("# A tram dream with a bill to come\n"
                                                  "\n"
                                                  "## Traders\n"
                                                  "\n"
                                                  "64 per cent of traders expect to lose trade — %s.\n",
                                                  traders);
  DossierProject *project;

  test_project_set_up (&f->base, data);
  project = f->base.project;
  f->dir = test_make_tmp_dir ("briefing");
  f->tribune = add_markdown_doc (project, tribune_text, "The Calder Tribune", "2025-03-12");
  f->ledger = add_markdown_doc (project, ledger_text, "The Civic Ledger", "2025-03-13");
  f->tag = add_tag (project, "Evidence", 0);
  f->vote = add_phrase_highlight (project, f->tribune, "voted 31 to 24", f->tag, &f->vote_uuid);
  f->grant = add_phrase_highlight (project, f->tribune, "£72 million", f->tag, &f->grant_uuid);
  f->traders = add_phrase_highlight (project, f->ledger, traders, f->tag, &f->traders_uuid);
}

void
briefing_fixture_tear_down (BriefingFixture *f,
                            gconstpointer    data)
{
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->vote_uuid, g_free);
  g_clear_pointer (&f->grant_uuid, g_free);
  g_clear_pointer (&f->traders_uuid, g_free);
  test_project_tear_down (&f->base, data);
}

gint64
briefing_fixture_add_note (BriefingFixture *f,
                           const char      *title,
                           const char      *body)
{
  g_autoptr(GError) error = NULL;
  gint64 docs[] = { f->ledger, f->tribune };
  gint64 id = dossier_project_add_briefing (f->base.project, title, docs, G_N_ELEMENTS (docs),
                                            body, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}
