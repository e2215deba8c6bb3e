"""Experience, degree, salary, work mode, role and seniority on short texts of our own."""
import pytest

from analysis.extract import extract_records


def rec(text, title="Account Manager"):
    return next(extract_records([{"id": "t", "title": title, "text": text}]))


# --------------------------------------------------------------------------- experience

@pytest.mark.parametrize("text, minimum, maximum, preferred", [
    ("Requirements\n5+ years of B2B sales experience\n2+ years in SaaS", 5, None, None),
    ("Requirements\n3-5 years of account management experience", 3, 5, None),
    ("Requirements\nThree (3) to five (5) years of experience in distribution", 3, 5, None),
    ("Requirements\ntwo years of customer service experience", 2, None, None),
    ("Requirements\n18 months of experience in a sales role", 1.5, None, None),
    ("Requirements\n2 years of sales experience; ideally 7+ years in medical devices", 2, None, 7),
    ("Preferred\n4 years of experience with Salesforce", None, None, 4),
    ("Requirements\nBachelor's degree, or a high school diploma and 6 years of related experience", None, None, None),
    ("Requirements\nBachelor's degree and/or 3+ years of sales experience", None, None, None),
    ("About us\nWe have 20 years of history serving growers.\nRequirements\nMust be 18 years of age or older", None, None, None),
    ("Qualifications\nstrong writerExperience: 4+ years selling software", 4, None, None),
    ("Qualifications\nA minimum of 3+ years' experience in field sales (Preferred)", None, None, 3),
    ("Qualifications\n5 years of experience (preferably in logistics)", 5, None, None),
    ("Qualifications\nSales experience should include 6+ years", 6, None, None),
    # "N years" followed by its status alone: a requirement line of a list of qualifications
    ("Qualifications\nB2B sales: 3 years (Required)\nCRM: 1 year (Preferred)", 3, None, None),
    ("Qualifications\nOutside sales: 2 years (Preferred)", None, None, 2),
    ("Qualifications\n2+ years of experience required; 5+ years preferred", 2, None, 5),
    ("Qualifications\nExperience in field sales (4 years minimum)", 4, None, None),
])
def test_experience(text, minimum, maximum, preferred):
    r = rec(text)
    assert r["experience_min_years"] == minimum
    assert r["experience_max_years"] == maximum
    assert r["experience_preferred_years"] == preferred
    if minimum is not None:
        ev = r["experience_evidence"][0]
        assert "year" in text[ev["start"]:ev["end"]] or "month" in text[ev["start"]:ev["end"]]


# --------------------------------------------------------------------------- degree

@pytest.mark.parametrize("text, required, preferred, equivalent", [
    ("Requirements\nBachelor's degree in Business or related field", "bachelor", None, False),
    ("Requirements\nBA/BS or MBA from an accredited school", "bachelor", None, False),
    ("Requirements\nBachelor's degree required, MBA preferred", "bachelor", "master", False),
    ("Requirements\nBachelor's degree preferred", None, "bachelor", False),
    ("Requirements\nBachelor's degree or equivalent experience", "bachelor", None, True),
    ("Requirements\nHigh school diploma or GED required; associate's degree a plus", "high_school", "associate", False),
    ("Requirements\nSome college or post-secondary education", None, None, False),
    ("Requirements\nPhD in chemistry", "doctorate", None, False),
    ("Requirements\nBachelor's degree\nNice to have\nMBA", "bachelor", "master", False),
    ("Requirements\nJD from an accredited law school", "professional", None, False),
    ("Benefits\nTuition reimbursement toward a bachelor's degree", None, None, False),
    ("What you'll do\nMaster the product catalogue and scrum master duties", None, None, False),
    # "or equivalent" followed by experience, or by the next bullet's years glued on
    ("Requirements\nBachelor's degree in Finance, or equivalent education or work experience", "bachelor", None, True),
    ("Requirements\nBachelor's degree or equivalent4+ years of freight brokerage experience", "bachelor", None, True),
    ("Requirements\nBachelor's degree or equivalent years of experience", "bachelor", None, True),
    ("Requirements\nBachelor's degree; relevant field work is considered in place of a bachelor's degree",
     "bachelor", None, True),
    ("Requirements\nBachelor's degree or an equivalent foreign degree", "bachelor", None, False),
    # "or equivalent" after a diploma is a GED, not experience
    ("Requirements\nHigh school diploma or equivalent", "high_school", None, False),
    ("Requirements\nHigh school diploma or equivalent experience", "high_school", None, True),
    # an education list line as job boards write it
    ("Education:\nAssociate (Preferred)", None, "associate", False),
    # two experience paths ("3 years of X or 8 years of Y") say nothing about the degree
    ("Requirements\nBA/BS in biology\nMinimum of 3 years of clinic sales experience or 8 years of "
     "pharmacy sales experience", "bachelor", None, False),
])
def test_degree(text, required, preferred, equivalent):
    r = rec(text)
    assert (r["degree_required"], r["degree_preferred"], r["degree_or_equivalent"]) == (required, preferred, equivalent)
    if required or preferred:
        assert r["degree_evidence"]


