/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-export-summary-analysis.c — the stakeholders and pros-and-cons
 * sections of the tagged summaries (see dossier-export-summary-private.h).
 *
 * Both are sections once: written after the documents (or the tags),
 * each quote naming its source. The whole project lists every stakeholder
 * and every argument, so a briefing also shows who has no evidence yet and
 * which argument rests on nothing; an export of one document lists those
 * its passages are evidence for, with those passages. A summary of one tag
 * is about that tag: these sections stay out of it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include <dossier/dossier-argument.h>
#include <dossier/dossier-evidence.h>
#include <dossier/dossier-stakeholder.h>

#include "dossier-export-summary-private.h"
#include "dossier-project-private.h"

/* The accents of the two sides, as the Pros & Cons panel shows them. */
#define PRO_COLOR "#26a269"
#define CON_COLOR "#c01c28"

/* A passage cited as evidence, with what the citer said of it. */
typedef struct
{
  DossierSummaryPassage *passage;
  char                  *comment;   /* "Stance (against): note"; NULL = nothing said */
} Cited;

static void
cited_free (gpointer data)
{
  Cited *c = data;

  dossier_summary_passage_unref (c->passage);
  g_free (c->comment);
  g_free (c);
}

static char *
describe_evidence (const char          *note,
                   DossierEvidenceRole  role,
                   int                  stance_position)
{
  g_autoptr(GString) said = g_string_new (NULL);

  if (role != DOSSIER_EVIDENCE_NONE)
    {
      g_string_append (said, dossier_evidence_role_get_label (role));
      if (role == DOSSIER_EVIDENCE_STANCE && stance_position != DOSSIER_STANCE_UNKNOWN)
        {
          g_autofree char *stance = g_utf8_strdown (dossier_stance_get_label (stance_position), -1);

          /* Translators: the stance a cited passage shows, after "Stance" */
          g_string_append_printf (said, _(" (%s)"), stance);
        }
    }
  if (note != NULL && note[0] != '\0')
    {
      g_autofree char *shown = dossier_summary_clean_cut (note, DOSSIER_TEXT_MAX_FREE,
                                                          DOSSIER_TEXT_CUT_NOTE);

      if (said->len > 0)
        g_string_append (said, ": ");
      g_string_append (said, shown);
    }
  return said->len > 0 ? g_string_free (g_steal_pointer (&said), FALSE) : NULL;
}

/* The passages @stmt yields (highlight, note, role, stance position),
 * bound to its owner; those of documents outside the export are left
 * out. NULL with @error on a read error. */
static GPtrArray *
read_cited (DossierSummary  *s,
            sqlite3_stmt    *stmt,
            GError         **error)
{
  g_autoptr(GPtrArray) cited = g_ptr_array_new_with_free_func (cited_free);
  gboolean row, ok;

  while ((ok = dossier_export_context_step (s->ctx, stmt, &row, error)) && row)
    {
      g_autoptr(GError) local_error = NULL;
      DossierSummaryPassage *passage;
      DossierEvidenceRole role;
      int stance;
      Cited *c;

      passage = dossier_summary_passage_lookup (s, sqlite3_column_int64 (stmt, 0), &local_error);
      if (passage == NULL && local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
          break;
        }
      if (passage == NULL)
        continue;  /* its document is filtered out */

      if (!dossier_evidence_role_from_string (dossier_export_context_column_text (s->ctx, stmt, 2), &role))
        role = DOSSIER_EVIDENCE_NONE;
      stance = dossier_column_stance (stmt, 3);
      c = g_new0 (Cited, 1);
      c->passage = passage;
      c->comment = describe_evidence (dossier_export_context_column_text (s->ctx, stmt, 1), role, stance);
      g_ptr_array_add (cited, c);
    }
  sqlite3_reset (stmt);
  return ok ? g_steal_pointer (&cited) : NULL;
}

/* Stakeholders and questions are listed whole, unless the export is of
 * one document: then only those its passages are evidence for. */
static gboolean
list_all (DossierSummary *s)
{
  return s->ctx->filter.document_id == 0;
}

/* ---- Stakeholders ------------------------------------------------------- */

