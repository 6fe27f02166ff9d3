/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-html.c — the HTML importer on saved pages and hostile input.
 *
 * The pages in tests/fixtures/html/ are invented text in the markup of
 * real sites: a big news site, a regional paper, a wire story, a blog, a
 * live blog, Spanish, Arabic (right to left), a magazine long-read, an
 * opinion piece, a windows-1252 page, a JSON-LD-only page, an AMP page and
 * a press release. For each, what a reader relies on is checked: the
 * metadata, the sentences of the article, the absence of the page's
 * furniture, and the blocks (kind, level, exact text at their offsets).
 */

#include "config.h"

#include <string.h>

#include <libxml/parserInternals.h>

#include <dossier/dossier-import.h>
#include <dossier/dossier-text.h>

#include "test-util.h"

#define MAX_STRINGS 12
#define MAX_BLOCKS 20

typedef struct
{
  DossierBlockKind kind;
  int              level;
  const char      *text;
} ExpectedBlock;

typedef struct
{
  const char   *file;
  const char   *title;
  const char   *author;      /* NULL: the page names nobody */
  const char   *outlet;
  const char   *published;
  const char   *source;      /* NULL: the page gives no URL */
  const char   *present[MAX_STRINGS];
  const char   *absent[MAX_STRINGS];
  ExpectedBlock blocks[MAX_BLOCKS];  /* in order, not necessarily adjacent */
} PageCase;

#define B(kind, level, text) { DOSSIER_BLOCK_##kind, level, text }

static const PageCase pages[] = {
  {
    "news-big.html",
    "Councillors back tram extension to Eastfield after six-hour debate",
    "Helen Achterberg", "Northgate Herald", "2024-04-09",
    "https://www.northgateherald.example/news/2024/apr/09/tram-extension-eastfield-vote",
    {
      "ending a decade of studies and false starts with a vote of 41 to 19",
      "The 4.8km branch would leave the existing line at Market Square",
      "“We are being asked to sign a cheque against homes that have not been built,”",
      "Construction could begin in 2026 at the earliest",
      "£310m",
    },
    {
      "cookies", "Accept all", "Skip to main content", "Cricket", "Share on Facebook",
      "Ring road closed after lorry fire", "Advertisement", "Read more", "Bus lanes on Ring Road",
      "Herald Daily", "Privacy policy", "Transport correspondent",
    },
    {
      B (TITLE, 0, "Councillors back tram extension to Eastfield after six-hour debate"),
      B (PARAGRAPH, 0, "The £310m line would link the estate to the city centre by 2029, but "
                       "opponents warn of years of disruption on the Harrow Road corridor."),
      B (HEADING, 2, "Funding gap"),
      B (PARAGRAPH, 0, "Officers told the meeting the main risks identified so far were:"),
      B (LIST_ITEM, 1, "a rise in construction costs above the 12% contingency;"),
      B (LIST_ITEM, 1, "delays in moving gas and water mains under Harrow Road;"),
      B (LIST_ITEM, 1, "a shortfall in the development levy if fewer than 2,000 homes are built "
                       "by 2032."),
      B (HEADING, 2, "Businesses fear disruption"),
      B (QUOTE, 0, "Two years of barriers outside the door would finish off half the shops on "
                   "this road. We want the tram, but we want to still be here when it arrives."),
      B (PARAGRAPH, 0, "Harrow Road, where the line would run down the middle of the street."),
    },
  },
  {
    "regional.html",
    "Flood barrier for Ashby Market delayed until 2026",
    "Tom Brennan", "The Valley Courier", "2023-11-14", NULL,
    {
      "Residents of Ashby Market will have to wait at least two more winters",
      "\"a bitter blow\"",
      "old mine workings under the embankment route",
      "Water reached 1.4 metres deep in parts of Bridge Street.",
    },
    {
      "Home", "What's On", "Staff Writer", "Published: 14:05", "Email a friend", "ADVERTISEMENT",
      "Comments (14)", "Same old story", "Most popular", "Photo sales", "All rights reserved",
      "9°C",
    },
    {
      B (TITLE, 0, "Flood barrier for Ashby Market delayed until 2026"),
      B (PARAGRAPH, 0, "Residents of Ashby Market will have to wait at least two more winters for "
                       "the flood barrier promised after the floods of 2020, the Environment "
                       "Agency has confirmed."),
      B (PARAGRAPH, 0, "What went wrong"),
      B (PARAGRAPH, 0, "A public drop-in session will be held at Ashby Market town hall on "
                       "Thursday, November 23, from 2pm to 7pm."),
    },
  },
  {
    "wire.html",
    "Nordic and Baltic states agree cod quota cut after overnight talks",
    "Ingrid Solberg", "Continental Press Agency", "2024-10-22",
    "https://www.cpa-wire.example/world/europe/nordic-baltic-cod-quota-2024-10-22/",
    {
      "COPENHAGEN, Oct 22 (CPA) - Fisheries ministers from eight countries",
      "\"Nobody leaves this room happy, which probably means we got it roughly right,\"",
      "Reporting by Ingrid Solberg",
    },
    {
      "Search CPA", "3 minute read", "Updated 3 hours ago", "Scroll to continue",
      "Related coverage", "herring", "Trust Principles", "quotes delayed", "Markets",
      "Share on LinkedIn",
    },
    {
      B (TITLE, 0, "Nordic and Baltic states agree cod quota cut after overnight talks"),
      B (PARAGRAPH, 0, "COPENHAGEN, Oct 22 (CPA) - Fisheries ministers from eight countries "
                       "around the Baltic Sea agreed early on Tuesday to cut next year's eastern "
                       "cod quota by 31%, after talks that ran through the night in the Danish "
                       "capital."),
      B (PARAGRAPH, 0, "The agreement must still be formally adopted by the countries' "
                       "governments, which officials said was expected before the end of "
                       "November."),
    },
  },
  {
    "blog.html",
    "What a year of community composting taught our allotment",
    "Priya Natarajan", "The Muddy Trowel", "2023-09-18",
    "https://muddytrowel.example/2023/09/18/a-year-of-community-composting/",
    {
      "eleven of us on the Hollins Lane allotments agreed",
      "builders’ merchant on Station Road",
      "ours reached 60°C within a week",
      "It just takes longer to break down.",
    },
    {
      "Skip to content", "Notes from plot 14b", "Posted on", "Share this", "Like this",
      "Posted in", "Previous post", "thoughts on", "Geoff", "rats", "Leave a Reply",
      "Recent Posts",
    },
    {
      B (TITLE, 0, "What a year of community composting taught our allotment"),
      B (HEADING, 3, "How we set it up"),
      B (LIST_ITEM, 1, "1. Everyone brings green waste to the filling bay and covers it with a "
                       "layer of torn cardboard."),
      B (LIST_ITEM, 1, "2. Whoever is on the rota that week turns the heap and writes the "
                       "temperature in the notebook in the shed."),
      B (LIST_ITEM, 1, "3. When the filling bay is full, it is closed and left for at least ten "
                       "weeks."),
      B (PARAGRAPH, 0, "The three bays in June, with the cooking bay in the middle."),
      B (HEADING, 3, "What worked"),
      B (QUOTE, 0, "Compost is not rubbish you are getting rid of. It is a crop you are "
                   "growing, and it needs tending like one."),
      B (QUOTE, 0, "Marjorie Kettle, who has held plot 3 since 1979"),
      B (HEADING, 3, "What didn’t"),
    },
  },
  {
    "liveblog.html",
    "Westmoor county election results live: count under way as turnout hits 58%",
    "Owen Tregarthen, Lowenna Hicks", "Coastline News", "2024-05-02",
    "https://coastlinenews.example/politics/live/2024/may/02/westmoor-county-election-results-live",
    {
      "Ballots from all 42 divisions are being counted overnight",
      "finished just seven votes behind the sitting councillor",
      "“about the harbour wall, and nothing else”",
      "Polls closed at 10pm",
    },
    {
      "Key events", "Share this update", "Load more updates", "Never miss a story",
      "Complaints", "Copy link", "Weather",
    },
    {
      /* Newest first, as the page has it; each entry's time, heading, text. */
      B (TITLE, 0, "Westmoor county election results live: count under way as turnout hits 58%"),
      B (PARAGRAPH, 0, "Ballots from all 42 divisions are being counted overnight at the Carrick "
                       "leisure centre, with the first results expected after midnight. Follow "
                       "every declaration here as it happens."),
      B (PARAGRAPH, 0, "01.12 BST"),
      B (HEADING, 2, "Recount ordered in Penwith Vale"),
      B (PARAGRAPH, 0, "Staff are clearing a separate table for the recount, which is not "
                       "expected to finish before 3am."),
      B (PARAGRAPH, 0, "00.21 BST"),
      B (HEADING, 2, "First result: Harbourside"),
      B (LIST_ITEM, 1, "Tamsin Rowe (Green): 1,412"),
      B (LIST_ITEM, 1, "Keith Angove (Independent): 1,208"),
      B (LIST_ITEM, 1, "Sarah Nance (Labour): 644"),
      B (PARAGRAPH, 0, "Rowe told supporters the result was “about the harbour wall, and nothing "
                       "else”."),
      B (PARAGRAPH, 0, "23.05 BST"),
      B (HEADING, 2, "Turnout confirmed at 58%"),
      B (PARAGRAPH, 0, "21.55 BST"),
      B (PARAGRAPH, 0, "Good evening and welcome to our live coverage of the Westmoor county "
                       "council election. Polls closed at 10pm and ballot boxes are arriving at "
                       "the count now."),
    },
  },
  {
    "spanish.html",
    "Villanueva del Río limitará el riego de jardines desde el lunes por la sequía",
    "María José Ibáñez", "Diario del Sur", "2024-07-12",
    "https://www.diariodelsur.example/andalucia/2024/07/12/villanueva-rio-riego-sequia.html",
    {
      "cuando los embalses que abastecen a la comarca se sitúan por debajo del 18%",
      "«No es una decisión agradable, pero es la única responsable»",
      "el alcalde, Ramón Íñiguez",
      "con apenas 41 litros por metro cuadrado acumulados.",
    },
    {
      "cookies", "Aceptar", "Deportes", "Por María", "WhatsApp", "Noticias relacionadas",
      "Los embalses de la comarca", "Lo más leído", "Betis", "boletín", "Aviso legal",
      "12 de julio de 2024, 08:15",
    },
    {
      B (TITLE, 0, "Villanueva del Río limitará el riego de jardines desde el lunes por la sequía"),
      B (HEADING, 2, "El Ayuntamiento aprueba un bando que prohíbe regar jardines y llenar "
                     "piscinas privadas entre las 8.00 y las 21.00 horas"),
      B (HEADING, 3, "Sanciones de hasta 750 euros"),
      B (PARAGRAPH, 0, "Las principales medidas del bando son:"),
      B (LIST_ITEM, 1, "Prohibición de regar jardines y zonas verdes privadas en horario diurno."),
      B (LIST_ITEM, 1, "Cierre de fuentes ornamentales y duchas públicas."),
      B (LIST_ITEM, 1, "Reducción de la presión nocturna en la red de abastecimiento."),
      B (PARAGRAPH, 0, "Las asociaciones de regantes de la vega, que ya sufren recortes del 60% "
                       "en sus dotaciones, han pedido a la Junta que acelere las obras de la "
                       "conducción desde el pantano de Guadalmena, paralizadas desde hace dos "
                       "años."),
    },
  },
  {
    "rtl-arabic.html",
    "افتتاح محطة لتحلية المياه في الريم لتأمين مياه الشرب لنصف مليون نسمة",
    "سلمى الحداد", "صحيفة الأفق", "2024-02-20",
    "https://alufuq.example/ar/news/2024/02/20/desalination-plant-alreem",
    {
      "افتتحت وزارة المياه صباح الثلاثاء محطة جديدة لتحلية مياه البحر",
      "«خطوة أساسية نحو الأمن المائي»",
      "الشعاب المرجانية القريبة",
    },
    {
      "ملفات تعريف الارتباط", "موافق", "رياضة", "بقلم", "واتساب", "اقرأ أيضاً",
      "ارتفاع منسوب السدود", "الأكثر قراءة", "جميع الحقوق محفوظة",
    },
    {
      B (TITLE, 0, "افتتاح محطة لتحلية المياه في الريم لتأمين مياه الشرب لنصف مليون نسمة"),
      B (PARAGRAPH, 0, "المحطة الجديدة تنتج 150 ألف متر مكعب يومياً وتعمل جزئياً بالطاقة الشمسية"),
      B (HEADING, 2, "الطاقة الشمسية"),
      B (PARAGRAPH, 0, "أبرز أرقام المشروع:"),
      B (LIST_ITEM, 1, "الطاقة الإنتاجية: 150 ألف متر مكعب يومياً"),
      B (LIST_ITEM, 1, "الكلفة الإجمالية: 320 مليون دولار"),
      B (LIST_ITEM, 1, "عدد العاملين: 240 موظفاً"),
      B (QUOTE, 0, "«كنا نشتري الماء من الصهاريج بأسعار مرتفعة، واليوم نأمل أن ينتهي ذلك»، قالت "
                   "إحدى سكان حي الميناء."),
    },
  },
  {
    "magazine.html",
    "The volunteers digging a lost canal out of the hills",
    "Imogen Strachan", "The Lantern Review", "2024-05-14",
    "https://lanternreview.example/features/wraxall-canal-volunteers",
    {
      "fourteen people in orange waterproofs are standing in a hole",
      "“You get used to the mud,” says Alun Prothero",
      "cost about £40,000 a pair",
      "“That’s the one thing canals never run out of.”",
    },
    {
      "free articles left", "Subscribe for unlimited access", "Fiction", "Share on Facebook",
      "is a writer and walker based in Shropshire", "More from The Lantern Review",
      "last lighthouse keepers", "The Lantern Letter", "14 May 2024",
    },
    {
      B (TITLE, 0, "The volunteers digging a lost canal out of the hills"),
      B (PARAGRAPH, 0, "For thirty years, weekend volunteers have been restoring the Wraxall "
                       "Canal one lock at a time. Now the end is in sight, and nobody quite knows "
                       "what they will do next."),
      B (HEADING, 2, "I. The first dig"),
      B (HEADING, 2, "II. Money and mud"),
      B (PARAGRAPH, 0, "The canal’s original engineer, Josiah Harker, had money problems of his "
                       "own. In a letter to the company’s committee, now kept in the county "
                       "archive, he complained about the men’s pay:"),
      B (QUOTE, 0, "I cannot answer for the work if the men are not paid by Saturday. They have "
                   "families, and the publicans of Cleeve will not give them credit for ever. I "
                   "beg the Committee to send the money by Thursday’s coach."),
      B (QUOTE, 0, "Josiah Harker, letter of 3 June 1797"),
      B (HEADING, 2, "III. The last mile"),
      B (PARAGRAPH, 0, "This article appears in the May 2024 issue of The Lantern Review."),
    },
  },
  {
    "opinion.html",
    "Our city centres should be car-free by 2030. Here’s how to do it fairly",
    "Daniel Okafor", "The Daily Ledger", "2024-01-23",
    "https://www.dailyledger.example/commentisfree/2024/jan/23/city-centres-car-free-2030",
    {
      "when you take the cars out of the centre, people come back",
      "Street space given to parking earns nothing",
      "It is whether they will make it fairly.",
    },
    {
      "we use cookies", "Support the Ledger", "Lifestyle", "Tue 23 Jan 2024", "Share on X",
      "Reuse this content", "small favour", "Comments (412)", "Utrecht", "Most viewed",
      "All rights reserved",
    },
    {
      B (TITLE, 0, "Our city centres should be car-free by 2030. Here’s how to do it fairly"),
      B (PARAGRAPH, 0, "Banning cars from the middle of our cities is popular, cheap and overdue, "
                       "but only if people on low incomes are not the ones left paying for it"),
      B (HEADING, 2, "The case for acting now"),
      B (LIST_ITEM, 1, "Most trips into our city centres are already made on foot, by bike or by "
                       "bus."),
      B (LIST_ITEM, 1, "Road casualties in the centre fall sharply once through-traffic is "
                       "removed."),
      B (HEADING, 2, "The objections are real"),
      B (LIST_ITEM, 1, "Blue badge holders must keep access to every street, with no exceptions."),
      B (LIST_ITEM, 1, "Night buses have to run before the ban, not after it."),
      B (PARAGRAPH, 0, "Daniel Okafor is a transport planner and the author of Streets for People"),
    },
  },
  {
    "cp1252.html",
    "Café owner’s crème brûlée tart takes top prize at county show",
    "Margaret O’Shea", "Lakeside Gazette", "2003-06-21", NULL,
    {
      "Thornbury café owner Élodie Marchand has won the supreme baking award at the county show "
      "— the first time in its 112-year history",
      "“a little bit French and a little bit Lakeside”",
      "It sells for £2.40 a slice",
      "“In Annecy you could buy this tart for €3 in any pâtisserie,”",
      "“naïvely simple, which is the hardest thing to achieve”",
    },
    {
      "Classified", "Weather", "By Margaret", "Saturday, 21 June 2003", "Contact us",
      "Ã", "\xEF\xBF\xBD",
    },
    {
      B (TITLE, 0, "Café owner’s crème brûlée tart takes top prize at county show"),
      B (PARAGRAPH, 0, "Have you a story for the Gazette? Telephone our newsdesk on 01632 960 "
                       "412."),
    },
  },
  {
    "jsonld-only.html",
    "Wild bees are disappearing from city parks faster than from farmland, survey finds",
    "Ana Ruiz, Ben Carter", "Beeline Science Desk", "2024-08-30",
    "https://beeline.example/science/2024/08/30/urban-wild-bees-decline",
    {
      "the largest survey of urban pollinators yet carried out in Europe",
      "“Parks are managed to look tidy, and tidy is terrible for bees,”",
      "The survey will continue until at least 2028.",
    },
    {
      "Newsletters", "Share", "Related stories", "Hoverflies", "Independent science journalism",
      "buildId", "urban pollinator\" question",
    },
    {
      B (TITLE, 0, "Wild bees are disappearing from city parks faster than from farmland, "
                   "survey finds"),
      B (HEADING, 2, "Mowing and paving"),
      B (HEADING, 2, "Some good news"),
      B (PARAGRAPH, 0, "The full results are published in the Journal of Urban Pollination. The "
                       "survey will continue until at least 2028."),
    },
  },
  {
    "amp.html",
    "Carnegie library on Elm Street reopens after £2.1m restoration",
    "Fiona McAllister", "Riverside Daily", "2024-03-16",
    "https://www.riversidedaily.example/news/local/carnegie-library-reopens-elm-street-2024",
    {
      "reopened its doors on Saturday, three years after it closed",
      "“People told us libraries were finished.",
      "a sponsored silence by pupils at Elm Street primary school",
    },
    {
      "Family notices", "uses cookies", "By Fiona", "16 March 2024", "Advertisement",
      "View full site", "trackPageview", "amp-start",
    },
    {
      B (TITLE, 0, "Carnegie library on Elm Street reopens after £2.1m restoration"),
      B (PARAGRAPH, 0, "The Carnegie library on Elm Street reopened its doors on Saturday, three "
                       "years after it closed for a £2.1 million restoration that has brought the "
                       "Edwardian building back to something close to its original design."),
      B (HEADING, 2, "Funding"),
    },
  },
  {
    "press-release.html",
    "Solvane Energy to build 40 MW battery storage site at Hexley",
    NULL, "Solvane Newsroom", "2024-03-12",
    "https://newsroom.solvane.example/releases/2024/hexley-battery-storage",
    {
      "HEXLEY, 12 March 2024 – Solvane Energy today announced",
      "enough to supply around 60,000 homes for two hours",
      "press@solvane.example",
    },
    {
      "uses cookies", "Media kit", "Download PDF", "Latest releases", "new chief financial",
      "Registered office", "Press release\n",
    },
    {
      B (TITLE, 0, "Solvane Energy to build 40 MW battery storage site at Hexley"),
      B (PARAGRAPH, 0, "Project will store enough electricity to power 60,000 homes for two "
                       "hours and create 35 construction jobs"),
      B (PARAGRAPH, 0, "FOR IMMEDIATE RELEASE"),
      B (PARAGRAPH, 0, "Project highlights:"),
      B (LIST_ITEM, 1, "40 MW / 80 MWh lithium iron phosphate battery system"),
      B (LIST_ITEM, 1, "A community benefit fund of £40,000 a year for the parish of Hexley"),
      B (QUOTE, 0, "“Storage is what turns cheap renewable power into reliable power. Hexley "
                   "will soak up surplus wind energy at night and give it back to the grid when "
                   "families are cooking their tea.”"),
      B (QUOTE, 0, "— Caroline Dunmore, chief executive, Solvane Energy"),
      B (HEADING, 3, "About Solvane Energy"),
      B (HEADING, 3, "Media contact"),
      B (PARAGRAPH, 0, "Rhiannon Pugh, Head of Communications press@solvane.example +44 161 496 "
                       "0732"),
    },
  },
};

