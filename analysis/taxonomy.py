"""The taxonomy in data/taxonomy/*.tsv, loaded once into lookup tables with ids.

Every surface form maps to exactly one concept (skill, certification, field of study): the
matcher builds its PhraseMatcher patterns from these tables, and the reports group by the
canonical names. ``TAXONOMY_VERSION`` is a hash of the files' content, part of the pipeline
version, so changing a synonym makes `amscout extract` re-read stored postings.

Files (tab-separated, lists joined with ``|``; regenerate with ``bench/build_taxonomy.py``):
- skills.tsv: id, canonical, group, kind, esco (ESCO URI), onet (O*NET code), synonyms
  (matched case-insensitively), cased (matched case-sensitively), cues (word stems that give a
  free skill phrase this canonical; a trailing ``$`` means the whole word only).
- certifications.tsv: id, name, kind, issuer, full (names), acronyms (case-sensitive), context
  (stems; an acronym with context only counts when one of them stands nearby).
- fields.tsv: id, field, cip, synonyms.   degrees.tsv, titles.tsv: levels and seniority markers.
"""
from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

TAXONOMY_DIR = Path(__file__).resolve().parents[1] / "data" / "taxonomy"
FILES = ("skills.tsv", "certifications.tsv", "fields.tsv", "degrees.tsv", "titles.tsv", "NOTICE")


def _content_hash(directory: Path) -> str:
    h = hashlib.sha256()
    for name in FILES:
        path = directory / name
        if path.exists():
            h.update(name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:12]


TAXONOMY_VERSION = _content_hash(TAXONOMY_DIR)


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        for key, value in row.items():
            row[key] = value or ""
    return rows


def _list(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


def _is_acronym(form: str) -> bool:
    """Forms such as 'MIS', 'PR', 'PharmD', 'BSN' must match with their case."""
    letters = [c for c in form if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return 2 <= len(letters) <= 6 and upper >= 2 and upper >= len(letters) - 1 and " " not in form


# A lower-case letter right before an upper-case one: the tokenizer splits there (glued bullets),
# so a camel-case name ("HubSpot", "PowerPoint") is also matched in its own spelling -- with its
# case, since its pieces lower-cased are often ordinary words ("in design" is not "InDesign",
# "go to meeting" not "GoToMeeting").
_CAMEL = re.compile(r"[a-z][A-Z]")


@dataclass
class Taxonomy:
    skills: dict[str, dict] = field(default_factory=dict)        # id -> row
    skill_forms: dict[str, str] = field(default_factory=dict)    # lower-case surface -> id
    skill_cased: dict[str, str] = field(default_factory=dict)    # exact surface -> id
    skill_cues: list[tuple[str, str]] = field(default_factory=list)  # (stem, id), in file order
    certs: dict[str, dict] = field(default_factory=dict)
    cert_forms: dict[str, str] = field(default_factory=dict)     # lower-case full name -> id
    cert_acronyms: dict[str, list[str]] = field(default_factory=dict)  # acronym -> ids (collisions)
    fields: dict[str, dict] = field(default_factory=dict)
    field_forms: dict[str, str] = field(default_factory=dict)
    field_cased: dict[str, str] = field(default_factory=dict)
    degrees: list[dict] = field(default_factory=list)
    titles: list[dict] = field(default_factory=list)
    version: str = TAXONOMY_VERSION


_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")
_TWO_WORDS = re.compile(r"[a-z]+ [a-z]+")


def _add_hyphen_variants(forms: dict[str, str]) -> None:
    """Postings write compounds both ways ("detail-oriented", "detail oriented"; "web browsers",
    "web-browsers"): each form also matches in the other spelling, unless that spelling is
    already a form of its own (listed forms always win)."""
    for form, sid in list(forms.items()):
        if _HYPHEN.search(form):
            forms.setdefault(_HYPHEN.sub(" ", form), sid)
        elif _TWO_WORDS.fullmatch(form):
            forms.setdefault(form.replace(" ", "-"), sid)


@lru_cache(maxsize=1)
def load(directory: str | None = None) -> Taxonomy:
    """Read the TSV files into a Taxonomy (cached: the matcher of every process shares it)."""
    base = Path(directory) if directory else TAXONOMY_DIR
    tax = Taxonomy(version=_content_hash(base))
    for row in _rows(base / "skills.tsv"):
        sid = row["id"]
        tax.skills[sid] = row
        cased = _list(row["cased"])
        # A canonical listed among the cased forms is a name that is also a common word
        # ("Workday", "Spring"): it matches only with its case.
        names = [] if row["canonical"] in cased else [row["canonical"]]
        for form in [*names, *_list(row["synonyms"])]:
            if _is_acronym(form):
                tax.skill_cased.setdefault(form, sid)
            else:
                tax.skill_forms.setdefault(form.lower(), sid)
                if _CAMEL.search(form):  # "HubSpot" is two tokens, "Hubspot" one: match both
                    tax.skill_cased.setdefault(form, sid)
        for form in cased:
            tax.skill_cased.setdefault(form, sid)
        tax.skill_cues.extend((cue.lower(), sid) for cue in _list(row["cues"]))
    _add_hyphen_variants(tax.skill_forms)
    for row in _rows(base / "certifications.tsv"):
        cid = row["id"]
        tax.certs[cid] = row
        for form in _list(row["full"]):
            tax.cert_forms.setdefault(form.lower(), cid)
            if _CAMEL.search(form):
                tax.cert_forms.setdefault(form, cid)
        for form in _list(row["acronyms"]):
            tax.cert_acronyms.setdefault(form, []).append(cid)
    for row in _rows(base / "fields.tsv"):
        tax.fields[row["id"]] = row
        for form in [row["field"], *_list(row["synonyms"])]:
            if _is_acronym(form):
                tax.field_cased.setdefault(form, row["id"])
            else:
                tax.field_forms.setdefault(form.lower(), row["id"])
    tax.degrees = _rows(base / "degrees.tsv")
    tax.titles = _rows(base / "titles.tsv")
    return tax
