"""Skill lines that look like headings, glued bullets, canonical cues and span trimming, read
through the full pipeline (its tokenizer splits glued bullets)."""
from __future__ import annotations

import pytest

from analysis.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def skills(nlp, text):
    return {s["text"]: s["canonical"] for s in nlp(text)._.skills}


@pytest.mark.parametrize("prefix", ["", "What we look for\n", "Your day to day\n"])
def test_short_title_case_skill_lines_are_read(nlp, prefix):
    found = skills(nlp, prefix + "Experience Creating Reports in Looker or Tableau\n"
                                 "Hands-On Experience With HubSpot Sales Hub\n"
                                 "Expert Excel Skills (VLOOKUP, Pivot Tables)\n")
    assert found.get("Looker") == found.get("Tableau") == "BI and dashboard tools"
    assert found.get("HubSpot Sales Hub") == "HubSpot"
    assert {found.get("VLOOKUP"), found.get("Pivot Tables")} == {"Microsoft Excel"}


def test_section_headings_alone_name_no_skill(nlp):
    assert skills(nlp, "Skills and Experience\nRequirements\nPreferred Qualifications\n") == {}


def test_glued_bullets_are_split(nlp):
    found = skills(nlp, "Requirements\nYou know the pharma marketFluency with SFDC and HubspotCold calling "
                        "experience is a plusCRM skills.Attention to detail\n")
    assert found.get("SFDC") == "Salesforce"
    assert found.get("Hubspot") == "HubSpot"
    assert found.get("Cold calling") == "prospecting and lead generation"
    assert found.get("Attention to detail") == "attention to detail"
