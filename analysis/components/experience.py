"""Experience: how many years of experience the posting requires, and which it only prefers.

Reads statements such as "5+ years of B2B sales experience", "three (3) to five (5) years",
"18 months in a customer-facing role", "minimum of 2 years". Rules (GUIDELINES.md):
- the required minimum is the LARGEST minimum among required statements; its range gives the max;
- statements marked preferred (cue or section) give ``preferred_years`` only;
- years offered as an alternative to a degree ("degree, or a diploma and 6 years") are not required
  (``instead_of_degree``), nor is the larger of two experience paths ("3 years of X or 8 years of Y");
- company facts ("20 years of history"), ages and benefits are not experience.
Sets ``doc._.experience`` = {min_years, max_years, preferred_years, evidence: [{start, end}],
statements: [{years, max, required, alternative, instead_of_degree, start, end}]}.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from analysis.text import finditer_near, keyword_windows
from analysis.components.sections import block_at, clause_at, doc_lower, doc_text, required_at, section_at

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "twenty": 20, "a": 1, "an": 1, "a few": 2, "several": 3, "half a": 0.5,
}

_NUM = r"(?:\d{1,2}(?:\.\d)?(?!\d)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)\b)"
_PAREN = r"(?:\s*\(\s*\d{1,2}\s*\+?\s*\))?"
_STATEMENT = re.compile(  # the look-ahead: a figure or a number word starts here (fast skip)
    rf"(?=[\dotfsen])(?P<min>(?<![\d$,])(?<!\d\.){_NUM}){_PAREN}\s*(?P<plus>\+|plus\b|or more\b)?{_PAREN}"
    rf"(?:\s*(?:-|–|—|to|or)\s*(?P<max>{_NUM}){_PAREN}\s*\+?)?"
    r"\s*(?:\+\s*)?(?:full[- ]time\s+|consecutive\s+|total\s+|additional\s+|professional\s+|relevant\s+|progressive(?:ly)?\s+)?"
    r"(?P<unit>years?|yrs?|months?)\b['’]?(?:s['’]?)?",
    re.I)

# After "N years": what makes it an experience statement.
_EXPERIENCE_AFTER = re.compile(
    r"^[\s,:-]*(?:of\s+)?(?:[\w/&'’,.+()-]+\s+){0,8}?(?:experience|exp\b|expertise|background|track record|"
    r"work(?:ing|ed)?\b|employment|practice|tenure)", re.I)
_EXPERIENCE_AFTER_VERB = re.compile(
    r"^[\s,:-]*(?:of\s+)?(?:in|as|with|within|at|selling|managing|leading|building|doing|developing|"
    r"supporting|handling|carrying|running|serving|providing|using|performing|owning|closing|"
    r"(?:full[- ]cycle|direct|b2b|outside|inside|enterprise|saas|quota[- ]carrying|field|account|sales|"
    r"customer|client|industry|related|relevant|professional|hands[- ]on|progressive|proven|successful|"
    r"demonstrated|previous|prior|post[- ]\w+)\b)", re.I)
_EXPERIENCE_BEFORE = re.compile(r"(experience|exp\.?|background|track record)\s*(?:(?:should|must|will|to) )?(?:of|:|-|–|with|in|\(|include|includes|including|of at least)?\s*(?:at least|a minimum of|minimum of|min\.?|over|more than)?\s*$", re.I)
# Not experience: ages, company history, durations of plans, degrees, time frames.
_NOT_AFTER = re.compile(
    r"^[\s\w-]{0,3}(?:of age|old\b|in a row|running|straight|of (?:our |company |its )?history|ago\b|in business|of service|"
    r"(?:degree|college|university|program|plan|contract|warranty|term|vesting|cliff|"
    r"commitment|period|anniversary|guarantee)\b|from (?:now|the date|hire)|after|of operation|"
    r"of (?:growth|innovation|excellence|success|experience in (?:the|our) (?:industry|market)))", re.I)
_NOT_BEFORE = re.compile(
    r"(?:\b(?:last|past|next|first|within|every|after|over the|for the|since|in the|per|each|"
    r"founded|established|for over|for more than|nearly|almost|than|age|aged|least \d+ years of age)"
    r"\s*(?:the\s+)?(?:past\s+|last\s+)?$)|\d-$", re.I)
# "N years" followed by its status alone is a requirement line: "B2B sales: 3 years (Required)",
# "5+ years preferred", "(3 years minimum)".
_STATUS_AFTER = re.compile(r"^\s*\(?\s*(?:required|preferred|minimum|min\b)", re.I)
_COMPANY_VOICE = re.compile(r"\b(we|we've|we have|our|us|company|founded|established|history|since)\b", re.I)

_DEGREE = re.compile(
    r"\b(degree|bachelor|master|diploma|ged|high school|associate'?s|b\.?a\.?|b\.?s\.?|bsc|mba|phd|"
    r"college|university|education)\b", re.I)
_ALT_AFTER_DEGREE = re.compile(
    r"(?:\bor\b|and/or|/)\s*(?:an?\s+)?(?:\w+\s+){0,2}?(?:high school|h\.?s\.?\b|ged|diploma|associate|"
    r"equivalent combination|combination|(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"|equivalent (?:work |professional |related )?experience\s*(?:of|with|and|including)?\s*$)", re.I)
_ALT_AFTER_YEARS = re.compile(r"^[^.;]{0,60}\b(in lieu of|instead of|in place of|substitut\w* for|as a substitute|equivalent to a)", re.I)


def _number(raw: str) -> float:
    raw = raw.lower()
    return WORD_NUMBERS[raw] if raw in WORD_NUMBERS else float(raw)


def _is_experience(text: str, start: int, end: int) -> bool:
    after = text[end:end + 120]
    before = text[max(0, start - 60):start]
    if _NOT_AFTER.match(after) or _NOT_BEFORE.search(before):
        return False
    return bool(_EXPERIENCE_AFTER.match(after) or _EXPERIENCE_AFTER_VERB.match(after)
                or _EXPERIENCE_BEFORE.search(before) or _STATUS_AFTER.match(after))


def _is_alternative(text: str, clause_start: int, start: int, end: int) -> bool:
    """Years offered as a path instead of a degree: 'degree, or a diploma and 6 years'."""
    before = text[clause_start:start]
    first_degree = _DEGREE.search(before)
    if first_degree:
        between = before[first_degree.start():]
        between = re.sub(r"\bor (a )?(closely )?(related|similar|relevant|equivalent) (field|discipline|area|major|degree)s?\b", "", between, flags=re.I)
        if _ALT_AFTER_DEGREE.search(between):
            return True
        if re.search(r"and/or\s*(?:at least\s+|a minimum of\s+|minimum\s+)?$", before, re.I):
            return True
    return bool(_ALT_AFTER_YEARS.match(text[end:end + 80]))


def find_statements(doc: Doc) -> list[dict]:
    text = doc_text(doc)
    out = []
    windows = keyword_windows(text, ("year", "yr", "month"), before=48, after=12, lowered=doc_lower(doc))
    for m in finditer_near(_STATEMENT, text, windows):
        if m.group("min").lower() in ("a", "an"):
            continue
        if not _is_experience(text, m.start(), m.end()):
            continue
        if section_at(doc, m.start()) in ("company", "benefits", "legal"):
            continue
        clause_start, clause_end = clause_at(doc, m.start(), m.end())
        if _COMPANY_VOICE.search(text[max(clause_start, m.start() - 40):m.start()]) and not re.search(
                r"experience|you\b|candidate", text[clause_start:clause_end], re.I):
            continue
        factor = 1 / 12 if m.group("unit").lower().startswith("m") else 1.0
        low = _number(m.group("min")) * factor
        high = _number(m.group("max")) * factor if m.group("max") else None
        if high is not None and high <= low:
            high = None
        if low <= 0 or low > 40:
            continue
        block = block_at(doc, m.start())
        evidence_end = _statement_end(text, m.end(), block["end_char"] if block else len(text))
        instead_of_degree = _is_alternative(text, clause_start, m.start(), m.end())
        out.append({
            "years": round(low, 2), "max": round(high, 2) if high is not None else None,
            "open": bool(m.group("plus")),
            "required": required_at(doc, m.start(), m.end()),
            "alternative": instead_of_degree,
            "instead_of_degree": instead_of_degree,  # the degree reader's "or equivalent" signal
            "start": m.start(), "end": evidence_end,
        })
    _mark_or_alternatives(text, out)
    return out


def _mark_or_alternatives(text: str, statements: list[dict]) -> None:
    """'3 years of X or 8 years of Y': the larger figure is one path of two, not a requirement."""
    for prev, cur in zip(statements, statements[1:]):
        between = text[prev["end"]:cur["start"]]
        if len(between) < 120 and re.search(r"\bor\s+(?:an?\s+|at least\s+|a minimum of\s+)?$", between) \
                and not re.search(r"[.;\n]", between):
            (cur if cur["years"] >= prev["years"] else prev)["alternative"] = True


def _statement_end(text: str, end: int, limit: int) -> int:
    """Extend evidence to the word 'experience' (or the clause end) when it follows closely."""
    m = re.compile(r"[^.;\n]{0,80}?\bexperience\b", re.I).match(text, end, limit)
    return m.end() if m else end


def summarize(statements: list[dict]) -> dict:
    required = [s for s in statements if s["required"] is not False and not s["alternative"]]
    preferred = [s for s in statements if s["required"] is False and not s["alternative"]]
    best = max(required, key=lambda s: (s["years"], s["max"] or 0), default=None)
    min_years = best["years"] if best else None
    max_years = best["max"] if best else None
    pref = max((s["years"] for s in preferred), default=None)
    if pref is not None and min_years is not None and pref <= min_years:
        pref = None
    preferred_ids = {id(s) for s in preferred}  # identity, not a list scan per statement
    evidence = [{"start": s["start"], "end": s["end"]} for s in statements
                if s is best or (pref is not None and s["years"] == pref and id(s) in preferred_ids)]
    return {"min_years": _clean(min_years), "max_years": _clean(max_years),
            "preferred_years": _clean(pref), "evidence": evidence, "statements": statements}


def _clean(x):
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


if not Doc.has_extension("experience"):
    Doc.set_extension("experience", default=None)


@Language.factory("amscout_experience")
def make_experience(nlp: Language, name: str):
    return ExperienceComponent()


class ExperienceComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.experience = summarize(find_statements(doc))
        return doc
