/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-cli-analysis.c — the commands for stakeholders and arguments:
 * stakeholder-add, stakeholders, mentions, question-add, argument-add,
 * arguments, evidence-add and suggest. Listings are tab-separated, one
 * record per line, so that scripts can cut them; each change is one
 * transaction in the core.
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dossier-cli-private.h"

/* ---- Names as the window shows them ------------------------------------------------ */

/* A stakeholder's name or aliases as a listing field: cut as the window
 * shows them (dossier_text_shown ()), so that a name or an alias of 50 MB
 * from someone else's file prints as the window shows it, not whole. */
static char *
shown_field (const char *text)
{
  g_autofree char *shown = dossier_text_shown (text);

  return cli_field (shown);
}

/* The aliases, separated by "; ", as one such field. */
static char *
shown_aliases_field (const char * const *aliases)
{
  g_autofree char *joined = g_strjoinv ("; ", (char **) aliases);

  return shown_field (joined);
}

/* ---- Finding things by what the user typed ------------------------------------ */

/* A stakeholder by id, name or alias. */
static DossierStakeholder *
find_stakeholder (const char     *name,
                  DossierProject *project,
                  const char     *what)
{
  DossierStakeholder *s = NULL;
  gint64 id;

  if (g_ascii_string_to_signed (what, 10, 1, G_MAXINT64, &id, NULL))
    s = dossier_project_get_stakeholder (project, id);
  if (s == NULL)
    s = dossier_project_find_stakeholder (project, what);
  if (s == NULL)
    cli_error (name, _("there is no stakeholder “%s” in “%s” (“dossier-cli stakeholders %s” "
                       "lists them)"),
               what, dossier_project_get_path (project), dossier_project_get_path (project));
  return s;
}

/* A question by id, or by its exact text (case and accents aside). */
static DossierQuestion *
find_question (const char     *name,
               DossierProject *project,
               const char     *what)
{
  GListModel *questions = dossier_project_get_questions (project);
  g_autofree char *folded = dossier_text_fold (what);
  gint64 id;

  if (g_ascii_string_to_signed (what, 10, 1, G_MAXINT64, &id, NULL) &&
      dossier_project_get_question (project, id) != NULL)
    return dossier_project_get_question (project, id);

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(DossierQuestion) q = g_list_model_get_item (questions, i);
      g_autofree char *text = dossier_text_fold (dossier_question_get_text (q));

      if (g_str_equal (text, folded))
        return q;
    }

  cli_error (name, _("there is no question “%s” in “%s” (“dossier-cli arguments %s” "
                     "lists them)"),
             what, dossier_project_get_path (project), dossier_project_get_path (project));
  return NULL;
}

/* A small whole number within [min, max] given as an option. */
static gboolean
parse_range (const char *name,
             const char *option,
             const char *value,
             int         min,
             int         max,
             int        *out)
{
  gint64 n;

  if (value == NULL)
    return TRUE;

  if (!g_ascii_string_to_signed (value, 10, min, max, &n, NULL))
    {
      cli_usage_error (name, _("%s must be a whole number from %d to %d, not “%s”"),
                       option, min, max, value);
      return FALSE;
    }

  *out = (int) n;
  return TRUE;
}

static gboolean
parse_kind (const char             *name,
            const char             *value,
            DossierStakeholderKind *kind)
{
  g_autoptr(GString) kinds = NULL;

  if (value == NULL || dossier_stakeholder_kind_from_string (value, kind))
    return TRUE;

  kinds = g_string_new (NULL);
  for (int k = 0; k < DOSSIER_STAKEHOLDER_N_KINDS; k++)
    g_string_append_printf (kinds, "%s%s", k > 0 ? ", " : "", dossier_stakeholder_kind_to_string (k));
  cli_usage_error (name, _("unknown kind “%s”: use one of %s"), value, kinds->str);
  return FALSE;
}

static const char *
stance_field (int position,
              char buf[8])
{
  if (position == DOSSIER_STANCE_UNKNOWN)
    return "-";
  g_snprintf (buf, 8, "%+d", position);
  return position == 0 ? "0" : buf;
}

/* ---- stakeholder-add ------------------------------------------------------------ */

