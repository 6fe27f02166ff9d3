/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-question.c — a proposition under debate, as the project keeps
 * it: updated in place, notifying only what really changed. */

#include "config.h"

#include "dossier-notify-private.h"
#include "dossier-question-private.h"

struct _DossierQuestion
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *text;
  int      position;
  guint    n_pros;
  guint    n_cons;
  guint    pro_strength;
  guint    con_strength;
};

G_DEFINE_FINAL_TYPE (DossierQuestion, dossier_question, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_TEXT,
  PROP_POSITION,
  PROP_N_PROS,
  PROP_N_CONS,
  PROP_PRO_STRENGTH,
  PROP_CON_STRENGTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(member) G_STRUCT_OFFSET (DossierQuestion, member)

static void
dossier_question_class_init (DossierQuestionClass *klass)
{
  properties[PROP_ID] = dossier_notify_prop_int64 ("id", FIELD (id));
  properties[PROP_UUID] = dossier_notify_prop_string ("uuid", FIELD (uuid), NULL);
  properties[PROP_TEXT] = dossier_notify_prop_string ("text", FIELD (text), NULL);
  properties[PROP_POSITION] = dossier_notify_prop_int ("position", FIELD (position),
                                                       0, G_MAXINT, 0);
  properties[PROP_N_PROS] = dossier_notify_prop_uint ("n-pros", FIELD (n_pros));
  properties[PROP_N_CONS] = dossier_notify_prop_uint ("n-cons", FIELD (n_cons));
  properties[PROP_PRO_STRENGTH] = dossier_notify_prop_uint ("pro-strength", FIELD (pro_strength));
  properties[PROP_CON_STRENGTH] = dossier_notify_prop_uint ("con-strength", FIELD (con_strength));

  dossier_notify_install_properties (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
dossier_question_init (DossierQuestion *self)
{
}

DossierQuestion *
dossier_question_new (gint64                     id,
                      const DossierQuestionData *data)
{
  DossierQuestion *self = g_object_new (DOSSIER_TYPE_QUESTION, NULL);

  self->id = id;
  dossier_question_update (self, data);

  return self;
}

void
dossier_question_update (DossierQuestion           *self,
                         const DossierQuestionData *data)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (DOSSIER_IS_QUESTION (self));
  g_return_if_fail (data != NULL);

  g_object_freeze_notify (object);
  dossier_notify_string (object, &self->uuid, data->uuid, properties[PROP_UUID]);
  dossier_notify_string (object, &self->text, data->text, properties[PROP_TEXT]);
  dossier_notify_int (object, &self->position, data->position, properties[PROP_POSITION]);
  dossier_notify_uint (object, &self->n_pros, data->n_pros, properties[PROP_N_PROS]);
  dossier_notify_uint (object, &self->n_cons, data->n_cons, properties[PROP_N_CONS]);
  dossier_notify_uint (object, &self->pro_strength, data->pro_strength,
                       properties[PROP_PRO_STRENGTH]);
  dossier_notify_uint (object, &self->con_strength, data->con_strength,
                       properties[PROP_CON_STRENGTH]);
  g_object_thaw_notify (object);
}

gint64
dossier_question_get_id (DossierQuestion *self)
{
  g_return_val_if_fail (DOSSIER_IS_QUESTION (self), 0);
  return self->id;
}

const char *
dossier_question_get_uuid (DossierQuestion *self)
{
  g_return_val_if_fail (DOSSIER_IS_QUESTION (self), NULL);
  return self->uuid;
}

const char *
dossier_question_get_text (DossierQuestion *self)
{
  g_return_val_if_fail (DOSSIER_IS_QUESTION (self), NULL);
  return self->text;
}

int
dossier_question_get_position (DossierQuestion *self)
{
  g_return_val_if_fail (DOSSIER_IS_QUESTION (self), 0);
  return self->position;
}

guint
dossier_question_get_n_pros (DossierQuestion *self)
{
  g_return_val_if_fail (DOSSIER_IS_QUESTION (self), 0);
  return self->n_pros;
}

guint
dossier_question_get_n_cons (DossierQuestion *self)
{
  g_return_val_if_fail (DOSSIER_IS_QUESTION (self), 0);
  return self->n_cons;
}

guint
dossier_question_get_pro_strength (DossierQuestion *self)
{
  g_return_val_if_fail (DOSSIER_IS_QUESTION (self), 0);
  return self->pro_strength;
}

guint
dossier_question_get_con_strength (DossierQuestion *self)
{
  g_return_val_if_fail (DOSSIER_IS_QUESTION (self), 0);
  return self->con_strength;
}
