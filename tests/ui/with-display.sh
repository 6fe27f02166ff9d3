#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# with-display.sh COMMAND [ARGUMENT…] — runs one UI test on a virtual X
# server and a session bus of its own, then stops them.
#
# Each test having its own display (its own keyboard focus, pointer and
# windows) and its own bus (its own application instance, its own
# accessibility bus) lets meson run the UI tests side by side like the unit
# tests, and run them from a plain terminal without xvfb-run. The screen is
# wide enough for the window's width sweep (test-window tries up to
# 2560 px; GTK keeps a window within its monitor).
set -u

dir=$(mktemp -d "${TMPDIR:-/tmp}/dossier-display.XXXXXX") || exit 1
xvfb=

stop ()
{
  if [ -n "$xvfb" ]; then
    kill "$xvfb" 2> /dev/null
    wait "$xvfb" 2> /dev/null
  fi
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# -displayfd: the server picks a free display number and writes it once it
# takes clients, so two tests starting at once never race for one.
Xvfb -displayfd 3 -screen 0 2600x1600x24 -nolisten tcp -noreset \
  3> "$dir/display" 2> "$dir/xvfb.log" &
xvfb=$!

waited=0
until grep -q '[0-9]' "$dir/display" 2> /dev/null; do
  if ! kill -0 "$xvfb" 2> /dev/null; then
    echo "with-display.sh: Xvfb did not start:" >&2
    cat "$dir/xvfb.log" >&2
    exit 1
  fi
  if [ "$waited" -ge 3000 ]; then
    echo "with-display.sh: Xvfb gave no display number in 60 s" >&2
    exit 1
  fi
  sleep 0.02
  waited=$((waited + 1))
done

DISPLAY=:$(cat "$dir/display")
export DISPLAY
# Not the caller's X authority: this server takes local clients without one.
unset XAUTHORITY

# The test's temporary folders inside this script's own, which stop ()
# removes: a test that aborts (a failed assertion, a fatal warning, its
# time out) never reaches its own tear-down.
mkdir "$dir/tmp" || exit 1
TMPDIR=$dir/tmp
export TMPDIR

dbus-run-session -- "$@"
status=$?
stop
trap - EXIT
exit "$status"
