/* SPDX-License-Identifier: GPL-3.0-or-later */
/* glib-quark-table.c — linked into every ui test under AddressSanitizer.
 *
 * When a process makes its 2,049th quark, GLib copies its quarks into a
 * bigger table and abandons the first one on purpose (lock-free readers may
 * still hold it). That table was allocated in GLib's library constructor,
 * where LeakSanitizer cannot unwind the stack to name it, so no suppression
 * in lsan.supp can match it; the window tests, which register every type of
 * the app, go past 2,048 quarks. Before main() we find the table through
 * GLib's data segment — the one block of 2,048 pointers whose entry 1 is
 * quark 1's string — and tell LeakSanitizer to ignore it. Nothing else is exempted: if GLib changes, the leak is
 * reported again. */
#ifdef __SANITIZE_ADDRESS__
#define _GNU_SOURCE /* dl_iterate_phdr() */
#include <link.h>
#include <sanitizer/lsan_interface.h>
#include <string.h>

#include <glib.h>

/* From the sanitizers' allocator interface (GCC ships no header for it). */
int    __sanitizer_get_ownership      (const volatile void *p);
size_t __sanitizer_get_allocated_size (const volatile void *p);

#define GLIB_QUARK_BLOCK 2048

static int
find_first_quark_table (struct dl_phdr_info *info,
                        size_t               size,
                        void                *data)
{
  const char *quark_one = g_quark_to_string (1);

  if (info->dlpi_name == NULL || strstr (info->dlpi_name, "libglib-2.0") == NULL)
    return 0;
  if (quark_one == NULL)
    return 1;

  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
      gpointer *words;
      gsize n_words;

      if (segment->p_type != PT_LOAD || !(segment->p_flags & PF_W))
        continue;
      words = (gpointer *) (info->dlpi_addr + segment->p_vaddr);
      n_words = segment->p_memsz / sizeof (gpointer);
      for (gsize w = 0; w < n_words; w++)
        if (words[w] != NULL
            && __sanitizer_get_ownership (words[w])
            && __sanitizer_get_allocated_size (words[w])
               == GLIB_QUARK_BLOCK * sizeof (char *)
            && ((const char **) words[w])[1] == quark_one)
          {
            __lsan_ignore_object (words[w]);
            return 1;
          }
    }
  return 1;
}

__attribute__((constructor)) static void
keep_first_quark_table (void)
{
  dl_iterate_phdr (find_first_quark_table, NULL);
}
#endif
