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

static void
dossier_question_finalize (GObject *object)
{
  DossierQuestion *self = DOSSIER_QUESTION (object);

  g_free (self->uuid);
  g_free (self->text);

  G_OBJECT_CLASS (dossier_question_parent_class)->finalize (object);
}

static void
dossier_question_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierQuestion *self = DOSSIER_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_N_PROS:
      g_value_set_uint (value, self->n_pros);
      break;
    case PROP_N_CONS:
      g_value_set_uint (value, self->n_cons);
      break;
    case PROP_PRO_STRENGTH:
      g_value_set_uint (value, self->pro_strength);
      break;
    case PROP_CON_STRENGTH:
      g_value_set_uint (value, self->con_strength);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_question_class_init (DossierQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_question_finalize;
  object_class->get_property = dossier_question_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_N_PROS] = g_param_spec_uint ("n-pros", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_CONS] = g_param_spec_uint ("n-cons", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PRO_STRENGTH] = g_param_spec_uint ("pro-strength", NULL, NULL, 0, G_MAXUINT, 0,
                                                     flags);
  properties[PROP_CON_STRENGTH] = g_param_spec_uint ("con-strength", NULL, NULL, 0, G_MAXUINT, 0,
                                                     flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
