"""Precision of free skill phrases and of phrases given a concept by a cue: where such a phrase
starts and ends, and which phrases name no ability at all (texts of our own)."""
from __future__ import annotations

import pytest

from analysis.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def skills(nlp, text):
    return {s["text"]: s["canonical"] for s in nlp(text)._.skills}


def test_in_depth_and_detailed_are_filler_before_a_skill(nlp):
    found = skills(nlp, "Requirements\n- In-depth knowledge of barge chartering\n"
                        "- Detailed understanding and ability to plan cargo stowage\n")
    assert "barge chartering" in found
    assert not any(t.lower().startswith(("depth", "detailed")) for t in found)


def test_a_result_clause_or_a_passive_is_no_skill_name(nlp):
    found = skills(nlp, "Requirements\n- Working knowledge of tariff codes, allowing for faster customs filings\n"
                        "- Crate tracker used for pallet audits\n- Enabling smoother dock handovers\n")
    assert "tariff codes" in found
    assert not any(t.lower().startswith(("allowing", "enabling")) or " used " in t for t in found)


def test_a_phrase_of_generic_words_takes_no_concept_from_its_neighbours(nlp):
    found = skills(nlp, "Requirements\n- Numerate and has a sound understanding of the business environment, deadlines and priorities\n"
                        "- 2 years of IT related experience\n")
    assert "business environment" not in found
    assert "IT related" in found


def test_the_party_the_work_is_done_with_is_no_skill(nlp):
    found = skills(nlp, "Requirements\n- Ability to engage with prospects and build rapport\n"
                        "- Clear presenting skills for both technical and executive audiences\n"
                        "- Experience working with external vendors, senior management and key partners\n"
                        "- Strong recruitment and management skills\n"
                        "- 8 years of experience at an executive level role\n")
    assert not {"prospects", "executive audiences", "external vendors", "senior management", "key partners",
                "executive level role"} & set(found)
    assert "management" in found


def test_a_phrase_opening_with_a_given_thing_of_the_job_is_no_skill(nlp):
    found = skills(nlp, "Requirements\n- Fluency with necessary dispatch software\n"
                        "- Ability to plan routes in a large, assigned geography\n"
                        "- Experience in existing Harbor Portals such as DockView\n"
                        "- Ability to grow existing accounts\n- Existing relationships with grain buyers\n")
    assert not {"necessary dispatch software", "assigned geography", "existing Harbor Portals"} & set(found)
    assert any("existing accounts" in t for t in found)
    assert "Existing relationships" in found  # the candidate's own asset, a skill cue


def test_a_capability_word_opening_a_compound_does_not_make_a_duty_an_ability(nlp):
    found = skills(nlp, "Preferred Qualifications\n- Contribute to depot training programs, drills and knowledge-sharing sessions\n")
    assert not {"Contribute to depot training programs", "drills"} & set(found)


def test_a_list_shares_its_skills_noun_only_with_words_coordinated_with_it(nlp):
    found = skills(nlp, "Requirements\n- Is a cheerful, tireless self-starter, with strong rigging skills\n"
                        "- Strong loading, lashing and rigging skills\n")
    assert "cheerful" not in found
    assert "loading" in found


def test_a_lone_word_before_skills_keeps_the_noun_in_its_canonical(nlp):
    """"Strong glassblowing skills" names the concept "glassblowing skills" (the span stays the
    shortest phrase); a word of a list with no "skills" after it keeps its own name."""
    found = skills(nlp, "Requirements\nStrong glassblowing skills\n"
                        "Experience with other kinds of databases preferred such as Quarry, columnar, etc.\n")
    assert found["glassblowing"] == "glassblowing skills"
    assert found["columnar"] == "columnar"
