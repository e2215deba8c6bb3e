"""amscout import: JobSpy CSV exports and JSON Lines of Posting records into the store.

The rows below are our own, in the shape JobSpy's ``to_csv`` writes (Markdown descriptions,
``interval`` words, ``is_remote`` as True/False, empty cells for missing values).
"""
import csv
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import store
from cli import main
from crawler.importer import import_file
from errors import AmscoutError

PROJECT = Path(__file__).resolve().parents[1]
AMSCOUT = PROJECT / ".venv" / "bin" / "amscout"

JOBSPY_COLUMNS = ["id", "site", "job_url", "job_url_direct", "title", "company", "location", "date_posted",
                  "job_type", "salary_source", "interval", "min_amount", "max_amount", "currency", "is_remote",
                  "job_level", "job_function", "listing_type", "emails", "description", "company_industry",
                  "company_url", "company_num_employees"]

KAM_TEXT = """**About Fernhill Foods**

Fernhill makes oat drinks sold in 4,000 stores.

**What you\\'ll do**

* Own the relationship with our three largest grocery chains
* Negotiate annual joint business plans
* Track sell\\-out data every week

**What you bring**

* 5+ years of key account management in FMCG
* A bachelor's degree in business or equivalent experience
"""

JOBSPY_ROWS = [
    {"id": "in-5c1e9a", "site": "indeed", "job_url": "https://www.indeed.com/viewjob?jk=5c1e9a",
     "title": "Key Account Manager", "company": "Fernhill Foods Ltd", "location": "Bristol, England, GB",
     "date_posted": "2026-03-02", "job_type": "fulltime", "interval": "yearly", "min_amount": "45000",
     "max_amount": "55000", "currency": "GBP", "is_remote": "False", "description": KAM_TEXT},
    {"id": "li-40027", "site": "linkedin", "job_url": "https://www.linkedin.com/jobs/view/40027",
     "title": "Customer Success Manager", "company": "Orbitly", "location": "Denver, CO, US",
     "date_posted": "2026-02-20", "interval": "hourly", "min_amount": "38", "max_amount": "45",
     "currency": "USD", "is_remote": "True",
     "description": "Orbitly helps clinics schedule patients.\n\n* Onboard new clinics\n* Run renewals"},
    {"id": "", "site": "glassdoor", "job_url": "https://www.glassdoor.com/job-listing/jl=991",
     "title": "Account Executive", "company": "Orbitly", "location": "Austin, TX", "date_posted": "",
     "is_remote": "", "description": "Close new business with mid-size clinics across Texas."},
    {"id": "in-77aa01", "site": "indeed", "job_url": "https://www.indeed.com/viewjob?jk=77aa01",
     "title": "Warehouse Operative", "company": "Fernhill Foods Ltd", "location": "Bristol",
     "description": "Pick and pack orders on the night shift."},
    {"id": "li-50000", "site": "linkedin", "job_url": "https://www.linkedin.com/jobs/view/50000",
     "title": "Account Manager", "company": "Orbitly", "location": "Denver, CO", "description": ""},
]


def write_jobspy_csv(path, rows=JOBSPY_ROWS):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=JOBSPY_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in JOBSPY_COLUMNS})
    return path


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


JSONL_RECORDS = [
    {"id": "greenhouse:orbitly:7001", "title": "Account Manager",
     "company": "Orbitly", "location": "Denver, CO", "url": "https://boards.example/orbitly/7001",
     "date_posted": "2026-01-15T09:30:00-07:00", "salary_min": "60,000", "salary_max": 75000,
     "salary_currency": "USD", "salary_period": "year",
     "description_html": "<p>Grow a book of clinic accounts.</p><ul><li>Renewals</li><li>Upsell</li></ul>"},
    {"title": "Client Relationship Manager", "company": "Harbourview Bank", "location": "Leeds",
     "description_text": "Look after 60 business banking clients in Leeds."},
    {"title": "Account Manager", "company": "Nameless"},  # no text: skipped
]


def rows(db_path, sql="select * from postings order by id"):
    db = store.open_db(db_path)
    try:
        cursor = db.execute(sql)
        cols = [d[0] for d in cursor.description]
        return [dict(zip(cols, r)) for r in cursor.fetchall()]
    finally:
        db.conn.close()


# --------------------------------------------------------------------------- JobSpy CSV

