"""Run a crawl from the command line: one Scrapy ``CrawlerProcess`` per ``amscout crawl``.

``run_crawl`` checks the request (known source, readable boards file, usable database) before
any network traffic, records the run in ``crawl_runs``, runs the spider(s), and returns the
summary ``{new, updated, unchanged, duplicates, dropped, errors}``. Errors are the ERROR lines
logged during the crawl: every fault (an HTTP error after retries, a timeout, a robots.txt
refusal, an oversized body, unparseable data, a failing store) is logged exactly once at ERROR.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys
import tomllib
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from scrapy.spiderloader import get_spider_loader

import store
from crawler import settings as default_settings
from crawler.pipelines import COUNT_KEYS
from errors import AmscoutError

PROJECT_DIR = Path(__file__).resolve().parents[1]
DEFAULT_BOARDS_FILE = PROJECT_DIR / "data" / "boards.toml"
JSONLD = "jsonld"
SUMMARY_KEYS = COUNT_KEYS + ("dropped", "errors")


# --------------------------------------------------------------------------- settings

def build_settings(*, contact: str | None = None, cache: bool = False, all_roles: bool = False,
                   db_path=None, run_id: int | None = None, overrides: dict | None = None) -> Settings:
    """crawler.settings, plus the CLI's choices, plus AMSCOUT_FAST_CRAWL / AMSCOUT_CRAWL_SETTINGS."""
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.set("SPIDER_LOADER_WARN_ONLY", True, priority="project")  # one broken spider must not stop the rest
    chosen = {
        "USER_AGENT": default_settings.user_agent(contact or os.environ.get("AMSCOUT_CONTACT")),
        "HTTPCACHE_ENABLED": bool(cache),
        "AMSCOUT_ALL_ROLES": bool(all_roles),
        "AMSCOUT_DB": str(store.resolve_db_path(db_path)),
        "AMSCOUT_RUN_ID": run_id,
    }
    settings.setdict(chosen, priority="cmdline")
    if os.environ.get("AMSCOUT_FAST_CRAWL", "").strip() not in ("", "0"):
        settings.setdict(default_settings.FAST_CRAWL_SETTINGS, priority="cmdline")
    settings.setdict(env_overrides(), priority="cmdline")
    settings.setdict(overrides or {}, priority="cmdline")
    return settings


def env_overrides() -> dict:
    """Settings given as a JSON object in ``AMSCOUT_CRAWL_SETTINGS`` (tests, benchmarks, experts)."""
    text = os.environ.get("AMSCOUT_CRAWL_SETTINGS", "").strip()
    if not text:
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AmscoutError(f"AMSCOUT_CRAWL_SETTINGS is not JSON: {exc}") from None
    if not isinstance(value, dict):
        raise AmscoutError("AMSCOUT_CRAWL_SETTINGS must be a JSON object of Scrapy settings")
    return value


def available_sources(settings: Settings | None = None) -> list[str]:
    """Spider names found in crawler/spiders (Scrapy's SpiderLoader), without base classes
    (a spider defined in a ``base`` module is a template, not a source)."""
    loader = get_spider_loader(settings or build_settings())
    return sorted(name for name in loader.list()
                  if not loader.load(name).__module__.rsplit(".", 1)[-1] == "base")


# --------------------------------------------------------------------------- boards

