"""USAJOBS (US federal jobs): ``GET /api/Search?PositionTitle=..&ResultsPerPage=500&Page=N``.

USAJOBS needs a free key from developer.usajobs.gov, read from ``USAJOBS_API_KEY``, and the
e-mail address it was registered with, read from ``USAJOBS_EMAIL``; ``check_ready()`` refuses
to start without them. The key travels in the ``Authorization-Key`` header and the e-mail as
the ``User-Agent``, as the API asks, so no logged URL carries the key. (The ``Host`` header the
API also asks for is the one every HTTP/1.1 request already sends, so a ``--base-url`` mirror
gets its own.)

A board is a title wording searched with ``PositionTitle`` (a "title contains" match: a
full-text ``Keyword`` search would also find every job whose text says "account" and
"manager"); without a board, board ``all`` searches each of ``WORDINGS`` in turn and keeps a
job found by several once. Pages count from 1 and are followed up to the answer's
``UserArea.NumberOfPages``, at most ``max_pages`` (default 10) per wording. A page of 500 full
announcements can pass the 5 MB default limit on a response, so these requests allow 25 MB.

Postings sit under ``SearchResult.SearchResultItems[].MatchedObjectDescriptor``. The text is
built from the parts that state requirements, each under its own heading (Summary, Duties,
Qualifications, Education, Requirements), so that the extraction finds their sections. Pay is
structured only when the posting gives one range with a known period (federal pay is USD);
work mode comes from ``RemoteIndicator`` (remote) and ``TeleworkEligible`` (hybrid). Country is
the US unless the locations name another.
"""
from __future__ import annotations

import os

from crawler import normalize as nz
from crawler.spiders.base import BoardSpider

ALL = "all"
# Title wordings of the account-management family as federal announcements use them.
WORDINGS = ("Account Manager", "Account Executive", "Account Management", "Relationship Manager",
            "Customer Success", "Client Success")
# PositionRemuneration.RateIntervalCode -> salary period; other codes (bi-weekly, school year,
# fee basis, without compensation, ...) give no structured pay.
PERIODS = {"PA": "year", "PM": "month", "PW": "week", "PD": "day", "PH": "hour"}
PAGE_BYTES = 25 * 1024 * 1024


class USAJobsSpider(BoardSpider):
    name = "usajobs"
    api_base = "https://data.usajobs.gov"
    default_boards = [ALL]
    default_max_pages = 10
    page_size = 500

    required_env = ("USAJOBS_API_KEY", "USAJOBS_EMAIL")
    source_label = "USAJOBS"
    key_help = "a free key from https://developer.usajobs.gov, and the e-mail it was issued to"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.seen: dict[str, set] = {}   # board -> ids already yielded (a job matches several wordings)

    def board_requests(self, board):
        for wording in (WORDINGS if board == ALL else (board,)):
            yield self.page_request(board, wording, 1)

    def page_request(self, board, wording, page):
        url = self.api_url("/api/Search", PositionTitle=wording, ResultsPerPage=self.page_size, Page=page)
        # a failed search is not a missing board (base.on_error's reading of a 404)
        request = self.request(url, self.parse_page, errback=self.on_item_error,
                               board=board, wording=wording, page=page)
        request.headers["Authorization-Key"] = os.environ["USAJOBS_API_KEY"]
        request.headers["User-Agent"] = os.environ["USAJOBS_EMAIL"]
        request.meta["download_maxsize"] = PAGE_BYTES
        return request

    def parse_page(self, response, board, wording, page):
        data = self.load_json(response)
        if data is None:
            return
        result = data.get("SearchResult") if isinstance(data, dict) else None
        items = result.get("SearchResultItems") if isinstance(result, dict) else None
        if not isinstance(items, list):
            self.bad_shape(response, 'an object with "SearchResult.SearchResultItems"')
            return
        seen = self.seen.setdefault(board, set())
        for item in items:
            job = item.get("MatchedObjectDescriptor") if isinstance(item, dict) else None
            if not isinstance(job, dict):
                continue
            job_id = item.get("MatchedObjectId") or job.get("PositionID")
            if job_id and job_id not in seen:
                seen.add(job_id)
                yield self.posting(board, job_id, job)
        if items and page < _page_count(result, self.page_size) and self.page_allowed(page + 1):
            yield self.page_request(board, wording, page + 1)

    def posting(self, board, job_id, job):
        details = (job.get("UserArea") or {}).get("Details") or {}
        locations = [loc for loc in job.get("PositionLocation") or [] if isinstance(loc, dict)]
        location = job.get("PositionLocationDisplay") or "; ".join(
            loc["LocationName"] for loc in locations if loc.get("LocationName")) or None
        return self.make_posting(
            board, job_id, job,
            title=job.get("PositionTitle"),
            company=job.get("OrganizationName") or job.get("DepartmentName"),
            location=location,
            country=_country(locations),
            employment_type=", ".join(s["Name"] for s in job.get("PositionSchedule") or []
                                      if isinstance(s, dict) and s.get("Name")) or None,
            work_mode=_work_mode(details),
            date_posted=nz.to_iso_date(job.get("PublicationStartDate")),
            valid_through=nz.to_iso_date(job.get("ApplicationCloseDate")),
            url=job.get("PositionURI"),
            description_text=_description(job, details),
            **_salary(job.get("PositionRemuneration")),
        )


