#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# with-tmpdir.sh COMMAND [ARGUMENT…] — runs one unit test with a TMPDIR of
# its own, and removes that folder whatever the outcome.
#
# A test that aborts (a failed assertion, a fatal warning, a sanitizer's
# report, its time out: meson sends SIGTERM) never reaches its own
# tear-down; the projects and exports it made in g_get_tmp_dir () (and
# Python's tempfile, and mktemp) go with this folder all the same. The UI
# tests get the same from with-display.sh.
set -u

dir=$(mktemp -d "${TMPDIR:-/tmp}/dossier-unit.XXXXXX") || exit 1
# As /tmp is, not mktemp's 0700: a test that drops to another user
# (nobody: test-project's read-only-folder, test-export's
# to-file-unwritable) reaches the folders it made, and makes its own.
chmod 1777 "$dir" || exit 1

stop ()
{
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

TMPDIR=$dir
export TMPDIR

"$@"
status=$?
stop
trap - EXIT
exit "$status"
