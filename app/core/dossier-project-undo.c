/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-project-undo.c — undo and redo, by SQLite's session extension.
 *
 * Each action runs inside a session that records every row it changes
 * (cascades included) in the real tables — never in the FTS5 indexes,
 * which their triggers rebuild. Undo applies the inverted changeset in a
 * new transaction, redo the changeset itself; both are committed at once,
 * like any action. The stack lives in memory for the project's lifetime.
 */

#include "config.h"

#include "dossier-project-private.h"

#include <glib/gi18n.h>

/* Bounds on what the stack may hold (an import's step holds the whole
 * text and original file); the oldest steps go first, the newest always
 * stays. */
#define MAX_STEPS  500
#define MAX_BYTES  (64 * 1024 * 1024)

struct _DossierUndoStep
{
  guint64         id;     /* dossier_project_get_undo_step () */
  char           *label;
  void           *changeset;
  int             n_changeset;
  DossierChanges  changes;
};

/* Every real table; not the FTS5 tables and their shadow tables. */
static const char * const recorded_tables[] = {
  "project",
  "documents",
  "blocks",
  "tags",
  "highlights",
  "highlight_tags",
  "stakeholders",
  "stakeholder_evidence",
  "stakeholder_mentions",
  "questions",
  "arguments",
  "argument_evidence",
  "briefings",
  "briefing_documents",
  "dismissed_suggestions",
};

void
dossier_undo_step_free (DossierUndoStep *step)
{
  if (step == NULL)
    return;

  g_free (step->label);
  sqlite3_free (step->changeset);
  dossier_changes_clear (&step->changes);
  g_free (step);
}

gboolean
dossier_project_attach_session (DossierProject  *self,
                                GError         **error)
{
  sqlite3_session *session = NULL;
  sqlite3_session *citers = NULL;
  int rc;

  g_assert (self->session == NULL && self->citer_session == NULL);

  rc = sqlite3session_create (self->db, "main", &session);
  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (recorded_tables); i++)
    rc = sqlite3session_attach (session, recorded_tables[i]);
  if (rc == SQLITE_OK)
    rc = sqlite3session_create (self->db, "main", &citers);
  if (rc == SQLITE_OK)
    rc = dossier_project_attach_citer_tables (citers);

  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&citers, sqlite3session_delete);
      g_clear_pointer (&session, sqlite3session_delete);
      dossier_project_set_db_error (self, error, rc);
      return FALSE;
    }

  self->session = session;
  self->citer_session = citers;
  return TRUE;
}

void
dossier_project_detach_sessions (DossierProject *self)
{
  g_clear_pointer (&self->citer_session, sqlite3session_delete);
  g_clear_pointer (&self->session, sqlite3session_delete);
}

gboolean
dossier_project_get_can_undo (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  return self->undo_stack->len > 0 && !self->read_only && self->db != NULL;
}

gboolean
dossier_project_get_can_redo (DossierProject *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  return self->redo_stack->len > 0 && !self->read_only && self->db != NULL;
}

static DossierUndoStep *
top (GPtrArray *stack)
{
  return stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

const char *
dossier_project_get_undo_label (DossierProject *self)
{
  DossierUndoStep *step;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  step = top (self->undo_stack);
  return step != NULL ? step->label : NULL;
}

guint64
dossier_project_get_undo_step (DossierProject *self)
{
  DossierUndoStep *step;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), 0);

  step = dossier_project_get_can_undo (self) ? top (self->undo_stack) : NULL;
  return step != NULL ? step->id : 0;
}

const char *
dossier_project_get_redo_label (DossierProject *self)
{
  DossierUndoStep *step;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), NULL);

  step = top (self->redo_stack);
  return step != NULL ? step->label : NULL;
}

