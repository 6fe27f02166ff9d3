/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dossier-highlight-list.c — a live list of highlights (see the header).
 *
 * The project hands each update a fresh listing of the documents an action
 * touched; the list walks it beside what it holds (both in the listing's
 * order) and splices only the runs that differ, so a view bound to it
 * rebuilds the rows that changed and no others.
 */

#include "config.h"

#include "dossier-highlight-list.h"
#include "dossier-highlight-private.h"

struct _DossierHighlightList
{
  GObject    parent_instance;

  gint64     document_id;
  gint64     tag_id;
  GPtrArray *items;   /* of DossierHighlight */
};

static GType
list_get_item_type (GListModel *model)
{
  return DOSSIER_TYPE_HIGHLIGHT;
}

static guint
list_get_n_items (GListModel *model)
{
  return DOSSIER_HIGHLIGHT_LIST (model)->items->len;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  DossierHighlightList *self = DOSSIER_HIGHLIGHT_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierHighlightList, dossier_highlight_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
dossier_highlight_list_finalize (GObject *object)
{
  DossierHighlightList *self = DOSSIER_HIGHLIGHT_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_highlight_list_parent_class)->finalize (object);
}

static void
dossier_highlight_list_class_init (DossierHighlightListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_highlight_list_finalize;
}

static void
dossier_highlight_list_init (DossierHighlightList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

DossierHighlightList *
dossier_highlight_list_new (gint64     document_id,
                            gint64     tag_id,
                            GPtrArray *items)
{
  DossierHighlightList *self = g_object_new (DOSSIER_TYPE_HIGHLIGHT_LIST, NULL);

  self->document_id = document_id;
  self->tag_id = tag_id;
  for (guint i = 0; items != NULL && i < items->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (items, i)));

  return self;
}

gint64
dossier_highlight_list_get_document_id (DossierHighlightList *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT_LIST (self), 0);

  return self->document_id;
}

gint64
dossier_highlight_list_get_tag_id (DossierHighlightList *self)
{
  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT_LIST (self), 0);

  return self->tag_id;
}

gint64
dossier_highlight_list_get_max_length (DossierHighlightList *self)
{
  gint64 max = 0;

  g_return_val_if_fail (DOSSIER_IS_HIGHLIGHT_LIST (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      const DossierHighlight *h = g_ptr_array_index (self->items, i);

      if (!h->data.orphaned)
        max = MAX (max, h->data.end - h->data.start);
    }
  return max;
}

/* The first position in [from, to) whose document is not below @document_id. */
static guint
lower_bound (GPtrArray *items,
             guint      from,
             guint      to,
             gint64     document_id,
             gboolean   after)
{
  while (from < to)
    {
      guint mid = from + (to - from) / 2;
      const DossierHighlight *h = g_ptr_array_index (items, mid);

      if (h->data.document_id < document_id || (after && h->data.document_id == document_id))
        from = mid + 1;
      else
        to = mid;
    }
  return from;
}

typedef struct
{
  DossierHighlightList *self;
  guint                 position;  /* where the run starts in self->items */
  guint                 removed;   /* old items from there on that it drops */
  guint                 end;       /* the end of the old items being walked */
  GPtrArray            *added;     /* of DossierHighlight (not owned) */
} Run;

/* Applies the run at its position and says so. */
static void
run_flush (Run *run)
{
  GPtrArray *items = run->self->items;
  guint added = run->added->len;

  if (run->removed == 0 && added == 0)
    return;

  if (run->removed > 0)
    g_ptr_array_remove_range (items, run->position, run->removed);
  for (guint k = 0; k < added; k++)
    g_ptr_array_insert (items, run->position + k, g_object_ref (g_ptr_array_index (run->added, k)));

  g_list_model_items_changed (G_LIST_MODEL (run->self), run->position, run->removed, added);

  run->end = run->end - run->removed + added;
  run->position += added;
  run->removed = 0;
  g_ptr_array_set_size (run->added, 0);
}

void
dossier_highlight_list_update (DossierHighlightList *self,
                               gint64                document_id,
                               GPtrArray            *fresh)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  g_autoptr(GObject) hold = NULL;
  guint start = 0, end;
  guint j = 0;
  Run run;

  g_return_if_fail (DOSSIER_IS_HIGHLIGHT_LIST (self));
  g_return_if_fail (fresh != NULL);

  /* A handler may drop the last reference while we emit. */
  hold = g_object_ref (G_OBJECT (self));

  end = self->items->len;
  if (document_id != 0)
    {
      start = lower_bound (self->items, 0, end, document_id, FALSE);
      end = lower_bound (self->items, start, end, document_id, TRUE);
    }

  /* Walk the old run of items [start, end) and @fresh side by side; the
   * old ones not yet reached sit at run.position + run.removed onwards. */
  run = (Run) { self, start, 0, end, added };
  while (run.position + run.removed < run.end || j < fresh->len)
    {
      guint i = run.position + run.removed;
      DossierHighlight *old = i < run.end ? g_ptr_array_index (self->items, i) : NULL;
      DossierHighlight *new = j < fresh->len ? g_ptr_array_index (fresh, j) : NULL;
      int order = old == NULL ? 1 : new == NULL ? -1 : dossier_highlight_compare (old, new);

      if (order == 0 && dossier_highlight_equal (old, new))
        {
          run_flush (&run);
          run.position++;
          j++;
          continue;
        }

      if (order <= 0)
        {
          /* Gone, or changed (then the new one comes next). */
          run.removed++;
        }
      if (order >= 0)
        {
          g_ptr_array_add (added, new);
          j++;
        }
    }
  run_flush (&run);
}
