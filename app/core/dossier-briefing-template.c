/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-briefing-template.c — the body a new briefing note starts from:
 * the sections a policy briefing has (purpose, summary, background, the
 * stakeholders' positions, pros and cons per question, where sources
 * diverge, options and recommendation), with what the project already
 * holds filled in: each stakeholder with its stance and the evidence cited
 * for it, each question with its arguments and theirs — citations of the
 * compared documents only, when the note compares some.
 *
 * Where sources diverge lists what the compare core finds between the
 * compared documents (all of them when none are chosen): each divergence's
 * summary, with a citation of every highlighted passage behind it.
 *
 * The prompts are plain Markdown text the writer replaces; the evidence
 * meter shows which sections still cite nothing.
 */

#include "config.h"

#include <dossier/dossier-argument.h>
#include <dossier/dossier-briefing.h>
#include <dossier/dossier-compare.h>
#include <dossier/dossier-document.h>
#include <dossier/dossier-highlight.h>
#include <dossier/dossier-project-arguments.h>
#include <dossier/dossier-project-stakeholders.h>
#include <dossier/dossier-question.h>
#include <dossier/dossier-stakeholder.h>

#include <string.h>

#include <glib/gi18n.h>

static gboolean
compared (const gint64 *document_ids,
          guint         n_documents,
          gint64        document_id)
{
  if (n_documents == 0)
    return TRUE;
  for (guint i = 0; i < n_documents; i++)
    if (document_ids[i] == document_id)
      return TRUE;
  return FALSE;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");
  g_autofree char *escaped = NULL;

  g_strdelimit (flat, "\r\n\t", ' ');
  escaped = dossier_markdown_escape (g_strstrip (flat));
  g_string_append (out, escaped);
}

/* "[@uuid][@uuid]" for the evidence of the compared documents; how many. */
static guint
append_citations (GString      *out,
                  GPtrArray    *evidence,
                  const gint64 *document_ids,
                  guint         n_documents)
{
  guint n = 0;

  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      DossierEvidence *e = g_ptr_array_index (evidence, i);

      if (dossier_highlight_get_orphaned (e->highlight) ||
          !compared (document_ids, n_documents, dossier_highlight_get_document_id (e->highlight)))
        continue;
      g_string_append_printf (out, "%s[@%s]", n == 0 ? " " : "",
                              dossier_highlight_get_uuid (e->highlight));
      n++;
    }
  return n;
}

/* The prompts the writer is to replace, each written in italics; the
 * evidence meter counts those left, and exports leave them out. */
enum
{
  PROMPT_PURPOSE,
  PROMPT_SUMMARY,
  PROMPT_BACKGROUND,
  PROMPT_STAKEHOLDERS,
  PROMPT_POSITION,
  PROMPT_QUESTIONS,
  PROMPT_DIVERGENCES,
  PROMPT_OPTIONS,
};

static const char *const prompts[] = {
  [PROMPT_PURPOSE] = N_("What decision or discussion this note serves, and for whom."),
  [PROMPT_SUMMARY] = N_("The answer in three sentences, each backed by a citation."),
  [PROMPT_BACKGROUND] = N_("What happened, when, and what the sources agree on."),
  [PROMPT_STAKEHOLDERS] = N_("Who has a stake in this, what each wants, and what each "
                             "source reports them saying or doing."),
  [PROMPT_POSITION] = N_("Their position."),
  [PROMPT_QUESTIONS] = N_("The question at issue, and the arguments for and against it."),
  [PROMPT_DIVERGENCES] = N_("What one source reports and another leaves out or contradicts: "
                            "figures, stances, emphasis."),
  [PROMPT_OPTIONS] = N_("The options open, what each would cost, and the one this note "
                        "recommends."),
};

static void
append_prompt (GString *out,
               guint    prompt)
{
  g_string_append_printf (out, "*%s*\n\n", _(prompts[prompt]));
}

/* A stance set without words of the writer's, said of the stakeholder
 * (DOSSIER_STANCE_MIN first). */
static const char *const stance_verbs[] = {
  N_("Strongly opposes."), N_("Opposes."), N_("Neutral or mixed."), N_("Supports."),
  N_("Strongly supports."),
};
G_STATIC_ASSERT (G_N_ELEMENTS (stance_verbs) == DOSSIER_STANCE_MAX - DOSSIER_STANCE_MIN + 1);