void
dossier_project_notify_undo (DossierProject *self,
                             gboolean        could_undo,
                             gboolean        could_redo,
                             const char     *undo_label,
                             const char     *redo_label)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  if (could_undo != dossier_project_get_can_undo (self))
    g_object_notify (object, "can-undo");
  if (could_redo != dossier_project_get_can_redo (self))
    g_object_notify (object, "can-redo");
  if (g_strcmp0 (undo_label, dossier_project_get_undo_label (self)) != 0)
    g_object_notify (object, "undo-label");
  if (g_strcmp0 (redo_label, dossier_project_get_redo_label (self)) != 0)
    g_object_notify (object, "redo-label");
  /* Two actions in a row may have one label ("Tag “Risks”"): the step's
   * id tells them apart. */
  if (self->notified_undo_step != dossier_project_get_undo_step (self))
    {
      self->notified_undo_step = dossier_project_get_undo_step (self);
      g_object_notify (object, "undo-step");
    }
  g_object_thaw_notify (object);
}

static void
trim_stack (DossierProject *self)
{
  gsize bytes = 0;
  guint keep = 0;

  /* Count from the newest step back. */
  for (guint i = self->undo_stack->len; i > 0; i--)
    {
      DossierUndoStep *step = g_ptr_array_index (self->undo_stack, i - 1);

      bytes += step->n_changeset;
      if (keep >= MAX_STEPS || (keep > 0 && bytes > MAX_BYTES))
        break;
      keep++;
    }

  if (keep < self->undo_stack->len)
    g_ptr_array_remove_range (self->undo_stack, 0, self->undo_stack->len - keep);
}

void
dossier_project_push_undo (DossierProject       *self,
                           const char           *label,
                           void                 *changeset,
                           int                   n_changeset,
                           const DossierChanges *changes)
{
  DossierUndoStep *step = g_new0 (DossierUndoStep, 1);
  gboolean could_undo = dossier_project_get_can_undo (self);
  gboolean could_redo = dossier_project_get_can_redo (self);
  g_autofree char *undo_label = g_strdup (dossier_project_get_undo_label (self));
  g_autofree char *redo_label = g_strdup (dossier_project_get_redo_label (self));

  step->id = ++self->last_undo_step;
  step->label = g_strdup (label != NULL ? label : "");
  step->changeset = changeset;
  step->n_changeset = n_changeset;
  dossier_changes_copy (&step->changes, changes);

  /* A new action makes what was undone unreachable. */
  g_ptr_array_set_size (self->redo_stack, 0);
  g_ptr_array_add (self->undo_stack, step);
  trim_stack (self);

  dossier_project_notify_undo (self, could_undo, could_redo, undo_label, redo_label);
}

DossierUndoStep *
dossier_project_take_step (DossierProject *self)
{
  g_return_val_if_fail (self->undo_stack->len > 0, NULL);

  return g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
}

void
dossier_project_adopt_step (DossierProject  *self,
                            DossierUndoStep *step)
{
  if (self->db == NULL)
    {
      /* Closed meanwhile: the change is in the file all the same. */
      dossier_undo_step_free (step);
      return;
    }

  dossier_project_cache_adopt (self, step->changeset, step->n_changeset);
  dossier_project_push_undo (self, step->label, g_steal_pointer (&step->changeset),
                             step->n_changeset, &step->changes);
  dossier_project_apply_changes (self, &step->changes);
  dossier_undo_step_free (step);
}

/* Applied to the state it was recorded against, a changeset meets no
 * conflict. Should the file have been changed behind our back, a row
 * already gone stays gone and recorded values win over changed ones; a
 * row in the way of an insert, or a broken constraint, stops the undo
 * cleanly instead. */
static int
on_conflict (void                   *data,
             int                     conflict,
             sqlite3_changeset_iter *iter)
{
  switch (conflict)
    {
    case SQLITE_CHANGESET_NOTFOUND:
      return SQLITE_CHANGESET_OMIT;
    case SQLITE_CHANGESET_DATA:
      return SQLITE_CHANGESET_REPLACE;
    default:
      return SQLITE_CHANGESET_ABORT;
    }
}

