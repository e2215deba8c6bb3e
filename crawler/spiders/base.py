"""BoardSpider: what every job-board API spider shares.

A spider asks one API per board (a company's token on Greenhouse, Lever, ...) and yields one
``Posting`` per job. The contract with ``crawler/run.py``:

- the module is ``crawler/spiders/<name>.py`` and the class's ``name`` is the source name;
- keyword arguments: ``boards`` (a list, or a comma-separated string as ``scrapy crawl -a``
  gives it), ``base_url`` (optional: replaces the scheme and host of ``api_base`` and keeps the
  API's path), ``max_pages`` (optional: list pages per board), ``companies`` (optional: board
  token -> company name, from a boards file; APIs that do not name the company use it);
- the API host is ``api_base``; the ``--base-url`` argument wins, then the Scrapy setting
  ``AMSCOUT_BASE_URL``, then ``api_base``. ``{board}`` in either is replaced by the board token
  (Recruitee's host is per board);
- ``check_ready()`` is a classmethod run.py calls before crawling; it raises ``AmscoutError``
  when the spider cannot run (Adzuna without keys);
- every fault (a failed request, an HTTP error status, malformed JSON) is logged as exactly one
  ERROR line and never stops the crawl: run.py counts errors with the ``log_count/ERROR`` stat.
  (Scrapy's retry middleware logs its own "Gave up retrying" at ``RETRY_GIVE_UP_LOG_LEVEL``,
  which settings.py should keep below ERROR so that a fault is not counted twice.)
"""
from __future__ import annotations

import json
import os
import re
from typing import Any, Iterable
from urllib.parse import quote, urlencode

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.items import Posting, posting_id
from crawler.normalize import html_to_text
from crawler.roles import is_account_management
from errors import AmscoutError


