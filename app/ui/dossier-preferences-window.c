/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-preferences-window.c — the preferences: the author name recorded
 * on new highlights, the text size, whether tagging a selection takes
 * whole words, and the light/dark style. Every control is bound to
 * GSettings, so changes apply at once. */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-preferences-window.h"
#include "dossier-ui-utils.h"

struct _DossierPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template children */
  AdwPreferencesGroup  *author_group;
  AdwEntryRow          *author_row;
  GtkAdjustment        *zoom_adjustment;
  GtkSwitch            *whole_words_switch;
  AdwComboRow          *style_row;
};

G_DEFINE_FINAL_TYPE (DossierPreferencesWindow, dossier_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Rows of style_row, in the order of the .ui. */
static const char * const styles[] = { "default", "light", "dark", NULL };

static gboolean
zoom_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
zoom_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_double (CLAMP (g_value_get_double (value) / 100.0, 0.5, 3.0));
}

static void
dossier_preferences_window_dispose (GObject *object)
{
  DossierPreferencesWindow *self = DOSSIER_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_preferences_window_parent_class)->dispose (object);
}

static void
dossier_preferences_window_class_init (DossierPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/ui/dossier-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, author_group);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, zoom_adjustment);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, whole_words_switch);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, style_row);
}

static void
dossier_preferences_window_init (DossierPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DossierPreferencesWindow *
dossier_preferences_window_new (GtkWindow *parent,
                                GSettings *settings)
{
  DossierPreferencesWindow *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (DOSSIER_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  dossier_dialog_fit_parent (GTK_WINDOW (self));
  self->settings = g_object_ref (settings);

  /* Translators: %s is the user's real name from their account */
  description = g_strdup_printf (_("Every new highlight records who made it. Leave the name empty to use your account’s name, “%s”."),
                                 g_get_real_name ());
  adw_preferences_group_set_description (self->author_group, description);

  g_settings_bind (settings, "author-name", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "zoom", self->zoom_adjustment, "value", G_SETTINGS_BIND_DEFAULT,
                                zoom_get_mapping, zoom_set_mapping, NULL, NULL);
  g_settings_bind (settings, "whole-words", self->whole_words_switch, "active", G_SETTINGS_BIND_DEFAULT);
  dossier_settings_bind_choice (settings, "color-scheme", self->style_row, styles);
  return self;
}
