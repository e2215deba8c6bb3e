"""Generated job postings for the demo and the tests: invented companies, realistic texts.

``generate()`` is seeded and deterministic: the same arguments give the same postings, ending at
a fixed date (``END_DATE``), never "today". About 88% are account-management roles (titles
across the family, seniorities entry to director) and the rest are other roles the role filter
must drop. The texts have the sections real postings have (about the company, responsibilities,
requirements, preferred, pay, benefits, EEO), skills named by their taxonomy synonyms, degree and
experience requirements that vary by seniority, pay in several written formats, and a few clear
trends over the 24 months:

- ``tool.bi_dashboards`` (Tableau / Power BI / Looker) rises from about 10% to 40% of postings;
- ``sales.prospecting`` (cold calling, lead generation) falls from about 40% to 10%;
- ``tool.hubspot`` rises gently; hybrid work rises while remote work falls; a required
  bachelor's degree gets rarer (from about 85% to 70% of postings; "or equivalent experience"
  and "no degree required" more common).

Every company, person and posting here is invented; each text ends with a line saying so.
"""
from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

END_DATE = date(2026, 9, 30)      # 24 whole months, 8 whole quarters: Oct 2024 to Sep 2026
MONTHS = 24
DEFAULT_POSTINGS = 1500
DEFAULT_SEED = 20261031
OTHER_ROLE_SHARE = 0.12
REPOST_SHARE = 0.02           # the same job posted again on its own board weeks later

SIMULATED_NOTE = ("This posting was generated for amscout's demo: the company, the job and every "
                  "detail in it are simulated.")

TRENDS = {  # skill id -> (share at the start, share at the end) of account-management postings
    "tool.bi_dashboards": (0.10, 0.40),
    "sales.prospecting": (0.40, 0.10),
    "tool.hubspot": (0.12, 0.28),
}

# --------------------------------------------------------------------------- companies

@dataclass(frozen=True)
class Company:
    name: str
    slug: str
    platform: str          # greenhouse | lever | ashby | jsonld
    industry: str
    blurb: str


_COMPANY_ROWS = [
    # name, platform, industry, what it does
    ("Quokka Ledger", "greenhouse", "software", "builds invoicing software for independent veterinary clinics"),
    ("Marmalade Robotics", "greenhouse", "manufacturing", "makes warehouse robots that sort parcels by colour"),
    ("Zephyrline Freight", "greenhouse", "logistics", "runs refrigerated freight lanes between imaginary ports"),
    ("Bramblecrest Insurance", "greenhouse", "insurance", "insures bakeries, breweries and other businesses that run on yeast"),
    ("Otterpine Media", "greenhouse", "media", "sells advertising across a network of podcasts about birdwatching"),
    ("Velvetfern Health", "greenhouse", "healthcare", "supplies clinics with scheduling software and sterile supplies"),
    ("Glimmerbay Analytics", "lever", "software", "turns retail foot-traffic counts into weekly forecasts"),
    ("Thistlewick Foods", "lever", "food", "distributes artisanal pickles to grocery chains"),
    ("Copperkettle Payments", "lever", "fintech", "processes payments for farmers' markets"),
    ("Nimbusquill Learning", "lever", "education", "sells language courses to corporate training teams"),
    ("Larkspur Labware", "lever", "life sciences", "manufactures glassware for university laboratories"),
    ("Pebblecloud Hosting", "ashby", "software", "hosts websites for small museums"),
    ("Wafflecone Security", "ashby", "software", "monitors office door badges for mid-sized firms"),
    ("Hollowreed Energy", "ashby", "energy", "installs solar canopies over parking lots"),
    ("Moonmoth Travel", "ashby", "travel", "books group travel for conference organisers"),
    ("Saltmarsh Staffing", "jsonld", "staffing", "places temporary event staff with venues"),
    ("Tinderbox Telecom", "jsonld", "telecom", "sells business phone lines to dental practices"),
    ("Gingerhawk Beverages", "jsonld", "food", "bottles sparkling teas for cafés and hotels"),
    ("Cobaltwren Components", "jsonld", "manufacturing", "machines small parts for bicycle makers"),
]


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


COMPANIES = [Company(n, _slug(n), p, i, b) for n, p, i, b in _COMPANY_ROWS]
JSONLD_SITE_NAME = "Harborlight Jobs"   # the invented multi-employer career site

