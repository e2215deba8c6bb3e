"""What every report shares: versions, the dataset fingerprint, prevalence tables, method text.

trends.py and gap.py both select postings with the same filters, compute requirement shares the
same way and cite themselves the same way; that common ground lives here so that the two reports
can never disagree about a number.
"""
from __future__ import annotations

import json
import shlex
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from analysis import stats
from analysis.filters import SENIORITIES
from analysis.render import Section, pct_ci, table

PROJECT_DIR = Path(__file__).resolve().parents[1]
EVAL_SUMMARY = PROJECT_DIR / "data" / "eval_summary.json"
SENIORITY_ORDER = list(SENIORITIES) + ["unknown"]
SENIORITY_LABELS = {"intern": "Intern", "entry": "Entry level", "mid": "Mid level", "senior": "Senior",
                    "manager": "Manager", "director_plus": "Director and above", "unknown": "Not stated",
                    "all": "All"}
DEGREE_ORDER = ["high_school", "associate", "bachelor", "master", "professional", "doctorate"]
DEGREE_LABELS = {"high_school": "High school", "associate": "Associate", "bachelor": "Bachelor's",
                 "master": "Master's", "professional": "Professional (JD, MD...)", "doctorate": "Doctorate"}


HEADLINE_METRICS = ("role_family.accuracy", "seniority.accuracy", "degree_required.accuracy",
                    "degree_preferred.accuracy", "experience_min_years.accuracy", "salary.accuracy",
                    "work_mode.accuracy", "certifications.f1", "degree_fields.f1", "skills.f1",
                    "skills.canonical_bcubed_f1")


def amscout_version() -> str:
    try:
        return version("amscout")
    except PackageNotFoundError:
        return "0.0.0+local"


def taxonomy_version() -> str:
    """The skill taxonomy's version, or 'unknown' while the taxonomy module is absent."""
    try:
        from analysis.taxonomy import TAXONOMY_VERSION
    except ImportError:
        return "unknown"
    return str(TAXONOMY_VERSION)


def command_line(words: list[str]) -> str:
    return "amscout " + shlex.join(words)


def nothing(_message: str) -> None:
    """Default progress callback: silent."""


def pretty(canonical) -> str:
    """Display form of a canonical name: taxonomy names are readable; only a lower-case start is raised."""
    text = str(canonical).replace("_", " ").strip()
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def prevalence(rg: pd.DataFrame, kind: str, n: int, min_n: int, limit: int | None,
               names: dict[str, str] | None = None) -> list[dict]:
    """Rows of the most mentioned requirements of a kind, with share, interval, required/preferred.

    ``rg`` is ``stats.requirement_groups`` output; groups are summed over periods and seniorities
    (each posting is in exactly one group, so sums are exact posting counts).
    """
    sub = rg[rg["kind"] == kind]
    if sub.empty:
        return []
    tot = sub.groupby("canonical", as_index=False)[["postings", "required", "preferred"]].sum()
    tot = tot.sort_values(["postings", "canonical"], ascending=[False, True])
    if limit:
        tot = tot.head(limit)
    rows = []
    for rank, r in enumerate(tot.itertuples(index=False), start=1):
        cell = stats.share(int(r.postings), n, min_n)
        req = stats.share(int(r.required), n, min_n)
        pref = stats.share(int(r.preferred), n, min_n)
        rows.append({
            "rank": rank, "kind": kind, "canonical": r.canonical,
            "label": (names or {}).get(r.canonical) or pretty(r.canonical),
            **{k: cell[k] for k in ("count", "n", "share", "low", "high", "note")},
            "required_count": req["count"], "required_share": req["share"],
            "preferred_count": pref["count"], "preferred_share": pref["share"],
        })
    return rows


def prevalence_table(name: str, title: str, rows: list[dict], what: str, note: str = ""):
    return table(name, title, rows, [
        (what, "label"), ("Postings", lambda r: f"{r['count']:,}"),
        ("Share (95% CI)", pct_ci),
        ("Required", lambda r: _pct_or_dash(r["required_share"])),
        ("Preferred", lambda r: _pct_or_dash(r["preferred_share"])),
    ], note)


def _pct_or_dash(v) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


