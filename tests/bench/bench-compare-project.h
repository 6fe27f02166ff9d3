/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-compare-project.h — a generated project for the compare benches:
 * documents of ASCII sentences (figures, stakeholders' names, wire copy
 * shared by some), a codebook of themes and sub-themes, and highlights
 * tagged round its leaves. */
#pragma once

#include <dossier/dossier.h>

G_BEGIN_DECLS

typedef struct
{
  guint n_docs;
  guint n_parents;            /* top-level tags */
  guint n_children;           /* sub-tags of each */
  guint n_stakeholders;
  guint highlights_per_doc;
  guint sentences_per_doc;
  guint shared_every;         /* every Nth document carries wire copy; 0 = none */
} BenchShape;

/* Prints "PROGRAM: WHAT: message" and exits when @error is set. */
void            bench_die_on_error (const char       *what,
                                    GError           *error);
/* Makes the project at @path (opened read-write); its documents' ids,
 * in order, in @doc_ids. */
DossierProject *bench_make_project (const char       *path,
                                    const BenchShape *shape,
                                    GArray           *doc_ids);
/* About @bytes bytes of the same sentences, a paragraph every six, from
 * @seed; for documents too long to generate sentence by sentence per
 * shape. The caller frees it. */
char           *bench_make_text    (guint             seed,
                                    gsize             bytes);
/* Removes @dir and the files in it (the projects made, their journals). */
void            bench_remove_dir   (const char       *dir);

G_END_DECLS
