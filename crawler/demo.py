"""Simulated job boards on 127.0.0.1, serving the generated postings of ``crawler.demo_data``.

One ``ThreadingHTTPServer`` on an ephemeral port answers in the shapes of the real sources, so
the real spiders crawl it with ``--base-url``:

- Greenhouse: ``/v1/boards/<token>/jobs`` (``?content=true`` adds the entity-escaped HTML
  ``content``), ``/v1/boards/<token>/jobs/<id>`` and ``/v1/boards/<token>``;
- Lever: ``/v0/postings/<token>?mode=json`` with ``skip`` / ``limit`` paging, ms ``createdAt``;
- Ashby: ``/posting-api/job-board/<token>?includeCompensation=true``, with ``isListed`` (one
  unlisted job per board, which must not be collected) and compensation tiers;
- a career site (``/careers/``) of index pages linking to job pages that carry schema.org
  ``JobPosting`` JSON-LD (some inside an ``@graph``), plus ``/sitemap.xml``;
- ``/robots.txt`` allowing everything, and ``/`` saying that all of this is simulated.

Responses are rendered once, when the server starts (it needs its own address for the URLs).
"""
from __future__ import annotations

import json
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta, timezone
from html import escape
from urllib.parse import parse_qs, urlsplit

from crawler import demo_data as dd
from crawler.demo_data import DemoJob
from crawler.loopback import LoopbackServer, Response

CAREER_PAGE_SIZE = 50
EASTERN = timezone(timedelta(hours=-5))
LEVER_WORKPLACE = {"remote": "remote", "hybrid": "hybrid", "onsite": "on-site"}
ASHBY_WORKPLACE = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "OnSite"}


def _iso(moment, tz=timezone.utc) -> str:
    return moment.astimezone(tz).isoformat(timespec="seconds")


def _days_after(job: DemoJob, most: int) -> timedelta:
    """A small, stable delay derived from the job key (Greenhouse updated_at, career-site reposts)."""
    return timedelta(days=sum(map(ord, job.key)) % (most + 1))


# --------------------------------------------------------------------------- Greenhouse

def greenhouse_job(job: DemoJob, token: str, base: str, content: bool) -> dict:
    gid = dd.numeric_id(job.key)
    updated = job.posted + _days_after(job, 2)
    record = {
        "absolute_url": f"{base}/boards/{token}/jobs/{gid}",
        "data_compliance": [{"type": "gdpr", "requires_consent": False, "requires_processing_consent": False,
                             "requires_retention_consent": False, "retention_period": None,
                             "demographic_data_consent_applies": False}],
        "internal_job_id": gid - 1000000,
        "location": {"name": job.location},
        "metadata": [{"id": 9245691, "name": "Workplace Type",
                      "value": {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}[job.work_mode],
                      "value_type": "single_select"}],
        "id": gid,
        "updated_at": _iso(updated, EASTERN),
        "requisition_id": f"REQ-{gid % 100000:05d}",
        "title": job.title,
        "company_name": job.company.name,
        "first_published": _iso(job.posted, EASTERN),
        "language": "en",
    }
    if content:
        record["content"] = escape(dd.to_html(job), quote=True)
        record["departments"] = [{"id": 4000 + len(job.department), "name": job.department, "child_ids": [],
                                  "parent_id": None}]
        record["offices"] = [{"id": 5000 + dd.CITIES.index((job.city, job.region)), "name": job.city,
                              "location": f"{job.city}, {job.region}, United States", "child_ids": [],
                              "parent_id": None}]
    return record


# --------------------------------------------------------------------------- Lever

def lever_posting(job: DemoJob, token: str, base: str) -> dict:
    lid = dd.stable_uuid(job.key, "lever")
    intro = [s for s in job.sections if s.key in ("about", "role")]
    lists = [s for s in job.sections if s.bullets]
    extra = [s for s in job.sections if not s.bullets and s.key not in ("about", "role")]
    record = {
        "id": lid,
        "text": job.title,
        "categories": {"commitment": job.employment_type, "department": job.department,
                       "location": job.location, "team": job.department, "allLocations": [job.location]},
        "country": "US",
        "workplaceType": LEVER_WORKPLACE[job.work_mode],
        "createdAt": int(job.posted.timestamp() * 1000),
        "hostedUrl": f"{base}/lever/{token}/{lid}",
        "applyUrl": f"{base}/lever/{token}/{lid}/apply",
        "description": dd.to_html(job, intro),
        "descriptionPlain": dd.to_text(job, intro),
        "lists": [{"text": s.heading or "", "content": "".join(f"<li>{escape(i)}</li>" for i in s.items)}
                  for s in lists],
        "additional": dd.to_html(job, extra),
        "additionalPlain": dd.to_text(job, extra),
    }
    s = job.salary
    if s and s.kind == "base":
        record["salaryRange"] = {"currency": s.currency, "interval": "per-hour-wage" if s.period == "hour"
                                 else "per-year-salary", "min": s.min, "max": s.max}
    return record