# --------------------------------------------------------------------------- titles

SENIORITY_WEIGHTS = {"entry": 0.2, "mid": 0.4, "senior": 0.25, "manager": 0.07, "director_plus": 0.08}

AM_TITLES = {
    "entry": ["Associate Account Manager", "Junior Account Manager", "Account Coordinator",
              "Customer Success Associate", "Client Relationship Specialist", "Inside Account Executive"],
    "mid": ["Account Manager", "Account Executive", "Technical Account Manager", "Customer Success Manager",
            "Client Relationship Manager", "Territory Account Manager", "Key Account Manager",
            "National Account Manager"],
    "senior": ["Senior Account Manager", "Senior Account Executive", "Strategic Account Manager",
               "Senior Key Account Manager", "Global Account Manager", "Enterprise Account Executive",
               "Senior Customer Success Manager", "Senior Technical Account Manager"],
    "manager": ["Account Management Team Lead", "Manager, Key Accounts", "Customer Success Team Manager",
                "Manager, Client Success"],
    "director_plus": ["Director of Account Management", "Account Director", "Director, Strategic Accounts",
                      "Global Account Director", "Head of Customer Success", "VP, Customer Success"],
}

# Qualifiers real titles carry ("Account Executive, Mid-Market"); they also keep two different
# jobs of one company apart, as they are in life.
TITLE_QUALIFIERS = ["Mid-Market", "Enterprise", "SMB", "Healthcare", "Public Sector", "Retail",
                    "Northeast", "Midwest", "West Coast", "Southeast", "Partners", "Renewals"]

OTHER_TITLES = {
    "Software Engineer": "engineering", "Senior Data Engineer": "engineering", "Staff Accountant": "finance",
    "Accounts Payable Specialist": "finance", "Product Designer": "design", "Warehouse Associate": "operations",
    "HR Generalist": "people", "Marketing Coordinator": "marketing", "Sales Development Representative": "sales",
    "Payroll Specialist": "finance", "IT Support Technician": "engineering", "Office Manager": "operations",
}

CITIES = [("New York", "NY"), ("Chicago", "IL"), ("Austin", "TX"), ("Denver", "CO"), ("Atlanta", "GA"),
          ("Seattle", "WA"), ("Boston", "MA"), ("Columbus", "OH"), ("Phoenix", "AZ"), ("Raleigh", "NC"),
          ("Minneapolis", "MN"), ("Nashville", "TN"), ("San Diego", "CA"), ("Pittsburgh", "PA")]

# --------------------------------------------------------------------------- skills

