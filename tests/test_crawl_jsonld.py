"""The jsonld spider, crawled for real through ``amscout crawl jsonld`` against a local site."""
import gzip
import json
import sqlite3

from crawlcli import crawl, error_lines, postings, runs
from localserver import Route

ORG = {"@type": "Organization", "name": "Acme Corp"}


def page(*scripts, body: str = "") -> str:
    blocks = "".join(
        f'<script type="application/ld+json">{s if isinstance(s, str) else json.dumps(s)}</script>'
        for s in scripts)
    return f"<html><head><title>t</title>{blocks}</head><body>{body}</body></html>"


def links(*hrefs) -> str:
    return "".join(f'<a href="{h}">{h}</a> ' for h in hrefs)


SINGLE = {
    "@context": "https://schema.org", "@type": "JobPosting", "title": "Key Account Manager",
    "hiringOrganization": ORG,
    "identifier": {"@type": "PropertyValue", "name": "Acme", "value": "KAM-1"},
    "jobLocationType": "TELECOMMUTE",
    "jobLocation": {"@type": "Place", "address": {
        "@type": "PostalAddress", "addressLocality": "Austin", "addressRegion": "TX",
        "addressCountry": {"@type": "Country", "name": "US"}}},
    "baseSalary": {"@type": "MonetaryAmount", "currency": "USD", "value": {
        "@type": "QuantitativeValue", "minValue": 70000, "maxValue": 90000, "unitText": "YEAR"}},
    "educationRequirements": {"@type": "EducationalOccupationalCredential",
                              "credentialCategory": "bachelor degree"},
    "experienceRequirements": {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 24},
    "datePosted": "2026-10-01T09:00:00-05:00", "validThrough": "2026-12-31",
    "employmentType": ["FULL_TIME", "CONTRACTOR"],
    "description": "<p>Grow our <b>key accounts</b>.</p><ul><li>CRM</li><li>Negotiation</li></ul>",
}
GRAPH = {"@context": "https://schema.org", "@graph": [
    {"@type": "WebPage", "name": "Careers"}, ORG,
    {"@type": "JobPosting", "title": "Client Success Manager", "hiringOrganization": ORG,
     "identifier": "G-7", "url": "https://acme.example/jobs/g-7",
     "jobLocation": [{"@type": "Place", "address": {"addressLocality": "Berlin", "addressCountry": "DE"}},
                     {"@type": "Place", "address": {"addressLocality": "Paris", "addressCountry": "FR"}}],
     "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
                    "value": {"@type": "QuantitativeValue", "value": 30, "unitText": "HOUR"}},
     "description": "Help clients succeed."},
]}
LISTED = [
    {"@context": "https://schema.org", "@type": "JobPosting", "title": "Account Executive",
     "hiringOrganization": "Acme Corp", "description": "Close deals."},
    {"@context": "https://schema.org", "@type": "JobPosting", "title": "Software Engineer",
     "hiringOrganization": "Acme Corp", "description": "Write code."},
]
MICRODATA = """
<div itemscope itemtype="https://schema.org/JobPosting">
  <h1 itemprop="title">Strategic Account Director</h1>
  <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
    <span itemprop="name">Acme Corp</span></div>
  <meta itemprop="datePosted" content="2026-09-15">
  <span itemprop="identifier">MD-3</span>
  <div itemprop="description"><p>Own strategic accounts.</p></div>
</div>"""
VALID_NEXT_TO_BROKEN = {"@context": "https://schema.org", "@type": "JobPosting",
                        "title": "Account Coordinator", "identifier": "OK-5", "hiringOrganization": ORG}
DEEP = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Account Manager, Depth Two",
        "identifier": "D-2", "hiringOrganization": ORG}
TOO_DEEP = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Account Manager, Depth Three",
            "identifier": "D-3", "hiringOrganization": ORG}


def site_routes():
    return {
        "/robots.txt": Route("User-agent: *\nAllow: /\n", content_type="text/plain"),
        "/": Route(page(body=links("/jobs/single", "/jobs/graph", "/jobs/list", "/jobs/micro",
                                   "/jobs/invalid", "/about", "http://elsewhere.invalid/jobs/1"))),
        "/jobs/single": Route(page(SINGLE)),
        "/jobs/graph": Route(page(GRAPH)),
        "/jobs/list": Route(page(LISTED)),
        "/jobs/micro": Route(page(body=MICRODATA)),
        "/jobs/invalid": Route(page('{"@type": "JobPosting", "title": "Broken",', VALID_NEXT_TO_BROKEN)),
        "/about": Route(page(body=links("/deeper"))),
        "/deeper": Route(page(DEEP, body=links("/deepest"))),
        "/deepest": Route(page(TOO_DEEP)),
    }


