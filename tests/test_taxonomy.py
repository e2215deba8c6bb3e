"""Taxonomy integrity and the taxonomy matcher on sentences written for these tests."""
from __future__ import annotations

import importlib
import re

import pytest
import spacy

from analysis import taxonomy
from analysis.taxonomy import TAXONOMY_DIR, load


@pytest.fixture(scope="module")
def tax():
    return load()


@pytest.fixture(scope="module")
def nlp():
    for module in ("analysis.components.sections", "analysis.components.taxonomy_matcher"):
        importlib.import_module(module)  # registers the factories
    nlp = spacy.blank("en")
    nlp.add_pipe("amscout_sections")
    nlp.add_pipe("amscout_taxonomy")
    return nlp


# ---------------------------------------------------------------- integrity

def test_counts(tax):
    assert len({row["canonical"] for row in tax.skills.values()}) >= 300
    assert len(tax.certs) >= 60
    assert len(tax.fields) >= 30
    assert {d["level"] for d in tax.degrees} >= {"high_school", "associate", "bachelor", "master", "doctorate",
                                                 "professional"}
    assert {t["seniority"] for t in tax.titles} >= {"intern", "entry", "mid", "senior", "manager", "director_plus"}


def test_sales_and_account_management_are_deepest(tax):
    sales = [r for r in tax.skills.values() if r["group"] in ("sales_process", "relationship_soft")]
    assert len(sales) >= 40
    assert sum(len(r["synonyms"].split("|")) for r in sales) >= 400


def test_each_surface_form_names_one_concept(tax):
    owner: dict[str, str] = {}
    for sid, row in tax.skills.items():
        for form in [row["canonical"], *filter(None, row["synonyms"].split("|"))]:
            key = form.lower()
            assert owner.setdefault(key, row["canonical"]) == row["canonical"], (form, owner[key], row["canonical"])
    canonicals = [row["canonical"] for row in tax.skills.values()]
    assert len(canonicals) == len(set(canonicals))
    assert len(tax.skills) == len({row["id"] for row in tax.skills.values()})


def test_certification_names_are_unique_and_shared_acronyms_need_context(tax):
    owner: dict[str, str] = {}
    for cid, row in tax.certs.items():
        for form in filter(None, row["full"].split("|")):
            assert owner.setdefault(form.lower(), cid) == cid, (form, owner[form.lower()], cid)
    for acronym, ids in tax.cert_acronyms.items():
        if len(ids) > 1:
            assert all(tax.certs[cid]["context"] for cid in ids), acronym
    assert {"CSP", "CSAM", "CPSM", "PMP", "CPA"} <= set(tax.cert_acronyms)
    assert len(tax.cert_acronyms["CSP"]) >= 3


def test_ids_have_their_formats(tax):
    esco = [r["esco"] for r in tax.skills.values() if r["esco"]]
    onet = [r["onet"] for r in tax.skills.values() if r["onet"]]
    assert len(esco) >= 40 and len(onet) >= 40
    assert all(re.fullmatch(r"http://data\.europa\.eu/esco/skill/[0-9a-f-]{36}", u) for u in esco)
    assert all(re.fullmatch(r"\d{8}:.+|2\.[AB]\.\d\.[a-z]", o) for o in onet)
    for row in tax.fields.values():
        assert re.fullmatch(r"\d\d\.\d{4}", row["cip"]), row
        assert row["field"] == row["field"].lower() and len(row["field"].split()) <= 3


def test_notice_and_version():
    notice = (TAXONOMY_DIR / "NOTICE").read_text(encoding="utf-8")
    assert "This service uses the ESCO classification of the European Commission." in notice
    assert "O*NET 29.2" in notice and "CC BY 4.0" in notice and "CIP 2020" in notice
    assert re.fullmatch(r"[0-9a-f]{12}", taxonomy.TAXONOMY_VERSION)


# ---------------------------------------------------------------- matcher

def skills_of(nlp, text):
    """Skills found in text, by canonical name (the first mention of each)."""
    found = {}
    for s in nlp(text)._.skills:
        found.setdefault(s["canonical"], s)
    return found


