"""A synthetic corpus of extracted postings, written straight into amscout's schema.

Used by ``bench_report.py`` (a million postings) and by the report tests (a few thousand). It
writes postings, extractions and requirements with ``executemany`` in large transactions: the
point is to exercise the reports at scale, not the extractor. Skill shares drift over time
(some rise, some fall) so the trend sections have something to find. Seeded: the same size and
seed always give the same database.
"""
from __future__ import annotations

import hashlib
import json
import random
from datetime import date, timedelta

import store

VERSION = 2  # bump when the generated content changes: cached benchmark databases are keyed by it
SOURCES = ["greenhouse", "lever", "ashby", "smartrecruiters", "workable", "recruitee"]
TITLES = ["Account Manager", "Key Account Manager", "Senior Account Manager", "Strategic Account Manager",
          "Account Executive", "Customer Success Manager", "Enterprise Account Manager",
          "National Account Manager", "Account Director", "Junior Account Manager"]
COUNTRIES = ["US", "US", "US", "GB", "CA", "DE", "AU"]
SENIORITY = [("entry", 0.18), ("mid", 0.34), ("senior", 0.26), ("manager", 0.12),
             ("director_plus", 0.05), ("intern", 0.05)]
YEARS_BY_SENIORITY = {"intern": (0, 0), "entry": (0, 2), "mid": (2, 5), "senior": (4, 8),
                      "manager": (5, 10), "director_plus": (8, 15)}
SALARY_BY_SENIORITY = {"intern": 40000, "entry": 52000, "mid": 68000, "senior": 90000,
                       "manager": 105000, "director_plus": 140000}
# surface form, canonical name (readable, as in data/taxonomy), base share, drift per year
SKILLS = [
    ("crm", "CRM software", 0.55, 0.0), ("salesforce", "Salesforce", 0.42, 0.02),
    ("negotiation", "Negotiation", 0.40, 0.0), ("communication", "Communication", 0.62, 0.0),
    ("relationship_management", "Relationship management", 0.58, 0.0),
    ("upselling", "Upselling / cross-selling", 0.30, 0.01), ("forecasting", "Sales forecasting", 0.20, 0.01),
    ("account_planning", "Account planning", 0.25, 0.0), ("presentation", "Presentation skills", 0.28, -0.01),
    ("microsoft_excel", "Microsoft Excel", 0.33, -0.04), ("hubspot", "HubSpot", 0.12, 0.03),
    ("data_analysis", "Data analysis", 0.18, 0.03), ("ai_tools", "AI tools", 0.03, 0.06),
    ("cold_calling", "Cold calling", 0.15, -0.03), ("contract_renewal", "Contract renewals", 0.17, 0.0),
    ("customer_retention", "Customer retention", 0.22, 0.01), ("pipeline_management", "Pipeline management", 0.21, 0.0),
    ("saas", "SaaS", 0.26, 0.02), ("problem_solving", "Problem solving", 0.35, 0.0),
    ("time_management", "Time management", 0.24, -0.01), ("project_management", "Project management", 0.14, 0.0),
    ("spanish", "Spanish", 0.05, 0.0), ("b2b_sales", "B2B sales", 0.31, 0.0),
    ("lead_generation", "Lead generation", 0.12, -0.01), ("gong", "Gong", 0.04, 0.02),
]
CERTS = [("pmp", "PMP", 0.02), ("salesforce_administrator", "Salesforce Certified Administrator", 0.03),
         ("series_7", "Series 7", 0.01), ("drivers_license", "Driver's license", 0.06),
         ("csam", "CSAM", 0.01)]
FIELDS = [("business", "Business", 0.25), ("marketing", "Marketing", 0.12),
          ("communications", "Communications", 0.06), ("economics", "Economics", 0.04)]
DEGREES = [(None, 0.38), ("high_school", 0.05), ("associate", 0.02), ("bachelor", 0.5), ("master", 0.05)]
START = date(2023, 1, 1)
DAYS = (date(2025, 12, 31) - START).days

P_COLS = ["id", "source", "board", "external_id", "url", "title", "company", "location", "country",
          "work_mode", "date_posted", "content_hash", "first_seen", "last_seen", "duplicate_of", "description_text"]
E_COLS = ["posting_id", "pipeline_version", "role_family", "seniority", "degree_required", "degree_preferred",
          "degree_or_equivalent", "experience_min_years", "experience_max_years", "work_mode", "salary_min",
          "salary_max", "salary_currency", "salary_period", "salary_kind", "salary_annual_min",
          "salary_annual_max", "record"]
R_COLS = ["posting_id", "kind", "canonical", "label", "required", "start", "end", "section"]


def _pick(rng: random.Random, weighted):
    x, acc = rng.random(), 0.0
    for value, w in weighted:
        acc += w
        if x < acc:
            return value
    return weighted[-1][0]


