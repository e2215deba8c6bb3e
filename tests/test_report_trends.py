"""`amscout report trends`: the folder, reproducible data files, escaping, filters, 'too few'."""
import json

import pytest
from click.testing import CliRunner

import store
from cli import main
from report_fixtures import add, corpus_two_quarters, spec

EVIL_TITLE = "<script>alert(1)</script>"
EVIL_COMPANY = '<img src=x onerror="alert(2)">'


def run(*args):
    result = CliRunner().invoke(main, ["report", "trends", *args], catch_exceptions=False)
    return result


@pytest.fixture
def small_db(db_path):
    db = store.open_db(db_path)
    corpus_two_quarters(db)
    db.conn.close()
    return db_path


def test_folder_has_every_file_and_section(small_db, tmp_path):
    out = tmp_path / "r"
    result = run("--out", str(out), "--min-n", "20")
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert {"report.md", "report.html", "data.csv", "data.json", "manifest.json", "top_skills.png",
            "skills_over_time.png"} <= names
    md = (out / "report.md").read_text()
    for heading in ("## The corpus", "## Skills, certifications and degrees", "## Change over time",
                    "## Experience", "## Salary", "## Method and caveats", "## How to cite"):
        assert heading in md
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["n"] == 80 and manifest["command"].startswith("amscout report trends")
    assert manifest["created"] and len(manifest["fingerprint"]) == 64
    assert manifest["fingerprint"] in md  # the citation carries the full fingerprint
    assert "not measured" in md or "accuracy measured" in md
    assert "Trends report: 80 postings" in result.output


def test_numbers_match_hand_computation(small_db, tmp_path):
    out = tmp_path / "r"
    assert run("--out", str(out), "--min-n", "20").exit_code == 0
    data = json.loads((out / "data.json").read_text())
    skills = {r["canonical"]: r for r in data["tables"]["top_skills"]["rows"]}
    # negotiation: 40 of 80 postings; Wilson 95% for .5 at n=80: centre .5, half-width
    # 1.96 * sqrt(.25/80 + 3.8415/25600) / 1.048018 = .10703 -> (.3930, .6070)
    neg = skills["negotiation"]
    assert (neg["count"], neg["n"], neg["share"], neg["low"], neg["high"]) == (40, 80, 0.5, 0.393, 0.607)
    assert (neg["required_count"], neg["preferred_count"]) == (30, 10)
    assert skills["crm"]["share"] == 1.0
    # negotiation 10/40 -> 30/40: pooled .5, se = sqrt(.25 * 2/40) = .1118, z = 4.4721,
    # p = 7.74e-6; two skills tested, so Holm doubles the smallest p
    riser = data["tables"]["risers"]["rows"][0]
    assert riser["canonical"] == "negotiation" and riser["change"] == 0.5
    assert riser["z"] == pytest.approx(4.4721, abs=1e-4)
    assert riser["p_value"] == pytest.approx(7.74e-6, rel=1e-2)
    assert riser["p_holm"] == pytest.approx(2 * riser["p_value"], rel=1e-4) and riser["significant"]
    salary = {r["group"]: r for r in data["tables"]["salary_by_seniority"]["rows"]}
    assert (salary["mid"]["median"], salary["mid"]["q1"], salary["mid"]["q3"]) == (69500, 59750, 79250)
    exp = {r["seniority"]: r for r in data["tables"]["experience_by_seniority"]["rows"]}
    assert exp["senior"]["median"] == 5 and exp["all"]["median"] == 3.5
    modes = {r["period"]: r for r in data["tables"]["degree_and_work_mode"]["rows"]}
    assert modes["2024-Q1"]["remote_share"] == 0.2 and modes["2024-Q1"]["degree_required_share"] == 0.5
    assert modes["2025-Q1"]["hybrid_share"] == 1.0


