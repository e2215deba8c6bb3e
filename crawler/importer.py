"""``amscout import FILE``: postings from a JobSpy CSV export or a JSON Lines file.

Both become Posting records (DESIGN.md) and go through the same role filter and store as a
crawl does, so imported postings are counted, deduplicated across sources and recorded in
``crawl_runs`` (source ``import``) like crawled ones.

- **JobSpy CSV** (``python-jobspy``'s ``DataFrame.to_csv``): columns ``site, job_url, title,
  company, location, date_posted, interval, min_amount, max_amount, currency, is_remote,
  description, job_type, id, ...``. The description is Markdown (or HTML); it is rendered to
  HTML with markdown-it and read back as text, so both description fields are filled. Ids are
  ``jobspy-<site>:<company slug>:<JobSpy id>`` (a hash of the job URL when there is no id), so
  re-importing a file, or an overlapping export, updates rows instead of adding them.
- **JSON Lines**: one Posting record per line; ``title``, ``company`` and ``description_text``
  or ``description_html`` are required, every other Posting field is taken when present. A
  record without ``id`` gets ``<source>:<board or company slug>:<hash of url, or of title,
  company, location and text>``; a record with an ``id`` of the ``source:board:external_id``
  shape and no ``source`` or ``board`` takes them from the id.

The whole file is read and checked before anything is written: a malformed file is one error
line (with the line number for JSON Lines) and the database is untouched. Rows that lack a
required field are skipped and counted, not fatal. Writes go in batches, one transaction each.
"""
from __future__ import annotations

import contextlib
import hashlib
import re
import sqlite3
import sys
import warnings
from pathlib import Path
from types import SimpleNamespace

import click

import store
from crawler import normalize
from crawler.roles import is_account_management
from errors import AmscoutError
from json_lines import read_json_lines

BATCH_SIZE = 500
PROGRESS_MIN_ROWS = 1000  # smaller files import in a blink; no bar
ESCAPE_SNIFF_BYTES = 16 << 20
JOBSPY_REQUIRED_COLUMNS = ("title", "company", "description")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
_POSTING_FIELDS = [c for c in store.POSTING_COLUMNS
                   if c not in ("content_hash", "first_seen", "last_seen", "crawl_run", "duplicate_of", "dedup_key")]
_NUMBER_FIELDS = ("salary_min", "salary_max")


class ImportFileError(AmscoutError):
    """The file cannot be imported as it is (missing, empty, malformed, wrong columns)."""


def import_file(path, db_path=None, source: str | None = None, all_roles: bool = False,
                batch_size: int = BATCH_SIZE) -> dict:
    """Import ``path`` into the database; return ``{read, new, updated, unchanged, duplicates,
    dropped, skipped}`` (plus ``format`` and the first ``skipped_reasons``)."""
    path = Path(path)
    fmt = detect_format(path)
    read, postings, skipped = (read_jobspy_csv(path, source) if fmt == "jobspy-csv"
                               else read_jsonl(path, source))
    kept = [p for p in postings if all_roles or is_account_management(p.get("title"))]
    summary = {"format": fmt, "read": read, "new": 0, "updated": 0, "unchanged": 0, "duplicates": 0,
               "dropped": len(postings) - len(kept), "skipped": len(skipped), "skipped_reasons": skipped[:20]}
    write(kept, summary, db_path, {"file": str(path), "format": fmt, "source": source, "all_roles": all_roles},
          batch_size)
    return summary


def detect_format(path: Path) -> str:
    """``jsonl`` or ``jobspy-csv``, from the suffix, else from the first character."""
    if not path.exists():
        raise ImportFileError(f"file not found: {path}")
    if not path.is_file():
        raise ImportFileError(f"not a file: {path}")
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not head.strip():
        raise ImportFileError(f"{path} is empty")
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return "jobspy-csv"
    return "jsonl" if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") else "jobspy-csv"


# --------------------------------------------------------------------------- reading

