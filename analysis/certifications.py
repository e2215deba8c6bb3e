"""Certifications and licences that a posting asks of the candidate.

The taxonomy matcher finds their full names and acronyms in the same PhraseMatcher pass as skills
and fields of study; this module decides which of those matches are asked of the candidate. Full
names count anywhere a candidate could be asked for them (not in company blurbs, benefits or
legal text); an acronym that several bodies share (CSP, CSAM, CPSM, CMA...) counts only with its
context nearby; a certificate the company itself holds is skipped. A label that introduces
certifications ("Licenses & Certifications: ...") names them item by item, known or not. A skill
that is only a certification's name, or a word of it, is no skill (``without_certifications``).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from analysis.components.sections import (NEVER_SECTIONS, PREFERRED_CUE, READ_SECTIONS, REQUIRED_CUE, block_at,
                                          doc_text, required_at, section_at)

# A certificate the employer holds, not one it asks for.
_COMPANY_HELD = re.compile(r"\b(we are|we're|we have been|our (company|facility|facilities|organization|"
                           r"plant|site|lab|laboratory)|the company is|is an? [\w\s-]{0,30}certified (company|"
                           r"facility|organization))\b", re.I)
_CANDIDATE = re.compile(r"\b(you|your|candidate|applicant|required|preferred|must|plus|ideal)\b", re.I)
_CERT_CUE = re.compile(r"(certif|licen[cs]|designation|credential|registered|chartered|accredit|"
                       r"required|preferred|a plus|must|active|current|valid|holder)", re.I)
_CERT_NOT = re.compile(r"^\s*(firm|firms|exam\s+prep|review course)\b", re.I)
# An inline label that introduces certifications or licences ("Certifications: ...", "Further
# degrees/certifications: ...", "Licenses & Certifications: ..."): the capitalised items after it
# name them, whether the taxonomy knows them or not.
_CERT_LABEL = re.compile(r"[^\w\n]*(?:[A-Za-z]+[ \t]+){0,2}(?:[A-Za-z]+[ \t]*(?:/|&|and)[ \t]*)?"
                         r"(?:certifications?|licen[cs](?:es|ures?)?|credentials)"
                         r"(?:[ \t]*(?:/|&|and)[ \t]*(?:certifications?|licen[cs]es?))?[ \t]*:[ \t]*", re.I)
_CERT_ITEM_SEPARATOR = re.compile(r"[ \t]*(?:[,;/]|\bor\b|\band\b)[ \t]*")
_TRAILING_NOTE = re.compile(r"(?:\s*\([^()]*\))?[\s.]*$")  # a bracketed note or a full stop after an item
_CERT_ITEM_WORDS = 6  # an item longer than this is a sentence, not a name
# Items after such a label that name no certification: a degree, a clearance, a status word.
_NOT_A_CERT_ITEM = re.compile(r"(?:(?:bachelor|master|associate|doctor|doctoral|mba|ph\.?d|degree|diploma|ged)\b|"
                              r".*\bclearance\b|(?:none|n/?a|not|preferred|required|optional|any|other|equivalent)\b)",
                              re.I)
_CONTEXT_WINDOW = 250


def find_certifications(doc: Doc, tax, names, acronyms) -> list[dict]:
    """The certifications and licences the posting asks of the candidate, from the taxonomy's
    matches of full names (``names``) and acronyms (``acronyms``), each (start, end, id); then
    those named after a certifications label that the taxonomy does not know. (``tax``: the
    loaded taxonomy.)"""
    text = doc_text(doc)
    out, seen = [], set()
    candidates = [(s, e, cid, False) for s, e, cid in names]
    for s, e, acr in acronyms:
        if any(ns <= s and e <= ne for ns, ne, _ in names):
            continue
        cid = _resolve_acronym(tax, text, s, e, acr)
        if cid:
            candidates.append((s, e, cid, True))
    for s, e, cid, is_acronym in sorted(candidates):
        if section_at(doc, s) in NEVER_SECTIONS or cid in seen:
            continue
        block = block_at(doc, s)
        a, b = (block["start_char"], block["end_char"]) if block else (s, e)
        around = text[a:b]
        if _COMPANY_HELD.search(around) and not _CANDIDATE.search(around):
            continue
        if is_acronym:
            if _CERT_NOT.match(text[e:e + 20]):
                continue
            if section_at(doc, s) not in READ_SECTIONS and not _CERT_CUE.search(around):
                continue
        seen.add(cid)
        row = tax.certs[cid]
        out.append({"name": row["name"], "start": s, "end": e, "text": text[s:e], "id": cid,
                    "kind": row["kind"], "required": _required(doc, s, e)})
    return out + _labelled_certifications(doc, text, out)


def _resolve_acronym(tax, text: str, start: int, end: int, acronym: str) -> str | None:
    """The certification an acronym means here, from its context stems; None if unclear."""
    window = text[max(0, start - _CONTEXT_WINDOW):end + _CONTEXT_WINDOW].lower()
    best, best_hits = None, 0
    for cid in tax.cert_acronyms[acronym]:
        stems = [c for c in tax.certs[cid]["context"].split("|") if c]
        if not stems:
            return cid
        hits = sum(window.count(stem) for stem in stems)
        if hits > best_hits:
            best, best_hits = cid, hits
    return best


def _labelled_certifications(doc: Doc, text: str, known: list[dict]) -> list[dict]:
    """Certifications the taxonomy does not know, named after a label that introduces them in a
    requirements line ("Further degrees/certifications: Certified Widget Auditor or a Master of
    Trade"): each capitalised item that is no degree, clearance or status word and is not already
    found (``known``). Its name is the item as written."""
    out = []
    for block in doc._.blocks or []:
        if block["section"] not in READ_SECTIONS or block.get("is_heading"):
            continue
        a, b = block["start_char"], block["end_char"]
        low = text[a:min(b, a + 60)].lower()  # the label opens the line: a cheap test first
        if "certif" not in low and "licen" not in low and "credential" not in low:
            continue
        label = _CERT_LABEL.match(text, a, b)
        if not label or (_COMPANY_HELD.search(text, a, b) and not _CANDIDATE.search(text, a, b)):
            continue
        stop = text.find(". ", label.end(), b)
        items_end = b if stop < 0 else stop
        pos = label.end()
        for sep in [*_CERT_ITEM_SEPARATOR.finditer(text, pos, items_end), None]:
            s, e = pos, (sep.start() if sep else items_end)
            pos = sep.end() if sep else items_end
            e = s + len(_TRAILING_NOTE.sub("", text[s:e]))  # "Certified Fleet Planner (preferred)."
            item = text[s:e]
            if (not item or not item[0].isupper() or item.count(" ") >= _CERT_ITEM_WORDS
                    or _NOT_A_CERT_ITEM.match(item) or any(c["start"] < e and s < c["end"] for c in known)):
                continue
            kind = "license" if "licen" in item.lower() else "certification"
            out.append({"name": item, "start": s, "end": e, "text": item, "id": None, "kind": kind,
                        "required": _required(doc, s, e)})
    return out


def _required(doc: Doc, start: int, end: int) -> bool | None:
    """required_at, else a cue right after the name in its line ("PMP (preferred)")."""
    req = required_at(doc, start, end)
    if req is None:
        block = block_at(doc, start)
        if block:
            tail = doc_text(doc)[end:min(block["end_char"], end + 60)]
            if PREFERRED_CUE.search(tail):
                return False
            if REQUIRED_CUE.search(tail):
                return True
    return req


def without_certifications(skills: list[dict], certs: list[dict], tools: set) -> list[dict]:
    """Skills that are not a certification found in the same posting under its own name, nor a
    word of one: "Certified Strategic Account Manager (CSAM)" is one certification, not also a
    skill "CSAM"; "Certified Payroll Professional" names no skill "Payroll". The tool a
    certificate is for is still a skill ("Salesforce certified Admin"). (``tools``: skill ids.)"""
    if not certs:
        return skills
    names = {str(c.get("name") or "").lower() for c in certs} | {str(c.get("text") or "").lower() for c in certs}
    spans = [(c["start"], c["end"]) for c in certs]
    return [s for s in skills if str(s.get("text") or "").lower() not in names
            and (s.get("id") in tools or not any(a <= s["start"] and s["end"] <= b for a, b in spans))]
