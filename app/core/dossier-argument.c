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

static void
dossier_argument_finalize (GObject *object)
{
  DossierArgument *self = DOSSIER_ARGUMENT (object);

  g_free (self->uuid);
  g_free (self->statement);

  G_OBJECT_CLASS (dossier_argument_parent_class)->finalize (object);
}

static void
dossier_argument_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierArgument *self = DOSSIER_ARGUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_QUESTION_ID:
      g_value_set_int64 (value, self->question_id);
      break;
    case PROP_POLARITY:
      g_value_set_int (value, self->polarity);
      break;
    case PROP_STATEMENT:
      g_value_set_string (value, self->statement);
      break;
    case PROP_STAKEHOLDER_ID:
      g_value_set_int64 (value, self->stakeholder_id);
      break;
    case PROP_STRENGTH:
      g_value_set_int (value, self->strength);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_N_EVIDENCE:
      g_value_set_uint (value, self->n_evidence);
      break;
    case PROP_N_SOURCES:
      g_value_set_uint (value, self->n_sources);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_argument_class_init (DossierArgumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_argument_finalize;
  object_class->get_property = dossier_argument_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_QUESTION_ID] = g_param_spec_int64 ("question-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                     flags);
  properties[PROP_POLARITY] = g_param_spec_int ("polarity", NULL, NULL, DOSSIER_POLARITY_PRO,
                                                DOSSIER_POLARITY_CON, DOSSIER_POLARITY_PRO, flags);
  properties[PROP_STATEMENT] = g_param_spec_string ("statement", NULL, NULL, NULL, flags);
  properties[PROP_STAKEHOLDER_ID] = g_param_spec_int64 ("stakeholder-id", NULL, NULL,
                                                        0, G_MAXINT64, 0, flags);
  properties[PROP_STRENGTH] = g_param_spec_int ("strength", NULL, NULL, DOSSIER_STRENGTH_MIN,
                                                DOSSIER_STRENGTH_MAX, DOSSIER_STRENGTH_DEFAULT,
                                                flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_N_EVIDENCE] = g_param_spec_uint ("n-evidence", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_SOURCES] = g_param_spec_uint ("n-sources", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