/* ------------------------------------------------------------------------ */

static DossierParsedDocument *
import_bytes (const void  *data,
              gsize        len,
              GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);

  return dossier_import_bytes (bytes, DOSSIER_FORMAT_HTML, "page.html", error);
}

static DossierParsedDocument *
import_string (const char  *html,
               GError     **error)
{
  return import_bytes (html, strlen (html), error);
}

static DossierParsedDocument *
import_ok (const char *html)
{
  g_autoptr(GError) error = NULL;
  DossierParsedDocument *doc = import_string (html, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static char *
block_text (DossierParsedDocument *doc,
            guint                  i)
{
  DossierBlock *b = &g_array_index (doc->blocks, DossierBlock, i);

  return dossier_text_slice (doc->text, b->start, b->end);
}

/* What every import must give: valid normalized text, blocks in order,
 * inside the text, not overlapping, trimmed, exactly one title. */
static void
check_invariants (DossierParsedDocument *doc)
{
  gint64 length, previous_end = 0;
  guint titles = 0;

  g_assert_nonnull (doc->text);
  g_assert_true (g_utf8_validate (doc->text, -1, NULL));
  length = dossier_text_length (doc->text);
  g_assert_nonnull (doc->blocks);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      DossierBlock *b = &g_array_index (doc->blocks, DossierBlock, i);
      g_autofree char *text = block_text (doc, i);

      g_assert_cmpint (b->start, >=, previous_end);
      g_assert_cmpint (b->end, >, b->start);
      g_assert_cmpint (b->end, <=, length);
      /* (a preformatted block keeps its first line's indentation, a table's
       * row the tabs of empty first and last cells) */
      if (b->kind != DOSSIER_BLOCK_PREFORMATTED && text[0] != '\t')
        g_assert_false (g_unichar_isspace (g_utf8_get_char (text)));
      if (text[strlen (text) - 1] != '\t')
        g_assert_false (g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (text + strlen (text)))));
      if (b->kind == DOSSIER_BLOCK_TITLE)
        titles++;
      if (b->kind == DOSSIER_BLOCK_HEADING)
        g_assert_cmpint (b->level, >=, 1);
      if (b->kind == DOSSIER_BLOCK_LIST_ITEM)
        g_assert_cmpint (b->level, >=, 1);
      previous_end = b->end;
    }
  g_assert_cmpuint (titles, <=, 1);
}

