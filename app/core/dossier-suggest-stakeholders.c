/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-suggest-stakeholders.c — the actors an article names, proposed
 * as stakeholders.
 *
 * No model of language: what a careful reader would underline on a first
 * pass. Runs of capitalised words ("Andrés Manuel López Obrador", "United
 * States"), acronyms ("U.S.", "PRI"), a capitalised run before a word for
 * a body of people ("Trump administration", "Mexican government"), and
 * the bodies of people an article keeps coming back to without capitals
 * ("the cartels"). Titles ("President", "la ministra", "the harbour
 * master, Tomas Rudd,", "Sen. Hal Briggs", "Jane Doe MP", "councillors
 * Ada Pell and Rafe Dunn") mark officials; a board's chair or member is
 * one on a public body's board, a person on a company's. A name is
 * proposed when the text names it twice, or once when it quotes it ("Rudd said", "said Dara
 * Penhallow,", "Rudd, the harbour master, warned", "according to Rudd")
 * or says what it is ("Tomas Varga, who runs a dairy herd,", "Sarah
 * Lindqvist, a hydrologist at Dunmore University", "Mayor Inès Varga",
 * "the campaign group Clean Air Calder"); a lone capital letter, or a run that only labels ("Option B", "Plan B",
 * "Phase 2"), never is. A quote followed by "the councillor said" or
 * "dijo" is the person named last; "he said", and "He said …" or "She
 * opposes …" opening a sentence, the one person a pronoun can mean (a
 * title says "she" or "he": "Ms Lund"), in the last sentence that named
 * anyone or the paragraph, or no one; "They oppose …" the group that
 * opened the sentence before; "said Ana Ruiz of the
 * Residents’ Association" is hers, the association another actor.
 * Someone named with no office (a resident who speaks, "Dr", "Chief
 * Executive", "president of the … Association") is a person; one followed
 * by ", which" ("Stagecoach Ashby, which runs the number 14, said") is no
 * one, and an organisation when it speaks. A street
 * ("Quay Street", "la calle Mayor") or another place ("Harbour Bridge",
 * "Port Calder", a name only ever "at" or "in") is no actor unless it
 * speaks ("in Port Kessel" never does); "the council" is the council named, or
 * that of the one town the article is about ("Port Calder's council", "the city
 * council" of "PORT CALDER, …": "Port Calder council"), or none. The word before a name
 * ("the campaign group …", "the consultancy …"), an "&" in it, or a
 * campaign's first word ("Save the …") says what it is.
 * Variants of one actor are grouped: a surname under the full name,
 * "President López Obrador" under "Andrés Manuel López Obrador", an
 * acronym under the words it abbreviates, "Mexico's President" when
 * the text puts it beside the name, "the trust" under the one trust
 * the article names ("Northvale Hospitals Trust"), "the Association"
 * under the one association the text, or else its title, names, and "St
 * Aldhelm's" under "St Aldhelm's Hospital". Headings and lead-in labels
 * are read for nothing else (they capitalise every word); sentence openings only count for a
 * word that is also capitalised elsewhere. A lone common noun ("council",
 * "groups") is no alias: it would be every council's. Mentions are then
 * counted by the name and the aliases proposed, with the same finder the
 * project uses, so the numbers agree before and after Add ("in the town of
 * X", where something is, is no use of the town's council for either:
 * dossier-mentions.h).
 */

#include "config.h"

#include <string.h>

#include <dossier/dossier-mentions.h>
#include <dossier/dossier-suggest.h>
#include <dossier/dossier-text.h>

#include "dossier-text-private.h"

/* ---- Word lists (folded) ------------------------------------------------- */

static const char * const stop_words[] = {
  /* English */
  "the", "this", "these", "that", "those", "a", "an", "in", "on", "at", "by", "for",
  "from", "with", "as", "if", "when", "while", "but", "and", "or", "so", "yet", "to",
  "of", "after", "before", "since", "during", "under", "over", "about", "against",
  "between", "through", "without", "within", "although", "though", "because", "however",
  "furthermore", "moreover", "meanwhile", "instead", "ultimately", "firstly", "secondly",
  "lastly", "finally", "also", "then", "there", "here", "it", "its", "they", "their",
  "we", "our", "he", "his", "she", "her", "i", "you", "your", "my", "not", "no", "yes",
  "all", "any", "some", "many", "most", "much", "more", "such", "each", "every", "both",
  "other", "another", "what", "which", "who", "whom", "whose", "where", "why", "how",
  "mr", "mrs", "ms", "dr", "conversely", "indeed", "still", "even", "only", "just",
  "according", "despite", "amid", "amidst", "toward", "towards", "into", "onto", "per",
  "via", "unlike", "like", "once", "now", "today", "yesterday", "tomorrow", "later",
  /* Spanish */
  "el", "la", "los", "las", "un", "una", "unos", "unas", "en", "por", "para", "con",
  "sin", "de", "del", "al", "y", "o", "pero", "segun", "sobre", "entre", "desde",
  "hasta", "durante", "tras", "ante", "bajo", "contra", "este", "esta", "estos",
  "estas", "ese", "esa", "esos", "esas", "aquel", "su", "sus", "que", "como", "cuando",
  "donde", "si", "no", "ya", "tambien", "ademas", "sin embargo", "asi", "mientras",
  "aunque", "porque", "hoy", "ayer",
};

/* Never stakeholders by themselves. */
static const char * const common_names[] = {
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
  "friday", "saturday", "sunday", "enero", "febrero", "marzo", "abril", "mayo", "junio",
  "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre", "lunes", "martes",
  "miercoles", "jueves", "viernes", "sabado", "domingo", "god", "internet", "ok", "tv",
  "am", "pm", "ad", "bc", "faq", "pdf", "covid", "covid-19",
};

/* Inside a name, between capitalised words: "Bank of England",
 * "Secretaría de la Defensa Nacional". Not "and": "Mexico and the United
 * States" are two. */
static const char * const connectors[] = {
  "of", "the", "for", "de", "del", "la", "las", "los", "van", "von", "der", "den",
  "da", "di", "do", "dos", "du", "le", "bin", "ibn", "al", "y", "&",
};

typedef enum
{
  TITLE_NONE,
  TITLE_OFFICIAL,   /* President, la ministra, Senator */
  TITLE_HONORIFIC,  /* Mr, Dr, don */
  TITLE_ROLE,       /* "Council leader", "Union chair": a person, but
                     * "leader Nadia Ferrow" is no name to look for */
  TITLE_BOARD,      /* "board chair", "board member": an official on a
                     * public body's board, a role on a company's (see
                     * board_kind ()) */
} TitleKind;

static const struct
{
  const char *words;
  TitleKind   kind;
} titles[] = {
  { "vice president", TITLE_OFFICIAL }, { "president", TITLE_OFFICIAL },
  { "prime minister", TITLE_OFFICIAL }, { "deputy prime minister", TITLE_OFFICIAL },
  { "foreign minister", TITLE_OFFICIAL }, { "finance minister", TITLE_OFFICIAL },
  { "defence minister", TITLE_OFFICIAL }, { "defense minister", TITLE_OFFICIAL },
  { "interior minister", TITLE_OFFICIAL }, { "transport minister", TITLE_OFFICIAL },
  { "minister", TITLE_OFFICIAL }, { "secretary of state", TITLE_OFFICIAL },
  { "secretary of defense", TITLE_OFFICIAL }, { "secretary", TITLE_OFFICIAL },
  { "attorney general", TITLE_OFFICIAL }, { "senator", TITLE_OFFICIAL },
  { "sen", TITLE_OFFICIAL }, { "rep", TITLE_OFFICIAL }, { "representative", TITLE_OFFICIAL },
  { "congressman", TITLE_OFFICIAL }, { "congresswoman", TITLE_OFFICIAL },
  { "governor", TITLE_OFFICIAL }, { "gov", TITLE_OFFICIAL }, { "mayor", TITLE_OFFICIAL },
  { "deputy mayor", TITLE_OFFICIAL }, { "chancellor", TITLE_OFFICIAL },
  { "premier", TITLE_OFFICIAL }, { "king", TITLE_OFFICIAL }, { "queen", TITLE_OFFICIAL },
  { "prince", TITLE_OFFICIAL }, { "princess", TITLE_OFFICIAL }, { "pope", TITLE_OFFICIAL },
  { "general", TITLE_OFFICIAL }, { "gen", TITLE_OFFICIAL }, { "admiral", TITLE_OFFICIAL },
  { "colonel", TITLE_OFFICIAL }, { "ambassador", TITLE_OFFICIAL }, { "judge", TITLE_OFFICIAL },
  { "justice", TITLE_OFFICIAL }, { "chief justice", TITLE_OFFICIAL },
  { "commissioner", TITLE_OFFICIAL }, { "councillor", TITLE_OFFICIAL },
  { "councilor", TITLE_OFFICIAL }, { "sheriff", TITLE_OFFICIAL }, { "speaker", TITLE_OFFICIAL },
  { "spokesman", TITLE_OFFICIAL }, { "spokeswoman", TITLE_OFFICIAL },
  { "spokesperson", TITLE_OFFICIAL },
  { "bishop", TITLE_OFFICIAL }, { "archbishop", TITLE_OFFICIAL }, { "cardinal", TITLE_OFFICIAL },
  { "presidente", TITLE_OFFICIAL }, { "presidenta", TITLE_OFFICIAL },
  { "ministro", TITLE_OFFICIAL }, { "ministra", TITLE_OFFICIAL },
  { "secretario", TITLE_OFFICIAL }, { "secretaria", TITLE_OFFICIAL },
  { "senador", TITLE_OFFICIAL }, { "senadora", TITLE_OFFICIAL },
  { "diputado", TITLE_OFFICIAL }, { "diputada", TITLE_OFFICIAL },
  { "gobernador", TITLE_OFFICIAL }, { "gobernadora", TITLE_OFFICIAL },
  { "alcalde", TITLE_OFFICIAL }, { "alcaldesa", TITLE_OFFICIAL },
  { "canciller", TITLE_OFFICIAL }, { "rey", TITLE_OFFICIAL }, { "reina", TITLE_OFFICIAL },
  { "embajador", TITLE_OFFICIAL }, { "embajadora", TITLE_OFFICIAL },
  { "juez", TITLE_OFFICIAL }, { "jueza", TITLE_OFFICIAL }, { "fiscal", TITLE_OFFICIAL },
  { "portavoz", TITLE_OFFICIAL }, { "vocero", TITLE_OFFICIAL }, { "vocera", TITLE_OFFICIAL },
  { "harbour master", TITLE_OFFICIAL }, { "harbor master", TITLE_OFFICIAL },
  { "harbourmaster", TITLE_OFFICIAL }, { "harbormaster", TITLE_OFFICIAL },
  { "port director", TITLE_OFFICIAL }, { "press officer", TITLE_OFFICIAL },
  { "chief fire officer", TITLE_OFFICIAL }, { "fire officer", TITLE_OFFICIAL },
  { "fire chief", TITLE_OFFICIAL }, { "police chief", TITLE_OFFICIAL },
  { "chief of police", TITLE_OFFICIAL }, { "chief constable", TITLE_OFFICIAL },
  { "chief inspector", TITLE_OFFICIAL }, { "superintendent", TITLE_OFFICIAL },
  { "chief medical officer", TITLE_OFFICIAL },
  { "concejal", TITLE_OFFICIAL }, { "concejala", TITLE_OFFICIAL },
  { "consejero", TITLE_OFFICIAL }, { "consejera", TITLE_OFFICIAL },
  { "capitan de puerto", TITLE_OFFICIAL },
  { "cllr", TITLE_OFFICIAL }, { "alderman", TITLE_OFFICIAL }, { "alderwoman", TITLE_OFFICIAL },
  { "mp", TITLE_OFFICIAL }, { "mep", TITLE_OFFICIAL }, { "msp", TITLE_OFFICIAL },
  { "state senator", TITLE_OFFICIAL }, { "state sen", TITLE_OFFICIAL },
  { "state representative", TITLE_OFFICIAL }, { "state rep", TITLE_OFFICIAL },
  { "assemblyman", TITLE_OFFICIAL }, { "assemblywoman", TITLE_OFFICIAL },
  { "assembly member", TITLE_OFFICIAL },
  { "edil", TITLE_OFFICIAL }, { "regidor", TITLE_OFFICIAL }, { "regidora", TITLE_OFFICIAL },
  { "eurodiputado", TITLE_OFFICIAL }, { "eurodiputada", TITLE_OFFICIAL },
  { "council chair", TITLE_OFFICIAL }, { "council chairman", TITLE_OFFICIAL },
  { "council chairwoman", TITLE_OFFICIAL }, { "council leader", TITLE_OFFICIAL },
  { "council member", TITLE_OFFICIAL }, { "council president", TITLE_OFFICIAL },
  { "board chair", TITLE_BOARD }, { "board chairman", TITLE_BOARD },
  { "board chairwoman", TITLE_BOARD }, { "board member", TITLE_BOARD },
  { "mr", TITLE_HONORIFIC }, { "mrs", TITLE_HONORIFIC }, { "ms", TITLE_HONORIFIC },
  { "dr", TITLE_HONORIFIC }, { "sir", TITLE_HONORIFIC }, { "lord", TITLE_HONORIFIC },
  { "lady", TITLE_HONORIFIC }, { "professor", TITLE_HONORIFIC }, { "prof", TITLE_HONORIFIC },
  { "don", TITLE_HONORIFIC }, { "dona", TITLE_HONORIFIC }, { "sr", TITLE_HONORIFIC },
  { "sra", TITLE_HONORIFIC },
  { "leader", TITLE_ROLE }, { "chair", TITLE_ROLE }, { "chairperson", TITLE_ROLE },
  { "founder", TITLE_ROLE }, { "lider", TITLE_ROLE },
  { "jefe", TITLE_ROLE }, { "jefa", TITLE_ROLE }, { "fundador", TITLE_ROLE },
  { "fundadora", TITLE_ROLE },
  /* Roles at a business or a body, never an office: "Chief Executive
   * Oren Vyse", "Vyse, chief executive of Vyse Aggregates". */
  { "chief executive", TITLE_ROLE }, { "chief executive officer", TITLE_ROLE },
  { "ceo", TITLE_ROLE }, { "chairman", TITLE_ROLE }, { "chairwoman", TITLE_ROLE },
  { "director", TITLE_ROLE }, { "directora", TITLE_ROLE }, { "managing director", TITLE_ROLE },
  { "executive director", TITLE_ROLE }, { "consejero delegado", TITLE_ROLE },
  { "consejera delegada", TITLE_ROLE }, { "director ejecutivo", TITLE_ROLE },
  { "directora ejecutiva", TITLE_ROLE }, { "presidente ejecutivo", TITLE_ROLE },
  { "presidenta ejecutiva", TITLE_ROLE },
  /* People by what they do. */
  { "headteacher", TITLE_ROLE }, { "head teacher", TITLE_ROLE }, { "headmaster", TITLE_ROLE },
  { "headmistress", TITLE_ROLE }, { "principal", TITLE_ROLE }, { "teacher", TITLE_ROLE },
  { "campaigner", TITLE_ROLE }, { "activist", TITLE_ROLE }, { "economist", TITLE_ROLE },
  { "analyst", TITLE_ROLE }, { "researcher", TITLE_ROLE }, { "scientist", TITLE_ROLE },
  { "lawyer", TITLE_ROLE }, { "activista", TITLE_ROLE }, { "economista", TITLE_ROLE },
  { "investigador", TITLE_ROLE }, { "investigadora", TITLE_ROLE }, { "abogado", TITLE_ROLE },
  { "abogada", TITLE_ROLE }, { "vecino", TITLE_ROLE }, { "vecina", TITLE_ROLE },
};

/* After a name, these say it is a person's: "Ferrow said". */
static const char * const reporting_verbs[] = {
  "said", "says", "told", "tells", "insisted", "insists", "warned", "warns", "added",
  "argued", "argues", "claimed", "claims", "stated", "wrote", "writes", "replied",
  "explained", "admitted", "acknowledged", "conceded", "dijo", "afirmo", "declaro",
  "aseguro", "senalo", "explico", "advirtio", "anadio", "sostuvo",
  /* Taking a side says as much: "the association, for its part,
   * supports the plan". */
  "supports", "opposes", "backs", "welcomed", "welcomes", "objected", "objects", "rejected",
  "rejects", "apoya", "respalda", "rechaza", "defiende", "critica",
};

/* Before a name, these say a statement is the name's: "said Penhallow",
 * "según Ruiz". "according to" is two words (see quoted_before ()). */
static const char * const attributing_words[] = {
  "said", "says", "told", "warned", "added", "argued", "wrote", "replied", "explained",
  "segun", "dijo", "afirmo", "declaro", "aseguro", "senalo", "explico", "advirtio", "anadio",
};

/* After a name and a comma, "a smaller campaign," says a group, not a
 * person: "Wild Eskin, a smaller campaign, says…". */
static const char * const group_words[] = {
  "campaign", "group", "charity", "coalition", "movement", "network", "alliance",
  "organisation", "organization", "association", "society", "nonprofit", "ngo",
  "campana", "grupo", "colectivo", "plataforma", "organizacion", "asociacion", "movimiento",
};

/* Before a title: "the harbour master", "la ministra". */
static const char * const articles[] = { "the", "el", "la" };

/* Words that label a thing by a letter or a number after them: "Option
 * B", "Plan B", "Phase 2", "la opción A". Such a run names no actor. */
static const char * const label_words[] = {
  "option", "options", "plan", "phase", "stage", "step", "scenario", "alternative", "variant",
  "model", "type", "route", "section", "article", "chapter", "part", "figure", "table", "annex",
  "appendix", "item", "point", "round", "level", "tier", "zone", "class", "group", "category",
  "version", "draft", "line", "opcion", "opciones", "fase", "etapa", "paso", "escenario",
  "alternativa", "modelo", "tipo", "ruta", "seccion", "articulo", "capitulo", "parte",
  "figura", "tabla", "anexo", "punto", "ronda", "nivel", "zona", "grupo", "categoria",
  "version", "borrador", "linea",
};

/* Words for a body of people, and the kind of actor each makes. After a
 * capitalised run they name it ("Trump administration"); on their own,
 * when an article keeps returning to them, they are an actor ("the
 * cartels"), or the one of them it names ("the trust" for "Northvale
 * Hospitals Trust"). Singular and plural both, English and Spanish. */
typedef struct
{
  const char             *word;
  const char             *plural;
  DossierStakeholderKind  kind;
  gboolean                named_only;  /* never an actor alone: "the trust"
                                        * is the one the text names, or none */
} Body;

static const Body bodies[] = {
  { "government", "governments", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "administration", "administrations", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "ministry", "ministries", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "department", "departments", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "agency", "agencies", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "authority", "authorities", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "official", "officials", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "council", "councils", DOSSIER_STAKEHOLDER_GOVERNMENT, TRUE },
  { "military", "militaries", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "army", "armies", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "navy", "navies", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "police", "police", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "regulator", "regulators", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "congress", "congresses", DOSSIER_STAKEHOLDER_LEGISLATURE },
  { "parliament", "parliaments", DOSSIER_STAKEHOLDER_LEGISLATURE },
  { "senate", "senates", DOSSIER_STAKEHOLDER_LEGISLATURE },
  { "lawmaker", "lawmakers", DOSSIER_STAKEHOLDER_LEGISLATURE },
  { "legislator", "legislators", DOSSIER_STAKEHOLDER_LEGISLATURE },
  { "party", "parties", DOSSIER_STAKEHOLDER_PARTY },
  { "opposition", "opposition", DOSSIER_STAKEHOLDER_PARTY },
  { "cartel", "cartels", DOSSIER_STAKEHOLDER_ARMED_GROUP },
  { "gang", "gangs", DOSSIER_STAKEHOLDER_ARMED_GROUP },
  { "militia", "militias", DOSSIER_STAKEHOLDER_ARMED_GROUP },
  { "rebel", "rebels", DOSSIER_STAKEHOLDER_ARMED_GROUP },
  { "insurgent", "insurgents", DOSSIER_STAKEHOLDER_ARMED_GROUP },
  { "company", "companies", DOSSIER_STAKEHOLDER_BUSINESS },
  { "business", "businesses", DOSSIER_STAKEHOLDER_BUSINESS },
  { "investor", "investors", DOSSIER_STAKEHOLDER_BUSINESS },
  { "operator", "operators", DOSSIER_STAKEHOLDER_BUSINESS },
  { "union", "unions", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "activist", "activists", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "protester", "protesters", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "campaigner", "campaigners", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "church", "churches", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "resident", "residents", DOSSIER_STAKEHOLDER_PUBLIC },
  { "voter", "voters", DOSSIER_STAKEHOLDER_PUBLIC },
  { "commuter", "commuters", DOSSIER_STAKEHOLDER_PUBLIC },
  { "farmer", "farmers", DOSSIER_STAKEHOLDER_PUBLIC },
  { "fisherman", "fishermen", DOSSIER_STAKEHOLDER_PUBLIC },
  { "shopkeeper", "shopkeepers", DOSSIER_STAKEHOLDER_BUSINESS },
  { "trader", "traders", DOSSIER_STAKEHOLDER_BUSINESS },
  { "merchant", "merchants", DOSSIER_STAKEHOLDER_BUSINESS },
  { "employer", "employers", DOSSIER_STAKEHOLDER_BUSINESS },
  { "islander", "islanders", DOSSIER_STAKEHOLDER_PUBLIC },
  { "citizen", "citizens", DOSSIER_STAKEHOLDER_PUBLIC },
  { "taxpayer", "taxpayers", DOSSIER_STAKEHOLDER_PUBLIC },
  { "passenger", "passengers", DOSSIER_STAKEHOLDER_PUBLIC },
  { "driver", "drivers", DOSSIER_STAKEHOLDER_PUBLIC },
  { "cyclist", "cyclists", DOSSIER_STAKEHOLDER_PUBLIC },
  { "worker", "workers", DOSSIER_STAKEHOLDER_PUBLIC },
  { "family", "families", DOSSIER_STAKEHOLDER_PUBLIC },
  { "patient", "patients", DOSSIER_STAKEHOLDER_PUBLIC },
  { "parent", "parents", DOSSIER_STAKEHOLDER_PUBLIC },
  { "student", "students", DOSSIER_STAKEHOLDER_PUBLIC },
  { "teacher", "teachers", DOSSIER_STAKEHOLDER_PUBLIC },
  { "doctor", "doctors", DOSSIER_STAKEHOLDER_PUBLIC },
  { "nurse", "nurses", DOSSIER_STAKEHOLDER_PUBLIC },
  { "migrant", "migrants", DOSSIER_STAKEHOLDER_PUBLIC },
  { "refugee", "refugees", DOSSIER_STAKEHOLDER_PUBLIC },
  { "ciudadano", "ciudadanos", DOSSIER_STAKEHOLDER_PUBLIC },
  { "trabajador", "trabajadores", DOSSIER_STAKEHOLDER_PUBLIC },
  { "comerciante", "comerciantes", DOSSIER_STAKEHOLDER_BUSINESS },
  { "empresario", "empresarios", DOSSIER_STAKEHOLDER_BUSINESS },
  { "contribuyente", "contribuyentes", DOSSIER_STAKEHOLDER_PUBLIC },
  { "pasajero", "pasajeros", DOSSIER_STAKEHOLDER_PUBLIC },
  { "gobierno", "gobiernos", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "administracion", "administraciones", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "ministerio", "ministerios", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "secretaria", "secretarias", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "autoridad", "autoridades", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "funcionario", "funcionarios", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "ejercito", "ejercitos", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "policia", "policias", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "ayuntamiento", "ayuntamientos", DOSSIER_STAKEHOLDER_GOVERNMENT, TRUE },
  { "congreso", "congresos", DOSSIER_STAKEHOLDER_LEGISLATURE },
  { "senado", "senados", DOSSIER_STAKEHOLDER_LEGISLATURE },
  { "legislador", "legisladores", DOSSIER_STAKEHOLDER_LEGISLATURE },
  { "partido", "partidos", DOSSIER_STAKEHOLDER_PARTY },
  { "oposicion", "oposicion", DOSSIER_STAKEHOLDER_PARTY },
  { "cartel", "carteles", DOSSIER_STAKEHOLDER_ARMED_GROUP },
  { "pandilla", "pandillas", DOSSIER_STAKEHOLDER_ARMED_GROUP },
  { "empresa", "empresas", DOSSIER_STAKEHOLDER_BUSINESS },
  { "sindicato", "sindicatos", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "vecino", "vecinos", DOSSIER_STAKEHOLDER_PUBLIC },
  { "votante", "votantes", DOSSIER_STAKEHOLDER_PUBLIC },
  { "agricultor", "agricultores", DOSSIER_STAKEHOLDER_PUBLIC },
  { "pescador", "pescadores", DOSSIER_STAKEHOLDER_PUBLIC },
  { "pupil", "pupils", DOSSIER_STAKEHOLDER_PUBLIC },
  { "paramedic", "paramedics", DOSSIER_STAKEHOLDER_PUBLIC },
  { "carer", "carers", DOSSIER_STAKEHOLDER_PUBLIC },
  { "villager", "villagers", DOSSIER_STAKEHOLDER_PUBLIC },
  { "tenant", "tenants", DOSSIER_STAKEHOLDER_PUBLIC },
  { "homeowner", "homeowners", DOSSIER_STAKEHOLDER_PUBLIC },
  { "householder", "householders", DOSSIER_STAKEHOLDER_PUBLIC },
  { "pensioner", "pensioners", DOSSIER_STAKEHOLDER_PUBLIC },
  { "motorist", "motorists", DOSSIER_STAKEHOLDER_PUBLIC },
  { "pedestrian", "pedestrians", DOSSIER_STAKEHOLDER_PUBLIC },
  { "walker", "walkers", DOSSIER_STAKEHOLDER_PUBLIC },
  { "consumer", "consumers", DOSSIER_STAKEHOLDER_PUBLIC },
  { "paciente", "pacientes", DOSSIER_STAKEHOLDER_PUBLIC },
  { "enfermero", "enfermeros", DOSSIER_STAKEHOLDER_PUBLIC },
  { "enfermera", "enfermeras", DOSSIER_STAKEHOLDER_PUBLIC },
  { "medico", "medicos", DOSSIER_STAKEHOLDER_PUBLIC },
  { "familia", "familias", DOSSIER_STAKEHOLDER_PUBLIC },
  { "estudiante", "estudiantes", DOSSIER_STAKEHOLDER_PUBLIC },
  { "alumno", "alumnos", DOSSIER_STAKEHOLDER_PUBLIC },
  { "inquilino", "inquilinos", DOSSIER_STAKEHOLDER_PUBLIC },
  { "jubilado", "jubilados", DOSSIER_STAKEHOLDER_PUBLIC },
  { "pensionista", "pensionistas", DOSSIER_STAKEHOLDER_PUBLIC },
  { "usuario", "usuarios", DOSSIER_STAKEHOLDER_PUBLIC },
  { "ganadero", "ganaderos", DOSSIER_STAKEHOLDER_PUBLIC },
  { "hostelero", "hosteleros", DOSSIER_STAKEHOLDER_BUSINESS },
  { "trust", "trusts", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY, TRUE },
  { "partnership", "partnerships", DOSSIER_STAKEHOLDER_ORGANISATION, TRUE },
  { "foundation", "foundations", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY, TRUE },
  { "fundacion", "fundaciones", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY, TRUE },
  { "group", "groups", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY, TRUE },
  { "grupo", "grupos", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY, TRUE },
};

/* A word and the kind of actor it says. */
typedef struct
{
  const char             *word;
  DossierStakeholderKind  kind;
} WordKind;

/* The entry of @list (@n long) for @folded, NULL if none. */
static const WordKind *
find_word_kind (const WordKind *list,
                gsize           n,
                const char     *folded)
{
  for (gsize k = 0; k < n; k++)
    if (g_str_equal (folded, list[k].word))
      return &list[k];
  return NULL;
}

/* Words inside a name that say what kind of actor it is. */
static const WordKind name_words[] = {
  { "party", DOSSIER_STAKEHOLDER_PARTY }, { "partido", DOSSIER_STAKEHOLDER_PARTY },
  { "congress", DOSSIER_STAKEHOLDER_LEGISLATURE }, { "senate", DOSSIER_STAKEHOLDER_LEGISLATURE },
  { "parliament", DOSSIER_STAKEHOLDER_LEGISLATURE }, { "assembly", DOSSIER_STAKEHOLDER_LEGISLATURE },
  { "congreso", DOSSIER_STAKEHOLDER_LEGISLATURE }, { "senado", DOSSIER_STAKEHOLDER_LEGISLATURE },
  { "camara", DOSSIER_STAKEHOLDER_LEGISLATURE },
  { "ministry", DOSSIER_STAKEHOLDER_GOVERNMENT }, { "department", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "government", DOSSIER_STAKEHOLDER_GOVERNMENT }, { "administration", DOSSIER_STAKEHOLDER_GOVERNMENT },
  /* "Northern Ireland Executive", "Scottish Executive" ("Chief Executive"
   * is a title, read before). */
  { "executive", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "agency", DOSSIER_STAKEHOLDER_GOVERNMENT }, { "office", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "service", DOSSIER_STAKEHOLDER_GOVERNMENT }, { "authority", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "agencia", DOSSIER_STAKEHOLDER_GOVERNMENT }, { "servicio", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "council", DOSSIER_STAKEHOLDER_GOVERNMENT }, { "police", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "army", DOSSIER_STAKEHOLDER_GOVERNMENT }, { "navy", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "ministerio", DOSSIER_STAKEHOLDER_GOVERNMENT }, { "secretaria", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "gobierno", DOSSIER_STAKEHOLDER_GOVERNMENT }, { "ayuntamiento", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "times", DOSSIER_STAKEHOLDER_MEDIA }, { "post", DOSSIER_STAKEHOLDER_MEDIA },
  { "news", DOSSIER_STAKEHOLDER_MEDIA }, { "journal", DOSSIER_STAKEHOLDER_MEDIA },
  { "tribune", DOSSIER_STAKEHOLDER_MEDIA }, { "herald", DOSSIER_STAKEHOLDER_MEDIA },
  { "gazette", DOSSIER_STAKEHOLDER_MEDIA }, { "press", DOSSIER_STAKEHOLDER_MEDIA },
  { "radio", DOSSIER_STAKEHOLDER_MEDIA }, { "television", DOSSIER_STAKEHOLDER_MEDIA },
  { "reuters", DOSSIER_STAKEHOLDER_MEDIA }, { "ledger", DOSSIER_STAKEHOLDER_MEDIA },
  { "courier", DOSSIER_STAKEHOLDER_MEDIA }, { "chronicle", DOSSIER_STAKEHOLDER_MEDIA },
  { "observer", DOSSIER_STAKEHOLDER_MEDIA }, { "guardian", DOSSIER_STAKEHOLDER_MEDIA },
  { "telegraph", DOSSIER_STAKEHOLDER_MEDIA }, { "mundo", DOSSIER_STAKEHOLDER_MEDIA },
  { "pais", DOSSIER_STAKEHOLDER_MEDIA },
  { "diario", DOSSIER_STAKEHOLDER_MEDIA }, { "periodico", DOSSIER_STAKEHOLDER_MEDIA },
  { "inc", DOSSIER_STAKEHOLDER_BUSINESS }, { "corp", DOSSIER_STAKEHOLDER_BUSINESS },
  { "corporation", DOSSIER_STAKEHOLDER_BUSINESS }, { "ltd", DOSSIER_STAKEHOLDER_BUSINESS },
  { "llc", DOSSIER_STAKEHOLDER_BUSINESS }, { "company", DOSSIER_STAKEHOLDER_BUSINESS },
  { "bank", DOSSIER_STAKEHOLDER_BUSINESS }, { "holdings", DOSSIER_STAKEHOLDER_BUSINESS },
  { "airlines", DOSSIER_STAKEHOLDER_BUSINESS }, { "ferries", DOSSIER_STAKEHOLDER_BUSINESS },
  /* "Harlow Buses said", "Kestrel Coaches": an operator, no one's name. */
  { "buses", DOSSIER_STAKEHOLDER_BUSINESS }, { "coaches", DOSSIER_STAKEHOLDER_BUSINESS },
  { "airways", DOSSIER_STAKEHOLDER_BUSINESS }, { "railways", DOSSIER_STAKEHOLDER_BUSINESS },
  { "taxis", DOSSIER_STAKEHOLDER_BUSINESS }, { "motors", DOSSIER_STAKEHOLDER_BUSINESS },
  { "ports", DOSSIER_STAKEHOLDER_BUSINESS },
  { "plc", DOSSIER_STAKEHOLDER_BUSINESS }, { "llp", DOSSIER_STAKEHOLDER_BUSINESS },
  { "partners", DOSSIER_STAKEHOLDER_BUSINESS }, { "associates", DOSSIER_STAKEHOLDER_BUSINESS },
  { "asociados", DOSSIER_STAKEHOLDER_BUSINESS },
  { "union", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "association", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "foundation", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "federation", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "trust", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "coalition", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "alliance", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "sindicato", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "forum", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "foro", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "society", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "guild", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "confederation", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "confederacion", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  /* "Diocese of Marle": a church's own body. */
  { "diocese", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "archdiocese", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "diocesis", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "arquidiocesis", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  /* "Kestle Chamber of Trade": traders' own body. */
  { "chamber", DOSSIER_STAKEHOLDER_BUSINESS }, { "club", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "asociacion", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "fundacion", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "organisation", DOSSIER_STAKEHOLDER_ORGANISATION }, { "organization", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "partnership", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "institute", DOSSIER_STAKEHOLDER_ORGANISATION }, { "commission", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "committee", DOSSIER_STAKEHOLDER_ORGANISATION }, { "nations", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "fund", DOSSIER_STAKEHOLDER_ORGANISATION }, { "organizacion", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "centre", DOSSIER_STAKEHOLDER_ORGANISATION }, { "center", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "centro", DOSSIER_STAKEHOLDER_ORGANISATION }, { "university", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "universidad", DOSSIER_STAKEHOLDER_ORGANISATION }, { "college", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "colegio", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "instituto", DOSSIER_STAKEHOLDER_ORGANISATION },
  /* Schools and hospitals: "Ferris Lane Academy", "Harwick General
   * Hospital" (a place while it is only where something is, see
   * names_place ()). */
  { "academy", DOSSIER_STAKEHOLDER_ORGANISATION }, { "school", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "primary", DOSSIER_STAKEHOLDER_ORGANISATION }, { "infants", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "juniors", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "academia", DOSSIER_STAKEHOLDER_ORGANISATION }, { "escuela", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "hospital", DOSSIER_STAKEHOLDER_ORGANISATION },
  /* "Kellock Harbour Board"; a health board is a public body (see
   * name_qualifiers). */
  { "board", DOSSIER_STAKEHOLDER_ORGANISATION },
  /* "Linmouth Hospice", "the Marram Charity", "Tollbridge Foodbank" ("Food
   * Bank": see name_kind ()). */
  { "charity", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "hospice", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "foodbank", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "cartel", DOSSIER_STAKEHOLDER_ARMED_GROUP }, { "gang", DOSSIER_STAKEHOLDER_ARMED_GROUP },
  { "militia", DOSSIER_STAKEHOLDER_ARMED_GROUP }, { "front", DOSSIER_STAKEHOLDER_ARMED_GROUP },
  /* Weak: says what a name is only if no other word does ("Saltings Lane
   * Residents' Group"; not "Brinmoor Holdings Group"). */
  { "group", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
};

static const char * const weak_heads[] = { "group" };

/* Words that end or open a body's name and, alone ("the Association",
 * "the Federation"), stand for the one body the document names with them
 * ("Kestle Bay Hoteliers' Association", "Federation of Island Shops"):
 * never an actor by themselves. */
static const char * const generic_heads[] = {
  "association", "council", "trust", "forum", "federation", "foundation", "society",
  "partnership", "alliance", "coalition", "union", "committee", "commission", "institute",
  "agency", "authority", "board", "guild", "chamber", "club", "confederation", "asociacion",
  "federacion", "fundacion", "sindicato", "consejo", "foro", "comision", "comite", "instituto",
  "agencia", "autoridad", "plataforma", "executive",
  /* "the School" of "Fenwick Church School"; with two schools named, neither. */
  "school", "academy", "college", "university",
};

/* The last word of a place's name ("Quay Street", "Harbour Bridge",
 * "Eastway Tunnel", "North Shore", "Harwick General Hospital": the
 * building, not the trust that runs it), or the first ("Port Calder",
 * "calle Mayor", "Plaza de España", "el puente Nuevo"): a place, no
 * stakeholder, whatever is said beside it. */
static const char * const street_words[] = {
  "street", "road", "avenue", "square", "lane", "boulevard", "row", "crescent", "terrace",
  "embankment", "st", "rd", "ave", "bridge", "tunnel", "shore", "port", "harbour", "harbor",
  "river", "valley", "station", "airport", "hospital", "infirmary", "park", "bay", "beach",
  "island", "quay", "pier", "dam", "reservoir", "lake", "hill", "moor", "mountain", "forest",
  "junction", "canal", "coast", "marsh", "estuary", "hall", "county",
};
static const char * const street_words_before[] = {
  "calle", "avenida", "plaza", "paseo", "carretera", "camino", "glorieta", "rambla", "puente",
  "tunel", "puerto", "rio", "valle", "lago", "isla", "playa", "estacion", "aeropuerto",
  "hospital", "monte", "sierra", "bahia", "port", "mount", "lake", "cape", "isle", "fort",
};

/* Before a place: "at Harwick General", "on Kellow Green", "cerca de
 * Vigo". */
static const char * const locatives[] = {
  "in", "at", "on", "near", "from", "into", "across", "outside", "inside", "around", "towards",
  "beyond", "between", "through", "throughout", "past", "en", "desde", "hacia",
};
/* The second place of "between Hallow Cross and Dunmere", "from Kell to
 * Dunmere": the word that ties it, and the one that opened the first. */
static const struct
{
  const char *tie;
  const char *opener;
} place_pairs[] = { { "and", "between" }, { "to", "from" }, { "y", "entre" }, { "a", "desde" } };
/* Ways, and what goes along them, before "to" and a place: "boats to
 * Corran Sands". */
static const char * const ways[] = {
  "boat", "boats", "ferry", "ferries", "train", "trains", "bus", "buses", "flight", "flights",
  "crossing", "crossings", "sailings", "route", "routes", "road", "journey", "journeys", "trips",
};
/* Before "of" and a place: "north of Dunmere", "the town of Ashby" (where
 * the town does something, its council: see note_town_body ()). */
static const char * const places_of[] = {
  "north", "south", "east", "west", "outside", "town", "city", "village", "hamlet", "county",
};
/* After a name, in lower case, what says it is a place's: "the Kell
 * tunnel", "the Dunmere end", "the Marlshire branch of the union", "the
 * Tolland goods yard" (besides the street words). */
static const char * const place_nouns[] = {
  "branch", "end", "area", "yard", "site", "county", "district", "region", "border", "centre",
  "center", "estate", "viaduct", "cutting", "line", "route",
};
/* The word before "de" or "a" that makes them one: "cerca de", "junto a". */
static const char * const locatives_two[] = {
  "cerca", "lejos", "junto", "alrededor", "dentro", "fuera",
};

/* A word for what an actor is, in lower case just before its name ("the
 * campaign group Clean Air Calder", "the engineering consultancy Halloran
 * & Pike", "la plataforma Vecinos del Muelle"): the kind it gives. */
static const WordKind descriptors[] = {
  { "campaign", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "group", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "charity", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "coalition", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "movement", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "nonprofit", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "campaigners", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "plataforma", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "colectivo", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "campana", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "movimiento", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "ong", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "consultancy", DOSSIER_STAKEHOLDER_BUSINESS }, { "firm", DOSSIER_STAKEHOLDER_BUSINESS },
  { "company", DOSSIER_STAKEHOLDER_BUSINESS }, { "contractor", DOSSIER_STAKEHOLDER_BUSINESS },
  { "developer", DOSSIER_STAKEHOLDER_BUSINESS }, { "operator", DOSSIER_STAKEHOLDER_BUSINESS },
  { "retailer", DOSSIER_STAKEHOLDER_BUSINESS }, { "supermarket", DOSSIER_STAKEHOLDER_BUSINESS },
  { "empresa", DOSSIER_STAKEHOLDER_BUSINESS }, { "consultora", DOSSIER_STAKEHOLDER_BUSINESS },
  { "constructora", DOSSIER_STAKEHOLDER_BUSINESS }, { "naviera", DOSSIER_STAKEHOLDER_BUSINESS },
  { "newspaper", DOSSIER_STAKEHOLDER_MEDIA }, { "broadcaster", DOSSIER_STAKEHOLDER_MEDIA },
  { "diario", DOSSIER_STAKEHOLDER_MEDIA }, { "periodico", DOSSIER_STAKEHOLDER_MEDIA },
};

static gboolean
is_descriptor (const char *folded)
{
  return find_word_kind (descriptors, G_N_ELEMENTS (descriptors), folded) != NULL;
}

/* Small words inside a name that a word before it says is one ("the
 * campaign group Parents for a Full Week"), besides the connectors. Not
 * "and": "the group Clean Air Calder and the Merchants' Association" are
 * two. */
static const char * const name_fillers[] = {
  "a", "an", "to", "our", "your", "their", "un", "una", "por", "sin", "con", "nuestro",
  "nuestra",
};

/* The first word of a campaign's name: "Save the Tarn", "Stop the
 * Pylons", "Friends of the Earth", "Salvemos el Muelle". */
static const char * const campaign_openers[] = {
  "save", "stop", "keep", "protect", "defend", "friends", "salvemos", "salvar", "salvad", "defendamos",
};

static gboolean
in_list (const char * const *list,
         gsize               n,
         const char         *word)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (list[i], word))
      return TRUE;
  return FALSE;
}

#define IN_LIST(list, word) in_list ((list), G_N_ELEMENTS (list), (word))

/* The kind a word inside a name gives it ("union": civil society); FALSE
 * for a word that gives none. */
static gboolean
name_word_kind (const char             *folded,
                DossierStakeholderKind *kind)
{
  const WordKind *found = find_word_kind (name_words, G_N_ELEMENTS (name_words), folded);

  if (found != NULL)
    *kind = found->kind;
  return found != NULL;
}

/* Words that say what a body with a word as plain as "trust", "agency" or
 * "service" does: "Northvale Hospitals Trust", "Coastline Press Agency",
 * "West Moors Ambulance Service". */
static const WordKind name_qualifiers[] = {
  { "press", DOSSIER_STAKEHOLDER_MEDIA }, { "news", DOSSIER_STAKEHOLDER_MEDIA },
  { "media", DOSSIER_STAKEHOLDER_MEDIA }, { "broadcasting", DOSSIER_STAKEHOLDER_MEDIA },
  { "prensa", DOSSIER_STAKEHOLDER_MEDIA }, { "noticias", DOSSIER_STAKEHOLDER_MEDIA },
  { "hospital", DOSSIER_STAKEHOLDER_GOVERNMENT }, { "hospitals", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "health", DOSSIER_STAKEHOLDER_GOVERNMENT }, { "nhs", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "ambulance", DOSSIER_STAKEHOLDER_GOVERNMENT }, { "fire", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "rescue", DOSSIER_STAKEHOLDER_GOVERNMENT }, { "prison", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "probation", DOSSIER_STAKEHOLDER_GOVERNMENT }, { "coastguard", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "salud", DOSSIER_STAKEHOLDER_GOVERNMENT }, { "sanitario", DOSSIER_STAKEHOLDER_GOVERNMENT },
};

/* The plain words a qualifier before them decides (see name_qualifiers). */
static const char * const plain_heads[] = {
  "trust", "agency", "service", "office", "authority", "agencia", "servicio", "partnership", "board",
};

static int
find_body (const char *folded)
{
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    if (g_str_equal (folded, bodies[i].word) || g_str_equal (folded, bodies[i].plural))
      return i;
  return -1;
}

/* Adjectives of nationality look like names but name no one by
 * themselves: "Mexican soil", "American officials". */
static gboolean
looks_like_demonym (const char *folded)
{
  static const char * const endings[] = { "an", "ian", "ese", "ish", "ic", "i" };
  static const char * const others[] = { "french", "dutch", "greek", "swiss", "thai", "welsh" };

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    if (g_str_has_suffix (folded, endings[i]) && strlen (folded) > strlen (endings[i]) + 2)
      return TRUE;
  return IN_LIST (others, folded);
}

/* ---- Tokens --------------------------------------------------------------- */

/* Titles written short, with a dot that ends no sentence. */
static const char * const abbreviated_titles[] = {
  "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "cllr", "sr", "sra",
};

enum
{
  TOKEN_CAPITAL    = 1 << 0,  /* starts with an upper-case letter */
  TOKEN_ACRONYM    = 1 << 1,  /* "PRI", "U.S.", "NATO" */
  TOKEN_INITIAL    = 1 << 2,  /* opens a sentence */
  TOKEN_POSSESSIVE = 1 << 3,  /* followed by 's / ’s, which is not part of it */
  TOKEN_SPACE      = 1 << 4,  /* only a space between it and the next token */
  TOKEN_PAREN      = 1 << 5,  /* followed by " (" */
  TOKEN_CLOSE      = 1 << 6,  /* followed by ")" */
  TOKEN_COMMA      = 1 << 7,  /* followed by "," and a space */
  TOKEN_OPEN_QUOTE = 1 << 8,  /* followed by a space and an opening quote */
  TOKEN_GROUP_END  = 1 << 9,  /* ends the place of a group of people ("Shopkeepers on
                               * Bridge Street said": theirs, not the street's) */
};

typedef struct
{
  const char *p;        /* in the block's text */
  gsize       len;      /* bytes */
  gint64      start;    /* code points of the document */
  gint64      end;
  guint       flags;
  char       *folded;
} Token;

static void
token_clear (gpointer data)
{
  g_free (((Token *) data)->folded);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_opening_quote (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x2018 || c == 0x00AB;
}

/* Whether the 's that ends the capitalised word [@word, @apostrophe) is
 * part of a name: a saint's ("St Aldhelm's Community Hospital", "St
 * Mary's", after @before, the token before it), or a plural's that goes
 * on with a capitalised word ("Marle Valley Fishermen's Association",
 * "Women's Institute"; @rest is what follows the s). Not "Tidewater
 * District Council's plan", nor "Mexico's President". */
static gboolean
possessive_in_name (const Token *before,
                    const char  *word,
                    const char  *apostrophe,
                    const char  *rest)
{
  static const char * const saints[] = { "st", "saint", "ste" };
  g_autofree char *lower = NULL;

  if (before != NULL && (before->flags & TOKEN_SPACE) && (before->flags & TOKEN_CAPITAL) &&
      IN_LIST (saints, before->folded))
    return TRUE;
  if (rest[0] != ' ' || !g_unichar_isupper (g_utf8_get_char (rest + 1)))
    return FALSE;
  lower = g_utf8_strdown (word, apostrophe - word);
  return g_str_has_suffix (lower, "men") || g_str_equal (lower, "children") ||
         g_str_equal (lower, "people");
}

/* Splits @text (one block, starting at code point @base of the document)
 * into words. */
static GArray *
tokenize (const char *text,
          gint64      base)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = text;
  gint64 offset = base;
  gboolean sentence_start = TRUE;
  const char *abbreviation_dot = NULL;

  g_array_set_clear_func (tokens, token_clear);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      Token token = { 0 };
      guint n_upper = 0, n_letters = 0;
      gboolean dotted = FALSE;

      if (!g_unichar_isalnum (c))
        {
          /* What ends a sentence (a tab ends a table's cell, which opens
           * like one); quotes and brackets are transparent. */
          if ((c == '.' && p != abbreviation_dot) || c == '!' || c == '?' || c == ':' || c == ';' ||
              c == 0x2022 || c == '\t')
            sentence_start = TRUE;
          p = g_utf8_next_char (p);
          offset++;
          continue;
        }

      token.p = p;
      token.start = offset;
      if (g_unichar_isupper (c))
        token.flags |= TOKEN_CAPITAL;
      if (sentence_start)
        token.flags |= TOKEN_INITIAL;
      sentence_start = FALSE;

      for (;;)
        {
          gunichar d = g_utf8_get_char (p);
          const char *next = g_utf8_next_char (p);
          gunichar after = g_utf8_get_char (next);

          if (g_unichar_isalnum (d) || g_unichar_ismark (d))
            {
              n_letters += g_unichar_isalpha (d) ? 1 : 0;
              n_upper += g_unichar_isupper (d) ? 1 : 0;
              p = next;
              offset++;
              continue;
            }
          /* "U.S.", "E.U.": single capitals with dots. */
          if (d == '.' && (p - token.p == 1 || dotted) && g_unichar_isupper (after) &&
              g_utf8_get_char (g_utf8_next_char (next)) == '.')
            {
              dotted = TRUE;
              p = next;
              offset++;
              continue;
            }
          if (d == '.' && dotted)
            {
              p = next;
              offset++;
              break;
            }
          /* "Mexican-Led", "Jean-Luc", "O'Brien"; not the possessive. */
          if ((d == '-' || d == 0x2010) && g_unichar_isalpha (after) && !dotted)
            {
              p = next;
              offset++;
              continue;
            }
          /* "Merchants’ Association": a plural possessive inside a name
           * stays in the word, and the name goes on. */
          if (is_apostrophe (d) && after == ' ' && p > token.p && (p[-1] == 's' || p[-1] == 'S') &&
              g_unichar_isupper (g_utf8_get_char (next + 1)) && (token.flags & TOKEN_CAPITAL))
            {
              p = next;
              offset++;
              break;
            }
          if (is_apostrophe (d) && g_unichar_isalpha (after))
            {
              const char *s_next = g_utf8_next_char (next);

              if ((after == 's' || after == 'S') && !g_unichar_isalnum (g_utf8_get_char (s_next)))
                {
                  if ((token.flags & TOKEN_CAPITAL) &&
                      possessive_in_name (tokens->len > 0 ? &g_array_index (tokens, Token, tokens->len - 1)
                                                           : NULL,
                                          token.p, p, s_next))
                    {
                      p = s_next;
                      offset += 2;
                      continue;
                    }
                  token.flags |= TOKEN_POSSESSIVE;
                  break;
                }
              if (!dotted)
                {
                  p = next;
                  offset++;
                  continue;
                }
            }
          break;
        }

      token.len = p - token.p;
      token.end = offset;
      /* "Treasury-funded", "State-owned": a word that describes, with a
       * capital only for its first part, is no part of a name. */
      if (token.flags & TOKEN_CAPITAL)
        {
          const char *hyphen = NULL;

          for (const char *r = token.p; r < p; r = g_utf8_next_char (r))
            if (g_utf8_get_char (r) == '-' || g_utf8_get_char (r) == 0x2010)
              hyphen = r;
          if (hyphen != NULL && g_unichar_islower (g_utf8_get_char (g_utf8_next_char (hyphen))))
            token.flags &= ~TOKEN_CAPITAL;
        }
      if (dotted || (n_letters >= 2 && n_upper == n_letters && n_letters <= 8))
        token.flags |= TOKEN_ACRONYM;

      {
        g_autofree char *raw = g_strndup (token.p, token.len);

        token.folded = dossier_text_fold (raw);
        /* "U.S." and "US" are one acronym. */
        if (dotted)
          {
            char *w = token.folded;

            for (char *r = token.folded; *r != '\0'; r++)
              if (*r != '.')
                *w++ = *r;
            *w = '\0';
          }
      }

      /* What follows it. */
      {
        const char *q = p;

        if (token.flags & TOKEN_POSSESSIVE)
          {
            /* Past the 's, which is no word of its own. */
            p = g_utf8_next_char (g_utf8_next_char (q));
            offset += 2;
          }
        else if (*q == ' ' && g_unichar_isalnum (g_utf8_get_char (q + 1)))
          token.flags |= TOKEN_SPACE;
        else if (*q == ' ' && q[1] == '(')
          token.flags |= TOKEN_PAREN;
        else if (*q == ')')
          token.flags |= TOKEN_CLOSE;
        else if (*q == ',' && q[1] == ' ')
          token.flags |= TOKEN_COMMA;
        else if (*q == ' ' && is_opening_quote (g_utf8_get_char (q + 1)) &&
                 g_unichar_isalnum (g_utf8_get_char (g_utf8_next_char (q + 1))))
          token.flags |= TOKEN_OPEN_QUOTE;
        /* "& Co": a connector that is not a word. */
        else if (q[0] == ' ' && q[1] == '&' && q[2] == ' ')
          token.flags |= TOKEN_SPACE;
        /* "Dr. Mira Okafor", "Sen. Hal Briggs": the dot of a title ends
         * no sentence. */
        else if (q[0] == '.' && q[1] == ' ' && g_unichar_isupper (g_utf8_get_char (q + 2)) &&
                 (token.flags & TOKEN_CAPITAL) && IN_LIST (abbreviated_titles, token.folded))
          {
            token.flags |= TOKEN_SPACE;
            abbreviation_dot = q;
          }
      }
      g_array_append_val (tokens, token);
    }

  return tokens;
}

/* The kind the words of a name [@first, @last] give it: its last word
 * that says one ("Eskin Valley Farmers' Union", "Bank of England": the
 * head), unless that word is a plain one a word before it qualifies
 * ("Coastline Press Agency": media; "Northvale Hospitals Trust": a
 * public body). The suggestions and the picker read a name alike. */
static DossierStakeholderKind
name_kind (GArray *tokens,
           guint   first,
           guint   last)
{
  DossierStakeholderKind kind = DOSSIER_STAKEHOLDER_OTHER;
  guint head = G_MAXUINT;

  for (guint i = first; i <= last; i++)
    {
      DossierStakeholderKind word_kind;

      /* "Cámara de Diputados" is a chamber, "Irene Cámara" a person: the
       * word is also a surname, and names the chamber only before "de". */
      if (name_word_kind (g_array_index (tokens, Token, i).folded, &word_kind) &&
          !(head != G_MAXUINT && IN_LIST (weak_heads, g_array_index (tokens, Token, i).folded)) &&
          !(g_str_equal (g_array_index (tokens, Token, i).folded, "camara") &&
            (i == last || !(g_str_equal (g_array_index (tokens, Token, i + 1).folded, "de") ||
                            g_str_equal (g_array_index (tokens, Token, i + 1).folded, "del")))))
        {
          kind = word_kind;
          head = i;
        }
    }
  /* "Port of Marle": the body that runs it, not the town "Port Calder". */
  if (head == G_MAXUINT && first < last &&
      g_str_equal (g_array_index (tokens, Token, first).folded, "port") &&
      g_str_equal (g_array_index (tokens, Token, first + 1).folded, "of"))
    return DOSSIER_STAKEHOLDER_ORGANISATION;
  if (head == G_MAXUINT)
    return DOSSIER_STAKEHOLDER_OTHER;
  /* "Chamber of Deputies": a house of a parliament, not of trade. */
  if (head < last && g_str_equal (g_array_index (tokens, Token, head).folded, "chamber"))
    for (guint i = head + 1; i <= last; i++)
      if (g_str_equal (g_array_index (tokens, Token, i).folded, "deputies") ||
          g_str_equal (g_array_index (tokens, Token, i).folded, "representatives"))
        return DOSSIER_STAKEHOLDER_LEGISLATURE;
  /* "Royal College of Midwives", "Colegio de Médicos": a profession's
   * body, not a school. */
  if (head < last && (g_str_equal (g_array_index (tokens, Token, head).folded, "college") ||
                      g_str_equal (g_array_index (tokens, Token, head).folded, "colegio")) &&
      (g_str_equal (g_array_index (tokens, Token, head + 1).folded, "of") ||
       g_str_equal (g_array_index (tokens, Token, head + 1).folded, "de")))
    return DOSSIER_STAKEHOLDER_CIVIL_SOCIETY;
  /* "Dunmere Food Bank": a charity, not a bank. */
  if (head > first && g_str_equal (g_array_index (tokens, Token, head).folded, "bank") &&
      g_str_equal (g_array_index (tokens, Token, head - 1).folded, "food"))
    return DOSSIER_STAKEHOLDER_CIVIL_SOCIETY;
  if (!IN_LIST (plain_heads, g_array_index (tokens, Token, head).folded))
    return kind;
  for (guint i = head; i > first; i--)
    for (guint q = 0; q < G_N_ELEMENTS (name_qualifiers); q++)
      if (g_str_equal (g_array_index (tokens, Token, i - 1).folded, name_qualifiers[q].word))
        return name_qualifiers[q].kind;
  return kind;
}

/* ---- Candidates ------------------------------------------------------------ */

/* Whom "she" and "he" may mean: what titles say of someone. */
typedef enum
{
  GENDER_UNKNOWN = 0,
  GENDER_MALE    = 1 << 0,
  GENDER_FEMALE  = 1 << 1,
} Gender;

typedef struct
{
  char                   *key;         /* folded name, without title */
  char                   *name;        /* as first seen, without title */
  GPtrArray              *forms;       /* surface forms seen (with titles) */
  GHashTable             *form_keys;   /* folded forms */
  guint                   n_words;
  guint                   n_seen;
  guint                   n_seen_inside;  /* not opening a sentence */
  guint                   n_located;   /* after "in", "at", "near"…: a place's uses */
  guint                   n_in_table;  /* in a table's row ("Salt Quay to Ravensholm ⇥
                                        * £4.10"): no one's acts */
  guint                   n_in;        /* right after "in": a town's uses (of "the
                                        * council"; "en Villaseca" has an ayuntamiento) */
  guint                   n_before_title;  /* before someone's office: "Labour" of
                                            * "Labour MP Jane Doe", her description */
  gboolean                headline;    /* a body named in a title or a heading
                                        * ("Response of the … Association to …"),
                                        * perhaps there only */
  gboolean                lone_head;   /* "the Association" with no one body of
                                        * its name in the document: no actor */
  guint                   gender;      /* what a title says ("Ms", "chairman"):
                                        * see Gender */
  gboolean                place;       /* "Harbour Bridge": seen, and no actor (its
                                        * first word neither: "Pellworth" of
                                        * "Pellworth Royal Infirmary") */
  gboolean                acronym;
  gboolean                person;      /* seen with a title or as an appositive */
  gboolean                titled;      /* seen after a title ("Mr Brandt", "CEO Holt") */
  gboolean                quoted;      /* a statement is attributed to it */
  gboolean                introduced;  /* said once what it is: "Ana Ruiz, who runs the
                                        * shop,", "a hydrologist at Dunmore University" */
  gboolean                thing;       /* "Stagecoach Ashby, which runs …": no one, and
                                        * a body if it speaks */
  gboolean                body;        /* a body of people without capitals ("cartels") */
  gboolean                compound;    /* a run + a body word ("Trump administration") */
  gboolean                described;   /* a word after it and a comma says what body it
                                        * is: "Ofwat, the regulator," (one word that
                                        * opens a sentence is a name then) */
  DossierStakeholderKind  called;      /* what "the company" after it calls it: see
                                        * note_called () */
  gboolean                modifier;    /* a word opening another name ("Eskin" of
                                        * "Eskin Valley Farmers' Union"): a place */
  gboolean                after_the;   /* seen after "the" ("the Friends"): perhaps the
                                        * short form of a body named in full */
  gint64                  the_start;   /* where first so */
  DossierStakeholderKind  kind;
  gint64                  start;       /* first seen */
  gint64                  end;
  guint                   group;       /* union-find */
} Candidate;

static void
candidate_free (gpointer data)
{
  Candidate *c = data;

  g_free (c->key);
  g_free (c->name);
  g_ptr_array_unref (c->forms);
  g_hash_table_unref (c->form_keys);
  g_free (c);
}

typedef struct
{
  Candidate *c;
  guint      sentence;
  guint      block;
} PersonSeen;

typedef struct
{
  const char  *text;
  GPtrArray   *candidates;      /* of Candidate */
  GHashTable  *by_key;          /* key → Candidate */
  GHashTable  *lower_words;     /* folded words seen in lower case */
  GHashTable  *body_counts;     /* body index + 1 → count of bare uses */
  GHashTable  *body_forms;      /* body index + 1 → GPtrArray of forms */
  /* Who "he said" and "they said" after a quote are: the person named
   * last (as a person, or opening a sentence), and the actor named last. */
  Candidate   *last_person;
  Candidate   *last_named;
  TitleKind    board;           /* what "board chair" is here: see board_kind () */
  /* Whom "she said" may mean: the people named in this block and in the
   * last sentence before it that named any (of PersonSeen); the sentence
   * of each token of the block, counted over the document. */
  GArray                 *people;
  const guint            *sentence_of;
  guint                   n_sentences;
  guint                   block;
  /* What "they say" may mean: the body that opened a sentence last. */
  Candidate              *subject;
  /* What "the company" may be: the name of no one noted last, in what
   * sentence (see note_called ()). */
  Candidate              *last_actor;
  guint                   last_actor_sentence;
  guint                   subject_sentence;
  /* "campaign groups including Clean Air Kestle, Surfers Against Sewage
   * and …": what the names listed before token list_end of the block are. */
  guint                   list_end;
  DossierStakeholderKind  list_kind;
  gboolean                table_row;    /* the block is one: its cells are parted by tabs */
  /* Body index + 1 → the names (a GStrv) of a group of people the
   * article has act ("Parents who pay … would save", "Fishermen in
   * Porthwen are divided"; see note_body_use ()), as it first does: an
   * actor however seldom named. With its place, without, and the place
   * (folded) or NULL. NULL until one does. */
  GHashTable             *body_acts;
} Collector;

/* A collector for @text with its tables empty, as both the whole
 * document's reading and speaker_kind ()'s reading of one passage start. */
static void
collector_init (Collector  *col,
                const char *text,
                TitleKind   board)
{
  *col = (Collector) {
    .text = text,
    .candidates = g_ptr_array_new_with_free_func (candidate_free),
    .by_key = g_hash_table_new (g_str_hash, g_str_equal),
    .lower_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .body_counts = g_hash_table_new (NULL, NULL),
    .body_forms = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref),
    .board = board,
  };
}

static void
collector_clear (Collector *col)
{
  g_clear_pointer (&col->candidates, g_ptr_array_unref);
  g_clear_pointer (&col->by_key, g_hash_table_unref);
  g_clear_pointer (&col->lower_words, g_hash_table_unref);
  g_clear_pointer (&col->body_counts, g_hash_table_unref);
  g_clear_pointer (&col->body_forms, g_hash_table_unref);
  g_clear_pointer (&col->people, g_array_unref);
  g_clear_pointer (&col->body_acts, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Collector, collector_clear)

static Candidate *
candidate_get (Collector  *col,
               const char *name,
               gint64      start,
               gint64      end)
{
  g_autofree char *key = dossier_text_fold (name);
  Candidate *c = g_hash_table_lookup (col->by_key, key);

  if (c == NULL)
    {
      c = g_new0 (Candidate, 1);
      c->key = g_steal_pointer (&key);
      c->name = g_strdup (name);
      c->forms = g_ptr_array_new_with_free_func (g_free);
      c->form_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      c->kind = DOSSIER_STAKEHOLDER_OTHER;
      c->called = DOSSIER_STAKEHOLDER_OTHER;
      c->start = start;
      c->end = end;
      c->group = col->candidates->len;
      c->n_words = 1;
      for (const char *p = c->key; *p != '\0'; p++)
        c->n_words += *p == ' ';
      g_ptr_array_add (col->candidates, c);
      g_hash_table_insert (col->by_key, c->key, c);
    }

  return c;
}

static void
candidate_add_form (Candidate  *c,
                    const char *form)
{
  char *key = dossier_text_fold (form);

  if (*key == '\0' || g_hash_table_contains (c->form_keys, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_add (c->form_keys, key);
  g_ptr_array_add (c->forms, g_strdup (form));
}

static char *
span_text (const Token *first,
           const Token *last)
{
  return g_strndup (first->p, last->p + last->len - first->p);
}

/* Whether @folded is @word in the plural: "councillors", "concejales",
 * "aldermen", "MPs". */
static gboolean
is_plural_of (const char *folded,
              const char *word)
{
  gsize len = strlen (word);

  if (strncmp (folded, word, len) == 0 &&
      (g_str_equal (folded + len, "s") || g_str_equal (folded + len, "es")))
    return TRUE;
  /* "alderman" → "aldermen" */
  return len > 3 && g_str_has_suffix (word, "man") && strncmp (folded, word, len - 2) == 0 &&
         g_str_equal (folded + len - 2, "en");
}

/* How many tokens from @at form a title ("Prime Minister"), or with
 * @plural an office in the plural ("councillors", "board members",
 * "concejales"; not a role: "campaigners Clean Air Calder" name a
 * group); 0 if none. */
static guint
title_match (GArray    *tokens,
             guint      at,
             guint      limit,
             gboolean   plural,
             TitleKind *kind)
{
  guint best = 0;

  for (guint t = 0; t < G_N_ELEMENTS (titles); t++)
    {
      const char *w = titles[t].words;
      gboolean match = TRUE;
      guint n = 0;

      if (plural && titles[t].kind != TITLE_OFFICIAL && titles[t].kind != TITLE_BOARD)
        continue;
      /* Word by word, without splitting: this runs for most tokens. */
      while (match)
        {
          const char *space = strchr (w, ' ');
          const Token *tok;

          if (at + n >= limit)
            {
              match = FALSE;
              break;
            }
          tok = &g_array_index (tokens, Token, at + n++);
          if (space != NULL)
            match = strncmp (tok->folded, w, space - w) == 0 && tok->folded[space - w] == '\0' &&
                    (tok->flags & TOKEN_SPACE);
          else
            match = plural ? is_plural_of (tok->folded, w) : g_str_equal (tok->folded, w);
          if (space == NULL)
            break;
          w = space + 1;
        }
      if (match && n > best)
        {
          best = n;
          *kind = titles[t].kind;
        }
    }

  return best;
}

/* How many tokens from @at form a title ("Prime Minister"), 0 if none. */
static guint
title_at (GArray    *tokens,
          guint      at,
          guint      limit,
          TitleKind *kind)
{
  return title_match (tokens, at, limit, FALSE, kind);
}

/* Words before "board" that make it a public body's: "the regional water
 * board", "the trust board", "the county health board". */
static const char * const public_board_words[] = {
  "water", "health", "school", "education", "planning", "parole", "transport", "transit",
  "regional", "county", "district", "state", "national", "housing", "licensing", "library",
  "police", "hospital", "trust", "port", "harbour", "harbor", "fire", "electoral", "city",
  "municipal", "public", "council",
};

/* Whether the boards a text (in @tokens) speaks of are public bodies' ("the regional
 * water board", "the trust board"), when "board chair" and "board member"
 * are officials, or a company's ("the company's board", "the board of
 * Kessel Holdings"), when they are roles. A role when it does not say, or
 * says both. */
static TitleKind
board_kind (GArray *tokens)
{
  guint n_public = 0, n_business = 0;

  for (guint k = 0; k < tokens->len; k++)
    {
      const Token *t = &g_array_index (tokens, Token, k);
      DossierStakeholderKind kind;

      if (!g_str_equal (t->folded, "board") && !g_str_equal (t->folded, "boards"))
        continue;
      /* The words before it: "water board", "the company's board". */
      for (guint j = k; j > 0 && j + 2 >= k; j--)
        {
          const Token *before = &g_array_index (tokens, Token, j - 1);

          if (!(before->flags & (TOKEN_SPACE | TOKEN_POSSESSIVE)) ||
              (g_array_index (tokens, Token, j).flags & TOKEN_INITIAL))
            break;
          if (IN_LIST (public_board_words, before->folded))
            n_public++;
          else if (name_word_kind (before->folded, &kind) || find_body (before->folded) >= 0)
            {
              int body = find_body (before->folded);

              if (body >= 0)
                kind = bodies[body].kind;
              if (kind == DOSSIER_STAKEHOLDER_GOVERNMENT)
                n_public++;
              else if (kind == DOSSIER_STAKEHOLDER_BUSINESS)
                n_business++;
            }
        }
      /* The body after it: "the board of Kessel Holdings". */
      if ((t->flags & TOKEN_SPACE) && k + 1 < tokens->len &&
          g_str_equal (g_array_index (tokens, Token, k + 1).folded, "of"))
        for (guint j = k + 2; j < tokens->len && j <= k + 6; j++)
          {
            const Token *u = &g_array_index (tokens, Token, j);

            if (name_word_kind (u->folded, &kind))
              {
                n_business += kind == DOSSIER_STAKEHOLDER_BUSINESS;
                n_public += kind == DOSSIER_STAKEHOLDER_GOVERNMENT;
                break;
              }
            if (!(u->flags & TOKEN_SPACE))
              break;
          }
    }

  return n_public > 0 && n_business == 0 ? TITLE_OFFICIAL : TITLE_ROLE;
}

/* @kind, a board's title read as @board says (see board_kind ()). */
static TitleKind
resolve_board (TitleKind kind,
               TitleKind board)
{
  return kind == TITLE_BOARD ? board : kind;
}

static gboolean
is_all_caps (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
is_name_token (const Token *t)
{
  return (t->flags & (TOKEN_CAPITAL | TOKEN_ACRONYM)) != 0;
}

/* Words for the people of a place, before "of" or "de": "the residents
 * of Kell", "los vecinos de Valdecruces", "el pueblo de Valdecruces". */
static const char * const community_words[] = {
  "residents", "villagers", "inhabitants", "village", "hamlet", "community",
  "vecinos", "vecinas", "habitantes", "pueblo", "aldea", "localidad", "municipio", "villa",
};

/* Of those, the people themselves ("Residents of Kesby"; not "Villa de
 * Leyva", a town's name). */
static const char * const community_people[] = {
  "residents", "villagers", "inhabitants", "vecinos", "vecinas", "habitantes",
};

/* The names (folded) a text (in @tokens, its title too) gives as a
 * community's: "los vecinos de Valdecruces" — the public, a village's
 * people, not a place; NULL if none. */
static GHashTable *
community_names (GArray *tokens)
{
  GHashTable *names = NULL;

  for (guint k = 0; k + 2 < tokens->len; k++)
    {
      const Token *t = &g_array_index (tokens, Token, k);
      const Token *tie = &g_array_index (tokens, Token, k + 1);
      guint last = k + 2;

      if (!(t->flags & TOKEN_SPACE) || !(tie->flags & TOKEN_SPACE) ||
          !IN_LIST (community_words, t->folded) ||
          !(g_str_equal (tie->folded, "of") || g_str_equal (tie->folded, "de")) ||
          !is_name_token (&g_array_index (tokens, Token, k + 2)))
        continue;
      while (last + 1 < tokens->len && (g_array_index (tokens, Token, last).flags & TOKEN_SPACE) &&
             is_name_token (&g_array_index (tokens, Token, last + 1)))
        last++;
      if (names == NULL)
        names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      {
        g_autofree char *span = span_text (&g_array_index (tokens, Token, k + 2),
                                           &g_array_index (tokens, Token, last));

        g_hash_table_add (names, dossier_text_fold (span));
      }
    }
  return names;
}

/* Words that tie a title to the body it is held in: "chief executive
 * of Vyse Aggregates", "spokeswoman for the trust", "directora de la
 * Asociación". */
static const char * const title_ties[] = { "of", "for", "at", "de", "del" };

static gboolean
is_title_tie (GArray *tokens,
              guint   at)
{
  return at < tokens->len && IN_LIST (title_ties, g_array_index (tokens, Token, at).folded);
}

/* Whether the words from @at, a tie (see is_title_tie ()) to the end of
 * the clause, name a business, a body of civil society, the media or an
 * organisation ("of the Quarry Lane Residents’ Association", "of the
 * residents’ association"): an office there is a role of a person, not
 * an official's ("president of the association", not "of Mexico"). */
static gboolean
tied_to_body (GArray *tokens,
              guint   at)
{
  if (!is_title_tie (tokens, at))
    return FALSE;
  for (guint k = at + 1; k < tokens->len && k <= at + 8; k++)
    {
      const Token *t = &g_array_index (tokens, Token, k);
      DossierStakeholderKind kind;

      if (name_word_kind (t->folded, &kind))
        return kind == DOSSIER_STAKEHOLDER_BUSINESS || kind == DOSSIER_STAKEHOLDER_CIVIL_SOCIETY ||
               kind == DOSSIER_STAKEHOLDER_MEDIA || kind == DOSSIER_STAKEHOLDER_ORGANISATION;
      if (!(t->flags & TOKEN_SPACE))
        break;
    }
  return FALSE;
}

/* Offices that bodies of every sort have: "secretary of Harbour Watch"
 * (a campaign's), "spokeswoman for the ministry" (a state's). */
static const char * const any_body_titles[] = {
  "secretary", "secretario", "secretaria", "spokesman", "spokeswoman", "spokesperson",
  "portavoz", "vocero", "vocera", "officer",
};

/* Words that make a name a state's department: "Secretary of Homeland
 * Security", "secretario de Hacienda". */
static const char * const department_words[] = {
  "state", "treasury", "defense", "defence", "homeland", "security", "health", "education",
  "interior", "transport", "transportation", "energy", "commerce", "agriculture", "justice",
  "housing", "labor", "war", "estado", "hacienda", "defensa", "salud", "educacion", "interior",
  "justicia", "trabajo", "agricultura", "vivienda",
};

static gboolean names_place (GArray *tokens,
                             guint   first,
                             guint   last);

/* Whether the words from @at, a tie, name a body by a name of two words
 * or more that says nothing of what it is, and no place or department
 * ("of Harbour Watch", "de la Plataforma Sierra Viva"; not "of New
 * Zealand" — a place —, "of Homeland Security"): with an office that
 * bodies of every sort have (any_body_titles), a campaign's or a firm's
 * more likely than a state's. */
static gboolean
tied_to_named_body (GArray *tokens,
                    guint   at)
{
  guint first = at + 1, last;

  if (!is_title_tie (tokens, at) || !(g_array_index (tokens, Token, at).flags & TOKEN_SPACE))
    return FALSE;
  if (first < tokens->len && IN_LIST (articles, g_array_index (tokens, Token, first).folded) &&
      (g_array_index (tokens, Token, first).flags & TOKEN_SPACE))
    first++;
  if (first >= tokens->len || !is_name_token (&g_array_index (tokens, Token, first)))
    return FALSE;
  last = first;
  while (last + 1 < tokens->len && (g_array_index (tokens, Token, last).flags & TOKEN_SPACE) &&
         is_name_token (&g_array_index (tokens, Token, last + 1)))
    last++;
  if (last == first || name_kind (tokens, first, last) != DOSSIER_STAKEHOLDER_OTHER ||
      names_place (tokens, first, last))
    return FALSE;
  for (guint k = first; k <= last; k++)
    if (IN_LIST (department_words, g_array_index (tokens, Token, k).folded) ||
        (g_array_index (tokens, Token, k).flags & TOKEN_ACRONYM))
      return FALSE;
  return TRUE;
}

/* A title after the name that ends at token @last and a comma: "López
 * Obrador, Mexico's president", "Rudd, the harbour master", "Ruiz, la
 * ministra", or a bare title tied to a body: "Vyse, chief executive of
 * Vyse Aggregates". An office held at a business or a body of civil
 * society is a role (see tied_to_body ()). Returns how many tokens after
 * @last lead to the title's last word (its owner or article included), 0
 * if there is none. */
static guint
title_after (GArray    *tokens,
             guint      last,
             TitleKind *kind)
{
  guint at = last + 1;
  const Token *lead;
  TitleKind found = TITLE_NONE;
  guint n = 0;

  if (!(g_array_index (tokens, Token, last).flags & TOKEN_COMMA) || at + 1 >= tokens->len)
    return 0;
  lead = &g_array_index (tokens, Token, at);
  if (!is_name_token (lead))
    {
      n = title_at (tokens, at, tokens->len, &found);
      if (!is_title_tie (tokens, at + n))
        n = 0;
    }
  if (n == 0 && (((lead->flags & TOKEN_POSSESSIVE) && is_name_token (lead)) ||
                 ((lead->flags & TOKEN_SPACE) && IN_LIST (articles, lead->folded))))
    {
      n = title_at (tokens, at + 1, tokens->len, &found);
      n = n > 0 ? n + 1 : 0;
    }
  if (n == 0)
    return 0;

  if ((found == TITLE_OFFICIAL || found == TITLE_BOARD) &&
      (tied_to_body (tokens, last + n + 1) ||
       (IN_LIST (any_body_titles, g_array_index (tokens, Token, last + n).folded) &&
        tied_to_named_body (tokens, last + n + 1))))
    found = TITLE_ROLE;
  *kind = found;
  return n;
}

/* A letter or a number that labels ("B", "2", "IV"), not a word. */
static gboolean
is_code (const Token *t)
{
  gboolean digits = TRUE;
  /* "II", "IV": in capitals, as labels write them. */
  gboolean roman = (t->flags & TOKEN_ACRONYM) && strlen (t->folded) <= 4;

  if (g_utf8_strlen (t->folded, -1) == 1)
    return TRUE;
  for (const char *p = t->folded; *p != '\0'; p++)
    {
      digits = digits && g_ascii_isdigit (*p);
      roman = roman && (*p == 'i' || *p == 'v' || *p == 'x');
    }
  return digits || roman;
}

/* Whether the run [@first, @last] only labels something: a lone letter
 * ("B"), or label words and codes ("Option B", "Phase 2" — the number
 * after the run, at @next, is no name token). */
static gboolean
is_label_run (GArray *tokens,
              guint   first,
              guint   last,
              guint   next)
{
  gboolean has_label = FALSE, has_code = FALSE;

  for (guint k = first; k <= last; k++)
    {
      const Token *t = &g_array_index (tokens, Token, k);

      if (is_code (t))
        has_code = TRUE;
      else if (IN_LIST (label_words, t->folded))
        has_label = TRUE;
      else
        return FALSE;
    }
  if (!has_code && has_label && next < tokens->len &&
      (g_array_index (tokens, Token, last).flags & TOKEN_SPACE))
    has_code = is_code (&g_array_index (tokens, Token, next));

  return has_code && (has_label || first == last);
}

/* Whether the text gives a statement to the name that ends at token
 * @last: "Rudd said", "Rudd, warned", "Rudd, the harbour master, warned",
 * "Rudd, who runs the port, said" (within the sentence). */
static gboolean
quoted_after (GArray *tokens,
              guint   last)
{
  const Token *t = &g_array_index (tokens, Token, last);

  if (last + 1 >= tokens->len || (t->flags & TOKEN_GROUP_END))
    return FALSE;
  if ((t->flags & (TOKEN_SPACE | TOKEN_COMMA)) &&
      IN_LIST (reporting_verbs, g_array_index (tokens, Token, last + 1).folded))
    return TRUE;
  if (!(t->flags & TOKEN_COMMA))
    return FALSE;

  for (guint k = last + 1; k < tokens->len && k <= last + 12; k++)
    {
      const Token *u = &g_array_index (tokens, Token, k);

      if (u->flags & TOKEN_INITIAL)
        return FALSE;
      if ((u->flags & TOKEN_COMMA) && k + 1 < tokens->len &&
          !(g_array_index (tokens, Token, k + 1).flags & TOKEN_INITIAL) &&
          IN_LIST (reporting_verbs, g_array_index (tokens, Token, k + 1).folded))
        return TRUE;
    }
  return FALSE;
}

/* Whether the text gives a statement to the name (or the title before
 * it) at token @first, from the words before it: "said Penhallow",
 * "according to Penhallow", "según Ruiz", "dijo el portavoz Zubiri". The
 * name must end its clause (@last is followed by a comma or nothing): in
 * "said Mexico would" the name is what was said, not who said it. */
static gboolean
quoted_before (GArray *tokens,
               guint   from,
               guint   first,
               guint   last)
{
  const Token *before, *end = &g_array_index (tokens, Token, last);
  guint at = first;

  /* "said Ana Ruiz of the residents’ association": who she speaks for
   * ends the clause as well. */
  if (at <= from || ((end->flags & TOKEN_SPACE) && !is_title_tie (tokens, last + 1)) ||
      (g_array_index (tokens, Token, at).flags & TOKEN_INITIAL))
    return FALSE;
  before = &g_array_index (tokens, Token, at - 1);
  /* An article between: "said the spokeswoman", "dijo la concejala". */
  if ((g_str_equal (before->folded, "the") || g_str_equal (before->folded, "el") ||
       g_str_equal (before->folded, "la")) && at - 1 > from && (before->flags & TOKEN_SPACE))
    before = &g_array_index (tokens, Token, --at - 1);
  if (!(before->flags & TOKEN_SPACE))
    return FALSE;
  if (IN_LIST (attributing_words, before->folded))
    return TRUE;
  return g_str_equal (before->folded, "to") && at - 1 > from &&
         g_str_equal (g_array_index (tokens, Token, at - 2).folded, "according") &&
         (g_array_index (tokens, Token, at - 2).flags & TOKEN_SPACE);
}

/* Titles that say whether "she" or "he" is meant. */
static const char * const female_titles[] = {
  "ms", "mrs", "miss", "lady", "dame", "queen", "princess", "spokeswoman", "chairwoman",
  "congresswoman", "alderwoman", "assemblywoman", "councilwoman", "businesswoman", "sra",
  "dona", "presidenta", "ministra", "senadora", "diputada", "gobernadora", "alcaldesa",
  "embajadora", "jueza", "concejala", "consejera", "regidora", "eurodiputada", "directora",
  "fundadora", "jefa", "vecina", "investigadora", "abogada", "vocera",
};
static const char * const male_titles[] = {
  "mr", "sir", "lord", "king", "prince", "spokesman", "chairman", "congressman", "alderman",
  "assemblyman", "councilman", "businessman", "sr", "don", "ministro", "senador", "diputado",
  "gobernador", "alcalde", "embajador", "concejal", "consejero", "regidor", "eurodiputado",
  "fundador", "jefe", "vecino", "investigador", "abogado", "vocero",
};

/* What the words [@first, @last] (a title) say of whom they name. */
static Gender
title_gender (GArray *tokens,
              guint   first,
              guint   last)
{
  Gender gender = GENDER_UNKNOWN;

  for (guint k = first; k <= last; k++)
    {
      const char *folded = g_array_index (tokens, Token, k).folded;

      if (IN_LIST (female_titles, folded))
        gender |= GENDER_FEMALE;
      else if (IN_LIST (male_titles, folded))
        gender |= GENDER_MALE;
    }
  return gender;
}

static gboolean names_body (DossierStakeholderKind kind);

/* Records the name tokens [first, last] (a run, title stripped) as seen. */
static Candidate *
note_name (Collector *col,
           GArray    *tokens,
           guint      first,
           guint      last,
           guint      title_from,   /* == first when there is no title */
           TitleKind  title_kind)
{
  const Token *a = &g_array_index (tokens, Token, first);
  const Token *b = &g_array_index (tokens, Token, last);
  g_autofree char *name = span_text (a, b);
  Candidate *c;

  c = candidate_get (col, name, a->start, b->end);
  c->n_seen++;
  c->n_in_table += col->table_row;
  if (!(a->flags & TOKEN_INITIAL) || title_from < first)
    c->n_seen_inside++;
  if (title_from == first && first > 0 && !c->after_the &&
      g_str_equal (g_array_index (tokens, Token, first - 1).folded, "the"))
    {
      c->after_the = TRUE;
      c->the_start = a->start;
    }
  c->acronym = first == last && (a->flags & TOKEN_ACRONYM);
  candidate_add_form (c, name);
  /* "PORT CALDER" in a dateline, "Port Calder" in the text: the latter. */
  if (first < last && is_all_caps (c->name) && !is_all_caps (name))
    {
      g_free (c->name);
      c->name = g_strdup (name);
    }

  if (title_from < first)
    {
      const Token *t = &g_array_index (tokens, Token, title_from);
      g_autofree char *titled = span_text (t, b);

      if (title_kind != TITLE_ROLE && title_kind != TITLE_BOARD)
        candidate_add_form (c, titled);
      c->person = TRUE;
      c->titled = TRUE;
      c->gender |= title_gender (tokens, title_from, first - 1);
      /* "Mayor Inès Varga": a full name with what she is. */
      if (first < last)
        c->introduced = TRUE;
      if (resolve_board (title_kind, col->board) == TITLE_OFFICIAL)
        c->kind = DOSSIER_STAKEHOLDER_OFFICIAL;
      /* "Ms Ada Guild", "Dr Ellen Trust": a surname, whatever body its
       * word ends the name of. */
      else if (names_body (c->kind))
        c->kind = DOSSIER_STAKEHOLDER_OTHER;
    }

  if (c->kind == DOSSIER_STAKEHOLDER_OTHER && !c->titled)
    c->kind = name_kind (tokens, first, last);

  return c;
}

/* Remembers @c, just noted at token @at, as who a statement after a quote
 * may be ("…,” he said"): a person, or a name of two or three words that
 * opens its sentence ("Joss Penrose has lived there for years."); and, as
 * its @subject ("The Marle Guild met …"), what "they" may be. */
static void
note_speaker (Collector *col,
              Candidate *c,
              guint      at,
              gboolean   opens,
              gboolean   subject)
{
  gboolean person_like;

  if (c->body || c->compound)
    return;
  col->last_named = c;
  person_like = !c->acronym && !c->thing &&
                (c->kind == DOSSIER_STAKEHOLDER_OTHER || c->kind == DOSSIER_STAKEHOLDER_OFFICIAL) &&
                (c->person || (opens && c->n_words >= 2 && c->n_words <= 3));
  /* "They" is no person's, nor a place's. */
  if (subject)
    {
      col->subject = person_like || c->place ? NULL : c;
      col->subject_sentence = col->sentence_of[at];
    }
  if (person_like)
    {
      PersonSeen seen = { c, col->sentence_of[at], col->block };

      col->last_person = c;
      if (col->people == NULL)
        col->people = g_array_new (FALSE, FALSE, sizeof (PersonSeen));
      g_array_append_val (col->people, seen);
    }
}

/* The name after a title and a comma ("President, Andrés Manuel López
 * Obrador," — "the harbour master, Tomas Rudd,"): a plain run of two name
 * words or more from @start, to *@end, noted as a person's (an
 * official's after an official's title). NULL if there is none. */
static Candidate *
note_appositive (Collector *col,
                 GArray    *tokens,
                 guint      start,
                 TitleKind  title_kind,
                 guint     *end)
{
  guint last = start;
  Candidate *c;

  if (start >= tokens->len || !is_name_token (&g_array_index (tokens, Token, start)))
    return NULL;
  while (last + 1 < tokens->len && (g_array_index (tokens, Token, last).flags & TOKEN_SPACE) &&
         is_name_token (&g_array_index (tokens, Token, last + 1)))
    last++;
  if (last == start)
    return NULL;

  /* "The board's chair, Councillor Helen Osei,": the name is "Helen
   * Osei", and her title says what she is. */
  {
    TitleKind own_kind = TITLE_NONE;
    guint own = title_at (tokens, start, last + 1, &own_kind);

    if (own > 0 && start + own < last)
      {
        c = note_name (col, tokens, start + own, last, start, own_kind);
        if (resolve_board (own_kind, col->board) == TITLE_OFFICIAL)
          title_kind = TITLE_OFFICIAL;
      }
    else
      c = note_name (col, tokens, start, last, start, TITLE_NONE);
  }
  c->person = TRUE;
  c->introduced = TRUE;
  if (resolve_board (title_kind, col->board) == TITLE_OFFICIAL)
    c->kind = DOSSIER_STAKEHOLDER_OFFICIAL;
  if (quoted_after (tokens, last))
    c->quoted = TRUE;
  note_speaker (col, c, start, FALSE, FALSE);
  *end = last;
  return c;
}

/* How many tokens from @at, after a title, say what it is of before a
 * comma and the name that holds it: "de Urbanismo," of "la concejala de
 * Urbanismo, Marta Gil", "de la asociación," of "la portavoz de la
 * asociación, Ana Ruiz" — a tie, then one to four words, the last before
 * the comma. 0 if there are none. */
static guint
title_gap_then_comma (GArray *tokens,
                      guint   at)
{
  if (!is_title_tie (tokens, at) || !(g_array_index (tokens, Token, at).flags & TOKEN_SPACE))
    return 0;
  for (guint k = at + 1; k < tokens->len && k <= at + 4; k++)
    {
      const Token *t = &g_array_index (tokens, Token, k);

      if ((t->flags & TOKEN_INITIAL) || IN_LIST (reporting_verbs, t->folded) ||
          IN_LIST (attributing_words, t->folded) || g_str_equal (t->folded, "who"))
        return 0;
      if (t->flags & TOKEN_COMMA)
        return k + 1 < tokens->len && is_name_token (&g_array_index (tokens, Token, k + 1)) &&
               !IN_LIST (stop_words, g_array_index (tokens, Token, k + 1).folded)
               ? k + 1 - at : 0;
      if (!(t->flags & TOKEN_SPACE))
        return 0;
    }
  return 0;
}

/* How many tokens from @at, after a title, say in lower case what it is
 * of before the name that holds it: "de la oposición" of "el concejal de
 * la oposición Jaime Robledo", "for rural affairs" — a tie, then
 * one to four plain words, the last followed by a space and a name. 0 if
 * there are none. */
static guint
title_gap (GArray *tokens,
           guint   at)
{
  guint k;

  if (!is_title_tie (tokens, at) || !(g_array_index (tokens, Token, at).flags & TOKEN_SPACE))
    return 0;
  for (k = at + 1; k < tokens->len && k <= at + 4; k++)
    {
      const Token *t = &g_array_index (tokens, Token, k);

      if (is_name_token (t) || (t->flags & TOKEN_INITIAL) || !(t->flags & TOKEN_SPACE) ||
          (IN_LIST (stop_words, t->folded) && !IN_LIST (connectors, t->folded)) ||
          IN_LIST (reporting_verbs, t->folded) || IN_LIST (attributing_words, t->folded))
        return 0;
      if (k > at + 1 && !IN_LIST (connectors, t->folded) && k + 1 < tokens->len &&
          is_name_token (&g_array_index (tokens, Token, k + 1)) &&
          !(g_array_index (tokens, Token, k + 1).flags & TOKEN_INITIAL))
        return k + 1 - at;
    }
  return 0;
}

/* Keeps the words of tokens @from to @to (not included) as seen in lower
 * case, but for the names among them if @skip_names: a title's words
 * ("harbour master") are no one's name even where one stands capitalised
 * elsewhere. */
static void
note_lower_words (Collector *col,
                  GArray    *tokens,
                  guint      from,
                  guint      to,
                  gboolean   skip_names)
{
  for (guint k = from; k < to; k++)
    if (!skip_names || !is_name_token (&g_array_index (tokens, Token, k)))
      g_hash_table_add (col->lower_words, g_strdup (g_array_index (tokens, Token, k).folded));
}

/* Notes the name after a title of @title_len tokens at @at and the @gap
 * tokens that say what it is of (see title_gap_then_comma () and
 * title_gap ()), as holding it; a role where the gap ties it to a body.
 * The title's and the gap's words are lower-case words, but for the
 * names in a gap before a comma ("de Urbanismo,") if @skip_names. FALSE,
 * noting nothing, if there is no gap or no name after it. */
static gboolean
note_title_of_then_name (Collector *col,
                         GArray    *tokens,
                         guint      at,
                         guint      title_len,
                         TitleKind  title_kind,
                         guint      gap,
                         gboolean   skip_names,
                         guint     *end)
{
  if (gap == 0 ||
      note_appositive (col, tokens, at + title_len + gap,
                       tied_to_body (tokens, at + title_len) ? TITLE_ROLE : title_kind,
                       end) == NULL)
    return FALSE;
  note_lower_words (col, tokens, at, at + title_len + gap, skip_names);
  return TRUE;
}

/* The last token of the plain run of name words from @start. */
static guint
name_run_end (GArray *tokens,
              guint   start)
{
  guint last = start;

  while (last + 1 < tokens->len && (g_array_index (tokens, Token, last).flags & TOKEN_SPACE) &&
         is_name_token (&g_array_index (tokens, Token, last + 1)))
    last++;
  return last;
}

/* "and" in a list of names. */
static const char * const list_ands[] = { "and", "y", "e" };

/* The names listed after a title in the plural hold it, each: "councillors
 * Ada Pell and Rafe Dunn", "Two board members, Owen Tarrant and Lise
 * Beaumont, voted", "los concejales Marta Ibáñez y Jon Arrieta". A name
 * after a comma belongs to the list only if the list goes on after it:
 * not "…and Rafe Dunn, Port Calder's…". Returns the last token of the
 * list, 0 if @at opens none. */
static guint
note_title_list (Collector *col,
                 GArray    *tokens,
                 guint      at)
{
  TitleKind kind = TITLE_NONE;
  guint n = title_match (tokens, at, tokens->len, TRUE, &kind);
  guint end;

  if (n == 0 || !(g_array_index (tokens, Token, at + n - 1).flags & (TOKEN_SPACE | TOKEN_COMMA)) ||
      note_appositive (col, tokens, at + n, kind, &end) == NULL)
    return 0;

  for (;;)
    {
      const Token *last = &g_array_index (tokens, Token, end);
      guint next, next_end;

      if (end + 2 < tokens->len && (last->flags & (TOKEN_SPACE | TOKEN_COMMA)) &&
          IN_LIST (list_ands, g_array_index (tokens, Token, end + 1).folded) &&
          (g_array_index (tokens, Token, end + 1).flags & TOKEN_SPACE))
        next = end + 2;
      else if ((last->flags & TOKEN_COMMA) && end + 1 < tokens->len)
        {
          const Token *after;

          next = end + 1;
          next_end = name_run_end (tokens, next);
          after = &g_array_index (tokens, Token, next_end);
          if (!is_name_token (&g_array_index (tokens, Token, next)) ||
              !((after->flags & TOKEN_COMMA) ||
                ((after->flags & TOKEN_SPACE) && next_end + 1 < tokens->len &&
                 IN_LIST (list_ands, g_array_index (tokens, Token, next_end + 1).folded))))
            break;
        }
      else
        break;
      if (note_appositive (col, tokens, next, kind, &next_end) == NULL)
        break;
      end = next_end;
    }
  return end;
}

/* Whether a quotation closes just before token @at: "…,” he said",
 * "«…», dijo". */
static gboolean
after_quote (GArray *tokens,
             guint   at)
{
  const Token *prev, *t;
  gboolean punct = FALSE;

  if (at == 0)
    return FALSE;
  prev = &g_array_index (tokens, Token, at - 1);
  t = &g_array_index (tokens, Token, at);
  for (const char *p = prev->p + prev->len; p < t->p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x201D || c == '"' || c == 0x00BB || (punct && (c == 0x2019 || c == '\'')))
        return TRUE;
      punct = punct || c == ',' || c == '.' || c == '!' || c == '?' || c == 0x2026;
    }
  return FALSE;
}

static const char * const pronouns[] = { "he", "she", "they", "ella", "el", "ellos", "ellas" };
static const char * const plural_pronouns[] = { "they", "ellos", "ellas" };

/* What people and bodies say or stand for, in the plural: "They oppose
 * the levy", "Dicen que …". */
static const char * const plural_reporting_verbs[] = {
  "say", "warn", "argue", "claim", "insist", "oppose", "support", "back", "welcome", "object",
  "reject", "urge", "dicen", "advierten", "aseguran", "apoyan", "rechazan", "critican",
  "defienden",
};

/* Whether the clause ends at token @at (nothing, or a new sentence, after
 * it). */
static gboolean
clause_ends (GArray *tokens,
             guint   at)
{
  return at >= tokens->len || (g_array_index (tokens, Token, at).flags & TOKEN_INITIAL);
}

/* Whether the persons @a and @b may be one: one name, or one the
 * other's last words ("Landau" of "Priya Landau"). */
static gboolean
same_person (const Candidate *a,
             const Candidate *b)
{
  gsize a_len = strlen (a->key), b_len = strlen (b->key);
  const Candidate *shorter = a_len < b_len ? a : b;
  const Candidate *longer = shorter == a ? b : a;
  gsize n = MIN (a_len, b_len), m = MAX (a_len, b_len);

  return a == b || (m > n + 1 && longer->key[m - n - 1] == ' ' &&
                    g_str_equal (longer->key + m - n, shorter->key));
}

/* The one person @gender allows among those @col saw in @sentence, or
 * (@sentence G_MAXUINT) in its current block; NULL if none or several. */
static Candidate *
only_person (Collector *col,
             guint      sentence,
             Gender     gender)
{
  Candidate *found = NULL;

  for (guint k = 0; k < col->people->len; k++)
    {
      const PersonSeen *seen = &g_array_index (col->people, PersonSeen, k);

      if (sentence != G_MAXUINT ? seen->sentence != sentence : seen->block != col->block)
        continue;
      if (seen->c->gender != GENDER_UNKNOWN && !(seen->c->gender & gender))
        continue;
      if (found != NULL && !same_person (found, seen->c))
        return NULL;
      if (found == NULL || strlen (seen->c->key) > strlen (found->key))
        found = seen->c;
    }
  return found;
}

/* Whom the pronoun at token @at stands for, if it can only be one: for
 * "she" and "he", the one person of that kind named in the last sentence
 * that named anyone, else in the paragraph ("Ms Landau met Mr Dunn. She
 * said …": Ms Landau; "Ms Landau met Ms Ruiz. She said …": neither); for
 * "they", a body, or a name no person's, that opened this sentence or the
 * one before ("The Harbour Watch met on Monday. They oppose …"). */
static Candidate *
pronoun_referent (Collector *col,
                  GArray    *tokens,
                  guint      at)
{
  const char *pronoun = g_array_index (tokens, Token, at).folded;
  guint sentence = col->sentence_of[at], last = 0;
  Gender gender;
  Candidate *one;

  if (IN_LIST (plural_pronouns, pronoun))
    return col->subject != NULL && !col->subject->person && !col->subject->place &&
           (names_body (col->subject->kind) || col->subject->kind == DOSSIER_STAKEHOLDER_OTHER) &&
           col->subject_sentence + 1 >= sentence ? col->subject : NULL;
  if (col->people == NULL || col->people->len == 0)
    return NULL;
  gender = g_str_equal (pronoun, "she") || g_str_equal (pronoun, "ella") ? GENDER_FEMALE : GENDER_MALE;
  for (guint k = 0; k < col->people->len; k++)
    last = MAX (last, g_array_index (col->people, PersonSeen, k).sentence);
  one = only_person (col, last, gender);
  return one != NULL ? one : only_person (col, G_MAXUINT, gender);
}

/* A statement given to someone named before it: "…,” he said", "…,” the
 * minister said", "«…», dijo", "«…», afirmó la concejala", and without a
 * quote "She said …", "They oppose …" opening a sentence. The quote is the
 * last person's, or the one a pronoun can only mean (see
 * pronoun_referent ()), when the words at @at say so. */
static void
attribute_quote (Collector *col,
                 GArray    *tokens,
                 guint      at)
{
  const Token *t = &g_array_index (tokens, Token, at);
  const Token *next = at + 1 < tokens->len ? &g_array_index (tokens, Token, at + 1) : NULL;
  gboolean pronoun = (t->flags & TOKEN_SPACE) && next != NULL && IN_LIST (pronouns, t->folded) &&
                     (IN_LIST (reporting_verbs, next->folded) ||
                      (IN_LIST (plural_pronouns, t->folded) &&
                       IN_LIST (plural_reporting_verbs, next->folded)));
  Candidate *speaker = NULL;
  gboolean plural = FALSE;
  guint n;
  TitleKind kind;

  /* "He said the board had never come.": reported, no quote. */
  if (!after_quote (tokens, at) && !((t->flags & TOKEN_INITIAL) && pronoun))
    return;

  if (pronoun)
    {
      /* "he said", "they say" */
      plural = IN_LIST (plural_pronouns, t->folded);
      speaker = pronoun_referent (col, tokens, at);
    }
  else if ((t->flags & TOKEN_SPACE) && IN_LIST (articles, t->folded) &&
           (n = title_at (tokens, at + 1, tokens->len, &kind)) > 0 && at + n + 1 < tokens->len &&
           IN_LIST (reporting_verbs, g_array_index (tokens, Token, at + n + 1).folded))
    {
      /* "the minister said" */
      speaker = col->last_person;
    }
  else if (IN_LIST (reporting_verbs, t->folded) || IN_LIST (attributing_words, t->folded))
    {
      /* "dijo", "said she", "afirmó la concejala": nobody named after it. */
      guint after = at + 1;
      gboolean by_pronoun = FALSE;

      if (after < tokens->len && (t->flags & TOKEN_SPACE))
        {
          const Token *u = &g_array_index (tokens, Token, after);

          if (IN_LIST (pronouns, u->folded) && !is_name_token (u))
            {
              by_pronoun = TRUE;
              after++;
            }
          else if (IN_LIST (articles, u->folded) &&
                   (n = title_at (tokens, after + 1, tokens->len, &kind)) > 0 &&
                   !(after + n + 1 < tokens->len &&
                     is_name_token (&g_array_index (tokens, Token, after + n + 1)) &&
                     (g_array_index (tokens, Token, after + n).flags & TOKEN_SPACE)))
            after += n + 1;
          else
            return;
        }
      if (!clause_ends (tokens, after) &&
          !(g_array_index (tokens, Token, after - 1).flags & TOKEN_COMMA))
        return;
      plural = by_pronoun && IN_LIST (plural_pronouns, g_array_index (tokens, Token, at + 1).folded);
      speaker = by_pronoun ? pronoun_referent (col, tokens, at + 1) : col->last_person;
    }

  if (speaker == NULL)
    return;
  speaker->quoted = TRUE;
  /* "They": a body's. */
  if (!plural)
    speaker->person = TRUE;
}

/* Where the run [@first, @last] holds a person and the body she speaks
 * for ("Ana Ruiz of the Quarry Lane Residents’ Association", "Chief
 * Executive Oren Vyse of Vyse Aggregates"): the tie between them, 0 if it
 * names one actor ("Bank of England", "United States of America"). */
static guint
person_of_body (GArray   *tokens,
                guint     first,
                guint     last,
                gboolean  titled)
{
  for (guint k = first + 1; k < last; k++)
    {
      const Token *t = &g_array_index (tokens, Token, k);
      DossierStakeholderKind kind;
      gboolean body = FALSE;

      if (is_name_token (t))
        continue;
      if (!is_title_tie (tokens, k) || (k - first < 2 && !titled))
        return 0;
      for (guint j = first; j <= last; j++)
        if (name_word_kind (g_array_index (tokens, Token, j).folded, &kind))
          {
            /* A word of the person's side makes it all one body. */
            if (j < k)
              return 0;
            body = TRUE;
          }
      for (guint j = first; j < k; j++)
        if (g_array_index (tokens, Token, j).flags & TOKEN_ACRONYM)
          return 0;
      return body || titled ? k : 0;
    }
  return 0;
}

/* Whether the run [@first, @last] is shaped like a place's name: "Quay
 * Street", "Harbour Bridge", "Port Calder", "la calle Mayor", "Plaza de
 * España"; not "Ana Ruiz of Quay Street" (a person, and where she
 * lives), nor "Port Calder Cyclists' Union" (a word of its own says what
 * it is). */
static gboolean
names_place (GArray *tokens,
             guint   first,
             guint   last)
{
  const Token *end = &g_array_index (tokens, Token, last);
  DossierStakeholderKind kind = name_kind (tokens, first, last);

  /* A hospital is a building too ("at Harwick General Hospital", "el
   * Hospital de la Paz"), and an organisation when it speaks. */
  if (kind != DOSSIER_STAKEHOLDER_OTHER &&
      !(kind == DOSSIER_STAKEHOLDER_ORGANISATION &&
        (g_str_equal (end->folded, "hospital") ||
         g_str_equal (g_array_index (tokens, Token, first).folded, "hospital"))))
    return FALSE;
  if (first > 0 && (g_array_index (tokens, Token, first - 1).flags & TOKEN_SPACE) &&
      IN_LIST (street_words_before, g_array_index (tokens, Token, first - 1).folded))
    return TRUE;
  if (IN_LIST (street_words_before, g_array_index (tokens, Token, first).folded) && last > first)
    return TRUE;
  if (first == last || !IN_LIST (street_words, end->folded))
    return FALSE;
  for (guint k = first; k < last; k++)
    if (!is_name_token (&g_array_index (tokens, Token, k)))
      return FALSE;
  return TRUE;
}

/* "Ana Ruiz, who runs the shop": a person. */
static const char * const relative_pronouns[] = { "who", "quien" };

/* What a firm or a body does, after "which" or "that": "Stagecoach Ashby,
 * which runs the number 14", "Harlow Buses that operates the night
 * service". */
static const char * const running_verbs[] = {
  "runs", "ran", "operates", "operated", "owns", "owned", "manages", "managed", "employs",
  "employed", "represents", "builds", "built", "supplies", "supplied", "provides", "maintains",
  "controls", "sells", "leases", "funds", "funded",
};

/* The same in Spanish, after ", que", which may be someone's too ("Juan
 * Pérez, que vive en el barrio"): what only a firm or a body does. */
static const char * const running_verbs_es[] = {
  "gestiona", "gestionaba", "opera", "operaba", "explota", "explotaba", "posee", "poseia",
  "emplea", "empleaba", "agrupa", "representa", "suministra", "financia", "construye",
  "construyo", "alquila", "presta",
};

/* Before "cual": "la cual", "el cual", "los cuales". */
static const char * const relative_articles[] = { "el", "la", "los", "las" };

/* Whether the words after the name [@first, @last] say it is a thing or
 * a body, not someone: ", which" (a person is "who"), or "that" and what
 * a firm does; in Spanish ", que" (or ", la cual") and what a firm does
 * ("Autobuses Ferrol, que gestiona el servicio"). Not "a report by Ana
 * Ruiz, which found …", nor "…, said Ana Ruiz, which angered …": "which"
 * is then the report's, the statement's; a name that opens its clause is
 * what "which" stands for. */
static gboolean
which_not_who (GArray *tokens,
               guint   from,
               guint   first,
               guint   last)
{
  static const char * const clause_openers[] = { "the", "and", "but", "while", "el", "la" };
  const Token *end = &g_array_index (tokens, Token, last);
  const Token *relative, *verb, *before;

  if (last + 2 >= tokens->len)
    return FALSE;
  relative = &g_array_index (tokens, Token, last + 1);
  verb = &g_array_index (tokens, Token, last + 2);
  if (!(relative->flags & TOKEN_SPACE) || is_name_token (relative))
    return FALSE;
  if (g_str_equal (relative->folded, "that"))
    return (end->flags & (TOKEN_SPACE | TOKEN_COMMA)) && IN_LIST (running_verbs, verb->folded);
  /* ", la cual emplea", ", el cual gestiona": ", que" in two words. */
  if (IN_LIST (relative_articles, relative->folded) && (relative->flags & TOKEN_SPACE) &&
      (g_str_equal (verb->folded, "cual") || g_str_equal (verb->folded, "cuales")))
    {
      if (last + 3 >= tokens->len || !(verb->flags & TOKEN_SPACE))
        return FALSE;
      return (end->flags & TOKEN_COMMA) &&
             IN_LIST (running_verbs_es, g_array_index (tokens, Token, last + 3).folded);
    }
  if (g_str_equal (relative->folded, "que"))
    return (end->flags & TOKEN_COMMA) && IN_LIST (running_verbs_es, verb->folded);
  if (!g_str_equal (relative->folded, "which") || !(end->flags & TOKEN_COMMA))
    return FALSE;
  if (IN_LIST (running_verbs, verb->folded))
    return TRUE;
  if (g_array_index (tokens, Token, first).flags & TOKEN_INITIAL || first <= from)
    return TRUE;
  before = &g_array_index (tokens, Token, first - 1);
  return (before->flags & TOKEN_COMMA) ||
         ((before->flags & TOKEN_SPACE) && IN_LIST (clause_openers, before->folded));
}

static gboolean role_appositive (GArray *tokens,
                                 guint   at);

/* Whether the run [@first, @last] names a place (see names_place ()),
 * and no actor: not "Downing Street said", "Port Calder said" (a place
 * that speaks is the authority in it). @next is the token after the
 * run. */
static gboolean
is_place (GArray *tokens,
          guint   first,
          guint   last,
          guint   next)
{
  const Token *end = &g_array_index (tokens, Token, last);

  if ((end->flags & TOKEN_SPACE) && next < tokens->len &&
      IN_LIST (reporting_verbs, g_array_index (tokens, Token, next).folded))
    return FALSE;
  /* "Helen Marsh, who chairs the campaign,", "Helen Marsh, a nurse,":
   * a person, whatever her surname. */
  if ((end->flags & TOKEN_COMMA) && next < tokens->len &&
      (IN_LIST (relative_pronouns, g_array_index (tokens, Token, next).folded) ||
       role_appositive (tokens, next)))
    return FALSE;
  /* "merge Wrenford General Hospital with …": a hospital is a building
   * only where something is ("at Aldby General Hospital"). */
  if (name_kind (tokens, first, last) == DOSSIER_STAKEHOLDER_ORGANISATION)
    return FALSE;
  return names_place (tokens, first, last);
}

/* Whether the words before token @at (after @from) put a name there as
 * a place: "at Harwick General", "in the Eskin valley", "cerca de
 * Vigo". */
static gboolean
after_locative (GArray *tokens,
                guint   from,
                guint   at)
{
  const Token *before;

  if (at > from && IN_LIST (articles, g_array_index (tokens, Token, at - 1).folded))
    at--;
  if (at <= from)
    return FALSE;
  before = &g_array_index (tokens, Token, at - 1);
  /* "In Dunmore," opening a sentence as well. */
  if (!(before->flags & TOKEN_SPACE))
    return FALSE;
  if (IN_LIST (locatives, before->folded))
    return TRUE;
  /* "north of Dunmere" */
  if (g_str_equal (before->folded, "of") && at - 1 > from &&
      IN_LIST (places_of, g_array_index (tokens, Token, at - 2).folded))
    return TRUE;
  /* "boats to Corran Sands", "Salt Quay to Ravensholm": where a way
   * goes. */
  if (g_str_equal (before->folded, "to") && at - 1 > from &&
      (g_array_index (tokens, Token, at - 2).flags & TOKEN_SPACE))
    {
      guint k = at - 2;

      if (IN_LIST (ways, g_array_index (tokens, Token, k).folded))
        return TRUE;
      while (k > from && is_name_token (&g_array_index (tokens, Token, k - 1)) &&
             (g_array_index (tokens, Token, k - 1).flags & TOKEN_SPACE))
        k--;
      if (is_name_token (&g_array_index (tokens, Token, at - 2)) && names_place (tokens, k, at - 2))
        return TRUE;
    }
  /* "between Hallow Cross and Dunmere": the first name a place, the
   * second too. */
  for (guint p = 0; p < G_N_ELEMENTS (place_pairs); p++)
    if (g_str_equal (before->folded, place_pairs[p].tie))
      {
        guint k = at - 1;

        while (k > from && is_name_token (&g_array_index (tokens, Token, k - 1)))
          k--;
        if (k < at - 1 && k > from &&
            g_str_equal (g_array_index (tokens, Token, k - 1).folded, place_pairs[p].opener))
          return TRUE;
      }
  return (g_str_equal (before->folded, "de") || g_str_equal (before->folded, "a")) &&
         at - 1 > from && IN_LIST (locatives_two, g_array_index (tokens, Token, at - 2).folded);
}

/* Whether the lower-case words after the name ending at token @last say
 * it names a place there: "the Kell tunnel", "the Marlshire branch", "the
 * Tolland goods yard". */
static gboolean
before_place_noun (GArray *tokens,
                   guint   last)
{
  for (guint k = last + 1; k < tokens->len && k <= last + 2; k++)
    {
      const Token *before = &g_array_index (tokens, Token, k - 1);
      const Token *t = &g_array_index (tokens, Token, k);

      if (!(before->flags & TOKEN_SPACE) || is_name_token (t) || IN_LIST (stop_words, t->folded))
        return FALSE;
      if (IN_LIST (place_nouns, t->folded) || IN_LIST (street_words, t->folded))
        return TRUE;
    }
  return FALSE;
}

/* The kind the words around the run [@first, @last] give it, when they
 * say what it is: a word before it ("the campaign group Clean Air
 * Calder", "the engineering consultancy Halloran & Pike"), an "&" between
 * its words (a firm), or the opening of a campaign's name ("Save the
 * Tarn", "Friends of the Earth"). DOSSIER_STAKEHOLDER_OTHER if none. */
static DossierStakeholderKind
described_kind (GArray   *tokens,
                guint     first,
                guint     last,
                gboolean *by_word)
{
  const Token *a = &g_array_index (tokens, Token, first);
  const Token *b = &g_array_index (tokens, Token, last);

  *by_word = FALSE;
  if (first > 0)
    {
      const Token *before = &g_array_index (tokens, Token, first - 1);
      /* "the campaign Ruiz launched": one word may be anyone's. */
      gboolean alone = first < last || (b->flags & TOKEN_COMMA) || clause_ends (tokens, last + 1) ||
                       (last + 1 < tokens->len &&
                        IN_LIST (reporting_verbs, g_array_index (tokens, Token, last + 1).folded));

      if ((before->flags & (TOKEN_SPACE | TOKEN_OPEN_QUOTE)) && !is_name_token (before) && alone)
        for (guint k = 0; k < G_N_ELEMENTS (descriptors); k++)
          if (g_str_equal (before->folded, descriptors[k].word))
            {
              *by_word = TRUE;
              return descriptors[k].kind;
            }
    }

  for (const char *p = a->p; p < b->p; p++)
    if (*p == '&')
      return DOSSIER_STAKEHOLDER_BUSINESS;

  if (first < last && IN_LIST (campaign_openers, a->folded) &&
      (!g_str_equal (a->folded, "friends") ||
       g_str_equal (g_array_index (tokens, Token, first + 1).folded, "of")))
    return DOSSIER_STAKEHOLDER_CIVIL_SOCIETY;
  return DOSSIER_STAKEHOLDER_OTHER;
}

/* Whether @kind is a body's, not a person's, the public's or unknown. */
static gboolean
names_body (DossierStakeholderKind kind)
{
  return kind != DOSSIER_STAKEHOLDER_OTHER && kind != DOSSIER_STAKEHOLDER_PERSON &&
         kind != DOSSIER_STAKEHOLDER_OFFICIAL && kind != DOSSIER_STAKEHOLDER_PUBLIC;
}

/* Whether a name of a body of @kind, named once, is one to propose: not
 * an outlet's, which a photograph's credit or a byline names too. */
static gboolean
introduces_body (DossierStakeholderKind kind)
{
  return names_body (kind) && kind != DOSSIER_STAKEHOLDER_MEDIA;
}

/* Before what a name is, after it and a comma: "Wild Eskin, a smaller
 * campaign,", "Harrow & Vane, the developer". */
static const char * const appositive_articles[] = { "a", "an", "the", "un", "una", "el", "la" };

/* Words for a body that no person is, after a name and a comma ("Ofwat,
 * the regulator,", "CCW, the consumer watchdog,", "Brenmoor Water, the
 * water company,", "Unison, the union,"), or after "the" for the body
 * named last ("The company said"): the kind each gives. Not "a trader",
 * "an official": someone's. */
static const WordKind body_nouns[] = {
  { "regulator", DOSSIER_STAKEHOLDER_GOVERNMENT }, { "watchdog", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "company", DOSSIER_STAKEHOLDER_BUSINESS }, { "firm", DOSSIER_STAKEHOLDER_BUSINESS },
  { "utility", DOSSIER_STAKEHOLDER_BUSINESS }, { "union", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "charity", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "regulador", DOSSIER_STAKEHOLDER_GOVERNMENT },
  { "empresa", DOSSIER_STAKEHOLDER_BUSINESS }, { "sindicato", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
};

/* Last words of a firm's name that are things, not surnames: "Brenmoor
 * Water", "Kell Energy", "Harlow Buses". */
static const char * const firm_heads[] = {
  "water", "energy", "power", "gas", "electric", "rail", "railways", "buses", "trains",
  "airways", "homes", "foods", "motors", "telecom", "mining", "logistics", "marine", "systems",
};

/* Whether the name @c ends in a thing, not a surname: one of the
 * firm_heads, or a word the text writes in lower case ("Corrow Water"; not
 * "Ana Ruiz"). */
static gboolean
ends_in_thing (Collector       *col,
               const Candidate *c)
{
  const char *last = strrchr (c->key, ' ');

  return last != NULL &&
         (IN_LIST (firm_heads, last + 1) || g_hash_table_contains (col->lower_words, last + 1));
}

/* The kind @folded gives as one of the body_nouns, else
 * DOSSIER_STAKEHOLDER_OTHER. */
static DossierStakeholderKind
body_noun_kind (const char *folded)
{
  const WordKind *found = find_word_kind (body_nouns, G_N_ELEMENTS (body_nouns), folded);

  return found != NULL ? found->kind : DOSSIER_STAKEHOLDER_OTHER;
}

/* The kind a body noun beside the name [@first, @last] (after @from)
 * gives it, set apart by commas, with an article and perhaps a word or
 * two before it: after the name ("Ofwat, the regulator, said", "CCW, the
 * consumer watchdog,") or before it ("the regulator, Ofwat, said"; then
 * not "Separately, the regulator, Ofwat,", which is Ofwat's).
 * DOSSIER_STAKEHOLDER_OTHER if there is none. */
static DossierStakeholderKind
body_noun_beside (GArray *tokens,
                  guint   from,
                  guint   first,
                  guint   last)
{
  const Token *end = &g_array_index (tokens, Token, last);

  /* After: ", the consumer watchdog," or the clause's end. */
  if ((end->flags & TOKEN_COMMA) && last + 2 < tokens->len &&
      IN_LIST (appositive_articles, g_array_index (tokens, Token, last + 1).folded) &&
      (g_array_index (tokens, Token, last + 1).flags & TOKEN_SPACE))
    for (guint k = last + 2; k < tokens->len && k <= last + 4; k++)
      {
        const Token *w = &g_array_index (tokens, Token, k);
        gboolean ends = (w->flags & TOKEN_COMMA) || clause_ends (tokens, k + 1);

        if (is_name_token (w) || (w->flags & TOKEN_POSSESSIVE))
          break;
        if (ends)
          {
            if (body_noun_kind (w->folded) == DOSSIER_STAKEHOLDER_OTHER ||
                (k + 1 < tokens->len && (w->flags & TOKEN_COMMA) &&
                 is_name_token (&g_array_index (tokens, Token, k + 1))))
              break;
            return body_noun_kind (w->folded);
          }
        if (!(w->flags & TOKEN_SPACE))
          break;
      }

  /* Before: "the regulator, Ofwat," and the name alone in its clause. */
  if (first >= from + 2 && (g_array_index (tokens, Token, first - 1).flags & TOKEN_COMMA) &&
      body_noun_kind (g_array_index (tokens, Token, first - 1).folded) != DOSSIER_STAKEHOLDER_OTHER &&
      ((end->flags & TOKEN_COMMA) || clause_ends (tokens, last + 1)))
    for (guint k = first - 2; k >= from && k + 4 > first; k--)
      {
        const Token *w = &g_array_index (tokens, Token, k);

        if (!(w->flags & TOKEN_SPACE) || is_name_token (w))
          break;
        if (IN_LIST (articles, w->folded))
          return body_noun_kind (g_array_index (tokens, Token, first - 1).folded);
        if (k == 0)
          break;
      }
  return DOSSIER_STAKEHOLDER_OTHER;
}

/* "The company said", "the regulator's figures", at token @at: the body
 * named last in this sentence or the one before, if nothing says it is
 * someone, is called so, and is of that kind unless its words say
 * another (see group_kind ()). */
static void
note_called (Collector *col,
             GArray    *tokens,
             guint      from,
             guint      at)
{
  const Token *t = &g_array_index (tokens, Token, at);
  const Token *article;
  DossierStakeholderKind kind = body_noun_kind (t->folded);
  Candidate *c = col->last_actor;

  if (kind == DOSSIER_STAKEHOLDER_OTHER || at <= from || c == NULL ||
      col->last_actor_sentence + 1 < col->sentence_of[at])
    return;
  article = &g_array_index (tokens, Token, at - 1);
  if (!(article->flags & TOKEN_SPACE) || !g_str_equal (article->folded, "the"))
    return;
  if (c->titled || c->gender != GENDER_UNKNOWN || (c->person && c->introduced) ||
      c->called != DOSSIER_STAKEHOLDER_OTHER)
    return;
  c->called = kind;
}

/* Whether @folded is the last word of a person's full name seen before
 * ("osei" of "Helen Osei"). */
static gboolean
surname_of_named (Collector  *col,
                  const char *folded)
{
  gsize len = strlen (folded);

  for (guint i = 0; i < col->candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (col->candidates, i);
      gsize key_len = strlen (c->key);

      if (c->person && c->n_words >= 2 && key_len > len + 1 &&
          g_str_equal (c->key + key_len - len, folded) && c->key[key_len - len - 1] == ' ')
        return TRUE;
    }
  return FALSE;
}


/* Spanish words for what someone is whose endings are a thing's too:
 * "-ica" and "-ico" ("la técnica", not "la fábrica" nor "una empresa
 * pública"), "-ada", "-aria", "-ente" ("la encargada", "la funcionaria",
 * "la gerente", not "la entrada", "la agraria", "la fuente"). */
static const char * const person_words_es[] = {
  "tecnica", "tecnico", "politica", "politico", "medica", "medico", "quimica", "quimico",
  "fisica", "fisico", "mecanica", "mecanico", "cientifica", "cientifico", "academica",
  "academico", "informatica", "informatico", "farmaceutica", "farmaceutico", "biologa",
  "biologo", "geologa", "geologo", "psicologa", "psicologo", "arqueologa", "arqueologo",
  "delegada", "delegado", "encargada", "encargado", "empleada", "empleado", "funcionaria",
  "funcionario", "propietaria", "propietario", "bibliotecaria", "bibliotecario", "voluntaria",
  "voluntario", "gerente", "agente", "dirigente", "residente", "arquitecta", "arquitecto",
  "ciudadana", "ciudadano", "decana", "decano", "maestra", "maestro",
};

/* Before a Spanish noun, whose adjectives follow it: "la técnica
 * municipal", "una médica jubilada". */
static const char * const spanish_determiners[] = { "el", "la", "su", "sus", "un", "una" };

/* Words for what someone is or does: titles ("secretary", "vecina"), and
 * nouns with a person's ending ("hydrologist", "farmer", "economist",
 * "investigadora"), not a thing's ("river", "department"). */
static gboolean
is_person_noun (const char *folded)
{
  static const char * const endings[] = {
    "ist", "er", "or", "ian", "ant", "ent", "man", "woman", "ee", "ess", "ista", "ero", "era",
    "ora", "dor",
  };
  static const char * const things[] = {
    "river", "water", "border", "quarter", "center", "corner", "tower", "theater", "order",
    "power", "paper", "number", "matter", "letter", "sector", "factor", "error", "floor", "door",
    "event", "winter", "summer", "cluster", "chapter", "shelter", "harbor", "meter", "litter",
    "other", "another", "former", "further", "rather", "never", "ever", "however", "after",
    "under", "over", "per", "for", "or", "nor", "major", "minor", "interior", "exterior",
    "calendar", "dinner", "number", "percent", "cent", "recent", "frequent", "urgent", "silent",
    "dependent", "independent", "current", "different", "present", "consent", "content",
    "extent", "intent", "talent", "plant", "giant", "ant", "grant", "want", "distant",
    "important", "significant", "vacant", "valor", "color", "colour", "flavor", "labor",
    "motor", "mirror", "horror", "sera", "era", "para", "pero", "primera", "tercera", "entera",
    "madera", "carretera", "frontera", "manera", "bandera", "mayor", "menor", "peor", "mejor",
    "exterior", "anterior", "posterior", "superior", "inferior",
  };

  for (guint t = 0; t < G_N_ELEMENTS (titles); t++)
    if (g_str_equal (titles[t].words, folded))
      return TRUE;
  if (IN_LIST (person_words_es, folded))
    return TRUE;
  if (IN_LIST (group_words, folded) || IN_LIST (things, folded) ||
      g_str_has_suffix (folded, "ment") || g_utf8_strlen (folded, -1) < 4)
    return FALSE;
  for (guint e = 0; e < G_N_ELEMENTS (endings); e++)
    if (g_str_has_suffix (folded, endings[e]))
      return TRUE;
  return FALSE;
}

/* Whether the words from @at, after a name and a comma, say what someone
 * is: "a hydrologist at Dunmore University,", "an economist who …", "a
 * dairy farmer,", "una vecina del barrio". Not "a smaller campaign," nor
 * "a city of …". */
static gboolean
role_appositive (GArray *tokens,
                 guint   at)
{
  static const char * const indefinite[] = { "a", "an", "un", "una" };
  guint k;

  if (at + 1 >= tokens->len || !IN_LIST (indefinite, g_array_index (tokens, Token, at).folded) ||
      !(g_array_index (tokens, Token, at).flags & TOKEN_SPACE))
    return FALSE;
  for (k = at + 1; k < tokens->len && k <= at + 4; k++)
    {
      const Token *t = &g_array_index (tokens, Token, k);
      const Token *next = k + 1 < tokens->len ? &g_array_index (tokens, Token, k + 1) : NULL;

      if (is_name_token (t) || (t->flags & TOKEN_INITIAL))
        return FALSE;
      /* The last word before a comma, a tie or "who" is what she is. */
      if ((t->flags & TOKEN_COMMA) || next == NULL || (next->flags & TOKEN_INITIAL) ||
          ((t->flags & TOKEN_SPACE) &&
           (is_title_tie (tokens, k + 1) || IN_LIST (relative_pronouns, next->folded))))
        return is_person_noun (t->folded) ||
               /* "un mecánico jubilado,": the noun first. */
               (k > at + 1 &&
                IN_LIST (spanish_determiners, g_array_index (tokens, Token, at).folded) &&
                is_person_noun (g_array_index (tokens, Token, at + 1).folded));
      if (!(t->flags & TOKEN_SPACE))
        return FALSE;
    }
  return FALSE;
}

/* Whether the name that starts at token @first (after any title) ends
 * the words that say what someone named before is: "Sarah Lindqvist, a
 * hydrologist at Dunmore University", "Ruth Kimathi, secretary of the
 * Eskin Valley Farmers' Union", "Nils Berg, the president of Norland".
 * Not "Ana Ruiz of the … Association" (no role: she may only live
 * there). What is said after it is hers, not its. */
static gboolean
in_description (GArray *tokens,
                guint   from,
                guint   first)
{
  guint k = first;
  const Token *head;

  if (k > from && IN_LIST (articles, g_array_index (tokens, Token, k - 1).folded))
    k--;
  if (k < from + 2 || !is_title_tie (tokens, k - 1) ||
      (g_array_index (tokens, Token, k - 1).flags & TOKEN_INITIAL))
    return FALSE;
  head = &g_array_index (tokens, Token, k - 2);
  if (is_name_token (head) || !(head->flags & TOKEN_SPACE) || !is_person_noun (head->folded))
    return FALSE;
  /* Back to the comma after her name. */
  for (guint j = k - 2; j > from && j + 6 > k; j--)
    {
      const Token *before = &g_array_index (tokens, Token, j - 1);

      if (g_array_index (tokens, Token, j).flags & TOKEN_INITIAL)
        return FALSE;
      if (before->flags & TOKEN_COMMA)
        return is_name_token (before);
      if (is_name_token (before) || !(before->flags & TOKEN_SPACE))
        return FALSE;
    }
  return FALSE;
}

/* Whether the name that starts at token @first is where someone named
 * before works (see in_description ()): not "the president of Norland",
 * an office of a state, which @kind, the name's, says is no body of that
 * sort. */
static gboolean
in_role_appositive (GArray                 *tokens,
                    guint                   from,
                    guint                   first,
                    DossierStakeholderKind  kind)
{
  if (kind != DOSSIER_STAKEHOLDER_BUSINESS && kind != DOSSIER_STAKEHOLDER_CIVIL_SOCIETY &&
      kind != DOSSIER_STAKEHOLDER_MEDIA && kind != DOSSIER_STAKEHOLDER_ORGANISATION)
    return FALSE;
  return in_description (tokens, from, first);
}

/* Whether the name that starts at token @first is where people the text
 * speaks of work or study: "Researchers at Halvergate University who
 * studied…", "doctors from the Northvale trust", "officials of the
 * Ministry". */
static gboolean
people_at (GArray *tokens,
           guint   from,
           guint   first)
{
  static const char * const ties[] = { "at", "from", "of", "de", "del" };
  guint k = first;
  const Token *people;
  g_autofree char *one = NULL;

  if (k > from && IN_LIST (articles, g_array_index (tokens, Token, k - 1).folded))
    k--;
  if (k < from + 2 || !IN_LIST (ties, g_array_index (tokens, Token, k - 1).folded) ||
      (g_array_index (tokens, Token, k - 1).flags & TOKEN_INITIAL))
    return FALSE;
  people = &g_array_index (tokens, Token, k - 2);
  if (is_name_token (people) && !(people->flags & TOKEN_INITIAL))
    return FALSE;
  if (!(people->flags & TOKEN_SPACE) || !g_str_has_suffix (people->folded, "s"))
    return FALSE;
  /* "researchers", "scientists", "investigadores": a person's noun in the
   * plural. */
  one = g_strndup (people->folded, strlen (people->folded) - 1);
  if (is_person_noun (one))
    return TRUE;
  if (g_str_has_suffix (one, "e"))
    {
      one[strlen (one) - 1] = '\0';
      return is_person_noun (one);
    }
  return FALSE;
}

/* Words before a title that are no name: "Local MP Daniel Okafor",
 * "Former Mayor Ada Pell". */
static const char * const title_modifiers[] = {
  "local", "former", "ex", "veteran", "senior", "junior", "then", "acting", "interim",
  "outgoing", "incoming", "retired", "late", "new", "longtime", "longstanding",
};

/* Words for a party before an office: "Labour MP Jane Doe", "Republican
 * Senator Hal Briggs". */
static const char * const party_words[] = {
  "labour", "conservative", "tory", "liberal", "democrat", "democratic", "republican", "green",
  "snp", "plaid", "reform", "socialist", "independent",
};

/* Offices written after the name: "Jane Doe MP". */
static const char * const titles_after_name[] = { "mp", "mep", "msp" };

/* Where a title starts after one or two words of the run [@first, @last]
 * that open it ("Local MP Daniel Okafor", "Labour MP Jane Doe"), with a
 * name of two words or more after it; @first if none. Words that only
 * say when or where she holds it are dropped, another name ("Labour") is
 * noted as one. */
static guint
title_after_words (Collector *col,
                   GArray    *tokens,
                   guint      first,
                   guint      last,
                   guint     *title_len,
                   TitleKind *title_kind)
{
  for (guint k = first + 1; k <= first + 2 && k < last; k++)
    {
      TitleKind kind = TITLE_NONE;
      guint n = title_at (tokens, k, last + 1, &kind);
      gboolean modifiers = TRUE;

      if (!is_name_token (&g_array_index (tokens, Token, k - 1)))
        return first;
      if (n == 0 || k + n >= last)
        continue;
      /* A person's plain name after it, not "General Hospital". */
      for (guint j = k + n; j <= last; j++)
        {
          DossierStakeholderKind name_kind;

          if (!is_name_token (&g_array_index (tokens, Token, j)) ||
              name_word_kind (g_array_index (tokens, Token, j).folded, &name_kind))
            return first;
        }
      for (guint j = first; j < k; j++)
        modifiers = modifiers && IN_LIST (title_modifiers, g_array_index (tokens, Token, j).folded);
      /* "Labour" of "Labour MP Jane Doe": what she is, not an actor of its
       * own unless the text names it alone too (see plausible ()); a
       * party then. */
      if (!modifiers)
        {
          Candidate *words = note_name (col, tokens, first, k - 1, first, TITLE_NONE);
          gboolean party = FALSE;

          words->n_before_title++;
          for (guint j = first; j < k; j++)
            party = party || IN_LIST (party_words, g_array_index (tokens, Token, j).folded);
          if (party && words->kind == DOSSIER_STAKEHOLDER_OTHER)
            words->kind = DOSSIER_STAKEHOLDER_PARTY;
        }
      *title_len = n;
      *title_kind = kind;
      return k;
    }
  return first;
}

/* "el ayuntamiento de Villalba" (in lower case), "The town of Brackwater
 * has agreed", "…, and the city of Harlow will pay": the town's council
 * ("Ayuntamiento de Villalba", "Brackwater council"), an actor, at token
 * @at. In English only where the town opens its clause and does
 * something: not "in the town of Brackwater", its people or its streets.
 * Returns the town's last token, 0 if @at opens no such body. */
static guint
note_town_body (Collector *col,
                GArray    *tokens,
                guint      from,
                guint      at)
{
  const Token *t = &g_array_index (tokens, Token, at);
  gboolean spanish = g_str_equal (t->folded, "ayuntamiento");
  const Token *tie, *end;
  guint last;
  Candidate *c;
  g_autofree char *town = NULL;
  g_autofree char *name = NULL;
  g_autofree char *form = NULL;

  if (!spanish && !g_str_equal (t->folded, "town") && !g_str_equal (t->folded, "city"))
    return 0;
  if (!(t->flags & TOKEN_SPACE) || at + 2 >= tokens->len)
    return 0;
  tie = &g_array_index (tokens, Token, at + 1);
  if (!(tie->flags & TOKEN_SPACE) || !g_str_equal (tie->folded, spanish ? "de" : "of") ||
      !is_name_token (&g_array_index (tokens, Token, at + 2)) ||
      (g_array_index (tokens, Token, at + 2).flags & TOKEN_INITIAL))
    return 0;
  /* "en el ayuntamiento de Soria": the building. */
  if (spanish && after_locative (tokens, from, at))
    return 0;
  last = name_run_end (tokens, at + 2);
  end = &g_array_index (tokens, Token, last);
  if (!spanish)
    {
      const Token *article = at > from ? &g_array_index (tokens, Token, at - 1) : NULL;
      const Token *before = at > from + 1 ? &g_array_index (tokens, Token, at - 2) : NULL;
      const Token *next = last + 1 < tokens->len ? &g_array_index (tokens, Token, last + 1) : NULL;

      if (article == NULL || !g_str_equal (article->folded, "the") ||
          !(article->flags & TOKEN_SPACE) ||
          !((article->flags & TOKEN_INITIAL) ||
            (before != NULL && ((before->flags & TOKEN_COMMA) || IN_LIST (list_ands, before->folded)))))
        return 0;
      if (next == NULL || (next->flags & TOKEN_INITIAL) ||
          !((end->flags & TOKEN_COMMA) ||
            ((end->flags & TOKEN_SPACE) && !is_name_token (next) &&
             !IN_LIST (stop_words, next->folded) && !IN_LIST (connectors, next->folded))))
        return 0;
    }

  town = span_text (&g_array_index (tokens, Token, at + 2), end);
  name = spanish ? g_strconcat ("Ayuntamiento de ", town, NULL) : g_strconcat (town, " council", NULL);
  form = g_strndup (t->p, end->p + end->len - t->p);
  c = candidate_get (col, name, t->start, end->end);
  c->n_seen++;
  c->n_seen_inside++;
  c->compound = !spanish;
  c->introduced = TRUE;
  c->kind = DOSSIER_STAKEHOLDER_GOVERNMENT;
  candidate_add_form (c, name);
  candidate_add_form (c, form);
  return last;
}

/* Heads of a role that is no title and has no person's ending: "chief
 * executive", "head of policy". */
static const char * const role_heads[] = { "head", "executive", "chief", "boss", "clerk" };

/* Whether the words that end at token @at, before a comma and a name, say
 * what someone is at a body or is in the story, as a title would: "its
 * coordinator, Ruth Okafor", "the group's organiser, Tom Reyes", "said the
 * engineer, Jo Hale", and in two or three words, "its operations manager,
 * Colin Varga", "their head of policy, Imran Sethi". *@start is the
 * role's first word. Not a firm's word ("said the developer, Harrow
 * Homes", "the ferry operator, Kestrel Line"), nor the last words of a
 * list ("its cooks, kitchen porters, Quayside Catering"). */
static gboolean
role_before_name (GArray *tokens,
                  guint   from,
                  guint   at,
                  guint  *start)
{
  static const char * const owners[] = { "its", "their", "his", "her", "su", "sus" };
  const Token *t = &g_array_index (tokens, Token, at);
  const Token *head = t, *before;
  guint first = at;

  if (at <= from || at + 1 >= tokens->len || !(t->flags & TOKEN_COMMA) || is_name_token (t) ||
      (t->flags & TOKEN_INITIAL))
    return FALSE;
  /* Back over the role's other words to what it is of: "its", "the
   * group's", "said the". */
  for (;;)
    {
      before = &g_array_index (tokens, Token, first - 1);
      if (!(before->flags & TOKEN_SPACE) && !(before->flags & TOKEN_POSSESSIVE))
        return FALSE;
      if ((before->flags & TOKEN_POSSESSIVE) || IN_LIST (owners, before->folded) ||
          IN_LIST (articles, before->folded))
        break;
      /* "head of policy": what comes before "of" is the role's head. */
      if (is_title_tie (tokens, first - 1) && first == at && first - 1 > from + 1)
        head = &g_array_index (tokens, Token, first - 2);
      else if (is_name_token (before) || (before->flags & TOKEN_INITIAL) ||
               IN_LIST (stop_words, before->folded) ||
               IN_LIST (reporting_verbs, before->folded))
        return FALSE;
      if (at - first >= 2 || first - 1 <= from)
        return FALSE;
      first--;
    }
  /* "la técnica municipal": in Spanish the noun comes first. */
  if (head == t && first < at && IN_LIST (spanish_determiners, before->folded) &&
      !is_person_noun (head->folded))
    head = &g_array_index (tokens, Token, first);
  if (!(is_person_noun (head->folded) || IN_LIST (role_heads, head->folded)) ||
      is_descriptor (head->folded) || is_descriptor (t->folded))
    return FALSE;
  *start = first;
  /* "its coordinator", "the group's coordinator" */
  if ((before->flags & TOKEN_POSSESSIVE) || IN_LIST (owners, before->folded))
    return TRUE;
  /* "said the engineer", "according to the engineer" */
  return first - 1 > from && quoted_before (tokens, from, first, at);
}

/* After a role and a comma ("its owner, Calder Ports", "its tenant,
 * Marlow Boatyard, which repairs boats"), the name of two words or more
 * from @start, to *@end, when it is a body's: its words say so, ", which"
 * follows, or the text has named it as a body before. Noted as the
 * body's (an organisation unless its words say more), introduced; NULL
 * if the name is no body's. */
static Candidate *
note_role_body (Collector *col,
                GArray    *tokens,
                guint      from,
                guint      start,
                guint     *end)
{
  guint last = name_run_end (tokens, start);
  gboolean thing;
  Candidate *known, *c;

  if (start >= tokens->len || !is_name_token (&g_array_index (tokens, Token, start)) ||
      last == start)
    return NULL;
  thing = which_not_who (tokens, from, start, last);
  {
    g_autofree char *name = span_text (&g_array_index (tokens, Token, start),
                                       &g_array_index (tokens, Token, last));
    g_autofree char *key = dossier_text_fold (name);

    known = g_hash_table_lookup (col->by_key, key);
  }
  if (!thing && name_kind (tokens, start, last) == DOSSIER_STAKEHOLDER_OTHER &&
      !(known != NULL && !known->person &&
        (known->thing || introduces_body (known->kind))))
    return NULL;
  c = note_name (col, tokens, start, last, start, TITLE_NONE);
  c->introduced = TRUE;
  c->thing = c->thing || thing;
  if (c->kind == DOSSIER_STAKEHOLDER_OTHER)
    c->kind = DOSSIER_STAKEHOLDER_ORGANISATION;
  *end = last;
  return c;
}

/* Offices that are public wherever they are held: a port company's
 * harbour master is one, as its secretary or president is not. */
static const char * const offices_anywhere[] = {
  "harbour master", "harbor master", "harbourmaster", "harbormaster", "capitan de puerto",
  "fire officer", "chief fire officer", "fire chief", "police chief", "chief of police",
  "chief constable", "chief inspector", "superintendent", "chief medical officer",
};

/* Whether the title at token @at is "its" (or "su", "their") office at
 * a union, company or body of @body_kind, and no public office: "The
 * Eskin Valley Farmers' Union has filed an objection, and its secretary,
 * Ruth Kimathi," — hers is a role, not an official's; "Calder Ports …,
 * said its harbour master, Ivo Brandt" is an official's. "The union's
 * district secretary" is the union's whatever body was named last. */
static gboolean
office_at_body (GArray                 *tokens,
                guint                   at,
                DossierStakeholderKind  body_kind)
{
  static const char * const owners[] = { "its", "su", "their", "sus" };
  g_autoptr(GString) words = g_string_new (NULL);
  const Token *owner = at > 0 ? &g_array_index (tokens, Token, at - 1) : NULL;
  TitleKind title;
  guint n;
  int body;

  /* "its district secretary": a word of where between. */
  if (at >= 2 && !is_name_token (owner) && (owner->flags & TOKEN_SPACE) &&
      !IN_LIST (stop_words, owner->folded) && find_body (owner->folded) < 0)
    owner = &g_array_index (tokens, Token, at - 2);
  /* "Their spokesperson", "The union's district secretary": the body's
   * own word says what it is. */
  if (owner != NULL && !is_name_token (owner) && (owner->flags & TOKEN_POSSESSIVE) &&
      (body = find_body (owner->folded)) >= 0)
    body_kind = bodies[body].kind;
  else if (owner == NULL || !IN_LIST (owners, owner->folded))
    return FALSE;
  n = title_at (tokens, at, tokens->len, &title);
  for (guint k = at; k < at + n; k++)
    g_string_append_printf (words, "%s%s", k > at ? " " : "",
                            g_array_index (tokens, Token, k).folded);
  if (n > 0 && IN_LIST (offices_anywhere, words->str))
    return FALSE;
  return body_kind == DOSSIER_STAKEHOLDER_BUSINESS ||
         body_kind == DOSSIER_STAKEHOLDER_CIVIL_SOCIETY ||
         body_kind == DOSSIER_STAKEHOLDER_MEDIA || body_kind == DOSSIER_STAKEHOLDER_ORGANISATION;
}

/* Reads the words of one block. */
/* Whether the title at token @at is "its" (or "su") office at the union,
 * company or body named last (see office_at_body ()). */
static gboolean
of_body_named_last (Collector *col,
                    GArray    *tokens,
                    guint      at)
{
  return col->last_named != NULL && office_at_body (tokens, at, col->last_named->kind);
}

/* The kind the words of the last name before token @at say ("Marle
 * Dockers' Union", "Calder Ports"), for the picker, that has no
 * Collector's last name: see of_body_named_last (). */
static DossierStakeholderKind
kind_of_name_before (GArray *tokens,
                     guint   at)
{
  guint last = at, first;

  while (last > 0 && !is_name_token (&g_array_index (tokens, Token, last - 1)))
    last--;
  if (last == 0)
    return DOSSIER_STAKEHOLDER_OTHER;
  first = --last;
  while (first > 0 && (g_array_index (tokens, Token, first - 1).flags & TOKEN_SPACE) &&
         is_name_token (&g_array_index (tokens, Token, first - 1)))
    first--;
  return name_kind (tokens, first, last);
}

/* What bodies of a kind in the plural say their examples are: "campaign
 * groups including …", "businesses such as …", "empresas como …". */
static const WordKind listing_words[] = {
  { "groups", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "campaigns", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "charities", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "coalitions", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "movements", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "unions", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "organisations", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "organizations", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "firms", DOSSIER_STAKEHOLDER_BUSINESS }, { "companies", DOSSIER_STAKEHOLDER_BUSINESS },
  { "businesses", DOSSIER_STAKEHOLDER_BUSINESS }, { "operators", DOSSIER_STAKEHOLDER_BUSINESS },
  { "developers", DOSSIER_STAKEHOLDER_BUSINESS }, { "retailers", DOSSIER_STAKEHOLDER_BUSINESS },
  { "newspapers", DOSSIER_STAKEHOLDER_MEDIA }, { "broadcasters", DOSSIER_STAKEHOLDER_MEDIA },
  { "grupos", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "colectivos", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "plataformas", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "asociaciones", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY }, { "empresas", DOSSIER_STAKEHOLDER_BUSINESS },
};

/* Where a list of examples opens at token @at ("including", "such as",
 * "como") after a listing word, the names in it (each perhaps after
 * "the", between commas, "and" or "or") are of its kind: notes the list's
 * last token in @col. */
static void
note_listing (Collector *col,
              GArray    *tokens,
              guint      from,
              guint      at)
{
  static const char * const openers[] = { "including", "like", "incluidos", "incluidas", "como" };
  const Token *opener = &g_array_index (tokens, Token, at);
  const Token *before;
  guint k = at + 1, end = 0;
  int word = -1;

  if (at <= from || !(opener->flags & TOKEN_SPACE))
    return;
  /* "such as" */
  if (g_str_equal (opener->folded, "such") && k < tokens->len &&
      g_str_equal (g_array_index (tokens, Token, k).folded, "as") &&
      (g_array_index (tokens, Token, k).flags & TOKEN_SPACE))
    k++;
  else if (!IN_LIST (openers, opener->folded))
    return;
  before = &g_array_index (tokens, Token, at - 1);
  if (!(before->flags & (TOKEN_SPACE | TOKEN_COMMA)))
    return;
  for (guint w = 0; w < G_N_ELEMENTS (listing_words); w++)
    if (g_str_equal (before->folded, listing_words[w].word))
      word = w;
  if (word < 0)
    return;

  while (k < tokens->len)
    {
      const Token *last;

      if (IN_LIST (articles, g_array_index (tokens, Token, k).folded) &&
          (g_array_index (tokens, Token, k).flags & TOKEN_SPACE) && k + 1 < tokens->len)
        k++;
      if (!is_name_token (&g_array_index (tokens, Token, k)) ||
          (g_array_index (tokens, Token, k).flags & TOKEN_INITIAL))
        break;
      /* The name, "of" and "the" inside it. */
      for (;;)
        {
          guint next;

          k = name_run_end (tokens, k);
          next = k + 1;
          while (next + 1 < tokens->len && (g_array_index (tokens, Token, next - 1).flags & TOKEN_SPACE) &&
                 IN_LIST (connectors, g_array_index (tokens, Token, next).folded) && next - k <= 2)
            next++;
          if (next == k + 1 || next >= tokens->len ||
              !(g_array_index (tokens, Token, next - 1).flags & TOKEN_SPACE) ||
              !is_name_token (&g_array_index (tokens, Token, next)))
            break;
          k = next;
        }
      end = k;
      last = &g_array_index (tokens, Token, k);
      if ((last->flags & TOKEN_COMMA) && k + 1 < tokens->len)
        {
          k++;
          if (IN_LIST (list_ands, g_array_index (tokens, Token, k).folded) &&
              (g_array_index (tokens, Token, k).flags & TOKEN_SPACE))
            k++;
          continue;
        }
      if ((last->flags & TOKEN_SPACE) && k + 2 < tokens->len &&
          IN_LIST (list_ands, g_array_index (tokens, Token, k + 1).folded) &&
          (g_array_index (tokens, Token, k + 1).flags & TOKEN_SPACE))
        {
          k += 2;
          continue;
        }
      break;
    }
  if (end > 0)
    {
      col->list_end = end + 1;
      col->list_kind = listing_words[word].kind;
    }
}

/* Whether @key (folded) is a place the text has named: only ever where
 * something is, or the first words of such a name ("Haddon" of "at
 * Haddon Reservoir"). */
static gboolean
known_place (Collector  *col,
             const char *key)
{
  gsize len = strlen (key);

  for (guint k = 0; k < col->candidates->len; k++)
    {
      const Candidate *c = g_ptr_array_index (col->candidates, k);

      if ((c->place || c->n_located > 0) &&
          strncmp (c->key, key, len) == 0 && (c->key[len] == '\0' || c->key[len] == ' '))
        return TRUE;
    }
  return FALSE;
}

/* Whether the run [@first, @last], opening a sentence or a quote, is a
 * word that is no name and then a place: "“Dredging Haddon would win
 * back half …”", "Rebuilding Marrow Bridge". The first word's capital
 * only opens the sentence: a verb's -ing form, or a word the text has
 * written in lower case; what follows it the text names as a place, or
 * its words say is one. No actor, and no one "she said" may mean. */
static gboolean
word_then_place (Collector *col,
                 GArray    *tokens,
                 guint      first,
                 guint      last)
{
  const Token *opener = &g_array_index (tokens, Token, first);
  gsize len = strlen (opener->folded);
  gboolean opens = (opener->flags & TOKEN_INITIAL) ||
                   (first > 0 && is_opening_quote (g_utf8_get_char (g_utf8_prev_char (opener->p))));
  gboolean verb_form = FALSE;
  g_autofree char *rest = NULL, *key = NULL;

  if (last == first || !opens || (opener->flags & TOKEN_ACRONYM) ||
      name_kind (tokens, first, last) != DOSSIER_STAKEHOLDER_OTHER)
    return FALSE;
  /* "Dredging", "Closing": a vowel before the -ing ("String" is no
   * verb's form of it). */
  if (len >= 6 && g_str_has_suffix (opener->folded, "ing"))
    for (gsize k = 0; k < len - 3 && !verb_form; k++)
      verb_form = strchr ("aeiouy", opener->folded[k]) != NULL;
  if (!verb_form && !g_hash_table_contains (col->lower_words, opener->folded))
    return FALSE;
  rest = span_text (&g_array_index (tokens, Token, first + 1), &g_array_index (tokens, Token, last));
  key = dossier_text_fold (rest);
  return known_place (col, key) || names_place (tokens, first + 1, last);
}

/* ---- Groups of people ------------------------------------------------------ */

/* Bodies of people, besides the public's, that an article may have act
 * as a group: "Shopkeepers on Bridge Street said". */
static const char * const group_people[] = {
  "shopkeepers", "traders", "merchants", "employers", "investors", "activists", "protesters",
  "campaigners", "comerciantes", "empresarios", "hosteleros",
};

/* The small words that may open a sentence before the group that is its
 * subject: "The parents", "Some fishermen", "Los vecinos" (the other stop
 * words do not: "Unlike parents", "For parents"). */
static const char * const group_determiners[] = {
  "the", "some", "many", "most", "all", "both", "other", "los", "las", "unos", "unas",
};

/* Before the place that says which of a group: "Fishermen in Porthwen". */
static const char * const group_places[] = { "in", "at", "on", "en", "de", "del" };

/* Whether token @i opens "the residents of Kell", "los vecinos de
 * Valdecruces": Kell's people (see community_names ()). */
static gboolean
people_of_place (GArray *tokens,
                 guint   i)
{
  const char *tie = i + 1 < tokens->len ? g_array_index (tokens, Token, i + 1).folded : "";

  return IN_LIST (community_people, g_array_index (tokens, Token, i).folded) &&
         (g_str_equal (tie, "of") || g_str_equal (tie, "de"));
}

static gboolean
is_group_of_people (const Body *body)
{
  return body->kind == DOSSIER_STAKEHOLDER_PUBLIC || IN_LIST (group_people, body->plural);
}

/* The last token of the place that says which of a group (the token @i)
 * the text means: "in Porthwen", "on Bridge Street"; @i if none. */
static guint
group_place_end (GArray *tokens,
                 guint   i)
{
  guint end = i + 2;

  if (end >= tokens->len || !(g_array_index (tokens, Token, i).flags & TOKEN_SPACE) ||
      !(g_array_index (tokens, Token, i + 1).flags & TOKEN_SPACE) ||
      !IN_LIST (group_places, g_array_index (tokens, Token, i + 1).folded) ||
      !is_name_token (&g_array_index (tokens, Token, end)) ||
      IN_LIST (stop_words, g_array_index (tokens, Token, end).folded))
    return i;
  while (end + 1 < tokens->len && (g_array_index (tokens, Token, end).flags & TOKEN_SPACE) &&
         is_name_token (&g_array_index (tokens, Token, end + 1)))
    end++;
  /* "Campaigners from Save Brackley Fields", "Nurses at Holbrook General
   * Hospital": a body, no place, and an actor of its own. */
  for (guint k = i + 2; k <= end; k++)
    {
      DossierStakeholderKind kind;

      if (name_word_kind (g_array_index (tokens, Token, k).folded, &kind) ||
          IN_LIST (campaign_openers, g_array_index (tokens, Token, k).folded))
        return i;
    }
  return end;
}

/* Whether the group of people at token @i (its place, if any, ending at
 * @end) acts where the text names it: as its sentence's subject ("Parents
 * who now pay … would save", "Head teachers at all six schools backed",
 * "Los vecinos del barrio no lo ven igual"), or speaking ("fishermen
 * said", "said parents"). Not as a possessive ("the parents' evening"),
 * nor in a table's cell. */
static gboolean
group_acts (Collector *col,
            GArray    *tokens,
            guint      from,
            guint      i,
            guint      end)
{
  const Token *t = &g_array_index (tokens, Token, i);
  const Token *last = &g_array_index (tokens, Token, end);
  guint start = i;

  if (col->table_row || (t->flags & TOKEN_POSSESSIVE) ||
      is_apostrophe (g_utf8_get_char (t->p + t->len)))
    return FALSE;
  if (end + 1 < tokens->len && (last->flags & TOKEN_SPACE) &&
      (IN_LIST (reporting_verbs, g_array_index (tokens, Token, end + 1).folded) ||
       IN_LIST (plural_reporting_verbs, g_array_index (tokens, Token, end + 1).folded)))
    return TRUE;
  if (i > from && (g_array_index (tokens, Token, i - 1).flags & TOKEN_SPACE) &&
      IN_LIST (attributing_words, g_array_index (tokens, Token, i - 1).folded))
    return TRUE;
  while (start > from && i - start < 2 && !(g_array_index (tokens, Token, start).flags & TOKEN_INITIAL))
    start--;
  if (!(g_array_index (tokens, Token, start).flags & TOKEN_INITIAL))
    return FALSE;
  for (guint k = start; k < i; k++)
    {
      const Token *w = &g_array_index (tokens, Token, k);

      if (!(w->flags & TOKEN_SPACE) || (w->flags & TOKEN_ACRONYM) || (k > start && is_name_token (w)) ||
          (IN_LIST (stop_words, w->folded) && !IN_LIST (group_determiners, w->folded)))
        return FALSE;
    }
  return TRUE;
}

/* A body of people on its own at token @i ("the cartels"), with the word
 * before it if that word modifies it ("drug cartels", "Head teachers"
 * opening a sentence); a group of people that acts, with the place that
 * says which ("Fishermen in Porthwen": the place is read on its own too,
 * as where the town of the article may be). */
static void
note_body_use (Collector *col,
               GArray    *tokens,
               guint      from,
               guint      i,
               int        body)
{
  const Token *t = &g_array_index (tokens, Token, i);
  gpointer key = GINT_TO_POINTER (body + 1);
  GPtrArray *forms = g_hash_table_lookup (col->body_forms, key);
  guint end;

  if (forms == NULL)
    {
      forms = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (col->body_forms, key, forms);
    }
  g_hash_table_insert (col->body_counts, key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (col->body_counts, key)) + 1));
  g_ptr_array_add (forms, g_strndup (t->p, t->len));
  if (i > from)
    {
      Token *before = &g_array_index (tokens, Token, i - 1);

      if ((before->flags & TOKEN_SPACE) &&
          (!is_name_token (before) || ((before->flags & TOKEN_INITIAL) && !(before->flags & TOKEN_ACRONYM))) &&
          !IN_LIST (stop_words, before->folded) && find_body (before->folded) < 0 &&
          !IN_LIST (attributing_words, before->folded) && g_utf8_strlen (before->folded, -1) > 2)
        g_ptr_array_add (forms, g_strndup (before->p, t->p + t->len - before->p));
    }

  if (!is_group_of_people (&bodies[body]) || !g_str_equal (t->folded, bodies[body].plural) ||
      people_of_place (tokens, i))
    return;
  end = group_place_end (tokens, i);
  if (!group_acts (col, tokens, from, i, end))
    return;
  if (col->body_acts == NULL)
    col->body_acts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_strfreev);
  if (end > i)
    {
      g_ptr_array_add (forms, span_text (t, &g_array_index (tokens, Token, end)));
      g_array_index (tokens, Token, end).flags |= TOKEN_GROUP_END;
    }
  if (!g_hash_table_contains (col->body_acts, key))
    {
      const Token *first = t;
      char **names = g_new0 (char *, 4);

      /* "Head teachers", "Local residents": the word opening the
       * sentence before it. */
      if (i > from && (t->flags & TOKEN_INITIAL) == 0 &&
          (g_array_index (tokens, Token, i - 1).flags & TOKEN_INITIAL) &&
          is_name_token (&g_array_index (tokens, Token, i - 1)) &&
          !IN_LIST (stop_words, g_array_index (tokens, Token, i - 1).folded))
        first = &g_array_index (tokens, Token, i - 1);
      names[0] = span_text (first, &g_array_index (tokens, Token, end));
      names[1] = span_text (first, t);
      if (end > i)
        {
          g_autofree char *place = span_text (&g_array_index (tokens, Token, i + 2),
                                              &g_array_index (tokens, Token, end));

          names[2] = dossier_text_fold (place);
        }
      g_hash_table_insert (col->body_acts, key, names);
    }
}

static void
collect_block (Collector *col,
               GArray    *tokens,
               guint      from)
{
  g_autofree guint *sentence_of = g_new (guint, tokens->len);
  guint i = from;

  col->list_end = 0;
  /* Sentences counted over the document: the people of the last one
   * before this block stay, as "she" at its start may be hers. */
  col->block++;
  for (guint k = 0; k < tokens->len; k++)
    {
      col->n_sentences += (g_array_index (tokens, Token, k).flags & TOKEN_INITIAL) ? 1 : 0;
      sentence_of[k] = col->n_sentences;
    }
  col->sentence_of = sentence_of;
  if (col->people != NULL && col->people->len > 0)
    {
      guint last = 0, kept = 0;

      for (guint k = 0; k < col->people->len; k++)
        last = MAX (last, g_array_index (col->people, PersonSeen, k).sentence);
      for (guint k = 0; k < col->people->len; k++)
        if (g_array_index (col->people, PersonSeen, k).sentence == last)
          g_array_index (col->people, PersonSeen, kept++) = g_array_index (col->people, PersonSeen, k);
      g_array_set_size (col->people, kept);
    }

  while (i < tokens->len)
    {
      Token *t = &g_array_index (tokens, Token, i);
      guint run_start, run_end, name_start;
      guint title_len = 0;
      TitleKind title_kind = TITLE_NONE;
      gboolean lower_title = FALSE;
      gboolean described;
      int body;

      if (!is_name_token (t))
        {
          Candidate *its_body;
          guint n_end, role_start;

          attribute_quote (col, tokens, i);

          /* "campaign groups including Clean Air Kestle, …" */
          note_listing (col, tokens, from, i);

          /* "The town of Brackwater has agreed" */
          if ((n_end = note_town_body (col, tokens, from, i)) > 0)
            {
              i = n_end + 1;
              continue;
            }

          /* "councillors Ada Pell and Rafe Dunn" */
          if ((n_end = note_title_list (col, tokens, i)) > 0)
            {
              i = n_end + 1;
              continue;
            }

          /* A lower-case title, a comma, then a name: "the harbour
           * master, Tomas Rudd," — "Its secretary, Liv Brekke,". */
          title_len = title_at (tokens, i, tokens->len, &title_kind);
          its_body = of_body_named_last (col, tokens, i) ? col->last_named : NULL;
          if (title_len > 0 && (g_array_index (tokens, Token, i + title_len - 1).flags & TOKEN_COMMA) &&
              i + title_len < tokens->len &&
              !IN_LIST (stop_words, g_array_index (tokens, Token, i + title_len).folded) &&
              note_appositive (col, tokens, i + title_len,
                               its_body != NULL ? TITLE_ROLE : title_kind, &n_end) != NULL)
            {
              /* "The … Union has filed an objection, and its secretary,
               * Ruth Kimathi,": the union is introduced with her. */
              if (its_body != NULL)
                its_body->introduced = TRUE;
              note_lower_words (col, tokens, i, i + title_len, FALSE);
              i = n_end + 1;
              continue;
            }
          /* "said its coordinator, Ruth Okafor": a word for what she
           * is that no title list holds. */
          if (title_len == 0 && role_before_name (tokens, from, i, &role_start) &&
              !IN_LIST (stop_words, g_array_index (tokens, Token, i + 1).folded))
            {
              Candidate *c = note_role_body (col, tokens, from, i + 1, &n_end);

              if (c == NULL)
                c = note_appositive (col, tokens, i + 1, TITLE_ROLE, &n_end);

              if (c != NULL)
                {
                  /* "said its coordinator, Ruth Okafor": her words. */
                  if (quoted_before (tokens, from, role_start, i) ||
                      (role_start > from && quoted_before (tokens, from, role_start - 1, i)))
                    c->quoted = TRUE;
                  if (its_body != NULL)
                    its_body->introduced = TRUE;
                  i = n_end + 1;
                  continue;
                }
            }
          /* "la concejala de Urbanismo, Marta Gil": what the office is
           * of, a comma, then the name; at a body, a role ("la portavoz
           * de la asociación, Ana Ruiz"). Else "el concejal de la
           * oposición Jaime Robledo": what the office is of between it
           * and the name. */
          if (title_len > 0 &&
              (g_array_index (tokens, Token, i + title_len - 1).flags & TOKEN_SPACE) &&
              (note_title_of_then_name (col, tokens, i, title_len, title_kind,
                                        title_gap_then_comma (tokens, i + title_len), TRUE,
                                        &n_end) ||
               note_title_of_then_name (col, tokens, i, title_len, title_kind,
                                        title_gap (tokens, i + title_len), FALSE, &n_end)))
            {
              i = n_end + 1;
              continue;
            }
          title_len = 0;
          title_kind = TITLE_NONE;

          /* A lower-case title just before a name: "el presidente López". */
          if (t->flags & TOKEN_SPACE && i + 1 < tokens->len &&
              is_name_token (&g_array_index (tokens, Token, i + 1)))
            {
              title_len = title_at (tokens, i, tokens->len, &title_kind);
              lower_title = title_len > 0 &&
                            is_name_token (&g_array_index (tokens, Token, i + title_len));
            }
          if (!lower_title)
            {
              g_hash_table_add (col->lower_words, g_strdup (t->folded));
              note_called (col, tokens, from, i);

              body = find_body (t->folded);
              if (body >= 0)
                note_body_use (col, tokens, from, i, body);
              i++;
              continue;
            }
        }

      /* "Fishermen in Porthwen are divided": a group of people opening
       * its sentence, capitalised for that only (not "Parents Against
       * Cuts", nor "Residents of Kesby": see community_names ()). */
      if ((t->flags & TOKEN_INITIAL) && !(t->flags & TOKEN_ACRONYM) &&
          (body = find_body (t->folded)) >= 0 && is_group_of_people (&bodies[body]) &&
          g_str_equal (t->folded, bodies[body].plural) &&
          !(i + 1 < tokens->len && (t->flags & TOKEN_SPACE) &&
            (is_name_token (&g_array_index (tokens, Token, i + 1)) ||
             people_of_place (tokens, i))))
        {
          g_hash_table_add (col->lower_words, g_strdup (t->folded));
          note_body_use (col, tokens, from, i, body);
          i++;
          continue;
        }

      /* "He said the board never came." */
      if (!lower_title && (t->flags & TOKEN_INITIAL))
        attribute_quote (col, tokens, i);

      if (!lower_title)
        {
          guint n_end = note_title_list (col, tokens, i);
          const Token *title_end;

          /* "Councillors Ada Pell and Rafe Dunn" */
          if (n_end > 0)
            {
              i = n_end + 1;
              continue;
            }
          /* "Board chair Helen Osei": a title in sentence case. */
          title_len = title_at (tokens, i, tokens->len, &title_kind);
          title_end = title_len > 0 ? &g_array_index (tokens, Token, i + title_len - 1) : NULL;
          lower_title = title_len >= 2 && !is_name_token (title_end) &&
                        (title_end->flags & TOKEN_SPACE) && i + title_len < tokens->len &&
                        is_name_token (&g_array_index (tokens, Token, i + title_len));
          if (!lower_title)
            {
              title_len = 0;
              title_kind = TITLE_NONE;
            }
        }

      /* A run of capitalised words, joined by single spaces and by
       * connectors that lead to another capitalised word; after what it
       * is ("the campaign group Parents for a Full Week"), by other
       * small words too. */
      run_start = i;
      run_end = lower_title ? i + title_len : i;
      described = !lower_title && i > from &&
                  (g_array_index (tokens, Token, i - 1).flags & (TOKEN_SPACE | TOKEN_OPEN_QUOTE)) &&
                  !is_name_token (&g_array_index (tokens, Token, i - 1)) &&
                  is_descriptor (g_array_index (tokens, Token, i - 1).folded);
      while (run_end + 1 < tokens->len)
        {
          Token *cur = &g_array_index (tokens, Token, run_end);
          guint next = run_end + 1;

          if (!(cur->flags & TOKEN_SPACE))
            break;
          while (next < tokens->len && !is_name_token (&g_array_index (tokens, Token, next)) &&
                 (IN_LIST (connectors, g_array_index (tokens, Token, next).folded) ||
                  (described &&
                   IN_LIST (name_fillers, g_array_index (tokens, Token, next).folded))) &&
                 (g_array_index (tokens, Token, next).flags & TOKEN_SPACE) &&
                 next - run_end <= (described ? 3u : 2u))
            next++;
          if (next >= tokens->len || !is_name_token (&g_array_index (tokens, Token, next)))
            break;
          run_end = next;
        }
      i = run_end + 1;

      /* Stop words opening it ("The", "For"), and a title: "Dr" is
       * both, and a title before a name ("Dr Mei Zhou"). */
      name_start = run_start;
      while (name_start <= run_end &&
             IN_LIST (stop_words, g_array_index (tokens, Token, name_start).folded) &&
             !(g_array_index (tokens, Token, name_start).flags & TOKEN_ACRONYM) &&
             (lower_title || name_start == run_end ||
              title_at (tokens, name_start, run_end + 1, &title_kind) == 0))
        name_start++;
      if (name_start > run_end)
        continue;
      /* "Residents of Kesby said", opening its sentence: the residents
       * speak, and their place is the name (see community_names ()). */
      if (name_start + 2 <= run_end &&
          IN_LIST (community_people, g_array_index (tokens, Token, name_start).folded) &&
          (g_str_equal (g_array_index (tokens, Token, name_start + 1).folded, "of") ||
           g_str_equal (g_array_index (tokens, Token, name_start + 1).folded, "de")))
        name_start += 2;
      {
        guint title_from = name_start;
        guint name_end = run_end;
        gboolean title_after_name = FALSE;
        gboolean located, placed;

        if (!lower_title)
          title_len = title_at (tokens, name_start, run_end + 1, &title_kind);
        /* "Local MP Daniel Okafor", "Labour MP Jane Doe". */
        if (!lower_title && title_len == 0)
          {
            title_from = title_after_words (col, tokens, name_start, run_end, &title_len,
                                            &title_kind);
            name_start = title_from;
          }
        if (title_len > 0)
          {
            TitleKind honorific = TITLE_NONE;
            guint n_honorific;

            name_start += title_len;
            /* "Chief executive Dr Marcus Okonjo": her honorific is no
             * part of her name either. */
            if (name_start < run_end &&
                (n_honorific = title_at (tokens, name_start, run_end, &honorific)) > 0 &&
                honorific == TITLE_HONORIFIC)
              {
                name_start += n_honorific;
                title_len += n_honorific;
              }
            /* A title alone: perhaps before an appositive name
             * ("Mexico's President, Andrés Manuel López Obrador,"). */
            if (name_start > run_end)
              {
                const Token *last = &g_array_index (tokens, Token, run_end);

                if (last->flags & TOKEN_COMMA)
                  {
                    guint n_end;
                    Candidate *c = note_appositive (col, tokens, i, title_kind, &n_end);

                    if (c != NULL)
                      {
                        const Token *owner = title_from > 0 ?
                          &g_array_index (tokens, Token, title_from - 1) : NULL;

                        /* "Mexico's President" is then one of its names. */
                        if (owner != NULL && (owner->flags & TOKEN_POSSESSIVE) &&
                            is_name_token (owner))
                          {
                            g_autofree char *form = g_strndup (owner->p,
                                                               last->p + last->len - owner->p);

                            candidate_add_form (c, form);
                          }
                        i = n_end + 1;
                      }
                  }
                continue;
              }
          }

        /* "“Dredging Haddon would …”, she said": no one's name. */
        if (title_len == 0 && word_then_place (col, tokens, name_start, run_end))
          continue;

        /* Skip a lone demonym unless a body word follows. */
        {
          const Token *last = &g_array_index (tokens, Token, run_end);
          const Token *next = i < tokens->len ? &g_array_index (tokens, Token, i) : NULL;
          int next_body = next != NULL && (last->flags & TOKEN_SPACE) && !is_name_token (next) ?
                          find_body (next->folded) : -1;

          /* "Port Calder's council": the town's, "Port Calder council". */
          if (next_body < 0 && title_len == 0 && next != NULL && (last->flags & TOKEN_POSSESSIVE) &&
              g_str_equal (next->folded, "council"))
            {
              const Token *a = &g_array_index (tokens, Token, name_start);
              g_autofree char *town = span_text (a, last);
              g_autofree char *name = g_strconcat (town, " ", "council", NULL);
              g_autofree char *form = g_strndup (a->p, next->p + next->len - a->p);
              Candidate *c = candidate_get (col, name, a->start, next->end);

              c->n_seen++;
              c->n_seen_inside++;
              c->compound = TRUE;
              c->kind = DOSSIER_STAKEHOLDER_GOVERNMENT;
              candidate_add_form (c, name);
              candidate_add_form (c, form);
              i++;
              continue;
            }
          /* "Head teachers at all six schools backed …": a group of
           * people, the word opening the sentence only a word before
           * it (see note_body_use ()). */
          if (next_body >= 0 && title_len == 0 && name_start == run_end &&
              (last->flags & TOKEN_INITIAL) && !(last->flags & TOKEN_ACRONYM) &&
              is_group_of_people (&bodies[next_body]))
            {
              g_hash_table_add (col->lower_words, g_strdup (next->folded));
              note_body_use (col, tokens, from, i, next_body);
              i++;
              continue;
            }
          /* "Irish Government officials": the body is the name's own
           * words, its officials no other. */
          if (next_body >= 0 && title_len == 0 &&
              name_kind (tokens, name_start, run_end) == DOSSIER_STAKEHOLDER_OTHER)
            {
              /* "Trump administration", "Mexican government". */
              g_autofree char *form = g_strndup (g_array_index (tokens, Token, name_start).p,
                                                 next->p + next->len -
                                                 g_array_index (tokens, Token, name_start).p);
              Candidate *c = candidate_get (col, form, g_array_index (tokens, Token, name_start).start,
                                            next->end);

              c->n_seen++;
              c->n_seen_inside++;
              c->compound = TRUE;
              c->kind = bodies[next_body].kind;
              candidate_add_form (c, form);
              i++;
              continue;
            }

          /* Not "Osei told", nor "Osei" after "Helen Osei": a surname. */
          if (name_start == run_end && title_len == 0 &&
              !(g_array_index (tokens, Token, name_start).flags & TOKEN_ACRONYM) &&
              looks_like_demonym (g_array_index (tokens, Token, name_start).folded) &&
              !quoted_after (tokens, run_end) && !quoted_before (tokens, from, title_from, run_end) &&
              !surname_of_named (col, g_array_index (tokens, Token, name_start).folded))
            continue;
        }

        /* "Option B", "Plan B", "Phase 2", a lone "B": no actor. */
        if (title_len == 0 && is_label_run (tokens, name_start, run_end, i))
          continue;

        /* "Jane Doe MP": the title after the name. */
        if (title_len == 0 && run_end >= name_start + 2 &&
            IN_LIST (titles_after_name, g_array_index (tokens, Token, run_end).folded) &&
            (g_array_index (tokens, Token, run_end).flags & TOKEN_ACRONYM))
          {
            name_end = run_end - 1;
            title_after_name = TRUE;
          }

        /* "Quay Street", "la calle Mayor", "Harbour Bridge": a place. */
        located = title_len == 0 && after_locative (tokens, from, title_from);
        placed = title_len == 0 && !located && before_place_noun (tokens, run_end);
        if (title_len == 0 && (located ? names_place (tokens, name_start, run_end) :
                                         is_place (tokens, name_start, run_end, i)))
          {
            note_name (col, tokens, name_start, run_end, name_start, TITLE_NONE)->place = TRUE;
            continue;
          }

        /* "…, said Ana Ruiz of the Quarry Lane Residents’ Association":
         * she is a person and the words are hers; the association is an
         * actor of its own, that said nothing here. */
        {
          guint tie = person_of_body (tokens, name_start, run_end, title_len > 0);

          if (tie > 0)
            {
              Candidate *c = note_name (col, tokens, name_start, tie - 1, title_from, title_kind);
              guint body_start = tie + 1;

              c->person = TRUE;
              if (quoted_after (tokens, run_end) || quoted_before (tokens, from, title_from, run_end))
                c->quoted = TRUE;
              while (body_start < run_end &&
                     (!is_name_token (&g_array_index (tokens, Token, body_start)) ||
                      IN_LIST (stop_words, g_array_index (tokens, Token, body_start).folded)))
                body_start++;
              note_name (col, tokens, body_start, run_end, body_start, TITLE_NONE);
              note_speaker (col, c, name_start, TRUE, FALSE);
              continue;
            }
        }

        {
          Candidate *c = note_name (col, tokens, name_start, name_end, title_from, title_kind);
          const Token *last = &g_array_index (tokens, Token, run_end);
          /* "residents of Kesby told …": the residents speak, Kesby is
           * no one (its people: see community_names ()). */
          gboolean of_community = title_len == 0 && title_from >= from + 2 &&
                                  (g_array_index (tokens, Token, title_from - 2).flags & TOKEN_SPACE) &&
                                  IN_LIST (community_words,
                                           g_array_index (tokens, Token, title_from - 2).folded) &&
                                  (g_str_equal (g_array_index (tokens, Token, title_from - 1).folded, "of") ||
                                   g_str_equal (g_array_index (tokens, Token, title_from - 1).folded, "de"));

          if (title_after_name)
            {
              c->person = TRUE;
              c->titled = TRUE;
              c->introduced = TRUE;
              c->kind = DOSSIER_STAKEHOLDER_OFFICIAL;
            }

          /* "the campaign group Clean Air Calder", "Save the Tarn": what
           * it is, and no one's name. */
          gboolean by_word = FALSE;

          if (title_len == 0 && c->kind == DOSSIER_STAKEHOLDER_OTHER)
            c->kind = described_kind (tokens, name_start, run_end, &by_word);
          /* "Ofwat, the regulator, said", "the regulator, Ofwat,". */
          if (title_len == 0 && (c->kind == DOSSIER_STAKEHOLDER_OTHER || names_body (c->kind)))
            {
              DossierStakeholderKind noun = body_noun_beside (tokens, from, name_start, run_end);

              if (noun != DOSSIER_STAKEHOLDER_OTHER)
                {
                  if (c->kind == DOSSIER_STAKEHOLDER_OTHER)
                    c->kind = noun;
                  c->described = TRUE;
                  by_word = TRUE;
                }
            }
          if (title_len == 0 && c->kind == DOSSIER_STAKEHOLDER_OTHER && run_end < col->list_end)
            {
              c->kind = col->list_kind;
              by_word = TRUE;
            }
          if (by_word)
            c->introduced = TRUE;
          /* "The Environment Agency has asked", "Tidewater District
           * Council's plan": a name whose own words say what body it is
           * introduces it; not a table's row ("Millbrook Infants ⇥ 148"). */
          if (title_len == 0 && !located && !col->table_row && name_end > name_start &&
              introduces_body (name_kind (tokens, name_start, name_end)))
            c->introduced = TRUE;
          /* "Stagecoach Ashby, which runs the number 14,": no one's
           * name, whatever it says. */
          if (title_len == 0 && c->kind == DOSSIER_STAKEHOLDER_OTHER &&
              which_not_who (tokens, from, name_start, run_end))
            c->thing = TRUE;
          /* "Tomas Varga, who runs a dairy herd," — "Sarah Lindqvist, a
           * hydrologist at …,": someone the text introduces. */
          if (run_end > name_start && title_len == 0 && c->kind == DOSSIER_STAKEHOLDER_OTHER &&
              (last->flags & TOKEN_COMMA) && i < tokens->len &&
              (IN_LIST (relative_pronouns, g_array_index (tokens, Token, i).folded) ||
               role_appositive (tokens, i)))
            {
              c->person = TRUE;
              c->introduced = TRUE;
            }
          /* "a hydrologist at Dunmore University": where she works;
           * "Researchers at Halvergate University who…": where they do. */
          if (c->kind != DOSSIER_STAKEHOLDER_OTHER && c->kind != DOSSIER_STAKEHOLDER_OFFICIAL &&
              (in_role_appositive (tokens, from, title_from, c->kind) ||
               (title_len == 0 && c->kind != DOSSIER_STAKEHOLDER_PERSON &&
                people_at (tokens, from, title_from) &&
                !names_place (tokens, name_start, run_end))))
            c->introduced = TRUE;

          /* Not "Traders in Port Kessel objected": theirs. */
          if ((last->flags & TOKEN_SPACE) && i < tokens->len && !located && !of_community &&
              IN_LIST (reporting_verbs, g_array_index (tokens, Token, i).folded))
            c->person = TRUE;
          /* "Clean Water Marle say …", "… oppose …": a group's words, no
           * person's; not the last of "Oren Vyse and Ada Lund say". */
          if ((last->flags & TOKEN_SPACE) && i < tokens->len && !located && title_len == 0 &&
              !c->person && IN_LIST (plural_reporting_verbs, g_array_index (tokens, Token, i).folded) &&
              !(title_from > from && IN_LIST (list_ands, g_array_index (tokens, Token, title_from - 1).folded)))
            c->quoted = TRUE;
          /* Quoted: proposed even if named once. Not "Ruth Kimathi,
           * secretary of the Eskin Valley Farmers' Union, said": hers. */
          if (((quoted_after (tokens, run_end) && !located) ||
               quoted_before (tokens, from, title_from, run_end)) &&
              !in_description (tokens, from, title_from))
            {
              c->quoted = TRUE;
              c->person = c->person || !of_community;
              /* "Port Calder said": the authority of the place. */
              if (title_len == 0 && c->kind == DOSSIER_STAKEHOLDER_OTHER && !c->introduced &&
                  names_place (tokens, name_start, run_end))
                c->kind = DOSSIER_STAKEHOLDER_GOVERNMENT;
            }
          /* "at Harwick General", "the Kell tunnel": a place, unless
           * said otherwise. */
          if (located)
            {
              c->n_located++;
              c->n_in += g_str_equal (g_array_index (tokens, Token, title_from - 1).folded, "in");
            }
          else if (placed)
            c->n_located++;

          /* "Partido Revolucionario Institucional (PRI)" and the other
           * way round: one actor. */
          if ((last->flags & TOKEN_PAREN) && i < tokens->len)
            {
              Token *inner = &g_array_index (tokens, Token, i);

              if ((inner->flags & TOKEN_CLOSE) && is_name_token (inner))
                {
                  Candidate *other = note_name (col, tokens, i, i, i, TITLE_NONE);

                  other->group = c->group;
                  i++;
                }
              else if (run_end == name_start && (last->flags & TOKEN_ACRONYM) && is_name_token (inner))
                {
                  guint e = i;

                  while (e + 1 < tokens->len && !(g_array_index (tokens, Token, e).flags & TOKEN_CLOSE) &&
                         (g_array_index (tokens, Token, e).flags & TOKEN_SPACE) &&
                         (is_name_token (&g_array_index (tokens, Token, e + 1)) ||
                          IN_LIST (connectors, g_array_index (tokens, Token, e + 1).folded)))
                    e++;
                  if (g_array_index (tokens, Token, e).flags & TOKEN_CLOSE && e > i)
                    {
                      Candidate *other = note_name (col, tokens, i, e, i, TITLE_NONE);

                      other->group = c->group;
                      i = e + 1;
                    }
                }
            }

          /* "Wild Eskin, a smaller campaign,": a group that speaks;
           * "Harrow & Vane, the developer": a firm the text says is one. */
          if ((last->flags & TOKEN_COMMA) && title_len == 0 && i < tokens->len &&
              IN_LIST (appositive_articles, g_array_index (tokens, Token, i).folded))
            for (guint k = i + 1; k < tokens->len && k <= i + 3; k++)
              {
                const Token *w = &g_array_index (tokens, Token, k);
                gboolean ends = (w->flags & TOKEN_COMMA) || clause_ends (tokens, k + 1);

                if (is_name_token (w) || (w->flags & TOKEN_POSSESSIVE))
                  break;
                if (ends && IN_LIST (group_words, w->folded) &&
                    (c->kind == DOSSIER_STAKEHOLDER_OTHER || names_body (c->kind)))
                  {
                    if (c->kind == DOSSIER_STAKEHOLDER_OTHER)
                      c->kind = DOSSIER_STAKEHOLDER_CIVIL_SOCIETY;
                    c->introduced = TRUE;
                    break;
                  }
                if (ends && is_descriptor (w->folded) && names_body (c->kind))
                  {
                    c->introduced = TRUE;
                    break;
                  }
                if (!(w->flags & TOKEN_SPACE))
                  break;
              }

          /* "Andrés Manuel López Obrador, Mexico's president," — and
           * "Colm Devlin, the chief fire officer," (no form of its own:
           * "the chief fire officer" may be anyone's). */
          if ((last->flags & TOKEN_COMMA) && title_len == 0 && i + 1 < tokens->len &&
              run_end > name_start)
            {
              const Token *owner = &g_array_index (tokens, Token, i);
              TitleKind kind = TITLE_NONE;
              guint n = title_after (tokens, run_end, &kind);

              if (n > 0 && ((g_array_index (tokens, Token, run_end + n).flags & TOKEN_COMMA) ||
                            is_title_tie (tokens, run_end + n + 1)))
                {
                  if (owner->flags & TOKEN_POSSESSIVE)
                    {
                      const Token *t_last = &g_array_index (tokens, Token, run_end + n);
                      g_autofree char *form = g_strndup (owner->p, t_last->p + t_last->len - owner->p);

                      candidate_add_form (c, form);
                    }
                  else
                    note_lower_words (col, tokens, run_end + 1, run_end + n + 1, FALSE);
                  c->person = TRUE;
                  c->introduced = TRUE;
                  if (resolve_board (kind, col->board) == TITLE_OFFICIAL)
                    c->kind = DOSSIER_STAKEHOLDER_OFFICIAL;
                  i = run_end + n + 1;
                }
            }
          /* What "the company" after it may be. */
          if (title_len == 0 && !located && !placed && !of_community && !title_after_name)
            {
              col->last_actor = c;
              col->last_actor_sentence = col->sentence_of[title_from];
            }
          note_speaker (col, c, title_from,
                        (g_array_index (tokens, Token, title_from).flags & TOKEN_INITIAL) != 0,
                        (g_array_index (tokens, Token, name_start).flags & TOKEN_INITIAL) ||
                        (name_start > from &&
                         (g_array_index (tokens, Token, name_start - 1).flags & TOKEN_INITIAL) &&
                         IN_LIST (articles, g_array_index (tokens, Token, name_start - 1).folded)));
        }
      }
    }
  col->sentence_of = NULL;
}

/* Lead-in labels ("Sovereignty as a Principle: For Mexico, …") are
 * capitalised like headings: the reading starts after them. */
static guint
skip_label (GArray     *tokens,
            const char *text)
{
  const char *colon = strchr (text, ':');
  guint n = 0;

  if (colon == NULL || colon - text > 120)
    return 0;
  if (strpbrk (text, ".!?") != NULL && strpbrk (text, ".!?") < colon &&
      !(g_array_index (tokens, Token, 0).flags & TOKEN_ACRONYM))
    return 0;

  while (n < tokens->len && g_array_index (tokens, Token, n).p < colon)
    {
      const Token *t = &g_array_index (tokens, Token, n);

      /* "The board's director of learning, Priya Nandakumar, said: …":
       * prose that opens a quote, whose names are to be read; a label
       * would capitalise its verb. */
      if (!(t->flags & TOKEN_CAPITAL) && IN_LIST (reporting_verbs, t->folded))
        return 0;
      n++;
    }
  return n <= 14 ? n : 0;
}

/* Bodies a title or a heading names ("Response of the Kestle Bay
 * Hoteliers' Association to the consultation", "Federation of Island
 * Shops", "Fenmoor Chamber of Trade"): a run of capitalised words that ends
 * in a generic head, or holds one and "of". Headings capitalise every word, so a word the text
 * writes in lower case ("Hoteliers Back Kestle Bay …") opens no name.
 * Recorded as seen in a heading only: what "the Association" of the text
 * stands for, and no actor of its own evidence. */
/* What a headline says a body does, capitalised as every word of it:
 * "… Backs Levy", "… Calls for Review" (with the reporting verbs). */
static const char * const headline_verbs[] = {
  "responds", "calls", "urges", "slams", "demands", "seeks", "asks", "vows", "plans", "wins",
  "loses", "hits", "launches", "joins", "quits", "sues", "fights", "defends", "attacks",
  "praises", "criticises", "criticizes", "questions", "challenges", "threatens", "announces",
  "approves", "votes", "moves", "sets",
};

static void
note_headline_bodies (Collector *col,
                      GArray    *tokens)
{
  static const char * const ties[] = { "of", "for", "de" };

  for (guint k = 0; k < tokens->len; k++)
    {
      const Token *head = &g_array_index (tokens, Token, k);
      guint first = k, last = k;
      Candidate *c;
      g_autofree char *name = NULL;

      if (!is_name_token (head) || !IN_LIST (generic_heads, head->folded))
        continue;
      while (first > 0)
        {
          const Token *before = &g_array_index (tokens, Token, first - 1);

          if (!(before->flags & TOKEN_SPACE) || !is_name_token (before) ||
              IN_LIST (stop_words, before->folded) || IN_LIST (connectors, before->folded))
            break;
          first--;
        }
      while (first < k && g_hash_table_contains (col->lower_words,
                                                 g_array_index (tokens, Token, first).folded))
        first++;
      /* "Federation of Island Shops", "Fenmoor Chamber of Trade". */
      if ((head->flags & TOKEN_SPACE) && k + 2 < tokens->len &&
          IN_LIST (ties, g_array_index (tokens, Token, k + 1).folded) &&
          (g_array_index (tokens, Token, k + 1).flags & TOKEN_SPACE))
        {
          guint at = k + 2;

          if (IN_LIST (articles, g_array_index (tokens, Token, at).folded) &&
              (g_array_index (tokens, Token, at).flags & TOKEN_SPACE) && at + 1 < tokens->len)
            at++;
          if (is_name_token (&g_array_index (tokens, Token, at)) &&
              !IN_LIST (stop_words, g_array_index (tokens, Token, at).folded))
            last = name_run_end (tokens, at);
          /* "Federation of Small Traders Backs Levy": the name ends
           * before what the headline says it does. */
          for (guint v = at + 1; v <= last; v++)
            if (IN_LIST (reporting_verbs, g_array_index (tokens, Token, v).folded) ||
                IN_LIST (headline_verbs, g_array_index (tokens, Token, v).folded))
              {
                last = v - 1;
                break;
              }
        }
      if (first == last)
        continue;

      name = span_text (&g_array_index (tokens, Token, first), &g_array_index (tokens, Token, last));
      c = candidate_get (col, name, g_array_index (tokens, Token, first).start,
                         g_array_index (tokens, Token, last).end);
      c->headline = TRUE;
      candidate_add_form (c, name);
      if (c->kind == DOSSIER_STAKEHOLDER_OTHER)
        c->kind = name_kind (tokens, first, last);
      k = last;
    }
}

/* Whether @c is only ever where something is ("across Westmarch"). */
static gboolean
only_a_place (const Candidate *c)
{
  return c->place || (c->n_located > 0 && c->n_located == c->n_seen && !c->person && !c->quoted);
}

/* ---- Grouping --------------------------------------------------------------- */

static guint
find_group (GPtrArray *candidates,
            guint      i)
{
  Candidate *c = g_ptr_array_index (candidates, i);

  while (c->group != i)
    {
      Candidate *parent = g_ptr_array_index (candidates, c->group);

      c->group = parent->group;
      i = c->group;
      c = g_ptr_array_index (candidates, i);
    }
  return i;
}

static void
unite (GPtrArray *candidates,
       guint      a,
       guint      b)
{
  guint ra = find_group (candidates, a);
  guint rb = find_group (candidates, b);

  if (ra != rb)
    ((Candidate *) g_ptr_array_index (candidates, rb))->group = ra;
}

/* The capital letters of an acronym ("us" for "U.S.", folded), or of the
 * words of a name that are not connectors ("United States" → "us"). */
static char *
initials (const char *key)
{
  g_auto(GStrv) words = g_strsplit (key, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && !IN_LIST (connectors, words[i]))
      g_string_append_unichar (out, g_utf8_get_char (words[i]));

  return g_string_free (out, FALSE);
}

/* The one full name ending in the surname @c whose title it has too
 * ("Mayor Varga", "Mayor Inès Varga"), as index + 1; 0 if none or more. */
static guint
same_title_owner (GPtrArray *cands,
                  Candidate *c)
{
  g_autofree char *end = g_strconcat (" ", c->key, NULL);
  guint owner = 0;

  for (guint i = 0; i < cands->len; i++)
    {
      Candidate *full = g_ptr_array_index (cands, i);
      GHashTableIter iter;
      gpointer key;
      gboolean shared = FALSE;

      if (full == c || !full->titled || !g_str_has_suffix (full->key, end))
        continue;
      /* A form of the surname, "mayor varga", and of the full name,
       * "mayor ines varga", that open alike. */
      g_hash_table_iter_init (&iter, c->form_keys);
      while (!shared && g_hash_table_iter_next (&iter, &key, NULL))
        {
          const char *form = key;
          gsize title_len = strlen (form) - strlen (end);

          if (!g_str_has_suffix (form, end) || title_len == 0)
            continue;
          {
            g_autofree char *title = g_strndup (form, title_len + 1);

            for (guint f = 0; !shared && f < full->forms->len; f++)
              {
                g_autofree char *full_form = dossier_text_fold (g_ptr_array_index (full->forms, f));

                shared = g_str_has_prefix (full_form, title) && g_str_has_suffix (full_form, end);
              }
          }
        }
      if (!shared)
        continue;
      if (owner > 0)
        return 0;
      owner = i + 1;
    }
  return owner;
}

/* Whether @head's words end @name ("Association" of "Kestle Bay
 * Hoteliers' Association"; *@ends set) or open it before a tie
 * ("Federation" of "Federation of Island Shops", "Friends" of "Friends of
 * Harrowgate Libraries"). */
static gboolean
head_of_name (const Candidate *head,
              const Candidate *name,
              gboolean        *ends)
{
  gsize len = strlen (head->key);
  gsize name_len = strlen (name->key);

  *ends = name_len > len + 1 && name->key[name_len - len - 1] == ' ' &&
          g_str_equal (name->key + name_len - len, head->key);
  return *ends ||
         (strncmp (name->key, head->key, len) == 0 &&
          (g_str_has_prefix (name->key + len, " of ") ||
           g_str_has_prefix (name->key + len, " for ") ||
           g_str_has_prefix (name->key + len, " de ")));
}

/* Whether @c's words end the name of another candidate: its short form
 * ("Growers' Association" of "Hallam Valley Growers' Association"), no
 * second body; with @titled, its surname ("Guild" of "Ms Ada Guild"). */
static gboolean
ends_another_name (GPtrArray       *cands,
                   const Candidate *c,
                   gboolean         titled)
{
  gsize len = strlen (c->key);

  for (guint k = 0; k < cands->len; k++)
    {
      const Candidate *other = g_ptr_array_index (cands, k);
      gsize other_len = strlen (other->key);

      if (other != c && !other->place && (!titled || other->titled) && other_len > len + 1 &&
          other->key[other_len - len - 1] == ' ' && g_str_equal (other->key + other_len - len, c->key))
        return TRUE;
    }
  return FALSE;
}

/* Whether @c is one word that names a kind of body ("School", "Council",
 * "Association") and is never written inside a sentence, nor speaks: a
 * table's header cell ("School ⇥ 2016 ⇥ 2021"), a line's first word. Not
 * how the text calls the one body whose name ends in it ("the School"
 * is), so no alias of it: as one, every school of the text would be its
 * mention. */
static gboolean
generic_word_alone (const Candidate *c)
{
  DossierStakeholderKind kind;

  return c->n_words == 1 && c->n_seen_inside == 0 && !c->acronym && !c->quoted &&
         (IN_LIST (generic_heads, c->key) || name_word_kind (c->key, &kind));
}

/* Whether @word, the first word of the name of @body, is its short form:
 * it speaks ("Brenmoor said" after "Brenmoor Water"), is nowhere a place,
 * and @body, named before it, is a body's name (its words or the words
 * around it say so, or it ends in a thing: see ends_in_thing ()) — a
 * person is called by her surname, not "Ana" of "Ana Ruiz". */
static gboolean
short_form_that_speaks (Collector       *col,
                        const Candidate *word,
                        const Candidate *body)
{
  gsize len = strlen (word->key);

  return word != body && word->n_words == 1 && !word->acronym && !word->titled &&
         word->gender == GENDER_UNKNOWN && (word->quoted || word->person) &&
         word->n_located == 0 && !word->place && !word->body && !word->compound &&
         !IN_LIST (generic_heads, word->key) &&
         body->n_words >= 2 && !body->body && !body->compound && !body->place && !body->titled &&
         body->gender == GENDER_UNKNOWN && body->start <= word->start &&
         strncmp (body->key, word->key, len) == 0 && body->key[len] == ' ' &&
         (names_body (body->kind) || body->called != DOSSIER_STAKEHOLDER_OTHER ||
          ends_in_thing (col, body));
}

static void
group_variants (Collector *col)
{
  GPtrArray *cands = col->candidates;
  g_autoptr(GHashTable) by_initials = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) suffix_owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Parenthesised definitions were recorded as group links already;
   * make them proper union-find links. */
  for (guint i = 0; i < cands->len; i++)
    {
      Candidate *c = g_ptr_array_index (cands, i);

      if (c->group != i)
        {
          guint g = c->group;

          c->group = i;
          unite (cands, g, i);
        }
    }

  /* An acronym and the name whose initials it spells. */
  for (guint i = 0; i < cands->len; i++)
    {
      Candidate *c = g_ptr_array_index (cands, i);

      if (c->n_words >= 2 && !c->compound && !c->body)
        {
          char *ini = initials (c->key);

          if (g_utf8_strlen (ini, -1) >= 2)
            g_hash_table_insert (by_initials, ini, GUINT_TO_POINTER (i + 1));
          else
            g_free (ini);
        }
    }
  for (guint i = 0; i < cands->len; i++)
    {
      Candidate *c = g_ptr_array_index (cands, i);
      gpointer found;

      g_autofree char *letters = NULL;
      char *w;

      if (!c->acronym)
        continue;
      letters = g_strdup (c->key);
      w = letters;
      for (const char *r = c->key; *r != '\0'; r++)
        if (*r != '.')
          *w++ = *r;
      *w = '\0';
      if ((found = g_hash_table_lookup (by_initials, letters)) != NULL)
        unite (cands, GPOINTER_TO_UINT (found) - 1, i);
    }

  /* "St Aldhelm's" alone: the one name it opens ("St Aldhelm's Community
   * Hospital"), whatever it says. */
  for (guint i = 0; i < cands->len; i++)
    {
      Candidate *c = g_ptr_array_index (cands, i);
      gsize len = strlen (c->key);
      guint owner = 0, n_owners = 0;

      if (c->body || c->compound || c->acronym || !g_str_has_suffix (c->key, "'s"))
        continue;
      for (guint k = 0; k < cands->len; k++)
        {
          Candidate *other = g_ptr_array_index (cands, k);

          if (k != i && !other->body && strncmp (other->key, c->key, len) == 0 &&
              other->key[len] == ' ')
            {
              owner = k + 1;
              n_owners++;
            }
        }
      if (n_owners == 1)
        unite (cands, owner - 1, i);
    }

  /* A word that opens another name ("Eskin", of "Eskin Valley Farmers'
   * Union") names a place or a thing the other is of, not the actor a
   * name ending in it is ("Wild Eskin"), unless it speaks or is titled. */
  for (guint i = 0; i < cands->len; i++)
    {
      Candidate *c = g_ptr_array_index (cands, i);

      /* "the Federation" of "Federation of Small Traders" is that body
       * (see below), no place. */
      if (c->n_words != 1 || c->acronym || c->person || c->quoted || c->compound || c->body ||
          IN_LIST (generic_heads, c->key))
        continue;
      for (guint k = 0; k < cands->len && !c->modifier; k++)
        {
          Candidate *other = g_ptr_array_index (cands, k);
          gsize len = strlen (c->key);

          c->modifier = other->n_words >= 2 && !other->body &&
                        !other->compound && strncmp (other->key, c->key, len) == 0 &&
                        other->key[len] == ' ';
        }
    }

  /* "Brenmoor said" after "Brenmoor Water" (see short_form_that_speaks ()),
   * when one body named before opens with it. Not "Hollis" of "Walt
   * Hollis" and "Hollis Drug": a surname. */
  for (guint i = 0; i < cands->len; i++)
    {
      Candidate *c = g_ptr_array_index (cands, i);
      guint owner = 0, n_owners = 0;

      if (c->n_words != 1 || ends_another_name (cands, c, FALSE))
        continue;
      for (guint k = 0; k < cands->len; k++)
        if (short_form_that_speaks (col, c, g_ptr_array_index (cands, k)))
          {
            owner = k + 1;
            n_owners++;
          }
      if (n_owners == 1)
        {
          c->thing = TRUE;
          unite (cands, owner - 1, i);
        }
    }

  /* "the Association", "the Federation": the one body the text names so
   * ("Kestle Bay Hoteliers' Association", "Federation of Island Shops"),
   * else the one its title or a heading names; none alone. */
  for (guint i = 0; i < cands->len; i++)
    {
      Candidate *c = g_ptr_array_index (cands, i);
      guint owner = 0, n_owners = 0, headline_owner = 0, n_headline_owners = 0;

      if (c->n_words != 1 || c->acronym || c->body || c->compound || c->titled ||
          !IN_LIST (generic_heads, c->key) || generic_word_alone (c))
        continue;
      for (guint k = 0; k < cands->len; k++)
        {
          Candidate *other = g_ptr_array_index (cands, k);
          gboolean ends = FALSE;

          /* Not "Ms Ada Union": a surname. A name whose words say it
           * is a body is one though it speaks ("The Selwick Islanders'
           * Association said"). */
          if (k == i || other->n_words < 2 || other->place ||
              !head_of_name (c, other, &ends) ||
              (ends && other->person && (other->titled || !names_body (other->kind))) ||
              ends_another_name (cands, other, FALSE))
            continue;
          if (other->headline && other->n_seen == 0)
            {
              headline_owner = k + 1;
              n_headline_owners++;
            }
          else
            {
              owner = k + 1;
              n_owners++;
            }
        }
      if (n_owners == 0 && n_headline_owners == 1)
        owner = headline_owner, n_owners = 1;
      /* "Guild said she …" after "Ms Ada Guild": hers, never "the Guild"
       * of "Guild of Ferrymen" (see the surnames below). */
      if (n_owners == 1 && !c->after_the && ends_another_name (cands, c, TRUE))
        continue;
      if (n_owners == 1)
        unite (cands, owner - 1, i);
      else
        c->lone_head = TRUE;
    }

  /* "The Friends said", after "Friends of Harrowgate Libraries": the
   * short form of the one body the text has named so first. Not when two
   * share it ("Friends of Wexley Park" too), nor before the full name. */
  for (guint i = 0; i < cands->len; i++)
    {
      Candidate *c = g_ptr_array_index (cands, i);
      guint owner = 0, n_owners = 0;

      if (!c->after_the || c->acronym || c->body || c->compound || c->titled ||
          IN_LIST (generic_heads, c->key))
        continue;
      for (guint k = 0; k < cands->len; k++)
        {
          Candidate *other = g_ptr_array_index (cands, k);
          gboolean ends = FALSE;

          /* Not "the Varga" of "Ana Varga"; "Friends of … said" is no one. */
          if (k == i || other->n_words <= c->n_words || other->place || other->body ||
              other->compound || !head_of_name (c, other, &ends) || (other->person && ends))
            continue;
          owner = k + 1;
          n_owners++;
        }
      if (n_owners == 1 &&
          ((Candidate *) g_ptr_array_index (cands, owner - 1))->start < c->the_start)
        unite (cands, owner - 1, i);
    }

  /* A name's last words ("López Obrador", "Obrador") under the person's
   * full name, when only one full name ends that way. */
  for (guint i = 0; i < cands->len; i++)
    {
      Candidate *c = g_ptr_array_index (cands, i);
      const char *p = c->key;

      if (c->n_words < 2 || c->compound || c->body || c->acronym)
        continue;
      while ((p = strchr (p, ' ')) != NULL)
        {
          p++;
          if (g_hash_table_contains (suffix_owner, p) &&
              GPOINTER_TO_UINT (g_hash_table_lookup (suffix_owner, p)) != i + 1)
            g_hash_table_insert (suffix_owner, g_strdup (p), GUINT_TO_POINTER (G_MAXUINT));
          else
            g_hash_table_insert (suffix_owner, g_strdup (p), GUINT_TO_POINTER (i + 1));
        }
    }
  for (guint i = 0; i < cands->len; i++)
    {
      Candidate *c = g_ptr_array_index (cands, i);
      guint owner = GPOINTER_TO_UINT (g_hash_table_lookup (suffix_owner, c->key));
      Candidate *full;

      if (owner == 0 || c->compound || c->body || c->acronym || c->modifier || c->lone_head ||
          generic_word_alone (c))
        continue;
      /* "the Guild", the short form of "Guild of Ferrymen": no surname of
       * "Ms Ada Guild" as well, which would make the two one. */
      if (IN_LIST (generic_heads, c->key) && find_group (cands, i) != i)
        continue;
      /* "across Westmarch" is no one's surname ("Natural Westmarch"). */
      if (only_a_place (c))
        continue;
      /* "Tomas Varga" and "Mayor Inès Varga": "Mayor Varga" is hers. */
      if (owner == G_MAXUINT)
        {
          owner = same_title_owner (cands, c);
          if (owner > 0)
            unite (cands, owner - 1, i);
          continue;
        }
      full = g_ptr_array_index (cands, owner - 1);
      /* "Mayor Varga" is not "Tomas Varga, who runs a dairy herd". */
      if (c->kind == DOSSIER_STAKEHOLDER_OFFICIAL && full->kind != DOSSIER_STAKEHOLDER_OFFICIAL &&
          full->introduced && !full->titled)
        continue;
      /* A person's surname; "the Ledger" for "The Civic Ledger". */
      if (c->person || full->person ||
          (c->kind == full->kind && c->kind != DOSSIER_STAKEHOLDER_OTHER))
        unite (cands, owner - 1, i);
    }
}

/* ---- Bodies of people ------------------------------------------------------- */

/* Names a body after how the article says it: "Council" if it says "the
 * council", "Cartels" if "the cartels", "National government" if that is
 * what most of its uses are. Forms that come back ("drug cartels") become
 * aliases. @forms holds each use: the word, and the word with the one
 * before it when that one may modify it. */
static void
name_body (Candidate  *c,
           const Body *body,
           GPtrArray  *forms,
           guint       n_uses)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *best = NULL, *best_bare = NULL;
  guint best_n = 0, best_bare_n = 0;

  for (guint i = 0; i < forms->len; i++)
    {
      char *key = dossier_text_fold (g_ptr_array_index (forms, i));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;

      g_hash_table_insert (counts, key, GUINT_TO_POINTER (n));
    }

  for (guint i = 0; i < forms->len; i++)
    {
      const char *form = g_ptr_array_index (forms, i);
      g_autofree char *key = dossier_text_fold (form);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
      gboolean bare = strchr (key, ' ') == NULL;

      if (bare && n > best_bare_n)
        {
          best_bare = form;
          best_bare_n = n;
        }
      if (!bare && n > best_n)
        {
          best = form;
          best_n = n;
        }
      if (!bare && n >= 2)
        candidate_add_form (c, form);
    }

  candidate_add_form (c, body->plural);
  if (!g_str_equal (body->plural, body->word))
    candidate_add_form (c, body->word);

  g_free (c->name);
  /* As written, but for the first capital: "Fishermen in Porthwen". */
  if (best != NULL && best_n * 2 >= n_uses)
    c->name = dossier_text_capitalise (best);
  else
    {
      /* "Pupils", however often "every pupil". */
      g_autofree char *lower = g_utf8_strdown (best_bare != NULL && !is_group_of_people (body) ?
                                               best_bare : body->plural, -1);

      c->name = dossier_text_capitalise (lower);
    }
}

/* Spanish words for a body that open its name: "Fundación Ría Limpia". */
static const char * const leading_bodies[] = {
  "fundacion", "grupo", "ayuntamiento", "ministerio", "secretaria", "sindicato", "partido",
  "gobierno", "empresa", "agencia", "autoridad",
};

/* Whether the name @key (folded) ends in @body's word ("Coastal Regional
 * Transit Authority"), or opens with it before a connector ("Ministry of
 * Transport") or in Spanish ("Fundación Ría Limpia"), unless the body is
 * of the public ("Parents for a Full Week"). */
static gboolean
named_as_body (const char *key,
               const Body *body)
{
  const char * const words[] = { body->word, body->plural };

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      gsize len = strlen (words[w]);
      gsize key_len = strlen (key);

      if (key_len > len && key[key_len - len - 1] == ' ' &&
          g_str_equal (key + key_len - len, words[w]))
        return TRUE;
      /* Not "Parents for a Full Week": a group of them, not all. */
      if (strncmp (key, words[w], len) == 0 && key[len] == ' ' &&
          body->kind != DOSSIER_STAKEHOLDER_PUBLIC)
        {
          g_autofree char *next = g_strndup (key + len + 1, strcspn (key + len + 1, " "));

          if (IN_LIST (leading_bodies, words[w]) ||
              (IN_LIST (connectors, next) && !g_str_equal (next, "&") && !g_str_equal (next, "y")))
            return TRUE;
        }
    }
  return FALSE;
}

/* Whether the words a body of people was seen as (@forms: "company",
 * "water company") are all @body's singular. */
static gboolean
only_singular (GPtrArray  *forms,
               const Body *body)
{
  for (guint f = 0; f < forms->len; f++)
    {
      g_autofree char *folded = dossier_text_fold (g_ptr_array_index (forms, f));
      const char *space = strrchr (folded, ' ');

      if (!g_str_equal (space != NULL ? space + 1 : folded, body->word))
        return FALSE;
    }
  return TRUE;
}

/* The one actor the article names with @body's word ("Coastal Regional
 * Transit Authority", "Trump administration", "Keep Harwick Births
 * group", "Fundación Ría Limpia"; see named_as_body ()): what "the
 * authority", "the administration", "the group", "la fundación" stand
 * for. NULL if it names none or more than one; *@named says whether it
 * names any. */
static Candidate *
body_owner (Collector  *col,
            const Body *body,
            gboolean   *named)
{
  Candidate *owner = NULL;
  guint n_owners = 0;

  for (guint i = 0; i < col->candidates->len; i++)
    {
      Candidate *other = g_ptr_array_index (col->candidates, i);

      if (other->body)
        continue;
      if (named_as_body (other->key, body))
        {
          owner = other;
          n_owners++;
        }
    }

  *named = n_owners > 0;
  return n_owners == 1 ? owner : NULL;
}

/* First words of a town's name that say it is a place: "Port Calder". */
static const char * const town_openers[] = { "port", "fort", "puerto" };

/* The one town the article is about, as its council's ("the city
 * council" of "PORT CALDER, …"): of the names that are a town's — "Port
 * Calder", a community ("los vecinos de Valdecruces"), a name only ever
 * where something is, after "in" at least once — the one seen most;
 * NULL if there is none, or two are seen as often. */
static Candidate *
article_town (Collector *col)
{
  Candidate *town = NULL;
  gboolean tied = FALSE;

  for (guint i = 0; i < col->candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (col->candidates, i);
      const char *last = strrchr (c->key, ' ');
      g_autofree char *first = g_strndup (c->key, strcspn (c->key, " "));

      if (c->body || c->compound || c->person || c->titled || c->acronym || c->quoted ||
          (c->kind != DOSSIER_STAKEHOLDER_OTHER && c->kind != DOSSIER_STAKEHOLDER_PUBLIC) ||
          IN_LIST (street_words, last != NULL ? last + 1 : c->key) ||
          IN_LIST (common_names, c->key) || g_hash_table_contains (col->lower_words, c->key))
        continue;
      if (!((c->place && last != NULL && IN_LIST (town_openers, first)) ||
            c->kind == DOSSIER_STAKEHOLDER_PUBLIC ||
            (c->n_in > 0 && c->n_located == c->n_seen)))
        continue;
      if (town == NULL || c->n_seen > town->n_seen)
        {
          town = c;
          tied = FALSE;
        }
      else if (c->n_seen == town->n_seen)
        tied = TRUE;
    }
  return tied ? NULL : town;
}

/* ---- Entry point ------------------------------------------------------------- */

void
dossier_stakeholder_suggestion_free (DossierStakeholderSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;

  g_free (suggestion->name);
  g_strfreev (suggestion->aliases);
  g_free (suggestion->said_as);
  g_free (suggestion);
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const DossierStakeholderSuggestion *x = *(DossierStakeholderSuggestion **) a;
  const DossierStakeholderSuggestion *y = *(DossierStakeholderSuggestion **) b;

  if (x->n_mentions != y->n_mentions)
    return x->n_mentions > y->n_mentions ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

/* Whether @form is one word without a capital ("council", "groups"): a
 * common noun, which as an alias would count every council of every
 * document. Names and abbreviations have a capital. */
static gboolean
is_common_word (const char *form)
{
  if (strchr (form, ' ') != NULL)
    return FALSE;
  for (const char *p = form; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isupper (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* How @text says the word @form where it uses it (as a mention is found:
 * case aside) after an article — "the council", "el ayuntamiento", the
 * article in lower case as inside a sentence — else where it first uses
 * it: the words as the text has them. NULL if it never does. */
static char *
words_said (const char *text,
            const char *form)
{
  static const char * const before[] = { "the", "el", "la", "los", "las" };
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  g_autoptr(GArray) found = NULL;
  const char *p = text;
  gint64 at = 0;

  if (dossier_mention_finder_add (finder, 0, form) < 0)
    return NULL;
  found = dossier_mention_finder_find (finder, text);
  for (guint i = 0; i < found->len; i++)
    {
      const DossierMention *m = &g_array_index (found, DossierMention, i);
      const char *word_end, *word;
      const char *end;

      p = g_utf8_offset_to_pointer (p, m->start - at);
      at = m->start;
      end = g_utf8_offset_to_pointer (p, m->end - m->start);
      if (p - text < 2 || p[-1] != ' ')
        continue;
      word = word_end = p - 1;
      while (word > text && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (word))))
        word = g_utf8_prev_char (word);
      {
        g_autofree char *article = g_utf8_strdown (word, word_end - word);
        g_autofree char *said = NULL;

        if (IN_LIST (before, article))
          {
            said = g_strndup (p, end - p);
            return g_strconcat (article, " ", said, NULL);
          }
      }
    }
  if (found->len == 0)
    return NULL;
  {
    const DossierMention *m = &g_array_index (found, DossierMention, 0);
    const char *first = g_utf8_offset_to_pointer (text, m->start);

    return g_strndup (first, g_utf8_offset_to_pointer (first, m->end - m->start) - first);
  }
}

/* Counts each suggestion's mentions in @text as the stakeholder it would
 * become counts them: by its name and aliases only. */
static void
count_as_stakeholders (GPtrArray  *suggestions,
                       const char *text)
{
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  g_autoptr(GArray) mentions = NULL;

  for (guint i = 0; i < suggestions->len; i++)
    {
      DossierStakeholderSuggestion *s = g_ptr_array_index (suggestions, i);

      dossier_mention_finder_add (finder, i, s->name);
      for (guint a = 0; s->aliases[a] != NULL; a++)
        dossier_mention_finder_add (finder, i, s->aliases[a]);
      s->n_mentions = 0;
    }

  mentions = dossier_mention_finder_find (finder, text);
  for (guint i = 0; i < mentions->len; i++)
    {
      const DossierMention *m = &g_array_index (mentions, DossierMention, i);
      DossierStakeholderSuggestion *s = g_ptr_array_index (suggestions, m->key);

      /* Where it is first named; else where the text first meant it. */
      if (s->n_mentions++ == 0)
        {
          s->start = m->start;
          s->end = m->end;
        }
    }
}

/* Countries and nations, which name no one: "Natural England", "Sport
 * Scotland". Other places are those the text puts something in. */
static const char * const nations[] = {
  "england", "scotland", "wales", "ireland", "britain", "europe", "america", "africa", "asia",
  "france", "spain", "espana", "germany", "italy", "mexico", "canada", "australia", "india",
  "china", "japan",
};

/* Whether something says that @members (@best its fullest name) name
 * someone: a title ("Dr", "Ms"), a surname used alone ("Venkataraman
 * said"), "he" or "she". */
static gboolean
said_to_be_someone (GPtrArray *members,
                    Candidate *best)
{
  const char *last = strrchr (best->key, ' ');

  for (guint m = 0; m < members->len; m++)
    {
      Candidate *c = g_ptr_array_index (members, m);

      if (c->titled || c->gender != GENDER_UNKNOWN ||
          (c->n_words == 1 && !c->acronym && last != NULL && g_str_equal (c->key, last + 1) &&
           !only_a_place (c)))
        return TRUE;
    }
  return FALSE;
}

/* Whether a group that speaks ("Natural England said") is no person: a
 * word of its name is a nation or a place of the text ("across
 * Westmarch"), and nothing says it is someone (see
 * said_to_be_someone ()). */
static gboolean
speaks_as_body (Collector *col,
                GPtrArray *members,
                Candidate *best)
{
  g_auto(GStrv) words = g_strsplit (best->key, " ", -1);
  gboolean place = FALSE;

  if (said_to_be_someone (members, best))
    return FALSE;
  for (guint w = 0; words[w] != NULL && !place; w++)
    {
      Candidate *other = g_hash_table_lookup (col->by_key, words[w]);

      place = IN_LIST (nations, words[w]) ||
              (other != NULL && (other->place || other->n_located > 0));
    }
  return place;
}

/* The kind of the actor that @members (@best its fullest name) name
 * together: what a title or a word of a name says ("Mayor", "Ltd"), an
 * office first; else someone named with no office — a resident, an
 * expert, a campaigner quoted, an executive — unless it is a body that
 * speaks ("Stagecoach Ashby, which runs …, said", "Natural England
 * said"). A word alone that speaks ("Greenpeace said") may be anything. */
static DossierStakeholderKind
group_kind (Collector *col,
            GPtrArray *members,
            Candidate *best)
{
  DossierStakeholderKind kind = DOSSIER_STAKEHOLDER_OTHER;
  DossierStakeholderKind called = DOSSIER_STAKEHOLDER_OTHER;
  gboolean person = FALSE, thing = FALSE;

  gboolean titled = FALSE;

  for (guint m = 0; m < members->len; m++)
    titled = titled || ((Candidate *) g_ptr_array_index (members, m))->titled;
  for (guint m = 0; m < members->len; m++)
    {
      Candidate *c = g_ptr_array_index (members, m);

      /* "Guild said she …" under "Ms Ada Guild": her surname, no guild. */
      if (titled && c->n_words == 1 && !c->acronym && names_body (c->kind))
        continue;
      if (c->kind != DOSSIER_STAKEHOLDER_OTHER &&
          (kind == DOSSIER_STAKEHOLDER_OTHER || c->kind == DOSSIER_STAKEHOLDER_OFFICIAL))
        kind = c->kind;
      if (c->person && !c->body && !c->compound && !c->acronym)
        person = TRUE;
      thing = thing || c->thing;
      if (called == DOSSIER_STAKEHOLDER_OTHER)
        called = c->called;
    }
  /* "Brenmoor Water will ban hosepipes … The company said": a firm,
   * whose name ends in a thing ("water", also in lower case in the
   * text), not "Ana Ruiz said … The company said": hers. */
  if (kind == DOSSIER_STAKEHOLDER_OTHER && called != DOSSIER_STAKEHOLDER_OTHER &&
      !said_to_be_someone (members, best) && ends_in_thing (col, best))
    return called;
  if (kind == DOSSIER_STAKEHOLDER_OTHER && person && (best->n_words >= 2 || best->titled))
    kind = thing || speaks_as_body (col, members, best) ? DOSSIER_STAKEHOLDER_ORGANISATION
                                                        : DOSSIER_STAKEHOLDER_PERSON;
  return kind;
}

/* Whether a candidate is worth proposing on its own evidence. */
static gboolean
plausible (Collector *col,
           Candidate *c)
{
  if (c->body)
    return TRUE;
  /* A lone letter ("B" of "option B") is never an actor. */
  if (g_utf8_strlen (c->key, -1) < 2 || c->modifier || (c->place && !c->quoted))
    return FALSE;
  /* Only in a heading, or "the Association" that is no one body. */
  if ((c->headline && c->n_seen == 0) || c->lone_head)
    return FALSE;
  /* Only ever in someone's description: "Labour MP Jane Doe". */
  if (c->n_before_title > 0 && c->n_before_title == c->n_seen && !c->quoted && !c->introduced)
    return FALSE;
  if (c->n_words == 1 && !c->acronym && !c->compound)
    {
      /* A capitalised word is a name if it is capitalised inside a
       * sentence and never written in lower case. */
      if ((c->n_seen_inside == 0 && !c->described) ||
          g_hash_table_contains (col->lower_words, c->key))
        return FALSE;
      if (IN_LIST (common_names, c->key) || IN_LIST (stop_words, c->key))
        return FALSE;
    }
  if (c->acronym && IN_LIST (common_names, c->key))
    return FALSE;
  /* Only ever in a table's rows, or there and where something is, and
   * never an actor: "Salt Quay to Ravensholm ⇥ £4.10". */
  if (c->n_in_table > 0 && c->n_in_table + c->n_located >= c->n_seen &&
      c->kind == DOSSIER_STAKEHOLDER_OTHER && !c->person && !c->quoted && !c->introduced &&
      !c->titled && !c->compound)
    return FALSE;
  /* Only ever, or mostly, where something is and never an actor: "at
   * Harwick General", "near Kell Bridge", "between Hallow Cross and
   * Dunmere" twice and "trains to Hallow Cross". */
  if ((c->n_located == c->n_seen || (c->n_located >= 2 && c->n_located * 2 > c->n_seen)) &&
      c->kind == DOSSIER_STAKEHOLDER_OTHER && !c->person && !c->quoted && !c->introduced &&
      !c->titled && !c->compound)
    return FALSE;
  return TRUE;
}

/* Whether @text is a table's rows: a tab after a word parts two cells (a
 * tab that indents a paragraph parts none). */
static gboolean
has_cells (const char *text)
{
  for (const char *tab = strchr (text, '\t'); tab != NULL; tab = strchr (tab + 1, '\t'))
    if (tab > text && !g_ascii_isspace (tab[-1]))
      return TRUE;
  return FALSE;
}

GPtrArray *
dossier_suggest_stakeholders (const char         *text,
                              const DossierBlock *blocks,
                              guint               n_blocks)
{
  GPtrArray *suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_stakeholder_suggestion_free);
  g_auto(Collector) col = { 0 };
  g_autoptr(DossierMentionFinder) finder = dossier_mention_finder_new ();
  g_autoptr(GArray) mentions = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) communities = NULL;
  DossierTextCursor cursor = DOSSIER_TEXT_CURSOR_INIT (text);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (text != NULL, suggestions);
  g_return_val_if_fail (blocks != NULL || n_blocks == 0, suggestions);

  {
    g_autoptr(GArray) all = tokenize (text, 0);

    collector_init (&col, text, board_kind (all));
    communities = community_names (all);
  }

  for (guint b = 0; b < n_blocks; b++)
    {
      const DossierBlock *block = &blocks[b];
      g_autofree char *body_text = NULL;
      g_autoptr(GArray) tokens = NULL;

      /* Headings and titles capitalise every word. A section's "he
       * said" is not about the last section's people. */
      if (block->kind == DOSSIER_BLOCK_TITLE || block->kind == DOSSIER_BLOCK_HEADING ||
          block->kind == DOSSIER_BLOCK_PREFORMATTED || block->start < cursor.offset)
        {
          col.last_person = col.last_named = col.subject = NULL;
          if (col.people != NULL)
            g_array_set_size (col.people, 0);
          continue;
        }

      body_text = dossier_text_cursor_slice (&cursor, block->start, block->end);
      tokens = tokenize (body_text, block->start);
      col.table_row = has_cells (body_text);
      if (tokens->len > 0)
        collect_block (&col, tokens, skip_label (tokens, body_text));
    }

  /* What "the Association" of the text stands for may be named only in
   * the title or a heading. */
  {
    DossierTextCursor headings = DOSSIER_TEXT_CURSOR_INIT (text);

    for (guint b = 0; b < n_blocks; b++)
      if ((blocks[b].kind == DOSSIER_BLOCK_TITLE || blocks[b].kind == DOSSIER_BLOCK_HEADING) &&
          blocks[b].start >= headings.offset)
        {
          g_autofree char *heading = dossier_text_cursor_slice (&headings, blocks[b].start,
                                                                blocks[b].end);
          g_autoptr(GArray) tokens = tokenize (heading, blocks[b].start);

          note_headline_bodies (&col, tokens);
        }
  }

  /* "los vecinos de Valdecruces": the village's people; "Kesby said"
   * too, unless a title says someone is called so. */
  for (guint i = 0; communities != NULL && i < col.candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (col.candidates, i);

      if (c->kind == DOSSIER_STAKEHOLDER_OTHER && !c->titled && c->gender == GENDER_UNKNOWN &&
          !c->body && !c->compound &&
          g_hash_table_contains (communities, c->key))
        c->kind = DOSSIER_STAKEHOLDER_PUBLIC;
    }

  /* Bodies of people the article keeps returning to, unless a named one
   * ("Mexican government") is what it means. */
  g_hash_table_iter_init (&iter, col.body_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint body = GPOINTER_TO_UINT (key) - 1;
      GPtrArray *forms = g_hash_table_lookup (col.body_forms, key);
      gboolean named = FALSE;
      Candidate *owner = body_owner (&col, &bodies[body], &named);
      Candidate *town;
      Candidate *c;

      /* "the city council", "the council", with no council named: the
       * council of the town the article is about, "Port Calder council". */
      if (owner == NULL && !named && GPOINTER_TO_UINT (value) >= 2 &&
          g_str_equal (bodies[body].word, "council") && (town = article_town (&col)) != NULL)
        {
          g_autofree char *name = g_strconcat (town->name, " ", bodies[body].word, NULL);

          c = candidate_get (&col, name, town->start, town->end);
          c->body = TRUE;
          c->kind = bodies[body].kind;
          c->n_seen = GPOINTER_TO_UINT (value);
          name_body (c, &bodies[body], forms, GPOINTER_TO_UINT (value));
          g_free (c->name);
          c->name = g_steal_pointer (&name);
          candidate_add_form (c, c->name);
          continue;
        }

      /* "the trust", named once as "Northvale Hospitals Trust": every
       * use is one more of it. Unnamed, only the bodies of people an
       * article keeps coming back to. */
      if (owner == NULL &&
          (named || bodies[body].named_only ||
           (GPOINTER_TO_UINT (value) < 3 &&
            (col.body_acts == NULL || !g_hash_table_contains (col.body_acts, key)))))
        continue;
      /* "the company said", with no company named so: the one firm the
       * article is about, by whatever name, and no actor "Company"; the
       * companies, the businesses, are. */
      if (owner == NULL && bodies[body].kind == DOSSIER_STAKEHOLDER_BUSINESS &&
          only_singular (forms, &bodies[body]))
        continue;

      c = candidate_get (&col, bodies[body].plural, 0, 0);
      c->body = TRUE;
      c->kind = bodies[body].kind;
      c->n_seen = GPOINTER_TO_UINT (value);
      name_body (c, &bodies[body], forms, GPOINTER_TO_UINT (value));
      /* Worth proposing once, by the name it acts under: what it does
       * says it is an actor. */
      if (col.body_acts != NULL && g_hash_table_contains (col.body_acts, key))
        {
          char **names = g_hash_table_lookup (col.body_acts, key);
          Candidate *place = names[2] != NULL ? g_hash_table_lookup (col.by_key, names[2]) : NULL;

          /* Not "Nurses at St Brannoc’s" when "St Brannoc’s said …":
           * an actor, whose name is no group's. */
          c->introduced = TRUE;
          g_free (c->name);
          c->name = dossier_text_capitalise (names[place != NULL && place->quoted ? 1 : 0]);
          candidate_add_form (c, c->name);
        }
      if (owner != NULL)
        c->group = owner->group;
    }

  group_variants (&col);

  /* Gather each group's candidates: a group is proposed if one of them
   * is plausible on its own ("Ada Lindqvist"), and then its weaker forms
   * come along ("Lindqvist", which only opens sentences). */
  {
    g_autoptr(GHashTable) plausible_groups = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < col.candidates->len; i++)
      if (plausible (&col, g_ptr_array_index (col.candidates, i)))
        g_hash_table_add (plausible_groups, GUINT_TO_POINTER (find_group (col.candidates, i)));

  for (guint i = 0; i < col.candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (col.candidates, i);
      guint root = find_group (col.candidates, i);
      GPtrArray *members;

      /* Nor is it a form of one: the letter is everywhere. */
      if (!g_hash_table_contains (plausible_groups, GUINT_TO_POINTER (root)) ||
          g_utf8_strlen (c->key, -1) < 2)
        continue;

      members = g_hash_table_lookup (groups, GUINT_TO_POINTER (root));
      if (members == NULL)
        {
          members = g_ptr_array_new ();
          g_hash_table_insert (groups, GUINT_TO_POINTER (root), members);
        }
      g_ptr_array_add (members, c);
    }
  }

  /* Count every form of every group: what each is worth proposing. */
  {
    g_autoptr(GPtrArray) order = g_ptr_array_new ();
    g_autoptr(GArray) counts = NULL;
    g_autoptr(GArray) firsts = NULL;

    g_hash_table_iter_init (&iter, groups);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_ptr_array_add (order, value);

    for (guint g = 0; g < order->len; g++)
      {
        GPtrArray *members = g_ptr_array_index (order, g);

        for (guint m = 0; m < members->len; m++)
          {
            Candidate *c = g_ptr_array_index (members, m);

            for (guint f = 0; f < c->forms->len; f++)
              dossier_mention_finder_add (finder, g, g_ptr_array_index (c->forms, f));
          }
      }

    mentions = dossier_mention_finder_find (finder, text);
    counts = g_array_sized_new (FALSE, TRUE, sizeof (guint), order->len);
    g_array_set_size (counts, order->len);
    firsts = g_array_sized_new (FALSE, TRUE, sizeof (DossierMention), order->len);
    g_array_set_size (firsts, order->len);
    for (guint i = 0; i < mentions->len; i++)
      {
        const DossierMention *m = &g_array_index (mentions, DossierMention, i);

        if (g_array_index (counts, guint, m->key)++ == 0)
          g_array_index (firsts, DossierMention, m->key) = *m;
      }

    for (guint g = 0; g < order->len; g++)
      {
        GPtrArray *members = g_ptr_array_index (order, g);
        g_autoptr(GPtrArray) aliases = g_ptr_array_new ();
        g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        DossierStakeholderSuggestion *s;
        Candidate *best = NULL;
        DossierStakeholderKind kind;
        gboolean quoted = FALSE;

        /* Named twice, or quoted or introduced once. */
        for (guint m = 0; m < members->len; m++)
          quoted = quoted || ((Candidate *) g_ptr_array_index (members, m))->quoted ||
                   ((Candidate *) g_ptr_array_index (members, m))->introduced;
        if (g_array_index (counts, guint, g) < (quoted ? 1u : 2u))
          continue;

        /* The fullest name: most words, then most seen; an acronym only
         * if there is nothing else. */
        for (guint m = 0; m < members->len; m++)
          {
            Candidate *c = g_ptr_array_index (members, m);

            if (best == NULL ||
                (best->acronym && !c->acronym) ||
                (best->acronym == c->acronym &&
                 (c->n_words > best->n_words ||
                  (c->n_words == best->n_words && c->n_seen > best->n_seen))))
              best = c;
          }

        kind = group_kind (&col, members, best);

        s = g_new0 (DossierStakeholderSuggestion, 1);
        s->name = g_strdup (best->name);
        s->kind = kind;
        s->n_mentions = g_array_index (counts, guint, g);
        s->start = g_array_index (firsts, DossierMention, g).start;
        s->end = g_array_index (firsts, DossierMention, g).end;
        g_hash_table_add (seen, dossier_text_fold (s->name));
        for (guint m = 0; m < members->len; m++)
          {
            Candidate *c = g_ptr_array_index (members, m);

            for (guint f = 0; f < c->forms->len; f++)
              {
                const char *form = g_ptr_array_index (c->forms, f);
                char *folded = dossier_text_fold (form);

                /* Not "council" for "Port Calder council": but that is
                 * how the text says it, if it never says its name. */
                if (is_common_word (form) && s->said_as == NULL)
                  s->said_as = words_said (text, form);
                if (g_hash_table_contains (seen, folded) || is_common_word (form))
                  g_free (folded);
                else
                  {
                    g_hash_table_add (seen, folded);
                    g_ptr_array_add (aliases, g_strdup (form));
                  }
              }
          }
        g_ptr_array_add (aliases, NULL);
        s->aliases = (char **) g_ptr_array_steal (aliases, NULL);
        g_ptr_array_add (suggestions, s);
      }
  }

  /* Worth proposing by every use found ("the council" of "Port Calder
   * council"); counted as it will be once added. */
  count_as_stakeholders (suggestions, text);
  for (guint i = 0; i < suggestions->len; i++)
    {
      DossierStakeholderSuggestion *s = g_ptr_array_index (suggestions, i);

      if (s->n_mentions > 0)
        g_clear_pointer (&s->said_as, g_free);
    }
  g_ptr_array_sort (suggestions, compare_suggestions);
  return suggestions;
}

