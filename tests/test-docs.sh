#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-docs.sh — the command line's documentation in the repository
# (docs/dossier-cli.1, the manual page, and docs/dossier-cli.md) covers every
# command and every long option that dossier-cli's own --help lists, and the
# manual page renders without warnings.
#
# Usage: test-docs.sh SOURCE_ROOT DOSSIER_CLI   (run by meson, TAP output)
set -euo pipefail

src=$1
cli=$2
man="$src/docs/dossier-cli.1"
md="$src/docs/dossier-cli.md"
n=0
failed=0

check ()
{
  local desc=$1 out
  shift
  n=$((n + 1))
  if out=$("$@" 2>&1); then
    echo "ok $n - $desc"
  else
    echo "not ok $n - $desc"
    sed 's/^/# /' <<< "$out"
    failed=$((failed + 1))
  fi
}

commands=$(LC_ALL=C "$cli" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 { print $1 }')

documented ()
{
  local command=$1 option missing=0
  # A command is a heading-like entry in the manual page and appears in the
  # Markdown reference as `command …`.
  grep -q "^\.BI \"$command " "$man" || { echo "docs/dossier-cli.1 has no entry for $command"; missing=1; }
  grep -q "\`$command[ \`]" "$md" || { echo "docs/dossier-cli.md does not describe $command"; missing=1; }
  for option in $(LC_ALL=C "$cli" "$command" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
    [[ $option == --help* ]] && continue
    grep -qF -- "${option//-/\\-}" "$man" || { echo "docs/dossier-cli.1 does not mention $command $option"; missing=1; }
    grep -qF -- "$option" "$md" || { echo "docs/dossier-cli.md does not mention $command $option"; missing=1; }
  done
  return $missing
}

for command in $commands; do
  check "$command is documented with its options" documented "$command"
done

if command -v groff > /dev/null 2>&1; then
  check "the manual page renders without warnings" groff -man -ww -z -K utf8 "$man"
else
  n=$((n + 1))
  echo "ok $n - the manual page renders without warnings # SKIP groff not installed (package groff)"
fi

echo "1..$n"
exit $((failed > 0))
