"""Statistics for reports: shares with Wilson intervals, trend tests, medians from SQL counts.

Two layers. Pure functions (``wilson_interval``, ``two_proportion_test``, ``holm_adjust``,
``weighted_quantiles``) are small enough to check by hand. The SQL functions aggregate over the
temp table ``sel`` built by ``analysis.filters.select_postings`` and return small pandas frames
(one row per group, never one per posting), so a report over millions of postings needs little
memory. A share is always "postings that mention X / postings in the bucket"; a bucket with
fewer than ``min_n`` postings gets no share at all.
"""
from __future__ import annotations

import hashlib
import math
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Sequence

import pandas as pd

Z95 = 1.959963984540054  # two-sided 95% normal quantile


# --------------------------------------------------------------------------- pure statistics

def wilson_interval(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for k successes in n trials; (0, 0) for an empty bucket.

    Unlike the normal approximation it stays inside [0, 1] and behaves for shares near 0 or 1,
    which is where rare skills live.
    """
    if n <= 0:
        return (0.0, 0.0)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def share(k: int, n: int, min_n: int) -> dict:
    """A share cell: value and interval, or a 'too few' note when n < min_n."""
    if n < min_n or n == 0:
        return {"count": int(k), "n": int(n), "share": None, "low": None, "high": None,
                "note": f"too few (n={n})"}
    low, high = wilson_interval(k, n)
    return {"count": int(k), "n": int(n), "share": round(k / n, 4), "low": round(low, 4),
            "high": round(high, 4), "note": ""}


def two_proportion_test(k1: int, n1: int, k2: int, n2: int) -> tuple[float, float]:
    """Two-sided z-test of p1 == p2 with the pooled proportion; returns (z, p-value).

    z > 0 means the second share is larger. With no variation at all (both 0% or both 100%) the
    shares are equal: z = 0, p = 1.
    """
    if n1 <= 0 or n2 <= 0:
        raise ValueError("both samples need postings")
    pooled = (k1 + k2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return (0.0, 1.0)
    z = (k2 / n2 - k1 / n1) / se
    return (z, math.erfc(abs(z) / math.sqrt(2)))


def holm_adjust(pvalues: Sequence[float]) -> list[float]:
    """Holm-Bonferroni adjusted p-values (same order as given).

    Many skills are tested at once; without a correction about one in twenty would look
    'significant' by chance. Holm controls the family-wise error and is never worse than
    Bonferroni.
    """
    m = len(pvalues)
    order = sorted(range(m), key=lambda i: pvalues[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * pvalues[i]))
        adjusted[i] = running
    return adjusted


def weighted_quantiles(values: Sequence[float], counts: Sequence[int], qs: Sequence[float]) -> list[float | None]:
    """Quantiles of a value/frequency table, equal to numpy's default (linear) on the expanded data.

    SQL returns ``value, count(*)`` groups; this gives exact medians and quartiles from them
    without expanding millions of rows.
    """
    pairs = sorted((float(v), int(c)) for v, c in zip(values, counts) if c > 0 and v is not None)
    total = sum(c for _, c in pairs)
    if total == 0:
        return [None for _ in qs]
    out = []
    for q in qs:
        pos = q * (total - 1)  # 0-based position in the sorted expanded data
        lo_i, frac = int(math.floor(pos)), pos - math.floor(pos)
        lo_v = _value_at(pairs, lo_i)
        hi_v = _value_at(pairs, min(lo_i + 1, total - 1))
        out.append(lo_v + (hi_v - lo_v) * frac)
    return out


def _value_at(pairs: list[tuple[float, int]], index: int) -> float:
    seen = 0
    for v, c in pairs:
        seen += c
        if index < seen:
            return v
    return pairs[-1][0]


# --------------------------------------------------------------------------- SQL aggregations

def fingerprint(db, taxonomy_version: str) -> dict:
    """Hash of the sorted (posting id, content hash) pairs in ``sel`` + pipeline and taxonomy versions.

    Streams the pairs from SQLite in id order, so it costs no memory; the same postings at the
    same extraction versions always give the same fingerprint.
    """
    h = hashlib.sha256()
    # One "id<TAB>hash<NL>" line per posting, built by SQLite and hashed a block at a time.
    cursor = db.conn.execute("select id || char(9) || coalesce(chash, '') || char(10) from sel order by id")
    while rows := cursor.fetchmany(50_000):
        h.update("".join(r[0] for r in rows).encode("utf-8"))
    versions = [r[0] for r in db.conn.execute(
        "select distinct coalesce(pv, '') from sel order by 1")]
    taxonomy = data_taxonomy_version(versions, taxonomy_version)
    h.update(("pipeline:" + ",".join(versions) + "\n").encode("utf-8"))
    h.update(f"taxonomy:{taxonomy}\n".encode("utf-8"))
    return {"sha256": h.hexdigest(), "pipeline_versions": versions, "taxonomy_version": taxonomy}


def data_taxonomy_version(pipeline_versions: Sequence[str], current: str) -> str:
    """The taxonomy the stored extractions were made with.

    Pipeline versions look like ``r<rules>-t<taxonomy>``: the taxonomy part is what read the data,
    so editing the taxonomy files changes the fingerprint only once postings are re-extracted.
    Versions without that part (older or synthetic data) fall back to the installed taxonomy.
    """
    found = sorted({m.group(1) for v in pipeline_versions if (m := re.search(r"-t([0-9a-f]+)$", v or ""))})
    return ",".join(found) if found else current


def frame(db, sql: str, params: Sequence = ()) -> pd.DataFrame:
    """Run an aggregate query into a (small) DataFrame."""
    cur = db.conn.execute(sql, list(params))
    cols = [d[0] for d in cur.description]
    return pd.DataFrame(cur.fetchall(), columns=cols)


def posting_groups(db) -> pd.DataFrame:
    """Postings per period x seniority x work mode x degree requirement (a few hundred rows)."""
    return frame(db, """
        select period, seniority, work_mode, coalesce(degree_required, '') as degree_required,
               coalesce(degree_preferred, '') as degree_preferred,
               degree_or_equivalent, count(*) as postings
        from sel group by 1, 2, 3, 4, 5, 6""")


def requirement_groups(db, kinds: Sequence[str], id_from: str | None = None,
                       id_below: str | None = None) -> pd.DataFrame:
    """Postings mentioning each requirement, per period x seniority (one row per group).

    The inner query folds several mentions in one posting into one: ``rmax`` is 1 when any
    mention is required, 0 when the best is 'preferred', -1 when never stated. It streams the
    covering index on requirements(posting_id, kind, canonical, required) in order (``+r.kind``
    keeps the planner off the kind index; CROSS JOIN keeps it the outer loop, so it is streamed,
    not materialised). ``id_from`` / ``id_below`` limit it to a range of posting ids so that
    ``RequirementCounts`` can share the work between two connections.
    """
    conds = [f"+r.kind in ({','.join('?' * len(kinds))})", "r.canonical is not null", "r.canonical != ''"]
    params = list(kinds)
    if id_from is not None:
        conds.append("r.posting_id >= ?")
        params.append(id_from)
    if id_below is not None:
        conds.append("r.posting_id < ?")
        params.append(id_below)
    return frame(db, f"""
        select s.period, s.seniority, x.kind, x.canonical, count(*) as postings,
               sum(x.rmax = 1) as required, sum(x.rmax = 0) as preferred
        from (
            select r.posting_id, r.kind, r.canonical, max(coalesce(r.required, -1)) as rmax
            from requirements r
            where {' and '.join(conds)}
            group by r.posting_id, r.kind, r.canonical
        ) x cross join sel s on s.id = x.posting_id
        group by 1, 2, 3, 4""", params)


WORKER_SHARE_START = 0.4  # the worker counts the postings from this quantile of ids on


class RequirementCounts:
    """``requirement_groups`` computed by two connections at once, on two parts of the posting ids.

    Counting requirements is the one step whose cost grows with every mention (about ten rows
    per posting). SQLite releases the GIL while it works, so a worker thread with its own
    connection (and its own ``sel``, limited to its half) uses the machine's second core while
    this connection computes the other statistics. Start it early, collect it with ``result``.
    """

    def __init__(self, db, kinds: Sequence[str], open_db=None, filters=None):
        self.kinds = list(kinds)
        self.future = self.pool = None
        n = db.conn.execute("select count(*) from sel").fetchone()[0]
        self.mid = None
        if open_db is not None and filters is not None and n >= 2:
            # The worker takes the larger part: this connection also computes the other statistics.
            at = int(n * WORKER_SHARE_START)
            self.mid = db.conn.execute("select id from sel order by id limit 1 offset ?", [at]).fetchone()[0]
            self.pool = ThreadPoolExecutor(max_workers=1)
            self.future = self.pool.submit(self._worker, open_db, filters)

    def _worker(self, open_db, filters) -> pd.DataFrame:
        from analysis.filters import select_postings

        wdb = open_db()
        try:
            select_postings(wdb, filters, id_from=self.mid)
            return requirement_groups(wdb, self.kinds, id_from=self.mid)
        finally:
            wdb.conn.close()

    def result(self, db) -> pd.DataFrame:
        mine = requirement_groups(db, self.kinds, id_below=self.mid)
        if self.future is None:
            return mine
        try:
            theirs = self.future.result()
        finally:
            self.pool.shutdown()
        keys = ["period", "seniority", "kind", "canonical"]
        both = pd.concat([mine, theirs], ignore_index=True)
        return both.groupby(keys, as_index=False)[["postings", "required", "preferred"]].sum()


def experience_groups(db) -> pd.DataFrame:
    """Postings per seniority x stated minimum years (NULL = not stated)."""
    return frame(db, "select seniority, exp_min, count(*) as postings from sel group by 1, 2")


def salary_groups(db) -> pd.DataFrame:
    """Annualised salary midpoints (rounded to whole units) per currency x seniority x work mode x kind."""
    return frame(db, """
        select coalesce(salary_currency, '?') as currency, seniority, work_mode,
               coalesce(salary_kind, 'unspecified') as kind, round(salary_mid) as value,
               count(*) as postings
        from sel where salary_mid is not null and salary_mid > 0
        group by 1, 2, 3, 4, 5""")


def corpus_counts(db, filters) -> dict:
    """Whole-corpus facts for the 'corpus' section: sources, dates, duplicates, salaries."""
    conn = db.conn
    n, first, last, with_salary, undated = conn.execute(
        "select count(*), min(day), max(day), sum(salary_mid is not null), sum(not dated) from sel").fetchone()
    where, params = filters.where()
    dupes = conn.execute(
        f"select count(*) from postings p join extractions e on e.posting_id = p.id "
        f"where p.duplicate_of > '' and {where}", params).fetchone()[0]  # not 'is not null': reads the index
    # Not yet extracted = distinct postings matching the posting-level filters, minus those read.
    # Without extraction-level filters the read ones are exactly ``sel``: no join needed.
    where_p, params_p = filters.where(include_extraction=False)
    matching = conn.execute(
        f"select count(*) from postings p where p.duplicate_of is null and {where_p}", params_p).fetchone()[0]
    if filters.role_family or filters.seniority or filters.work_mode:
        read = conn.execute(
            f"select count(*) from postings p join extractions e on e.posting_id = p.id "
            f"where p.duplicate_of is null and {where_p}", params_p).fetchone()[0]
    else:
        read = n
    unread = matching - read
    undated = int(undated or 0)
    return {"simulated": simulated_postings(db), "postings": n, "first_day": first, "last_day": last,
            "with_salary": int(with_salary or 0),
            "duplicates_left_out": dupes, "not_yet_extracted": unread, "dated_by_first_seen": undated}


def simulated_postings(db) -> int:
    """Postings in ``sel`` collected from simulated or local boards (``amscout demo``, tests).

    Their crawl runs name a 127.0.0.1 / localhost base URL or say 'simulated'; reports then warn
    that the numbers describe generated data.
    """
    runs = [r[0] for r in db.conn.execute(
        "select id from crawl_runs where settings like '%simulated%' or settings like '%//127.0.0.1%' "
        "or settings like '%//localhost%'")]
    if not runs:
        return 0
    marks = ",".join("?" * len(runs))
    return db.conn.execute(f"select count(*) from sel where crawl_run in ({marks})", runs).fetchone()[0]


def top_values(db, column: str, limit: int) -> pd.DataFrame:
    """Most frequent values of a ``sel`` column (source, company, title) with counts."""
    if column not in ("source", "company", "title", "work_mode", "seniority"):
        raise ValueError(column)
    return frame(db, f"""
        select coalesce({column}, '') as value, count(*) as postings from sel
        group by 1 order by 2 desc, 1 limit ?""", [limit])
