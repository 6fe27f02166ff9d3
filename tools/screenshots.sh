#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# screenshots.sh — takes the README's and the AppStream metainfo's pictures
# of the window on a copy of the sample project, on its own virtual X
# server, so it works without a desktop.
#
#   bash tools/screenshots.sh [main] [panels] [briefing] [compare]   (all when none is named)
#
# main:   data/screenshots/main.png and main-dark.png, 1280×820, a document
#         open and a highlight selected.
# briefing: the Brief page on the sample's note, 1280×820 light and dark
#         (briefing.png, briefing-dark.png), its Sources under the end of
#         the preview (briefing-sources.png, briefing-sources-dark.png), and
#         360×740 (briefing-narrow.png).
# compare: the Compare page, 1280×820 light and dark (compare.png,
#         compare-dark.png), the rows sorted by one document, a cell of the
#         matrix selected and its passages.
# panels: the Stakeholders and the Pros & Cons panels, 1440×860, light, dark
#         and Spanish (stakeholders*.png, pros-cons*.png), and the
#         power/interest grid cropped from the sidebar in light and dark,
#         English and Spanish (stakeholders-grid*.png).
#
# The panels are reached by clicking where they are at these sizes: look at
# every picture before committing it.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$root/_build"
outdir="$root/data/screenshots"
# The right sidebar's width for the panel shots (the window is wider for
# them, so that it still fits beside the text).
panel_sidebar=${SCREENSHOTS_SIDEBAR:-480}