/* ---- Another name of a stakeholder ----------------------------------------- */

/* Words a body's name may have or leave out: "Port Calder City Council"
 * is "Port Calder council". */
static const char * const generic_name_words[] = {
  "the", "city", "borough", "county", "town", "district",
};

/* The words of @name, folded, without an "'s" and the generic words. */
static GPtrArray *
words_of_name (const char *name)
{
  GPtrArray *words = dossier_text_folded_words (name);

  for (guint i = words->len; i > 0; i--)
    {
      const char *word = g_ptr_array_index (words, i - 1);

      if (g_str_equal (word, "s") || IN_LIST (generic_name_words, word))
        g_ptr_array_remove_index (words, i - 1);
    }
  return words;
}

gboolean
dossier_suggest_same_names (const char *name,
                            const char *known)
{
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GPtrArray) known_words = NULL;
  guint k = 0;

  g_return_val_if_fail (name != NULL && known != NULL, FALSE);

  words = words_of_name (name);
  known_words = words_of_name (known);
  if (words->len == 0 || words->len > known_words->len)
    return FALSE;
  /* One word is every council's, every Ruiz's. */
  if (words->len < known_words->len &&
      (words->len < 2 || !g_str_equal (g_ptr_array_index (words, words->len - 1),
                                       g_ptr_array_index (known_words, known_words->len - 1))))
    return FALSE;
  for (guint i = 0; i < known_words->len && k < words->len; i++)
    if (g_str_equal (g_ptr_array_index (known_words, i), g_ptr_array_index (words, k)))
      k++;
  return k == words->len;
}

