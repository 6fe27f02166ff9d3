#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""make-hostile.py — hostile Dossier projects, for the sweep (not shipped).

Usage: make-hostile.py [--big BYTES | --quick] SAMPLE.dossier OUTDIR [CASE…]
       make-hostile.py [--big BYTES | --quick] --in-place PROJECT CASE…   (while it is open elsewhere)
       make-hostile.py [--quick] --list

Copies SAMPLE (a real project: data/samples builds one) once per case
into OUTDIR/CASE.dossier and changes it through SQLite directly, as a
file from someone else may be: invalid UTF-8 and NULs in text columns,
offsets out of range, tag cycles, dangling references, duplicate
uuids, enormous counts and sizes, a sender's view and writing trigger,
a damaged search index (its data, or every shadow table); notes citing
what is gone, questions, arguments and stakeholders out of range or of
10 MB, the documents a note compares, a version from the future, a file
in rollback mode, a file of two names; a table replaced by a view of its
name, or by a virtual table (and one of a module no SQLite has); another
project's hot journal or write-ahead log renamed beside the file; pages
of 64 KiB, or of 512 bytes with auto-vacuum; text stored as UTF-16. Each
case leaves the file checkpointed, with nothing beside it (but the
journal or log it puts there), in WAL mode unless it says otherwise.
sweep.py opens each with dossier-cli and checks that nothing crashed,
hung or changed the file, and that each gave what a user must get.
--in-place changes a project another program (the window) has open.
--big: the size of the huge values (10 MB unless given; counts scale with it).
--quick: a case of each kind at 1 MB (QUICK below), what meson's suites run.
"""

import os
import shutil
import sqlite3
import sys

BAD = "CAST (x'61ff00fe62c3' AS TEXT)"      # 'a', invalid bytes, a NUL, 'b', a cut sequence

# The size of the cases' huge values, and how many of a thing they make
# many of (tags, citations, aliases): --big scales both (the sweep in
# meson's suites makes them at 1 MB, ten times smaller than by hand).
TEN_MB = 10 * 1024 * 1024
BIG = TEN_MB
MANY = 100000


def set_big(size):
    global BIG, MANY
    BIG = size
    MANY = max(100, 100000 * size // TEN_MB)


def text_columns(db):
    cols = []
    for (table,) in db.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
            "AND name NOT LIKE '%fts%' ORDER BY name"):
        for row in db.execute(f'PRAGMA table_info ("{table}")'):
            if row[2].upper() == 'TEXT':
                cols.append((table, row[1]))
    return cols


def bad_utf8(db):
    for table, col in text_columns(db):
        db.execute(f'UPDATE OR IGNORE "{table}" SET "{col}" = {BAD} || "{col}" || {BAD}')


def nul_only(db):
    for table, col in text_columns(db):
        db.execute(f'UPDATE OR IGNORE "{table}" SET "{col}" = CAST (x\'00\' AS TEXT) || "{col}"')


def offsets(db):
    db.execute("UPDATE highlights SET start = -5, end = 3 WHERE id % 5 = 0")
    db.execute("UPDATE highlights SET start = 9223372036854775000, end = 9223372036854775807 "
               "WHERE id % 5 = 1")
    db.execute("UPDATE highlights SET start = end + 10 WHERE id % 5 = 2")
    db.execute("UPDATE highlights SET start = 0, end = 2147483648 WHERE id % 5 = 3")
    db.execute("UPDATE blocks SET start = -100 WHERE id % 3 = 0")
    db.execute("UPDATE blocks SET end = 9223372036854775807 WHERE id % 3 = 1")
    db.execute("UPDATE blocks SET start = end + 5 WHERE id % 3 = 2")
    db.execute("UPDATE documents SET length = -1 WHERE id = 1")
    db.execute("UPDATE documents SET length = 9223372036854775807 WHERE id = 2")


def overlaps(db):
    db.execute("UPDATE highlights SET start = 0, end = (SELECT length FROM documents d "
               "WHERE d.id = highlights.document) WHERE id % 2 = 0")
    db.execute("UPDATE highlights SET start = (SELECT length FROM documents d "
               "WHERE d.id = highlights.document) + 1, end = (SELECT length FROM documents d "
               "WHERE d.id = highlights.document) + 50 WHERE id % 3 = 0")


def tag_cycles(db):
    db.execute("UPDATE tags SET parent = id WHERE id = 1")
    db.execute("UPDATE tags SET parent = 3 WHERE id = 2")
    db.execute("UPDATE tags SET parent = 2 WHERE id = 3")
    db.execute("UPDATE tags SET parent = 999999 WHERE id = 4")


def dangling(db):
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("UPDATE highlights SET document = 777 WHERE id % 4 = 0")
    db.execute("UPDATE OR IGNORE argument_evidence SET highlight = 888888")
    db.execute("UPDATE OR IGNORE stakeholder_evidence SET highlight = 888888")
    db.execute("UPDATE OR IGNORE highlight_tags SET tag = 999 WHERE highlight % 3 = 0")
    db.execute("UPDATE OR IGNORE briefing_documents SET document = 555")
    db.execute("UPDATE arguments SET question = 4444, stakeholder = 4545")
    db.execute("UPDATE OR IGNORE stakeholder_mentions SET document = 666")
    db.execute("UPDATE briefings SET body = body || char(10) || "
               "'[@00000000-0000-0000-0000-000000000000] [@' || (SELECT uuid FROM documents "
               "LIMIT 1) || '] [@' || (SELECT uuid FROM tags LIMIT 1) || ']'")
    db.execute("DELETE FROM documents WHERE id = 3")


def duplicate_uuids(db):
    uuid = db.execute("SELECT uuid FROM documents WHERE id = 1").fetchone()[0]
    for table in ("tags", "highlights", "stakeholders", "questions", "arguments", "briefings"):
        db.execute(f"UPDATE OR IGNORE {table} SET uuid = ? WHERE id = "
                   f"(SELECT min (id) FROM {table})", (uuid,))
    db.execute("UPDATE project SET uuid = ?", (uuid,))


def many_tags(db):
    db.execute("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
               "INSERT INTO tags (uuid, name, parent, color, description) "
               "SELECT lower (hex (randomblob (16))), 'Tag ' || i, "
               "CASE WHEN i % 10 = 0 THEN NULL ELSE (SELECT max (id) FROM tags) END, "
               "'#123456', '' FROM n", (MANY,))


def huge_title(db):
    big = "T" * BIG
    db.execute("UPDATE project SET title = ?", (big,))
    db.execute("UPDATE documents SET title = ?, author = ?, outlet = ? WHERE id = 1",
               (big, big[:BIG // 10], "O " * (BIG // 20)))
    db.execute("UPDATE tags SET name = ? WHERE id = 1", (big,))
    db.execute("UPDATE stakeholders SET name = ? WHERE id = 1", (big,))
    db.execute("UPDATE briefings SET title = ?", (big,))


def deep_nesting(db):
    body = ">" * 100000 + " deep\n\n" + "[" * 50000 + "x" + "]" * 50000 + "\n\n" + \
        "".join("  " * i + "- item\n" for i in range(2000)) + "*" * 100000 + "\n"
    db.execute("UPDATE briefings SET body = ?", (body,))
    db.execute("UPDATE highlights SET memo = ? WHERE id = 1", (body,))
    db.execute("UPDATE questions SET text = ? WHERE id = 1", ("(" * 100000,))


def foreign_objects(db):
    db.execute("CREATE TABLE pwned (at TEXT)")
    db.execute("CREATE VIEW tag_names AS SELECT name FROM tags")
    db.execute("CREATE TRIGGER sender_unindexed AFTER DELETE ON documents_unindexed BEGIN "
               "UPDATE project SET title = 'pwned'; INSERT INTO pwned VALUES ('unindexed'); END")
    db.execute("CREATE TRIGGER sender_highlight AFTER UPDATE ON highlights BEGIN "
               "DELETE FROM documents; END")
    db.execute("CREATE TRIGGER sender_mentions AFTER INSERT ON stakeholder_mentions BEGIN "
               "INSERT INTO pwned VALUES ('mentions'); END")
    db.execute("DELETE FROM stakeholder_mentions")
    db.execute("INSERT INTO documents_unindexed (document) SELECT id FROM documents")


def fts_corrupt(db):
    db.execute("UPDATE documents_fts_data SET block = randomblob (length (block)) WHERE id > 10")
    db.execute("UPDATE memos_fts_data SET block = x'00ff00ff' WHERE id > 1")


def fts_config(db):
    db.execute("UPDATE documents_fts_config SET v = 99999 WHERE k = 'version'")


def text_replaced(db):
    # The text under the highlights changed: every offset now falls elsewhere.
    db.execute("UPDATE documents SET text = substr (text, 50) || text, "
               "length = length (substr (text, 50) || text), hash = 'x'")


def cited_uuids(db, n):
    return [r[0] for r in db.execute("SELECT uuid FROM highlights ORDER BY id LIMIT ?", (n,))]


def briefing_citations(db):
    # Notes citing highlights that are gone (deleted after being cited),
    # uuids nobody has, citations inside citations and cut short, and one
    # note of 10 MB holding 100,000 citations.
    cited = cited_uuids(db, 12)
    gone = cited[:6]
    db.execute("DELETE FROM highlights WHERE uuid IN (%s)" % ",".join("?" * len(gone)), gone)
    odd = "[@" + cited[-1] + "[@" + cited[-2] + "]] [@] [@@" + cited[-1] + "] [@" + cited[-3]
    body = "# Cited\n\n" + " ".join("[@%s]" % u for u in cited) + "\n\n" + odd + "\n\n"
    many = "".join("Claim %d [@%s].\n" % (i, cited[i % len(cited)]) for i in range(MANY))
    db.execute("UPDATE briefings SET body = ?", (body + many + "x" * (BIG - len(many)),))
    db.execute("WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9) "
               "INSERT INTO briefings (uuid, title, body, created, modified) "
               "SELECT lower (hex (randomblob (16))), 'Gone ' || i, "
               "'[@00000000-0000-0000-0000-00000000000' || i || ']', 'yesterday', '' FROM n")


def briefing_text(db):
    # 10 MB of odd text: one word of 5 MB, bidirectional overrides, joiners,
    # a BOM, controls, lone combining marks, unterminated emphasis and
    # links, and a title of many lines.
    odd = ("\u202e\u2066reversed\u2069 \u200d\u200c\ufeff \u0301\u0301 \x01\x1b[31m "
           "**bold _em `code [link](javascript:alert(1)) <script>x</script> &amp; | a | b |\n")
    body = "w" * (BIG // 2) + "\n" + odd * ((BIG // 2) // len(odd))
    db.execute("UPDATE briefings SET body = ?, title = ?, created = ?, modified = ?",
               (body, "Line\n" * 10000, "9999-99-99T99:99:99Z", "-1"))


def arguments(db):
    # Evidence at highlights that are not there, arguments of a question
    # that is not there, values out of range, and texts of 10 MB.
    big = "Because " * (BIG // 8)
    db.execute("UPDATE OR IGNORE argument_evidence SET highlight = highlight + 888888, "
               "note = ? WHERE rowid % 2 = 0", (big,))
    db.execute("INSERT OR IGNORE INTO argument_evidence (argument, highlight, note) "
               "VALUES (999999, 1, 'no argument')")
    db.execute("UPDATE arguments SET question = 4444 WHERE id % 3 = 0")
    db.execute("UPDATE arguments SET polarity = 'maybe' WHERE id % 3 = 1")
    db.execute("UPDATE arguments SET strength = 99 WHERE id % 4 = 0")
    db.execute("UPDATE arguments SET strength = -3 WHERE id % 4 = 1")
    db.execute("UPDATE arguments SET position = 9223372036854775807 WHERE id % 2 = 0")
    db.execute("UPDATE arguments SET stakeholder = 4545 WHERE id % 5 = 0")
    db.execute("UPDATE arguments SET statement = ? WHERE id = (SELECT min (id) FROM arguments)",
               (big,))
    db.execute("UPDATE questions SET text = ? WHERE id = (SELECT min (id) FROM questions)",
               ("Why " * (BIG // 4),))
    db.execute("UPDATE questions SET position = -9223372036854775808")


def stakeholders(db):
    # Kinds that are none of ours, ratings and stances out of range,
    # evidence at highlights that are not there and of roles that are not,
    # colours that are not, mention counts that lie, a 10 MB name.
    db.execute("UPDATE stakeholders SET kind = 'spaceship' WHERE id % 4 = 0")
    db.execute("UPDATE stakeholders SET kind = '' WHERE id % 4 = 1")
    db.execute("UPDATE stakeholders SET kind = 42 WHERE id % 4 = 2")
    db.execute("UPDATE stakeholders SET kind = x'ff00' WHERE id % 4 = 3")
    db.execute("UPDATE stakeholders SET power = 0, interest = 99, stance_position = 7 "
               "WHERE id % 2 = 0")
    db.execute("UPDATE stakeholders SET power = -9223372036854775808, interest = -1, "
               "stance_position = -9 WHERE id % 2 = 1")
    db.execute("UPDATE stakeholders SET color = 'not a colour' WHERE id % 3 = 0")
    db.execute("UPDATE stakeholders SET color = '#' || hex (zeroblob (5000)) WHERE id % 3 = 1")
    db.execute("UPDATE OR IGNORE stakeholder_evidence SET highlight = highlight + 888888 "
               "WHERE rowid % 2 = 0")
    db.execute("UPDATE stakeholder_evidence SET role = 'boss', stance_position = 12 "
               "WHERE rowid % 2 = 1")
    db.execute("INSERT OR IGNORE INTO stakeholder_evidence (stakeholder, highlight, note) "
               "VALUES (999999, 1, 'no stakeholder')")
    db.execute("UPDATE stakeholder_mentions SET count = -5 WHERE stakeholder % 2 = 0")
    db.execute("UPDATE stakeholder_mentions SET count = 9223372036854775807 "
               "WHERE stakeholder % 2 = 1")
    db.execute("UPDATE stakeholders SET name = ? WHERE id = (SELECT min (id) FROM stakeholders)",
               ("Council " * (BIG // 8),))


def stakeholder_aliases(db):
    # A stakeholder with 100,000 aliases, one with an alias of 10 MB (no
    # space in it), one whose aliases are blank lines, and one whose
    # alias is every other one's name.
    many = "\n".join("Alias %d" % i for i in range(MANY))
    db.execute("UPDATE stakeholders SET aliases = ? WHERE id = (SELECT min (id) FROM stakeholders)",
               (many,))
    db.execute("UPDATE stakeholders SET aliases = ? WHERE id = (SELECT min (id) + 1 FROM stakeholders)",
               ("a" * BIG,))
    db.execute("UPDATE stakeholders SET aliases = ? WHERE id = (SELECT min (id) + 2 FROM stakeholders)",
               ("\n" * MANY,))
    db.execute("UPDATE stakeholders SET aliases = (SELECT group_concat (name, char (10)) "
               "FROM stakeholders) WHERE id = (SELECT max (id) FROM stakeholders)")


def compare_settings(db):
    # The documents a note compares: ones that are not there, positions at
    # the ends of the range, and thousands of them.
    db.execute("UPDATE briefing_documents SET position = 9223372036854775807 WHERE document % 2 = 0")
    db.execute("UPDATE briefing_documents SET position = -9223372036854775808 WHERE document % 2 = 1")
    db.execute("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
               "INSERT OR IGNORE INTO briefing_documents (briefing, document, position) "
               "SELECT (SELECT min (id) FROM briefings), 1000 + i, -i FROM n")
    db.execute("INSERT OR IGNORE INTO briefing_documents (briefing, document, position) "
               "VALUES (999999, 1, 0)")
    db.execute("INSERT INTO dismissed_suggestions (kind, document, key) VALUES "
               "('stakeholder', NULL, ?), ('argument', 777, 'gone'), ('bogus', NULL, 'x')",
               ("k" * BIG,))


def future_version(db):
    db.execute("PRAGMA user_version = 99")


def fts_shadow(db):
    # Every shadow table of the text index at once: its list of segments
    # (the structure record), its terms, its documents' sizes; and the memo
    # index's sizes.
    db.execute("UPDATE documents_fts_data SET block = x'ffffffffffffffffffff' WHERE id = 10")
    db.execute("UPDATE documents_fts_idx SET pgno = pgno + 1000, term = x'ff' || term")
    db.execute("UPDATE documents_fts_docsize SET sz = x'ffffffffff'")
    db.execute("UPDATE memos_fts_docsize SET sz = x''")


def table_view(db):
    # The codebook a view of the sender's making: the same columns, every
    # name taken from the documents' text.
    db.execute("DROP TABLE tags")
    db.execute("CREATE VIEW tags AS SELECT id, uuid, substr (text, 1, 40) AS name, NULL AS parent, "
               "'#000000' AS color, '' AS description, 0 AS position, NULL AS shortcut "
               "FROM documents")


def virtual_table(db):
    # The stakeholders a virtual table (SQLite's own full-text module), and
    # a table of a module no SQLite has, written into the schema by hand.
    db.execute("DROP TABLE stakeholders")
    db.execute("CREATE VIRTUAL TABLE stakeholders USING fts5 (name, aliases, kind, description)")
    db.execute("INSERT INTO stakeholders (name) VALUES ('Council')")
    db.execute("PRAGMA writable_schema = ON")
    db.execute("INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES "
               "('table', 'briefing_drafts', 'briefing_drafts', 0, "
               "'CREATE VIRTUAL TABLE briefing_drafts USING sender_module (body)')")
    db.execute("PRAGMA writable_schema = OFF")


def unchanged(db):
    pass


def rollback_after(path):
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()


def other_project(path, suffix):
    """Another project beside @path (the same sample, its titles and uuids
    its own, checkpointed), open in rollback (@suffix "-journal") or WAL
    mode with a change under way: its journal or log is copied to
    PATH@suffix as it stands, then the other project is thrown away."""
    other = path[:-len(".dossier")] + "-other.dossier"
    shutil.copyfile(path, other)
    db = sqlite3.connect(other, isolation_level=None)
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("UPDATE project SET uuid = lower (hex (randomblob (16))), title = 'Other'")
    db.execute("UPDATE documents SET title = 'Other ' || id, uuid = lower (hex (randomblob (16)))")
    db.execute("PRAGMA wal_checkpoint (TRUNCATE)")
    if suffix == "-journal":
        db.execute("PRAGMA journal_mode = DELETE")
        # Pages written to the file before the commit: the journal is hot.
        db.execute("PRAGMA cache_size = 1")
    else:
        db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute("BEGIN")
    db.execute("UPDATE documents SET text = 'Replaced by another project.', length = 28, "
               "title = 'Replaced'")
    db.execute("DELETE FROM highlights")
    if suffix == "-journal":
        shutil.copyfile(other + suffix, path + suffix)
        db.execute("ROLLBACK")
    else:
        db.execute("COMMIT")
        shutil.copyfile(other + suffix, path + suffix)
    db.close()
    for part in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(other + part):
            os.unlink(other + part)


def foreign_journal_after(path):
    other_project(path, "-journal")


def foreign_wal_after(path):
    other_project(path, "-wal")


def rebuilt_with(path, pragmas):
    """@path made again in a new database that @pragmas set up first (its
    page size, auto-vacuum, text encoding: a dump can change them all, and
    SQLite attaches no file of another encoding), in WAL mode: its tables
    and rows copied, the search indexes' entries written into the schema
    as the sqlite3 shell's .dump does, indexes, views and triggers last."""
    src = sqlite3.connect(path, isolation_level=None)
    objects = src.execute("SELECT type, name, sql FROM sqlite_schema "
                          "WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    new = path + ".new"
    db = sqlite3.connect(new, isolation_level=None)
    for pragma in pragmas:
        db.execute(pragma)
    db.execute("BEGIN")
    for kind, name, sql in objects:
        if kind == "table" and sql.startswith("CREATE VIRTUAL TABLE"):
            db.execute("PRAGMA writable_schema = ON")
            db.execute("INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) "
                       "VALUES ('table', ?, ?, 0, ?)", (name, name, sql))
            db.execute("PRAGMA writable_schema = OFF")
        elif kind == "table":
            if name != "sqlite_sequence":
                db.execute(sql)
            rows = src.execute(f'SELECT * FROM "{name}"').fetchall()
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                db.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)
    for kind, name, sql in objects:
        if kind != "table":
            db.execute(sql)
    for pragma in ("application_id", "user_version"):
        db.execute(f"PRAGMA {pragma} = {src.execute(f'PRAGMA {pragma}').fetchone()[0]}")
    db.execute("COMMIT")
    db.execute("PRAGMA journal_mode = WAL")
    db.close()
    src.close()
    os.replace(new, path)


