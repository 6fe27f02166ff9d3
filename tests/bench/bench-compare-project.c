/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-compare-project.c — the generated projects the compare benches
 * (bench-compare, bench-matrix-widget) measure. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-compare-project.h"

void
bench_die_on_error (const char *what,
                    GError     *error)
{
  if (error == NULL)
    return;
  fprintf (stderr, "%s: %s: %s\n", g_get_prgname (), what, error->message);
  exit (1);
}


static const char *const words[] = {
  "harbour", "bridge", "council", "tram", "grant", "traders", "heritage", "commuters",
  "deadline", "ministry", "inquiry", "ferry", "footfall", "bollards", "cyclists", "quay",
  "review", "vote", "deck", "toll", "tunnel", "shops", "fares", "depot",
};

static const char *const names[] = {
  "Harbour Council", "Transit Authority", "Merchants Association", "Heritage Trust",
  "Cyclists Union", "Ferry Company", "Commuters Forum", "Fire Service", "Ministry",
  "University",
};

static void
append_sentence (GString *out,
                 GRand   *rand,
                 guint    n_stakeholders)
{
  guint n = g_rand_int_range (rand, 8, 16);
  int kind = g_rand_int_range (rand, 0, 4);

  if (kind == 0 && n_stakeholders > 0)
    g_string_append_printf (out, "%s said ", names[g_rand_int_range (rand, 0, n_stakeholders)]);
  else if (kind == 1)
    {
      guint a = g_rand_int_range (rand, 5, 90);
      guint b = a + g_rand_int_range (rand, 1, 9);

      /* Figures of several kinds, some the same thing in other words. */
      switch (g_rand_int_range (rand, 0, 7))
        {
        case 0: g_string_append_printf (out, "The cost is £%u million", a); break;
        case 1: g_string_append_printf (out, "The grant is worth £%u million", a); break;
        case 2: g_string_append_printf (out, "The trip takes %u minutes", a); break;
        case 3: g_string_append_printf (out, "Detours add %u to %u minutes", a, b); break;
        case 4: g_string_append_printf (out, "Some %u per cent of traders expect losses", a); break;
        case 5: g_string_append_printf (out, "The deck carries %u,000 vehicles", a); break;
        default: g_string_append_printf (out, "About %u passengers ride daily", b); break;
        }
      g_string_append (out, " and ");
    }
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (out, i + 1 < n ? " " : ". ");
    }
}

/* One highlight per chosen sentence of every document, tagged round the
 * leaves of the codebook, written straight into the closed project file
 * (the core would take one action each: minutes for 20,000). */
