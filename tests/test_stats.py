"""amscout stats: postings by source, board, month and role family, duplicates, last runs."""
import json

import pytest
from click.testing import CliRunner

import store
from cli import main
from crawler.inventory import collection_stats, format_stats, table
from crawler.roles import title_family
from errors import AmscoutError

TEXT = "Own a book of accounts, run renewals and grow revenue with existing customers. " * 4


def posting(pid, title, company="Acme", location="Austin, TX", date=None, text=TEXT):
    source, board, external = pid.split(":")
    return {"id": pid, "source": source, "board": board, "external_id": external, "title": title,
            "company": company, "location": location, "date_posted": date, "description_text": text}


@pytest.fixture
def filled_db(db_path):
    db = store.open_db(db_path)
    run = store.start_run(db, "greenhouse", ["acme", "globex"], {})
    store.upsert_postings(db, [
        posting("greenhouse:acme:1", "Key Account Manager", date="2026-01-10"),
        posting("greenhouse:acme:2", "Technical Account Manager", date="2026-01-20", text="Integrations. " * 20),
        posting("greenhouse:acme:3", "Account Executive", date="2026-02-03", text="New logos. " * 20),
        posting("greenhouse:globex:4", "Customer Success Manager", company="Globex", date=None),
        posting("greenhouse:globex:5", "Software Engineer", company="Globex", date="2026-02-11", text="Code. " * 20),
    ], run_id=run, seen="2026-03-01T08:00:00+00:00")
    store.finish_run(db, run, {"new": 5}, [])
    store.upsert_postings(db, [posting("adzuna:us:9", "Key Account Manager", company="ACME Inc",
                                       location="Austin, Travis County", date="2026-01-11")],
                          seen="2026-03-02T08:00:00+00:00")
    db.conn.close()
    return db_path


def test_collection_stats(filled_db):
    data = collection_stats(filled_db)
    assert json.loads(json.dumps(data)) == data  # JSON-able as it is
    t = data["totals"]
    assert (t["postings"], t["duplicates"], t["unique_postings"], t["sources"]) == (6, 1, 5, 2)
    assert (t["first_seen"], t["last_seen"], t["crawl_runs"]) == ("2026-03-01T08:00:00+00:00", "2026-03-02T08:00:00+00:00", 1)
    by_source = {r["source"]: r for r in data["by_source"]}
    assert (by_source["greenhouse"]["postings"], by_source["greenhouse"]["boards"]) == (5, 2)
    assert (by_source["adzuna"]["postings"], by_source["adzuna"]["duplicates"], by_source["adzuna"]["unique_postings"]) == (1, 1, 0)
    assert [(r["source"], r["board"], r["postings"]) for r in data["by_board"]][:2] == [
        ("greenhouse", "acme", 3), ("greenhouse", "globex", 2)]
    assert data["boards_total"] == 3
    # month of date_posted, else of first_seen (the Globex CSM has no date)
    assert {r["month"]: (r["postings"], r["unique_postings"]) for r in data["by_month"]} == {
        "2026-01": (3, 2), "2026-02": (2, 2), "2026-03": (1, 1)}
    assert {r["role"]: (r["postings"], r["unique_postings"]) for r in data["by_role"]} == {
        "key / strategic account manager": (2, 1), "technical account manager": (1, 1),
        "account executive": (1, 1), "customer success": (1, 1), "other": (1, 1)}
    [run] = data["runs"]
    assert (run["source"], run["boards"], run["status"], run["new"]) == ("greenhouse", ["acme", "globex"], "finished", 5)


def test_top_boards_limit(filled_db):
    data = collection_stats(filled_db, top_boards=1)
    assert len(data["by_board"]) == 1 and data["boards_total"] == 3


def test_format_stats_tables(filled_db):
    text = format_stats(collection_stats(filled_db))
    assert "Postings: 6 (5 unique, 1 marked duplicates) from 2 source(s) and 3 board(s)" in text
    for heading in ("By source", "By board (top 3 of 3)", "By month", "By role (title family)", "Last crawl runs"):
        assert heading in text
    lines = text.splitlines()
    header = lines[lines.index("By source") + 1]
    row = next(line for line in lines if line.strip().startswith("greenhouse") and "2026-03" in line)
    # numbers are right-aligned under their header
    assert row.index("5") + 1 == header.index("postings") + len("postings")


def test_table_alignment():
    lines = table(["name", "n"], [["a", 1200], ["bbbb", 3]])
    assert lines == ["  name      n", "  ----  -----", "  a     1,200", "  bbbb      3"]


def test_empty_database(db_path):
    store.open_db(db_path).conn.close()
    data = collection_stats(db_path)
    assert data["totals"]["postings"] == 0 and data["by_source"] == [] and data["runs"] == []
    assert "No postings yet" in format_stats(data)


def test_missing_database_is_an_error(tmp_path):
    with pytest.raises(AmscoutError, match="database not found"):
        collection_stats(tmp_path / "nope.db")
    result = CliRunner().invoke(main, ["stats", "--db", str(tmp_path / "nope.db")])
    assert result.exit_code == 1 and result.output.strip() == f"Error: database not found: {tmp_path / 'nope.db'}"


def test_cli_text_and_json(filled_db):
    text = CliRunner().invoke(main, ["stats"])
    assert text.exit_code == 0 and "By role (title family)" in text.output
    as_json = CliRunner().invoke(main, ["stats", "--json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.output)["totals"]["postings"] == 6


@pytest.mark.parametrize("title,family", [
    ("Sr. Key Account Manager", "key / strategic account manager"),
    ("National Account Manager - Grocery", "key / strategic account manager"),
    ("KAM Pharma", "key / strategic account manager"),
    ("Technical Account Manager", "technical account manager"),
    ("Strategic Account Executive", "account executive"),
    ("Enterprise Account Exec", "account executive"),
    ("Account Manager II", "account manager"),
    ("Account Coordinator", "account manager"),
    ("Client Relationship Manager", "client relationship"),
    ("Relationship Manager, Business Banking", "client relationship"),
    ("Customer Success Manager", "customer success"),
    ("Software Engineer", "other"), ("", "other"), (None, "other"),
])
def test_title_family(title, family):
    assert title_family(title) == family


def test_read_only_database_can_be_inspected(filled_db):
    from test_import import _make_read_only

    undo = _make_read_only(filled_db)
    if undo is None:
        pytest.skip("running as root without a working chattr: a read-only file cannot be made")
    try:
        data = collection_stats(filled_db)
    finally:
        undo()
    assert data["totals"]["postings"] == 6
