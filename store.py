"""The one module that knows amscout's SQLite schema.

Everything that reads or writes the database goes through here, so the schema lives in one
place and the same file opens in Datasette. Tables:

- ``postings``: the Posting record of DESIGN.md, one row per ``source:board:external_id``.
  Re-crawling updates ``last_seen`` and keeps ``first_seen``; a changed text updates
  ``content_hash``. Duplicates across sources are marked with ``duplicate_of``, never deleted.
- ``crawl_runs``: one row per crawl (source, boards, started, finished, counts, errors, settings).
- ``extractions``: one row per posting, the extractor's record (JSON) plus flat columns that
  reports filter and group on.
- ``requirements``: the extraction exploded to one row per skill, degree, experience,
  certification or salary item, so that reports are SQL aggregations.
- ``postings_fts``: full-text search on title and description text.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

import sqlite_utils

from crawler import dedup
from errors import AmscoutError

PROJECT_DIR = Path(__file__).resolve().parent
DEFAULT_DB = PROJECT_DIR / "data" / "amscout.db"

POSTING_COLUMNS = {
    "id": str, "source": str, "board": str, "external_id": str, "url": str,
    "title": str, "company": str, "location": str, "country": str, "work_mode": str,
    "department": str, "employment_type": str, "date_posted": str, "valid_through": str,
    "salary_min": float, "salary_max": float, "salary_currency": str, "salary_period": str,
    "description_html": str, "description_text": str, "raw": str, "content_hash": str,
    "first_seen": str, "last_seen": str, "crawl_run": int, "duplicate_of": str,
    "dedup_key": str,
}

# Columns a re-crawl may overwrite; first_seen and duplicate_of are kept.
_UPDATABLE = [c for c in POSTING_COLUMNS if c not in ("id", "first_seen", "duplicate_of")]

EXTRACTION_COLUMNS = {
    "posting_id": str, "pipeline_version": str, "role_family": str, "seniority": str,
    "degree_required": str, "degree_preferred": str, "degree_or_equivalent": int,
    "experience_min_years": float, "experience_max_years": float,
    "experience_preferred_years": float, "work_mode": str, "salary_min": float,
    "salary_max": float, "salary_currency": str, "salary_period": str, "salary_kind": str,
    "salary_annual_min": float, "salary_annual_max": float, "record": str, "extracted_at": str,
}

REQUIREMENT_COLUMNS = {
    "posting_id": str, "kind": str, "canonical": str, "label": str, "required": int,
    "start": int, "end": int, "section": str,
}


# How long a write waits for another process's write to finish before giving up ("locked").
BUSY_TIMEOUT_S = 30.0


class StoreError(AmscoutError):
    """A database problem worth one line to the user (missing, locked, read-only, corrupt)."""


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def resolve_db_path(path: str | os.PathLike | None = None) -> Path:
    """``--db`` wins, then ``AMSCOUT_DB``, then ``data/amscout.db`` beside this module."""
    if path:
        return Path(path)
    env = os.environ.get("AMSCOUT_DB")
    return Path(env) if env else DEFAULT_DB


def open_db(path: str | os.PathLike | None = None, *, create: bool = True) -> sqlite_utils.Database:
    """Open (and if needed create) the database, in WAL mode, with every table in place."""
    db_path = resolve_db_path(path)
    if not create and not db_path.exists():
        raise StoreError(f"database not found: {db_path}")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_S)
        db = sqlite_utils.Database(conn)
        if db.journal_mode != "wal":
            db.enable_wal()
        ensure_schema(db)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot use database {db_path}: {exc}") from None
    except OSError as exc:
        raise StoreError(f"cannot open database {db_path}: {exc.strerror or exc}") from None
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create missing tables, columns, indexes and the FTS index; idempotent."""
    if "postings" not in db.table_names():
        db["postings"].create(POSTING_COLUMNS, pk="id")
    else:
        db["postings"].add_missing_columns([{c: t for c, t in POSTING_COLUMNS.items()}])  # type: ignore[list-item]
    if "crawl_runs" not in db.table_names():
        db["crawl_runs"].create(
            {"id": int, "source": str, "boards": str, "started": str, "finished": str,
             "status": str, "new": int, "updated": int, "unchanged": int, "duplicates": int,
             "dropped": int, "errors": int, "error_messages": str, "settings": str},
            pk="id",
        )
    if "extractions" not in db.table_names():
        db["extractions"].create(EXTRACTION_COLUMNS, pk="posting_id")
    if "requirements" not in db.table_names():
        db["requirements"].create(REQUIREMENT_COLUMNS)
    for table, cols in [
        ("postings", ["source", "board"]), ("postings", ["dedup_key"]),
        ("postings", ["date_posted"]), ("postings", ["duplicate_of"]),
        ("extractions", ["pipeline_version"]), ("requirements", ["posting_id"]),
        ("requirements", ["kind", "canonical"]),
        # covering index: reports fold mentions per posting without touching the table (analysis/stats.py)
        ("requirements", ["posting_id", "kind", "canonical", "required"]),
    ]:
        db[table].create_index(cols, if_not_exists=True)
    if "postings_fts" not in db.table_names():
        db["postings"].enable_fts(["title", "description_text"], create_triggers=True, tokenize="porter")
    _guard_fts_update_trigger(db)


