"""The Muse: ``GET /api/public/jobs?category=Account%20Management&page=N``, paged by
``page_count``.

Pages count from 0, as The Muse's API does; the spider follows ``page`` from each answer until
``page_count``. A board is optional: without one the whole category is read (board ``all``);
a board token is a company name passed as The Muse's ``company`` filter. An API key, when set
in ``THEMUSE_API_KEY``, raises the hourly request limit.
"""
from __future__ import annotations

import os

from crawler import normalize as nz
from crawler.spiders.base import BoardSpider

ALL = "all"


class TheMuseSpider(BoardSpider):
    name = "themuse"
    api_base = "https://www.themuse.com"
    category = "Account Management"
    default_boards = [ALL]

    def board_requests(self, board):
        yield self.page_request(board, page=0)

    def page_request(self, board, page):
        query = {"category": self.category}
        if board != ALL:
            query["company"] = board
        query["page"] = page
        if os.environ.get("THEMUSE_API_KEY"):
            query["api_key"] = os.environ["THEMUSE_API_KEY"]
        return self.request(self.api_url("/api/public/jobs", board, **query), self.parse_page,
                            board=board, page=page)

    def parse_page(self, response, board, page):
        answer = self.json_records(response, "results")
        if answer is None:
            return
        data, records = answer
        for job in records:
            if job.get("id") is not None:
                yield self.posting(board, job)
        page_count = data.get("page_count")
        # page index p is the (p + 1)-th page read
        if data["results"] and isinstance(page_count, int) and page + 1 < page_count \
                and self.page_allowed(page + 2):
            yield self.page_request(board, page + 1)

    def posting(self, board, job):
        locations = [loc.get("name") for loc in job.get("locations") or []
                     if isinstance(loc, dict) and loc.get("name")]
        location = "; ".join(locations) or None
        countries = {nz.country_from_location(loc) for loc in locations}
        return self.make_posting(
            board, job["id"], job,
            title=job.get("name"),
            company=(job.get("company") or {}).get("name") or (board if board != ALL else None),
            location=location,
            country=countries.pop() if len(countries) == 1 else None,
            date_posted=nz.to_iso_date(job.get("publication_date")),
            url=(job.get("refs") or {}).get("landing_page"),
            description_html=job.get("contents"),
        )
