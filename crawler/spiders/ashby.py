"""Ashby job boards: ``GET /posting-api/job-board/<token>?includeCompensation=true``.

Jobs with ``isListed: false`` are hidden on the board and skipped. Pay is taken only from the
structured compensation components of type ``Salary`` (the summary, else every tier): the
lowest minimum and highest maximum, when all share one currency and interval.
"""
from __future__ import annotations

from crawler import normalize as nz
from crawler.spiders.base import BoardSpider


class AshbySpider(BoardSpider):
    name = "ashby"
    api_base = "https://api.ashbyhq.com"

    def board_requests(self, board):
        url = self.api_url(f"/posting-api/job-board/{board}?includeCompensation=true", board)
        yield self.request(url, self.parse_board, board=board)

    def parse_board(self, response, board):
        answer = self.json_records(response, "jobs")
        if answer is None:
            return
        _, records = answer
        for job in records:
            if job.get("id") and job.get("isListed", True) is not False:
                yield self.posting(board, job)

    def posting(self, board, job):
        location = job.get("location")
        address = ((job.get("address") or {}).get("postalAddress") or {})
        return self.make_posting(
            board, job["id"], job,
            title=job.get("title"),
            company=self.company_name(board),
            location=location,
            country=nz.country_code(address.get("addressCountry")) or nz.country_from_location(location),
            department=job.get("department") or job.get("team"),
            employment_type=job.get("employmentType"),
            work_mode=nz.work_mode(job.get("workplaceType"), remote=True if job.get("isRemote") else None),
            date_posted=nz.to_iso_date(job.get("publishedAt")),
            url=job.get("jobUrl"),
            description_html=job.get("descriptionHtml"),
            description_text=None if job.get("descriptionHtml") else nz.html_to_text(job.get("descriptionPlain")),
            **ashby_salary(job.get("compensation")),
        )


def ashby_salary(compensation) -> dict:
    """Structured salary fields from Ashby's compensation object, or ``{}``."""
    if not isinstance(compensation, dict):
        return {}
    components = _salary_components(compensation.get("summaryComponents"))
    if not components:
        for tier in compensation.get("compensationTiers") or []:
            if isinstance(tier, dict):
                components += _salary_components(tier.get("components"))
    if not components:
        return {}
    kinds = {(c.get("currencyCode"), c.get("interval")) for c in components}
    if len(kinds) != 1:
        return {}
    currency, interval = kinds.pop()
    lows = [c["minValue"] for c in components if nz.to_number(c.get("minValue"))]
    highs = [c["maxValue"] for c in components if nz.to_number(c.get("maxValue"))]
    return nz.structured_salary(min(lows, key=nz.to_number, default=None),
                                max(highs, key=nz.to_number, default=None), currency, interval)


def _salary_components(items) -> list[dict]:
    return [c for c in items or [] if isinstance(c, dict)
            and str(c.get("compensationType", "")).lower() == "salary"
            and (nz.to_number(c.get("minValue")) or nz.to_number(c.get("maxValue")))]
