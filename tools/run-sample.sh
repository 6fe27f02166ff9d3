#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# run-sample.sh — builds Dossier in _build and runs it, uninstalled, on the
# bundled sample project (three articles on the Harbour Bridge decision).
# Extra arguments are passed to the application.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$root/_build"

bash "$root/tools/install-deps.sh"

if [[ ! -f "$build/build.ninja" ]]; then
  meson setup "$build" "$root"
fi
# Only what running needs: the app, its settings schema, the sample project
# and the translations.
meson compile -C "$build" dossier gschemas.compiled sample-project dossier-gmo

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  cat >&2 <<HINT
run-sample: Dossier is built, but there is no display to show it on
(neither DISPLAY nor WAYLAND_DISPLAY is set).
Run it from a graphical session, or on a virtual display:
  xvfb-run -a -s '-screen 0 1280x1024x24' dbus-run-session -- bash tools/run-sample.sh
HINT
  exit 1
fi

# The uninstalled program finds its settings schema and the sample in the
# build tree; on first run it copies the sample into the user's data folder.
export GSETTINGS_SCHEMA_DIR="$build/data"
export DOSSIER_SAMPLE_PROJECT="$build/data/samples/sample.dossier"
export DOSSIER_LOCALEDIR="$build/po"
exec "$build/app/ui/dossier" "$@"
