"""Report filters and the one SQL selection every report reads from.

A report never loads postings into Python. ``select_postings`` materialises the filtered,
de-duplicated, extracted postings as a temporary table ``sel`` (one narrow row per posting, the
columns reports group on), and every statistic is a ``GROUP BY`` over ``sel`` or over
``requirements`` joined to it. The effective date of a posting is ``date_posted``, or the day it
was first seen when the source gives no date.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date

from errors import AmscoutError

ROLE_FAMILIES = ("account_management", "sales", "other")
SENIORITIES = ("intern", "entry", "mid", "senior", "manager", "director_plus")
WORK_MODES = ("remote", "hybrid", "onsite", "unspecified")
PERIODS = ("month", "quarter", "year")

DAY_SQL = "coalesce(nullif(substr(p.date_posted, 1, 10), ''), substr(p.first_seen, 1, 10))"
# A structured work mode from the source wins; otherwise what the extractor read in the text.
WORK_MODE_SQL = ("case when p.work_mode in ('remote', 'hybrid', 'onsite') then p.work_mode "
                 "when e.work_mode in ('remote', 'hybrid', 'onsite') then e.work_mode "
                 "else 'unspecified' end")
PERIOD_SQL = {
    "month": "substr(day, 1, 7)",
    "quarter": "substr(day, 1, 4) || '-Q' || ((cast(substr(day, 6, 2) as integer) + 2) / 3)",
    "year": "substr(day, 1, 4)",
}


class FilterError(AmscoutError):
    """A filter value the user can correct."""


def parse_day(value: str | None, *, end: bool = False) -> str | None:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD; a partial date means its first (or, for --until, last) day."""
    if value is None or value == "":
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value.strip())
    if not m:
        raise FilterError(f"bad date {value!r}: use YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if month is None:
            d = date(year, 12, 31) if end else date(year, 1, 1)
        elif day is None:
            mo = int(month)
            if end:
                nxt = date(year + (mo == 12), mo % 12 + 1, 1)
                d = date.fromordinal(nxt.toordinal() - 1)
            else:
                d = date(year, mo, 1)
        else:
            d = date(year, int(month), int(day))
    except ValueError:
        raise FilterError(f"bad date {value!r}: no such day") from None
    return d.isoformat()


def _split(values) -> tuple[str, ...]:
    """Options are repeatable and also take comma-separated lists: --seniority senior,manager."""
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in str(v).split(",") if x.strip())
    return tuple(dict.fromkeys(out))


def _check(name: str, values: tuple[str, ...], allowed: tuple[str, ...]) -> tuple[str, ...]:
    for v in values:
        if v not in allowed:
            raise FilterError(f"unknown {name} {v!r}; choose from {', '.join(allowed)}")
    return values


