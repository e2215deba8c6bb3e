"""Every command in the README's ```console blocks runs, in order, and succeeds.

The tour is run as a new user would type it, in a scratch folder that sees the project's
``data/`` and ``tests/``. The network is the one thing replaced: commands that crawl real hosts
get ``--base-url`` (or their start URL's host) pointed at a local mirror, which serves the
simulated demo boards under whatever board names the README uses.
"""
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from crawler import demo_data
from crawler.demo import DemoBoards, _json
from crawler.loopback import Response

PROJECT = Path(__file__).resolve().parents[1]
README = PROJECT / "README.md"
API_SOURCES = {"greenhouse", "lever", "ashby", "smartrecruiters", "workable", "recruitee", "themuse", "adzuna", "all"}

pytestmark = pytest.mark.slow


def readme_commands() -> list[str]:
    """The ``$ ...`` lines of every ```console block, in order."""
    blocks = re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    return [line[2:].strip() for block in blocks for line in block.splitlines() if line.startswith("$ ")]


class Mirror(DemoBoards):
    """The demo boards, answering for any board name: the first simulated board of each source
    stands in for the README's real boards; sources the demo does not simulate answer empty."""

    EMPTY = {
        "smartrecruiters": {"offset": 0, "limit": 100, "totalFound": 0, "content": []},
        "workable": {"name": "", "jobs": []},
        "recruitee": {"offers": []},
        "themuse": {"page": 0, "page_count": 1, "results": []},
        "adzuna": {"count": 0, "results": []},
    }

    def answer(self, target, headers=None):
        seg = [s for s in urlsplit(target).path.split("/") if s]
        stand_in = {("v1", "boards"): "greenhouse", ("v0", "postings"): "lever", ("posting-api", "job-board"): "ashby"}
        source = stand_in.get(tuple(seg[:2]))
        if source and len(seg) >= 3:
            seg[2] = self.boards[source][0]
            query = urlsplit(target).query
            return super().answer("/" + "/".join(seg) + (f"?{query}" if query else ""))
        if seg[:2] == ["v1", "companies"]:
            return Response(_json(self.EMPTY["smartrecruiters"]), "application/json")
        if seg[:3] == ["api", "v1", "widget"]:
            return Response(_json(self.EMPTY["workable"]), "application/json")
        if seg[:2] == ["api", "offers"]:
            return Response(_json(self.EMPTY["recruitee"]), "application/json")
        if seg[:3] == ["api", "public", "jobs"]:
            return Response(_json(self.EMPTY["themuse"]), "application/json")
        if seg == ["jobs"]:
            return super().answer("/careers/")
        return super().answer(target)


def localise(command: str, mirror: Mirror) -> list[str]:
    """The command as argv, with any real host replaced by the mirror."""
    argv = shlex.split(command)
    if argv[:2] == ["amscout", "crawl"]:
        if argv[2] in API_SOURCES and "--base-url" not in argv:
            argv += ["--base-url", mirror.url]
        argv = [mirror.url + urlsplit(a).path if a.startswith("https://") else a for a in argv]
    return argv


@pytest.fixture(scope="module")
def mirror():
    with Mirror(demo_data.generate(60, seed=7)) as boards:
        yield boards


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    work = tmp_path_factory.mktemp("readme")
    for name in ("data", "tests"):
        (work / name).symlink_to(PROJECT / name)
    return work


def test_readme_has_a_tour():
    commands = readme_commands()
    assert len(commands) >= 12
    used = {c.split()[1] for c in commands if c.startswith("amscout ")}
    assert {"demo", "stats", "crawl", "import", "extract", "show", "report", "gap"} <= used


def test_every_readme_command_runs(mirror, workdir):
    env = {k: v for k, v in os.environ.items() if k != "AMSCOUT_DB"}
    env["AMSCOUT_FAST_CRAWL"] = "1"
    amscout = [sys.executable, "-m", "cli"]
    env["PYTHONPATH"] = str(PROJECT) + os.pathsep + env.get("PYTHONPATH", "")
    for command in readme_commands():
        if command.startswith("export "):
            name, value = command[len("export "):].split("=", 1)
            env[name] = value
            continue
        argv = localise(command, mirror)
        assert argv[0] == "amscout", command
        result = subprocess.run(amscout + argv[1:], cwd=workdir, env=env, capture_output=True, text=True,
                                timeout=300)
        assert result.returncode == 0, f"{command}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        assert "Traceback" not in result.stderr, command
    reports = workdir / "reports" / "tour"
    assert (reports / "trends" / "report.html").exists()
    assert (reports / "gap" / "report.md").exists()
    assert (reports / "predictions.jsonl").read_text().count("\n") == 2


def test_readme_make_targets_exist():
    """`make X` lines of the README (install, demo, test, eval, benchmarks) name real targets."""
    text = README.read_text(encoding="utf-8")
    targets = sorted(set(re.findall(r"^make ([a-z-]+)", text, flags=re.M)))
    assert {"demo", "test", "eval", "bench"} <= set(targets)
    for target in targets:
        dry = subprocess.run(["make", "-n", target], cwd=PROJECT, capture_output=True, text=True)
        assert dry.returncode == 0, f"make {target}: {dry.stderr}"
