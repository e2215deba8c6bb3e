"""From postings to extraction records: the prediction record of ../shared/eval/README.md.

- ``doc_to_record(doc, posting_id)``: the record from a processed Doc (plus ``pipeline_version``).
- ``extract_records(postings)``: records for an iterable of {id, title, text}, in order, with
  ``nlp.pipe`` batches; with ``processes > 1`` worker processes each build the pipeline once and
  send back plain records (shipping Docs between processes costs more than it saves).
- ``requirement_rows(record)``: the record exploded to rows for ``store.save_extractions``.
- ``extract_file`` (file mode, JSON Lines in and out) and ``extract_database`` (incremental: only
  postings without an extraction for the current pipeline version).
"""
from __future__ import annotations

import gc
import json
import multiprocessing
import sqlite3
import sys
from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from errors import AmscoutError
from json_lines import read_json_lines

# Longer texts are cut here: no posting is this long, and it bounds the time any input can take.
MAX_TEXT_CHARS = 300_000
BATCH_SIZE = 64

_NLP = {}


def get_nlp(model: str | None = None):
    """One pipeline per process and model (building it costs more than extracting a posting)."""
    if model not in _NLP:
        from analysis.pipeline import build_nlp
        nlp = build_nlp(model)
        nlp.max_length = MAX_TEXT_CHARS + 1
        _NLP[model] = nlp
        # The pipeline (taxonomy, matchers: some 100,000 objects) lives as long as the process: out
        # of the collector's sight, each full collection no longer walks it again (about 2% of an
        # extraction's time went there).
        gc.freeze()
    return _NLP[model]


def current_version() -> str:
    from analysis.pipeline import pipeline_version
    return pipeline_version()


# --------------------------------------------------------------------------- Doc -> record

def _span(start: int, end: int) -> dict:
    return {"start": int(start), "end": int(end)}


def doc_to_record(doc, posting_id: str, version: str | None = None) -> dict:
    """The prediction record (README.md of the eval set) for one processed Doc."""
    from analysis.components.sections import section_index

    ext = doc._  # each ``doc._`` builds an accessor: once per record
    index = section_index(doc)
    text, section = index.text, index.section
    degree = ext.degree or {}
    exp = ext.experience or {}
    salary = ext.salary
    skills = []
    for s in _ext(ext, "skills"):
        skills.append({"start": s["start"], "end": s["end"], "text": s.get("text", text[s["start"]:s["end"]]),
                       "canonical": s.get("canonical"), "required": s.get("required"),
                       "id": s.get("id"), "esco": s.get("esco"), "onet": s.get("onet"),
                       "section": section(s["start"])})
    certs = []
    for c in _ext(ext, "certifications"):
        certs.append({"name": c.get("name"), "text": c.get("text", text[c["start"]:c["end"]]),
                      "start": c["start"], "end": c["end"], "required": c.get("required"),
                      "id": c.get("id"), "section": section(c["start"])})
    return {
        "id": posting_id,
        "role_family": ext.role_family or "other",
        "seniority": ext.seniority or "mid",
        "degree_required": degree.get("required"),
        "degree_preferred": degree.get("preferred"),
        "degree_or_equivalent": bool(degree.get("or_equivalent")),
        "degree_fields": list(degree.get("fields") or []),
        "degree_field_cips": dict(degree.get("field_cips") or {}),
        "experience_min_years": exp.get("min_years"),
        "experience_max_years": exp.get("max_years"),
        "experience_preferred_years": exp.get("preferred_years"),
        "certifications": certs,
        "salary": dict(salary) if salary else None,
        "work_mode": (ext.work_mode or {}).get("mode", "unspecified"),
        "skills": skills,
        "degree_evidence": [_span(e["start"], e["end"]) for e in degree.get("evidence") or []],
        "experience_evidence": [_span(e["start"], e["end"]) for e in exp.get("evidence") or []],
        "pipeline_version": version or current_version(),
    }


def _ext(ext, name: str) -> list[dict]:
    """The list a Doc extension holds (``ext`` is ``doc._``); empty when it is not registered."""
    return list(getattr(ext, name, None) or [])