/* ---- The kind a text gives a name ------------------------------------------ */

/* The title that ends just before token @at ("councillor", "the harbour
 * master,"): its kind, TITLE_NONE if there is none. A body's office after
 * "its" ("its secretary, Ruth Kimathi") is a role there, as the
 * suggestions read it (of_body_named_last ()). */
static TitleKind
title_before (GArray *tokens,
              guint   at)
{
  for (guint n = MIN (at, 4); n > 0; n--)
    {
      TitleKind kind = TITLE_NONE;
      const Token *last = &g_array_index (tokens, Token, at - 1);

      if ((last->flags & (TOKEN_SPACE | TOKEN_COMMA)) &&
          title_at (tokens, at - n, at, &kind) == n)
        return (last->flags & TOKEN_COMMA) &&
               office_at_body (tokens, at - n, kind_of_name_before (tokens, at - n))
               ? TITLE_ROLE : kind;
    }
  return TITLE_NONE;
}

/* What the title a mention has beside it makes of it. */
static DossierStakeholderKind
kind_of_title (TitleKind kind,
               TitleKind board)
{
  switch (resolve_board (kind, board))
    {
    case TITLE_OFFICIAL: return DOSSIER_STAKEHOLDER_OFFICIAL;
    case TITLE_ROLE:
    case TITLE_HONORIFIC: return DOSSIER_STAKEHOLDER_PERSON;
    case TITLE_BOARD:
    case TITLE_NONE:
    default: return DOSSIER_STAKEHOLDER_OTHER;
    }
}

