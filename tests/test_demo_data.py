"""The demo's generated postings: deterministic, and with the properties the demo promises."""
from collections import Counter
from datetime import date

import pytest

from crawler import demo_data as dd
from crawler.roles import is_account_management


@pytest.fixture(scope="module")
def jobs():
    return dd.generate()


def _snapshot(jobs):
    return [(j.key, j.title, j.company.name, j.posted, j.location, dd.to_text(j), j.listings) for j in jobs]


def test_same_seed_same_postings_other_seed_others():
    assert _snapshot(dd.generate(200)) == _snapshot(dd.generate(200))
    assert _snapshot(dd.generate(200, seed=1)) != _snapshot(dd.generate(200))


def test_about_1500_postings_with_some_other_roles(jobs):
    assert 1500 <= len(jobs) <= 1600
    other = sum(not j.is_am for j in jobs) / len(jobs)
    assert 0.09 <= other <= 0.16


def test_role_filter_agrees_with_the_generator(jobs):
    """Account-management titles pass the real role filter; the other roles are dropped."""
    assert all(is_account_management(j.title) == j.is_am for j in jobs)
    titles = Counter(j.role for j in jobs if j.is_am)
    assert len(titles) >= 25
    assert {j.seniority for j in jobs if j.is_am} == set(dd.SENIORITY_WEIGHTS)


def test_spread_over_24_months_ending_at_a_fixed_date(jobs):
    months = Counter((j.posted.year, j.posted.month) for j in jobs)
    assert len(months) == 24
    assert min(months.values()) >= 25
    assert min(j.posted.date() for j in jobs) >= date(2024, 10, 1) == dd.month_start(0)
    assert max(j.posted.date() for j in jobs) <= dd.END_DATE


def _share(jobs, pred, first: bool):
    cut = dd.month_start(6) if first else dd.month_start(18)
    bucket = [j for j in jobs if j.is_am and ((j.posted.date() < cut) if first else (j.posted.date() >= cut))]
    return sum(pred(j) for j in bucket) / len(bucket)


def test_trends_are_present_in_the_texts(jobs):
    tableau = lambda j: any(w in dd.to_text(j) for w in ("Tableau", "Power BI", "Looker"))  # noqa: E731
    cold = lambda j: "cold calling" in dd.to_text(j)  # noqa: E731
    assert _share(jobs, tableau, True) < 0.2 < 0.3 < _share(jobs, tableau, False)
    assert _share(jobs, cold, True) > 0.3 > 0.2 > _share(jobs, cold, False)
    hybrid = lambda j: j.work_mode == "hybrid"  # noqa: E731
    assert _share(jobs, hybrid, False) - _share(jobs, hybrid, True) > 0.1


def test_duplicates_across_boards_and_reposts(jobs):
    cross = [j for j in jobs if len(j.listings) == 2]
    assert len(cross) / len(jobs) > 0.05
    assert all(platform == "jsonld" for j in cross for platform, _ in j.listings[1:])
    reposts = [j for j in jobs if j.repost_of]
    originals = {j.key: j for j in jobs}
    assert reposts
    for r in reposts:
        assert dd.to_text(r) == dd.to_text(originals[r.repost_of]) and r.posted > originals[r.repost_of].posted


def test_requirements_vary_by_seniority(jobs):
    def texts(level):
        return [dd.to_text(j) for j in jobs if j.seniority == level]
    assert any("High school diploma" in t for t in texts("entry"))
    assert not any("High school diploma" in t for t in texts("senior"))
    assert any("or equivalent experience" in t for t in texts("mid"))
    assert any("MBA preferred" in t for t in texts("senior"))
    assert any("3-5 years" in t for t in texts("mid")) and any("10+ years" in t for t in texts("director_plus"))


def test_salaries_in_several_formats(jobs):
    texts = [j.salary.text for j in jobs if j.salary]
    assert any(t.endswith("per year") and t.startswith("$") and "," in t for t in texts)
    assert any("K-$" in t for t in texts)
    assert any(t.endswith("/hr") for t in texts)
    assert any(t.startswith("OTE $") for t in texts)
    assert 0.3 < sum(j.salary is None for j in jobs) / len(jobs) < 0.5


def test_every_text_says_it_is_simulated_and_has_sections(jobs):
    for j in jobs[:300]:
        text = dd.to_text(j)
        assert text.endswith(dd.SIMULATED_NOTE)
        assert j.company.name in {c.name for c in dd.COMPANIES}
    headings = {s.heading for j in jobs for s in j.sections if s.heading}
    assert {"Requirements", "What you bring", "Nice to have", "Benefits", "Equal opportunity"} <= headings


def test_skills_come_from_the_taxonomy():
    """Every skill the generator writes is a taxonomy id, named in its text by one of its synonyms."""
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "data" / "taxonomy" / "skills.tsv"
    with path.open(encoding="utf-8") as f:
        rows = {r["id"]: r for r in csv.DictReader(f, delimiter="\t")}
    for skill, phrases in dd.SKILL_PHRASES.items():
        assert skill in rows, skill
        names = [s.lower() for s in rows[skill]["synonyms"].split("|") if s] + [rows[skill]["canonical"].lower()]
        cased = [c for c in rows[skill]["cased"].split("|") if c]  # "Excel": matched with its case
        for phrase in phrases:
            assert any(name in phrase.lower() for name in names) or any(c in phrase for c in cased), (skill, phrase)
    assert set(dd.TRENDS) <= set(dd.SKILL_PHRASES)
