"""``amscout crawl`` as a user meets it: sources, boards files, bad input, the cache, progress."""
import socket
import sqlite3
import subprocess

import pytest

from crawlcli import crawl, error_lines, postings, runs
from localserver import Route
from test_crawl_faults import GREENHOUSE_OK, job_page


def test_unknown_source_is_one_line_listing_the_sources(db_path):
    result = crawl("nosuch", db=db_path)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1].startswith("Error: unknown source 'nosuch'")
    assert "greenhouse" in result.stderr and "jsonld" in result.stderr and "all" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [("--board", "acme"), ("--start-url", "http://127.0.0.1:9/", "--base-url", "http://x")])
def test_jsonld_takes_whole_urls_not_boards(db_path, args):
    result = crawl("jsonld", *args, db=db_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Error: jsonld reads whole URLs")


def test_unreachable_host_is_a_counted_error_and_a_nonzero_exit(db_path):
    with socket.socket() as s:   # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = crawl("jsonld", "--start-url", f"http://127.0.0.1:{port}/jobs", "--depth", "0",
                   db=db_path, settings={"RETRY_TIMES": 0})
    assert result.returncode == 1
    assert any(f"127.0.0.1:{port}/jobs" in line for line in error_lines(result.stderr))
    assert "Traceback" not in result.stderr
    assert runs(db_path)[-1]["errors"] == 1 and runs(db_path)[-1]["status"] == "finished"


def test_all_reads_a_boards_file_and_runs_several_spiders_in_one_process(local_server, db_path, tmp_path):
    srv = local_server({
        "/v1/boards/beta/jobs?content=true": Route(GREENHOUSE_OK),
        "/careers/1": Route(job_page("C1"), delay=0.5),
    })
    boards = tmp_path / "boards.toml"
    boards.write_text(
        '[[boards]]\nsource = "greenhouse"\ntoken = "beta"\ncompany = "Beta"\n\n'
        f'[[boards]]\nsource = "jsonld"\ntoken = "{srv.url}/careers/1"\ncompany = "Acme"\n')
    result = crawl("all", "--boards-file", boards, "--base-url", srv.url, db=db_path,
                   settings={"AMSCOUT_PROGRESS_INTERVAL": 0.2})
    assert result.returncode == 0, result.stderr
    assert set(postings(db_path)) == {"greenhouse:beta:4001", "jsonld:127.0.0.1:C1"}
    run = runs(db_path)[-1]
    assert (run["source"], run["new"], run["errors"]) == ("all", 2, 0)
    assert "pages," in result.stderr and "postings kept" in result.stderr   # progress on stderr


def test_text_boards_file_and_role_filter(local_server, db_path, tmp_path):
    body = {"jobs": [dict(GREENHOUSE_OK["jobs"][0]),
                     dict(GREENHOUSE_OK["jobs"][0], id=4002, title="Staff Software Engineer")]}
    srv = local_server({"/v1/boards/beta/jobs?content=true": Route(body)})
    boards = tmp_path / "boards.txt"
    boards.write_text("# one token a line\nbeta\n")
    result = crawl("greenhouse", "--boards-file", boards, "--base-url", srv.url, db=db_path)
    assert result.returncode == 0, result.stderr
    assert set(postings(db_path)) == {"greenhouse:beta:4001"}
    assert runs(db_path)[-1]["dropped"] == 1 and "1 dropped" in result.stdout
    result = crawl("greenhouse", "--boards-file", boards, "--base-url", srv.url, "--all-roles", db=db_path)
    assert result.returncode == 0, result.stderr
    assert set(postings(db_path)) == {"greenhouse:beta:4001", "greenhouse:beta:4002"}


def test_bad_boards_file_is_one_line(db_path, tmp_path):
    boards = tmp_path / "boards.toml"
    boards.write_text("[[boards]\nsource = ")
    result = crawl("all", "--boards-file", boards, db=db_path)
    assert result.returncode != 0 and "Error: boards file" in result.stderr
    assert "Traceback" not in result.stderr


def test_cache_serves_a_second_crawl_without_asking_the_site(local_server, db_path, tmp_path):
    srv = local_server({"/jobs/1": Route(job_page("K1"))})
    for _ in range(2):
        result = crawl("jsonld", "--start-url", srv.url + "/jobs/1", "--depth", "0", "--cache",
                       db=db_path, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    assert srv.hits("/jobs/1") == 1
    assert [(r["new"], r["unchanged"]) for r in runs(db_path)] == [(1, 0), (0, 1)]


@pytest.fixture
def immutable(tmp_path):
    """Make a file unwritable even for root (chattr +i); skip where that is not possible."""
    made = []

    def freeze(path):
        path.chmod(0o444)
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0:
            made.append(path)
        try:
            with open(path, "ab"):
                pass
        except OSError:
            return
        pytest.skip("cannot make a file read-only here")

    yield freeze
    for path in made:
        subprocess.run(["chattr", "-i", str(path)])


def test_read_only_database_is_one_line_and_keeps_what_is_stored(local_server, db_path, immutable):
    srv = local_server({"/jobs/1": Route(job_page("R1")), "/jobs/2": Route(job_page("R2"))})
    assert crawl("jsonld", "--start-url", srv.url + "/jobs/1", "--depth", "0", db=db_path).returncode == 0
    conn = sqlite3.connect(db_path)
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    immutable(db_path)
    result = crawl("jsonld", "--start-url", srv.url + "/jobs/2", "--depth", "0", db=db_path)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1].startswith("Error:")
    assert "Traceback" not in result.stderr
    assert srv.hits("/jobs/2") == 0                     # refused before any request
    assert set(postings(db_path)) == {"jsonld:127.0.0.1:R1"}


def test_starter_boards_file_names_only_known_sources():
    from crawler.run import DEFAULT_BOARDS_FILE, available_sources, plan, read_boards_file

    boards = read_boards_file(DEFAULT_BOARDS_FILE)
    assert len(boards) >= 15 and all(b["company"] for b in boards)
    jobs = plan("all", available_sources(), [], None, [], [])
    assert {"greenhouse", "lever", "ashby"} <= set(jobs)
    assert sum(len(j["boards"]) for j in jobs.values()) == len(boards)