def test_synonyms_share_a_canonical_and_concepts_do_not(nlp):
    doc = nlp("Requirements:\nExperience with a CRM tool.\nExperience with CRM software.\n"
              "Strong negotiation skills.\nA proven closer who can close deals.")
    by_text = {s["text"]: s["canonical"] for s in doc._.skills}
    assert by_text["CRM tool"] == by_text["CRM software"]
    assert by_text["negotiation skills"] == "negotiation"
    assert by_text["close deals"] == "closing deals"


def test_required_and_preferred_come_from_sections(nlp):
    found = skills_of(nlp, "What you bring\nStrong negotiation skills and experience with Salesforce.\n\n"
                           "Nice to have\nHubSpot certification or HubSpot experience.\n")
    assert found["negotiation"]["required"] is True  # listed under a requirements heading
    assert found["negotiation"]["canonical"] == "negotiation"
    assert found["Salesforce"]["canonical"] == "Salesforce" and found["Salesforce"]["id"] == "tool.salesforce"
    assert found["HubSpot"]["required"] is False


def test_required_cue_and_ids(nlp):
    found = skills_of(nlp, "Minimum Qualifications:\nAdvanced Excel (pivot tables) is required.\n")
    excel = found["Microsoft Excel"]
    assert excel["required"] is True and excel["text"] == "Advanced Excel"
    assert excel["esco"].startswith("http://data.europa.eu/esco/skill/")
    assert excel["onet"].startswith("43232110:")


def test_no_skills_from_company_benefits_or_legal_text(nlp):
    doc = nlp("About Us\nWe are a leading CRM software company that loves data analysis and Salesforce.\n\n"
              "Benefits\nFree Excel and negotiation training, 401(k).\n\n"
              "Equal Opportunity Employer\nWe consider all applicants regardless of communication needs.\n")
    assert doc._.skills == []


def test_duty_without_ability_is_not_a_skill_but_capability_is(nlp):
    doc = nlp("Responsibilities\nManage a portfolio of 50 accounts in the northeast.\n"
              "Use your strong presentation skills to win executive sponsors.\n")
    texts = [s["text"] for s in doc._.skills]
    assert "presentation skills" in texts and doc._.skills[0]["required"] is None
    assert not any("portfolio" in t for t in texts)


def test_free_phrases_are_short_and_grouped(nlp):
    found = skills_of(nlp, "Qualifications\n- 5+ years of experience in enterprise software sales\n"
                           "- Ability to thrive in a fast-paced environment\n"
                           "- Working knowledge of pharmacovigilance and actuarial modelling\n")
    texts = {s["text"]: s["canonical"] for s in found.values()}
    assert texts.get("fast-paced environment") == "adaptability"
    assert texts.get("actuarial modelling") == "actuarial modelling"
    assert texts.get("pharmacovigilance") == "pharmacovigilance"
    assert not any(re.search(r"\d|years", t) for t in texts)


def certs_of(nlp, text):
    return {c["id"]: c for c in nlp(text)._.certifications}


def test_csp_is_disambiguated_by_context(nlp):
    safety = certs_of(nlp, "Requirements:\nCSP credential required; OSHA and EHS program experience.\n")
    sales = certs_of(nlp, "Preferred:\nA sales certification such as the CPSA's CSP is a plus.\n")
    bare = certs_of(nlp, "Requirements:\nCSP required.\n")
    assert list(safety) == ["cert.csp_safety"] and safety["cert.csp_safety"]["required"] is True
    assert list(sales) == ["cert.csp_cpsa"] and sales["cert.csp_cpsa"]["required"] is False
    assert bare == {}


def test_csam_is_disambiguated_by_context(nlp):
    sales = certs_of(nlp, "Preferred:\nCSAM from SAMA for strategic account managers.\n")
    software = certs_of(nlp, "Preferred:\nCSAM certification (IAITAM) for software asset and license audits.\n")
    assert list(sales) == ["cert.csam"]
    assert list(software) == ["cert.cam_sw"]