/* The kind of the name @key (folded) as its suggestion shows it (see
 * group_kind ()): a person after a title that is no office, or quoted
 * ("said Ana Ruiz", "Joss Penrose … “…,” he said"); an organisation that
 * speaks ("Natural England said", "Stagecoach Ashby, which runs …,
 * said") or that a role introduces ("its tenant, Marlow Boatyard, which
 * repairs boats"). */
static DossierStakeholderKind
speaker_kind (const char *text,
              GArray     *tokens,
              const char *key,
              TitleKind   board)
{
  g_auto(Collector) col = { 0 };
  Candidate *c;

  collector_init (&col, text, board);
  if (tokens->len > 0)
    collect_block (&col, tokens, 0);
  c = g_hash_table_lookup (col.by_key, key);
  if (c == NULL || c->body || c->compound || c->acronym)
    return DOSSIER_STAKEHOLDER_OTHER;
  /* "Natural England said", unless "England said" too. */
  {
    g_autoptr(GPtrArray) forms = g_ptr_array_new ();
    const char *last = strrchr (key, ' ');
    Candidate *surname = last != NULL ? g_hash_table_lookup (col.by_key, last + 1) : NULL;

    g_autofree char *first_word = g_strndup (key, strcspn (key, " "));
    Candidate *short_form = g_hash_table_lookup (col.by_key, first_word);

    g_ptr_array_add (forms, c);
    if (surname != NULL)
      g_ptr_array_add (forms, surname);
    /* "Brenmoor said" of "Brenmoor Water", as group_variants () has it. */
    if (short_form != NULL && !ends_another_name (col.candidates, short_form, FALSE) &&
        short_form_that_speaks (&col, short_form, c))
      {
        short_form->thing = TRUE;
        g_ptr_array_add (forms, short_form);
      }
    return group_kind (&col, forms, c);
  }
}

