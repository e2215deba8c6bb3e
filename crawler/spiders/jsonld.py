"""jsonld: any career site that describes its jobs with schema.org ``JobPosting``.

Most career sites and applicant-tracking systems embed each job as JSON-LD (Google for Jobs
asks for it), some as microdata. This spider starts from pages and/or sitemaps, follows links
inside the same site up to ``depth`` clicks from a start page (a page listed in a sitemap counts
as a start page), and reads every ``JobPosting`` with extruct: single objects, ``@graph``
arrays, top-level lists, and microdata.

Arguments (``amscout crawl jsonld --start-url URL --sitemap URL --depth N``, or ``scrapy crawl
jsonld -a start_urls=URL1,URL2 -a sitemaps=URL -a depth=2``): ``start_urls``, ``sitemaps``,
``depth`` (default 2), ``max_pages`` (stop following links after that many pages). A sitemap
may be given as the site's ``robots.txt``: the sitemaps its ``Sitemap:`` lines name are read.

The board is the site's host name. The posting id is the JobPosting's ``identifier`` when it
has one, else a hash of its URL (and title, for pages that list several jobs). Faults (a failed
request, a page whose JSON-LD does not parse) are one ERROR line each; the rest of the page and
the rest of the site are still read.
"""
from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

import extruct
import lxml.etree
import scrapy
from extruct.jsonld import JsonLdExtractor
from extruct.utils import parse_html
from scrapy.http import TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from crawler.items import Posting, posting_id
from crawler.normalize import country_code, html_to_text, structured_salary, to_iso_date
from crawler.spiders.base import describe_failure

JSONLD_SCRIPTS = lxml.etree.XPath('//script[@type="application/ld+json"]')
REMOTE_TYPES = {"telecommute", "https://schema.org/telecommute", "http://schema.org/telecommute"}


def as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def name_of(value) -> str | None:
    """A thing's name: the string itself, or the ``name`` of a schema.org object."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value).strip() if value not in (None, "") else None


def is_job_posting(node) -> bool:
    return isinstance(node, dict) and any(
        str(t).rsplit("/", 1)[-1] == "JobPosting" for t in as_list(node.get("@type")))


def job_postings(nodes) -> list[dict]:
    """Every JobPosting in JSON-LD data: nested in ``@graph``, in lists, or at the top."""
    found = []
    for node in as_list(nodes):
        if isinstance(node, list):
            found += job_postings(node)
        elif isinstance(node, dict):
            if is_job_posting(node):
                found.append(node)
            if "@graph" in node:
                found += job_postings(node["@graph"])
    return found


# --------------------------------------------------------------------------- JobPosting -> fields

def location_fields(job: dict) -> dict:
    """``location`` ("City, Region, Country"; several joined by "; ") and ``country``."""
    places, countries = [], []
    for place in as_list(job.get("jobLocation")):
        address = place.get("address") if isinstance(place, dict) else place
        if isinstance(address, dict):
            country = name_of(address.get("addressCountry"))
            parts = [name_of(address.get("addressLocality")), name_of(address.get("addressRegion")), country]
            text = ", ".join(p for p in parts if p)
            if country:
                countries.append(country)
        else:
            text = name_of(address) or (name_of(place) if isinstance(place, dict) else None)
        if text and text not in places:
            places.append(text)
    country = country_code(countries[0]) if countries else None
    return {"location": "; ".join(places) or None, "country": country}


def salary_fields(job: dict) -> dict:
    """``salary_*`` from ``baseSalary``: a MonetaryAmount whose value is a number or a
    QuantitativeValue (value, or minValue / maxValue, and unitText)."""
    pay = job.get("baseSalary")
    if isinstance(pay, list):
        pay = pay[0] if pay else None
    if not isinstance(pay, dict):
        return {}
    value = pay.get("value")
    currency = pay.get("currency") or pay.get("salaryCurrency") or job.get("salaryCurrency")
    unit = pay.get("unitText")
    if isinstance(value, dict):
        unit = value.get("unitText") or unit
        low = value.get("minValue", value.get("value"))
        high = value.get("maxValue", value.get("value"))
    else:
        low = high = value
    return structured_salary(low, high, currency, unit)


def work_mode(job: dict) -> str | None:
    types = {str(t).strip().lower() for t in as_list(job.get("jobLocationType"))}
    return "remote" if types & REMOTE_TYPES else None


def identifier(job: dict) -> str | None:
    """``identifier`` as a string: a PropertyValue's value, or the text itself."""
    ident = job.get("identifier")
    if isinstance(ident, list):
        ident = ident[0] if ident else None
    if isinstance(ident, dict):
        ident = ident.get("value") or ident.get("@id") or ident.get("name")
    return str(ident).strip() if ident not in (None, "") else None


def requirement_lines(job: dict) -> list[str]:
    """educationRequirements and experienceRequirements as sentences a reader (and the
    requirements extractor) understands; the originals stay in ``raw``."""
    lines = []
    for edu in as_list(job.get("educationRequirements")):
        text = edu.get("credentialCategory") or edu.get("name") if isinstance(edu, dict) else edu
        if text:
            lines.append(f"Education: {text}.")
    for exp in as_list(job.get("experienceRequirements")):
        if isinstance(exp, dict):
            months = exp.get("monthsOfExperience")
            text = exp.get("description") or exp.get("name")
            if months not in (None, ""):
                try:
                    years = float(months) / 12
                    lines.append(f"Experience: {years:g} years ({months} months).")
                except (TypeError, ValueError):
                    pass
            if text:
                lines.append(f"Experience: {text}.")
        elif exp:
            lines.append(f"Experience: {exp}.")
    return lines


