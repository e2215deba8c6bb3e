"""The trends report: what employers ask of account managers, and how it changes.

``run_trends`` selects the postings (analysis.filters), aggregates them in SQL
(analysis.stats), turns the small result frames into sections of tables and charts, and writes
the folder through analysis.render. Every table's raw rows go to data.csv / data.json.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from analysis import charts, stats
from analysis.common import (DEGREE_LABELS, DEGREE_ORDER, SENIORITY_LABELS, citation_section,
                             command_line, level, method_section, nothing, pretty, prevalence,
                             prevalence_table, report_records, seniority_sorted, taxonomy_version,
                             warn_if_simulated)
from analysis.filters import Filters, select_postings
from analysis.render import Report, Section, num, pct, pct_ci, table, write_report
from errors import AmscoutError

TITLE = "Account-manager job postings: requirements and trends"
# (from, below, data key, label): minimum years asked
EXPERIENCE_BINS = [(0, 1, "under_1", "under 1 yr"), (1, 2, "1", "1 yr"), (2, 3, "2", "2 yrs"),
                   (3, 5, "3_4", "3–4 yrs"), (5, 8, "5_7", "5–7 yrs"), (8, 1e9, "8_plus", "8+ yrs")]
TESTED_SKILLS = 30      # skills tested for change over time (the most mentioned)
SHOWN_CHANGES = 5       # risers and fallers shown
LINE_SKILLS = 6         # skills drawn over time
TOP_VALUES = {"source": 20, "company": 15, "title": 15}  # corpus tables: column -> rows shown


def run_trends(db_path, filters: Filters, *, out_dir=None, top: int = 20, progress=nothing) -> dict:
    """Build and write the trends report; returns the summary (also printed by --json)."""
    import store

    if top < 1:
        raise AmscoutError("--top must be at least 1")
    db = store.open_db(db_path, create=False)
    name = "trends" + (f"-{filters.slug()}" if filters.slug() else "")
    out = Path(out_dir) if out_dir else Path("reports") / name
    report = build_trends(db, filters, top=top, progress=progress,
                          open_worker=lambda: store.open_db(db_path, create=False))
    progress("writing report files and charts")
    written = write_report(report, out)
    summary = dict(report.data["summary"])
    summary.update({"out": written["dir"], "files": written["files"]})
    return summary


def build_trends(db, filters: Filters, *, top: int = 20, progress=nothing, open_worker=None) -> Report:
    """The report's content; ``open_worker`` (a function opening another connection) lets the
    requirement counts run on a second core."""
    progress("selecting postings")
    n = select_postings(db, filters)
    if n == 0:
        raise AmscoutError(f"no extracted postings match the filters ({filters.describe()}); "
                           "run `amscout extract` or widen the filters")
    counting = stats.RequirementCounts(db, ["skill", "certification", "degree_field"], open_worker, filters)
    progress(f"fingerprinting {n:,} postings")
    fp = stats.fingerprint(db, taxonomy_version())
    corpus = stats.corpus_counts(db, filters)
    progress("counting postings by period, seniority, work mode, experience and salary")
    pg = stats.posting_groups(db)
    eg = stats.experience_groups(db)
    sg = stats.salary_groups(db)
    tops = {column: stats.top_values(db, column, limit) for column, limit in TOP_VALUES.items()}
    progress("counting requirements (the long step)")
    rg = counting.result(db)

    command = command_line(["report", "trends", *filters.cli_args(), "--top", str(top)])
    min_n = filters.min_n
    skills = prevalence(rg, "skill", n, min_n, top)
    sections = [
        corpus_section(tops, corpus, n, min_n),
        requirements_section(rg, pg, skills, n, min_n, top),
        change_section(rg, pg, filters),
        experience_section(eg, min_n),
        salary_section(sg, min_n),
        method_section([
            "Salary figures are annualised midpoints of the stated range, in the stated currency; "
            "on-target earnings (OTE) are left out of medians because they include commission.",
            "Risers and fallers compare the first and last period with enough postings; p-values are "
            "two-proportion z-tests, Holm-adjusted for the number of skills tested.",
        ], fp, corpus),
        citation_section(TITLE, date.today().isoformat(), fp, command),
    ]
    summary = {
        "report": "trends", "postings": n, "first_day": corpus["first_day"], "last_day": corpus["last_day"],
        "duplicates_left_out": corpus["duplicates_left_out"], "fingerprint": fp["sha256"],
        "top_skills": [{"skill": r["label"], "share": r["share"]} for r in skills[:5]],
    }
    data, manifest = report_records("trends", TITLE, fp, filters, top, n, command, corpus=corpus, summary=summary)
    subtitle = warn_if_simulated(f"{n:,} postings dated {corpus['first_day']} to {corpus['last_day']}; "
                                 f"filters: {filters.describe()}; fingerprint {fp['sha256'][:16]}", corpus)
    return Report("trends", TITLE, subtitle, sections, data, manifest)


# --------------------------------------------------------------------------- corpus

def corpus_section(tops: dict, corpus: dict, n: int, min_n: int) -> Section:
    facts = [
        ("Postings used", f"{n:,}"),
        ("Date range", f"{corpus['first_day']} to {corpus['last_day']}"),
        ("Duplicates left out", f"{corpus['duplicates_left_out']:,}"),
        ("Postings with a salary", f"{corpus['with_salary']:,}" + (
            f" ({pct(corpus['with_salary'] / n)})" if n >= min_n else "")),
        ("Dated by first sighting", f"{corpus['dated_by_first_seen']:,}"),
        ("Matching but not yet extracted", f"{corpus['not_yet_extracted']:,}"),
    ]
    rows = [{"metric": k, "value": v} for k, v in [
        ("postings", n), ("first_day", corpus["first_day"]), ("last_day", corpus["last_day"]),
        ("duplicates_left_out", corpus["duplicates_left_out"]), ("with_salary", corpus["with_salary"]),
        ("dated_by_first_seen", corpus["dated_by_first_seen"]),
        ("not_yet_extracted", corpus["not_yet_extracted"])]]
    facts_table = table("corpus", "Facts", rows, [("", lambda r: None), ("", lambda r: None)])
    facts_table.header, facts_table.cells = ["Fact", "Value"], [list(f) for f in facts]
    items = [facts_table]
    for column, title in (("source", "Sources"), ("company", "Companies with most postings"),
                          ("title", "Most common titles")):
        df = tops[column]
        trows = [{"value": r.value, "postings": int(r.postings),
                  "share": round(r.postings / n, 4) if n >= min_n else None}
                 for r in df.itertuples(index=False)]
        items.append(table(f"top_{column}s", title, trows, [
            (column.capitalize(), lambda r: r["value"] or "(none)"),
            ("Postings", lambda r: f"{r['postings']:,}"),
            ("Share", lambda r: pct(r["share"]) if r["share"] is not None else "too few")]))
    return Section("corpus", "The corpus", paragraphs=[
        f"{n:,} distinct postings match the filters. Shares below use them as the denominator; "
        f"groups with fewer than {min_n} postings are marked 'too few'."], items=items)


# --------------------------------------------------------------------------- requirements

def requirements_section(rg, pg, skills, n, min_n, top) -> Section:
    items = []
    shown = [r for r in skills if r["share"] is not None]
    if shown:
        items.append(charts.share_bars(
            "top_skills.png", "Top skills: share of postings (95% CI)",
            [r["label"] for r in shown], [r["share"] for r in shown],
            [r["low"] for r in shown], [r["high"] for r in shown]))
    items.append(prevalence_table("top_skills", "Top skills", skills, "Skill"))
    certs = prevalence(rg, "certification", n, min_n, 10)
    items.append(prevalence_table("top_certifications", "Top certifications", certs, "Certification"))
    items.append(degree_table(pg, n, min_n))
    fields = prevalence(rg, "degree_field", n, min_n, 10)
    items.append(prevalence_table("degree_fields", "Fields of study named", fields, "Field"))
    items.append(skills_by_seniority(rg, pg, skills[: min(top, 12)], min_n))
    return Section("requirements", "Skills, certifications and degrees", paragraphs=[
        "Share of postings that mention each item anywhere in the text; 'required' counts postings "
        "where at least one mention is a requirement, 'preferred' those where it is only a plus."],
        items=items)


def degree_table(pg: pd.DataFrame, n: int, min_n: int):
    by_level = pg.groupby("degree_required")["postings"].sum()
    pref = pg[pg["degree_required"] == ""].groupby("degree_preferred")["postings"].sum()
    rows = []
    for degree in [""] + DEGREE_ORDER:
        k = int(by_level.get(degree, 0))
        if degree and not k:
            continue
        label = "No degree required" if not degree else f"{DEGREE_LABELS[degree]} required (minimum)"
        rows.append({"item": degree or "none", "label": label, **stats.share(k, n, min_n)})
    k_any = int(pg.loc[pg["degree_required"] != "", "postings"].sum())
    rows.append({"item": "any", "label": "Any degree required", **stats.share(k_any, n, min_n)})
    k_eq = int(pg.loc[(pg["degree_required"] != "") & (pg["degree_or_equivalent"] == 1), "postings"].sum())
    rows.append({"item": "or_equivalent", "label": "…of which 'or equivalent experience'",
                 **stats.share(k_eq, k_any, min_n)})
    k_pref = int(pref[pref.index != ""].sum())
    rows.append({"item": "preferred_only", "label": "No degree required, but one preferred",
                 **stats.share(k_pref, n, min_n)})
    return table("degree_requirements", "Degree requirements", rows, [
        ("Requirement", "label"), ("Postings", lambda r: f"{r['count']:,}"), ("Share (95% CI)", pct_ci)],
        note="'or equivalent' is a share of postings that require a degree.")


def skills_by_seniority(rg, pg, skills, min_n):
    sen_n = pg.groupby("seniority")["postings"].sum()
    levels = seniority_sorted(sen_n.index)
    sub = rg[rg["kind"] == "skill"].groupby(["canonical", "seniority"])["postings"].sum()
    rows, cells = [], []
    for s in skills:
        line = [s["label"]]
        for lev in levels:
            k = int(sub.get((s["canonical"], lev), 0))
            cell = stats.share(k, int(sen_n[lev]), min_n)
            rows.append({"canonical": s["canonical"], "label": s["label"], "seniority": lev,
                         **{x: cell[x] for x in ("count", "n", "share", "low", "high", "note")}})
            line.append(pct(cell["share"]) if cell["share"] is not None else "too few")
        cells.append(line)
    t = table("skills_by_seniority", "Top skills by seniority (share of postings at that level)", rows, [])
    t.header = ["Skill"] + [f"{level(lev)} (n={int(sen_n[lev]):,})" for lev in levels]
    t.cells = cells
    t.note = f"Levels with fewer than {min_n} postings show 'too few'. Intervals are in data.csv."
    return t


# --------------------------------------------------------------------------- change over time

def change_section(rg, pg, filters: Filters) -> Section:
    min_n = filters.min_n
    per_n = pg.groupby("period")["postings"].sum().sort_index()
    periods = list(per_n.index)
    ok = [p for p in periods if per_n[p] >= min_n]
    skills = rg[rg["kind"] == "skill"]
    per_skill = skills.groupby(["canonical", "period"])["postings"].sum()
    order = (skills.groupby("canonical")["postings"].sum().reset_index()
             .sort_values(["postings", "canonical"], ascending=[False, True]))
    ranked = list(order["canonical"])
    items = []
    paragraphs = [f"Periods: {filters.by}. {len(ok)} of {len(periods)} periods have at least {min_n} postings" + (
        "; the others are left out of charts and shown as 'too few'." if len(ok) < len(periods) else ".")]

    line_skills = ranked[:LINE_SKILLS]
    series_rows = []
    for c in line_skills:
        for p in periods:
            cell = stats.share(int(per_skill.get((c, p), 0)), int(per_n[p]), min_n)
            series_rows.append({"canonical": c, "label": pretty(c), "period": p,
                                **{x: cell[x] for x in ("count", "n", "share", "low", "high", "note")}})
    if len(ok) >= 2 and line_skills:
        series = {pretty(c): [r["share"] for r in series_rows if r["canonical"] == c]
                  for c in line_skills}
        items.append(charts.share_lines("skills_over_time.png", "Top skills over time (share of postings)",
                                        periods, series))
    t = table("skills_over_time", "Top skills by period", series_rows, [])
    t.header = ["Period", "Postings"] + [pretty(c) for c in line_skills]
    t.cells = [[p, f"{int(per_n[p]):,}"] + [
        pct(r["share"]) if r["share"] is not None else "too few"
        for c in line_skills for r in series_rows if r["canonical"] == c and r["period"] == p]
        for p in periods]
    items.append(t)

    tested = ranked[:TESTED_SKILLS]
    if len(ok) >= 2 and tested:
        first, last = ok[0], ok[-1]
        changes = change_rows(per_skill, tested, first, last, int(per_n[first]), int(per_n[last]))
        paragraphs.append(
            f"Risers and fallers compare {first} (n={int(per_n[first]):,}) with {last} "
            f"(n={int(per_n[last]):,}) for the {len(tested)} most mentioned skills; 'significant' "
            "means a Holm-adjusted p-value below 0.05.")
        risers = [r for r in changes if r["change"] > 0][:SHOWN_CHANGES]
        fallers = sorted([r for r in changes if r["change"] < 0],
                         key=lambda r: (r["change"], r["canonical"]))[:SHOWN_CHANGES]
        items.append(change_table("risers", "Largest risers", risers))
        items.append(change_table("fallers", "Largest fallers", fallers))
    else:
        paragraphs.append("Risers and fallers need at least two periods with enough postings; "
                          "try a coarser --by or a lower --min-n.")

    items += mode_and_degree(pg, periods, per_n, min_n, len(ok) >= 2)
    return Section("change", "Change over time", paragraphs=paragraphs, items=items)


def change_rows(per_skill, tested, first, last, n1, n2) -> list[dict]:
    """Share in the first and last period per skill, with z-test and Holm-adjusted p (largest rise first)."""
    rows = []
    for c in tested:
        k1, k2 = int(per_skill.get((c, first), 0)), int(per_skill.get((c, last), 0))
        z, p = stats.two_proportion_test(k1, n1, k2, n2)
        rows.append({"canonical": c, "label": pretty(c), "first_period": first,
                     "last_period": last, "first_count": k1, "first_n": n1, "first_share": round(k1 / n1, 4),
                     "last_count": k2, "last_n": n2, "last_share": round(k2 / n2, 4),
                     "change": round(k2 / n2 - k1 / n1, 4), "z": round(z, 4), "p_value": p})
    adjusted = stats.holm_adjust([r["p_value"] for r in rows])
    for r, adj in zip(rows, adjusted):
        r["p_value"] = float(f"{r['p_value']:.6g}")
        r["p_holm"] = float(f"{adj:.6g}")
        r["significant"] = adj < 0.05
        r["tests"] = len(rows)
    return sorted(rows, key=lambda r: (-r["change"], r["canonical"]))


def change_table(name, title, rows):
    return table(name, title, rows, [
        ("Skill", "label"), ("First", lambda r: f"{pct(r['first_share'])} ({r['first_period']})"),
        ("Last", lambda r: f"{pct(r['last_share'])} ({r['last_period']})"),
        ("Change", lambda r: f"{r['change'] * 100:+.1f} pts"),
        ("p (Holm)", lambda r: _p(r["p_holm"])), ("Significant", lambda r: "yes" if r["significant"] else "no")])


def _p(p: float) -> str:
    return "<0.001" if p < 0.001 else f"{p:.3f}"


def mode_and_degree(pg, periods, per_n, min_n, draw: bool) -> list:
    deg = pg[pg["degree_required"] != ""].groupby("period")["postings"].sum()
    remote = pg[pg["work_mode"] == "remote"].groupby("period")["postings"].sum()
    hybrid = pg[pg["work_mode"] == "hybrid"].groupby("period")["postings"].sum()
    rows = []
    for p in periods:
        n = int(per_n[p])
        row = {"period": p, "n": n}
        for key, counts in (("degree_required", deg), ("remote", remote), ("hybrid", hybrid)):
            cell = stats.share(int(counts.get(p, 0)), n, min_n)
            row.update({f"{key}_count": cell["count"], f"{key}_share": cell["share"],
                        f"{key}_low": cell["low"], f"{key}_high": cell["high"]})
        rows.append(row)

    def show(key):
        return lambda r: (f"{pct(r[key + '_share'])} ({r[key + '_low'] * 100:.1f}–{r[key + '_high'] * 100:.1f})"
                          if r[key + "_share"] is not None else "too few")
    items = []
    if draw:
        items.append(charts.share_lines(
            "degree_and_work_mode.png", "Degree requirement and remote / hybrid work over time", periods,
            {"degree required": [r["degree_required_share"] for r in rows],
             "remote": [r["remote_share"] for r in rows], "hybrid": [r["hybrid_share"] for r in rows]}))
    items.append(table("degree_and_work_mode", "Degree requirement and work mode by period", rows, [
        ("Period", "period"), ("Postings", lambda r: f"{r['n']:,}"), ("Degree required", show("degree_required")),
        ("Remote", show("remote")), ("Hybrid", show("hybrid"))],
        note="Work mode as the source states it, else as read from the text; postings that say "
             "neither count as neither remote nor hybrid."))
    return items


# --------------------------------------------------------------------------- experience

def _bin(years: float) -> str:
    for lo, hi, key, _ in EXPERIENCE_BINS:
        if lo <= years < hi:
            return key
    return EXPERIENCE_BINS[-1][2]


def experience_section(eg: pd.DataFrame, min_n: int) -> Section:
    rows, groups, matrix = [], [], []
    bins = [b[2] for b in EXPERIENCE_BINS]
    for lev in ["all"] + seniority_sorted(eg["seniority"].unique()):
        sub = eg if lev == "all" else eg[eg["seniority"] == lev]
        total = int(sub["postings"].sum())
        stated = sub[sub["exp_min"].notna()]
        k = int(stated["postings"].sum())
        row = {"seniority": lev, "postings": total, "stated": k,
               "stated_share": round(k / total, 4) if total >= min_n else None}
        if k >= min_n:
            q1, med, q3 = stats.weighted_quantiles(stated["exp_min"], stated["postings"], [0.25, 0.5, 0.75])
            row.update({"median": round(med, 2), "q1": round(q1, 2), "q3": round(q3, 2), "note": ""})
            counts = stated.assign(bin=stated["exp_min"].map(_bin)).groupby("bin")["postings"].sum()
            shares = [round(int(counts.get(b, 0)) / k, 4) for b in bins]
            groups.append(lev)
            matrix.append(shares)
        else:
            row.update({"median": None, "q1": None, "q3": None, "note": f"too few (n={k})"})
            shares = [None] * len(bins)
        row.update({f"share_{b}": s for b, s in zip(bins, shares)})
        rows.append(row)
    items = []
    if groups:
        items.append(charts.stacked_shares("experience_by_seniority.png",
                                           "Minimum years of experience asked, by seniority",
                                           [level(g) for g in groups], [b[3] for b in EXPERIENCE_BINS], matrix))
    items.append(table("experience_by_seniority", "Minimum years of experience by seniority", rows, [
        ("Seniority", lambda r: level(r["seniority"])), ("Postings", lambda r: f"{r['postings']:,}"),
        ("States years", lambda r: pct(r["stated_share"]) if r["stated_share"] is not None else "too few"),
        ("Median", lambda r: num(r["median"], 1) if r["median"] is not None else r["note"]),
        ("IQR", lambda r: f"{num(r['q1'], 1)}–{num(r['q3'], 1)}" if r["median"] is not None else "—"),
        *[(b[3], (lambda key: lambda r: pct(r[f"share_{key}"]))(b[2])) for b in EXPERIENCE_BINS]],
        note="Medians and bins cover postings that state a minimum; the share of postings stating one is beside them."))
    return Section("experience", "Experience", paragraphs=[
        "Minimum years of experience the postings ask for, by seniority."], items=items)


# --------------------------------------------------------------------------- salary

def salary_section(sg: pd.DataFrame, min_n: int) -> Section:
    base = sg[sg["kind"] != "ote"]
    ote = int(sg.loc[sg["kind"] == "ote", "postings"].sum())
    if base.empty:
        return Section("salary", "Salary", paragraphs=[
            "No posting in this selection states a base salary." +
            (f" {ote:,} state on-target earnings only." if ote else "")])
    by_cur = base.groupby("currency")["postings"].sum().sort_values(ascending=False)
    items = []
    for dim, title in (("seniority", "by seniority"), ("work_mode", "by work mode")):
        rows = []
        for cur in by_cur.index:
            sub = base[base["currency"] == cur]
            groups = ["all"] + (seniority_sorted(sub[dim].unique()) if dim == "seniority"
                                else sorted(sub[dim].unique()))
            for g in groups:
                part = sub if g == "all" else sub[sub[dim] == g]
                rows.append(_salary_row(cur, dim, g, part, min_n))
        items.append(table(f"salary_by_{dim}", f"Annual salary {title}", rows, [
            ("Currency", "currency"),
            (dim.replace("_", " ").capitalize(), lambda r: level(r["group"]) if r["group"] in SENIORITY_LABELS
             else r["group"]),
            ("Postings", lambda r: f"{r['n']:,}"),
            ("Median", lambda r: num(r["median"]) if r["median"] is not None else r["note"]),
            ("Interquartile range", lambda r: f"{num(r['q1'])}–{num(r['q3'])}" if r["median"] is not None else "—")]))
        if dim == "seniority":
            main = [r for r in rows if r["currency"] == by_cur.index[0] and r["median"] is not None]
            if main:
                items.insert(0, charts.ranges("salary_by_seniority.png",
                                              f"Annual salary by seniority ({by_cur.index[0]}): median and IQR",
                                              [level(r["group"]) for r in main], [r["median"] for r in main],
                                              [r["q1"] for r in main], [r["q3"] for r in main],
                                              f"{by_cur.index[0]} per year"))
    return Section("salary", "Salary", paragraphs=[
        "Annualised midpoint of the stated range (a single figure counts as itself), base or unspecified "
        f"pay; {ote:,} postings stating only on-target earnings are left out. Currencies are never mixed."],
        items=items)


def _salary_row(cur, dim, group, part, min_n) -> dict:
    k = int(part["postings"].sum())
    row = {"currency": cur, "dimension": dim, "group": group, "n": k}
    if k >= min_n:
        q1, med, q3 = stats.weighted_quantiles(part["value"], part["postings"], [0.25, 0.5, 0.75])
        row.update({"median": round(med, 2), "q1": round(q1, 2), "q3": round(q3, 2), "note": ""})
    else:
        row.update({"median": None, "q1": None, "q3": None, "note": f"too few (n={k})"})
    return row