typedef struct
{
  char      *name;
  char      *kind;         /* a label, NULL when unknown */
  char      *description;
  char      *stance;       /* the user's words */
  int        stance_position;
  char      *interests;
  int        power;
  int        interest;
  char      *color;
  GPtrArray *cited;        /* of Cited */
} Stakeholder;

static void
stakeholder_free (gpointer data)
{
  Stakeholder *st = data;

  g_free (st->name);
  g_free (st->kind);
  g_free (st->description);
  g_free (st->stance);
  g_free (st->interests);
  g_free (st->color);
  g_clear_pointer (&st->cited, g_ptr_array_unref);
  g_free (st);
}

/* Both sections collect a GPtrArray that frees its items. */
static void
analysis_free (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

static char *
column_string (DossierSummary *s,
               sqlite3_stmt   *stmt,
               int             column)
{
  const char *text = dossier_export_context_column_text (s->ctx, stmt, column);

  return g_strdup (text != NULL ? text : "");
}

/* A name or a statement, at most @max_chars characters (the most Dossier
 * writes in it; a file from elsewhere may hold a megabyte), "…" at its end. */
static char *
column_name (DossierSummary *s,
             sqlite3_stmt   *stmt,
             int             column,
             gsize           max_chars)
{
  return dossier_export_context_name (s->ctx, dossier_export_context_column_text (s->ctx, stmt, column),
                                      max_chars);
}

/* A free text (a description, a stance, interests), at most
 * DOSSIER_TEXT_MAX_FREE characters, then a note that says it was cut. */
static char *
column_free_text (DossierSummary *s,
                  sqlite3_stmt   *stmt,
                  int             column)
{
  return dossier_summary_clean_cut (dossier_export_context_column_text (s->ctx, stmt, column),
                                    DOSSIER_TEXT_MAX_FREE, DOSSIER_TEXT_CUT_TEXT);
}

static gboolean
stakeholders_collect (DossierSummary               *s,
                      const DossierExportDocument  *document,
                      gpointer                     *out,
                      guint                        *n_items,
                      GError                      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (stakeholder_free);
  sqlite3_stmt *stmt, *evidence;
  gboolean row, ok;

  *out = NULL;
  *n_items = 0;
  if (s->ctx->filter.tag_id != 0)
    return TRUE;

  /* The name read no further than it is written (a file from elsewhere may
   * hold one of 10 MB: it was copied whole out of SQLite, then cut). */
  stmt = dossier_export_context_prepare (s->ctx,
      "SELECT s.id, " DOSSIER_SQL_SHOWN_ROW ("stakeholders", "s", "name", DOSSIER_STAKEHOLDER_MAX_NAME) ", "
      "s.kind, s.description, s.stance, s.stance_position, s.interests, s.power, "
      "s.interest, s.color FROM stakeholders s ORDER BY s.position, s.id", error);
  evidence = dossier_export_context_prepare (s->ctx,
      "SELECT e.highlight, e.note, e.role, e.stance_position FROM stakeholder_evidence e "
      "JOIN highlights h ON h.id = e.highlight WHERE e.stakeholder = ?1 "
      "ORDER BY h.document, h.start, h.end, h.id", error);
  if (stmt == NULL || evidence == NULL)
    return FALSE;

  while ((ok = dossier_export_context_step (s->ctx, stmt, &row, error)) && row)
    {
      DossierStakeholderKind kind;
      Stakeholder *st;
      GPtrArray *cited;

      sqlite3_bind_int64 (evidence, 1, sqlite3_column_int64 (stmt, 0));
      cited = read_cited (s, evidence, error);
      if (cited == NULL)
        {
          ok = FALSE;
          break;
        }
      if (!list_all (s) && cited->len == 0)
        {
          g_ptr_array_unref (cited);
          continue;
        }

      st = g_new0 (Stakeholder, 1);
      st->cited = cited;
      st->name = column_name (s, stmt, 1, DOSSIER_STAKEHOLDER_MAX_NAME);
      if (dossier_stakeholder_kind_from_string (dossier_export_context_column_text (s->ctx, stmt, 2), &kind))
        st->kind = g_strdup (dossier_stakeholder_kind_get_label (kind));
      st->description = column_free_text (s, stmt, 3);
      st->stance = column_free_text (s, stmt, 4);
      st->stance_position = dossier_column_stance (stmt, 5);
      st->interests = column_free_text (s, stmt, 6);
      st->power = dossier_column_int_within (stmt, 7, DOSSIER_RATING_MIN, DOSSIER_RATING_MAX);
      st->interest = dossier_column_int_within (stmt, 8, DOSSIER_RATING_MIN, DOSSIER_RATING_MAX);
      st->color = column_string (s, stmt, 9);
      g_ptr_array_add (items, st);
    }
  sqlite3_reset (stmt);
  if (!ok)
    return FALSE;

  *n_items = items->len;
  *out = g_steal_pointer (&items);
  return TRUE;
}

static void
stakeholders_write (DossierSummary *s,
                    gpointer        data)
{
  GPtrArray *items = data;
  DossierSummaryHeading heading = { "stakeholders", _("Stakeholders"), "stakeholders", NULL,
                                    (int) items->len, FALSE };

  dossier_summary_open_part (s, &heading);
  for (guint i = 0; i < items->len && dossier_export_writer_check (s->w); i++)
    {
      Stakeholder *st = g_ptr_array_index (items, i);
      g_autofree char *stance = NULL;
      g_autofree char *ratings = NULL;
      DossierSummaryHeading part = { "stakeholder", st->name, NULL, st->color, (int) st->cited->len, FALSE };
      DossierSummaryField fields[4];
      guint n = 0;

      dossier_summary_open_part (s, &part);
      if (st->kind != NULL)
        fields[n++] = (DossierSummaryField) { _("Kind"), st->kind, FALSE };
      if (st->stance[0] != '\0')
        /* Translators: a stakeholder's stance in a summary: "Against — its words" */
        stance = g_strdup_printf (_("%s — %s"), dossier_stance_get_label (st->stance_position), st->stance);
      else
        stance = g_strdup (dossier_stance_get_label (st->stance_position));
      fields[n++] = (DossierSummaryField) { _("Stance"), stance, FALSE };
      if (st->interests[0] != '\0')
        fields[n++] = (DossierSummaryField) { _("Interests"), st->interests, FALSE };
      /* Translators: a stakeholder's ratings in a summary, each of 5 */
      ratings = g_strdup_printf (_("power %d/5, interest %d/5"), st->power, st->interest);
      fields[n++] = (DossierSummaryField) { _("Ratings"), ratings, FALSE };
      s->format->fields (s, fields, n);
      if (st->description[0] != '\0')
        dossier_summary_paragraph (s, st->description);

      if (st->cited->len == 0)
        dossier_summary_remark (s, _("No evidence cited."));
      for (guint j = 0; j < st->cited->len && dossier_export_writer_check (s->w); j++)
        {
          Cited *c = g_ptr_array_index (st->cited, j);

          dossier_summary_write_quote_full (s, c->passage, st->color, c->comment);
        }
      dossier_summary_close_part (s);
    }
  dossier_summary_close_part (s);
}

const DossierSummarySection dossier_summary_stakeholders_section = {
  "stakeholders", DOSSIER_SUMMARY_ONCE, stakeholders_collect, stakeholders_write, analysis_free,
};

/* ---- Pros and cons ------------------------------------------------------- */

typedef struct
{
  char      *statement;
  char      *perspective;  /* a stakeholder's name; "" = nobody's in particular */
  int        strength;
  GPtrArray *cited;        /* of Cited */
  guint      n_outlets;
} Argument;

typedef struct
{
  char      *text;
  GPtrArray *sides[2];     /* of Argument, by DossierPolarity */
  guint      strength[2];  /* summed over every argument of the side */
} Question;

static void
argument_free (gpointer data)
{
  Argument *a = data;

  g_free (a->statement);
  g_free (a->perspective);
  g_clear_pointer (&a->cited, g_ptr_array_unref);
  g_free (a);
}

static void
question_free (gpointer data)
{
  Question *q = data;

  g_free (q->text);
  g_ptr_array_unref (q->sides[0]);
  g_ptr_array_unref (q->sides[1]);
  g_free (q);
}

/* The outlets the evidence comes from (a document without one counts as
 * its own), as the Pros & Cons panel counts them. */
static guint
count_outlets (GPtrArray *cited)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < cited->len; i++)
    {
      const DossierExportDocument *d = ((Cited *) g_ptr_array_index (cited, i))->passage->document;

      if (d == NULL)
        continue;
      g_hash_table_add (seen, d->outlet != NULL && d->outlet[0] != '\0'
                              ? g_utf8_casefold (d->outlet, -1)
                              : g_strdup_printf ("\x01%" G_GINT64_FORMAT, d->id));
    }
  return g_hash_table_size (seen);
}

