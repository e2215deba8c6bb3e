"""Report statistics checked against values worked out by hand."""
import json
import math

import numpy as np
import pytest

import store
from analysis import stats
from analysis.filters import Filters, select_postings
from report_fixtures import add, corpus_two_quarters, spec


def test_wilson_interval_by_hand():
    # 10 of 40: p = .25, z^2/n = .09604; centre = (.25 + .04802) / 1.09604 = .27191,
    # half = 1.96 * sqrt(.0046875 + .00060025) / 1.09604 = .13004 -> (.14187, .40195)
    low, high = stats.wilson_interval(10, 40)
    assert low == pytest.approx(0.14187, abs=1e-4)
    assert high == pytest.approx(0.40195, abs=1e-4)
    assert stats.wilson_interval(0, 20)[0] == 0.0 and stats.wilson_interval(20, 20)[1] == 1.0
    low0, high0 = stats.wilson_interval(0, 20)  # zero successes still has an upper bound > 0
    assert high0 == pytest.approx(3.8415 / (20 + 3.8415), abs=1e-4)


def test_share_below_min_n_is_never_a_share():
    cell = stats.share(5, 12, 30)
    assert cell["share"] is None and cell["low"] is None and cell["note"] == "too few (n=12)"
    cell = stats.share(10, 40, 30)
    assert (cell["share"], cell["low"], cell["high"]) == (0.25, 0.1419, 0.4019)


def test_two_proportion_test_by_hand():
    # 20/100 vs 35/100: pooled .275, se = sqrt(.275 * .725 * .02) = .063147, z = .15 / .063147 = 2.3754
    z, p = stats.two_proportion_test(20, 100, 35, 100)
    assert z == pytest.approx(2.3754, abs=1e-3)
    assert p == pytest.approx(0.01753, abs=2e-4)
    z, p = stats.two_proportion_test(35, 100, 20, 100)
    assert z < 0
    assert stats.two_proportion_test(0, 50, 0, 60) == (0.0, 1.0)