# --------------------------------------------------------------------------- postings -> records

def _clean_posting(posting, where: str) -> tuple[str, str, str]:
    if not isinstance(posting, dict):
        raise AmscoutError(f"{where} is not an object with id, title, text")
    pid = posting.get("id")
    if pid is None or (isinstance(pid, str) and not pid.strip()):
        raise AmscoutError(f"{where} has no id")
    title = posting.get("title") or ""
    text = posting.get("text")
    if text is None:
        text = posting.get("description_text") or ""
    if not isinstance(title, str) or not isinstance(text, str):
        raise AmscoutError(f"{where}: title and text must be strings")
    # Lone surrogates (from broken escapes) cannot be written back out as UTF-8.
    text = text[:MAX_TEXT_CHARS].encode("utf-8", "replace").decode("utf-8").replace("\x00", " ")
    title = title[:500].encode("utf-8", "replace").decode("utf-8")
    return str(pid), title, text


def _records_for_batch(batch: list[tuple[str, str, str]], model: str | None, version: str) -> list[dict]:
    nlp = get_nlp(model)
    docs = []
    for pid, title, text in batch:
        doc = nlp.make_doc(text)
        doc._.title = title
        doc._.text_cache = text  # the tokenizer keeps the text exactly; saves rebuilding it
        docs.append(doc)
    return [doc_to_record(doc, pid, version) for doc, (pid, _, _) in zip(nlp.pipe(docs, batch_size=len(docs) or 1), batch)]


def _worker_init(model):
    get_nlp(model)


def _worker_batch(args):
    batch, model, version = args
    return _records_for_batch(batch, model, version)


def _batches(postings: Iterable[dict], size: int) -> Iterator[list[tuple[str, str, str]]]:
    it = iter(postings)
    n = 0
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield [_clean_posting(p, f"posting {n + i + 1}") for i, p in enumerate(chunk)]
        n += len(chunk)


def extract_records(postings: Iterable[dict], processes: int = 1, model: str | None = None,
                    batch_size: int = BATCH_SIZE) -> Iterator[dict]:
    """Records for postings ({id, title, text}), in input order."""
    # Importing the pipeline registers the title extension before any Doc is made.
    get_nlp(model)
    version = current_version()
    if processes <= 1:
        for batch in _batches(postings, batch_size):
            yield from _records_for_batch(batch, model, version)
        return
    # Postings are read here, in the calling thread (a database cursor must stay in its thread),
    # and a few batches are kept in flight so that every worker stays busy.
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(processes, initializer=_worker_init, initargs=(model,)) as pool:
        pending: deque = deque()
        for batch in _batches(postings, batch_size):
            pending.append(pool.apply_async(_worker_batch, ((batch, model, version),)))
            if len(pending) > 2 * processes:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


# --------------------------------------------------------------------------- record -> rows

def _req_flag(value) -> int | None:
    return None if value is None else int(bool(value))


def requirement_rows(record: dict) -> list[dict]:
    """One row per skill, certification, degree, degree field, experience and salary item."""
    pid = record["id"]
    rows = []

    def add(kind, canonical, label, required, start=None, end=None, section=None):
        rows.append({"posting_id": pid, "kind": kind, "canonical": canonical, "label": label,
                     "required": _req_flag(required), "start": start, "end": end, "section": section})

    for s in record.get("skills") or []:
        add("skill", s.get("canonical") or s.get("text"), s.get("text"), s.get("required"),
            s.get("start"), s.get("end"), s.get("section"))
    for c in record.get("certifications") or []:
        add("certification", c.get("name"), c.get("text"), c.get("required"), c.get("start"), c.get("end"),
            c.get("section"))
    ev = (record.get("degree_evidence") or [{}])[0]
    if record.get("degree_required"):
        add("degree", record["degree_required"], "required", True, ev.get("start"), ev.get("end"))
    if record.get("degree_preferred"):
        add("degree", record["degree_preferred"], "preferred", False, ev.get("start"), ev.get("end"))
    cips = record.get("degree_field_cips") or {}
    for f in record.get("degree_fields") or []:
        label = f"{f} (CIP {cips[f]})" if cips.get(f) else f
        add("degree_field", f, label, bool(record.get("degree_required")) or None, ev.get("start"), ev.get("end"))
    ev = (record.get("experience_evidence") or [{}])[0]
    if record.get("experience_min_years") is not None:
        add("experience", "min_years", str(record["experience_min_years"]), True, ev.get("start"), ev.get("end"))
    if record.get("experience_preferred_years") is not None:
        add("experience", "preferred_years", str(record["experience_preferred_years"]), False)
    sal = record.get("salary")
    if sal:
        add("salary", sal.get("kind"), sal.get("text"), None, sal.get("start"), sal.get("end"))
    return rows


