"""`amscout show ID`: one posting with every extracted value highlighted where it was found.

The extraction record keeps character offsets of its evidence (skills, certifications, degree
and experience statements, salary), so the text can be printed with each value marked in place:
in colour on a terminal, or as ``[[text|kind:value]]`` markers otherwise, followed by a summary.
A posting not extracted yet is extracted on the fly (nothing is stored).
"""
from __future__ import annotations

import json

import click

import store
from errors import AmscoutError

COLOURS = {"skill": "cyan", "certification": "magenta", "degree": "yellow", "experience": "green",
           "salary": "red"}


def _marks(record: dict) -> list[dict]:
    """Evidence spans of a record as {start, end, kind, value}, without overlaps (first wins)."""
    marks = []
    for s in record.get("skills") or []:
        marks.append({"start": s["start"], "end": s["end"], "kind": "skill", "value": s.get("canonical") or s.get("text")})
    for c in record.get("certifications") or []:
        marks.append({"start": c["start"], "end": c["end"], "kind": "certification", "value": c.get("name")})
    degree = "/".join(x for x in (record.get("degree_required"), record.get("degree_preferred") and
                                  f"{record['degree_preferred']} preferred") if x) or "degree"
    for e in record.get("degree_evidence") or []:
        marks.append({"start": e["start"], "end": e["end"], "kind": "degree", "value": degree})
    years = record.get("experience_min_years")
    for e in record.get("experience_evidence") or []:
        marks.append({"start": e["start"], "end": e["end"], "kind": "experience",
                      "value": f"{years}+ years" if years is not None else "years"})
    sal = record.get("salary")
    if sal and sal.get("start") is not None:
        marks.append({"start": sal["start"], "end": sal["end"], "kind": "salary",
                      "value": f"{sal['min']}-{sal['max']}/{sal['period']} {sal.get('kind')}"})
    marks.sort(key=lambda m: (m["start"], -(m["end"] - m["start"])))
    kept, last_end = [], -1
    for m in marks:
        if m["start"] >= last_end:
            kept.append(m)
            last_end = m["end"]
    return kept


def highlight(text: str, record: dict, color: bool) -> str:
    """The text with each evidence span marked (ANSI colour, or [[text|kind:value]])."""
    out, pos = [], 0
    for m in _marks(record):
        if m["end"] > len(text) or m["start"] < pos:
            continue
        out.append(text[pos:m["start"]])
        piece = text[m["start"]:m["end"]]
        if color:
            out.append(click.style(piece, fg=COLOURS[m["kind"]], bold=True))
        else:
            out.append(f"[[{piece}|{m['kind']}:{m['value']}]]")
        pos = m["end"]
    out.append(text[pos:])
    return "".join(out)


def summary(record: dict) -> str:
    sal = record.get("salary")
    salary = (f"{sal['min']:,}-{sal['max']:,} {sal.get('currency', '')} per {sal['period']} ({sal.get('kind')})"
              if sal else "not stated")
    exp = record.get("experience_min_years")
    if exp is not None and record.get("experience_max_years") is not None:
        exp = f"{exp}-{record['experience_max_years']}"
    lines = [
        f"role family: {record.get('role_family')}    seniority: {record.get('seniority')}    "
        f"work mode: {record.get('work_mode')}",
        f"degree required: {record.get('degree_required') or '-'}    preferred: {record.get('degree_preferred') or '-'}"
        f"    or equivalent: {'yes' if record.get('degree_or_equivalent') else 'no'}"
        f"    fields: {', '.join(record.get('degree_fields') or []) or '-'}",
        f"experience: {exp if exp is not None else '-'} years"
        + (f"    preferred: {record['experience_preferred_years']} years" if record.get("experience_preferred_years") else ""),
        f"salary: {salary}",
        "certifications: " + (", ".join(sorted({c['name'] for c in record.get('certifications') or []})) or "-"),
        "skills: " + (", ".join(sorted({s.get('canonical') or s['text'] for s in record.get('skills') or []})) or "-"),
        f"pipeline: {record.get('pipeline_version')}",
    ]
    return "\n".join(lines)


def _record_for(db, posting: dict) -> dict:
    """The stored record, or a fresh one when none is stored or the text changed since."""
    record = store.get_extraction(db, posting["id"])
    text = posting.get("description_text") or ""
    if record and "skills" in record and all(text[s["start"]:s["end"]] == s["text"] for s in record["skills"]):
        return record
    from analysis.extract import extract_records
    return next(extract_records([{"id": posting["id"], "title": posting.get("title") or "",
                                  "text": posting.get("description_text") or ""}]))


def render_posting(posting_id: str, db_path=None, as_json: bool = False, color: bool | None = None) -> str:
    """The posting with its extraction highlighted, and a summary (or both as JSON)."""
    db = store.open_db(db_path, create=False)
    posting = store.get_posting(db, posting_id)
    if posting is None:
        raise AmscoutError(f"no posting with id {posting_id!r} (see `amscout stats` for what is stored)")
    record = _record_for(db, posting)
    if as_json:
        keep = ("id", "title", "company", "location", "url", "date_posted", "description_text")
        return json.dumps({"posting": {k: posting.get(k) for k in keep}, "extraction": record},
                          indent=2, ensure_ascii=False)
    if color is None:
        color = click.get_text_stream("stdout").isatty()
    head = f"{posting.get('title') or ''} — {posting.get('company') or ''} ({posting.get('location') or ''})\n{posting_id}"
    legend = "  ".join(click.style(k, fg=v, bold=True) if color else f"[[...|{k}:...]]" for k, v in COLOURS.items())
    body = highlight(posting.get("description_text") or "", record, color)
    return f"{head}\n{legend}\n\n{body}\n\n{summary(record)}"
