"""Work mode: remote | hybrid | onsite | unspecified, from the title first, then the text.

Field roles run from a home office are remote. Where several modes are offered, remote wins if
any candidate may work fully remote, else hybrid (GUIDELINES.md). Sets ``doc._.work_mode`` =
{"mode": ..., "evidence": [{start, end}]}; the title is read from ``doc._.title``.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from analysis.text import finditer_near, for_lowered, keyword_windows
from analysis.components.sections import block_at, doc_lower, doc_text, section_at

# Each pattern opens with a look-ahead of the characters its matches can start with: the engine
# skips every other position at once instead of trying each alternative there. Alternatives that
# start at a word boundary share one ``\b(?:...)`` (in their order): inside a word one test fails
# them all (three times faster than a ``\b`` per alternative; the same matches).
_REMOTE = re.compile(
    r"(?=[fcep1rjowhl#utv\s])(?:\b(?:(?:fully|100\s?%|completely|entirely|full[- ]time|permanently)\s+remote\b|"
    r"(?:roles|positions|jobs) are (?:fully |100% )?remote\b|"
    r"remote[- ](?:position|role|job|opportunity|work|working|employee|based|eligible|friendly|"
    r"worker|team member)\b|"
    r"(?:position|role|job|opportunity) (?:is|will be|can be)\s+(?:a\s+)?(?:fully\s+|100% )?remote\b|"
    r"work(?:ing)?\s+(?:from|at)\s+home\b|work[- ]from[- ]home\b|wfh\b|home[- ]based\b|home office\b|"
    r"work(?:ing)? remotely\b|remotely\b)|#LI-Remote|\b(?:location\s*:?\s*remote\b|remote\s*(?:\(|,|-|–|—)\s*"
    r"(?:US|USA|United States|U\.S\.|anywhere|nationwide|CA|Canada)|(?:US|USA|U\.S\.)[- ](?:based )?remote\b|"
    r"this is a remote\b|remote\s*$)|^\s*remote\b|\b(?:virtual (?:position|role)\b|teleworks?\b)|telecommut)", re.I | re.M)
_DAY = r"(?:mon|tues|wednes|thurs|fri)days?"
_HYBRID = re.compile(
    r"(?=[h#\dotfiapr])(?:\bhybrid\b|#LI-Hybrid|\b(?:(?:\d|one|two|three|four)\s+days?\s+(?:a|per|each)\s+week\s+(?:in|at|from)\s+(?:the|our)?\s*"
    r"(?:office|site|campus|hq)|(?:in|from|at)[- ](?:the |our )?office\s+(?:\w+\s+){0,2}(?:\d|one|two|three|four)\s+days|"
    r"(?:[1-4]|one|two|three|four)\s+days?\s+(?:in|at)\s+(?:the\s+|our\s+)?(?:office|site)\b|"
    r"partially remote\b|flexible work(?:ing)? (?:model|arrangement)\b|"
    rf"office\b[^.\n]{{0,40}}\b{_DAY}\b[^.\n]{{0,60}}\bremote|remote\b[^.\n]{{0,30}}\b(?:on|each) {_DAY}))", re.I)
_ONSITE = re.compile(
    r"(?=[ibawprlo1fc#n])(?:\b(?:(?:is|be|are|work|works|working|based|position|role|located|report|reports)\s+(?:\w+\s+){0,2}?"
    r"(?:on[- ]?site|in[- ](?:the )?office|in[- ]person)\b|"
    r"(?:on[- ]?site|in[- ]office|in[- ]person)\s+(?:role|position|job|work|presence|schedule|requirement|attendance)\b|"
    r"(?:100\s?%|fully|full[- ]time|completely)\s+(?:on[- ]?site|in[- ]office|in[- ]person|office[- ]based)\b)|#LI-Onsite|"
    r"\b(?:not (?:a )?remote\b|no remote\b|not eligible for remote|remote work is not\b|"
    r"report (?:daily )?to (?:the|our) (?:office|facility|site)\b|work(?:s)? from (?:our|the) (?:office|facility)\b|"
    # a location label naming the mode: "Work Location: In person", "Location: Onsite"
    r"(?:work )?location\s*:\s*(?:on[- ]?site|in[- ]person|in[- ]office)\b))", re.I)
# Onsite too: the role placed at a workplace: "will primarily work at the new Riverside Research
# Center", "will be based at our Dayton plant" (not a home office). Run apart, only near its own
# keys (few texts hold them; the words named need none of the main keys).
_WORKPLACE = re.compile(
    r"(?=w)\bwill (?:primarily |mainly )?(?:work|be based|be located) (?:at|out of) (?:the |our |a )?(?:(?!home\b)[\w-]+ ){0,5}?"
    r"(?:office|center|centre|facility|site|campus|plant|headquarters|hq|lab|laboratory|warehouse|branch|store)s?\b"
    r"(?!\s+of\b)", re.I)  # "will work at the center of our growth plans" is a figure of speech
_WORKPLACE_KEYS = ("work at", "ed at", "out of")
_NOT_MODE = re.compile(r"remote (?:monitoring|patient|access|sensing|support|desktop|management|diagnostics|"
                       r"troubleshooting|control|server|teams? (?:across|around))", re.I)

_KEYS = ("remote", "hybrid", "home", "office", "on-site", "onsite", "on site", "in-person", "in person",
         "virtual", "telecommut", "telework", "wfh", "#li-", "days a week", "days per week", "days each week",
         "report to", "report daily")


def _hits(rx: re.Pattern, text: str, doc: Doc, windows: list[tuple[int, int]], low: str) -> list[re.Match]:
    """Matches of ``rx`` (one of the _L patterns: run on ``low``, the text lower-cased) that
    state this role's mode."""
    out = []
    for m in finditer_near(rx, low, windows):
        section = section_at(doc, m.start())
        if section == "legal":
            continue
        if section == "benefits" and _PERK.search(_sentence(text, m.start(), block_at(doc, m.start()))):
            continue  # "work-from-home stipend", "the option of a hybrid schedule": perks, not the role
        if rx is _REMOTE_L and _NOT_MODE.match(text, m.start()):
            continue
        if _lists_modes(text, m.start()):
            continue  # "we offer fully office-based, fully remote, or hybrid roles": a policy, not this role
        out.append(m)
    return out


