#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""make-hostile.py — hostile Dossier projects, for the sweep (not shipped).

Usage: make-hostile.py SAMPLE.dossier OUTDIR [CASE…]

Copies SAMPLE (a real project: data/samples builds one) once per case
into OUTDIR/CASE.dossier and changes it through SQLite directly, as a
file from someone else may be: invalid UTF-8 and NULs in text columns,
offsets out of range, tag cycles, dangling references, duplicate
uuids, enormous counts and sizes, a sender's view and writing trigger,
a damaged search index. Each case leaves the file in WAL mode and
checkpointed, with nothing beside it. sweep.sh opens each with
dossier-cli and checks that nothing crashed, hung or changed the file.
"""

import os
import shutil
import sqlite3
import sys

BAD = "CAST (x'61ff00fe62c3' AS TEXT)"      # 'a', invalid bytes, a NUL, 'b', a cut sequence


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
    db.execute("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
               "INSERT INTO tags (uuid, name, parent, color, description) "
               "SELECT lower (hex (randomblob (16))), 'Tag ' || i, "
               "CASE WHEN i % 10 = 0 THEN NULL ELSE (SELECT max (id) FROM tags) END, "
               "'#123456', '' FROM n")


def huge_title(db):
    big = "T" * (10 * 1024 * 1024)
    db.execute("UPDATE project SET title = ?", (big,))
    db.execute("UPDATE documents SET title = ?, author = ?, outlet = ? WHERE id = 1",
               (big, big[:1000000], "O " * 500000))
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
}


def make(sample, outdir, name):
    path = os.path.join(outdir, name + ".dossier")
    for suffix in ("", "-wal", "-shm", ".lock"):
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
    return path


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sample, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    for name in sys.argv[3:] or CASES:
        print(make(sample, outdir, name))


if __name__ == "__main__":
    main()