def read_boards_file(path) -> list[dict]:
    """Boards as ``{"source", "token", "company"}``.

    TOML (``[[boards]]`` tables with source, token, company), or plain text: one board a line,
    either ``token`` (for the source being crawled) or ``source token``; ``#`` starts a comment.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AmscoutError(f"cannot read boards file {path}: {exc}") from None
    if path.suffix.lower() == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise AmscoutError(f"boards file {path} is not valid TOML: {exc}") from None
        boards = data.get("boards")
        if not isinstance(boards, list) or not all(isinstance(b, dict) and b.get("token") for b in boards):
            raise AmscoutError(f"boards file {path}: expected [[boards]] tables, each with a token")
        return [{"source": b.get("source"), "token": str(b["token"]), "company": b.get("company")} for b in boards]
    boards = []
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) == 1:
            boards.append({"source": None, "token": fields[0], "company": None})
        elif len(fields) == 2:
            boards.append({"source": fields[0], "token": fields[1], "company": None})
        elif fields:
            raise AmscoutError(f"boards file {path}: cannot read line {line!r} (want 'token' or 'source token')")
    return boards


def plan(source: str, sources: list[str], boards: list[str], boards_file, start_urls: list[str],
         sitemaps: list[str]) -> dict[str, dict]:
    """Which spiders to run, each with its boards (or, for jsonld, its start URLs and sitemaps)."""
    if source != "all" and source not in sources:
        raise AmscoutError(f"unknown source {source!r}; choose one of: {', '.join(sources + ['all'])}")
    if source == "all" and boards_file is None:
        boards_file = DEFAULT_BOARDS_FILE
    listed = read_boards_file(boards_file) if boards_file else []
    jobs: dict[str, dict] = {}

    def job(name: str) -> dict:
        if name not in sources:
            raise AmscoutError(f"boards file names unknown source {name!r}; choose one of: {', '.join(sources)}")
        return jobs.setdefault(name, {"boards": [], "start_urls": [], "sitemaps": [], "companies": {}})

    for entry in listed:
        name = entry["source"] or (source if source != "all" else None)
        if name is None:
            raise AmscoutError(f"boards file {boards_file}: board {entry['token']!r} has no source")
        if source != "all" and name != source:
            continue
        key = "start_urls" if name == JSONLD else "boards"
        job(name)[key].append(entry["token"])
        if entry["company"]:
            job(name)["companies"][entry["token"]] = entry["company"]
    if source != "all":
        target = job(source)
        target["boards"] += [b for b in boards if b not in target["boards"]]
        target["start_urls"] += list(start_urls)
        target["sitemaps"] += list(sitemaps)
        if source == JSONLD and not (target["start_urls"] or target["sitemaps"]):
            raise AmscoutError("jsonld needs at least one --start-url or --sitemap")
    if not jobs:
        raise AmscoutError(f"boards file {boards_file} lists no boards")
    return jobs


def spider_kwargs(name: str, job: dict, base_url, depth, max_pages) -> dict:
    if name == JSONLD:
        return {"start_urls": job["start_urls"], "sitemaps": job["sitemaps"], "depth": depth,
                "max_pages": max_pages}
    return {"boards": job["boards"], "base_url": base_url, "max_pages": max_pages, "companies": job["companies"]}


def check_ready(jobs: dict, settings: Settings) -> None:
    """Ask each spider class whether it can run (``check_ready``: e.g. Adzuna needs keys).

    A lone spider that cannot run is a one-line error; under 'all' it is skipped with a note."""
    loader = get_spider_loader(settings)
    for name in list(jobs):
        ready = getattr(loader.load(name), "check_ready", None)
        if ready is None:
            continue
        try:
            ready()
        except AmscoutError as exc:
            if len(jobs) == 1:
                raise
            print(f"Skipping {name}: {exc}", file=sys.stderr)
            del jobs[name]
    if not jobs:
        raise AmscoutError("no source in the boards file can run")


# --------------------------------------------------------------------------- the crawl

class ErrorLog(logging.Handler):
    """Counts ERROR lines across every crawler of the process and keeps the first messages."""

    def __init__(self, keep: int = 200):
        super().__init__(level=logging.ERROR)
        self.count = 0
        self.messages: list[str] = []
        self.keep = keep

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        if len(self.messages) < self.keep:
            try:
                self.messages.append(record.getMessage()[:500])
            except Exception:  # a bad format string must not hide the error itself
                self.messages.append(str(record.msg)[:500])


def open_run(db_path, source: str, boards: list[str], settings_record: dict) -> int:
    """Start a crawl_runs row before any request is made; any database problem is one line."""
    db = store.open_db(db_path)
    try:
        return store.start_run(db, source, boards, settings_record)
    except sqlite3.Error as exc:
        raise store.StoreError(f"cannot write to database {store.resolve_db_path(db_path)}: {exc}") from None
    finally:
        db.conn.close()


def close_run(db_path, run_id: int, summary: dict, messages: list[str], status: str) -> None:
    """Record the run's counts; a database gone bad meanwhile is one line (postings stay)."""
    db = store.open_db(db_path)
    try:
        store.finish_run(db, run_id, summary, messages, status=status)
    except sqlite3.Error as exc:
        raise store.StoreError(f"crawl done, but its record could not be written to "
                               f"{store.resolve_db_path(db_path)}: {exc}") from None
    finally:
        db.conn.close()


