"""Greenhouse job boards: ``GET /v1/boards/<token>/jobs?content=true`` (one call per board).

``content`` is HTML whose markup is entity-escaped (``&lt;p&gt;``); it is unescaped before it
is stored as ``description_html``. Work mode and employment type come from the board's
``metadata`` fields when a board defines them (e.g. "Workplace Type": "Remote").
"""
from __future__ import annotations

from crawler import normalize as nz
from crawler.spiders.base import BoardSpider


class GreenhouseSpider(BoardSpider):
    name = "greenhouse"
    api_base = "https://boards-api.greenhouse.io"

    def board_requests(self, board):
        yield self.request(self.api_url(f"/v1/boards/{board}/jobs?content=true", board),
                           self.parse_jobs, board=board)

    def parse_jobs(self, response, board):
        answer = self.json_records(response, "jobs")
        if answer is None:
            return
        _, records = answer
        for job in records:
            if job.get("id") is not None:
                yield self.posting(board, job)

    def posting(self, board, job):
        location = (job.get("location") or {}).get("name")
        metadata = {str(m.get("name", "")).lower(): m.get("value")
                    for m in job.get("metadata") or [] if isinstance(m, dict)}
        return self.make_posting(
            board, job["id"], job,
            title=job.get("title"),
            company=job.get("company_name") or self.company_name(board),
            location=location,
            country=nz.country_from_location(location),
            department=_names(job.get("departments")),
            employment_type=_first_text(metadata, "employment type", "employment_type", "job type"),
            work_mode=nz.work_mode(_first_text(metadata, "workplace type", "workplace", "remote type")),
            date_posted=nz.to_iso_date(job.get("first_published") or job.get("updated_at")),
            url=job.get("absolute_url"),
            description_html=nz.unescape_html(job.get("content")),
        )


def _names(items) -> str | None:
    """"Sales, EMEA" from Greenhouse's ``departments`` / ``offices`` lists."""
    names = [i.get("name") for i in items or [] if isinstance(i, dict) and i.get("name")]
    return ", ".join(names) or None


def _first_text(metadata: dict, *keys) -> str | None:
    for key in keys:
        value = metadata.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None
