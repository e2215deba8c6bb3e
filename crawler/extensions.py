"""Progress on stderr while a crawl runs.

Scrapy's own LogStats writes to the log at INFO, which amscout keeps quiet; a researcher
running a long crawl still wants to see it moving. Every ``AMSCOUT_PROGRESS_INTERVAL`` seconds
(0 turns it off) one line is printed: pages fetched, postings kept and stored, postings the role
filter dropped, errors so far; and a last line when the crawl ends.
"""
from __future__ import annotations

import sys

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task


class Progress:
    def __init__(self, crawler, interval: float):
        self.crawler = crawler
        self.interval = interval
        self.timer = task.LoopingCall(self.report)
        self.reported = 0

    @classmethod
    def from_crawler(cls, crawler):
        interval = crawler.settings.getfloat("AMSCOUT_PROGRESS_INTERVAL", 5.0)
        if interval <= 0:
            raise NotConfigured
        ext = cls(crawler, interval)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        self.timer.start(self.interval, now=False)

    def spider_closed(self, spider, reason):
        if self.timer.running:
            self.timer.stop()
        if self.reported:  # a crawl long enough to show progress also shows where it ended
            self.report()

    def line(self) -> str:
        stats = self.crawler.stats.get_stats()
        name = self.crawler.spider.name if self.crawler.spider else "crawl"
        return (f"[{name}] {stats.get('response_received_count', 0)} pages, "
                f"{stats.get('item_scraped_count', 0)} postings kept "
                f"({stats.get('amscout/stored', 0)} stored), "
                f"{stats.get('amscout/dropped', 0)} dropped, "
                f"{stats.get('log_count/ERROR', 0)} errors")

    def report(self) -> None:
        self.reported += 1
        print(self.line(), file=sys.stderr, flush=True)
