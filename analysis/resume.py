"""Read a resume (.txt, .md, .pdf, .docx) into plain text and a profile, in memory only.

The profile comes from the same extraction pipeline that reads postings, applied to the whole
resume. A resume is not a posting, so every skill and certification found anywhere counts: what
the pipeline reads, plus every taxonomy form named anywhere (``taxonomy_mentions``), since the
posting pipeline deliberately skips first-person and duty sentences. The degree is the highest
level the pipeline names; the years of experience are the larger of the years the resume states
("8 years of account management") and the years its date ranges cover ("Jan 2018 – Present",
overlaps merged, education left out). Nothing here touches the database.
"""
from __future__ import annotations

import logging
import re
from datetime import date
from pathlib import Path

from errors import AmscoutError

SUFFIXES = (".txt", ".md", ".pdf", ".docx")
DEGREE_RANK = {"high_school": 1, "associate": 2, "bachelor": 3, "master": 4, "professional": 5, "doctorate": 5}
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MONTH = r"(?:(?P<{0}m>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+|(?P<{0}n>\d{{1,2}})[/.])?"
_RANGE = re.compile(
    _MONTH.format("a") + r"(?P<ay>(?:19|20)\d{2})\s*(?:-|–|—|to|until)\s*"
    r"(?:" + _MONTH.format("b") + r"(?P<by>(?:19|20)\d{2})|(?P<now>present|current|now|today))",
    re.IGNORECASE)


_EDUCATION_HEADING = re.compile(r"\b(education|academic|studies|training|qualifications)\b", re.I)
_HEADING_WORDS = re.compile(r"\b(education|academic|studies|training|qualifications|experience|employment|"
                            r"work|career|history|skills|projects|certifications?|summary|profile|languages|"
                            r"volunteer\w*|awards|interests)\b", re.I)
_SCHOOL = re.compile(r"\b(university|college|school|academy|institute|bachelor|master'?s|mba|ph\.?d|degree|"
                     r"diploma|b\.a\.|b\.s\.|m\.a\.|m\.s\.|bsc|msc)\b", re.I)


class ResumeError(AmscoutError):
    """A resume that cannot be read."""


def read_text(path: str | Path) -> str:
    """The resume's text; a missing, unsupported, unreadable or empty file is a one-line error."""
    p = Path(path)
    if not p.is_file():
        raise ResumeError(f"resume not found: {p}")
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise ResumeError(f"cannot read {p.name}: use a .txt, .md, .pdf or .docx file")
    try:
        if suffix == ".pdf":
            text = _pdf_text(p)
        elif suffix == ".docx":
            text = _docx_text(p)
        else:
            text = p.read_bytes().decode("utf-8-sig", errors="replace")
    except ResumeError:
        raise
    except Exception as exc:  # the parsers raise many types for a damaged file
        raise ResumeError(f"cannot read {p.name}: {type(exc).__name__}: {exc}".splitlines()[0]) from None
    text = text.replace("\x00", " ").strip()
    if not text:
        raise ResumeError(f"no text found in {p.name} (a scanned PDF needs OCR first)")
    return text


