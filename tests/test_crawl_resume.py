"""A crawl killed with SIGKILL and run again completes: no duplicate rows, nothing lost, and
crawl_runs shows the interrupted run."""
import os
import signal
import sqlite3
import subprocess
import time

from crawlcli import AMSCOUT, PROJECT, crawl, crawl_env, postings, rows, runs
from localserver import Route
from test_crawl_faults import job_page

N = 30


def slow_site():
    routes = {f"/job/{i}": Route(job_page(f"J{i}", title=f"Account Manager {i}"), delay=0.1) for i in range(N)}
    routes["/"] = Route("<html><body>" + "".join(f'<a href="/job/{i}">{i}</a>' for i in range(N)) + "</body></html>")
    return routes


def stored_count(db_path) -> int:
    try:
        return rows(db_path, "select count(*) as n from postings")[0]["n"]
    except sqlite3.Error:  # the crawl has not created the table yet
        return 0


def test_sigkill_then_rerun_completes_without_duplicates(local_server, db_path):
    srv = local_server(slow_site())
    settings = {"AMSCOUT_STORE_BATCH": 3, "AMSCOUT_STORE_FLUSH_SECONDS": 0.2}
    proc = subprocess.Popen([AMSCOUT, "crawl", "jsonld", "--start-url", srv.url + "/", "--depth", "1",
                             "--db", str(db_path)], env=crawl_env(db_path, settings),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=PROJECT)
    deadline = time.monotonic() + 30
    while stored_count(db_path) < 6 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    kept = stored_count(db_path)
    assert 6 <= kept < N, "the crawl should have been killed mid-way"
    assert [r["status"] for r in runs(db_path)] == ["running"]   # killed: never finished

    conn = sqlite3.connect(db_path)   # pretend the first crawl was long ago
    with conn:
        conn.execute("update postings set first_seen = '2020-01-01T00:00:00+00:00'")
    conn.close()

    result = crawl("jsonld", "--start-url", srv.url + "/", "--depth", "1", db=db_path, settings=settings)
    assert result.returncode == 0, result.stderr
    stored = postings(db_path)
    assert set(stored) == {f"jsonld:127.0.0.1:J{i}" for i in range(N)}       # nothing lost
    assert rows(db_path, "select count(*) as n from postings")[0]["n"] == N   # no duplicate rows
    assert sum(p["first_seen"].startswith("2020") for p in stored.values()) == kept  # first_seen kept
    first, second = runs(db_path)
    assert first["status"] == "interrupted" and second["status"] == "finished"
    assert (second["new"], second["unchanged"], second["errors"]) == (N - kept, kept, 0)