_FTS_UPDATE_TRIGGER = """CREATE TRIGGER [postings_au] AFTER UPDATE ON [postings]
WHEN old.title IS NOT new.title OR old.description_text IS NOT new.description_text BEGIN
  INSERT INTO [postings_fts] ([postings_fts], rowid, [title], [description_text])
    VALUES('delete', old.rowid, old.[title], old.[description_text]);
  INSERT INTO [postings_fts] (rowid, [title], [description_text])
    VALUES (new.rowid, new.[title], new.[description_text]);
END"""


def _guard_fts_update_trigger(db: sqlite_utils.Database) -> None:
    """Re-index a posting's text only when it changed: a re-crawl rewrites every row (last_seen),
    and sqlite-utils' unconditional trigger made that cost ten times the row write."""
    row = db.execute("select sql from sqlite_master where type = 'trigger' and name = 'postings_au'").fetchone()
    if row and "WHEN" not in row[0].upper():
        with db.conn:
            db.conn.execute("drop trigger postings_au")
            db.conn.execute(_FTS_UPDATE_TRIGGER)


# --------------------------------------------------------------------------- postings

def content_hash(title: str | None, text: str | None) -> str:
    """Hash of what a reader sees: title and description text, whitespace folded."""
    joined = " ".join(f"{title or ''}\n{text or ''}".split())
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


def dedup_key(company: str | None, title: str | None, location: str | None) -> str:
    """Blocking key for cross-source duplicates (company and folded title): see crawler/dedup.py."""
    return dedup.dedup_key(company, title, location)


def _row_from_item(item: dict, run_id: int | None, seen: str) -> dict:
    row = {c: item.get(c) for c in POSTING_COLUMNS if c in item}
    if isinstance(row.get("raw"), (dict, list)):
        row["raw"] = json.dumps(row["raw"], ensure_ascii=False, sort_keys=True)
    row["id"] = item["id"]
    row["content_hash"] = content_hash(item.get("title"), item.get("description_text"))
    row["dedup_key"] = dedup_key(item.get("company"), item.get("title"), item.get("location"))
    row["first_seen"] = seen
    row["last_seen"] = seen
    row["crawl_run"] = run_id
    return row


