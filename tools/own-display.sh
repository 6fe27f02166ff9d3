#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# own-display.sh COMMAND [ARGS…] — runs COMMAND on a virtual X server of its
# own, started for it and stopped after it, and exits with its status.
#
# tools/test.sh runs each UI test this way (meson test --wrapper). The tests
# run two at a time, and on one shared server they shared the X selections
# too: a test selecting text claimed PRIMARY from the other, whose selection
# GTK then dropped (test-window's tag-selection tagged nothing), and the
# notices of those claims reached a process in the middle of its own.
set -euo pipefail

dir=$(mktemp -d "${TMPDIR:-/tmp}/own-display.XXXXXX")
xvfb=
cleanup ()
{
  if [[ -n $xvfb ]]; then
    kill "$xvfb" 2> /dev/null || true
    wait "$xvfb" 2> /dev/null || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# -displayfd: the server picks a free display number itself and writes it
# once it accepts clients, so two starting at once never take the same one.
# As wide as test-window's width sweep needs (up to 2,560 px); -noreset:
# a client connecting while the server resets would be refused.
mkfifo "$dir/display"
Xvfb -displayfd 3 -screen 0 2600x1600x24 -noreset -nolisten tcp 3> "$dir/display" 2> "$dir/xvfb.log" &
xvfb=$!
if ! read -r number < "$dir/display" || [[ -z $number ]]; then
  echo "own-display.sh: Xvfb did not start:" >&2
  cat "$dir/xvfb.log" >&2
  exit 1
fi

export DISPLAY=":$number"
status=0
"$@" || status=$?
exit "$status"