static gboolean
arguments_collect (DossierSummary               *s,
                   const DossierExportDocument  *document,
                   gpointer                     *out,
                   guint                        *n_items,
                   GError                      **error)
{
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (question_free);
  sqlite3_stmt *qstmt, *stmt, *evidence;
  gboolean row, ok;
  guint n = 0;

  *out = NULL;
  *n_items = 0;
  if (s->ctx->filter.tag_id != 0)
    return TRUE;

  qstmt = dossier_export_context_prepare (s->ctx,
      "SELECT q.id, " DOSSIER_SQL_SHOWN_ROW ("questions", "q", "text", DOSSIER_ARGUMENT_MAX_TEXT) " "
      "FROM questions q ORDER BY q.position, q.id", error);
  stmt = dossier_export_context_prepare (s->ctx,
      "SELECT a.id, a.polarity, "
      DOSSIER_SQL_SHOWN_ROW ("arguments", "a", "statement", DOSSIER_ARGUMENT_MAX_TEXT) ", a.strength, "
      DOSSIER_SQL_SHOWN_ROW ("stakeholders", "st", "name", DOSSIER_STAKEHOLDER_MAX_NAME) " FROM arguments a "
      "LEFT JOIN stakeholders st ON st.id = a.stakeholder "
      "WHERE a.question = ?1 ORDER BY a.polarity DESC, a.position, a.id", error);
  evidence = dossier_export_context_prepare (s->ctx,
      "SELECT e.highlight, e.note, NULL, NULL FROM argument_evidence e "
      "JOIN highlights h ON h.id = e.highlight WHERE e.argument = ?1 "
      "ORDER BY h.document, h.start, h.end, h.id", error);
  if (qstmt == NULL || stmt == NULL || evidence == NULL)
    return FALSE;

  while ((ok = dossier_export_context_step (s->ctx, qstmt, &row, error)) && row)
    {
      Question *q = g_new0 (Question, 1);
      gboolean arow;

      q->text = column_name (s, qstmt, 1, DOSSIER_ARGUMENT_MAX_TEXT);
      q->sides[0] = g_ptr_array_new_with_free_func (argument_free);
      q->sides[1] = g_ptr_array_new_with_free_func (argument_free);
      g_ptr_array_add (questions, q);

      sqlite3_bind_int64 (stmt, 1, sqlite3_column_int64 (qstmt, 0));
      while ((ok = dossier_export_context_step (s->ctx, stmt, &arow, error)) && arow)
        {
          DossierPolarity polarity;
          GPtrArray *cited;
          Argument *a;

          if (!dossier_polarity_from_string (dossier_export_context_column_text (s->ctx, stmt, 1),
                                             &polarity))
            continue;
          sqlite3_bind_int64 (evidence, 1, sqlite3_column_int64 (stmt, 0));
          cited = read_cited (s, evidence, error);
          if (cited == NULL)
            {
              ok = FALSE;
              break;
            }

          a = g_new0 (Argument, 1);
          a->cited = cited;
          a->statement = column_name (s, stmt, 2, DOSSIER_ARGUMENT_MAX_TEXT);
          a->strength = dossier_column_int_within (stmt, 3, DOSSIER_STRENGTH_MIN,
                                                   DOSSIER_STRENGTH_MAX);
          a->perspective = column_name (s, stmt, 4, DOSSIER_STAKEHOLDER_MAX_NAME);
          a->n_outlets = count_outlets (cited);
          /* The balance weighs every argument, listed or not. */
          q->strength[polarity] += a->strength;
          if (!list_all (s) && cited->len == 0)
            {
              argument_free (a);
              continue;
            }
          g_ptr_array_add (q->sides[polarity], a);
          n++;
        }
      sqlite3_reset (stmt);
      if (!ok)
        break;
    }
  sqlite3_reset (qstmt);
  if (!ok)
    return FALSE;

  /* One document's export leaves out the questions it says nothing on. */
  for (guint i = questions->len; i > 0; i--)
    {
      Question *q = g_ptr_array_index (questions, i - 1);

      if (!list_all (s) && q->sides[0]->len == 0 && q->sides[1]->len == 0)
        g_ptr_array_remove_index (questions, i - 1);
    }

  *n_items = questions->len > 0 ? MAX (n, questions->len) : 0;
  *out = g_steal_pointer (&questions);
  return TRUE;
}

