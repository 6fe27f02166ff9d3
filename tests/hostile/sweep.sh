#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# sweep.sh — opens each hostile project (make-hostile.py) with dossier-cli
# and reports what crashed, hung, said something a user must not see, or
# changed the file (not shipped; run by hand, best with an ASan build).
#
# Usage: sweep.sh DOSSIER_CLI DIR   (DIR holds the *.dossier to sweep)
set -u
cli=$1
dir=$2
out=$(mktemp -d "${TMPDIR:-/tmp}/dossier-sweep.XXXXXX")
trap 'rm -rf "$out"' EXIT

commands=(
  "documents" "tags" "text 1" "text 2" "stakeholders" "mentions" "arguments" "briefings"
  "briefing 1" "briefing 1 --check" "check"
  "export --format json -o $out/x.json" "export --format md -o $out/x.md"
  "export --format html -o $out/x.html" "export --format csv -o $out/x.csv"
  "export --format text -o $out/x.txt" "export --format qdpx -o $out/x.qdpx"
  "export --format w3c -o $out/x.w3c"
  "compare" "compare --by stakeholders" "compare --by arguments" "compare --format svg -o $out/c.svg"
  "diverge 1 2" "grid -o $out/g.svg" "suggest 1"
)

for project in "$dir"/*.dossier; do
  name=$(basename "$project")
  before=$(md5sum < "$project")
  mtime=$(stat -c %Y.%y "$project")
  for c in "${commands[@]}"; do
    read -ra words <<< "$c"
    start=$(date +%s.%N)
    timeout 120 "$cli" "${words[0]}" "$project" "${words[@]:1}" \
      > "$out/stdout" 2> "$out/stderr" < /dev/null
    rc=$?
    t=$(echo "$(date +%s.%N) - $start" | bc)
    flag=
    [ $rc -ge 124 ] && flag="$flag DIED($rc)"
    grep -qE 'CRITICAL|WARNING \*\*|ERROR: AddressSanitizer|runtime error|LeakSanitizer' "$out/stderr" && flag="$flag SAID"
    [ "$(md5sum < "$project")" != "$before" ] && flag="$flag CHANGED"
    ls "$project"-* "$project".lock > /dev/null 2>&1 && flag="$flag LEFT"
    printf '%-22s %-40s rc=%d %6.1fs%s | %s\n' "$name" "$c" "$rc" "$t" "$flag" \
      "$(head -c 160 "$out/stderr" | tr '\n' ' ')"
  done
done
