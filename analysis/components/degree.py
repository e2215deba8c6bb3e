"""Degree: the lowest degree level required, the level preferred, "or equivalent", fields of study.

Degree mentions ("Bachelor's", "BA/BS", "MBA", "high school diploma", "PhD", "JD") are grouped
when joined by "or" / "/" ("BA/BS or MBA" is one statement at its lowest level). A statement is
preferred when a preferred cue stands in its own part of the sentence or its section is
preferred; otherwise it is required. Fields come from the taxonomy matcher's
``doc._.field_matches`` that fall inside a degree statement.
Sets ``doc._.degree`` = {required, preferred, or_equivalent, fields, evidence, mentions}.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from analysis.text import finditer_near, for_lowered, keyword_windows
from analysis.components.sections import (PREFERRED_AFTER, PREFERRED_CUE, READ_SECTIONS, block_at, clause_at, doc_lower,
                                          doc_text, section_at, statement_end, statement_start)

LEVELS = ["high_school", "associate", "bachelor", "master", "doctorate", "professional"]
RANK = {lvl: i for i, lvl in enumerate(LEVELS)}

_APOS = r"['’`]?"
# A word start, also where a bullet was glued on without a space ("QualificationsBachelor's").
_B = r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z]))|(?<=[A-Za-z])(?=\d))"
_LEVEL_PATTERNS = [
    ("high_school", r"high[- ]school\b(?! (?:students?|teachers?|seniors?|juniors?))|(?-i:H\.?S\.?) (?:diploma|degree)|"
                    r"(?-i:GED)\b|secondary school (?:diploma|education)|diploma\b"),
    ("associate", rf"associate{_APOS}s?{_APOS}? (?:degree|of (?:arts|science|applied))|associate['’`]s\b|"
                  rf"(?-i:A\.A\.S?|AAS)\b|(?:two|2)[- ]year (?:college |technical )?degree|"
                  r"associate(?= \((?:preferred|required)\))"),  # an education list line: "Associate (Preferred)"
    ("bachelor", rf"bachelor{_APOS}s?{_APOS}?|baccalaureate|(?-i:B\.[AS]\.?(?:[CN]\.?)?)(?![\w.])|"
                 rf"(?-i:B[AS]/B[AS]|BSc|BSN|BBA|BSBA|BSEE|BSME|BSCS)\b|(?-i:B[AS])(?= (?:degree|in|or|/))|"
                 rf"(?:4|four)[- ]year (?:\w+ )?degree|undergraduate degree|(?:college|university) degree|"
                 rf"college graduate|degree from an? (?:accredited )?(?:college|university|four[- ]year|4[- ]year)"),
    ("master", rf"master{_APOS}s?{_APOS}? (?:degree|of (?:science|arts|business|engineering|public)|in)|"
               rf"master(?:s|{_APOS}s){_APOS}?(?= (?:or|and|preferred|required|is))|master['’`]s\b|"
               rf"(?-i:MBA|M\.B\.A\.?|MSc|MSN|MPH|MHA|MSW|MEng|MSEE|MSCS)\b|(?-i:M\.[AS]\.?)(?![\w.])|"
               rf"(?-i:M[AS])(?= (?:degree|in))|(?:graduate|advanced|post[- ]?graduate) degree"),
    ("doctorate", r"(?-i:Ph\.? ?D)\b\.?|doctora(?:te|l)\b|doctor of (?:philosophy|science)"),
    ("professional", r"(?-i:J\.D\.)|(?-i:JD)\b(?= (?:degree|or|from|required|preferred|/))|juris doctor|"
                     r"(?-i:M\.D\.)|(?-i:Pharm\.? ?D|DDS|DVM)\b|doctor of (?:medicine|pharmacy|law)"),
]
# One word-start test in front of every alternative keeps the scan fast.
# The look-ahead names the first characters of every level pattern (the scan skips other positions).
_LEVEL_RE = re.compile("(?=[hgsdatb24fucmpj])" + _B + "(?:" + "|".join(f"(?P<{lvl}>{pat})" for lvl, pat in _LEVEL_PATTERNS) + ")", re.I)
# Where a degree may be named: words (any case) and acronyms (as written).
_LOWER_KEYS = ("bachelor", "baccalaureate", "master", "doctor", "juris", "diploma", "high school", "high-school",
               "associate", "degree", "college graduate", "secondary school")
_EXACT_KEYS = ("B.", "BA", "BS", "BBA", "MBA", "M.", "MS", "MA", "MPH", "MHA", "MEng", "Ph", "JD", "J.D", "DDS",
               "DVM", "Pharm", "GED", "H.S", "HS ", "A.A", "AAS")
_DEGREE_CONTEXT = re.compile(r"degree|diploma|education|graduate|qualif|required|preferred|field|major|equivalent|"
                             r"accredited|school|college|university|in |or |ged", re.I)
_JOIN = re.compile(r"^[\s,/]*(?:(?:or|and/or|and)\s+(?:an?\s+)?|/)?\s*(?:(?:higher|above|equivalent|degree|in [\w ,&]{0,40}?)\s*)?[\s,/]*$", re.I)
# "or equivalent" accepts experience when it ends the statement, or when what follows is
# experience: "or equivalent experience", "or equivalent education or work experience", or the
# next bullet's years glued on ("or equivalent5+ years of ..."). Not "or an equivalent degree",
# nor "high school diploma or equivalent" (a GED: another diploma, not experience).
_EQUIVALENT = re.compile(
    r"equivalent (?:combination|work|professional|related|practical|relevant)?\s*(?:of\s+)?(?:education\s+and\s+)?experience|"
    r"(?<!diploma )(?<!diploma, )(?<!ged )(?<!school )or (?:the |an? )?equivalent(?=\s*(?:[.;,)]|$|experience|work|combination|\d|"
    r"education,? (?:and/or|or|and|plus) (?:\w+ )?experience))|combined with (?:\w+ )?experience|"
    r"in (?:lieu|place) of (?:a |an |the )?(?:\w+(?:'s|’s)? )?degree|experience in (?:lieu|place)|combination of (?:education|training|relevant) and|"
    r"or (?:comparable|commensurate|relevant|related|equivalent) (?:\w+ )?experience|"
    r"(?:education|degree),? or (?:an? )?(?:equivalent|comparable|relevant) (?:combination|experience)|"
    r"experience (?:may|can|will) (?:be )?substitut|equivalent (?:\w+ )?(?:of )?experience", re.I)
_NOT_DEGREE_CONTEXT = re.compile(r"tuition|reimburse|scholarship|students?\b|alumni|teach", re.I)


def find_mentions(doc: Doc) -> list[dict]:
    text, low = doc_text(doc), doc_lower(doc)
    mentions = []
    windows = keyword_windows(text, _LOWER_KEYS, _EXACT_KEYS, before=30, after=70, lowered=low)
    for m in finditer_near(_LEVEL_RE, text, windows):
        level = m.lastgroup
        section = section_at(doc, m.start())
        if section in ("company", "benefits", "legal"):
            continue
        a, b = clause_at(doc, m.start(), m.end())
        clause = low[a:b]  # the context cues run on the lower-cased text
        if _NOT_DEGREE_CONTEXT_L.search(clause):
            continue
        if level == "high_school" and m.group(0).lower() == "diploma" and not _DIPLOMA_CONTEXT_L.search(clause):
            continue
        if level in ("master", "doctorate", "professional", "bachelor") and len(m.group(0)) <= 4 \
                and not _DEGREE_CONTEXT_L.search(clause) and section not in READ_SECTIONS:
            continue  # a bare "MBA" counts under a requirements heading, not in a duty or a blurb
        mentions.append({"level": level, "start": m.start(), "end": m.end(), "clause": (a, b)})
    return mentions


def group_mentions(text: str, mentions: list[dict]) -> list[list[dict]]:
    """Mentions joined by 'or', '/', ',' in one clause form one statement."""
    groups: list[list[dict]] = []
    for m in mentions:
        if groups:
            prev = groups[-1][-1]
            between = text[prev["end"]:m["start"]]
            if prev["clause"] == m["clause"] and len(between) <= 60 and _JOIN.match(between) \
                    and not PREFERRED_CUE.search(between):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def _group_status(doc: Doc, groups: list[list[dict]], gi: int) -> bool:
    """True if the statement is required, False if preferred."""
    text = doc_text(doc)
    group = groups[gi]
    a, b = group[0]["clause"]
    seg_start = a
    if gi > 0 and groups[gi - 1][-1]["clause"] == (a, b):
        seg_start = groups[gi - 1][-1]["end"]
    seg_end = b
    if gi + 1 < len(groups) and groups[gi + 1][0]["clause"] == (a, b):
        seg_end = groups[gi + 1][0]["start"]
    segment = text[seg_start:seg_end]
    after = text[group[-1]["end"]:statement_end(text, group[-1]["end"], min(seg_end, group[-1]["end"] + 160))]
    before = text[statement_start(text, seg_start, group[0]["start"]):group[0]["start"]]
    if PREFERRED_AFTER.search(after) or re.search(r"(prefer\w*|ideally|plus|desired|bonus)\s*[:\-–]?\s*(?:an?\s+)?$", before, re.I):
        return False
    if re.search(r"\brequired\b|\bmust\b|\bminimum\b", segment, re.I):
        return True
    if PREFERRED_CUE.search(before):
        return False
    if section_at(doc, group[0]["start"]) == "preferred":
        return False
    return True


def summarize(doc: Doc) -> dict:
    text = doc_text(doc)
    groups = group_mentions(text, find_mentions(doc))
    required, preferred, evidence, statements = [], [], [], []
    or_equivalent = False
    equivalent = _EquivalentFinder(doc_lower(doc))
    for gi, group in enumerate(groups):
        level = min((m["level"] for m in group), key=RANK.get)
        status = _group_status(doc, groups, gi)
        (required if status else preferred).append(level)
        a, b = group[0]["clause"]
        block = block_at(doc, group[0]["start"])
        statements.append({"level": level, "required": status, "start": group[0]["start"],
                           "end": group[-1]["end"], "clause": [a, b]})
        evidence.append({"start": a, "end": b})
        window_end = block["end_char"] if block else b
        if not or_equivalent and equivalent.found(a, max(b, window_end)):
            or_equivalent = True
    exp = doc._.experience if Doc.has_extension("experience") else None
    if statements and exp and any(st.get("instead_of_degree") for st in exp.get("statements", [])):
        # "a degree, or a diploma and 6 years": experience stands in for it. Not "3 years of X or
        # 8 years of Y": two experience paths say nothing about the degree.
        or_equivalent = True
    fields, cips = _fields(doc, statements)
    return {
        "required": min(required, key=RANK.get) if required else None,
        "preferred": min(preferred, key=RANK.get) if preferred else None,
        "or_equivalent": or_equivalent,
        "fields": fields,
        "field_cips": cips,
        "evidence": _merge(evidence),
        "statements": statements,
    }


class _EquivalentFinder:
    """Is there an "or equivalent experience" cue in text[a:end]? Statements of one block share
    ``end``; the first hit found from ``a`` answers every later start up to it, so a block of
    thousands of degree statements is scanned once, not once per statement."""

    def __init__(self, low: str):
        self.text = low  # the text lower-cased (analysis.text.lowered): the cue runs case-sensitively
        self.known: dict[int, tuple[int, int | None]] = {}  # end -> (searched from, first hit or None)

    def found(self, a: int, end: int) -> bool:
        known = self.known.get(end)
        if known and a >= known[0] and (known[1] is None or a <= known[1]):
            return known[1] is not None
        m = _EQUIVALENT_L.search(self.text, a, end)  # no look-behind: the same as searching text[a:end]
        self.known[end] = (a, m.start() if m else None)
        return m is not None


# Where the fields of a degree statement end: the next requirement ("and 3 years", "experience").
# (and "or an equivalent combination of education and experience": no field of study)
_FIELD_STOP = re.compile(r"\b(?:experience|years?|preferably|ideally|with at least|and at least|combination)\b", re.I)
_NOT_A_FIELD = re.compile(r"\b(?:equivalent|relevant|related|similar|other|comparable)\s+$", re.I)
# "STEM" (science, technology, engineering, mathematics) names a family of fields; its spelled-out
# parts next to it are that one field, not four.
_STEM = re.compile(r"\bSTEM\b")
_STEM_PARTS = {"science", "information technology", "engineering", "mathematics"}
_DEGREE_NAME_BEFORE = re.compile(r"\b(?:bachelor|master|associate|doctor)(?:['’]?s)? of (?:applied )?$", re.I)
_ABILITY_BEFORE = re.compile(r"\b(?:strong|excellent|good|great|effective|solid|superior|exceptional|outstanding|proven)\s+$", re.I)


def _fields(doc: Doc, statements: list[dict]) -> tuple[list[str], dict]:
    """Fields of study the taxonomy matcher found inside a degree statement (names, and CIP codes)."""
    if not Doc.has_extension("field_matches") or not statements:
        return [], {}
    text = doc_text(doc)
    windows = []
    for s in statements:
        # from the degree named to where its statement stops: "BA/BS in business or marketing"
        a = s["start"]
        b = statement_end(text, s["end"], min(s["clause"][1], s["end"] + 160))
        stop = _FIELD_STOP.search(text, s["end"], b)
        windows.append((a, stop.start() if stop else b))
    windows.sort()
    starts = [w[0] for w in windows]
    stems = [m.start() for a, b in windows for m in (_STEM.search(text, a, b),) if m]
    names, cips = [], {}
    for f in doc._.field_matches or []:
        i = bisect_right(starts, f["start"]) - 1
        if i < 0 or f["start"] >= windows[i][1]:
            continue
        if f.get("field") in _STEM_PARTS and any(_spells_stem(text, f["start"], p) for p in stems):
            continue  # "Science, Technology, Engineering, Math (STEM)" spells out one field, STEM
        if _NOT_A_FIELD.search(text, max(windows[i][0], f["start"] - 12), f["start"]):
            continue
        if f.get("field") == "science" and _DEGREE_NAME_BEFORE.search(text, max(0, f["start"] - 24), f["start"]):
            continue  # "Bachelor of Science in Nursing": the degree's name; the field follows "in"
        if _ABILITY_BEFORE.search(text, max(windows[i][0], f["start"] - 14), f["start"]):
            continue  # "... in Finance. Strong communication skills": an ability, not a field
        name = f.get("field") or f.get("canonical")
        if name and name not in names:
            names.append(name)
            cips[name] = f.get("cip")
    if stems:  # "a degree in a STEM field": a family of fields, no single CIP code
        names.append("stem")
        cips["stem"] = None
    return names, cips


def _spells_stem(text: str, start: int, stem: int) -> bool:
    """Is the field at ``start`` a spelled-out part of the "STEM" at ``stem`` (close, same line)?"""
    a, b = min(start, stem), max(start, stem)
    return b - a <= 90 and "\n" not in text[a:b]


def _merge(spans: list[dict]) -> list[dict]:
    out: list[dict] = []
    for s in sorted(spans, key=lambda s: s["start"]):
        if out and s["start"] <= out[-1]["end"]:
            out[-1]["end"] = max(out[-1]["end"], s["end"])
        else:
            out.append(dict(s))
    return out


# The case-insensitive cues compiled to run on the lower-cased text (analysis.text.for_lowered).
_NOT_DEGREE_CONTEXT_L, _DEGREE_CONTEXT_L, _EQUIVALENT_L = map(for_lowered, (_NOT_DEGREE_CONTEXT, _DEGREE_CONTEXT, _EQUIVALENT))
_DIPLOMA_CONTEXT_L = re.compile(r"high school|ged|equivalent")


if not Doc.has_extension("degree"):
    Doc.set_extension("degree", default=None)


@Language.factory("amscout_degree")
def make_degree(nlp: Language, name: str):
    return DegreeComponent()


class DegreeComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.degree = summarize(doc)
        return doc