# --------------------------------------------------------------------------- Ashby

def ashby_job(job: DemoJob, token: str, base: str, compensation: bool, listed: bool = True) -> dict:
    aid = dd.stable_uuid(job.key, "ashby" if listed else "ashby-unlisted")
    record = {
        "id": aid,
        "title": job.title,
        "department": job.department,
        "team": job.department,
        "employmentType": "FullTime" if job.employment_type == "Full-time" else "Contract",
        "location": "Remote" if job.work_mode == "remote" else f"{job.city}, {job.region}",
        "secondaryLocations": [],
        "publishedAt": job.posted.isoformat(timespec="milliseconds"),
        "isListed": listed,
        "isRemote": job.work_mode == "remote",
        "workplaceType": ASHBY_WORKPLACE[job.work_mode],
        "address": {"postalAddress": {"addressLocality": job.city, "addressRegion": job.region,
                                      "addressCountry": "United States"}},
        "jobUrl": f"{base}/ashby/{token}/{aid}",
        "applyUrl": f"{base}/ashby/{token}/{aid}/application",
        "descriptionHtml": dd.to_html(job),
        "descriptionPlain": dd.to_text(job),
    }
    if compensation:
        record["compensation"] = _ashby_compensation(job)
    return record


def _ashby_compensation(job: DemoJob) -> dict:
    s = job.salary
    if not s or s.kind != "base":
        return {"compensationTierSummary": None, "scrapeableCompensationSalarySummary": None,
                "compensationTiers": [], "summaryComponents": []}
    interval = "1 HOUR" if s.period == "hour" else "1 YEAR"
    fmt = (lambda v: f"${v:,.0f}") if s.period == "hour" else (lambda v: f"${v / 1000:.0f}K")
    tiers = [("Zone A", 1.0), ("Zone B", 0.9)] if s.period == "year" else [("All locations", 1.0)]
    tier_records = []
    for i, (title, factor) in enumerate(tiers):
        low, high = round(s.min * factor, -3 if s.period == "year" else 0), round(s.max * factor, -3 if s.period == "year" else 0)
        summary = f"{fmt(low)} – {fmt(high)}"
        tier_records.append({
            "id": dd.stable_uuid(job.key, f"tier{i}"), "tierSummary": summary, "title": title,
            "additionalInformation": None,
            "components": [{"id": dd.stable_uuid(job.key, f"comp{i}"), "summary": summary,
                            "compensationType": "Salary", "interval": interval, "currencyCode": s.currency,
                            "minValue": low, "maxValue": high}],
        })
    low = min(t["components"][0]["minValue"] for t in tier_records)
    high = max(t["components"][0]["maxValue"] for t in tier_records)
    summary = f"{fmt(low)} – {fmt(high)}"
    return {
        "compensationTierSummary": summary,
        "scrapeableCompensationSalarySummary": summary.replace("–", "-"),
        "compensationTiers": tier_records,
        "summaryComponents": [{"compensationType": "Salary", "interval": interval, "currencyCode": s.currency,
                               "minValue": low, "maxValue": high}],
    }


# --------------------------------------------------------------------------- career site (JSON-LD)

def career_slug(job: DemoJob) -> str:
    words = "".join(ch if ch.isalnum() else "-" for ch in job.title.lower()).split("-")
    return "-".join(w for w in words if w) + "-" + job.key


def career_posted(job: DemoJob):
    """When the career site lists a job: a repost from a company's own board comes 0-3 days later
    (never after the generator's last day)."""
    if job.company.platform == "jsonld":
        return job.posted
    return min(job.posted + _days_after(job, 3), job.posted.replace(
        year=dd.END_DATE.year, month=dd.END_DATE.month, day=dd.END_DATE.day))


