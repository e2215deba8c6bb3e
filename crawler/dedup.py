"""Cross-source duplicates: is a new posting the same job as one already stored?

The same job shows up on a company's board, on aggregators (truncated, reformatted, with the
company spelt "Acme, Inc." or "ACME") and again when it is re-posted. Deciding takes two steps
so that batched upserts stay fast:

1. **Blocking key** (``dedup_key``): the company's first word and the title's first segment,
   folded ("Sr." = "Senior", "II" = "2", punctuation and case gone; "- London", "(m/w/d)",
   ", Enterprise" left out, and market words such as "Enterprise" wherever they stand). ``store.py`` keeps it in an indexed column; only postings sharing
   it are candidates, so no new posting is ever compared with the whole table.
2. **Confirmation** (``best_match``): the whole company names must agree (one inside the
   other), the titles must not carry conflicting qualifiers ("- Southeast" / "- Midwest"; a
   missing one agrees), the locations must not name different cities (one job advertised in London and in
   Leeds is two openings; "Remote - US" is a place of its own), and the texts must match: the
   share of the shorter text's word 3-shingles found in the longer one (containment, so that an
   aggregator's truncated snippet still matches the full text, while a sibling posting that
   shares only the company's intro and benefits does not). An excerpt must moreover use no
   word the full text lacks: two snippets of sibling jobs differ by little more than a team name.

Known misses (tests/fixtures/dedup/hard.jsonl, holdout.jsonl): re-posts whose text was
rewritten; one job under different company names ("Acme Health" / "ACME Healthcare", an agency
and its client); a remote job an aggregator places in a city; near-identical texts whose titles
differ by a qualifier only one of them has ("Account Manager" / "..., Hospitality").

Pure functions only: ``store.py`` is the one module that runs SQL and calls these.
"""
from __future__ import annotations

import functools
import html
import re
import unicodedata

# Share of the shorter text's shingles that must appear in the longer one. On the labelled
# dev set (tests/fixtures/dedup/dev.jsonl, bench/dedup_eval.py) true duplicates (truncated
# snippets, reformatted copies, re-posts with a bullet or two edited) score 0.87 and up;
# full-length sibling postings that share a company's intro and benefits score 0.65 or less.
# (Excerpts of siblings score up to 0.96: the excerpt rule below handles those.)
TEXT_THRESHOLD = 0.75
# An excerpt (an aggregator's snippet: ends in an ellipsis, or under this share of the other
# text's length) must not use words the other text lacks.
EXCERPT_SHARE = 0.6
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
                 "nyc": "new york", "sf": "san francisco", "st": "saint", "ste": "sainte",
                 "ft": "fort", "mt": "mount"}

# Market segments, written before the role or after it.
_MARKET_WORDS = {"enterprise", "smb", "mid", "market", "midmarket", "commercial", "corporate", "public",
                 "sector", "channel", "smallbusiness", "small", "business", "majors", "named"}
# Labels aggregators put before a snippet ("Job Description: ...").
_EXCERPT_LABELS = {"job", "description", "summary", "overview", "details", "position"}

_SEGMENT_SPLIT = re.compile(r"\s+[-\u2013\u2014|]\s+|[,()\[\]]")
# Lower-case letters and digits stay, apostrophes vanish, every other character is a space.
_FOLD_TABLE = {i: (chr(i).lower() if chr(i).isalnum() else " ") for i in range(128)}
_FOLD_TABLE.update({ord("'"): None, ord("`"): None})
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
_CAMEL_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_ALTERNATIVES = re.compile(r";|/|\bor\b|\band\b|\|")


