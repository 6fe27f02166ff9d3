/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-stakeholder.c — an actor of the question under study: its kinds
 * and stances, and the object a project keeps per stakeholder, updated in
 * place (notifying only what really changed). */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-notify-private.h"
#include "dossier-stakeholder-private.h"
#include "dossier-text-private.h"

static const char * const kind_names[] = {
  [DOSSIER_STAKEHOLDER_GOVERNMENT] = "government",
  [DOSSIER_STAKEHOLDER_OFFICIAL] = "official",
  [DOSSIER_STAKEHOLDER_PERSON] = "person",
  [DOSSIER_STAKEHOLDER_LEGISLATURE] = "legislature",
  [DOSSIER_STAKEHOLDER_PARTY] = "party",
  [DOSSIER_STAKEHOLDER_ORGANISATION] = "organisation",
  [DOSSIER_STAKEHOLDER_ARMED_GROUP] = "armed-group",
  [DOSSIER_STAKEHOLDER_BUSINESS] = "business",
  [DOSSIER_STAKEHOLDER_CIVIL_SOCIETY] = "civil-society",
  [DOSSIER_STAKEHOLDER_MEDIA] = "media",
  [DOSSIER_STAKEHOLDER_PUBLIC] = "public",
  [DOSSIER_STAKEHOLDER_FOREIGN_STATE] = "foreign-state",
  [DOSSIER_STAKEHOLDER_OTHER] = "other",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == DOSSIER_STAKEHOLDER_N_KINDS);

/* What people type on a command line. */
static const struct
{
  const char             *name;
  DossierStakeholderKind  kind;
} kind_spellings[] = {
  { "head-of-state", DOSSIER_STAKEHOLDER_OFFICIAL },
  { "individual", DOSSIER_STAKEHOLDER_PERSON },
  { "persona", DOSSIER_STAKEHOLDER_PERSON },
  { "organization", DOSSIER_STAKEHOLDER_ORGANISATION },
  { "armed", DOSSIER_STAKEHOLDER_ARMED_GROUP },
  { "criminal", DOSSIER_STAKEHOLDER_ARMED_GROUP },
  { "criminal-group", DOSSIER_STAKEHOLDER_ARMED_GROUP },
  { "company", DOSSIER_STAKEHOLDER_BUSINESS },
  { "ngo", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "civil", DOSSIER_STAKEHOLDER_CIVIL_SOCIETY },
  { "press", DOSSIER_STAKEHOLDER_MEDIA },
  { "foreign", DOSSIER_STAKEHOLDER_FOREIGN_STATE },
  { "state", DOSSIER_STAKEHOLDER_FOREIGN_STATE },
};

const char *
dossier_stakeholder_kind_to_string (DossierStakeholderKind kind)
{
  g_return_val_if_fail ((guint) kind < DOSSIER_STAKEHOLDER_N_KINDS, NULL);

  return kind_names[kind];
}