def _page_count(result: dict, page_size: int) -> int:
    """``UserArea.NumberOfPages`` (a string in the API's answers), else from the total count."""
    pages = str((result.get("UserArea") or {}).get("NumberOfPages") or "").strip()
    if pages.isdigit():
        return int(pages)
    total = str(result.get("SearchResultCountAll") or "").strip()
    return -(-int(total) // page_size) if total.isdigit() else 0


def _country(locations: list[dict]) -> str | None:
    """The US unless a location names another country; ``None`` when they name several."""
    countries = {nz.country_code(loc.get("CountryCode")) or nz.country_from_location(loc.get("LocationName"))
                 for loc in locations}
    countries.discard(None)
    if not countries:
        return "US"
    return countries.pop() if len(countries) == 1 else None


def _flag(value) -> bool | None:
    """A yes/no field as a bool: the API sends booleans, some fields ``"True"``/``"False"``."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if value is not None else ""
    return {"true": True, "false": False}.get(text)


def _work_mode(details: dict) -> str | None:
    """Remote when ``RemoteIndicator``; else hybrid when ``TeleworkEligible``; on-site when
    the posting says no to both; ``None`` when it says nothing."""
    remote, telework = _flag(details.get("RemoteIndicator")), _flag(details.get("TeleworkEligible"))
    if remote:
        return "remote"
    return nz.work_mode(remote=remote, hybrid=telework)


def _salary(remuneration) -> dict:
    """Structured pay from the one range a posting gives, in USD, with a period we know."""
    ranges = [r for r in remuneration or [] if isinstance(r, dict)]
    if len(ranges) != 1 or ranges[0].get("RateIntervalCode") not in PERIODS:
        return {}
    pay = ranges[0]
    low, high = nz.to_number(pay.get("MinimumRange")), nz.to_number(pay.get("MaximumRange"))
    if low is None or high is None:
        return {}
    return nz.structured_salary(low, high, "USD", PERIODS[pay["RateIntervalCode"]])


def _description(job: dict, details: dict) -> str | None:
    """The requirement-bearing parts of the announcement, each under its heading."""
    duties = details.get("MajorDuties")
    if isinstance(duties, list):   # one duty an item; an item that is itself a list stays one
        texts = [nz.html_to_text(d) for d in duties if isinstance(d, str)]
        duties = "\n".join(t if t.startswith("- ") else f"- {t}" for t in texts if t)
    parts = [
        ("Summary", details.get("JobSummary")),
        ("Duties", duties),
        ("Qualifications", job.get("QualificationSummary")),
        ("Education", details.get("Education")),
        ("Requirements", details.get("Requirements")),
    ]
    sections = []
    for heading, value in parts:
        text = nz.html_to_text(value) if isinstance(value, str) else None
        if text:
            sections.append(f"{heading}\n\n{text}")
    return "\n\n".join(sections) or None