# skill id -> requirement phrasings (each names the skill by one of its taxonomy synonyms)
SKILL_PHRASES = {
    "rel.relationship_building": ["Proven ability to build strong client relationships at every level",
                                  "Strong relationship building skills with buyers at every level"],
    "rel.communication": ["Excellent verbal and written communication skills",
                          "Clear written communication skills"],
    "rel.presentation": ["Confident presentation skills, including presenting to executives",
                         "Comfortable with public speaking in front of client leadership teams"],
    "rel.problem_solving": ["Strong problem-solving skills"],
    "rel.stakeholder_mgmt": ["Experience with stakeholder management in large organisations"],
    "rel.time_management": ["Excellent time management and organizational skills"],
    "rel.attention_to_detail": ["Detail-oriented, with a habit of checking your own numbers"],
    "rel.collaboration": ["Cross-functional collaboration with product, support and finance teams"],
    "rel.leadership": ["Team leadership experience, including coaching and mentoring account managers"],
    "sales.account_management": ["Experience in account management for a portfolio of business clients",
                                 "Track record of managing a book of business"],
    "sales.key_account_management": ["Background in key account management with national retailers"],
    "sales.account_planning": ["Experience building strategic account plans"],
    "sales.upsell_cross_sell": ["Proven success upselling and cross-selling into existing accounts"],
    "sales.retention_renewals": ["Track record of client retention and on-time renewals"],
    "sales.prospecting": ["Comfortable with cold calling and outbound prospecting",
                          "Experience in lead generation and cold calling"],
    "sales.negotiation": ["Strong contract negotiation skills", "Skilled at pricing negotiation"],
    "sales.consultative_selling": ["Experience with consultative selling to operations leaders"],
    "sales.pipeline_mgmt": ["Disciplined pipeline management and accurate notes"],
    "sales.forecasting": ["Accurate revenue forecasting for your accounts"],
    "sales.quota": ["A history of meeting or exceeding sales targets"],
    "sales.business_reviews": ["Experience running quarterly business reviews (QBRs)"],
    "sales.territory_mgmt": ["Experience with territory management across several states"],
    "ana.data_analysis": ["Strong analytical skills"],
    "ana.sales_reporting": ["Experience preparing sales reports and KPI reporting for leadership"],
    "ana.financial_acumen": ["Financial acumen, including P&L management for a client group"],
    "ana.project_mgmt": ["Project management skills and the ability to manage multiple projects"],
    "tool.crm_generic": ["Working knowledge of CRM systems", "Daily use of CRM software to track every account"],
    "tool.salesforce": ["Proficiency with Salesforce", "Hands-on experience with Salesforce Sales Cloud"],
    "tool.hubspot": ["Experience with HubSpot CRM", "Comfort working in HubSpot"],
    "tool.excel": ["Advanced Excel skills (pivot tables, VLOOKUP)", "Proficiency in Excel"],
    "tool.ms_office": ["Proficiency with Microsoft Office"],
    "tool.bi_dashboards": ["Experience with Tableau or Power BI", "Proficiency in Power BI",
                           "Comfort with business intelligence tools such as Looker"],
    "tool.cs_platforms": ["Experience with Gainsight or a similar customer success platform"],
    "tool.sales_engagement": ["Familiarity with LinkedIn Sales Navigator"],
    "dom.b2b_sales": ["Background in B2B sales", "Experience in business-to-business sales"],
    "dom.saas": ["Experience selling SaaS to mid-sized companies"],
    "dom.customer_service": ["A background in customer service or client services"],
    "dom.product_knowledge": ["Willingness to build deep product knowledge"],
    "dom.travel_driving": ["Willingness to travel up to 25% of the time"],
}

# base share of account-management postings naming a skill, by seniority group (junior, senior)
SKILL_BASE = {
    "rel.relationship_building": (0.55, 0.6), "rel.communication": (0.7, 0.55),
    "rel.presentation": (0.2, 0.4), "rel.problem_solving": (0.3, 0.2), "rel.stakeholder_mgmt": (0.08, 0.35),
    "rel.time_management": (0.35, 0.15), "rel.attention_to_detail": (0.3, 0.1),
    "rel.collaboration": (0.25, 0.3), "rel.leadership": (0.0, 0.25),
    "sales.account_management": (0.4, 0.5), "sales.key_account_management": (0.05, 0.2),
    "sales.account_planning": (0.05, 0.35), "sales.upsell_cross_sell": (0.25, 0.4),
    "sales.retention_renewals": (0.3, 0.3), "sales.negotiation": (0.2, 0.5),
    "sales.consultative_selling": (0.1, 0.3), "sales.pipeline_mgmt": (0.15, 0.3),
    "sales.forecasting": (0.05, 0.3), "sales.quota": (0.3, 0.35), "sales.business_reviews": (0.1, 0.3),
    "sales.territory_mgmt": (0.08, 0.12), "ana.data_analysis": (0.2, 0.25), "ana.sales_reporting": (0.15, 0.2),
    "ana.financial_acumen": (0.0, 0.2), "ana.project_mgmt": (0.15, 0.15), "tool.crm_generic": (0.35, 0.25),
    "tool.salesforce": (0.45, 0.5), "tool.excel": (0.45, 0.3), "tool.ms_office": (0.3, 0.1),
    "tool.cs_platforms": (0.05, 0.1), "tool.sales_engagement": (0.05, 0.1),
    "dom.b2b_sales": (0.2, 0.3), "dom.saas": (0.1, 0.15), "dom.customer_service": (0.35, 0.05),
    "dom.product_knowledge": (0.2, 0.1), "dom.travel_driving": (0.1, 0.2),
}

CERT_PHRASES = {
    "senior": ["Certified Strategic Account Manager (CSAM) designation preferred",
               "Salesforce Certified Administrator credential a plus"],
    "insurance": ["Active Property and Casualty insurance license required (or obtained within 90 days)"],
    "any": ["HubSpot Inbound Sales certification a plus", "PMP certification is a plus"],
}

