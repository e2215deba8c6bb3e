"""Scrapy settings for amscout: polite by default.

Why each group is here:

- Politeness. robots.txt is obeyed; AutoThrottle adapts the delay to each server's latency;
  at most two requests are in flight per domain; the User-Agent names amscout and a contact
  (``--contact`` or ``$AMSCOUT_CONTACT``) so a site owner can reach whoever runs the crawl.
  ``crawler.middlewares.RetryAfterMiddleware`` honours ``Retry-After`` on 429 and 503 and backs
  off the whole host, not only the one request.
- Safety. ``DOWNLOAD_MAXSIZE`` caps a response at 5 MB (a job page is a few hundred KB at
  most); ``DOWNLOAD_TIMEOUT`` gives up on a silent server after 30 s; other transient failures
  (500, 502, 504, timeouts, dropped connections) are retried twice.
- HTTP cache. Off by default so that a crawl sees today's postings; ``amscout crawl --cache``
  turns it on (``HTTPCACHE_ENABLED``), storing responses under ``.scrapy/httpcache`` for a day.
  Use it while developing a spider: re-running a crawl then costs the sites nothing.
- Errors. Every fault is logged exactly once at ERROR (spiders log failed requests from their
  errback; Scrapy logs a failing callback or pipeline), so ``log_count/ERROR`` is the crawl's
  error count. That is why giving up a retry is only a WARNING here: the errback reports it.

Fast crawls for tests and benchmarks: ``AMSCOUT_FAST_CRAWL=1`` in the environment (see
``FAST_CRAWL_SETTINGS``) removes the start delay, the minimum delay and the jitter, which only
make sense against real sites (concurrency stays at two per domain).
``AMSCOUT_CRAWL_SETTINGS='{"DOWNLOAD_TIMEOUT": 2}'`` overrides any setting (JSON object), so
tests can shorten timeouts or size limits. ``crawler.run.run_crawl`` applies both.
"""
import os
from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("amscout")
except PackageNotFoundError:  # a checkout without install
    VERSION = "0.0.0+local"


def user_agent(contact: str | None) -> str:
    """``amscout/<version> (+contact)``: who is crawling and how to reach them.

    Without a contact the agent is only ``amscout/<version>``; ``crawler.run`` then reminds the
    user to set one (we do not invent an address that nobody reads)."""
    contact = (contact or "").strip()
    return f"amscout/{VERSION} (+{contact})" if contact else f"amscout/{VERSION}"


BOT_NAME = "amscout"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Politeness
ROBOTSTXT_OBEY = True
USER_AGENT = user_agent(os.environ.get("AMSCOUT_CONTACT"))
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5                   # the floor AutoThrottle never goes below
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
COOKIES_ENABLED = False                # job APIs need none; sites should not track the crawler
TELNETCONSOLE_ENABLED = False

# Retry-After and per-host backoff on 429 / 503 (crawler.middlewares.RetryAfterMiddleware)
RETRY_AFTER_TIMES = 3                  # retries of one request before giving up
RETRY_AFTER_DEFAULT = 5.0              # seconds to wait when the server gives no Retry-After
RETRY_AFTER_MAX_WAIT = 120.0           # a longer Retry-After means "come back another day"

# Safety
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024
DOWNLOAD_WARNSIZE = 1024 * 1024
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 504, 522, 524, 408]   # 429 and 503 belong to RetryAfterMiddleware
RETRY_GIVE_UP_LOG_LEVEL = "WARNING"                  # the spider's errback logs the ERROR

# HTTP cache: off unless `amscout crawl --cache`
HTTPCACHE_ENABLED = False
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_EXPIRATION_SECS = 24 * 3600
HTTPCACHE_IGNORE_HTTP_CODES = [429, 500, 502, 503, 504]

# Scrapy 2.13+ default; stated so that the choice is visible.
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.RetryAfterMiddleware": 545,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.RobotsTxtLogMiddleware": 100,   # same place, one ERROR per fault
}
ITEM_PIPELINES = {
    "crawler.pipelines.RoleFilterPipeline": 100,
    "crawler.pipelines.StorePipeline": 800,
}
EXTENSIONS = {
    "crawler.extensions.Progress": 500,
}

# Logging: warnings and errors only; progress goes to stderr through crawler.extensions.Progress.
LOG_LEVEL = "WARNING"
DEFAULT_DROPITEM_LOG_LEVEL = "DEBUG"   # the role filter drops most postings; it counts them instead
FEED_EXPORT_ENCODING = "utf-8"

# amscout's own settings (set by crawler.run.run_crawl; defaults for `scrapy crawl`)
AMSCOUT_DB = None                      # None: store.resolve_db_path() ($AMSCOUT_DB or data/amscout.db)
AMSCOUT_ALL_ROLES = False              # keep every title, not only account management
AMSCOUT_RUN_ID = None                  # crawl_runs row; StorePipeline starts one when None
AMSCOUT_STORE_BATCH = 500              # postings per transaction
AMSCOUT_STORE_FLUSH_SECONDS = 5.0      # ...or sooner: a killed crawl loses at most this much
AMSCOUT_STORE_IN_FLIGHT = 3            # batches waiting for the writer before the crawl waits
AMSCOUT_PROGRESS_INTERVAL = 5.0        # seconds between progress lines on stderr

FAST_CRAWL_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_DELAY_JITTER": 0,
    "AUTOTHROTTLE_START_DELAY": 0,
    "RETRY_AFTER_DEFAULT": 0.5,
}
