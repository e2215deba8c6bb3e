"""Score file-mode extraction on the shared dev set: `make eval`.

Runs `amscout extract --input dev.postings.jsonl --output <tmp>` (the same code path a user
runs), then ../shared/eval/score.py on the result, and prints the full table for all postings
and for the sales subset (account management + sales). The headline figures are saved to
``data/eval_summary.json`` (``--no-save`` to skip), which reports quote in their method section.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(PROJECT.parent / "shared"), help="path to the shared folder")
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--keep", help="also write the predictions to this path")
    ap.add_argument("--no-save", action="store_true", help="do not update data/eval_summary.json")
    args = ap.parse_args(argv)
    eval_dir = Path(args.shared) / "eval"
    postings, gold, scorer = eval_dir / "dev.postings.jsonl", eval_dir / "dev.gold.jsonl", eval_dir / "score.py"
    for p in (postings, gold, scorer):
        if not p.exists():
            print(f"Error: {p} not found (pass --shared PATH)", file=sys.stderr)
            return 1
    from analysis.extract import extract_file

    with tempfile.TemporaryDirectory() as tmp:
        preds = Path(args.keep) if args.keep else Path(tmp) / "predictions.jsonl"
        t0 = time.perf_counter()
        n = extract_file(str(postings), str(preds), processes=args.processes)
        took = time.perf_counter() - t0
        print(f"extracted {n} postings in {took:.1f}s\n")
        for title, extra in (("all postings", []), ("subset: sales (account management + sales)", ["--subset", "sales"])):
            print(f"== {title}")
            out = subprocess.run([sys.executable, str(scorer), str(postings), str(gold), str(preds), *extra],
                                 capture_output=True, text=True)
            print(out.stdout, end="")
            if out.returncode:
                print(out.stderr, file=sys.stderr)
                return out.returncode
            print()
        if not args.no_save:
            save_summary(scorer, postings, gold, preds, n)
    return 0


def save_summary(scorer: Path, postings: Path, gold: Path, preds: Path, n: int) -> None:
    """Write the scorer's JSON (all postings) with what was measured and when."""
    from analysis.pipeline import PIPELINE_VERSION

    out = subprocess.run([sys.executable, str(scorer), str(postings), str(gold), str(preds), "--json"],
                         capture_output=True, text=True, check=True)
    summary = {**json.loads(out.stdout), "dataset": f"the shared labelled dev set ({n} real postings)",
               "pipeline_version": PIPELINE_VERSION, "date": date.today().isoformat()}
    target = PROJECT / "data" / "eval_summary.json"
    target.write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"saved the figures to {target.relative_to(PROJECT)}")


if __name__ == "__main__":
    sys.exit(main())