def jobposting_jsonld(job: DemoJob, base: str, posted) -> dict:
    """schema.org JobPosting, as Google's job search documentation describes it."""
    url = f"{base}/careers/jobs/{career_slug(job)}.html"
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title,
        "description": dd.to_html(job),
        "identifier": {"@type": "PropertyValue", "name": dd.JSONLD_SITE_NAME, "value": job.key},
        "datePosted": posted.date().isoformat(),
        "validThrough": (posted + timedelta(days=60)).isoformat(timespec="seconds"),
        "employmentType": "FULL_TIME" if job.employment_type == "Full-time" else "CONTRACTOR",
        "hiringOrganization": {"@type": "Organization", "name": job.company.name,
                               "sameAs": f"{base}/companies/{job.company.slug}"},
        "industry": job.company.industry,
        "url": url,
    }
    if job.work_mode == "remote":  # Google's guidance: no office address, where applicants may live
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "USA"}
    else:
        data["jobLocation"] = {"@type": "Place", "address": {
            "@type": "PostalAddress", "addressLocality": job.city, "addressRegion": job.region,
            "addressCountry": "US"}}
    s = job.salary
    if s and s.kind == "base":
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": s.currency, "value": {
            "@type": "QuantitativeValue", "minValue": s.min, "maxValue": s.max,
            "unitText": "HOUR" if s.period == "hour" else "YEAR"}}
    if job.degree == "bachelor":
        data["educationRequirements"] = {"@type": "EducationalOccupationalCredential",
                                         "credentialCategory": "bachelor degree"}
    elif job.degree == "high_school":
        data["educationRequirements"] = {"@type": "EducationalOccupationalCredential",
                                         "credentialCategory": "high school"}
    return data


def career_job_page(job: DemoJob, base: str, posted, use_graph: bool) -> str:
    data = jobposting_jsonld(job, base, posted)
    if use_graph:  # some sites wrap the posting in an @graph with their page and breadcrumbs
        data.pop("@context")
        data = {"@context": "https://schema.org", "@graph": [
            {"@type": "WebPage", "@id": data["url"], "name": job.title},
            {"@type": "BreadcrumbList", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Jobs", "item": f"{base}/careers/"}]},
            data]}
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return (f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(job.title)} at {escape(job.company.name)} | {dd.JSONLD_SITE_NAME} (simulated)</title>\n"
            f"<script type=\"application/ld+json\">{payload}</script></head>\n<body>\n"
            f"<p><em>Simulated job board for the amscout demo.</em></p>\n"
            f"<h1>{escape(job.title)}</h1>\n<p>{escape(job.company.name)} · {escape(job.location)}</p>\n"
            f"<div class=\"description\">{dd.to_html(job)}</div>\n"
            f"<p><a href=\"/careers/\">All jobs</a></p>\n</body></html>\n")


def job_page(job: DemoJob) -> str:
    """The page a board's job URL shows a person (no structured data: the APIs carry that)."""
    return (f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(job.title)} at {escape(job.company.name)} (simulated)</title></head>\n<body>\n"
            f"<p><em>Simulated job board for the amscout demo.</em></p>\n<h1>{escape(job.title)}</h1>\n"
            f"<p>{escape(job.company.name)} · {escape(job.location)}</p>\n{dd.to_html(job)}\n</body></html>\n")


def career_index_page(entries: list[tuple[DemoJob, str]], page: int, pages: int) -> str:
    items = "\n".join(f"<li><a href=\"/careers/jobs/{career_slug(j)}.html\">{escape(j.title)}</a> "
                      f"– {escape(j.company.name)}, {escape(j.location)} ({d})</li>" for j, d in entries)
    nav = " ".join(f"<a href=\"{_index_path(n)}\">{n}</a>" if n != page else f"<strong>{n}</strong>"
                   for n in range(1, pages + 1))
    return (f"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{dd.JSONLD_SITE_NAME}: jobs, page {page} (simulated)</title></head>\n<body>\n"
            f"<h1>{dd.JSONLD_SITE_NAME}</h1>\n<p>A simulated multi-employer job board for the amscout demo; "
            f"every company and job on it is invented.</p>\n<ul>\n{items}\n</ul>\n<nav>Pages: {nav}</nav>\n"
            f"</body></html>\n")


def _index_path(page: int) -> str:
    return "/careers/" if page == 1 else f"/careers/page/{page}/"


