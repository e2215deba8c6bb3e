"""Cross-source duplicates: is a new posting the same job as one already stored?

The same job shows up on a company's board, on aggregators (truncated, reformatted, with the
company spelt "Acme, Inc." or "ACME") and again when it is re-posted. Deciding takes two steps
so that batched upserts stay fast:

1. **Blocking key** (``dedup_key``): company and title, folded ("Sr." = "Senior", legal suffixes,
   punctuation, gender markers and location suffixes such as "- London" or "(Remote)" dropped).
   ``store.py`` keeps it in an indexed column; only postings sharing it are candidates, so no
   new posting is ever compared with the whole table.
2. **Confirmation** (``best_match``): the two locations must not name different cities (one
   job advertised in London and in Leeds is two openings), and the texts must match: the share
   of the shorter text's word 3-shingles found in the longer one (containment, so that an
   aggregator's truncated snippet still matches the full text, while a sibling posting that
   shares only the company's boilerplate does not).

Pure functions only: ``store.py`` is the one module that runs SQL and calls these.
"""
from __future__ import annotations

import re
import unicodedata

# Share of the shorter text's shingles that must appear in the longer one. On the labelled
# dev set (tests/fixtures/dedup/dev.jsonl, bench/dedup_eval.py) true duplicates (truncated
# snippets, reformatted copies, re-posts with a bullet or two edited) score 0.87 and up;
# full-length sibling postings that share a company's intro and benefits score 0.65 or less.
TEXT_THRESHOLD = 0.75
# A text shorter than this (an aggregator's snippet) must not use words the other lacks.
SHORT_TEXT_WORDS = 150
# Below this many shingles a text says too little; key and place decide alone.
MIN_SHINGLES = 8
SHINGLE_SIZE = 3

# Words a company's name may carry on one site and not on another.
_LEGAL = {"inc", "incorporated", "llc", "llp", "ltd", "limited", "gmbh", "corp", "corporation",
          "co", "plc", "sa", "sas", "ag", "bv", "nv", "kg", "pty", "srl", "oy", "ab", "the",
          "group", "holdings", "company", "and"}

_ABBREVIATIONS = {
    "sr": "senior", "snr": "senior", "jr": "junior", "mgr": "manager", "exec": "executive",
    "acct": "account", "accts": "accounts", "assoc": "associate", "rep": "representative",
    "ii": "2", "iii": "3", "iv": "4", "and": "", "of": "",
}

# Words that say where or how, not which job: a title segment made only of these (plus the
# posting's own location words) is dropped from the key, and they never count as a city.
_PLACE_NOISE = {
    "hybrid", "onsite", "on", "site", "office", "based", "home", "anywhere", "worldwide",
    "global", "field", "us", "usa", "u", "s", "united", "states", "kingdom", "uk", "gb", "england",
    "scotland", "wales", "ireland", "america", "north", "south", "east", "west", "central",
    "emea", "apac", "amer", "americas", "latam", "dach", "nordics", "benelux", "europe", "eu",
    "canada", "germany", "deutschland", "france", "spain", "italy", "netherlands", "australia",
    "india", "singapore", "county", "greater", "area", "metro", "region", "city", "state",
    "m", "f", "w", "d", "x", "h", "all", "gender", "genders", "gn", "div", "mwd", "fmd", "mfd",
}

# A remote job is its own place ("Remote - US" and "Denver, CO" are two openings), but
# "(Remote)" in a title is decoration.
_TITLE_NOISE = _PLACE_NOISE | {"remote"}
# Local and English names of the same city, folded.
_CITY_ALIASES = {"munchen": "munich", "koln": "cologne", "wien": "vienna", "zurich": "zurich",
                 "milano": "milan", "roma": "rome", "lisboa": "lisbon", "praha": "prague",
                 "warszawa": "warsaw", "kobenhavn": "copenhagen", "bruxelles": "brussels",
                 "nyc": "new york", "sf": "san francisco"}

_SEGMENT_SPLIT = re.compile(r"\s+[-\u2013\u2014|]\s+|[,()\[\]]")
_CAMEL_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_ALTERNATIVES = re.compile(r";|/|\bor\b|\band\b|\|")


def fold(text: str | None) -> str:
    """Lower-case ASCII words separated by single spaces; run-together bullets split apart."""
    if not text:
        return ""
    text = _CAMEL_JOIN.sub(" ", text)  # "experienceStrong" from careless HTML-to-text
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"['`]", "", text.lower())  # "you'll" and "you’ll" (curly quote gone above)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def company_key(company: str | None) -> str:
    """"Acme, Inc." and "ACME" meet; "&" and "and" are the same."""
    return " ".join(w for w in fold((company or "").replace("&", " and ")).split() if w not in _LEGAL)


