"""store.py: schema, upserts that keep first_seen, content hashes, duplicates, runs."""

import pytest

import store


def posting(pid, title="Key Account Manager", company="Acme", text="Build relationships.", **kw):
    return {"id": pid, "source": pid.split(":")[0], "board": pid.split(":")[1], "external_id": pid.split(":")[2],
            "title": title, "company": company, "description_text": text, **kw}


def test_schema_wal_and_fts(db_path):
    db = store.open_db(db_path)
    assert {"postings", "crawl_runs", "extractions", "requirements", "postings_fts"} <= set(db.table_names())
    assert db.journal_mode == "wal"
    store.upsert_postings(db, [posting("gh:acme:1", text="negotiation with retailers")])
    hits = db.execute("select rowid from postings_fts where postings_fts match 'retailers'").fetchall()
    assert len(hits) == 1


def test_recrawl_keeps_first_seen_and_tracks_changes(db_path):
    db = store.open_db(db_path)
    c1 = store.upsert_postings(db, [posting("gh:acme:1")], seen="2026-01-01T00:00:00+00:00")
    c2 = store.upsert_postings(db, [posting("gh:acme:1")], seen="2026-02-01T00:00:00+00:00")
    row = store.get_posting(db, "gh:acme:1")
    hash_before = row["content_hash"]
    c3 = store.upsert_postings(db, [posting("gh:acme:1", text="Changed text")], seen="2026-03-01T00:00:00+00:00")
    row = store.get_posting(db, "gh:acme:1")
    assert (c1["new"], c2["unchanged"], c3["updated"]) == (1, 1, 1)
    assert row["first_seen"] == "2026-01-01T00:00:00+00:00"
    assert row["last_seen"] == "2026-03-01T00:00:00+00:00"
    assert row["content_hash"] != hash_before
    assert db["postings"].count == 1


def test_cross_source_duplicate_is_marked_not_deleted(db_path):
    db = store.open_db(db_path)
    store.upsert_postings(db, [posting("greenhouse:acme:1", company="Acme, Inc.", location="Austin, TX")])
    counts = store.upsert_postings(db, [posting("adzuna:us:9", company="ACME", location="Austin")])
    assert counts["duplicates"] == 1
    assert store.get_posting(db, "adzuna:us:9")["duplicate_of"] == "greenhouse:acme:1"
    assert db["postings"].count == 2


def test_unfinished_run_is_marked_interrupted(db_path):
    db = store.open_db(db_path)
    first = store.start_run(db, "greenhouse", ["acme"], {})
    second = store.start_run(db, "greenhouse", ["acme"], {})
    store.finish_run(db, second, {"new": 2}, [])
    runs = {r["id"]: r for r in db["crawl_runs"].rows}
    assert runs[first]["status"] == "interrupted"
    assert runs[second]["status"] == "finished" and runs[second]["new"] == 2


def test_db_path_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv("AMSCOUT_DB", raising=False)
    assert store.resolve_db_path() == store.DEFAULT_DB
    monkeypatch.setenv("AMSCOUT_DB", str(tmp_path / "x.db"))
    assert store.resolve_db_path() == tmp_path / "x.db"
    assert store.resolve_db_path(tmp_path / "y.db") == tmp_path / "y.db"


def test_unusable_database_is_a_store_error(tmp_path):
    bad = tmp_path / "not.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(store.StoreError):
        store.open_db(bad)
    with pytest.raises(store.StoreError):
        store.open_db(tmp_path / "missing.db", create=False)
