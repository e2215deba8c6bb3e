"""Faults during a real crawl: each ends in one logged, counted error, never a crash or a lost
posting. Every crawl also serves a healthy page, which must still be stored."""
import json

import pytest

from crawlcli import crawl, error_lines, postings, runs
from localserver import Route


def job_page(ident: str, title: str = "Account Manager") -> str:
    job = {"@context": "https://schema.org", "@type": "JobPosting", "title": f"{title} {ident}",
           "identifier": ident, "hiringOrganization": {"@type": "Organization", "name": "Acme"},
           "description": "<p>Manage accounts.</p>"}
    return f'<html><head><script type="application/ld+json">{json.dumps(job)}</script></head><body></body></html>'


def crawl_pages(srv, db_path, *paths, settings=None):
    urls = []
    for path in paths:
        urls += ["--start-url", srv.url + path]
    return crawl("jsonld", *urls, "--depth", "0", db=db_path, settings=settings)


def assert_one_counted_error(result, db_path, fault_path: str, *words: str):
    """Exactly one ERROR line, about ``fault_path``; crawl_runs and the summary count it."""
    errors = error_lines(result.stderr)
    assert len(errors) == 1, result.stderr
    assert fault_path in errors[0]
    for word in words:
        assert word.lower() in errors[0].lower(), errors[0]
    assert runs(db_path)[-1]["errors"] == 1
    assert "1 errors" in result.stdout
    assert "Traceback" not in result.stderr


def test_429_retry_after_is_waited_for_then_the_posting_is_stored(local_server, db_path):
    srv = local_server({"/jobs/a": [Route("slow down", status=429, headers={"Retry-After": "2"}),
                                    Route(job_page("A"))]})
    result = crawl_pages(srv, db_path, "/jobs/a")
    assert result.returncode == 0, result.stderr
    assert "jsonld:127.0.0.1:A" in postings(db_path)
    asked = [t for t, path, _ in srv.requests if path == "/jobs/a"]
    assert len(asked) == 2
    assert asked[1] - asked[0] >= 1.9          # the server asked for two seconds
    assert error_lines(result.stderr) == [] and runs(db_path)[-1]["errors"] == 0


def test_503_is_retried_and_a_host_that_stays_down_is_one_counted_error(local_server, db_path):
    srv = local_server({
        "/jobs/a": [Route("busy", status=503), Route(job_page("A"))],
        "/jobs/down": Route("down", status=503, headers={"Retry-After": "0"}),
    })
    result = crawl_pages(srv, db_path, "/jobs/a", "/jobs/down", settings={"RETRY_AFTER_TIMES": 2})
    assert result.returncode == 0, result.stderr
    assert "jsonld:127.0.0.1:A" in postings(db_path)
    assert srv.hits("/jobs/down") == 3        # first try + two retries, then given up
    assert_one_counted_error(result, db_path, "/jobs/down", "503")


def test_timeout_is_one_counted_error(local_server, db_path):
    srv = local_server({"/jobs/slow": Route(job_page("S"), delay=3), "/jobs/ok": Route(job_page("OK"))})
    result = crawl_pages(srv, db_path, "/jobs/slow", "/jobs/ok",
                         settings={"DOWNLOAD_TIMEOUT": 1, "RETRY_TIMES": 0})
    assert result.returncode == 0, result.stderr
    assert set(postings(db_path)) == {"jsonld:127.0.0.1:OK"}
    assert_one_counted_error(result, db_path, "/jobs/slow", "timeout")


def test_robots_txt_disallow_is_obeyed_and_counted(local_server, db_path):
    srv = local_server({
        "/robots.txt": Route("User-agent: *\nDisallow: /private\n", content_type="text/plain"),
        "/private/job": Route(job_page("P")), "/jobs/ok": Route(job_page("OK")),
    })
    result = crawl_pages(srv, db_path, "/private/job", "/jobs/ok")
    assert result.returncode == 0, result.stderr
    assert srv.hits("/private/job") == 0
    assert set(postings(db_path)) == {"jsonld:127.0.0.1:OK"}
    assert_one_counted_error(result, db_path, "/private/job", "robots")