def test_jobspy_csv_maps_fields(tmp_path, db_path):
    summary = import_file(write_jobspy_csv(tmp_path / "jobs.csv"), db_path=db_path)
    assert (summary["read"], summary["new"], summary["dropped"], summary["skipped"]) == (5, 3, 1, 1)
    stored = {r["id"]: r for r in rows(db_path)}
    kam = stored["jobspy-indeed:fernhill-foods-ltd:in-5c1e9a"]
    assert (kam["source"], kam["board"], kam["external_id"]) == ("jobspy-indeed", "fernhill-foods-ltd", "in-5c1e9a")
    assert (kam["salary_min"], kam["salary_max"], kam["salary_currency"], kam["salary_period"]) == (45000, 55000, "GBP", "year")
    assert kam["date_posted"] == "2026-03-02" and kam["employment_type"] == "fulltime"
    assert kam["work_mode"] is None and kam["country"] == "GB"
    assert "<li>Negotiate annual joint business plans</li>" in kam["description_html"]
    assert "- Track sell-out data every week" in kam["description_text"]
    assert "**" not in kam["description_text"] and "\\" not in kam["description_text"]
    assert json.loads(kam["raw"])["site"] == "indeed"
    csm = stored["jobspy-linkedin:orbitly:li-40027"]
    assert (csm["work_mode"], csm["salary_period"], csm["salary_min"]) == ("remote", "hour", 38)
    # no JobSpy id: a hash of the job URL, the same on every import
    glassdoor = [r for r in stored.values() if r["source"] == "jobspy-glassdoor"]
    assert len(glassdoor) == 1 and glassdoor[0]["id"].startswith("jobspy-glassdoor:orbitly:")
    assert glassdoor[0]["date_posted"] is None
    run = rows(db_path, "select * from crawl_runs")[-1]
    assert (run["source"], run["status"], run["new"], run["dropped"]) == ("import", "finished", 3, 1)


def test_jobspy_readme_export_with_escapechar(tmp_path, db_path):
    """JobSpy's README writes ``to_csv(quoting=csv.QUOTE_NONNUMERIC, escapechar="\\\\")``."""
    import pandas as pd

    frame = pd.DataFrame([{c: JOBSPY_ROWS[0].get(c, "") for c in JOBSPY_COLUMNS}])
    frame["description"] = 'She said "grow it".\n\n* Track sell\\-out data\n* 5\\+ years in FMCG'
    frame["min_amount"], frame["max_amount"] = 45000.0, 55000.0
    frame.to_csv(tmp_path / "readme.csv", quoting=csv.QUOTE_NONNUMERIC, escapechar="\\", index=False)
    assert "\\\\-out" in (tmp_path / "readme.csv").read_text()
    import_file(tmp_path / "readme.csv", db_path=db_path)
    [row] = rows(db_path)
    assert row["description_text"] == 'She said "grow it".\n\n- Track sell-out data\n- 5+ years in FMCG'
    assert (row["salary_min"], row["salary_max"]) == (45000, 55000)


def test_all_roles_keeps_everything_and_source_option_names_the_source(tmp_path, db_path):
    summary = import_file(write_jobspy_csv(tmp_path / "jobs.csv"), db_path=db_path, source="batch7", all_roles=True)
    assert (summary["new"], summary["dropped"]) == (4, 0)
    assert {r["source"] for r in rows(db_path)} == {"batch7"}
    assert "jobspy-indeed:fernhill-foods-ltd:in-77aa01" in {r["id"] for r in rows(db_path)}


def test_reimport_is_idempotent(tmp_path, db_path):
    csv_path = write_jobspy_csv(tmp_path / "jobs.csv")
    jsonl_path = write_jsonl(tmp_path / "postings.jsonl", JSONL_RECORDS)
    import_file(csv_path, db_path=db_path)
    import_file(jsonl_path, db_path=db_path)
    before = rows(db_path)
    again_csv = import_file(csv_path, db_path=db_path)
    again_jsonl = import_file(jsonl_path, db_path=db_path)
    after = rows(db_path)
    assert (again_csv["new"], again_csv["unchanged"]) == (0, 3)
    assert (again_jsonl["new"], again_jsonl["unchanged"]) == (0, 2)
    assert [r["id"] for r in after] == [r["id"] for r in before]
    assert [r["first_seen"] for r in after] == [r["first_seen"] for r in before]


def test_jobspy_copy_of_a_board_posting_is_marked_duplicate(tmp_path, db_path):
    text = "Grow a book of clinic accounts across Colorado. " * 6
    write_jsonl(tmp_path / "board.jsonl", [{"id": "greenhouse:orbitly:1", "title": "Account Manager",
                                            "company": "Orbitly", "location": "Denver, CO",
                                            "description_text": text}])
    import_file(tmp_path / "board.jsonl", db_path=db_path)
    copy = dict(JOBSPY_ROWS[1], id="in-1", site="indeed", title="Account Manager", company="Orbitly, Inc.",
                location="Denver, CO, US", description=text)
    summary = import_file(write_jobspy_csv(tmp_path / "copy.csv", [copy]), db_path=db_path)
    assert summary["duplicates"] == 1
    assert {r["id"]: r["duplicate_of"] for r in rows(db_path)}["jobspy-indeed:orbitly-inc:in-1"] == "greenhouse:orbitly:1"


# --------------------------------------------------------------------------- JSON Lines

def test_jsonl_records(tmp_path, db_path):
    summary = import_file(write_jsonl(tmp_path / "p.jsonl", JSONL_RECORDS), db_path=db_path)
    assert (summary["format"], summary["read"], summary["new"], summary["skipped"]) == ("jsonl", 3, 2, 1)
    assert "line 3" in summary["skipped_reasons"][0]
    stored = {r["id"]: r for r in rows(db_path)}
    gh = stored["greenhouse:orbitly:7001"]
    assert (gh["source"], gh["board"]) == ("greenhouse", "orbitly")  # from the id
    assert gh["description_text"] == "Grow a book of clinic accounts.\n\n- Renewals\n- Upsell"
    assert (gh["date_posted"], gh["salary_min"], gh["salary_max"]) == ("2026-01-15", 60000, 75000)
    [other] = [r for r in stored.values() if r["company"] == "Harbourview Bank"]
    assert other["id"].startswith("import:harbourview-bank:") and other["source"] == "import"


