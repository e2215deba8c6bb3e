"""Salary: the pay stated in the text, as {min, max, period, currency, kind, text, start, end}.

"$60,000 - $80,000 per year", "$60K-$80K", "$25/hr", "OTE $120K", "between $X and $Y".
The period is read from the words around the figure first ("per hour", "annually", "monthly"),
from the magnitude only when no word says it. ``kind`` is ``ote`` for on-target / total target
earnings, ``base`` where the text says base, salary, wage or pay rate, else ``unspecified``.
With several ranges (by location or level) the first one stated is the one for this role.
Amounts that are company facts ("$750 million", "$5B revenue") are not pay.
Sets ``doc._.salary`` (or None); ``annual_min`` / ``annual_max`` are annualised for reports.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from analysis.text import finditer_near, for_lowered, keyword_windows

from analysis.components.sections import doc_lower, doc_text

ANNUAL_FACTOR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}

_CUR = r"(?:US\s?\$|USD\s?\$?|CAD\s?\$?|C\$|A\$|\$|£|€)"
_AMT = r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?"
_K = r"(?:\s?(?:[kK]\b|thousand\b))"
_BIG = r"(?:\s?(?:[mMbB]\b|mm\b|MM\b|million|billion|bn\b|trillion))"
def _one(i: int) -> str:
    return rf"(?P<cur{i}>{_CUR})\s?(?P<amt{i}>{_AMT})(?P<k{i}>{_K})?(?P<big{i}>{_BIG})?(?:\s?(?P<code{i}>USD|CAD|GBP|EUR))?"



_SEP = r"\s*(?:-|–|—|to(?: an? (?:maximum|max|high) of)?|and|through|up to|/-)\s*"
# Words that may stand between the low figure and the separator: "$60.00 USD Hourly - $65.00".
_MID = r"(?:\s?(?:USD|CAD|GBP|EUR))?(?i:\s?(?:annually|hourly|per (?:hour|year|annum)|/\s?(?:yr|hr|hour|year)\.?|a year|an hour))?"
_RANGE = re.compile(  # the look-ahead: a currency starts here (the engine skips other positions fast)
    r"(?=[UCA$£€])" + _one(1) + rf"(?:{_MID}{_SEP}(?P<cur2>{_CUR})?\s?(?P<amt2>{_AMT})(?P<k2>{_K})?(?P<big2>{_BIG})?"
    rf"(?:\s?(?P<code2>USD|CAD|GBP|EUR))?)?")
# A figure without a currency sign, e.g. "60,000 - 80,000 USD" or "salary: 60K-80K".
_BARE = re.compile(
    rf"(?=\d)(?<![\w.$])(?P<amt1>{_AMT})(?P<k1>{_K})?"
    rf"{_SEP}(?P<amt2>{_AMT})(?P<k2>{_K})?\s?(?P<code2>USD|CAD|GBP|EUR|dollars)?")

_PERIODS = [
    ("hour", r"per\s+hour|an\s+hour|/\s?h(?:ou)?r\b|hourly|p/h\b|/\s?hour|\bph\b|per\s+hr\b|hr\.?\b"),
    ("day", r"per\s+day|a\s+day|/\s?day\b|daily(?:\s+rate)?|day\s+rate"),
    ("week", r"per\s+week|a\s+week|/\s?w(?:ee)?k\b|weekly"),
    ("month", r"per\s+month|a\s+month|/\s?mo(?:nth)?\b|monthly"),
    ("year", r"per\s+(?:year|annum)|a\s+year|/\s?y(?:ea)?r\b|annual(?:ly|ized)?|yearly|p\.?a\.?\b|"
             r"per\s+yr|/\s?annum"),
]
_PERIOD_RES = [(p, re.compile(rx, re.I)) for p, rx in _PERIODS]
# "salary" hints at a yearly figure, but a period word says more: "Monthly salary range: $5,000".
_SALARY_WORD = re.compile(r"salary", re.I)
_OTE = re.compile(r"\bOTE\b|on[- ]target|total target|target(?:ed)? (?:total )?(?:earnings|compensation|cash|comp\b)|"
                  r"total targeted|\bTTC\b|total (?:cash )?compensation.{0,20}(?:commission|bonus)|with commission|"
                  r"including commission|base (?:plus|\+) commission", re.I)
_BASE = re.compile(r"\bbase\b|salary|salaries|\bwages?\b|pay rate|hourly rate|rate of pay|starting pay|pay:", re.I)
_PAY_CONTEXT = re.compile(r"salary|pay\b|compensation|wage|rate|\bOTE\b|earn|base|range|hourly|annual|per (?:year|hour|annum)|"
                          r"/\s?(?:hr|hour|yr|year)|total target|income|bonus|commission", re.I)
_NOT_PAY = re.compile(r"revenue|raised|funding|valuation|in sales\b|budget|portfolio|deal size|quota|bonus of|"
                      r"sign[- ]on|signing|stipend|reimburse|allowance|referral|relocation|tuition|per (?:month )?for|"
                      r"worth|market|saving|spend|assets", re.I)


# "Min: $138,800 ... Max: $208,200" (figures on their own labelled lines).
_LABELLED = re.compile(
    rf"\bmin(?:imum)?\b[^$\d\n]{{0,12}}\s*(?P<cur1>{_CUR})?\s?(?P<amt1>{_AMT})(?P<k1>{_K})?[^\d$]{{0,60}}?"
    rf"(?:\bmid(?:point|dle)?\b[^$\d\n]{{0,12}}\s*{_CUR}?\s?(?:{_AMT}){_K}?[^\d$]{{0,60}}?)?\bmax(?:imum)?\b[^$\d\n]{{0,12}}\s*(?P<cur2>{_CUR})?\s?(?P<amt2>{_AMT})(?P<k2>{_K})?", re.I)


# One-off payments and allowances are never the pay of the role.
_ONE_OFF = re.compile(r"sign[- ]on|signing|stipend|referral|relocation|reimburse|allowance|tuition", re.I)


def _value(amt: str, k: str | None) -> float:
    v = float(amt.replace(",", ""))
    return v * 1000 if k else v


def _period(text: str, start: int, end: int, low: float) -> str:
    after = text[end:end + 45]
    after = re.split(r"[.;\n]\s", after, maxsplit=1)[0]
    before = text[max(0, start - 90):start]
    before = re.split(r"[.;\n]\s", before)[-1]
    for window in (after, before):
        hits = [(m.start(), p) for p, rx in _PERIOD_RES for m in [rx.search(window)] if m]
        if hits:
            # nearest word to the figure
            pos, period = (min(hits) if window is after else max(hits))
            return period
    if low >= 200 and (_SALARY_WORD.search(after) or _SALARY_WORD.search(before)):
        return "year"  # "salary ... $25/hr": the magnitude of an hourly figure wins over "salary"
    if low < 300:
        return "hour"
    if low < 20000:
        return "month"
    return "year"


def _kind(low: str, start: int, end: int) -> str:
    """ote / base / unspecified from the cue nearest the figure ("$65K base / $130K OTE": base),
    read on ``low``, the text lower-cased (``analysis.text.lowered``).

    A label before the figure ("Base Salary: $51,500") beats a word after it; a figure with no cue
    at all is plain pay (base); "compensation" or "pay range" alone leaves it unspecified.
    """
    a, b = max(0, start - 160), min(len(low), end + 90)
    best = None
    for kind, rx in (("ote", _OTE_L), ("base", _BASE_L)):
        for m in rx.finditer(low, a, b):
            distance = start - m.end() if m.end() <= start else 10 + m.start() - end
            if best is None or max(0, distance) < best[0]:
                best = (max(0, distance), kind)
    if best:
        return best[1]
    return "unspecified" if _UNSPECIFIED_L.search(low, a, b) else "base"


_UNSPECIFIED = re.compile(r"compensation|pay (?:range|scale|band)|salary range|earnings|\bpay\b|\brange\b", re.I)


# What every _BARE match holds (its first figure's last digit to its second figure's first), found
# by a scan for digits.
_BARE_HINT = re.compile(rf"\d{_K}?{_SEP}\d")
# Figures without a currency sign count only near one of these words.
_BARE_KEYS = ("usd", "cad", "gbp", "eur", "dollars", "salary", "pay range", "compensation", "wage", "ote")


def _candidates(text: str, lowered: str):
    money = keyword_windows(text, (), ("$", "£", "€", "USD", "CAD"), before=12, after=140)
    for m in finditer_near(_RANGE, text, money):
        if m.group("big1") or m.group("big2"):
            continue
        k1, k2 = m.group("k1"), m.group("k2")
        low = _value(m.group("amt1"), k1)
        high = _value(m.group("amt2"), k2) if m.group("amt2") else None
        if high is not None and k2 and not k1 and low < 1000:
            low *= 1000  # "$60-80K"
        yield m, low, high, m.group("code1") or m.group("code2"), m.group("cur1")
    labelled = keyword_windows(text, ("min",), before=2, after=200, lowered=lowered) if "max" in lowered else []
    for m in finditer_near(_LABELLED, text, labelled):
        if m.group("cur1") or m.group("cur2"):
            yield m, _value(m.group("amt1"), m.group("k1")), _value(m.group("amt2"), m.group("k2")), None, m.group("cur1")
    # Most postings hold no figure-separator-figure at all: then no window is worth finding.
    bare_windows = keyword_windows(text, _BARE_KEYS, before=40, after=100, lowered=lowered) if _BARE_HINT.search(text) else []
    for m in finditer_near(_BARE, text, bare_windows):
        k1, k2 = m.group("k1"), m.group("k2")
        low, high = _value(m.group("amt1"), k1), _value(m.group("amt2"), k2)
        if k2 and not k1 and low < 1000:
            low *= 1000
        context = text[max(0, m.start() - 60):m.start()]
        if not (m.group("code2") or re.search(r"salary|pay range|compensation|wage|OTE", context, re.I)):
            continue
        if low < 1000 and not re.search(r"hour|hr\b", text[m.end():m.end() + 20] + context, re.I):
            continue
        yield m, low, high, m.group("code2"), None


def find_salary(doc: Doc) -> dict | None:
    text, lowered_text = doc_text(doc), doc_lower(doc)
    best = None
    for m, low, high, code, cur in _candidates(text, lowered_text):
        if high is not None and high < low:
            low, high = high, low
        if low <= 0 or (high is not None and high > 20 * max(low, 1) and low >= 100):
            high = None if high and high > 20 * low else high
        if low < 7:
            continue
        # the cues around the figure, read on the lower-cased text
        before = lowered_text[max(0, m.start() - 80):m.start()]
        after = lowered_text[m.end():m.end() + 40]
        single = high is None or m.group("amt2") is None
        near = before[-40:] + " " + after[:25]
        if _ONE_OFF_L.search(near) or (_NOT_PAY_L.search(near) and not _PAY_CONTEXT_L.search(before[-30:])):
            continue
        if single and not _PAY_CONTEXT_L.search(before[-60:] + " " + after):
            continue
        hi = high if high is not None else low
        cand = (m.start(), m, low, hi, code, cur)
        if best is None or cand[0] < best[0]:
            best = cand
    if best is None:
        return None
    start, m, low, hi, code, cur = best
    period = _period(text, m.start(), m.end(), low)
    currency = _currency(code, cur)
    return {
        "min": _clean(low), "max": _clean(hi), "period": period, "currency": currency,
        "kind": _kind(lowered_text, m.start(), m.end()), "text": text[m.start():m.end()],
        "start": m.start(), "end": m.end(),
        "annual_min": round(low * ANNUAL_FACTOR[period], 2), "annual_max": round(hi * ANNUAL_FACTOR[period], 2),
    }


def _currency(code: str | None, cur: str | None) -> str:
    if code and code.upper() in ("USD", "CAD", "GBP", "EUR"):
        return code.upper()
    cur = (cur or "").upper()
    if cur.startswith("CAD") or cur == "C$":
        return "CAD"
    if cur == "A$":
        return "AUD"
    return {"£": "GBP", "€": "EUR"}.get(cur, "USD")


def _clean(x: float):
    return int(x) if float(x).is_integer() else round(x, 2)


# The case-insensitive cues compiled to run on the lower-cased text (``analysis.text.for_lowered``:
# twice as fast as re.I); acronyms are written in lower case for it.
_OTE_L, _PAY_CONTEXT_L = (for_lowered(re.compile(rx.pattern.replace("OTE", "ote").replace("TTC", "ttc"), rx.flags))
                          for rx in (_OTE, _PAY_CONTEXT))
_BASE_L, _UNSPECIFIED_L, _ONE_OFF_L, _NOT_PAY_L = map(for_lowered, (_BASE, _UNSPECIFIED, _ONE_OFF, _NOT_PAY))


if not Doc.has_extension("salary"):
    Doc.set_extension("salary", default=None)


@Language.factory("amscout_salary")
def make_salary(nlp: Language, name: str):
    return SalaryComponent()


class SalaryComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.salary = find_salary(doc)
        return doc
