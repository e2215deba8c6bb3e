"""``amscout stats``: what the collection holds, by source, board, month and role.

``collection_stats`` answers with plain data (JSON-able, for ``--json``); ``format_stats``
turns it into aligned text tables. The counts come from ``store.collection_counts`` (store.py
owns the schema); this module maps titles to role families and lays out tables. Duplicates (``duplicate_of``) are
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
        counts = store.collection_counts(db, top_boards, last_runs)
    finally:
        db.conn.close()
    titles = counts.pop("by_title")
    for run in counts["runs"]:
        try:
            run["boards"] = json.loads(run["boards"] or "[]")
        except ValueError:
            run["boards"] = [run["boards"]]
    return {"database": str(store.resolve_db_path(db_path)), **counts, "by_role": _by_role(titles)}


def _by_role(titles: list[dict]) -> list[dict]:
    """Postings per title (few distinct titles) mapped to the role families of crawler.roles."""
    postings, unique = Counter(), Counter()
    for row in titles:
        family = title_family(row["title"])
        postings[family] += row["postings"]
        unique[family] += row["unique_postings"] or 0
    order = [name for name, _ in TITLE_FAMILIES] + [OTHER_FAMILY]
    return [{"role": name, "postings": postings[name], "unique_postings": unique[name]}
            for name in order if postings[name]]


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
