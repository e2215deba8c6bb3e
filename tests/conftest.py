"""Shared fixtures: a fresh database per test, and the path to ../shared when it is there."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/localserver.py

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    """A database path of the test's own; AMSCOUT_DB points at it for CLI subprocesses too."""
    path = tmp_path / "amscout.db"
    monkeypatch.setenv("AMSCOUT_DB", str(path))
    return path


@pytest.fixture
def local_server():
    """Start a LocalServer with the routes a test gives: ``srv = local_server({...})``."""
    from localserver import LocalServer

    servers = []

    def start(routes=None):
        srv = LocalServer(routes).start()
        servers.append(srv)
        return srv

    yield start
    for srv in servers:
        srv.stop()
