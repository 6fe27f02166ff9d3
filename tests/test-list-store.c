/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-list-store.c — dossier_list_store_reconcile(): one exact
 * items-changed for the run that differs, none when nothing does. */
#include "config.h"

#include <string.h>

#include <dossier/dossier.h>

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->calls++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

/* A listing of the objects in @pool named by @names ("abc"). */
static GPtrArray *
listing (GObject    **pool,
         const char  *names)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (const char *c = names; *c != '\0'; c++)
    g_ptr_array_add (items, g_object_ref (pool[*c - 'a']));
  return items;
}

static void
assert_store (GListStore  *store,
              GObject    **pool,
              const char  *names)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, strlen (names));
  for (guint i = 0; names[i] != '\0'; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_assert_true (item == pool[names[i] - 'a']);
    }
}

static void
reconcile (GListStore  *store,
           GObject    **pool,
           const char  *names,
           GEqualFunc   equal)
{
  g_autoptr(GPtrArray) items = listing (pool, names);

  dossier_list_store_reconcile (store, items, equal);
}

/* Objects named alike ("a" and "A" stand for one highlight listed twice). */
static gboolean
same_name (gconstpointer a,
           gconstpointer b)
{
  return g_ascii_tolower (GPOINTER_TO_INT (g_object_get_data ((GObject *) a, "name")))
         == g_ascii_tolower (GPOINTER_TO_INT (g_object_get_data ((GObject *) b, "name")));
}

static void
test_reconcile (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  GObject *pool[26];
  Changes changes = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (pool); i++)
    {
      pool[i] = g_object_new (G_TYPE_OBJECT, NULL);
      g_object_set_data (pool[i], "name", GINT_TO_POINTER ('a' + i));
    }
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* From nothing: everything added at once. */
  reconcile (store, pool, "abcde", NULL);
  assert_store (store, pool, "abcde");
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 5);

  /* The same listing: no signal at all. */
  reconcile (store, pool, "abcde", NULL);
  g_assert_cmpuint (changes.calls, ==, 1);

  /* One item replaced in the middle: only it. */
  reconcile (store, pool, "abxde", NULL);
  assert_store (store, pool, "abxde");
  g_assert_cmpuint (changes.calls, ==, 2);
  g_assert_cmpuint (changes.position, ==, 2);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);

  /* Inserted before the end, removed at the start. */
  reconcile (store, pool, "abxdye", NULL);
  g_assert_cmpuint (changes.position, ==, 4);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  reconcile (store, pool, "xdye", NULL);
  assert_store (store, pool, "xdye");
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 2);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_cmpuint (changes.calls, ==, 4);

  /* With an equality: equal items are kept, not replaced. */
  g_object_set_data (pool[25], "name", GINT_TO_POINTER ('D'));
  reconcile (store, pool, "xzye", same_name);
  g_assert_cmpuint (changes.calls, ==, 4);
  assert_store (store, pool, "xdye");
  reconcile (store, pool, "xzye", NULL);
  g_assert_cmpuint (changes.calls, ==, 5);
  g_assert_cmpuint (changes.position, ==, 1);
  assert_store (store, pool, "xzye");

  /* To nothing. */
  reconcile (store, pool, "", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_cmpuint (changes.removed, ==, 4);

  g_signal_handlers_disconnect_by_func (store, items_changed_cb, &changes);
  for (guint i = 0; i < G_N_ELEMENTS (pool); i++)
    g_assert_finalize_object (pool[i]);
}

static void
log_changes_cb (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                GString    *log)
{
  g_string_append_printf (log, "%s%u-%u+%u", log->len > 0 ? " " : "", position, removed, added);
}

/* Reconciles @store (holding @from) to @to; returns its items-changed as
 * "position-removed+added …". */
static char *
changes_of (GObject    **pool,
            const char  *from,
            const char  *to,
            gboolean     moves)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GPtrArray) items = listing (pool, to);
  GString *log = g_string_new (NULL);

  reconcile (store, pool, from, NULL);
  g_signal_connect (store, "items-changed", G_CALLBACK (log_changes_cb), log);
  if (moves)
    dossier_list_store_reconcile_moves (store, items, NULL);
  else
    dossier_list_store_reconcile (store, items, NULL);
  assert_store (store, pool, to);
  g_signal_handlers_disconnect_by_func (store, log_changes_cb, log);
  return g_string_free (log, FALSE);
}

/* dossier_list_store_reconcile_moves (): a block of items moved (a tag
 * with its sub-tags moved in the codebook, listed flat): only the block is taken out and put back, the smaller
 * side of the run it crossed, instead of the whole run replaced (200 tags,
 * the first moved to the end: every row rebuilt, the selection in it
 * lost). */
static void
test_moves (void)
{
  static const struct
  {
    const char *from, *to, *changes;
  } cases[] = {
    { "abcde", "bcdea", "0-1+0 4-0+1" },   /* the first to the end */
    { "abcde", "eabcd", "4-1+0 0-0+1" },   /* the last to the front */
    { "abcdef", "adebcf", "1-2+0 3-0+2" }, /* "bc" past "de" */
    { "abcdef", "aefbcd", "4-2+0 1-0+2" }, /* "ef" before "bcd" */
    { "abcde", "abdce", "2-1+0 3-0+1" },   /* neighbours swapped */
    { "abcde", "acbed", "1-4+4" },         /* two moves: one splice */
    { "abcde", "bacde", "0-1+0 1-0+1" },
  };
  GObject *pool[26];

  for (guint i = 0; i < G_N_ELEMENTS (pool); i++)
    pool[i] = g_object_new (G_TYPE_OBJECT, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *changes = changes_of (pool, cases[i].from, cases[i].to, TRUE);

      g_test_message ("%s → %s", cases[i].from, cases[i].to);
      g_assert_cmpstr (changes, ==, cases[i].changes);
    }

  /* Without looking for moves (the stakeholders' list): the one splice. */
  {
    g_autofree char *changes = changes_of (pool, "abcde", "bcdea", FALSE);

    g_assert_cmpstr (changes, ==, "0-5+5");
  }

  for (guint i = 0; i < G_N_ELEMENTS (pool); i++)
    g_assert_finalize_object (pool[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dossier/list-store/reconcile", test_reconcile);
  g_test_add_func ("/dossier/list-store/moves", test_moves);

  return g_test_run ();
}
