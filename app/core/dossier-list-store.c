/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-list-store.c — one exact splice from an old listing to a new. */

#include "config.h"

#include <dossier/dossier-list-store.h>

static gboolean
same_item (gconstpointer a,
           gconstpointer b,
           GEqualFunc    equal)
{
  return a == b || (equal != NULL && equal (a, b));
}

void
dossier_list_store_reconcile (GListStore *store,
                              GPtrArray  *items,
                              GEqualFunc  equal)
{
  GListModel *model;
  guint n_old, n_new;
  guint prefix = 0;
  guint suffix = 0;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (items != NULL);

  model = G_LIST_MODEL (store);
  n_old = g_list_model_get_n_items (model);
  n_new = items->len;

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, prefix);

      if (!same_item (item, g_ptr_array_index (items, prefix), equal))
        break;
      prefix++;
    }

  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, n_old - 1 - suffix);

      if (!same_item (item, g_ptr_array_index (items, n_new - 1 - suffix), equal))
        break;
      suffix++;
    }

  if (prefix == n_old && prefix == n_new)
    return;

  g_list_store_splice (store, prefix, n_old - prefix - suffix,
                       items->pdata + prefix, n_new - prefix - suffix);
}
