#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-data.sh — validates the desktop integration files as built (desktop
# entry, AppStream metainfo, MIME type, GSettings schema, icons) and checks
# that po/POTFILES.in lists every source file with translatable strings.
#
# Usage: test-data.sh SOURCE_ROOT BUILD_ROOT   (run by meson, TAP output)
# A check whose tool is not installed is skipped with the package to install;
# tools/install-deps.sh installs them all.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: test-data.sh SOURCE_ROOT BUILD_ROOT" >&2
  exit 2
fi

src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
app_id=org.dossier.Dossier
data="$build/data"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dossier-test-data.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0

# check DESCRIPTION COMMAND… — one TAP line; the command's output is shown
# as a TAP comment when it fails.
check ()
{
  local desc=$1
  shift
  n=$((n + 1))
  if "$@" > "$tmp/out" 2>&1; then
    echo "ok $n - $desc"
  else
    echo "not ok $n - $desc"
    sed 's/^/# /' "$tmp/out"
    failed=$((failed + 1))
  fi
}

skip ()
{
  n=$((n + 1))
  echo "ok $n - $1 # SKIP $2"
}

have ()
{
  command -v "$1" > /dev/null 2>&1
}

# --- desktop entry -------------------------------------------------------
desktop="$data/$app_id.desktop"
if have desktop-file-validate; then
  check "desktop-file-validate $app_id.desktop" desktop-file-validate "$desktop"
else
  skip "desktop-file-validate" "desktop-file-validate not installed (package desktop-file-utils)"
fi

desktop_fields ()
{
  grep -qx 'MimeType=application/x-dossier;' "$desktop" || { echo "$desktop: no MimeType=application/x-dossier;"; return 1; }
  grep -qx "Icon=$app_id" "$desktop" || { echo "$desktop: Icon is not $app_id"; return 1; }
  grep -qx 'Exec=dossier %F' "$desktop" || { echo "$desktop: Exec is not 'dossier %F'"; return 1; }
  # Translations were merged in: the Spanish name of the application exists.
  if [[ -s "$src/po/es.po" ]] && grep -q '^msgid "Article Annotator"' "$src/po/es.po"; then
    grep -q '^GenericName\[es\]=' "$desktop" || { echo "$desktop: no Spanish GenericName merged from po/es.po"; return 1; }
  fi
}
check "desktop entry opens Dossier projects with the app icon" desktop_fields

# --- AppStream metainfo --------------------------------------------------
metainfo="$data/$app_id.metainfo.xml"
if have appstreamcli; then
  check "appstreamcli validate --no-net $app_id.metainfo.xml" appstreamcli validate --no-net "$metainfo"
else
  skip "appstreamcli validate" "appstreamcli not installed (package appstream)"
fi
if have appstream-util; then
  check "appstream-util validate-relax --nonet $app_id.metainfo.xml" appstream-util validate-relax --nonet "$metainfo"
else
  skip "appstream-util validate-relax" "appstream-util not installed (package appstream-util)"
fi

