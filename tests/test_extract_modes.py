"""File mode, database mode (incremental, --reprocess), `amscout show`, through the real CLI."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import store
from analysis.extract import requirement_rows
from cli import main

AMSCOUT = str(Path(sys.executable).with_name("amscout"))

POSTINGS = [
    {"id": "p1", "title": "Senior Account Manager (Remote)",
     "text": "About us\nWe make garden tools.\nRequirements\n5+ years of account management experience\n"
             "Bachelor's degree in Business required\nStrong negotiation skills and Salesforce experience\n"
             "Compensation\nThe base salary is $70,000 - $90,000 per year."},
    {"id": "p2", "title": "Inside Sales Representative",
     "text": "What you'll do\nCall prospects.Qualify leads\nNice to have\nHubSpot experience"},
    {"id": "p3", "title": "", "text": ""},
]


def test_file_mode_round_trip(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(p) + "\n" for p in POSTINGS), encoding="utf-8")
    run = subprocess.run([AMSCOUT, "extract", "--input", str(src), "--output", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["p1", "p2", "p3"]
    first = records[0]
    assert first["experience_min_years"] == 5
    assert first["degree_required"] == "bachelor"
    assert first["salary"]["min"] == 70000 and first["salary"]["annual_max"] == 90000
    assert first["work_mode"] == "remote" and first["seniority"] == "senior"
    assert first["role_family"] == "account_management" and records[1]["role_family"] == "sales"
    for key in ("certifications", "skills", "degree_fields", "degree_evidence", "experience_evidence",
                "pipeline_version", "degree_or_equivalent", "experience_preferred_years"):
        assert key in first
    text = POSTINGS[0]["text"]
    for s in first["skills"]:
        assert text[s["start"]:s["end"]] == s["text"]
    assert records[2]["salary"] is None and records[2]["skills"] == []


def test_file_mode_to_stdout_and_two_processes(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(dict(p, id=f"{p['id']}-{i}")) + "\n" for i in range(10) for p in POSTINGS))
    result = CliRunner().invoke(main, ["extract", "--input", str(src), "--output", "-", "--processes", "2"])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines() if line.startswith("{")]
    assert ids == [f"{p['id']}-{i}" for i in range(10) for p in POSTINGS]


@pytest.mark.parametrize("content, message", [
    ("not json\n", "line 1: not valid JSON"),
    ('{"title": "x", "text": "y"}\n', "posting 1 has no id"),
    ('[1, 2]\n', "JSON object"),
    ('{"id": "a", "text": 5}\n', "must be strings"),
])
def test_file_mode_bad_input_is_one_line(tmp_path, content, message):
    src = tmp_path / "bad.jsonl"
    src.write_text(content)
    result = CliRunner().invoke(main, ["extract", "--input", str(src), "--output", str(tmp_path / "o.jsonl")])
    assert result.exit_code != 0
    assert message in result.output and "Traceback" not in result.output


def test_missing_input_file(tmp_path):
    result = CliRunner().invoke(main, ["extract", "--input", str(tmp_path / "nope.jsonl"), "--output", "-"])
    assert result.exit_code != 0 and "cannot read" in result.output


def _load(db_path):
    db = store.open_db(db_path)
    store.upsert_postings(db, [{"id": p["id"], "source": "test", "title": p["title"],
                                "description_text": p["text"], "company": "Acme"} for p in POSTINGS])
    return db


def test_database_mode_is_incremental(db_path):
    db = _load(db_path)
    runner = CliRunner()
    first = runner.invoke(main, ["extract", "--db", str(db_path)])
    assert first.exit_code == 0, first.output
    assert "Extracted 3 postings" in first.output
    second = runner.invoke(main, ["extract", "--db", str(db_path)])
    assert "Extracted 0 postings (3 already up to date" in second.output
    again = runner.invoke(main, ["extract", "--db", str(db_path), "--reprocess"])
    assert "Extracted 3 postings" in again.output
    row = next(db["extractions"].rows_where("posting_id = ?", ["p1"]))
    assert row["experience_min_years"] == 5 and row["salary_annual_min"] == 70000
    assert row["degree_required"] == "bachelor" and row["work_mode"] == "remote"
    kinds = {r["kind"] for r in db["requirements"].rows_where("posting_id = ?", ["p1"])}
    assert {"skill", "degree", "experience", "salary"} <= kinds
    # reprocessing replaced, not duplicated, the requirement rows
    record = store.get_extraction(db, "p1")
    assert db["requirements"].count_where("posting_id = ?", ["p1"]) == len(requirement_rows(record))


def test_database_mode_with_two_processes(db_path):
    db = _load(db_path)
    result = CliRunner().invoke(main, ["extract", "--db", str(db_path), "--processes", "2"])
    assert result.exit_code == 0, result.output
    assert "Extracted 3 postings" in result.output
    assert db["extractions"].count == 3


def test_show_highlights_values_in_place(db_path):
    _load(db_path)
    CliRunner().invoke(main, ["extract", "--db", str(db_path)])
    result = CliRunner().invoke(main, ["show", "p1", "--db", str(db_path), "--no-color"])
    assert result.exit_code == 0, result.output
    assert "[[$70,000 - $90,000 per year|salary:" in result.output or "[[$70,000 - $90,000|salary:" in result.output
    assert "|experience:5+ years]]" in result.output
    assert "|degree:bachelor]]" in result.output
    assert "experience: 5 years" in result.output
    coloured = CliRunner().invoke(main, ["show", "p1", "--db", str(db_path), "--color"], color=True)
    assert "\x1b[" in coloured.output
    as_json = CliRunner().invoke(main, ["show", "p1", "--db", str(db_path), "--json"])
    assert json.loads(as_json.output)["extraction"]["id"] == "p1"
    missing = CliRunner().invoke(main, ["show", "nope", "--db", str(db_path)])
    assert missing.exit_code != 0 and "no posting" in missing.output


def test_locked_database_is_one_line_and_loses_nothing(db_path, monkeypatch):
    """Another process holding the write lock: a one-line error, then a rerun finishes the work."""
    import sqlite3

    _load(db_path)
    monkeypatch.setattr(store, "BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("begin immediate")  # holds the write lock until rolled back
    locked = CliRunner().invoke(main, ["extract", "--db", str(db_path)])
    assert locked.exit_code == 1 and "Traceback" not in locked.output
    assert "database is locked" in locked.output.strip().splitlines()[-1]
    other.execute("rollback")
    other.close()
    again = CliRunner().invoke(main, ["extract", "--db", str(db_path)])
    assert again.exit_code == 0 and "Extracted 3 postings" in again.output
    assert store.open_db(db_path)["postings"].count == 3