class BoardSpider(scrapy.Spider):
    """Base class: board arguments, API URLs, JSON parsing and error logging."""

    name = None   # a template, not a source: Scrapy lists only spiders with a name
    api_base = "https://example.invalid"   # scheme and host of the real API; subclasses set it
    default_boards: list[str] = []           # used when no board is given (keyed aggregators)
    default_max_pages: int | None = None
    # Keyed APIs: the environment variables the spider needs, and where a user gets them.
    required_env: tuple[str, ...] = ()
    source_label = ""
    key_help = ""

    def __init__(self, boards=None, base_url=None, max_pages=None, companies=None, *args, **kwargs):
        self.check_ready()
        super().__init__(*args, **kwargs)
        self.boards = self._board_list(boards) or list(self.default_boards)
        self.companies = dict(companies or {})
        self.base_url = base_url.rstrip("/") if base_url else None
        self.max_pages = int(max_pages) if max_pages not in (None, "") else self.default_max_pages

    @classmethod
    def check_ready(cls) -> None:
        """Raise ``errors.AmscoutError`` when this spider cannot run: a keyed API without its
        environment variables (``required_env``). The open APIs always can."""
        missing = [name for name in cls.required_env if not os.environ.get(name)]
        if missing:
            raise AmscoutError(f"{cls.source_label} needs {' and '.join(cls.required_env)} in the environment "
                               f"({cls.key_help}).")

    @staticmethod
    def _board_list(boards) -> list[str]:
        if not boards:
            return []
        if isinstance(boards, str):
            boards = boards.split(",")
        return [str(b).strip() for b in boards if b and str(b).strip()]

    def company_name(self, board: str) -> str:
        """The company behind a board, for APIs whose records do not name it (Lever, Ashby).

        The boards file's ``company`` wins; else the token made readable ("acme-foods" ->
        "Acme Foods"), which is what a reader of a report would call it."""
        return self.companies.get(board) or " ".join(w.capitalize() for w in re.split(r"[-_\s]+", board) if w)

    # ------------------------------------------------------------------ requests

    async def start(self):
        if not self.boards:
            self.logger.error("No board given for %s: pass --board TOKEN", self.name)
            return
        for board in self.boards:
            for request in self.board_requests(board):
                yield request

    def board_requests(self, board: str) -> Iterable[scrapy.Request]:
        """The first request(s) for one board; subclasses implement it."""
        raise NotImplementedError

    def api_host(self) -> str:
        """``base_url``, else the ``AMSCOUT_BASE_URL`` setting, else ``api_base``."""
        settings = getattr(self, "settings", None)  # absent until a crawler binds the spider
        configured = settings.get("AMSCOUT_BASE_URL") if settings is not None else None
        return (self.base_url or configured or self.api_base).rstrip("/")

    def api_url(self, path: str, board: str | None = None, **query) -> str:
        """The full URL of ``path`` on the API host, ``{board}`` filled in, with ``query``."""
        host = self.api_host()
        if board is not None:
            host = host.replace("{board}", board)
        url = host + path
        if query:
            url += ("&" if "?" in url else "?") + urlencode(query, quote_via=quote)
        return url

    def request(self, url: str, callback, *, errback=None, **cb_kwargs) -> scrapy.Request:
        """A request whose failures end in ``errback`` (default ``on_error``: one ERROR line,
        the crawl goes on); ``cb_kwargs`` reach both.

        A keyed API's requests are never cached (``dont_cache``): Scrapy's HTTP cache writes
        the URL and the request headers to disk, and that is where the key travels."""
        meta = {"dont_cache": True} if self.required_env else None
        return scrapy.Request(url, callback=callback, errback=errback or self.on_error, cb_kwargs=cb_kwargs,
                              meta=meta)

    def wanted(self, title) -> bool:
        """Would the role filter keep a posting with this title? Asked before a detail request,
        so that a board of thousands of other jobs costs no call per job; a title it would drop
        is counted as the role filter counts its drops."""
        settings = getattr(self, "settings", None)  # absent until a crawler binds the spider
        if (settings is not None and settings.getbool("AMSCOUT_ALL_ROLES")) or is_account_management(title):
            return True
        crawler = getattr(self, "crawler", None)
        if crawler is not None:
            crawler.stats.inc_value("amscout/dropped")
        return False

    def page_allowed(self, page_number: int) -> bool:
        """True while ``page_number`` (1 for the first list page) is within ``max_pages``."""
        return self.max_pages is None or page_number <= self.max_pages

    # ------------------------------------------------------------------ faults

    def on_error(self, failure: Failure):
        """Log a failed request once, at ERROR, with its URL and the reason (a board's list
        answering 404 means the board does not exist)."""
        url, reason = describe_failure(failure)
        request = getattr(failure, "request", None)
        board = request.cb_kwargs.get("board") if request is not None else None
        if board and reason == "HTTP 404":
            self.logger.error("No %s board named %r (HTTP 404 from %s)", self.name, board, self.redact(url))
            return
        self.on_item_error(failure)

    def on_item_error(self, failure: Failure):
        """Log a failed request for one posting (not a board's list) once, at ERROR."""
        url, reason = describe_failure(failure)
        self.logger.error("Request failed: %s (%s)", self.redact(url), reason)

    def redact(self, url: str) -> str:
        """The URL as it may appear in logs; spiders with keys in the query mask them."""
        return url

    def load_json(self, response: Response) -> Any | None:
        """The response's JSON, or ``None`` after one ERROR line when it is not JSON."""
        try:
            return json.loads(response.text)
        except (ValueError, AttributeError) as exc:
            self.logger.error("Malformed JSON from %s (%s)", self.redact(response.url), exc)
            return None

    def json_records(self, response: Response, key: str | None = None) -> tuple[Any, list[dict]] | None:
        """The answer and its list of records (``answer[key]``, or the answer itself when ``key``
        is None), records that are not objects left out; ``None`` after one ERROR line when the
        answer is not JSON of that shape."""
        data = self.load_json(response)
        if data is None:
            return None
        records = data if key is None else (data.get(key) if isinstance(data, dict) else None)
        if not isinstance(records, list):
            self.bad_shape(response, f'an object with a "{key}" list' if key else "a list of postings")
            return None
        return data, [r for r in records if isinstance(r, dict)]

    def bad_shape(self, response: Response, expected: str) -> None:
        """Log (one ERROR) a JSON answer that lacks what the API always sends."""
        self.logger.error("Unexpected JSON from %s: expected %s", self.redact(response.url), expected)

    # ------------------------------------------------------------------ items

    def make_posting(self, board: str, external_id, raw: dict, **fields) -> Posting:
        """A Posting with id, source, board and raw set; ``description_text`` derived from
        ``description_html`` unless given. Fields that are ``None`` are left out."""
        item = Posting(
            id=posting_id(self.name, board, external_id), source=self.name, board=board,
            external_id=str(external_id), raw=raw,
        )
        if fields.get("description_html") and not fields.get("description_text"):
            fields["description_text"] = html_to_text(fields["description_html"])
        for key, value in fields.items():
            if value is not None and value != "":
                item[key] = value
        return item


def describe_failure(failure: Failure) -> tuple[str, str]:
    """The URL of a failed request and why it failed (HTTP status, timeout, robots.txt, size)."""
    request = getattr(failure, "request", None)
    url = request.url if request is not None else "?"
    response = getattr(failure.value, "response", None)
    if response is not None:
        return url, f"HTTP {response.status}"
    return url, f"{failure.type.__name__}: {failure.getErrorMessage()}"