static void
append_stakeholders (GString        *out,
                     DossierProject *project,
                     const gint64   *document_ids,
                     guint           n_documents)
{
  GListModel *stakeholders = dossier_project_get_stakeholders (project);
  guint n = g_list_model_get_n_items (stakeholders);

  g_string_append_printf (out, "## %s\n\n", _("Stakeholders and their positions"));
  if (n == 0)
    {
      append_prompt (out, PROMPT_STAKEHOLDERS);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierStakeholder) stakeholder = g_list_model_get_item (stakeholders, i);
      g_autoptr(GPtrArray) evidence = NULL;
      const char *stance = dossier_stakeholder_get_stance (stakeholder);
      int position = dossier_stakeholder_get_stance_position (stakeholder);

      evidence = dossier_project_list_stakeholder_evidence (project,
                                                            dossier_stakeholder_get_id (stakeholder),
                                                            NULL);
      g_string_append (out, "### ");
      append_escaped (out, dossier_stakeholder_get_name (stakeholder));
      g_string_append (out, "\n\n");
      if (stance != NULL && *stance != '\0')
        append_escaped (out, stance);
      else if (position >= DOSSIER_STANCE_MIN && position <= DOSSIER_STANCE_MAX)
        g_string_append (out, _(stance_verbs[position - DOSSIER_STANCE_MIN]));
      else
        g_string_append_printf (out, "*%s*", _(prompts[PROMPT_POSITION]));
      if (append_citations (out, evidence, document_ids, n_documents) == 0)
        g_string_append_printf (out, " *%s*", _("(No evidence cited yet.)"));
      g_string_append (out, "\n\n");
    }
}

static void
append_arguments (GString         *out,
                  DossierProject  *project,
                  DossierQuestion *question,
                  DossierPolarity  polarity,
                  const gint64    *document_ids,
                  guint            n_documents)
{
  GListModel *arguments = dossier_project_get_arguments (project);
  guint n = g_list_model_get_n_items (arguments);
  guint written = 0;

  g_string_append_printf (out, "**%s**\n\n", polarity == DOSSIER_POLARITY_PRO ? _("For") : _("Against"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierArgument) argument = g_list_model_get_item (arguments, i);
      g_autoptr(GPtrArray) evidence = NULL;

      if (dossier_argument_get_question_id (argument) != dossier_question_get_id (question) ||
          dossier_argument_get_polarity (argument) != polarity)
        continue;
      evidence = dossier_project_list_argument_evidence (project,
                                                         dossier_argument_get_id (argument), NULL);
      g_string_append (out, "- ");
      append_escaped (out, dossier_argument_get_statement (argument));
      append_citations (out, evidence, document_ids, n_documents);
      g_string_append_c (out, '\n');
      written++;
    }
  if (written == 0)
    g_string_append_printf (out, "- *%s*\n", _("None recorded yet."));
  g_string_append_c (out, '\n');
}

/* The divergences between the compared documents (all, when none are
 * given), each with its passages cited; the prompt alone when there are
 * fewer than two documents, or nothing diverges. */
static void
append_divergences (GString        *out,
                    DossierProject *project,
                    const gint64   *document_ids,
                    guint           n_documents)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) divergences = NULL;
  g_autoptr(GError) error = NULL;

  g_string_append_printf (out, "## %s\n\n", _("Where sources diverge"));
  append_prompt (out, PROMPT_DIVERGENCES);

  if (n_documents > 0)
    g_array_append_vals (ids, document_ids, n_documents);
  else
    {
      GListModel *documents = dossier_project_get_documents (project);

      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(DossierDocument) document = g_list_model_get_item (documents, i);
          gint64 id = dossier_document_get_id (document);

          g_array_append_val (ids, id);
        }
    }
  if (ids->len < 2)
    return;

  divergences = dossier_project_compare_divergences (project, (const gint64 *) (void *) ids->data,
                                                     ids->len, &error);
  if (divergences == NULL)
    {
      /* The prompt stands in; the note can still be written. */
      g_debug ("No divergences for the template: %s", error->message);
      return;
    }

  for (guint i = 0; i < divergences->len; i++)
    {
      DossierDivergence *d = g_ptr_array_index (divergences, i);
      g_autoptr(GHashTable) cited = g_hash_table_new (g_int64_hash, g_int64_equal);

      g_string_append (out, "- **");
      append_escaped (out, dossier_divergence_kind_get_label (d->kind));
      g_string_append (out, "**: ");
      append_escaped (out, d->summary);
      for (guint k = 0; k < d->passages->len; k++)
        {
          DossierDivergencePassage *p = g_ptr_array_index (d->passages, k);
          g_autoptr(DossierHighlight) highlight = NULL;

          /* Mentions and shared copy are no highlights: nothing to cite. */
          if (p->highlight_id == 0 || g_hash_table_contains (cited, &p->highlight_id))
            continue;
          highlight = dossier_project_get_highlight (project, p->highlight_id, NULL);
          if (highlight == NULL || dossier_highlight_get_orphaned (highlight))
            continue;
          g_hash_table_add (cited, &p->highlight_id);
          g_string_append_printf (out, "%s[@%s]", g_hash_table_size (cited) == 1 ? " " : "",
                                  dossier_highlight_get_uuid (highlight));
        }
      g_string_append_c (out, '\n');
    }
  if (divergences->len > 0)
    g_string_append_c (out, '\n');
}