def flat_row(record: dict) -> dict:
    """The ``extractions`` table row: flat columns reports filter on, plus the record as JSON."""
    from store import now_iso

    sal = record.get("salary") or {}
    return {
        "posting_id": record["id"], "pipeline_version": record["pipeline_version"],
        "role_family": record["role_family"], "seniority": record["seniority"],
        "degree_required": record["degree_required"], "degree_preferred": record["degree_preferred"],
        "degree_or_equivalent": int(bool(record["degree_or_equivalent"])),
        "experience_min_years": record["experience_min_years"],
        "experience_max_years": record["experience_max_years"],
        "experience_preferred_years": record["experience_preferred_years"],
        "work_mode": record["work_mode"], "salary_min": sal.get("min"), "salary_max": sal.get("max"),
        "salary_currency": sal.get("currency"), "salary_period": sal.get("period"), "salary_kind": sal.get("kind"),
        "salary_annual_min": sal.get("annual_min"), "salary_annual_max": sal.get("annual_max"),
        "record": json.dumps(record, ensure_ascii=False), "extracted_at": now_iso(),
    }


# --------------------------------------------------------------------------- file mode

def extract_file(input_path: str, output_path: str, processes: int = 1, model: str | None = None) -> int:
    """File mode: postings JSON Lines in, prediction records JSON Lines out ('-' = stdio)."""
    postings = (record for _, record in read_json_lines(input_path))
    n = 0
    try:
        out = sys.stdout if output_path == "-" else open(output_path, "w", encoding="utf-8")
    except OSError as exc:
        raise AmscoutError(f"cannot write {output_path}: {exc.strerror or exc}") from None
    try:
        for record in extract_records(postings, processes=processes, model=model):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    finally:
        if out is not sys.stdout:
            out.close()
    return n


# --------------------------------------------------------------------------- database mode

def extract_database(db_path=None, reprocess: bool = False, processes: int = 1, model: str | None = None,
                     save_every: int = 200) -> dict:
    """Extract every posting without a record for this pipeline version; returns counts."""
    import click

    import store

    version = current_version() if model is None else f"{current_version()}-{model}"
    writer = store.open_db(db_path, create=False)
    reader = store.open_db(db_path, create=False)  # WAL: reading while the writer commits
    total = writer["postings"].count
    todo = store.count_postings_to_extract(writer, version, reprocess)
    records, rows, done = [], [], 0
    postings = store.postings_to_extract(reader, version, reprocess)
    with click.progressbar(length=todo, label="Extracting", file=sys.stderr,
                           show_pos=True, show_eta=True) as bar:
        try:
            for record in extract_records(postings, processes=processes, model=model):
                record["pipeline_version"] = version
                records.append(flat_row(record))
                rows.extend(requirement_rows(record))
                if len(records) >= save_every:
                    store.save_extractions(writer, records, rows)
                    bar.update(len(records))
                    done += len(records)
                    records, rows = [], []
            if records:
                store.save_extractions(writer, records, rows)
                bar.update(len(records))
                done += len(records)
        except sqlite3.Error as exc:  # locked by another writer, disk full...: each batch commits on its own
            raise store.StoreError(f"cannot write to database {store.resolve_db_path(db_path)}: {exc} "
                                   f"({done} extractions saved before it; run `amscout extract` again)") from None
    return {"extracted": done, "skipped": total - done, "pipeline_version": version}
