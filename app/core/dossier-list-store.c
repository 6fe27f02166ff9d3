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

/* Whether the @length items of @store from @start are those of @items
 * there, in another order: a block of them moved from one end of the run
 * to the other (a tag and its sub-tags moved in the codebook, which lists
 * the tree flat). If so, moves it: the smaller part of the run taken out
 * and put back in its place, two items-changed of the moved items only,
 * where one splice of the whole run would have every view rebuild its
 * rows (and let go of a selection in it). */
static gboolean
move_block (GListStore *store,
            GPtrArray  *items,
            guint       start,
            guint       length,
            GEqualFunc  equal)
{
  GListModel *model = G_LIST_MODEL (store);
  g_autoptr(GPtrArray) old = g_ptr_array_new_full (length, g_object_unref);
  g_autoptr(GPtrArray) block = NULL;
  gpointer *now = items->pdata + start;
  guint k;

  if (length < 2)
    return FALSE;
  for (guint i = 0; i < length; i++)
    g_ptr_array_add (old, g_list_model_get_item (model, start + i));

  /* The run now begins with the item the old run has at k: the old run
   * rotated by k, if it is one. */
  for (k = 1; k < length && !same_item (old->pdata[k], now[0], equal); k++)
    ;
  if (k == length)
    return FALSE;
  for (guint i = 0; i < length; i++)
    if (!same_item (old->pdata[(k + i) % length], now[i], equal))
      return FALSE;

  /* The first k to the end, or the other length - k to the front. */
  if (k <= length - k)
    {
      block = g_ptr_array_new_full (k, NULL);
      for (guint i = 0; i < k; i++)
        g_ptr_array_add (block, old->pdata[i]);
      g_list_store_splice (store, start, k, NULL, 0);
      g_list_store_splice (store, start + length - k, 0, block->pdata, k);
    }
  else
    {
      block = g_ptr_array_new_full (length - k, NULL);
      for (guint i = k; i < length; i++)
        g_ptr_array_add (block, old->pdata[i]);
      g_list_store_splice (store, start + k, length - k, NULL, 0);
      g_list_store_splice (store, start, 0, block->pdata, length - k);
    }
  return TRUE;
}

static void
reconcile (GListStore *store,
           GPtrArray  *items,
           GEqualFunc  equal,
           gboolean    moves)
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

  if (moves && n_old == n_new && move_block (store, items, prefix, n_old - prefix - suffix, equal))
    return;

  g_list_store_splice (store, prefix, n_old - prefix - suffix,
                       items->pdata + prefix, n_new - prefix - suffix);
}

void
dossier_list_store_reconcile (GListStore *store,
                              GPtrArray  *items,
                              GEqualFunc  equal)
{
  reconcile (store, items, equal, FALSE);
}

void
dossier_list_store_reconcile_moves (GListStore *store,
                                    GPtrArray  *items,
                                    GEqualFunc  equal)
{
  reconcile (store, items, equal, TRUE);
}
