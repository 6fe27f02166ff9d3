/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-suggest.c — stakeholders and arguments proposed from a document:
 * fixtures written for these tests (tests/fixtures/suggest: an English
 * Markdown article and a Spanish plain-text one) and the project's own
 * sample articles (data/samples). Every pro and con list item is found
 * with its polarity; no heading, paragraph or neutral list is proposed;
 * name variants are grouped. */

#include "config.h"

#include <string.h>

#include <dossier/dossier.h>
#include <dossier/dossier-suggest.h>

#include "test-util.h"

static DossierParsedDocument *
import_file (const char *dir_env,
             const char *subdir,
             const char *name)
{
  const char *dir = g_getenv (dir_env);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  DossierParsedDocument *doc;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, subdir, name, NULL);
  file = g_file_new_for_path (path);
  doc = dossier_import_file (file, DOSSIER_FORMAT_AUTO, NULL, &error);
  g_assert_no_error (error);

  return doc;
}

static GPtrArray *
arguments_of (DossierParsedDocument *doc)
{
  return dossier_suggest_arguments (doc->text, (DossierBlock *) (void *) doc->blocks->data,
                                    doc->blocks->len);
}

static GPtrArray *
stakeholders_of (DossierParsedDocument *doc)
{
  return dossier_suggest_stakeholders (doc->text, (DossierBlock *) (void *) doc->blocks->data,
                                       doc->blocks->len);
}

/* Every suggestion starts where a list item does: never a heading or a
 * paragraph. */
static void
assert_list_items_only (DossierParsedDocument *doc,
                        GPtrArray             *arguments)
{
  for (guint i = 0; i < arguments->len; i++)
    {
      DossierArgumentSuggestion *a = g_ptr_array_index (arguments, i);
      gboolean found = FALSE;

      for (guint b = 0; b < doc->blocks->len; b++)
        {
          DossierBlock *block = &g_array_index (doc->blocks, DossierBlock, b);

          if (block->start == a->start)
            {
              g_assert_cmpint (block->kind, ==, DOSSIER_BLOCK_LIST_ITEM);
              found = TRUE;
            }
        }
      g_assert_true (found);
      g_assert_cmpint (a->end, >, a->start);
    }
}

static void
assert_argument (GPtrArray       *arguments,
                 guint            i,
                 DossierPolarity  polarity,
                 const char      *statement,
                 const char      *heading)
{
  DossierArgumentSuggestion *a;

  g_assert_cmpuint (i, <, arguments->len);
  a = g_ptr_array_index (arguments, i);
  g_assert_cmpstr (a->statement, ==, statement);
  g_assert_cmpint (a->polarity, ==, polarity);
  g_assert_cmpstr (a->heading, ==, heading);
}

static DossierStakeholderSuggestion *
find_stakeholder (GPtrArray  *suggestions,
                  const char *name)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      DossierStakeholderSuggestion *s = g_ptr_array_index (suggestions, i);

      if (g_str_equal (s->name, name))
        return s;
    }

  g_error ("“%s” was not suggested", name);
  return NULL;
}

/* The suggestion named @name, which must be of @kind. */
static DossierStakeholderSuggestion *
find_stakeholder_of_kind (GPtrArray              *suggestions,
                          const char             *name,
                          DossierStakeholderKind  kind)
{
  DossierStakeholderSuggestion *s = find_stakeholder (suggestions, name);

  if (s->kind != kind)
    g_error ("“%s” is suggested as %s", name, dossier_stakeholder_kind_to_string (s->kind));
  return s;
}

/* The picker gives @one, picked in @text by its name alone or at its
 * place, the kind the suggestions give it. */
static void
assert_kind_as_picker (const char                   *text,
                       DossierStakeholderSuggestion *one)
{
  g_test_message ("%s", one->name);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, one->name, -1, -1), ==, one->kind);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, one->name, one->start, one->end),
                   ==, one->kind);
}

static void
assert_alias (DossierStakeholderSuggestion *s,
              const char                   *alias)
{
  if (!g_strv_contains ((const char * const *) s->aliases, alias))
    g_error ("“%s” is not an alias of “%s”", alias, s->name);
}

/* The suggestion @name is of @kind, known by @alias too, and mentioned
 * @n_mentions times. */
static void
assert_known_by (GPtrArray              *suggestions,
                 const char             *name,
                 DossierStakeholderKind  kind,
                 const char             *alias,
                 guint                   n_mentions)
{
  DossierStakeholderSuggestion *s = find_stakeholder_of_kind (suggestions, name, kind);

  assert_alias (s, alias);
  g_assert_cmpuint (s->n_mentions, ==, n_mentions);
}

static void
assert_not_suggested (GPtrArray  *suggestions,
                      const char *name)
{
  g_autofree char *folded = dossier_text_fold (name);

  for (guint i = 0; i < suggestions->len; i++)
    {
      DossierStakeholderSuggestion *s = g_ptr_array_index (suggestions, i);
      g_autofree char *other = dossier_text_fold (s->name);

      if (g_str_equal (folded, other))
        g_error ("“%s” should not be suggested", name);
      for (guint j = 0; s->aliases[j] != NULL; j++)
        {
          g_autofree char *alias = dossier_text_fold (s->aliases[j]);

          if (g_str_equal (folded, alias))
            g_error ("“%s” should not be an alias of “%s”", name, s->name);
        }
    }
}

static void
test_arguments_markdown (void)
{
  g_autoptr(DossierParsedDocument) doc = import_file ("DOSSIER_FIXTURES_DIR", "suggest", "ferry-levy.md");
  g_autoptr(GPtrArray) args = arguments_of (doc);
  g_autofree char *first = NULL;
  DossierArgumentSuggestion *a;

  assert_list_items_only (doc, args);
  g_assert_cmpuint (args->len, ==, 10);

  /* Headings, with a lead-in or the first sentence as the statement. */
  assert_argument (args, 0, DOSSIER_POLARITY_PRO, "Secure funding", "Advantages");
  assert_argument (args, 1, DOSSIER_POLARITY_PRO, "Fairness", "Advantages");
  assert_argument (args, 2, DOSSIER_POLARITY_PRO,
                   "Safety on the quays, where two of the four terminals have failed inspections.",
                   "Advantages");
  assert_argument (args, 3, DOSSIER_POLARITY_CON,
                   "A burden on islanders on low incomes, for whom the ferry is the only road.",
                   "Disadvantages");
  assert_argument (args, 4, DOSSIER_POLARITY_CON,
                   "Tourism could fall on the smaller islands, where day visitors already pay the "
                   "highest fares.", "Disadvantages");
  assert_argument (args, 5, DOSSIER_POLARITY_CON, "Paying twice", "Disadvantages");
  /* Under a heading for both sides, items that say their side; the one
   * that does not is left out. */
  assert_argument (args, 6, DOSSIER_POLARITY_PRO, "The terminals are rebuilt within six years.",
                   "Pros and cons in brief");
  assert_argument (args, 7, DOSSIER_POLARITY_CON, "Every ticket gets dearer.",
                   "Pros and cons in brief");
  /* A label paragraph over a list; "How the plan reduces risks" and "Key
   * points" are no lists of cons. */
  assert_argument (args, 8, DOSSIER_POLARITY_CON,
                   "A strike by ferry crews in the first month of the levy.", "Risks");
  assert_argument (args, 9, DOSSIER_POLARITY_CON, "Legal challenges from the island councils.",
                   "Risks");

  /* A sub-item is evidence of the item above it, not an argument. */
  a = g_ptr_array_index (args, 0);
  first = dossier_text_slice (doc->text, a->start, a->end);
  g_assert_true (g_str_has_prefix (first, "Secure funding: the levy"));
  g_assert_nonnull (strstr (first, "no other source could be found before 2030."));
}

static void
test_arguments_spanish (void)
{
  g_autoptr(DossierParsedDocument) doc = import_file ("DOSSIER_FIXTURES_DIR", "suggest", "reforma-puerto.txt");
  g_autoptr(GPtrArray) args = arguments_of (doc);

  assert_list_items_only (doc, args);
  g_assert_cmpuint (args->len, ==, 6);
  assert_argument (args, 0, DOSSIER_POLARITY_PRO, "Inversión garantizada", "Ventajas");
  assert_argument (args, 1, DOSSIER_POLARITY_PRO,
                   "Más tráfico de mercancías y, con él, más ingresos para la ciudad.", "Ventajas");
  assert_argument (args, 2, DOSSIER_POLARITY_PRO,
                   "Gestión profesional de la terminal de contenedores.", "Ventajas");
  assert_argument (args, 3, DOSSIER_POLARITY_CON, "Pérdida de empleos públicos en el puerto.",
                   "Desventajas");
  assert_argument (args, 4, DOSSIER_POLARITY_CON,
                   "Riesgo de tarifas más altas para los exportadores locales.", "Desventajas");
  assert_argument (args, 5, DOSSIER_POLARITY_CON,
                   "Treinta años es un plazo demasiado largo para revisar el contrato.",
                   "Desventajas");
}

/* The three sample articles list their pros and cons under different
 * headings ("Pros", "What supporters say", "Pros:" in plain text). */
static void
test_arguments_samples (void)
{
  static const struct { const char *file; guint n_pros, n_cons; const char *first_pro; } samples[] = {
    { "harbor-bridge-tribune.html", 5, 6, "Cleaner air" },
    { "harbor-bridge-civic-ledger.md", 5, 5,
      "Air on Quay Street breaches the legal limit for nitrogen dioxide, and the bridge "
      "traffic is the main cause." },
    { "harbor-bridge-wire.txt", 5, 6, "Lower pollution" },
  };

  for (guint s = 0; s < G_N_ELEMENTS (samples); s++)
    {
      g_autoptr(DossierParsedDocument) doc = import_file ("DOSSIER_SAMPLES_DIR", "", samples[s].file);
      g_autoptr(GPtrArray) args = arguments_of (doc);
      guint n_pros = 0, n_cons = 0;

      assert_list_items_only (doc, args);
      for (guint i = 0; i < args->len; i++)
        {
          DossierArgumentSuggestion *a = g_ptr_array_index (args, i);

          /* Each sample lists its pros, then its cons. */
          if (a->polarity == DOSSIER_POLARITY_PRO)
            {
              g_assert_cmpuint (n_cons, ==, 0);
              n_pros++;
            }
          else
            n_cons++;
        }
      g_assert_cmpuint (n_pros, ==, samples[s].n_pros);
      g_assert_cmpuint (n_cons, ==, samples[s].n_cons);
      g_assert_cmpstr (((DossierArgumentSuggestion *) g_ptr_array_index (args, 0))->statement, ==,
                       samples[s].first_pro);
    }
}

static void
test_arguments_none (void)
{
  DossierBlock blocks[] = {
    { 0, 4, DOSSIER_BLOCK_HEADING, 2 },
    { 5, 20, DOSSIER_BLOCK_PARAGRAPH, 0 },
    { 21, 24, DOSSIER_BLOCK_HEADING, 2 },
  };
  g_autoptr(GPtrArray) none = dossier_suggest_arguments ("", NULL, 0);
  g_autoptr(GPtrArray) headings = NULL;

  g_assert_cmpuint (none->len, ==, 0);
  /* A heading "Pros" over a paragraph, and a "Cons" heading at the end:
   * nothing to propose. */
  headings = dossier_suggest_arguments ("Pros\nA paragraph here.\nCons", blocks, G_N_ELEMENTS (blocks));
  g_assert_cmpuint (headings->len, ==, 0);
}

/* A sentence that ends by naming the list after it ("… have three
 * concerns:") announces its side, as a "Concerns" heading would; one
 * that names both sides, or whose side word is not last, does not. */
static void
test_arguments_list_intro (void)
{
  static const char text[] =
    "Ferry timetable review\n"
    "\n"
    "The harbour board met the crews on Monday.\n"
    "\n"
    "Crew representatives listed two concerns:\n"
    "\n"
    "- the early sailing would start before the first bus arrives;\n"
    "- the winter timetable drops the late boat on Fridays.\n"
    "\n"
    "The board answered with the plan's advantages:\n"
    "\n"
    "- one crew change a day instead of two.\n"
    "\n"
    "The report then weighs the pros and cons:\n"
    "\n"
    "- fares stay the same.\n"
    "\n"
    "The concerns of the crews were heard, and the minutes record what was agreed:\n"
    "\n"
    "- the quay car park is full by eight.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = dossier_import_bytes (bytes, DOSSIER_FORMAT_TEXT,
                                                               "ferry.txt", &error);
  g_autoptr(GPtrArray) args = NULL;

  g_assert_no_error (error);
  args = arguments_of (doc);
  assert_list_items_only (doc, args);
  g_assert_cmpuint (args->len, ==, 3);
  assert_argument (args, 0, DOSSIER_POLARITY_CON,
                   "The early sailing would start before the first bus arrives",
                   "Crew representatives listed two concerns");
  assert_argument (args, 1, DOSSIER_POLARITY_CON,
                   "The winter timetable drops the late boat on Fridays.",
                   "Crew representatives listed two concerns");
  assert_argument (args, 2, DOSSIER_POLARITY_PRO, "One crew change a day instead of two.",
                   "The board answered with the plan's advantages");
}