def test_company_held_certificates_degrees_and_clearances_are_not_candidate_certs(nlp):
    found = certs_of(nlp, "Our facility is ISO 9001 certified and SOC 2 compliant.\n\nRequirements:\n"
                          "Bachelor's degree in Marketing; active Secret clearance; PMP certification required.\n"
                          "Valid driver's license.\n")
    assert set(found) == {"cert.pmp", "cert.driver"}
    assert found["cert.pmp"]["name"] == "PMP" and found["cert.pmp"]["required"] is True


def test_a_certifications_label_names_certifications_the_taxonomy_does_not_know(nlp):
    doc = nlp("Requirements\nBachelor's degree in business\n"
              "Further degrees/certifications: Certified Widget Auditor or Master of Trade Law, PMP certification\n"
              "Licenses & Certifications: Valid driver's license, Certified Fleet Planner (preferred).\n"
              "Certifications: None required\nCertification: Top Secret clearance\n")
    found = {c["name"]: c for c in doc._.certifications}
    assert set(found) == {"PMP", "driver's license", "Certified Widget Auditor", "Certified Fleet Planner"}
    assert found["Certified Widget Auditor"]["id"] is None and found["Certified Fleet Planner"]["required"] is False
    assert nlp("About us\nWe are proud that our plant holds these certifications: ISO 9001, AS9100.\n")._.certifications == []


def test_fields_of_study_have_cip_codes(nlp):
    doc = nlp("Bachelor's degree in Business, Marketing or Computer Science required.")
    fields = {f["field"]: f["cip"] for f in doc._.field_matches}
    assert fields == {"business": "52.0101", "marketing": "52.1401", "computer science": "11.0701"}


def test_long_lists_are_read_whole(nlp):
    doc = nlp("Requirements:\n" + "Excel, PowerPoint, " * 2500)
    assert len(doc._.skills) == 5000
    assert {s["canonical"] for s in doc._.skills} == {"Microsoft Excel", "Microsoft PowerPoint"}



@pytest.fixture(scope="module")
def full_nlp():
    """The whole pipeline: its tokenizer splits camel case ("HubSpot" -> "Hub", "Spot")."""
    from analysis.pipeline import build_nlp
    return build_nlp()


def test_camel_case_names_keep_their_case(full_nlp):
    """'InDesign' split by the tokenizer is 'In Design'; lower-cased it is ordinary English."""
    found = skills_of(full_nlp, "Requirements:\n3+ years of experience working in design, layout and/or testing.\n"
                                "Experience with InDesign and HubSpot, or Hubspot CRM.\n")
    assert found["Adobe InDesign"]["text"] == "InDesign"  # the first mention: not "in design"
    assert found["HubSpot"]["text"] == "HubSpot"


def test_tool_names_that_are_common_words_match_only_with_their_case(nlp):
    found = skills_of(nlp, "Requirements:\n- You excel in a fast-paced team and keep a positive outlook.\n"
                           "- Available across the workday and in spring.\n")
    assert not {"Microsoft Excel", "Microsoft Office", "Workday", "Spring"} & set(found)
    found = skills_of(nlp, "Requirements:\n- Experience with Excel, Outlook, Workday and Spring Boot.\n")
    assert {"Microsoft Excel", "Microsoft Office", "Workday", "Spring"} <= set(found)


def test_automation_alone_is_no_engineering_discipline(nlp):
    found = skills_of(nlp, "Requirements:\n- Experience with workflow automation for invoices.\n")
    assert "controls engineering" not in found


def test_cue_stems_do_not_fire_on_ordinary_words(nlp):
    """Cue stems that prefix ordinary words ('detail' in 'Detailed', 'demo' in 'demonstrated',
    'follow' in 'follow procedures', 'consensus' as a name) give a free phrase no concept."""
    found = {s["text"]: s["canonical"] for s in nlp(
        "Requirements:\n- Detailed understanding of tariff schedules\n"
        "- Sense of urgency and a demonstrated history of success\n- Ability to follow safety procedures\n"
        "- Familiar with Consensus, Tarnwell and similar tools\n- Exposure to grant-funded projects\n")._.skills}
    assert found["tariff schedules"] != "attention to detail"  # "Detailed understanding of" is filler
    assert found["Sense of urgency"] != "sales presentations and demos"
    assert found["follow safety procedures"] != "customer follow-up"
    assert found["Consensus"] != "persuasion and influencing"
    assert found.get("grant-funded projects") != "project management"  # work on projects, not managing them


