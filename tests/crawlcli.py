"""Run ``amscout crawl`` in a subprocess (Twisted's reactor cannot restart inside pytest) and
read what it stored.

``AMSCOUT_FAST_CRAWL=1`` drops the politeness delays that only make sense against real sites;
``settings`` become ``AMSCOUT_CRAWL_SETTINGS`` (e.g. a short ``DOWNLOAD_TIMEOUT``).
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
AMSCOUT = str(Path(sys.executable).with_name("amscout"))


def crawl_env(db, settings: dict | None = None, **extra) -> dict:
    env = {**os.environ, "AMSCOUT_FAST_CRAWL": "1", "AMSCOUT_DB": str(db),
           "AMSCOUT_CONTACT": "tests@example.org"}
    if settings:
        env["AMSCOUT_CRAWL_SETTINGS"] = json.dumps(settings)
    env.update({k: str(v) for k, v in extra.items()})
    return env


def crawl(*args, db, settings: dict | None = None, timeout: float = 60, cwd=None, **env) -> subprocess.CompletedProcess:
    """``amscout crawl ARGS --db DB``; returns the finished process (stdout, stderr, returncode)."""
    return subprocess.run([AMSCOUT, "crawl", *map(str, args), "--db", str(db)],
                          env=crawl_env(db, settings, **env), capture_output=True, text=True,
                          timeout=timeout, cwd=cwd or PROJECT)


def rows(db, sql: str, params=()) -> list[dict]:
    conn = sqlite3.connect(str(db))
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def postings(db) -> dict[str, dict]:
    return {r["id"]: r for r in rows(db, "select * from postings")}


def runs(db) -> list[dict]:
    return rows(db, "select * from crawl_runs order by id")


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "] ERROR:" in line]
