"""Workable accounts: ``GET /api/v1/widget/accounts/<token>?details=true`` (one call per board).

The response names the company and lists every job with its HTML description.
``telecommuting: true`` is the only structured work-mode signal (its absence says nothing).
"""
from __future__ import annotations

from crawler import normalize as nz
from crawler.spiders.base import BoardSpider


class WorkableSpider(BoardSpider):
    name = "workable"
    api_base = "https://apply.workable.com"

    def board_requests(self, board):
        yield self.request(self.api_url(f"/api/v1/widget/accounts/{board}?details=true", board),
                           self.parse_account, board=board)

    def parse_account(self, response, board):
        answer = self.json_records(response, "jobs")
        if answer is None:
            return
        data, records = answer
        company = data.get("name") or self.company_name(board)
        for job in records:
            if job.get("shortcode"):
                yield self.posting(board, company, job)

    def posting(self, board, company, job):
        first = next((loc for loc in job.get("locations") or [] if isinstance(loc, dict)), {})
        location = ", ".join(p for p in (job.get("city"), job.get("state"), job.get("country")) if p) or None
        return self.make_posting(
            board, job["shortcode"], job,
            title=job.get("title"),
            company=company,
            location=location,
            country=nz.country_code(first.get("countryCode")) or nz.country_code(job.get("country")),
            department=job.get("department"),
            employment_type=job.get("employment_type"),
            work_mode=nz.work_mode(remote=True if job.get("telecommuting") else None),
            date_posted=nz.to_iso_date(job.get("published_on") or job.get("created_at")),
            url=job.get("url") or job.get("shortlink"),
            description_html=job.get("description"),
        )