RESPONSIBILITIES = [
    "Own a portfolio of {n} business accounts and act as their main point of contact",
    "Grow revenue within existing accounts through renewals and expansion",
    "Run regular check-ins and business reviews with client decision makers",
    "Coordinate with operations and support to resolve escalations quickly",
    "Keep account records, notes and forecasts current",
    "Identify new opportunities inside assigned accounts and bring in the right specialists",
    "Onboard new clients and make sure they reach value in their first 90 days",
    "Negotiate renewals and contract changes within approved guidelines",
    "Share client feedback with the product team",
    "Represent {company} at client sites and regional trade shows",
]

BENEFITS = [
    "Medical, dental and vision insurance from day one", "401(k) with a 4% company match",
    "Paid parental leave", "Twenty days of paid time off plus holidays", "A yearly learning budget",
    "Home-office stipend", "Commuter benefits", "Wellness reimbursement", "Employee stock purchase plan",
]

EEO = [
    "{company} is an equal opportunity employer. We consider all qualified applicants without regard "
    "to race, color, religion, sex, sexual orientation, gender identity, national origin, disability or "
    "veteran status.",
    "We are committed to equal employment opportunity and to providing reasonable accommodations to "
    "applicants with disabilities.",
]

HEADINGS = [  # one heading style per company, so boards look different
    {"about": "About {company}", "role": "The role", "duties": "What you'll do", "req": "What you bring",
     "pref": "Nice to have", "pay": "Compensation", "benefits": "Benefits", "eeo": "Equal opportunity"},
    {"about": "Who we are", "role": "Position summary", "duties": "Responsibilities", "req": "Requirements",
     "pref": "Preferred qualifications", "pay": "Pay range", "benefits": "What we offer", "eeo": "EEO statement"},
    {"about": "About us", "role": "About the role", "duties": "Key responsibilities",
     "req": "Minimum qualifications", "pref": "Bonus points", "pay": "Salary", "benefits": "Perks",
     "eeo": "Our commitment"},
]

# --------------------------------------------------------------------------- records


@dataclass
class Salary:
    text: str
    min: float
    max: float
    period: str            # year | hour
    kind: str              # base | ote
    currency: str = "USD"


@dataclass
class Section:
    key: str               # about | role | duties | req | pref | pay | benefits | eeo | note
    heading: str | None
    items: list[str]
    bullets: bool


@dataclass
class DemoJob:
    """One generated job; ``listings`` says on which boards it appears (duplicates > 1)."""
    key: str
    title: str
    role: str               # the title without its qualifier ("Account Executive")
    company: Company
    seniority: str          # the generator's own label ("other" for roles outside the family)
    is_am: bool
    city: str
    region: str
    work_mode: str          # remote | hybrid | onsite (the truth; the text may stay silent for onsite)
    posted: datetime
    employment_type: str
    department: str
    salary: Salary | None
    skills: list[str]
    degree: str | None      # bachelor | high_school | None (no requirement stated)
    sections: list[Section]
    listings: list[tuple[str, str]] = field(default_factory=list)   # (platform, board)
    repost_of: str | None = None

    @property
    def location(self) -> str:
        if self.work_mode == "remote":
            return "Remote - US"
        suffix = " (Hybrid)" if self.work_mode == "hybrid" else ""
        return f"{self.city}, {self.region}{suffix}"


# --------------------------------------------------------------------------- generator

def month_start(index: int) -> date:
    """First day of month ``index`` (0 = the first of the 24 months)."""
    y, m = END_DATE.year, END_DATE.month - (MONTHS - 1 - index)
    while m <= 0:
        y, m = y - 1, m + 12
    return date(y, m, 1)


def generate(n: int = DEFAULT_POSTINGS, seed: int = DEFAULT_SEED) -> list[DemoJob]:
    """``n`` jobs (plus reposts) in date order, with their board listings and duplicates."""
    rng = random.Random(seed)
    jobs = [_job(rng, i) for i in range(n)]
    jobs.sort(key=lambda j: (j.posted, j.key))
    _assign_listings(rng, jobs)
    jobs += _reposts(rng, jobs)
    jobs.sort(key=lambda j: (j.posted, j.key))
    return jobs


def _month_weights() -> list[float]:
    # gently growing demand, with quieter Decembers
    return [(1 + 0.5 * i / (MONTHS - 1)) * (0.7 if month_start(i).month == 12 else 1.0) for i in range(MONTHS)]


