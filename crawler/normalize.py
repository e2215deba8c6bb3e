"""Turn the values job-board APIs give into Posting fields: text, dates, pay, work mode, country.

Every function takes whatever the source sent (possibly ``None`` or junk) and returns either a
clean value or ``None``; none of them raises on bad input, because one odd field must never
cost a whole posting. Spiders call these; the importer may too.
"""
from __future__ import annotations

import html
import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

import lxml.html
import pycountry
from lxml import etree

# ----------------------------------------------------------------------------- HTML -> text

# Elements that start a new paragraph, and those that only start a new line.
_PARAGRAPH_TAGS = {
    "p", "div", "section", "article", "header", "footer", "aside", "main", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "pre", "hr", "form",
}
_LINE_TAGS = {"li", "br", "tr", "dt", "dd"}
_DROP_TAGS = ["script", "style", "noscript", "template", "head"]
_TAG_START = re.compile(r"<[a-zA-Z!/]")
_ESCAPED_TAG = re.compile(r"&lt;\s*/?\s*[a-zA-Z]")
# Characters XML (so lxml) refuses, and the private-use markers used below.
_UNUSABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ue000-\ue002]")


def unescape_html(value: str | None) -> str | None:
    """Undo one level of entity escaping when a source sends its HTML escaped.

    Greenhouse's ``content`` is ``&lt;p&gt;Hello&lt;/p&gt;``: escaped markup and no real tag.
    Ordinary HTML (real tags, maybe an ``&amp;`` in the text) is returned unchanged.
    """
    if not value:
        return value
    if _ESCAPED_TAG.search(value) and not _TAG_START.search(value):
        return html.unescape(value)
    return value


def html_to_text(value: str | None) -> str | None:
    """Readable plain text from an HTML fragment, one line per block or list item.

    Paragraphs and headings are separated by a blank line, list items and ``<br>`` by a line
    break, list items start with ``- ``. Entity-escaped HTML is unescaped first; plain text
    (no tags) keeps its own line breaks.
    """
    if not value or not value.strip():
        return None
    value = _UNUSABLE.sub("", unescape_html(value))
    if not _TAG_START.search(value):
        return _tidy_lines(html.unescape(value)) or None
    try:
        root = lxml.html.fragment_fromstring(value, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy_lines(html.unescape(value)) or None
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    _mark_blocks(root)
    return _tidy_lines(root.text_content()) or None


# Markers put into the tree before its text is read: paragraph break, line break, bullet
# (private-use characters: lxml refuses control characters, and no real text has these).
_PARA, _LINE, _BULLET = "\ue000", "\ue001", "\ue002"  # private-use characters


def _mark_blocks(root) -> None:
    """Collapse the source's own whitespace, then mark where blocks and list items begin."""
    for el in root.iter():
        if not isinstance(el.tag, str):  # comments, processing instructions
            continue
        if el.text:  # (entities like &#8; decode to characters the tree will not take back)
            el.text = re.sub(r"\s+", " ", _UNUSABLE.sub("", el.text))
        if el.tail:
            el.tail = re.sub(r"\s+", " ", _UNUSABLE.sub("", el.tail))
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in _PARAGRAPH_TAGS:
            # inside a list item a paragraph only breaks the line, so items stay together
            mark = _LINE if next(el.iterancestors("li"), None) is not None else _PARA
            el.text = mark + (el.text or "")
            el.tail = mark + (el.tail or "")
        elif tag == "li":
            el.text = _LINE + _BULLET + (el.text or "")
            el.tail = _LINE + (el.tail or "")
        elif tag in _LINE_TAGS:
            el.tail = _LINE + (el.tail or "")
        elif tag in ("td", "th"):
            el.tail = " " + (el.tail or "")


def _markers_to_text(text: str) -> str:
    """Turn the markers into ``- `` bullets, line breaks and blank lines between paragraphs."""
    # A bullet sticks to the first text after it (an <li> often wraps a <p>); empty items vanish.
    text = re.sub(f"{_BULLET}[\\s{_LINE}{_PARA}{_BULLET}]*", _BULLET, text)
    text = re.sub(f"[ \\t]*[{_LINE}{_PARA}][\\s{_LINE}{_PARA}]*",
                  lambda m: "\n\n" if _PARA in m.group() else "\n", text)
    return text.replace(_BULLET, "- ")


def _tidy_lines(text: str) -> str:
    """Strip each line, squeeze runs of spaces and of blank lines, drop empty bullets."""
    text = _markers_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in text.split("\n")]
    lines = [line for line in lines if line != "-"]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# ----------------------------------------------------------------------------- dates

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def to_iso_date(value) -> str | None:
    """An ISO date ``YYYY-MM-DD`` from what sources send, or ``None``.

    Accepts ISO 8601 strings (the date is taken as written, in the source's own time zone),
    ``"2026-10-05 16:05:18 UTC"``, epoch milliseconds (Lever's ``createdAt``) or seconds as
    numbers or digit strings (read as UTC), RFC 2822 dates, ``date``/``datetime`` objects.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return _from_epoch(value)
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"\d{9,14}(\.\d+)?", text):
        return _from_epoch(float(text))
    match = _ISO_DATE.match(text)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _from_epoch(number: float) -> str | None:
    """Epoch seconds or milliseconds (anything past the year 5138 in seconds is ms)."""
    if number <= 0:
        return None
    if number > 1e11:
        number /= 1000.0
    try:
        return datetime.fromtimestamp(number, tz=timezone.utc).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


# ----------------------------------------------------------------------------- salary

_PERIOD_WORDS = {
    "year": "year", "years": "year", "yearly": "year", "annual": "year", "annually": "year",
    "annum": "year", "yr": "year", "pa": "year", "y": "year",
    "month": "month", "months": "month", "monthly": "month", "mo": "month", "mth": "month",
    "week": "week", "weeks": "week", "weekly": "week", "wk": "week",
    "day": "day", "days": "day", "daily": "day",
    "hour": "hour", "hours": "hour", "hourly": "hour", "hr": "hour", "h": "hour",
}
_CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
                     "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "CHF": "CHF", "zł": "PLN"}


def salary_period(value) -> str | None:
    """``year | month | week | day | hour`` from a source's pay-interval word, or ``None``.

    Understands Lever's ``per-year-salary``, Ashby's ``1 YEAR``, schema.org ``unitText``
    (``HOUR``, ``MONTH``), and words like ``annually``, ``per hour``, ``/hr``.
    """
    if not value or not isinstance(value, str):
        return None
    for word in re.findall(r"[a-z]+", value.lower()):
        if word in _PERIOD_WORDS:
            return _PERIOD_WORDS[word]
    return None


def currency_code(value) -> str | None:
    """An ISO 4217 code (``USD``) from a code in any case or a common symbol, else ``None``."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    if text in _CURRENCY_SYMBOLS:
        return _CURRENCY_SYMBOLS[text]
    if re.fullmatch(r"[A-Za-z]{3}", text) and pycountry.currencies.get(alpha_3=text.upper()):
        return text.upper()
    return None