def same_company(a: str | None, b: str | None) -> bool:
    """One name's words are all in the other: "Copperline" is "Copperline Telecom, LLC"."""
    wa, wb = set(company_key(a).split()), set(company_key(b).split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def title_key(title: str | None, location: str | None = None) -> str:
    """The job's title without where-and-how decorations, abbreviations spelt out."""
    place_words = set(fold(location).split()) | _TITLE_NOISE
    segments = [fold(s) for s in _SEGMENT_SPLIT.split(title or "")]
    segments = [s for s in segments if s]
    kept = segments[:1] + [s for s in segments[1:] if not set(s.split()) <= place_words]
    words = []
    for segment in kept:
        for word in segment.split():
            word = _ABBREVIATIONS.get(word, word)
            if word:
                words.append(word)
    return " ".join(words)


def dedup_key(company: str | None, title: str | None, location: str | None = None) -> str:
    """Blocking key: the company's first word and the folded title; empty when either is missing.

    Only the first word, because aggregators shorten names ("Orchard Retail" for "Orchard
    Retail Group"); ``same_company`` then checks the whole name.
    """
    comp, ttl = company_key(company), title_key(title, location)
    return f"{comp.split()[0]}|{ttl}" if comp and ttl else ""


def _place_alternatives(location: str | None) -> list[tuple[set, set]]:
    """Each listed place as (city words, all words), generic words removed."""
    places = []
    for alt in _ALTERNATIVES.split(location or ""):
        parts = [set(" ".join(_CITY_ALIASES.get(w, w) for w in fold(p).split()).split()) - _PLACE_NOISE
                 for p in alt.split(",")]
        parts = [p for p in parts if p]
        if parts:
            places.append((parts[0], set().union(*parts)))
    return places


def same_place(a: str | None, b: str | None) -> bool:
    """False only when both locations name a city and no city of one lies in the other.

    "Austin, TX" and "Austin, Travis County" agree; "Austin, TX" and "Dallas, TX" do not;
    "Remote - US" or a missing location agrees with anything.
    """
    pa, pb = _place_alternatives(a), _place_alternatives(b)
    if not pa or not pb:
        return True
    return any(city_a <= words_b or city_b <= words_a
               for city_a, words_a in pa for city_b, words_b in pb)


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> set[str]:
    words = fold(text).split()
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger one (1.0 when one is a part of the other)."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)


def unexplained_words(short: str | None, long: str | None, titles: tuple = ()) -> int:
    """Words of the short text that the long one (or either title) never uses.

    A truncated copy of a text uses only that text's words; a sibling posting's snippet gives
    itself away by one word ("SMB team" where the other says "Healthcare team"). The short
    text's last word is forgiven: aggregators may cut it in half.
    """
    known = set(fold(long).split()).union(*(fold(t).split() for t in titles))
    return len(set(fold(short).split()[:-1]) - known)


def text_score(new: dict, cand: dict) -> float:
    """How surely the two texts are one job's text, 0..1 (see the module docstring)."""
    a, b = new.get("description_text"), cand.get("description_text")
    sa, sb = shingles(a), shingles(b)
    if min(len(sa), len(sb)) < MIN_SHINGLES:  # too little text to judge: key and place decide
        return 1.0
    score = containment(sa, sb)
    short, long = (a, b) if len(sa) <= len(sb) else (b, a)
    if len(fold(short).split()) < SHORT_TEXT_WORDS and unexplained_words(
            short, long, (new.get("title"), cand.get("title"))):
        return 0.0
    return score


def best_match(new: dict, candidates: list[dict], threshold: float = TEXT_THRESHOLD) -> str | None:
    """Id of the candidate that is the same job as ``new`` (best text match), or None.

    ``new`` and each candidate carry ``company``, ``title``, ``location``, ``description_text``
    and ``content_hash`` (candidates also ``id``); candidates come earliest first, which wins ties.
    """
    best_id, best_score = None, -1.0
    for cand in candidates:
        if not same_company(new.get("company"), cand.get("company")):
            continue
        if not same_place(new.get("location"), cand.get("location")):
            continue
        if new.get("content_hash") and new.get("content_hash") == cand.get("content_hash"):
            return cand["id"]
        score = text_score(new, cand)
        if score >= threshold and score > best_score:
            best_id, best_score = cand["id"], score
    return best_id