_WEIGHTS = _month_weights()


def _posted(rng: random.Random) -> tuple[datetime, float]:
    i = rng.choices(range(MONTHS), weights=_WEIGHTS)[0]
    first = month_start(i)
    last = month_start(i + 1) - timedelta(days=1) if i + 1 < MONTHS else END_DATE
    day = first + timedelta(days=rng.randrange((last - first).days + 1))
    moment = datetime.combine(day, time(rng.randrange(8, 18), rng.randrange(60), rng.randrange(60)), timezone.utc)
    progress = ((day - month_start(0)).days) / ((END_DATE - month_start(0)).days)
    return moment, progress


def _lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def _job(rng: random.Random, i: int) -> DemoJob:
    company = rng.choice(COMPANIES)
    posted, t = _posted(rng)
    is_am = rng.random() >= OTHER_ROLE_SHARE
    if is_am:
        seniority = rng.choices(list(SENIORITY_WEIGHTS), weights=list(SENIORITY_WEIGHTS.values()))[0]
        title = role = rng.choice(AM_TITLES[seniority])
        if rng.random() < 0.6:
            title += rng.choice([", ", " - "]) + rng.choice(TITLE_QUALIFIERS)
        department = "Customer Success" if "Success" in title else "Sales"
    else:
        seniority = "other"
        title = role = rng.choice(sorted(OTHER_TITLES))
        department = OTHER_TITLES[title].title()
    city, region = rng.choice(CITIES)
    work_mode = _work_mode(rng, t)
    salary = _salary(rng, seniority, title, t)
    employment_type = "Full-time" if rng.random() > 0.04 else "Contract"
    job = DemoJob(key=f"dj{i:05d}", title=title, role=role, company=company, seniority=seniority, is_am=is_am,
                  city=city, region=region, work_mode=work_mode, posted=posted,
                  employment_type=employment_type, department=department, salary=salary,
                  skills=[], degree=None, sections=[])
    job.sections = _sections(rng, job, t) if is_am else _other_sections(rng, job)
    return job


def _work_mode(rng: random.Random, t: float) -> str:
    remote, hybrid = _lerp(0.42, 0.22, t), _lerp(0.22, 0.45, t)
    r = rng.random()
    return "remote" if r < remote else "hybrid" if r < remote + hybrid else "onsite"


_BASE_PAY = {"entry": 50000, "mid": 70000, "senior": 95000, "manager": 110000, "director_plus": 145000,
             "other": 80000}


def _salary(rng: random.Random, seniority: str, title: str, t: float) -> Salary | None:
    """Pay in one of the formats postings use, or none (about 40% say nothing)."""
    r = rng.random()
    if r < 0.4:
        return None
    mid = _BASE_PAY[seniority] * rng.uniform(0.85, 1.15) * (1 + 0.04 * t)
    low, high = round(mid * 0.88, -3), round(mid * 1.12, -3)
    if seniority == "entry" and r < 0.5:
        rate = round(mid / 2080)
        return Salary(f"${rate}/hr", rate, rate, "hour", "base")
    if "Executive" in title and r < 0.62:
        ote = round(mid * 1.6, -4)
        return Salary(f"OTE ${ote / 1000:.0f}K (50/50 base and commission)", ote, ote, "year", "ote")
    if r < 0.8:
        return Salary(f"${low:,.0f} - ${high:,.0f} per year", low, high, "year", "base")
    return Salary(f"${low / 1000:.0f}K-${high / 1000:.0f}K base salary", low, high, "year", "base")


def _skill_share(skill: str, seniority: str, t: float) -> float:
    if skill in TRENDS:
        return _lerp(*TRENDS[skill], t)
    junior, senior = SKILL_BASE[skill]
    return junior if seniority in ("entry", "mid") else senior


def _pick_skills(rng: random.Random, seniority: str, t: float) -> list[str]:
    return [s for s in SKILL_PHRASES if rng.random() < _skill_share(s, seniority, t)]


_EXPERIENCE = {
    "entry": ["0-2 years of experience in a customer-facing role", "1+ year of experience in sales, service or hospitality",
              "Up to two years of experience in an office or client-facing setting"],
    "mid": ["3-5 years of experience in account management or B2B sales", "2-4 years of experience managing client accounts",
            "Three or more years of experience in a client-facing sales role"],
    "senior": ["5+ years of experience managing enterprise accounts", "5-7 years of experience in account management",
               "Six or more years of experience selling to large organisations"],
    "manager": ["6+ years of experience in account management, including 2 years leading a team"],
    "director_plus": ["8-10 years of experience in account management or sales leadership",
                      "10+ years of experience, with at least 5 years managing managers"],
}