def test_jsonld_variants_invalid_page_and_depth_limit(local_server, db_path):
    srv = local_server(site_routes())
    result = crawl("jsonld", "--start-url", srv.url + "/", "--depth", "2", db=db_path)
    assert result.returncode == 0, result.stderr
    stored = postings(db_path)
    by_title = {p["title"]: p for p in stored.values()}
    assert set(by_title) == {"Key Account Manager", "Client Success Manager", "Account Executive",
                             "Strategic Account Director", "Account Coordinator",
                             "Account Manager, Depth Two"}

    kam = stored["jsonld:127.0.0.1:KAM-1"]
    assert kam["company"] == "Acme Corp" and kam["board"] == "127.0.0.1"
    assert kam["work_mode"] == "remote"
    assert kam["location"] == "Austin, TX, US" and kam["country"] == "US"
    assert (kam["salary_min"], kam["salary_max"], kam["salary_currency"], kam["salary_period"]) == \
        (70000, 90000, "USD", "year")
    assert kam["date_posted"] == "2026-10-01" and kam["valid_through"] == "2026-12-31"
    assert kam["employment_type"] == "FULL_TIME, CONTRACTOR"
    assert "key accounts" in kam["description_text"] and "Negotiation" in kam["description_text"]
    assert "bachelor degree" in kam["description_text"] and "24 months" in kam["description_text"]
    raw = json.loads(kam["raw"])
    assert raw["experienceRequirements"]["monthsOfExperience"] == 24

    csm = stored["jsonld:127.0.0.1:G-7"]  # from @graph
    assert csm["url"] == "https://acme.example/jobs/g-7"
    assert csm["location"] == "Berlin, DE; Paris, FR" and csm["country"] == "DE"
    assert (csm["salary_min"], csm["salary_max"], csm["salary_period"]) == (30, 30, "hour")
    assert csm["work_mode"] is None

    assert by_title["Account Executive"]["external_id"]  # no identifier: a hash of URL and title
    assert by_title["Strategic Account Director"]["id"] == "jsonld:127.0.0.1:MD-3"  # microdata
    assert by_title["Strategic Account Director"]["date_posted"] == "2026-09-15"

    # the page with invalid JSON-LD: one logged, counted error, and its valid block still read
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and "/jobs/invalid" in errors[0]
    run = runs(db_path)[-1]
    assert (run["status"], run["new"], run["dropped"], run["errors"]) == ("finished", 6, 1, 1)
    assert "6 new" in result.stdout and "1 errors" in result.stdout

    # depth: /deeper is two links from the start page, /deepest three; other hosts never asked
    assert srv.hits("/deeper") == 1 and srv.hits("/deepest") == 0
    assert all("elsewhere" not in path for _, path, _ in srv.requests)
    # polite: identified, with the contact, and robots.txt was read first
    assert srv.requests[0][1] == "/robots.txt"
    assert all(h.get("User-Agent", "").startswith("amscout/") and "tests@example.org" in h["User-Agent"]
               for _, _, h in srv.requests)


def test_recrawl_updates_last_seen_keeps_first_seen_and_counts_changes(local_server, db_path):
    srv = local_server(site_routes())
    first = crawl("jsonld", "--start-url", srv.url + "/jobs/single", "--depth", "0", db=db_path)
    assert first.returncode == 0, first.stderr
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("update postings set first_seen = '2020-01-01T00:00:00+00:00', "
                     "last_seen = '2020-01-01T00:00:00+00:00'")
    conn.close()
    changed = dict(SINGLE, description="<p>A new text.</p>")
    srv.routes["/jobs/single"] = Route(page(changed))
    second = crawl("jsonld", "--start-url", srv.url + "/jobs/single", "--depth", "0", db=db_path)
    assert second.returncode == 0, second.stderr
    (row,) = postings(db_path).values()
    assert row["first_seen"].startswith("2020-01-01") and not row["last_seen"].startswith("2020")
    assert row["description_text"].startswith("A new text.")
    assert [(r["new"], r["updated"]) for r in runs(db_path)] == [(1, 0), (0, 1)]


def test_sitemap_index_and_gzipped_sitemap(local_server, db_path):
    srv = local_server()
    base = srv.url
    index = (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f'<sitemap><loc>{base}/sitemap-jobs.xml.gz</loc></sitemap></sitemapindex>')
    urlset = (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
              f'<url><loc>{base}/job/1</loc></url><url><loc>{base}/job/2</loc></url></urlset>')
    job = lambda n: page({"@context": "https://schema.org", "@type": "JobPosting",  # noqa: E731
                          "title": f"Account Manager {n}", "identifier": f"S-{n}", "hiringOrganization": ORG},
                         body=links("/not-followed"))
    srv.routes.update({
        "/sitemap.xml": Route(index, content_type="application/xml"),
        "/sitemap-jobs.xml.gz": Route(gzip.compress(urlset.encode()), content_type="application/gzip"),
        "/job/1": Route(job(1)), "/job/2": Route(job(2)),
    })
    result = crawl("jsonld", "--sitemap", base + "/sitemap.xml", "--depth", "0", db=db_path)
    assert result.returncode == 0, result.stderr
    assert set(postings(db_path)) == {"jsonld:127.0.0.1:S-1", "jsonld:127.0.0.1:S-2"}
    assert srv.hits("/not-followed") == 0
    assert runs(db_path)[-1]["errors"] == 0


def test_sitemaps_named_in_robots_txt(local_server, db_path):
    srv = local_server()
    base = srv.url
    urlset = (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
              f'<url><loc>{base}/careers/7</loc></url></urlset>')
    srv.routes.update({
        "/robots.txt": Route(f"User-agent: *\nDisallow: /private/\nSitemap: {base}/careers-sitemap.xml\n",
                             content_type="text/plain"),
        "/careers-sitemap.xml": Route(urlset, content_type="application/xml"),
        "/careers/7": Route(page({"@context": "https://schema.org", "@type": "JobPosting", "title": "Account Executive",
                                  "identifier": "R-7", "hiringOrganization": ORG})),
    })
    result = crawl("jsonld", "--sitemap", base + "/robots.txt", "--depth", "0", db=db_path)
    assert result.returncode == 0, result.stderr
    assert set(postings(db_path)) == {"jsonld:127.0.0.1:R-7"}
    assert runs(db_path)[-1]["errors"] == 0