def test_jsonl_without_suffix_is_sniffed(tmp_path, db_path):
    path = write_jsonl(tmp_path / "export.txt", JSONL_RECORDS[:1])
    assert import_file(path, db_path=db_path)["format"] == "jsonl"


# --------------------------------------------------------------------------- bad input

BAD_FILES = {
    "missing.csv": None,
    "empty.csv": "",
    "blank.jsonl": "\n  \n",
    "broken.jsonl": json.dumps(JSONL_RECORDS[0]) + "\n{\"title\": \"Account Manager\",\n",
    "array.jsonl": "[1, 2, 3]\n",
    "columns.csv": "name,salary\nAcme,10\n",
    "fields.csv": "title,company,description\nAccount Manager,Acme,Grow accounts\nA,B,C,D,E\n",
    "longrows.csv": "title,company,description\nAccount Manager,Acme,Grow accounts,extra,cells\n",
    "latin1.jsonl": None,
}


def make_bad(tmp_path, name):
    path = tmp_path / name
    if name == "latin1.jsonl":
        path.write_bytes('{"title": "Gesch\u00e4ftsf\u00fchrer"}\n'.encode("latin-1"))
    elif BAD_FILES[name] is not None:
        path.write_text(BAD_FILES[name], encoding="utf-8")
    return path


@pytest.mark.parametrize("name,message", [
    ("missing.csv", "file not found"), ("empty.csv", "is empty"), ("blank.jsonl", "is empty"),
    ("broken.jsonl", "line 2: not valid JSON"), ("array.jsonl", "line 1: expected a JSON object"),
    ("columns.csv", "missing column(s) title, company, description"),
    ("fields.csv", "not a readable CSV file: Error tokenizing data"),
    ("longrows.csv", "not a readable CSV file: Length of header"),
    ("latin1.jsonl", "not UTF-8"),
])
def test_bad_input_is_one_line_and_keeps_stored_data(tmp_path, db_path, name, message):
    import_file(write_jsonl(tmp_path / "good.jsonl", JSONL_RECORDS), db_path=db_path)
    before = rows(db_path)
    result = CliRunner().invoke(main, ["import", str(make_bad(tmp_path, name)), "--db", str(db_path)])
    assert result.exit_code == 1
    assert message in result.output and result.output.startswith("Error: ")
    assert len(result.output.strip().splitlines()) == 1
    assert rows(db_path) == before


def test_bad_input_through_the_real_command(tmp_path, db_path):
    result = subprocess.run([str(AMSCOUT), "import", str(make_bad(tmp_path, "broken.jsonl"))],
                            capture_output=True, text=True, timeout=60, env={**os.environ, "AMSCOUT_DB": str(db_path)})
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {tmp_path / 'broken.jsonl'}, line 2: not valid JSON (Expecting property name enclosed in double quotes)"]
    assert "Traceback" not in result.stderr


def _make_read_only(path: Path):
    """Make ``path`` unwritable even for root (chattr +i); return how to undo it, or None."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o444)
        return lambda: path.chmod(mode)
    chattr = shutil.which("chattr")
    if chattr and subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode == 0:
        return lambda: subprocess.run([chattr, "-i", str(path)], check=True)
    return None


def test_read_only_database_is_one_line_and_data_intact(tmp_path, db_path):
    import_file(write_jsonl(tmp_path / "good.jsonl", JSONL_RECORDS), db_path=db_path)
    before = rows(db_path)
    undo = _make_read_only(db_path)
    if undo is None:
        pytest.skip("running as root without a working chattr: a read-only file cannot be made")
    try:
        result = CliRunner().invoke(main, ["import", str(write_jobspy_csv(tmp_path / "jobs.csv")),
                                           "--db", str(db_path)])
    finally:
        undo()
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot write to database") and "readonly" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert rows(db_path) == before


def test_api_raises_amscout_error(tmp_path, db_path):
    with pytest.raises(AmscoutError, match="not a JobSpy export"):
        import_file(make_bad(tmp_path, "columns.csv"), db_path=db_path)


def test_progress_bar_on_stderr_for_big_files(tmp_path, db_path):
    records = [{"id": f"import:bulk:{i}", "title": "Account Manager", "company": f"Bulk {i}",
                "description_text": f"Posting number {i} about accounts."} for i in range(1200)]
    path = write_jsonl(tmp_path / "bulk.jsonl", records)
    result = subprocess.run([str(AMSCOUT), "import", str(path)], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "AMSCOUT_DB": str(db_path)})
    assert result.returncode == 0, result.stderr
    assert "Importing" in result.stderr and "1200 new" in result.stdout
    assert len(rows(db_path, "select id from postings")) == 1200