def read_jobspy_csv(path: Path, source: str | None) -> tuple[int, list[dict], list[str]]:
    """(rows read, postings, reasons for skipped rows) from a JobSpy CSV export."""
    import pandas as pd

    try:
        with warnings.catch_warnings():  # rows longer than the header: malformed, not a warning
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", index_col=False,
                                sep="\t" if path.suffix.lower() == ".tsv" else ",", escapechar=_escapechar(path))
    except pd.errors.EmptyDataError:
        raise ImportFileError(f"{path} is empty") from None
    except (pd.errors.ParserError, pd.errors.ParserWarning, UnicodeDecodeError, ValueError) as exc:
        raise ImportFileError(f"{path} is not a readable CSV file: {_first_line(exc)}") from None
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    missing = [c for c in JOBSPY_REQUIRED_COLUMNS if c not in frame.columns]
    if missing:
        raise ImportFileError(f"{path} is not a JobSpy export: missing column(s) {', '.join(missing)} "
                              f"(found: {', '.join(frame.columns[:12])})")
    postings, skipped = [], []
    for number, row in enumerate(frame.to_dict("records"), start=1):
        row = {k: v.strip() if isinstance(v, str) else v for k, v in row.items()}
        lacking = [c for c in JOBSPY_REQUIRED_COLUMNS if not row.get(c)]
        if lacking:
            skipped.append(f"CSV record {number}: no {', '.join(lacking)}")
            continue
        postings.append(jobspy_posting(row, source))
    return len(frame), postings, skipped


def _escapechar(path: Path) -> str | None:
    r"""JobSpy's README exports with ``escapechar="\\"``, which doubles every backslash of the
    Markdown (``sell\\-out`` in the file for ``sell\-out``); a plain ``to_csv`` does not.
    Doubled backslashes in the file tell the two apart."""
    with open(path, "rb") as fh:
        return "\\" if b"\\\\" in fh.read(ESCAPE_SNIFF_BYTES) else None


def jobspy_posting(row: dict, source: str | None) -> dict:
    """One JobSpy row as a Posting record."""
    site = slug(row.get("site")) or "jobspy"
    prefix = f"jobspy-{site}" if site != "jobspy" else "jobspy"
    board = slug(row["company"]) or "unknown"
    url = row.get("job_url") or row.get("job_url_direct") or None
    external_id = row.get("id") or stable_hash(url or "|".join(
        [row["title"], row["company"], row.get("location", ""), row["description"]]))
    html_text = markdown_to_html(row["description"])
    posting = {
        "id": f"{prefix}:{board}:{external_id}", "source": source or prefix, "board": board,
        "external_id": external_id, "url": url, "title": row["title"], "company": row["company"],
        "location": row.get("location") or None,
        "country": normalize.country_from_location(row.get("location")),
        "work_mode": "remote" if str(row.get("is_remote", "")).lower() in ("true", "1", "yes") else None,
        "employment_type": row.get("job_type") or None,
        "date_posted": normalize.to_iso_date(row.get("date_posted")),
        "description_html": html_text,
        "description_text": normalize.html_to_text(html_text) or row["description"],
        "raw": {k: v for k, v in row.items() if v not in ("", None)},
    }
    posting.update(normalize.structured_salary(row.get("min_amount"), row.get("max_amount"),
                                               row.get("currency"), row.get("interval")))
    return posting