parts=("$@")
[[ ${#parts[@]} -gt 0 ]] || parts=(main panels briefing compare)
for part in "${parts[@]}"; do
  case $part in
    main|panels|briefing|compare) ;;
    *) echo "screenshots: unknown part “$part” (main, panels, briefing or compare)" >&2; exit 2 ;;
  esac
done

for tool in Xvfb xdotool import convert dbus-run-session; do
  command -v "$tool" > /dev/null || { echo "screenshots: $tool is missing; run tools/install-deps.sh" >&2; exit 1; }
done

if [[ ! -f "$build/build.ninja" ]]; then
  meson setup "$build" "$root"
fi
# Only what the screenshots need: the app, its settings schema, the sample
# and the translations.
meson compile -C "$build" dossier gschemas.compiled sample-project dossier-gmo

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dossier-shots.XXXXXX")
xvfb_pid=
app_pid=
cleanup ()
{
  if [[ -n $app_pid ]]; then
    kill "$app_pid" 2> /dev/null || true
    wait "$app_pid" 2> /dev/null || true
  fi
  if [[ -n $xvfb_pid ]]; then
    kill "$xvfb_pid" 2> /dev/null || true
    wait "$xvfb_pid" 2> /dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# A free display number (from SCREENSHOTS_DISPLAY, else 99, upwards): no lock
# file and no socket.
display=${SCREENSHOTS_DISPLAY:-99}
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

# start SCHEME LANGUAGE WIDTH HEIGHT SIDEBAR — runs the application on a fresh
# copy of the sample with a fresh home, its window at WIDTH×HEIGHT in the
# top left corner and the right sidebar SIDEBAR pixels wide; sets wid.
wid=
width=
height=
start ()
{
  local scheme=$1 language=$2 home
  width=$3
  height=$4
  home="$tmp/$scheme-$language-$width-$5"
  mkdir -p "$home"/{data,cache} "$home/config/glib-2.0/settings"
  cp "$build/data/samples/sample.dossier" "$home/Harbour Bridge Briefing.dossier"
  # The keyfile backend reads its settings from here: the sidebar's width,
  # and the window's, so that it opens at its size with the sidebars beside
  # the text rather than folded over it.
  printf '[org/dossier/Dossier]\nright-sidebar-width=%d\nwindow-width=%d\nwindow-height=%d\n' \
    "$5" "$width" "$height" \
    > "$home/config/glib-2.0/settings/keyfile"

  env \
    XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
    GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data" \
    DOSSIER_SAMPLE_PROJECT="$build/data/samples/sample.dossier" DOSSIER_LOCALEDIR="$build/po" \
    LC_ALL=C.UTF-8 LANGUAGE="$language" \
    ADW_DEBUG_COLOR_SCHEME="$scheme" GSK_RENDERER=cairo NO_AT_BRIDGE=1 GTK_A11Y=none \
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
    return 1
  fi
  xdotool windowfocus --sync "$wid" 2> /dev/null || true
  resize "$width" "$height"
}

# resize WIDTH HEIGHT — the window's new size, asked again until it takes (a
# window still laying out its first frame can refuse a size narrower than
# that frame's), once the screen has settled.
resize ()
{
  width=$1
  height=$2
  for _ in $(seq 20); do
    xdotool windowmove "$wid" 0 0 windowsize "$wid" "$width" "$height"
    sleep 1
    [[ $(xdotool getwindowgeometry "$wid" | sed -n 's/.*Geometry: \([0-9]*\)x.*/\1/p') -le $((width + 8)) ]] && break
  done
  settle
}

stop ()
{
  xdotool key --window "$wid" ctrl+q 2> /dev/null || true
  sleep 0.5
  kill "$app_pid" 2> /dev/null || true
  wait "$app_pid" 2> /dev/null || true
  app_pid=
}

# click X Y — a click as a user's would be (XTEST events), then the pointer
# parked where it shows no tooltip or hover effect.
click ()
{
  xdotool mousemove --sync "$1" "$2" click 1
  sleep 0.5
  xdotool mousemove --sync 640 "$((height - 2))"
  sleep 1.5
}

# settle [GEOMETRY] — waits until the screen (or its part GEOMETRY,
# WxH+X+Y) has settled: two grabs half a second apart alike, and not blank
# (on a loaded machine the window can take seconds to draw). The last grab
# is left in $tmp/shot.png.
settle ()
{
  local geometry=${1:-${width}x${height}+0+0} previous= current
  for _ in $(seq 120); do
    import -window root -crop "$geometry" +repage "$tmp/shot.png"
    current=$(convert "$tmp/shot.png" -format '%#' info:)
    if [[ $current == "$previous" ]] &&
       [[ $(convert "$tmp/shot.png" -format '%[fx:standard_deviation > 0.01]' info:) == 1 ]]; then
      return 0
    fi
    previous=$current
    sleep 0.5
  done
  echo "screenshots: the screen did not settle" >&2
  return 1
}

# shoot FILE [GEOMETRY] — the window, or the part GEOMETRY of it.
shoot ()
{
  settle "${2:-}"
  convert "$tmp/shot.png" -strip "$1"
  echo "screenshots: wrote $1"
}

# The right sidebar's panel switcher: four tabs across the sidebar, below the
# header bar.
tab ()
{
  local sidebar=$1 index=$2
  click "$((width - sidebar + sidebar * (2 * index + 1) / 8))" 80
}

main_shots ()
{
  local scheme file
  for scheme in light dark; do
    file="$outdir/main.png"
    [[ $scheme == dark ]] && file="$outdir/main-dark.png"
    start "prefer-$scheme" en 1280 820 340
    # The first document opens on start. Click the highlights panel's fifth
    # card (the Line 4 journey time, a Transit times passage): the view
    # scrolls to that highlight and selects it; then a click on plain text
    # below it leaves the caret there (no Tag… button over the text).
    click 1105 710
    click 880 672
    # One notch of the wheel up, to show the section's heading.
    xdotool mousemove --sync 640 400 click 4 mousemove --sync 640 "$((height - 2))"
    shoot "$file"
    stop
  done
}

panel_shots ()
{
  local scheme language suffix
  for variant in ${SCREENSHOTS_VARIANTS:-light-en dark-en light-es dark-es}; do
    scheme=${variant%-*}
    language=${variant#*-}
    suffix=
    [[ $language == es ]] && suffix+=-es
    [[ $scheme == dark ]] && suffix+=-dark
    start "prefer-$scheme" "$language" 1440 860 "$panel_sidebar"
    tab "$panel_sidebar" 2                       # Stakeholders
    if [[ $variant != dark-es ]]; then
      shoot "$outdir/stakeholders$suffix.png"
    fi
    # The grid button, left of +; the grid's part of the sidebar.
    click "$((width - 68))" 133
    shoot "$outdir/stakeholders-grid$suffix.png" "${panel_sidebar}x$((height - 52))+$((width - panel_sidebar))+52"
    tab "$panel_sidebar" 3                       # Pros & Cons
    if [[ $variant != dark-es ]]; then
      shoot "$outdir/pros-cons$suffix.png"
    fi
    stop
  done
}

# scroll_to_end X Y — what is under X,Y scrolled to its end with the wheel.
scroll_to_end ()
{
  xdotool mousemove --sync "$1" "$2"
  for _ in $(seq 12); do
    xdotool click --repeat 10 --delay 30 5
    sleep 0.3
  done
}

briefing_shots ()
{
  local scheme suffix
  for scheme in light dark; do
    suffix=
    [[ $scheme == dark ]] && suffix=-dark
    start "prefer-$scheme" en 1280 820 340
    click 762 28                               # the header's Brief
    shoot "$outdir/briefing$suffix.png"
    # The Sources, under the end of the preview: the right sidebar hidden
    # (the header's button) for a wider preview, the note and the preview
    # scrolled to their ends with the wheel (the preview's labels are made
    # as it nears its end), then the preview back up to the Sources'
    # heading and first rows.
    click 1098 27
    scroll_to_end 600 450
    scroll_to_end 1090 450
    xdotool mousemove --sync 1090 450 click --repeat 60 --delay 30 4
    xdotool mousemove --sync 640 "$((height - 2))"
    shoot "$outdir/briefing-sources$suffix.png"
    stop
  done
  # At a phone's width. (Brief is chosen first: chosen at 360 px, the page
  # widens the window to fit its editor and preview side by side.)
  start prefer-light en 1280 820 340
  click 762 28
  resize 360 740
  shoot "$outdir/briefing-narrow.png"
  stop
}

compare_shots ()
{
  local scheme file
  for scheme in light dark; do
    file="$outdir/compare.png"
    [[ $scheme == dark ]] && file="$outdir/compare-dark.png"
    start "prefer-$scheme" en 1280 820 340
    click 640 28                               # the header's Compare
    click 604 190                              # The Civic Ledger's heading: rows sorted by it
    click 604 274                              # then Costs in it (first under The plan)
    shoot "$file"
    stop
  done
}

for part in "${parts[@]}"; do
  case $part in
    main) main_shots ;;
    panels) panel_shots ;;
    briefing) briefing_shots ;;
    compare) compare_shots ;;
  esac
done