def to_number(value) -> float | None:
    """A positive amount from a number or a string like ``"110,000"``; ``None`` otherwise."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = re.sub(r"[\s,_]", "", str(value))
        try:
            number = float(text)
        except ValueError:
            return None
    return number if number > 0 else None


def structured_salary(minimum=None, maximum=None, currency=None, period=None) -> dict:
    """The ``salary_*`` fields of a Posting when a source gives pay as data, else ``{}``.

    Only call this with structured values (API fields, schema.org baseSalary), never with
    numbers read from prose: the analysis reads prose itself and tells the two apart.
    """
    low, high = to_number(minimum), to_number(maximum)
    if low is None and high is None:
        return {}
    if low is not None and high is not None and low > high:
        low, high = high, low
    return {
        "salary_min": low, "salary_max": high,
        "salary_currency": currency_code(currency), "salary_period": salary_period(period),
    }


# ----------------------------------------------------------------------------- work mode

_MODE_WORDS = {
    "remote": "remote", "telecommute": "remote", "fully remote": "remote",
    "hybrid": "hybrid",
    "onsite": "onsite", "on-site": "onsite", "on site": "onsite", "in office": "onsite",
    "in-office": "onsite", "office": "onsite", "in person": "onsite",
}


def work_mode(workplace_type=None, *, remote=None, hybrid=None, onsite=None) -> str | None:
    """``remote | hybrid | onsite`` from a source's structured fields, else ``None``.

    ``workplace_type`` is a source's own enum (Lever ``on-site``, Ashby ``OnSite``, Greenhouse
    metadata ``Remote``); it wins over flags. Flags are booleans: ``remote=True`` -> remote,
    ``hybrid=True`` -> hybrid, ``onsite=True`` -> onsite. A ``False`` flag alone says nothing,
    except that a source which states both ``remote`` and ``hybrid`` as False means on-site.
    """
    if isinstance(workplace_type, str):
        key = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", workplace_type.strip()).lower()
        key = re.sub(r"[_\s]+", " ", key)
        if key in _MODE_WORDS:
            return _MODE_WORDS[key]
    if hybrid is True:
        return "hybrid"
    if remote is True:
        return "remote"
    if onsite is True or (remote is False and hybrid is False and onsite is None):
        return "onsite"
    return None


# ----------------------------------------------------------------------------- country

_COUNTRY_ALIASES = {
    "uk": "GB", "u.k.": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "northern ireland": "GB", "great britain": "GB", "usa": "US", "u.s.": "US", "u.s.a.": "US",
    "united states of america": "US", "america": "US", "south korea": "KR", "korea": "KR",
    "russia": "RU", "vietnam": "VN", "czech republic": "CZ", "turkey": "TR", "uae": "AE",
    "the netherlands": "NL", "holland": "NL", "taiwan": "TW", "iran": "IR", "bolivia": "BO",
    "venezuela": "VE", "tanzania": "TZ", "moldova": "MD", "syria": "SY", "laos": "LA",
}


def country_code(value) -> str | None:
    """An ISO 3166 alpha-2 code from a code (``us``, ``USA``) or a country name, else ``None``."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip().strip(".")
    if not text:
        return None
    alias = _COUNTRY_ALIASES.get(text.lower())
    if alias:
        return alias
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return None


def _is_us_state(code: str) -> bool:
    return len(code) == 2 and code.isupper() and pycountry.subdivisions.get(code=f"US-{code}") is not None


def country_from_location(location) -> str | None:
    """The country of a free-text location like ``"St. Joseph, MI, United States"``.

    Reads the parts from the end: a country name or code wins; ``"City, ST"`` with a US state
    abbreviation is the US (so ``"Berlin, DE"`` reads as Delaware: US boards dominate). Returns
    ``None`` when no part names a country (``"Remote"``, ``"Bangalore"``).
    """
    if not location or not isinstance(location, str):
        return None
    parts = [p.strip() for p in re.split(r"[,;|()/]|\s[-–]\s", location) if p and p.strip()]
    if not parts:
        return None
    last = parts[-1]
    if len(parts) > 1 and _is_us_state(last):
        return "US"
    if len(last) > 1:
        code = country_code(last)
        if code:
            return code
    for part in reversed(parts[:-1]):
        if len(part) > 3:
            code = country_code(part)
            if code:
                return code
    return None
