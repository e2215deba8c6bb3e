"""Small hand-made corpora for the report tests, written through store.py.

``add(db, specs)`` stores postings and their extractions the way the extractor would (one
extraction row, requirement rows per mention), so the numbers in tests can be worked out by hand.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import store

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "bench"))


def spec(i: int, day: str, *, skills=None, seniority="mid", degree=None, or_equivalent=False,
         exp=None, salary=None, salary_kind="base", mode="unspecified", title=None, company=None,
         source="greenhouse", certs=None, pipeline="test-1") -> dict:
    return {"id": f"{source}:board:{i}", "day": day, "skills": skills or {}, "certs": certs or {},
            "seniority": seniority, "degree": degree, "or_equivalent": or_equivalent, "exp": exp,
            "salary": salary, "salary_kind": salary_kind, "mode": mode, "source": source,
            "title": title or f"Account Manager {i}", "company": company or f"Company {i}",
            "pipeline": pipeline}


def add(db, specs: list[dict]) -> None:
    items = [{"id": s["id"], "source": s["source"], "board": "board", "external_id": s["id"].rsplit(":", 1)[1],
              "title": s["title"], "company": s["company"], "location": f"City {s['id']}",
              "date_posted": s["day"], "description_text": f"Posting {s['id']} about {sorted(s['skills'])}"}
             for s in specs]
    store.upsert_postings(db, items, seen="2026-01-01T00:00:00+00:00")
    records, reqs = [], []
    for s in specs:
        sal = s["salary"]
        records.append({
            "posting_id": s["id"], "pipeline_version": s["pipeline"], "role_family": "account_management",
            "seniority": s["seniority"], "degree_required": s["degree"], "degree_preferred": None,
            "degree_or_equivalent": int(s["or_equivalent"]), "experience_min_years": s["exp"],
            "experience_max_years": None, "work_mode": s["mode"],
            "salary_annual_min": sal[0] if sal else None, "salary_annual_max": sal[1] if sal else None,
            "salary_currency": "USD" if sal else None, "salary_kind": s["salary_kind"] if sal else None,
            "record": json.dumps({"id": s["id"]}),
        })
        pos = 0
        for kind, items_ in (("skill", s["skills"]), ("certification", s["certs"])):
            for canonical, required in items_.items():
                mentions = required if isinstance(required, list) else [required]
                for r in mentions:
                    reqs.append({"posting_id": s["id"], "kind": kind, "canonical": canonical,
                                 "label": canonical.replace("_", " ").title(), "required": r,
                                 "start": pos, "end": pos + 5, "section": "requirements"})
                    pos += 10
    store.save_extractions(db, records, reqs)


def corpus_two_quarters(db) -> None:
    """80 postings: 40 in 2024-Q1 and 40 in 2025-Q1, with known counts.

    - negotiation: 10 of the first 40 (required), 30 of the last 40 (20 required, 10 preferred)
    - crm: every posting, mentioned twice (one required mention, one preferred)
    - salary: 2024 postings 50k..89k in 1k steps (midpoint = the figure itself)
    - degree: bachelor required in 2024 postings 0..19; none otherwise
    - experience: 2 years in 2024 postings, 5 in 2025 postings
    """
    specs = []
    for i in range(40):
        specs.append(spec(i, "2024-02-10", skills={"negotiation": 1, "crm": [1, 0]} if i < 10 else {"crm": [1, 0]},
                          degree="bachelor" if i < 20 else None, exp=2.0, salary=(50000 + 1000 * i,) * 2,
                          mode="remote" if i < 8 else "onsite", seniority="mid"))
    for i in range(40, 80):
        skills = {"crm": [1, 0]}
        if i < 60:
            skills["negotiation"] = 1
        elif i < 70:
            skills["negotiation"] = 0
        specs.append(spec(i, "2025-02-10", skills=skills, exp=5.0, mode="hybrid", seniority="senior"))
    add(db, specs)
