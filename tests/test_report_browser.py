"""report.html is a real page: headless Chromium renders its charts and tables without errors.

Chromium is Debian's package (`make test-deps` installs it); the test is skipped, saying why,
when it is absent. The page is opened from file:// with networking off; a screenshot is kept in
test-artifacts/ for people to look at.
"""
import shutil
import sys
from pathlib import Path

import pytest

import store
from report_fixtures import PROJECT, add, spec

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = PROJECT / "test-artifacts"


def chromium_or_skip() -> str:
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if not path:
        pytest.skip("Debian's chromium is not installed (run `make test-deps`); cannot render report.html")
    pytest.importorskip("playwright.sync_api", reason="playwright (the [dev] extra) is not installed")
    return path


def test_report_html_renders_in_headless_chromium(db_path, tmp_path):
    chromium = chromium_or_skip()
    sys.path.insert(0, str(PROJECT / "bench"))
    import synthetic_corpus

    synthetic_corpus.build(db_path, 1500)
    db = store.open_db(db_path)
    add(db, [spec(90000, "2025-06-01", skills={"crm": 1}, title="<script>alert(1)</script>",
                  company='<img src=x onerror="alert(2)">')])
    db.conn.close()
    from click.testing import CliRunner
    from cli import main

    out = tmp_path / "report"
    result = CliRunner().invoke(main, ["report", "trends", "--out", str(out), "--by", "quarter"])
    assert result.exit_code == 0, result.output

    from playwright.sync_api import sync_playwright

    problems = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.goto((out / "report.html").as_uri(), wait_until="load")
        images = page.eval_on_selector_all(
            "figure img", "imgs => imgs.map(i => [i.complete, i.naturalWidth, i.naturalHeight])")
        tables = page.eval_on_selector_all("table", "ts => ts.map(t => t.querySelectorAll('tbody tr').length)")
        headings = page.eval_on_selector_all("h2", "hs => hs.map(h => h.textContent)")
        titles = page.eval_on_selector_all("table[data-table=top_titles] td", "tds => tds.map(t => t.textContent)")
        scripts = page.eval_on_selector_all("script", "s => s.length")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report_trends.png"), full_page=True)
        browser.close()

    assert problems == []
    assert len(images) >= 4 and all(done and w > 300 and h > 100 for done, w, h in images)
    assert len(tables) >= 8 and min(tables) >= 1
    assert "Method and caveats" in headings and "How to cite" in headings
    assert "<script>alert(1)</script>" in titles  # shown as text, never run
    assert scripts == 0