static void
test_stakeholders_markdown (void)
{
  g_autoptr(DossierParsedDocument) doc = import_file ("DOSSIER_FIXTURES_DIR", "suggest", "ferry-levy.md");
  g_autoptr(GPtrArray) s = stakeholders_of (doc);
  DossierStakeholderSuggestion *pm, *union_, *minister, *islanders;
  g_autofree char *first = NULL;

  /* Full name, surname (also spelt without its Ø), title + surname, and
   * the appositive "Norland’s Prime Minister". */
  pm = find_stakeholder (s, "Halvard Østberg");
  assert_alias (pm, "Østberg");
  assert_alias (pm, "Prime Minister Østberg");
  assert_alias (pm, "Prime Minister Halvard Østberg");
  assert_alias (pm, "Norland’s Prime Minister");
  g_assert_cmpint (pm->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpuint (pm->n_mentions, >=, 6);
  /* The most mentioned comes first. */
  g_assert_true (g_ptr_array_index (s, 0) == pm);
  first = dossier_text_slice (doc->text, pm->start, pm->end);
  g_assert_cmpstr (first, ==, "Prime Minister Halvard Østberg");

  /* An acronym and its expansion. */
  union_ = find_stakeholder (s, "Northern Ferry Workers’ Union");
  assert_alias (union_, "NFWU");
  g_assert_cmpint (union_->kind, ==, DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);

  /* A surname that only ever opens a sentence, under its full name. */
  minister = find_stakeholder (s, "Ada Lindqvist");
  assert_alias (minister, "Lindqvist");
  g_assert_cmpint (minister->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);

  g_assert_cmpint (find_stakeholder (s, "Coastal Party")->kind, ==, DOSSIER_STAKEHOLDER_PARTY);
  g_assert_cmpint (find_stakeholder (s, "Ministry of Coastal Affairs")->kind, ==,
                   DOSSIER_STAKEHOLDER_GOVERNMENT);
  g_assert_cmpint (find_stakeholder (s, "Coastal Courier")->kind, ==, DOSSIER_STAKEHOLDER_MEDIA);

  /* A body of people the article keeps returning to, without capitals. */
  islanders = find_stakeholder (s, "Islanders");
  g_assert_cmpint (islanders->kind, ==, DOSSIER_STAKEHOLDER_PUBLIC);
  g_assert_cmpuint (islanders->n_mentions, >=, 5);

  /* Named once, but quoted after her role ("Its secretary, Liv Brekke,
   * said"): a careful reader underlines her; the union's secretary is no
   * official. (Names seen once and not quoted:
   * test_stakeholders_quoted_once ().) */
  g_assert_cmpint (find_stakeholder (s, "Liv Brekke")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpuint (find_stakeholder (s, "Liv Brekke")->n_mentions, ==, 1);

  /* Headings, days, sentence openers, lone titles. */
  assert_not_suggested (s, "Advantages");
  assert_not_suggested (s, "Disadvantages");
  assert_not_suggested (s, "Key points");
  assert_not_suggested (s, "Monday");
  assert_not_suggested (s, "The");
  assert_not_suggested (s, "Prime Minister");
  assert_not_suggested (s, "Mr");
  assert_not_suggested (s, "Secure");
}

static void
test_stakeholders_spanish (void)
{
  g_autoptr(DossierParsedDocument) doc = import_file ("DOSSIER_FIXTURES_DIR", "suggest", "reforma-puerto.txt");
  g_autoptr(GPtrArray) s = stakeholders_of (doc);
  DossierStakeholderSuggestion *minister, *party;

  /* A title in lower case, as Spanish writes it. */
  minister = find_stakeholder (s, "Carmen Ruiz Salgado");
  assert_alias (minister, "Ruiz Salgado");
  assert_alias (minister, "ministra Carmen Ruiz Salgado");
  g_assert_cmpint (minister->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);

  party = find_stakeholder (s, "Partido Verde Ecologista");
  assert_alias (party, "PVE");
  g_assert_cmpint (party->kind, ==, DOSSIER_STAKEHOLDER_PARTY);
  g_assert_cmpuint (party->n_mentions, ==, 3);  /* the name, "(PVE)", "El PVE" */

  g_assert_cmpint (find_stakeholder (s, "Congreso")->kind, ==, DOSSIER_STAKEHOLDER_LEGISLATURE);
  assert_not_suggested (s, "Ventajas");
  assert_not_suggested (s, "La");
  assert_not_suggested (s, "Según");
}

static void
test_stakeholders_samples (void)
{
  g_autoptr(DossierParsedDocument) wire = import_file ("DOSSIER_SAMPLES_DIR", "", "harbor-bridge-wire.txt");
  g_autoptr(DossierParsedDocument) ledger = import_file ("DOSSIER_SAMPLES_DIR", "", "harbor-bridge-civic-ledger.md");
  g_autoptr(GPtrArray) w = stakeholders_of (wire);
  g_autoptr(GPtrArray) l = stakeholders_of (ledger);
  DossierStakeholderSuggestion *authority, *ledger_name;

  /* "(CRTA)" after its name, and "the transit authority" later on. */
  authority = find_stakeholder (w, "Coastal Regional Transit Authority");
  assert_alias (authority, "CRTA");
  assert_alias (authority, "transit authority");
  g_assert_cmpint (find_stakeholder (w, "Aurélie Dumont")->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  assert_alias (find_stakeholder (w, "Aurélie Dumont"), "Dumont");
  /* The city of the dateline is a place; so is the bridge. */
  assert_not_suggested (w, "Port Calder");
  assert_not_suggested (w, "Harbour Bridge");
  assert_not_suggested (w, "Pros");

  /* "the Ledger" is "The Civic Ledger". */
  ledger_name = find_stakeholder (l, "Civic Ledger");
  assert_alias (ledger_name, "Ledger");
  g_assert_cmpint (ledger_name->kind, ==, DOSSIER_STAKEHOLDER_MEDIA);
  assert_alias (find_stakeholder (l, "Inès Varga"), "Mayor Inès Varga");
  find_stakeholder (l, "Harbour Merchants’ Association");
  find_stakeholder (l, "Calder Heritage Trust");
}

/* What a first-time user sees on the sample: no street, and each actor's
 * kind as the words beside it say ("the engineering consultancy Halloran
 * & Pike", "the campaign group Clean Air Calder", "an economist at the
 * Treasury-funded Centre for …"). */
static void
test_stakeholders_samples_kinds (void)
{
  g_autoptr(DossierParsedDocument) tribune = import_file ("DOSSIER_SAMPLES_DIR", "", "harbor-bridge-tribune.html");
  g_autoptr(DossierParsedDocument) ledger = import_file ("DOSSIER_SAMPLES_DIR", "", "harbor-bridge-civic-ledger.md");
  g_autoptr(DossierParsedDocument) wire = import_file ("DOSSIER_SAMPLES_DIR", "", "harbor-bridge-wire.txt");
  g_autoptr(GPtrArray) t = stakeholders_of (tribune);
  g_autoptr(GPtrArray) l = stakeholders_of (ledger);
  g_autoptr(GPtrArray) w = stakeholders_of (wire);

  assert_not_suggested (t, "Quay Street");
  assert_not_suggested (l, "Quay Street");
  g_assert_cmpint (find_stakeholder (t, "Clean Air Calder")->kind, ==,
                   DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpint (find_stakeholder (l, "Halloran & Pike")->kind, ==, DOSSIER_STAKEHOLDER_BUSINESS);
  g_assert_cmpint (find_stakeholder (w, "Centre for Transport Appraisal")->kind, ==,
                   DOSSIER_STAKEHOLDER_ORGANISATION);
  assert_not_suggested (w, "Treasury-funded Centre for Transport Appraisal");
}

/* @text's paragraphs (separated by blank lines) as blocks. */
static GArray *
paragraph_blocks (const char *text)
{
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (DossierBlock));
  glong start = 0, at = 0;

  for (const char *p = text; ; p = g_utf8_next_char (p), at++)
    {
      if (*p == '\0' || g_str_has_prefix (p, "\n\n"))
        {
          DossierBlock block = { start, at, DOSSIER_BLOCK_PARAGRAPH, 0 };

          g_array_append_val (blocks, block);
          if (*p == '\0')
            break;
          p++;
          at++;
          start = at + 1;
        }
    }
  return blocks;
}

/* What @text suggests, its first paragraph a title. */
static GPtrArray *
stakeholders_of_article (const char *text)
{
  g_autoptr(GArray) blocks = paragraph_blocks (text);

  g_array_index (blocks, DossierBlock, 0).kind = DOSSIER_BLOCK_TITLE;
  return dossier_suggest_stakeholders (text, (DossierBlock *) (void *) blocks->data, blocks->len);
}

/* A table's cells start like sentences: a header's "Passengers 2024" and
 * "Passengers 2025" are no one, while a name in a cell still is. */
static void
test_stakeholders_table_cells (void)
{
  const char *text =
    "Late sailings thin out\n\n"
    "Sailing\tPassengers 2024\tPassengers 2025\tOperator\n\n"
    "22:10\t14,210\t11,905\tKestrel Line\n\n"
    "23:40\t6,480\t5,115\tKestrel Line\n\n"
    "Kestrel Line said the later crossing would stop in March.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  assert_not_suggested (s, "Passengers");
  assert_not_suggested (s, "Sailing");
  g_assert_cmpuint (find_stakeholder (s, "Kestrel Line")->n_mentions, ==, 3);
}

/* People named with no title, or a title the list does not hold ("Council
 * leader", "Union chair"), then by surname alone: one stakeholder each,
 * the surname an alias. The surname comes back as the one who speaks
 * ("Ferrow said"), or after a lower-case role before the full name. */
static void
test_stakeholders_people_untitled (void)
{
  const char *text =
    "Reservoir plan passes\n\n"
    "Councillors approved the reservoir plan on Tuesday. Council leader Nadia Ferrow "
    "called it overdue. Ferrow said the vote settled a decade of argument.\n\n"
    "The growers objected. Union chair Osric Thale said the river would run low, and "
    "Thale told reporters he would appeal.\n\n"
    "Marta Quillon, who runs the valley's largest dairy, was blunter. Quillon warned "
    "that herds would be sold before the summer.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  assert_alias (find_stakeholder (s, "Nadia Ferrow"), "Ferrow");
  g_assert_cmpuint (find_stakeholder (s, "Nadia Ferrow")->n_mentions, ==, 2);
  assert_alias (find_stakeholder (s, "Osric Thale"), "Thale");
  assert_alias (find_stakeholder (s, "Marta Quillon"), "Quillon");
  g_assert_cmpuint (find_stakeholder (s, "Marta Quillon")->n_mentions, ==, 2);
  assert_not_suggested (s, "Tuesday");
  assert_not_suggested (s, "Reservoir plan passes");
}

/* A short article on a council weighing a tidal barrier (written for this
 * test): people quoted once are proposed, as a careful reader underlines
 * them — "X, the …, warned" after a lower-case role, "said councillor X",
 * "according to X" — and the options it weighs are not: no lone letter
 * ("B" of "option B"), no "Option B", "Plan B" or "Phase 2". */
static void
test_stakeholders_quoted_once (void)
{
  const char *text =
    "Barrier vote put off\n\n"
    "The Kestle council put off its vote on the tidal barrier on Thursday. The harbour "
    "master, Tomas Rudd, warned that the channel would silt up within ten years. “We "
    "would be dredging every spring,” he said.\n\n"
    "Option A: a fixed wall across the mouth of the estuary.\n\n"
    "Option B: gates that open at the old pier.\n\n"
    "Backers of option B say the gates keep the moorings open. “The gates cost more, but "
    "they keep the harbour alive,” said councillor Dara Penhallow, who chairs the planning "
    "committee.\n\n"
    "Phase 2 of the survey will not start before the autumn, according to Wenna Trask. "
    "For now the council keeps Plan B on the table, and the fishermen wait.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  DossierStakeholderSuggestion *rudd, *penhallow, *trask;

  /* The role in lower case makes an official of each. */
  rudd = find_stakeholder (s, "Tomas Rudd");
  g_assert_cmpint (rudd->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpuint (rudd->n_mentions, ==, 1);
  penhallow = find_stakeholder (s, "Dara Penhallow");
  g_assert_cmpint (penhallow->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  assert_alias (penhallow, "councillor Dara Penhallow");
  g_assert_cmpuint (penhallow->n_mentions, ==, 1);
  trask = find_stakeholder (s, "Wenna Trask");
  g_assert_cmpuint (trask->n_mentions, ==, 1);

  assert_not_suggested (s, "B");
  assert_not_suggested (s, "A");
  assert_not_suggested (s, "Option B");
  assert_not_suggested (s, "Plan B");
  assert_not_suggested (s, "Phase");
  assert_not_suggested (s, "Phase 2");
  /* Named once, and not quoted. */
  assert_not_suggested (s, "Kestle");
  assert_not_suggested (s, "Thursday");
}

/* The same in Spanish (written for this test): "advirtió" after the name,
 * "dijo el portavoz X", "según X"; "la opción B" and "la fase 2" name no
 * one. */
static void
test_stakeholders_quoted_once_spanish (void)
{
  const char *text =
    "La barrera, aplazada\n\n"
    "El pleno de Porthcarn aplazó el jueves la votación sobre la barrera de marea. La "
    "concejala Marta Illescas advirtió que el canal se llenaría de arena en diez años.\n\n"
    "«La opción B cuesta más, pero salva el puerto», dijo el portavoz Iker Zubiri.\n\n"
    "Según Nerea Olano, la fase 2 del estudio no empezará antes del otoño. Mientras tanto, "
    "la opción B sigue sobre la mesa y la Fase 2 espera.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  g_assert_cmpint (find_stakeholder (s, "Marta Illescas")->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpint (find_stakeholder (s, "Iker Zubiri")->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpuint (find_stakeholder (s, "Nerea Olano")->n_mentions, ==, 1);
  assert_not_suggested (s, "B");
  assert_not_suggested (s, "Fase");
  assert_not_suggested (s, "Fase 2");
  assert_not_suggested (s, "Porthcarn");
  assert_not_suggested (s, "Según");
}

/* A short article on a ferry slipway (written for this test): a title of
 * several words before a name ("Chief Fire Officer Ines Carrow", "Police
 * Chief Rowan Tegg") is no part of it. The name is the person's, an
 * official's, with the titled form an alias so that it still counts. So
 * is a title after the name ("Osla Venn, the harbour master, warned"). */
static void
test_stakeholders_long_titles (void)
{
  const char *text =
    "Slipway road approved\n\n"
    "The Brannock council approved the slipway road on Monday. Chief Fire Officer Ines "
    "Carrow told councillors the road would cut the crews’ response times. “Every minute "
    "on that road counts,” she said.\n\n"
    "Police Chief Rowan Tegg said the junction at the quay needed lights. Ines Carrow "
    "and Rowan Tegg will both inspect the road before it opens. Osla Venn, the harbour "
    "master, warned that the quay would flood at spring tides.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  DossierStakeholderSuggestion *carrow, *tegg;

  carrow = find_stakeholder (s, "Ines Carrow");
  g_assert_cmpint (carrow->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  assert_alias (carrow, "Chief Fire Officer Ines Carrow");
  g_assert_cmpuint (carrow->n_mentions, ==, 2);
  tegg = find_stakeholder (s, "Rowan Tegg");
  g_assert_cmpint (tegg->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  assert_alias (tegg, "Police Chief Rowan Tegg");
  g_assert_cmpuint (tegg->n_mentions, ==, 2);

  /* A title after the name and its article: an official too. */
  g_assert_cmpint (find_stakeholder (s, "Osla Venn")->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);

  for (guint i = 0; i < s->len; i++)
    {
      const char *name = ((DossierStakeholderSuggestion *) g_ptr_array_index (s, i))->name;

      if (strstr (name, "Chief") != NULL || strstr (name, "Officer") != NULL)
        g_error ("“%s” keeps a title", name);
    }
}

/* The kind the words around a name give it (a stakeholder made from a
 * passage): an official's title before it, in either case, before the
 * rest of the name or after it and a comma; a word of the name itself;
 * else a title the passage cited opens with. An honorific, or a name of
 * two words that speaks, makes a person. (Written for this test.) */
static void
test_stakeholder_kind (void)
{
  const char *text =
    "The vote was put off. Councillor Dara Penhallow wanted more time, and the harbour "
    "master, Tomas Rudd, agreed. Nell Pascoe, the port director, did not. Mr Ivo Brandt, "
    "who owns the boatyard, spoke for the Kestle Cyclists’ Union. La ministra Carmen Ruiz "
    "no vino. Dara Penhallow spoke last.";
  gint64 start, end;

  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Dara Penhallow", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Penhallow", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "tomas rudd", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Nell Pascoe", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Carmen Ruiz", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Kestle Cyclists’ Union", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Ivo Brandt", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Wenna Trask", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_OTHER);
  /* A name the text does not hold: the passage cited opens with a title. */
  text_range (text, "the port director, did not", &start, &end);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Wenna Trask", start, end),
                   ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  text_range (text, "Mr Ivo Brandt, who owns", &start, &end);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Wenna Trask", start, end),
                   ==, DOSSIER_STAKEHOLDER_OTHER);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "", -1, -1), ==, DOSSIER_STAKEHOLDER_OTHER);
  g_assert_cmpint (dossier_suggest_stakeholder_kind ("", "Dara Penhallow", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_OTHER);
}

/* A short article on a quarry road (written for this test): people with
 * no office — a resident quoted once, an expert after an honorific — are
 * persons; the mayor stays an official, the association a body of civil
 * society though it speaks; in Spanish too ("dijo Lucía Ferrán"). */
static void
test_stakeholders_people_kind (void)
{
  const char *text =
    "Quarry road reopens\n\n"
    "The county reopened the quarry road on Friday after a month of repairs. Mayor Elin "
    "Cardew said the work had come in under budget.\n\n"
    "Not everyone was pleased. “The lorries are back at six in the morning,” said Joss "
    "Penrose, who lives beside the junction. Dr Mira Okafor, a hydrologist at the county "
    "college, warned that the new drains would not cope with a wet winter. The Quarry "
    "Lane Residents’ Association said it would watch the drains.\n\n"
    "«Los camiones vuelven a las seis», dijo Lucía Ferrán, que vive junto al cruce. La "
    "alcaldesa Nuria Vidal dijo que la obra era necesaria.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  g_assert_cmpint (find_stakeholder (s, "Elin Cardew")->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpint (find_stakeholder (s, "Joss Penrose")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpint (find_stakeholder (s, "Mira Okafor")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpint (find_stakeholder (s, "Quarry Lane Residents’ Association")->kind, ==,
                   DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpint (find_stakeholder (s, "Lucía Ferrán")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpint (find_stakeholder (s, "Nuria Vidal")->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);

  /* As the picker reads a name in the same text. */
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Joss Penrose", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Lucía Ferrán", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Elin Cardew", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_OFFICIAL);
}

/* Who said it (an article written for this test): "…,” he said" after a
 * quote is the person named just before, "the councillor said" the
 * councillor; "said Ana Ruiz of the … Association" is hers, the
 * association an actor of its own that said nothing; a chief executive,
 * or the president of an association, is a person and no official. */
static void
test_stakeholders_who_said_it (void)
{
  const char *text =
    "Ferry timetable cut\n\n"
    "The operator cut the winter timetable on Monday. Joss Penrose has run the island "
    "shop for twenty years. “Half my deliveries come on the last boat,” he said.\n\n"
    "“Nobody asked the islanders,” said Ana Ruiz of the Quarry Lane Residents’ Association, "
    "which meets on Friday. The Quarry Lane Residents’ Association wants the last sailing "
    "back.\n\n"
    "Chief Executive Oren Vyse of Calder Sound Ferries defended the cut. Vyse said the "
    "winter crossings lost money. Ida Ferro, the president of the Harbour Merchants’ "
    "Association, warned that shops would close. Nils Berg, the president of Norland, "
    "wrote to the operator.\n\n"
    "Councillor Tam Reddie met the operator on Tuesday. “We will look at Sundays again,” "
    "the councillor said.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  DossierStakeholderSuggestion *penrose, *ruiz, *association, *vyse, *reddie;

  penrose = find_stakeholder (s, "Joss Penrose");
  g_assert_cmpint (penrose->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpuint (penrose->n_mentions, ==, 1);

  ruiz = find_stakeholder (s, "Ana Ruiz");
  g_assert_cmpint (ruiz->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpuint (ruiz->n_mentions, ==, 1);
  association = find_stakeholder (s, "Quarry Lane Residents’ Association");
  g_assert_cmpint (association->kind, ==, DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpuint (association->n_mentions, ==, 2);
  assert_not_suggested (s, "Ana Ruiz of the Quarry Lane Residents’ Association");

  vyse = find_stakeholder (s, "Oren Vyse");
  g_assert_cmpint (vyse->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  assert_alias (vyse, "Vyse");
  assert_not_suggested (s, "Oren Vyse of Calder Sound Ferries");
  g_assert_cmpint (find_stakeholder (s, "Ida Ferro")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpint (find_stakeholder (s, "Nils Berg")->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);

  reddie = find_stakeholder (s, "Tam Reddie");
  g_assert_cmpint (reddie->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpuint (reddie->n_mentions, ==, 1);
}

/* A word that opens a place's or another actor's name ("Tarn", of "the
 * upper Tarn valley" and "Tarn Valley Growers' Union") is no alias of a
 * name ending in it ("Save the Tarn" → "Wild Tarn"), nor an actor alone;
 * "Wild Tarn, a small campaign," is a group, not a person (written for
 * this test, after the lead's reservoir op-ed). */
static void
test_stakeholders_place_words (void)
{
  const char *text =
    "Dam plan splits the valley\n\n"
    "The water board wants a dam in the upper Tarn valley. The Tarn Valley Growers' Union "
    "objects, and the Tarn reservoir would flood nine farms.\n\n"
    "Wild Tarn, a small campaign, says the dam would drown the last wet meadow. The Tarn "
    "floods every spring.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  DossierStakeholderSuggestion *wild;

  wild = find_stakeholder (s, "Wild Tarn");
  g_assert_cmpint (wild->kind, ==, DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpuint (wild->n_mentions, ==, 1);
  assert_not_suggested (s, "Tarn");
}

/* "The board's chair, Councillor Nell Amadi,": the title after the comma
 * is hers, not part of her name (written for this test). */
static void
test_stakeholders_titled_appositive (void)
{
  const char *text =
    "Dam plan\n\n"
    "The board's chair, Councillor Nell Amadi, argues that the alternative is worse. "
    "\"Without storage, the towns face rationing,\" she said.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  DossierStakeholderSuggestion *amadi;

  amadi = find_stakeholder (s, "Nell Amadi");
  g_assert_cmpint (amadi->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  assert_alias (amadi, "Councillor Nell Amadi");
}

/* "its secretary," after a union: her office is at the union, a role, not
 * a government's (written for this test). */
static void
test_stakeholders_secretary_of_union (void)
{
  const char *text =
    "Dam plan\n\n"
    "The Tarn Valley Growers' Union has filed an objection, and its secretary, Ada Moyo, "
    "said the union would go to court. \"Nobody here is against water,\" Moyo said.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  find_stakeholder (s, "Ada Moyo");
}

/* The same in Spanish (written for this test): "«…», dijo." after the
 * person named before, "afirmó la concejala", "dijo Ana Ruiz de la
 * Asociación …", "el presidente de la Asociación de Navieros". */
static void
test_stakeholders_who_said_it_spanish (void)
{
  const char *text =
    "Recorte del ferri\n\n"
    "La naviera recortó el horario de invierno el lunes. Lucía Ferrán lleva veinte años al "
    "frente de la tienda de la isla. «La mitad de mis pedidos llega en el último barco», "
    "dijo.\n\n"
    "«Nadie preguntó a los isleños», dijo Ana Ruiz de la Asociación Vecinal del Muelle. La "
    "Asociación Vecinal del Muelle pide recuperar la última salida.\n\n"
    "Según Pablo Mena, el presidente de la Asociación de Navieros, nadie pujará.\n\n"
    "La concejala Marta Illa se reunió con la naviera el martes. «Volveremos a estudiar los "
    "domingos», afirmó la concejala.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  DossierStakeholderSuggestion *ruiz, *association;

  g_assert_cmpint (find_stakeholder (s, "Lucía Ferrán")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpuint (find_stakeholder (s, "Lucía Ferrán")->n_mentions, ==, 1);
  ruiz = find_stakeholder (s, "Ana Ruiz");
  g_assert_cmpint (ruiz->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  association = find_stakeholder (s, "Asociación Vecinal del Muelle");
  g_assert_cmpint (association->kind, ==, DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpuint (association->n_mentions, ==, 2);
  g_assert_cmpint (find_stakeholder (s, "Pablo Mena")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpint (find_stakeholder (s, "Marta Illa")->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpuint (find_stakeholder (s, "Marta Illa")->n_mentions, ==, 1);
}

/* A body named once beside the person who speaks for it takes none of
 * her words: not proposed for them. (Written for this test.) */
static void
test_stakeholders_words_not_the_body_s (void)
{
  const char *text =
    "Pier closed\n\n"
    "The pier closed for repairs. “It should have been done years ago,” said Ana Ruiz of "
    "the Quarry Lane Residents’ Association.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  g_assert_cmpint (find_stakeholder (s, "Ana Ruiz")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  assert_not_suggested (s, "Quarry Lane Residents’ Association");
  assert_not_suggested (s, "Ana Ruiz of the Quarry Lane Residents’ Association");
}

/* The kind from the title beside the mention cited, not from a title the
 * same words carry elsewhere. (Written for this test.) */
static void
test_stakeholder_kind_at_mention (void)
{
  const char *text =
    "President Ruiz opened the pier. Later, “It was overdue,” said Ruiz of the Quarry Lane "
    "Residents’ Association, Ana Ruiz. Chief Executive Oren Vyse of Calder Sound Ferries "
    "paid for the lamps. Joss Penrose runs the shop. “We lose money,” he said.";
  gint64 start, end;

  text_range (text, "“It was overdue,” said Ruiz of the Quarry Lane", &start, &end);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Ruiz", start, end), ==,
                   DOSSIER_STAKEHOLDER_PERSON);
  text_range (text, "President Ruiz opened", &start, &end);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Ruiz", start, end), ==,
                   DOSSIER_STAKEHOLDER_OFFICIAL);
  text_range (text, "paid for the lamps", &start, &end);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Oren Vyse", start, end), ==,
                   DOSSIER_STAKEHOLDER_PERSON);
  text_range (text, "“We lose money,” he said.", &start, &end);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Joss Penrose", start, end), ==,
                   DOSSIER_STAKEHOLDER_PERSON);
}

/* Streets, firms and campaigns (an article written for this test): a
 * street is no stakeholder though a quote ends beside it; "&" between
 * names is a firm; the word before a name says what it is; "Lottery-funded"
 * is no part of one; in Spanish too. */
static void
test_stakeholders_streets_firms_campaigns (void)
{
  const char *text =
    "Mill Street to close\n\n"
    "The council will close Mill Street to cars next spring. Ivo Brandt, who runs a bakery "
    "on Mill Street, said his trade would halve. Bea Lund, of the campaign group Cleaner "
    "Kestle, said the change was overdue.\n\n"
    "The traders hired the engineering consultancy Dunlop & Vane. Dunlop & Vane found the "
    "costs too low. Save the Mill wants the street kept open, and Save the Mill will go to "
    "court. Nell Pascoe, an economist at the Lottery-funded Centre for Coastal Study, said "
    "the figures held.\n\n"
    "Los vecinos de la calle Mayor protestaron. La plataforma Salvemos el Muelle pidió un "
    "estudio, y la consultora Ibarra y Soler lo hará. Ibarra y Soler entregará el informe "
    "en mayo. La calle Mayor seguirá abierta.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  assert_not_suggested (s, "Mill Street");
  assert_not_suggested (s, "Mayor");
  assert_not_suggested (s, "calle Mayor");
  g_assert_cmpint (find_stakeholder (s, "Ivo Brandt")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpint (find_stakeholder (s, "Cleaner Kestle")->kind, ==, DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpint (find_stakeholder (s, "Dunlop & Vane")->kind, ==, DOSSIER_STAKEHOLDER_BUSINESS);
  g_assert_cmpint (find_stakeholder (s, "Save the Mill")->kind, ==, DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpint (find_stakeholder (s, "Centre for Coastal Study")->kind, ==,
                   DOSSIER_STAKEHOLDER_ORGANISATION);
  assert_not_suggested (s, "Lottery-funded Centre for Coastal Study");
  g_assert_cmpint (find_stakeholder (s, "Ibarra y Soler")->kind, ==, DOSSIER_STAKEHOLDER_BUSINESS);

  /* As the picker reads them. */
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Dunlop & Vane", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_BUSINESS);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Cleaner Kestle", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Save the Mill", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
}

/* Named once, with what they are (an article written for this test): a
 * person with a relative clause or a role after her name, the
 * university she works at, a union whose secretary speaks — and no place
 * introduced the same way ("a village of …"), no sentence opener. In
 * Spanish too. */
static void
test_stakeholders_named_once (void)
{
  const char *text =
    "Reservoir hearing\n\n"
    "The hearing opened on Monday. Compensation would follow the old schedule, which Petra "
    "Lasko, who keeps sheep near Arden Ford, calls unfair.\n\n"
    "Ola Brandvik, a geologist at Kestrel University, has mapped the basin. The Arden "
    "Growers' Union has lodged an appeal, and its secretary, Ines Mabry, wrote to the "
    "board.\n\n"
    "Alder Crossing, a village of four hundred people, would be flooded. Upper Wenlow, a "
    "market town, would not.\n\n"
    "Carmen Vidal, una investigadora de la Universidad de Orense, midió la cuenca. Iker "
    "Sanz, quien dirige la cooperativa, no quiso opinar.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  g_assert_cmpint (find_stakeholder (s, "Petra Lasko")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpuint (find_stakeholder (s, "Petra Lasko")->n_mentions, ==, 1);
  g_assert_cmpint (find_stakeholder (s, "Ola Brandvik")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpint (find_stakeholder (s, "Kestrel University")->kind, ==,
                   DOSSIER_STAKEHOLDER_ORGANISATION);
  g_assert_cmpint (find_stakeholder (s, "Arden Growers' Union")->kind, ==,
                   DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpint (find_stakeholder (s, "Ines Mabry")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpint (find_stakeholder (s, "Carmen Vidal")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpint (find_stakeholder (s, "Universidad de Orense")->kind, ==,
                   DOSSIER_STAKEHOLDER_ORGANISATION);
  g_assert_cmpint (find_stakeholder (s, "Iker Sanz")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);

  assert_not_suggested (s, "Arden Ford");
  assert_not_suggested (s, "Alder Crossing");
  assert_not_suggested (s, "Upper Wenlow");
  assert_not_suggested (s, "Compensation");
  assert_not_suggested (s, "Monday");
  g_assert_cmpuint (s->len, ==, 8);
}

/* Who said it (an article written for this test): "He said …" opening a
 * sentence is the person named last; a surname alone that speaks
 * ("Gorski said", "Kassabian told"), though it ends like a nationality,
 * is the full name named before. */
static void
test_stakeholders_who_said_it_surname (void)
{
  const char *text =
    "Weir plan\n\n"
    "Rhys Tallon farms above the weir. He said the board never came to see him.\n\n"
    "The plan follows an old schedule, which Nia Kassabian, who keeps bees near the mill, "
    "calls unfair. “They flew a drone over us,” she said. Kassabian told the meeting she "
    "would appeal.\n\n"
    "The board's chair, Councillor Ada Gorski, defended it. “We have no choice,” Gorski said.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  DossierStakeholderSuggestion *kassabian, *gorski;

  g_assert_cmpint (find_stakeholder (s, "Rhys Tallon")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  kassabian = find_stakeholder (s, "Nia Kassabian");
  assert_alias (kassabian, "Kassabian");
  g_assert_cmpuint (kassabian->n_mentions, ==, 2);
  gorski = find_stakeholder (s, "Ada Gorski");
  assert_alias (gorski, "Gorski");
  g_assert_cmpuint (gorski->n_mentions, ==, 2);
  g_assert_cmpint (gorski->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  assert_not_suggested (s, "Weir");
}

/* Titles and roles (an article written for this test): a board's chair
 * and members are officials when the board is a public body's, a role
 * on a company's board; a title in sentence case, in the plural before a
 * list of names, after the name ("Jane Doe MP"), or short with a dot
 * ("Sen.", "Dr."), which ends no sentence; words before a title ("Local
 * MP") are no part of the name. In Spanish too. */
static void
test_stakeholders_titles_and_roles (void)
{
  const char *text =
    "Reservoir vote\n\n"
    "The county water board voted on Monday to go ahead. Board chair Mira Castell said the "
    "vote was overdue. Two board members, Owen Tarrant and Lise Beaumont, voted against.\n\n"
    "Local MP Tobias Wren wrote to the minister. Councillors Ada Pell and Rafe Dunn backed "
    "the plan. Cllr Noor Haddad abstained, Alderman Felix Strand was away, and Petra Yates "
    "MP sent apologies.\n\n"
    "Rep. Carla Dominguez and Sen. Hal Briggs wrote to the board. Dr. Ines Marr cautioned "
    "that the figures were old.\n\n"
    "Los concejales Marta Ibáñez y Jon Arrieta votaron en contra. El edil Pablo Soto y la "
    "eurodiputada Irene Lago no opinaron. La regidora Sara Olmo votó a favor.";
  const char *company =
    "Bid accepted\n\n"
    "The board of Kessel Holdings met on Friday. Board member Jan Vos said the bid was fair.";
  const char * const officials[] = {
    "Mira Castell", "Owen Tarrant", "Lise Beaumont", "Tobias Wren", "Ada Pell", "Rafe Dunn",
    "Noor Haddad", "Felix Strand", "Petra Yates", "Carla Dominguez", "Hal Briggs",
    "Marta Ibáñez", "Jon Arrieta", "Pablo Soto", "Irene Lago", "Sara Olmo",
  };
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  g_autoptr(GPtrArray) c = stakeholders_of_article (company);

  for (guint i = 0; i < G_N_ELEMENTS (officials); i++)
    if (find_stakeholder (s, officials[i])->kind != DOSSIER_STAKEHOLDER_OFFICIAL)
      g_error ("“%s” is no official", officials[i]);
  g_assert_cmpuint (find_stakeholder (s, "Lise Beaumont")->n_mentions, ==, 1);
  g_assert_cmpint (find_stakeholder (s, "Ines Marr")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  assert_not_suggested (s, "Local MP Tobias Wren");
  assert_not_suggested (s, "Petra Yates MP");
  assert_not_suggested (s, "Councillors Ada Pell");
  assert_not_suggested (s, "Board");
  g_assert_cmpint (find_stakeholder (c, "Jan Vos")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);

  /* As the picker reads them. */
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Mira Castell", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Carla Dominguez", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (company, "Jan Vos", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_PERSON);
}

/* The main actor named once, then by what it is (an article written for
 * this test): "the trust" is the one trust the article names, and makes
 * it worth proposing, but is no alias of it ("trust" would count every
 * trust of every document: it counts its name); a trust that runs
 * hospitals is a public body; "the X group" is a group of civil society,
 * "the group" after it the same; "la fundación" too. Two trusts named:
 * "the trust" is neither. */
static void
test_stakeholders_named_then_by_kind (void)
{
  const char *text =
    "Clinic to close on Sundays\n\n"
    "The walk-in clinic at Kestle Infirmary will shut on Sundays, the Ashgrove Health Trust "
    "confirmed on Monday. The trust said it could not staff the clinic. Ada Pell, who "
    "founded the Kestle Mothers group last year, said the trust had not listened. The group "
    "has 2,000 members. The trust will review the change in June.\n\n"
    "La Fundación Ría Limpia presentó un recurso. La fundación pide un estudio, y según la "
    "fundación el cierre es ilegal.";
  const char *two =
    "Weir repairs\n\n"
    "The Alder Trust and the Brook Trust both objected to the weir. The trust said it would "
    "appeal, and the trust will meet the board. Later the trust wrote again.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  g_autoptr(GPtrArray) t = stakeholders_of_article (two);
  DossierStakeholderSuggestion *trust, *group, *fundacion;

  trust = find_stakeholder (s, "Ashgrove Health Trust");
  g_assert_cmpint (trust->kind, ==, DOSSIER_STAKEHOLDER_GOVERNMENT);
  g_assert_cmpuint (trust->n_mentions, ==, 1);
  group = find_stakeholder (s, "Kestle Mothers group");
  g_assert_cmpint (group->kind, ==, DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpuint (group->n_mentions, ==, 1);
  fundacion = find_stakeholder (s, "Fundación Ría Limpia");
  g_assert_cmpint (fundacion->kind, ==, DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpuint (fundacion->n_mentions, ==, 1);
  assert_not_suggested (s, "trust");
  assert_not_suggested (s, "group");
  assert_not_suggested (s, "fundación");
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Ashgrove Health Trust", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_GOVERNMENT);

  assert_not_suggested (t, "Trusts");
  assert_not_suggested (t, "Trust");
}

/* Places are no stakeholders (an article written for this test): a
 * bridge, a tunnel, a shore, a port town, a hospital building, a name only
 * ever after "at" or "en" — unless it speaks ("Port Kessel said": its
 * authority). "The council" with no council named is left out; with one
 * named ("Kessel council"), it is that one, counted by its name. The dateline's
 * capitals give way to the text's spelling. */
static void
test_stakeholders_places (void)
{
  const char *text =
    "Crossing to close\n\n"
    "DUNWICH FERRIES, 4 May — The Kessel Bridge will close for a year, and traffic will go "
    "through the Marrow Tunnel. Commuters from West Shore face longer trips. Dunwich Ferries "
    "will add sailings.\n\n"
    "The council said the repairs could not wait. The council will meet again in June, and "
    "the council has set aside £4 million. Patients at Aldby General Hospital worry. The "
    "clinic at Aldby General will stay open, and the ward at Aldby General too.\n\n"
    "Kessel Bridge carries 30,000 cars a day. West Shore has no other road. The Marrow "
    "Tunnel floods in winter.\n\n"
    "Los vecinos del puerto protestaron en Villaseca. En Villaseca nadie quiere el cierre.";
  const char *named =
    "Weir vote\n\n"
    "Port Kessel said the weir would be rebuilt. Kessel council voted for it on Monday. The "
    "council will pay half.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  g_autoptr(GPtrArray) n = stakeholders_of_article (named);
  DossierStakeholderSuggestion *council;

  assert_not_suggested (s, "Kessel Bridge");
  assert_not_suggested (s, "Marrow Tunnel");
  assert_not_suggested (s, "West Shore");
  assert_not_suggested (s, "Aldby General Hospital");
  assert_not_suggested (s, "Aldby General");
  assert_not_suggested (s, "Aldby");
  assert_not_suggested (s, "Villaseca");
  assert_not_suggested (s, "Council");
  assert_not_suggested (s, "Councils");
  g_assert_cmpint (find_stakeholder (s, "Dunwich Ferries")->kind, ==, DOSSIER_STAKEHOLDER_BUSINESS);

  g_assert_cmpint (find_stakeholder (n, "Port Kessel")->kind, ==, DOSSIER_STAKEHOLDER_GOVERNMENT);
  council = find_stakeholder (n, "Kessel council");
  g_assert_cmpint (council->kind, ==, DOSSIER_STAKEHOLDER_GOVERNMENT);
  g_assert_cmpuint (council->n_mentions, ==, 1);
  assert_not_suggested (n, "council");
}

/* Names a text uses only, or mostly, as places (an article written for
 * this test) are no stakeholders: "between Ashby Vale and Tolland", "from
 * Ashby Vale", "the town of Ashby Vale", "across Westmarch", "the Corran
 * tunnel", "the Tolland goods yard", "the Westmarch branch of …",
 * "Westmarch County". One that also acts ("Kelby said") keeps its actor
 * use, and so does a body named after a place ("Westmarch County
 * Council"). */
static void
test_stakeholders_places_only (void)
{
  const char *text =
    "Greenway plan divides Westmarch\n\n"
    "A cycle path between Ashby Vale and Tolland would follow the old railway across "
    "Westmarch. The route would run through the Corran tunnel and past the old Tolland goods "
    "yard. Westmarch County Council said the path would cost £6 million.\n\n"
    "Riders from Ashby Vale would reach Tolland in forty minutes, and the Corran tunnel would "
    "be lit at night. Walking groups in Westmarch County welcomed the idea, and the Westmarch "
    "branch of the Ramblers' Association called it overdue. Trains last ran to Ashby Vale in "
    "1965, and the town of Ashby Vale still has its station.";
  const char *acting =
    "Path to Orrin\n\n"
    "Riders from Kelby would reach Orrin in an hour. Trains between Kelby and Orrin stopped "
    "in 1962, and the Orrin viaduct has been shut since. Kelby said it would pay for the path.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  g_autoptr(GPtrArray) a = stakeholders_of_article (acting);

  assert_not_suggested (s, "Ashby Vale");
  assert_not_suggested (s, "Tolland");
  assert_not_suggested (s, "Westmarch");
  assert_not_suggested (s, "Westmarch County");
  assert_not_suggested (s, "Corran");
  g_assert_cmpint (find_stakeholder (s, "Westmarch County Council")->kind, ==,
                   DOSSIER_STAKEHOLDER_GOVERNMENT);
  g_assert_cmpint (find_stakeholder (s, "Ramblers' Association")->kind, ==,
                   DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);

  assert_not_suggested (a, "Orrin");
  g_assert_cmpuint (find_stakeholder (a, "Kelby")->n_mentions, ==, 3);
}

/* A name that speaks is no person's when one of its words is a nation
 * ("Sport Scotland said") or a place of the text ("Natural Westmarch
 * said", "across Westmarch"), unless the text says it is someone's: a
 * title ("Dr Ada England"), the surname alone ("Venkataraman said"). The
 * place is then no alias of it. For the suggestions and the picker
 * alike (an article written for this test). */
static void
test_stakeholders_bodies_named_for_places (void)
{
  const char *text =
    "Weir plan\n\n"
    "Ravi Venkataraman said the fish pass was overdue, and Venkataraman said anglers had "
    "waited ten years. Walkers across Westmarch use the towpath, and Natural Westmarch said "
    "otters would return to the river. Sport Scotland said the canoe route would reopen in "
    "May. Dr Ada England said the weir was sound.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  find_stakeholder_of_kind (s, "Natural Westmarch", DOSSIER_STAKEHOLDER_ORGANISATION);
  assert_not_suggested (s, "Westmarch");
  find_stakeholder_of_kind (s, "Sport Scotland", DOSSIER_STAKEHOLDER_ORGANISATION);
  find_stakeholder_of_kind (s, "Ravi Venkataraman", DOSSIER_STAKEHOLDER_PERSON);
  find_stakeholder_of_kind (s, "Ada England", DOSSIER_STAKEHOLDER_PERSON);

  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Natural Westmarch", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_ORGANISATION);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Sport Scotland", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_ORGANISATION);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Ravi Venkataraman", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_PERSON);
}

/* A name followed by ", which" or "that runs …" is a thing or a body,
 * never someone, however it speaks: an organisation, or a business when
 * its name says so ("Buses") (an article written for this test). "who" is someone's; "which" after "said Ana Ruiz" is
 * the statement's. */
static void
test_stakeholders_which_is_no_one (void)
{
  const char *text =
    "Route 14 to end\n\n"
    "Stagecoach Ashby, which runs the number 14, said the route had lost money for three "
    "years. Harlow Buses that operates the night service has twenty drivers, and Harlow Buses "
    "said none of them would go.\n\n"
    "Jo Petrie, who drives the number 14, said she had heard nothing. The last bus will run "
    "in March, said Ada Lund, which angered parents at the school.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  find_stakeholder_of_kind (s, "Stagecoach Ashby", DOSSIER_STAKEHOLDER_ORGANISATION);
  find_stakeholder_of_kind (s, "Harlow Buses", DOSSIER_STAKEHOLDER_BUSINESS);
  find_stakeholder_of_kind (s, "Jo Petrie", DOSSIER_STAKEHOLDER_PERSON);
  find_stakeholder_of_kind (s, "Ada Lund", DOSSIER_STAKEHOLDER_PERSON);

  /* The picker reads it alike. */
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Stagecoach Ashby", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_ORGANISATION);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Harlow Buses", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_BUSINESS);
  /* A bus or coach firm that only speaks is one too, no person. */
  {
    const char *said =
      "Bus route\n\n"
      "Harlow Buses said the route had lost money. Kestrel Coaches said it would bid.";
    g_autoptr(GPtrArray) b = stakeholders_of_article (said);

    find_stakeholder_of_kind (b, "Harlow Buses", DOSSIER_STAKEHOLDER_BUSINESS);
    find_stakeholder_of_kind (b, "Kestrel Coaches", DOSSIER_STAKEHOLDER_BUSINESS);
  }
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Ada Lund", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_PERSON);
}

/* A role, a comma and a name after "said" or "according to" are someone
 * who speaks, whether the role is a title the list holds ("chair",
 * "director") or not ("coordinator", "engineer"), in one word or in two
 * or three ("operations manager", "chief executive", "head of policy"): a
 * person, named once (an article written for this test). A firm's word is
 * no role ("said the developer, Harrow Homes", "the ferry operator,
 * Kestrel Line"), nor are the last words of a list ("its cooks, kitchen
 * porters, Quayside Catering"). */
static void
test_stakeholders_role_then_name (void)
{
  const char *text =
    "Food bank appeal\n\n"
    "The Marsh Road Food Bank has run out of tinned goods, said its coordinator, Ruth Okafor. "
    "Parents set up a supper club last spring; it has fed forty children a week, said the "
    "group's chair, Tom Reyes. The Fenwick Trust will match every pound raised, according to "
    "its director, Ana Lim.\n\n"
    "A new kitchen will open in May, said the engineer, Jo Hale. The estate will have 300 "
    "homes, said the developer, Harrow Homes.\n\n"
    "The ferry's early sailing will stop in April, said its operations manager, Colin Varga. "
    "The crossing lost money all winter, according to the firm's chief executive, Dana "
    "Whitlow. Nobody asked the islanders, said their head of policy, Imran Sethi.\n\n"
    "Fares will rise, said the ferry operator, Kestrel Line. Kestrel Line runs four boats "
    "from the slipway. The quay also lost its cooks, kitchen porters, Quayside Catering "
    "and two buses; Quayside Catering has not commented.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  const char * const people[] = {
    "Ruth Okafor", "Tom Reyes", "Ana Lim", "Jo Hale", "Colin Varga", "Dana Whitlow",
    "Imran Sethi",
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_assert_cmpuint (find_stakeholder_of_kind (s, people[i], DOSSIER_STAKEHOLDER_PERSON)->n_mentions,
                        ==, 1);
      g_assert_cmpint (dossier_suggest_stakeholder_kind (text, people[i], -1, -1), ==,
                       DOSSIER_STAKEHOLDER_PERSON);
    }
  for (guint i = 0; i < s->len; i++)
    {
      DossierStakeholderSuggestion *one = g_ptr_array_index (s, i);

      if (g_str_equal (one->name, "Harrow Homes"))
        g_assert_cmpint (one->kind, !=, DOSSIER_STAKEHOLDER_PERSON);
    }
  g_assert_cmpint (find_stakeholder (s, "Kestrel Line")->kind, !=, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpint (find_stakeholder (s, "Quayside Catering")->kind, !=,
                   DOSSIER_STAKEHOLDER_PERSON);
}

/* A role, a comma and a body's name: "its owner, Calder Ports" is a
 * business, as its name's last word says; "its tenant, Marlow Boatyard,
 * which repairs boats" an organisation, as ", which" says there or
 * elsewhere in the text (an article written for this test). The picker
 * gives each name the kind its suggestion shows, at its first mention or
 * with no passage. */
static void
test_stakeholders_role_then_body (void)
{
  const char *text =
    "Quay sale\n\n"
    "The quay will be sold in June, said its owner, Calder Ports. The berths will close, "
    "according to their operator, Halden Marine Ltd. The slipway is leased to its tenant, "
    "Marlow Boatyard, which repairs fishing boats, and Marlow Boatyard will stay.\n\n"
    "The sheds were sold, said their agent, Brant Estates. Brant Estates, which rents "
    "out the sheds, wants to build flats. Greyline, which owns the depot, will sell it, "
    "and Greyline has not commented.\n\n"
    "Calder Ports said the price was fair.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  find_stakeholder_of_kind (s, "Calder Ports", DOSSIER_STAKEHOLDER_BUSINESS);
  find_stakeholder_of_kind (s, "Halden Marine Ltd", DOSSIER_STAKEHOLDER_BUSINESS);
  find_stakeholder_of_kind (s, "Marlow Boatyard", DOSSIER_STAKEHOLDER_ORGANISATION);
  find_stakeholder_of_kind (s, "Brant Estates", DOSSIER_STAKEHOLDER_ORGANISATION);
  find_stakeholder (s, "Greyline");
  for (guint i = 0; i < s->len; i++)
    assert_kind_as_picker (text, g_ptr_array_index (s, i));
}

/* A person a role introduces has one kind in the suggestions and in the
 * picker (an article written for this test): the harbour master of a
 * port company is an official, as the office is wherever it is held;
 * the secretary of a union is a person, as the president of an
 * association is. */
static void
test_stakeholders_role_kind_as_picker (void)
{
  const char *text =
    "Quay sale\n\n"
    "Calder Ports said the price was fair, said its harbour master, Ivo Brandt. The Marle "
    "Dockers' Union has filed an objection, and its secretary, Ruth Kimathi, said the jobs "
    "would go.\n\n"
    "The berths will close at night, Calder Ports said.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  find_stakeholder_of_kind (s, "Ivo Brandt", DOSSIER_STAKEHOLDER_OFFICIAL);
  find_stakeholder_of_kind (s, "Ruth Kimathi", DOSSIER_STAKEHOLDER_PERSON);
  for (guint i = 0; i < s->len; i++)
    assert_kind_as_picker (text, g_ptr_array_index (s, i));
}

/* A Spanish title, what it is of, a comma and a name (an article written
 * for this test): "la concejala de Urbanismo, Marta Gil" and "el
 * alcalde, Tomás Vidal" are officials, as "the councillor for planning,
 * Mary Gill" is; "la portavoz de la asociación, Ana Ruiz" is a person, as
 * an association's president is. The picker says the same. */
static void
test_stakeholders_spanish_titles (void)
{
  const char *text =
    "Obras en la plaza\n\n"
    "Las obras empezarán en abril, dijo la concejala de Urbanismo, Marta Gil. El plazo es "
    "corto, dijo el alcalde, Tomás Vidal. Los vecinos no fueron consultados, según la "
    "portavoz de la asociación, Ana Ruiz.\n\n"
    "The works were approved, said the councillor for planning, Mary Gill.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  const struct
  {
    const char             *name;
    DossierStakeholderKind  kind;
  } expected[] = {
    { "Marta Gil", DOSSIER_STAKEHOLDER_OFFICIAL },
    { "Tomás Vidal", DOSSIER_STAKEHOLDER_OFFICIAL },
    { "Ana Ruiz", DOSSIER_STAKEHOLDER_PERSON },
    { "Mary Gill", DOSSIER_STAKEHOLDER_OFFICIAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DossierStakeholderSuggestion *one =
        find_stakeholder_of_kind (s, expected[i].name, expected[i].kind);

      assert_kind_as_picker (text, one);
    }
  assert_not_suggested (s, "Urbanismo");
}

/* The Spanish cues as the English ones (an article written for this
 * test): a role after "su" or "la", a comma and a name ("dijo su
 * coordinadora, Marta Gil", "según su jefe de operaciones, Luis Prado",
 * "dijo la ingeniera, Rosa Vidal") is someone who speaks; a name followed by
 * ", que" and what a firm does ("Autobuses Ferrol, que gestiona el
 * servicio") is a body, an organisation when it speaks. "Juan Pérez, que
 * vive en el barrio" stays someone. */
static void
test_stakeholders_spanish_cues (void)
{
  const char *text =
    "Cierre de la línea 14\n\n"
    "La línea 14 cerrará en marzo, dijo su coordinadora, Marta Gil. El servicio pierde "
    "dinero desde hace años, según su jefe de operaciones, Luis Prado. Las paradas nuevas "
    "estarán listas en mayo, dijo la ingeniera, Rosa Vidal.\n\n"
    "Autobuses Ferrol, que gestiona el servicio nocturno, tiene veinte conductores, y "
    "Autobuses Ferrol dijo que ninguno se irá.\n\n"
    "Juan Pérez, que vive en el barrio, dijo que la línea es vital.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  const char * const people[] = { "Marta Gil", "Luis Prado", "Rosa Vidal", "Juan Pérez" };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      find_stakeholder_of_kind (s, people[i], DOSSIER_STAKEHOLDER_PERSON);
      g_assert_cmpint (dossier_suggest_stakeholder_kind (text, people[i], -1, -1), ==,
                       DOSSIER_STAKEHOLDER_PERSON);
    }
  find_stakeholder_of_kind (s, "Autobuses Ferrol", DOSSIER_STAKEHOLDER_ORGANISATION);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Autobuses Ferrol", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_ORGANISATION);
}

/* ", la cual" and ", el cual" as ", que" (an article written for this
 * test): with what a firm or a body does after it, the name before is a
 * body ("Conservas Barreiro, la cual emplea a sesenta personas"); with
 * anything else it may be someone's ("Rosa Lema, la cual vive junto al
 * muelle"). Roles in "-ica" and "-ico", and a role's noun before its
 * adjective, are roles as "la ingeniera" is: "dijo la técnica municipal,
 * Laura Seoane", "según la política local, Irene Sanjurjo", "Nuria
 * Castro, una médica del centro de salud,". */
static void
test_stakeholders_spanish_which_and_roles (void)
{
  const char *text =
    "Obras en el muelle de Burela\n\n"
    "Conservas Barreiro, la cual emplea a sesenta personas, cerrará en julio, y Conservas "
    "Barreiro dijo que volverá en otoño. Varadero Insua, el cual gestiona la grada, no "
    "abrirá hasta marzo, y Varadero Insua advirtió que pedirá ayudas.\n\n"
    "Las obras durarán ocho meses, dijo la técnica municipal, Laura Seoane. El plan llegó "
    "tarde, según la política local, Irene Sanjurjo. El polvo preocupa, dijo su médico de "
    "cabecera, Xoán Rey.\n\n"
    "Nuria Castro, una médica del centro de salud, dijo que el ruido no deja dormir. Pablo "
    "Souto, un mecánico jubilado, dijo que nadie les avisó. Rosa Lema, la cual vive junto al "
    "muelle, dijo que el ruido es constante.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  const char * const people[] = {
    "Laura Seoane", "Irene Sanjurjo", "Xoán Rey", "Nuria Castro", "Pablo Souto", "Rosa Lema",
  };
  const char * const bodies[] = { "Conservas Barreiro", "Varadero Insua" };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_test_message ("%s", people[i]);
      find_stakeholder_of_kind (s, people[i], DOSSIER_STAKEHOLDER_PERSON);
      g_assert_cmpint (dossier_suggest_stakeholder_kind (text, people[i], -1, -1), ==,
                       DOSSIER_STAKEHOLDER_PERSON);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_test_message ("%s", bodies[i]);
      find_stakeholder_of_kind (s, bodies[i], DOSSIER_STAKEHOLDER_ORGANISATION);
      g_assert_cmpint (dossier_suggest_stakeholder_kind (text, bodies[i], -1, -1), ==,
                       DOSSIER_STAKEHOLDER_ORGANISATION);
    }
}

/* Whether the suggestion named @name has the alias @alias. */
static gboolean
has_alias (GPtrArray  *suggestions,
           const char *name,
           const char *alias)
{
  return g_strv_contains ((const char * const *) find_stakeholder (suggestions, name)->aliases,
                          alias);
}

/* Whether @name is the name or an alias of a suggestion other than one
 * named @owner. */
static gboolean
named_apart_from (GPtrArray  *suggestions,
                  const char *name,
                  const char *owner)
{
  for (guint i = 0; i < suggestions->len; i++)
    {
      DossierStakeholderSuggestion *s = g_ptr_array_index (suggestions, i);

      if (g_str_equal (s->name, owner))
        continue;
      if (g_str_equal (s->name, name) ||
          g_strv_contains ((const char * const *) s->aliases, name))
        return TRUE;
    }
  return FALSE;
}

/* A body named in full, then by its head words after "the" ("Friends of
 * Harrowgate Libraries", "The Friends said"): one stakeholder, the short
 * form its alias (articles written for this test). Not when two bodies
 * share the words ("the Friends" of two groups, "the Council" of two
 * councils), nor when the short form comes first. */
static void
test_stakeholders_short_form_of_body (void)
{
  const char *one =
    "Library hours cut\n\n"
    "Friends of Harrowgate Libraries said it would protest outside the town hall. The "
    "Friends said the cuts would close two branches, and the Friends have collected 3,000 "
    "signatures.";
  const char *two =
    "Library hours cut\n\n"
    "Friends of Harrowgate Libraries and Friends of Wexley Park will march together. The "
    "Friends said the cuts would close two branches, and the Friends have collected 3,000 "
    "signatures. Friends of Wexley Park formed in May; Friends of Harrowgate Libraries is "
    "older.\n\n"
    "Harrowgate Borough Council and Wexley Parish Council both voted for the cuts. The "
    "Council said savings had to be found; the Council will meet again in June.";
  const char *later =
    "Library hours cut\n\n"
    "The Friends said the cuts would close two branches, and the Friends have collected "
    "3,000 signatures. Friends of Harrowgate Libraries was founded in 1998 and Friends of "
    "Harrowgate Libraries meets monthly.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (one);
  g_autoptr(GPtrArray) shared = stakeholders_of_article (two);
  g_autoptr(GPtrArray) first = stakeholders_of_article (later);

  assert_known_by (s, "Friends of Harrowgate Libraries", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY,
                   "Friends", 3);
  g_assert_false (named_apart_from (s, "Friends", "Friends of Harrowgate Libraries"));

  g_assert_false (has_alias (shared, "Friends of Harrowgate Libraries", "Friends"));
  g_assert_false (has_alias (shared, "Friends of Wexley Park", "Friends"));
  g_assert_false (has_alias (shared, "Harrowgate Borough Council", "Council"));
  g_assert_false (has_alias (shared, "Wexley Parish Council", "Council"));

  g_assert_false (has_alias (first, "Friends of Harrowgate Libraries", "Friends"));
}

/* A body's full name in the title ("Fenmoor Chamber of Trade") and a
 * shorter one in the text ("the Chamber of Trade"): the title's is the
 * name, the text's its alias, and both count (an article written for
 * this test). */
static void
test_stakeholders_full_name_from_title (void)
{
  const char *text =
    "Fenmoor Chamber of Trade responds to the parking levy\n\n"
    "The Chamber of Trade says the levy will drive shoppers to the retail park. Its members "
    "met on Tuesday, and the Chamber of Trade voted to write to the council.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  DossierStakeholderSuggestion *chamber;

  chamber = find_stakeholder_of_kind (s, "Fenmoor Chamber of Trade", DOSSIER_STAKEHOLDER_BUSINESS);
  assert_alias (chamber, "Chamber of Trade");
  g_assert_cmpuint (chamber->n_mentions, ==, 3);
  g_assert_cmpuint (s->len, ==, 1);
}

/* A headline capitalises what a body does with its name ("Federation of
 * Small Traders Backs Levy"): the name ends before the verb, whether the
 * text names the body in full or only as "the Federation", which is then
 * its alias, not a place (articles written for this test). */
static void
test_stakeholders_headline_verbs (void)
{
  const char *short_only =
    "Federation of Small Traders Backs Levy\n\n"
    "Shop owners across the county say the levy is fair. The Federation will write to "
    "members, and the Federation expects most to agree.";
  const char *in_full =
    "Federation of Small Traders Backs Levy\n\n"
    "The Federation of Small Traders said on Monday that the levy was fair.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (short_only);
  g_autoptr(GPtrArray) f = stakeholders_of_article (in_full);

  assert_known_by (s, "Federation of Small Traders", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY,
                   "Federation", 3);
  assert_not_suggested (s, "Federation of Small Traders Backs Levy");

  g_assert_cmpuint (find_stakeholder_of_kind (f, "Federation of Small Traders",
                                              DOSSIER_STAKEHOLDER_CIVIL_SOCIETY)->n_mentions, ==, 2);
  assert_not_suggested (f, "Federation of Small Traders Backs Levy");
}

/* Kinds from names and descriptions (an article written for this test):
 * the head of a name decides, qualified ("Press Agency": media; "Ferry
 * Users' Forum": civil society), for the suggestions and the picker
 * alike; an organisation that ends the description of someone who speaks
 * does not speak ("Ruth Kimathi, secretary of Harbour Watch, said"); two
 * people with one surname: "Mayor Varga" is the mayor's, and no farmer
 * introduced as one is a mayor. */
static void
test_stakeholders_kinds_from_names (void)
{
  const char *text =
    "Ferry fares\n\n"
    "KESTLE (Dunmore Press Agency) — Fares will rise in May, the Dunmore Press Agency "
    "reported. The agency said the rise was the third this year. The Kestle Ferry Users' "
    "Forum said it would protest.\n\n"
    "Ada Moyo, secretary of Harbour Watch, said the rise was unfair. Oren Pike, director of "
    "Tidewater Haulage, warned that lorries would divert.\n\n"
    "Mayor Inès Varga backed the rise. Tomas Varga, who runs a dairy herd, opposed it. "
    "“Nobody asked us,” Mayor Varga said.";
  const char *farmer =
    "Dairy\n\n"
    "Mayor Varga opened the dairy on Monday. Tomas Varga, who runs a dairy herd, said the "
    "road was too narrow.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  g_autoptr(GPtrArray) f = stakeholders_of_article (farmer);
  DossierStakeholderSuggestion *ines, *tomas;

  g_assert_cmpint (find_stakeholder (s, "Dunmore Press Agency")->kind, ==,
                   DOSSIER_STAKEHOLDER_MEDIA);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Dunmore Press Agency", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_MEDIA);
  g_assert_cmpint (find_stakeholder (s, "Kestle Ferry Users' Forum")->kind, ==,
                   DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  find_stakeholder (s, "Ada Moyo");
  g_assert_cmpint (find_stakeholder (s, "Oren Pike")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  assert_not_suggested (s, "Harbour Watch");
  /* A profession's body, not a school. */
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Royal College of Pilots", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Colegio de Prácticos", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Kestle College", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_ORGANISATION);
  assert_not_suggested (s, "Tidewater Haulage");
  /* "Cámara" is a chamber only before "de"; after a given name, a surname. */
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Cámara de Diputados", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_LEGISLATURE);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Lucía Cámara", -1, -1), !=,
                   DOSSIER_STAKEHOLDER_LEGISLATURE);
  {
    g_autoptr(GPtrArray) es = stakeholders_of_article (
      "Mareas\n\nLa geóloga Lucía Cámara, investigadora del Instituto de Costas, confirmó que "
      "el muelle se hunde. \"El agua sube cada año\", dijo Cámara.");

    g_assert_cmpint (find_stakeholder (es, "Lucía Cámara")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  }

  ines = find_stakeholder (s, "Inès Varga");
  g_assert_cmpint (ines->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  assert_alias (ines, "Mayor Varga");
  tomas = find_stakeholder (s, "Tomas Varga");
  g_assert_cmpint (tomas->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpuint (tomas->n_mentions, ==, 1);

  tomas = find_stakeholder (f, "Tomas Varga");
  g_assert_cmpint (tomas->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_false (g_strv_contains ((const char * const *) tomas->aliases, "Mayor Varga"));
}

/* Kinds from the words around a name (an article written for this test):
 * a school's name ("Academy", "School") is an organisation's, though a
 * parent's words follow it; an office at a body with no kind word in its
 * name ("secretary of Harbour Watch") is a role, a person's; a council's
 * chair is an official ("council chair Aoife Brennan"), and so is a
 * title with what it is of before the name ("el concejal de la oposición
 * Jaime Robledo"); a village named as its people ("los vecinos de
 * Valdecruces", "el pueblo de Valdecruces") is a community, the public.
 * For the suggestions and the picker alike. A hospital that speaks is an
 * organisation, not a place's authority. */
static void
test_stakeholders_kinds_from_context (void)
{
  const char *text =
    "Four-day week\n\n"
    "Ben Okoro, whose son attends Kell Road Academy, said the plan was rushed. Kell Road "
    "Academy is one of four schools that would change. Harwick General Hospital said its "
    "nurses would need childcare.\n\n"
    "Ada Moyo, secretary of Harbour Watch, said the fares were unfair. The council chair "
    "Aoife Brennan said they were fair, and Council chair Aoife Brennan voted for them.\n\n"
    "El concejal de la oposición Jaime Robledo pidió una consulta. «El monte es de todos», "
    "dijo Robledo. Los vecinos de Valdecruces votarán en marzo, y el pueblo de Valdecruces "
    "está dividido.";
  const struct
  {
    const char             *name;
    DossierStakeholderKind  kind;
  } expected[] = {
    { "Kell Road Academy", DOSSIER_STAKEHOLDER_ORGANISATION },
    { "Harwick General Hospital", DOSSIER_STAKEHOLDER_ORGANISATION },
    { "Ada Moyo", DOSSIER_STAKEHOLDER_PERSON },
    { "Aoife Brennan", DOSSIER_STAKEHOLDER_OFFICIAL },
    { "Jaime Robledo", DOSSIER_STAKEHOLDER_OFFICIAL },
    { "Valdecruces", DOSSIER_STAKEHOLDER_PUBLIC },
  };
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DossierStakeholderKind kind = find_stakeholder (s, expected[i].name)->kind;
      DossierStakeholderKind picked = dossier_suggest_stakeholder_kind (text, expected[i].name,
                                                                        -1, -1);

      if (kind != expected[i].kind)
        g_error ("“%s” is suggested as %s", expected[i].name,
                 dossier_stakeholder_kind_to_string (kind));
      if (picked != expected[i].kind)
        g_error ("“%s” is picked as %s", expected[i].name,
                 dossier_stakeholder_kind_to_string (picked));
    }
  assert_alias (find_stakeholder (s, "Jaime Robledo"), "Robledo");
  assert_not_suggested (s, "Harbour Watch");
}

/* Names the walks missed (an article written for this test): a group's
 * name with lower-case words inside, after what it is ("the campaign
 * group Parents for a Full Week"); a university named once as where
 * people who did something work ("Researchers at Kestle University
 * who…"); a Spanish association named once with "de" and "de la" inside,
 * that takes a side ("…, por su parte, apoya el proyecto"). The group's
 * first word, "Parents", does not make it the parents the article speaks
 * of. */
static void
test_stakeholders_named_once_bodies (void)
{
  const char *text =
    "Four-day week\n\n"
    "The campaign group Parents for a Full Week has gathered 3,000 signatures. Researchers at "
    "Kestle University who studied shorter weeks found small gains in retention. Most "
    "parents are split: parents of younger pupils object, parents of older ones do not.\n\n"
    "La Asociación de Ganaderos de la Sierra, por su parte, apoya el proyecto.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  DossierStakeholderSuggestion *group;

  group = find_stakeholder (s, "Parents for a Full Week");
  g_assert_cmpint (group->kind, ==, DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpuint (group->n_mentions, ==, 1);
  /* A group of parents, not the parents the article speaks of. */
  g_assert_cmpint (find_stakeholder (s, "Parents")->kind, ==, DOSSIER_STAKEHOLDER_PUBLIC);
  g_assert_cmpuint (find_stakeholder (s, "Parents")->n_mentions, ==, 3);
  g_assert_cmpint (find_stakeholder (s, "Kestle University")->kind, ==,
                   DOSSIER_STAKEHOLDER_ORGANISATION);
  g_assert_cmpint (find_stakeholder (s, "Asociación de Ganaderos de la Sierra")->kind, ==,
                   DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  assert_not_suggested (s, "Full Week");
}

/* A party before an office is part of how the text describes someone
 * (an article written for this test): "Labour MP Jane Doe" suggests Jane
 * Doe, not "Labour" as well — unless the text names the party on its own
 * elsewhere, when it is a party. A constituency there is no actor
 * either. */
static void
test_stakeholders_party_before_title (void)
{
  const char *text =
    "Ward vote\n\n"
    "On Monday, Labour MP Jane Doe said the ward must stay open. Then Conservative MP Tom "
    "Hale agreed, Harwick MP Ada Lowe wrote to the trust, and Labour MP Jane Doe asked for "
    "a debate. Later, Conservative MP Tom Hale and Harwick MP Ada Lowe met.";
  const char *named =
    "Ward vote\n\n"
    "On Monday, Labour MP Jane Doe said the ward must stay open. Since then, Labour has "
    "called for a review.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  g_autoptr(GPtrArray) n = stakeholders_of_article (named);

  g_assert_cmpint (find_stakeholder (s, "Jane Doe")->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpint (find_stakeholder (s, "Tom Hale")->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpint (find_stakeholder (s, "Ada Lowe")->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  assert_not_suggested (s, "Labour");
  assert_not_suggested (s, "Conservative");
  assert_not_suggested (s, "Harwick");

  g_assert_cmpint (find_stakeholder (n, "Jane Doe")->kind, ==, DOSSIER_STAKEHOLDER_OFFICIAL);
  g_assert_cmpint (find_stakeholder (n, "Labour")->kind, ==, DOSSIER_STAKEHOLDER_PARTY);
  g_assert_cmpuint (find_stakeholder (n, "Labour")->n_mentions, ==, 2);
}

/* The council of the town an article is about, with no council named in
 * full (an article written for this test, and the samples): "Kell's
 * council", or "the city council" and "the council" with the town named
 * ("PORT KESSEL", "in Port Kessel"), are one actor, "Kell council",
 * "Port Kessel council", proposed for every use but counted, as it will be
 * once added, by its name and "Kell's council": "council" is no alias, it
 * would be every town's. With two towns named alike, the council is
 * neither's. */
static void
test_stakeholders_town_council (void)
{
  const char *possessive =
    "Harbour fees\n\n"
    "Kell's council will raise harbour fees. The council said the rise was needed, and the "
    "council will vote in June.";
  const char *city =
    "Tram plan\n\n"
    "PORT KESSEL, 4 May — The city council voted for the tram plan on Tuesday. Traders in "
    "Port Kessel objected, and the council will meet them. In Port Kessel, the council owns "
    "the quay.";
  const char *two =
    "Tram plan\n\n"
    "The council voted for the tram plan. Traders in Port Kessel objected, traders in Port "
    "Alder did not, and the council will meet them.";
  g_autoptr(GPtrArray) p = stakeholders_of_article (possessive);
  g_autoptr(GPtrArray) c = stakeholders_of_article (city);
  g_autoptr(GPtrArray) t = stakeholders_of_article (two);
  DossierStakeholderSuggestion *council;

  council = find_stakeholder (p, "Kell council");
  g_assert_cmpint (council->kind, ==, DOSSIER_STAKEHOLDER_GOVERNMENT);
  g_assert_cmpuint (council->n_mentions, ==, 1);
  g_assert_null (council->said_as);
  assert_alias (council, "Kell's council");
  assert_not_suggested (p, "Kell");
  assert_not_suggested (p, "council");

  council = find_stakeholder (c, "Port Kessel council");
  g_assert_cmpint (council->kind, ==, DOSSIER_STAKEHOLDER_GOVERNMENT);
  g_assert_cmpuint (council->n_mentions, ==, 0);
  /* Never by its name: how the text says it instead. */
  g_assert_cmpstr (council->said_as, ==, "the council");
  assert_not_suggested (c, "council");
  assert_not_suggested (c, "Port Kessel");

  assert_not_suggested (t, "Port Kessel council");
  assert_not_suggested (t, "Port Alder council");
  assert_not_suggested (t, "Council");

  /* The sample's main actor. */
  {
    static const char * const samples[] = {
      "harbor-bridge-wire.txt", "harbor-bridge-civic-ledger.md", "harbor-bridge-tribune.html",
    };

    for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
      {
        g_autoptr(DossierParsedDocument) doc = import_file ("DOSSIER_SAMPLES_DIR", "", samples[i]);
        g_autoptr(GPtrArray) s = stakeholders_of (doc);

        council = find_stakeholder (s, "Port Calder council");
        g_assert_cmpint (council->kind, ==, DOSSIER_STAKEHOLDER_GOVERNMENT);
        assert_not_suggested (s, "council");
        assert_not_suggested (s, "councils");
        assert_not_suggested (s, "Port Calder");
      }
  }
}

/* Apostrophes in names (an article written for this test): a saint's
 * 's ("St Aldhelm’s Community Hospital") and a plural's inside a name
 * ("Fishermen's Association", "Residents' Group") are part of it; a
 * possessive that ends a name ("Tidewater District Council's plan") is
 * not, and the body it ends is named, once, by what its words say it
 * is. "Group" says so when nothing else in the name does. */
static void
test_stakeholders_apostrophes (void)
{
  const char *text =
    "Night ward to close\n\n"
    "St Aldhelm’s Community Hospital will close its night ward in May, St Aldhelm’s "
    "Community Hospital said on Friday. Saltings Lane Residents' Group said the village "
    "would be left without cover. The Marle Valley Fishermen's Association objected "
    "as well.\n\n"
    "Tidewater District Council's plan for the site was published last year.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  DossierStakeholderSuggestion *hospital, *council;

  hospital = find_stakeholder (s, "St Aldhelm’s Community Hospital");
  g_assert_cmpint (hospital->kind, ==, DOSSIER_STAKEHOLDER_ORGANISATION);
  g_assert_cmpuint (hospital->n_mentions, ==, 2);
  g_assert_cmpint (find_stakeholder (s, "Saltings Lane Residents' Group")->kind, ==,
                   DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpint (find_stakeholder (s, "Marle Valley Fishermen's Association")->kind, ==,
                   DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  council = find_stakeholder (s, "Tidewater District Council");
  g_assert_cmpint (council->kind, ==, DOSSIER_STAKEHOLDER_GOVERNMENT);
  g_assert_cmpuint (council->n_mentions, ==, 1);
  assert_not_suggested (s, "St Aldhelm");
  assert_not_suggested (s, "St Aldhelm’s");
  assert_not_suggested (s, "Community Hospital");
  assert_not_suggested (s, "Association");
  assert_not_suggested (s, "Tidewater District Council's");
  /* The picker reads them alike. */
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Saltings Lane Residents' Group", -1, -1),
                   ==, DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Brinmoor Holdings Group", -1, -1),
                   ==, DOSSIER_STAKEHOLDER_BUSINESS);
}

/* Organisations by their heads (an article written for this test):
 * "Partnership", "Hospital", "Agency", "Port of …" name bodies, which
 * a hospital is too where it is no more than where something is; a
 * campaign's name after "campaign group", in quotes or not, opening
 * with "Keep"; a firm with an "&" that the text says is one ("Harrow &
 * Vane, the developer"). Each named once. */
static void
test_stakeholders_organisation_heads (void)
{
  const char *text =
    "Merger approved\n\n"
    "Tidewater Health Partnership said on Monday that it would merge Wrenford General "
    "Hospital with the cottage hospital. The campaign group “Keep St Aldhelm’s Open” will "
    "go to court.\n\n"
    "The Port of Marle backs the lagoon, and so does Harrow & Vane, the developer. The "
    "Environment Agency has asked for a survey. Patients at Aldby General Hospital were "
    "moved.";
  const struct
  {
    const char             *name;
    DossierStakeholderKind  kind;
  } expected[] = {
    { "Tidewater Health Partnership", DOSSIER_STAKEHOLDER_GOVERNMENT },
    { "Wrenford General Hospital", DOSSIER_STAKEHOLDER_ORGANISATION },
    { "Keep St Aldhelm’s Open", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
    { "Port of Marle", DOSSIER_STAKEHOLDER_ORGANISATION },
    { "Harrow & Vane", DOSSIER_STAKEHOLDER_BUSINESS },
    { "Environment Agency", DOSSIER_STAKEHOLDER_GOVERNMENT },
  };
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DossierStakeholderSuggestion *found = find_stakeholder_of_kind (s, expected[i].name,
                                                                      expected[i].kind);

      g_assert_cmpuint (found->n_mentions, ==, 1);
    }
  /* The picker reads them alike. */
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Port of Marle", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_ORGANISATION);
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Tidewater Health Partnership", -1, -1),
                   ==, DOSSIER_STAKEHOLDER_GOVERNMENT);
  assert_not_suggested (s, "Aldby General Hospital");
  assert_not_suggested (s, "Marle");
  assert_not_suggested (s, "Port");
}

/* People with what they do beside their name (an article written for
 * this test) are persons, the role no part of the name: a surname that
 * is also a place's last word ("Helen Marsh, who chairs the campaign,"),
 * an honorific after a role ("Chief executive Dr Marcus Okonjo"), a role
 * before the name and a comma ("Its regional officer, Tomasz Wójcik,"). */
static void
test_stakeholders_roles_in_apposition (void)
{
  const char *text =
    "Campaign grows\n\n"
    "Helen Marsh, who chairs the campaign, called the consultation a sham. Chief executive "
    "Dr Marcus Okonjo defended it, and Okonjo said the wards would stay open.\n\n"
    "The agency wants a survey. Its regional officer, Tomasz Wójcik, told the meeting that "
    "it would take a year.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  DossierStakeholderSuggestion *marsh, *okonjo;

  marsh = find_stakeholder (s, "Helen Marsh");
  g_assert_cmpint (marsh->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpuint (marsh->n_mentions, ==, 1);
  okonjo = find_stakeholder (s, "Marcus Okonjo");
  g_assert_cmpint (okonjo->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpuint (okonjo->n_mentions, ==, 2);
  assert_alias (okonjo, "Okonjo");
  g_assert_cmpint (find_stakeholder (s, "Tomasz Wójcik")->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  assert_not_suggested (s, "Chief executive Dr Marcus Okonjo");
  assert_not_suggested (s, "Its regional officer");
  g_assert_cmpint (dossier_suggest_stakeholder_kind (text, "Helen Marsh", -1, -1), ==,
                   DOSSIER_STAKEHOLDER_PERSON);
}

/* A town's council as an actor (an article written for this test): "el
 * ayuntamiento de Villalba", in capitals or not, is the Ayuntamiento de
 * Villalba; "The town of Brackwater has agreed" and "…, and the city of
 * Harlow will pay" are the towns' councils. A town where something is
 * ("in the town of Kell", "en el ayuntamiento de Soria") is none. */
static void
test_stakeholders_town_bodies (void)
{
  const char *text =
    "Ferry link\n\n"
    "The town of Brackwater has agreed to fund the ferry link, and the city of Harlow will "
    "pay the rest. Traders in the town of Kell were not asked.\n\n"
    "El ayuntamiento de Villalba aprobó la licencia del parque eólico. El Ayuntamiento de "
    "Orbada la recurrirá. En el ayuntamiento de Soria nadie opinó.";
  static const char * const bodies[] = {
    "Brackwater council", "Harlow council", "Ayuntamiento de Villalba", "Ayuntamiento de Orbada",
  };
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      DossierStakeholderSuggestion *body = find_stakeholder (s, bodies[i]);

      g_assert_cmpint (body->kind, ==, DOSSIER_STAKEHOLDER_GOVERNMENT);
      g_assert_cmpuint (body->n_mentions, ==, 1);
    }
  assert_alias (find_stakeholder (s, "Brackwater council"), "town of Brackwater");
  assert_not_suggested (s, "Kell council");
  assert_not_suggested (s, "Ayuntamiento de Soria");
}

/* A body named in full once, in the title or in the text, then by its
 * head alone (an article written for this test): "the Association" is the
 * "Saltmarsh Boatyards Association" of the title, "the Federation" the
 * "Federation of Island Shops" of the text, each use one more mention.
 * With two associations named, or none, "the Association" is neither's,
 * and no actor alone. */
static void
test_stakeholders_body_by_its_head (void)
{
  const char *text =
    "Reply of the Saltmarsh Boatyards Association to the harbour dues review\n\n"
    "The Association rejects the new dues. It asks the harbour board to meet the Association "
    "before May, and the Association will send its own figures.\n\n"
    "The Federation of Island Shops wrote as well. The Federation said the dues would fall on "
    "its members.";
  const char *two =
    "Dues\n\n"
    "The Quayside Traders Association and the Marle Anglers Association met on Monday. The "
    "Association said the dues were unfair, and the Association will appeal. The Council did "
    "not answer, and the Council will not meet them.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  g_autoptr(GPtrArray) t = stakeholders_of_article (two);
  DossierStakeholderSuggestion *boatyards, *federation;

  boatyards = find_stakeholder (s, "Saltmarsh Boatyards Association");
  g_assert_cmpint (boatyards->kind, ==, DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  assert_alias (boatyards, "Association");
  /* The title's mention and the text's three. */
  g_assert_cmpuint (boatyards->n_mentions, ==, 4);
  federation = find_stakeholder (s, "Federation of Island Shops");
  assert_alias (federation, "Federation");
  g_assert_cmpuint (federation->n_mentions, ==, 2);

  find_stakeholder (t, "Quayside Traders Association");
  find_stakeholder (t, "Marle Anglers Association");
  assert_not_suggested (t, "Association");
  assert_not_suggested (t, "Council");
}

/* A body whose name says it is one speaks, and then goes by its head
 * after "the" (an article written for this test): "The Marrow Point
 * Residents' Association said", then "The Association said" — the same
 * body, counted each time. With two associations that speak, "the
 * Association" is neither's. */
static void
test_stakeholders_body_that_speaks_by_its_head (void)
{
  const char *one =
    "Late ferry cut\n\n"
    "The Marrow Point Residents' Association, which represents 600 households, said the "
    "cut would strand shift workers. \"The Association will not accept this,\" its chair, "
    "Tessa Doyle, said.\n\n"
    "A replacement bus would cost £200,000 a year, according to the council. The Association "
    "said that was not enough, and the Association has asked for a meeting.";
  const char *two =
    "Late ferry cut\n\n"
    "The Marrow Point Residents' Association said the cut would strand shift workers. The "
    "Quayside Traders' Association said shops would close early.\n\n"
    "The Association said that was not enough, and the Association has asked for a meeting.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (one);
  g_autoptr(GPtrArray) t = stakeholders_of_article (two);
  DossierStakeholderSuggestion *residents;

  residents = find_stakeholder_of_kind (s, "Marrow Point Residents' Association",
                                        DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  assert_alias (residents, "Association");
  g_assert_cmpuint (residents->n_mentions, ==, 4);

  g_assert_false (has_alias (t, "Marrow Point Residents' Association", "Association"));
  g_assert_false (has_alias (t, "Quayside Traders' Association", "Association"));
  assert_not_suggested (t, "Association");
}

/* A firm the text names, then calls "the company" (an article written
 * for this test): no actor "Company" beside it, while "the companies" of
 * an article that keeps returning to them are one. A body named in full,
 * then by its last words and by its head ("Growers' Association", "the
 * Association"): one body, every use a mention. */
static void
test_stakeholders_the_company_and_short_forms (void)
{
  const char *firm =
    "Hosepipe ban\n\n"
    "Brenmoor Water said the ban would start in July. The company said reservoirs were low, "
    "and the company will review them in June. Farmers asked the company to wait; the "
    "company refused.";
  const char *firms =
    "Leaks\n\n"
    "Water companies lose a fifth of their water. The companies say pipes are old, but the "
    "companies paid dividends, and companies will face fines.";
  const char *growers =
    "Hosepipe ban\n\n"
    "The Hallam Valley Growers' Association, which represents 160 farms, wants licences "
    "honoured. \"We lose the crop,\" said the Association's chair, Gwen Pryce. The Growers' "
    "Association will meet the company, and the Association has asked the Agency to attend.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (firm);
  g_autoptr(GPtrArray) t = stakeholders_of_article (firms);
  g_autoptr(GPtrArray) g = stakeholders_of_article (growers);
  DossierStakeholderSuggestion *association;

  assert_not_suggested (s, "Company");
  find_stakeholder_of_kind (t, "Water companies", DOSSIER_STAKEHOLDER_BUSINESS);
  association = find_stakeholder (g, "Hallam Valley Growers' Association");
  assert_alias (association, "Association");
  g_assert_cmpuint (association->n_mentions, ==, 4);
}

/* Bodies named once in a list (an article written for this test): after
 * "met with" and "and", with "of" inside ("Guild of Innkeepers") and a
 * plural's apostrophe ("Anglers' Society", "Skippers’ Forum"), each a body
 * by its head; after "campaign groups including" or "businesses such as",
 * names that say nothing of what they are take the list's kind. A body in
 * lower case ("the town trust") is none. */
static void
test_stakeholders_bodies_in_lists (void)
{
  const char *text =
    "Harbour dues\n\n"
    "The harbour board met with the Confederation of Holiday Parks, the Anglers' Society and "
    "the town trust on Monday. The Kestle Chamber of Trade, the Guild of Innkeepers and the "
    "Skippers’ Forum were not asked.\n\n"
    "Campaign groups including Clean Water Marle, Surfers Against Sewage and the Residents' "
    "Forum wrote to the board, and businesses such as Quayside Boat Hire objected.";
  const struct
  {
    const char             *name;
    DossierStakeholderKind  kind;
  } expected[] = {
    { "Confederation of Holiday Parks", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
    { "Anglers' Society", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
    { "Kestle Chamber of Trade", DOSSIER_STAKEHOLDER_BUSINESS },
    { "Guild of Innkeepers", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
    { "Skippers’ Forum", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
    { "Clean Water Marle", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
    { "Surfers Against Sewage", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
    { "Residents' Forum", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
    { "Quayside Boat Hire", DOSSIER_STAKEHOLDER_BUSINESS },
  };
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DossierStakeholderSuggestion *found = find_stakeholder_of_kind (s, expected[i].name,
                                                                      expected[i].kind);

      g_assert_cmpuint (found->n_mentions, ==, 1);
    }
  g_assert_cmpuint (s->len, ==, G_N_ELEMENTS (expected));
}

/* A country's or a nation's government, parliament or executive, named
 * once by an adjective or a place before the head (an article written for
 * this test): each is the body, the Irish one too where its officials act
 * ("Irish Government officials"). For the suggestions and the picker
 * alike. "Executive" alone, or in a title, is none. */
static void
test_stakeholders_national_bodies (void)
{
  const char *text =
    "Ferry tax\n\n"
    "The ferry tax cannot start until the Welsh Government agrees. The Scottish Parliament "
    "voted down a similar tax, and the Northern Ireland Executive has not looked at one.\n\n"
    "Under the Spanish Government's rules, ports may charge. Irish Government officials "
    "declined to comment.";
  const struct
  {
    const char             *name;
    DossierStakeholderKind  kind;
  } expected[] = {
    { "Welsh Government", DOSSIER_STAKEHOLDER_GOVERNMENT },
    { "Scottish Parliament", DOSSIER_STAKEHOLDER_LEGISLATURE },
    { "Northern Ireland Executive", DOSSIER_STAKEHOLDER_GOVERNMENT },
    { "Spanish Government", DOSSIER_STAKEHOLDER_GOVERNMENT },
    { "Irish Government", DOSSIER_STAKEHOLDER_GOVERNMENT },
  };
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DossierStakeholderSuggestion *found = find_stakeholder_of_kind (s, expected[i].name,
                                                                      expected[i].kind);

      g_assert_cmpuint (found->n_mentions, ==, 1);
      g_assert_cmpint (dossier_suggest_stakeholder_kind (text, expected[i].name, -1, -1), ==,
                       expected[i].kind);
    }
  assert_not_suggested (s, "Irish Government officials");
  assert_not_suggested (s, "Northern Ireland");

  /* A house of a parliament is no chamber of trade; "Executive" of a
   * firm's titles, or alone, is no government. */
  {
    g_autoptr(GPtrArray) other = stakeholders_of_article (
      "Ferry tax\n\n"
      "Chief Executive Oren Vyse said the tax was fair. The Chamber of Deputies voted for it, "
      "and the Chamber will vote again. The Executive said nothing.");

    find_stakeholder_of_kind (other, "Chamber of Deputies", DOSSIER_STAKEHOLDER_LEGISLATURE);
    assert_not_suggested (other, "Executive");
  }
}

/* Whom a pronoun stands for (an article written for this test): "He
 * said" is the one man, or person of no known sex, named last or in the
 * paragraph, so not Ms Lund, and nobody where two such were named; "She
 * said" after a sentence naming no one is Ms Landau's still; "They
 * oppose" (a plural verb) is the group that opened the sentence before,
 * no person, and nobody's when that group was named sentences back or
 * two people opened it; "Clean Water Marle say" is the group's too. */
static void
test_stakeholders_pronouns (void)
{
  const char *text =
    "Quay fees\n\n"
    "Joss Penrose met Mr Brandt at the quay on Monday. He said the fees were too high.\n\n"
    "Ola Dunmore met Ms Lund at the quay on Tuesday. He said the fees were fair.\n\n"
    "Ms Landau has run the Quay Hotel for years. Bookings are down. She said families were "
    "staying away.\n\n"
    "The Harbour Watch met on Wednesday. They oppose the fees.\n\n"
    "The Anchor Circle met on Thursday. Everyone was there. It rained. They support the "
    "fees.\n\n"
    "Pia Storm met Tor Lind at the quay. They say the fees will cost jobs.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  DossierStakeholderSuggestion *dunmore, *landau, *watch;

  assert_not_suggested (s, "Joss Penrose");
  assert_not_suggested (s, "Brandt");
  dunmore = find_stakeholder (s, "Ola Dunmore");
  g_assert_cmpint (dunmore->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpuint (dunmore->n_mentions, ==, 1);
  assert_not_suggested (s, "Lund");
  landau = find_stakeholder (s, "Landau");
  g_assert_cmpint (landau->kind, ==, DOSSIER_STAKEHOLDER_PERSON);
  watch = find_stakeholder (s, "Harbour Watch");
  g_assert_cmpint (watch->kind, !=, DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpuint (watch->n_mentions, ==, 1);
  assert_not_suggested (s, "Anchor Circle");
  assert_not_suggested (s, "Pia Storm");
  assert_not_suggested (s, "Tor Lind");

  /* A name before a plural verb takes a side, a group's, no person's;
   * two names before one are left alone. */
  {
    g_autoptr(GPtrArray) plural = stakeholders_of_article (
      "Quay fees\n\n"
      "Clean Water Marle say the fees are unfair. Oren Vyse and Ada Lund oppose them.");
    DossierStakeholderSuggestion *group = find_stakeholder (plural, "Clean Water Marle");

    g_assert_cmpint (group->kind, !=, DOSSIER_STAKEHOLDER_PERSON);
    assert_not_suggested (plural, "Ada Lund");
  }
}

/* Shorter names of bodies (an article written for this test): a saint's
 * name alone ("St Brannoc’s", that "said" too) is the one hospital named
 * with it; "the town of Harrowby" counts where the town acts, not where
 * something is ("in the town of Harrowby", "at the town of …"). */
static void
test_stakeholders_saints_and_towns (void)
{
  const char *text =
    "Night ward\n\n"
    "St Brannoc’s Hospital will close its night ward. Nurses at St Brannoc’s were told on "
    "Monday, and St Brannoc’s said the ward would reopen in June.\n\n"
    "The town of Harrowby has agreed to pay for a bus. Patients in the town of Harrowby "
    "were not asked, and nobody at the town of Harrowby hall answered.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  DossierStakeholderSuggestion *hospital, *council;

  hospital = find_stakeholder (s, "St Brannoc’s Hospital");
  g_assert_cmpint (hospital->kind, ==, DOSSIER_STAKEHOLDER_ORGANISATION);
  assert_alias (hospital, "St Brannoc’s");
  g_assert_cmpuint (hospital->n_mentions, ==, 3);
  council = find_stakeholder (s, "Harrowby council");
  g_assert_cmpint (council->kind, ==, DOSSIER_STAKEHOLDER_GOVERNMENT);
  g_assert_cmpuint (council->n_mentions, ==, 1);
}

/* A school's head named with the role before the name is the person
 * ("Headteacher Maren Osk"), and a diocese is a church's body, not a
 * person. */
static void
test_stakeholders_schools_and_churches (void)
{
  g_autoptr(GPtrArray) s = stakeholders_of_article (
    "Two chapels to close\n\n"
    "Headteacher Maren Osk, who runs the village school, opposes the closures.\n\n"
    "The Diocese of Fennick, which owns both chapels, said it had no choice.");

  find_stakeholder_of_kind (s, "Maren Osk", DOSSIER_STAKEHOLDER_PERSON);
  find_stakeholder_of_kind (s, "Diocese of Fennick", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  assert_not_suggested (s, "Headteacher Maren Osk");
}

/* A role held at a body named by a possessive, a comma and the name, in a
 * sentence that goes on to a quote after a colon (written for this test):
 * "The board's director of learning, Priya Nandakumar, said: …" is a
 * person, as she is without the colon; the words before the colon are
 * prose ("said" in lower case), no lead-in label to skip. */
static void
test_stakeholders_role_of_body_then_colon (void)
{
  const char *text =
    "Library hours cut\n\n"
    "The board's director of learning, Priya Nandakumar, said: \"We cannot keep the rooms "
    "open in the evening.\"\n\n"
    "The council's chair, Tom Reyes, told the meeting: \"We will look at it again in March.\"\n\n"
    "Key dates: the rooms close on 4 May.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  g_assert_cmpuint (find_stakeholder_of_kind (s, "Priya Nandakumar",
                                              DOSSIER_STAKEHOLDER_PERSON)->n_mentions, ==, 1);
  g_assert_cmpuint (find_stakeholder_of_kind (s, "Tom Reyes", DOSSIER_STAKEHOLDER_PERSON)->n_mentions,
                    ==, 1);
  for (guint i = 0; i < s->len; i++)
    assert_kind_as_picker (text, g_ptr_array_index (s, i));
  assert_not_suggested (s, "Key");
}

/* A word any body of a kind may end in is no alias of one by itself (a
 * story written for this test): "School", a table's header cell, is not
 * "Fenwick Church School", nor is every "school" of the text, nor the
 * village "Fenwick" that opens its name. "the School" after the school is
 * named is its short form; with a second school named, it is neither's,
 * and no actor of its own. */
static void
test_stakeholders_generic_word_alone (void)
{
  const char *table =
    "Village school to close\n\n"
    "Fenwick Church School will close in July and its 38 pupils will move to Harlby, the "
    "diocese said on Monday. Parents in Fenwick were told at a meeting in the church hall.\n\n"
    "School\t2016\t2021\n\n"
    "Fenwick Church School\t74\t38\n\n"
    "Harlby Primary\t190\t212\n\n"
    "Fenwick has had a school since 1858. Its headteacher, Ruth Ellery, said the staff would "
    "move with the children. Fenwick Church School said no teacher would lose a job.";
  const char *short_form =
    "Pupils to move in July\n\n"
    "Fenwick Church School will close in July, the diocese said. The School has 38 pupils.";
  const char *two_schools =
    "Village school to close\n\n"
    "Fenwick Church School will close in July, the diocese said. Its pupils will move to "
    "Harlby Primary School. The School has 38 pupils.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (table);
  g_autoptr(GPtrArray) one = stakeholders_of_article (short_form);
  g_autoptr(GPtrArray) two = stakeholders_of_article (two_schools);
  DossierStakeholderSuggestion *school;

  school = find_stakeholder_of_kind (s, "Fenwick Church School", DOSSIER_STAKEHOLDER_ORGANISATION);
  g_assert_cmpuint (school->n_mentions, ==, 3);
  g_assert_cmpuint (g_strv_length (school->aliases), ==, 0);
  assert_not_suggested (s, "School");
  assert_not_suggested (s, "Fenwick");

  assert_known_by (one, "Fenwick Church School", DOSSIER_STAKEHOLDER_ORGANISATION, "School", 2);

  g_assert_cmpuint (find_stakeholder (two, "Fenwick Church School")->n_mentions, ==, 1);
  g_assert_cmpuint (find_stakeholder (two, "Harlby Primary School")->n_mentions, ==, 1);
  assert_not_suggested (two, "School");
}

/* Kinds from the words around a name (a story written for this test): a
 * firm "the company" stands for after it is named, whose name ends in a
 * thing ("Brenmoor Water"; not "Ana Ruiz", whom "The company said" follows
 * too); a body a noun beside it says ("Ofwat, the regulator, said" — one
 * word opening a sentence —, "CCW, the consumer watchdog,", "the union,
 * Unite,"); a village its residents speak for ("residents of Kesby said").
 * The picker says the same. */
static void
test_stakeholders_kinds_from_words_around (void)
{
  const char *text =
    "Hosepipe ban for the Tarn valley\n\n"
    "Brenmoor Water will ban hosepipes across the valley from Friday, the first ban since 2018. "
    "The company said its reservoirs were at 41 per cent.\n\n"
    "The pumping station at Kesby failed twice in July, residents of Kesby said at a meeting on "
    "Monday.\n\n"
    "Ofwat, the regulator, said it would look at the company's leakage figures. CCW, the "
    "consumer watchdog, said customers should not pay for the leaks, and CCW wants a rebate. "
    "Separately, the union, Unite, said jobs would go.\n\n"
    "Ana Ruiz said her café would close for the summer. The company said nothing to her.\n\n"
    "Brenmoor Water said the ban would be lifted after a wet month.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  g_assert_cmpuint (find_stakeholder_of_kind (s, "Brenmoor Water",
                                              DOSSIER_STAKEHOLDER_BUSINESS)->n_mentions, ==, 2);
  g_assert_cmpuint (find_stakeholder_of_kind (s, "Kesby", DOSSIER_STAKEHOLDER_PUBLIC)->n_mentions,
                    ==, 2);
  g_assert_cmpuint (find_stakeholder_of_kind (s, "Ofwat", DOSSIER_STAKEHOLDER_GOVERNMENT)->n_mentions,
                    ==, 1);
  g_assert_cmpuint (find_stakeholder_of_kind (s, "CCW", DOSSIER_STAKEHOLDER_GOVERNMENT)->n_mentions,
                    ==, 2);
  find_stakeholder_of_kind (s, "Unite", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  find_stakeholder_of_kind (s, "Ana Ruiz", DOSSIER_STAKEHOLDER_PERSON);
  assert_not_suggested (s, "Separately");
  for (guint i = 0; i < s->len; i++)
    assert_kind_as_picker (text, g_ptr_array_index (s, i));
}

/* Someone whose surname is a word of a body's name is no part of the
 * body (a story written for this test): "Ms Ada Guild" and "Dr Ellen
 * Trust" are persons, not a guild and a trust; "Guild said she …" is
 * hers, "the Guild" the Guild of Ferrymen's, and the two stay apart. */
static void
test_stakeholders_surname_of_a_body_word (void)
{
  const char *apart =
    "Ferry strike\n\n"
    "The Guild of Ferrymen will strike on Monday. Ms Ada Guild, who chairs the harbour board, "
    "said the strike was regrettable. The Guild said its members had had no rise since 2019.\n\n"
    "Dr Ellen Trust, a hydrologist, said the channel was silting. The Kell Valley Trust owns "
    "the slipway.";
  const char *surname =
    "Ferry strike\n\n"
    "The Guild of Ferrymen will strike on Monday. Ms Ada Guild said the strike was "
    "regrettable. Guild said she would meet the ferrymen.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (apart);
  g_autoptr(GPtrArray) t = stakeholders_of_article (surname);
  DossierStakeholderSuggestion *guild, *ada;

  guild = find_stakeholder_of_kind (s, "Guild of Ferrymen", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  g_assert_cmpuint (guild->n_mentions, ==, 2);
  assert_alias (guild, "Guild");
  ada = find_stakeholder_of_kind (s, "Ada Guild", DOSSIER_STAKEHOLDER_PERSON);
  g_assert_cmpuint (ada->n_mentions, ==, 1);
  assert_alias (ada, "Ms Ada Guild");
  find_stakeholder_of_kind (s, "Ellen Trust", DOSSIER_STAKEHOLDER_PERSON);
  find_stakeholder_of_kind (s, "Kell Valley Trust", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);

  assert_known_by (t, "Ada Guild", DOSSIER_STAKEHOLDER_PERSON, "Guild", 2);
  g_assert_cmpuint (find_stakeholder_of_kind (t, "Guild of Ferrymen",
                                              DOSSIER_STAKEHOLDER_CIVIL_SOCIETY)->n_mentions, ==, 1);
}

/* A body's first word that speaks is its short form (a story written for
 * this test): "Brenmoor said" after "Brenmoor Water", a body that is no
 * one, as the picker says too. Not "Hollis said" after "Walt Hollis"
 * and "Hollis Drug" (his surname), nor "Ana" of "Ana Ruiz". */
static void
test_stakeholders_first_word_that_speaks (void)
{
  const char *text =
    "Hosepipe ban lifted\n\n"
    "Brenmoor Water will lift its hosepipe ban on Monday. Brenmoor said rain in October had "
    "refilled the reservoirs at Haddon.\n\n"
    "Walt Hollis, who owns Hollis Drug on the high street, said sales of paddling pools had "
    "halved. Hollis said he would order fewer next year. Hollis Drug will close on Sundays.\n\n"
    "Ana Ruiz runs the garden centre. Ana said the ban had cost her a month of trade.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  DossierStakeholderSuggestion *water;

  water = find_stakeholder_of_kind (s, "Brenmoor Water", DOSSIER_STAKEHOLDER_ORGANISATION);
  g_assert_cmpuint (water->n_mentions, ==, 2);
  assert_alias (water, "Brenmoor");
  assert_kind_as_picker (text, water);
  assert_known_by (s, "Walt Hollis", DOSSIER_STAKEHOLDER_PERSON, "Hollis", 2);
  g_assert_cmpuint (find_stakeholder (s, "Hollis Drug")->n_mentions, ==, 2);
  assert_not_suggested (s, "Ana");
}

/* A word that is no name and a place, opening a quote or a sentence (a
 * story written for this test): "“Rebuilding Marrow would …,” she said"
 * is no one, and "she" is Dr Olsen; "Sterling Abara", a name whose first
 * word ends in -ing and then no place, is someone. */
static void
test_stakeholders_word_then_place (void)
{
  const char *text =
    "Lock repairs put off again\n\n"
    "Boaters on the Wendle Canal face another summer of closures at Marrow Bridge, where the "
    "lock gates leak. Dr Priya Olsen, an engineer at Castleford College, said the gates were "
    "older than the records showed. \"Rebuilding Marrow would cost less than ten years of "
    "patching,\" she said.\n\n"
    "The canal trust said closing the lock for a winter was the cheaper course. Olsen said, "
    "\"Closing Marrow Bridge for a winter would strand forty boats.\"\n\n"
    "Sterling Abara, who keeps a narrowboat above the lock, said he would move it in March.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  assert_not_suggested (s, "Rebuilding Marrow");
  assert_not_suggested (s, "Closing Marrow Bridge");
  assert_not_suggested (s, "Marrow");
  assert_known_by (s, "Priya Olsen", DOSSIER_STAKEHOLDER_PERSON, "Olsen", 2);
  find_stakeholder_of_kind (s, "Sterling Abara", DOSSIER_STAKEHOLDER_PERSON);
}

/* A body's short form that is a common noun ("the Trust" of "Oldmere
 * Almshouse Trust", a story written for this test) counts where the text
 * writes it with its capital: not "trust" in lower case, nor a table's
 * header cell "Trust". */
static void
test_stakeholders_short_form_with_its_capital (void)
{
  const char *text =
    "Almshouses to be sold\n\n"
    "Oldmere Almshouse Trust will sell four of its six cottages on Mill Row, the charity said "
    "on Thursday. The Trust said the sale would pay for repairs to the other two.\n\n"
    "Tenants said they had lost trust in the trustees, and one, Agnes Vell, said a trust that "
    "sells homes is no charity.\n\n"
    "Trust\tCottages\tTenants\n"
    "Oldmere Almshouse Trust\t6\t9\n"
    "Other charities\t12\t15\n\n"
    "The Trust will meet the tenants in March.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  assert_known_by (s, "Oldmere Almshouse Trust", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY, "Trust", 4);
}

/* A place named only in a table's rows, or there and where something is,
 * is no actor; "Residents of Hallowby" opening a sentence are Hallowby's
 * people, the public, as is "Hallowby said" (a story written for this
 * test). A paragraph a tab indents is no table. */
static void
test_stakeholders_places_in_tables (void)
{
  const char *text =
    "Ferry timetable cut\n\n"
    "Residents of Hallowby said the winter timetable left them without an evening boat. "
    "Hallowby said it would ask the operator to think again.\n\n"
    "Crossing\tWeekday\tSunday\n"
    "Pellmouth to Hallowby\t6\t3\n"
    "Pellmouth to Corran Sands\t4\t2\n"
    "West Pellmouth to Corran Sands\t2\t1\n\n"
    "\tDunstan Ferries said fuel had doubled in price. Its boats to Corran Sands will stop "
    "in October; Tamsin Orr, who runs the cafe at Corran Sands, said she would close too.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);
  DossierStakeholderSuggestion *town;

  town = find_stakeholder_of_kind (s, "Hallowby", DOSSIER_STAKEHOLDER_PUBLIC);
  g_assert_cmpuint (town->n_mentions, ==, 3);
  assert_kind_as_picker (text, town);
  assert_not_suggested (s, "Residents of Hallowby");
  assert_not_suggested (s, "Corran Sands");
  assert_not_suggested (s, "Pellmouth");
  find_stakeholder_of_kind (s, "Dunstan Ferries", DOSSIER_STAKEHOLDER_BUSINESS);
  find_stakeholder_of_kind (s, "Tamsin Orr", DOSSIER_STAKEHOLDER_PERSON);
}

/* Groups of people an article has act (one written for this test): one
 * opening its sentence, named with the place that says which
 * ("Fishermen at Kellock Quay") or the word before it ("Head teachers"),
 * one that speaks ("…, tenants said"), one in Spanish ("Los ganaderos de
 * la comarca temen …"): the public, however seldom named. Not a group in
 * passing ("would hit families", "a letter to parents"), nor a
 * possessive ("the parents' evening"), nor a table's cell; the quay is
 * no actor. */
static void
test_stakeholders_groups_of_people (void)
{
  const char *text =
    "Harbour dues to double\n\n"
    "Fishermen at Kellock Quay say the new dues would end their trade. The Kellock Harbour "
    "Board said the rise was its first in nine years.\n\n"
    "Head teachers at both island schools have written to the board. The rise would hit "
    "families hardest, tenants said. A letter went to parents on Friday, and the parents' "
    "evening was moved to March.\n\n"
    "Pupils\tBefore\tAfter\n"
    "Kellock\t212\t180\n\n"
    "Los ganaderos de la comarca temen perder el pasto de invierno.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  g_assert_cmpuint (find_stakeholder_of_kind (s, "Fishermen at Kellock Quay",
                                              DOSSIER_STAKEHOLDER_PUBLIC)->n_mentions, ==, 1);
  find_stakeholder_of_kind (s, "Head teachers", DOSSIER_STAKEHOLDER_PUBLIC);
  find_stakeholder_of_kind (s, "Tenants", DOSSIER_STAKEHOLDER_PUBLIC);
  find_stakeholder_of_kind (s, "Ganaderos", DOSSIER_STAKEHOLDER_PUBLIC);
  find_stakeholder_of_kind (s, "Kellock Harbour Board", DOSSIER_STAKEHOLDER_ORGANISATION);
  assert_not_suggested (s, "Families");
  assert_not_suggested (s, "Parents");
  assert_not_suggested (s, "Pupils");
  assert_not_suggested (s, "Kellock Quay");
}

/* What bodies' names say they are (an article written for this test): a
 * food bank or a hospice is a charity, civil society; a school ("Kestle
 * Road Primary") or a harbour board an organisation, a health board a
 * public body; a school only ever a row of a table is no actor. An
 * officer of a union the text names by its word ("The union's regional
 * secretary, Nell Ashcroft,") is a person, as "its secretary" is; the
 * council's leader is an official. */
static void
test_stakeholders_kinds_of_bodies (void)
{
  const char *text =
    "Breakfast clubs\n\n"
    "Tollbridge Food Bank said demand had doubled since the winter. Linmouth Hospice said it "
    "would close four beds. Kestle Road Primary said its kitchen was too small, and the "
    "Kellock Harbour Board said it would lend the old ferry office.\n\n"
    "School\tPupils\n"
    "Ashby Infants\t120\n\n"
    "The Kestle Teachers' Union objected. The union's regional secretary, Nell Ashcroft, "
    "said the clubs would need staff. The council's leader, Councillor Ivo Penrose, said the "
    "Northcombe Health Board would pay.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  find_stakeholder_of_kind (s, "Tollbridge Food Bank", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  find_stakeholder_of_kind (s, "Linmouth Hospice", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY);
  find_stakeholder_of_kind (s, "Kestle Road Primary", DOSSIER_STAKEHOLDER_ORGANISATION);
  find_stakeholder_of_kind (s, "Kellock Harbour Board", DOSSIER_STAKEHOLDER_ORGANISATION);
  find_stakeholder_of_kind (s, "Northcombe Health Board", DOSSIER_STAKEHOLDER_GOVERNMENT);
  find_stakeholder_of_kind (s, "Nell Ashcroft", DOSSIER_STAKEHOLDER_PERSON);
  find_stakeholder_of_kind (s, "Ivo Penrose", DOSSIER_STAKEHOLDER_OFFICIAL);
  assert_not_suggested (s, "Ashby Infants");
}

/* "on" before a name says where something is, as "in" and "at" do (an
 * article written for this test): a green only ever "on Kellow Green" is
 * no actor, however often; "on Friday" neither; the council that
 * decides is one. */
static void
test_stakeholders_on_a_place (void)
{
  const char *text =
    "Market to close\n\n"
    "The market on Kellow Green will close in June. Stalls on Kellow Green have thinned "
    "since the car park on Mardle Wharf opened, and the fair on Kellow Green is gone. The "
    "decision on Friday was taken by Tolland Council.";
  g_autoptr(GPtrArray) s = stakeholders_of_article (text);

  assert_not_suggested (s, "Kellow Green");
  assert_not_suggested (s, "Mardle Wharf");
  assert_not_suggested (s, "Friday");
  find_stakeholder_of_kind (s, "Tolland Council", DOSSIER_STAKEHOLDER_GOVERNMENT);
}

static void
test_stakeholders_none (void)
{
  DossierBlock block = { 0, 0, DOSSIER_BLOCK_PARAGRAPH, 0 };
  const char *text = "Nothing here has a name. Nothing at all.";
  g_autoptr(GPtrArray) none = dossier_suggest_stakeholders ("", NULL, 0);
  g_autoptr(GPtrArray) plain = NULL;

  g_assert_cmpuint (none->len, ==, 0);
  block.end = g_utf8_strlen (text, -1);
  plain = dossier_suggest_stakeholders (text, &block, 1);
  g_assert_cmpuint (plain->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/suggest/arguments-markdown", test_arguments_markdown);
  g_test_add_func ("/dossier/suggest/arguments-spanish", test_arguments_spanish);
  g_test_add_func ("/dossier/suggest/arguments-samples", test_arguments_samples);
  g_test_add_func ("/dossier/suggest/arguments-none", test_arguments_none);
  g_test_add_func ("/dossier/suggest/arguments-list-intro", test_arguments_list_intro);
  g_test_add_func ("/dossier/suggest/stakeholders-schools-and-churches",
                   test_stakeholders_schools_and_churches);
  g_test_add_func ("/dossier/suggest/stakeholders-markdown", test_stakeholders_markdown);
  g_test_add_func ("/dossier/suggest/stakeholders-spanish", test_stakeholders_spanish);
  g_test_add_func ("/dossier/suggest/stakeholders-samples", test_stakeholders_samples);
  g_test_add_func ("/dossier/suggest/stakeholders-samples-kinds", test_stakeholders_samples_kinds);
  g_test_add_func ("/dossier/suggest/stakeholders-streets-firms-campaigns",
                   test_stakeholders_streets_firms_campaigns);
  g_test_add_func ("/dossier/suggest/stakeholders-named-once", test_stakeholders_named_once);
  g_test_add_func ("/dossier/suggest/stakeholders-apostrophes", test_stakeholders_apostrophes);
  g_test_add_func ("/dossier/suggest/stakeholders-organisation-heads",
                   test_stakeholders_organisation_heads);
  g_test_add_func ("/dossier/suggest/stakeholders-roles-in-apposition",
                   test_stakeholders_roles_in_apposition);
  g_test_add_func ("/dossier/suggest/stakeholders-town-bodies", test_stakeholders_town_bodies);
  g_test_add_func ("/dossier/suggest/stakeholders-body-by-its-head",
                   test_stakeholders_body_by_its_head);
  g_test_add_func ("/dossier/suggest/stakeholders-bodies-in-lists",
                   test_stakeholders_bodies_in_lists);
  g_test_add_func ("/dossier/suggest/stakeholders-national-bodies",
                   test_stakeholders_national_bodies);
  g_test_add_func ("/dossier/suggest/stakeholders-pronouns", test_stakeholders_pronouns);
  g_test_add_func ("/dossier/suggest/stakeholders-saints-and-towns",
                   test_stakeholders_saints_and_towns);
  g_test_add_func ("/dossier/suggest/stakeholders-who-said-it-surname",
                   test_stakeholders_who_said_it_surname);
  g_test_add_func ("/dossier/suggest/stakeholders-titles-and-roles",
                   test_stakeholders_titles_and_roles);
  g_test_add_func ("/dossier/suggest/stakeholders-named-then-by-kind",
                   test_stakeholders_named_then_by_kind);
  g_test_add_func ("/dossier/suggest/stakeholders-places", test_stakeholders_places);
  g_test_add_func ("/dossier/suggest/stakeholders-places-only", test_stakeholders_places_only);
  g_test_add_func ("/dossier/suggest/stakeholders-bodies-named-for-places",
                   test_stakeholders_bodies_named_for_places);
  g_test_add_func ("/dossier/suggest/stakeholders-which-is-no-one",
                   test_stakeholders_which_is_no_one);
  g_test_add_func ("/dossier/suggest/stakeholders-role-then-name",
                   test_stakeholders_role_then_name);
  g_test_add_func ("/dossier/suggest/stakeholders-role-then-body",
                   test_stakeholders_role_then_body);
  g_test_add_func ("/dossier/suggest/stakeholders-role-kind-as-picker",
                   test_stakeholders_role_kind_as_picker);
  g_test_add_func ("/dossier/suggest/stakeholders-spanish-cues",
                   test_stakeholders_spanish_cues);
  g_test_add_func ("/dossier/suggest/stakeholders-spanish-which-and-roles",
                   test_stakeholders_spanish_which_and_roles);
  g_test_add_func ("/dossier/suggest/stakeholders-spanish-titles",
                   test_stakeholders_spanish_titles);
  g_test_add_func ("/dossier/suggest/stakeholders-short-form-of-body",
                   test_stakeholders_short_form_of_body);
  g_test_add_func ("/dossier/suggest/stakeholders-body-that-speaks-by-its-head",
                   test_stakeholders_body_that_speaks_by_its_head);
  g_test_add_func ("/dossier/suggest/stakeholders-the-company-and-short-forms",
                   test_stakeholders_the_company_and_short_forms);
  g_test_add_func ("/dossier/suggest/stakeholders-full-name-from-title",
                   test_stakeholders_full_name_from_title);
  g_test_add_func ("/dossier/suggest/stakeholders-headline-verbs",
                   test_stakeholders_headline_verbs);
  g_test_add_func ("/dossier/suggest/stakeholders-kinds-from-names",
                   test_stakeholders_kinds_from_names);
  g_test_add_func ("/dossier/suggest/stakeholders-kinds-from-context",
                   test_stakeholders_kinds_from_context);
  g_test_add_func ("/dossier/suggest/stakeholders-named-once-bodies",
                   test_stakeholders_named_once_bodies);
  g_test_add_func ("/dossier/suggest/stakeholders-party-before-title",
                   test_stakeholders_party_before_title);
  g_test_add_func ("/dossier/suggest/stakeholders-town-council", test_stakeholders_town_council);
  g_test_add_func ("/dossier/suggest/stakeholders-none", test_stakeholders_none);
  g_test_add_func ("/dossier/suggest/stakeholders-people-untitled", test_stakeholders_people_untitled);
  g_test_add_func ("/dossier/suggest/stakeholders-quoted-once", test_stakeholders_quoted_once);
  g_test_add_func ("/dossier/suggest/stakeholders-long-titles", test_stakeholders_long_titles);
  g_test_add_func ("/dossier/suggest/stakeholder-kind", test_stakeholder_kind);
  g_test_add_func ("/dossier/suggest/stakeholders-people-kind", test_stakeholders_people_kind);
  g_test_add_func ("/dossier/suggest/stakeholders-who-said-it", test_stakeholders_who_said_it);
  g_test_add_func ("/dossier/suggest/stakeholders-who-said-it-spanish",
                   test_stakeholders_who_said_it_spanish);
  g_test_add_func ("/dossier/suggest/stakeholders-words-not-the-body-s",
                   test_stakeholders_words_not_the_body_s);
  g_test_add_func ("/dossier/suggest/stakeholder-kind-at-mention", test_stakeholder_kind_at_mention);
  g_test_add_func ("/dossier/suggest/stakeholders-place-words", test_stakeholders_place_words);
  g_test_add_func ("/dossier/suggest/stakeholders-table-cells", test_stakeholders_table_cells);
  g_test_add_func ("/dossier/suggest/stakeholders-titled-appositive",
                   test_stakeholders_titled_appositive);
  g_test_add_func ("/dossier/suggest/stakeholders-secretary-of-union",
                   test_stakeholders_secretary_of_union);
  g_test_add_func ("/dossier/suggest/stakeholders-quoted-once-spanish",
                   test_stakeholders_quoted_once_spanish);
  g_test_add_func ("/dossier/suggest/stakeholders-role-of-body-then-colon",
                   test_stakeholders_role_of_body_then_colon);
  g_test_add_func ("/dossier/suggest/stakeholders-generic-word-alone",
                   test_stakeholders_generic_word_alone);
  g_test_add_func ("/dossier/suggest/stakeholders-kinds-from-words-around",
                   test_stakeholders_kinds_from_words_around);
  g_test_add_func ("/dossier/suggest/stakeholders-surname-of-a-body-word",
                   test_stakeholders_surname_of_a_body_word);
  g_test_add_func ("/dossier/suggest/stakeholders-first-word-that-speaks",
                   test_stakeholders_first_word_that_speaks);
  g_test_add_func ("/dossier/suggest/stakeholders-word-then-place",
                   test_stakeholders_word_then_place);
  g_test_add_func ("/dossier/suggest/stakeholders-short-form-with-its-capital",
                   test_stakeholders_short_form_with_its_capital);
  g_test_add_func ("/dossier/suggest/stakeholders-places-in-tables",
                   test_stakeholders_places_in_tables);
  g_test_add_func ("/dossier/suggest/stakeholders-groups-of-people",
                   test_stakeholders_groups_of_people);
  g_test_add_func ("/dossier/suggest/stakeholders-kinds-of-bodies",
                   test_stakeholders_kinds_of_bodies);
  g_test_add_func ("/dossier/suggest/stakeholders-on-a-place", test_stakeholders_on_a_place);

  return g_test_run ();
}
