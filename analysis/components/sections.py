"""Sections: which part of the posting each line or bullet belongs to.

A posting mixes requirements with duties, benefits, a company blurb and legal text; the other
components must know which is which (a "5 years" in the company blurb is not an experience
requirement, a skill in the EEO statement is not a skill). This component cuts the text into
blocks (lines, and bullets glued together without a newline), recognises headings, and gives
every block a section: requirements | preferred | responsibilities | benefits | company | legal |
other. It never changes the text: blocks are character offsets into ``doc.text``.

Exported helpers (used by the other components):
- ``section_at(doc, char)``: the section of the block that holds ``char``.
- ``required_at(doc, start, end)``: True / False / None for a span (requirement, preferred, unsaid).
- ``is_requirement_like(doc, start, end)``: may a skill be read from this span?
- ``clause_at(doc, start, end)``, ``block_at(doc, char)``: the sentence / block around a span (cached).
- ``doc_text(doc)``: ``doc.text`` computed once per Doc (spaCy rebuilds it on every access).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from analysis.text import KeyedPattern, for_lowered, gathered, lowered, lowered_once, split_blocks, split_clauses

SECTIONS = ("requirements", "preferred", "responsibilities", "benefits", "company", "legal", "other")

# Heading cues, tried in this order (the first that matches wins: "Preferred Qualifications"
# is preferred, "Minimum Qualifications" is requirements).
_HEADING_CUES = [
    ("other", r"^\W*(?:work |job |position )?(?:location|locations|where you('ll| will) work|schedule|work (?:environment|"
              r"arrangement|model|setting)|travel|position (?:type|details)|job (?:type|details)|shift|"
              r"(?:additional|other|important|general|posting) information|employment (?:type|status)|"
              r"employee (?:type|status)|requisition)\b"),
    ("legal", r"equal (employment )?opportunit|\beeo\b|e-verify|disclaimer|accommodation|privacy|"
              r"non-?discrimination|diversity|inclusion|affirmative action|know your rights|"
              r"pay transparency|fraud|recruitment scam|legal"),
    ("preferred", r"prefer|nice[- ]to[- ]ha|bonus (points|skills|qualifications)|\bplus(es)?\b|desir|"
                  r"additional (qualifications|skills)|ideal(ly)?\b(?! candidate)|stand out|extra credit|put you ahead|"
                  r"set you apart|differentiat|we(?:'d| would) love (?:it )?if you|"
                  r"good[- ]to[- ]have|not required|non-?essential|not essential|optional"),
    ("benefits", r"benefit|perks?\b|what we offer|we offer|offers? you\b|compensation|salary|\bpay\b|pay range|"
                 r"total rewards|rewards|why (join|work|you('ll| will) love)|what'?s in it for (you|me)|"
                 r"our offer|package|in return|you will benefit|wellness|time off|we give you|"
                 r"you(?:'ll| will)? (?:get|receive|enjoy)\b(?! to\b)"),
    ("requirements", r"qualif|requirement|required|requires\b|must[- ]have|what you('ll)? (bring|need|have)|"
                     r"what you will (bring|need)|you (bring|have|are|need)\b|who you are|what('s| is) needed|"
                     r"ideal candidate|looking for|look for|skills|experience|education|competenc|"
                     r"abilities|knowledge|about you|eligib|what (it|we) (takes|need)|"
                     r"successful|expect you|we expect|expect from you|ingredients|profile|minimum|basic|your background|"
                     r"key attributes|personal (attributes|characteristics)|characteristics|"
                     r"credentials|certification|licens|to be considered|you should have|who should apply|"
                     r"you('ll| will)? also (bring|have|need)|thrive if|fit if|is this you|"
                     r"makes? you (a|an) (great|good|strong|ideal|perfect) (fit|match|candidate)"),
    ("responsibilities", r"responsib|duties|what you('ll| will) do|day[- ]to[- ]day|the role|your role|"
                         r"this role|the job|the position|job description|description|accountabilit|"
                         r"essential functions|functions|your impact|the opportunity|opportunity|"
                         r"summary|overview|in this role|mission of the role|you will\b|"
                         r"key (areas|tasks|activities)|primary|scope|the work|what to expect(?! from)|your (mission|tasks)|"
                         r"a day in the life|what you('ll| will) work on|how you('ll| will) (contribute|make an impact)|"
                         r"the impact you|what success looks like"),
    ("company", r"about (us|the company|our|the team|the organi[sz]ation|[A-Za-z]|\w)|who we are|"
                r"our (story|mission|values|culture|company|team)|company (description|overview|profile)|"
                r"why [a-z]+\b|culture|more about|the company|we are\b|what we do\b|life at\b|"
                # "What to expect from us / from Acme": what the employer is and gives, not the job
                r"expect from (?!you\b)"),
]
_HEADING_CUES = [(name, pattern.replace("'", "['’]")) for name, pattern in _HEADING_CUES]
_HEADING_RES = [(name, re.compile(pattern, re.I)) for name, pattern in _HEADING_CUES]
# All cues in one pattern, so that a heading is scanned once; the priority order above still decides.
_HEADING_ANY = re.compile(r"\b(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _HEADING_CUES[1:]) + ")",
                          re.I)
_PRIORITY = {name: i for i, (name, _) in enumerate(_HEADING_CUES)}

# Cues inside a block that classify it when no heading says otherwise.
_BODY_LEGAL = re.compile(
    r"equal (employment )?opportunity|without regard to|regardless of (race|age|sex)|protected veteran|"
    r"sexual orientation|gender identity|national origin|e-verify|affirmative action|disabilit(y|ies) status|"
    r"\beoe\b|privacy (notice|policy)|discriminat|harassment", re.I)
# Legal only outside requirement sections ("must pass a background check" is a requirement).
_BODY_LEGAL_WEAK = re.compile(r"reasonable accommodation|background check|drug screen|applicants? (with|who require)", re.I)
_BODY_BENEFITS = re.compile(
    r"(?<!\d)401\(?k\)?|dental|vision insurance|health insurance|paid time off|\bpto\b|parental leave|"
    r"tuition|employee assistance|wellness|life insurance|retirement (plan|savings)|holidays|"
    r"stock options|equity (grant|package)|commuter|gym|we offer|you('ll| will) (receive|enjoy|get)\b", re.I)
_BODY_COMPANY = re.compile(
    r"\b((?:we are|we're)(?! (?:looking|seeking|hiring|searching|recruiting|in search))|our company|our mission|founded in|headquartered|is a (leading|global)|"
    r"is the (leading|world)|(our|the) (customers|clients) (include|range)|we (help|serve|build|provide)|"
    r"employees (in|across|worldwide)|offices (in|across))\b", re.I)

# Cue phrases that make one statement preferred or required, whatever its section.
PREFERRED_CUE = re.compile(
    r"\b(preferred|preferably|preference|a plus|an? (big |huge |definite )?(plus|advantage|bonus)|"
    r"is a plus|are a plus|pluses|nice[- ]to[- ]have|nice to haves?|bonus( points)?|ideally|"
    r"desired|desirable|advantageous|beneficial|helpful|strongly considered|would be great|"
    r"not required|optional|we'?d love|great to have|good to have)\b", re.I)
# The sections in which every clause asks something of the candidate, and those never read for it.
READ_SECTIONS = ("requirements", "preferred")
NEVER_SECTIONS = ("company", "benefits", "legal")
REQUIRED_CUE = re.compile(r"\b(must|required|requires|requirement|mandatory|essential|minimum|at least|need to have)\b", re.I)

# Statements that name an ability (a skill may be read from them outside requirement sections).
# ABILITY_CUE names an ability; CAPABILITY_CUE also takes words of praise, which say only how well
# something is done ("strong", "proven") but mark a line as asking something of the candidate.
_ABILITY_WORDS = (r"skills?|skilled|abilit(y|ies)|able to|capable|proficien\w*|familiar\w*|knowledge|knowledgeable|"
                  r"experience[ds]? (with|in|using|of|working)|expertise|understanding of|fluen\w*|competen\w*|"
                  r"track record|comfortable (with|in)|command of|mastery|savvy|adept|aptitude|exposure to|background in")
ABILITY_CUE = re.compile(rf"\b({_ABILITY_WORDS})\b", re.I)
CAPABILITY_CUE = re.compile(rf"\b({_ABILITY_WORDS}|strong|excellent|exceptional|outstanding|proven|demonstrated|solid)\b",
                            re.I)

_HEADING_MAX_CHARS = 80
_HEADING_MAX_WORDS = 9
_LEAD_IN_MAX_CHARS = 110
_LEAD_IN_MAX_WORDS = 16
# Lead-ins that announce a list without a colon: "This role requires", "Bonus points if you have",
# "Here is how you will benefit." (a "Here is ..." sentence only introduces what follows).
_LEAD_IN = re.compile(r"(?:(?:this|the) (?:role|position|job) (?:requires|calls for|needs)|"
                      r"(?:bonus|extra) points? (?:if|for)\b.{0,30}|"
                      r"(?:it would be|it['’]s|it is) (?:great|nice|a plus) if you\b.{0,30}|"
                      r"you(?:['’]ll| will)?(?: also)? (?:have|bring|need)|we(?:['’]d| would) love (?:it )?if you\b.{0,30}|"
                      r"here(?:['’]s| is| are) (?:what|how|why|a|an|some|the|our)\b[^.]*\.?)$", re.I)


def _heading_section(label: str) -> str | None:
    """The section a heading text names, or None (the first cue group in priority order).

    Remembered per label: postings share their headings ("Qualifications", "About Us"), and
    the cues scan every character of a label."""
    try:
        return _HEADING_SEEN[label]
    except KeyError:
        pass
    if len(_HEADING_SEEN) >= _HEADING_SEEN_MAX:
        _HEADING_SEEN.clear()
    low = label.lower()  # the cues run case-sensitively on lower-cased text (faster than re.I)
    if _HEADING_OTHER_L.search(low):
        named = _HEADING_RES[0][0]
    else:
        found = {m.lastgroup for m in _HEADING_ANY_L.finditer(low)}
        named = min(found, key=_PRIORITY.get) if found else None
    _HEADING_SEEN[label] = named
    return named


_HEADING_SEEN: dict[str, str | None] = {}
_HEADING_SEEN_MAX = 20_000


_SMALL_WORDS = {"a", "an", "and", "the", "of", "to", "for", "in", "on", "with", "at", "by", "or", "&", "you", "we"}
_NOT_HEADING = re.compile(r"^\W*(\d|strong|excellent|proven|demonstrated|solid|good|great|ability|"
                          r"must(?![- ]haves?\W*$)|minimum of|at least|experience (with|in|using)|"
                          r"(knowledge|understanding) of \w|familiarity with|proficien\w* (in|with|at) \w)", re.I)


def _looks_like_heading(text: str) -> bool:
    """A short line that reads as a heading: 'Qualifications', 'What You'll Bring:', 'BENEFITS'.

    Short bullets ("Strong negotiation skills") are not headings: a heading ends with a colon or
    question mark, is title case or capitals, or is a very short line that starts with its cue.
    """
    if len(text) > _LEAD_IN_MAX_CHARS:  # most lines: decided before any pattern runs
        return False
    if text.startswith(_BULLETS) and not text.rstrip().endswith(":"):
        return False  # "- Important Information": an item of a list (the crawler writes <li> so)
    stripped = text.strip(" \t*#:-–—•?!()")
    if not stripped:
        return False
    end = text.rstrip()
    if end.endswith(")"):  # "Do you have what it takes? (Requirements)"
        end = _TRAILING_LABEL.sub("", end) or end
    # A colon announces a list, so an introducing sentence may be longer ("What you will bring to
    # the team at Acme:"); so may a sentence that says it introduces one ("Here is how you will benefit.").
    colon = end.endswith((":", ":-"))
    words = stripped.split()
    short = len(text) <= _HEADING_MAX_CHARS and len(words) <= _HEADING_MAX_WORDS
    if len(words) > _LEAD_IN_MAX_WORDS or not short and not colon and not _LEAD_IN.match(stripped):
        return False
    if _NOT_HEADING.match(stripped):
        return False
    if not short and not colon or _LEAD_IN.match(stripped):
        return True  # a lead-in
    if end.endswith(".") and not end.endswith("..."):
        return False
    if end.endswith((":", "?", ":-")) or stripped.isupper():
        return True
    content = [w for w in words if w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    title_case = bool(content) and sum(w[0].isupper() for w in content) / len(content) >= 0.6
    if not title_case and not (len(words) <= 4 and words[0].lower().strip("'’") in _HEADING_STARTERS):
        return False
    # "Knowledge of CMMS Systems", "Established Book of Business (Preferred)": items of a list
    return not ((_NAME_WORD.search(stripped) or _flagged_item(stripped)) and _heading_section(stripped) in _LIST_SECTIONS)


# List markers at the start of a line (the crawler writes each <li> as "- ").
_BULLETS = ("- ", "* ", "• ", "· ", "▪ ", "◦ ")


# Where a capitalised item may stand and be taken for a heading ("EEO Statement", "About Acme
# Corp" name no requirement and stay headings).
_LIST_SECTIONS = ("requirements", "preferred", None)


# A capital after the first letter of a word: an acronym or a product name (RHIT, SaaS, FinTech,
# B2B; not "Skills/Knowledge"). Headings name parts of a posting in plain words; a capitalised line
# that names a thing is an item of a list.
_NAME_WORD = re.compile(r"[A-Za-z0-9][a-z0-9]*[A-Z]")


def _flagged_item(text: str) -> bool:
    """An item that carries its own flag ("Established book of business (Preferred)", "Pension
    eligible"): the words before the flag name no part of a posting ("Minimum Required" does)."""
    if text[-1:] not in _FLAG_LAST:  # most lines: the flag words end in none of these letters
        return False
    m = _FLAG_END.search(text)
    return bool(m) and _heading_section(text[:m.start() + 1]) is None


_FLAG_END = re.compile(r"\S\s+\(?(?:strongly |highly )?(?:preferred|required|desired|eligible|a plus)\)?$", re.I)
# The last letters _FLAG_END can end on before an optional ")" ("ſ" is an "s" to re.I).
_FLAG_LAST = "dDeEsSſ)\n"


# A label in brackets after a heading's own words: "(Requirements)", "(Responsibilities)".
_TRAILING_LABEL = re.compile(r"\s*\([^()]{1,40}\)$")

_HEADING_STARTERS = {
    "what", "who", "why", "how", "about", "your", "our", "the", "an", "key", "job", "role",
    "preferred", "required", "requirements", "minimum", "basic", "nice", "bonus", "additional",
    "desired", "education", "qualifications", "responsibilities", "benefits", "perks",
    "compensation", "skills", "experience", "overview", "summary", "description", "duties",
    "essential", "primary", "position", "company", "equal", "salary", "pay", "in", "you", "we",
    "where", "more", "ideal", "must", "knowledge", "competencies", "travel", "working", "physical",
}


# A field and its value on one line: "Location: Leeds", "Shift : Days".
_FIELD = re.compile(r"[^:]{2,40}:\s*[^\s:]")
_INLINE_HEADING = re.compile(r"^\s*([A-Za-z][A-Za-z '’&/()-]{2,60}?)\s*[:\-–—]\s+(?=\S)")


def classify_blocks(text: str, low: str | None = None) -> list[dict]:
    """Blocks of the text with their section and the heading they stand under (``low``: the
    text lower-cased by ``analysis.text.lowered``, when the caller has it)."""
    blocks = []
    current, heading = "other", None
    if low is None:
        low = lowered_once(text)
    for start, end in split_blocks(text):
        line = text[start:end]
        section = None
        if _looks_like_heading(line):
            named = _heading_section(line)
            if named == "other" and _FIELD.match(line):
                named = None  # "Travel: up to 20%" is a field of its own, not a heading for what follows
            if named:
                current, heading = named, line.strip()
                blocks.append({"start_char": start, "end_char": end, "section": named,
                               "heading": heading, "is_heading": True})
                continue
        inline = _INLINE_HEADING.match(line) if ":" in line[:64] or "-" in line[:64] else None
        if inline and len(inline.group(1).split()) <= 5:
            section = _heading_section(inline.group(1))
        if section is None:
            line_low = low[start:end]
            section = _body_section(line_low, current)
            if current in READ_SECTIONS and section == current:
                if _names_other_duties(line_low):
                    section = "responsibilities"  # the list above was a duty list all along
                    _relabel_duty_list(blocks, current, text)
                elif _benefit_line(line_low):
                    section = "benefits"  # this line only: "Paid parental leave" amid requirements
                else:
                    section = _after_requirements(line, line_low) or section
                    if section != current:  # a paragraph about the company or the pay ends the list
                        current, heading = section, None
        blocks.append({"start_char": start, "end_char": end, "section": section,
                       "heading": heading, "is_heading": False})
    return blocks


# "Perform other duties as assigned" closes a list of duties: a list that ends so under a
# requirements-like heading ("What you will bring") is the job's duties, not what it asks.
_OTHER_DUTIES = re.compile(r"\b(?:other|additional) (?:related |similar |job[- ]related |reasonable )?(?:duties|tasks|responsibilities)\b"
                           r"[^.;]{0,40}\bas (?:may be )?(?:assigned|required|needed|directed|requested)\b", re.I)


def _names_other_duties(low: str) -> bool:
    """Does the line (lower-cased) say "other duties as assigned"? (Substring tests first: most
    lines hold neither word.)"""
    return ("other " in low or "additional " in low) and " as " in low and bool(_OTHER_DUTIES_L.search(low))


def _relabel_duty_list(blocks: list[dict], section: str, text: str) -> None:
    """The body blocks read so far under the current heading (``section``) become duties, but
    for items that ask something of the candidate ("Ability to keep the team on track", "3+ years
    of field sales", "Bachelor's degree"): a duty list may hold a requirement. When such items are
    most of the list, it is a requirements list with a stray duty line, and stays as it is."""
    items = []
    for block in reversed(blocks):
        if block["is_heading"] or block["section"] != section:
            break
        items.append(block)
    duties = [b for b in items if not _REQUIREMENT_ITEM.match(text, b["start_char"])]
    if 2 * len(duties) >= len(items):
        for block in duties:
            block["section"] = "responsibilities"


# An item that opens by asking something of the candidate: an ability, knowledge, experience, a
# number of years, a degree, a "must".
_REQUIREMENT_ITEM = re.compile(r"\W*(?:(?:the )?abilit(?:y|ies)|able to|strong|excellent|proven|demonstrated|"
                               r"(?:knowledge|understanding) of|experience[ds]? (?:with|in|using)|proficien\w*|"
                               r"familiar\w*|\d|(?:a |an )?(?:bachelor|master|associate|high school|degree|diploma)|"
                               r"minimum|at least|must)", re.I)


_LEGAL_KEYS = ("equal", "regard", "protected", "orientation", "gender", "national origin", "verify", "affirmative",
               "disabilit", "eoe", "privacy", "discriminat", "harass", "accommodation", "background", "drug",
               "applicant")
_BENEFIT_KEYS = ("401", "dental", "vision", "insurance", "paid time", "pto", "leave", "tuition", "assistance",
                 "wellness", "retirement", "holiday", "stock", "equity", "commuter", "gym", "we offer", "receive",
                 "enjoy", "you'll get", "you will get")
_COMPANY_KEYS = ("we are", "we're", "our company", "our mission", "founded", "headquarter", "is a leading",
                 "is a global", "is the leading", "is the world", "customers include", "clients include",
                 "customers range", "clients range", "we help", "we serve", "we build", "we provide",
                 "employees", "offices")


def _has(line: str, keys: tuple[str, ...]) -> bool:
    for key in keys:
        if key in line:
            return True
    return False


def _applicant_notice(line: str) -> bool:
    """A line (lower-cased) about accommodating applicants that asks nothing of the candidate:
    "If you require a reasonable accommodation to complete the application, email us"."""
    return ("accommodation" in line or "applicant" in line) and not _ASKS.search(line)


def _body_section(line: str, current: str) -> str:
    """Section of a body line (lower-cased): its heading's, unless the line itself is plainly
    legal / benefits. A cue pattern runs only when one of its keywords stands in the line."""
    if _has(line, _LEGAL_KEYS):
        # In a requirements list a background check or an accommodation may be asked ("Valid
        # driver's license and clean background check"); a notice to applicants is still legal.
        legal = _BODY_LEGAL_L.search(line) or (_BODY_LEGAL_WEAK_L.search(line) and (
            current not in READ_SECTIONS or _applicant_notice(line)))
        if legal:
            return "legal"
    if current in ("company", "benefits") and line.startswith("if you") and _CANDIDATE_IF_L.match(line):
        return "other"  # "If you're comfortable with ambiguity, we'd love to hear from you": the candidate
    if current in ("requirements", "preferred", "legal", "benefits"):
        return current
    if _has(line, _BENEFIT_KEYS) and _BODY_BENEFITS_L.search(line):
        return "benefits"
    if current == "other" and _has(line, _COMPANY_KEYS) and _BODY_COMPANY_L.search(line):
        return "company"
    if current == "company" and _ROLE_TALK_L.search(line):
        return "responsibilities"  # "About Acme" followed by what the role does
    return current


# A line that describes the candidate it invites ("If you're driven and curious, apply!"), amid
# the employer's blurb or perks: it asks something of the candidate.
_CANDIDATE_IF = re.compile(r"if you(?:['’]re| are| have)\b(?! (?:a |an )?(?:individual with|disabilit|based in|resident|employee|"
                           r"current|require|need))", re.I)


# After a requirements list, a paragraph in the company's voice or about the pay ends the list.
_PARAGRAPH_WORDS = 12
_COMPANY_VOICE = re.compile(r"\b(?:we|we're|we’re|we've|we’ve|our|us)\b")
_CANDIDATE_TALK = re.compile(r"\b(?:you|your|you're|you’re|you'll|you’ll|candidates?|applicants?|experience[ds]?|skills?|"
                             r"abilit(?:y|ies)|knowledge|proficien\w*|degree|required|must|preferred|familiar\w*)\b")
# What a requirement asks for (a benefit speaks to "you" too: "time off for your family").
_ASKS = re.compile(r"\b(?:candidates?|applicants?|experience[ds]?|skills?|abilit(?:y|ies)|able to|knowledge|"
                   r"proficien\w*|degree|required|must|preferred|familiar\w*)\b")
# A benefit word in a requirement: selling insurance, holding a life insurance licence.
_SELLS_OR_HOLDS = re.compile(r"licen[cs]|certifi|\bsell|\bsales\b|\bproducts?\b|\bindustry\b|\bmarket")
_PAY_TALK = re.compile(r"\b(?:salary|salaries|pay|compensation|wages?|hourly rate|ote|commission)\b")
_REWARDS_KEYS = ("benefits", "rewards", "perks")
_REWARDS_TALK = re.compile(r"\b(?:benefits|total rewards|perks|salary and benefits|compensation and benefits)\b")
_PAY_FIGURE = re.compile(r"\$\s?\d|\b(?:range|usd|per (?:hour|year|annum))\b")


def _after_requirements(line: str, low: str) -> str | None:
    """'company' or 'benefits' for a paragraph (not a list item) under a requirements heading
    that speaks for the employer ("We are a family-owned distributor...") or states the pay
    ("The base salary range for this role is $60,000 - $75,000..."); None otherwise. ``low`` is
    the line lower-cased. (A single benefit line amid the list is ``_benefit_line``'s.)"""
    if line.count(" ") + 1 < _PARAGRAPH_WORDS:
        return None
    if _PAY_TALK.search(low) and _PAY_FIGURE.search(low):
        return "benefits"
    if _has(low, _REWARDS_KEYS) and _REWARDS_TALK.search(low) and _COMPANY_VOICE.search(low) and not _ASKS.search(low):
        return "benefits"  # "Our total rewards are designed to ...": the employer on what it gives
    if _employer_paragraph(line, low):
        return "company"
    return None


def _benefit_line(low: str) -> bool:
    """A line (lower-cased) that names a benefit and asks nothing of the candidate: "Paid parental
    leave", "401(k) with company match" (not "Experience selling dental plans")."""
    return bool(not _ASKS.search(low) and _has(low, _BENEFIT_KEYS) and _BODY_BENEFITS_L.search(low)
                and not _SELLS_OR_HOLDS.search(low))


def _employer_paragraph(line: str, low: str) -> bool:
    """Sentences (the caller has checked the length of a paragraph) in the employer's voice that
    ask nothing of the candidate and say nothing of the role: the company describing itself."""
    if not ("." in line[-2:] or ". " in line):
        return False
    return bool(_COMPANY_VOICE.search(low) and not _CANDIDATE_TALK.search(low) and not _ROLE_TALK_L.search(low))


# A line about the job itself, even under a company heading.
_ROLE_TALK = re.compile(r"\b(?:you will|you'll|this role|the role|this position|the position|the successful candidate|"
                        r"(?:we are|we're) (?:looking|seeking|hiring|searching)|responsible for|serves as|"
                        r"will be responsible|reports? to)\b", re.I)


# The Doc last asked about and its index: the components ask about one Doc many times in a row,
# and each ``doc._`` access costs a few microseconds (it builds an accessor object).
_LAST: list = [None, None]


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept once per Doc: spaCy rebuilds the string from every token on each access."""
    if _LAST[0] is doc:
        return _LAST[1].text
    text = doc._.text_cache
    if text is None:
        text = doc._.text_cache = doc.text
    return text


class SectionIndex:
    """Blocks of one Doc with fast lookups; kept on ``doc._.sections`` (extension access is slow)."""

    def __init__(self, text: str, blocks: list[dict], lower: str | None = None):
        self.text = text
        self.blocks = blocks
        self.starts = [b["start_char"] for b in blocks]
        self.clause_cues: dict[tuple[int, int], tuple[bool, bool]] = {}
        self._lower = lower

    @property
    def lower(self) -> str:
        """The text lower-cased, same length (see ``analysis.text.lowered``), computed once."""
        if self._lower is None:
            self._lower = lowered_once(self.text)
        return self._lower

    def block(self, char: int) -> dict | None:
        i = bisect_right(self.starts, char) - 1
        return self.blocks[i] if i >= 0 else None

    def section(self, char: int) -> str:
        i = bisect_right(self.starts, char) - 1
        return self.blocks[i]["section"] if i >= 0 else "other"

    def clauses(self, block: dict) -> list[tuple[int, int]]:
        """The clauses of a block, split once."""
        clauses = block.get("clauses")
        if clauses is None:
            clauses = block["clauses"] = split_clauses(self.text, block["start_char"], block["end_char"])
        return clauses

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The first clause of the block that holds ``start`` or ends the span; found by
        bisection (a block of thousands of clauses is searched in log time)."""
        block = self.block(start)
        if block is None or start >= block["end_char"]:
            return start, end
        clauses = self.clauses(block)
        if end > start:
            cached = block.get("clause_starts")
            if cached is None or cached[0] is not clauses:  # kept with the list it indexes
                cached = block["clause_starts"] = (clauses, [a for a, _ in clauses])
            starts = cached[1]
            i = bisect_right(starts, start) - 1
            if i >= 0 and start < clauses[i][1]:
                return clauses[i][0], max(clauses[i][1], end)
            # start stands between two clauses: the first later clause that ends the span
            j = i + 1
            while j < len(clauses) and clauses[j][0] < end:
                if end <= clauses[j][1]:
                    return clauses[j]
                j += 1
            return block["start_char"], max(block["end_char"], end)
        for a, b in clauses:
            if a <= start < b or (a < end <= b):
                return a, max(b, end)
        return block["start_char"], max(block["end_char"], end)

    def cues(self, a: int, b: int) -> tuple[bool, bool]:
        """(any preferred cue, any required cue) in the clause [a, b), computed once per clause."""
        key = (a, b)
        if key not in self.clause_cues:
            clause = self.lower[a:b]
            self.clause_cues[key] = (bool(_PREFERRED_ANY_KEYED.search(clause)),
                                     bool(_REQUIRED_CUE_KEYED.search(clause)))
        return self.clause_cues[key]


def section_index(doc: Doc) -> SectionIndex:
    """The Doc's SectionIndex (built on first use when the sections component has not run)."""
    if _LAST[0] is doc:
        return _LAST[1]
    index = doc._.sections
    if index is None:
        if doc._.blocks is None:
            doc._.blocks = classify_blocks(doc_text(doc))
        index = doc._.sections = SectionIndex(doc_text(doc), doc._.blocks)
    _LAST[0], _LAST[1] = doc, index
    return index


_index = section_index


def doc_lower(doc: Doc) -> str:
    """The Doc's text lower-cased (``analysis.text.lowered``: same offsets), computed once per Doc."""
    return _index(doc).lower


def block_at(doc: Doc, char: int) -> dict | None:
    """The block holding ``char`` (or the last block before it)."""
    return _index(doc).block(char)


def section_at(doc: Doc, char: int) -> str:
    return _index(doc).section(char)


def clause_at(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The sentence / bullet item around a span (within its block)."""
    return _index(doc).clause(start, end)


# After the statement, only these make it preferred ("5 years, preferably in SaaS" keeps the
# years required: "preferably" qualifies what follows it).
PREFERRED_AFTER = re.compile(
    r"\b(preferred|(is |are |would be |will be )?an? (big |huge |definite |strong )?(plus|advantage|bonus)|"
    r"is a plus|nice[- ]to[- ]have|desired|desirable|advantageous|beneficial|helpful|optional|not required)\b", re.I)
# Parentheses hold details ("(preferably FinTech)"), unless they hold only the cue: "(Preferred)".
_PARENS = re.compile(r"\((?!\s*(?:strongly |highly )?(?:preferred|desired|a plus|nice to have|optional|not required|bonus)"
                     r"\s*\))[^()]*\)", re.I)
# Bullets run together with only a space: "... at an executive level role CPA designation ...".
_RUN_ON = re.compile(r"\b([a-z]{3,}) +(?=[A-Z][a-z]+ |[A-Z]{2,5} [a-z])")
_LINK_WORDS = {"and", "the", "with", "for", "from", "including", "like", "such", "using", "into",
               "than", "our", "your", "their", "via", "per", "about", "across", "within"}


def statement_start(text: str, limit: int, start: int) -> int:
    """Where the statement that ends at ``start`` begins: ``limit`` or after a run-on bullet."""
    begin = limit
    for m in _RUN_ON.finditer(text, limit, start):
        if m.group(1) not in _LINK_WORDS:
            begin = m.end(1)
    return begin


def statement_end(text: str, end: int, limit: int) -> int:
    """Where the statement that runs on from ``end`` stops: the limit or a run-on bullet."""
    for m in _RUN_ON.finditer(text, end, limit):
        if m.group(1) not in _LINK_WORDS:
            return m.end(1)
    return limit


def required_at(doc: Doc, start: int, end: int) -> bool | None:
    """Is the statement at [start, end) required (True), preferred (False), or unsaid (None)?"""
    index = _index(doc)
    text = index.text
    a, b = index.clause(start, end)
    any_preferred, any_required = index.cues(a, b)
    if any_preferred:
        # A cue far after the statement belongs to a later bullet run into this one without a stop.
        before = text[statement_start(text, a, start):start]
        after = _PARENS.sub(" ", text[end:statement_end(text, end, min(b, end + 150))])
        if PREFERRED_CUE.search(before) or PREFERRED_AFTER.search(after):
            return False
    block = index.block(start)
    section = block["section"] if block else "other"
    if section == "preferred":
        return False
    if any_required:
        return True
    if section == "requirements":
        return True if _required_heading(block.get("heading") or "") else None
    return None


_REQUIRED_HEADING = re.compile(r"requir|must|minimum|basic|need", re.I)


@lru_cache(maxsize=4096)
def _required_heading(heading: str) -> bool:
    """Does a requirements heading say the list under it is required ("Minimum Qualifications")?
    (Kept per heading: postings use a few dozen headings, asked once per skill.)"""
    return bool(_REQUIRED_HEADING.search(heading))


def is_requirement_like(doc: Doc, start: int, end: int) -> bool:
    """May a skill be read here: requirement / preferred text, or a capability phrase elsewhere."""
    index = _index(doc)
    block = index.block(start)
    section = block["section"] if block else "other"
    if section in READ_SECTIONS:
        return True
    if section in NEVER_SECTIONS:
        return False
    a, b = index.clause(start, end)
    return bool(CAPABILITY_CUE.search(index.text[a:b]))


# ``title`` is set by analysis.extract before the pipeline runs (work mode and role read it).
for _name, _default in (("blocks", None), ("sections", None), ("title", None),
                         ("text_cache", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@Language.factory("amscout_sections")
def make_sections(nlp: Language, name: str):
    return SectionsComponent()


class SectionsComponent:
    """Sets ``doc._.blocks``: [{start_char, end_char, section, heading, is_heading}]."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        # The lower-cased text is kept on the index for every later component: nlp.pipe runs a
        # batch component by component, so a cache of the last text lowered would always miss.
        low = lowered(text)
        index = SectionIndex(text, classify_blocks(text, low), low)
        doc._.blocks, doc._.sections = index.blocks, index
        _LAST[0], _LAST[1] = doc, index
        return doc


# The case-insensitive cues, compiled to run on lower-cased text (see analysis.text.for_lowered).
_HEADING_OTHER_L, _HEADING_ANY_L = for_lowered(_HEADING_RES[0][1]), for_lowered(_HEADING_ANY)
_PREFERRED_CUE_L, _PREFERRED_AFTER_L, _REQUIRED_CUE_L = map(for_lowered, (PREFERRED_CUE, PREFERRED_AFTER, REQUIRED_CUE))
# Either preferred cue, in one scan of the clause (whether any matches is all that is asked).
_PREFERRED_ANY_L = for_lowered(re.compile(f"(?:{PREFERRED_CUE.pattern})|(?:{PREFERRED_AFTER.pattern})", re.I))
# A word that every match of the cue patterns holds: most clauses hold none, and a few substring
# tests are three times cheaper than the pattern (which then runs only where one stands).
PREFERRED_KEYS = ("prefer", "plus", "advantag", "bonus", "nice", "ideal", "desir", "benefic", "helpful",
                  "considered", "great", "not required", "optional", "love", "good to")
_REQUIRED_KEYS = ("must", "requir", "mandatory", "essential", "minimum", "at least", "need to have")
# (gathered by first letter, analysis.text.gathered: whether it matches is all that is read)
_PREFERRED_ANY_KEYED = KeyedPattern(gathered(_PREFERRED_ANY_L), PREFERRED_KEYS)
_REQUIRED_CUE_KEYED = KeyedPattern(_REQUIRED_CUE_L, _REQUIRED_KEYS)
_OTHER_DUTIES_L, _CANDIDATE_IF_L = for_lowered(_OTHER_DUTIES), for_lowered(_CANDIDATE_IF)
_BODY_LEGAL_L, _BODY_LEGAL_WEAK_L, _BODY_BENEFITS_L, _BODY_COMPANY_L, _ROLE_TALK_L = map(
    for_lowered, (_BODY_LEGAL, _BODY_LEGAL_WEAK, _BODY_BENEFITS, _BODY_COMPANY, _ROLE_TALK))
