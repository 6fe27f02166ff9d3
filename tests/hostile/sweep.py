#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sweep.py — every hostile project (make-hostile.py) through dossier-cli.

Usage: sweep.py [--big BYTES | --quick] DOSSIER_CLI SAMPLE.dossier [CASE…]

Makes each hostile case from SAMPLE in a folder of its own and runs each
command of dossier-cli that reads a project on it. Each must succeed, or
fail with a message on stderr; none may die of a signal, outlive its
timeout, or print a GLib warning or a sanitizer's report; and the file
must stay byte for byte as it was, with nothing left beside it. Prints
TAP: one line per case, what went wrong under it; exits 1 if anything did.
--big: the size of the cases' huge values (make-hostile.py --big).
--quick: a case of each kind at 1 MB (make-hostile.py's QUICK), through
the commands that read what it changed (QUICK_COMMANDS below): what
meson's unit suite runs, in plain and ASan builds (test-hostile-sweep). The whole sweep takes minutes of CPU
and is run by hand (tests/README.md).
"""

import hashlib
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# DOSSIER_SWEEP_VERBOSE=1: each command's exit, time and first line said.
VERBOSE = bool(os.environ.get("DOSSIER_SWEEP_VERBOSE"))

# A command hanging on a hostile file fails the sweep; a healthy one takes
# under a second (seconds under ASan).
TIMEOUT = 60

# What a user must never see on stderr.
SAID = re.compile(r"CRITICAL|WARNING \*\*|ERROR \*\*|ERROR: AddressSanitizer|runtime error:|"
                  r"LeakSanitizer|Traceback")


# Each read command by a short name (OUT: a folder for what it writes).
COMMANDS = {
    "documents": ["documents"],
    "tags": ["tags"],
    "text 1": ["text", "1"],
    "text 2": ["text", "2"],
    "stakeholders": ["stakeholders"],
    "mentions": ["mentions"],
    "arguments": ["arguments"],
    "briefings": ["briefings"],
    "briefing": ["briefing", "1"],
    "briefing --check": ["briefing", "1", "--check"],
    "briefing --sections": ["briefing", "1", "--sections"],
    "check": ["check"],
    "export json": ["export", "--format", "json", "-o", "OUT/x.json"],
    "export markdown": ["export", "--format", "markdown", "-o", "OUT/x.md"],
    "export csv": ["export", "--format", "csv", "-o", "OUT/x.csv"],
    "export qdpx": ["export", "--format", "qdpx", "-o", "OUT/x.qdpx"],
    "export w3c": ["export", "--format", "w3c", "-o", "OUT/x.jsonld"],
    "export briefing": ["export", "--briefing", "1", "--format", "markdown",
                        "--allow-unverified", "-o", "OUT/b.md"],
    "compare": ["compare"],
    "compare stakeholders": ["compare", "--rows", "stakeholders"],
    "compare arguments": ["compare", "--rows", "arguments"],
    "diverge": ["diverge"],
    "grid": ["grid", "-o", "OUT/g.svg"],
    "suggest": ["suggest", "1"],
}

# Run on every case: what a reader of a project runs first.
EVERY = ["documents", "text 1", "check", "export markdown", "export qdpx", "export briefing"]

# What else each case's changes reach ("all": every command; the cases of
# a sample's size take a tenth of a second a command, those of 10 MB a
# second or more, so that the sweep stays within a minute).
REACHES = {
    "bad-utf8": "all",
    "nul": "all",
    "offsets": ["text 2", "tags", "compare", "diverge", "export json", "export csv", "export w3c",
                "briefing --check", "suggest"],
    "overlaps": ["text 2", "compare", "diverge", "export json", "briefing --check"],
    "tag-cycles": ["tags", "compare", "export json", "export csv"],
    "dangling": "all",
    "duplicate-uuids": "all",
    "many-tags": ["tags", "compare"],
    "huge-title": ["tags", "stakeholders", "briefings", "compare"],
    "deep-nesting": ["briefing", "briefing --sections", "arguments"],
    "foreign-objects": "all",
    "fts-corrupt": ["export json"],
    "fts-config": ["export json"],
    "text-replaced": ["text 2", "compare", "diverge", "briefing --check", "export json"],
    "briefing-citations": ["briefings", "briefing --check", "briefing --sections"],
    "briefing-text": ["briefings", "briefing", "briefing --sections"],
    "arguments": ["arguments", "compare arguments", "export json"],
    "stakeholders": ["stakeholders", "mentions", "grid", "compare stakeholders", "export json"],
    "stakeholder-aliases": ["stakeholders", "mentions", "suggest", "compare stakeholders"],
    "compare-settings": ["briefings", "compare", "diverge", "export json"],
    "future-version": "all",
    "rollback-journal": "all",
    "hard-link": "all",
}


# --quick (meson's unit suite, test-hostile-sweep): make-hostile.py's
# QUICK cases, a case of each kind of hostility with huge values of 1 MB,
# each through the commands that read first what it changed, "check"
# (which reads everything) on most: 28 runs of dossier-cli, where the
# whole sweep makes over 300. A run takes ~0.1 s of CPU, ~0.4 s under
# ASan (its shadow memory mapped at each start).
QUICK_COMMANDS = {
    "bad-utf8": ["documents", "text 1", "stakeholders", "export json", "check"],
    "offsets": ["text 2", "compare", "check"],
    "dangling": ["briefing --check", "export markdown", "check"],
    "stakeholders": ["stakeholders", "mentions", "export json"],
    "huge-title": ["documents", "tags", "compare"],
    "tag-cycles": ["tags", "compare"],
    "fts-corrupt": ["export json", "check"],
    "future-version": ["documents"],
    "foreign-objects": ["documents", "check"],
    "rollback-journal": ["documents", "check"],
    "hard-link": ["documents"],
}
quick = False


def commands(case, out):
    if quick:
        names = QUICK_COMMANDS.get(case, EVERY)
    else:
        reaches = REACHES.get(case, "all")
        names = list(COMMANDS) if reaches == "all" else EVERY + reaches
    return [[w.replace("OUT", out) for w in COMMANDS[n]] for n in names]


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def beside(path):
    return sorted(os.path.basename(path) + s for s in ("-wal", "-shm", "-journal", ".lock")
                  if os.path.lexists(path + s))


def sweep(cli, case, path, out):
    """What went wrong running the commands of @case on @path, and the time taken."""
    problems = []
    before = digest(path)
    start = time.monotonic()
    for words in commands(case, out):
        argv = [cli, words[0], path] + words[1:]
        shown = " ".join(words)
        began = time.monotonic()
        try:
            run = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True,
                                 timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            problems.append(f"{shown}: still running after {TIMEOUT} s")
            continue
        err = run.stderr.decode("utf-8", "replace")
        if run.returncode < 0:
            problems.append(f"{shown}: killed by signal {-run.returncode}: {err[-300:]}")
        elif SAID.search(err):
            problems.append(f"{shown}: said {SAID.search(err).group(0)}: {err[:300]}")
        elif run.returncode != 0 and not (err.strip() or run.stdout.strip()):
            # (check and briefing --check print the problems they find)
            problems.append(f"{shown}: exit {run.returncode} without a message")
        if VERBOSE:
            said = (err.strip() or run.stdout.decode("utf-8", "replace").strip())
            print(f"# {os.path.basename(path)}: {shown}: exit {run.returncode} in "
                  f"{time.monotonic() - began:.2f} s: {said.splitlines()[0][:150] if said else ''}",
                  flush=True)
        if digest(path) != before:
            problems.append(f"{shown}: changed the file")
            before = digest(path)
        if beside(path):
            problems.append(f"{shown}: left {', '.join(beside(path))} beside it")
    return problems, time.monotonic() - start


def main():
    global quick, TIMEOUT
    args = sys.argv[1:]
    big = None
    if args[:1] == ["--quick"]:
        # A command hanging is then told apart from the test's own time
        # running out (60 s, twice that under ASan).
        quick = True
        TIMEOUT = 20
        args = args[1:]
    elif args[:1] == ["--big"] and len(args) > 1:
        big = int(args[1])
        args = args[2:]
    if len(args) < 2:
        sys.exit(__doc__)
    cli, sample = args[0], args[1]
    # (No __pycache__ left in the source tree by the import.)
    sys.dont_write_bytecode = True
    spec = importlib.util.spec_from_file_location("make_hostile",
                                                  os.path.join(HERE, "make-hostile.py"))
    make_hostile = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_hostile)
    if quick:
        big = make_hostile.QUICK_BIG
    if big is not None:
        make_hostile.set_big(big)
    cases = args[2:] or list(make_hostile.QUICK if quick else make_hostile.CASES)

    print(f"1..{len(cases)}", flush=True)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="dossier-sweep-") as tmp:
        for n, case in enumerate(cases, 1):
            folder = os.path.join(tmp, case)
            out = os.path.join(tmp, case + "-out")
            os.makedirs(folder)
            os.makedirs(out)
            made = time.monotonic()
            make_hostile.make(sample, folder, case)
            made = time.monotonic() - made
            problems = []
            took = 0.0
            # Each of its names (a hard link has two).
            for name in sorted(os.listdir(folder)):
                found, spent = sweep(cli, case, os.path.join(folder, name), out)
                problems += [f"{name}: {p}" for p in found]
                took += spent
            print(f"{'not ok' if problems else 'ok'} {n} - {case} "
                  f"(made in {made:.1f} s, swept in {took:.1f} s)")
            for p in problems:
                print("# " + p.replace("\n", "\n# "))
            sys.stdout.flush()
            failed += bool(problems)
            shutil.rmtree(folder)
            shutil.rmtree(out)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