def posting_from_job(job: dict, page_url: str) -> Posting:
    """One Posting from one JobPosting found on ``page_url``."""
    url = job.get("url") if isinstance(job.get("url"), str) else page_url
    board = urlsplit(page_url).hostname or "unknown"
    title = name_of(job.get("title")) or name_of(job.get("name"))
    external_id = identifier(job) or hashlib.sha1(f"{url}|{title}".encode()).hexdigest()[:16]
    description_html = job.get("description") if isinstance(job.get("description"), str) else None
    text = html_to_text(description_html) or ""
    extra = requirement_lines(job)
    if extra:
        text = (text + "\n\n" if text else "") + "\n".join(extra)
    item = Posting(
        id=posting_id("jsonld", board, external_id), source="jsonld", board=board,
        external_id=external_id, url=url, title=title,
        company=name_of(job.get("hiringOrganization")),
        work_mode=work_mode(job),
        employment_type=", ".join(str(t) for t in as_list(job.get("employmentType"))) or None,
        date_posted=to_iso_date(job.get("datePosted")),
        valid_through=to_iso_date(job.get("validThrough")),
        description_html=description_html, description_text=text or None,
        raw={**job, "_page": page_url},
        **location_fields(job), **salary_fields(job),
    )
    return Posting({k: v for k, v in item.items() if v not in (None, "")})


# --------------------------------------------------------------------------- the spider

class JsonLdSpider(scrapy.Spider):
    name = "jsonld"

    def __init__(self, start_urls=None, sitemaps=None, depth=2, max_pages=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_urls = self._url_list(start_urls)
        self.sitemaps = self._url_list(sitemaps)
        self.depth = int(depth) if depth not in (None, "") else 2
        self.max_pages = int(max_pages) if max_pages not in (None, "") else None
        self.hosts = {urlsplit(u).hostname for u in self.start_urls + self.sitemaps}
        self.links = LinkExtractor()
        self.pages_requested = 0

    @staticmethod
    def _url_list(value) -> list[str]:
        if not value:
            return []
        if isinstance(value, str):
            value = value.split(",")
        return [u.strip() for u in value if u and u.strip()]

    async def start(self):
        if not (self.start_urls or self.sitemaps):
            self.logger.error("jsonld needs start URLs or sitemaps")
            return
        for url in self.sitemaps:
            yield scrapy.Request(url, callback=self.parse_sitemap, errback=self.on_error)
        for url in self.start_urls:
            yield self.page_request(url, link_depth=0)

    def page_request(self, url: str, link_depth: int) -> scrapy.Request:
        self.pages_requested += 1
        return scrapy.Request(url, callback=self.parse, errback=self.on_error,
                              cb_kwargs={"link_depth": link_depth})

    def parse_sitemap(self, response):
        """A robots.txt names sitemaps; a sitemap index leads to more sitemaps; a urlset's pages
        are start pages."""
        if urlsplit(response.url).path.endswith("/robots.txt"):
            named = list(sitemap_urls_from_robots(response.text, base_url=response.url))
            if not named:
                self.logger.error("No Sitemap line in %s", response.url)
            for url in named:
                yield scrapy.Request(url, callback=self.parse_sitemap, errback=self.on_error)
            return
        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
            except (OSError, ValueError) as exc:
                self.logger.error("Unreadable gzip sitemap %s (%s)", response.url, exc)
                return
        try:
            sitemap = Sitemap(body)
        except Exception as exc:  # lxml raises several types on junk
            self.logger.error("Unreadable sitemap %s (%s)", response.url, exc)
            return
        for entry in sitemap:
            loc = entry.get("loc")
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield scrapy.Request(loc, callback=self.parse_sitemap, errback=self.on_error)
            elif self.may_request():
                self.hosts.add(urlsplit(loc).hostname)
                yield self.page_request(loc, link_depth=0)

    def may_request(self) -> bool:
        return self.max_pages is None or self.pages_requested < self.max_pages

    def parse(self, response, link_depth: int = 0):
        if not isinstance(response, TextResponse):
            return
        yield from self.postings(response)
        if link_depth < self.depth:
            for link in self.links.extract_links(response):
                if urlsplit(link.url).hostname not in self.hosts:
                    continue  # stay inside the site
                if not self.may_request():
                    break
                yield self.page_request(link.url, link_depth + 1)

    def postings(self, response):
        tree = parse_html(response.body, encoding=response.encoding)
        jobs = []
        bad = 0
        for script in JSONLD_SCRIPTS(tree):
            try:
                jobs += job_postings(JsonLdExtractor().extract_items(script))
            except ValueError as exc:  # json / jstyleson decoding errors
                bad += 1
                reason = exc
        if bad:
            self.logger.error("Invalid JSON-LD on %s: %d block(s) skipped (%s)", response.url, bad, reason)
        try:
            micro = extruct.extract(tree, base_url=response.url, syntaxes=["microdata"], uniform=True)
            jobs += job_postings(micro.get("microdata", []))
        except Exception as exc:  # extruct's microdata reader on a broken page
            self.logger.error("Unreadable microdata on %s (%s)", response.url, exc)
        for job in jobs:
            item = posting_from_job(job, response.url)
            if item.get("title"):
                yield item

    def on_error(self, failure: Failure):
        """One ERROR line per failed request: HTTP status, timeout, robots.txt, size limit..."""
        self.logger.error("Request failed: %s (%s)", *describe_failure(failure))