def page_size_after(path):
    rebuilt_with(path, ["PRAGMA page_size = 65536"])


def auto_vacuum_after(path):
    rebuilt_with(path, ["PRAGMA page_size = 512", "PRAGMA auto_vacuum = FULL"])


def utf16_after(path):
    rebuilt_with(path, ["PRAGMA encoding = 'UTF-16le'"])


def hard_link_after(path):
    # The same file under a second name (both are swept).
    other = path[:-len(".dossier")] + "-other-name.dossier"
    if os.path.exists(other):
        os.unlink(other)
    os.link(path, other)


CASES = {
    "bad-utf8": bad_utf8,
    "nul": nul_only,
    "offsets": offsets,
    "overlaps": overlaps,
    "tag-cycles": tag_cycles,
    "dangling": dangling,
    "duplicate-uuids": duplicate_uuids,
    "many-tags": many_tags,
    "huge-title": huge_title,
    "deep-nesting": deep_nesting,
    "foreign-objects": foreign_objects,
    "fts-corrupt": fts_corrupt,
    "fts-config": fts_config,
    "text-replaced": text_replaced,
    "briefing-citations": briefing_citations,
    "briefing-text": briefing_text,
    "arguments": arguments,
    "stakeholders": stakeholders,
    "stakeholder-aliases": stakeholder_aliases,
    "compare-settings": compare_settings,
    "future-version": future_version,
    "rollback-journal": unchanged,
    "hard-link": unchanged,
    "fts-shadow": fts_shadow,
    "table-view": table_view,
    "virtual-table": virtual_table,
    "foreign-journal": unchanged,
    "foreign-wal": unchanged,
    "page-size": unchanged,
    "auto-vacuum": unchanged,
    "utf16": unchanged,
}

