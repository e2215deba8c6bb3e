"""`amscout gap RESUME`: reading resumes, the profile, and the report against stored postings."""
import json
from datetime import date

import pytest
from click.testing import CliRunner

import store
from analysis.resume import ResumeError, profile_from_record, read_text, years_from_dates
from cli import main
from report_fixtures import add, spec

MARKER = "Zebrafish-7781 Quillworth"  # a string only the resume contains
RESUME = f"""{MARKER}
Account Manager

Account manager known for negotiation with enterprise buyers and daily work in Salesforce.

Experience
Account Manager, Example Corp, Jan 2019 - Dec 2023

Education
Bachelor of Arts in Economics, 2014
"""


# --------------------------------------------------------------------------- reading files

def test_reads_txt_md_docx_and_pdf(tmp_path):
    (tmp_path / "cv.txt").write_text(RESUME, encoding="utf-8")
    (tmp_path / "cv.md").write_text("# Me\n\n" + RESUME, encoding="utf-8")
    import docx
    document = docx.Document()
    for line in RESUME.splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "cv.docx")
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    fig = Figure(figsize=(8.5, 11))
    for i, line in enumerate(RESUME.splitlines()):
        fig.text(0.08, 0.95 - i * 0.03, line, fontsize=10)
    fig.savefig(tmp_path / "cv.pdf")
    for name in ("cv.txt", "cv.md", "cv.docx", "cv.pdf"):
        text = read_text(tmp_path / name)
        assert MARKER in text and "Salesforce" in text and "Jan 2019 - Dec 2023" in text, name


@pytest.mark.parametrize("name, content, message", [
    ("cv.odt", b"x", "use a .txt, .md, .pdf or .docx file"),
    ("cv.pdf", b"%PDF-1.4 this is not really a pdf", "cannot read cv.pdf"),
    ("cv.docx", b"PK not a zip", "cannot read cv.docx"),
    ("cv.txt", b"   \n ", "no text found in cv.txt"),
])
def test_unreadable_resumes_are_one_line_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ResumeError) as err:
        read_text(path)
    assert message in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(ResumeError, match="resume not found"):
        read_text(tmp_path / "missing.txt")


def test_years_from_date_ranges_merge_overlaps():
    today = date(2026, 6, 15)
    assert years_from_dates("Acme, Jan 2019 - Dec 2023", today) == 5.0
    # 2015-2017 (3 years, whole years) + Mar 2017 - present overlapping: 2015-01 .. 2026-06 = 11.5
    assert years_from_dates("Beta 2015 – 2017\nGamma March 2017 to Present", today) == 11.5
    assert years_from_dates("06/2020 - 05/2021", today) == 1.0
    assert years_from_dates("Graduated 2014. Born 1990.", today) is None
    assert years_from_dates("2030 - 2032", today) is None  # future ranges are typos, not experience
    # study is not experience: ranges under an education heading or naming a school are skipped
    resume = "Experience\nAcme, Jan 2019 - Dec 2023\nEducation\nState University 2011 - 2015\n2009 - 2011\n" \
             "Volunteering\nFood bank 2024 - 2025"
    assert years_from_dates(resume, today) == 7.0
    assert years_from_dates("MBA, Example College, 2016 - 2018", today) is None


def test_profile_takes_everything_in_the_resume():
    record = {"skills": [{"canonical": "negotiation", "text": "negotiating", "required": None},
                         {"canonical": "Salesforce", "text": "SFDC", "required": True},
                         {"canonical": "negotiation", "text": "negotiation", "required": False}],
              "certifications": [{"name": "PMP", "text": "PMP"}],
              "degree_required": None, "degree_preferred": "master", "degree_fields": ["economics"],
              "experience_min_years": 7}
    p = profile_from_record(record, "Acme 2020 - 2021", today=date(2026, 1, 1))
    assert list(p["skills"]) == ["Salesforce", "negotiation"]
    assert list(p["certifications"]) == ["PMP"]
    assert p["degree"] == "master" and p["years_stated"] == 7 and p["years_from_dates"] == 2.0
    assert p["years"] == 7


# --------------------------------------------------------------------------- the report

@pytest.fixture
def gap_db(db_path):
    """40 postings, with taxonomy canonical names the pipeline produces.

    i < 30: negotiation; i < 20: Salesforce; 10 <= i < 35: sales forecasting; i < 12: CSAM; i < 5: PMP.
    degree: bachelor for i < 20, master for 20 <= i < 30, none for i >= 30.
    experience: 3 years for even i, 10 years for odd i.
    """
    db = store.open_db(db_path)
    specs = []
    for i in range(40):
        skills = {}
        if i < 30:
            skills["negotiation"] = 1
        if i < 20:
            skills["Salesforce"] = 0
        if 10 <= i < 35:
            skills["sales forecasting"] = 1
        if i >= 34:
            skills["channel partner enablement"] = 1  # a free phrase, no taxonomy concept
        certs = {}
        if i < 12:
            certs["CSAM"] = 1
        if i < 5:
            certs["PMP"] = 0
        degree = "bachelor" if i < 20 else "master" if i < 30 else None
        specs.append(spec(i, "2025-03-01", skills=skills, certs=certs, degree=degree,
                          exp=3.0 if i % 2 == 0 else 10.0, seniority="senior"))
    add(db, specs)
    counts = (db["postings"].count, db["extractions"].count, db["requirements"].count)
    db.conn.close()
    return db_path, counts