@dataclass(frozen=True)
class Filters:
    since: str | None = None
    until: str | None = None
    role_family: tuple[str, ...] = ()
    seniority: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    company: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    work_mode: tuple[str, ...] = ()
    by: str = "quarter"
    min_n: int = 30

    @classmethod
    def build(cls, *, since=None, until=None, role_family=(), seniority=(), source=(), company=(),
              country=(), work_mode=(), by="quarter", min_n=30) -> "Filters":
        """Validate raw option values into Filters; any bad value is a one-line FilterError."""
        if by not in PERIODS:
            raise FilterError(f"unknown period {by!r}; choose from {', '.join(PERIODS)}")
        if min_n is None or int(min_n) < 1:
            raise FilterError("--min-n must be at least 1")
        f = cls(
            since=parse_day(since), until=parse_day(until, end=True),
            role_family=_check("role family", _split(role_family), ROLE_FAMILIES),
            seniority=_check("seniority", _split(seniority), SENIORITIES),
            source=_split(source), company=_split(company),
            country=tuple(c.upper() for c in _split(country)),
            work_mode=_check("work mode", _split(work_mode), WORK_MODES),
            by=by, min_n=int(min_n),
        )
        if f.since and f.until and f.since > f.until:
            raise FilterError(f"--since {f.since} is after --until {f.until}")
        return f

    def as_dict(self) -> dict:
        """The filters as plain JSON-able data, for data.json and the manifest."""
        d = asdict(self)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}

    def cli_args(self, periods: bool = True) -> list[str]:
        """The options that reproduce these filters, in a fixed order (for the citation);
        ``periods=False`` for a report with no change over time (no ``--by``)."""
        args: list[str] = []
        if self.since:
            args += ["--since", self.since]
        if self.until:
            args += ["--until", self.until]
        for name in ("role_family", "seniority", "source", "company", "country", "work_mode"):
            for v in getattr(self, name):
                args += [f"--{name.replace('_', '-')}", v]
        args += (["--by", self.by] if periods else []) + ["--min-n", str(self.min_n)]
        return args

    def describe(self) -> str:
        """Human wording of the filters: 'senior; since 2025-01-01' or 'none'."""
        parts = []
        if self.since or self.until:
            parts.append(f"dated {self.since or 'any'} to {self.until or 'any'}")
        for name in ("role_family", "seniority", "source", "company", "country", "work_mode"):
            vals = getattr(self, name)
            if vals:
                parts.append(f"{name.replace('_', ' ')}: {', '.join(vals)}")
        return "; ".join(parts) or "none"

    def slug(self) -> str:
        """A folder-friendly summary of the filters, '' when there are none."""
        bits = [self.since or "", self.until or ""]
        for name in ("role_family", "seniority", "source", "company", "country", "work_mode"):
            bits.extend(getattr(self, name))
        text = "-".join(b for b in bits if b)
        return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]

    def where(self, *, include_extraction: bool = True) -> tuple[str, list]:
        """SQL conditions over ``postings p`` (and ``extractions e``) with their parameters."""
        conds: list[str] = []
        params: list = []
        if self.since:
            conds.append(f"{DAY_SQL} >= ?")
            params.append(self.since)
        if self.until:
            conds.append(f"{DAY_SQL} <= ?")
            params.append(self.until)

        def any_of(expr: str, values) -> None:
            if values:
                conds.append(f"{expr} in ({','.join('?' * len(values))})")
                params.extend(values)

        any_of("p.source", self.source)
        any_of("lower(p.company)", [c.lower() for c in self.company])
        any_of("upper(p.country)", self.country)
        if include_extraction:
            any_of("e.role_family", self.role_family)
            any_of("e.seniority", self.seniority)
            any_of(WORK_MODE_SQL, self.work_mode)
        return (" and ".join(conds) or "1"), params


def select_postings(db, filters: Filters, id_from: str | None = None) -> int:
    """(Re)build the temp table ``sel`` of postings a report uses; returns how many there are.

    Kept: not a duplicate, extracted, matching the filters. Only the columns reports group on
    are copied, so the table stays narrow even for millions of postings.
    """
    conn = db.conn
    conn.execute("drop table if exists temp.sel")
    # Filled first and indexed after: one sorted index build is several times cheaper than
    # keeping a primary key while a million rows arrive in rowid (not id) order.
    conn.execute("""
        create temp table sel (
            id text, chash text, source text, pv text, day text, period text,
            seniority text, work_mode text, degree_required text, degree_preferred text,
            degree_or_equivalent integer, exp_min real, salary_mid real, salary_currency text,
            salary_kind text, company text, title text, dated integer, crawl_run integer
        )""")
    where, params = filters.where()
    if id_from is not None:  # a worker's half of the postings (stats.RequirementCounts)
        where += " and p.id >= ?"
        params.append(id_from)
    period = PERIOD_SQL[filters.by]
    conn.execute(f"""
        insert into sel
        select id, chash, source, pv, day, {period}, seniority, work_mode, degree_required,
               degree_preferred, degree_or_equivalent, exp_min, salary_mid, salary_currency,
               salary_kind, company, title, dated, crawl_run
        from (
            select p.id as id, p.content_hash as chash, p.source as source,
                   e.pipeline_version as pv, {DAY_SQL} as day,
                   coalesce(e.seniority, 'unknown') as seniority, {WORK_MODE_SQL} as work_mode,
                   e.degree_required as degree_required, e.degree_preferred as degree_preferred,
                   coalesce(e.degree_or_equivalent, 0) as degree_or_equivalent,
                   e.experience_min_years as exp_min,
                   case when e.salary_annual_min is not null and e.salary_annual_max is not null
                        then (e.salary_annual_min + e.salary_annual_max) / 2.0
                        else coalesce(e.salary_annual_min, e.salary_annual_max) end as salary_mid,
                   e.salary_currency as salary_currency, e.salary_kind as salary_kind,
                   p.company as company, p.title as title,
                   (p.date_posted is not null and p.date_posted != '') as dated,
                   p.crawl_run as crawl_run
            from postings p join extractions e on e.posting_id = p.id
            where p.duplicate_of is null and {where}
        )""", params)
    # Covering for the two big readers: the requirement join (id -> period, seniority) and the
    # fingerprint (id, content hash in id order); neither then touches the table itself.
    conn.execute("create index temp.sel_id on sel(id, period, seniority, chash)")
    conn.commit()
    return conn.execute("select count(*) from sel").fetchone()[0]