int
cli_stakeholder_add (const char *name,
                     int         argc,
                     char      **argv)
{
  g_auto(GStrv) aliases = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *stance = NULL;
  g_autofree char *position = NULL;
  g_autofree char *power = NULL;
  g_autofree char *interest = NULL;
  g_autofree char *description = NULL;
  g_autofree char *interests = NULL;
  g_autofree char *color = NULL;
  double wait = 0;
  GOptionEntry entries[] = {
    { "alias", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &aliases,
      N_("Another name the texts use for it (repeat for more)"), N_("ALIAS") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name,
      N_("government, official, person, legislature, party, organisation, armed-group, "
         "business, civil-society, media, public, foreign-state or other (default)"), N_("KIND") },
    { "stance", 's', 0, G_OPTION_ARG_STRING, &stance,
      N_("Its stance on the question, in your words"), N_("TEXT") },
    { "position", 'p', 0, G_OPTION_ARG_STRING, &position,
      N_("Its stance from -2 (strongly against) to 2 (strongly for)"), N_("-2…2") },
    { "power", 0, 0, G_OPTION_ARG_STRING, &power,
      N_("How much it can do about the question, 1 to 5 (default 3)"), N_("1–5") },
    { "interest", 0, 0, G_OPTION_ARG_STRING, &interest,
      N_("How much it cares, 1 to 5 (default 3)"), N_("1–5") },
    { "description", 'd', 0, G_OPTION_ARG_STRING, &description,
      N_("Who or what it is"), N_("TEXT") },
    { "interests", 0, 0, G_OPTION_ARG_STRING, &interests,
      N_("What it wants"), N_("TEXT") },
    { "color", 'c', 0, G_OPTION_ARG_STRING, &color,
      N_("Its colour (default: the next of the palette)"), N_("#RRGGBB") },
    cli_wait_entry (&wait),
    { NULL }
  };
  DossierStakeholderFields fields = DOSSIER_STAKEHOLDER_FIELDS_INIT;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!cli_parse (name, entries, &argc, &argv, 2, 2) ||
      !parse_kind (name, kind_name, &fields.kind) ||
      !parse_range (name, "--position", position, DOSSIER_STANCE_MIN, DOSSIER_STANCE_MAX,
                    &fields.stance_position) ||
      !parse_range (name, "--power", power, DOSSIER_RATING_MIN, DOSSIER_RATING_MAX,
                    &fields.power) ||
      !parse_range (name, "--interest", interest, DOSSIER_RATING_MIN, DOSSIER_RATING_MAX,
                    &fields.interest))
    return CLI_EXIT_USAGE;

  project = cli_open_project_full (name, argv[0], DOSSIER_OPEN_READ_WRITE, wait);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  fields.name = argv[1];
  fields.aliases = (const char * const *) aliases;
  fields.stance = stance;
  fields.description = description;
  fields.interests = interests;
  fields.color = color;

  id = dossier_project_create_stakeholder (project, &fields, &error);
  return cli_print_id (name, id, error);
}

/* ---- stakeholders --------------------------------------------------------------- */

static gboolean
print_stakeholder (DossierProject  *project,
                   gpointer         item,
                   GError         **error)
{
  DossierStakeholder *s = item;
  g_autofree char *field = shown_field (dossier_stakeholder_get_name (s));
  g_autofree char *aliases_field = shown_aliases_field (dossier_stakeholder_get_aliases (s));
  char buf[8];

  cli_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%d\t%d\t%u\t%u\t%u\t%s\n",
             dossier_stakeholder_get_id (s), field,
             dossier_stakeholder_kind_to_string (dossier_stakeholder_get_kind (s)),
             stance_field (dossier_stakeholder_get_stance_position (s), buf),
             dossier_stakeholder_get_power (s), dossier_stakeholder_get_interest (s),
             dossier_stakeholder_get_n_mentions (s), dossier_stakeholder_get_n_documents (s),
             dossier_stakeholder_get_n_evidence (s), aliases_field);
  return TRUE;
}

int
cli_stakeholders (const char *name,
                  int         argc,
                  char      **argv)
{
  return cli_list (name, argc, argv, dossier_project_get_stakeholders, print_stakeholder);
}

/* ---- mentions ----------------------------------------------------------------------- */

static int
print_unreviewed (const char     *name,
                  DossierProject *project,
                  gint64          stakeholder_id,
                  gint64          document_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = dossier_project_list_unreviewed_mentions (project, stakeholder_id,
                                                                        &error);

  if (hits == NULL)
    return cli_fail (name, error);

  for (guint i = 0; i < hits->len; i++)
    {
      DossierMentionHit *hit = g_ptr_array_index (hits, i);
      DossierStakeholder *s = dossier_project_get_stakeholder (project, hit->stakeholder_id);
      g_autofree char *who = shown_field (s != NULL ? dossier_stakeholder_get_name (s) : "");
      g_autofree char *snippet = cli_field (hit->snippet);

      if (document_id != 0 && hit->document_id != document_id)
        continue;
      cli_print ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\n",
                 hit->document_id, hit->start, hit->end, who, snippet);
    }

  return CLI_EXIT_OK;
}

