"""``amscout demo`` end to end (small), and its refusals to touch an existing database."""
import json
import os
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]


def amscout(*args, timeout=170):
    env = dict(os.environ)
    env.pop("AMSCOUT_DB", None)
    return subprocess.run([sys.executable, "-m", "cli", *args], cwd=PROJECT, env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_demo_refuses_an_existing_database(tmp_path):
    db = tmp_path / "mine.db"
    db.write_bytes(b"precious")
    result = amscout("demo", "--db", str(db), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: the demo needs a fresh database and {db} already exists; choose another --db or leave it out"]
    assert db.read_bytes() == b"precious"


def test_demo_reports_an_unusable_output_folder(tmp_path):
    (tmp_path / "afile").write_text("x")
    result = amscout("demo", "--out", str(tmp_path / "afile" / "out"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: cannot prepare {tmp_path / 'afile' / 'out'} for the demo: Not a directory"


def test_demo_replaces_only_its_own_database(tmp_path):
    """The default database is the demo's own file: replaced each run, never appended to."""
    from crawler.demo_run import DB_NAME, prepare_database

    out = tmp_path / "out"
    out.mkdir()
    (out / DB_NAME).write_bytes(b"old demo")
    (out / f"{DB_NAME}-wal").write_bytes(b"old wal")
    (out / "other.db").write_bytes(b"keep")
    assert prepare_database(out, None) == out / DB_NAME
    assert not (out / DB_NAME).exists() and not (out / f"{DB_NAME}-wal").exists()
    assert (out / "other.db").read_bytes() == b"keep"


def test_demo_help_has_an_example():
    result = amscout("demo", "--help")
    assert result.returncode == 0 and "amscout demo --postings 300" in result.stdout


@pytest.mark.slow
def test_demo_end_to_end(tmp_path):
    out = tmp_path / "demo"
    first = amscout("demo", "--postings", "200", "--out", str(out))
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    text = first.stdout
    assert text.startswith("SIMULATED DATA")
    for step in ("[1/6]", "[3/6]", "[4/6]", "[6/6]", "Crawl finished", "Try next:"):
        assert step in text
    assert text.count(", 0 errors.") == 4
    assert "SIMULATED DATA" in (out / "README.md").read_text()
    for report in ("trends", "gap"):
        assert (out / report / "report.html").stat().st_size > 1000
        assert json.loads((out / report / "manifest.json").read_text())
    # every "Try next" suggestion works as printed (datasette is not a dependency)
    suggestions = text.split("Try next:")[1].splitlines()
    commands = [shlex.split(line) for line in suggestions if line.strip().startswith("amscout ")]
    assert len(commands) == 4
    for command in commands:
        result = amscout(*command[1:])
        assert result.returncode == 0, (command, result.stderr[-2000:])

    db = out / "amscout-demo-simulated.db"
    conn = sqlite3.connect(db)
    n, dated, months = conn.execute(
        "select count(*), count(date_posted), count(distinct substr(date_posted, 1, 7)) from postings").fetchone()
    extracted = conn.execute("select count(*) from extractions").fetchone()[0]

    def share(skill, when):
        return conn.execute(
            "select avg(exists(select 1 from requirements r where r.posting_id = p.id and r.canonical = ?)) "
            f"from postings p where p.duplicate_of is null and p.date_posted {when}", [skill]).fetchone()[0]

    # the generated trends are read back by the extractor: cold calling falls, BI tools rise
    early, late = "< '2025-07-01'", ">= '2026-03-01'"
    assert share("prospecting and lead generation", early) > share("prospecting and lead generation", late) + 0.05
    assert share("BI and dashboard tools", early) + 0.05 < share("BI and dashboard tools", late)
    conn.close()
    assert n > 150 and dated == n and extracted == n
    assert months >= 20          # the generated 24 months survive into the database
