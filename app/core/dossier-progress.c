/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-progress.c — the progress of a long operation (see the header). */

#include "config.h"

#include <dossier/dossier-progress.h>

struct _DossierProgress
{
  GObject       parent_instance;

  GMainContext *context;   /* where it was made: notifications go there */
  GThread      *thread;    /* the thread it was made in */
  double        fraction;
  char         *message;
  int           issued;    /* updates numbered as they are made, atomically */
  int           applied;   /* the latest one applied: older ones come too late */
};

G_DEFINE_FINAL_TYPE (DossierProgress, dossier_progress, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_progress_finalize (GObject *object)
{
  DossierProgress *self = DOSSIER_PROGRESS (object);

  g_main_context_unref (self->context);
  g_free (self->message);

  G_OBJECT_CLASS (dossier_progress_parent_class)->finalize (object);
}

static void
dossier_progress_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierProgress *self = DOSSIER_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_progress_class_init (DossierProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dossier_progress_finalize;
  object_class->get_property = dossier_progress_get_property;

  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_progress_init (DossierProgress *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->thread = g_thread_self ();
}

DossierProgress *
dossier_progress_new (void)
{
  return g_object_new (DOSSIER_TYPE_PROGRESS, NULL);
}

double
dossier_progress_get_fraction (DossierProgress *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROGRESS (self), 0.0);

  return self->fraction;
}

const char *
dossier_progress_get_message (DossierProgress *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROGRESS (self), NULL);

  return self->message;
}

typedef struct
{
  DossierProgress *self;
  int              number;
  double           fraction;
  char            *message;
} Update;

static void
update_free (gpointer data)
{
  Update *update = data;

  g_object_unref (update->self);
  g_free (update->message);
  g_free (update);
}

static gboolean
apply_update (gpointer data)
{
  Update *update = data;
  DossierProgress *self = update->self;

  if (update->number - self->applied < 0)
    return G_SOURCE_REMOVE;
  self->applied = update->number;

  if (self->fraction != update->fraction)
    {
      self->fraction = update->fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (update->message != NULL && g_strcmp0 (self->message, update->message) != 0)
    {
      g_free (self->message);
      self->message = g_steal_pointer (&update->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }

  return G_SOURCE_REMOVE;
}

void
dossier_progress_update (DossierProgress *self,
                         double           fraction,
                         const char      *message)
{
  Update *update;

  g_return_if_fail (DOSSIER_IS_PROGRESS (self));

  update = g_new0 (Update, 1);
  update->self = g_object_ref (self);
  update->number = g_atomic_int_add (&self->issued, 1) + 1;
  update->fraction = CLAMP (fraction, 0.0, 1.0);
  update->message = g_strdup (message);

  /* At once in the object's own thread. From another, always through a
   * source in its context: g_main_context_invoke () would run it right
   * there, in the worker, whenever that thread could acquire the
   * context (when the main loop is between iterations). */
  if (g_thread_self () == self->thread)
    {
      apply_update (update);
      update_free (update);
    }
  else
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, apply_update, update, update_free);
      g_source_set_static_name (source, "[dossier] progress");
      g_source_attach (source, self->context);
    }
}
