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
# any failure (a build that fails counts as a failure too). A ui test that
# fails is run once more on its own; one that passes then is counted as
# passed and named under "Flaky" at the end (see run_suite).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bash tools/install-deps.sh

# elapsed — the time since the run started, as m:ss, for the phase lines:
# CI's whole run is meant to stay well under 20 minutes, and these show
# where it goes.
elapsed ()
{
  printf '%d:%02d' $((SECONDS / 60)) $((SECONDS % 60))
}

logdir=$(mktemp -d "${TMPDIR:-/tmp}/dossier-test.XXXXXX")
trap 'rm -rf "$logdir"' EXIT

passed=0
failed=0
timeout_multiplier=1
skipped=0
failures=()
flaky=()

# summary_count LOG LABEL — the number on meson's "LABEL: N" summary line.
summary_count ()
{
  local n
  n=$(sed -n "s/^$2:[[:space:]]*\([0-9][0-9]*\).*/\1/p" "$1" | tail -n 1)
  echo "${n:-0}"
}

# failed_tests LOG — the names of the tests a meson test log reports as failed.
failed_tests ()
{
  (grep -E '^ *[0-9]+/[0-9]+ .* (FAIL|ERROR|TIMEOUT|UNEXPECTEDPASS) ' "$1" || true) \
    | sed -E 's/^ *[0-9]+\/[0-9]+ +//; s/ +(FAIL|ERROR|TIMEOUT|UNEXPECTEDPASS) .*//; s/^.* \/ //' \
    | sort -u
}

# failure_reasons LOG TEST — the lines of a meson test log that say why
# TEST failed (a failed assertion, a fatal warning, a sanitizer's report),
# so that the end of the run names the cause, not only the test. meson
# prints a failed test's output after its result line, up to a rule.
failure_reasons ()
{
  awk -v test="$2" '
    $0 ~ ("/ " test " +(FAIL|ERROR|TIMEOUT)") { inside = 1; next }
    inside && /^―+$/ { inside = 0 }
    inside' "$1" \
    | grep -E '^(Bail out!|ERROR:)|(CRITICAL|WARNING) \*\*|^==[0-9]+==ERROR|runtime error:|^not ok ' \
    | sort -u | head -n 8 | sed 's/^/      /' || true
}

# run_suite NAME BUILDDIR SUITE RETRY — runs one meson test suite and adds
# its counts to the totals. With RETRY=retry, a test that fails is run once
# more on its own: one that passes then is counted as passed and named as
# flaky at the end, with what its first run said (a UI test depends on the
# timing of its X server and of the machine; a test that fails twice still
# fails the run).
run_suite ()
{
  local name=$1 builddir=$2 suite=$3 retry=$4
  local log="$logdir/$name.log" rc=0 ok fail timeout upass skip
  local -a names=()

  echo "=== $(elapsed) $name: meson test --suite $suite ($builddir)"
  meson test -C "$builddir" --suite "$suite" --print-errorlogs --no-rebuild \
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
  mapfile -t names < <(failed_tests "$log")

  if [[ $retry == retry ]] && ((fail + timeout > 0)) && ((upass == 0)) && ((${#names[@]} > 0)); then
    local retry_log="$logdir/$name-again.log"
    echo "=== $name: running again on their own: ${names[*]}"
    rc=0
    meson test -C "$builddir" --print-errorlogs --no-rebuild --num-processes 1 \
      --timeout-multiplier "$timeout_multiplier" "${names[@]}" 2>&1 | tee "$retry_log" || rc=$?
    if grep -q '^Ok:' "$retry_log"; then
      local -a still=()
      mapfile -t still < <(failed_tests "$retry_log")
      for test in "${names[@]}"; do
        if [[ " ${still[*]} " != *" $test "* ]]; then
          flaky+=("$name: $test failed once and passed when run again; its first run said:")
          flaky+=("$(failure_reasons "$log" "$test")")
          [[ -n ${flaky[-1]} ]] || flaky[-1]="      (nothing beyond its exit status)"
        fi
      done
      ok=$((ok + ${#names[@]} - ${#still[@]}))
      fail=${#still[@]}
      timeout=0
      names=("${still[@]}")
    fi
  fi

  passed=$((passed + ok))
  failed=$((failed + fail + timeout + upass))
  skipped=$((skipped + skip))
  if ((fail + timeout + upass > 0)); then
    for test in "${names[@]}"; do
      failures+=("$name: $test failed; it said:")
      failures+=("$(failure_reasons "$log" "$test")")
      [[ -n ${failures[-1]} ]] || failures[-1]="      (nothing beyond its exit status)"
    done
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
  echo "=== $(elapsed) $name: building in $builddir"
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

# Each UI test starts its own virtual X server and session bus
# (tests/ui/with-display.sh), so the ui suites run two tests at a time as
# the unit suites do.
if build "build" _build; then
  run_suite "unit" _build unit no-retry
  run_suite "ui" _build ui retry
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
  run_suite "unit (asan)" _build-asan unit no-retry
  run_suite "ui (asan)" _build-asan ui retry
fi

# The fuzz targets as libFuzzer programs (clang; README, Tests): that the
# option builds, and the corpus replayed through the instrumented targets.
if CC=clang build "fuzz build" _build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined \
     -Db_lundef=false -Dui=false -Dbench=false; then
  run_suite "fuzz" _build-fuzz fuzz no-retry
fi

echo
if ((${#flaky[@]} > 0)); then
  echo "Flaky (failed once, passed when run again; counted as passed):"
  printf '  %s\n' "${flaky[@]}"
fi
if ((${#failures[@]} > 0)); then
  echo "Failures:"
  printf '  %s\n' "${failures[@]}"
fi
if ((skipped > 0)); then
  echo "($skipped skipped)"
fi
echo "(the whole run took $(elapsed))"
echo "$passed passed, $failed failed"
((failed == 0))