static gboolean
has_block (DossierParsedDocument *doc,
           DossierBlockKind       kind,
           const char            *text)
{
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      DossierBlock *b = &g_array_index (doc->blocks, DossierBlock, i);
      g_autofree char *t = block_text (doc, i);

      if (b->kind == kind && strcmp (t, text) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
dump_blocks (DossierParsedDocument *doc)
{
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      DossierBlock *b = &g_array_index (doc->blocks, DossierBlock, i);
      g_autofree char *t = block_text (doc, i);

      g_test_message ("  %u [%s %d] %s", i, dossier_block_kind_to_string (b->kind), b->level, t);
    }
}

static void
test_page (gconstpointer data)
{
  const PageCase *c = data;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = NULL;
  gsize len;
  guint next = 0;

  path = g_test_build_filename (G_TEST_DIST, "fixtures", "html", c->file, NULL);
  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);

  doc = import_bytes (contents, len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  check_invariants (doc);
  /* A page saved whole does not look cut off. */
  g_assert_cmpuint (doc->notes->len, ==, 0);

  g_assert_cmpstr (doc->format, ==, "html");
  g_assert_cmpstr (doc->title, ==, c->title);
  g_assert_cmpstr (doc->author, ==, c->author);
  g_assert_cmpstr (doc->outlet, ==, c->outlet);
  g_assert_cmpstr (doc->published, ==, c->published);
  g_assert_cmpstr (doc->source, ==, c->source);

  for (guint i = 0; i < MAX_STRINGS && c->present[i] != NULL; i++)
    if (strstr (doc->text, c->present[i]) == NULL)
      g_error ("%s: missing “%s”", c->file, c->present[i]);
  for (guint i = 0; i < MAX_STRINGS && c->absent[i] != NULL; i++)
    if (strstr (doc->text, c->absent[i]) != NULL)
      g_error ("%s: clutter “%s” was kept", c->file, c->absent[i]);

  /* The title comes first. */
  g_assert_cmpuint (doc->blocks->len, >, 0);
  g_assert_cmpint (g_array_index (doc->blocks, DossierBlock, 0).kind, ==, DOSSIER_BLOCK_TITLE);

  for (guint e = 0; e < MAX_BLOCKS && c->blocks[e].text != NULL; e++)
    {
      const ExpectedBlock *want = &c->blocks[e];
      gboolean found = FALSE;

      for (; next < doc->blocks->len && !found; next++)
        {
          DossierBlock *b = &g_array_index (doc->blocks, DossierBlock, next);
          g_autofree char *text = block_text (doc, next);

          found = b->kind == want->kind && b->level == want->level &&
                  strcmp (text, want->text) == 0;
        }
      if (!found)
        {
          dump_blocks (doc);
          g_error ("%s: no %s block (level %d) “%s” in order", c->file,
                   dossier_block_kind_to_string (want->kind), want->level, want->text);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Hostile input                                                            */

static void
test_entities (void)
{
  /* Entities declared in an internal subset, one pointing at a local
   * file, one at the network, one a "billion laughs" seed: nothing is
   * expanded, nothing fetched, and the subset does not leak as text. */
  const char *html =
    "<!DOCTYPE html [\n"
    "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
    "  <!ENTITY remote SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
    "  <!ENTITY lol \"lol\">\n"
    "  <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    "  <!ENTITY % pe SYSTEM \"file:///etc/hostname\"> %pe;\n"
    "]>\n"
    "<html><head><title>Entities</title></head><body>"
    "<p>Before &xxe; after &lol2; and &remote; end.</p>"
    "<p>Standard ones still work: caf&eacute; &amp; &copy; &#8220;quoted&#x201D; x&nbsp;y.</p>"
    "</body></html>";
  g_autoptr(DossierParsedDocument) doc = import_ok (html);
  g_autofree char *passwd = NULL;

  check_invariants (doc);
  g_assert_cmpstr (doc->title, ==, "Entities");
  g_assert_null (strstr (doc->text, "root:"));
  g_assert_null (strstr (doc->text, "lollol"));
  g_assert_null (strstr (doc->text, "ENTITY"));
  g_assert_null (strstr (doc->text, "]>"));
  if (g_file_get_contents ("/etc/passwd", &passwd, NULL, NULL) && strlen (passwd) > 16)
    {
      passwd[16] = '\0';
      g_assert_null (strstr (doc->text, passwd));
    }
  g_assert_nonnull (strstr (doc->text, "Before"));
  g_assert_nonnull (strstr (doc->text, "end."));
  g_assert_nonnull (strstr (doc->text, "café & © “quoted” x y."));
}

static guint loader_calls;

static xmlParserInputPtr
refusing_loader (const char       *url,
                 const char       *id,
                 xmlParserCtxtPtr  ctxt)
{
  loader_calls++;
  return NULL;
}

static void
test_nothing_loaded (void)
{
  /* libxml2 goes through the external entity loader for every DTD, entity
   * or document it would read: it must never be asked. */
  const char *hostile[] = {
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
    "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><html><body><p>One.</p></body></html>",
    "<!DOCTYPE html SYSTEM \"file:///etc/passwd\"><html><body><p>Two.</p></body></html>",
    "<!DOCTYPE html [<!ENTITY e SYSTEM \"http://127.0.0.1:9/e\">]><html><body><p>Three &e;."
    "</p></body></html>",
    "<?xml version=\"1.0\"?><?xml-stylesheet href=\"http://127.0.0.1:9/s.xsl\"?><html "
    "xmlns:xi=\"http://www.w3.org/2001/XInclude\"><body><xi:include href=\"file:///etc/passwd\"/>"
    "<p>Four.</p><img src=\"file:///etc/passwd\"><iframe src=\"http://127.0.0.1:9/\"></iframe>"
    "</body></html>",
  };
  xmlExternalEntityLoader previous = xmlGetExternalEntityLoader ();

  xmlSetExternalEntityLoader (refusing_loader);

  /* The hook does see loads: an XML parse told to load its DTD calls it. */
  {
    const char *xml = "<!DOCTYPE a SYSTEM \"file:///nonexistent.dtd\"><a/>";
    xmlDocPtr xdoc = xmlReadMemory (xml, strlen (xml), NULL, NULL,
                                    XML_PARSE_DTDLOAD | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

    g_assert_cmpuint (loader_calls, >, 0);
    if (xdoc != NULL)
      xmlFreeDoc (xdoc);
  }

  loader_calls = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(DossierParsedDocument) doc = import_ok (hostile[i]);

      check_invariants (doc);
      g_assert_null (strstr (doc->text, "root:"));
    }
  xmlSetExternalEntityLoader (previous);
  g_assert_cmpuint (loader_calls, ==, 0);
}

static GString *
nested (const char *open,
        const char *inner,
        const char *close,
        guint       depth)
{
  GString *s = g_string_new ("<html><head><title>Deep</title></head><body>");

  for (guint i = 0; i < depth; i++)
    g_string_append (s, open);
  g_string_append (s, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append (s, close);
  g_string_append (s, "</body></html>");
  return s;
}

static void
test_deep_nesting (void)
{
  /* libxml2 stops at 256 levels unless told otherwise, losing everything
   * after; the importer lifts that limit and walks without recursion. */
  g_autoptr(GString) divs = nested ("<div>", "<p>The deepest paragraph holds this sentence.</p>",
                                    "</div>", 10000);
  g_autoptr(GString) spans = nested ("<span><b>", "Inline text ten thousand levels down.",
                                     "</b></span>", 10000);
  g_autoptr(GString) lists = nested ("<ul><li>", "A list item at the bottom.", "</li></ul>", 3000);
  g_autoptr(GString) unclosed = g_string_new ("<html><body>");
  g_autoptr(DossierParsedDocument) d1 = NULL;
  g_autoptr(DossierParsedDocument) d2 = NULL;
  g_autoptr(DossierParsedDocument) d3 = NULL;
  g_autoptr(DossierParsedDocument) d4 = NULL;
  DossierBlock *last;

  d1 = import_ok (divs->str);
  check_invariants (d1);
  g_assert_true (has_block (d1, DOSSIER_BLOCK_PARAGRAPH,
                            "The deepest paragraph holds this sentence."));

  d2 = import_ok (spans->str);
  check_invariants (d2);
  g_assert_true (has_block (d2, DOSSIER_BLOCK_PARAGRAPH, "Inline text ten thousand levels down."));

  d3 = import_ok (lists->str);
  check_invariants (d3);
  last = &g_array_index (d3->blocks, DossierBlock, d3->blocks->len - 1);
  g_assert_cmpint (last->kind, ==, DOSSIER_BLOCK_LIST_ITEM);
  g_assert_cmpint (last->level, ==, 3000);

  /* 20,000 unclosed <div>s, each with a little text: linear, all there. */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (unclosed, "<div>w%u ", i);
  d4 = import_ok (unclosed->str);
  check_invariants (d4);
  g_assert_true (has_block (d4, DOSSIER_BLOCK_PARAGRAPH, "w0"));
  g_assert_true (has_block (d4, DOSSIER_BLOCK_PARAGRAPH, "w19999"));
}

static void
test_only_scripts (void)
{
  const char *html =
    "<!DOCTYPE html><html><head><title>App</title><script>var a = '<p>not text</p>';</script>"
    "<style>p { color: red }</style></head><body><div id=\"app\"></div>"
    "<script src=\"/app.js\"></script><noscript>You need to enable JavaScript.</noscript>"
    "<template><p>Template text</p></template><svg><text>Vector text</text></svg>"
    "</body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = import_string (html, &error);

  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY);
  g_assert_null (doc);
}

static void
test_binary_garbage (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 data[8192];

  for (gsize i = 0; i < sizeof data; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);
  doc = import_bytes (data, sizeof data, &error);
  g_assert_null (doc);
  g_assert_true (g_error_matches (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NOT_TEXT) ||
                 g_error_matches (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING));
  g_clear_error (&error);

  /* A PNG saved as .html. */
  {
    static const guint8 png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06";

    doc = import_bytes (png, sizeof png, &error);
    g_assert_null (doc);
    g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NOT_TEXT);
  }
}

static void
test_unterminated_mess (void)
{
  const char *html =
    "<html><body><div><p>Unclosed <b>bold <i>italic <a href=\"x\">link<table><tr><td>cell one"
    "<td>cell two<p>more text here <ul><li>item one<li>item two <h2>heading <blockquote>quote"
    " <pre>pre\n  text <!-- unterminated comment <p>hidden?";
  g_autoptr(DossierParsedDocument) doc = import_ok (html);
  const char *mess[] = {
    "<<<>>><<</div></p></td><tr>>", "<p <p <p", "<a href=\"", "&#xFFFFFFFF; &#0; &bogus",
    "</html></html><html><body><p>Second body", "<![CDATA[ x", "<?php echo 1 ?>",
  };

  check_invariants (doc);
  g_assert_nonnull (strstr (doc->text, "Unclosed bold italic link"));
  g_assert_nonnull (strstr (doc->text, "cell one"));
  g_assert_nonnull (strstr (doc->text, "item one"));

  for (gsize i = 0; i < G_N_ELEMENTS (mess); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierParsedDocument) d = import_string (mess[i], &error);

      /* Either some text or a clear "empty", never a crash. */
      if (d != NULL)
        check_invariants (d);
      else
        g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY);
    }
}

static void
test_nul_bytes (void)
{
  static const char html[] = "<html><body><p>Null\0 bytes\0 are dropped.</p></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc = import_bytes (html, sizeof html - 1, &error);

  g_assert_no_error (error);
  check_invariants (doc);
  g_assert_nonnull (strstr (doc->text, "Null bytes are dropped."));
}

/* ------------------------------------------------------------------------ */
/* Encodings                                                                */

static void
test_invalid_utf8 (void)
{
  const char *bad[] = {
    /* no charset: must be UTF-8, and is not */
    "<html><body><p>Caf\xe9 cr\xe8me, \x93quoted\x94.</p></body></html>",
    /* declared UTF-8, and is not */
    "<html><head><meta charset=\"utf-8\"></head><body><p>Caf\xe9 cr\xe8me.</p></body></html>",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierParsedDocument) doc = import_string (bad[i], &error);

      g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING);
      g_assert_null (doc);
    }
}