def test_one_concept_one_canonical(nlp):
    found = {s["text"]: s["canonical"] for s in nlp(
        "Requirements:\n- Experience in the mortgage industry or with mortgages\n"
        "- Strategic thought leadership\n- Payroll and payroll processing\n"
        "- A high-energy seller with strong networking skills\n- Knowledge of networking services and VPN\n")._.skills}
    assert found["mortgage"] == found["mortgages"]
    assert found["thought leadership"] == "thought leadership"  # not people leadership
    assert found["Payroll"] == found["payroll processing"]
    assert found["high-energy"] == "high energy"  # not the energy industry
    assert found["networking skills"] == "relationship building"
    assert found["networking services"] == "computer networking"


def test_plural_forms_name_the_same_concept(tax):
    """A form and its plural ('mortgage', 'mortgages') never name two concepts."""
    owner = {}
    for row in tax.skills.values():
        for form in [row["canonical"], *filter(None, row["synonyms"].split("|"))]:
            owner.setdefault(form.lower(), row["canonical"])
    clashes = [(f, owner[f], owner[f[:-1]]) for f in owner
               if f.endswith("s") and f[:-1] in owner and owner[f] != owner[f[:-1]]]
    assert clashes == []


def test_sales_vocabulary_from_esco_and_onet(nlp):
    found = {s["text"]: s["canonical"] for s in nlp(
        "Requirements:\n- Strong price negotiation and sales management skills\n"
        "- An established professional network\n- Experience with Crystal Reports and sales force automation\n"
        "- Customer segmentation and business requirements analysis\n"
        "- Known as a trusted advisor; white space analysis and market penetration\n")._.skills}
    assert found["price negotiation"] == "negotiation"
    assert found["sales management"] == "leadership and mentoring"
    assert found["professional network"] == "relationship building"
    assert found["Crystal Reports"] == "BI and dashboard tools"
    assert found["sales force automation"] == "CRM software"
    assert found["Customer segmentation"] == "customer segmentation"
    assert found["business requirements analysis"] == "business analysis"
    assert found["trusted advisor"] == "relationship building"
    assert found["white space analysis"] == "upselling and cross-selling"
    assert found["market penetration"] == "business development"


def test_cue_stems_are_not_prefixes_of_unrelated_words(nlp):
    """'quota' is no prefix of 'quotations', 'pivot' of 'Pivotal', 'media' of 'Mediation'."""
    found = {s["text"]: s["canonical"] for s in nlp(
        "Requirements:\n- Preparing quotations and invoices\n- Pivotal role in a small office\n"
        "- Mediation of disputes\n")._.skills}
    assert found["Preparing quotations"] == "proposals and RFPs"
    assert found.get("Pivotal role") != "Microsoft Excel"
    assert found["Mediation of disputes"] == "conflict resolution"


def test_activity_worded_esco_concepts_and_onet_elements_are_linked(tax):
    assert tax.skills["rel.stakeholder_mgmt"]["esco"].startswith("http://data.europa.eu/esco/skill/")
    assert tax.skills["rel.attention_to_detail"]["esco"].startswith("http://data.europa.eu/esco/skill/")
    assert tax.skills["soft.decision_making"]["onet"] == "2.B.4.e"


def test_compounds_match_with_or_without_hyphen(tax, nlp):
    assert tax.skill_forms["web-browsers"] == tax.skill_forms["web browsers"]
    assert tax.skill_forms["e commerce"] == tax.skill_forms["e-commerce"]
    found = {s["text"]: s["canonical"] for s in nlp(
        "Requirements:\n- Comfortable with web-browsers and e commerce tools\n")._.skills}
    assert found["web-browsers"] == "technical aptitude"


def test_a_degree_in_computing_is_computer_science(nlp):
    doc = nlp("Bachelor's degree in computing or a related discipline.")
    assert [f["field"] for f in doc._.field_matches] == ["computer science"]