def markdown_to_html(text: str) -> str:
    """JobSpy descriptions are Markdown (``**What you'll do**``, ``* bullets``, ``\\-`` escapes);
    HTML passes through unchanged."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).render(text)


def read_jsonl(path: Path, source: str | None) -> tuple[int, list[dict], list[str]]:
    """(records read, postings, reasons for skipped records) from a JSON Lines file."""
    postings, skipped, read = [], [], 0
    for line_no, record in read_json_lines(path, ImportFileError):
        read += 1
        lacking = [f for f in ("title", "company") if not _text(record.get(f))]
        if not (_text(record.get("description_text")) or _text(record.get("description_html"))):
            lacking.append("description_text or description_html")
        if lacking:
            skipped.append(f"line {line_no}: no {', '.join(lacking)}")
            continue
        postings.append(jsonl_posting(record, source))
    if not read:
        raise ImportFileError(f"{path} holds no JSON records")
    return read, postings, skipped


def jsonl_posting(record: dict, source: str | None) -> dict:
    """One JSON Lines record as a Posting record (unknown fields are ignored)."""
    posting = {f: record[f] for f in _POSTING_FIELDS if record.get(f) not in (None, "")}
    for field in ("title", "company", "location", "description_text", "description_html", "url"):
        if field in posting:
            posting[field] = _text(posting[field])
    given_id = _text(record.get("id"))
    id_parts = given_id.split(":") if given_id and given_id.count(":") >= 2 else [None, None]
    posting["source"] = source or _text(record.get("source")) or id_parts[0] or "import"
    posting["board"] = _text(record.get("board")) or id_parts[1] or slug(posting["company"]) or "unknown"
    if "description_text" not in posting:
        posting["description_text"] = normalize.html_to_text(_text(record["description_html"]))
    for field in ("date_posted", "valid_through"):
        if field in posting:
            posting[field] = normalize.to_iso_date(posting[field])
    for field in _NUMBER_FIELDS:
        if field in posting:
            posting[field] = normalize.to_number(posting[field])
    if given_id:
        posting["id"] = given_id
    else:
        external = posting.get("external_id") or stable_hash(posting.get("url") or "|".join(
            [posting["title"], posting["company"], posting.get("location") or "", posting["description_text"] or ""]))
        posting["external_id"] = str(external)
        posting["id"] = f"{posting['source']}:{posting['board']}:{external}"
    return posting


# --------------------------------------------------------------------------- writing

def write(postings: list[dict], summary: dict, db_path, settings: dict, batch_size: int) -> None:
    """Upsert in batches (one transaction each) inside a ``crawl_runs`` row of source ``import``."""
    db = store.open_db(db_path)
    where = store.resolve_db_path(db_path)
    try:
        try:
            run_id = store.start_run(db, "import", [Path(settings["file"]).name], settings)
        except sqlite3.Error as exc:
            raise store.StoreError(f"cannot write to database {where}: {exc}") from None
        batches = [postings[i:i + batch_size] for i in range(0, len(postings), batch_size)]
        try:
            with _progress(len(postings)) as bar:
                for batch in batches:
                    counts = store.upsert_postings(db, batch, run_id=run_id)
                    for key in ("new", "updated", "unchanged", "duplicates"):
                        summary[key] += counts[key]
                    bar.update(len(batch))
        except sqlite3.Error as exc:
            _finish(db, run_id, summary, [f"store failed: {exc}"], "failed")
            stored = summary["new"] + summary["updated"] + summary["unchanged"]
            raise store.StoreError(f"cannot write to database {where}: {exc} "
                                   f"({stored} of {len(postings)} postings stored)") from None
        _finish(db, run_id, summary, summary["skipped_reasons"], "finished")
    finally:
        db.conn.close()


def _progress(total: int):
    """A bar on stderr for big files; small ones import in a blink and show none."""
    if total >= PROGRESS_MIN_ROWS:
        return click.progressbar(length=total, label="Importing", file=sys.stderr)
    return contextlib.nullcontext(SimpleNamespace(update=lambda n: None))


def _finish(db, run_id: int, summary: dict, messages: list[str], status: str) -> None:
    counts = {**summary, "errors": summary["skipped"]}
    try:
        store.finish_run(db, run_id, counts, messages, status=status)
    except sqlite3.Error:
        pass  # the write that failed already says what is wrong


# --------------------------------------------------------------------------- helpers

def slug(value) -> str:
    """``"Acme, Inc."`` -> ``acme-inc``: a board token for sources that have none."""
    return re.sub(r"[^a-z0-9]+", "-", str(value or "").lower()).strip("-")


def stable_hash(value: str) -> str:
    """A short id that is the same every time the same posting is imported."""
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:16]


def _text(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
