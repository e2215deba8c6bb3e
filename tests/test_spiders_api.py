"""Job-board API spiders and the normalisation helpers they share.

Three layers: the helpers of ``crawler/normalize.py``; each spider's parse methods fed with
``TextResponse`` objects in the source's real shape (fast, no reactor); and one real crawl per
source through the CLI in a subprocess against a server on 127.0.0.1 (tests/localserver.py).
The response bodies are built here from the shapes of ../shared/reference/api_samples, with
values of our own.
"""
from __future__ import annotations

import json
import logging

import pytest
from scrapy.http import Request, TextResponse

from crawler import normalize as nz
from crawler.items import Posting
from crawler.spiders.base import BoardSpider


# ============================================================================ normalize

def test_html_to_text_unescapes_greenhouse_style_content_and_keeps_blocks():
    escaped = ("&lt;div&gt;&lt;p&gt;We sell &amp;amp; serve.&lt;/p&gt;&lt;h3&gt;You have&lt;/h3&gt;"
               "&lt;ul&gt;&lt;li&gt;3+ years&lt;/li&gt;&lt;li&gt;CRM &lt;b&gt;skills&lt;/b&gt;&lt;/li&gt;"
               "&lt;/ul&gt;&lt;p&gt;Pay&amp;nbsp;is fair&lt;/p&gt;&lt;/div&gt;")
    assert nz.html_to_text(escaped) == "We sell & serve.\n\nYou have\n\n- 3+ years\n- CRM skills\n\nPay is fair"


def test_html_to_text_list_items_with_paragraphs_scripts_and_breaks():
    html = ("<ul>\n <li><p>Own   a\n book of accounts.</p></li>\n <li></li><li>Renew<br>and grow</li></ul>"
            "<script>var x = 1;</script><style>p {}</style><p>Bye</p>")
    assert nz.html_to_text(html) == "- Own a book of accounts.\n- Renew\nand grow\n\nBye"


def test_html_to_text_plain_text_and_empty():
    assert nz.html_to_text("Line one\n\nLine two &amp; more") == "Line one\n\nLine two & more"
    assert nz.html_to_text("a < b and c > d") == "a < b and c > d"
    assert nz.html_to_text(None) is None
    assert nz.html_to_text("   ") is None
    assert nz.html_to_text("<p> </p>") is None


def test_unescape_html_leaves_real_markup_alone():
    assert nz.unescape_html("<p>Fish &amp; chips &lt;3</p>") == "<p>Fish &amp; chips &lt;3</p>"
    assert nz.unescape_html("&lt;p&gt;x&lt;/p&gt;") == "<p>x</p>"


@pytest.mark.parametrize("value, expected", [
    ("2024-01-05T23:30:00-05:00", "2024-01-05"),
    ("2026-10-08T17:50:26.027Z", "2026-10-08"),
    ("2026-10-05 16:05:18 UTC", "2026-10-05"),
    ("2026-05-29", "2026-05-29"),
    (1704412800000, "2024-01-05"),      # Lever: epoch milliseconds
    ("1704412800000", "2024-01-05"),
    (1704412800, "2024-01-05"),         # epoch seconds
    ("Fri, 05 Jan 2024 10:00:00 GMT", "2024-01-05"),
    ("2024-02-30", None), ("soon", None), ("", None), (None, None), (0, None), (True, None),
])
def test_to_iso_date(value, expected):
    assert nz.to_iso_date(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("per-year-salary", "year"), ("1 YEAR", "year"), ("annually", "year"), ("YEAR", "year"),
    ("per-month-salary", "month"), ("MONTH", "month"), ("weekly", "week"), ("per day", "day"),
    ("HOUR", "hour"), ("/hr", "hour"), ("per-hour-wage", "hour"), ("ONE_TIME", None), (None, None),
])
def test_salary_period(value, expected):
    assert nz.salary_period(value) == expected


def test_currency_and_structured_salary():
    assert nz.currency_code("usd") == "USD" and nz.currency_code("€") == "EUR"
    assert nz.currency_code("XYZ") is None and nz.currency_code(None) is None
    assert nz.structured_salary(110000, "185,000", "eur", "1 YEAR") == {
        "salary_min": 110000.0, "salary_max": 185000.0, "salary_currency": "EUR", "salary_period": "year"}
    assert nz.structured_salary(None, None, "USD", "year") == {}
    assert nz.structured_salary(90, 50, "USD", "hour")["salary_min"] == 50.0