int
cli_mentions (const char *name,
              int         argc,
              char      **argv)
{
  gboolean unreviewed = FALSE;
  gint64 document_id = 0;
  GOptionEntry entries[] = {
    { "unreviewed", 'u', 0, G_OPTION_ARG_NONE, &unreviewed,
      N_("Only mentions that no highlight covers yet"), NULL },
    { "doc", 'd', 0, G_OPTION_ARG_INT64, &document_id,
      N_("Only in this document"), N_("DOC") },
    { NULL }
  };
  g_autoptr(DossierProject) project = NULL;
  GListModel *documents;
  gint64 stakeholder_id = 0;
  int status;

  project = cli_parse_and_open (name, entries, &argc, &argv, 1, 2, DOSSIER_OPEN_READ_ONLY, NULL,
                                &status);
  if (project == NULL)
    return status;

  if (argc > 1)
    {
      DossierStakeholder *s = find_stakeholder (name, project, argv[1]);

      if (s == NULL)
        return CLI_EXIT_FAILURE;
      stakeholder_id = dossier_stakeholder_get_id (s);
    }
  if (document_id != 0 && cli_find_document (name, project, document_id) == NULL)
    return CLI_EXIT_FAILURE;

  if (unreviewed)
    return print_unreviewed (name, project, stakeholder_id, document_id);

  documents = dossier_project_get_documents (project);
  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(DossierDocument) doc = g_list_model_get_item (documents, d);
      gint64 id = dossier_document_get_id (doc);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) mentions = NULL;
      g_autofree char *text = NULL;

      if (document_id != 0 && id != document_id)
        continue;

      mentions = dossier_project_list_mentions (project, id, stakeholder_id, &error);
      if (mentions == NULL)
        return cli_fail (name, error);
      if (mentions->len == 0)
        continue;

      text = dossier_project_get_document_text (project, id, &error);
      if (text == NULL)
        return cli_fail (name, error);

      for (guint i = 0; i < mentions->len; i++)
        {
          const DossierMention *m = &g_array_index (mentions, DossierMention, i);
          DossierStakeholder *s = dossier_project_get_stakeholder (project, m->key);
          g_autofree char *who = shown_field (s != NULL ? dossier_stakeholder_get_name (s) : "");
          g_autofree char *found = dossier_text_slice (text, m->start, m->end);
          g_autofree char *found_field = cli_field (found);

          cli_print ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\n",
                     id, m->start, m->end, who, found_field);
        }
    }

  return CLI_EXIT_OK;
}

/* ---- question-add, argument-add ------------------------------------------------------ */

int
cli_question_add (const char *name,
                  int         argc,
                  char      **argv)
{
  double wait = 0;
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int status;

  project = cli_parse_and_open (name, NULL, &argc, &argv, 2, 2, DOSSIER_OPEN_READ_WRITE, &wait,
                                &status);
  if (project == NULL)
    return status;

  id = dossier_project_add_question (project, argv[1], &error);
  return cli_print_id (name, id, error);
}

