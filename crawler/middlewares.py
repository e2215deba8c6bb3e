"""Downloader middlewares: honour ``Retry-After`` on 429 and 503, backing off the whole host;
and robots.txt without double-counted faults.

A server that answers 429 (too many requests) or 503 (unavailable) often says when to come
back, in seconds or as an HTTP date. Scrapy's RetryMiddleware would retry at once; this one
waits. The wait applies to the host, not only to the refused request: every request to that
host is held until the time has passed, so the crawl really slows down for that server while
other hosts go on.

Bounded on both sides: a request is retried ``RETRY_AFTER_TIMES`` times at most, and a
``Retry-After`` longer than ``RETRY_AFTER_MAX_WAIT`` seconds is not waited for. Giving up logs a
WARNING and hands the 429/503 response on, so the spider's errback reports the fault as the one
ERROR it counts.
"""
from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.downloadermiddlewares.robotstxt import logger as robotstxt_logger
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.task import deferLater

logger = logging.getLogger(__name__)

BACKOFF_CODES = (429, 503)


def parse_retry_after(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date); None if absent
    or unreadable."""
    if not value:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


class RetryAfterMiddleware:
    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.max_times = settings.getint("RETRY_AFTER_TIMES", 3)
        self.default_wait = settings.getfloat("RETRY_AFTER_DEFAULT", 5.0)
        self.max_wait = settings.getfloat("RETRY_AFTER_MAX_WAIT", 120.0)
        self.blocked_until: dict[str, float] = {}   # host -> time.monotonic() it may be asked again

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @staticmethod
    def host(request) -> str:
        return request.meta.get("download_slot") or urlparse_cached(request).hostname or ""

    async def process_request(self, request):
        """Hold a request while its host is backing off."""
        wait = self.blocked_until.get(self.host(request), 0.0) - time.monotonic()
        if wait > 0:
            from twisted.internet import reactor  # the one Scrapy installed

            await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))
        return None

    def process_response(self, request, response):
        if response.status not in BACKOFF_CODES or request.meta.get("dont_retry"):
            return response
        stats = self.crawler.stats
        tries = request.meta.get("retry_after_times", 0) + 1
        asked = parse_retry_after(response.headers.get("Retry-After"))
        wait = asked if asked is not None else self.default_wait * 2 ** (tries - 1)
        if tries > self.max_times or wait > self.max_wait:
            stats.inc_value("retry_after/given_up")
            logger.warning("Giving up %s after %d tries: HTTP %d, Retry-After %s",
                           request.url, tries, response.status, f"{wait:.0f}s")
            return response
        host = self.host(request)
        self.blocked_until[host] = max(self.blocked_until.get(host, 0.0), time.monotonic() + wait)
        stats.inc_value("retry_after/count")
        stats.max_value("retry_after/max_wait", wait)
        logger.info("HTTP %d from %s: backing off %s for %.1fs", response.status, request.url, host, wait)
        retry = request.copy()
        retry.meta["retry_after_times"] = tries
        retry.dont_filter = True
        return retry


class _RobotsFetchFailure(logging.Filter):
    """Turn Scrapy's "Error downloading ... robots.txt" ERROR (with a traceback) into a one-line
    WARNING. Scrapy then treats the site as allowing everything, and the page request that
    follows reports its own failure, so the fault is still counted, but only once."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR and str(record.msg).startswith("Error downloading"):
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.exc_info, record.exc_text = None, None
        return True


class RobotsTxtLogMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware (it obeys robots.txt as before), with the log filter above."""

    _filter = _RobotsFetchFailure()

    def __init__(self, crawler):
        super().__init__(crawler)
        if self._filter not in robotstxt_logger.filters:
            robotstxt_logger.addFilter(self._filter)
