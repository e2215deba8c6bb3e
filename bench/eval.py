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
    ap.add_argument("--readme", action="store_true", help="also rewrite the figures table in README.md")
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
        if not args.no_save or args.readme:
            every = score_json(scorer, postings, gold, preds, [])
        if not args.no_save:
            save_summary(every, n)
        if args.readme:
            update_readme(PROJECT / "README.md",
                          readme_table(every, score_json(scorer, postings, gold, preds, ["--subset", "sales"])))
    return 0


def score_json(scorer: Path, postings: Path, gold: Path, preds: Path, extra: list[str]) -> dict:
    out = subprocess.run([sys.executable, str(scorer), str(postings), str(gold), str(preds), "--json", *extra],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


# (label, metric keys joined by " / ", target) for each row of the README's table.
README_ROWS = [
    ("overall (mean of the headline metrics)", ["overall"], "≥ 0.93"),
    ("skills (span F1)", ["skills.f1"], "≥ 0.85"),
    ("skills canonical grouping (B-cubed F1)", ["skills.canonical_bcubed_f1"], "≥ 0.95"),
    ("certifications (F1)", ["certifications.f1"], "≥ 0.90"),
    ("degree required / preferred (accuracy)", ["degree_required.accuracy", "degree_preferred.accuracy"], "≥ 0.95"),
    ("degree fields (F1)", ["degree_fields.f1"], ""),
    ("experience, minimum years (accuracy)", ["experience_min_years.accuracy"], "≥ 0.95"),
    ("salary (accuracy)", ["salary.accuracy"], "≥ 0.97"),
    ("work mode (accuracy)", ["work_mode.accuracy"], "≥ 0.95"),
    ("seniority (accuracy)", ["seniority.accuracy"], "≥ 0.90"),
    ("role family (accuracy)", ["role_family.accuracy"], "≥ 0.97"),
]


def readme_table(all_scores: dict, subset: dict) -> str:
    """The Markdown table of the figures, for all postings and the sales subset."""
    cell = lambda scores, keys: " / ".join(f"{scores[k]:.3f}" for k in keys)  # noqa: E731
    lines = [f"| field (metric) | all {all_scores['postings']} postings | "
             f"account-management + sales ({subset['postings']}) | target |", "|---|---|---|---|"]
    lines += [f"| {label} | {cell(all_scores, keys)} | {cell(subset, keys)} | {target} |"
              for label, keys, target in README_ROWS]
    return "\n".join(lines)


def update_readme(readme: Path, table: str) -> None:
    """Replace the table between the README's eval-table markers."""
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- eval-table -->\n", "\n<!-- /eval-table -->"
    a, b = text.index(start) + len(start), text.index(end)
    readme.write_text(text[:a] + table + text[b:], encoding="utf-8")
    print(f"rewrote the figures table in {readme.name}")


def save_summary(scores: dict, n: int) -> None:
    """Write the scorer's JSON figures (all postings) with what was measured and when."""
    from analysis.pipeline import PIPELINE_VERSION

    summary = {**scores, "dataset": f"the shared labelled dev set ({n} real postings)",
               "pipeline_version": PIPELINE_VERSION, "date": date.today().isoformat()}
    target = PROJECT / "data" / "eval_summary.json"
    target.write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"saved the figures to {target.relative_to(PROJECT)}")


if __name__ == "__main__":
    sys.exit(main())