def test_gap_report_against_postings(gap_db, tmp_path):
    db_path, counts = gap_db
    resume = tmp_path / "cv.txt"
    resume.write_text(RESUME, encoding="utf-8")
    out = tmp_path / "gap"
    result = CliRunner().invoke(main, ["gap", str(resume), "--out", str(out), "--min-n", "10",
                                       "--seniority", "senior", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["postings"] == 40
    assert {"report.md", "report.html", "data.json", "data.csv", "manifest.json", "skills_demand.png"} <= \
        {p.name for p in out.iterdir()}
    data = json.loads((out / "data.json").read_text())
    profile = data["profile"]
    assert {"negotiation", "Salesforce"} <= set(profile["skills"])
    assert profile["degree"] == "bachelor" and profile["years_from_dates"] == 5.0
    have = {r["canonical"]: r for r in data["tables"]["skills_have"]["rows"]}
    assert (have["negotiation"]["count"], have["negotiation"]["share"]) == (30, 0.75)
    assert (have["Salesforce"]["count"], have["Salesforce"]["share"]) == (20, 0.5)
    missing = data["tables"]["skills_missing"]["rows"]
    assert missing[0]["canonical"] == "sales forecasting" and missing[0]["share"] == 0.625
    assert "channel partner enablement" in {r["canonical"] for r in missing}
    # Wilson 95% for 25/40: centre (.625 + .048018) / 1.096037 = .614046, half-width
    # 1.96 * sqrt(.0058594 + .0006002) / 1.096037 = .143726 -> (.4703, .7578)
    assert (missing[0]["low"], missing[0]["high"]) == (0.4703, 0.7578)
    certs = [r["canonical"] for r in data["tables"]["certifications_missing"]["rows"]]
    assert certs == ["CSAM", "PMP"]
    fit = {r["measure"]: r for r in data["tables"]["fit"]["rows"]}
    # bachelor meets bachelor (20) and none (10), not master (10): 30/40
    assert fit["degree"]["count"] == 30
    # 5 years meets the 3-year postings (even i): 20/40; both: even i outside 20..29 -> 15
    assert fit["experience"]["count"] == 20 and fit["both"]["count"] == 15
    html = (out / "report.html").read_text()
    assert "Skills you are missing" in html and "data:image/png;base64," in html
    # the resume itself is never stored
    db = store.open_db(db_path)
    assert (db["postings"].count, db["extractions"].count, db["requirements"].count) == counts
    db.conn.close()
    for f in db_path.parent.glob(db_path.name + "*"):
        assert MARKER.encode() not in f.read_bytes()
    for f in out.iterdir():
        assert MARKER.encode() not in f.read_bytes()


def test_free_phrase_in_the_resume_words_counts_as_held(gap_db, tmp_path):
    resume = tmp_path / "cv.md"
    resume.write_text(RESUME + "\n- Built Channel-Partner enablement programs for resellers\n", encoding="utf-8")
    out = tmp_path / "gap"
    result = CliRunner().invoke(main, ["gap", str(resume), "--out", str(out), "--min-n", "5"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "data.json").read_text())
    have = {r["canonical"]: r["count"] for r in data["tables"]["skills_have"]["rows"]}
    assert have["channel partner enablement"] == 6
    assert "channel partner enablement" not in {r["canonical"] for r in data["tables"]["skills_missing"]["rows"]}


def test_gap_overrides_and_errors(gap_db, tmp_path):
    resume = tmp_path / "cv.md"
    resume.write_text("Negotiation.", encoding="utf-8")
    out = tmp_path / "gap"
    result = CliRunner().invoke(main, ["gap", str(resume), "--out", str(out), "--min-n", "10",
                                       "--degree", "master", "--years", "12"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "data.json").read_text())
    fit = {r["measure"]: r["count"] for r in data["tables"]["fit"]["rows"]}
    assert fit == {"degree": 40, "degree_equivalent": 0, "experience": 40, "both": 40}
    command = json.loads((out / "manifest.json").read_text())["command"]
    assert "--degree master --years 12" in command
    assert "--by" not in command  # the gap report has no change over time, so no period option
    assert CliRunner().invoke(main, ["gap", str(resume), "--by", "month"]).exit_code == 2
    bad = CliRunner().invoke(main, ["gap", str(tmp_path / "nope.pdf")])
    assert bad.exit_code == 1 and "resume not found" in bad.output and "Traceback" not in bad.output
    bad = CliRunner().invoke(main, ["gap", str(resume), "--since", "2025-02-30"])
    assert bad.exit_code == 1 and "no such day" in bad.output
