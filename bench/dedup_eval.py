"""How well does the store mark cross-source duplicates? Precision, recall and F1 of duplicate_of.

Loads a labelled set (tests/fixtures/dedup/*.jsonl: Posting records plus ``cluster``, the
job they belong to), writes it through ``store.upsert_postings`` in batches into a fresh
database, in file order (the order a crawl would see them), and scores the result:

- marking: a posting marked ``duplicate_of`` X is right when X is in its cluster. Every
  cluster of n postings should yield n - 1 marks (recall's denominator).
- pairs: postings linked (directly or through a shared original) vs. postings in one cluster,
  over all pairs.

A second, independent source of labels: ``--demo N`` scores the demo generator's postings
(crawler/demo_data.py, written by another hand): a job listed on its board and on the JSON-LD
career site, or re-posted weeks later, is one cluster. Only account-management roles are
scored, as a default crawl keeps only those (``--all-roles`` scores every role; the demo's
non-AM texts are near-identical templates, so expect false positives there).

Usage: ``python bench/dedup_eval.py [--fixture FILE | --demo N [--all-roles]] [--batch N] [--json] [--errors]``
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

import store  # noqa: E402

DEFAULT_FIXTURE = PROJECT / "tests" / "fixtures" / "dedup" / "test.jsonl"
LABELS = ("cluster", "case")


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def demo_rows(n: int, all_roles: bool = False) -> list[dict]:
    """The demo generator's postings as labelled rows (one per listing; re-posts join their job)."""
    from crawler import demo_data

    rows = []
    for job in demo_data.generate(n):
        if not (all_roles or job.is_am):
            continue
        text = "\n\n".join("\n".join(filter(None, [s.heading, *s.items])) for s in job.sections)
        for platform, board in job.listings:
            rows.append({"id": f"{platform}:{board}:{job.key}", "source": platform, "board": board,
                         "title": job.title, "company": job.company.name, "location": job.location,
                         "date_posted": job.posted.date().isoformat(), "description_text": text,
                         "cluster": job.repost_of or job.key, "case": "re-post" if job.repost_of else platform})
    return rows


def run_store(rows: list[dict], batch: int) -> dict[str, str | None]:
    """duplicate_of of every posting after upserting the rows (labels removed) in batches."""
    with tempfile.TemporaryDirectory() as tmp:
        db = store.open_db(Path(tmp) / "dedup.db")
        items = [{k: v for k, v in row.items() if k not in LABELS} for row in rows]
        for i in range(0, len(items), batch):
            store.upsert_postings(db, items[i:i + batch], seen=f"2026-03-01T00:00:{i // batch:02d}+00:00")
        marks = {pid: dup for pid, dup in db.execute("select id, duplicate_of from postings")}
        db.conn.close()
    return marks


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def score(rows: list[dict], marks: dict[str, str | None]) -> dict:
    cluster = {r["id"]: r["cluster"] for r in rows}
    sizes = defaultdict(int)
    for c in cluster.values():
        sizes[c] += 1
    expected = sum(n - 1 for n in sizes.values())
    tp = sum(1 for pid, dup in marks.items() if dup and cluster[dup] == cluster[pid])
    fp = sum(1 for pid, dup in marks.items() if dup and cluster[dup] != cluster[pid])
    marking = prf(tp, fp, expected - tp)

    # pairs counted per group, not enumerated: n postings make n * (n - 1) / 2 pairs
    root = {pid: (dup or pid) for pid, dup in marks.items()}
    gold = _pairs(Counter(cluster.values()))
    pred = _pairs(Counter(root.values()))
    both = _pairs(Counter((cluster[pid], root[pid]) for pid in cluster))
    pairs = prf(both, pred - both, gold - both)
    return {"postings": len(rows), "jobs": len(sizes), "expected_marks": expected,
            "marking": marking, "pairs": pairs}


def _pairs(group_sizes: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in group_sizes.values())


def errors(rows: list[dict], marks: dict[str, str | None]) -> list[str]:
    """One line per wrong or missing mark, to read why."""
    by_id = {r["id"]: r for r in rows}
    first_of = {}
    for r in rows:
        first_of.setdefault(r["cluster"], r["id"])
    lines = []
    for r in rows:
        dup = marks[r["id"]]
        if dup and by_id[dup]["cluster"] != r["cluster"]:
            lines.append(f"FP {r['id']} ({r['case']}, {r['title']!r}, {r['location']!r}) -> "
                         f"{dup} ({by_id[dup]['title']!r}, {by_id[dup]['location']!r})")
        elif not dup and first_of[r["cluster"]] != r["id"] and not any(
                marks[o["id"]] == r["id"] for o in rows if o["cluster"] == r["cluster"]):
            lines.append(f"FN {r['id']} ({r['case']}, {r['title']!r}, {r['location']!r}) of {r['cluster']}")
    return lines


def evaluate(path: Path = DEFAULT_FIXTURE, batch: int = 25, rows: list[dict] | None = None) -> dict:
    rows = load(path) if rows is None else rows
    start = time.perf_counter()
    marks = run_store(rows, batch)
    result = score(rows, marks)
    result["seconds"] = round(time.perf_counter() - start, 3)
    result["fixture"] = str(path.relative_to(PROJECT) if path.is_relative_to(PROJECT) else path)
    result["errors"] = errors(rows, marks)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fixture", type=Path, default=DEFAULT_FIXTURE)
    ap.add_argument("--demo", type=int, metavar="N", help="score N generated demo jobs instead of a fixture")
    ap.add_argument("--all-roles", action="store_true", help="with --demo: every role, not only account management")
    ap.add_argument("--batch", type=int, default=25, help="postings per upsert batch")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--errors", action="store_true", help="list every wrong or missing mark")
    args = ap.parse_args(argv)
    if args.demo:
        result = evaluate(Path(f"demo-{args.demo}"), args.batch, demo_rows(args.demo, args.all_roles))
    else:
        result = evaluate(args.fixture.resolve(), args.batch)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['fixture']}: {result['postings']} postings, {result['jobs']} jobs, "
          f"{result['expected_marks']} duplicates to mark ({result['seconds']} s)")
    for name in ("marking", "pairs"):
        m = result[name]
        print(f"  {name:8} precision {m['precision']:.3f}  recall {m['recall']:.3f}  F1 {m['f1']:.3f}  "
              f"(tp {m['tp']}, fp {m['fp']}, fn {m['fn']})")
    if args.errors:
        print("\n".join(result["errors"]) or "  no errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