static void
write_argument (DossierSummary *s,
                const Argument *a,
                const char     *color)
{
  DossierSummaryHeading part = { "argument", a->statement, NULL, NULL, -1, FALSE };
  g_autofree char *strength = g_strdup_printf (_("%d of 5"), a->strength);
  g_autofree char *evidence = NULL;
  DossierSummaryField fields[3];
  guint n = 0;

  dossier_summary_open_part (s, &part);
  if (a->perspective[0] != '\0')
    fields[n++] = (DossierSummaryField) { _("Perspective"), a->perspective, FALSE };
  fields[n++] = (DossierSummaryField) { _("Strength"), strength, FALSE };
  if (a->cited->len == 0)
    evidence = g_strdup (_("none cited"));
  else if (a->n_outlets == 1)
    /* Translators: an argument whose evidence all comes from one outlet */
    evidence = g_strdup_printf (ngettext ("%u passage, from one outlet only",
                                          "%u passages, from one outlet only", a->cited->len),
                                a->cited->len);
  else
    evidence = g_strdup_printf (ngettext ("%u passage from %u outlets",
                                          "%u passages from %u outlets", a->cited->len),
                                a->cited->len, a->n_outlets);
  fields[n++] = (DossierSummaryField) { _("Evidence"), evidence, FALSE };
  s->format->fields (s, fields, n);

  for (guint i = 0; i < a->cited->len && dossier_export_writer_check (s->w); i++)
    {
      Cited *c = g_ptr_array_index (a->cited, i);

      dossier_summary_write_quote_full (s, c->passage, color, c->comment);
    }
  dossier_summary_close_part (s);
}

