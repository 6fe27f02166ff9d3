#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test.sh — the whole test run, as CI does it (.ci/run):
#   1. _build:      the unit suite, then the ui suite on a virtual display
#                   with its own session bus;
#   2. _build-asan: AddressSanitizer + UndefinedBehaviorSanitizer build,
#                   unit and ui suites;
#   3. _build-fuzz: the fuzz targets as libFuzzer programs (clang, ASan,
#                   UBSan), the corpus replayed once.
# Ends with one line "N passed, N failed" over all runs and exits non-zero on
# any failure (a build that fails counts as a failure too).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bash tools/install-deps.sh

logdir=$(mktemp -d "${TMPDIR:-/tmp}/dossier-test.XXXXXX")
trap 'rm -rf "$logdir"' EXIT

passed=0
failed=0
timeout_multiplier=1
skipped=0
failures=()

# summary_count LOG LABEL — the number on meson's "LABEL: N" summary line.
summary_count ()
{
  local n
  n=$(sed -n "s/^$2:[[:space:]]*\([0-9][0-9]*\).*/\1/p" "$1" | tail -n 1)
  echo "${n:-0}"
}

# run_suite NAME BUILDDIR SUITE [WRAPPER…] — runs one meson test suite and
# adds its counts to the totals.
run_suite ()
{
  local name=$1 builddir=$2 suite=$3
  shift 3
  local log="$logdir/$name.log" rc=0 ok fail timeout upass skip

  echo "=== $name: meson test --suite $suite ($builddir)"
  "$@" meson test -C "$builddir" --suite "$suite" --print-errorlogs --no-rebuild \
    --num-processes 2 --timeout-multiplier "$timeout_multiplier" 2>&1 | tee "$log" || rc=$?

  if ! grep -q '^Ok:' "$log"; then
    # No summary: meson could not build or start the tests.
    echo "=== $name: no test summary (exit status $rc)"
    failed=$((failed + 1))
    failures+=("$name: did not run")
    return
  fi
  ok=$(summary_count "$log" 'Ok')
  fail=$(summary_count "$log" 'Fail')
  timeout=$(summary_count "$log" 'Timeout')
  upass=$(summary_count "$log" 'Unexpected Pass')
  skip=$(summary_count "$log" 'Skipped')
  passed=$((passed + ok))
  failed=$((failed + fail + timeout + upass))
  skipped=$((skipped + skip))
  if ((fail + timeout + upass > 0)); then
    failures+=("$name: $( (grep -E '^ *[0-9]+/[0-9]+ .* (FAIL|ERROR|TIMEOUT|UNEXPECTEDPASS) ' "$log" || true) \
                           | sed -E 's/^ *[0-9]+\/[0-9]+ +//; s/ +(FAIL|ERROR|TIMEOUT|UNEXPECTEDPASS) .*/ (\1)/' \
                           | sort -u | paste -sd ',' -)")
  elif ((rc != 0)); then
    failed=$((failed + 1))
    failures+=("$name: meson test exited with status $rc")
  fi
}

# build NAME BUILDDIR [MESON OPTIONS…] — configures (once) and compiles;
# fails only when the build directory cannot be configured.
build ()
{
  local name=$1 builddir=$2
  shift 2
  echo "=== $name: building in $builddir"
  if [[ ! -f "$builddir/build.ninja" ]]; then
    if ! meson setup "$builddir" "$root" "$@"; then
      failed=$((failed + 1))
      failures+=("$name: meson setup failed")
      return 1
    fi
  fi
  if ! meson compile -C "$builddir"; then
    failed=$((failed + 1))
    failures+=("$name: build failed")
    # Build what still builds, so the tests that can run still report;
    # those whose programs are missing fail on their own.
    ninja -C "$builddir" -k 0 > "$logdir/$name-keep-going.log" 2>&1 || true
  fi
}

# Widgets need a display and a session bus; the window tests run on a
# virtual X server wide enough for the window's width sweep (test-window
# tries up to 2560 px; GTK keeps a window within its monitor), which does
# not reset when its last client disconnects (a client connecting during a
# reset is refused).
ui_wrapper=(xvfb-run -a -s '-screen 0 2600x1600x24 -noreset' dbus-run-session --)

if build "build" _build; then
  run_suite "unit" _build unit
  run_suite "ui" _build ui "${ui_wrapper[@]}"
fi

# LeakSanitizer is on: a test that leaks fails. tests/lsan.supp names only
# the process-lifetime caches of the libraries below us (fontconfig's);
# tests/meson.build sets the same for each test.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Instrumented programs run several times slower than plain ones: the same
# tests get twice the time (test-cli took 67–110 s of its 300 under ASan
# on a loaded machine, and over 300 s on a busier one). The plain suites
# keep the tests' own timeouts.
timeout_multiplier=2
if build "asan build" _build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbench=false; then
  run_suite "unit (asan)" _build-asan unit
  run_suite "ui (asan)" _build-asan ui "${ui_wrapper[@]}"
fi

# The fuzz targets as libFuzzer programs (clang; README, Tests): that the
# option builds, and the corpus replayed through the instrumented targets.
if CC=clang build "fuzz build" _build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined \
     -Db_lundef=false -Dui=false -Dbench=false; then
  run_suite "fuzz" _build-fuzz fuzz
fi

echo
if ((${#failures[@]} > 0)); then
  echo "Failures:"
  printf '  %s\n' "${failures[@]}"
fi
if ((skipped > 0)); then
  echo "($skipped skipped)"
fi
echo "$passed passed, $failed failed"
((failed == 0))
