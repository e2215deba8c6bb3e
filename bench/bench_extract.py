"""Extraction speed and memory: `make bench-extract`.

The dev postings of ../shared/eval (read at run time, never copied) repeated to about 2,500,
then: full extraction postings/s on one process and with two, a blank spaCy tokenizer alone on
the same texts, the ratio of the two times (target <= 3x), and peak memory (target < 500 MB,
this process and its children).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))


def load_postings(shared: Path, n: int) -> list[dict]:
    path = shared / "eval" / "dev.postings.jsonl"
    with open(path, encoding="utf-8") as f:
        base = [json.loads(line) for line in f if line.strip()]
    return [dict(base[i % len(base)], id=f"{base[i % len(base)]['id']}-{i}") for i in range(n)]


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024  # KiB on Linux


def time_extract(postings: list[dict], processes: int) -> float:
    from analysis.extract import extract_records

    t0 = time.perf_counter()
    n = sum(1 for _ in extract_records(postings, processes=processes))
    assert n == len(postings)
    return time.perf_counter() - t0


def time_tokenizer(postings: list[dict]) -> float:
    import spacy

    nlp = spacy.blank("en")
    texts = [p["text"] for p in postings]
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(PROJECT.parent / "shared"))
    ap.add_argument("-n", type=int, default=2500, help="postings to extract (default 2500)")
    args = ap.parse_args(argv)
    postings = load_postings(Path(args.shared), args.n)
    words = sum(len(p["text"].split()) for p in postings) / len(postings)
    print(f"{len(postings)} postings, {words:.0f} words each on average")

    from analysis.extract import get_nlp
    t0 = time.perf_counter()
    get_nlp()
    print(f"pipeline build (taxonomy load)       {time.perf_counter() - t0:8.2f} s")
    tok = time_tokenizer(postings)
    print(f"blank tokenizer alone                {len(postings) / tok:8.1f} postings/s")
    one = time_extract(postings, 1)
    print(f"full extraction, 1 process           {len(postings) / one:8.1f} postings/s")
    two = time_extract(postings, 2)
    print(f"full extraction, 2 processes         {len(postings) / two:8.1f} postings/s  "
          f"(gain x{one / two:.2f})")
    print(f"extraction / tokenizer time (1 proc) {one / tok:8.2f} x   (target <= 3)")
    print(f"peak memory (self or one child)      {peak_mb():8.0f} MB  (target < 500)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