@pytest.mark.parametrize("text, fields", [
    ("Requirements\nBachelor's degree in Marketing, Communications or a related field", {"marketing", "communications"}),
    # "STEM" spelled out is one family of fields, not four
    ("Requirements\nBachelor's degree in a Science, Technology, Engineering or Math (STEM) discipline", {"stem"}),
    ("Requirements\nBachelor's degree in a STEM field or Business", {"stem", "business"}),
    # a glued next bullet naming an ability is no field of the degree
    ("Requirements\nBachelor's degree in Finance Strong communication skills", {"finance"}),
    # "Ph.D." is one abbreviation, not a bullet glued on after "Ph."
    ("Requirements\nPh.D. in Statistics", {"statistics"}),
    # "Bachelor of Science" names the degree; "education and experience" is no field
    ("Requirements\nBachelor of Science in Nursing (BSN) required", {"nursing"}),
    ("Requirements\nBachelor's degree or an equivalent combination of education and experience", set()),
])
def test_degree_fields(text, fields):
    assert set(rec(text)["degree_fields"]) == fields


# --------------------------------------------------------------------------- salary

@pytest.mark.parametrize("text, expected", [
    ("The base salary range is $60,000 - $80,000 per year.", (60000, 80000, "year", "base")),
    ("Compensation: $60K-$80K", (60000, 80000, "year", "unspecified")),
    ("Pay rate: $25/hr", (25, 25, "hour", "base")),
    ("Hourly rate $21.50 to $24.00", (21.5, 24, "hour", "base")),
    ("OTE $120K (50/50 split between base and commission)", (120000, 120000, "year", "ote")),
    ("Salary: $5,000 - $6,000 per month", (5000, 6000, "month", "base")),
    ("Compensation: $65k base / $130k OTE", (65000, 65000, "year", "base")),
    ("Base Salary: $51,000On Target Earnings: $90,000", (51000, 51000, "year", "base")),
    ("Pay range: New York $90,000-$110,000; Denver $80,000-$95,000", (90000, 110000, "year", "unspecified")),
    # a period word before the figures says more than "salary"
    ("Monthly salary range: $5,000 - $6,500", (5000, 6500, "month", "base")),
    ("Hourly salary: $18.50 - $21.00", (18.5, 21, "hour", "base")),
    ("Salary: $52,000 - $58,000", (52000, 58000, "year", "base")),
    ("We raised $750 million in 2021 and serve 40 countries.", None),
    ("Sign-on bonus of $2,000 for new hires.", None),
])
def test_salary(text, expected):
    sal = rec(text)["salary"]
    if expected is None:
        assert sal is None
        return
    assert (sal["min"], sal["max"], sal["period"], sal["kind"]) == expected
    assert text[sal["start"]:sal["end"]] == sal["text"]
    factor = {"year": 1, "month": 12, "hour": 2080}[sal["period"]]
    assert sal["annual_min"] == pytest.approx(expected[0] * factor)


# --------------------------------------------------------------------------- work mode