def eval_summary() -> dict | None:
    """The extractor's measured accuracy, if the evaluation wrote data/eval_summary.json."""
    try:
        data = json.loads(EVAL_SUMMARY.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def accuracy_sentences() -> list[str]:
    """Honest wording of the extractor's accuracy: the measured figures, or 'not measured'."""
    data = eval_summary()
    if not data:
        return ["Extractor accuracy: not measured for this installation (no data/eval_summary.json; "
                "run `make eval` to score the extractor on the labelled postings)."]
    parts = []
    overall = data.get("overall")
    if isinstance(overall, (int, float)):
        parts.append(f"overall score {overall:.3f}")
    # Either {"fields": {...}} or the flat output of ../shared/eval/score.py --json
    # ("skills.f1": 0.61, "seniority.accuracy": 0.8, ..., "overall": ..., "postings": N).
    fields = data.get("fields") or data.get("metrics") or {
        k: v for k, v in data.items() if k in HEADLINE_METRICS}
    if isinstance(fields, dict):
        for key, value in sorted(fields.items()):
            if isinstance(value, (int, float)):
                parts.append(f"{key} {value:.3f}")
            elif isinstance(value, dict):
                best = next((value[k] for k in ("f1", "accuracy", "score")
                             if isinstance(value.get(k), (int, float))), None)
                if best is not None:
                    parts.append(f"{key} {best:.3f}")
    where = data.get("dataset") or data.get("gold") or (
        f"{data['postings']} labelled evaluation postings" if isinstance(data.get("postings"), int)
        else "the labelled evaluation postings")
    when = data.get("date") or data.get("created")
    text = f"Extractor accuracy measured on {where}"
    if data.get("pipeline_version"):
        text += f" (pipeline {data['pipeline_version']})"
    if when:
        text += f", {when}"
    return [text + ": " + (", ".join(parts[:14]) or "see data/eval_summary.json") + "."]


def simulated_warning(corpus: dict) -> str:
    """'' for real data; else a warning that the numbers describe generated postings."""
    k = corpus.get("simulated") or 0
    if not k:
        return ""
    return (f"SIMULATED DATA: {k:,} of {corpus['postings']:,} postings come from simulated or local "
            "job boards (amscout demo or tests); do not cite these numbers as facts about the job market.")


def report_records(kind: str, title: str, fp: dict, filters, top: int, n: int, command: str,
                   **extra) -> tuple[dict, dict]:
    """``data.json``'s envelope and ``manifest.json`` of a report, the same for every kind.

    ``data`` holds nothing that changes from run to run (no date), so the same data and command
    give byte-identical files; the date lives in the manifest only."""
    versions = {"pipeline_versions": fp["pipeline_versions"], "taxonomy_version": fp["taxonomy_version"]}
    data = {"report": kind, "title": title, "fingerprint": fp["sha256"], **versions,
            "filters": filters.as_dict(), "top": top, "n": n, **extra}
    manifest = {"report": kind, "command": command, "amscout_version": amscout_version(), **versions,
                "filters": filters.as_dict(), "n": n, "fingerprint": fp["sha256"]}
    return data, manifest


def warn_if_simulated(subtitle: str, corpus: dict) -> str:
    """The subtitle, led by the simulated-data warning when the postings are generated."""
    warning = simulated_warning(corpus)
    return f"{warning} {subtitle}" if warning else subtitle


def method_section(extra_caveats: list[str], fp: dict, corpus: dict) -> Section:
    versions = ", ".join(v or "unversioned" for v in fp["pipeline_versions"]) or "none"
    bullets = [
        *([simulated_warning(corpus)] if corpus.get("simulated") else []),
        "Collection: postings come from public job-board APIs (Greenhouse, Lever, Ashby, "
        "SmartRecruiters, Workable, Recruitee), schema.org JobPosting pages and imported files, "
        "crawled politely (robots.txt obeyed, rate-limited). They are the boards amscout was pointed "
        "at, not a random sample of all jobs.",
        "Deduplication: the same job seen on several boards (same company, title and city after "
        f"normalisation) is counted once; {corpus['duplicates_left_out']:,} duplicates were left out.",
        f"Reading: a rule-based spaCy pipeline (version {versions}, taxonomy {fp['taxonomy_version']}) "
        "finds skills, certifications, degree, years of experience, salary, seniority and work mode in "
        "each posting's text; a skill counts once per posting however often it is mentioned.",
        *accuracy_sentences(),
        "Shares are postings mentioning an item divided by postings in the group, with Wilson 95% "
        "intervals; groups with fewer postings than the minimum n are shown as 'too few', never as a share.",
        "Dates: the posting date the source gives, or the day amscout first saw the posting "
        f"({corpus['dated_by_first_seen']:,} postings) when it gives none.",
        *extra_caveats,
    ]
    if len(fp["pipeline_versions"]) > 1:
        bullets.append("Caveat: these postings were read by more than one pipeline version; "
                       "run `amscout extract --reprocess` for uniform results.")
    if corpus.get("not_yet_extracted"):
        bullets.append(f"{corpus['not_yet_extracted']:,} matching postings are not yet extracted and "
                       "are not included (run `amscout extract`).")
    return Section("method", "Method and caveats", bullets=bullets)


def citation_section(title: str, day: str, fp: dict, command: str) -> Section:
    versions = ", ".join(v or "unversioned" for v in fp["pipeline_versions"]) or "none"
    text = (f"{title}. Generated {day} with amscout {amscout_version()} (pipeline {versions}, "
            f"taxonomy {fp['taxonomy_version']}). Dataset fingerprint sha256:{fp['sha256']}. "
            f"Command: {command}")
    return Section("citation", "How to cite", paragraphs=[
        "Paste this citation; the fingerprint identifies exactly which postings and extractor "
        "versions produced these numbers, and the command reproduces them."], code=text)


def level(name: str) -> str:
    """Display name of a seniority id."""
    return SENIORITY_LABELS.get(name, name)


def seniority_sorted(values) -> list[str]:
    order = {s: i for i, s in enumerate(SENIORITY_ORDER)}
    return sorted(values, key=lambda s: (order.get(s, 99), s))