@pytest.mark.parametrize("kwargs, expected", [
    ({"workplace_type": "OnSite"}, "onsite"), ({"workplace_type": "on-site"}, "onsite"),
    ({"workplace_type": "Remote"}, "remote"), ({"workplace_type": "hybrid"}, "hybrid"),
    ({"workplace_type": "unspecified"}, None), ({}, None),
    ({"workplace_type": "Hybrid", "remote": True}, "hybrid"),
    ({"remote": True}, "remote"), ({"remote": False}, None),
    ({"remote": False, "hybrid": False}, "onsite"), ({"remote": False, "hybrid": True}, "hybrid"),
    ({"remote": False, "hybrid": False, "onsite": True}, "onsite"),
])
def test_work_mode(kwargs, expected):
    workplace_type = kwargs.pop("workplace_type", None)
    assert nz.work_mode(workplace_type, **kwargs) == expected


@pytest.mark.parametrize("location, expected", [
    ("St. Joseph, MI, United States", "US"), ("Foster City, CA", "US"), ("Canada", "CA"),
    ("Brussels, Brussels, Belgium", "BE"), ("London, UK", "GB"), ("Remote (US)", "US"),
    ("Paris, FR", "FR"), ("Berlin, Germany - Remote", "DE"), ("Remote, Bangalore", None),
    ("Remote - European Union", None), ("", None), (None, None),
])
def test_country_from_location(location, expected):
    assert nz.country_from_location(location) == expected


def test_country_code():
    assert nz.country_code("us") == "US" and nz.country_code("USA") == "US"
    assert nz.country_code("France") == "FR" and nz.country_code("Nowhere") is None


# ============================================================================ base spider

class _Echo(BoardSpider):
    name = "echo"
    api_base = "https://api.example.com"

    def board_requests(self, board):
        yield self.request(self.api_url(f"/v1/{board}/jobs", board, q="account manager"), self.parse)


def test_board_arguments_and_urls():
    spider = _Echo(boards="acme, globex,", base_url="http://127.0.0.1:9/", max_pages="2")
    assert spider.boards == ["acme", "globex"] and spider.max_pages == 2
    assert spider.api_url("/v1/acme/jobs", "acme", q="account manager") == \
        "http://127.0.0.1:9/v1/acme/jobs?q=account%20manager"
    assert spider.page_allowed(2) and not spider.page_allowed(3)
    assert _Echo(boards=["x"]).api_url("/p") == "https://api.example.com/p"
    assert _Echo(boards=["x"], base_url="http://{board}.mirror.test").api_url("/p", "x") == "http://x.mirror.test/p"


def test_base_url_setting_applies_when_no_argument():
    from scrapy.utils.test import get_crawler

    crawler = get_crawler(_Echo, {"AMSCOUT_BASE_URL": "http://127.0.0.1:7"})
    spider = _Echo.from_crawler(crawler, boards="acme")
    assert spider.api_url("/x") == "http://127.0.0.1:7/x"
    spider = _Echo.from_crawler(crawler, boards="acme", base_url="http://127.0.0.1:8")
    assert spider.api_url("/x") == "http://127.0.0.1:8/x"


def test_malformed_json_and_failures_log_one_error_each(caplog):
    spider = _Echo(boards="acme")
    bad = TextResponse("http://h/x", body=b"{not json", encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        assert spider.load_json(bad) is None
    assert [r.levelno for r in caplog.records] == [logging.ERROR]
    assert "http://h/x" in caplog.records[0].getMessage()


def test_make_posting_derives_id_and_text():
    item = _Echo(boards="acme").make_posting(
        "acme", 42, {"id": 42}, title="Account Manager", description_html="<p>Hi</p>", location=None)
    assert isinstance(item, Posting)
    assert item["id"] == "echo:acme:42" and item["external_id"] == "42"
    assert item["description_text"] == "Hi" and "location" not in item
