#!/usr/bin/env bash
# screenshots.sh — takes the screenshots named in the AppStream metainfo:
# data/screenshots/main.png (light) and main-dark.png (dark), the window at
# 1280×820 on a copy of the sample project, a document open and a highlight
# selected. Runs on its own virtual X server, so it works without a desktop.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$root/_build"
outdir="$root/data/screenshots"
width=1280
height=820
# Where, at that size, the highlights panel shows the fourth card (the Line 4
# journey time: a passage with two tags); clicking a card activates it.
card_x=1105
card_y=570

for tool in Xvfb xdotool import convert dbus-run-session; do
  command -v "$tool" > /dev/null || { echo "screenshots: $tool is missing; run tools/install-deps.sh" >&2; exit 1; }
done

if [[ ! -f "$build/build.ninja" ]]; then
  meson setup "$build" "$root"
fi
# Only what the screenshots need: the app, its settings schema, the sample.
meson compile -C "$build" dossier gschemas.compiled sample-project

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dossier-shots.XXXXXX")
xvfb_pid=
cleanup ()
{
  if [[ -n $xvfb_pid ]]; then
    kill "$xvfb_pid" 2> /dev/null || true
    wait "$xvfb_pid" 2> /dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# A free display number: no lock file and no socket.
display=99
while [[ -e /tmp/.X$display-lock || -e /tmp/.X11-unix/X$display ]]; do
  display=$((display + 1))
done
Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp > "$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
unset WAYLAND_DISPLAY
for _ in $(seq 200); do
  xdotool getdisplaygeometry > /dev/null 2>&1 && break
  sleep 0.1
done
xdotool getdisplaygeometry > /dev/null 2>&1 || { cat "$tmp/xvfb.log" >&2; echo "screenshots: Xvfb did not start on $DISPLAY" >&2; exit 1; }

mkdir -p "$outdir"

# shoot SCHEME FILE — one run of the application with a fresh home.
shoot ()
{
  local scheme=$1 file=$2 home="$tmp/$1" wid app_pid
  mkdir -p "$home"/{data,config,cache}
  cp "$build/data/samples/sample.dossier" "$home/Harbour Bridge Briefing.dossier"

  env \
    XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
    GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
    DOSSIER_SAMPLE_PROJECT="$build/data/samples/sample.dossier" \
    ADW_DEBUG_COLOR_SCHEME="$scheme" GSK_RENDERER=cairo NO_AT_BRIDGE=1 \
    dbus-run-session -- "$build/app/ui/dossier" "$home/Harbour Bridge Briefing.dossier" \
    > "$home/app.log" 2>&1 &
  app_pid=$!

  wid=
  for _ in $(seq 100); do
    wid=$(xdotool search --onlyvisible --name 'Dossier|Harbour Bridge' 2> /dev/null | head -n 1 || true)
    [[ -n $wid ]] && break
    kill -0 "$app_pid" 2> /dev/null || break
    sleep 0.1
  done
  if [[ -z $wid ]]; then
    cat "$home/app.log" >&2
    echo "screenshots: the Dossier window did not appear" >&2
    kill "$app_pid" 2> /dev/null || true
    return 1
  fi

  xdotool windowmove "$wid" 0 0 windowsize "$wid" "$width" "$height"
  sleep 1

  # The first document opens on start. Click a card of the highlights
  # panel: the view scrolls to that highlight and selects it. XTEST events,
  # as a user's would be.
  xdotool windowfocus --sync "$wid" 2> /dev/null || true
  xdotool mousemove --sync "$card_x" "$card_y" click 1
  sleep 0.5
  # Park the pointer where it shows no tooltip or hover effect.
  xdotool mousemove --sync 640 "$((height - 2))"
  sleep 1.5

  import -window root -crop "${width}x${height}+0+0" +repage "$tmp/shot.png"
  convert "$tmp/shot.png" -strip "$file"
  echo "screenshots: wrote $file"

  xdotool key --window "$wid" ctrl+q 2> /dev/null || true
  sleep 0.5
  kill "$app_pid" 2> /dev/null || true
  wait "$app_pid" 2> /dev/null || true
}

shoot prefer-light "$outdir/main.png"
shoot prefer-dark "$outdir/main-dark.png"
