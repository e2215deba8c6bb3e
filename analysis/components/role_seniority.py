"""Role family and seniority, from the title first and the text second (GUIDELINES.md).

role_family: account_management (account manager / executive / director / coordinator, client
relationship, customer success, provider / partner relationship) | sales (sales reps, SDR / BDR,
business development, sales managers and engineers, telesales) | other.
seniority: title level markers first (intern, junior / associate / I -> entry, senior / Sr. / II /
III / staff / lead -> senior, director / head / VP / C-level -> director_plus); a title "Manager"
is ``manager`` only when the text says the role manages people; else ``mid``. A title naming two
levels ("Account Manager / Sr. Account Manager") takes the first one named.
Sets ``doc._.role_family`` and ``doc._.seniority`` (each {"value", "evidence"}).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from analysis.components.sections import doc_lower, doc_text
from analysis.text import finditer_near, keyword_windows

_AM = re.compile(
    r"\baccount\s+(?:manager|executive|director|coordinator|lead|management|representative|rep|strategist|"
    r"specialist|partner)\b|\b(?:client|customer)\s+(?:relationship|success|partner)\s*(?:manager|executive|lead|"
    r"director|specialist|partner|associate|representative)?\b|\b(?:provider|partner|partnership|"
    r"relationship)\s+(?:relations(?:hip)?\s+)?(?:manager|executive)\b|\bkey accounts?\b|\bKAM\b|\b(?:AM|AE)\b(?=\s*[-,(|]|$)", re.I)
_SALES = re.compile(
    r"\bsales\b|\bSDR\b|\bBDR\b|\bbusiness development\b|\btelesales\b|\bsales[- ]?person\b|\bselling\b|"
    r"\bbusiness developer\b|\b(?:inside|outside|field)\s+(?:rep|representative)\b|\bterritory (?:manager|representative)\b", re.I)

_INTERN = re.compile(r"\bintern(?:ship)?s?\b|\bco-?op\b|\bapprentice", re.I)
_DIRECTOR = re.compile(r"(?<!\bart )(?<!\bcreative )\bdirector\b|\bhead\s+(?:of\b|\()|\bhead$|\bVP\b|\bSVP\b|\bEVP\b|\bAVP\b|\bvice[- ]president\b|"
                       r"\bchief\b|\bC[EFOTRM]O\b|\bpresident\b|\bpartner\b(?! (?:manager|success|relations|marketing))", re.I)
_SENIOR = re.compile(r"\bsenior\b|\bsr\b\.?|\bsnr\b|\bII\b|\bIII\b|\bIV\b|\bIII?[a-c]\b|\bstaff\b(?! (?:accountant|nurse|member|assistant|writer|"
                     r"attorney|auditor|pharmacist|engineer i\b))|\blead\b(?!\s*gen)|\bprincipal\b|\bexpert\b|\b(?:level\s*)?[2-9]\s*$", re.I)
_ENTRY = re.compile(r"\bjunior\b|\bjr\b\.?|\bassociate\b(?! (?:director|manager|vice|partner|professor))|\bI\b(?!\s*[/&-]\s*I)|"
                    r"\bentry[- ]level\b|\bgraduate\b|\btrainee\b|\bassistant\b|\bnew grad|\blevel\s*1\b|\b1\s*$", re.I)
_MANAGER_TITLE = re.compile(r"\bmanager\b|\bsupervisor\b|\bteam lead(?:er)?\b|\bmgr\b", re.I)
_PEOPLE = r"(?:teams?|staff|employees|department|group|people|reports|direct reports|teammates|analysts|consultants|associates|" \
          r"representatives|reps|managers|supervisors|specialists|engineers|accountants|coordinators|agents|members)"
# The look-ahead: first characters of every alternative (fast scan); the alternatives after the
# second share one \b(?:...) (inside a word one test fails them all; the same matches).
_MANAGES_PEOPLE = re.compile(
    r"(?=[dmlsobhcptrg])(?:\bdirect reports?\b|(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))(?:manag(?:e|es|ing)|lead(?:s|ing)?|supervis(?:e|es|ing)|oversee(?:s|ing)?|build(?:s|ing)?|"
    r"hir(?:e|es|ing)|coach(?:es|ing)?|mentor(?:s|ing)?|develop(?:s|ing)?)\s+(?:and\s+\w+\s+)?(?:a|the|our|your|their|his|her)?\s*"
    rf"(?:[\w-]+\s+){{0,2}}{_PEOPLE}\b(?!\s+(?:members? to|of (?:experts|professionals) to))|"
    r"\b(?:people (?:management|manager|leader)\b|team of \d+\b|performance (?:reviews|evaluations|appraisals)\b|"
    rf"(?:recruit|hire|hiring)\b[^.\n]{{0,30}}\b(?:develop|train|coach|manag|retain)\w*\b[^.\n]{{0,20}}\b{_PEOPLE}|"
    r"(?:development|growth|career growth) (?:of|for) (?:a |the |your )?(?:[\w-]+ ){0,4}team\b|"
    r"supervis(?:or|ory) (?:role|position|experience|responsibilit)|supervis(?:e|es|ing) (?:the|a|all)\b))", re.I)
# The role named team leader: a duty line opening with it, or "serves as (a) team lead". Found by
# str.find and a look back (a look-behind in _MANAGES_PEOPLE would be tried at every word).
_TEAM_LEADER_BEFORE = re.compile(r"(?:\n ?|\bas (?:an? |the )?)$")
_ENTRY_TEXT = re.compile(r"(?=[ekslbrn])(?:\bentry[- ]level\b|\b(?:kick[- ]?start|start|launch|begin) (?:your|a|their) (?:professional )?career\b|"
                         r"\bearly[- ]career\b|\brecent (?:college |university )?grad|\bno (?:prior )?experience (?:is )?(?:required|necessary|needed)\b)", re.I)


_PEOPLE_KEYS = ("team", "staff", "employee", "department", "group", "people", "report", "teammate", "analyst",
                "consultant", "associate", "representative", "reps", "manager", "supervis", "specialist",
                "engineer", "accountant", "coordinator", "agent", "member", "performance", "growth")
_ENTRY_KEYS = ("entry", "career", "grad", "no experience", "no prior")


def _near(rx: re.Pattern, text: str, keys: tuple[str, ...], before: int, after: int, low: str | None) -> bool:
    windows = keyword_windows(text, keys, before=before, after=after, lowered=low)
    return next(finditer_near(rx, text, windows), None) is not None


# A title part that names no role: the work mode or a hiring call ("100% Remote || Project Manager").
_NOT_A_ROLE = re.compile(r"^\W*(?:\d+\s*%\s*|fully\s+)?(?:remote|hybrid|on[- ]?site|in[- ]office|work from home|wfh|"
                         r"(?:now\s+|urgently\s+)?hiring|urgent)\W*$", re.I)


def first_title_part(title: str) -> str:
    """The first role a title names: 'Account Manager / Sr. Account Manager' -> 'Account Manager'."""
    title = re.sub(r"\([^)]*\)", " ", title or "")
    parts = re.split(r"\s*(?:/|\|\||\bor\b)\s*", title)
    return next((p for p in parts if re.search(r"[A-Za-z]{2}", p) and not _NOT_A_ROLE.match(p)), title)


# The title restated near the top of the text ("Job Title: Account Executive II"), often with the
# level the short title left out.
_TEXT_TITLE = re.compile(r"^[^\w\n]*(?:job|role|position)[ \t]*title[ \t]*:[ \t]*([^\n]{3,100})$", re.I | re.M)
_TITLE_LEVELS = ((_INTERN, "intern"), (_DIRECTOR, "director_plus"), (_SENIOR, "senior"), (_ENTRY, "entry"))


# A level marker alone in brackets: "Account Manager (Senior)" (other brackets hold places or
# work modes and are set aside).
_BRACKETED_LEVEL = re.compile(r"\(\s*((?:senior|sr|snr|junior|jr|lead|principal|entry[- ]level|intern)\.?)\s*\)", re.I)


def _title_level(title: str, part: str | None = None) -> str | None:
    """The level marker of a title (``part``: its first role, when already known)."""
    part = first_title_part(title) if part is None else part
    bracketed = _BRACKETED_LEVEL.search(title) if "(" in title else None
    if bracketed:
        part = f"{part} {bracketed.group(1)}"
    return next((level for rx, level in _TITLE_LEVELS if rx.search(part)), None)


# When the title names no family, the text may: "Department: Sales", or a role line near the top.
_DEPARTMENT = re.compile(r"\bdepartment\s*:\s*(sales|business development|account management|customer success)\b", re.I)
_ROLE_LINE = re.compile(r"^[\W_]*([A-Za-z][A-Za-z &/-]{3,60}?(?:consultant|representative|rep|executive|manager|associate|"
                        r"advisor|specialist))[\W_]*$", re.I | re.M)


def role_family(title: str, text: str) -> str:
    first = first_title_part(title)
    for candidate in (first, title):
        family = _family(candidate)
        if family:
            return family
    head = text[:1200]
    m = _DEPARTMENT.search(head)
    if m:
        return "account_management" if re.search(r"account|customer", m.group(1), re.I) else "sales"
    for line in head.splitlines():
        if len(line) <= 70:
            m = _ROLE_LINE.match(line)
            family = _family(m.group(1)) if m else None
            if family:
                return family
    return "other"


def _family(phrase: str) -> str | None:
    if _AM.search(phrase):
        return "account_management"
    if _SALES.search(phrase):
        return "sales"
    return None


def seniority(title: str, text: str, low: str | None = None) -> str:
    """The seniority level (``low``: the text lower-cased by ``analysis.text.lowered``, if known)."""
    part = first_title_part(title)
    level = _title_level(title, part)
    if level:
        return level
    has_title_label = (low if low is not None else text).find("itle", 0, 2000) >= 0  # most texts: no
    restated = _TEXT_TITLE.search(text, 0, 2000) if has_title_label else None
    level = _title_level(restated.group(1)) if restated else None
    if level:
        return level
    if _MANAGER_TITLE.search(part) and (_near(_MANAGES_PEOPLE, text, _PEOPLE_KEYS, 110, 40, low)
                                         or _named_team_leader(low if low is not None else text.lower())):
        return "manager"
    if _near(_ENTRY_TEXT, text, _ENTRY_KEYS, 40, 40, low):
        return "entry"
    return "mid"


def _named_team_leader(low: str) -> bool:
    """Does the (lower-cased) text name the role team leader ("Team leader for ...", "as a team lead")?"""
    i = low.find("team lead")
    while i >= 0:
        if _TEAM_LEADER_BEFORE.search(low, max(0, i - 7), i):
            return True
        i = low.find("team lead", i + 9)
    return False


for _name in ("title", "role_family", "seniority"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory("amscout_role_seniority")
def make_role_seniority(nlp: Language, name: str):
    return RoleSeniorityComponent()


class RoleSeniorityComponent:
    def __call__(self, doc: Doc) -> Doc:
        title, text = doc._.title or "", doc_text(doc)
        doc._.role_family = role_family(title, text)
        doc._.seniority = seniority(title, text, doc_lower(doc))
        return doc