_FIELDS = ["Business", "Marketing", "Business, Marketing, Communications", "Business Administration"]


def _degree(rng: random.Random, seniority: str, t: float) -> tuple[str | None, str | None, str | None]:
    """(required level, the requirement sentence, a preferred-degree sentence or None)."""
    field_ = rng.choice(_FIELDS)
    if seniority == "entry" and rng.random() < 0.3:
        return "high_school", "High school diploma or GED required; some college coursework preferred", None
    strict = rng.random() < _lerp(0.7, 0.4, t)
    if strict:
        sentence = f"Bachelor's degree in {field_} or a related field"
    elif rng.random() < 0.5:
        sentence = f"Bachelor's degree in {field_} or related field or equivalent experience"
    elif rng.random() < 0.5:
        return None, "No degree required: we hire for skills and track record", None
    else:
        return None, None, None
    preferred = None
    if seniority in ("senior", "director_plus") and rng.random() < 0.35:
        preferred = "MBA preferred"
    return "bachelor", sentence, preferred


def _phrase(rng: random.Random, skill: str) -> str:
    return rng.choice(SKILL_PHRASES[skill])


def _sections(rng: random.Random, job: DemoJob, t: float) -> list[Section]:
    c = job.company
    h = HEADINGS[COMPANIES.index(c) % len(HEADINGS)]
    skills = _pick_skills(rng, job.seniority, t)
    job.skills = skills
    rng.shuffle(skills)
    split = max(1, round(len(skills) * 0.7))
    required, preferred = skills[:split], skills[split:]
    level, degree_sentence, degree_pref = _degree(rng, job.seniority, t)
    job.degree = level

    req = [rng.choice(_EXPERIENCE[job.seniority])]
    if degree_sentence:
        req.insert(rng.randrange(2), degree_sentence)
    req += [_phrase(rng, s) for s in required]
    pref = [_phrase(rng, s) for s in preferred]
    if degree_pref:
        pref.append(degree_pref)
    if rng.random() < 0.15:
        group = "insurance" if c.industry == "insurance" else "senior" if job.seniority != "entry" else "any"
        (req if group == "insurance" else pref).append(rng.choice(CERT_PHRASES[group]))

    duties = rng.sample(RESPONSIBILITIES, rng.randint(4, 6))
    duties = [d.format(n=rng.choice([25, 40, 60, 80]), company=c.name) for d in duties]
    if job.seniority in ("manager", "director_plus"):
        duties.insert(0, f"Lead a team of {rng.randint(4, 12)} account managers: hire, coach and review their work")

    role = (f"As {_article(job.role)} {job.role} at {c.name}, you will look after business customers "
            f"from their first order onwards. {_work_mode_sentence(rng, job)}").strip()
    sections = [
        Section("about", h["about"].format(company=c.name), [f"{c.name} {c.blurb}. About "
                                                             f"{rng.choice([40, 120, 300, 900])} people work here."], False),
        Section("role", h["role"], [role], False),
        Section("duties", h["duties"], duties, True),
        Section("req", h["req"], req, True),
    ]
    if pref:
        sections.append(Section("pref", h["pref"], pref, True))
    if job.salary:
        sections.append(Section("pay", h["pay"], [_pay_sentence(rng, job)], False))
    sections += [
        Section("benefits", h["benefits"], rng.sample(BENEFITS, 4), True),
        Section("eeo", h["eeo"], [rng.choice(EEO).format(company=c.name)], False),
        Section("note", None, [SIMULATED_NOTE], False),
    ]
    return sections


def _article(word: str) -> str:
    return "an" if word[0].lower() in "aeiou" else "a"


def _work_mode_sentence(rng: random.Random, job: DemoJob) -> str:
    if job.work_mode == "remote":
        return rng.choice(["This is a fully remote position open to candidates anywhere in the US.",
                           "This role is remote; work from anywhere in the United States."])
    if job.work_mode == "hybrid":
        return (f"This is a hybrid role: {rng.choice(['two', 'three'])} days a week in our "
                f"{job.city} office.")
    if rng.random() < 0.7:
        return f"This position is on-site at our {job.city} office, five days a week."
    return ""


