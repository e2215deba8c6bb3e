"""Lever postings: ``GET /v0/postings/<token>?mode=json&skip=N&limit=100``, paged until a
short page.

Dates are epoch milliseconds (``createdAt``). The description is ``description`` (HTML) plus
the ``lists`` (a heading and ``<li>`` items each) plus ``additional``; a part that only comes
as plain text (``descriptionPlain``, ``additionalPlain``) is wrapped in paragraphs.
``salaryRange`` is structured pay.
"""
from __future__ import annotations

import html

from crawler import normalize as nz
from crawler.spiders.base import BoardSpider


class LeverSpider(BoardSpider):
    name = "lever"
    api_base = "https://api.lever.co"
    page_size = 100

    def board_requests(self, board):
        yield self.page_request(board, skip=0, page=1)

    def page_request(self, board, skip, page):
        url = self.api_url(f"/v0/postings/{board}?mode=json", board, skip=skip, limit=self.page_size)
        return self.request(url, self.parse_page, board=board, skip=skip, page=page)

    def parse_page(self, response, board, skip, page):
        answer = self.json_records(response)
        if answer is None:
            return
        data, records = answer
        for job in records:
            if job.get("id"):
                yield self.posting(board, job)
        if len(data) >= self.page_size and self.page_allowed(page + 1):
            yield self.page_request(board, skip=skip + len(data), page=page + 1)

    def posting(self, board, job):
        categories = job.get("categories") or {}
        location = categories.get("location") or ", ".join(categories.get("allLocations") or []) or None
        pay = job.get("salaryRange") or {}
        return self.make_posting(
            board, job["id"], job,
            title=job.get("text"),
            company=self.company_name(board),
            location=location,
            country=nz.country_code(job.get("country")) or nz.country_from_location(location),
            department=categories.get("team") or categories.get("department"),
            employment_type=categories.get("commitment"),
            work_mode=nz.work_mode(job.get("workplaceType")),
            date_posted=nz.to_iso_date(job.get("createdAt")),
            url=job.get("hostedUrl"),
            description_html=_description_html(job),
            **nz.structured_salary(pay.get("min"), pay.get("max"), pay.get("currency"), pay.get("interval")),
        )


def _description_html(job) -> str | None:
    """Lever's parts in reading order, as one HTML document (plain parts wrapped in <p>)."""
    parts = [job.get("description") or _plain_as_html(job.get("descriptionPlain"))]
    for block in job.get("lists") or []:
        if isinstance(block, dict):
            heading = html.escape((block.get("text") or "").strip())
            parts.append(f"<h3>{heading}</h3><ul>{block.get('content') or ''}</ul>")
    parts.append(job.get("additional") or _plain_as_html(job.get("additionalPlain")))
    return "".join(parts) or None


def _plain_as_html(text) -> str:
    if not isinstance(text, str):
        return ""
    return "".join(f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip())
