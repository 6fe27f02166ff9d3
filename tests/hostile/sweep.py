#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sweep.py — every hostile project (make-hostile.py) through dossier-cli.

Usage: sweep.py [--big BYTES | --quick] DOSSIER_CLI SAMPLE.dossier [CASE…]

Makes each hostile case from SAMPLE in a folder of its own and runs each
command of dossier-cli that reads a project on it. Each must succeed, or
fail with a message on stderr; none may die of a signal, outlive its
timeout, print a GLib warning or a sanitizer's report, or print bytes
that are not UTF-8; one that fails writes nothing; the file must stay
byte for byte as it was, with nothing left beside it; and each must give
what EXPECT says a user gets (its exit status, and the message or the
lines that show each guard held: a guard broken turns the sweep red even
where the command survives it). Prints
TAP: one line per case, what went wrong under it; exits 1 if anything did.
--big: the size of the cases' huge values (make-hostile.py --big).
--quick: a case of each kind at 1 MB (make-hostile.py's QUICK), through
the commands that read what it changed (QUICK_COMMANDS below): what
meson's unit suite runs, in plain and ASan builds (test-hostile-sweep). The whole sweep takes minutes of CPU
and is run by hand (tests/README.md).
"""

import hashlib
import importlib.util
import json
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
    # What writes, run after the rest (WRITES): a file either refused
    # (left as it was) or taken; once written, checked again.
    "tag-add": ["tag-add", "Received"],
    "reindex": ["reindex"],
    "check again": ["check"],
}

# The commands above that may change the file when they succeed, and
# those run only where WRITES says.
WRITING = {"tag-add", "reindex"}
WRITES_ALL = WRITING | {"check again"}

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
    "fts-shadow": ["export json"],
    "table-view": ["tags", "compare"],
    "virtual-table": ["stakeholders", "mentions"],
}

# Run last on a case, in the sweep and the quick sweep alike: what writes.
WRITES = {
    "fts-shadow": ["reindex", "check again"],
    "table-view": ["tag-add"],
    "virtual-table": ["tag-add"],
    "foreign-journal": ["tag-add"],
    "foreign-wal": ["tag-add"],
    "page-size": ["tag-add", "check again"],
    "auto-vacuum": ["tag-add", "check again"],
    "utf16": ["tag-add"],
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
    "fts-shadow": ["export json", "check"],
    "table-view": ["documents", "check"],
    "virtual-table": ["documents", "check"],
    "foreign-journal": ["documents", "check"],
    "foreign-wal": ["documents", "check"],
    "page-size": ["documents", "text 1", "check"],
    "auto-vacuum": ["documents", "text 1", "check"],
    "utf16": ["documents"],
}
quick = False


class Expect:
    """What a user gets from a command on a case: its exit status; each of
    @says (regular expressions, NAME standing for the file's name) found
    in what it prints, a refusal's whole sentence or the lines that show a
    guard held; none of @never; and, if given, @written (a function of the
    file the command wrote, saying what is wrong with it or None)."""

    def __init__(self, status, says=(), never=(), written=None):
        self.status = status
        self.says = says
        self.never = never
        self.written = written


def stakeholders_in_range(path):
    """Ratings of a file's stakeholders exported within 1–5, whatever it stores."""
    with open(path, encoding="utf-8") as f:
        people = json.load(f)["stakeholders"]
    wrong = [(p["power"], p["interest"]) for p in people
             if not (1 <= p["power"] <= 5 and 1 <= p["interest"] <= 5)]
    if not people:
        return "no stakeholders exported"
    return f"ratings out of 1–5 exported: {wrong[:3]}" if wrong else None


def exported(path):
    """A JSON export that reads back, with the project's documents."""
    with open(path, encoding="utf-8") as f:
        return None if json.load(f)["documents"] else "no documents exported"


DAMAGED_TEXT = (r"Document 1 of “NAME” is damaged \(its text is not valid UTF-8\): it cannot be "
                r"used as it is\. “dossier-cli check” lists what is wrong; open a backup copy\.")

# What each case must give, command by command: every command the quick
# sweep runs has one (a guard broken that the commands still survive —
# a check that no longer finds, a refusal that no longer names what it
# found, a value no longer cut or clamped — turns the sweep red); the
# whole sweep holds those of its commands that have one.
EXPECT = {
    "bad-utf8": {
        # Invalid bytes are shown as U+FFFD, never printed on.
        "documents": Expect(0, says=[r"(?m)^1\ta\ufffd"]),
        "text 1": Expect(1, says=["dossier-cli: text: " + DAMAGED_TEXT]),
        "stakeholders": Expect(0, says=[r"(?m)^1\ta\ufffd"]),
        "export json": Expect(1, says=[
            r"dossier-cli: export: Document 1 of “NAME” is damaged \(its text is not valid "
            r"UTF-8, or not as long as recorded\), so it cannot be exported\."]),
        "check": Expect(1, says=[r"(?m)^Document 1: its text is not valid UTF-8\.$",
                                 r"(?m)^Row \d+ of “argument_evidence”: its note is not valid "
                                 r"text \(UTF-8\)\.$"]),
    },
    "offsets": {
        "text 2": Expect(1, says=[
            r"dossier-cli: text: Document 2 of “NAME” is damaged \(its text has 6430 characters, "
            r"not the 9223372036854775807 recorded\): it cannot be used as it is\."]),
        "compare": Expect(0, says=[r"(?m)^\[3\] Port Calder Approves", r"(?m)^The plan +\d"]),
        "check": Expect(1, says=[
            r"(?m)^Document 1: its length is recorded as -1 but its text has 7510 characters\.$",
            r"(?m)^Document 2: its length is recorded as 9223372036854775807 but its text has "
            r"6430 characters\.$",
            r"(?m)^Block \d+ of document 3 lies outside its text\.$",
            r"(?m)^Highlight \d+ \(“[^”]*”\) lies outside the text of “"]),
    },
    "dangling": {
        "briefing --check": Expect(1, says=[
            r"(?m)^\[\d+\] cited after “[^”]*” in “[^”]*”: the cited highlight is no longer in "
            r"this project"]),
        "export markdown": Expect(0),
        "check": Expect(1, says=[r"(?m)^highlights \d+ documents 0$",
                                 r"(?m)^argument_evidence \d+ highlights 0$"]),
    },
    "stakeholders": {
        # A name of 1 MB is cut where it is shown.
        "stakeholders": Expect(0, never=[r"(Council ){200}"]),
        "mentions": Expect(0, says=[r"(?m)^1\t\d+\t\d+\t"]),
        "export json": Expect(0, written=stakeholders_in_range),
    },
    "huge-title": {
        "documents": Expect(0, says=[r"(?m)^1\tT+"], never=[r"T{1001}"]),
        "tags": Expect(0, never=[r"T{1001}"]),
        "compare": Expect(0, says=[r"(?m)^\[1\] T+"], never=[r"T{1001}"]),
    },
    "tag-cycles": {
        "tags": Expect(0, says=[r"(?m)^Politics\t"]),
        "compare": Expect(0, says=[r"(?m)^\[1\] Port Calder votes"]),
    },
    "fts-corrupt": {
        # The index is not what an export reads.
        "export json": Expect(0, written=exported),
        "check": Expect(1, says=[
            r"(?m)^The search index cannot be read \(the search index of “NAME” is damaged: "
            r"database disk image is malformed\)\.$",
            r"(?m)^To rebuild the search index: dossier-cli reindex "]),
    },
    "future-version": {
        "documents": Expect(1, says=[r"dossier-cli: documents: “NAME” was saved by a newer "
                                     r"version of Dossier; update Dossier to open it\."]),
    },
    "foreign-objects": {
        "documents": Expect(1, says=[
            r"dossier-cli: documents: “NAME” was not opened: it holds database code or tables that "
            r"Dossier does not create \(table “pwned”; trigger “sender_highlight” on "
            r"“highlights”; trigger “sender_mentions” on “stakeholder_mentions”; and 2 more\)"]),
        "check": Expect(1, says=[
            r"(?m)^The table “pwned” was not created by Dossier\.$",
            r"(?m)^The view “tag_names” was not created by Dossier\.$",
            r"(?m)^The trigger “sender_highlight” on “highlights” was not created by Dossier",
            r"(?m)^The trigger “sender_mentions” on “stakeholder_mentions” was not created",
            r"(?m)^The trigger “sender_unindexed” on “documents_unindexed” was not created"]),
    },
    "rollback-journal": {
        "documents": Expect(0, says=[r"(?m)^3\tPort Calder Approves"]),
        "check": Expect(0, says=[r"^ok\n$"]),
    },
    "hard-link": {
        "documents": Expect(0, says=[r"(?m)^3\tPort Calder Approves"]),
    },
    # Every shadow table of the search index damaged: read as it is, said
    # by the check, made whole by reindex.
    "fts-shadow": {
        "export json": Expect(0, written=exported),
        "check": Expect(1, says=[
            r"(?m)^The search index cannot be read \(the search index of “NAME” is damaged: "
            r"database disk image is malformed\)\.$"]),
        "reindex": Expect(0, says=[r"dossier-cli: reindex: The search index of “NAME” was "
                                   r"damaged, and was rebuilt\."]),
        "check again": Expect(0, says=[r"^ok\n$"]),
    },
    # A table replaced by a view of its name: the view named first.
    "table-view": {
        "documents": Expect(1, says=[
            r"dossier-cli: documents: “NAME” was not opened: it holds database code or tables "
            r"that Dossier does not create \(view “tags”; “[a-z_0-9]+” \(missing\)"]),
        "check": Expect(1, says=[r"(?m)^The view “tags” was not created by Dossier\.$",
                                 r"(?m)^“tags” is missing\.$"]),
        "tag-add": Expect(1, says=[r"dossier-cli: tag-add: “NAME” was not opened: it holds "
                                   r"database code or tables that Dossier does not create "
                                   r"\(view “tags”"]),
    },
    # A table replaced by a virtual table, and one of a module SQLite has not.
    "virtual-table": {
        "documents": Expect(1, says=[
            r"dossier-cli: documents: “NAME” was not opened: it holds database code or tables "
            r"that Dossier does not create \(table “briefing_drafts”; “stakeholders” "
            r"\(altered\); table “stakeholders_config”; and \d+ more\)"]),
        "check": Expect(1, says=[r"(?m)^The table “briefing_drafts” was not created by Dossier\.$",
                                 r"(?m)^“stakeholders” is not as Dossier created it\.$"]),
        "tag-add": Expect(1, says=[r"dossier-cli: tag-add: “NAME” was not opened: it holds "
                                   r"database code or tables"]),
    },
    # Another project's hot journal, or its log, renamed beside this one:
    # refused, and neither is played into the file.
    "foreign-journal": {
        command: Expect(1, says=[
            f"dossier-cli: {command}: “NAME” was not opened: beside it lies “NAME-journal”, a "
            r"rollback journal that Dossier never writes \(another program left it, perhaps "
            r"for another file\), and opening the project would apply it to the project\. "
            r"Move “NAME-journal” out of the folder, then open the project again\."])
        for command in ("documents", "check", "tag-add")
    },
    "foreign-wal": {
        command: Expect(1, says=[
            f"dossier-cli: {command}: “NAME” was not opened: beside it lies “NAME-wal”, a log of "
            r"changes made to another file \(another project, or another copy of this one\), "
            r"and opening the project would write them into it\. Move “NAME-wal” out of the "
            r"folder, then open the project again\."])
        for command in ("documents", "check", "tag-add")
    },
    # Pages of 64 KiB, or of 512 bytes with auto-vacuum: a project like any.
    **{case: {
        "documents": Expect(0, says=[r"(?m)^3\tPort Calder Approves"]),
        "text 1": Expect(0, says=[r"^Port Calder votes to close Harbour Bridge to cars\n"]),
        "check": Expect(0, says=[r"^ok\n$"]),
        "tag-add": Expect(0, says=[r"^\d+\n$"]),
        "check again": Expect(0, says=[r"^ok\n$"]),
    } for case in ("page-size", "auto-vacuum")},
    # Text stored as UTF-16: offsets would count other characters.
    "utf16": {
        command: Expect(1, says=[f"dossier-cli: {command}: “NAME” is not a Dossier project "
                                 r"\(its text is not stored as UTF-8\)\."])
        for command in ("documents", "tag-add")
    },
}


def commands(case):
    """The names of the commands run on @case: what reads, then what writes."""
    if quick:
        names = QUICK_COMMANDS.get(case, EVERY)
    elif REACHES.get(case, "all") == "all":
        names = [n for n in COMMANDS if n not in WRITES_ALL]
    else:
        names = EVERY + REACHES[case]
    return names + WRITES.get(case, [])


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def folder_state(path):
    """What is in the folder of @path: each name and its bytes' digest."""
    folder = os.path.dirname(path)
    return {n: digest(os.path.join(folder, n)) for n in sorted(os.listdir(folder))}


def folder_change(before, after):
    """What a command did to the folder, in words, or None."""
    said = [f"left {n} beside it" for n in after if n not in before]
    said += [f"removed {n}" for n in before if n not in after]
    said += [f"changed {n}" for n in before if n in after and before[n] != after[n]]
    return "; ".join(said) or None


def judge(expect, name, status, out, err, written):
    """What differs from @expect in a command's outcome on the file @name."""
    problems = []
    said = out + err
    if status != expect.status:
        first = (err.strip() or out.strip()).split("\n")[0][:200]
        problems.append(f"exit {status}, not {expect.status}: {first}")
    for pattern in expect.says:
        if not re.search(pattern.replace("NAME", re.escape(name)), said):
            problems.append(f"did not say /{pattern}/: {said[:300]!r}")
    for pattern in expect.never:
        found = re.search(pattern, said)
        if found:
            problems.append(f"said /{pattern}/: …{said[max(0, found.start() - 50):found.start() + 50]!r}")
    if status == 0 and expect.written is not None:
        try:
            wrong = expect.written(written)
        except (OSError, ValueError, KeyError, TypeError) as e:
            wrong = f"{type(e).__name__}: {e}"
        if wrong:
            problems.append(f"wrote {os.path.basename(written)}: {wrong}")
    return problems


def sweep(cli, case, path, out):
    """What went wrong running the commands of @case on @path, and the time taken."""
    problems = []
    before = folder_state(path)
    start = time.monotonic()
    for command in commands(case):
        words = [w.replace("OUT", out) for w in COMMANDS[command]]
        written = next((w for w in words if w.startswith(out + os.sep)), None)
        argv = [cli, words[0], path] + words[1:]
        shown = " ".join(words)
        expect = EXPECT.get(case, {}).get(command)
        if quick and expect is None:
            problems.append(f"{shown}: no outcome written for it in EXPECT")
        if written is not None and os.path.lexists(written):
            os.unlink(written)
        began = time.monotonic()
        try:
            run = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True,
                                 timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            problems.append(f"{shown}: still running after {TIMEOUT} s")
            continue
        err = run.stderr.decode("utf-8", "replace")
        out_text = run.stdout.decode("utf-8", "replace")
        if run.returncode < 0:
            problems.append(f"{shown}: killed by signal {-run.returncode}: {err[-300:]}")
        elif SAID.search(err):
            problems.append(f"{shown}: said {SAID.search(err).group(0)}: {err[:300]}")
        elif run.returncode != 0 and not (err.strip() or out_text.strip()):
            # (check and briefing --check print the problems they find)
            problems.append(f"{shown}: exit {run.returncode} without a message")
        elif expect is not None:
            problems += [f"{shown}: {p}" for p in judge(expect, os.path.basename(path),
                                                       run.returncode, out_text, err, written)]
        # What a user reads is text, whatever bytes the file holds.
        for stream, data in (("standard output", run.stdout), ("standard error", run.stderr)):
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as e:
                problems.append(f"{shown}: printed bytes that are not UTF-8 on {stream}: "
                                f"{data[max(0, e.start - 20):e.start + 20]!r}")
        # A command that fails writes nothing.
        if run.returncode != 0 and written is not None and os.path.lexists(written):
            problems.append(f"{shown}: failed, and left {os.path.basename(written)}")
        if VERBOSE:
            said = (err.strip() or out_text.strip())
            print(f"# {os.path.basename(path)}: {shown}: exit {run.returncode} in "
                  f"{time.monotonic() - began:.2f} s: {said.splitlines()[0][:150] if said else ''}",
                  flush=True)
        after = folder_state(path)
        if command in WRITING and run.returncode == 0:
            # Written, and nothing left beside it.
            name = os.path.basename(path)
            change = folder_change({n: d for n, d in before.items() if n != name},
                                   {n: d for n, d in after.items() if n != name})
        else:
            change = folder_change(before, after)
        if change:
            problems.append(f"{shown}: {change}")
        before = after
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
            # Each of its names (a hard link has two); not the journal or
            # log a case puts beside one.
            for name in sorted(n for n in os.listdir(folder) if n.endswith(".dossier")):
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