gboolean
dossier_stakeholder_kind_from_string (const char             *str,
                                      DossierStakeholderKind *kind)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  name = g_ascii_strdown (str, -1);
  g_strdelimit (name, "_ ", '-');

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_str_equal (name, kind_names[i]))
        {
          *kind = (DossierStakeholderKind) i;
          return TRUE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (kind_spellings); i++)
    {
      if (g_str_equal (name, kind_spellings[i].name))
        {
          *kind = kind_spellings[i].kind;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dossier_stakeholder_kind_get_label (DossierStakeholderKind kind)
{
  g_return_val_if_fail ((guint) kind < DOSSIER_STAKEHOLDER_N_KINDS, NULL);

  switch (kind)
    {
    case DOSSIER_STAKEHOLDER_GOVERNMENT: return _("Government");
    case DOSSIER_STAKEHOLDER_OFFICIAL: return _("Head of state or official");
    case DOSSIER_STAKEHOLDER_PERSON: return _("Person");
    case DOSSIER_STAKEHOLDER_LEGISLATURE: return _("Legislature");
    case DOSSIER_STAKEHOLDER_PARTY: return _("Party");
    case DOSSIER_STAKEHOLDER_ORGANISATION: return _("Organisation");
    case DOSSIER_STAKEHOLDER_ARMED_GROUP: return _("Armed or criminal group");
    case DOSSIER_STAKEHOLDER_BUSINESS: return _("Business");
    case DOSSIER_STAKEHOLDER_CIVIL_SOCIETY: return _("Civil society");
    case DOSSIER_STAKEHOLDER_MEDIA: return _("Media");
    case DOSSIER_STAKEHOLDER_PUBLIC: return _("Public");
    case DOSSIER_STAKEHOLDER_FOREIGN_STATE: return _("Foreign state");
    case DOSSIER_STAKEHOLDER_OTHER:
    default: return _("Other");
    }
}

const char *
dossier_stance_get_label (int position)
{
  switch (position)
    {
    case -2: return _("Strongly against");
    case -1: return _("Against");
    case 0: return _("Neutral or mixed");
    case 1: return _("For");
    case 2: return _("Strongly for");
    default: return _("Not assessed");
    }
}

/* ---- The object ------------------------------------------------------------ */

struct _DossierStakeholder
{
  GObject                 parent_instance;

  gint64                  id;
  char                   *uuid;
  char                   *name;
  char                  **aliases;
  DossierStakeholderKind  kind;
  char                   *description;
  char                   *stance;
  int                     stance_position;
  char                   *interests;
  int                     power;
  int                     interest;
  char                   *color;
  int                     position;
  guint                   n_mentions;
  guint                   n_documents;
  gboolean                mentions_pending;
  guint                   n_evidence;
  gboolean                power_backed;
  gboolean                interest_backed;
};

G_DEFINE_FINAL_TYPE (DossierStakeholder, dossier_stakeholder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_ALIASES,
  PROP_KIND,
  PROP_DESCRIPTION,
  PROP_STANCE,
  PROP_STANCE_POSITION,
  PROP_INTERESTS,
  PROP_POWER,
  PROP_INTEREST,
  PROP_COLOR,
  PROP_POSITION,
  PROP_N_MENTIONS,
  PROP_N_DOCUMENTS,
  PROP_MENTIONS_PENDING,
  PROP_N_EVIDENCE,
  PROP_POWER_BACKED,
  PROP_INTEREST_BACKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define FIELD(member) G_STRUCT_OFFSET (DossierStakeholder, member)

static void
dossier_stakeholder_class_init (DossierStakeholderClass *klass)
{
  properties[PROP_ID] = dossier_notify_prop_int64 ("id", FIELD (id));
  properties[PROP_UUID] = dossier_notify_prop_string ("uuid", FIELD (uuid), NULL);
  properties[PROP_NAME] = dossier_notify_prop_string ("name", FIELD (name), NULL);
  properties[PROP_ALIASES] = dossier_notify_prop_strv ("aliases", FIELD (aliases));
  properties[PROP_KIND] = dossier_notify_prop_int ("kind", FIELD (kind),
                                                   0, DOSSIER_STAKEHOLDER_N_KINDS - 1,
                                                   DOSSIER_STAKEHOLDER_OTHER);
  properties[PROP_DESCRIPTION] = dossier_notify_prop_string ("description", FIELD (description),
                                                             "");
  properties[PROP_STANCE] = dossier_notify_prop_string ("stance", FIELD (stance), "");
  properties[PROP_STANCE_POSITION] = dossier_notify_prop_int ("stance-position",
                                                              FIELD (stance_position),
                                                              DOSSIER_STANCE_UNKNOWN,
                                                              DOSSIER_STANCE_MAX,
                                                              DOSSIER_STANCE_UNKNOWN);
  properties[PROP_INTERESTS] = dossier_notify_prop_string ("interests", FIELD (interests), "");
  properties[PROP_POWER] = dossier_notify_prop_int ("power", FIELD (power),
                                                    DOSSIER_RATING_MIN, DOSSIER_RATING_MAX, 3);
  properties[PROP_INTEREST] = dossier_notify_prop_int ("interest", FIELD (interest),
                                                       DOSSIER_RATING_MIN, DOSSIER_RATING_MAX, 3);
  properties[PROP_COLOR] = dossier_notify_prop_string ("color", FIELD (color), NULL);
  properties[PROP_POSITION] = dossier_notify_prop_int ("position", FIELD (position),
                                                       0, G_MAXINT, 0);
  properties[PROP_N_MENTIONS] = dossier_notify_prop_uint ("n-mentions", FIELD (n_mentions));
  properties[PROP_N_DOCUMENTS] = dossier_notify_prop_uint ("n-documents", FIELD (n_documents));
  properties[PROP_MENTIONS_PENDING] = dossier_notify_prop_boolean ("mentions-pending",
                                                                   FIELD (mentions_pending));
  properties[PROP_N_EVIDENCE] = dossier_notify_prop_uint ("n-evidence", FIELD (n_evidence));
  properties[PROP_POWER_BACKED] = dossier_notify_prop_boolean ("power-backed",
                                                               FIELD (power_backed));
  properties[PROP_INTEREST_BACKED] = dossier_notify_prop_boolean ("interest-backed",
                                                                  FIELD (interest_backed));

  dossier_notify_install_properties (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
dossier_stakeholder_init (DossierStakeholder *self)
{
  self->aliases = g_new0 (char *, 1);
  self->kind = DOSSIER_STAKEHOLDER_OTHER;
  self->description = g_strdup ("");
  self->stance = g_strdup ("");
  self->stance_position = DOSSIER_STANCE_UNKNOWN;
  self->interests = g_strdup ("");
  self->power = 3;
  self->interest = 3;
}

DossierStakeholder *
dossier_stakeholder_new (gint64                        id,
                         const DossierStakeholderData *data)
{
  DossierStakeholder *self = g_object_new (DOSSIER_TYPE_STAKEHOLDER, NULL);

  self->id = id;
  dossier_stakeholder_update (self, data);

  return self;
}

void
dossier_stakeholder_update (DossierStakeholder           *self,
                            const DossierStakeholderData *data)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (DOSSIER_IS_STAKEHOLDER (self));
  g_return_if_fail (data != NULL);

  g_object_freeze_notify (object);

  dossier_notify_string (object, &self->uuid, data->uuid, properties[PROP_UUID]);
  dossier_notify_string (object, &self->name, data->name, properties[PROP_NAME]);
  dossier_notify_strv (object, &self->aliases, data->aliases, properties[PROP_ALIASES]);
  dossier_notify_int (object, (int *) &self->kind, data->kind, properties[PROP_KIND]);
  dossier_notify_string (object, &self->description, data->description,
                         properties[PROP_DESCRIPTION]);
  dossier_notify_string (object, &self->stance, data->stance, properties[PROP_STANCE]);
  dossier_notify_int (object, &self->stance_position, data->stance_position,
                      properties[PROP_STANCE_POSITION]);
  dossier_notify_string (object, &self->interests, data->interests, properties[PROP_INTERESTS]);
  dossier_notify_int (object, &self->power, data->power, properties[PROP_POWER]);
  dossier_notify_int (object, &self->interest, data->interest, properties[PROP_INTEREST]);
  dossier_notify_string (object, &self->color, data->color, properties[PROP_COLOR]);
  dossier_notify_int (object, &self->position, data->position, properties[PROP_POSITION]);
  dossier_notify_uint (object, &self->n_mentions, data->n_mentions, properties[PROP_N_MENTIONS]);
  dossier_notify_uint (object, &self->n_documents, data->n_documents,
                       properties[PROP_N_DOCUMENTS]);
  dossier_notify_boolean (object, &self->mentions_pending, data->mentions_pending,
                          properties[PROP_MENTIONS_PENDING]);
  dossier_notify_uint (object, &self->n_evidence, data->n_evidence, properties[PROP_N_EVIDENCE]);
  dossier_notify_boolean (object, &self->power_backed, data->power_backed,
                          properties[PROP_POWER_BACKED]);
  dossier_notify_boolean (object, &self->interest_backed, data->interest_backed,
                          properties[PROP_INTEREST_BACKED]);

  g_object_thaw_notify (object);
}

char **
dossier_stakeholder_split_aliases (const char *stored)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  /* Read from a file that may come from anywhere: each alias the window
   * lays out (the stakeholder's editor) is valid UTF-8, as each name is
   * (dossier_notify_string ()). */
  g_autofree char *valid = dossier_text_dup_valid (stored != NULL ? stored : "", -1);
  g_auto(GStrv) lines = g_strsplit (valid, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_strv_builder_add (builder, lines[i]);

  return g_strv_builder_end (builder);
}

char *
dossier_stakeholder_join_aliases (const char * const *aliases)
{
  return aliases != NULL ? g_strjoinv ("\n", (char **) aliases) : g_strdup ("");
}

gint64
dossier_stakeholder_get_id (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), 0);
  return self->id;
}

const char *
dossier_stakeholder_get_uuid (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), NULL);
  return self->uuid;
}