def test_same_data_and_command_give_identical_data_files(small_db, tmp_path):
    assert run("--out", str(tmp_path / "a"), "--by", "year").exit_code == 0
    assert run("--out", str(tmp_path / "b"), "--by", "year").exit_code == 0
    for name in ("data.csv", "data.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    ma = json.loads((tmp_path / "a" / "manifest.json").read_text())
    mb = json.loads((tmp_path / "b" / "manifest.json").read_text())
    assert ma["fingerprint"] == mb["fingerprint"]
    # a changed posting text changes the fingerprint
    db = store.open_db(small_db)
    store.upsert_postings(db, [{"id": "greenhouse:board:3", "source": "greenhouse", "board": "board",
                                "title": "Account Manager 3", "company": "Company 3",
                                "description_text": "rewritten", "date_posted": "2024-02-10"}])
    db.conn.close()
    assert run("--out", str(tmp_path / "c"), "--by", "year").exit_code == 0
    mc = json.loads((tmp_path / "c" / "manifest.json").read_text())
    assert mc["fingerprint"] != ma["fingerprint"]


def test_scraped_strings_are_escaped(db_path, tmp_path):
    db = store.open_db(db_path)
    add(db, [spec(i, "2025-03-01", skills={"crm": 1}, title=EVIL_TITLE, company=EVIL_COMPANY if i == 0
                  else f"Co {i}") for i in range(3)])
    db["postings"].update("greenhouse:board:1", {"title": EVIL_TITLE})
    db.conn.close()
    out = tmp_path / "r"
    assert run("--out", str(out), "--min-n", "1").exit_code == 0
    html = (out / "report.html").read_text()
    assert EVIL_TITLE not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html
    md = (out / "report.md").read_text()
    assert EVIL_TITLE not in md and "<img" not in md and "&lt;script&gt;" in md
    rows = json.loads((out / "data.json").read_text())["tables"]["top_titles"]["rows"]
    assert rows[0]["value"] == EVIL_TITLE  # data files keep the text as scraped


def test_small_groups_are_too_few_never_a_share(small_db, tmp_path):
    out = tmp_path / "r"
    assert run("--out", str(out), "--min-n", "100").exit_code == 0
    data = json.loads((out / "data.json").read_text())
    for row in data["tables"]["top_skills"]["rows"]:
        assert row["share"] is None and row["low"] is None and row["note"] == "too few (n=80)"
    md = (out / "report.md").read_text()
    assert "too few (n=80)" in md and "50.0%" not in md
    assert "risers" not in data["tables"]


@pytest.mark.parametrize("args, message", [
    (["--since", "2025-13-01"], "bad date '2025-13-01'"),
    (["--since", "yesterday"], "bad date 'yesterday'"),
    (["--since", "2025-06-01", "--until", "2025-01-01"], "is after --until"),
    (["--seniority", "wizard"], "unknown seniority 'wizard'"),
    (["--work-mode", "moon"], "unknown work mode 'moon'"),
    (["--min-n", "0"], "--min-n must be at least 1"),
    (["--company", "Nobody"], "no extracted postings match the filters"),
])
def test_bad_filters_are_one_line_errors(small_db, tmp_path, args, message):
    result = CliRunner().invoke(main, ["report", "trends", "--out", str(tmp_path / "x"), *args])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if not line.startswith("  … ")]
    assert errors == [errors[0]] and errors[0].startswith("Error: ") and message in errors[0]
    assert "Traceback" not in result.output


def test_missing_database_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("AMSCOUT_DB", str(tmp_path / "none.db"))
    result = CliRunner().invoke(main, ["report", "trends"])
    assert result.exit_code == 1 and "database not found" in result.output


def test_filters_and_json_summary(small_db, tmp_path):
    result = CliRunner().invoke(
        main, ["report", "trends", "--out", str(tmp_path / "r"), "--seniority", "senior", "--min-n", "5", "--json"])
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["postings"] == 40 and summary["first_day"] == "2025-02-10"
    assert summary["top_skills"][0] == {"skill": "Crm", "share": 1.0}
    assert "selecting postings" in result.stderr  # progress goes to stderr