int
cli_argument_add (const char *name,
                  int         argc,
                  char      **argv)
{
  gboolean pro = FALSE, con = FALSE;
  g_autofree char *stakeholder = NULL;
  g_autofree char *strength = NULL;
  double wait = 0;
  GOptionEntry entries[] = {
    { "pro", 0, 0, G_OPTION_ARG_NONE, &pro, N_("An argument for"), NULL },
    { "con", 0, 0, G_OPTION_ARG_NONE, &con, N_("An argument against"), NULL },
    { "stakeholder", 's', 0, G_OPTION_ARG_STRING, &stakeholder,
      N_("Whose argument it is (a name, alias or id)"), N_("NAME") },
    { "strength", 0, 0, G_OPTION_ARG_STRING, &strength,
      N_("How strong it is, 1 to 5 (default 3)"), N_("1–5") },
    cli_wait_entry (&wait),
    { NULL }
  };
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  DossierQuestion *question;
  int strength_value = DOSSIER_STRENGTH_DEFAULT;
  gint64 stakeholder_id = 0;
  gint64 id;

  if (!cli_parse (name, entries, &argc, &argv, 3, 3) ||
      !parse_range (name, "--strength", strength, DOSSIER_STRENGTH_MIN, DOSSIER_STRENGTH_MAX,
                    &strength_value))
    return CLI_EXIT_USAGE;

  if (pro == con)
    return cli_usage_error (name, _("say whether it is an argument for (--pro) or against (--con)"));

  project = cli_open_project_full (name, argv[0], DOSSIER_OPEN_READ_WRITE, wait);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  question = find_question (name, project, argv[1]);
  if (question == NULL)
    return CLI_EXIT_FAILURE;
  if (stakeholder != NULL)
    {
      DossierStakeholder *s = find_stakeholder (name, project, stakeholder);

      if (s == NULL)
        return CLI_EXIT_FAILURE;
      stakeholder_id = dossier_stakeholder_get_id (s);
    }

  id = dossier_project_add_argument (project, dossier_question_get_id (question),
                                     pro ? DOSSIER_POLARITY_PRO : DOSSIER_POLARITY_CON,
                                     argv[2], stakeholder_id, strength_value, &error);
  return cli_print_id (name, id, error);
}

/* ---- arguments ----------------------------------------------------------------------------- */

int
cli_arguments (const char *name,
               int         argc,
               char      **argv)
{
  g_autoptr(DossierProject) project = NULL;
  GListModel *questions, *arguments;
  int status;

  project = cli_parse_and_open (name, NULL, &argc, &argv, 1, 1, DOSSIER_OPEN_READ_ONLY, NULL,
                                &status);
  if (project == NULL)
    return status;

  questions = dossier_project_get_questions (project);
  arguments = dossier_project_get_arguments (project);
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(DossierQuestion) q = g_list_model_get_item (questions, i);
      g_autofree char *text = cli_field (dossier_question_get_text (q));

      cli_print ("%" G_GINT64_FORMAT "\t%s\t%u\t%u\t%u\t%u\n", dossier_question_get_id (q), text,
                 dossier_question_get_n_pros (q), dossier_question_get_pro_strength (q),
                 dossier_question_get_n_cons (q), dossier_question_get_con_strength (q));

      for (guint j = 0; j < g_list_model_get_n_items (arguments); j++)
        {
          g_autoptr(DossierArgument) a = g_list_model_get_item (arguments, j);
          DossierStakeholder *s;
          g_autofree char *statement = NULL;
          g_autofree char *who = NULL;

          if (dossier_argument_get_question_id (a) != dossier_question_get_id (q))
            continue;

          s = dossier_project_get_stakeholder (project, dossier_argument_get_stakeholder_id (a));
          statement = cli_field (dossier_argument_get_statement (a));
          who = shown_field (s != NULL ? dossier_stakeholder_get_name (s) : "");
          cli_print ("  %" G_GINT64_FORMAT "\t%s\t%d\t%u\t%u\t%s\t%s\n",
                     dossier_argument_get_id (a),
                     dossier_polarity_to_string (dossier_argument_get_polarity (a)),
                     dossier_argument_get_strength (a), dossier_argument_get_n_evidence (a),
                     dossier_argument_get_n_sources (a), who, statement);
        }
    }

  return CLI_EXIT_OK;
}

/* ---- evidence-add ---------------------------------------------------------------------------- */