def run_crawl(source: str, boards=(), boards_file=None, base_url=None, start_urls=(), sitemaps=(),
              depth: int = 2, all_roles: bool = False, max_pages=None, contact=None, cache: bool = False,
              db_path=None, settings: dict | None = None) -> dict:
    """Crawl ``source`` (a spider name or 'all') into the database; return the summary counts."""
    if source == JSONLD and (base_url or boards):
        raise AmscoutError("jsonld reads whole URLs: give --start-url or --sitemap "
                           "(--board and --base-url are for the API spiders)")
    probe = build_settings(contact=contact, cache=cache, all_roles=all_roles, db_path=db_path,
                           overrides=settings)
    jobs = plan(source, available_sources(probe), list(boards), boards_file, list(start_urls), list(sitemaps))
    check_ready(jobs, probe)
    if not (contact or os.environ.get("AMSCOUT_CONTACT")):
        print("Note: no --contact (or $AMSCOUT_CONTACT) given; site owners cannot reach you "
              "from the User-Agent.", file=sys.stderr)
    all_boards = [b for job in jobs.values() for b in job["boards"] + job["start_urls"] + job["sitemaps"]]
    record = {
        "spiders": sorted(jobs), "base_url": base_url, "depth": depth, "all_roles": all_roles,
        "max_pages": max_pages, "cache": cache, "user_agent": probe.get("USER_AGENT"),
        "boards_file": str(boards_file) if boards_file else None,
    }
    run_id = open_run(db_path, source, all_boards, record)
    errors = ErrorLog()
    logging.getLogger().addHandler(errors)
    try:
        crawlers, failures = _crawl(jobs, build_settings(
            contact=contact, cache=cache, all_roles=all_roles, db_path=db_path, run_id=run_id,
            overrides=settings), base_url, depth, max_pages)
    finally:
        logging.getLogger().removeHandler(errors)
    summary = _summary(crawlers, errors.count)
    status = "finished"
    if failures or any(c.stats.get_value("finish_reason") not in ("finished", None) for c in crawlers):
        status = "interrupted"
    close_run(db_path, run_id, summary, errors.messages, status)
    if len(jobs) == 1 and failures and isinstance(failures[0].value, AmscoutError):
        raise failures[0].value  # the one spider refused its arguments (e.g. a missing API key)
    return summary


def _crawl(jobs: dict, settings: Settings, base_url, depth, max_pages):
    process = CrawlerProcess(settings)
    crawlers, failures = [], []
    for name, job in sorted(jobs.items()):
        crawler = process.create_crawler(name)
        crawlers.append(crawler)
        d = process.crawl(crawler, **spider_kwargs(name, job, base_url, depth, max_pages))
        d.addErrback(lambda f, name=name: _spider_failed(f, name, failures, alone=len(jobs) == 1))
    process.start()
    return crawlers, failures


def _spider_failed(failure, name: str, failures: list, alone: bool) -> None:
    """A spider that could not start: counted; a lone spider's AmscoutError is raised later."""
    failures.append(failure)
    if isinstance(failure.value, AmscoutError):
        if not alone:
            logging.getLogger(__name__).error("%s: %s", name, failure.value)
    else:
        logging.getLogger(__name__).error("%s failed: %s", name, failure.getTraceback())


def _summary(crawlers, errors: int) -> dict:
    summary = dict.fromkeys(SUMMARY_KEYS, 0)
    for crawler in crawlers:
        stats = crawler.stats.get_stats() if crawler.stats else {}
        for key in COUNT_KEYS + ("dropped",):
            summary[key] += int(stats.get(f"amscout/{key}", 0))
    summary["errors"] = errors
    return summary
