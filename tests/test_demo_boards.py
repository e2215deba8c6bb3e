"""The simulated boards answer in each source's shape, and the real spiders collect all of it.

The crawl test runs ``amscout crawl`` in a subprocess per source (Twisted's reactor cannot
restart), against boards serving 150 generated postings, and checks every stored row against
what the generator made: ids, dates, structured pay and work mode, duplicates, the role filter.
"""
import html
import json
import os
import sqlite3
import subprocess
import urllib.error
import urllib.request

import pytest

from crawler import demo_data as dd
from crawler.demo import DemoBoards
from crawler.demo_run import cli_command, crawl_args


@pytest.fixture(scope="module")
def boards():
    with DemoBoards(dd.generate(150)) as b:
        yield b


def get(boards, path):
    with urllib.request.urlopen(boards.url + path, timeout=10) as r:
        body = r.read().decode("utf-8")
        return json.loads(body) if "json" in r.headers["Content-Type"] else body


def test_greenhouse_shape(boards):
    token = boards.boards["greenhouse"][0]
    full = get(boards, f"/v1/boards/{token}/jobs?content=true")
    plain = get(boards, f"/v1/boards/{token}/jobs")
    assert full["meta"]["total"] == len(full["jobs"]) == len(plain["jobs"]) > 0
    job = full["jobs"][0]
    assert job["content"].startswith("&lt;h3&gt;") and "<" not in job["content"]
    assert "<li>" in html.unescape(job["content"])
    assert "content" not in plain["jobs"][0]
    assert {"id", "title", "updated_at", "first_published", "location", "absolute_url", "company_name"} <= set(job)
    assert get(boards, f"/v1/boards/{token}/jobs/{job['id']}")["id"] == job["id"]


def test_lever_pages_with_skip_and_limit(boards):
    token = boards.boards["lever"][0]
    everything = get(boards, f"/v0/postings/{token}?mode=json")
    first = get(boards, f"/v0/postings/{token}?mode=json&skip=0&limit=3")
    second = get(boards, f"/v0/postings/{token}?mode=json&skip=3&limit=3")
    assert [p["id"] for p in first + second] == [p["id"] for p in everything[:6]]
    post = everything[0]
    assert isinstance(post["createdAt"], int) and post["createdAt"] > 1_700_000_000_000
    assert post["lists"] and post["lists"][0]["content"].startswith("<li>")
    assert post["workplaceType"] in ("remote", "hybrid", "on-site")


def test_ashby_unlisted_jobs_and_compensation_tiers(boards):
    token = boards.boards["ashby"][0]
    with_pay = get(boards, f"/posting-api/job-board/{token}?includeCompensation=true")["jobs"]
    without = get(boards, f"/posting-api/job-board/{token}")["jobs"]
    assert len(with_pay) == len(without)
    assert sum(not j["isListed"] for j in with_pay) == 1
    assert all("compensation" not in j for j in without)
    tiers = [j["compensation"]["compensationTiers"] for j in with_pay if j["compensation"]["compensationTiers"]]
    assert tiers and all(t[0]["components"][0]["compensationType"] == "Salary" for t in tiers)


def test_career_site_pages_sitemap_and_robots(boards):
    index = get(boards, "/careers/")
    assert "simulated" in index and "/careers/jobs/" in index
    sitemap = get(boards, "/sitemap.xml")
    first_url = sitemap.split("<loc>")[1].split("</loc>")[0]
    page = get(boards, first_url[len(boards.url):])
    data = json.loads(page.split('type="application/ld+json">')[1].split("</script>")[0])
    posting = data if "@graph" not in data else [n for n in data["@graph"] if n["@type"] == "JobPosting"][0]
    assert {"title", "datePosted", "hiringOrganization", "description", "identifier"} <= set(posting)
    assert "Allow: /" in get(boards, "/robots.txt")
    with pytest.raises(urllib.error.HTTPError) as err:
        get(boards, "/v1/boards/no-such-board/jobs")
    assert err.value.code == 404


@pytest.fixture(scope="module")
def crawled(boards, tmp_path_factory):
    """Crawl every source of the boards, as the demo does, into one database."""
    db = tmp_path_factory.mktemp("demo-crawl") / "crawl.db"
    env = dict(os.environ, AMSCOUT_FAST_CRAWL="1", AMSCOUT_PROGRESS_INTERVAL="0")
    env.pop("AMSCOUT_DB", None)
    outputs = {}
    for source in ("greenhouse", "lever", "ashby", "jsonld"):
        result = subprocess.run(cli_command(crawl_args(boards, source, db)), env=env, capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 0, result.stderr[-2000:]
        outputs[source] = result.stdout
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    yield conn, outputs
    conn.close()


def test_every_source_crawls_with_no_error(crawled):
    conn, outputs = crawled
    for source, out in outputs.items():
        assert "0 errors" in out, (source, out)
    runs = conn.execute("select source, status, errors from crawl_runs").fetchall()
    assert [(r["source"], r["status"], r["errors"]) for r in runs] == [
        (s, "finished", 0) for s in ("greenhouse", "lever", "ashby", "jsonld")]


def test_stored_rows_are_exactly_the_account_management_listings(boards, crawled):
    conn, _ = crawled
    expected = {pid: v for pid, v in boards.expected_postings().items() if v[0].is_am}
    rows = {r["id"]: r for r in conn.execute("select * from postings")}
    assert set(rows) == set(expected)
    for pid, (job, day) in expected.items():
        row = rows[pid]
        assert row["title"] == job.title
        assert row["date_posted"] == day, pid
        assert "simulated" in row["description_text"]


def test_structured_pay_and_work_mode_survive(boards, crawled):
    conn, _ = crawled
    expected = boards.expected_postings()
    checked = 0
    for row in conn.execute("select * from postings where source in ('lever', 'ashby', 'jsonld')"):
        job = expected[row["id"]][0]
        if job.salary and job.salary.kind == "base":
            assert row["salary_min"] <= job.salary.min <= job.salary.max <= row["salary_max"], row["id"]
            assert row["salary_period"] == job.salary.period
            checked += 1
        if row["source"] != "jsonld" or job.work_mode == "remote":
            assert row["work_mode"] == job.work_mode, row["id"]
    assert checked > 20


def test_duplicates_across_boards_are_marked(boards, crawled):
    conn, _ = crawled
    expected = boards.expected_postings()
    copies = [pid for pid, (job, _) in expected.items() if job.is_am and pid.startswith("jsonld:")
              and len(job.listings) == 2]
    marked = {r[0] for r in conn.execute("select id from postings where duplicate_of is not null")}
    assert copies
    # the career site's copies of jobs from the API boards are found (lever is crawled before jsonld)
    assert len(marked & set(copies)) >= 0.8 * len(copies)


def test_job_urls_open_a_readable_page(boards):
    token = boards.boards["lever"][0]
    post = get(boards, f"/v0/postings/{token}?mode=json&limit=1")[0]
    page = get(boards, post["hostedUrl"][len(boards.url):])
    assert post["text"] in page and "Simulated" in page
    gh = get(boards, f"/v1/boards/{boards.boards['greenhouse'][0]}/jobs")["jobs"][0]
    assert gh["title"] in get(boards, gh["absolute_url"][len(boards.url):])