int
cli_evidence_add (const char *name,
                  int         argc,
                  char      **argv)
{
  g_autofree char *stakeholder = NULL;
  g_autofree char *argument = NULL;
  g_autofree char *note = NULL;
  g_autofree char *role_name = NULL;
  g_autofree char *position = NULL;
  double wait = 0;
  GOptionEntry entries[] = {
    { "stakeholder", 's', 0, G_OPTION_ARG_STRING, &stakeholder,
      N_("Cite it for this stakeholder (a name, alias or id)"), N_("NAME") },
    { "argument", 'a', 0, G_OPTION_ARG_STRING, &argument,
      N_("Cite it for this argument (an id from “arguments”)"), N_("ID") },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note,
      N_("Why it is evidence"), N_("TEXT") },
    { "role", 'r', 0, G_OPTION_ARG_STRING, &role_name,
      N_("For a stakeholder: what it shows — stance, power, interest or quote"), N_("ROLE") },
    { "position", 'p', 0, G_OPTION_ARG_STRING, &position,
      N_("With --role stance: the stance it shows, -2 to 2"), N_("-2…2") },
    cli_wait_entry (&wait),
    { NULL }
  };
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GError) error = NULL;
  DossierEvidenceRole role = DOSSIER_EVIDENCE_NONE;
  int stance = DOSSIER_STANCE_UNKNOWN;
  gint64 highlight_id;
  gboolean ok;

  if (!cli_parse (name, entries, &argc, &argv, 2, 2) ||
      !cli_parse_int (name, "HIGHLIGHT", argv[1], 1, &highlight_id) ||
      !parse_range (name, "--position", position, DOSSIER_STANCE_MIN, DOSSIER_STANCE_MAX, &stance))
    return CLI_EXIT_USAGE;

  if ((stakeholder == NULL) == (argument == NULL))
    return cli_usage_error (name, _("give either --stakeholder or --argument"));
  if (role_name != NULL &&
      (!dossier_evidence_role_from_string (role_name, &role) || role == DOSSIER_EVIDENCE_NONE))
    return cli_usage_error (name, _("unknown role “%s”: use stance, power, interest or quote"),
                            role_name);
  if (argument != NULL && (role_name != NULL || position != NULL))
    return cli_usage_error (name, _("--role and --position are for a stakeholder’s evidence"));
  if (position != NULL && role != DOSSIER_EVIDENCE_STANCE)
    return cli_usage_error (name, _("--position goes with --role stance"));

  project = cli_open_project_full (name, argv[0], DOSSIER_OPEN_READ_WRITE, wait);
  if (project == NULL)
    return CLI_EXIT_FAILURE;

  if (stakeholder != NULL)
    {
      DossierStakeholder *s = find_stakeholder (name, project, stakeholder);

      if (s == NULL)
        return CLI_EXIT_FAILURE;
      ok = dossier_project_add_stakeholder_evidence (project, dossier_stakeholder_get_id (s),
                                                     highlight_id, note, role, stance, &error);
    }
  else
    {
      gint64 argument_id;

      if (!cli_parse_int (name, "--argument", argument, 1, &argument_id))
        return CLI_EXIT_USAGE;
      ok = dossier_project_add_argument_evidence (project, argument_id, highlight_id, note, &error);
    }

  return ok ? CLI_EXIT_OK : cli_fail (name, error);
}

/* ---- suggest ------------------------------------------------------------------------------------- */

int
cli_suggest (const char *name,
             int         argc,
             char      **argv)
{
  g_autoptr(DossierProject) project = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GPtrArray) arguments = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id;
  int status;

  project = cli_parse_and_open_document (name, &argc, &argv, &document_id, &status);
  if (project == NULL)
    return status;

  stakeholders = dossier_project_suggest_stakeholders (project, document_id, &error);
  if (stakeholders == NULL)
    return cli_fail (name, error);
  arguments = dossier_project_suggest_arguments (project, document_id, &error);
  if (arguments == NULL)
    return cli_fail (name, error);

  for (guint i = 0; i < stakeholders->len; i++)
    {
      DossierStakeholderSuggestion *s = g_ptr_array_index (stakeholders, i);
      g_autofree char *field = shown_field (s->name);
      g_autofree char *aliases_field = shown_aliases_field ((const char * const *) s->aliases);

      /* As the window offers them: another name of a stakeholder joins
       * its aliases; one the text never names, but says otherwise,
       * comes with how it says it. New records, so that a script
       * reading the stakeholder lines' fields reads the same. */
      if (s->same_as != 0)
        {
          cli_print ("alias\t%" G_GINT64_FORMAT "\t%u\t%s\t%s\n", s->same_as, s->n_mentions,
                     field, aliases_field);
          continue;
        }
      cli_print ("stakeholder\t%u\t%s\t%s\t%s\n", s->n_mentions,
                 dossier_stakeholder_kind_to_string (s->kind), field, aliases_field);
      if (s->n_mentions == 0 && s->said_as != NULL)
        {
          g_autofree char *said_as = shown_field (s->said_as);

          cli_print ("only-as\t%s\t%s\n", field, said_as);
        }
    }

  for (guint i = 0; i < arguments->len; i++)
    {
      DossierArgumentSuggestion *a = g_ptr_array_index (arguments, i);
      g_autofree char *statement = cli_field (a->statement);
      g_autofree char *heading = cli_field (a->heading);

      cli_print ("argument\t%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\n",
                 dossier_polarity_to_string (a->polarity), a->start, a->end, heading, statement);
    }

  return CLI_EXIT_OK;
}