def fold(text: str | None, split_joins: bool = False) -> str:
    """Lower-case ASCII words separated by single spaces, markup and entities gone.

    ``split_joins`` (for description texts, not names) splits run-together bullets such as
    "experienceStrong" left by careless HTML-to-text, but would also split "GitLab".
    """
    if not text:
        return ""
    if "<" in text or "&" in text:  # aggregators leave "<strong>" and "&amp;" behind
        text = _TAG.sub(" ", html.unescape(text))
    if split_joins:
        text = _CAMEL_JOIN.sub(" ", text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    # "you'll" and "you’ll" (the curly quote went above) both become "youll"
    return " ".join(text.translate(_FOLD_TABLE).split())


@functools.lru_cache(maxsize=65536)
def company_key(company: str | None) -> str:
    """"Acme, Inc." and "ACME" meet; "&" and "and" are the same."""
    return " ".join(w for w in fold((company or "").replace("&", " and ")).split() if w not in _LEGAL)


def same_company(a: str | None, b: str | None) -> bool:
    """One name's words are all in the other: "Copperline" is "Copperline Telecom, LLC"."""
    wa, wb = set(company_key(a).split()), set(company_key(b).split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def title_key(title: str | None, location: str | None = None) -> str:
    """The title's first segment that names a job, abbreviations spelt out, market words out.

    What follows a separator ("Account Manager, Enterprise", "... - London", "... (m/w/d)")
    is left out: aggregators drop or reword it, and the text comparison tells teams apart.
    Market-segment words move between prefix and suffix ("Enterprise Account Executive" /
    "Account Executive, Enterprise"), so they join the qualifier instead of the key.
    """
    words = _title_segments(title, location)[:1]
    kept = [w for w in words[0] if w not in _MARKET_WORDS] if words else []
    return " ".join(kept or (words[0] if words else []))


@functools.lru_cache(maxsize=65536)
def _title_segments(title: str | None, location: str | None) -> list[list[str]]:
    """The title's segments that name a job (not a place or decoration), folded, abbreviations
    spelt out."""
    place_words = set(fold(location).split()) | _TITLE_NOISE
    segments = []
    for segment in _SEGMENT_SPLIT.split(title or ""):
        words = [w for w in (_ABBREVIATIONS.get(w, w) for w in fold(segment).split()) if w]
        if words and not set(words) <= place_words:
            segments.append(words)
    return segments


@functools.lru_cache(maxsize=65536)
def title_qualifier(title: str | None, location: str | None = None) -> frozenset:
    """Words that say which job of a kind ("Enterprise", "Southeast"): the title's later
    segments and its market words, without places and decorations."""
    place_words = set(fold(location).split()) | _TITLE_NOISE
    segments = _title_segments(title, location)
    if not segments:
        return frozenset()
    market = {w for w in segments[0] if w in _MARKET_WORDS}
    return frozenset(market.union(*map(set, segments[1:])) - place_words)


def same_qualifier(a: dict, b: dict) -> bool:
    """False when both titles carry a qualifier and neither contains the other: "Customer
    Success Manager - Southeast" and "... - Midwest" are two jobs. A missing one agrees."""
    qa, qb = (title_qualifier(p.get("title"), p.get("location")) for p in (a, b))
    return not qa or not qb or qa <= qb or qb <= qa


def dedup_key(company: str | None, title: str | None, location: str | None = None) -> str:
    """Blocking key: the company's first word and the folded title; empty when either is missing.

    Only the first word, because aggregators shorten names ("Orchard Retail" for "Orchard
    Retail Group"); ``same_company`` then checks the whole name.
    """
    comp, ttl = company_key(company), title_key(title, location)
    return f"{comp.split()[0]}|{ttl}" if comp and ttl else ""


@functools.lru_cache(maxsize=65536)
def _place_alternatives(location: str | None) -> tuple[tuple[frozenset, frozenset, str | None], ...]:
    """Each listed place as (city words, all words, state code), generic words removed."""
    places = []
    for alt in _ALTERNATIVES.split(location or ""):
        parts = [set(" ".join(_CITY_ALIASES.get(w, w) for w in fold(p).split()).split()) - _PLACE_NOISE
                 for p in alt.split(",")]
        region = _region_code(alt)
        parts = [p for p in parts if p]
        if parts:
            places.append((frozenset(parts[0]), frozenset().union(*parts), region))
    return tuple(places)


def _region_code(location: str) -> str | None:
    """The state or province of "Portland, OR", "Portland, ME, US" or "Springfield, Missouri"."""
    parts = [p.strip() for p in location.split(",")]
    if len(parts) < 2:
        return None
    if re.fullmatch(r"[A-Z]{2}", parts[1]):
        return parts[1]
    return _region_names().get(fold(parts[1]))


@functools.lru_cache(maxsize=1)
def _region_names() -> dict[str, str]:
    """US states and Canadian provinces by folded name ("district of columbia" -> "DC")."""
    import pycountry

    return {fold(sub.name): sub.code.split("-")[1]
            for country in ("US", "CA") for sub in pycountry.subdivisions.get(country_code=country)}


def same_place(a: str | None, b: str | None) -> bool:
    """False only when both locations name a city and no city of one lies in the other.

    "Austin, TX" and "Austin, Travis County" agree; "Austin, TX" and "Dallas, TX" do not;
    "Portland, OR" and "Portland, ME" do not either; "United States" or a missing location
    agrees with anything.
    """
    pa, pb = _place_alternatives(a), _place_alternatives(b)
    if not pa or not pb:
        return True
    return any((city_a <= words_b or city_b <= words_a) and (not reg_a or not reg_b or reg_a == reg_b)
               for city_a, words_a, reg_a in pa for city_b, words_b, reg_b in pb)


@functools.lru_cache(maxsize=1024)
def text_profile(text: str | None) -> tuple[tuple[str, ...], frozenset]:
    """A text's folded words and its word shingles, cached: a block's candidates recur."""
    words = tuple(fold(text, split_joins=True).split())
    return words, shingles(words)


def shingles(words, size: int = SHINGLE_SIZE) -> frozenset:
    """Every run of ``size`` consecutive words (the whole text when it is shorter), hashed."""
    if len(words) < size:
        return frozenset([hash(tuple(words))]) if words else frozenset()
    return frozenset(map(hash, zip(*(words[i:] for i in range(size)))))


def containment(a: frozenset, b: frozenset) -> float:
    """Share of the smaller set found in the larger one (1.0 when one is a part of the other)."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)


def unexplained_words(short, long, titles: tuple = ()) -> int:
    """Words of the short text that the long one (or either title) never uses ("Sr." = "Senior").

    A truncated copy of a text uses only that text's words; a sibling posting's snippet gives
    itself away by one word ("SMB team" where the other says "Healthcare team"). The short
    text's last word is forgiven: aggregators may cut it in half.
    """
    title_words = [w for t in titles if t for w in fold(t).split()]
    known = {_ABBREVIATIONS.get(w, w) for w in (*long, *title_words)} | _EXCERPT_LABELS
    return len({_ABBREVIATIONS.get(w, w) for w in short[:-1]} - known - {""})


def text_score(new_text: str | None, cand_text: str | None, titles: tuple = ()) -> float:
    """How surely two description texts are one job's text, 0..1 (see the module docstring)."""
    (wa, sa), (wb, sb) = text_profile(new_text), text_profile(cand_text)
    if min(len(sa), len(sb)) < MIN_SHINGLES:  # too little text to judge: key and place decide
        return 1.0
    (short, short_text), (long, _) = sorted([(wa, new_text), (wb, cand_text)], key=lambda p: len(p[0]))
    if is_excerpt(short, short_text, long) and unexplained_words(short, long, titles):
        return 0.0
    return containment(sa, sb)


def is_excerpt(words, text: str, other_words) -> bool:
    """An aggregator's cut of a text: it ends in an ellipsis or is well under the other's length."""
    return text.rstrip().endswith(("\u2026", "...")) or len(words) < EXCERPT_SHARE * len(other_words)


def plausible(new: dict, cand: dict) -> bool:
    """Same company, same place, no conflicting title qualifier: worth reading the texts."""
    return (same_company(new.get("company"), cand.get("company"))
            and same_place(new.get("location"), cand.get("location")) and same_qualifier(new, cand))


def best_match(new: dict, candidates: list[dict], threshold: float = TEXT_THRESHOLD) -> str | None:
    """Id of the candidate that is the same job as ``new`` (best text match), or None.

    ``new`` and each candidate carry ``company``, ``title``, ``location``, ``description_text``
    and ``content_hash`` (candidates also ``id``); of equal scores the first candidate wins.
    """
    best_id, best_score = None, -1.0
    for cand in candidates:
        if not plausible(new, cand):
            continue
        if new.get("content_hash") and new.get("content_hash") == cand.get("content_hash"):
            return cand["id"]
        score = text_score(new.get("description_text"), cand.get("description_text"),
                           (new.get("title"), cand.get("title")))
        if score >= threshold and score > best_score:
            best_id, best_score = cand["id"], score
    return best_id