static void
add_highlights (const char       *path,
                const BenchShape *shape,
                GArray           *doc_ids,
                GArray           *tag_ids)
{
  sqlite3 *db;
  sqlite3_stmt *text_stmt, *h_stmt, *t_stmt;
  guint next_tag = 0;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    {
      fprintf (stderr, "%s: cannot open %s\n", g_get_prgname (), path);
      exit (1);
    }
  sqlite3_prepare_v2 (db, "SELECT text FROM documents WHERE id = ?", -1, &text_stmt, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO highlights (uuid, document, start, end, quote, prefix,"
                          " suffix, author, created, modified)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, 'Bench', ?, ?)", -1, &h_stmt, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO highlight_tags (highlight, tag) VALUES (?, ?)", -1,
                      &t_stmt, NULL);
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  for (guint d = 0; d < doc_ids->len; d++)
    {
      gint64 doc = g_array_index (doc_ids, gint64, d);
      g_autofree char *text = NULL;
      g_autofree gunichar *u = NULL;
      glong n = 0;
      guint sentence = 0, made = 0;
      gint64 start = 0;
      guint step = MAX (1, shape->sentences_per_doc / shape->highlights_per_doc);

      sqlite3_bind_int64 (text_stmt, 1, doc);
      sqlite3_step (text_stmt);
      text = g_strdup ((const char *) sqlite3_column_text (text_stmt, 0));
      sqlite3_reset (text_stmt);
      u = g_utf8_to_ucs4_fast (text, -1, &n);

      for (glong i = 0; i < n && made < shape->highlights_per_doc; i++)
        {
          gint64 end = i;
          g_autofree char *uuid = NULL;
          g_autofree char *quote = NULL, *prefix = NULL, *suffix = NULL;
          gint64 ps, se;

          if (u[i] != '.')
            continue;
          if (sentence++ % step != 0 || end - start < 2)
            {
              start = i + 2;
              continue;
            }
          ps = MAX (0, start - 32);
          se = MIN (n, end + 32);
          uuid = g_uuid_string_random ();
          quote = g_ucs4_to_utf8 (u + start, end - start, NULL, NULL, NULL);
          prefix = g_ucs4_to_utf8 (u + ps, start - ps, NULL, NULL, NULL);
          suffix = g_ucs4_to_utf8 (u + end, se - end, NULL, NULL, NULL);
          sqlite3_bind_text (h_stmt, 1, uuid, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (h_stmt, 2, doc);
          sqlite3_bind_int64 (h_stmt, 3, start);
          sqlite3_bind_int64 (h_stmt, 4, end);
          sqlite3_bind_text (h_stmt, 5, quote, -1, SQLITE_STATIC);
          sqlite3_bind_text (h_stmt, 6, prefix, -1, SQLITE_STATIC);
          sqlite3_bind_text (h_stmt, 7, suffix, -1, SQLITE_STATIC);
          sqlite3_bind_text (h_stmt, 8, "2026-12-03T00:00:00Z", -1, SQLITE_STATIC);
          sqlite3_bind_text (h_stmt, 9, "2026-12-03T00:00:00Z", -1, SQLITE_STATIC);
          if (sqlite3_step (h_stmt) != SQLITE_DONE)
            {
              fprintf (stderr, "%s: insert: %s\n", g_get_prgname (), sqlite3_errmsg (db));
              exit (1);
            }
          sqlite3_reset (h_stmt);
          sqlite3_bind_int64 (t_stmt, 1, sqlite3_last_insert_rowid (db));
          sqlite3_bind_int64 (t_stmt, 2, g_array_index (tag_ids, gint64, next_tag++ % tag_ids->len));
          sqlite3_step (t_stmt);
          sqlite3_reset (t_stmt);
          made++;
          start = i + 2;
        }
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_finalize (text_stmt);
  sqlite3_finalize (h_stmt);
  sqlite3_finalize (t_stmt);
  sqlite3_close (db);
}

/* Makes the project at @path; its documents' ids in @doc_ids. */
DossierProject *
bench_make_project (const char       *path,
                    const BenchShape *shape,
                    GArray           *doc_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(GArray) leaves = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(DossierProject) project = dossier_project_create (path, "Bench", &error);
  g_autoptr(GPtrArray) wire = g_ptr_array_new_with_free_func (g_free);
  gint64 t0 = g_get_monotonic_time ();

  bench_die_on_error ("create", error);
  for (guint w = 0; w < 5; w++)
    {
      GString *p = g_string_new (NULL);

      for (guint s = 0; s < 4; s++)
        append_sentence (p, rand, shape->n_stakeholders);
      g_ptr_array_add (wire, g_string_free (p, FALSE));
    }

  for (guint d = 0; d < shape->n_docs; d++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GBytes) bytes = NULL;
      DossierParsedDocument *parsed;
      gint64 id;

      g_string_append_printf (text, "Report %u on the harbour bridge\n\n", d + 1);
      for (guint s = 0; s < shape->sentences_per_doc; s++)
        {
          append_sentence (text, rand, shape->n_stakeholders);
          if (s % 6 == 5)
            g_string_append (text, "\n\n");
          if (s == shape->sentences_per_doc / 2 && shape->shared_every > 0 &&
              d % shape->shared_every == 0)
            {
              g_string_append (text, g_ptr_array_index (wire, d % wire->len));
              g_string_append (text, "\n\n");
            }
        }
      bytes = g_bytes_new (text->str, text->len);
      parsed = dossier_import_bytes (bytes, DOSSIER_FORMAT_TEXT, "report.txt", &error);
      bench_die_on_error ("import", error);
      id = dossier_project_add_document (project, parsed, &error);
      dossier_parsed_document_free (parsed);
      bench_die_on_error ("add document", error);
      g_array_append_val (doc_ids, id);
    }

  for (guint p = 0; p < shape->n_parents; p++)
    {
      g_autofree char *name = g_strdup_printf ("Theme %u", p + 1);
      gint64 parent = dossier_project_add_tag (project, name, 0, NULL, NULL, &error);

      bench_die_on_error ("add tag", error);
      for (guint c = 0; c < shape->n_children; c++)
        {
          g_autofree char *child_name = g_strdup_printf ("Theme %u.%u", p + 1, c + 1);
          gint64 child = dossier_project_add_tag (project, child_name, parent, NULL, NULL, &error);

          bench_die_on_error ("add tag", error);
          g_array_append_val (leaves, child);
        }
      if (shape->n_children == 0)
        g_array_append_val (leaves, parent);
    }

  for (guint s = 0; s < shape->n_stakeholders; s++)
    {
      g_auto(GStrv) parts = g_strsplit (names[s], " ", 2);
      const char *aliases[] = { parts[0], NULL };

      dossier_project_add_stakeholder (project, names[s], aliases, DOSSIER_STAKEHOLDER_ORGANISATION,
                                       &error);
      bench_die_on_error ("add stakeholder", error);
    }
  dossier_project_close (project);
  g_clear_object (&project);

  add_highlights (path, shape, doc_ids, leaves);
  project = dossier_project_open (path, DOSSIER_OPEN_READ_WRITE, &error);
  bench_die_on_error ("open", error);
  fprintf (stderr, "  (made %u documents, %u tags, %u highlights in %.1f s)\n", shape->n_docs,
           shape->n_parents * (1 + shape->n_children), shape->n_docs * shape->highlights_per_doc,
           (g_get_monotonic_time () - t0) / 1e6);
  return g_steal_pointer (&project);
}

char *
bench_make_text (guint seed,
                 gsize bytes)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *text = g_string_sized_new (bytes + 256);

  for (guint s = 0; text->len < bytes; s++)
    {
      append_sentence (text, rand, G_N_ELEMENTS (names));
      if (s % 6 == 5)
        g_string_append (text, "\n\n");
    }
  return g_string_free (text, FALSE);
}

void
bench_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}
