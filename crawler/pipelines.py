"""Item pipelines: the role filter, then the store.

Every spider yields ``crawler.items.Posting``; these two steps decide what is kept and write it
to SQLite through ``store.py`` (which also marks cross-source duplicates). Counts go into the
crawler's stats under ``amscout/...`` so that ``crawler.run`` can report and record them.
"""
from __future__ import annotations

import logging
from scrapy.exceptions import DropItem
from twisted.internet import task

import store
from crawler.roles import is_account_management

logger = logging.getLogger(__name__)

COUNT_KEYS = ("new", "updated", "unchanged", "duplicates")


class RoleFilterPipeline:
    """Keep only the account-management family (crawler.roles) unless AMSCOUT_ALL_ROLES."""

    def __init__(self, crawler):
        self.stats = crawler.stats
        self.all_roles = crawler.settings.getbool("AMSCOUT_ALL_ROLES")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        if self.all_roles or is_account_management(item.get("title")):
            return item
        self.stats.inc_value("amscout/dropped")
        raise DropItem(f"not an account-management role: {item.get('title')!r}")


class StorePipeline:
    """Batched upserts into ``postings``.

    Items wait in memory until ``AMSCOUT_STORE_BATCH`` of them have arrived or
    ``AMSCOUT_STORE_FLUSH_SECONDS`` have passed (a timer), then go to the database in one transaction. A
    crawl killed mid-way therefore loses at most a few seconds of work, and since upserts are
    idempotent, running it again stores the rest with no duplicate rows.

    ``crawler.run`` opens the ``crawl_runs`` row before the crawl starts (so that a database
    problem is reported before any request is made) and passes its id as ``AMSCOUT_RUN_ID``.
    Under a bare ``scrapy crawl`` the pipeline starts and finishes the run itself.
    """

    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.db_path = settings.get("AMSCOUT_DB")
        self.run_id = settings.get("AMSCOUT_RUN_ID")
        self.own_run = self.run_id is None
        self.batch_size = settings.getint("AMSCOUT_STORE_BATCH", 500)
        self.flush_seconds = settings.getfloat("AMSCOUT_STORE_FLUSH_SECONDS", 5.0)
        self.pending: dict[str, dict] = {}
        self.db = None
        self.timer = task.LoopingCall(self.flush)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self):
        self.db = store.open_db(self.db_path)
        for key in COUNT_KEYS:
            self.stats.set_value(f"amscout/{key}", 0)
        if self.own_run:
            spider = self.crawler.spider
            boards = list(getattr(spider, "boards", None) or [])
            self.run_id = store.start_run(self.db, spider.name, boards, {"scrapy_crawl": True})
        self.timer.start(self.flush_seconds, now=False)

    def process_item(self, item):
        record = dict(item)
        self.pending[record["id"]] = record
        if len(self.pending) >= self.batch_size:
            self.flush()
        return item

    def flush(self) -> None:
        """Write the pending postings in one transaction; a failure is one ERROR, not a crash."""
        if not self.pending:
            return
        batch, self.pending = list(self.pending.values()), {}
        try:
            counts = store.upsert_postings(self.db, batch, run_id=self.run_id)
        except Exception as exc:  # a locked or broken database must not kill the crawl
            logger.error("could not store %d postings: %s", len(batch), exc)
            self.stats.inc_value("amscout/store_failed", len(batch))
            return
        for key in COUNT_KEYS:
            self.stats.inc_value(f"amscout/{key}", counts.get(key, 0))
        self.stats.inc_value("amscout/stored", len(batch))

    def close_spider(self):
        if self.timer.running:
            self.timer.stop()
        self.flush()
        if self.own_run:
            counts = crawl_counts(self.stats.get_stats())
            store.finish_run(self.db, self.run_id, counts, [])
        self.db.conn.close()


def crawl_counts(stats: dict) -> dict:
    """The summary a crawl reports: new, updated, unchanged, duplicates, dropped, errors."""
    counts = {key: int(stats.get(f"amscout/{key}", 0)) for key in COUNT_KEYS + ("dropped",)}
    counts["errors"] = int(stats.get("log_count/ERROR", 0))
    return counts
