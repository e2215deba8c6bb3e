"""Work mode: remote | hybrid | onsite | unspecified, from the title first, then the text.

Field roles run from a home office are remote. Where several modes are offered, remote wins if
any candidate may work fully remote, else hybrid (GUIDELINES.md). Sets ``doc._.work_mode`` =
{"mode": ..., "evidence": [{start, end}]}; the title is read from ``doc._.title``.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from analysis.components.sections import section_at

_REMOTE = re.compile(
    r"\b(?:fully|100\s?%|completely|entirely|full[- ]time|permanently)\s+remote\b|"
    r"\bremote[- ](?:first|position|role|job|opportunity|work|working|employee|based|eligible|friendly|"
    r"worker|team member)\b|"
    r"\b(?:position|role|job|opportunity) (?:is|will be|can be)\s+(?:a\s+)?(?:fully\s+|100% )?remote\b|"
    r"\bwork(?:ing)?\s+(?:from|at)\s+home\b|\bwork[- ]from[- ]home\b|\bwfh\b|\bhome[- ]based\b|\bhome office\b|"
    r"\bwork(?:ing)? remotely\b|\bremotely\b|#LI-Remote|\blocation\s*:?\s*remote\b|\bremote\s*(?:\(|,|-|–|—)\s*"
    r"(?:US|USA|United States|U\.S\.|anywhere|nationwide|CA|Canada)|\b(?:US|USA|U\.S\.)[- ](?:based )?remote\b|"
    r"\bthis is a remote\b|\bremote\s*$|^\s*remote\b|\bvirtual (?:position|role)\b|\bteleworks?\b|telecommut", re.I | re.M)
_HYBRID = re.compile(
    r"\bhybrid\b|#LI-Hybrid|\b(?:\d|one|two|three|four)\s+days?\s+(?:a|per|each)\s+week\s+(?:in|at|from)\s+(?:the|our)?\s*"
    r"(?:office|site|campus|hq)|\bin[- ]office\s+\d\s+days|\bpartially remote\b|\bflexible work(?:ing)? (?:model|arrangement)\b", re.I)
_ONSITE = re.compile(
    r"\bon[- ]?site\b|\bin[- ]office\b|\bin[- ]person\b|#LI-Onsite|\bin the office\b|"
    r"\bnot (?:a )?remote\b|\bno remote\b|\bnot eligible for remote|\bremote work is not\b|"
    r"\breport (?:daily )?to (?:the|our) (?:office|facility|site)\b|\bwork(?:s)? from (?:our|the) (?:office|facility)\b", re.I)
_NOT_MODE = re.compile(r"remote (?:monitoring|patient|access|sensing|support|desktop|management|diagnostics|"
                       r"troubleshooting|control|server|teams? (?:across|around))", re.I)
_CONDITIONAL = re.compile(r"\b(?:must|should) (?:live|reside|be located)|\bwithin (?:commut|driving|\d+ miles)|"
                          r"\bresid(?:e|ing|ents?) (?:in|of|within)\b", re.I)


def _hits(rx: re.Pattern, text: str, doc: Doc | None) -> list[re.Match]:
    out = []
    for m in rx.finditer(text):
        if doc is not None and section_at(doc, m.start()) in ("legal", "company"):
            continue
        if rx is _REMOTE and _NOT_MODE.match(text, m.start()):
            continue
        out.append(m)
    return out


def decide(title: str, doc: Doc) -> dict:
    title = title or ""
    if _HYBRID.search(title):
        return {"mode": "hybrid", "evidence": []}
    if re.search(r"\bremote\b|\bhome[- ]based\b|\bwork from home\b|\bvirtual\b", title, re.I):
        return {"mode": "remote", "evidence": []}
    if re.search(r"\bon[- ]?site\b|\bin[- ]office\b", title, re.I):
        return {"mode": "onsite", "evidence": []}
    text = doc.text
    remote, hybrid, onsite = _hits(_REMOTE, text, doc), _hits(_HYBRID, text, doc), _hits(_ONSITE, text, doc)
    ev = lambda ms: [{"start": m.start(), "end": m.end()} for m in ms[:3]]  # noqa: E731
    if remote and hybrid:
        strong = [m for m in remote if re.search(r"fully|100|completely|entirely|#LI-Remote", m.group(0), re.I)]
        return {"mode": "remote", "evidence": ev(strong)} if strong else {"mode": "hybrid", "evidence": ev(hybrid)}
    if hybrid:
        return {"mode": "hybrid", "evidence": ev(hybrid)}
    if remote:
        if onsite and len(onsite) > len(remote):
            return {"mode": "onsite", "evidence": ev(onsite)}
        return {"mode": "remote", "evidence": ev(remote)}
    if onsite:
        return {"mode": "onsite", "evidence": ev(onsite)}
    return {"mode": "unspecified", "evidence": []}


for _name in ("title", "work_mode"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory("amscout_work_mode")
def make_work_mode(nlp: Language, name: str):
    return WorkModeComponent()


class WorkModeComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.work_mode = decide(doc._.title or "", doc)
        return doc