static void
test_legacy_charsets (void)
{
  struct { const char *html; const char *expected; } cases[] = {
    /* http-equiv; ISO-8859-1 is read as windows-1252, as browsers do */
    { "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
      "</head><body><p>Caf\xe9 \x93quoted\x94 \x80""5.</p></body></html>",
      "Café “quoted” €5." },
    { "<html><head><meta charset='windows-1251'></head><body><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>"
      "</body></html>",
      "Привет" },
    /* <meta charset> after 1,024 bytes of head */
    { NULL, "Zoë and Chloë" },
    /* declared windows-1252 but really UTF-8: trusted as UTF-8, no mojibake */
    { "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xc3\xa9 cr\xc3\xa8me"
      "</p></body></html>",
      "Café crème" },
    /* XML declaration */
    { "<?xml version=\"1.0\" encoding=\"iso-8859-15\"?><html><body><p>Prix: 10 \xa4</p></body>"
      "</html>",
      "Prix: 10 €" },
  };
  g_autoptr(GString) late = g_string_new ("<html><head><style>");

  for (guint i = 0; i < 120; i++)
    g_string_append (late, "p.x { margin: 0 }\n");
  g_string_append (late, "</style><meta charset=\"latin1\"></head><body><p>Zo\xeb and Chlo\xeb"
                   "</p></body></html>");
  cases[2].html = late->str;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DossierParsedDocument) doc = import_ok (cases[i].html);

      check_invariants (doc);
      g_assert_true (has_block (doc, DOSSIER_BLOCK_PARAGRAPH, cases[i].expected));
    }
}

static void
test_unknown_charset (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierParsedDocument) doc =
    import_string ("<html><head><meta charset=\"x-made-up-9\"></head><body><p>Caf\xe9</p>"
                   "</body></html>", &error);

  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING);
  g_assert_null (doc);
}