static gboolean
apply_step (DossierProject  *self,
            DossierUndoStep *step,
            gboolean         invert,
            GError         **error)
{
  g_autoptr(GError) moved_error = NULL;
  void *inverted = NULL;
  int n_inverted = 0;
  gint64 changes_at_begin;
  int rc;

  if (invert)
    {
      rc = sqlite3changeset_invert (step->n_changeset, step->changeset, &n_inverted, &inverted);
      if (rc != SQLITE_OK)
        {
          dossier_project_set_db_error (self, error, rc);
          return FALSE;
        }
    }

  /* The changeset holds every row the action changed, those its cascades
   * changed included, so foreign key actions must not run again while it
   * is applied: a cascade firing before the change that defused it (rows
   * within a table come in no particular order) would delete too much. The
   * end state is one the project was in, consistent by construction. */
  dossier_project_cache_begin (self);
  rc = sqlite3_exec (self->db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  changes_at_begin = sqlite3_total_changes64 (self->db);
  if (rc == SQLITE_OK && !dossier_project_verify_before_write (self, &moved_error))
    {
      sqlite3_free (inverted);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      dossier_project_cache_rollback (self);
      sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
      g_propagate_error (error, g_steal_pointer (&moved_error));
      return FALSE;
    }
  if (rc == SQLITE_OK)
    {
      rc = sqlite3changeset_apply (self->db,
                                   invert ? n_inverted : step->n_changeset,
                                   invert ? inverted : step->changeset,
                                   NULL, on_conflict, self);
      if (rc == SQLITE_OK)
        rc = dossier_commit_stamped (self->db, changes_at_begin);
    }

  sqlite3_free (inverted);

  if (rc != SQLITE_OK)
    {
      g_autoptr(GError) db_error = NULL;

      dossier_project_set_db_error (self, &db_error, rc);
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      dossier_project_cache_rollback (self);
      sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);

      g_set_error (error, DOSSIER_PROJECT_ERROR,
                   db_error->code == DOSSIER_PROJECT_ERROR_INVALID ?
                   DOSSIER_PROJECT_ERROR_IO : db_error->code,
                   invert ? _("Could not undo “%s”: %s") : _("Could not redo “%s”: %s"),
                   step->label, db_error->message);
      return FALSE;
    }

  /* Inverted or not, the changeset names the same rows. */
  dossier_project_cache_commit (self, step->changeset, step->n_changeset);

  rc = sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      dossier_project_set_db_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static gboolean
move_step (DossierProject  *self,
           GPtrArray       *from,
           GPtrArray       *to,
           gboolean         invert,
           GError         **error)
{
  DossierUndoStep *step;
  gboolean could_undo, could_redo;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  if (!dossier_project_ensure_open (self, error))
    return FALSE;

  if (self->read_only)
    {
      g_autofree char *name = dossier_display_name (self->path);

      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_READ_ONLY,
                   _("“%s” is open read-only: changes cannot be saved."), name);
      return FALSE;
    }

  g_return_val_if_fail (!self->in_transaction, FALSE);

  step = top (from);
  if (step == NULL)
    {
      g_set_error (error, DOSSIER_PROJECT_ERROR, DOSSIER_PROJECT_ERROR_NOTHING_TO_UNDO,
                   invert ? _("There is nothing to undo.") : _("There is nothing to redo."));
      return FALSE;
    }

  if (!apply_step (self, step, invert, error))
    return FALSE;

  could_undo = dossier_project_get_can_undo (self);
  could_redo = dossier_project_get_can_redo (self);
  undo_label = g_strdup (dossier_project_get_undo_label (self));
  redo_label = g_strdup (dossier_project_get_redo_label (self));

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));

  dossier_project_apply_changes (self, &step->changes);
  dossier_project_notify_undo (self, could_undo, could_redo, undo_label, redo_label);

  return TRUE;
}

gboolean
dossier_project_undo (DossierProject  *self,
                      GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  return move_step (self, self->undo_stack, self->redo_stack, TRUE, error);
}

gboolean
dossier_project_redo (DossierProject  *self,
                      GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROJECT (self), FALSE);

  return move_step (self, self->redo_stack, self->undo_stack, FALSE, error);
}
