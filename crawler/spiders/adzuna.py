"""Adzuna search: ``GET /v1/api/jobs/<country>/search/<page>?app_id=..&app_key=..&what=...``.

Adzuna needs a free key pair from developer.adzuna.com, read from ``ADZUNA_APP_ID`` and
``ADZUNA_APP_KEY``; ``check_ready()`` refuses to start without them. A board is a country code
(default ``us``). Pages count from 1, 50 results each, at most ``max_pages`` (default 10) per
country. Adzuna estimates pay for many ads (``salary_is_predicted: "1"``): those estimates stay
in ``raw`` only, never in the structured salary fields. Adzuna's pay is annual, in the
country's currency. The key is masked in every logged URL.
"""
from __future__ import annotations

import os
import re

from crawler import normalize as nz
from crawler.spiders.base import BoardSpider

# Adzuna's countries and the currency its salaries are given in.
CURRENCIES = {
    "at": "EUR", "au": "AUD", "be": "EUR", "br": "BRL", "ca": "CAD", "ch": "CHF", "de": "EUR",
    "es": "EUR", "fr": "EUR", "gb": "GBP", "in": "INR", "it": "EUR", "mx": "MXN", "nl": "EUR",
    "nz": "NZD", "pl": "PLN", "sg": "SGD", "us": "USD", "za": "ZAR",
}


class AdzunaSpider(BoardSpider):
    name = "adzuna"
    api_base = "https://api.adzuna.com"
    default_boards = ["us"]
    default_max_pages = 10
    what = "account manager"
    page_size = 50

    required_env = ("ADZUNA_APP_ID", "ADZUNA_APP_KEY")
    source_label = "Adzuna"
    key_help = "a free key from https://developer.adzuna.com"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.boards = [b.lower() for b in self.boards]

    def board_requests(self, board):
        if board not in CURRENCIES:
            self.logger.error("Adzuna has no country %r (known: %s)", board, ", ".join(sorted(CURRENCIES)))
            return
        yield self.page_request(board, 1)

    def page_request(self, board, page):
        url = self.api_url(
            f"/v1/api/jobs/{board}/search/{page}", board,
            app_id=os.environ["ADZUNA_APP_ID"], app_key=os.environ["ADZUNA_APP_KEY"],
            results_per_page=self.page_size, what=self.what)
        return self.request(url, self.parse_page, board=board, page=page)

    def redact(self, url: str) -> str:
        return re.sub(r"(app_key=)[^&]*", r"\1***", url)

    def parse_page(self, response, board, page):
        answer = self.json_records(response, "results")
        if answer is None:
            return
        data, records = answer
        for job in records:
            if job.get("id") is not None:
                yield self.posting(board, job)
        count = data.get("count")
        if data["results"] and isinstance(count, int) and page * self.page_size < count \
                and self.page_allowed(page + 1):
            yield self.page_request(board, page + 1)

    def posting(self, board, job):
        where = job.get("location") or {}
        predicted = str(job.get("salary_is_predicted", "0")) not in ("0", "false", "False")
        salary = {} if predicted else nz.structured_salary(
            job.get("salary_min"), job.get("salary_max"), CURRENCIES.get(board), "year")
        return self.make_posting(
            board, job["id"], job,
            title=job.get("title"),
            company=(job.get("company") or {}).get("display_name"),
            location=where.get("display_name"),
            country=board.upper(),
            employment_type=_employment_type(job),
            date_posted=nz.to_iso_date(job.get("created")),
            url=job.get("redirect_url"),
            description_text=nz.html_to_text(job.get("description")),
            **salary,
        )


def _employment_type(job) -> str | None:
    """"full_time, permanent" -> "Full time, permanent" from Adzuna's two contract fields."""
    parts = [job.get(k) for k in ("contract_time", "contract_type") if isinstance(job.get(k), str)]
    return ", ".join(p.replace("_", " ") for p in parts).capitalize() or None