char *
dossier_project_make_briefing_template (DossierProject *self,
                                        const gint64   *document_ids,
                                        guint           n_documents)
{
  GString *out = g_string_new (NULL);
  GListModel *questions;
  guint n;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);
  g_return_val_if_fail (document_ids != NULL || n_documents == 0, NULL);

  g_string_append_printf (out, "## %s\n\n", _("Purpose"));
  append_prompt (out, PROMPT_PURPOSE);
  g_string_append_printf (out, "## %s\n\n", _("Summary"));
  append_prompt (out, PROMPT_SUMMARY);
  g_string_append_printf (out, "## %s\n\n", _("Background"));
  append_prompt (out, PROMPT_BACKGROUND);

  append_stakeholders (out, self, document_ids, n_documents);

  g_string_append_printf (out, "## %s\n\n", _("Pros and cons"));
  questions = dossier_project_get_questions (self);
  n = g_list_model_get_n_items (questions);
  if (n == 0)
    append_prompt (out, PROMPT_QUESTIONS);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierQuestion) question = g_list_model_get_item (questions, i);

      g_string_append (out, "### ");
      append_escaped (out, dossier_question_get_text (question));
      g_string_append (out, "\n\n");
      append_arguments (out, self, question, DOSSIER_POLARITY_PRO, document_ids, n_documents);
      append_arguments (out, self, question, DOSSIER_POLARITY_CON, document_ids, n_documents);
    }

  append_divergences (out, self, document_ids, n_documents);
  g_string_append_printf (out, "## %s\n\n", _("Options and recommendation"));
  append_prompt (out, PROMPT_OPTIONS);

  /* One newline at the end. */
  g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* ---- The prompts left in a note ------------------------------------------- */

/* Whether @node is a prompt of the template: emphasis whose whole text is
 * one, as written in this language or in English (a note begun in
 * another language). */
static gboolean
is_prompt (DossierMarkdownNode *node)
{
  g_autofree char *text = NULL;

  if (node->kind != DOSSIER_MARKDOWN_EMPHASIS)
    return FALSE;
  text = dossier_markdown_node_get_text (node);
  g_strstrip (text);
  for (guint i = 0; i < G_N_ELEMENTS (prompts); i++)
    if (strcmp (text, prompts[i]) == 0 || strcmp (text, _(prompts[i])) == 0)
      return TRUE;
  return FALSE;
}

guint
dossier_briefing_count_prompts (DossierMarkdownNode *root)
{
  guint n = 0;

  g_return_val_if_fail (root != NULL, 0);

  if (is_prompt (root))
    return 1;
  for (guint i = 0; root->children != NULL && i < root->children->len; i++)
    n += dossier_briefing_count_prompts (g_ptr_array_index (root->children, i));
  return n;
}

/* Whether @node's inlines hold nothing but white space and line breaks. */
static gboolean
inlines_blank (DossierMarkdownNode *node)
{
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      DossierMarkdownNode *child = g_ptr_array_index (node->children, i);

      if (child->kind == DOSSIER_MARKDOWN_LINE_BREAK)
        continue;
      if (child->kind != DOSSIER_MARKDOWN_TEXT || child->text == NULL)
        return FALSE;
      for (const char *p = child->text; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }
  return TRUE;
}

/* The text node at @i of @node's children, or NULL. */
static DossierMarkdownNode *
text_child (DossierMarkdownNode *node,
            guint                i)
{
  DossierMarkdownNode *child;

  if (i >= node->children->len)
    return NULL;
  child = g_ptr_array_index (node->children, i);
  return child->kind == DOSSIER_MARKDOWN_TEXT && child->text != NULL ? child : NULL;
}

