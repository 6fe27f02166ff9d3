/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-preferences-window.h — the application's preferences. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_PREFERENCES_WINDOW (dossier_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (DossierPreferencesWindow, dossier_preferences_window, DOSSIER, PREFERENCES_WINDOW, AdwPreferencesWindow)

DossierPreferencesWindow *dossier_preferences_window_new (GtkWindow *parent,
                                                          GSettings *settings);

G_END_DECLS
