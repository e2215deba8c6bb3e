"""``amscout stats``: what the collection holds, by source, board, month and role.

``collection_stats`` answers with plain data (JSON-able, for ``--json``); ``format_stats``
turns it into aligned text tables. Queries are read-only aggregates over the Posting record's
fields (``store.py`` owns the schema and every write). Duplicates (``duplicate_of``) are
counted, never hidden: "unique" columns leave them out.
"""
from __future__ import annotations

import json
from collections import Counter

import store
from crawler.roles import TITLE_FAMILIES, OTHER_FAMILY, title_family

TOP_BOARDS = 20
LAST_RUNS = 10


def collection_stats(db_path=None, top_boards: int = TOP_BOARDS, last_runs: int = LAST_RUNS) -> dict:
    """Totals, postings by source / board (top N) / month / role family, and the last runs."""
    db = store.open_db(db_path, create=False)
    try:
        return {
            "database": str(store.resolve_db_path(db_path)),
            "totals": _totals(db),
            "by_source": _rows(db, """
                select source, count(*) as postings, sum(duplicate_of is null) as unique_postings,
                       count(duplicate_of) as duplicates, count(distinct board) as boards,
                       min(first_seen) as first_seen, max(last_seen) as last_seen
                from postings group by source order by postings desc, source"""),
            "by_board": _rows(db, """
                select source, board, max(company) as company, count(*) as postings,
                       sum(duplicate_of is null) as unique_postings
                from postings group by source, board order by postings desc, source, board
                limit ?""", [top_boards]),
            "boards_total": db.execute("select count(*) from (select 1 from postings group by source, board)").fetchone()[0],
            "by_month": _rows(db, """
                select substr(coalesce(date_posted, first_seen), 1, 7) as month, count(*) as postings,
                       sum(duplicate_of is null) as unique_postings
                from postings group by month order by month"""),
            "by_role": _by_role(db),
            "runs": _runs(db, last_runs),
        }
    finally:
        db.conn.close()


def _rows(db, sql: str, params=()) -> list[dict]:
    cursor = db.execute(sql, list(params))
    cols = [d[0] for d in cursor.description]
    return [dict(zip(cols, r)) for r in cursor.fetchall()]


def _totals(db) -> dict:
    row = _rows(db, """
        select count(*) as postings, count(duplicate_of) as duplicates,
               count(distinct source) as sources, min(first_seen) as first_seen,
               max(last_seen) as last_seen from postings""")[0]
    row["unique_postings"] = row["postings"] - row["duplicates"]
    row["extracted"] = db.execute("select count(*) from extractions").fetchone()[0]
    row["crawl_runs"] = db.execute("select count(*) from crawl_runs").fetchone()[0]
    return row


def _by_role(db) -> list[dict]:
    """Titles grouped in SQL first (few distinct titles), then mapped to families here."""
    postings, unique = Counter(), Counter()
    for title, n, n_unique in db.execute(
            "select title, count(*), sum(duplicate_of is null) from postings group by title"):
        family = title_family(title)
        postings[family] += n
        unique[family] += n_unique or 0
    order = [name for name, _ in TITLE_FAMILIES] + [OTHER_FAMILY]
    return [{"role": name, "postings": postings[name], "unique_postings": unique[name]}
            for name in order if postings[name]]


def _runs(db, last: int) -> list[dict]:
    runs = _rows(db, """
        select id, source, boards, started, finished, status, new, updated, unchanged, duplicates,
               dropped, errors from crawl_runs order by id desc limit ?""", [last])
    for run in runs:
        try:
            run["boards"] = json.loads(run["boards"] or "[]")
        except ValueError:
            run["boards"] = [run["boards"]]
    return runs


# --------------------------------------------------------------------------- text

def format_stats(data: dict) -> str:
    """The stats as readable text: a summary line, then one aligned table per breakdown."""
    t = data["totals"]
    lines = [
        f"Database: {data['database']}",
        f"Postings: {t['postings']:,} ({t['unique_postings']:,} unique, {t['duplicates']:,} marked duplicates) "
        f"from {t['sources']} source(s) and {data['boards_total']} board(s); {t['extracted']:,} extracted.",
    ]
    if t["first_seen"]:
        lines.append(f"Seen from {t['first_seen'][:10]} to {t['last_seen'][:10]}; {t['crawl_runs']} crawl run(s).")
    if not t["postings"]:
        lines.append("No postings yet: run `amscout crawl SOURCE` or `amscout import FILE`.")
    sections = [
        ("By source", ["source", "postings", "unique", "duplicates", "boards", "last seen"],
         [[r["source"], r["postings"], r["unique_postings"], r["duplicates"], r["boards"], (r["last_seen"] or "")[:10]]
          for r in data["by_source"]]),
        (f"By board (top {len(data['by_board'])} of {data['boards_total']})",
         ["source", "board", "company", "postings", "unique"],
         [[r["source"], r["board"], r["company"] or "", r["postings"], r["unique_postings"]] for r in data["by_board"]]),
        ("By month (date posted, else first seen)", ["month", "postings", "unique"],
         [[r["month"] or "unknown", r["postings"], r["unique_postings"]] for r in data["by_month"]]),
        ("By role (title family)", ["role", "postings", "unique"],
         [[r["role"], r["postings"], r["unique_postings"]] for r in data["by_role"]]),
        ("Last crawl runs", ["run", "source", "started", "status", "new", "updated", "dups", "dropped", "errors"],
         [[r["id"], r["source"], (r["started"] or "")[:16].replace("T", " "), r["status"] or "", r["new"] or 0,
           r["updated"] or 0, r["duplicates"] or 0, r["dropped"] or 0, r["errors"] or 0] for r in data["runs"]]),
    ]
    for title, header, rows in sections:
        if rows:
            lines += ["", title, *table(header, rows)]
    return "\n".join(lines)


def table(header: list[str], rows: list[list]) -> list[str]:
    """Columns padded to their widest cell; numbers right-aligned with thousands separators."""
    cells = [[f"{v:,}" if isinstance(v, int) else str(v) for v in row] for row in rows]
    numeric = [all(isinstance(row[i], int) for row in rows) for i in range(len(header))]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(header)]

    def line(values):
        return "  ".join((v.rjust(w) if num else v.ljust(w)) for v, w, num in zip(values, widths, numeric)).rstrip()

    return ["  " + line(header), "  " + line(["-" * w for w in widths]), *("  " + line(c) for c in cells)]
