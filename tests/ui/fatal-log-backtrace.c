/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fatal-log-backtrace.c — linked into every ui test. A GLib critical or
 * warning is fatal in tests: GLib stops the process with SIGTRAP. Before it
 * goes, this prints the stack to stderr, so that a failure seen once in CI
 * says where it came from: "g_object_ref: assertion
 * '!object_already_finalized' failed" failed two fresh-clone runs (in
 * test-window and in test-dialog-widths) and never again in a hundred runs
 * by hand. Frames in the test program are named (it exports its symbols);
 * others read with addr2line -e FILE OFFSET. */
#include <execinfo.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#define MAX_FRAMES 64

static void
print_stack (int signal_number)
{
  static const char header[] = "\n*** SIGTRAP (a fatal log message): the stack ***\n";
  void *frames[MAX_FRAMES];
  int n = backtrace (frames, MAX_FRAMES);

  if (write (STDERR_FILENO, header, sizeof header - 1) < 0)
    return;
  backtrace_symbols_fd (frames, n, STDERR_FILENO);
  /* SA_RESETHAND put the default action back: the process ends as before. */
  raise (signal_number);
}

__attribute__((constructor)) static void
install_stack_printer (void)
{
  struct sigaction action;
  void *frame;

  /* The first backtrace () loads libgcc's unwinder, which allocates: not
   * in the handler. */
  backtrace (&frame, 1);

  memset (&action, 0, sizeof action);
  action.sa_handler = print_stack;
  action.sa_flags = SA_RESETHAND;
  sigemptyset (&action.sa_mask);
  sigaction (SIGTRAP, &action, NULL);
}