/* Closes the gap a prompt dropped at @i leaves in @node's inlines: the
 * space that stood between the prompt and what follows goes when nothing
 * (or a space) is left before it, and so does the space before the prompt
 * when nothing is left after it. Without this, a stakeholder's line of
 * '*Their position.* *(No evidence cited yet.)*' began with a space. */
static void
close_gap (DossierMarkdownNode *node,
           guint                i)
{
  DossierMarkdownNode *before = i > 0 ? text_child (node, i - 1) : NULL;
  DossierMarkdownNode *after = text_child (node, i);
  gsize before_len = before != NULL ? strlen (before->text) : 0;
  gboolean space_before = i == 0 ||
                          (before != NULL &&
                           (before_len == 0 || g_ascii_isspace (before->text[before_len - 1])));

  if (after != NULL && space_before)
    g_strchug (after->text);
  if (i == node->children->len && before != NULL)
    g_strchomp (before->text);
}

/* Whether @node's inlines hold a citation and besides nothing but white
 * space: "[@…]" left of '*Their position.* [@…]'. */
static gboolean
inlines_only_cite (DossierMarkdownNode *node)
{
  gboolean cites = FALSE;

  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      DossierMarkdownNode *child = g_ptr_array_index (node->children, i);

      if (child->kind == DOSSIER_MARKDOWN_CITATION)
        cites = TRUE;
      else if (child->kind != DOSSIER_MARKDOWN_TEXT || child->text == NULL)
        return FALSE;
      else
        for (const char *p = child->text; *p != '\0'; p++)
          if (!g_ascii_isspace (*p))
            return FALSE;
    }
  return cites;
}

/* Drops the prompts under @node; returns whether @node held one and is
 * left with nothing (a block to drop in turn). A paragraph or an item left
 * with citations only is added to @cites_only. */
static gboolean
drop_prompts (DossierMarkdownNode *node,
              GPtrArray           *cites_only)
{
  gboolean dropped = FALSE;

  for (guint i = 0; node->children != NULL && i < node->children->len;)
    {
      DossierMarkdownNode *child = g_ptr_array_index (node->children, i);

      if (is_prompt (child) || drop_prompts (child, cites_only))
        {
          g_ptr_array_remove_index (node->children, i);
          close_gap (node, i);
          dropped = TRUE;
        }
      else
        i++;
    }
  if (!dropped)
    return FALSE;
  switch (node->kind)
    {
    case DOSSIER_MARKDOWN_PARAGRAPH:
    case DOSSIER_MARKDOWN_ITEM:
      if (inlines_only_cite (node))
        g_ptr_array_add (cites_only, node);
      return inlines_blank (node);
    case DOSSIER_MARKDOWN_LIST:
    case DOSSIER_MARKDOWN_QUOTE:
      return node->children->len == 0;
    default:
      return FALSE;
    }
}

/* Whether @next, after @heading's section, begins another of its level
 * or above. */
static gboolean
section_ends (DossierMarkdownNode *heading,
              DossierMarkdownNode *next)
{
  return next->kind == DOSSIER_MARKDOWN_HEADING && next->level <= heading->level;
}

GPtrArray *
dossier_briefing_drop_prompts (DossierMarkdownNode *root)
{
  g_autoptr(GArray) emptied = NULL;
  g_autofree gboolean *drop = NULL;
  GPtrArray *cites_only = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (root != NULL, cites_only);

  /* Which top-level blocks were nothing but prompts, before they go. */
  emptied = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), root->children != NULL ? root->children->len : 0);
  for (guint i = 0; root->children != NULL && i < root->children->len; i++)
    {
      gboolean gone = drop_prompts (g_ptr_array_index (root->children, i), cites_only);

      g_array_append_val (emptied, gone);
    }

  /* Those go, and so does a heading whose section held only prompts: a
   * heading over nothing reads as an unfinished note. A section the
   * writer left empty, or wrote in, stays. */
  n = emptied->len;
  drop = g_new0 (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      DossierMarkdownNode *block = g_ptr_array_index (root->children, i);
      guint k = i + 1;

      drop[i] = g_array_index (emptied, gboolean, i);
      if (block->kind != DOSSIER_MARKDOWN_HEADING)
        continue;
      while (k < n && g_array_index (emptied, gboolean, k))
        k++;
      if (k > i + 1 && (k == n || section_ends (block, g_ptr_array_index (root->children, k))))
        drop[i] = TRUE;
    }
  for (guint i = n; i-- > 0;)
    if (drop[i])
      g_ptr_array_remove_index (root->children, i);
  return cites_only;
}