@pytest.mark.parametrize("title, text, mode", [
    ("Account Manager (Remote)", "Call on clients.", "remote"),
    ("Account Manager", "This is a fully remote position open to candidates anywhere in the US.", "remote"),
    ("Account Manager", "This role is hybrid: three days a week in the office.", "hybrid"),
    ("Account Manager", "You will work from our office 3 days a week and remotely on Fridays.", "hybrid"),
    ("Account Manager", "This position is on-site at our Dallas plant.", "onsite"),
    ("Territory Manager", "Field role run from a home office, covering Ohio.", "remote"),
    ("Account Manager", "Benefits\nWork-from-home stipend for equipment", "unspecified"),
    ("Account Manager", "Perks\nUnlimited PTO and 10 holidaysFlexible remote work environmentHome office setup budget",
     "remote"),
    ("Account Manager", "We support remote patient monitoring for clinics.", "unspecified"),
    ("Account Manager", "Our teams work in fully office-based, fully remote, or hybrid ways.", "unspecified"),
    # the role placed at a workplace
    ("Lab Analyst", "The analyst will primarily work at the new Riverside Research Center in Dayton.", "onsite"),
    ("Buyer", "Until the move, the role will be based at our Elmwood distribution warehouse.", "onsite"),
    ("Territory Manager", "You will be based out of a home office in your territory.", "remote"),
    ("Account Manager", "You will work at the intersection of sales and product.", "unspecified"),
    ("Account Manager", "You will work at the center of our growth plans.", "unspecified"),
    # a location label naming the mode; a few days in the office a week
    ("Account Manager", "Job Type: Full-time\nWork Location: In person", "onsite"),
    ("Account Manager", "Location: Onsite - Fargo, ND", "onsite"),
    ("Account Manager", "This role requires 3 days in office per week.", "hybrid"),
])
def test_work_mode(title, text, mode):
    assert rec(text, title)["work_mode"] == mode


# --------------------------------------------------------------------------- role and seniority

@pytest.mark.parametrize("title, text, family, level", [
    ("Key Account Manager", "Grow the portfolio.", "account_management", "mid"),
    ("Senior Account Executive", "", "account_management", "senior"),
    ("Customer Success Manager II", "", "account_management", "senior"),
    ("Account Manager / Sr. Account Manager", "", "account_management", "mid"),
    ("Inside Sales Representative", "", "sales", "mid"),
    ("Junior SDR", "", "sales", "entry"),
    ("Sales Intern", "", "sales", "intern"),
    ("VP of Sales", "", "sales", "director_plus"),
    ("Regional Sales Manager", "Cover the Midwest territory and meet quota.", "sales", "mid"),
    ("Sales Manager", "You will lead a team of 8 account executives and own their hiring.", "sales", "manager"),
    ("Project Manager", "Manage timelines and budgets for client projects.", "other", "mid"),
    ("Data Analyst", "This is an entry-level role for recent graduates.", "other", "entry"),
    ("Sales Representative 2", "", "sales", "senior"),
    ("Lead Generation Specialist", "", "other", "mid"),
    ("Energy Advisor", "Department: Sales\nHelp businesses buy power.", "sales", "mid"),
    ("Advisor II", "PARTNER RELATIONSHIP MANAGER\nLook after our resellers.", "account_management", "senior"),
    # a title part naming the work mode is not the role; the title restated in the text gives the level
    ("Remote / Senior Account Manager", "", "account_management", "senior"),
    ("Project Manager", "Job Title: Project Manager III\nPlan client launches.", "other", "senior"),
    ("Project Manager", "Plan client launches for the Job Title: Associate programme.", "other", "mid"),
    # a Manager the text names team leader leads a team
    ("Operations Manager", "Responsibilities\nTeam leader for the regional install crew\nPlan schedules.", "other",
     "manager"),
    ("Plant Manager", "You will serve as a team lead for the night shift.", "other", "manager"),
    # "Snr", and a level marker alone in brackets
    ("Snr Account Manager", "", "account_management", "senior"),
    ("Account Manager (Senior)", "", "account_management", "senior"),
    ("Account Manager (Senior Living Communities)", "", "account_management", "mid"),
    ("Operations Manager", "Responsibilities\nReport progress to the team lead weekly.", "other", "mid"),
])
def test_role_and_seniority(title, text, family, level):
    r = rec(text, title)
    assert (r["role_family"], r["seniority"]) == (family, level)