def upsert_postings(db: sqlite_utils.Database, items: Iterable[dict], run_id: int | None = None,
                    seen: str | None = None) -> dict:
    """Insert or update a batch of Posting records in one transaction.

    Returns counts ``{"new", "updated", "unchanged"}``: updated means the content hash changed.
    New rows that crawler/dedup.py finds to be the same job as a stored posting (candidates
    share the ``dedup_key``) get ``duplicate_of`` set to that posting's id.
    """
    seen = seen or now_iso()
    rows = {}
    for item in items:
        rows[item["id"]] = _row_from_item(item, run_id, seen)
    counts = {"new": 0, "updated": 0, "unchanged": 0, "duplicates": 0}
    if not rows:
        return counts
    ids = list(rows)
    existing: dict[str, str] = {}
    for chunk in _chunks(ids, 500):
        marks = ",".join("?" * len(chunk))
        for pid, chash in db.execute(f"select id, content_hash from postings where id in ({marks})", chunk):
            existing[pid] = chash
    cols = list(POSTING_COLUMNS)
    placeholders = ",".join("?" * len(cols))
    updates = ",".join(f"[{c}] = excluded.[{c}]" for c in _UPDATABLE)
    sql = (f"insert into postings ({','.join(f'[{c}]' for c in cols)}) values ({placeholders}) "
           f"on conflict(id) do update set {updates}")
    pending = {pid for pid in rows if pid not in existing}
    with db.conn:
        db.conn.executemany(sql, [[r.get(c) for c in cols] for r in rows.values()])
        for pid, row in rows.items():
            if pid not in existing:
                counts["new"] += 1
                pending.discard(pid)
                if _mark_duplicate(db, pid, row["dedup_key"], row, pending):
                    counts["duplicates"] += 1
            elif existing[pid] != row["content_hash"]:
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
    return counts


# A block bigger than this (one company's many "Account Manager" postings) is searched among
# its most recent postings: copies and re-posts follow their original within weeks.
_MAX_DEDUP_CANDIDATES = 200


def _mark_duplicate(db: sqlite_utils.Database, pid: str, key: str, row: dict | None = None,
                    pending: set | None = None) -> bool:
    """Point a new posting at the stored posting that is the same job, if any.

    Candidates share the indexed dedup key (never a scan of the table); crawler/dedup.py
    confirms by place and text. Only postings that are not duplicates themselves are targets,
    and rows of this batch not yet looked at (``pending``) wait their turn, so no chains form.
    """
    if not key:
        return False
    cursor = db.execute(
        "select id, company, title, location, content_hash from postings where dedup_key = ? and id != ? "
        "and duplicate_of is null order by first_seen desc, id limit ?", [key, pid, _MAX_DEDUP_CANDIDATES])
    fields = ("id", "company", "title", "location", "content_hash")
    candidates = [c for c in (dict(zip(fields, r)) for r in cursor)
                  if not (pending and c["id"] in pending) and dedup.plausible(row or {}, c)]
    if candidates:  # texts only for those that could be the same job
        marks = ",".join("?" * len(candidates))
        texts = dict(db.execute(f"select id, description_text from postings where id in ({marks})",
                                [c["id"] for c in candidates]))
        for cand in candidates:
            cand["description_text"] = texts.get(cand["id"])
    original = dedup.best_match(row or {}, candidates) if candidates else None
    if original:
        db.conn.execute("update postings set duplicate_of = ? where id = ?", [original, pid])
        return True
    return False


def _chunks(seq: list, size: int) -> Iterator[list]:
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


def get_posting(db: sqlite_utils.Database, posting_id: str) -> dict | None:
    rows = list(db["postings"].rows_where("id = ?", [posting_id]))
    return rows[0] if rows else None


# --------------------------------------------------------------------------- inventory

def collection_counts(db: sqlite_utils.Database, top_boards: int, last_runs: int) -> dict:
    """What ``amscout stats`` shows: read-only aggregates of postings, extractions and runs.

    Duplicates (``duplicate_of``) are counted, never hidden: "unique" columns leave them out."""
    totals = _dict_rows(db, """
        select count(*) as postings, count(duplicate_of) as duplicates,
               count(distinct source) as sources, min(first_seen) as first_seen,
               max(last_seen) as last_seen from postings""")[0]
    totals["unique_postings"] = totals["postings"] - totals["duplicates"]
    totals["extracted"] = db.execute("select count(*) from extractions").fetchone()[0]
    totals["crawl_runs"] = db.execute("select count(*) from crawl_runs").fetchone()[0]
    return {
        "totals": totals,
        "by_source": _dict_rows(db, """
            select source, count(*) as postings, sum(duplicate_of is null) as unique_postings,
                   count(duplicate_of) as duplicates, count(distinct board) as boards,
                   min(first_seen) as first_seen, max(last_seen) as last_seen
            from postings group by source order by postings desc, source"""),
        "by_board": _dict_rows(db, """
            select source, board, max(company) as company, count(*) as postings,
                   sum(duplicate_of is null) as unique_postings
            from postings group by source, board order by postings desc, source, board
            limit ?""", [top_boards]),
        "boards_total": db.execute("select count(*) from (select 1 from postings group by source, board)").fetchone()[0],
        "by_month": _dict_rows(db, """
            select substr(coalesce(date_posted, first_seen), 1, 7) as month, count(*) as postings,
                   sum(duplicate_of is null) as unique_postings
            from postings group by month order by month"""),
        "by_title": _dict_rows(db, """
            select title, count(*) as postings, sum(duplicate_of is null) as unique_postings
            from postings group by title"""),
        "runs": _dict_rows(db, """
            select id, source, boards, started, finished, status, new, updated, unchanged, duplicates,
                   dropped, errors from crawl_runs order by id desc limit ?""", [last_runs]),
    }