def generate(i: int, rng: random.Random, pipeline_version: str = "synthetic-1"):
    """One posting, its extraction and its requirement rows (as tuples in column order)."""
    source = SOURCES[i % len(SOURCES)]
    board = f"board{i % 500:03d}"
    pid = f"{source}:{board}:{i:07d}"
    day = START + timedelta(days=rng.randrange(DAYS + 1))
    years_in = (day - START).days / 365.0
    seniority = _pick(rng, SENIORITY)
    title = TITLES[rng.randrange(len(TITLES))]
    company = f"Company {rng.randrange(3000):04d}"
    country = COUNTRIES[rng.randrange(len(COUNTRIES))]
    mode = _pick(rng, [("remote", 0.2 + 0.03 * years_in), ("hybrid", 0.3 + 0.02 * years_in), ("onsite", 0.3)]) \
        if rng.random() < 0.8 else "unspecified"
    duplicate_of = f"{SOURCES[(i - 1) % len(SOURCES)]}:board{(i - 1) % 500:03d}:{i - 1:07d}" \
        if i and rng.random() < 0.03 else None
    posting = (pid, source, board, str(i), f"https://jobs.example.com/{source}/{i}", title, company,
               "Austin, TX" if country == "US" else "London", country, None, day.isoformat(),
               hashlib.md5(pid.encode()).hexdigest(), f"{day.isoformat()}T08:00:00+00:00",
               f"{day.isoformat()}T08:00:00+00:00", duplicate_of, None)
    degree = _pick(rng, [(d, w - (0.04 * years_in if d == "bachelor" else 0) + (0.04 * years_in if d is None else 0))
                         for d, w in DEGREES])
    lo, hi = YEARS_BY_SENIORITY[seniority]
    exp_min = float(rng.randint(lo, hi)) if rng.random() < 0.7 else None
    salary = None
    if rng.random() < 0.35:
        mid = SALARY_BY_SENIORITY[seniority] * rng.uniform(0.75, 1.3) * (1.1 if mode == "remote" else 1.0)
        salary = (round(mid * 0.9, -3), round(mid * 1.1, -3))
    kind = rng.choice(["base", "base", "unspecified", "ote"]) if salary else None
    extraction = (pid, pipeline_version, "account_management" if rng.random() < 0.8 else "sales", seniority,
                  degree, "master" if degree == "bachelor" and rng.random() < 0.1 else None,
                  int(degree is not None and rng.random() < 0.3), exp_min,
                  exp_min + 2 if exp_min is not None and rng.random() < 0.3 else None, mode,
                  salary[0] if salary else None, salary[1] if salary else None, "USD" if salary else None,
                  "year" if salary else None, kind, salary[0] if salary else None,
                  salary[1] if salary else None, json.dumps({"id": pid, "synthetic": True}))
    reqs = []
    pos = 0
    for canonical, label, base, drift in SKILLS:
        if rng.random() < max(0.0, base + drift * years_in):
            required = 1 if rng.random() < 0.6 else (0 if rng.random() < 0.7 else None)
            for _ in range(1 + (rng.random() < 0.2)):
                reqs.append((pid, "skill", label, canonical, required, pos, pos + 10, "requirements"))
                pos += 40
    for kind_name, items in (("certification", CERTS), ("degree_field", FIELDS)):
        for canonical, label, p in items:
            if rng.random() < p:
                reqs.append((pid, kind_name, label, canonical, 1 if rng.random() < 0.5 else 0, pos, pos + 8,
                             "requirements"))
                pos += 40
    if degree:
        reqs.append((pid, "degree", degree, degree, 1, pos, pos + 20, "requirements"))
    return posting, extraction, reqs


def build(db_path, n: int, seed: int = 7, batch: int = 50_000, progress=None) -> None:
    """Write n synthetic postings with extractions and requirements into a new database file."""
    db = store.open_db(db_path)
    conn = db.conn
    conn.execute("pragma synchronous = off")
    rng = random.Random(seed)
    p_sql = f"insert into postings ({','.join(P_COLS)}) values ({','.join('?' * len(P_COLS))})"
    e_sql = f"insert into extractions ({','.join(E_COLS)}) values ({','.join('?' * len(E_COLS))})"
    r_sql = f"insert into requirements ([{'],['.join(R_COLS)}]) values ({','.join('?' * len(R_COLS))})"
    for start in range(0, n, batch):
        ps, es, rs = [], [], []
        for i in range(start, min(n, start + batch)):
            p, e, r = generate(i, rng)
            ps.append(p)
            es.append(e)
            rs.extend(r)
        with conn:
            conn.executemany(p_sql, ps)
            conn.executemany(e_sql, es)
            conn.executemany(r_sql, rs)
        if progress:
            progress(min(n, start + batch))
    conn.execute("pragma synchronous = normal")
    db.conn.close()