def _pay_sentence(rng: random.Random, job: DemoJob) -> str:
    s = job.salary
    assert s is not None
    if s.period == "hour":
        return f"The pay rate for this role is {s.text}, plus overtime."
    if s.kind == "ote":
        return f"On-target earnings: {s.text}."
    return rng.choice([f"The base salary range for this role is {s.text}.",
                       f"Salary: {s.text}, depending on experience and location."])


def _other_sections(rng: random.Random, job: DemoJob) -> list[Section]:
    c = job.company
    h = HEADINGS[COMPANIES.index(c) % len(HEADINGS)]
    duties = [f"Support {c.name}'s {job.department.lower()} team in day-to-day work",
              "Document your work and share it with colleagues", "Improve the processes you use every week"]
    req = [f"{rng.choice(['2+', '3-5', '4+'])} years of relevant experience",
           "Bachelor's degree or equivalent experience", "Good written communication"]
    sections = [
        Section("about", h["about"].format(company=c.name), [f"{c.name} {c.blurb}."], False),
        Section("role", h["role"], [f"We are hiring {_article(job.role)} {job.role} to join our "
                                    f"{job.department.lower()} team. {_work_mode_sentence(rng, job)}".strip()], False),
        Section("duties", h["duties"], duties, True),
        Section("req", h["req"], req, True),
    ]
    if job.salary:
        sections.append(Section("pay", h["pay"], [_pay_sentence(rng, job)], False))
    sections += [Section("eeo", h["eeo"], [EEO[0].format(company=c.name)], False),
                 Section("note", None, [SIMULATED_NOTE], False)]
    return sections


# --------------------------------------------------------------------------- boards and duplicates

JSONLD_REPOST_SHARE = 0.08    # jobs from the API boards that the career site also lists
CAREER_SITE_TOKEN = "harborlight"


def board_token(company: Company) -> str:
    """The company's board on its platform; every "jsonld" company posts on the one career site."""
    return CAREER_SITE_TOKEN if company.platform == "jsonld" else company.slug


def _assign_listings(rng: random.Random, jobs: list[DemoJob]) -> None:
    for job in jobs:
        job.listings = [(job.company.platform, board_token(job.company))]
        if job.company.platform != "jsonld" and rng.random() < JSONLD_REPOST_SHARE:
            job.listings.append(("jsonld", CAREER_SITE_TOKEN))


def _reposts(rng: random.Random, jobs: list[DemoJob]) -> list[DemoJob]:
    """Some jobs come back on their own board 3-8 weeks later under a new id: the same job again."""
    out = []
    for job in jobs:
        if rng.random() >= REPOST_SHARE:
            continue
        later = job.posted + timedelta(days=rng.randint(21, 56))
        if later.date() > END_DATE:
            continue
        copy = DemoJob(**{**job.__dict__, "key": job.key + "r", "posted": later, "repost_of": job.key,
                          "listings": job.listings[:1]})
        out.append(copy)
    return out


def stable_uuid(key: str, salt: str = "") -> str:
    """A UUID derived from the job key, so Lever and Ashby ids never change between runs."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"amscout-demo:{salt}:{key}"))


def numeric_id(key: str) -> int:
    """A Greenhouse-style numeric id derived from the job key."""
    return 4000000 + int(key[2:7]) * 10 + (1 if key.endswith("r") else 0)


# --------------------------------------------------------------------------- rendering

def to_html(job: DemoJob, sections: list[Section] | None = None) -> str:
    """The description as HTML: headings, paragraphs and bullet lists."""
    from html import escape

    parts = []
    for s in job.sections if sections is None else sections:
        if s.heading:
            parts.append(f"<h3>{escape(s.heading)}</h3>")
        if s.bullets:
            parts.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in s.items) + "</ul>")
        else:
            parts += [f"<p>{escape(i)}</p>" for i in s.items]
    return "\n".join(parts)


def to_text(job: DemoJob, sections: list[Section] | None = None) -> str:
    """The description as plain text: heading lines and "- " bullets."""
    blocks = []
    for s in job.sections if sections is None else sections:
        lines = [s.heading] if s.heading else []
        lines += [f"- {i}" for i in s.items] if s.bullets else s.items
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