# --------------------------------------------------------------------------- the server

@dataclass(eq=False)
class DemoBoards(LoopbackServer):
    """The simulated boards: ``with DemoBoards(jobs) as boards: boards.url ...``."""

    jobs: list[DemoJob]
    host: str = "127.0.0.1"
    port: int = 0
    boards: dict[str, list[str]] = field(default_factory=dict)     # source -> board tokens
    counts: dict[str, int] = field(default_factory=dict)           # source -> postings served
    _routes: dict[str, Response] = field(default_factory=dict)
    _lever: dict[str, list[dict]] = field(default_factory=dict)
    _ashby: dict[str, tuple[list[dict], list[dict]]] = field(default_factory=dict)
    _greenhouse: dict[str, tuple[bytes, bytes]] = field(default_factory=dict)
    _job_pages: dict[str, DemoJob] = field(default_factory=dict)     # a listing's human-readable URL

    server_version = "amscout-demo-boards"

    def __post_init__(self):
        LoopbackServer.__init__(self, self.host, self.port)
        self.requests = 0
        self._lock = threading.Lock()
        self._render()

    @property
    def career_url(self) -> str:
        return f"{self.url}/careers/"

    @property
    def sitemap_url(self) -> str:
        return f"{self.url}/sitemap.xml"

    def expected_postings(self) -> dict[str, tuple[DemoJob, str]]:
        """Every listing as the spiders should store it: posting id -> (job, date posted)."""
        host = self.host
        out = {}
        for job in self.jobs:
            for platform, token in job.listings:
                if platform == "greenhouse":
                    pid, day = f"greenhouse:{token}:{dd.numeric_id(job.key)}", job.posted
                elif platform == "lever":
                    pid, day = f"lever:{token}:{dd.stable_uuid(job.key, 'lever')}", job.posted
                elif platform == "ashby":
                    pid, day = f"ashby:{token}:{dd.stable_uuid(job.key, 'ashby')}", job.posted
                else:
                    pid, day = f"jsonld:{host}:{job.key}", career_posted(job)
                out[pid] = (job, day.date().isoformat())
        return out

    # ------------------------------------------------------------------ rendering

    def _render(self) -> None:
        base = self.url
        by_board: dict[tuple[str, str], list[DemoJob]] = defaultdict(list)
        for job in self.jobs:
            for platform, token in job.listings:
                by_board[(platform, token)].append(job)
        for (platform, token), jobs in sorted(by_board.items()):
            self.boards.setdefault(platform, []).append(token)
            self.counts[platform] = self.counts.get(platform, 0) + len(jobs)
            newest_first = sorted(jobs, key=lambda j: (j.posted, j.key), reverse=True)
            if platform == "greenhouse":
                self._greenhouse[token] = tuple(
                    _json({"jobs": [greenhouse_job(j, token, base, content) for j in newest_first],
                           "meta": {"total": len(jobs)}}) for content in (False, True))
                self._routes[f"/v1/boards/{token}"] = Response(_json(
                    {"name": jobs[0].company.name, "content": escape(f"<p>{jobs[0].company.name} "
                                                                     f"{jobs[0].company.blurb}.</p>")}),
                    "application/json")
                for j in jobs:
                    self._routes[f"/v1/boards/{token}/jobs/{dd.numeric_id(j.key)}"] = Response(
                        _json(greenhouse_job(j, token, base, True)), "application/json")
                    self._job_pages[f"/boards/{token}/jobs/{dd.numeric_id(j.key)}"] = j
            elif platform == "lever":
                self._lever[token] = [lever_posting(j, token, base) for j in newest_first]
                self._job_pages.update({f"/lever/{token}/{dd.stable_uuid(j.key, 'lever')}": j for j in jobs})
            elif platform == "ashby":
                self._job_pages.update({f"/ashby/{token}/{dd.stable_uuid(j.key, 'ashby')}": j for j in jobs})
                listed = [ashby_job(j, token, base, True) for j in newest_first]
                draft = ashby_job(newest_first[0], token, base, True, listed=False)
                draft["title"] += " (draft)"
                listed.insert(len(listed) // 2, draft)
                self._ashby[token] = (listed, [{k: v for k, v in r.items() if k != "compensation"}
                                               for r in listed])
            elif platform == "jsonld":
                self._render_career_site(jobs, base)
        self._routes["/robots.txt"] = Response(
            f"# Simulated job boards for the amscout demo\nUser-agent: *\nAllow: /\n\n"
            f"Sitemap: {base}/sitemap.xml\n".encode(), "text/plain; charset=utf-8")
        self._routes["/"] = Response(self._home(base).encode(), "text/html; charset=utf-8")

    def _render_career_site(self, jobs: list[DemoJob], base: str) -> None:
        entries = [(j, career_posted(j)) for j in jobs]
        entries.sort(key=lambda e: (e[1], e[0].key), reverse=True)
        urls = []
        for n, (j, posted) in enumerate(entries):
            path = f"/careers/jobs/{career_slug(j)}.html"
            self._routes[path] = Response(career_job_page(j, base, posted, use_graph=n % 4 == 0).encode(),
                                          "text/html; charset=utf-8")
            urls.append((base + path, posted.date().isoformat()))
        pages = max(1, -(-len(entries) // CAREER_PAGE_SIZE))
        for p in range(1, pages + 1):
            chunk = [(j, d.date().isoformat()) for j, d in entries[(p - 1) * CAREER_PAGE_SIZE:p * CAREER_PAGE_SIZE]]
            self._routes[_index_path(p)] = Response(career_index_page(chunk, p, pages).encode(),
                                                    "text/html; charset=utf-8")
        sitemap = "\n".join(f"  <url><loc>{escape(u)}</loc><lastmod>{d}</lastmod></url>" for u, d in urls)
        self._routes["/sitemap.xml"] = Response(
            (f"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/"
             f"sitemap/0.9\">\n{sitemap}\n</urlset>\n").encode(), "application/xml")

    def _home(self, base: str) -> str:
        rows = "".join(f"<li>{escape(src)}: {', '.join(map(escape, tokens))}</li>"
                       for src, tokens in sorted(self.boards.items()))
        return (f"<!doctype html><html><head><meta charset=\"utf-8\"><title>amscout demo boards (simulated)"
                f"</title></head><body><h1>Simulated job boards</h1><p>Everything served here is generated "
                f"by amscout's demo; no company or job is real.</p><ul>{rows}</ul>"
                f"<p><a href=\"/careers/\">{dd.JSONLD_SITE_NAME}</a></p></body></html>")

    # ------------------------------------------------------------------ answering

    def answer(self, target: str, headers: dict | None = None) -> Response:
        """The response for a request target (path and query)."""
        with self._lock:
            self.requests += 1
        parts = urlsplit(target)
        path, query = parts.path, parse_qs(parts.query)
        seg = [s for s in path.split("/") if s]
        if len(seg) == 4 and seg[:2] == ["v1", "boards"] and seg[3] == "jobs" and seg[2] in self._greenhouse:
            plain, full = self._greenhouse[seg[2]]
            return Response(full if query.get("content", [""])[0] == "true" else plain, "application/json")
        if len(seg) == 3 and seg[:2] == ["v0", "postings"] and seg[2] in self._lever:
            return self._lever_page(self._lever[seg[2]], query)
        if len(seg) == 3 and seg[:2] == ["posting-api", "job-board"] and seg[2] in self._ashby:
            with_pay, without = self._ashby[seg[2]]
            compensation = query.get("includeCompensation", [""])[0] == "true"
            return Response(_json({"apiVersion": "1", "jobs": with_pay if compensation else without}),
                            "application/json")
        route = self._routes.get(path) or self._routes.get(path.rstrip("/") + "/")
        if route is not None:
            return route
        if path in self._job_pages:
            return Response(job_page(self._job_pages[path]).encode(), "text/html; charset=utf-8")
        if seg and seg[0] in ("v0", "v1", "posting-api"):
            return Response(_json({"status": 404, "error": "Job board not found"}), "application/json", 404)
        return Response(b"Not found (amscout demo boards)\n", "text/plain; charset=utf-8", 404)

    @staticmethod
    def _lever_page(postings: list[dict], query: dict) -> Response:
        """Lever pages with skip / limit; with no limit it returns everything."""
        try:
            skip = int(query.get("skip", ["0"])[0])
            limit = int(query["limit"][0]) if "limit" in query else None
        except ValueError:
            return Response(_json({"ok": False, "error": "Invalid skip or limit"}), "application/json", 400)
        page = postings[skip:] if limit is None else postings[skip:skip + limit]
        return Response(_json(page), "application/json")


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")
