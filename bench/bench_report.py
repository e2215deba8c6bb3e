"""Time `amscout report trends` on a large synthetic database (make bench-report).

Builds (once, cached under bench/out/ by size and seed) a database of N synthetic postings with
extractions and requirements, then runs the trends report in a child process and prints its wall
time and peak memory (max RSS). Targets on a 2-core machine for 1,000,000 postings: under 60 s
and under 1 GB.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(HERE))

import synthetic_corpus  # noqa: E402

TARGET_SECONDS = 60
TARGET_MB = 1024


def cached_db(size: int, seed: int) -> Path:
    """The benchmark database for this size, built on first use (a partial build is discarded)."""
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    path = out / f"report_{size}_seed{seed}_v{synthetic_corpus.VERSION}.db"
    if path.exists():
        print(f"Using cached database {path}")
        return path
    tmp = path.with_suffix(".building")
    for leftover in out.glob(tmp.name + "*"):
        leftover.unlink()
    print(f"Building {size:,} synthetic postings into {path} (once; cached for reruns)...")
    started = time.perf_counter()

    def progress(done: int) -> None:
        print(f"  {done:,} / {size:,} postings ({time.perf_counter() - started:.0f} s)", file=sys.stderr)

    synthetic_corpus.build(tmp, size, seed=seed, progress=progress)
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.rename(path)
    print(f"Built in {time.perf_counter() - started:.0f} s")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="postings (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--by", default="quarter", choices=["month", "quarter", "year"])
    args = parser.parse_args()

    db = cached_db(args.size, args.seed)
    out = HERE / "out" / f"report_{args.size}"
    cmd = [str(Path(sys.executable).with_name("amscout")), "report", "trends", "--db", str(db),
           "--out", str(out), "--by", args.by]
    print("Running:", " ".join(cmd))
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.run(cmd)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mb = usage.ru_maxrss / 1024  # Linux: KiB
    cpu = usage.ru_utime + usage.ru_stime
    ok = proc.returncode == 0 and seconds < TARGET_SECONDS and peak_mb < TARGET_MB
    # CPU time is printed too: on a shared machine wall time also measures the other processes.
    print(f"bench-report: {args.size:,} postings: {seconds:.1f} s wall (target < {TARGET_SECONDS} s), "
          f"{cpu:.1f} s CPU, peak memory {peak_mb:.0f} MB (target < {TARGET_MB} MB), "
          f"load average before {load_before:.1f}: {'OK' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
