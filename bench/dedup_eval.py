"""How well does the store mark cross-source duplicates? Precision, recall and F1 of duplicate_of.

Loads a labelled set (tests/fixtures/dedup/*.jsonl: Posting records plus ``cluster``, the
job they belong to), writes it through ``store.upsert_postings`` in batches into a fresh
database, in file order (the order a crawl would see them), and scores the result:

- marking: a posting marked ``duplicate_of`` X is right when X is in its cluster. Every
  cluster of n postings should yield n - 1 marks (recall's denominator).
- pairs: postings linked (directly or through a shared original) vs. postings in one cluster,
  over all pairs.

Usage: ``python bench/dedup_eval.py [--fixture FILE] [--batch N] [--json] [--errors]``
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

import store  # noqa: E402

DEFAULT_FIXTURE = PROJECT / "tests" / "fixtures" / "dedup" / "test.jsonl"
LABELS = ("cluster", "case")


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


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

    root = {pid: (dup or pid) for pid, dup in marks.items()}
    ids = sorted(cluster)
    gold = {(a, b) for a, b in itertools.combinations(ids, 2) if cluster[a] == cluster[b]}
    pred = {(a, b) for a, b in itertools.combinations(ids, 2) if root[a] == root[b]}
    pairs = prf(len(gold & pred), len(pred - gold), len(gold - pred))
    return {"postings": len(rows), "jobs": len(sizes), "expected_marks": expected,
            "marking": marking, "pairs": pairs}


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


def evaluate(path: Path = DEFAULT_FIXTURE, batch: int = 25) -> dict:
    rows = load(path)
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
    ap.add_argument("--batch", type=int, default=25, help="postings per upsert batch")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--errors", action="store_true", help="list every wrong or missing mark")
    args = ap.parse_args(argv)
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
