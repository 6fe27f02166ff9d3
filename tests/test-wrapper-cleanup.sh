#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-wrapper-cleanup.sh WRAPPER — a test that aborts (a failed
# assertion, a fatal warning) never reaches its own tear-down: the
# temporary folders it made are removed all the same, with the folder its
# wrapper (with-tmpdir.sh for the unit tests, ui/with-display.sh for the UI
# tests) gives it as TMPDIR.
set -u

record=$(mktemp "${TMPDIR:-/tmp}/dossier-cleanup.XXXXXX") || exit 1
"$1" sh -c 'made=$(mktemp -d) && echo "$made" > "$0" && touch "$made/project.dossier" && kill -ABRT $$' "$record"
status=$?
made=$(cat "$record")
rm -f "$record"

if [ "$status" -eq 0 ]; then
  echo "the command that aborts did not fail"
  exit 1
fi
if [ -z "$made" ]; then
  echo "the command made no folder"
  exit 1
fi
if [ -e "$made" ]; then
  echo "left behind: $made"
  rm -rf "$made"
  exit 1
fi
echo "removed: $made"
