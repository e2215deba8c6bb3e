"""Crawl benchmark: 10,000 postings from a local Greenhouse-shaped server into SQLite.

Serves the demo generator's postings (realistic texts, entity-escaped HTML, ~3.7 KB each) as
Greenhouse boards (``/v1/boards/<token>/jobs?content=true``, 400 jobs a board), crawls them with
the real ``amscout crawl greenhouse`` CLI, and prints postings per second. Then it crawls the
same boards with the store pipeline switched off (items parsed, role-filtered and discarded) and
prints the ratio of the two wall times: what storing costs. The target is a ratio <= 1.5.
A re-crawl of the same boards into the same database (every posting unchanged, the daily
case) is timed too.

    python bench/bench_crawl.py [--postings 10000] [--per-board 400] [--repeat 2]

Wall times include the CLI's start-up, the same in both runs; it is measured (an empty crawl)
and the ratio without it is printed too. Each kind of run is repeated and the fastest counts,
because a shared machine's load adds noise in one direction only. Politeness delays are off
(``AMSCOUT_FAST_CRAWL=1``); concurrency stays at two requests per host.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(PROJECT), str(PROJECT / "tests")]

from crawler import demo, demo_data  # noqa: E402
from localserver import LocalServer, Route  # noqa: E402

AMSCOUT = str(Path(sys.executable).with_name("amscout"))
NO_STORE = {"ITEM_PIPELINES": {"crawler.pipelines.RoleFilterPipeline": 100}}


def board_routes(n: int, per_board: int) -> tuple[dict, list[str], int]:
    """Greenhouse list responses for ``n`` generated postings; returns routes, tokens, unique ids."""
    jobs = demo_data.generate(n)
    routes, tokens, ids = {}, [], set()
    for start in range(0, n, per_board):
        token = f"bench{start // per_board:03d}"
        records = [demo.greenhouse_job(job, token, "https://boards.example", content=True)
                   for job in jobs[start:start + per_board]]
        ids.update((token, r["id"]) for r in records)
        body = json.dumps({"jobs": records, "meta": {"total": len(records)}}).encode()
        routes[f"/v1/boards/{token}/jobs?content=true"] = Route(body, content_type="application/json")
        tokens.append(token)
    routes["/v1/boards/empty/jobs?content=true"] = Route({"jobs": [], "meta": {"total": 0}})
    return routes, tokens, len(ids)


def timed_crawl(url: str, tokens: list[str], db: Path, settings: dict | None = None) -> float:
    args = [AMSCOUT, "crawl", "greenhouse", "--all-roles", "--base-url", url, "--db", str(db)]
    for token in tokens:
        args += ["--board", token]
    env = {**os.environ, "AMSCOUT_FAST_CRAWL": "1", "AMSCOUT_CONTACT": "bench@localhost",
           "AMSCOUT_CRAWL_SETTINGS": json.dumps({"AMSCOUT_PROGRESS_INTERVAL": 0, **(settings or {})})}
    started = time.perf_counter()
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"crawl failed:\n{result.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=10_000)
    parser.add_argument("--per-board", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each kind; the fastest counts")
    args = parser.parse_args()

    print(f"Generating {args.postings} postings...", file=sys.stderr)
    routes, tokens, expected = board_routes(args.postings, args.per_board)
    with LocalServer(routes) as srv, tempfile.TemporaryDirectory() as tmp:
        store_times, bare_times, again_times, startup_times = [], [], [], []
        for i in range(args.repeat):
            startup_times.append(timed_crawl(srv.url, ["empty"], Path(tmp) / f"empty{i}.db"))
            db = Path(tmp) / f"store{i}.db"
            store_times.append(timed_crawl(srv.url, tokens, db))
            stored = sqlite3.connect(db).execute("select count(*) from postings").fetchone()[0]
            if stored != expected:
                sys.exit(f"stored {stored} postings, expected {expected}")
            again_times.append(timed_crawl(srv.url, tokens, db))
            bare_times.append(timed_crawl(srv.url, tokens, Path(tmp) / f"bare{i}.db", NO_STORE))
    with_store, again, without = min(store_times), min(again_times), min(bare_times)
    startup = min(startup_times)
    ratio = with_store / without
    print(f"crawl {expected} postings from {len(tokens)} boards into SQLite (all new): "
          f"{with_store:.1f} s, {expected / with_store:.0f} postings/s")
    print(f"re-crawl into the same database (all unchanged): "
          f"{again:.1f} s, {expected / again:.0f} postings/s, ratio {again / without:.2f}")
    print(f"same crawl, no store pipeline: {without:.1f} s, {expected / without:.0f} postings/s")
    print(f"ratio (with store / without): {ratio:.2f}  (target <= 1.5: {'ok' if ratio <= 1.5 else 'MISSED'})")
    print(f"start-up (an empty crawl): {startup:.1f} s; ratio without it: "
          f"{(with_store - startup) / max(without - startup, 1e-9):.2f}")


if __name__ == "__main__":
    main()