static void
test_utf16_bom (void)
{
  const char *html = "<html><head><title>Wide</title></head><body><p>Grüße aus Köln</p></body>"
                     "</html>";
  g_autofree char *utf16 = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(DossierParsedDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  gsize written;

  utf16 = g_convert (html, -1, "UTF-16LE", "UTF-8", NULL, &written, &error);
  g_assert_no_error (error);
  g_byte_array_append (data, (const guint8 *) "\xff\xfe", 2);
  g_byte_array_append (data, (const guint8 *) utf16, written);

  doc = import_bytes (data->data, data->len, &error);
  g_assert_no_error (error);
  check_invariants (doc);
  g_assert_cmpstr (doc->title, ==, "Wide");
  g_assert_true (has_block (doc, DOSSIER_BLOCK_PARAGRAPH, "Grüße aus Köln"));
}

/* ------------------------------------------------------------------------ */
/* Structure and metadata on small pages                                    */

/* The document's blocks' texts are @want (NULL: any text). */
static void
assert_block_texts (DossierParsedDocument *doc,
                    const char *const     *want,
                    gsize                  n_want)
{
  check_invariants (doc);
  if (doc->blocks->len != n_want)
    dump_blocks (doc);
  g_assert_cmpuint (doc->blocks->len, ==, n_want);
  for (gsize i = 0; i < n_want; i++)
    {
      g_autofree char *text = block_text (doc, i);

      if (want[i] != NULL)
        g_assert_cmpstr (text, ==, want[i]);
    }
}

/* A data table reads row by row, each row one paragraph with its cells
 * set apart by tabs, as a browser copies it; a layout table's cells, which
 * hold a page's paragraphs or lists, stay blocks of their own. */
static void
test_table_rows (void)
{
  const char *html =
    "<html><body><article><h1>Costs of the path</h1>"
    "<p>The council's estimate, published with the plan, breaks the cost of the path down "
    "as follows, item by item, before any contingency is added.</p>"
    "<table><caption>Estimated costs</caption>"
    "<thead><tr><th> Item </th><th>Cost</th><th>Note</th></tr></thead>"
    "<tbody><tr><td>Bridge <b>repairs</b></td><td>\n  £3.1m </td><td></td></tr>"
    "<tr><td><p>Tunnel</p><p>lighting</p></td><td></td><td>bat licence</td></tr>"
    "<tr><td>Only cell</td></tr></tbody></table>"
    "<table><tr><td><p>A layout table holds the page's column: this paragraph is long enough "
    "to be a paragraph of the article, and it stays one on its own.</p>"
    "<p>So does this second paragraph, which follows it in the same cell of the layout.</p></td>"
    "<td><ul><li>a list in the next cell</li></ul></td></tr></table>"
    "</article></body></html>";
  g_autoptr(DossierParsedDocument) doc = import_ok (html);
  const char *want[] = {
    "Costs of the path",
    NULL,
    "Estimated costs",
    "Item\tCost\tNote",
    "Bridge repairs\t£3.1m\t",
    "Tunnel lighting\t\tbat licence",
    "Only cell",
    "A layout table holds the page's column: this paragraph is long enough to be a paragraph "
    "of the article, and it stays one on its own.",
    "So does this second paragraph, which follows it in the same cell of the layout.",
    "a list in the next cell",
  };

  assert_block_texts (doc, want, G_N_ELEMENTS (want));
}

/* An empty cell keeps its tab, before a row's first text (a header's
 * empty corner, a row that starts blank) or after its last ("North ward ⇥
 * 14 ⇥ 3 ⇥"), or that row's columns shift left by one under the header's
 * or end short of them; a row of empty cells goes. */
static void
test_table_empty_first_cells (void)
{
  const char *html =
    "<html><body><article><h1>The ferry vote</h1>"
    "<p>The wards voted on the ferry motion on Tuesday evening, and the clerk read out the "
    "count ward by ward before the chair closed the meeting.</p>"
    "<table><caption>Votes cast</caption>"
    "<tr><th></th><th>For</th><th>Against</th><th>Abstained</th></tr>\n"
    "<tr><td>North ward</td><td>14</td><td>3</td><td></td></tr>\n"
    "<tr>\n  <td> </td>\n  <td></td>\n  <td>2</td>\n  <td>1</td>\n</tr>\n"
    "<tr><td>  </td><td></td><td></td><td></td></tr>"
    "</table></article></body></html>";
  g_autoptr(DossierParsedDocument) doc = import_ok (html);
  const char *want[] = {
    "The ferry vote",
    NULL,
    "Votes cast",
    "\tFor\tAgainst\tAbstained",
    "North ward\t14\t3\t",
    "\t\t2\t1",
  };

  assert_block_texts (doc, want, G_N_ELEMENTS (want));
}

static void
test_structure (void)
{
  const char *html =
    "<html><head><title>Structure</title></head><body><article>"
    "<h1>Structure test</h1>"
    "<p>First line<br>same paragraph<br><br>second paragraph after two breaks, which is how "
    "some pages without any p elements separate their paragraphs.</p>"
    "<h3>Lists</h3>"
    "<ol><li>one<ul><li>one a</li><li>one b<ol><li>deepest</li></ol></li></ul></li>"
    "<li><p>two, in a paragraph</p><p>and a second one</p></li></ol>"
    "<table><tr><th>Year</th><td>2024</td></tr><tr><td>Cell with <b>bold</b></td></tr></table>"
    "<pre>  indented\n    code</pre>"
    "<dl><dt>Term</dt><dd>Its definition</dd></dl>"
    "<div>Loose text in a div, which is a paragraph of its own once it is long enough.</div>"
    "<p>Text with <a href='#'>a link</a>, <em>emphasis</em> and <span>spans</span>.</p>"
    "<p>See <span><a href='#'>the report</a></span> and <span>Advertisement</span> here.</p>"
    "<h2><span class='mw-headline'>History</span><span class='mw-editsection'>[<a href='#'>"
    "edit</a>]</span></h2>"
    "<h1>A second h1 is a heading</h1>"
    "<div role='heading' aria-level='4'>An ARIA heading</div>"
    "<p>Hidden parts: <span hidden>HIDDEN1</span><span aria-hidden='true'>HIDDEN2</span>"
    "<span style='display: none'>HIDDEN3</span>gone.</p>"
    "</article></body></html>";
  g_autoptr(DossierParsedDocument) doc = import_ok (html);
  struct { DossierBlockKind kind; int level; const char *text; } want[] = {
    { DOSSIER_BLOCK_TITLE, 0, "Structure test" },
    { DOSSIER_BLOCK_PARAGRAPH, 0, "First line same paragraph" },
    { DOSSIER_BLOCK_PARAGRAPH, 0, "second paragraph after two breaks, which is how some pages "
                                  "without any p elements separate their paragraphs." },
    { DOSSIER_BLOCK_HEADING, 3, "Lists" },
    { DOSSIER_BLOCK_LIST_ITEM, 1, "1. one" },
    { DOSSIER_BLOCK_LIST_ITEM, 2, "one a" },
    { DOSSIER_BLOCK_LIST_ITEM, 2, "one b" },
    { DOSSIER_BLOCK_LIST_ITEM, 3, "1. deepest" },
    { DOSSIER_BLOCK_LIST_ITEM, 1, "2. two, in a paragraph and a second one" },
    { DOSSIER_BLOCK_PARAGRAPH, 0, "Year\t2024" },
    { DOSSIER_BLOCK_PARAGRAPH, 0, "Cell with bold" },
    { DOSSIER_BLOCK_PREFORMATTED, 0, "  indented\n    code" },
    { DOSSIER_BLOCK_PARAGRAPH, 0, "Term" },
    { DOSSIER_BLOCK_PARAGRAPH, 0, "Its definition" },
    { DOSSIER_BLOCK_PARAGRAPH, 0, "Loose text in a div, which is a paragraph of its own once "
                                  "it is long enough." },
    { DOSSIER_BLOCK_PARAGRAPH, 0, "Text with a link, emphasis and spans." },
    { DOSSIER_BLOCK_PARAGRAPH, 0, "See the report and Advertisement here." },
    { DOSSIER_BLOCK_HEADING, 2, "History" },
    { DOSSIER_BLOCK_HEADING, 1, "A second h1 is a heading" },
    { DOSSIER_BLOCK_HEADING, 4, "An ARIA heading" },
    { DOSSIER_BLOCK_PARAGRAPH, 0, "Hidden parts: gone." },
  };

  check_invariants (doc);
  if (doc->blocks->len != G_N_ELEMENTS (want))
    dump_blocks (doc);
  g_assert_cmpuint (doc->blocks->len, ==, G_N_ELEMENTS (want));
  for (gsize i = 0; i < G_N_ELEMENTS (want); i++)
    {
      DossierBlock *b = &g_array_index (doc->blocks, DossierBlock, i);
      g_autofree char *text = block_text (doc, i);

      g_assert_cmpstr (text, ==, want[i].text);
      g_assert_cmpint (b->kind, ==, want[i].kind);
      g_assert_cmpint (b->level, ==, want[i].level);
    }
}

static void
test_no_article_markup (void)
{
  /* No <article>, <main> or known class: the densest block of paragraphs
   * wins over a link-heavy sidebar and a footer. */
  GString *html = g_string_new ("<html><head><title>Plain page</title></head><body>"
                                "<div id='top'><a href='/'>Home</a> <a href='/a'>About</a></div>"
                                "<div id='left'>");
  g_autoptr(DossierParsedDocument) doc = NULL;

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (html, "<a href='/p%u'>Another page number %u</a><br>", i, i);
  g_string_append (html, "</div><div id='x1'><div id='x2'>");
  for (guint i = 0; i < 6; i++)
    g_string_append_printf (html, "<p>Paragraph %u of the story, long enough to count, with a "
                            "comma, and another comma, and words that carry it past a hundred "
                            "characters.</p>", i);
  g_string_append (html, "</div></div><div id='bottom'>Copyright lines at the bottom</div>"
                   "</body></html>");

  doc = import_ok (html->str);
  g_string_free (html, TRUE);
  check_invariants (doc);
  g_assert_nonnull (strstr (doc->text, "Paragraph 0 of the story"));
  g_assert_nonnull (strstr (doc->text, "Paragraph 5 of the story"));
  g_assert_null (strstr (doc->text, "Another page number"));
  g_assert_null (strstr (doc->text, "Copyright lines"));
  g_assert_true (has_block (doc, DOSSIER_BLOCK_TITLE, "Plain page"));
}

static void
test_title_suffix (void)
{
  struct { const char *head; const char *title; } cases[] = {
    { "<title>Budget row deepens | The Courier</title>"
      "<meta property='og:site_name' content='The Courier'>", "Budget row deepens" },
    { "<title>Budget row deepens - Courier</title>"
      "<meta property='og:site_name' content='The Courier'>", "Budget row deepens" },
    { "<title>The Courier — Budget row deepens</title>"
      "<meta property='og:site_name' content='The Courier'>", "Budget row deepens" },
    /* the suffix is not the outlet: kept */
    { "<title>Budget row deepens | Politics</title>"
      "<meta property='og:site_name' content='The Courier'>", "Budget row deepens | Politics" },
    /* no outlet known: nothing to judge by, kept */
    { "<title>Budget row deepens | The Courier</title>", "Budget row deepens | The Courier" },
    /* a hyphen inside the headline is not a separator */
    { "<title>Mid-term budget row deepens</title>"
      "<meta name='application-name' content='Courier'>", "Mid-term budget row deepens" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = g_strdup_printf ("<html><head>%s</head><body><p>The council's "
                                               "budget committee met again.</p></body></html>",
                                               cases[i].head);
      g_autoptr(DossierParsedDocument) doc = import_ok (html);

      g_assert_cmpstr (doc->title, ==, cases[i].title);
      g_assert_true (has_block (doc, DOSSIER_BLOCK_TITLE, cases[i].title));
    }
}

static void
test_dates (void)
{
  struct { const char *head; const char *body; const char *published; } cases[] = {
    { "<meta property='article:published_time' content='2024-03-05T23:30:00-05:00'>", "",
      "2024-03-05" },
    { "<meta name='date' content='2024/3/5'>", "", "2024-03-05" },
    { "<meta name='pubdate' content='20240305'>", "", "2024-03-05" },
    { "<meta name='DC.date' content='5.3.2024'>", "", "2024-03-05" },
    { "<meta name='date' content='March 5, 2024'>", "", "2024-03-05" },
    { "<meta name='date' content='Tuesday, 5th March 2024, 10:00'>", "", "2024-03-05" },
    { "<meta name='date' content='5 de marzo de 2024'>", "", "2024-03-05" },
    /* ambiguous or impossible: no date rather than a wrong one */
    { "<meta name='date' content='3/5/2024'>", "", NULL },
    { "<meta name='date' content='2024-02-30'>", "", NULL },
    { "<meta name='date' content='yesterday'>", "", NULL },
    /* the article's <time> comes before meta name=date… */
    { "<meta name='date' content='2024-03-05'>", "<time datetime='1999-12-31'>then</time>",
      "1999-12-31" },
    /* …after JSON-LD, which comes after article:published_time */
    { "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":"
      "\"2021-07-09\"}</script>", "<time datetime='1999-12-31'>then</time>", "2021-07-09" },
    { "<meta property='article:published_time' content='2020-01-02'>"
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":"
      "\"2021-07-09\"}</script>", "", "2020-01-02" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = g_strdup_printf ("<html><head><title>Dated</title>%s</head><body>"
                                               "<article><p>Some text of the article.</p>%s"
                                               "</article></body></html>",
                                               cases[i].head, cases[i].body);
      g_autoptr(DossierParsedDocument) doc = import_ok (html);

      g_assert_cmpstr (doc->published, ==, cases[i].published);
    }
}

static void
test_bylines (void)
{
  struct { const char *html; const char *author; } cases[] = {
    { "<div class='byline'>By Jane Doe</div>", "Jane Doe" },
    { "<p class='article-byline'>BY JANE DOE | Published 3 May</p>", "JANE DOE" },
    { "<span class='author'>Written by <a href='#'>Jane Doe</a>, Senior Reporter</span>",
      "Jane Doe" },
    { "<a rel='author' href='/jd'>Jane Doe</a>", "Jane Doe" },
    { "<span itemprop='author' itemscope><span itemprop='name'>Jane Doe</span>"
      "<span>Staff</span></span>", "Jane Doe" },
    { "<meta name='author' content='Jane Doe'>", "Jane Doe" },
    /* article:author is often a profile URL: not a name */
    { "<meta property='article:author' content='https://facebook.example/jane'>", NULL },
    { "<script type='application/ld+json'>{\"@graph\":[{\"@type\":\"Person\",\"@id\":\"#jd\","
      "\"name\":\"Jane Doe\"},{\"@type\":\"BlogPosting\",\"author\":{\"@id\":\"#jd\"}}]}"
      "</script>", "Jane Doe" },
    /* an address, a job in ordinary case after a name in capitals, the
     * outlet written for, a label in a language with no list, a credit
     * for the photographs: none of them is the name */
    { "<div class='byline'>Jane Doe (jane.doe@example.com)</div>", "Jane Doe" },
    { "<div class='byline'>SARAH LANE Staff Writer</div>", "SARAH LANE" },
    { "<div class='byline'>HOLLY BRACKEN FOR THE DAILY POST</div>", "HOLLY BRACKEN" },
    { "<div class='byline'>Szerz\u0151: Kov\u00E1cs Anna</div>", "Kov\u00E1cs Anna" },
    { "<div class='byline'>Jane Doe Foto: John Roe</div>", "Jane Doe" },
    /* Swedish and Norwegian "Av", Danish "Af" */
    { "<div class='byline'>Av Anna Lindqvist och Erik Sandberg</div>",
      "Anna Lindqvist, Erik Sandberg" },
    { "<div class='byline'>Af Mette Holm</div>", "Mette Holm" },
    /* scholarly citation tags write "Family, Given" */
    { "<meta name='citation_author' content='Moreau, \u00C9lise'>"
      "<meta name='citation_author' content='Brandt, Tobias'>",
      "\u00C9lise Moreau, Tobias Brandt" },
    /* what a CMS writes where it has no name */
    { "<meta name='author' content='admin'>", NULL },
    /* JSON-LD naming one author, the page showing two */
    { "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":"
      "{\"@type\":\"Person\",\"name\":\"Ben Adler\"}}</script>"
      "<div class='byline'>By <a rel='author' href='/ben'>Ben Adler</a> and "
      "<a rel='author' href='/mia'>Mia Kurtz</a></div>", "Ben Adler, Mia Kurtz" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html =
        g_strdup_printf ("<html><head><title>T</title></head><body><article><h1>Headline</h1>"
                         "%s<p>The first paragraph of the article, long enough to be the body "
                         "of the story and not a caption.</p></article></body></html>",
                         cases[i].html);
      g_autoptr(DossierParsedDocument) doc = import_ok (html);

      g_assert_cmpstr (doc->author, ==, cases[i].author);
      g_assert_null (strstr (doc->text, "By "));
      g_assert_null (strstr (doc->text, "Written by"));
    }
}

static void
test_json_ld_robust (void)
{
  const char *blobs[] = {
    "{\"@type\":\"NewsArticle\",\"headline\":\"Trailing comma\",}",
    "{\"@type\":\"NewsArticle\",\"headline\":\"Unterminated",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":"
    "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":"
    "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":1}}}}}}}}}}}}}}}}}}}}}}}}}}}}}",
    "{\"@type\":\"NewsArticle\",\"headline\":\"\\ud83d\\ude00 \\ud800 \\u0000 \\x \\",
    "{\"@type\":[\"Thing\",\"NewsArticle\"],\"headline\":\"Q&amp;A: caf\\u00e9 &#8217;s\","
    "\"author\":[\"Ana\",{\"name\":\"Ben\"},{\"@id\":\"#nobody\"},42,null]}",
    "}}}]]]:::,,,\"\"\"",
    "",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (blobs); i++)
    {
      g_autofree char *html =
        g_strdup_printf ("<html><head><script type='application/ld+json'>%s</script></head>"
                         "<body><p>Body text of the page.</p></body></html>", blobs[i]);
      g_autoptr(DossierParsedDocument) doc = import_ok (html);

      check_invariants (doc);
      if (i == 0)
        g_assert_cmpstr (doc->title, ==, "Trailing comma");
      if (i == 5)
        {
          g_assert_cmpstr (doc->title, ==, "Q&A: café ’s");
          g_assert_cmpstr (doc->author, ==, "Ana, Ben");
        }
    }
}