# A case of each kind of hostility, its huge values of 1 MB (--quick):
# what meson's suites run, through dossier-cli (sweep.py --quick,
# test-hostile-sweep) and in the window (tests/ui/test-hostile.c).
QUICK = ["bad-utf8", "offsets", "dangling", "stakeholders", "huge-title", "tag-cycles",
         "fts-corrupt", "future-version", "foreign-objects", "rollback-journal", "hard-link",
         "fts-shadow", "table-view", "virtual-table", "foreign-journal", "foreign-wal",
         "page-size", "auto-vacuum", "utf16"]
QUICK_BIG = 1024 * 1024

# What is done to the file once it is closed.
AFTER = {
    "rollback-journal": rollback_after,
    "hard-link": hard_link_after,
    "foreign-journal": foreign_journal_after,
    "foreign-wal": foreign_wal_after,
    "page-size": page_size_after,
    "auto-vacuum": auto_vacuum_after,
    "utf16": utf16_after,
}


def make(sample, outdir, name):
    path = os.path.join(outdir, name + ".dossier")
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    shutil.copyfile(sample, path)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA ignore_check_constraints = ON")
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("PRAGMA trusted_schema = ON")
    db.execute("BEGIN")
    CASES[name](db)
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint (TRUNCATE)")
    db.close()
    if name in AFTER:
        AFTER[name](path)
    return path


def change_in_place(path, name):
    """CASE done to the project at @path while another program (the window)
    has it open: no copy, no checkpoint, nothing done after."""
    db = sqlite3.connect(path, isolation_level=None, timeout=30)
    db.execute("PRAGMA ignore_check_constraints = ON")
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("PRAGMA trusted_schema = ON")
    db.execute("BEGIN IMMEDIATE")
    CASES[name](db)
    db.execute("COMMIT")
    db.close()


def main():
    cases = list(CASES)
    if sys.argv[1:2] == ["--quick"]:
        set_big(QUICK_BIG)
        cases = QUICK
        del sys.argv[1]
    elif sys.argv[1:2] == ["--big"] and len(sys.argv) > 2:
        set_big(int(sys.argv[2]))
        del sys.argv[1:3]
    if sys.argv[1:] == ["--list"]:
        print("\n".join(cases))
        return
    if len(sys.argv) >= 4 and sys.argv[1] == "--in-place":
        for name in sys.argv[3:]:
            change_in_place(sys.argv[2], name)
        return
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sample, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    for name in sys.argv[3:] or cases:
        print(make(sample, outdir, name))


if __name__ == "__main__":
    main()