def _dict_rows(db: sqlite_utils.Database, sql: str, params=()) -> list[dict]:
    cursor = db.execute(sql, list(params))
    cols = [d[0] for d in cursor.description]
    return [dict(zip(cols, r)) for r in cursor.fetchall()]


# --------------------------------------------------------------------------- crawl runs

def start_run(db: sqlite_utils.Database, source: str, boards: list[str], settings: dict) -> int:
    """Record a crawl's start; runs left unfinished by a killed crawl are marked interrupted."""
    with db.conn:
        db.conn.execute("update crawl_runs set status = 'interrupted' where finished is null and status = 'running'")
        table = db["crawl_runs"].insert({
            "source": source, "boards": json.dumps(boards), "started": now_iso(), "status": "running",
            "settings": json.dumps(settings, sort_keys=True, default=str),
        })
    return table.last_pk


def finish_run(db: sqlite_utils.Database, run_id: int, counts: dict, error_messages: list[str],
               status: str = "finished") -> None:
    fields = {k: int(counts.get(k, 0)) for k in ("new", "updated", "unchanged", "duplicates", "dropped", "errors")}
    with db.conn:
        db["crawl_runs"].update(run_id, {
            **fields, "finished": now_iso(), "status": status,
            "error_messages": json.dumps(error_messages[:200]),
        })


# --------------------------------------------------------------------------- extractions

def postings_to_extract(db: sqlite_utils.Database, pipeline_version: str, reprocess: bool = False,
                        batch: int = 1000) -> Iterator[dict]:
    """Postings with no extraction for this pipeline version (all of them with ``reprocess``)."""
    where = "" if reprocess else (
        "where not exists (select 1 from extractions e where e.posting_id = p.id and e.pipeline_version = ?)")
    params = [] if reprocess else [pipeline_version]
    cursor = db.execute(f"select p.id, p.title, p.description_text as text from postings p {where} order by p.id", params)
    cols = [d[0] for d in cursor.description]
    while True:
        rows = cursor.fetchmany(batch)
        if not rows:
            return
        for r in rows:
            yield dict(zip(cols, r))


def count_postings_to_extract(db: sqlite_utils.Database, pipeline_version: str, reprocess: bool = False) -> int:
    if reprocess:
        return db["postings"].count
    return db.execute(
        "select count(*) from postings p where not exists (select 1 from extractions e "
        "where e.posting_id = p.id and e.pipeline_version = ?)", [pipeline_version]).fetchone()[0]


def save_extractions(db: sqlite_utils.Database, records: list[dict], requirement_rows: list[dict]) -> None:
    """Replace the extraction rows and requirement rows of a batch of postings, atomically."""
    if not records:
        return
    ids = [r["posting_id"] for r in records]
    with db.conn:
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            db.conn.execute(f"delete from requirements where posting_id in ({marks})", chunk)
        db["extractions"].upsert_all(records, pk="posting_id", columns=EXTRACTION_COLUMNS)
        if requirement_rows:
            db["requirements"].insert_all(requirement_rows, columns=REQUIREMENT_COLUMNS, batch_size=2000)


def get_extraction(db: sqlite_utils.Database, posting_id: str) -> dict | None:
    rows = list(db["extractions"].rows_where("posting_id = ?", [posting_id]))
    if not rows:
        return None
    row = rows[0]
    return json.loads(row["record"]) if row.get("record") else row