def _pdf_text(path: Path) -> str:
    """Text of every page; pypdf's own warnings about a damaged file are silenced, because a
    file it cannot read becomes one clear error instead."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(str(path))
    if reader.is_encrypted:
        raise ResumeError(f"cannot read {path.name}: the PDF is encrypted")
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [para.text for para in document.paragraphs]
    for tbl in document.tables:
        for row in tbl.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def years_from_dates(text: str, today: date | None = None) -> float | None:
    """Years covered by the resume's date ranges, overlapping jobs counted once.

    A range without months runs from January to December; 'present' means today. Ranges under
    an education heading, or on a line naming a school or degree, are study, not experience.
    """
    today = today or date.today()
    spans = []
    for m in _work_ranges(text):
        start = int(m.group("ay")) * 12 + _month(m, "a", default=1) - 1
        if m.group("now"):
            end = today.year * 12 + today.month
        else:
            end = int(m.group("by")) * 12 + _month(m, "b", default=12)
        if start < end <= today.year * 12 + today.month:
            spans.append((start, end))
    if not spans:
        return None
    spans.sort()
    months, cur_start, cur_end = 0, spans[0][0], spans[0][1]
    for s, e in spans[1:]:
        if s > cur_end:
            months += cur_end - cur_start
            cur_start, cur_end = s, e
        else:
            cur_end = max(cur_end, e)
    months += cur_end - cur_start
    return round(months / 12, 1)


def _work_ranges(text: str):
    """Date-range matches outside education: skips lines under an education heading (a short
    line such as 'Education') and lines that name a school or degree."""
    in_education = False
    for line in text.splitlines():
        stripped = line.strip(" #*-:\t")
        if stripped and len(stripped) <= 40 and not re.search(r"\d", stripped):
            if _HEADING_WORDS.search(stripped):  # a new section starts
                in_education = bool(_EDUCATION_HEADING.search(stripped))
        if in_education or _SCHOOL.search(line):
            continue
        yield from _RANGE.finditer(line)


def _month(m: re.Match, which: str, default: int) -> int:
    name, number = m.group(which + "m"), m.group(which + "n")
    if name:
        return MONTHS[name[:3].lower()]
    if number and 1 <= int(number) <= 12:
        return int(number)
    return default


def taxonomy_mentions(text: str) -> dict[str, list[tuple[str, str]]]:
    """Every taxonomy skill and certification named anywhere in the text: (canonical, surface).

    The posting pipeline reads skills only where a posting asks for them (requirement sections,
    'experience with ...' clauses) and skips first-person and duty sentences, which is most of a
    resume. Here the taxonomy's own surface forms are matched everywhere, with the pipeline's
    tokenizer, so a skills list or a job bullet counts too. An acronym several certifications
    share counts only when it has one meaning.
    """
    from spacy.matcher import PhraseMatcher

    from analysis.extract import get_nlp
    from analysis.taxonomy import load

    nlp, tax = get_nlp(), load()
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    cased = PhraseMatcher(nlp.vocab, attr="ORTH")
    targets: dict[str, str] = {}
    for matcher, forms in ((lower, {f: ("skill", tax.skills[i]["canonical"]) for f, i in tax.skill_forms.items()}),
                           (cased, {f: ("skill", tax.skills[i]["canonical"]) for f, i in tax.skill_cased.items()}),
                           (lower, {f: ("certification", tax.certs[i]["name"]) for f, i in tax.cert_forms.items()}),
                           (cased, {f: ("certification", tax.certs[ids[0]]["name"])
                                    for f, ids in tax.cert_acronyms.items() if len(set(ids)) == 1})):
        for form, target in forms.items():
            key = f"{target[0]}|{target[1]}"
            targets[key] = target
            matcher.add(key, [nlp.make_doc(form)])
    doc = nlp.make_doc(text)
    found: dict[str, list[tuple[str, str]]] = {"skill": [], "certification": []}
    for matcher in (lower, cased):
        for key, start, end in matcher(doc):
            kind, canonical = targets[nlp.vocab.strings[key]]
            found[kind].append((canonical, doc[start:end].text))
    return found


def profile_from_record(record: dict, text: str, today: date | None = None,
                        mentions: dict | None = None, known: set[str] | None = None) -> dict:
    """What the gap report compares: skills, certifications, degree, fields, years.

    ``mentions`` (from ``taxonomy_mentions``) adds what the posting pipeline left unread;
    with ``known`` (the taxonomy's canonical names) free phrases such as an employer's name
    in a job line are left out.
    """
    mentions = mentions or {}
    skills = {}
    for s in record.get("skills") or []:
        key = s.get("canonical") or s.get("text")
        if key and (known is None or key in known):
            skills.setdefault(key, s.get("text") or key)
    for canonical, surface in mentions.get("skill", []):
        skills.setdefault(canonical, surface)
    certs = {}
    for c in record.get("certifications") or []:
        if c.get("name"):
            certs.setdefault(c["name"], c.get("text") or c["name"])
    for name, surface in mentions.get("certification", []):
        certs.setdefault(name, surface)
    degrees = [d for d in (record.get("degree_required"), record.get("degree_preferred")) if d in DEGREE_RANK]
    degree = max(degrees, key=DEGREE_RANK.get) if degrees else None
    stated = record.get("experience_min_years")
    computed = years_from_dates(text, today)
    years = max([y for y in (stated, computed) if y is not None], default=None)
    return {"skills": dict(sorted(skills.items())), "certifications": dict(sorted(certs.items())),
            "degree": degree, "degree_fields": sorted(set(record.get("degree_fields") or [])),
            "years_stated": stated, "years_from_dates": computed, "years": years}


_NOT_WORD = re.compile(r"[\W_]+")


def phrase_finder(text: str):
    """A test of whether the resume says a phrase, word for word, ignoring case and punctuation.

    Postings ask for skills the taxonomy does not know ("channel partner enablement"): such a
    free phrase counts as held when the resume uses the same words, so that it is not reported
    missing. The text stays in memory, inside the returned function."""
    padded = f" {_NOT_WORD.sub(' ', text.lower())} "

    def says(phrase: str) -> bool:
        words = _NOT_WORD.sub(" ", str(phrase).lower()).strip()
        return bool(words) and f" {words} " in padded
    return says


def read_profile(path: str | Path, today: date | None = None) -> dict:
    """Read the resume and run the extraction pipeline over it (in memory)."""
    return profile_of_text(read_text(path), today)


def profile_of_text(text: str, today: date | None = None) -> dict:
    """The profile of a resume's text (see ``profile_from_record``)."""
    from analysis.extract import extract_records
    from analysis.taxonomy import load

    record = next(iter(extract_records([{"id": "resume", "title": "", "text": text}])))
    known = {row["canonical"] for row in load().skills.values()}
    return profile_from_record(record, text, today, taxonomy_mentions(text), known)