static void
test_source_url (void)
{
  struct { const char *head; const char *source; } cases[] = {
    { "<link rel='canonical' href='https://a.example/x'>"
      "<meta property='og:url' content='https://b.example/y'>", "https://a.example/x" },
    { "<link rel='canonical' href='/relative'>"
      "<meta property='og:url' content='https://b.example/y'>", "https://b.example/y" },
    { "<link rel='canonical' href='javascript:alert(1)'>", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = g_strdup_printf ("<html><head>%s</head><body><p>Text.</p></body>"
                                               "</html>", cases[i].head);
      g_autoptr(DossierParsedDocument) doc = import_ok (html);

      g_assert_cmpstr (doc->source, ==, cases[i].source);
    }
}


/* Long enough to be a story's paragraph, not a caption or a label. */
#define PARA(words) "<p>" words " The council met on Tuesday evening and heard from " \
                    "residents, officials and the engineers who drew up the plan.</p>"

/* The headline the page's titles agree on, not a section's <h1>, a logo,
 * a generic og:title, or a description in JSON-LD. */
static void
test_title_vote (void)
{
  struct { const char *head; const char *body; const char *title; } cases[] = {
    /* a section's name in the <h1>, the headline in an <h2> and <title> */
    { "<title>What Your Pulse Says About You - Heart Health Center - WellSite</title>",
      "<div class='center'><h1><a href='/heart'>Heart Health Center</a></h1></div>"
      "<div class='article'><h2 class='article-title'>What Your Pulse Says About You</h2>"
      PARA ("Your pulse is easy to measure.") PARA ("It changes with age.") "</div>",
      "What Your Pulse Says About You" },
    /* the site's logo is the only <h1>; "Site | Headline" */
    { "<title>Ashcombe News | Village hall roof repaired after appeal</title>",
      "<div id='top'><h1><a href='/'>Ashcombe News</a></h1></div><div class='node'>"
      "<h2>Village hall roof repaired after appeal</h2>" PARA ("The roof is fixed.") "</div>",
      "Village hall roof repaired after appeal" },
    /* JSON-LD's headline is the description */
    { "<title>Ferry channel to be dredged - Firth Observer</title>"
      "<meta name='description' content='Work will begin in October and take five months.'>"
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":"
      "\"Work will begin in October and take five months.\"}</script>",
      "<h1>Ferry channel to be dredged</h1>" PARA ("The authority agreed."),
      "Ferry channel to be dredged" },
    /* og:title is the site's own name on every page */
    { "<meta property='og:title' content='Daily Digest News'>"
      "<meta property='og:site_name' content='Daily Digest'>"
      "<title>Retirees are moving back to cities</title>",
      "<div class='bar'><h1>Daily Digest News</h1></div><article>"
      "<h1>Retirees are moving back to cities</h1>" PARA ("Landlords are adjusting.")
      "</article>", "Retirees are moving back to cities" },
    /* og:title with a section and site suffix the outlet does not name */
    { "<meta property='og:title' content='Pilots vote to strike | CNB Business'>"
      "<meta property='og:site_name' content='CNB'>",
      "<h1>Pilots vote to strike</h1>" PARA ("The vote was 97% in favour."),
      "Pilots vote to strike" },
    /* an unspaced suffix next to Chinese text */
    { "<title>长江中游多地启动防汛应急响应-新华时讯网</title>",
      "<div class='h-title'>长江中游多地启动防汛应急响应</div>"
      "<p>记者从湖北省防汛抗旱指挥部获悉，受持续强降雨影响，长江中游多条支流水位快速上涨，"
      "湖北、湖南两省已有十二个县市启动防汛四级应急响应。</p>",
      "长江中游多地启动防汛应急响应" },
    /* Parse.ly and Dublin Core, no Open Graph; "Site: Headline" */
    { "<title>Bay Ledger: Auditor finds unpaid tolls</title>"
      "<meta name='parsely-title' content='Auditor finds unpaid tolls'>"
      "<meta name='DC.title' content='Auditor finds unpaid tolls'>",
      "<h1><span class='label'>Breaking</span> Auditor finds unpaid tolls</h1>"
      PARA ("The audit was published on Thursday."), "Auditor finds unpaid tolls" },
    /* a kicker set apart in the heading, which every source prefixes */
    { "<title>Wohnungsmarkt: Die Mieten steigen weiter | DIE WOCHE</title>"
      "<meta property='og:title' content='Wohnungsmarkt: Die Mieten steigen weiter'>",
      "<article><h1><span class='kicker'>Wohnungsmarkt</span><span>: </span>"
      "<span>Die Mieten steigen weiter</span></h1>" PARA ("In vielen St\u00E4dten stehen "
      "Wohnungen leer.") "</article>", "Die Mieten steigen weiter" },
    /* a short first part that does not stand apart: one line split for style */
    { "<title>Mayor says no to the stadium | Bay Ledger</title>",
      "<article><h1><span>Mayor</span> <span>says no to the stadium</span></h1>"
      PARA ("The council will vote anyway.") "</article>", "Mayor says no to the stadium" },
    /* the same shape without a kicker: a headline in two parts stays whole */
    { "<title>Storm closes the coast road | Bay Ledger</title>",
      "<article><h1><span>Storm closes the coast road</span> <span>again</span></h1>"
      PARA ("The road was shut at noon.") "</article>", "Storm closes the coast road again" },
    /* og:title the section's name; microdata's headline and <h1> agree */
    { "<meta property='og:title' content='Blog \u2014 Little Oven'>"
      "<meta name='twitter:title' content='Blog \u2014 Little Oven'>"
      "<meta property='og:site_name' content='Little Oven'>"
      "<meta itemprop='headline' content='Why we stopped baking on Saturdays'>"
      "<title>Why we stopped baking on Saturdays \u2014 Little Oven</title>",
      "<article><h1>Why we stopped baking on Saturdays</h1>"
      PARA ("Saturday was our busiest day.") "</article>", "Why we stopped baking on Saturdays" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = g_strdup_printf ("<html><head>%s</head><body>%s</body></html>",
                                               cases[i].head, cases[i].body);
      g_autoptr(DossierParsedDocument) doc = import_ok (html);

      g_assert_cmpstr (doc->title, ==, cases[i].title);
      check_invariants (doc);
    }
}

/* A name alone in bold or set to the right as the body's last line is its
 * writer's signature, unless something else names the author. */
static void
test_signature_line (void)
{
  struct { const char *head; const char *last; const char *author; gboolean kept; } cases[] = {
    { "", "<p style='text-align:right;'><strong>Minh Anh</strong></p>", "Minh Anh", FALSE },
    { "", "<p><b>Thu Trang</b></p>", "Thu Trang", FALSE },
    /* the metadata names the author: the line is left as it is */
    { "<meta name='author' content='Jane Doe'>", "<p><strong>Minh Anh</strong></p>",
      "Jane Doe", TRUE },
    /* a bold sentence is no signature */
    { "", "<p><strong>The vote is on Friday.</strong></p>", NULL, TRUE },
    /* a name in bold with text after it is no signature */
    { "", "<p><strong>Minh Anh</strong></p><p>The vote is on Friday, officials said.</p>",
      NULL, TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html =
        g_strdup_printf ("<html><head><title>Bridge</title>%s</head><body><article>"
                         "<h1>Bridge</h1>" PARA ("The bridge will close.")
                         PARA ("Buses will be diverted.") PARA ("Work takes a year.")
                         PARA ("Cyclists may still cross.") "%s</article></body></html>",
                         cases[i].head, cases[i].last);
      g_autoptr(DossierParsedDocument) doc = import_ok (html);
      gboolean kept = strstr (doc->text, "Minh Anh") != NULL ||
                      strstr (doc->text, "Thu Trang") != NULL ||
                      strstr (doc->text, "The vote is on Friday.") != NULL;

      g_assert_cmpstr (doc->author, ==, cases[i].author);
      g_assert_cmpint (kept, ==, cases[i].kept);
      check_invariants (doc);
    }
}

/* People, not organisations; every author a page names; bylines written
 * only as a line under the headline, or as a label, or in a dateline. */
static void
test_byline_sources (void)
{
  struct { const char *head; const char *body; const char *author; } cases[] = {
    /* JSON-LD names the broadcaster; the byline block the reporter */
    { "<script type='application/ld+json'>{\"@type\":\"ReportageNewsArticle\",\"author\":"
      "{\"@type\":\"NewsMediaOrganization\",\"name\":\"NBN News\"}}</script>",
      "<div class='TextContributorName'><span>By Calum Drummond</span><div>NBN Scotland "
      "reporter</div></div>", "Calum Drummond" },
    /* the site's own name as author is no byline */
    { "<meta name='author' content='Valley Sports Daily'>"
      "<meta property='og:site_name' content='Valley Sports Daily'>", "", NULL },
    /* two parsely-author tags, two people */
    { "<meta name='parsely-author' content='Marcus Webb'>"
      "<meta name='parsely-author' content='Alicia Duarte'>", "", "Marcus Webb, Alicia Duarte" },
    { "<meta name='author' content='Lauren Metz, RN'>", "", "Lauren Metz" },
    { "<meta name='author' content='KWTV Staff'>", "", NULL },
    { "", "<div class='submitted'>Posted by Douglas Reeve on 14 October 2024</div>",
      "Douglas Reeve" },
    { "", "<p class='meta'>27 February 2024 · By Grace Liddell, Office of Communications</p>",
      "Grace Liddell" },
    { "", "<div class='info'><span>입력 2024.08.20</span> <span>김민지 기자</span></div>", "김민지" },
    { "", "<div class='credit'>Autor: Jan Novák</div>", "Jan Novák" },
    { "", "<span class='writer'>di Giulia Ferri</span>", "Giulia Ferri" },
    /* an agency beside the reporter is not a second author; alone, it is the byline */
    { "", "<div class='byline'>By Jane Doe, Reuters</div>", "Jane Doe" },
    { "", "<div class='byline'>By AFP</div>", "AFP" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html =
        g_strdup_printf ("<html><head><title>Headline</title>%s</head><body><article>"
                         "<h1>Headline</h1>%s" PARA ("The story begins here.")
                         PARA ("It goes on.") "</article></body></html>",
                         cases[i].head, cases[i].body);
      g_autoptr(DossierParsedDocument) doc = import_ok (html);

      g_assert_cmpstr (doc->author, ==, cases[i].author);
      /* the byline line is not article text */
      g_assert_null (strstr (doc->text, "Posted by"));
      g_assert_null (strstr (doc->text, "기자"));
    }

  {
    g_autoptr(DossierParsedDocument) doc =
      import_ok ("<html><head><title>防汛</title></head><body><h1>防汛</h1><p>新华社武汉6月18日电"
                 "（记者王立新、陈佳）记者从湖北省防汛抗旱指挥部获悉，长江中游多条支流水位快速上涨，"
                 "两省已有十二个县市启动防汛四级应急响应。</p></body></html>");

    g_assert_cmpstr (doc->author, ==, "王立新, 陈佳");
  }
}

/* What a reader does not see is not the article: a print copy in a
 * display:none block, next stories waiting in one, a [hidden] survey;
 * and what the page says is furniture goes with its heading. */
static void
test_hidden_and_sections (void)
{
  g_autoptr(DossierParsedDocument) dup = NULL;
  g_autoptr(DossierParsedDocument) next = NULL;
  g_autoptr(DossierParsedDocument) drupal = NULL;
  g_autoptr(DossierParsedDocument) sections = NULL;
  g_autoptr(DossierParsedDocument) hidden_only = NULL;

  dup = import_ok ("<html><body><h1>Co-op buys its building</h1>"
                   PARA ("The bakery co-op raised the money.") PARA ("Shares were sold at £50.")
                   "<div class='print' style='display: none'><h1>Co-op buys its building</h1>"
                   PARA ("The bakery co-op raised the money.") PARA ("Shares were sold at £50.")
                   "</div><div hidden><p>Tell us what you think about the survey and win a prize "
                   "in our summer draw for readers.</p></div></body></html>");
  g_assert_cmpint (test_count_occurrences (dup->text, "The bakery co-op raised the money."), ==, 1);
  g_assert_null (strstr (dup->text, "survey"));

  next = import_ok ("<html><body><main><article><h1>Footbridge opens</h1>"
                    PARA ("The bridge opened on Saturday.") "</article>"
                    "<div class='next' style='display:none'><article><h2>Council tax to rise</h2>"
                    PARA ("Bills will rise by 4.99% from April.") PARA ("The budget was approved.")
                    PARA ("Pensioners can apply for a reduction.") "</article></div>"
                    "</main></body></html>");
  g_assert_nonnull (strstr (next->text, "The bridge opened on Saturday."));
  g_assert_null (strstr (next->text, "Council tax"));
  g_assert_null (strstr (next->text, "4.99%"));

  /* Drupal's "field--label-hidden" hides a label, not the body. */
  drupal = import_ok ("<html><body><h1>Garden wins grant</h1><article class='node'>"
                      "<div class='field field--name-body field--label-hidden'>"
                      PARA ("The garden will harvest rainwater.") PARA ("Work starts in May.")
                      "</div></article><nav><a href='/'>Home</a></nav></body></html>");
  g_assert_nonnull (strstr (drupal->text, "The garden will harvest rainwater."));
  g_assert_null (strstr (drupal->text, "Home"));

  /* Only hidden text: the last resort reads it rather than fail. */
  hidden_only = import_ok ("<html><body><div style='display:none'>"
                           PARA ("Everything here is hidden.") "</div></body></html>");
  g_assert_nonnull (strstr (hidden_only->text, "Everything here is hidden."));

  sections = import_ok ("<html><body><article><h1>Video shop closes</h1>"
                        PARA ("After thirty-one years the shop will close.")
                        "<section><h2>Related</h2><p>Cinema to show classic films all summer, "
                        "with tickets at five pounds for every screening in July.</p></section>"
                        "<div class='responses'><h2>12 Responses</h2><p>I have rented films "
                        "there since I was a teenager, and I will miss the owner's advice.</p>"
                        "</div><h2>References</h2><ol><li>Town archive, box 14, letters.</li></ol>"
                        "</article></body></html>");
  g_assert_nonnull (strstr (sections->text, "After thirty-one years"));
  g_assert_null (strstr (sections->text, "Cinema"));
  g_assert_null (strstr (sections->text, "teenager"));
  g_assert_null (strstr (sections->text, "Town archive"));
}

/* A page with no article — navigation, a cookie notice and a footer; a
 * paywall or sign-in prompt where the story would be — is refused with a
 * message naming the file; short articles beside the same furniture
 * still come in. */
static void
test_no_article (void)
{
  static const char *const refused[] = {
    /* Navigation, a cookie banner by class, a footer. */
    "<!DOCTYPE html><html><head><title>Valley Courier</title></head><body><header>"
    "<a href='/'>Valley Courier</a><nav><ul><li><a href='/news'>News</a></li>"
    "<li><a href='/sport'>Sport</a></li><li><a href='/opinion'>Opinion</a></li></ul></nav>"
    "</header><div class='cookie-banner'><p>We use cookies to make this site work and to "
    "understand how it is used. You can accept all cookies or choose which to allow.</p>"
    "<button>Accept all</button></div><footer><p>\u00A9 2026 Valley Courier Media / "
    "<a href='/privacy'>Privacy</a> / <a href='/terms'>Terms</a></p></footer></body></html>",
    /* The same without a class or a landmark. */
    "<html><head><title>Lakeside Post</title></head><body><div><a href='/'>Home</a> | "
    "<a href='/local'>Local</a> | <a href='/business'>Business</a></div><div><span>This "
    "website uses cookies to improve your experience. By continuing to browse the site you "
    "agree to our use of cookies.</span> <a href='#'>OK</a></div><div>\u00A9 2026 Lakeside "
    "Post Ltd. All rights reserved. <a href='/privacy'>Privacy Policy</a></div></body></html>",
    /* A paywall box where the story would be. */
    "<!DOCTYPE html><html><head><title>Council weighs new tram line | Metro Herald</title>"
    "</head><body><nav><a href='/'>Metro Herald</a> <a href='/city'>City</a></nav><article>"
    "<h1>Council weighs new tram line</h1><div class='paywall'><h2>Subscribe to keep "
    "reading</h2><p>This story is for subscribers only. Get unlimited access to the Metro "
    "Herald from one euro a week.</p><p><a href='/subscribe'>Subscribe now</a></p>"
    "<p>Already a subscriber? <a href='/login'>Log in</a></p></div></article>"
    "<footer>\u00A9 2026 Metro Herald</footer></body></html>",
    /* A sign-in prompt, no class at all. */
    "<html><head><title>Harbour fees to rise in spring</title></head><body>"
    "<h1>Harbour fees to rise in spring</h1><p>To continue reading this article, please log "
    "in or create a free account.</p><p><a href='/login'>Log in</a> "
    "<a href='/register'>Register</a></p></body></html>",
    /* In Spanish. */
    "<html><head><title>Sube la tarifa del agua</title></head><body><h1>Sube la tarifa del "
    "agua</h1><p>Este contenido es exclusivo para suscriptores. Suscríbete para seguir "
    "leyendo.</p><p>¿Ya eres suscriptor? <a href='/login'>Inicia sesión</a></p></body></html>",
  };
  static const char *const imported[] = {
    /* Two short paragraphs between the same furniture. */
    "<!DOCTYPE html><html><head><title>Library reopens after repairs</title></head><body>"
    "<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><article>"
    "<h1>Library reopens after repairs</h1><p>The town library reopened on Monday after "
    "three months of repairs to its roof.</p><p>Readers queued before the doors opened.</p>"
    "</article><footer>\u00A9 2026 Valley Courier / <a href='/privacy'>Privacy</a></footer>"
    "</body></html>",
    /* Three, without any markup around them. */
    "<html><head><title>Bridge closed for inspection</title></head><body><h1>Bridge closed "
    "for inspection</h1><p>The old river bridge will be closed to cars from Tuesday.</p>"
    "<p>Buses will take the ring road.</p><p>The council expects to reopen it by the end of "
    "the month.</p></body></html>",
    /* One, under a consent notice. */
    "<html><head><title>Bakery wins regional prize</title></head><body><div class='consent'>"
    "<p>We use cookies to personalise content. Accept?</p></div><h1>Bakery wins regional "
    "prize</h1><p>A family bakery in the old town has won the regional prize for its rye "
    "bread.</p></body></html>",
    /* A teaser above the paywall is the article as far as it goes. */
    "<html><head><title>Tram line approved</title></head><body><article><h1>Tram line "
    "approved</h1><p>The council approved the new tram line on Thursday night.</p>"
    "<div class='paywall'><p>Subscribe to keep reading.</p></div></article></body></html>",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierParsedDocument) doc = import_string (refused[i], &error);

      if (doc != NULL)
        dump_blocks (doc);
      g_assert_null (doc);
      g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY);
      g_assert_true (g_str_has_prefix (error->message,
                                       "No article text was found in “page.html”"));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (imported); i++)
    {
      g_autoptr(DossierParsedDocument) doc = import_ok (imported[i]);

      check_invariants (doc);
      g_assert_null (strstr (doc->text, "cookies"));
      g_assert_null (strstr (doc->text, "\u00A9"));
    }
}

/* A news brief of a paragraph or two, as short as a cookie banner, is an
 * article, whatever its subject (cookies, subscriptions, logging in); a
 * notice of the same length, saying what notices say to the reader, is
 * refused. Each brief was refused as a notice. */
static void
test_brief_or_notice (void)
{
  static const char *const briefs[] = {
    "A biscuit factory that has made cookies in Leeds since 1921 will close in June with the "
    "loss of 80 jobs, its owners said on Tuesday.",
    "Subscribers to the town's bike-share scheme will pay \u00A340 more a year from April, and "
    "the cheapest subscription goes, the council said.",
    "Thousands of residents could not log in to the council's website for two days after an "
    "attack on its servers, officials said on Friday. Paper forms were handed out at the "
    "town hall meanwhile.",
    "El ayuntamiento y los vecinos han suscrito un acuerdo para reabrir el mercado en marzo, "
    "seg\u00FAn inform\u00F3 el alcalde.",
  };
  static const char *const notices[] = {
    "We use cookies to make this site work and to measure how it is used, and we share some "
    "of that with our partners.",
    "Thank you for reading. To keep reading this story and every other, subscribe from one "
    "pound a week.",
    "This website uses cookies so that you get the best experience on our site.",
    "Para seguir leyendo, suscr\u00EDbete desde un euro al mes.",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (briefs); i++)
    {
      g_autofree char *html = g_strdup_printf (
        "<html><head><title>In brief</title></head><body><article><h1>In brief</h1><p>%s</p>"
        "</article></body></html>", briefs[i]);
      g_autoptr(DossierParsedDocument) doc = import_ok (html);

      g_assert_cmpint (g_utf8_strlen (briefs[i], -1), <=, 400);
      check_invariants (doc);
      g_assert_true (has_block (doc, DOSSIER_BLOCK_PARAGRAPH, briefs[i]));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (notices); i++)
    {
      g_autofree char *html = g_strdup_printf (
        "<html><head><title>In brief</title></head><body><article><h1>In brief</h1><p>%s</p>"
        "</article></body></html>", notices[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierParsedDocument) doc = import_string (html, &error);

      if (doc != NULL)
        dump_blocks (doc);
      g_assert_null (doc);
      g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY);
    }
}

/* Pictures in the usual shapes of a CMS — figure and figcaption, a
 * caption box and a credit line, credits written "Photo: …",
 * "Photograph: …", "Foto: …", "Autor: …" — keep their captions and
 * credits in the text, and the photographer never becomes the author;
 * the reporter named as photographer keeps the caption too. */
static void
test_figure_credits (void)
{
  static const struct {
    const char *html;
    const char *caption;   /* a line the text must hold */
    const char *author;    /* NULL: nobody */
  } cases[] = {
    { "<html><head><title>Nets ban lifted</title></head><body><article><h1>Nets ban lifted</h1>"
      "<figure><img src='n.jpg'><figcaption>Fishermen mend nets on the east pier. Photo: Maria "
      "Holt/Reuters</figcaption></figure>" PARA ("The port lifted its ban on drift nets on Tuesday.")
      PARA ("Boats may set nets from next month.") "</article></body></html>",
      "Fishermen mend nets on the east pier. Photo: Maria Holt/Reuters", NULL },
    { "<html><head><title>New ferry arrives</title></head><body><div class='story'><h1>New ferry "
      "arrives</h1><p class='byline'>By Tom Reed</p><div class='image'><img src='f.jpg'>"
      "<div class='caption'>The new ferry enters the harbour.</div><p class='credit'>Photograph: "
      "Ana Lopez/Coast Agency</p></div>" PARA ("The island's new ferry arrived on Saturday.")
      PARA ("It carries twice as many cars.") "</div></body></html>",
      "The new ferry enters the harbour.", "Tom Reed" },
    /* The reporter took the photo. */
    { "<html><head><title>Nets ban lifted</title><meta name='author' content='Maria Holt'></head>"
      "<body><article><h1>Nets ban lifted</h1><div class='media'><img src='n.jpg'><div "
      "class='caption'>Fishermen mend their nets at dawn. Photo: Maria Holt</div></div>"
      PARA ("The port lifted its ban on drift nets on Tuesday.") PARA ("Boats may set nets.")
      "</article></body></html>",
      "Fishermen mend their nets at dawn. Photo: Maria Holt", "Maria Holt" },
    { "<html lang='es'><head><title>Reabre el mercado</title></head><body><article><h1>Reabre el "
      "mercado</h1><figure><img src='m.jpg'><figcaption>Puestos el día de la reapertura. Foto: "
      "Juan Pérez</figcaption></figure>" PARA ("El mercado central reabrió este lunes.")
      PARA ("Los comerciantes recuperan sus puestos.") "</article></body></html>",
      "Puestos el día de la reapertura. Foto: Juan Pérez", NULL },
    /* "Autor:" under a photo, in the figure or in its caption. */
    { "<html lang='cs'><head><title>Most otevřen</title></head><body><article><h1>Most "
      "otevřen</h1><figure><img src='b.jpg'><figcaption>Nový most v den otevření.</figcaption>"
      "<p class='credit'>Autor: Jan Novák</p></figure>" PARA ("Nový most byl v sobotu otevřen.")
      PARA ("Spojuje staré město s přístavem.") "</article></body></html>",
      "Autor: Jan Novák", NULL },
    { "<html><head><title>Mill restored</title></head><body><article><h1>Mill restored</h1>"
      PARA ("The old water mill has been restored by volunteers.") PARA ("It grinds flour again.")
      PARA ("Visitors can tour it on Sundays.") "<figure><img src='w.jpg'><figcaption><p>The "
      "wheel turns again.</p><p>Autor: Eva Kral</p></figcaption></figure>"
      PARA ("The volunteers now plan to restore the cottage.") "</article></body></html>",
      "Autor: Eva Kral", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DossierParsedDocument) doc = import_ok (cases[i].html);

      check_invariants (doc);
      if (strstr (doc->text, cases[i].caption) == NULL)
        dump_blocks (doc);
      g_assert_nonnull (strstr (doc->text, cases[i].caption));
      g_assert_cmpstr (doc->author, ==, cases[i].author);
    }
}

/* A caption and its credit in adjacent elements, with no space between
 * them in the markup, are two phrases: "The quay at dawn. Photo: Ana
 * Ruiz", not "dawn.Photo:". A word set in a span of its own inside a
 * sentence keeps its spaces as they were. */
static void
test_caption_spans (void)
{
  static const struct {
    const char *figure;
    const char *caption;
  } cases[] = {
    { "<figure><img src='q.jpg'><figcaption><span>The quay at dawn.</span><span>Photo: Ana "
      "Ruiz</span></figcaption></figure>", "The quay at dawn. Photo: Ana Ruiz" },
    { "<div class='image'><img src='q.jpg'><div class='caption'><span class='text'>Boats "
      "waiting for the tide.</span><span class='credit'>Photograph: Tom Reed/Coast "
      "Agency</span></div></div>", "Boats waiting for the tide. Photograph: Tom Reed/Coast Agency" },
    { "<figure><img src='q.jpg'><figcaption><span>The new crane</span><!-- credit --><cite>Bo "
      "Lind</cite></figcaption></figure>", "The new crane Bo Lind" },
    { "<figure><img src='q.jpg'><figcaption>The <b>old</b> quay, <span>seen</span> from the "
      "<i>east</i>.</figcaption></figure>", "The old quay, seen from the east." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = g_strdup_printf (
        "<html><head><title>Quay reopens</title></head><body><article><h1>Quay reopens</h1>%s"
        PARA ("The quay reopened to boats on Friday after a year of repairs.")
        PARA ("Fishers said the new steps were a great improvement.")
        "</article></body></html>", cases[i].figure);
      g_autoptr(DossierParsedDocument) doc = import_ok (html);

      check_invariants (doc);
      if (!has_block (doc, DOSSIER_BLOCK_PARAGRAPH, cases[i].caption))
        dump_blocks (doc);
      g_assert_true (has_block (doc, DOSSIER_BLOCK_PARAGRAPH, cases[i].caption));
    }
}

/* An ordered list's items keep their numbers, as the text and Markdown
 * importers keep "1.": start=, type="a"/"i", reversed and an item's value=
 * honoured, each number one the reader knows (so draws no bullet beside);
 * a bulleted list inside an item, and the item's text after it, get none.
 * Every item came in as a bullet. */
static void
test_ordered_lists (void)
{
  const char *html =
    "<html><head><title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>"
    "<p>The harbour board set out its plan for the quay on Monday, in five steps that the "
    "council must approve one by one over the next two years.</p>"
    "<ol><li>Survey the quay wall.</li><li>Dredge the <em>inner</em> basin.<ul><li>Spoil to "
    "the tip</li></ul>Then test the silt.</li><li><p>Rebuild the steps.</p></li></ol>"
    "<p>Two more steps follow once the money is found.</p>"
    "<ol start='4'><li>Widen the slipway.</li><li>Open the fish market.</li></ol>"
    "<p>The board named its conditions:</p>"
    "<ol type='a'><li>no work in the spawning season;</li><li>a survey first.</li></ol>"
    "<ol type='i' start='3'><li>Third clause.</li><li>Fourth clause.</li></ol>"
    "<p>Its countdown to the opening:</p>"
    "<ol reversed><li>Paint.</li><li>Lights.</li><li>Ribbon.</li></ol>"
    "<ol><li>First.</li><li value='10'>Tenth.</li><li>Eleventh.</li></ol>"
    "<ul><li>A bullet, not a number.</li></ul>"
    "<p>The council will vote on the first step in March.</p>"
    "</article></body></html>";
  g_autoptr(DossierParsedDocument) doc = import_ok (html);
  const char *items[] = {
    "1. Survey the quay wall.", "2. Dredge the inner basin.", "Spoil to the tip",
    "Then test the silt.", "3. Rebuild the steps.", "4. Widen the slipway.",
    "5. Open the fish market.", "a) no work in the spawning season;", "b) a survey first.",
    "iii) Third clause.", "iv) Fourth clause.", "3. Paint.", "2. Lights.", "1. Ribbon.",
    "1. First.", "10. Tenth.", "11. Eleventh.", "A bullet, not a number.",
  };
  guint n = 0;

  check_invariants (doc);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      DossierBlock *b = &g_array_index (doc->blocks, DossierBlock, i);
      g_autofree char *text = block_text (doc, i);
      gboolean numbered;

      if (b->kind != DOSSIER_BLOCK_LIST_ITEM)
        continue;
      if (n >= G_N_ELEMENTS (items))
        dump_blocks (doc);
      g_assert_cmpuint (n, <, G_N_ELEMENTS (items));
      g_assert_cmpstr (text, ==, items[n]);
      /* The nested bullet, the rest of item 2 and the bullet list show
       * no number; every other item one the reader reads as such. */
      numbered = n != 2 && n != 3 && n != G_N_ELEMENTS (items) - 1;
      g_assert_cmpint (dossier_text_item_number_length (text, strlen (text)) > 0, ==, numbered);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (items));
  g_assert_true (has_block (doc, DOSSIER_BLOCK_PARAGRAPH,
                            "The council will vote on the first step in March."));
}

/* A body split into chunks of the same kind between ads, a newsletter
 * box and a photo is read whole, in order, with the photo's caption. */
static void
test_split_body (void)
{
  g_autoptr(DossierParsedDocument) doc = NULL;
  const char *chunks[] = {
    "The wheel at the mill turns six times a minute, slow enough to count, and has done so "
    "for longer than anyone in the village can remember.",
    "It has turned on this spot since at least 1790, grinding flour for the farms of the "
    "valley, and for most of that time it was one of a dozen mills along the river. Today it "
    "is the last that works, and its future depends on a repair to the channel that feeds it, "
    "which the volunteers who run it cannot pay for on their own.",
    "The race that feeds it has leaked for years, and last winter part of its wall collapsed "
    "into the water.",
    "A heritage fund has offered most of the money for the repair, on the condition that the "
    "trust finds the rest itself.",
    "The trust must raise the rest by December, or the offer lapses and the wheel may stop "
    "for good.",
  };
  GString *html = g_string_new ("<html><head><title>Saving the last watermill</title></head>"
                                "<body><div class='site'><h1>Saving the last watermill</h1>"
                                "<div class='wrap'>");
  const char *text;

  for (gsize i = 0; i < G_N_ELEMENTS (chunks); i++)
    {
      g_string_append_printf (html, "<div class='story-text'><p>%s</p></div>", chunks[i]);
      if (i == 1)
        g_string_append (html, "<div class='ad-wrapper'><div class='ad-label'>Advertisement"
                               "</div></div>");
      if (i == 2)
        g_string_append (html, "<div class='photo'><img src='m.jpg'><p class='caption'>The "
                               "wheel in June.</p></div>");
    }
  g_string_append (html, "</div></div><div class='footer'>© Dales Chronicle</div></body></html>");
  doc = import_ok (html->str);
  g_string_free (html, TRUE);

  text = doc->text;
  for (gsize i = 0; i < G_N_ELEMENTS (chunks); i++)
    {
      const char *at = strstr (text, chunks[i]);

      g_assert_nonnull (at);
      text = at;
    }
  g_assert_nonnull (strstr (doc->text, "The wheel in June."));
  g_assert_null (strstr (doc->text, "Advertisement"));
  g_assert_null (strstr (doc->text, "Dales Chronicle"));
  check_invariants (doc);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strndup (pages[i].file, strcspn (pages[i].file, "."));
      g_autofree char *path = g_strdup_printf ("/dossier/import-html/page/%s", name);

      g_test_add_data_func (path, &pages[i], test_page);
    }

  g_test_add_func ("/dossier/import-html/entities", test_entities);
  g_test_add_func ("/dossier/import-html/nothing-loaded", test_nothing_loaded);
  g_test_add_func ("/dossier/import-html/deep-nesting", test_deep_nesting);
  g_test_add_func ("/dossier/import-html/only-scripts", test_only_scripts);
  g_test_add_func ("/dossier/import-html/binary-garbage", test_binary_garbage);
  g_test_add_func ("/dossier/import-html/unterminated-mess", test_unterminated_mess);
  g_test_add_func ("/dossier/import-html/nul-bytes", test_nul_bytes);
  g_test_add_func ("/dossier/import-html/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/dossier/import-html/legacy-charsets", test_legacy_charsets);
  g_test_add_func ("/dossier/import-html/unknown-charset", test_unknown_charset);
  g_test_add_func ("/dossier/import-html/utf16-bom", test_utf16_bom);
  g_test_add_func ("/dossier/import-html/structure", test_structure);
  g_test_add_func ("/dossier/import-html/table-rows", test_table_rows);
  g_test_add_func ("/dossier/import-html/table-empty-first-cells", test_table_empty_first_cells);
  g_test_add_func ("/dossier/import-html/no-article-markup", test_no_article_markup);
  g_test_add_func ("/dossier/import-html/title-suffix", test_title_suffix);
  g_test_add_func ("/dossier/import-html/dates", test_dates);
  g_test_add_func ("/dossier/import-html/bylines", test_bylines);
  g_test_add_func ("/dossier/import-html/json-ld-robust", test_json_ld_robust);
  g_test_add_func ("/dossier/import-html/source-url", test_source_url);
  g_test_add_func ("/dossier/import-html/title-vote", test_title_vote);
  g_test_add_func ("/dossier/import-html/byline-sources", test_byline_sources);
  g_test_add_func ("/dossier/import-html/signature-line", test_signature_line);
  g_test_add_func ("/dossier/import-html/hidden-and-sections", test_hidden_and_sections);
  g_test_add_func ("/dossier/import-html/split-body", test_split_body);
  g_test_add_func ("/dossier/import-html/no-article", test_no_article);
  g_test_add_func ("/dossier/import-html/brief-or-notice", test_brief_or_notice);
  g_test_add_func ("/dossier/import-html/figure-credits", test_figure_credits);
  g_test_add_func ("/dossier/import-html/ordered-lists", test_ordered_lists);
  g_test_add_func ("/dossier/import-html/caption-spans", test_caption_spans);

  return g_test_run ();
}