def test_oversized_body_is_refused_and_counted(local_server, db_path):
    huge = job_page("H").replace("<body>", "<body>" + "x" * 200_000)
    srv = local_server({"/jobs/huge": Route(huge), "/jobs/ok": Route(job_page("OK"))})
    result = crawl_pages(srv, db_path, "/jobs/huge", "/jobs/ok", settings={"DOWNLOAD_MAXSIZE": 50_000})
    assert result.returncode == 0, result.stderr
    assert set(postings(db_path)) == {"jsonld:127.0.0.1:OK"}
    assert_one_counted_error(result, db_path, "/jobs/huge")


GREENHOUSE_OK = {"jobs": [{
    "id": 4001, "title": "Enterprise Account Executive", "company_name": "Beta",
    "content": "&lt;p&gt;Sell to &lt;b&gt;enterprises&lt;/b&gt;.&lt;/p&gt;",
    "absolute_url": "https://boards.greenhouse.io/beta/jobs/4001", "location": {"name": "Austin, TX"},
    "updated_at": "2026-10-01T10:00:00-04:00"}], "meta": {"total": 1}}


def test_malformed_json_from_an_api_is_one_counted_error(local_server, db_path):
    srv = local_server({
        "/v1/boards/acme/jobs?content=true": Route('{"jobs": [{"id": 1, "title": ', content_type="application/json"),
        "/v1/boards/beta/jobs?content=true": Route(GREENHOUSE_OK),
    })
    result = crawl("greenhouse", "--board", "acme", "--board", "beta", "--base-url", srv.url, db=db_path)
    assert result.returncode == 0, result.stderr
    assert set(postings(db_path)) == {"greenhouse:beta:4001"}
    assert_one_counted_error(result, db_path, "/v1/boards/acme/jobs", "json")


@pytest.mark.parametrize("retry_after", ["1", "Wed, 21 Oct 2015 07:28:00 GMT"])
def test_retry_after_header_forms(retry_after):
    from crawler.middlewares import parse_retry_after

    seconds = parse_retry_after(retry_after)
    assert seconds == (1.0 if retry_after == "1" else 0.0)  # a date in the past: no wait


def test_retry_after_date_in_the_future_and_junk():
    from email.utils import formatdate

    from crawler.middlewares import parse_retry_after

    now = 1_800_000_000
    assert parse_retry_after(formatdate(now + 30, usegmt=True), now=now) == pytest.approx(30)
    assert parse_retry_after(b"soon") is None and parse_retry_after(None) is None


def backoff_middleware(**settings):
    from scrapy.utils.test import get_crawler

    from crawler.middlewares import RetryAfterMiddleware

    crawler = get_crawler(settings_dict={"RETRY_AFTER_TIMES": 2, "RETRY_AFTER_MAX_WAIT": 60, **settings})
    crawler.stats.open_spider()
    return RetryAfterMiddleware(crawler)


def test_backoff_holds_the_whole_host_and_is_bounded():
    import time

    from scrapy import Request
    from scrapy.http import Response

    mw = backoff_middleware()
    request = Request("http://jobs.example/a")
    refused = Response(request.url, status=429, headers={"Retry-After": "30"}, request=request)
    retry = mw.process_response(request, refused)
    assert isinstance(retry, Request) and retry.meta["retry_after_times"] == 1 and retry.dont_filter
    assert mw.blocked_until["jobs.example"] - time.monotonic() == pytest.approx(30, abs=1)
    assert "other.example" not in mw.blocked_until            # other hosts go on
    again = mw.process_response(retry, Response(retry.url, status=503, request=retry))
    assert isinstance(again, Request) and again.meta["retry_after_times"] == 2
    given_up = Response(again.url, status=503, request=again)
    assert mw.process_response(again, given_up) is given_up    # third refusal: handed to the errback
    too_long = Response(request.url, status=429, headers={"Retry-After": "3600"}, request=request)
    assert mw.process_response(request, too_long) is too_long  # not worth waiting an hour
    ok = Response(request.url, status=200, request=request)
    assert mw.process_response(request, ok) is ok
