"""The skill-gap report: a resume against what matching postings ask for.

The resume is read in memory (analysis.resume) with the same pipeline that reads postings; the
postings are selected with the same filters and counted with the same SQL as the trends report
(analysis.filters, analysis.stats). Only the report folder is written; nothing of the resume
goes to the database.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from analysis import charts, stats
from analysis.common import (DEGREE_LABELS, citation_section, command_line, method_section, nothing,
                             prevalence, prevalence_table, pretty, report_records, taxonomy_version,
                             warn_if_simulated)
from analysis.filters import Filters, select_postings
from analysis.render import Report, Section, pct_ci, table, write_report
from analysis.resume import DEGREE_RANK, phrase_finder, profile_of_text, read_text
from errors import AmscoutError

TITLE = "Skill gap: your resume against account-manager postings"
GAP_CHART_SKILLS = 20


def run_gap(db_path, resume_path, filters: Filters, *, out_dir=None, top: int = 20, degree: str | None = None,
            years: float | None = None, progress=nothing) -> dict:
    """Read the resume, build the gap report, write the folder; returns the summary."""
    import store

    if top < 1:
        raise AmscoutError("--top must be at least 1")
    db = store.open_db(db_path, create=False)
    progress("reading the resume (in memory)")
    text = read_text(resume_path)
    profile = profile_of_text(text)
    if degree is not None:
        profile["degree"] = None if degree == "none" else degree
        profile["degree_source"] = "--degree"
    if years is not None:
        profile["years"] = float(years)
        profile["years_source"] = "--years"
    name = "gap" + (f"-{filters.slug()}" if filters.slug() else "")
    out = Path(out_dir) if out_dir else Path("reports") / name
    report = build_gap(db, profile, filters, top=top, resume_name=Path(resume_path).name,
                       overrides=_override_args(degree, years), progress=progress,
                       open_worker=lambda: store.open_db(db_path, create=False), says=phrase_finder(text))
    progress("writing report files and charts")
    written = write_report(report, out)
    summary = dict(report.data["summary"])
    summary.update({"out": written["dir"], "files": written["files"]})
    return summary


def _override_args(degree, years) -> list[str]:
    args = []
    if degree is not None:
        args += ["--degree", degree]
    if years is not None:
        args += ["--years", f"{years:g}"]
    return args


def build_gap(db, profile: dict, filters: Filters, *, top: int = 20, resume_name: str = "RESUME",
              overrides: list[str] = (), progress=nothing, open_worker=None, says=None) -> Report:
    """The gap report. ``says(phrase)``: does the resume use these words (see
    ``resume.phrase_finder``)? Skills postings ask for in words the resume uses count as held."""
    progress("selecting postings")
    n = select_postings(db, filters)
    if n == 0:
        raise AmscoutError(f"no extracted postings match the filters ({filters.describe()}); "
                           "run `amscout extract` or widen the filters")
    counting = stats.RequirementCounts(db, ["skill", "certification"], open_worker, filters)
    fp = stats.fingerprint(db, taxonomy_version())
    corpus = stats.corpus_counts(db, filters)
    progress(f"counting requirements in {n:,} postings")
    rg = counting.result(db)
    min_n = filters.min_n
    all_skills = prevalence(rg, "skill", n, min_n, None)
    all_certs = prevalence(rg, "certification", n, min_n, None)

    held_skills = {k.lower() for k in profile["skills"]}
    if says is not None:
        said = {str(r["canonical"]) for r in all_skills if str(r["canonical"]).lower() not in held_skills
                and says(r["canonical"])}
        profile["skills"] = dict(sorted({**profile["skills"], **{k: k for k in said}}.items()))
        held_skills |= {k.lower() for k in said}
    held_certs = {k.lower() for k in profile["certifications"]}
    have = _have_rows(all_skills, profile["skills"], "skill", n, min_n)
    missing = [r for r in all_skills if str(r["canonical"]).lower() not in held_skills][:top]
    certs_have = _have_rows(all_certs, profile["certifications"], "certification", n, min_n)
    certs_missing = [r for r in all_certs if str(r["canonical"]).lower() not in held_certs][:10]
    fit = fit_rows(db, profile, n, min_n)

    command = command_line(["gap", resume_name, *filters.cli_args(periods=False), "--top", str(top), *overrides])
    sections = [
        profile_section(profile),
        skills_section(all_skills, have, missing, profile, min_n),
        certs_section(certs_have, certs_missing),
        fit_section(fit, profile),
        method_section([
            "The resume is read in memory by the same pipeline as the postings; every skill and "
            "certification found anywhere in it counts as one you have. Its degree is the highest "
            "level named; its years are the larger of the years it states and the years its date "
            "ranges cover (overlaps counted once). Nothing of the resume is stored in the database.",
            "A skill postings ask for in words the taxonomy does not know counts as had when the "
            "resume uses the same words; one the resume phrases differently can show as missing: "
            "read the missing list as suggestions to check, not a verdict.",
        ], fp, corpus),
        citation_section(TITLE, date.today().isoformat(), fp, command),
    ]
    summary = {"report": "gap", "postings": n, "fingerprint": fp["sha256"],
               "skills_have": sum(1 for r in have if r["count"]), "skills_missing": len(missing),
               "top_missing": [{"skill": r["label"], "share": r["share"]} for r in missing[:5]],
               "meets_degree_share": fit["degree"]["share"], "meets_experience_share": fit["experience"]["share"],
               "meets_both_share": fit["both"]["share"]}
    data, manifest = report_records("gap", TITLE, fp, filters, top, n, command, profile=dict(profile),
                                    summary=summary)
    subtitle = warn_if_simulated(f"{resume_name} against {n:,} postings dated {corpus['first_day']} to "
                                 f"{corpus['last_day']}; filters: {filters.describe()}", corpus)
    return Report("gap", TITLE, subtitle, sections, data, manifest)


def _have_rows(demand: list[dict], held: dict, kind: str, n: int, min_n: int) -> list[dict]:
    """Demand for each item the resume has, including items no posting asks for (0 postings).

    Names are compared without case: 'Negotiation' in one place is 'negotiation' in another."""
    by_key = {str(r["canonical"]).lower(): r for r in demand}
    rows = []
    for key in held:
        if key.lower() in by_key:
            rows.append(dict(by_key[key.lower()]))
        else:
            cell = stats.share(0, n, min_n)
            rows.append({"rank": None, "kind": kind, "canonical": key, "label": pretty(key),
                         **{k: cell[k] for k in ("count", "n", "share", "low", "high", "note")},
                         "required_count": 0, "required_share": cell["share"],
                         "preferred_count": 0, "preferred_share": cell["share"]})
    return sorted(rows, key=lambda r: (-r["count"], r["canonical"]))


def fit_rows(db, profile: dict, n: int, min_n: int) -> dict:
    """Shares of postings whose degree / experience requirement the profile meets."""
    df = stats.frame(db, """
        select coalesce(degree_required, '') as degree, degree_or_equivalent as eq, exp_min, count(*) as postings
        from sel group by 1, 2, 3""")
    rank = DEGREE_RANK.get(profile.get("degree") or "", 0)
    years = profile.get("years")
    k_deg = k_deg_eq = k_exp = k_both = 0
    for r in df.itertuples(index=False):
        need = DEGREE_RANK.get(r.degree, 0) if r.degree else 0
        deg_ok = rank >= need
        deg_eq = not deg_ok and bool(r.eq)
        exp_ok = r.exp_min is None or r.exp_min != r.exp_min or (years is not None and years >= r.exp_min)
        k_deg += r.postings * deg_ok
        k_deg_eq += r.postings * deg_eq
        k_exp += r.postings * exp_ok
        k_both += r.postings * ((deg_ok or deg_eq) and exp_ok)
    return {"degree": stats.share(int(k_deg), n, min_n),
            "degree_equivalent": stats.share(int(k_deg_eq), n, min_n),
            "experience": stats.share(int(k_exp), n, min_n),
            "both": stats.share(int(k_both), n, min_n)}


# --------------------------------------------------------------------------- sections

def profile_section(profile: dict) -> Section:
    degree = DEGREE_LABELS.get(profile.get("degree") or "", "none found")
    years = profile.get("years")
    bullets = [
        f"Skills recognised: {len(profile['skills'])} ({', '.join(profile['skills']) or 'none'}).",
        f"Certifications recognised: {', '.join(profile['certifications']) or 'none'}.",
        f"Highest degree: {degree}" + (" (from --degree)." if profile.get("degree_source") else "."),
        ("Years of experience: " + (f"{years:g}" if years is not None else "not found") +
         (" (from --years)." if profile.get("years_source") else
          f" (stated: {_or_none(profile.get('years_stated'))}; from date ranges: "
          f"{_or_none(profile.get('years_from_dates'))})."))]
    return Section("profile", "What was read from your resume", paragraphs=[
        "If something is wrong, correct it with --degree and --years; unrecognised skills are "
        "usually phrased in a way the taxonomy does not know yet."], bullets=bullets)


def _or_none(v) -> str:
    return "none" if v is None else f"{v:g}"


def skills_section(all_skills, have, missing, profile, min_n) -> Section:
    items = []
    shown = [r for r in all_skills[:GAP_CHART_SKILLS] if r["share"] is not None]
    if shown:
        items.append(charts.share_bars(
            "skills_demand.png", "Most requested skills: blue = on your resume, orange = missing",
            [r["label"] for r in shown], [r["share"] for r in shown], [r["low"] for r in shown],
            [r["high"] for r in shown],
            colors=[charts.PALETTE[0] if str(r["canonical"]).lower() in {k.lower() for k in profile["skills"]}
                    else charts.PALETTE[1] for r in shown]))
    asked = [r for r in have if r["count"]]
    unasked = [r for r in have if not r["count"]]
    items.append(prevalence_table("skills_have", "Skills you have, by demand", asked, "Skill"))
    if unasked:
        items.append(table("skills_not_asked", "Skills on your resume that no matching posting asks for",
                           [{"canonical": r["canonical"], "label": r["label"], "count": 0} for r in unasked],
                           [("Skill", "label")]))
    items.append(prevalence_table("skills_missing", "Skills you are missing, ranked by demand", missing, "Skill",
                                  note=f"Shares need at least {min_n} postings; widen the filters "
                                       "if they show 'too few'."))
    return Section("skills", "Skills", paragraphs=[
        "Share of matching postings that ask for each skill, with 95% intervals."], items=items)


def certs_section(have, missing) -> Section:
    return Section("certifications", "Certifications", paragraphs=[
        "Certifications worth getting are those most often asked for that your resume does not show."],
        items=[prevalence_table("certifications_missing", "Certifications worth getting", missing, "Certification"),
               prevalence_table("certifications_have", "Certifications you have, by demand", have, "Certification")])


def fit_section(fit: dict, profile: dict) -> Section:
    rows = [
        {"measure": "degree", "label": "Degree requirement met", **fit["degree"]},
        {"measure": "degree_equivalent", "label": "…not met, but the posting accepts equivalent experience",
         **fit["degree_equivalent"]},
        {"measure": "experience", "label": "Minimum years met (or none stated)", **fit["experience"]},
        {"measure": "both", "label": "Both (counting 'or equivalent')", **fit["both"]},
    ]
    paragraphs = ["Share of matching postings whose stated requirements you meet."]
    if profile.get("years") is None:
        paragraphs.append("Your years of experience were not found, so only postings that state no minimum "
                          "count as met; pass --years N for a real answer.")
    return Section("fit", "Degree and experience", paragraphs=paragraphs, items=[
        table("fit", "Requirements you meet", rows, [
            ("Requirement", "label"), ("Postings", lambda r: f"{r['count']:,}"), ("Share (95% CI)", pct_ci)])])