_PERK = re.compile(r"stipend|allowance|reimburs|perk|option|may be available|schedule|equipment|"
                   r"\?|we got you|setup", re.I)


def _sentence(text: str, pos: int, block: dict | None = None) -> str:
    """The sentence around ``pos``, inside its block when one is given (bullets glued together
    without a stop are separate statements: "holidaysRemote work environmentHome office setup")."""
    lo, hi = (block["start_char"], block["end_char"]) if block and block["start_char"] <= pos else (0, len(text))
    a = max(text.rfind(".", lo, pos), text.rfind("\n", lo, pos), text.rfind("!", lo, pos), lo - 1) + 1
    ends = [i for i in (text.find(".", pos, hi), text.find("\n", pos, hi), text.find("!", pos, hi)) if i >= 0]
    return text[a:min(ends) if ends else hi]


def _lists_modes(text: str, pos: int) -> bool:
    sentence = _sentence(text, pos)
    kinds = sum(bool(re.search(rx, sentence, re.I)) for rx in (r"\bremote", r"\bhybrid", r"office[- ]based|on[- ]?site|in[- ]office"))
    return kinds >= 3 or (kinds == 2 and re.search(r",\s*(?:or|and)\b|\bor\b", sentence) is not None
                          and not _HYBRID.search(sentence))


def decide(title: str, doc: Doc) -> dict:
    title = title or ""
    if _HYBRID.search(title):
        return {"mode": "hybrid", "evidence": []}
    if re.search(r"\bremote\b|\bhome[- ]based\b|\bwork from home\b|\bvirtual\b", title, re.I):
        return {"mode": "remote", "evidence": []}
    if re.search(r"\bon[- ]?site\b|\bin[- ]office\b", title, re.I):
        return {"mode": "onsite", "evidence": []}
    text, low = doc_text(doc), doc_lower(doc)
    windows = keyword_windows(text, _KEYS, before=90, after=90, lowered=low)
    remote, hybrid, onsite = (_hits(rx, text, doc, windows, low) for rx in (_REMOTE_L, _HYBRID_L, _ONSITE_L))
    workplace_windows = keyword_windows(text, _WORKPLACE_KEYS, before=60, after=100, lowered=low)
    if workplace_windows:
        onsite = sorted(onsite + _hits(_WORKPLACE_L, text, doc, workplace_windows, low), key=lambda m: m.start())
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


def _for_lowered(rx: re.Pattern) -> re.Pattern:
    """``rx`` with its capitalised names ("#LI-Remote", "USA") written in lower case, compiled to
    run on the lower-cased text (``analysis.text.for_lowered``: twice as fast as re.I)."""
    source = rx.pattern
    for name in ("#LI-Remote", "#LI-Hybrid", "#LI-Onsite", "United States", "Canada", "USA", "US", "U\\.S\\.", "CA"):
        source = source.replace(name, name.lower())
    return for_lowered(re.compile(source, rx.flags))


_REMOTE_L, _HYBRID_L, _ONSITE_L, _WORKPLACE_L = map(_for_lowered, (_REMOTE, _HYBRID, _ONSITE, _WORKPLACE))


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