const char *
dossier_stakeholder_get_name (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), NULL);
  return self->name;
}

const char * const *
dossier_stakeholder_get_aliases (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), NULL);
  return (const char * const *) self->aliases;
}

DossierStakeholderKind
dossier_stakeholder_get_kind (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), DOSSIER_STAKEHOLDER_OTHER);
  return self->kind;
}

const char *
dossier_stakeholder_get_description (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), NULL);
  return self->description;
}

const char *
dossier_stakeholder_get_stance (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), NULL);
  return self->stance;
}

int
dossier_stakeholder_get_stance_position (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), DOSSIER_STANCE_UNKNOWN);
  return self->stance_position;
}

const char *
dossier_stakeholder_get_interests (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), NULL);
  return self->interests;
}

int
dossier_stakeholder_get_power (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), 3);
  return self->power;
}

int
dossier_stakeholder_get_interest (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), 3);
  return self->interest;
}

const char *
dossier_stakeholder_get_color (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), NULL);
  return self->color;
}

int
dossier_stakeholder_get_position (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), 0);
  return self->position;
}

guint
dossier_stakeholder_get_n_mentions (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), 0);
  return self->n_mentions;
}

guint
dossier_stakeholder_get_n_documents (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), 0);
  return self->n_documents;
}

gboolean
dossier_stakeholder_get_mentions_pending (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), FALSE);
  return self->mentions_pending;
}

guint
dossier_stakeholder_get_n_evidence (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), 0);
  return self->n_evidence;
}

gboolean
dossier_stakeholder_get_power_backed (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), FALSE);
  return self->power_backed;
}

gboolean
dossier_stakeholder_get_interest_backed (DossierStakeholder *self)
{
  g_return_val_if_fail (DOSSIER_IS_STAKEHOLDER (self), FALSE);
  return self->interest_backed;
}
