/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-argument.c — an argument for or against a question, as the
 * project keeps it: updated in place, notifying only what really changed. */

#include "config.h"

#include "dossier-argument-private.h"
#include "dossier-notify-private.h"

const char *
dossier_polarity_to_string (DossierPolarity polarity)
{
  g_return_val_if_fail (polarity == DOSSIER_POLARITY_PRO || polarity == DOSSIER_POLARITY_CON,
                        NULL);

  return polarity == DOSSIER_POLARITY_PRO ? "pro" : "con";
}

gboolean
dossier_polarity_from_string (const char      *str,
                              DossierPolarity *polarity)
{
  g_return_val_if_fail (polarity != NULL, FALSE);

  if (g_strcmp0 (str, "pro") == 0)
    *polarity = DOSSIER_POLARITY_PRO;
  else if (g_strcmp0 (str, "con") == 0)
    *polarity = DOSSIER_POLARITY_CON;
  else
    return FALSE;

  return TRUE;
}

/* ---- The object ------------------------------------------------------------ */

struct _DossierArgument
{
  GObject          parent_instance;

  gint64           id;
  char            *uuid;
  gint64           question_id;
  DossierPolarity  polarity;
  char            *statement;
  gint64           stakeholder_id;
  int              strength;
  int              position;
  guint            n_evidence;
  guint            n_sources;
};

G_DEFINE_FINAL_TYPE (DossierArgument, dossier_argument, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_QUESTION_ID,
  PROP_POLARITY,
  PROP_STATEMENT,
  PROP_STAKEHOLDER_ID,
  PROP_STRENGTH,
  PROP_POSITION,
  PROP_N_EVIDENCE,
  PROP_N_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(member) G_STRUCT_OFFSET (DossierArgument, member)

static void
dossier_argument_class_init (DossierArgumentClass *klass)
{
  properties[PROP_ID] = dossier_notify_prop_int64 ("id", FIELD (id));
  properties[PROP_UUID] = dossier_notify_prop_string ("uuid", FIELD (uuid), NULL);
  properties[PROP_QUESTION_ID] = dossier_notify_prop_int64 ("question-id", FIELD (question_id));
  properties[PROP_POLARITY] = dossier_notify_prop_int ("polarity", FIELD (polarity),
                                                       DOSSIER_POLARITY_PRO, DOSSIER_POLARITY_CON,
                                                       DOSSIER_POLARITY_PRO);
  properties[PROP_STATEMENT] = dossier_notify_prop_string ("statement", FIELD (statement), NULL);
  properties[PROP_STAKEHOLDER_ID] = dossier_notify_prop_int64 ("stakeholder-id",
                                                               FIELD (stakeholder_id));
  properties[PROP_STRENGTH] = dossier_notify_prop_int ("strength", FIELD (strength),
                                                       DOSSIER_STRENGTH_MIN, DOSSIER_STRENGTH_MAX,
                                                       DOSSIER_STRENGTH_DEFAULT);
  properties[PROP_POSITION] = dossier_notify_prop_int ("position", FIELD (position),
                                                       0, G_MAXINT, 0);
  properties[PROP_N_EVIDENCE] = dossier_notify_prop_uint ("n-evidence", FIELD (n_evidence));
  properties[PROP_N_SOURCES] = dossier_notify_prop_uint ("n-sources", FIELD (n_sources));

  dossier_notify_install_properties (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
dossier_argument_init (DossierArgument *self)
{
  self->strength = DOSSIER_STRENGTH_DEFAULT;
}

DossierArgument *
dossier_argument_new (gint64                     id,
                      const DossierArgumentData *data)
{
  DossierArgument *self = g_object_new (DOSSIER_TYPE_ARGUMENT, NULL);

  self->id = id;
  dossier_argument_update (self, data);

  return self;
}

void
dossier_argument_update (DossierArgument           *self,
                         const DossierArgumentData *data)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (DOSSIER_IS_ARGUMENT (self));
  g_return_if_fail (data != NULL);

  g_object_freeze_notify (object);
  dossier_notify_string (object, &self->uuid, data->uuid, properties[PROP_UUID]);
  dossier_notify_int64 (object, &self->question_id, data->question_id,
                        properties[PROP_QUESTION_ID]);
  dossier_notify_int (object, (int *) &self->polarity, data->polarity, properties[PROP_POLARITY]);
  dossier_notify_string (object, &self->statement, data->statement, properties[PROP_STATEMENT]);
  dossier_notify_int64 (object, &self->stakeholder_id, data->stakeholder_id,
                        properties[PROP_STAKEHOLDER_ID]);
  dossier_notify_int (object, &self->strength, data->strength, properties[PROP_STRENGTH]);
  dossier_notify_int (object, &self->position, data->position, properties[PROP_POSITION]);
  dossier_notify_uint (object, &self->n_evidence, data->n_evidence, properties[PROP_N_EVIDENCE]);
  dossier_notify_uint (object, &self->n_sources, data->n_sources, properties[PROP_N_SOURCES]);
  g_object_thaw_notify (object);
}

gint64
dossier_argument_get_id (DossierArgument *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARGUMENT (self), 0);
  return self->id;
}

const char *
dossier_argument_get_uuid (DossierArgument *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARGUMENT (self), NULL);
  return self->uuid;
}

gint64
dossier_argument_get_question_id (DossierArgument *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARGUMENT (self), 0);
  return self->question_id;
}

DossierPolarity
dossier_argument_get_polarity (DossierArgument *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARGUMENT (self), DOSSIER_POLARITY_PRO);
  return self->polarity;
}

const char *
dossier_argument_get_statement (DossierArgument *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARGUMENT (self), NULL);
  return self->statement;
}

gint64
dossier_argument_get_stakeholder_id (DossierArgument *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARGUMENT (self), 0);
  return self->stakeholder_id;
}

int
dossier_argument_get_strength (DossierArgument *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARGUMENT (self), DOSSIER_STRENGTH_DEFAULT);
  return self->strength;
}

int
dossier_argument_get_position (DossierArgument *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARGUMENT (self), 0);
  return self->position;
}

guint
dossier_argument_get_n_evidence (DossierArgument *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARGUMENT (self), 0);
  return self->n_evidence;
}

guint
dossier_argument_get_n_sources (DossierArgument *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARGUMENT (self), 0);
  return self->n_sources;
}