static void
arguments_write (DossierSummary *s,
                 gpointer        data)
{
  GPtrArray *questions = data;
  DossierSummaryHeading heading = { "arguments", _("Pros and Cons"), "pros-and-cons", NULL, -1, FALSE };

  dossier_summary_open_part (s, &heading);
  for (guint i = 0; i < questions->len && dossier_export_writer_check (s->w); i++)
    {
      Question *q = g_ptr_array_index (questions, i);
      /* Pros and cons side by side where the format can. */
      DossierSummaryHeading part = { "question", q->text, NULL, NULL, -1, TRUE };
      g_autofree char *balance = NULL;
      DossierSummaryField field;

      dossier_summary_open_part (s, &part);
      /* Translators: the strengths the user gave, summed per side */
      balance = g_strdup_printf (_("for %u, against %u (strengths summed)"),
                                 q->strength[DOSSIER_POLARITY_PRO], q->strength[DOSSIER_POLARITY_CON]);
      field = (DossierSummaryField) { _("Balance"), balance, FALSE };
      s->format->fields (s, &field, 1);

      for (int side = DOSSIER_POLARITY_PRO; side <= DOSSIER_POLARITY_CON; side++)
        {
          GPtrArray *arguments = q->sides[side];
          const char *color = side == DOSSIER_POLARITY_PRO ? PRO_COLOR : CON_COLOR;
          DossierSummaryHeading column = {
            side == DOSSIER_POLARITY_PRO ? "pros" : "cons",
            side == DOSSIER_POLARITY_PRO ? _("Pros") : _("Cons"),
            NULL, color, (int) arguments->len, FALSE
          };

          dossier_summary_open_part (s, &column);
          if (arguments->len == 0)
            dossier_summary_remark (s, side == DOSSIER_POLARITY_PRO ? _("No argument for.")
                                                                    : _("No argument against."));
          for (guint j = 0; j < arguments->len && dossier_export_writer_check (s->w); j++)
            write_argument (s, g_ptr_array_index (arguments, j), color);
          dossier_summary_close_part (s);
        }
      dossier_summary_close_part (s);
    }
  dossier_summary_close_part (s);
}

const DossierSummarySection dossier_summary_arguments_section = {
  "arguments", DOSSIER_SUMMARY_ONCE, arguments_collect, arguments_write, analysis_free,
};