DossierStakeholderKind
dossier_suggest_stakeholder_kind (const char *text,
                                  const char *name,
                                  gint64      start,
                                  gint64      end)
{
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) tokens = NULL;
  g_autofree char *key = NULL;
  DossierStakeholderKind nearest = DOSSIER_STAKEHOLDER_OTHER;
  gint64 nearest_distance = G_MAXINT64;
  gboolean passage = start >= 0 && end > start;
  TitleKind board;

  g_return_val_if_fail (text != NULL, DOSSIER_STAKEHOLDER_OTHER);
  g_return_val_if_fail (name != NULL, DOSSIER_STAKEHOLDER_OTHER);

  words = tokenize (name, 0);
  if (words->len == 0)
    return DOSSIER_STAKEHOLDER_OTHER;

  /* The name says it itself: "Harbour Workers’ Union". */
  {
    DossierStakeholderKind kind = name_kind (words, 0, words->len - 1);

    if (kind != DOSSIER_STAKEHOLDER_OTHER)
      return kind;
  }

  /* The title beside each mention: before the name (or before the rest
   * of it: "President Andrés Manuel López Obrador" for "López Obrador"),
   * or after it and a comma. The mention in the passage says first; a
   * title once given elsewhere may be another's ("President Ruiz" is not
   * "Ana Ruiz of the residents’ association"), so the nearest says next. */
  tokens = tokenize (text, 0);
  board = board_kind (tokens);
  for (guint i = 0; i + words->len <= tokens->len; i++)
    {
      guint last = i + words->len - 1;
      TitleKind title = TITLE_NONE;
      DossierStakeholderKind kind;
      gboolean match = TRUE;
      gint64 m_start, m_end, distance;

      for (guint w = 0; match && w < words->len; w++)
        match = g_str_equal (g_array_index (tokens, Token, i + w).folded,
                             g_array_index (words, Token, w).folded) &&
                (w + 1 == words->len || (g_array_index (tokens, Token, i + w).flags & TOKEN_SPACE));
      if (!match)
        continue;

      for (guint at = i; at > 0 && at + 3 > i; at--)
        {
          title = title_before (tokens, at);
          if (title != TITLE_NONE ||
              !(g_array_index (tokens, Token, at - 1).flags & TOKEN_SPACE) ||
              !is_name_token (&g_array_index (tokens, Token, at - 1)))
            break;
        }
      /* "el concejal de la oposición Jaime Robledo" */
      for (guint at = i; title == TITLE_NONE && at > 1 && at + 5 > i; at--)
        if (title_gap (tokens, at - 1) == i - (at - 1))
          {
            title = title_before (tokens, at - 1);
            if (title != TITLE_NONE && tied_to_body (tokens, at - 1))
              title = TITLE_ROLE;
          }
      /* "la concejala de Urbanismo, Marta Gil" */
      for (guint gap = 2; title == TITLE_NONE && gap <= 5 && gap < i; gap++)
        if (title_gap_then_comma (tokens, i - gap) == gap)
          {
            title = title_before (tokens, i - gap);
            if (title != TITLE_NONE && tied_to_body (tokens, i - gap))
              title = TITLE_ROLE;
          }
      if (title == TITLE_NONE)
        title_after (tokens, last, &title);
      kind = kind_of_title (title, board);
      /* "the consultancy Halloran & Pike", "Save the Tarn". */
      if (kind == DOSSIER_STAKEHOLDER_OTHER)
        {
          gboolean by_word;

          kind = described_kind (tokens, i, last, &by_word);
        }
      /* "Ofwat, the regulator, said" */
      if (kind == DOSSIER_STAKEHOLDER_OTHER)
        kind = body_noun_beside (tokens, 0, i, last);
      /* "Stagecoach Ashby, which runs the number 14, said": a body that
       * speaks. */
      if (kind == DOSSIER_STAKEHOLDER_OTHER && which_not_who (tokens, 0, i, last) &&
          (quoted_after (tokens, last) || quoted_before (tokens, 0, i, last)))
        kind = DOSSIER_STAKEHOLDER_ORGANISATION;

      m_start = g_array_index (tokens, Token, i).start;
      m_end = g_array_index (tokens, Token, last).end;
      if (passage && m_start < end && m_end > start)
        {
          guint first = i;

          if (kind != DOSSIER_STAKEHOLDER_OTHER)
            return kind;
          /* No title, but it speaks there: "said Ruiz of the residents’
           * association", "Ana Ruiz warned". */
          while (first > 0 && (g_array_index (tokens, Token, first - 1).flags & TOKEN_SPACE) &&
                 is_name_token (&g_array_index (tokens, Token, first - 1)) &&
                 !(g_array_index (tokens, Token, first).flags & TOKEN_INITIAL))
            first--;
          if ((quoted_after (tokens, last) || quoted_before (tokens, 0, first, last)) &&
              (last > first || tied_to_body (tokens, last + 1)))
            return DOSSIER_STAKEHOLDER_PERSON;
        }
      distance = !passage ? m_start : m_end <= start ? start - m_end : m_start - end;
      if (kind != DOSSIER_STAKEHOLDER_OTHER && distance < nearest_distance)
        {
          nearest = kind;
          nearest_distance = distance;
        }
    }

  /* The passage cited opens with a title: "the harbour master said". */
  if (passage)
    {
      g_autofree char *cited_text = dossier_text_slice (text, start, end);
      g_autoptr(GArray) cited = tokenize (cited_text, 0);
      guint at = 0, n;
      TitleKind title = TITLE_NONE;

      if (cited->len > 1 && (g_array_index (cited, Token, 0).flags & TOKEN_SPACE) &&
          IN_LIST (articles, g_array_index (cited, Token, 0).folded))
        at = 1;
      n = title_at (cited, at, cited->len, &title);
      title = resolve_board (title, board);
      /* Not "Mr Ivo Brandt, who owns": that one is someone's name. */
      if (n > 0 && (title == TITLE_OFFICIAL ||
                    (title == TITLE_ROLE &&
                     (at + n >= cited->len || !is_name_token (&g_array_index (cited, Token, at + n))))))
        return kind_of_title (title, board);
    }

  if (nearest != DOSSIER_STAKEHOLDER_OTHER)
    return nearest;

  key = dossier_text_fold (name);
  {
    g_autoptr(GHashTable) communities = community_names (tokens);

    if (communities != NULL && g_hash_table_contains (communities, key))
      return DOSSIER_STAKEHOLDER_PUBLIC;
  }
  return speaker_kind (text, tokens, key, board);
}