metainfo_fields ()
{
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
    || { echo "$metainfo: launchable is not $app_id.desktop"; return 1; }
  grep -q '<mediatype>application/x-dossier</mediatype>' "$metainfo" \
    || { echo "$metainfo: does not provide application/x-dossier"; return 1; }
  # Once screenshots are committed (tools/screenshots.sh), every one the
  # metainfo names must be among them.
  local url name
  [[ -d "$src/data/screenshots" ]] || return 0
  while IFS= read -r url; do
    name=${url##*/}
    [[ -f "$src/data/screenshots/$name" ]] \
      || { echo "$metainfo: screenshot $name is not in data/screenshots/"; return 1; }
  done < <(grep -o 'https://[^<]*/data/screenshots/[^<]*\.png' "$metainfo")
}
check "metainfo launches the desktop entry and provides the MIME type" metainfo_fields

# --- MIME type -----------------------------------------------------------
mime="$data/$app_id.xml"
if have xmllint; then
  check "xmllint $app_id.xml (MIME type)" xmllint --noout "$mime"
  mime_fields ()
  {
    local ns='http://www.freedesktop.org/standards/shared-mime-info'
    local glob
    glob=$(xmllint --xpath "string(//*[local-name()='mime-type'][@type='application/x-dossier']/*[local-name()='glob']/@pattern)" "$mime")
    [[ $glob == '*.dossier' ]] || { echo "$mime: application/x-dossier has glob '$glob', want '*.dossier'"; return 1; }
    [[ $(xmllint --xpath "namespace-uri(/*)" "$mime") == "$ns" ]] \
      || { echo "$mime: root element is not in the shared-mime-info namespace"; return 1; }
  }
  check "MIME type application/x-dossier matches *.dossier" mime_fields
else
  skip "xmllint MIME type" "xmllint not installed (package libxml2-utils)"
fi
if have update-mime-database; then
  # The real consumer: it refuses what it cannot parse. Build a private
  # MIME database with only our package and look the type up in it.
  mime_db ()
  {
    mkdir -p "$tmp/mime/packages"
    cp "$mime" "$tmp/mime/packages/"
    XDG_DATA_HOME="$tmp" update-mime-database "$tmp/mime" 2>&1 | tee "$tmp/mime.log"
    ! grep -qi 'error\|warning\|invalid' "$tmp/mime.log" || return 1
    grep -q '^application/x-dossier$' "$tmp/mime/types" \
      || { echo "application/x-dossier missing from the compiled MIME database"; return 1; }
    grep -q 'application/x-dossier:\*\.dossier' "$tmp/mime/globs" \
      || { echo "*.dossier glob missing from the compiled MIME database"; return 1; }
  }
  check "update-mime-database accepts the MIME type" mime_db
else
  skip "update-mime-database" "update-mime-database not installed (package shared-mime-info)"
fi

# --- GSettings schema ----------------------------------------------------
if have glib-compile-schemas; then
  check "glib-compile-schemas --strict --dry-run" glib-compile-schemas --strict --dry-run "$data"
else
  skip "glib-compile-schemas" "glib-compile-schemas not installed (package libglib2.0-bin)"
fi

# --- icons ---------------------------------------------------------------
icons ()
{
  local scalable="$src/data/icons/hicolor/scalable/apps/$app_id.svg"
  local symbolic="$src/data/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
  local f
  for f in "$scalable" "$symbolic"; do
    [[ -f $f ]] || { echo "missing icon $f"; return 1; }
    if have xmllint; then
      xmllint --noout "$f" || return 1
    fi
  done
  grep -q 'viewBox="0 0 128 128"' "$scalable" || { echo "$scalable: not drawn on a 128×128 canvas"; return 1; }
  grep -q 'viewBox="0 0 16 16"' "$symbolic" || { echo "$symbolic: not drawn on a 16×16 canvas"; return 1; }
}
check "app icons exist and are well-formed SVG" icons

# --- po/POTFILES.in --------------------------------------------------------
# Files with translatable strings: C sources calling _(), N_(), C_(), NC_()
# or ngettext(), and .ui files with translatable="yes". Tests are not
# translated. Paths are relative to the source root.
potfiles ()
{
  local listed="$tmp/potfiles.listed" needed="$tmp/potfiles.needed" ok=0 f
  grep -v '^[[:space:]]*\(#\|$\)' "$src/po/POTFILES.in" > "$listed" || true

  if ! LC_ALL=C sort -c "$listed" 2> /dev/null; then
    echo "po/POTFILES.in is not sorted (LC_ALL=C sort):"
    diff <(cat "$listed") <(LC_ALL=C sort "$listed") | sed 's/^/  /'
    ok=1
  fi
  while IFS= read -r f; do
    [[ -f "$src/$f" ]] || { echo "po/POTFILES.in lists $f, which does not exist"; ok=1; }
  done < "$listed"

  (
    cd "$src"
    find . \( -path ./.git -o -path './_build*' -o -path './build*' -o -path ./tests \
              -o -path ./subprojects \) -prune -o \
           -type f \( -name '*.c' -o -name '*.ui' \) -print \
      | sed 's|^\./||' \
      | while IFS= read -r f; do
          case $f in
            *.c)
              grep -Eq '(^|[^A-Za-z0-9_])(N?C?_|ngettext|g_dngettext|g_dpgettext2?)[[:space:]]*\(' "$f" && echo "$f" ;;
            *.ui)
              grep -q 'translatable="yes"' "$f" && echo "$f" ;;
          esac
        done
    # The data templates carry user-visible strings too.
    ls data/*.desktop.in data/*.metainfo.xml.in data/*.mime.xml.in data/*.gschema.xml.in 2> /dev/null
  ) | LC_ALL=C sort -u > "$needed"

  while IFS= read -r f; do
    grep -qxF "$f" "$listed" || { echo "po/POTFILES.in does not list $f (it has translatable strings)"; ok=1; }
  done < "$needed"
  return $ok
}
check "po/POTFILES.in is sorted and lists every file with translatable strings" potfiles

# xgettext stops a string at a macro it cannot expand, so _("… %"
# G_GINT64_FORMAT " …") yields the msgid "… %", which never matches at run
# time: the message stays English in every language. <inttypes.h> macros
# (PRId64, PRIu64) are the ones gettext understands.
truncated_msgids ()
{
  xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
           --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
           -D "$src" -f "$src/po/POTFILES.in" -o "$tmp/check.pot" 2> "$tmp/xgettext.log" \
    || { cat "$tmp/xgettext.log"; return 1; }
  [[ -f "$tmp/check.pot" ]] || return 0
  awk '
    /^#: / { loc = substr($0, 4); next }
    /^msgid(_plural)? / { inmsg = 1; s = substr($0, index($0, "\"")); next }
    /^"/ && inmsg { s = s $0; next }
    {
      if (inmsg && s ~ /(^|[^%])(%%)*%"$/) {
        print loc ": msgid " s " is cut short by a format macro: write \"%\" PRId64 (or PRIu64), not G_GINT64_FORMAT, in translatable strings"
        bad = 1
      }
      inmsg = 0
    }
    END { exit bad }' "$tmp/check.pot"
}
if have xgettext; then
  check "translatable strings are extracted whole (no GLib format macros inside _())" truncated_msgids
else
  skip "xgettext check of translatable strings" "xgettext not installed (package gettext)"
fi

# Every language in po/LINGUAS translates every string of today's sources:
# nothing missing, untranslated or fuzzy, and msgfmt --check is happy.
translations ()
{
  local lang po ok=0 stats
  [[ -f "$tmp/check.pot" ]] || { echo "no catalogue was extracted (see the previous check)"; return 1; }
  while IFS= read -r lang; do
    [[ -z $lang || $lang == \#* ]] && continue
    po="$src/po/$lang.po"
    [[ -f $po ]] || { echo "po/LINGUAS lists $lang, but po/$lang.po does not exist"; ok=1; continue; }
    if ! msgcmp -N "$po" "$tmp/check.pot" > "$tmp/msgcmp.log" 2>&1; then
      echo "po/$lang.po lacks translations of strings in the sources (update it with"
      echo "meson compile -C BUILD dossier-update-po, then translate):"
      grep -v 'this message is not used' "$tmp/msgcmp.log" | head -n 40 | sed 's/^/  /'
      ok=1
    fi
    if ! stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
      echo "$stats"
      ok=1
    elif [[ $stats == *fuzzy* || $stats == *untranslated* ]]; then
      echo "po/$lang.po: $stats"
      ok=1
    fi
  done < "$src/po/LINGUAS"
  return $ok
}
if have msgcmp && have msgfmt; then
  check "po/*.po translate every string of the sources" translations
else
  skip "translations are complete" "msgcmp or msgfmt not installed (package gettext)"
fi

echo "1..$n"
[[ $failed -eq 0 ]]
