"""SmartRecruiters companies: a list, then one detail call per posting for the job ad.

List: ``GET /v1/companies/<token>/postings?limit=100&offset=N``, paged by ``totalFound`` (the
next offset counts the postings actually returned). Detail:
``GET /v1/companies/<token>/postings/<id>`` has ``jobAd.sections`` (description,
qualifications, additional information) and ``postingUrl``. When a detail call fails, the
posting is still kept with its list-level fields (and the failure logged once). A title the
role filter would drop gets no detail call (unless ``--all-roles``).
"""
from __future__ import annotations

import html

from crawler import normalize as nz
from crawler.spiders.base import BoardSpider

_SECTIONS = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")


class SmartRecruitersSpider(BoardSpider):
    name = "smartrecruiters"
    api_base = "https://api.smartrecruiters.com"
    page_size = 100

    def board_requests(self, board):
        yield self.list_request(board, offset=0, page=1)

    def list_request(self, board, offset, page):
        url = self.api_url(f"/v1/companies/{board}/postings", board, limit=self.page_size, offset=offset)
        return self.request(url, self.parse_list, board=board, offset=offset, page=page)

    def parse_list(self, response, board, offset, page):
        answer = self.json_records(response, "content")
        if answer is None:
            return
        data, records = answer
        for summary in records:
            if summary.get("id") and self.wanted(summary.get("name")):
                yield self.detail_request(board, summary)
        next_offset = offset + len(data["content"])
        total = data.get("totalFound")
        if data["content"] and isinstance(total, int) and next_offset < total and self.page_allowed(page + 1):
            yield self.list_request(board, offset=next_offset, page=page + 1)

    def detail_request(self, board, summary):
        return self.request(self.api_url(f"/v1/companies/{board}/postings/{summary['id']}", board),
                            self.parse_detail, errback=self.on_detail_error, board=board, summary=summary)

    def parse_detail(self, response, board, summary):
        detail = self.load_json(response)
        if not isinstance(detail, dict):
            if detail is not None:
                self.bad_shape(response, "a posting object")
            detail = {}
        yield self.posting(board, summary, detail)

    def on_detail_error(self, failure):
        """Log the failed detail call once, and keep the posting from its list entry."""
        self.on_item_error(failure)  # a posting gone since the list was read, not a missing board
        kwargs = failure.request.cb_kwargs
        yield self.posting(kwargs["board"], kwargs["summary"], {})

    def posting(self, board, summary, detail):
        record = {**summary, **detail}
        where = record.get("location") or {}
        location = where.get("fullLocation") or ", ".join(
            p for p in (where.get("city"), where.get("region"), where.get("country")) if p) or None
        return self.make_posting(
            board, summary["id"], record,
            title=record.get("name"),
            company=(record.get("company") or {}).get("name") or self.company_name(board),
            location=location,
            country=nz.country_code(where.get("country")) or nz.country_from_location(location),
            department=(record.get("department") or {}).get("label")
            or (record.get("function") or {}).get("label"),
            employment_type=(record.get("typeOfEmployment") or {}).get("label"),
            work_mode=nz.work_mode(remote=where.get("remote"), hybrid=where.get("hybrid")),
            date_posted=nz.to_iso_date(record.get("releasedDate")),
            url=record.get("postingUrl") or f"https://jobs.smartrecruiters.com/{board}/{summary['id']}",
            description_html=_job_ad_html(detail),
        )


def _job_ad_html(detail) -> str | None:
    """The job ad's sections in reading order, each under its own heading."""
    sections = ((detail.get("jobAd") or {}).get("sections") or {}) if detail else {}
    parts = []
    for key in _SECTIONS:
        section = sections.get(key)
        if isinstance(section, dict) and section.get("text"):
            title = html.escape(section.get("title") or "")
            parts.append((f"<h2>{title}</h2>" if title else "") + section["text"])
    return "".join(parts) or None