# --------------------------------------------------------------------------- tokenizer

@pytest.fixture(scope="module")
def tokenizer():
    from analysis.extract import get_nlp
    return get_nlp().tokenizer


@pytest.mark.parametrize("text, expected", [
    # brackets closing a run of names, glued to the next bullet
    ("(Rust, C++))Deep knowledge", ["(", "Rust", ",", "C++", ")", ")", "Deep", "knowledge"]),
    # a word glued to the next bullet's years figure
    ("with Zentrix2 years of sales", ["with", "Zentrix", "2", "years", "of", "sales"]),
    ("with SkyQ3+ years of sales", ["with", "SkyQ", "3", "+", "years", "of", "sales"]),
    ("with Quorbit4-year degree", ["with", "Quorbit", "4", "-", "year", "degree"]),
    # a sentence or list item ending glued to the next bullet's figure
    ("strong writing skills.3+ years", ["strong", "writing", "skills", ".", "3", "+", "years"]),
    # an acronym glued to the next bullet's first word (five letters or more)
    ("Paid PTOFlexible hours", ["Paid", "PTO", "Flexible", "hours"]),
    # all-capital names keep their figure, version numbers stay whole
    ("Quorbit v2.5 release", ["Quorbit", "v2.5", "release"]),
    ("EC2 and MP3 files", ["EC2", "and", "MP3", "files"]),
])
def test_tokenizer_splits_glued_bullets(tokenizer, text, expected):
    assert [t.text for t in tokenizer(text)] == expected


def test_keyed_pattern_finds_what_its_pattern_finds():
    """KeyedPattern runs its pattern only where a key stands; it must find exactly what the
    pattern finds (whole text and a window)."""
    import re

    from analysis.text import KeyedPattern

    rx = re.compile(r"\b(?:nice to have|a plus)\b")
    keyed = KeyedPattern(rx, ("nice", "plus"))
    for text in ("Golf is nice to have.", "Spanish, a plus", "pluses and minuses", "", "nothing here"):
        assert bool(keyed.search(text)) == bool(rx.search(text))
    text = "Spanish, a plus; French"
    assert keyed.search(text, 0, 10) is None and keyed.search(text, 9, 16).group() == "a plus"


def test_gathered_pattern_matches_what_its_pattern_matches():
    """A pattern with its alternatives gathered by first letter finds the same spans: an
    alternative never moves past one that may open with its letter ("pay" stays after "(?:pay|stipend)
    rate", which matches more of "pay rate"; "a" before "an"), and look-arounds, classes, escapes and optional openings stay put."""
    import re

    from analysis.text import gathered

    rx = re.compile(r"\b(?:a|an|as well|pto|(?:pay|stipend) rate|pay|paid leave|\d+ days|401\(?k|"
                    r"(?<!no )travel|tr?ip|[xy]ear|as|and|(?:non)?exempt|never)\b")
    fast = gathered(rx)
    assert fast.pattern != rx.pattern and re.compile(r"a\(\?:").search(fast.pattern)
    text = ("an exempt role: pay rate and pto, paid leave, 30 days, 401k, no travel, travel, tip, "
            "trip, year, as well as a nonexempt plan; never")
    for start in range(len(text)):
        assert [m.span() for m in fast.finditer(text, start)] == [m.span() for m in rx.finditer(text, start)]
    leads = re.compile(r"(?:(?:[\W\d]+\s*|(?:in-depth|in|a|an|the|and|ability|able)\b\s*))+")
    for item in ("in-depth knowledge", "an ability to sell", "the able and willing", "3+ years in sales"):
        assert gathered(leads).match(item).end() == leads.match(item).end()
    for unsafe in (re.compile("ab|ac", re.I), re.compile("(?i:ab|Ac)"), re.compile("(?>ab|a)c")):
        with pytest.raises(ValueError):
            gathered(unsafe)