def test_holm_adjustment_by_hand():
    # sorted .005*4 = .02, .01*3 = .03, .03*2 = .06, .04*1 = .04 -> kept monotone at .06
    assert stats.holm_adjust([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert stats.holm_adjust([0.5, 0.9]) == pytest.approx([1.0, 1.0])
    assert stats.holm_adjust([]) == []


def test_weighted_quantiles_by_hand_and_like_numpy():
    assert stats.weighted_quantiles([1, 2, 3, 4], [1, 1, 1, 1], [0.5]) == [2.5]
    # data 0, 0, 5, 10: q1 at position .75 -> 0; median at 1.5 -> 2.5; q3 at 2.25 -> 6.25
    assert stats.weighted_quantiles([10, 0, 5], [1, 2, 1], [0.25, 0.5, 0.75]) == [0.0, 2.5, 6.25]
    rng = np.random.default_rng(3)
    values = rng.integers(0, 40, 25).astype(float)
    counts = rng.integers(1, 9, 25)
    expanded = np.repeat(values, counts)
    ours = stats.weighted_quantiles(values, counts, [0.1, 0.25, 0.5, 0.75, 0.9])
    assert ours == pytest.approx(list(np.percentile(expanded, [10, 25, 50, 75, 90])))
    assert stats.weighted_quantiles([], [], [0.5]) == [None]


def test_sql_shares_count_each_posting_once_and_drop_duplicates(db_path):
    db = store.open_db(db_path)
    corpus_two_quarters(db)
    # a duplicate of posting 0 mentioning negotiation must not count
    add(db, [spec(999, "2024-02-11", skills={"negotiation": 1, "crm": 1})])
    db["postings"].update("greenhouse:board:999", {"duplicate_of": "greenhouse:board:0"})
    n = select_postings(db, Filters.build(min_n=30))
    assert n == 80
    rg = stats.requirement_groups(db, ["skill"])
    total = rg.groupby("canonical")[["postings", "required", "preferred"]].sum()
    # crm: 80 postings, each with a required and a preferred mention -> counted once, as required
    assert total.loc["crm"].tolist() == [80, 80, 0]
    # negotiation: 10 + 20 required, 10 preferred only
    assert total.loc["negotiation"].tolist() == [40, 30, 10]
    per = rg[rg.canonical == "negotiation"].groupby("period")["postings"].sum()
    assert per.to_dict() == {"2024-Q1": 10, "2025-Q1": 30}
    store.upsert_postings(db, [{"id": "lever:x:1", "source": "lever", "board": "x", "title": "AM unread",
                                "company": "Unread Co", "description_text": "not extracted yet"}])
    corpus = stats.corpus_counts(db, Filters.build())
    assert corpus["duplicates_left_out"] == 1 and corpus["with_salary"] == 40
    assert corpus["not_yet_extracted"] == 1 and corpus["dated_by_first_seen"] == 0
    assert select_postings(db, Filters.build(seniority="mid")) == 40
    corpus = stats.corpus_counts(db, Filters.build(seniority="mid"))
    assert corpus["not_yet_extracted"] == 1 and corpus["postings"] == 40


def test_sql_medians_and_filters(db_path):
    db = store.open_db(db_path)
    corpus_two_quarters(db)
    select_postings(db, Filters.build(since="2024", until="2024-12"))
    sg = stats.salary_groups(db)
    q1, med, q3 = stats.weighted_quantiles(sg["value"], sg["postings"], [0.25, 0.5, 0.75])
    # salaries 50,000..89,000 step 1,000 (40 values): median 69,500, q1 59,750, q3 79,250
    assert (q1, med, q3) == (59750.0, 69500.0, 79250.0)
    eg = stats.experience_groups(db)
    assert eg[["seniority", "exp_min", "postings"]].values.tolist() == [["mid", 2.0, 40]]
    assert select_postings(db, Filters.build(work_mode=["hybrid"])) == 40
    assert select_postings(db, Filters.build(seniority="senior,mid", since="2025-02-10")) == 40
    assert select_postings(db, Filters.build(company=["COMPANY 3"])) == 1


def test_fingerprint_depends_on_content_and_versions(db_path):
    db = store.open_db(db_path)
    corpus_two_quarters(db)
    select_postings(db, Filters.build())
    a = stats.fingerprint(db, "tax-1")
    assert a == stats.fingerprint(db, "tax-1")
    assert a["sha256"] != stats.fingerprint(db, "tax-2")["sha256"]
    assert a["pipeline_versions"] == ["test-1"]
    store.upsert_postings(db, [{"id": "greenhouse:board:5", "source": "greenhouse", "board": "board",
                                "title": "Account Manager 5", "company": "Company 5",
                                "description_text": "changed text", "date_posted": "2024-02-10"}])
    select_postings(db, Filters.build())
    assert stats.fingerprint(db, "tax-1")["sha256"] != a["sha256"]
    assert math.isclose(len(a["sha256"]), 64)
    # real pipeline versions carry the taxonomy that read the data: the installed one is not used
    assert stats.data_taxonomy_version(["r1a2b-t0a392e03cc56"], "installed") == "0a392e03cc56"
    assert stats.data_taxonomy_version(["test-1"], "installed") == "installed"
    db.conn.execute("update extractions set pipeline_version = 'r1a2b-tbeef'")
    db.conn.commit()
    select_postings(db, Filters.build())
    b = stats.fingerprint(db, "tax-1")
    assert b["taxonomy_version"] == "beef" and b == stats.fingerprint(db, "tax-2")


def test_requirement_counts_split_in_two_connections_agree(db_path):
    db = store.open_db(db_path)
    corpus_two_quarters(db)
    filters = Filters.build(since="2024-01-01")
    select_postings(db, filters)
    whole = stats.requirement_groups(db, ["skill"])
    split = stats.RequirementCounts(db, ["skill"], lambda: store.open_db(db_path, create=False), filters)
    assert split.mid is not None
    together = split.result(db)
    keys = ["period", "seniority", "kind", "canonical"]
    assert together.sort_values(keys).reset_index(drop=True).equals(whole.sort_values(keys).reset_index(drop=True))


def test_method_cites_measured_accuracy_or_says_not_measured(tmp_path, monkeypatch):
    from analysis import common

    monkeypatch.setattr(common, "EVAL_SUMMARY", tmp_path / "missing.json")
    assert "not measured" in common.accuracy_sentences()[0]
    summary = tmp_path / "eval_summary.json"
    summary.write_text(json.dumps({"overall": 0.7123, "skills.f1": 0.61, "seniority.accuracy": 0.8,
                                   "postings": 120, "skills.precision": 0.5}))
    monkeypatch.setattr(common, "EVAL_SUMMARY", summary)
    text = common.accuracy_sentences()[0]
    assert "120 labelled evaluation postings" in text and "overall score 0.712" in text
    assert "skills.f1 0.610" in text and "seniority.accuracy 0.800" in text and "precision" not in text


def test_dates_filters_and_periods(db_path):
    from analysis.filters import FilterError, parse_day

    assert parse_day("2025") == "2025-01-01" and parse_day("2025", end=True) == "2025-12-31"
    assert parse_day("2024-02", end=True) == "2024-02-29" and parse_day("2025-12", end=True) == "2025-12-31"
    with pytest.raises(FilterError, match="no such day"):
        parse_day("2025-02-30")
    f = Filters.build(seniority=["senior,manager", "senior"], country=["us"], by="month")
    assert f.seniority == ("senior", "manager") and f.country == ("US",)
    assert f.cli_args()[-4:] == ["--by", "month", "--min-n", "30"] and f.slug() == "senior-manager-us"
    db = store.open_db(db_path)
    corpus_two_quarters(db)
    for by, periods in (("month", ["2024-02", "2025-02"]), ("quarter", ["2024-Q1", "2025-Q1"]),
                        ("year", ["2024", "2025"])):
        select_postings(db, Filters.build(by=by))
        assert [r[0] for r in db.conn.execute("select distinct period from sel order by 1")] == periods


def test_postings_from_local_boards_are_flagged_simulated(db_path):
    from analysis.common import simulated_warning

    db = store.open_db(db_path)
    corpus_two_quarters(db)
    select_postings(db, Filters.build())
    corpus = stats.corpus_counts(db, Filters.build())
    assert corpus["simulated"] == 0 and simulated_warning(corpus) == ""
    run = store.start_run(db, "greenhouse", ["board"], {"base_url": "http://127.0.0.1:8080"})
    db.conn.execute("update postings set crawl_run = ? where id in ('greenhouse:board:1', 'greenhouse:board:2')", [run])
    db.conn.commit()
    select_postings(db, Filters.build())
    corpus = stats.corpus_counts(db, Filters.build())
    assert corpus["simulated"] == 2
    assert simulated_warning(corpus).startswith("SIMULATED DATA: 2 of 80 postings")
